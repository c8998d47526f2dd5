<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Paymob</source>
      <translation>Paymob</translation>
    </message>
    <message>
      <source>Start a flow when a Paymob payment goes through or is declined, make payment links and look up transactions.</source>
      <translation>ابدأ تدفقًا عندما تنجح دفعة في Paymob أو تُرفض، وأنشئ روابط دفع، واستعلم عن المعاملات.</translation>
    </message>
    <message>
      <source>Paymob payment succeeded</source>
      <translation>نجاح دفعة في Paymob</translation>
    </message>
    <message>
      <source>Starts the flow when Paymob's transaction processed callback reports a successful payment, signed with the account's HMAC secret.</source>
      <translation>يبدأ التدفق عندما يُبلغ استدعاء «معالجة المعاملة» من Paymob عن دفعة ناجحة، موقّعًا بسر HMAC الخاص بالحساب.</translation>
    </message>
    <message>
      <source>In the Paymob dashboard, open Developers › Payment Integrations, edit each integration and paste the live address as its Transaction processed callback; copy the HMAC secret from Developers › API Keys into the account.</source>
      <translation>في لوحة تحكم Paymob افتح Developers › Payment Integrations، وعدّل كل تكامل والصق العنوان المباشر في Transaction processed callback؛ ثم انسخ سر HMAC من Developers › API Keys إلى الحساب.</translation>
    </message>
    <message>
      <source>On a Paymob payment</source>
      <translation>عند دفعة في Paymob</translation>
    </message>
    <message>
      <source>Paymob payment declined</source>
      <translation>رفض دفعة في Paymob</translation>
    </message>
    <message>
      <source>Starts the flow when Paymob's transaction processed callback reports a declined payment, signed with the account's HMAC secret; message says why.</source>
      <translation>يبدأ التدفق عندما يُبلغ استدعاء «معالجة المعاملة» من Paymob عن دفعة مرفوضة، موقّعًا بسر HMAC الخاص بالحساب؛ وتقول message السبب.</translation>
    </message>
    <message>
      <source>On a declined Paymob payment</source>
      <translation>عند رفض دفعة في Paymob</translation>
    </message>
    <message>
      <source>Create Paymob payment link</source>
      <translation>إنشاء رابط دفع في Paymob</translation>
    </message>
    <message>
      <source>Makes a Paymob payment intention and answers with its checkout page address to send the customer; it is not repeated on its own if Paymob may have made it.</source>
      <translation>ينشئ نية دفع في Paymob ويعيد عنوان صفحة الدفع لترسله إلى العميل؛ ولا يُعاد تلقائيًا إن كان Paymob ربما أنشأها.</translation>
    </message>
    <message>
      <source>Paymob payment link for {amount} {currency}</source>
      <translation>رابط دفع Paymob بمبلغ {amount} {currency}</translation>
    </message>
    <message>
      <source>Make a Paymob payment link</source>
      <translation>أنشئ رابط دفع في Paymob</translation>
    </message>
    <message>
      <source>Get Paymob transaction</source>
      <translation>جلب معاملة من Paymob</translation>
    </message>
    <message>
      <source>Reads one transaction by its ID: success, amount, order, card and Paymob's message.</source>
      <translation>يقرأ معاملة واحدة بمعرّفها: النجاح والمبلغ والطلب والبطاقة ورسالة Paymob.</translation>
    </message>
    <message>
      <source>Get Paymob transaction {transaction_id}</source>
      <translation>اجلب معاملة Paymob {transaction_id}</translation>
    </message>
    <message>
      <source>Get a Paymob transaction</source>
      <translation>اجلب معاملة من Paymob</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>From Developers → API Keys in the Paymob dashboard, e.g. egy_sk_live_….</source>
      <translation>من Developers → API Keys في لوحة تحكم Paymob، مثال: egy_sk_live_….</translation>
    </message>
    <message>
      <source>Public key</source>
      <translation>المفتاح العام</translation>
    </message>
    <message>
      <source>From the same page, e.g. egy_pk_live_…; it opens the checkout page.</source>
      <translation>من الصفحة نفسها، مثال: egy_pk_live_…؛ ويفتح صفحة الدفع.</translation>
    </message>
    <message>
      <source>Payment integration IDs</source>
      <translation>معرّفات تكاملات الدفع</translation>
    </message>
    <message>
      <source>The IDs of the payment methods customers may use, from Developers → Payment Integrations, separated by commas, e.g. 4097558, 4097559.</source>
      <translation>معرّفات طرق الدفع المتاحة للعملاء، من Developers → Payment Integrations، مفصولة بفواصل، مثال: 4097558, 4097559.</translation>
    </message>
    <message>
      <source>HMAC secret</source>
      <translation>سر HMAC</translation>
    </message>
    <message>
      <source>From Developers → API Keys; Flowin refuses transaction callbacks it didn't sign.</source>
      <translation>من Developers → API Keys؛ ويرفض Flowin استدعاءات المعاملات التي لم يوقّعها.</translation>
    </message>
    <message>
      <source>The long API key from Developers → API Keys; only Get Paymob transaction needs it.</source>
      <translation>مفتاح API الطويل من Developers → API Keys؛ ولا تحتاجه إلا خطوة جلب معاملة من Paymob.</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>الدولة</translation>
    </message>
    <message>
      <source>Where the Paymob account is: Egypt, Saudi Arabia, UAE or Oman.</source>
      <translation>بلد حساب Paymob: مصر أو السعودية أو الإمارات أو عُمان.</translation>
    </message>
    <message>
      <source>egypt</source>
      <translation>مصر</translation>
    </message>
    <message>
      <source>saudi arabia</source>
      <translation>السعودية</translation>
    </message>
    <message>
      <source>united arab emirates</source>
      <translation>الإمارات العربية المتحدة</translation>
    </message>
    <message>
      <source>oman</source>
      <translation>عُمان</translation>
    </message>
    <message>
      <source>Empty for the country's.</source>
      <translation>فارغًا لعنوان الدولة.</translation>
    </message>
    <message>
      <source>The connected Paymob account.</source>
      <translation>حساب Paymob المربوط.</translation>
    </message>
    <message>
      <source>In the currency's main unit, e.g. 150.50 (EGP); Flowin sends Paymob piasters.</source>
      <translation>بالوحدة الرئيسية للعملة، مثال: 150.50 (EGP)؛ ويرسله Flowin إلى Paymob بالقروش.</translation>
    </message>
    <message>
      <source>e.g. EGP, SAR, AED, OMR.</source>
      <translation>مثال: EGP أو SAR أو AED أو OMR.</translation>
    </message>
    <message>
      <source>What the customer pays for, e.g. Order #1042.</source>
      <translation>ما يدفع العميل مقابله، مثال: Order #1042.</translation>
    </message>
    <message>
      <source>In international form, e.g. +201012345678.</source>
      <translation>بالصيغة الدولية، مثال: +201012345678.</translation>
    </message>
    <message>
      <source>Your order number (Paymob's special_reference); it comes back in the callback as the order's merchant_order_id.</source>
      <translation>رقم طلبك (special_reference في Paymob)؛ ويعود في الاستدعاء باسم merchant_order_id للطلب.</translation>
    </message>
    <message>
      <source>The live address of a flow that starts with a Paymob trigger; empty for the callback set on the integration.</source>
      <translation>العنوان المباشر لتدفق يبدأ بمشغّل من Paymob؛ اتركه فارغًا لاستخدام الاستدعاء المضبوط على التكامل.</translation>
    </message>
    <message>
      <source>A page of yours the customer returns to after paying.</source>
      <translation>صفحة من موقعك يعود إليها العميل بعد الدفع.</translation>
    </message>
    <message>
      <source>Empty for Paymob's default.</source>
      <translation>فارغًا للمدة الافتراضية في Paymob.</translation>
    </message>
    <message>
      <source>Your own named values kept on the payment (Paymob's extras).</source>
      <translation>قيم بأسماء من اختيارك تُحفظ مع الدفعة (extras في Paymob).</translation>
    </message>
    <message>
      <source>Transaction ID</source>
      <translation>معرّف المعاملة</translation>
    </message>
    <message>
      <source>A number, e.g. {{ trigger.transaction_id }} (like 192036465).</source>
      <translation>رقم، مثال: {{ trigger.transaction_id }} (مثل 192036465).</translation>
    </message>
  </context>
  <context>
    <name>ConnectorMessages</name>
    <message>
      <source>Paymob didn't accept the secret key — reconnect Paymob with the secret key from Developers → API Keys in the Paymob dashboard (it starts with egy_sk_, sau_sk_, are_sk_ or omn_sk_).</source>
      <translation>لم يقبل Paymob المفتاح السري — أعد ربط Paymob بالمفتاح السري من Developers → API Keys في لوحة تحكم Paymob (يبدأ بـ egy_sk_ أو sau_sk_ أو are_sk_ أو omn_sk_).</translation>
    </message>
  </context>
</TS>
