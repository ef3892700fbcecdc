"""An overdue review is shown to parents on every page, warned about to editors, and never stops
the site from being published unless a council asks for that gate."""

from __future__ import annotations

import re

from support import MINIMAL_AUTHORITY, build_one
from test_bad_input import validate

from macros.pages.page_kinds import PAGE_KINDS

OVERDUE = MINIMAL_AUTHORITY.replace("last_reviewed: 2026-01-15", "last_reviewed: 2020-03-10\n"
                                    "local_offer_url: https://www.example.gov.uk/local-offer")


def test_an_overdue_review_is_a_warning_for_editors(tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(OVERDUE, encoding="utf-8")
    result = validate(path)
    assert result.returncode == 0, result.stderr
    assert re.search(r"example\.yaml:5:16: warning: last_reviewed: the review was due on 10 March 2021", result.stderr)


def test_fail_overdue_makes_it_an_error(tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(OVERDUE, encoding="utf-8")
    import subprocess
    import sys
    from support import ROOT
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), "--fail-overdue", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "example.yaml:5:16: last_reviewed: the review was due" in result.stderr


def test_every_page_of_an_overdue_council_says_so_and_the_site_still_builds(tmp_path):
    result, site = build_one(tmp_path, OVERDUE)
    assert result.returncode == 0, result.stderr
    pages = list((site / "example").rglob("index.html"))
    assert len(pages) == len(PAGE_KINDS)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "This information may be out of date" in html, page
        assert 'href="https://www.example.gov.uk/local-offer"' in html
        assert "(overdue)" in html


def test_a_council_in_date_shows_no_such_notice(built_site):
    assert "This information may be out of date" not in (built_site / "trafford" / "index.html").read_text()
