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


PAGE_KINDS = ["", "graduated-approach/", "school/", "funding/", "ehc-needs-assessment/", "faqs/", "contacts/"]


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
