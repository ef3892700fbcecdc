"""'You said, we did' (regulation 56): comments and responses, newest first, identifying no one;
where a council has published none, the page says so and says how to comment."""

from __future__ import annotations

import re

import pytest

from support import MINIMAL_AUTHORITY
from test_bad_input import validate
from test_site import SLUGS, page_text

from macros.council_pages import render
from macros.coverage import coverage
from macros.loader import load_authority
from macros.page_kinds import BY_KEY

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
    assert "has not published this yet" in text
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
    assert "We did (1 October 2025)" in html and "has not published this yet" not in html
    assert 'href="https://www.example.gov.uk/local-offer/feedback"' in html
    topic = next(row for row in coverage(authority) if row.topic.key == "you-said-we-did")
    assert topic.by == "data"


@pytest.mark.parametrize("said", ["Email me at jo.bloggs@example.com", "Ring me on 07700 900123"])
def test_a_comment_that_could_identify_someone_is_refused(tmp_path, said):
    path = tmp_path / "example.yaml"
    path.write_text(COMMENTS.replace("The funding page was hard to find.", said), encoding="utf-8")
    result = validate(path)
    assert result.returncode == 1
    assert "you_said_we_did.comments[1].you_said: this text holds an email address or phone number" in result.stderr
