"""Find the data directory, read its YAML strictly, validate it, and return the dataset.

The only module that imports yaml. The YAML is read event by event (libyaml's C parser when
present) and built by an explicit stack, which closes PyYAML's traps by construction:

- anchors and aliases are refused at the first one met, so an alias bomb costs nothing;
- nesting is bounded, so deep input is an error, never a RecursionError;
- duplicate keys, tags, merge keys and every YAML 1.1 implicit type other than a plain decimal
  integer, `true`/`false` and `null` (so dates, NO/yes/on, 0123, 1_000, 3.5) are refused
  instead of coerced;
- bytes that are not UTF-8 are refused with the line they are on.

Typed validation is msgspec's, strict (no coercion, unknown fields refused). Line numbers are
worked out only when there is an error to report, so a valid file pays nothing for them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from qmonth.errors import InvalidData, NotFound
from qmonth.model import Activity, Notice, Registry, Source
from qmonth.registry import Departments

MAX_DEPTH = 40
ENV_DATA_DIR = "QMONTH_DATA_DIR"
_PLAIN_INT = re.compile(r"-?(0|[1-9][0-9]*)\Z")
_SRC = re.compile(r"([a-z0-9_]+)(?::([0-9]+)(?:-([0-9]+))?)?\Z")
T = TypeVar("T")

Path_ = tuple[str | int, ...]


def default_data_dir() -> Path:
    """Return the data directory: $QMONTH_DATA_DIR, else the one installed with the package."""
    configured = os.environ.get(ENV_DATA_DIR)
    if configured:
        return Path(configured)
    package = Path(__file__).resolve().parent
    bundled = package / "data"  # inside a wheel
    if bundled.is_dir():
        return bundled
    return package.parent.parent / "data"  # a source checkout or an editable install


def _render_path(path: Path_) -> str:
    """Return a path in msgspec's own notation: $.issuers.list[3].id."""
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


class _Builder:
    """Builds plain Python data from YAML events; optionally records the line of every path."""

    def __init__(self, file: str, lines: dict[str, int] | None = None):
        self.file = file
        self.lines = lines

    def fail(self, event: Any, path: Path_, message: str) -> InvalidData:
        line = event.start_mark.line + 1 if event.start_mark else None
        return InvalidData(self.file, message, line, _render_path(path)[2:] or None)

    def scalar(self, event: Any, path: Path_) -> object:
        _refuse_anchor_and_tag(self, event, path)
        value: str = event.value
        if event.style:  # quoted or block scalar: always a string (plain is None or "")
            return value
        if _PLAIN_INT.match(value):
            return int(value)
        if value == "null":
            return None
        if value in ("true", "false"):  # YAML 1.2's only booleans; yes/no/on/off are refused
            return value == "true"
        from yaml.resolver import Resolver

        implicit: str = Resolver().resolve(_scalar_node(), value, (True, False))  # type: ignore[no-untyped-call]
        if implicit != "tag:yaml.org,2002:str":
            kind = implicit.rsplit(":", 1)[-1]
            shown = value if value else "an empty value"
            raise self.fail(event, path, f"{shown!r} would be read as YAML 1.1 {kind}; quote it or remove it")
        return value

    def build(self, events: Iterable[Any]) -> object:
        import yaml

        # Each frame: (container, path, pending key or None, key line map for duplicates)
        stack: list[tuple[Any, Path_, list[Any]]] = []
        root: object = _UNSET
        documents = 0
        for event in events:
            if isinstance(event, yaml.AliasEvent):
                raise self.fail(event, _child_path(stack), "aliases are not allowed")
            if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
                continue
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self.fail(event, (), "a data file holds exactly one YAML document")
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                value, _, _ = stack.pop()
                if not stack:
                    root = value
                continue
            # A value: scalar or the start of a collection.
            path = _child_path(stack)
            if isinstance(event, yaml.ScalarEvent):
                if stack and isinstance(stack[-1][0], dict) and stack[-1][2][0] is _UNSET:
                    self._key(event, stack)
                    continue
                value = self.scalar(event, path)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                _refuse_anchor_and_tag(self, event, path)
                if stack and isinstance(stack[-1][0], dict) and stack[-1][2][0] is _UNSET:
                    raise self.fail(event, path, "keys must be plain strings")
                if len(stack) >= MAX_DEPTH:
                    raise self.fail(event, path, f"nesting deeper than {MAX_DEPTH} levels")
                value = {} if isinstance(event, yaml.MappingStartEvent) else []
            else:  # pragma: no cover - libyaml emits no other event kinds
                raise self.fail(event, path, f"unexpected YAML event {type(event).__name__}")
            if self.lines is not None and event.start_mark is not None:
                self.lines.setdefault(_render_path(path), event.start_mark.line + 1)
            if stack:
                self._add(value, stack)
            if isinstance(value, (dict, list)):
                stack.append((value, path, [_UNSET]))
            elif not stack:
                root = value
        if root is _UNSET:
            raise InvalidData(self.file, "the file holds no YAML document")
        return root

    def _key(self, event: Any, stack: list[tuple[Any, Path_, list[Any]]]) -> None:
        mapping, path, pending = stack[-1]
        key = self.scalar(event, path)
        if not isinstance(key, str) or event.style in ("|", ">"):
            raise self.fail(event, path, f"keys must be plain strings, not {key!r}")
        if key in mapping:
            raise self.fail(event, (*path, key), "duplicate key")
        pending[0] = key
        if self.lines is not None:
            self.lines[_render_path((*path, key))] = event.start_mark.line + 1

    @staticmethod
    def _add(value: object, stack: list[tuple[Any, Path_, list[Any]]]) -> None:
        container, _, pending = stack[-1]
        if isinstance(container, list):
            container.append(value)
        else:
            container[pending[0]] = value
            pending[0] = _UNSET


_UNSET: Any = object()


def _refuse_anchor_and_tag(builder: _Builder, event: Any, path: Path_) -> None:
    # Anchors only exist to be aliased, and even `!` changes how a scalar is read: refuse both.
    if event.anchor is not None:
        raise builder.fail(event, path, f"anchors are not allowed (&{event.anchor})")
    if event.tag is not None:
        raise builder.fail(event, path, f"tags are not allowed ({event.tag})")


def _child_path(stack: list[tuple[Any, Path_, list[Any]]]) -> Path_:
    if not stack:
        return ()
    container, path, pending = stack[-1]
    if isinstance(container, list):
        return (*path, len(container))
    return (*path, pending[0]) if pending[0] is not _UNSET else path


def _scalar_node() -> Any:
    import yaml

    return yaml.ScalarNode


def _decode(raw: bytes, file: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InvalidData(file, f"not UTF-8 (byte 0x{raw[exc.start]:02x})", line) from None
    return text.removeprefix("\ufeff")


def _events(text: str, file: str) -> Iterable[Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        yield from yaml.parse(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else None
        raise InvalidData(file, f"not valid YAML: {exc.problem}", line) from None
    except yaml.YAMLError as exc:
        raise InvalidData(file, f"not valid YAML: {exc}") from None


def read_yaml(path: Path, display: str | None = None) -> object:
    """Return the plain data of one strict-YAML file, or raise InvalidData."""
    name = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidData(name, f"cannot be read ({exc.strerror})") from None
    return _Builder(name).build(_events(_decode(raw, name), name))


def _line_of(path: Path, display: str, field: str) -> int | None:
    """Return the line of a field given as $.a.b[0] (re-reading the file with line tracking)."""
    lines: dict[str, int] = {}
    _Builder(display, lines).build(_events(_decode(path.read_bytes(), display), display))
    while field:
        if field in lines:
            return lines[field]
        parent = re.sub(r"(\.[^.\[]*|\[[0-9]+\])$", "", field)  # fall back to the parent
        if parent == field:
            return None
        field = parent
    return None


def _typed(data: object, kind: type[T], path: Path, display: str) -> T:
    try:
        return msgspec.convert(data, kind, strict=True)
    except msgspec.ValidationError as exc:
        message, _, where = str(exc).partition(" - at `")
        field = where.rstrip("`") or "$"
        unknown = re.match(r"Object contains unknown field `([^`]*)`", message)
        if unknown:  # msgspec names the mapping; point at the key itself
            field = f"{field}.{unknown[1]}"
        raise InvalidData(display, message, _line_of(path, display, field), field[2:] or None) from None


@dataclass
class Dataset:
    """Every notice by year, the registry, and where they were read from."""

    data_dir: Path
    notices: dict[int, Notice]
    departments: Departments
    source_lines: dict[str, int] = field(default_factory=dict)  # file name -> line count

    @property
    def years(self) -> list[int]:
        """Return the years in the dataset, oldest first."""
        return sorted(self.notices)

    def notice(self, year: int) -> Notice:
        """Return one year's notice, or raise NotFound naming the years that exist."""
        try:
            return self.notices[year]
        except KeyError:
            raise NotFound(f"no circular recorded for {year}; {years_available(self.years)}") from None


def years_available(years: list[int]) -> str:
    """Return 'years available: …' with runs of consecutive years collapsed."""
    if not years:
        return "the dataset holds no years"
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    shown = ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)
    return f"years available: {shown} (run `qmonth years`)"


def notice_files(data_dir: Path) -> list[Path]:
    """Return the notice files of a data directory, or raise NotFound if there are none."""
    if not data_dir.is_dir():
        raise NotFound(f"data directory {data_dir} does not exist (set --data-dir or {ENV_DATA_DIR})")
    files = sorted((data_dir / "notices").glob("*.yaml"))
    if not files:
        raise NotFound(f"no notice files (notices/*.yaml) in data directory {data_dir}")
    return files


def load(data_dir: Path | None = None) -> Dataset:
    """Return the validated dataset of a data directory; raise InvalidData or NotFound."""
    data_dir = data_dir or default_data_dir()
    files = notice_files(data_dir)
    registry_path = data_dir / "organizations.yaml"
    if not registry_path.is_file():
        raise NotFound(f"no department registry (organizations.yaml) in data directory {data_dir}")
    registry_name = "organizations.yaml"
    registry = _typed(read_yaml(registry_path, registry_name), Registry, registry_path, registry_name)
    departments = Departments(registry)
    problem = departments.problem()
    if problem:
        field_path, message = problem
        raise InvalidData(
            registry_name, message, _line_of(registry_path, registry_name, field_path), field_path[2:]
        )
    dataset = Dataset(data_dir, {}, departments)
    for path in files:
        display = f"notices/{path.name}"
        raw = read_yaml(path, display)
        notice = _typed(raw, Notice, path, display)
        problem = _check_notice(notice, raw, path, dataset)
        if problem:
            field_path, message = problem
            raise InvalidData(display, message, _line_of(path, display, field_path), field_path[2:])
        dataset.notices[notice.year] = notice
    return dataset


def _source_line_count(dataset: Dataset, source: Source) -> int | None:
    """Return the number of lines of a source file, or None if it is missing."""
    assert source.file is not None
    if source.file not in dataset.source_lines:
        path = dataset.data_dir / "sources" / source.file
        try:
            raw = path.read_bytes()
            # A final newline ends the last line; it does not start another.
            dataset.source_lines[source.file] = raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)
        except OSError:
            return None
    return dataset.source_lines[source.file]


def _check_notice(notice: Notice, raw: object, path: Path, dataset: Dataset) -> tuple[str, str] | None:
    """Return (field, message) for the first rule a typed notice breaks, or None."""
    if path.stem != str(notice.year):
        return "$.year", f"year {notice.year} does not match the file name {path.name}"
    sources: dict[str, Source] = {}
    for index, source in enumerate(notice.sources):
        if source.id in sources:
            return f"$.sources[{index}].id", f"duplicate source id {source.id!r}"
        if not (source.file or source.url or source.citation):
            return f"$.sources[{index}]", "a source needs a file, a url or a citation"
        if source.file and _source_line_count(dataset, source) is None:
            return f"$.sources[{index}].file", f"no file {source.file} in data/sources/"
        sources[source.id] = source
    # The plain data just validated holds the same values: walk it, not a rebuilt copy.
    for field_path, value in _walk(raw, "$"):
        leaf = field_path.rsplit(".", 1)[-1].split("[")[0]
        if leaf in ("src", "signed_src", "count_src") and isinstance(value, str):
            problem = _check_src(value, sources, dataset)
        elif leaf in ("basis", "count_basis") and isinstance(value, list):
            unknown = [b for b in value if b not in sources]
            problem = f"basis names undeclared source(s) {', '.join(unknown)}" if unknown else None
        elif leaf == "id" and "sources" not in field_path and isinstance(value, str):
            problem = dataset.departments.unknown_id(value)
        else:
            problem = None
        if problem:
            return field_path, problem
    for name, status in (
        ("issuers", notice.issuers.status),
        ("slogans", notice.slogans.status),
        ("activities", notice.activities_status),
    ):
        if status != "complete" and not any(m.field.split(".")[0] == name for m in notice.missing):
            return f"$.{name}", f"{name} are {status} but no `missing:` entry says why"
    for index, node in enumerate(notice.activities):
        if node.part is None:
            return f"$.activities[{index}].part", "a top-level activity node needs a part"
    return None


def _check_src(value: str, sources: dict[str, Source], dataset: Dataset) -> str | None:
    match = _SRC.match(value)
    if not match or match[1] not in sources:
        return f"src {value!r} names no declared source"
    source = sources[match[1]]
    if source.file is None:
        return f"src {value!r}: source {source.id} has no file to cite lines of" if match[2] else None
    if not match[2]:
        return f"src {value!r}: cite lines of {source.file} (id:first-last)"
    first, last = int(match[2]), int(match[3] or match[2])
    count = _source_line_count(dataset, source) or 0
    if not 1 <= first <= last <= count:
        return f"src {value!r}: lines outside {source.file} (1–{count})"
    return None


def _walk(node: object, path: str) -> Iterable[tuple[str, object]]:
    """Yield (path, value) for every field of plain data, depth first."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield f"{path}.{key}", value
            yield from _walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield f"{path}[{index}]", value
            yield from _walk(value, f"{path}[{index}]")


def walk_activities(nodes: list[Activity]) -> Iterable[tuple[tuple[Activity, ...], Activity]]:
    """Yield (ancestors, node) for every node of an activity tree, in document order."""
    stack: list[tuple[tuple[Activity, ...], Activity]] = [((), n) for n in reversed(nodes)]
    while stack:
        ancestors, node = stack.pop()
        yield ancestors, node
        stack.extend(((*ancestors, node), child) for child in reversed(node.children))
