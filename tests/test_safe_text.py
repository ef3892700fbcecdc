"""The quick check for refused characters finds exactly what the character-by-character rule finds."""

from hypothesis import given, settings
from hypothesis import strategies as st

from macros.data.safe_text import first_refused, is_refused


def slowly(text: str) -> int:
    return next((i for i, ch in enumerate(text) if is_refused(ch)), -1)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=40))
def test_agrees_with_the_rule_on_any_text(text):
    assert first_refused(text) == slowly(text)


def test_finds_hidden_characters_where_they_are():
    assert first_refused("Call 0161 912 1234") == -1
    assert first_refused("Tab\there and\r\nnew lines") == -1
    assert first_refused("bell\x07") == 4
    assert first_refused("right\u202eto left") == 5
    assert first_refused("zero\u200bwidth \x01") == 4
    assert first_refused("café \x7f") == 5
    assert first_refused("\ufffe") == 0
