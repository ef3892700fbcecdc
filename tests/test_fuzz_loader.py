"""Property-based: whatever bytes an authority file holds, the loader returns an authority or a
list of problems, each with a line and column and safe to print in a CI log. Never an exception."""

from __future__ import annotations

import json
import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import MINIMAL_AUTHORITY

from macros.data.loader import load_authority

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.function_scoped_fixture])
# Pieces of YAML, Markdown, HTML and Jinja that have broken parsers before.
TRICKS = ["!!python/object/apply:os.system ['id']", "!!int abc", "!foo", "&a", "*a", "<<: {}", "? [a]\n: b",
          "---\n", "...\n", "%YAML 1.1\n", "{{ 7*7 }}", "{% raw %}", "<script>alert(1)</script>", "[x](javascript:1)",
          "![i](https://evil.example/i.png)", "012", "1:30", "0o17", ".inf", "~", "yes", "2026-02-30", "9999-01-01",
          "\u202e", "\u200b", "\x00", "\x1b[31m", "\x85", "\ufeff", "\t", "\\", "'", '"', "|\n  x", ">-\n  y",
          "\n   - merged", "[" * 30, "{" * 30, "- ", ": ", "#", "\r\n", "9" * 5000, "1e400", "\\r::warning::x"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
                    st.sampled_from(TRICKS))
documents = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.one_of(st.text(max_size=12), st.sampled_from(TRICKS)),
                                                    children, max_size=4)), max_leaves=25)


def assert_loads_or_explains(tmp_path, text: str) -> None:
    path = tmp_path / "example.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    authority, problems = load_authority(path, "authorities/example.yaml")
    errors = [p for p in problems if p.is_error]
    assert (authority is None) == bool(errors), problems
    for problem in problems:
        shown = str(problem)
        assert re.match(r"authorities/example\.yaml:\d+:\d+: ", shown), shown
        assert problem.line >= 1 and problem.column >= 1
        head, *hint = shown.split("\n")
        assert all(line.startswith("    hint: ") for line in hint) and len(hint) <= 1, shown
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]", shown), shown


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(TRICKS), st.text(max_size=20)), max_size=12).map("".join))
def test_any_text_is_loaded_or_explained(tmp_path, text):
    assert_loads_or_explains(tmp_path, text)


@SETTINGS
@given(documents, st.integers(min_value=0), st.sampled_from(TRICKS))
def test_any_yaml_document_even_mutated_is_loaded_or_explained(tmp_path, data, where, trick):
    text = yaml.safe_dump(data, allow_unicode=True)
    at = where % (len(text) + 1)
    assert_loads_or_explains(tmp_path, text)
    assert_loads_or_explains(tmp_path, text[:at] + trick + text[at:])


FIELDS = ["Example Borough Council", "Example SENDIASS", "Schools in Example give extra help to children who need it.",
          "SEN support in Example", "Element 2", "sendiass@example.gov.uk", '"01234 567890"', "2026-01-15", "6000"]


@SETTINGS
@given(st.sampled_from(FIELDS), st.one_of(st.text(max_size=40), st.sampled_from(TRICKS)), st.booleans())
def test_any_value_in_any_field_is_loaded_or_explained(tmp_path, field, value, quoted):
    typed = json.dumps(value) if quoted else value
    assert_loads_or_explains(tmp_path, MINIMAL_AUTHORITY.replace(field, typed, 1))
