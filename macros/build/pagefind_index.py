"""MkDocs hook: the site's search index, built by Pagefind from the finished pages.

Pagefind reads what `overrides/main.html` marks `data-pagefind-body` on each page, leaves out what the templates mark `data-search-exclude`
(a council's quoted words, which repeat the statement above them, and notices that every council
shares), and writes `pagefind/`: an index cut into small pieces that a browser fetches only as a
search needs them, so one index serves five councils or 150 without a slower first search.
`overrides/assets/javascripts/search.js` asks it from the search box. Each page tells Pagefind its
council and kind (`overrides/main.html`), so a search on a council's page can keep to that council.

The theme's own search plugin stays in mkdocs.yml only because the theme draws its search button
and dialog when it is there (our dialog replaces its content: `overrides/partials/search.html`);
its index is never used, so its indexing is switched off (about a sixth of a large build's time)
and anything of it the theme still writes is removed rather than published.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

BUNDLE = "pagefind"
LEFT_OUT = ", ".join(["[data-search-exclude]", ".headerlink", ".lo-guide-contents"])
# Pagefind also writes ready-made search interfaces; the site has its own, so these are not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


def index(site: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE,
               "--exclude-selectors", LEFT_OUT, "--force-language", "en"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PluginError(f"the search index could not be built: {error}") from None
    if result.returncode != 0 or "Indexed 0 pages" in result.stdout:
        raise PluginError("the search index could not be built; Pagefind said:\n"
                          + (result.stderr or result.stdout).strip()[-2000:])
    for name in UNUSED:
        (site / BUNDLE / name).unlink(missing_ok=True)


def on_config(config):
    # The theme draws its search button only while its search plugin is enabled, so the plugin
    # stays enabled; its two indexing steps (read every page, write search_index.json) are taken
    # off the build's list of steps.
    theme_search = config.plugins.get("material/search")
    for event in ("page_context", "post_build"):
        steps = config.plugins.events[event]
        steps[:] = [step for step in steps if getattr(step, "__self__", None) is not theme_search]


@event_priority(-50)  # once every page is written, before safe_publish checks the new site
def on_post_build(config) -> None:
    site = Path(config.site_dir)
    # The theme's index (see above), and the search code and word lists only its index would use.
    for unused in (site / "search", site / "assets" / "javascripts" / "lunr", site / "assets" / "javascripts" / "workers"):
        shutil.rmtree(unused, ignore_errors=True)
    index(site)
