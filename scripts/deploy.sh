#!/bin/sh
# Link this checkout into a QGIS profile as the plugin load_by_extent, for development: QGIS then
# runs the code as it is in the checkout (restart QGIS or use Plugin Reloader after a change).
# Usage: deploy.sh [PROFILE_FOLDER]  (default: the default profile of QGIS 3 for this user)
set -eu
checkout=$(cd "$(dirname "$0")/.." && pwd)
profile=${1:-${QGIS_PROFILE_DIR:-$HOME/.local/share/QGIS/QGIS3/profiles/default}}
plugins="$profile/python/plugins"
mkdir -p "$plugins"
target="$plugins/load_by_extent"
if [ -L "$target" ]; then
    rm "$target"
elif [ -e "$target" ]; then
    echo "deploy: $target exists and is not a link; move it away first (it may be an installed release)" >&2
    exit 1
fi
ln -s "$checkout" "$target"
echo "linked $target -> $checkout; enable Load By Extent in Plugins > Manage and Install Plugins"
