<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>NodeTypes</name>
    <message>
      <source>AI (OpenAI / Ollama)</source>
      <translation>الذكاء الاصطناعي (OpenAI / Ollama)</translation>
    </message>
    <message>
      <source>Write, summarise, translate or extract data with an AI model: OpenAI, or a local one through Ollama.</source>
      <translation>اكتب أو لخِّص أو ترجم أو استخرج بيانات بنموذج ذكاء اصطناعي: OpenAI، أو نموذج محلي عبر Ollama.</translation>
    </message>
    <message>
      <source>Generate text with AI</source>
      <translation>توليد نص بالذكاء الاصطناعي</translation>
    </message>
    <message>
      <source>Sends a prompt (with instructions) to the model and outputs its answer, or the JSON it answers parsed.</source>
      <translation>يرسل موجِّهًا (مع تعليمات) إلى النموذج ويُخرِج إجابته، أو ما يجيب به من JSON بعد تحليله.</translation>
    </message>
    <message>
      <source>Ask AI: {prompt}</source>
      <translation>اسأل الذكاء الاصطناعي: {prompt}</translation>
    </message>
    <message>
      <source>Write text with AI</source>
      <translation>اكتب نصًا بالذكاء الاصطناعي</translation>
    </message>
  </context>
  <context>
    <name>NodeFields</name>
    <message>
      <source>Default model</source>
      <translation>النموذج الافتراضي</translation>
    </message>
    <message>
      <source>Organization ID</source>
      <translation>معرّف المؤسسة</translation>
    </message>
    <message>
      <source>sk-… from platform.openai.com; for Ollama any text (e.g. ollama).</source>
      <translation>المفتاح sk-… من platform.openai.com؛ ولـ Ollama أي نص (مثال: ollama).</translation>
    </message>
    <message>
      <source>For Ollama: http://localhost:11434/v1</source>
      <translation>لـ Ollama: http://localhost:11434/v1</translation>
    </message>
    <message>
      <source>e.g. llama3.2</source>
      <translation>مثال: llama3.2</translation>
    </message>
    <message>
      <source>Optional.</source>
      <translation>اختياري.</translation>
    </message>
    <message>
      <source>The connected OpenAI (or compatible) account.</source>
      <translation>حساب OpenAI (أو المتوافق معه) المربوط.</translation>
    </message>
    <message>
      <source>Prompt</source>
      <translation>الموجِّه</translation>
    </message>
    <message>
      <source>What to ask; use {{ }} to put in data, e.g. Summarise: {{ trigger.text }}</source>
      <translation>ما تريد أن تسأل عنه؛ واستخدم {{ }} لإدراج البيانات، مثال: Summarise: {{ trigger.text }}</translation>
    </message>
    <message>
      <source>Instructions</source>
      <translation>التعليمات</translation>
    </message>
    <message>
      <source>How the AI should behave, e.g. 'Answer in Arabic.'</source>
      <translation>كيف ينبغي أن يتصرف الذكاء الاصطناعي، مثال: 'Answer in Arabic.'</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>النموذج</translation>
    </message>
    <message>
      <source>Empty for the account's default model.</source>
      <translation>اتركه فارغًا لاستخدام النموذج الافتراضي للحساب.</translation>
    </message>
    <message>
      <source>Creativity</source>
      <translation>الإبداع</translation>
    </message>
    <message>
      <source>Longest answer (tokens)</source>
      <translation>أقصى طول للإجابة (tokens)</translation>
    </message>
    <message>
      <source>Answer as JSON</source>
      <translation>الإجابة بصيغة JSON</translation>
    </message>
    <message>
      <source>Ask for a JSON object and output it parsed, for the next steps to use.</source>
      <translation>اطلب كائن JSON وأخرِجه بعد تحليله لتستخدمه الخطوات التالية.</translation>
    </message>
  </context>
</TS>
