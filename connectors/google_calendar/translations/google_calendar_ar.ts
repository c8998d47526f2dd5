<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>Google Calendar</source>
      <translation>Google Calendar</translation>
    </message>
    <message>
      <source>Add events and appointments to a calendar, find free time, list events, and start a flow when an event is added or is about to start.</source>
      <translation>أضف أحداثًا ومواعيد إلى التقويم، وابحث عن وقت فارغ، واعرض الأحداث، وابدأ تدفقًا عند إضافة حدث أو قبل أن يبدأ.</translation>
    </message>
    <message>
      <source>New event in Google Calendar</source>
      <translation>حدث جديد في Google Calendar</translation>
    </message>
    <message>
      <source>Starts the flow once for each event added to the calendar after the flow was turned on.</source>
      <translation>يبدأ التدفق مرة لكل حدث يُضاف إلى التقويم بعد تشغيل التدفق.</translation>
    </message>
    <message>
      <source>On a new event containing {search}</source>
      <translation>عند حدث جديد يحتوي على {search}</translation>
    </message>
    <message>
      <source>On a new event in {calendar_id}</source>
      <translation>عند حدث جديد في {calendar_id}</translation>
    </message>
    <message>
      <source>On a new event in the calendar</source>
      <translation>عند حدث جديد في التقويم</translation>
    </message>
    <message>
      <source>Event starting soon in Google Calendar</source>
      <translation>حدث يقترب موعده في Google Calendar</translation>
    </message>
    <message>
      <source>Starts the flow once for each event that starts within the time you choose, e.g. to remind a patient by SMS an hour or a day before.</source>
      <translation>يبدأ التدفق مرة لكل حدث يبدأ خلال المدة التي تختارها، مثلًا لتذكير مريض برسالة SMS قبل موعده بساعة أو بيوم.</translation>
    </message>
    <message>
      <source>{within:count(unit)} before each event containing {search}</source>
      <translation>قبل كل حدث يحتوي على {search} بـ{within:count(unit)}</translation>
    </message>
    <message>
      <source>{within:count(unit)} before each event in the calendar</source>
      <translation>قبل كل حدث في التقويم بـ{within:count(unit)}</translation>
    </message>
    <message>
      <source>Create an event in Google Calendar</source>
      <translation>إنشاء حدث في Google Calendar</translation>
    </message>
    <message>
      <source>Adds an event (title, start, end or duration, guests, place) to a calendar; times without a time zone are read in the flow's.</source>
      <translation>يضيف حدثًا (العنوان، البداية، النهاية أو المدة، الضيوف، المكان) إلى التقويم؛ الأوقات التي لا تذكر منطقة زمنية تُقرأ بمنطقة التدفق.</translation>
    </message>
    <message>
      <source>Add “{title}” on {start} to the calendar</source>
      <translation>أضف «{title}» في {start} إلى التقويم</translation>
    </message>
    <message>
      <source>Add “{title}” to the calendar</source>
      <translation>أضف «{title}» إلى التقويم</translation>
    </message>
    <message>
      <source>Add an event to the calendar</source>
      <translation>أضف حدثًا إلى التقويم</translation>
    </message>
    <message>
      <source>Find free time in Google Calendar</source>
      <translation>البحث عن وقت فارغ في Google Calendar</translation>
    </message>
    <message>
      <source>Finds slots of a given length within working hours when every chosen calendar is free, over a day or a few.</source>
      <translation>يجد فترات بالطول المطلوب ضمن ساعات العمل تكون فيها كل التقاويم المختارة فارغة، خلال يوم أو بضعة أيام.</translation>
    </message>
    <message>
      <source>Find {slot_minutes}-minute free slots in {calendars}</source>
      <translation>ابحث عن فترات فارغة مدتها {slot_minutes} دقيقة في {calendars}</translation>
    </message>
    <message>
      <source>Find free time in the calendar</source>
      <translation>ابحث عن وقت فارغ في التقويم</translation>
    </message>
    <message>
      <source>List events in Google Calendar</source>
      <translation>عرض الأحداث في Google Calendar</translation>
    </message>
    <message>
      <source>Reads a calendar's events between two times, in the order they start.</source>
      <translation>يقرأ أحداث التقويم بين وقتين، بترتيب بدايتها.</translation>
    </message>
    <message>
      <source>List events containing {search}</source>
      <translation>اعرض الأحداث التي تحتوي على {search}</translation>
    </message>
    <message>
      <source>List events in {calendar_id}</source>
      <translation>اعرض الأحداث في {calendar_id}</translation>
    </message>
    <message>
      <source>List the calendar's events</source>
      <translation>اعرض أحداث التقويم</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>The connected Google account whose calendars are used.</source>
      <translation>حساب Google المربوط الذي تُستخدم تقاويمه.</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>التقويم</translation>
    </message>
    <message>
      <source>primary for the account's own calendar, or a calendar's ID (Calendar settings › Integrate calendar), e.g. clinic@example.com.</source>
      <translation>primary لتقويم الحساب نفسه، أو معرّف تقويم (إعدادات التقويم › دمج التقويم)، مثل clinic@example.com.</translation>
    </message>
    <message>
      <source>Containing</source>
      <translation>يحتوي على</translation>
    </message>
    <message>
      <source>Only events with these words.</source>
      <translation>الأحداث التي فيها هذه الكلمات فقط.</translation>
    </message>
    <message>
      <source>Starting within</source>
      <translation>يبدأ خلال</translation>
    </message>
    <message>
      <source>e.g. 1 hour or 1 day before each event: the flow starts once per event.</source>
      <translation>مثلًا قبل كل حدث بساعة أو بيوم: يبدأ التدفق مرة واحدة لكل حدث.</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>العنوان</translation>
    </message>
    <message>
      <source>e.g. Checkup: {{ trigger.name }}</source>
      <translation>مثال: كشف: {{ trigger.name }}</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>البداية</translation>
    </message>
    <message>
      <source>A date and time like 2025-03-01 14:30 (in the time zone below), a date from an earlier step, or a date alone for a whole-day event.</source>
      <translation>تاريخ ووقت مثل 2025-03-01 14:30 (بالمنطقة الزمنية أدناه)، أو تاريخ من خطوة سابقة، أو تاريخ وحده لحدث يستغرق اليوم كله.</translation>
    </message>
    <message>
      <source>End</source>
      <translation>النهاية</translation>
    </message>
    <message>
      <source>Empty to end after the duration below.</source>
      <translation>اتركه فارغًا لينتهي بعد المدة أدناه.</translation>
    </message>
    <message>
      <source>Duration (minutes)</source>
      <translation>المدة (بالدقائق)</translation>
    </message>
    <message>
      <source>When End is empty.</source>
      <translation>عندما تكون النهاية فارغة.</translation>
    </message>
    <message>
      <source>e.g. Asia/Riyadh or Africa/Cairo; empty for the flow's time zone.</source>
      <translation>مثل Asia/Riyadh أو Africa/Cairo؛ اتركه فارغًا لاستخدام المنطقة الزمنية للتدفق.</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>المكان</translation>
    </message>
    <message>
      <source>Guests' e-mails</source>
      <translation>بريد الضيوف</translation>
    </message>
    <message>
      <source>One or more e-mail addresses, separated by commas.</source>
      <translation>عنوان بريد أو أكثر، تفصل بينها فواصل.</translation>
    </message>
    <message>
      <source>Invite guests by e-mail</source>
      <translation>دعوة الضيوف بالبريد</translation>
    </message>
    <message>
      <source>all: Google e-mails every guest; externalOnly: only guests outside Google Calendar; none: no e-mail.</source>
      <translation>الكل: يراسل Google كل الضيوف؛ الخارجيون فقط: الضيوف من خارج Google Calendar فقط؛ لا أحد: بلا بريد.</translation>
    </message>
    <message>
      <source>all</source>
      <translation>الكل</translation>
    </message>
    <message>
      <source>externalOnly</source>
      <translation>الخارجيون فقط</translation>
    </message>
    <message>
      <source>Calendars</source>
      <translation>التقاويم</translation>
    </message>
    <message>
      <source>One or more calendars, separated by commas: time is free when all of them are free (primary is the account's own).</source>
      <translation>تقويم أو أكثر، تفصل بينها فواصل: يكون الوقت فارغًا حين تكون كلها فارغة (primary هو تقويم الحساب نفسه).</translation>
    </message>
    <message>
      <source>From day</source>
      <translation>من يوم</translation>
    </message>
    <message>
      <source>e.g. 2025-03-01 or {{ trigger.date }}; empty for today.</source>
      <translation>مثل 2025-03-01 أو {{ trigger.date }}؛ اتركه فارغًا لليوم.</translation>
    </message>
    <message>
      <source>Days</source>
      <translation>الأيام</translation>
    </message>
    <message>
      <source>How many days from that day.</source>
      <translation>كم يومًا بدءًا من ذلك اليوم.</translation>
    </message>
    <message>
      <source>Slot length (minutes)</source>
      <translation>طول الفترة (بالدقائق)</translation>
    </message>
    <message>
      <source>Working day starts</source>
      <translation>بداية يوم العمل</translation>
    </message>
    <message>
      <source>e.g. 09:00</source>
      <translation>مثال: 09:00</translation>
    </message>
    <message>
      <source>Working day ends</source>
      <translation>نهاية يوم العمل</translation>
    </message>
    <message>
      <source>e.g. 17:00</source>
      <translation>مثال: 17:00</translation>
    </message>
    <message>
      <source>0 for every free slot.</source>
      <translation>0 لكل الفترات الفارغة.</translation>
    </message>
    <message>
      <source>Empty for now.</source>
      <translation>اتركه فارغًا للآن.</translation>
    </message>
    <message>
      <source>Empty for a week after From time.</source>
      <translation>اتركه فارغًا لأسبوع بعد «من وقت».</translation>
    </message>
    <message>
      <source>From time</source>
      <translation>من وقت</translation>
    </message>
    <message>
      <source>Until time</source>
      <translation>حتى وقت</translation>
    </message>
  </context>
</TS>
