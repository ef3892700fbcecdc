"""EDITING.md, the council editors' guide: every YAML snippet in it is valid, and it covers every
page kind and every message an editor can see."""

from __future__ import annotations

import re

import pytest
import yaml

from support import MINIMAL_AUTHORITY, ROOT

from macros.data.loader import load_authority
from macros.pages.page_kinds import PAGE_KINDS

GUIDE = (ROOT / "EDITING.md").read_text(encoding="utf-8")
SNIPPETS = re.findall(r"```yaml\n(.*?)```", GUIDE, re.S)
SOURCE_PAGE = re.findall(r"```markdown\n(.*?)```", GUIDE, re.S)[0]  # the guide's example source page


def test_the_guide_has_snippets_and_the_readme_links_to_it():
    assert len(SNIPPETS) >= 8
    assert "(EDITING.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[f"snippet-{n + 1}" for n in range(len(SNIPPETS))])
def test_every_snippet_is_valid_in_a_real_file(tmp_path, snippet):
    base = yaml.safe_load(MINIMAL_AUTHORITY)
    base.update(yaml.safe_load(snippet))  # the snippet's sections replace the minimal file's
    path = tmp_path / "example.yaml"
    (tmp_path / "sources" / "example").mkdir(parents=True)
    (tmp_path / "sources" / "example" / "sen-support.md").write_text(SOURCE_PAGE, encoding="utf-8")
    path.write_text("# yaml-language-server: $schema=./authority.schema.json\n"
                    + yaml.safe_dump(base, sort_keys=False, allow_unicode=True), encoding="utf-8")
    authority, problems = load_authority(path)
    assert [p for p in problems if p.is_error] == [], [str(p) for p in problems]


def test_every_page_kind_is_described_with_a_screenshot_kept_in_the_repository():
    for kind in PAGE_KINDS:
        shot = f"docs/screenshots/{kind.key}.png"
        assert f"]({shot})" in GUIDE, shot
        assert (ROOT / shot).stat().st_size > 10_000, shot


@pytest.mark.parametrize("message", [
    "this is not valid YAML", "there is a tab character here", "this field appears twice",
    "this field is not one we know", "this required field is missing", "a number cannot start with 0",
    "expected a UK phone number in quotes", "expected an email address", "expected a web address starting with https://",
    "expected a date written as YYYY-MM-DD", "this text must be on one line", "invisible or control character",
    "this line starts with '- ' but is read as more words of the line above", "no source covers",
    "replace this placeholder", "the review was due on", "source pages", "this statement has no council_says",
    "no source page called", "which the council's words do not",
    "put the first number in phone, and only the others in more_phones", "this list repeats a phone number",
    "expected a month written YYYY-MM, such as 2020-05, or a year written YYYY",
    "give last_updated (a full date) or updated_in (a month or a year), not both",
])
def test_every_message_is_explained(message):
    assert message in GUIDE
    source = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "macros").rglob("*.py")))
    # "expected ..." is put in front of some phrases when the message is made.
    assert message.removeprefix("expected ") in source, f"the guide explains a message no code gives: {message}"


def test_the_guide_lists_every_word_the_quote_check_counts_as_must_should_or_can():
    from macros.data.provenance import STRENGTHS

    words = GUIDE.split("**Which words count.**", 1)[1].split("Numbers are checked too", 1)[0]
    for kind, pattern in STRENGTHS:
        line = next(line for line in re.split(r"\n- ", words) if line.startswith(f"{kind}:"))
        for word in pattern.split("|"):
            plain = re.sub(r"s\?", "", word)  # "needs? to" is written "need to" (and "needs to")
            assert f"`{plain}`" in line, f"{kind}: the guide does not list {plain!r}"


def test_the_guide_says_a_one_council_build_checks_every_file_and_the_scaffold_makes_the_sources_folder():
    assert "still checks **every** council's file" in GUIDE
    assert "`authorities/sources/doncaster/`" in GUIDE and "`README.md`" in GUIDE
    assert "Mark each cut with `…`" in GUIDE and "publisher_kind: sendiass" in GUIDE


def test_the_paragraph_rule_in_the_guide_is_what_the_site_does(tmp_path):
    from macros.pages.safe_html import markdown_html

    assert "leave **two** blank lines" in GUIDE
    rendered = {}
    for blanks in (1, 2):
        summary = "  summary: >-\n    First part.\n" + "\n" * blanks + "    Second part.\n"
        path = tmp_path / f"blank{blanks}" / "example.yaml"
        path.parent.mkdir()
        text = re.sub(r"  summary: .*\n", summary, MINIMAL_AUTHORITY, count=1)
        path.write_text(text, encoding="utf-8")
        authority, problems = load_authority(path)
        assert authority is not None, problems
        rendered[blanks] = str(markdown_html(authority.sen_support.summary)).count("<p>")
    assert rendered == {1: 1, 2: 2}  # one blank line joins the paragraphs; two start a new one
