"""Finding what could identify a person in text the council publishes ("You said, we did").

Regulation 56 of the SEND Regulations 2014 asks councils to publish families' comments on the
Local Offer, but the comments must identify no one. An editor pasting a comment in may leave a
phone number, an email address or a name in it, written in any of the ways people write them, so
the text is first put into one plain form (what a reader sees on the page: entities decoded,
Unicode look-alikes folded, separators made alike) and only then checked.

`find_personal_data(text)` gives the first thing found, as (what it looks like, the text as typed),
or None.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Optional

PHONE = "a phone number"
EMAIL = "an email address"
NAME = "a person's name"
SCHOOL = "a school or class named with a child"


# --- One plain form, remembering where each character came from -------------------------------

@dataclass(frozen=True)
class _Mapped:
    """Text after a change, with the span of the original text each character came from, so a
    message can quote what the editor typed rather than its normalised form."""

    text: str
    spans: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str) -> "_Mapped":
        return cls(text, tuple((i, i + 1) for i in range(len(text))))

    def sub(self, pattern: re.Pattern, repl: Callable[[re.Match], str]) -> "_Mapped":
        out, spans, last = [], [], 0
        for match in pattern.finditer(self.text):
            if match.end() == match.start():
                continue
            out.append(self.text[last:match.start()])
            spans.extend(self.spans[last:match.start()])
            new = repl(match)
            out.append(new)
            if new == match.group():
                spans.extend(self.spans[match.start():match.end()])
            else:
                spans.extend([(self.spans[match.start()][0], self.spans[match.end() - 1][1])] * len(new))
            last = match.end()
        out.append(self.text[last:])
        spans.extend(self.spans[last:])
        return _Mapped("".join(out), tuple(spans))

    def original(self, start: int, end: int) -> tuple[int, int]:
        return self.spans[start][0], self.spans[end - 1][1]


# markdown-it shows "&#48;" as 0 and "&commat;" as @, and "\-" as -; "*", "`" and "~" only
# make text bold or code, so "0**1642** 527158" is read as it is shown.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_EMPHASIS = re.compile(r"[*`~]+")
# A letter with the accents that follow it, so NFKC can compose "e" + U+0301 into "é".
_CLUSTER = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*", re.S)
_DOTS = set(".·•․‧∙⋅・。｡⸱ꞏ")
_DASHES = set("‐‑‒–—―−⁃﹘﹣－")


def _plain(ch: str) -> str:
    """One character as the checks see it: any digit as 0-9, any dash, dot, bracket or space alike."""
    if ch.isspace() or unicodedata.category(ch) == "Zs":
        return " "
    category = unicodedata.category(ch)
    if category == "Nd":
        return str(unicodedata.decimal(ch))
    if ch in _DASHES or category == "Pd":
        return "-"
    if ch in _DOTS:
        return "."
    if category == "Ps":
        return "("
    if category == "Pe":
        return ")"
    if category in ("Mn", "Mc", "Me"):
        return ""  # an accent left over after NFKC would split a word in two
    return ch


def normalise(text: str) -> _Mapped:
    mapped = _Mapped.of(text)
    mapped = mapped.sub(_ENTITY, lambda m: html.unescape(m.group()))
    mapped = mapped.sub(_ESCAPE, lambda m: m.group(1))
    mapped = mapped.sub(_EMPHASIS, lambda m: "")
    mapped = mapped.sub(_CLUSTER, lambda m: "".join(_plain(c) for c in unicodedata.normalize("NFKC", m.group())))
    return mapped


# --- Phone numbers ------------------------------------------------------------------------------

# What may stand between the digits of one number: spaces, dashes, dots, brackets, slashes, colons.
_SEP = r"[ .\-()/\\_,:|]"
_RUN = re.compile(rf"(?:\+{_SEP}{{0,3}}|\()?[0-9]+(?:{_SEP}{{1,6}}[0-9]+)*")
# Dates and times are ordinary facts, but "2026-01-15–2026-02-01" or "08.30–12.30–13.30" are
# runs of digits too. A number with a date in it, or of times only, is not a phone number; a time
# inside other digits ("01642 5.27 158") does not hide one.
_YEAR = r"20[0-3][0-9]"
_DATE = re.compile(rf"(?<![0-9])(?<![0-9][./])(?:{_YEAR}(?P<a>[-./])(?:0[1-9]|1[0-2])(?P=a)(?:0[1-9]|[12][0-9]|3[01])"
                   rf"|(?:0?[1-9]|[12][0-9]|3[01])(?P<b>[-./])(?:0?[1-9]|1[0-2])(?P=b){_YEAR}"
                   rf"|{_YEAR}[-/]{_YEAR}|{_YEAR}/[0-9]{{2}})(?![0-9]|[./][0-9])")  # and 2024-2025, 2024/25
_TIME = re.compile(r"(?<![0-9.:])(?:[01]?[0-9]|2[0-3])[.:][0-5][0-9](?![0-9]|[.:][0-9])")
# "£6,000" is one number, and no amount of money starts with 0. A comma or full stop and a space
# end a number, as in a list ("0.5, 0.75, 0.25") or at the end of a sentence.
_THOUSANDS = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
_LIST_BREAK = re.compile(r"[,.] +")
# A letter O typed for a zero: "O1642 527158", "+44 (O)1642".
_LETTER_O = re.compile(r"(?<![^\W\d_])[Oo](?=[0-9])|(?<=[0-9])[Oo](?![^\W\d_])|(?<=\()[Oo](?=\))")
_DIGIT_WORDS = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "nil": "0", "one": "1", "two": "2", "three": "3",
                "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_REPEAT = {"double": 2, "treble": 3, "triple": 3}
_DIGIT_WORD = rf"(?:{'|'.join(list(_DIGIT_WORDS) + list(_REPEAT))}|[0-9]+)"
# Seven or more digits spelt out, "oh one six four two...": a number read aloud.
_SPELT = re.compile(rf"\b{_DIGIT_WORD}(?:[ ,\-]+{_DIGIT_WORD}\b){{6,}}", re.I)
# Words that say the number after them is one to ring or text, however short it is.
_CUE = re.compile(r"\b(?:call|calls|called|calling|ring|rang|phone|phoned|telephone|tel|mobile|mob|landline|cell|"
                  r"text|texted|txt|sms|whatsapp|dial|fax|number|contact|contacted|reach|message|messaged)\b"
                  r"[^0-9+\n]{0,24}$", re.I)


def _spelt_out(match: re.Match) -> str:
    if not re.search("[A-Za-z]", match.group()):
        return match.group()
    digits, repeat = [], 1
    for word in re.findall(r"[A-Za-z]+|[0-9]+", match.group()):
        word = word.lower()
        if word in _REPEAT:
            repeat = _REPEAT[word]
            continue
        digits.append(_DIGIT_WORDS.get(word, word) * repeat)
        repeat = 1
    return " ".join(digits)


def _phone_in_run(groups: list[tuple[str, int, int]], international: bool,
                  dates: set[int], times: set[int]) -> Optional[tuple[int, int]]:
    """Where in a run of digit groups a phone number lies, if one does: a UK number is 10 or 11
    digits from a 0 (01642 527158, 07700 900123), or 44 and then 9 or 10 more (+44, 0044)."""
    if international and sum(len(g) for g, _, _ in groups) >= 7:
        return groups[0][1], groups[-1][2]
    for i, (first, start, _) in enumerate(groups):
        if start in times and start - 1 in times:
            continue  # the minutes of a time
        lengths = (range(11, 16) if first.startswith("00") else range(10, 12) if first.startswith("0")
                   else range(12, 14) if first.startswith("44") else range(0))
        total, only_times, found = 0, True, None
        for digits, at, end in groups[i:]:
            if at in dates:
                break
            total += len(digits)
            only_times = only_times and at in times
            if total in lengths and not only_times:
                found = start, end  # the longest that fits, so the quote holds the whole number
            if total >= lengths.stop:
                break
        if found:
            return found
    return None


def _find_phone(mapped: _Mapped) -> Optional[tuple[int, int]]:
    mapped = mapped.sub(_THOUSANDS, lambda m: "")
    mapped = mapped.sub(_LETTER_O, lambda m: "0")
    mapped = mapped.sub(_SPELT, _spelt_out)
    mapped = mapped.sub(_LIST_BREAK, lambda m: ";" + m.group()[1:])
    text = mapped.text
    dates = {i for m in _DATE.finditer(text) for i in range(*m.span())}
    times = {i for m in _TIME.finditer(text) for i in range(*m.span())}
    for run in _RUN.finditer(text):
        groups = [(m.group(), run.start() + m.start(), run.start() + m.end())
                  for m in re.finditer(r"[0-9]+", run.group())]
        found = _phone_in_run(groups, run.group().startswith("+"), dates, times)
        if found is None and _CUE.search(text[max(0, run.start() - 40):run.start()]) \
                and sum(len(d) for d, start, _ in groups if start not in dates and start not in times) >= 6:
            found = groups[0][1], groups[-1][2]
        if found:
            # From the "+" or "(" the number starts with, where it does.
            return mapped.original(run.start() if found[0] == groups[0][1] else found[0], found[1])
    return None


# --- Email addresses ----------------------------------------------------------------------------

# Each starts at the start of a word, so a long word is read once, not once from each letter.
_LOCAL = r"(?<![\w.%+'’-])[\w.%+'’-]+"
_EMAILS = [
    re.compile(rf"{_LOCAL}@(?=[\w-]*[^\W\d_])[\w-]+(?:\.[\w-]+)*"),  # jo@example.com, josé@exämple.com, jo@intranet
    re.compile(rf"{_LOCAL} *@ *[\w-]+(?: *\. *[\w-]+)* *\. *[^\W\d_]{{2,}}\b"),  # jo @ example . com
    re.compile(rf"{_LOCAL} *[(\[{{<] *at *[)\]}}>] *[\w-]+(?: *(?:\.|[(\[{{<] *dot *[)\]}}>]) *[\w-]+)+", re.I),
    re.compile(rf"{_LOCAL} +at +[\w-]+(?: +dot +[\w-]+)* +dot +"
               r"(?:com|net|org|uk|co|gov|nhs|ac|sch|edu|info|me|io|biz|eu|ie|scot|wales|cymru|email)\b", re.I),
    re.compile(r"\bmailto:[^\s)\]>]*", re.I),
]


def _find_email(mapped: _Mapped) -> Optional[tuple[int, int]]:
    found = [m.span() for pattern in _EMAILS for m in [pattern.search(mapped.text)] if m]
    return mapped.original(*min(found)) if found else None


# --- Names --------------------------------------------------------------------------------------

# Titles that only ever come before a name ("mrs smith" is still Mrs Smith)...
_TITLES = {"mr", "mrs", "mx", "dr", "prof", "professor", "revd", "reverend", "cllr", "councillor"}
# ...and those that are also ordinary words ("we miss the old page", "my son has MS"), which count
# only written with a capital, before a word with a capital.
_WORD_TITLES = {"ms", "miss", "sir", "dame", "lord", "lady", "doctor", "rev", "fr", "rabbi", "imam", "sister",
                "brother", "father", "auntie", "aunty", "uncle", "master"}
_TITLE = re.compile(r"(?<![\w'’])(?P<title>(?i:" + "|".join(sorted(_TITLES | _WORD_TITLES, key=len, reverse=True))
                    + r"))(?:\. *| +)(?P<name>[^\W\d_][\w'’-]*)(?P<rest>(?: +[A-Z][\w'’-]*){0,2})")
# Words that follow a title, or a word such as "son", without being a name.
_NOT_NAMES = {
    "a", "an", "and", "or", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "is", "was", "are",
    "were", "be", "been", "it", "i", "we", "you", "he", "she", "they", "this", "that", "who", "which", "said", "says",
    "told", "has", "had", "have", "not", "no", "out", "up", "off", "our", "my", "his", "her", "their", "your",
    "year", "years", "reception", "school", "nursery", "when", "if", "but", "so", "as", "all", "any", "some",
    "every", "each", "teams", "word", "excel", "office", "forms", "outlook", "edge", "paint", "access", "men",
    "mayor", "mayoress", "tumble", "christmas", "time", "times", "deadline", "deadlines", "class", "classes", "lessons",
    "appointments", "street", "road", "avenue", "lane", "park", "hall", "house", "place", "centre",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
# A name beside who the person is to the writer: "my son Tom", "mum of Tom", "Tom's dad". The
# relation is in small letters, as in a sentence, so "Child Development Centre" is not read as one.
_FAMILY = (r"son|daughter|child|kid|boy|girl|grandson|granddaughter|stepson|stepdaughter|brother|sister|nephew|"
           r"niece|twin|baby|toddler|husband|wife")
_PARENT = (r"mum|mom|mam|mummy|mother|dad|daddy|father|nan|nana|gran|granny|grandma|grandad|grandpa|"
           r"grandmother|grandfather|stepmum|stepdad")
_WORD = r"[^\W\d_][\w'’-]*"
_RELATIVES = [
    re.compile(rf"\b(?:{_FAMILY}),? +(?:(?:called|named|is|was) +)?(?P<name>{_WORD})"),
    re.compile(rf"\b(?i:{_PARENT}|parent|carer|foster carer|guardian|grandparent) +(?i:of|to) +(?P<name>{_WORD})"),
    re.compile(rf"(?<![\w'’-])(?P<name>[^\W\d_][\w-]*)['’]s +(?i:{_PARENT}|brother|sister)\b"),
]


def _is_name(word: str) -> bool:
    """Tom, Zoë, O'Neill; not "the", and not SEN or EHC."""
    return word[0].isupper() and any(c.islower() for c in word) and word.lower() not in _NOT_NAMES


# "Sir John Deane's College": a place named after someone, which on its own identifies no one.
_INSTITUTION = re.compile(r"(?:['’]s)?(?: +[A-Z][\w'’-]*){0,3} +(?:School|Academy|College|Primary|Infants?|"
                          r"Juniors?|Nursery|Church|Chapel|Hospital|Centre|Trust|Foundation)\b")


def _is_title(match: re.Match, text: str) -> bool:
    title, name = match.group("title"), match.group("name")
    if name.lower() in _NOT_NAMES or _INSTITUTION.match(text, match.end("name")):
        return False
    if title.lower() in _TITLES:
        return True
    if title == "MS":  # multiple sclerosis, MS Teams, the MS Society; a shouted "MS SMITH" still counts
        return name.isupper() and len(name) > 1
    return title[0].isupper() and name[0].isupper()


def _find_name(mapped: _Mapped) -> Optional[tuple[int, int]]:
    text = mapped.text
    for match in _TITLE.finditer(text):
        if _is_title(match, text):
            return mapped.original(match.start(), match.end())
    for pattern in _RELATIVES:
        for match in pattern.finditer(text):
            if _is_name(match.group("name")):
                return mapped.original(match.start(), match.end())
    return None


# --- A school or class named together with a child ----------------------------------------------

_SCHOOL_TYPES = (r"Primary|Infants?|Juniors?|Secondary|Academy|College|Nursery|Pre-?school|Grammar|High School|"
                 r"School|Sixth Form|Church of England|C of E|CofE|CE|RC|Catholic")
# Words with a capital that say what kind of school, not which one ("a Special School").
_NOT_SCHOOL_NAMES = {
    "the", "a", "an", "my", "our", "his", "her", "their", "your", "this", "that", "every", "each", "any", "some",
    "mainstream", "special", "specialist", "local", "new", "old", "primary", "secondary", "infant", "infants",
    "junior", "juniors", "independent", "free", "state", "private", "maintained", "nursery", "high", "further",
    "higher", "education", "sixth", "form", "middle", "upper", "lower", "first", "current", "next", "previous",
    "same", "other", "different", "summer", "boarding", "faith", "village", "community", "grammar", "academy",
    "academies", "college", "colleges", "school", "schools", "all", "most", "many", "both", "which", "what", "at",
    "in", "to", "for", "of", "and", "or", "when", "if", "early", "years", "year", "post", "pre", "sen", "send",
    "ehc", "alternative", "pupil", "referral", "hospital", "residential", "home", "catchment", "nearest",
    "preferred", "named", "chosen", "outstanding", "good", "church", "council", "county", "borough", "city",
    "catholic", "christian", "jewish", "muslim", "islamic", "methodist", "anglican", "roman", "training",
    "technical", "support", "resource", "base", "unit", "day", "forest", "holiday", "after", "breakfast", "sunday",
    "secure", "virtual", "online", "trust", "multi", "national", "public", "language", "autism", "he", "she",
    "they", "we", "i", "parents", "children", "pupils", "students",
}
_NAMED_SCHOOLS = [
    re.compile(r"(?<![\w'’])(?i:st|saint|ste)\.? +(?P<name>[^\W\d_][\w-]*['’]s?)(?![\w'’])"),  # St Mary's, St James'
    re.compile(rf"(?<![\w'’&-])(?P<name>[A-Z][\w'’&-]*)(?: +[A-Z][\w'’&-]*){{0,3}} +(?:{_SCHOOL_TYPES})\b"),
]
# Who the school is named with: a child, a parent, a year group or a class ("Year 4", "Y4",
# "Reception", "class 4B", "Hedgehog Class").
_CHILD = re.compile(r"\b(?:son|daughter|child|kid|boy|girl|grandson|granddaughter|stepson|stepdaughter|pupil|student|"
                    r"toddler|baby|twins|niece|nephew|mum|mom|mam|dad|mother|father|"
                    r"(?:my|our|his|her) +(?:children|kids|sons|daughters|boys|girls))\b"
                    r"|\b(?:year|yr) ?(?:[0-9]{1,2}|r|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                    r"twelve|thirteen)\b|\by[0-9]{1,2}\b|\breception\b|\b(?:class|form) +[0-9]{1,2}[a-z]{0,3}\b", re.I)
_NAMED_CLASS = re.compile(r"(?<![\w'’])[A-Z][a-z]+ +[Cc]lass\b")


def _find_school_with_child(mapped: _Mapped) -> Optional[tuple[int, int]]:
    text = mapped.text
    if not (_CHILD.search(text) or _NAMED_CLASS.search(text)):
        return None
    for pattern in _NAMED_SCHOOLS:
        # Tried at every word, so "The Oaks Primary" is found after "The" is passed over.
        for start in (m.start() for m in re.finditer(r"(?<![\w'’&-])\w", text)):
            match = pattern.match(text, start)
            if match and re.sub(r"['’]s?$", "", match.group("name").lower()) not in _NOT_SCHOOL_NAMES:
                return mapped.original(*match.span())
    return None


_CHECKS = [(EMAIL, _find_email), (PHONE, _find_phone), (NAME, _find_name), (SCHOOL, _find_school_with_child)]


def find_personal_data(text: str) -> Optional[tuple[str, str]]:
    """The first thing in `text` that could identify a person: (what it looks like, as typed)."""
    mapped = normalise(text)
    found = [(span, kind) for kind, check in _CHECKS for span in [check(mapped)] if span]
    if not found:
        return None
    (start, end), kind = min(found)
    return kind, text[start:end]
