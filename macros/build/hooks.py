"""MkDocs hooks: check the authority data before anything is built, then add each council's
pages to the site.

A council page's Markdown source holds only front matter. Its HTML is rendered from the page-kind
templates in macros/pages/council/ by council_pages.py and put in as the page's content in
on_page_content, after Python-Markdown has run, so editor text never reaches Python-Markdown.
Nothing generated is written to the repository: the pages exist only inside the build.
"""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path

import yaml

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.pages import components, council_pages, html_slots, national_pages  # noqa: E402
from macros.build import settings  # noqa: E402
from macros.data import site_data  # noqa: E402
from macros.pages.glossary import council_terms, explain_terms  # noqa: E402
from macros.pages.page_kinds import BY_KEY, PAGE_KINDS  # noqa: E402
from macros.pages.views import page_title  # noqa: E402

log = logging.getLogger("mkdocs.local_offer")


def _stop(problems, where: str) -> None:
    for problem in problems:
        log.error(str(problem))
    count = len(problems)
    raise PluginError(f"{count} problem{'s' if count != 1 else ''} in {where}: nothing was published. "
                      "Fix each one above, then build again.")


@event_priority(100)  # before anything reads the settings or the data this loads
def on_config(config):
    wrong = settings.apply(config)
    if wrong:
        _stop(wrong, "the build's settings")
    data = site_data.load_site_data(Path(config.config_file_path).parent, config.extra)
    for warning in data.warnings:
        # At info level: mkdocs --strict fails on warnings, and these must not stop a build.
        log.info(str(warning))
    if data.problems:
        _stop(data.problems, "the authority files")
    site_data.CURRENT = data
    return config


def page_source(kind, authority) -> str:
    # Front matter only; the body is added as HTML in on_page_content. MkDocs reads it back with
    # PyYAML's YAML 1.1 rules, where a slug such as 2024, no, 0x1f or 2024-01-01 would become a
    # number, a boolean or a date, so it is written by PyYAML's own emitter, which quotes any
    # text its loader would read as something else.
    meta = {"title": page_title(kind, authority), "authority_slug": authority.slug,
            "authority_name": authority.short_name, "page_kind": kind.key, "search": {"boost": kind.search_boost}}
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1_000_000) + "---\n"


def on_files(files: Files, config) -> Files:
    for authority in site_data.CURRENT.authorities:
        for kind in PAGE_KINDS:
            files.append(File.generated(config, kind.src_uri(authority.slug), content=page_source(kind, authority)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    # Council pages have no Markdown body; national pages are Jinja templates of Markdown.
    return markdown if page.meta.get("page_kind") else national_pages.render(markdown, page, config)


def national_review_dates(page) -> str:
    """A national page's "Last reviewed" and "Next review due", from its front matter."""
    reviewed, due = page.meta.get("last_reviewed"), page.meta.get("next_review_due")
    if not (isinstance(reviewed, date) and isinstance(due, date) and reviewed <= due):
        raise PluginError(f"content/{page.file.src_uri}: the front matter needs last_reviewed and next_review_due, "
                          "as dates written YYYY-MM-DD, with the review due after the last review")
    return str(components.render("review_dates", last_reviewed=reviewed, next_review_due=due,
                                 overdue=due < date.today()))


def on_page_content(html: str, page, config, files) -> str:
    kind = BY_KEY.get(page.meta.get("page_kind"))
    terms: tuple[dict, ...] = ()
    if kind:
        authority = site_data.CURRENT.by_slug[page.meta["authority_slug"]]
        html = str(council_pages.render(kind, authority))
        page.toc = get_toc(council_pages.toc_tokens(html))
        terms = council_terms(authority)
    else:
        html += national_review_dates(page)
    return explain_terms(html_slots.fill(html), page.url, terms)
