"""Jargon is explained where it stands: the first use of each glossary term links to its entry."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from macros.pages.glossary import explain_terms, load_glossary


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


# Words a council could well define that are also the names inside HTML: of references (&lt; &amp;
# &#39; &#34; &quot; &#x27; &gt; &nbsp;), of attributes and of tags.
MARKUP_WORDS = ["lt", "amp", "39", "34", "quot", "x27", "gt", "nbsp", "href", "class", "span", "rel", "abbr"]
SUMMARY = ("Schools in Example say 1 < 2 & it's \"fine\": lt, amp, 39, 34, quot, x27, gt, nbsp, href, class, "
           "span, rel and abbr are words here. See [the class page](https://www.example.gov.uk/span?a=1&b=2).")
SUMMARY_SHOWN = SUMMARY.replace("[the class page](https://www.example.gov.uk/span?a=1&b=2)", "the class page")
DESCRIPTION = "It's <free> & \"open\" to all, say lt & amp: 39 < 34 > quot, x27's gt, nbsp, span and href."


def markup_words_site(tmp_path):
    import json

    from support import MINIMAL_AUTHORITY, build_one

    terms = "".join(f"  - term: {json.dumps(word)}\n    meaning: {json.dumps('The word ' + word + ', explained.')}\n"
                    for word in MARKUP_WORDS)
    text = (MINIMAL_AUTHORITY
            .replace("sen_support:\n  summary: Schools in Example give extra help to children who need it.\n",
                     f"terms:\n{terms}sen_support:\n  summary: {json.dumps(SUMMARY)}\n")
            .replace("    phone: \"01234 567890\"\n", f"    description: {json.dumps(DESCRIPTION)}\n    phone: \"01234 567890\"\n"))
    result, site = build_one(tmp_path, text)
    assert result.returncode == 0, result.stderr
    return site


def test_terms_named_like_html_never_break_the_text_or_the_markup(tmp_path):
    from support import article_html
    from test_components import Tree

    site = markup_words_site(tmp_path)
    for url, shown in (("example", SUMMARY_SHOWN), ("example/contacts", DESCRIPTION)):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        root = Tree(article_html(html)).root  # well formed: every tag closes the element it opened
        (paragraph,) = [p for p in root.all("p") if p.text().startswith(shown[:20])]
        # A reader sees exactly what the editor wrote: no reference broken into "&#" and "39;".
        assert paragraph.text() == shown
        # Each word is still explained where it stands in the text, and only there.
        explained = {abbr.text(): abbr.attrs["title"] for abbr in paragraph.all("abbr")}
        assert explained == {word: f"The word {word}, explained." for word in MARKUP_WORDS if f" {word}" in shown}
        for link in paragraph.all("a", class_="lo-term"):
            assert link.attrs["href"].startswith("../") and "#term-" in link.attrs["href"]
        # Nor inside a tag: no attribute of any element gained a link.
        for node in root.all():
            assert not any("<" in (value or "") for value in node.attrs.values()), node.attrs
            assert node.attrs.get("class") != "lo-term" or node.tag == "a", node.tag
    summary = Tree(article_html((site / "example" / "index.html").read_text(encoding="utf-8"))).root
    assert [a.attrs["href"] for a in summary.all("a") if a.text() == "the class page"] == [
        "https://www.example.gov.uk/span?a=1&b=2"]


def test_terms_are_found_in_text_only_never_in_references_tags_or_comments():
    terms = tuple({"term": word, "stands_for": None, "meaning": f"The word {word}.", "id": f"term-{word}",
                   "href": f"x/#term-{word}"} for word in MARKUP_WORDS)
    html = ('<p title="a > span class &lt; b">A &lt;b&gt; &#39;&#x27;&quot;&nbsp;&amp;</p>'
            "<!-- lt > amp --><script>if (a<b) { span() }</script><style>p > span { }</style>"
            "<svg><title>span</title></svg><abbr/>class<p>caf&eacute;span</p>")
    assert explain_terms(html, "x/", terms) == html
    # A reference is one character of the text: a term beside one is found, and the reference kept.
    assert explain_terms("<p>&lt;span&gt; it&#39;s rel</p>", "x/", terms) == (
        '<p>&lt;<a class="lo-term" href="../x/#term-span"><abbr title="The word span.">span</abbr></a>&gt; it&#39;s '
        '<a class="lo-term" href="../x/#term-rel"><abbr title="The word rel.">rel</abbr></a></p>')


def _shown(html: str) -> str:
    from test_components import Tree

    return Tree(html).root.text()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKUP_WORDS + ["SENCO", "&", "<", ">", "'", '"', "#", ";", "x", " ", "é", "-"]),
                max_size=30).map("".join))
def test_whatever_an_editor_writes_reads_the_same_once_terms_are_explained(text):
    from markupsafe import escape as jinja_escape

    from macros.pages.safe_html import markdown_html

    terms = tuple({"term": word, "stands_for": None, "meaning": f"The word {word}.", "id": f"term-{word}",
                   "href": f"x/#term-{word}"} for word in MARKUP_WORDS)
    for html in (f"<p>{jinja_escape(text)}</p>", str(markdown_html(text))):
        assert _shown(explain_terms(html, "x/", terms)) == _shown(html)
