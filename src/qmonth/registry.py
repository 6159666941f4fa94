"""The department registry: ids, names as printed, and lineage across reforms."""

from __future__ import annotations

from dataclasses import dataclass

from qmonth.model import Organization, Registry, Successor
from qmonth.text import key


@dataclass(frozen=True)
class Step:
    """One lineage edge followed from a department to its successor."""

    source: Organization
    edge: Successor
    target: Organization


class Departments:
    """Look-ups over the registry. Construction never fails; `problem()` says what is wrong."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.by_id: dict[str, Organization] = {}
        self._names: dict[str, set[str]] = {}
        for org in registry.organizations:
            self.by_id.setdefault(org.id, org)
            for name in self.names_of(org):
                self._names.setdefault(key(name), set()).add(org.id)

    @staticmethod
    def names_of(org: Organization) -> list[str]:
        """Return every name a department is known by: full, short, English."""
        english = [org.english_name] if org.english_name else []
        return [org.name, *org.short_names, *english]

    def problem(self) -> tuple[str, str] | None:
        """Return (field, message) for the first rule the registry breaks, or None."""
        source_ids = {s.id for s in self.registry.sources}
        seen: set[str] = set()
        for index, org in enumerate(self.registry.organizations):
            where = f"$.organizations[{index}]"
            if org.id in seen:
                return f"{where}.id", f"duplicate id {org.id!r}"
            seen.add(org.id)
            for name in self.names_of(org):
                owners = self._names[key(name)]
                if len(owners) > 1:
                    others = ", ".join(sorted(owners - {org.id}))
                    return f"{where}.short_names", f"name {name!r} also belongs to {others}"
            for edge_index, edge in enumerate(org.successors):
                edge_where = f"{where}.successors[{edge_index}]"
                if edge.to not in self.by_id:
                    return f"{edge_where}.to", f"successor {edge.to!r} is not in the registry"
                unknown = [b for b in edge.basis if b not in source_ids]
                if unknown:
                    return f"{edge_where}.basis", f"undeclared source(s) {', '.join(unknown)}"
        cycle = self._cycle()
        if cycle:
            return "$.organizations", f"lineage cycle: {' → '.join(cycle)}"
        return None

    def _cycle(self) -> list[str] | None:
        """Return the ids of a lineage cycle, or None (iterative depth-first search)."""
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done
        for start in self.by_id:
            if state.get(start):
                continue
            path = [start]
            iters = [iter(self.by_id[start].successors)]
            state[start] = 1
            while iters:
                edge = next(iters[-1], None)
                if edge is None:
                    state[path.pop()] = 2
                    iters.pop()
                elif state.get(edge.to) == 1:
                    return [*path[path.index(edge.to) :], edge.to]
                elif not state.get(edge.to) and edge.to in self.by_id:
                    state[edge.to] = 1
                    path.append(edge.to)
                    iters.append(iter(self.by_id[edge.to].successors))
        return None

    def unknown_id(self, org_id: str) -> str | None:
        """Return a message if `org_id` is not in the registry, else None."""
        return None if org_id in self.by_id else f"{org_id!r} is not in the department registry"

    def get(self, org_id: str) -> Organization:
        """Return the department with this id (ids are validated at load time)."""
        return self.by_id[org_id]

    def resolve(self, name: str) -> Organization | None:
        """Return the department an id, full, short or English name stands for, if exactly one."""
        if name in self.by_id:
            return self.by_id[name]
        owners = self._names.get(key(name), set())
        return self.by_id[next(iter(owners))] if len(owners) == 1 else None

    def short_name(self, org_id: str) -> str:
        """Return the first short name of a department, or its full name."""
        org = self.by_id[org_id]
        return org.short_names[0] if org.short_names else org.name

    def lineage(self, org_id: str) -> list[list[Step]]:
        """Return every chain of successor steps that starts at a department."""
        chains: list[list[Step]] = []
        stack: list[list[Step]] = [
            [Step(self.by_id[org_id], e, self.by_id[e.to])] for e in self.by_id[org_id].successors
        ]
        while stack:
            chain = stack.pop()
            chains.append(chain)
            last = chain[-1].target
            if len(chain) < len(self.by_id):  # cycles are refused at load; this bounds anyway
                stack.extend([*chain, Step(last, e, self.by_id[e.to])] for e in last.successors)
        return chains

    def all_names(self) -> list[str]:
        """Return every full and short name, for shell completion."""
        return sorted({n for org in self.registry.organizations for n in [org.name, *org.short_names]})
