"""How much of each council's data carries the council's own words (council_says), and what does not.

    .venv/bin/python scripts/provenance.py              # every council in authorities/
    .venv/bin/python scripts/provenance.py --missing    # also list each statement without a quote

A quote that is not on a source page, or whose must, should or can or whose numbers differ, is a
problem the build refuses; they are listed here too. Exit 1 if there is any, or if a council that
requires provenance has a statement without a quote.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.data.loader import authority_files, load_authority  # noqa: E402
from macros.data.provenance import report  # noqa: E402
from macros.data.reserved_slugs import reserved_slugs  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--missing", action="store_true", help="list each statement without a quote")
    parser.add_argument("--authorities", type=Path, default=ROOT / "authorities", help="the authorities folder")
    args = parser.parse_args(argv)
    files, _ = authority_files(args.authorities)
    reserved = reserved_slugs(ROOT)
    failed = False
    print(f"{'council':<28} {'statements':>10} {'quoted':>7} {'share':>6}  provenance")
    for path in files:
        authority, problems = load_authority(path, str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path),
                                             reserved)
        errors = [p for p in problems if p.is_error]
        if authority is None:
            print(f"{path.stem:<28} {'-':>10} {'-':>7} {'-':>6}  {len(errors)} problem(s):")
            for problem in errors:
                print(f"    {problem}")
            failed = True
            continue
        found = report(authority)
        print(f"{authority.slug:<28} {found.statements:>10} {found.quoted:>7} {found.share:>6.0%}  {authority.provenance}")
        if args.missing:
            for line in found.unquoted:
                print(f"    no quote: {line}")
        failed |= authority.provenance == "required" and found.quoted < found.statements
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
