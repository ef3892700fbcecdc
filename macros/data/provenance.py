"""Every council statement can carry the council's own words (`council_says`), and the build checks them.

For each quote:
- it is real: it is on one of that council's source pages, once whitespace, quote marks and
  dashes are made alike;
- the strength matches: the strongest word of obligation in the statement is of the same kind as
  the quote's (must, need to, has to, required / should, expected / can, may, could / none);
- the numbers match: every amount, count, number of weeks or times a year in the statement is in
  the quote.

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

# Strongest first. "expected" counts with should, as the Code of Practice uses it.
STRENGTHS = (
    ("must", r"must|needs? to|has to|have to|had to|required|requires|require|obliged|duty|duties"),
    ("should", r"should|expected|expects?|ought to"),
    ("can", r"can|may|could|might|able to"),
)
_STRENGTH = [(name, re.compile(rf"\b(?:{words})\b", re.I)) for name, words in STRENGTHS]
_NUMBER_WORDS = {"one": 1, "once": 1, "two": 2, "twice": 2, "three": 3, "thrice": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                 "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
_SCALE = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000}
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(k|m|bn|thousand|million|billion))?(?!\w)|\b("
                     + "|".join(_NUMBER_WORDS) + r")\b", re.I)
_MARKDOWN = re.compile(r"[*_`]+|\]\([^)]*\)|[\[\]]")


def normalised(text: str) -> str:
    """Text as the quote check compares it: one form of each quote mark, dash and space, no Markdown
    emphasis or link addresses, and no case."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u2018\u2019\u201a\u201b\u2032`´]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f\u2033]", '"', text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = _MARKDOWN.sub("", text.replace("\u2026", "..."))
    return " ".join(text.split()).casefold()


def strength(text: str) -> tuple[str, str]:
    """The strongest word of obligation in `text`, as (its kind, the word), or ("none", "")."""
    for name, pattern in _STRENGTH:
        found = pattern.search(_MARKDOWN.sub("", text))
        if found:
            return name, found.group(0)
    return "none", ""


def numbers(text: str) -> set[str]:
    """Every number in `text`, in digits or words, as plain digits: "£6,000", "6k" and "6000" are all "6000"."""
    found = set()
    for match in _NUMBER.finditer(_MARKDOWN.sub("", text)):
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
        if statement.has_strength and ours[0] != theirs[0]:
            theirs_shown = f'"{theirs[0]}" ("{_short(_around(said, theirs[1]), 50)}")' if theirs[1] else "none"
            ours_shown = f'"{ours[0]}" ("{ours[1]}")' if ours[1] else "none"
            keep = f'keep "{theirs[0]}"' if theirs[1] else f'do not add "{ours[1]}"'
            problem(statement.path, f"the council's words say {theirs_shown}, this text says {ours_shown}: {keep}",
                    "a parent relies on the council's must, should or can: write the same kind of word")
        missing = sorted(numbers(statement.text) - numbers(said), key=lambda n: float(n))
        if missing:
            problem(statement.path, f"this text has {', '.join(missing)}, which the council's words do not: "
                                    f'"{_short(said)}"', "use the council's numbers, or quote the words that give them")
        if statement.holder is not None and all(found_in):
            statement.holder._found_in = tuple(found_in)  # for the page's "council's words"
    return problems


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
