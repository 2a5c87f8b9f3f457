"""Sphinx configuration for the dnnd documentation.

Build with ``python -m sphinx -W -b html docs docs/_build/html``. No network
access is needed: intersphinx is deliberately off.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Document the source tree next to this folder, not whatever dnnd is installed.
sys.path.insert(0, os.fspath(HERE.parent / "src"))

import dnnd  # noqa: E402

project = "dnnd"
author = "dnnd developers"
copyright = "2026, dnnd developers"
release = dnnd.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
language = "en"

# Markdown: ``:::`` fences for directives, definition lists, heading anchors.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# API reference: members in source order, type hints in the description.
autodoc_member_order = "bysource"
autodoc_typehints = "description"
# Only parameters that are described get a type line (no bare lists of attrs fields).
autodoc_typehints_description_target = "documented"
# Optional integrations import their dependency lazily; mocking keeps the
# build working on machines without pandas or dask.
autodoc_mock_imports = ["pandas", "dask"]
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# Attributes sections become field lists, so attrs fields are not described twice.
napoleon_use_ivar = True

html_theme = "furo"
html_title = f"dnnd {release}"
html_static_path: list[str] = []
