"""Councils side by side: the facts parents compare, each from the council page that shows it.

A fact this site does not have for a council says so; it is never left blank or guessed. It never
blames the council for a gap: the site knows only the pages it was written from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from .components import pounds
from ..data.model import Authority

NOT_PUBLISHED = "Not on this site yet"


@dataclass(frozen=True)
class Cell:
    text: str
    page: str  # the council page it comes from, from the site's root, e.g. "trafford/funding/"
    published: bool = True


@dataclass(frozen=True)
class Fact:
    label: str
    page_kind: str
    value: Callable[[Authority], Optional[str]]


def _levels(a: Authority) -> Optional[str]:
    names = list(a.terminology.support_level_names) or (
        [level.name for level in a.graduated_approach.response_levels] if a.graduated_approach else [])
    return ", ".join(names) or None


def _funding(a: Authority) -> Optional[str]:
    element = next((e for e in (a.funding.elements if a.funding else []) if e.amount is not None), None)
    if not element:
        return None
    per = {"per_child": " for each child", "school_budget": " in the school's budget", None: ""}[element.amount_is]
    return f"{'Up to ' if element.amount_is_up_to else ''}{pounds(element.amount)}{per} ({element.name})"


def _top_up(a: Authority) -> Optional[str]:
    routes = a.funding.routes if a.funding else []
    if not routes:
        return None  # shown as not on this site: a council may still have a route its pages do not describe
    needs = {True: "needs an EHC needs assessment first", False: "no EHC needs assessment needed",
             None: "whether it needs an EHC needs assessment is not on this site yet"}
    return "; ".join(f"{route.name}: {needs[route.needs_ehc_needs_assessment]}" for route in routes)


def _cycles(a: Authority) -> Optional[str]:
    cycles = a.assess_plan_do_review.minimum_cycles if a.assess_plan_do_review else None
    if not cycles:
        return None
    condition = str(cycles.condition)  # the council's rule, in its own word, with the number
    return condition[:1].upper() + condition[1:]


def _sendiass(a: Authority) -> Optional[str]:
    contact = next((c for c in a.contacts if c.role == "sendiass"), None)
    if not contact:
        return None
    ways = [w for w in (contact.phone, contact.email) if w]
    return f"{contact.name}" + (f": {', '.join(ways)}" if ways else " (no phone or email on this site yet)")


FACTS = (
    Fact("Names of the levels of support", "graduated-approach", _levels),
    Fact("Funding for a child's SEN support", "funding", _funding),
    Fact("Top-up funding", "funding", _top_up),
    Fact("How often support is reviewed", "graduated-approach",
         # str(): a statement with council_says is a model; the table and CSV show its text.
         lambda a: str(a.assess_plan_do_review.review_frequency)
         if a.assess_plan_do_review and a.assess_plan_do_review.review_frequency else None),
    Fact("Least number of Assess, Plan, Do, Review cycles", "graduated-approach", _cycles),
    Fact("Name of the SEN support plan", "overview", lambda a: a.terminology.plan_name),
    # The Code of Practice asks for impartial advice (CoP 2.8); "free" or "independent" would be the
    # council's claim to make, and no council's data makes it.
    Fact("Information, advice and support (SENDIASS)", "contacts", _sendiass),
    Fact("Last reviewed", "overview", lambda a: f"{a.last_reviewed.day} {a.last_reviewed:%B %Y}"),
)


def cells(authority: Authority) -> list[Cell]:
    from .page_kinds import BY_KEY

    result = []
    for fact in FACTS:
        value = fact.value(authority)
        result.append(Cell(value or NOT_PUBLISHED, BY_KEY[fact.page_kind].url(authority.slug), value is not None))
    return result
