"""Compare councils: the same facts side by side, each linked to the page it comes from, never
blank or guessed, and the same table as CSV."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

from test_site import AUTHORITIES

from macros.pages.compare import FACTS, NOT_PUBLISHED, cells


def test_the_page_shows_every_fact_for_every_council_linked_to_its_source(built_site):
    html = (built_site / "compare" / "index.html").read_text(encoding="utf-8")
    headers = [unescape(h) for h in re.findall(r'<th scope="col">(.*?)</th>', html)]
    assert headers[1:] == [a.short_name for a in AUTHORITIES]
    rows = re.findall(r'<tr>\s*<th scope="row">(.*?)</th>(.*?)</tr>', html, re.S)
    assert [unescape(label) for label, _ in rows] == [fact.label for fact in FACTS]
    for index, (_, row) in enumerate(rows):
        shown = [(href, unescape(text)) for href, text in re.findall(r'<td [^>]*><a href="([^"]+)">(.*?)</a></td>', row)]
        expected = [cells(a)[index] for a in AUTHORITIES]
        assert [text for _, text in shown] == [cell.text for cell in expected]
        assert [href for href, _ in shown] == ["../" + cell.page for cell in expected]
        assert all(text.strip() for _, text in shown), "never blank"


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
