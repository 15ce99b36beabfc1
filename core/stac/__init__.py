"""Scenes of STAC catalogs (docs/stac.md): public Sentinel-2 and Landsat archives without a key.

catalog.py (a STAC API: landing page, item search, `next` pages, cloud and property filters),
items.py (items as scenes: view_ids, asset keys, scale and offset), signing.py (Planetary
Computer's asset tokens), sources.py (StacSource, used wherever a scene store is). Every HTTP call
goes through core.remote.client's RemoteClient and its transport. Import from the module that owns
a name.
"""
