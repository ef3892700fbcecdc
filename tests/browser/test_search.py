"""The site search in Chromium, through the box a parent uses (overrides/partials/search.html, search.js).

How well it ranks is scored on tests/search_questions.yaml; scripts/search_report.py prints every
miss and compares it with the theme's own search. The held-out list is scored there, never here:
a pass mark on it would be a reason to tune the site to it.
"""

from __future__ import annotations

import shutil
import sys

import pytest
from playwright.sync_api import expect

from conftest import search_result_links, served
from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from search_report import QUESTIONS, Outcome, load_questions, rates  # noqa: E402

from test_accessibility import WCAG_TAGS, describe, run_axe  # noqa: E402

TOP3_AT_LEAST = 0.95


def pages_of(paths: list[str]) -> list[str]:
    return [path.lstrip("/") for path in paths]


def test_search_finds_the_answer_in_the_top_three_for_the_questions_parents_ask(page):
    page.goto(page.base)
    outcomes = [Outcome(q["question"], q["answers"], pages_of(search_result_links(page, q["question"])))
                for q in load_questions(QUESTIONS) if q["answers"]]
    top1, top3 = rates(outcomes)
    missed = [(o.question, o.answers, o.results[:3]) for o in outcomes if not o.rank or o.rank > 3]
    assert top3 >= TOP3_AT_LEAST, f"top-3 {top3:.0%}, top-1 {top1:.0%}; missed: {missed}"


def test_a_wrong_answer_counts_as_a_miss(page):
    # The measure itself can fail: a question whose listed answer is not about it is a miss.
    page.goto(page.base)
    results = pages_of(search_result_links(page, "Stockton One Point Panel top-up funding"))
    assert Outcome("q", ["accessibility/"], results).rank is None
    assert Outcome("q", ["stockton-on-tees/funding/"], results).rank in (1, 2, 3)


def test_each_result_names_its_council_and_the_section_that_matched(page):
    page.goto(page.base)
    search_result_links(page, "Trafford top-up funding")
    first = page.locator("#lo-search-results > li").first
    expect(first.locator(".lo-search-result__page")).to_contain_text("Trafford")
    expect(first.locator(".lo-search-result__council")).to_have_text("Trafford")
    assert first.locator("mark").count() >= 1  # the words that matched, marked
    sections = page.locator("#lo-search-results .lo-search-result__section")
    assert sections.count() >= 1 and "#" in sections.first.get_attribute("href")
    expect(page.locator("#lo-search-status")).to_contain_text("match")


def test_on_a_councils_page_the_search_keeps_to_that_council_until_the_box_is_unticked(page):
    page.goto(page.base + "trafford/")
    results = search_result_links(page, "SENDIASS phone number")
    assert results and all(p.startswith("/trafford/") or p.count("/") == 2 for p in results), results
    only = page.get_by_label("Only Trafford and the guides for every council")
    expect(only).to_be_checked()
    only.uncheck()
    page.wait_for_function("() => document.querySelectorAll('#lo-search-results li').length > 0")
    page.wait_for_timeout(300)
    others = page.locator("#lo-search-results .lo-search-result__council").all_inner_texts()
    assert any(name not in ("Trafford", "For every council") for name in others), others


def test_a_question_naming_another_council_finds_that_council_first(page):
    page.goto(page.base + "trafford/")
    results = search_result_links(page, "Stockton One Point Panel")
    assert results[0].startswith("/stockton-on-tees/"), results


def test_the_keyboard_opens_moves_through_and_closes_the_search(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base)
    button = page.get_by_role("button", name="Search this site")
    expect(button).to_be_visible()
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#lo-search-input")).to_be_focused()
    page.keyboard.type("tribunal")
    page.wait_for_function("() => document.getElementById('lo-search-results').getAttribute('data-answered') === 'tribunal'")
    page.keyboard.press("ArrowDown")
    first = page.locator("#lo-search-results a").first
    expect(first).to_be_focused()
    drawn = "() => getComputedStyle(document.querySelector('.md-search__inner')).opacity"
    assert page.evaluate(drawn) == "1"
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    page.wait_for_function(drawn + " === '0'")  # the theme's closed search: no width, not drawn
    page.keyboard.press("/")
    expect(page.locator("#lo-search-input")).to_be_focused()


@pytest.mark.parametrize("width", [320, 1280])
def test_the_open_search_with_results_has_no_wcag_violations(page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(page.base + "trafford/funding/")
    search_result_links(page, "top-up funding")
    page.evaluate("document.getAnimations().forEach(a => a.finish())")
    result = run_axe(page, WCAG_TAGS)
    assert not result["violations"], describe(result["violations"])
    expect(page.get_by_role("searchbox", name="Search this site")).to_be_visible()
    expect(page.get_by_role("list", name="Search results")).to_be_visible()


def test_search_works_when_the_site_is_served_from_a_sub_path(browser, built_site, tmp_path):
    # As on GitHub Pages, where a project's site lives at /<repository>/.
    shutil.copytree(built_site, tmp_path / "local-offer")
    with served(tmp_path) as base:
        page = browser.new_page()
        try:
            page.goto(base + "local-offer/trafford/")
            results = search_result_links(page, "top-up funding")
            assert results and all(p.startswith("/local-offer/") for p in results), results
            page.locator("#lo-search-results a").first.click()
            expect(page.get_by_role("heading", level=1)).to_contain_text("Trafford")
        finally:
            page.close()
