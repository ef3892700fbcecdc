"""The page policy allows no inline script, so nothing that reaches a page during the build can run;
and a page that holds inline code fails the build, naming it."""

from __future__ import annotations

import pytest

from support import build_project, project_copy

# Inline code in every form a browser would run: each must stop the build.
INJECTED = [
    "<script>window.__pwned = 1</script>",
    '<SCRIPT type="text/javascript">window.__pwned = 1</SCRIPT>',
    "<script type=module>window.__pwned = 1</script>",
    '<script type="text/ecmascript">window.__pwned = 1</script>',
    '<script type="importmap">{"imports": {}}</script>',
    "<script\n>window.__pwned = 1</script>",
    '<img src="x.png" onerror="window.__pwned = 1">',
    "<svg/onload=window.__pwned=1>",
    '<a href="javascript:window.__pwned=1">x</a>',
    "<a href=' JavaScript:window.__pwned=1'>x</a>",
    '<body onload="window.__pwned = 1">',
    '<a href="&#106;avascript:window.__pwned=1">x</a>',
    '<a href="java\tscript:window.__pwned=1">x</a>',
    '<img """ onerror=window.__pwned=1>',
    '<meta http-equiv="refresh" content="0; url=https://evil.example/">',
    '<iframe srcdoc="x" onload="window.__pwned = 1"></iframe>',
]

HOOK = '''
from mkdocs.plugins import event_priority
PAYLOAD = {payload!r}

@event_priority(0)  # as any hook or plugin would, before the page policy is worked out
def on_post_page(output, page, config):
    return output.replace("</article>", PAYLOAD + "</article>", 1) if page.url == "trafford/" else output
'''


@pytest.mark.parametrize("payload", INJECTED)
def test_inline_code_that_reaches_a_page_during_the_build_stops_it(tmp_path, payload):
    project = project_copy(tmp_path, HOOK.format(payload=payload))
    result = build_project(project, tmp_path / "site", LOCAL_OFFER_AUTHORITY="trafford")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "trafford/index.md: this page holds inline code, which the page policy would refuse to run" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_script_in_a_national_page_stops_the_build(tmp_path):
    project = project_copy(tmp_path)
    page = project / "content" / "sen-support.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>window.__pwned = 1</script>\n", encoding="utf-8")
    result = build_project(project, tmp_path / "site", LOCAL_OFFER_AUTHORITY="trafford")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "sen-support.md: this page holds inline code" in result.stderr
    assert not (tmp_path / "site").exists()


def test_data_scripts_are_allowed_and_the_theme_runs_from_files(tmp_path):
    from macros.build.content_policy import inline_code

    assert inline_code('<script type="application/ld+json">{"a": 1}</script>'
                       '<script id="__config" type="application/json">{}</script>'
                       '<script src="assets/x.js"></script><p>Monday to Friday, 9am to 5pm</p>') == []
