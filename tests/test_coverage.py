"""Legal coverage: the topics the SEND Regulations ask for, which each council's data backs, on the
command line and as a page on the site."""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape

from support import MINIMAL_AUTHORITY, ROOT

from macros.pages.coverage import TOPICS, coverage
from macros.data.coverage_topics import TOPIC_KEYS
from macros.data.loader import load_authorities, load_authority

AUTHORITIES, _ = load_authorities(ROOT / "authorities")


def test_one_list_of_topics_from_the_law_reference():
    assert tuple(topic.key for topic in TOPICS) == TOPIC_KEYS
    law = (ROOT / "docs" / "reference" / "local-offer-law.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| ([a-z-]+) \|", law, re.M)) - {"key"}
    assert listed - {"review"} <= set(TOPIC_KEYS), listed - set(TOPIC_KEYS)


def test_nothing_counts_unless_data_or_a_link_backs_it(tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(MINIMAL_AUTHORITY, encoding="utf-8")
    authority, _ = load_authority(path)
    by = {row.topic.key: row.by for row in coverage(authority)}
    assert by["funding"] == "data" and by["information-advice"] == "data"
    assert by["ehc-assessment"] == "" and by["travel"] == ""
    path.write_text(MINIMAL_AUTHORITY + "topic_links:\n  - topic: travel\n    url: https://www.example.gov.uk/travel\n")
    authority, problems = load_authority(path)
    assert problems == []
    travel = next(row for row in coverage(authority) if row.topic.key == "travel")
    assert (travel.by, travel.link) == ("link", "https://www.example.gov.uk/travel")


def test_the_coverage_page_shows_every_council_and_topic(built_site):
    html = (built_site / "coverage" / "index.html").read_text(encoding="utf-8")
    # A section per council (readable at 320 px with any number of councils), each with every topic.
    sections = re.findall(r'<section class="lo-side-by-side__council"[^>]*>\s*<h2[^>]*>(.*?)</h2>(.*?)</section>', html, re.S)
    assert [unescape(name) for name, _ in sections] == [a.short_name for a in AUTHORITIES]
    for authority, (_, facts) in zip(AUTHORITIES, sections):
        pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", facts, re.S)
        assert [unescape(label) for label, _ in pairs] == [topic.label for topic in TOPICS]
        expected = [{"data": "Yes, on this site", "": "Not on this site yet"}.get(found.by) for found in coverage(authority)]
        assert [re.sub(r"<[^>]+>", "", value).strip() for _, value in pairs] == expected


def test_the_script_prints_each_council_and_all_side_by_side():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "coverage.py")], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    from test_site import AUTHORITIES

    names = " | ".join(a.short_name for a in AUTHORITIES)  # every council, in the site's order
    assert f"| topic | {names} |" in result.stdout
    assert re.search(r"Trafford Council: \d+ of 16 topics covered", result.stdout)
