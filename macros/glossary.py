"""The national glossary (glossary.yaml): the Glossary page, and each term explained where it stands.

`explain_terms` runs on every page's HTML: the first time a glossary term appears in running
text it becomes a link to its glossary entry, with the meaning as an <abbr> tooltip.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from pathlib import Path

import yaml

GLOSSARY_FILE = Path(__file__).with_name("glossary.yaml")
GLOSSARY_URL = "glossary/"
# Text inside these is left alone: links and headings must not gain links, code stays code.
SKIP_INSIDE = {"a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "code", "pre",
               "summary", "button", "title", "nav", "dt", "caption", "th", "label", "time"}
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")


def term_id(term: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


@lru_cache(maxsize=1)
def load_glossary() -> tuple[dict, ...]:
    entries = yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))
    entries = ({"stands_for": None, **e, "id": term_id(e["term"])} for e in entries)
    return tuple(sorted(entries, key=lambda e: e["term"].lower()))


def council_terms(authority) -> tuple[dict, ...]:
    """A council's own terms, as glossary entries that point at its overview's "Words used" list."""
    return tuple({"term": t.term, "stands_for": t.stands_for, "meaning": t.meaning, "id": f"term-{term_id(t.term)}",
                  "href": f"{authority.slug}/#term-{term_id(t.term)}"} for t in authority.terms)


@lru_cache(maxsize=256)
def _matcher(extra: tuple[tuple, ...] = ()) -> tuple[re.Pattern, dict[str, dict]]:
    # A council's own terms are added to the national ones, and win where both have a word.
    by_term = {e["term"].lower(): e for e in load_glossary()}
    by_term.update({dict(e)["term"].lower(): dict(e) for e in extra})
    entries = list(by_term.values())
    # Longest first, so "EHC plan" wins over a shorter term inside it. Short forms in capitals
    # match exactly (SEN is not "sen"); other words match in any case ("SEN Support").
    alternatives = []
    for entry in sorted(entries, key=lambda e: -len(e["term"])):
        words = [re.escape(w) if w.isupper() else f"(?i:{re.escape(w)})" for w in entry["term"].split()]
        alternatives.append(r"\s+".join(words))
    regex = re.compile(r"(?<![\w-])(" + "|".join(alternatives) + r")(?![\w-])")
    return regex, by_term


def _link(entry: dict, matched: str, prefix: str) -> str:
    title = entry["stands_for"] or entry["meaning"]
    href = entry.get("href") or f'{GLOSSARY_URL}#{entry["id"]}'
    return (f'<a class="lo-term" href="{escape(prefix + href, quote=True)}">'
            f'<abbr title="{escape(title, quote=True)}">{matched}</abbr></a>')


def explain_terms(html: str, page_url: str, extra: tuple[dict, ...] = ()) -> str:
    """Link the first use of each glossary term in `html` (a page at `page_url`) to its entry.
    `extra` adds a council's own terms (see `council_terms`), on that council's pages."""
    if page_url.rstrip("/") == GLOSSARY_URL.rstrip("/"):
        return html
    regex, by_key = _matcher(tuple(tuple(sorted(e.items())) for e in extra))
    prefix = "../" * page_url.count("/")
    seen: set[str] = set()
    open_skips: list[str] = []
    out = []
    for part in TAG.split(html):
        if part.startswith("<"):
            name = TAG_NAME.match(part)
            if name and name.group(2).lower() in SKIP_INSIDE and not part.endswith("/>"):
                if name.group(1):
                    if name.group(2).lower() in open_skips:
                        open_skips.remove(name.group(2).lower())
                else:
                    open_skips.append(name.group(2).lower())
            out.append(part)
            continue
        if open_skips or not part.strip():
            out.append(part)
            continue

        def replace(match: re.Match) -> str:
            key = re.sub(r"\s+", " ", match.group(1)).lower()
            entry = by_key[key]
            if entry["id"] in seen:
                return match.group(0)
            seen.add(entry["id"])
            return _link(entry, match.group(1), prefix)

        out.append(regex.sub(replace, part))
    return "".join(out)
