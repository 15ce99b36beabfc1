"""A scene's thumbnail (a catalog item's preview image), fetched through QGIS's network (proxy,
SSL exceptions, Network Logger) without blocking: one small reply at a time, its size and its
wait bounded. A thumbnail is a nicety: any failure just shows none."""

from __future__ import annotations

from qgis.core import QgsNetworkAccessManager
from qgis.PyQt.QtCore import QObject, QTimer, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QImage
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

MAX_THUMBNAIL_BYTES = 2 * 1024 * 1024  # catalogs' previews are tens of KiB; anything larger is not one
THUMBNAIL_TIMEOUT_MS = 15_000


class ThumbnailFetcher(QObject):
    """Fetches the image at a URL; `ready(url, image)` when it came whole and decodes, `failed(url)`
    otherwise. A new fetch (or `cancel`) drops the one under way."""

    ready = pyqtSignal(str, QImage)
    failed = pyqtSignal(str)

    def __init__(self, parent: QObject | None = None, max_bytes: int = MAX_THUMBNAIL_BYTES,
                 timeout_ms: int = THUMBNAIL_TIMEOUT_MS) -> None:
        super().__init__(parent)
        self.max_bytes = max_bytes
        self.reply: QNetworkReply | None = None
        self.url = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self._give_up)

    def fetch(self, url: str) -> None:
        self.cancel()
        self.url = url
        request = QNetworkRequest(QUrl(url))
        # A private catalog's preview: the headers of its source's authentication configuration, as
        # its band files carry them (core/http_credentials.py), and never to another host.
        credentials = getattr(url, "credentials", None)
        for name, value in credentials.headers if credentials else ():
            request.setRawHeader(name.encode("latin-1"), value.encode("latin-1"))
        request.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute,
                             QNetworkRequest.RedirectPolicy.SameOriginRedirectPolicy if credentials
                             else QNetworkRequest.RedirectPolicy.NoLessSafeRedirectPolicy)
        reply = QgsNetworkAccessManager.instance().get(request)
        reply.setReadBufferSize(0)  # read it all: the size is watched instead
        reply.downloadProgress.connect(lambda received, total, r=reply: self._progress(r, received, total))
        reply.finished.connect(lambda r=reply: self._finished(r))
        self.reply = reply
        self._timer.start()

    def cancel(self) -> None:
        """Drop the fetch under way, if any (nothing is said of it)."""
        self._timer.stop()
        reply, self.reply = self.reply, None
        if reply is not None:
            reply.abort()
            reply.deleteLater()

    def _progress(self, reply: QNetworkReply, received: int, total: int) -> None:
        if reply is self.reply and max(received, total) > self.max_bytes:
            self._give_up()

    def _give_up(self) -> None:
        url = self.url
        if self.reply is not None:
            self.cancel()
            self.failed.emit(url)

    def _finished(self, reply: QNetworkReply) -> None:
        if reply is not self.reply:  # dropped: a newer fetch, or cancelled
            return
        self._timer.stop()
        self.reply = None
        reply.deleteLater()
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        data = bytes(reply.readAll()) if reply.error() == QNetworkReply.NetworkError.NoError else b""
        image = QImage()
        if status == 200 and 0 < len(data) <= self.max_bytes and image.loadFromData(data):
            self.ready.emit(self.url, image)
        else:
            self.failed.emit(self.url)
