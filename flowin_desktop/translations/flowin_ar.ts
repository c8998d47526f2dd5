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
      <source>It runs in your Flowin cloud. To stop it there, open it and choose This computer under Where it runs.</source>
      <translation>يعمل في سحابة Flowin الخاصة بك. لإيقافه هناك، افتحه واختر «هذا الحاسوب» تحت «أين يعمل».</translation>
    </message>
    <message>
      <source>In the cloud</source>
      <translation>في السحابة</translation>
    </message>
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
    <message>
      <source>Browse templates</source>
      <translation>تصفّح القوالب</translation>
    </message>
    <message>
      <source>Export as template…</source>
      <translation>تصدير كقالب…</translation>
    </message>
    <message>
      <source>Save as template…</source>
      <translation>حفظ كقالب…</translation>
    </message>
    <message>
      <source>Start from a ready-made flow</source>
      <translation>ابدأ من تدفق جاهز</translation>
    </message>
    <message>
      <source>Start from an empty canvas or a ready-made template, or import a flow someone shared with you.</source>
      <translation>ابدأ من لوحة فارغة أو من قالب جاهز، أو استورد تدفقًا شاركه أحدهم معك.</translation>
    </message>
    <message>
      <source>Templates</source>
      <translation>القوالب</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Add a service from its API description…</source>
      <translation>إضافة خدمة من وصف واجهتها البرمجية…</translation>
    </message>
    <message>
      <source>Insights</source>
      <translation>الإحصاءات</translation>
    </message>
    <message>
      <source>What your flows did this week, what failed, and the time they saved you</source>
      <translation>ما أنجزته تدفقاتك هذا الأسبوع، وما فشل، والوقت الذي وفّرته لك</translation>
    </message>
    <message>
      <source>More ▾</source>
      <translation>المزيد ▾</translation>
    </message>
    <message>
      <source>Executions, sync, language and theme</source>
      <translation>عمليات التشغيل والمزامنة واللغة والمظهر</translation>
    </message>
    <message>
      <source>Light theme</source>
      <translation>المظهر الفاتح</translation>
    </message>
    <message>
      <source>Something went wrong with what you just did. Your flows keep running; the details are in the log in Flowin's data folder.</source>
      <translation>حدث خطأ في آخر ما فعلته. تدفقاتك مستمرة في العمل، والتفاصيل في السجل داخل مجلد بيانات فلوإن.</translation>
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
      <location filename="../flowin_desktop/main_window.py" line="294" />
      <location filename="../flowin_desktop/main_window.py" line="295" />
      <source>Language</source>
      <translation>اللغة</translation>
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
      <location filename="../flowin_desktop/main_window.py" line="306" />
      <source>Quit Flowin</source>
      <translation>الخروج من فلوإن</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/main_window.py" line="319" />
      <source>Dark theme</source>
      <translation>المظهر الداكن</translation>
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
      <source>Cloud account…</source>
      <translation>الحساب السحابي…</translation>
    </message>
    <message>
      <source>Digits</source>
      <translation>الأرقام</translation>
    </message>
    <message>
      <source>As the language writes them</source>
      <translation>كما تكتبها اللغة</translation>
    </message>
    <message>
      <source>Western (0123)</source>
      <translation>غربية (0123)</translation>
    </message>
    <message>
      <source>Arabic-Indic (٠١٢٣)</source>
      <translation>هندية عربية (٠١٢٣)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;مساعدة</translation>
    </message>
    <message>
      <source>Settings…</source>
      <translation>الإعدادات…</translation>
    </message>
    <message>
      <source>About Flowin</source>
      <translation>حول Flowin</translation>
    </message>
    <message>
      <source>Import template…</source>
      <translation>استيراد قالب…</translation>
    </message>
    <message>
      <source>New flow…</source>
      <translation>تدفق جديد…</translation>
    </message>
    <message>
      <source>Templates</source>
      <translation>القوالب</translation>
    </message>
    <message>
      <source>Your flow is ready: click Test run to try it with sample data.</source>
      <translation>تدفقك جاهز: انقر «تشغيل تجريبي» لتجربته ببيانات نموذجية.</translation>
    </message>
  </context>
  <context>
    <name>Editor</name>
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
      <source>✦ AI: describe your flow</source>
      <translation>✦ الذكاء الاصطناعي: صف تدفقك</translation>
    </message>
    <message>
      <source>Describe a flow in your own words and let Flowin build it</source>
      <translation>صف تدفقًا بكلماتك ودع Flowin يبنيه</translation>
    </message>
    <message>
      <source>Name your flow</source>
      <translation>سمِّ تدفقك</translation>
    </message>
    <message>
      <source>Flow name</source>
      <translation>اسم التدفق</translation>
    </message>
    <message>
      <source>Canvas</source>
      <translation>لوحة التدفق</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>حفظ</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>تراجع</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>إعادة</translation>
    </message>
    <message>
      <source>Cut</source>
      <translation>قص</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>نسخ</translation>
    </message>
    <message>
      <source>Paste</source>
      <translation>لصق</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>تكرار</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>حذف</translation>
    </message>
    <message>
      <source>Select all</source>
      <translation>تحديد الكل</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>تكبير</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>تصغير</translation>
    </message>
    <message>
      <source>Fit to view</source>
      <translation>ملاءمة العرض</translation>
    </message>
    <message>
      <source>Show run log</source>
      <translation>إظهار سجل التشغيل</translation>
    </message>
    <message>
      <source>Test run</source>
      <translation>تشغيل تجريبي</translation>
    </message>
    <message>
      <source>Untitled flow</source>
      <translation>تدفق بلا عنوان</translation>
    </message>
    <message>
      <source>Add step here</source>
      <translation>أضف خطوة هنا</translation>
    </message>
    <message>
      <source>Add a note here</source>
      <translation>أضف ملاحظة هنا</translation>
    </message>
    <message>
      <source>Turn this step on</source>
      <translation>شغّل هذه الخطوة</translation>
    </message>
    <message>
      <source>Turn this step off</source>
      <translation>أوقف هذه الخطوة</translation>
    </message>
    <message>
      <source>Double-click to write a note.</source>
      <translation>انقر مرتين لكتابة ملاحظة.</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>ملاحظة</translation>
    </message>
    <message>
      <source>The clipboard holds no steps to paste.</source>
      <translation>لا توجد خطوات في الحافظة للصقها.</translation>
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
    <name>TestRun</name>
    <message>
      <source>Oops! This flow can't run yet — let's fix it together.</source>
      <translation>عذرًا! لا يمكن تشغيل هذا التدفق بعد — لنصلحه معًا.</translation>
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
      <source>Running…</source>
      <translation>جارٍ التشغيل…</translation>
    </message>
    <message>
      <source>Skipped: %1</source>
      <translation>تم التخطي: %1</translation>
    </message>
    <message>
      <source>Step %1 failed: %2</source>
      <translation>فشلت الخطوة %1: %2</translation>
    </message>
    <message>
      <source>The run failed: %1</source>
      <translation>فشل التشغيل: %1</translation>
    </message>
    <message>
      <source>The run stopped (%1).</source>
      <translation>توقف التشغيل (%1).</translation>
    </message>
    <message>
      <source>The step ran in %1 s.</source>
      <translation>اشتغلت الخطوة في %1 ث.</translation>
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
      <source>Your flow's flying smoothly! Execution time: %1 s</source>
      <translation>تدفقك يعمل بسلاسة! مدة التنفيذ: %1 ث</translation>
    </message>
    <message>
      <source>≡ Step %1 used its example data, as nothing has reached it yet: %2</source>
      <translation>≡ الخطوة %1 استخدمت بيانات المثال، إذ لم يصلها شيء بعد: %2</translation>
    </message>
    <message>
      <source>≡ Step %1 reused its output from the last run: %2</source>
      <translation>≡ الخطوة %1 أعادت استخدام ناتجها من آخر تشغيل: %2</translation>
    </message>
    <message>
      <source>≡ Step %1 used its pinned output: %2</source>
      <translation>≡ الخطوة %1 استخدمت ناتجها المثبّت: %2</translation>
    </message>
    <message>
      <source>▶  Test run</source>
      <translation>▶  تشغيل تجريبي</translation>
    </message>
    <message>
      <source>⚠ Step %1: %2 — trying again</source>
      <translation>⚠ الخطوة %1: %2 — إعادة المحاولة</translation>
    </message>
    <message>
      <source>✓ Step %1 succeeded: %2 (%3 ms)</source>
      <translation>✓ نجحت الخطوة %1: %2 (%3 م.ث)</translation>
    </message>
    <message>
      <source>✕ Step %1 failed: %2</source>
      <translation>✕ فشلت الخطوة %1: %2</translation>
    </message>
  </context>
  <context>
    <name>Saving</name>
    <message>
      <source>Runs in your Flowin cloud account, also when this computer is off. Click to choose where it runs.</source>
      <translation>يعمل في حسابك السحابي على Flowin، حتى عندما يكون هذا الحاسوب مطفأً. انقر لتختار أين يعمل.</translation>
    </message>
    <message>
      <source>☁ In the cloud</source>
      <translation>☁ في السحابة</translation>
    </message>
    <message>
      <source>%1 (my copy)</source>
      <translation>%1 (نسختي)</translation>
    </message>
    <message>
      <source>Activate</source>
      <translation>تفعيل</translation>
    </message>
    <message>
      <source>Active: runs on its own, also when the window is closed. Click to pause.</source>
      <translation>نشِط: يعمل تلقائيًا حتى عند إغلاق النافذة. انقر للإيقاف المؤقت.</translation>
    </message>
    <message>
      <source>Changed elsewhere</source>
      <translation>تغيّر في مكان آخر</translation>
    </message>
    <message>
      <source>Changes from another computer</source>
      <translation>تغييرات من حاسوب آخر</translation>
    </message>
    <message>
      <source>Let this flow run on its own when its trigger fires.</source>
      <translation>دع هذا التدفق يعمل تلقائيًا عندما يُطلَق مشغِّله.</translation>
    </message>
    <message>
      <source>Not saved — will try again</source>
      <translation>لم يُحفظ — ستُعاد المحاولة</translation>
    </message>
    <message>
      <source>Saved</source>
      <translation>تم الحفظ</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
      <source>This flow was changed on another computer; you see the new version.</source>
      <translation>تغيّر هذا التدفق على حاسوب آخر؛ أنت ترى النسخة الجديدة.</translation>
    </message>
    <message>
      <source>Your changes are kept as a new flow: %1</source>
      <translation>حُفظت تغييراتك في تدفق جديد: %1</translation>
    </message>
    <message>
      <source>● Active</source>
      <translation>● نشِط</translation>
    </message>
  </context>
  <context>
    <name>CloudReactions</name>
    <message>
      <source>'%1' was deleted on another computer.</source>
      <translation>حُذف «%1» على حاسوب آخر.</translation>
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
      <source>Start the flow when… (%1)</source>
      <translation>ابدأ التدفق عند… (%1)</translation>
    </message>
    <message>
      <source>Start the flow when…</source>
      <translation>ابدأ التدفق عند…</translation>
    </message>
    <message>
      <source>Basics</source>
      <translation>الأساسيات</translation>
    </message>
    <message>
      <location filename="../flowin_desktop/panels/palette.py" line="75" />
      <source>Triggers</source>
      <translation>المشغِّلات</translation>
    </message>
    <message>
      <source>Add step</source>
      <translation>أضف خطوة</translation>
    </message>
    <message>
      <source>Show every step you can add</source>
      <translation>اعرض كل الخطوات التي يمكنك إضافتها</translation>
    </message>
    <message>
      <source>Hide the steps list</source>
      <translation>أخفِ قائمة الخطوات</translation>
    </message>
  </context>
  <context>
    <name>PropertiesPanel</name>
    <message>
      <source>Minutes saved per run:</source>
      <translation>الدقائق الموفَّرة في كل تشغيل:</translation>
    </message>
    <message>
      <source>Not set</source>
      <translation>غير محدد</translation>
    </message>
    <message>
      <source> min</source>
      <translation> د</translation>
    </message>
    <message>
      <source>How long one run would take you by hand. Insights add it up for every run that works: the time Flowin saves you.</source>
      <translation>كم يستغرقك تشغيل واحد لو قمت به يدويًا. تجمعه الإحصاءات لكل تشغيل ينجح: إنه الوقت الذي يوفّره لك Flowin.</translation>
    </message>
    <message>
      <source>Keep step details only for failed runs</source>
      <translation>الاحتفاظ بتفاصيل الخطوات للتشغيلات الفاشلة فقط</translation>
    </message>
    <message>
      <source>A run that succeeds keeps its start, its data and its end, but not what each step got and gave: less to save for a flow that runs very often.</source>
      <translation>التشغيل الناجح يحتفظ ببدايته وبياناته ونهايته، دون ما استلمته كل خطوة وما أعطته: حفظ أقل لتدفق يعمل كثيرًا جدًا.</translation>
    </message>
    <message>
      <source>Uses: %1</source>
      <translation>يستخدم: %1</translation>
    </message>
    <message>
      <source>Data from earlier steps</source>
      <translation>بيانات الخطوات السابقة</translation>
    </message>
    <message>
      <source>Click a field to put it where you were typing, or drag it into a setting.</source>
      <translation>انقر حقلًا لتضعه حيث كنت تكتب، أو اسحبه إلى أحد الإعدادات.</translation>
    </message>
    <message>
      <source>First click into the setting the field should go in, then click the field.</source>
      <translation>انقر أولًا داخل الإعداد الذي تريد وضع الحقل فيه، ثم انقر الحقل.</translation>
    </message>
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
    <message>
      <source>Use %1 instead</source>
      <translation>استخدم %1 بدلًا منها</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>الحقل</translation>
    </message>
    <message>
      <source>Settings it ran with</source>
      <translation>الإعدادات التي عملت بها</translation>
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
    <message>
      <source>Flowin: %1</source>
      <translation>Flowin: %1</translation>
    </message>
  </context>
  <context>
    <name>FlowDocument</name>
    <message>
      <source>Change the minutes saved per run</source>
      <translation>تغيير الدقائق الموفَّرة في كل تشغيل</translation>
    </message>
    <message>
      <source>Change which runs keep their steps</source>
      <translation>تغيير التشغيلات التي تحتفظ بخطواتها</translation>
    </message>
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
      <source>yes</source>
      <translation>نعم</translation>
    </message>
    <message>
      <source>no</source>
      <translation>لا</translation>
    </message>
    <message>
      <source>on error</source>
      <translation>عند الخطأ</translation>
    </message>
    <message>
      <source>each item</source>
      <translation>لكل عنصر</translation>
    </message>
    <message>
      <source>done</source>
      <translation>انتهى</translation>
    </message>
    <message>
      <source>otherwise</source>
      <translation>غير ذلك</translation>
    </message>
    <message>
      <source>Tidy up</source>
      <translation>ترتيب الخطوات</translation>
    </message>
    <message>
      <source>main</source>
      <translation>الرئيسي</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>Table</source>
      <translation>الجدول</translation>
    </message>
    <message>
      <source>Fields</source>
      <translation>الحقول</translation>
    </message>
    <message>
      <source>Token</source>
      <translation>الرمز المميز</translation>
    </message>
    <message>
      <source>Application (client) ID</source>
      <translation>معرّف التطبيق (العميل)</translation>
    </message>
    <message>
      <source>From your app registration in the Microsoft Entra admin center (App registrations → Overview).</source>
      <translation>من تسجيل تطبيقك في مركز إدارة Microsoft Entra (تسجيلات التطبيقات ← نظرة عامة).</translation>
    </message>
    <message>
      <source>Client secret</source>
      <translation>سر العميل</translation>
    </message>
    <message>
      <source>Only for a web app registration; a desktop (public) app needs none.</source>
      <translation>لتسجيل تطبيق ويب فقط؛ تطبيق سطح المكتب (العام) لا يحتاجه.</translation>
    </message>
    <message>
      <source>New text</source>
      <translation>النص الجديد</translation>
    </message>
    <message>
      <source>Header</source>
      <translation>الترويسة</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>التعليق</translation>
    </message>
    <message>
      <source>Buttons</source>
      <translation>الأزرار</translation>
    </message>
    <message>
      <source>any</source>
      <translation>أي حالة</translation>
    </message>
    <message>
      <source>API key</source>
      <translation>مفتاح API</translation>
    </message>
    <message>
      <source>Body</source>
      <translation>المحتوى</translation>
    </message>
    <message>
      <source>Headers</source>
      <translation>الترويسات</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>الطريقة</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>كلمة المرور</translation>
    </message>
    <message>
      <source>Time zone</source>
      <translation>المنطقة الزمنية</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>الوحدة</translation>
    </message>
    <message>
      <source>Username</source>
      <translation>اسم المستخدم</translation>
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
      <source>none</source>
      <translation>بلا</translation>
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
      <source>Webhook signing secret</source>
      <translation>سرّ توقيع الويب هوك</translation>
    </message>
    <message>
      <source>Bot token</source>
      <translation>رمز البوت</translation>
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
      <source>text</source>
      <translation>نص</translation>
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
      <source>Check every (seconds)</source>
      <translation>التحقق كل (ثانية)</translation>
    </message>
    <message>
      <source>At most</source>
      <translation>الحد الأقصى</translation>
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
      <source>E-mail</source>
      <translation>البريد الإلكتروني</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>الهاتف</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>الرسالة</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>File name</source>
      <translation>اسم الملف</translation>
    </message>
    <message>
      <source>e.g. invoice.pdf</source>
      <translation>مثل invoice.pdf</translation>
    </message>
    <message>
      <source>Content (base64)</source>
      <translation>المحتوى (base64)</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>الرابط</translation>
    </message>
    <message>
      <source>An https:// link to download the file from.</source>
      <translation>رابط https:// يُنزَّل منه الملف.</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>النوع</translation>
    </message>
    <message>
      <source>e.g. application/pdf; guessed if empty.</source>
      <translation>مثل application/pdf؛ يُخمَّن إن تُرك فارغًا.</translation>
    </message>
    <message>
      <source>Secret key</source>
      <translation>المفتاح السري</translation>
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
      <source>Amount to pay</source>
      <translation>المبلغ المطلوب</translation>
    </message>
    <message>
      <source>Currency</source>
      <translation>العملة</translation>
    </message>
    <message>
      <source>After paying, go to</source>
      <translation>بعد الدفع، انتقل إلى</translation>
    </message>
    <message>
      <source>Store address</source>
      <translation>عنوان المتجر</translation>
    </message>
    <message>
      <source>Store</source>
      <translation>المتجر</translation>
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
      <source>cancelled</source>
      <translation>ملغى</translation>
    </message>
    <message>
      <source>pending</source>
      <translation>قيد الانتظار</translation>
    </message>
    <message>
      <source>refunded</source>
      <translation>مُسترَد</translation>
    </message>
    <message>
      <source>Created after</source>
      <translation>أُنشئ بعد</translation>
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
      <source>Note</source>
      <translation>ملاحظة</translation>
    </message>
    <message>
      <source>Created from</source>
      <translation>أُنشئ منذ</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>اللغة</translation>
    </message>
    <message>
      <source>Webhook secret</source>
      <translation>سر الويب هوك</translation>
    </message>
    <message>
      <source>A date, e.g. 2024-03-01; empty for no limit.</source>
      <translation>تاريخ، مثل 2024-03-01؛ اتركه فارغًا بلا حد.</translation>
    </message>
    <message>
      <source>Created until</source>
      <translation>أُنشئ حتى</translation>
    </message>
    <message>
      <source>A date, e.g. 2024-03-31; empty for no limit.</source>
      <translation>تاريخ، مثل 2024-03-31؛ اتركه فارغًا بلا حد.</translation>
    </message>
    <message>
      <source>New status</source>
      <translation>الحالة الجديدة</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>الجوال</translation>
    </message>
    <message>
      <source>Expires after (hours)</source>
      <translation>تنتهي صلاحيته بعد (ساعات)</translation>
    </message>
    <message>
      <source>Customer's first name</source>
      <translation>الاسم الأول للعميل</translation>
    </message>
    <message>
      <source>Customer's last name</source>
      <translation>اسم عائلة العميل</translation>
    </message>
    <message>
      <source>Customer's e-mail</source>
      <translation>بريد العميل الإلكتروني</translation>
    </message>
    <message>
      <source>Customer's phone</source>
      <translation>هاتف العميل</translation>
    </message>
    <message>
      <source>Send payment updates to</source>
      <translation>أرسل تحديثات الدفع إلى</translation>
    </message>
    <message>
      <source>Order reference</source>
      <translation>مرجع الطلب</translation>
    </message>
    <message>
      <source>completed</source>
      <translation>مكتمل</translation>
    </message>
    <message>
      <source>delivered</source>
      <translation>تم التوصيل</translation>
    </message>
    <message>
      <source>canceled</source>
      <translation>ملغى</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>فشلت</translation>
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
    <message>
      <source>Advanced: edit as text</source>
      <translation>متقدّم: عدّل كنص</translation>
    </message>
    <message>
      <source>Not set</source>
      <translation>غير محدَّد</translation>
    </message>
    <message>
      <source>Set</source>
      <translation>محدَّد</translation>
    </message>
  </context>
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Developer</source>
      <translation>المطوّرون</translation>
    </message>
    <message>
      <source>Triggers</source>
      <translation>المشغِّلات</translation>
    </message>
    <message>
      <source>Communication</source>
      <translation>التواصل</translation>
    </message>
    <message>
      <source>Productivity</source>
      <translation>الإنتاجية</translation>
    </message>
    <message>
      <source>Imported</source>
      <translation>خدمات مضافة</translation>
    </message>
    <message>
      <source>AI</source>
      <translation>الذكاء الاصطناعي</translation>
    </message>
    <message>
      <source>E-commerce</source>
      <translation>التجارة الإلكترونية</translation>
    </message>
    <message>
      <source>Payments</source>
      <translation>المدفوعات</translation>
    </message>
    <message>
      <source>Reads one order by its ID.</source>
      <translation>يقرأ طلبًا واحدًا بمعرّفه.</translation>
    </message>
    <message>
      <source>Lists orders by status and date, following every page up to a limit.</source>
      <translation>يعرض الطلبات حسب الحالة والتاريخ، متتبعًا كل الصفحات حتى حدٍّ أقصى.</translation>
    </message>
  </context>
  <context>
    <name>ExecutionsView</name>
    <message>
      <source>%1 · %2 · %3 · in the cloud</source>
      <translation>%1 · %2 · %3 · في السحابة</translation>
    </message>
    <message>
      <source>Ran in the cloud, not on this computer</source>
      <translation>جرى هذا التشغيل في السحابة، لا على هذا الحاسوب</translation>
    </message>
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
      <source>Run again</source>
      <translation>تشغيل مرة أخرى</translation>
    </message>
    <message>
      <source>Run the flow again with the same data.</source>
      <translation>تشغيل التدفق مرة أخرى بالبيانات نفسها.</translation>
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
    <message>
      <source>Field</source>
      <translation>الحقل</translation>
    </message>
    <message>
      <source>Settings it ran with</source>
      <translation>الإعدادات التي عملت بها</translation>
    </message>
    <message>
      <source>Not run: flow was off</source>
      <translation>لم يُشغَّل: كان التدفق متوقفًا</translation>
    </message>
    <message>
      <source>Fix now</source>
      <translation>أصلِحه الآن</translation>
    </message>
    <message>
      <source>Open the flow at the step that failed</source>
      <translation>افتح التدفق عند الخطوة التي فشلت</translation>
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
      <source>I won't build this</source>
      <translation>لن أبني هذا</translation>
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
      <source>What I can't do yet:</source>
      <translation>ما لا أستطيعه بعد:</translation>
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
      <source>This flow already starts with %1. Keep it, or start with %2?</source>
      <translation>يبدأ هذا التدفق بالفعل بـ %1. هل تبقيه، أم تبدأ بـ %2؟</translation>
    </message>
    <message>
      <source>Apply, keep %1</source>
      <translation>طبّق مع إبقاء %1</translation>
    </message>
    <message>
      <source>Apply, start with %1</source>
      <translation>طبّق وابدأ بـ %1</translation>
    </message>
  </context>
  <context>
    <name>ProposalEdits</name>
    <message>
      <source>Add %1</source>
      <translation>إضافة %1</translation>
    </message>
    <message>
      <source>Add the proposed flow</source>
      <translation>إضافة التدفق المقترح</translation>
    </message>
  </context>
  <context>
    <name>Preview</name>
    <message>
      <source>Only if</source>
      <translation>فقط إذا</translation>
    </message>
    <message>
      <source>Then</source>
      <translation>ثم</translation>
    </message>
    <message>
      <source>When</source>
      <translation>عندما</translation>
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
      <source>Connected to {place} as {who}.</source>
      <translation>تم الاتصال بـ {place} باسم {who}.</translation>
    </message>
    <message>
      <source>Signed in to {who}; Flowin can use Google Sheets.</source>
      <translation>تم تسجيل الدخول إلى {who}، ويستطيع Flowin استخدام Google Sheets.</translation>
    </message>
    <message>
      <source>Connected to {place}.</source>
      <translation>تم الاتصال بـ {place}.</translation>
    </message>
    <message>
      <source>Connected as {who}.</source>
      <translation>تم الاتصال باسم {who}.</translation>
    </message>
    <message>
      <source>Flowin can't read {path}: {reason}.</source>
      <translation>لا يستطيع Flowin قراءة {path}: {reason}.</translation>
    </message>
    <message>
      <source>{file} is neither JSON nor YAML ({reason}).</source>
      <translation>الملف {file} ليس JSON ولا YAML ({reason}).</translation>
    </message>
    <message>
      <source>{file} is not an API description: it has no 'paths'. Save the API's OpenAPI file (openapi.json or .yaml) and import that.</source>
      <translation>الملف {file} ليس وصفًا لواجهة برمجية: لا يحتوي على 'paths'. احفظ ملف OpenAPI الخاص بالخدمة (openapi.json أو ‎.yaml) واستورده.</translation>
    </message>
    <message>
      <source>{file} is not an OpenAPI 3 description (Swagger 2.0: convert it to OpenAPI 3 first); Flowin reads OpenAPI 3.0 and 3.1.</source>
      <translation>الملف {file} ليس وصف OpenAPI 3 ‏(Swagger 2.0: حوّله إلى OpenAPI 3 أولًا)؛ يقرأ Flowin الإصدارين OpenAPI 3.0 و3.1.</translation>
    </message>
    <message>
      <source>{file} is not an OpenAPI 3 description; Flowin reads OpenAPI 3.0 and 3.1.</source>
      <translation>الملف {file} ليس وصف OpenAPI 3؛ يقرأ Flowin الإصدارين OpenAPI 3.0 و3.1.</translation>
    </message>
    <message>
      <source>{file} points to a part it doesn't have ({part}).</source>
      <translation>الملف {file} يشير إلى جزء غير موجود فيه ({part}).</translation>
    </message>
    <message>
      <source>'{id}' can't name a connector: use lowercase letters, digits and _, starting with a letter.</source>
      <translation>لا يصلح '{id}' اسمًا لخدمة: استخدم حروفًا إنجليزية صغيرة وأرقامًا و_، مبتدئًا بحرف.</translation>
    </message>
    <message>
      <source>Flowin already has a connector called '{id}'; choose another name (--id).</source>
      <translation>لدى Flowin خدمة باسم '{id}' بالفعل؛ اختر اسمًا آخر ‎(--id).</translation>
    </message>
    <message>
      <source>None of the description's operations can become a step{why}; check --tag and --operation.</source>
      <translation>لا يمكن أن تصبح أي عملية في الوصف خطوة{why}؛ راجع ‎--tag و‎--operation.</translation>
    </message>
    <message>
      <source>No service called '{id}' was added from a description.</source>
      <translation>لم تُضف خدمة باسم '{id}' من وصف.</translation>
    </message>
    <message>
      <source>Can't reach the sign-in server {host} ({reason}); check the internet connection.</source>
      <translation>تعذّر الوصول إلى خادم تسجيل الدخول {host} ({reason}): تحقّق من اتصال الإنترنت.</translation>
    </message>
    <message>
      <source>The sign-in server had a problem ({status}).</source>
      <translation>واجه خادم تسجيل الدخول مشكلة ({status}).</translation>
    </message>
    <message>
      <source>The account's sign-in has expired or was revoked; reconnect the account.</source>
      <translation>انتهى تسجيل دخول الحساب أو أُلغي: أعد ربط الحساب.</translation>
    </message>
    <message>
      <source>The account's sign-in has expired or was revoked ({detail}); reconnect the account.</source>
      <translation>انتهى تسجيل دخول الحساب أو أُلغي ({detail}): أعد ربط الحساب.</translation>
    </message>
    <message>
      <source>The sign-in server doesn't accept this client ID or secret; check them in the account's settings.</source>
      <translation>لا يقبل خادم تسجيل الدخول معرّف العميل أو سرّه: راجعهما في إعدادات الحساب.</translation>
    </message>
    <message>
      <source>The sign-in server doesn't accept this client ID or secret ({detail}); check them in the account's settings.</source>
      <translation>لا يقبل خادم تسجيل الدخول معرّف العميل أو سرّه ({detail}): راجعهما في إعدادات الحساب.</translation>
    </message>
    <message>
      <source>The sign-in server refused the request: {reason}.</source>
      <translation>رفض خادم تسجيل الدخول الطلب: {reason}.</translation>
    </message>
    <message>
      <source>Can't open {file}: {reason}.</source>
      <translation>تعذّر فتح {file}: {reason}.</translation>
    </message>
    <message>
      <source>{file} is not a Flowin template file: it is not readable as JSON. Ask whoever sent it to export the template again.</source>
      <translation>الملف {file} ليس ملف قالب من Flowin: تعذّرت قراءته. اطلب ممن أرسله أن يصدّر القالب مرة أخرى.</translation>
    </message>
    <message>
      <source>{file} is not a Flowin template file. It looks like a flow: import it with Import… on the home screen (or 'flowin flows import').</source>
      <translation>الملف {file} ليس ملف قالب من Flowin، بل يبدو تدفقًا: استورده بزر «استيراد…» في الشاشة الرئيسية (أو بالأمر flowin flows import).</translation>
    </message>
    <message>
      <source>{file} is not a Flowin template file.</source>
      <translation>الملف {file} ليس ملف قالب من Flowin.</translation>
    </message>
    <message>
      <source>{file} is an incomplete template file: its flow or its details are missing.</source>
      <translation>الملف {file} قالب ناقص: ينقصه التدفق أو تفاصيله.</translation>
    </message>
    <message>
      <source>The flow inside {file} can't be read. {reason}</source>
      <translation>تعذّرت قراءة التدفق الذي في {file}. {reason}</translation>
    </message>
    <message>
      <source>{file} uses steps this Flowin doesn't have ({types}); update Flowin or add their connectors, then import it again.</source>
      <translation>يستخدم الملف {file} خطوات لا يعرفها Flowin هذا ({types}): حدّث Flowin أو أضف موصّلاتها، ثم استورده مرة أخرى.</translation>
    </message>
    <message>
      <source>Flowin's cloud does not call addresses inside private networks: {host}. Run this flow on your computer to reach it.</source>
      <translation>سحابة Flowin لا تتصل بعناوين داخل الشبكات الخاصة: {host}. شغّل هذا التدفق على جهازك للوصول إليه.</translation>
    </message>
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
    <message>
      <source>, </source>
      <translation>، </translation>
    </message>
    <message>
      <source>Not run: the flow was switched off (or deleted) when this request came in through its public address. Switch it on and retry this run to run it.</source>
      <translation>لم يُشغَّل: كان التدفق متوقفًا (أو محذوفًا) عندما وصل هذا الطلب عبر عنوانه المباشر. شغّل التدفق ثم أعد هذا التشغيل لتنفيذه.</translation>
    </message>
    <message>
      <source>Refused when it came in through the public address: {reason}</source>
      <translation>رُفض عند وصوله عبر العنوان المباشر: {reason}</translation>
    </message>
    <message>
      <source>{service}: the request's signature doesn't match the webhook signing secret saved in Flowin, so it was ignored. If {service} really sent it, copy the signing secret again from {service} into its account in Flowin.</source>
      <translation>{service}: توقيع الطلب لا يطابق سرّ توقيع الويب هوك المحفوظ في Flowin، لذا تم تجاهله. إن كان {service} قد أرسله فعلًا، فانسخ سرّ التوقيع من {service} مرة أخرى إلى حسابه في Flowin.</translation>
    </message>
    <message>
      <source>{service}: no signing secret is saved in its account in Flowin, so Flowin can't tell whether the request really came from {service}.</source>
      <translation>{service}: لا يوجد سرّ توقيع للويب هوك محفوظ في حسابه في Flowin، لذا لا يستطيع Flowin التأكد من أن الطلب جاء فعلًا من {service}.</translation>
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
    <message numerus="yes">
      <source>%n events wait in your cloud account for this computer. They stay there for 72 hours and arrive when this computer signs in again. Sign out?</source>
      <translation>
        <numerusform>لا ينتظر أي حدث (%n) في حسابك السحابي هذا الحاسوب. تبقى الأحداث هناك 72 ساعة وتصل عندما يسجّل هذا الحاسوب الدخول مرة أخرى. هل تريد تسجيل الخروج؟</numerusform>
        <numerusform>حدث واحد ينتظر هذا الحاسوب في حسابك السحابي. يبقى هناك 72 ساعة ويصل عندما يسجّل هذا الحاسوب الدخول مرة أخرى. هل تريد تسجيل الخروج؟</numerusform>
        <numerusform>حدثان ينتظران هذا الحاسوب في حسابك السحابي. يبقيان هناك 72 ساعة ويصلان عندما يسجّل هذا الحاسوب الدخول مرة أخرى. هل تريد تسجيل الخروج؟</numerusform>
        <numerusform>%n أحداث تنتظر هذا الحاسوب في حسابك السحابي. تبقى هناك 72 ساعة وتصل عندما يسجّل هذا الحاسوب الدخول مرة أخرى. هل تريد تسجيل الخروج؟</numerusform>
        <numerusform>%n حدثًا ينتظر هذا الحاسوب في حسابك السحابي. تبقى هناك 72 ساعة وتصل عندما يسجّل هذا الحاسوب الدخول مرة أخرى. هل تريد تسجيل الخروج؟</numerusform>
        <numerusform>%n حدث ينتظر هذا الحاسوب في حسابك السحابي. تبقى هناك 72 ساعة وتصل عندما يسجّل هذا الحاسوب الدخول مرة أخرى. هل تريد تسجيل الخروج؟</numerusform>
      </translation>
    </message>
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
  <context>
    <name>WebhookAddressBox</name>
    <message>
      <source>Web address</source>
      <translation>عنوان الويب</translation>
    </message>
    <message>
      <source>Test address (on this computer)</source>
      <translation>عنوان الاختبار (على هذا الحاسوب)</translation>
    </message>
    <message>
      <source>Live address (from the internet)</source>
      <translation>العنوان المباشر (من الإنترنت)</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>نسخ</translation>
    </message>
    <message>
      <source>This computer's public address</source>
      <translation>العنوان العام لهذا الحاسوب</translation>
    </message>
    <message>
      <source>The address answers once the flow is active: click Activate.</source>
      <translation>يستجيب العنوان بعد تفعيل التدفق: اضغط «تفعيل».</translation>
    </message>
    <message>
      <source>Services on the internet reach the live address. It is this computer's public address (from a tunnel such as Cloudflare Tunnel or ngrok), followed by the flow's path:</source>
      <translation>تصل الخدمات على الإنترنت إلى العنوان المباشر، وهو العنوان العام لهذا الحاسوب (من نفق مثل Cloudflare Tunnel أو ngrok) يليه مسار التدفق:</translation>
    </message>
    <message>
      <source>Services on the internet can't reach this computer's own address. Give Flowin this computer's public address (from a tunnel such as Cloudflare Tunnel or ngrok) to get the live address:</source>
      <translation>لا تستطيع الخدمات على الإنترنت الوصول إلى عنوان هذا الحاسوب نفسه. أعطِ Flowin العنوان العام لهذا الحاسوب (من نفق مثل Cloudflare Tunnel أو ngrok) لتحصل على العنوان المباشر:</translation>
    </message>
    <message>
      <source>Copied: paste it into the service's webhook settings.</source>
      <translation>نُسخ: الصقه في إعدادات الويب هوك لدى الخدمة.</translation>
    </message>
    <message>
      <source>Get a new address</source>
      <translation>احصل على عنوان جديد</translation>
    </message>
    <message>
      <source>Give this address to the service. Your Flowin cloud account receives what the service sends and keeps it until this computer takes it, so nothing is lost while the computer is off.</source>
      <translation>أعطِ هذا العنوان للخدمة. يستقبل حسابك السحابي في Flowin ما ترسله الخدمة ويحتفظ به حتى يتسلّمه هذا الحاسوب، فلا يضيع شيء وهو مطفأ.</translation>
    </message>
    <message>
      <source>The live address shows here once the flow is active and Flowin has reached your cloud account.</source>
      <translation>يظهر العنوان المباشر هنا بعد تفعيل التدفق واتصال Flowin بحسابك السحابي.</translation>
    </message>
    <message>
      <source>This trigger answers when the flow is done. Through the live address the service waits a few seconds for that answer; if the flow takes longer, the service is told its request was accepted, and the flow still runs.</source>
      <translation>يرد هذا المشغِّل عند انتهاء التدفق. عبر العنوان المباشر تنتظر الخدمة هذا الرد بضع ثوانٍ؛ فإن استغرق التدفق وقتًا أطول، تُبلَّغ الخدمة بأن طلبها قُبِل، ويواصل التدفق عمله.</translation>
    </message>
    <message>
      <source>Services on the internet can't reach this computer by themselves. Sign in to a Flowin cloud account and this trigger gets a live address they can send to, even while the computer is off.</source>
      <translation>لا تستطيع الخدمات على الإنترنت الوصول إلى هذا الحاسوب بنفسها. سجّل الدخول إلى حساب Flowin السحابي ليحصل هذا المشغِّل على عنوان مباشر ترسل إليه، حتى وهذا الحاسوب مطفأ.</translation>
    </message>
    <message>
      <source>Sign in to your cloud account…</source>
      <translation>سجّل الدخول إلى حسابك السحابي…</translation>
    </message>
    <message>
      <source>Use my own tunnel instead (advanced)</source>
      <translation>استخدم نفقي الخاص بدلًا من ذلك (متقدم)</translation>
    </message>
    <message>
      <source>Get a new address?</source>
      <translation>الحصول على عنوان جديد؟</translation>
    </message>
    <message>
      <source>The current live address stops working at once. Whatever the service sends there afterwards is refused, so give the service the new address straight away.</source>
      <translation>يتوقف العنوان المباشر الحالي عن العمل فورًا، ويُرفض كل ما ترسله الخدمة إليه بعد ذلك، لذا أعطِ الخدمة العنوان الجديد على الفور.</translation>
    </message>
    <message>
      <source>Getting a new address…</source>
      <translation>جارٍ الحصول على عنوان جديد…</translation>
    </message>
    <message>
      <source>This is the new address: copy it into the service's webhook settings. The old one no longer works.</source>
      <translation>هذا هو العنوان الجديد: انسخه إلى إعدادات الويب هوك في الخدمة. العنوان القديم لم يعد يعمل.</translation>
    </message>
    <message>
      <source>Flowin couldn't get a new address: your cloud account can't be reached now. The current address still works; try again shortly.</source>
      <translation>تعذّر على Flowin الحصول على عنوان جديد: لا يمكن الوصول إلى حسابك السحابي الآن. العنوان الحالي ما زال يعمل؛ حاول مرة أخرى بعد قليل.</translation>
    </message>
    <message>
      <source>Flowin can't reach your cloud account now, so the live address can't show yet. It keeps trying; the flow still works on this computer.</source>
      <translation>لا يستطيع Flowin الوصول إلى حسابك السحابي الآن، لذا لا يمكن عرض العنوان المباشر بعد. سيواصل المحاولة، والتدفق ما زال يعمل على هذا الحاسوب.</translation>
    </message>
  </context>
  <context>
    <name>RulesEditor</name>
    <message>
      <source>+ Add case</source>
      <translation>+ أضف حالة</translation>
    </message>
    <message>
      <source>+ Add field</source>
      <translation>+ أضف حقلًا</translation>
    </message>
    <message>
      <source>+ Add group</source>
      <translation>+ أضف مجموعة</translation>
    </message>
    <message>
      <source>+ Add row</source>
      <translation>+ أضف صفًا</translation>
    </message>
    <message>
      <source>+ Add value</source>
      <translation>+ أضف قيمة</translation>
    </message>
    <message>
      <source>+ Add rule</source>
      <translation>+ أضف قاعدة</translation>
    </message>
    <message>
      <source>Compare with</source>
      <translation>قارن بـ</translation>
    </message>
    <message>
      <source>Group: true when</source>
      <translation>المجموعة: صحيحة عندما</translation>
    </message>
    <message>
      <source>Match upper and lower case: when off, 'Paid' and 'paid' count as the same.</source>
      <translation>طابق الأحرف الكبيرة والصغيرة: عند إيقافه تُعدّ 'Paid' و'paid' نصًا واحدًا.</translation>
    </message>
    <message>
      <source>Remove this row</source>
      <translation>احذف هذا الصف</translation>
    </message>
    <message>
      <source>True when</source>
      <translation>صحيح عندما</translation>
    </message>
    <message>
      <source>Value to check</source>
      <translation>القيمة المراد فحصها</translation>
    </message>
    <message>
      <source>all of these rules hold</source>
      <translation>تتحقق كل هذه القواعد</translation>
    </message>
    <message>
      <source>any of these rules holds</source>
      <translation>تتحقق أي قاعدة منها</translation>
    </message>
    <message>
      <source>contains</source>
      <translation>يحتوي على</translation>
    </message>
    <message>
      <source>does not contain</source>
      <translation>لا يحتوي على</translation>
    </message>
    <message>
      <source>does not equal</source>
      <translation>لا يساوي</translation>
    </message>
    <message>
      <source>does not have the item</source>
      <translation>لا تضم العنصر</translation>
    </message>
    <message>
      <source>starts with</source>
      <translation>يبدأ بـ</translation>
    </message>
    <message>
      <source>ends with</source>
      <translation>ينتهي بـ</translation>
    </message>
    <message>
      <source>equals</source>
      <translation>يساوي</translation>
    </message>
    <message>
      <source>has items</source>
      <translation>فيها عناصر</translation>
    </message>
    <message>
      <source>has no items</source>
      <translation>ليس فيها عناصر</translation>
    </message>
    <message>
      <source>has the item</source>
      <translation>تضم العنصر</translation>
    </message>
    <message>
      <source>is after</source>
      <translation>بعد</translation>
    </message>
    <message>
      <source>is at least</source>
      <translation>لا يقل عن</translation>
    </message>
    <message>
      <source>is at most</source>
      <translation>لا يزيد على</translation>
    </message>
    <message>
      <source>is before</source>
      <translation>قبل</translation>
    </message>
    <message>
      <source>is empty</source>
      <translation>فارغ</translation>
    </message>
    <message>
      <source>is equal to</source>
      <translation>يساوي</translation>
    </message>
    <message>
      <source>is greater than (after)</source>
      <translation>أكبر من (بعد)</translation>
    </message>
    <message>
      <source>is greater than</source>
      <translation>أكبر من</translation>
    </message>
    <message>
      <source>is less than (before)</source>
      <translation>أصغر من (قبل)</translation>
    </message>
    <message>
      <source>is less than</source>
      <translation>أصغر من</translation>
    </message>
    <message>
      <source>is no</source>
      <translation>لا (خطأ)</translation>
    </message>
    <message>
      <source>is not empty</source>
      <translation>ليس فارغًا</translation>
    </message>
    <message>
      <source>is not equal to</source>
      <translation>لا يساوي</translation>
    </message>
    <message>
      <source>is not on</source>
      <translation>ليس في يوم</translation>
    </message>
    <message>
      <source>is not</source>
      <translation>لا يساوي</translation>
    </message>
    <message>
      <source>is on or after</source>
      <translation>في يوم أو بعده</translation>
    </message>
    <message>
      <source>is on or before</source>
      <translation>في يوم أو قبله</translation>
    </message>
    <message>
      <source>is on</source>
      <translation>في يوم</translation>
    </message>
    <message>
      <source>is yes</source>
      <translation>نعم (صحيح)</translation>
    </message>
    <message>
      <source>is</source>
      <translation>يساوي</translation>
    </message>
    <message>
      <source>does not start with</source>
      <translation>لا يبدأ بـ</translation>
    </message>
    <message>
      <source>does not end with</source>
      <translation>لا ينتهي بـ</translation>
    </message>
    <message>
      <source>does not match the pattern</source>
      <translation>لا يطابق النمط</translation>
    </message>
    <message>
      <source>matches the pattern</source>
      <translation>يطابق النمط</translation>
    </message>
    <message>
      <source>→</source>
      <translation>←</translation>
    </message>
  </context>
  <context>
    <name>DataFields</name>
    <message>
      <source>Action</source>
      <translation>الإجراء</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>العنوان</translation>
    </message>
    <message>
      <source>At</source>
      <translation>الوقت</translation>
    </message>
    <message>
      <source>Board id</source>
      <translation>معرّف اللوحة</translation>
    </message>
    <message>
      <source>Board name</source>
      <translation>اسم اللوحة</translation>
    </message>
    <message>
      <source>By</source>
      <translation>بواسطة</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>البطاقة</translation>
    </message>
    <message>
      <source>Card id</source>
      <translation>معرّف البطاقة</translation>
    </message>
    <message>
      <source>Card url</source>
      <translation>رابط البطاقة</translation>
    </message>
    <message>
      <source>Created time</source>
      <translation>وقت الإنشاء</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>التاريخ</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>موعد الاستحقاق</translation>
    </message>
    <message>
      <source>Fields</source>
      <translation>الحقول</translation>
    </message>
    <message>
      <source>First</source>
      <translation>الأول</translation>
    </message>
    <message>
      <source>From list id</source>
      <translation>معرّف القائمة السابقة</translation>
    </message>
    <message>
      <source>From list name</source>
      <translation>اسم القائمة السابقة</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>التسميات</translation>
    </message>
    <message>
      <source>List id</source>
      <translation>معرّف القائمة</translation>
    </message>
    <message>
      <source>List name</source>
      <translation>اسم القائمة</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>الأعضاء</translation>
    </message>
    <message>
      <source>Records</source>
      <translation>السجلات</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>النص</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>النوع</translation>
    </message>
    <message>
      <source>Age in minutes</source>
      <translation>العمر بالدقائق</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>المبلغ</translation>
    </message>
    <message>
      <source>Card brand</source>
      <translation>نوع البطاقة</translation>
    </message>
    <message>
      <source>Card last four</source>
      <translation>آخر أربعة أرقام من البطاقة</translation>
    </message>
    <message>
      <source>Card name</source>
      <translation>الاسم على البطاقة</translation>
    </message>
    <message>
      <source>Card number</source>
      <translation>رقم البطاقة</translation>
    </message>
    <message>
      <source>Cart</source>
      <translation>السلة</translation>
    </message>
    <message>
      <source>Charge</source>
      <translation>عملية الدفع</translation>
    </message>
    <message>
      <source>Charge id</source>
      <translation>معرّف عملية الدفع</translation>
    </message>
    <message>
      <source>Checkout url</source>
      <translation>رابط إتمام الشراء</translation>
    </message>
    <message>
      <source>City</source>
      <translation>المدينة</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>الرمز</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>العدد</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>تاريخ الإنشاء</translation>
    </message>
    <message>
      <source>Created at</source>
      <translation>تاريخ الإنشاء</translation>
    </message>
    <message>
      <source>Currency</source>
      <translation>العملة</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>العميل</translation>
    </message>
    <message>
      <source>Customer email</source>
      <translation>بريد العميل</translation>
    </message>
    <message>
      <source>Customer name</source>
      <translation>اسم العميل</translation>
    </message>
    <message>
      <source>Customer phone</source>
      <translation>جوال العميل</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>الوصف</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>البريد الإلكتروني</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>الحدث</translation>
    </message>
    <message>
      <source>Event id</source>
      <translation>معرّف الحدث</translation>
    </message>
    <message>
      <source>Event type</source>
      <translation>نوع الحدث</translation>
    </message>
    <message>
      <source>Expires</source>
      <translation>ينتهي في</translation>
    </message>
    <message>
      <source>First name</source>
      <translation>الاسم الأول</translation>
    </message>
    <message>
      <source>Id</source>
      <translation>المعرّف</translation>
    </message>
    <message>
      <source>Intention id</source>
      <translation>معرّف نية الدفع</translation>
    </message>
    <message>
      <source>Invoice</source>
      <translation>الفاتورة</translation>
    </message>
    <message>
      <source>Invoice id</source>
      <translation>معرّف الفاتورة</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>المنتجات</translation>
    </message>
    <message>
      <source>Last name</source>
      <translation>اسم العائلة</translation>
    </message>
    <message>
      <source>Live</source>
      <translation>دفعة حقيقية</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>الرسالة</translation>
    </message>
    <message>
      <source>Metadata</source>
      <translation>بيانات إضافية</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>طريقة الدفع</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>ملاحظة</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>الرقم</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>الطلب</translation>
    </message>
    <message>
      <source>Order id</source>
      <translation>معرّف الطلب</translation>
    </message>
    <message>
      <source>Order reference</source>
      <translation>مرجع الطلب</translation>
    </message>
    <message>
      <source>Orders</source>
      <translation>الطلبات</translation>
    </message>
    <message>
      <source>Paid at</source>
      <translation>تاريخ الدفع</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>الدفعة</translation>
    </message>
    <message>
      <source>Payment id</source>
      <translation>معرّف الدفعة</translation>
    </message>
    <message>
      <source>Payment method</source>
      <translation>طريقة الدفع</translation>
    </message>
    <message>
      <source>Payment reference</source>
      <translation>مرجع الدفع</translation>
    </message>
    <message>
      <source>Payment status</source>
      <translation>حالة الدفع</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>قيد الانتظار</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>الجوال</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>السعر</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>الكمية</translation>
    </message>
    <message>
      <source>Reference id</source>
      <translation>الرقم المرجعي</translation>
    </message>
    <message>
      <source>Refunded</source>
      <translation>مسترد</translation>
    </message>
    <message>
      <source>Response code</source>
      <translation>رمز الاستجابة</translation>
    </message>
    <message>
      <source>Slug</source>
      <translation>الاسم المختصر</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Status code</source>
      <translation>رمز الحالة</translation>
    </message>
    <message>
      <source>Status slug</source>
      <translation>معرّف الحالة</translation>
    </message>
    <message>
      <source>Success</source>
      <translation>ناجحة</translation>
    </message>
    <message>
      <source>Topic</source>
      <translation>الموضوع</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>الإجمالي</translation>
    </message>
    <message>
      <source>Transaction</source>
      <translation>المعاملة</translation>
    </message>
    <message>
      <source>Transaction id</source>
      <translation>معرّف المعاملة</translation>
    </message>
    <message>
      <source>Url</source>
      <translation>الرابط</translation>
    </message>
    <message>
      <source>Username</source>
      <translation>اسم المستخدم</translation>
    </message>
  </context>
  <context>
    <name>DataTree</name>
    <message>
      <source>%1 items</source>
      <translation>%1 عناصر</translation>
    </message>
    <message>
      <source>1 item</source>
      <translation>عنصر واحد</translation>
    </message>
    <message>
      <source>Example</source>
      <translation>مثال</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>الحقل</translation>
    </message>
    <message>
      <source>Insert data from an earlier step</source>
      <translation>أدرج بيانات من خطوة سابقة</translation>
    </message>
    <message>
      <source>This item</source>
      <translation>العنصر الحالي</translation>
    </message>
    <message>
      <source>This step's input</source>
      <translation>مدخلات هذه الخطوة</translation>
    </message>
    <message>
      <source>Trigger</source>
      <translation>المشغِّل</translation>
    </message>
    <message>
      <source>example data</source>
      <translation>بيانات مثال</translation>
    </message>
    <message>
      <source>item %1</source>
      <translation>العنصر %1</translation>
    </message>
    <message>
      <source>last run</source>
      <translation>آخر تشغيل</translation>
    </message>
    <message>
      <source>no</source>
      <translation>لا</translation>
    </message>
    <message>
      <source>pinned data</source>
      <translation>بيانات مثبّتة</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>نعم</translation>
    </message>
  </context>
  <context>
    <name>CrashReportOffer</name>
    <message>
      <source>Flowin</source>
      <translation>فلوإن</translation>
    </message>
    <message>
      <source>Flowin closed unexpectedly last time. Open the report?</source>
      <translation>أُغلق Flowin على نحوٍ غير متوقع في المرة السابقة. هل تريد فتح التقرير؟</translation>
    </message>
    <message>
      <source>The report says what Flowin was doing. If it happens again, send it to the person who helps you with Flowin. It is kept in %1</source>
      <translation>يوضّح التقرير ما كان Flowin يفعله. إن تكرر ذلك، فأرسله إلى من يساعدك في Flowin. التقرير محفوظ في %1</translation>
    </message>
    <message>
      <source>Open the report</source>
      <translation>افتح التقرير</translation>
    </message>
    <message>
      <source>Not now</source>
      <translation>ليس الآن</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>الإعدادات</translation>
    </message>
    <message>
      <source>Open Flowin when I sign in to this computer</source>
      <translation>افتح Flowin عند تسجيل دخولي إلى هذا الحاسوب</translation>
    </message>
    <message>
      <source>Flowin starts in the tray, so your active flows keep running after the computer restarts.</source>
      <translation>يبدأ Flowin في شريط النظام، فتستمر تدفقاتك النشطة في العمل بعد إعادة تشغيل الحاسوب.</translation>
    </message>
    <message>
      <source>This computer did not let Flowin change that. Try again later.</source>
      <translation>لم يسمح هذا الحاسوب لـ Flowin بتغيير ذلك. حاول مرة أخرى لاحقًا.</translation>
    </message>
    <message>
      <source>Notifications</source>
      <translation>الإشعارات</translation>
    </message>
    <message>
      <source>What you are told about your flows, and where. A flow can have its own choice in its overview.</source>
      <translation>ما تُبلَّغ به عن تدفقاتك، وأين. ويمكن لكل تدفق أن يختار إشعاراته الخاصة في نظرته العامة.</translation>
    </message>
    <message>
      <source>Flowin could not keep these notification settings. Check what you typed.</source>
      <translation>تعذّر على Flowin حفظ إعدادات الإشعارات هذه. تحقّق مما كتبته.</translation>
    </message>
  </context>
  <context>
    <name>AboutDialog</name>
    <message>
      <source>About Flowin</source>
      <translation>حول Flowin</translation>
    </message>
    <message>
      <source>Flowin %1</source>
      <translation>Flowin %1</translation>
    </message>
    <message>
      <source>Connect the tools you use and let the work flow, on your own computer.</source>
      <translation>اربط الأدوات التي تستخدمها ودع العمل يتدفق، على حاسوبك أنت.</translation>
    </message>
    <message>
      <source>Checking for a newer version is off: Flowin asks the cloud account's server, and none is set up.</source>
      <translation>البحث عن إصدار أحدث متوقف: يسأل Flowin خادم الحساب السحابي، ولم يُضبط أي خادم.</translation>
    </message>
    <message>
      <source>Flowin could not ask %1 for a newer version. Check the internet connection.</source>
      <translation>تعذّر على Flowin أن يسأل %1 عن إصدار أحدث. تحقّق من الاتصال بالإنترنت.</translation>
    </message>
    <message>
      <source>Looking for a newer version…</source>
      <translation>جارٍ البحث عن إصدار أحدث…</translation>
    </message>
    <message>
      <source>Flowin %1 is out. Get it where you got Flowin; your flows stay as they are.</source>
      <translation>صدر Flowin %1. نزّله من حيث حصلت على Flowin؛ تبقى تدفقاتك كما هي.</translation>
    </message>
    <message>
      <source>This is the newest Flowin.</source>
      <translation>هذا أحدث إصدار من Flowin.</translation>
    </message>
    <message>
      <source>Fonts</source>
      <translation>الخطوط</translation>
    </message>
    <message>
      <source>SIL Open Font License 1.1</source>
      <translation>رخصة SIL للخطوط المفتوحة 1.1</translation>
    </message>
    <message>
      <source>Libraries</source>
      <translation>المكتبات</translation>
    </message>
    <message>
      <source>Qt is used under the LGPL version 3: you may replace the Qt libraries in the folder Flowin is installed in with your own build of them.</source>
      <translation>تُستخدم Qt بموجب الإصدار 3 من رخصة LGPL: يمكنك استبدال مكتبات Qt في المجلد المثبَّت فيه Flowin بنسخة تبنيها أنت منها.</translation>
    </message>
  </context>
<context>
    <name>Example</name>
    <message>
      <source>Welcome: greet a customer</source>
      <translation>مرحبًا: رحّب بعميل</translation>
    </message>
    <message>
      <source>A first flow to try: click Test run and watch each step.</source>
      <translation>تدفق أول للتجربة: اضغط «تشغيل تجريبي» وشاهد كل خطوة.</translation>
    </message>
    <message>
      <source>When I click Run</source>
      <translation>عندما أضغط تشغيل</translation>
    </message>
    <message>
      <source>Layla</source>
      <translation>ليلى</translation>
    </message>
    <message>
      <source>Write the greeting</source>
      <translation>اكتب التحية</translation>
    </message>
    <message>
      <source>Hello {{ trigger.customer_name }}, order #{{ trigger.order_id }} is confirmed</source>
      <translation>أهلًا {{ trigger.customer_name }}، تم تأكيد طلبك رقم {{ trigger.order_id }}</translation>
    </message>
    <message>
      <source>Big order?</source>
      <translation>طلب كبير؟</translation>
    </message>
    <message>
      <source>Add a thank-you gift</source>
      <translation>أضف هدية شكر</translation>
    </message>
    <message>
      <source>Free delivery</source>
      <translation>توصيل مجاني</translation>
    </message>
    <message>
      <source>Plain confirmation</source>
      <translation>تأكيد عادي</translation>
    </message>
    <message>
      <source>none</source>
      <translation>لا شيء</translation>
    </message>
    <message>
      <source>Click Test run and watch each step light up. Then change the total in the trigger's sample data and run it again.</source>
      <translation>اضغط «تشغيل تجريبي» وشاهد كل خطوة تضيء. ثم غيّر المجموع (total) في بيانات المشغّل التجريبية وشغّل التدفق مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>FlowOverview</name>
    <message>
      <source>In the cloud: it runs there whenever its trigger fires, also when this computer is off.</source>
      <translation>في السحابة: يعمل هناك كلما انطلق مشغّله، حتى عندما يكون هذا الحاسوب مطفأً.</translation>
    </message>
    <message>
      <source>This flow: %1</source>
      <translation>هذا التدفق: %1</translation>
    </message>
    <message>
      <source>It has no steps yet: start with a trigger from the list.</source>
      <translation>لا خطوات فيه بعد: ابدأ بمشغّل من القائمة.</translation>
    </message>
    <message>
      <source>Starts with: %1</source>
      <translation>يبدأ بـ: %1</translation>
    </message>
    <message>
      <source>It has no trigger yet: add one from the list (Start the flow when…).</source>
      <translation>لا مشغّل فيه بعد: أضف واحدًا من القائمة (ابدأ التدفق عند…).</translation>
    </message>
    <message>
      <source>Steps (%1):</source>
      <translation>الخطوات (%1):</translation>
    </message>
    <message>
      <source>Active: it runs on its own whenever its trigger fires.</source>
      <translation>مفعّل: يعمل وحده كلما انطلق مشغّله.</translation>
    </message>
    <message>
      <source>Not active: it runs only when you press Test run.</source>
      <translation>غير مفعّل: لا يعمل إلا حين تضغط «تشغيل تجريبي».</translation>
    </message>
    <message>
      <source>Press Test run to try it with sample data.</source>
      <translation>اضغط «تشغيل تجريبي» لتجربته ببيانات نموذجية.</translation>
    </message>
    <message>
      <source>Select a step to see its settings.</source>
      <translation>اختر خطوة لترى إعداداتها.</translation>
    </message>
</context>
  <context>
    <name>FieldRowsEditor</name>
    <message>
      <source>Text</source>
      <translation>نص</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>رقم</translation>
    </message>
    <message>
      <source>Yes / no</source>
      <translation>نعم / لا</translation>
    </message>
    <message>
      <source>Group</source>
      <translation>مجموعة</translation>
    </message>
    <message>
      <source>List</source>
      <translation>قائمة</translation>
    </message>
    <message>
      <source>What kind of value this is</source>
      <translation>نوع هذه القيمة</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>Value, or pick data with { }</source>
      <translation>قيمة، أو اختر بيانات بـ { }</translation>
    </message>
    <message>
      <source>A number</source>
      <translation>رقم</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>نعم</translation>
    </message>
    <message>
      <source>No</source>
      <translation>لا</translation>
    </message>
    <message>
      <source>+ Add field</source>
      <translation>+ أضف حقلًا</translation>
    </message>
    <message>
      <source>+ Add value</source>
      <translation>+ أضف قيمة</translation>
    </message>
    <message>
      <source>+ Add group</source>
      <translation>+ أضف مجموعة</translation>
    </message>
    <message>
      <source>Fields by name</source>
      <translation>حقول بأسمائها</translation>
    </message>
    <message>
      <source>Values in column order</source>
      <translation>قيم بترتيب الأعمدة</translation>
    </message>
    <message>
      <source>One value (text or data from a step)</source>
      <translation>قيمة واحدة (نص أو بيانات من خطوة)</translation>
    </message>
    <message>
      <source>Text, or pick data with { }</source>
      <translation>نص، أو اختر بيانات بـ { }</translation>
    </message>
  </context>
  <context>
    <name>RunTable</name>
    <message>
      <source>no items</source>
      <translation>لا عناصر</translation>
    </message>
    <message>
      <source>1 item</source>
      <translation>عنصر واحد</translation>
    </message>
    <message>
      <source>%1 items</source>
      <translation>%1 عناصر</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>نعم</translation>
    </message>
    <message>
      <source>no</source>
      <translation>لا</translation>
    </message>
    <message>
      <source>Item %1</source>
      <translation>العنصر %1</translation>
    </message>
    <message>
      <source>… and %1 more</source>
      <translation>… و%1 غيرها</translation>
    </message>
    <message>
      <source>too big to keep whole (%1 KB)</source>
      <translation>أكبر من أن يُحفظ كاملًا (%1 ك.ب)</translation>
    </message>
    <message>
      <source>too big to keep whole</source>
      <translation>أكبر من أن يُحفظ كاملًا</translation>
    </message>
    <message>
      <source>Starts with</source>
      <translation>يبدأ بـ</translation>
    </message>
  </context>
  <context>
    <name>WaitingLabel</name>
    <message>
      <source>Events sent to your flows' live addresses wait in your Flowin cloud account until this computer takes them.</source>
      <translation>تنتظر الأحداث المرسلة إلى العناوين المباشرة لتدفقاتك في حساب Flowin السحابي حتى يتسلّمها هذا الحاسوب.</translation>
    </message>
  </context>
  <context>
    <name>RelayWatch</name>
    <message numerus="yes">
      <source>%n events waiting</source>
      <translation>
        <numerusform>%n حدث في الانتظار</numerusform>
        <numerusform>حدث واحد في الانتظار</numerusform>
        <numerusform>حدثان في الانتظار</numerusform>
        <numerusform>%n أحداث في الانتظار</numerusform>
        <numerusform>%n حدثًا في الانتظار</numerusform>
        <numerusform>%n حدث في الانتظار</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>The %n events that waited in your cloud account have arrived; the run history shows what each one did.</source>
      <translation>
        <numerusform>وصل %n حدث كان ينتظر في حسابك السحابي، وسجل التشغيل يبيّن ما جرى لكل منها.</numerusform>
        <numerusform>وصل الحدث الذي كان ينتظر في حسابك السحابي، وسجل التشغيل يبيّن ما جرى له.</numerusform>
        <numerusform>وصل الحدثان اللذان كانا ينتظران في حسابك السحابي، وسجل التشغيل يبيّن ما جرى لكل منهما.</numerusform>
        <numerusform>وصلت %n أحداث كانت تنتظر في حسابك السحابي، وسجل التشغيل يبيّن ما جرى لكل منها.</numerusform>
        <numerusform>وصل %n حدثًا كان ينتظر في حسابك السحابي، وسجل التشغيل يبيّن ما جرى لكل منها.</numerusform>
        <numerusform>وصل %n حدث كان ينتظر في حسابك السحابي، وسجل التشغيل يبيّن ما جرى لكل منها.</numerusform>
      </translation>
    </message>
  </context>
<context>
    <name>CloudRunChoice</name>
    <message>
      <source>They are stored encrypted in your cloud account, opened only to run this flow's steps, and deleted from the cloud when you turn cloud running off.</source>
      <translation>تُحفظ مشفّرة في حسابك السحابي، ولا تُفتح إلا لتشغيل خطوات هذا التدفق، وتُحذف من السحابة عندما توقف التشغيل في السحابة.</translation>
    </message>
    <message>
      <source>Bringing it back to this computer…</source>
      <translation>جارٍ إعادته إلى هذا الحاسوب…</translation>
    </message>
    <message>
      <source>Checking which accounts this flow uses…</source>
      <translation>جارٍ التحقق من الحسابات التي يستخدمها هذا التدفق…</translation>
    </message>
    <message>
      <source>Flowin cloud</source>
      <translation>سحابة Flowin</translation>
    </message>
    <message>
      <source>Keeps running when this computer is off.</source>
      <translation>يستمر في العمل عندما يكون هذا الحاسوب مطفأً.</translation>
    </message>
    <message>
      <source>It runs in your cloud account, also when this computer is off; this computer leaves it to the cloud. Its runs show in Executions.</source>
      <translation>يعمل في حسابك السحابي، حتى عندما يكون هذا الحاسوب مطفأً؛ ويتركه هذا الحاسوب للسحابة. تظهر مرات تشغيله في «عمليات التشغيل».</translation>
    </message>
    <message>
      <source>It runs while Flowin is open or in the tray on this computer.</source>
      <translation>يعمل ما دام Flowin مفتوحًا أو في شريط المهام على هذا الحاسوب.</translation>
    </message>
    <message>
      <source>Run in the Flowin cloud?</source>
      <translation>تشغيله في سحابة Flowin؟</translation>
    </message>
    <message>
      <source>Run in the cloud</source>
      <translation>شغّله في السحابة</translation>
    </message>
    <message>
      <source>Run on this computer again?</source>
      <translation>تشغيله على هذا الحاسوب من جديد؟</translation>
    </message>
    <message>
      <source>Run on this computer</source>
      <translation>شغّله على هذا الحاسوب</translation>
    </message>
    <message>
      <source>Sign in to a cloud account…</source>
      <translation>سجّل الدخول إلى حساب سحابي…</translation>
    </message>
    <message>
      <source>Sign in to your cloud account to bring this flow back to this computer.</source>
      <translation>سجّل الدخول إلى حسابك السحابي لإعادة هذا التدفق إلى هذا الحاسوب.</translation>
    </message>
    <message>
      <source>This computer</source>
      <translation>هذا الحاسوب</translation>
    </message>
    <message>
      <source>To keep this flow running when this computer is off, Flowin runs it in a Flowin cloud account. Sign in to one (or create one) to choose it.</source>
      <translation>ليبقى هذا التدفق يعمل عندما يكون هذا الحاسوب مطفأً، يشغّله Flowin في حساب سحابي على Flowin. سجّل الدخول إلى حساب (أو أنشئ حسابًا) لتختار ذلك.</translation>
    </message>
    <message>
      <source>Upload and run in the cloud</source>
      <translation>ارفعها وشغّله في السحابة</translation>
    </message>
    <message>
      <source>Uploading the accounts and turning it on…</source>
      <translation>جارٍ رفع الحسابات وتشغيله…</translation>
    </message>
    <message>
      <source>Where it runs</source>
      <translation>أين يعمل</translation>
    </message>
    <message>
      <source>“%1” now runs in your Flowin cloud.</source>
      <translation>«%1» يعمل الآن في سحابة Flowin الخاصة بك.</translation>
    </message>
    <message>
      <source>“%1” runs on this computer again; the cloud deleted the copies of its accounts.</source>
      <translation>«%1» يعمل على هذا الحاسوب من جديد؛ وحذفت السحابة نسخ حساباته.</translation>
    </message>
    <message>
      <source>“%1” will keep running when this computer is off. It uses no connected accounts, so only the flow itself is in the cloud.</source>
      <translation>سيستمر «%1» في العمل عندما يكون هذا الحاسوب مطفأً. لا يستخدم أي حساب مرتبط، فلا يكون في السحابة إلا التدفق نفسه.</translation>
    </message>
    <message>
      <source>“%1” will keep running when this computer is off. To run its steps there, Flowin uploads these connected accounts to your cloud account:</source>
      <translation>سيستمر «%1» في العمل عندما يكون هذا الحاسوب مطفأً. لتشغيل خطواته هناك، يرفع Flowin هذه الحسابات المرتبطة إلى حسابك السحابي:</translation>
    </message>
    <message>
      <source>“%1” will run on this computer again, while Flowin is open or in the tray, and no longer when it is off. The copies of its accounts in your cloud account are deleted.</source>
      <translation>سيعمل «%1» على هذا الحاسوب من جديد، ما دام Flowin مفتوحًا أو في شريط المهام، ولن يعمل بعد الآن عندما يكون مطفأً. وتُحذف نسخ حساباته من حسابك السحابي.</translation>
    </message>
</context>
<context>
    <name>CloudRun</name>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>%1 can't be read on this computer, so it can't be uploaded. Connect it again in the step's settings, then try again.</source>
      <translation>تعذّرت قراءة %1 على هذا الحاسوب، فلا يمكن رفعه. اربطه من جديد في إعدادات الخطوة، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
      <source>Flowin can't reach your cloud account, so nothing was changed. Check your internet connection and try again.</source>
      <translation>لا يستطيع Flowin الوصول إلى حسابك السحابي، فلم يتغيّر شيء. تحقق من اتصالك بالإنترنت وحاول مرة أخرى.</translation>
    </message>
    <message>
      <source>This flow isn't in your cloud account yet (it may wait for you to choose between two versions). Open the cloud account, sync, and try again.</source>
      <translation>هذا التدفق ليس في حسابك السحابي بعد (ربما ينتظر أن تختار بين نسختين). افتح الحساب السحابي، وزامن، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
      <source>Confirm your e-mail address first (the cloud sent you a link), then try again.</source>
      <translation>أكّد عنوان بريدك الإلكتروني أولًا (أرسلت لك السحابة رابطًا)، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
      <source>Runs in your Flowin cloud account, also when this computer is off. This computer leaves it to the cloud.</source>
      <translation>يعمل في حسابك السحابي على Flowin، حتى عندما يكون هذا الحاسوب مطفأً. ويتركه هذا الحاسوب للسحابة.</translation>
    </message>
    <message>
      <source>Your Gmail account “%1”</source>
      <translation>حسابك على Gmail «%1»</translation>
    </message>
    <message>
      <source>Your Google Sheets account “%1”</source>
      <translation>حسابك على Google Sheets «%1»</translation>
    </message>
    <message>
      <source>Your Notion workspace “%1”</source>
      <translation>مساحة عملك على Notion «%1»</translation>
    </message>
    <message>
      <source>Your OpenAI key “%1”</source>
      <translation>مفتاحك من OpenAI «%1»</translation>
    </message>
    <message>
      <source>Your Shopify store “%1”</source>
      <translation>متجرك على Shopify «%1»</translation>
    </message>
    <message>
      <source>Your Slack workspace “%1”</source>
      <translation>مساحة عملك على Slack «%1»</translation>
    </message>
    <message>
      <source>Your Stripe account “%1”</source>
      <translation>حسابك على Stripe «%1»</translation>
    </message>
    <message>
      <source>Your Telegram bot “%1”</source>
      <translation>بوتك على Telegram «%1»</translation>
    </message>
    <message>
      <source>Your Twilio account “%1”</source>
      <translation>حسابك على Twilio «%1»</translation>
    </message>
    <message>
      <source>Your WhatsApp Business number “%1”</source>
      <translation>رقمك على WhatsApp Business «%1»</translation>
    </message>
    <message>
      <source>Your account “%1”</source>
      <translation>حسابك «%1»</translation>
    </message>
    <message>
      <source>Your e-mail account “%1”</source>
      <translation>حساب بريدك الإلكتروني «%1»</translation>
    </message>
</context>
  <context>
    <name>CountedChoices</name>
    <message numerus="yes">
      <source>%n seconds</source>
      <translation>
        <numerusform>%n ثانية</numerusform>
        <numerusform>ثانية</numerusform>
        <numerusform>ثانيتين</numerusform>
        <numerusform>%n ثوانٍ</numerusform>
        <numerusform>%n ثانية</numerusform>
        <numerusform>%n ثانية</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n minutes</source>
      <translation>
        <numerusform>%n دقيقة</numerusform>
        <numerusform>دقيقة</numerusform>
        <numerusform>دقيقتين</numerusform>
        <numerusform>%n دقائق</numerusform>
        <numerusform>%n دقيقة</numerusform>
        <numerusform>%n دقيقة</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n hours</source>
      <translation>
        <numerusform>%n ساعة</numerusform>
        <numerusform>ساعة</numerusform>
        <numerusform>ساعتين</numerusform>
        <numerusform>%n ساعات</numerusform>
        <numerusform>%n ساعة</numerusform>
        <numerusform>%n ساعة</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n days</source>
      <translation>
        <numerusform>%n يوم</numerusform>
        <numerusform>يوم</numerusform>
        <numerusform>يومين</numerusform>
        <numerusform>%n أيام</numerusform>
        <numerusform>%n يومًا</numerusform>
        <numerusform>%n يوم</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>UseTemplateWizard</name>
    <message>
      <source>%1 is not a number</source>
      <translation>%1 ليس رقمًا</translation>
    </message>
    <message>
      <source>%1 is not a phone number (like +201001234567)</source>
      <translation>%1 ليس رقم هاتف (مثل ⁦+201001234567⁩)</translation>
    </message>
    <message>
      <source>%1 is not an e-mail address (like name@example.com)</source>
      <translation>%1 ليس عنوان بريد إلكتروني (مثل name@example.com)</translation>
    </message>
    <message>
      <source>For example: %1</source>
      <translation>مثلًا: %1</translation>
    </message>
    <message>
      <source>A few details only you know. You can change them later in the flow.</source>
      <translation>بعض التفاصيل التي تعرفها أنت وحدك. يمكنك تغييرها لاحقًا في التدفق.</translation>
    </message>
    <message>
      <source>All set. Create flow makes it and opens it, ready for a Test run.</source>
      <translation>كل شيء جاهز. «أنشئ التدفق» يصنعه ويفتحه جاهزًا لتشغيل تجريبي.</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Connect your accounts</source>
      <translation>اربط حساباتك</translation>
    </message>
    <message>
      <source>Create flow</source>
      <translation>أنشئ التدفق</translation>
    </message>
    <message>
      <source>Fill in the blanks</source>
      <translation>املأ الفراغات</translation>
    </message>
    <message>
      <source>Next ›</source>
      <translation>التالي ›</translation>
    </message>
    <message>
      <source>Pick an account you already connected, or connect one: Flowin tests it before saving, and its password or key stays on this computer.</source>
      <translation>اختر حسابًا ربطته من قبل، أو اربط حسابًا: يختبره Flowin قبل الحفظ، وتبقى كلمة مروره أو مفتاحه على هذا الحاسوب.</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>جاهز</translation>
    </message>
    <message>
      <source>Step %1 of %2</source>
      <translation>الخطوة %1 من %2</translation>
    </message>
    <message>
      <source>Still needed before the flow can be made: %1.</source>
      <translation>ما زال مطلوبًا قبل إنشاء التدفق: %1.</translation>
    </message>
    <message>
      <source>This template needs no accounts and no answers.</source>
      <translation>هذا القالب لا يحتاج إلى حسابات ولا إجابات.</translation>
    </message>
    <message>
      <source>Use “%1”</source>
      <translation>استخدام «%1»</translation>
    </message>
    <message>
      <source>your %1 account</source>
      <translation>حسابك في %1</translation>
    </message>
    <message>
      <source>‹ Back</source>
      <translation>‹ رجوع</translation>
    </message>
  </context>
  <context>
    <name>AccountRow</name>
    <message>
      <source>%1 account</source>
      <translation>حساب %1</translation>
    </message>
    <message>
      <source>Choose an account</source>
      <translation>اختر حسابًا</translation>
    </message>
    <message>
      <source>Connect an account…</source>
      <translation>اربط حسابًا…</translation>
    </message>
    <message>
      <source>For the step: %1</source>
      <translation>للخطوة: %1</translation>
    </message>
    <message>
      <source>For the steps: %1</source>
      <translation>للخطوات: %1</translation>
    </message>
    <message>
      <source>Test</source>
      <translation>اختبار</translation>
    </message>
    <message>
      <source>Check that this account still signs in</source>
      <translation>تحقّق من أن هذا الحساب ما زال يسجّل الدخول</translation>
    </message>
    <message>
      <source>Testing…</source>
      <translation>جارٍ الاختبار…</translation>
    </message>
    <message>
      <source>This account&apos;s details are incomplete: connect it again.</source>
      <translation>بيانات هذا الحساب ناقصة: اربطه من جديد.</translation>
    </message>
  </context>
  <context>
    <name>NewFlowChoice</name>
    <message>
      <source>An empty canvas: add a trigger and the steps yourself.</source>
      <translation>لوحة فارغة: أضف المشغِّل والخطوات بنفسك.</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Describe it to the AI builder</source>
      <translation>صِفه للمُنشئ الذكي</translation>
    </message>
    <message>
      <source>How do you want to start?</source>
      <translation>كيف تريد أن تبدأ؟</translation>
    </message>
    <message>
      <source>New flow</source>
      <translation>تدفق جديد</translation>
    </message>
    <message>
      <source>Ready-made flows for shops, clinics and cafés: connect and fill in.</source>
      <translation>تدفقات جاهزة للمتاجر والعيادات والمقاهي: اربط حساباتك واملأ الفراغات.</translation>
    </message>
    <message>
      <source>Start blank</source>
      <translation>ابدأ من الصفر</translation>
    </message>
    <message>
      <source>Start from a template</source>
      <translation>ابدأ من قالب</translation>
    </message>
    <message>
      <source>Write what should happen, in your own words; it draws the steps.</source>
      <translation>اكتب ما تريد أن يحدث بكلماتك، وهو يرسم الخطوات.</translation>
    </message>
  </context>
  <context>
    <name>TemplateCard</name>
    <message>
      <source>Your template</source>
      <translation>قالبك</translation>
    </message>
  </context>
  <context>
    <name>TemplateDetail</name>
    <message>
      <source>Connect your accounts, fill in a few blanks, and the flow is yours.</source>
      <translation>اربط حساباتك واملأ بعض الفراغات، ويصبح التدفق لك.</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>تصدير…</translation>
    </message>
    <message>
      <source>Nothing to fill in: connect your accounts and it is ready.</source>
      <translation>لا شيء لتملأه: اربط حساباتك ويصبح جاهزًا.</translation>
    </message>
    <message>
      <source>Save this template as a file to share</source>
      <translation>احفظ هذا القالب في ملف لتشاركه</translation>
    </message>
    <message>
      <source>Services it uses</source>
      <translation>الخدمات التي يستخدمها</translation>
    </message>
    <message>
      <source>Use template</source>
      <translation>استخدم القالب</translation>
    </message>
    <message>
      <source>What the flow does, step by step</source>
      <translation>ما يفعله التدفق، خطوة بخطوة</translation>
    </message>
    <message>
      <source>You will fill in: %1.</source>
      <translation>ستملأ: %1.</translation>
    </message>
    <message>
      <source>saves about %1 min each time it runs</source>
      <translation>يوفّر نحو %1 دقيقة في كل تشغيل</translation>
    </message>
    <message>
      <source>your own template</source>
      <translation>قالبك الخاص</translation>
    </message>
    <message>
      <source>‹ All templates</source>
      <translation>‹ كل القوالب</translation>
    </message>
  </context>
  <context>
    <name>TemplateDetailsDialog</name>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>الفئة</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>الوصف</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>الاسم</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>حفظ</translation>
    </message>
    <message>
      <source>What it does, in a sentence or two</source>
      <translation>ماذا يفعل، في جملة أو اثنتين</translation>
    </message>
    <message>
      <source>Your template keeps the flow&apos;s steps. Accounts, passwords, keys and test data are left out: whoever uses it connects their own.</source>
      <translation>يحتفظ قالبك بخطوات التدفق. أما الحسابات وكلمات المرور والمفاتيح وبيانات التجربة فتُترك: من يستخدمه يربط حساباته.</translation>
    </message>
  </context>
  <context>
    <name>TemplateFiles</name>
    <message>
      <source>Couldn&apos;t export the template</source>
      <translation>تعذّر تصدير القالب</translation>
    </message>
    <message>
      <source>Couldn&apos;t import the template</source>
      <translation>تعذّر استيراد القالب</translation>
    </message>
    <message>
      <source>Couldn&apos;t save the template</source>
      <translation>تعذّر حفظ القالب</translation>
    </message>
    <message>
      <source>Export as template</source>
      <translation>تصدير كقالب</translation>
    </message>
    <message>
      <source>Export the template</source>
      <translation>تصدير القالب</translation>
    </message>
    <message>
      <source>Exported the template &apos;%1&apos; to %2.</source>
      <translation>صُدِّر القالب «%1» إلى %2.</translation>
    </message>
    <message>
      <source>Flowin couldn&apos;t make a template of &apos;%1&apos;.</source>
      <translation>تعذّر على Flowin صنع قالب من «%1».</translation>
    </message>
    <message>
      <source>Flowin couldn&apos;t read &apos;%1&apos;.</source>
      <translation>تعذّر على Flowin قراءة «%1».</translation>
    </message>
    <message>
      <source>Flowin couldn&apos;t write &apos;%1&apos;.</source>
      <translation>تعذّر على Flowin كتابة «%1».</translation>
    </message>
    <message>
      <source>Flowin templates (%1)</source>
      <translation>قوالب Flowin ‏(%1)</translation>
    </message>
    <message>
      <source>Import a template</source>
      <translation>استيراد قالب</translation>
    </message>
    <message>
      <source>Imported the template &apos;%1&apos;.</source>
      <translation>استُورد القالب «%1».</translation>
    </message>
    <message>
      <source>Nothing was imported.</source>
      <translation>لم يُستورد شيء.</translation>
    </message>
    <message>
      <source>Save as template</source>
      <translation>حفظ كقالب</translation>
    </message>
    <message>
      <source>Saved &apos;%1&apos; as a template: find it in Templates, under your own.</source>
      <translation>حُفظ «%1» كقالب: تجده في «القوالب» بين قوالبك.</translation>
    </message>
  </context>
  <context>
    <name>TemplateGallery</name>
    <message>
      <source>Add a template from a .flowin-template file</source>
      <translation>أضف قالبًا من ملف ‎.flowin-template</translation>
    </message>
    <message>
      <source>All</source>
      <translation>الكل</translation>
    </message>
    <message>
      <source>Import template…</source>
      <translation>استيراد قالب…</translation>
    </message>
    <message>
      <source>No template matches “%1”. Try other words, or start with a blank flow.</source>
      <translation>لا يوجد قالب يطابق «%1». جرّب كلمات أخرى، أو ابدأ بتدفق فارغ.</translation>
    </message>
    <message>
      <source>No templates in this category yet.</source>
      <translation>لا توجد قوالب في هذه الفئة بعد.</translation>
    </message>
    <message>
      <source>Ready-made flows for your shop, clinic or café: pick one, connect your accounts, fill in a few blanks, and it runs.</source>
      <translation>تدفقات جاهزة لمتجرك أو عيادتك أو مقهاك: اختر واحدًا، واربط حساباتك، واملأ بعض الفراغات، فيعمل.</translation>
    </message>
    <message>
      <source>Search templates</source>
      <translation>ابحث في القوالب</translation>
    </message>
    <message>
      <source>Search templates, in English or Arabic: WhatsApp, order, تذكير…</source>
      <translation>ابحث في القوالب بالعربية أو الإنجليزية: واتساب، طلب، reminder…</translation>
    </message>
    <message>
      <source>Templates</source>
      <translation>القوالب</translation>
    </message>
    <message>
      <source>‹ Your flows</source>
      <translation>‹ تدفقاتك</translation>
    </message>
  </context>
  <context>
    <name>NotificationCentre</name>
    <message>
      <source>just now</source>
      <translation>الآن</translation>
    </message>
    <message>
      <source>yesterday</source>
      <translation>أمس</translation>
    </message>
    <message>
      <source>«%1» failed</source>
      <translation>فشل «%1»</translation>
    </message>
    <message>
      <source>«%1» works again</source>
      <translation>عاد «%1» يعمل</translation>
    </message>
    <message>
      <source>«%1» has not run for a while</source>
      <translation>لم يعمل «%1» منذ مدة</translation>
    </message>
    <message>
      <source>Today's summary</source>
      <translation>ملخص اليوم</translation>
    </message>
    <message>
      <source>Events are waiting in the cloud</source>
      <translation>أحداث تنتظر في السحابة</translation>
    </message>
    <message>
      <source>A flow was changed in two places</source>
      <translation>تغيّر تدفق في مكانين</translation>
    </message>
    <message>
      <source>Your weekly report is ready</source>
      <translation>تقريرك الأسبوعي جاهز</translation>
    </message>
    <message>
      <source>A notification could not be sent</source>
      <translation>تعذّر إرسال إشعار</translation>
    </message>
    <message>
      <source>Step %1 «%2» failed: %3</source>
      <translation>فشلت الخطوة %1 «%2»: %3</translation>
    </message>
    <message>
      <source>«%1» failed: %2</source>
      <translation>فشلت «%1»: %2</translation>
    </message>
    <message>
      <source>Open this run to see what went wrong and fix it</source>
      <translation>افتح هذا التشغيل لترى ما الخطأ وتُصلحه</translation>
    </message>
    <message>
      <source>Notifications</source>
      <translation>الإشعارات</translation>
    </message>
    <message>
      <source>Mark all as read</source>
      <translation>تعليم الكل كمقروء</translation>
    </message>
    <message>
      <source>Nothing new. When a flow fails or works again, you will see it here.</source>
      <translation>لا جديد. عندما يفشل تدفق أو يعود إلى العمل، ستراه هنا.</translation>
    </message>
    <message numerus="yes">
      <source>%n minutes ago</source>
      <translation>
        <numerusform>منذ %n دقيقة</numerusform>
        <numerusform>منذ دقيقة</numerusform>
        <numerusform>منذ دقيقتين</numerusform>
        <numerusform>منذ %n دقائق</numerusform>
        <numerusform>منذ %n دقيقة</numerusform>
        <numerusform>منذ %n دقيقة</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n hours ago</source>
      <translation>
        <numerusform>منذ %n ساعة</numerusform>
        <numerusform>منذ ساعة</numerusform>
        <numerusform>منذ ساعتين</numerusform>
        <numerusform>منذ %n ساعات</numerusform>
        <numerusform>منذ %n ساعة</numerusform>
        <numerusform>منذ %n ساعة</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n days ago</source>
      <translation>
        <numerusform>منذ %n يوم</numerusform>
        <numerusform>منذ يوم</numerusform>
        <numerusform>منذ يومين</numerusform>
        <numerusform>منذ %n أيام</numerusform>
        <numerusform>منذ %n يومًا</numerusform>
        <numerusform>منذ %n يوم</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 · %n times</source>
      <translation>
        <numerusform>%1 · %n مرة</numerusform>
        <numerusform>%1 · مرة واحدة</numerusform>
        <numerusform>%1 · مرتان</numerusform>
        <numerusform>%1 · %n مرات</numerusform>
        <numerusform>%1 · %n مرة</numerusform>
        <numerusform>%1 · %n مرة</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Notifications: %n unread</source>
      <translation>
        <numerusform>الإشعارات: %n غير مقروء</numerusform>
        <numerusform>الإشعارات: إشعار واحد غير مقروء</numerusform>
        <numerusform>الإشعارات: إشعاران غير مقروءين</numerusform>
        <numerusform>الإشعارات: %n إشعارات غير مقروءة</numerusform>
        <numerusform>الإشعارات: %n إشعارًا غير مقروء</numerusform>
        <numerusform>الإشعارات: %n إشعار غير مقروء</numerusform>
      </translation>
    </message>
    <message>
      <source>«%1» today</source>
      <translation>«%1» اليوم</translation>
    </message>
    <message>
      <source>«%1» was changed in two places</source>
      <translation>تغيّر «%1» في مكانين</translation>
    </message>
  </context>
  <context>
    <name>NotificationRules</name>
    <message>
      <source>This computer</source>
      <translation>هذا الحاسوب</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>البريد الإلكتروني</translation>
    </message>
    <message>
      <source>Telegram</source>
      <translation>تيليجرام</translation>
    </message>
    <message>
      <source>SMS</source>
      <translation>رسالة نصية (SMS)</translation>
    </message>
    <message>
      <source>WhatsApp</source>
      <translation>واتساب</translation>
    </message>
    <message>
      <source>E-mail address, e.g. owner@myshop.com</source>
      <translation>عنوان البريد، مثل owner@myshop.com</translation>
    </message>
    <message>
      <source>Chat ID, e.g. 123456789</source>
      <translation>رقم المحادثة، مثل 123456789</translation>
    </message>
    <message>
      <source>Mobile number, e.g. +201001234567</source>
      <translation>رقم الجوال، مثل ‎+201001234567</translation>
    </message>
    <message>
      <source>Mobile number, e.g. +966501234567</source>
      <translation>رقم الجوال، مثل ‎+966501234567</translation>
    </message>
    <message>
      <source>a week</source>
      <translation>أسبوع</translation>
    </message>
    <message>
      <source>a day</source>
      <translation>يوم</translation>
    </message>
    <message>
      <source>Your Twilio number that sends, e.g. +15005550006</source>
      <translation>رقمك في Twilio الذي يرسل، مثل ‎+15005550006</translation>
    </message>
    <message>
      <source>Approved message template, e.g. flow_alert</source>
      <translation>قالب الرسالة المعتمد، مثل flow_alert</translation>
    </message>
    <message>
      <source>Its language, e.g. ar</source>
      <translation>لغته، مثل ar</translation>
    </message>
    <message>
      <source>This computer: a pop-up and the bell</source>
      <translation>هذا الحاسوب: نافذة منبثقة والجرس</translation>
    </message>
    <message>
      <source>Who receives it</source>
      <translation>من يستلمها</translation>
    </message>
    <message>
      <source>The account that sends it</source>
      <translation>الحساب الذي يرسلها</translation>
    </message>
    <message>
      <source>Send a test</source>
      <translation>أرسل تجربة</translation>
    </message>
    <message>
      <source>Send a short test message there now</source>
      <translation>أرسل رسالة تجربة قصيرة إلى هناك الآن</translation>
    </message>
    <message>
      <source>My Flowin account's mail</source>
      <translation>بريد حسابي في Flowin</translation>
    </message>
    <message>
      <source>No account yet</source>
      <translation>لا يوجد حساب بعد</translation>
    </message>
    <message>
      <source>Connect an account…</source>
      <translation>ربط حساب…</translation>
    </message>
    <message>
      <source>Choose the account that sends the messages first.</source>
      <translation>اختر أولًا الحساب الذي يرسل الرسائل.</translation>
    </message>
    <message>
      <source>Write who receives the messages first.</source>
      <translation>اكتب أولًا من يستلم الرسائل.</translation>
    </message>
    <message>
      <source>Sending a test…</source>
      <translation>جارٍ إرسال رسالة تجربة…</translation>
    </message>
    <message>
      <source>Sent by %1. Check that the test message arrived.</source>
      <translation>أُرسلت عبر %1. تأكّد من وصول رسالة التجربة.</translation>
    </message>
    <message>
      <source>Tell me when</source>
      <translation>أخبرني عندما</translation>
    </message>
    <message>
      <source>A flow fails</source>
      <translation>يفشل تدفق</translation>
    </message>
    <message>
      <source>A flow that failed works again</source>
      <translation>يعود تدفق فشل إلى العمل</translation>
    </message>
    <message>
      <source>Every evening: how my flows did that day</source>
      <translation>كل مساء: كيف سارت تدفقاتي في ذلك اليوم</translation>
    </message>
    <message>
      <source>A flow has not run for</source>
      <translation>لا يعمل تدفق لمدة</translation>
    </message>
    <message>
      <source>Tell me on</source>
      <translation>أخبرني عبر</translation>
    </message>
    <message>
      <source>Quiet hours</source>
      <translation>ساعات الهدوء</translation>
    </message>
    <message>
      <source>Keep messages that can wait between</source>
      <translation>أمسك الرسائل التي تحتمل الانتظار بين</translation>
    </message>
    <message>
      <source>and</source>
      <translation>و</translation>
    </message>
    <message>
      <source>Failures still reach you at once; the rest arrive together when the quiet hours end.</source>
      <translation>تصلك حالات الفشل فورًا مع ذلك؛ ويصل الباقي معًا عند انتهاء ساعات الهدوء.</translation>
    </message>
    <message>
      <source>failures</source>
      <translation>حالات الفشل</translation>
    </message>
    <message>
      <source>recoveries</source>
      <translation>عودته إلى العمل</translation>
    </message>
    <message>
      <source>a daily summary</source>
      <translation>ملخص يومي</translation>
    </message>
    <message>
      <source>no run in %1</source>
      <translation>عدم تشغيله خلال %1</translation>
    </message>
    <message>
      <source>Nothing is told about this flow.</source>
      <translation>لا يُبلَّغ عن شيء في هذا التدفق.</translation>
    </message>
    <message>
      <source>Its own: %1, by %2.</source>
      <translation>خاصة به: %1، عبر %2.</translation>
    </message>
    <message numerus="yes">
      <source>%n days</source>
      <translation>
        <numerusform>%n يوم</numerusform>
        <numerusform>يوم واحد</numerusform>
        <numerusform>يومين</numerusform>
        <numerusform>%n أيام</numerusform>
        <numerusform>%n يومًا</numerusform>
        <numerusform>%n يوم</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n hours</source>
      <translation>
        <numerusform>%n ساعة</numerusform>
        <numerusform>ساعة واحدة</numerusform>
        <numerusform>ساعتين</numerusform>
        <numerusform>%n ساعات</numerusform>
        <numerusform>%n ساعة</numerusform>
        <numerusform>%n ساعة</numerusform>
      </translation>
    </message>
    <message>
      <source>this computer</source>
      <translation>هذا الحاسوب</translation>
    </message>
    <message>
      <source>Write your Twilio number the messages come from first.</source>
      <translation>اكتب أولًا رقمك في Twilio الذي تأتي منه الرسائل.</translation>
    </message>
    <message>
      <source>Write the name of the message template WhatsApp approved first.</source>
      <translation>اكتب أولًا اسم قالب الرسالة الذي اعتمده واتساب.</translation>
    </message>
  </context>
  <context>
    <name>FlowNotifications</name>
    <message>
      <source>Notifications</source>
      <translation>الإشعارات</translation>
    </message>
    <message>
      <source>Change…</source>
      <translation>تغيير…</translation>
    </message>
    <message>
      <source>My usual notifications, as set in Settings.</source>
      <translation>إشعاراتي المعتادة، كما في الإعدادات.</translation>
    </message>
  </context>
  <context>
    <name>FlowNotificationsDialog</name>
    <message>
      <source>Notifications for this flow</source>
      <translation>إشعارات هذا التدفق</translation>
    </message>
    <message>
      <source>Use my usual notifications (as set in Settings)</source>
      <translation>استخدم إشعاراتي المعتادة (كما في الإعدادات)</translation>
    </message>
    <message>
      <source>Its own notifications:</source>
      <translation>إشعارات خاصة به:</translation>
    </message>
    <message>
      <source>Flowin could not keep these notification settings. Check what you typed.</source>
      <translation>تعذّر على Flowin حفظ إعدادات الإشعارات هذه. تحقّق مما كتبته.</translation>
    </message>
  </context>
  <context>
    <name>InsightsPage</name>
    <message numerus="yes">
      <source>Your flows ran %n times this week</source>
      <translation>
        <numerusform>لم تعمل تدفقاتك هذا الأسبوع</numerusform>
        <numerusform>عملت تدفقاتك مرة واحدة هذا الأسبوع</numerusform>
        <numerusform>عملت تدفقاتك مرتين هذا الأسبوع</numerusform>
        <numerusform>عملت تدفقاتك %n مرات هذا الأسبوع</numerusform>
        <numerusform>عملت تدفقاتك %n مرة هذا الأسبوع</numerusform>
        <numerusform>عملت تدفقاتك %n مرة هذا الأسبوع</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Your flows ran %n times in the last 30 days</source>
      <translation>
        <numerusform>لم تعمل تدفقاتك في آخر ٣٠ يومًا</numerusform>
        <numerusform>عملت تدفقاتك مرة واحدة في آخر ٣٠ يومًا</numerusform>
        <numerusform>عملت تدفقاتك مرتين في آخر ٣٠ يومًا</numerusform>
        <numerusform>عملت تدفقاتك %n مرات في آخر ٣٠ يومًا</numerusform>
        <numerusform>عملت تدفقاتك %n مرة في آخر ٣٠ يومًا</numerusform>
        <numerusform>عملت تدفقاتك %n مرة في آخر ٣٠ يومًا</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>You saved %n hours this week using Flowin</source>
      <translation>
        <numerusform>لم يوفّر Flowin لك وقتًا هذا الأسبوع</numerusform>
        <numerusform>وفّرت ساعة واحدة هذا الأسبوع باستخدام Flowin</numerusform>
        <numerusform>وفّرت ساعتين هذا الأسبوع باستخدام Flowin</numerusform>
        <numerusform>وفّرت %n ساعات هذا الأسبوع باستخدام Flowin</numerusform>
        <numerusform>وفّرت %n ساعة هذا الأسبوع باستخدام Flowin</numerusform>
        <numerusform>وفّرت %n ساعة هذا الأسبوع باستخدام Flowin</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>You saved %n hours in the last 30 days using Flowin</source>
      <translation>
        <numerusform>لم يوفّر Flowin لك وقتًا في آخر ٣٠ يومًا</numerusform>
        <numerusform>وفّرت ساعة واحدة في آخر ٣٠ يومًا باستخدام Flowin</numerusform>
        <numerusform>وفّرت ساعتين في آخر ٣٠ يومًا باستخدام Flowin</numerusform>
        <numerusform>وفّرت %n ساعات في آخر ٣٠ يومًا باستخدام Flowin</numerusform>
        <numerusform>وفّرت %n ساعة في آخر ٣٠ يومًا باستخدام Flowin</numerusform>
        <numerusform>وفّرت %n ساعة في آخر ٣٠ يومًا باستخدام Flowin</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>You saved %n minutes this week using Flowin</source>
      <translation>
        <numerusform>لم يوفّر Flowin لك وقتًا هذا الأسبوع</numerusform>
        <numerusform>وفّرت دقيقة واحدة هذا الأسبوع باستخدام Flowin</numerusform>
        <numerusform>وفّرت دقيقتين هذا الأسبوع باستخدام Flowin</numerusform>
        <numerusform>وفّرت %n دقائق هذا الأسبوع باستخدام Flowin</numerusform>
        <numerusform>وفّرت %n دقيقة هذا الأسبوع باستخدام Flowin</numerusform>
        <numerusform>وفّرت %n دقيقة هذا الأسبوع باستخدام Flowin</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>You saved %n minutes in the last 30 days using Flowin</source>
      <translation>
        <numerusform>لم يوفّر Flowin لك وقتًا في آخر ٣٠ يومًا</numerusform>
        <numerusform>وفّرت دقيقة واحدة في آخر ٣٠ يومًا باستخدام Flowin</numerusform>
        <numerusform>وفّرت دقيقتين في آخر ٣٠ يومًا باستخدام Flowin</numerusform>
        <numerusform>وفّرت %n دقائق في آخر ٣٠ يومًا باستخدام Flowin</numerusform>
        <numerusform>وفّرت %n دقيقة في آخر ٣٠ يومًا باستخدام Flowin</numerusform>
        <numerusform>وفّرت %n دقيقة في آخر ٣٠ يومًا باستخدام Flowin</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n failures</source>
      <translation>
        <numerusform>لا فشل</numerusform>
        <numerusform>فشل واحد</numerusform>
        <numerusform>فشلان</numerusform>
        <numerusform>%n حالات فشل</numerusform>
        <numerusform>%n حالة فشل</numerusform>
        <numerusform>%n حالة فشل</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 h</source>
      <translation>%1 ساعة</translation>
    </message>
    <message>
      <source>%1 min</source>
      <translation>%1 دقيقة</translation>
    </message>
    <message>
      <source>%1 s</source>
      <translation>%1 ثانية</translation>
    </message>
    <message>
      <source>%1 of %2</source>
      <translation>%1 من %2</translation>
    </message>
    <message>
      <source>Average duration</source>
      <translation>متوسط المدة</translation>
    </message>
    <message>
      <source>Connected accounts</source>
      <translation>الحسابات المتصلة</translation>
    </message>
    <message>
      <source>Export report</source>
      <translation>تصدير التقرير</translation>
    </message>
    <message>
      <source>Export report…</source>
      <translation>تصدير التقرير…</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>فشلت</translation>
    </message>
    <message>
      <source>Failing: its latest use failed</source>
      <translation>يفشل: فشل آخر استخدام له</translation>
    </message>
    <message>
      <source>Fix now</source>
      <translation>أصلِحه الآن</translation>
    </message>
    <message>
      <source>Insights</source>
      <translation>الإحصاءات</translation>
    </message>
    <message>
      <source>Last 30 days</source>
      <translation>آخر ٣٠ يومًا</translation>
    </message>
    <message>
      <source>Last 7 days</source>
      <translation>آخر ٧ أيام</translation>
    </message>
    <message>
      <source>Last failed: %1</source>
      <translation>آخر فشل: %1</translation>
    </message>
    <message>
      <source>Last worked: %1</source>
      <translation>آخر نجاح: %1</translation>
    </message>
    <message>
      <source>Minutes saved per run</source>
      <translation>الدقائق الموفَّرة في كل تشغيل</translation>
    </message>
    <message>
      <source>No runs yet in this period.</source>
      <translation>لا تشغيلات بعد في هذه الفترة.</translation>
    </message>
    <message>
      <source>No step failed in this period.</source>
      <translation>لم تفشل أي خطوة في هذه الفترة.</translation>
    </message>
    <message>
      <source>Not used in this period</source>
      <translation>لم يُستخدم في هذه الفترة</translation>
    </message>
    <message>
      <source>Open the flow at the step that fails</source>
      <translation>افتح التدفق عند الخطوة التي تفشل</translation>
    </message>
    <message>
      <source>Open the run</source>
      <translation>افتح التشغيل</translation>
    </message>
    <message>
      <source>Other flows</source>
      <translation>تدفقات أخرى</translation>
    </message>
    <message>
      <source>PDF (*.pdf);;Web page (*.html)</source>
      <translation>PDF (*.pdf);;صفحة ويب (*.html)</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>الفترة</translation>
    </message>
    <message>
      <source>Runs per day</source>
      <translation>التشغيلات في كل يوم</translation>
    </message>
    <message>
      <source>Runs</source>
      <translation>التشغيلات</translation>
    </message>
    <message>
      <source>Save this report as a PDF to print or send (or as a web page: .html)</source>
      <translation>احفظ هذا التقرير ملف PDF لطباعته أو إرساله (أو صفحة ويب: ‎.html)</translation>
    </message>
    <message>
      <source>See the latest failed run, step by step</source>
      <translation>اعرض آخر تشغيل فاشل خطوة بخطوة</translation>
    </message>
    <message>
      <source>Set minutes saved…</source>
      <translation>حدّد الدقائق الموفَّرة…</translation>
    </message>
    <message>
      <source>Sign-in expires soon: reconnect it</source>
      <translation>ينتهي تسجيل الدخول قريبًا: أعد ربط الحساب</translation>
    </message>
    <message>
      <source>Sign-in expires: %1</source>
      <translation>ينتهي تسجيل الدخول: %1</translation>
    </message>
    <message>
      <source>Sign-in renews itself</source>
      <translation>يتجدد تسجيل الدخول تلقائيًا</translation>
    </message>
    <message>
      <source>Steps that fail most</source>
      <translation>الخطوات الأكثر فشلًا</translation>
    </message>
    <message>
      <source>Succeeded</source>
      <translation>نجحت</translation>
    </message>
    <message>
      <source>Success ratio</source>
      <translation>نسبة النجاح</translation>
    </message>
    <message>
      <source>Time saved</source>
      <translation>الوقت الموفَّر</translation>
    </message>
    <message>
      <source>Used by: %1</source>
      <translation>يستخدمه: %1</translation>
    </message>
    <message>
      <source>What failed, and what to do</source>
      <translation>ما الذي فشل، وماذا تفعل</translation>
    </message>
    <message>
      <source>Working</source>
      <translation>يعمل</translation>
    </message>
    <message>
      <source>last %1</source>
      <translation>آخرها %1</translation>
    </message>
    <message>
      <source>never</source>
      <translation>أبدًا</translation>
    </message>
    <message>
      <source>‹ Flows</source>
      <translation>‹ التدفقات</translation>
    </message>
    <message>
      <source>No runs yet in this period. When your flows run on their own, you will see here what they did, what failed, and how much time they saved you.</source>
      <translation>لا تشغيلات بعد في هذه الفترة. عندما تعمل تدفقاتك من تلقاء نفسها سترى هنا ما أنجزته وما فشل وكم من الوقت وفّرت لك.</translation>
    </message>
    <message>
      <source>Time saved counts only the flows that say how many minutes of hand work one run saves you. Not set yet:</source>
      <translation>يُحسب الوقت الموفَّر للتدفقات التي حُدّد فيها كم دقيقة من العمل اليدوي يوفّرها كل تشغيل. لم يُحدَّد بعد في:</translation>
    </message>
    <message>
      <source>How many minutes would one run of “%1” take you by hand? Flowin counts them for every run that works.</source>
      <translation>كم دقيقة يستغرقك تشغيل واحد من «%1» لو قمت به يدويًا؟ يحسبها Flowin لكل تشغيل ينجح.</translation>
    </message>
  </context>
  <context>
    <name>AddService</name>
    <message>
      <source>Flowin couldn't read this file ({error}).</source>
      <translation>تعذّر على Flowin قراءة هذا الملف ({error}).</translation>
    </message>
    <message>
      <source>Added {name} with {count} steps: find them under Imported in the steps list, and connect an account under Accounts.</source>
      <translation>أُضيفت {name} مع {count} خطوة: تجدها تحت «خدمات مضافة» في قائمة الخطوات، واربط حسابًا من «الحسابات».</translation>
    </message>
    <message>
      <source>{count} operations were left out: see README.md in {folder}.</source>
      <translation>تُركت {count} عملية: انظر README.md في {folder}.</translation>
    </message>
    <message>
      <source>Add a service from its API description</source>
      <translation>إضافة خدمة من وصف واجهتها البرمجية</translation>
    </message>
    <message>
      <source>API descriptions (OpenAPI) (*.json *.yaml *.yml)</source>
      <translation>أوصاف الواجهات البرمجية (OpenAPI) (*.json *.yaml *.yml)</translation>
    </message>
    <message>
      <source>The service wasn't added</source>
      <translation>لم تُضف الخدمة</translation>
    </message>
  </context>
</TS>
