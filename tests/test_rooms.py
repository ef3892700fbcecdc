"""macros/ is in rooms, each using only the rooms below it: build uses pages and data, pages uses
data, data uses neither. A module that imports upwards would tangle the order a newcomer reads in."""

from __future__ import annotations

import ast
from pathlib import Path

from support import ROOT

MACROS = ROOT / "macros"
ORDER = ["data", "pages", "build"]  # lowest first


def room_of_file(path: Path) -> str:
    return path.relative_to(MACROS).parts[0]


def imported_rooms(path: Path, root: Path = ROOT) -> set[tuple[str, int]]:
    """The rooms `path` imports from, each with the line of its import."""
    package = list(path.relative_to(root).parent.parts)
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = base + (node.module.split(".") if node.module else [])
            names = [".".join(module + [alias.name]) if not node.module else ".".join(module) for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "macros" and len(parts) > 1:
                found.add((parts[1], node.lineno))
    return found


def test_no_module_is_left_loose_at_the_top_of_macros():
    loose = [p.name for p in MACROS.iterdir() if p.is_file() and p.name != "__init__.py"]
    assert loose == []
    assert sorted(p.name for p in MACROS.iterdir() if p.is_dir() and not p.name.startswith("__")) == sorted(ORDER)


def test_each_room_uses_only_the_rooms_below_it():
    upward = []
    for path in sorted(MACROS.rglob("*.py")):
        room = room_of_file(path)
        for used, line in imported_rooms(path):
            if used not in ORDER:
                upward.append(f"{path.relative_to(ROOT)}:{line}: imports macros.{used}, which is no room")
            elif ORDER.index(used) > ORDER.index(room):
                upward.append(f"{path.relative_to(ROOT)}:{line}: the {room} room imports from {used}, a room above it")
    assert upward == []


def test_the_check_sees_an_upward_import(tmp_path):
    probe = tmp_path / "macros" / "data" / "probe.py"
    probe.parent.mkdir(parents=True)
    probe.write_text("from ..pages import views\nimport macros.build.hooks\nfrom .model import Authority\n", encoding="utf-8")
    assert imported_rooms(probe, tmp_path) == {("pages", 1), ("build", 2), ("data", 3)}


def test_the_hooks_mkdocs_names_are_the_build_room():
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    hooks = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["hooks"]
    assert hooks and all(hook.startswith("macros/build/") and (ROOT / hook).is_file() for hook in hooks)
