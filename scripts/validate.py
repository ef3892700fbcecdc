"""Check authority files without building the site.

    python scripts/validate.py                      # every file in authorities/
    python scripts/validate.py authorities/camden.yaml

Prints one line per problem (file:line:column: field: what is wrong) and exits 1
if there are any, 0 if every file is fine.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.loader import Problem, load_authorities, load_authority  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Check Local Offer authority files.")
    parser.add_argument("files", nargs="*", type=Path, help="authority files (default: every file in authorities/)")
    args = parser.parse_args(argv)
    problems: list[Problem] = []
    checked = 0
    if args.files:
        for path in args.files:
            if not path.is_file():
                problems.append(Problem(str(path), 1, 1, "", "there is no such file"))
                continue
            checked += 1
            problems += load_authority(path, str(path))[1]
    else:
        authorities, problems = load_authorities(ROOT / "authorities", root=ROOT)
        checked = len(list((ROOT / "authorities").glob("*.yaml")))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"\n{len(problems)} problem(s) found. Nothing can be published until they are fixed.", file=sys.stderr)
        return 1
    print(f"{checked} authority file(s) checked: no problems.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
