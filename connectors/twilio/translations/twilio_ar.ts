<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Twilio</source>
      <translation>Twilio</translation>
    </message>
    <message>
      <source>Send SMS from your Twilio number and start flows when someone texts it.</source>
      <translation>أرسل رسائل SMS من رقمك في Twilio، وابدأ تدفقات عندما يرسل إليه أحد رسالة نصية.</translation>
    </message>
    <message>
      <source>New SMS (Twilio)</source>
      <translation>رسالة SMS جديدة (Twilio)</translation>
    </message>
    <message>
      <source>Starts the flow when your Twilio number receives an SMS (set this flow's webhook address as the number's 'A message comes in' URL).</source>
      <translation>يبدأ التدفق عندما يستقبل رقمك في Twilio رسالة SMS (اجعل عنوان الويب هوك لهذا التدفق هو رابط 'A message comes in' للرقم).</translation>
    </message>
    <message>
      <source>Send SMS (Twilio)</source>
      <translation>إرسال SMS (Twilio)</translation>
    </message>
    <message>
      <source>Sends a text message from your Twilio number or Messaging Service.</source>
      <translation>يرسل رسالة نصية من رقمك في Twilio أو من Messaging Service.</translation>
    </message>
    <message>
      <source>In the Twilio console, open your phone number's settings and paste the live address under “A message comes in”.</source>
      <translation>في لوحة Twilio افتح إعدادات رقمك، والصق العنوان المباشر تحت “A message comes in”.</translation>
    </message>
    <message>
      <source>When an SMS arrives</source>
      <translation>عند وصول رسالة SMS</translation>
    </message>
    <message>
      <source>Send SMS to {to}</source>
      <translation>أرسل SMS إلى {to}</translation>
    </message>
    <message>
      <source>Send an SMS</source>
      <translation>أرسل رسالة SMS</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>Account SID</source>
      <translation>معرّف الحساب (Account SID)</translation>
    </message>
    <message>
      <source>Starts with AC; on the Twilio Console's home page.</source>
      <translation>يبدأ بـ AC؛ وتجده في الصفحة الرئيسية لـ Twilio Console.</translation>
    </message>
    <message>
      <source>Auth Token</source>
      <translation>رمز المصادقة (Auth Token)</translation>
    </message>
    <message>
      <source>The connected Twilio account.</source>
      <translation>حساب Twilio المربوط.</translation>
    </message>
    <message>
      <source>The phone number in E.164 form, e.g. +966501234567.</source>
      <translation>رقم الهاتف بصيغة E.164، مثال: +966501234567.</translation>
    </message>
    <message>
      <source>From</source>
      <translation>من</translation>
    </message>
    <message>
      <source>Your Twilio number, or a Messaging Service SID (MG…).</source>
      <translation>رقمك في Twilio، أو Messaging Service SID (MG…).</translation>
    </message>
  </context>
  <context>
    <name>ConnectorMessages</name>
    <message>
      <source>Twilio: the Account SID or Auth Token is wrong — reconnect the Twilio account.</source>
      <translation>Twilio: قيمة Account SID أو Auth Token غير صحيحة — أعد ربط حساب Twilio.</translation>
    </message>
  </context>
</TS>
