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
    assert "6 weeks" not in (ROOT / "macros" / "pages" / "ehc-needs-assessment.html").read_text(encoding="utf-8")


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
    from macros.page_kinds import TASKS

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
