"""The built site: every council gets the same pages, carrying its own seed facts."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from support import ROOT, search_pages
from macros.data.loader import load_authorities
from macros.pages.page_kinds import PAGE_KINDS
from macros.data.schema import SCHEMA_FILE, schema_text

AUTHORITIES, _ = load_authorities(ROOT / "authorities")
SLUGS = ["barking-and-dagenham", "blackburn-with-darwen", "camden", "stockton-on-tees", "trafford"]


def page_text(site: Path, url: str) -> str:
    """What a reader sees in the page's main content, as one line of text."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    main = html.split('<article', 1)[1].split("</article>", 1)[0]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main)))


def title_of(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))


def test_the_schema_file_is_up_to_date():
    committed = (ROOT / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text(), "run scripts/generate_schema.py and commit the result"


def test_every_field_in_the_schema_tells_an_editor_what_it_is():
    import json

    schema = json.loads((ROOT / SCHEMA_FILE).read_text(encoding="utf-8"))
    models = [("Authority", schema), *schema["$defs"].items()]
    missing = [f"{name}.{field}" for name, model in models for field, spec in model.get("properties", {}).items()
               if len(spec.get("description", "")) < 10]
    assert missing == []


def test_every_authority_file_points_editors_at_the_schema():
    for path in (ROOT / "authorities").glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=./authority.schema.json", path.name


def test_every_file_is_a_council_and_the_five_seeded_ones_are_there():
    assert sorted(a.slug for a in AUTHORITIES) == sorted(p.stem for p in (ROOT / "authorities").glob("*.yaml"))
    assert set(SLUGS) <= {a.slug for a in AUTHORITIES}


@pytest.mark.parametrize("slug", sorted(a.slug for a in AUTHORITIES))
def test_every_council_has_every_page_kind_titled_with_its_name(built_site, slug):
    authority = next(a for a in AUTHORITIES if a.slug == slug)
    for kind in PAGE_KINDS:
        url = kind.url(slug)
        assert (built_site / url / "index.html").exists(), url
        assert authority.short_name in title_of(built_site, url)
        text = page_text(built_site, url)
        assert f"Last reviewed: {authority.last_reviewed.day} {authority.last_reviewed:%B %Y}" in text
        assert "Next review due:" in text
        # The council's contents list, in the same order on every page, marking where you are.
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        contents = html.split('<nav class="lo-guide-contents"', 1)[1].split("</nav>", 1)[0]
        items = [unescape(re.sub(r"<[^>]+>", "", li)).strip() for li in re.findall(r"<li>(.*?)</li>", contents)]
        assert items == [k.contents_label for k in PAGE_KINDS], url
        assert f'<span aria-current="page">{kind.contents_label.replace(chr(39), "&#39;")}</span>' in contents


def test_the_landing_page_lets_a_parent_choose_their_council(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    for authority in AUTHORITIES:
        assert re.search(rf'<a [^>]*href="{authority.slug}/">{authority.short_name}</a>', html)


SEED_FACTS = {
    "trafford/funding": ["Element 2", "£6,000"],
    "trafford/graduated-approach": ["Initial concerns", "Step 7", "Application for EHC Needs Assessment",
                                    "at least 2 times with Element 2 funding"],
    "trafford/": ["SEN Support", "High Level SEN Support", "SEN Support Plan"],
    "trafford/ehc-needs-assessment": ["appeal"],
    "stockton-on-tees/funding": ["One Point Panel", "£6,000", "without an EHC needs assessment", "signed consent"],
    "stockton-on-tees/graduated-approach": ["at least 3 times a year"],
    "stockton-on-tees/contacts": ["01642 527158", "SENDIASS@stockton.gov.uk", "01642 527145", "sensection@stockton.gov.uk"],
    "barking-and-dagenham/graduated-approach": [
        "Effective Inclusive Classrooms", "Focused Intervention/Low Level Support", "Specific Provision/High Level Support",
        "External Agency", "High Needs Top-up Funding", "Gather evidence for EHC Needs Assessment",
        "Universal Support", "Universal Plus Support", "Enhanced Support", "Targeted and Specialist Support and EHCP"],
    "barking-and-dagenham/": ["My One Plan"],
    "camden/contacts": ["0207 974 6264"],
    "blackburn-with-darwen/school": ["SENCO", "Attendance Policy", "School Accessibility Plan", "governor"],
    "blackburn-with-darwen/contacts": ["local.offer@blackburn.gov.uk"],
}


@pytest.mark.parametrize("url", list(SEED_FACTS))
def test_seed_facts_are_on_their_councils_pages(built_site, url):
    text = page_text(built_site, url)
    for fact in SEED_FACTS[url]:
        assert fact in text, f"{fact!r} missing from {url}"


def test_stocktons_eighteen_expectations_are_all_listed(built_site):
    html = (built_site / "stockton-on-tees" / "school" / "index.html").read_text(encoding="utf-8")
    section = html.split('id="expectations-2"', 1)[1].split("</ul>", 1)[0]
    assert section.count("<li") == 18


def test_contact_links_can_be_followed(built_site):
    html = (built_site / "stockton-on-tees" / "contacts" / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:+441642527158"' in html
    assert 'href="mailto:SENDIASS@stockton.gov.uk"' in html


def test_a_missing_section_says_so_and_whom_to_ask(built_site):
    # Stockton's pages say nothing about its EHC needs assessment steps.
    text = page_text(built_site, "stockton-on-tees/ehc-needs-assessment")
    assert "This is not on this site yet" in text
    assert "SEN Team" in text or "SEN team" in text


def test_no_page_asks_another_website_for_anything(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fetched = re.sub(r'<link rel="(?:canonical|alternate)"[^>]*>', "", html)  # addresses, never fetched
        for match in re.finditer(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(https?:)?//([^"/]+)', fetched):
            pytest.fail(f"{page.relative_to(built_site)} loads from {match.group(2)}")
        assert "fonts.googleapis" not in html and "googletagmanager" not in html


def test_search_index_titles_name_the_council(built_site):
    pages = {page["url"]: page for page in search_pages(built_site)}
    assert "Trafford" in pages["/trafford/funding/"]["meta"]["title"]
    assert pages["/trafford/funding/"]["meta"]["council"] == "Trafford"
    assert pages["/glossary/"]["meta"]["council"] == "Every council"
    assert pages["/trafford/funding/"]["filters"]["council"] == ["Trafford"]


def test_accessibility_statement_has_the_recommended_sections_and_its_review_date(built_site):
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    reviewed = config["extra"]["accessibility"]["last_reviewed"]
    text = page_text(built_site, "accessibility")
    for heading in ["How accessible this website is", "Feedback and contact information", "Enforcement procedure",
                    "Compliance status", "Preparation of this accessibility statement"]:
        assert heading in text
    assert f"last reviewed on {reviewed.day} {reviewed:%B %Y}" in text
