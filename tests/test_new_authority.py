"""The scaffold for a new council: every field there, nothing publishable until it is filled in."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any, get_args

import pytest
import yaml
from pydantic import BaseModel, TypeAdapter

from support import ROOT
from test_bad_input import validate

from macros.data.loader import load_authority
from macros.data.model import Authority, SectionKey, SourceFile
from macros.data.yaml_reader import read_yaml

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
    # A field is there as a placeholder the validator refuses, or as a commented-out choice that
    # states nothing until an editor chooses it: the scaffold pre-fills no fact.
    present = set(re.findall(r"^\s*(?:- )?(?:# )?([a-z_]+):", text, re.M))
    assert field_names(Authority) - {"currency"} <= present, field_names(Authority) - present
    checked = validate(path)
    assert checked.returncode == 1
    problems = [line for line in checked.stderr.splitlines() if re.match(r".*doncaster\.yaml:\d+:\d+: ", line)]
    to_fill = [line for line in text.splitlines() if "REPLACE THIS" in line and not line.lstrip().startswith("#")]
    assert len(problems) == len(to_fill) >= 50
    assert all(line.endswith("replace this placeholder") for line in problems), problems


def test_the_scaffold_states_no_fact_nobody_typed(tmp_path):
    # A number, a true or false, a must/should/can, a kind of contact or a topic, left as the
    # scaffold wrote it, would be published as the council's own fact.
    assert scaffold(tmp_path, "City of Doncaster Council").returncode == 0
    text = (tmp_path / "doncaster.yaml").read_text(encoding="utf-8")
    facts = [line for line in text.splitlines() if not line.lstrip().startswith("#")
             and re.match(r"^\s*(?:- )?(count|strength|role|topic|extra_funding_may_apply|optional|may_get_top_up|"
                          r"amount_is_up_to|needs_ehc_needs_assessment|needs_ehc_plan|decider):", line)
             and "REPLACE THIS" not in line]
    assert facts == []
    for choice in ("extra_funding_may_apply", "optional", "may_get_top_up", "needs_ehc_plan"):
        assert re.search(rf"^\s*# {choice}: (true|false)\b", text, re.M), choice  # there to choose, stating nothing
    assert not re.search(r"^[^#\n]*:\s*(true|false)\b", text, re.M)


def test_the_scaffold_makes_the_sources_folder_and_covers_every_section(tmp_path):
    result = scaffold(tmp_path, "City of Doncaster Council")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "sources" / "doncaster"
    assert sorted(p.name for p in folder.iterdir()) == ["README.md"]
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "council_says" in readme and "front matter" in readme and "…" in readme
    assert str(folder) in result.stdout
    # README.md can never be named as a source (file names are lower case), so it is never read as one.
    with pytest.raises(ValueError):
        TypeAdapter(SourceFile).validate_python("README.md")
    data, _ = read_yaml(tmp_path / "doncaster.yaml", "doncaster.yaml")
    covers = next(source["covers"] for source in data["sources"] if "covers" in source)
    assert covers == list(get_args(SectionKey)) or sorted(covers) == sorted(get_args(SectionKey))


def test_a_sources_folder_already_there_is_left_as_it_is(tmp_path):
    folder = tmp_path / "sources" / "doncaster"
    folder.mkdir(parents=True)
    (folder / "README.md").write_text("mine", encoding="utf-8")
    (folder / "sen-support.md").write_text(SOURCE_PAGE, encoding="utf-8")
    assert scaffold(tmp_path, "City of Doncaster Council").returncode == 0
    assert (folder / "README.md").read_text(encoding="utf-8") == "mine"
    assert (folder / "sen-support.md").read_text(encoding="utf-8") == SOURCE_PAGE


FILLED = {"local_offer_url": "https://www.doncaster.gov.uk/send", "web": "https://www.doncaster.gov.uk/send",
          "url": "https://www.doncaster.gov.uk/send", "email": "sen@doncaster.gov.uk", "phone": '"01302 736000"',
          "last_reviewed": "2026-01-15", "last_updated": "2025-06-01", "amount": "6000",
          "comment_url": "https://www.doncaster.gov.uk/send/feedback", "received": "2025-06-01", "responded": "2025-07-01",
          "file": "sen-support.md", "level": "sen_support", "plan": "sen_support_plan", "direction": "up",
          "kind": None, "amount_is_up_to": "true", "amount_is": "per_child", "method": "online_form",
          "above": "20000", "published": "2025-06-01", "council_says": "Schools get £6,000.", "count": "2",
          "strength": "can", "role": "sendiass", "topic": "travel"}
# Choices from a fixed list: each filled in with one the list holds (kind differs by where it stands).
KINDS = {"funding": "element", "frameworks": "ordinarily_available"}
# The filled-in scaffold's one source page, holding the words every placeholder is filled with.
SOURCE_PAGE = ("---\ntitle: SEN support\npublisher: City of Doncaster Council\npublisher_kind: council\n"
               "read: 2026-01-10\n---\nText from the council.\n\nSchools get £6,000.\n")


def filled_in(text: str) -> str:
    section = ""

    def fill(match: re.Match) -> str:
        key = match.group(2)
        value = KINDS[section] if key == "kind" else FILLED.get(key, "Text from the council.") if key else "Text from the council."
        return f"{match.group(1)}{value}"

    lines = []
    for line in text.splitlines(keepends=True):
        section = re.match(r"^([a-z_]+):", line).group(1) if re.match(r"^[a-z_]+:", line) else section
        lines.append(re.sub(r"^(\s*(?:- )?(?:([a-z_]+): )?)\"?REPLACE THIS[^\n]*$", fill, line))
    return "".join(lines)


def test_a_scaffold_filled_in_is_a_valid_council(tmp_path):
    assert scaffold(tmp_path, "City of Doncaster Council").returncode == 0
    path = tmp_path / "doncaster.yaml"
    path.write_text(filled_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    (tmp_path / "sources" / "doncaster" / "sen-support.md").write_text(SOURCE_PAGE, encoding="utf-8")
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


# What an editor might type that the scaffold must not turn into a file: each with the part of
# the one-line message that tells them what to change.
REFUSED = [
    ("123", "name: expected a council's name, with letters in it"),
    ("(-)", "name: expected a council's name, with letters in it"),
    ("Αθήνα Council", 'name: expected letters A to Z, numbers, spaces and , . \' ’ & ( ) -, got "Α", U+0391'),
    ("Θεσσαλονίκη", 'got "Θ", U+0398'),
    ("Doncaster " * 30 + "Council", "name: expected at most 80 characters, got 307 characters"),
    ("Foo # Bar Council", 'got "#", U+0023 (NUMBER SIGN), in "Foo # Bar Council"'),
    ('Say "Hi" Council', "U+0022 (QUOTATION MARK)"),
    ('The "Borough" of Sefton', "U+0022 (QUOTATION MARK)"),
    ("Foo: Bar Council", "U+003A (COLON)"),
    ("*Star Council", "U+002A (ASTERISK)"),
    ("!Bang Council", "U+0021 (EXCLAMATION MARK)"),
    ("%Percent Council", "U+0025 (PERCENT SIGN)"),
    ("@At Council", "U+0040 (COMMERCIAL AT)"),
    ("`Tick Council", "U+0060 (GRAVE ACCENT)"),
    ("Bad\u202eName Council", r'got "\u202e", U+202E (RIGHT-TO-LEFT OVERRIDE)'),
    ("A", "name: expected at least 2 characters"),
    ("REPLACE THIS Council", "reads as a placeholder"),
    ("Search Council", 'slug: "search" is the address of a page or folder every council shares'),
    ("Glossary Council", 'slug: "glossary" is the address'),
    ("Abcdefghij " * 6 + "Council", "slug: expected at most 60 characters"),
]


def assert_refused(result: subprocess.CompletedProcess, folder, expected: str, code: int = 2) -> None:
    assert result.returncode == code, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and expected in lines[0] and "othing was written" in lines[0], lines
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("name, expected", REFUSED, ids=[name[:20] for name, _ in REFUSED])
def test_a_name_the_model_would_refuse_writes_nothing(tmp_path, name, expected):
    assert_refused(scaffold(tmp_path, name), tmp_path, expected)


@pytest.mark.parametrize("short_name, expected", [("Αθήνα", "short_name: expected letters A to Z"),
                                                  ("", "short_name: expected at least 2"), ("Hash # Tag", 'got "#"'),
                                                  ("Search", 'slug: "search"')])
def test_a_short_name_the_model_would_refuse_writes_nothing(tmp_path, short_name, expected):
    assert_refused(scaffold(tmp_path, "City of Doncaster Council", "--short-name", short_name), tmp_path, expected)


def test_a_name_taken_for_an_option_gets_one_line_saying_what_to_do(tmp_path):
    assert_refused(scaffold(tmp_path, "-Dash"), tmp_path, "a name that starts with - goes last, after --")


# Names the model accepts that YAML would read as something else if written plainly: an alias
# (&), a list item (-), null, booleans, numbers in YAML 1.1 or 1.2.
WRITTEN = [
    ("-Dash Council", "-Dash", "dash"),
    ("&Amp Council", "&Amp", "amp"),
    ("(Old) Borough Council", "(Old)", "old"),
    ("St Helen’s Council", "St Helen’s", "st-helen-s"),
    ("O'Brien, Smith & Co.", "O'Brien, Smith & Co.", "o-brien-smith-co"),
    ("Null Council", "Null", "null"),
    ("True", "True", "true"),
    ("No Council", "No", "no"),
    ("Yes", "Yes", "yes"),
    ("0o17", "0o17", "0o17"),
    ("0x1f Council", "0x1f", "0x1f"),
    ("1e3 Council", "1e3", "1e3"),
    ("Inf Council", "Inf", "inf"),
]


@pytest.mark.parametrize("name, short_name, slug", WRITTEN)
def test_a_name_the_model_accepts_reads_back_exactly(tmp_path, name, short_name, slug):
    result = scaffold(tmp_path, name)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    path = tmp_path / f"{slug}.yaml"
    assert set(tmp_path.iterdir()) == {path, tmp_path / "sources"}
    assert [p.name for p in (tmp_path / "sources" / slug).iterdir()] == ["README.md"]
    data, _ = read_yaml(path, str(path))
    assert (data["name"], data["short_name"], data["slug"]) == (name, short_name, slug)
    path.write_text(filled_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    (tmp_path / "sources" / slug / "sen-support.md").write_text(SOURCE_PAGE, encoding="utf-8")
    authority, problems = load_authority(path)
    assert [p for p in problems if p.is_error] == []
    assert (authority.name, authority.short_name, authority.slug) == (name, short_name, slug)


def test_a_name_starting_with_a_dash_can_be_given_after_double_dash(tmp_path):
    result = subprocess.run([sys.executable, str(SCRIPT), "--folder", str(tmp_path), "--", "-Dash"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert read_yaml(tmp_path / "dash.yaml", "dash.yaml")[0]["name"] == "-Dash"


def test_it_never_writes_through_a_broken_link(tmp_path):
    (tmp_path / "doncaster.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    result = scaffold(tmp_path, "City of Doncaster Council")
    assert result.returncode == 1 and "already exists" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "elsewhere.yaml").exists()


def test_a_folder_that_is_not_there_gets_one_line(tmp_path):
    result = scaffold(tmp_path / "missing", "City of Doncaster Council")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "could not write the file" in result.stderr
