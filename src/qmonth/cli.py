"""The qmonth command line: parse, pick the output format, map errors to exit codes.

Commands live in qmonth.commands; this module holds the app, the global options and the one
function every command runs through.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from qmonth.errors import ExitStatus, QmonthError
from qmonth.render import Format

EXIT_CODES = "Exit codes: 0 results, 1 nothing found (unknown year, no hit), 2 usage error, 3 invalid data."

app = typer.Typer(
    name="qmonth",
    help="Answers questions about China's national Quality Month (全国“质量月”) circulars, "
    "with the source at hand.",
    epilog=EXIT_CODES,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class Settings:
    """Global options, shared with every command through the Typer context."""

    data_dir: Path | None = None
    format: Format | None = None
    bom: bool = False


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"qmonth {version('qmonth')}")
        raise typer.Exit()


def _data_dir_from(ctx: typer.Context) -> Path | None:
    settings = ctx.find_root().obj
    if isinstance(settings, Settings) and settings.data_dir:
        return settings.data_dir
    value = ctx.find_root().params.get("data_dir")
    return Path(value) if value else None


def complete_years(ctx: typer.Context, incomplete: str) -> list[str]:
    """Offer the years of the data directory (file names only; nothing is parsed)."""
    from qmonth.loader import default_data_dir

    notices = (_data_dir_from(ctx) or default_data_dir()) / "notices"
    try:
        years = sorted(p.stem for p in notices.glob("*.yaml"))
    except OSError:
        return []
    return [y for y in years if y.startswith(incomplete)]


def complete_departments(ctx: typer.Context, incomplete: str) -> list[str]:
    """Offer every full and short department name of the registry."""
    from qmonth.loader import load

    try:
        names = load(_data_dir_from(ctx)).departments.all_names()
    except QmonthError:
        return []
    return [n for n in names if n.startswith(incomplete)]


FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format (default: table on a terminal, tsv in a pipe).",
        show_default=False,
    ),
]


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            envvar="QMONTH_DATA_DIR",
            help="Query another dataset: a directory with notices/*.yaml and organizations.yaml.",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = None,
    bom: Annotated[bool, typer.Option("--bom", help="Start CSV output with a BOM, for Excel.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Answers questions about China's national Quality Month (全国“质量月”) circulars."""
    ctx.obj = Settings(data_dir, fmt, bom)


_CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def parse_year(text: str) -> int:
    """Return a four-digit year from '2017', '２０１７' or '二〇一七'; else a usage error (exit 2)."""
    cleaned = unicodedata.normalize("NFKC", text).strip().translate(_CHINESE_DIGITS)
    cleaned = cleaned.removesuffix("年")
    if len(cleaned) != 4 or not cleaned.isascii() or not cleaned.isdigit():
        shown = text if text.isprintable() and len(text) <= 40 else repr(text[:40])
        raise typer.BadParameter(f"{shown!s} is not a year; give four digits, e.g. 2017")
    return int(cleaned)


def execute(ctx: typer.Context, query: Callable[..., object], fmt: Format | None) -> None:
    """Load the dataset, run a query, render it; map domain errors to one line and an exit code."""
    from qmonth import render
    from qmonth.loader import load
    from qmonth.queries import Report

    settings = ctx.find_root().obj if isinstance(ctx.find_root().obj, Settings) else Settings()
    try:
        dataset = load(settings.data_dir)
        report = query(dataset)
        assert isinstance(report, Report)
    except QmonthError as exc:
        render.notes(exc.notes)
        render.error(str(exc))
        raise typer.Exit(exc.exit_status) from None
    render.notes(report.notes)
    render.emit(report, render.choose(fmt or settings.format), bom=settings.bom)


def main() -> None:
    """Console-script entry point."""
    if sys.stdout.encoding and sys.stdout.encoding.lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    try:
        app()
    except BrokenPipeError:
        # The reader went away (`qmonth years | head -1`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(ExitStatus.NOT_FOUND)


# The commands register themselves on `app`; imported last because they import from here.
from qmonth import commands  # noqa: E402, F401
