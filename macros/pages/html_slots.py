"""HTML built from editor data joins a page only after Python-Markdown has run.

A macro in a national page (content/*.md) that shows authority data renders its HTML with
autoescaping, then `hold`s it: Python-Markdown sees only an HTML comment naming a slot, and
`fill` (from the hooks' on_page_content) puts the HTML in its place. So no editor text is ever
read by Python-Markdown, whose link, image and attribute syntax would otherwise apply to it.
"""

from __future__ import annotations

import re
import secrets

from markupsafe import Markup

_held: dict[str, Markup] = {}
_SLOT = re.compile(r"<!-- local-offer-slot ([0-9a-f]{32}) -->")


def hold(html: Markup) -> Markup:
    """Keep `html` aside; return the placeholder to put in the Markdown instead."""
    key = secrets.token_hex(16)
    _held[key] = Markup(html)
    return Markup(f"\n\n<!-- local-offer-slot {key} -->\n\n")


def fill(html: str) -> str:
    """Put back the HTML held for each placeholder in a page's HTML."""
    return _SLOT.sub(lambda match: str(_held.pop(match.group(1), "")), html)
