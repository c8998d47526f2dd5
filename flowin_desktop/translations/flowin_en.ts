<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English is written in the code; this file holds only the plural forms of the sentences that
     count (%n), which Qt picks by the number: "1 second", "2 seconds". -->
<TS version="2.1" language="en">
  <context>
    <name>CloudAccountDialog</name>
    <message numerus="yes">
      <source>%n events wait in your cloud account for this computer. They stay there for 72 hours and arrive when this computer signs in again. Sign out?</source>
      <translation>
        <numerusform>%n event waits in your cloud account for this computer. It stays there for 72 hours and arrives when this computer signs in again. Sign out?</numerusform>
        <numerusform>%n events wait in your cloud account for this computer. They stay there for 72 hours and arrive when this computer signs in again. Sign out?</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CloudSync</name>
    <message numerus="yes">
      <source>Too many tries. Wait %n minutes and try again.</source>
      <translation>
        <numerusform>Too many tries. Wait %n minute and try again.</numerusform>
        <numerusform>Too many tries. Wait %n minutes and try again.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Too many tries. Wait %n seconds and try again.</source>
      <translation>
        <numerusform>Too many tries. Wait %n second and try again.</numerusform>
        <numerusform>Too many tries. Wait %n seconds and try again.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RelayWatch</name>
    <message numerus="yes">
      <source>%n events waiting</source>
      <translation>
        <numerusform>%n event waiting</numerusform>
        <numerusform>%n events waiting</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>The %n events that waited in your cloud account have arrived; the run history shows what each one did.</source>
      <translation>
        <numerusform>The event that waited in your cloud account has arrived; the run history shows what it did.</numerusform>
        <numerusform>The %n events that waited in your cloud account have arrived; the run history shows what each one did.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CountedChoices</name>
    <message numerus="yes">
      <source>%n seconds</source>
      <translation>
        <numerusform>%n second</numerusform>
        <numerusform>%n seconds</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n minutes</source>
      <translation>
        <numerusform>%n minute</numerusform>
        <numerusform>%n minutes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n hours</source>
      <translation>
        <numerusform>%n hour</numerusform>
        <numerusform>%n hours</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n days</source>
      <translation>
        <numerusform>%n day</numerusform>
        <numerusform>%n days</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>NotificationCentre</name>
    <message numerus="yes">
      <source>%n minutes ago</source>
      <translation>
        <numerusform>%n minute ago</numerusform>
        <numerusform>%n minutes ago</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n hours ago</source>
      <translation>
        <numerusform>%n hour ago</numerusform>
        <numerusform>%n hours ago</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n days ago</source>
      <translation>
        <numerusform>%n day ago</numerusform>
        <numerusform>%n days ago</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 · %n times</source>
      <translation>
        <numerusform>%1 · %n time</numerusform>
        <numerusform>%1 · %n times</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Notifications: %n unread</source>
      <translation>
        <numerusform>Notifications: %n unread</numerusform>
        <numerusform>Notifications: %n unread</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>NotificationRules</name>
    <message numerus="yes">
      <source>%n days</source>
      <translation>
        <numerusform>%n day</numerusform>
        <numerusform>%n days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n hours</source>
      <translation>
        <numerusform>%n hour</numerusform>
        <numerusform>%n hours</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>InsightsPage</name>
    <message numerus="yes">
      <source>Your flows ran %n times this week</source>
      <translation>
        <numerusform>Your flows ran %n time this week</numerusform>
        <numerusform>Your flows ran %n times this week</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Your flows ran %n times in the last 30 days</source>
      <translation>
        <numerusform>Your flows ran %n time in the last 30 days</numerusform>
        <numerusform>Your flows ran %n times in the last 30 days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>You saved %n hours this week using Flowin</source>
      <translation>
        <numerusform>You saved %n hour this week using Flowin</numerusform>
        <numerusform>You saved %n hours this week using Flowin</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>You saved %n hours in the last 30 days using Flowin</source>
      <translation>
        <numerusform>You saved %n hour in the last 30 days using Flowin</numerusform>
        <numerusform>You saved %n hours in the last 30 days using Flowin</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>You saved %n minutes this week using Flowin</source>
      <translation>
        <numerusform>You saved %n minute this week using Flowin</numerusform>
        <numerusform>You saved %n minutes this week using Flowin</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>You saved %n minutes in the last 30 days using Flowin</source>
      <translation>
        <numerusform>You saved %n minute in the last 30 days using Flowin</numerusform>
        <numerusform>You saved %n minutes in the last 30 days using Flowin</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n failures</source>
      <translation>
        <numerusform>%n failure</numerusform>
        <numerusform>%n failures</numerusform>
      </translation>
    </message>
  </context>
</TS>
