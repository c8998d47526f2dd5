<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>FlowView</name>
    <message>
      <location filename="../flowin_desktop/canvas/view.py" line="119" />
      <source>Nothing here yet — let's get the flow started.
Start with a trigger: drag it from the list, or double-click it.</source>
      <translation>لا شيء هنا بعد — لنبدأ التدفق.
ابدأ بمشغِّل: اسحبه من القائمة أو انقر عليه مرتين.</translation>
    </message>
  </context>
  <context>
    <name>HomeView</name>
    <message>
      <location filename="../flowin_desktop/home.py" line="90" />
      <source>Your flows</source>
      <translation>تدفقاتك</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="91" />
      <source>Let your work flow — effortlessly.</source>
      <translation>دع عملك يتدفق — بلا عناء.</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="92" />
      <source>+ New flow</source>
      <translation>+ تدفق جديد</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="93" />
      <source>Open</source>
      <translation>فتح</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="94" />
      <source>Rename…</source>
      <translation>إعادة تسمية…</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="95" />
      <source>Duplicate</source>
      <translation>تكرار</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="96" />
      <source>Delete…</source>
      <translation>حذف…</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="97" />
      <source>No flows yet — let's build your first automation!</source>
      <translation>لا توجد تدفقات بعد — لنبنِ أول أتمتة لك!</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="121" />
      <source>Draft</source>
      <translation>مسودة</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="122" />
      <source>Active</source>
      <translation>نشِط</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="123" />
      <source>Paused</source>
      <translation>متوقف مؤقتًا</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="124" />
      <source>Archived</source>
      <translation>مؤرشف</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="126" />
      <source>Runs today: %1</source>
      <translation>تشغيلات اليوم: %1</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="127" />
      <source>Edited %1</source>
      <translation>عُدّل %1</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="156" />
      <source>Rename flow</source>
      <translation>إعادة تسمية التدفق</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="173" />
      <source>%1 (copy)</source>
      <translation>%1 (نسخة)</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="184" />
      <source>Delete '%1' and its run history? This can't be undone.</source>
      <translation>حذف '%1' وسجل تشغيله؟ لا يمكن التراجع عن ذلك.</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="187" />
      <source>Delete flow</source>
      <translation>حذف التدفق</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/home.py" line="204" />
      <source>Name</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>'%1' can't run on its own yet. Things to fix: %2. Open it to see them.</source>
      <translation>لا يمكن تشغيل '%1' تلقائيًا بعد. أمور تحتاج إلى إصلاح: %2. افتحه لتراها.</translation>
    </message>
    <message>
      <source>'%1' is active: it runs on its own while Flowin is open or in the tray.</source>
      <translation>'%1' نشِط: يعمل تلقائيًا ما دام Flowin مفتوحًا أو في شريط النظام.</translation>
    </message>
    <message>
      <source>'%1' is not a Flowin flow, or part of it is damaged.</source>
      <translation>'%1' ليس تدفقًا من Flowin، أو أن جزءًا منه تالف.</translation>
    </message>
    <message>
      <source>'%1' is not a flow file: it isn't valid JSON.</source>
      <translation>'%1' ليس ملف تدفق: محتواه ليس JSON صالحًا.</translation>
    </message>
    <message>
      <source>'%1' is paused.</source>
      <translation>أُوقف '%1' مؤقتًا.</translation>
    </message>
    <message>
      <source>'%1' is too big to be a flow file.</source>
      <translation>'%1' أكبر من أن يكون ملف تدفق.</translation>
    </message>
    <message>
      <source>'%1' was made with a newer Flowin. Update Flowin to import it.</source>
      <translation>أُنشئ '%1' بإصدار أحدث من Flowin. حدِّث Flowin لتستورده.</translation>
    </message>
    <message>
      <source>Couldn't export the flow</source>
      <translation>تعذّر تصدير التدفق</translation>
    </message>
    <message>
      <source>Couldn't import the flow</source>
      <translation>تعذّر استيراد التدفق</translation>
    </message>
    <message>
      <source>Exported '%1' to %2.</source>
      <translation>صُدِّر '%1' إلى %2.</translation>
    </message>
    <message>
      <source>Flowin couldn't read '%1'.</source>
      <translation>تعذّر على Flowin قراءة '%1'.</translation>
    </message>
    <message>
      <source>Flowin couldn't write '%1'.</source>
      <translation>تعذّر على Flowin كتابة '%1'.</translation>
    </message>
    <message>
      <source>Imported '%1'.</source>
      <translation>تم استيراد '%1'.</translation>
    </message>
    <message>
      <source>This flow can't run yet</source>
      <translation>لا يمكن تشغيل هذا التدفق بعد</translation>
    </message>
    <message>
      <source>%1 (imported)</source>
      <translation>%1 (مستورد)</translation>
    </message>
    <message>
      <source>+ Create your first flow</source>
      <translation>+ أنشئ أول تدفق لك</translation>
    </message>
    <message>
      <source>Activate</source>
      <translation>تفعيل</translation>
    </message>
    <message>
      <source>Add a flow from a .json file</source>
      <translation>أضف تدفقًا من ملف ‎.json</translation>
    </message>
    <message>
      <source>Archive</source>
      <translation>أرشفة</translation>
    </message>
    <message>
      <source>Archived flows never run and wait at the bottom.</source>
      <translation>التدفقات المؤرشفة لا تعمل أبدًا وتنتظر في أسفل القائمة.</translation>
    </message>
    <message>
      <source>Export the flow</source>
      <translation>تصدير التدفق</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>تصدير…</translation>
    </message>
    <message>
      <source>Flow files (%1)</source>
      <translation>ملفات التدفق (%1)</translation>
    </message>
    <message>
      <source>Import a flow</source>
      <translation>استيراد تدفق</translation>
    </message>
    <message>
      <source>Import a flow…</source>
      <translation>استيراد تدفق…</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>استيراد…</translation>
    </message>
    <message>
      <source>Let this flow run on its own when its trigger fires.</source>
      <translation>دع هذا التدفق يعمل تلقائيًا عندما يُطلَق مشغِّله.</translation>
    </message>
    <message>
      <source>Nothing was imported.</source>
      <translation>لم يُستورد شيء.</translation>
    </message>
    <message>
      <source>Passwords and keys were left out (%1): fill them in after importing.</source>
      <translation>حُذفت كلمات المرور والمفاتيح (%1): أدخلها بعد الاستيراد.</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>إيقاف مؤقت</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>استعادة</translation>
    </message>
    <message>
      <source>Save this flow as a .json file to share; passwords and keys are left out.</source>
      <translation>احفظ هذا التدفق في ملف ‎.json لمشاركته؛ لا تُضمَّن كلمات المرور والمفاتيح.</translation>
    </message>
    <message>
      <source>Start from an empty canvas, or import a flow someone shared with you.</source>
      <translation>ابدأ من لوحة فارغة، أو استورد تدفقًا شاركه أحدهم معك.</translation>
    </message>
    <message>
      <source>Stop running this flow on its own.</source>
      <translation>أوقف التشغيل التلقائي لهذا التدفق.</translation>
    </message>
    <message>
      <source>Things to fix before it can run: %1.</source>
      <translation>أمور تحتاج إلى إصلاح قبل أن يعمل: %1.</translation>
    </message>
    <message>
      <source>runs today</source>
      <translation>تشغيلات اليوم</translation>
    </message>
    <message>
      <source>succeeded</source>
      <translation>ناجحة</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Run this step only</source>
      <translation>شغّل هذه الخطوة وحدها</translation>
    </message>
    <message>
      <source>Unpin</source>
      <translation>ألغِ التثبيت</translation>
    </message>
    <message>
      <source>Pin this output</source>
      <translation>ثبّت هذا الناتج</translation>
    </message>
    <message>
      <source>This step has no output to pin yet: run the flow first.</source>
      <translation>ليس لهذه الخطوة ناتج لتثبيته بعد: شغّل التدفق أولًا.</translation>
    </message>
    <message>
      <source>Run the flow once first so this step has data to work with.</source>
      <translation>شغّل التدفق مرة أولًا حتى تجد هذه الخطوة بيانات تعمل بها.</translation>
    </message>
    <message>
      <source>Running one step…</source>
      <translation>جارٍ تشغيل خطوة واحدة…</translation>
    </message>
    <message>
      <source>≡ Step %1 used its pinned output: %2</source>
      <translation>≡ الخطوة %1 استخدمت ناتجها المثبّت: %2</translation>
    </message>
    <message>
      <source>≡ Step %1 reused its output from the last run: %2</source>
      <translation>≡ الخطوة %1 أعادت استخدام ناتجها من آخر تشغيل: %2</translation>
    </message>
    <message>
      <source>The step ran in %1 s.</source>
      <translation>اشتغلت الخطوة في %1 ث.</translation>
    </message>
    <message>
      <source>✦ AI: describe your flow</source>
      <translation>✦ الذكاء الاصطناعي: صف تدفقك</translation>
    </message>
    <message>
      <source>Describe a flow in your own words and let Flowin build it</source>
      <translation>صف تدفقًا بكلماتك ودع Flowin يبنيه</translation>
    </message>
    <message>
      <source>Flows paused: %1</source>
      <translation>التدفقات المتوقفة مؤقتًا: %1</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="283" />
      <location filename="../flowin_desktop/main_window.py" line="376" />
      <source>Flowin</source>
      <translation>فلوإن</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="284" />
      <source>‹ Flows</source>
      <translation>‹ التدفقات</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="285" />
      <source>Back to your flows</source>
      <translation>العودة إلى تدفقاتك</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="286" />
      <source>▶  Test run</source>
      <translation>▶  تشغيل تجريبي</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="288" />
      <location filename="../flowin_desktop/main_window.py" line="360" />
      <source>Dark</source>
      <translation>داكن</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="288" />
      <location filename="../flowin_desktop/main_window.py" line="360" />
      <source>Light</source>
      <translation>فاتح</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="290" />
      <source>Switch between the light and dark theme</source>
      <translation>التبديل بين المظهر الفاتح والداكن</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="291" />
      <source>Name your flow</source>
      <translation>سمِّ تدفقك</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="293" />
      <source>Flow name</source>
      <translation>اسم التدفق</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="294" />
      <location filename="../flowin_desktop/main_window.py" line="295" />
      <source>Language</source>
      <translation>اللغة</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="296" />
      <source>Canvas</source>
      <translation>لوحة التدفق</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="298" />
      <source>&amp;File</source>
      <translation>&amp;ملف</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="299" />
      <source>&amp;Edit</source>
      <translation>&amp;تحرير</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="300" />
      <source>&amp;View</source>
      <translation>&amp;عرض</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="301" />
      <source>&amp;Run</source>
      <translation>&amp;تشغيل</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="303" />
      <source>New flow</source>
      <translation>تدفق جديد</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="304" />
      <source>Your flows</source>
      <translation>تدفقاتك</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="305" />
      <source>Save</source>
      <translation>حفظ</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="306" />
      <source>Quit Flowin</source>
      <translation>الخروج من فلوإن</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="307" />
      <source>Undo</source>
      <translation>تراجع</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="308" />
      <source>Redo</source>
      <translation>إعادة</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="309" />
      <source>Cut</source>
      <translation>قص</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="310" />
      <source>Copy</source>
      <translation>نسخ</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="311" />
      <source>Paste</source>
      <translation>لصق</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="312" />
      <source>Duplicate</source>
      <translation>تكرار</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="313" />
      <source>Delete</source>
      <translation>حذف</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="314" />
      <source>Select all</source>
      <translation>تحديد الكل</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="315" />
      <source>Zoom in</source>
      <translation>تكبير</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="316" />
      <source>Zoom out</source>
      <translation>تصغير</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="317" />
      <source>Fit to view</source>
      <translation>ملاءمة العرض</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="318" />
      <source>Show run log</source>
      <translation>إظهار سجل التشغيل</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="319" />
      <source>Dark theme</source>
      <translation>المظهر الداكن</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="320" />
      <source>Test run</source>
      <translation>تشغيل تجريبي</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="399" />
      <source>Untitled flow</source>
      <translation>تدفق بلا عنوان</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="445" />
      <source>Add step here</source>
      <translation>أضف خطوة هنا</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="449" />
      <source>Add a note here</source>
      <translation>أضف ملاحظة هنا</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="457" />
      <source>Turn this step on</source>
      <translation>شغّل هذه الخطوة</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="457" />
      <source>Turn this step off</source>
      <translation>أوقف هذه الخطوة</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="467" />
      <source>Double-click to write a note.</source>
      <translation>انقر مرتين لكتابة ملاحظة.</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="477" />
      <source>Note</source>
      <translation>ملاحظة</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="530" />
      <source>The clipboard holds no steps to paste.</source>
      <translation>لا توجد خطوات في الحافظة للصقها.</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="560" />
      <source>● Active</source>
      <translation>● نشِط</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="560" />
      <source>Activate</source>
      <translation>تفعيل</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="562" />
      <source>Active: runs on its own, also when the window is closed. Click to pause.</source>
      <translation>نشِط: يعمل تلقائيًا حتى عند إغلاق النافذة. انقر للإيقاف المؤقت.</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="564" />
      <source>Let this flow run on its own when its trigger fires.</source>
      <translation>دع هذا التدفق يعمل تلقائيًا عندما يُطلَق مشغِّله.</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="600" />
      <source>Not saved — will try again</source>
      <translation>لم يُحفظ — ستُعاد المحاولة</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="607" />
      <source>Saved</source>
      <translation>تم الحفظ</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="607" />
      <source>Saving…</source>
      <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="633" />
      <source>Oops! This flow can't run yet — let's fix it together.</source>
      <translation>عذرًا! لا يمكن تشغيل هذا التدفق بعد — لنصلحه معًا.</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="640" />
      <source>Running…</source>
      <translation>جارٍ التشغيل…</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="660" />
      <source>Skipped: %1</source>
      <translation>تم التخطي: %1</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="675" />
      <source>✓ Step %1 succeeded: %2 (%3 ms)</source>
      <translation>✓ نجحت الخطوة %1: %2 (%3 م.ث)</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="682" />
      <source>⚠ Step %1: %2 — trying again</source>
      <translation>⚠ الخطوة %1: %2 — إعادة المحاولة</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="688" />
      <source>✕ Step %1 failed: %2</source>
      <translation>✕ فشلت الخطوة %1: %2</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="698" />
      <source>Your flow's flying smoothly! Execution time: %1 s</source>
      <translation>تدفقك يعمل بسلاسة! مدة التنفيذ: %1 ث</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="708" />
      <source>Step %1 failed: %2</source>
      <translation>فشلت الخطوة %1: %2</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="713" />
      <source>The run failed: %1</source>
      <translation>فشل التشغيل: %1</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="715" />
      <source>The run stopped (%1).</source>
      <translation>توقف التشغيل (%1).</translation>
    </message>
    <message>
      <source>Every run of your flows, with its steps</source>
      <translation>كل عملية تشغيل لتدفقاتك، مع خطواتها</translation>
    </message>
    <message>
      <source>Executions</source>
      <translation>عمليات التشغيل</translation>
    </message>
    <message>
      <source>Tidy up</source>
      <translation>ترتيب الخطوات</translation>
    </message>
    <message>
      <source>Show minimap</source>
      <translation>إظهار الخريطة المصغّرة</translation>
    </message>
  </context>
  <context>
    <name>Palette</name>
    <message>
      <location filename="../flowin_desktop/panels/palette.py" line="61" />
      <source>Search steps…</source>
      <translation>ابحث في الخطوات…</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/palette.py" line="75" />
      <source>Triggers</source>
      <translation>المشغِّلات</translation>
    </message>
  </context>
  <context>
    <name>PropertiesPanel</name>
    <message>
      <source>▶ Run this step only</source>
      <translation>▶ شغّل هذه الخطوة وحدها</translation>
    </message>
    <message>
      <source>Run just this step, with the data the steps before it gave in the last run</source>
      <translation>شغّل هذه الخطوة وحدها، بالبيانات التي أعطتها الخطوات التي قبلها في آخر تشغيل</translation>
    </message>
    <message>
      <source>Unpin</source>
      <translation>ألغِ التثبيت</translation>
    </message>
    <message>
      <source>Pin this output</source>
      <translation>ثبّت هذا الناتج</translation>
    </message>
    <message>
      <source>Test runs call the service again for this step.</source>
      <translation>ستستدعي التشغيلات التجريبية الخدمة من جديد لهذه الخطوة.</translation>
    </message>
    <message>
      <source>Test runs reuse this output instead of calling the service again.</source>
      <translation>تعيد التشغيلات التجريبية استخدام هذا الناتج بدل استدعاء الخدمة من جديد.</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="70" />
      <source>Select a step to see its settings.</source>
      <translation>اختر خطوة لعرض إعداداتها.</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="71" />
      <source>Settings</source>
      <translation>الإعدادات</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="72" />
      <source>Last run</source>
      <translation>آخر تشغيل</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="124" />
      <source>Step name</source>
      <translation>اسم الخطوة</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="152" />
      <source>Required</source>
      <translation>مطلوب</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="157" />
      <source>Stop the run</source>
      <translation>أوقف التشغيل</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="158" />
      <source>Carry on with the error as output</source>
      <translation>تابِع واجعل الخطأ هو المُخرَج</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="159" />
      <source>Send it to the error output</source>
      <translation>أرسله إلى مُخرَج الخطأ</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="166" />
      <source>When this step fails</source>
      <translation>عند فشل هذه الخطوة</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="167" />
      <source>Turned off</source>
      <translation>متوقفة</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="170" />
      <source>A step that is off passes its data through unchanged.</source>
      <translation>الخطوة المتوقفة تمرّر بياناتها دون تغيير.</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="213" />
      <source>Another step is already called '%1'.</source>
      <translation>توجد خطوة أخرى باسم '%1'.</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="246" />
      <source>Key</source>
      <translation>المفتاح</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="246" />
      <source>Value</source>
      <translation>القيمة</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="250" />
      <source>This step hasn't run yet.</source>
      <translation>لم تُشغَّل هذه الخطوة بعد.</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="255" />
      <source>Input</source>
      <translation>المُدخَل</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="257" />
      <source>Error</source>
      <translation>الخطأ</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/properties.py" line="259" />
      <source>Output</source>
      <translation>المُخرَج</translation>
    </message>
  </context>
  <context>
    <name>RunLog</name>
    <message>
      <source>Fix now</source>
      <translation>أصلِحه الآن</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/run_log.py" line="38" />
      <source>Click Test run to try your flow. Each step shows up here.</source>
      <translation>اضغط «تشغيل تجريبي» لتجربة التدفق. ستظهر كل خطوة هنا.</translation>
    </message>
  </context>
  <context>
    <name>Tray</name>
    <message>
      <location filename="../flowin_desktop/tray.py" line="23" />
      <location filename="../flowin_desktop/tray.py" line="34" />
      <source>Flowin</source>
      <translation>فلوإن</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/tray.py" line="24" />
      <source>Open Flowin</source>
      <translation>فتح فلوإن</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/tray.py" line="25" />
      <source>Quit</source>
      <translation>خروج</translation>
    </message>
    <message>
      <source>Pause all flows</source>
      <translation>إيقاف كل التدفقات مؤقتًا</translation>
    </message>
    <message>
      <source>'%1' failed</source>
      <translation>فشل «%1»</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/tray.py" line="34" />
      <source>Your flows keep running here. Right-click to quit.</source>
      <translation>تستمر تدفقاتك في العمل من هنا. انقر بالزر الأيمن للخروج.</translation>
    </message>
  </context>
  <context>
    <name>FlowDocument</name>
    <message>
      <source>Pin output</source>
      <translation>تثبيت الناتج</translation>
    </message>
    <message>
      <source>Unpin output</source>
      <translation>إلغاء تثبيت الناتج</translation>
    </message>
    <message>
      <source>'%1' has no input called '%2'.</source>
      <translation>لا يوجد في '%1' مُدخَل باسم '%2'.</translation>
    </message>
    <message>
      <source>'%1' has no output called '%2'.</source>
      <translation>لا يوجد في '%1' مُخرَج باسم '%2'.</translation>
    </message>
    <message>
      <source>'%1' is a trigger: nothing can connect into it.</source>
      <translation>'%1' مشغِّل: لا يمكن توصيل شيء إليه.</translation>
    </message>
    <message>
      <source>A step can't connect to itself.</source>
      <translation>لا يمكن توصيل خطوة بنفسها.</translation>
    </message>
    <message>
      <source>Add step</source>
      <translation>إضافة خطوة</translation>
    </message>
    <message>
      <source>Change status</source>
      <translation>تغيير الحالة</translation>
    </message>
    <message>
      <source>Add note</source>
      <translation>إضافة ملاحظة</translation>
    </message>
    <message>
      <source>Edit note</source>
      <translation>تعديل ملاحظة</translation>
    </message>
    <message>
      <source>Connect</source>
      <translation>توصيل</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>حذف</translation>
    </message>
    <message>
      <source>Edit step</source>
      <translation>تعديل خطوة</translation>
    </message>
    <message>
      <source>Move</source>
      <translation>نقل</translation>
    </message>
    <message>
      <source>Paste</source>
      <translation>لصق</translation>
    </message>
    <message>
      <source>Rename flow</source>
      <translation>إعادة تسمية التدفق</translation>
    </message>
    <message>
      <source>That step no longer exists.</source>
      <translation>هذه الخطوة لم تعد موجودة.</translation>
    </message>
    <message>
      <source>These two steps are already connected.</source>
      <translation>هاتان الخطوتان موصولتان بالفعل.</translation>
    </message>
    <message>
      <source>That would make the steps go round in a circle. To repeat steps, use a Loop.</source>
      <translation>سيجعل هذا الخطوات تدور في حلقة. لتكرار الخطوات استخدم «التكرار».</translation>
    </message>
  </context>
  <context>
    <name>FlowScene</name>
    <message>
      <source>Can't connect two %1: connect an output to an input.</source>
      <translation>لا يمكن توصيل %1 ببعضها: وصِّل مُخرَجًا بمُدخَل.</translation>
    </message>
    <message>
      <source>inputs</source>
      <translation>المُدخَلات</translation>
    </message>
    <message>
      <source>outputs</source>
      <translation>المُخرَجات</translation>
    </message>
    <message>
      <source>true</source>
      <translation>صحيح</translation>
    </message>
    <message>
      <source>false</source>
      <translation>خطأ</translation>
    </message>
    <message>
      <source>error</source>
      <translation>عطل</translation>
    </message>
    <message>
      <source>item</source>
      <translation>عنصر</translation>
    </message>
    <message>
      <source>done</source>
      <translation>انتهى</translation>
    </message>
    <message>
      <source>default</source>
      <translation>افتراضي</translation>
    </message>
    <message>
      <source>Tidy up</source>
      <translation>ترتيب الخطوات</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>API key</source>
      <translation>مفتاح API</translation>
    </message>
    <message>
      <source>API key name</source>
      <translation>اسم مفتاح API</translation>
    </message>
    <message>
      <source>Algorithm</source>
      <translation>الخوارزمية</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>المقدار</translation>
    </message>
    <message>
      <source>Authentication</source>
      <translation>المصادقة</translation>
    </message>
    <message>
      <source>Body</source>
      <translation>المحتوى</translation>
    </message>
    <message>
      <source>Body content</source>
      <translation>نوع المحتوى المرسل</translation>
    </message>
    <message>
      <source>Cases</source>
      <translation>الحالات</translation>
    </message>
    <message>
      <source>Check the sender</source>
      <translation>تحقق من المرسِل</translation>
    </message>
    <message>
      <source>Combine</source>
      <translation>الجمع</translation>
    </message>
    <message>
      <source>Conditions</source>
      <translation>الشروط</translation>
    </message>
    <message>
      <source>Content type</source>
      <translation>نوع المحتوى</translation>
    </message>
    <message>
      <source>Cron expression</source>
      <translation>تعبير Cron</translation>
    </message>
    <message>
      <source>Date format</source>
      <translation>تنسيق التاريخ</translation>
    </message>
    <message>
      <source>Decimals</source>
      <translation>المنازل العشرية</translation>
    </message>
    <message>
      <source>Error message</source>
      <translation>رسالة الخطأ</translation>
    </message>
    <message>
      <source>Every</source>
      <translation>كل</translation>
    </message>
    <message>
      <source>Fail on HTTP errors</source>
      <translation>افشل عند أخطاء HTTP</translation>
    </message>
    <message>
      <source>Fields</source>
      <translation>الحقول</translation>
    </message>
    <message>
      <source>Follow redirects</source>
      <translation>اتبع التحويلات</translation>
    </message>
    <message>
      <source>Format as</source>
      <translation>التنسيق كـ</translation>
    </message>
    <message>
      <source>Header</source>
      <translation>الترويسة</translation>
    </message>
    <message>
      <source>Headers</source>
      <translation>الترويسات</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>العناصر</translation>
    </message>
    <message>
      <source>Keep the input's fields</source>
      <translation>احتفظ بحقول المُدخَل</translation>
    </message>
    <message>
      <source>Length</source>
      <translation>الطول</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>الطريقة</translation>
    </message>
    <message>
      <source>Missed runs</source>
      <translation>التشغيلات الفائتة</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>الوضع</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>كلمة المرور</translation>
    </message>
    <message>
      <source>Path</source>
      <translation>المسار</translation>
    </message>
    <message>
      <source>Prefix</source>
      <translation>البادئة</translation>
    </message>
    <message>
      <source>Query parameters</source>
      <translation>معاملات الاستعلام</translation>
    </message>
    <message>
      <source>Read the answer as</source>
      <translation>اقرأ الرد كـ</translation>
    </message>
    <message>
      <source>Repeat</source>
      <translation>التكرار</translation>
    </message>
    <message>
      <source>Respond</source>
      <translation>الرد</translation>
    </message>
    <message>
      <source>Sample data</source>
      <translation>بيانات تجريبية</translation>
    </message>
    <message>
      <source>Secret</source>
      <translation>السر</translation>
    </message>
    <message>
      <source>Send the API key in</source>
      <translation>أرسل مفتاح API في</translation>
    </message>
    <message>
      <source>Signature encoding</source>
      <translation>ترميز التوقيع</translation>
    </message>
    <message>
      <source>Signature prefix</source>
      <translation>بادئة التوقيع</translation>
    </message>
    <message>
      <source>Status code</source>
      <translation>رمز الحالة</translation>
    </message>
    <message>
      <source>Suffix</source>
      <translation>اللاحقة</translation>
    </message>
    <message>
      <source>Text operation</source>
      <translation>عملية النص</translation>
    </message>
    <message>
      <source>Thousands separator</source>
      <translation>فاصل الآلاف</translation>
    </message>
    <message>
      <source>Time zone</source>
      <translation>المنطقة الزمنية</translation>
    </message>
    <message>
      <source>Token</source>
      <translation>الرمز المميز</translation>
    </message>
    <message>
      <source>URL</source>
      <translation>الرابط</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>الوحدة</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>حتى</translation>
    </message>
    <message>
      <source>Username</source>
      <translation>اسم المستخدم</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>القيمة</translation>
    </message>
    <message>
      <source>Wait</source>
      <translation>الانتظار</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>الحساب</translation>
    </message>
    <message>
      <source>API address</source>
      <translation>عنوان API</translation>
    </message>
    <message>
      <source>Default model</source>
      <translation>النموذج الافتراضي</translation>
    </message>
    <message>
      <source>Organization ID</source>
      <translation>معرّف المؤسسة</translation>
    </message>
  </context>
  <context>
    <name>FieldEditor</name>
    <message>
      <source>Add field</source>
      <translation>إضافة حقل</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>إزالة</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>القيمة</translation>
    </message>
  </context>
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Manual trigger</source>
      <translation>مشغِّل يدوي</translation>
    </message>
    <message>
      <source>Set fields</source>
      <translation>تعيين الحقول</translation>
    </message>
    <message>
      <source>If / else</source>
      <translation>إذا / وإلا</translation>
    </message>
    <message>
      <source>Switch</source>
      <translation>تبديل</translation>
    </message>
    <message>
      <source>Delay</source>
      <translation>تأخير</translation>
    </message>
    <message>
      <source>Loop over items</source>
      <translation>تكرار على العناصر</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>دمج</translation>
    </message>
    <message>
      <source>Stop with error</source>
      <translation>إيقاف مع خطأ</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>تنسيق</translation>
    </message>
    <message>
      <source>No operation</source>
      <translation>بلا عملية</translation>
    </message>
    <message>
      <source>HTTP Request</source>
      <translation>طلب HTTP</translation>
    </message>
    <message>
      <source>Core</source>
      <translation>الأساسيات</translation>
    </message>
    <message>
      <source>Developer</source>
      <translation>المطوّرون</translation>
    </message>
    <message>
      <source>Triggers</source>
      <translation>المشغِّلات</translation>
    </message>
    <message>
      <source>Schedule</source>
      <translation>جدول زمني</translation>
    </message>
    <message>
      <source>Webhook</source>
      <translation>ويب هوك</translation>
    </message>
    <message>
      <source>Respond to webhook</source>
      <translation>الرد على الويب هوك</translation>
    </message>
  </context>
  <context>
    <name>ExecutionsView</name>
    <message>
      <source>%1 (item %2)</source>
      <translation>%1 (العنصر %2)</translation>
    </message>
    <message>
      <source>%1 ms</source>
      <translation>%1 ملّي ثانية</translation>
    </message>
    <message>
      <source>%1 s</source>
      <translation>%1 ث</translation>
    </message>
    <message>
      <source>%1 · %2 · %3</source>
      <translation>%1 · %2 · %3</translation>
    </message>
    <message>
      <source>All flows</source>
      <translation>كل التدفقات</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>أي حالة</translation>
    </message>
    <message>
      <source>Any time</source>
      <translation>أي وقت</translation>
    </message>
    <message>
      <source>Between dates</source>
      <translation>بين تاريخين</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>أُلغي</translation>
    </message>
    <message>
      <source>Executions</source>
      <translation>عمليات التشغيل</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>فشل</translation>
    </message>
    <message>
      <source>Failed at %1: %2</source>
      <translation>فشل عند %1: %2</translation>
    </message>
    <message>
      <source>Flow</source>
      <translation>التدفق</translation>
    </message>
    <message>
      <source>From</source>
      <translation>من</translation>
    </message>
    <message>
      <source>Interrupted</source>
      <translation>انقطع</translation>
    </message>
    <message>
      <source>Last 30 days</source>
      <translation>آخر 30 يومًا</translation>
    </message>
    <message>
      <source>Last 7 days</source>
      <translation>آخر 7 أيام</translation>
    </message>
    <message>
      <source>No runs match these filters.</source>
      <translation>لا توجد عمليات تشغيل تطابق هذه المرشحات.</translation>
    </message>
    <message>
      <source>Read the history again</source>
      <translation>قراءة السجل من جديد</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>تحديث</translation>
    </message>
    <message>
      <source>Retry from the failed step</source>
      <translation>إعادة المحاولة من الخطوة الفاشلة</translation>
    </message>
    <message>
      <source>Retrying</source>
      <translation>إعادة المحاولة</translation>
    </message>
    <message>
      <source>Reused</source>
      <translation>أُعيد استخدامه</translation>
    </message>
    <message>
      <source>Run again with the same data, reusing every step that had succeeded.</source>
      <translation>شغّل مرة أخرى بالبيانات نفسها، مع إعادة استخدام كل خطوة نجحت.</translation>
    </message>
    <message>
      <source>Running</source>
      <translation>قيد التشغيل</translation>
    </message>
    <message>
      <source>Select a run to see its steps.</source>
      <translation>اختر عملية تشغيل لرؤية خطواتها.</translation>
    </message>
    <message>
      <source>Skipped</source>
      <translation>تم تخطيه</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>البدء</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>الخطوة</translation>
    </message>
    <message>
      <source>Succeeded</source>
      <translation>نجح</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>اليوم</translation>
    </message>
    <message>
      <source>Took</source>
      <translation>المدة</translation>
    </message>
    <message>
      <source>Trigger data</source>
      <translation>بيانات المشغِّل</translation>
    </message>
    <message>
      <source>Waiting</source>
      <translation>في الانتظار</translation>
    </message>
    <message>
      <source>When</source>
      <translation>متى</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>حتى</translation>
    </message>
    <message>
      <source>‹ Back</source>
      <translation>‹ رجوع</translation>
    </message>
    <message>
      <source>Input</source>
      <translation>المُدخَل</translation>
    </message>
    <message>
      <source>Output</source>
      <translation>المُخرَج</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>الخطأ</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>المفتاح</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>القيمة</translation>
    </message>
  </context>
  <context>
    <name>AccountPicker</name>
    <message>
      <source>Choose an account</source>
      <translation>اختر حسابًا</translation>
    </message>
    <message>
      <source>Connect an account…</source>
      <translation>ربط حساب…</translation>
    </message>
  </context>
  <context>
    <name>ConnectAccountDialog</name>
    <message>
      <source>Sign in in the browser</source>
      <translation>تسجيل الدخول عبر المتصفح</translation>
    </message>
    <message>
      <source>Testing…</source>
      <translation>جارٍ الاختبار…</translation>
    </message>
    <message>
      <source>Finish signing in in your browser…</source>
      <translation>أكمل تسجيل الدخول في متصفحك…</translation>
    </message>
    <message>
      <source>Signed in.</source>
      <translation>تم تسجيل الدخول.</translation>
    </message>
    <message>
      <source>Connect %1</source>
      <translation>ربط %1</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>Test connection</source>
      <translation>اختبار الاتصال</translation>
    </message>
    <message>
      <source>Save account</source>
      <translation>حفظ الحساب</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>The secret stays on this computer, in its keyring.</source>
      <translation>يبقى السر على هذا الحاسوب، في سلسلة مفاتيحه.</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
  </context>
  <context>
    <name>Minimap</name>
    <message>
      <source>The whole flow. Click or drag to move the canvas there.</source>
      <translation>التدفق كاملًا. انقر أو اسحب لتنتقل اللوحة إلى هناك.</translation>
    </message>
    <message>
      <source>Minimap</source>
      <translation>الخريطة المصغّرة</translation>
    </message>
  </context>
  <context>
    <name>BuilderPanel</name>
    <message>
      <source>✦ Describe your flow</source>
      <translation>✦ صف تدفقك</translation>
    </message>
    <message>
      <source>e.g. When I get a new Shopify order, send the customer a WhatsApp message</source>
      <translation>مثلًا: عندما يصلني طلب جديد في شوبيفاي، أرسل للعميل رسالة واتساب</translation>
    </message>
    <message>
      <source>Build</source>
      <translation>ابنِ</translation>
    </message>
    <message>
      <source>Use an AI model (optional)</source>
      <translation>استخدم نموذج ذكاء اصطناعي (اختياري)</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>إغلاق</translation>
    </message>
    <message>
      <source>Building your flow…</source>
      <translation>جارٍ بناء تدفقك…</translation>
    </message>
    <message>
      <source>Built by the AI model %1.</source>
      <translation>يبنيه نموذج الذكاء الاصطناعي %1.</translation>
    </message>
    <message>
      <source>Built on this computer, without an AI model. English or Arabic.</source>
      <translation>يُبنى على هذا الحاسوب دون نموذج ذكاء اصطناعي. بالعربية أو الإنجليزية.</translation>
    </message>
    <message>
      <source>Something went wrong while building; the log has the details.</source>
      <translation>حدث خطأ أثناء البناء؛ التفاصيل في السجل.</translation>
    </message>
    <message>
      <source>I won't build this: %1</source>
      <translation>لن أبني هذا: %1</translation>
    </message>
    <message>
      <source>Could you say it another way?</source>
      <translation>هل يمكنك قولها بطريقة أخرى؟</translation>
    </message>
    <message>
      <source>Here is the flow I would build:</source>
      <translation>هذا هو التدفق الذي سأبنيه:</translation>
    </message>
    <message>
      <source>What I didn't understand:</source>
      <translation>ما لم أفهمه:</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>تطبيق</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>تجاهل</translation>
    </message>
    <message>
      <source>When</source>
      <translation>عندما</translation>
    </message>
    <message>
      <source>Only if</source>
      <translation>فقط إذا</translation>
    </message>
    <message>
      <source>Then</source>
      <translation>ثم</translation>
    </message>
    <message>
      <source>Add the proposed flow</source>
      <translation>إضافة التدفق المقترح</translation>
    </message>
    <message>
      <source>Applied ✓</source>
      <translation>طُبِّق ✓</translation>
    </message>
    <message>
      <source>Try this next:</source>
      <translation>جرّب بعد ذلك:</translation>
    </message>
    <message>
      <source>+ Wait 5 minutes before the last step</source>
      <translation>+ انتظر 5 دقائق قبل الخطوة الأخيرة</translation>
    </message>
    <message>
      <source>+ Only go on when a condition holds</source>
      <translation>+ أكمل فقط إذا تحقق شرط</translation>
    </message>
    <message>
      <source>Add %1</source>
      <translation>إضافة %1</translation>
    </message>
  </context>
  <context>
    <name>ModelSettingsDialog</name>
    <message>
      <source>AI model</source>
      <translation>نموذج الذكاء الاصطناعي</translation>
    </message>
    <message>
      <source>Kept in your keyring</source>
      <translation>محفوظ في سلسلة مفاتيحك</translation>
    </message>
    <message>
      <source>Not needed for Ollama</source>
      <translation>غير مطلوب لـ Ollama</translation>
    </message>
    <message>
      <source>Any OpenAI-compatible server: OpenAI, Ollama, llama.cpp. Leave the address and the model empty to build on this computer without a model.</source>
      <translation>أي خادم متوافق مع OpenAI: ‏OpenAI أو Ollama أو llama.cpp. اترك العنوان والنموذج فارغين للبناء على هذا الحاسوب دون نموذج.</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>عنوان الخادم</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>النموذج</translation>
    </message>
    <message>
      <source>API key</source>
      <translation>مفتاح API</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>حفظ</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
  </context>
  <context>
    <name>SchedulePreview</name>
    <message>
      <source>Next runs</source>
      <translation>التشغيلات القادمة</translation>
    </message>
    <message>
      <source>Times in %1.</source>
      <translation>الأوقات بتوقيت %1.</translation>
    </message>
    <message>
      <source>Flowin doesn't know the time zone '%1'.</source>
      <translation>لا يعرف Flowin المنطقة الزمنية '%1'.</translation>
    </message>
    <message>
      <source>Flowin can't read this cron expression: it needs five parts, minute hour day month weekday (e.g. 0 9 * * 1).</source>
      <translation>لا يستطيع Flowin قراءة تعبير cron هذا: يحتاج إلى خمسة أجزاء، الدقيقة الساعة اليوم الشهر يوم الأسبوع (مثلًا 0 9 * * 1).</translation>
    </message>
    <message>
      <source>Flowin can't work out when this runs: check the settings above.</source>
      <translation>لا يستطيع Flowin تحديد موعد تشغيله: راجع الإعدادات أعلاه.</translation>
    </message>
    <message>
      <source>%1, %2</source>
      <translation>%1، %2</translation>
    </message>
  </context>
</TS>