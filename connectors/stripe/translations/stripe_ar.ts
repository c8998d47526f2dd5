<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Stripe</source>
      <translation>Stripe</translation>
    </message>
    <message>
      <source>Start a flow when a customer pays, add customers and list payments in your Stripe account.</source>
      <translation>ابدأ تدفقًا عندما يدفع عميل، وأضف عملاء، واعرض المدفوعات في حسابك في Stripe.</translation>
    </message>
    <message>
      <source>Stripe payment succeeded</source>
      <translation>نجاح دفعة في Stripe</translation>
    </message>
    <message>
      <source>Starts the flow when Stripe sends a payment_intent.succeeded event (and, if you choose, checkout.session.completed), signed with the endpoint's whsec_ secret.</source>
      <translation>يبدأ التدفق عندما يرسل Stripe حدث payment_intent.succeeded (وحدث checkout.session.completed إن اخترت)، موقّعًا بسرّ whsec_ الخاص بنقطة الاستقبال.</translation>
    </message>
    <message>
      <source>Stripe invoice paid</source>
      <translation>دفع فاتورة في Stripe</translation>
    </message>
    <message>
      <source>Starts the flow when Stripe sends an invoice.paid event (subscriptions and one-off invoices), signed with the endpoint's whsec_ secret.</source>
      <translation>يبدأ التدفق عندما يرسل Stripe حدث invoice.paid (للاشتراكات والفواتير لمرة واحدة)، موقّعًا بسرّ whsec_ الخاص بنقطة الاستقبال.</translation>
    </message>
    <message>
      <source>New Stripe customer</source>
      <translation>عميل جديد في Stripe</translation>
    </message>
    <message>
      <source>Starts the flow when Stripe sends a customer.created event, signed with the endpoint's whsec_ secret.</source>
      <translation>يبدأ التدفق عندما يرسل Stripe حدث customer.created، موقّعًا بسرّ whsec_ الخاص بنقطة الاستقبال.</translation>
    </message>
    <message>
      <source>Create Stripe customer</source>
      <translation>إنشاء عميل في Stripe</translation>
    </message>
    <message>
      <source>Adds a customer (e-mail, name, phone, metadata); a retried create returns the same customer, thanks to its idempotency key.</source>
      <translation>يضيف عميلًا (البريد، والاسم، والهاتف، والبيانات الوصفية)؛ وإعادة محاولة الإنشاء تُرجع العميل نفسه بفضل مفتاح عدم التكرار.</translation>
    </message>
    <message>
      <source>List Stripe payments</source>
      <translation>عرض مدفوعات Stripe</translation>
    </message>
    <message>
      <source>Lists payments (PaymentIntents) newest first, by customer and date, following every page up to a limit.</source>
      <translation>يعرض المدفوعات (PaymentIntents) من الأحدث، حسب العميل والتاريخ، متتبعًا كل الصفحات حتى حدٍّ أقصى.</translation>
    </message>
    <message>
      <source>In Stripe, open Developers › Webhooks, add an endpoint with the live address for the event payment_intent.succeeded, and copy its signing secret into the account.</source>
      <translation>في Stripe افتح المطورون › Webhooks، وأضف نقطة استقبال بالعنوان المباشر للحدث payment_intent.succeeded، وانسخ سر التوقيع الخاص بها إلى الحساب.</translation>
    </message>
    <message>
      <source>In Stripe, open Developers › Webhooks, add an endpoint with the live address for the event invoice.paid, and copy its signing secret into the account.</source>
      <translation>في Stripe افتح المطورون › Webhooks، وأضف نقطة استقبال بالعنوان المباشر للحدث invoice.paid، وانسخ سر التوقيع الخاص بها إلى الحساب.</translation>
    </message>
    <message>
      <source>In Stripe, open Developers › Webhooks, add an endpoint with the live address for the event customer.created, and copy its signing secret into the account.</source>
      <translation>في Stripe افتح المطورون › Webhooks، وأضف نقطة استقبال بالعنوان المباشر للحدث customer.created، وانسخ سر التوقيع الخاص بها إلى الحساب.</translation>
    </message>
    <message>
      <source>On a Stripe payment</source>
      <translation>عند دفعة في Stripe</translation>
    </message>
    <message>
      <source>On a paid Stripe invoice</source>
      <translation>عند دفع فاتورة في Stripe</translation>
    </message>
    <message>
      <source>On a new Stripe customer</source>
      <translation>عند عميل جديد في Stripe</translation>
    </message>
    <message>
      <source>Add Stripe customer {name}</source>
      <translation>أضف عميل Stripe {name}</translation>
    </message>
    <message>
      <source>Add Stripe customer {email}</source>
      <translation>أضف عميل Stripe {email}</translation>
    </message>
    <message>
      <source>Add a Stripe customer</source>
      <translation>أضف عميلًا إلى Stripe</translation>
    </message>
    <message>
      <source>List Stripe payments</source>
      <translation>اعرض دفعات Stripe</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>sk_live_… or sk_test_… from Developers → API keys, or a restricted key (rk_…) allowed to read PaymentIntents and write Customers.</source>
      <translation>المفتاح sk_live_… أو sk_test_… من Developers → API keys، أو مفتاح مقيَّد (rk_…) مسموح له بقراءة PaymentIntents وكتابة Customers.</translation>
    </message>
    <message>
      <source>whsec_… of the webhook endpoint that calls this flow (Developers → Webhooks → the endpoint → Signing secret); Flowin refuses events Stripe didn't sign.</source>
      <translation>السرّ whsec_… لنقطة استقبال الويب هوك التي تستدعي هذا التدفق (Developers → Webhooks، ثم نقطة الاستقبال، ثم Signing secret)؛ ويرفض Flowin الأحداث التي لم يوقّعها Stripe.</translation>
    </message>
    <message>
      <source>The connected Stripe account.</source>
      <translation>حساب Stripe المربوط.</translation>
    </message>
    <message>
      <source>Also when a Checkout session is paid</source>
      <translation>وأيضًا عند دفع جلسة Checkout</translation>
    </message>
    <message>
      <source>Start the flow on checkout.session.completed too (Stripe Checkout and Payment Links); add that event to the webhook endpoint.</source>
      <translation>ابدأ التدفق عند checkout.session.completed أيضًا (Stripe Checkout وPayment Links)؛ وأضف هذا الحدث إلى نقطة استقبال الويب هوك.</translation>
    </message>
    <message>
      <source>In international form, e.g. +971501234567.</source>
      <translation>بالصيغة الدولية، مثال: +971501234567.</translation>
    </message>
    <message>
      <source>Your own named values saved on the customer, e.g. order = the order number (up to 50).</source>
      <translation>قيم بأسماء من اختيارك تُحفظ مع العميل، مثل order = رقم الطلب (حتى 50).</translation>
    </message>
    <message>
      <source>Idempotency key</source>
      <translation>مفتاح عدم التكرار</translation>
    </message>
    <message>
      <source>Empty: one per run and step, so a step tried again never adds the customer twice. Set it (e.g. {{ trigger.event_id }}) to make repeats across runs safe too.</source>
      <translation>فارغًا: مفتاح لكل تشغيل وخطوة، فلا تضيف الخطوة المُعادة العميلَ مرتين أبدًا. عيّنه (مثال: {{ trigger.event_id }}) لتصبح الإعادة عبر التشغيلات آمنة أيضًا.</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>العميل</translation>
    </message>
    <message>
      <source>A customer ID (cus_…); empty for all.</source>
      <translation>معرّف عميل (cus_…)؛ واتركه فارغًا للجميع.</translation>
    </message>
    <message>
      <source>A date (2024-03-01), a date and time, or a Unix timestamp; empty for no limit.</source>
      <translation>تاريخ (2024-03-01)، أو تاريخ ووقت، أو طابع زمني Unix؛ واتركه فارغًا بلا حد.</translation>
    </message>
    <message>
      <source>Created before</source>
      <translation>أُنشئ قبل</translation>
    </message>
    <message>
      <source>Like Created from; empty for no limit.</source>
      <translation>مثل «أُنشئ منذ»؛ واتركه فارغًا بلا حد.</translation>
    </message>
  </context>
  <context>
    <name>ConnectorMessages</name>
    <message>
      <source>Invalid Stripe API key — reconnect Stripe with a secret key (sk_…) or a restricted key (rk_…) from Developers → API keys.</source>
      <translation>مفتاح Stripe API غير صالح — أعد ربط Stripe بمفتاح سري (sk_…) أو مفتاح مقيّد (rk_…) من Developers → API keys.</translation>
    </message>
  </context>
</TS>
