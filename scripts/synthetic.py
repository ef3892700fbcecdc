"""Synthetic but valid authority files, for measuring how the build scales.

Every authority is built as a `macros.data.model.Authority` (so the model checks it), dumped to YAML
with the schema comment first, and loaded back with `macros.data.loader.load_authority` (so the
loader checks it too). The text is made of plain SEND sentences of realistic lengths; the
numbers of stages, FAQs and contacts vary as they do between real councils, and some
councils leave optional sections out, as real ones do.

    .venv/bin/python scripts/synthetic.py 150 /tmp/authorities   # write 150 files
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.data.loader import load_authority  # noqa: E402
from macros.data.model import (  # noqa: E402
    AssessPlanDoReview,
    Authority,
    Contact,
    CycleStep,
    EhcNeedsAssessment,
    EhcOutcome,
    EhcStep,
    ExpectationList,
    Expectations,
    Faq,
    Funding,
    FundingElement,
    GraduatedApproach,
    MinimumCycles,
    ResponseLevel,
    SenSupport,
    Source,
    Stage,
    Terminology,
    TopUpRoute,
)

SCHEMA_LINE = "# yaml-language-server: $schema=./authority.schema.json"

SYLLABLES_START = ["Ash", "Bram", "Cal", "Dun", "Elm", "Fern", "Glen", "Hart", "Ings", "Kel", "Lang", "Mar",
                   "Nor", "Oak", "Pen", "Ral", "Shel", "Thorn", "Ul", "Wen", "Wick", "Yar", "Bel", "Crom"]
SYLLABLES_END = ["ford", "ham", "ley", "by", "wick", "ton", "field", "bury", "stead", "mouth", "dale", "worth",
                 "combe", "caster", "bridge", "wood", "mere", "port"]
KINDS = ["Borough Council", "City Council", "County Council", "Council", "Metropolitan Borough Council"]

# Sentences in the register of real Local Offer pages, mixed to give realistic lengths.
SENTENCES = [
    "Your child's school will talk to you before it gives any extra help.",
    "The SENCO makes sure that the right support is in place and that it is reviewed regularly.",
    "Teachers adapt their lessons so that every child can take part and make progress.",
    "Support might be given in class, in a small group or one to one with a teaching assistant.",
    "The school should write down what help your child gets and what it hopes the help will achieve.",
    "You can ask for a meeting with the class teacher or the SENCO at any time.",
    "Your child's views should be listened to and written into their plan.",
    "Specialists such as a speech and language therapist or an educational psychologist may give advice.",
    "Progress is checked at each review and the plan is changed if the help is not working.",
    "Most children with special educational needs are supported well in their local mainstream school.",
    "The council expects every school to use its own budget before asking for more money.",
    "If your child needs more help than the school can give, the school can ask the council for advice.",
    "Reviews should happen at least three times a year, and you should be invited to each one.",
    "A one page profile helps everyone who works with your child understand what matters to them.",
    "The school must publish an SEN Information Report on its website every year.",
    "Help with reading, writing, maths, speech, friendships or behaviour can all be part of SEN support.",
    "The graduated approach means help is added step by step as your child needs it.",
    "You know your child best, so the school should ask what works for them at home.",
    "Early years settings and colleges follow the same approach as schools.",
    "Some children need help for a short time and others need it for longer.",
    "The council's SEN team can give schools advice about children with complex needs.",
    "Parents can contact the SEND Information, Advice and Support Service for free, impartial advice.",
    "An EHC needs assessment looks at your child's education, health and care needs together.",
    "The council must tell you within six weeks whether it will carry out an assessment.",
    "Funding for top-up is agreed by a panel of people from schools and the council.",
]

STAGE_NAMES = ["Initial concerns", "Quality first teaching", "Universal support", "Early intervention",
               "SEN Support", "Targeted support", "Focused intervention", "High level SEN support",
               "Specialist advice", "Top-up funding request", "Request for EHC needs assessment"]
LEVEL_NAMES = ["Universal", "Universal Plus", "Targeted", "Enhanced", "Specialist"]
FAQ_QUESTIONS = [
    "What is SEN support?", "How do I know if my child needs SEN support?", "Who is the SENCO?",
    "Does my child need a diagnosis to get help?", "How often will my child's support be reviewed?",
    "Can I see my child's SEN support plan?", "What if I disagree with the school?",
    "What is top-up funding?", "Can I ask for an EHC needs assessment myself?",
    "Will my child have to change school?", "What happens when my child moves to secondary school?",
    "Who can I talk to for independent advice?",
]
ROLES = ["sendiass", "sen_team", "parent_carer_forum", "local_offer_team", "other"]


def _text(rng: random.Random, low: int, high: int) -> str:
    """Between `low` and `high` sentences, as one paragraph."""
    return " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(low, high)))


def _items(rng: random.Random, low: int, high: int) -> list[str]:
    return [rng.choice(SENTENCES).rstrip(".") for _ in range(rng.randint(low, high))]


def place_names(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = rng.choice(SYLLABLES_START) + rng.choice(SYLLABLES_END)
        if len(seen) >= len(SYLLABLES_START) * len(SYLLABLES_END) * 0.8:  # running out: add a second word
            name += " " + rng.choice(["Vale", "Moor", "Cross", "Heath", "Green", "Lakes"])
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def make_authority(index: int, place: str, seed: int = 1) -> Authority:
    rng = random.Random(seed * 100_003 + index)
    slug = "-".join(place.lower().split())
    domain = f"{slug.replace('-', '')}.example.gov.uk"
    stages = [
        Stage(name=name, summary=_text(rng, 1, 4), school_does=_items(rng, 0, 3), parents_can_expect=_items(rng, 0, 3),
              extra_funding_may_apply=i >= 3 and rng.random() < 0.5, optional=rng.random() < 0.15,
              next=rng.choice(["then"] * 8 + ["and", "or"]))
        for i, name in enumerate(rng.sample(STAGE_NAMES, rng.randint(3, 8)))
    ]
    levels = [ResponseLevel(name=name, focus=rng.choice([None, "High quality teaching", "Small group help"]),
                            includes=_items(rng, 2, 5), may_get_top_up=rng.random() < 0.3)
              for name in LEVEL_NAMES[: rng.choice([0, 0, 3, 4, 5])]]
    contacts = []
    for role in rng.sample(ROLES, rng.randint(1, 4)):
        contacts.append(Contact(
            role=role, name=f"{place} {role.replace('_', ' ').title()}", description=rng.choice(SENTENCES),
            phone=f"01632 {rng.randint(960000, 960999)}", email=f"{role.replace('_', '')}@{domain}",
            web=f"https://{domain}/{role.replace('_', '-')}"))
    maybe = lambda section: section if rng.random() < 0.9 else None  # noqa: E731 - some councils leave parts out
    return Authority(
        name=f"{place} {rng.choice(KINDS)}",
        short_name=place,
        slug=slug,
        local_offer_url=f"https://{domain}/local-offer",
        last_reviewed=date(2026, 1, 1) + timedelta(days=rng.randint(0, 300)),
        terminology=Terminology(
            plan_name=rng.choice([None, "SEN Support Plan", "My Support Plan", "One Plan"]),
            support_level_names=rng.choice([[], ["SEN Support"], ["SEN Support", "High Level SEN Support"]]),
            coordinator_title=rng.choice(["SENCO", "SENDCO"])),
        sen_support=SenSupport(summary=_text(rng, 3, 8)),
        graduated_approach=maybe(GraduatedApproach(introduction=_text(rng, 1, 3), stages=stages,
                                                   response_levels=levels)),
        assess_plan_do_review=maybe(AssessPlanDoReview(
            introduction=_text(rng, 1, 3),
            steps=CycleStep(assess=_text(rng, 1, 3), plan=_text(rng, 1, 3), do=_text(rng, 1, 2),
                            review=_text(rng, 1, 3)),
            review_frequency=rng.choice([None, "at least 3 times a year", "every term"]),
            minimum_cycles=rng.choice([None, MinimumCycles(count=2, condition="with the school's own SEN funding")]),
            notes=_items(rng, 0, 3))),
        expectations=maybe(Expectations(
            introduction=_text(rng, 1, 2),
            lists=[ExpectationList(strength=strength, who=rng.choice(["schools", "every school", "schools and settings"]),
                                   items=_items(rng, 3, 18))
                   for strength in rng.sample(["must", "should", "expected", "can"], rng.randint(1, 4))])),
        funding=maybe(Funding(
            introduction=_text(rng, 1, 3),
            elements=[FundingElement(name=f"Element {i + 1}", amount=rng.choice([None, 4000, 6000, 10000]),
                                     amount_is_up_to=rng.random() < 0.5, period="a year",
                                     held_by="your child's school", pays_for=rng.choice(SENTENCES))
                      for i in range(rng.randint(1, 3))],
            top_up_routes=[TopUpRoute(name=rng.choice(["High Needs Top-up", "Inclusion Panel", "SEN Support Panel"]),
                                      needs_ehc_needs_assessment=rng.choice([None, True, False]),
                                      description=_text(rng, 2, 4), application_must_include=_items(rng, 0, 6),
                                      also_offers=_items(rng, 0, 3)) for _ in range(rng.choice([0, 1, 1, 2]))])),
        ehc_needs_assessment=maybe(EhcNeedsAssessment(
            introduction=_text(rng, 1, 3), who_can_ask=_items(rng, 2, 4),
            steps=[EhcStep(title=f"Step {i + 1}", body=_text(rng, 1, 3)) for i in range(rng.randint(3, 7))],
            possible_outcomes=[EhcOutcome(title="The council agrees to assess", description=_text(rng, 1, 2)),
                               EhcOutcome(title="The council decides not to assess", description=_text(rng, 1, 2))],
            rights_of_appeal=_text(rng, 1, 3))),
        contacts=contacts,
        faqs=[Faq(question=q, answer=_text(rng, 1, 5)) for q in rng.sample(FAQ_QUESTIONS, rng.randint(0, 10))],
        sources=[Source(title=f"SEN support in {place}", url=f"https://{domain}/sen-support",
                        last_updated=date(2025, 1, 1) + timedelta(days=rng.randint(0, 300)))],
    )


def write_authorities(directory: Path, count: int, seed: int = 1) -> list[Path]:
    """Write `count` synthetic authority files into `directory`, each checked by the loader."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, place in enumerate(place_names(count, seed)):
        authority = make_authority(index, place, seed)
        path = directory / f"{authority.slug}.yaml"
        body = yaml.safe_dump(authority.model_dump(mode="json", exclude_none=True), sort_keys=False,
                              allow_unicode=True, width=100)
        path.write_text(SCHEMA_LINE + "\n" + body, encoding="utf-8")
        loaded, problems = load_authority(path)
        if problems:
            raise SystemExit("a synthetic authority did not load back:\n" + "\n".join(map(str, problems)))
        assert loaded == authority, path
        paths.append(path)
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: synthetic.py COUNT DIRECTORY")
    written = write_authorities(Path(sys.argv[2]), int(sys.argv[1]))
    print(f"wrote {len(written)} authority files to {sys.argv[2]}")
