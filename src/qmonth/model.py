"""Typed records of the dataset: one Notice per year, the department registry.

These types are the single definition of the data format: the loader validates against them
and the JSON Schema for editors is generated from them (`python -m qmonth.schema`).

Citations (`src`) are strings of the form ``<source-id>:<first>[-<last>]`` for a source that
is a file in data/sources/ (1-based line numbers, inclusive), or ``<source-id>`` alone for a
source that is only a URL or a citation.
"""

from __future__ import annotations

import builtins
from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

Grade = Literal["official", "reported", "corroborated", "single"]
Coverage = Literal["full_text", "partial", "theme_only"]
Status = Literal["complete", "partial", "count_only", "missing"]
SourceKind = Literal["circular", "forwarding", "news_report", "secondary_summary", "secondary"]
Part = Literal["body", "annex1", "annex2", "annex3", "forwarding"]
Scope = Literal["national", "machinery_supplement"]
DateKind = Literal["signed", "issued", "launched", "published"]
OrganizerKind = Literal["department", "enterprise", "city", "association", "group"]
Relation = Literal["renamed", "merged_into", "split_into", "absorbed_by"]

Src = Annotated[str, Meta(pattern=r"^[a-z0-9_]+(:[1-9][0-9]*(-[1-9][0-9]*)?)?$")]
Id = Annotated[str, Meta(pattern=r"^[a-z0-9_]+$")]
IsoDate = Annotated[str, Meta(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]
NonEmpty = Annotated[str, Meta(min_length=1)]


class Base(Struct, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """Common options: unknown fields are errors, every field is given by name."""


class Source(Base):
    """Where curated values come from: a file in data/sources/, or a URL / citation."""

    id: Id
    kind: SourceKind
    grade: Grade
    description: NonEmpty
    file: str | None = None
    url: str | None = None
    citation: str | None = None
    converted: bool = False  # read in traditional characters, given in simplified
    translated: bool = False  # read in another language


class Cited(Base):
    """A string exactly as printed, with where it was read."""

    text: NonEmpty
    src: Src
    basis: list[Id] = []  # secondary sources that support a value cited from the facts file
    note: str | None = None


class Theme(Cited):
    """The year's theme (活动主题) and, where printed, a sub-theme (副主题)."""

    sub_theme: str | None = None
    variants: list[Cited] = []  # other printed forms, e.g. different punctuation


class DateRecord(Base):
    """A date of the circular: 成文日期 (signed) and 印发/发出 (issued) are kept apart."""

    kind: DateKind
    value: IsoDate
    src: Src
    as_printed: str | None = None
    basis: list[Id] = []
    note: str | None = None


class Issuer(Base):
    """One issuing department, as printed, resolved to a registry id."""

    as_printed: NonEmpty
    id: Id
    src: Src
    signed_as: str | None = None  # how the signature block prints it, where there is one
    signed_src: Src | None = None
    basis: list[Id] = []
    note: str | None = None


class Issuers(Base):
    """The issuing departments in printed order, or what is known of them."""

    status: Status
    list: builtins.list[Issuer] = []
    count: int | None = None
    count_src: Src | None = None
    count_basis: builtins.list[Id] = []
    translated: bool = False
    note: str | None = None


class Slogan(Base):
    """One slogan (宣传口号) with its scope."""

    text: NonEmpty
    scope: Scope
    src: Src
    number: str | None = None  # the number printed before it, if any
    basis: list[Id] = []
    note: str | None = None


class Slogans(Base):
    """The slogans list, or why there is none."""

    status: Status
    list: builtins.list[Slogan] = []
    note: str | None = None


class Organizer(Base):
    """The unit that carries out an activity, as printed; id when it is in the registry."""

    as_printed: NonEmpty
    kind: OrganizerKind
    id: Id | None = None


class Activity(Base):
    """A node of the activity tree: a section (with children) or an item (with text)."""

    src: Src
    part: Part | None = None  # set on top-level nodes only
    label: str | None = None  # numbering as printed: 三、 （一） 1. 附件1
    heading: str | None = None
    text: str | None = None
    organizer: Organizer | None = None
    basis: list[Id] = []
    note: str | None = None
    children: list[Activity] = []


class Missing(Base):
    """Something the sources do not hold, and why."""

    field: NonEmpty  # e.g. issuers, slogans, dates, activities.annex2
    reason: NonEmpty
    src: Src | None = None  # where the source names what it lacks


class Disagreement(Base):
    """Sources that disagree about a value; recorded, never resolved silently."""

    field: NonEmpty
    note: NonEmpty
    basis: list[Id] = []
    src: Src | None = None


class Forwarding(Base):
    """A forwarding document (转发) with its own issuer, 文号 and activities."""

    issuer: Issuer
    doc_number: Cited
    title: Cited
    dates: list[DateRecord] = []
    activities: list[Activity] = []
    mentions: list[Issuer] = []  # departments its cover note names as issuers
    note: str | None = None


class Notice(Base):
    """Everything recorded about one year's national Quality Month circular."""

    year: Annotated[int, Meta(ge=1978, le=2100)]
    coverage: Coverage
    sources: list[Source]
    theme: Theme
    issuers: Issuers
    slogans: Slogans
    activities_status: Status
    title: Cited | None = None
    doc_number: Cited | None = None
    dates: list[DateRecord] = []
    activities: list[Activity] = []
    forwarding: list[Forwarding] = []
    missing: list[Missing] = []
    disagreements: list[Disagreement] = []
    curation_notes: list[str] = []


class Successor(Base):
    """A lineage edge from a department to the one that took over its duties."""

    to: Id
    relation: Relation
    year: int
    reform: NonEmpty
    basis: list[Id] = []
    note: str | None = None


class Organization(Base):
    """A department in the registry."""

    id: Id
    name: NonEmpty  # full official name
    short_names: list[str] = []  # every other name the sources print
    english_name: str | None = None
    kind: OrganizerKind = "department"
    successors: list[Successor] = []
    note: str | None = None


class Registry(Base):
    """data/organizations.yaml."""

    sources: list[Source]
    organizations: list[Organization]


def schema(kind: type[Notice] | type[Registry]) -> dict[str, object]:
    """Return the JSON Schema of a data file type."""
    result: dict[str, object] = msgspec.json.schema(kind)
    return result
