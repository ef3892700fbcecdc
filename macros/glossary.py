"""The national glossary (glossary.yaml): read once, used by the Glossary page and wherever terms appear."""

from functools import lru_cache
from pathlib import Path

import yaml

GLOSSARY_FILE = Path(__file__).with_name("glossary.yaml")


@lru_cache(maxsize=1)
def load_glossary() -> tuple[dict, ...]:
    entries = yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))
    return tuple(sorted(({"stands_for": None, **e} for e in entries), key=lambda e: e["term"].lower()))
