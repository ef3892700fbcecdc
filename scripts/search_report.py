"""How well the site's search answers the questions parents ask, typed into the search box in Chromium.

    .venv/bin/python scripts/search_report.py                     # build, then score the site's search
    .venv/bin/python scripts/search_report.py --site site         # use a site already built
    .venv/bin/python scripts/search_report.py --engines           # also build the theme's own search, and compare
    .venv/bin/python scripts/search_report.py --questions tests/search_questions_held_out.yaml --show 5

Each question in the list names the page (or pages) that answer it. The site is served on
127.0.0.1 and opened in Chromium; the report presses `/`, types the question into the search box
as a parent would, waits for the results, and reads the result links in order. Top-1 is the share
of questions whose first result is an answer, top-3 the share with an answer in the first three.

Every question is asked on the home page. A question whose answers are all one council's pages is
asked again on that council's overview, where the search keeps to that council by default.

`--engines` builds the same pages a second time with the theme's own search (Material's lunr
index and dialog, as the site had before Pagefind) and scores both the same way, so the choice
between them is measured, not assumed.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "search_questions.yaml"
HELD_OUT = ROOT / "tests" / "search_questions_held_out.yaml"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def page_of(location: str) -> str:
    return location.split("#", 1)[0].split("?", 1)[0].lstrip("/")


@dataclass
class Outcome:
    question: str
    answers: list[str]
    results: list[str]
    asked_on: str = ""

    @property
    def rank(self) -> int | None:
        for position, page in enumerate(self.results, start=1):
            if page in self.answers:
                return position
        return None


def load_questions(path: Path) -> list[dict]:
    out = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        answers = item["answer"] if isinstance(item["answer"], list) else [item["answer"]]
        out.append({"question": item["question"], "answers": [page_of(a) for a in answers if a]})
    return out


def council_of(answers: list[str], site: Path) -> str | None:
    councils = {answer.split("/", 1)[0] for answer in answers}
    council = councils.pop() if len(councils) == 1 else None
    return council if council and (site / council / "index.html").exists() and (site / council / "funding").exists() \
        else None


@contextlib.contextmanager
def served(site: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                          ".pagefind": "application/octet-stream", ".js": "text/javascript"}

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


# What each engine's results list looks like: the link of each result's page, in order.
ENGINES = {
    "pagefind": {"results": "#lo-search-results > li > a.lo-search-result__page",
                 # search.js marks the list with the search its results answer
                 "done": "q => document.getElementById('lo-search-results').getAttribute('data-answered') === q"},
    "material": {"results": ".md-search-result__list > li > a.md-search-result__link",
                 # the theme's worker answers each key; its status line counts the results of the last
                 "done": """q => { const meta = document.querySelector('.md-search-result__meta');
                                   const box = document.querySelector('input[data-md-component=search-query]');
                                   if (!(box && box.value === q && /match|no /i.test(meta.textContent))) return false;
                                   const now = meta.textContent + document.querySelector('.md-search-result__list').childElementCount;
                                   const same = window.__loLast === now; window.__loLast = now; return same; }"""},
}


class Browser:
    def __init__(self, base: str, engine: str) -> None:
        from playwright.sync_api import sync_playwright
        self.base, self.engine = base, ENGINES[engine]
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self.page = self._browser.new_page(viewport={"width": 390, "height": 844})
        self._at = None
        self.timeouts: list[str] = []

    def ask(self, question: str, on: str = "") -> list[str]:
        page = self.page
        if self._at != on:
            page.goto(self.base + on, wait_until="load")
            self._at = on
        page.keyboard.press("Escape")
        page.keyboard.press("/")
        box = page.locator("#lo-search-input, input[data-md-component=search-query]").first
        box.fill("")
        box.press_sequentially(question, delay=5)
        try:
            page.wait_for_function(self.engine["done"], arg=question, timeout=15000, polling=200)
        except PlaywrightTimeout:
            self.timeouts.append(question)  # scored on whatever the list shows, and said in the report
        links = page.eval_on_selector_all(self.engine["results"], "links => links.map(a => a.href)")
        return [page_of(link[len(self.base) - 1:]) for link in links]

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()


def evaluate(browser: Browser, questions: list[dict], site: Path, on_council_pages: bool = False) -> list[Outcome]:
    outcomes = []
    for q in questions:
        if not q["answers"]:
            continue  # no page answers it yet (the list says so); it is not a test of search
        council = council_of(q["answers"], site)
        if on_council_pages and not council:
            continue
        on = f"{council}/" if on_council_pages else ""
        outcomes.append(Outcome(q["question"], q["answers"], browser.ask(q["question"], on), on or "home page"))
    return outcomes


def rates(outcomes: list[Outcome]) -> tuple[float, float]:
    if not outcomes:
        return 0.0, 0.0
    top1 = sum(1 for o in outcomes if o.rank == 1) / len(outcomes)
    top3 = sum(1 for o in outcomes if o.rank is not None and o.rank <= 3) / len(outcomes)
    return top1, top3


def summary(outcomes: list[Outcome]) -> str:
    top1, top3 = rates(outcomes)
    return f"top-1 {top1:.0%}, top-3 {top3:.0%} (n={len(outcomes)})"


def misses(outcomes: list[Outcome], show: int = 0) -> str:
    lines = []
    missed = [o for o in outcomes if o.rank != 1]
    if missed:
        lines += ["| question | asked on | answer | rank | first three results |", "|---|---|---|---:|---|"]
        for o in missed:
            lines.append(f"| {o.question} | {o.asked_on} | {', '.join(o.answers) or '(none)'} | {o.rank or '-'} | "
                         f"{', '.join(o.results[:3]) or '(none)'} |")
    if show:
        lines += ["", "All results:", ""]
        lines += [f"- {o.question} [{o.rank or '-'}]: {', '.join(o.results[:show])}" for o in outcomes]
    return "\n".join(lines)


def build_site(site: Path, config: Path | None = None) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if config:  # a config elsewhere: the authority files are still this project's (or the ones set)
        env.setdefault("LOCAL_OFFER_AUTHORITIES_DIR", str(ROOT / "authorities"))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)]
    if config:
        command += ["--config-file", str(config)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the site did not build:\n{result.stderr[-3000:]}")


def build_with_theme_search(site: Path, work: Path) -> None:
    """The same pages with the theme's own search: its dialog (our search partial left out) and index."""
    overrides = work / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    (overrides / "partials" / "search.html").unlink()
    main = overrides / "main.html"  # and the theme's own settings for its search
    main.write_text(re.sub(r"{% block config %}.*?{% endblock %}", "", main.read_text(encoding="utf-8"), flags=re.S),
                    encoding="utf-8")
    base = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = work / "mkdocs.yml"
    config.write_text(yaml.safe_dump({
        "INHERIT": str(ROOT / "mkdocs.yml"), "docs_dir": str(ROOT / "content"),
        "theme": {**base["theme"], "custom_dir": str(overrides)},
        "hooks": [str(ROOT / hook) for hook in base["hooks"] if "pagefind" not in hook],
    }), encoding="utf-8")
    build_site(site, config)


def score(site: Path, engine: str, lists: list[Path], show: int) -> list[tuple[str, str, list[Outcome]]]:
    rows = []
    with served(site) as base:
        browser = Browser(base, engine)
        try:
            for path in lists:
                questions = load_questions(path)
                rows.append((path.name, "home page", evaluate(browser, questions, site)))
                rows.append((path.name, "the council's own pages", evaluate(browser, questions, site, True)))
        finally:
            if browser.timeouts:
                print(f"{engine}: no settled results within 15 s for {len(browser.timeouts)} questions, scored on "
                      f"what the list showed: {browser.timeouts}", file=sys.stderr)
            browser.close()
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--questions", type=Path, action="append",
                        help="a list of questions (default: the tuned list and the held-out list)")
    parser.add_argument("--engines", action="store_true", help="also score the theme's own search on the same pages")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print every question's top N pages")
    parser.add_argument("--write", type=Path, metavar="FILE", help="also write the report to FILE (Markdown)")
    args = parser.parse_args(argv)
    lists = args.questions or [QUESTIONS, HELD_OUT]
    with tempfile.TemporaryDirectory(prefix="local-offer-search-") as temp:
        site = args.site
        if site is None:
            site = Path(temp) / "site"
            build_site(site)
        results = {"Pagefind (this site)": score(site, "pagefind", lists, args.show)}
        if args.engines:
            material = Path(temp) / "material-site"
            build_with_theme_search(material, Path(temp))
            results["Material (the theme's own)"] = score(material, "material", lists, args.show)
    lines = ["| questions | asked on | " + " | ".join(results) + " |", "|---|---|" + "---:|" * len(results)]
    for i, (name, on, _) in enumerate(next(iter(results.values()))):
        lines.append(f"| {name} | {on} | " + " | ".join(summary(rows[i][2]) for rows in results.values()) + " |")
    for engine, rows in results.items():
        for name, on, outcomes in rows:
            table = misses(outcomes, args.show)
            if table:
                lines.append(f"\n### {engine}: {name}, asked on {on}, not the first result\n\n{table}")
    print("\n".join(lines))
    if args.write:
        args.write.write_text("\n".join([
            "# Search engines side by side", "",
            f"Written by `.venv/bin/python scripts/search_report.py {' '.join(argv or sys.argv[1:])}` on "
            f"{date.today():%-d %B %Y}; do not edit by hand. Every question is typed into the search box in Chromium "
            "on the home page, and a question about one council again on that council's overview. Top-1: the "
            "answer is the first result; top-3: it is among the first three.", "", *lines, ""]), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
