<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Excel</source>
      <translation>Excel</translation>
    </message>
    <message>
      <source>Add rows to a table of an Excel workbook in OneDrive or SharePoint, and find rows in it.</source>
      <translation>أضف صفوفًا إلى جدول في مصنف Excel على OneDrive أو SharePoint، وابحث عن صفوف فيه.</translation>
    </message>
    <message>
      <source>Add a row to an Excel table</source>
      <translation>إضافة صف إلى جدول Excel</translation>
    </message>
    <message>
      <source>Adds a row at the bottom of a table in an Excel workbook, by column names or in column order.</source>
      <translation>يضيف صفًا أسفل جدول في مصنف Excel، بأسماء الأعمدة أو بترتيبها.</translation>
    </message>
    <message>
      <source>Add a row to {table} in {workbook}</source>
      <translation>أضف صفًا إلى {table} في {workbook}</translation>
    </message>
    <message>
      <source>Add a row to {workbook}</source>
      <translation>أضف صفًا إلى {workbook}</translation>
    </message>
    <message>
      <source>Find rows in an Excel table</source>
      <translation>البحث عن صفوف في جدول Excel</translation>
    </message>
    <message>
      <source>Reads the rows of a table in an Excel workbook, those whose cell in a column matches a value.</source>
      <translation>يقرأ صفوف جدول في مصنف Excel، تلك التي تطابق خليتها في عمود قيمةً ما.</translation>
    </message>
    <message>
      <source>Find rows where {column} is {value} in {workbook}</source>
      <translation>ابحث عن صفوف فيها {column} يساوي {value} في {workbook}</translation>
    </message>
    <message>
      <source>Read the rows of {workbook}</source>
      <translation>اقرأ صفوف {workbook}</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>The connected Microsoft account whose OneDrive holds it.</source>
      <translation>حساب Microsoft المربوط الذي يحفظه OneDrive الخاص به.</translation>
    </message>
    <message>
      <source>Workbook</source>
      <translation>المصنف</translation>
    </message>
    <message>
      <source>Its file name or path in OneDrive (e.g. Shop/Orders.xlsx), or a sharing link copied from Excel (Share → Copy link).</source>
      <translation>اسم ملفه أو مساره في OneDrive (مثل Shop/Orders.xlsx)، أو رابط مشاركة منسوخ من Excel (مشاركة ← نسخ الرابط).</translation>
    </message>
    <message>
      <source>The table's name, as in Excel under Table Design → Table Name.</source>
      <translation>اسم الجدول كما في Excel تحت «تصميم الجدول» ← «اسم الجدول».</translation>
    </message>
    <message>
      <source>A value per column, named by its header (e.g. Email), or values in the table's column order.</source>
      <translation>قيمة لكل عمود باسم عنوانه (مثل Email)، أو قيم بترتيب أعمدة الجدول.</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>العمود</translation>
    </message>
    <message>
      <source>Only rows whose cell in this column matches; empty: all.</source>
      <translation>الصفوف التي تطابق خليتها في هذا العمود فقط؛ فارغ: كل الصفوف.</translation>
    </message>
    <message>
      <source>New row</source>
      <translation>الصف الجديد</translation>
    </message>
    <message>
      <source>Cell value</source>
      <translation>قيمة الخلية</translation>
    </message>
    <message>
      <source>The value to match (case aside).</source>
      <translation>القيمة المطلوب مطابقتها (بغض النظر عن حالة الأحرف).</translation>
    </message>
  </context>
</TS>
