"""The mkdocs-macros module: what page templates can call.

Page templates (macros/pages/*.md and content/*.md) are trusted; authority data is not.
Autoescaping is switched on so any editor text printed with {{ }} is HTML-escaped, and
editor Markdown goes through the `markdown` filter (markdown-it-py, raw HTML off).
"""

from __future__ import annotations

import sys
from datetime import date
from functools import partial
from pathlib import Path

from markupsafe import Markup, escape

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import components, site_data, views  # noqa: E402
from macros.glossary import load_glossary  # noqa: E402
from macros.page_kinds import BY_KEY, PAGE_KINDS  # noqa: E402

MARKDOWN_SPECIAL = "\\`*_{}[]()<>#+-.!|~"


def plain(text) -> Markup:
    """Editor text placed inside Markdown: HTML-escaped and with Markdown's punctuation neutralised."""
    escaped = str(escape(str(text)))
    return Markup("".join("\\" + ch if ch in MARKDOWN_SPECIAL else ch for ch in escaped))


def who_to_ask(authority) -> dict:
    """The best contact for a question the data cannot answer, most specific first."""
    for role in ("sen_team", "sendiass", "local_offer_team", "parent_carer_forum", "other"):
        for contact in authority.contacts:
            if contact.role == role:
                return {"name": contact.name, "on_contacts_page": True}
    return {"name": f"your child's {authority.terminology.coordinator_title}", "on_contacts_page": False}


def overdue(authority) -> bool:
    return authority.next_review_due < date.today()


def define_env(env):
    env.filter(plain)
    env.filter(components.markdown_html, "markdown")
    env.filter(components.pounds)
    for name in components.COMPONENTS:
        env.macro(partial(components.render, name), name)
    for helper in (who_to_ask, overdue, views.stage_steps, views.cycle_steps, views.ehc_steps,
                   views.funding_rows, views.faq_items, views.contact_cards):
        env.macro(helper)

    @env.macro
    def link_to(key: str) -> str:
        """A URL, relative to the page being rendered, of the same council's page of kind `key`."""
        here = env.variables["kind"]
        return (("" if here.key == "overview" else "../") + ("" if key == "overview" else f"{key}/")) or "./"
    env.variables["page_kinds"] = PAGE_KINDS
    env.variables["glossary"] = load_glossary()


def on_pre_page_macros(env):
    # The plugin makes its Jinja environment after define_env, so escaping (and tidy
    # whitespace around {% %} lines, which keeps Markdown lists tight) is switched on here.
    env.env.autoescape = True
    env.env.trim_blocks = env.env.lstrip_blocks = True
    data = site_data.CURRENT
    meta = env.page.meta
    env.variables["authorities"] = data.authorities
    env.variables["authority"] = data.by_slug.get(meta.get("authority_slug"))
    env.variables["kind"] = BY_KEY.get(meta.get("page_kind"))
