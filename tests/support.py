"""Helpers shared by the tests: a minimal valid authority, building the real site, listing its pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
ARTIFACTS = ROOT / "test-artifacts"

MINIMAL_AUTHORITY = """\
# yaml-language-server: $schema=./authority.schema.json
name: Example Borough Council
short_name: Example
slug: example
last_reviewed: 2026-01-15
sen_support:
  summary: Schools in Example give extra help to children who need it.
funding:
  elements:
    - name: Element 2
      amount: 6000
      amount_is_up_to: true
contacts:
  - role: sendiass
    name: Example SENDIASS
    phone: "01234 567890"
    email: sendiass@example.gov.uk
sources:
  - title: SEN support in Example
"""


def build(site_dir: Path, **env_overrides: str) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict`, as an editor or CI would."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_overrides}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )


def build_one(tmp_path: Path, authority_text: str, site: Path | None = None) -> tuple[subprocess.CompletedProcess, Path]:
    """Build a site from one authority file (authorities/example.yaml) in a folder of its own."""
    authorities = tmp_path / "authorities"
    authorities.mkdir()
    (authorities / "example.yaml").write_text(authority_text, encoding="utf-8")
    site = site or tmp_path / "site"
    return build(site, LOCAL_OFFER_AUTHORITIES_DIR=str(authorities)), site


def all_pages(site: Path) -> list[str]:
    """Every HTML page a parent can reach, as URL paths relative to the site root."""
    return sorted("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
                  for p in site.rglob("index.html"))


# What a page's own content may contain: the tags and attributes our templates, components and the
# editor-Markdown allowlist (macros/pages/safe_html.py) produce. Anything else came from editor text.
PAGE_TAGS = {
    "a", "abbr", "article", "blockquote", "br", "caption", "code", "dd", "details", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "nav", "ol", "p", "pre", "section", "span", "strong",
    "summary", "table", "tbody", "td", "th", "thead", "time", "tr", "ul",
}
PAGE_ATTRIBUTES = {"class", "id", "href", "rel", "title", "role", "scope", "datetime", "start", "aria-label",
                   "aria-labelledby", "aria-current", "data-label", "data-search-exclude", "data-lo-step-by-step",
                   "open",
                   # what overrides/main.html tells the search index about each page
                   "hidden", "data-pagefind-body", "data-pagefind-weight", "data-pagefind-filter", "data-pagefind-meta",
                   "data-council", "data-kind"}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "background", "xlink:href"}


def unsafe_url(url: str) -> bool:
    """True unless `url` is https, a plain mailto or tel link, or a path on this site."""
    import re
    text = url.strip()
    if re.match(r"^(https://[A-Za-z0-9.-]+(/|$|[?#])|mailto:[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+$|tel:\+?[0-9]+$)", text):
        return "@" in text.split("/", 3)[2] if text.startswith("https://") else False
    # Blackburn with Darwen's own site is still on http; the loader warns about it.
    if re.match(r"^http://[A-Za-z0-9.-]+(/|$)", text):
        return False
    return bool(re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|[/\\]{2}|/\\)", text)) or any(ord(c) < 33 for c in text)


def html_outside_allowlist(html: str) -> list[str]:
    """Every tag, attribute or URL in `html` that our templates would never write."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Checker(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag not in PAGE_TAGS:
                found.append(f"<{tag}>")
            for name, value in attrs:
                if name not in PAGE_ATTRIBUTES:
                    found.append(f"<{tag} {name}>")
                if name in URL_ATTRIBUTES and unsafe_url(value or ""):
                    found.append(f"<{tag} {name}={value!r}>")

        handle_startendtag = handle_starttag

        def handle_comment(self, data):
            found.append(f"<!--{data}-->")

    Checker(convert_charrefs=True).feed(html)
    return found


def article_html(page_html: str) -> str:
    """The page's own content: what is inside Material's <article>."""
    return "<article" + page_html.split("<article", 1)[1].split("</article>", 1)[0] + "</article>"


def project_copy(tmp_path: Path, extra_hook: str | None = None) -> Path:
    """A copy of everything the build reads, in its own folder, optionally with one more hook (its
    source), so a test can change the build without touching the repository."""
    import shutil

    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("content", "macros", "overrides", "authorities"):
        shutil.copytree(ROOT / name, copy / name, ignore=ignore)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if extra_hook:
        (copy / "extra_hook.py").write_text(extra_hook, encoding="utf-8")
        config = config.replace("hooks:\n", "hooks:\n  - extra_hook.py\n", 1)
    (copy / "mkdocs.yml").write_text(config, encoding="utf-8")
    return copy


def build_project(project: Path, site_dir: Path, **env_overrides: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project copy made by project_copy."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_overrides}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def search_pages(site: Path) -> list[dict]:
    """Every page in the site's search index (Pagefind's fragments), each {url, content, meta, ...}.

    A fragment is gzip of "pagefind_dcd" and the page's JSON; the url is from the site's root, such
    as "/trafford/funding/"."""
    import gzip
    import json

    pages = []
    for fragment in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        pages.append(json.loads(data[len(b"pagefind_dcd"):]))
    return pages
