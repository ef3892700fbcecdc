"""Slugs that YAML 1.1 would read as something else (2024, no, null, 0x1f...) build like any other.

A council page's front matter is read back by MkDocs with PyYAML, where `2024` is a number, `no`
and `on` are booleans, `null` is nothing and `2024-01-01` is a date: any of those, written plainly,
stopped the build after validate.py had passed the file.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from support import MINIMAL_AUTHORITY, ROOT, build, search_pages

# Each reads as something other than text in YAML 1.1 or 1.2, and each is a slug the model accepts.
SLUGS = ["2024", "no", "on", "off", "y", "true", "null", "0x1f", "0o17", "0b1", "012", "1e3", "nan", "inf",
         "2024-01-01"]


def authority(slug: str) -> str:
    text = MINIMAL_AUTHORITY.replace("slug: example", f'slug: "{slug}"')
    return text.replace("Example", f"Place {slug}")


def validate(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), *map(str, files)],
                          capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def councils(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("slugs") / "authorities"
    folder.mkdir()
    for slug in SLUGS:
        (folder / f"{slug}.yaml").write_text(authority(slug), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def site(councils) -> Path:
    site = councils.parent / "site"
    result = build(site, LOCAL_OFFER_AUTHORITIES_DIR=str(councils))
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_validate_passes_them(councils):
    result = validate(*sorted(councils.iterdir()))
    assert result.returncode == 0, result.stderr
    assert f"{len(SLUGS)} authority file(s) checked: no problems" in result.stdout


@pytest.mark.parametrize("slug", SLUGS)
def test_each_council_has_its_pages_at_its_slug(site, slug):
    page = (site / slug / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>SEND support in Place " + re.escape(slug) + "</h1>", page)
    assert f"Place {slug} Borough Council" in unescape(page)
    assert (site / slug / "funding" / "index.html").is_file()
    assert any(found["url"] == f"/{slug}/" and f"Place {slug}" in found["content"] for found in search_pages(site))
    assert json.loads((site / "data" / f"{slug}.json").read_text(encoding="utf-8"))["slug"] == slug
    assert f'href="{slug}/"' in (site / "index.html").read_text(encoding="utf-8")


def test_a_slug_written_as_a_number_gets_one_clear_message(tmp_path):
    path = tmp_path / "2024.yaml"
    path.write_text(MINIMAL_AUTHORITY.replace("slug: example", "slug: 2024"), encoding="utf-8")
    result = validate(path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith(str(path))]
    assert problems == [f"{path}:4:7: slug: expected lower-case letters, numbers and hyphens, "
                        "the same as the file name, got 2024"]
