"""Read authority YAML files and turn every mistake into a plain-English problem.

PyYAML is used at the node level so each value keeps its line and column: a
problem is reported as `authorities/x.yaml:42:5: field.path: what was expected`.
Nothing here raises on bad input; `load_authorities` returns the problems.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .model import Authority

MAX_FILE_BYTES = 1_000_000
# libyaml, where PyYAML was built with it, parses about ten times faster: it matters at 150 councils.
FastSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        text = f"{where}: {self.field + ': ' if self.field else ''}{self.message}"
        return text + (f"\n    hint: {self.hint}" if self.hint else "")


class _Invalid(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


FieldPath = tuple  # a field path such as ("funding", "elements", 1, "amount")


def field_name(path: FieldPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _plain_mark(mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


class _Reader:
    """Builds plain Python data from a YAML file and remembers where each value came from."""

    def __init__(self, display: str, text: str):
        self.display = display
        self.text = text
        self.where: dict[FieldPath, tuple[int, int]] = {}
        self.key_where: dict[FieldPath, tuple[int, int]] = {}
        self.loader = FastSafeLoader(text)
        self.visited: set[int] = set()

    def problem(self, mark, field: FieldPath, message: str, hint: str = "") -> _Invalid:
        line, column = _plain_mark(mark)
        return _Invalid(Problem(self.display, line, column, field_name(field), message, hint))

    def read(self) -> Any:
        self._refuse_tabs()
        try:
            node = self.loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            raise self._syntax_problem(error)
        except yaml.YAMLError as error:
            raise self.problem(None, (), f"this is not valid YAML: {error}")
        finally:
            self.loader.dispose()
        if node is None:
            raise self.problem(None, (), "the file is empty", "start from another authority's file or the README's example")
        return self._build(node, ())

    def _refuse_tabs(self) -> None:
        for number, line in enumerate(self.text.splitlines(), start=1):
            if "\t" in line:
                raise _Invalid(Problem(self.display, number, line.index("\t") + 1, "",
                                       "there is a tab character here", "YAML needs spaces, not tabs: replace the tab with spaces"))

    def _syntax_problem(self, error: yaml.MarkedYAMLError) -> _Invalid:
        message = f"this is not valid YAML: {error.problem}"
        if error.context and error.context_mark and error.context_mark.line != getattr(error.problem_mark, "line", None):
            message += f" ({error.context} that starts on line {error.context_mark.line + 1})"
        return self.problem(error.problem_mark, (), message,
                            "check the indentation, brackets and quotes, and that every 'key: value' has a space after the colon")

    def _build(self, node: yaml.Node, path: FieldPath) -> Any:
        # An alias makes the composer hand back a node it has handed back before. Refusing
        # aliases means a tiny file cannot expand to billions of values; editors never need them.
        if id(node) in self.visited:
            raise self.problem(node.start_mark, path, "YAML anchors and aliases (& and *) are not allowed",
                               "write the value out in full where it is needed")
        self.visited.add(id(node))
        self.where[path] = _plain_mark(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node)
                if not isinstance(key, str):
                    raise self.problem(key_node.start_mark, path, f"a field name must be text, got {key!r}")
                if key in result:
                    first = self.key_where[path + (key,)]
                    raise self.problem(key_node.start_mark, path + (key,),
                                       f"this field appears twice (first on line {first[0]})", "delete one of them")
                self.key_where[path + (key,)] = _plain_mark(key_node.start_mark)
                result[key] = self._build(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self._build(item, path + (index,)) for index, item in enumerate(node.value)]
        return self.loader.construct_object(node)


def read_yaml(path: Path, display: str) -> tuple[Any, _Reader]:
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise _Invalid(Problem(display, 1, 1, "", f"the file is {len(raw):,} bytes, more than the {MAX_FILE_BYTES:,} allowed"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise _Invalid(Problem(display, line, column, "", "this file is not saved as UTF-8 text",
                               "save it again as UTF-8 (in most editors: Save As, Encoding: UTF-8)"))
    if not text.strip() or all(l.strip().startswith("#") or not l.strip() for l in text.splitlines()):
        raise _Invalid(Problem(display, 1, 1, "", "the file is empty", "start from another authority's file"))
    reader = _Reader(display, text.lstrip("\ufeff"))
    return reader.read(), reader


EXPECTED = {
    "float_type": "a number", "float_parsing": "a number", "decimal_type": "a number", "decimal_parsing": "a number",
    "int_type": "a whole number", "int_parsing": "a whole number", "int_from_float": "a whole number",
    "bool_type": "true or false", "bool_parsing": "true or false",
    "string_type": "some text (put numbers such as phone numbers in quotes)",
    "date_type": "a date written as YYYY-MM-DD", "date_parsing": "a date written as YYYY-MM-DD",
    "date_from_datetime_parsing": "a date written as YYYY-MM-DD",
    "list_type": "a list (lines starting with '- ')", "model_type": "a group of fields", "dict_type": "a group of fields",
    "model_attributes_type": "a group of fields",
    "url_parsing": "a web address starting with https://", "url_scheme": "a web address starting with https://",
    "url_type": "a web address starting with https://",
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
    return text if len(text) <= 60 else text[:57] + '..."'


def _model_at(path: FieldPath) -> type[BaseModel] | None:
    """The model whose fields are allowed at `path`, for suggesting a correct spelling."""
    model: Any = Authority
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


def _describe(error: dict, path: FieldPath) -> tuple[str, str]:
    kind, leaf = error["type"], next((p for p in reversed(path) if isinstance(p, str)), "")
    if kind == "missing":
        return "this required field is missing", f"add '{leaf}:' here"
    if kind == "extra_forbidden":
        allowed = list((_model_at(path[:-1]) or Authority).model_fields)
        close = difflib.get_close_matches(str(leaf), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "allowed here: " + ", ".join(allowed)
        return "this field is not one we know", hint
    got = _got(error.get("input"))
    if kind in ("value_error", "assertion_error"):
        if leaf in EXPECTED_BY_FIELD:
            return f"expected {EXPECTED_BY_FIELD[leaf]}, got {got}", ""
        return str(error.get("ctx", {}).get("error") or error["msg"]).removeprefix("Value error, "), ""
    if kind in ("too_short",) and isinstance(error.get("input"), list):
        return f"expected at least {error['ctx']['min_length']} item(s), got {len(error['input'])}", ""
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


def _problems_from_validation(error: ValidationError, reader: _Reader) -> list[Problem]:
    problems = []
    for item in error.errors():
        path = tuple(p for p in item["loc"])
        if item["type"] == "extra_forbidden":
            line, column = reader.key_where.get(path, reader.where.get(path, (1, 1)))
        else:
            probe = path
            while probe not in reader.where and probe:
                probe = probe[:-1]
            line, column = reader.where.get(probe, (1, 1))
        message, hint = _describe(item, path)
        problems.append(Problem(reader.display, line, column, field_name(path), message, hint))
    return problems


def load_authority(path: Path, display: str | None = None) -> tuple[Authority | None, list[Problem]]:
    display = display or str(path)
    try:
        data, reader = read_yaml(path, display)
    except _Invalid as invalid:
        return None, [invalid.problem]
    if not isinstance(data, dict):
        return None, [Problem(display, 1, 1, "", f"expected a group of fields (name: ..., slug: ...), got {_got(data)}")]
    try:
        authority = Authority.model_validate(data)
    except ValidationError as error:
        return None, _problems_from_validation(error, reader)
    if authority.slug != path.stem:
        line, column = reader.where.get(("slug",), (1, 1))
        return None, [Problem(display, line, column, "slug", f'expected "{path.stem}" (the file name), got "{authority.slug}"',
                              "the slug and the file name must match: rename one of them")]
    return authority, []


def authority_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.yaml") if p.is_file())


def load_authorities(directory: Path, root: Path | None = None) -> tuple[list[Authority], list[Problem]]:
    """Load every `*.yaml` in `directory`, sorted by name; problems use paths relative to `root`."""
    authorities, problems = [], []
    files = authority_files(directory)
    if not files:
        problems.append(Problem(str(directory), 1, 1, "", "there are no authority files (*.yaml) here"))
    for path in files:
        display = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
        authority, found = load_authority(path, display)
        problems.extend(found)
        if authority:
            authorities.append(authority)
    authorities.sort(key=lambda a: a.short_name)
    return authorities, problems
