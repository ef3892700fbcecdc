"""Pages say what the law and each council say, and nothing a council did not say."""

from __future__ import annotations

import re
from html import unescape

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
    assert "Camden SENDIASS can help you ask, and help if you disagree: see who to contact" in law
    law = page_text(built_site, "barking-and-dagenham/ehc-needs-assessment").split("The law in England", 1)[1]
    assert "every council has a SENDIASS" in law


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


@pytest.mark.parametrize("start", ["", "trafford/", "camden/"])
def test_each_parent_question_is_one_click_from_the_home_page_and_each_overview(built_site, start):
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


NOTICE = "has not published this yet"


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
    assert "Ask your child's SENCO" in notice and "Blackburn with Darwen Local Offer" in notice
    assert "Blackburn with Darwen's own Local Offer website" in notice


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
    assert "Trafford's pages name this service but do not give its phone number, email or website" in text


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
    assert "the school can ask the council for more" not in text
    assert "the next step Trafford describes is an EHC needs assessment" in text
    assert "In Stockton-on-Tees, if your child needs more help" in page_text(built_site, "stockton-on-tees/funding")


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
