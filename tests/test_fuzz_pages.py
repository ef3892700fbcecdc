"""Property-based: whatever text a valid authority file holds, every council page built from it
keeps to the HTML allowlist and links only to https, mailto, tel or this site's own pages."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from support import html_outside_allowlist

from macros.pages.council_pages import render
from macros.data.model import Authority
from macros.pages.page_kinds import PAGE_KINDS

# Pieces of Markdown, HTML, Jinja and URL tricks an attacker would try, mixed with random text.
FRAGMENTS = [
    "[x](javascript:alert(1))", "![i](https://evil.example/i.png)", "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>", "{{ 7*191 }}", "{% raw %}", "{: onerror=alert(1) }", "<https://evil.example/>",
    "[a](//evil.example/)", "[b](/\\evil.example/)", "[c](https://a.gov.uk@evil.example/)", "&#106;avascript:",
    "\n\n# Heading\n\n", "\n\n    indented code\n\n", "\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n", "<!-- c -->",
    "\"'><", "[d](data:text/html,x)", "[e][ref]\n\n[ref]: javascript:alert(1)\n", "<iframe src=x>", "*", "_", "`",
    "[f](mailto:a@b.example?cc=evil@evil.example)", "[g](tel:+441642527158)", "[h](https://ok.gov.uk/)",
    "<svg onload=alert(1)>", "<a href='https://evil.example'>x</a>", "\\", "&amp;", "<style>*{}</style>",
]
# Characters the loader refuses (control, format, private use...) are its own tests' business.
VISIBLE = st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def _joined(fragments: list[str]):
    parts = st.one_of(st.sampled_from(fragments), st.text(VISIBLE, max_size=12))
    return st.lists(parts, min_size=1, max_size=6).map(lambda found: "".join(found).strip() or "x")


markdown = _joined(FRAGMENTS)
text = _joined([f for f in FRAGMENTS if "\n" not in f])  # plain-text fields are one line
texts = st.lists(text, max_size=3)


@st.composite
def authorities(draw) -> dict:
    step = lambda: {"title": draw(text), "body": draw(markdown)}  # noqa: E731
    return {
        "name": "Example Borough Council", "short_name": "Example", "slug": "example", "last_reviewed": "2026-01-15",
        "terminology": {"plan_name": draw(text), "support_level_names": draw(texts)},
        "terms": [{"term": draw(text), "meaning": draw(text), "stands_for": draw(text)}],
        "sen_support": {"summary": draw(markdown)},
        "transition": {"introduction": draw(markdown), "points": draw(texts)},
        "graduated_approach": {"introduction": draw(markdown), "stages": [{
            "name": draw(text), "summary": draw(markdown), "school_does": draw(texts), "parents_can_expect": draw(texts),
            "plan": "sen_support_plan", "plan_name": draw(text), "level": "sen_support", "next": "or",
            "moves": [{"direction": "up", "when": draw(text)}]}, {"name": draw(text), "summary": draw(markdown)}],
            "response_levels": [{"name": draw(text), "focus": draw(text), "includes": draw(texts)}]},
        "assess_plan_do_review": {"introduction": draw(markdown), "notes": draw(texts), "review_frequency": draw(text),
                                  "steps": {"assess": draw(markdown), "plan": draw(markdown), "do": draw(markdown),
                                            "review": draw(markdown)}},
        "expectations": {"introduction": draw(markdown), "lists": [
            {"strength": "should", "who": draw(text), "action": draw(text), "for_whom": draw(text),
             "introduction": draw(markdown), "items": [draw(text)]}]},
        "funding": {"introduction": draw(markdown), "elements": [{
            "name": draw(text), "amount": 6000, "period": draw(text), "held_by": draw(text), "pays_for": draw(text),
            "amount_is": "per_child",
            "notes": draw(texts)}], "top_up_routes": [{"name": draw(text), "description": draw(markdown),
                                               "application_must_include": draw(texts), "also_offers": draw(texts),
                                               "monitoring": draw(text), "decided_by": draw(text),
                                               "meets": draw(text), "deadlines": draw(texts), "outcomes": draw(texts),
                                               "appeal": draw(markdown), "thresholds": [{"above": 20000, "what_happens": draw(text)}]}]},
        "ehc_needs_assessment": {"introduction": draw(markdown), "who_can_ask": draw(texts), "steps": [step(), step()],
                                 "how_to_ask": [{"method": "online_form", "description": draw(text),
                                                 "url": "https://www.example.gov.uk/form"}],
                                 "possible_outcomes": [{"title": draw(text), "description": draw(markdown)}],
                                 "rights_of_appeal": draw(markdown)},
        "contacts": [{"role": "sendiass", "name": draw(text), "description": draw(text),
                      "phone": "01234 567890", "email": "sen@example.gov.uk", "web": "https://www.example.gov.uk/send",
                      "address": draw(texts), "opening_hours": draw(text)},
                     {"role": "parent_carer_forum", "name": draw(text)}],
        "faqs": [{"question": draw(text), "answer": draw(markdown)}],
        "sources": [{"title": draw(text), "url": "https://www.example.gov.uk/send", "publisher": draw(text)}],
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(authorities())
def test_every_page_of_any_valid_authority_keeps_to_the_allowlist(data):
    try:
        authority = Authority.model_validate(data)
    except ValidationError:
        # The loader's tests cover refused input: here only what would be published matters, and
        # Hypothesis fails the test if it has to throw away too many examples.
        assume(False)
    for kind in PAGE_KINDS:
        html = str(render(kind, authority))
        assert html_outside_allowlist(html) == [], (kind.key, html_outside_allowlist(html))
        assert "1337" not in html
