"""A second council with the name of one already in the folder is refused, naming both files: the
chooser and the compare page would otherwise show one council twice."""

from __future__ import annotations

import subprocess
import sys

import pytest

from support import MINIMAL_AUTHORITY, ROOT, build

COPY = MINIMAL_AUTHORITY.replace("slug: example", "slug: example2")


def validate(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=60, cwd=cwd)


@pytest.mark.parametrize(("name", "short_name", "field", "line"), [
    ("Example Borough Council", "Example", "name", 2),  # both names: name is reported first
    ("Other Borough Council", "EXAMPLE", "short_name", 3),
    ("example  borough council", "Elsewhere", "name", 2),
    ("Example-Borough Council.", "Elsewhere", "name", 2),
    ("Other Borough Council", "Ex-ample", "short_name", 3),
])
def test_a_council_with_the_same_name_stops_the_build_naming_both_files(tmp_path, name, short_name, field, line):
    authorities = tmp_path / "authorities"
    authorities.mkdir()
    (authorities / "example.yaml").write_text(MINIMAL_AUTHORITY, encoding="utf-8")
    copy = COPY.replace("name: Example Borough Council", f"name: {name}").replace("short_name: Example", f"short_name: {short_name}")
    (authorities / "example2.yaml").write_text(copy, encoding="utf-8")
    result = build(tmp_path / "site", LOCAL_OFFER_AUTHORITIES_DIR=str(authorities))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"example2.yaml:{line}:" in result.stderr and f"{field}: " in result.stderr
    assert "is already the" in result.stderr and "of the council in" in result.stderr
    assert str(authorities / "example.yaml") in result.stderr or "authorities/example.yaml" in result.stderr
    assert not (tmp_path / "site").exists()

    # The editor's check says the same, for the whole folder and for the new file alone.
    for args in ([authorities / "example2.yaml"], [authorities / "example.yaml", authorities / "example2.yaml"]):
        checked = validate(*args)
        assert checked.returncode == 1 and "Traceback" not in checked.stderr
        assert f"example2.yaml:{line}:" in checked.stderr and "example.yaml" in checked.stderr.split("council in", 1)[1]

