"""How well the site's search answers the questions parents ask.

    .venv/bin/python scripts/search_report.py                 # build the site into a temp folder, then report
    .venv/bin/python scripts/search_report.py --site site     # use a site already built
    .venv/bin/python scripts/search_report.py --show 5        # also print each question's top 5 pages

Each question in tests/search_questions.yaml names the page (or pages) that answer it. The
report searches the built site's index the way Material's search does in the browser and prints
the share of questions whose answer is the first result (top-1) or among the first three
(top-3), and a table of the misses.

A question is asked where a parent would ask it (macros/build/search_scopes.py): one whose answers are
all one council's pages, on that council's pages (`search/<slug>.json`); any other, on the home
page (`search/search_index.json`). The report also says how the council questions fare when
asked on the home page instead.

How Material searches, mirrored here (material/templates/assets/javascripts/workers/search):
- the index has one document per page section (`page/#anchor`), the page itself first; fields
  `title` (boost 1000) and `text` (boost 1), a document's own `boost` from `search: boost:`
  front matter, lunr's b = 0 (no length normalisation);
- text is split on the index's `separator` and lower-cased; of lunr's pipeline only what the
  index's `pipeline` names is used (by default only the stop word filter: nothing is stemmed);
- each query word gets a trailing wildcard (`fund` finds `funding`), so it skips the pipeline;
- a result's score is multiplied by 1 + b^2, where b is 1 for a page (not a section) plus the
  share of query words it matched; results are then grouped under their page, best first.
Parents type questions, so common stop words ("how", "do", "I") are dropped from the query.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from lunr.builder import Builder
from lunr.query import Query
from lunr.stop_word_filter import stop_word_filter, WORDS as STOP_WORDS

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from macros.build.search_scopes import scope_file  # noqa: E402

QUESTIONS = ROOT / "tests" / "search_questions.yaml"
QUERY_SYNTAX = re.compile(r"[:~^+\-*\"'’?!.,;()\[\]{}/\\]")


def strip_html(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text or ""))).strip()


def page_of(location: str) -> str:
    return location.split("#", 1)[0]


@dataclass
class SiteSearch:
    index: object
    docs: dict[str, dict]
    separator: re.Pattern
    stop_words: bool

    @classmethod
    def from_site(cls, site: Path, scope: str | None = None) -> "SiteSearch":
        data = json.loads((site / scope_file(scope)).read_text(encoding="utf-8"))
        return cls.from_index(data)

    @classmethod
    def from_index(cls, data: dict) -> "SiteSearch":
        config = data["config"]
        separator = re.compile(config.get("separator") or r"[\s\-]+")
        pipeline = config.get("pipeline") or []
        builder = Builder()
        builder.ref("location")
        builder.b(0)
        if "stopWordFilter" in pipeline:
            builder.pipeline.add(stop_word_filter)
        # (Material's default pipeline has no trimmer or stemmer: tokens are indexed as written.)

        def tokens(field: str):
            return lambda doc: [t.lower() for t in separator.split(doc[field]) if t]

        for name, spec in config.get("fields", {"title": {"boost": 1000}, "text": {"boost": 1}}).items():
            if name == "tags":
                continue  # this site has no tags
            builder.field(name, boost=spec.get("boost", 1), extractor=tokens(name))
        docs: dict[str, dict] = {}
        for raw in data["docs"]:
            doc = {"location": raw["location"], "title": strip_html(raw["title"]), "text": strip_html(raw["text"])}
            docs[doc["location"]] = {**doc, "is_page": "#" not in doc["location"]}
            builder.add(doc, {"boost": raw["boost"]} if "boost" in raw else None)
        return cls(builder.build(), docs, separator, "stopWordFilter" in pipeline)

    def words(self, question: str) -> list[str]:
        """The query words Material would search for, without lunr syntax or stop words."""
        words = []
        text = re.sub(r"['’]s\b", "", question)  # "child's" -> "child", which also finds "child's"
        for word in QUERY_SYNTAX.sub(" ", text).split():
            for part in self.separator.split(word):
                part = (part or "").lower()
                if part and part not in STOP_WORDS and part not in words:
                    words.append(part)
        return words

    def search(self, question: str) -> list[str]:
        """Page locations, best first, as Material would list them."""
        words = self.words(question)
        if not words:
            return []

        def build(query: Query) -> None:
            for word in words:
                query.term(word, wildcard=Query.WILDCARD_TRAILING, use_pipeline=False)

        scored = []
        for result in self.index.query(callback=build):
            doc = self.docs[result["ref"]]
            matched = {w for w in words if any(term.startswith(w) for term in result["match_data"].metadata)}
            boost = (1 if doc["is_page"] else 0) + len(matched) / len(words)
            scored.append((result["score"] * (1 + boost ** 2), result["ref"]))
        scored.sort(key=lambda item: -item[0])
        pages: list[str] = []
        for _, ref in scored:
            page = page_of(ref)
            if page not in pages:
                pages.append(page)
        return pages


@dataclass
class ScopedSearch:
    """Each scope's search, built when first asked for."""
    site: Path

    def __post_init__(self) -> None:
        self._searches: dict[str | None, SiteSearch] = {}

    def scope_for(self, answers: list[str]) -> str | None:
        councils = {answer.split("/", 1)[0] for answer in answers}
        council = councils.pop() if len(councils) == 1 else None
        return council if council and (self.site / scope_file(council)).exists() else None

    def search(self, scope: str | None) -> SiteSearch:
        if scope not in self._searches:
            self._searches[scope] = SiteSearch.from_site(self.site, scope)
        return self._searches[scope]


@dataclass
class Outcome:
    question: str
    answers: list[str]
    results: list[str]
    asked_on: str | None = None

    @property
    def rank(self) -> int | None:
        for position, page in enumerate(self.results, start=1):
            if page in self.answers:
                return position
        return None


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for item in items:
        answers = item["answer"] if isinstance(item["answer"], list) else [item["answer"]]
        out.append({"question": item["question"], "answers": [page_of(a) for a in answers]})
    return out


def evaluate(searches: ScopedSearch, questions: list[dict], on_home_page: bool = False) -> list[Outcome]:
    """Each question asked where a parent would ask it, or all of them on the home page."""
    outcomes = []
    for q in questions:
        scope = None if on_home_page else searches.scope_for(q["answers"])
        outcomes.append(Outcome(q["question"], q["answers"], searches.search(scope).search(q["question"]), scope))
    return outcomes


def rates(outcomes: list[Outcome]) -> tuple[float, float]:
    top1 = sum(1 for o in outcomes if o.rank == 1) / len(outcomes)
    top3 = sum(1 for o in outcomes if o.rank is not None and o.rank <= 3) / len(outcomes)
    return top1, top3


def report(outcomes: list[Outcome], show: int = 0) -> str:
    top1, top3 = rates(outcomes)
    lines = [f"{len(outcomes)} questions: top-1 {top1:.0%} ({sum(o.rank == 1 for o in outcomes)}), "
             f"top-3 {top3:.0%} ({sum(1 for o in outcomes if o.rank and o.rank <= 3)})", ""]
    misses = [o for o in outcomes if o.rank != 1]
    if misses:
        lines += ["Not the first result:", "", "| question | asked on | answer | rank | first three results |",
                  "|---|---|---|---:|---|"]
        for o in misses:
            lines.append(f"| {o.question} | {f'{o.asked_on}/ pages' if o.asked_on else 'home page'} | "
                         f"{', '.join(o.answers)} | {o.rank or '-'} | {', '.join(o.results[:3]) or '(none)'} |")
    if show:
        lines += ["", "All results:", ""]
        for o in outcomes:
            lines.append(f"- {o.question} [{o.rank or '-'}]: {', '.join(o.results[:show])}")
    return "\n".join(lines)


def build_site(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the site did not build:\n{result.stderr}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print every question's top N pages")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="local-offer-search-") as temp:
        site = args.site
        if site is None:
            site = Path(temp) / "site"
            build_site(site)
        searches = ScopedSearch(site)
        questions = load_questions(args.questions)
        outcomes = evaluate(searches, questions)
        council_questions = [q for q in questions if searches.scope_for(q["answers"])]
        from_home = evaluate(searches, council_questions, on_home_page=True)
    print(report(outcomes, args.show))
    if from_home:
        top1, top3 = rates(from_home)
        print(f"\nThe {len(from_home)} questions about one council, asked on the home page instead (where a council's "
              f"pages are found by title and headings only): top-1 {top1:.0%}, top-3 {top3:.0%}")


if __name__ == "__main__":
    main()
