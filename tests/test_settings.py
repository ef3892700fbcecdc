"""The build's settings (SITE_URL and the LOCAL_OFFER_* variables): each wrong value stops the build
with one message naming the setting and what it expects, before any page is made."""

from __future__ import annotations

import re

import pytest

from support import build

BAD = {
    "SITE_URL": ['https://x.example/"><script>alert(1)</script><x y="/', "javascript:alert(1)", "ftp://x.example/",
                 "https://x.example/a b/", "https://user@x.example/", "http://x.example/", "2024", "https://",
                 "https://x.example/<b>/", "https://x.example/?q=1", "https://x.example/#top", "data:text/html,hi",
                 "https://x.example\\@evil.example/", "https://x.example/'onmouseover='1",
                 "https://\u212aelvin.example/", "http://127.0.0.1.evil.example/"],
    "LOCAL_OFFER_AUTHORITY": ["Trafford", "../trafford", "trafford.yaml", "traf ford", "$(id)", "²"],
    "LOCAL_OFFER_AUTHORITIES_DIR": ["/nonexistent", "2024", "README.md"],
}
CASES = [(name, value) for name, values in BAD.items() for value in values]


@pytest.mark.parametrize(("name", "value"), CASES, ids=[f"{n}={v!r}" for n, v in CASES])
def test_a_wrong_setting_stops_the_build_with_one_clear_message(tmp_path, name, value):
    result = build(tmp_path / "site", **{name: value})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR") and "mkdocs.yml:" in line]
    assert len(errors) == 1, result.stderr
    assert f"({name}):" in errors[0] and ("must be" in errors[0] or "no authority file" in errors[0]), errors[0]
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("value", ["2024", "no", "null", "0x1f", "true"])
def test_a_council_setting_is_read_as_text_not_as_yaml(tmp_path, value):
    # MkDocs' !ENV would read 2024 as a number and "no" as false, which built every council.
    result = build(tmp_path / "site", LOCAL_OFFER_AUTHORITY=value)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f'no authority file is called "{value}.yaml"' in result.stderr


def test_the_published_address_reaches_the_sitemap_robots_and_every_page(tmp_path):
    site = tmp_path / "site"
    result = build(site, SITE_URL="https://council.example.org/local-offer", LOCAL_OFFER_AUTHORITY="trafford")
    assert result.returncode == 0, result.stderr
    assert "Sitemap: https://council.example.org/local-offer/sitemap.xml" in (site / "robots.txt").read_text()
    assert "<loc>https://council.example.org/local-offer/trafford/funding/</loc>" in (site / "sitemap.xml").read_text()
    page = (site / "trafford" / "funding" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="canonical" href="https://council.example.org/local-offer/trafford/funding/">', page)
