<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Outlook</source>
      <translation>Outlook</translation>
    </message>
    <message>
      <source>Send e-mail from your Outlook, Hotmail or Microsoft 365 account, and start a flow when an e-mail arrives in its inbox.</source>
      <translation>أرسل بريدًا من حسابك في Outlook أو Hotmail أو Microsoft 365، وابدأ تدفقًا عند وصول بريد إلى صندوق الوارد.</translation>
    </message>
    <message>
      <source>New e-mail in Outlook</source>
      <translation>بريد جديد في Outlook</translation>
    </message>
    <message>
      <source>Starts the flow once for each new e-mail in the Outlook inbox.</source>
      <translation>يبدأ التدفق مرة لكل رسالة بريد جديدة في صندوق وارد Outlook.</translation>
    </message>
    <message>
      <source>On a new e-mail in Outlook</source>
      <translation>عند بريد جديد في Outlook</translation>
    </message>
    <message>
      <source>Send an e-mail with Outlook</source>
      <translation>إرسال بريد عبر Outlook</translation>
    </message>
    <message>
      <source>Sends an e-mail (text or HTML, Cc, Bcc, Reply-To) from the connected Outlook account.</source>
      <translation>يرسل بريدًا إلكترونيًا (نص أو HTML، ونسخة Cc، ونسخة مخفية Bcc، وReply-To) من حساب Outlook المربوط.</translation>
    </message>
    <message>
      <source>Email {to} with Outlook: {subject}</source>
      <translation>بريد Outlook إلى {to}: {subject}</translation>
    </message>
    <message>
      <source>Email {to} with Outlook</source>
      <translation>أرسل بريد Outlook إلى {to}</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>The connected Outlook account.</source>
      <translation>حساب Outlook المربوط.</translation>
    </message>
    <message>
      <source>Keep a copy in Sent Items</source>
      <translation>احتفظ بنسخة في العناصر المرسلة</translation>
    </message>
    <message>
      <source>As Outlook does when you send.</source>
      <translation>كما يفعل Outlook عندما ترسل.</translation>
    </message>
  </context>
</TS>
