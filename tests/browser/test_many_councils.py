"""In Chromium, a site with 25 councils and one with 150: the home page's A to Z of councils and its
filter box, and the compare page's choice of councils, readable at 320 px, with and without
JavaScript, targets big enough to tap, and no WCAG violations."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect

from conftest import served
from support import build
from test_accessibility import WCAG_TAGS, describe, run_axe
from test_layout import OVERFLOW

from scripts.synthetic import write_authorities
from macros.pages.compare import FACTS, NOT_PUBLISHED

SIZES = (25, 150)
WIDTHS = (320, 1280)


class Site:
    def __init__(self, url: str, councils: list[dict]):
        self.url = url
        self.councils = councils  # each council's slug and short name, in the files' order

    @property
    def names(self) -> list[str]:
        return [c["short_name"] for c in self.councils]


@pytest.fixture(scope="module", params=SIZES, ids=lambda n: f"{n}-councils")
def site(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"councils-{request.param}")
    written = write_authorities(folder / "authorities", request.param)
    result = build(folder / "site", LOCAL_OFFER_AUTHORITIES_DIR=str(folder / "authorities"))
    assert result.returncode == 0, result.stderr
    # The site lists them in the order of their files' names.
    councils = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(written)]
    with served(folder / "site") as url:
        yield Site(url, [{"slug": c["slug"], "short_name": c["short_name"]} for c in councils])


COUNCILS_JS = "**/assets/javascripts/councils.js"


def tab(browser, width: int = 1280, javascript: bool = True, first_paint: bool = False, councils_js: bool = True):
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript)
    if first_paint:
        # The page as first drawn: councils.js has marked <html> (its first statement, in the head),
        # and has not yet added anything (it waits for the whole page).
        context.route(COUNCILS_JS, lambda route: route.fulfill(
            body="document.documentElement.classList.add('lo-js');", content_type="text/javascript"))
    if not councils_js:
        # The page as it is without JavaScript, where axe can still run (it needs timers).
        context.route(COUNCILS_JS, lambda route: route.fulfill(body="", content_type="text/javascript"))
    return context, context.new_page()


def where(page, selector: str) -> dict:
    return page.locator(selector).first.evaluate("e => { const r = e.getBoundingClientRect(); "
                                                 "return {top: r.top + scrollY, height: r.height}; }")


def nothing_moves(browser, url: str, width: int, selectors: list[str]):
    """Each of `selectors` is where it was first drawn once councils.js has run: the page does not jump."""
    drawn = {}
    for first_paint in (True, False):
        context, page = tab(browser, width, first_paint=first_paint)
        page.goto(url)
        page.wait_for_load_state("load")
        drawn[first_paint] = {selector: where(page, selector) for selector in selectors}
        context.close()
    for selector in selectors:
        first, after = drawn[True][selector], drawn[False][selector]
        assert abs(first["top"] - after["top"]) < 1 and abs(first["height"] - after["height"]) < 1, (selector, first, after)


def no_sideways_scroll(page):
    result = page.evaluate(OVERFLOW)
    assert result["scroll"] <= result["width"] and not result["wide"], result


def axe_clean(page):
    page.evaluate("document.getAnimations().forEach(a => a.finish())")
    result = run_axe(page, WCAG_TAGS)
    assert not result["violations"], describe(result["violations"])


def visible_council_links(page) -> list[str]:
    return page.locator(".lo-council-az__list a").evaluate_all(
        "links => links.filter(a => a.checkVisibility()).map(a => a.textContent.trim())")


def too_small(page, selector: str) -> list[dict]:
    """Each visible link under `selector` less than 24 by 24 CSS px (WCAG 2.2, 2.5.8)."""
    return page.locator(selector).evaluate_all("""links => links.filter(a => a.checkVisibility()).map(a => {
        const box = a.getBoundingClientRect();
        return {text: a.textContent.trim().slice(0, 40), width: box.width, height: box.height};
      }).filter(box => box.width < 24 || box.height < 24)""")


# The home page


@pytest.mark.parametrize("width", WIDTHS)
def test_the_home_page_lists_every_council_a_to_z_in_few_links(browser, site, width):
    context, page = tab(browser, width)
    page.goto(site.url)
    expect(page.get_by_label("Find your council: type part of its name")).to_be_visible()
    assert visible_council_links(page) == sorted(site.names, key=str.casefold)
    letters = page.locator(".lo-council-az__letter").all_inner_texts()
    assert letters == sorted({name[0].upper() for name in site.names})
    links = page.locator("article a[href]").count()
    assert links <= len(site.names) + 30, f"{links} links for {len(site.names)} councils"
    hrefs = page.locator(".lo-council-az__list a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert sorted(hrefs) == sorted(f"/{c['slug']}/" for c in site.councils)
    # The advice on which council to choose stays on the home page.
    expect(page.locator("article")).to_contain_text("choose the council for the area where your child's school is")
    expect(page.locator("article")).to_contain_text("choose the council for the area where your child lives")
    assert too_small(page, ".lo-council-az a") == []
    no_sideways_scroll(page)
    axe_clean(page)
    context.close()
    nothing_moves(browser, site.url, width, [".lo-council-az__filter", ".lo-council-az__letters"])


@pytest.mark.parametrize("query", ["ox", "ASH", "ford", "st", "Wen-"])
def test_the_filter_narrows_the_list_as_you_type_and_says_how_many_match(browser, site, query):
    context, page = tab(browser)
    page.goto(site.url)
    box = page.get_by_label("Find your council: type part of its name")
    count = page.locator(".lo-council-az__count")
    expect(count).to_have_attribute("aria-live", "polite")
    expect(count).to_have_text(f"All {len(site.names)} councils are listed.")
    box.press_sequentially(query, delay=20)
    expect(box).to_be_focused()  # the theme's keyboard shortcuts (s, f, /) leave the box alone
    words = re.sub(r"[^a-z0-9]+", " ", query.lower()).strip()
    wanted = sorted((n for n in site.names if words in re.sub(r"[^a-z0-9]+", " ", n.lower())), key=str.casefold)
    expect(page.locator(".lo-council-az__list a:visible")).to_have_count(len(wanted))
    assert visible_council_links(page) == wanted
    if not wanted:
        expect(count).to_have_text(re.compile(r"^No council matches"))
    else:
        expect(count).to_have_text(f"{len(wanted)} council{'s' if len(wanted) > 1 else ''} "
                                   f"match{'es' if len(wanted) == 1 else ''} \u201c{query}\u201d.")
        # A letter with no council left is not left behind as an empty heading.
        letters = page.locator(".lo-council-az__letter:visible").all_inner_texts()
        assert letters == sorted({n[0].upper() for n in wanted})
    box.fill("")
    expect(count).to_have_text(f"All {len(site.names)} councils are listed.")
    assert len(visible_council_links(page)) == len(site.names)
    context.close()


def test_no_council_matches_a_name_that_is_not_there(browser, site):
    context, page = tab(browser, 320)
    page.goto(site.url)
    page.get_by_label("Find your council: type part of its name").press_sequentially("Qzxv")
    expect(page.locator(".lo-council-az__count")).to_have_text(re.compile(r"^No council matches \u201cQzxv\u201d"))
    assert visible_council_links(page) == []
    no_sideways_scroll(page)
    axe_clean(page)
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_without_javascript_the_full_list_shows_and_no_filter_box(browser, site, width):
    context, page = tab(browser, width, javascript=False)
    page.goto(site.url)
    assert visible_council_links(page) == sorted(site.names, key=str.casefold)
    assert page.locator("article input").count() == 0
    assert page.locator(".lo-council-az__filter").evaluate("e => e.getBoundingClientRect().height") == 0
    no_sideways_scroll(page)
    context.close()


# The compare page


def choose(page, *names: str):
    for index, name in enumerate(names):
        page.locator(f"#lo-compare-{index + 1}").select_option(label=name)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_parent_chooses_two_councils_and_sees_only_those_side_by_side(browser, site, width):
    context, page = tab(browser, width)
    page.goto(site.url + "compare/")
    first, second = site.councils[1], site.councils[-1]
    expect(page.locator("table.lo-side-by-side__table")).to_have_count(0)
    expect(page.locator("section.lo-side-by-side__council:visible")).to_have_count(0)
    choose(page, first["short_name"], second["short_name"])
    table = page.locator("table.lo-side-by-side__table")
    expect(table.locator("thead th")).to_have_text(["What parents compare", first["short_name"], second["short_name"]])
    expect(table.locator("tbody th")).to_have_text([fact.label for fact in FACTS])
    expect(page.locator(".lo-side-by-side__status")).to_have_text(
        f"Showing {first['short_name']} and {second['short_name']} side by side.")
    for council, column in ((first, 1), (second, 2)):
        cells = table.locator(f"tbody td:nth-child({column + 1})")
        expect(cells).to_have_count(len(FACTS))
        # Each cell is the council's own answer, or says it is not here yet, and links to its page.
        shown = cells.evaluate_all("cs => cs.map(c => c.querySelector('a').textContent.trim())")
        own = page.locator(f"#council-{council['slug']} dd").evaluate_all("ds => ds.map(d => d.textContent.trim())")
        assert shown == own and all(shown)
        hrefs = cells.evaluate_all("cs => cs.map(c => new URL(c.querySelector('a').href).pathname)")
        assert all(href.startswith(f"/{council['slug']}/") for href in hrefs), hrefs
    assert too_small(page, "article .lo-side-by-side a") == []
    no_sideways_scroll(page)
    axe_clean(page)
    # The choice is kept in the address, so it can be bookmarked and shared.
    page.reload()
    expect(table.locator("thead th")).to_have_text(["What parents compare", first["short_name"], second["short_name"]])
    context.close()
    nothing_moves(browser, site.url + "compare/", width, [".lo-side-by-side__picker", ".lo-side-by-side__download"])


def test_a_third_council_adds_a_column_and_a_repeated_one_does_not(browser, site):
    context, page = tab(browser, 320)
    page.goto(site.url + "compare/")
    a, b, c = (council["short_name"] for council in site.councils[:3])
    choose(page, a, b, c)
    expect(page.locator("table.lo-side-by-side__table thead th")).to_have_text(["What parents compare", a, b, c])
    choose(page, a, b, a)
    expect(page.locator("table.lo-side-by-side__table thead th")).to_have_text(["What parents compare", a, b])
    no_sideways_scroll(page)
    assert too_small(page, "article .lo-side-by-side a") == []
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_without_javascript_the_compare_page_shows_a_section_per_council(browser, site, width):
    context, page = tab(browser, width, javascript=False)
    page.goto(site.url + "compare/")
    sections = page.locator("section.lo-side-by-side__council")
    expect(sections).to_have_count(len(site.councils))
    assert sections.locator("h2").all_inner_texts() == site.names
    first = sections.first
    expect(first.locator("dt")).to_have_text([fact.label for fact in FACTS])
    values = page.locator("section.lo-side-by-side__council dd").all_inner_texts()
    assert len(values) == len(FACTS) * len(site.councils) and all(v.strip() for v in values)
    assert NOT_PUBLISHED in values, "a synthetic council lacks a fact, which must say so"
    assert page.locator("section.lo-side-by-side__council dd a").count() == len(values), "every answer links"
    assert page.locator("article select").count() == 0
    no_sideways_scroll(page)
    context.close()
    if len(site.councils) == SIZES[0]:  # 150 councils hold 1,200 links: the first 25 councils' are enough
        context, page = tab(browser, width, councils_js=False)
        page.goto(site.url + "compare/")
        expect(page.locator("section.lo-side-by-side__council").first).to_be_visible()
        assert too_small(page, "article .lo-side-by-side a") == []
        axe_clean(page)
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_coverage_page_is_a_section_per_council_readable_at_any_width(browser, site, width):
    context, page = tab(browser, width)
    page.goto(site.url + "coverage/")
    expect(page.locator("section.lo-side-by-side__council")).to_have_count(len(site.councils))
    expect(page.locator("section.lo-side-by-side__council").first).to_be_visible()
    no_sideways_scroll(page)
    if len(site.councils) == SIZES[0]:
        assert too_small(page, "article .lo-side-by-side a") == []
        axe_clean(page)
    context.close()
