"""How easy is each page to read? Prints a table of every page's reading age.

    .venv/bin/python scripts/readability.py              # builds the site into a temporary folder
    .venv/bin/python scripts/readability.py --site site  # reads a site you have built

Only the words a parent reads are measured: the page's article, without the guide's contents
list or the list of sources. Reading age is the Flesch-Kincaid grade plus 5 (a UK school year
is roughly a US grade plus one; reading age counts from about 5). Aim: median 11 or under.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from html import unescape
from pathlib import Path

import textstat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support import all_pages, build  # noqa: E402

TARGET_READING_AGE = 11
SKIPPED_BLOCKS = [
    re.compile(r'<nav class="lo-guide-contents".*?</nav>', re.S),
    re.compile(r'<h2[^>]*id="where-this-information-comes-from".*', re.S),  # sources and review dates
    re.compile(r"<(script|style)\b.*?</\1>", re.S),
]
BLOCK_END = re.compile(r"</(p|li|h[1-6]|dt|dd|td|th|summary|caption)>")


def readable_text(html: str) -> str:
    article = html.split("<article", 1)[1].split(">", 1)[1].split("</article>", 1)[0]
    for block in SKIPPED_BLOCKS:
        article = block.sub("", article)
    # A list item or heading without a full stop still ends a sentence for the reader.
    article = BLOCK_END.sub(lambda m: ".</" + m.group(1) + ">", article)
    text = unescape(re.sub(r"<[^>]+>", " ", article))
    return re.sub(r"\s+", " ", re.sub(r"([.?!:])\s*\.", r"\1", text)).strip()


def measure(site: Path) -> list[dict]:
    rows = []
    for url in all_pages(site):
        text = readable_text((site / url / "index.html").read_text(encoding="utf-8"))
        if textstat.lexicon_count(text) < 20:
            continue
        grade = textstat.flesch_kincaid_grade(text)
        rows.append({"page": "/" + url, "words": textstat.lexicon_count(text),
                     "ease": textstat.flesch_reading_ease(text), "grade": grade, "age": grade + 5})
    return sorted(rows, key=lambda r: r["age"])


def report(rows: list[dict]) -> str:
    lines = ["| page | words | reading ease | FK grade | reading age |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {r['page']} | {r['words']} | {r['ease']:.0f} | {r['grade']:.1f} | {r['age']:.1f} |" for r in rows]
    median = statistics.median(r["age"] for r in rows)
    verdict = "meets" if median <= TARGET_READING_AGE else "misses"
    lines += ["", f"Median reading age: {median:.1f} ({verdict} the aim of {TARGET_READING_AGE} or under) "
                  f"across {len(rows)} pages.", "", "Five hardest pages:"]
    lines += [f"- {r['page']} (reading age {r['age']:.1f})" for r in reversed(rows[-5:])]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build one now)")
    args = parser.parse_args(argv)
    if args.site:
        print(report(measure(args.site)))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        result = build(Path(folder))
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        print(report(measure(Path(folder))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
