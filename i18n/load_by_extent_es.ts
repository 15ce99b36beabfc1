<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>AoiSection</name>
        <message>
            <location filename="../ui/aoi_section.py" line="26" />
            <source>Area of interest</source>
            <translation>Área de interés</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="34" />
            <source>Rectangle</source>
            <translation>Rectángulo</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="34" />
            <source>Drag a rectangle on the map</source>
            <translation>Arrastre un rectángulo en el mapa</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="36" />
            <source>Polygon</source>
            <translation>Polígono</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="37" />
            <source>Click vertices; double-click or right-click finishes, Backspace removes the last vertex, Esc cancels</source>
            <translation>Haga clic en los vértices; doble clic o clic derecho termina, Backspace quita el último vértice, Esc cancela</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="39" />
            <source>Selection</source>
            <translation>Selección</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="40" />
            <source>The selected polygons of the active layer</source>
            <translation>Los polígonos seleccionados de la capa activa</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="41" />
            <source>Map extent</source>
            <translation>Extensión del mapa</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="41" />
            <source>The map canvas extent</source>
            <translation>La extensión del lienzo del mapa</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="43" />
            <source>File…</source>
            <translation>Archivo…</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="43" />
            <source>A GeoJSON or any vector file</source>
            <translation>Un GeoJSON o cualquier archivo vectorial</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="44" />
            <source>Clear</source>
            <translation>Limpiar</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="44" />
            <source>Forget the area of interest</source>
            <translation>Olvidar el área de interés</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="68" />
            <source>drawn rectangle</source>
            <translation>rectángulo dibujado</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="68" />
            <source>drawn polygon</source>
            <translation>polígono dibujado</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="104" />
            <source>map extent</source>
            <translation>extensión del mapa</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="109" />
            <source>Vector files (*.geojson *.json *.gpkg *.shp *.kml *.gml);;All files (*)</source>
            <translation>Archivos vectoriales (*.geojson *.json *.gpkg *.shp *.kml *.gml);;Todos los archivos (*)</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="119" />
            <source>the area of interest</source>
            <translation>el área de interés</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="132" />
            <source>{area} km² · {vertices} vertices · {source}</source>
            <translation>{area} km² · {vertices} vértices · {source}</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="138" />
            <source>No area of interest yet: draw one or take it from a source above.</source>
            <translation>Aún no hay área de interés: dibuje una o tómela de una fuente de arriba.</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="141" />
            <source>Load By Extent</source>
            <translation>Load By Extent</translation>
        </message>
    </context>
    <context>
        <name>AreaOfInterest</name>
        <message>
            <location filename="../ui/area_of_interest.py" line="61" />
            <source>Select polygons in a polygon layer and make it the active layer first.</source>
            <translation>Seleccione primero polígonos en una capa de polígonos y conviértala en la capa activa.</translation>
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="64" />
            <source>No feature is selected in {layer}.</source>
            <translation>No hay ningún objeto seleccionado en {layer}.</translation>
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="68" />
            <source>The selected features of {layer} have no geometry.</source>
            <translation>Los objetos seleccionados de {layer} no tienen geometría.</translation>
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="70" />
            <source>{count} selected feature(s) of {layer}</source>
            <translation>{count} objeto(s) seleccionado(s) de {layer}</translation>
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="122" />
            <source>no area of interest: draw one or pick a source</source>
            <translation>sin área de interés: dibuje una o elija una fuente</translation>
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="125" />
            <source>this task takes one polygon, and the area of interest has {count} separate parts</source>
            <translation>esta tarea admite un solo polígono, y el área de interés tiene {count} partes separadas</translation>
        </message>
    </context>
    <context>
        <name>BandPicker</name>
        <message>
            <location filename="../ui/band_picker.py" line="32" />
            <source>Custom</source>
            <translation>Personalizada</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="33" />
            <source>True colour</source>
            <translation>Color verdadero</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="34" />
            <source>False colour (near infrared)</source>
            <translation>Falso color (infrarrojo cercano)</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="35" />
            <source>Shortwave infrared</source>
            <translation>Infrarrojo de onda corta</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="36" />
            <source>All bands</source>
            <translation>Todas las bandas</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="53" />
            <source>Preset</source>
            <translation>Preajuste</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="81" />
            <source>This scene has no {band} in the scene folders</source>
            <translation>Esta escena no tiene {band} en las carpetas de escenas</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="130" />
            <source>This scene lacks a band of this preset</source>
            <translation>A esta escena le falta una banda de este ajuste</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="165" />
            <source>Order: {bands}</source>
            <translation>Orden: {bands}</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="167" />
            <source>No band chosen</source>
            <translation>Ninguna banda elegida</translation>
        </message>
    </context>
    <context>
        <name>BandmathAlgorithm</name>
        <message>
            <location filename="../processing/algorithms.py" line="526" />
            <source>Index or band math (bandmath)</source>
            <translation>Índice o álgebra de bandas (bandmath)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="529" />
            <source>Compute a spectral index or band expression of one scene over the area of interest.</source>
            <translation>Calcula un índice espectral o una expresión de bandas de una escena sobre el área de interés.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="534" />
            <source>Index or expression (e.g. NDVI, or (B08-B04)/(B08+B04); commas separate several)</source>
            <translation>Índice o expresión (p. ej., NDVI o (B08-B04)/(B08+B04); varias separadas por comas)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="535" />
            <source>Name in the result's file name</source>
            <translation>Nombre en el nombre del archivo de resultado</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="536" />
            <source>Cloud and cloud shadow pixels of the scene's mask as nodata</source>
            <translation>Píxeles de nube y sombra de nube de la máscara de la escena como nodata</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="549" />
            <source>&lt;p&gt;Evaluates a spectral index or a band expression of one scene over the area of interest: the API's &lt;i&gt;bandmath&lt;/i&gt; task (Download Indices). The result is a Float32 GeoTIFF, one band per expression, nodata -9999, on the grid of the coarsest band used.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Evalúa un índice espectral o una expresión de bandas de una escena sobre el área de interés: la tarea &lt;i&gt;bandmath&lt;/i&gt; de la API (Download Indices). El resultado es un GeoTIFF Float32, una banda por expresión, nodata -9999, en la cuadrícula de la banda de menor resolución utilizada.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="553" />
            <source>the scene id, e.g. S2/33/U/UU/2017/2/16/0.</source>
            <translation>el id de la escena, p. ej., S2/33/U/UU/2017/2/16/0.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="554" />
            <source>an index name (NDVI, NDWI, EVI, SAVI, NDMI, NBR, ...) or an expression of the scene's bands and aliases such as (B08-B04)/(B08+B04) or (NIR-RED)/(NIR+RED); several expressions separated by commas give several bands.</source>
            <translation>un nombre de índice (NDVI, NDWI, EVI, SAVI, NDMI, NBR, ...) o una expresión de las bandas y alias de la escena como (B08-B04)/(B08+B04) o (NIR-RED)/(NIR+RED); varias expresiones separadas por comas dan varias bandas.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="557" />
            <source>optional: used in the file name instead of the expression.</source>
            <translation>opcional: se usa en el nombre del archivo en lugar de la expresión.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="558" />
            <source>pixels the scene's cloud mask flags as cloud or cloud shadow, or as its fill, become nodata (-9999); a scene without a mask band is refused.</source>
            <translation>los píxeles que la máscara de nubes de la escena marca como nube o sombra de nube, o como su relleno, pasan a nodata (-9999); una escena sin banda de máscara se rechaza.</translation>
        </message>
    </context>
    <context>
        <name>CatalogDialog</name>
        <message>
            <location filename="../ui/catalog_dialog.py" line="32" />
            <source>STAC API</source>
            <translation>API STAC</translation>
        </message>
        <message>
            <location filename="../ui/catalog_dialog.py" line="42" />
            <source>For a private catalog or bucket: QGIS applies the configuration to the catalog's calls, and the headers it sets go with the band files.</source>
            <translation>Para un catálogo o bucket privado: QGIS aplica la configuración a las llamadas del catálogo, y las cabeceras que establece acompañan a los archivos de bandas.</translation>
        </message>
        <message>
            <location filename="../ui/catalog_dialog.py" line="49" />
            <source>The URL of the STAC API (its landing page):</source>
            <translation>La URL de la API STAC (su página de inicio):</translation>
        </message>
        <message>
            <location filename="../ui/catalog_dialog.py" line="52" />
            <source>Authentication</source>
            <translation>Autenticación</translation>
        </message>
        <message>
            <location filename="../ui/catalog_dialog.py" line="64" />
            <source>{url} is not an http(s) URL</source>
            <translation>{url} no es una URL http(s)</translation>
        </message>
    </context>
    <context>
        <name>ConnectionTest</name>
        <message>
            <location filename="../ui/connection_test.py" line="28" />
            <source>Test connection</source>
            <translation>Probar conexión</translation>
        </message>
        <message>
            <location filename="../ui/connection_test.py" line="51" />
            <source>Load By Extent: testing the connection</source>
            <translation>Load By Extent: probando la conexión</translation>
        </message>
        <message>
            <location filename="../ui/connection_test.py" line="54" />
            <source>Testing the connection…</source>
            <translation>Probando la conexión…</translation>
        </message>
    </context>
    <context>
        <name>CropForm</name>
        <message>
            <location filename="../ui/crop_form.py" line="33" />
            <source>Merge bands of one resolution</source>
            <translation>Combinar bandas de una resolución</translation>
        </message>
        <message>
            <location filename="../ui/crop_form.py" line="36" />
            <source>Tile metadata</source>
            <translation>Metadatos de tesela</translation>
        </message>
        <message>
            <location filename="../ui/crop_form.py" line="37" />
            <source>Product metadata</source>
            <translation>Metadatos de producto</translation>
        </message>
        <message>
            <location filename="../ui/crop_form.py" line="50" />
            <source>Crop bands (lbe)</source>
            <translation>Recortar bandas (lbe)</translation>
        </message>
        <message>
            <location filename="../ui/crop_form.py" line="53" />
            <source>Bands</source>
            <translation>Bandas</translation>
        </message>
        <message>
            <location filename="../ui/crop_form.py" line="58" />
            <source>→ one JPEG 2000 file, band {band} at {res} m</source>
            <translation>→ un archivo JPEG 2000, banda {band} a {res} m</translation>
        </message>
        <message>
            <location filename="../ui/crop_form.py" line="61" />
            <source>→ one GeoTIFF, {count} band(s) at {res} m</source>
            <translation>→ un GeoTIFF, {count} banda(s) a {res} m</translation>
        </message>
        <message>
            <location filename="../ui/crop_form.py" line="68" />
            <source>→ a zip of {files} GeoTIFF(s) ({parts}){extra}</source>
            <translation>→ un zip de {files} GeoTIFF ({parts}){extra}</translation>
        </message>
    </context>
    <context>
        <name>DatasetChoice</name>
        <message>
            <location filename="../ui/scene_search.py" line="47" />
            <source>Datasets</source>
            <translation>Conjuntos de datos</translation>
        </message>
    </context>
    <context>
        <name>FeaturePicker</name>
        <message>
            <location filename="../ui/feature_picker.py" line="48" />
            <source>The polygon the chart and the table show; selecting a feature of the run's layer on the map picks it too</source>
            <translation>El polígono que muestran el gráfico y la tabla; seleccionar un objeto de la capa de la ejecución en el mapa también lo elige</translation>
        </message>
        <message>
            <location filename="../ui/feature_picker.py" line="57" />
            <source>Polygon</source>
            <translation>Polígono</translation>
        </message>
        <message>
            <location filename="../ui/feature_picker.py" line="105" />
            <source>This table has no view_id column (it was written before the tables had one): its scenes cannot be loaded from the chart. Run the statistics again to load them.</source>
            <translation>Esta tabla no tiene columna view_id (se escribió antes de que las tablas la tuvieran): sus escenas no se pueden cargar desde el gráfico. Ejecute de nuevo las estadísticas para cargarlas.</translation>
        </message>
        <message>
            <location filename="../ui/feature_picker.py" line="109" />
            <source>The shape of polygon {id} is unknown (the table was opened from a file, or the run's polygons are not a layer of this project): its scenes cannot be loaded over it. Run fields_stats in Processing on a polygon layer of the project to load them.</source>
            <translation>La forma del polígono {id} es desconocida (la tabla se abrió desde un archivo, o los polígonos de la ejecución no son una capa de este proyecto): sus escenas no se pueden cargar sobre él. Ejecute fields_stats en Processing sobre una capa de polígonos del proyecto para cargarlas.</translation>
        </message>
    </context>
    <context>
        <name>FieldsStatsAlgorithm</name>
        <message>
            <location filename="../processing/algorithms.py" line="798" />
            <source>Index statistics over time of every polygon (fields_stats)</source>
            <translation>Estadísticas de índice en el tiempo de cada polígono (fields_stats)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="801" />
            <source>The statistics of mt_stats for every polygon of a layer, in one table.</source>
            <translation>Las estadísticas de mt_stats de cada polígono de una capa, en una tabla.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="805" />
            <source>Polygons (each one on its own)</source>
            <translation>Polígonos (cada uno por separado)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="806" />
            <source>Field naming each polygon</source>
            <translation>Campo que nombra cada polígono</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="809" />
            <source>Scene folder (empty: the scene folders of the plugin's settings)</source>
            <translation>Carpeta de escenas (vacío: las carpetas de escenas de la configuración del complemento)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="812" />
            <source>Processing API base URL (empty: the local processor)</source>
            <translation>URL base de la Processing API (vacío: el procesador local)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="814" />
            <source>Output folder</source>
            <translation>Carpeta de salida</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="816" />
            <source>Statistics of every polygon</source>
            <translation>Estadísticas de cada polígono</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="818" />
            <source>Result files (separated by ';', main file first)</source>
            <translation>Archivos de resultado (separados por ';', el principal primero)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="819" />
            <source>The request run (the API's JSON)</source>
            <translation>La petición ejecutada (el JSON de la API)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="820" />
            <source>Statistics table (CSV)</source>
            <translation>Tabla de estadísticas (CSV)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="833" />
            <source>{parameter}: the layer has no field {name}</source>
            <translation>{parameter}: la capa no tiene el campo {name}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="839" />
            <source>feature {id} has no geometry</source>
            <translation>el objeto {id} no tiene geometría</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="844" />
            <source>no feature (with 'Selected features only', select at least one polygon)</source>
            <translation>ningún objeto (con «Selected features only», seleccione al menos un polígono)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="884" />
            <source>Request: {request}</source>
            <translation>Petición: {request}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="887" />
            <source>Running on the Processing API: one mt_stats task per polygon</source>
            <translation>Ejecución en la Processing API: una tarea mt_stats por polígono</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="893" />
            <source>Result: {files}</source>
            <translation>Resultado: {files}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="952" />
            <source>&lt;h3&gt;Polygons and where it runs&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Polígonos y dónde se ejecuta&lt;/h3&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="953" />
            <source>&lt;p&gt;&lt;b&gt;AOI&lt;/b&gt;: a polygon layer; each feature (only the selected ones with &lt;i&gt;Selected features only&lt;/i&gt;) is one polygon of the table, named by its &lt;b&gt;ID_FIELD&lt;/b&gt;.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;AOI&lt;/b&gt;: una capa de polígonos; cada objeto (solo los seleccionados con &lt;i&gt;Selected features only&lt;/i&gt;) es un polígono de la tabla, nombrado por su &lt;b&gt;ID_FIELD&lt;/b&gt;.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="955" />
            <source>&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: the scene folder for the local processor (several separated by ';'); empty: the scene folders of the plugin's settings.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: la carpeta de escenas para el procesador local (varias separadas por «;»); vacío: las carpetas de escenas de la configuración del complemento.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="957" />
            <source>&lt;p&gt;&lt;b&gt;API_URL&lt;/b&gt;: empty runs on this computer, with the local processor, which reads each scene once for all the polygons. A base URL (e.g. {url}) runs on the Processing API instead: one mt_stats task per polygon, its reference the request's followed by '-' and the polygon's id, one after the other, gathered into the same table. A polygon whose task fails is one row with the reason, and the others still run; a polygon asked again as before reuses its earlier task. The API key is read from the authentication configuration chosen in the plugin's settings (Settings › Options › Load By Extent).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;API_URL&lt;/b&gt;: vacío ejecuta en este equipo, con el procesador local, que lee cada escena una vez para todos los polígonos. Una URL base (p. ej. {url}) ejecuta en la Processing API: una tarea mt_stats por polígono, su reference la de la petición seguida de '-' y el id del polígono, una tras otra, reunidas en la misma tabla. Un polígono cuya tarea falla es una fila con el motivo, y los demás siguen; un polígono pedido de nuevo como antes reutiliza su tarea anterior. La clave de la API se lee de la configuración de autenticación elegida en la configuración del complemento (Configuración › Opciones › Load By Extent).&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="964" />
            <source>&lt;p&gt;&lt;b&gt;OUTPUT_FOLDER&lt;/b&gt;: where the CSV goes (default: a temporary folder), named after the request's reference. Existing files are never overwritten; nothing is left there when the run fails or is cancelled.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;OUTPUT_FOLDER&lt;/b&gt;: dónde va el CSV (por defecto: una carpeta temporal), con el nombre de la referencia de la petición. Los archivos existentes nunca se sobrescriben; no queda nada cuando la ejecución falla o se cancela.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="971" />
            <source>&lt;p&gt;The statistics of the &lt;i&gt;mt_stats&lt;/i&gt; task for every polygon of a layer, in one run: each scene is read once for all the polygons that meet it, and each polygon's figures are those an mt_stats run over that polygon alone gives.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Las estadísticas de la tarea &lt;i&gt;mt_stats&lt;/i&gt; de cada polígono de una capa, en una ejecución: cada escena se lee una vez para todos los polígonos que toca, y las cifras de cada polígono son las que daría una ejecución de mt_stats sobre ese polígono solo.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="975" />
            <source>index names or expressions separated by ';' (expressions contain commas), e.g. NDVI or NDVI;NDWI.</source>
            <translation>nombres de índices o expresiones separados por ';' (las expresiones contienen comas), p. ej., NDVI o NDVI;NDWI.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="977" />
            <source>the first date (default: a year before today; scripts: 'YYYY-MM-DD').</source>
            <translation>la primera fecha (por defecto: un año antes de hoy; en scripts: 'YYYY-MM-DD').</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="978" />
            <source>the last date (default: today).</source>
            <translation>la última fecha (por defecto: hoy).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="979" />
            <source>optional: sensors separated by commas, e.g. sentinel2, landsat8, S2, L8.</source>
            <translation>opcional: sensores separados por comas, p. ej., sentinel2, landsat8, S2, L8.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="980" />
            <source>optional: scenes with more cloud in a polygon (percent) are that polygon's errors.</source>
            <translation>opcional: las escenas con más nube en un polígono (porcentaje) son errores de ese polígono.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="982" />
            <source>leave pixels flagged cloud or cloud shadow out of the statistics.</source>
            <translation>excluir de las estadísticas los píxeles marcados como nube o sombra de nube.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="983" />
            <source>the most scenes per polygon (default 100).</source>
            <translation>el máximo de escenas por polígono (por defecto 100).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="985" />
            <source>&lt;p&gt;&lt;b&gt;TABLE&lt;/b&gt;: a table without geometry, one feature per polygon, date and index (id, date, scene_id, index, the ten figures, cloud, view_id); a scene in a polygon's errors is one feature with the reason in &lt;i&gt;error&lt;/i&gt;, a polygon no scene meets one feature with only its id and the reason. &lt;b&gt;CSV&lt;/b&gt; (and &lt;b&gt;FILES&lt;/b&gt;): the same table as CSV in the output folder. &lt;b&gt;REQUEST&lt;/b&gt;: the mt_stats request, its geometry the polygons' envelope.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;TABLE&lt;/b&gt;: una tabla sin geometría, un objeto por polígono, fecha e índice (id, date, scene_id, index, las diez cifras, cloud, view_id); una escena entre los errores de un polígono es un objeto con el motivo en &lt;i&gt;error&lt;/i&gt;, un polígono que ninguna escena toca es un objeto con solo su id y el motivo. &lt;b&gt;CSV&lt;/b&gt; (y &lt;b&gt;FILES&lt;/b&gt;): la misma tabla como CSV en la carpeta de salida. &lt;b&gt;REQUEST&lt;/b&gt;: la petición mt_stats, su geometría la envolvente de los polígonos.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: the scene folder for the local processor (several separated by ';'); empty: the scene folders of the plugin's settings. This algorithm runs on this computer only.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: la carpeta de escenas para el procesador local (varias separadas por «;»); vacío: las carpetas de escenas de la configuración del complemento. Este algoritmo se ejecuta solo en este equipo.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;TABLE&lt;/b&gt;: a table without geometry, one feature per polygon, date and index (id, date, scene_id, index, the ten figures, cloud); a scene in a polygon's errors is one feature with the reason in &lt;i&gt;error&lt;/i&gt;, a polygon no scene meets one feature with only its id and the reason. &lt;b&gt;CSV&lt;/b&gt; (and &lt;b&gt;FILES&lt;/b&gt;): the same table as CSV in the output folder. &lt;b&gt;REQUEST&lt;/b&gt;: the mt_stats request, its geometry the polygons' envelope.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;&lt;b&gt;TABLE&lt;/b&gt;: una tabla sin geometría, un objeto por polígono, fecha e índice (id, date, scene_id, index, las diez cifras, cloud); una escena entre los errores de un polígono es un objeto con el motivo en &lt;i&gt;error&lt;/i&gt;, un polígono que ninguna escena toca es un objeto con solo su id y el motivo. &lt;b&gt;CSV&lt;/b&gt; (y &lt;b&gt;FILES&lt;/b&gt;): la misma tabla como CSV en la carpeta de salida. &lt;b&gt;REQUEST&lt;/b&gt;: la petición mt_stats, su geometría la envolvente de los polígonos.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Cancelled: nothing was written.</source>
            <translation type="vanished">Cancelado: no se escribió nada.</translation>
        </message>
    </context>
    <context>
        <name>IndexForm</name>
        <message>
            <location filename="../ui/index_form.py" line="49" />
            <source>Custom expression</source>
            <translation>Expresión personalizada</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="59" />
            <source>optional: a name for the result file</source>
            <translation>opcional: un nombre para el archivo de resultado</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="61" />
            <source>Cloud, cloud shadow and the cloud mask's fill become nodata</source>
            <translation>La nube, la sombra de nube y el relleno de la máscara de nubes pasan a nodata</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="67" />
            <source>Catalog</source>
            <translation>Catálogo</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="68" />
            <source>Expression</source>
            <translation>Expresión</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="71" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="75" />
            <source>Index (bandmath)</source>
            <translation>Índice (bandmath)</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="78" />
            <source>Index</source>
            <translation>Índice</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="81" />
            <source>→ one Float32 GeoTIFF with {count} band(s), nodata -9999, on the grid of the coarsest band used</source>
            <translation>→ un GeoTIFF Float32 con {count} banda(s), nodata -9999, en la cuadrícula de la banda de menor resolución utilizada</translation>
        </message>
    </context>
    <context>
        <name>JpegAlgorithm</name>
        <message>
            <location filename="../processing/algorithms.py" line="571" />
            <source>Visual rendering (jpeg)</source>
            <translation>Representación visual (jpeg)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="574" />
            <source>Render a band combination or an index of one scene as an 8-bit image in EPSG:3857.</source>
            <translation>Representa una combinación de bandas o un índice de una escena como imagen de 8 bits en EPSG:3857.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="579" />
            <source>Bands or expressions (three for red, green, blue, e.g. B04,B03,B02; or one)</source>
            <translation>Bandas o expresiones (tres para rojo, verde, azul, p. ej., B04,B03,B02; o una)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="580" />
            <source>Name in the result's file name</source>
            <translation>Nombre en el nombre del archivo de resultado</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="582" />
            <source>Resampling method</source>
            <translation>Método de remuestreo</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="584" />
            <source>Colormap of a single-band result (e.g. RdYlGn)</source>
            <translation>Mapa de colores de un resultado de una banda (p. ej., RdYlGn)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="585" />
            <source>Value range stretched to 0..255, 'low,high'</source>
            <translation>Rango de valores estirado a 0..255, 'bajo,alto'</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="587" />
            <source>Pixel size, m</source>
            <translation>Tamaño de píxel, m</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="590" />
            <source>Format</source>
            <translation>Formato</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="593" />
            <source>Calibrate to top-of-atmosphere reflectance</source>
            <translation>Calibrar a reflectancia en el techo de la atmósfera</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="594" />
            <source>Cloud and cloud shadow pixels of the scene's mask transparent</source>
            <translation>Píxeles de nube y sombra de nube de la máscara de la escena transparentes</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="617" />
            <source>&lt;p&gt;Renders bands or expressions of one scene over the area of interest as an 8-bit image in EPSG:3857: the API's &lt;i&gt;jpeg&lt;/i&gt; task (Download Visual).&lt;/p&gt;</source>
            <translation>&lt;p&gt;Representa bandas o expresiones de una escena sobre el área de interés como imagen de 8 bits en EPSG:3857: la tarea &lt;i&gt;jpeg&lt;/i&gt; de la API (Download Visual).&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="620" />
            <source>the scene id, e.g. S2/33/U/UU/2017/2/16/0.</source>
            <translation>el id de la escena, p. ej., S2/33/U/UU/2017/2/16/0.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="621" />
            <source>three bands or expressions for red, green and blue (B04,B03,B02), or one (an index such as NDVI, coloured with COLORMAP).</source>
            <translation>tres bandas o expresiones para rojo, verde y azul (B04,B03,B02), o una (un índice como NDVI, coloreado con COLORMAP).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="623" />
            <source>optional: used in the file name.</source>
            <translation>opcional: se usa en el nombre del archivo.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="624" />
            <source>resampling method (default cubic): {methods}.</source>
            <translation>método de remuestreo (por defecto cubic): {methods}.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="626" />
            <source>optional: a named colormap for a single-band result, e.g. RdYlGn, viridis.</source>
            <translation>opcional: el nombre de un mapa de colores para un resultado de una banda, p. ej., RdYlGn, viridis.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="627" />
            <source>optional: the value range stretched to 0..255, 'low,high' (default -0.5,0.5 for indices, a 2-98 % cut for bands).</source>
            <translation>opcional: el rango de valores estirado a 0..255, 'bajo,alto' (por defecto -0.5,0.5 para índices, un recorte del 2-98 % para bandas).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="629" />
            <source>optional: output pixel size in metres; not set keeps the native resolution.</source>
            <translation>opcional: tamaño de píxel del resultado en metros; sin definir se mantiene la resolución nativa.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="630" />
            <source>jpeg, png or tiff (scripts give the index: 0 jpeg, 1 png, 2 tiff).</source>
            <translation>jpeg, png o tiff (los scripts dan el índice: 0 jpeg, 1 png, 2 tiff).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="631" />
            <source>convert digital numbers to top-of-atmosphere reflectance first.</source>
            <translation>convertir primero los niveles digitales a reflectancia en el techo de la atmósfera.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="632" />
            <source>pixels the scene's cloud mask flags as cloud or cloud shadow, or as its fill, become transparent (black in a JPEG); a scene without a mask band is refused.</source>
            <translation>los píxeles que la máscara de nubes de la escena marca como nube o sombra de nube, o como su relleno, pasan a transparentes (negros en un JPEG); una escena sin banda de máscara se rechaza.</translation>
        </message>
        <message>
            <source>Pixel size (0: native)</source>
            <translation type="vanished">Tamaño de píxel (0: nativo)</translation>
        </message>
        <message>
            <source>must be two numbers 'low,high', not {value!r}</source>
            <translation type="vanished">debe ser dos números 'bajo,alto', no {value!r}</translation>
        </message>
        <message>
            <source>output pixel size in metres; 0 keeps the native resolution.</source>
            <translation type="vanished">tamaño de píxel de salida en metros; 0 mantiene la resolución nativa.</translation>
        </message>
    </context>
    <context>
        <name>LbeAlgorithm</name>
        <message>
            <location filename="../processing/algorithms.py" line="469" />
            <source>Crop bands (lbe)</source>
            <translation>Recortar bandas (lbe)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="472" />
            <source>Crop raster bands of one scene to the area of interest.</source>
            <translation>Recorta las bandas ráster de una escena al área de interés.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="476" />
            <source>Bands (comma-separated, e.g. B04,B03,B02)</source>
            <translation>Bandas (separadas por comas, p. ej., B04,B03,B02)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="478" />
            <source>Merge bands of the same resolution into one file</source>
            <translation>Combinar las bandas de la misma resolución en un archivo</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="480" />
            <source>Metadata files to add</source>
            <translation>Archivos de metadatos que añadir</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="484" />
            <source>tile_md (tile metadata)</source>
            <translation>tile_md (metadatos de la tesela)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="485" />
            <source>product_md (product metadata)</source>
            <translation>product_md (metadatos del producto)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="502" />
            <source>&lt;p&gt;Crops raster bands of one satellite scene to the area of interest: the API's &lt;i&gt;lbe&lt;/i&gt; task (Download Analytic). Pixels keep the band's own grid, CRS and data type; pixels whose centre is outside the polygon get the band's nodata.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Recorta las bandas ráster de una escena de satélite al área de interés: la tarea &lt;i&gt;lbe&lt;/i&gt; de la API (Download Analytic). Los píxeles conservan la cuadrícula, el SRC y el tipo de datos propios de la banda; los píxeles cuyo centro queda fuera del polígono reciben el nodata de la banda.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="506" />
            <source>the scene id, e.g. S2/33/U/UU/2017/2/16/0 or L8/LC80290332017076LGN00.</source>
            <translation>el id de la escena, p. ej., S2/33/U/UU/2017/2/16/0 o L8/LC80290332017076LGN00.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="507" />
            <source>band names of that sensor, separated by commas, e.g. B04,B03,B02 (Landsat: B4).</source>
            <translation>nombres de bandas de ese sensor, separados por comas, p. ej., B04,B03,B02 (Landsat: B4).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="508" />
            <source>merge bands of the same resolution into one file (default yes).</source>
            <translation>combinar las bandas de la misma resolución en un archivo (por defecto sí).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="509" />
            <source>metadata files to add: tile_md (tile metadata), product_md (product metadata). Scripts give their indices: 0 tile_md, 1 product_md.</source>
            <translation>archivos de metadatos que añadir: tile_md (metadatos de la tesela), product_md (metadatos del producto). Los scripts dan sus índices: 0 tile_md, 1 product_md.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="512" />
            <source>&lt;p&gt;&lt;b&gt;The result&lt;/b&gt; (first rule that matches): a JPEG 2000 (.jp2) for exactly one band of a Sentinel-2 scene; a GeoTIFF (.tif) for one band without metadata, or for merged bands of one resolution without metadata; otherwise a zip of separate band files and the metadata files asked for (the zip is not extracted).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;El resultado&lt;/b&gt; (se aplica la primera regla que se cumple): un JPEG 2000 (.jp2) para exactamente una banda de una escena Sentinel-2; un GeoTIFF (.tif) para una banda sin metadatos, o para bandas combinadas de una resolución sin metadatos; en otro caso, un zip con archivos de banda separados y los archivos de metadatos pedidos (el zip no se extrae).&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>LoadByExtent</name>
        <message>
            <location filename="../plugin.py" line="87" />
            <source>Load By Extent</source>
            <translation>Load By Extent</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="90" />
            <source>Crop satellite scenes to an area of interest</source>
            <translation>Recortar escenas de satélite a un área de interés</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="111" />
            <source>{count} remote task(s) of an earlier session have not finished.</source>
            <translation>{count} tarea(s) remota(s) de una sesión anterior no han terminado.</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="113" />
            <source>Show in the task list</source>
            <translation>Mostrar en la lista de tareas</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="27" />
            <source>ring {ring} must be a list of [lon, lat] positions</source>
            <translation>el anillo {ring} debe ser una lista de posiciones [lon, lat]</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="35" />
            <source>ring {ring}, position {position} is not [lon, lat] with finite numbers</source>
            <translation>anillo {ring}, posición {position}: no es [lon, lat] con números finitos</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="40" />
            <source>ring {ring}, position {position} ({lon}, {lat}) is outside lon -180..180, lat -90..90 (coordinates are [lon, lat] in that order)</source>
            <translation>anillo {ring}, posición {position} ({lon}, {lat}): está fuera de lon -180..180, lat -90..90 (las coordenadas son [lon, lat], en ese orden)</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="45" />
            <source>ring {ring}, position {position} ({lon}, {lat}) is outside lon -180..180, lat -90..90</source>
            <translation>anillo {ring}, posición {position} ({lon}, {lat}): está fuera de lon -180..180, lat -90..90</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="49" />
            <source>ring {ring} has {count} positions; a ring needs at least 4 (closed)</source>
            <translation>el anillo {ring} tiene {count} posiciones; un anillo necesita al menos 4 (cerrado)</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="52" />
            <source>ring {ring} is not closed: its last position must repeat its first</source>
            <translation>el anillo {ring} no está cerrado: su última posición debe repetir la primera</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="55" />
            <source>ring {ring} has fewer than 3 distinct positions</source>
            <translation>el anillo {ring} tiene menos de 3 posiciones distintas</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="57" />
            <source>ring {ring} has no area: its positions lie on one line</source>
            <translation>el anillo {ring} no tiene área: sus posiciones están sobre una línea</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="87" />
            <source>self-intersecting: ring {ring} crosses itself near ({lon}, {lat})</source>
            <translation>autointersección: el anillo {ring} se cruza a sí mismo cerca de ({lon}, {lat})</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="90" />
            <source>self-intersecting: rings {ring} and {other} cross each other near ({lon}, {lat})</source>
            <translation>autointersección: los anillos {ring} y {other} se cruzan cerca de ({lon}, {lat})</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="92" />
            <source>self-intersecting near ({lon}, {lat})</source>
            <translation>autointersección cerca de ({lon}, {lat})</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="94" />
            <source>invalid polygon: {reason} near ({lon}, {lat})</source>
            <translation>polígono no válido: {reason} cerca de ({lon}, {lat})</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="96" />
            <source>invalid polygon: rings cross each other, or a hole lies outside its shell</source>
            <translation>polígono no válido: los anillos se cruzan entre sí, o un hueco queda fuera de su contorno exterior</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="100" />
            <source>a hole lies outside its shell</source>
            <translation>un hueco queda fuera de su contorno</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="101" />
            <source>a hole lies inside another hole</source>
            <translation>un hueco queda dentro de otro hueco</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="102" />
            <source>a polygon lies inside another polygon</source>
            <translation>un polígono queda dentro de otro polígono</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="103" />
            <source>rings touch so that the inside falls apart</source>
            <translation>los anillos se tocan de modo que el interior se separa en partes</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="104" />
            <source>a ring is repeated</source>
            <translation>un anillo está repetido</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="129" />
            <source>{polygon}coordinates must be a non-empty list of rings</source>
            <translation>{polygon}coordinates debe ser una lista no vacía de anillos</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="140" />
            <source>must be a GeoJSON Polygon or MultiPolygon object</source>
            <translation>debe ser un objeto GeoJSON Polygon o MultiPolygon</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="141" />
            <source>must be a GeoJSON Polygon object</source>
            <translation>debe ser un objeto GeoJSON Polygon</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="145" />
            <source>must be a GeoJSON Polygon or MultiPolygon, not a {type}: give the feature's geometry</source>
            <translation>debe ser un GeoJSON Polygon o MultiPolygon, no un {type}: indique la geometría del objeto</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="147" />
            <source>must be a GeoJSON Polygon, not a {type}: give the feature's geometry</source>
            <translation>debe ser un GeoJSON Polygon, no un {type}: indique la geometría del objeto</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="150" />
            <source>must be a Polygon: this task type does not take a MultiPolygon</source>
            <translation>debe ser un Polygon: este tipo de tarea no admite un MultiPolygon</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="153" />
            <source>must be a GeoJSON Polygon or MultiPolygon, got type {type}</source>
            <translation>debe ser un GeoJSON Polygon o MultiPolygon, se recibió el tipo {type}</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="155" />
            <source>must be a GeoJSON Polygon, got type {type}</source>
            <translation>debe ser un GeoJSON Polygon, se recibió el tipo {type}</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="162" />
            <source>coordinates must be a non-empty list of polygons</source>
            <translation>coordinates debe ser una lista no vacía de polígonos</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="186" />
            <source>must be [min lon, min lat, max lon, max lat] with four numbers</source>
            <translation>debe ser [min lon, min lat, max lon, max lat] con cuatro números</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="189" />
            <source>is outside lon -180..180, lat -90..90</source>
            <translation>está fuera de lon -180..180, lat -90..90</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="191" />
            <source>min must be smaller than max: [min lon, min lat, max lon, max lat]</source>
            <translation>min debe ser menor que max: [min lon, min lat, max lon, max lat]</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="204" />
            <source>is not a geometry OGR can read</source>
            <translation>no es una geometría que OGR pueda leer</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="83" />
            <source>calibrate=1: {band} has no scale and offset stated by its source; its values are as stored</source>
            <translation>calibrate=1: {band} no tiene escala ni desplazamiento indicados por su origen; sus valores son los almacenados</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="89" />
            <source>calibrate=1: {sensor} scenes are not calibrated (no conversion known); values are as stored</source>
            <translation>calibrate=1: las escenas {sensor} no se calibran (no se conoce ninguna conversión); los valores quedan tal como están almacenados</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="96" />
            <source>calibrate=1: scene {view_id} has no MTL file in the store; values are as stored</source>
            <translation>calibrate=1: la escena {view_id} no tiene archivo MTL en el almacén; los valores quedan tal como están almacenados</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="101" />
            <source>calibrate=1: the MTL of {view_id} gives no sun elevation; values are as stored</source>
            <translation>calibrate=1: el MTL de {view_id} no da la elevación solar; los valores quedan tal como están almacenados</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="110" />
            <source>calibrate=1: the MTL of {view_id} has no reflectance coefficients for {band}; its values are as stored</source>
            <translation>calibrate=1: el MTL de {view_id} no tiene coeficientes de reflectancia para {band}; sus valores quedan tal como están almacenados</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="125" />
            <source>calibrate=1: {view_id} is Level-2A (surface reflectance); converted with its quantification value, not to top-of-atmosphere reflectance</source>
            <translation>calibrate=1: {view_id} es de nivel 2A (reflectancia de superficie); convertido con su valor de cuantificación, no a reflectancia en el techo de la atmósfera</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="132" />
            <source>calibrate=1: scene {view_id} has no product metadata in the store; reflectance = DN / {quantification} (the Level-1C definition)</source>
            <translation>calibrate=1: la escena {view_id} no tiene metadatos de producto en el almacén; reflectancia = DN / {quantification} (la definición del nivel 1C)</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="139" />
            <source>calibrate=1: {band} is not a reflectance band; its values are as stored</source>
            <translation>calibrate=1: {band} no es una banda de reflectancia; sus valores quedan tal como están almacenados</translation>
        </message>
        <message>
            <location filename="../core/colormaps.py" line="312" />
            <source>{name} is not a colormap (known: {known}; add {suffix} to reverse one)</source>
            <translation>{name} no es un mapa de colores (conocidos: {known}; añada {suffix} para invertir uno)</translation>
        </message>
        <message>
            <location filename="../core/colormaps.py" line="366" />
            <source>low must be smaller than high, both finite, not {low},{high}</source>
            <translation>bajo debe ser menor que alto, ambos finitos, no {low},{high}</translation>
        </message>
        <message>
            <location filename="../core/colormaps.py" line="409" />
            <source>the number of colormap classes must be at least 2, not {classes}</source>
            <translation>el número de clases del mapa de colores debe ser al menos 2, no {classes}</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="102" />
            <source>cannot read {path}</source>
            <translation>no se puede leer {path}</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="113" />
            <source>cannot read the pixels of {path}</source>
            <translation>no se pueden leer los píxeles de {path}</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="159" />
            <source>the result has no files</source>
            <translation>el resultado no tiene archivos</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="162" />
            <source>the result file {file} does not exist</source>
            <translation>el archivo de resultado {file} no existe</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="170" />
            <source>{file} holds no GeoTIFF or JPEG 2000 raster</source>
            <translation>{file} no contiene ningún ráster GeoTIFF ni JPEG 2000</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="175" />
            <source>results of type {type} are not loaded as layers</source>
            <translation>los resultados de tipo {type} no se cargan como capas</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="194" />
            <source>cannot load {path}: a result is read only as GeoTIFF, JPEG 2000, PNG or JPEG</source>
            <translation>no se puede cargar {path}: un resultado solo se lee como GeoTIFF, JPEG 2000, PNG o JPEG</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="196" />
            <source>cannot load {path}: it makes GDAL read {file}, and a result is read from its own file only</source>
            <translation>no se puede cargar {path}: hace que GDAL lea {file}, y un resultado solo se lee de su propio archivo</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="244" />
            <source>cannot open {file} as a zip archive: {reason}</source>
            <translation>no se puede abrir {file} como archivo zip: {reason}</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="266" />
            <source>cannot extract {file}: {reason}</source>
            <translation>no se puede extraer {file}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="290" />
            <source>{file} is refused: its member {member} would be written outside the folder</source>
            <translation>{file} rechazado: su miembro {member} se escribiría fuera de la carpeta</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="293" />
            <source>{file} is refused: its member {member} is a symbolic link</source>
            <translation>{file} rechazado: su miembro {member} es un enlace simbólico</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="301" />
            <source>{file} is refused: its member {member} repeats or clashes with another member</source>
            <translation>{file} rechazado: su miembro {member} repite otro miembro o choca con él</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="333" />
            <source>{file} is refused: its member {member} expands more than {ratio} times its compressed size (the limit of extraction)</source>
            <translation>{file} se rechaza: su miembro {member} se expande más de {ratio} veces su tamaño comprimido (el límite de extracción)</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="339" />
            <source>{file} is refused: its members hold more than {size} MB (the limit of extraction)</source>
            <translation>{file} se rechaza: sus miembros ocupan más de {size} MB (el límite de extracción)</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="342" />
            <source>{file} needs more than {needed} MB to extract; {free} MB are free, and {margin} MB are kept free</source>
            <translation>{file} necesita más de {needed} MB para extraerse; hay {free} MB libres y se mantienen libres {margin} MB</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="379" />
            <source>cannot extract {member} from {file}: {reason}</source>
            <translation>no se puede extraer {member} de {file}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="396" />
            <source>no free folder name for {folder}</source>
            <translation>no hay ningún nombre de carpeta libre para {folder}</translation>
        </message>
        <message>
            <location filename="../core/errors.py" line="65" />
            <source>{view_id} is not in the scene store {store}</source>
            <translation>{view_id} no está en el almacén de escenas {store}</translation>
        </message>
        <message>
            <location filename="../core/errors.py" line="80" />
            <source>cancelled</source>
            <translation>cancelado</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="52" />
            <source>Unsupported band or operation: {detail}</source>
            <translation>Banda u operación no admitida: {detail}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="231" />
            <source>the end of the expression</source>
            <translation>el final de la expresión</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="232" />
            <source>'{token}' at position {position}</source>
            <translation>'{token}' en la posición {position}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="257" />
            <source>malformed number '{number}' at position {position}</source>
            <translation>número mal formado '{number}' en la posición {position}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="270" />
            <source>unexpected character '{character}' at position {position}</source>
            <translation>carácter inesperado '{character}' en la posición {position}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="288" />
            <source>the expression must be text, not {type}</source>
            <translation>la expresión debe ser texto, no {type}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="296" />
            <source>empty expression at position {position}</source>
            <translation>expresión vacía en la posición {position}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="297" />
            <source>empty expression</source>
            <translation>expresión vacía</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="326" />
            <source>unbalanced parentheses: ')' at position {position} has no matching '('</source>
            <translation>paréntesis desequilibrados: ')' en la posición {position} no tiene su '('</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="329" />
            <source>unexpected ',' at position {position}: commas separate expressions only at the top level of bm_type, and arguments only inside a function call</source>
            <translation>',' inesperada en la posición {position}: las comas separan expresiones solo en el nivel superior de bm_type, y argumentos solo dentro de una llamada a función</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="332" />
            <source>unexpected '{token}' at position {position}: an operator is missing before it</source>
            <translation>'{token}' inesperado en la posición {position}: falta un operador antes</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="338" />
            <source>the expression is nested too deeply near position {position} (at most {levels} levels)</source>
            <translation>la expresión está anidada demasiado profundamente cerca de la posición {position} (como máximo {levels} niveles)</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="394" />
            <source>the number {number} at position {position} is too large</source>
            <translation>el número {number} en la posición {position} es demasiado grande</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="405" />
            <source>empty parentheses at position {position}</source>
            <translation>paréntesis vacíos en la posición {position}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="416" />
            <source>unknown function '{function}' at position {position} (known: {known}); did you mean {suggestion}?</source>
            <translation>función desconocida '{function}' en la posición {position} (conocidas: {known}); ¿quiso decir {suggestion}?</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="419" />
            <source>unknown function '{function}' at position {position} (known: {known})</source>
            <translation>función desconocida '{function}' en la posición {position} (conocidas: {known})</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="438" />
            <source>{function} at position {position} takes at least {arguments} arguments, not {count}</source>
            <translation>{function} en la posición {position} admite al menos {arguments} argumentos, no {count}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="440" />
            <source>{function} at position {position} takes 1 argument, not {count}</source>
            <translation>{function} en la posición {position} admite 1 argumento, no {count}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="442" />
            <source>{function} at position {position} takes {arguments} arguments, not {count}</source>
            <translation>{function} en la posición {position} admite {arguments} argumentos, no {count}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="453" />
            <source>unbalanced parentheses: '(' at position {position} is never closed</source>
            <translation>paréntesis desequilibrados: '(' en la posición {position} nunca se cierra</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="456" />
            <source>unexpected ',' at position {position}: only a function call takes several arguments</source>
            <translation>',' inesperada en la posición {position}: solo una llamada a función admite varios argumentos</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="458" />
            <source>unexpected '{token}' at position {position}: expected ')' to close the '(' at position {opening}, or an operator</source>
            <translation>'{token}' inesperado en la posición {position}: se esperaba ')' para cerrar el '(' de la posición {opening}, o un operador</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="466" />
            <source>the expression ends too early at position {position}: a number, band or '(' is missing</source>
            <translation>la expresión termina demasiado pronto, en la posición {position}: falta un número, una banda o '('</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="472" />
            <source>unexpected ')' at position {position}: a number, band or '(' is missing before it</source>
            <translation>')' inesperado en la posición {position}: falta un número, una banda o '(' antes</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="474" />
            <source>unexpected '{token}' at position {position}: a number, band or '(' is expected there</source>
            <translation>'{token}' inesperado en la posición {position}: ahí se espera un número, una banda o '('</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="602" />
            <source>{name} is not a {sensor} band or alias (did you mean {suggestion}? names are case-sensitive)</source>
            <translation>{name} no es una banda ni un alias de {sensor} (¿quiso decir {suggestion}? los nombres distinguen mayúsculas y minúsculas)</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="604" />
            <source>{name} is not a {sensor} band or alias (did you mean {suggestion}? {sensor} names it so)</source>
            <translation>{name} no es una banda ni un alias de {sensor} (¿quiso decir {suggestion}? así la llama {sensor})</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="606" />
            <source>{name} is not a {sensor} band or alias ({name} is a function: write {name}(...))</source>
            <translation>{name} no es una banda ni un alias de {sensor} ({name} es una función: escriba {name}(...))</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="608" />
            <source>{name} is not a {sensor} band or alias</source>
            <translation>{name} no es una banda ni un alias de {sensor}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="673" />
            <source>band {band} was not read for the expression</source>
            <translation>la banda {band} no se leyó para la expresión</translation>
        </message>
        <message>
            <location filename="../core/fields_table.py" line="72" />
            <source>{path} is not a table of statistics of many polygons: it has no column {names}</source>
            <translation>{path} no es una tabla de estadísticas de muchos polígonos: no tiene la columna {names}</translation>
        </message>
        <message>
            <location filename="../core/fields_table.py" line="76" />
            <source>{path} cannot be read: {error}</source>
            <translation>no se puede leer {path}: {error}</translation>
        </message>
        <message>
            <location filename="../core/fields_table.py" line="78" />
            <source>{path} holds no polygon</source>
            <translation>{path} no contiene ningún polígono</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="178" />
            <source>cannot read {path}: it is a {driver} file, and scene bands are read only as GeoTIFF or JPEG 2000</source>
            <translation>no se puede leer {path}: es un archivo {driver}, y las bandas de escena solo se leen como GeoTIFF o JPEG 2000</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="181" />
            <source>not a GeoTIFF or JPEG 2000 raster</source>
            <translation>no es un ráster GeoTIFF ni JPEG 2000</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="182" />
            <source>cannot read {path}: {reason}</source>
            <translation>no se puede leer {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="211" />
            <source>cannot read {path}: it makes GDAL read {file}, and scene bands are read only from GeoTIFF or JPEG 2000 files</source>
            <translation>no se puede leer {path}: hace que GDAL lea {file}, y las bandas de escena solo se leen de archivos GeoTIFF o JPEG 2000</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="236" />
            <source>the file is empty</source>
            <translation>el archivo está vacío</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="263" />
            <source>read failed</source>
            <translation>error de lectura</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="264" />
            <source>cannot read pixels of {path}: {reason}</source>
            <translation>no se pueden leer los píxeles de {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="295" />
            <source>no transformation</source>
            <translation>sin transformación</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="296" />
            <source>cannot transform the area of interest to the raster's CRS: {reason}</source>
            <translation>no se puede transformar el área de interés al SRC del ráster: {reason}</translation>
        </message>
        <message>
            <location filename="../core/http_credentials.py" line="35" />
            <source>the header {name} of the authentication configuration cannot be sent: its name or value holds a line break or a colon</source>
            <translation>la cabecera {name} de la configuración de autenticación no se puede enviar: su nombre o valor contiene un salto de línea o dos puntos</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="216" />
            <source>the server does not serve parts of files (HTTP range requests), which reading only the blocks an area needs takes</source>
            <translation>el servidor no sirve partes de archivos (peticiones HTTP Range), que hacen falta para leer solo los bloques que toca un área</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="218" />
            <source>it is not a GeoTIFF (scene bands over HTTP are read only as cloud-optimized GeoTIFFs)</source>
            <translation>no es un GeoTIFF (las bandas de escenas por HTTP se leen solo como GeoTIFF optimizados para la nube)</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="230" />
            <source>cannot read {path}: it is not a cloud-optimized GeoTIFF (its pixels are stored in strips as wide as the image, so any area would fetch whole rows of it)</source>
            <translation>no se puede leer {path}: no es un GeoTIFF optimizado para la nube (sus píxeles se guardan en franjas tan anchas como la imagen, así que cualquier área traería filas enteras)</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="264" />
            <source>the connection was cut, also after {retries} retries</source>
            <translation>la conexión se cortó, también tras {retries} reintentos</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="286" />
            <source>access denied (HTTP {status}): the address needs credentials, or its signature has expired</source>
            <translation>acceso denegado (HTTP {status}): la dirección necesita credenciales, o su firma ha caducado</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="289" />
            <source>not found (HTTP {status})</source>
            <translation>no encontrado (HTTP {status})</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="291" />
            <source>too many requests (HTTP 429), also after {retries} retries</source>
            <translation>demasiadas peticiones (HTTP 429), también tras {retries} reintentos</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="293" />
            <source>the server failed (HTTP {status}), also after {retries} retries</source>
            <translation>el servidor falló (HTTP {status}), también tras {retries} reintentos</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="295" />
            <source>refused (HTTP {status})</source>
            <translation>rechazado (HTTP {status})</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="303" />
            <source>cannot connect ({reason})</source>
            <translation>no se puede conectar ({reason})</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="311" />
            <source>no answer within {seconds} s, also after {retries} retries</source>
            <translation>sin respuesta en {seconds} s, también tras {retries} reintentos</translation>
        </message>
        <message>
            <location filename="../core/http_store.py" line="50" />
            <source>{url} is not an http(s) URL</source>
            <translation>{url} no es una URL http(s)</translation>
        </message>
        <message>
            <location filename="../core/http_store.py" line="91" />
            <source>the scene store {store} lists no scenes over HTTP: it serves scenes by view_id only</source>
            <translation>el almacén de escenas {store} no lista escenas por HTTP: sirve escenas solo por view_id</translation>
        </message>
        <message>
            <location filename="../core/http_store.py" line="118" />
            <source>the server does not say whether it has the file</source>
            <translation>el servidor no dice si tiene el archivo</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="241" />
            <source>{name} is not an index the API knows (did you mean {suggestion}? index names are upper case)</source>
            <translation>{name} no es un índice que la API conozca (¿quiso decir {suggestion}? los nombres de índice van en mayúsculas)</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="243" />
            <source>{name} is not an index the API knows ({known})</source>
            <translation>{name} no es un índice que la API conozca ({known})</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="252" />
            <source>{index} needs the {alias} band ({title}), which {sensor} does not have</source>
            <translation>{index} necesita la banda {alias} ({title}), que {sensor} no tiene</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="270" />
            <source>{index} has no public definition; give the expression instead, e.g. (B08-B04)/(B08+B04)</source>
            <translation>{index} no tiene una definición pública; indique la expresión en su lugar, p. ej., (B08-B04)/(B08+B04)</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="279" />
            <source>{index} needs reflectance (0..1), and {sensor} bands are level-1 digital numbers, calibrated per scene with its MTL file; calibrate the bands first, or use an index without additive constants such as NDVI</source>
            <translation>{index} necesita reflectancia (0..1), y las bandas de {sensor} son niveles digitales de nivel 1, calibrados por escena con su archivo MTL; calibre primero las bandas o use un índice sin constantes aditivas, como NDVI</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="283" />
            <source>{index} needs reflectance (0..1), and {sensor} bands are 8-bit digital numbers without a radiometric calibration; calibrate the bands first, or use an index without additive constants such as NDVI</source>
            <translation>{index} necesita reflectancia (0..1), y las bandas de {sensor} son niveles digitales de 8 bits sin calibración radiométrica; calibre primero las bandas o use un índice sin constantes aditivas, como NDVI</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="287" />
            <source>{index} needs reflectance (0..1), and {sensor} bands are values without a known reflectance scale; calibrate the bands first, or use an index without additive constants such as NDVI</source>
            <translation>{index} necesita reflectancia (0..1), y las bandas de {sensor} son valores sin una escala de reflectancia conocida; calibre primero las bandas o use un índice sin constantes aditivas, como NDVI</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="304" />
            <source>{name} is an index name: give it on its own, not inside an expression (e.g. bm_type "{name},B04" gives two bands)</source>
            <translation>{name} es un nombre de índice: indíquelo solo, no dentro de una expresión (p. ej., bm_type "{name},B04" da dos bandas)</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="311" />
            <source>{problem}, nor an index the API knows ({known})</source>
            <translation>{problem}, ni un índice que la API conozca ({known})</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="329" />
            <source>bm_type must be text, not {type}</source>
            <translation>bm_type debe ser texto, no {type}</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="335" />
            <source>empty expression: give an index name such as NDVI or an expression such as (B08-B04)/(B08+B04)</source>
            <translation>expresión vacía: indique un nombre de índice como NDVI o una expresión como (B08-B04)/(B08+B04)</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="337" />
            <source>expression {number} of {count} is empty (position {position}): remove the extra comma</source>
            <translation>la expresión {number} de {count} está vacía (posición {position}): quite la coma sobrante</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="357" />
            <source>{index} = {formula} (bands as reflectance: value / {scale})</source>
            <translation>{index} = {formula} (bandas como reflectancia: valor / {scale})</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="359" />
            <source>{index} = {formula} (bands as reflectance: {sensor} bands must be calibrated first)</source>
            <translation>{index} = {formula} (bandas como reflectancia: las bandas de {sensor} deben calibrarse primero)</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="376" />
            <source>{count} expression(s); pick a scene to check its bands</source>
            <translation>{count} expresión(es); elija una escena para comprobar sus bandas</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="388" />
            <source>{expressions} · on the {resolution} m grid</source>
            <translation>{expressions} · en la cuadrícula de {resolution} m</translation>
        </message>
        <message>
            <location filename="../core/naming.py" line="31" />
            <source>{scene} · {request}</source>
            <translation>{scene} · {request}</translation>
        </message>
        <message>
            <location filename="../core/naming.py" line="71" />
            <source>{sensor} {date} {bands}</source>
            <translation>{sensor} {date} {bands}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="113" />
            <source>a request is at most {size} MiB; this one is larger</source>
            <translation>una petición ocupa como mucho {size} MiB; esta es mayor</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="117" />
            <source>is nested more than {depth} levels deep</source>
            <translation>está anidado a más de {depth} niveles</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="122" />
            <source>holds a number of {digits} digits (at most {maximum})</source>
            <translation>contiene un número de {digits} cifras (como mucho {maximum})</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="144" />
            <source>must be a JSON object with type and params</source>
            <translation>debe ser un objeto JSON con type y params</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="155" />
            <source>is not valid JSON: {reason} at line {line} column {column}</source>
            <translation>no es un JSON válido: {reason} en la línea {line}, columna {column}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="220" />
            <source>unknown field (a request has type, params and callback_url)</source>
            <translation>campo desconocido (una petición tiene type, params y callback_url)</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="223" />
            <source>missing: one of {task_types}</source>
            <translation>falta: uno de {task_types}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="226" />
            <source>{task_type} is not a task type (one of {task_types})</source>
            <translation>{task_type} no es un tipo de tarea (uno de {task_types})</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="232" />
            <source>must be an http:// or https:// URL</source>
            <translation>debe ser una URL http:// o https://</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="235" />
            <source>missing or not a JSON object</source>
            <translation>falta o no es un objeto JSON</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="239" />
            <source>is not a parameter of {task_type} (known: {known})</source>
            <translation>no es un parámetro de {task_type} (conocidos: {known})</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="264" />
            <source>missing</source>
            <translation>falta</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="267" />
            <source>must be a non-empty string</source>
            <translation>debe ser una cadena no vacía</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="278" />
            <source>missing: the API requires a unique id for each request (any string)</source>
            <translation>falta: la API exige un id único para cada petición (cualquier cadena)</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="290" />
            <source>must be true or false, not {value}</source>
            <translation>debe ser true o false, no {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="299" />
            <source>must be a number, not {value}</source>
            <translation>debe ser un número, no {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="301" />
            <source>must be greater than 0, not {value}</source>
            <translation>debe ser mayor que 0, no {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="303" />
            <source>must be between {minimum} and {maximum}, not {value}</source>
            <translation>debe estar entre {minimum} y {maximum}, no {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="314" />
            <source>must be a whole number, not {value}</source>
            <translation>debe ser un número entero, no {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="317" />
            <source>must be at least {minimum}, not {value}</source>
            <translation>debe ser al menos {minimum}, no {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="320" />
            <source>must be at most {maximum}, not {value}</source>
            <translation>debe ser como mucho {maximum}, no {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="335" />
            <source>must be a list of strings, not {value}</source>
            <translation>debe ser una lista de cadenas, no {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="338" />
            <source>must not be empty</source>
            <translation>no debe estar vacío</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="342" />
            <source>{item} is not a non-empty string</source>
            <translation>{item} no es una cadena no vacía</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="345" />
            <source>{item} is listed twice</source>
            <translation>{item} aparece dos veces</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="352" />
            <source>missing: a date YYYY-MM-DD</source>
            <translation>falta: una fecha YYYY-MM-DD</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="354" />
            <source>must be a date YYYY-MM-DD, not {value}</source>
            <translation>debe ser una fecha YYYY-MM-DD, no {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="361" />
            <source>{value} is not a date YYYY-MM-DD</source>
            <translation>{value} no es una fecha YYYY-MM-DD</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="372" />
            <source>give either geometry or bbox, not both</source>
            <translation>indique geometry o bbox, no ambos</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="378" />
            <source>missing: the area of interest as a GeoJSON Polygon in EPSG:4326</source>
            <translation>falta: el área de interés como GeoJSON Polygon en EPSG:4326</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="383" />
            <source>missing: the scene id, e.g. S2/33/U/UU/2017/2/16/0</source>
            <translation>falta: el id de la escena, p. ej., S2/33/U/UU/2017/2/16/0</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="395" />
            <source>{band} is not a {sensor} band (did you mean {suggestion}?)</source>
            <translation>{band} no es una banda de {sensor} (¿quiso decir {suggestion}?)</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="397" />
            <source>{band} is not a {sensor} band (bands: {bands})</source>
            <translation>{band} no es una banda de {sensor} (bandas: {bands})</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="407" />
            <source>{name} is not a metadata file (known: {known})</source>
            <translation>{name} no es un archivo de metadatos (conocidos: {known})</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="432" />
            <source>at most {maximum} expressions, not {count}</source>
            <translation>como mucho {maximum} expresiones, no {count}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="438" />
            <source>{value} has an empty expression between commas</source>
            <translation>{value} tiene una expresión vacía entre comas</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="448" />
            <source>{value} uses no band: give at least one band or index</source>
            <translation>{value} no usa ninguna banda: indique al menos una banda o un índice</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="461" />
            <source>must be two numbers 'low,high', not {value}</source>
            <translation>debe ser dos números 'bajo,alto', no {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="464" />
            <source>low must be smaller than high, not {value}</source>
            <translation>bajo debe ser menor que alto, no {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="475" />
            <source>give one expression, or three bands or expressions for red, green, blue</source>
            <translation>indique una expresión, o tres bandas o expresiones para rojo, verde, azul</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="479" />
            <source>{resample} is not a resampling method ({methods})</source>
            <translation>{resample} no es un método de remuestreo ({methods})</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="485" />
            <source>{format} is not a format ({formats})</source>
            <translation>{format} no es un formato ({formats})</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="491" />
            <source>must be 0 or 1, not {value}</source>
            <translation>debe ser 0 o 1, no {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="537" />
            <source>at most {maximum} indices, not {count}</source>
            <translation>como máximo {maximum} índices, no {count}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="543" />
            <source>{date_end} is before date_start {date_start}</source>
            <translation>{date_end} es anterior a date_start {date_start}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="548" />
            <source>{name} is not a sensor (e.g. sentinel2, landsat8, S2, L8, S2L2A)</source>
            <translation>{name} no es un sensor (p. ej., sentinel2, landsat8, S2, L8, S2L2A)</translation>
        </message>
        <message>
            <location filename="../core/results.py" line="34" />
            <source>No scene meets the AOI between {start} and {end}</source>
            <translation>Ninguna escena toca el AOI entre {start} y {end}</translation>
        </message>
        <message>
            <location filename="../core/runner.py" line="83" />
            <source>the output folder {folder} is a file, not a folder</source>
            <translation>la carpeta de salida {folder} es un archivo, no una carpeta</translation>
        </message>
        <message>
            <location filename="../core/runner.py" line="146" />
            <source>the disk of {folder} is full ({reason}); nothing was written</source>
            <translation>el disco de {folder} está lleno ({reason}); no se escribió nada</translation>
        </message>
        <message>
            <location filename="../core/runner.py" line="149" />
            <source>the system refused: {reason}</source>
            <translation>el sistema lo rechazó: {reason}</translation>
        </message>
        <message>
            <location filename="../core/runner.py" line="152" />
            <source>cannot write in the output folder {folder}: {reason}</source>
            <translation>no se puede escribir en la carpeta de salida {folder}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/runner.py" line="154" />
            <source>cannot write in the output folder {folder}: {path}: {reason}</source>
            <translation>no se puede escribir en la carpeta de salida {folder}: {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/runner.py" line="156" />
            <source>{path}: {reason}</source>
            <translation>{path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/scenes.py" line="139" />
            <source>scene {view_id} has no band {band} in the store (it has: {bands})</source>
            <translation>la escena {view_id} no tiene la banda {band} en el almacén (tiene: {bands})</translation>
        </message>
        <message>
            <location filename="../core/scenes.py" line="141" />
            <source>scene {view_id} has no band {band} in the store (it has: none)</source>
            <translation>la escena {view_id} no tiene la banda {band} en el almacén (tiene: ninguna)</translation>
        </message>
        <message>
            <location filename="../core/scenes.py" line="196" />
            <source>{path} is not georeferenced</source>
            <translation>{path} no está georreferenciado</translation>
        </message>
        <message>
            <location filename="../core/scenes.py" line="314" />
            <source>scene {view_id} is left out: none of its bands can be read</source>
            <translation>la escena {view_id} se omite: no se puede leer ninguna de sus bandas</translation>
        </message>
        <message>
            <location filename="../core/scenes.py" line="374" />
            <source>the scene folder {folder} does not exist</source>
            <translation>la carpeta de escenas {folder} no existe</translation>
        </message>
        <message>
            <location filename="../core/scenes.py" line="392" />
            <source>{path} is skipped: its name is not UTF-8</source>
            <translation>{path} se omite: su nombre no está en UTF-8</translation>
        </message>
        <message>
            <location filename="../core/scenes.py" line="424" />
            <source>(no scene folder)</source>
            <translation>(sin carpeta de escenas)</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="311" />
            <source>{view_id} has no valid date ({year}-{month}-{day})</source>
            <translation>{view_id} no tiene una fecha válida ({year}-{month}-{day})</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="319" />
            <source>{view_id} has no valid day of year ({year}, day {day_of_year})</source>
            <translation>{view_id} no tiene un día del año válido ({year}, día {day_of_year})</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="327" />
            <source>missing: give the scene id, e.g. S2/33/U/UU/2017/2/16/0</source>
            <translation>falta: indique el id de la escena, p. ej., S2/33/U/UU/2017/2/16/0</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="340" />
            <source>{view_id} is not a known scene id (expected S2/..., L8/..., L9/..., L7/..., L5/..., MODIS/... or NAIP/...)</source>
            <translation>{view_id} no es un id de escena conocido (se espera S2/..., L8/..., L9/..., L7/..., L5/..., MODIS/... o NAIP/...)</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="358" />
            <source>{view_id} is not a Sentinel-2 id of the form {form}, e.g. S2/33/U/UU/2017/2/16/0</source>
            <translation>{view_id} no es un id de Sentinel-2 de la forma {form}, p. ej., S2/33/U/UU/2017/2/16/0</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="363" />
            <source>{view_id}: UTM zone {zone} is not between 1 and 60</source>
            <translation>{view_id}: la zona UTM {zone} no está entre 1 y 60</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="367" />
            <source>{view_id}: zone, month, day and sequence are not zero-padded in view_ids ({canonical})</source>
            <translation>{view_id}: la zona, el mes, el día y la secuencia no se rellenan con ceros en los view_id ({canonical})</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="383" />
            <source>{view_id} is not a Landsat scene id (e.g. L8/LC80290332017076LGN00 or L8/LC08_L1TP_224078_20200518_20200518_01_RT)</source>
            <translation>{view_id} no es un id de escena Landsat (p. ej., L8/LC80290332017076LGN00 o L8/LC08_L1TP_224078_20200518_20200518_01_RT)</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="390" />
            <source>{view_id}: {kind} scenes are not supported</source>
            <translation>{view_id}: las escenas {kind} no se admiten</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="396" />
            <source>{view_id}: the prefix {prefix}/ does not match a Landsat {satellite} scene</source>
            <translation>{view_id}: el prefijo {prefix}/ no corresponde a una escena Landsat {satellite}</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="406" />
            <source>{view_id} is not a MODIS id of the form {form}, e.g. MODIS/12/04/2017204/2017213034223</source>
            <translation>{view_id} no es un id de MODIS de la forma {form}, p. ej., MODIS/12/04/2017204/2017213034223</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="411" />
            <source>{view_id}: MODIS tile {tile} is outside the grid (h 0-35, v 0-17)</source>
            <translation>{view_id}: la tesela MODIS {tile} está fuera de la cuadrícula (h 0-35, v 0-17)</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="422" />
            <source>{view_id}: a NAIP id needs the image name after NAIP/</source>
            <translation>{view_id}: un id de NAIP necesita el nombre de la imagen después de NAIP/</translation>
        </message>
        <message>
            <location filename="../core/series.py" line="56" />
            <source>{index} series of polygon {id} {first} to {last}</source>
            <translation>Serie de {index} del polígono {id} del {first} al {last}</translation>
        </message>
        <message>
            <location filename="../core/series.py" line="58" />
            <source>{index} series {first} to {last}</source>
            <translation>serie {index} de {first} a {last}</translation>
        </message>
        <message>
            <location filename="../core/sources.py" line="105" />
            <source>the scene source {url} refused access (HTTP 401): it needs credentials</source>
            <translation>la fuente de escenas {url} denegó el acceso (HTTP 401): necesita credenciales</translation>
        </message>
        <message>
            <location filename="../core/sources.py" line="110" />
            <source>the scene source {url} does not answer: {reason}</source>
            <translation>el origen de escenas {url} no responde: {reason}</translation>
        </message>
        <message>
            <location filename="../core/sources.py" line="136" />
            <source>{url} is no STAC API (its landing page has no search link), and a web server of scene folders cannot be searched: it serves scenes by view_id only</source>
            <translation>{url} no es una API STAC (su página de inicio no tiene enlace search), y un servidor web de carpetas de escenas no se puede buscar: sirve escenas solo por view_id</translation>
        </message>
        <message>
            <location filename="../core/statistics.py" line="266" />
            <source>{date} · {index}</source>
            <translation>{date} · {index}</translation>
        </message>
        <message>
            <location filename="../core/statistics.py" line="267" />
            <source>{figure} {value}</source>
            <translation>{figure} {value}</translation>
        </message>
        <message>
            <location filename="../core/statistics.py" line="270" />
            <source>cloud {cloud} %</source>
            <translation>nubosidad {cloud} %</translation>
        </message>
        <message>
            <location filename="../core/statistics.py" line="278" />
            <source>{date} · {scene} · not computed: {reason}</source>
            <translation>{date} · {scene} · no calculado: {reason}</translation>
        </message>
        <message>
            <location filename="../core/statistics.py" line="280" />
            <source>no reason given</source>
            <translation>sin motivo indicado</translation>
        </message>
        <message>
            <location filename="../core/vector.py" line="49" />
            <source>{path} holds no layer</source>
            <translation>{path} no contiene ninguna capa</translation>
        </message>
        <message>
            <location filename="../core/vector.py" line="54" />
            <source>{path} has no field {name} (its fields: {fields})</source>
            <translation>{path} no tiene el campo {name} (sus campos: {fields})</translation>
        </message>
        <message>
            <location filename="../core/vector.py" line="67" />
            <source>feature {id} of {path} is not a polygon ({kind})</source>
            <translation>el objeto {id} de {path} no es un polígono ({kind})</translation>
        </message>
        <message>
            <location filename="../core/vector.py" line="78" />
            <source>{path} holds no feature</source>
            <translation>{path} no contiene ningún objeto</translation>
        </message>
        <message>
            <location filename="../core/vector.py" line="90" />
            <source>not a vector file OGR can read</source>
            <translation>no es un archivo vectorial que OGR pueda leer</translation>
        </message>
        <message>
            <location filename="../core/local/bandmath.py" line="175" />
            <source>cannot resample {path} onto the grid of {resolution} m</source>
            <translation>no se puede remuestrear {path} a la cuadrícula de {resolution} m</translation>
        </message>
        <message>
            <location filename="../core/local/bandmath.py" line="329" />
            <source>the area of interest does not overlap scene {view_id}</source>
            <translation>el área de interés no se solapa con la escena {view_id}</translation>
        </message>
        <message>
            <location filename="../core/local/bandmath.py" line="351" />
            <source>a cloud mask</source>
            <translation>máscara de nubes</translation>
        </message>
        <message>
            <location filename="../core/local/bandmath.py" line="353" />
            <source>scene {view_id} of the same day meets the area of interest but is left out: it has no {what}</source>
            <translation>la escena {view_id} del mismo día toca el área de interés pero se deja fuera: no tiene {what}</translation>
        </message>
        <message>
            <location filename="../core/local/bandmath.py" line="479" />
            <source>nodata (-9999)</source>
            <translation>nodata (-9999)</translation>
        </message>
        <message>
            <location filename="../core/local/cloud_mask.py" line="95" />
            <source>cannot take the mask {path} onto the grid of the index</source>
            <translation>no se puede llevar la máscara {path} a la cuadrícula del índice</translation>
        </message>
        <message>
            <location filename="../core/local/cloud_mask.py" line="142" />
            <source>scene {view_id} has no cloud mask (no Fmask, QA_PIXEL, BQA or SCL band): its cloud and shadow pixels cannot be excluded; run it without exclude_cover_pixels</source>
            <translation>la escena {view_id} no tiene máscara de nubes (ninguna banda Fmask, QA_PIXEL, BQA o SCL): sus píxeles de nube y sombra no se pueden excluir; ejecútela sin exclude_cover_pixels</translation>
        </message>
        <message>
            <location filename="../core/local/cloud_mask.py" line="180" />
            <source>{masked} of the {total} pixels of the area of interest are cloud, cloud shadow or not observed in the scene's cloud mask ({mask}): {result}</source>
            <translation>{masked} de los {total} píxeles del área de interés son nube, sombra de nube o no observados en la máscara de nubes de la escena ({mask}): {result}</translation>
        </message>
        <message>
            <location filename="../core/local/field_stats.py" line="99" />
            <source>statistics of many polygons take an mt_stats request, not {type}</source>
            <translation>las estadísticas de muchos polígonos toman una petición mt_stats, no {type}</translation>
        </message>
        <message>
            <location filename="../core/local/field_stats.py" line="102" />
            <source>no polygon to compute statistics for</source>
            <translation>no hay ningún polígono para el que calcular estadísticas</translation>
        </message>
        <message>
            <location filename="../core/local/field_stats.py" line="132" />
            <source>statistics of many polygons take an mt_stats request</source>
            <translation>las estadísticas de muchos polígonos toman una petición mt_stats</translation>
        </message>
        <message>
            <location filename="../core/local/field_stats.py" line="442" />
            <source>{fields} field(s), {scenes} scene(s) between {date_start} and {date_end}: {pairs} field-scene pair(s)</source>
            <translation>{fields} campo(s), {scenes} escena(s) entre {date_start} y {date_end}: {pairs} par(es) campo-escena</translation>
        </message>
        <message>
            <location filename="../core/local/field_stats.py" line="498" />
            <source>no scene meets this polygon between {date_start} and {date_end}</source>
            <translation>ninguna escena toca este polígono entre {date_start} y {date_end}</translation>
        </message>
        <message>
            <location filename="../core/local/jpeg.py" line="110" />
            <source>black</source>
            <translation>negros</translation>
        </message>
        <message>
            <location filename="../core/local/jpeg.py" line="110" />
            <source>transparent</source>
            <translation>transparentes</translation>
        </message>
        <message>
            <location filename="../core/local/jpeg.py" line="217" />
            <source>the area of interest cannot be expressed in EPSG:3857 (too close to a pole?)</source>
            <translation>el área de interés no se puede expresar en EPSG:3857 (¿demasiado cerca de un polo?)</translation>
        </message>
        <message>
            <location filename="../core/local/jpeg.py" line="235" />
            <source>the rendering would be {width} x {height} pixels; give a larger px_size</source>
            <translation>la imagen tendría {width} x {height} píxeles; indique un px_size mayor</translation>
        </message>
        <message>
            <location filename="../core/local/jpeg.py" line="263" />
            <source>warp failed</source>
            <translation>falló la reproyección</translation>
        </message>
        <message>
            <location filename="../core/local/jpeg.py" line="264" />
            <source>cannot resample to EPSG:3857 with {method}: {reason}</source>
            <translation>no se puede remuestrear a EPSG:3857 con {method}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/local/jpeg.py" line="385" />
            <source>cannot write {path}: {reason}</source>
            <translation>no se puede escribir {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/local/lbe.py" line="109" />
            <source>the area of interest does not overlap scene {view_id} (band {band})</source>
            <translation>el área de interés no se solapa con la escena {view_id} (banda {band})</translation>
        </message>
        <message>
            <location filename="../core/local/lbe.py" line="120" />
            <source>scene {view_id} has no tile metadata ({kind}) in the store</source>
            <translation>la escena {view_id} no tiene metadatos de tesela ({kind}) en el almacén</translation>
        </message>
        <message>
            <location filename="../core/local/lbe.py" line="122" />
            <source>scene {view_id} has no product metadata ({kind}) in the store</source>
            <translation>la escena {view_id} no tiene metadatos de producto ({kind}) en el almacén</translation>
        </message>
        <message>
            <location filename="../core/local/mt_stats.py" line="354" />
            <source>no pixel of the area of interest is clear in the scene's cloud mask ({mask}): every valid pixel of {indices} is cloud, cloud shadow or the mask's fill</source>
            <translation>ningún píxel del área de interés está despejado en la máscara de nubes de la escena ({mask}): cada píxel válido de {indices} es nube, sombra de nube o relleno de la máscara</translation>
        </message>
        <message>
            <location filename="../core/local/mt_stats.py" line="358" />
            <source>no valid pixel of {indices} in the area of interest</source>
            <translation>ningún píxel válido de {indices} en el área de interés</translation>
        </message>
        <message>
            <location filename="../core/local/mt_stats.py" line="365" />
            <source>cloud cover in the area of interest {cloud} % is above max_cloud_cover_in_aoi {limit} %</source>
            <translation>la nubosidad en el área de interés, {cloud} %, supera max_cloud_cover_in_aoi, {limit} %</translation>
        </message>
        <message>
            <location filename="../core/local/mt_stats.py" line="425" />
            <source>{count} scene(s) between {date_start} and {date_end} meet the area</source>
            <translation>{count} escena(s) entre {date_start} y {date_end} intersecan el área</translation>
        </message>
        <message>
            <location filename="../core/local/observations.py" line="126" />
            <source>The area of interest leaves this scene: the crop holds only its part, and no listed scene of the same day holds the rest.</source>
            <translation>El área de interés sale de esta escena: el recorte solo contiene su parte, y ninguna escena listada del mismo día contiene el resto.</translation>
        </message>
        <message>
            <location filename="../core/local/observations.py" line="129" />
            <source>The area of interest leaves this scene: the crop holds only its part; the rest is in {scenes} (same day).</source>
            <translation>El área de interés sale de esta escena: el recorte solo contiene su parte; el resto está en {scenes} (mismo día).</translation>
        </message>
        <message>
            <location filename="../core/local/observations.py" line="131" />
            <source>The area of interest leaves this scene: the crop holds only its part; more of it is in {scenes} (same day), and some in no listed scene.</source>
            <translation>El área de interés sale de esta escena: el recorte solo contiene su parte; más está en {scenes} (mismo día), y otra parte en ninguna escena listada.</translation>
        </message>
        <message>
            <location filename="../core/local/pixel_history.py" line="89" />
            <source>the point needs a longitude and a latitude in degrees</source>
            <translation>el punto necesita una longitud y una latitud en grados</translation>
        </message>
        <message>
            <location filename="../core/local/pixel_history.py" line="91" />
            <source>the point {lon}, {lat} is not a longitude and latitude in degrees</source>
            <translation>el punto {lon}, {lat} no es una longitud y latitud en grados</translation>
        </message>
        <message>
            <location filename="../core/local/pixel_history.py" line="205" />
            <source>the scene's raster does not reach the point</source>
            <translation>el ráster de la escena no llega al punto</translation>
        </message>
        <message>
            <location filename="../core/local/pixel_history.py" line="289" />
            <source>give at least one index or expression</source>
            <translation>indique al menos un índice o una expresión</translation>
        </message>
        <message>
            <location filename="../core/local/pixel_history.py" line="294" />
            <source>no scene of the scene sources holds the point {lat}, {lon} between {start} and {end}</source>
            <translation>ninguna escena de los orígenes de escenas contiene el punto {lat}, {lon} entre {start} y {end}</translation>
        </message>
        <message>
            <location filename="../core/local/pixel_history.py" line="297" />
            <source>{count} scene(s) between {date_start} and {date_end} hold the point</source>
            <translation>{count} escena(s) entre {date_start} y {date_end} contienen el punto</translation>
        </message>
        <message>
            <location filename="../core/local/raster.py" line="108" />
            <source>{path} has a rotated geotransform, which the local processor does not crop</source>
            <translation>{path} tiene una geotransformación rotada, que el procesador local no recorta</translation>
        </message>
        <message>
            <location filename="../core/local/raster.py" line="391" />
            <source>rasterize failed</source>
            <translation>falló la rasterización</translation>
        </message>
        <message>
            <location filename="../core/local/raster.py" line="392" />
            <source>cannot rasterise the area of interest: {reason}</source>
            <translation>no se puede rasterizar el área de interés: {reason}</translation>
        </message>
        <message>
            <location filename="../core/local/writers.py" line="62" />
            <source>GeoTIFF creation failed</source>
            <translation>falló la creación del GeoTIFF</translation>
        </message>
        <message>
            <location filename="../core/local/writers.py" line="63" />
            <source>cannot create {path}: {reason}</source>
            <translation>no se puede crear {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/local/writers.py" line="82" />
            <source>write failed</source>
            <translation>falló la escritura</translation>
        </message>
        <message>
            <location filename="../core/local/writers.py" line="135" />
            <source>JPEG 2000 cannot hold {data_type} pixels; request this band with another band or with metadata to get GeoTIFFs</source>
            <translation>JPEG 2000 no admite píxeles {data_type}; pida esta banda junto con otra banda o con metadatos para obtener archivos GeoTIFF</translation>
        </message>
        <message>
            <location filename="../core/local/writers.py" line="140" />
            <source>this GDAL has no JPEG 2000 writer (JP2OpenJPEG driver)</source>
            <translation>este GDAL no tiene escritor de JPEG 2000 (controlador JP2OpenJPEG)</translation>
        </message>
        <message>
            <location filename="../core/local/writers.py" line="156" />
            <source>JPEG 2000 encoding failed</source>
            <translation>falló la codificación JPEG 2000</translation>
        </message>
        <message>
            <location filename="../core/remote/backend.py" line="64" />
            <source>an identical request ran as task {task_id}; using its result</source>
            <translation>una petición idéntica se ejecutó como tarea {task_id}; se usa su resultado</translation>
        </message>
        <message>
            <location filename="../core/remote/backend.py" line="71" />
            <source>an identical request is still running as task {task_id}: waiting for it</source>
            <translation>una petición idéntica aún se está ejecutando como tarea {task_id}: se espera a que termine</translation>
        </message>
        <message>
            <location filename="../core/remote/backend.py" line="76" />
            <source>task {task_id} created; waiting for the server</source>
            <translation>tarea {task_id} creada; esperando al servidor</translation>
        </message>
        <message>
            <location filename="../core/remote/backend.py" line="94" />
            <source>cancelled by the user; the server may still finish it</source>
            <translation>cancelada por el usuario; el servidor aún puede terminarla</translation>
        </message>
        <message>
            <location filename="../core/remote/backend.py" line="107" />
            <source>done</source>
            <translation>hecho</translation>
        </message>
        <message>
            <location filename="../core/remote/backend.py" line="116" />
            <source>task {task_id} is not in the task ledger any more</source>
            <translation>la tarea {task_id} ya no está en el registro de tareas</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="107" />
            <source>no API key: give --api-key or set LBE_API_KEY (in QGIS: an authentication configuration)</source>
            <translation>no hay clave de API: indique --api-key o defina LBE_API_KEY (en QGIS: una configuración de autenticación)</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="110" />
            <source>the API key holds a line break, a space, a control character or a non-ASCII character, which no key has: give the key alone, on one line</source>
            <translation>la clave de la API contiene un salto de línea, un espacio, un carácter de control o un carácter no ASCII, que ninguna clave tiene: indique solo la clave, en una línea</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="301" />
            <source>the waiting limit of {seconds} s</source>
            <translation>el límite de espera de {seconds} s</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="321" />
            <source>creating the task</source>
            <translation>crear la tarea</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="325" />
            <source>the API created no task (answer: {answer})</source>
            <translation>la API no creó ninguna tarea (respuesta: {answer})</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="344" />
            <source>the API answered a redirect without a Location</source>
            <translation>la API respondió con una redirección sin Location</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="347" />
            <source>the API does not know task {task_id} (it may have expired on the server)</source>
            <translation>la API no conoce la tarea {task_id} (puede haber caducado en el servidor)</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="350" />
            <source>asking for the task's status</source>
            <translation>pedir el estado de la tarea</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="369" />
            <source>the task failed on the server: {reason}</source>
            <translation>la tarea falló en el servidor: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="375" />
            <source>the API keeps answering in a way this plugin does not understand</source>
            <translation>la API sigue respondiendo de una forma que este complemento no entiende</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="387" />
            <source>the download limit of {seconds} s</source>
            <translation>el límite de descarga de {seconds} s</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="410" />
            <source>testing the connection</source>
            <translation>probar la conexión</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="412" />
            <source>{host} answered (HTTP {status}) and accepted the key</source>
            <translation>{host} respondió (HTTP {status}) y aceptó la clave</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="441" />
            <source>no connection to {host} within {seconds} s</source>
            <translation>sin conexión con {host} en {seconds} s</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="444" />
            <source>{host} took longer than {seconds} s to answer; the task may have been created anyway: look at the task list before running it again</source>
            <translation>{host} tardó más de {seconds} s en responder; puede que la tarea se haya creado igualmente: mire la lista de tareas antes de volver a ejecutarla</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="448" />
            <source>{host} did not send its whole answer within {seconds} s</source>
            <translation>{host} no envió su respuesta completa en {seconds} s</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="450" />
            <source>{host} did not answer within {seconds} s</source>
            <translation>{host} no respondió en {seconds} s</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="453" />
            <source>the answer of {host} is larger than {size}, the most an API answer may be</source>
            <translation>la respuesta de {host} supera {size}, el máximo que puede ocupar una respuesta de la API</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="457" />
            <source>cannot reach {host}: {reason}</source>
            <translation>no se puede acceder a {host}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="459" />
            <source>the request to {host} failed: {reason}</source>
            <translation>la petición a {host} falló: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="465" />
            <source>{host} refused {count} times in a row for its rate limit (HTTP 429); try again later</source>
            <translation>{host} rechazó {count} veces seguidas por su límite de peticiones (HTTP 429); inténtelo más tarde</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="470" />
            <source>the API asked to wait {seconds} s more for its rate limit</source>
            <translation>la API pidió esperar {seconds} s más por su límite de peticiones</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="473" />
            <source>rate limit reached at {host}: waiting {seconds} s as it asks</source>
            <translation>límite de frecuencia alcanzado en {host}: se esperan {seconds} s, como pide</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="479" />
            <source>{host} answered HTTP {status} ({answer})</source>
            <translation>{host} respondió HTTP {status} ({answer})</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="483" />
            <source>{problem}; gave up after {attempts} attempts</source>
            <translation>{problem}; se abandona tras {attempts} intentos</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="486" />
            <source>{problem}; next try in {seconds} s</source>
            <translation>{problem}; siguiente intento en {seconds} s</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="488" />
            <source>{problem}; trying again in {seconds} s</source>
            <translation>{problem}; nuevo intento en {seconds} s</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="569" />
            <source>{host} answered HTTP {status} for the result file ({answer})</source>
            <translation>{host} respondió HTTP {status} para el archivo de resultado ({answer})</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="607" />
            <source>{received} bytes received</source>
            <translation>{received} bytes recibidos</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="610" />
            <source>the download from {host} stopped after {received} of {expected} bytes</source>
            <translation>la descarga desde {host} se detuvo tras {received} de {expected} bytes</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="614" />
            <source>the download from {host} was cut off after {received} bytes ({reason})</source>
            <translation>la descarga desde {host} se cortó tras {received} bytes ({reason})</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="622" />
            <source>{problem}; resuming</source>
            <translation>{problem}; reanudando</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="628" />
            <source>the result file is larger than {limit}, the most a download may be</source>
            <translation>el archivo de resultado supera {limit}, el máximo que puede ocupar una descarga</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="639" />
            <source>the result file ({size}) does not fit in {folder}: {free} free, and {margin} are kept free; make room and resume the task</source>
            <translation>el archivo de resultado ({size}) no cabe en {folder}: hay {free} libres y se mantienen libres {margin}; libere espacio y reanude la tarea</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="644" />
            <source>the disk of {folder} is nearly full ({free} free, {margin} are kept free): the download stopped after {received}; make room and resume the task</source>
            <translation>el disco de {folder} está casi lleno ({free} libres, se mantienen libres {margin}): la descarga se detuvo tras {received}; libere espacio y reanude la tarea</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="668" />
            <source>the task was not created within {limit}; nothing was sent to run</source>
            <translation>la tarea no se creó dentro de {limit}; no se envió nada a ejecutar</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="670" />
            <source>the task was not created within {limit}; if the server took it all the same, it may run anyway: look at the task list before running it again</source>
            <translation>la tarea no se creó dentro de {limit}; si el servidor la aceptó de todos modos, puede ejecutarse igualmente: mire la lista de tareas antes de ejecutarla otra vez</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="673" />
            <source>the result was not downloaded within {limit}; the task is done on the server: {resume}</source>
            <translation>el resultado no se descargó dentro de {limit}; la tarea está hecha en el servidor: {resume}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="675" />
            <source>the API did not answer within {limit}</source>
            <translation>la API no respondió dentro de {limit}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="677" />
            <source>the task did not finish within {limit}; it may still finish on the server: {resume}</source>
            <translation>la tarea no terminó dentro de {limit}; aún puede terminar en el servidor: {resume}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="679" />
            <source>it is kept in the task ledger, to resume later from the task list (or by running the same request again)</source>
            <translation>queda en el registro de tareas, para reanudarla después desde la lista de tareas (o ejecutando otra vez la misma petición)</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="682" />
            <source>without a task ledger, it cannot be resumed</source>
            <translation>sin registro de tareas no se puede reanudar</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="689" />
            <source>its task_timeout of {seconds} s</source>
            <translation>su task_timeout de {seconds} s</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="727" />
            <source>the API's answer when {doing} is not JSON: {answer}</source>
            <translation>la respuesta de la API al {doing} no es JSON: {answer}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="729" />
            <source>the answer of {host} when {doing} is not JSON: {answer}</source>
            <translation>la respuesta de {host} al {doing} no es JSON: {answer}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="739" />
            <source>{host} answered HTTP {status} when {doing}: {reason}</source>
            <translation>{host} respondió HTTP {status} al {doing}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="740" />
            <source>no message</source>
            <translation>sin mensaje</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="744" />
            <source>the API refused the key (HTTP {status}: {reason}): check the API key of the authentication configuration</source>
            <translation>la API rechazó la clave (HTTP {status}: {reason}): compruebe la clave de API de la configuración de autenticación</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="747" />
            <source>the API refused the key (HTTP {status}): check the API key of the authentication configuration</source>
            <translation>la API rechazó la clave (HTTP {status}): compruebe la clave de API de la configuración de autenticación</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="754" />
            <source>the API rejected the request: {reason}</source>
            <translation>la API rechazó la petición: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="756" />
            <source>HTTP {status} when {doing}: {reason}</source>
            <translation>HTTP {status} al {doing}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="778" />
            <source>{count} bytes</source>
            <translation>{count} bytes</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="849" />
            <source>the result file is of no known type (it starts with {start})</source>
            <translation>el archivo de resultado no es de ningún tipo conocido (empieza por {start})</translation>
        </message>
        <message>
            <location filename="../core/remote/fields.py" line="121" />
            <source>polygon {number} of {count} ({id})</source>
            <translation>polígono {number} de {count} ({id})</translation>
        </message>
        <message>
            <location filename="../core/remote/fields.py" line="132" />
            <source>polygon {id}: {reason}</source>
            <translation>polígono {id}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="233" />
            <source>a task in the ledger is not a JSON object: {data}</source>
            <translation>una tarea del registro no es un objeto JSON: {data}</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="236" />
            <source>a task in the ledger has no task_id: {data}</source>
            <translation>una tarea del registro no tiene task_id: {data}</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="267" />
            <source>{status} is not a task status (one of {statuses})</source>
            <translation>{status} no es un estado de tarea (uno de {statuses})</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="286" />
            <source>a task needs a task_id to be recorded</source>
            <translation>una tarea necesita un task_id para registrarse</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="326" />
            <source>cannot use the task ledger {path}: {reason}</source>
            <translation>no se puede usar el registro de tareas {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="333" />
            <source>{what} {path} is not a regular file ({kind}): give the path of a regular file, or of one that does not exist yet (on the command line, --no-ledger or an empty LBE_LEDGER turns the ledger off)</source>
            <translation>{what} {path} no es un archivo normal ({kind}): indique la ruta de un archivo normal o de uno que aún no exista (en la línea de órdenes, --no-ledger o un LBE_LEDGER vacío desactivan el registro)</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="341" />
            <source>a symbolic link</source>
            <translation>un enlace simbólico</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="343" />
            <source>a folder</source>
            <translation>una carpeta</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="345" />
            <source>a device</source>
            <translation>un dispositivo</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="347" />
            <source>a pipe</source>
            <translation>una tubería</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="349" />
            <source>a socket</source>
            <translation>un socket</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="350" />
            <source>not a file</source>
            <translation>no es un archivo</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="396" />
            <source>the task ledger</source>
            <translation>el registro de tareas</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="397" />
            <source>the task ledger's lock file</source>
            <translation>el archivo de bloqueo del registro de tareas</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="448" />
            <source>a task's id cannot change; forget it and add the new one</source>
            <translation>el id de una tarea no puede cambiar; olvide la tarea y añada la nueva</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="451" />
            <source>{field} is not a field of a ledger entry</source>
            <translation>{field} no es un campo de una entrada del registro</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="456" />
            <source>task {task_id} is not in the task ledger {path}</source>
            <translation>la tarea {task_id} no está en el registro de tareas {path}</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="505" />
            <source>expired on the server (task_timeout passed)</source>
            <translation>caducada en el servidor (pasó el task_timeout)</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="571" />
            <source>cannot read the task ledger {path}: {reason}</source>
            <translation>no se puede leer el registro de tareas {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="600" />
            <source>the task ledger {path} is corrupt and cannot be moved aside: {reason}</source>
            <translation>el registro de tareas {path} está dañado y no se puede apartar: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="628" />
            <source>cannot write the task ledger {path}: {reason}</source>
            <translation>no se puede escribir el registro de tareas {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="74" />
            <source>{name} is not a sensor the scene search knows (datasets: {known}; short names such as S2, S2L2A, L8 work too)</source>
            <translation>{name} no es un sensor que conozca la búsqueda de escenas (conjuntos de datos: {known}; también valen nombres cortos como S2, S2L2A, L8)</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="119" />
            <source>the scene search gave no footprint for {view_id}</source>
            <translation>la búsqueda de escenas no dio ninguna huella para {view_id}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="198" />
            <source>searching scenes</source>
            <translation>buscar escenas</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="211" />
            <source>scene search: page {page}, {count} results</source>
            <translation>búsqueda de escenas: página {page}, {count} resultados</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="218" />
            <source>{count} search result(s) without a view_id skipped</source>
            <translation>{count} resultado(s) de búsqueda sin view_id omitido(s)</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="222" />
            <source>more than {seen} scenes match ({total}); narrow the dates or the area</source>
            <translation>coinciden más de {seen} escenas ({total}); acote las fechas o el área</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="225" />
            <source>more than {seen} scenes may match; narrow the dates or the area</source>
            <translation>pueden coincidir más de {seen} escenas; acote las fechas o el área</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="235" />
            <source>the first date {first} is after the last date {last}</source>
            <translation>la primera fecha {first} es posterior a la última fecha {last}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="238" />
            <source>must be a percentage between 0 and 100, not {value}</source>
            <translation>debe ser un porcentaje entre 0 y 100, no {value}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="242" />
            <source>must be a positive whole number, not {value}</source>
            <translation>debe ser un número entero positivo, no {value}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="244" />
            <source>must be one of {choices}, not {value}</source>
            <translation>debe ser uno de {choices}, no {value}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="266" />
            <source>the scene search answered something other than an object: {answer}</source>
            <translation>la búsqueda de escenas respondió algo que no es un objeto: {answer}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="286" />
            <source>the scene search failed: {reason}</source>
            <translation>la búsqueda de escenas falló: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="287" />
            <source>the scene search's answer holds no list of results: {answer}</source>
            <translation>la respuesta de la búsqueda de escenas no contiene ninguna lista de resultados: {answer}</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="107" />
            <source>{url} does not answer as a STAC API: its landing page has no search link</source>
            <translation>{url} no responde como una API STAC: su página de inicio no tiene enlace search</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="121" />
            <source>reading the STAC landing page</source>
            <translation>leer la página de inicio STAC</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="125" />
            <source>{url} does not answer as a STAC API (HTTP {status})</source>
            <translation>{url} no responde como una API STAC (HTTP {status})</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="128" />
            <source>{url} does not answer as a STAC API (its answer is no catalog: {answer})</source>
            <translation>{url} no responde como una API STAC (su respuesta no es un catálogo: {answer})</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="137" />
            <source>reading the STAC conformance classes</source>
            <translation>leer las clases de conformidad STAC</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="222" />
            <source>searching the STAC catalog</source>
            <translation>buscar en el catálogo STAC</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="225" />
            <source>the search of {url} answered no FeatureCollection: {answer}</source>
            <translation>la búsqueda de {url} no respondió una FeatureCollection: {answer}</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="238" />
            <source>STAC search: page {page}, {count} items</source>
            <translation>búsqueda STAC: página {page}, {count} elementos</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="260" />
            <source>more than {count} items match; narrow the dates or the area</source>
            <translation>coinciden más de {count} elementos; acote las fechas o el área</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="262" />
            <source>the search of {url} was left after {pages} pages</source>
            <translation>la búsqueda de {url} se dejó tras {pages} páginas</translation>
        </message>
        <message>
            <location filename="../core/stac/items.py" line="75" />
            <source>{band} is not a band of the collection {collection} at {catalog} (item {item} has: {bands})</source>
            <translation>{band} no es una banda de la colección {collection} en {catalog} (el elemento {item} tiene: {bands})</translation>
        </message>
        <message>
            <location filename="../core/stac/items.py" line="269" />
            <source>{band} is not a band of the collection {collection} at {catalog} ({view_id} has no asset {keys})</source>
            <translation>{band} no es una banda de la colección {collection} en {catalog} ({view_id} no tiene el recurso {keys})</translation>
        </message>
        <message>
            <location filename="../core/stac/items.py" line="285" />
            <source>the item {item} of {catalog} has no footprint geometry</source>
            <translation>el elemento {item} de {catalog} no tiene geometría de huella</translation>
        </message>
        <message>
            <location filename="../core/stac/signing.py" line="90" />
            <source>asking for a token to read {collection}</source>
            <translation>pedir un token para leer {collection}</translation>
        </message>
        <message>
            <location filename="../core/stac/signing.py" line="94" />
            <source>the token service {url} gave no token for {collection}: {answer}</source>
            <translation>el servicio de tokens {url} no dio ningún token para {collection}: {answer}</translation>
        </message>
        <message>
            <location filename="../core/stac/sources.py" line="251" />
            <source>{count} item(s) of {url} are of no scene the plugin knows, skipped</source>
            <translation>{count} elemento(s) de {url} no son de ninguna escena que el complemento conozca; se omiten</translation>
        </message>
        <message>
            <location filename="../services/aoi.py" line="77" />
            <source>the layer has no coordinate reference system</source>
            <translation>la capa no tiene sistema de referencia de coordenadas</translation>
        </message>
        <message>
            <location filename="../services/aoi.py" line="80" />
            <source>the features cannot be dissolved into one geometry: {error}</source>
            <translation>las entidades no se pueden disolver en una sola geometría: {error}</translation>
        </message>
        <message>
            <location filename="../services/aoi.py" line="90" />
            <source>cannot be transformed to {crs}: {error}</source>
            <translation>no se puede transformar a {crs}: {error}</translation>
        </message>
        <message>
            <location filename="../services/backends.py" line="38" />
            <source>no scene folder is set: add one in the plugin's settings</source>
            <translation>no hay carpeta de escenas: añada una en la configuración del complemento</translation>
        </message>
        <message>
            <location filename="../services/network.py" line="52" />
            <source>the key comes from the authentication configuration “{name}” ({config})</source>
            <translation>la clave viene de la configuración de autenticación «{name}» ({config})</translation>
        </message>
        <message>
            <location filename="../services/network.py" line="56" />
            <source>the key comes from the authentication configuration “{name}” ({config}), which QGIS applies to each call; the API reads the key from the {header} header only: an API Header configuration whose header {header} holds the key sends it so (“Set key…” makes one)</source>
            <translation>la clave viene de la configuración de autenticación «{name}» ({config}), que QGIS aplica a cada llamada; la API lee la clave solo de la cabecera {header}: una configuración API Header cuya cabecera {header} contiene la clave la envía así («Definir clave…» crea una)</translation>
        </message>
        <message>
            <location filename="../services/network.py" line="82" />
            <source>the key could not be saved in QGIS's authentication database</source>
            <translation>no se pudo guardar la clave en la base de datos de autenticación de QGIS</translation>
        </message>
        <message>
            <location filename="../services/network.py" line="85" />
            <source>the key could not be saved in QGIS's authentication database (is the master password set?)</source>
            <translation>no se pudo guardar la clave en la base de datos de autenticación de QGIS (¿está establecida la contraseña maestra?)</translation>
        </message>
        <message>
            <location filename="../services/network.py" line="100" />
            <source>no API key: choose the authentication configuration that holds it (Settings, Processing API)</source>
            <translation>no hay clave de API: elija la configuración de autenticación que la contiene (Configuración, Processing API)</translation>
        </message>
        <message>
            <location filename="../services/network.py" line="110" />
            <source>the authentication configuration {config} cannot be read (is the master password set, and does the configuration still exist?)</source>
            <translation>la configuración de autenticación {config} no se puede leer (¿está establecida la contraseña maestra y existe todavía la configuración?)</translation>
        </message>
        <message>
            <location filename="../services/network.py" line="136" />
            <source>the authentication configuration {config} holds no key in its {field} field</source>
            <translation>la configuración de autenticación {config} no contiene ninguna clave en su campo {field}</translation>
        </message>
        <message>
            <location filename="../services/result_layers.py" line="92" />
            <source>not a raster QGIS can read</source>
            <translation>no es un ráster que QGIS pueda leer</translation>
        </message>
        <message>
            <location filename="../services/result_layers.py" line="93" />
            <source>cannot load {file} as a layer: {reason}</source>
            <translation>no se puede cargar {file} como capa: {reason}</translation>
        </message>
        <message>
            <location filename="../services/scene_sources.py" line="101" />
            <source>the scene source {url} cannot be used: {problem}</source>
            <translation>la fuente de escenas {url} no se puede usar: {problem}</translation>
        </message>
        <message>
            <location filename="../services/scene_sources.py" line="121" />
            <source>the authentication configuration {config} could not be applied to {url}</source>
            <translation>no se pudo aplicar la configuración de autenticación {config} a {url}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="186" />
            <source>Load By Extent: {what}</source>
            <translation>Load By Extent: {what}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="198" />
            <source>cancelled; nothing was written</source>
            <translation>cancelada; no se escribió nada</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="234" />
            <source>unfinished on the server: task {task_id}</source>
            <translation>sin terminar en el servidor: tarea {task_id}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="245" />
            <source>resumed in a new row</source>
            <translation>reanudada en una fila nueva</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="322" />
            <source>statistics saved: {file}</source>
            <translation>estadísticas guardadas: {file}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="329" />
            <source>the result could not be loaded: {error}</source>
            <translation>no se pudo cargar el resultado: {error}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="333" />
            <source>{count} layer(s) loaded</source>
            <translation>{count} capa(s) cargada(s)</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="349" />
            <source>{title} ({count} dates)</source>
            <translation>{title} ({count} fechas)</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="359" />
            <source>date {number} of {total}: {date}</source>
            <translation>fecha {number} de {total}: {date}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="381" />
            <source>no date could be loaded: {failures}</source>
            <translation>no se pudo cargar ninguna fecha: {failures}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="384" />
            <source>{done} of {total} dates loaded</source>
            <translation>{done} de {total} fechas cargadas</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="386" />
            <source>{text}; failed: {failures}</source>
            <translation>{text}; fallaron: {failures}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="401" />
            <source>cancelled after {done} of {total} dates; their layers stay</source>
            <translation>cancelado tras {done} de {total} fechas; sus capas se quedan</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="429" />
            <source>{index} at the pixel {lat}, {lon}</source>
            <translation>{index} en el píxel {lat}, {lon}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="439" />
            <source>{count} date(s) at the pixel</source>
            <translation>{count} fecha(s) en el píxel</translation>
        </message>
        <message>
            <location filename="../services/tasks.py" line="42" />
            <source>internal error ({error_type}: {error}); the details are in the {tag} log</source>
            <translation>error interno ({error_type}: {error}); los detalles están en el registro {tag}</translation>
        </message>
        <message>
            <location filename="../services/tasks.py" line="102" />
            <source>{description} (cancelled)</source>
            <translation>{description} (cancelada)</translation>
        </message>
        <message>
            <location filename="../services/tasks.py" line="107" />
            <source>the task stopped without a result</source>
            <translation>la tarea se detuvo sin resultado</translation>
        </message>
        <message>
            <location filename="../services/tasks.py" line="159" />
            <source>Load By Extent: searching scenes</source>
            <translation>Load By Extent: buscando escenas</translation>
        </message>
        <message>
            <location filename="../services/tasks.py" line="180" />
            <source>the scene search stopped</source>
            <translation>la búsqueda de escenas se detuvo</translation>
        </message>
        <message>
            <location filename="../services/tasks.py" line="197" />
            <source>catalogs are searched for an area of interest: draw one to list their scenes</source>
            <translation>los catálogos se buscan para un área de interés: dibuje una para listar sus escenas</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="30" />
            <source>Exclude cloud and shadow pixels</source>
            <translation>Excluir los píxeles de nube y de sombra</translation>
        </message>
        <message>
            <location filename="../ui/map_zoom.py" line="28" />
            <source>The map's CRS ({crs}) cannot show {what}; the map stays where it was.</source>
            <translation>El SRC del mapa ({crs}) no puede mostrar {what}; el mapa se queda donde estaba.</translation>
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="186" />
            <source>p10–p90</source>
            <translation>p10–p90</translation>
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="191" />
            <source>q1–q3</source>
            <translation>q1–q3</translation>
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="199" />
            <source>min–max</source>
            <translation>mín–máx</translation>
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="204" />
            <source>{index} median</source>
            <translation>mediana de {index}</translation>
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="204" />
            <source>median</source>
            <translation>mediana</translation>
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="217" />
            <source>cloud %</source>
            <translation>nubosidad %</translation>
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="231" />
            <source>not computed</source>
            <translation>no calculado</translation>
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="236" />
            <source>No statistics in this answer</source>
            <translation>No hay estadísticas en esta respuesta</translation>
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="244" />
            <source>index value</source>
            <translation>valor del índice</translation>
        </message>
        <message>
            <source>1 argument</source>
            <translation type="vanished">1 argumento</translation>
        </message>
        <message>
            <source>A polygon needs at least 3 vertices</source>
            <translation type="vanished">Un polígono necesita al menos 3 vértices</translation>
        </message>
        <message>
            <source>No feature is selected in {layer}.</source>
            <translation type="vanished">No hay ningún objeto seleccionado en {layer}.</translation>
        </message>
        <message>
            <source>Select polygons in a polygon layer and make it the active layer first.</source>
            <translation type="vanished">Seleccione primero polígonos en una capa de polígonos y conviértala en la capa activa.</translation>
        </message>
        <message>
            <source>The polygon crosses itself: remove vertices with Backspace and draw it again</source>
            <translation type="vanished">El polígono se cruza a sí mismo: quite vértices con Backspace y vuelva a dibujarlo</translation>
        </message>
        <message>
            <source>The polygon has no area: its vertices are on one line</source>
            <translation type="vanished">El polígono no tiene área: sus vértices están sobre una línea</translation>
        </message>
        <message>
            <source>The selected features of {layer} have no geometry.</source>
            <translation type="vanished">Los objetos seleccionados de {layer} no tienen geometría.</translation>
        </message>
        <message>
            <source>at least {count} arguments</source>
            <translation type="vanished">al menos {count} argumentos</translation>
        </message>
        <message>
            <source>internal error: {error_type}: {error}</source>
            <translation type="vanished">error interno: {error_type}: {error}</translation>
        </message>
        <message>
            <source>no area of interest: draw one or pick a source</source>
            <translation type="vanished">sin área de interés: dibuje una o elija una fuente</translation>
        </message>
        <message>
            <source>no scene folder: give SCENES, or add a scene folder in the plugin's settings</source>
            <translation type="vanished">sin carpeta de escenas: indique SCENES o añada una carpeta de escenas en la configuración del complemento</translation>
        </message>
        <message>
            <source>not a raster GDAL can read</source>
            <translation type="vanished">no es un ráster que GDAL pueda leer</translation>
        </message>
        <message>
            <source>the authentication configuration {config} uses the method {method}; keep the key in a Basic (password), EsriToken or API Header configuration</source>
            <translation type="vanished">la configuración de autenticación {config} usa el método {method}; guarde la clave en una configuración Basic (contraseña), EsriToken o API Header</translation>
        </message>
        <message>
            <source>the embedded processor does not run {task_type} tasks yet</source>
            <translation type="vanished">el procesador integrado todavía no ejecuta tareas {task_type}</translation>
        </message>
        <message>
            <source>the task did not finish within {limit}; it may still finish on the server: resume it later from the task list</source>
            <translation type="vanished">la tarea no terminó dentro de {limit}; aún puede terminar en el servidor: reanúdela más tarde desde la lista de tareas</translation>
        </message>
        <message>
            <source>this task takes one polygon, and the area of interest has {count} separate parts</source>
            <translation type="vanished">esta tarea admite un solo polígono, y el área de interés tiene {count} partes separadas</translation>
        </message>
        <message>
            <source>{count} arguments</source>
            <translation type="vanished">{count} argumentos</translation>
        </message>
        <message>
            <source>{count} selected feature(s) of {layer}</source>
            <translation type="vanished">{count} objeto(s) seleccionado(s) de {layer}</translation>
        </message>
        <message>
            <source>{file} needs {needed} MB to extract, {free} MB are free in {folder}</source>
            <translation type="vanished">{file} necesita {needed} MB para extraerse y hay {free} MB libres en {folder}</translation>
        </message>
        <message>
            <source>{limit} (the API asked to wait longer: rate limit)</source>
            <translation type="vanished">{limit} (la API pidió esperar más: límite de frecuencia)</translation>
        </message>
        <message>
            <source>{path} has a rotated geotransform, which the embedded processor does not crop</source>
            <translation type="vanished">{path} tiene una geotransformación rotada, que el procesador integrado no recorta</translation>
        </message>
    </context>
    <context>
        <name>LoadByExtentAlgorithm</name>
        <message>
            <location filename="../processing/algorithms.py" line="253" />
            <source>Tasks</source>
            <translation>Tareas</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="264" />
            <source>Area of interest (polygons, dissolved into one)</source>
            <translation>Área de interés (polígonos, disueltos en uno)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="268" />
            <source>Scene folder or catalog URL (empty: the scene sources of the plugin's settings)</source>
            <translation>Carpeta de escenas o URL de catálogo (vacío: los orígenes de escenas de la configuración del complemento)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="272" />
            <source>Processing API base URL (empty: the local processor)</source>
            <translation>URL base de la Processing API (vacío: el procesador local)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="274" />
            <source>Output folder</source>
            <translation>Carpeta de salida</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="275" />
            <source>Result files (separated by ';', main file first)</source>
            <translation>Archivos de resultado (separados por ';', el principal primero)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="276" />
            <source>The request run (the API's JSON)</source>
            <translation>La petición ejecutada (el JSON de la API)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="287" />
            <source>Scene id (view_id, e.g. S2/33/U/UU/2017/2/16/0)</source>
            <translation>Id de la escena (view_id, p. ej., S2/33/U/UU/2017/2/16/0)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="318" />
            <source>no feature with a geometry (with 'Selected features only', select at least one polygon)</source>
            <translation>ningún objeto con geometría (con 'Solo objetos seleccionados', seleccione al menos un polígono)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="325" />
            <source>the {task} task takes one polygon, and the features make {count} separate polygons: select features that touch or overlap, or a single one</source>
            <translation>la tarea {task} admite un solo polígono, y los objetos forman {count} polígonos separados: seleccione objetos que se toquen o se solapen, o uno solo</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="336" />
            <source>Cancelled: nothing was written.</source>
            <translation>Cancelado: no se escribió nada.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="348" />
            <source>{parameter} ({field}): {message}</source>
            <translation>{parameter} ({field}): {message}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="384" />
            <source>Request: {request}</source>
            <translation>Petición: {request}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="385" />
            <source>Running on {backend}</source>
            <translation>Se ejecuta en {backend}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="386" />
            <source>the Processing API</source>
            <translation>la Processing API</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="387" />
            <source>the local processor</source>
            <translation>el procesador local</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="389" />
            <source>Result: {files}</source>
            <translation>Resultado: {files}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="418" />
            <source>Not loaded as a layer: {reason}</source>
            <translation>No se cargó como capa: {reason}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="434" />
            <source>&lt;h3&gt;Area and where it runs&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Área y dónde se ejecuta&lt;/h3&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="435" />
            <source>&lt;p&gt;&lt;b&gt;AOI&lt;/b&gt;: a polygon layer. Its features (only the selected ones with &lt;i&gt;Selected features only&lt;/i&gt;) are dissolved into one geometry and sent in EPSG:4326. {rule}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;AOI&lt;/b&gt;: una capa de polígonos. Sus objetos (solo los seleccionados con &lt;i&gt;Solo objetos seleccionados&lt;/i&gt;) se disuelven en una sola geometría y se envían en EPSG:4326. {rule}&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="437" />
            <source>The task takes one polygon: features that make separate polygons are an error.</source>
            <translation>La tarea admite un solo polígono: los objetos que forman polígonos separados son un error.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="438" />
            <source>Separate polygons are sent as a MultiPolygon.</source>
            <translation>Los polígonos separados se envían como MultiPolygon.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="439" />
            <source>&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: where the local processor finds scenes: a scene folder, or the http(s) URL of a STAC API (e.g. {catalog}) or of a web server of scene folders; several separated by ';'; empty: the scene sources of the plugin's settings. From a catalog, only the blocks of the bands that the AOI touches are read, through QGIS's proxy; no key is needed.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: dónde encuentra escenas el procesador local: una carpeta de escenas, o la URL http(s) de una API STAC (p. ej. {catalog}) o de un servidor web de carpetas de escenas; varias separadas por «;»; vacío: los orígenes de escenas de la configuración del complemento. De un catálogo se leen solo los bloques de las bandas que toca el AOI, a través del proxy de QGIS; no hace falta clave.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="444" />
            <source>&lt;p&gt;&lt;b&gt;API_URL&lt;/b&gt;: empty runs the task with the local processor, on this computer. A base URL (e.g. {url}) sends the request to the Processing API instead. The API key is never a parameter: it is read from the authentication configuration chosen in the plugin's settings (Settings › Options › Load By Extent), kept in QGIS's authentication database.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;API_URL&lt;/b&gt;: vacío ejecuta la tarea con el procesador local, en este equipo. Una URL base (p. ej., {url}) envía en cambio la petición a la Processing API. La clave de API nunca es un parámetro: se lee de la configuración de autenticación elegida en la configuración del complemento (Configuración › Opciones › Load By Extent), guardada en la base de datos de autenticación de QGIS.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="449" />
            <source>&lt;p&gt;&lt;b&gt;OUTPUT_FOLDER&lt;/b&gt;: where the result files go (default: a temporary folder). Existing files are never overwritten; nothing is left there when the task fails or is cancelled.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;OUTPUT_FOLDER&lt;/b&gt;: dónde van los archivos de resultado (por defecto: una carpeta temporal). Los archivos existentes nunca se sobrescriben; no queda nada allí cuando la tarea falla o se cancela.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="451" />
            <source>&lt;h3&gt;Outputs&lt;/h3&gt;&lt;p&gt;&lt;b&gt;FILES&lt;/b&gt;: the result files, separated by ';' (the main file first, sidecars after it). &lt;b&gt;REQUEST&lt;/b&gt;: the request as the API takes it (JSON), to run it again with the command line (lbe run) or to send it. Raster results are added to the project when run from the Processing dialog.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Salidas&lt;/h3&gt;&lt;p&gt;&lt;b&gt;FILES&lt;/b&gt;: los archivos de resultado, separados por ';' (primero el archivo principal, después los archivos auxiliares). &lt;b&gt;REQUEST&lt;/b&gt;: la petición tal como la recibe la API (JSON), para ejecutarla de nuevo con la línea de comandos (lbe run) o para enviarla. Los resultados ráster se añaden al proyecto cuando se ejecuta desde el diálogo de Procesos.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;API_URL&lt;/b&gt;: empty runs the task on this computer with the embedded processor. A base URL (e.g. {url}) sends the request to the Processing API instead. The API key is never a parameter: it is read from the authentication configuration chosen in the plugin's settings (Settings › Options › Load By Extent), kept in QGIS's authentication database.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;&lt;b&gt;API_URL&lt;/b&gt;: vacío ejecuta la tarea en este equipo con el procesador integrado. Una URL base (p. ej., {url}) envía en cambio la petición a la Processing API. La clave de API nunca es un parámetro: se lee de la configuración de autenticación elegida en la configuración del complemento (Configuración › Opciones › Load By Extent), guardada en la base de datos de autenticación de QGIS.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: the scene folder for the embedded processor (several separated by ';'); empty: the scene folders of the plugin's settings.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: la carpeta de escenas para el procesador integrado (varias separadas por ';'); vacío: las carpetas de escenas de la configuración del complemento.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: the scene folder for the local processor (several separated by ';'); empty: the scene folders of the plugin's settings.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: la carpeta de escenas para el procesador local (varias separadas por ';'); vacío: las carpetas de escenas de la configuración del complemento.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Internal error ({kind}: {error}); the details are in the {tag} log.</source>
            <translation type="vanished">Error interno ({kind}: {error}); los detalles están en el registro {tag}.</translation>
        </message>
        <message>
            <source>Processing API base URL (empty: run on this computer)</source>
            <translation type="vanished">URL base de la Processing API (vacío: ejecutar en este equipo)</translation>
        </message>
        <message>
            <source>Scene folder (empty: the scene folders of the plugin's settings)</source>
            <translation type="vanished">Carpeta de escenas (vacío: las carpetas de escenas de la configuración del complemento)</translation>
        </message>
        <message>
            <source>cannot be transformed to {crs}: {error}</source>
            <translation type="vanished">no se puede transformar a {crs}: {error}</translation>
        </message>
        <message>
            <source>the features cannot be dissolved into one geometry: {error}</source>
            <translation type="vanished">los objetos no se pueden disolver en una sola geometría: {error}</translation>
        </message>
        <message>
            <source>the layer has no coordinate reference system</source>
            <translation type="vanished">la capa no tiene sistema de referencia de coordenadas</translation>
        </message>
        <message>
            <source>this computer</source>
            <translation type="vanished">este equipo</translation>
        </message>
    </context>
    <context>
        <name>LoadByExtentDock</name>
        <message>
            <location filename="../ui/dock.py" line="75" />
            <source>Load By Extent</source>
            <translation>Load By Extent</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="114" />
            <source>Run</source>
            <translation>Ejecutar</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="168" />
            <source>Task</source>
            <translation>Tarea</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="173" />
            <source>Scene</source>
            <translation>Escena</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="174" />
            <source>local processor</source>
            <translation>procesador local</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="176" />
            <source>Processing API</source>
            <translation>Processing API</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="186" />
            <source>Run on</source>
            <translation>Ejecutar en</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="234" />
            <source>Options</source>
            <translation>Opciones</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="251" />
            <source>Tasks</source>
            <translation>Tareas</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="258" />
            <source>Settings</source>
            <translation>Configuración</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="325" />
            <source>Draw an area of interest or take it from a source above.</source>
            <translation>Dibuje un área de interés o tómela de una fuente de arriba.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="343" />
            <source>Set the API key in Settings below (Processing API).</source>
            <translation>Defina la clave de API en Configuración, abajo (Processing API).</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="345" />
            <source>Add a scene folder in Settings below.</source>
            <translation>Añada una carpeta de escenas en Configuración, abajo.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="375" />
            <source>Checking the request against the scene folders…</source>
            <translation>Comprobando la petición con las carpetas de escenas…</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="377" />
            <source>Run the task in the background</source>
            <translation>Ejecutar la tarea en segundo plano</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="383" />
            <source>→ the result type shows here once the request is valid</source>
            <translation>→ el tipo de resultado aparece aquí cuando la petición es válida</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="398" />
            <source>Large area of interest</source>
            <translation>Área de interés grande</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="399" />
            <source>The area of interest covers {area} km², more than the {limit} km² set in Settings. Run anyway?</source>
            <translation>El área de interés cubre {area} km², más que los {limit} km² definidos en Configuración. ¿Ejecutar de todos modos?</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="443" />
            <source>the result of {task}</source>
            <translation>el resultado de {task}</translation>
        </message>
        <message>
            <source>A GeoJSON or any vector file</source>
            <translation type="vanished">Un GeoJSON o cualquier archivo vectorial</translation>
        </message>
        <message>
            <source>Add a scene folder in Settings below to list its scenes.</source>
            <translation type="vanished">Añada una carpeta de escenas en Configuración, abajo, para listar sus escenas.</translation>
        </message>
        <message>
            <source>Area of interest</source>
            <translation type="vanished">Área de interés</translation>
        </message>
        <message>
            <source>Bands</source>
            <translation type="vanished">Bandas</translation>
        </message>
        <message>
            <source>Choose the datasets to search.</source>
            <translation type="vanished">Elija los conjuntos de datos en los que buscar.</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation type="vanished">Limpiar</translation>
        </message>
        <message>
            <source>Click vertices; double-click or right-click finishes, Backspace removes the last vertex, Esc cancels</source>
            <translation type="vanished">Haga clic en los vértices; doble clic o clic derecho termina, Backspace quita el último vértice, Esc cancela</translation>
        </message>
        <message>
            <source>Copy JSON</source>
            <translation type="vanished">Copiar JSON</translation>
        </message>
        <message>
            <source>Copy as curl</source>
            <translation type="vanished">Copiar como curl</translation>
        </message>
        <message>
            <source>Crop bands (lbe)</source>
            <translation type="vanished">Recortar bandas (lbe)</translation>
        </message>
        <message>
            <source>Datasets</source>
            <translation type="vanished">Conjuntos de datos</translation>
        </message>
        <message>
            <source>Drag a rectangle on the map</source>
            <translation type="vanished">Arrastre un rectángulo en el mapa</translation>
        </message>
        <message>
            <source>Draw an area of interest to search the API's scenes.</source>
            <translation type="vanished">Dibuje un área de interés para buscar las escenas de la API.</translation>
        </message>
        <message>
            <source>File…</source>
            <translation type="vanished">Archivo…</translation>
        </message>
        <message>
            <source>Forget the area of interest</source>
            <translation type="vanished">Olvidar el área de interés</translation>
        </message>
        <message>
            <source>Index</source>
            <translation type="vanished">Índice</translation>
        </message>
        <message>
            <source>Index (bandmath)</source>
            <translation type="vanished">Índice (bandmath)</translation>
        </message>
        <message>
            <source>Load By Extent: checking the request against the scene folders</source>
            <translation type="vanished">Load By Extent: comprobando la petición con las carpetas de escenas</translation>
        </message>
        <message>
            <source>Load By Extent: testing the connection</source>
            <translation type="vanished">Load By Extent: probando la conexión</translation>
        </message>
        <message>
            <source>Map extent</source>
            <translation type="vanished">Extensión del mapa</translation>
        </message>
        <message>
            <source>Merge bands of one resolution</source>
            <translation type="vanished">Combinar bandas de una resolución</translation>
        </message>
        <message>
            <source>No area of interest yet: draw one or take it from a source above.</source>
            <translation type="vanished">Aún no hay área de interés: dibuje una o tómela de una fuente de arriba.</translation>
        </message>
        <message>
            <source>Polygon</source>
            <translation type="vanished">Polígono</translation>
        </message>
        <message>
            <source>Product metadata</source>
            <translation type="vanished">Metadatos de producto</translation>
        </message>
        <message>
            <source>Rectangle</source>
            <translation type="vanished">Rectángulo</translation>
        </message>
        <message>
            <source>Selection</source>
            <translation type="vanished">Selección</translation>
        </message>
        <message>
            <source>Statistics</source>
            <translation type="vanished">Estadísticas</translation>
        </message>
        <message>
            <source>Statistics over time (mt_stats)</source>
            <translation type="vanished">Estadísticas temporales (mt_stats)</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation type="vanished">Probar conexión</translation>
        </message>
        <message>
            <source>Testing the connection…</source>
            <translation type="vanished">Probando la conexión…</translation>
        </message>
        <message>
            <source>The API call with the key hidden as ***</source>
            <translation type="vanished">La llamada a la API con la clave oculta como ***</translation>
        </message>
        <message>
            <source>The map canvas extent</source>
            <translation type="vanished">La extensión del lienzo del mapa</translation>
        </message>
        <message>
            <source>The selected polygons of the active layer</source>
            <translation type="vanished">Los polígonos seleccionados de la capa activa</translation>
        </message>
        <message>
            <source>This scene has no {bands} in the scene folders.</source>
            <translation type="vanished">Esta escena no tiene {bands} en las carpetas de escenas.</translation>
        </message>
        <message>
            <source>This scene has no {kind} in the scene folders.</source>
            <translation type="vanished">Esta escena no tiene {kind} en las carpetas de escenas.</translation>
        </message>
        <message>
            <source>Tile metadata</source>
            <translation type="vanished">Metadatos de tesela</translation>
        </message>
        <message>
            <source>Vector files (*.geojson *.json *.gpkg *.shp *.kml *.gml);;All files (*)</source>
            <translation type="vanished">Archivos vectoriales (*.geojson *.json *.gpkg *.shp *.kml *.gml);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Visual</source>
            <translation type="vanished">Visual</translation>
        </message>
        <message>
            <source>Visual (jpeg)</source>
            <translation type="vanished">Visual (jpeg)</translation>
        </message>
        <message>
            <source>colour</source>
            <translation type="vanished">en color</translation>
        </message>
        <message>
            <source>drawn polygon</source>
            <translation type="vanished">polígono dibujado</translation>
        </message>
        <message>
            <source>drawn rectangle</source>
            <translation type="vanished">rectángulo dibujado</translation>
        </message>
        <message>
            <source>grey</source>
            <translation type="vanished">en escala de grises</translation>
        </message>
        <message>
            <source>map extent</source>
            <translation type="vanished">extensión del mapa</translation>
        </message>
        <message>
            <source>native pixel size</source>
            <translation type="vanished">tamaño de píxel nativo</translation>
        </message>
        <message>
            <source>the area of interest</source>
            <translation type="vanished">el área de interés</translation>
        </message>
        <message>
            <source>this computer</source>
            <translation type="vanished">este equipo</translation>
        </message>
        <message>
            <source>{area} km² · {vertices} vertices · {source}</source>
            <translation type="vanished">{area} km² · {vertices} vértices · {source}</translation>
        </message>
        <message>
            <source>→ a zip of {files} GeoTIFF(s) ({parts}){extra}</source>
            <translation type="vanished">→ un zip de {files} GeoTIFF ({parts}){extra}</translation>
        </message>
        <message>
            <source>→ a {format} image in EPSG:3857 ({kind}, {size})</source>
            <translation type="vanished">→ una imagen {format} en EPSG:3857 ({kind}, {size})</translation>
        </message>
        <message>
            <source>→ one Float32 GeoTIFF with {count} band(s), nodata -9999, on the grid of the coarsest band used</source>
            <translation type="vanished">→ un GeoTIFF Float32 con {count} banda(s), nodata -9999, en la cuadrícula de la banda de menor resolución utilizada</translation>
        </message>
        <message>
            <source>→ one GeoTIFF, {count} band(s) at {res} m</source>
            <translation type="vanished">→ un GeoTIFF, {count} banda(s) a {res} m</translation>
        </message>
        <message>
            <source>→ one JPEG 2000 file, band {band} at {res} m</source>
            <translation type="vanished">→ un archivo JPEG 2000, banda {band} a {res} m</translation>
        </message>
        <message>
            <source>→ statistics of {count} index(es) for each scene from {start} to {end} (JSON), charted in the statistics dock</source>
            <translation type="vanished">→ estadísticas de {count} índice(s) para cada escena del {start} al {end} (JSON), representadas en el panel de estadísticas</translation>
        </message>
        <message>
            <source>▸ Request</source>
            <translation type="vanished">▸ Petición</translation>
        </message>
        <message>
            <source>▾ Request</source>
            <translation type="vanished">▾ Petición</translation>
        </message>
    </context>
    <context>
        <name>LoadByExtentProvider</name>
        <message>
            <location filename="../processing/provider.py" line="23" />
            <source>Load By Extent</source>
            <translation>Load By Extent</translation>
        </message>
        <message>
            <location filename="../processing/provider.py" line="26" />
            <source>Load By Extent: satellite scenes cropped to an area of interest</source>
            <translation>Load By Extent: escenas de satélite recortadas a un área de interés</translation>
        </message>
    </context>
    <context>
        <name>MtStatsAlgorithm</name>
        <message>
            <location filename="../processing/algorithms.py" line="645" />
            <source>Index statistics over time (mt_stats)</source>
            <translation>Estadísticas temporales de índices (mt_stats)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="648" />
            <source>Statistics of up to three indices over the area of interest for every scene in a date range.</source>
            <translation>Estadísticas de hasta tres índices sobre el área de interés para cada escena de un rango de fechas.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="652" />
            <source>Indices or expressions, separated by ';' (up to {count}, e.g. NDVI;NDWI)</source>
            <translation>Índices o expresiones, separados por ';' (hasta {count}, p. ej., NDVI;NDWI)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="657" />
            <source>First date</source>
            <translation>Primera fecha</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="660" />
            <source>Last date</source>
            <translation>Última fecha</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="661" />
            <source>Sensors, comma-separated (e.g. sentinel2,landsat8; empty: all)</source>
            <translation>Sensores, separados por comas (p. ej., sentinel2,landsat8; vacío: todos)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="663" />
            <source>Highest cloud cover in the area of interest, %</source>
            <translation>Nubosidad máxima en el área de interés, %</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="666" />
            <source>Leave cloud and cloud shadow pixels out of the statistics</source>
            <translation>Excluir de las estadísticas los píxeles de nube y de sombra de nube</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="668" />
            <source>Most scenes</source>
            <translation>Máximo de escenas</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="673" />
            <source>Statistics table (CSV)</source>
            <translation>Tabla de estadísticas (CSV)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="673" />
            <source>CSV files (*.csv)</source>
            <translation>Archivos CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="676" />
            <source>The API's answer (JSON)</source>
            <translation>La respuesta de la API (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="676" />
            <source>JSON files (*.json)</source>
            <translation>Archivos JSON (*.json)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="679" />
            <source>Statistics</source>
            <translation>Estadísticas</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="702" />
            <source>missing or not a date YYYY-MM-DD: {value!r}</source>
            <translation>falta o no es una fecha YYYY-MM-DD: {value!r}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="741" />
            <source>{count} statistics row(s), {errors} scene(s) in error</source>
            <translation>{count} fila(s) de estadísticas, {errors} escena(s) con error</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="764" />
            <source>&lt;p&gt;Statistics of up to three indices over the area of interest for every scene dated in a range: the API's &lt;i&gt;mt_stats&lt;/i&gt; task (Download Multi-Temporal Statistics). For each scene and index: min, max, average, median, std, variance, q1, q3, p10, p90 over the valid pixels, and the cloud cover in the area.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Estadísticas de hasta tres índices sobre el área de interés para cada escena fechada dentro de un rango: la tarea &lt;i&gt;mt_stats&lt;/i&gt; de la API (Download Multi-Temporal Statistics). Para cada escena e índice: min, max, average, median, std, variance, q1, q3, p10, p90 sobre los píxeles válidos, y la nubosidad en el área.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="769" />
            <source>index names or expressions separated by ';' (expressions contain commas), e.g. NDVI or NDVI;NDWI.</source>
            <translation>nombres de índices o expresiones separados por ';' (las expresiones contienen comas), p. ej., NDVI o NDVI;NDWI.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="771" />
            <source>the first date (default: a year before today; scripts: 'YYYY-MM-DD').</source>
            <translation>la primera fecha (por defecto: un año antes de hoy; en scripts: 'YYYY-MM-DD').</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="772" />
            <source>the last date (default: today; at most a year after the first is recommended).</source>
            <translation>la última fecha (por defecto: hoy; se recomienda como mucho un año después de la primera).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="774" />
            <source>optional: sensors separated by commas, e.g. sentinel2, landsat8, S2, L8.</source>
            <translation>opcional: sensores separados por comas, p. ej., sentinel2, landsat8, S2, L8.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="775" />
            <source>optional: scenes with more cloud in the area (percent) are listed as errors.</source>
            <translation>opcional: las escenas con más nubes en el área (porcentaje) se listan como errores.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="776" />
            <source>leave pixels flagged cloud or cloud shadow out of the statistics.</source>
            <translation>excluir de las estadísticas los píxeles marcados como nube o sombra de nube.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="777" />
            <source>the most scenes to compute (default 100).</source>
            <translation>el máximo de escenas que calcular (por defecto 100).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="779" />
            <source>&lt;p&gt;&lt;b&gt;CSV&lt;/b&gt;: one row per date and index, then the scenes in error. &lt;b&gt;JSON&lt;/b&gt;: the API's answer itself. &lt;b&gt;TABLE&lt;/b&gt;: a table without geometry, one feature per date and index (date, scene_id, view_id, index, cloud and the figures); scenes in error have an error.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;CSV&lt;/b&gt;: una fila por fecha e índice, después las escenas con error. &lt;b&gt;JSON&lt;/b&gt;: la propia respuesta de la API. &lt;b&gt;TABLE&lt;/b&gt;: una tabla sin geometría, un objeto por fecha e índice (date, scene_id, view_id, index, cloud y los valores); las escenas con error tienen un error.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>the first date (scripts: 'YYYY-MM-DD').</source>
            <translation type="vanished">la primera fecha (scripts: 'YYYY-MM-DD').</translation>
        </message>
        <message>
            <source>the last date (at most a year after the first is recommended).</source>
            <translation type="vanished">la última fecha (se recomienda como máximo un año después de la primera).</translation>
        </message>
    </context>
    <context>
        <name>OpenTableButton</name>
        <message>
            <location filename="../ui/feature_picker.py" line="166" />
            <source>Open…</source>
            <translation>Abrir…</translation>
        </message>
        <message>
            <location filename="../ui/feature_picker.py" line="167" />
            <source>Open a table of statistics of many polygons (CSV of lbe stats or fields_stats)</source>
            <translation>Abrir una tabla de estadísticas de muchos polígonos (CSV de lbe stats o fields_stats)</translation>
        </message>
        <message>
            <location filename="../ui/feature_picker.py" line="171" />
            <source>Open a table of statistics of many polygons</source>
            <translation>Abrir una tabla de estadísticas de muchos polígonos</translation>
        </message>
        <message>
            <location filename="../ui/feature_picker.py" line="172" />
            <source>CSV files (*.csv)</source>
            <translation>Archivos CSV (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>PixelHistory</name>
        <message>
            <location filename="../ui/pixel_history.py" line="118" />
            <source>This point of the map has no longitude and latitude</source>
            <translation>Este punto del mapa no tiene longitud ni latitud</translation>
        </message>
        <message>
            <location filename="../ui/pixel_history.py" line="176" />
            <source>Load By Extent</source>
            <translation>Load By Extent</translation>
        </message>
    </context>
    <context>
        <name>PolygonAoiTool</name>
        <message>
            <location filename="../ui/map_tools.py" line="285" />
            <source>A polygon needs at least 3 vertices</source>
            <translation>Un polígono necesita al menos 3 vértices</translation>
        </message>
        <message>
            <location filename="../ui/map_tools.py" line="294" />
            <source>The polygon has no area: its vertices are on one line</source>
            <translation>El polígono no tiene área: sus vértices están sobre una línea</translation>
        </message>
        <message>
            <location filename="../ui/map_tools.py" line="299" />
            <source>The polygon crosses itself: remove vertices with Backspace and draw it again</source>
            <translation>El polígono se cruza a sí mismo: quite vértices con Backspace y vuelva a dibujarlo</translation>
        </message>
    </context>
    <context>
        <name>RequestPreview</name>
        <message>
            <location filename="../ui/request_preview.py" line="34" />
            <source>▸ Request</source>
            <translation>▸ Petición</translation>
        </message>
        <message>
            <location filename="../ui/request_preview.py" line="37" />
            <source>Copy JSON</source>
            <translation>Copiar JSON</translation>
        </message>
        <message>
            <location filename="../ui/request_preview.py" line="40" />
            <source>Copy as curl</source>
            <translation>Copiar como curl</translation>
        </message>
        <message>
            <location filename="../ui/request_preview.py" line="42" />
            <source>The API call with the key hidden as ***</source>
            <translation>La llamada a la API con la clave oculta como ***</translation>
        </message>
        <message>
            <location filename="../ui/request_preview.py" line="73" />
            <source>▾ Request</source>
            <translation>▾ Petición</translation>
        </message>
    </context>
    <context>
        <name>ScenePaging</name>
        <message>
            <location filename="../ui/scene_paging.py" line="19" />
            <source>More scenes</source>
            <translation>Más escenas</translation>
        </message>
        <message>
            <location filename="../ui/scene_paging.py" line="21" />
            <source>Fetch the catalog's next page of scenes (scrolling to the end of the list fetches it too)</source>
            <translation>Obtener la siguiente página de escenas del catálogo (desplazarse al final de la lista también la obtiene)</translation>
        </message>
    </context>
    <context>
        <name>ScenePicker</name>
        <message>
            <location filename="../ui/scene_picker.py" line="83" />
            <source>any date</source>
            <translation>cualquier fecha</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="86" />
            <source>no limit</source>
            <translation>sin límite</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="90" />
            <source>Footprints</source>
            <translation>Huellas</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="95" />
            <source>date</source>
            <translation>fecha</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="95" />
            <source>sensor</source>
            <translation>sensor</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="95" />
            <source>cloud</source>
            <translation>nubosidad</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="95" />
            <source>view_id</source>
            <translation>view_id</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="131" />
            <source>Cloud ≤</source>
            <translation>Nubosidad ≤</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="135" />
            <source>to</source>
            <translation>hasta</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="176" />
            <source>Searching the API's scenes…</source>
            <translation>Buscando las escenas de la API…</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="178" />
            <source>Searching the scene sources…</source>
            <translation>Buscando en los orígenes de escenas…</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="180" />
            <source>Searching the scene folders…</source>
            <translation>Buscando en las carpetas de escenas…</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="209" />
            <source>{count} scene(s) meet the area of interest so far; fetching more…</source>
            <translation>{count} escena(s) tocan el área de interés por ahora; obteniendo más…</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="215" />
            <source>{count} scene(s) meet the area of interest so far; more in the catalog</source>
            <translation>{count} escena(s) tocan el área de interés por ahora; hay más en el catálogo</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="217" />
            <source>{count} scene(s) meet the area of interest; the end of the catalog</source>
            <translation>{count} escena(s) tocan el área de interés; fin del catálogo</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="219" />
            <source>{count} scene(s) meet the area of interest</source>
            <translation>{count} escena(s) intersecan el área de interés</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="221" />
            <source>{count} scene(s) in the scene folders</source>
            <translation>{count} escena(s) en las carpetas de escenas</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="270" />
            <source>the scene {view_id}</source>
            <translation>la escena {view_id}</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="288" />
            <source>Pick a scene above or type its view_id.</source>
            <translation>Elija una escena arriba o escriba su view_id.</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="298" />
            <source>✓ {sensor} scene of {date}, in the catalog</source>
            <translation>✓ escena {sensor} del {date}, en el catálogo</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="303" />
            <source>✓ {sensor} scene of {date}, in the scene folders</source>
            <translation>✓ escena {sensor} del {date}, en las carpetas de escenas</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="308" />
            <source>a valid {sensor} id; not among the scenes listed above</source>
            <translation>un identificador de {sensor} válido; no está entre las escenas de la lista de arriba</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="339" />
            <source>Preview of {view_id}</source>
            <translation>Vista previa de {view_id}</translation>
        </message>
        <message>
            <source>From</source>
            <translation type="vanished">Desde</translation>
        </message>
        <message>
            <source>✓ a valid {sensor} id; not among the scenes listed above</source>
            <translation type="vanished">✓ un id de {sensor} válido; no está entre las escenas listadas arriba</translation>
        </message>
    </context>
    <context>
        <name>SceneSearch</name>
        <message>
            <location filename="../ui/scene_search.py" line="111" />
            <source>Choose the datasets to search.</source>
            <translation>Elija los conjuntos de datos en los que buscar.</translation>
        </message>
        <message>
            <location filename="../ui/scene_search.py" line="114" />
            <source>Draw an area of interest to search the API's scenes.</source>
            <translation>Dibuje un área de interés para buscar las escenas de la API.</translation>
        </message>
        <message>
            <location filename="../ui/scene_search.py" line="120" />
            <source>Add a scene folder in Settings below to list its scenes.</source>
            <translation>Añada una carpeta de escenas en Configuración, abajo, para listar sus escenas.</translation>
        </message>
    </context>
    <context>
        <name>SeriesButton</name>
        <message>
            <location filename="../ui/series_button.py" line="19" />
            <source>Load the series</source>
            <translation>Cargar la serie</translation>
        </message>
        <message>
            <location filename="../ui/series_button.py" line="32" />
            <source>Load {index} of the {count} scene(s) of the chart over the same area, as one layer group for the Temporal Controller</source>
            <translation>Cargar {index} de las {count} escena(s) del gráfico sobre la misma área, como un grupo de capas para el Controlador temporal</translation>
        </message>
        <message>
            <location filename="../ui/series_button.py" line="36" />
            <source>Nothing to load yet: statistics appear here when a statistics task ends</source>
            <translation>Aún no hay nada que cargar: las estadísticas aparecen aquí cuando termina una tarea de estadísticas</translation>
        </message>
        <message>
            <location filename="../ui/series_button.py" line="38" />
            <source>Nothing to load: the answer gives no view_id for the scenes of this index</source>
            <translation>Nada que cargar: la respuesta no da view_id para las escenas de este índice</translation>
        </message>
    </context>
    <context>
        <name>SettingsWidget</name>
        <message>
            <location filename="../ui/settings_widget.py" line="67" />
            <source>Double-click a URL to change it or its authentication</source>
            <translation>Haga doble clic en una URL para cambiarla o cambiar su autenticación</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="69" />
            <source>Add folder…</source>
            <translation>Añadir carpeta…</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="72" />
            <source>Add catalog…</source>
            <translation>Añadir catálogo…</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="80" />
            <source>Other STAC API URL…</source>
            <translation>Otra URL de API STAC…</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="82" />
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="106" />
            <source>Set key…</source>
            <translation>Definir clave…</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="108" />
            <source>Paste the API key: it is kept in QGIS's authentication database</source>
            <translation>Pegue la clave de API: se guarda en la base de datos de autenticación de QGIS</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="110" />
            <source>the task's own limit</source>
            <translation>el límite propio de la tarea</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="112" />
            <source> h</source>
            <translation> h</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="114" />
            <source>Reuse identical recent results</source>
            <translation>Reutilizar resultados recientes idénticos</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="115" />
            <source>Reuse the result of an identical recent request</source>
            <translation>Reutilizar el resultado de una petición idéntica reciente</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="132" />
            <source>Scene sources</source>
            <translation>Orígenes de escenas</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="133" />
            <source>Output folder</source>
            <translation>Carpeta de salida</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="134" />
            <source>Ask before an AOI larger than</source>
            <translation>Preguntar si el área de interés supera</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="135" />
            <source>&lt;b&gt;Processing API&lt;/b&gt;</source>
            <translation>&lt;b&gt;Processing API&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="137" />
            <source>Base URL</source>
            <translation>URL base</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="138" />
            <source>Search URL</source>
            <translation>URL de búsqueda</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="142" />
            <source>API key</source>
            <translation>Clave de API</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="143" />
            <source>Stop waiting after</source>
            <translation>Dejar de esperar tras</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="192" />
            <source>{source} (authentication {config})</source>
            <translation>{source} (autenticación {config})</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="194" />
            <source>Authentication configuration: {config}</source>
            <translation>Configuración de autenticación: {config}</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="240" />
            <source>The Processing API key:</source>
            <translation>La clave de la Processing API:</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="260" />
            <source>{url} is not an http(s) URL</source>
            <translation>{url} no es una URL http(s)</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="285" />
            <source>Scene folder</source>
            <translation>Carpeta de escenas</translation>
        </message>
        <message>
            <source>STAC API</source>
            <translation type="vanished">API STAC</translation>
        </message>
        <message>
            <source>Scene folders</source>
            <translation type="vanished">Carpetas de escenas</translation>
        </message>
        <message>
            <source>The URL of the STAC API (its landing page):</source>
            <translation type="vanished">La URL de la API STAC (su página de inicio):</translation>
        </message>
    </context>
    <context>
        <name>StatsDock</name>
        <message>
            <location filename="../ui/stats_dock.py" line="82" />
            <source>Load By Extent — statistics</source>
            <translation>Load By Extent — estadísticas</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="107" />
            <source>The chart needs matplotlib, which this QGIS does not have; the table and CSV export still work.</source>
            <translation>El gráfico necesita matplotlib, que este QGIS no tiene; la tabla y la exportación a CSV siguen funcionando.</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="119" />
            <source>date</source>
            <translation>fecha</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="119" />
            <source>view_id</source>
            <translation>view_id</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="119" />
            <source>scene</source>
            <translation>escena</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="120" />
            <source>cloud %</source>
            <translation>nubosidad %</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="151" />
            <source>The index the chart and the table show</source>
            <translation>El índice que muestran el gráfico y la tabla</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="152" />
            <source>Overlay all</source>
            <translation>Superponer todos</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="154" />
            <source>Draw the median of every index on one chart</source>
            <translation>Dibujar la mediana de cada índice en un solo gráfico</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="155" />
            <source>Table</source>
            <translation>Tabla</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="156" />
            <source>Show the figures as a table, one row per date</source>
            <translation>Mostrar los valores como tabla, una fila por fecha</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="158" />
            <source>CSV</source>
            <translation>CSV</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="159" />
            <source>Save every figure of every index as CSV</source>
            <translation>Guardar todos los valores de todos los índices como CSV</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="160" />
            <source>PNG</source>
            <translation>PNG</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="160" />
            <source>Save the chart as PNG</source>
            <translation>Guardar el gráfico como PNG</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="172" />
            <source>Index</source>
            <translation>Índice</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="211" />
            <source>The answer has one index only</source>
            <translation>La respuesta solo tiene un índice</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="240" />
            <source>polygon {id}</source>
            <translation>polígono {id}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="243" />
            <source>{start} to {end}</source>
            <translation>del {start} al {end}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="246" />
            <source>the pixel at {lat}, {lon}</source>
            <translation>el píxel en {lat}, {lon}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="248" />
            <source>{area} km²</source>
            <translation>{area} km²</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="253" />
            <source>{title} · {dates} date(s) with figures</source>
            <translation>{title} · {dates} fecha(s) con valores</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="255" />
            <source>{text} · {errors} scene(s) without figures</source>
            <translation>{text} · {errors} escena(s) sin valores</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="268" />
            <source>No statistics chart: {error}</source>
            <translation>Sin gráfico de estadísticas: {error}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="316" />
            <source>Statistics appear here when a statistics task ends.</source>
            <translation>Las estadísticas aparecen aquí cuando termina una tarea de estadísticas.</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="318" />
            <source>Hover a date to read its figures; click it to load that scene over the chart's area.</source>
            <translation>Pase el ratón sobre una fecha para leer sus valores; haga clic para cargar esa escena sobre el área del gráfico.</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="365" />
            <source>The answer gives no view_id for the scene of {date}: it cannot be loaded.</source>
            <translation>La respuesta no da ningún view_id para la escena del {date}: no se puede cargar.</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="413" />
            <source>The chart needs matplotlib, which this QGIS does not have</source>
            <translation>El gráfico necesita matplotlib, que este QGIS no tiene</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="421" />
            <source>Loading of {title} started: its progress and end are in the task list</source>
            <translation>Se inició la carga de {title}: su progreso y su final están en la lista de tareas</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="445" />
            <source>Save the statistics as CSV</source>
            <translation>Guardar las estadísticas como CSV</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="445" />
            <source>CSV files (*.csv)</source>
            <translation>Archivos CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="451" />
            <source>The CSV could not be saved: {error}</source>
            <translation>No se pudo guardar el CSV: {error}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="453" />
            <source>{count} row(s) saved in {path}</source>
            <translation>{count} fila(s) guardada(s) en {path}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="460" />
            <source>PNG images (*.png)</source>
            <translation>Imágenes PNG (*.png)</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="468" />
            <source>The PNG could not be saved: {error}</source>
            <translation>No se pudo guardar el PNG: {error}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="472" />
            <source>Chart saved in {path}</source>
            <translation>Gráfico guardado en {path}</translation>
        </message>
        <message>
            <source>Hover a date to read its figures; click it to load that scene for the area of interest.</source>
            <translation type="vanished">Pase el cursor sobre una fecha para leer sus valores; haga clic en ella para cargar esa escena para el área de interés.</translation>
        </message>
        <message>
            <source>Loading {title}: see the task list for its progress</source>
            <translation type="vanished">Cargando {title}: vea su progreso en la lista de tareas</translation>
        </message>
        <message>
            <source>The statistics in {path} cannot be read: {error}</source>
            <translation type="vanished">Las estadísticas de {path} no se pueden leer: {error}</translation>
        </message>
    </context>
    <context>
        <name>StatsForm</name>
        <message>
            <location filename="../ui/stats_form.py" line="49" />
            <source>up to 3, separated by ';': NDVI; NDWI; (B08-B04)/(B08+B04)</source>
            <translation>hasta 3, separados por ';': NDVI; NDWI; (B08-B04)/(B08+B04)</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="51" />
            <source>add an index…</source>
            <translation>añadir un índice…</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="72" />
            <source>all sensors</source>
            <translation>todos los sensores</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="74" />
            <source>no limit</source>
            <translation>sin límite</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="78" />
            <source>Exclude cloud and shadow pixels</source>
            <translation>Excluir los píxeles de nube y de sombra</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="79" />
            <source>Leave cloud and shadow pixels out of the figures</source>
            <translation>Excluir de los valores los píxeles de nube y de sombra</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="89" />
            <source>Pixel history</source>
            <translation>Historia del píxel</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="90" />
            <source>Click a point on the map: these indices at that pixel on every scene of the dates, with each date's cloud flag, charted in the statistics dock. Esc leaves.</source>
            <translation>Haga clic en un punto del mapa: estos índices en ese píxel en cada escena de las fechas, con la marca de nube de cada fecha, en el gráfico del panel de estadísticas. Esc sale.</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="99" />
            <source>to</source>
            <translation>hasta</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="104" />
            <source>Indices</source>
            <translation>Índices</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="106" />
            <source>Dates</source>
            <translation>Fechas</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="107" />
            <source>Sensors</source>
            <translation>Sensores</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="108" />
            <source>Scenes with cloud ≤</source>
            <translation>Escenas con nubosidad ≤</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="110" />
            <source>At most</source>
            <translation>Como máximo</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="115" />
            <source>Statistics over time (mt_stats)</source>
            <translation>Estadísticas temporales (mt_stats)</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="118" />
            <source>Statistics</source>
            <translation>Estadísticas</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="121" />
            <source>→ statistics of {count} index(es) for each scene from {start} to {end} (JSON), charted in the statistics dock</source>
            <translation>→ estadísticas de {count} índice(s) para cada escena del {start} al {end} (JSON), representadas en el panel de estadísticas</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="154" />
            <source>Give at least one index or expression.</source>
            <translation>Indique al menos un índice o una expresión.</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="156" />
            <source>At most {count} indices.</source>
            <translation>Como máximo {count} índices.</translation>
        </message>
    </context>
    <context>
        <name>StoreCheck</name>
        <message>
            <location filename="../ui/store_check.py" line="66" />
            <source>Load By Extent: checking the request against the scene folders</source>
            <translation>Load By Extent: comprobando la petición con las carpetas de escenas</translation>
        </message>
    </context>
    <context>
        <name>TaskList</name>
        <message>
            <location filename="../ui/task_list.py" line="161" />
            <source>No task yet.</source>
            <translation>Todavía no hay tareas.</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="164" />
            <source>Clear finished</source>
            <translation>Quitar las terminadas</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="165" />
            <source>Remove the tasks that have ended from this list (their layers and files stay)</source>
            <translation>Quitar de esta lista las tareas terminadas (sus capas y archivos se quedan)</translation>
        </message>
    </context>
    <context>
        <name>TaskRow</name>
        <message>
            <location filename="../ui/task_list.py" line="78" />
            <source>Cancel this task</source>
            <translation>Cancelar esta tarea</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="85" />
            <source>Run the same request again</source>
            <translation>Ejecutar otra vez la misma petición</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="86" />
            <source>Run again</source>
            <translation>Ejecutar de nuevo</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="88" />
            <source>Resume waiting for this task</source>
            <translation>Seguir esperando esta tarea</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="89" />
            <source>Resume</source>
            <translation>Reanudar</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="90" />
            <source>Zoom to the result</source>
            <translation>Zoom al resultado</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="92" />
            <source>Open the output folder</source>
            <translation>Abrir la carpeta de salida</translation>
        </message>
    </context>
    <context>
        <name>VisualForm</name>
        <message>
            <location filename="../ui/visual_form.py" line="54" />
            <source>grey</source>
            <translation>escala de grises</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="61" />
            <source>continuous</source>
            <translation>continuo</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="63" />
            <source>Levels</source>
            <translation>Niveles</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="90" />
            <source>native</source>
            <translation>nativo</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="93" />
            <source>Calibrate to reflectance</source>
            <translation>Calibrar a reflectancia</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="94" />
            <source>Convert to top-of-atmosphere reflectance (calibrate)</source>
            <translation>Convertir a reflectancia en el techo de la atmósfera (calibrate)</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="96" />
            <source>Cloud, cloud shadow and the cloud mask's fill become transparent</source>
            <translation>La nube, la sombra de nube y el relleno de la máscara de nubes pasan a transparentes</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="99" />
            <source>optional: a name for the result file</source>
            <translation>opcional: un nombre para el archivo de resultado</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="115" />
            <source>Bands</source>
            <translation>Bandas</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="117" />
            <source>Colormap</source>
            <translation>Mapa de colores</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="118" />
            <source>Classes</source>
            <translation>Clases</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="120" />
            <source>Resampling</source>
            <translation>Remuestreo</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="121" />
            <source>Format</source>
            <translation>Formato</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="122" />
            <source>Pixel size</source>
            <translation>Tamaño de píxel</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="125" />
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="129" />
            <source>Visual (jpeg)</source>
            <translation>Visual (jpeg)</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="132" />
            <source>Visual</source>
            <translation>Visual</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="136" />
            <source>native pixel size</source>
            <translation>tamaño de píxel nativo</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="137" />
            <source>colour</source>
            <translation>en color</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="138" />
            <source>→ a {format} image in EPSG:3857 ({kind}, {size})</source>
            <translation>→ una imagen {format} en EPSG:3857 ({kind}, {size})</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="192" />
            <source>give one expression, or three bands or expressions for red, green, blue</source>
            <translation>indique una expresión, o tres bandas o expresiones para rojo, verde, azul</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="196" />
            <source>the low level must be below the high one</source>
            <translation>el nivel bajo debe ser menor que el alto</translation>
        </message>
        <message>
            <source>Top-of-atmosphere reflectance (calibrate)</source>
            <translation type="vanished">Reflectancia en el techo de la atmósfera (calibrar)</translation>
        </message>
        <message>
            <source>classes</source>
            <translation type="vanished">clases</translation>
        </message>
    </context>
    <context>
        <name>TaskController</name>
        <message>
            <source>Load By Extent</source>
            <translation type="vanished">Load By Extent</translation>
        </message>
        <message>
            <source>Load By Extent: {what}</source>
            <translation type="vanished">Load By Extent: {what}</translation>
        </message>
        <message>
            <source>No scene folder is set: add one in the dock's settings.</source>
            <translation type="vanished">No hay carpeta de escenas: añada una en la configuración del panel.</translation>
        </message>
        <message>
            <source>cancelled; nothing was written</source>
            <translation type="vanished">cancelada; no se escribió nada</translation>
        </message>
        <message>
            <source>resumed in a new row</source>
            <translation type="vanished">reanudada en una fila nueva</translation>
        </message>
        <message>
            <source>statistics saved: {file}</source>
            <translation type="vanished">estadísticas guardadas: {file}</translation>
        </message>
        <message>
            <source>the result could not be loaded: {error}</source>
            <translation type="vanished">no se pudo cargar el resultado: {error}</translation>
        </message>
        <message>
            <source>unfinished on the server: task {task_id}</source>
            <translation type="vanished">sin terminar en el servidor: tarea {task_id}</translation>
        </message>
        <message>
            <source>{count} layer(s) loaded</source>
            <translation type="vanished">{count} capa(s) cargada(s)</translation>
        </message>
    </context>
</TS>
