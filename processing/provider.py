"""The Processing provider "Load By Extent": one algorithm per task type of the API."""

from __future__ import annotations

import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .algorithms import ALGORITHMS

PROVIDER_ID = "load_by_extent"
ICON_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "icon.svg")


class LoadByExtentProvider(QgsProcessingProvider):
    """Registers `load_by_extent:lbe`, `:jpeg`, `:bandmath` and `:mt_stats`."""

    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return self.tr("Load By Extent")

    def longName(self) -> str:
        return self.tr("Load By Extent: satellite scenes cropped to an area of interest")

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def svgIconPath(self) -> str:
        return ICON_PATH

    def loadAlgorithms(self) -> None:
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
