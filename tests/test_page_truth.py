"""Pages say what the law and each council say, and nothing a council did not say."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest

from support import ROOT
from test_site import SLUGS, page_text

LAW = ["within 6 weeks", "no more than 20 weeks", "First-tier Tribunal", "mediation", "in writing",
       "where your child lives"]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_councils_ehc_page_gives_the_law_beside_its_own_steps(built_site, slug):
    text = page_text(built_site, f"{slug}/ehc-needs-assessment")
    assert "The law in England" in text
    for fact in LAW:
        assert fact in text, f"{fact!r} missing from {slug}'s EHC page"
    assert "SENDIASS" in text


def test_the_council_sendiass_is_named_in_the_law_box_where_the_council_lists_one(built_site):
    law = page_text(built_site, "camden/ehc-needs-assessment").split("The law in England", 1)[1]
    assert ("Camden SENDIASS can give you information and advice about asking. It can also tell you what you can do if "
            "you disagree. See who to contact") in law
    law = page_text(built_site, "barking-and-dagenham/ehc-needs-assessment").split("The law in England", 1)[1]
    assert "every council must make sure you can get information and advice about asking" in law
    assert "SENDIASS" in law


def test_the_national_page_and_council_pages_share_one_wording():
    # The law's wording lives in one template, used by both.
    assert "6 weeks" not in (ROOT / "content" / "ehc-needs-assessment.md").read_text(encoding="utf-8")
    assert "6 weeks" not in (ROOT / "macros" / "pages" / "council" / "ehc-needs-assessment.html").read_text(encoding="utf-8")


def test_the_home_page_says_which_council_handles_what(built_site):
    text = page_text(built_site, "")
    assert "where your child's school is" in text and "where your child lives" in text


def test_every_national_page_shows_when_it_was_reviewed_and_is_next_due(built_site):
    from support import all_pages

    national = [url for url in all_pages(built_site) if url.split("/")[0] not in SLUGS]
    assert len(national) >= 7
    for url in national:
        text = page_text(built_site, url.rstrip("/"))
        assert re.search(r"Last reviewed: \d{1,2} \w+ 20\d\d Next review due: \d{1,2} \w+ 20\d\d", text), url


def test_steps_that_follow_one_another_have_no_and_between_them(built_site):
    html = (built_site / "trafford" / "graduated-approach" / "index.html").read_text(encoding="utf-8")
    assert "lo-step-by-step__connector--and" not in html


def test_stage_points_are_grouped_not_prefixed(built_site):
    text = page_text(built_site, "barking-and-dagenham/graduated-approach")
    assert "What school does" in text
    assert not re.search(r"\b(School|You): ", text), "points are grouped under a title, never prefixed"


def test_each_councils_overview_is_one_click_from_the_home_page(built_site):
    # The home page lists councils only, so it stays short at 150; the questions are on each overview.
    html = unescape((built_site / "index.html").read_text(encoding="utf-8"))
    for slug in SLUGS:
        assert f'<a href="{slug}/">' in html, f"/{slug}/ is not a link on the home page"


@pytest.mark.parametrize("start", ["trafford/", "camden/"])
def test_each_parent_question_is_one_click_from_each_overview(built_site, start):
    from macros.pages.page_kinds import TASKS

    html = unescape((built_site / start / "index.html").read_text(encoding="utf-8"))
    for question, key in TASKS:
        found = re.findall(r'<a href="([^"]+)">' + re.escape(question) + "</a>", html)
        assert found, f"{question!r} is not a link on /{start}"
        for href in found:
            target = (built_site / start / href / "index.html").resolve()
            assert target.is_file() and target.parent.name == key, href


def test_the_page_on_proposed_changes_says_they_are_not_law_and_what_has_not_changed(built_site):
    import yaml

    text = page_text(built_site, "changes-proposed")
    assert "not law yet" in text
    for proposal in ("Individual Support Plan (ISP)", "Targeted Plus", "Education for All Bill", "2029"):
        assert proposal in text
    for right in ("within 6 weeks", "no more than 20 weeks", "First-tier Tribunal", "SENDIASS"):
        assert right in text.split("What is proposed")[0], right
    front = yaml.safe_load((ROOT / "content" / "changes-proposed.md").read_text(encoding="utf-8").split("---")[1])
    assert 0 < (front["next_review_due"] - front["last_reviewed"]).days <= 92, "reviewed at least every 3 months"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_council_overview_links_to_what_may_change(built_site, slug):
    html = (built_site / slug / "index.html").read_text(encoding="utf-8")
    assert 'href="../changes-proposed/"' in html


def test_every_link_within_the_site_leads_to_a_page(built_site):
    broken = []
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'<a\b[^>]*\bhref="([^"#]*)(?:#[^"]*)?"', html):
            if not href or re.match(r"^[a-z]+:", href):
                continue
            base = built_site if href.startswith("/") else page.parent
            target = (base / unescape(href).lstrip("/")).resolve()
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(built_site)} -> {href}")
    assert not broken, broken[:20]


NOTICE = "This is not on this site yet"


@pytest.mark.parametrize("url", ["trafford/school", "camden/school", "barking-and-dagenham/school",
                                 "stockton-on-tees/graduated-approach", "camden/graduated-approach",
                                 "blackburn-with-darwen/graduated-approach", "trafford/contacts"])
def test_no_not_published_notice_where_the_council_covers_the_topic(built_site, url):
    text = page_text(built_site, url)
    before_moving_on = text.split("Moving to a new school, college or setting")[0]
    assert NOTICE not in before_moving_on, url


def test_a_notice_names_a_next_step_and_the_councils_own_site(built_site):
    text = page_text(built_site, "blackburn-with-darwen/school")
    notice = text.split(NOTICE, 1)[1][:400]
    assert "Ask your child's SENCO" in notice
    assert "Blackburn with Darwen's own Local Offer website" in notice
    # Its Local Offer contact is, in its own description, for schools' technical help: not a parent's next step.
    assert "Or ask Blackburn with Darwen Local Offer" not in notice


@pytest.mark.parametrize("url, headings", [
    ("stockton-on-tees/school", ["What your child's SENCO or teacher in Stockton-on-Tees should do",
                                 "What Stockton-on-Tees expects schools and settings to do for children on SEN support"]),
    ("camden/school", ["What schools in Camden should do"]),
    ("trafford/school", ["What early years settings, schools and colleges in Trafford must do",
                         "What SEN support in Trafford can include"]),
    ("barking-and-dagenham/school", ["What your child's school in Barking and Dagenham must do",
                                     "What your child's school in Barking and Dagenham should do"]),
    ("blackburn-with-darwen/school", ["What schools in Blackburn with Darwen must do",
                                      "What Blackburn with Darwen expects every school to have in place, at the least"]),
])
def test_each_council_keeps_its_own_must_and_should(built_site, url, headings):
    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    shown = [unescape(re.sub(r"<[^>]+>", "", h)) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]
    for heading in headings:
        assert heading in shown, shown
    if url.startswith(("stockton", "camden")):
        assert not [h for h in shown if " must " in f" {h} "], "these councils write should, not must"


def test_no_step_is_labelled_optional_unless_the_council_says_so(built_site):
    assert "(optional)" not in page_text(built_site, "trafford/graduated-approach")


def test_services_named_without_details_are_on_the_contacts_page(built_site):
    text = page_text(built_site, "trafford/contacts")
    assert "Trafford Parents Forum" in text and "Trafford SEND Information, Advice and Support Service" in text
    assert "Trafford's pages name this service. This site does not have its phone number, email or website yet." in text


def test_camdens_transition_text_is_on_its_school_page(built_site):
    text = page_text(built_site, "camden/school")
    assert "share information with the school, college or setting your child is moving to" in text
    assert "agree with you and your child what information it shares" in text


def test_blackburn_with_darwens_missing_facts_are_there(built_site):
    school = page_text(built_site, "blackburn-with-darwen/school")
    for fact in ("voice is heard and written down", "Measuring success", "SEND delegated funding"):
        assert fact in school
    assert "notional SEND budget" in page_text(built_site, "blackburn-with-darwen/funding")


def test_the_funding_page_claims_no_top_up_a_council_does_not_describe(built_site):
    text = page_text(built_site, "trafford/funding")
    assert "there is a way to ask for more money or help" not in text
    assert "the next step Trafford describes is an EHC needs assessment" in text
    assert "In Stockton-on-Tees, there is a way to ask for more money or help" in page_text(
        built_site, "stockton-on-tees/funding")


def test_council_terms_are_explained_where_they_stand(built_site):
    html = (built_site / "stockton-on-tees" / "funding" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="lo-term" href="\.\./\.\./stockton-on-tees/#term-one-point-panel"><abbr title="[^"]+">'
                     r"One Point Panel</abbr></a>", html)
    overview = (built_site / "stockton-on-tees" / "index.html").read_text(encoding="utf-8")
    assert 'id="term-one-point-panel"' in overview


def test_each_page_lists_the_sources_behind_it_with_their_publisher(built_site):
    assert "published by Camden SENDIASS" in page_text(built_site, "camden/school")
    assert "London Borough of Camden's own" not in page_text(built_site, "camden/school")


def test_no_page_dates_the_code_of_practice_to_2014(built_site):
    # The current SEND Code of Practice is from 2015; two councils' pages still say 2014.
    for page in built_site.rglob("*.html"):
        assert not re.search(r"Code of Practice,? 2014", page.read_text(encoding="utf-8")), page


def test_national_pages_claim_no_top_up_for_every_council(built_site):
    for url in ("assess-plan-do-review", "sen-support", "glossary"):
        text = page_text(built_site, url)
        assert "School may also ask the council for more money" not in text
        assert "up to an amount set by the council" not in text and "from its own resources" not in text


def test_new_national_names_fit_as_a_councils_own_terms_without_a_schema_change(tmp_path):
    from support import MINIMAL_AUTHORITY
    from macros.pages.council_pages import render
    from macros.pages.glossary import council_terms, explain_terms
    from macros.data.loader import load_authority
    from macros.pages.page_kinds import BY_KEY

    text = MINIMAL_AUTHORITY.replace("sen_support:\n", (
        "terms:\n  - term: ISP\n    stands_for: Individual Support Plan\n    meaning: The plan school writes with you.\n"
        "  - term: Targeted Plus\n    meaning: A layer of extra support.\n"
        "sen_support:\n")).replace("give extra help", "give extra help at Targeted Plus, with an ISP,")
    path = tmp_path / "example.yaml"
    path.write_text(text, encoding="utf-8")
    authority, problems = load_authority(path)
    assert problems == []
    html = explain_terms(str(render(BY_KEY["overview"], authority)), "example/", council_terms(authority))
    assert '<abbr title="Individual Support Plan">ISP</abbr>' in html
    assert 'href="../example/#term-targeted-plus"' in html


# What a reader sees, block by block (a paragraph, list item, heading or table cell each), read with
# html.parser rather than by regex over the HTML, so markup inside a sentence cannot hide a claim.
_BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "summary", "caption", "div",
           "section", "tr", "ul", "ol", "table", "details", "br"}


class _VisibleText(HTMLParser):
    """The site's own sentences: a council's words, quoted verbatim in its "In ... words" box, are
    the council's to choose, so they are left out."""

    def __init__(self, whole: bool):
        super().__init__(convert_charrefs=True)
        self.inside = 1 if whole else 0  # a rendered fragment is all content; a page's content is its <article>
        self.hidden = 0
        self.quoting = 0  # depth of <details> inside a council's words box
        self.blocks = [""]

    def handle_starttag(self, tag, attrs):
        self.inside += tag == "article"
        self.hidden += tag in ("script", "style", "template")
        if tag == "details" and (self.quoting or "lo-said" in (dict(attrs).get("class") or "")):
            self.quoting += 1
        if tag in _BLOCKS:
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.blocks.append("")
        self.inside -= tag == "article"
        self.hidden -= tag in ("script", "style", "template")
        self.quoting -= tag == "details" and self.quoting > 0

    def handle_data(self, data):
        if self.inside > 0 and not self.hidden and not self.quoting:
            self.blocks[-1] += data


def visible_blocks(html: str, whole: bool = False) -> list[str]:
    """The text a reader sees in a page's <article> (or in all of `html` if `whole`), one string per block."""
    parser = _VisibleText(whole)
    parser.feed(html)
    return [text for text in (re.sub(r"\s+", " ", block).strip() for block in parser.blocks) if text]


def _pages(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        yield page.relative_to(site).as_posix(), visible_blocks(page.read_text(encoding="utf-8"))


# The site knows only the council pages it was written from: it says what is not on this site yet.
BLAMES_THE_COUNCIL = r"\b(?:has|have)(?: not|n't|n’t) (?:yet )?published\b|\bdo(?:es)?(?: not|n't|n’t) publish\b|\bnot published\b"
# Wording the law does not support, with what the law says instead (docs/reference/local-offer-law.md).
BEYOND_THE_LAW = {
    r"\b(?:16|sixteen)\s*(?:to|-|–|—|until|and)\s*(?:25|twenty-five)\b":
        "a young person is over compulsory school age and under 25",
    r"\bfirst step (?:towards|to|on the way to)\b[^.]*\b(?:EHC ?P|EHC plan|Education, Health and Care plan)":
        "an assessment may not lead to a plan (reg 10)",
    r"\bafter (?:several|a few|many|a number of|two|three|2|3) (?:cycles|rounds)\b":
        "schools may involve specialists at any point (CoP 6.58)",
    BLAMES_THE_COUNCIL: "say it is not on this site yet",
}
# Only a council's own words may call a service free or independent; the law asks for impartial advice.
FREE_OR_INDEPENDENT = r"\bfree,? (?:and )?independent\b|\bindependent,? (?:and )?free\b"


def _council_yaml(slug: str) -> str:
    path = ROOT / "authorities" / f"{slug}.yaml"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def test_no_page_says_more_than_the_law_or_blames_a_council(built_site):
    wrong = []
    for url, blocks in _pages(built_site):
        text = " ".join(blocks)
        for pattern, instead in BEYOND_THE_LAW.items():
            wrong += [f"{url}: {m.group(0)!r} ({instead})" for m in re.finditer(pattern, text, re.I)]
        own_words = _council_yaml(url.split("/")[0])
        if not re.search(FREE_OR_INDEPENDENT, own_words, re.I):
            wrong += [f"{url}: {m.group(0)!r}" for m in re.finditer(FREE_OR_INDEPENDENT, text, re.I)]
    assert not wrong, wrong


# The passage that says who may ask for an assessment: a sentence about asking for one, and the
# sentences with it ("So can your child's school...").
_WHO_MAY_ASK = re.compile(r"\bwho (?:can|may) (?:ask|request|apply)\b|\b(?:can|may) (?:also )?(?:ask|request|apply)\b"
                          r"[^.]*\bassessment\b|\brequest an? (?:EHC )?(?:needs )?assessment\b", re.I)


def test_no_page_says_a_nursery_can_ask_for_an_ehc_needs_assessment(built_site):
    # s.36(1): the parent, the young person, or someone acting for a school or post-16 institution.
    # A nursery may tell the council about a child (CoP 9.8), but is not named as able to ask.
    passages = [(url, block) for url, blocks in _pages(built_site) for block in blocks if _WHO_MAY_ASK.search(block)]
    assert any(url == "ehc-needs-assessment/index.html" for url, _ in passages), "the law box was not found"
    assert not [(url, block) for url, block in passages if re.search(r"\bnurser(?:y|ies)\b", block, re.I)]


def test_the_law_box_says_who_may_ask_and_that_a_plan_may_not_follow(built_site):
    law = page_text(built_site, "ehc-needs-assessment").split("The law in England", 1)[1]
    assert "So can your child's school or college." in law
    assert "over compulsory school age and under 25" in law
    assert "An assessment does not always lead to a plan" in law and "within 16 weeks of the request" in law


def test_the_compare_page_says_not_on_this_site_yet_where_a_fact_is_missing(built_site):
    from macros.pages.compare import FACTS, cells
    from test_site import AUTHORITIES

    html = (built_site / "compare" / "index.html").read_text(encoding="utf-8")
    missing = 0
    for authority in AUTHORITIES:
        # Each council's section: its name, then each fact and its value.
        section = html.split(f'<section class="lo-side-by-side__council" id="council-{authority.slug}"', 1)[1]
        shown = visible_blocks(section.split("</section>", 1)[0].split(">", 1)[1], whole=True)
        assert shown[0] == authority.short_name
        labels, values = shown[1::2], shown[2::2]
        assert labels == [fact.label for fact in FACTS]
        for fact, cell, value in zip(FACTS, cells(authority), values):
            if not cell.published:
                assert value == "Not on this site yet", (authority.slug, fact.label, value)
                missing += 1
    assert missing, "a council in authorities/ is missing a fact, so the page must show one"
    text = page_text(built_site, "compare")
    assert "Not published" not in text and "Free, independent" not in text


def test_the_coverage_page_says_not_on_this_site_yet_for_a_topic_it_lacks(built_site):
    text = page_text(built_site, "coverage")
    assert "Not on this site yet" in text and "Not published" not in text


def _council_words(authority) -> list[str]:
    words = [authority.name, authority.short_name]
    for contact in authority.contacts:
        words += [contact.name, str(contact.description or ""), contact.opening_hours or "", *contact.address]
    for source in authority.sources:
        about = authority.source_page(source).about if source.file else source
        words += [about.title, about.publisher or ""]
    return sorted(filter(None, words), key=len, reverse=True)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_contacts_page_never_calls_sendiass_free_or_independent_in_its_own_words(built_site, slug):
    from test_site import AUTHORITIES

    authority = next(a for a in AUTHORITIES if a.slug == slug)
    html = (built_site / slug / "contacts" / "index.html").read_text(encoding="utf-8")
    text = " ".join(visible_blocks(html))
    for words in _council_words(authority):  # what the council's own data says may stand
        text = text.replace(" ".join(words.split()), " ")
    assert not re.search(r"\bfree\b|\bindependent", text, re.I), text
    assert "impartial" in text and "arm's length from the council" in text


def test_a_page_kind_the_council_has_no_data_for_says_not_on_this_site_yet_and_where_to_ask(tmp_path):
    from support import MINIMAL_AUTHORITY
    from macros.data.loader import load_authority
    from macros.pages.council_pages import render
    from macros.pages.page_kinds import PAGE_KINDS

    path = tmp_path / "example.yaml"
    path.write_text(MINIMAL_AUTHORITY.replace("sources:", "local_offer_url: https://www.example.gov.uk/local-offer\nsources:"),
                    encoding="utf-8")
    authority, problems = load_authority(path)
    assert problems == []
    notices = 0
    for kind in PAGE_KINDS:
        blocks = visible_blocks(str(render(kind, authority)), whole=True)
        text = " ".join(blocks)
        assert not re.search(BLAMES_THE_COUNCIL, text, re.I), (kind.key, text)
        assert not re.search(r"\bExample's pages (?:do|does) not\b", text), (kind.key, text)
        assert not re.search(r"\bfree\b|\bindependent", text, re.I), (kind.key, text)
        for at, block in enumerate(blocks):
            if block == "This is not on this site yet":
                notices += 1
                ask = blocks[at + 1]
                # A comment on the Local Offer goes to no team but a Local Offer team (Example has none).
                also = "" if kind.key == "you-said-we-did" else " Or ask Example SENDIASS"
                assert "for Example yet. Ask your child's SENCO." + also in ask, ask
                assert "Example's own Local Offer website" in ask, ask
    assert notices >= 4


def test_a_sentence_says_who_decides_top_up_only_from_decided_by(tmp_path):
    from support import MINIMAL_AUTHORITY
    from macros.data.loader import load_authority
    from macros.pages.council_pages import render
    from macros.pages.page_kinds import BY_KEY

    top_up = "  top_up_routes:\n    - name: One Point Panel\n"
    for extra, expected in (("", None), ("      decided_by: a panel of head teachers\n", "Who decides: a panel of head teachers.")):
        path = tmp_path / "example.yaml"
        path.write_text(MINIMAL_AUTHORITY.replace("contacts:", top_up + extra + "contacts:"), encoding="utf-8")
        authority, problems = load_authority(path)
        assert problems == []
        blocks = visible_blocks(str(render(BY_KEY["funding"], authority)), whole=True)
        decides = [block for block in blocks if re.search(r"\bdecides?\b", block, re.I)]
        assert decides == ([expected] if expected else []), decides


# Issue 16: sentences the three held-out councils (Doncaster, Rotherham, Lambeth) showed false.
def _rendered(tmp_path, text: str, key: str) -> list[str]:
    from macros.data.loader import load_authority
    from macros.pages.council_pages import render
    from macros.pages.page_kinds import BY_KEY

    path = tmp_path / "example.yaml"
    path.write_text(text, encoding="utf-8")
    authority, problems = load_authority(path)
    assert [p for p in problems if p.is_error] == [], problems
    return visible_blocks(str(render(BY_KEY[key], authority)), whole=True)


TWO_ROUTES = "  top_up_routes:\n    - name: School Inclusion Fund\n    - name: Early Years Inclusion Fund\n"


def test_the_funding_page_counts_its_top_up_routes_and_claims_no_who_it_does_not_give(tmp_path):
    from support import MINIMAL_AUTHORITY

    text = " ".join(_rendered(tmp_path, MINIMAL_AUTHORITY.replace("contacts:", TWO_ROUTES + "contacts:"), "funding"))
    assert "In Example, there are two ways to ask for more money or help. Each is for a child" in text
    assert "there is a way" not in text and "who can ask" not in text.lower()
    one = " ".join(_rendered(tmp_path, MINIMAL_AUTHORITY.replace("contacts:", TWO_ROUTES.rsplit("    - ", 1)[0]
                                                                 + "contacts:"), "funding"))
    assert "In Example, there is a way to ask for more money or help. It is for a child" in one


def test_a_funding_page_with_no_top_up_route_says_it_is_not_on_this_site_yet_and_whom_to_ask(tmp_path):
    from support import MINIMAL_AUTHORITY

    blocks = _rendered(tmp_path, MINIMAL_AUTHORITY, "funding")
    at = blocks.index("Top-up funding in Example")
    assert blocks[at + 1] == "This is not on this site yet"
    assert "details of how a school asks for top-up funding for Example" in blocks[at + 2]
    assert "Or ask Example SENDIASS" in blocks[at + 2]


def test_the_law_box_says_ask_in_writing_only_in_words_true_beside_a_councils_own_form(built_site):
    law = page_text(built_site, "lambeth/ehc-needs-assessment").split("The law in England", 1)[1]
    assert "by letter or email." not in law
    assert "It is best to ask in writing. This can be a letter, an email or the council's own form" in law
    heading = "Asking for an EHC needs assessment in Lambeth, and what happens next, step by step"
    assert heading in page_text(built_site, "lambeth/ehc-needs-assessment")


def test_the_councils_own_level_name_is_used_where_it_writes_send_support(tmp_path):
    from support import MINIMAL_AUTHORITY

    text = MINIMAL_AUTHORITY.replace("sen_support:\n", "terminology:\n  support_level_names: [SEND support]\nsen_support:\n")
    text = text.replace("contacts:\n", "contacts:\n  - role: sen_team\n    name: Special Needs Team\n")
    overview = _rendered(tmp_path, text, "overview")
    assert "SEND support in Example" in overview and "SEN support in Example" not in overview
    assert "The council's SEND team" in _rendered(tmp_path, text, "contacts")
    # Where the council writes SEN support, or names its team the SEN Team, the page does too.
    plain = MINIMAL_AUTHORITY.replace("contacts:\n", "contacts:\n  - role: sen_team\n    name: SEN Team\n")
    assert "SEN support in Example" in _rendered(tmp_path, plain, "overview")
    assert "The council's SEN team" in _rendered(tmp_path, plain, "contacts")


@pytest.mark.parametrize("name, spoken", [
    ("SEND team", "the SEND team"), ("Families Information Service", "the Families Information Service"),
    ("Education, Health & Care Assessment Team (EHCAT)", "the Education, Health & Care Assessment Team (EHCAT)"),
    ("Example SENDIASS", "Example SENDIASS"), ("Example Parent Voice", "Example Parent Voice"),
    ("SENDIASS", "SENDIASS"), ("The Parents and Carers Alliance", "The Parents and Carers Alliance"),
    ("Supportive Parents", "Supportive Parents"),
])
def test_a_contact_that_names_a_kind_of_service_reads_with_the(tmp_path, name, spoken):
    from support import MINIMAL_AUTHORITY
    from macros.data.loader import load_authority
    from macros.pages.council_pages import spoken_name

    path = tmp_path / "example.yaml"
    path.write_text(MINIMAL_AUTHORITY, encoding="utf-8")
    authority, _ = load_authority(path)
    assert spoken_name(name, authority) == spoken


EHC_TEAM = """\
contacts:
  - role: sen_team
    name: SEND Team
    description: The SEND team oversee asking for and writing EHC plans for children who have an EHC plan.
    phone: "01234 567891"
  - role: sendiass
    name: Example SENDIASS
    phone: "01234 567890"
"""


def test_who_to_ask_never_picks_a_team_whose_own_description_is_for_something_else(tmp_path):
    from support import MINIMAL_AUTHORITY

    text = MINIMAL_AUTHORITY.split("contacts:\n")[0] + EHC_TEAM + "sources:" + MINIMAL_AUTHORITY.split("sources:", 1)[1]
    school = " ".join(_rendered(tmp_path, text, "school"))
    assert "Or ask Example SENDIASS" in school and "SEND Team" not in school
    assert "Or ask the SEND Team" in " ".join(_rendered(tmp_path, text, "ehc-needs-assessment"))
    # A comment on the Local Offer goes to a Local Offer team, or to no team at all.
    comments = " ".join(_rendered(tmp_path, text, "you-said-we-did"))
    assert "does not say yet how to send a comment to Example. See who to contact." in comments
    assert "Ask the SEND Team" not in comments and "Ask Example SENDIASS" not in comments
    schools_only = MINIMAL_AUTHORITY.replace("    name: Example SENDIASS\n",
                                             "    name: Example SENDIASS\n    description: For schools only.\n")
    assert "Or ask" not in " ".join(_rendered(tmp_path, schools_only, "school"))


def test_the_contacts_title_promises_no_email_and_coverage_no_unreachable_sendiass(tmp_path, built_site):
    from support import MINIMAL_AUTHORITY
    from macros.data.loader import load_authority
    from macros.pages.coverage import coverage
    from test_site import title_of

    assert "phone and email" not in title_of(built_site, "rotherham/contacts")
    path = tmp_path / "example.yaml"
    path.write_text(MINIMAL_AUTHORITY.replace('    phone: "01234 567890"\n    email: sendiass@example.gov.uk\n', ""),
                    encoding="utf-8")
    authority, _ = load_authority(path)
    assert next(row.by for row in coverage(authority) if row.topic.key == "information-advice") == ""


def test_a_contact_with_two_phone_numbers_shows_both_and_a_route_its_start(tmp_path):
    from support import MINIMAL_AUTHORITY

    text = MINIMAL_AUTHORITY.replace('    phone: "01234 567890"\n', '    phone: "01234 567890"\n    more_phones: ["01234 567891"]\n')
    text = text.replace("contacts:", "  top_up_routes:\n    - name: One Point Panel\n      starts: from September 2025\n"
                                     "contacts:")
    assert "Phone 01234 567890 or 01234 567891" in " ".join(_rendered(tmp_path, text, "contacts"))
    assert "When it started or starts: from September 2025" in _rendered(tmp_path, text, "funding")


@pytest.mark.parametrize("phones, message", [
    ('    more_phones: ["01234 567891"]\n', "put the first number in phone, and only the others in more_phones"),
    ('    phone: "01234 567890"\n    more_phones: ["01234 567890"]\n', "this list repeats a phone number"),
])
def test_more_phones_without_a_first_or_repeated_gets_one_message(tmp_path, phones, message):
    from support import MINIMAL_AUTHORITY
    from macros.data.loader import load_authority

    path = tmp_path / "example.yaml"
    path.write_text(MINIMAL_AUTHORITY.replace('    phone: "01234 567890"\n', phones), encoding="utf-8")
    authority, problems = load_authority(path)
    assert authority is None and len(problems) == 1 and message in str(problems[0]), [str(p) for p in problems]
    assert "contacts[1].more_phones" in str(problems[0])


def test_doncasters_second_phone_number_is_on_its_contacts_page(built_site):
    assert "01302 737210 or 01302 737211" in page_text(built_site, "doncaster/contacts")
