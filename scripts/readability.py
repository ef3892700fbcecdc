"""How easy is each page to read? Prints a table of every page's reading age.

    .venv/bin/python scripts/readability.py              # builds the site into a temporary folder
    .venv/bin/python scripts/readability.py --site site  # reads a site you have built
    .venv/bin/python scripts/readability.py --check      # and exits with 1 if a page misses the aims

Reading age is the Flesch-Kincaid grade plus 5 (a UK school year is roughly a US grade plus one;
reading age counts from about 5). Aims: a median of 9 or under (GOV.UK's aim), and no page above 12.

What is measured: the words this site writes. That is each page's article without
- the guide's contents list and the list of sources (navigation, not reading),
- the ways to reach a service on a contact card, and a link whose words are its own address
  (phone numbers, email, web and postal addresses are looked up, not read as sentences),
- the council's own words: the verbatim quotes in each "In <publisher>'s words" disclosure under
  a statement. They are copied exactly from the council's pages, so no edit here can make them
  easier, and they stay closed until a parent opens one. They get a figure of their own (the
  quotes alone, per page), printed below the table but not counted against the aims.
An address or a decimal point inside a sentence ("£1.5m", "sen@bristol.gov.uk") counts as one
word, not as sentence ends.
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

TARGET_READING_AGE = 9
HIGHEST_READING_AGE = 12
MINIMUM_WORDS = 20  # fewer words than this give no fair reading age
# The council's own words (macros/pages/components/council_words/): verbatim quotes, measured apart.
COUNCIL_WORDS = re.compile(r'<details class="lo-said"[^>]*>.*?</details>', re.S)
QUOTE = re.compile(r'<blockquote class="lo-said__quote">(.*?)</blockquote>', re.S)
SKIPPED_BLOCKS = [
    re.compile(r'<nav class="lo-guide-contents".*?</nav>', re.S),
    re.compile(r'<h2[^>]*id="where-this-information-comes-from".*', re.S),  # sources and review dates
    re.compile(r"<(script|style)\b.*?</\1>", re.S),
    COUNCIL_WORDS,
    re.compile(r'<dl class="lo-contact__ways">.*?</dl>', re.S),  # a contact card's phone, email, web, address
    re.compile(r'<span class="lo-address">.*?</span>', re.S),
    re.compile(r'<a href="(?:mailto|tel):[^"]*">[^<]*</a>'),
    re.compile(r'<a href="https?://[^"]*">\s*[^\s<]+\.[^\s<]+\s*</a>'),  # a link whose words are its address
]
BLOCK_END = re.compile(r"</(p|li|h[1-6]|dt|dd|td|th|summary|caption)>")
# An email or web address written in a sentence: read as one word, not as sentences at each dot.
# The point in "2.2" or "£1.5m" ends no sentence: the number is read as one word.
DECIMAL_POINT = re.compile(r"(\d)\.(\d)")
ADDRESS = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\bhttps?://\S+|\bwww\.[\w-]+(?:\.[\w-]+)+\S*")


def article_of(html: str) -> str:
    return html.split("<article", 1)[1].split(">", 1)[1].split("</article>", 1)[0]


def plain_text(fragment: str) -> str:
    # A list item or heading without a full stop still ends a sentence for the reader.
    fragment = BLOCK_END.sub(lambda m: ".</" + m.group(1) + ">", fragment)
    text = ADDRESS.sub("address", unescape(re.sub(r"<[^>]+>", " ", fragment)))
    text = DECIMAL_POINT.sub(r"\1\2", text)
    return re.sub(r"\s+", " ", re.sub(r"([.?!:])\s*\.", r"\1", text)).strip()


def readable_text(html: str) -> str:
    """The words this site writes on a page: what the reading age is measured on."""
    article = article_of(html)
    for block in SKIPPED_BLOCKS:
        article = block.sub("", article)
    return plain_text(article)


def quoted_text(html: str) -> str:
    """The council's own words quoted on a page, alone (not counted in readable_text)."""
    article = article_of(html)
    quotes = [QUOTE.findall(block) for block in COUNCIL_WORDS.findall(article)]
    return " ".join(plain_text(quote) for found in quotes for quote in found)


def _row(page: str, text: str) -> dict | None:
    words = textstat.lexicon_count(text)
    if words < MINIMUM_WORDS:
        return None
    grade = textstat.flesch_kincaid_grade(text)
    return {"page": page, "words": words, "ease": textstat.flesch_reading_ease(text), "grade": grade,
            "age": grade + 5}


def measure(site: Path) -> tuple[list[dict], list[dict]]:
    """(our words, the council's quoted words): one row per page with enough words, easiest first."""
    ours, quoted = [], []
    for url in all_pages(site):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        for rows, text in ((ours, readable_text(html)), (quoted, quoted_text(html))):
            row = _row("/" + url, text)
            if row:
                rows.append(row)
    return sorted(ours, key=lambda r: r["age"]), sorted(quoted, key=lambda r: r["age"])


def meets(rows: list[dict]) -> bool:
    return (statistics.median(r["age"] for r in rows) <= TARGET_READING_AGE
            and all(r["age"] <= HIGHEST_READING_AGE for r in rows))


def report(rows: list[dict], quoted: list[dict]) -> str:
    lines = ["| page | words | reading ease | FK grade | reading age |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {r['page']} | {r['words']} | {r['ease']:.0f} | {r['grade']:.1f} | {r['age']:.1f} |" for r in rows]
    median = statistics.median(r["age"] for r in rows)
    verdict = "meets" if median <= TARGET_READING_AGE else "misses"
    above = [r for r in reversed(rows) if r["age"] > HIGHEST_READING_AGE]
    lines += ["", f"Median reading age: {median:.1f} ({verdict} the aim of {TARGET_READING_AGE} or under) "
                  f"across {len(rows)} pages."]
    if above:
        lines += [f"Pages above {HIGHEST_READING_AGE}: {len(above)} (misses the aim of none):"]
        lines += [f"- {r['page']} (reading age {r['age']:.1f})" for r in above]
    else:
        lines += [f"Pages above {HIGHEST_READING_AGE}: none (meets the aim of none)."]
    lines += ["", "Five hardest pages:"]
    lines += [f"- {r['page']} (reading age {r['age']:.1f})" for r in reversed(rows[-5:])]
    if quoted:
        quoted_median = statistics.median(r["age"] for r in quoted)
        lines += ["", f"The council's own words (the quotes under statements, verbatim, not counted above): "
                      f"median reading age {quoted_median:.1f} across {len(quoted)} pages; hardest "
                      + ", ".join(f"{r['page']} ({r['age']:.1f})" for r in reversed(quoted[-3:])) + "."]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build one now)")
    parser.add_argument("--check", action="store_true",
                        help=f"exit with 1 unless the median is {TARGET_READING_AGE} or under and no page "
                             f"is above {HIGHEST_READING_AGE}")
    args = parser.parse_args(argv)

    def run(site: Path) -> int:
        rows, quoted = measure(site)
        if not rows:
            print(f"{site}: no pages with {MINIMUM_WORDS} or more words to measure", file=sys.stderr)
            return 1
        print(report(rows, quoted))
        return 1 if args.check and not meets(rows) else 0

    if args.site:
        if not (args.site / "index.html").is_file():
            print(f"{args.site}: not a built site (no index.html); build one with mkdocs build", file=sys.stderr)
            return 1
        return run(args.site)
    with tempfile.TemporaryDirectory() as folder:
        result = build(Path(folder))
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        return run(Path(folder))


if __name__ == "__main__":
    sys.exit(main())
