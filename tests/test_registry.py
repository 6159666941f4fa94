"""The department registry, read with plain PyYAML: ids resolve, names are unique, no cycles."""

from __future__ import annotations

import unicodedata

import yaml

from curation import DATA

REGISTRY = yaml.safe_load((DATA / "organizations.yaml").read_text(encoding="utf-8"))
ORGS = {o["id"]: o for o in REGISTRY["organizations"]}
NOTICES = {
    p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((DATA / "notices").glob("*.yaml"))
}


def _names(org: dict) -> list[str]:  # type: ignore[type-arg]
    return [
        org["name"],
        *org.get("short_names", []),
        *([org["english_name"]] if org.get("english_name") else []),
    ]


def _norm(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


def test_ids_are_unique() -> None:
    ids = [o["id"] for o in REGISTRY["organizations"]]
    assert len(ids) == len(set(ids))


def test_every_name_maps_to_one_department() -> None:
    owners: dict[str, set[str]] = {}
    for org in REGISTRY["organizations"]:
        for name in _names(org):
            owners.setdefault(_norm(name), set()).add(org["id"])
    shared = {name: ids for name, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_every_issuer_resolves_to_the_department_it_names() -> None:
    for year, notice in NOTICES.items():
        for issuer in notice["issuers"].get("list", []):
            org = ORGS[issuer["id"]]  # KeyError: an id missing from the registry
            printed = _norm(issuer["as_printed"])
            assert printed in {_norm(n) for n in _names(org)}, (year, issuer["as_printed"], org["id"])


def test_every_organizer_id_resolves() -> None:
    def walk(nodes: list[dict]) -> list[dict]:  # type: ignore[type-arg]
        return [n for node in nodes for n in [node, *walk(node.get("children", []))]]

    for notice in NOTICES.values():
        trees = notice.get("activities", []) + [
            a for f in notice.get("forwarding", []) for a in f["activities"]
        ]
        for node in walk(trees):
            organizer = node.get("organizer") or {}
            if organizer.get("id"):
                assert organizer["id"] in ORGS


def test_lineage_targets_exist_and_have_no_cycle() -> None:
    for org in REGISTRY["organizations"]:
        for edge in org.get("successors", []):
            assert edge["to"] in ORGS
            assert edge["relation"] in {"renamed", "merged_into", "split_into", "absorbed_by"}
    for start in ORGS:
        seen, frontier = {start}, [start]
        while frontier:
            for edge in ORGS[frontier.pop()].get("successors", []):
                assert edge["to"] != start, f"lineage cycle through {start}"
                if edge["to"] not in seen:
                    seen.add(edge["to"])
                    frontier.append(edge["to"])


def test_the_2018_reform_is_recorded() -> None:
    # DESIGN's list: 质检总局 + 工商总局 + 食药监总局 → 市场监管总局, with border inspection to 海关总署.
    def targets(org_id: str) -> set[tuple[str, str]]:
        return {(e["to"], e["relation"]) for e in ORGS[org_id].get("successors", [])}

    assert ("samr", "merged_into") in targets("aqsiq")
    assert ("gac", "split_into") in targets("aqsiq")
    assert ("samr", "merged_into") in targets("saic")
    assert ("samr", "merged_into") in targets("cfda")
    assert ("nfra", "renamed") in targets("cbirc") or ("nfra", "merged_into") in targets("cbirc")
    assert any(t[0] == "cmc_edd" for t in targets("gad"))


def test_the_english_2023_list_maps_one_to_one() -> None:
    issuers = NOTICES["2023"]["issuers"]
    assert issuers["translated"] is True
    english = {o["english_name"]: o["id"] for o in REGISTRY["organizations"] if o.get("english_name")}
    ids = [english[i["as_printed"]] for i in issuers["list"]]
    assert ids == [i["id"] for i in issuers["list"]]
    assert len(set(ids)) == len(ids) == 25  # facts line 108: "Issuers (25)"
