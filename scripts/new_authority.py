"""Start a new council's file, with every field present and a placeholder to fill in.

    .venv/bin/python scripts/new_authority.py "City of Doncaster Council"
    .venv/bin/python scripts/new_authority.py "City of Doncaster Council" --short-name Doncaster

Writes authorities/<slug>.yaml. Every "REPLACE THIS" is refused by scripts/validate.py (and so by
the build) until it is filled in or its field deleted, so a half-done file never reaches parents.
It never overwrites an existing file.
"""

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).with_name("new_authority_template.yaml")
# Words a council's full name has around its place name.
NAME_WORDS = r"^(the )?(london borough of|royal borough of|city of|county of)\s+|\s+(metropolitan )?(borough |district |county |city )?council$"


def short_name_of(name: str) -> str:
    return re.sub(NAME_WORDS, "", name.strip(), flags=re.I).strip() or name.strip()


def slug_of(short_name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", short_name.lower()).strip("-")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Start a new council's authority file.")
    parser.add_argument("name", help='the council\'s full name, e.g. "City of Doncaster Council"')
    parser.add_argument("--short-name", help="the place name for page titles (worked out from the name if left out)")
    parser.add_argument("--folder", type=Path, default=ROOT / "authorities")
    args = parser.parse_args(argv)
    short_name = args.short_name or short_name_of(args.name)
    slug = slug_of(short_name)
    target = args.folder / f"{slug}.yaml"
    if target.exists() or target.is_symlink():
        print(f"{target} already exists: nothing was written. Edit it, or choose another name.", file=sys.stderr)
        return 1
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in (("name", args.name.strip()), ("short_name", short_name), ("slug", slug)):
        text = text.replace("{" + key + "}", value)
    target.write_text(text, encoding="utf-8")
    shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
    print(f"wrote {shown}: fill in each REPLACE THIS, or delete fields the council's pages do not give.\n"
          f"Then run: .venv/bin/python scripts/validate.py {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
