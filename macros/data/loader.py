"""Read authority YAML files and turn every mistake into a plain-English problem.

`yaml_reader.py` reads the YAML, keeping each value's line and column; this module checks the
data against the model and words each mistake as `authorities/x.yaml:42:5: field.path: what
was expected`. Nothing here raises on bad input; `load_authorities` returns the problems.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .model import STATEMENT_FORMS, TEXT_KINDS, Authority, http_addresses
from .problems import FieldPath, Invalid, Problem, field_name
from .safe_text import for_log
from .yaml_reader import Reader, read_yaml
from . import provenance
from .sources import SOURCES_FOLDER, read_pages, sources_folder

__all__ = ["Problem", "load_authority", "load_authorities", "authority_files", "name_clashes", "field_name", "FieldPath"]
SCHEMA_NAME = "authority.schema.json"


EXPECTED = {
    "float_type": "a number", "float_parsing": "a number", "decimal_type": "a number", "decimal_parsing": "a number",
    "int_type": "a whole number", "int_parsing": "a whole number", "int_from_float": "a whole number",
    "bool_type": "true or false", "bool_parsing": "true or false",
    "string_type": "some text (put numbers such as phone numbers in quotes)",
    "date_type": "a date written as YYYY-MM-DD", "date_parsing": "a date written as YYYY-MM-DD",
    "date_from_datetime_parsing": "a date written as YYYY-MM-DD",
    "list_type": "a list (lines starting with '- ')", "model_type": "a group of fields", "dict_type": "a group of fields",
    "model_attributes_type": "a group of fields",
}
# Some fields deserve a more exact phrase than their type gives.
EXPECTED_BY_FIELD = {
    "amount": "a number of pounds, such as 6000",
    "phone": 'a UK phone number in quotes, such as "01642 527158"',
    "email": "an email address, such as sen@council.gov.uk",
    "slug": "lower-case letters, numbers and hyphens, the same as the file name",
    "name": "a name of letters, numbers, spaces and simple punctuation",
    "short_name": "a name of letters, numbers, spaces and simple punctuation",
}


def _got(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "a group of fields" if isinstance(value, dict) else "a list"
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return for_log(text if len(text) <= 60 else text[:57] + '..."')


def _model_at(path: FieldPath, root: type[BaseModel] = Authority) -> type[BaseModel] | None:
    """The model whose fields are allowed at `path`, for suggesting a correct spelling."""
    model: Any = root
    for part in path:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        model = _inner_model(field.annotation)
        if model is None:
            return None
    return model


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found:
            return found
    return None


def _describe(error: dict, path: FieldPath, root: type[BaseModel] = Authority) -> tuple[str, str]:
    kind, leaf = error["type"], next((p for p in reversed(path) if isinstance(p, str)), "")
    if kind == "missing":
        return "this required field is missing", f"add '{leaf}:' here"
    if kind == "extra_forbidden":
        allowed = list((_model_at(path[:-1], root) or root).model_fields)
        close = difflib.get_close_matches(str(leaf), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "allowed here: " + ", ".join(allowed)
        return "this field is not one we know", hint
    got = _got(error.get("input"))
    if kind in ("value_error", "assertion_error"):
        message = str(error.get("ctx", {}).get("error") or error["msg"]).removeprefix("Value error, ")
        # The model's own checks say what was expected; the value typed is added here.
        return (f"{message}, got {got}" if message.startswith("expected") else message), ""
    if kind in ("too_short",) and isinstance(error.get("input"), list):
        return f"expected at least {error['ctx']['min_length']} item(s), got {len(error['input'])}", ""
    if kind == "string_too_long":
        limit = error["ctx"]["max_length"]
        what = TEXT_KINDS.get(limit, "this field")
        return (f"this text is {len(str(error.get('input', ''))):,} characters long, and {what} may have at most "
                f"{limit:,}", "shorten it: a long text here would make every council's pages and search slower")
    if kind == "too_long" and isinstance(error.get("input"), list):
        return (f"this list has {len(error['input']):,} items, and a list may have at most {error['ctx']['max_length']:,}",
                "keep the items a parent needs, or split them")
    if kind == "literal_error":
        return f"expected one of {error['ctx']['expected']}, got {got}", ""
    expected = EXPECTED_BY_FIELD.get(leaf) if kind not in ("list_type", "model_type", "dict_type") else None
    expected = expected or EXPECTED.get(kind)
    if expected is None and kind.startswith("string_"):
        expected = "some text" if kind != "string_pattern_mismatch" else "text in the right form"
    if kind in ("greater_than_equal", "less_than_equal", "too_long", "decimal_max_places"):
        return f"{error['msg'][0].lower()}{error['msg'][1:]}, got {got}", ""
    if expected is None:
        return f"{error['msg'][0].lower()}{error['msg'][1:]}, got {got}", ""
    return f"expected {expected}, got {got}", ""


def _line_of(reader: Reader, path: FieldPath) -> tuple[int, int]:
    probe = path
    while probe not in reader.where and probe:
        probe = probe[:-1]
    return reader.where.get(probe, (1, 1))


def problems_from_validation(error: ValidationError, reader: Reader,
                             root: type[BaseModel] = Authority) -> list[Problem]:
    problems = []
    for item in error.errors():
        path = tuple(p for p in item["loc"] if p not in STATEMENT_FORMS)  # a statement's form is no field
        if item["type"] == "extra_forbidden":
            line, column = reader.key_where.get(path, reader.where.get(path, (1, 1)))
        else:
            line, column = _line_of(reader, path)
        message, hint = _describe(item, path, root)
        problems.append(Problem(reader.display, line, column, field_name(path), message, hint))
    return problems


def _http_warnings(authority: Authority, reader: Reader) -> list[Problem]:
    return [Problem(reader.display, *_line_of(reader, path), field_name(path),
                    "this web address starts with http://, not https://, so it is not private or safe from tampering",
                    "use the https:// address if the site has one", severity="warning")
            for path in http_addresses(authority)]


def _overdue_warnings(authority: Authority, reader: Reader) -> list[Problem]:
    # A dated page serves parents better than none, so an overdue review never stops a build;
    # `validate.py --fail-overdue` can make it an error for councils that want a hard gate.
    due = authority.next_review_due
    if due >= date.today():
        return []
    return [Problem(reader.display, *_line_of(reader, ("last_reviewed",)), "last_reviewed",
                    f"the review was due on {due.day} {due:%B %Y}: every page of this council now says it may be out of date",
                    "check every fact against the council's pages, then set last_reviewed to today's date",
                    severity="warning", code="overdue")]


def load_authority(path: Path, display: str | None = None,
                   reserved: frozenset[str] = frozenset()) -> tuple[Authority | None, list[Problem]]:
    """One authority file checked; the problems include any warnings."""
    authority, problems, _ = _load(path, display or str(path), reserved)
    return authority, problems


def _load(path: Path, display: str, reserved: frozenset[str]) -> tuple[Authority | None, list[Problem], Reader | None]:
    try:
        data, reader = read_yaml(path, display)
    except Invalid as invalid:
        return None, [invalid.problem], None
    authority, problems = _checked(path, display, reserved, data, reader)
    return authority, problems, reader


def _checked(path: Path, display: str, reserved: frozenset[str], data: Any,
             reader: Reader) -> tuple[Authority | None, list[Problem]]:
    if reader.placeholders:
        return None, reader.placeholders
    if not isinstance(data, dict):
        return None, [Problem(display, 1, 1, "", f"expected a group of fields (name: ..., slug: ...), got {_got(data)}")]
    try:
        authority = Authority.model_validate(data)
    except ValidationError as error:
        return None, problems_from_validation(error, reader)
    line, column = reader.where.get(("slug",), (1, 1))
    if authority.slug != path.stem:
        return None, [Problem(display, line, column, "slug",
                              f'expected "{for_log(path.stem, 60)}" (the file name), got "{authority.slug}"',
                              "the slug and the file name must match: rename one of them")]
    if authority.slug in reserved:
        return None, [Problem(display, line, column, "slug",
                              f'"{authority.slug}" is the address of a page or folder every council shares',
                              f'choose another, such as "{authority.slug}-council", and rename the file to match')]
    problems = _provenance(authority, path.parent, display, reader)
    if any(p.is_error for p in problems):
        return None, problems
    return authority, problems + _http_warnings(authority, reader) + _overdue_warnings(authority, reader)


def _provenance(authority: Authority, authorities_dir: Path, display: str, reader: Reader) -> list[Problem]:
    """The source pages the file names, read into the authority, and every council_says checked against them."""
    named = [(s.file, reader.where.get(("sources", i, "file"), (1, 1)), field_name(("sources", i, "file")), display)
             for i, s in enumerate(authority.sources) if s.file]
    root = authorities_dir.parent
    pages, problems = read_pages(sources_folder(authorities_dir, authority.slug), root, named)
    authority._pages = pages
    if authority.provenance == "required":
        problems += [Problem(display, *_line_of(reader, ("sources", i)), field_name(("sources", i)),
                             "this council requires provenance, so each source must be a file whose text the quotes "
                             "are checked against", "save the page in authorities/sources/" + authority.slug + "/ and "
                             "name it with file:") for i, s in enumerate(authority.sources) if not s.file]
    if problems:
        return problems
    return provenance.check(authority, pages, display, lambda p: _line_of(reader, p))


def authority_files(directory: Path, display_root: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """The authority files in `directory`, and a problem for everything else found there."""
    files, problems = [], []
    for entry in sorted(os.scandir(directory), key=lambda e: e.name):
        path = Path(entry.path)
        shown = str(path.relative_to(display_root)) if display_root and path.is_relative_to(display_root) else str(path)
        mode = os.lstat(path).st_mode

        def refuse(message: str, hint: str) -> None:
            problems.append(Problem(shown, 1, 1, "", message, hint))

        if stat.S_ISLNK(mode):
            refuse("this is a symbolic link (a shortcut to another file), which is not allowed",
                   "put the authority file itself here, not a link to it")
        elif stat.S_ISDIR(mode) and entry.name == SOURCES_FOLDER:
            continue  # each council's source pages (macros/data/sources.py)
        elif stat.S_ISDIR(mode):
            refuse("this is a folder; authority files are <council>.yaml files directly in this folder",
                   "move or delete the folder")
        elif not stat.S_ISREG(mode):
            refuse("this is not an ordinary file", "delete it")
        elif entry.name == SCHEMA_NAME:
            continue
        elif entry.name.endswith(".yaml") and not entry.name.startswith("."):
            files.append(path)
        elif entry.name.lower().endswith((".yml", ".yaml")):
            stem = entry.name.rsplit(".", 1)[0]
            refuse("authority files must end in .yaml (in lower case)", f"rename it to {for_log(stem, 60)}.yaml")
        else:
            refuse(f"this is not an authority file: only <council>.yaml files and {SCHEMA_NAME} belong here",
                   "move or delete it")
    return files, problems


def load_authorities(directory: Path, root: Path | None = None,
                     reserved: frozenset[str] = frozenset()) -> tuple[list[Authority], list[Problem]]:
    """Load every `*.yaml` in `directory`, sorted by name; problems (and warnings) use paths relative to `root`."""
    authorities: list[Authority] = []
    files, problems = authority_files(directory, root)
    if not files:
        problems.append(Problem(str(directory), 1, 1, "", "there are no authority files (*.yaml) here"))
    named: dict[tuple[str, str], str] = {}  # (field, name folded) -> the file that has it
    for path in files:
        display = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
        authority, found, reader = _load(path, display, reserved)
        problems.extend(found)
        if authority:
            same = _same_name(authority, display, reader, named)
            problems.extend(same)
            if not same:
                authorities.append(authority)
    authorities.sort(key=lambda a: a.short_name)
    return authorities, problems


def name_clashes(paths: list[Path], others: list[Path], reserved: frozenset[str] = frozenset()) -> list[Problem]:
    """A problem for each of `paths` whose council has the name of one in `others` or of an earlier one."""
    named: dict[tuple[str, str], str] = {}
    problems = []
    chosen = {path.resolve() for path in paths}
    others = [other for other in others if other.resolve() not in chosen]
    for path in [*others, *paths]:
        authority, _, reader = _load(path, str(path), reserved)
        if authority:
            found = _same_name(authority, str(path), reader, named)
            problems += found if path.resolve() in chosen else []
    return problems


def _folded(name: str) -> str:
    # "Stockton-on-Tees" and "stockton on tees", or "&" and "and", name the same council to a parent.
    return re.sub(r"[^a-z0-9]+", "", re.sub(r"\s*&\s*", " and ", name.casefold()))


def _same_name(authority: Authority, display: str, reader: Reader, named: dict) -> list[Problem]:
    """A problem for each name this council shares with one already loaded: parents choose a council by
    its name, and two alike would look like one council listed twice."""
    problems = []
    for field in ("name", "short_name"):
        value = getattr(authority, field)
        first = named.setdefault((field, _folded(value)), display)
        if first != display:
            problems.append(Problem(display, *_line_of(reader, (field,)), field,
                                    f'"{value}" is already the {field.replace("_", " ")} of the council in {first}',
                                    "each council needs its own name: check this is not a copy of that file"))
    return problems
