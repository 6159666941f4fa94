"""Every curated string is found in the source lines it cites (independent of qmonth's code)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from curation import DATA, cited_strings, fidelity_errors, norm

NOTICES = sorted((DATA / "notices").glob("*.yaml"))


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.stem)
def test_every_cited_string_is_in_its_source_lines(path: Path) -> None:
    assert fidelity_errors(path) == []


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.stem)
def test_notice_cites_something(path: Path) -> None:
    # Guards the test above against passing vacuously on a file with no citations.
    notice = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert len(list(cited_strings(notice))) >= 1  # at least the theme


def test_fidelity_check_catches_an_invented_string(tmp_path: Path) -> None:
    notice = yaml.safe_load((DATA / "notices" / "2017.yaml").read_text(encoding="utf-8"))
    notice["theme"]["text"] = "建设质量强国 共享美好生活"  # a slogan of another year, not in 2017's line
    bad = tmp_path / "2017.yaml"
    bad.write_text(yaml.safe_dump(notice, allow_unicode=True), encoding="utf-8")
    assert any("theme.text" in e for e in fidelity_errors(bad))


def test_normalisation_unifies_what_the_sources_vary() -> None:
    assert norm("中 共 中 央\n宣 传 部") == norm("中共中央宣传部")
    assert norm("国质检质联[2015]366 号") == norm("国质检质联〔2015〕366号")
    assert norm("**（一）开展**") == norm("(一)开展")
    assert norm("质量") != norm("质检")


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.stem)
def test_schema_comment_heads_each_notice(path: Path) -> None:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == "# yaml-language-server: $schema=../schema/notice.schema.json"
