"""The QGIS Processing provider: one algorithm per task type, each building a request and calling
core.runner.run, as the dock and the command line do.

Imported as `load_by_extent.processing` (never as a top-level `processing`, which is QGIS's own
Processing framework); `LoadByExtentProvider` is in `.provider`.
"""
