#!/bin/sh
# Make a throwaway QGIS profile folder with this checkout installed as the plugin load_by_extent
# and enabled, the sample scene store as its scene folder. Prints the profiles folder.
# Usage: qgis_profile.sh CHECKOUT SAMPLE_STORE OUTPUT_FOLDER
set -eu
checkout=$(cd "$1" && pwd)
store=$2
output=$3
profiles=$(mktemp -d "${TMPDIR:-/tmp}/lbe-qgis-XXXXXX")
mkdir -p "$profiles/profiles/default/python/plugins" "$profiles/profiles/default/QGIS"
ln -s "$checkout" "$profiles/profiles/default/python/plugins/load_by_extent"
cat > "$profiles/profiles/default/QGIS/QGIS3.ini" <<INI
[PythonPlugins]
load_by_extent=true

[load_by_extent]
scene_folders=$store
output_folder=$output

[qgis]
showTips322=false
checkVersion=false

[UI]
hidePluginsRepoMessage=true
INI
echo "$profiles"
