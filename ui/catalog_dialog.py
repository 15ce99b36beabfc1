"""The dialog of a scene source at a URL (a STAC API, or a web server of scene folders): its URL and,
for a private catalog or bucket, an authentication configuration of QGIS (its id only is kept)."""

from __future__ import annotations

from urllib.parse import urlsplit

from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from .theme import ProblemLabel


def is_http_url(text: str) -> bool:
    """Whether `text` is an http(s) URL with a host."""
    try:
        parts = urlsplit(text.strip())
        host = parts.hostname
    except ValueError:  # a bracket left open, a port that is no number
        return False
    return bool(host) and parts.scheme.lower() in ("http", "https")


class CatalogDialog(QDialog):
    """The URL of a STAC API (or of a web server of scene folders) and its optional authentication
    configuration ("No authentication" by default). OK only with an http(s) URL: what is wrong is
    said under the field."""

    def __init__(self, url: str = "https://", auth_config_id: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogDialog")
        self.setWindowTitle(self.tr("STAC API"))
        self.url = QLineEdit(url)
        self.url.setObjectName("catalogUrl")
        self.url.textChanged.connect(lambda _text: self.problem.hide())
        self.problem = ProblemLabel()
        self.problem.setObjectName("catalogProblem")
        self.problem.hide()
        self.auth = QgsAuthConfigSelect(self)
        self.auth.setObjectName("catalogAuth")
        self.auth.setConfigId(auth_config_id)
        hint = QLabel(self.tr("For a private catalog or bucket: QGIS applies the configuration to the catalog's "
                              "calls, and the headers it sets go with the band files."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("The URL of the STAC API (its landing page):")))
        form.addRow(self.url)
        form.addRow(self.problem)
        form.addRow(self.tr("Authentication"), self.auth)
        form.addRow(hint)
        form.addRow(buttons)
        self.resize(480, self.sizeHint().height())

    def source(self) -> tuple[str, str]:
        """The URL entered and the id of the configuration chosen ("" for none)."""
        return self.url.text().strip(), self.auth.configId()

    def accept(self) -> None:
        url = self.url.text().strip()
        if not is_http_url(url):
            self.problem.setText(self.tr("{url} is not an http(s) URL").format(url=url.split("?", 1)[0]))
            self.problem.show()
            return
        super().accept()
