"""axe-core on every page of every council: WCAG 2.0, 2.1 and 2.2 A and AA, zero violations."""

from pathlib import Path

import pytest

from support import all_pages

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def run_axe(page, tags):
    # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
    # govern: a <script> tag with axe in it would be refused, as any injected script should be.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags)


def describe(violations) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
                     for v in violations)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_wcag_violations_on_any_page(page, built_site, scheme):
    assert AXE.exists(), "run scripts/setup.sh --tests to install axe-core"
    failures, best_practice = {}, {}
    for url in all_pages(built_site):
        page.goto(page.base + url)
        if scheme == "slate":  # the reader's dark mode
            page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
        # Opened steps and answers are checked too, not only their headings.
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        # The theme fades colours in: check the colours a reader ends up with, not a frame mid-fade.
        page.evaluate("document.getAnimations().forEach(a => a.finish())")
        result = run_axe(page, WCAG_TAGS)
        if result["violations"]:
            failures[url] = describe(result["violations"])
        if scheme == "default":
            advice = page.evaluate("() => axe.run(document, {runOnly: {type: 'tag', values: ['best-practice']}})")
            if advice["violations"]:
                best_practice[url] = describe(advice["violations"])
    print("\naxe best-practice findings (reported, not failing):")
    for url, text in sorted(best_practice.items()):
        print(f"  /{url}: {text}")
    assert not failures, "\n".join(f"/{url}:\n{text}" for url, text in failures.items())
    assert len(all_pages(built_site)) >= 5 * 8 + 7
