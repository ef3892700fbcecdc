"""'You said, we did' (regulation 56): comments and responses, newest first, identifying no one;
where a council has published none, the page says so and says how to comment."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support import MINIMAL_AUTHORITY, ROOT
from test_bad_input import validate
from test_site import SLUGS, page_text

from macros.pages.council_pages import render
from macros.pages.coverage import coverage
from macros.data.loader import load_authority
from macros.pages.page_kinds import BY_KEY

COMMENTS = MINIMAL_AUTHORITY + """\
local_offer_url: https://www.example.gov.uk/local-offer
you_said_we_did:
  how_to_comment: Use the feedback form on the Local Offer website.
  comment_url: https://www.example.gov.uk/local-offer/feedback
  comments:
    - received: 2025-03-01
      you_said: The funding page was hard to find.
      we_did: We added a link to it from the home page.
    - received: 2025-09-01
      you_said: We could not find the SENDIASS phone number.
      we_did: We put it on every page about EHC needs assessments.
      responded: 2025-10-01
"""


@pytest.mark.parametrize("slug", SLUGS)
def test_a_council_with_no_comments_published_says_so_and_how_to_comment(built_site, slug):
    text = page_text(built_site, f"{slug}/you-said-we-did")
    assert "This is not on this site yet" in text
    assert "How to tell" in text and "what you think" in text


def test_comments_are_listed_newest_first_with_the_councils_response(tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(COMMENTS, encoding="utf-8")
    authority, problems = load_authority(path)
    assert problems == []
    html = str(render(BY_KEY["you-said-we-did"], authority))
    headings = re.findall(r"<h2 id=\"comment-\d\">(.*?)</h2>", html)
    assert headings == ["Comment from September 2025", "Comment from March 2025"]
    assert html.index("SENDIASS phone number") < html.index("hard to find")
    assert "We did (1 October 2025)" in html and "not on this site yet" not in html
    assert 'href="https://www.example.gov.uk/local-offer/feedback"' in html
    topic = next(row for row in coverage(authority) if row.topic.key == "you-said-we-did")
    assert topic.by == "data"



# --- Comments must identify no one (regulation 56) ----------------------------------------------

SAID = "The funding page was hard to find."
SAID_AT = "example.yaml:26:17: you_said_we_did.comments[1].you_said: "
RULE = ("comments are published, so they must identify no one (regulation 56): remove names, phone numbers, "
        "email addresses, and schools or classes named with a child")


def with_comment(said: str) -> str:
    assert SAID in COMMENTS
    return COMMENTS.replace(SAID, json.dumps(said, ensure_ascii=False), 1)  # a YAML double-quoted string


def problems_for(folder: Path, text: str) -> list[str]:
    path = folder / "example.yaml"
    path.write_text(text, encoding="utf-8")
    authority, problems = load_authority(path, "example.yaml")
    shown = [str(p) for p in problems if p.is_error]
    assert (authority is None) == bool(shown)
    return shown


def refused(folder: Path, said: str) -> str:
    """The one message an editor sees for this comment, after its file:line:column and field."""
    shown = problems_for(folder, with_comment(said))
    assert len(shown) == 1, shown
    assert shown[0].startswith(SAID_AT + "this text holds what looks like "), shown[0]
    assert shown[0].endswith(RULE), shown[0]
    return shown[0].removeprefix(SAID_AT)


PHONES = [
    "01642.527.158", "01642-527158", "(01642) 527158", "+44 (0)1642 527158", "07700 900 123", "0 1 6 4 2 5 2 7 1 5 8",
    "０１６４２ ５２７１５８", "Ring me on 07700 900123", "Call 01642527158 after 6", "My number is 0161–496–0000",
    "0161\u00a0496\u00a00000", "07700\u2009900\u2009123", "+44 7700 900123", "+447700900123", "(+44) 1642 527158",
    "0044 1642 527158", "44 1642 527158", "+1 555 123 4567", "01642/527158", "01642_527_158", "01642:527158",
    "0 7 7 0 0 - 9 0 0 - 1 2 3", "07700,900,123", "01,642,527,158", "01.64.25.27.15.8", "[01642] 527 158",
    "O1642 527158", "+44 (O)1642 527158", "٠١٦٤٢ ٥٢٧١٥٨", "𝟎𝟏𝟔𝟒𝟐 𝟓𝟐𝟕𝟏𝟓𝟖", "０７７００・９００１２３",
    "0&#49;642 527158", "0**1642** 527158", "01642\\-527158", "[ring me](tel:01642527158)",
    "text me on 527158", "tel: 496 0000", "oh one six four two, five two seven, one five eight",
    "zero seven seven double zero nine double zero one two three",
]
EMAILS = [
    "josé@exämple.com", "jane＠example.com", "Email me at jo.bloggs@example.com", "JO.BLOGGS@EXAMPLE.CO.UK",
    "jo_b+send@example.org.uk", "jo@intranet", "jo @ example.com", "jo&#64;example.com", "jo&commat;example.com",
    "ｊｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "jo﹫example.com", "jane at example dot com", "jane AT example DOT co DOT uk",
    "jane[at]example.com", "jane (at) example (dot) com", "[write to me](mailto:jane@example.com)",
    "адрес@пример.рф", "用户@例子.中国",
]
NAMES = [
    "Mrs Jane Smith, mum of Tom in Year 4 at St Mary's", "Mr Smith was very helpful", "mrs smith said no",
    "MRS SMITH", "Ms Jones", "Miss Jones in reception", "Mx Taylor", "Dr. Patel", "dr patel", "Prof Green",
    "Sir Alan", "Dame Judith", "Rev. Brown", "Revd Brown", "Cllr Jones", "Mrs J. Smith", "Mrs.Smith", "Mr Ólafsson",
    "my son Tom struggles", "my daughter, Amy, is 9", "our son called Jack", "mum of Tom", "I am a mother to Zoë",
    "Tom's mum", "Amy’s dad asked",
]
SCHOOLS_WITH_A_CHILD = [
    "Year 4 at St Mary's", "my son at Oakfield Primary School", "our daughter is in Y4 at St. John's",
    "my son at st mary's in year 3", "my son in Hedgehog Class at The Oaks Primary", "a pupil at Abbey Hill Academy",
    "my children at Holy Trinity CE", "my girl in Reception at Saint Bede's", "class 4B at Ingleby Mill Primary",
]
IDENTIFYING = ([(s, "a phone number") for s in PHONES] + [(s, "an email address") for s in EMAILS]
               + [(s, "a person's name") for s in NAMES]
               + [(s, "a school or class named with a child") for s in SCHOOLS_WITH_A_CHILD])


@pytest.mark.parametrize("said, kind", IDENTIFYING, ids=[s for s, _ in IDENTIFYING])
def test_a_comment_that_could_identify_someone_is_refused_with_the_reason(tmp_path, said, kind):
    assert refused(tmp_path, said).startswith(f"this text holds what looks like {kind} (")


@pytest.mark.parametrize("said, quoted", [
    ("Please ring 01642.527.158 after six", '("01642.527.158")'),
    ("You can call on +44 (0)1642 527158.", '("+44 (0)1642 527158")'),
    ("０１６４２ ５２７１５８", '("０１６４２ ５２７１５８")'),  # as typed, so the editor can find it
    ("Write to josé@exämple.com", '("josé@exämple.com")'),
    ("Mrs Jane Smith, mum of Tom in Year 4 at St Mary's", '("Mrs Jane Smith")'),
    ("He is in Year 4 at St Mary's", "(\"St Mary's\")"),
])
def test_the_message_quotes_what_was_found(tmp_path, said, quoted):
    assert quoted in refused(tmp_path, said)


def test_the_councils_response_must_identify_no_one_either(tmp_path):
    text = COMMENTS.replace("We added a link to it from the home page.", "Mrs Patel rang them on 01642 527158.")
    assert problems_for(tmp_path, text) == [
        "example.yaml:27:15: you_said_we_did.comments[1].we_did: this text holds what looks like a person's name "
        f'("Mrs Patel"): {RULE}']


ORDINARY = [
    "Parents told us the funding page was hard to find", "Schools can get up to £6,000 a year (Element 2)",
    "In 2024 it took 20 weeks", "My son is in Year 4 and his school says he does not need SEN support",
    "The panel met on 2026-01-15, 2026-02-12 and 15/03/2026", "Reviews happen 3 times a year",
    "We trained 120 SENCOs in 2024/25", "The High Needs block grew by £1,000,000,000 in 2025",
    "The number of requests rose from 1,020 to 1,340", "Open 08.30–12.30, 13.30–17.00, Monday to Friday",
    "The 0-25 SEND service was hard to contact", "We miss the old page", "My son has MS and autism",
    "We met parents on MS Teams", "Call 999 in an emergency", "We visited St Mary's to hear from staff",
    "My child goes to a Special School", "A Further Education College can help from age 16",
    "Camden's parent carer forum helped us write it", "The Child Development Centre was hard to reach",
    "Look at the page. Then tell us", "Meetings @ 3.30pm in the library", "Sir John Deane's College took part",
    "Parents said Mr Tumble videos helped their children learn Makaton", "Between 01.02.2026 and 03.04.2026",
    "We could not find the SENDIASS phone number.", "See https://www.example.gov.uk/local-offer/2025-report",
    "We heard from 1 in 4 schools, and 250 families answered our survey (68% said yes)",
    "A mum said the draft plan arrived after 16 weeks", "Staff work 0.5, 0.75, 0.25 or 0.5 of a week",
    "Parents of children in Year 6 asked about secondary school", "Panels sit 2024-2025 and 2025/26, 09:00–17:00",
    "We spoke to 40 families. 0 of them had heard of the Local Offer",
]


@pytest.mark.parametrize("said", ORDINARY)
def test_ordinary_comments_are_published(tmp_path, said):
    assert problems_for(tmp_path, with_comment(said)) == []


def test_the_editor_sees_one_message_and_no_traceback(tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(with_comment("Ring me on 01642-527158"), encoding="utf-8")
    result = validate(path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if "example.yaml:" in line]
    assert lines == [f'{path}:26:17: you_said_we_did.comments[1].you_said: this text holds what looks like a phone '
                     f'number ("01642-527158"): {RULE}'], result.stderr


# Any UK number, in any of the ways people punctuate and space one, and with look-alike digits.
SEPARATORS = st.sampled_from([" ", "", "-", ".", " - ", "–", "—", "\u00a0", "\u2009", "\u3000", "/", "·", "  ", ") ",
                              "_"])
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@st.composite
def uk_numbers(draw) -> str:
    digits = "0" + draw(st.sampled_from("1237")) + draw(st.text("0123456789", min_size=8, max_size=9))
    cuts = sorted(draw(st.sets(st.integers(1, len(digits) - 1), max_size=5)))
    parts = [digits[a:b] for a, b in zip([0] + cuts, cuts + [len(digits)])]
    number = parts[0] + "".join(draw(SEPARATORS) + part for part in parts[1:])
    if draw(st.booleans()):
        number = draw(st.sampled_from(["+44 ", "+44", "+44 (0)", "0044 ", "(+44) "])) + number[1:]
    return number.translate(draw(st.sampled_from([{}, WIDE, ARABIC])))


@settings(max_examples=150, deadline=None)
@given(uk_numbers(), st.sampled_from(["{}", "Ring me on {} please", "My number: {}.", "({})"]))
def test_a_phone_number_is_refused_however_it_is_punctuated(number, sentence):
    with tempfile.TemporaryDirectory() as folder:
        assert "like a phone number" in refused(Path(folder), sentence.format(number))


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 99_999_999), st.integers(2000, 2030), st.integers(1, 12), st.integers(1, 28),
       st.integers(1, 52))
def test_amounts_dates_and_counts_are_not_mistaken_for_phone_numbers(amount, year, month, day, weeks):
    said = (f"We spent £{amount:,} in {year}, from {year}-{month:02d}-{day:02d} to {day:02d}/{month:02d}/{year}, "
            f"over {weeks} weeks, {day} times, in Year {month}")
    with tempfile.TemporaryDirectory() as folder:
        assert problems_for(Path(folder), with_comment(said)) == []


# Pieces of phone numbers, addresses and names, mixed with any visible text: the loader always
# answers with nothing or one message, and never fails with an error of its own.
PIECES = st.sampled_from(["0", "+44", "(0)", "1642", " ", ".", "-", "@", "＠", "at", "dot", "Mrs", "Mr.", "St ", "'s",
                          "Year 4", "son", "Tom", "School", "&#48;", "*", "\\", "oh", "one", "2026-01-15", "08.30"])
VISIBLE_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")), max_size=8)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(PIECES, VISIBLE_TEXT), min_size=1, max_size=12).map("".join))
def test_any_comment_gets_an_answer_never_an_error(said):
    with tempfile.TemporaryDirectory() as folder:
        shown = problems_for(Path(folder), with_comment(said.strip() or "x"))
    assert shown == [] or (len(shown) == 1 and shown[0].startswith(SAID_AT)), shown


# --- Dates -----------------------------------------------------------------------------------------

def test_a_response_dated_before_its_comment_is_refused(tmp_path):
    text = COMMENTS.replace("responded: 2025-10-01", "responded: 2025-08-01")
    assert problems_for(tmp_path, text) == [
        "example.yaml:31:18: you_said_we_did.comments[2].responded: this date, 2025-08-01, is before the comment "
        "was received, on 2025-09-01: a response cannot come before its comment, so check both dates"]


def test_a_response_on_the_day_of_its_comment_is_fine(tmp_path):
    assert problems_for(tmp_path, COMMENTS.replace("responded: 2025-10-01", "responded: 2025-09-01")) == []


def test_the_real_councils_still_validate():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py")], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
