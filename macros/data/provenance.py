"""Every council statement can carry the council's own words (`council_says`), and the build checks them.

For each quote:
- it is real: it is on one of that council's source pages, once whitespace, quote marks and
  dashes are made alike;
- the strength matches: the strongest word of obligation in the statement is of the same kind as
  the quote's (must, need to, has to, required / should, expected / can, may, could / none). A
  word that states no duty counts as none: "expected" describing progress ("in a way expected for
  their age"), "need to" in a condition ("if your child needs to", "when they need to"); and a
  duty word after may, might, could or can ("may require", "may need to") counts as can;
- the numbers match: every amount, count, number of weeks or times a year in the statement is in
  the quote, and so is the number of a band, level or element ("Band 2", "Band 1a"). "One" as a
  word standing for a thing ("they will need one") is no number.

Plain-English rewriting by hand loses a council's "must" or "should" without anyone noticing; this
makes the promise "the council's own words" something the build keeps.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from dataclasses import dataclass
from typing import Iterator, Optional

from pydantic import BaseModel

from .model import Authority, FundingElement, _CarriesQuotes, _Quoted
from .problems import FieldPath, Problem, field_name
from .sources import Page

# Strongest first. "expected" counts with should, as the Code of Practice uses it. EDITING.md lists
# these words for editors (tests/test_editing_guide.py checks it names each one).
STRENGTHS = (
    ("must", r"must|needs? to|has to|have to|had to|required|requires|require|requirements? on|obliged|obligations?"
             r"|duty|duties"),
    ("should", r"should|expected|expects?|ought to"),
    ("can", r"can|may|could|might|able to"),
)
_STRENGTH = [(name, re.compile(rf"\b(?:{words})\b", re.I)) for name, words in STRENGTHS]
# "expected" describing how a child is doing states no duty, so it counts as none: "in a way
# expected for their age", "expected progress", "behind their expected level", "as well as expected".
_DESCRIBED = re.compile(r"\bexpected(?=\s+(?:for(?:\s+[^\s,.;:!?()]+){0,4}?\s+age|progress|levels?|standards?|"
                        r"attainment|development|rates?)\b)|\b(?:than|as)\s+expected\b|\bage[- ]expected\b", re.I)
# "need to" in a condition reads as no duty: "if your child needs to move school", "when they need
# to", "children who need to be educated in a special school". It can also be read as a duty ("when
# the school needs to give extra help"), so a statement may keep either reading (see readings).
# Up to four words between, with no comma or full stop, so "If so, the school needs to" is a duty.
_CONDITION = re.compile(r"\b(?:if|when|whenever|where|unless|until|whether|who)(?:\s+[^\s,.;:!?()]+){0,4}?\s+"
                        r"(?:will\s+|may\s+|might\s+)?(?:needs?|needed)\s+to\b", re.I)
# A duty word after a word of possibility is a possibility: "may require", "might need to",
# "could be required", "can have to". It counts as can, by the modal kept in its place.
# "It may be that they need to" is a possibility too.
_POSSIBLE_DUTY = re.compile(r"\b(may|might|could|can)((?:\s+(?:also|still|sometimes|then|well|not|be|even))*"
                            r"(?:\s+be\s+that(?:\s+[^\s,.;:!?()]+){1,3}?)?)\s+"
                            r"(?:needs?\s+to|has\s+to|have\s+to|require[sd]?|required|obliged)\b", re.I)
_NUMBER_WORDS = {"one": 1, "once": 1, "two": 2, "twice": 2, "three": 3, "thrice": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                 "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
_SCALE = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000}
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(k|m|bn|thousand|million|billion))?(?!\w)|\b("
                     + "|".join(_NUMBER_WORDS) + r")\b", re.I)
_MARKDOWN = re.compile(r"[*_`]+|\]\([^)]*\)|[\[\]]")
# The number of a band, level or element with a letter after it ("Band 1a"), checked like "Band 2".
_LABEL = re.compile(r"\b(?:bands?|levels?|elements?|tiers?|stages?|steps?|ranges?|waves?|groups?|phases?)\s+"
                    r"(\d{1,3}[a-z])\b", re.I)
# "One" standing for a thing, not a count: "they will need one.", "no one is", "the right one,". Only
# where no noun follows it, so "the one year review" and "one of the following" are still counts.
_PRONOUN_ONE = re.compile(r"\b(?:need|needs|needed|get|gets|got|have|has|had|want|wants|wanted|keep|use|choose|the|this|"
                          r"that|which|each|any|no|such|another|right)\s+one(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|or|but|if|"
                          r"when|too|yet|now|because|as|who|that|which|is|was|will|can)\b)", re.I)


def normalised(text: str) -> str:
    """Text as the quote check compares it: one form of each quote mark, dash and space, no Markdown
    emphasis or link addresses, and no case."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u2018\u2019\u201a\u201b\u2032`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f\u2033]", '"', text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = _MARKDOWN.sub("", text.replace("\u2026", "..."))
    return " ".join(text.split()).casefold()


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def _duties(text: str, conditions: bool = True) -> str:
    """`text` with each word of obligation that states no duty blanked out (and, with `conditions`,
    each "need to" in a condition), and each duty that is only a possibility ("may require") cut to
    its modal ("may"), keeping every other word in place."""
    text = _DESCRIBED.sub(_blank, _MARKDOWN.sub("", text))
    if conditions:
        text = _CONDITION.sub(_blank, text)
    return _POSSIBLE_DUTY.sub(lambda match: match.group(1) + " " * (len(match.group(0)) - len(match.group(1))), text)


def readings(text: str) -> set[str]:
    """Each kind of strength `text` can be read as: one, or two where a "need to" in a condition
    may be read as a duty or as none."""
    return {strength(text)[0], strength(text, conditions=False)[0]}


def strength(text: str, conditions: bool = True) -> tuple[str, str]:
    """The strongest word of obligation in `text`, as (its kind, the word), or ("none", "")."""
    text = _duties(text, conditions)
    for name, pattern in _STRENGTH:
        found = pattern.search(text)
        if found:
            return name, found.group(0)
    return "none", ""


def numbers(text: str) -> set[str]:
    """Every number in `text`, in digits or words, as plain digits: "£6,000", "6k" and "6000" are all "6000"."""
    text = _MARKDOWN.sub("", text)
    found = {match.group(1).lower() for match in _LABEL.finditer(text)}
    text = _PRONOUN_ONE.sub(lambda match: " " * len(match.group(0)), text)
    for match in _NUMBER.finditer(text):
        if match.group(4):
            found.add(str(_NUMBER_WORDS[match.group(4).lower()]))
            continue
        value = Decimal(match.group(1).replace(",", "") + (f".{match.group(2)}" if match.group(2) else ""))
        value *= _SCALE.get((match.group(3) or "").lower(), 1)  # "£6k" and "£2.8m" are 6000 and 2800000
        found.add(format(value.normalize(), "f"))
    return found


@dataclass(frozen=True)
class Statement:
    """A council statement found in an authority file: where it is, and what it says."""

    path: FieldPath
    text: str
    quotes: tuple[str, ...]  # empty when it carries no council_says
    holder: Optional[BaseModel]  # the object the quote's source page is noted on
    has_strength: bool = True  # False for an amount, which states a fact, not a duty


def statements(model: BaseModel, path: FieldPath = ()) -> Iterator[Statement]:
    """Every council statement in `model`: each value of a Statement or Paragraphs field, and each
    funding element (its amount)."""
    if isinstance(model, FundingElement):
        said = " ".join(str(part) for part in (model.amount, model.name, model.period) if part is not None)
        if model.amount is not None:
            yield Statement(path, said, tuple(model.council_says or ()), model, has_strength=False)
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            here = path + ((name,) if index is None else (name, index))
            if isinstance(item, _Quoted):
                yield Statement(here, item.text, tuple(item.council_says), item)
            elif isinstance(item, str) and _is_statement(field.annotation):
                yield Statement(here, item, (), None)
            elif isinstance(item, BaseModel):
                yield from statements(item, here)


def _is_statement(annotation) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, _Quoted):
        return True
    return any(_is_statement(arg) for arg in getattr(annotation, "__args__", ()) or ())


def _quote_path(statement: Statement) -> FieldPath:
    if isinstance(statement.holder, _CarriesQuotes):
        return statement.path + ("council_says",)
    return statement.path


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def check(authority: Authority, pages: dict[str, Page], display: str, where) -> list[Problem]:
    """A problem for each quote that is not on a source page, or whose must, should or can, or whose
    numbers, differ from the statement's; and, where the council requires it, for each statement
    without a quote. `where(path)` gives the line and column of a field."""
    problems = []
    texts = [(page, normalised(page.text)) for page in pages.values()]

    def problem(path, message, hint=""):
        problems.append(Problem(display, *where(path), field_name(path), message, hint))

    for statement in statements(authority):
        if not statement.quotes:
            if authority.provenance == "required":
                problem(statement.path, f'this statement has no council_says: "{_short(statement.text)}"',
                        "this council requires the council's own words for every statement: add council_says: "
                        "with the words from its source page")
            continue
        found_in = []
        for number, quote in enumerate(statement.quotes):
            path = _quote_path(statement) + ((number,) if len(statement.quotes) > 1 else ())
            page = next((page for page, text in texts if normalised(quote) in text), None)
            if page is None:
                problem(path, f'these words are not on any of {authority.short_name}\'s source pages: "{_short(quote)}"',
                        "copy the words exactly from a page in authorities/sources/" + authority.slug + "/, or add the page")
            found_in.append(page)
        said = " ".join(statement.quotes)
        ours, theirs = strength(statement.text), strength(said)
        if statement.has_strength and not readings(statement.text) & readings(said):
            theirs_shown = f'"{theirs[0]}" ("{_short(_around(said, theirs[1]), 50)}")' if theirs[1] else "none"
            ours_shown = f'"{ours[0]}" ("{ours[1]}")' if ours[1] else "none"
            keep = f'keep "{theirs[0]}"' if theirs[1] else f'do not add "{ours[1]}"'
            problem(statement.path, f"the council's words say {theirs_shown}, this text says {ours_shown}: {keep}",
                    "a parent relies on the council's must, should or can: write the same kind of word")
        missing = sorted(numbers(statement.text) - numbers(said), key=_number_order)
        if missing:
            problem(statement.path, f"this text has {', '.join(missing)}, which the council's words do not: "
                                    f'"{_short(said)}"', "use the council's numbers, or quote the words that give them")
        if statement.holder is not None and all(found_in):
            statement.holder._found_in = tuple(found_in)  # for the page's "council's words"
    return problems


def _number_order(number: str) -> tuple[float, str]:
    # "1a" (a band's number) sorts after 1 and before 2.
    digits = re.match(r"[\d.]*", number).group(0)
    return float(digits or 0), number[len(digits):]


def _around(text: str, word: str) -> str:
    at = text.lower().find(word.lower())
    start = max(0, text.rfind(" ", 0, max(0, at - 25)) + 1)
    return text[start:at + len(word) + 25].strip()


@dataclass(frozen=True)
class Report:
    slug: str
    statements: int
    quoted: int
    unquoted: list[str]

    @property
    def share(self) -> float:
        return self.quoted / self.statements if self.statements else 1.0


def report(authority: Authority) -> Report:
    found = list(statements(authority))
    return Report(authority.slug, len(found), sum(1 for s in found if s.quotes),
                  [f"{field_name(s.path)}: {_short(s.text)}" for s in found if not s.quotes])
