"""diff-issuers: which departments stayed, were succeeded across a reform, joined or left."""

from __future__ import annotations

from typing import Annotated

import typer

from qmonth import queries
from qmonth.cli import FormatOption, app, complete_years, execute, parse_year


@app.command("diff-issuers")
def diff_issuers(
    ctx: typer.Context,
    year_a: Annotated[
        str, typer.Argument(metavar="A", help="The first year.", autocompletion=complete_years)
    ],
    year_b: Annotated[
        str, typer.Argument(metavar="B", help="The second year.", autocompletion=complete_years)
    ],
    raw: Annotated[
        bool, typer.Option("--raw", help="Compare the names as printed instead (for comparison only).")
    ] = False,
    fmt: FormatOption = None,
) -> None:
    """Compare the issuing departments of two years by registry id and lineage.

    中共中央宣传部 and 中央宣传部 are one department; 国家质量监督检验检疫总局 → 国家市场监督管理总局
    (2018) is a succession, not a departure and an arrival.
    """
    a, b = parse_year(year_a), parse_year(year_b)
    query = queries.diff_raw if raw else queries.diff_issuers
    execute(ctx, lambda ds: query(ds, a, b), fmt)
