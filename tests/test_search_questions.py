"""The question lists that measure the site's search (scored in Chromium by tests/browser/test_search.py
and scripts/search_report.py), and the index the build writes for it (macros/build/pagefind_index.py)."""

from __future__ import annotations

import sys

from support import ROOT, search_pages

sys.path.insert(0, str(ROOT / "scripts"))
from search_report import HELD_OUT, QUESTIONS, load_questions  # noqa: E402

NATIONAL = {"" if p.stem == "index" else f"{p.stem}/" for p in (ROOT / "content").glob("*.md")}
SLUGS = sorted(p.stem for p in (ROOT / "authorities").glob("*.yaml"))


def test_there_are_enough_questions_for_the_national_pages_and_several_councils():
    questions = load_questions(QUESTIONS)
    assert len(questions) >= 40
    assert sum(1 for q in questions if set(q["answers"]) & NATIONAL) >= 8
    councils = {a.split("/", 1)[0] for q in questions for a in q["answers"]} - {n.rstrip("/") for n in NATIONAL}
    assert len(councils) >= 5
    assert len({q["question"].lower() for q in questions}) == len(questions), "a question appears twice"


def test_every_answer_is_a_page_of_the_site(built_site):
    for q in load_questions(QUESTIONS) + load_questions(HELD_OUT):
        for answer in q["answers"]:
            assert (built_site / answer / "index.html").exists(), f"{q['question']!r}: no page {answer}"


def test_the_held_out_questions_are_well_formed_and_not_in_the_tuned_list():
    questions = load_questions(HELD_OUT)
    assert len(questions) >= 15
    assert not {q["question"].lower() for q in questions} & {q["question"].lower() for q in load_questions(QUESTIONS)}


def test_the_index_holds_every_page_once_with_its_council(built_site):
    pages = search_pages(built_site)
    urls = [page["url"] for page in pages]
    assert len(urls) == len(set(urls))
    for slug in SLUGS:
        assert f"/{slug}/funding/" in urls, slug
    for page in pages:
        council = page["meta"].get("council")
        assert council and page["filters"]["council"] == [council], page["url"]


def test_what_the_templates_leave_out_of_search_is_not_in_the_index(built_site):
    # A council's quoted words repeat the statement above them; the contents list repeats the menu.
    page = next(p for p in search_pages(built_site) if p["url"] == "/trafford/school/")
    html = (built_site / "trafford" / "school" / "index.html").read_text(encoding="utf-8")
    assert "data-search-exclude" in html
    assert "Council's words" not in page["content"]  # the disclosure "In Trafford Council's words"
    assert "guide: contents" not in page["content"]


def test_the_theme_search_index_is_not_published(built_site):
    assert not (built_site / "search").exists()
    assert (built_site / "pagefind" / "pagefind.js").is_file()
    assert not list((built_site / "pagefind").glob("pagefind-ui*"))
