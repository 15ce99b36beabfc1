#!/bin/sh
# Install the Debian packages the plugin, its tests and its demo need, if any is missing.
# QGIS 3.22 LTR, GDAL 3.6 and Qt 5.15 come from Debian 12; nothing else is needed system-wide.
set -eu
PACKAGES="python3-qgis qgis qgis-providers python3-gdal gdal-bin python3-numpy python3-requests
python3-matplotlib python3-venv python3-pip xvfb xauth ca-certificates qttools5-dev-tools"
missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
echo "Installing Debian packages:$missing" >&2
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
