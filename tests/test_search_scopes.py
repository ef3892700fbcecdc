"""A site with many councils splits its search index by council (macros/build/search_scopes.py).

The home page's index has the national pages in full and every council page by its title and
headings; each council's index adds that council's pages in full. Smaller sites keep one index.
"""

from __future__ import annotations

import json
import re
import sys

from support import ROOT, build
from macros.build.search_scopes import Scopes

sys.path.insert(0, str(ROOT / "scripts"))
from search_report import ScopedSearch  # noqa: E402

FIVE = ["barking-and-dagenham", "blackburn-with-darwen", "camden", "stockton-on-tees", "trafford"]
INDEX = {
    "config": {"lang": ["en"], "separator": "[\\s\\-]+"},
    "docs": [
        {"location": "", "title": "Home", "text": "Choose your council"},
        {"location": "#choose", "title": "Choose your council", "text": "Pick one."},
        {"location": "glossary/", "title": "Glossary", "text": "Words explained"},
        {"location": "north/funding/", "title": "Funding in North", "text": "Element 2 is up to 6000", "boost": 0.5},
        {"location": "north/funding/#top-up", "title": "One Point Panel", "text": "The panel meets monthly"},
        {"location": "south/funding/", "title": "Funding in South", "text": "Notional budget", "boost": 0.5},
        {"location": "south/funding/#ask", "title": "Asking for more", "text": "Write to the SEN team"},
        {"location": "northern-ireland/", "title": "A national page whose name starts like a council's", "text": "x"},
    ],
}


def docs(text: str) -> dict[str, dict]:
    return {doc["location"]: doc for doc in json.loads(text)["docs"]}


def test_the_home_index_keeps_national_pages_whole_and_each_council_page_by_name():
    home = docs(Scopes(INDEX, frozenset({"north", "south"})).text(None))
    assert home[""]["text"] == "Choose your council" and home["#choose"]["text"] == "Pick one."
    assert home["northern-ireland/"]["text"] == "x"
    assert home["north/funding/"] == {"location": "north/funding/", "title": "Funding in North",
                                      "text": "One Point Panel", "boost": 0.5}
    assert home["south/funding/"]["text"] == "Asking for more"
    assert "north/funding/#top-up" not in home and "south/funding/#ask" not in home


def test_a_council_index_has_that_council_whole_and_the_others_by_name():
    scopes = Scopes(INDEX, frozenset({"north", "south"}))
    north = docs(scopes.text("north"))
    assert north["north/funding/#top-up"]["text"] == "The panel meets monthly"
    assert north["north/funding/"]["text"] == "Element 2 is up to 6000"
    assert north["south/funding/"]["text"] == "Asking for more" and "south/funding/#ask" not in north
    assert json.loads(scopes.text("north"))["config"] == INDEX["config"]
    # Every page can be found from every scope.
    pages = {d["location"] for d in INDEX["docs"] if "#" not in d["location"]}
    for scope in (None, "north", "south"):
        assert pages <= set(docs(scopes.text(scope)))


def test_a_split_site_gives_each_council_page_its_own_index(split_site):
    for slug in FIVE:
        scoped = docs((split_site / "search" / f"{slug}.json").read_text(encoding="utf-8"))
        assert any(loc.startswith(f"{slug}/graduated-approach/#") for loc in scoped)
        assert not any(loc.startswith(tuple(f"{other}/" for other in FIVE if other != slug)) and "#" in loc
                       for loc in scoped)
        page = (split_site / slug / "funding" / "index.html").read_text(encoding="utf-8")
        assert f'<meta name="lo-search-index" content="../../search/{slug}.json">' in page
    home = docs((split_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "stockton-on-tees/funding/" in home and not any("#" in loc for loc in home if loc.startswith("camden/"))
    assert "lo-search-index" not in (split_site / "index.html").read_text(encoding="utf-8")
    assert "lo-search-index" not in (split_site / "glossary" / "index.html").read_text(encoding="utf-8")


def test_a_split_site_still_answers_a_councils_own_questions_on_its_pages(split_site):
    searches = ScopedSearch(split_site)
    on_stockton = searches.search("stockton-on-tees").search("what must the school send to the One Point Panel")
    assert "stockton-on-tees/funding/" in on_stockton[:3]
    # From the home page, Stockton's pages are found by their headings.
    from_home = searches.search(None).search("One Point Panel")
    assert "stockton-on-tees/funding/" in from_home[:3]
    assert searches.search(None).search("Funding in Trafford")[0] == "trafford/funding/"


def test_a_small_site_keeps_one_index(built_site):
    assert sorted(p.name for p in (built_site / "search").glob("*.json")) == ["search_index.json"]
    index = docs((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(loc.startswith("camden/graduated-approach/#") for loc in index)
    assert "lo-search-index" not in (built_site / "camden" / "funding" / "index.html").read_text(encoding="utf-8")


def test_a_bad_split_setting_stops_the_build(tmp_path):
    result = build(tmp_path / "site", LOCAL_OFFER_SEARCH_SPLIT_ABOVE="twenty")
    assert result.returncode != 0
    assert re.search(r"search_split_above \(LOCAL_OFFER_SEARCH_SPLIT_ABOVE\): must be a whole number of councils",
                     result.stderr)
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_every_page_is_loaded_whole_so_it_loads_its_own_index():
    # With instant navigation, Material would keep the first page's index for every later page.
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert "navigation.instant" not in config["theme"]["features"]
