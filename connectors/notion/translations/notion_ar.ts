<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Notion</source>
      <translation>Notion</translation>
    </message>
    <message>
      <source>Add pages to a Notion database, find them, and change their properties.</source>
      <translation>أضف صفحات إلى قاعدة بيانات في Notion، وابحث عنها، وغيِّر خصائصها.</translation>
    </message>
    <message>
      <source>Add a page to a database</source>
      <translation>إضافة صفحة لقاعدة بيانات</translation>
    </message>
    <message>
      <source>Creates a page (a row) in a database, with its properties and optional text.</source>
      <translation>ينشئ صفحة (صفًا) في قاعدة بيانات، بخصائصها ونصٍّ اختياري.</translation>
    </message>
    <message>
      <source>Find pages in a database</source>
      <translation>البحث في قاعدة بيانات</translation>
    </message>
    <message>
      <source>Lists a database's pages that match a filter, following every page of results.</source>
      <translation>يعرض صفحات قاعدة البيانات التي تطابق عامل التصفية، متتبعًا كل صفحات النتائج.</translation>
    </message>
    <message>
      <source>Update a page</source>
      <translation>تحديث صفحة</translation>
    </message>
    <message>
      <source>Changes properties of a page; the others keep their values.</source>
      <translation>يغيّر خصائص صفحة؛ وتحتفظ الخصائص الأخرى بقيمها.</translation>
    </message>
    <message>
      <source>Add a Notion page: {properties}</source>
      <translation>أضف صفحة Notion: {properties}</translation>
    </message>
    <message>
      <source>Add a page to Notion</source>
      <translation>أضف صفحة إلى Notion</translation>
    </message>
    <message>
      <source>Find pages in Notion</source>
      <translation>ابحث عن صفحات في Notion</translation>
    </message>
    <message>
      <source>Update a Notion page: {properties}</source>
      <translation>حدّث صفحة Notion: {properties}</translation>
    </message>
    <message>
      <source>Update a Notion page</source>
      <translation>حدّث صفحة في Notion</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>Integration secret</source>
      <translation>سرّ التكامل</translation>
    </message>
    <message>
      <source>ntn_… from notion.so/my-integrations; then share the database with it (••• → Connections).</source>
      <translation>الرمز ntn_… من notion.so/my-integrations؛ ثم شارك قاعدة البيانات معه (••• → Connections).</translation>
    </message>
    <message>
      <source>The connected Notion integration.</source>
      <translation>تكامل Notion المربوط.</translation>
    </message>
    <message>
      <source>Database</source>
      <translation>قاعدة البيانات</translation>
    </message>
    <message>
      <source>The database's link or ID (the 32 characters before ?v= in its link).</source>
      <translation>رابط قاعدة البيانات أو معرّفها (الأحرف الـ32 التي تسبق ?v= في رابطها).</translation>
    </message>
    <message>
      <source>Properties</source>
      <translation>الخصائص</translation>
    </message>
    <message>
      <source>A value per column, named as in the database (e.g. Name, Amount).</source>
      <translation>قيمة لكل عمود، بالاسم الذي في قاعدة البيانات (مثل Name وAmount).</translation>
    </message>
    <message>
      <source>Page text</source>
      <translation>نص الصفحة</translation>
    </message>
    <message>
      <source>Paragraphs, one per line.</source>
      <translation>فقرات، واحدة في كل سطر.</translation>
    </message>
    <message>
      <source>Filter</source>
      <translation>عامل التصفية</translation>
    </message>
    <message>
      <source>Notion's filter, e.g. {"property": "Status", "status": {"equals": "Done"}}.</source>
      <translation>عامل تصفية Notion، مثال: {"property": "Status", "status": {"equals": "Done"}}.</translation>
    </message>
    <message>
      <source>Sort</source>
      <translation>الترتيب</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>الصفحة</translation>
    </message>
    <message>
      <source>The page's link or ID, e.g. {{ trigger.id }}.</source>
      <translation>رابط الصفحة أو معرّفها، مثال: {{ trigger.id }}.</translation>
    </message>
    <message>
      <source>Only the properties to change, by column name.</source>
      <translation>الخصائص المطلوب تغييرها فقط، بأسماء الأعمدة.</translation>
    </message>
  </context>
  <context>
    <name>ConnectorMessages</name>
    <message>
      <source>Notion: the integration secret is wrong or was revoked; connect it again.</source>
      <translation>Notion: المفتاح السري للتكامل غير صحيح أو أُلغي؛ اربطه مرة أخرى.</translation>
    </message>
  </context>
</TS>
