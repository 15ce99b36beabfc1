<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk">
    <context>
        <name>BandPicker</name>
        <message>
            <location filename="../ui/band_picker.py" line="32" />
            <source>Custom</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="33" />
            <source>True colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="34" />
            <source>False colour (near infrared)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="35" />
            <source>Shortwave infrared</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="36" />
            <source>All bands</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="50" />
            <source>Preset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="78" />
            <source>This scene has no {band} in the scene folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="141" />
            <source>Order: {bands}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="143" />
            <source>No band chosen</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IndexForm</name>
        <message>
            <location filename="../ui/index_form.py" line="26" />
            <source>Custom expression</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/index_form.py" line="41" />
            <source>optional: a name for the result file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/index_form.py" line="45" />
            <source>Catalog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/index_form.py" line="46" />
            <source>Expression</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/index_form.py" line="48" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LoadByExtent</name>
        <message>
            <location filename="../plugin.py" line="41" />
            <source>Load By Extent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin.py" line="44" />
            <source>Crop satellite scenes to an area of interest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin.py" line="61" />
            <source>{count} remote task(s) of an earlier session have not finished.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../plugin.py" line="63" />
            <source>Show in the task list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="86" />
            <source>Select polygons in a polygon layer and make it the active layer first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="89" />
            <source>No feature is selected in {layer}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="92" />
            <source>The selected features of {layer} have no geometry.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="94" />
            <source>{count} selected feature(s) of {layer}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="134" />
            <source>no area of interest: draw one or pick a source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="138" />
            <source>this task takes one polygon, and the area of interest has {count} separate parts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/map_tools.py" line="226" />
            <source>A polygon needs at least 3 vertices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/map_tools.py" line="235" />
            <source>The polygon has no area: its vertices are on one line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/map_tools.py" line="240" />
            <source>The polygon crosses itself: remove vertices with Backspace and draw it again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/result_layers.py" line="49" />
            <source>{scene} · {request}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/result_layers.py" line="66" />
            <source>{sensor} {date} {bands}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/result_layers.py" line="121" />
            <source>not a raster QGIS can read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/result_layers.py" line="122" />
            <source>cannot load {file} as a layer: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="296" />
            <source>{date} · {index}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="297" />
            <source>{figure} {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="300" />
            <source>cloud {cloud} %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="308" />
            <source>{date} · {scene} · not computed: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="310" />
            <source>no reason given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="467" />
            <source>p10–p90</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="472" />
            <source>q1–q3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="480" />
            <source>min–max</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="485" />
            <source>{index} median</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="485" />
            <source>median</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="498" />
            <source>cloud %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="512" />
            <source>not computed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="517" />
            <source>No statistics in this answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="525" />
            <source>index value</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LoadByExtentDock</name>
        <message>
            <location filename="../ui/dock.py" line="97" />
            <source>Load By Extent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="122" />
            <source>Run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="141" />
            <source>drawn rectangle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="141" />
            <source>drawn polygon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="172" />
            <source>Crop bands (lbe)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="173" />
            <source>Index (bandmath)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="174" />
            <source>Visual (jpeg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="175" />
            <source>Statistics over time (mt_stats)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="180" />
            <source>Task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="185" />
            <source>Area of interest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="189" />
            <source>Rectangle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="189" />
            <source>Drag a rectangle on the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="191" />
            <source>Polygon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="192" />
            <source>Click vertices; double-click or right-click finishes, Backspace removes the last vertex, Esc cancels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="194" />
            <source>Selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="195" />
            <source>The selected polygons of the active layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="196" />
            <source>Map extent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="196" />
            <source>The map canvas extent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="198" />
            <source>File…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="198" />
            <source>A GeoJSON or any vector file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="199" />
            <source>Clear</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="199" />
            <source>Forget the area of interest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="223" />
            <source>Scene</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="224" />
            <source>this computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="226" />
            <source>Processing API</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="232" />
            <source>Test connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="245" />
            <source>Run on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="253" />
            <source>Datasets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="266" />
            <source>Index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="277" />
            <source>Visual</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="288" />
            <source>Statistics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="314" />
            <source>Bands</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="324" />
            <source>Options</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="326" />
            <source>Merge bands of one resolution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="329" />
            <source>Tile metadata</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="330" />
            <source>Product metadata</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="338" />
            <source>▸ Request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="341" />
            <source>Copy JSON</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="344" />
            <source>Copy as curl</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="346" />
            <source>The API call with the key hidden as ***</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="376" />
            <source>Tasks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="383" />
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="422" />
            <source>map extent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="427" />
            <source>Vector files (*.geojson *.json *.gpkg *.shp *.kml *.gml);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="446" />
            <source>{area} km² · {vertices} vertices · {source}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="449" />
            <source>No area of interest yet: draw one or take it from a source above.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="479" />
            <source>Choose the datasets to search.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="483" />
            <source>Draw an area of interest to search the API's scenes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="490" />
            <source>Add a scene folder in Settings below to list its scenes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="536" />
            <source>Load By Extent: testing the connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="539" />
            <source>Testing the connection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="587" />
            <source>Draw an area of interest or take it from a source above.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="614" />
            <source>This scene has no {bands} in the scene folders.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="618" />
            <source>This scene has no {kind} in the scene folders.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="621" />
            <source>Set the API key in Settings below (Processing API).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="623" />
            <source>Add a scene folder in Settings below.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="639" />
            <source>Run the task in the background</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="646" />
            <source>→ the result type shows here once the request is valid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="648" />
            <source>→ statistics of {count} index(es) for each scene from {start} to {end} (JSON), charted in the statistics dock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="653" />
            <source>→ one Float32 GeoTIFF with {count} band(s), nodata -9999, on the grid of the coarsest band used</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="656" />
            <source>native pixel size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="657" />
            <source>colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="658" />
            <source>grey</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="659" />
            <source>→ a {format} image in EPSG:3857 ({kind}, {size})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="666" />
            <source>→ one JPEG 2000 file, band {band} at {res} m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="669" />
            <source>→ one GeoTIFF, {count} band(s) at {res} m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="675" />
            <source>→ a zip of {files} GeoTIFF(s) ({parts}){extra}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="679" />
            <source>▾ Request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="697" />
            <source>Large area of interest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/dock.py" line="698" />
            <source>The area of interest covers {area} km², more than the {limit} km² set in Settings. Run anyway?</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ScenePicker</name>
        <message>
            <location filename="../ui/scene_picker.py" line="69" />
            <source>any date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="78" />
            <source>Footprints</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="83" />
            <source>date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="83" />
            <source>sensor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="83" />
            <source>cloud</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="83" />
            <source>view_id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="104" />
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="106" />
            <source>to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="110" />
            <source>Cloud ≤</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="146" />
            <source>Searching the API's scenes…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="146" />
            <source>Searching the scene folders…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="169" />
            <source>{count} scene(s) meet the area of interest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="215" />
            <source>Pick a scene above or type its view_id.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="225" />
            <source>✓ {sensor} scene of {date}, in the scene folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="230" />
            <source>✓ a valid {sensor} id; not among the scenes listed above</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsWidget</name>
        <message>
            <location filename="../ui/settings_widget.py" line="41" />
            <source>Add folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="43" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="66" />
            <source>Set key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="68" />
            <source>Paste the API key: it is kept in QGIS's authentication database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="74" />
            <source> h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="75" />
            <source>the task's own limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="77" />
            <source>Reuse the result of an identical recent request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="89" />
            <source>Scene folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="90" />
            <source>Output folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="91" />
            <source>Ask before an AOI larger than</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="92" />
            <source>&lt;b&gt;Processing API&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="94" />
            <source>Base URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="95" />
            <source>Search URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="99" />
            <source>API key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="100" />
            <source>Stop waiting after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="143" />
            <source>The Processing API key:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="159" />
            <source>Scene folder</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StatsDock</name>
        <message>
            <location filename="../ui/stats_dock.py" line="99" />
            <source>Load By Extent — statistics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="119" />
            <source>The chart needs matplotlib, which this QGIS does not have; the table and CSV export still work.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="133" />
            <source>date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="133" />
            <source>view_id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="133" />
            <source>scene</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="134" />
            <source>cloud %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="160" />
            <source>The index the chart and the table show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="161" />
            <source>Overlay all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="163" />
            <source>Draw the median of every index on one chart</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="164" />
            <source>Table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="165" />
            <source>Show the figures as a table, one row per date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="167" />
            <source>CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="168" />
            <source>Save every figure of every index as CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="169" />
            <source>PNG</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="169" />
            <source>Save the chart as PNG</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="176" />
            <source>Index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="213" />
            <source>The answer has one index only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="227" />
            <source>The statistics in {path} cannot be read: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="254" />
            <source>{start} to {end}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="257" />
            <source>{area} km²</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="262" />
            <source>{title} · {dates} date(s) with figures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="264" />
            <source>{text} · {errors} scene(s) without figures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="277" />
            <source>No statistics chart: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="321" />
            <source>Statistics appear here when a statistics task ends.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="323" />
            <source>Hover a date to read its figures; click it to load that scene for the area of interest.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="365" />
            <source>The answer gives no view_id for the scene of {date}: it cannot be loaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="412" />
            <source>The chart needs matplotlib, which this QGIS does not have</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="434" />
            <source>Save the statistics as CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="434" />
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="440" />
            <source>The CSV could not be saved: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="442" />
            <source>{count} row(s) saved in {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="449" />
            <source>PNG images (*.png)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="456" />
            <source>The PNG could not be saved: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="458" />
            <source>Chart saved in {path}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StatsForm</name>
        <message>
            <location filename="../ui/stats_form.py" line="49" />
            <source>up to 3, separated by ';': NDVI; NDWI; (B08-B04)/(B08+B04)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="53" />
            <source>add an index…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="73" />
            <source>all sensors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="82" />
            <source>Leave cloud and shadow pixels out of the figures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="95" />
            <source>to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="99" />
            <source>Indices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="101" />
            <source>Dates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="102" />
            <source>Sensors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="103" />
            <source>Scenes with cloud ≤</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="105" />
            <source>At most</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="134" />
            <source>Give at least one index or expression.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="136" />
            <source>At most {count} indices.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TaskController</name>
        <message>
            <location filename="../ui/task_controller.py" line="116" />
            <source>No scene folder is set: add one in the dock's settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/task_controller.py" line="144" />
            <source>Load By Extent: {what}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/task_controller.py" line="154" />
            <source>cancelled; nothing was written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/task_controller.py" line="183" />
            <source>unfinished on the server: task {task_id}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/task_controller.py" line="194" />
            <source>resumed in a new row</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/task_controller.py" line="238" />
            <source>Load By Extent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/task_controller.py" line="249" />
            <source>statistics saved: {file}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/task_controller.py" line="257" />
            <source>the result could not be loaded: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/task_controller.py" line="261" />
            <source>{count} layer(s) loaded</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TaskList</name>
        <message>
            <location filename="../ui/task_list.py" line="96" />
            <source>No task yet.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TaskRow</name>
        <message>
            <location filename="../ui/task_list.py" line="34" />
            <source>Cancel this task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/task_list.py" line="36" />
            <source>Zoom to the result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/task_list.py" line="38" />
            <source>Open the output folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/task_list.py" line="39" />
            <source>Run again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/task_list.py" line="41" />
            <source>Resume waiting for this task</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VisualForm</name>
        <message>
            <location filename="../ui/visual_form.py" line="48" />
            <source>grey</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="55" />
            <source>continuous</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="56" />
            <source>Levels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="80" />
            <source>native</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="81" />
            <source>Top-of-atmosphere reflectance (calibrate)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="84" />
            <source>optional: a name for the result file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="98" />
            <source>classes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="102" />
            <source>Bands</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="104" />
            <source>Colormap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="106" />
            <source>Resampling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="107" />
            <source>Format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="108" />
            <source>Pixel size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="110" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="158" />
            <source>give one expression, or three bands or expressions for red, green, blue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="162" />
            <source>the low level must be below the high one</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
