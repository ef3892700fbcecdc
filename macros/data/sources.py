"""A council's source pages: the text of each page its facts came from, kept in the repository.

Each council has a folder `authorities/sources/<slug>/`, with one Markdown file per page: YAML front
matter saying where the page is, who publishes it and when it was read, then the page's text
exactly as it was captured. Its authority file's `sources:` entries name these files, and every
`council_says` quote must be found in one of them (macros/data/provenance.py).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Optional

from pydantic import Field, ValidationError, model_validator

from .model import MONTH_OR_YEAR_DESCRIPTION, Heading, MonthOrYear, PastDate, Strict, Text, WebAddress
from .problems import Invalid, Problem
from .safe_text import for_log
from .yaml_reader import Reader, decode, read_bytes

SOURCES_FOLDER = "sources"  # inside the authorities folder
PublisherKind = Literal["council", "parent_carer_forum", "sendiass", "school", "health", "other"]


class SourcePage(Strict):
    """What a source page's front matter says about it."""

    title: Heading = Field(description="The page's own title.")
    url: Optional[WebAddress] = Field(None, description="Its address, where it is known.")
    publisher: Heading = Field(description='Who publishes it, e.g. "Trafford Council" or "Camden SENDIASS".')
    publisher_kind: PublisherKind = Field(description="What kind of organisation publishes it.")
    read: PastDate = Field(description="When its text was captured (YYYY-MM-DD).")
    last_updated: Optional[PastDate] = Field(None, description="When the page says it was last updated (YYYY-MM-DD).")
    updated_in: Optional[MonthOrYear] = Field(None, description=MONTH_OR_YEAR_DESCRIPTION)
    note: Optional[Text] = Field(None, description="Anything a reader should know about the capture.")

    @model_validator(mode="after")
    def one_date(self) -> "SourcePage":
        if self.last_updated and self.updated_in:
            raise ValueError("give last_updated (a full date) or updated_in (a month or a year), not both")
        if self.updated_in and self.updated_in > self.read.isoformat()[:len(self.updated_in)]:
            raise ValueError(f"updated_in, {self.updated_in}, is after the page was read, on {self.read.isoformat()}")
        return self


@dataclass(frozen=True)
class Page:
    """One source page: where it is, and its text."""

    file: str  # the file name inside the council's sources folder
    about: SourcePage
    text: str
    display: str  # its path as messages show it


def sources_folder(authorities_dir: Path, slug: str) -> Path:
    return authorities_dir / SOURCES_FOLDER / slug


def read_page(path: Path, display: str) -> tuple[Optional[Page], list[Problem]]:
    """One source page, or the problems that stop it being read."""
    try:
        text = decode(read_bytes(path, display), display)
    except Invalid as invalid:
        return None, [invalid.problem]
    lines = text.split("\n")
    end = next((n for n, line in enumerate(lines[1:], start=1) if line.rstrip() == "---"), None)
    if lines[0].rstrip() != "---" or end is None:
        return None, [Problem(display, 1, 1, "", "a source page starts with front matter between two lines of ---",
                              "copy the first lines of another council's source page, then the page's text")]
    # A blank first line keeps the reader's line numbers the same as the file's.
    reader = Reader(display, "\n" + "\n".join(lines[1:end]))
    try:
        data = reader.read()
    except Invalid as invalid:
        return None, [invalid.problem]
    if not isinstance(data, dict):
        return None, [Problem(display, 2, 1, "", "expected fields such as title: and publisher: in the front matter")]
    try:
        about = SourcePage.model_validate(data)
    except ValidationError as error:
        from .loader import problems_from_validation  # the loader words model errors, and imports this module

        return None, problems_from_validation(error, reader, SourcePage)
    body = "\n".join(lines[end + 1:]).strip()
    if not body:
        return None, [Problem(display, end + 1, 1, "", "this source page has no text after its front matter",
                              "paste the page's text, exactly as it is on the council's site")]
    return Page(path.name, about, body, display), []


def read_pages(folder: Path, display_root: Optional[Path], files: list[tuple[str, tuple[int, int], str, str]]
               ) -> tuple[dict[str, Page], list[Problem]]:
    """The pages that an authority file's sources name, each read once.

    `files` holds each source's file name, the line and column of its `file:`, the field's name and
    the authority file as messages show it."""
    pages: dict[str, Page] = {}
    problems: list[Problem] = []
    for name, (line, column), field, where in files:
        if name in pages:
            continue
        path = folder / name
        shown = str(path.relative_to(display_root)) if display_root and path.is_relative_to(display_root) else str(path)
        try:
            info = os.lstat(path)
        except OSError:
            info = None
        if info is None or not stat.S_ISREG(info.st_mode):
            shown_folder = folder.relative_to(display_root) if display_root and folder.is_relative_to(display_root) else folder
            problems.append(Problem(where, line, column, field,
                                    f'no source page called "{for_log(name, 80)}" in {for_log(str(shown_folder), 120)}/',
                                    "save the council's page there as a .md file, or correct the name"))
            continue
        page, found = read_page(path, shown)
        problems += found
        if page:
            pages[name] = page
    return pages, problems


__all__ = ["Page", "SourcePage", "read_page", "read_pages", "sources_folder"]
