"""Reference commands: years, theme, slogans, issuers, sources, show."""

from __future__ import annotations

from typing import Annotated

import typer

from qmonth import queries
from qmonth.cli import FormatOption, app, complete_years, execute, parse_year

Year = Annotated[
    str, typer.Argument(metavar="YEAR", help="A year, e.g. 2017.", autocompletion=complete_years)
]
OptionalYear = Annotated[
    str | None,
    typer.Argument(
        metavar="[YEAR]", help="A year, e.g. 2017.", autocompletion=complete_years, show_default=False
    ),
]


@app.command()
def years(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """List every year in the dataset: theme, 文号, date, counts, coverage and confidence."""
    execute(ctx, queries.years, fmt)


@app.command()
def theme(ctx: typer.Context, year: OptionalYear = None, fmt: FormatOption = None) -> None:
    """Show a year's theme with title, 文号, dates, issuers, coverage and source.

    Without YEAR: the timeline of every year's theme, with coverage and confidence.
    """
    if year is None:
        execute(ctx, queries.timeline, fmt)
    else:
        number = parse_year(year)
        execute(ctx, lambda ds: queries.theme(ds, number), fmt)


@app.command()
def slogans(ctx: typer.Context, year: Year, fmt: FormatOption = None) -> None:
    """List a year's slogans, numbered, with their scope; or say why none are recorded."""
    number = parse_year(year)
    execute(ctx, lambda ds: queries.slogans(ds, number), fmt)


@app.command()
def issuers(ctx: typer.Context, year: Year, fmt: FormatOption = None) -> None:
    """List a year's issuing departments: as printed, full name, short name, registry id."""
    number = parse_year(year)
    execute(ctx, lambda ds: queries.issuers(ds, number), fmt)


@app.command()
def sources(ctx: typer.Context, year: OptionalYear = None, fmt: FormatOption = None) -> None:
    """List the sources behind each year (or one year): grade, where to find them, what they support."""
    number = parse_year(year) if year is not None else None
    execute(ctx, lambda ds: queries.sources(ds, number), fmt)


@app.command()
def show(
    ctx: typer.Context,
    year: Year,
    source: Annotated[
        bool, typer.Option("--source", help="Add the original source lines of every record.")
    ] = False,
    fmt: FormatOption = None,
) -> None:
    """Show a year's whole record: metadata, theme, issuers, slogans, activities, gaps, sources."""
    number = parse_year(year)
    execute(ctx, lambda ds: queries.show(ds, number, with_source=source), fmt)
