<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Airtable</source>
      <translation>ايرتيبل (Airtable)</translation>
    </message>
    <message>
      <source>Start a flow on each new record in a table; add records, change them and find them with a formula.</source>
      <translation>ابدأ تدفقًا عند كل سجل جديد في جدول؛ وأضف السجلات وعدّلها وابحث عنها بصيغة.</translation>
    </message>
    <message>
      <source>New Airtable record</source>
      <translation>سجل جديد في ايرتيبل</translation>
    </message>
    <message>
      <source>Starts the flow once for each record added to a table since the last check.</source>
      <translation>يبدأ التدفق مرة واحدة لكل سجل أُضيف إلى الجدول منذ آخر فحص.</translation>
    </message>
    <message>
      <source>On a new record in {table}</source>
      <translation>عند سجل جديد في {table}</translation>
    </message>
    <message>
      <source>On a new Airtable record</source>
      <translation>عند سجل جديد في ايرتيبل</translation>
    </message>
    <message>
      <source>Create an Airtable record</source>
      <translation>إنشاء سجل في ايرتيبل</translation>
    </message>
    <message>
      <source>Adds a record (a row) to a table, with a value for each field you name.</source>
      <translation>يضيف سجلًا (صفًا) إلى جدول، بقيمة لكل حقل تسمّيه.</translation>
    </message>
    <message>
      <source>Add an Airtable record to {table}</source>
      <translation>أضف سجلًا في ايرتيبل إلى {table}</translation>
    </message>
    <message>
      <source>Add an Airtable record</source>
      <translation>أضف سجلًا في ايرتيبل</translation>
    </message>
    <message>
      <source>Update an Airtable record</source>
      <translation>تحديث سجل في ايرتيبل</translation>
    </message>
    <message>
      <source>Changes the fields you name of one record; the others keep their values.</source>
      <translation>يغيّر الحقول التي تسمّيها في سجل واحد؛ وتبقى الحقول الأخرى على قيمها.</translation>
    </message>
    <message>
      <source>Update an Airtable record in {table}</source>
      <translation>حدّث سجلًا في ايرتيبل في {table}</translation>
    </message>
    <message>
      <source>Find Airtable records</source>
      <translation>البحث عن سجلات في ايرتيبل</translation>
    </message>
    <message>
      <source>Lists a table's records that make a formula true, following every page up to a limit.</source>
      <translation>يعرض سجلات الجدول التي تحقق صيغة، عبر كل الصفحات حتى حد معيّن.</translation>
    </message>
    <message>
      <source>Find records in {table} where {formula}</source>
      <translation>ابحث عن سجلات في {table} حيث {formula}</translation>
    </message>
    <message>
      <source>Find records in {table}</source>
      <translation>ابحث عن سجلات في {table}</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>Personal access token</source>
      <translation>رمز الوصول الشخصي (Personal access token)</translation>
    </message>
    <message>
      <source>pat… from airtable.com/create/tokens, with the scopes data.records:read and data.records:write and your base added.</source>
      <translation>الرمز pat… من airtable.com/create/tokens، بالصلاحيات data.records:read و data.records:write ومع إضافة قاعدتك.</translation>
    </message>
    <message>
      <source>The connected Airtable account.</source>
      <translation>حساب ايرتيبل المربوط.</translation>
    </message>
    <message>
      <source>Base</source>
      <translation>القاعدة</translation>
    </message>
    <message>
      <source>The base's link (https://airtable.com/app…) or its ID (app…).</source>
      <translation>رابط القاعدة (https://airtable.com/app…) أو معرّفها (app…).</translation>
    </message>
    <message>
      <source>The table's name (e.g. Orders) or its ID (tbl…).</source>
      <translation>اسم الجدول (مثل Orders) أو معرّفه (tbl…).</translation>
    </message>
    <message>
      <source>Only in view</source>
      <translation>في العرض فقط</translation>
    </message>
    <message>
      <source>A view's name; empty for the whole table.</source>
      <translation>اسم العرض (view)؛ اتركه فارغًا للجدول كله.</translation>
    </message>
    <message>
      <source>A value per field, named as in the table (e.g. Name, Total).</source>
      <translation>قيمة لكل حقل، بالاسم كما في الجدول (مثل Name و Total).</translation>
    </message>
    <message>
      <source>Convert values</source>
      <translation>تحويل القيم</translation>
    </message>
    <message>
      <source>Let Airtable read text as each field's type (a number, a date, a new select option).</source>
      <translation>دع ايرتيبل يقرأ النص بنوع كل حقل (رقم، تاريخ، خيار جديد في قائمة الاختيار).</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>السجل</translation>
    </message>
    <message>
      <source>The record's ID (rec…), e.g. {{ trigger.id }}.</source>
      <translation>معرّف السجل (rec…)، مثل {{ trigger.id }}.</translation>
    </message>
    <message>
      <source>Only the fields to change, by name; the others keep their values.</source>
      <translation>الحقول المراد تغييرها فقط، بأسمائها؛ وتبقى الأخرى على قيمها.</translation>
    </message>
    <message>
      <source>Formula</source>
      <translation>الصيغة</translation>
    </message>
    <message>
      <source>An Airtable formula a record must make true, e.g. {Status} = 'New'; empty for every record.</source>
      <translation>صيغة ايرتيبل يجب أن يحققها السجل، مثل {Status} = 'New'؛ اتركها فارغة لكل السجلات.</translation>
    </message>
    <message>
      <source>A view's name; empty for all.</source>
      <translation>اسم العرض (view)؛ اتركه فارغًا للكل.</translation>
    </message>
  </context>
  <context>
    <name>ConnectorMessages</name>
    <message>
      <source>Airtable didn't accept the personal access token; create one again at airtable.com/create/tokens (with data.records:read and data.records:write, and this base added) and paste it into the account.</source>
      <translation>لم يقبل ايرتيبل رمز الوصول الشخصي؛ أنشئ رمزًا جديدًا في airtable.com/create/tokens (بالصلاحيات data.records:read و data.records:write ومع إضافة هذه القاعدة) والصقه في الحساب.</translation>
    </message>
  </context>
</TS>
