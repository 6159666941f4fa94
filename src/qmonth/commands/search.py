"""search: activities (and themes, slogans, titles) containing every term."""

from __future__ import annotations

from typing import Annotated

import typer

from qmonth import queries
from qmonth.cli import FormatOption, app, complete_departments, complete_years, execute, parse_year
from qmonth.loader import Dataset
from qmonth.queries import SEARCH_FIELDS, SearchField


def _fields(values: list[str] | None) -> list[SearchField]:
    chosen: list[SearchField] = []
    for value in values or ["activities"]:
        for name in value.split(","):
            name = name.strip()
            if name == "all":
                chosen.extend(SEARCH_FIELDS)
                continue
            match = next((f for f in SEARCH_FIELDS if f == name or f.rstrip("s") == name), None)
            if match is None:
                raise typer.BadParameter(
                    f"{name!r} is not one of {', '.join(SEARCH_FIELDS)}, all", param_hint="--in"
                )
            chosen.append(match)
    return chosen


@app.command()
def search(
    ctx: typer.Context,
    terms: Annotated[
        list[str], typer.Argument(metavar="TERM...", help="Every term must occur (substring match).")
    ],
    year: Annotated[
        str | None, typer.Option("--year", "-y", help="Only this year.", autocompletion=complete_years)
    ] = None,
    year_from: Annotated[str | None, typer.Option("--from", help="From this year on.")] = None,
    year_to: Annotated[str | None, typer.Option("--to", help="Up to this year.")] = None,
    issuer: Annotated[
        str | None,
        typer.Option(
            "--issuer",
            help="Only years this department issued (any full or short name, e.g. 质检总局).",
            autocompletion=complete_departments,
        ),
    ] = None,
    fields: Annotated[
        list[str] | None,
        typer.Option(
            "--in",
            help="What to search: activities (default), themes, slogans, titles, all; repeat or comma-separate.",
            show_default=False,
        ),
    ] = None,
    count: Annotated[bool, typer.Option("--count", help="Give the number of hits per year.")] = False,
    fmt: FormatOption = None,
) -> None:
    """Search activities for records containing every TERM.

    Matching ignores spaces and line breaks, full/half width and 〔〕/[] variants, so one- and
    two-character terms (质量, 可靠) work. JSON `matches` are [start, end) code-point offsets into `text`.
    """
    chosen = _fields(fields)
    first = parse_year(year) if year else parse_year(year_from) if year_from else None
    last = parse_year(year) if year else parse_year(year_to) if year_to else None
    if year and (year_from or year_to):
        raise typer.BadParameter("--year cannot be combined with --from/--to", param_hint="--year")
    if first is not None and last is not None and first > last:
        raise typer.BadParameter(f"--from {first} is after --to {last}", param_hint="--from")

    def run(dataset: Dataset) -> queries.Report:
        return queries.search(dataset, terms, chosen, first, last, issuer, count)

    execute(ctx, run, fmt)
