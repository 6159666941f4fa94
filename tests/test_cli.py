"""Every command in pipe and terminal mode, every exit code, and the JSON contract."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml
from rich.cells import cell_len
from typer.testing import CliRunner

from curation import DATA
from qmonth.cli import app
from qmonth.text import key

runner = CliRunner()
TERMINAL = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1"}

# (arguments, a string the output must hold) for every command; the strings are read from the sources.
COMMANDS = [
    (["years"], "国质检质联〔2017〕374号"),
    (["theme"], "人人创造质量，人人享受质量"),
    (["theme", "2017"], "大力提升质量建设质量强国"),
    (["slogans", "2011"], "科学发展 质量为本"),
    (["issuers", "2020"], "国家卫生健康委"),
    (["diff-issuers", "2015", "2020"], "国家质量监督检验检疫总局"),
    (["diff-issuers", "--raw", "2015", "2020"], "中央宣传部"),
    (["search", "可靠性"], "国防科工局"),
    (["show", "2020"], "中机质协[2020]10号"),
    (["sources", "2019"], "ptcsfa.com/zt/zly/quality_re2019.htm"),
]


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


def notice(year: int) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((DATA / "notices" / f"{year}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("args", "expected"), COMMANDS, ids=lambda v: " ".join(v) if isinstance(v, list) else ""
)
def test_pipe_mode_prints_tab_separated_rows(args: list[str], expected: str) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert expected in result.stdout
    header = next(line for line in result.stdout.splitlines() if not line.startswith("# "))
    assert "\t" in header  # multi-table output (show) titles each table with a '# ' line
    assert "\x1b[" not in result.stdout  # no colour in a pipe
    assert "─" not in result.stdout  # no table rules either


@pytest.mark.parametrize(
    ("args", "expected"), COMMANDS, ids=lambda v: " ".join(v) if isinstance(v, list) else ""
)
def test_terminal_mode_draws_a_table(args: list[str], expected: str) -> None:
    result = run(*args, env=TERMINAL)
    assert result.exit_code == 0, result.stderr
    assert "─" in result.stdout
    assert "\t" not in result.stdout
    assert "…" not in result.stdout  # folded, never truncated
    wide = run(*args, env={**TERMINAL, "COLUMNS": "400"})
    assert key(expected) in key(wide.stdout)


def test_tables_fold_long_chinese_text_within_the_width() -> None:
    result = run("search", "可靠性", env={**TERMINAL, "COLUMNS": "60"})
    assert result.exit_code == 0
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert max(cell_len(line) for line in plain.splitlines()) <= 60
    assert "…" not in result.stdout
    assert set("提升关键产品和关键系统可靠性、一致性、稳定性") <= set(result.stdout)


def test_force_color_colours_the_table() -> None:
    result = run(
        "search", "可靠性", env={"TTY_COMPATIBLE": "1", "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    )
    assert "\x1b[" in result.stdout


def test_markup_like_brackets_in_data_are_printed_literally() -> None:
    result = run("show", "2015", env=TERMINAL)
    assert "中机质协[2015]29号" in result.stdout


# Exit codes ----------------------------------------------------------------------------------


def test_unknown_year_exits_1_and_names_the_years_that_exist() -> None:
    result = run("theme", "1999")
    assert result.exit_code == 1
    assert "no circular recorded for 1999" in result.stderr
    assert "2004" in result.stderr and "qmonth years" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("year", ["17", "abc", "20177", "2017.5", "", "\x00", "２０１７x"])
def test_a_year_that_is_not_four_digits_is_a_usage_error(year: str) -> None:
    result = run("theme", year)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr + result.stdout


def test_negative_year_is_a_usage_error() -> None:
    result = run("theme", "-1")
    assert result.exit_code == 2


@pytest.mark.parametrize("year", ["二〇一七", "２０１７", "2017年"])
def test_years_written_in_chinese_or_full_width_are_understood(year: str) -> None:
    result = run("theme", year, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["year"] == 2017


def test_no_search_hit_exits_1_and_says_so_on_stderr() -> None:
    result = run("search", "不存在的词语组合")
    assert result.exit_code == 1
    assert "no activities containing" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("term", ["", "   ", "\u3000"])
def test_an_empty_search_term_is_a_usage_error(term: str) -> None:
    result = run("search", term)
    assert result.exit_code == 2
    assert "empty" in result.stderr


@pytest.mark.parametrize("term", ["质" * 20000, "\x00\x01\x1b[31m", "[bold]质量[/bold]", "😀"])
def test_odd_search_terms_never_raise(term: str) -> None:
    result = run("search", term)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_missing_data_dir_exits_1(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path / "nowhere"), "years")
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_data_dir_without_yaml_exits_1(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "years")
    assert result.exit_code == 1
    assert "no notice files" in result.stderr


def test_unknown_format_is_a_usage_error() -> None:
    assert run("years", "--format", "xml").exit_code == 2


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("qmonth ")


# JSON contract -------------------------------------------------------------------------------


def test_theme_json() -> None:
    data = json.loads(run("theme", "2017", "-f", "json").stdout)
    source = notice(2017)
    assert data["theme"] == source["theme"]["text"]
    assert data["doc_number"] == "国质检质联〔2017〕374号"
    assert data["title"] == "质检总局等关于开展2017年全国“质量月”活动的通知"
    assert data["issuers_count"] == 47  # README of the sources: 47 issuing units
    assert data["coverage"] == "full_text"


def test_global_format_option_applies_to_the_command() -> None:
    data = json.loads(run("--format", "json", "theme", "2020").stdout)
    assert data["theme"] == "建设质量强国 决胜全面小康"


def test_slogans_json_keeps_scope() -> None:
    data = json.loads(run("slogans", "2011", "-f", "json").stdout)
    assert {"year", "text", "scope"} <= set(data[0])
    # The 2011 attachment prints 3 supplementary slogans of the machinery industry.
    assert [s["text"] for s in data if s["scope"] == "machinery_supplement"][-1] == "科学发展 质量为本"


def test_slogans_of_a_year_without_them_say_why() -> None:
    result = run("slogans", "2014")
    assert result.exit_code == 1
    assert "attachment 3" in result.stderr or "slogans" in result.stderr


def test_issuers_json() -> None:
    data = json.loads(run("issuers", "2015", "-f", "json").stdout)
    assert {"id", "name", "as_printed"} <= set(data[0])
    assert data[0]["name"] == "国家质量监督检验检疫总局"
    assert data[1]["as_printed"] == "中共中央宣传部"


def test_diff_issuers_json_uses_registry_identity_and_lineage() -> None:
    data = json.loads(run("diff-issuers", "2015", "2020", "-f", "json").stdout)
    assert {"unchanged", "succeeded", "joined", "left"} <= set(data)
    unchanged = {e["id"]: e for e in data["unchanged"]}
    assert unchanged["cpc_publicity"]["as_printed"] == "中共中央宣传部"
    assert unchanged["cpc_publicity"]["as_printed_b"] == "中央宣传部"
    pairs = {(e["from"]["id"], e["to"]["id"]) for e in data["succeeded"]}
    assert ("aqsiq", "samr") in pairs and ("moa", "mara") in pairs and ("mep", "mee") in pairs
    assert all({"id", "name"} <= set(e["from"]) and {"id", "name"} <= set(e["to"]) for e in data["succeeded"])
    assert "samr" not in {e["id"] for e in data["joined"]}
    assert "aqsiq" not in {e["id"] for e in data["left"]}
    assert "moe" in {e["id"] for e in data["left"]}  # 教育部 is in 2015's table, not in 2020's block
    # Every department of each year is accounted for exactly once on its side.
    ids_2015 = [i["id"] for i in notice(2015)["issuers"]["list"]]
    ids_2020 = [i["id"] for i in notice(2020)["issuers"]["list"]]
    side_a = [e["id"] for e in data["unchanged"]] + [e["id"] for e in data["left"]]
    side_a += list(dict.fromkeys(e["from"]["id"] for e in data["succeeded"]))
    side_b = [e["id"] for e in data["unchanged"]] + [e["id"] for e in data["joined"]]
    side_b += list(dict.fromkeys(e["to"]["id"] for e in data["succeeded"]))
    assert sorted(side_a) == sorted(ids_2015)
    assert sorted(side_b) == sorted(ids_2020)


def test_diff_with_an_incomplete_year_says_so_first() -> None:
    result = run("diff-issuers", "2014", "2015")
    assert result.exit_code == 0
    assert "2014: the issuer list is partial" in result.stderr


def test_diff_with_count_only_years_explains_why_not() -> None:
    result = run("diff-issuers", "2013", "2016")
    assert result.exit_code == 1
    assert "only a count is known" in result.stderr


def test_search_json_offsets_point_at_the_terms() -> None:
    hits = json.loads(run("search", "可靠性", "-f", "json").stdout)
    assert hits
    for hit in hits:
        assert {"year", "path", "organizer", "text", "matches"} <= set(hit)
        for start, end in hit["matches"]:
            assert key(hit["text"][start:end]) == "可靠性"
    assert any(h["year"] == 2017 and h["organizer"] == "国防科工局" for h in hits)


def test_search_ignores_spaces_and_width() -> None:
    plain = json.loads(run("search", "可靠性", "-f", "json").stdout)
    spaced = json.loads(run("search", "可 靠\u3000性", "-f", "json").stdout)
    assert plain == spaced
    upper = json.loads(run("search", "ＱＣ", "-f", "json").stdout)
    lower = json.loads(run("search", "qc", "-f", "json").stdout)
    assert upper == lower and upper


def test_search_finds_text_broken_across_source_lines() -> None:
    # 2015 source lines 21-23: "…质量管理和可靠性" / "现场咨询工作。"
    hits = json.loads(run("search", "可靠性现场咨询", "-f", "json").stdout)
    assert [h["year"] for h in hits] == [2015]


def test_search_needs_every_term() -> None:
    both = json.loads(run("search", "可靠性", "航空", "-f", "json").stdout)
    assert [h["organizer"] for h in both] == ["中国航空工业集团公司"]


def test_search_in_themes_and_year_filters() -> None:
    hits = json.loads(
        run("search", "质量强国", "--in", "themes", "--from", "2015", "--to", "2020", "-f", "json").stdout
    )
    years = {h["year"] for h in hits}
    assert years == {2015, 2016, 2017, 2018, 2019, 2020}  # every theme of those years names 质量强国


def test_search_by_issuer_short_name() -> None:
    result = run("search", "质量", "--issuer", "质检总局", "--count", "-f", "json")
    years = {row["year"] for row in json.loads(result.stdout)}
    assert 2017 in years and 2020 not in years  # 质检总局 issued 2017; 市场监管总局 issued 2020
    assert "no complete issuer list" in result.stderr


def test_search_count_and_skipped_years() -> None:
    result = run("search", "质量", "--count", "-f", "json")
    rows = json.loads(result.stdout)
    assert all(row["hits"] > 0 for row in rows)
    assert "no activities recorded" in result.stderr and "2016" in result.stderr


def test_search_bad_in_value_is_a_usage_error() -> None:
    assert run("search", "质量", "--in", "nothing").exit_code == 2


# Other formats -------------------------------------------------------------------------------


def test_csv_with_bom_for_excel() -> None:
    result = run("--bom", "slogans", "2020", "-f", "csv")
    assert result.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[0]["text"] == "中国质量 共创共享"


def test_jsonl_one_object_per_line() -> None:
    lines = run("slogans", "2017", "-f", "jsonl").stdout.splitlines()
    assert all(isinstance(json.loads(line), dict) for line in lines)
    assert json.loads(lines[0])["text"] == "大力提升质量建设质量强国"


def test_markdown_escapes_pipes() -> None:
    result = run("years", "-f", "md")
    assert result.stdout.startswith("| 年份 |")


def test_tsv_escapes_tabs_and_newlines_inside_values() -> None:
    result = run("show", "2017", "--source", "-f", "tsv")
    assert result.exit_code == 0
    header = next(line for line in result.stdout.splitlines() if line.startswith("path\t"))
    width = header.count("\t")
    table = result.stdout.split(header, 1)[1].split("\n\n", 1)[0].strip("\n").splitlines()
    assert table and all(line.count("\t") == width for line in table)


def test_show_source_prints_the_original_lines() -> None:
    data = run("show", "2017", "--source", "-f", "tsv").stdout
    assert "**（一）开展质量提升活动，全面提高产品和服务质量。**" in data


def test_show_json_is_the_whole_record() -> None:
    data = json.loads(run("show", "2014", "-f", "json").stdout)
    source = notice(2014)
    assert data["theme"] == source["theme"]
    assert data["issuers"]["list"] == source["issuers"]["list"]
    assert {m["field"].split(".")[0] for m in data["missing"]} >= {"issuers", "slogans"}


def test_theme_timeline_covers_every_year_with_confidence() -> None:
    rows = json.loads(run("theme", "-f", "json").stdout)
    assert [r["year"] for r in rows] == sorted(int(p.stem) for p in (DATA / "notices").glob("*.yaml"))
    assert all(r["grade"] in {"official", "reported", "corroborated", "single"} for r in rows)


def test_completion_offers_years_and_short_names() -> None:
    from qmonth.cli import complete_departments, complete_years

    class Ctx:
        obj = None
        params: dict[str, object] = {}

        def find_root(self) -> Ctx:
            return self

    assert "2017" in complete_years(Ctx(), "201")  # type: ignore[arg-type]
    assert "质检总局" in complete_departments(Ctx(), "质检")  # type: ignore[arg-type]
