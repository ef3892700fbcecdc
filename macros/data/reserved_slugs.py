"""Addresses a council's slug may not take: the site's own pages and the theme's folders.

A council called "glossary" or "search" would otherwise silently replace a national page or put
its pages inside the theme's files.
"""

from __future__ import annotations

from pathlib import Path

import material

# Output the build writes at the top of the site, and pages planned for it.
BUILD_OUTPUT = {"index", "search", "assets", "404", "sitemap", "data", "compare", "coverage", "changes-proposed",
                "sources"}  # authorities/sources/ holds every council's source pages


def _names(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {entry.name.split(".", 1)[0].lower() for entry in folder.iterdir() if not entry.name.startswith(".")}


def reserved_slugs(root: Path) -> frozenset[str]:
    theme = Path(material.__file__).parent / "templates"
    return frozenset(BUILD_OUTPUT | _names(root / "content") | _names(root / "overrides") | _names(theme))
