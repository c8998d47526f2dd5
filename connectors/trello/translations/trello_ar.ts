<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Trello</source>
      <translation>تريلو (Trello)</translation>
    </message>
    <message>
      <source>Start a flow when a card is created, moved to a list or overdue; create cards, move them and comment on them.</source>
      <translation>ابدأ تدفقًا عند إنشاء بطاقة أو نقلها إلى قائمة أو تأخرها عن موعدها؛ وأنشئ البطاقات وانقلها وعلّق عليها.</translation>
    </message>
    <message>
      <source>New Trello card</source>
      <translation>بطاقة جديدة في تريلو</translation>
    </message>
    <message>
      <source>Starts the flow when a card is added to the watched board, signed by Trello with your application's secret.</source>
      <translation>يبدأ التدفق عند إضافة بطاقة إلى اللوحة المراقَبة، بطلب يوقّعه Trello بسرّ تطبيقك.</translation>
    </message>
    <message>
      <source>Trello has no page for webhooks: switch this flow on, then run a «Watch a Trello board» step once with the board and this live address.</source>
      <translation>ليس في Trello صفحة للويب هوك: شغّل هذا التدفق، ثم نفّذ مرة واحدة خطوة «مراقبة لوحة تريلو» باللوحة وهذا العنوان المباشر.</translation>
    </message>
    <message>
      <source>On a new Trello card in {list_name}</source>
      <translation>عند بطاقة جديدة في تريلو في {list_name}</translation>
    </message>
    <message>
      <source>On a new Trello card</source>
      <translation>عند بطاقة جديدة في تريلو</translation>
    </message>
    <message>
      <source>Trello card moved to a list</source>
      <translation>نقل بطاقة تريلو إلى قائمة</translation>
    </message>
    <message>
      <source>Starts the flow when a card of the watched board is moved to another list (or to the list you name), signed by Trello with your application's secret.</source>
      <translation>يبدأ التدفق عند نقل بطاقة في اللوحة المراقَبة إلى قائمة أخرى (أو إلى القائمة التي تحددها)، بطلب يوقّعه Trello بسرّ تطبيقك.</translation>
    </message>
    <message>
      <source>When a Trello card is moved to {list_name}</source>
      <translation>عند نقل بطاقة تريلو إلى {list_name}</translation>
    </message>
    <message>
      <source>When a Trello card is moved</source>
      <translation>عند نقل بطاقة تريلو</translation>
    </message>
    <message>
      <source>Trello card overdue</source>
      <translation>بطاقة تريلو متأخرة</translation>
    </message>
    <message>
      <source>Starts the flow once for each card of a board whose due date has passed and that isn't marked complete.</source>
      <translation>يبدأ التدفق مرة واحدة لكل بطاقة في اللوحة فات موعد استحقاقها ولم تُعلَّم كمكتملة.</translation>
    </message>
    <message>
      <source>When a card on {board} is overdue</source>
      <translation>عند تأخر بطاقة في {board}</translation>
    </message>
    <message>
      <source>When a Trello card is overdue</source>
      <translation>عند تأخر بطاقة في تريلو</translation>
    </message>
    <message>
      <source>Create a Trello card</source>
      <translation>إنشاء بطاقة في تريلو</translation>
    </message>
    <message>
      <source>Adds a card to a list, with a description, due date, labels and members if you give them.</source>
      <translation>يضيف بطاقة إلى قائمة، مع وصف وموعد استحقاق وتسميات وأعضاء إن أعطيتها.</translation>
    </message>
    <message>
      <source>Add Trello card {name}</source>
      <translation>أضف بطاقة تريلو {name}</translation>
    </message>
    <message>
      <source>Add a Trello card</source>
      <translation>أضف بطاقة في تريلو</translation>
    </message>
    <message>
      <source>Move a Trello card</source>
      <translation>نقل بطاقة تريلو</translation>
    </message>
    <message>
      <source>Moves a card to another list of its board; moving it twice leaves it in the same place.</source>
      <translation>ينقل بطاقة إلى قائمة أخرى في لوحتها؛ ونقلها مرتين يتركها في المكان نفسه.</translation>
    </message>
    <message>
      <source>Move the Trello card to {list_name}</source>
      <translation>انقل بطاقة تريلو إلى {list_name}</translation>
    </message>
    <message>
      <source>Comment on a Trello card</source>
      <translation>التعليق على بطاقة تريلو</translation>
    </message>
    <message>
      <source>Adds a comment to a card.</source>
      <translation>يضيف تعليقًا إلى بطاقة.</translation>
    </message>
    <message>
      <source>Comment on the Trello card: {text}</source>
      <translation>علّق على بطاقة تريلو: {text}</translation>
    </message>
    <message>
      <source>Watch a Trello board</source>
      <translation>مراقبة لوحة تريلو</translation>
    </message>
    <message>
      <source>Asks Trello to send a board's changes to a Trello trigger's live address; run it once, with that flow switched on.</source>
      <translation>يطلب من Trello إرسال تغييرات اللوحة إلى العنوان المباشر لمشغّل تريلو؛ نفّذه مرة واحدة والتدفق قيد التشغيل.</translation>
    </message>
    <message>
      <source>Watch Trello board {board}</source>
      <translation>راقب لوحة تريلو {board}</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>From trello.com/power-ups/admin: your Power-Up › API key.</source>
      <translation>من trello.com/power-ups/admin: الـ Power-Up الخاص بك › API key.</translation>
    </message>
    <message>
      <source>Made on the same page with the Token link, after you allow access.</source>
      <translation>يُنشأ من الصفحة نفسها برابط Token بعد أن تسمح بالوصول.</translation>
    </message>
    <message>
      <source>Secret (for triggers)</source>
      <translation>السر (للمشغّلات)</translation>
    </message>
    <message>
      <source>The Secret shown under the API key; Flowin refuses deliveries Trello didn't sign with it.</source>
      <translation>السر (Secret) الظاهر تحت API key؛ ويرفض Flowin ما لم يوقّعه Trello به.</translation>
    </message>
    <message>
      <source>The connected Trello account.</source>
      <translation>حساب تريلو المربوط.</translation>
    </message>
    <message>
      <source>Only in list</source>
      <translation>في القائمة فقط</translation>
    </message>
    <message>
      <source>A list's name or ID; empty for cards in any list.</source>
      <translation>اسم القائمة أو معرّفها؛ اتركه فارغًا لبطاقات أي قائمة.</translation>
    </message>
    <message>
      <source>The board's link (https://trello.com/b/…) or its ID.</source>
      <translation>رابط اللوحة (https://trello.com/b/…) أو معرّفها.</translation>
    </message>
    <message>
      <source>The board's link or ID; needed when the list is given by its name.</source>
      <translation>رابط اللوحة أو معرّفها؛ مطلوب عندما تُعطى القائمة باسمها.</translation>
    </message>
    <message>
      <source>Board</source>
      <translation>اللوحة</translation>
    </message>
    <message>
      <source>List</source>
      <translation>القائمة</translation>
    </message>
    <message>
      <source>The list's name (e.g. To do) or its ID.</source>
      <translation>اسم القائمة (مثل To do) أو معرّفها.</translation>
    </message>
    <message>
      <source>Card title</source>
      <translation>عنوان البطاقة</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>موعد الاستحقاق</translation>
    </message>
    <message>
      <source>A date, or a date and time, e.g. 2026-12-05T17:00:00+03:00; empty for none.</source>
      <translation>تاريخ، أو تاريخ ووقت، مثل 2026-12-05T17:00:00+03:00؛ اتركه فارغًا بلا موعد.</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>التسميات</translation>
    </message>
    <message>
      <source>Label names or IDs of the board, separated by commas.</source>
      <translation>أسماء تسميات اللوحة أو معرّفاتها، مفصولة بفواصل.</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>الأعضاء</translation>
    </message>
    <message>
      <source>Member IDs of the board, separated by commas.</source>
      <translation>معرّفات أعضاء اللوحة، مفصولة بفواصل.</translation>
    </message>
    <message>
      <source>Place in the list</source>
      <translation>المكان في القائمة</translation>
    </message>
    <message>
      <source>bottom</source>
      <translation>في الأسفل</translation>
    </message>
    <message>
      <source>top</source>
      <translation>في الأعلى</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>البطاقة</translation>
    </message>
    <message>
      <source>The card's link or ID, e.g. {{ trigger.card_id }}.</source>
      <translation>رابط البطاقة أو معرّفها، مثل {{ trigger.card_id }}.</translation>
    </message>
    <message>
      <source>To list</source>
      <translation>إلى القائمة</translation>
    </message>
    <message>
      <source>The list's name (on the card's board) or its ID.</source>
      <translation>اسم القائمة (في لوحة البطاقة) أو معرّفها.</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>التعليق</translation>
    </message>
    <message>
      <source>Trigger's address</source>
      <translation>عنوان المشغّل</translation>
    </message>
    <message>
      <source>The live address shown on the Trello trigger of the flow to start.</source>
      <translation>العنوان المباشر الظاهر على مشغّل تريلو في التدفق الذي تريد تشغيله.</translation>
    </message>
  </context>
  <context>
    <name>ConnectorMessages</name>
    <message>
      <source>Trello didn't accept the API key and token; create a token again at trello.com/power-ups/admin (your Power-Up › API key › Token) and copy both into the account.</source>
      <translation>لم يقبل Trello مفتاح API والرمز (Token)؛ أنشئ رمزًا جديدًا في trello.com/power-ups/admin (الـ Power-Up › API key › Token) وانسخ الاثنين إلى الحساب.</translation>
    </message>
  </context>
</TS>
