#!/usr/bin/env python3
"""The peer of the NDVI benchmark, as an analyst would do it with GDAL: gdalwarp -cutline each
band (at its best settings), then numpy for the index, written with our GeoTIFF options.
Usage: peer_ndvi.py CUTLINE RED NIR OUT.tif"""

import os
import subprocess
import sys
import tempfile

import numpy as np
from osgeo import gdal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT  # noqa: E402,F401 - makes load_by_extent importable
from load_by_extent.core.local.writers import geotiff_options  # noqa: E402

cutline, red_path, nir_path, out_path = sys.argv[1:5]
work = tempfile.mkdtemp(prefix="peer-ndvi-", dir=os.path.dirname(out_path))
cropped = []
for name, path in (("red", red_path), ("nir", nir_path)):
    target = os.path.join(work, f"{name}.tif")
    subprocess.run(["gdalwarp", "-q", "-overwrite", "-cutline", cutline, "-crop_to_cutline", "-dstnodata", "0",
                    "-multi", "-wo", "NUM_THREADS=ALL_CPUS", "-co", "TILED=YES", path, target], check=True)
    cropped.append(target)
red_dataset, nir_dataset = gdal.Open(cropped[0]), gdal.Open(cropped[1])
red = red_dataset.GetRasterBand(1).ReadAsArray().astype(np.float32)
nir = nir_dataset.GetRasterBand(1).ReadAsArray().astype(np.float32)
with np.errstate(divide="ignore", invalid="ignore"):
    ndvi = (nir - red) / (nir + red)
ndvi[(red == 0) | (nir == 0) | ~np.isfinite(ndvi)] = -9999
out = gdal.GetDriverByName("GTiff").Create(out_path, red.shape[1], red.shape[0], 1, gdal.GDT_Float32,
                                           options=geotiff_options(np.dtype(np.float32)))
out.SetGeoTransform(red_dataset.GetGeoTransform())
out.SetProjection(red_dataset.GetProjection())
band = out.GetRasterBand(1)
band.SetNoDataValue(-9999)
band.WriteArray(ndvi)
band = None
out = None
for path in cropped:
    os.remove(path)
os.rmdir(work)
