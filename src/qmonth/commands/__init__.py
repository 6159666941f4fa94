"""The qmonth commands, one module per group; importing this package registers them."""

from qmonth.commands import diff, reference, search

__all__ = ["diff", "reference", "search"]
