"""The scaffold for a new council: every field there, nothing publishable until it is filled in."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any, get_args

import yaml
from pydantic import BaseModel

from support import ROOT
from test_bad_input import validate

from macros.model import Authority

SCRIPT = ROOT / "scripts" / "new_authority.py"


def scaffold(folder, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args, "--folder", str(folder)],
                          capture_output=True, text=True, timeout=60)


def field_names(model: type[BaseModel]) -> set[str]:
    names = set()
    for name, field in model.model_fields.items():
        names.add(name)
        stack: list[Any] = [field.annotation]
        while stack:
            annotation = stack.pop()
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                names |= field_names(annotation)
            stack.extend(get_args(annotation))
    return names


def test_the_scaffold_has_every_field_and_cannot_be_published_until_filled_in(tmp_path):
    result = scaffold(tmp_path, "City of Doncaster Council")
    assert result.returncode == 0, result.stderr
    path = tmp_path / "doncaster.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./authority.schema.json\n")
    assert "name: City of Doncaster Council\nshort_name: Doncaster\nslug: doncaster\n" in text
    present = set(re.findall(r"^\s*(?:- )?([a-z_]+):", text, re.M))
    assert field_names(Authority) - {"currency"} <= present, field_names(Authority) - present
    checked = validate(path)
    assert checked.returncode == 1
    problems = [line for line in checked.stderr.splitlines() if re.match(r".*doncaster\.yaml:\d+:\d+: ", line)]
    to_fill = [line for line in text.splitlines() if "REPLACE THIS" in line and not line.lstrip().startswith("#")]
    assert len(problems) == len(to_fill) >= 50
    assert all(line.endswith("replace this placeholder") for line in problems), problems


FILLED = {"local_offer_url": "https://www.doncaster.gov.uk/send", "web": "https://www.doncaster.gov.uk/send",
          "url": "https://www.doncaster.gov.uk/send", "email": "sen@doncaster.gov.uk", "phone": '"01302 736000"',
          "last_reviewed": "2026-01-15", "last_updated": "2025-06-01", "amount": "6000",
          "comment_url": "https://www.doncaster.gov.uk/send/feedback", "received": "2025-06-01", "responded": "2025-07-01"}


def filled_in(text: str) -> str:
    def fill(match: re.Match) -> str:
        key = match.group(2)
        return f"{match.group(1)}{FILLED.get(key, 'Text from the council.') if key else 'Text from the council.'}"
    return re.sub(r"^(\s*(?:- )?(?:([a-z_]+): )?)\"?REPLACE THIS[^\n]*$", fill, text, flags=re.M)


def test_a_scaffold_filled_in_is_a_valid_council(tmp_path):
    assert scaffold(tmp_path, "City of Doncaster Council").returncode == 0
    path = tmp_path / "doncaster.yaml"
    path.write_text(filled_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = validate(path)
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load(path.read_text())["terminology"]["coordinator_title"] == "SENCO"


def test_it_never_overwrites_a_council(tmp_path):
    (tmp_path / "doncaster.yaml").write_text("kept", encoding="utf-8")
    result = scaffold(tmp_path, "City of Doncaster Council")
    assert result.returncode == 1 and "already exists" in result.stderr
    assert (tmp_path / "doncaster.yaml").read_text() == "kept"


def test_short_names_and_slugs_come_from_the_full_name(tmp_path):
    for name, slug in [("London Borough of Barking and Dagenham", "barking-and-dagenham"),
                       ("Blackburn with Darwen Borough Council", "blackburn-with-darwen"),
                       ("Trafford Council", "trafford")]:
        assert scaffold(tmp_path, name).returncode == 0
        assert (tmp_path / f"{slug}.yaml").is_file(), name
