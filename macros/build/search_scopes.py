"""MkDocs hook: on a site with many councils, each council's pages search their own council.

Material writes one search index for the whole site, and the browser indexes all of it before
the first search shows anything: with 150 councils that is about 3 MB and half a second. A
parent searches from where they are: the home page before choosing a council, or their own
council's pages. So on a site with more councils than `extra.local_offer.search_split_above`
(mkdocs.yml), after Material has written `search/search_index.json`:

- `search/search_index.json` (the home page and the other national pages) keeps the national
  pages in full, and each council page as one entry: its title, with its headings as its text;
- `search/<slug>.json` (that council's pages) is the same with that council's pages in full.

Every page can still be found from anywhere by its title or a heading ("Funding in Trafford",
"One Point Panel"). A council page names its index in `<meta name="lo-search-index">`
(`overrides/main.html`), and `overrides/assets/javascripts/search_scope.js` sends Material's
request for the index there.

Smaller sites keep Material's one index: it loads quickly, and a search there ranks pages against
every council's text, which ranks better than against a split index (benchmarks/README.md).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from macros.data import site_data

def split_above(config) -> int:
    return int((config["extra"].get("local_offer") or {}).get("search_split_above", 40))  # checked by settings.apply


def is_split(config) -> bool:
    return len(site_data.CURRENT.authorities) > split_above(config)


def scope_file(slug: str | None) -> str:
    """The index a council's pages load, or with None the one the national pages load."""
    return f"search/{slug}.json" if slug else "search/search_index.json"


def by_name(docs: list[dict]) -> dict:
    """A council page as other scopes see it: its title, with its headings as its only text."""
    page, sections = docs[0], docs[1:]
    return {**page, "text": " ".join(section["title"] for section in sections)}


def council_of(location: str, slugs: frozenset[str]) -> str | None:
    first = location.split("/", 1)[0]
    return first if first in slugs and "/" in location else None


def pages_of(index: dict, slugs: frozenset[str]) -> list[tuple[str | None, list[dict]]]:
    """The index's entries grouped by page, in order, each page with its council (None if national)."""
    pages: list[tuple[str | None, list[dict]]] = []
    for doc in index["docs"]:
        if "#" in doc["location"] and pages:
            pages[-1][1].append(doc)
        else:
            pages.append((council_of(doc["location"], slugs), [doc]))
    return pages


def as_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Scopes:
    """Each scope's index as JSON text. Every page is serialised once, in full and by name, and each
    scope joins them, because serialising 150 indexes one by one takes longer than the build."""

    def __init__(self, index: dict, slugs: frozenset[str]) -> None:
        self.head = as_json({key: value for key, value in index.items() if key != "docs"})[:-1]
        self.pages = [(council, ",".join(as_json(doc) for doc in docs),
                       as_json(by_name(docs)) if council else None) for council, docs in pages_of(index, slugs)]

    def text(self, full: str | None) -> str:
        """The index with each page of every council but `full` as one entry, found by name."""
        docs = ",".join(whole if council is None or council == full else named
                        for council, whole, named in self.pages)
        return f'{self.head},"docs":[{docs}]}}'


def on_page_context(context, page, config, nav):
    slug = page.meta.get("authority_slug")
    if slug and is_split(config):
        page.meta["search_index"] = scope_file(slug)
    return context


# After Material's search plugin (priority 0) has written the whole-site index.
@event_priority(-50)
def on_post_build(config) -> None:
    site = Path(config["site_dir"])
    if not is_split(config) or not (site / scope_file(None)).exists():
        return
    slugs = frozenset(authority.slug for authority in site_data.CURRENT.authorities)
    scopes = Scopes(json.loads((site / scope_file(None)).read_text(encoding="utf-8")), slugs)
    for scope in [*sorted(slugs), None]:  # the whole-site index is read above, so it is replaced last
        (site / scope_file(scope)).write_text(scopes.text(scope), encoding="utf-8")
