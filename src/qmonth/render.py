"""The one place that decides how results look: Rich tables, TSV, CSV, JSON, JSONL, Markdown.

The only module that imports rich, and only when a table is drawn or a terminal must be
detected. Machine formats are written without Rich: untruncated, uncoloured, UTF-8.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import Enum
from typing import IO, TYPE_CHECKING, Any

from qmonth.queries import Report, Table

if TYPE_CHECKING:
    from rich.console import Console


class Format(str, Enum):
    """Output formats; without --format: table on a terminal, tsv otherwise."""

    table = "table"
    tsv = "tsv"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    md = "md"


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    # Built per call, never at import: Rich reads NO_COLOR, FORCE_COLOR, TTY_COMPATIBLE and
    # COLUMNS from the environment of this run.
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def choose(requested: Format | None) -> Format:
    """Return the requested format, or table when stdout is a terminal (as Rich sees it), else tsv."""
    if requested is not None:
        return requested
    return Format.table if _console().is_terminal else Format.tsv


def notes(messages: list[str]) -> None:
    """Write notes about gaps in the data to stderr, one line each."""
    for message in messages:
        sys.stderr.write(f"qmonth: note: {message}\n")
    sys.stderr.flush()


def error(message: str) -> None:
    """Write an error line to stderr."""
    sys.stderr.write(f"qmonth: error: {message}\n")
    sys.stderr.flush()


def emit(report: Report, fmt: Format, bom: bool = False, out: IO[str] | None = None) -> None:
    """Write a report to stdout (or `out`) in the chosen format."""
    out = out or sys.stdout
    if fmt is Format.json:
        out.write(json.dumps(report.data, ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.jsonl:
        items = report.data if isinstance(report.data, list) else [report.data]
        out.writelines(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
    elif fmt is Format.table:
        _tables(report.tables)
    else:
        if bom and fmt is Format.csv:
            out.write("\ufeff")
        writer = {Format.tsv: _tsv, Format.csv: _csv, Format.md: _md}[fmt]
        for index, table in enumerate(report.tables):
            if len(report.tables) > 1:
                if index:
                    out.write("\n")
                if table.title and fmt is not Format.csv:
                    out.write(f"# {table.title}\n" if fmt is Format.tsv else f"### {table.title}\n\n")
            out.write(writer(table))
    out.flush()


def cell(value: Any) -> str:
    """Return the plain text of a value: lists joined with '; ', None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _tsv_field(value: Any) -> str:
    # Tabs and newlines inside a value would break the row; escape them (and the escape).
    return cell(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _tsv(table: Table) -> str:
    lines = ["\t".join(c.key for c in table.columns)]
    lines += ["\t".join(_tsv_field(row.get(c.key)) for c in table.columns) for row in table.rows]
    return "\n".join(lines) + "\n"


def _csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([c.key for c in table.columns])
    writer.writerows([cell(row.get(c.key)) for c in table.columns] for row in table.rows)
    return buffer.getvalue()


def _md_field(value: Any) -> str:
    return cell(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def _md(table: Table) -> str:
    lines = [
        "| " + " | ".join(_md_field(c.header) for c in table.columns) + " |",
        "|" + "|".join(" --- " for _ in table.columns) + "|",
    ]
    lines += [
        "| " + " | ".join(_md_field(row.get(c.key)) for c in table.columns) + " |" for row in table.rows
    ]
    return "\n".join(lines) + "\n"


def _tables(tables: list[Table]) -> None:
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    console = _console()
    for table in tables:
        rich_table = RichTable(
            title=Text(table.title) if table.title else None,
            box=box.SIMPLE_HEAD,
            show_lines=False,
            title_justify="left",
            expand=any(c.ratio for c in table.columns),  # ratios share out the full width
        )
        for column in table.columns:
            rich_table.add_column(
                Text(column.header),
                overflow="fold",  # Chinese has no spaces to wrap at: fold, never truncate
                no_wrap=not column.wrap,
                min_width=None if column.wrap else len(column.header),
                ratio=column.ratio,
            )
        for row in table.rows:
            cells = []
            for column in table.columns:
                text = Text(cell(row.get(column.key)))
                if column.key == "text" and "matches" in row:
                    for start, end in row["matches"]:
                        text.stylize("bold reverse", start, end)
                cells.append(text)
            rich_table.add_row(*cells)
        console.print(rich_table)
