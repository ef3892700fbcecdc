"""The readability report measures every page a parent reads and names the hardest."""

import re
import subprocess
import sys

from support import ROOT, all_pages


def test_report_lists_every_page_with_a_reading_age_and_the_median(built_site):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "readability.py"), "--site", str(built_site)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    rows = re.findall(r"^\| (/\S*) \| (\d+) \| -?\d+ \| -?[\d.]+ \| (-?[\d.]+) \|$", result.stdout, re.M)
    listed = {page for page, _, _ in rows}
    assert listed == {"/" + url for url in all_pages(built_site)}
    ages = [float(age) for _, _, age in rows]
    assert ages == sorted(ages) and all(3 < age < 25 for age in ages)
    assert re.search(r"^Median reading age: [\d.]+ ", result.stdout, re.M)
    assert len(re.findall(r"^- /\S* \(reading age", result.stdout, re.M)) == 5


def test_navigation_and_sources_are_not_measured():
    sys.path.insert(0, str(ROOT / "scripts"))
    from readability import readable_text

    html = ('<article><h1>Title</h1><nav class="lo-guide-contents"><a>Overview</a></nav><p>Body text here</p>'
            '<h2 data-search-exclude id="where-this-information-comes-from">Where</h2><p>Source list</p></article>')
    assert readable_text(html) == "Title. Body text here."
