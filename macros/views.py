"""Turn parts of an Authority into the params each component documents.

Components read only their params; this is the one place that knows both shapes.
"""

from __future__ import annotations

from .model import Authority

CONTACT_ROLE_LABELS = {
    "sendiass": "Free, independent advice (SENDIASS)",
    "sen_team": "The council's SEN team",
    "parent_carer_forum": "Parent carer forum",
    "local_offer_team": "Local Offer team",
    "other": "Other help",
}


def stage_steps(authority: Authority) -> list[dict]:
    steps = []
    for stage in authority.graduated_approach.stages:
        steps.append({
            "title": stage.name,
            "body": stage.summary,
            "groups": [{"title": "What school does", "items": list(stage.school_does)},
                       {"title": "What you can expect or do", "items": list(stage.parents_can_expect)}],
            "optional": stage.optional,
            "badge": "Extra funding may apply" if stage.extra_funding_may_apply else None,
            "connector": "or" if stage.next_is_alternative else None,
        })
    return steps


def ehc_steps(authority: Authority) -> list[dict]:
    return [{"title": step.title, "body": step.body} for step in authority.ehc_needs_assessment.steps]


def cycle_steps(authority: Authority) -> list[dict]:
    cycle = authority.assess_plan_do_review.steps
    return [{"title": title, "body": body}
            for title, body in (("Assess", cycle.assess), ("Plan", cycle.plan), ("Do", cycle.do), ("Review", cycle.review))]


def funding_rows(authority: Authority) -> list[dict]:
    return [{"name": e.name, "amount": e.amount, "amount_is_up_to": e.amount_is_up_to, "period": e.period,
             "held_by": e.held_by, "pays_for": e.pays_for, "notes": list(e.notes)}
            for e in authority.funding.elements]


def faq_items(authority: Authority) -> list[dict]:
    return [{"question": faq.question, "answer": faq.answer} for faq in authority.faqs]


def contact_cards(authority: Authority) -> list[dict]:
    return [{"name": c.name, "role_label": CONTACT_ROLE_LABELS[c.role], "description": c.description,
             "phone": c.phone, "email": c.email, "web": str(c.web) if c.web else None}
            for c in authority.contacts]
