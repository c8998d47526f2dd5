<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Gmail</source>
      <translation>Gmail</translation>
    </message>
    <message>
      <source>Send e-mail and replies from your Gmail account, label e-mails, and start a flow when an e-mail arrives.</source>
      <translation>أرسل رسائل بريد وردودًا من حساب Gmail الخاص بك، وصنّف الرسائل، وابدأ تدفقًا عند وصول بريد.</translation>
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
      <source>On e-mail matching {query}</source>
      <translation>عند بريد يطابق {query}</translation>
    </message>
    <message>
      <source>On a new e-mail in Gmail</source>
      <translation>عند بريد جديد في Gmail</translation>
    </message>
    <message>
      <source>Email {to} with Gmail: {subject}</source>
      <translation>بريد Gmail إلى {to}: {subject}</translation>
    </message>
    <message>
      <source>Email {to} with Gmail</source>
      <translation>أرسل بريد Gmail إلى {to}</translation>
    </message>
    <message>
      <source>Send an e-mail with Gmail</source>
      <translation>أرسل بريدًا عبر Gmail</translation>
    </message>
    <message>
      <source>Reply to an e-mail with Gmail</source>
      <translation>الرد على رسالة بريد عبر Gmail</translation>
    </message>
    <message>
      <source>Answers an e-mail in its conversation (Re: its subject, in its thread), to its sender or to all, with text, HTML and attachments.</source>
      <translation>يرد على رسالة بريد في محادثتها (Re: موضوعها، في سلسلتها)، إلى مرسلها أو إلى الجميع، بنص وHTML ومرفقات.</translation>
    </message>
    <message>
      <source>Reply to the e-mail with Gmail</source>
      <translation>رد على الرسالة عبر جيميل</translation>
    </message>
    <message>
      <source>Reply in the Gmail thread</source>
      <translation>رد في سلسلة جيميل</translation>
    </message>
    <message>
      <source>Change Gmail labels</source>
      <translation>تغيير تصنيفات Gmail</translation>
    </message>
    <message>
      <source>Adds and removes an e-mail's labels: file it under Orders, star it, mark it read (remove UNREAD) or archive it (remove INBOX).</source>
      <translation>يضيف تصنيفات رسالة بريد ويزيلها: ضعها تحت Orders، أو ميّزها بنجمة، أو علّمها كمقروءة (أزل UNREAD)، أو أرشفها (أزل INBOX).</translation>
    </message>
    <message>
      <source>Change the labels of the Gmail e-mail</source>
      <translation>غيّر تصنيفات رسالة جيميل</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
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
      <source>Read attachments</source>
      <translation>اقرأ المرفقات</translation>
    </message>
    <message>
      <source>Put each attachment's content in files (up to 10 MB each), to save or forward it, e.g. Attachments = {{ trigger.files }}.</source>
      <translation>يضع محتوى كل مرفق في files (حتى 10 ميغابايت لكل منها)، لحفظه أو إعادة توجيهه، مثال: المرفقات = {{ trigger.files }}.</translation>
    </message>
    <message>
      <source>E-mail to answer</source>
      <translation>الرسالة المراد الرد عليها</translation>
    </message>
    <message>
      <source>The Gmail id of the e-mail, e.g. {{ trigger.id }} of a New e-mail trigger.</source>
      <translation>معرّف الرسالة في Gmail، مثال: {{ trigger.id }} من مشغّل بريد جديد.</translation>
    </message>
    <message>
      <source>Reply to all</source>
      <translation>الرد على الجميع</translation>
    </message>
    <message>
      <source>Also to its To and Cc.</source>
      <translation>وإلى من في To وCc أيضًا.</translation>
    </message>
    <message>
      <source>The Gmail id of the e-mail, e.g. {{ trigger.id }}.</source>
      <translation>معرّف الرسالة في Gmail، مثال: {{ trigger.id }}.</translation>
    </message>
    <message>
      <source>Add labels</source>
      <translation>أضف تصنيفات</translation>
    </message>
    <message>
      <source>Label names, e.g. Orders, STARRED, IMPORTANT.</source>
      <translation>أسماء التصنيفات، مثل Orders وSTARRED وIMPORTANT.</translation>
    </message>
    <message>
      <source>Remove labels</source>
      <translation>أزل تصنيفات</translation>
    </message>
    <message>
      <source>Label names, e.g. UNREAD (marks it read) or INBOX (archives it).</source>
      <translation>أسماء التصنيفات، مثل UNREAD (تعلّمها مقروءة) أو INBOX (تؤرشفها).</translation>
    </message>
  </context>
</TS>
