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
      <source>Send e-mail from your Gmail account, and start a flow when an e-mail arrives.</source>
      <translation>أرسل بريدًا إلكترونيًا من حسابك في Gmail، وابدأ تدفقًا عند وصول رسالة بريد.</translation>
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
  </context>
</TS>
