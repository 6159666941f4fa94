"""The wheel carries the data; the schemas match the model; the docs match the commands."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from curation import DATA
from qmonth.cli import app
from qmonth.schema import SCHEMAS, render

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_wheel_contains_every_data_file(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("qmonth-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"qmonth/data/{p.relative_to(DATA).as_posix()}" for p in DATA.rglob("*") if p.is_file()}
    assert expected and expected <= names
    assert "qmonth/cli.py" in names


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_generated_from_the_model(name: str) -> None:
    committed = (DATA / "schema" / name).read_text(encoding="utf-8")
    assert committed == render(name), "run `python -m qmonth.schema` and commit data/schema/"


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_has_help_and_is_in_the_readme() -> None:
    commands = _commands()
    assert {"years", "theme", "slogans", "issuers", "diff-issuers", "search", "show", "sources"} <= set(
        commands
    )
    runner = CliRunner()
    for command in commands:
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Usage" in result.stdout
        assert f"qmonth {command}" in README, f"README does not show `qmonth {command}`"


def test_readme_documents_exit_codes_and_json_keys() -> None:
    for code in ("0", "1", "2", "3"):
        assert re.search(rf"^\| {code} \|", README, re.MULTILINE)
    for json_key in ("doc_number", "issuers_count", "scope", "as_printed", "succeeded", "matches"):
        assert f"`{json_key}`" in README


def test_ci_runs_the_readme_commands_word_for_word() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
    setup = [line for block in blocks[:2] for line in block.splitlines() if line and not line.startswith("#")]
    install_run, install_test = setup[0], setup[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install_test in ci
    assert install_run in ci
