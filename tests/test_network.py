"""Inside QGIS: the API key from the authentication database, the proxy from QGIS's settings."""

from __future__ import annotations

import pytest
from load_by_extent.core.errors import LbeError
from load_by_extent.core.remote.client import InvalidApiKey
from load_by_extent.services.network import api_key_from_auth_config, proxies_for, store_api_key
from qgis.core import QgsAuthMethodConfig, QgsNetworkAccessManager, QgsSettings

KEY = "apk.test-0123456789abcdef"
PROXY_KEYS = ("proxy/proxyEnabled", "proxy/proxyType", "proxy/proxyHost", "proxy/proxyPort", "proxy/proxyUser",
              "proxy/proxyPassword", "proxy/proxyExcludedUrls")


@pytest.fixture()
def proxy_settings(qgis_app):
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in PROXY_KEYS}
    yield settings
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


def _use_proxy(settings: QgsSettings, enabled: bool, excluded: list[str] | None = None) -> None:
    settings.setValue("proxy/proxyEnabled", enabled)
    settings.setValue("proxy/proxyType", "HttpProxy")
    settings.setValue("proxy/proxyHost", "proxy.example")
    settings.setValue("proxy/proxyPort", "3128")
    settings.setValue("proxy/proxyUser", "analyst")
    settings.setValue("proxy/proxyPassword", "p@ss word")
    settings.setValue("proxy/proxyExcludedUrls", excluded or [])
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


def test_the_proxy_of_qgis_network_settings_is_used_with_its_credentials(proxy_settings):
    _use_proxy(proxy_settings, True)
    address = "http://analyst:p%40ss%20word@proxy.example:3128"
    assert proxies_for("https://api-connect.eos.com/api/gdw") == {"http": address, "https": address}


def test_an_excluded_url_goes_direct(proxy_settings):
    _use_proxy(proxy_settings, True, excluded=["https://intranet.example"])
    assert proxies_for("https://intranet.example/api/gdw") == {}
    assert proxies_for("https://api-connect.eos.com/api/gdw") != {}


def test_no_proxy_in_qgis_means_direct_whatever_the_environment_says(proxy_settings):
    _use_proxy(proxy_settings, False)
    assert proxies_for("https://api-connect.eos.com/api/gdw") == {}


def test_a_key_stored_through_the_plugin_is_read_back_and_only_its_id_is_kept(auth_manager):
    config_id = store_api_key(KEY)
    assert config_id and KEY not in config_id
    assert api_key_from_auth_config(config_id).reveal() == KEY
    # storing again updates the same configuration rather than making another
    assert store_api_key(KEY + "-2", config_id) == config_id
    assert api_key_from_auth_config(config_id).reveal() == KEY + "-2"
    assert str(api_key_from_auth_config(config_id)) == "ApiKey(***)"
    auth_manager.removeAuthenticationConfig(config_id)


def test_a_key_no_api_would_take_is_refused_before_it_is_stored(auth_manager):
    before = set(auth_manager.configIds())
    with pytest.raises(InvalidApiKey) as raised:
        store_api_key(KEY + "\nsecond-line")
    assert KEY not in str(raised.value) and "second-line" not in str(raised.value)
    assert set(auth_manager.configIds()) == before


def test_an_esri_token_configuration_holds_the_key_as_its_token(auth_manager):
    config = QgsAuthMethodConfig("EsriToken")
    config.setName("token for tests")
    config.setConfig("token", KEY)
    assert auth_manager.storeAuthenticationConfig(config)
    try:
        assert api_key_from_auth_config(config.id()).reveal() == KEY
    finally:
        auth_manager.removeAuthenticationConfig(config.id())


def test_no_configuration_or_an_unknown_one_says_what_to_do(auth_manager):
    with pytest.raises(LbeError, match="no API key"):
        api_key_from_auth_config("")
    with pytest.raises(LbeError, match="cannot be read"):
        api_key_from_auth_config("nosuch1")


def test_a_configuration_of_another_method_is_refused_with_a_hint(auth_manager):
    config = QgsAuthMethodConfig("PKI-Paths")
    config.setName("a certificate")
    config.setConfig("certpath", "/nonexistent.pem")
    config.setConfig("keypath", "/nonexistent.key")
    assert auth_manager.storeAuthenticationConfig(config)
    try:
        with pytest.raises(LbeError, match="Basic .password., EsriToken or API Header"):
            api_key_from_auth_config(config.id())
    finally:
        auth_manager.removeAuthenticationConfig(config.id())
