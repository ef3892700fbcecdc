"""Journeys a parent takes, checked on what the screen shows."""

import re

from playwright.sync_api import expect

from conftest import search_result_links


def test_choose_trafford_then_read_the_guide_and_the_funding(page):
    page.goto(page.base)
    page.get_by_role("link", name="Trafford", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("SEND support in Trafford")
    page.get_by_role("link", name="The graduated approach, step by step").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("graduated approach in Trafford")
    expect(page.locator("ol.lo-step-by-step").first).to_contain_text("Initial concerns")
    page.get_by_role("link", name="Funding and top-up").first.click()
    expect(page.locator("article")).to_contain_text("£6,000")
    expect(page.locator("article")).to_contain_text("Element 2")


def test_search_for_one_point_panel_finds_stocktons_pages_first(page):
    # Stockton's overview explains the term and its funding page says how to apply: both come first.
    page.goto(page.base)
    pages = list(dict.fromkeys(search_result_links(page, "One Point Panel")))
    assert set(pages[:2]) == {"/stockton-on-tees/", "/stockton-on-tees/funding/"}, pages


def test_an_faq_answer_opens_and_closes(page):
    page.goto(page.base + "stockton-on-tees/faqs/")
    faq = page.locator("details.lo-faq").first
    answer = faq.locator("div").first
    expect(answer).to_be_hidden()
    faq.locator("> summary").click()
    expect(answer).to_be_visible()
    faq.locator("> summary").click()
    expect(answer).to_be_hidden()


def test_contact_links_are_valid_tel_and_mailto(page):
    page.goto(page.base + "stockton-on-tees/contacts/")
    tel = [a.get_attribute("href") for a in page.locator("a[href^='tel:']").all()]
    mail = [a.get_attribute("href") for a in page.locator("a[href^='mailto:']").all()]
    assert tel == ["tel:+441642527158", "tel:+441642527145"]
    assert all(re.fullmatch(r"mailto:[^@\s]+@[^@\s]+\.[a-z]{2,}", m) for m in mail) and len(mail) == 2
    expect(page.locator("article")).to_contain_text("01642 527158")
