<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Schedule</source>
      <translation>جدول زمني</translation>
    </message>
    <message>
      <source>Start a flow at set times: every few minutes, every morning, every Monday.</source>
      <translation>ابدأ تدفقًا في أوقات محددة: كل بضع دقائق، أو كل صباح، أو كل يوم اثنين.</translation>
    </message>
    <message>
      <source>Starts the flow on a schedule: an interval, or a cron expression, in your time zone.</source>
      <translation>يبدأ التدفق وفق جدول زمني: فاصل زمني أو تعبير cron، بتوقيت منطقتك الزمنية.</translation>
    </message>
    <message>
      <source>{mode:=cron}On schedule {cron}</source>
      <translation>{mode:=cron}حسب الجدول {cron}</translation>
    </message>
    <message>
      <source>{mode:=interval}Every {every:count(unit)}</source>
      <translation>{mode:=interval}كل {every:count(unit)}</translation>
    </message>
    <message>
      <source>On a schedule</source>
      <translation>حسب جدول زمني</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>Cron expression</source>
      <translation>تعبير Cron</translation>
    </message>
    <message>
      <source>Every</source>
      <translation>كل</translation>
    </message>
    <message>
      <source>Missed runs</source>
      <translation>التشغيلات الفائتة</translation>
    </message>
    <message>
      <source>Repeat</source>
      <translation>التكرار</translation>
    </message>
    <message>
      <source>interval</source>
      <translation>فاصل زمني</translation>
    </message>
    <message>
      <source>cron</source>
      <translation>cron</translation>
    </message>
    <message>
      <source>How many units between runs.</source>
      <translation>عدد الوحدات بين كل تشغيل والذي يليه.</translation>
    </message>
    <message>
      <source>minute hour day month weekday — '0 9 * * 1' is every Monday at 9:00.</source>
      <translation>الدقيقة الساعة اليوم الشهر يوم الأسبوع — '0 9 * * 1' تعني كل يوم اثنين الساعة 9:00.</translation>
    </message>
    <message>
      <source>e.g. Asia/Dubai; empty uses the flow's time zone.</source>
      <translation>مثال: Asia/Dubai؛ وإن تُرك فارغًا تُستخدم المنطقة الزمنية للتدفق.</translation>
    </message>
    <message>
      <source>When the computer was off at run time: run once when it is back, or skip.</source>
      <translation>إن كان الحاسوب مطفأً وقت التشغيل: شغِّل مرة واحدة عند عودته، أو تخطَّ التشغيل.</translation>
    </message>
    <message>
      <source>run once</source>
      <translation>تشغيل مرة واحدة</translation>
    </message>
    <message>
      <source>skip</source>
      <translation>تخطٍّ</translation>
    </message>
  </context>
</TS>
