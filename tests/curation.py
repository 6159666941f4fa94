"""Independent checks of the curated data against the source texts.

Deliberately shares no code with qmonth: it reads the YAML with plain PyYAML and the sources as
bytes, and normalises with its own few lines, so a bug in qmonth.text cannot hide a curation
error. Run it by hand while curating: ``python tests/curation.py data/notices/2017.yaml``.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCES = DATA / "sources"

_FOLD = str.maketrans("〔〕【】“”‘’—–", "[][]\"\"''--")
_MARKDOWN = re.compile(r"\*\*|^\s*#+\s*|^\s*-{3,}\s*$|^\s*-\s+", re.MULTILINE)


def norm(text: str) -> str:
    """Whitespace and Markdown removed, full/half width unified, brackets and quotes folded."""
    text = _MARKDOWN.sub("", text)
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return re.sub(r"\s+", "", text).casefold()


def source_lines(name: str) -> list[str]:
    """Return the lines of a file in data/sources/ (index 0 is line 1)."""
    return (SOURCES / name).read_text(encoding="utf-8").split("\n")


def cited_text(files: dict[str, str], src: str) -> str | None:
    """Return the normalised text of the lines a `src` cites, or None for a URL-only source."""
    source_id, _, lines = src.partition(":")
    if source_id not in files:
        raise KeyError(f"src {src!r} names no source with a file")
    if not lines:
        return None
    first, _, last = lines.partition("-")
    all_lines = source_lines(files[source_id])
    a, b = int(first), int(last or first)
    if not 1 <= a <= b <= len(all_lines):
        raise ValueError(f"src {src!r} is outside the file ({len(all_lines)} lines)")
    return norm("\n".join(all_lines[a - 1 : b]))


# Fields holding text as printed, and the field that cites them.
_TEXT_FIELDS = {"text": "src", "heading": "src", "as_printed": "src", "signed_as": "signed_src"}


def cited_strings(node: Any, path: str = "$") -> Iterator[tuple[str, str, str]]:
    """Yield (path, string, src) for every as-printed string in a notice and what cites it."""
    if isinstance(node, dict):
        for field, src_field in _TEXT_FIELDS.items():
            value, src = node.get(field), node.get(src_field)
            if isinstance(value, str) and isinstance(src, str):
                yield f"{path}.{field}", value, src
        organizer = node.get("organizer")
        if isinstance(organizer, dict) and isinstance(node.get("src"), str):
            yield f"{path}.organizer", organizer["as_printed"], node["src"]
        for field, value in node.items():
            if field != "organizer":
                yield from cited_strings(value, f"{path}.{field}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from cited_strings(value, f"{path}[{index}]")


def fidelity_errors(notice_file: Path) -> list[str]:
    """Return one message for each as-printed string not found in the lines it cites."""
    notice = yaml.safe_load(notice_file.read_text(encoding="utf-8"))
    files = {s["id"]: s["file"] for s in notice["sources"] if s.get("file")}
    urls = {s["id"] for s in notice["sources"] if not s.get("file")}
    errors = []
    for path, value, src in cited_strings(notice):
        if src in urls:
            continue
        try:
            lines = cited_text(files, src)
        except (KeyError, ValueError) as exc:
            errors.append(f"{notice_file.name} {path}: {exc}")
            continue
        if lines is not None and norm(value) not in lines:
            errors.append(f"{notice_file.name} {path}: {value!r} not in {src}")
    return errors


if __name__ == "__main__":
    problems = [e for arg in sys.argv[1:] for e in fidelity_errors(Path(arg))]
    print("\n".join(problems) or "all cited strings found")
    sys.exit(1 if problems else 0)
