<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>Notifications</name>
    <message>
      <source>«{flow}» failed</source>
      <translation>فشل «{flow}»</translation>
    </message>
    <message>
      <source>«{flow}» failed at step {number} «{step}»: {reason}</source>
      <translation>فشل «{flow}» عند الخطوة {number} «{step}»: {reason}</translation>
    </message>
    <message>
      <source>«{flow}» failed: {reason}</source>
      <translation>فشل «{flow}»: {reason}</translation>
    </message>
    <message>
      <source>«{flow}» failed {count} times since {since} at step {number} «{step}»: {reason}</source>
      <translation>فشل «{flow}» منذ {since} عند الخطوة {number} «{step}» (عدد المرات: {count}): {reason}</translation>
    </message>
    <message>
      <source>«{flow}» failed {count} times since {since}: {reason}</source>
      <translation>فشل «{flow}» منذ {since} (عدد المرات: {count}): {reason}</translation>
    </message>
    <message>
      <source>Fix it in Flowin: {link} — or see the run with: {command}</source>
      <translation>أصلحه في Flowin: {link} — أو اعرض التشغيل بالأمر: {command}</translation>
    </message>
    <message>
      <source>«{flow}» works again</source>
      <translation>عاد «{flow}» إلى العمل</translation>
    </message>
    <message>
      <source>«{flow}» ran fine at {time} after failing {count} times since {since}.</source>
      <translation>اشتغل «{flow}» بنجاح الساعة {time} بعد أن فشل منذ {since} (عدد المرات: {count}).</translation>
    </message>
    <message>
      <source>«{flow}» ran fine at {time} after failing at {since}.</source>
      <translation>اشتغل «{flow}» بنجاح الساعة {time} بعد أن فشل الساعة {since}.</translation>
    </message>
    <message>
      <source>«{flow}» today</source>
      <translation>«{flow}» اليوم</translation>
    </message>
    <message>
      <source>«{flow}» ran {count} times today, all fine.</source>
      <translation>اشتغل «{flow}» اليوم (عدد المرات: {count}) وكلها بنجاح.</translation>
    </message>
    <message>
      <source>«{flow}» ran {count} times today; {failed} of them failed.</source>
      <translation>اشتغل «{flow}» اليوم (عدد المرات: {count})، وفشل منها {failed}.</translation>
    </message>
    <message>
      <source>«{flow}» has not run</source>
      <translation>لم يشتغل «{flow}»</translation>
    </message>
    <message>
      <source>«{flow}» has not run in {hours} hours. Check that what starts it still happens, and that the flow is switched on.</source>
      <translation>لم يشتغل «{flow}» منذ {hours} ساعة. تأكد من أن ما يبدؤه ما زال يحدث، وأن التدفق مفعَّل.</translation>
    </message>
    <message>
      <source>Events wait in your cloud account</source>
      <translation>أحداث تنتظر في حسابك السحابي</translation>
    </message>
    <message>
      <source>{count} events for «{flow}» wait in your cloud account; they run when Flowin connects.</source>
      <translation>أحداث لـ«{flow}» تنتظر في حسابك السحابي (عددها: {count})؛ ستعمل عندما يتصل Flowin.</translation>
    </message>
    <message>
      <source>{count} events waited in your cloud account while this computer could not take them; Flowin is running them now.</source>
      <translation>أحداث انتظرت في حسابك السحابي بينما لم يستطع هذا الجهاز استلامها (عددها: {count})؛ يشغّلها Flowin الآن.</translation>
    </message>
    <message>
      <source>«{flow}» was changed in two places</source>
      <translation>تغيَّر «{flow}» في مكانين</translation>
    </message>
    <message>
      <source>«{flow}» was changed on this computer and in your cloud account; open it in Flowin to choose which one to keep.</source>
      <translation>تغيَّر «{flow}» على هذا الجهاز وفي حسابك السحابي؛ افتحه في Flowin لتختار أيهما تُبقي.</translation>
    </message>
    <message>
      <source>A notification could not be sent by {channel}</source>
      <translation>تعذَّر إرسال تنبيه عبر {channel}</translation>
    </message>
    <message>
      <source>Flowin could not send a notification by {channel}: {reason} Notifications still show in the app; check the account in the notification settings.</source>
      <translation>تعذَّر على Flowin إرسال تنبيه عبر {channel}: {reason} ما زالت التنبيهات تظهر في التطبيق؛ راجع الحساب في إعدادات التنبيهات.</translation>
    </message>
    <message>
      <source>While notifications were quiet</source>
      <translation>أثناء ساعات الهدوء</translation>
    </message>
    <message>
      <source>{count} notifications waited for the end of quiet hours:</source>
      <translation>تنبيهات انتظرت انتهاء ساعات الهدوء (عددها: {count}):</translation>
    </message>
    <message>
      <source>Open the run in Flowin</source>
      <translation>افتح التشغيل في Flowin</translation>
    </message>
    <message>
      <source>Flowin test notification</source>
      <translation>تنبيه تجريبي من Flowin</translation>
    </message>
    <message>
      <source>This is a test: Flowin notifications reach you here.</source>
      <translation>هذه تجربة: تنبيهات Flowin تصلك هنا.</translation>
    </message>
    <message>
      <source>the app</source>
      <translation>التطبيق</translation>
    </message>
    <message>
      <source>e-mail</source>
      <translation>البريد الإلكتروني</translation>
    </message>
    <message>
      <source>Telegram</source>
      <translation>تيليجرام</translation>
    </message>
    <message>
      <source>SMS</source>
      <translation>الرسائل النصية</translation>
    </message>
    <message>
      <source>WhatsApp</source>
      <translation>واتساب</translation>
    </message>
  </context>
</TS>
