<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>E-mail (SMTP)</source>
      <translation>البريد الإلكتروني (SMTP)</translation>
    </message>
    <message>
      <source>Send e-mail through any mail provider's SMTP server, with HTML and attachments.</source>
      <translation>أرسل بريدًا إلكترونيًا عبر خادم SMTP لدى أي مزوّد بريد، مع HTML ومرفقات.</translation>
    </message>
    <message>
      <source>Send an e-mail</source>
      <translation>إرسال بريد إلكتروني</translation>
    </message>
    <message>
      <source>Sends an e-mail with text, an HTML version and attachments through your SMTP server.</source>
      <translation>يرسل بريدًا إلكترونيًا بنصٍّ ونسخة HTML ومرفقات عبر خادم SMTP الخاص بك.</translation>
    </message>
    <message>
      <source>Email {to}: {subject}</source>
      <translation>بريد إلى {to}: {subject}</translation>
    </message>
    <message>
      <source>Email {to}</source>
      <translation>أرسل بريدًا إلى {to}</translation>
    </message>
    <message>
      <source>Send an e-mail</source>
      <translation>أرسل بريدًا إلكترونيًا</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>SMTP server</source>
      <translation>خادم SMTP</translation>
    </message>
    <message>
      <source>e.g. smtp.gmail.com or smtp.office365.com</source>
      <translation>مثال: smtp.gmail.com أو smtp.office365.com</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>المنفذ</translation>
    </message>
    <message>
      <source>465 for SSL, 587 for STARTTLS, 25 plain.</source>
      <translation>465 لـ SSL، و587 لـ STARTTLS، و25 دون تشفير.</translation>
    </message>
    <message>
      <source>Security</source>
      <translation>الأمان</translation>
    </message>
    <message>
      <source>ssl (port 465), starttls (587), none (trusted LAN).</source>
      <translation>SSL (المنفذ 465)، أو STARTTLS (587)، أو بلا (لشبكة محلية موثوقة).</translation>
    </message>
    <message>
      <source>ssl</source>
      <translation>SSL</translation>
    </message>
    <message>
      <source>starttls</source>
      <translation>STARTTLS</translation>
    </message>
    <message>
      <source>Usually your e-mail address.</source>
      <translation>عادةً عنوان بريدك الإلكتروني.</translation>
    </message>
    <message>
      <source>Often an app password, not the one you sign in with.</source>
      <translation>غالبًا كلمة مرور تطبيق، لا كلمة المرور التي تسجّل الدخول بها.</translation>
    </message>
    <message>
      <source>From address</source>
      <translation>عنوان المُرسِل</translation>
    </message>
    <message>
      <source>Defaults to the username.</source>
      <translation>اسم المستخدم ما لم تحدّد غيره.</translation>
    </message>
    <message>
      <source>From name</source>
      <translation>اسم المُرسِل</translation>
    </message>
    <message>
      <source>e.g. Layla's Shop</source>
      <translation>مثال: Layla's Shop</translation>
    </message>
    <message>
      <source>The connected mail account.</source>
      <translation>حساب البريد المربوط.</translation>
    </message>
  </context>
</TS>
