"""Which topics the law asks a Local Offer to publish each council's data covers.

    .venv/bin/python scripts/coverage.py            # each council, then all side by side
    .venv/bin/python scripts/coverage.py trafford   # one council

A topic counts as covered only when the council's data holds something for it ("data"), or the
file links to where the council's own site covers it ("link").
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.pages.coverage import TOPICS, coverage  # noqa: E402
from macros.data.loader import load_authorities  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("slugs", nargs="*", help="councils to report (default: all)")
    args = parser.parse_args(argv)
    authorities, problems = load_authorities(ROOT / "authorities", root=ROOT)
    if [p for p in problems if p.is_error]:
        print("Fix the authority files first: scripts/validate.py lists the problems.", file=sys.stderr)
        return 1
    chosen = [a for a in authorities if not args.slugs or a.slug in args.slugs]
    for authority in chosen:
        rows = coverage(authority)
        covered = sum(1 for row in rows if row.by)
        print(f"\n{authority.name}: {covered} of {len(rows)} topics covered")
        for row in rows:
            mark = {"data": "covered (data)", "link": f"covered (link: {row.link})", "": "MISSING"}[row.by]
            print(f"  {row.topic.key:<24} {mark}")
    print("\n| topic | " + " | ".join(a.short_name for a in chosen) + " |")
    print("|---|" + "---|" * len(chosen))
    tables = [coverage(a) for a in chosen]
    for index, topic in enumerate(TOPICS):
        cells = [{"data": "data", "link": "link", "": "-"}[table[index].by] for table in tables]
        print(f"| {topic.key} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
