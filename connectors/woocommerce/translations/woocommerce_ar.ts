<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>WooCommerce</source>
      <translation>WooCommerce</translation>
    </message>
    <message>
      <source>Start a flow on new and updated orders and new customers in your WooCommerce store; read orders, change their status and add customers.</source>
      <translation>ابدأ تدفقًا عند الطلبات الجديدة والمحدَّثة والعملاء الجدد في متجرك على WooCommerce؛ واقرأ الطلبات وغيّر حالتها وأضف عملاء.</translation>
    </message>
    <message>
      <source>New WooCommerce order</source>
      <translation>طلب جديد في WooCommerce</translation>
    </message>
    <message>
      <source>Starts the flow when WooCommerce sends an Order created webhook signed with its secret.</source>
      <translation>يبدأ التدفق عندما يرسل WooCommerce ويب هوك «Order created» موقّعًا بسره.</translation>
    </message>
    <message>
      <source>In WordPress, open WooCommerce › Settings › Advanced › Webhooks, add a webhook with the topic Order created, paste the live address as its Delivery URL and copy its Secret into the account.</source>
      <translation>في ووردبريس افتح WooCommerce › الإعدادات › متقدم › Webhooks، وأضف ويب هوك بالموضوع Order created، والصق العنوان المباشر في Delivery URL، وانسخ سرّه (Secret) إلى الحساب.</translation>
    </message>
    <message>
      <source>On a new WooCommerce order</source>
      <translation>عند طلب جديد في WooCommerce</translation>
    </message>
    <message>
      <source>WooCommerce order updated</source>
      <translation>تحديث طلب في WooCommerce</translation>
    </message>
    <message>
      <source>Starts the flow when WooCommerce sends an Order updated webhook (a new status, a note, a refund) signed with its secret.</source>
      <translation>يبدأ التدفق عندما يرسل WooCommerce ويب هوك «Order updated» (حالة جديدة، ملاحظة، استرداد) موقّعًا بسره.</translation>
    </message>
    <message>
      <source>In WordPress, open WooCommerce › Settings › Advanced › Webhooks, add a webhook with the topic Order updated, paste the live address as its Delivery URL and copy its Secret into the account.</source>
      <translation>في ووردبريس افتح WooCommerce › الإعدادات › متقدم › Webhooks، وأضف ويب هوك بالموضوع Order updated، والصق العنوان المباشر في Delivery URL، وانسخ سرّه (Secret) إلى الحساب.</translation>
    </message>
    <message>
      <source>When a WooCommerce order changes</source>
      <translation>عند تغيّر طلب في WooCommerce</translation>
    </message>
    <message>
      <source>Get a WooCommerce order</source>
      <translation>جلب طلب من WooCommerce</translation>
    </message>
    <message>
      <source>Get WooCommerce order {order_id}</source>
      <translation>اجلب طلب WooCommerce {order_id}</translation>
    </message>
    <message>
      <source>List WooCommerce orders</source>
      <translation>عرض طلبات WooCommerce</translation>
    </message>
    <message>
      <source>Change a WooCommerce order's status</source>
      <translation>تغيير حالة طلب في WooCommerce</translation>
    </message>
    <message>
      <source>Sets an order's status; setting the same status again changes nothing, so a failed change is safe to repeat.</source>
      <translation>يضبط حالة الطلب؛ وضبط الحالة نفسها مرة أخرى لا يغيّر شيئًا، لذا إعادة التغيير الفاشل آمنة.</translation>
    </message>
    <message>
      <source>Set WooCommerce order {order_id} to {status:choice}</source>
      <translation>اجعل طلب WooCommerce {order_id} ‏{status:choice}</translation>
    </message>
    <message>
      <source>Create a WooCommerce customer</source>
      <translation>إنشاء عميل في WooCommerce</translation>
    </message>
    <message>
      <source>Adds a customer (an account on the store) by e-mail, with a name and phone if you have them.</source>
      <translation>يضيف عميلًا (حسابًا في المتجر) بالبريد الإلكتروني، مع الاسم والهاتف إن وُجدا.</translation>
    </message>
    <message>
      <source>Add WooCommerce customer {email}</source>
      <translation>أضف عميل WooCommerce {email}</translation>
    </message>
    <message>
      <source>Add a WooCommerce customer</source>
      <translation>أضف عميلًا إلى WooCommerce</translation>
    </message>
    <message>
      <source>New WooCommerce customer</source>
      <translation>عميل جديد في WooCommerce</translation>
    </message>
    <message>
      <source>Starts the flow when WooCommerce sends a Customer created webhook signed with its secret.</source>
      <translation>يبدأ التدفق عندما يرسل WooCommerce ويب هوك «Customer created» موقّعًا بسره.</translation>
    </message>
    <message>
      <source>In WordPress, open WooCommerce › Settings › Advanced › Webhooks, add a webhook with the topic Customer created, paste the live address as its Delivery URL and copy its Secret into the account.</source>
      <translation>في ووردبريس افتح WooCommerce › الإعدادات › متقدم › Webhooks، وأضف ويب هوك بالموضوع Customer created، والصق العنوان المباشر في Delivery URL، وانسخ سرّه (Secret) إلى الحساب.</translation>
    </message>
    <message>
      <source>On a new WooCommerce customer</source>
      <translation>عند عميل جديد في WooCommerce</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>Your store's address, e.g. https://layla-soaps.com</source>
      <translation>عنوان متجرك، مثال: https://layla-soaps.com</translation>
    </message>
    <message>
      <source>Consumer key</source>
      <translation>مفتاح المستهلك (Consumer key)</translation>
    </message>
    <message>
      <source>ck_… from WooCommerce › Settings › Advanced › REST API › Add key (with Read/Write permission).</source>
      <translation>المفتاح ck_… من WooCommerce › الإعدادات › متقدم › REST API › إضافة مفتاح (بصلاحية قراءة/كتابة).</translation>
    </message>
    <message>
      <source>Consumer secret</source>
      <translation>سر المستهلك (Consumer secret)</translation>
    </message>
    <message>
      <source>cs_… shown with the key.</source>
      <translation>السر cs_… الظاهر مع المفتاح.</translation>
    </message>
    <message>
      <source>The Secret you gave the webhook (WooCommerce › Settings › Advanced › Webhooks); Flowin refuses deliveries WooCommerce didn't sign with it.</source>
      <translation>السر الذي أعطيته للويب هوك (WooCommerce › الإعدادات › متقدم › Webhooks)؛ ويرفض Flowin ما لم يوقّعه WooCommerce به.</translation>
    </message>
    <message>
      <source>The connected WooCommerce store.</source>
      <translation>متجر WooCommerce المربوط.</translation>
    </message>
    <message>
      <source>processing</source>
      <translation>قيد التنفيذ</translation>
    </message>
    <message>
      <source>on-hold</source>
      <translation>معلّق</translation>
    </message>
    <message>
      <source>A date and time, e.g. 2024-03-01T00:00:00; empty for no limit.</source>
      <translation>تاريخ ووقت، مثل 2024-03-01T00:00:00؛ اتركه فارغًا بلا حد.</translation>
    </message>
    <message>
      <source>In international form, e.g. +201001234567.</source>
      <translation>بالصيغة الدولية، مثال: +201001234567.</translation>
    </message>
  </context>
  <context>
    <name>ConnectorMessages</name>
    <message>
      <source>WooCommerce didn't accept the consumer key and secret; create a REST API key again (WooCommerce › Settings › Advanced › REST API) and copy both into the account.</source>
      <translation>لم يقبل WooCommerce مفتاح المستهلك وسرّه؛ أنشئ مفتاح REST API من جديد (WooCommerce › الإعدادات › متقدم › REST API) وانسخ الاثنين إلى الحساب.</translation>
    </message>
  </context>
</TS>
