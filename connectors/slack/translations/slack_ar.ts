<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Slack</source>
      <translation>Slack</translation>
    </message>
    <message>
      <source>Post and update messages in Slack channels, message people by e-mail, and start flows when people write in channels.</source>
      <translation>انشر الرسائل في قنوات Slack وحدّثها، وراسل الأشخاص ببريدهم الإلكتروني، وابدأ تدفقات عندما يكتب الناس في القنوات.</translation>
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
      <source>In your Slack app's settings, open Event Subscriptions, turn events on and paste the live address as the Request URL.</source>
      <translation>في إعدادات تطبيقك على Slack افتح Event Subscriptions، وفعّل الأحداث، والصق العنوان المباشر في خانة Request URL.</translation>
    </message>
    <message>
      <source>On a message in {channel}</source>
      <translation>عند رسالة في {channel}</translation>
    </message>
    <message>
      <source>On a Slack message</source>
      <translation>عند رسالة في Slack</translation>
    </message>
    <message>
      <source>Post to {channel}: {text}</source>
      <translation>انشر في {channel}: {text}</translation>
    </message>
    <message>
      <source>Post to {channel}</source>
      <translation>انشر في {channel}</translation>
    </message>
    <message>
      <source>Post a Slack message</source>
      <translation>انشر رسالة في Slack</translation>
    </message>
    <message>
      <source>Update Slack message</source>
      <translation>تحديث رسالة Slack</translation>
    </message>
    <message>
      <source>Changes the text or blocks of a message the app posted, e.g. an order's status as it moves along.</source>
      <translation>يغيّر نص أو كتل رسالة نشرها التطبيق، مثل حالة طلب وهو يتقدّم.</translation>
    </message>
    <message>
      <source>Update the Slack message to {text}</source>
      <translation>حدّث رسالة سلاك إلى {text}</translation>
    </message>
    <message>
      <source>Update a Slack message</source>
      <translation>حدّث رسالة سلاك</translation>
    </message>
    <message>
      <source>Message a Slack user by e-mail</source>
      <translation>مراسلة مستخدم Slack ببريده الإلكتروني</translation>
    </message>
    <message>
      <source>Finds a person in the workspace by their e-mail address and sends them a direct message from the app.</source>
      <translation>يجد شخصًا في مساحة العمل ببريده الإلكتروني ويرسل إليه رسالة مباشرة من التطبيق.</translation>
    </message>
    <message>
      <source>Message {email} on Slack</source>
      <translation>راسل {email} على سلاك</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
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
      <source>The channel ID (C…) of the message, e.g. {{ steps['Post'].output.channel }}.</source>
      <translation>معرّف قناة الرسالة (C…)، مثال: {{ steps['Post'].output.channel }}.</translation>
    </message>
    <message>
      <source>Message ts</source>
      <translation>الطابع الزمني للرسالة</translation>
    </message>
    <message>
      <source>The message's ts, e.g. {{ steps['Post'].output.ts }}; the app can change only its own messages.</source>
      <translation>قيمة ts للرسالة، مثال: {{ steps['Post'].output.ts }}؛ لا يغيّر التطبيق إلا رسائله.</translation>
    </message>
    <message>
      <source>Also the notification text when Blocks are set.</source>
      <translation>وهو أيضًا نص الإشعار عند تعيين الكتل.</translation>
    </message>
    <message>
      <source>Block Kit JSON (a list of blocks); empty keeps the message's blocks.</source>
      <translation>JSON بصيغة Block Kit (قائمة كتل)؛ تركه فارغًا يُبقي كتل الرسالة.</translation>
    </message>
    <message>
      <source>The e-mail address of a person in the workspace, e.g. layla@shop.com.</source>
      <translation>البريد الإلكتروني لشخص في مساحة العمل، مثال: layla@shop.com.</translation>
    </message>
    <message>
      <source>The message.</source>
      <translation>الرسالة.</translation>
    </message>
  </context>
  <context>
    <name>ConnectorMessages</name>
    <message>
      <source>Slack: the bot token is wrong or was revoked — reconnect Slack.</source>
      <translation>Slack: رمز البوت غير صحيح أو أُلغي — أعد ربط Slack.</translation>
    </message>
    <message>
      <source>Slack didn't answer; the message may have been posted, so Flowin didn't post it again.</source>
      <translation>لم يردّ Slack؛ ربما نُشرت الرسالة، لذلك لم ينشرها Flowin مرة أخرى.</translation>
    </message>
    <message>
      <source>Slack: no one in the workspace has the e-mail address '{email}'.</source>
      <translation>Slack: لا يوجد أحد في مساحة العمل بعنوان البريد '{email}'.</translation>
    </message>
    <message>
      <source>Slack: the app may not do {method} yet — add {needed} under OAuth &amp; Permissions → Scopes, reinstall the app to the workspace, and copy its new bot token.</source>
      <translation>Slack: لا يُسمح للتطبيق بعد بتنفيذ {method} — أضف {needed} في OAuth &amp; Permissions → Scopes، وأعد تثبيت التطبيق في مساحة العمل، وانسخ رمز البوت الجديد.</translation>
    </message>
    <message>
      <source>Slack can't change that message ({error}): check its Channel and Message ts; the app can change only messages it posted.</source>
      <translation>لا يستطيع Slack تغيير تلك الرسالة ({error}): تحقّق من القناة والطابع الزمني للرسالة؛ لا يغيّر التطبيق إلا الرسائل التي نشرها.</translation>
    </message>
  </context>
</TS>
