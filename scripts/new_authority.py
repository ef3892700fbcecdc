"""Start a new council's file, with every field present and a placeholder to fill in.

    .venv/bin/python scripts/new_authority.py "City of Doncaster Council"
    .venv/bin/python scripts/new_authority.py "City of Doncaster Council" --short-name Doncaster

Writes authorities/<slug>.yaml, and the folder for the council's source pages,
authorities/sources/<slug>/, with a README.md saying what goes there. Every "REPLACE THIS" is
refused by scripts/validate.py (and so by the build) until it is filled in or its field deleted,
so a half-done file never reaches parents; a choice that would state a fact (such as optional:
true) is there as a comment, stating nothing until an editor chooses it.
It never overwrites an existing file (exit 1), and writes nothing for a name the data model would
refuse or that gives no usable web address (exit 2).
"""

import argparse
import re
import sys
from pathlib import Path

import yaml
from pydantic import TypeAdapter, ValidationError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.data.model import Name, Slug  # noqa: E402
from macros.data.problems import Invalid  # noqa: E402
from macros.data.reserved_slugs import reserved_slugs  # noqa: E402
from macros.data.safe_text import describe, for_log  # noqa: E402
from macros.data.sources import sources_folder  # noqa: E402
from macros.data.yaml_reader import PLACEHOLDER, Reader  # noqa: E402

TEMPLATE = Path(__file__).with_name("new_authority_template.yaml")
# Words a council's full name has around its place name.
NAME_WORDS = r"^(the )?(london borough of|royal borough of|city of|county of)\s+|\s+(metropolitan )?(borough |district |county |city )?council$"
# The template's lines for the values worked out here; everything else in it is copied as it is.
IDENTITY_LINE = re.compile(r"^(name|short_name|slug): \{\1\}\n", re.M)


class Refused(Exception):
    """A name this scaffold will not write a file for; the message is for the editor."""


def short_name_of(name: str) -> str:
    return re.sub(NAME_WORDS, "", name.strip(), flags=re.I).strip() or name.strip()


def slug_of(short_name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", short_name.lower()).strip("-")


def _allowed_characters(pattern: str) -> str:
    # Worded from the model's own pattern, so this message cannot fall behind the model.
    allowed = re.fullmatch(r"\^\[(.*)\]\+\$", pattern)
    punctuation = re.sub(r"A-Z|a-z|0-9| ", "", allowed.group(1)) if allowed else ""
    return "letters A to Z, numbers, spaces" + (f" and {' '.join(punctuation)}" if punctuation else "")


def checked_name(field: str, value: str, hint: str = "") -> str:
    """`value` as the model's Name type holds it, or Refused saying what to change."""
    try:
        value = TypeAdapter(Name).validate_python(value)
    except ValidationError as error:
        problem = error.errors()[0]
        limits = problem.get("ctx", {})
        shown = f'"{for_log(value, 60)}"'
        if problem["type"] == "string_too_short":
            raise Refused(f"{field}: expected at least {limits['min_length']} characters, got {shown}{hint}")
        if problem["type"] == "string_too_long":
            raise Refused(f"{field}: expected at most {limits['max_length']} characters, got {len(value.strip())} "
                          f"characters ({shown}){hint}")
        pattern = limits.get("pattern", "")
        bad = next((ch for ch in value if not re.fullmatch(pattern, ch)), "")
        raise Refused(f'{field}: expected {_allowed_characters(pattern)}, got "{for_log(bad)}", {describe(bad)}, '
                      f"in {shown}{hint}" if bad else f"{field}: expected a name, got {shown}{hint}")
    # Beyond the model: a name with no letters ("123", "(-)") is no council's, and makes a page
    # called "SEND support in 123" or no web address at all.
    if not re.search(r"[A-Za-z]", value):
        raise Refused(f'{field}: expected a council\'s name, with letters in it, got "{value}"{hint}')
    if PLACEHOLDER in value:
        raise Refused(f'{field}: expected the council\'s own name, got "{value}", which reads as a placeholder{hint}')
    return value


def checked_slug(slug: str, short_name: str, reserved: frozenset[str]) -> str:
    try:
        slug = TypeAdapter(Slug).validate_python(slug)
    except ValidationError as error:
        limit = error.errors()[0].get("ctx", {}).get("max_length")
        expected = f"at most {limit} characters" if limit else "lower-case letters, numbers and hyphens"
        raise Refused(f'slug: expected {expected}, got "{for_log(slug, 80)}" (made from the short name '
                      f'"{short_name}"): give a shorter place name with --short-name')
    if slug in reserved:
        raise Refused(f'slug: "{slug}" is the address of a page or folder every council shares: '
                      "give another place name with --short-name")
    return slug


def yaml_line(key: str, value: str) -> str:
    """`key: value` written by PyYAML's emitter, so the value reads back as exactly this text."""
    line = yaml.safe_dump({key: value}, allow_unicode=True, width=1_000_000)
    try:
        read_back = Reader(key, line).read()
    except Invalid:
        read_back = None
    # The emitter quotes what YAML 1.1 would read as something else; the project reads YAML 1.2,
    # where 0o17 and 1e3 are numbers too, so those are quoted as well.
    if read_back != {key: value}:
        line = f"{key}: " + yaml.safe_dump(value, default_style='"', allow_unicode=True, width=1_000_000)
    return line


def new_file_text(name: str, short_name: str, slug: str) -> str:
    values = {"name": name, "short_name": short_name, "slug": slug}
    return IDENTITY_LINE.sub(lambda match: yaml_line(match[1], values[match[1]]),
                             TEMPLATE.read_text(encoding="utf-8"))


SOURCES_README = """# {name}: source pages

Each .md file here is one page that facts in authorities/{slug}.yaml came from ({name}'s
own pages, or its SENDIASS's, parent carer forum's or a school's), saved so that every
council_says quote can be checked against it. Start each file with front matter (title, url,
publisher, publisher_kind, read, and last_updated if the page shows a date) between two lines of
---, then the page's text exactly as it is, marking any cut with '…'. Name each file in the
council's sources: list. EDITING.md, "Add a source", says more. This README is not a source page.
"""


def made_sources_folder(folder: Path, name: str, slug: str) -> str:
    """The council's sources folder, made with its README if it is not there: what to tell the editor."""
    target = sources_folder(folder, slug)
    shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
    try:
        target.mkdir(parents=True, exist_ok=True)
        if target.is_symlink() or not target.is_dir():
            return f"{shown} is there but is not a folder: make it a folder, and save the council's pages in it"
        with open(target / "README.md", "x", encoding="utf-8", newline="\n") as file:
            file.write(SOURCES_README.format(name=name, slug=slug))
    except FileExistsError:
        if not target.is_dir():
            return f"{shown} is there but is not a folder: make it a folder, and save the council's pages in it"
        # a README, or pages, an editor already has are theirs
    except OSError as error:
        return (f"could not make {shown}/ ({for_log(error.strerror or error, 120)}): make that folder yourself, "
                "and save the council's pages in it")
    return f"save the council's pages in {shown}/"


class Parser(argparse.ArgumentParser):
    def error(self, message):
        # One line, like every other refusal here. A name starting with "-" is read as an option.
        self.exit(2, f"new_authority.py: {message}. Usage: new_authority.py \"Name of Council\" [--short-name NAME]"
                     " (a name that starts with - goes last, after --). Nothing was written.\n")


def main(argv=None) -> int:
    parser = Parser(description="Start a new council's authority file.")
    parser.add_argument("name", help='the council\'s full name, e.g. "City of Doncaster Council"')
    parser.add_argument("--short-name", help="the place name for page titles (worked out from the name if left out)")
    parser.add_argument("--folder", type=Path, default=ROOT / "authorities")
    args = parser.parse_args(argv)
    try:
        name = checked_name("name", args.name)
        if args.short_name is None:
            short_name = checked_name("short_name", short_name_of(name),
                                      " (worked out from the name: give the place name with --short-name)")
        else:
            short_name = checked_name("short_name", args.short_name)
        slug = checked_slug(slug_of(short_name), short_name, reserved_slugs(ROOT))
    except Refused as refused:
        print(f"new_authority.py: {refused}. Nothing was written.", file=sys.stderr)
        return 2
    text = new_file_text(name, short_name, slug)
    target = args.folder / f"{slug}.yaml"
    shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
    try:
        # "x" creates the file or fails if anything, even a broken link, already has its name.
        with open(target, "x", encoding="utf-8", newline="\n") as file:
            try:
                file.write(text)
            except OSError:
                target.unlink()  # a half-written file would look like a real start
                raise
    except FileExistsError:
        print(f"{shown} already exists: nothing was written. Edit it, or choose another name.", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{shown}: could not write the file ({for_log(error.strerror or error, 120)}): nothing was written. "
              "Check that --folder is a folder you can write to.", file=sys.stderr)
        return 1
    print(f"wrote {shown}: fill in each REPLACE THIS, or delete fields the council's pages do not give.\n"
          f"{made_sources_folder(args.folder, name, slug)} (one .md file each, as EDITING.md says).\n"
          f"Then run: .venv/bin/python scripts/validate.py {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
