"""Each council's pages, rendered straight to HTML from the page-kind templates in macros/pages/council/.

A council page's Markdown source is empty: the hooks put this HTML in as the page's content
after Python-Markdown has run, so editor text never meets Python-Markdown. The templates are
HTML, rendered with autoescaping: editor text is escaped, and editor Markdown fields go through
the `markdown` filter (markdown-it-py, then the allowlist in safe_html.py).
"""

from __future__ import annotations

import re
from datetime import date
from functools import partial
from html import unescape

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import components, views
from ..data.model import Authority
from .page_kinds import BY_KEY, PAGE_KINDS, PAGES_DIR, TASKS, PageKind
from .safe_html import mailto_href, markdown_html, web_href

# Wording that is the same for every council and also appears on national pages.
NATIONAL_DIR = PAGES_DIR.parent / "national"
_HEADING = re.compile(r'<h([12])\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


def who_to_ask(authority: Authority) -> dict:
    """The best contact for a question the data cannot answer, most specific first: one a parent can
    reach (a phone, email or website) before one that is only named. An "other" contact, which may
    be meant for schools or for one consultation, is never sent every question."""
    roles = ("sen_team", "sendiass", "local_offer_team", "parent_carer_forum")
    reachable = [c for c in authority.contacts if c.phone or c.email or c.web]
    for contacts in (reachable, authority.contacts):
        for role in roles:
            for contact in contacts:
                if contact.role == role:
                    return {"name": contact.name, "on_contacts_page": True}
    return {"name": f"your child's {authority.terminology.coordinator_title}", "on_contacts_page": False}


def overdue(authority: Authority) -> bool:
    return authority.next_review_due < date.today()


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader([PAGES_DIR, NATIONAL_DIR]), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(components.FILTERS)
    env.globals.update({name: partial(components.render, name) for name in components.COMPONENTS})
    env.globals.update(who_to_ask=who_to_ask, overdue=overdue, page_kinds=PAGE_KINDS, tasks=TASKS, kinds=BY_KEY,
                       stage_steps=views.stage_steps, cycle_steps=views.cycle_steps, ehc_steps=views.ehc_steps,
                       funding_rows=views.funding_rows, faq_items=views.faq_items, contact_cards=views.contact_cards,
                       decider_labels=views.DECIDER_LABELS,
                       expectation_heading=views.expectation_heading, how_to_ask_labels=views.HOW_TO_ASK_LABELS,
                       term_ids=views.term_ids)
    return env


_env = _environment()


def render(kind: PageKind, authority: Authority) -> Markup:
    """The HTML of one council's page of one kind."""
    here = kind.url(authority.slug)
    to_root = "../" * here.count("/")

    def site_url(path: str) -> str:
        """A national page's address ("glossary/"), relative to this page."""
        return to_root + path

    def link_to(key: str) -> str:
        """The address of this council's page of kind `key`, relative to this page."""
        return to_root + next(k for k in PAGE_KINDS if k.key == key).url(authority.slug)

    template = _env.get_template(kind.template.name)
    return Markup(template.render(authority=authority, kind=kind, site_url=site_url, link_to=link_to,
                                  to_root=to_root))


def toc_tokens(html: str) -> list[dict]:
    """The page's contents for MkDocs: its h1, with each h2 beneath it."""
    tokens: list[dict] = []
    for level, anchor, inner in _HEADING.findall(html):
        # MkDocs prints a contents entry's name as HTML: keep the escaped text, drop any tags.
        token = {"level": int(level), "id": unescape(anchor), "name": _TAG.sub("", inner).strip(), "children": []}
        if level == "2" and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens
