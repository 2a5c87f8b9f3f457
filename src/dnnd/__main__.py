"""``python -m dnnd``: the command line (see :mod:`dnnd.cli`)."""

from .cli import main

raise SystemExit(main())
