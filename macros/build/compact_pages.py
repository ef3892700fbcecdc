"""MkDocs hook: smaller files on disk and on the wire, with nothing a reader sees changed.

A site of 150 councils has over 1,200 pages, and the theme's templates indent every line: each
line's leading spaces and the blank lines between them are taken out of every page (a line break
stays, so text reads the same; a <pre> or <textarea>, where spaces show, is left as it is). The
theme's source maps, which only a developer's tools ever ask for, are not published.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import event_priority

_KEPT = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def compact(html: str) -> str:
    parts = _KEPT.split(html)
    # re.split with two groups gives [text, kept, tag name, text, kept, tag name, ...]
    return "".join(_INDENT.sub("\n", part) if i % 3 == 0 else (part if i % 3 == 1 else "")
                   for i, part in enumerate(parts))


@event_priority(-90)  # after the other hooks have finished the page, before the page policy reads it
def on_post_page(output: str, page, config) -> str:
    return compact(output)


def on_post_build(config) -> None:
    for source_map in Path(config.site_dir, "assets").rglob("*.map"):
        source_map.unlink()
