<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Salla</source>
      <translation>سلة</translation>
    </message>
    <message>
      <source>Start a flow on new orders, status changes, new customers and abandoned carts in your Salla store; read orders, change their status and add customers.</source>
      <translation>ابدأ تدفقًا عند الطلبات الجديدة وتغيير حالاتها والعملاء الجدد والسلال المتروكة في متجرك على سلة؛ واقرأ الطلبات وغيّر حالتها وأضف عملاء.</translation>
    </message>
    <message>
      <source>New Salla order</source>
      <translation>طلب جديد في سلة</translation>
    </message>
    <message>
      <source>Starts the flow when Salla sends the order.created event, signed with your app's webhook secret.</source>
      <translation>يبدأ التدفق عندما ترسل سلة الحدث order.created موقّعًا بسر الويب هوك لتطبيقك.</translation>
    </message>
    <message>
      <source>In Salla Partners, open your app › Webhooks, add the live address for the event order.created, and copy the webhook secret into the account.</source>
      <translation>في Salla Partners افتح تطبيقك › Webhooks، وأضف العنوان المباشر للحدث order.created، وانسخ سر الويب هوك إلى الحساب.</translation>
    </message>
    <message>
      <source>On a new Salla order</source>
      <translation>عند طلب جديد في سلة</translation>
    </message>
    <message>
      <source>Salla order status changed</source>
      <translation>تغيّرت حالة طلب في سلة</translation>
    </message>
    <message>
      <source>Starts the flow when Salla sends the order.status.updated event, signed with your app's webhook secret.</source>
      <translation>يبدأ التدفق عندما ترسل سلة الحدث order.status.updated موقّعًا بسر الويب هوك لتطبيقك.</translation>
    </message>
    <message>
      <source>In Salla Partners, open your app › Webhooks, add the live address for the event order.status.updated, and copy the webhook secret into the account.</source>
      <translation>في Salla Partners افتح تطبيقك › Webhooks، وأضف العنوان المباشر للحدث order.status.updated، وانسخ سر الويب هوك إلى الحساب.</translation>
    </message>
    <message>
      <source>When a Salla order's status changes</source>
      <translation>عند تغيّر حالة طلب في سلة</translation>
    </message>
    <message>
      <source>New Salla customer</source>
      <translation>عميل جديد في سلة</translation>
    </message>
    <message>
      <source>Starts the flow when Salla sends the customer.created event, signed with your app's webhook secret.</source>
      <translation>يبدأ التدفق عندما ترسل سلة الحدث customer.created موقّعًا بسر الويب هوك لتطبيقك.</translation>
    </message>
    <message>
      <source>In Salla Partners, open your app › Webhooks, add the live address for the event customer.created, and copy the webhook secret into the account.</source>
      <translation>في Salla Partners افتح تطبيقك › Webhooks، وأضف العنوان المباشر للحدث customer.created، وانسخ سر الويب هوك إلى الحساب.</translation>
    </message>
    <message>
      <source>On a new Salla customer</source>
      <translation>عند عميل جديد في سلة</translation>
    </message>
    <message>
      <source>Salla abandoned cart</source>
      <translation>سلة متروكة في سلة</translation>
    </message>
    <message>
      <source>Starts the flow when Salla sends the abandoned.cart event for a cart left without checkout, signed with your app's webhook secret.</source>
      <translation>يبدأ التدفق عندما ترسل سلة الحدث abandoned.cart لسلة مشتريات تُركت دون إتمام الشراء، موقّعًا بسر الويب هوك لتطبيقك.</translation>
    </message>
    <message>
      <source>In Salla Partners, open your app › Webhooks, add the live address for the event abandoned.cart, and copy the webhook secret into the account.</source>
      <translation>في Salla Partners افتح تطبيقك › Webhooks، وأضف العنوان المباشر للحدث abandoned.cart، وانسخ سر الويب هوك إلى الحساب.</translation>
    </message>
    <message>
      <source>On an abandoned Salla cart</source>
      <translation>عند سلة متروكة في سلة</translation>
    </message>
    <message>
      <source>Get a Salla order</source>
      <translation>جلب طلب من سلة</translation>
    </message>
    <message>
      <source>Get Salla order {order_id}</source>
      <translation>اجلب طلب سلة {order_id}</translation>
    </message>
    <message>
      <source>List Salla orders</source>
      <translation>عرض طلبات سلة</translation>
    </message>
    <message>
      <source>Change a Salla order's status</source>
      <translation>تغيير حالة طلب في سلة</translation>
    </message>
    <message>
      <source>Sets an order's status (one of Salla's, or one of the store's own by its ID), with a note; Salla may tell the customer, so a failed change is not repeated on its own.</source>
      <translation>يضبط حالة الطلب (إحدى حالات سلة، أو حالة خاصة بالمتجر بمعرّفها) مع ملاحظة؛ قد تُبلغ سلة العميل، لذا لا يُعاد التغيير الفاشل تلقائيًا.</translation>
    </message>
    <message>
      <source>Set Salla order {order_id} to {status:choice}</source>
      <translation>اجعل طلب سلة {order_id} ‏{status:choice}</translation>
    </message>
    <message>
      <source>Create a Salla customer</source>
      <translation>إنشاء عميل في سلة</translation>
    </message>
    <message>
      <source>Adds a customer to the store (name and mobile, e-mail if you have it).</source>
      <translation>يضيف عميلًا إلى المتجر (الاسم والجوال، والبريد إن وُجد).</translation>
    </message>
    <message>
      <source>Add Salla customer {first_name} {last_name}</source>
      <translation>أضف عميل سلة {first_name} {last_name}</translation>
    </message>
    <message>
      <source>Add a Salla customer</source>
      <translation>أضف عميلًا إلى سلة</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>The store's access token from Salla Partners (your app › the store you installed it on), with the scopes orders.read_write and customers.read_write.</source>
      <translation>رمز الوصول الخاص بالمتجر من Salla Partners (تطبيقك › المتجر الذي ثبّتّه عليه)، بالصلاحيات orders.read_write وcustomers.read_write.</translation>
    </message>
    <message>
      <source>Your app's webhook secret (Salla Partners › your app › Webhooks); Flowin refuses events Salla didn't sign with it.</source>
      <translation>سر الويب هوك لتطبيقك (Salla Partners › تطبيقك › Webhooks)؛ ويرفض Flowin الأحداث التي لم توقّعها سلة به.</translation>
    </message>
    <message>
      <source>The connected Salla store.</source>
      <translation>متجر سلة المربوط.</translation>
    </message>
    <message>
      <source>Status ID</source>
      <translation>معرّف الحالة</translation>
    </message>
    <message>
      <source>Only orders in this status (its ID); empty for all.</source>
      <translation>الطلبات التي في هذه الحالة فقط (بمعرّفها)؛ اتركه فارغًا للجميع.</translation>
    </message>
    <message>
      <source>Custom status ID</source>
      <translation>معرّف الحالة الخاصة</translation>
    </message>
    <message>
      <source>For New status = custom: the ID of one of the store's own statuses.</source>
      <translation>عندما تكون الحالة الجديدة «حالة خاصة بالمتجر»: معرّف إحدى حالات المتجر الخاصة.</translation>
    </message>
    <message>
      <source>Kept with the change in the order's history.</source>
      <translation>تُحفظ مع التغيير في سجل الطلب.</translation>
    </message>
    <message>
      <source>Without the country code, e.g. 501234567.</source>
      <translation>دون رمز الدولة، مثال: 501234567.</translation>
    </message>
    <message>
      <source>Country code</source>
      <translation>رمز الدولة</translation>
    </message>
    <message>
      <source>e.g. +966 for Saudi Arabia.</source>
      <translation>مثال: +966 للسعودية.</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>الجنس</translation>
    </message>
    <message>
      <source>male</source>
      <translation>ذكر</translation>
    </message>
    <message>
      <source>female</source>
      <translation>أنثى</translation>
    </message>
    <message>
      <source>custom</source>
      <translation>حالة خاصة بالمتجر</translation>
    </message>
    <message>
      <source>payment pending</source>
      <translation>بانتظار الدفع</translation>
    </message>
    <message>
      <source>under review</source>
      <translation>بانتظار المراجعة</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>قيد التنفيذ</translation>
    </message>
    <message>
      <source>delivering</source>
      <translation>جاري التوصيل</translation>
    </message>
    <message>
      <source>shipped</source>
      <translation>تم الشحن</translation>
    </message>
    <message>
      <source>restoring</source>
      <translation>قيد الاسترجاع</translation>
    </message>
    <message>
      <source>restored</source>
      <translation>مسترجع</translation>
    </message>
  </context>
  <context>
    <name>ConnectorMessages</name>
    <message>
      <source>Salla didn't accept the access token; copy the store's access token again from Salla Partners (your app › the store) into the account.</source>
      <translation>لم تقبل سلة رمز الوصول؛ انسخ رمز وصول المتجر مرة أخرى من Salla Partners (تطبيقك › المتجر) إلى الحساب.</translation>
    </message>
  </context>
</TS>
