"""Mobile first: nothing scrolls sideways at 320 CSS px, and 200% text stays readable."""

from support import ARTIFACTS, all_pages

OVERFLOW = """() => {
  const wide = [...document.querySelectorAll('article *')]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && e.offsetParent !== null)
    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : ''));
  return {scroll: document.documentElement.scrollWidth, width: window.innerWidth, wide: wide.slice(0, 5)};
}"""


def test_no_horizontal_scroll_at_320_px_on_any_page(browser, base_url, built_site):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    problems = []
    for url in all_pages(built_site):
        page.goto(base_url + url)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        result = page.evaluate(OVERFLOW)
        if result["scroll"] > result["width"] or result["wide"]:
            problems.append(f"/{url}: page is {result['scroll']}px wide; too wide: {result['wide']}")
    context.close()
    assert not problems, "\n".join(problems)


def test_text_at_200_percent_stays_inside_the_page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for url in ["trafford/graduated-approach/", "stockton-on-tees/funding/", "stockton-on-tees/contacts/"]:
        page.goto(base_url + url)
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        result = page.evaluate(OVERFLOW)
        assert result["scroll"] <= result["width"] and not result["wide"], (url, result)
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
        assert size >= 2 * 12, f"{url}: body text is {size}px at 200%"
    context.close()


PAGE_KINDS = ["", "graduated-approach/", "school/", "funding/", "ehc-needs-assessment/", "faqs/", "contacts/",
              "you-said-we-did/"]


def test_screenshots_of_each_page_kind_at_desktop_and_mobile(browser, base_url):
    """Saved for people to look at (test-artifacts/screenshots); each must show the council's heading."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("desktop", {"width": 1280, "height": 900}), ("mobile", {"width": 390, "height": 844})):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for kind in [None, *PAGE_KINDS]:
            url = "" if kind is None else "trafford/" + kind
            page.goto(base_url + url)
            heading = page.locator("h1").first.inner_text()
            assert kind is None or "Trafford" in heading
            slug = (url.strip("/").replace("/", "-") or "home")
            page.screenshot(path=str(folder / f"{slug}-{name}.png"), full_page=True)
            assert (folder / f"{slug}-{name}.png").stat().st_size > 10_000
        context.close()


WORDS_BROKEN = """(selector) => {
  // Each word in the table should sit on one line: a word split over two lines has two boxes.
  const broken = [];
  document.querySelectorAll(selector).forEach(cell => {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  });
  return broken;
}"""


def test_the_funding_table_never_breaks_a_word_or_an_amount_at_1280_px(page):
    for url in ["trafford/funding/", "stockton-on-tees/funding/", "barking-and-dagenham/funding/"]:
        page.goto(page.base + url)
        if not page.locator("table.lo-funding-table").count():
            continue
        assert page.evaluate("getComputedStyle(document.querySelector('.lo-funding-table td')).display") == "table-cell"
        broken = page.evaluate(WORDS_BROKEN, ".lo-funding-table th, .lo-funding-table td")
        assert broken == [], f"{url}: words broken across lines: {broken}"
        assert "£6,000" in page.locator(".lo-funding-table").inner_text()


CONTENTS_STATE = """() => {
  const box = document.querySelector('details.lo-guide-contents__details');
  const next = document.querySelector('nav.lo-guide-contents').nextElementSibling.getBoundingClientRect();
  return {open: box.open, listShown: box.querySelector('a').checkVisibility(), nextTop: next.top + scrollY};
}"""

LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) total += e.value; }))
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 300);
})"""


def contents_box(browser, base_url, url: str, width: int, javascript: bool) -> dict:
    context = browser.new_context(viewport={"width": width, "height": 844}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(base_url + url)
    page.wait_for_load_state("load")
    state = page.evaluate(CONTENTS_STATE)
    if javascript:
        state["shift"] = page.evaluate(LAYOUT_SHIFT)
    context.close()
    return state


def test_on_a_phone_each_council_page_starts_its_own_content_on_the_first_screen(browser, base_url):
    """The contents box is drawn closed and stays so: without JavaScript (the page as first drawn,
    before any script has run) and with it, the page's own content starts in the same place."""
    for kind in PAGE_KINDS:
        url = "stockton-on-tees/" + kind
        first, after = (contents_box(browser, base_url, url, 390, javascript) for javascript in (False, True))
        assert not first["open"] and not first["listShown"], f"{kind or 'overview'}: the contents start open"
        # The first thing after the council's contents box is the page's own content.
        assert first["nextTop"] < 844 * 0.75, f"{kind or 'overview'}: the page's own content starts at {first['nextTop']}px"
        assert abs(first["nextTop"] - after["nextTop"]) < 1 and not after["open"], (kind, first, after)
        assert after["shift"] < 0.01, f"{kind or 'overview'}: layout shift {after['shift']:.3f}"
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + "stockton-on-tees/funding/")
    page.locator("summary.lo-guide-contents__title").click()
    assert page.locator("nav.lo-guide-contents a").first.is_visible(), "the contents open when asked"
    context.close()


def test_on_a_wide_screen_the_contents_list_shows_from_the_first_paint_and_still_closes(browser, base_url):
    for url in ("trafford/", "trafford/funding/"):
        first, after = (contents_box(browser, base_url, url, 1280, javascript) for javascript in (False, True))
        assert first["listShown"], f"{url}: without JavaScript the contents list is hidden on a wide screen"
        assert after["listShown"] and after["open"], f"{url}: with JavaScript the box is not open: {after}"
        assert abs(first["nextTop"] - after["nextTop"]) < 1, f"{url}: the page moved once the script ran: {first}, {after}"
        assert after["shift"] < 0.01, f"{url}: layout shift {after['shift']:.3f}"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "trafford/funding/")
    summary = page.locator("summary.lo-guide-contents__title")
    summary.click()
    assert not page.locator("nav.lo-guide-contents a").first.is_visible(), "the summary closes the contents"
    summary.click()
    assert page.locator("nav.lo-guide-contents a").first.is_visible(), "and opens them again"
    context.close()


def test_checklists_use_a_plain_marker_not_a_tick(page):
    page.goto(page.base + "stockton-on-tees/school/")
    marker = page.evaluate("""() => {
      const item = document.querySelector('.lo-checklist__item');
      const after = getComputedStyle(item, '::after');
      return {after: after.content, rotate: after.transform};
    }""")
    assert marker["after"] in ("none", "normal", ""), marker
