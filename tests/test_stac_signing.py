"""Planetary Computer's signing (core/stac/signing.py) against the token service and the signed files
of tests/stac_server.py: one token call per collection per token lifetime, from many threads,
renewed before expiry; files refused without a valid token."""

from __future__ import annotations

import threading
import time
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from load_by_extent.core.remote.client import RemoteError
from load_by_extent.core.stac.signing import TokenSigner, without_query
from stac_server import StacServer


@pytest.fixture
def stac():
    with StacServer() as server:
        server.add_file("signed/S2A/B04.tif", b"II*\x00" + bytes(100))
        yield server


def test_fifty_signs_make_one_token_call(stac, transport):
    signer = TokenSigner(stac.token_url, transport, timeout=10)
    href = f"{stac.files_url}/signed/S2A/B04.tif"
    signed = [signer.sign(href, "sentinel-2-l2a") for _ in range(50)]
    assert stac.token_calls == ["sentinel-2-l2a"]
    assert len(set(signed)) == 1
    query = parse_qs(urlsplit(signed[0]).query)
    assert {"st", "se", "sp", "sig"} <= set(query)
    assert without_query(signed[0]) == href  # how messages name it: never the token


def test_threads_signing_at_once_share_one_token_call_per_collection(stac):
    signer = TokenSigner(stac.token_url, timeout=10)
    start = threading.Barrier(20)
    results: list[str] = []

    def sign(collection: str) -> None:
        start.wait()
        results.append(signer.sign(f"{stac.files_url}/signed/x.tif", collection))

    threads = [threading.Thread(target=sign, args=("sentinel-2-l2a" if n % 2 else "landsat-c2-l2",))
               for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == 20
    assert sorted(stac.token_calls) == ["landsat-c2-l2", "sentinel-2-l2a"]


def test_a_token_is_renewed_before_it_expires(stac):
    now = [1_000_000.0]
    stac.token_lifetime = 3600
    signer = TokenSigner(stac.token_url, timeout=10, clock=lambda: now[0])
    now[0] = time.time()  # the service's expiry is in real time: the signer's clock starts at the real now
    first = signer.sign("https://x.example/a.tif", "sentinel-2-l2a")
    now[0] += 3000  # 10 minutes before the expiry: still good (renewed 5 minutes before)
    assert signer.sign("https://x.example/a.tif", "sentinel-2-l2a") == first
    now[0] += 400  # within 5 minutes of the expiry: a new token
    second = signer.sign("https://x.example/a.tif", "sentinel-2-l2a")
    assert second != first
    assert len(stac.token_calls) == 2


def test_a_short_lived_token_is_renewed_within_a_quarter_of_its_life(stac):
    stac.token_lifetime = 40
    now = [time.time()]
    signer = TokenSigner(stac.token_url, timeout=10, clock=lambda: now[0])
    signer.sign("https://x.example/a.tif", "c")
    now[0] += 25
    signer.sign("https://x.example/a.tif", "c")
    assert len(stac.token_calls) == 1
    now[0] += 6  # 31 s of 40: past three quarters
    signer.sign("https://x.example/a.tif", "c")
    assert len(stac.token_calls) == 2


def test_signed_files_are_refused_without_a_valid_token(stac):
    href = f"{stac.files_url}/signed/S2A/B04.tif"
    assert requests.get(href, timeout=10).status_code == 403
    assert requests.get(href + "?st=x&sig=forged", timeout=10).status_code == 403
    signed = TokenSigner(stac.token_url, timeout=10).sign(href, "sentinel-2-l2a")
    answer = requests.get(signed, headers={"Range": "bytes=0-3"}, timeout=10)
    assert answer.status_code == 206 and answer.content == b"II*\x00"
    stac.tokens.clear()  # every token expired
    assert requests.get(signed, timeout=10).status_code == 403


def test_a_token_service_that_gives_no_token_says_so_without_quoting_values(stac):
    signer = TokenSigner(stac.url + "/files", timeout=10)  # answers 404 XML, not a token
    with pytest.raises(RemoteError) as raised:
        signer.sign("https://x.example/a.tif", "sentinel-2-l2a")
    assert "HTTP 404" in str(raised.value) and "sentinel-2-l2a" in str(raised.value)


def test_existing_query_strings_are_kept(stac):
    signed = TokenSigner(stac.token_url, timeout=10).sign("https://x.example/a.tif?version=2", "c")
    assert signed.startswith("https://x.example/a.tif?version=2&st=")
