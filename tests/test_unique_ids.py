"""Every id on a page is that page's only one, and never a bare prefix, so every link to a part of a
page (the contents, "skip to content", a term's explanation) lands on the part it names."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urlsplit

import pytest

from support import MINIMAL_AUTHORITY, build, build_one


class Anchors(HTMLParser):
    """A page's ids, the ids its aria attributes name, and the addresses of its links."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.labelled_by: list[str] = []
        self.hrefs: list[str] = []
        self.headings: list[str] = []  # the ids of the page's h1 and h2, which its contents list
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2") and dict(attrs).get("id"):
            self.headings.append(dict(attrs)["id"])
        for name, value in attrs:
            if name == "id":
                self.ids.append(value or "")
            elif name in ("aria-labelledby", "aria-describedby", "aria-controls"):
                self.labelled_by += (value or "").split()
            elif name == "href" and value is not None:
                self.hrefs.append(value)

    handle_startendtag = handle_starttag


def pages(site: Path) -> dict[str, Anchors]:
    """Every HTML page, by its address on the site ("" for the home page, "example/faqs/" ...)."""
    found = {}
    for path in site.rglob("*.html"):
        url = path.relative_to(site).as_posix().removesuffix("index.html")
        found[url] = Anchors(path.read_text(encoding="utf-8"))
    return found


def id_problems(site: Path) -> list[str]:
    problems = []
    for url, page in sorted(pages(site).items()):
        for anchor, count in Counter(page.ids).items():
            if count > 1:
                problems.append(f"{url or '/'}: id {anchor!r} is used {count} times")
            if not anchor or anchor.endswith("-"):
                problems.append(f"{url or '/'}: empty id {anchor!r}")
    return problems


def broken_fragments(site: Path) -> list[str]:
    """Every link to a part of a page of this site (#..., or ../page/#...) whose id is not there,
    and every aria attribute that names an id the page does not have."""
    everything = pages(site)
    problems = []
    for url, page in sorted(everything.items()):
        for href in page.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or parts.path.startswith("/") or not parts.fragment:
                continue
            target = url
            if parts.path:
                folder = url if url.endswith("/") or not url else url.rsplit("/", 1)[0] + "/"
                target = normpath(folder + parts.path).removesuffix("index.html").strip("/")
                target = "" if target == "." else target + "/"
            if target not in everything:
                continue  # a missing page is tests/test_page_truth.py's to find
            if unquote(parts.fragment) not in everything[target].ids:
                problems.append(f"{url or '/'}: {href} names no id on {target or '/'}")
        for anchor in page.labelled_by:
            if anchor not in page.ids:
                problems.append(f"{url or '/'}: an aria attribute names {anchor!r}, which is not on the page")
    return problems


@pytest.fixture(scope="module")
def real_site(built_site) -> Path:
    return built_site  # the session's build of the real authorities/ (conftest.py)


def test_every_id_on_the_real_site_is_unique_and_not_empty(real_site):
    assert id_problems(real_site) == []


def test_every_link_to_part_of_a_page_on_the_real_site_finds_it(real_site):
    assert broken_fragments(real_site) == []


def test_the_real_councils_keep_their_ids(real_site):
    # Links from other sites, and the tests, use these: only repeats and empty ids change.
    contacts = pages(real_site)["trafford/contacts/"].ids
    assert "contact-trafford-parents-forum" in contacts
    assert "term-one-point-panel" in pages(real_site)["stockton-on-tees/"].ids


REPEATS = MINIMAL_AUTHORITY.replace("sen_support:\n", """\
terms:
  - term: Πλάνο Υποστήριξης
    meaning: A plan, in Greek.
  - term: План поддержки
    meaning: A plan, in Russian.
  - term: 支持计划
    meaning: A plan, in Chinese.
  - term: Café
    meaning: A place to meet, written with an accent.
  - term: Cafe
    meaning: The same word without one.
  - term: "1"
    meaning: A term whose slug is the first fallback.
sen_support:
""").replace("contacts:\n", """\
contacts:
  - role: other
    name: Example SENDIASS
    description: A second service with the first one's name.
    phone: "01234 567891"
  - role: other
    name: Родительский форум
    description: A forum named only in Cyrillic.
  - role: other
    name: 家长论坛
    description: A forum named only in Chinese.
""") + """\
faqs:
  - question: What is a Πλάνο Υποστήριξης?
    answer: Ask about the Πλάνο Υποστήριξης, the План поддержки, the 支持计划 and the Café.
  - question: What is a Πλάνο Υποστήριξης?
    answer: The same question, asked twice. Also the Cafe and 1.
graduated_approach:
  stages:
    - name: Support
      summary: The first stage.
    - name: Support
      summary: A second stage with the same name.
    - name: Поддержка
      summary: A stage named in Cyrillic.
ehc_needs_assessment:
  steps:
    - title: Ask
      body: The first step.
    - title: Ask
      body: The same step name again.
  possible_outcomes:
    - title: Yes
    - title: Yes
"""


@pytest.fixture(scope="module")
def repeats_site(tmp_path_factory) -> Path:
    result, site = build_one(tmp_path_factory.mktemp("ids-repeats"), REPEATS)
    assert result.returncode == 0, result.stderr
    return site


def test_repeated_and_non_latin_names_give_unique_ids(repeats_site):
    assert id_problems(repeats_site) == []


def test_every_link_to_a_repeated_or_non_latin_name_finds_it(repeats_site):
    assert broken_fragments(repeats_site) == []


def test_the_first_of_each_name_keeps_its_id_and_the_rest_are_numbered(repeats_site):
    everything = pages(repeats_site)
    contacts = [i for i in everything["example/contacts/"].ids if i.startswith("contact-")]
    assert contacts == ["contact-example-sendiass", "contact-2", "contact-3", "contact-example-sendiass-2"]
    terms = [i for i in everything["example/"].ids if i.startswith("term-")]
    assert terms == ["term-1", "term-2", "term-3", "term-cafe", "term-cafe-2", "term-1-2"]


def test_links_to_non_latin_terms_reach_their_explanations(repeats_site):
    # The FAQ answers use the terms: each first use links to its own entry on the overview.
    hrefs = pages(repeats_site)["example/faqs/"].hrefs
    for anchor in ("term-1", "term-2", "term-3", "term-cafe", "term-cafe-2", "term-1-2"):
        assert f"../../example/#{anchor}" in hrefs, anchor


def test_each_council_pages_contents_link_to_its_headings_in_order(repeats_site):
    # page.toc (council_pages.toc_tokens) is read from the HTML, so a renumbered heading is in the
    # contents by its new id; "Skip to content" goes to the h1.
    for url, page in pages(repeats_site).items():
        if url.startswith("example/"):
            contents = [href[1:] for href in page.hrefs if href.startswith("#") and href[1:] in page.headings]
            assert list(dict.fromkeys(contents)) == page.headings, url


def test_a_single_council_named_like_a_home_page_heading_keeps_the_home_pages_ids_unique(tmp_path):
    authorities = tmp_path / "authorities"
    authorities.mkdir()
    slug = "learn-about-sen-support"  # the id of a heading on the home page
    (authorities / f"{slug}.yaml").write_text(MINIMAL_AUTHORITY.replace("slug: example", f"slug: {slug}"), encoding="utf-8")
    result = build(tmp_path / "site", LOCAL_OFFER_AUTHORITIES_DIR=str(authorities))
    assert result.returncode == 0, result.stderr
    assert id_problems(tmp_path / "site") == [] and broken_fragments(tmp_path / "site") == []
