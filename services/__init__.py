"""QGIS services without widgets: what the dock, the console API and Processing share inside QGIS
(tasks, settings, the network adapter, backends as QGIS runs them, the task controller, result
layers, the area of interest from features). Imports core/ and QGIS; never ui/."""
