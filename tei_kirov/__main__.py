"""``python -m tei_kirov``: the same as the ``tei-kirov`` command."""

from .cli.main import main

main()
