"""One council, one site: LOCAL_OFFER_AUTHORITY builds a site with only that council and the national pages."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from support import ROOT, build, search_pages
from macros.data.loader import load_authorities
from macros.pages.page_kinds import PAGE_KINDS

AUTHORITIES, _ = load_authorities(ROOT / "authorities")
FIVE = ["barking-and-dagenham", "blackburn-with-darwen", "camden", "stockton-on-tees", "trafford"]
CHOSEN = "trafford"
# Pages written once for everyone: content/*.md, at the address MkDocs gives them.
NATIONAL = {"" if p.stem == "index" else f"{p.stem}/" for p in (ROOT / "content").glob("*.md")}


def names_of(authority) -> set[str]:
    """Every way a page could name a council: full name, place name and web address."""
    return {authority.name, authority.short_name, authority.slug}


def others() -> list:
    return [a for a in AUTHORITIES if a.slug != CHOSEN]


def sitemap_paths(site: Path) -> list[str]:
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    return [re.sub(r"^https?://[^/]+/", "", loc) for loc in re.findall(r"<loc>(.*?)</loc>", xml)]


def search_locations(site: Path) -> list[str]:
    return [page["url"].lstrip("/") for page in search_pages(site)]


def is_councils(path: str, slug: str) -> bool:
    return path == f"{slug}/" or path.startswith(f"{slug}/")


@pytest.fixture(scope="module")
def single_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("single")
    result = build(site, LOCAL_OFFER_AUTHORITY=CHOSEN)
    assert result.returncode == 0, result.stderr
    return site


def test_there_are_other_councils_to_leave_out():
    assert any(a.slug == CHOSEN for a in AUTHORITIES)
    assert others(), "this test needs more than one authority file"


def test_the_landing_page_sends_parents_straight_to_the_one_council(single_site):
    html = (single_site / "index.html").read_text(encoding="utf-8")
    assert f'href="{CHOSEN}/"' in html
    assert "Choose your council" not in html
    assert "lo-council-az" not in html


@pytest.mark.parametrize("what", ["landing page", "sitemap", "compressed sitemap", "search index", "every page"])
def test_no_other_council_is_named(single_site, what):
    if what == "landing page":
        texts = {"index.html": (single_site / "index.html").read_text(encoding="utf-8")}
    elif what == "sitemap":
        texts = {"sitemap.xml": (single_site / "sitemap.xml").read_text(encoding="utf-8")}
    elif what == "compressed sitemap":
        texts = {"sitemap.xml.gz": gzip.decompress((single_site / "sitemap.xml.gz").read_bytes()).decode("utf-8")}
    elif what == "search index":
        texts = {f"search index: {page['url']}": json.dumps(page, ensure_ascii=False) for page in search_pages(single_site)}
    else:
        texts = {str(p.relative_to(single_site)): p.read_text(encoding="utf-8") for p in single_site.rglob("*.html")}
    for name, text in texts.items():
        lowered = text.lower()
        for authority in others():
            # Its full name in any case; its place name as a name (Reading, not "reading"); its address.
            assert authority.name.lower() not in lowered, f"{name} names {authority.name}"
            assert not re.search(rf"\b{re.escape(authority.short_name)}\b", text), f"{name} names {authority.short_name}"
            assert not re.search(rf"[/\"']{re.escape(authority.slug)}/", text), f"{name} links to {authority.slug}/"


def test_the_sitemap_and_search_index_hold_only_the_council_and_national_pages(single_site):
    chosen_pages = {kind.url(CHOSEN) for kind in PAGE_KINDS}
    for source, paths in (("sitemap", sitemap_paths(single_site)), ("search index", search_locations(single_site))):
        stray = {p for p in paths if p not in NATIONAL and not is_councils(p, CHOSEN)}
        assert not stray, f"{source} has pages of no one council: {sorted(stray)}"
        assert chosen_pages <= set(paths), f"{source} is missing {sorted(chosen_pages - set(paths))}"
        assert NATIONAL <= set(paths), f"{source} is missing {sorted(NATIONAL - set(paths))}"
    for authority in others():
        assert not (single_site / authority.slug).exists(), authority.slug


def test_a_default_build_has_all_five_councils_and_the_chooser(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Choose your council" in html
    sitemap, search = sitemap_paths(built_site), search_locations(built_site)
    for slug in FIVE:
        assert f'href="{slug}/">' in html, slug
        for kind in PAGE_KINDS:
            assert kind.url(slug) in sitemap, kind.url(slug)
            assert kind.url(slug) in search, kind.url(slug)


@pytest.mark.parametrize("slug", ["traford", "Trafford", "no-such-council"])
def test_a_council_that_does_not_exist_stops_the_build_with_a_clear_message(tmp_path, slug):
    result = build(tmp_path / "site", LOCAL_OFFER_AUTHORITY=slug)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f'no authority file is called "{slug}.yaml"' in result.stderr
    assert "LOCAL_OFFER_AUTHORITY" in result.stderr
    assert "trafford" in result.stderr.split(f'"{slug}.yaml"', 1)[1]  # the hint lists the real choices
    assert not (tmp_path / "site" / "index.html").exists()
