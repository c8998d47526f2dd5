<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Shopify</source>
      <translation>Shopify</translation>
    </message>
    <message>
      <source>Start a flow on each new order, read orders and add customers in your Shopify store.</source>
      <translation>ابدأ تدفقًا مع كل طلب جديد، واقرأ الطلبات، وأضف عملاء إلى متجرك في Shopify.</translation>
    </message>
    <message>
      <source>New Shopify order</source>
      <translation>طلب جديد في Shopify</translation>
    </message>
    <message>
      <source>Starts the flow when Shopify sends an orders/create webhook signed with your app's secret.</source>
      <translation>يبدأ التدفق عندما يرسل Shopify ويب هوك orders/create موقّعًا بسرّ تطبيقك.</translation>
    </message>
    <message>
      <source>Get an order</source>
      <translation>جلب طلب</translation>
    </message>
    <message>
      <source>List orders</source>
      <translation>عرض الطلبات</translation>
    </message>
    <message>
      <source>Create a customer</source>
      <translation>إنشاء عميل</translation>
    </message>
    <message>
      <source>Adds a customer to the store.</source>
      <translation>يضيف عميلًا إلى المتجر.</translation>
    </message>
    <message>
      <source>In Shopify admin, open Settings › Notifications › Webhooks, create a webhook for Order creation in JSON and paste the live address as its URL.</source>
      <translation>في لوحة إدارة Shopify افتح الإعدادات › الإشعارات › Webhooks، وأنشئ ويب هوك لحدث إنشاء الطلب بصيغة JSON، والصق العنوان المباشر في خانة الرابط.</translation>
    </message>
    <message>
      <source>On a new Shopify order</source>
      <translation>عند طلب جديد في Shopify</translation>
    </message>
    <message>
      <source>Get Shopify order {order_id}</source>
      <translation>اجلب طلب Shopify {order_id}</translation>
    </message>
    <message>
      <source>Get a Shopify order</source>
      <translation>اجلب طلبًا من Shopify</translation>
    </message>
    <message>
      <source>List Shopify orders</source>
      <translation>اعرض طلبات Shopify</translation>
    </message>
    <message>
      <source>Add Shopify customer {first_name} {last_name}</source>
      <translation>أضف عميل Shopify {first_name} {last_name}</translation>
    </message>
    <message>
      <source>Add Shopify customer {first_name}</source>
      <translation>أضف عميل Shopify {first_name}</translation>
    </message>
    <message>
      <source>Add Shopify customer {email}</source>
      <translation>أضف عميل Shopify {email}</translation>
    </message>
    <message>
      <source>Add a Shopify customer</source>
      <translation>أضف عميلًا إلى Shopify</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>e.g. layla-shop.myshopify.com (or just layla-shop).</source>
      <translation>مثال: layla-shop.myshopify.com (أو layla-shop فقط).</translation>
    </message>
    <message>
      <source>Admin API access token</source>
      <translation>رمز الوصول إلى Admin API</translation>
    </message>
    <message>
      <source>The Admin API version this store is called with, e.g. 2026-07; Shopify supports each version for a year.</source>
      <translation>إصدار Admin API الذي يُستدعى به هذا المتجر، مثل 2026-07؛ يدعم Shopify كل إصدار مدة سنة.</translation>
    </message>
    <message>
      <source>shpat_… from Settings → Apps → Develop apps → your app → API credentials.</source>
      <translation>الرمز shpat_… من Settings → Apps → Develop apps، ثم تطبيقك، ثم API credentials.</translation>
    </message>
    <message>
      <source>The app's client secret (or the one shown under Settings → Notifications → Webhooks); Flowin refuses webhooks it didn't sign.</source>
      <translation>سرّ العميل الخاص بالتطبيق (أو السرّ الظاهر في Settings → Notifications → Webhooks)؛ ويرفض Flowin كل ويب هوك لم يُوقَّع به.</translation>
    </message>
    <message>
      <source>API version</source>
      <translation>إصدار API</translation>
    </message>
    <message>
      <source>Empty for https://&lt;store&gt;.</source>
      <translation>اتركه فارغًا لاستخدام https://&lt;store&gt;.</translation>
    </message>
    <message>
      <source>The connected Shopify store.</source>
      <translation>متجر Shopify المربوط.</translation>
    </message>
    <message>
      <source>open</source>
      <translation>مفتوح</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>مغلق</translation>
    </message>
    <message>
      <source>Payment status</source>
      <translation>حالة الدفع</translation>
    </message>
    <message>
      <source>authorized</source>
      <translation>مُصرَّح به</translation>
    </message>
    <message>
      <source>paid</source>
      <translation>مدفوع</translation>
    </message>
    <message>
      <source>partially paid</source>
      <translation>مدفوع جزئيًا</translation>
    </message>
    <message>
      <source>voided</source>
      <translation>مُبطَل</translation>
    </message>
    <message>
      <source>partially refunded</source>
      <translation>مُسترَد جزئيًا</translation>
    </message>
    <message>
      <source>unpaid</source>
      <translation>غير مدفوع</translation>
    </message>
    <message>
      <source>e.g. 2024-03-01 or {{ now }}; empty for all.</source>
      <translation>مثال: 2024-03-01 أو {{ now }}؛ واتركه فارغًا للجميع.</translation>
    </message>
    <message>
      <source>In international form, e.g. +962791234567.</source>
      <translation>بالصيغة الدولية، مثال: +962791234567.</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>الوسوم</translation>
    </message>
    <message>
      <source>Separated by commas.</source>
      <translation>مفصولة بفواصل.</translation>
    </message>
  </context>
</TS>
