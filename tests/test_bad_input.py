"""Every mistake a council editor can make gets one clear message and nothing is published."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from support import MINIMAL_AUTHORITY, ROOT, build_one


def validate(*files) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), *map(str, files)],
                          capture_output=True, text=True, timeout=60)


def edited(old: str, new: str) -> str:
    assert old in MINIMAL_AUTHORITY, old
    return MINIMAL_AUTHORITY.replace(old, new, 1)


# (name, file bytes, the message the editor must see)
BAD_FILES = [
    ("yaml-syntax", edited("name: Example Borough Council", "name: [Example Borough Council"),
     "example.yaml:3:11:", "this is not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts on line 2)"),
    ("duplicate-key", edited("short_name: Example\n", "short_name: Example\nshort_name: Other\n"),
     "example.yaml:4:1: short_name:", "this field appears twice (first on line 3)"),
    ("tab", edited("  summary:", "\tsummary:"),
     "example.yaml:7:1:", "there is a tab character here"),
    ("unknown-field", edited("      amount_is_up_to: true", "      amount_is_upto: true"),
     "example.yaml:12:7: funding.elements[1].amount_is_upto:", "did you mean 'amount_is_up_to'?"),
    ("wrong-type", edited("amount: 6000", "amount: six thousand"),
     "example.yaml:11:15: funding.elements[1].amount:", 'expected a number of pounds, such as 6000, got "six thousand"'),
    ("missing-required", edited("short_name: Example\n", ""),
     "example.yaml:2:1: short_name:", "this required field is missing"),
    ("bad-email", edited("sendiass@example.gov.uk", "sendiass-at-example"),
     "example.yaml:17:12: contacts[1].email:", "expected an email address"),
    ("bad-url", edited("  - title: SEN support in Example", "  - title: SEN support in Example\n    url: www example"),
     "example.yaml:20:10: sources[1].url:", "expected a web address starting with https://"),
    ("phone-as-number", edited('phone: "01234 567890"', "phone: 1234567890"),
     "example.yaml:16:12: contacts[1].phone:", "expected a UK phone number in quotes"),
    ("section-without-a-source", edited("  - title: SEN support in Example", "  - title: SEN support in Example\n    covers: [contacts]"),
     "example.yaml:2:1:", "no source covers sen_support, funding: add each to the covers list"),
    ("bad-date", edited("last_reviewed: 2026-01-15", "last_reviewed: last spring"),
     "example.yaml:5:16: last_reviewed:", "expected a date written as YYYY-MM-DD"),
    ("slug-not-file-name", edited("slug: example", "slug: elsewhere"),
     "example.yaml:4:7: slug:", 'expected "example" (the file name), got "elsewhere"'),
    ("unquoted-colon", edited("  summary: Schools in Example give extra help to children who need it.",
                              "  summary: Schools in Example help: they give extra support."),
     "example.yaml:7:", "this text has a colon and a space in it"),
    ("empty", "", "example.yaml:1:1:", "the file is empty"),
    ("only-comments", "# yaml-language-server: $schema=./authority.schema.json\n", "example.yaml:1:1:", "the file is empty"),
    ("not-a-mapping", "- just\n- a list\n", "example.yaml:1:1:", "expected a group of fields"),
    ("alias-bomb", 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
     'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
     "example.yaml:1:4:", "YAML anchors and aliases (& and *) are not allowed"),
]


@pytest.mark.parametrize("name, text, where, message", BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_validate_reports_the_problem_with_file_line_and_field(tmp_path, name, text, where, message):
    path = tmp_path / "example.yaml"
    path.write_text(text, encoding="utf-8")
    result = validate(path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert where in result.stderr, result.stderr
    assert message in result.stderr, result.stderr


def test_non_utf8_file_is_reported_not_crashed(tmp_path):
    path = tmp_path / "example.yaml"
    path.write_bytes(MINIMAL_AUTHORITY.replace("Example Borough", "Ex\xe6mple Borough").encode("latin-1"))
    result = validate(path)
    assert result.returncode == 1
    assert "example.yaml:2:9:" in result.stderr and "not saved as UTF-8" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_problem_in_a_file_is_listed_not_just_the_first(tmp_path):
    text = edited("amount: 6000", "amount: lots").replace("sendiass@example.gov.uk", "nope")
    path = tmp_path / "example.yaml"
    path.write_text(text, encoding="utf-8")
    result = validate(path)
    assert "funding.elements[1].amount:" in result.stderr and "contacts[1].email:" in result.stderr
    assert "2 problem(s) found" in result.stderr


def test_the_minimal_example_is_valid(tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(MINIMAL_AUTHORITY, encoding="utf-8")
    result = validate(path)
    assert result.returncode == 0, result.stderr


def test_the_real_authorities_are_valid():
    result = validate()
    assert result.returncode == 0, result.stderr
    count = len(list((ROOT / "authorities").glob("*.yaml")))
    assert count >= 5 and f"{count} authority file(s) checked" in result.stdout


def test_a_bad_file_stops_the_build_and_publishes_nothing(tmp_path):
    result, site = build_one(tmp_path, edited("amount: 6000", "amount: six thousand"))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "example.yaml:11:15: funding.elements[1].amount: expected a number of pounds" in result.stderr
    assert "nothing was published" in result.stderr
    assert not (site / "index.html").exists()


def test_a_good_file_alone_builds(tmp_path):
    result, site = build_one(tmp_path, MINIMAL_AUTHORITY)
    assert result.returncode == 0, result.stderr
    funding = (site / "example" / "funding" / "index.html").read_text(encoding="utf-8")
    assert "£6,000" in funding
    # A page kind whose data the council lacks still exists and says whom to ask.
    school = re.sub(r"<[^>]+>", "", (site / "example" / "school" / "index.html").read_text(encoding="utf-8"))
    assert "This is not on this site yet" in school and "Or ask Example SENDIASS" in school
