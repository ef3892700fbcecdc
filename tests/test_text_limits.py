"""Every text field and every list has a most it may hold, worded for the editor, so no one file
can swell the pages and the search index every council shares."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from support import MINIMAL_AUTHORITY, ROOT, build

from macros.data.model import HEADING_MAX, LINE_MAX, LIST_MAX, PARAGRAPHS_MAX


def validate(path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(path)],
                          capture_output=True, text=True, timeout=60)


TOO_LONG = [
    ("a 900 KB heading", "faqs:\n  - question: " + "Q" * 900_000 + "\n    answer: A.\n",
     "example.yaml:21:15: faqs[1].question:", f"this text is 900,000 characters long, and a name, title or heading may have at most {HEADING_MAX}"),
    ("a long sentence", "transition:\n  points:\n    - " + "word " * 200 + "\n",
     "example.yaml:22:7: transition.points[1]:", f"a sentence or list item may have at most {LINE_MAX}"),
    ("a long answer", "faqs:\n  - question: Why?\n    answer: >-\n      " + "Because. " * 1000 + "\n",
     "example.yaml:22:13: faqs[1].answer:", f"a piece of Markdown (paragraphs) may have at most {PARAGRAPHS_MAX:,}"),
    ("a long list", "transition:\n  points:\n" + "    - A point.\n" * (LIST_MAX + 1),
     "example.yaml:22:5: transition.points:", f"this list has {LIST_MAX + 1} items, and a list may have at most {LIST_MAX}"),
    ("a long address", "local_offer_url: https://www.example.gov.uk/" + "a" * 3000 + "\n",
     "example.yaml:20:18: local_offer_url:", "of at most 2,000 characters"),
]


@pytest.mark.parametrize(("name", "extra", "where", "message"), TOO_LONG, ids=[case[0] for case in TOO_LONG])
def test_text_over_its_limit_gets_one_clear_message(tmp_path, name, extra, where, message):
    path = tmp_path / "example.yaml"
    path.write_text(MINIMAL_AUTHORITY + extra, encoding="utf-8")
    result = validate(path)
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
    problems = [line for line in result.stderr.splitlines() if line.startswith(str(path.parent))]
    assert len(problems) == 1, result.stderr
    assert where in problems[0] and message in problems[0], result.stderr
    assert len(result.stderr) < 2_000  # the message quotes the start of the text, not all of it


def test_every_text_field_and_list_in_the_schema_has_a_limit():
    schema = json.loads((ROOT / "authorities" / "authority.schema.json").read_text(encoding="utf-8"))
    unbounded = []

    def walk(node, path):
        if isinstance(node, dict):
            if node.get("type") == "string" and "enum" not in node and "const" not in node \
                    and node.get("format") != "date" and "maxLength" not in node:
                unbounded.append(path)
            if node.get("type") == "array" and "maxItems" not in node:
                unbounded.append(path)
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}[{index}]")

    walk(schema, "$")
    assert unbounded == []


def _largest_council(slug: str) -> str:
    """A council file with every list and heading as large as the model allows."""
    heading = "H" * HEADING_MAX
    stages = "".join(f"    - name: {heading[:-4]}{n:04}\n      summary: S.\n" for n in range(LIST_MAX))
    terms = "".join(f"  - term: {heading[:-4]}{n:04}\n    meaning: M.\n" for n in range(LIST_MAX))
    faqs = "".join(f"  - question: {heading[:-4]}{n:04}\n    answer: A.\n" for n in range(LIST_MAX))
    outcomes = "".join(f"    - title: {heading[:-4]}{n:04}\n" for n in range(LIST_MAX))
    return (MINIMAL_AUTHORITY.replace("Example Borough Council", "Largest Borough Council")
            .replace("short_name: Example", "short_name: Largest").replace("slug: example", f"slug: {slug}")
            + f"graduated_approach:\n  stages:\n{stages}terms:\n{terms}faqs:\n{faqs}"
            + f"ehc_needs_assessment:\n  possible_outcomes:\n{outcomes}")


def test_the_largest_file_allowed_grows_what_every_search_loads_by_a_bounded_amount(tmp_path):
    # Every search first loads the index's start-up file (pagefind/*.pf_meta); then only the pieces
    # of the index that hold the words asked for.
    authorities = tmp_path / "authorities"
    authorities.mkdir()
    (authorities / "example.yaml").write_text(MINIMAL_AUTHORITY, encoding="utf-8")
    env = {"LOCAL_OFFER_AUTHORITIES_DIR": str(authorities)}
    before = build(tmp_path / "before", **env)
    assert before.returncode == 0, before.stderr
    (authorities / "largest.yaml").write_text(_largest_council("largest"), encoding="utf-8")
    after = build(tmp_path / "after", **env)
    assert after.returncode == 0, after.stderr

    def start_up(site):
        return sum(p.stat().st_size for p in (site / "pagefind").glob("*.pf_meta"))

    def largest_piece(site):
        return max(p.stat().st_size for p in (site / "pagefind" / "index").iterdir())

    grown = start_up(tmp_path / "after") - start_up(tmp_path / "before")
    assert 0 <= grown < 20_000, grown
    assert largest_piece(tmp_path / "after") < 100_000, largest_piece(tmp_path / "after")
