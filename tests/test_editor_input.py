"""Every kind of hostile or careless input found by the security review: one clear message with
file:line:column, a non-zero exit, no traceback and no signal; or, where the input is legal,
data that means exactly what the editor typed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, timedelta

import pytest

from support import MINIMAL_AUTHORITY, ROOT, build
from test_bad_input import edited, validate

from macros.data.loader import load_authorities, load_authority


def check(tmp_path, text: str, where: str, *messages: str, name: str = "example.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = validate(path)
    out = result.stderr + result.stdout
    assert result.returncode == 1, out
    assert "Traceback" not in out and result.returncode > 0
    assert where in result.stderr, result.stderr
    for message in messages:
        assert message in result.stderr, result.stderr
    return result.stderr


# --- 3. Tracebacks instead of messages ---------------------------------------------------------

CRASHES = [
    ("impossible-day", edited("last_reviewed: 2026-01-15", "last_reviewed: 2026-02-30"),
     "example.yaml:5:16: last_reviewed:", "expected a real date written as YYYY-MM-DD; this day does not exist"),
    ("impossible-month", edited("last_reviewed: 2026-01-15", "last_reviewed: 2026-13-01"),
     "example.yaml:5:16: last_reviewed:", "this day does not exist"),
    ("int-tag", edited("amount: 6000", "amount: !!int abc"), "example.yaml:11:15: funding.elements[1].amount:",
     "YAML tags such as !!int are not allowed"),
    ("float-tag", edited("amount: 6000", "amount: !!float abc"), "example.yaml:11:15:", "YAML tags such as"),
    ("timestamp-tag", edited("last_reviewed: 2026-01-15", "last_reviewed: !!timestamp nonsense"),
     "example.yaml:5:16: last_reviewed:", "YAML tags such as !!timestamp are not allowed"),
    ("unknown-tag", edited("name: Example Borough Council", "name: !foo bar"), "example.yaml:2:7: name:",
     "YAML tags such as !foo are not allowed"),
    ("python-tag", edited("name: Example Borough Council", "name: !!python/name:os.system"), "example.yaml:2:7: name:",
     "YAML tags such as !!python/name:os.system are not allowed"),
    ("python-object-on-a-list", edited("contacts:\n", "contacts: !!python/object/apply:os.system\n"),
     "example.yaml:13:11: contacts:", "YAML tags such as !!python/object/apply:os.system"),
    ("merge-key", MINIMAL_AUTHORITY + "<<: {}\n", "example.yaml:20:1:", "YAML merge keys (<<) are not allowed"),
    ("second-document", MINIMAL_AUTHORITY + "---\nname: Other\n", "example.yaml:20:1:",
     "more than one YAML document"),
    ("nested-1000", MINIMAL_AUTHORITY + "x: " + "[" * 1000 + "]" * 1000 + "\n", "example.yaml:20:",
     "nested more than 20 levels deep"),
    ("nested-50000", MINIMAL_AUTHORITY + "x: " + "[" * 50000 + "]" * 50000 + "\n", "example.yaml:20:",
     "nested more than 20 levels deep"),
    ("nested-blocks", MINIMAL_AUTHORITY + "".join(f"{'  ' * i}k{i}:\n" for i in range(30)) + "  " * 30 + "end: 1\n",
     "example.yaml:", "nested more than 20 levels deep"),
    ("far-future-review", edited("last_reviewed: 2026-01-15", "last_reviewed: 9999-01-01"),
     "example.yaml:5:16: last_reviewed:", "is in the future"),
    ("complex-key", MINIMAL_AUTHORITY + "? [a, b]\n: c\n", "example.yaml:20:3:", "a field name must be text"),
    ("alias", MINIMAL_AUTHORITY + "extra: &x 1\nmore: *x\n", "example.yaml:20:8:", "anchors and aliases"),
]


@pytest.mark.parametrize("name, text, where, message", CRASHES, ids=[c[0] for c in CRASHES])
def test_input_that_used_to_crash_gets_one_clear_message(tmp_path, name, text, where, message):
    check(tmp_path, text, where, message)


def test_a_far_future_review_date_cannot_empty_the_site(tmp_path):
    authorities = tmp_path / "authorities"
    authorities.mkdir()
    (authorities / "example.yaml").write_text(edited("last_reviewed: 2026-01-15", "last_reviewed: 9999-01-01"))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the site as it was")
    result = build(site, LOCAL_OFFER_AUTHORITIES_DIR=str(authorities))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "last_reviewed: this date, 9999-01-01, is in the future" in result.stderr
    assert (site / "index.html").read_text() == "the site as it was"


# --- 4. Silent wrong data ------------------------------------------------------------------------

def test_a_list_item_indented_one_space_too_far_is_named_not_merged(tmp_path):
    text = edited("contacts:\n", "sen_expectations_unused: null\ncontacts:\n").replace(
        "sen_expectations_unused: null\n", "")
    text = MINIMAL_AUTHORITY.replace(
        "  summary: Schools in Example give extra help to children who need it.\n",
        "  summary: Schools in Example give extra help to children who need it.\n"
        "  could_include:\n    - Find needs early\n     - Involve you and your family\n    - Third\n")
    check(tmp_path, text, "example.yaml:10:6: sen_support.could_include[1]:",
          "this line starts with '- ' but is read as more words of the line above")


@pytest.mark.parametrize("typed, message", [
    ("012", "a number cannot start with 0"),
    ("0o17", "a number cannot start with 0 or be written in another base"),
    ("0x1F", "written in another base"),
    ("1:30", 'expected a number of pounds, such as 6000, got "1:30"'),
    ("6,000", 'expected a number of pounds, such as 6000, got "6,000"'),
    ("yes", 'expected a number of pounds, such as 6000, got "yes"'),
    ("9" * 5000, "this number is too long"),
    ("1e400", "expected a number of pounds, such as 6000, got inf"),
])
def test_numbers_are_never_read_as_octal_or_base_60(tmp_path, typed, message):
    check(tmp_path, edited("amount: 6000", f"amount: {typed}"), "example.yaml:11:15: funding.elements[1].amount:",
          message)


def test_yaml_12_numbers_and_text_mean_what_they_say(tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(edited("amount: 6000", "amount: 6000.50").replace("Example Borough Council", "No"), encoding="utf-8")
    authority, problems = load_authority(path)
    assert problems == [] and authority.name == "No"  # YAML 1.2: text, never false
    path.write_text(edited("amount: 6000", "amount: 6000.50"), encoding="utf-8")
    authority, problems = load_authority(path)
    assert problems == [] and str(authority.funding.elements[0].amount) == "6000.5"


@pytest.mark.parametrize("typed, message", [
    ("1768435200", "expected a date written as YYYY-MM-DD"),
    ((date.today() + timedelta(days=2)).isoformat(), "is in the future"),  # 2: a run may pass midnight
    ("1999-12-31", "is before 2000"),
    ("'2026-1-5'", "expected a date written as YYYY-MM-DD"),
])
def test_review_dates_are_real_past_dates(tmp_path, typed, message):
    check(tmp_path, edited("last_reviewed: 2026-01-15", f"last_reviewed: {typed}"), "example.yaml:5:16: last_reviewed:",
          message)


@pytest.mark.parametrize("email", [
    "sen?cc=attacker%40evil.example&subject=Hi@stockton.gov.uk", "sen@stockton.gov.uk?cc=x@evil.example",
    "sen@@stockton.gov.uk", "sen@stockton", ".sen@stockton.gov.uk", "sen..x@stockton.gov.uk", "<sen@stockton.gov.uk>",
])
def test_an_email_is_a_plain_address(tmp_path, email):
    check(tmp_path, edited("sendiass@example.gov.uk", f'"{email}"'), "example.yaml:17:12: contacts[1].email:",
          "expected an email address")


@pytest.mark.parametrize("url, message", [
    ("https://www.trafford.gov.uk@evil.example/", "with no user name or @"),
    ("https://user:pw@www.trafford.gov.uk/", "with no user name or @"),
    ("https://192.168.0.1/", "not a number address"),
    ("https://[::1]/", "expected a web address starting with https://"),
    ("https://www.trafford.gov.uk:8080/", "with no port number"),
    ("javascript:alert(1)", "expected a web address starting with https://"),
    ("ftp://www.trafford.gov.uk/", "expected a web address starting with https://"),
    ("//www.trafford.gov.uk/", "expected a web address starting with https://"),
    ("https://www.example.gov.uk/?![x](x){:onerror=alert(1)}", "expected a web address starting with https://"),
    ("https://www.example.gov.uk/a b", "expected a web address starting with https://"),
    ("https://intranet/", "expected a web address starting with https://"),
])
def test_a_web_address_names_a_real_site_and_nothing_else(tmp_path, url, message):
    text = edited("    phone: \"01234 567890\"\n", f"    phone: \"01234 567890\"\n    web: '{url}'\n")
    check(tmp_path, text, "example.yaml:17:10: contacts[1].web:", message)


def test_http_is_accepted_with_a_warning_that_names_the_field(tmp_path):
    text = edited("    phone: \"01234 567890\"\n", "    phone: \"01234 567890\"\n    web: http://www.example.gov.uk/\n")
    path = tmp_path / "example.yaml"
    path.write_text(text, encoding="utf-8")
    result = validate(path)
    assert result.returncode == 0, result.stderr
    assert "example.yaml:17:10: warning: contacts[1].web: this web address starts with http://" in result.stderr
    assert "1 warning(s)" in result.stdout


# --- 5. Files ------------------------------------------------------------------------------------

@pytest.mark.parametrize("slug", ["accessibility", "glossary", "sen-support", "search", "assets", "index", "404"])
def test_a_slug_that_is_a_shared_page_or_theme_folder_is_refused(tmp_path, slug):
    text = edited("slug: example", f'slug: "{slug}"')
    check(tmp_path, text, f"{slug}.yaml:4:7: slug:", f'"{slug}" is the address of a page or folder every council shares',
          name=f"{slug}.yaml")


def folder_with(tmp_path, **entries):
    folder = tmp_path / "authorities"
    folder.mkdir()
    (folder / "example.yaml").write_text(MINIMAL_AUTHORITY, encoding="utf-8")
    for name, make in entries.items():
        make(folder / name.replace("__", "."))
    return folder


@pytest.mark.parametrize("name, make, message", [
    ("other__yml", lambda p: p.write_text("x"), "authority files must end in .yaml (in lower case)"),
    ("other__YAML", lambda p: p.write_text("x"), "rename it to other.yaml"),
    ("notes__txt", lambda p: p.write_text("x"), "this is not an authority file"),
    ("folder__yaml", lambda p: p.mkdir(), "this is a folder"),
    ("dangling__yaml", lambda p: p.symlink_to(p.parent / "missing.yaml"), "this is a symbolic link"),
    ("passwd__yaml", lambda p: p.symlink_to("/etc/passwd"), "this is a symbolic link"),
    ("pipe__yaml", lambda p: os.mkfifo(p), "this is not an ordinary file"),
])
def test_everything_in_the_authorities_folder_is_named(tmp_path, name, make, message):
    folder = folder_with(tmp_path, **{name: make})
    authorities, problems = load_authorities(folder, root=tmp_path)
    shown = [str(p) for p in problems]
    assert [a.slug for a in authorities] == ["example"]
    assert any(s.startswith(f"authorities/{name.replace('__', '.')}:1:1:") and message in s for s in shown), shown
    assert not any("root:" in s for s in shown), "a link's target is never read"


def test_a_symlink_given_to_validate_is_refused_without_reading_it(tmp_path):
    link = tmp_path / "example.yaml"
    link.symlink_to("/etc/passwd")
    result = validate(link)
    assert result.returncode == 1 and "this is a symbolic link" in result.stderr
    assert "root" not in result.stderr.replace(str(tmp_path), "")


def test_a_bad_file_in_the_folder_stops_the_build(tmp_path):
    folder = folder_with(tmp_path, **{"other__yml": lambda p: p.write_text("x")})
    result = build(tmp_path / "site", LOCAL_OFFER_AUTHORITIES_DIR=str(folder))
    assert result.returncode != 0 and "authorities/other.yml:1:1: authority files must end in .yaml" in result.stderr


# --- 6. CI log injection, 7. control and invisible characters ---------------------------------

def lines_of(output: str) -> list[str]:
    return output.splitlines()


@pytest.mark.parametrize("text", [
    MINIMAL_AUTHORITY + '"x\\n::warning::pwned": 1\n',
    MINIMAL_AUTHORITY + '"\\e[31mred": 1\n',
    edited("name: Example Borough Council", 'name: "Example\\n::error::pwned"'),
    edited("amount: 6000", 'amount: "\\e[2J\\n::set-output name=x::y"'),
    edited("    name: Example SENDIASS", '    name: "Example\\r::warning::pwned"'),
])
def test_messages_never_carry_raw_newlines_escapes_or_workflow_commands(tmp_path, text):
    path = tmp_path / "example.yaml"
    path.write_text(text, encoding="utf-8")
    result = validate(path)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr
    for line in lines_of(result.stderr):
        assert not line.startswith("::"), line
    assert re.search(r"example\.yaml:\d+:\d+: ", result.stderr)


def test_a_file_name_cannot_start_a_workflow_command(tmp_path):
    os.chdir(tmp_path)
    (tmp_path / "::warning::x.yaml").write_text("a: [", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), "::warning::x.yaml"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 1
    assert not [line for line in lines_of(result.stderr) if line.startswith("::")], result.stderr
    assert "./::warning::x.yaml:2:1:" in result.stderr


def test_long_values_are_shortened_in_messages(tmp_path):
    stderr = check(tmp_path, edited("amount: 6000", "amount: " + "x" * 5000), "example.yaml:11:15:", "expected a number")
    assert len(max(lines_of(stderr), key=len)) < 300


INVISIBLE = {"NUL": "\\0", "BEL": "\\a", "ESC": "\\e", "RLO": "\\u202e", "LRI": "\\u2066", "ZWSP": "\\u200b",
             "ZWJ": "\\u200d", "BOM": "\\ufeff", "soft hyphen": "\\u00ad", "tag": "\\U000e0041",
             "line separator": "\\u2028", "private use": "\\ue000", "nonchar": "\\uffff"}


@pytest.mark.parametrize("name", INVISIBLE)
def test_invisible_and_control_characters_written_as_escapes_are_refused(tmp_path, name):
    text = edited("    name: Example SENDIASS", f'    name: "Example {INVISIBLE[name]}SENDIASS"')
    check(tmp_path, text, "example.yaml:15:11: contacts[1].name:", "invisible or control character")


@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\u0007", "\u2066", "\u00ad", "\U000e0041", "\x85"])
def test_invisible_and_control_characters_typed_in_are_refused_where_they_stand(tmp_path, char):
    text = edited("  summary: Schools in Example", f"  summary: Schools in {char}Example")
    check(tmp_path, text, "example.yaml:7:23:", "invisible or control character")


def test_a_lone_surrogate_escape_is_refused_as_invalid_yaml(tmp_path):
    text = edited("    name: Example SENDIASS", '    name: "Example \\ud800SENDIASS"')
    check(tmp_path, text, "example.yaml:15:", "this is not valid YAML: found invalid Unicode character escape code")


def test_a_comment_cannot_hide_a_bidi_override_either(tmp_path):
    check(tmp_path, MINIMAL_AUTHORITY + "# note \u202e hidden\n", "example.yaml:20:8:", "U+202E")


def test_newlines_stay_out_of_plain_text_but_are_fine_in_markdown(tmp_path):
    text = edited("    name: Example SENDIASS", "    name: |\n      Example\n      SENDIASS")
    check(tmp_path, text, "example.yaml:15:11: contacts[1].name:", "this text must be on one line")
    path = tmp_path / "ok.yaml"
    path.write_text(edited("  summary: Schools in Example give extra help to children who need it.",
                           "  summary: |\n    Schools in Example.\n\n    Second paragraph.").replace("slug: example", "slug: ok"))
    assert load_authority(path)[1] == []
