"""Compare councils: the same facts side by side, each linked to the page it comes from, never
blank or guessed, and the same table as CSV."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

from test_site import AUTHORITIES

from macros.pages.compare import FACTS, NOT_PUBLISHED, cells


SECTION = re.compile(r'<section class="lo-side-by-side__council" id="council-([^"]+)"[^>]*>\s*<h2[^>]*>(.*?)</h2>(.*?)</section>', re.S)
FACT = re.compile(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", re.S)


def text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html)).strip()


def sections(html: str) -> list[tuple[str, str, list[tuple[str, str | None, str]]]]:
    """Each council's section of the compare page: its slug, its heading, and each fact's label, link and text."""
    found = []
    for slug, name, body in SECTION.findall(html):
        facts = []
        for label, value in FACT.findall(body):
            link = re.fullmatch(r'<a href="([^"]+)">(.*?)</a>', value.strip(), re.S)
            facts.append((text(label), link.group(1) if link else None, text(value)))
        found.append((slug, text(name), facts))
    return found


def test_the_page_shows_every_fact_for_every_council_linked_to_its_source(built_site):
    html = (built_site / "compare" / "index.html").read_text(encoding="utf-8")
    shown = sections(html)
    # A section per council, named as parents know it, so any number of councils fits a phone.
    assert [(slug, name) for slug, name, _ in shown] == [(a.slug, a.short_name) for a in AUTHORITIES]
    for authority, (_, _, facts) in zip(AUTHORITIES, shown):
        expected = cells(authority)
        assert [label for label, _, _ in facts] == [fact.label for fact in FACTS]
        assert [value for _, _, value in facts] == [cell.text for cell in expected]
        assert [href for _, href, _ in facts] == ["../" + cell.page for cell in expected]
        assert all(value for _, _, value in facts), "never blank"
    # The choice of councils to put side by side is offered, for councils.js to fill in.
    assert 'class="lo-side-by-side lo-side-by-side--choose"' in html and "lo-side-by-side__picker" in html


def test_facts_say_what_the_council_says_or_that_they_are_not_on_this_site_yet():
    trafford = dict(zip((f.label for f in FACTS), (c.text for c in cells(next(a for a in AUTHORITIES if a.slug == "trafford")))))
    assert trafford["Funding for a child's SEN support"] == "Up to £6,000 for each child (Element 2)"
    assert trafford["Least number of Assess, Plan, Do, Review cycles"] == (
        "Schools need to go round the Assess, Plan, Do, Review cycle at least 2 times with Element 2 funding")
    assert trafford["Top-up funding"] == NOT_PUBLISHED == "Not on this site yet"
    stockton = dict(zip((f.label for f in FACTS), (c.text for c in cells(next(a for a in AUTHORITIES if a.slug == "stockton-on-tees")))))
    assert stockton["Top-up funding"] == "One Point Panel: no EHC needs assessment needed"
    assert stockton["Information, advice and support (SENDIASS)"] == "SENDIASS: 01642 527158, SENDIASS@stockton.gov.uk"


def test_the_csv_is_the_same_table(built_site):
    rows = list(csv.reader(io.StringIO((built_site / "data" / "compare.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["Council", *(fact.label for fact in FACTS)]
    assert rows[1:] == [[a.name, *(cell.text for cell in cells(a))] for a in AUTHORITIES]
