<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>WhatsApp</source>
      <translation>WhatsApp</translation>
    </message>
    <message>
      <source>Send WhatsApp messages and templates from your business number, and start flows when customers write to it.</source>
      <translation>أرسل رسائل وقوالب WhatsApp من رقم نشاطك التجاري، وابدأ تدفقات عندما يراسله العملاء.</translation>
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
    <message>
      <source>In your Meta app, open WhatsApp › Configuration, paste the live address as the Callback URL with your verify token, and subscribe to the messages field.</source>
      <translation>في تطبيقك على Meta افتح WhatsApp › الإعداد (Configuration)، والصق العنوان المباشر في خانة Callback URL مع رمز التحقق، واشترك في حقل messages.</translation>
    </message>
    <message>
      <source>When a WhatsApp message arrives</source>
      <translation>عند وصول رسالة واتساب</translation>
    </message>
    <message>
      <source>Send WhatsApp to {to}</source>
      <translation>أرسل واتساب إلى {to}</translation>
    </message>
    <message>
      <source>Send a WhatsApp message</source>
      <translation>أرسل رسالة واتساب</translation>
    </message>
    <message>
      <source>Send template {template} to {to}</source>
      <translation>أرسل القالب {template} إلى {to}</translation>
    </message>
    <message>
      <source>Send a WhatsApp template</source>
      <translation>أرسل قالب واتساب</translation>
    </message>
    <message>
      <source>WhatsApp lets a business send free text only within 24 hours of the customer's last message; to write first, send an approved template.</source>
      <translation>لا يسمح واتساب للنشاط التجاري بإرسال نص حر إلا خلال 24 ساعة من آخر رسالة من العميل؛ ولتبدأ أنت الكتابة، أرسل قالبًا معتمدًا.</translation>
    </message>
    <message>
      <source>WhatsApp message status</source>
      <translation>حالة رسالة WhatsApp</translation>
    </message>
    <message>
      <source>Starts the flow when a message you sent is sent, delivered, read or fails to arrive after WhatsApp accepted it (Meta calls this flow's webhook).</source>
      <translation>يبدأ التدفق عندما تُرسَل رسالة أرسلتها أو تُسلَّم أو تُقرأ أو تفشل في الوصول بعد أن قبلها WhatsApp (تستدعي Meta ويب هوك هذا التدفق).</translation>
    </message>
    <message>
      <source>In your Meta app, open WhatsApp › Configuration, paste the live address as the Callback URL with your verify token, and subscribe to the messages field (statuses come with it).</source>
      <translation>في تطبيقك على Meta افتح WhatsApp › Configuration، والصق العنوان المباشر في Callback URL مع رمز التحقق، واشترك في الحقل messages (تأتي الحالات معه).</translation>
    </message>
    <message>
      <source>When a WhatsApp message fails{status:=failed}</source>
      <translation>عند فشل رسالة واتساب{status:=failed}</translation>
    </message>
    <message>
      <source>When a WhatsApp message is sent{status:=sent}</source>
      <translation>عند إرسال رسالة واتساب{status:=sent}</translation>
    </message>
    <message>
      <source>When a WhatsApp message is delivered{status:=delivered}</source>
      <translation>عند تسليم رسالة واتساب{status:=delivered}</translation>
    </message>
    <message>
      <source>When a WhatsApp message is read{status:=read}</source>
      <translation>عند قراءة رسالة واتساب{status:=read}</translation>
    </message>
    <message>
      <source>When a WhatsApp message's status changes</source>
      <translation>عند تغيّر حالة رسالة واتساب</translation>
    </message>
    <message>
      <source>Send WhatsApp media</source>
      <translation>إرسال وسائط WhatsApp</translation>
    </message>
    <message>
      <source>Sends an image, document, audio or video by its public link to a customer who wrote to you in the last 24 hours.</source>
      <translation>يرسل صورة أو مستندًا أو مقطعًا صوتيًا أو فيديو برابطه العام إلى عميل راسلك خلال آخر 24 ساعة.</translation>
    </message>
    <message>
      <source>Send WhatsApp {kind:choice} to {to}</source>
      <translation>أرسل {kind:choice} على واتساب إلى {to}</translation>
    </message>
    <message>
      <source>Send a WhatsApp file</source>
      <translation>أرسل ملفًا على واتساب</translation>
    </message>
    <message>
      <source>Send WhatsApp buttons</source>
      <translation>إرسال أزرار WhatsApp</translation>
    </message>
    <message>
      <source>Sends a message with up to three reply buttons (Confirm, Cancel …); the choice arrives as a new message.</source>
      <translation>يرسل رسالة فيها حتى ثلاثة أزرار رد (تأكيد، إلغاء …)؛ ويصل الاختيار كرسالة جديدة.</translation>
    </message>
    <message>
      <source>Send WhatsApp buttons to {to}</source>
      <translation>أرسل أزرار واتساب إلى {to}</translation>
    </message>
    <message>
      <source>Send WhatsApp list</source>
      <translation>إرسال قائمة WhatsApp</translation>
    </message>
    <message>
      <source>Sends a message whose button opens a list of up to ten choices (sizes, branches, times); the choice arrives as a new message.</source>
      <translation>يرسل رسالة يفتح زرها قائمة من حتى عشرة خيارات (مقاسات، فروع، مواعيد)؛ ويصل الاختيار كرسالة جديدة.</translation>
    </message>
    <message>
      <source>Send a WhatsApp list to {to}</source>
      <translation>أرسل قائمة واتساب إلى {to}</translation>
    </message>
    <message>
      <source>Send a WhatsApp list</source>
      <translation>أرسل قائمة واتساب</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
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
    <message>
      <source>Only when</source>
      <translation>فقط عندما</translation>
    </message>
    <message>
      <source>failed: WhatsApp accepted a message but couldn't deliver it.</source>
      <translation>فشلت: قبل WhatsApp الرسالة لكنه لم يستطع تسليمها.</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>أُرسلت</translation>
    </message>
    <message>
      <source>read</source>
      <translation>قُرئت</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>النوع</translation>
    </message>
    <message>
      <source>image</source>
      <translation>صورة</translation>
    </message>
    <message>
      <source>document</source>
      <translation>مستند</translation>
    </message>
    <message>
      <source>audio</source>
      <translation>مقطع صوتي</translation>
    </message>
    <message>
      <source>video</source>
      <translation>فيديو</translation>
    </message>
    <message>
      <source>File link</source>
      <translation>رابط الملف</translation>
    </message>
    <message>
      <source>A public https:// link to the file, e.g. a product photo or an invoice PDF.</source>
      <translation>رابط https:// عام للملف، مثل صورة منتج أو فاتورة PDF.</translation>
    </message>
    <message>
      <source>Not shown for audio.</source>
      <translation>لا يظهر مع المقاطع الصوتية.</translation>
    </message>
    <message>
      <source>For a document: the name the customer sees.</source>
      <translation>للمستند: الاسم الذي يراه العميل.</translation>
    </message>
    <message>
      <source>Up to 3 reply buttons, up to 20 characters each, e.g. Confirm, Cancel; the customer's choice arrives as a new message whose reply_id is the button's title.</source>
      <translation>حتى 3 أزرار رد، كل منها حتى 20 حرفًا، مثل: تأكيد، إلغاء؛ ويصل اختيار العميل كرسالة جديدة قيمة reply_id فيها هي عنوان الزر.</translation>
    </message>
    <message>
      <source>Footer</source>
      <translation>التذييل</translation>
    </message>
    <message>
      <source>List button</source>
      <translation>زر القائمة</translation>
    </message>
    <message>
      <source>The button that opens the list, up to 20 characters, e.g. Choose a size.</source>
      <translation>الزر الذي يفتح القائمة، حتى 20 حرفًا، مثل: اختر المقاس.</translation>
    </message>
    <message>
      <source>Choices</source>
      <translation>الخيارات</translation>
    </message>
    <message>
      <source>Up to 10 choices, up to 24 characters each; the customer's choice arrives as a new message whose reply_id is its title.</source>
      <translation>حتى 10 خيارات، كل منها حتى 24 حرفًا؛ ويصل اختيار العميل كرسالة جديدة قيمة reply_id فيها هي عنوانه.</translation>
    </message>
    <message>
      <source>List title</source>
      <translation>عنوان القائمة</translation>
    </message>
  </context>
  <context>
    <name>ConnectorMessages</name>
    <message>
      <source>Invalid WhatsApp API token — reconnect the WhatsApp account.</source>
      <translation>رمز WhatsApp API غير صالح — أعد ربط حساب WhatsApp.</translation>
    </message>
    <message>
      <source>WhatsApp didn't answer; the message may have been sent, so Flowin didn't send it again.</source>
      <translation>لم يردّ WhatsApp؛ ربما أُرسلت الرسالة، لذلك لم يرسلها Flowin مرة أخرى.</translation>
    </message>
    <message>
      <source>WhatsApp refused the message: {reason} (Meta's code {code}: {message}.)</source>
      <translation>رفض WhatsApp الرسالة: {reason} (رمز Meta {code}: {message}.)</translation>
    </message>
    <message>
      <source>More than 24 hours have passed since the customer last wrote: use a template message (Send WhatsApp template) to write to them now.</source>
      <translation>مرّت أكثر من 24 ساعة منذ آخر رسالة من العميل: استخدم رسالة قالب (إرسال قالب WhatsApp) لمراسلته الآن.</translation>
    </message>
    <message>
      <source>The message could not be delivered: the number may not be on WhatsApp, or the customer hasn't accepted WhatsApp's latest terms.</source>
      <translation>تعذّر تسليم الرسالة: ربما الرقم غير مسجّل في WhatsApp، أو لم يوافق العميل على أحدث شروط WhatsApp.</translation>
    </message>
    <message>
      <source>WhatsApp can't send this kind of message.</source>
      <translation>لا يستطيع WhatsApp إرسال هذا النوع من الرسائل.</translation>
    </message>
    <message>
      <source>WhatsApp couldn't download the customer's media.</source>
      <translation>لم يستطع WhatsApp تنزيل وسائط العميل.</translation>
    </message>
    <message>
      <source>WhatsApp couldn't use the file at the link: check that it is public and of a kind and size WhatsApp takes.</source>
      <translation>لم يستطع WhatsApp استخدام الملف الموجود في الرابط: تحقّق من أنه عام ومن نوع وحجم يقبلهما WhatsApp.</translation>
    </message>
  </context>
</TS>
