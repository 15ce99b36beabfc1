"""The task API's rules, and every choice we made where its documentation is silent.

docs/task-api.md#where-the-documentation-is-silent lists what the documentation leaves open.
Each answer we chose lives here, named, so both executors and the dock agree on it and a later
change is one edit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .sensors import Sensor

TASK_TYPES = ("lbe", "jpeg", "bandmath", "mt_stats")

# The service's addresses (docs/task-api.md#protocol, #scene-search): the settings' and command line's defaults.
DEFAULT_API_URL = "https://api-connect.eos.com/api/gdw"
DEFAULT_SEARCH_URL = "https://api-connect.eos.com/api/lms/search/v2"

# --- lbe --------------------------------------------------------------------------------------
DEFAULT_MERGE = True
TILE_METADATA = "tile_md"
PRODUCT_METADATA = "product_md"
METADATA_FILES = (TILE_METADATA, PRODUCT_METADATA)  # the values the result-type rule names

# Which file of a scene each metadata kind delivers. Landsat scenes carry one metadata file, the
# MTL; both kinds deliver it. Sentinel-2: tile_md = the tile's metadata.xml / MTD_TL.xml
# (+ tileInfo.json), product_md = the product's MTD_MSIL1C.xml / MTD_MSIL2A.xml (+ productInfo.json).
SENTINEL2_TILE_METADATA_NAMES = ("metadata.xml", "tileInfo.json", "MTD_TL.xml")
SENTINEL2_PRODUCT_METADATA_XML_NAMES = ("MTD_MSIL1C.xml", "MTD_MSIL2A.xml")  # with the radiometric offsets
SENTINEL2_PRODUCT_METADATA_NAMES = ("productInfo.json", *SENTINEL2_PRODUCT_METADATA_XML_NAMES)


def sentinel2_metadata_kind(file_name: str) -> str | None:
    """TILE_METADATA or PRODUCT_METADATA for a Sentinel-2 metadata file's name; None for any other file."""
    if file_name in SENTINEL2_TILE_METADATA_NAMES:
        return TILE_METADATA
    if file_name in SENTINEL2_PRODUCT_METADATA_NAMES:
        return PRODUCT_METADATA
    return None


def is_sentinel2_product_metadata_xml(file_name: str) -> bool:
    """Whether a file (name) is the Sentinel-2 product metadata XML, which holds the radiometric offsets."""
    return file_name in SENTINEL2_PRODUCT_METADATA_XML_NAMES

# In a zip, unmerged bands are GeoTIFFs too (the single-band jp2 rule is for a lone band only).
ZIP_MEMBER_RASTER_EXTENSION = ".tif"


def merges_bands(sensor: Sensor, merge: bool) -> bool:
    """Whether the bands of one grid go into one file: as asked, except NAIP, whose `merge` the
    API ignores (its bands share one grid and always go together)."""
    return merge or not sensor.merge_has_effect


def lbe_result_type(
    sensor: Sensor, bands: Sequence[str], merge: bool, metadata: Iterable[str], resolutions: Sequence[float]
) -> str:
    """The result type of an lbe task, by the rule of the API ("first rule that matches wins").

    `resolutions` are the resolutions of the requested bands, in request order.
    """
    metadata = set(metadata)
    wants_metadata = TILE_METADATA in metadata or PRODUCT_METADATA in metadata
    if len(bands) == 1 and sensor.code == "S2":
        return "jp2"
    merge = merges_bands(sensor, merge)
    same_resolution = len(set(resolutions)) <= 1
    if (len(bands) == 1 and not wants_metadata) or (merge and same_resolution and not wants_metadata):
        return "tif"
    return "zip"


# --- crop semantics (docs/task-api.md#crop-semantics) ------------------------------------------
# Nodata for pixels outside the AOI when the band has none of its own (or one its type cannot hold).
NODATA_UNSIGNED = 0
NODATA_SIGNED = -9999  # Int16 / Int32
NODATA_FLOAT = -9999.0

# Output GeoTIFFs: tiled, compressed, lossless. Predictor 2 suits integer imagery.
GTIFF_BLOCK = 512
GTIFF_DEFLATE_LEVEL = 1

# --- jpeg / bandmath / mt_stats ----------------------------------------------------------------
RESAMPLE_METHODS = ("near", "bilinear", "cubic", "cubicspline", "lanczos", "average", "mode", "max", "min", "med", "q1", "q3")
DEFAULT_RESAMPLE = "cubic"
JPEG_FORMATS = ("jpeg", "png", "tiff")
DEFAULT_JPEG_FORMAT = "jpeg"
DEFAULT_INDEX_LEVELS = (-0.5, 0.5)
MAX_MT_STATS_INDICES = 3
# The API documents no maximum for these; ours bound the work and memory of one request.
MAX_BANDMATH_EXPRESSIONS = 16  # bands of a bandmath result (each a Float32 band of the AOI)
MAX_COLORS_LIMIT = 256  # colormap classes of a jpeg: an 8-bit image has no more colours
DEFAULT_MT_STATS_LIMIT = 100
# cloud_masking_level: meaning undocumented; accepted as a number and passed through unchanged.
