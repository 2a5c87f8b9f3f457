"""Collection rules for the whole repository (tests and doctested modules)."""

# dnnd.dask imports Dask at import time (that is the point of the module): its
# doctests are collected only where the ``dask`` extra is installed.
try:
    import dask.bag
    import dask.dataframe  # noqa: F401
except ImportError:
    collect_ignore = ["src/dnnd/dask.py"]
