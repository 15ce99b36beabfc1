"""The AOI from features is made once (services/aoi.py) for the dock's selected features and for
Processing's AOI layer: the same curved, 3D polygon gives the same 2D polygon in EPSG:4326."""

from __future__ import annotations

import json

from load_by_extent.processing.algorithms import LbeAlgorithm
from load_by_extent.services.aoi import features_to_wgs84
from load_by_extent.ui.area_of_interest import AreaOfInterest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsVectorLayer,
    QgsWkbTypes,
)

# A curved polygon with Z, in UTM 33N, over the Sentinel-2 sample tile.
CURVED_Z = ("CurvePolygonZ(CompoundCurveZ(CircularStringZ(500000 5790000 10, 500500 5790500 20, 501000 5790000 30),"
            "(501000 5790000 30, 500000 5790000 10)))")


def curved_layer() -> QgsVectorLayer:
    layer = QgsVectorLayer("CurvePolygonZ?crs=EPSG:32633", "curved", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(CURVED_Z))
    assert layer.dataProvider().addFeatures([feature])
    layer.updateExtents()
    return layer


def test_features_become_one_flat_polygon_in_wgs84():
    geometry = features_to_wgs84([QgsGeometry.fromWkt(CURVED_Z)], QgsCoordinateReferenceSystem("EPSG:32633"),
                                 QgsCoordinateTransformContext())
    assert geometry.wkbType() == QgsWkbTypes.Type.Polygon  # segmentized, Z dropped
    assert len(geometry.asPolygon()[0]) > 10  # the arc became many vertices
    box = geometry.boundingBox()
    assert 14.9 < box.xMinimum() < box.xMaximum() < 15.1 and 52.2 < box.yMinimum() < box.yMaximum() < 52.3
    assert features_to_wgs84([], QgsCoordinateReferenceSystem("EPSG:32633"), QgsCoordinateTransformContext()) is None


def test_the_dock_and_processing_make_the_same_aoi_of_the_same_features(canvas, qgis_new_project):
    layer = curved_layer()
    qgis_new_project.addMapLayer(layer)
    layer.selectAll()
    area = AreaOfInterest(canvas, qgis_new_project)
    area.set_from_layer_selection(layer)
    from_dock = json.loads(area.geometry.asJson(8))

    context = QgsProcessingContext()
    context.setProject(qgis_new_project)
    algorithm = LbeAlgorithm()
    algorithm.initAlgorithm({})
    from_processing = algorithm.area_of_interest({"AOI": layer}, context)
    assert from_dock["type"] == from_processing["type"] == "Polygon"
    assert all(len(point) == 2 for point in from_processing["coordinates"][0])  # no Z
    assert from_dock == from_processing
    area.clear()
