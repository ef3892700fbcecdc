"""Turn parts of an Authority into the params each component documents, and into the words the
page templates show.

Components read only their params; this is the one place that knows both shapes.
"""

from __future__ import annotations

import re

from .components import slug
from ..data.model import Authority, ExpectationList

CONTACT_ROLE_LABELS = {
    # The Code's words for the service (CoP 2.1); "free" or "independent" only where a council says so.
    "sendiass": "Information, advice and support (SENDIASS)",
    "sen_team": "The council's SEN team",
    "parent_carer_forum": "Parent carer forum",
    "local_offer_team": "Local Offer team",
    "other": "Other help",
}
PLAN_LABELS = {
    "none": "No written plan",
    "informal": "An informal plan, agreed with you",
    "sen_support_plan": "A SEN support plan",
    "ehc_plan": "An Education, Health and Care (EHC) plan",
    "other": "A plan",
}
LEVEL_LABELS = {"everyone": "For every child", "targeted": "Extra help some children get", "sen_support": "SEN support",
                "specialist": "Specialist help", "ehc": "EHC needs assessment or plan", "other": "Other"}
DECIDER_LABELS = {"council_panel": "a council panel", "schools_group": "a group of schools in the area",
                  "central_triage": "the council's central team, which looks at each request", "other": None}
MOVE_LABELS = {"up": "More help", "down": "Less help", "again": "Round again"}
HOW_TO_ASK_LABELS = {"online_form": "Online form", "letter": "Letter", "email": "Email", "phone": "Phone",
                     "through_school": "Through your child's school", "other": "Other"}


_LEVEL_WORDS = re.compile(r"\bSEND? support\b", re.I)


def level_name(authority: Authority) -> str:
    """What the council calls SEN support, from its own level names or the name of its SEN support
    stage: "SEND support" where it writes that, otherwise "SEN support"."""
    stages = authority.graduated_approach.stages if authority.graduated_approach else []
    names = [*authority.terminology.support_level_names, *(s.name for s in stages if s.level == "sen_support")]
    for name in names:
        found = _LEVEL_WORDS.search(name)
        if found:
            return "SEN support" if found.group(0).casefold() == "sen support" else found.group(0)
    return "SEN support"


def page_title(kind, authority: Authority) -> str:
    """A council page's title, with the council's name and its own word for SEN support."""
    return kind.title.format(place=authority.short_name, support=level_name(authority))


def role_label(authority: Authority, contact) -> str:
    """The label for a kind of contact. A council's SEN team is its "SEND team" where the team's own
    name says SEND, or, where its name says neither, where the council writes "SEND support"."""
    if contact.role == "sen_team":
        named = re.search(r"\bSEND?\b", contact.name)
        send = named.group(0) == "SEND" if named else level_name(authority).upper().startswith("SEND")
        return "The council's SEND team" if send else CONTACT_ROLE_LABELS["sen_team"]
    return CONTACT_ROLE_LABELS[contact.role]


def _connector(next_step: str) -> str | None:
    return next_step if next_step in ("and", "or") else None


def stage_steps(authority: Authority) -> list[dict]:
    steps = []
    for stage in authority.graduated_approach.stages:
        plan = [stage.plan_name or PLAN_LABELS[stage.plan]] if (stage.plan or stage.plan_name) else []
        steps.append({
            "title": stage.name,
            "body": stage.summary,
            "groups": [
                {"title": "Who it is for", "items": [level_name(authority) if stage.level == "sen_support" else
                                                     LEVEL_LABELS[stage.level]] if stage.level else []},
                {"title": "The levels in this step", "items": list(stage.groups)},
                {"title": "Your child's plan", "items": plan},
                {"title": "What school does", "items": list(stage.school_does)},
                {"title": "What you can expect or do", "items": list(stage.parents_can_expect)},
                {"title": "Assess, Plan, Do, Review at this level", "items": [stage.cycle] if stage.cycle else []},
                {"title": "When it is reviewed", "items": [stage.review] if stage.review else []},
                {"title": "Moving on", "items": [f"{MOVE_LABELS[m.direction]}: {m.when}" for m in stage.moves]},
            ],
            "optional": stage.optional,
            "badge": "Extra funding may apply" if stage.extra_funding_may_apply else None,
            "connector": _connector(stage.next),
        })
    return steps


def ehc_steps(authority: Authority) -> list[dict]:
    return [{"title": step.title, "body": step.body, "connector": _connector(step.next)}
            for step in authority.ehc_needs_assessment.steps]


def cycle_steps(authority: Authority) -> list[dict]:
    cycle = authority.assess_plan_do_review.steps
    return [{"title": title, "body": body}
            for title, body in (("Assess", cycle.assess), ("Plan", cycle.plan), ("Do", cycle.do), ("Review", cycle.review))]


def expectation_heading(expectations: ExpectationList, place: str) -> str:
    """The list's heading in the council's own word: must, should, expects or can."""
    who, action = expectations.who, expectations.action
    heading = {
        "must": f"What {who} in {place} must {action}",
        "should": f"What {who} in {place} should {action}",
        "expected": f"What {place} expects {who} to {action}",
        "can": f"What {who} in {place} can {action}",
    }[expectations.strength]
    return heading + (f" {expectations.for_whom}" if expectations.for_whom else "")


def funding_rows(authority: Authority) -> list[dict]:
    per = {"per_child": "for each child", "school_budget": "in the school's budget", None: None}
    return [{"name": e.name, "amount": e.amount, "amount_is_up_to": e.amount_is_up_to,
             "period": " ".join(filter(None, [per[e.amount_is], e.period])) or None,
             "held_by": e.held_by, "pays_for": e.pays_for, "notes": list(e.notes), "quoted": e}
            for e in authority.funding.elements]


def unique_ids(prefix: str, texts, fallback: str | None = None) -> list[str]:
    """An id for each of `texts` (one page's headings of one kind): `prefix` and the text's slug.
    A repeat gets -2, -3..., so each id is still one element's; a text with no letter a slug keeps
    (Greek, Cyrillic, Chinese) gets its place in the list after `fallback` (or `prefix`), so the
    id is never empty or the bare prefix. The first of each stays as it always was, so links to
    it keep working."""
    taken: set[str] = set()
    ids = []
    for place, text in enumerate(texts, 1):
        base = prefix + slug(text) if slug(text) else f"{fallback or prefix}{place}"
        candidate, repeat = base, 1
        while candidate in taken:
            repeat += 1
            candidate = f"{base}-{repeat}"
        taken.add(candidate)
        ids.append(candidate)
    return ids


def term_ids(authority: Authority) -> list[str]:
    """The anchor of each of the council's own terms on its overview, which every page links to."""
    return unique_ids("term-", [t.term for t in authority.terms])


def faq_items(authority: Authority) -> list[dict]:
    return [{"question": faq.question, "answer": faq.answer} for faq in authority.faqs]


def contact_cards(authority: Authority) -> list[dict]:
    ids = unique_ids("contact-", [c.name for c in authority.contacts])
    return [{"id": heading_id, "name": c.name, "role_label": role_label(authority, c), "description": c.description,
             "phone": c.phone, "more_phones": list(c.more_phones), "email": c.email, "web": str(c.web) if c.web else None,
             "address": list(c.address), "opening_hours": c.opening_hours,
             "no_details_text": None if (c.phone or c.email or c.web or c.address) else
             f"{authority.short_name}'s pages name this service. This site does not have its phone number, email or website yet."}
            for c, heading_id in zip(authority.contacts, ids)]
