<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk">
    <context>
        <name>AoiSection</name>
        <message>
            <location filename="../ui/aoi_section.py" line="26" />
            <source>Area of interest</source>
            <translation>Область інтересу</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="34" />
            <source>Rectangle</source>
            <translation>Прямокутник</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="34" />
            <source>Drag a rectangle on the map</source>
            <translation>Протягніть прямокутник на карті</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="36" />
            <source>Polygon</source>
            <translation>Полігон</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="37" />
            <source>Click vertices; double-click or right-click finishes, Backspace removes the last vertex, Esc cancels</source>
            <translation>Клацайте вершини; подвійне клацання або клацання правою кнопкою завершує, Backspace видаляє останню вершину, Esc скасовує</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="39" />
            <source>Selection</source>
            <translation>Вибране</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="40" />
            <source>The selected polygons of the active layer</source>
            <translation>Вибрані полігони активного шару</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="41" />
            <source>Map extent</source>
            <translation>Екстент карти</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="41" />
            <source>The map canvas extent</source>
            <translation>Екстент полотна карти</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="43" />
            <source>File…</source>
            <translation>Файл…</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="43" />
            <source>A GeoJSON or any vector file</source>
            <translation>GeoJSON або будь-який векторний файл</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="44" />
            <source>Clear</source>
            <translation>Очистити</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="44" />
            <source>Forget the area of interest</source>
            <translation>Забути область інтересу</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="68" />
            <source>drawn rectangle</source>
            <translation>намальований прямокутник</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="68" />
            <source>drawn polygon</source>
            <translation>намальований полігон</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="104" />
            <source>map extent</source>
            <translation>екстент карти</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="109" />
            <source>Vector files (*.geojson *.json *.gpkg *.shp *.kml *.gml);;All files (*)</source>
            <translation>Векторні файли (*.geojson *.json *.gpkg *.shp *.kml *.gml);;Усі файли (*)</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="119" />
            <source>the area of interest</source>
            <translation>область інтересу</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="132" />
            <source>{area} km² · {vertices} vertices · {source}</source>
            <translation>{area} km² · вершин: {vertices} · {source}</translation>
        </message>
        <message>
            <location filename="../ui/aoi_section.py" line="138" />
            <source>No area of interest yet: draw one or take it from a source above.</source>
            <translation>Області інтересу ще немає: намалюйте її або візьміть із джерела вище.</translation>
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
            <translation>Спершу виберіть полігони в полігональному шарі й зробіть його активним.</translation>
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="64" />
            <source>No feature is selected in {layer}.</source>
            <translation>У шарі {layer} не вибрано жодного об'єкта.</translation>
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="68" />
            <source>The selected features of {layer} have no geometry.</source>
            <translation>Вибрані об'єкти шару {layer} не мають геометрії.</translation>
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="70" />
            <source>{count} selected feature(s) of {layer}</source>
            <translation>вибрані об'єкти шару {layer}: {count}</translation>
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="122" />
            <source>no area of interest: draw one or pick a source</source>
            <translation>немає області інтересу: намалюйте її або виберіть джерело</translation>
        </message>
        <message>
            <location filename="../ui/area_of_interest.py" line="125" />
            <source>this task takes one polygon, and the area of interest has {count} separate parts</source>
            <translation>це завдання приймає один полігон, а область інтересу має окремих частин: {count}</translation>
        </message>
    </context>
    <context>
        <name>BandPicker</name>
        <message>
            <location filename="../ui/band_picker.py" line="32" />
            <source>Custom</source>
            <translation>Власна</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="33" />
            <source>True colour</source>
            <translation>Природні кольори</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="34" />
            <source>False colour (near infrared)</source>
            <translation>Псевдокольори (ближній інфрачервоний)</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="35" />
            <source>Shortwave infrared</source>
            <translation>Короткохвильовий інфрачервоний</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="36" />
            <source>All bands</source>
            <translation>Усі канали</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="53" />
            <source>Preset</source>
            <translation>Шаблон</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="81" />
            <source>This scene has no {band} in the scene folders</source>
            <translation>У теках сцен для цієї сцени немає каналу {band}</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="130" />
            <source>This scene lacks a band of this preset</source>
            <translation>У цій сцені немає каналу цього набору</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="165" />
            <source>Order: {bands}</source>
            <translation>Порядок: {bands}</translation>
        </message>
        <message>
            <location filename="../ui/band_picker.py" line="167" />
            <source>No band chosen</source>
            <translation>Канал не вибрано</translation>
        </message>
    </context>
    <context>
        <name>BandmathAlgorithm</name>
        <message>
            <location filename="../processing/algorithms.py" line="526" />
            <source>Index or band math (bandmath)</source>
            <translation>Індекс або алгебра каналів (bandmath)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="529" />
            <source>Compute a spectral index or band expression of one scene over the area of interest.</source>
            <translation>Обчислює спектральний індекс або вираз із каналів однієї сцени в області інтересу.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="534" />
            <source>Index or expression (e.g. NDVI, or (B08-B04)/(B08+B04); commas separate several)</source>
            <translation>Індекс або вираз (напр. NDVI або (B08-B04)/(B08+B04); кілька — через кому)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="535" />
            <source>Name in the result's file name</source>
            <translation>Назва в імені файлу результату</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="536" />
            <source>Cloud and cloud shadow pixels of the scene's mask as nodata</source>
            <translation>Пікселі хмар і тіней хмар з маски сцени як nodata</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="549" />
            <source>&lt;p&gt;Evaluates a spectral index or a band expression of one scene over the area of interest: the API's &lt;i&gt;bandmath&lt;/i&gt; task (Download Indices). The result is a Float32 GeoTIFF, one band per expression, nodata -9999, on the grid of the coarsest band used.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Обчислює спектральний індекс або вираз із каналів однієї сцени в області інтересу: завдання API &lt;i&gt;bandmath&lt;/i&gt; (Download Indices). Результат — GeoTIFF Float32, по одному каналу на вираз, nodata -9999, на сітці каналу з найнижчою роздільністю серед використаних.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="553" />
            <source>the scene id, e.g. S2/33/U/UU/2017/2/16/0.</source>
            <translation>ідентифікатор сцени, напр. S2/33/U/UU/2017/2/16/0.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="554" />
            <source>an index name (NDVI, NDWI, EVI, SAVI, NDMI, NBR, ...) or an expression of the scene's bands and aliases such as (B08-B04)/(B08+B04) or (NIR-RED)/(NIR+RED); several expressions separated by commas give several bands.</source>
            <translation>назва індексу (NDVI, NDWI, EVI, SAVI, NDMI, NBR, ...) або вираз із каналів сцени та псевдонімів, як-от (B08-B04)/(B08+B04) чи (NIR-RED)/(NIR+RED); кілька виразів через кому дають кілька каналів.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="557" />
            <source>optional: used in the file name instead of the expression.</source>
            <translation>необов'язково: використовується в імені файлу замість виразу.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="558" />
            <source>pixels the scene's cloud mask flags as cloud or cloud shadow, or as its fill, become nodata (-9999); a scene without a mask band is refused.</source>
            <translation>пікселі, які маска хмар сцени позначає як хмари чи тіні хмар або як її заповнення, стають nodata (-9999); сцену без каналу маски буде відхилено.</translation>
        </message>
    </context>
    <context>
        <name>CatalogDialog</name>
        <message>
            <location filename="../ui/catalog_dialog.py" line="32" />
            <source>STAC API</source>
            <translation>STAC API</translation>
        </message>
        <message>
            <location filename="../ui/catalog_dialog.py" line="42" />
            <source>For a private catalog or bucket: QGIS applies the configuration to the catalog's calls, and the headers it sets go with the band files.</source>
            <translation>Для приватного каталогу чи сховища: QGIS застосовує конфігурацію до запитів каталогу, а заголовки, які вона встановлює, надсилаються з файлами каналів.</translation>
        </message>
        <message>
            <location filename="../ui/catalog_dialog.py" line="49" />
            <source>The URL of the STAC API (its landing page):</source>
            <translation>URL STAC API (його початкова сторінка):</translation>
        </message>
        <message>
            <location filename="../ui/catalog_dialog.py" line="52" />
            <source>Authentication</source>
            <translation>Автентифікація</translation>
        </message>
        <message>
            <location filename="../ui/catalog_dialog.py" line="64" />
            <source>{url} is not an http(s) URL</source>
            <translation>{url} не є URL http(s)</translation>
        </message>
    </context>
    <context>
        <name>ConnectionTest</name>
        <message>
            <location filename="../ui/connection_test.py" line="28" />
            <source>Test connection</source>
            <translation>Перевірити з'єднання</translation>
        </message>
        <message>
            <location filename="../ui/connection_test.py" line="51" />
            <source>Load By Extent: testing the connection</source>
            <translation>Load By Extent: перевірка з'єднання</translation>
        </message>
        <message>
            <location filename="../ui/connection_test.py" line="54" />
            <source>Testing the connection…</source>
            <translation>Перевірка з'єднання…</translation>
        </message>
    </context>
    <context>
        <name>CropForm</name>
        <message>
            <location filename="../ui/crop_form.py" line="33" />
            <source>Merge bands of one resolution</source>
            <translation>Об'єднати канали однієї роздільності</translation>
        </message>
        <message>
            <location filename="../ui/crop_form.py" line="36" />
            <source>Tile metadata</source>
            <translation>Метадані тайла</translation>
        </message>
        <message>
            <location filename="../ui/crop_form.py" line="37" />
            <source>Product metadata</source>
            <translation>Метадані продукту</translation>
        </message>
        <message>
            <location filename="../ui/crop_form.py" line="50" />
            <source>Crop bands (lbe)</source>
            <translation>Обрізання каналів (lbe)</translation>
        </message>
        <message>
            <location filename="../ui/crop_form.py" line="53" />
            <source>Bands</source>
            <translation>Канали</translation>
        </message>
        <message>
            <location filename="../ui/crop_form.py" line="58" />
            <source>→ one JPEG 2000 file, band {band} at {res} m</source>
            <translation>→ один файл JPEG 2000, канал {band}, роздільність {res} m</translation>
        </message>
        <message>
            <location filename="../ui/crop_form.py" line="61" />
            <source>→ one GeoTIFF, {count} band(s) at {res} m</source>
            <translation>→ один GeoTIFF, каналів: {count}, роздільність {res} m</translation>
        </message>
        <message>
            <location filename="../ui/crop_form.py" line="68" />
            <source>→ a zip of {files} GeoTIFF(s) ({parts}){extra}</source>
            <translation>→ zip із файлів GeoTIFF: {files} ({parts}){extra}</translation>
        </message>
    </context>
    <context>
        <name>DatasetChoice</name>
        <message>
            <location filename="../ui/scene_search.py" line="47" />
            <source>Datasets</source>
            <translation>Набори даних</translation>
        </message>
    </context>
    <context>
        <name>FeaturePicker</name>
        <message>
            <location filename="../ui/feature_picker.py" line="48" />
            <source>The polygon the chart and the table show; selecting a feature of the run's layer on the map picks it too</source>
            <translation>Полігон, який показують графік і таблиця; вибір об'єкта шару цього запуску на карті також вибирає його</translation>
        </message>
        <message>
            <location filename="../ui/feature_picker.py" line="57" />
            <source>Polygon</source>
            <translation>Полігон</translation>
        </message>
        <message>
            <location filename="../ui/feature_picker.py" line="105" />
            <source>This table has no view_id column (it was written before the tables had one): its scenes cannot be loaded from the chart. Run the statistics again to load them.</source>
            <translation>У цій таблиці немає стовпця view_id (її записано до того, як таблиці його отримали): її сцени не можна завантажити з графіка. Запустіть статистику знову, щоб завантажити їх.</translation>
        </message>
        <message>
            <location filename="../ui/feature_picker.py" line="109" />
            <source>The shape of polygon {id} is unknown (the table was opened from a file, or the run's polygons are not a layer of this project): its scenes cannot be loaded over it. Run fields_stats in Processing on a polygon layer of the project to load them.</source>
            <translation>Форма полігона {id} невідома (таблицю відкрито з файлу, або полігони запуску не є шаром цього проєкту): його сцени не можна завантажити по ньому. Запустіть fields_stats в Processing на полігональному шарі проєкту, щоб завантажити їх.</translation>
        </message>
    </context>
    <context>
        <name>FieldsStatsAlgorithm</name>
        <message>
            <location filename="../processing/algorithms.py" line="798" />
            <source>Index statistics over time of every polygon (fields_stats)</source>
            <translation>Статистика індексу в часі для кожного полігона (fields_stats)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="801" />
            <source>The statistics of mt_stats for every polygon of a layer, in one table.</source>
            <translation>Статистика mt_stats для кожного полігона шару в одній таблиці.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="805" />
            <source>Polygons (each one on its own)</source>
            <translation>Полігони (кожен окремо)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="806" />
            <source>Field naming each polygon</source>
            <translation>Поле, що називає кожен полігон</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="809" />
            <source>Scene folder (empty: the scene folders of the plugin's settings)</source>
            <translation>Тека сцен (порожньо: теки сцен із налаштувань модуля)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="812" />
            <source>Processing API base URL (empty: the local processor)</source>
            <translation>Базова URL-адреса Processing API (порожньо: локальний обробник)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="814" />
            <source>Output folder</source>
            <translation>Тека результатів</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="816" />
            <source>Statistics of every polygon</source>
            <translation>Статистика кожного полігона</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="818" />
            <source>Result files (separated by ';', main file first)</source>
            <translation>Файли результату (через ';', основний файл першим)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="819" />
            <source>The request run (the API's JSON)</source>
            <translation>Виконаний запит (JSON для API)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="820" />
            <source>Statistics table (CSV)</source>
            <translation>Таблиця статистики (CSV)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="833" />
            <source>{parameter}: the layer has no field {name}</source>
            <translation>{parameter}: шар не має поля {name}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="839" />
            <source>feature {id} has no geometry</source>
            <translation>об'єкт {id} не має геометрії</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="844" />
            <source>no feature (with 'Selected features only', select at least one polygon)</source>
            <translation>жодного об'єкта (з «Selected features only» виберіть хоча б один полігон)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="884" />
            <source>Request: {request}</source>
            <translation>Запит: {request}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="887" />
            <source>Running on the Processing API: one mt_stats task per polygon</source>
            <translation>Виконання в Processing API: одне завдання mt_stats на полігон</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="893" />
            <source>Result: {files}</source>
            <translation>Результат: {files}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="952" />
            <source>&lt;h3&gt;Polygons and where it runs&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Полігони і де це виконується&lt;/h3&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="953" />
            <source>&lt;p&gt;&lt;b&gt;AOI&lt;/b&gt;: a polygon layer; each feature (only the selected ones with &lt;i&gt;Selected features only&lt;/i&gt;) is one polygon of the table, named by its &lt;b&gt;ID_FIELD&lt;/b&gt;.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;AOI&lt;/b&gt;: полігональний шар; кожен об'єкт (лише вибрані з &lt;i&gt;Selected features only&lt;/i&gt;) — один полігон таблиці, названий за своїм &lt;b&gt;ID_FIELD&lt;/b&gt;.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="955" />
            <source>&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: the scene folder for the local processor (several separated by ';'); empty: the scene folders of the plugin's settings.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: тека сцен для локального процесора (кілька — через «;»); порожньо: теки сцен із налаштувань плагіна.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="957" />
            <source>&lt;p&gt;&lt;b&gt;API_URL&lt;/b&gt;: empty runs on this computer, with the local processor, which reads each scene once for all the polygons. A base URL (e.g. {url}) runs on the Processing API instead: one mt_stats task per polygon, its reference the request's followed by '-' and the polygon's id, one after the other, gathered into the same table. A polygon whose task fails is one row with the reason, and the others still run; a polygon asked again as before reuses its earlier task. The API key is read from the authentication configuration chosen in the plugin's settings (Settings › Options › Load By Extent).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;API_URL&lt;/b&gt;: порожньо — виконання на цьому комп'ютері локальним процесором, який читає кожну сцену один раз для всіх полігонів. Базова URL-адреса (напр. {url}) — виконання в Processing API: одне завдання mt_stats на полігон, його reference — reference запиту, за яким ідуть «-» та id полігона, одне за одним, зібрані в ту саму таблицю. Полігон, завдання якого не вдалося, — один рядок із причиною, а інші виконуються далі; полігон, запитаний знову як раніше, повторно використовує своє попереднє завдання. Ключ API береться з конфігурації автентифікації, вибраної в налаштуваннях плагіна (Параметри › Опції › Load By Extent).&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="964" />
            <source>&lt;p&gt;&lt;b&gt;OUTPUT_FOLDER&lt;/b&gt;: where the CSV goes (default: a temporary folder), named after the request's reference. Existing files are never overwritten; nothing is left there when the run fails or is cancelled.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;OUTPUT_FOLDER&lt;/b&gt;: куди потрапляє CSV (типово: тимчасова тека), названий за reference запиту. Наявні файли ніколи не перезаписуються; нічого не лишається, коли виконання зазнає невдачі або скасоване.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="971" />
            <source>&lt;p&gt;The statistics of the &lt;i&gt;mt_stats&lt;/i&gt; task for every polygon of a layer, in one run: each scene is read once for all the polygons that meet it, and each polygon's figures are those an mt_stats run over that polygon alone gives.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Статистика завдання &lt;i&gt;mt_stats&lt;/i&gt; для кожного полігона шару за один запуск: кожна сцена читається один раз для всіх полігонів, які вона перетинає, а значення кожного полігона такі ж, як дав би запуск mt_stats лише над ним.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="975" />
            <source>index names or expressions separated by ';' (expressions contain commas), e.g. NDVI or NDVI;NDWI.</source>
            <translation>назви індексів або вирази через ';' (вирази містять коми), напр. NDVI або NDVI;NDWI.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="977" />
            <source>the first date (default: a year before today; scripts: 'YYYY-MM-DD').</source>
            <translation>перша дата (типово: рік тому від сьогодні; у скриптах: 'YYYY-MM-DD').</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="978" />
            <source>the last date (default: today).</source>
            <translation>остання дата (типово: сьогодні).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="979" />
            <source>optional: sensors separated by commas, e.g. sentinel2, landsat8, S2, L8.</source>
            <translation>необов'язково: сенсори через кому, напр. sentinel2, landsat8, S2, L8.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="980" />
            <source>optional: scenes with more cloud in a polygon (percent) are that polygon's errors.</source>
            <translation>необов'язково: сцени з більшою хмарністю в полігоні (відсотки) стають помилками цього полігона.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="982" />
            <source>leave pixels flagged cloud or cloud shadow out of the statistics.</source>
            <translation>не враховувати в статистиці пікселі, позначені як хмари або тіні від хмар.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="983" />
            <source>the most scenes per polygon (default 100).</source>
            <translation>найбільше сцен на полігон (типово 100).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="985" />
            <source>&lt;p&gt;&lt;b&gt;TABLE&lt;/b&gt;: a table without geometry, one feature per polygon, date and index (id, date, scene_id, index, the ten figures, cloud, view_id); a scene in a polygon's errors is one feature with the reason in &lt;i&gt;error&lt;/i&gt;, a polygon no scene meets one feature with only its id and the reason. &lt;b&gt;CSV&lt;/b&gt; (and &lt;b&gt;FILES&lt;/b&gt;): the same table as CSV in the output folder. &lt;b&gt;REQUEST&lt;/b&gt;: the mt_stats request, its geometry the polygons' envelope.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;TABLE&lt;/b&gt;: таблиця без геометрії, один об'єкт на полігон, дату та індекс (id, date, scene_id, index, десять значень, cloud, view_id); сцена серед помилок полігона — один об'єкт із причиною в &lt;i&gt;error&lt;/i&gt;, полігон, який не перетинає жодна сцена, — один об'єкт лише з id і причиною. &lt;b&gt;CSV&lt;/b&gt; (і &lt;b&gt;FILES&lt;/b&gt;): та сама таблиця як CSV у вихідній теці. &lt;b&gt;REQUEST&lt;/b&gt;: запит mt_stats, його геометрія — охоплення полігонів.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: the scene folder for the local processor (several separated by ';'); empty: the scene folders of the plugin's settings. This algorithm runs on this computer only.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: тека сцен для локального процесора (кілька — через «;»); порожньо: теки сцен із налаштувань плагіна. Цей алгоритм виконується лише на цьому комп'ютері.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;TABLE&lt;/b&gt;: a table without geometry, one feature per polygon, date and index (id, date, scene_id, index, the ten figures, cloud); a scene in a polygon's errors is one feature with the reason in &lt;i&gt;error&lt;/i&gt;, a polygon no scene meets one feature with only its id and the reason. &lt;b&gt;CSV&lt;/b&gt; (and &lt;b&gt;FILES&lt;/b&gt;): the same table as CSV in the output folder. &lt;b&gt;REQUEST&lt;/b&gt;: the mt_stats request, its geometry the polygons' envelope.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;&lt;b&gt;TABLE&lt;/b&gt;: таблиця без геометрії, один об'єкт на полігон, дату та індекс (id, date, scene_id, index, десять значень, cloud); сцена серед помилок полігона — один об'єкт із причиною в &lt;i&gt;error&lt;/i&gt;, полігон, який не перетинає жодна сцена, — один об'єкт лише з id і причиною. &lt;b&gt;CSV&lt;/b&gt; (і &lt;b&gt;FILES&lt;/b&gt;): та сама таблиця як CSV у вихідній теці. &lt;b&gt;REQUEST&lt;/b&gt;: запит mt_stats, його геометрія — охоплення полігонів.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Cancelled: nothing was written.</source>
            <translation type="vanished">Скасовано: нічого не записано.</translation>
        </message>
    </context>
    <context>
        <name>IndexForm</name>
        <message>
            <location filename="../ui/index_form.py" line="49" />
            <source>Custom expression</source>
            <translation>Власний вираз</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="59" />
            <source>optional: a name for the result file</source>
            <translation>необов'язково: назва файлу результату</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="61" />
            <source>Cloud, cloud shadow and the cloud mask's fill become nodata</source>
            <translation>Хмари, тіні хмар і заповнення маски хмар стають nodata</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="67" />
            <source>Catalog</source>
            <translation>Каталог</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="68" />
            <source>Expression</source>
            <translation>Вираз</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="71" />
            <source>Name</source>
            <translation>Назва</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="75" />
            <source>Index (bandmath)</source>
            <translation>Індекс (bandmath)</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="78" />
            <source>Index</source>
            <translation>Індекс</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="81" />
            <source>→ one Float32 GeoTIFF with {count} band(s), nodata -9999, on the grid of the coarsest band used</source>
            <translation>→ один GeoTIFF Float32, каналів: {count}, nodata -9999, на сітці каналу з найнижчою роздільністю серед використаних</translation>
        </message>
    </context>
    <context>
        <name>JpegAlgorithm</name>
        <message>
            <location filename="../processing/algorithms.py" line="571" />
            <source>Visual rendering (jpeg)</source>
            <translation>Візуалізація (jpeg)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="574" />
            <source>Render a band combination or an index of one scene as an 8-bit image in EPSG:3857.</source>
            <translation>Візуалізує комбінацію каналів або індекс однієї сцени як 8-бітне зображення в EPSG:3857.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="579" />
            <source>Bands or expressions (three for red, green, blue, e.g. B04,B03,B02; or one)</source>
            <translation>Канали або вирази (три — для червоного, зеленого, синього, напр. B04,B03,B02; або один)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="580" />
            <source>Name in the result's file name</source>
            <translation>Назва в імені файлу результату</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="582" />
            <source>Resampling method</source>
            <translation>Метод передискретизації</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="584" />
            <source>Colormap of a single-band result (e.g. RdYlGn)</source>
            <translation>Палітра одноканального результату (напр. RdYlGn)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="585" />
            <source>Value range stretched to 0..255, 'low,high'</source>
            <translation>Діапазон значень, що розтягується до 0..255, 'нижнє,верхнє'</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="587" />
            <source>Pixel size, m</source>
            <translation>Розмір пікселя, м</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="590" />
            <source>Format</source>
            <translation>Формат</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="593" />
            <source>Calibrate to top-of-atmosphere reflectance</source>
            <translation>Калібрувати до коефіцієнта відбиття на верхній межі атмосфери</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="594" />
            <source>Cloud and cloud shadow pixels of the scene's mask transparent</source>
            <translation>Пікселі хмар і тіней хмар з маски сцени прозорі</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="617" />
            <source>&lt;p&gt;Renders bands or expressions of one scene over the area of interest as an 8-bit image in EPSG:3857: the API's &lt;i&gt;jpeg&lt;/i&gt; task (Download Visual).&lt;/p&gt;</source>
            <translation>&lt;p&gt;Візуалізує канали або вирази однієї сцени в області інтересу як 8-бітне зображення в EPSG:3857: завдання API &lt;i&gt;jpeg&lt;/i&gt; (Download Visual).&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="620" />
            <source>the scene id, e.g. S2/33/U/UU/2017/2/16/0.</source>
            <translation>ідентифікатор сцени, напр. S2/33/U/UU/2017/2/16/0.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="621" />
            <source>three bands or expressions for red, green and blue (B04,B03,B02), or one (an index such as NDVI, coloured with COLORMAP).</source>
            <translation>три канали або вирази для червоного, зеленого й синього (B04,B03,B02) або один (індекс, як-от NDVI, розфарбований палітрою COLORMAP).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="623" />
            <source>optional: used in the file name.</source>
            <translation>необов'язково: використовується в імені файлу.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="624" />
            <source>resampling method (default cubic): {methods}.</source>
            <translation>метод передискретизації (типово cubic): {methods}.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="626" />
            <source>optional: a named colormap for a single-band result, e.g. RdYlGn, viridis.</source>
            <translation>необов'язково: назва палітри для одноканального результату, напр. RdYlGn, viridis.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="627" />
            <source>optional: the value range stretched to 0..255, 'low,high' (default -0.5,0.5 for indices, a 2-98 % cut for bands).</source>
            <translation>необов'язково: діапазон значень, що розтягується до 0..255, 'нижнє,верхнє' (типово -0.5,0.5 для індексів, відсікання 2-98 % для каналів).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="629" />
            <source>optional: output pixel size in metres; not set keeps the native resolution.</source>
            <translation>необов'язково: розмір пікселя результату в метрах; якщо не задано, лишається власна роздільність.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="630" />
            <source>jpeg, png or tiff (scripts give the index: 0 jpeg, 1 png, 2 tiff).</source>
            <translation>jpeg, png або tiff (скрипти передають індекс: 0 jpeg, 1 png, 2 tiff).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="631" />
            <source>convert digital numbers to top-of-atmosphere reflectance first.</source>
            <translation>спершу перетворити цифрові значення на коефіцієнт відбиття на верхній межі атмосфери.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="632" />
            <source>pixels the scene's cloud mask flags as cloud or cloud shadow, or as its fill, become transparent (black in a JPEG); a scene without a mask band is refused.</source>
            <translation>пікселі, які маска хмар сцени позначає як хмари чи тіні хмар або як її заповнення, стають прозорими (чорними в JPEG); сцену без каналу маски буде відхилено.</translation>
        </message>
        <message>
            <source>Pixel size (0: native)</source>
            <translation type="vanished">Розмір пікселя (0: власний)</translation>
        </message>
        <message>
            <source>must be two numbers 'low,high', not {value!r}</source>
            <translation type="vanished">має бути двома числами 'нижнє,верхнє', а не {value!r}</translation>
        </message>
        <message>
            <source>output pixel size in metres; 0 keeps the native resolution.</source>
            <translation type="vanished">розмір пікселя результату в метрах; 0 зберігає власну роздільність.</translation>
        </message>
    </context>
    <context>
        <name>LbeAlgorithm</name>
        <message>
            <location filename="../processing/algorithms.py" line="469" />
            <source>Crop bands (lbe)</source>
            <translation>Обрізання каналів (lbe)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="472" />
            <source>Crop raster bands of one scene to the area of interest.</source>
            <translation>Обрізає растрові канали однієї сцени за областю інтересу.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="476" />
            <source>Bands (comma-separated, e.g. B04,B03,B02)</source>
            <translation>Канали (через кому, напр. B04,B03,B02)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="478" />
            <source>Merge bands of the same resolution into one file</source>
            <translation>Об'єднати канали однакової роздільності в один файл</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="480" />
            <source>Metadata files to add</source>
            <translation>Файли метаданих, які додати</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="484" />
            <source>tile_md (tile metadata)</source>
            <translation>tile_md (метадані тайла)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="485" />
            <source>product_md (product metadata)</source>
            <translation>product_md (метадані продукту)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="502" />
            <source>&lt;p&gt;Crops raster bands of one satellite scene to the area of interest: the API's &lt;i&gt;lbe&lt;/i&gt; task (Download Analytic). Pixels keep the band's own grid, CRS and data type; pixels whose centre is outside the polygon get the band's nodata.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Обрізає растрові канали однієї супутникової сцени за областю інтересу: завдання API &lt;i&gt;lbe&lt;/i&gt; (Download Analytic). Пікселі зберігають власну сітку, систему координат і тип даних каналу; пікселі, центр яких лежить поза полігоном, отримують значення nodata каналу.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="506" />
            <source>the scene id, e.g. S2/33/U/UU/2017/2/16/0 or L8/LC80290332017076LGN00.</source>
            <translation>ідентифікатор сцени, напр. S2/33/U/UU/2017/2/16/0 або L8/LC80290332017076LGN00.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="507" />
            <source>band names of that sensor, separated by commas, e.g. B04,B03,B02 (Landsat: B4).</source>
            <translation>назви каналів цього сенсора через кому, напр. B04,B03,B02 (Landsat: B4).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="508" />
            <source>merge bands of the same resolution into one file (default yes).</source>
            <translation>об'єднати канали однакової роздільності в один файл (типово так).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="509" />
            <source>metadata files to add: tile_md (tile metadata), product_md (product metadata). Scripts give their indices: 0 tile_md, 1 product_md.</source>
            <translation>файли метаданих, які додати: tile_md (метадані тайла), product_md (метадані продукту). Скрипти передають їхні індекси: 0 tile_md, 1 product_md.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="512" />
            <source>&lt;p&gt;&lt;b&gt;The result&lt;/b&gt; (first rule that matches): a JPEG 2000 (.jp2) for exactly one band of a Sentinel-2 scene; a GeoTIFF (.tif) for one band without metadata, or for merged bands of one resolution without metadata; otherwise a zip of separate band files and the metadata files asked for (the zip is not extracted).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Результат&lt;/b&gt; (діє перше відповідне правило): JPEG 2000 (.jp2) для рівно одного каналу сцени Sentinel-2; GeoTIFF (.tif) для одного каналу без метаданих або для об'єднаних каналів однієї роздільності без метаданих; інакше — zip з окремими файлами каналів і запитаними файлами метаданих (zip не розпаковується).&lt;/p&gt;</translation>
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
            <translation>Обрізання супутникових сцен за областю інтересу</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="111" />
            <source>{count} remote task(s) of an earlier session have not finished.</source>
            <translation>Незавершених віддалених завдань попередньої сесії: {count}.</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="113" />
            <source>Show in the task list</source>
            <translation>Показати в списку завдань</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="27" />
            <source>ring {ring} must be a list of [lon, lat] positions</source>
            <translation>кільце {ring} має бути списком позицій [lon, lat]</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="35" />
            <source>ring {ring}, position {position} is not [lon, lat] with finite numbers</source>
            <translation>кільце {ring}, позиція {position}: не [lon, lat] зі скінченних чисел</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="40" />
            <source>ring {ring}, position {position} ({lon}, {lat}) is outside lon -180..180, lat -90..90 (coordinates are [lon, lat] in that order)</source>
            <translation>кільце {ring}, позиція {position} ({lon}, {lat}) поза межами lon -180..180, lat -90..90 (координати задаються як [lon, lat], саме в такому порядку)</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="45" />
            <source>ring {ring}, position {position} ({lon}, {lat}) is outside lon -180..180, lat -90..90</source>
            <translation>кільце {ring}, позиція {position} ({lon}, {lat}) поза межами lon -180..180, lat -90..90</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="49" />
            <source>ring {ring} has {count} positions; a ring needs at least 4 (closed)</source>
            <translation>кільце {ring} має позицій: {count}; кільцю потрібно щонайменше 4 (замкнене)</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="52" />
            <source>ring {ring} is not closed: its last position must repeat its first</source>
            <translation>кільце {ring} не замкнене: його остання позиція має повторювати першу</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="55" />
            <source>ring {ring} has fewer than 3 distinct positions</source>
            <translation>кільце {ring} має менше ніж 3 різні позиції</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="57" />
            <source>ring {ring} has no area: its positions lie on one line</source>
            <translation>кільце {ring} не має площі: його позиції лежать на одній прямій</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="87" />
            <source>self-intersecting: ring {ring} crosses itself near ({lon}, {lat})</source>
            <translation>самоперетин: кільце {ring} перетинає саме себе біля ({lon}, {lat})</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="90" />
            <source>self-intersecting: rings {ring} and {other} cross each other near ({lon}, {lat})</source>
            <translation>самоперетин: кільця {ring} і {other} перетинаються біля ({lon}, {lat})</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="92" />
            <source>self-intersecting near ({lon}, {lat})</source>
            <translation>самоперетин біля ({lon}, {lat})</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="94" />
            <source>invalid polygon: {reason} near ({lon}, {lat})</source>
            <translation>недійсний полігон: {reason} біля ({lon}, {lat})</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="96" />
            <source>invalid polygon: rings cross each other, or a hole lies outside its shell</source>
            <translation>недійсний полігон: кільця перетинаються між собою або отвір лежить поза зовнішнім контуром</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="100" />
            <source>a hole lies outside its shell</source>
            <translation>отвір лежить поза своєю зовнішньою межею</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="101" />
            <source>a hole lies inside another hole</source>
            <translation>отвір лежить усередині іншого отвору</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="102" />
            <source>a polygon lies inside another polygon</source>
            <translation>полігон лежить усередині іншого полігона</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="103" />
            <source>rings touch so that the inside falls apart</source>
            <translation>кільця торкаються так, що внутрішня частина розпадається</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="104" />
            <source>a ring is repeated</source>
            <translation>кільце повторюється</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="129" />
            <source>{polygon}coordinates must be a non-empty list of rings</source>
            <translation>{polygon}coordinates має бути непорожнім списком кілець</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="140" />
            <source>must be a GeoJSON Polygon or MultiPolygon object</source>
            <translation>має бути об'єктом GeoJSON Polygon або MultiPolygon</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="141" />
            <source>must be a GeoJSON Polygon object</source>
            <translation>має бути об'єктом GeoJSON Polygon</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="145" />
            <source>must be a GeoJSON Polygon or MultiPolygon, not a {type}: give the feature's geometry</source>
            <translation>має бути GeoJSON Polygon або MultiPolygon, а не {type}: передайте геометрію об'єкта</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="147" />
            <source>must be a GeoJSON Polygon, not a {type}: give the feature's geometry</source>
            <translation>має бути GeoJSON Polygon, а не {type}: передайте геометрію об'єкта</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="150" />
            <source>must be a Polygon: this task type does not take a MultiPolygon</source>
            <translation>має бути Polygon: цей тип завдання не приймає MultiPolygon</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="153" />
            <source>must be a GeoJSON Polygon or MultiPolygon, got type {type}</source>
            <translation>має бути GeoJSON Polygon або MultiPolygon, отримано тип {type}</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="155" />
            <source>must be a GeoJSON Polygon, got type {type}</source>
            <translation>має бути GeoJSON Polygon, отримано тип {type}</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="162" />
            <source>coordinates must be a non-empty list of polygons</source>
            <translation>coordinates має бути непорожнім списком полігонів</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="186" />
            <source>must be [min lon, min lat, max lon, max lat] with four numbers</source>
            <translation>має бути [min lon, min lat, max lon, max lat] із чотирьох чисел</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="189" />
            <source>is outside lon -180..180, lat -90..90</source>
            <translation>поза межами lon -180..180, lat -90..90</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="191" />
            <source>min must be smaller than max: [min lon, min lat, max lon, max lat]</source>
            <translation>min має бути меншим за max: [min lon, min lat, max lon, max lat]</translation>
        </message>
        <message>
            <location filename="../core/aoi.py" line="204" />
            <source>is not a geometry OGR can read</source>
            <translation>не є геометрією, яку може прочитати OGR</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="83" />
            <source>calibrate=1: {band} has no scale and offset stated by its source; its values are as stored</source>
            <translation>calibrate=1: для {band} джерело не вказує масштаб і зсув; його значення такі, як збережено</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="89" />
            <source>calibrate=1: {sensor} scenes are not calibrated (no conversion known); values are as stored</source>
            <translation>calibrate=1: сцени {sensor} не калібруються (перетворення невідоме); значення залишено як збережено</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="96" />
            <source>calibrate=1: scene {view_id} has no MTL file in the store; values are as stored</source>
            <translation>calibrate=1: сцена {view_id} не має файлу MTL у сховищі; значення залишено як збережено</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="101" />
            <source>calibrate=1: the MTL of {view_id} gives no sun elevation; values are as stored</source>
            <translation>calibrate=1: MTL сцени {view_id} не містить висоти Сонця; значення залишено як збережено</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="110" />
            <source>calibrate=1: the MTL of {view_id} has no reflectance coefficients for {band}; its values are as stored</source>
            <translation>calibrate=1: MTL сцени {view_id} не має коефіцієнтів відбиття для каналу {band}; його значення залишено як збережено</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="125" />
            <source>calibrate=1: {view_id} is Level-2A (surface reflectance); converted with its quantification value, not to top-of-atmosphere reflectance</source>
            <translation>calibrate=1: {view_id} — рівень 2A (коефіцієнт відбиття поверхні); перетворено за його значенням квантування, а не до коефіцієнта відбиття на верхній межі атмосфери</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="132" />
            <source>calibrate=1: scene {view_id} has no product metadata in the store; reflectance = DN / {quantification} (the Level-1C definition)</source>
            <translation>calibrate=1: сцена {view_id} не має метаданих продукту у сховищі; коефіцієнт відбиття = DN / {quantification} (визначення рівня 1C)</translation>
        </message>
        <message>
            <location filename="../core/calibration.py" line="139" />
            <source>calibrate=1: {band} is not a reflectance band; its values are as stored</source>
            <translation>calibrate=1: {band} не є каналом відбиття; його значення залишено як збережено</translation>
        </message>
        <message>
            <location filename="../core/colormaps.py" line="312" />
            <source>{name} is not a colormap (known: {known}; add {suffix} to reverse one)</source>
            <translation>{name} не є палітрою (відомі: {known}; додайте {suffix}, щоб обернути палітру)</translation>
        </message>
        <message>
            <location filename="../core/colormaps.py" line="366" />
            <source>low must be smaller than high, both finite, not {low},{high}</source>
            <translation>нижнє має бути меншим за верхнє, обидва скінченні, а не {low},{high}</translation>
        </message>
        <message>
            <location filename="../core/colormaps.py" line="409" />
            <source>the number of colormap classes must be at least 2, not {classes}</source>
            <translation>кількість класів палітри має бути щонайменше 2, а не {classes}</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="102" />
            <source>cannot read {path}</source>
            <translation>не вдається прочитати {path}</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="113" />
            <source>cannot read the pixels of {path}</source>
            <translation>не вдається прочитати пікселі {path}</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="159" />
            <source>the result has no files</source>
            <translation>результат не має файлів</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="162" />
            <source>the result file {file} does not exist</source>
            <translation>файл результату {file} не існує</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="170" />
            <source>{file} holds no GeoTIFF or JPEG 2000 raster</source>
            <translation>{file} не містить растра GeoTIFF або JPEG 2000</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="175" />
            <source>results of type {type} are not loaded as layers</source>
            <translation>результати типу {type} не завантажуються як шари</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="194" />
            <source>cannot load {path}: a result is read only as GeoTIFF, JPEG 2000, PNG or JPEG</source>
            <translation>не вдається завантажити {path}: результат читається лише як GeoTIFF, JPEG 2000, PNG або JPEG</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="196" />
            <source>cannot load {path}: it makes GDAL read {file}, and a result is read from its own file only</source>
            <translation>не вдається завантажити {path}: він змушує GDAL читати {file}, а результат читається лише з власного файлу</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="244" />
            <source>cannot open {file} as a zip archive: {reason}</source>
            <translation>не вдається відкрити {file} як архів zip: {reason}</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="266" />
            <source>cannot extract {file}: {reason}</source>
            <translation>не вдається розпакувати {file}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="290" />
            <source>{file} is refused: its member {member} would be written outside the folder</source>
            <translation>{file} відхилено: його елемент {member} було б записано поза текою</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="293" />
            <source>{file} is refused: its member {member} is a symbolic link</source>
            <translation>{file} відхилено: його елемент {member} — символьне посилання</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="301" />
            <source>{file} is refused: its member {member} repeats or clashes with another member</source>
            <translation>{file} відхилено: його елемент {member} повторює інший елемент або конфліктує з ним</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="333" />
            <source>{file} is refused: its member {member} expands more than {ratio} times its compressed size (the limit of extraction)</source>
            <translation>{file} відхилено: його елемент {member} розпаковується більш ніж у {ratio} разів понад стиснений розмір (межа розпакування)</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="339" />
            <source>{file} is refused: its members hold more than {size} MB (the limit of extraction)</source>
            <translation>{file} відхилено: його елементи містять понад {size} МБ (межа розпакування)</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="342" />
            <source>{file} needs more than {needed} MB to extract; {free} MB are free, and {margin} MB are kept free</source>
            <translation>{file} потребує понад {needed} МБ для розпакування; вільно {free} МБ, а {margin} МБ лишаються вільними</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="379" />
            <source>cannot extract {member} from {file}: {reason}</source>
            <translation>не вдається розпакувати {member} з {file}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/display.py" line="396" />
            <source>no free folder name for {folder}</source>
            <translation>немає вільної назви теки для {folder}</translation>
        </message>
        <message>
            <location filename="../core/errors.py" line="65" />
            <source>{view_id} is not in the scene store {store}</source>
            <translation>{view_id} немає у сховищі сцен {store}</translation>
        </message>
        <message>
            <location filename="../core/errors.py" line="80" />
            <source>cancelled</source>
            <translation>скасовано</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="52" />
            <source>Unsupported band or operation: {detail}</source>
            <translation>Непідтримуваний канал або операція: {detail}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="231" />
            <source>the end of the expression</source>
            <translation>кінець виразу</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="232" />
            <source>'{token}' at position {position}</source>
            <translation>'{token}' у позиції {position}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="257" />
            <source>malformed number '{number}' at position {position}</source>
            <translation>неправильне число '{number}' у позиції {position}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="270" />
            <source>unexpected character '{character}' at position {position}</source>
            <translation>неочікуваний символ '{character}' у позиції {position}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="288" />
            <source>the expression must be text, not {type}</source>
            <translation>вираз має бути текстом, а не {type}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="296" />
            <source>empty expression at position {position}</source>
            <translation>порожній вираз у позиції {position}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="297" />
            <source>empty expression</source>
            <translation>порожній вираз</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="326" />
            <source>unbalanced parentheses: ')' at position {position} has no matching '('</source>
            <translation>незбалансовані дужки: ')' у позиції {position} не має відповідної '('</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="329" />
            <source>unexpected ',' at position {position}: commas separate expressions only at the top level of bm_type, and arguments only inside a function call</source>
            <translation>неочікувана ',' у позиції {position}: коми розділяють вирази лише на верхньому рівні bm_type, а аргументи — лише всередині виклику функції</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="332" />
            <source>unexpected '{token}' at position {position}: an operator is missing before it</source>
            <translation>неочікуване '{token}' у позиції {position}: перед ним бракує оператора</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="338" />
            <source>the expression is nested too deeply near position {position} (at most {levels} levels)</source>
            <translation>вираз надто глибоко вкладений біля позиції {position} (щонайбільше {levels} рівнів)</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="394" />
            <source>the number {number} at position {position} is too large</source>
            <translation>число {number} у позиції {position} надто велике</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="405" />
            <source>empty parentheses at position {position}</source>
            <translation>порожні дужки в позиції {position}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="416" />
            <source>unknown function '{function}' at position {position} (known: {known}); did you mean {suggestion}?</source>
            <translation>невідома функція '{function}' у позиції {position} (відомі: {known}); можливо, ви мали на увазі {suggestion}?</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="419" />
            <source>unknown function '{function}' at position {position} (known: {known})</source>
            <translation>невідома функція '{function}' у позиції {position} (відомі: {known})</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="438" />
            <source>{function} at position {position} takes at least {arguments} arguments, not {count}</source>
            <translation>{function} у позиції {position} приймає щонайменше {arguments} аргументи, а не {count}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="440" />
            <source>{function} at position {position} takes 1 argument, not {count}</source>
            <translation>{function} у позиції {position} приймає 1 аргумент, а не {count}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="442" />
            <source>{function} at position {position} takes {arguments} arguments, not {count}</source>
            <translation>{function} у позиції {position} приймає {arguments} аргументи, а не {count}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="453" />
            <source>unbalanced parentheses: '(' at position {position} is never closed</source>
            <translation>незбалансовані дужки: '(' у позиції {position} ніде не закрито</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="456" />
            <source>unexpected ',' at position {position}: only a function call takes several arguments</source>
            <translation>неочікувана ',' у позиції {position}: кілька аргументів приймає лише виклик функції</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="458" />
            <source>unexpected '{token}' at position {position}: expected ')' to close the '(' at position {opening}, or an operator</source>
            <translation>неочікуване '{token}' у позиції {position}: очікувалася ')', що закриває '(' у позиції {opening}, або оператор</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="466" />
            <source>the expression ends too early at position {position}: a number, band or '(' is missing</source>
            <translation>вираз закінчується зарано, у позиції {position}: бракує числа, каналу або '('</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="472" />
            <source>unexpected ')' at position {position}: a number, band or '(' is missing before it</source>
            <translation>неочікувана ')' у позиції {position}: перед нею бракує числа, каналу або '('</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="474" />
            <source>unexpected '{token}' at position {position}: a number, band or '(' is expected there</source>
            <translation>неочікуване '{token}' у позиції {position}: тут очікується число, канал або '('</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="602" />
            <source>{name} is not a {sensor} band or alias (did you mean {suggestion}? names are case-sensitive)</source>
            <translation>{name} — не канал і не псевдонім {sensor} (можливо, {suggestion}? назви чутливі до регістру)</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="604" />
            <source>{name} is not a {sensor} band or alias (did you mean {suggestion}? {sensor} names it so)</source>
            <translation>{name} — не канал і не псевдонім {sensor} (можливо, {suggestion}? так його називає {sensor})</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="606" />
            <source>{name} is not a {sensor} band or alias ({name} is a function: write {name}(...))</source>
            <translation>{name} — не канал і не псевдонім {sensor} ({name} — функція: пишіть {name}(...))</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="608" />
            <source>{name} is not a {sensor} band or alias</source>
            <translation>{name} — не канал і не псевдонім {sensor}</translation>
        </message>
        <message>
            <location filename="../core/expressions.py" line="673" />
            <source>band {band} was not read for the expression</source>
            <translation>канал {band} не було прочитано для виразу</translation>
        </message>
        <message>
            <location filename="../core/fields_table.py" line="72" />
            <source>{path} is not a table of statistics of many polygons: it has no column {names}</source>
            <translation>{path} не є таблицею статистики багатьох полігонів: у ній немає стовпця {names}</translation>
        </message>
        <message>
            <location filename="../core/fields_table.py" line="76" />
            <source>{path} cannot be read: {error}</source>
            <translation>не вдається прочитати {path}: {error}</translation>
        </message>
        <message>
            <location filename="../core/fields_table.py" line="78" />
            <source>{path} holds no polygon</source>
            <translation>{path} не містить полігонів</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="178" />
            <source>cannot read {path}: it is a {driver} file, and scene bands are read only as GeoTIFF or JPEG 2000</source>
            <translation>не вдається прочитати {path}: це файл {driver}, а канали сцен читаються лише як GeoTIFF або JPEG 2000</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="181" />
            <source>not a GeoTIFF or JPEG 2000 raster</source>
            <translation>не растр GeoTIFF або JPEG 2000</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="182" />
            <source>cannot read {path}: {reason}</source>
            <translation>не вдається прочитати {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="211" />
            <source>cannot read {path}: it makes GDAL read {file}, and scene bands are read only from GeoTIFF or JPEG 2000 files</source>
            <translation>не вдається прочитати {path}: він змушує GDAL читати {file}, а канали сцен читаються лише з файлів GeoTIFF або JPEG 2000</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="236" />
            <source>the file is empty</source>
            <translation>файл порожній</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="263" />
            <source>read failed</source>
            <translation>помилка читання</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="264" />
            <source>cannot read pixels of {path}: {reason}</source>
            <translation>не вдається прочитати пікселі {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="295" />
            <source>no transformation</source>
            <translation>немає перетворення</translation>
        </message>
        <message>
            <location filename="../core/gdal_support.py" line="296" />
            <source>cannot transform the area of interest to the raster's CRS: {reason}</source>
            <translation>не вдається перетворити область інтересу в систему координат растра: {reason}</translation>
        </message>
        <message>
            <location filename="../core/http_credentials.py" line="35" />
            <source>the header {name} of the authentication configuration cannot be sent: its name or value holds a line break or a colon</source>
            <translation>заголовок {name} конфігурації автентифікації не можна надіслати: його назва чи значення містить розрив рядка або двокрапку</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="216" />
            <source>the server does not serve parts of files (HTTP range requests), which reading only the blocks an area needs takes</source>
            <translation>сервер не віддає частин файлів (запити HTTP Range), а саме вони потрібні, щоб читати лише блоки, яких торкається область</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="218" />
            <source>it is not a GeoTIFF (scene bands over HTTP are read only as cloud-optimized GeoTIFFs)</source>
            <translation>це не GeoTIFF (канали сцен через HTTP читаються лише як хмарно-оптимізовані GeoTIFF)</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="230" />
            <source>cannot read {path}: it is not a cloud-optimized GeoTIFF (its pixels are stored in strips as wide as the image, so any area would fetch whole rows of it)</source>
            <translation>не вдається прочитати {path}: це не хмарно-оптимізований GeoTIFF (його пікселі зберігаються смугами на всю ширину зображення, тож будь-яка область завантажувала б цілі рядки)</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="264" />
            <source>the connection was cut, also after {retries} retries</source>
            <translation>з'єднання обірвалося, також після повторних спроб: {retries}</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="286" />
            <source>access denied (HTTP {status}): the address needs credentials, or its signature has expired</source>
            <translation>доступ заборонено (HTTP {status}): адреса потребує облікових даних, або її підпис прострочено</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="289" />
            <source>not found (HTTP {status})</source>
            <translation>не знайдено (HTTP {status})</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="291" />
            <source>too many requests (HTTP 429), also after {retries} retries</source>
            <translation>забагато запитів (HTTP 429), також після повторних спроб: {retries}</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="293" />
            <source>the server failed (HTTP {status}), also after {retries} retries</source>
            <translation>збій сервера (HTTP {status}), також після повторних спроб: {retries}</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="295" />
            <source>refused (HTTP {status})</source>
            <translation>відмовлено (HTTP {status})</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="303" />
            <source>cannot connect ({reason})</source>
            <translation>не вдається з'єднатися ({reason})</translation>
        </message>
        <message>
            <location filename="../core/http_raster.py" line="311" />
            <source>no answer within {seconds} s, also after {retries} retries</source>
            <translation>немає відповіді протягом {seconds} с, також після повторних спроб: {retries}</translation>
        </message>
        <message>
            <location filename="../core/http_store.py" line="50" />
            <source>{url} is not an http(s) URL</source>
            <translation>{url} не є URL http(s)</translation>
        </message>
        <message>
            <location filename="../core/http_store.py" line="91" />
            <source>the scene store {store} lists no scenes over HTTP: it serves scenes by view_id only</source>
            <translation>сховище сцен {store} не перелічує сцени через HTTP: воно видає сцени лише за view_id</translation>
        </message>
        <message>
            <location filename="../core/http_store.py" line="118" />
            <source>the server does not say whether it has the file</source>
            <translation>сервер не повідомляє, чи має він цей файл</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="241" />
            <source>{name} is not an index the API knows (did you mean {suggestion}? index names are upper case)</source>
            <translation>{name} — не індекс, відомий API (можливо, {suggestion}? назви індексів пишуться великими літерами)</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="243" />
            <source>{name} is not an index the API knows ({known})</source>
            <translation>{name} — не індекс, відомий API ({known})</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="252" />
            <source>{index} needs the {alias} band ({title}), which {sensor} does not have</source>
            <translation>{index} потребує каналу {alias} ({title}), якого {sensor} не має</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="270" />
            <source>{index} has no public definition; give the expression instead, e.g. (B08-B04)/(B08+B04)</source>
            <translation>{index} не має публічного визначення; задайте натомість вираз, напр. (B08-B04)/(B08+B04)</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="279" />
            <source>{index} needs reflectance (0..1), and {sensor} bands are level-1 digital numbers, calibrated per scene with its MTL file; calibrate the bands first, or use an index without additive constants such as NDVI</source>
            <translation>{index} потребує коефіцієнта відбиття (0..1), а канали {sensor} — цифрові значення рівня 1, що калібруються для кожної сцени за її файлом MTL; спершу відкалібруйте канали або використайте індекс без адитивних констант, як-от NDVI</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="283" />
            <source>{index} needs reflectance (0..1), and {sensor} bands are 8-bit digital numbers without a radiometric calibration; calibrate the bands first, or use an index without additive constants such as NDVI</source>
            <translation>{index} потребує коефіцієнта відбиття (0..1), а канали {sensor} — 8-бітні цифрові значення без радіометричного калібрування; спершу відкалібруйте канали або використайте індекс без адитивних констант, як-от NDVI</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="287" />
            <source>{index} needs reflectance (0..1), and {sensor} bands are values without a known reflectance scale; calibrate the bands first, or use an index without additive constants such as NDVI</source>
            <translation>{index} потребує коефіцієнта відбиття (0..1), а канали {sensor} — значення без відомої шкали відбиття; спершу відкалібруйте канали або використайте індекс без адитивних констант, як-от NDVI</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="304" />
            <source>{name} is an index name: give it on its own, not inside an expression (e.g. bm_type "{name},B04" gives two bands)</source>
            <translation>{name} — назва індексу: задайте її окремо, а не всередині виразу (напр. bm_type "{name},B04" дає два канали)</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="311" />
            <source>{problem}, nor an index the API knows ({known})</source>
            <translation>{problem}, і не індекс, відомий API ({known})</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="329" />
            <source>bm_type must be text, not {type}</source>
            <translation>bm_type має бути текстом, а не {type}</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="335" />
            <source>empty expression: give an index name such as NDVI or an expression such as (B08-B04)/(B08+B04)</source>
            <translation>порожній вираз: задайте назву індексу, як-от NDVI, або вираз, як-от (B08-B04)/(B08+B04)</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="337" />
            <source>expression {number} of {count} is empty (position {position}): remove the extra comma</source>
            <translation>вираз {number} з {count} порожній (позиція {position}): приберіть зайву кому</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="357" />
            <source>{index} = {formula} (bands as reflectance: value / {scale})</source>
            <translation>{index} = {formula} (канали як коефіцієнт відбиття: значення / {scale})</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="359" />
            <source>{index} = {formula} (bands as reflectance: {sensor} bands must be calibrated first)</source>
            <translation>{index} = {formula} (канали як коефіцієнт відбиття: канали {sensor} треба спершу відкалібрувати)</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="376" />
            <source>{count} expression(s); pick a scene to check its bands</source>
            <translation>виразів: {count}; виберіть сцену, щоб перевірити її канали</translation>
        </message>
        <message>
            <location filename="../core/indices.py" line="388" />
            <source>{expressions} · on the {resolution} m grid</source>
            <translation>{expressions} · на сітці {resolution} m</translation>
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
            <translation>запит має бути не більше {size} МіБ; цей більший</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="117" />
            <source>is nested more than {depth} levels deep</source>
            <translation>має вкладеність понад {depth} рівнів</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="122" />
            <source>holds a number of {digits} digits (at most {maximum})</source>
            <translation>містить число з {digits} цифр (не більше {maximum})</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="144" />
            <source>must be a JSON object with type and params</source>
            <translation>має бути об'єктом JSON із type і params</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="155" />
            <source>is not valid JSON: {reason} at line {line} column {column}</source>
            <translation>не є коректним JSON: {reason} у рядку {line}, стовпці {column}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="220" />
            <source>unknown field (a request has type, params and callback_url)</source>
            <translation>невідоме поле (запит має type, params і callback_url)</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="223" />
            <source>missing: one of {task_types}</source>
            <translation>відсутнє: одне з {task_types}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="226" />
            <source>{task_type} is not a task type (one of {task_types})</source>
            <translation>{task_type} не є типом завдання (один із {task_types})</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="232" />
            <source>must be an http:// or https:// URL</source>
            <translation>має бути URL-адресою http:// або https://</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="235" />
            <source>missing or not a JSON object</source>
            <translation>відсутнє або не є об'єктом JSON</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="239" />
            <source>is not a parameter of {task_type} (known: {known})</source>
            <translation>не є параметром {task_type} (відомі: {known})</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="264" />
            <source>missing</source>
            <translation>відсутнє</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="267" />
            <source>must be a non-empty string</source>
            <translation>має бути непорожнім рядком</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="278" />
            <source>missing: the API requires a unique id for each request (any string)</source>
            <translation>відсутнє: API вимагає унікального ідентифікатора для кожного запиту (будь-який рядок)</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="290" />
            <source>must be true or false, not {value}</source>
            <translation>має бути true або false, а не {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="299" />
            <source>must be a number, not {value}</source>
            <translation>має бути числом, а не {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="301" />
            <source>must be greater than 0, not {value}</source>
            <translation>має бути більшим за 0, а не {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="303" />
            <source>must be between {minimum} and {maximum}, not {value}</source>
            <translation>має бути від {minimum} до {maximum}, а не {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="314" />
            <source>must be a whole number, not {value}</source>
            <translation>має бути цілим числом, а не {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="317" />
            <source>must be at least {minimum}, not {value}</source>
            <translation>має бути щонайменше {minimum}, а не {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="320" />
            <source>must be at most {maximum}, not {value}</source>
            <translation>має бути не більше {maximum}, а не {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="335" />
            <source>must be a list of strings, not {value}</source>
            <translation>має бути списком рядків, а не {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="338" />
            <source>must not be empty</source>
            <translation>не може бути порожнім</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="342" />
            <source>{item} is not a non-empty string</source>
            <translation>{item} не є непорожнім рядком</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="345" />
            <source>{item} is listed twice</source>
            <translation>{item} вказано двічі</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="352" />
            <source>missing: a date YYYY-MM-DD</source>
            <translation>відсутнє: дата YYYY-MM-DD</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="354" />
            <source>must be a date YYYY-MM-DD, not {value}</source>
            <translation>має бути датою YYYY-MM-DD, а не {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="361" />
            <source>{value} is not a date YYYY-MM-DD</source>
            <translation>{value} не є датою YYYY-MM-DD</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="372" />
            <source>give either geometry or bbox, not both</source>
            <translation>задайте або geometry, або bbox, але не обидва</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="378" />
            <source>missing: the area of interest as a GeoJSON Polygon in EPSG:4326</source>
            <translation>відсутнє: область інтересу як GeoJSON Polygon в EPSG:4326</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="383" />
            <source>missing: the scene id, e.g. S2/33/U/UU/2017/2/16/0</source>
            <translation>відсутнє: ідентифікатор сцени, напр. S2/33/U/UU/2017/2/16/0</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="395" />
            <source>{band} is not a {sensor} band (did you mean {suggestion}?)</source>
            <translation>{band} — не канал {sensor} (можливо, {suggestion}?)</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="397" />
            <source>{band} is not a {sensor} band (bands: {bands})</source>
            <translation>{band} — не канал {sensor} (канали: {bands})</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="407" />
            <source>{name} is not a metadata file (known: {known})</source>
            <translation>{name} — не файл метаданих (відомі: {known})</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="432" />
            <source>at most {maximum} expressions, not {count}</source>
            <translation>не більше {maximum} виразів, а не {count}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="438" />
            <source>{value} has an empty expression between commas</source>
            <translation>{value} містить порожній вираз між комами</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="448" />
            <source>{value} uses no band: give at least one band or index</source>
            <translation>{value} не використовує жодного каналу: вкажіть хоча б один канал або індекс</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="461" />
            <source>must be two numbers 'low,high', not {value}</source>
            <translation>має бути двома числами 'нижнє,верхнє', а не {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="464" />
            <source>low must be smaller than high, not {value}</source>
            <translation>нижнє має бути меншим за верхнє, а не {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="475" />
            <source>give one expression, or three bands or expressions for red, green, blue</source>
            <translation>задайте один вираз або три канали чи вирази для червоного, зеленого, синього</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="479" />
            <source>{resample} is not a resampling method ({methods})</source>
            <translation>{resample} — не метод передискретизації ({methods})</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="485" />
            <source>{format} is not a format ({formats})</source>
            <translation>{format} — не формат ({formats})</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="491" />
            <source>must be 0 or 1, not {value}</source>
            <translation>має бути 0 або 1, а не {value}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="537" />
            <source>at most {maximum} indices, not {count}</source>
            <translation>щонайбільше {maximum} індекси, а не {count}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="543" />
            <source>{date_end} is before date_start {date_start}</source>
            <translation>{date_end} раніше за date_start {date_start}</translation>
        </message>
        <message>
            <location filename="../core/request.py" line="548" />
            <source>{name} is not a sensor (e.g. sentinel2, landsat8, S2, L8, S2L2A)</source>
            <translation>{name} — не сенсор (напр. sentinel2, landsat8, S2, L8, S2L2A)</translation>
        </message>
        <message>
            <location filename="../core/results.py" line="34" />
            <source>No scene meets the AOI between {start} and {end}</source>
            <translation>Жодна сцена не перетинає AOI між {start} і {end}</translation>
        </message>
        <message>
            <location filename="../core/runner.py" line="83" />
            <source>the output folder {folder} is a file, not a folder</source>
            <translation>вихідна тека {folder} є файлом, а не текою</translation>
        </message>
        <message>
            <location filename="../core/runner.py" line="146" />
            <source>the disk of {folder} is full ({reason}); nothing was written</source>
            <translation>диск теки {folder} заповнений ({reason}); нічого не записано</translation>
        </message>
        <message>
            <location filename="../core/runner.py" line="149" />
            <source>the system refused: {reason}</source>
            <translation>система відмовила: {reason}</translation>
        </message>
        <message>
            <location filename="../core/runner.py" line="152" />
            <source>cannot write in the output folder {folder}: {reason}</source>
            <translation>не вдається записати у вихідну теку {folder}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/runner.py" line="154" />
            <source>cannot write in the output folder {folder}: {path}: {reason}</source>
            <translation>не вдається записати у вихідну теку {folder}: {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/runner.py" line="156" />
            <source>{path}: {reason}</source>
            <translation>{path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/scenes.py" line="139" />
            <source>scene {view_id} has no band {band} in the store (it has: {bands})</source>
            <translation>сцена {view_id} не має каналу {band} у сховищі (наявні: {bands})</translation>
        </message>
        <message>
            <location filename="../core/scenes.py" line="141" />
            <source>scene {view_id} has no band {band} in the store (it has: none)</source>
            <translation>сцена {view_id} не має каналу {band} у сховищі (наявні: жодного)</translation>
        </message>
        <message>
            <location filename="../core/scenes.py" line="196" />
            <source>{path} is not georeferenced</source>
            <translation>{path} не має геоприв'язки</translation>
        </message>
        <message>
            <location filename="../core/scenes.py" line="314" />
            <source>scene {view_id} is left out: none of its bands can be read</source>
            <translation>сцену {view_id} пропущено: жоден її канал не читається</translation>
        </message>
        <message>
            <location filename="../core/scenes.py" line="374" />
            <source>the scene folder {folder} does not exist</source>
            <translation>тека сцен {folder} не існує</translation>
        </message>
        <message>
            <location filename="../core/scenes.py" line="392" />
            <source>{path} is skipped: its name is not UTF-8</source>
            <translation>{path} пропущено: його назва не в UTF-8</translation>
        </message>
        <message>
            <location filename="../core/scenes.py" line="424" />
            <source>(no scene folder)</source>
            <translation>(немає теки сцен)</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="311" />
            <source>{view_id} has no valid date ({year}-{month}-{day})</source>
            <translation>{view_id} не має коректної дати ({year}-{month}-{day})</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="319" />
            <source>{view_id} has no valid day of year ({year}, day {day_of_year})</source>
            <translation>{view_id} не має коректного дня року ({year}, день {day_of_year})</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="327" />
            <source>missing: give the scene id, e.g. S2/33/U/UU/2017/2/16/0</source>
            <translation>відсутнє: задайте ідентифікатор сцени, напр. S2/33/U/UU/2017/2/16/0</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="340" />
            <source>{view_id} is not a known scene id (expected S2/..., L8/..., L9/..., L7/..., L5/..., MODIS/... or NAIP/...)</source>
            <translation>{view_id} — не відомий ідентифікатор сцени (очікується S2/..., L8/..., L9/..., L7/..., L5/..., MODIS/... або NAIP/...)</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="358" />
            <source>{view_id} is not a Sentinel-2 id of the form {form}, e.g. S2/33/U/UU/2017/2/16/0</source>
            <translation>{view_id} — не ідентифікатор Sentinel-2 вигляду {form}, напр. S2/33/U/UU/2017/2/16/0</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="363" />
            <source>{view_id}: UTM zone {zone} is not between 1 and 60</source>
            <translation>{view_id}: зона UTM {zone} не в межах від 1 до 60</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="367" />
            <source>{view_id}: zone, month, day and sequence are not zero-padded in view_ids ({canonical})</source>
            <translation>{view_id}: зона, місяць, день і порядковий номер у view_id не доповнюються нулями ({canonical})</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="383" />
            <source>{view_id} is not a Landsat scene id (e.g. L8/LC80290332017076LGN00 or L8/LC08_L1TP_224078_20200518_20200518_01_RT)</source>
            <translation>{view_id} — не ідентифікатор сцени Landsat (напр. L8/LC80290332017076LGN00 або L8/LC08_L1TP_224078_20200518_20200518_01_RT)</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="390" />
            <source>{view_id}: {kind} scenes are not supported</source>
            <translation>{view_id}: сцени {kind} не підтримуються</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="396" />
            <source>{view_id}: the prefix {prefix}/ does not match a Landsat {satellite} scene</source>
            <translation>{view_id}: префікс {prefix}/ не відповідає сцені Landsat {satellite}</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="406" />
            <source>{view_id} is not a MODIS id of the form {form}, e.g. MODIS/12/04/2017204/2017213034223</source>
            <translation>{view_id} — не ідентифікатор MODIS вигляду {form}, напр. MODIS/12/04/2017204/2017213034223</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="411" />
            <source>{view_id}: MODIS tile {tile} is outside the grid (h 0-35, v 0-17)</source>
            <translation>{view_id}: тайл MODIS {tile} поза сіткою (h 0-35, v 0-17)</translation>
        </message>
        <message>
            <location filename="../core/sensors.py" line="422" />
            <source>{view_id}: a NAIP id needs the image name after NAIP/</source>
            <translation>{view_id}: ідентифікатор NAIP потребує назви зображення після NAIP/</translation>
        </message>
        <message>
            <location filename="../core/series.py" line="56" />
            <source>{index} series of polygon {id} {first} to {last}</source>
            <translation>Серія {index} полігона {id} з {first} по {last}</translation>
        </message>
        <message>
            <location filename="../core/series.py" line="58" />
            <source>{index} series {first} to {last}</source>
            <translation>серія {index} з {first} по {last}</translation>
        </message>
        <message>
            <location filename="../core/sources.py" line="105" />
            <source>the scene source {url} refused access (HTTP 401): it needs credentials</source>
            <translation>джерело сцен {url} відмовило в доступі (HTTP 401): потрібні облікові дані</translation>
        </message>
        <message>
            <location filename="../core/sources.py" line="110" />
            <source>the scene source {url} does not answer: {reason}</source>
            <translation>джерело сцен {url} не відповідає: {reason}</translation>
        </message>
        <message>
            <location filename="../core/sources.py" line="136" />
            <source>{url} is no STAC API (its landing page has no search link), and a web server of scene folders cannot be searched: it serves scenes by view_id only</source>
            <translation>{url} не є STAC API (його головна сторінка не має посилання search), а вебсервер із теками сцен не можна шукати: він видає сцени лише за view_id</translation>
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
            <translation>хмарність {cloud} %</translation>
        </message>
        <message>
            <location filename="../core/statistics.py" line="278" />
            <source>{date} · {scene} · not computed: {reason}</source>
            <translation>{date} · {scene} · не обчислено: {reason}</translation>
        </message>
        <message>
            <location filename="../core/statistics.py" line="280" />
            <source>no reason given</source>
            <translation>причину не вказано</translation>
        </message>
        <message>
            <location filename="../core/vector.py" line="49" />
            <source>{path} holds no layer</source>
            <translation>{path} не містить жодного шару</translation>
        </message>
        <message>
            <location filename="../core/vector.py" line="54" />
            <source>{path} has no field {name} (its fields: {fields})</source>
            <translation>{path} не має поля {name} (його поля: {fields})</translation>
        </message>
        <message>
            <location filename="../core/vector.py" line="67" />
            <source>feature {id} of {path} is not a polygon ({kind})</source>
            <translation>об'єкт {id} з {path} не є полігоном ({kind})</translation>
        </message>
        <message>
            <location filename="../core/vector.py" line="78" />
            <source>{path} holds no feature</source>
            <translation>{path} не містить жодного об'єкта</translation>
        </message>
        <message>
            <location filename="../core/vector.py" line="90" />
            <source>not a vector file OGR can read</source>
            <translation>не є векторним файлом, який може прочитати OGR</translation>
        </message>
        <message>
            <location filename="../core/local/bandmath.py" line="175" />
            <source>cannot resample {path} onto the grid of {resolution} m</source>
            <translation>не вдається передискретизувати {path} на сітку {resolution} m</translation>
        </message>
        <message>
            <location filename="../core/local/bandmath.py" line="329" />
            <source>the area of interest does not overlap scene {view_id}</source>
            <translation>область інтересу не перекривається зі сценою {view_id}</translation>
        </message>
        <message>
            <location filename="../core/local/bandmath.py" line="351" />
            <source>a cloud mask</source>
            <translation>маски хмар</translation>
        </message>
        <message>
            <location filename="../core/local/bandmath.py" line="353" />
            <source>scene {view_id} of the same day meets the area of interest but is left out: it has no {what}</source>
            <translation>сцена {view_id} того ж дня перетинає область інтересу, але її не враховано: у ній немає {what}</translation>
        </message>
        <message>
            <location filename="../core/local/bandmath.py" line="479" />
            <source>nodata (-9999)</source>
            <translation>nodata (-9999)</translation>
        </message>
        <message>
            <location filename="../core/local/cloud_mask.py" line="95" />
            <source>cannot take the mask {path} onto the grid of the index</source>
            <translation>не вдається перенести маску {path} на сітку індексу</translation>
        </message>
        <message>
            <location filename="../core/local/cloud_mask.py" line="142" />
            <source>scene {view_id} has no cloud mask (no Fmask, QA_PIXEL, BQA or SCL band): its cloud and shadow pixels cannot be excluded; run it without exclude_cover_pixels</source>
            <translation>сцена {view_id} не має маски хмар (немає каналу Fmask, QA_PIXEL, BQA чи SCL): її пікселі хмар і тіней неможливо виключити; запустіть без exclude_cover_pixels</translation>
        </message>
        <message>
            <location filename="../core/local/cloud_mask.py" line="180" />
            <source>{masked} of the {total} pixels of the area of interest are cloud, cloud shadow or not observed in the scene's cloud mask ({mask}): {result}</source>
            <translation>{masked} з {total} пікселів області інтересу — хмари, тіні хмар або не спостережені в масці хмар сцени ({mask}): {result}</translation>
        </message>
        <message>
            <location filename="../core/local/field_stats.py" line="99" />
            <source>statistics of many polygons take an mt_stats request, not {type}</source>
            <translation>статистика багатьох полігонів приймає запит mt_stats, а не {type}</translation>
        </message>
        <message>
            <location filename="../core/local/field_stats.py" line="102" />
            <source>no polygon to compute statistics for</source>
            <translation>немає полігона, для якого обчислювати статистику</translation>
        </message>
        <message>
            <location filename="../core/local/field_stats.py" line="132" />
            <source>statistics of many polygons take an mt_stats request</source>
            <translation>статистика багатьох полігонів приймає запит mt_stats</translation>
        </message>
        <message>
            <location filename="../core/local/field_stats.py" line="442" />
            <source>{fields} field(s), {scenes} scene(s) between {date_start} and {date_end}: {pairs} field-scene pair(s)</source>
            <translation>полів: {fields}, сцен: {scenes} між {date_start} і {date_end}: пар поле-сцена: {pairs}</translation>
        </message>
        <message>
            <location filename="../core/local/field_stats.py" line="498" />
            <source>no scene meets this polygon between {date_start} and {date_end}</source>
            <translation>жодна сцена не перетинає цей полігон між {date_start} і {date_end}</translation>
        </message>
        <message>
            <location filename="../core/local/jpeg.py" line="110" />
            <source>black</source>
            <translation>чорні</translation>
        </message>
        <message>
            <location filename="../core/local/jpeg.py" line="110" />
            <source>transparent</source>
            <translation>прозорі</translation>
        </message>
        <message>
            <location filename="../core/local/jpeg.py" line="217" />
            <source>the area of interest cannot be expressed in EPSG:3857 (too close to a pole?)</source>
            <translation>область інтересу неможливо виразити в EPSG:3857 (надто близько до полюса?)</translation>
        </message>
        <message>
            <location filename="../core/local/jpeg.py" line="235" />
            <source>the rendering would be {width} x {height} pixels; give a larger px_size</source>
            <translation>зображення мало б {width} x {height} пікселів; задайте більший px_size</translation>
        </message>
        <message>
            <location filename="../core/local/jpeg.py" line="263" />
            <source>warp failed</source>
            <translation>помилка перепроєктування</translation>
        </message>
        <message>
            <location filename="../core/local/jpeg.py" line="264" />
            <source>cannot resample to EPSG:3857 with {method}: {reason}</source>
            <translation>не вдається передискретизувати в EPSG:3857 методом {method}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/local/jpeg.py" line="385" />
            <source>cannot write {path}: {reason}</source>
            <translation>не вдається записати {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/local/lbe.py" line="109" />
            <source>the area of interest does not overlap scene {view_id} (band {band})</source>
            <translation>область інтересу не перекривається зі сценою {view_id} (канал {band})</translation>
        </message>
        <message>
            <location filename="../core/local/lbe.py" line="120" />
            <source>scene {view_id} has no tile metadata ({kind}) in the store</source>
            <translation>сцена {view_id} не має метаданих тайла ({kind}) у сховищі</translation>
        </message>
        <message>
            <location filename="../core/local/lbe.py" line="122" />
            <source>scene {view_id} has no product metadata ({kind}) in the store</source>
            <translation>сцена {view_id} не має метаданих продукту ({kind}) у сховищі</translation>
        </message>
        <message>
            <location filename="../core/local/mt_stats.py" line="354" />
            <source>no pixel of the area of interest is clear in the scene's cloud mask ({mask}): every valid pixel of {indices} is cloud, cloud shadow or the mask's fill</source>
            <translation>жоден піксель області інтересу не чистий у масці хмар сцени ({mask}): кожен дійсний піксель {indices} — хмара, тінь хмари або заповнення маски</translation>
        </message>
        <message>
            <location filename="../core/local/mt_stats.py" line="358" />
            <source>no valid pixel of {indices} in the area of interest</source>
            <translation>в області інтересу немає жодного дійсного пікселя {indices}</translation>
        </message>
        <message>
            <location filename="../core/local/mt_stats.py" line="365" />
            <source>cloud cover in the area of interest {cloud} % is above max_cloud_cover_in_aoi {limit} %</source>
            <translation>хмарність в області інтересу {cloud} % перевищує max_cloud_cover_in_aoi {limit} %</translation>
        </message>
        <message>
            <location filename="../core/local/mt_stats.py" line="425" />
            <source>{count} scene(s) between {date_start} and {date_end} meet the area</source>
            <translation>сцен між {date_start} і {date_end}, що перетинають область: {count}</translation>
        </message>
        <message>
            <location filename="../core/local/observations.py" line="126" />
            <source>The area of interest leaves this scene: the crop holds only its part, and no listed scene of the same day holds the rest.</source>
            <translation>Область інтересу виходить за межі цієї сцени: вирізка містить лише її частину, і жодна сцена того ж дня зі списку не містить решти.</translation>
        </message>
        <message>
            <location filename="../core/local/observations.py" line="129" />
            <source>The area of interest leaves this scene: the crop holds only its part; the rest is in {scenes} (same day).</source>
            <translation>Область інтересу виходить за межі цієї сцени: вирізка містить лише її частину; решта — у {scenes} (того ж дня).</translation>
        </message>
        <message>
            <location filename="../core/local/observations.py" line="131" />
            <source>The area of interest leaves this scene: the crop holds only its part; more of it is in {scenes} (same day), and some in no listed scene.</source>
            <translation>Область інтересу виходить за межі цієї сцени: вирізка містить лише її частину; ще частина — у {scenes} (того ж дня), а решта — у жодній сцені зі списку.</translation>
        </message>
        <message>
            <location filename="../core/local/pixel_history.py" line="89" />
            <source>the point needs a longitude and a latitude in degrees</source>
            <translation>точці потрібні довгота і широта в градусах</translation>
        </message>
        <message>
            <location filename="../core/local/pixel_history.py" line="91" />
            <source>the point {lon}, {lat} is not a longitude and latitude in degrees</source>
            <translation>точка {lon}, {lat} не є довготою і широтою в градусах</translation>
        </message>
        <message>
            <location filename="../core/local/pixel_history.py" line="205" />
            <source>the scene's raster does not reach the point</source>
            <translation>растр сцени не сягає цієї точки</translation>
        </message>
        <message>
            <location filename="../core/local/pixel_history.py" line="289" />
            <source>give at least one index or expression</source>
            <translation>вкажіть принаймні один індекс або вираз</translation>
        </message>
        <message>
            <location filename="../core/local/pixel_history.py" line="294" />
            <source>no scene of the scene sources holds the point {lat}, {lon} between {start} and {end}</source>
            <translation>жодна сцена джерел сцен не містить точку {lat}, {lon} між {start} і {end}</translation>
        </message>
        <message>
            <location filename="../core/local/pixel_history.py" line="297" />
            <source>{count} scene(s) between {date_start} and {date_end} hold the point</source>
            <translation>сцен між {date_start} і {date_end}, що містять точку: {count}</translation>
        </message>
        <message>
            <location filename="../core/local/raster.py" line="108" />
            <source>{path} has a rotated geotransform, which the local processor does not crop</source>
            <translation>{path} має повернуте геоперетворення, яке локальний обробник не обрізає</translation>
        </message>
        <message>
            <location filename="../core/local/raster.py" line="391" />
            <source>rasterize failed</source>
            <translation>помилка растеризації</translation>
        </message>
        <message>
            <location filename="../core/local/raster.py" line="392" />
            <source>cannot rasterise the area of interest: {reason}</source>
            <translation>не вдається растеризувати область інтересу: {reason}</translation>
        </message>
        <message>
            <location filename="../core/local/writers.py" line="62" />
            <source>GeoTIFF creation failed</source>
            <translation>не вдалося створити GeoTIFF</translation>
        </message>
        <message>
            <location filename="../core/local/writers.py" line="63" />
            <source>cannot create {path}: {reason}</source>
            <translation>не вдається створити {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/local/writers.py" line="82" />
            <source>write failed</source>
            <translation>помилка запису</translation>
        </message>
        <message>
            <location filename="../core/local/writers.py" line="135" />
            <source>JPEG 2000 cannot hold {data_type} pixels; request this band with another band or with metadata to get GeoTIFFs</source>
            <translation>JPEG 2000 не може містити пікселі {data_type}; запитайте цей канал разом з іншим каналом або з метаданими, щоб отримати GeoTIFF</translation>
        </message>
        <message>
            <location filename="../core/local/writers.py" line="140" />
            <source>this GDAL has no JPEG 2000 writer (JP2OpenJPEG driver)</source>
            <translation>цей GDAL не має засобу запису JPEG 2000 (драйвер JP2OpenJPEG)</translation>
        </message>
        <message>
            <location filename="../core/local/writers.py" line="156" />
            <source>JPEG 2000 encoding failed</source>
            <translation>помилка кодування JPEG 2000</translation>
        </message>
        <message>
            <location filename="../core/remote/backend.py" line="64" />
            <source>an identical request ran as task {task_id}; using its result</source>
            <translation>ідентичний запит виконувався як завдання {task_id}; використовується його результат</translation>
        </message>
        <message>
            <location filename="../core/remote/backend.py" line="71" />
            <source>an identical request is still running as task {task_id}: waiting for it</source>
            <translation>ідентичний запит ще виконується як завдання {task_id}: очікування на нього</translation>
        </message>
        <message>
            <location filename="../core/remote/backend.py" line="76" />
            <source>task {task_id} created; waiting for the server</source>
            <translation>завдання {task_id} створено; очікування на сервер</translation>
        </message>
        <message>
            <location filename="../core/remote/backend.py" line="94" />
            <source>cancelled by the user; the server may still finish it</source>
            <translation>скасовано користувачем; сервер ще може його завершити</translation>
        </message>
        <message>
            <location filename="../core/remote/backend.py" line="107" />
            <source>done</source>
            <translation>готово</translation>
        </message>
        <message>
            <location filename="../core/remote/backend.py" line="116" />
            <source>task {task_id} is not in the task ledger any more</source>
            <translation>завдання {task_id} більше немає в журналі завдань</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="107" />
            <source>no API key: give --api-key or set LBE_API_KEY (in QGIS: an authentication configuration)</source>
            <translation>немає ключа API: задайте --api-key або встановіть LBE_API_KEY (у QGIS: конфігурація автентифікації)</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="110" />
            <source>the API key holds a line break, a space, a control character or a non-ASCII character, which no key has: give the key alone, on one line</source>
            <translation>ключ API містить розрив рядка, пробіл, керівний символ або символ поза ASCII, яких не має жоден ключ: вкажіть лише ключ, в одному рядку</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="301" />
            <source>the waiting limit of {seconds} s</source>
            <translation>ліміту очікування ({seconds} s)</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="321" />
            <source>creating the task</source>
            <translation>створення завдання</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="325" />
            <source>the API created no task (answer: {answer})</source>
            <translation>API не створив завдання (відповідь: {answer})</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="344" />
            <source>the API answered a redirect without a Location</source>
            <translation>API відповів переспрямуванням без Location</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="347" />
            <source>the API does not know task {task_id} (it may have expired on the server)</source>
            <translation>API не знає завдання {task_id} (можливо, строк його дії на сервері минув)</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="350" />
            <source>asking for the task's status</source>
            <translation>запиту стану завдання</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="369" />
            <source>the task failed on the server: {reason}</source>
            <translation>завдання завершилося помилкою на сервері: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="375" />
            <source>the API keeps answering in a way this plugin does not understand</source>
            <translation>API постійно відповідає у спосіб, якого цей модуль не розуміє</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="387" />
            <source>the download limit of {seconds} s</source>
            <translation>ліміт завантаження {seconds} с</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="410" />
            <source>testing the connection</source>
            <translation>перевірки з'єднання</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="412" />
            <source>{host} answered (HTTP {status}) and accepted the key</source>
            <translation>{host} відповів (HTTP {status}) і прийняв ключ</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="441" />
            <source>no connection to {host} within {seconds} s</source>
            <translation>немає з'єднання з {host} протягом {seconds} s</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="444" />
            <source>{host} took longer than {seconds} s to answer; the task may have been created anyway: look at the task list before running it again</source>
            <translation>{host} відповідав довше ніж {seconds} s; завдання могло бути створене все одно: перегляньте список завдань, перш ніж запускати його знову</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="448" />
            <source>{host} did not send its whole answer within {seconds} s</source>
            <translation>{host} не надіслав усю відповідь за {seconds} с</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="450" />
            <source>{host} did not answer within {seconds} s</source>
            <translation>{host} не відповів протягом {seconds} s</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="453" />
            <source>the answer of {host} is larger than {size}, the most an API answer may be</source>
            <translation>відповідь {host} більша за {size}, найбільший допустимий розмір відповіді API</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="457" />
            <source>cannot reach {host}: {reason}</source>
            <translation>не вдається зв'язатися з {host}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="459" />
            <source>the request to {host} failed: {reason}</source>
            <translation>запит до {host} не вдався: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="465" />
            <source>{host} refused {count} times in a row for its rate limit (HTTP 429); try again later</source>
            <translation>{host} відмовив {count} разів поспіль через обмеження частоти запитів (HTTP 429); спробуйте пізніше</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="470" />
            <source>the API asked to wait {seconds} s more for its rate limit</source>
            <translation>API попросив зачекати ще {seconds} с через обмеження частоти запитів</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="473" />
            <source>rate limit reached at {host}: waiting {seconds} s as it asks</source>
            <translation>досягнуто обмеження частоти запитів на {host}: очікування {seconds} s, як він просить</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="479" />
            <source>{host} answered HTTP {status} ({answer})</source>
            <translation>{host} відповів HTTP {status} ({answer})</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="483" />
            <source>{problem}; gave up after {attempts} attempts</source>
            <translation>{problem}; припинено після спроб: {attempts}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="486" />
            <source>{problem}; next try in {seconds} s</source>
            <translation>{problem}; наступна спроба через {seconds} с</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="488" />
            <source>{problem}; trying again in {seconds} s</source>
            <translation>{problem}; повторна спроба через {seconds} s</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="569" />
            <source>{host} answered HTTP {status} for the result file ({answer})</source>
            <translation>{host} відповів HTTP {status} на запит файлу результату ({answer})</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="607" />
            <source>{received} bytes received</source>
            <translation>отримано байтів: {received}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="610" />
            <source>the download from {host} stopped after {received} of {expected} bytes</source>
            <translation>завантаження з {host} зупинилося після {received} з {expected} байтів</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="614" />
            <source>the download from {host} was cut off after {received} bytes ({reason})</source>
            <translation>завантаження з {host} обірвалося після {received} байтів ({reason})</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="622" />
            <source>{problem}; resuming</source>
            <translation>{problem}; відновлення</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="628" />
            <source>the result file is larger than {limit}, the most a download may be</source>
            <translation>файл результату більший за {limit}, найбільший допустимий розмір завантаження</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="639" />
            <source>the result file ({size}) does not fit in {folder}: {free} free, and {margin} are kept free; make room and resume the task</source>
            <translation>файл результату ({size}) не вміщується в {folder}: вільно {free}, а {margin} лишаються вільними; звільніть місце й відновіть завдання</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="644" />
            <source>the disk of {folder} is nearly full ({free} free, {margin} are kept free): the download stopped after {received}; make room and resume the task</source>
            <translation>диск теки {folder} майже заповнений (вільно {free}, {margin} лишаються вільними): завантаження зупинено після {received}; звільніть місце й відновіть завдання</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="668" />
            <source>the task was not created within {limit}; nothing was sent to run</source>
            <translation>завдання не створено в межах {limit}; нічого не надіслано на виконання</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="670" />
            <source>the task was not created within {limit}; if the server took it all the same, it may run anyway: look at the task list before running it again</source>
            <translation>завдання не створено в межах {limit}; якщо сервер усе ж його прийняв, воно може виконатися: перегляньте список завдань, перш ніж запускати його знову</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="673" />
            <source>the result was not downloaded within {limit}; the task is done on the server: {resume}</source>
            <translation>результат не завантажено в межах {limit}; на сервері завдання виконано: {resume}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="675" />
            <source>the API did not answer within {limit}</source>
            <translation>API не відповів у межах {limit}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="677" />
            <source>the task did not finish within {limit}; it may still finish on the server: {resume}</source>
            <translation>завдання не завершилося в межах {limit}; воно ще може завершитися на сервері: {resume}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="679" />
            <source>it is kept in the task ledger, to resume later from the task list (or by running the same request again)</source>
            <translation>його збережено в журналі завдань, щоб відновити пізніше зі списку завдань (або повторним запуском того самого запиту)</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="682" />
            <source>without a task ledger, it cannot be resumed</source>
            <translation>без журналу завдань його не можна відновити</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="689" />
            <source>its task_timeout of {seconds} s</source>
            <translation>свого task_timeout ({seconds} s)</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="727" />
            <source>the API's answer when {doing} is not JSON: {answer}</source>
            <translation>відповідь API під час {doing} не є JSON: {answer}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="729" />
            <source>the answer of {host} when {doing} is not JSON: {answer}</source>
            <translation>відповідь {host} під час дії «{doing}» не є JSON: {answer}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="739" />
            <source>{host} answered HTTP {status} when {doing}: {reason}</source>
            <translation>{host} відповів HTTP {status} під час дії «{doing}»: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="740" />
            <source>no message</source>
            <translation>без повідомлення</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="744" />
            <source>the API refused the key (HTTP {status}: {reason}): check the API key of the authentication configuration</source>
            <translation>API відхилив ключ (HTTP {status}: {reason}): перевірте ключ API в конфігурації автентифікації</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="747" />
            <source>the API refused the key (HTTP {status}): check the API key of the authentication configuration</source>
            <translation>API відхилив ключ (HTTP {status}): перевірте ключ API в конфігурації автентифікації</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="754" />
            <source>the API rejected the request: {reason}</source>
            <translation>API відхилив запит: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="756" />
            <source>HTTP {status} when {doing}: {reason}</source>
            <translation>HTTP {status} під час {doing}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="778" />
            <source>{count} bytes</source>
            <translation>{count} байтів</translation>
        </message>
        <message>
            <location filename="../core/remote/client.py" line="849" />
            <source>the result file is of no known type (it starts with {start})</source>
            <translation>файл результату невідомого типу (починається з {start})</translation>
        </message>
        <message>
            <location filename="../core/remote/fields.py" line="121" />
            <source>polygon {number} of {count} ({id})</source>
            <translation>полігон {number} з {count} ({id})</translation>
        </message>
        <message>
            <location filename="../core/remote/fields.py" line="132" />
            <source>polygon {id}: {reason}</source>
            <translation>полігон {id}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="233" />
            <source>a task in the ledger is not a JSON object: {data}</source>
            <translation>завдання в журналі не є об'єктом JSON: {data}</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="236" />
            <source>a task in the ledger has no task_id: {data}</source>
            <translation>завдання в журналі не має task_id: {data}</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="267" />
            <source>{status} is not a task status (one of {statuses})</source>
            <translation>{status} не є станом завдання (один із {statuses})</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="286" />
            <source>a task needs a task_id to be recorded</source>
            <translation>щоб записати завдання, потрібен task_id</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="326" />
            <source>cannot use the task ledger {path}: {reason}</source>
            <translation>не вдається використати журнал завдань {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="333" />
            <source>{what} {path} is not a regular file ({kind}): give the path of a regular file, or of one that does not exist yet (on the command line, --no-ledger or an empty LBE_LEDGER turns the ledger off)</source>
            <translation>{what} {path} не є звичайним файлом ({kind}): вкажіть шлях до звичайного файлу або до файлу, якого ще немає (у командному рядку журнал вимикає --no-ledger або порожня змінна LBE_LEDGER)</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="341" />
            <source>a symbolic link</source>
            <translation>символьне посилання</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="343" />
            <source>a folder</source>
            <translation>тека</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="345" />
            <source>a device</source>
            <translation>пристрій</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="347" />
            <source>a pipe</source>
            <translation>канал</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="349" />
            <source>a socket</source>
            <translation>сокет</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="350" />
            <source>not a file</source>
            <translation>не файл</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="396" />
            <source>the task ledger</source>
            <translation>журнал завдань</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="397" />
            <source>the task ledger's lock file</source>
            <translation>файл блокування журналу завдань</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="448" />
            <source>a task's id cannot change; forget it and add the new one</source>
            <translation>ідентифікатор завдання не може змінитися; забудьте це завдання й додайте нове</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="451" />
            <source>{field} is not a field of a ledger entry</source>
            <translation>{field} не є полем запису журналу</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="456" />
            <source>task {task_id} is not in the task ledger {path}</source>
            <translation>завдання {task_id} немає в журналі завдань {path}</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="505" />
            <source>expired on the server (task_timeout passed)</source>
            <translation>строк дії на сервері минув (task_timeout вичерпано)</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="571" />
            <source>cannot read the task ledger {path}: {reason}</source>
            <translation>не вдається прочитати журнал завдань {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="600" />
            <source>the task ledger {path} is corrupt and cannot be moved aside: {reason}</source>
            <translation>журнал завдань {path} пошкоджений, і його не вдається перемістити вбік: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/ledger.py" line="628" />
            <source>cannot write the task ledger {path}: {reason}</source>
            <translation>не вдається записати журнал завдань {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="74" />
            <source>{name} is not a sensor the scene search knows (datasets: {known}; short names such as S2, S2L2A, L8 work too)</source>
            <translation>{name} — не сенсор, відомий пошуку сцен (набори даних: {known}; короткі назви, як-от S2, S2L2A, L8, теж підходять)</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="119" />
            <source>the scene search gave no footprint for {view_id}</source>
            <translation>пошук сцен не повернув контуру для {view_id}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="198" />
            <source>searching scenes</source>
            <translation>пошуку сцен</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="211" />
            <source>scene search: page {page}, {count} results</source>
            <translation>пошук сцен: сторінка {page}, результатів: {count}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="218" />
            <source>{count} search result(s) without a view_id skipped</source>
            <translation>пропущено результатів пошуку без view_id: {count}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="222" />
            <source>more than {seen} scenes match ({total}); narrow the dates or the area</source>
            <translation>відповідних сцен більше ніж {seen} ({total}); звузьте дати або область</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="225" />
            <source>more than {seen} scenes may match; narrow the dates or the area</source>
            <translation>відповідних сцен може бути більше ніж {seen}; звузьте дати або область</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="235" />
            <source>the first date {first} is after the last date {last}</source>
            <translation>перша дата {first} пізніша за останню дату {last}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="238" />
            <source>must be a percentage between 0 and 100, not {value}</source>
            <translation>має бути відсотком від 0 до 100, а не {value}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="242" />
            <source>must be a positive whole number, not {value}</source>
            <translation>має бути додатним цілим числом, а не {value}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="244" />
            <source>must be one of {choices}, not {value}</source>
            <translation>має бути одним із {choices}, а не {value}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="266" />
            <source>the scene search answered something other than an object: {answer}</source>
            <translation>пошук сцен відповів не об'єктом: {answer}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="286" />
            <source>the scene search failed: {reason}</source>
            <translation>пошук сцен не вдався: {reason}</translation>
        </message>
        <message>
            <location filename="../core/remote/search.py" line="287" />
            <source>the scene search's answer holds no list of results: {answer}</source>
            <translation>відповідь пошуку сцен не містить списку результатів: {answer}</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="107" />
            <source>{url} does not answer as a STAC API: its landing page has no search link</source>
            <translation>{url} не відповідає як STAC API: його головна сторінка не має посилання search</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="121" />
            <source>reading the STAC landing page</source>
            <translation>читання головної сторінки STAC</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="125" />
            <source>{url} does not answer as a STAC API (HTTP {status})</source>
            <translation>{url} не відповідає як STAC API (HTTP {status})</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="128" />
            <source>{url} does not answer as a STAC API (its answer is no catalog: {answer})</source>
            <translation>{url} не відповідає як STAC API (його відповідь не є каталогом: {answer})</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="137" />
            <source>reading the STAC conformance classes</source>
            <translation>читання класів відповідності STAC</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="222" />
            <source>searching the STAC catalog</source>
            <translation>пошук у каталозі STAC</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="225" />
            <source>the search of {url} answered no FeatureCollection: {answer}</source>
            <translation>пошук {url} не повернув FeatureCollection: {answer}</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="238" />
            <source>STAC search: page {page}, {count} items</source>
            <translation>пошук STAC: сторінка {page}, елементів: {count}</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="260" />
            <source>more than {count} items match; narrow the dates or the area</source>
            <translation>підходить понад {count} елементів; звузьте дати або область</translation>
        </message>
        <message>
            <location filename="../core/stac/catalog.py" line="262" />
            <source>the search of {url} was left after {pages} pages</source>
            <translation>пошук {url} зупинено після {pages} сторінок</translation>
        </message>
        <message>
            <location filename="../core/stac/items.py" line="75" />
            <source>{band} is not a band of the collection {collection} at {catalog} (item {item} has: {bands})</source>
            <translation>{band} не є каналом колекції {collection} у {catalog} (елемент {item} має: {bands})</translation>
        </message>
        <message>
            <location filename="../core/stac/items.py" line="269" />
            <source>{band} is not a band of the collection {collection} at {catalog} ({view_id} has no asset {keys})</source>
            <translation>{band} не є каналом колекції {collection} у {catalog} ({view_id} не має ресурсу {keys})</translation>
        </message>
        <message>
            <location filename="../core/stac/items.py" line="285" />
            <source>the item {item} of {catalog} has no footprint geometry</source>
            <translation>елемент {item} з {catalog} не має геометрії охоплення</translation>
        </message>
        <message>
            <location filename="../core/stac/signing.py" line="90" />
            <source>asking for a token to read {collection}</source>
            <translation>запит токена для читання {collection}</translation>
        </message>
        <message>
            <location filename="../core/stac/signing.py" line="94" />
            <source>the token service {url} gave no token for {collection}: {answer}</source>
            <translation>служба токенів {url} не видала токен для {collection}: {answer}</translation>
        </message>
        <message>
            <location filename="../core/stac/sources.py" line="251" />
            <source>{count} item(s) of {url} are of no scene the plugin knows, skipped</source>
            <translation>елементів {url}, що не є відомими плагіну сценами, пропущено: {count}</translation>
        </message>
        <message>
            <location filename="../services/aoi.py" line="77" />
            <source>the layer has no coordinate reference system</source>
            <translation>шар не має системи координат</translation>
        </message>
        <message>
            <location filename="../services/aoi.py" line="80" />
            <source>the features cannot be dissolved into one geometry: {error}</source>
            <translation>об'єкти не вдається злити в одну геометрію: {error}</translation>
        </message>
        <message>
            <location filename="../services/aoi.py" line="90" />
            <source>cannot be transformed to {crs}: {error}</source>
            <translation>неможливо перетворити в {crs}: {error}</translation>
        </message>
        <message>
            <location filename="../services/backends.py" line="38" />
            <source>no scene folder is set: add one in the plugin's settings</source>
            <translation>теку сцен не задано: додайте її в налаштуваннях модуля</translation>
        </message>
        <message>
            <location filename="../services/network.py" line="52" />
            <source>the key comes from the authentication configuration “{name}” ({config})</source>
            <translation>ключ береться з конфігурації автентифікації «{name}» ({config})</translation>
        </message>
        <message>
            <location filename="../services/network.py" line="56" />
            <source>the key comes from the authentication configuration “{name}” ({config}), which QGIS applies to each call; the API reads the key from the {header} header only: an API Header configuration whose header {header} holds the key sends it so (“Set key…” makes one)</source>
            <translation>ключ береться з конфігурації автентифікації «{name}» ({config}), яку QGIS застосовує до кожного виклику; API читає ключ лише із заголовка {header}: конфігурація API Header, чий заголовок {header} містить ключ, надсилає його саме так (її створює «Задати ключ…»)</translation>
        </message>
        <message>
            <location filename="../services/network.py" line="82" />
            <source>the key could not be saved in QGIS's authentication database</source>
            <translation>не вдалося зберегти ключ у базі даних автентифікації QGIS</translation>
        </message>
        <message>
            <location filename="../services/network.py" line="85" />
            <source>the key could not be saved in QGIS's authentication database (is the master password set?)</source>
            <translation>не вдалося зберегти ключ у базі даних автентифікації QGIS (чи встановлено головний пароль?)</translation>
        </message>
        <message>
            <location filename="../services/network.py" line="100" />
            <source>no API key: choose the authentication configuration that holds it (Settings, Processing API)</source>
            <translation>немає ключа API: виберіть конфігурацію автентифікації, що його містить (Налаштування, Processing API)</translation>
        </message>
        <message>
            <location filename="../services/network.py" line="110" />
            <source>the authentication configuration {config} cannot be read (is the master password set, and does the configuration still exist?)</source>
            <translation>не вдається прочитати конфігурацію автентифікації {config} (чи встановлено головний пароль і чи ця конфігурація ще існує?)</translation>
        </message>
        <message>
            <location filename="../services/network.py" line="136" />
            <source>the authentication configuration {config} holds no key in its {field} field</source>
            <translation>конфігурація автентифікації {config} не містить ключа в полі {field}</translation>
        </message>
        <message>
            <location filename="../services/result_layers.py" line="92" />
            <source>not a raster QGIS can read</source>
            <translation>не є растром, який може прочитати QGIS</translation>
        </message>
        <message>
            <location filename="../services/result_layers.py" line="93" />
            <source>cannot load {file} as a layer: {reason}</source>
            <translation>не вдається завантажити {file} як шар: {reason}</translation>
        </message>
        <message>
            <location filename="../services/scene_sources.py" line="101" />
            <source>the scene source {url} cannot be used: {problem}</source>
            <translation>джерело сцен {url} не можна використати: {problem}</translation>
        </message>
        <message>
            <location filename="../services/scene_sources.py" line="121" />
            <source>the authentication configuration {config} could not be applied to {url}</source>
            <translation>конфігурацію автентифікації {config} не вдалося застосувати до {url}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="186" />
            <source>Load By Extent: {what}</source>
            <translation>Load By Extent: {what}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="198" />
            <source>cancelled; nothing was written</source>
            <translation>скасовано; нічого не записано</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="234" />
            <source>unfinished on the server: task {task_id}</source>
            <translation>не завершено на сервері: завдання {task_id}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="245" />
            <source>resumed in a new row</source>
            <translation>відновлено в новому рядку</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="322" />
            <source>statistics saved: {file}</source>
            <translation>статистику збережено: {file}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="329" />
            <source>the result could not be loaded: {error}</source>
            <translation>не вдалося завантажити результат: {error}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="333" />
            <source>{count} layer(s) loaded</source>
            <translation>завантажено шарів: {count}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="349" />
            <source>{title} ({count} dates)</source>
            <translation>{title} (дат: {count})</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="359" />
            <source>date {number} of {total}: {date}</source>
            <translation>дата {number} з {total}: {date}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="381" />
            <source>no date could be loaded: {failures}</source>
            <translation>жодну дату не вдалося завантажити: {failures}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="384" />
            <source>{done} of {total} dates loaded</source>
            <translation>завантажено {done} з {total} дат</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="386" />
            <source>{text}; failed: {failures}</source>
            <translation>{text}; не вдалося: {failures}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="401" />
            <source>cancelled after {done} of {total} dates; their layers stay</source>
            <translation>скасовано після {done} з {total} дат; їхні шари залишаються</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="429" />
            <source>{index} at the pixel {lat}, {lon}</source>
            <translation>{index} у пікселі {lat}, {lon}</translation>
        </message>
        <message>
            <location filename="../services/task_controller.py" line="439" />
            <source>{count} date(s) at the pixel</source>
            <translation>дат у пікселі: {count}</translation>
        </message>
        <message>
            <location filename="../services/tasks.py" line="42" />
            <source>internal error ({error_type}: {error}); the details are in the {tag} log</source>
            <translation>внутрішня помилка ({error_type}: {error}); подробиці в журналі {tag}</translation>
        </message>
        <message>
            <location filename="../services/tasks.py" line="102" />
            <source>{description} (cancelled)</source>
            <translation>{description} (скасовано)</translation>
        </message>
        <message>
            <location filename="../services/tasks.py" line="107" />
            <source>the task stopped without a result</source>
            <translation>завдання зупинилося без результату</translation>
        </message>
        <message>
            <location filename="../services/tasks.py" line="159" />
            <source>Load By Extent: searching scenes</source>
            <translation>Load By Extent: пошук сцен</translation>
        </message>
        <message>
            <location filename="../services/tasks.py" line="180" />
            <source>the scene search stopped</source>
            <translation>пошук сцен зупинено</translation>
        </message>
        <message>
            <location filename="../services/tasks.py" line="197" />
            <source>catalogs are searched for an area of interest: draw one to list their scenes</source>
            <translation>каталоги шукаються для області інтересу: намалюйте її, щоб побачити їхні сцени</translation>
        </message>
        <message>
            <location filename="../ui/index_form.py" line="30" />
            <source>Exclude cloud and shadow pixels</source>
            <translation>Вилучити пікселі хмар і тіней</translation>
        </message>
        <message>
            <location filename="../ui/map_zoom.py" line="28" />
            <source>The map's CRS ({crs}) cannot show {what}; the map stays where it was.</source>
            <translation>СК карти ({crs}) не може показати {what}; карта лишається, де була.</translation>
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
            <translation>мін–макс</translation>
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="204" />
            <source>{index} median</source>
            <translation>медіана {index}</translation>
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="204" />
            <source>median</source>
            <translation>медіана</translation>
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="217" />
            <source>cloud %</source>
            <translation>хмарність, %</translation>
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="231" />
            <source>not computed</source>
            <translation>не обчислено</translation>
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="236" />
            <source>No statistics in this answer</source>
            <translation>У цій відповіді немає статистики</translation>
        </message>
        <message>
            <location filename="../ui/stats_chart.py" line="244" />
            <source>index value</source>
            <translation>значення індексу</translation>
        </message>
        <message>
            <source>1 argument</source>
            <translation type="vanished">1 аргумент</translation>
        </message>
        <message>
            <source>A polygon needs at least 3 vertices</source>
            <translation type="vanished">Полігону потрібно щонайменше 3 вершини</translation>
        </message>
        <message>
            <source>No feature is selected in {layer}.</source>
            <translation type="vanished">У шарі {layer} не вибрано жодного об'єкта.</translation>
        </message>
        <message>
            <source>Select polygons in a polygon layer and make it the active layer first.</source>
            <translation type="vanished">Спершу виберіть полігони в полігональному шарі й зробіть його активним.</translation>
        </message>
        <message>
            <source>The polygon crosses itself: remove vertices with Backspace and draw it again</source>
            <translation type="vanished">Полігон перетинає сам себе: видаліть вершини клавішею Backspace і намалюйте його знову</translation>
        </message>
        <message>
            <source>The polygon has no area: its vertices are on one line</source>
            <translation type="vanished">Полігон не має площі: його вершини лежать на одній прямій</translation>
        </message>
        <message>
            <source>The selected features of {layer} have no geometry.</source>
            <translation type="vanished">Вибрані об'єкти шару {layer} не мають геометрії.</translation>
        </message>
        <message>
            <source>at least {count} arguments</source>
            <translation type="vanished">щонайменше {count} аргументи</translation>
        </message>
        <message>
            <source>internal error: {error_type}: {error}</source>
            <translation type="vanished">внутрішня помилка: {error_type}: {error}</translation>
        </message>
        <message>
            <source>no area of interest: draw one or pick a source</source>
            <translation type="vanished">немає області інтересу: намалюйте її або виберіть джерело</translation>
        </message>
        <message>
            <source>no scene folder: give SCENES, or add a scene folder in the plugin's settings</source>
            <translation type="vanished">немає теки сцен: задайте SCENES або додайте теку сцен у налаштуваннях модуля</translation>
        </message>
        <message>
            <source>not a raster GDAL can read</source>
            <translation type="vanished">не є растром, який може прочитати GDAL</translation>
        </message>
        <message>
            <source>the authentication configuration {config} uses the method {method}; keep the key in a Basic (password), EsriToken or API Header configuration</source>
            <translation type="vanished">конфігурація автентифікації {config} використовує метод {method}; зберігайте ключ у конфігурації Basic (пароль), EsriToken або API Header</translation>
        </message>
        <message>
            <source>the embedded processor does not run {task_type} tasks yet</source>
            <translation type="vanished">вбудований обробник поки не виконує завдань {task_type}</translation>
        </message>
        <message>
            <source>the task did not finish within {limit}; it may still finish on the server: resume it later from the task list</source>
            <translation type="vanished">завдання не завершилося в межах {limit}; воно ще може завершитися на сервері: відновіть його пізніше зі списку завдань</translation>
        </message>
        <message>
            <source>this task takes one polygon, and the area of interest has {count} separate parts</source>
            <translation type="vanished">це завдання приймає один полігон, а область інтересу має окремих частин: {count}</translation>
        </message>
        <message>
            <source>{count} arguments</source>
            <translation type="vanished">{count} аргументи</translation>
        </message>
        <message>
            <source>{count} selected feature(s) of {layer}</source>
            <translation type="vanished">вибрані об'єкти шару {layer}: {count}</translation>
        </message>
        <message>
            <source>{file} needs {needed} MB to extract, {free} MB are free in {folder}</source>
            <translation type="vanished">для розпакування {file} потрібно {needed} MB, а в {folder} вільно {free} MB</translation>
        </message>
        <message>
            <source>{limit} (the API asked to wait longer: rate limit)</source>
            <translation type="vanished">{limit} (API попросив чекати довше: обмеження частоти запитів)</translation>
        </message>
        <message>
            <source>{path} has a rotated geotransform, which the embedded processor does not crop</source>
            <translation type="vanished">{path} має повернуте геоперетворення, яке вбудований обробник не обрізає</translation>
        </message>
    </context>
    <context>
        <name>LoadByExtentAlgorithm</name>
        <message>
            <location filename="../processing/algorithms.py" line="253" />
            <source>Tasks</source>
            <translation>Завдання</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="264" />
            <source>Area of interest (polygons, dissolved into one)</source>
            <translation>Область інтересу (полігони, об'єднані в один)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="268" />
            <source>Scene folder or catalog URL (empty: the scene sources of the plugin's settings)</source>
            <translation>Тека сцен або URL каталогу (порожньо: джерела сцен із налаштувань плагіна)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="272" />
            <source>Processing API base URL (empty: the local processor)</source>
            <translation>Базова URL-адреса Processing API (порожньо: локальний обробник)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="274" />
            <source>Output folder</source>
            <translation>Тека результатів</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="275" />
            <source>Result files (separated by ';', main file first)</source>
            <translation>Файли результату (через ';', основний файл першим)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="276" />
            <source>The request run (the API's JSON)</source>
            <translation>Виконаний запит (JSON для API)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="287" />
            <source>Scene id (view_id, e.g. S2/33/U/UU/2017/2/16/0)</source>
            <translation>Ідентифікатор сцени (view_id, напр. S2/33/U/UU/2017/2/16/0)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="318" />
            <source>no feature with a geometry (with 'Selected features only', select at least one polygon)</source>
            <translation>немає об'єкта з геометрією (з параметром «Лише вибрані об'єкти» виберіть хоча б один полігон)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="325" />
            <source>the {task} task takes one polygon, and the features make {count} separate polygons: select features that touch or overlap, or a single one</source>
            <translation>завдання {task} приймає один полігон, а об'єкти утворюють окремих полігонів: {count}; виберіть об'єкти, що торкаються або перекриваються, або один об'єкт</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="336" />
            <source>Cancelled: nothing was written.</source>
            <translation>Скасовано: нічого не записано.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="348" />
            <source>{parameter} ({field}): {message}</source>
            <translation>{parameter} ({field}): {message}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="384" />
            <source>Request: {request}</source>
            <translation>Запит: {request}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="385" />
            <source>Running on {backend}</source>
            <translation>Місце виконання: {backend}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="386" />
            <source>the Processing API</source>
            <translation>Processing API</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="387" />
            <source>the local processor</source>
            <translation>локальний обробник</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="389" />
            <source>Result: {files}</source>
            <translation>Результат: {files}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="418" />
            <source>Not loaded as a layer: {reason}</source>
            <translation>Не завантажено як шар: {reason}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="434" />
            <source>&lt;h3&gt;Area and where it runs&lt;/h3&gt;</source>
            <translation>&lt;h3&gt;Область і місце виконання&lt;/h3&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="435" />
            <source>&lt;p&gt;&lt;b&gt;AOI&lt;/b&gt;: a polygon layer. Its features (only the selected ones with &lt;i&gt;Selected features only&lt;/i&gt;) are dissolved into one geometry and sent in EPSG:4326. {rule}&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;AOI&lt;/b&gt;: полігональний шар. Його об'єкти (лише вибрані, якщо ввімкнено &lt;i&gt;Лише вибрані об'єкти&lt;/i&gt;) об'єднуються в одну геометрію й надсилаються в EPSG:4326. {rule}&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="437" />
            <source>The task takes one polygon: features that make separate polygons are an error.</source>
            <translation>Завдання приймає один полігон: об'єкти, що утворюють окремі полігони, спричиняють помилку.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="438" />
            <source>Separate polygons are sent as a MultiPolygon.</source>
            <translation>Окремі полігони надсилаються як MultiPolygon.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="439" />
            <source>&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: where the local processor finds scenes: a scene folder, or the http(s) URL of a STAC API (e.g. {catalog}) or of a web server of scene folders; several separated by ';'; empty: the scene sources of the plugin's settings. From a catalog, only the blocks of the bands that the AOI touches are read, through QGIS's proxy; no key is needed.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: де локальний процесор знаходить сцени: тека сцен або http(s) URL STAC API (напр. {catalog}) чи вебсервера з теками сцен; кілька — через «;»; порожньо: джерела сцен із налаштувань плагіна. З каталогу читаються лише блоки каналів, яких торкається AOI, через проксі QGIS; ключ не потрібен.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="444" />
            <source>&lt;p&gt;&lt;b&gt;API_URL&lt;/b&gt;: empty runs the task with the local processor, on this computer. A base URL (e.g. {url}) sends the request to the Processing API instead. The API key is never a parameter: it is read from the authentication configuration chosen in the plugin's settings (Settings › Options › Load By Extent), kept in QGIS's authentication database.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;API_URL&lt;/b&gt;: якщо порожньо, завдання виконує локальний обробник на цьому комп'ютері. Базова URL-адреса (напр. {url}) натомість надсилає запит до Processing API. Ключ API ніколи не є параметром: він зчитується з конфігурації автентифікації, вибраної в налаштуваннях модуля (Установки › Параметри › Load By Extent), і зберігається в базі даних автентифікації QGIS.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="449" />
            <source>&lt;p&gt;&lt;b&gt;OUTPUT_FOLDER&lt;/b&gt;: where the result files go (default: a temporary folder). Existing files are never overwritten; nothing is left there when the task fails or is cancelled.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;OUTPUT_FOLDER&lt;/b&gt;: куди записуються файли результату (типово: тимчасова тека). Наявні файли ніколи не перезаписуються; якщо завдання завершується помилкою або скасовується, там нічого не залишається.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="451" />
            <source>&lt;h3&gt;Outputs&lt;/h3&gt;&lt;p&gt;&lt;b&gt;FILES&lt;/b&gt;: the result files, separated by ';' (the main file first, sidecars after it). &lt;b&gt;REQUEST&lt;/b&gt;: the request as the API takes it (JSON), to run it again with the command line (lbe run) or to send it. Raster results are added to the project when run from the Processing dialog.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Результати&lt;/h3&gt;&lt;p&gt;&lt;b&gt;FILES&lt;/b&gt;: файли результату через ';' (спершу основний файл, після нього супровідні). &lt;b&gt;REQUEST&lt;/b&gt;: запит у тому вигляді, в якому його приймає API (JSON), щоб виконати його знову з командного рядка (lbe run) або надіслати. Растрові результати додаються до проєкту, якщо запуск відбувся з діалогу обробки.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;API_URL&lt;/b&gt;: empty runs the task on this computer with the embedded processor. A base URL (e.g. {url}) sends the request to the Processing API instead. The API key is never a parameter: it is read from the authentication configuration chosen in the plugin's settings (Settings › Options › Load By Extent), kept in QGIS's authentication database.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;&lt;b&gt;API_URL&lt;/b&gt;: якщо порожньо, завдання виконується на цьому комп'ютері вбудованим обробником. Базова URL-адреса (напр. {url}) натомість надсилає запит до Processing API. Ключ API ніколи не є параметром: він зчитується з конфігурації автентифікації, вибраної в налаштуваннях модуля (Установки › Параметри › Load By Extent), і зберігається в базі даних автентифікації QGIS.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: the scene folder for the embedded processor (several separated by ';'); empty: the scene folders of the plugin's settings.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: тека сцен для вбудованого обробника (кілька — через ';'); порожньо: теки сцен із налаштувань модуля.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: the scene folder for the local processor (several separated by ';'); empty: the scene folders of the plugin's settings.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;&lt;b&gt;SCENES&lt;/b&gt;: тека сцен для локального обробника (кілька — через ';'); порожньо: теки сцен із налаштувань модуля.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Internal error ({kind}: {error}); the details are in the {tag} log.</source>
            <translation type="vanished">Внутрішня помилка ({kind}: {error}); подробиці в журналі {tag}.</translation>
        </message>
        <message>
            <source>Processing API base URL (empty: run on this computer)</source>
            <translation type="vanished">Базова URL-адреса Processing API (порожньо: виконати на цьому комп'ютері)</translation>
        </message>
        <message>
            <source>Scene folder (empty: the scene folders of the plugin's settings)</source>
            <translation type="vanished">Тека сцен (порожньо: теки сцен із налаштувань модуля)</translation>
        </message>
        <message>
            <source>cannot be transformed to {crs}: {error}</source>
            <translation type="vanished">неможливо перетворити в {crs}: {error}</translation>
        </message>
        <message>
            <source>the features cannot be dissolved into one geometry: {error}</source>
            <translation type="vanished">об'єкти неможливо об'єднати в одну геометрію: {error}</translation>
        </message>
        <message>
            <source>the layer has no coordinate reference system</source>
            <translation type="vanished">шар не має системи координат</translation>
        </message>
        <message>
            <source>this computer</source>
            <translation type="vanished">цей комп'ютер</translation>
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
            <translation>Виконати</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="168" />
            <source>Task</source>
            <translation>Завдання</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="173" />
            <source>Scene</source>
            <translation>Сцена</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="174" />
            <source>local processor</source>
            <translation>локальний обробник</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="176" />
            <source>Processing API</source>
            <translation>Processing API</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="186" />
            <source>Run on</source>
            <translation>Де виконувати</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="234" />
            <source>Options</source>
            <translation>Параметри</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="251" />
            <source>Tasks</source>
            <translation>Завдання</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="258" />
            <source>Settings</source>
            <translation>Налаштування</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="325" />
            <source>Draw an area of interest or take it from a source above.</source>
            <translation>Намалюйте область інтересу або візьміть її з джерела вище.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="343" />
            <source>Set the API key in Settings below (Processing API).</source>
            <translation>Задайте ключ API в налаштуваннях нижче (Processing API).</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="345" />
            <source>Add a scene folder in Settings below.</source>
            <translation>Додайте теку сцен у налаштуваннях нижче.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="375" />
            <source>Checking the request against the scene folders…</source>
            <translation>Перевірка запиту за теками сцен…</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="377" />
            <source>Run the task in the background</source>
            <translation>Виконати завдання у фоновому режимі</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="383" />
            <source>→ the result type shows here once the request is valid</source>
            <translation>→ тип результату з'явиться тут, щойно запит стане коректним</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="398" />
            <source>Large area of interest</source>
            <translation>Велика область інтересу</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="399" />
            <source>The area of interest covers {area} km², more than the {limit} km² set in Settings. Run anyway?</source>
            <translation>Область інтересу займає {area} km², більше за {limit} km², заданих у налаштуваннях. Усе одно виконати?</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="443" />
            <source>the result of {task}</source>
            <translation>результат {task}</translation>
        </message>
        <message>
            <source>A GeoJSON or any vector file</source>
            <translation type="vanished">GeoJSON або будь-який векторний файл</translation>
        </message>
        <message>
            <source>Add a scene folder in Settings below to list its scenes.</source>
            <translation type="vanished">Додайте теку сцен у налаштуваннях нижче, щоб побачити її сцени.</translation>
        </message>
        <message>
            <source>Area of interest</source>
            <translation type="vanished">Область інтересу</translation>
        </message>
        <message>
            <source>Bands</source>
            <translation type="vanished">Канали</translation>
        </message>
        <message>
            <source>Choose the datasets to search.</source>
            <translation type="vanished">Виберіть набори даних для пошуку.</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation type="vanished">Очистити</translation>
        </message>
        <message>
            <source>Click vertices; double-click or right-click finishes, Backspace removes the last vertex, Esc cancels</source>
            <translation type="vanished">Клацайте вершини; подвійне клацання або клацання правою кнопкою завершує, Backspace видаляє останню вершину, Esc скасовує</translation>
        </message>
        <message>
            <source>Copy JSON</source>
            <translation type="vanished">Копіювати JSON</translation>
        </message>
        <message>
            <source>Copy as curl</source>
            <translation type="vanished">Копіювати як curl</translation>
        </message>
        <message>
            <source>Crop bands (lbe)</source>
            <translation type="vanished">Обрізання каналів (lbe)</translation>
        </message>
        <message>
            <source>Datasets</source>
            <translation type="vanished">Набори даних</translation>
        </message>
        <message>
            <source>Drag a rectangle on the map</source>
            <translation type="vanished">Протягніть прямокутник на карті</translation>
        </message>
        <message>
            <source>Draw an area of interest to search the API's scenes.</source>
            <translation type="vanished">Намалюйте область інтересу, щоб шукати сцени в API.</translation>
        </message>
        <message>
            <source>File…</source>
            <translation type="vanished">Файл…</translation>
        </message>
        <message>
            <source>Forget the area of interest</source>
            <translation type="vanished">Забути область інтересу</translation>
        </message>
        <message>
            <source>Index</source>
            <translation type="vanished">Індекс</translation>
        </message>
        <message>
            <source>Index (bandmath)</source>
            <translation type="vanished">Індекс (bandmath)</translation>
        </message>
        <message>
            <source>Load By Extent: checking the request against the scene folders</source>
            <translation type="vanished">Load By Extent: перевірка запиту за теками сцен</translation>
        </message>
        <message>
            <source>Load By Extent: testing the connection</source>
            <translation type="vanished">Load By Extent: перевірка з'єднання</translation>
        </message>
        <message>
            <source>Map extent</source>
            <translation type="vanished">Екстент карти</translation>
        </message>
        <message>
            <source>Merge bands of one resolution</source>
            <translation type="vanished">Об'єднати канали однієї роздільності</translation>
        </message>
        <message>
            <source>No area of interest yet: draw one or take it from a source above.</source>
            <translation type="vanished">Області інтересу ще немає: намалюйте її або візьміть із джерела вище.</translation>
        </message>
        <message>
            <source>Polygon</source>
            <translation type="vanished">Полігон</translation>
        </message>
        <message>
            <source>Product metadata</source>
            <translation type="vanished">Метадані продукту</translation>
        </message>
        <message>
            <source>Rectangle</source>
            <translation type="vanished">Прямокутник</translation>
        </message>
        <message>
            <source>Selection</source>
            <translation type="vanished">Вибране</translation>
        </message>
        <message>
            <source>Statistics</source>
            <translation type="vanished">Статистика</translation>
        </message>
        <message>
            <source>Statistics over time (mt_stats)</source>
            <translation type="vanished">Статистика в часі (mt_stats)</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation type="vanished">Перевірити з'єднання</translation>
        </message>
        <message>
            <source>Testing the connection…</source>
            <translation type="vanished">Перевірка з'єднання…</translation>
        </message>
        <message>
            <source>The API call with the key hidden as ***</source>
            <translation type="vanished">Виклик API з ключем, прихованим як ***</translation>
        </message>
        <message>
            <source>The map canvas extent</source>
            <translation type="vanished">Екстент полотна карти</translation>
        </message>
        <message>
            <source>The selected polygons of the active layer</source>
            <translation type="vanished">Вибрані полігони активного шару</translation>
        </message>
        <message>
            <source>This scene has no {bands} in the scene folders.</source>
            <translation type="vanished">У теках сцен для цієї сцени немає: {bands}.</translation>
        </message>
        <message>
            <source>This scene has no {kind} in the scene folders.</source>
            <translation type="vanished">У теках сцен для цієї сцени немає: {kind}.</translation>
        </message>
        <message>
            <source>Tile metadata</source>
            <translation type="vanished">Метадані тайла</translation>
        </message>
        <message>
            <source>Vector files (*.geojson *.json *.gpkg *.shp *.kml *.gml);;All files (*)</source>
            <translation type="vanished">Векторні файли (*.geojson *.json *.gpkg *.shp *.kml *.gml);;Усі файли (*)</translation>
        </message>
        <message>
            <source>Visual</source>
            <translation type="vanished">Візуалізація</translation>
        </message>
        <message>
            <source>Visual (jpeg)</source>
            <translation type="vanished">Візуалізація (jpeg)</translation>
        </message>
        <message>
            <source>colour</source>
            <translation type="vanished">кольорове</translation>
        </message>
        <message>
            <source>drawn polygon</source>
            <translation type="vanished">намальований полігон</translation>
        </message>
        <message>
            <source>drawn rectangle</source>
            <translation type="vanished">намальований прямокутник</translation>
        </message>
        <message>
            <source>grey</source>
            <translation type="vanished">у відтінках сірого</translation>
        </message>
        <message>
            <source>map extent</source>
            <translation type="vanished">екстент карти</translation>
        </message>
        <message>
            <source>native pixel size</source>
            <translation type="vanished">власний розмір пікселя</translation>
        </message>
        <message>
            <source>the area of interest</source>
            <translation type="vanished">область інтересу</translation>
        </message>
        <message>
            <source>this computer</source>
            <translation type="vanished">цей комп'ютер</translation>
        </message>
        <message>
            <source>{area} km² · {vertices} vertices · {source}</source>
            <translation type="vanished">{area} km² · вершин: {vertices} · {source}</translation>
        </message>
        <message>
            <source>→ a zip of {files} GeoTIFF(s) ({parts}){extra}</source>
            <translation type="vanished">→ zip із файлів GeoTIFF: {files} ({parts}){extra}</translation>
        </message>
        <message>
            <source>→ a {format} image in EPSG:3857 ({kind}, {size})</source>
            <translation type="vanished">→ зображення {format} в EPSG:3857 ({kind}, {size})</translation>
        </message>
        <message>
            <source>→ one Float32 GeoTIFF with {count} band(s), nodata -9999, on the grid of the coarsest band used</source>
            <translation type="vanished">→ один GeoTIFF Float32, каналів: {count}, nodata -9999, на сітці каналу з найнижчою роздільністю серед використаних</translation>
        </message>
        <message>
            <source>→ one GeoTIFF, {count} band(s) at {res} m</source>
            <translation type="vanished">→ один GeoTIFF, каналів: {count}, роздільність {res} m</translation>
        </message>
        <message>
            <source>→ one JPEG 2000 file, band {band} at {res} m</source>
            <translation type="vanished">→ один файл JPEG 2000, канал {band}, роздільність {res} m</translation>
        </message>
        <message>
            <source>→ statistics of {count} index(es) for each scene from {start} to {end} (JSON), charted in the statistics dock</source>
            <translation type="vanished">→ статистика індексів ({count}) для кожної сцени з {start} до {end} (JSON), графік — на панелі статистики</translation>
        </message>
        <message>
            <source>▸ Request</source>
            <translation type="vanished">▸ Запит</translation>
        </message>
        <message>
            <source>▾ Request</source>
            <translation type="vanished">▾ Запит</translation>
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
            <translation>Load By Extent: супутникові сцени, обрізані за областю інтересу</translation>
        </message>
    </context>
    <context>
        <name>MtStatsAlgorithm</name>
        <message>
            <location filename="../processing/algorithms.py" line="645" />
            <source>Index statistics over time (mt_stats)</source>
            <translation>Статистика індексів у часі (mt_stats)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="648" />
            <source>Statistics of up to three indices over the area of interest for every scene in a date range.</source>
            <translation>Статистика до трьох індексів в області інтересу для кожної сцени в діапазоні дат.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="652" />
            <source>Indices or expressions, separated by ';' (up to {count}, e.g. NDVI;NDWI)</source>
            <translation>Індекси або вирази через ';' (до {count}, напр. NDVI;NDWI)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="657" />
            <source>First date</source>
            <translation>Перша дата</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="660" />
            <source>Last date</source>
            <translation>Остання дата</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="661" />
            <source>Sensors, comma-separated (e.g. sentinel2,landsat8; empty: all)</source>
            <translation>Сенсори через кому (напр. sentinel2,landsat8; порожньо: усі)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="663" />
            <source>Highest cloud cover in the area of interest, %</source>
            <translation>Найбільша хмарність в області інтересу, %</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="666" />
            <source>Leave cloud and cloud shadow pixels out of the statistics</source>
            <translation>Не враховувати в статистиці пікселі хмар і тіней від хмар</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="668" />
            <source>Most scenes</source>
            <translation>Найбільша кількість сцен</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="673" />
            <source>Statistics table (CSV)</source>
            <translation>Таблиця статистики (CSV)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="673" />
            <source>CSV files (*.csv)</source>
            <translation>Файли CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="676" />
            <source>The API's answer (JSON)</source>
            <translation>Відповідь API (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="676" />
            <source>JSON files (*.json)</source>
            <translation>Файли JSON (*.json)</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="679" />
            <source>Statistics</source>
            <translation>Статистика</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="702" />
            <source>missing or not a date YYYY-MM-DD: {value!r}</source>
            <translation>відсутнє або не є датою YYYY-MM-DD: {value!r}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="741" />
            <source>{count} statistics row(s), {errors} scene(s) in error</source>
            <translation>рядків статистики: {count}, сцен із помилками: {errors}</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="764" />
            <source>&lt;p&gt;Statistics of up to three indices over the area of interest for every scene dated in a range: the API's &lt;i&gt;mt_stats&lt;/i&gt; task (Download Multi-Temporal Statistics). For each scene and index: min, max, average, median, std, variance, q1, q3, p10, p90 over the valid pixels, and the cloud cover in the area.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Статистика до трьох індексів в області інтересу для кожної сцени з датою в заданому діапазоні: завдання API &lt;i&gt;mt_stats&lt;/i&gt; (Download Multi-Temporal Statistics). Для кожної сцени й індексу: min, max, average, median, std, variance, q1, q3, p10, p90 за дійсними пікселями, а також хмарність в області.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="769" />
            <source>index names or expressions separated by ';' (expressions contain commas), e.g. NDVI or NDVI;NDWI.</source>
            <translation>назви індексів або вирази через ';' (вирази містять коми), напр. NDVI або NDVI;NDWI.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="771" />
            <source>the first date (default: a year before today; scripts: 'YYYY-MM-DD').</source>
            <translation>перша дата (типово: рік тому від сьогодні; у скриптах: 'YYYY-MM-DD').</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="772" />
            <source>the last date (default: today; at most a year after the first is recommended).</source>
            <translation>остання дата (типово: сьогодні; радимо не більше ніж рік після першої).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="774" />
            <source>optional: sensors separated by commas, e.g. sentinel2, landsat8, S2, L8.</source>
            <translation>необов'язково: сенсори через кому, напр. sentinel2, landsat8, S2, L8.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="775" />
            <source>optional: scenes with more cloud in the area (percent) are listed as errors.</source>
            <translation>необов'язково: сцени з більшою хмарністю в області (у відсотках) потрапляють до списку помилок.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="776" />
            <source>leave pixels flagged cloud or cloud shadow out of the statistics.</source>
            <translation>не враховувати в статистиці пікселі, позначені як хмари або тіні від хмар.</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="777" />
            <source>the most scenes to compute (default 100).</source>
            <translation>найбільша кількість сцен для обчислення (типово 100).</translation>
        </message>
        <message>
            <location filename="../processing/algorithms.py" line="779" />
            <source>&lt;p&gt;&lt;b&gt;CSV&lt;/b&gt;: one row per date and index, then the scenes in error. &lt;b&gt;JSON&lt;/b&gt;: the API's answer itself. &lt;b&gt;TABLE&lt;/b&gt;: a table without geometry, one feature per date and index (date, scene_id, view_id, index, cloud and the figures); scenes in error have an error.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;CSV&lt;/b&gt;: один рядок на дату й індекс, далі сцени з помилками. &lt;b&gt;JSON&lt;/b&gt;: сама відповідь API. &lt;b&gt;TABLE&lt;/b&gt;: таблиця без геометрії, один об'єкт на дату й індекс (date, scene_id, view_id, index, cloud і показники); сцени з помилками мають опис помилки.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>the first date (scripts: 'YYYY-MM-DD').</source>
            <translation type="vanished">перша дата (скрипти: 'YYYY-MM-DD').</translation>
        </message>
        <message>
            <source>the last date (at most a year after the first is recommended).</source>
            <translation type="vanished">остання дата (рекомендовано щонайбільше через рік після першої).</translation>
        </message>
    </context>
    <context>
        <name>OpenTableButton</name>
        <message>
            <location filename="../ui/feature_picker.py" line="166" />
            <source>Open…</source>
            <translation>Відкрити…</translation>
        </message>
        <message>
            <location filename="../ui/feature_picker.py" line="167" />
            <source>Open a table of statistics of many polygons (CSV of lbe stats or fields_stats)</source>
            <translation>Відкрити таблицю статистики багатьох полігонів (CSV з lbe stats або fields_stats)</translation>
        </message>
        <message>
            <location filename="../ui/feature_picker.py" line="171" />
            <source>Open a table of statistics of many polygons</source>
            <translation>Відкрити таблицю статистики багатьох полігонів</translation>
        </message>
        <message>
            <location filename="../ui/feature_picker.py" line="172" />
            <source>CSV files (*.csv)</source>
            <translation>Файли CSV (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>PixelHistory</name>
        <message>
            <location filename="../ui/pixel_history.py" line="118" />
            <source>This point of the map has no longitude and latitude</source>
            <translation>Ця точка карти не має довготи й широти</translation>
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
            <translation>Полігону потрібно щонайменше 3 вершини</translation>
        </message>
        <message>
            <location filename="../ui/map_tools.py" line="294" />
            <source>The polygon has no area: its vertices are on one line</source>
            <translation>Полігон не має площі: його вершини лежать на одній прямій</translation>
        </message>
        <message>
            <location filename="../ui/map_tools.py" line="299" />
            <source>The polygon crosses itself: remove vertices with Backspace and draw it again</source>
            <translation>Полігон перетинає сам себе: видаліть вершини клавішею Backspace і намалюйте його знову</translation>
        </message>
    </context>
    <context>
        <name>RequestPreview</name>
        <message>
            <location filename="../ui/request_preview.py" line="34" />
            <source>▸ Request</source>
            <translation>▸ Запит</translation>
        </message>
        <message>
            <location filename="../ui/request_preview.py" line="37" />
            <source>Copy JSON</source>
            <translation>Копіювати JSON</translation>
        </message>
        <message>
            <location filename="../ui/request_preview.py" line="40" />
            <source>Copy as curl</source>
            <translation>Копіювати як curl</translation>
        </message>
        <message>
            <location filename="../ui/request_preview.py" line="42" />
            <source>The API call with the key hidden as ***</source>
            <translation>Виклик API з ключем, прихованим як ***</translation>
        </message>
        <message>
            <location filename="../ui/request_preview.py" line="73" />
            <source>▾ Request</source>
            <translation>▾ Запит</translation>
        </message>
    </context>
    <context>
        <name>ScenePaging</name>
        <message>
            <location filename="../ui/scene_paging.py" line="19" />
            <source>More scenes</source>
            <translation>Більше сцен</translation>
        </message>
        <message>
            <location filename="../ui/scene_paging.py" line="21" />
            <source>Fetch the catalog's next page of scenes (scrolling to the end of the list fetches it too)</source>
            <translation>Отримати наступну сторінку сцен каталогу (прокручування до кінця списку теж її отримує)</translation>
        </message>
    </context>
    <context>
        <name>ScenePicker</name>
        <message>
            <location filename="../ui/scene_picker.py" line="83" />
            <source>any date</source>
            <translation>будь-яка дата</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="86" />
            <source>no limit</source>
            <translation>без обмеження</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="90" />
            <source>Footprints</source>
            <translation>Контури</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="95" />
            <source>date</source>
            <translation>дата</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="95" />
            <source>sensor</source>
            <translation>сенсор</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="95" />
            <source>cloud</source>
            <translation>хмарність</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="95" />
            <source>view_id</source>
            <translation>view_id</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="131" />
            <source>Cloud ≤</source>
            <translation>Хмарність ≤</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="135" />
            <source>to</source>
            <translation>до</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="176" />
            <source>Searching the API's scenes…</source>
            <translation>Пошук сцен в API…</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="178" />
            <source>Searching the scene sources…</source>
            <translation>Пошук у джерелах сцен…</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="180" />
            <source>Searching the scene folders…</source>
            <translation>Пошук у теках сцен…</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="209" />
            <source>{count} scene(s) meet the area of interest so far; fetching more…</source>
            <translation>{count} сцен(а) поки перетинають область інтересу; отримуємо ще…</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="215" />
            <source>{count} scene(s) meet the area of interest so far; more in the catalog</source>
            <translation>{count} сцен(а) поки перетинають область інтересу; у каталозі є ще</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="217" />
            <source>{count} scene(s) meet the area of interest; the end of the catalog</source>
            <translation>{count} сцен(а) перетинають область інтересу; кінець каталогу</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="219" />
            <source>{count} scene(s) meet the area of interest</source>
            <translation>Сцен, що перетинають область інтересу: {count}</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="221" />
            <source>{count} scene(s) in the scene folders</source>
            <translation>Сцен у теках сцен: {count}</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="270" />
            <source>the scene {view_id}</source>
            <translation>сцену {view_id}</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="288" />
            <source>Pick a scene above or type its view_id.</source>
            <translation>Виберіть сцену вище або введіть її view_id.</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="298" />
            <source>✓ {sensor} scene of {date}, in the catalog</source>
            <translation>✓ сцена {sensor} від {date}, у каталозі</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="303" />
            <source>✓ {sensor} scene of {date}, in the scene folders</source>
            <translation>✓ сцена {sensor} від {date}, у теках сцен</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="308" />
            <source>a valid {sensor} id; not among the scenes listed above</source>
            <translation>дійсний ідентифікатор {sensor}; його немає серед сцен у списку вище</translation>
        </message>
        <message>
            <location filename="../ui/scene_picker.py" line="339" />
            <source>Preview of {view_id}</source>
            <translation>Попередній перегляд {view_id}</translation>
        </message>
        <message>
            <source>From</source>
            <translation type="vanished">З</translation>
        </message>
        <message>
            <source>✓ a valid {sensor} id; not among the scenes listed above</source>
            <translation type="vanished">✓ коректний ідентифікатор {sensor}; серед сцен вище його немає</translation>
        </message>
    </context>
    <context>
        <name>SceneSearch</name>
        <message>
            <location filename="../ui/scene_search.py" line="111" />
            <source>Choose the datasets to search.</source>
            <translation>Виберіть набори даних для пошуку.</translation>
        </message>
        <message>
            <location filename="../ui/scene_search.py" line="114" />
            <source>Draw an area of interest to search the API's scenes.</source>
            <translation>Намалюйте область інтересу, щоб шукати сцени в API.</translation>
        </message>
        <message>
            <location filename="../ui/scene_search.py" line="120" />
            <source>Add a scene folder in Settings below to list its scenes.</source>
            <translation>Додайте теку сцен у налаштуваннях нижче, щоб побачити її сцени.</translation>
        </message>
    </context>
    <context>
        <name>SeriesButton</name>
        <message>
            <location filename="../ui/series_button.py" line="19" />
            <source>Load the series</source>
            <translation>Завантажити серію</translation>
        </message>
        <message>
            <location filename="../ui/series_button.py" line="32" />
            <source>Load {index} of the {count} scene(s) of the chart over the same area, as one layer group for the Temporal Controller</source>
            <translation>Завантажити {index} для сцен графіка ({count}) над тією ж областю як одну групу шарів для Temporal Controller</translation>
        </message>
        <message>
            <location filename="../ui/series_button.py" line="36" />
            <source>Nothing to load yet: statistics appear here when a statistics task ends</source>
            <translation>Поки нічого завантажувати: статистика з'являється тут, коли завершується завдання статистики</translation>
        </message>
        <message>
            <location filename="../ui/series_button.py" line="38" />
            <source>Nothing to load: the answer gives no view_id for the scenes of this index</source>
            <translation>Нічого завантажувати: відповідь не дає view_id для сцен цього індексу</translation>
        </message>
    </context>
    <context>
        <name>SettingsWidget</name>
        <message>
            <location filename="../ui/settings_widget.py" line="67" />
            <source>Double-click a URL to change it or its authentication</source>
            <translation>Двічі клацніть URL, щоб змінити його чи його автентифікацію</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="69" />
            <source>Add folder…</source>
            <translation>Додати теку…</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="72" />
            <source>Add catalog…</source>
            <translation>Додати каталог…</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="80" />
            <source>Other STAC API URL…</source>
            <translation>Інша URL-адреса STAC API…</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="82" />
            <source>Remove</source>
            <translation>Вилучити</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="106" />
            <source>Set key…</source>
            <translation>Задати ключ…</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="108" />
            <source>Paste the API key: it is kept in QGIS's authentication database</source>
            <translation>Вставте ключ API: він зберігається в базі даних автентифікації QGIS</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="110" />
            <source>the task's own limit</source>
            <translation>власний ліміт завдання</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="112" />
            <source> h</source>
            <translation> h</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="114" />
            <source>Reuse identical recent results</source>
            <translation>Повторно використовувати однакові недавні результати</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="115" />
            <source>Reuse the result of an identical recent request</source>
            <translation>Повторно використовувати результат ідентичного нещодавнього запиту</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="132" />
            <source>Scene sources</source>
            <translation>Джерела сцен</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="133" />
            <source>Output folder</source>
            <translation>Тека результатів</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="134" />
            <source>Ask before an AOI larger than</source>
            <translation>Питати, якщо область інтересу більша за</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="135" />
            <source>&lt;b&gt;Processing API&lt;/b&gt;</source>
            <translation>&lt;b&gt;Processing API&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="137" />
            <source>Base URL</source>
            <translation>Базова URL-адреса</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="138" />
            <source>Search URL</source>
            <translation>URL-адреса пошуку</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="142" />
            <source>API key</source>
            <translation>Ключ API</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="143" />
            <source>Stop waiting after</source>
            <translation>Припинити очікування через</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="192" />
            <source>{source} (authentication {config})</source>
            <translation>{source} (автентифікація {config})</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="194" />
            <source>Authentication configuration: {config}</source>
            <translation>Конфігурація автентифікації: {config}</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="240" />
            <source>The Processing API key:</source>
            <translation>Ключ Processing API:</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="260" />
            <source>{url} is not an http(s) URL</source>
            <translation>{url} не є URL http(s)</translation>
        </message>
        <message>
            <location filename="../ui/settings_widget.py" line="285" />
            <source>Scene folder</source>
            <translation>Тека сцен</translation>
        </message>
        <message>
            <source>STAC API</source>
            <translation type="vanished">STAC API</translation>
        </message>
        <message>
            <source>Scene folders</source>
            <translation type="vanished">Теки сцен</translation>
        </message>
        <message>
            <source>The URL of the STAC API (its landing page):</source>
            <translation type="vanished">URL-адреса STAC API (її головна сторінка):</translation>
        </message>
    </context>
    <context>
        <name>StatsDock</name>
        <message>
            <location filename="../ui/stats_dock.py" line="82" />
            <source>Load By Extent — statistics</source>
            <translation>Load By Extent — статистика</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="107" />
            <source>The chart needs matplotlib, which this QGIS does not have; the table and CSV export still work.</source>
            <translation>Графіку потрібен matplotlib, якого немає в цьому QGIS; таблиця й експорт у CSV працюють.</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="119" />
            <source>date</source>
            <translation>дата</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="119" />
            <source>view_id</source>
            <translation>view_id</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="119" />
            <source>scene</source>
            <translation>сцена</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="120" />
            <source>cloud %</source>
            <translation>хмарність, %</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="151" />
            <source>The index the chart and the table show</source>
            <translation>Індекс, який показують графік і таблиця</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="152" />
            <source>Overlay all</source>
            <translation>Накласти всі</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="154" />
            <source>Draw the median of every index on one chart</source>
            <translation>Показати медіану кожного індексу на одному графіку</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="155" />
            <source>Table</source>
            <translation>Таблиця</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="156" />
            <source>Show the figures as a table, one row per date</source>
            <translation>Показати показники таблицею, один рядок на дату</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="158" />
            <source>CSV</source>
            <translation>CSV</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="159" />
            <source>Save every figure of every index as CSV</source>
            <translation>Зберегти всі показники всіх індексів у CSV</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="160" />
            <source>PNG</source>
            <translation>PNG</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="160" />
            <source>Save the chart as PNG</source>
            <translation>Зберегти графік у PNG</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="172" />
            <source>Index</source>
            <translation>Індекс</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="211" />
            <source>The answer has one index only</source>
            <translation>Відповідь містить лише один індекс</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="240" />
            <source>polygon {id}</source>
            <translation>полігон {id}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="243" />
            <source>{start} to {end}</source>
            <translation>з {start} до {end}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="246" />
            <source>the pixel at {lat}, {lon}</source>
            <translation>піксель у {lat}, {lon}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="248" />
            <source>{area} km²</source>
            <translation>{area} km²</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="253" />
            <source>{title} · {dates} date(s) with figures</source>
            <translation>{title} · дат із показниками: {dates}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="255" />
            <source>{text} · {errors} scene(s) without figures</source>
            <translation>{text} · сцен без показників: {errors}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="268" />
            <source>No statistics chart: {error}</source>
            <translation>Немає графіка статистики: {error}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="316" />
            <source>Statistics appear here when a statistics task ends.</source>
            <translation>Статистика з'явиться тут, коли завершиться завдання статистики.</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="318" />
            <source>Hover a date to read its figures; click it to load that scene over the chart's area.</source>
            <translation>Наведіть на дату, щоб прочитати її значення; клацніть її, щоб завантажити ту сцену по області графіка.</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="365" />
            <source>The answer gives no view_id for the scene of {date}: it cannot be loaded.</source>
            <translation>Відповідь не містить view_id для сцени від {date}: її неможливо завантажити.</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="413" />
            <source>The chart needs matplotlib, which this QGIS does not have</source>
            <translation>Графіку потрібен matplotlib, якого немає в цьому QGIS</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="421" />
            <source>Loading of {title} started: its progress and end are in the task list</source>
            <translation>Завантаження «{title}» розпочато: його поступ і завершення — у списку завдань</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="445" />
            <source>Save the statistics as CSV</source>
            <translation>Зберегти статистику в CSV</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="445" />
            <source>CSV files (*.csv)</source>
            <translation>Файли CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="451" />
            <source>The CSV could not be saved: {error}</source>
            <translation>Не вдалося зберегти CSV: {error}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="453" />
            <source>{count} row(s) saved in {path}</source>
            <translation>Збережено рядків у {path}: {count}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="460" />
            <source>PNG images (*.png)</source>
            <translation>Зображення PNG (*.png)</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="468" />
            <source>The PNG could not be saved: {error}</source>
            <translation>Не вдалося зберегти PNG: {error}</translation>
        </message>
        <message>
            <location filename="../ui/stats_dock.py" line="472" />
            <source>Chart saved in {path}</source>
            <translation>Графік збережено в {path}</translation>
        </message>
        <message>
            <source>Hover a date to read its figures; click it to load that scene for the area of interest.</source>
            <translation type="vanished">Наведіть курсор на дату, щоб побачити її показники; клацніть, щоб завантажити цю сцену для області інтересу.</translation>
        </message>
        <message>
            <source>Loading {title}: see the task list for its progress</source>
            <translation type="vanished">Завантаження {title}: хід видно в списку завдань</translation>
        </message>
        <message>
            <source>The statistics in {path} cannot be read: {error}</source>
            <translation type="vanished">Не вдається прочитати статистику в {path}: {error}</translation>
        </message>
    </context>
    <context>
        <name>StatsForm</name>
        <message>
            <location filename="../ui/stats_form.py" line="49" />
            <source>up to 3, separated by ';': NDVI; NDWI; (B08-B04)/(B08+B04)</source>
            <translation>до 3, через ';': NDVI; NDWI; (B08-B04)/(B08+B04)</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="51" />
            <source>add an index…</source>
            <translation>додати індекс…</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="72" />
            <source>all sensors</source>
            <translation>усі сенсори</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="74" />
            <source>no limit</source>
            <translation>без обмеження</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="78" />
            <source>Exclude cloud and shadow pixels</source>
            <translation>Вилучити пікселі хмар і тіней</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="79" />
            <source>Leave cloud and shadow pixels out of the figures</source>
            <translation>Не враховувати пікселі хмар і тіней у показниках</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="89" />
            <source>Pixel history</source>
            <translation>Історія пікселя</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="90" />
            <source>Click a point on the map: these indices at that pixel on every scene of the dates, with each date's cloud flag, charted in the statistics dock. Esc leaves.</source>
            <translation>Клацніть точку на карті: ці індекси в цьому пікселі на кожній сцені в межах дат, з позначкою хмарності кожної дати, на графіку в панелі статистики. Esc — вихід.</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="99" />
            <source>to</source>
            <translation>до</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="104" />
            <source>Indices</source>
            <translation>Індекси</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="106" />
            <source>Dates</source>
            <translation>Дати</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="107" />
            <source>Sensors</source>
            <translation>Сенсори</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="108" />
            <source>Scenes with cloud ≤</source>
            <translation>Сцени з хмарністю ≤</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="110" />
            <source>At most</source>
            <translation>Щонайбільше</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="115" />
            <source>Statistics over time (mt_stats)</source>
            <translation>Статистика в часі (mt_stats)</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="118" />
            <source>Statistics</source>
            <translation>Статистика</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="121" />
            <source>→ statistics of {count} index(es) for each scene from {start} to {end} (JSON), charted in the statistics dock</source>
            <translation>→ статистика індексів ({count}) для кожної сцени з {start} до {end} (JSON), графік — на панелі статистики</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="154" />
            <source>Give at least one index or expression.</source>
            <translation>Задайте принаймні один індекс або вираз.</translation>
        </message>
        <message>
            <location filename="../ui/stats_form.py" line="156" />
            <source>At most {count} indices.</source>
            <translation>Щонайбільше {count} індекси.</translation>
        </message>
    </context>
    <context>
        <name>StoreCheck</name>
        <message>
            <location filename="../ui/store_check.py" line="66" />
            <source>Load By Extent: checking the request against the scene folders</source>
            <translation>Load By Extent: перевірка запиту за теками сцен</translation>
        </message>
    </context>
    <context>
        <name>TaskList</name>
        <message>
            <location filename="../ui/task_list.py" line="161" />
            <source>No task yet.</source>
            <translation>Завдань ще немає.</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="164" />
            <source>Clear finished</source>
            <translation>Прибрати завершені</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="165" />
            <source>Remove the tasks that have ended from this list (their layers and files stay)</source>
            <translation>Прибрати завершені завдання з цього списку (їхні шари й файли лишаються)</translation>
        </message>
    </context>
    <context>
        <name>TaskRow</name>
        <message>
            <location filename="../ui/task_list.py" line="78" />
            <source>Cancel this task</source>
            <translation>Скасувати це завдання</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="85" />
            <source>Run the same request again</source>
            <translation>Виконати той самий запит знову</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="86" />
            <source>Run again</source>
            <translation>Виконати знову</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="88" />
            <source>Resume waiting for this task</source>
            <translation>Відновити очікування цього завдання</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="89" />
            <source>Resume</source>
            <translation>Відновити</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="90" />
            <source>Zoom to the result</source>
            <translation>Наблизити до результату</translation>
        </message>
        <message>
            <location filename="../ui/task_list.py" line="92" />
            <source>Open the output folder</source>
            <translation>Відкрити теку результатів</translation>
        </message>
    </context>
    <context>
        <name>VisualForm</name>
        <message>
            <location filename="../ui/visual_form.py" line="54" />
            <source>grey</source>
            <translation>відтінки сірого</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="61" />
            <source>continuous</source>
            <translation>неперервна</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="63" />
            <source>Levels</source>
            <translation>Рівні</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="90" />
            <source>native</source>
            <translation>власний</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="93" />
            <source>Calibrate to reflectance</source>
            <translation>Калібрувати до відбивної здатності</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="94" />
            <source>Convert to top-of-atmosphere reflectance (calibrate)</source>
            <translation>Перетворити на відбивну здатність на верхній межі атмосфери (calibrate)</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="96" />
            <source>Cloud, cloud shadow and the cloud mask's fill become transparent</source>
            <translation>Хмари, тіні хмар і заповнення маски хмар стають прозорими</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="99" />
            <source>optional: a name for the result file</source>
            <translation>необов'язково: назва файлу результату</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="115" />
            <source>Bands</source>
            <translation>Канали</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="117" />
            <source>Colormap</source>
            <translation>Палітра</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="118" />
            <source>Classes</source>
            <translation>Класи</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="120" />
            <source>Resampling</source>
            <translation>Передискретизація</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="121" />
            <source>Format</source>
            <translation>Формат</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="122" />
            <source>Pixel size</source>
            <translation>Розмір пікселя</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="125" />
            <source>Name</source>
            <translation>Назва</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="129" />
            <source>Visual (jpeg)</source>
            <translation>Візуалізація (jpeg)</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="132" />
            <source>Visual</source>
            <translation>Візуалізація</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="136" />
            <source>native pixel size</source>
            <translation>власний розмір пікселя</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="137" />
            <source>colour</source>
            <translation>кольорове</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="138" />
            <source>→ a {format} image in EPSG:3857 ({kind}, {size})</source>
            <translation>→ зображення {format} в EPSG:3857 ({kind}, {size})</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="192" />
            <source>give one expression, or three bands or expressions for red, green, blue</source>
            <translation>задайте один вираз або три канали чи вирази для червоного, зеленого, синього</translation>
        </message>
        <message>
            <location filename="../ui/visual_form.py" line="196" />
            <source>the low level must be below the high one</source>
            <translation>нижній рівень має бути нижчим за верхній</translation>
        </message>
        <message>
            <source>Top-of-atmosphere reflectance (calibrate)</source>
            <translation type="vanished">Коефіцієнт відбиття на верхній межі атмосфери (калібрування)</translation>
        </message>
        <message>
            <source>classes</source>
            <translation type="vanished">класи</translation>
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
            <translation type="vanished">Теку сцен не задано: додайте її в налаштуваннях панелі.</translation>
        </message>
        <message>
            <source>cancelled; nothing was written</source>
            <translation type="vanished">скасовано; нічого не записано</translation>
        </message>
        <message>
            <source>resumed in a new row</source>
            <translation type="vanished">відновлено в новому рядку</translation>
        </message>
        <message>
            <source>statistics saved: {file}</source>
            <translation type="vanished">статистику збережено: {file}</translation>
        </message>
        <message>
            <source>the result could not be loaded: {error}</source>
            <translation type="vanished">не вдалося завантажити результат: {error}</translation>
        </message>
        <message>
            <source>unfinished on the server: task {task_id}</source>
            <translation type="vanished">не завершено на сервері: завдання {task_id}</translation>
        </message>
        <message>
            <source>{count} layer(s) loaded</source>
            <translation type="vanished">завантажено шарів: {count}</translation>
        </message>
    </context>
</TS>
