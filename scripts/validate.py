"""Check authority files without building the site.

    python scripts/validate.py                      # every file in authorities/
    python scripts/validate.py authorities/camden.yaml
    python scripts/validate.py --format github      # GitHub Actions annotations on a pull request
    python scripts/validate.py --format json        # the same list, for other tools
    python scripts/validate.py --fail-overdue       # an overdue review is an error, not a warning

Prints every problem in every file, sorted by file and line (file:line:column: field: what is
wrong; list items count from 1), and exits 1 if there are any errors, 0 if every file can be
published. Warnings (an http:// address, an overdue review) are printed but do not stop publishing.
"""

import argparse
import json
import sys
from dataclasses import asdict, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.data.loader import Problem, authority_files, load_authorities, load_authority, name_clashes  # noqa: E402
from macros.data.reserved_slugs import reserved_slugs  # noqa: E402
from macros.data.safe_text import for_log  # noqa: E402


def github_escape(text: str, in_property: bool = False) -> str:
    """GitHub's workflow-command escaping, so a message can never end the command early."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def as_github(problem: Problem) -> str:
    level = "error" if problem.is_error else "warning"
    message = for_log((f"{problem.field}: " if problem.field else "") + problem.message
                      + (f" (hint: {problem.hint})" if problem.hint else ""))
    return (f"::{level} file={github_escape(problem.file, True)},line={problem.line},col={problem.column}::"
            f"{github_escape(message)}")


def check(files: list[Path], fail_overdue: bool) -> tuple[list[Problem], int]:
    reserved = reserved_slugs(ROOT)
    if files:
        problems = [p for path in files for p in load_authority(path, str(path), reserved)[1]]
        # A council named like one beside it in its folder is found here too, not only by the build.
        beside = {other.resolve(): other for path in files for other in authority_files(path.parent)[0]}
        problems += name_clashes(files, list(beside.values()), reserved)
        checked = len(files)
    else:
        problems = load_authorities(ROOT / "authorities", root=ROOT, reserved=reserved)[1]
        checked = len(authority_files(ROOT / "authorities")[0])
    if fail_overdue:
        problems = [replace(p, severity="error") if p.code == "overdue" else p for p in problems]
    return sorted(problems, key=lambda p: (p.file, p.line, p.column)), checked


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Check Local Offer authority files.")
    parser.add_argument("files", nargs="*", type=Path, help="authority files (default: every file in authorities/)")
    parser.add_argument("--format", choices=["text", "github", "json"], default="text")
    parser.add_argument("--fail-overdue", action="store_true", help="treat an overdue review as an error")
    args = parser.parse_args(argv)
    problems, checked = check(args.files, args.fail_overdue)
    errors = [p for p in problems if p.is_error]
    if args.format == "json":
        print(json.dumps([{**asdict(p), "text": str(p)} for p in problems], indent=2, ensure_ascii=True))
        return 1 if errors else 0
    for problem in problems:
        print(as_github(problem) if args.format == "github" else problem, file=sys.stderr)
    warnings = len(problems) - len(errors)
    note = f" ({warnings} warning(s))" if warnings else ""
    if errors:
        print(f"\n{len(errors)} problem(s) found{note}. Nothing can be published until they are fixed.", file=sys.stderr)
        return 1
    print(f"{checked} authority file(s) checked: no problems{note}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
