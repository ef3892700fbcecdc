"""In Chromium, a split site's council pages load their own council's index (macros/build/search_scopes.py)."""

from __future__ import annotations

import pytest

from conftest import search_result_links, served


@pytest.fixture(scope="module")
def split_url(split_site):
    with served(split_site) as url:
        yield url


def indexes_loaded(page) -> list[str]:
    return [url.rsplit("/search/", 1)[1] for url in page.loaded if "/search/" in url and url.endswith(".json")]


@pytest.fixture
def tab(page):
    page.loaded = []
    page.errors = []
    page.on("request", lambda r: page.loaded.append(r.url))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    return page


def test_a_council_page_searches_its_own_councils_text(tab, split_url):
    tab.goto(split_url + "stockton-on-tees/funding/")
    # Words from the body of Stockton's funding page, not from any heading.
    found = search_result_links(tab, "allocated per annum")
    assert any(link.endswith("stockton-on-tees/funding/") for link in found[:3]), found
    assert indexes_loaded(tab) == ["stockton-on-tees.json"]
    assert not tab.errors


def test_the_home_page_finds_council_pages_by_name(tab, split_url):
    tab.goto(split_url)
    found = search_result_links(tab, "Funding in Trafford")
    assert found[0].endswith("trafford/funding/"), found
    assert indexes_loaded(tab) == ["search_index.json"]
    assert not tab.errors
