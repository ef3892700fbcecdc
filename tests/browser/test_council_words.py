"""In Chromium: the council's own words open from a page with the keyboard, and a screen reader is
told what the control is and what it does."""

from playwright.sync_api import expect


def accessible(page, selector: str) -> dict:
    """The role and name Chromium gives assistive technology for the first element matching `selector`."""
    cdp = page.context.new_cdp_session(page)
    document = cdp.send("DOM.getDocument")
    node = cdp.send("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": selector})
    tree = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node["nodeId"], "fetchRelatives": False})
    found = tree["nodes"][0]
    return {"role": found["role"]["value"], "name": found.get("name", {}).get("value", ""),
            "expanded": next((p["value"]["value"] for p in found.get("properties", []) if p["name"] == "expanded"), None)}


def test_the_councils_words_open_with_the_keyboard_and_are_named_for_a_screen_reader(page):
    page.goto(page.base + "trafford/graduated-approach/")
    said = page.locator("details.lo-said").first
    expect(said).to_be_visible()
    quote = said.locator("blockquote").first
    expect(quote).to_be_hidden()
    before = accessible(page, "details.lo-said > summary")
    assert before["name"] == "In Trafford Council's words" and before["expanded"] is False, before
    assert before["role"] in ("DisclosureTriangle", "button"), before

    # From the link before it, Tab reaches the summary; Enter opens it and Space closes it.
    said.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(said).to_have_attribute("open", "")
    expect(quote).to_be_visible()
    assert accessible(page, "details.lo-said > summary")["expanded"] is True
    source = said.locator(".lo-said__source").first
    expect(source).to_contain_text("SEN support")
    expect(source).to_contain_text("2023")
    page.keyboard.press(" ")
    expect(said).not_to_have_attribute("open", "")


def test_every_quoted_page_prints_the_councils_words(page):
    page.goto(page.base + "trafford/graduated-approach/")
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    closed = page.evaluate("() => [...document.querySelectorAll('details.lo-said')].filter(d => !d.open).length")
    assert closed == 0
    assert page.locator("details.lo-said").count() > 3
