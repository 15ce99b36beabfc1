"""Scene bands over HTTP(S): cloud-optimized GeoTIFFs read through GDAL's `/vsicurl/`, only the
blocks an area touches.

A scene's band file may be an http(s) URL (a catalog's asset, signed or not; a bucket's file);
`gdal_support.open_raster` and `read_window` hand such a URL to this module. What travels:

- the header in one request after a HEAD (GDAL_INGESTED_BYTES_AT_OPEN), no directory listing (the
  dataset's own options `list_dir=no&empty_dir=yes`) and no other file (`only_file`);
- then, per window read, the blocks it touches, consecutive ones merged into one range, several
  ranges at once (GDAL_HTTP_MULTIPLEX);
- nothing is kept once the band is closed (`forget`): GDAL's cache of the file's size and of the
  ranges it fetched is dropped for that URL.

Settings (`RemoteReading`: timeout, retries, proxy, extra headers) reach GDAL only as options of the
dataset (in its `/vsicurl?` path) and thread-local configuration options, never global ones: the
thread that runs a task enters `remote_reading(settings)`, and the threads it starts to read take
the same options (`HTTP_CONFIG_KEYS`, copied by the executors' thread pools); a thread without them
reads with the defaults. CPL_VSIL_CURL_ALLOWED_EXTENSIONS is not used: GDAL 3.6 checks it against
the whole `/vsicurl?` path and refuses every file opened that way; `empty_dir` already keeps GDAL
from probing other files.

GDAL retries 429, 5xx and timeouts itself (GDAL_HTTP_MAX_RETRY, with a growing delay) but not a
connection cut in the middle of a body, and keeps the truncated range in its cache: a failed read
is retried here after dropping that cache, with the same backoff. When opening or reading still
fails, a request of our own (one byte) finds out what the server does, so the error says it in
words (403, 404, timeout, cut) whatever GDAL's version reports. Errors name the URL without its
query string (a signing token) and user info.

Only GeoTIFF: a VRT or any other format is refused, as on disk, and so is a GeoTIFF stored in strips
as wide as a large image (not cloud-optimized: any area would fetch whole rows of it).
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

import numpy as np
from osgeo import gdal

from .errors import DataError
from .gdal_support import GdalMessages, projection_of, shown_url, thread_config, thread_config_of
from .http_credentials import Credentials, credentials_of
from .i18n import tr

# A GeoTIFF whose blocks are rows as wide as the image, past this width, is not read over HTTP
# (the limit of GDAL's own COG validator).
MAX_STRIP_WIDTH = 1024
# Bytes of a file read at opening: the header of a COG, its tile index included, in one request.
INGESTED_BYTES_AT_OPEN = 32768


def is_url(path: str) -> bool:
    return isinstance(path, str) and path[:8].lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class RemoteReading:
    """How bands are read over HTTP. `timeout`: seconds one request may take; `retries`: how often a
    failed request (429, 5xx, timeout, cut) is tried again, after `retry_delay` seconds growing
    twofold; `proxy` (``http://host:port``) and `proxy_auth` (``user:password``), else the
    environment's; `headers`: extra (name, value) pairs sent with every request (a private bucket's
    credentials)."""

    timeout: float = 30.0
    retries: int = 3
    retry_delay: float = 0.5
    proxy: str | None = None
    proxy_auth: str | None = None
    headers: tuple[tuple[str, str], ...] = ()

    def config_options(self) -> dict[str, str | None]:
        """The GDAL configuration options that carry these settings (set per thread)."""
        return {
            "GDAL_HTTP_TIMEOUT": f"{self.timeout:g}",
            "GDAL_HTTP_CONNECTTIMEOUT": f"{self.timeout:g}",
            "GDAL_HTTP_MAX_RETRY": str(self.retries),
            "GDAL_HTTP_RETRY_DELAY": f"{self.retry_delay:g}",
            "GDAL_HTTP_MULTIPLEX": "YES",
            "GDAL_HTTP_MERGE_CONSECUTIVE_RANGES": "YES",
            "GDAL_INGESTED_BYTES_AT_OPEN": str(INGESTED_BYTES_AT_OPEN),
            "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
            "VSI_CACHE": "FALSE",
            "GDAL_HTTP_PROXY": self.proxy,
            "GDAL_HTTP_PROXYUSERPWD": self.proxy_auth,
            "GDAL_HTTP_HEADERS": _encoded_headers(self.headers),
        }

    def opener(self) -> urllib.request.OpenerDirector:
        """An opener of Python's own requests with these settings' proxy (else the environment's)."""
        handlers: list[urllib.request.BaseHandler] = []
        if self.proxy:
            proxy = self.proxy
            if self.proxy_auth and "@" not in proxy:
                scheme, _, rest = proxy.rpartition("://")
                proxy = f"{scheme or 'http'}://{self.proxy_auth}@{rest}"
            handlers.append(urllib.request.ProxyHandler({"http": proxy, "https": proxy}))
        return urllib.request.build_opener(*handlers)

    @classmethod
    def of_thread(cls) -> RemoteReading:
        """The settings this thread reads with (`remote_reading`), else the defaults."""
        def option(key: str) -> str | None:
            return gdal.GetThreadLocalConfigOption(key, None)

        if option("GDAL_HTTP_TIMEOUT") is None:
            return cls()
        return cls(
            timeout=float(option("GDAL_HTTP_TIMEOUT") or cls.timeout),
            retries=int(option("GDAL_HTTP_MAX_RETRY") or cls.retries),
            retry_delay=float(option("GDAL_HTTP_RETRY_DELAY") or cls.retry_delay),
            proxy=option("GDAL_HTTP_PROXY"),
            proxy_auth=option("GDAL_HTTP_PROXYUSERPWD"),
            headers=_decoded_headers(option("GDAL_HTTP_HEADERS")),
        )



def _encoded_headers(headers: tuple[tuple[str, str], ...]) -> str | None:
    # GDAL splits GDAL_HTTP_HEADERS on commas outside double quotes: every value is quoted.
    if not headers:
        return None

    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return ",".join(f"{name}: {quoted(value)}" for name, value in headers)


def _decoded_headers(text: str | None) -> tuple[tuple[str, str], ...]:
    if not text:
        return ()
    pairs = re.findall(r'\s*([^:,]+):\s*"((?:[^"\\]|\\.)*)"', text)
    return tuple((name, re.sub(r"\\(.)", r"\1", value)) for name, value in pairs)


# Every option RemoteReading sets: what a task's reading threads take from its thread.
HTTP_CONFIG_KEYS = tuple(RemoteReading().config_options())


@contextlib.contextmanager
def remote_reading(reading: RemoteReading | None = None) -> Iterator[None]:
    """Read bands over HTTP with `reading` (the defaults when None) in this thread."""
    with thread_config(**(reading or RemoteReading()).config_options()):
        yield


def vsi_path(url: str, reading: RemoteReading) -> str:
    """GDAL's name for `url`, with the dataset's own options: retries, and no directory listing."""
    options = {"max_retry": str(reading.retries), "retry_delay": f"{reading.retry_delay:g}",
               "list_dir": "no", "empty_dir": "yes"}
    credentials = credentials_of(url)
    if credentials:  # a private source's headers, for every request of this dataset only
        options["header_file"] = quote(credentials.header_file, safe="/")
    return "/vsicurl?" + "&".join(f"{key}={value}" for key, value in options.items()) + "&url=" + quote(url, safe="")


def only_file(path: str) -> contextlib.AbstractContextManager:
    """While GDAL opens or reads the file `path` (a `vsi_path`), no other file of any server: GDAL
    3.11 and later look for an ESRI table (`.vat.dbf`) beside a GeoTIFF whatever the directory
    listing says."""
    return thread_config(CPL_VSIL_CURL_ALLOWED_FILENAME=path)


def forget(url: str) -> None:
    """Drop what GDAL keeps of `url` (its size, the ranges fetched, a failure): nothing of a band
    outlives its reading, and a later attempt asks the server again."""
    gdal.VSICurlPartialClearCache("/vsicurl/" + url)


def open_remote_raster(url: str) -> gdal.Dataset:
    """Open a GeoTIFF over HTTP read-only; DataError naming the URL (without its query) and what
    happened."""
    reading = RemoteReading.of_thread()
    path = vsi_path(url, reading)
    with remote_reading(reading), only_file(path), GdalMessages() as messages:
        try:
            # Blocks are fetched in the reading thread (several ranges at once all the same): with
            # decoding threads, GDAL fetches in its own threads, which know none of this thread's
            # options (no timeout, proxy or headers).
            dataset = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_READONLY,
                                  allowed_drivers=["GTiff"], open_options=["NUM_THREADS=1"])
        except RuntimeError as error:  # someone else switched GDAL exceptions on
            messages.errors.append(str(error))
            dataset = None
        if dataset is not None and dataset.RasterCount:
            # What GDAL loads lazily, and where it may look for files beside (GDAL 3.11 and later:
            # a .vat.dbf, also when listing the dataset's files), is loaded now, while no other
            # file may be read.
            dataset.GetGeoTransform(can_return_null=True)
            projection_of(dataset, thread_config_of((*HTTP_CONFIG_KEYS, "CPL_VSIL_CURL_ALLOWED_FILENAME")))
            dataset.GetRasterBand(1).GetDefaultRAT()
            files = dataset.GetFileList() or []
    if dataset is None or dataset.RasterCount == 0:
        dataset = None
        forget(url)  # GDAL remembers a failure: the next attempt must ask again
        reason = _why_unreadable(url, reading, messages)
        raise DataError(tr("cannot read {path}: {reason}").format(path=shown_url(url), reason=reason))
    _check_layout(dataset, url, files)
    return dataset


def _why_unreadable(url: str, reading: RemoteReading, messages: GdalMessages) -> str:
    problem = explain_failure(url, reading)
    if problem:
        return problem
    if any("Range downloading not supported" in message for message in messages.errors):
        return tr("the server does not serve parts of files (HTTP range requests), which reading only "
                  "the blocks an area needs takes")
    return tr("it is not a GeoTIFF (scene bands over HTTP are read only as cloud-optimized GeoTIFFs)")


def _check_layout(dataset: gdal.Dataset, url: str, files: list[str]) -> None:
    others = [name for name in files if not name.startswith("/vsicurl")]
    if others:
        message = tr("cannot read {path}: it makes GDAL read {file}, and scene bands are read only "
                     "from GeoTIFF or JPEG 2000 files")
        raise DataError(message.format(path=shown_url(url), file=others[0]))
    band = dataset.GetRasterBand(1)
    block_width, _block_height = band.GetBlockSize()
    if block_width == dataset.RasterXSize > MAX_STRIP_WIDTH:
        message = tr("cannot read {path}: it is not a cloud-optimized GeoTIFF (its pixels are stored in strips "
                     "as wide as the image, so any area would fetch whole rows of it)")
        raise DataError(message.format(path=shown_url(url)))


def read_remote_window(band: gdal.Band, xoff: int, yoff: int, xsize: int, ysize: int, url: str) -> np.ndarray:
    """A window of a band over HTTP; a failed read is tried again (see the module's docstring);
    DataError naming the URL and what happened when it still fails."""
    reading = RemoteReading.of_thread()
    attempts = reading.retries + 1
    with remote_reading(reading), only_file(band.GetDataset().GetDescription()):
        for attempt in range(attempts):
            with GdalMessages() as messages:
                try:
                    array = band.ReadAsArray(xoff, yoff, xsize, ysize)
                except RuntimeError as error:
                    messages.errors.append(str(error))
                    array = None
            if array is not None:
                return array
            forget(url)  # GDAL keeps the truncated range it got: fetch it again
            if attempt + 1 < attempts:
                time.sleep(reading.retry_delay * 2 ** attempt)
    reason = explain_failure(url, reading) or _read_failure(messages, reading)
    raise DataError(tr("cannot read pixels of {path}: {reason}").format(path=shown_url(url), reason=reason))


# GDAL's words for a body that ended before its length: the connection was cut.
_TRUNCATED = re.compile(r"got \d+ bytes, expected \d+|Request for \d+-\d+ failed")


def _read_failure(messages: GdalMessages, reading: RemoteReading) -> str:
    """Why reading failed though the server answers now, from GDAL's messages."""
    if any(_TRUNCATED.search(message) for message in messages.errors):
        return tr("the connection was cut, also after {retries} retries").format(retries=reading.retries)
    return messages.last(tr("read failed"))


def explain_failure(url: str, reading: RemoteReading) -> str | None:
    """What the server does with a request for the first byte of `url`, in words; None when it
    answers with it."""
    headers = dict(reading.headers)
    headers.update((credentials_of(url) or Credentials(())).headers)
    headers["Range"] = "bytes=0-0"
    request = urllib.request.Request(url, headers=headers)
    retries = reading.retries
    try:
        with reading.opener().open(request, timeout=reading.timeout) as answer:
            length = answer.headers.get("Content-Length")
            if answer.read(1) or length == "0":
                return None
            return tr("the connection was cut, also after {retries} retries").format(retries=retries)
    except urllib.error.HTTPError as error:
        status = error.code
        error.close()
        if status in (401, 403):
            return tr("access denied (HTTP {status}): the address needs credentials, or its signature "
                      "has expired").format(status=status)
        if status in (404, 410):
            return tr("not found (HTTP {status})").format(status=status)
        if status == 429:
            return tr("too many requests (HTTP 429), also after {retries} retries").format(retries=retries)
        if status >= 500:
            return tr("the server failed (HTTP {status}), also after {retries} retries").format(
                status=status, retries=retries)
        return tr("refused (HTTP {status})").format(status=status)
    except (TimeoutError, socket.timeout):
        return _no_answer(reading)
    except urllib.error.URLError as error:
        if isinstance(error.reason, (TimeoutError, socket.timeout)):
            return _no_answer(reading)
        if isinstance(error.reason, (ConnectionResetError, ConnectionAbortedError)):
            return tr("the connection was cut, also after {retries} retries").format(retries=retries)
        return tr("cannot connect ({reason})").format(reason=getattr(error.reason, "strerror", None) or error.reason)
    except (http.client.HTTPException, ConnectionError):
        return tr("the connection was cut, also after {retries} retries").format(retries=retries)
    except OSError as error:
        return tr("cannot connect ({reason})").format(reason=error.strerror or error)


def _no_answer(reading: RemoteReading) -> str:
    return tr("no answer within {seconds} s, also after {retries} retries").format(
        seconds=f"{reading.timeout:g}", retries=reading.retries)
