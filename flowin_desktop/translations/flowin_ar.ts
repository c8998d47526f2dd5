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
      <source>Version history…</source>
      <translation>سجل الإصدارات…</translation>
    </message>
    <message>
      <source>History</source>
      <translation>السجل</translation>
    </message>
    <message>
      <source>Every saved version of this flow: see what changed, restore one</source>
      <translation>كل إصدار محفوظ من هذا التدفق: شاهد ما تغيّر واستعد أيًّا منها</translation>
    </message>
    <message>
      <source>Changed elsewhere</source>
      <translation>تغيّر في مكان آخر</translation>
    </message>
    <message>
      <source>%1 (my copy)</source>
      <translation>%1 (نسختي)</translation>
    </message>
    <message>
      <source>Your changes are kept as a new flow: %1</source>
      <translation>حُفظت تغييراتك في تدفق جديد: %1</translation>
    </message>
    <message>
      <source>Version %1 restored, and saved as a new version.</source>
      <translation>استُعيد الإصدار %1 وحُفظ إصدارًا جديدًا.</translation>
    </message>
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
      <source>This step's latest output was too big to keep, so it can't be pinned.</source>
      <translation>كان آخر ناتج لهذه الخطوة أكبر من أن يُحفظ، لذا لا يمكن تثبيته.</translation>
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
    <message>
      <source>Cloud account…</source>
      <translation>الحساب السحابي…</translation>
    </message>
    <message>
      <source>'%1' was deleted on another computer.</source>
      <translation>حُذف «%1» على حاسوب آخر.</translation>
    </message>
    <message>
      <source>Changes from another computer</source>
      <translation>تغييرات من حاسوب آخر</translation>
    </message>
    <message>
      <source>This flow was changed on another computer; you see the new version.</source>
      <translation>تغيّر هذا التدفق على حاسوب آخر؛ أنت ترى النسخة الجديدة.</translation>
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
      <source>Largest answer (MB)</source>
      <translation>أكبر حجم للرد (ميغابايت)</translation>
    </message>
    <message>
      <source>A larger answer stops the step, before it fills the memory and the history.</source>
      <translation>الرد الأكبر من ذلك يوقف الخطوة قبل أن يملأ الذاكرة والسجل.</translation>
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
    <message>
      <source>SMTP server</source>
      <translation>خادم SMTP</translation>
    </message>
    <message>
      <source>e.g. smtp.gmail.com or smtp.office365.com</source>
      <translation>مثال: smtp.gmail.com أو smtp.office365.com</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>المنفذ</translation>
    </message>
    <message>
      <source>465 for SSL, 587 for STARTTLS, 25 plain.</source>
      <translation>465 لـ SSL، و587 لـ STARTTLS، و25 دون تشفير.</translation>
    </message>
    <message>
      <source>Security</source>
      <translation>الأمان</translation>
    </message>
    <message>
      <source>ssl (port 465), starttls (587), none (trusted LAN).</source>
      <translation>SSL (المنفذ 465)، أو STARTTLS (587)، أو بلا (لشبكة محلية موثوقة).</translation>
    </message>
    <message>
      <source>ssl</source>
      <translation>SSL</translation>
    </message>
    <message>
      <source>starttls</source>
      <translation>STARTTLS</translation>
    </message>
    <message>
      <source>none</source>
      <translation>بلا</translation>
    </message>
    <message>
      <source>Usually your e-mail address.</source>
      <translation>عادةً عنوان بريدك الإلكتروني.</translation>
    </message>
    <message>
      <source>Often an app password, not the one you sign in with.</source>
      <translation>غالبًا كلمة مرور تطبيق، لا كلمة المرور التي تسجّل الدخول بها.</translation>
    </message>
    <message>
      <source>From address</source>
      <translation>عنوان المُرسِل</translation>
    </message>
    <message>
      <source>Defaults to the username.</source>
      <translation>اسم المستخدم ما لم تحدّد غيره.</translation>
    </message>
    <message>
      <source>From name</source>
      <translation>اسم المُرسِل</translation>
    </message>
    <message>
      <source>e.g. Layla's Shop</source>
      <translation>مثال: Layla's Shop</translation>
    </message>
    <message>
      <source>Sign in with</source>
      <translation>تسجيل الدخول بـ</translation>
    </message>
    <message>
      <source>oauth: your Google account in the browser; service_account: a JSON key.</source>
      <translation>OAuth: حسابك في Google عبر المتصفح؛ حساب خدمة: مفتاح JSON.</translation>
    </message>
    <message>
      <source>oauth</source>
      <translation>OAuth</translation>
    </message>
    <message>
      <source>service account</source>
      <translation>حساب خدمة</translation>
    </message>
    <message>
      <source>OAuth client ID</source>
      <translation>معرّف عميل OAuth</translation>
    </message>
    <message>
      <source>OAuth client secret</source>
      <translation>سرّ عميل OAuth</translation>
    </message>
    <message>
      <source>Refresh token</source>
      <translation>رمز التحديث</translation>
    </message>
    <message>
      <source>Access token</source>
      <translation>رمز الوصول</translation>
    </message>
    <message>
      <source>Expires at</source>
      <translation>ينتهي في</translation>
    </message>
    <message>
      <source>Service account key (JSON)</source>
      <translation>مفتاح حساب الخدمة (JSON)</translation>
    </message>
    <message>
      <source>The whole JSON key file from Google Cloud console → IAM → Service accounts.</source>
      <translation>ملف مفتاح JSON كاملًا من Google Cloud console → IAM → Service accounts.</translation>
    </message>
    <message>
      <source>Act as user</source>
      <translation>التصرّف باسم مستخدم</translation>
    </message>
    <message>
      <source>For a service account with domain-wide delegation: the user's e-mail.</source>
      <translation>لحساب خدمة مفوَّض على مستوى النطاق: البريد الإلكتروني للمستخدم.</translation>
    </message>
    <message>
      <source>Sign-in address</source>
      <translation>عنوان تسجيل الدخول</translation>
    </message>
    <message>
      <source>Token address</source>
      <translation>عنوان الرموز</translation>
    </message>
    <message>
      <source>Integration secret</source>
      <translation>سرّ التكامل</translation>
    </message>
    <message>
      <source>ntn_… from notion.so/my-integrations; then share the database with it (••• → Connections).</source>
      <translation>الرمز ntn_… من notion.so/my-integrations؛ ثم شارك قاعدة البيانات معه (••• → Connections).</translation>
    </message>
    <message>
      <source>sk-… from platform.openai.com; for Ollama any text (e.g. ollama).</source>
      <translation>المفتاح sk-… من platform.openai.com؛ ولـ Ollama أي نص (مثال: ollama).</translation>
    </message>
    <message>
      <source>For Ollama: http://localhost:11434/v1</source>
      <translation>لـ Ollama: http://localhost:11434/v1</translation>
    </message>
    <message>
      <source>e.g. llama3.2</source>
      <translation>مثال: llama3.2</translation>
    </message>
    <message>
      <source>Optional.</source>
      <translation>اختياري.</translation>
    </message>
    <message>
      <source>Store address</source>
      <translation>عنوان المتجر</translation>
    </message>
    <message>
      <source>e.g. layla-shop.myshopify.com (or just layla-shop).</source>
      <translation>مثال: layla-shop.myshopify.com (أو layla-shop فقط).</translation>
    </message>
    <message>
      <source>Admin API access token</source>
      <translation>رمز الوصول إلى Admin API</translation>
    </message>
    <message>
      <source>shpat_… from Settings → Apps → Develop apps → your app → API credentials.</source>
      <translation>الرمز shpat_… من Settings → Apps → Develop apps، ثم تطبيقك، ثم API credentials.</translation>
    </message>
    <message>
      <source>Webhook signing secret</source>
      <translation>سرّ توقيع الويب هوك</translation>
    </message>
    <message>
      <source>The app's client secret (or the one shown under Settings → Notifications → Webhooks); Flowin refuses webhooks it didn't sign.</source>
      <translation>سرّ العميل الخاص بالتطبيق (أو السرّ الظاهر في Settings → Notifications → Webhooks)؛ ويرفض Flowin كل ويب هوك لم يُوقَّع به.</translation>
    </message>
    <message>
      <source>API version</source>
      <translation>إصدار API</translation>
    </message>
    <message>
      <source>Empty for https://&lt;store&gt;.</source>
      <translation>اتركه فارغًا لاستخدام https://&lt;store&gt;.</translation>
    </message>
    <message>
      <source>Bot token</source>
      <translation>رمز البوت</translation>
    </message>
    <message>
      <source>xoxb-… from OAuth &amp; Permissions.</source>
      <translation>الرمز xoxb-… من OAuth &amp; Permissions.</translation>
    </message>
    <message>
      <source>Signing secret</source>
      <translation>سرّ التوقيع</translation>
    </message>
    <message>
      <source>Basic Information → App Credentials; checks events.</source>
      <translation>من Basic Information → App Credentials؛ ويُستخدم للتحقق من الأحداث.</translation>
    </message>
    <message>
      <source>Secret key</source>
      <translation>المفتاح السري</translation>
    </message>
    <message>
      <source>sk_live_… or sk_test_… from Developers → API keys, or a restricted key (rk_…) allowed to read PaymentIntents and write Customers.</source>
      <translation>المفتاح sk_live_… أو sk_test_… من Developers → API keys، أو مفتاح مقيَّد (rk_…) مسموح له بقراءة PaymentIntents وكتابة Customers.</translation>
    </message>
    <message>
      <source>whsec_… of the webhook endpoint that calls this flow (Developers → Webhooks → the endpoint → Signing secret); Flowin refuses events Stripe didn't sign.</source>
      <translation>السرّ whsec_… لنقطة استقبال الويب هوك التي تستدعي هذا التدفق (Developers → Webhooks، ثم نقطة الاستقبال، ثم Signing secret)؛ ويرفض Flowin الأحداث التي لم يوقّعها Stripe.</translation>
    </message>
    <message>
      <source>The token @BotFather gave you, like 123456789:AAH…</source>
      <translation>الرمز الذي أعطاك إياه @BotFather، مثل 123456789:AAH…</translation>
    </message>
    <message>
      <source>Change only for your own Bot API server.</source>
      <translation>لا تغيّره إلا إن كان لديك خادم Bot API خاص بك.</translation>
    </message>
    <message>
      <source>Account SID</source>
      <translation>معرّف الحساب (Account SID)</translation>
    </message>
    <message>
      <source>Starts with AC; on the Twilio Console's home page.</source>
      <translation>يبدأ بـ AC؛ وتجده في الصفحة الرئيسية لـ Twilio Console.</translation>
    </message>
    <message>
      <source>Auth Token</source>
      <translation>رمز المصادقة (Auth Token)</translation>
    </message>
    <message>
      <source>A system user's permanent token with whatsapp_business_messaging.</source>
      <translation>رمز دائم لمستخدم نظام، بصلاحية whatsapp_business_messaging.</translation>
    </message>
    <message>
      <source>Phone number ID</source>
      <translation>معرّف رقم الهاتف</translation>
    </message>
    <message>
      <source>From WhatsApp → API Setup in your Meta app.</source>
      <translation>من WhatsApp → API Setup في تطبيقك على Meta.</translation>
    </message>
    <message>
      <source>App secret</source>
      <translation>سرّ التطبيق</translation>
    </message>
    <message>
      <source>App settings → Basic; checks that incoming messages come from Meta.</source>
      <translation>من App settings → Basic؛ ويُستخدم للتحقق من أن الرسائل الواردة آتية من Meta.</translation>
    </message>
    <message>
      <source>Verify token</source>
      <translation>رمز التحقق</translation>
    </message>
    <message>
      <source>Any phrase; type the same one in the Meta app's webhook settings.</source>
      <translation>أي عبارة؛ واكتب العبارة نفسها في إعدادات الويب هوك لتطبيق Meta.</translation>
    </message>
    <message>
      <source>Graph API version</source>
      <translation>إصدار Graph API</translation>
    </message>
    <message>
      <source>Data to start with when you click Run; ignored when the run brings its own.</source>
      <translation>البيانات التي يبدأ بها التدفق عندما تنقر «تشغيل تجريبي»؛ وتُهمَل عندما يأتي التشغيل ببياناته.</translation>
    </message>
    <message>
      <source>The fields to set, in order.</source>
      <translation>الحقول المطلوب تعيينها، بالترتيب.</translation>
    </message>
    <message>
      <source>Start from the fields that arrived and add or replace these ones.</source>
      <translation>ابدأ من الحقول الواردة، وأضف إليها هذه الحقول أو استبدلها بها.</translation>
    </message>
    <message>
      <source>and: every rule must hold; or: any one is enough.</source>
      <translation>و: يجب أن تتحقق كل القواعد؛ أو: تكفي أي قاعدة منها.</translation>
    </message>
    <message>
      <source>and</source>
      <translation>و</translation>
    </message>
    <message>
      <source>or</source>
      <translation>أو</translation>
    </message>
    <message>
      <source>Rules, or groups of rules combined with their own and/or.</source>
      <translation>قواعد، أو مجموعات من القواعد تُجمَع كلٌّ منها بـ«و» أو «أو» خاصة بها.</translation>
    </message>
    <message>
      <source>What to look at, usually an {{ expression }}.</source>
      <translation>القيمة المطلوب فحصها، وعادةً تكون تعبيرًا {{ expression }}.</translation>
    </message>
    <message>
      <source>Checked in order; the first equal one picks the output, else 'default'.</source>
      <translation>تُفحَص بالترتيب؛ وأول حالة مساوية تختار المُخرَج، وإلا فالمُخرَج «افتراضي».</translation>
    </message>
    <message>
      <source>For an amount of time, or until a date and time.</source>
      <translation>لمدة من الزمن، أو حتى تاريخ ووقت محددين.</translation>
    </message>
    <message>
      <source>duration</source>
      <translation>مدة</translation>
    </message>
    <message>
      <source>until</source>
      <translation>حتى موعد</translation>
    </message>
    <message>
      <source>seconds</source>
      <translation>ثوانٍ</translation>
    </message>
    <message>
      <source>minutes</source>
      <translation>دقائق</translation>
    </message>
    <message>
      <source>hours</source>
      <translation>ساعات</translation>
    </message>
    <message>
      <source>days</source>
      <translation>أيام</translation>
    </message>
    <message>
      <source>A date and time like 2025-03-01T09:00; without a time zone, the flow's.</source>
      <translation>تاريخ ووقت مثل 2025-03-01T09:00؛ وبلا منطقة زمنية تُعتمد منطقة التدفق.</translation>
    </message>
    <message>
      <source>A list, usually an {{ expression }} such as {{ trigger.orders }}.</source>
      <translation>قائمة، وعادةً تكون تعبيرًا {{ expression }} مثل {{ trigger.orders }}.</translation>
    </message>
    <message>
      <source>append: one list of everything that arrived; combine: one set of fields from all inputs (later ones win); by_name: each input under the name of the step it came from.</source>
      <translation>إلحاق: قائمة واحدة بكل ما وصل؛ دمج الحقول: مجموعة حقول واحدة من كل المُدخَلات (والأحدث يغلب)؛ حسب الاسم: كل مُدخَل تحت اسم الخطوة التي جاء منها.</translation>
    </message>
    <message>
      <source>append</source>
      <translation>إلحاق</translation>
    </message>
    <message>
      <source>combine</source>
      <translation>دمج الحقول</translation>
    </message>
    <message>
      <source>by name</source>
      <translation>حسب الاسم</translation>
    </message>
    <message>
      <source>What the run's error will say.</source>
      <translation>نص الخطأ الذي سينتهي به التشغيل.</translation>
    </message>
    <message>
      <source>date</source>
      <translation>تاريخ</translation>
    </message>
    <message>
      <source>number</source>
      <translation>رقم</translation>
    </message>
    <message>
      <source>text</source>
      <translation>نص</translation>
    </message>
    <message>
      <source>What to format, usually an {{ expression }}.</source>
      <translation>ما يُراد تنسيقه، وعادةً يكون تعبيرًا {{ expression }}.</translation>
    </message>
    <message>
      <source>strftime codes: %d day, %m month, %Y year, %H:%M time, %A weekday.</source>
      <translation>رموز strftime: %d اليوم، و%m الشهر، و%Y السنة، و%H:%M الوقت، و%A يوم الأسبوع.</translation>
    </message>
    <message>
      <source>e.g. Asia/Riyadh; empty: the flow's time zone.</source>
      <translation>مثال: Asia/Riyadh؛ وإن تُرك فارغًا فالمنطقة الزمنية للتدفق.</translation>
    </message>
    <message>
      <source>Put before the number, e.g. $.</source>
      <translation>يوضع قبل الرقم، مثال: $.</translation>
    </message>
    <message>
      <source>Put after the number, e.g. SAR.</source>
      <translation>يوضع بعد الرقم، مثال: SAR.</translation>
    </message>
    <message>
      <source>upper</source>
      <translation>أحرف كبيرة</translation>
    </message>
    <message>
      <source>lower</source>
      <translation>أحرف صغيرة</translation>
    </message>
    <message>
      <source>title</source>
      <translation>أول كل كلمة كبير</translation>
    </message>
    <message>
      <source>trim</source>
      <translation>حذف المسافات الطرفية</translation>
    </message>
    <message>
      <source>slug</source>
      <translation>رابط مختصر (slug)</translation>
    </message>
    <message>
      <source>truncate</source>
      <translation>اقتطاع</translation>
    </message>
    <message>
      <source>For truncate: the most characters to keep.</source>
      <translation>للاقتطاع: أقصى عدد من الأحرف يُحتفظ به.</translation>
    </message>
    <message>
      <source>The connected mail account.</source>
      <translation>حساب البريد المربوط.</translation>
    </message>
    <message>
      <source>To</source>
      <translation>إلى</translation>
    </message>
    <message>
      <source>One or more addresses, separated by commas.</source>
      <translation>عنوان واحد أو أكثر، تفصل بينها فواصل.</translation>
    </message>
    <message>
      <source>Cc</source>
      <translation>نسخة (Cc)</translation>
    </message>
    <message>
      <source>Bcc</source>
      <translation>نسخة مخفية (Bcc)</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>الموضوع</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>النص</translation>
    </message>
    <message>
      <source>HTML</source>
      <translation>HTML</translation>
    </message>
    <message>
      <source>Optional; shown by mail apps that can.</source>
      <translation>اختياري؛ وتعرضه تطبيقات البريد التي تدعمه.</translation>
    </message>
    <message>
      <source>Reply to</source>
      <translation>الرد إلى</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>المرفقات</translation>
    </message>
    <message>
      <source>The connected Gmail account.</source>
      <translation>حساب Gmail المربوط.</translation>
    </message>
    <message>
      <source>Only e-mails matching</source>
      <translation>فقط الرسائل المطابقة لـ</translation>
    </message>
    <message>
      <source>A Gmail search, e.g. from:shop@example.com has:attachment is:unread.</source>
      <translation>بحث في Gmail، مثال: from:shop@example.com has:attachment is:unread.</translation>
    </message>
    <message>
      <source>Check every (seconds)</source>
      <translation>التحقق كل (ثانية)</translation>
    </message>
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
      <source>Named by column header, e.g. {"Email": "{{ trigger.email }}"}, or a list of values from column A on.</source>
      <translation>بأسماء عناوين الأعمدة، مثال: {"Email": "{{ trigger.email }}"}، أو قائمة قيم بدءًا من العمود A.</translation>
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
      <source>At most</source>
      <translation>الحد الأقصى</translation>
    </message>
    <message>
      <source>0 for all matching rows.</source>
      <translation>0 لكل الصفوف المطابقة.</translation>
    </message>
    <message>
      <source>GET</source>
      <translation>GET</translation>
    </message>
    <message>
      <source>POST</source>
      <translation>POST</translation>
    </message>
    <message>
      <source>PUT</source>
      <translation>PUT</translation>
    </message>
    <message>
      <source>PATCH</source>
      <translation>PATCH</translation>
    </message>
    <message>
      <source>DELETE</source>
      <translation>DELETE</translation>
    </message>
    <message>
      <source>HEAD</source>
      <translation>HEAD</translation>
    </message>
    <message>
      <source>OPTIONS</source>
      <translation>OPTIONS</translation>
    </message>
    <message>
      <source>The address to call, starting with https:// or http://.</source>
      <translation>العنوان المطلوب استدعاؤه، ويبدأ بـ https:// أو http://.</translation>
    </message>
    <message>
      <source>Extra HTTP headers, e.g. Accept: application/json.</source>
      <translation>ترويسات HTTP إضافية، مثال: Accept: application/json.</translation>
    </message>
    <message>
      <source>Added to the URL after '?'; a list sends the parameter once per item.</source>
      <translation>تُضاف إلى الرابط بعد '?'؛ والقائمة ترسل المعامل مرة لكل عنصر.</translation>
    </message>
    <message>
      <source>none; json: data sent as JSON; form: fields sent like a web form; raw: text.</source>
      <translation>بلا؛ JSON: بيانات تُرسَل بصيغة JSON؛ نموذج ويب: حقول تُرسَل كما في نماذج الويب؛ نص خام: نص.</translation>
    </message>
    <message>
      <source>json</source>
      <translation>JSON</translation>
    </message>
    <message>
      <source>form</source>
      <translation>نموذج ويب</translation>
    </message>
    <message>
      <source>raw</source>
      <translation>نص خام</translation>
    </message>
    <message>
      <source>The data to send; for json and form, a set of fields or an {{ expression }}.</source>
      <translation>البيانات المطلوب إرسالها؛ ولـ JSON ونموذج الويب: مجموعة حقول أو تعبير {{ expression }}.</translation>
    </message>
    <message>
      <source>For a raw body; text/plain when empty.</source>
      <translation>للمحتوى الخام؛ وإن تُرك فارغًا فـ text/plain.</translation>
    </message>
    <message>
      <source>basic</source>
      <translation>أساسية (Basic)</translation>
    </message>
    <message>
      <source>bearer</source>
      <translation>Bearer</translation>
    </message>
    <message>
      <source>api key</source>
      <translation>مفتاح API</translation>
    </message>
    <message>
      <source>For basic authentication.</source>
      <translation>للمصادقة الأساسية (Basic).</translation>
    </message>
    <message>
      <source>For bearer authentication; sent as 'Authorization: Bearer …'.</source>
      <translation>لمصادقة Bearer؛ ويُرسَل بالشكل 'Authorization: Bearer …'.</translation>
    </message>
    <message>
      <source>The header or query parameter, e.g. X-API-Key.</source>
      <translation>اسم الترويسة أو معامل الاستعلام، مثال: X-API-Key.</translation>
    </message>
    <message>
      <source>A header, or the URL's query.</source>
      <translation>في ترويسة، أو في استعلام الرابط.</translation>
    </message>
    <message>
      <source>header</source>
      <translation>ترويسة</translation>
    </message>
    <message>
      <source>query</source>
      <translation>الاستعلام</translation>
    </message>
    <message>
      <source>auto: JSON when the server says so, text otherwise; binary: base64 text.</source>
      <translation>تلقائي: JSON عندما يصرّح الخادم بذلك، ونص فيما عدا ذلك؛ ثنائي: نص base64.</translation>
    </message>
    <message>
      <source>auto</source>
      <translation>تلقائي</translation>
    </message>
    <message>
      <source>binary</source>
      <translation>ثنائي</translation>
    </message>
    <message>
      <source>On: a 4xx or 5xx answer stops the step (5xx and 429 are tried again). Off: every answer is the output, and later steps can check its status.</source>
      <translation>عند التفعيل: الرد 4xx أو 5xx يوقف الخطوة (وتُعاد المحاولة مع 5xx و429). وعند الإيقاف: كل رد هو المُخرَج، ويمكن للخطوات اللاحقة فحص حالته.</translation>
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
      <source>By column name, e.g. {"Name": "{{ trigger.name }}", "Amount": 120}.</source>
      <translation>بأسماء الأعمدة، مثال: {"Name": "{{ trigger.name }}", "Amount": 120}.</translation>
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
    <message>
      <source>The connected OpenAI (or compatible) account.</source>
      <translation>حساب OpenAI (أو المتوافق معه) المربوط.</translation>
    </message>
    <message>
      <source>Prompt</source>
      <translation>الموجِّه</translation>
    </message>
    <message>
      <source>What to ask; use {{ }} to put in data, e.g. Summarise: {{ trigger.text }}</source>
      <translation>ما تريد أن تسأل عنه؛ واستخدم {{ }} لإدراج البيانات، مثال: Summarise: {{ trigger.text }}</translation>
    </message>
    <message>
      <source>Instructions</source>
      <translation>التعليمات</translation>
    </message>
    <message>
      <source>How the AI should behave, e.g. 'Answer in Arabic.'</source>
      <translation>كيف ينبغي أن يتصرف الذكاء الاصطناعي، مثال: 'Answer in Arabic.'</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>النموذج</translation>
    </message>
    <message>
      <source>Empty for the account's default model.</source>
      <translation>اتركه فارغًا لاستخدام النموذج الافتراضي للحساب.</translation>
    </message>
    <message>
      <source>Creativity</source>
      <translation>الإبداع</translation>
    </message>
    <message>
      <source>Longest answer (tokens)</source>
      <translation>أقصى طول للإجابة (tokens)</translation>
    </message>
    <message>
      <source>Answer as JSON</source>
      <translation>الإجابة بصيغة JSON</translation>
    </message>
    <message>
      <source>Ask for a JSON object and output it parsed, for the next steps to use.</source>
      <translation>اطلب كائن JSON وأخرِجه بعد تحليله لتستخدمه الخطوات التالية.</translation>
    </message>
    <message>
      <source>interval</source>
      <translation>فاصل زمني</translation>
    </message>
    <message>
      <source>cron</source>
      <translation>cron</translation>
    </message>
    <message>
      <source>How many units between runs.</source>
      <translation>عدد الوحدات بين كل تشغيل والذي يليه.</translation>
    </message>
    <message>
      <source>minute hour day month weekday — '0 9 * * 1' is every Monday at 9:00.</source>
      <translation>الدقيقة الساعة اليوم الشهر يوم الأسبوع — '0 9 * * 1' تعني كل يوم اثنين الساعة 9:00.</translation>
    </message>
    <message>
      <source>e.g. Asia/Dubai; empty uses the flow's time zone.</source>
      <translation>مثال: Asia/Dubai؛ وإن تُرك فارغًا تُستخدم المنطقة الزمنية للتدفق.</translation>
    </message>
    <message>
      <source>When the computer was off at run time: run once when it is back, or skip.</source>
      <translation>إن كان الحاسوب مطفأً وقت التشغيل: شغِّل مرة واحدة عند عودته، أو تخطَّ التشغيل.</translation>
    </message>
    <message>
      <source>run once</source>
      <translation>تشغيل مرة واحدة</translation>
    </message>
    <message>
      <source>skip</source>
      <translation>تخطٍّ</translation>
    </message>
    <message>
      <source>Store</source>
      <translation>المتجر</translation>
    </message>
    <message>
      <source>The connected Shopify store.</source>
      <translation>متجر Shopify المربوط.</translation>
    </message>
    <message>
      <source>Order ID</source>
      <translation>معرّف الطلب</translation>
    </message>
    <message>
      <source>e.g. {{ trigger.id }}</source>
      <translation>مثال: {{ trigger.id }}</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>open</source>
      <translation>مفتوح</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>مغلق</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>ملغى</translation>
    </message>
    <message>
      <source>any</source>
      <translation>أي حالة</translation>
    </message>
    <message>
      <source>Payment status</source>
      <translation>حالة الدفع</translation>
    </message>
    <message>
      <source>authorized</source>
      <translation>مُصرَّح به</translation>
    </message>
    <message>
      <source>pending</source>
      <translation>قيد الانتظار</translation>
    </message>
    <message>
      <source>paid</source>
      <translation>مدفوع</translation>
    </message>
    <message>
      <source>partially paid</source>
      <translation>مدفوع جزئيًا</translation>
    </message>
    <message>
      <source>refunded</source>
      <translation>مُسترَد</translation>
    </message>
    <message>
      <source>voided</source>
      <translation>مُبطَل</translation>
    </message>
    <message>
      <source>partially refunded</source>
      <translation>مُسترَد جزئيًا</translation>
    </message>
    <message>
      <source>unpaid</source>
      <translation>غير مدفوع</translation>
    </message>
    <message>
      <source>Created after</source>
      <translation>أُنشئ بعد</translation>
    </message>
    <message>
      <source>e.g. 2024-03-01 or {{ now }}; empty for all.</source>
      <translation>مثال: 2024-03-01 أو {{ now }}؛ واتركه فارغًا للجميع.</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>البريد الإلكتروني</translation>
    </message>
    <message>
      <source>First name</source>
      <translation>الاسم الأول</translation>
    </message>
    <message>
      <source>Last name</source>
      <translation>اسم العائلة</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>الهاتف</translation>
    </message>
    <message>
      <source>In international form, e.g. +962791234567.</source>
      <translation>بالصيغة الدولية، مثال: +962791234567.</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>الوسوم</translation>
    </message>
    <message>
      <source>Separated by commas.</source>
      <translation>مفصولة بفواصل.</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>ملاحظة</translation>
    </message>
    <message>
      <source>The connected Slack app.</source>
      <translation>تطبيق Slack المربوط.</translation>
    </message>
    <message>
      <source>Only in channel</source>
      <translation>فقط في القناة</translation>
    </message>
    <message>
      <source>A channel ID; empty for every channel the app is in.</source>
      <translation>معرّف قناة؛ واتركه فارغًا لكل القنوات التي يوجد فيها التطبيق.</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>القناة</translation>
    </message>
    <message>
      <source>A channel ID (C…), a user ID for a DM, or #name.</source>
      <translation>معرّف قناة (C…)، أو معرّف مستخدم لرسالة خاصة، أو #name.</translation>
    </message>
    <message>
      <source>The message; also the notification text when Blocks are set.</source>
      <translation>الرسالة؛ وهي أيضًا نص الإشعار عند تعيين الكتل.</translation>
    </message>
    <message>
      <source>Blocks</source>
      <translation>الكتل (Blocks)</translation>
    </message>
    <message>
      <source>Block Kit JSON (a list of blocks).</source>
      <translation>Block Kit بصيغة JSON (قائمة من الكتل).</translation>
    </message>
    <message>
      <source>Reply in thread</source>
      <translation>الرد في سلسلة</translation>
    </message>
    <message>
      <source>The ts of the parent message, e.g. {{ trigger.ts }}.</source>
      <translation>قيمة ts للرسالة الأصلية، مثال: {{ trigger.ts }}.</translation>
    </message>
    <message>
      <source>The connected Stripe account.</source>
      <translation>حساب Stripe المربوط.</translation>
    </message>
    <message>
      <source>Also when a Checkout session is paid</source>
      <translation>وأيضًا عند دفع جلسة Checkout</translation>
    </message>
    <message>
      <source>Start the flow on checkout.session.completed too (Stripe Checkout and Payment Links); add that event to the webhook endpoint.</source>
      <translation>ابدأ التدفق عند checkout.session.completed أيضًا (Stripe Checkout وPayment Links)؛ وأضف هذا الحدث إلى نقطة استقبال الويب هوك.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>In international form, e.g. +971501234567.</source>
      <translation>بالصيغة الدولية، مثال: +971501234567.</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>الوصف</translation>
    </message>
    <message>
      <source>Metadata</source>
      <translation>البيانات الوصفية</translation>
    </message>
    <message>
      <source>Your own key–value pairs, e.g. {"order": "{{ trigger.id }}"} (up to 50).</source>
      <translation>أزواج مفتاح–قيمة خاصة بك، مثال: {"order": "{{ trigger.id }}"} (حتى 50).</translation>
    </message>
    <message>
      <source>Idempotency key</source>
      <translation>مفتاح عدم التكرار</translation>
    </message>
    <message>
      <source>Empty: one per run and step, so a step tried again never adds the customer twice. Set it (e.g. {{ trigger.event_id }}) to make repeats across runs safe too.</source>
      <translation>فارغًا: مفتاح لكل تشغيل وخطوة، فلا تضيف الخطوة المُعادة العميلَ مرتين أبدًا. عيّنه (مثال: {{ trigger.event_id }}) لتصبح الإعادة عبر التشغيلات آمنة أيضًا.</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>العميل</translation>
    </message>
    <message>
      <source>A customer ID (cus_…); empty for all.</source>
      <translation>معرّف عميل (cus_…)؛ واتركه فارغًا للجميع.</translation>
    </message>
    <message>
      <source>Created from</source>
      <translation>أُنشئ منذ</translation>
    </message>
    <message>
      <source>A date (2024-03-01), a date and time, or a Unix timestamp; empty for no limit.</source>
      <translation>تاريخ (2024-03-01)، أو تاريخ ووقت، أو طابع زمني Unix؛ واتركه فارغًا بلا حد.</translation>
    </message>
    <message>
      <source>Created before</source>
      <translation>أُنشئ قبل</translation>
    </message>
    <message>
      <source>Like Created from; empty for no limit.</source>
      <translation>مثل «أُنشئ منذ»؛ واتركه فارغًا بلا حد.</translation>
    </message>
    <message>
      <source>The connected Telegram bot.</source>
      <translation>بوت Telegram المربوط.</translation>
    </message>
    <message>
      <source>Only from chat</source>
      <translation>فقط من المحادثة</translation>
    </message>
    <message>
      <source>Leave empty to start on messages from any chat.</source>
      <translation>اتركه فارغًا للبدء مع رسائل أي محادثة.</translation>
    </message>
    <message>
      <source>Chat ID</source>
      <translation>معرّف المحادثة</translation>
    </message>
    <message>
      <source>The chat's number (e.g. {{ trigger.chat_id }}) or @channelusername.</source>
      <translation>رقم المحادثة (مثال: {{ trigger.chat_id }}) أو @channelusername.</translation>
    </message>
    <message>
      <source>Formatting</source>
      <translation>التنسيق</translation>
    </message>
    <message>
      <source>How Telegram reads *bold* or &lt;b&gt;bold&lt;/b&gt;.</source>
      <translation>كيف يقرأ Telegram النص *bold* أو &lt;b&gt;bold&lt;/b&gt;.</translation>
    </message>
    <message>
      <source>MarkdownV2</source>
      <translation>MarkdownV2</translation>
    </message>
    <message>
      <source>Markdown</source>
      <translation>Markdown</translation>
    </message>
    <message>
      <source>Buttons</source>
      <translation>الأزرار</translation>
    </message>
    <message>
      <source>Keyboard as JSON, e.g. {"inline_keyboard": [[{"text": "Yes", "callback_data": "yes"}]]}.</source>
      <translation>لوحة أزرار بصيغة JSON، مثال: {"inline_keyboard": [[{"text": "Yes", "callback_data": "yes"}]]}.</translation>
    </message>
    <message>
      <source>Send silently</source>
      <translation>الإرسال بصمت</translation>
    </message>
    <message>
      <source>The chat's number or @channelusername.</source>
      <translation>رقم المحادثة أو @channelusername.</translation>
    </message>
    <message>
      <source>File</source>
      <translation>الملف</translation>
    </message>
    <message>
      <source>An https:// link to the file, or the file_id of a file Telegram already has.</source>
      <translation>رابط https:// للملف، أو file_id لملف موجود لدى Telegram.</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>التعليق</translation>
    </message>
    <message>
      <source>Caption formatting</source>
      <translation>تنسيق التعليق</translation>
    </message>
    <message>
      <source>The connected Twilio account.</source>
      <translation>حساب Twilio المربوط.</translation>
    </message>
    <message>
      <source>The phone number in E.164 form, e.g. +966501234567.</source>
      <translation>رقم الهاتف بصيغة E.164، مثال: +966501234567.</translation>
    </message>
    <message>
      <source>From</source>
      <translation>من</translation>
    </message>
    <message>
      <source>Your Twilio number, or a Messaging Service SID (MG…).</source>
      <translation>رقمك في Twilio، أو Messaging Service SID (MG…).</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>الرسالة</translation>
    </message>
    <message>
      <source>Leave empty for a private, unguessable address; or choose your own path.</source>
      <translation>اتركه فارغًا لعنوان خاص يصعب تخمينه؛ أو اختر مسارك الخاص.</translation>
    </message>
    <message>
      <source>Which kind of request starts the flow.</source>
      <translation>نوع الطلب الذي يبدأ التدفق.</translation>
    </message>
    <message>
      <source>ANY</source>
      <translation>أي طريقة</translation>
    </message>
    <message>
      <source>Answer at once (202, the run continues), or wait for the flow and answer with its 'Respond to webhook' step.</source>
      <translation>الرد فورًا (202، ويستمر التشغيل)، أو انتظار التدفق والرد بخطوته «الرد على الويب هوك».</translation>
    </message>
    <message>
      <source>immediately</source>
      <translation>فورًا</translation>
    </message>
    <message>
      <source>when done</source>
      <translation>عند الانتهاء</translation>
    </message>
    <message>
      <source>Refuse requests without the secret, or without a valid HMAC signature.</source>
      <translation>رفض الطلبات التي لا تحمل السر، أو لا تحمل توقيع HMAC صالحًا.</translation>
    </message>
    <message>
      <source>shared secret</source>
      <translation>سرّ مشترك</translation>
    </message>
    <message>
      <source>hmac</source>
      <translation>HMAC</translation>
    </message>
    <message>
      <source>The stored secret used to check the sender.</source>
      <translation>السرّ المحفوظ المستخدم للتحقق من المُرسِل.</translation>
    </message>
    <message>
      <source>The request header that carries the secret or the signature.</source>
      <translation>ترويسة الطلب التي تحمل السر أو التوقيع.</translation>
    </message>
    <message>
      <source>sha256</source>
      <translation>sha256</translation>
    </message>
    <message>
      <source>sha1</source>
      <translation>sha1</translation>
    </message>
    <message>
      <source>sha512</source>
      <translation>sha512</translation>
    </message>
    <message>
      <source>hex</source>
      <translation>ست عشري (hex)</translation>
    </message>
    <message>
      <source>base64</source>
      <translation>base64</translation>
    </message>
    <message>
      <source>e.g. sha256= for GitHub.</source>
      <translation>مثال: sha256= لـ GitHub.</translation>
    </message>
    <message>
      <source>The connected WhatsApp number.</source>
      <translation>رقم WhatsApp المربوط.</translation>
    </message>
    <message>
      <source>The phone number with country code, e.g. 9665xxxxxxxx.</source>
      <translation>رقم الهاتف مع رمز الدولة، مثال: 9665xxxxxxxx.</translation>
    </message>
    <message>
      <source>Show link preview</source>
      <translation>إظهار معاينة الرابط</translation>
    </message>
    <message>
      <source>The phone number with country code.</source>
      <translation>رقم الهاتف مع رمز الدولة.</translation>
    </message>
    <message>
      <source>Template name</source>
      <translation>اسم القالب</translation>
    </message>
    <message>
      <source>An approved template, e.g. order_shipped.</source>
      <translation>قالب معتمد، مثال: order_shipped.</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>اللغة</translation>
    </message>
    <message>
      <source>The template's language code, e.g. ar or en_US.</source>
      <translation>رمز لغة القالب، مثال: ar أو en_US.</translation>
    </message>
    <message>
      <source>Body values</source>
      <translation>قيم نص القالب</translation>
    </message>
    <message>
      <source>Fill the template's {{1}}, {{2}} … in order, e.g. {{ trigger.name }}.</source>
      <translation>تملأ {{1}}, {{2}} … في القالب بالترتيب، مثال: {{ trigger.name }}.</translation>
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
    <message>
      <source>The building blocks of every flow: start it, shape its data, branch, wait, repeat and stop.</source>
      <translation>اللبنات الأساسية لكل تدفق: ابدأه، وشكِّل بياناته، وفرِّعه، وانتظر، وكرِّر، وأوقفه.</translation>
    </message>
    <message>
      <source>E-mail (SMTP)</source>
      <translation>البريد الإلكتروني (SMTP)</translation>
    </message>
    <message>
      <source>Communication</source>
      <translation>التواصل</translation>
    </message>
    <message>
      <source>Send e-mail through any mail provider's SMTP server, with HTML and attachments.</source>
      <translation>أرسل بريدًا إلكترونيًا عبر خادم SMTP لدى أي مزوّد بريد، مع HTML ومرفقات.</translation>
    </message>
    <message>
      <source>Gmail</source>
      <translation>Gmail</translation>
    </message>
    <message>
      <source>Send e-mail from your Gmail account, and start a flow when an e-mail arrives.</source>
      <translation>أرسل بريدًا إلكترونيًا من حسابك في Gmail، وابدأ تدفقًا عند وصول رسالة بريد.</translation>
    </message>
    <message>
      <source>Google Sheets</source>
      <translation>Google Sheets</translation>
    </message>
    <message>
      <source>Productivity</source>
      <translation>الإنتاجية</translation>
    </message>
    <message>
      <source>Add, change and find rows in a spreadsheet, and start a flow when a row is added.</source>
      <translation>أضف صفوفًا إلى جدول بيانات وعدِّلها وابحث عنها، وابدأ تدفقًا عند إضافة صف.</translation>
    </message>
    <message>
      <source>Call any web API: send a request and use the answer in the next steps.</source>
      <translation>استدعِ أي واجهة API على الويب: أرسل طلبًا واستخدم الرد في الخطوات التالية.</translation>
    </message>
    <message>
      <source>Notion</source>
      <translation>Notion</translation>
    </message>
    <message>
      <source>Add pages to a Notion database, find them, and change their properties.</source>
      <translation>أضف صفحات إلى قاعدة بيانات في Notion، وابحث عنها، وغيِّر خصائصها.</translation>
    </message>
    <message>
      <source>AI (OpenAI / Ollama)</source>
      <translation>الذكاء الاصطناعي (OpenAI / Ollama)</translation>
    </message>
    <message>
      <source>AI</source>
      <translation>الذكاء الاصطناعي</translation>
    </message>
    <message>
      <source>Write, summarise, translate or extract data with an AI model: OpenAI, or a local one through Ollama.</source>
      <translation>اكتب أو لخِّص أو ترجم أو استخرج بيانات بنموذج ذكاء اصطناعي: OpenAI، أو نموذج محلي عبر Ollama.</translation>
    </message>
    <message>
      <source>Start a flow at set times: every few minutes, every morning, every Monday.</source>
      <translation>ابدأ تدفقًا في أوقات محددة: كل بضع دقائق، أو كل صباح، أو كل يوم اثنين.</translation>
    </message>
    <message>
      <source>Shopify</source>
      <translation>Shopify</translation>
    </message>
    <message>
      <source>E-commerce</source>
      <translation>التجارة الإلكترونية</translation>
    </message>
    <message>
      <source>Start a flow on each new order, read orders and add customers in your Shopify store.</source>
      <translation>ابدأ تدفقًا مع كل طلب جديد، واقرأ الطلبات، وأضف عملاء إلى متجرك في Shopify.</translation>
    </message>
    <message>
      <source>Slack</source>
      <translation>Slack</translation>
    </message>
    <message>
      <source>Post messages to Slack channels and start flows when people write in them.</source>
      <translation>انشر رسائل في قنوات Slack، وابدأ تدفقات عندما يكتب فيها الناس.</translation>
    </message>
    <message>
      <source>Stripe</source>
      <translation>Stripe</translation>
    </message>
    <message>
      <source>Payments</source>
      <translation>المدفوعات</translation>
    </message>
    <message>
      <source>Start a flow when a customer pays, add customers and list payments in your Stripe account.</source>
      <translation>ابدأ تدفقًا عندما يدفع عميل، وأضف عملاء، واعرض المدفوعات في حسابك في Stripe.</translation>
    </message>
    <message>
      <source>Telegram</source>
      <translation>Telegram</translation>
    </message>
    <message>
      <source>Send messages, photos and files from your Telegram bot, and start flows when people message it.</source>
      <translation>أرسل رسائل وصورًا وملفات من بوت Telegram الخاص بك، وابدأ تدفقات عندما يراسله الناس.</translation>
    </message>
    <message>
      <source>Twilio</source>
      <translation>Twilio</translation>
    </message>
    <message>
      <source>Send SMS from your Twilio number and start flows when someone texts it.</source>
      <translation>أرسل رسائل SMS من رقمك في Twilio، وابدأ تدفقات عندما يرسل إليه أحد رسالة نصية.</translation>
    </message>
    <message>
      <source>Start a flow when another app calls its web address, and answer the caller.</source>
      <translation>ابدأ تدفقًا عندما يستدعي تطبيق آخر عنوانه على الويب، وأجِب الجهة المستدعية.</translation>
    </message>
    <message>
      <source>WhatsApp</source>
      <translation>WhatsApp</translation>
    </message>
    <message>
      <source>Send WhatsApp messages and templates from your business number, and start flows when customers write to it.</source>
      <translation>أرسل رسائل وقوالب WhatsApp من رقم نشاطك التجاري، وابدأ تدفقات عندما يراسله العملاء.</translation>
    </message>
    <message>
      <source>Starts the flow when you click Run. Sample data stands in for real data while you build.</source>
      <translation>يبدأ التدفق عندما تنقر «تشغيل تجريبي». وتحلّ البيانات التجريبية محل البيانات الحقيقية أثناء البناء.</translation>
    </message>
    <message>
      <source>Builds a set of named fields from text, numbers and expressions; dotted names like customer.name make nested groups.</source>
      <translation>يبني مجموعة من الحقول المسمّاة من نصوص وأرقام وتعبيرات؛ والأسماء التي فيها نقاط مثل customer.name تصنع مجموعات متداخلة.</translation>
    </message>
    <message>
      <source>Checks rules against the data and sends it to the true or the false output.</source>
      <translation>يطابق القواعد مع البيانات ويرسلها إلى المُخرَج «صحيح» أو «خطأ».</translation>
    </message>
    <message>
      <source>Sends the data to the output of the first case whose value matches, or to default.</source>
      <translation>يرسل البيانات إلى مُخرَج أول حالة تطابق قيمتُها، وإلا إلى «افتراضي».</translation>
    </message>
    <message>
      <source>Waits for an amount of time, or until a date and time, then carries on with the same data.</source>
      <translation>ينتظر مدة من الزمن، أو حتى تاريخ ووقت محددين، ثم يتابع بالبيانات نفسها.</translation>
    </message>
    <message>
      <source>Runs the steps on its item output once for each item of a list, then sends every result on done.</source>
      <translation>يشغّل الخطوات الموصولة بمُخرَج «عنصر» مرة لكل عنصر في القائمة، ثم يرسل كل النتائج عبر «انتهى».</translation>
    </message>
    <message>
      <source>Waits for its branches and joins what they sent: one list, one set of fields, or each under its step's name.</source>
      <translation>ينتظر فروعه ويجمع ما أرسلته: في قائمة واحدة، أو مجموعة حقول واحدة، أو كلًّا منها تحت اسم خطوته.</translation>
    </message>
    <message>
      <source>Ends the run as failed, with your message.</source>
      <translation>ينهي التشغيل بالفشل، مع رسالتك.</translation>
    </message>
    <message>
      <source>Formats a date, a number or a text for people to read: 01/03/2025, 1,250.00 SAR, UPPER CASE, a-url-slug.</source>
      <translation>ينسّق تاريخًا أو رقمًا أو نصًا ليقرأه الناس: 01/03/2025، 1,250.00 SAR، UPPER CASE، a-url-slug.</translation>
    </message>
    <message>
      <source>Passes its data on unchanged; a placeholder while you build.</source>
      <translation>يمرّر بياناته دون تغيير؛ خطوة مؤقتة أثناء البناء.</translation>
    </message>
    <message>
      <source>Send an e-mail</source>
      <translation>إرسال بريد إلكتروني</translation>
    </message>
    <message>
      <source>Sends an e-mail with text, an HTML version and attachments through your SMTP server.</source>
      <translation>يرسل بريدًا إلكترونيًا بنصٍّ ونسخة HTML ومرفقات عبر خادم SMTP الخاص بك.</translation>
    </message>
    <message>
      <source>New e-mail in Gmail</source>
      <translation>بريد جديد في Gmail</translation>
    </message>
    <message>
      <source>Starts the flow once for each new e-mail that matches a Gmail search.</source>
      <translation>يبدأ التدفق مرة لكل رسالة بريد جديدة تطابق بحثًا في Gmail.</translation>
    </message>
    <message>
      <source>Send an e-mail with Gmail</source>
      <translation>إرسال بريد عبر Gmail</translation>
    </message>
    <message>
      <source>Sends an e-mail (text, HTML, attachments) from the connected Gmail account.</source>
      <translation>يرسل بريدًا إلكترونيًا (نص، HTML، مرفقات) من حساب Gmail المربوط.</translation>
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
      <source>Sends a GET, POST or other request to a URL, with headers, a query, a body and authentication, and outputs the answer's status, headers and body.</source>
      <translation>يرسل طلب GET أو POST أو غيرهما إلى رابط، مع ترويسات واستعلام ومحتوى ومصادقة، ويُخرِج حالة الرد وترويساته ومحتواه.</translation>
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
      <source>Generate text with AI</source>
      <translation>توليد نص بالذكاء الاصطناعي</translation>
    </message>
    <message>
      <source>Sends a prompt (with instructions) to the model and outputs its answer, or the JSON it answers parsed.</source>
      <translation>يرسل موجِّهًا (مع تعليمات) إلى النموذج ويُخرِج إجابته، أو ما يجيب به من JSON بعد تحليله.</translation>
    </message>
    <message>
      <source>Starts the flow on a schedule: an interval, or a cron expression, in your time zone.</source>
      <translation>يبدأ التدفق وفق جدول زمني: فاصل زمني أو تعبير cron، بتوقيت منطقتك الزمنية.</translation>
    </message>
    <message>
      <source>New Shopify order</source>
      <translation>طلب جديد في Shopify</translation>
    </message>
    <message>
      <source>Starts the flow when Shopify sends an orders/create webhook signed with your app's secret.</source>
      <translation>يبدأ التدفق عندما يرسل Shopify ويب هوك orders/create موقّعًا بسرّ تطبيقك.</translation>
    </message>
    <message>
      <source>Get an order</source>
      <translation>جلب طلب</translation>
    </message>
    <message>
      <source>Reads one order by its ID.</source>
      <translation>يقرأ طلبًا واحدًا بمعرّفه.</translation>
    </message>
    <message>
      <source>List orders</source>
      <translation>عرض الطلبات</translation>
    </message>
    <message>
      <source>Lists orders by status and date, following every page up to a limit.</source>
      <translation>يعرض الطلبات حسب الحالة والتاريخ، متتبعًا كل الصفحات حتى حدٍّ أقصى.</translation>
    </message>
    <message>
      <source>Create a customer</source>
      <translation>إنشاء عميل</translation>
    </message>
    <message>
      <source>Adds a customer to the store.</source>
      <translation>يضيف عميلًا إلى المتجر.</translation>
    </message>
    <message>
      <source>New Slack message</source>
      <translation>رسالة جديدة في Slack</translation>
    </message>
    <message>
      <source>Starts the flow when someone writes in a channel the app is in (Events API; set this flow's webhook address as the Request URL).</source>
      <translation>يبدأ التدفق عندما يكتب أحد في قناة يوجد فيها التطبيق (Events API؛ اجعل عنوان الويب هوك لهذا التدفق هو Request URL).</translation>
    </message>
    <message>
      <source>Post Slack message</source>
      <translation>نشر رسالة في Slack</translation>
    </message>
    <message>
      <source>Posts a message (text or Block Kit) to a channel, a person, or a thread.</source>
      <translation>ينشر رسالة (نصًا أو Block Kit) في قناة، أو إلى شخص، أو في سلسلة رسائل.</translation>
    </message>
    <message>
      <source>Stripe payment succeeded</source>
      <translation>نجاح دفعة في Stripe</translation>
    </message>
    <message>
      <source>Starts the flow when Stripe sends a payment_intent.succeeded event (and, if you choose, checkout.session.completed), signed with the endpoint's whsec_ secret.</source>
      <translation>يبدأ التدفق عندما يرسل Stripe حدث payment_intent.succeeded (وحدث checkout.session.completed إن اخترت)، موقّعًا بسرّ whsec_ الخاص بنقطة الاستقبال.</translation>
    </message>
    <message>
      <source>Stripe invoice paid</source>
      <translation>دفع فاتورة في Stripe</translation>
    </message>
    <message>
      <source>Starts the flow when Stripe sends an invoice.paid event (subscriptions and one-off invoices), signed with the endpoint's whsec_ secret.</source>
      <translation>يبدأ التدفق عندما يرسل Stripe حدث invoice.paid (للاشتراكات والفواتير لمرة واحدة)، موقّعًا بسرّ whsec_ الخاص بنقطة الاستقبال.</translation>
    </message>
    <message>
      <source>New Stripe customer</source>
      <translation>عميل جديد في Stripe</translation>
    </message>
    <message>
      <source>Starts the flow when Stripe sends a customer.created event, signed with the endpoint's whsec_ secret.</source>
      <translation>يبدأ التدفق عندما يرسل Stripe حدث customer.created، موقّعًا بسرّ whsec_ الخاص بنقطة الاستقبال.</translation>
    </message>
    <message>
      <source>Create Stripe customer</source>
      <translation>إنشاء عميل في Stripe</translation>
    </message>
    <message>
      <source>Adds a customer (e-mail, name, phone, metadata); a retried create returns the same customer, thanks to its idempotency key.</source>
      <translation>يضيف عميلًا (البريد، والاسم، والهاتف، والبيانات الوصفية)؛ وإعادة محاولة الإنشاء تُرجع العميل نفسه بفضل مفتاح عدم التكرار.</translation>
    </message>
    <message>
      <source>List Stripe payments</source>
      <translation>عرض مدفوعات Stripe</translation>
    </message>
    <message>
      <source>Lists payments (PaymentIntents) newest first, by customer and date, following every page up to a limit.</source>
      <translation>يعرض المدفوعات (PaymentIntents) من الأحدث، حسب العميل والتاريخ، متتبعًا كل الصفحات حتى حدٍّ أقصى.</translation>
    </message>
    <message>
      <source>New Telegram message</source>
      <translation>رسالة جديدة في Telegram</translation>
    </message>
    <message>
      <source>Starts the flow when someone sends your bot a message (checks every interval).</source>
      <translation>يبدأ التدفق عندما يرسل أحد رسالة إلى البوت الخاص بك (يتحقق كل فترة).</translation>
    </message>
    <message>
      <source>Send Telegram message</source>
      <translation>إرسال رسالة Telegram</translation>
    </message>
    <message>
      <source>Sends a text message from your bot to a chat, with optional formatting and buttons.</source>
      <translation>يرسل رسالة نصية من البوت الخاص بك إلى محادثة، مع تنسيق وأزرار اختيارية.</translation>
    </message>
    <message>
      <source>Send Telegram photo</source>
      <translation>إرسال صورة Telegram</translation>
    </message>
    <message>
      <source>Sends a photo, by link or file_id, with an optional caption.</source>
      <translation>يرسل صورة برابط أو file_id، مع تعليق اختياري.</translation>
    </message>
    <message>
      <source>Send Telegram document</source>
      <translation>إرسال مستند Telegram</translation>
    </message>
    <message>
      <source>Sends a file (PDF, invoice, spreadsheet …), by link or file_id, with an optional caption.</source>
      <translation>يرسل ملفًا (PDF، فاتورة، جدول بيانات …) برابط أو file_id، مع تعليق اختياري.</translation>
    </message>
    <message>
      <source>New SMS (Twilio)</source>
      <translation>رسالة SMS جديدة (Twilio)</translation>
    </message>
    <message>
      <source>Starts the flow when your Twilio number receives an SMS (set this flow's webhook address as the number's 'A message comes in' URL).</source>
      <translation>يبدأ التدفق عندما يستقبل رقمك في Twilio رسالة SMS (اجعل عنوان الويب هوك لهذا التدفق هو رابط 'A message comes in' للرقم).</translation>
    </message>
    <message>
      <source>Send SMS (Twilio)</source>
      <translation>إرسال SMS (Twilio)</translation>
    </message>
    <message>
      <source>Sends a text message from your Twilio number or Messaging Service.</source>
      <translation>يرسل رسالة نصية من رقمك في Twilio أو من Messaging Service.</translation>
    </message>
    <message>
      <source>Starts the flow when a request arrives at this flow's own web address.</source>
      <translation>يبدأ التدفق عندما يصل طلب إلى عنوان الويب الخاص بهذا التدفق.</translation>
    </message>
    <message>
      <source>Sends the answer to the app that called the webhook (when the webhook waits for the flow).</source>
      <translation>يرسل الرد إلى التطبيق الذي استدعى الويب هوك (عندما ينتظر الويب هوك انتهاء التدفق).</translation>
    </message>
    <message>
      <source>New WhatsApp message</source>
      <translation>رسالة جديدة في WhatsApp</translation>
    </message>
    <message>
      <source>Starts the flow when a customer sends your WhatsApp number a message (Meta calls this flow's webhook).</source>
      <translation>يبدأ التدفق عندما يرسل عميل رسالة إلى رقمك في WhatsApp (تستدعي Meta الويب هوك الخاص بهذا التدفق).</translation>
    </message>
    <message>
      <source>Send WhatsApp message</source>
      <translation>إرسال رسالة WhatsApp</translation>
    </message>
    <message>
      <source>Sends a text message to a customer who wrote to you in the last 24 hours.</source>
      <translation>يرسل رسالة نصية إلى عميل راسلك خلال آخر 24 ساعة.</translation>
    </message>
    <message>
      <source>Send WhatsApp template</source>
      <translation>إرسال قالب WhatsApp</translation>
    </message>
    <message>
      <source>Sends an approved message template (order updates, reminders), filling its {{1}}, {{2}} … values.</source>
      <translation>يرسل قالب رسالة معتمدًا (تحديثات الطلبات، التذكيرات)، مع ملء قيمه {{1}}, {{2}} ….</translation>
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
  <context>
    <name>VersionHistory</name>
    <message>
      <source>Restore version %1</source>
      <translation>استعادة الإصدار %1</translation>
    </message>
    <message>
      <source>First version</source>
      <translation>الإصدار الأول</translation>
    </message>
    <message>
      <source>Added: %1</source>
      <translation>أُضيف: %1</translation>
    </message>
    <message>
      <source>Removed: %1</source>
      <translation>حُذف: %1</translation>
    </message>
    <message>
      <source>Changed: %1</source>
      <translation>تغيّر: %1</translation>
    </message>
    <message>
      <source>Moved: %1</source>
      <translation>نُقل: %1</translation>
    </message>
    <message>
      <source>Connections: %1</source>
      <translation>الوصلات: %1</translation>
    </message>
    <message>
      <source>Renamed</source>
      <translation>أُعيدت التسمية</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>الملاحظات</translation>
    </message>
    <message>
      <source>Flow settings</source>
      <translation>إعدادات التدفق</translation>
    </message>
    <message>
      <source>No visible change</source>
      <translation>لا تغيير ظاهر</translation>
    </message>
    <message>
      <source>name</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>kind of step</source>
      <translation>نوع الخطوة</translation>
    </message>
    <message>
      <source>settings</source>
      <translation>الإعدادات</translation>
    </message>
    <message>
      <source>notes</source>
      <translation>الملاحظات</translation>
    </message>
    <message>
      <source>on/off</source>
      <translation>التشغيل/الإيقاف</translation>
    </message>
    <message>
      <source>position</source>
      <translation>الموضع</translation>
    </message>
    <message>
      <source>%1 → %2</source>
      <translation>%1 ← %2</translation>
    </message>
    <message>
      <source>Changed: %1 (%2)</source>
      <translation>تغيّر: %1 (%2)</translation>
    </message>
    <message>
      <source>Connections added: %1, removed: %2</source>
      <translation>وصلات أُضيفت: %1، وحُذفت: %2</translation>
    </message>
    <message>
      <source>Flow renamed: %1 → %2</source>
      <translation>أُعيدت تسمية التدفق: %1 ← %2</translation>
    </message>
    <message>
      <source>Version history</source>
      <translation>سجل الإصدارات</translation>
    </message>
    <message>
      <source>Compare with:</source>
      <translation>قارن مع:</translation>
    </message>
    <message>
      <source>Restore this version</source>
      <translation>استعادة هذا الإصدار</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>إغلاق</translation>
    </message>
    <message>
      <source>added</source>
      <translation>مُضاف</translation>
    </message>
    <message>
      <source>removed</source>
      <translation>محذوف</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>متغيّر</translation>
    </message>
    <message>
      <source>Version %1 · %2</source>
      <translation>الإصدار %1 · %2</translation>
    </message>
    <message>
      <source>(latest)</source>
      <translation>(الأحدث)</translation>
    </message>
    <message>
      <source>the version before it</source>
      <translation>الإصدار الذي قبله</translation>
    </message>
    <message>
      <source>the flow as it is open now</source>
      <translation>التدفق كما هو مفتوح الآن</translation>
    </message>
    <message>
      <source>version %1</source>
      <translation>الإصدار %1</translation>
    </message>
    <message>
      <source>The first saved version of this flow.</source>
      <translation>أول إصدار محفوظ من هذا التدفق.</translation>
    </message>
    <message>
      <source>No change to the steps.</source>
      <translation>لا تغيير في الخطوات.</translation>
    </message>
    <message>
      <source>New</source>
      <translation>جديد</translation>
    </message>
    <message>
      <source>Removed</source>
      <translation>محذوف</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>متغيّر</translation>
    </message>
    <message>
      <source>Moved</source>
      <translation>منقول</translation>
    </message>
    <message>
      <source>This flow was changed elsewhere (version %1) since you opened it — in another window or by a sync. Your changes are not saved yet.</source>
      <translation>تغيّر هذا التدفق في مكان آخر (الإصدار %1) منذ أن فتحته — في نافذة أخرى أو بالمزامنة. تغييراتك لم تُحفظ بعد.</translation>
    </message>
    <message>
      <source>Keep mine</source>
      <translation>احتفظ بنسختي</translation>
    </message>
    <message>
      <source>Save your flow as a new version on top of theirs</source>
      <translation>احفظ تدفقك إصدارًا جديدًا فوق إصدارهم</translation>
    </message>
    <message>
      <source>Load theirs</source>
      <translation>حمّل نسختهم</translation>
    </message>
    <message>
      <source>Open their version; yours is kept as a copy in your flows</source>
      <translation>افتح إصدارهم؛ وتبقى نسختك نسخةً منفصلة في تدفقاتك</translation>
    </message>
  </context>
  <context>
    <name>EngineMessages</name>
    <message>
      <source>That step no longer exists.</source>
      <translation>هذه الخطوة لم تعد موجودة.</translation>
    </message>
    <message>
      <source>A step can't connect to itself.</source>
      <translation>لا يمكن توصيل خطوة بنفسها.</translation>
    </message>
    <message>
      <source>These two steps are already connected.</source>
      <translation>هاتان الخطوتان موصولتان بالفعل.</translation>
    </message>
    <message>
      <source>Flowin stopped while this run was in progress.</source>
      <translation>توقف Flowin أثناء تنفيذ هذا التشغيل.</translation>
    </message>
    <message>
      <source>Flowin stopped while this step was running.</source>
      <translation>توقف Flowin أثناء تنفيذ هذه الخطوة.</translation>
    </message>
    <message>
      <source>Flowin could not start this run; it can be retried later.</source>
      <translation>تعذّر على Flowin بدء هذا التشغيل؛ يمكن إعادة محاولته لاحقًا.</translation>
    </message>
    <message>
      <source>Flowin could not start this run because its data is nested too deeply to be read.</source>
      <translation>تعذّر على Flowin بدء هذا التشغيل لأن بياناته متداخلة بعمق لا تمكن معه قراءتها.</translation>
    </message>
    <message>
      <source>Flowin could not start this run because of an unexpected problem ({kind}); details are in the log.</source>
      <translation>تعذّر على Flowin بدء هذا التشغيل بسبب مشكلة غير متوقعة ({kind})؛ التفاصيل في السجل.</translation>
    </message>
    <message>
      <source>Missing variable {{{{{variable}}}}} in '{step}' → {title}</source>
      <translation>متغير غير موجود {{{{{variable}}}}} في '{step}' ← {title}</translation>
    </message>
    <message>
      <source>Missing variable {{{{{variable}}}}} in '{step}'</source>
      <translation>متغير غير موجود {{{{{variable}}}}} في '{step}'</translation>
    </message>
    <message>
      <source>Missing variable {{{{{variable}}}}}</source>
      <translation>متغير غير موجود {{{{{variable}}}}}</translation>
    </message>
    <message>
      <source>Missing variable {{{{{variable}}}}} in '{step}' → {title}: the list is empty.</source>
      <translation>متغير غير موجود {{{{{variable}}}}} في '{step}' ← {title}: القائمة فارغة.</translation>
    </message>
    <message>
      <source>Missing variable {{{{{variable}}}}} in '{step}' → {title}: the list stops at [{last}].</source>
      <translation>متغير غير موجود {{{{{variable}}}}} في '{step}' ← {title}: القائمة تنتهي عند [{last}].</translation>
    </message>
    <message>
      <source>Missing variable {{{{{variable}}}}} in '{step}': the list is empty.</source>
      <translation>متغير غير موجود {{{{{variable}}}}} في '{step}': القائمة فارغة.</translation>
    </message>
    <message>
      <source>Missing variable {{{{{variable}}}}} in '{step}': the list stops at [{last}].</source>
      <translation>متغير غير موجود {{{{{variable}}}}} في '{step}': القائمة تنتهي عند [{last}].</translation>
    </message>
    <message>
      <source>Missing variable {{{{{variable}}}}}: the list is empty.</source>
      <translation>متغير غير موجود {{{{{variable}}}}}: القائمة فارغة.</translation>
    </message>
    <message>
      <source>Missing variable {{{{{variable}}}}}: the list stops at [{last}].</source>
      <translation>متغير غير موجود {{{{{variable}}}}}: القائمة تنتهي عند [{last}].</translation>
    </message>
    <message>
      <source>This expression in '{step}' → {title} does too much work: it repeats more than {limit} times.</source>
      <translation>هذا التعبير في '{step}' ← {title} يتطلب عملًا أكثر من اللازم: يتكرر أكثر من {limit} مرة.</translation>
    </message>
    <message>
      <source>This expression in '{step}' → {title} does too much work: it would make a number with more than {limit} digits.</source>
      <translation>هذا التعبير في '{step}' ← {title} يتطلب عملًا أكثر من اللازم: سينتج رقمًا بأكثر من {limit} خانة.</translation>
    </message>
    <message>
      <source>This expression in '{step}' → {title} does too much work: it would make a text longer than {limit} characters.</source>
      <translation>هذا التعبير في '{step}' ← {title} يتطلب عملًا أكثر من اللازم: سينتج نصًا أطول من {limit} حرف.</translation>
    </message>
    <message>
      <source>This expression in '{step}' → {title} does too much work: it would make a list longer than {limit} items.</source>
      <translation>هذا التعبير في '{step}' ← {title} يتطلب عملًا أكثر من اللازم: سينتج قائمة أطول من {limit} عنصر.</translation>
    </message>
    <message>
      <source>This expression in '{step}' → {title} does too much work: it would take longer than {limit} seconds.</source>
      <translation>هذا التعبير في '{step}' ← {title} يتطلب عملًا أكثر من اللازم: سيستغرق أكثر من {limit} ثانية.</translation>
    </message>
    <message>
      <source>This expression in '{step}' → {title} does too much work: it calls itself too deeply or needs too much memory.</source>
      <translation>هذا التعبير في '{step}' ← {title} يتطلب عملًا أكثر من اللازم: يستدعي نفسه بعمق كبير أو يحتاج إلى ذاكرة أكثر من اللازم.</translation>
    </message>
    <message>
      <source>'{step}' needs an account: pick one under Account.</source>
      <translation>تحتاج '{step}' إلى حساب: اختر حسابًا في خانة الحساب.</translation>
    </message>
    <message>
      <source>'{step}' → {title} is required.</source>
      <translation>الحقل {title} في '{step}' مطلوب.</translation>
    </message>
    <message>
      <source>'{step}' → {title} {reason}.</source>
      <translation>الحقل {title} في '{step}': {reason}.</translation>
    </message>
    <message>
      <source>This flow has no trigger: add one to say when it should run.</source>
      <translation>لا يوجد مشغّل في هذا التدفق: أضف مشغّلًا ليحدد متى يعمل.</translation>
    </message>
    <message>
      <source>A connection leads to a step that doesn't exist ('{missing}').</source>
      <translation>يؤدي اتصال إلى خطوة غير موجودة ('{missing}').</translation>
    </message>
    <message>
      <source>These steps go round in a circle: {path}. To repeat steps, use a Loop node.</source>
      <translation>هذه الخطوات تدور في حلقة مغلقة: {path}. لتكرار خطوات استخدم عقدة التكرار.</translation>
    </message>
    <message>
      <source>Two steps share the id '{id}'.</source>
      <translation>خطوتان تحملان المعرّف نفسه '{id}'.</translation>
    </message>
    <message>
      <source>Two steps are called '{step}'; each step needs its own name.</source>
      <translation>هناك خطوتان باسم '{step}'؛ يجب أن يكون لكل خطوة اسم خاص بها.</translation>
    </message>
    <message>
      <source>'{step}' uses an unknown node type '{type}'.</source>
      <translation>تستخدم '{step}' نوع عقدة غير معروف '{type}'.</translation>
    </message>
    <message>
      <source>A flow has exactly one trigger, this one has {count}: {listed}.</source>
      <translation>للتدفق مشغّل واحد فقط، وهذا التدفق فيه {count}: {listed}.</translation>
    </message>
    <message>
      <source>A connection from '{step}' leads to a step that doesn't exist ('{missing}').</source>
      <translation>يؤدي اتصال من '{step}' إلى خطوة غير موجودة ('{missing}').</translation>
    </message>
    <message>
      <source>A connection to '{step}' comes from a step that doesn't exist ('{missing}').</source>
      <translation>يأتي اتصال إلى '{step}' من خطوة غير موجودة ('{missing}').</translation>
    </message>
    <message>
      <source>'{step}' is both inside the loop '{loop}' and after it; connect it to one of the two.</source>
      <translation>الخطوة '{step}' داخل التكرار '{loop}' وبعده في آن واحد؛ اربطها بأحدهما فقط.</translation>
    </message>
    <message>
      <source>'{step}' needs a value for {title}.</source>
      <translation>تحتاج '{step}' إلى قيمة في {title}.</translation>
    </message>
    <message>
      <source>'{step}' has no output called '{port}' (it has: {ports}).</source>
      <translation>ليس لدى '{step}' مخرج باسم '{port}' (مخارجها: {ports}).</translation>
    </message>
    <message>
      <source>'{step}' is a trigger: nothing can connect into it.</source>
      <translation>'{step}' مشغّل: لا يمكن ربط أي خطوة به كمدخل.</translation>
    </message>
    <message>
      <source>'{step}' runs inside the loop '{loop}' and can only be connected from inside it; read '{source}' with {{{{ steps['{source}'].output }}}} instead.</source>
      <translation>تعمل '{step}' داخل التكرار '{loop}' ولا يمكن ربطها إلا من داخله؛ اقرأ '{source}' عبر {{{{ steps['{source}'].output }}}} بدلًا من ذلك.</translation>
    </message>
    <message>
      <source>'{step}' → {title} uses {{{{{name}}}}}, which Flowin doesn't know; start with trigger., steps['Step name']. or input.</source>
      <translation>يستخدم الحقل '{step}' → {title} المتغير {{{{{name}}}}} الذي لا يعرفه Flowin؛ ابدأ بـ trigger. أو steps['Step name']. أو input.</translation>
    </message>
    <message>
      <source>'{step}' has no input called '{port}'.</source>
      <translation>ليس لدى '{step}' مدخل باسم '{port}'.</translation>
    </message>
    <message>
      <source>The expression in '{step}' → {title} {error}.</source>
      <translation>في التعبير داخل '{step}' → {title} خطأ: {error}.</translation>
    </message>
    <message>
      <source>'{step}' → {title} refers to a step '{other}' that doesn't exist.</source>
      <translation>يشير '{step}' → {title} إلى خطوة '{other}' غير موجودة.</translation>
    </message>
    <message>
      <source>'{step}' → {title} refers to '{other}', which doesn't run before it.</source>
      <translation>يشير '{step}' → {title} إلى '{other}' التي لا تعمل قبله.</translation>
    </message>
    <message>
      <source>'{step}' has no setting '{key}'. Did you mean {title} ('{suggestion}')?</source>
      <translation>ليس في '{step}' إعداد باسم '{key}'. هل تقصد {title} ('{suggestion}')؟</translation>
    </message>
    <message>
      <source>'{step}' uses an unknown node type '{type}'. Did you mean '{suggestion}'?</source>
      <translation>تستخدم '{step}' نوع عقدة غير معروف '{type}'. هل تقصد '{suggestion}'؟</translation>
    </message>
    <message>
      <source>'{step}' → {title}: '{value}' is not one of {choices}. Did you mean '{suggestion}'?</source>
      <translation>الحقل {title} في '{step}': القيمة '{value}' ليست من الخيارات {choices}. هل تقصد '{suggestion}'؟</translation>
    </message>
    <message>
      <source>'{step}' → {title}: '{value}' is not one of {choices}.</source>
      <translation>الحقل {title} في '{step}': القيمة '{value}' ليست من الخيارات {choices}.</translation>
    </message>
    <message>
      <source>'{step}' → {title}: '{value}' is not a number.</source>
      <translation>الحقل {title} في '{step}': القيمة '{value}' ليست رقمًا.</translation>
    </message>
    <message>
      <source>'{step}' → {title}: '{value}' is not a whole number.</source>
      <translation>الحقل {title} في '{step}': القيمة '{value}' ليست عددًا صحيحًا.</translation>
    </message>
    <message>
      <source>'{step}' → {title}: '{value}' is neither yes (true) nor no (false).</source>
      <translation>الحقل {title} في '{step}': القيمة '{value}' ليست نعم (true) ولا لا (false).</translation>
    </message>
    <message>
      <source>'{step}' → {title}: '{value}' is not a web address; it starts with {schemes}.</source>
      <translation>الحقل {title} في '{step}': '{value}' ليس عنوان ويب؛ يبدأ العنوان بـ {schemes}.</translation>
    </message>
    <message>
      <source>'{step}' → {title}: '{value}' can't be called; only addresses starting with {schemes} can.</source>
      <translation>الحقل {title} في '{step}': لا يمكن الاتصال بـ '{value}'؛ تُقبل فقط العناوين التي تبدأ بـ {schemes}.</translation>
    </message>
    <message>
      <source>{service}: can't reach {host}; check the internet connection.</source>
      <translation>{service}: تعذّر الوصول إلى {host}؛ تحقّق من الاتصال بالإنترنت.</translation>
    </message>
    <message>
      <source>{service} didn't answer after the request was sent ({kind}); it may have been done, so Flowin didn't repeat it. Check {service} before running the step again.</source>
      <translation>لم يردّ {service} بعد إرسال الطلب ({kind})؛ ربما نُفّذ الطلب، لذلك لم يكرّره Flowin. راجع {service} قبل تشغيل الخطوة مرة أخرى.</translation>
    </message>
    <message>
      <source>{service} didn't answer in time; Flowin will try again.</source>
      <translation>لم يردّ {service} في الوقت المحدد؛ سيحاول Flowin مرة أخرى.</translation>
    </message>
    <message>
      <source>{service}: the connection broke off ({kind}); Flowin will try again.</source>
      <translation>{service}: انقطع الاتصال ({kind})؛ سيحاول Flowin مرة أخرى.</translation>
    </message>
    <message>
      <source>{service} didn't accept the connected account ({reason}); reconnect the account in Accounts.</source>
      <translation>لم يقبل {service} الحساب المتصل ({reason})؛ أعد ربط الحساب من صفحة الحسابات.</translation>
    </message>
    <message>
      <source>{service}: the connected account may not do this ({reason}); reconnect it with the access this step needs.</source>
      <translation>{service}: لا يملك الحساب المتصل صلاحية هذا الإجراء ({reason})؛ أعد ربطه بالصلاحيات التي تحتاجها هذه الخطوة.</translation>
    </message>
    <message>
      <source>{service} had a problem ({status}: {reason}) after the request was sent; it may have been done, so Flowin didn't repeat it. Check {service} before running the step again.</source>
      <translation>واجه {service} مشكلة ({status}: {reason}) بعد إرسال الطلب؛ ربما نُفّذ الطلب، لذلك لم يكرّره Flowin. راجع {service} قبل تشغيل الخطوة مرة أخرى.</translation>
    </message>
    <message>
      <source>{service} had a problem ({status}: {reason}); Flowin will try again.</source>
      <translation>واجه {service} مشكلة ({status}: {reason})؛ سيحاول Flowin مرة أخرى.</translation>
    </message>
    <message>
      <source>{service} refused the request: {reason}.</source>
      <translation>رفض {service} الطلب: {reason}.</translation>
    </message>
    <message>
      <source>{service}: too many requests for now; Flowin will try again after a pause.</source>
      <translation>{service}: طلبات كثيرة جدًا الآن؛ سيحاول Flowin مرة أخرى بعد قليل.</translation>
    </message>
    <message>
      <source>{service}: too many requests for now; it asks to wait {seconds} seconds.</source>
      <translation>{service}: طلبات كثيرة جدًا الآن؛ يطلب الانتظار {seconds} ثانية.</translation>
    </message>
    <message>
      <source>{service}: too many requests for now; it asks to wait {minutes} minutes.</source>
      <translation>{service}: طلبات كثيرة جدًا الآن؛ يطلب الانتظار {minutes} دقيقة.</translation>
    </message>
  </context>
  <context>
    <name>CloudSync</name>
    <message>
      <source>Type the cloud's address starting with https://. Plain http:// works only for a cloud on this computer (127.0.0.1 or localhost).</source>
      <translation>اكتب عنوان السحابة بحيث يبدأ بـ https://‏. لا يعمل http:// العادي إلا مع سحابة على هذا الحاسوب (127.0.0.1 أو localhost).</translation>
    </message>
    <message>
      <source>That code isn't right or has expired. Check it, or send a new one.</source>
      <translation>هذا الرمز غير صحيح أو انتهت صلاحيته. تحقق منه، أو أرسل رمزًا جديدًا.</translation>
    </message>
    <message>
      <source>Type the phone number with its country code, starting with +, e.g. +966501234567.</source>
      <translation>اكتب رقم الهاتف مع رمز الدولة، بادئًا بـ +، مثل: ‎+966501234567.</translation>
    </message>
    <message>
      <source>The password isn't right, so nothing was changed. Try again.</source>
      <translation>كلمة المرور غير صحيحة، لذا لم يتغير شيء. حاول مرة أخرى.</translation>
    </message>
    <message>
      <source>Flowin can't reach the cloud. Check the address and your internet connection; your flows stay on this computer.</source>
      <translation>لا يستطيع Flowin الوصول إلى السحابة. تحقّق من العنوان ومن اتصالك بالإنترنت؛ تبقى تدفقاتك على هذا الحاسوب.</translation>
    </message>
    <message>
      <source>Too many tries. Wait a minute and try again.</source>
      <translation>محاولات كثيرة. انتظر دقيقة ثم حاول مرة أخرى.</translation>
    </message>
    <message numerus="yes">
      <source>Too many tries. Wait %n minutes and try again.</source>
      <translation>
        <numerusform>محاولات كثيرة. انتظر %n دقيقة ثم حاول مرة أخرى.</numerusform>
        <numerusform>محاولات كثيرة. انتظر دقيقة واحدة ثم حاول مرة أخرى.</numerusform>
        <numerusform>محاولات كثيرة. انتظر دقيقتين ثم حاول مرة أخرى.</numerusform>
        <numerusform>محاولات كثيرة. انتظر %n دقائق ثم حاول مرة أخرى.</numerusform>
        <numerusform>محاولات كثيرة. انتظر %n دقيقة ثم حاول مرة أخرى.</numerusform>
        <numerusform>محاولات كثيرة. انتظر %n دقيقة ثم حاول مرة أخرى.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Too many tries. Wait %n seconds and try again.</source>
      <translation>
        <numerusform>محاولات كثيرة. انتظر %n ثانية ثم حاول مرة أخرى.</numerusform>
        <numerusform>محاولات كثيرة. انتظر ثانية واحدة ثم حاول مرة أخرى.</numerusform>
        <numerusform>محاولات كثيرة. انتظر ثانيتين ثم حاول مرة أخرى.</numerusform>
        <numerusform>محاولات كثيرة. انتظر %n ثوانٍ ثم حاول مرة أخرى.</numerusform>
        <numerusform>محاولات كثيرة. انتظر %n ثانية ثم حاول مرة أخرى.</numerusform>
        <numerusform>محاولات كثيرة. انتظر %n ثانية ثم حاول مرة أخرى.</numerusform>
      </translation>
    </message>
    <message>
      <source>The cloud had a problem on its side. Your flows are safe here; try later.</source>
      <translation>حدثت مشكلة في السحابة. تدفقاتك في أمان هنا؛ حاول لاحقًا.</translation>
    </message>
    <message>
      <source>You're signed out. Sign in again to sync your flows.</source>
      <translation>لقد سُجّل خروجك. سجّل الدخول مرة أخرى لمزامنة تدفقاتك.</translation>
    </message>
    <message>
      <source>The e-mail, password or code isn't right. Check them and try again.</source>
      <translation>البريد الإلكتروني أو كلمة المرور أو الرمز غير صحيح. تحقّق منها وحاول مرة أخرى.</translation>
    </message>
    <message>
      <source>Something went wrong; the details are in Flowin's log.</source>
      <translation>حدث خطأ ما؛ التفاصيل في سجل Flowin.</translation>
    </message>
    <message>
      <source>Sign in to sync</source>
      <translation>سجّل الدخول للمزامنة</translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>جارٍ المزامنة…</translation>
    </message>
    <message>
      <source>Offline</source>
      <translation>غير متصل</translation>
    </message>
    <message>
      <source>Sync conflict</source>
      <translation>تعارض في المزامنة</translation>
    </message>
    <message>
      <source>Synced</source>
      <translation>متزامن</translation>
    </message>
    <message>
      <source>Flowin works fully on this computer. Sign in to back up your flows and keep them the same on all your computers.</source>
      <translation>يعمل Flowin بالكامل على هذا الحاسوب. سجّل الدخول لحفظ نسخة احتياطية من تدفقاتك وإبقائها متطابقة على كل حواسيبك.</translation>
    </message>
    <message>
      <source>Syncing your flows with the cloud…</source>
      <translation>جارٍ مزامنة تدفقاتك مع السحابة…</translation>
    </message>
    <message>
      <source>The cloud can't be reached right now. Your changes are kept here and sync when it can.</source>
      <translation>لا يمكن الوصول إلى السحابة الآن. تُحفظ تغييراتك هنا وتُزامَن عندما يصبح ذلك ممكنًا.</translation>
    </message>
    <message>
      <source>Some flows were changed both here and on another computer. Choose which to keep.</source>
      <translation>تغيّرت بعض التدفقات هنا وعلى حاسوب آخر معًا. اختر ما تريد الاحتفاظ به.</translation>
    </message>
    <message>
      <source>Your flows are synced.</source>
      <translation>تدفقاتك متزامنة.</translation>
    </message>
    <message>
      <source>Your flows are synced (last at %1).</source>
      <translation>تدفقاتك متزامنة (آخر مرة %1).</translation>
    </message>
    <message>
      <source>This account has as many API keys as it may have. Delete one first.</source>
      <translation>وصل هذا الحساب إلى الحد الأقصى لمفاتيح API. احذف مفتاحًا أولًا.</translation>
    </message>
    <message>
      <source>Signing in through the browser didn't finish. Try again, or sign in with your e-mail and password.</source>
      <translation>لم يكتمل تسجيل الدخول عبر المتصفح. حاول مرة أخرى، أو سجّل الدخول ببريدك الإلكتروني وكلمة المرور.</translation>
    </message>
  </context>
  <context>
    <name>CloudAccountDialog</name>
    <message>
      <source>Where you're signed in</source>
      <translation>أين سجّلت الدخول</translation>
    </message>
    <message>
      <source>Type the 6-digit code your authenticator app shows, or one of your backup codes.</source>
      <translation>اكتب الرمز المكوّن من 6 أرقام الذي يعرضه تطبيق المصادقة، أو أحد رموزك الاحتياطية.</translation>
    </message>
    <message>
      <source>Sign-in security</source>
      <translation>أمان تسجيل الدخول</translation>
    </message>
    <message>
      <source>API keys</source>
      <translation>مفاتيح API</translation>
    </message>
    <message>
      <source>Your cloud account is deleted. Your flows stay on this computer, and Flowin works fully without an account.</source>
      <translation>تم حذف حسابك السحابي. تبقى تدفقاتك على هذا الحاسوب، ويعمل Flowin بالكامل دون حساب.</translation>
    </message>
    <message>
      <source>Cloud account</source>
      <translation>الحساب السحابي</translation>
    </message>
    <message>
      <source>Flowin works fully on this computer. Sign in to back up your flows and keep them the same on all your computers. Your passwords and connected accounts never leave this computer.</source>
      <translation>يعمل Flowin بالكامل على هذا الحاسوب. سجّل الدخول لحفظ نسخة احتياطية من تدفقاتك وإبقائها متطابقة على كل حواسيبك. كلمات مرورك وحساباتك المرتبطة لا تغادر هذا الحاسوب أبدًا.</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>تسجيل الدخول</translation>
    </message>
    <message>
      <source>Create an account</source>
      <translation>إنشاء حساب</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>البريد الإلكتروني</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>كلمة المرور</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>اسمك</translation>
    </message>
    <message>
      <source>Cloud address</source>
      <translation>عنوان السحابة</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>تأكيد</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>زامِن الآن</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>تسجيل الخروج</translation>
    </message>
    <message>
      <source>Changed in both places</source>
      <translation>تغيّر في المكانين</translation>
    </message>
    <message>
      <source>Keep mine</source>
      <translation>احتفظ بنسختي</translation>
    </message>
    <message>
      <source>This computer's flow replaces the cloud's.</source>
      <translation>يحلّ تدفق هذا الحاسوب محلّ تدفق السحابة.</translation>
    </message>
    <message>
      <source>Keep theirs</source>
      <translation>احتفظ بنسخة السحابة</translation>
    </message>
    <message>
      <source>The cloud's flow replaces this computer's.</source>
      <translation>يحلّ تدفق السحابة محلّ تدفق هذا الحاسوب.</translation>
    </message>
    <message>
      <source>Keep both</source>
      <translation>احتفظ بالاثنتين</translation>
    </message>
    <message>
      <source>Keep the cloud's flow, and this computer's as a copy.</source>
      <translation>احتفظ بتدفق السحابة، وبتدفق هذا الحاسوب كنسخة.</translation>
    </message>
    <message>
      <source>Signed in as %1</source>
      <translation>مسجّل الدخول باسم %1</translation>
    </message>
    <message>
      <source>%1 — changed here, deleted in the cloud</source>
      <translation>%1 — تغيّر هنا وحُذف من السحابة</translation>
    </message>
    <message>
      <source>%1 — deleted here, changed in the cloud</source>
      <translation>%1 — حُذف هنا وتغيّر في السحابة</translation>
    </message>
    <message>
      <source>%1 — changed here and in the cloud</source>
      <translation>%1 — تغيّر هنا وفي السحابة</translation>
    </message>
    <message>
      <source>Create account</source>
      <translation>إنشاء الحساب</translation>
    </message>
    <message>
      <source>Type the e-mail address of your account.</source>
      <translation>اكتب عنوان البريد الإلكتروني لحسابك.</translation>
    </message>
    <message>
      <source>The password needs at least %1 characters.</source>
      <translation>تحتاج كلمة المرور إلى %1 أحرف على الأقل.</translation>
    </message>
    <message>
      <source>Connecting…</source>
      <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
      <source>by text message</source>
      <translation>برسالة نصية</translation>
    </message>
    <message>
      <source>by e-mail</source>
      <translation>بالبريد الإلكتروني</translation>
    </message>
    <message>
      <source>We sent you a 6-digit code %1. Type it here, or one of your backup codes.</source>
      <translation>أرسلنا إليك رمزًا من 6 أرقام %1. اكتبه هنا، أو أحد رموزك الاحتياطية.</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>جارٍ التحقق…</translation>
    </message>
    <message>
      <source>Forgot your password?</source>
      <translation>نسيت كلمة المرور؟</translation>
    </message>
    <message>
      <source>If this address has an account, we sent it a link to choose a new password. Open it within an hour, then sign in here with the new password.</source>
      <translation>إذا كان لهذا العنوان حساب، فقد أرسلنا إليه رابطًا لاختيار كلمة مرور جديدة. افتحه خلال ساعة، ثم سجّل الدخول هنا بكلمة المرور الجديدة.</translation>
    </message>
    <message>
      <source>Continue with %1</source>
      <translation>المتابعة باستخدام %1</translation>
    </message>
    <message>
      <source>Finish signing in in your browser…</source>
      <translation>أكمل تسجيل الدخول في متصفحك…</translation>
    </message>
  </context>
  <context>
    <name>ApiKeysPanel</name>
    <message>
      <source>API keys</source>
      <translation>مفاتيح API</translation>
    </message>
    <message>
      <source>Other programs can read your flows and start their runs on this computer through the cloud's API, with a key.</source>
      <translation>يمكن للبرامج الأخرى قراءة تدفقاتك وبدء تشغيلها على هذا الحاسوب عبر واجهة API السحابية، باستخدام مفتاح.</translation>
    </message>
    <message>
      <source>Name of a new key, e.g. My shop</source>
      <translation>اسم مفتاح جديد، مثل: متجري</translation>
    </message>
    <message>
      <source>Create key</source>
      <translation>إنشاء مفتاح</translation>
    </message>
    <message>
      <source>Switch off</source>
      <translation>إيقاف</translation>
    </message>
    <message>
      <source>Switch on</source>
      <translation>تشغيل</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>حذف</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>نسخ</translation>
    </message>
    <message>
      <source>Copied</source>
      <translation>تم النسخ</translation>
    </message>
    <message>
      <source>Copy this key now: it is shown only once. Send it as: Authorization: Bearer</source>
      <translation>انسخ هذا المفتاح الآن: لن يُعرض إلا مرة واحدة. أرسله هكذا: Authorization: Bearer</translation>
    </message>
    <message>
      <source>Delete API key</source>
      <translation>حذف مفتاح API</translation>
    </message>
    <message>
      <source>Delete the key %1? Programs using it stop working at once.</source>
      <translation>هل تريد حذف المفتاح %1؟ ستتوقف البرامج التي تستخدمه عن العمل فورًا.</translation>
    </message>
    <message>
      <source>No keys yet.</source>
      <translation>لا توجد مفاتيح بعد.</translation>
    </message>
    <message>
      <source>on</source>
      <translation>يعمل</translation>
    </message>
    <message>
      <source>off</source>
      <translation>متوقف</translation>
    </message>
    <message>
      <source>last used %1</source>
      <translation>آخر استخدام %1</translation>
    </message>
    <message>
      <source>never used</source>
      <translation>لم يُستخدم بعد</translation>
    </message>
    <message>
      <source>expires %1</source>
      <translation>ينتهي %1</translation>
    </message>
  </context>
  <context>
    <name>SignInsPanel</name>
    <message>
      <source>Where your account is signed in. If you don't know one of them, sign it out and change your password.</source>
      <translation>الأماكن التي سُجّل فيها الدخول إلى حسابك. إن لم تعرف أحدها، فسجّل خروجه وغيّر كلمة المرور.</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>جارٍ التحقق…</translation>
    </message>
    <message>
      <source>Sign out everywhere else</source>
      <translation>تسجيل الخروج من كل مكان آخر</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>تسجيل الخروج</translation>
    </message>
    <message>
      <source>Sign out on this computer? Your flows stay here.</source>
      <translation>هل تريد تسجيل الخروج على هذا الحاسوب؟ تبقى تدفقاتك هنا.</translation>
    </message>
    <message>
      <source>Sign out %1? It has to sign in again with the password.</source>
      <translation>هل تريد تسجيل خروج %1؟ سيلزمه تسجيل الدخول من جديد بكلمة المرور.</translation>
    </message>
    <message>
      <source>Sign out on every other computer and app? They have to sign in again with the password; this computer stays signed in.</source>
      <translation>هل تريد تسجيل الخروج على كل حاسوب وتطبيق آخر؟ سيلزمها تسجيل الدخول من جديد بكلمة المرور، ويبقى هذا الحاسوب مسجَّل الدخول.</translation>
    </message>
    <message>
      <source>This computer</source>
      <translation>هذا الحاسوب</translation>
    </message>
    <message>
      <source>Flowin on %1</source>
      <translation>Flowin على %1</translation>
    </message>
    <message>
      <source>Flowin on a computer</source>
      <translation>Flowin على حاسوب</translation>
    </message>
    <message>
      <source>Flowin's command line on %1</source>
      <translation>سطر أوامر Flowin على %1</translation>
    </message>
    <message>
      <source>Flowin's command line</source>
      <translation>سطر أوامر Flowin</translation>
    </message>
    <message>
      <source>Another app on %1</source>
      <translation>تطبيق آخر على %1</translation>
    </message>
    <message>
      <source>Another app</source>
      <translation>تطبيق آخر</translation>
    </message>
    <message>
      <source>from %1</source>
      <translation>من %1</translation>
    </message>
    <message>
      <source>signed in %1</source>
      <translation>سُجّل الدخول %1</translation>
    </message>
    <message>
      <source>in use now</source>
      <translation>قيد الاستخدام الآن</translation>
    </message>
    <message>
      <source>last used within the hour</source>
      <translation>آخر استخدام خلال الساعة الماضية</translation>
    </message>
    <message>
      <source>last used %1</source>
      <translation>آخر استخدام %1</translation>
    </message>
    <message>
      <source>today</source>
      <translation>اليوم</translation>
    </message>
    <message>
      <source>yesterday</source>
      <translation>أمس</translation>
    </message>
    <message>
      <source>on %1</source>
      <translation>في %1</translation>
    </message>
    <message>
      <source>%1 at %2</source>
      <translation>%1 الساعة %2</translation>
    </message>
    <message>
      <source>Signed in nowhere else.</source>
      <translation>لم يُسجَّل الدخول في أي مكان آخر.</translation>
    </message>
    <message>
      <source>Signed out everywhere else.</source>
      <translation>تم تسجيل الخروج من كل مكان آخر.</translation>
    </message>
  </context>
  <context>
    <name>SecurityPanel</name>
    <message>
      <source>Add and verify a phone number first: the codes go there.</source>
      <translation>أضف رقم هاتف وأكّده أولًا: تصل الرموز إليه.</translation>
    </message>
    <message>
      <source>Authenticator app</source>
      <translation>تطبيق المصادقة</translation>
    </message>
    <message>
      <source>Two-step sign-in is on: your authenticator app gives the code at each sign-in. %1 backup codes left.</source>
      <translation>تسجيل الدخول بخطوتين مفعّل: يعطيك تطبيق المصادقة الرمز عند كل تسجيل دخول. الرموز الاحتياطية المتبقية: %1.</translation>
    </message>
    <message>
      <source>A code is on its way to your phone; it works for 10 minutes.</source>
      <translation>رمز في الطريق إلى هاتفك، وهو صالح لمدة 10 دقائق.</translation>
    </message>
    <message>
      <source>Code from the text message</source>
      <translation>الرمز من الرسالة النصية</translation>
    </message>
    <message>
      <source>Codes by e-mail</source>
      <translation>الرموز بالبريد الإلكتروني</translation>
    </message>
    <message>
      <source>Codes by text message</source>
      <translation>الرموز برسالة نصية</translation>
    </message>
    <message>
      <source>No phone number. Add one to get sign-in codes by text message.</source>
      <translation>لا يوجد رقم هاتف. أضف رقمًا لتصلك رموز تسجيل الدخول برسالة نصية.</translation>
    </message>
    <message>
      <source>Text me a code</source>
      <translation>أرسل لي رمزًا</translation>
    </message>
    <message>
      <source>Type the code texted to %1 to verify the number.</source>
      <translation>اكتب الرمز المرسل إلى %1 لتأكيد الرقم.</translation>
    </message>
    <message>
      <source>Verify</source>
      <translation>تأكيد</translation>
    </message>
    <message>
      <source>Your phone %1 is verified.</source>
      <translation>تم تأكيد هاتفك %1.</translation>
    </message>
    <message>
      <source>Sign-in security</source>
      <translation>أمان تسجيل الدخول</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>جارٍ التحقق…</translation>
    </message>
    <message>
      <source>Send the link again</source>
      <translation>أرسل الرابط مرة أخرى</translation>
    </message>
    <message>
      <source>Turn on</source>
      <translation>تفعيل</translation>
    </message>
    <message>
      <source>Turn off</source>
      <translation>إيقاف</translation>
    </message>
    <message>
      <source>New backup codes</source>
      <translation>رموز احتياطية جديدة</translation>
    </message>
    <message>
      <source>E-mail me a link to set a password</source>
      <translation>أرسل لي رابطًا لتعيين كلمة مرور</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>نسخ</translation>
    </message>
    <message>
      <source>Copied</source>
      <translation>تم النسخ</translation>
    </message>
    <message>
      <source>Keep these backup codes somewhere safe, away from this computer. Each one signs you in once when the e-mailed code can't reach you. They are shown only now.</source>
      <translation>احفظ هذه الرموز الاحتياطية في مكان آمن بعيدًا عن هذا الحاسوب. كل رمز منها يتيح لك تسجيل الدخول مرة واحدة حين لا يصلك الرمز بالبريد الإلكتروني. لن تظهر إلا الآن.</translation>
    </message>
    <message>
      <source>A new link is on its way. Open it within 24 hours to verify the address.</source>
      <translation>رابط جديد في الطريق إليك. افتحه خلال 24 ساعة لتأكيد العنوان.</translation>
    </message>
    <message>
      <source>A link to set a password is on its way to your e-mail. Open it within an hour; then these settings ask for that password.</source>
      <translation>رابط لتعيين كلمة مرور في الطريق إلى بريدك الإلكتروني. افتحه خلال ساعة؛ وبعدها تطلب هذه الإعدادات كلمة المرور تلك.</translation>
    </message>
    <message>
      <source>Delete account…</source>
      <translation>حذف الحساب…</translation>
    </message>
    <message>
      <source>Delete account</source>
      <translation>حذف الحساب</translation>
    </message>
    <message>
      <source>Turn on two-step sign-in</source>
      <translation>تفعيل تسجيل الدخول بخطوتين</translation>
    </message>
    <message>
      <source>Turn off two-step sign-in</source>
      <translation>إيقاف تسجيل الدخول بخطوتين</translation>
    </message>
    <message>
      <source>Delete your cloud account? Your flows, runs and API keys in the cloud are deleted for good, and this computer signs out. The flows on this computer stay.</source>
      <translation>هل تريد حذف حسابك السحابي؟ ستُحذف تدفقاتك وعمليات تشغيلها ومفاتيح API في السحابة نهائيًا، ويُسجَّل خروج هذا الحاسوب. أما التدفقات على هذا الحاسوب فتبقى.</translation>
    </message>
    <message>
      <source>Your account's password, to confirm it's you:</source>
      <translation>كلمة مرور حسابك، للتأكد من أنك أنت:</translation>
    </message>
    <message>
      <source>Your e-mail address is verified.</source>
      <translation>تم تأكيد عنوان بريدك الإلكتروني.</translation>
    </message>
    <message>
      <source>Your e-mail address isn't verified yet: open the link we e-mailed you.</source>
      <translation>لم يتم تأكيد عنوان بريدك الإلكتروني بعد: افتح الرابط الذي أرسلناه إليك.</translation>
    </message>
    <message>
      <source>Verify your e-mail address first: open the link we e-mailed you.</source>
      <translation>أكّد عنوان بريدك الإلكتروني أولًا: افتح الرابط الذي أرسلناه إليك.</translation>
    </message>
    <message>
      <source>Verify your e-mail address first: the codes go there.</source>
      <translation>أكّد عنوان بريدك الإلكتروني أولًا: فالرموز تُرسل إليه.</translation>
    </message>
    <message>
      <source>You signed up with Google or GitHub. To turn on two-step sign-in or delete the account, first set a password.</source>
      <translation>لقد سجّلت عبر Google أو GitHub. لتفعيل تسجيل الدخول بخطوتين أو حذف الحساب، عيّن كلمة مرور أولًا.</translation>
    </message>
    <message>
      <source>Two-step sign-in is off: your password alone signs you in.</source>
      <translation>تسجيل الدخول بخطوتين متوقف: كلمة المرور وحدها تكفي لتسجيل دخولك.</translation>
    </message>
    <message>
      <source>by text message</source>
      <translation>برسالة نصية</translation>
    </message>
    <message>
      <source>by e-mail</source>
      <translation>بالبريد الإلكتروني</translation>
    </message>
    <message>
      <source>Two-step sign-in is on: a code comes %1 at each sign-in. %2 backup codes left.</source>
      <translation>تسجيل الدخول بخطوتين مفعّل: يصلك رمز %1 عند كل تسجيل دخول. الرموز الاحتياطية المتبقية: %2.</translation>
    </message>
  </context>
  <context>
    <name>BackupCodesDialog</name>
    <message>
      <source>Copied</source>
      <translation>تم النسخ</translation>
    </message>
    <message>
      <source>Your backup codes</source>
      <translation>رموزك الاحتياطية</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>نسخ</translation>
    </message>
    <message>
      <source>I saved them</source>
      <translation>حفظتها</translation>
    </message>
    <message>
      <source>Keep these backup codes somewhere safe, away from this computer. Each one signs you in once when the e-mailed code can't reach you. They are shown only now.</source>
      <translation>احفظ هذه الرموز الاحتياطية في مكان آمن بعيدًا عن هذا الحاسوب. كل رمز منها يتيح لك تسجيل الدخول مرة واحدة حين لا يصلك الرمز بالبريد الإلكتروني. لن تظهر إلا الآن.</translation>
    </message>
  </context>
  <context>
    <name>AuthenticatorAppDialog</name>
    <message>
      <source>Can't scan it? Type this key into the app instead:</source>
      <translation>لا يمكنك المسح؟ اكتب هذا المفتاح في التطبيق بدلًا من ذلك:</translation>
    </message>
    <message>
      <source>That code isn't right. Type the code the app shows now; if it keeps failing, check that the phone sets its clock automatically.</source>
      <translation>هذا الرمز غير صحيح. اكتب الرمز الذي يعرضه التطبيق الآن؛ وإن تكرر الخطأ، فتأكد من ضبط ساعة الهاتف تلقائيًا.</translation>
    </message>
    <message>
      <source>1. Open your authenticator app (such as Google Authenticator, Microsoft Authenticator or 1Password), add an account, and scan this QR code.</source>
      <translation>1. افتح تطبيق المصادقة على هاتفك، مثل Google Authenticator أو Microsoft Authenticator أو 1Password، وأضف حسابًا، ثم امسح رمز QR هذا.</translation>
    </message>
    <message>
      <source>2. Type the 6-digit code the app shows:</source>
      <translation>2. اكتب الرمز المكوّن من 6 أرقام الذي يعرضه التطبيق:</translation>
    </message>
    <message>
      <source>Copied</source>
      <translation>تم النسخ</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>نسخ</translation>
    </message>
    <message>
      <source>QR code for your authenticator app</source>
      <translation>رمز QR لتطبيق المصادقة</translation>
    </message>
    <message>
      <source>Set up your authenticator app</source>
      <translation>إعداد تطبيق المصادقة</translation>
    </message>
    <message>
      <source>Turn on</source>
      <translation>تفعيل</translation>
    </message>
  </context>
  <context>
    <name>ActiveFlows</name>
    <message>
      <source>Your active flows don't run in this window: Flowin is already open with the same data (process %1), and only one Flowin at a time can run them. Quit the other Flowin (its window or its icon in the tray), then open Flowin again.</source>
      <translation>لا تعمل تدفقاتك النشطة في هذه النافذة: Flowin مفتوح بالفعل على البيانات نفسها (العملية %1)، ولا يشغّلها إلا Flowin واحد في كل مرة. أغلق Flowin الآخر (نافذته أو أيقونته في شريط النظام)، ثم افتح Flowin من جديد.</translation>
    </message>
    <message>
      <source>Your active flows don't run in this window: Flowin is already open with the same data, and only one Flowin at a time can run them. Quit the other Flowin (its window or its icon in the tray), then open Flowin again.</source>
      <translation>لا تعمل تدفقاتك النشطة في هذه النافذة: Flowin مفتوح بالفعل على البيانات نفسها، ولا يشغّلها إلا Flowin واحد في كل مرة. أغلق Flowin الآخر (نافذته أو أيقونته في شريط النظام)، ثم افتح Flowin من جديد.</translation>
    </message>
    <message>
      <source>Webhooks can't receive events in this window: port %1 is in use by another program, perhaps another Flowin. Close that program, then open Flowin again. Active flows that don't start from a webhook still run.</source>
      <translation>لا يستطيع الويب هوك استقبال الأحداث في هذه النافذة: المنفذ %1 يستخدمه برنامج آخر، ربما Flowin آخر. أغلق ذلك البرنامج، ثم افتح Flowin من جديد. أما التدفقات النشطة التي لا تبدأ من ويب هوك فما زالت تعمل.</translation>
    </message>
  </context>
  <context>
    <name>DamagedDatabase</name>
    <message>
      <source>Flowin's database (%1) is damaged, so Flowin has not opened it.</source>
      <translation>قاعدة بيانات Flowin (%1) تالفة، لذلك لم يفتحها Flowin.</translation>
    </message>
    <message>
      <source>There is no backup of it yet, so Flowin can't repair it. Keep a copy of the file and ask for help.</source>
      <translation>لا توجد نسخة احتياطية منها بعد، لذلك لا يستطيع Flowin إصلاحها. احتفظ بنسخة من الملف واطلب المساعدة.</translation>
    </message>
    <message>
      <source>Flowin can put back its backup of %1. Runs recorded after that day will be missing. The damaged file is kept aside, not deleted.</source>
      <translation>يستطيع Flowin أن يعيد نسخته الاحتياطية من يوم %1. ستكون عمليات التشغيل المسجَّلة بعد ذلك اليوم مفقودة. ويُحتفَظ بالملف التالف جانبًا ولا يُحذَف.</translation>
    </message>
    <message>
      <source>Restore the backup</source>
      <translation>استعادة النسخة الاحتياطية</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>خروج</translation>
    </message>
    <message>
      <source>Flowin can't open its database.</source>
      <translation>لا يستطيع Flowin فتح قاعدة بياناته.</translation>
    </message>
    <message>
      <source>Flowin could not put back the backup.</source>
      <translation>تعذّر على Flowin إعادة النسخة الاحتياطية.</translation>
    </message>
  </context>
</TS>
