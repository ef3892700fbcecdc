"""MkDocs hooks: check the authority data before anything is built, then add each
authority's pages to the site from the page-kind templates in macros/pages/.

Nothing generated is written to the repository: the pages exist only inside the build.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import site_data  # noqa: E402
from macros.glossary import explain_terms  # noqa: E402
from macros.page_kinds import PAGE_KINDS  # noqa: E402

log = logging.getLogger("mkdocs.local_offer")


@event_priority(100)  # before the macros plugin, which reads the data this loads
def on_config(config):
    data = site_data.load_site_data(Path(config.config_file_path).parent, config.extra)
    if data.problems:
        for problem in data.problems:
            log.error(str(problem))
        count = len(data.problems)
        raise PluginError(f"{count} problem{'s' if count != 1 else ''} in the authority files: nothing was published. "
                          "Fix each one above, then build again.")
    site_data.CURRENT = data
    return config


def page_source(kind, authority) -> str:
    # Only trusted text goes into the page source: the template, ids, and a title
    # made from a name the model has limited to plain characters. All other editor
    # text reaches the page through the macros, escaped.
    title = json.dumps(kind.title.format(place=authority.short_name))  # a JSON string is valid YAML
    front_matter = f"---\ntitle: {title}\nauthority_slug: {authority.slug}\npage_kind: {kind.key}\nsearch:\n  boost: {kind.search_boost}\n---\n\n"
    # An include, not the template's text: Jinja then compiles each page kind once per build,
    # not once per council.
    return front_matter + f'{{% include "{kind.template.name}" %}}\n'



def on_files(files: Files, config) -> Files:
    for authority in site_data.CURRENT.authorities:
        for kind in PAGE_KINDS:
            files.append(File.generated(config, kind.src_uri(authority.slug), content=page_source(kind, authority)))
    return files


def on_page_content(html: str, page, config, files) -> str:
    return explain_terms(html, page.url)
