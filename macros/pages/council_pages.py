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


# A contact whose own description says it is for schools or their staff, or for one consultation,
# is not a parent's next step for any question; one for children who have an EHC plan is not the
# next step for a question about SEN support (only on the EHC page, which is about asking for one).
_NOT_FOR_PARENTS = re.compile(r"^\s*(?:for (?:school|schools|school staff|education settings|settings)\b|schools can\b)"
                              r"|\bconsultation\b", re.I)
_EHC_PLAN_ONLY = re.compile(r"\b(?:who have|who has|with) an? (?:EHC|Education,? Health,? (?:and|&) Care) ?(?:plan|P)\b",
                            re.I)
# The last words of a name that is a kind of service, not a proper name: "SEND team" reads "the SEND
# team", while "Camden SENDIASS" or "Trafford Parents Forum" stand as they are.
_SERVICE_WORDS = re.compile(r"\b(?:team|service|services|hub|panel|office|unit|helpline|hotline|line|desk|department)\b",
                            re.I)


def spoken_name(name: str, authority: Authority) -> str:
    """A contact's name as it reads after "ask" or "contact": with "the" where it names a kind of
    service ("the SEND team", "the Families Information Service"), as it is where it is a proper
    name or starts with the place's name."""
    places = (authority.short_name, authority.name, "the ", "your ")
    if any(name.lower().startswith(place.lower()) for place in places) or not _SERVICE_WORDS.search(name):
        return name
    return "the " + name


def _fits(contact, page: str) -> bool:
    said = str(contact.description or "")
    return not (_NOT_FOR_PARENTS.search(said) or (page != "ehc-needs-assessment" and _EHC_PLAN_ONLY.search(said)))


def who_to_ask(authority: Authority, page: str = "") -> dict:
    """The best contact for a question the data cannot answer on `page` (a page kind's key), most
    specific first: one a parent can reach (a phone, email or website) before one that is only
    named. An "other" contact, which may be meant for schools or for one consultation, is never sent
    every question, nor is one whose own description says it is for schools, or (away from the EHC
    page) only for children who have an EHC plan. A comment on the Local Offer ("you-said-we-did")
    goes only to a Local Offer team, and otherwise to no one: name "" (no other team says it takes them)."""
    comments = page == "you-said-we-did"
    roles = ("local_offer_team",) if comments else ("sen_team", "sendiass", "local_offer_team", "parent_carer_forum")
    fitting = [c for c in authority.contacts if _fits(c, page)]
    reachable = [c for c in fitting if c.phone or c.email or c.web]
    for contacts in (reachable, fitting):
        for role in roles:
            for contact in contacts:
                if contact.role == role:
                    return {"name": spoken_name(contact.name, authority), "on_contacts_page": True}
    if comments:
        return {"name": "", "on_contacts_page": False}
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
                       term_ids=views.term_ids, level_name=views.level_name, page_title=views.page_title)
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
