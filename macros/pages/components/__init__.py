"""Reusable HTML components in the style of GOV.UK Frontend.

Each component is a folder: `macro.html` (the entry point), `template.html` (reads only
`params`) and `<name>.yaml` (every param documented, and examples the tests render).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ...data.model import month_or_year_words
from ..safe_html import mailto_href, markdown_html, web_href

HERE = Path(__file__).resolve().parent
COMPONENTS = sorted(p.name for p in HERE.iterdir() if (p / "macro.html").is_file())

def pounds(amount) -> str:
    value = Decimal(str(amount))
    return f"£{value:,.0f}" if value == value.to_integral_value() else f"£{value:,.2f}"


def tel_href(phone) -> str:
    """'01642 527158' or '+44 (0)1642 527158' -> 'tel:+441642527158'; '' if not a UK number."""
    text = str(phone or "").strip()
    digits = re.sub(r"\D", "", text)
    national = digits[2:].removeprefix("0") if text.startswith("+44") else digits[1:] if text.startswith("0") else ""
    return f"tel:+44{national}" if 9 <= len(national) <= 10 else ""


def slug(text) -> str:
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def council_words(statement) -> Markup:
    """The council's own words for a statement whose quotes the build has found on its source pages
    (macros/data/provenance.py), as the council_words component; nothing for any other value."""
    quotes, pages = getattr(statement, "council_says", None), getattr(statement, "found_in", ())
    if not quotes or not pages:
        return Markup("")
    publishers = {page.about.publisher for page in pages}
    return render("council_words", publisher=next(iter(publishers)) if len(publishers) == 1 else None, quotes=[
        {"text": quote, "title": page.about.title, "url": web_href(page.about.url) or None,
         "publisher": page.about.publisher, "date": _updated(page) or page.about.read,
         "date_label": "updated" if _updated(page) else "read", "age": _age(page)}
        for quote, page in zip(quotes, pages)])


OLD_AFTER_YEARS = 3


def _updated(page):
    """When the page says it was updated: a date, or the words for a month or year ("May 2020")."""
    about = page.about
    return about.last_updated or (month_or_year_words(about.updated_in) if about.updated_in else None)


def _age(page) -> str | None:
    """A note beside words from a page dated more than three years before it was read, so a parent
    knows the fact may have changed; none for a newer page. A page dated only by its year is taken
    as from that year's December, its newest, so the note never makes a page older than it is."""
    about, read = page.about, page.about.read
    if about.last_updated:
        year, month = about.last_updated.year, about.last_updated.month
    elif about.updated_in:
        year, month = int(about.updated_in[:4]), int(about.updated_in[5:] or 12)
    else:
        return None
    if (read.year - year) * 12 + read.month - month > OLD_AFTER_YEARS * 12:
        return f"This page is from {year}: ask whether it is still right."
    return None


def said(statement) -> Markup:
    """A plain-text statement, escaped, then the council's words for it where it has them."""
    return escape(str(statement)) + council_words(statement)


def markdown_said(statement) -> Markup:
    """A Markdown statement as HTML (safe_html.markdown_html), then the council's words for it."""
    return markdown_html(statement) + council_words(statement)


env = Environment(
    loader=FileSystemLoader(HERE), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
)
FILTERS = dict(markdown=markdown_said, said=said, council_words=council_words, pounds=pounds, tel_href=tel_href,
               mailto_href=mailto_href, web_href=web_href, slug=slug, month_or_year=month_or_year_words)
env.filters.update(FILTERS)


@cache
def spec(component: str) -> dict:
    return yaml.safe_load((HERE / component / f"{component}.yaml").read_text(encoding="utf-8"))


def render(component: str, **params) -> Markup:
    if component not in COMPONENTS:
        raise ValueError(f"no component called {component!r}; there are {', '.join(COMPONENTS)}")
    # A misspelt param would otherwise vanish without a trace in the page.
    documented = {p["name"]: p for p in spec(component)["params"]}
    unknown = sorted(set(params) - set(documented))
    missing = sorted(name for name, p in documented.items() if p.get("required") and name not in params)
    if unknown or missing:
        raise TypeError(f"{component}: unknown params {unknown}, missing params {missing}")
    return Markup(getattr(env.get_template(f"{component}/macro.html").module, component)(params))


def examples() -> list[tuple[str, str, dict]]:
    return [(name, ex["name"], ex.get("params") or {}) for name in COMPONENTS for ex in spec(name)["examples"]]
