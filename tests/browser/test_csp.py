"""The Content-Security-Policy, in Chromium: the site's own pages break none of it, and a script
injected into a page is refused and reported."""

from __future__ import annotations

import shutil

import pytest

from conftest import search_result_links, served
from support import all_pages, build_project, project_copy

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  {directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, sample: e.sample}));
"""


@pytest.fixture
def watched(browser):
    """A tab that records every CSP violation and console error; init scripts are not subject to the CSP."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def test_every_page_loads_without_breaking_its_policy(watched, base_url, built_site):
    problems = []
    for url in all_pages(built_site):
        watched.goto(base_url + url)
        watched.wait_for_load_state("load")
        violations = watched.evaluate("window.__violations")
        if violations or watched.errors:
            problems.append((url, violations, watched.errors[:]))
        watched.errors.clear()
    assert not problems, problems


def test_search_steps_and_answers_work_under_the_policy(watched, base_url):
    watched.goto(base_url + "stockton-on-tees/faqs/")
    assert search_result_links(watched, "panel"), "the search found nothing under the policy"
    watched.keyboard.press("Escape")
    watched.locator("details.lo-faq > summary").first.click()
    assert watched.locator("details.lo-faq").first.get_attribute("open") is not None
    watched.goto(base_url + "trafford/graduated-approach/")
    watched.locator("button.lo-step-by-step__show-all").first.click()
    assert watched.locator("button.lo-step-by-step__button").first.get_attribute("aria-expanded") == "true"
    assert watched.evaluate("window.__violations") == [] and watched.errors == []


@pytest.fixture
def tampered_site(built_site, tmp_path):
    """A copy of the site with a script and an event handler injected into one page, served on its own port."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "trafford" / "index.html"
    html = page.read_text(encoding="utf-8")
    injected = ('<script>window.__pwned = 1</script><img src="x.png" onerror="window.__pwned2 = 1">'
                '<img src="https://evil.example/p.png">')
    page.write_text(html.replace("</article>", injected + "</article>", 1), encoding="utf-8")
    with served(site) as url:
        yield url + "trafford/"


def test_an_injected_script_does_not_run_and_is_reported(watched, tampered_site):
    watched.goto(tampered_site)
    watched.wait_for_load_state("load")
    assert watched.evaluate("typeof window.__pwned") == "undefined"
    assert watched.evaluate("typeof window.__pwned2") == "undefined"
    violations = watched.evaluate("window.__violations")
    directives = {v["directive"] for v in violations}
    assert "script-src-elem" in directives or "script-src" in directives, violations
    assert "script-src-attr" in directives or "script-src" in directives, violations
    assert any(v["directive"] == "img-src" and "evil.example" in v["blocked"] for v in violations), violations


LATE_HOOK = """
from mkdocs.plugins import event_priority

@event_priority(-200)  # after the page policy: what the build's own check cannot see
def on_post_page(output, page, config):
    payload = ('<script>window.__pwned = 1</script><script type="module">window.__pwned3 = 1</script>'
               '<img src="x.png" onerror="window.__pwned2 = 1">')
    output = output.replace('<link rel="canonical" href="', '<link rel="canonical" href="/"><script>window.__pwned4 = 1</script><x y="', 1)
    return output.replace("</article>", payload + "</article>", 1)
"""


@pytest.fixture
def injected_during_build(tmp_path):
    """A council's site with scripts injected into its pages during the build, as a hook would."""
    site = tmp_path / "site"
    result = build_project(project_copy(tmp_path, LATE_HOOK), site, LOCAL_OFFER_AUTHORITY="trafford")
    assert result.returncode == 0, result.stderr
    with served(site) as url:
        yield url


def test_a_script_injected_during_the_build_does_not_run(watched, injected_during_build):
    for path in ("trafford/", "trafford/funding/", ""):
        watched.goto(injected_during_build + path)
        watched.wait_for_load_state("load")
        html = watched.content()
        assert "window.__pwned = 1" in html and "window.__pwned4 = 1" in html
        for name in ("__pwned", "__pwned2", "__pwned3", "__pwned4"):
            assert watched.evaluate(f"typeof window.{name}") == "undefined", (path, name)
        # The theme's own scripts, now files, still run under the policy.
        assert watched.evaluate("typeof window.__md_get") == "function"
        assert any(v["directive"].startswith("script-src") for v in watched.evaluate("window.__violations"))
