"""The shape of one authority's Local Offer data: the single source of truth.

Every authority file in `authorities/` is checked against these models, and the
published JSON Schema (`authorities/authority.schema.json`) is generated from them
by `scripts/generate_schema.py`. Field descriptions become the editor's tooltips.
"""

from __future__ import annotations

import calendar
import ipaddress
import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Iterator, Literal, Optional, Union
from urllib.parse import urlsplit

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationInfo,
                      Discriminator, PrivateAttr, Tag, field_validator, model_validator)

from .coverage_topics import TOPIC_KEYS
from .personal_data import find_personal_data
from .safe_text import describe, first_refused


def _one_line(text: str) -> str:
    if "\n" in text or "\t" in text or "\r" in text:
        raise ValueError("this text must be on one line: write it on one line, or start it with >- so "
                         "YAML joins the lines")
    return text


def _visible(text: str) -> str:
    found = first_refused(text)
    if found >= 0:
        raise ValueError(f"this text holds an invisible or control character, {describe(text[found])}: delete it")
    return text


# The most each kind of text may hold: room for what councils write, and no more, so no one file
# can swell the pages and search indexes every council shares (each council's headings are in
# every other council's search index). loader.py words the message from TEXT_KINDS.
HEADING_MAX = 150  # a name, title or heading
LINE_MAX = 600  # one sentence or list item
PARAGRAPHS_MAX = 5_000  # paragraphs of Markdown, such as an FAQ answer
LIST_MAX = 100  # items in any one list
TEXT_KINDS = {HEADING_MAX: "a name, title or heading", LINE_MAX: "a sentence or list item",
              PARAGRAPHS_MAX: "a piece of Markdown (paragraphs)"}

# Plain text: shown as it is written, escaped, on one line.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=LINE_MAX),
                 AfterValidator(_visible), AfterValidator(_one_line)]
# A name, title or heading: plain text, shorter.
Heading = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=HEADING_MAX),
                    AfterValidator(_visible), AfterValidator(_one_line)]
# Markdown: paragraphs, lists, bold and links, rendered by markdown-it-py and the allowlist.
Markdown = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=PARAGRAPHS_MAX),
    AfterValidator(_visible),
    Field(json_schema_extra={"contentMediaType": "text/markdown"}),
]

_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
# What RFC 3986 allows in a URL outside its host: anything else ({, }, <, >, quotes, spaces,
# backslashes) is a sign of something pasted in by mistake, or on purpose.
_URL_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]*$")
WEB_ADDRESS = "expected a web address starting with https://, such as https://www.council.gov.uk/send"
ADDRESS_MAX = 2_000


def _web_address(value: Any) -> str:
    text = str(value).strip() if isinstance(value, str) else None
    if text and len(text) > ADDRESS_MAX:
        raise ValueError(f"{WEB_ADDRESS}, of at most {ADDRESS_MAX:,} characters")
    if not text or not _URL_CHARS.match(text):
        raise ValueError(WEB_ADDRESS)
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("https", "http") or not parts.netloc:
        raise ValueError(WEB_ADDRESS)
    if "@" in parts.netloc:
        raise ValueError(WEB_ADDRESS + ", with no user name or @ before the site's name")
    try:
        port = parts.port
    except ValueError:
        port = -1
    if port is not None:
        raise ValueError(WEB_ADDRESS + ", with no port number (such as :8080)")
    host = (parts.hostname or "").rstrip(".")
    if _is_ip_address(host):
        raise ValueError(WEB_ADDRESS + ", with the site's name, not a number address")
    if not _HOST.match(host):
        raise ValueError(WEB_ADDRESS)
    return text


def _is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return False


WebAddress = Annotated[str, BeforeValidator(_web_address),
                       Field(json_schema_extra={"format": "uri", "pattern": "^https?://", "maxLength": ADDRESS_MAX})]

EARLIEST_DATE = date(2000, 1, 1)


def _past_date(value: Any) -> date:
    # Only a string written YYYY-MM-DD: an integer would otherwise be read as seconds since 1970.
    if isinstance(value, date):
        parsed = value
    elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            parsed = date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError("expected a real date written as YYYY-MM-DD; this day does not exist")
    else:
        raise ValueError("expected a date written as YYYY-MM-DD, such as 2026-01-15")
    if parsed > date.today():
        raise ValueError(f"this date, {parsed.isoformat()}, is in the future: give the date it really happened")
    if parsed < EARLIEST_DATE:
        raise ValueError(f"this date, {parsed.isoformat()}, is before 2000: check the year")
    return parsed


PastDate = Annotated[date, BeforeValidator(_past_date)]


def _month_or_year(value: Any) -> str:
    # A page that shows only "May 2020" or "2020": written 2020-05 or 2020 (YAML reads 2020 as a number).
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if not re.fullmatch(r"\d{4}(-\d{2})?", text):
        raise ValueError("expected a month written YYYY-MM, such as 2020-05, or a year written YYYY, such as 2020; "
                         "for a full date use last_updated")
    year, month = int(text[:4]), int(text[5:]) if len(text) > 4 else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"expected a month from 01 to 12, got {text[5:]}")
    today = date.today()
    if (year, month or 1) > (today.year, today.month):
        raise ValueError(f"this date, {text}, is in the future: give the date the page shows")
    if year < EARLIEST_DATE.year:
        raise ValueError(f"this date, {text}, is before 2000: check the year")
    return text


MONTH_OR_YEAR_DESCRIPTION = ("When the page says it was last updated, where it shows only a month or a year: YYYY-MM "
                             "(e.g. 2020-05) or YYYY (e.g. 2020). Use last_updated for a full date, never both.")
# A month ("2020-05") or a year ("2020"), as a page shows it; never in the future.
MonthOrYear = Annotated[str, BeforeValidator(_month_or_year),
                        Field(json_schema_extra={"pattern": "^[0-9]{4}(-[0-9]{2})?$", "maxLength": 7})]


def month_or_year_words(value: str) -> str:
    """ "2020-05" as "May 2020", "2020" as "2020"."""
    return f"{calendar.month_name[int(value[5:])]} {value[:4]}" if len(value) > 4 else value
Email = Annotated[str, StringConstraints(strip_whitespace=True, max_length=254,
                                         pattern=r"^[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
# Names go into page titles and headings, so they keep to characters that mean
# nothing to Markdown or HTML.
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=2, max_length=80, pattern=r"^[A-Za-z0-9 ,.'’&()-]+$"),
]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
# A string, never a number, so a leading 0 survives.
Phone = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=20, pattern=r"^(\+44\s?|0)[0-9 ]{9,13}$"),
]
# The schema lets an amount be written as text too (as pydantic reads a Decimal): bound it like any text.
Pounds = Annotated[Decimal, Field(ge=0, le=100_000_000, decimal_places=2,
                                  json_schema_extra=lambda schema: _amount_text_limit(schema))]


def _amount_text_limit(schema: dict) -> None:
    for option in schema.get("anyOf", []):
        if option.get("type") == "string":
            option["maxLength"] = 20


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _quotes(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


# The council's own words, copied from one of its source pages (authorities/sources/<slug>/).
Quote = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=PARAGRAPHS_MAX),
                  AfterValidator(_visible)]
Quotes = Annotated[list[Quote], BeforeValidator(_quotes), Field(min_length=1, max_length=10)]
COUNCIL_SAYS = ("The council's own words for this, copied exactly from one of its source pages "
                "(authorities/sources/<slug>/): one quote, or a list of quotes.")


class _CarriesQuotes(Strict):
    """Something with council_says: the build checks each quote (macros/data/provenance.py) and
    notes the source page it is on, for the page's "In ... words" box."""

    _found_in: tuple = PrivateAttr(default=())  # the source page each quote is on, set by the check

    @property
    def found_in(self) -> tuple:
        return self._found_in


class _Quoted(_CarriesQuotes):
    """A statement with the council's own words beside it. Shown, it is its text; the build checks
    that each quote is on one of the council's source pages, with the same must, should or can
    and the same numbers."""

    council_says: Quotes = Field(description=COUNCIL_SAYS)

    def __str__(self) -> str:
        return self.text


class QuotedText(_Quoted):
    """A sentence or list item, with the council's words."""

    text: Text = Field(description="The statement as the page shows it.")


class QuotedMarkdown(_Quoted):
    """Paragraphs of Markdown, with the council's words."""

    text: Markdown = Field(description="The statement as the page shows it, in Markdown.")


def _statement_form(value: Any) -> str:
    # Chosen by the value's shape, so a mistake gets one message about the form the editor used.
    return "quoted" if isinstance(value, (dict, _Quoted)) else "plain"


# A council statement: written as plain text, or as {text: ..., council_says: ...} with its quote.
# loader.py leaves the form's tag ("plain" or "quoted") out of the field names it shows.
STATEMENT_FORMS = ("plain", "quoted")
Statement = Annotated[Union[Annotated[Text, Tag("plain")], Annotated[QuotedText, Tag("quoted")]],
                      Discriminator(_statement_form)]
Paragraphs = Annotated[Union[Annotated[Markdown, Tag("plain")], Annotated[QuotedMarkdown, Tag("quoted")]],
                       Discriminator(_statement_form)]


Strength = Literal["must", "should", "expected", "can"]
# Where a fact sits in the model; a source says which of these it backs.
SectionKey = Literal["sen_support", "terms", "graduated_approach", "assess_plan_do_review", "expectations",
                     "transition", "funding", "ehc_needs_assessment", "contacts", "faqs", "you_said_we_did",
                     "frameworks", "documents"]
Next = Literal["then", "and", "or"]
NEXT_DESCRIPTION = ('How the next one follows this one: "then" (in turn, the default), "and" (at the same time) '
                    'or "or" (an alternative to this one).')


class Terminology(Strict):
    """The council's own words for things every council has."""

    plan_name: Optional[Heading] = Field(
        None, description='What the council calls a child\'s SEN support plan, e.g. "SEN Support Plan" or "My One Plan".'
    )
    support_level_names: list[Heading] = Field(
        default_factory=list, max_length=LIST_MAX,
        description='The council\'s names for levels of SEN support, e.g. ["SEN Support", "High Level SEN Support"].',
    )
    coordinator_title: Heading = Field(
        "SENCO", description='How the council writes the title of the school\'s special needs co-ordinator, e.g. "SENCO", '
                             '"SENDCO" or "Inclusion Leader".')


class Term(Strict):
    """A word the council uses that parents may not know, explained wherever it appears on its pages."""

    term: Heading = Field(description='As the council writes it, e.g. "One Point Panel" or "ISP".')
    stands_for: Optional[Heading] = Field(None, description='What a short form stands for, e.g. "Individual Support Plan".')
    meaning: Statement = Field(description="What it means, in plain English, from the council's own pages.")


class SenSupport(Strict):
    """What SEN support in school means in this area."""

    summary: Paragraphs = Field(description="A short plain-English explanation of SEN support in this area.")


class Move(Strict):
    """How a child moves from one stage or level to another, as the council says."""

    direction: Literal["up", "down", "again"] = Field(
        description='"up" to more help, "down" to less, or "again" round the same stage.')
    when: Statement = Field(description='When this happens, e.g. "if your child makes good progress".')


PlanKind = Literal["none", "informal", "sen_support_plan", "ehc_plan", "other"]
LevelKind = Literal["everyone", "targeted", "sen_support", "specialist", "ehc", "other"]
LEVEL_KIND_DESCRIPTION = ('Who it is for: "everyone" (good teaching for all), "targeted" (extra help some children get '
                          'before or without SEN support), "sen_support", "specialist" (specialist help without an EHC '
                          'plan), "ehc" (an EHC needs assessment or plan) or "other".')


class Stage(Strict):
    """One stage or level of the graduated approach, in order."""

    name: Heading = Field(description="The council's name for this stage, e.g. \"Focused Intervention/Low Level Support\".")
    summary: Paragraphs = Field(description="What this stage is, in plain English.")
    level: Optional[LevelKind] = Field(None, description=LEVEL_KIND_DESCRIPTION)
    groups: list[Heading] = Field(
        default_factory=list, max_length=LIST_MAX,
        description='Where the council joins levels into one step, the levels it joins, e.g. ["Universal", "Universal +"].')
    plan: Optional[PlanKind] = Field(None, description="The kind of plan a child has at this stage, where the council says.")
    plan_name: Optional[Heading] = Field(None, description="The council's name for that plan, e.g. \"My One Plan\".")
    school_does: list[Statement] = Field(default_factory=list, max_length=LIST_MAX, description="What school does at this stage.")
    parents_can_expect: list[Statement] = Field(default_factory=list, max_length=LIST_MAX, description="What parents can expect or do at this stage.")
    moves: list[Move] = Field(default_factory=list, max_length=LIST_MAX, description="How a child moves on from this stage.")
    cycle: Optional[Statement] = Field(
        None, description="How Assess, Plan, Do, Review works at this level, where the council says, e.g. \"two cycles before a referral\".")
    review: Optional[Statement] = Field(None, description="When support at this level is reviewed, where the council says.")
    extra_funding_may_apply: bool = Field(False, description="True where the council says extra funding may apply here.")
    optional: bool = Field(False, description="True only where the council says not every child goes through this stage.")
    next: Next = Field("then", description=NEXT_DESCRIPTION)


class ResponseLevel(Strict):
    """A tier of the council's graduated response summary, e.g. "Universal Support"."""

    name: Heading = Field(description='The tier\'s name, e.g. "Universal Support".')
    focus: Optional[Heading] = Field(None, description="The tier's heading or focus, e.g. \"High Quality Teaching\".")
    level: Optional[LevelKind] = Field(None, description=LEVEL_KIND_DESCRIPTION)
    includes: list[Statement] = Field(default_factory=list, max_length=LIST_MAX, description="What the tier includes, one item each.")
    may_get_top_up: bool = Field(False, description="True where the council says top-up funding may apply.")


class GraduatedApproach(Strict):
    introduction: Optional[Paragraphs] = Field(None, description="How the council introduces its graduated approach.")
    stages: list[Stage] = Field(min_length=1, max_length=LIST_MAX, description="The stages in the order a child moves through them.")
    response_levels: list[ResponseLevel] = Field(
        default_factory=list, max_length=LIST_MAX, description="A summary of the council's graduated response tiers, where it gives one."
    )


class CycleStep(Strict):
    assess: Paragraphs = Field(description="What happens at Assess.")
    plan: Paragraphs = Field(description="What happens at Plan.")
    do: Paragraphs = Field(description="What happens at Do.")
    review: Paragraphs = Field(description="What happens at Review.")


class MinimumCycles(Strict):
    count: Annotated[int, Field(ge=1, le=10)] = Field(description="The least number of full cycles the council gives.")
    condition: Statement = Field(description='The council\'s rule, in its own word, as the rest of the sentence "In <place>, ...", '
                                             'e.g. "schools need to complete at least two cycles with Element 2 funding before asking for more".')


class AssessPlanDoReview(Strict):
    """The Assess, Plan, Do, Review cycle as this council describes it."""

    introduction: Optional[Paragraphs] = Field(None, description="How the council introduces the cycle.")
    steps: CycleStep = Field(description="What the council says happens at each of the four steps.")
    review_frequency: Optional[Statement] = Field(
        None, description='How often support is reviewed, in the council\'s own word, as the rest of the sentence "In <place>, '
                          'your child\'s support ...", e.g. "should be reviewed at least 3 times a year".')
    minimum_cycles: Optional[MinimumCycles] = Field(None, description="A least number of cycles, where the council gives one.")
    notes: list[Statement] = Field(default_factory=list, max_length=LIST_MAX, description="Anything else the council says about the cycle, one item each.")


class ExpectationList(Strict):
    """One list of what schools must, should, are expected to, or can do, in the council's own word."""

    strength: Strength = Field(description='The council\'s word: "must" (the law), "should", "expected" or "can".')
    who: Heading = Field("schools", description='Who it is about, e.g. "every school", "schools and settings", "SEN support".')
    action: Heading = Field("do", description='What they do, e.g. "do", "have in place", "include".')
    for_whom: Optional[Heading] = Field(None, description='e.g. "for children on SEN support".')
    introduction: Optional[Paragraphs] = Field(None, description="What the council says before the list, if anything.")
    items: list[Statement] = Field(min_length=1, max_length=LIST_MAX, description="Each thing, one item each, in the council's words.")


class Expectations(Strict):
    """What the council says schools and settings must, should or can do."""

    introduction: Optional[Paragraphs] = Field(None, description="What the council says before its lists, if anything.")
    lists: list[ExpectationList] = Field(min_length=1, max_length=LIST_MAX, description="One list for each word of obligation the council uses (must, should, expected, can).")


class Transition(Strict):
    """Moving between phases of education (nursery, school, college) and towards adult life."""

    introduction: Optional[Paragraphs] = Field(None, description="How the council introduces moving on.")
    points: list[Statement] = Field(default_factory=list, max_length=LIST_MAX, description="What the council says happens, one item each.")


class FundingElement(_CarriesQuotes):
    """One element or band of funding."""

    name: Heading = Field(description='e.g. "Element 2", "SEN funding" or "Band 3".')
    kind: Optional[Literal["element", "band", "level", "area_of_need", "fund"]] = Field(
        None, description='What it is: an "element" of school funding, a "band" or "level" of top-up, a band for an '
                          '"area_of_need" (not a level), or a "fund" schools share.')
    applies_to: Optional[Heading] = Field(None, description="The level or area of need it is for, where the council says.")
    amount: Optional[Pounds] = Field(None, description="The amount in pounds, as a number, where the council gives one.")
    currency: Literal["GBP"] = Field("GBP", description="Always GBP (pounds): every amount is in pounds.")
    amount_is_up_to: bool = Field(False, description='True where the amount is a maximum ("up to £6,000").')
    amount_is: Optional[Literal["per_child", "school_budget"]] = Field(
        None, description='"per_child" where the amount is for each child, "school_budget" where it is the school\'s whole budget.')
    period: Optional[Heading] = Field(None, description='e.g. "a year".')
    held_by: Optional[Statement] = Field(None, description="Who holds the money, e.g. \"your child's school\".")
    pays_for: Optional[Statement] = Field(None, description="What the money pays for.")
    notes: list[Statement] = Field(default_factory=list, max_length=LIST_MAX, description="Anything else the council says about this money, one item each.")
    council_says: Optional[Quotes] = Field(None, description="The council's own words for the amount and what it is for. "
                                           + COUNCIL_SAYS)


class Threshold(Strict):
    """A point where a route changes, e.g. a separate panel for requests above £20,000."""

    above: Optional[Pounds] = Field(None, description="The amount in pounds above which it applies, where there is one.")
    what_happens: Statement = Field(description='What happens then, e.g. "a separate panel decides".')


class TopUpRoute(Strict):
    """One way a school, setting or group of schools asks for more money or help than its own budget holds."""

    name: Heading = Field(description='The route\'s own name, e.g. "One Point Panel", "Targeted SEND Funding" or "LIFT".')
    url: Optional[WebAddress] = Field(None, description="The council's page about this route.")
    decider: Optional[Literal["council_panel", "schools_group", "central_triage", "other"]] = Field(
        None, description='Who decides, where the council says: a "council_panel", a "schools_group" (a group or '
                          'locality of schools), a "central_triage" or "other". Say more in decided_by.')
    decided_by: Optional[Statement] = Field(None, description='Who decides, in the council\'s words, e.g. "a panel of council officers and head teachers".')
    meets: Optional[Statement] = Field(None, description='How often it meets, e.g. "every three weeks".')
    decision_time: Optional[Statement] = Field(None, description="How soon it decides, where the council says.")
    starts: Optional[Statement] = Field(
        None, description='When the route started, or is planned to start, in the council\'s words, e.g. "agreed in May '
                          '2024 and piloted in the Summer term of 2024".')
    needs_ehc_needs_assessment: Optional[bool] = Field(
        None, description="True if a child must have an EHC needs assessment first; leave out if the council does not say.")
    needs_ehc_plan: Optional[bool] = Field(
        None, description="True if it is only for children with an EHC plan, false if it is for children without one; "
                          "leave out if the council does not say.")
    description: Optional[Paragraphs] = Field(None, description="How a school asks, in the council's words.")
    thresholds: list[Threshold] = Field(default_factory=list, max_length=LIST_MAX, description="Points where the route changes, such as a separate panel above an amount.")
    application_must_include: list[Statement] = Field(
        default_factory=list, max_length=LIST_MAX, description="What an application holds, as the council lists it.")
    deadlines: list[Statement] = Field(default_factory=list, max_length=LIST_MAX,
                                       description="Closing dates for applications, as the council gives them.")
    outcomes: list[Statement] = Field(default_factory=list, max_length=LIST_MAX,
                                      description="What the route can decide, e.g. an amount, a service, or no funding.")
    appeal: Optional[Paragraphs] = Field(None, description="How to challenge a decision, where the council says.")
    also_offers: list[Statement] = Field(default_factory=list, max_length=LIST_MAX, description="Other help the route gives, such as outreach or advice, one item each.")
    monitoring: Optional[Statement] = Field(None, description="How the council checks the money is used well.")


class Funding(Strict):
    introduction: Optional[Paragraphs] = Field(None, description="How the council introduces SEN funding.")
    elements: list[FundingElement] = Field(
        default_factory=list, max_length=LIST_MAX,
        description="Each element, band or level of funding the council names, with its amount where it gives one.")
    top_up_routes: list[TopUpRoute] = Field(
        default_factory=list, max_length=LIST_MAX,
        description="Each way to ask for top-up funding or help, in the council's order.")

    @property
    def routes(self) -> list[TopUpRoute]:
        return list(self.top_up_routes)


class EhcStep(Strict):
    title: Heading = Field(description="The step's name.")
    body: Paragraphs = Field(description="What happens at this step.")
    next: Next = Field("then", description=NEXT_DESCRIPTION)


class EhcOutcome(Strict):
    title: Heading = Field(description='The outcome\'s name, e.g. "The council agrees to assess".')
    description: Optional[Paragraphs] = Field(None, description="What it means for your child.")


class HowToAsk(Strict):
    """One way to ask the council for an EHC needs assessment."""

    method: Literal["online_form", "letter", "email", "phone", "through_school", "other"] = Field(description="How the request is sent: online_form, letter, email, phone, through_school or other.")
    description: Optional[Statement] = Field(None, description="What the council says about sending it this way.")
    url: Optional[WebAddress] = Field(None, description="The form or page, for an online form.")
    email: Optional[Email] = Field(None, description="The email address to write to, for a request by email.")
    address: list[Text] = Field(default_factory=list, max_length=20,
                                description="The postal address for a written request, one line per item.")


class EhcNeedsAssessment(Strict):
    """Asking the council for an Education, Health and Care needs assessment."""

    introduction: Optional[Paragraphs] = Field(None, description="How the council introduces EHC needs assessments.")
    who_can_ask: list[Statement] = Field(default_factory=list, max_length=LIST_MAX, description="Who can ask, as the council says, one item each.")
    how_to_ask: list[HowToAsk] = Field(default_factory=list, max_length=LIST_MAX, description="How to send a request, where the council says.")
    steps: list[EhcStep] = Field(default_factory=list, max_length=LIST_MAX, description="The steps the council sets out, in order.")
    possible_outcomes: list[EhcOutcome] = Field(default_factory=list, max_length=LIST_MAX, description="What the council can decide after a request.")
    rights_of_appeal: Optional[Paragraphs] = Field(None, description="What you can do if you disagree, as the council says.")


ContactRole = Literal["sendiass", "sen_team", "parent_carer_forum", "local_offer_team", "other"]


class Contact(Strict):
    """A service parents can turn to. Where the council's pages name it but give no way to reach
    it, leave the ways out: the page names it and says where to look."""

    role: ContactRole = Field(description="Which kind of service this is.")
    name: Heading = Field(description="The service's name, as the council writes it.")
    description: Optional[Statement] = Field(None, description="What the service does, and for whom, as the council's page says.")
    phone: Optional[Phone] = Field(None, description='A UK phone number in quotes, e.g. "01642 527158".')
    more_phones: list[Phone] = Field(
        default_factory=list, max_length=5,
        description='Other phone numbers the council gives for this service, each in quotes, e.g. ["01302 737211"]. '
                    "The first number goes in phone.")
    email: Optional[Email] = Field(None, description="A plain email address, e.g. sendiass@council.gov.uk.")
    web: Optional[WebAddress] = Field(None, description="The service's web address, starting https://.")
    address: list[Text] = Field(default_factory=list, max_length=LIST_MAX, description="A postal address, one line per item.")
    opening_hours: Optional[Text] = Field(None, description='e.g. "Monday to Friday, 9am to 5pm".')

    @field_validator("more_phones")
    @classmethod
    def _after_the_first(cls, more: list[str], info: ValidationInfo) -> list[str]:
        if more and not info.data.get("phone"):
            raise ValueError("put the first number in phone, and only the others in more_phones")
        if info.data.get("phone") in more or len(set(more)) < len(more):
            raise ValueError("this list repeats a phone number: give each number once")
        return more

    @property
    def phones(self) -> list[str]:
        """Every phone number for the service, the first first."""
        return [self.phone, *self.more_phones] if self.phone else []


class Framework(Strict):
    """A named set of what schools and settings are expected to offer, such as Ordinarily Available
    Provision, Mainstream Core Standards or a Support Grid."""

    name: Heading = Field(description='As the council names it, e.g. "Ordinarily Available Provision".')
    kind: Literal["ordinarily_available", "core_standards", "support_grid", "ranges", "other"] = Field(
        description='"ordinarily_available" (what every setting offers), "core_standards", "support_grid", "ranges" '
                    '(descriptors of need, such as SEN Ranges) or "other".')
    description: Optional[Paragraphs] = Field(None, description="What it is and who it is for, as the council says.")
    shared_with: Optional[Statement] = Field(None, description='Where other councils use it too, e.g. "Greater Manchester".')
    url: Optional[WebAddress] = Field(None, description="Where to read it.")
    published: Optional[PastDate] = Field(None, description="Its date, where it gives one (YYYY-MM-DD).")


class Document(Strict):
    """A document a parent may want to read, such as a guide or a framework, with its address and date."""

    title: Heading = Field(description="The document's title, as it is written.")
    url: Optional[WebAddress] = Field(None, description="Where to read it, starting https://.")
    publisher: Optional[Heading] = Field(None, description="Who publishes it, where it is not the council.")
    published: Optional[PastDate] = Field(None, description="Its date, where it gives one (YYYY-MM-DD).")
    description: Optional[Statement] = Field(None, description="What it is for, as the council says.")


class Faq(Strict):
    question: Heading = Field(description="The question, as a parent would ask it.")
    answer: Paragraphs = Field(description="The council's answer.")


# Anything that could identify a person: comments are published, so regulation 56 of the SEND
# Regulations 2014 asks that they identify no one. What counts, in all the ways it can be written,
# is in personal_data.py.
ANONYMOUS_RULE = ("comments are published, so they must identify no one (regulation 56): remove names, phone numbers, "
                  "email addresses, and schools or classes named with a child")


def _anonymous(text: str) -> str:
    found = find_personal_data(text)
    if found:
        kind, typed = found
        typed = typed if len(typed) <= 60 else typed[:59] + "…"
        raise ValueError(f'this text holds what looks like {kind} ("{typed}"): {ANONYMOUS_RULE}')
    return text


Anonymous = Annotated[Markdown, AfterValidator(_anonymous)]


class Comment(Strict):
    """One comment on the Local Offer from families, and the council's response (regulation 56)."""

    received: PastDate = Field(description="When the comment was made, or the month it was gathered (YYYY-MM-DD).")
    you_said: Anonymous = Field(description="What was said, in words that identify no one.")
    we_did: Anonymous = Field(description="The council's response, and what it did or will do.")
    responded: Optional[PastDate] = Field(None, description="When the council responded (YYYY-MM-DD).")

    # A check on the field itself, not on the whole comment, so the message points at the line
    # with `responded:` on it.
    @field_validator("responded")
    @classmethod
    def _not_before_received(cls, responded: Optional[date], info: ValidationInfo) -> Optional[date]:
        received = info.data.get("received")
        if responded and received and responded < received:
            raise ValueError(f"this date, {responded.isoformat()}, is before the comment was received, on "
                             f"{received.isoformat()}: a response cannot come before its comment, so check both dates")
        return responded


class YouSaidWeDid(Strict):
    """Comments from families on the Local Offer, with the council's responses, as the council publishes them."""

    how_to_comment: Optional[Text] = Field(None, description="How to send a comment, as the council says.")
    comment_url: Optional[WebAddress] = Field(None, description="The council's page for comments.")
    comments: list[Comment] = Field(default_factory=list, max_length=LIST_MAX, description="Each comment with its response, newest first or in the council's order.")


SourceFile = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*\.md$", max_length=80)]


class Source(Strict):
    """A page the facts came from: best kept in the repository as a file (with its address, publisher,
    dates and text), so the council's words can be checked against it; or named here alone."""

    file: Optional[SourceFile] = Field(
        None, description="The page's file in authorities/sources/<slug>/, e.g. sen-support.md: its front matter says "
                          "where it is, who publishes it and when it was read, and its text backs the council_says quotes.")
    title: Optional[Heading] = Field(None, description="The title of the page, for a source with no file.")
    publisher: Optional[Heading] = Field(
        None, description='Who publishes the page, where it is not the council itself, e.g. "Camden SENDIASS" (no file only).')
    url: Optional[WebAddress] = Field(None, description="The page's address (no file only).")
    last_updated: Optional[PastDate] = Field(None, description="When the source page says it was last updated (no file only).")
    updated_in: Optional[MonthOrYear] = Field(None, description=MONTH_OR_YEAR_DESCRIPTION[:-1] + " (no file only).")
    covers: list[SectionKey] = Field(
        default_factory=list, max_length=LIST_MAX, description="Which parts of this file its facts are in. Leave out if it backs them all.")

    @model_validator(mode="after")
    def named_once(self) -> "Source":
        if self.file and (self.title or self.publisher or self.url or self.last_updated or self.updated_in):
            raise ValueError("a source with a file takes its title, publisher, address and dates from the file's front "
                             "matter: delete them here")
        if not self.file and not self.title:
            raise ValueError("a source needs a file (its page, saved in authorities/sources/<slug>/) or at least a title")
        if self.last_updated and self.updated_in:
            raise ValueError("give last_updated (a full date) or updated_in (a month or a year), not both")
        return self


TopicKey = Literal[TOPIC_KEYS]  # the topics are listed once, in coverage_topics.py


class TopicLink(Strict):
    """Where the council's own site covers a topic the law asks a Local Offer to publish."""

    topic: TopicKey = Field(description="The topic, as listed in the coverage report.")
    url: WebAddress = Field(description="The council's page on the topic, starting https://.")


class Authority(Strict):
    """One English local authority's Local Offer for SEN support."""

    model_config = ConfigDict(title="Local Offer authority", extra="forbid", frozen=True)

    name: Name = Field(description='The council\'s full name, e.g. "Trafford Council".')
    short_name: Name = Field(description='The place name used in page titles, e.g. "Trafford".')
    slug: Slug = Field(description="The file name without .yaml; it becomes the web address.")
    local_offer_url: Optional[WebAddress] = Field(None, description="The council's own Local Offer website.")
    last_reviewed: PastDate = Field(description="When an editor last checked every fact in this file (YYYY-MM-DD).")
    review_interval_months: Annotated[int, Field(ge=1, le=24)] = Field(
        12, description="How many months after last_reviewed the next review is due."
    )
    terminology: Terminology = Field(default_factory=Terminology, description="The council's own names for things every council has: the SEN support plan, the levels of support, the SENCO's title.")
    terms: list[Term] = Field(default_factory=list, max_length=LIST_MAX, description="The council's own words, explained for parents.")
    sen_support: SenSupport = Field(description="What SEN support in school means in this area, in a short summary.")
    graduated_approach: Optional[GraduatedApproach] = Field(None, description="The council's stages or levels of the graduated approach, in order (stages), and any summary table of its tiers (response_levels).")
    assess_plan_do_review: Optional[AssessPlanDoReview] = Field(None, description="The Assess, Plan, Do, Review cycle as this council describes it.")
    expectations: Optional[Expectations] = Field(None, description="What the council says schools and settings must, should, are expected to, or can do.")
    transition: Optional[Transition] = Field(None, description="Moving between nursery, school and college, and towards adult life.")
    funding: Optional[Funding] = Field(None, description="Money for SEN support: each element or band, and each way to ask for top-up funding.")
    ehc_needs_assessment: Optional[EhcNeedsAssessment] = Field(None, description="Asking the council for an Education, Health and Care needs assessment.")
    contacts: list[Contact] = Field(default_factory=list, max_length=LIST_MAX, description="Services the council's pages name, with the ways to reach them that the pages give.")
    faqs: list[Faq] = Field(default_factory=list, max_length=LIST_MAX, description="Questions parents ask, with the council's answers.")
    frameworks: list[Framework] = Field(
        default_factory=list, max_length=LIST_MAX, description="Named frameworks of what schools are expected to offer.")
    documents: list[Document] = Field(
        default_factory=list, max_length=LIST_MAX, description="Documents to read, with their addresses and dates.")
    you_said_we_did: Optional[YouSaidWeDid] = Field(None, description="Families' comments on the Local Offer and the council's responses, as it publishes them.")
    sources: list[Source] = Field(min_length=1, max_length=LIST_MAX, description="The pages every fact in this file came from.")
    provenance: Literal["required", "optional"] = Field(
        "optional", description='"required" where every statement must carry the council\'s own words (council_says) and '
                                "every source must be a file, so the build checks each one.")
    topic_links: list[TopicLink] = Field(
        default_factory=list, max_length=LIST_MAX, description="Links to where the council's own site covers topics this file does not.")

    # The source pages its sources name (file name: macros.data.sources.Page), set by the loader.
    _pages: dict = PrivateAttr(default_factory=dict)

    def source_page(self, source: "Source"):
        """The page a source's file holds, once the loader has read it."""
        return self._pages.get(source.file) if source.file else None

    @model_validator(mode="after")
    def every_part_has_a_source(self) -> "Authority":
        covered = {key for source in self.sources for key in (source.covers or SectionKey.__args__)}
        missing = [key for key in SectionKey.__args__ if getattr(self, key) and key not in covered]
        if missing:
            raise ValueError(f"no source covers {', '.join(missing)}: add each to the covers list of the source "
                             "its facts came from")
        return self

    def sources_for(self, sections: tuple[str, ...]) -> list[Source]:
        """The sources behind the given parts of this file, in the file's order."""
        return [s for s in self.sources if not s.covers or set(s.covers) & set(sections)]

    @property
    def next_review_due(self) -> date:
        months = self.last_reviewed.month - 1 + self.review_interval_months
        year, month = self.last_reviewed.year + months // 12, months % 12 + 1
        if year > date.max.year:
            return date.max  # only reachable by data built without validation
        day = min(self.last_reviewed.day, calendar.monthrange(year, month)[1])
        return date(year, month, day)


def http_addresses(model: BaseModel, path: tuple = ()) -> Iterator[tuple]:
    """The field path of every web address in `model` that uses http:// rather than https://."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            here = path + ((name,) if index is None else (name, index))
            if isinstance(item, BaseModel):
                yield from http_addresses(item, here)
            elif isinstance(item, str) and item.lower().startswith("http://") and name in ("web", "url", "local_offer_url"):
                yield here
