"""Completeness: the curated YAML holds as many issuers, slogans and activities as the sources print.

Every expected count is derived here from the source text itself (headings located by their
printed strings, items found with regexes over lines), never read from the YAML. The derived
counts are also checked against the counts the sources state (``16个部门``) and the counts
data/sources/README-sources.md gives for each file, so a regex that silently drifts fails too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest
import yaml

from curation import DATA, SOURCES, norm, source_lines

YEARS = (2011, 2014, 2015, 2017, 2020)
CN_DIGITS = "一二三四五六七八九"
CN_NUM = "[一二三四五六七八九十]+"
CN_ITEM = re.compile(rf"^({CN_NUM}、)")  # 一、 at the start of a line
CN_PAREN = re.compile(rf"^([（(]\s*{CN_NUM}\s*[）)])")  # （一） or (一) at the start of a line
ARABIC_ITEM = re.compile(r"^(\d+\.)")  # 1. at the start of a line


# --- reading the sources -----------------------------------------------------------------------


def cn_int(numeral: str) -> int:
    """Return the value of a Chinese numeral up to 99 (一, 十, 十一, 二十, 四十一)."""
    tens, sep, ones = numeral.partition("十")
    if not sep:
        return CN_DIGITS.index(numeral) + 1
    return (CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (CN_DIGITS.index(ones) + 1 if ones else 0)


def numbered(labels: list[str]) -> list[str]:
    """Return the labels after checking they count 1, 2, 3, … with no gap or stray match."""
    values = []
    for label in labels:
        digits = re.search(r"\d+", label)
        values.append(
            int(digits.group()) if digits else cn_int(re.sub(r"[^一二三四五六七八九十]", "", label))
        )
    assert values == list(range(1, len(values) + 1)), f"numbering is not 1..n: {labels}"
    return labels


def find(lines: list[str], test: Callable[[str], bool], after: int = -1) -> int:
    """Return the 0-based index of the first line after `after` that passes `test` (stripped)."""
    for index in range(after + 1, len(lines)):
        if test(lines[index].strip()):
            return index
    raise AssertionError("heading not found in the source")


def unbold(line: str) -> str:
    return line.replace("**", "").strip()


def between(lines: list[str], start: int, end: int) -> list[str]:
    """The stripped, non-blank lines strictly between two indices."""
    return [line.strip() for line in lines[start + 1 : end] if line.strip()]


def labels_in(lines: list[str], pattern: re.Pattern[str]) -> list[str]:
    """The labels that `pattern` finds at the start of lines (Markdown bold removed first)."""
    return [m.group(1) for line in lines if (m := pattern.match(unbold(line)))]


@cache
def readme_row(file: str) -> str:
    """The row of data/sources/README-sources.md that describes a source file."""
    rows = [r for r in (SOURCES / "README-sources.md").read_text("utf-8").split("\n") if f"| {file} |" in r]
    assert len(rows) == 1, file
    return rows[0]


def stated(file: str, pattern: str) -> int:
    """A count the README states for a source file, by a regex with one group."""
    match = re.search(pattern, readme_row(file))
    assert match, f"{pattern!r} not in the README row of {file}"
    word = match.group(1)
    return int(word) if word.isdigit() else ["one", "two", "three", "four", "five"].index(word) + 1


@cache
def source_2011() -> dict[str, list[str]]:
    lines = source_lines("2011-national-notice.txt")
    doc_number = find(lines, lambda s: re.fullmatch(r"国质检质联〔2011〕\d+号", s) is not None)
    body = find(lines, lambda s: s == "四、主要活动")
    body_end = find(lines, lambda s: s == "五、活动要求", body)
    slogans = find(lines, lambda s: s.startswith("2011年全国“质量月”活动宣传口号"))
    machinery = find(lines, lambda s: s == "2011年机械工业“质量月”补充宣传口号：", slogans)
    result = {
        "issuers": between(lines, -1, doc_number),
        "slogans.national": between(lines, slogans, machinery),
        "slogans.machinery_supplement": between(lines, machinery, len(lines)),
    }
    section = lines[body + 1 : body_end]
    starts = [i for i, line in enumerate(section) if CN_PAREN.match(line)]
    result["body/四、"] = numbered(labels_in(section, CN_PAREN))
    for first, last in zip(starts, [*starts[1:], len(section)], strict=True):
        group = CN_PAREN.match(section[first]).group(1)  # type: ignore[union-attr]
        result[f"body/四、/{group}"] = labels_in(section[first + 1 : last], ARABIC_ITEM)
    numbered([label for key, labels in result.items() if key.count("/") == 2 for label in labels])
    return result


@cache
def source_2014() -> dict[str, list[str]]:
    report = source_lines("2014-news-report.txt")[1]  # the whole report is its line 2
    clause = report[: report.index("等部门联合发出")]
    names = re.split(r"[,，]", clause)[-1].split("、")
    annex = report[report.index(" 附件1 ") :]
    first = annex.index(" 一、主办单位统筹安排的活动")
    second = annex.index(" 二、各单位开展各具特色的“质量月”活动")
    item = re.compile(rf"(?<= )(\({CN_NUM}\))")  # (一) after a space
    return {
        "issuers": names,
        "annex1/附件1": ["一、", "二、"],
        "annex1/附件1/一、": numbered(item.findall(annex[first:second])),
        "annex1/附件1/二、": numbered(item.findall(annex[second:])),
    }


@cache
def source_2015() -> dict[str, list[str]]:
    lines = source_lines("2015-cmif-forward.txt")
    addressees = find(lines, lambda s: s.startswith("各省(自治区)") and s.endswith(":"))
    attachments = find(lines, lambda s: s.startswith("附 1、"), addressees)
    annex1 = find(lines, lambda s: s == "附 1:")
    annex2 = find(lines, lambda s: s == "附 2:", annex1)
    doc_number = find(lines, lambda s: re.fullmatch(r"国质检质联〔2015〕\d+号", s) is not None, annex2)
    focus = find(lines, lambda s: s == "三、活动重点", doc_number)
    focus_end = find(lines, lambda s: s == "四、活动要求", focus)
    cells = [re.sub(r"\s+", "", cell) for line in lines[annex2 + 1 : doc_number] for cell in line.split("\t")]
    return {
        "issuers": [cell for cell in cells if cell],
        "slogans.national": [s for s in between(lines, annex1, annex2) if "活动口号" not in s],
        "body/三、": numbered(labels_in(lines[focus + 1 : focus_end], CN_PAREN)),
        "forwarding": numbered(labels_in(lines[addressees + 1 : attachments], CN_ITEM)),
    }


@cache
def source_2017() -> dict[str, list[str]]:
    lines = source_lines("2017-national-notice.txt")
    doc_number = find(lines, lambda s: re.fullmatch(r"国质检质联〔2017〕\d+号", s) is not None)
    header = lines[:doc_number]
    gap = find(header, lambda s: s == "", find(header, bool))  # the blank line between the columns
    logo_item = find(lines, lambda s: s == "5. 2017 年全国“质量月”活动统一标志", doc_number)
    signed = find(lines, lambda s: re.fullmatch(r"\d{4}年\d+月\d+日", s) is not None, logo_item)
    focus = find(lines, lambda s: "三、活动重点" in s)
    focus_end = find(lines, lambda s: "四、活动要求" in s, focus)
    a1 = find(lines, lambda s: s == "## 附件 1")
    a1_one = find(lines, lambda s: s == "### 一、主办单位统筹安排的活动", a1)
    a1_two = find(lines, lambda s: s == "## 二、各单位开展各具特色的“质量月”活动", a1_one)
    a2 = find(lines, lambda s: s == "## 附件 2", a1_two)
    a3 = find(lines, lambda s: s == "## 附件 3", a2)
    a4 = find(lines, lambda s: s == "## 附件 4", a3)
    slogans = find(lines, lambda s: s == "# 2017 年全国“质量月”活动口号", a4)
    a5 = find(lines, lambda s: s == "附件 5", slogans)
    left, right = between(header, -1, gap), between(header, gap, len(header))
    return {
        "issuers": interleave(left, right),
        "issuers.left": left,
        "issuers.right": right,
        "signature": between(lines, logo_item, signed),
        "slogans.national": between(lines, slogans, a5),
        "body/三、": numbered(labels_in(lines[focus + 1 : focus_end], CN_PAREN)),
        "body.bold": [s for s in between(lines, focus, focus_end) if s.startswith("**（")],
        "annex1/附件1": ["一、", "二、"],
        "annex1/附件1/一、": numbered(labels_in(lines[a1_one + 1 : a1_two], CN_PAREN)),
        "annex1/附件1/二、": numbered(labels_in(lines[a1_two + 1 : a2], CN_PAREN)),
        "annex2/附件2": numbered(labels_in(lines[a2 + 1 : a3], CN_ITEM)),
        "annex3/附件3": numbered(labels_in(lines[a3 + 1 : a4], CN_ITEM)),
    }


def interleave(left: list[str], right: list[str]) -> list[str]:
    """Read a two-column table row by row: left cell, then right cell."""
    rows = [cell for pair in zip(left, right, strict=False) for cell in pair]
    longer = left if len(left) > len(right) else right
    return rows + longer[min(len(left), len(right)) :]


@cache
def source_2020() -> dict[str, list[str]]:
    lines = source_lines("2020-cmif-forward.txt")
    activities = find(lines, lambda s: s == "机械行业“质量月”主要活动如下：")
    attachment = find(lines, lambda s: s.startswith("附件：市场监管总局"), activities)
    contents = find(lines, lambda s: s == "二、活动内容", attachment)
    contents_end = find(lines, lambda s: s == "三、活动要求", contents)
    slogans_item = find(lines, lambda s: s == "2. 2020年全国“质量月”活动口号", contents_end)
    signed = find(lines, lambda s: re.fullmatch(r"\d{4}年\d+月\d+日", s) is not None, slogans_item)
    annex2 = find(lines, lambda s: s == "附件2:", signed)
    slogans = [m for line in lines[annex2 + 1 :] if (m := re.match(r"^(\d+\.)\s*(.+)$", line.strip()))]
    return {
        "issuers": [name for line in between(lines, slogans_item, signed) for name in line.split()],
        "slogans.national": [m.group(2) for m in slogans],
        "slogan_numbers": numbered([m.group(1) for m in slogans]),
        "body/二、": numbered(labels_in(lines[contents + 1 : contents_end], CN_PAREN)),
        "forwarding": numbered(labels_in(lines[activities + 1 : attachment], CN_ITEM)),
    }


SOURCE: dict[int, Callable[[], dict[str, list[str]]]] = {
    2011: source_2011,
    2014: source_2014,
    2015: source_2015,
    2017: source_2017,
    2020: source_2020,
}


# --- reading the curated YAML (plain PyYAML, nothing from qmonth) -------------------------------


@cache
def notice(year: int) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / "notices" / f"{year}.yaml").read_text("utf-8"))
    return loaded


def top_nodes(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The top-level activity nodes, the circular's and every forwarding document's."""
    yield from data.get("activities", [])
    for forwarding in data.get("forwarding", []):
        yield from forwarding.get("activities", [])


def walk(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("children", []):
        yield from walk(child)


def leaves(node: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in walk(node) if not n.get("children")]


def node_at(data: dict[str, Any], path: str) -> list[dict[str, Any]]:
    """The nodes a path names: `part` (all its top-level nodes) or `part/label/label…` (one node)."""
    part, *labels = path.split("/")
    nodes = [n for n in top_nodes(data) if n.get("part") == part]
    for label in labels:
        matches = [n for n in nodes if norm(n.get("label", "")) == norm(label)]
        assert len(matches) == 1, f"{path}: {len(matches)} nodes labelled {label}"
        nodes = matches[0].get("children", [])
    return nodes


def leaf_counts(data: dict[str, Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for node in top_nodes(data):
        counts[node["part"]] = counts.get(node["part"], 0) + len(leaves(node))
    return counts


def line_of(src: str) -> int:
    """The first cited line of a `src` (0 for a source cited by id alone)."""
    _, _, lines = src.partition(":")
    return int(lines.split("-")[0]) if lines else 0


# --- what is compared --------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    year: int
    what: str  # issuers | slogans.<scope> | <part>/<label>/… (the children of that node)

    def source(self) -> list[str]:
        return SOURCE[self.year]()[self.what]

    def curated(self) -> list[str]:
        data = notice(self.year)
        if self.what == "issuers":
            return [issuer["as_printed"] for issuer in data["issuers"]["list"]]
        if self.what.startswith("slogans."):
            scope = self.what.partition(".")[2]
            return [s["text"] for s in data["slogans"].get("list", []) if s["scope"] == scope]
        return [node.get("label", "") for node in node_at(data, self.what)]

    def __str__(self) -> str:
        # An ASCII test id: section labels by their number (body/四、/（二） -> body/4/2).
        part, *labels = self.what.split("/")
        numbers = [re.sub(r"\D", "", x) or str(cn_int(re.sub(rf"[^{CN_DIGITS}十]", "", x))) for x in labels]
        return "/".join([f"{self.year}-{part}", *numbers])


CASES = [
    Case(2011, "issuers"),
    Case(2011, "slogans.national"),
    Case(2011, "slogans.machinery_supplement"),
    Case(2011, "body/四、"),
    *[Case(2011, f"body/四、/{group}") for group in ("（一）", "（二）", "（三）", "（四）")],
    Case(2014, "issuers"),
    Case(2014, "annex1/附件1"),
    Case(2014, "annex1/附件1/一、"),
    Case(2014, "annex1/附件1/二、"),
    Case(2015, "issuers"),
    Case(2015, "slogans.national"),
    Case(2015, "body/三、"),
    Case(2015, "forwarding"),
    Case(2017, "issuers"),
    Case(2017, "slogans.national"),
    Case(2017, "body/三、"),
    Case(2017, "annex1/附件1"),
    Case(2017, "annex1/附件1/一、"),
    Case(2017, "annex1/附件1/二、"),
    Case(2017, "annex2/附件2"),
    Case(2017, "annex3/附件3"),
    Case(2020, "issuers"),
    Case(2020, "slogans.national"),
    Case(2020, "body/二、"),
    Case(2020, "forwarding"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_yaml_count_equals_source_count(case: Case) -> None:
    assert len(case.curated()) == len(case.source()), (
        f"{case}: the YAML has {len(case.curated())}, the source prints {len(case.source())}"
    )


@pytest.mark.parametrize("case", CASES, ids=str)
def test_yaml_items_are_the_source_items_in_order(case: Case) -> None:
    # Same count is not enough: one item missing and another doubled would pass it.
    assert [norm(x) for x in case.curated()] == [norm(x) for x in case.source()]


SOURCE_ITEMS_PER_PART = {
    2011: {"body": ["body/四、/（一）", "body/四、/（二）", "body/四、/（三）", "body/四、/（四）"]},
    2014: {"annex1": ["annex1/附件1/一、", "annex1/附件1/二、"]},
    2015: {"body": ["body/三、"], "forwarding": ["forwarding"]},
    2017: {
        "body": ["body/三、"],
        "annex1": ["annex1/附件1/一、", "annex1/附件1/二、"],
        "annex2": ["annex2/附件2"],
        "annex3": ["annex3/附件3"],
    },
    2020: {"body": ["body/二、"], "forwarding": ["forwarding"]},
}


@pytest.mark.parametrize("year", YEARS)
def test_leaf_activities_per_part_equal_source_items(year: int) -> None:
    source = SOURCE[year]()
    expected = {part: sum(len(source[k]) for k in keys) for part, keys in SOURCE_ITEMS_PER_PART[year].items()}
    assert leaf_counts(notice(year)) == expected


@pytest.mark.parametrize("year", YEARS)
def test_every_source_item_is_a_leaf(year: int) -> None:
    # An item of the source is an activity (text, no children), not a further section.
    for keys in SOURCE_ITEMS_PER_PART[year].values():
        for key in keys:
            for node in node_at(notice(year), key):
                assert not node.get("children"), f"{year} {key} {node.get('label')} has children"
                assert node.get("text"), f"{year} {key} {node.get('label')} has no text"


# --- counts the sources themselves state ------------------------------------------------------

STATED = [
    # (year, key or callable of the source dict, stated count)
    (2011, "issuers", lambda: stated("2011-national-notice.txt", r"\((\d+) issuing departments")),
    (2011, "groups", lambda: stated("2011-national-notice.txt", r"in (\w+) groups")),
    (2011, "items", lambda: stated("2011-national-notice.txt", r"(\d+) numbered activities")),
    (
        2011,
        "slogans.machinery_supplement",
        lambda: stated("2011-national-notice.txt", r"with (\d+) supplementary slogans"),
    ),
    (2014, "annex1/附件1/一、", lambda: stated("2014-news-report.txt", r"(\d+) coordinated")),
    (2014, "annex1/附件1/二、", lambda: stated("2014-news-report.txt", r"\+ (\d+) by unit")),
    (2015, "issuers", lambda: stated("2015-cmif-forward.txt", r"(\d+) issuing departments")),
    (2015, "slogans.national", lambda: stated("2015-cmif-forward.txt", r"the (\d+) national slogans")),
    (2015, "body/三、", lambda: stated("2015-cmif-forward.txt", r"(\d+) focus areas")),
    (2015, "forwarding", lambda: stated("2015-cmif-forward.txt", r"own (\d+) industry activities")),
    (2017, "issuers.all", lambda: stated("2017-national-notice.txt", r"\((\d+) issuing units")),
    (2017, "signature", lambda: stated("2017-national-notice.txt", r"\((\d+) issuing units")),
    (2017, "body/三、", lambda: stated("2017-national-notice.txt", r"(\d+) focus areas")),
    (2017, "body.bold", lambda: stated("2017-national-notice.txt", r"(\d+) focus areas")),
    (2017, "annex1/附件1/一、", lambda: stated("2017-national-notice.txt", r"(\d+) coordinated")),
    (2017, "annex1/附件1/二、", lambda: stated("2017-national-notice.txt", r"\+ (\d+) by unit")),
    (2017, "annex2/附件2", lambda: stated("2017-national-notice.txt", r"(\d+) central enterprises")),
    (2017, "annex3/附件3", lambda: stated("2017-national-notice.txt", r"(\d+) cities and districts")),
    (2020, "issuers", lambda: stated("2020-cmif-forward.txt", r"\((\d+) departments")),
    (2020, "body/二、", lambda: stated("2020-cmif-forward.txt", r"(\d+) content areas")),
    (2020, "forwarding", lambda: stated("2020-cmif-forward.txt", r"own (\d+) industry activities")),
]


def derived_count(year: int, key: str) -> int:
    source = SOURCE[year]()
    if key == "groups":
        return len(source["body/四、"])
    if key == "items":
        return sum(len(v) for k, v in source.items() if k.startswith("body/四、/"))
    if key == "issuers.all":
        return len(source["issuers.left"]) + len(source["issuers.right"])
    return len(source[key])


@pytest.mark.parametrize(("year", "key", "count"), STATED, ids=[f"{y}-{k}" for y, k, _ in STATED])
def test_derived_source_count_equals_stated_count(year: int, key: str, count: Callable[[], int]) -> None:
    assert derived_count(year, key) == count()


def test_2020_text_states_the_issuer_count() -> None:
    text = "\n".join(source_lines("2020-cmif-forward.txt"))
    stated_counts = set(re.findall(r"(\d+)个部门", text))
    assert stated_counts == {str(len(source_2020()["issuers"]))}


def test_2011_issuers_are_those_named_in_the_opening_sentence() -> None:
    # Line 14 names the deciding departments (经…、…研究决定): the same ten as the header.
    text = next(line for line in source_lines("2011-national-notice.txt") if "研究决定" in line)
    named = text[text.index("经") + 1 : text.index("研究决定")].split("、")
    assert [norm(n) for n in named] == [norm(n) for n in source_2011()["issuers"]]


def test_2017_header_columns_and_signature_block_agree_in_size() -> None:
    source = source_2017()
    left, right = source["issuers.left"], source["issuers.right"]
    assert len(left) - len(right) == 1  # 24 + 23: the left column has the odd cell
    assert len(left) + len(right) == len(source["signature"])
    # Read column by column the header would give another order; the YAML follows the rows.
    assert left + right != source["issuers"]
    assert [i["as_printed"] for i in notice(2017)["issuers"]["list"]] == source["issuers"]


def test_2017_signed_as_is_the_signature_block_in_order() -> None:
    issuers = notice(2017)["issuers"]["list"]
    assert [i.get("signed_as") for i in issuers] == source_2017()["signature"]


def test_2017_run_together_last_slogan_is_one_entry() -> None:
    last = source_2017()["slogans.national"][-1]
    assert last == "凝聚质量共识共铸兴业之器 共筑强国之基"
    assert sum(norm(last) in norm(s["text"]) for s in notice(2017)["slogans"]["list"]) == 1


def test_2020_slogan_numbers_are_kept() -> None:
    numbers = [s.get("number") for s in notice(2020)["slogans"]["list"]]
    assert numbers == source_2020()["slogan_numbers"]


# --- order and duplicates ---------------------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_issuers_and_slogans_are_in_source_order(year: int) -> None:
    data = notice(year)
    # The signature block gives the printed order where the header is a table read column-wise.
    issuer_lines = [line_of(i.get("signed_src") or i["src"]) for i in data["issuers"].get("list", [])]
    slogan_lines = [line_of(s["src"]) for s in data["slogans"].get("list", [])]
    assert issuer_lines == sorted(issuer_lines)
    assert slogan_lines == sorted(slogan_lines)


@pytest.mark.parametrize("year", YEARS)
def test_activities_are_in_source_order(year: int) -> None:
    data = notice(year)
    lists = [data.get("activities", []), *(f.get("activities", []) for f in data.get("forwarding", []))]
    for nodes in lists:
        lines = [line_of(n["src"]) for top in nodes for n in walk(top)]
        assert lines == sorted(lines)


@pytest.mark.parametrize("year", YEARS)
def test_no_item_repeats_another(year: int) -> None:
    data = notice(year)
    items = [
        norm((n.get("heading") or "") + (n.get("text") or "")) for t in top_nodes(data) for n in leaves(t)
    ]
    for kind, texts in (
        ("activity", items),
        ("slogan", [norm(s["text"]) for s in data["slogans"].get("list", [])]),
        ("issuer", [norm(i["as_printed"]) for i in data["issuers"].get("list", [])]),
    ):
        for i, a in enumerate(texts):
            for j, b in enumerate(texts):
                assert i == j or a not in b, f"{year}: {kind} {i + 1} is repeated in {kind} {j + 1}"
    ids = [i["id"] for i in data["issuers"].get("list", [])]
    assert len(ids) == len(set(ids))


# --- the tests above can fail -----------------------------------------------------------------


def mutated(year: int, change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DATA / "notices" / f"{year}.yaml").read_text("utf-8"))
    change(data)
    return data


def drop_last_city(data: dict[str, Any]) -> None:
    next(n for n in data["activities"] if n["part"] == "annex3")["children"].pop()


def swap_first_slogans(data: dict[str, Any]) -> None:
    slogans = data["slogans"]["list"]
    slogans[0], slogans[1] = slogans[1], slogans[0]


def repeat_first_issuer(data: dict[str, Any]) -> None:
    data["issuers"]["list"][1] = dict(data["issuers"]["list"][0])


def split_an_item(data: dict[str, Any]) -> None:
    data["forwarding"][0]["activities"][0]["children"] = [{"label": "1.", "text": "x", "src": "forward:19"}]


@pytest.mark.parametrize(
    ("year", "change", "test", "arg"),
    [
        (2017, drop_last_city, test_yaml_count_equals_source_count, Case(2017, "annex3/附件3")),
        (2017, drop_last_city, test_leaf_activities_per_part_equal_source_items, 2017),
        (
            2011,
            swap_first_slogans,
            test_yaml_items_are_the_source_items_in_order,
            Case(2011, "slogans.national"),
        ),
        (2011, swap_first_slogans, test_issuers_and_slogans_are_in_source_order, 2011),
        (2015, repeat_first_issuer, test_no_item_repeats_another, 2015),
        (2015, repeat_first_issuer, test_yaml_items_are_the_source_items_in_order, Case(2015, "issuers")),
        (2020, split_an_item, test_every_source_item_is_a_leaf, 2020),
    ],
    ids=["count", "leaves", "items", "order", "duplicate", "issuers", "leaf"],
)
def test_the_checks_catch_a_curation_error(
    monkeypatch: pytest.MonkeyPatch,
    year: int,
    change: Callable[[dict[str, Any]], object],
    test: Callable[[object], None],
    arg: object,
) -> None:
    data, original = mutated(year, change), notice
    monkeypatch.setitem(globals(), "notice", lambda y: data if y == year else original(y))
    with pytest.raises(AssertionError):
        test(arg)


def test_numbering_check_rejects_a_gap() -> None:
    with pytest.raises(AssertionError):
        numbered(["（一）", "（三）"])
    assert cn_int("四十一") == 41
    assert cn_int("十") == 10
    assert cn_int("二十") == 20
