"""Check authority files without building the site.

    python scripts/validate.py                      # every file in authorities/
    python scripts/validate.py authorities/camden.yaml

Prints one line per problem (file:line:column: field: what is wrong) and exits 1 if there are
any errors, 0 if every file can be published. Warnings (such as an http:// address) are printed
but do not stop publishing.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.loader import Problem, authority_files, load_authorities, load_authority  # noqa: E402
from macros.reserved_slugs import reserved_slugs  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Check Local Offer authority files.")
    parser.add_argument("files", nargs="*", type=Path, help="authority files (default: every file in authorities/)")
    args = parser.parse_args(argv)
    reserved = reserved_slugs(ROOT)
    problems: list[Problem] = []
    if args.files:
        for path in args.files:
            problems += load_authority(path, str(path), reserved)[1]
        checked = len(args.files)
    else:
        problems = load_authorities(ROOT / "authorities", root=ROOT, reserved=reserved)[1]
        checked = len(authority_files(ROOT / "authorities")[0])
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = [p for p in problems if p.is_error]
    warnings = len(problems) - len(errors)
    note = f" ({warnings} warning(s))" if warnings else ""
    if errors:
        print(f"\n{len(errors)} problem(s) found{note}. Nothing can be published until they are fixed.", file=sys.stderr)
        return 1
    print(f"{checked} authority file(s) checked: no problems{note}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
