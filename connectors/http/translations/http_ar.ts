<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>HTTP Request</source>
      <translation>طلب HTTP</translation>
    </message>
    <message>
      <source>Call any web API: send a request and use the answer in the next steps.</source>
      <translation>استدعِ أي واجهة API على الويب: أرسل طلبًا واستخدم الرد في الخطوات التالية.</translation>
    </message>
    <message>
      <source>Sends a GET, POST or other request to a URL, with headers, a query, a body and authentication, and outputs the answer's status, headers and body.</source>
      <translation>يرسل طلب GET أو POST أو غيرهما إلى رابط، مع ترويسات واستعلام ومحتوى ومصادقة، ويُخرِج حالة الرد وترويساته ومحتواه.</translation>
    </message>
    <message>
      <source>{method} {url}</source>
      <translation>{method} {url}</translation>
    </message>
    <message>
      <source>Call a web address</source>
      <translation>اتصل بعنوان ويب</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>API key name</source>
      <translation>اسم مفتاح API</translation>
    </message>
    <message>
      <source>Authentication</source>
      <translation>المصادقة</translation>
    </message>
    <message>
      <source>Body content</source>
      <translation>نوع المحتوى المرسل</translation>
    </message>
    <message>
      <source>Content type</source>
      <translation>نوع المحتوى</translation>
    </message>
    <message>
      <source>Fail on HTTP errors</source>
      <translation>افشل عند أخطاء HTTP</translation>
    </message>
    <message>
      <source>Follow redirects</source>
      <translation>اتبع التحويلات</translation>
    </message>
    <message>
      <source>Largest answer (MB)</source>
      <translation>أكبر حجم للرد (ميغابايت)</translation>
    </message>
    <message>
      <source>A larger answer stops the step, before it fills the memory and the history.</source>
      <translation>الرد الأكبر من ذلك يوقف الخطوة قبل أن يملأ الذاكرة والسجل.</translation>
    </message>
    <message>
      <source>Query parameters</source>
      <translation>معاملات الاستعلام</translation>
    </message>
    <message>
      <source>Read the answer as</source>
      <translation>اقرأ الرد كـ</translation>
    </message>
    <message>
      <source>Send the API key in</source>
      <translation>أرسل مفتاح API في</translation>
    </message>
    <message>
      <source>URL</source>
      <translation>الرابط</translation>
    </message>
    <message>
      <source>HEAD</source>
      <translation>HEAD</translation>
    </message>
    <message>
      <source>OPTIONS</source>
      <translation>OPTIONS</translation>
    </message>
    <message>
      <source>The address to call, starting with https:// or http://.</source>
      <translation>العنوان المطلوب استدعاؤه، ويبدأ بـ https:// أو http://.</translation>
    </message>
    <message>
      <source>Extra HTTP headers, e.g. Accept: application/json.</source>
      <translation>ترويسات HTTP إضافية، مثال: Accept: application/json.</translation>
    </message>
    <message>
      <source>Added to the URL after '?'; a list sends the parameter once per item.</source>
      <translation>تُضاف إلى الرابط بعد '?'؛ والقائمة ترسل المعامل مرة لكل عنصر.</translation>
    </message>
    <message>
      <source>none; json: data sent as JSON; form: fields sent like a web form; raw: text.</source>
      <translation>بلا؛ JSON: بيانات تُرسَل بصيغة JSON؛ نموذج ويب: حقول تُرسَل كما في نماذج الويب؛ نص خام: نص.</translation>
    </message>
    <message>
      <source>json</source>
      <translation>JSON</translation>
    </message>
    <message>
      <source>form</source>
      <translation>نموذج ويب</translation>
    </message>
    <message>
      <source>raw</source>
      <translation>نص خام</translation>
    </message>
    <message>
      <source>The data to send; for json and form, a set of fields or an {{ expression }}.</source>
      <translation>البيانات المطلوب إرسالها؛ ولـ JSON ونموذج الويب: مجموعة حقول أو تعبير {{ expression }}.</translation>
    </message>
    <message>
      <source>For a raw body; text/plain when empty.</source>
      <translation>للمحتوى الخام؛ وإن تُرك فارغًا فـ text/plain.</translation>
    </message>
    <message>
      <source>basic</source>
      <translation>أساسية (Basic)</translation>
    </message>
    <message>
      <source>bearer</source>
      <translation>Bearer</translation>
    </message>
    <message>
      <source>api key</source>
      <translation>مفتاح API</translation>
    </message>
    <message>
      <source>For basic authentication.</source>
      <translation>للمصادقة الأساسية (Basic).</translation>
    </message>
    <message>
      <source>For bearer authentication; sent as 'Authorization: Bearer …'.</source>
      <translation>لمصادقة Bearer؛ ويُرسَل بالشكل 'Authorization: Bearer …'.</translation>
    </message>
    <message>
      <source>The header or query parameter, e.g. X-API-Key.</source>
      <translation>اسم الترويسة أو معامل الاستعلام، مثال: X-API-Key.</translation>
    </message>
    <message>
      <source>A header, or the URL's query.</source>
      <translation>في ترويسة، أو في استعلام الرابط.</translation>
    </message>
    <message>
      <source>header</source>
      <translation>ترويسة</translation>
    </message>
    <message>
      <source>query</source>
      <translation>الاستعلام</translation>
    </message>
    <message>
      <source>auto: JSON when the server says so, text otherwise; binary: base64 text.</source>
      <translation>تلقائي: JSON عندما يصرّح الخادم بذلك، ونص فيما عدا ذلك؛ ثنائي: نص base64.</translation>
    </message>
    <message>
      <source>auto</source>
      <translation>تلقائي</translation>
    </message>
    <message>
      <source>binary</source>
      <translation>ثنائي</translation>
    </message>
    <message>
      <source>On: a 4xx or 5xx answer stops the step (5xx and 429 are tried again). Off: every answer is the output, and later steps can check its status.</source>
      <translation>عند التفعيل: الرد 4xx أو 5xx يوقف الخطوة (وتُعاد المحاولة مع 5xx و429). وعند الإيقاف: كل رد هو المُخرَج، ويمكن للخطوات اللاحقة فحص حالته.</translation>
    </message>
  </context>
</TS>
