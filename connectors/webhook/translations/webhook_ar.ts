<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Webhook</source>
      <translation>ويب هوك</translation>
    </message>
    <message>
      <source>Respond to webhook</source>
      <translation>الرد على الويب هوك</translation>
    </message>
    <message>
      <source>Start a flow when another app calls its web address, and answer the caller.</source>
      <translation>ابدأ تدفقًا عندما يستدعي تطبيق آخر عنوانه على الويب، وأجِب الجهة المستدعية.</translation>
    </message>
    <message>
      <source>Starts the flow when a request arrives at this flow's own web address.</source>
      <translation>يبدأ التدفق عندما يصل طلب إلى عنوان الويب الخاص بهذا التدفق.</translation>
    </message>
    <message>
      <source>Sends the answer to the app that called the webhook (when the webhook waits for the flow).</source>
      <translation>يرسل الرد إلى التطبيق الذي استدعى الويب هوك (عندما ينتظر الويب هوك انتهاء التدفق).</translation>
    </message>
    <message>
      <source>Paste the address where the other app or your website form asks for a webhook URL; try it first with the test address.</source>
      <translation>الصق العنوان حيث يطلب التطبيق الآخر أو نموذج موقعك رابط ويب هوك؛ وجرّبه أولًا بعنوان الاختبار.</translation>
    </message>
    <message>
      <source>On a call to {path}</source>
      <translation>عند استدعاء {path}</translation>
    </message>
    <message>
      <source>When its address is called</source>
      <translation>عند استدعاء عنوانه</translation>
    </message>
    <message>
      <source>Answer the caller: {body}</source>
      <translation>أجب المتصل: {body}</translation>
    </message>
    <message>
      <source>Answer the caller</source>
      <translation>أجب المتصل</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>Algorithm</source>
      <translation>الخوارزمية</translation>
    </message>
    <message>
      <source>Check the sender</source>
      <translation>تحقق من المرسِل</translation>
    </message>
    <message>
      <source>Path</source>
      <translation>المسار</translation>
    </message>
    <message>
      <source>Respond</source>
      <translation>الرد</translation>
    </message>
    <message>
      <source>Secret</source>
      <translation>السر</translation>
    </message>
    <message>
      <source>Signature encoding</source>
      <translation>ترميز التوقيع</translation>
    </message>
    <message>
      <source>Signature prefix</source>
      <translation>بادئة التوقيع</translation>
    </message>
    <message>
      <source>Status code</source>
      <translation>رمز الحالة</translation>
    </message>
    <message>
      <source>Leave empty for a private, unguessable address; or choose your own path.</source>
      <translation>اتركه فارغًا لعنوان خاص يصعب تخمينه؛ أو اختر مسارك الخاص.</translation>
    </message>
    <message>
      <source>Which kind of request starts the flow.</source>
      <translation>نوع الطلب الذي يبدأ التدفق.</translation>
    </message>
    <message>
      <source>ANY</source>
      <translation>أي طريقة</translation>
    </message>
    <message>
      <source>Answer at once (202, the run continues), or wait for the flow and answer with its 'Respond to webhook' step.</source>
      <translation>الرد فورًا (202، ويستمر التشغيل)، أو انتظار التدفق والرد بخطوته «الرد على الويب هوك».</translation>
    </message>
    <message>
      <source>immediately</source>
      <translation>فورًا</translation>
    </message>
    <message>
      <source>when done</source>
      <translation>عند الانتهاء</translation>
    </message>
    <message>
      <source>Refuse requests without the secret, or without a valid HMAC signature.</source>
      <translation>رفض الطلبات التي لا تحمل السر، أو لا تحمل توقيع HMAC صالحًا.</translation>
    </message>
    <message>
      <source>shared secret</source>
      <translation>سرّ مشترك</translation>
    </message>
    <message>
      <source>hmac</source>
      <translation>HMAC</translation>
    </message>
    <message>
      <source>The stored secret used to check the sender.</source>
      <translation>السرّ المحفوظ المستخدم للتحقق من المُرسِل.</translation>
    </message>
    <message>
      <source>The request header that carries the secret or the signature.</source>
      <translation>ترويسة الطلب التي تحمل السر أو التوقيع.</translation>
    </message>
    <message>
      <source>sha256</source>
      <translation>sha256</translation>
    </message>
    <message>
      <source>sha1</source>
      <translation>sha1</translation>
    </message>
    <message>
      <source>sha512</source>
      <translation>sha512</translation>
    </message>
    <message>
      <source>hex</source>
      <translation>ست عشري (hex)</translation>
    </message>
    <message>
      <source>base64</source>
      <translation>base64</translation>
    </message>
    <message>
      <source>e.g. sha256= for GitHub.</source>
      <translation>مثال: sha256= لـ GitHub.</translation>
    </message>
  </context>
</TS>
