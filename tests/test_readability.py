"""The readability report measures the words this site writes on every page, names the hardest,
checks the aims (median 9 or under, no page above 12), and gives the council's quoted words a figure
of their own."""

import re
import subprocess
import sys

from support import ROOT, all_pages

sys.path.insert(0, str(ROOT / "scripts"))
import readability  # noqa: E402
from readability import quoted_text, readable_text  # noqa: E402

SCRIPT = str(ROOT / "scripts" / "readability.py")
ROW = re.compile(r"^\| (/\S*) \| (\d+) \| -?\d+ \| -?[\d.]+ \| (-?[\d.]+) \|$", re.M)


def _run(*args):
    return subprocess.run([sys.executable, SCRIPT, *map(str, args)], capture_output=True, text=True, timeout=180)


def test_report_lists_every_page_with_a_reading_age_the_median_and_the_aims(built_site):
    result = _run("--site", built_site)
    assert result.returncode == 0, result.stderr
    rows = ROW.findall(result.stdout)
    listed = {page for page, _, _ in rows}
    import textstat

    measurable = {"/" + url for url in all_pages(built_site) if textstat.lexicon_count(
        readable_text((built_site / url / "index.html").read_text(encoding="utf-8"))) >= readability.MINIMUM_WORDS}
    assert listed == measurable and len(listed) > 200
    ages = [float(age) for _, _, age in rows]
    assert ages == sorted(ages) and all(3 < age < 25 for age in ages)
    assert re.search(r"^Median reading age: [\d.]+ \((meets|misses) the aim of 9 or under\)", result.stdout, re.M)
    above = [age for age in ages if age > 12]
    if above:
        assert f"Pages above 12: {len(above)} (misses the aim of none):" in result.stdout
    else:
        assert "Pages above 12: none (meets the aim of none)." in result.stdout
    assert len(re.findall(r"^- /\S* \(reading age", result.stdout, re.M)) == 5 + len(above)
    # The council's own words get a figure of their own, and are said not to count above.
    assert re.search(r"^The council's own words \(the quotes under statements, verbatim, not counted above\): "
                     r"median reading age [\d.]+ across \d+ pages", result.stdout, re.M)


def test_navigation_sources_and_ways_to_reach_a_service_are_not_measured():
    html = ('<article><h1>Title</h1><nav class="lo-guide-contents"><a>Overview</a></nav><p>Body text here</p>'
            '<dl class="lo-contact__ways"><div><dt>Phone</dt><dd><a href="tel:+441">01 234</a></dd></div></dl>'
            '<p>Email <a href="mailto:a@b.gov.uk">a@b.gov.uk</a> or see <a href="https://www.b.gov.uk/x">www.b.gov.uk/x</a></p>'
            '<h2 data-search-exclude id="where-this-information-comes-from">Where</h2><p>Source list</p></article>')
    assert readable_text(html) == "Title. Body text here. Email or see ."


def test_the_councils_quoted_words_are_measured_apart_from_ours():
    html = ('<article><p>Schools should help.</p><details class="lo-said" data-search-exclude>'
            '<summary class="lo-said__summary">In Camden\'s words</summary><div class="lo-said__body">'
            '<blockquote class="lo-said__quote"><p>Schools should take action to remove barriers.</p></blockquote>'
            '<p class="lo-said__source">From <a href="https://x.gov.uk/">SEN Support</a>, updated 1 May 2025.</p>'
            '</div></details><p>Ask the SENCO.</p></article>')
    assert readable_text(html) == "Schools should help. Ask the SENCO."
    assert quoted_text(html) == "Schools should take action to remove barriers."


def test_a_number_or_an_address_does_not_end_a_sentence():
    text = readable_text("<article><p>It was £1.5m in version 2.2 for you. Write to sen@bristol.gov.uk today.</p></article>")
    assert text == "It was £15m in version 22 for you. Write to address today."


def _site(tmp_path, pages: dict[str, str]):
    for url, body in pages.items():
        folder = tmp_path / url
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(f"<html><body><article><h1>Page</h1>{body}</article></body></html>",
                                           encoding="utf-8")
    return tmp_path


EASY = "<p>" + "The cat sat on the mat. We like the sun. " * 6 + "</p>"
HARD = "<p>" + ("Notwithstanding considerable institutional heterogeneity, multidisciplinary organisational "
                "accountability frameworks necessitate comprehensive, evidence-informed interventions. ") * 4 + "</p>"


def test_check_fails_when_a_page_is_above_12_and_passes_when_all_are_easy(tmp_path):
    easy = _site(tmp_path / "easy", {"": EASY, "a/": EASY, "b/": EASY})
    result = _run("--site", easy, "--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Pages above 12: none (meets the aim of none)." in result.stdout

    hard = _site(tmp_path / "hard", {"": EASY, "a/": EASY, "b/": HARD})
    result = _run("--site", hard, "--check")
    assert result.returncode == 1
    assert "Pages above 12: 1 (misses the aim of none):\n- /b/ (reading age" in result.stdout
    assert _run("--site", hard).returncode == 0, "without --check the report never fails"


def test_check_fails_when_the_median_is_above_9(tmp_path):
    middling = "<p>" + "Every council must publish information about its Local Offer for families. " * 5 + "</p>"
    site = _site(tmp_path, {"": middling, "a/": middling, "b/": EASY})
    result = _run("--site", site, "--check")
    assert result.returncode == 1
    assert re.search(r"Median reading age: [\d.]+ \(misses the aim of 9 or under\)", result.stdout)


def test_a_folder_that_is_not_a_built_site_gets_one_clear_message(tmp_path):
    result = _run("--site", tmp_path / "nothing-here")
    assert result.returncode == 1
    assert result.stderr.strip() == f"{tmp_path / 'nothing-here'}: not a built site (no index.html); build one with mkdocs build"
    assert "Traceback" not in result.stderr
