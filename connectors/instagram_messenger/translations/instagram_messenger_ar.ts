<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Instagram &amp; Messenger</source>
      <translation>Instagram و Messenger</translation>
    </message>
    <message>
      <source>Answer the direct messages customers send your Facebook Page on Messenger and your Instagram professional account, within Meta's 24-hour window.</source>
      <translation>رُدّ على الرسائل المباشرة التي يرسلها العملاء إلى صفحتك على Facebook عبر Messenger وإلى حسابك المهني على Instagram، خلال مهلة الـ 24 ساعة التي تحددها Meta.</translation>
    </message>
    <message>
      <source>New Instagram or Messenger message</source>
      <translation>رسالة جديدة على Instagram أو Messenger</translation>
    </message>
    <message>
      <source>Starts the flow when a customer sends your Page on Messenger, or your Instagram account, a direct message (Meta calls this flow's webhook); your own replies and read receipts start nothing.</source>
      <translation>يبدأ التدفق عندما يرسل عميل رسالة مباشرة إلى صفحتك على Messenger أو إلى حسابك على Instagram (تستدعي Meta الويب هوك الخاص بهذا التدفق)؛ ردودك أنت وإشعارات القراءة لا تبدأ شيئًا.</translation>
    </message>
    <message>
      <source>In your Meta app, open Webhooks (for the Page, and for Instagram), paste the live address as the Callback URL with your verify token, and subscribe to the messages field.</source>
      <translation>في تطبيقك على Meta افتح Webhooks (للصفحة، ولـ Instagram)، والصق العنوان المباشر في خانة Callback URL مع رمز التحقق، واشترك في حقل messages.</translation>
    </message>
    <message>
      <source>When an Instagram message arrives{source:=instagram}</source>
      <translation>عند وصول رسالة على انستجرام{source:=instagram}</translation>
    </message>
    <message>
      <source>When a Messenger message arrives{source:=messenger}</source>
      <translation>عند وصول رسالة على ماسنجر{source:=messenger}</translation>
    </message>
    <message>
      <source>When an Instagram or Messenger message arrives</source>
      <translation>عند وصول رسالة على انستجرام أو ماسنجر</translation>
    </message>
    <message>
      <source>Reply on Instagram or Messenger</source>
      <translation>الرد على Instagram أو Messenger</translation>
    </message>
    <message>
      <source>Sends a text reply, with optional quick-reply buttons, to a customer who wrote to your Page or Instagram account in the last 24 hours.</source>
      <translation>يرسل ردًا نصيًا، مع أزرار رد سريع إن شئت، إلى عميل راسل صفحتك أو حسابك على Instagram خلال آخر 24 ساعة.</translation>
    </message>
    <message>
      <source>Reply to {recipient_id} on Instagram or Messenger</source>
      <translation>رُدّ على {recipient_id} في انستجرام أو ماسنجر</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>Page access token</source>
      <translation>رمز وصول الصفحة</translation>
    </message>
    <message>
      <source>A Page token with pages_messaging (and instagram_manage_messages for Instagram), e.g. from a system user in Business Settings.</source>
      <translation>رمز صفحة بصلاحية pages_messaging (و instagram_manage_messages لـ Instagram)، مثلًا من مستخدم نظام في إعدادات الأعمال (Business Settings).</translation>
    </message>
    <message>
      <source>Meta app secret</source>
      <translation>المفتاح السري لتطبيق Meta</translation>
    </message>
    <message>
      <source>In the Meta app: App settings → Basic; Flowin checks with it that each incoming message was signed by Meta.</source>
      <translation>في تطبيق Meta: App settings ← Basic؛ يتحقق به Flowin من أن كل رسالة واردة موقَّعة من Meta.</translation>
    </message>
    <message>
      <source>Webhook verify token</source>
      <translation>رمز التحقق من الويب هوك</translation>
    </message>
    <message>
      <source>A phrase of your choice; type the same one where you paste the webhook address in the Meta app.</source>
      <translation>عبارة تختارها؛ اكتب العبارة نفسها حيث تلصق عنوان الويب هوك في تطبيق Meta.</translation>
    </message>
    <message>
      <source>Meta Graph API version</source>
      <translation>إصدار Meta Graph API</translation>
    </message>
    <message>
      <source>Page ID</source>
      <translation>معرّف الصفحة</translation>
    </message>
    <message>
      <source>Optional: replies go to this Page's messages; empty, to the token's own Page (me).</source>
      <translation>اختياري: تُرسَل الردود عبر رسائل هذه الصفحة؛ وإن تُرك فارغًا فعبر صفحة الرمز نفسها (me).</translation>
    </message>
    <message>
      <source>Messages from</source>
      <translation>الرسائل من</translation>
    </message>
    <message>
      <source>The connected Page.</source>
      <translation>الصفحة المربوطة.</translation>
    </message>
    <message>
      <source>any: messages to the Page on Messenger and to its Instagram account.</source>
      <translation>أي: الرسائل إلى الصفحة على Messenger وإلى حسابها على Instagram.</translation>
    </message>
    <message>
      <source>messenger</source>
      <translation>ماسنجر</translation>
    </message>
    <message>
      <source>instagram</source>
      <translation>انستجرام</translation>
    </message>
    <message>
      <source>The customer's ID from the message trigger, e.g. {{ trigger.sender_id }}.</source>
      <translation>معرّف العميل من مشغّل الرسالة، مثلًا {{ trigger.sender_id }}.</translation>
    </message>
    <message>
      <source>Quick replies</source>
      <translation>ردود سريعة</translation>
    </message>
    <message>
      <source>Up to 13 buttons under the message, up to 20 characters each; the customer's tap arrives as a new message whose quick_reply is the button's title.</source>
      <translation>حتى 13 زرًا تحت الرسالة، كلٌّ منها حتى 20 حرفًا؛ وضغطة العميل تصل رسالةً جديدة قيمة quick_reply فيها هي عنوان الزر.</translation>
    </message>
  </context>
  <context>
    <name>ConnectorMessages</name>
    <message>
      <source>Meta didn't accept the Page access token — copy a new one into the Instagram &amp; Messenger account.</source>
      <translation>لم تقبل Meta رمز وصول الصفحة — انسخ رمزًا جديدًا إلى حساب Instagram و Messenger.</translation>
    </message>
    <message>
      <source>Instagram &amp; Messenger didn't answer; the reply may have been sent, so Flowin didn't send it again.</source>
      <translation>لم يردّ Instagram و Messenger؛ ربما أُرسل الرد، لذلك لم يرسله Flowin مرة أخرى.</translation>
    </message>
    <message>
      <source>More than 24 hours have passed since the customer last wrote; Meta lets you answer only within 24 hours.</source>
      <translation>مرّت أكثر من 24 ساعة منذ آخر رسالة من العميل؛ ولا تسمح Meta بالرد إلا خلال 24 ساعة.</translation>
    </message>
    <message>
      <source>The Page access token may not send messages: give it pages_messaging (and instagram_manage_messages for Instagram), then copy it into the account again.</source>
      <translation>رمز وصول الصفحة لا يملك صلاحية إرسال الرسائل: امنحه pages_messaging (و instagram_manage_messages لـ Instagram)، ثم انسخه إلى الحساب مرة أخرى.</translation>
    </message>
    <message>
      <source>{reason} (Meta refused the reply with code {code}: {message}.)</source>
      <translation>{reason} (رفضت Meta الرد بالرمز {code}: {message}.)</translation>
    </message>
    <message>
      <source>Meta refused the reply: {reason} (code {code}: {message}.)</source>
      <translation>رفضت Meta الرد: {reason} (الرمز {code}: {message}.)</translation>
    </message>
    <message>
      <source>This person can't receive messages from the Page right now (they may have blocked it or turned its messages off).</source>
      <translation>لا يستطيع هذا الشخص استلام رسائل الصفحة الآن (ربما حظرها أو أوقف رسائلها).</translation>
    </message>
    <message>
      <source>Meta found no one with this ID for this Page: reply to the sender_id the New Instagram or Messenger message trigger gave, with the same Page's account.</source>
      <translation>لم تجد Meta أحدًا بهذا المعرّف لهذه الصفحة: رُدّ على sender_id الذي أعطاه مشغّل «رسالة جديدة على Instagram أو Messenger»، بحساب الصفحة نفسها.</translation>
    </message>
    <message>
      <source>Instagram &amp; Messenger: '{step}' needs the customer's ID under To, e.g. the sender_id of the message trigger.</source>
      <translation>Instagram و Messenger: تحتاج «{step}» إلى معرّف العميل في حقل «إلى»، مثلًا sender_id من مشغّل الرسالة.</translation>
    </message>
    <message>
      <source>Instagram &amp; Messenger: '{step}' takes up to {most} quick replies; it has {count}.</source>
      <translation>Instagram و Messenger: تقبل «{step}» حتى {most} ردًا سريعًا؛ وفيها {count}.</translation>
    </message>
    <message>
      <source>Instagram &amp; Messenger: each quick reply of '{step}' may be up to {longest} characters; '{title}' is longer.</source>
      <translation>Instagram و Messenger: كل رد سريع في «{step}» حتى {longest} حرفًا؛ و«{title}» أطول من ذلك.</translation>
    </message>
  </context>
</TS>
