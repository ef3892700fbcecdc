"""Keyboard only: a skip link, everything reachable with Tab, usable with Enter and Space, focus visible."""

from playwright.sync_api import expect

FOCUS_STATE = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || s.boxShadow !== 'none'
                  || s.textDecorationLine.includes('underline') && s.backgroundColor !== 'rgba(0, 0, 0, 0)';
  return {tag: e.tagName.toLowerCase(), text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40),
          href: e.getAttribute('href'), visible};
}"""


def test_first_tab_reaches_a_skip_link_that_moves_to_the_content(page):
    page.goto(page.base + "trafford/funding/")
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUS_STATE)
    assert focused["text"].lower().startswith("skip to content"), focused
    page.keyboard.press("Enter")
    assert page.url.endswith("#sen-funding-and-top-up-funding-in-trafford")


def test_every_control_in_the_content_is_reached_by_tab_with_visible_focus(page):
    page.goto(page.base + "stockton-on-tees/faqs/")
    wanted = page.evaluate("""() => [...document.querySelectorAll('article a[href], article button, article summary')]
        .filter(e => e.checkVisibility()).length""")
    reached, invisible = 0, []
    for _ in range(200):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        inside = page.evaluate("() => !!document.activeElement.closest('article')")
        if inside:
            reached += 1
            if not state["visible"]:
                invisible.append(state)
        elif reached:
            break
    assert reached == wanted, f"Tab reached {reached} of {wanted} controls in the content"
    assert not invisible, f"focus not visible on {invisible}"


def test_faq_opens_with_enter_and_space(page):
    page.goto(page.base + "stockton-on-tees/faqs/")
    summary = page.locator("details.lo-faq > summary").first
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator("details.lo-faq").first).to_have_attribute("open", "")
    page.keyboard.press(" ")
    expect(page.locator("details.lo-faq").first).not_to_have_attribute("open", "")


def test_the_council_contents_box_opens_and_closes_with_the_keyboard_at_any_width(browser, base_url):
    for width, starts_open in ((390, False), (1280, True)):
        context = browser.new_context(viewport={"width": width, "height": 844})
        page = context.new_page()
        page.goto(base_url + "trafford/funding/")
        box = page.locator("details.lo-guide-contents__details")
        link = page.locator("nav.lo-guide-contents a").first
        assert box.evaluate("d => d.open") is starts_open and link.is_visible() is starts_open, width
        page.locator("summary.lo-guide-contents__title").focus()
        page.keyboard.press("Enter")
        assert link.is_visible() is not starts_open, f"{width}px: Enter did not toggle the contents"
        page.keyboard.press(" ")
        assert link.is_visible() is starts_open, f"{width}px: Space did not toggle the contents back"
        if not starts_open:
            page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('nav.lo-guide-contents') !== null"), \
            f"{width}px: Tab from the summary does not reach the contents' first link"
        context.close()


def test_step_by_step_buttons_work_with_enter_and_space(page):
    page.goto(page.base + "trafford/graduated-approach/")
    steps = page.locator("ol.lo-step-by-step").first
    step_button = steps.locator("button[aria-expanded]").first
    content = steps.locator(".lo-step-by-step__content").first
    # Closed steps use hidden="until-found", so the browser's find-in-page can still open them.
    shown = lambda: content.locator("p").first.evaluate("p => p.checkVisibility()")  # noqa: E731
    expect(step_button).to_have_attribute("aria-expanded", "false")
    assert not shown()
    step_button.focus()
    page.keyboard.press("Enter")
    expect(step_button).to_have_attribute("aria-expanded", "true")
    assert shown()
    page.keyboard.press(" ")
    expect(step_button).to_have_attribute("aria-expanded", "false")
    assert not shown()
    show_all = page.get_by_role("button", name="Show all steps").first
    show_all.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Hide all steps").first).to_be_visible()
    assert steps.locator(".lo-step-by-step__content[hidden]").count() == 0


def test_steps_are_an_ordered_list_of_headings_and_readable_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "trafford/graduated-approach/")
    steps = page.locator("ol.lo-step-by-step").first.locator(":scope > li")
    assert steps.count() == 7
    assert steps.nth(0).locator("h3").inner_text().replace("\n", " ").startswith("Step 1")
    expect(steps.nth(6).locator(".lo-step-by-step__content")).to_be_visible()
    expect(page.locator("ol.lo-step-by-step").first).to_contain_text("and")
    context.close()
