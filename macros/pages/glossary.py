"""The national glossary (glossary.yaml): the Glossary page, and each term explained where it stands.

`explain_terms` runs on every page's HTML: the first time a glossary term appears in running
text it becomes a link to its glossary entry, with the meaning as an <abbr> tooltip.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from html import escape, unescape
from pathlib import Path

import yaml

from .views import term_ids, unique_ids

GLOSSARY_FILE = Path(__file__).with_name("glossary.yaml")
GLOSSARY_URL = "glossary/"
# Text inside these is left alone: links and headings must not gain links, code stays code, and
# a link inside a form control, a drawing or a script would be broken or never shown.
SKIP_INSIDE = {"a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "code", "pre", "kbd", "samp",
               "summary", "button", "title", "nav", "dt", "caption", "th", "label", "time", "textarea", "select",
               "option", "svg", "math", "template", "noscript", "iframe", "object"}
# Their content is raw text up to their own end tag, so a "<" in it starts no tag.
RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"}
# Only in these does "/>" close the element it opens: <a/> opens a link, as a browser reads it.
SELF_CLOSING = {"svg", "math"}
# The page's markup as a browser splits it, so that terms are only ever looked for in text: a
# comment, a declaration, or a tag, whose quoted attribute values may hold ">" (a tag that is never
# closed runs to the end, and is left alone). A "<" that starts none of these is text.
MARKUP = re.compile(r"""<!--.*?(?:--!?>|\Z)
                       |</?[A-Za-z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*(?:>|\Z)
                       |</?[A-Za-z][^>]*(?:>|\Z)
                       |<[!?/][^>]*(?:>|\Z)""", re.S | re.X)
TAG_NAME = re.compile(r"<(/?)([A-Za-z][^\s/>]*)")
# A character reference as a browser reads one in text, with or without its ";".
ENTITY = re.compile(r"&(?:#[xX][0-9A-Fa-f]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)")


@lru_cache(maxsize=1)
def load_glossary() -> tuple[dict, ...]:
    entries = yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))
    ids = unique_ids("", [e["term"] for e in entries], fallback="term-")
    entries = ({"stands_for": None, **e, "id": entry_id} for e, entry_id in zip(entries, ids))
    return tuple(sorted(entries, key=lambda e: e["term"].lower()))


def council_terms(authority) -> tuple[dict, ...]:
    """A council's own terms, as glossary entries that point at its overview's "Words used" list."""
    # str(): a meaning with council_says is a model holding a list, which the matcher's cache cannot hash.
    return tuple({"term": t.term, "stands_for": t.stands_for, "meaning": str(t.meaning), "id": anchor,
                  "href": f"{authority.slug}/#{anchor}"} for t, anchor in zip(authority.terms, term_ids(authority)))


@lru_cache(maxsize=256)
def _matcher(extra: tuple[tuple, ...] = ()) -> tuple[re.Pattern, list[dict]]:
    # A council's own terms are added to the national ones, and win where both have a word.
    by_term = {e["term"].lower(): e for e in load_glossary()}
    by_term.update({dict(e)["term"].lower(): dict(e) for e in extra})
    # Longest first, so "EHC plan" wins over a shorter term inside it. Short forms in capitals
    # match exactly (SEN is not "sen"); other words match in any case ("SEN Support"). Each term
    # is a group of its own, so a match names its entry whatever its case or spacing.
    entries = sorted(by_term.values(), key=lambda e: -len(e["term"]))
    alternatives = []
    for number, entry in enumerate(entries):
        words = [re.escape(w) if w.isupper() else f"(?i:{re.escape(w)})" for w in entry["term"].split()]
        alternatives.append(f"(?P<t{number}>" + r"\s+".join(words) + ")")
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")
    return regex, entries


def _link(entry: dict, matched: str, prefix: str) -> str:
    title = entry["stands_for"] or entry["meaning"]
    href = entry.get("href") or f'{GLOSSARY_URL}#{entry["id"]}'
    return (f'<a class="lo-term" href="{escape(prefix + href, quote=True)}">'
            f'<abbr title="{escape(title, quote=True)}">{matched}</abbr></a>')


def _explain_text(source: str, regex: re.Pattern, entries: list[dict], seen: set[int], prefix: str) -> str:
    """Link terms in one run of text as it is written in HTML (`source`, which may hold "&amp;" and
    the like). Terms are looked for in the text a reader sees, so "&lt;" is never the word "lt", and
    a link starts and ends only between whole characters of the source, never inside a reference."""
    # Each piece: where it starts in the shown text, where it is in `source`, and if it is a reference.
    pieces: list[tuple[int, int, int, bool]] = []
    shown: list[str] = []
    length, at = 0, 0
    for ref in [*ENTITY.finditer(source), None]:
        plain_end = ref.start() if ref else len(source)
        if plain_end > at:
            pieces.append((length, at, plain_end, False))
            shown.append(source[at:plain_end])
            length += plain_end - at
        if ref:
            decoded = unescape(ref.group())  # one character, or two for a few named references
            pieces.append((length, ref.start(), ref.end(), True))
            shown.append(decoded)
            length += len(decoded)
            at = ref.end()
    text = "".join(shown)
    starts = [piece[0] for piece in pieces]

    def in_source(k: int) -> int | None:
        """Where the shown text's position `k` is in `source`; None inside a reference."""
        if k == len(text):
            return len(source)
        shown_start, source_start, _, is_ref = pieces[bisect_right(starts, k) - 1]
        if k == shown_start:
            return source_start
        return None if is_ref else source_start + k - shown_start

    out, done = [], 0
    for match in regex.finditer(text):
        number = int(match.lastgroup[1:])
        first, last = in_source(match.start()), in_source(match.end())
        if number in seen or first is None or last is None:
            continue
        seen.add(number)
        out += [source[done:first], _link(entries[number], source[first:last], prefix)]
        done = last
    out.append(source[done:])
    return "".join(out)


def explain_terms(html: str, page_url: str, extra: tuple[dict, ...] = ()) -> str:
    """Link the first use of each glossary term in `html` (a page at `page_url`) to its entry.
    `extra` adds a council's own terms (see `council_terms`), on that council's pages."""
    if page_url.rstrip("/") == GLOSSARY_URL.rstrip("/"):
        return html
    regex, entries = _matcher(tuple(tuple(sorted(e.items())) for e in extra))
    prefix = "../" * page_url.count("/")
    seen: set[int] = set()  # the entries already linked on this page
    open_skips: list[str] = []
    out = []
    at = 0
    while at < len(html):
        markup = MARKUP.search(html, at)
        text_end = markup.start() if markup else len(html)
        if text_end > at:
            text = html[at:text_end]
            out.append(text if open_skips or not text.strip() else _explain_text(text, regex, entries, seen, prefix))
        if not markup:
            break
        out.append(markup.group())
        at = markup.end()
        name = TAG_NAME.match(markup.group())
        if not name:
            continue
        closing, tag = name.group(1), name.group(2).lower()
        if closing:
            if tag in open_skips:
                open_skips.remove(tag)
        elif tag in RAW_TEXT:
            # Raw text is copied as it is, up to the element's own end tag.
            end = re.compile(rf"</{tag}[\s/>]", re.I).search(html, at)
            raw_end = end.start() if end else len(html)
            out.append(html[at:raw_end])
            at = raw_end
        elif tag in SKIP_INSIDE and not (tag in SELF_CLOSING and markup.group().endswith("/>")):
            open_skips.append(tag)
    return "".join(out)
