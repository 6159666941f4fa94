"""The loader refuses every malformed data file with file, line and field; valid data loads.

Each refusal test copies the real data directory, checks that the copy loads, changes ONE file
and checks the InvalidData it raises. Expected line numbers are worked out from the text the
test wrote (`line_of`), never from the loader.
"""

from __future__ import annotations

import itertools
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from qmonth.cli import app
from qmonth.errors import ExitStatus, InvalidData, NotFound
from qmonth.loader import load, read_yaml

REPO_DATA = Path(__file__).resolve().parent.parent / "data"
NOTICE = "notices/2017.yaml"
REGISTRY = "organizations.yaml"
THEME_TEXT = '  text: "大力提升质量建设质量强国"\n'
runner = CliRunner()


# --- helpers ------------------------------------------------------------------------------------


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A private copy of data/, checked to load before the test changes it."""
    target = tmp_path / "data"
    shutil.copytree(REPO_DATA, target)
    baseline = load(target)
    assert 2017 in baseline.notices
    assert baseline.departments.unknown_id("aqsiq") is None
    return target


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with libyaml's C parser and again with PyYAML's pure-Python one."""
    if request.param == "python":
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML is built without libyaml")
    return str(request.param)


def line_of(text: str, needle: str) -> int:
    """Return the 1-based line of the first non-newline character of `needle` (which must be unique)."""
    assert text.count(needle) == 1, f"{needle!r} occurs {text.count(needle)} times"
    start = text.index(needle) + len(needle) - len(needle.lstrip("\n"))
    return text[:start].count("\n") + 1


def edit(data: Path, file: str, old: str, new: str) -> str:
    """Replace the one occurrence of `old` in a data file; return the new text."""
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {file}"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def append(data: Path, file: str, extra: str) -> tuple[str, int]:
    """Append text to a data file; return the new text and the line the addition starts on."""
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    path.write_text(text + extra, encoding="utf-8")
    return text + extra, text.count("\n") + 1


def refused(data: Path, file: str, line: int | None, field: str | None, *fragments: str) -> InvalidData:
    """Assert that loading `data` raises InvalidData at file:line, field, with these message fragments."""
    with pytest.raises(InvalidData) as info:
        load(data)
    error = info.value
    assert (error.file, error.line, error.field) == (file, line, field), str(error)
    for fragment in fragments:
        assert fragment in error.message, str(error)
    where = file if line is None else f"{file}:{line}"
    assert str(error).startswith(f"{where}: "), str(error)
    if field:
        assert f": {field}: " in str(error)
    assert error.exit_status is ExitStatus.INVALID_DATA and int(error.exit_status) == 3
    return error


def invoke(data_dir: Path, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["--data-dir", str(data_dir), *(args or ("theme", "2017"))])


# --- the baseline -------------------------------------------------------------------------------


def test_the_real_data_loads_with_every_year(data: Path) -> None:
    dataset = load(data)
    assert dataset.years == sorted(int(p.stem) for p in (REPO_DATA / "notices").glob("*.yaml"))
    assert dataset.notice(2017).theme.text == "大力提升质量建设质量强国"
    assert dataset.notice(2017).issuers.count == 47


# --- duplicate keys -----------------------------------------------------------------------------


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize("again", ["coverage: partial", '"coverage": partial', "'coverage': full_text"])
def test_a_duplicate_top_level_key_is_refused(data: Path, again: str) -> None:
    text = edit(data, NOTICE, "coverage: full_text\n", f"coverage: full_text\n{again}\n")
    refused(data, NOTICE, line_of(text, f"\n{again}\n"), "coverage", "duplicate key")


@pytest.mark.usefixtures("parser")
def test_a_duplicate_key_in_a_nested_block_mapping_is_refused(data: Path) -> None:
    text = edit(data, NOTICE, '  src: "circular:72"\n', '  src: "circular:72"\n  text: "又一个主题"\n')
    refused(data, NOTICE, line_of(text, '  text: "又一个主题"'), "theme.text", "duplicate key")


@pytest.mark.usefixtures("parser")
def test_a_duplicate_key_in_a_flow_mapping_is_refused(data: Path) -> None:
    text = edit(
        data, NOTICE, '{kind: signed, value: "2017-08-22"', '{kind: signed, kind: issued, value: "2017-08-22"'
    )
    refused(data, NOTICE, line_of(text, "signed, kind: issued"), "dates[0].kind", "duplicate key")


# --- YAML 1.1 implicit types --------------------------------------------------------------------


@pytest.mark.usefixtures("parser")
def test_an_unquoted_date_is_refused(data: Path) -> None:
    text = edit(data, NOTICE, 'value: "2017-08-22"', "value: 2017-08-22")
    refused(data, NOTICE, line_of(text, "value: 2017-08-22"), "dates[0].value", "'2017-08-22'", "timestamp")


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize("word", ["NO", "no", "yes", "Yes", "on", "ON", "off", "Off", "True", "FALSE"])
def test_a_yaml_1_1_boolean_value_is_refused(data: Path, word: str) -> None:
    text = edit(data, NOTICE, THEME_TEXT, f"  text: {word}\n")
    refused(data, NOTICE, line_of(text, f"  text: {word}\n"), "theme.text", repr(word), "bool")


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize("word", ["NO", "yes", "on", "off", "Off"])
def test_a_yaml_1_1_boolean_key_is_refused(data: Path, word: str) -> None:
    text = edit(data, NOTICE, "theme:\n", f'theme:\n  {word}: "x"\n')
    refused(data, NOTICE, line_of(text, f'  {word}: "x"'), "theme", repr(word), "bool")


@pytest.mark.usefixtures("parser")
def test_a_yaml_1_2_boolean_key_is_refused_as_not_a_string(data: Path) -> None:
    text = edit(data, NOTICE, "theme:\n", 'theme:\n  true: "x"\n')
    refused(data, NOTICE, line_of(text, '  true: "x"'), "theme", "keys must be plain strings")


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("0123", "int"),  # octal in YAML 1.1
        ("1_000", "int"),
        ("+47", "int"),
        ("0x2F", "int"),
        ("1:20", "int"),  # sexagesimal
        ("47.5", "float"),
        ("47.0", "float"),
        (".inf", "float"),
    ],
)
def test_a_non_decimal_number_in_an_integer_field_is_refused(data: Path, value: str, kind: str) -> None:
    text = edit(data, NOTICE, "  count: 47\n", f"  count: {value}\n")
    refused(data, NOTICE, line_of(text, f"  count: {value}\n"), "issuers.count", repr(value), kind)


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(("value", "kind"), [("0123", "int"), ("1_000", "int"), ("3.5", "float")])
def test_a_number_like_plain_string_is_refused_not_coerced(data: Path, value: str, kind: str) -> None:
    text = edit(data, NOTICE, THEME_TEXT, f"  text: {value}\n")
    refused(data, NOTICE, line_of(text, f"  text: {value}\n"), "theme.text", repr(value), kind)


@pytest.mark.usefixtures("parser")
def test_an_empty_value_for_a_required_string_is_refused(data: Path) -> None:
    text = edit(data, NOTICE, THEME_TEXT, "  text:\n")
    refused(data, NOTICE, line_of(text, "  text:\n"), "theme.text", "empty value")


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("value", "fragment"),
    [('""', "length >= 1"), ("''", "length >= 1"), ("null", "got `null`"), ("~", "null")],
)
def test_an_empty_or_null_required_string_is_refused(data: Path, value: str, fragment: str) -> None:
    text = edit(data, NOTICE, THEME_TEXT, f"  text: {value}\n")
    refused(data, NOTICE, line_of(text, f"  text: {value}\n"), "theme.text", fragment)


@pytest.mark.parametrize(
    ("old", "new", "field", "fragment"),
    [
        ("  count: 47\n", '  count: "47"\n', "issuers.count", "Expected `int | null`, got `str`"),
        ("year: 2017\n", 'year: "2017"\n', "year", "Expected `int`, got `str`"),
        (
            "    file: 2017-national-notice.txt\n",
            '    file: 2017-national-notice.txt\n    converted: "true"\n',
            "sources[0].converted",
            "Expected `bool`, got `str`",
        ),
        ("  status: complete\n  count: 47\n", "  status: 1\n  count: 47\n", "issuers.status", "got `int`"),
    ],
)
def test_a_quoted_value_is_not_coerced_to_the_field_type(
    data: Path, old: str, new: str, field: str, fragment: str
) -> None:
    text = edit(data, NOTICE, old, new)
    changed = next(line for line in new.splitlines() if line not in old.splitlines())
    refused(data, NOTICE, line_of(text, changed + "\n"), field, fragment)


def test_a_missing_required_field_is_refused(data: Path) -> None:
    text = edit(data, NOTICE, THEME_TEXT, "")
    refused(data, NOTICE, line_of(text, "\ntheme:\n"), "theme", "`text`")


# --- aliases, anchors, merge keys, tags ---------------------------------------------------------


@pytest.mark.usefixtures("parser")
def test_an_anchor_is_refused_before_its_alias_is_reached(data: Path) -> None:
    edit(data, NOTICE, THEME_TEXT, '  text: &theme "大力提升质量建设质量强国"\n')
    text = edit(data, NOTICE, '    - text: "大力提升质量 · 建设质量强国"', "    - text: *theme")
    refused(data, NOTICE, line_of(text, "&theme"), "theme.text", "anchors")


@pytest.mark.usefixtures("parser")
def test_an_alias_in_a_sequence_is_refused_at_its_index(data: Path) -> None:
    edit(data, NOTICE, "curation_notes:\n  - ", "curation_notes:\n  - &note ")
    text, _ = append(data, NOTICE, "  - *note\n")
    refused(data, NOTICE, line_of(text, "&note"), "curation_notes[0]", "anchors")
    assert text.rstrip().endswith("*note")


def billion_laughs(levels: int = 9) -> str:
    names = "abcdefghijklmnopqrstuvwxyz"[:levels]
    lines = [f"a: &a [{', '.join(['lol'] * 9)}]"]
    lines += [f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]" for p, n in itertools.pairwise(names)]
    return "\n".join(lines) + "\n"


@pytest.mark.usefixtures("parser")
def test_an_alias_bomb_fails_fast(data: Path) -> None:
    bomb = billion_laughs()
    assert bomb.count("\n") == 9 and "i: &i [*h" in bomb
    (data / NOTICE).write_text(bomb, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(InvalidData) as info:
        load(data)
    assert time.perf_counter() - started < 0.5
    assert (info.value.file, info.value.line) == (NOTICE, line_of(bomb, "a: &a"))
    assert "anchors" in info.value.message
    assert str(info.value).startswith(f"{NOTICE}:1: ")


def test_an_alias_bomb_in_the_registry_fails_fast(data: Path) -> None:
    bomb = billion_laughs()
    (data / REGISTRY).write_text(bomb, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(InvalidData, match="anchors") as info:
        read_yaml(data / REGISTRY, REGISTRY)
    assert time.perf_counter() - started < 0.5
    assert (info.value.file, info.value.line) == (REGISTRY, 1)


@pytest.mark.usefixtures("parser")
def test_a_merge_key_with_an_alias_is_refused(data: Path) -> None:
    edit(
        data,
        NOTICE,
        '  - {kind: signed, value: "2017-08-22"',
        '  - &signed {kind: signed, value: "2017-08-22"',
    )
    text = edit(data, NOTICE, "  - {kind: issued, ", "  - {<<: *signed, kind: issued, ")
    error = refused(data, NOTICE, line_of(text, "&signed"), "dates[0]")
    assert "anchors" in error.message


@pytest.mark.usefixtures("parser")
def test_a_merge_key_without_an_alias_is_refused(data: Path) -> None:
    text = edit(data, NOTICE, "theme:\n", 'theme:\n  <<: {note: "merged"}\n')
    refused(data, NOTICE, line_of(text, "  <<: {note"), "theme", "'<<'", "merge")


@pytest.mark.usefixtures("parser")
def test_a_python_object_tag_is_refused_and_not_run(data: Path, tmp_path: Path) -> None:
    sentinel = tmp_path / "pwned"
    tag = "!!python/object/apply:os.system"
    text = edit(data, NOTICE, THEME_TEXT, f'  text: {tag} ["touch {sentinel}"]\n')
    refused(data, NOTICE, line_of(text, tag), "theme.text", "tags are not allowed", "python/object/apply")
    assert not sentinel.exists()


@pytest.mark.usefixtures("parser")
def test_a_str_tag_is_refused(data: Path) -> None:
    text = edit(data, NOTICE, "year: 2017\n", "year: !!str 2017\n")
    refused(data, NOTICE, line_of(text, "year: !!str"), "year", "tags are not allowed", "str")


@pytest.mark.usefixtures("parser")
def test_a_local_tag_on_a_mapping_is_refused(data: Path) -> None:
    text = edit(data, NOTICE, "theme:\n", "theme: !theme\n")
    refused(data, NOTICE, line_of(text, "theme: !theme"), "theme", "tags are not allowed", "!theme")


# --- nesting ------------------------------------------------------------------------------------


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(("prefix", "opener"), [("deep: ", "["), ("deep: ", "{a: "), ("deep:\n  ", "- ")])
def test_deep_nesting_is_invalid_data_not_a_recursion_error(data: Path, prefix: str, opener: str) -> None:
    text, start = append(data, NOTICE, prefix + opener * 100_000 + "x\n")
    line = start + prefix.count("\n")
    started = time.perf_counter()
    with pytest.raises(InvalidData) as info:
        load(data)
    assert time.perf_counter() - started < 5
    assert (info.value.file, info.value.line) == (NOTICE, line)
    # Our builder names the field; a libyaml that bounds depth itself (PyYAML 6.0.4+) refuses
    # first, in the parser, where no field is known yet. Either way: the line and the reason.
    assert info.value.field is None or info.value.field.startswith("deep")
    assert "nesting" in info.value.message
    assert line == text.count("\n")  # the appended line is the last one


@pytest.mark.usefixtures("parser")
def test_nesting_at_a_sane_depth_is_read(tmp_path: Path) -> None:
    path = tmp_path / "nested.yaml"
    path.write_text("deep: " + "[" * 30 + "1" + "]" * 30 + "\n", encoding="utf-8")
    node = read_yaml(path)
    assert isinstance(node, dict)
    node = node["deep"]
    for _ in range(30):
        assert isinstance(node, list) and len(node) == 1
        node = node[0]
    assert node == 1


# --- encoding -----------------------------------------------------------------------------------


def test_a_gbk_encoded_file_is_refused_on_its_first_non_ascii_line(data: Path) -> None:
    path = data / NOTICE
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("gbk"))
    first = next(n for n, line in enumerate(text.splitlines(), 1) if not line.isascii())
    first_byte = next(c for c in text.splitlines()[first - 1] if not c.isascii()).encode("gbk")[0]
    assert 0x80 <= first_byte < 0xC2  # never the start of a UTF-8 sequence: decoding fails right there
    refused(data, NOTICE, first, None, "not UTF-8", f"0x{first_byte:02x}")


def test_gbk_bytes_after_valid_utf8_lines_are_refused_on_their_line(data: Path) -> None:
    path = data / NOTICE
    text = path.read_text(encoding="utf-8")
    before, after = text.split(THEME_TEXT)
    assert not before.isascii()  # valid multi-byte UTF-8 before the bad line
    path.write_bytes(before.encode() + THEME_TEXT.encode("gbk") + after.encode())
    expected = before.count("\n") + 1
    refused(data, NOTICE, expected, None, "not UTF-8", f"0x{'大'.encode('gbk')[0]:02x}")


def test_a_gbk_registry_is_refused(data: Path) -> None:
    path = data / REGISTRY
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("gbk"))
    first = next(n for n, line in enumerate(text.splitlines(), 1) if not line.isascii())
    refused(data, REGISTRY, first, None, "not UTF-8")


@pytest.mark.parametrize("file", [NOTICE, REGISTRY])
def test_a_utf8_bom_is_accepted(data: Path, file: str) -> None:
    path = data / file
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    dataset = load(data)
    assert dataset.notice(2017).theme.text == "大力提升质量建设质量强国"
    assert dataset.departments.get("aqsiq").name == "国家质量监督检验检疫总局"


def test_a_bom_does_not_shift_line_numbers(data: Path) -> None:
    text = edit(data, NOTICE, "coverage: full_text\n", "coverage: full_text\ncoverage: partial\n")
    path = data / NOTICE
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    refused(data, NOTICE, line_of(text, "coverage: partial"), "coverage", "duplicate key")


# --- unknown fields -----------------------------------------------------------------------------


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        (
            NOTICE,
            '      signed_as: "质检总局"\n',
            '      sigend_as: "质检总局"\n',
            "issuers.list[0].sigend_as",
        ),
        (NOTICE, "\ncuration_notes:\n", "\ncuration_note:\n", "curation_note"),
        (
            REGISTRY,
            "    short_names: [质检总局, ",
            "    short_name: [质检总局, ",
            "organizations[0].short_name",
        ),
    ],
)
def test_an_unknown_field_is_refused_on_the_line_of_its_key(
    data: Path, file: str, old: str, new: str, field: str
) -> None:
    text = edit(data, file, old, new)
    key = field.rsplit(".", 1)[-1]
    refused(data, file, line_of(text, new), field, f"unknown field `{key}`")


# --- semantic checks of a notice ----------------------------------------------------------------


def test_a_year_that_disagrees_with_the_file_name_is_refused(data: Path) -> None:
    text = edit(data, NOTICE, "year: 2017\n", "year: 2016\n")
    refused(data, NOTICE, line_of(text, "year: 2016"), "year", "2016", "2017.yaml")


def test_a_year_out_of_range_is_refused(data: Path) -> None:
    text = edit(data, NOTICE, "year: 2017\n", "year: 1900\n")
    refused(data, NOTICE, line_of(text, "year: 1900"), "year", ">= 1978")


def test_an_issuer_id_missing_from_the_registry_is_refused(data: Path) -> None:
    text = edit(data, NOTICE, "      id: aqsiq\n", "      id: aqsiq_typo\n")
    refused(data, NOTICE, line_of(text, "id: aqsiq_typo"), "issuers.list[0].id", "'aqsiq_typo'", "registry")


def test_an_organizer_id_missing_from_the_registry_is_refused(data: Path) -> None:
    old = '{as_printed: "工业和信息化部", kind: department, id: miit}'
    text = edit(data, NOTICE, old, old.replace("miit", "miit_typo"))
    with pytest.raises(InvalidData) as info:
        load(data)
    error = info.value
    assert (error.file, error.line) == (NOTICE, line_of(text, "id: miit_typo"))
    assert error.field is not None and error.field.startswith("activities[")
    assert error.field.endswith(".organizer.id") and "'miit_typo'" in error.message


def test_a_src_naming_an_undeclared_source_is_refused(data: Path) -> None:
    text = edit(data, NOTICE, '  src: "circular:72"\n', '  src: "circulars:72"\n')
    refused(data, NOTICE, line_of(text, "circulars:72"), "theme.src", "'circulars:72'", "no declared source")


def test_a_malformed_src_is_refused(data: Path) -> None:
    text = edit(data, NOTICE, '  src: "circular:72"\n', '  src: "circular:0"\n')
    refused(data, NOTICE, line_of(text, "circular:0"), "theme.src", "matching regex")


def source_lines(name: str) -> int:
    """The number of lines of a source file, as a reader counts them."""
    return len((REPO_DATA / "sources" / name).read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(
    "cite",
    [
        f"circular:{source_lines('2017-national-notice.txt') + 1}",
        f"circular:500-{source_lines('2017-national-notice.txt') + 1}",
        "circular:99999",
        "circular:80-72",
    ],
)
def test_a_src_line_range_beyond_the_file_is_refused(data: Path, cite: str) -> None:
    text = edit(data, NOTICE, '  src: "circular:72"\n', f'  src: "{cite}"\n')
    refused(
        data, NOTICE, line_of(text, cite), "theme.src", repr(cite), "lines outside 2017-national-notice.txt"
    )


def test_a_src_on_the_last_line_of_the_file_is_accepted(data: Path) -> None:
    last = source_lines("2017-national-notice.txt")
    edit(data, NOTICE, '  src: "circular:72"\n', f'  src: "circular:{last - 1}-{last}"\n')
    assert load(data).notice(2017).theme.src == f"circular:{last - 1}-{last}"


def test_a_src_one_past_the_last_line_of_a_newline_terminated_source_is_refused(data: Path) -> None:
    name = "2011-national-notice.txt"
    assert (REPO_DATA / "sources" / name).read_bytes().endswith(b"\n")
    cite = f"notice:{source_lines(name) + 1}"
    file = "notices/2011.yaml"
    text = edit(data, file, '  src: "notice:22"\n', f'  src: "{cite}"\n')
    refused(data, file, line_of(text, cite), "theme.src", "lines outside")


def test_a_partial_status_without_a_missing_entry_is_refused(data: Path) -> None:
    text = edit(data, NOTICE, "slogans:\n  status: complete\n", "slogans:\n  status: partial\n")
    refused(data, NOTICE, line_of(text, "\nslogans:\n"), "slogans", "partial", "`missing:`")


def test_a_partial_status_with_a_missing_entry_is_accepted(data: Path) -> None:
    edit(data, NOTICE, "slogans:\n  status: complete\n", "slogans:\n  status: partial\n")
    edit(data, NOTICE, "missing:\n", 'missing:\n  - field: slogans\n    reason: "a test says so"\n')
    assert load(data).notice(2017).slogans.status == "partial"


def test_a_partial_activities_status_without_a_missing_entry_is_refused(data: Path) -> None:
    text = edit(data, NOTICE, "activities_status: complete\n", "activities_status: partial\n")
    with pytest.raises(InvalidData) as info:
        load(data)
    error = info.value
    assert error.file == NOTICE and "partial" in error.message and "`missing:`" in error.message
    status, tree = line_of(text, "\nactivities_status:"), line_of(text, "\nactivities:")
    assert (error.line, error.field) in {(status, "activities_status"), (tree, "activities")}, str(error)


# --- the shape of a file ------------------------------------------------------------------------


@pytest.mark.usefixtures("parser")
def test_two_documents_in_one_file_are_refused(data: Path) -> None:
    _, line = append(data, NOTICE, "---\nyear: 2017\n")
    refused(data, NOTICE, line, None, "exactly one YAML document")


@pytest.mark.usefixtures("parser")
def test_one_explicit_document_is_accepted(data: Path) -> None:
    edit(data, NOTICE, "\nyear: 2017\n", "\n---\nyear: 2017\n")
    append(data, NOTICE, "...\n")
    assert load(data).notice(2017).year == 2017


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n", "\ufeff"])
def test_an_empty_file_is_refused(data: Path, content: str) -> None:
    (data / NOTICE).write_text(content, encoding="utf-8")
    refused(data, NOTICE, None, None, "no YAML document")


@pytest.mark.parametrize(("content", "got"), [("[]\n", "array"), ("null\n", "null"), ("2017\n", "int")])
def test_a_file_that_is_not_a_mapping_is_refused(data: Path, content: str, got: str) -> None:
    (data / NOTICE).write_text(content, encoding="utf-8")
    refused(data, NOTICE, 1, None, "Expected `object`", got)


def test_a_yaml_syntax_error_is_refused_with_its_line(data: Path) -> None:
    text = edit(data, NOTICE, THEME_TEXT, '  text: "unclosed\n  : [\n')
    with pytest.raises(InvalidData) as info:
        load(data)
    assert info.value.file == NOTICE and "not valid YAML" in info.value.message
    assert info.value.line is not None and info.value.line >= line_of(text, '"unclosed')


# --- the registry -------------------------------------------------------------------------------

SAMR_ENGLISH = "    english_name: State Administration for Market Regulation\n"


def test_a_registry_lineage_cycle_is_refused(data: Path) -> None:
    text = edit(
        data,
        REGISTRY,
        SAMR_ENGLISH,
        SAMR_ENGLISH + "    successors:\n      - {to: aqsiq, relation: renamed, year: 2019, reform: 假设}\n",
    )
    error = refused(data, REGISTRY, line_of(text, "\norganizations:\n"), "organizations", "lineage cycle")
    assert "aqsiq → samr → aqsiq" in error.message or "samr → aqsiq → samr" in error.message


def test_a_registry_self_loop_is_refused(data: Path) -> None:
    text = edit(
        data,
        REGISTRY,
        SAMR_ENGLISH,
        SAMR_ENGLISH + "    successors:\n      - {to: samr, relation: renamed, year: 2019, reform: 假设}\n",
    )
    refused(data, REGISTRY, line_of(text, "\norganizations:\n"), "organizations", "samr → samr")


def test_a_short_name_shared_by_two_departments_is_refused(data: Path) -> None:
    text = edit(
        data,
        REGISTRY,
        "short_names: [市场监管总局, 市场监管部门]",
        "short_names: [市场监管总局, 市场监管部门, 质检总局]",
    )
    with pytest.raises(InvalidData) as info:
        load(data)
    error = info.value
    assert error.file == REGISTRY and "'质检总局'" in error.message
    first = (line_of(text, "short_names: [质检总局"), "organizations[0].short_names", "samr")
    second = (line_of(text, "市场监管部门, 质检总局]"), "organizations[1].short_names", "aqsiq")
    assert (error.line, error.field) in {first[:2], second[:2]}, str(error)
    other = first[2] if error.field == first[1] else second[2]
    assert other in error.message
    assert str(error).startswith(f"{REGISTRY}:{error.line}: ")


def test_a_registry_successor_pointing_nowhere_is_refused(data: Path) -> None:
    text = edit(data, REGISTRY, "{to: gac, relation: split_into", "{to: nowhere, relation: split_into")
    refused(data, REGISTRY, line_of(text, "to: nowhere"), "organizations[0].successors[1].to", "'nowhere'")


def test_a_registry_successor_basis_naming_an_undeclared_source_is_refused(data: Path) -> None:
    old = "{to: gac, relation: split_into, year: 2018, reform: 2018年党和国家机构改革, note: 出入境检验检疫管理职责和队伍划入海关总署, basis: [reform_2018,"
    text = edit(data, REGISTRY, old, old.replace("basis: [reform_2018,", "basis: [reform_2099,"))
    refused(
        data, REGISTRY, line_of(text, "reform_2099"), "organizations[0].successors[1].basis", "reform_2099"
    )


def test_a_duplicate_registry_id_is_refused(data: Path) -> None:
    text = edit(data, REGISTRY, "  - id: cabp\n", "  - id: aqsiq\n")
    index = text.split("\norganizations:\n")[1].count("\n  - id: ") - 1
    line = line_of(text, "\n  - id: aqsiq\n    name: 中国品牌建设促进会")
    refused(data, REGISTRY, line, f"organizations[{index}].id", "duplicate id 'aqsiq'")


# --- read_yaml: types of values -----------------------------------------------------------------


def test_read_yaml_of_a_real_notice_keeps_quoted_values_as_strings(data: Path) -> None:
    notice = read_yaml(data / NOTICE)
    assert isinstance(notice, dict)
    assert type(notice["year"]) is int and notice["year"] == 2017
    assert type(notice["issuers"]["count"]) is int and notice["issuers"]["count"] == 47
    assert notice["dates"][0]["value"] == "2017-08-22"
    assert type(notice["dates"][0]["value"]) is str
    assert notice["theme"]["src"] == "circular:72"
    assert notice["issuers"]["list"][0]["id"] == "aqsiq"


def leaves(node: object, key: str = "") -> Iterator[tuple[str, object]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from leaves(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from leaves(v, key)
    else:
        yield key, node


def test_read_yaml_of_all_real_data_gives_ints_only_for_integer_fields() -> None:
    files = [REPO_DATA / REGISTRY, *sorted((REPO_DATA / "notices").glob("*.yaml"))]
    seen: set[str] = set()
    for path in files:
        for key, value in leaves(read_yaml(path)):
            assert type(value) in (str, int, bool, type(None)), (path.name, key, value)
            if type(value) is int:
                assert key in ("year", "count"), (path.name, key, value)
                seen.add(key)
    assert seen == {"year", "count"}


def test_read_yaml_gives_int_only_for_plain_decimal_integers(tmp_path: Path) -> None:
    path = tmp_path / "types.yaml"
    path.write_text(
        "plain_int: 123\n"
        "negative: -7\n"
        "zero: 0\n"
        'quoted_int: "123"\n'
        "single_quoted: '0123'\n"
        'quoted_date: "2017-08-22"\n'
        'quoted_bool: "NO"\n'
        'quoted_float: "3.5"\n'
        'quoted_null: "null"\n'
        "block: |\n  123\n"
        "folded: >-\n  45\n"
        "text: 质量月\n"
        "true_: true\n"
        "false_: false\n"
        "none: null\n",
        encoding="utf-8",
    )
    data = read_yaml(path)
    assert data == {
        "plain_int": 123,
        "negative": -7,
        "zero": 0,
        "quoted_int": "123",
        "single_quoted": "0123",
        "quoted_date": "2017-08-22",
        "quoted_bool": "NO",
        "quoted_float": "3.5",
        "quoted_null": "null",
        "block": "123\n",
        "folded": "45",
        "text": "质量月",
        "true_": True,
        "false_": False,
        "none": None,
    }
    assert isinstance(data, dict)
    ints = {k for k, v in data.items() if type(v) is int}
    assert ints == {"plain_int", "negative", "zero"}


def test_read_yaml_of_an_unreadable_file_is_invalid_data(tmp_path: Path) -> None:
    with pytest.raises(InvalidData, match="cannot be read") as info:
        read_yaml(tmp_path / "absent.yaml", "absent.yaml")
    assert info.value.file == "absent.yaml"


# --- the command line ---------------------------------------------------------------------------


def corrupt_duplicate(data: Path) -> tuple[str, int]:
    text = edit(data, NOTICE, "coverage: full_text\n", "coverage: full_text\ncoverage: partial\n")
    return NOTICE, line_of(text, "coverage: partial")


def corrupt_alias_bomb(data: Path) -> tuple[str, int]:
    (data / NOTICE).write_text(billion_laughs(), encoding="utf-8")
    return NOTICE, 1  # the first anchor, on line 1, is refused


def corrupt_deep(data: Path) -> tuple[str, int]:
    _, line = append(data, NOTICE, "deep: " + "[" * 100_000 + "\n")
    return NOTICE, line


def corrupt_gbk(data: Path) -> tuple[str, int]:
    path = data / NOTICE
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("gbk"))
    return NOTICE, next(n for n, line in enumerate(text.splitlines(), 1) if not line.isascii())


def corrupt_registry(data: Path) -> tuple[str, int]:
    text = edit(data, REGISTRY, "{to: gac, relation: split_into", "{to: nowhere, relation: split_into")
    return REGISTRY, line_of(text, "to: nowhere")


@pytest.mark.parametrize(
    "corrupt", [corrupt_duplicate, corrupt_alias_bomb, corrupt_deep, corrupt_gbk, corrupt_registry]
)
def test_cli_invalid_data_exits_3_with_one_line(data: Path, corrupt) -> None:  # type: ignore[no-untyped-def]
    ok = invoke(data)
    assert ok.exit_code == 0 and "大力提升质量建设质量强国" in ok.stdout
    file, line = corrupt(data)
    result = invoke(data)
    assert result.exit_code == 3 == int(ExitStatus.INVALID_DATA), result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"qmonth: error: {file}:{line}: "), lines[0]
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr
    assert isinstance(result.exception, SystemExit)


def test_cli_missing_data_dir_exits_1(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = invoke(missing)
    assert result.exit_code == 1 == int(ExitStatus.NOT_FOUND)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("qmonth: error: ")
    assert str(missing) in lines[0] and "does not exist" in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("layout", ["empty", "empty_notices", "registry_only"])
def test_cli_data_dir_without_notices_exits_1(tmp_path: Path, layout: str) -> None:
    target = tmp_path / "data"
    target.mkdir()
    if layout == "empty_notices":
        (target / "notices").mkdir()
    if layout == "registry_only":
        shutil.copy(REPO_DATA / REGISTRY, target / REGISTRY)
    result = invoke(target)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("qmonth: error: ")
    assert "no notice files" in lines[0] and str(target) in lines[0]
    with pytest.raises(NotFound):
        load(target)


def test_cli_data_dir_without_registry_exits_1(data: Path) -> None:
    (data / REGISTRY).unlink()
    result = invoke(data)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "no department registry" in lines[0] and "organizations.yaml" in lines[0]


@pytest.mark.parametrize(
    ("value", "reason"), [('&x "v"', "anchors"), ("! 2017", "tags"), ("!!str 2017", "tags")]
)
def test_anchors_and_every_tag_are_refused(tmp_path: Path, value: str, reason: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(f"a: 1\nb: {value}\n", encoding="utf-8")
    with pytest.raises(InvalidData) as info:
        read_yaml(path)
    assert info.value.line == 2
    assert info.value.field == "b"
    assert reason in info.value.message
