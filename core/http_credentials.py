"""A private scene source's credentials on its band files: the HTTP headers a source's requests carry
(``Authorization``, ``x-api-key`` ...), given when the source is made (inside QGIS, those QGIS's
authentication manager sets for the source's URL, gathered on the main thread).

GDAL reads band files through `/vsicurl/`, whose options are per thread or per dataset: the headers
go to a header file in GDAL's memory (`/vsimem/`, never on disk) named in each band's
`/vsicurl?header_file=` path, so that every request of that dataset, whoever makes it (a window
read, a warp, a reading thread), carries them and nothing else does. A band URL of such a
source is a `CredentialedUrl`: a str, so it goes wherever a band path goes, carrying its source's
`Credentials` in memory only; any text made from it (a message, a layer's source, a request file) is
a plain str without them. The file is deleted when the credentials are dropped (and at exit).
"""

from __future__ import annotations

import threading
import uuid
import weakref
from collections.abc import Iterable

from osgeo import gdal

from .errors import DataError
from .i18n import tr


class Credentials:
    """Headers sent with every request of one scene source's band files."""

    def __init__(self, headers: Iterable[tuple[str, str]]) -> None:
        self.headers = tuple((str(name), str(value)) for name, value in headers)
        for name, value in self.headers:
            # A line break would end the header in the file and start another one
            if any(mark in name + value for mark in "\r\n") or not name.strip() or ":" in name:
                raise DataError(tr("the header {name} of the authentication configuration cannot be sent: "
                                   "its name or value holds a line break or a colon").format(name=repr(name.strip())))
        self._lock = threading.Lock()
        self._file: str | None = None

    def __repr__(self) -> str:  # never the values
        return f"Credentials({', '.join(name for name, _value in self.headers)})"

    def __bool__(self) -> bool:
        return bool(self.headers)

    def __copy__(self) -> Credentials:  # one file per source, whatever copies its scenes
        return self

    def __deepcopy__(self, memo: dict) -> Credentials:
        return self

    @property
    def header_file(self) -> str:
        """The header file of these credentials, written at its first use: in GDAL's memory
        (`/vsimem/`), never on disk, and a place GDAL 3.13.2 and later still take a header file from."""
        with self._lock:
            if self._file is None:
                path = f"/vsimem/lbe-headers/{uuid.uuid4().hex}"
                text = "".join(f"{name}: {value}\r\n" for name, value in self.headers)
                gdal.FileFromMemBuffer(path, text.encode("latin-1"))
                weakref.finalize(self, gdal.Unlink, path)
                self._file = path
            return self._file


class CredentialedUrl(str):
    """A band file's URL carrying its source's credentials (in memory only)."""

    credentials: Credentials | None

    def __new__(cls, url: str, credentials: Credentials | None = None) -> CredentialedUrl:
        made = super().__new__(cls, url)
        made.credentials = credentials
        return made


def with_credentials(url: str, credentials: Credentials | None) -> str:
    """`url` carrying `credentials` (none or empty: `url` as it is)."""
    return CredentialedUrl(url, credentials) if credentials else url


def credentials_of(url: str) -> Credentials | None:
    return getattr(url, "credentials", None)
