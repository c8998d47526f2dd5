<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Zid</source>
      <translation>زد</translation>
    </message>
    <message>
      <source>Start a flow on new orders, status changes, new customers and abandoned carts in your Zid store; read orders, change their status and add customers.</source>
      <translation>ابدأ تدفقًا عند الطلبات الجديدة وتغيير حالاتها والعملاء الجدد والسلال المتروكة في متجرك على زد؛ واقرأ الطلبات وغيّر حالتها وأضف عملاء.</translation>
    </message>
    <message>
      <source>New Zid order</source>
      <translation>طلب جديد في زد</translation>
    </message>
    <message>
      <source>Starts the flow when Zid sends the order.create webhook to the address with your secret token.</source>
      <translation>يبدأ التدفق عندما يرسل زد ويب هوك order.create إلى العنوان الذي يحمل رمزك السري.</translation>
    </message>
    <message>
      <source>Create a Zid webhook for the event order.create whose target_url is the live address followed by ?token= and the account's webhook secret.</source>
      <translation>أنشئ ويب هوك في زد للحدث order.create يكون target_url فيه العنوان المباشر يليه ?token= ثم سر الويب هوك في الحساب.</translation>
    </message>
    <message>
      <source>On a new Zid order</source>
      <translation>عند طلب جديد في زد</translation>
    </message>
    <message>
      <source>Zid order status changed</source>
      <translation>تغيّرت حالة طلب في زد</translation>
    </message>
    <message>
      <source>Starts the flow when Zid sends the order.status.update webhook to the address with your secret token.</source>
      <translation>يبدأ التدفق عندما يرسل زد ويب هوك order.status.update إلى العنوان الذي يحمل رمزك السري.</translation>
    </message>
    <message>
      <source>Create a Zid webhook for the event order.status.update whose target_url is the live address followed by ?token= and the account's webhook secret.</source>
      <translation>أنشئ ويب هوك في زد للحدث order.status.update يكون target_url فيه العنوان المباشر يليه ?token= ثم سر الويب هوك في الحساب.</translation>
    </message>
    <message>
      <source>When a Zid order's status changes</source>
      <translation>عند تغيّر حالة طلب في زد</translation>
    </message>
    <message>
      <source>New Zid customer</source>
      <translation>عميل جديد في زد</translation>
    </message>
    <message>
      <source>Starts the flow when Zid sends the customer.create webhook to the address with your secret token.</source>
      <translation>يبدأ التدفق عندما يرسل زد ويب هوك customer.create إلى العنوان الذي يحمل رمزك السري.</translation>
    </message>
    <message>
      <source>Create a Zid webhook for the event customer.create whose target_url is the live address followed by ?token= and the account's webhook secret.</source>
      <translation>أنشئ ويب هوك في زد للحدث customer.create يكون target_url فيه العنوان المباشر يليه ?token= ثم سر الويب هوك في الحساب.</translation>
    </message>
    <message>
      <source>On a new Zid customer</source>
      <translation>عند عميل جديد في زد</translation>
    </message>
    <message>
      <source>Zid abandoned cart</source>
      <translation>سلة متروكة في زد</translation>
    </message>
    <message>
      <source>Starts the flow when Zid sends the abandoned_cart.created webhook to the address with your secret token.</source>
      <translation>يبدأ التدفق عندما يرسل زد ويب هوك abandoned_cart.created إلى العنوان الذي يحمل رمزك السري.</translation>
    </message>
    <message>
      <source>Create a Zid webhook for the event abandoned_cart.created whose target_url is the live address followed by ?token= and the account's webhook secret.</source>
      <translation>أنشئ ويب هوك في زد للحدث abandoned_cart.created يكون target_url فيه العنوان المباشر يليه ?token= ثم سر الويب هوك في الحساب.</translation>
    </message>
    <message>
      <source>On an abandoned Zid cart</source>
      <translation>عند سلة متروكة في زد</translation>
    </message>
    <message>
      <source>Get a Zid order</source>
      <translation>جلب طلب من زد</translation>
    </message>
    <message>
      <source>Get Zid order {order_id}</source>
      <translation>اجلب طلب زد {order_id}</translation>
    </message>
    <message>
      <source>List Zid orders</source>
      <translation>عرض طلبات زد</translation>
    </message>
    <message>
      <source>Change a Zid order's status</source>
      <translation>تغيير حالة طلب في زد</translation>
    </message>
    <message>
      <source>Sets an order's status, with a tracking number and link if you have them; Zid may tell the customer, so a failed change is not repeated on its own.</source>
      <translation>يضبط حالة الطلب، مع رقم التتبع ورابطه إن وُجدا؛ قد يُبلغ زد العميل، لذا لا يُعاد التغيير الفاشل تلقائيًا.</translation>
    </message>
    <message>
      <source>Set Zid order {order_id} to {status:choice}</source>
      <translation>اجعل طلب زد {order_id} ‏{status:choice}</translation>
    </message>
    <message>
      <source>Create a Zid customer</source>
      <translation>إنشاء عميل في زد</translation>
    </message>
    <message>
      <source>Adds a customer to the store by name and mobile, with an e-mail if you have it.</source>
      <translation>يضيف عميلًا إلى المتجر بالاسم والجوال، مع البريد إن وُجد.</translation>
    </message>
    <message>
      <source>Add Zid customer {name}</source>
      <translation>أضف عميل زد {name}</translation>
    </message>
    <message>
      <source>Add a Zid customer</source>
      <translation>أضف عميلًا إلى زد</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>Authorization token</source>
      <translation>رمز التفويض (Authorization)</translation>
    </message>
    <message>
      <source>Your app's Authorization token from Zid Partners (sent as Bearer).</source>
      <translation>رمز Authorization لتطبيقك من Zid Partners (يُرسل بصيغة Bearer).</translation>
    </message>
    <message>
      <source>Manager token</source>
      <translation>رمز المدير (Manager token)</translation>
    </message>
    <message>
      <source>The store's access token (X-Manager-Token) your app got when the store installed it.</source>
      <translation>رمز وصول المتجر (X-Manager-Token) الذي حصل عليه تطبيقك عندما ثبّته المتجر.</translation>
    </message>
    <message>
      <source>Any long random text; add it to the address you give Zid, as ?token=…: Zid doesn't sign its webhooks, so Flowin refuses requests without it.</source>
      <translation>أي نص عشوائي طويل؛ أضفه إلى العنوان الذي تعطيه لزد بصيغة ?token=…: فزد لا يوقّع طلبات الويب هوك، لذا يرفض Flowin الطلبات التي لا تحمله.</translation>
    </message>
    <message>
      <source>The language of Zid's answers (status names, errors).</source>
      <translation>لغة ردود زد (أسماء الحالات، والأخطاء).</translation>
    </message>
    <message>
      <source>ar</source>
      <translation>العربية</translation>
    </message>
    <message>
      <source>en</source>
      <translation>الإنجليزية</translation>
    </message>
    <message>
      <source>The connected Zid store.</source>
      <translation>متجر زد المربوط.</translation>
    </message>
    <message>
      <source>new</source>
      <translation>جديد</translation>
    </message>
    <message>
      <source>preparing</source>
      <translation>قيد التجهيز</translation>
    </message>
    <message>
      <source>ready</source>
      <translation>جاهز</translation>
    </message>
    <message>
      <source>indelivery</source>
      <translation>جاري التوصيل</translation>
    </message>
    <message>
      <source>Tracking number</source>
      <translation>رقم التتبع</translation>
    </message>
    <message>
      <source>Tracking link</source>
      <translation>رابط التتبع</translation>
    </message>
    <message>
      <source>In international form, e.g. +966501234567.</source>
      <translation>بالصيغة الدولية، مثال: +966501234567.</translation>
    </message>
  </context>
  <context>
    <name>ConnectorMessages</name>
    <message>
      <source>Zid didn't accept the tokens; copy the app's authorization token and the store's manager token (X-Manager-Token) again into the account.</source>
      <translation>لم يقبل زد الرموز؛ انسخ رمز التفويض الخاص بالتطبيق ورمز المدير الخاص بالمتجر (X-Manager-Token) مرة أخرى إلى الحساب.</translation>
    </message>
  </context>
</TS>
