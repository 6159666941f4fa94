"""`python -m qmonth`."""

from qmonth.cli import main

main()
