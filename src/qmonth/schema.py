"""Generate the JSON Schemas of the data files from the model: `python -m qmonth.schema [DATA_DIR]`.

The committed schemas in data/schema/ are checked against this output by the tests, so the
editor's validation and the loader's cannot drift apart.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from qmonth.model import Notice, Registry, schema

SCHEMAS: dict[str, type[Notice] | type[Registry]] = {
    "notice.schema.json": Notice,
    "registry.schema.json": Registry,
}


def render(name: str) -> str:
    """Return the text of one schema file."""
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema(SCHEMAS[name])}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str]) -> None:
    """Write every schema into DATA_DIR/schema (default: ./data/schema)."""
    target = Path(argv[0] if argv else "data") / "schema"
    target.mkdir(parents=True, exist_ok=True)
    for name in SCHEMAS:
        (target / name).write_text(render(name), encoding="utf-8")
        print(target / name)


if __name__ == "__main__":
    main(sys.argv[1:])
