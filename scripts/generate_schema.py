"""Write authorities/authority.schema.json from the data model (run after changing macros/data/model.py)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.data.schema import SCHEMA_FILE, schema_text  # noqa: E402

if __name__ == "__main__":
    (ROOT / SCHEMA_FILE).write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
