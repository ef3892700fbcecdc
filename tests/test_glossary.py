"""Jargon is explained where it stands: the first use of each glossary term links to its entry."""

import re

from macros.glossary import explain_terms, load_glossary


def test_first_use_only_is_linked_with_its_meaning():
    html = explain_terms("<p>Ask the SENCO. The SENCO will help.</p>", "trafford/funding/")
    assert html.count("<abbr") == 1
    assert ('<a class="lo-term" href="../../glossary/#senco">'
            '<abbr title="special educational needs co-ordinator">SENCO</abbr></a>') in html


def test_headings_links_and_code_are_left_alone():
    html = "<h2>SENCO</h2><a href='x'>SENCO</a><pre><code>SENCO</code></pre><summary>SENCO</summary>"
    assert explain_terms(html, "x/") == html


def test_longest_term_wins_and_case_rules_hold():
    html = explain_terms("<p>An EHC plan, not ehcp nor sen, but SEN Support.</p>", "")
    assert '<abbr title="Education, Health and Care plan">EHC plan</abbr>' in html
    assert ">ehcp<" not in html and ">sen<" not in html
    assert 'href="glossary/#sen-support"' in html


def test_tooltips_are_escaped_and_html_stays_balanced():
    html = explain_terms("<p>A provision map &amp; a one page profile.</p>", "a/b/")
    assert html.count("<a ") == html.count("</a>") == 2
    assert '"' not in re.findall(r'title="([^"]*)"', html)[0]


def test_every_glossary_anchor_exists_on_the_glossary_page(built_site):
    glossary = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    for entry in load_glossary():
        assert f'id="{entry["id"]}"' in glossary, entry["term"]


def test_a_council_page_explains_senco_and_links_to_the_glossary(built_site):
    html = (built_site / "trafford" / "school" / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<a class="lo-term" href="([^"]+)"><abbr title="([^"]+)">SENCO</abbr></a>', html)
    assert link, "SENCO is not explained on Trafford's school page"
    assert link.group(1) == "../../glossary/#senco"
    assert link.group(2) == "special educational needs co-ordinator"
