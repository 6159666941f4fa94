"""The questions qmonth answers, as pure functions from the dataset to a Report.

Queries never print and never import rich: they return rows (for tables, TSV, CSV, Markdown),
the JSON payload, and notes about gaps in the data, and render.py decides how they look.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import msgspec

from qmonth.errors import NotFound, UsageError
from qmonth.loader import Dataset, walk_activities
from qmonth.model import Activity, Cited, Grade, Notice, Source
from qmonth.text import find_spans, key

GRADE_ORDER: tuple[Grade, ...] = ("official", "reported", "corroborated", "single")
PART_NAMES = {"body": "正文", "annex1": "附件1", "annex2": "附件2", "annex3": "附件3"}
SearchField = Literal["activities", "themes", "slogans", "titles"]
SEARCH_FIELDS: tuple[SearchField, ...] = ("activities", "themes", "slogans", "titles")
Row = dict[str, Any]


@dataclass
class Column:
    """A column of a result table: the row key, its header, and how its text behaves."""

    key: str
    header: str
    wrap: bool = True  # text columns fold; short ones (years, ids) do not
    ratio: int | None = None  # share of the spare width in a table, for long text columns


@dataclass
class Table:
    """Rows with their columns, and an optional title shown above a human table."""

    columns: list[Column]
    rows: list[Row]
    title: str | None = None


@dataclass
class Report:
    """What a command answers: tables for people and TSV, a JSON payload, notes for stderr."""

    tables: list[Table]
    data: Any
    notes: list[str] = field(default_factory=list)


def _grade(notice: Notice, src: str | None, basis: Iterable[str] = ()) -> Grade | None:
    """Return the confidence of a value: the best grade among the sources behind it."""
    sources = {s.id: s for s in notice.sources}
    ids = [*basis] or ([src.split(":")[0]] if src else [])
    grades = [sources[i].grade for i in ids if i in sources]
    return min(grades, key=GRADE_ORDER.index) if grades else None


def year_grade(notice: Notice) -> Grade | None:
    """Return the confidence of a year's theme, the value every year has."""
    return _grade(notice, notice.theme.src, notice.theme.basis)


def _main_date(notice: Notice) -> str | None:
    for kind in ("signed", "issued"):
        for date in notice.dates:
            if date.kind == kind:
                return date.value
    return None


def _leaves(nodes: list[Activity]) -> int:
    return sum(1 for _, node in walk_activities(nodes) if not node.children)


def activity_count(notice: Notice) -> int:
    """Return the number of activity items (leaves) of a year, forwarding documents included."""
    return _leaves(notice.activities) + sum(_leaves(f.activities) for f in notice.forwarding)


def issuer_count(notice: Notice) -> int | None:
    """Return how many departments issued the circular, as stated or as listed."""
    if notice.issuers.count is not None:
        return notice.issuers.count
    return len(notice.issuers.list) if notice.issuers.status == "complete" else None


def _doc(notice: Notice) -> str | None:
    return notice.doc_number.text if notice.doc_number else None


def years(dataset: Dataset) -> Report:
    """Return one row per year: theme, 文号, date, counts, coverage and confidence."""
    rows = [
        {
            "year": n.year,
            "theme": n.theme.text,
            "doc_number": _doc(n),
            "date": _main_date(n),
            "issuers_count": issuer_count(n),
            "issuers_status": n.issuers.status,
            "slogans_count": len(n.slogans.list),
            "activities_count": activity_count(n),
            "coverage": n.coverage,
            "grade": year_grade(n),
        }
        for n in (dataset.notices[y] for y in dataset.years)
    ]
    columns = [
        Column("year", "年份", wrap=False),
        Column("theme", "主题", ratio=2),
        Column("doc_number", "文号", ratio=2),
        Column("date", "日期", wrap=False),
        Column("issuers_count", "部门", wrap=False),
        Column("slogans_count", "口号", wrap=False),
        Column("activities_count", "活动", wrap=False),
        Column("coverage", "覆盖", wrap=False),
        Column("grade", "可信度", wrap=False),
    ]
    return Report([Table(columns, rows)], rows)


def timeline(dataset: Dataset) -> Report:
    """Return every year's theme with its coverage and confidence."""
    rows = [
        {
            "year": n.year,
            "theme": n.theme.text,
            "coverage": n.coverage,
            "grade": year_grade(n),
            "doc_number": _doc(n),
        }
        for n in (dataset.notices[y] for y in dataset.years)
    ]
    columns = [
        Column("year", "年份", wrap=False),
        Column("theme", "主题"),
        Column("coverage", "覆盖", wrap=False),
        Column("grade", "可信度", wrap=False),
        Column("doc_number", "文号"),
    ]
    return Report([Table(columns, rows)], rows)


def theme(dataset: Dataset, year: int) -> Report:
    """Return a year's theme with its context: title, 文号, dates, issuers, coverage, source."""
    n = dataset.notice(year)
    source_labels = [_source_label(s) for s in _sources_of(n, n.theme)]
    data: Row = {
        "year": n.year,
        "theme": n.theme.text,
        "sub_theme": n.theme.sub_theme,
        "title": n.title.text if n.title else None,
        "doc_number": _doc(n),
        "dates": [{"kind": d.kind, "value": d.value, "as_printed": d.as_printed} for d in n.dates],
        "issuers_count": issuer_count(n),
        "issuers_status": n.issuers.status,
        "coverage": n.coverage,
        "grade": year_grade(n),
        "src": n.theme.src,
        "sources": source_labels,
        "variants": [v.text for v in n.theme.variants],
    }
    date_text = "; ".join(
        f"{d.value} ({_DATE_KINDS[d.kind]}{', ' + d.as_printed if d.as_printed else ''})" for d in n.dates
    )
    rows: list[Row] = [
        {"field": "年份 year", "value": str(n.year)},
        {"field": "主题 theme", "value": n.theme.text},
        *([{"field": "副主题 sub-theme", "value": n.theme.sub_theme}] if n.theme.sub_theme else []),
        *[{"field": "其他写法 variant", "value": v.text} for v in n.theme.variants],
        {"field": "标题 title", "value": data["title"] or _missing_text(n, "title")},
        {"field": "文号 doc number", "value": data["doc_number"] or _missing_text(n, "doc_number")},
        {"field": "日期 dates", "value": date_text or _missing_text(n, "dates")},
        {"field": "发文部门 issuers", "value": _issuer_summary(n)},
        {"field": "覆盖 coverage", "value": n.coverage},
        {"field": "可信度 confidence", "value": data["grade"]},
        {"field": "出处 source", "value": "; ".join([n.theme.src, *source_labels])},
    ]
    columns = [Column("field", "项目", wrap=False), Column("value", "内容")]
    return Report([Table(columns, rows, title=f"{n.year} 全国“质量月”")], data, _gap_notes(n))


_DATE_KINDS = {"signed": "成文", "issued": "印发", "launched": "启动", "published": "发布"}


def _issuer_extent(n: Notice) -> str:
    """Return how many issuers are known: '47', or '34 stated, 8 named' for an incomplete list."""
    count, named = issuer_count(n), len(n.issuers.list)
    if n.issuers.status == "complete":
        return str(count)
    return f"{count} stated, {named} named" if count is not None else f"{named} named"


def _issuer_summary(n: Notice) -> str:
    return f"{_issuer_extent(n)} ({n.issuers.status})"


def _reasons(n: Notice, name: str) -> list[str]:
    """Return why a top-level field (issuers, slogans, dates…) is missing, per `missing:` entry."""
    return [m.reason for m in n.missing if m.field.split(".")[0] == name]


def _missing_text(n: Notice, name: str) -> str:
    reasons = _reasons(n, name)
    return f"(not recorded: {reasons[0]})" if reasons else "(not recorded)"


def _gap_notes(n: Notice) -> list[str]:
    if n.coverage == "full_text":
        return []
    return [f"{n.year}: coverage is {n.coverage.replace('_', ' ')}; see `qmonth sources {n.year}`"]


def _source_label(source: Source) -> str:
    where = source.file or source.url or source.citation or ""
    return f"{source.id} [{source.grade}] {where}"


def _sources_of(n: Notice, value: Cited) -> list[Source]:
    ids = [value.src.split(":")[0], *value.basis]
    return [s for s in n.sources if s.id in ids]


def slogans(dataset: Dataset, year: int) -> Report:
    """Return a year's numbered slogans with scope, or raise NotFound saying why there are none."""
    n = dataset.notice(year)
    if not n.slogans.list:
        raise NotFound(f"no slogans recorded for {year}: {_reason(n, 'slogans')}")
    rows = [
        {
            "year": n.year,
            "no": index,
            "printed_no": s.number,
            "text": s.text,
            "scope": s.scope,
            "grade": _grade(n, s.src, s.basis),
            "src": s.src,
            "note": s.note,
        }
        for index, s in enumerate(n.slogans.list, start=1)
    ]
    notes = (
        []
        if n.slogans.status == "complete"
        else [f"{year}: slogans are {n.slogans.status}: {_reason(n, 'slogans')}"]
    )
    columns = [
        Column("no", "#", wrap=False),
        Column("text", "口号"),
        Column("scope", "范围", wrap=False),
        Column("src", "出处", wrap=False),
        Column("note", "说明"),
    ]
    return Report([Table(columns, rows, title=f"{year} 活动口号")], rows, notes)


def _reason(n: Notice, name: str) -> str:
    reasons = _reasons(n, name)
    return "; ".join(reasons) if reasons else "the sources do not include them"


def issuers(dataset: Dataset, year: int) -> Report:
    """Return a year's issuing departments as printed, with registry names and ids."""
    n = dataset.notice(year)
    deps = dataset.departments
    rows = [
        {
            "position": index,
            "id": i.id,
            "name": deps.get(i.id).name,
            "short_name": deps.short_name(i.id),
            "as_printed": i.as_printed,
            "signed_as": i.signed_as,
            "src": i.src,
            "note": i.note,
        }
        for index, i in enumerate(n.issuers.list, start=1)
    ]
    notes = _issuer_gap(n)
    if not rows:
        raise NotFound(f"no issuer names recorded for {year}: {notes[0] if notes else _reason(n, 'issuers')}")
    columns = [
        Column("position", "#", wrap=False),
        Column("as_printed", "原文"),
        Column("name", "全称"),
        Column("short_name", "简称"),
        Column("id", "id", wrap=False),
        Column("note", "说明"),
    ]
    return Report([Table(columns, rows, title=f"{year} 发文部门")], rows, notes)


def _issuer_gap(n: Notice) -> list[str]:
    status = n.issuers.status
    notes = []
    if status != "complete":
        notes.append(
            f"{n.year}: the issuer list is {status.replace('_', ' ')} ({_issuer_extent(n)}): {_reason(n, 'issuers')}"
        )
    if n.issuers.translated:
        notes.append(
            f"{n.year}: the issuer list was read in translation; names are the registry's official names"
        )
    return notes


@dataclass
class _Side:
    year: int
    ids: list[str]
    printed: dict[str, str]


def diff_issuers(dataset: Dataset, year_a: int, year_b: int) -> Report:
    """Compare the issuing departments of two years by registry id and lineage."""
    a, b = dataset.notice(year_a), dataset.notice(year_b)
    notes = [*_issuer_gap(a), *_issuer_gap(b)]
    for n in (a, b):
        if not n.issuers.list:
            count = issuer_count(n)
            known = f"only a count is known ({count} departments)" if count else "no issuers are recorded"
            raise NotFound(
                f"cannot compare the issuers of {year_a} and {year_b}: for {n.year} {known}; "
                f"{_reason(n, 'issuers')}"
            )
    side_a, side_b = (
        _Side(n.year, [i.id for i in n.issuers.list], {i.id: i.as_printed for i in n.issuers.list})
        for n in (a, b)
    )
    deps = dataset.departments
    only_a = [i for i in side_a.ids if i not in side_b.printed]
    only_b = [i for i in side_b.ids if i not in side_a.printed]
    succeeded: list[Row] = []
    # Each department's lineage is walked once, not once per pair it is tried against.
    lineage = {org_id: deps.lineage(org_id) for org_id in (*only_a, *only_b)}
    for old, new, direction in [(x, y, "successor") for x in only_a for y in only_b] + [
        (y, x, "predecessor") for x in only_a for y in only_b
    ]:
        for chain in lineage[old]:
            if chain[-1].target.id == new:
                frm, to = (old, new) if direction == "successor" else (new, old)
                succeeded.append(
                    {
                        "from": {"id": frm, "name": deps.get(frm).name, "as_printed": side_a.printed[frm]},
                        "to": {"id": to, "name": deps.get(to).name, "as_printed": side_b.printed[to]},
                        "direction": direction,
                        "steps": [
                            {
                                "from": s.source.id,
                                "to": s.target.id,
                                "relation": s.edge.relation,
                                "year": s.edge.year,
                                "reform": s.edge.reform,
                                "note": s.edge.note,
                            }
                            for s in chain
                        ],
                    }
                )
    matched_a = {r["from"]["id"] for r in succeeded}
    matched_b = {r["to"]["id"] for r in succeeded}

    def entry(org_id: str, side: _Side) -> Row:
        return {"id": org_id, "name": deps.get(org_id).name, "as_printed": side.printed[org_id]}

    unchanged = [
        {**entry(i, side_a), "as_printed_b": side_b.printed[i]} for i in side_a.ids if i in side_b.printed
    ]
    # A department missing from a partial list may still have issued: it is unknown, not joined/left.
    a_complete, b_complete = a.issuers.status == "complete", b.issuers.status == "complete"
    joined = [entry(i, side_b) for i in only_b if i not in matched_b and a_complete]
    left = [entry(i, side_a) for i in only_a if i not in matched_a and b_complete]
    unknown = [
        {**entry(i, side_a), "named_in": year_a} for i in only_a if i not in matched_a and not b_complete
    ]
    unknown += [
        {**entry(i, side_b), "named_in": year_b} for i in only_b if i not in matched_b and not a_complete
    ]
    groups = {
        "unchanged": unchanged,
        "succeeded": succeeded,
        "joined": joined,
        "left": left,
        "unknown": unknown,
    }
    counts = {name: len(items) for name, items in groups.items()}
    data: Row = {
        "year_a": year_a,
        "year_b": year_b,
        **groups,
        "issuers_count": {str(year_a): issuer_count(a), str(year_b): issuer_count(b)},
        "complete": a_complete and b_complete,
        "counts": counts,
    }
    rows: list[Row] = []
    for item in unchanged:
        same = item["as_printed"] == item["as_printed_b"]
        rows.append(
            {
                "change": "unchanged",
                "a": item["as_printed"],
                "b": item["as_printed_b"],
                "detail": item["name"] if not same else "",
            }
        )
    for item in succeeded:
        reform = "; ".join(
            f"{s['year']} {s['relation']}" + (f" ({s['note']})" if s["note"] else "") for s in item["steps"]
        )
        rows.append(
            {
                "change": "succeeded",
                "a": item["from"]["as_printed"],
                "b": item["to"]["as_printed"],
                "detail": reform,
            }
        )
    rows += [{"change": "left", "a": i["as_printed"], "b": "", "detail": ""} for i in left]
    rows += [{"change": "joined", "a": "", "b": i["as_printed"], "detail": ""} for i in joined]
    for i in unknown:
        other = year_b if i["named_in"] == year_a else year_a
        side = {"a": i["as_printed"], "b": ""} if i["named_in"] == year_a else {"a": "", "b": i["as_printed"]}
        rows.append({"change": "unknown", **side, "detail": f"not named in the partial {other} list"})

    title = f"{year_a} ({_issuer_extent(a)}) → {year_b} ({_issuer_extent(b)}): " + ", ".join(
        f"{counts[k]} {k}" for k in counts if counts[k] or k != "unknown"
    )
    columns = [
        Column("change", "变化", wrap=False),
        Column("a", str(year_a)),
        Column("b", str(year_b)),
        Column("detail", "说明"),
    ]
    return Report([Table(columns, rows, title=title)], data, notes)


def diff_raw(dataset: Dataset, year_a: int, year_b: int) -> Report:
    """Return a plain string diff of the issuers as printed, for comparison with the real one."""
    a, b = dataset.notice(year_a), dataset.notice(year_b)
    printed_a = [i.as_printed for i in a.issuers.list]
    printed_b = [i.as_printed for i in b.issuers.list]
    rows = [{"change": "both", "name": p} for p in printed_a if p in printed_b]
    rows += [{"change": f"only {year_a}", "name": p} for p in printed_a if p not in printed_b]
    rows += [{"change": f"only {year_b}", "name": p} for p in printed_b if p not in printed_a]
    columns = [Column("change", "变化", wrap=False), Column("name", "原文")]
    notes = [
        *_issuer_gap(a),
        *_issuer_gap(b),
        "raw string comparison: renamed and merged departments count as different",
    ]
    return Report([Table(columns, rows, title=f"{year_a} vs {year_b} (as printed)")], rows, notes)


@dataclass
class Record:
    """A searchable piece of a notice with where it sits in the document."""

    year: int
    field: SearchField
    path: list[str]
    text: str
    src: str
    organizer: str | None = None
    organizer_id: str | None = None
    heading: str | None = None


def _path(prefix: list[str], chain: tuple[Activity, ...]) -> list[str]:
    """Return where a node sits: part, the sections above it (with headings near the top), its label."""
    out = [*prefix]
    for depth, node in enumerate(chain):
        if depth == 0 and node.part in ("annex1", "annex2", "annex3"):
            out.append(node.label or PART_NAMES[node.part])
        elif node.children and depth <= 1:
            out.append(f"{node.label or ''}{node.heading or ''}")
        else:
            out.append(node.label or "")
    return [p for p in out if p]


def records(n: Notice, fields: Iterable[SearchField]) -> Iterator[Record]:
    """Yield the searchable records of a notice for the chosen fields, in document order."""
    wanted = set(fields)
    if "titles" in wanted:
        if n.title:
            yield Record(n.year, "titles", ["标题"], n.title.text, n.title.src)
        for f in n.forwarding:
            yield Record(n.year, "titles", ["转发", f.doc_number.text], f.title.text, f.title.src)
    if "themes" in wanted:
        yield Record(n.year, "themes", ["主题"], n.theme.text, n.theme.src)
        if n.theme.sub_theme:
            yield Record(n.year, "themes", ["副主题"], n.theme.sub_theme, n.theme.src)
    if "slogans" in wanted:
        for index, s in enumerate(n.slogans.list, start=1):
            yield Record(n.year, "slogans", ["口号", str(index)], s.text, s.src)
    if "activities" in wanted:
        trees = [(n.activities, True)] + [(f.activities, False) for f in n.forwarding]
        for index, (nodes, national) in enumerate(trees):
            for ancestors, node in walk_activities(nodes):
                text = (node.heading or "") + (node.text or "")
                if not text:
                    continue
                chain = (*ancestors, node)
                if not national:
                    prefix = ["转发 " + n.forwarding[index - 1].doc_number.text]
                elif chain[0].part == "body":
                    prefix = [PART_NAMES["body"]]
                else:
                    prefix = []
                path = _path(prefix, chain)
                yield Record(
                    n.year,
                    "activities",
                    [p for p in path if p],
                    text,
                    node.src,
                    node.organizer.as_printed if node.organizer else None,
                    node.organizer.id if node.organizer else None,
                    node.heading,
                )


def search(
    dataset: Dataset,
    terms: list[str],
    fields: Iterable[SearchField] = ("activities",),
    year_from: int | None = None,
    year_to: int | None = None,
    issuer: str | None = None,
    count: bool = False,
) -> Report:
    """Return the records containing every term, with match offsets, and what was not searched."""
    keys = [key(t) for t in terms]
    if not terms or any(not k for k in keys):
        raise UsageError("a search term is empty (after removing spaces); give at least one character")
    fields = tuple(dict.fromkeys(fields))
    notes: list[str] = []
    years_ = [
        y
        for y in dataset.years
        if (year_from is None or y >= year_from) and (year_to is None or y <= year_to)
    ]
    if not years_:
        raise NotFound(
            f"no circular recorded between {year_from or '…'} and {year_to or '…'}; {_available(dataset)}"
        )
    if issuer is not None:
        org = dataset.departments.resolve(issuer)
        if org is None:
            raise NotFound(
                f"no department called {issuer!r} in the registry (try a full or short name, e.g. 质检总局)"
            )
        unknown = [
            y
            for y in years_
            if dataset.notices[y].issuers.status != "complete"
            and org.id not in {i.id for i in dataset.notices[y].issuers.list}
        ]
        years_ = [y for y in years_ if org.id in {i.id for i in dataset.notices[y].issuers.list}]
        if unknown:
            notes.append(
                f"--issuer {issuer}: {len(unknown)} year(s) have no complete issuer list and were left out: {_join(unknown)}"
            )
        if not years_:
            raise NotFound(f"{org.name} is not a recorded issuer of any year searched")
    if "activities" in fields:
        none = [y for y in years_ if dataset.notices[y].activities_status == "missing"]
        part = [y for y in years_ if dataset.notices[y].activities_status == "partial"]
        if none:
            notes.append(
                f"{len(none)} year(s) have no activities recorded and were not searched for activities: {_join(none)}"
            )
        if part:
            notes.append(
                f"{len(part)} year(s) have activities only in part (see `qmonth show YEAR`): {_join(part)}"
            )
    if "slogans" in fields:
        none = [y for y in years_ if not dataset.notices[y].slogans.list]
        if none:
            notes.append(f"{len(none)} year(s) have no slogans recorded: {_join(none)}")
    hits: list[Row] = []
    for year in years_:
        for record in records(dataset.notices[year], fields):
            spans = find_spans(record.text, terms)
            if spans is None:
                continue
            hits.append(
                {
                    "year": record.year,
                    "field": record.field,
                    "path": " › ".join(record.path),
                    "path_parts": record.path,
                    "organizer": record.organizer,
                    "organizer_id": record.organizer_id,
                    "heading": record.heading,
                    "text": record.text,
                    "matches": [list(s) for s in spans],
                    "src": record.src,
                }
            )
    if not hits:
        raise NotFound(
            f"no {'/'.join(fields)} containing {' and '.join(repr(t) for t in terms)} in {_join(years_)}",
            notes,
        )
    if count:
        per_year: dict[int, int] = {}
        for hit in hits:
            per_year[hit["year"]] = per_year.get(hit["year"], 0) + 1
        rows = [{"year": y, "hits": c} for y, c in per_year.items()]
        columns = [Column("year", "年份", wrap=False), Column("hits", "命中", wrap=False)]
        return Report([Table(columns, rows, title=f"{len(hits)} hits")], rows, notes)
    columns = [
        Column("year", "年份", wrap=False),
        Column("path", "位置", ratio=1),
        Column("organizer", "单位"),
        Column("text", "内容", ratio=3),
    ]
    return Report([Table(columns, hits, title=f"{len(hits)} hits")], hits, notes)


def _join(values: Iterable[int]) -> str:
    return ", ".join(map(str, values))


def _available(dataset: Dataset) -> str:
    from qmonth.loader import years_available

    return years_available(dataset.years)


def sources(dataset: Dataset, year: int | None = None) -> Report:
    """Return each year's sources with grade, location and the fields they support."""
    chosen = [dataset.notice(year)] if year is not None else [dataset.notices[y] for y in dataset.years]
    rows: list[Row] = []
    for n in chosen:
        support = _support(n)
        for s in n.sources:
            rows.append(
                {
                    "year": n.year,
                    "id": s.id,
                    "kind": s.kind,
                    "grade": s.grade,
                    "where": s.file or s.url or s.citation,
                    "file": s.file,
                    "url": s.url,
                    "citation": s.citation,
                    "converted": s.converted,
                    "translated": s.translated,
                    "supports": support.get(s.id, []),
                    "description": s.description,
                }
            )
    columns = [
        Column("year", "年份", wrap=False),
        Column("id", "id", wrap=False),
        Column("grade", "可信度", wrap=False),
        Column("where", "出处"),
        Column("supports", "支持"),
        Column("description", "说明"),
    ]
    return Report([Table(columns, rows)], rows)


def _support(n: Notice) -> dict[str, list[str]]:
    """Return, per source id, the top-level fields that cite it."""
    support: dict[str, list[str]] = {}
    for name, value in msgspec.structs.asdict(n).items():
        if name in ("sources", "year", "coverage", "curation_notes"):
            continue
        for cited in _cited_ids(msgspec.to_builtins(value)):
            fields = support.setdefault(cited, [])
            if name not in fields:
                fields.append(name)
    return support


def _cited_ids(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("src", "signed_src", "count_src") and isinstance(v, str):
                yield v.split(":")[0]
            elif k in ("basis", "count_basis") and isinstance(v, list):
                yield from v
            else:
                yield from _cited_ids(v)
    elif isinstance(node, list):
        for v in node:
            yield from _cited_ids(v)


def show(dataset: Dataset, year: int, with_source: bool = False) -> Report:
    """Return the whole record of a year: metadata, issuers, slogans, activities, gaps, sources."""
    n = dataset.notice(year)
    tables = list(theme(dataset, year).tables)
    if n.issuers.list:
        tables += [
            Table(t.columns, t.rows, title=f"{year} 发文部门 issuers") for t in issuers(dataset, year).tables
        ]
    if n.slogans.list:
        tables += slogans(dataset, year).tables
    activity_rows = [
        {"path": " › ".join(r.path), "organizer": r.organizer, "text": r.text, "src": r.src}
        for r in records(n, ["activities"])
    ]
    if activity_rows:
        columns = [
            Column("path", "位置"),
            Column("organizer", "单位"),
            Column("text", "内容"),
            Column("src", "出处", wrap=False),
        ]
        tables.append(
            Table(columns, activity_rows, title=f"{year} 活动 activities ({activity_count(n)} items)")
        )
    for f in n.forwarding:
        rows = [
            {"field": "转发单位 issuer", "value": f.issuer.as_printed},
            {"field": "文号 doc number", "value": f.doc_number.text},
            {"field": "标题 title", "value": f.title.text},
            *[
                {"field": "提及 mentions", "value": f"{m.as_printed}: {m.note}" if m.note else m.as_printed}
                for m in f.mentions
            ],
            *([{"field": "说明 note", "value": f.note}] if f.note else []),
        ]
        tables.append(
            Table(
                [Column("field", "项目", wrap=False), Column("value", "内容")],
                rows,
                title=f"{year} 转发文件 forwarding",
            )
        )
    gap_rows = [{"field": m.field, "reason": m.reason, "src": m.src} for m in n.missing]
    gap_rows += [
        {"field": d.field, "reason": f"disagreement: {d.note}", "src": d.src} for d in n.disagreements
    ]
    if gap_rows:
        tables.append(
            Table(
                [
                    Column("field", "项目", wrap=False),
                    Column("reason", "原因"),
                    Column("src", "出处", wrap=False),
                ],
                gap_rows,
                title=f"{year} 缺失与分歧 missing and disagreements",
            )
        )
    if n.curation_notes:
        tables.append(
            Table(
                [Column("note", "整理说明")],
                [{"note": c} for c in n.curation_notes],
                title=f"{year} curation notes",
            )
        )
    tables += [Table(t.columns, t.rows, title=f"{year} 来源 sources") for t in sources(dataset, year).tables]
    if with_source:
        for table in tables:
            if any("src" in row for row in table.rows):
                table.columns.append(Column("source_text", "原文行"))
                for row in table.rows:
                    row["source_text"] = cited_lines(dataset, n, row.get("src"))
    data = msgspec.to_builtins(n)
    return Report(tables, data, _gap_notes(n))


def cited_lines(dataset: Dataset, n: Notice, src: str | None) -> str | None:
    """Return the verbatim source lines a citation names, or None for URL-only sources."""
    if not src or ":" not in src:
        return None
    source_id, _, span = src.partition(":")
    source = next(s for s in n.sources if s.id == source_id)
    assert source.file is not None
    first, _, last = span.partition("-")
    lines = (dataset.data_dir / "sources" / source.file).read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[int(first) - 1 : int(last or first)])
