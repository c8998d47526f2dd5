<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Tap</source>
      <translation>Tap</translation>
    </message>
    <message>
      <source>Start a flow when a Tap payment is captured or declined, make payment links and look up charges.</source>
      <translation>ابدأ تدفقًا عندما تُحصَّل دفعة في Tap أو تُرفض، وأنشئ روابط دفع، واستعلم عن عمليات الدفع.</translation>
    </message>
    <message>
      <source>Tap payment captured</source>
      <translation>تحصيل دفعة في Tap</translation>
    </message>
    <message>
      <source>Starts the flow when Tap posts a CAPTURED charge signed in its hashstring header with the account's secret key.</source>
      <translation>يبدأ التدفق عندما يرسل Tap عملية دفع بحالة CAPTURED موقّعة في ترويسة hashstring بالمفتاح السري للحساب.</translation>
    </message>
    <message>
      <source>Put the live address in the Create Tap payment link step's Send payment updates to, or as the post URL of the charges your shop makes.</source>
      <translation>ضع العنوان المباشر في حقل «أرسل تحديثات الدفع إلى» في خطوة إنشاء رابط دفع Tap، أو كعنوان post لعمليات الدفع التي ينشئها متجرك.</translation>
    </message>
    <message>
      <source>On a captured Tap payment</source>
      <translation>عند تحصيل دفعة في Tap</translation>
    </message>
    <message>
      <source>Tap payment declined</source>
      <translation>رفض دفعة في Tap</translation>
    </message>
    <message>
      <source>Starts the flow when Tap posts a charge that didn't take the money (DECLINED, FAILED, CANCELLED…), signed in its hashstring header; message says why.</source>
      <translation>يبدأ التدفق عندما يرسل Tap عملية دفع لم يُحصَّل مبلغها (DECLINED أو FAILED أو CANCELLED…) موقّعة في ترويسة hashstring؛ وتقول message السبب.</translation>
    </message>
    <message>
      <source>On a declined Tap payment</source>
      <translation>عند رفض دفعة في Tap</translation>
    </message>
    <message>
      <source>Create Tap payment link</source>
      <translation>إنشاء رابط دفع في Tap</translation>
    </message>
    <message>
      <source>Makes a Tap charge on its hosted payment page and answers with the page's address to send the customer; it is not repeated on its own if Tap may have made it.</source>
      <translation>ينشئ عملية دفع في Tap على صفحة الدفع المستضافة ويعيد عنوان الصفحة لترسله إلى العميل؛ ولا يُعاد تلقائيًا إن كان Tap ربما أنشأها.</translation>
    </message>
    <message>
      <source>Tap payment link for {amount} {currency}</source>
      <translation>رابط دفع Tap بمبلغ {amount} {currency}</translation>
    </message>
    <message>
      <source>Make a Tap payment link</source>
      <translation>أنشئ رابط دفع في Tap</translation>
    </message>
    <message>
      <source>Get Tap charge</source>
      <translation>جلب عملية دفع من Tap</translation>
    </message>
    <message>
      <source>Reads one charge by its ID: status, amount, customer, card and Tap's message.</source>
      <translation>يقرأ عملية دفع واحدة بمعرّفها: الحالة والمبلغ والعميل والبطاقة ورسالة Tap.</translation>
    </message>
    <message>
      <source>Get Tap charge {charge_id}</source>
      <translation>اجلب عملية Tap {charge_id}</translation>
    </message>
    <message>
      <source>Get a Tap charge</source>
      <translation>اجلب عملية دفع من Tap</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>sk_live_… or sk_test_… from goSell → API Credentials in the Tap dashboard; Tap signs the payment updates it sends with it too.</source>
      <translation>المفتاح sk_live_… أو sk_test_… من goSell → API Credentials في لوحة تحكم Tap؛ ويوقّع به Tap أيضًا تحديثات الدفع التي يرسلها.</translation>
    </message>
    <message>
      <source>The connected Tap account.</source>
      <translation>حساب Tap المربوط.</translation>
    </message>
    <message>
      <source>In the currency's main unit, e.g. 150.50 (SAR) or 12.500 (KWD, 3 decimals).</source>
      <translation>بالوحدة الرئيسية للعملة، مثال: 150.50 (SAR) أو 12.500 (KWD، بثلاث خانات عشرية).</translation>
    </message>
    <message>
      <source>e.g. SAR, KWD, AED, BHD, EGP.</source>
      <translation>مثال: SAR أو KWD أو AED أو BHD أو EGP.</translation>
    </message>
    <message>
      <source>e.g. Order #1042.</source>
      <translation>مثال: Order #1042.</translation>
    </message>
    <message>
      <source>In international form, e.g. +96550123456; an e-mail or a phone is needed.</source>
      <translation>بالصيغة الدولية، مثال: +96550123456؛ ويلزم بريد إلكتروني أو هاتف.</translation>
    </message>
    <message>
      <source>A page of yours the customer returns to after paying, e.g. https://myshop.example/thanks.</source>
      <translation>صفحة من موقعك يعود إليها العميل بعد الدفع، مثال: https://myshop.example/thanks.</translation>
    </message>
    <message>
      <source>The live address of a flow that starts with a Tap charge trigger; Tap posts the finished charge there.</source>
      <translation>العنوان المباشر لتدفق يبدأ بمشغّل دفع من Tap؛ ويرسل Tap إليه عملية الدفع عند انتهائها.</translation>
    </message>
    <message>
      <source>Your order number, kept on the charge.</source>
      <translation>رقم طلبك، يُحفظ مع عملية الدفع.</translation>
    </message>
    <message>
      <source>Your own named values kept on the charge, e.g. order = the order number.</source>
      <translation>قيم بأسماء من اختيارك تُحفظ مع عملية الدفع، مثل order = رقم الطلب.</translation>
    </message>
    <message>
      <source>Charge ID</source>
      <translation>معرّف عملية الدفع</translation>
    </message>
    <message>
      <source>e.g. {{ trigger.charge_id }} (like chg_TS05A41…).</source>
      <translation>مثال: {{ trigger.charge_id }} (مثل chg_TS05A41…).</translation>
    </message>
  </context>
  <context>
    <name>ConnectorMessages</name>
    <message>
      <source>Tap didn't accept the secret key — reconnect Tap with the secret key (sk_…) from goSell → API Credentials in the Tap dashboard.</source>
      <translation>لم يقبل Tap المفتاح السري — أعد ربط Tap بالمفتاح السري (sk_…) من goSell → API Credentials في لوحة تحكم Tap.</translation>
    </message>
  </context>
</TS>
