<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Telegram</source>
      <translation>Telegram</translation>
    </message>
    <message>
      <source>Send messages, photos and files from your Telegram bot, and start flows when people message it.</source>
      <translation>أرسل رسائل وصورًا وملفات من بوت Telegram الخاص بك، وابدأ تدفقات عندما يراسله الناس.</translation>
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
      <source>On a Telegram message</source>
      <translation>عند رسالة تيليجرام</translation>
    </message>
    <message>
      <source>Send Telegram to {chat_id}</source>
      <translation>أرسل تيليجرام إلى {chat_id}</translation>
    </message>
    <message>
      <source>Send a Telegram message</source>
      <translation>أرسل رسالة تيليجرام</translation>
    </message>
    <message>
      <source>Send a photo on Telegram to {chat_id}</source>
      <translation>أرسل صورة على تيليجرام إلى {chat_id}</translation>
    </message>
    <message>
      <source>Send a photo on Telegram</source>
      <translation>أرسل صورة على تيليجرام</translation>
    </message>
    <message>
      <source>Send a file on Telegram to {chat_id}</source>
      <translation>أرسل ملفًا على تيليجرام إلى {chat_id}</translation>
    </message>
    <message>
      <source>Send a file on Telegram</source>
      <translation>أرسل ملفًا على تيليجرام</translation>
    </message>
    <message>
      <source>Telegram button pressed</source>
      <translation>ضغطة زر في Telegram</translation>
    </message>
    <message>
      <source>Starts the flow when someone presses an inline button of your bot's messages (checks every interval).</source>
      <translation>يبدأ التدفق عندما يضغط أحد زرًا مضمّنًا في رسائل البوت الخاص بك (يتحقق كل فترة).</translation>
    </message>
    <message>
      <source>Answer Telegram button press</source>
      <translation>الرد على ضغطة زر Telegram</translation>
    </message>
    <message>
      <source>Answers a button press: the button stops loading and the person sees a short notice or an alert.</source>
      <translation>يردّ على ضغطة زر: يتوقف الزر عن التحميل ويرى الشخص تنبيهًا قصيرًا أو رسالة تنبيه.</translation>
    </message>
    <message>
      <source>Edit Telegram message</source>
      <translation>تعديل رسالة Telegram</translation>
    </message>
    <message>
      <source>Replaces the text and buttons of a message your bot sent, e.g. after a button press.</source>
      <translation>يستبدل نص وأزرار رسالة أرسلها البوت الخاص بك، مثلًا بعد ضغطة زر.</translation>
    </message>
    <message>
      <source>On the Telegram button {data}</source>
      <translation>عند زر تيليجرام {data}</translation>
    </message>
    <message>
      <source>On a Telegram button press</source>
      <translation>عند ضغطة زر في تيليجرام</translation>
    </message>
    <message>
      <source>Answer the button press: {text}</source>
      <translation>الرد على ضغطة الزر: {text}</translation>
    </message>
    <message>
      <source>Answer a Telegram button press</source>
      <translation>الرد على ضغطة زر في تيليجرام</translation>
    </message>
    <message>
      <source>Edit Telegram message to {text}</source>
      <translation>تعديل رسالة تيليجرام إلى {text}</translation>
    </message>
    <message>
      <source>Edit a Telegram message</source>
      <translation>تعديل رسالة تيليجرام</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>The token @BotFather gave you, like 123456789:AAH…</source>
      <translation>الرمز الذي أعطاك إياه @BotFather، مثل 123456789:AAH…</translation>
    </message>
    <message>
      <source>Change only for your own Bot API server.</source>
      <translation>لا تغيّره إلا إن كان لديك خادم Bot API خاص بك.</translation>
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
      <source>Caption formatting</source>
      <translation>تنسيق التعليق</translation>
    </message>
    <message>
      <source>Only for button</source>
      <translation>لزر واحد فقط</translation>
    </message>
    <message>
      <source>The button's callback_data, e.g. confirm; leave empty to start on any button.</source>
      <translation>قيمة callback_data للزر، مثال: confirm؛ اتركه فارغًا ليبدأ عند أي زر.</translation>
    </message>
    <message>
      <source>Button press</source>
      <translation>ضغطة الزر</translation>
    </message>
    <message>
      <source>The press to answer: {{ trigger.callback_query_id }} of a Telegram button pressed trigger.</source>
      <translation>الضغطة التي يُردّ عليها: {{ trigger.callback_query_id }} من مشغّل ضغطة زر في Telegram.</translation>
    </message>
    <message>
      <source>Notice</source>
      <translation>التنبيه</translation>
    </message>
    <message>
      <source>A short notice Telegram shows the person (empty: the button just stops loading).</source>
      <translation>تنبيه قصير يعرضه Telegram للشخص (فارغ: يتوقف الزر عن التحميل فقط).</translation>
    </message>
    <message>
      <source>Show as an alert</source>
      <translation>اعرضه كرسالة تنبيه</translation>
    </message>
    <message>
      <source>A box the person closes, not a notice.</source>
      <translation>نافذة يغلقها الشخص، لا تنبيه عابر.</translation>
    </message>
    <message>
      <source>The chat of the message, e.g. {{ trigger.chat_id }}.</source>
      <translation>محادثة الرسالة، مثال: {{ trigger.chat_id }}.</translation>
    </message>
    <message>
      <source>Message ID</source>
      <translation>معرّف الرسالة</translation>
    </message>
    <message>
      <source>The message to edit, e.g. {{ trigger.message_id }} of a Telegram button pressed trigger; only the bot's own messages can be edited.</source>
      <translation>الرسالة المراد تعديلها، مثال: {{ trigger.message_id }} من مشغّل ضغطة زر في Telegram؛ لا يمكن تعديل إلا رسائل البوت نفسه.</translation>
    </message>
    <message>
      <source>The new inline keyboard as JSON, e.g. {"inline_keyboard": [[{"text": "Done", "callback_data": "done"}]]}; empty removes the buttons.</source>
      <translation>لوحة الأزرار المضمّنة الجديدة بصيغة JSON، مثال: {"inline_keyboard": [[{"text": "Done", "callback_data": "done"}]]}؛ تركه فارغًا يزيل الأزرار.</translation>
    </message>
  </context>
  <context>
    <name>ConnectorMessages</name>
    <message>
      <source>Telegram: the bot token is wrong — reconnect the bot.</source>
      <translation>Telegram: رمز البوت غير صحيح — أعد ربط البوت.</translation>
    </message>
    <message>
      <source>Telegram didn't answer; the message may have been sent, so Flowin didn't send it again. Check the chat.</source>
      <translation>لم يردّ Telegram؛ ربما أُرسلت الرسالة، لذلك لم يرسلها Flowin مرة أخرى. راجع المحادثة.</translation>
    </message>
    <message>
      <source>Telegram can't read the formatting of the text ({detail}). Check the step's {title} setting: choose none to send the text as it is, or write the text as {title} expects (MarkdownV2 wants a \ before signs such as . ! - ( ) _ *).</source>
      <translation>لا يستطيع Telegram قراءة تنسيق النص ({detail}). راجع إعداد {title} في الخطوة: اختر none لإرسال النص كما هو، أو اكتب النص كما يتوقعه {title} (يتطلب MarkdownV2 وضع \ قبل علامات مثل . ! - ( ) _ *).</translation>
    </message>
    <message>
      <source>Telegram: chat not found — has the user started your bot?</source>
      <translation>Telegram: المحادثة غير موجودة — هل ضغط المستخدم Start في البوت الخاص بك؟</translation>
    </message>
    <message>
      <source>Telegram: the button press is too old to answer (a press must be answered within about 15 seconds), or it was answered already.</source>
      <translation>Telegram: ضغطة الزر أقدم من أن يُردّ عليها (يجب الرد خلال نحو 15 ثانية من الضغط)، أو رُدّ عليها من قبل.</translation>
    </message>
  </context>
</TS>
