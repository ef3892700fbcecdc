"""Read one authority file's YAML into plain data, remembering where each value came from.

The reader walks libyaml's event stream itself, with its own stack, instead of PyYAML's composer
and constructors. So nesting is limited before anything recurses, no tag or anchor is ever acted
on, and every plain value is read the YAML 1.2 way (no octal, no base 60, no yes/no booleans).
Every mistake becomes one `Problem` at the line and column where it is.
"""

from __future__ import annotations

import math
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml

from .problems import FieldPath, Invalid, Problem, field_name
from .safe_text import describe, first_refused, for_log

MAX_FILE_BYTES = 1_000_000
# Written by scripts/new_authority.py wherever an editor has something to fill in, so a half-done
# file can never be published.
PLACEHOLDER = "REPLACE THIS"
MAX_DEPTH = 20  # the deepest real authority file is 6 levels
# libyaml, where PyYAML was built with it, parses about ten times faster: it matters at 150 councils.
FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]")
_OTHER_BASE = re.compile(r"[-+]?0[oOxXbB][0-9a-fA-F_]+")


def read_bytes(path: Path, display: str) -> bytes:
    """The file's bytes, refusing anything that is not an ordinary file, without following links."""
    def refuse(message: str, hint: str = "") -> Invalid:
        return Invalid(Problem(display, 1, 1, "", message, hint))

    try:
        info = os.lstat(path)
    except OSError:
        raise refuse("there is no such file")
    if stat.S_ISLNK(info.st_mode):
        raise refuse("this is a symbolic link (a shortcut to another file), which is not allowed",
                     "put the authority file itself here, not a link to it")
    if stat.S_ISDIR(info.st_mode):
        raise refuse("this is a folder, not an authority file", "authority files are <council>.yaml files")
    if not stat.S_ISREG(info.st_mode):
        raise refuse("this is not an ordinary file", "authority files are <council>.yaml text files")
    try:
        # O_NOFOLLOW and O_NONBLOCK: if the file was swapped for a link or a pipe since lstat, fail
        # rather than follow it or wait for ever.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        raise refuse("this file cannot be opened", "check that it is an ordinary file you can read")
    with os.fdopen(handle, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise refuse("this is not an ordinary file", "authority files are <council>.yaml text files")
        raw = file.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise refuse(f"the file is more than the {MAX_FILE_BYTES:,} bytes allowed")
    return raw


def decode(raw: bytes, display: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise Invalid(Problem(display, line, column, "", "this file is not saved as UTF-8 text",
                              "save it again as UTF-8 (in most editors: Save As, Encoding: UTF-8)"))
    text = text.removeprefix("\ufeff")  # a byte order mark some editors add
    if not text.strip() or all(l.strip().startswith("#") or not l.strip() for l in text.splitlines()):
        raise Invalid(Problem(display, 1, 1, "", "the file is empty", "start from another authority's file"))
    return text


class Reader:
    """Builds plain Python data from a YAML text and remembers where each value and key came from."""

    def __init__(self, display: str, text: str):
        self.display = display
        self.text = text
        self.lines = text.split("\n")  # not splitlines(), which also breaks at \x85 and \u2028
        self.where: dict[FieldPath, tuple[int, int]] = {}
        self.key_where: dict[FieldPath, tuple[int, int]] = {}
        self.placeholders: list[Problem] = []

    def problem(self, mark, field: FieldPath, message: str, hint: str = "") -> Invalid:
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Invalid(Problem(self.display, line, column, field_name(field), message, hint))

    def read(self) -> Any:
        self._refuse_characters()
        loader = FastLoader(self.text)
        try:
            return self._build(loader)
        except yaml.MarkedYAMLError as error:
            raise self._syntax_problem(error)
        except yaml.YAMLError as error:
            raise self.problem(None, (), f"this is not valid YAML: {for_log(error, 200)}")
        finally:
            loader.dispose()

    def _refuse_characters(self) -> None:
        for number, line in enumerate(self.lines, start=1):
            if "\t" in line:
                raise Invalid(Problem(self.display, number, line.index("\t") + 1, "", "there is a tab character here",
                                      "YAML needs spaces, not tabs: replace the tab with spaces"))
            found = first_refused(line)
            if found >= 0:
                raise Invalid(Problem(self.display, number, found + 1, "", self._refused_message(line[found]),
                                      "delete it: characters like this can hide or reorder text"))

    @staticmethod
    def _refused_message(ch: str) -> str:
        return f"there is an invisible or control character here, {describe(ch)}, which is not allowed"

    def _syntax_problem(self, error: yaml.MarkedYAMLError) -> Invalid:
        message = f"this is not valid YAML: {error.problem}"
        if error.context and error.context_mark and error.context_mark.line != getattr(error.problem_mark, "line", None):
            message += f" ({error.context} that starts on line {error.context_mark.line + 1})"
        hint = "check the indentation, brackets and quotes, and that every 'key: value' has a space after the colon"
        if error.problem == "mapping values are not allowed in this context":
            # The commonest cause: a sentence with ": " in it, which YAML reads as a second field.
            line = self.lines[error.problem_mark.line] if error.problem_mark else ""
            if re.match(r"\s*(- )?[A-Za-z_]+: [^\"'>|].*: ", line):
                message = "this text has a colon and a space in it, which YAML reads as the start of another field"
                hint = 'put this text in quotes, such as "Group 1: children who...", or start it with >- on the line above'
        return self.problem(error.problem_mark, (), message, hint)

    # --- the event walk -------------------------------------------------------------------

    def _build(self, loader) -> Any:
        root: list[Any] = []
        # Each open mapping or list: [container, its field path, the key waiting for its value]
        stack: list[list] = []
        documents = 0
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self.problem(event.start_mark, (), "this file holds more than one YAML document (a second ---)",
                                       "keep one council's data in one document: delete the second ---")
            elif isinstance(event, yaml.AliasEvent):
                raise self._alias_problem(event, stack)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self._refuse_tag_and_anchor(event, stack)
                if len(stack) >= MAX_DEPTH:
                    raise self.problem(event.start_mark, self._path_here(stack),
                                       f"the data is nested more than {MAX_DEPTH} levels deep",
                                       "check the indentation: authority files are only a few levels deep")
                container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
                path = self._place(container, event, stack, root)
                stack.append([container, path, None])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
            elif isinstance(event, yaml.ScalarEvent):
                self._refuse_tag_and_anchor(event, stack)
                self._place(self._scalar(event, stack), event, stack, root)
        if not root:
            raise self.problem(None, (), "the file is empty", "start from another authority's file")
        return root[0]

    @staticmethod
    def _path_here(stack: list[list]) -> FieldPath:
        if not stack:
            return ()
        container, path, key = stack[-1]
        if isinstance(container, list):
            return path + (len(container),)
        return path + ((key,) if key is not None else ())

    def _alias_problem(self, event, stack) -> Invalid:
        # Refusing aliases means a tiny file cannot expand to billions of values; editors never need them.
        return self.problem(event.start_mark, self._path_here(stack),
                            "YAML anchors and aliases (& and *) are not allowed", "write the value out in full where it is needed")

    def _refuse_tag_and_anchor(self, event, stack) -> None:
        if event.anchor is not None:
            raise self._alias_problem(event, stack)
        if event.tag is not None and event.tag != "!":
            raise self.problem(event.start_mark, self._path_here(stack),
                               f"YAML tags such as {for_log(event.tag.replace('tag:yaml.org,2002:', '!!'), 40)} are not allowed",
                               "delete the tag (the word starting with !); put text in quotes if it must stay text")

    def _place(self, value: Any, event, stack: list[list], root: list) -> FieldPath:
        """Put `value` where it belongs: a key, a mapping's value, a list item or the root."""
        where = (event.start_mark.line + 1, event.start_mark.column + 1)
        if not stack:
            root.append(value)
            self.where[()] = where
            return ()
        frame = stack[-1]
        container, path, key = frame
        if isinstance(container, list):
            path = path + (len(container),)
            container.append(value)
        elif key is None:
            self._take_key(value, event, frame)
            return path
        else:
            path = path + (key,)
            container[key] = value
            frame[2] = None
        self.where[path] = where
        return path

    def _take_key(self, key: Any, event, frame: list) -> None:
        container, path, _ = frame
        if not isinstance(key, str):
            shown = "a group of fields" if isinstance(key, (dict, list)) else for_log(repr(key), 40)
            raise self.problem(event.start_mark, path, f"a field name must be text, got {shown}")
        if key == "<<" and event.style in (None, ""):
            raise self.problem(event.start_mark, path, "YAML merge keys (<<) are not allowed",
                               "write out the fields you need in full")
        if key in container:
            first = self.key_where[path + (key,)]
            raise self.problem(event.start_mark, path + (key,), f"this field appears twice (first on line {first[0]})",
                               "delete one of them")
        self.key_where[path + (key,)] = (event.start_mark.line + 1, event.start_mark.column + 1)
        container[key] = None  # keeps the key's place, and duplicates in view, until its value arrives
        frame[2] = key

    def _scalar(self, event, stack) -> Any:
        value = event.value
        found = first_refused(value)
        if found >= 0:
            raise self.problem(event.start_mark, self._path_here(stack), self._refused_message(value[found]),
                               "delete it: characters like this can hide or reorder text")
        if PLACEHOLDER in value:
            # Listed all together, so a new file shows everything left to fill in at once.
            self.placeholders.append(self.problem(
                event.start_mark, self._path_here(stack), "replace this placeholder",
                "write what the council's pages say, or delete the field if they do not say it").problem)
            return value
        if event.style not in (None, ""):
            return value  # quoted or block text is always text
        self._refuse_merged_list_item(event, stack)
        return self._plain(value, event, stack)

    def _plain(self, value: str, event, stack) -> Any:
        """A plain (unquoted) value read the YAML 1.2 way."""
        if value in _NULL:
            return None
        if value in _BOOL:
            return _BOOL[value]
        if _OTHER_BASE.fullmatch(value) or (_LEADING_ZERO.match(value) and (_INT.fullmatch(value) or _FLOAT.fullmatch(value))):
            raise self.problem(event.start_mark, self._path_here(stack),
                               f"a number cannot start with 0 or be written in another base, got {for_log(value, 40)}",
                               "write the number in plain digits, such as 12; put it in quotes if it is text, "
                               'such as a phone number ("01642 527158")')
        if _INT.fullmatch(value):
            if len(value) > 20:  # no real amount is this long, and Python refuses past 4,300 digits
                raise self.problem(event.start_mark, self._path_here(stack), "this number is too long",
                                   "check the number; put it in quotes if it is text")
            return int(value)
        if _FLOAT.fullmatch(value):
            return float(value)
        if value.lower() in _SPECIAL_FLOAT:
            return _SPECIAL_FLOAT[value.lower()]
        return value

    def _refuse_merged_list_item(self, event, stack) -> None:
        """A list item indented one space too far is read as more words of the item above."""
        start, end = event.start_mark.line, event.end_mark.line
        for number in range(start + 1, min(end, len(self.lines) - 1) + 1):
            stripped = self.lines[number].lstrip()
            if stripped == "-" or stripped.startswith("- "):
                column = len(self.lines[number]) - len(stripped) + 1
                raise Invalid(Problem(
                    self.display, number + 1, column, field_name(self._path_here(stack)),
                    "this line starts with '- ' but is read as more words of the line above, not as a new item",
                    "line the '-' up with the other items in the list (same number of spaces before it)"))


def read_yaml(path: Path, display: str) -> tuple[Any, Reader]:
    reader = Reader(display, decode(read_bytes(path, display), display))
    return reader.read(), reader
