<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>When another flow has an error</source>
      <translation>عند خطأ في تدفق آخر</translation>
    </message>
    <message>
      <source>Starts the flow when another of your flows fails, with which flow, which step and why, so you can handle it your way.</source>
      <translation>يبدأ التدفق عندما يفشل تدفق آخر من تدفقاتك، ومعه أي تدفق وأي خطوة ولماذا، لتتصرف بطريقتك.</translation>
    </message>
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
      <source>Core</source>
      <translation>الأساسيات</translation>
    </message>
    <message>
      <source>The building blocks of every flow: start it, shape its data, branch, wait, repeat and stop.</source>
      <translation>اللبنات الأساسية لكل تدفق: ابدأه، وشكِّل بياناته، وفرِّعه، وانتظر، وكرِّر، وأوقفه.</translation>
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
      <source>Checks rules against the data and sends it on to the yes or the no output.</source>
      <translation>يطابق القواعد مع البيانات ويرسلها إلى المُخرَج «نعم» أو «لا».</translation>
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
      <source>Starts when you click Run</source>
      <translation>يبدأ عند الضغط على تشغيل</translation>
    </message>
    <message>
      <source>Set {fields}</source>
      <translation>تعيين {fields}</translation>
    </message>
    <message>
      <source>Set fields you name</source>
      <translation>تعيين حقول تسمّيها</translation>
    </message>
    <message>
      <source>If {conditions[0][left]} {conditions[0][operator]:choice} {conditions[0][right]}</source>
      <translation>إذا كان {conditions[0][left]} {conditions[0][operator]:choice} {conditions[0][right]}</translation>
    </message>
    <message>
      <source>If {conditions[0][left]} {conditions[0][operator]:choice}</source>
      <translation>إذا كان {conditions[0][left]} {conditions[0][operator]:choice}</translation>
    </message>
    <message>
      <source>Checks rules you set</source>
      <translation>يتحقق من قواعد تحددها</translation>
    </message>
    <message>
      <source>By {value}: {cases}</source>
      <translation>حسب {value}: {cases}</translation>
    </message>
    <message>
      <source>Picks a path by a value</source>
      <translation>يختار مسارًا حسب قيمة</translation>
    </message>
    <message>
      <source>Wait until {until}</source>
      <translation>انتظر حتى {until}</translation>
    </message>
    <message>
      <source>Wait {amount:count(unit)}</source>
      <translation>انتظر {amount:count(unit)}</translation>
    </message>
    <message>
      <source>For each of {items}</source>
      <translation>لكل عنصر من {items}</translation>
    </message>
    <message>
      <source>For each item of a list</source>
      <translation>لكل عنصر من قائمة</translation>
    </message>
    <message>
      <source>Join branches: {mode:choice}</source>
      <translation>اجمع الفروع: {mode:choice}</translation>
    </message>
    <message>
      <source>Stop: {message}</source>
      <translation>توقف: {message}</translation>
    </message>
    <message>
      <source>Stop the run as failed</source>
      <translation>أوقف التشغيل كفاشل</translation>
    </message>
    <message>
      <source>Format {value} as {kind:choice}</source>
      <translation>نسّق {value} بصيغة {kind:choice}</translation>
    </message>
    <message>
      <source>Format a value as {kind:choice}</source>
      <translation>نسّق قيمة بصيغة {kind:choice}</translation>
    </message>
    <message>
      <source>Passes the data on unchanged</source>
      <translation>يمرّر البيانات دون تغيير</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>Only these flows</source>
      <translation>هذه التدفقات فقط</translation>
    </message>
    <message>
      <source>Names of the flows to watch; leave empty to start when any other flow fails.</source>
      <translation>أسماء التدفقات التي تراقبها؛ اتركها فارغة ليبدأ عند فشل أي تدفق آخر.</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>المقدار</translation>
    </message>
    <message>
      <source>Cases</source>
      <translation>الحالات</translation>
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
      <source>Format as</source>
      <translation>التنسيق كـ</translation>
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
      <source>Mode</source>
      <translation>الوضع</translation>
    </message>
    <message>
      <source>Prefix</source>
      <translation>البادئة</translation>
    </message>
    <message>
      <source>Sample data</source>
      <translation>بيانات تجريبية</translation>
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
      <source>Until</source>
      <translation>حتى</translation>
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
      <source>Check</source>
      <translation>الفحص</translation>
    </message>
    <message>
      <source>Compare with</source>
      <translation>قارن بـ</translation>
    </message>
    <message>
      <source>Case sensitive</source>
      <translation>مراعاة حالة الأحرف</translation>
    </message>
    <message>
      <source>Rules</source>
      <translation>القواعد</translation>
    </message>
    <message>
      <source>Equals</source>
      <translation>يساوي</translation>
    </message>
    <message>
      <source>The field's name; use dots to put it inside a group, e.g. customer.name.</source>
      <translation>اسم الحقل؛ استخدم النقاط لوضعه داخل مجموعة، مثل customer.name.</translation>
    </message>
    <message>
      <source>Text, a number, or an {{ expression }}.</source>
      <translation>نص أو رقم أو {{ expression }}.</translation>
    </message>
    <message>
      <source>What to check, usually an {{ expression }}.</source>
      <translation>ما يُفحص، وغالبًا {{ expression }}.</translation>
    </message>
    <message>
      <source>Not needed for the empty, true and false checks.</source>
      <translation>لا حاجة إليه في فحوص «فارغ» و«صحيح» و«خطأ».</translation>
    </message>
    <message>
      <source>Off: 'Paid' and 'paid' count as the same text.</source>
      <translation>عند إيقافه: يُعدّ 'Paid' و'paid' النص نفسه.</translation>
    </message>
    <message>
      <source>equals</source>
      <translation>يساوي</translation>
    </message>
    <message>
      <source>not equals</source>
      <translation>لا يساوي</translation>
    </message>
    <message>
      <source>contains</source>
      <translation>يحتوي على</translation>
    </message>
    <message>
      <source>not contains</source>
      <translation>لا يحتوي على</translation>
    </message>
    <message>
      <source>starts with</source>
      <translation>يبدأ بـ</translation>
    </message>
    <message>
      <source>not starts with</source>
      <translation>لا يبدأ بـ</translation>
    </message>
    <message>
      <source>ends with</source>
      <translation>ينتهي بـ</translation>
    </message>
    <message>
      <source>not ends with</source>
      <translation>لا ينتهي بـ</translation>
    </message>
    <message>
      <source>greater than</source>
      <translation>أكبر من</translation>
    </message>
    <message>
      <source>less than</source>
      <translation>أصغر من</translation>
    </message>
    <message>
      <source>greater or equal</source>
      <translation>أكبر من أو يساوي</translation>
    </message>
    <message>
      <source>less or equal</source>
      <translation>أصغر من أو يساوي</translation>
    </message>
    <message>
      <source>is empty</source>
      <translation>فارغ</translation>
    </message>
    <message>
      <source>is not empty</source>
      <translation>غير فارغ</translation>
    </message>
    <message>
      <source>matches regex</source>
      <translation>يطابق التعبير النمطي</translation>
    </message>
    <message>
      <source>not matches regex</source>
      <translation>لا يطابق التعبير النمطي</translation>
    </message>
    <message>
      <source>is true</source>
      <translation>صحيح</translation>
    </message>
    <message>
      <source>is false</source>
      <translation>خطأ</translation>
    </message>
    <message>
      <source>The value that picks this output.</source>
      <translation>القيمة التي تختار هذا المُخرَج.</translation>
    </message>
    <message>
      <source>Output</source>
      <translation>المُخرَج</translation>
    </message>
    <message>
      <source>The name of the output this case sends to.</source>
      <translation>اسم المُخرَج الذي ترسل إليه هذه الحالة.</translation>
    </message>
  </context>
</TS>
