<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Google Sheets</source>
      <translation>Google Sheets</translation>
    </message>
    <message>
      <source>Add, change and find rows in a spreadsheet, update a row found by a key column or add it, and start a flow when a row is added.</source>
      <translation>أضف صفوفًا إلى جدول بيانات وعدِّلها وابحث عنها، وحدّث صفًا تجده بعمود مفتاح أو أضفه، وابدأ تدفقًا عند إضافة صف.</translation>
    </message>
    <message>
      <source>New row in Google Sheets</source>
      <translation>صف جديد في Google Sheets</translation>
    </message>
    <message>
      <source>Starts the flow once for each row added below the last one seen.</source>
      <translation>يبدأ التدفق مرة لكل صف يُضاف تحت آخر صف اطّلع عليه.</translation>
    </message>
    <message>
      <source>Add a row</source>
      <translation>إضافة صف</translation>
    </message>
    <message>
      <source>Adds a row under the last row of a sheet, by column names or in column order.</source>
      <translation>يضيف صفًا تحت آخر صف في الورقة، بأسماء الأعمدة أو بترتيبها.</translation>
    </message>
    <message>
      <source>Update a row</source>
      <translation>تحديث صف</translation>
    </message>
    <message>
      <source>Changes cells of one row, found by its number.</source>
      <translation>يغيّر خلايا صف واحد يُحدَّد برقمه.</translation>
    </message>
    <message>
      <source>Find rows</source>
      <translation>البحث عن صفوف</translation>
    </message>
    <message>
      <source>Reads the rows of a sheet, or only those whose column has a value.</source>
      <translation>يقرأ صفوف الورقة، أو فقط الصفوف التي يحمل عمودها قيمة معيّنة.</translation>
    </message>
    <message>
      <source>On a new row in {sheet}</source>
      <translation>عند صف جديد في {sheet}</translation>
    </message>
    <message>
      <source>On a new row in the sheet</source>
      <translation>عند صف جديد في الجدول</translation>
    </message>
    <message>
      <source>Add a row to {sheet}</source>
      <translation>أضف صفًا إلى {sheet}</translation>
    </message>
    <message>
      <source>Add a row to the sheet</source>
      <translation>أضف صفًا إلى الجدول</translation>
    </message>
    <message>
      <source>Update row {row_number} in {sheet}</source>
      <translation>حدّث الصف {row_number} في {sheet}</translation>
    </message>
    <message>
      <source>Update row {row_number}</source>
      <translation>حدّث الصف {row_number}</translation>
    </message>
    <message>
      <source>Update a row of the sheet</source>
      <translation>حدّث صفًا في الجدول</translation>
    </message>
    <message>
      <source>Find rows in {sheet} where {column} is {value}</source>
      <translation>ابحث في {sheet} عن صفوف فيها {column} = {value}</translation>
    </message>
    <message>
      <source>Find rows in {sheet}</source>
      <translation>ابحث عن صفوف في {sheet}</translation>
    </message>
    <message>
      <source>Find rows in the sheet</source>
      <translation>ابحث عن صفوف في الجدول</translation>
    </message>
    <message>
      <source>Update or add a row</source>
      <translation>تحديث صف أو إضافته</translation>
    </message>
    <message>
      <source>Finds the row whose key column (an e-mail, an order number) has the given value and updates it, or adds the row when there is none.</source>
      <translation>يجد الصف الذي يحمل عمود المفتاح فيه (بريد إلكتروني، رقم طلب) القيمة المعطاة فيحدّثه، أو يضيف الصف إن لم يوجد.</translation>
    </message>
    <message>
      <source>Update or add a row in {sheet} by {key_column}</source>
      <translation>حدّث صفًا أو أضفه في {sheet} حسب {key_column}</translation>
    </message>
    <message>
      <source>Update or add a row by {key_column}</source>
      <translation>حدّث صفًا أو أضفه حسب {key_column}</translation>
    </message>
    <message>
      <source>Update or add a row of the sheet</source>
      <translation>حدّث صفًا في الجدول أو أضفه</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>The connected Google account.</source>
      <translation>حساب Google المربوط.</translation>
    </message>
    <message>
      <source>Spreadsheet ID</source>
      <translation>معرّف جدول البيانات</translation>
    </message>
    <message>
      <source>The long part of the spreadsheet's link, between /d/ and /edit.</source>
      <translation>الجزء الطويل من رابط جدول البيانات، بين /d/ و/edit.</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>الورقة</translation>
    </message>
    <message>
      <source>The tab's name, e.g. Sheet1 or Orders.</source>
      <translation>اسم التبويب، مثال: Sheet1 أو Orders.</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>الصف</translation>
    </message>
    <message>
      <source>A value per column, named by its header (e.g. Email), or values in column order from column A on.</source>
      <translation>قيمة لكل عمود باسم عنوانه (مثل Email)، أو قيم بترتيب الأعمدة بدءًا من العمود A.</translation>
    </message>
    <message>
      <source>Read values as</source>
      <translation>قراءة القيم</translation>
    </message>
    <message>
      <source>USER_ENTERED: as if typed (formulas, dates); RAW: exactly as given.</source>
      <translation>كأنها مكتوبة: تُفسَّر كما لو كتبتها بيدك (صيغ، تواريخ)؛ كما هي: تُحفظ تمامًا كما أُعطيت.</translation>
    </message>
    <message>
      <source>USER ENTERED</source>
      <translation>كأنها مكتوبة</translation>
    </message>
    <message>
      <source>RAW</source>
      <translation>كما هي</translation>
    </message>
    <message>
      <source>Row number</source>
      <translation>رقم الصف</translation>
    </message>
    <message>
      <source>e.g. {{ trigger.row_number }}</source>
      <translation>مثال: {{ trigger.row_number }}</translation>
    </message>
    <message>
      <source>New values</source>
      <translation>القيم الجديدة</translation>
    </message>
    <message>
      <source>Named by column header (other columns keep their values), or a list from A.</source>
      <translation>بأسماء عناوين الأعمدة (وتحتفظ الأعمدة الأخرى بقيمها)، أو قائمة بدءًا من A.</translation>
    </message>
    <message>
      <source>Find in column</source>
      <translation>البحث في العمود</translation>
    </message>
    <message>
      <source>A column header; empty reads every row.</source>
      <translation>عنوان عمود؛ وإن تُرك فارغًا تُقرأ كل الصفوف.</translation>
    </message>
    <message>
      <source>Equal to</source>
      <translation>يساوي</translation>
    </message>
    <message>
      <source>Rows whose column has this value.</source>
      <translation>الصفوف التي يحمل عمودها هذه القيمة.</translation>
    </message>
    <message>
      <source>0 for all matching rows.</source>
      <translation>0 لكل الصفوف المطابقة.</translation>
    </message>
    <message>
      <source>Key column</source>
      <translation>عمود المفتاح</translation>
    </message>
    <message>
      <source>The column that tells rows apart, e.g. Email or Order number: the row whose cell equals the Row's value there is updated; none, and the Row is added.</source>
      <translation>العمود الذي يميّز الصفوف، مثل Email أو رقم الطلب: يُحدَّث الصف الذي تساوي خليته فيه قيمة الصف المعطى؛ وإن لم يوجد يُضاف الصف.</translation>
    </message>
    <message>
      <source>A value per column, named by its header; it must give the key column's value. Columns not named keep their values.</source>
      <translation>قيمة لكل عمود باسم عنوانه؛ ويجب أن تتضمن قيمة عمود المفتاح. الأعمدة غير المذكورة تحتفظ بقيمها.</translation>
    </message>
  </context>
</TS>
