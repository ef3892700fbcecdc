"""The national pages in content/: their Markdown source is a Jinja template, rendered here.

A national page can use `config`, `glossary`, `page_kinds`, and the macros below. The hooks call
`render` for every page that is not a council page, before Python-Markdown reads it.

The design rule that keeps editor text from running as code: authority data never reaches
Python-Markdown or any parser other than markdown-it-py. It reaches a page in one of two ways:
as Jinja-escaped text inside HTML that the templates and components render (autoescaping on),
or as editor Markdown rendered by markdown-it-py with raw HTML off and then cleaned by an
allowlist (safe_html.py). Council pages are rendered that way by council_pages.py. A national page that shows authority data calls a macro here, which renders the HTML and
holds it aside (html_slots.py) until Python-Markdown has finished with the page.
Nothing from YAML is ever run as Jinja.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.pages import html_slots  # noqa: E402
from macros.data import site_data  # noqa: E402
from macros.pages.compare import FACTS, cells  # noqa: E402
from macros.pages.coverage import TOPICS, coverage  # noqa: E402
from macros.pages.glossary import load_glossary  # noqa: E402
from macros.pages.page_kinds import BY_KEY, PAGE_KINDS, TASKS  # noqa: E402
from macros.pages.safe_html import web_href  # noqa: E402

_national = Environment(loader=FileSystemLoader(Path(__file__).parent / "national"), autoescape=True,
                        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_national.filters["web_href"] = web_href


def _plain(name: str) -> str:
    """`name` without accents, for sorting: Ö files under O."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def by_letter(authorities) -> list[tuple[str, list]]:
    """The councils A to Z by short name, grouped by first letter; a name that starts with no letter
    A to Z comes last, under "Other"."""
    groups: dict[str, list] = {}
    for authority in sorted(authorities, key=lambda a: (not "a" <= _plain(a.short_name)[:1] <= "z", _plain(a.short_name))):
        first = _plain(authority.short_name)[:1].upper()
        groups.setdefault(first if "A" <= first <= "Z" else "Other", []).append(authority)
    return list(groups.items())


def council_chooser(to_root: str):
    """The home page's A to Z of councils, or a link to the only one and its questions."""
    authorities = site_data.CURRENT.authorities
    html = _national.get_template("council_chooser.html").render(
        authorities=authorities, letters=by_letter(authorities), tasks=TASKS, kinds=BY_KEY, to_root=to_root)
    return html_slots.hold(html)


def ehc_law():
    """The law in England on asking for an EHC needs assessment (the same box as on council pages)."""
    html = _national.get_template("ehc_law.html").render(heading_id="the-law", sendiass=None, contacts_href=None,
                                                         exclude_from_search=False)
    return html_slots.hold(html)


COVERAGE_WORDS = {"data": "Yes, on this site", "link": "On the council's own site", "": "Not on this site yet"}


def _side_by_side(caption: str, corner: str, rows: list[dict], download: dict | None = None, choose: bool = False):
    html = _national.get_template("side_by_side.html").render(
        caption=caption, corner=corner, authorities=site_data.CURRENT.authorities, rows=rows, download=download,
        choose=choose)
    return html_slots.hold(html)


def coverage_table():
    """The legal coverage of every council, side by side (content/coverage.md)."""
    tables = [coverage(a) for a in site_data.CURRENT.authorities]
    rows = [{"label": topic.label,
             "cells": [{"text": COVERAGE_WORDS[table[index].by], "href": web_href(table[index].link)} for table in tables]}
            for index, topic in enumerate(TOPICS)]
    return _side_by_side("What each council's pages on this site cover, topic by topic", "Topic", rows)


def compare_table(to_root: str):
    """Every council side by side (content/compare.md); links are made relative with `to_root`."""
    tables = [cells(a) for a in site_data.CURRENT.authorities]
    rows = [{"label": fact.label, "cells": [{"text": t[index].text, "href": to_root + t[index].page} for t in tables]}
            for index, fact in enumerate(FACTS)]
    return _side_by_side("Each council's answers, council by council. Each answer links to the council page it comes from.",
                         "What parents compare", rows,
                         {"href": to_root + "data/compare.csv", "text": "Download every council's answers as a spreadsheet (CSV)"},
                         choose=len(tables) > 1)


_pages = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render(markdown: str, page, config) -> str:
    """A national page's Markdown with its Jinja run: trusted text from content/, escaped values."""
    to_root = "../" * page.url.count("/")
    return _pages.from_string(markdown).render(
        config=config, glossary=load_glossary(), page_kinds=PAGE_KINDS,
        council_chooser=lambda: council_chooser(to_root), ehc_law=ehc_law, coverage_table=coverage_table,
        compare_table=lambda: compare_table(to_root), compare_topics=[fact.label for fact in FACTS])
