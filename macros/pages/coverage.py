"""What the law asks a Local Offer to publish, and which of it each council's data shows.

The topics come from the SEND Regulations 2014 (Schedule 2 and regulations 53 to 57), as listed
in docs/reference/local-offer-law.md. A topic counts as covered only when the council's data
holds something for it, or the council gives a link to where its own site covers it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..data.model import Authority


@dataclass(frozen=True)
class Topic:
    key: str
    label: str  # plain English, for councils and parents
    evidence: Callable[[Authority], bool] = lambda authority: False  # what in the data shows it


def _has_sendiass(authority: Authority) -> bool:
    # Named with no way to reach it, a SENDIASS is not yet information a parent can use.
    return any(contact.role == "sendiass" and (contact.phone or contact.email or contact.web or contact.address)
               for contact in authority.contacts)


TOPICS = (
    Topic("provision-in-area", "Help available in the area: early years, schools, colleges and services"),
    Topic("provision-outside-area", "Help outside the area for its children and young people"),
    Topic("mainstream-and-special", "What mainstream schools provide, and what the council expects of them",
          lambda a: bool(a.expectations)),
    Topic("funding", "How SEN is funded, including top-up funding", lambda a: bool(a.funding)),
    Topic("approach-to-teaching", "How schools teach, assess and review children with SEN",
          lambda a: bool(a.graduated_approach or a.assess_plan_do_review)),
    Topic("health", "Health care: therapies, nursing, mental health, equipment"),
    Topic("social-care", "Social care: short breaks and support for families"),
    Topic("travel", "Travel to school, college and early years settings"),
    Topic("preparing-for-adulthood", "Moving on: to new settings and towards adult life", lambda a: bool(a.transition)),
    Topic("leisure", "Leisure and childcare"),
    Topic("information-advice", "Information, advice and support, including SENDIASS", _has_sendiass),
    Topic("ehc-assessment", "Asking for an EHC needs assessment, and what happens next",
          lambda a: bool(a.ehc_needs_assessment and (a.ehc_needs_assessment.steps or a.ehc_needs_assessment.how_to_ask))),
    Topic("complaints", "Complaints, disagreements, mediation and appeals",
          lambda a: bool(a.ehc_needs_assessment and a.ehc_needs_assessment.rights_of_appeal)),
    Topic("co-production", "How families helped write the Local Offer"),
    Topic("you-said-we-did", 'Comments from families and the council\'s response ("You said, we did")',
          lambda a: bool(a.you_said_we_did and a.you_said_we_did.comments)),
    Topic("offline-access", "How to get the information without the internet, or in another format"),
)


@dataclass(frozen=True)
class Coverage:
    topic: Topic
    by: str  # "data", "link" or "" (not covered)
    link: str = ""


def by_key() -> dict[str, Topic]:
    return {topic.key: topic for topic in TOPICS}


def coverage(authority: Authority) -> list[Coverage]:
    links = {link.topic: str(link.url) for link in authority.topic_links}
    result = []
    for topic in TOPICS:
        if topic.evidence(authority):
            result.append(Coverage(topic, "data"))
        elif topic.key in links:
            result.append(Coverage(topic, "link", links[topic.key]))
        else:
            result.append(Coverage(topic, ""))
    return result
