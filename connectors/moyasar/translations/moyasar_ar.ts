<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Moyasar</source>
      <translation>Moyasar</translation>
    </message>
    <message>
      <source>Start a flow when a Moyasar payment is paid or fails, make payment links and look up payments.</source>
      <translation>ابدأ تدفقًا عندما تُدفع دفعة في Moyasar أو تفشل، وأنشئ روابط دفع، واستعلم عن المدفوعات.</translation>
    </message>
    <message>
      <source>Moyasar payment paid</source>
      <translation>دفعة مدفوعة في Moyasar</translation>
    </message>
    <message>
      <source>Starts the flow when Moyasar sends a payment_paid event carrying the webhook's secret token.</source>
      <translation>يبدأ التدفق عندما يرسل Moyasar حدث payment_paid يحمل الرمز السري للويب هوك.</translation>
    </message>
    <message>
      <source>In the Moyasar dashboard, open Settings › Webhooks, add a webhook with the live address, the POST method, a secret token and the event payment_paid, and copy the same secret token into the account.</source>
      <translation>في لوحة تحكم Moyasar افتح الإعدادات › Webhooks، وأضف ويب هوك بالعنوان المباشر وطريقة POST ورمز سري والحدث payment_paid، ثم انسخ الرمز السري نفسه إلى الحساب.</translation>
    </message>
    <message>
      <source>On a paid Moyasar payment</source>
      <translation>عند دفعة مدفوعة في Moyasar</translation>
    </message>
    <message>
      <source>Moyasar payment declined</source>
      <translation>رفض دفعة في Moyasar</translation>
    </message>
    <message>
      <source>Starts the flow when Moyasar sends a payment_failed event carrying the webhook's secret token; message says why the payment failed.</source>
      <translation>يبدأ التدفق عندما يرسل Moyasar حدث payment_failed يحمل الرمز السري للويب هوك؛ وتقول message سبب فشل الدفعة.</translation>
    </message>
    <message>
      <source>In the Moyasar dashboard, open Settings › Webhooks, add a webhook with the live address, the POST method, a secret token and the event payment_failed, and copy the same secret token into the account.</source>
      <translation>في لوحة تحكم Moyasar افتح الإعدادات › Webhooks، وأضف ويب هوك بالعنوان المباشر وطريقة POST ورمز سري والحدث payment_failed، ثم انسخ الرمز السري نفسه إلى الحساب.</translation>
    </message>
    <message>
      <source>On a declined Moyasar payment</source>
      <translation>عند رفض دفعة في Moyasar</translation>
    </message>
    <message>
      <source>Create Moyasar payment link</source>
      <translation>إنشاء رابط دفع في Moyasar</translation>
    </message>
    <message>
      <source>Makes a Moyasar invoice for an amount and answers with its payment page address to send the customer; it is not repeated on its own if Moyasar may have made it.</source>
      <translation>ينشئ فاتورة في Moyasar بمبلغ ويعيد عنوان صفحة الدفع لترسله إلى العميل؛ ولا يُعاد تلقائيًا إن كان Moyasar ربما أنشأها.</translation>
    </message>
    <message>
      <source>Payment link for {amount} {currency}</source>
      <translation>رابط دفع بمبلغ {amount} {currency}</translation>
    </message>
    <message>
      <source>Make a Moyasar payment link</source>
      <translation>أنشئ رابط دفع في Moyasar</translation>
    </message>
    <message>
      <source>Get Moyasar payment</source>
      <translation>جلب دفعة من Moyasar</translation>
    </message>
    <message>
      <source>Reads one payment by its ID: status, amount, card and the issuer's message.</source>
      <translation>يقرأ دفعة واحدة بمعرّفها: الحالة والمبلغ والبطاقة ورسالة البنك المُصدِر.</translation>
    </message>
    <message>
      <source>Get Moyasar payment {payment_id}</source>
      <translation>اجلب دفعة Moyasar {payment_id}</translation>
    </message>
    <message>
      <source>Get a Moyasar payment</source>
      <translation>اجلب دفعة من Moyasar</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>sk_live_… or sk_test_… from Settings → API Keys in the Moyasar dashboard.</source>
      <translation>المفتاح sk_live_… أو sk_test_… من الإعدادات → API Keys في لوحة تحكم Moyasar.</translation>
    </message>
    <message>
      <source>Webhook secret token</source>
      <translation>الرمز السري للويب هوك</translation>
    </message>
    <message>
      <source>The Secret Token you set on the webhook in Settings → Webhooks; Flowin refuses events that don't carry it.</source>
      <translation>الرمز السري (Secret Token) الذي وضعته للويب هوك في الإعدادات → Webhooks؛ ويرفض Flowin الأحداث التي لا تحمله.</translation>
    </message>
    <message>
      <source>The connected Moyasar account.</source>
      <translation>حساب Moyasar المربوط.</translation>
    </message>
    <message>
      <source>In the currency's main unit, as the customer pays it, e.g. 150.50 (SAR); Flowin sends Moyasar halalas. At least 1.00.</source>
      <translation>بالوحدة الرئيسية للعملة كما يدفعها العميل، مثال: 150.50 (SAR)؛ ويرسله Flowin إلى Moyasar بالهللات. 1.00 على الأقل.</translation>
    </message>
    <message>
      <source>e.g. SAR, AED, KWD, USD.</source>
      <translation>مثال: SAR أو AED أو KWD أو USD.</translation>
    </message>
    <message>
      <source>What the customer pays for, shown on the payment page, e.g. Order #1042.</source>
      <translation>ما يدفع العميل مقابله، ويظهر في صفحة الدفع، مثال: Order #1042.</translation>
    </message>
    <message>
      <source>A page of yours the customer sees once paid; empty for Moyasar's own.</source>
      <translation>صفحة من موقعك يراها العميل بعد الدفع؛ اتركه فارغًا لصفحة Moyasar.</translation>
    </message>
    <message>
      <source>Back button goes to</source>
      <translation>زر الرجوع ينتقل إلى</translation>
    </message>
    <message>
      <source>The page the payment page's back button opens, e.g. your shop.</source>
      <translation>الصفحة التي يفتحها زر الرجوع في صفحة الدفع، مثل متجرك.</translation>
    </message>
    <message>
      <source>Empty: the link stays open until paid or cancelled.</source>
      <translation>فارغًا: يبقى الرابط مفتوحًا حتى يُدفع أو يُلغى.</translation>
    </message>
    <message>
      <source>Your own named values kept on the invoice and its payments, e.g. order = the order number; they come back in the payment events.</source>
      <translation>قيم بأسماء من اختيارك تُحفظ مع الفاتورة ودفعاتها، مثل order = رقم الطلب؛ وتعود في أحداث الدفع.</translation>
    </message>
    <message>
      <source>Payment ID</source>
      <translation>معرّف الدفعة</translation>
    </message>
    <message>
      <source>The payment's ID, e.g. {{ trigger.payment_id }} (like 760878ec-d1d3-5f72-9056-191683f55872).</source>
      <translation>معرّف الدفعة، مثال: {{ trigger.payment_id }} (مثل 760878ec-d1d3-5f72-9056-191683f55872).</translation>
    </message>
  </context>
  <context>
    <name>ConnectorMessages</name>
    <message>
      <source>Moyasar didn't accept the secret key — reconnect Moyasar with the secret key (sk_…) from Settings → API Keys in the Moyasar dashboard.</source>
      <translation>لم يقبل Moyasar المفتاح السري — أعد ربط Moyasar بالمفتاح السري (sk_…) من الإعدادات → API Keys في لوحة تحكم Moyasar.</translation>
    </message>
  </context>
</TS>
