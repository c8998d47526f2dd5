"""What the builder will not build, and what it cannot build yet — said before any flow is made.

``refusal``: a flow whose purpose is abuse (messages in bulk to people who did not ask for them,
scraping people's personal data) gets a polite no in the user's language, in both the offline
and the model path. ``unsupported``: a service or event Flowin has no connector for is named
("I can't do Instagram yet") with the closest honest option, never swapped for another service.
``too_long``: a request longer than a description of one flow gets a message, not a flow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .language import Language, normalize

# A description of one flow fits in a few sentences; beyond this the builder asks for less
# rather than build a flow of hundreds of steps from a pasted document.
MAX_SENTENCE_CHARACTERS = 800

_TOO_LONG = {
    "en": "That's {length} characters; describe one flow in up to {limit} characters (a few "
    "sentences), for example: “When I get a new Shopify order, send the customer a WhatsApp "
    "message”.",
    "ar": "طول الطلب {length} حرفًا؛ صِف تدفقًا واحدًا في {limit} حرف على الأكثر (بضع جمل)، مثلًا: "
    "«عندما يصلني طلب جديد في شوبيفاي، أرسل للعميل رسالة واتساب».",
}


# A flow a person can check at a glance; more steps than this is a pasted list, not a flow.
MAX_STEPS = 20

_TOO_MANY_STEPS = {
    "en": "That makes {count} steps; I build flows of up to {limit} steps. Describe one flow at "
    "a time, or split this one in two.",
    "ar": "هذا يعطي {count} خطوة؛ أبني تدفقات من {limit} خطوة على الأكثر. صِف تدفقًا واحدًا في كل "
    "مرة، أو قسّم هذا إلى تدفقين.",
}


def too_many_steps(count: int, language: Language) -> str | None:
    """The message for a flow beyond ``MAX_STEPS``, else None."""
    if count <= MAX_STEPS:
        return None
    return _TOO_MANY_STEPS[language].format(count=count, limit=MAX_STEPS)


def too_long(sentence: str, language: Language) -> str | None:
    """The message for a request beyond ``MAX_SENTENCE_CHARACTERS``, else None."""
    length = len(sentence.strip())
    if length <= MAX_SENTENCE_CHARACTERS:
        return None
    return _TOO_LONG[language].format(length=length, limit=MAX_SENTENCE_CHARACTERS)


# Abuse. Each purpose is a pair of patterns that must both be there: what is done and to whom
# (or from where), so "message my customers" or "save the customer's e-mail" stay allowed. The
# words are families (a verb in its persons and tenses, a noun with its glued prepositions), in
# English, the Arabic dialects and Arabizi, matched on the normalized text.

_AR_START = r"(?<![\u0621-\u064a])"
_AR_END = r"(?![\u0621-\u064a])"

_MESSAGE = (
    r"(?:\b(?:send|messag|text|sms|whatsapp|e-?mail|dm|blast|spam|promo|offer|advert|ad)"
    r"(?:s|es|e|ing|ed)?\b|\bmsgs?\b"
    r"|ارسل|ارسال|رسل|راسل|ابعت|ابعث|بعت|نبعث|دز|طرش|صيفط|رساله|رسائل|رسايل|مسج|ميساج|اعلان|عرض|عروض"
    r"|واتس|ايميل"
    # Arabizi: "ab3at", "neb3atlhom", "arsel", "rasayel", "e3lan"
    r"|\b(?:a|e|ne|n|ye|y|te)?b3a?t\w*|\b(?:arsel|ersal|rasayel|rasa2el|resala|e3lan|i3lan)\w*)"
)
# A list of people's numbers or addresses someone bought, downloaded or found leaked: the people
# on it never gave them to the sender.
_LIST = (
    r"(?:\b(?:lists?|numbers?|contacts?|e-?mails?|leads|databases?|arqam|ar2am|arkam|nemar"
    r"|lista|liste)\b|ارقام|قائمه|ليسته|لسته|ليست|داتا|بيانات|ايميلات|نمر|كونتاكت)"
)
_ACQUIRED = (
    r"(?:\b(?:i|we)\s+(?:\w+\s+)?(?:bought|purchased|paid\s+for|rented|scraped|found|collected|got"
    r"|downloaded|copied|grabbed|acquired|obtained)\b|\b(?:leaked|scraped)\b"
    # handed over by someone who sells them: "sold me", "a data broker", "من واحد يبيع داتا"
    r"|\bsold\s+(?:it\s+|them\s+)?(?:to\s+)?(?:me|us)\b|\bpaid\s+(?:\S+\s+){1,3}?for\b"
    r"|\b(?:data|list|leads?)\s+(?:brokers?|vendors?|sellers?|agenc(?:y|ies)|compan(?:y|ies))\b"
    r"|\b(?:marketing|leads?|data)\s+(?:agenc(?:y|ies)|compan(?:y|ies)|sites?|brokers?)\b"
    r"|(?:ب|ي|بي|بت|ت|بي)?بيع(?:و|وا|ون)?\s+(?:ال)?(?:داتا|بيانات|ارقام|نمر|ليستات|قوايم|قوائم)"
    r"|(?<![\u0621-\u064a])باع(?:لي|ني|لنا|نا|هالي|هملي|هم\s+لي|ها\s+لي)(?![\u0621-\u064a])"
    r"|\b(?:bybee3|bibee3|bybi3|yebee3|yby3|beyby3)\s+(?:el\s+)?(?:data|arqam|ar2am|lists?)\b"
    r"|(?:اشتري|شري)(?:ت|نا)|(?:تم|قمت|قمنا)\s+(?:ب)?شرا|مشتراه|شاريه?ا|شاريينها"
    r"|جبتها|جبتهم|نزلتها|حملتها|لقيتها"
    # Arabizi, the first person only ("eshtaret", "eshtarethom", "shareet"; "eshtaro" is they)
    r"|\b(?:e|i)?shtar(?:ai|ay|e|ee|ei|i)?t\w*|\bshar(?:ee|ei|e|i)t\w*|\b(?:g|j)ebt(?:ha|hom|o)?\b)"
)
_BOUGHT_LIST = (
    r"\b(?:bought|purchased|paid\s+for|downloaded|rented|leaked|scraped|obtained)\s+"
    r"(?:(?:a|an|the|this|that|some|these|those|huge|big|long|new|fresh|whole|full|of|\d[\d,.]*\s*k?)"
    r"\s+){0,4}(?:phone\s+)?(?:lists?|numbers?|contacts?|e-?mails?|leads|databases?|data)\b"
    # "a list bought online", but not "the customers on my list who bought yesterday"
    rf"|{_LIST}[^.;]{{0,40}}?(?:{_ACQUIRED}|(?<!who\s)(?<!that\s)\b(?:bought|purchased|rented)\b)"
    rf"|{_ACQUIRED}[^.,;]{{0,25}}?{_LIST}"
)
# Numbers and addresses by the thousand: a list, not the shop's customers.
_MANY_NUMBERS = (
    r"(?:\b\d{3,}|\b\d{1,3}(?:,\d{3})+|\b\d+(?:[.,]\d+)?\s*k)\s+(?:random\s+)?(?:phone\s+)?"
    r"(?:(?:g|e-?|hot|yahoo\s+)?mail\s+)?(?:numbers|people|contacts|strangers|e-?mails|leads"
    r"|addresses|accounts)\b"
    r"|\b(?:thousands|hundreds|millions)\s+of\s+(?:random\s+)?(?:phone\s+)?"
    r"(?:numbers|people|contacts|e-?mails)"
    r"|ارقام\s+عشوا[يئ]يه|(?:الاف|مئات|الف|مليون|\d{3,})\s+(?:من\s+)?(?:ال)?(?:ارقام|رقم|شخص|واحد|ايميل|نمره|نمر)"
)
# People who never asked: strangers, people who don't know the sender, no consent.
_STRANGERS = (
    r"\b(?:strangers|random\s+(?:phone\s+)?(?:numbers|people|contacts|emails)|people\s+(?:i|we)\s+"
    r"don'?t\s+know|(?:didn'?t|did\s+not|never)\s+(?:sign(?:ed)?\s+up|subscribe|opt(?:ed)?\s+in|ask)"
    r"|without\s+(?:their\s+)?(?:consent|permission))"
    r"|\b(?:who|that|they)\s+(?:don'?t|do\s+not|never|doesn'?t)\s+know\s+(?:me|us|my\s+\w+|our\s+\w+)\b"
    # random numbers or people: "ارقام عشوائية" (hamza's ya normalized), "3ashwa2eya"
    r"|\brandom\s+(?:\w+\s+)?(?:people|numbers|contacts|strangers|persons|addresses|accounts)\b"
    # addresses or numbers someone made up: nobody behind them asked for anything
    r"|\b(?:numbers|addresses|e-?mails|contacts|accounts)\s+(?:that\s+)?(?:i|we)\s+(?:\w+\s+)?"
    r"(?:generated|made\s+up|invented|guessed)\b|\b(?:generated|made[- ]up|fake)\s+(?:e-?mail\s+)?"
    r"(?:numbers|addresses|e-?mails|contacts|accounts)\b"
    r"|(?:ارقام|نمر|ناس|اشخاص|رسايل|رسائل)\s+(?:\S+\s+)?عشوا[يئ]ي(?:ه|ين)"
    r"|\b(?:arqam|ar2am|arkam|nemar|nas|rasayel)\s+(?:\S+\s+)?3ashwa2?[iey]{1,2}(?:a|ah|in|yeen)?\b"
    # every member of a group, messaged in private: they gave their number to the group
    r"|(?:كل|كاع|جميع|لكل|لكاع)\s+(?:ال)?(?:ناس|اعضاء|ارقام|نمر)\s+(?:\S+\s+){0,3}?"
    r"(?:في|ف|ب|من)?\s*(?:ال)?(?:قروب|جروب|كروب|غروب|مجموعه)[^.]{0,30}?(?:علي|على|ع|ف|في|ب)\s*(?:ال)?خاص"
    r"|\b(?:every|each|all)\s+(?:the\s+)?(?:members?|people|numbers)\s+(?:of|in|from)\s+"
    r"(?:the\s+|a\s+)?(?:\w+\s+){0,2}?groups?\b[^.]{0,40}?\b(?:privately|in\s+private|one\s+by\s+one)\b"
    r"|ناس\s+(?:ما|مش|لا|م)\s*(?:اعرفهم|نعرفهم|بعرفهم|منعرفهمش|مشتركين|طلبوا)|بدون\s+(?:موافقتهم|اذنهم|اذن)"
    r"|دون\s+(?:موافقتهم|اذنهم|اذن)"
    r"|(?:ما|مش|بلا ما|ما\s*ب)\s*(?:يعرفوني|بيعرفوني|يعرفونا|بيعرفونا|يعرفوناش|يعرفونيش)"
    r"|\bm(?:a|e)?\s*(?:bi|b|y|ye|yi)?3(?:a|e)?rf(?:o|u|ou)+n(?:i|y|ee|a)(?:sh|ch)?\b"
    # numbers taken from where people gave them to others: "collected from Google Maps"
    r"|\b(?:collected|gathered|harvested|found|grabbed)\s+(?:them\s+)?(?:from|on|off)\s+"
    r"(?:google\s+maps|the\s+internet|facebook|instagram|groups?)"
    r"|(?:جمعتها|جمعتهم|جمعناها|لقطتها|جبتها|جبتهم)\s+من\s+(?:ال)?(?:قوقل|جوجل|نت|انترنت|فيس|مواقع|قروب|جروب)"
)
# Numbers nobody gave: a range of them, all of a city or country, all with a prefix; and the
# followers or customers of a rival.
_PLACES = (
    r"(?:riyadh|jeddah|dammam|mecca|makkah|medina|cairo|alexandria|giza|dubai|abu\s+dhabi|sharjah"
    r"|doha|kuwait|amman|beirut|casablanca|rabat|algiers|tunis|egypt|saudi(?:\s+arabia)?|ksa|uae"
    r"|jordan|morocco|lebanon|qatar|oman|bahrain|the\s+(?:city|country|area|neighbou?rhood|region))"
)
_PLACES_AR = (
    r"(?:الرياض|جده|الدمام|مكه|المدينه|القاهره|الاسكندريه|الجيزه|دبي|ابوظبي|ابو ظبي|الشارقه|الدوحه"
    r"|الكويت|عمان|بيروت|الدار البيضاء|كازا|الرباط|الجزاير|تونس|مصر|السعوديه|الامارات|الاردن|المغرب"
    r"|لبنان|قطر|البحرين|المنطقه|الحي|البلد)"
)
_NUMBERS_NOBODY_GAVE = (
    r"\b\d{7,}\s*(?:to|till|until|through|-|–|l7ad|la7ad)\s*\d{7,}\b"
    r"|\d{7,}\s*(?:الي|لحد|لغايه|حتي|ل)\s*\d{7,}"
    rf"|\b(?:all|every)\s+(?:the\s+)?(?:phone\s+|mobile\s+)?numbers?\s+(?:in|of|from)\s+{_PLACES}\b"
    r"|\b(?:all|every)\s+(?:the\s+)?(?:phone\s+|mobile\s+)?numbers?\s+(?:that\s+)?(?:start|begin)\w*"
    r"\s+with\s+\+?\d"
    rf"|(?:كل|جميع)\s+(?:ال)?(?:ارقام|نمر|ناس)\s+(?:اللي\s+|الي\s+|التي\s+)?(?:(?:في|ف|ب|من)\s*)?"
    rf"{_PLACES_AR}"
    r"|(?:ارقام|نمر)\s+(?:اللي\s+|التي\s+|الي\s+)?(?:تبدا|بتبدا|يبدا|تبتدي|بتبتدي|تبلش|بتبلش|يبلش)"
    r"\s+ب\s*\+?\d"
    rf"|\b(?:kol|kul|koll|kel)\s+(?:el\s+|al\s+)?(?:arqam|ar2am|arkam|nemar|nas)\s+"
    rf"(?:(?:f|fe|fi|fel|bel|b|mn|men|in)\s+)?(?:el\s+|al\s+)?(?:{_PLACES}|masr|skandareya|el\s+balad)\b"
    rf"|\brandom\s+(?:people|numbers)\s+(?:in|of|from)\s+{_PLACES}\b"
    r"|\b(?:followers|customers|clients|fans|audience|subscribers)\s+of\s+(?:my\s+|our\s+|a\s+|the\s+)?"
    r"(?:competitors?|rivals?)\b|\b(?:competitors?|rivals?)'?s?\s+(?:followers|customers|clients|fans"
    r"|audience|subscribers)\b"
    r"|(?:متابعين|عملاء|زباين|زبائن|جمهور|فولورز)\s+(?:ال)?(?:منافس|منافسين|منافسي|منافسيني)"
    r"|\b(?:members|people|followers|users|subscribers)\s+(?:of|in|from)\s+(?:\S+\s+){0,2}?"
    r"(?:competitors?|rivals?)(?:'s|s')?\s+(?:groups?|channels?|pages?|accounts?|stores?|communit(?:y|ies))"
    r"|(?:اعضاء|ناس|متابعين|مشتركين)\s+(?:ال)?(?:جروب|قروب|كروب|غروب|مجموعه|قناه|صفحه)\s+(?:ال)?"
    r"(?:منافس|منافسين|منافسي)"
)
_SPAM = r"\bspam\w*|\bunsolicited\b|سبام|اسبام|(?:رسائل|رسايل)\s+عشوا[يئ]يه"
# A sender changed with every message, or the filters gone round: sent so that those who
# would block it cannot.
_EVADING = (
    r"\b(?:chang|rotat|switch|vary|varie|alternat)\w*\s+(?:the\s+|our\s+|my\s+)?(?:sender\s+|from\s+)?"
    r"(?:names?|numbers?|accounts?|addresses|e-?mails?|phones?|senders?|sims?)\s+(?:\w+\s+)?"
    r"(?:each|every|after\s+each|per)\s+(?:time|message|send|e-?mail|batch|\d+)"
    r"|\b(?:bypass|evade|dodge|get\s+(?:past|around)|fool|trick|beat|avoid)\w*\s+(?:the\s+|their\s+)?"
    r"(?:spam\s+)?(?:filters?|detection|spam\s+(?:checks?|folders?))\b"
    r"|(?:غير|يغير|نغير|تغير|تغيير|بدل|يبدل|نبدل|تبديل)\w*\s+(?:ال)?(?:اسم\s+)?(?:ال)?"
    r"(?:مرسل|رقم|ارقام|ايميل|حساب|اسم|شريحه)\s+(?:\S+\s+)?(?:كل|مع\s+كل)\s+(?:مره|رساله|ايميل)"
)
# Messages in bulk are spam unless they go to people who asked for them.
_BULK = (
    r"\bmass[- ](?:message|messages|messaging|text|texts|sms|whatsapp|email|emails|dm)"
    r"|\bbulk\s+(?:messages?|sms|texts?|whatsapps?|e-?mails?|dms?)\b"
    r"|رسائل\s+جماعيه|رسايل\s+جماعيه|ارسال\s+جماعي"
)
_ASKED_FOR_IT = (
    r"\b(?:subscribers?|subscribed|signed\s+up|sign-?ups?|opted[- ]in|registered|members"
    r"|customers|clients|buyers)\b|مشتركين|اشتركوا|سجلوا|مسجلين|وافقوا|عملاء|عملائي|زبائن|زباين|كليان"
)
# Harassment: messages sent to upset, threaten or wear someone down. What a business does to
# no customer: harass, threaten, insult; Arabic families of ازعج، ضايق، قلّق، هدد، شتم.
_HARASS = (
    r"\bharass\w*|\bpester\w*|\btorment\w*|\bstalk\w*|\bthreaten\w*|\bintimidat\w*"
    r"|\bbull(?:y|ying|ied)\b|\binsult\w*\s+(?:him|her|them)\b"
    r"|\b(?:annoy|bother|upset|scare|frighten|humiliate)\w*\s+(?:him|her|them|this\s+\w+|my\s+\w+)\b"
    r"|\b(?:can'?t|cannot|won'?t|will\s+not|doesn'?t|does\s+not)\s+ignore\s+me\b"
    r"|\bmake\s+(?:him|her|them)\s+(?:regret|suffer|pay\s+for)|\brevenge\b|\bget\s+back\s+at\b"
    r"|\b(?:hate|can'?t\s+stand)\s+(?:him|her)\b"
    r"|\b(?:flood|bomb|blow\s+up)\w*\s+(?:\S+\s+){0,2}?(?:phone|inbox|whatsapp|dms?|number)"
    # many messages to one person: "send 500 messages to this number", "100 رسالة لنفس الرقم"
    r"|\b(?:\d{2,}|dozens|hundreds|thousands)\s+(?:of\s+)?(?:\w+\s+)?(?:messages|texts|sms|e-?mails"
    r"|whatsapps|dms)\s+(?:to\s+)?(?:this|that|the\s+same|one|a\s+single|his|her)\s+"
    r"(?:number|person|guy|girl|phone|contact|customer|client|man|woman)"
    r"|\d{2,}\s+(?:رساله|رسايل|رسائل|مسج|مسجات|ميساج)\s+(?:\S+\s+){0,2}?(?:ل|الي|لـ)\s*"
    r"(?:نفس|هذا|هاد|ده|دا|رقم\s+واحد|شخص\s+واحد)"
    r"|(?:رسايل|رسائل|مسجات|ميساجات)\s+(?:ورا|وراء)\s+بعض\w*\s+(?:ل|الي)\s*(?:نفس|هذا|واحد)"
    # sent so that someone gets annoyed, worried or fed up
    r"|(?:باش|عشان|علشان|حتي|لكي|كي|لين|لحد ما)\s+(?:ي|ت)(?:ت)?(?:قلق|زعج|ضايق|نرفز|عصب|زهق|طفش)\w*"
    r"|\b(?:abusive|offensive|insulting|rude|hateful|nasty|vulgar|obscene)\s+(?:\w+\s+)?"
    r"(?:messages?|texts?|e-?mails?|sms|dms?|whatsapps?|words)\b"
    r"|(?:رسايل|رسائل|رساله|مسجات|مسج|ميساجات|كلام)\s+(?:\S+\s+)?(?:مسي[يئ]ه|مهينه|مهين|قذره|وسخه|بذي[يئ]ه|جارحه)"
    r"|اغرق\w*\s+(?:تلفون|تليفون|جوال|موبايل|رقم|واتس)"
    r"|(?<![ايتم]ن)زعج|ازعاج|مزعج"  # ازعاج، يزعج، لازعاجه، مزعجه — not انزعج (got annoyed)
    rf"|{_AR_START}(?:و|ف|ل|ب)?(?:[ينا]|م)?ضايق\w*"  # يضايقه، مضايقه — not اتضايق (got upset)
    rf"|{_AR_START}(?:و|ف|ل|ب)?[ينا](?:قلق|طفش|جنن)(?:و|ه|ها|هم){_AR_END}"
    r"|تهديد|[ينا]هدد\w*|شتيم\w*|شتايم|شتائم|[ينا]شتم\w*|تحرش\w*|انتقم\w*|انتقام"
    r"|(?:يطنش|تطنش|يتجاهل|تتجاهل)ني"  # "so she can't ignore me"
    r"|(?:ما|مش|م)\s*(?:ب|ا|ن)?طيق(?:و|ه|ها|هم)|مش\s+طايق\w*"
    rf"|{_AR_START}(?:ب|ا|ن)كره(?:و|ه|ها|هم){_AR_END}"
    # Arabizi: "adaye2o", "ad2ayeh", "az3ag", "n9al9o", "hadded"
    r"|\b(?:a|n|ne|y|ye|t|te)?da(?:y|i)e?2\w*|\bad2ay\w*|\b(?:a|n|ne|y|ye)?(?:z3ag|za3ag|az3ag)\w*"
    r"|\b(?:n|a|ne)?(?:9al9|qal9|2al2|qalq)(?:o|ou|u|ha|hom)\b|\b(?:a|n|ne)?hadded\w*|\btahdeed\b"
)
# "Without annoying them", "من غير ما نزعجهم": a care, not a purpose.
_NOT_TO = (
    r"\b(?:without|not|never|don'?t|do\s+not|doesn'?t|won'?t|avoid)\s+(?:\w+\s+){0,2}?"
    r"(?:annoy|bother|upset|spam|harass|pester)\w*"
    r"|(?:من غير ما|من غير|بدون ما|بدون|دون|بلا ما|بلا|ما|مش|لا|عشان ما)\s*(?:\w+\s+)?"
    r"(?:[ينات])?(?:زعج|ازعاج|ضايق|قلق|سبام)\w*"
)
# Someone private (an ex) messaged often, or anyone until they give in; a reminder a day until
# an invoice is paid is fine.
_PRIVATE_PERSON = (
    r"\bmy\s+ex\b|\bex-?(?:wife|husband|girlfriend|boyfriend|partner|gf|bf)\b"
    r"|\bmy\s+former\s+(?:wife|husband|girlfriend|boyfriend|partner)\b"
    rf"|طليقتي|طليقي|{_AR_START}(?:ل|لل|ال)?اكس{_AR_END}"
    r"|(?:حبيبتي|زوجتي|مراتي)\s+(?:ال)?(?:سابقه|قديمه)|(?:حبيبي|زوجي|جوزي)\s+(?:ال)?(?:سابق|قديم)"
    r"|\b(?:el|l)\s*ex\b|\bex\s+(?:bta3ty|bta3i|tb3i|7a2i)\b|\btali2t?i\b|\btaleeqt?i\b"
)
_UNTIL = (
    r"\b(?:until|till)\s+(?:he|she|they)\b|\b(?:l7ad|la7ad|lehad|le7ad)\s+ma\b"
    r"|(?:لين|لحد ما|لحتي|حتي)\s+(?:ي|ت)\w+"
)
# Until someone answers, or someone who does not: a person worn down, not a payment reminded.
_UNTIL_THEY_ANSWER = (
    r"\b(?:until|till)\s+(?:he|she|they)\s+(?:finally\s+)?(?:replies|answers|responds|reply|answer"
    r"|respond|gives?\s+in|picks?\s+up)"
    r"|(?:لين|لحد ما|لحتي|حتي|لغايه ما)\s+(?:ي|ت)(?:رد|جاوب|ستجيب|رضي)\w*"
    # …or until they take back what they wrote about the shop
    r"|\b(?:until|till)\s+(?:he|she|they)\s+(?:\w+\s+)?(?:delete|remove|take\s+down|withdraw"
    r"|change|edit)s?\b"
    r"|(?:لين|لحد ما|لحتي|حتي|لغايه ما)\s+(?:ي|ت)(?:مسح|شيل|حذف|غير|عدل|نزل)\w*"
    r"|\b(?:l7ad|la7ad|le7ad|lehad|lin|leen|7ata|7atta)\s+(?:ma\s+)?(?:y|t|ye|te|yi|ti)"
    r"(?:rod|rd|rud|erod|gawe?b|jawe?b)\w*"
)
_IGNORES_ME = (
    r"\b(?:doesn'?t|does\s+not|won'?t|will\s+not|never)\s+(?:reply|answer|respond)\w*\s+(?:to\s+)?me\b"
    r"|\bignor(?:es|ing)\s+me\b|\bblocked\s+me\b"
    r"|(?<!كل )(?:ما|مش|م)\s*(?:ب|بت|بي|بت)?(?:ترد|يرد|تجاوب|يجاوب|ترد|يرد)\s+(?:علي|عليا|عليه|علينا)"
    r"(?![\u0621-\u064a])"
    r"|(?<!kol )\b(?:ma|msh|mesh|mush)\s+(?:b|bt|by)?(?:trod|yrod|terod|yerod|trd|yrd|tjaweb|ygaweb)\s+"
    r"(?:3alay|3alaya|3aleya|3lia|3leya|3alia)\b"
)
_EVERY_FEW_MINUTES = (
    r"\bevery\s+(?:\d+\s+|few\s+)?(?:min|mins|minutes?|seconds?)\b|\bkol\s+(?:\d+\s+)?(?:d2i2a|da2ay2|de2i2a)"
    r"|كل\s+(?:\d+\s+|خمس\s+|عشر\s+)?(?:دقيقه|دقايق|دقائق|ثانيه|ثواني)"
)
_OFTEN = (
    _EVERY_FEW_MINUTES
    + r"|\bevery\s+(?:\d+\s+|few\s+|single\s+)?hours?\b|\bhourly\b|\ball\s+day\b|\bnon-?stop\b"
    r"|\bagain\s+and\s+again\b|\bover\s+and\s+over\b"
    r"|كل\s+(?:\d+\s+|نص\s+)?(?:ساعه|ساعات)|كل\s+شوي\w*|طول\s+(?:ال)?(?:يوم|نهار|ليل)"
    r"|(?:بدون|من غير)\s+توقف|مره\s+(?:ورا|وراء|بعد)\s+مره"
    r"|\bkol\s+(?:\d+\s+)?(?:sa3a|sa3at|shwaya|shwya|shwai|shway|chwiya|chwia)\b"
    r"|\bkeep\s+(?:on\s+)?(?:texting|messaging|sending|calling|writing|e-?mailing|whatsapping|dming"
    r"|pinging)\b"
)
_SCRAPE = (
    r"\b(?:scrape|scraping|scrap|harvest|crawl)\w*|\b(?:collect|extract|grab|pull|gather|steal)\w*"
    r"|(?:اسحب|سحب|اجمع|جمع|استخرج|اشفط|شفط|اسرق|سكرب|سكراب|اسكرب|لملي|هات|جيب|جيبلي|هاتلي|جبد)"
    r"|\b(?:a|n|ne|ye)?(?:j|g)ma3\w*|\bgam3\w*|\b(?:a|n|ne)?s7ab\w*"
)
# A rival's followers, commenters or customers: people who gave the shop nothing.
_RIVALS = r"\b(?:competitors?|rivals?|competition)(?:'s|s')?\b|منافس|المنافس|منافسين"
_TAKE = r"\b(?:get|take|copy|save|grab|pull|export|download)\b|(?:اخد|اخذ|خذ|ناخد|انسخ|نسخ|احفظ)"
_PERSONAL = (
    r"(?:e-?mails?|phone\s+numbers?|numbers|contacts?|personal\s+(?:data|info|information|details)"
    r"|profiles?|addresses|followers|arqam|ar2am|arkam|nemar|emailat|ارقام|ارقامهم|ايميلات|ايميلاتهم"
    r"|بيانات|معلومات|حسابات|عناوين|متابعين|فولورز|نمر)"
)
# Someone tracked down: where they live, or their details looked up online. A shop reads a
# customer's address from the order; it does not go looking for it.
_TRACKED_DOWN = (
    r"\b(?:find|look\s+up|track\s+down|search\s+(?:for\s+)?|dig\s+up|hunt\s+down|figure\s+out)"
    r"\s+(?:out\s+)?(?:\S+\s+){0,2}?(?:home\s+address(?:es)?|house\s+address|where\s+(?:they|he|she)\s+"
    r"lives?|where\s+(?:they|he|she)\s+live)\b"
    r"|\b(?:find|look\s+up|track\s+down|search\s+for|dig\s+up|hunt\s+down)\s+(?:their|his|her)\s+"
    r"(?:\S+\s+){0,5}?(?:online|on\s+(?:the\s+internet|google|social\s+media|facebook|instagram))\b"
    r"|(?:دور|ادور|ندور|ابحث|نبحث|اعرف|نعرف|هات|جيب|لاقي|الاقي|نلاقي)\s+(?:علي\s+|عن\s+)?(?:عنوان|مكان)\s+"
    r"(?:بيت|بيوت|منزل|سكن|ساكن)\w*|(?:ساكن|ساكنه|ساكنين)\s+(?:فين|وين|اين)|(?:فين|وين|اين)\s+ساكن\w*"
)
# Fraud: asking people for their passwords, codes or card details, or writing as a bank or a
# company one is not. A shop sends its customers their own codes; it never asks for them.
_SECRETS = (
    r"\b(?:passwords?(?!\s+reset)|pins?|otps?|one[- ]time\s+(?:codes?|passwords?)|verification\s+codes?|cvv"
    r"|cvc|card\s+(?:numbers?|details)|login\s+details|credentials)\b"
    r"|\bthe\s+codes?\s+they\s+(?:just\s+)?(?:got|received)"
    r"|الرقم\s+السري|كلمه\s+(?:السر|المرور)|الباسورد|باسورد|(?:كود|رمز)\s+(?:ال)?تحقق"
    r"|الكود\s+(?:اللي|الذي)\s+(?:جالك|وصلك|جالهم|وصلهم|جاهم|وصلكم)|(?:رقم|بيانات)\s+(?:ال)?(?:كارت|بطاقه)"
)
# Asking someone for it, said as an order ("ask them for", "اطلب منهم"): not a customer who
# "asks for a new code" or "requests a password reset"
_ASKING_FOR = (
    r"\bask\s+(?:them|him|her|people|everyone|users|the\s+\w+|\w+s)\s+(?:\w+\s+){0,2}?"
    r"(?:for|to\s+(?:send|reply|give|share|enter))\b|\brequest\s+(?:their|his|her|your)\b"
    r"|\breply\s+with\s+(?:their|his|her|your)\b|\bsend\s+(?:me|us)\s+(?:their|your)\b"
    r"|\bget\s+them\s+to\b"
    r"|(?:ا|ن)طلب\s*(?:من|منهم|منه|منها|منكم)|(?:ا|ن)سال(?:هم|ه|ها)"
    r"|يبعتولي|يبعتولنا|يرسلولي|يعطوني|يدوني|يعطيوني|يعطيونا|يبعتوا|يبعتو|يرسلوا|يدخلوا|يكتبوا"
    r"|\b(?:they|he|she|customers?|clients?|users?)\s+(?:must|should|have\s+to|need\s+to)\s+"
    r"(?:send|give|share|enter|reply|confirm)\b|\basking\s+(?:them\s+)?to\s+(?:confirm|send|enter|share"
    r"|give|verify)\b"
    r"|\by?e?b3atou?li\b|\by?e?b3tou?li\b|\b(?:a|ne)?2olhom\b"
)
_POSING_AS = (
    r"\bas\s+if\s+(?:it\s+(?:is|was|were|came)\s+|they\s+(?:are|were)\s+|(?:i|we)\s+(?:am|are|were)\s+)?"
    r"from\b|\bpretend\w*\s+to\s+be\b|\bimpersonat\w*|\bposing\s+as\b|\bin\s+the\s+name\s+of\s+"
    r"(?:the\s+)?\w*\s*bank\b"
    r"|(?:كانها|كانه|كاني|كاننا|كانهم)\s+من|عل[يى]\s+اساس\s+(?:اني|انا|انها|انه|اننا)\s+من|انتحال"
    r"|باسم\s+(?:ال)?(?:بنك|stc|فودافون|اتصالات|زين|موبايلي|حكومه|وزاره|ابشر|بريد|ارامكس|بنوك)"
    r"|\b(?:eny|enny|inni|ini|ka2eni|ka2enny)\s+(?:mn|men|min)\b"
    r"|\blook(?:s|ing)?\s+(?:just\s+)?like\s+(?:it|they)\s+(?:come|came|comes|are|is|were)\s+from\b"
    r"|بحال\s+(?:\S+\s+){0,2}?من\s+(?:ال)?(?:بنك|بنكه|بانكه|بنق|ادار|حكوم)"
)
# Reviews written by no buyer: "post fake 5-star reviews", "انزل تقييمات وهمية".
_FAKE_REVIEWS = (
    r"\b(?:post|write|generate|add|create|leave|publish|buy|make|get)\w*[^.]{0,30}?\bfake\s+"
    r"(?:\w+[- ]stars?\s+)?(?:reviews?|ratings?|testimonials?|followers|likes|comments)"
    r"|\b(?:reviews?|ratings?|ryvyohat|reviewat)\s+fake\b"
    r"|\b(?:post|write|leave|add)\w*\s+(?:\S+\s+){0,3}?(?:negative|bad|1[- ]star|one[- ]star)\s+"
    r"(?:reviews?|ratings?)\s+(?:on|for|about)\s+(?:my\s+|our\s+|a\s+|the\s+)?(?:competitors?|rivals?)"
    r"|(?:انزل|نزل|اكتب|انشر|اعمل|ضيف|حط|اشتري|نشتري|ننزل|نكتب)\w*[^.]{0,30}?"
    r"(?:تقييمات|ريفيوهات|ريفيوز|تعليقات|مراجعات)\s+(?:وهميه|مزيفه|مزوره|فيك|مضروبه)"
    # bad reviews written on a rival's page
    r"|(?:تقييمات|ريفيوهات|تعليقات|مراجعات)\s+(?:سلبيه|سيييه|سي[يئ]ه|وحشه|نجمه\s+واحده)[^.]{0,30}?منافس"
)
# Other people's pages and groups; the shop's own site ("الموقع بتاعي", "my website") is not.
_OWN = r"\s*(?:بتاعي|بتاعنا|تبعي|تبعنا|حقي|حقنا|ديالي|ديالنا|الخاص)"
_PEOPLES_PLACES = (
    r"(?:\bfrom|\boff|\bon|\bmn|\bmen|\bmin|\b3al?)\s+(?:(?!my\b|our\b)\w+\s+){0,3}?(?:websites?|sites?|web"
    r"|internet|instagram|facebook|linkedin|tiktok|twitter|google\s+maps|profiles?|pages|groups"
    r"|directories|social\s+media|comments)"
    r"|other\s+people|everyone'?s|strangers|\bel\s+nas\b"
    r"|(?:من|م|عل|علي)\s*(?:ال)?(?:مواقع(?!ي|نا)|نت|انترنت|انستجرام|انستا|فيسبوك|فيس|لينكدان|"
    r"بروفايلات|بروفايل|صفحات|جروبات|قروبات|مجموعات|مجموعه|تيك توك|السوشيال"
    r"|كومنتات|تعليقات|كومونتيرات|(?:جوجل|قوقل|غوغل)\s*(?:ماب|مابس)|خرا[يئ]ط\s+(?:جوجل|قوقل|غوغل))"
    rf"|(?:من|م|عل|علي)\s*موقع(?!ي|نا|{_OWN})"  # a site, not "the site" (the shop's own)
    r"|الناس|ناس"
)

_REFUSALS = {
    "deceive": {
        "en": "Asking people for their passwords, codes or card details, or writing to them as a "
        "bank or a company you are not, is fraud — I won't build that. I'd gladly help you send "
        "customers their own order details, or a payment link from Stripe, Moyasar, Tap or "
        "Paymob.",
        "ar": "طلب كلمات السر أو الرموز أو بيانات البطاقات من الناس، أو مراسلتهم باسم بنك أو شركة "
        "لست منها، احتيال ولن أبني ذلك. يسعدني أن أساعدك في إرسال تفاصيل طلبات العملاء إليهم، أو "
        "رابط دفع من سترايب أو ميسر أو تاب أو باي موب.",
    },
    "fake_reviews": {
        "en": "Reviews no buyer wrote mislead other buyers and break the stores' and Google's "
        "rules — I won't build that. I'd gladly help you ask real customers for a review once "
        "their order has arrived.",
        "ar": "التقييمات التي لم يكتبها مشترٍ تضلل المشترين الآخرين وتخالف قواعد المتاجر وجوجل، "
        "ولن أبني ذلك. يسعدني أن أساعدك في طلب تقييم من عملائك الحقيقيين بعد وصول طلباتهم.",
    },
    "bulk": {
        "en": "Sending messages in bulk to people who didn't ask for them is spam — it annoys them and gets your number or account blocked. I'd gladly help you "
        "message customers who bought from you or wrote to you, or people who signed up.",
        "ar": "إرسال رسائل بالجملة إلى أشخاص لم يطلبوها يُعد إزعاجًا (سبام)، "
        "ويؤدي إلى حظر رقمك أو حسابك. يسعدني أن أساعدك في مراسلة عملائك الذين اشتروا منك أو "
        "راسلوك، أو من اشتركوا بأنفسهم.",
    },
    "harass": {
        "en": "Sending someone messages again and again, or to upset them, is harassment — I "
        "won't build that. I'd gladly help you answer a customer once, or remind a client "
        "politely about an order or a payment.",
        "ar": "إرسال الرسائل لشخص مرة بعد مرة أو لإزعاجه مضايقة، ولن أبني ذلك. يسعدني أن أساعدك في "
        "الرد على عميل مرة واحدة، أو تذكير عميل بلطف بطلب أو دفعة.",
    },
    "scraping": {
        "en": "Collecting people's personal data (phone numbers, e-mails, "
        "profiles) from websites or social media without their consent breaks their privacy "
        "and those sites' rules. I'd gladly help you save the details customers give you "
        "themselves, for example from an order or a form.",
        "ar": "جمع بيانات الناس الشخصية (أرقام الهواتف والإيميلات والحسابات) من "
        "المواقع أو وسائل التواصل دون موافقتهم ينتهك خصوصيتهم وقواعد تلك المواقع. يسعدني أن أساعدك "
        "في حفظ البيانات التي يعطيك إياها العملاء بأنفسهم، من طلب أو نموذج مثلًا.",
    },
}


_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»|(?<!\w)\'[^\']+\'(?!\w)')


def refusal(sentence: str, language: Language) -> str | None:
    """Why ``sentence`` asks for an abusive flow, in ``language``; None when it does not."""
    # What a message says is no purpose of the flow: "…saying 'we got your message'".
    text = _QUOTED.sub(" … ", normalize(sentence[: MAX_SENTENCE_CHARACTERS * 2]))
    text = re.sub(_NOT_TO, " ", text)
    messages = re.search(_MESSAGE, text) is not None
    pestering = (re.search(_UNTIL, text) and re.search(_EVERY_FEW_MINUTES, text)) or (
        re.search(_OFTEN, text)
        and (re.search(_UNTIL_THEY_ANSWER, text) or re.search(_IGNORES_ME, text))
    )
    private = re.search(_PRIVATE_PERSON, text) and (
        re.search(_OFTEN, text) or re.search(_UNTIL, text)
    )
    if messages and (re.search(_HARASS, text) or pestering or private):
        return _REFUSALS["harass"][language]
    phishing = re.search(_SECRETS, text) and re.search(_ASKING_FOR, text)
    if messages and (phishing or re.search(_POSING_AS, text)):
        return _REFUSALS["deceive"][language]
    if re.search(_TRACKED_DOWN, text):
        return _REFUSALS["scraping"][language]
    if re.search(_FAKE_REVIEWS, text):
        return _REFUSALS["fake_reviews"][language]
    asked = re.search(_ASKED_FOR_IT, text) is not None
    spam = (
        re.search(_SPAM, text) is not None
        or (re.search(_BULK, text) and not asked)
        or (messages and re.search(_EVADING, text) is not None)
    )
    many = re.search(_MANY_NUMBERS, text) and not asked
    to_strangers = messages and (
        re.search(_STRANGERS, text)
        or re.search(_BOUGHT_LIST, text)
        or re.search(_NUMBERS_NOBODY_GAVE, text)
        or many
    )
    if spam or to_strangers:
        return _REFUSALS["bulk"][language]
    scrape = re.search(_SCRAPE, text)
    after = text[scrape.start() :] if scrape else ""
    from_people = re.search(_PEOPLES_PLACES, after) or re.search(r"\bscrap|سكرب|سكراب|اسكرب", text)
    if scrape and re.search(_PERSONAL, after) and from_people:
        return _REFUSALS["scraping"][language]
    taken = re.search(_TAKE, text)
    after = text[taken.start() :] if taken else ""
    if taken and re.search(_PERSONAL, after) and re.search(_RIVALS, after):
        return _REFUSALS["scraping"][language]
    return None


# What Flowin can't do yet. Each service: the words that name it (normalized; Arabic ones may
# carry a glued preposition or article), and the closest thing it can do instead.


@dataclass(frozen=True)
class Lacking:
    name: str
    words: tuple[str, ...]
    closest: str  # key of _CLOSEST
    # A service Flowin has a part of (Instagram's and a Page's direct messages): a text that
    # speaks of that part (``has``) and of nothing it lacks (``lacks``) is not about the rest.
    has: str | None = None
    lacks: str | None = None
    # A brand whose name is also a word ("نون", "طلبات", "جاهز"): named where it is said this way
    said_as: str | None = None

    def meant_here(self, text: str) -> bool:
        """Whether ``text``, which names the service, means the part Flowin lacks."""
        if self.has is None or re.search(self.has, text) is None:
            return True
        return self.lacks is not None and re.search(self.lacks, text) is not None


def _ordered_from(arabic: str, latin: str | None = None) -> str:
    """Where an order comes from, said with a brand whose name is also a word: "طلبية من نون",
    "طلب يجيني من جاهز", "order mn noon" — never "الطلب جاهز" or "طلبات الاسبوع" (its orders)."""
    orders = (
        r"(?<![\u0621-\u064a])(?:و|ف)?(?:ال)?(?:طلب|طلبيه|طلبات|طلبيات|اوردر|اوردرات|مبيعات|متجري|مطعمي)"
        r"(?![\u0621-\u064a])\s+(?:\S+\s+){0,2}?"
    )
    said = (
        rf"{orders}(?:من|علي|على|في|ف|ع|ب|مع)\s*{arabic}(?![\u0621-\u064a])(?!\s+ال)"
        rf"|(?:تطبيق|منصه|ابلكيشن|ابليكيشن)\s+{arabic}(?![\u0621-\u064a])"
    )
    if latin:
        said += (
            rf"|\b(?:orders?|talabat|talab|talabeya|sales?|store|shop)\s+(?:\w+\s+){{0,2}}?"
            rf"(?:mn|men|min|3ala|3al|on|f|fi|fe|in)\s+{latin}\b(?!\s*(?:to|till|until|-|l7ad))"
            rf"|\b{latin}\s+(?:app|store|seller|orders?)\b"
        )
    return said


_SOCIAL = "social"
_CHAT = "chat"
_TASKS = "tasks"
_TABLE = "table"
_CRM = "crm"
_SHOP = "shop"
_EVENT = "event"
_FILES = "files"
_PHONE = "phone"
_AUTOMATION = "automation"

# Direct messages (the Instagram & Messenger connector), and what else those apps do.
_DIRECT_MESSAGES = (
    r"\b(?:dms?|direct|inbox|messag\w*|messenger|chats?|msgs?|resal\w*|risal\w*)\b"
    r"|(?<![\u0621-\u064a])(?:و|ف)?(?:بال|عال|ال|ع|ب|ل|ف)?(?:دايركت|دايريكت|رساله|رسائل|رسايل|رسالتي|"
    r"مسج|مسجات|ماسنجر|مسنجر|انبوكس|الخاص|خاص)(?![\u0621-\u064a])"
    # dialect words for a message, and writing or answering one: "لما حد يبعت على الانستا رد عليه"
    r"|(?<![\u0621-\u064a])(?:و|ف)?(?:بال|عال|ال|ع|ب|ل|ف)?(?:ميساج|ميساجات|مسدج|مسدجات|ماسدج|مسيج|ميسج"
    r"|يبعت|يبعتلي|يبعتلنا|بعتلي|بيبعت|يراسل|يراسلني|يراسلنا|يكلمنا|يكلمني|رد|يرد|ردي|جاوب|يجاوب"
    r"|جاوبو|يجاوبو)(?![\u0621-\u064a])"
    # …and in Arabizi: "lama 7ada yb3atli 3al insta yrd"
    r"|\b(?:y|ye|yi|bi|bye)?b3a?t(?:li|lna|lo|lu)?\b|\b(?:yrd|yerod|yrod|rod|rodd|erd)\b"
    # a caption or hashtags written for a post: text made here, nothing done on the app
    r"|\bcaptions?\b|\bhashtags?\b|كابشن|هاشتاج|هاشتاق"
)
_POSTS = (
    r"\b(?:posts?|posted|posting|comments?|commented|stor(?:y|ies)|reels?|likes|liked|followers?"
    r"|follows|publish\w*|share|shares|shared|ads?|lead\s+forms?|groups?)\b"
    r"|تعليق|تعليقات|كومنت|بوست|منشور|ستوري|ستوريز|ريلز|ريل\b|لايك|متابع|فولو|انشر|نشر|اعلان|جروب|قروب"
)

_PAYING = (
    r"\b(?:pay\w*|paid|installments?|checkout|bnpl|split\s+in)\b"
    r"|دفع|تقسيط|قسط|اقساط"
)

LACKING: tuple[Lacking, ...] = (
    Lacking(
        "Instagram posts and comments",
        (
            "instagram",
            "insta",
            "انستجرام",
            "انستقرام",
            "انستغرام",
            "انستا",
            "انستاجرام",
            "انستاغرام",
        ),
        _SOCIAL,
        has=_DIRECT_MESSAGES,
        lacks=_POSTS,
    ),
    Lacking(
        "Facebook posts and comments",
        ("facebook", "fb", "فيسبوك", "فيس بوك", "الفيس"),
        _SOCIAL,
        has=_DIRECT_MESSAGES,
        lacks=_POSTS,
    ),
    Lacking("TikTok", ("tiktok", "tik tok", "تيك توك", "تيكتوك"), _SOCIAL),
    Lacking("Snapchat", ("snapchat", "سناب شات", "سناب"), _SOCIAL),
    Lacking("X (Twitter)", ("twitter", "tweet", "tweets", "تويتر", "تغريده"), _SOCIAL),
    Lacking("LinkedIn", ("linkedin", "لينكدان", "لينكد ان"), _SOCIAL),
    Lacking("YouTube", ("youtube", "يوتيوب"), _SOCIAL),
    Lacking("Discord", ("discord", "diskord", "ديسكورد", "دسكورد", "ديس كورد"), _CHAT),
    Lacking("Microsoft Teams", ("microsoft teams", "ms teams", "تيمز"), _CHAT),
    Lacking("Asana", ("asana", "اسانا"), _TASKS),
    Lacking("Jira", ("jira", "جيرا"), _TASKS),
    Lacking("ClickUp", ("clickup", "كليك اب"), _TASKS),
    Lacking(
        "Mailchimp",
        ("mailchimp", "ميلشيمب", "ميل شيمب", "ميل تشيمب", "ميل شمب", "ميل تشمب"),
        _CRM,
    ),
    Lacking("HubSpot", ("hubspot", "هبسبوت", "هب سبوت", "هاب سبوت"), _CRM),
    Lacking("Salesforce", ("salesforce", "سيلزفورس", "سيلز فورس"), _CRM),
    Lacking("Zoho", ("zoho", "زوهو"), _CRM),
    Lacking("Odoo", ("odoo", "اودو"), _CRM),
    Lacking("PayPal", ("paypal", "بايبال", "باي بال"), _SHOP),
    # "فوري" is also "instant" ("اشعار فوري"): the payment network only where it is linked or paid
    Lacking(
        "Fawry",
        (
            "fawry",
            "فوري باي",
            "ربط فوري",
            "اربط فوري",
            "نربط فوري",
            "مع فوري",
            "من فوري",
            "عن طريق فوري",
            "ماكينه فوري",
            "خدمه فوري",
            "بفوري",
            "كود فوري",
            "فوري كود",
        ),
        _SHOP,
    ),
    Lacking("Calendly", ("calendly", "كاليندلي", "كالندلي", "كاليندلى"), _EVENT),
    Lacking("Zoom", ("zoom", "زوم"), _EVENT),
    Lacking("Google Drive", ("google drive", "drive", "جوجل درايف", "درايف"), _FILES),
    Lacking("Dropbox", ("dropbox", "دروب بوكس", "دروبوكس"), _FILES),
    # Excel's workbooks live on OneDrive: a workbook there is Excel, which Flowin has
    Lacking(
        "OneDrive", ("onedrive", "ون درايف", "وان درايف"), _FILES, has=r"excel|اكسل|xlsx|workbook"
    ),
    Lacking("Google Docs", ("google docs", "google doc", "جوجل دوكس", "جوجل دوك"), _FILES),
    Lacking(
        "Google Forms",
        (
            "google forms",
            "google form",
            "جوجل فورم",
            "جوجل فورمز",
            "فورم جوجل",
            "فورمز جوجل",
            "نموذج جوجل",
            "نماذج جوجل",
        ),
        _SHOP,
    ),
    Lacking("Typeform", ("typeform", "تايب فورم"), _SHOP),
    Lacking("Jotform", ("jotform", "جوت فورم"), _SHOP),
    Lacking("Tally Forms", ("tally form", "tally forms", "tally.so"), _SHOP),
    Lacking("Wufoo", ("wufoo",), _SHOP),
    Lacking("Pinterest", ("pinterest", "بنترست"), _SOCIAL),
    Lacking("Viber", ("viber", "فايبر"), _CHAT),
    Lacking("Signal", ("signal app", "سيجنال"), _CHAT),
    Lacking("Google Meet", ("google meet", "جوجل ميت"), _EVENT),
    Lacking("Monday.com", ("monday.com", "monday board", "مونداي"), _TASKS),
    Lacking("Todoist", ("todoist",), _TASKS),
    Lacking("QuickBooks", ("quickbooks", "كويك بوكس"), _CRM),
    Lacking("Xero", ("xero",), _CRM),
    Lacking("Qoyod", ("qoyod", "قيود", "كيود"), _CRM),
    Lacking("Daftra", ("daftra", "دفترة", "دفتره"), _CRM),
    Lacking("SendGrid", ("sendgrid", "mailgun"), _CRM),
    Lacking("WordPress", ("wordpress", "ووردبريس", "وورد بريس", "وردبريس"), _SHOP),
    Lacking("Wix", ("wix", "ويكس"), _SHOP),
    Lacking("Squarespace", ("squarespace",), _SHOP),
    Lacking("Webflow", ("webflow",), _SHOP),
    Lacking("OpenCart", ("opencart", "open cart", "اوبن كارت"), _SHOP),
    Lacking("PrestaShop", ("prestashop",), _SHOP),
    Lacking("Ecwid", ("ecwid",), _SHOP),
    Lacking("Trendyol", ("trendyol", "ترينديول", "تريندول"), _SHOP),
    Lacking("Amazon", ("amazon", "امازون"), _SHOP),
    Lacking(
        "Noon",
        ("noon.com", "noon store", "متجر نون", "منصه نون"),
        _SHOP,
        said_as=_ordered_from("نون", "noon"),
    ),
    Lacking("eBay", ("ebay", "ايباي"), _SHOP),
    Lacking("Jumia", ("jumia", "جوميا"), _SHOP),
    # In Arabizi "talabat" is "orders" too ("talabat salla", "el talabat")
    Lacking(
        "Talabat",
        ("talabat", "طلبات app", "تطبيق طلبات"),
        _SHOP,
        has=r"\btalabat\s+(?:salla|zid|shopify|woo\w*|el|gdida|gdeda|jdida|jdod)\b"
        r"|\b(?:el|al|kol|l|w)\s+talabat\b",
        lacks=r"طلبات\s+app|تطبيق\s+طلبات|\btalabat\s+(?:app|restaurant|vendor)",
        said_as=_ordered_from("طلبات"),
    ),
    # Tamara and Tabby are names of people (and cats) too: the services only with a payment
    Lacking("Tabby", ("tabby", "تابي"), _SHOP, has=r"", lacks=_PAYING),
    Lacking("Tamara", ("tamara", "تمارا"), _SHOP, has=r"", lacks=_PAYING),
    Lacking("Vodafone Cash", ("vodafone cash", "فودافون كاش"), _SHOP),
    Lacking("InstaPay", ("instapay", "انستاباي", "انستا باي"), _SHOP),
    Lacking("Aramex", ("aramex", "ارامكس"), _SHOP),
    Lacking("SMSA", ("smsa", "سمسا"), _SHOP),
    Lacking("Bosta", ("bosta", "بوسطه"), _SHOP),
    # Each carrier by its own name: "I can't do DHL" to someone who said FedEx is no answer
    Lacking("DHL", ("dhl", "دي اتش ال", "دي اتش أل"), _SHOP),
    Lacking("FedEx", ("fedex", "fed ex", "فيديكس", "فيدكس", "فيدي اكس"), _SHOP),
    Lacking("UPS", ("ups tracking", "ups shipping", "ups shipment", "يو بي اس"), _SHOP),
    Lacking("Saudi Post", ("saudi post", "spl", "البريد السعودي"), _SHOP),
    Lacking("Egypt Post", ("egypt post", "البريد المصري"), _SHOP),
    Lacking("Emirates Post", ("emirates post", "بريد الامارات"), _SHOP),
    Lacking("Zajil", ("zajil", "زاجل"), _SHOP),
    Lacking("AyMakan", ("aymakan", "ايمكان"), _SHOP),
    Lacking("Torod", ("torod", "طرود app"), _SHOP),
    Lacking("OTO", ("tryoto", "oto shipping"), _SHOP),
    Lacking("Shipa", ("shipa",), _SHOP),
    Lacking("Quiqup", ("quiqup",), _SHOP),
    Lacking("Jeebly", ("jeebly",), _SHOP),
    Lacking("Fetchr", ("fetchr",), _SHOP),
    Lacking("Sprint", ("sprint shipping", "sprint express"), _SHOP),
    Lacking("R2S", ("r2s",), _SHOP),
    # Shipping companies of the region
    Lacking("Yalidine", ("yalidine", "ياليدين", "ياليدين"), _SHOP),
    Lacking("Mylerz", ("mylerz", "مايلرز"), _SHOP),
    Lacking("J&T Express", ("j&t", "j&t express"), _SHOP),
    Lacking("iMile", ("imile",), _SHOP),
    Lacking("Naqel", ("naqel",), _SHOP),
    # Payments and wallets of the region ("ميزة"، "جاهز"، "كريم" are words too: Latin only)
    Lacking("CMI", ("cmi",), _SHOP),
    Lacking("valU", ("valu", "فاليو"), _SHOP),
    Lacking("PayTabs", ("paytabs", "باي تابس", "بايتابس"), _SHOP),
    Lacking("HyperPay", ("hyperpay", "هايبر باي", "هايبرباي"), _SHOP),
    Lacking("STC Pay", ("stc pay", "stcpay", "اس تي سي باي"), _SHOP),
    Lacking("KNET", ("knet", "كي نت"), _SHOP),
    Lacking("BenefitPay", ("benefit pay", "benefitpay", "بنفت باي"), _SHOP),
    Lacking("Checkout.com", ("checkout.com",), _SHOP),
    Lacking("Square", ("square pos", "squareup"), _SHOP),
    Lacking("MyFatoorah", ("myfatoorah", "my fatoorah", "ماي فاتوره", "مايفاتوره"), _SHOP),
    Lacking("PayFort", ("payfort", "amazon payment services"), _SHOP),
    Lacking("Telr", ("telr",), _SHOP),
    Lacking("Geidea", ("geidea", "جيديا"), _SHOP),
    Lacking("Network International", ("network international", "n-genius"), _SHOP),
    Lacking("Kashier", ("kashier",), _SHOP),
    Lacking("Fawaterak", ("fawaterak", "فواتيرك"), _SHOP),
    Lacking("Ziina", ("ziina",), _SHOP),
    Lacking("Etisalat Cash", ("etisalat cash", "اتصالات كاش"), _SHOP),
    Lacking("Orange Cash", ("orange cash", "اورنج كاش"), _SHOP),
    Lacking("urpay", ("urpay",), _SHOP),
    Lacking("Postpay", ("postpay",), _SHOP),
    Lacking("Sympl", ("sympl",), _SHOP),
    Lacking("souhoola", ("souhoola",), _SHOP),
    Lacking("SumUp", ("sumup",), _SHOP),
    # A bank's own app: no bank lets a tool read it (money arriving is an event, below)
    Lacking(
        "bank apps",
        (
            "bank app",
            "banking app",
            "online banking",
            "al rajhi",
            "alrajhi",
            "rajhi",
            "cib",
            "nbe",
            "qnb",
            "banque misr",
            "emirates nbd",
            "alinma",
            "تطبيق البنك",
            "الراجحي",
            "البنك الاهلي",
            "بنك مصر",
            "الانماء",
            "بنك الرياض",
        ),
        _SHOP,
    ),
    # Restaurants and deliveries
    Lacking("Foodics", ("foodics", "فودكس", "فوديكس", "فوودكس"), _SHOP),
    Lacking("Loyverse", ("loyverse",), _SHOP),
    Lacking("Rewaa", ("rewaa", "رواء", "منصه رواء"), _SHOP),
    Lacking("Lightspeed", ("lightspeed",), _SHOP),
    Lacking("Toast", ("toast pos",), _SHOP),
    Lacking("Clover", ("clover pos", "clover"), _SHOP),
    Lacking("Marn", ("marn pos", "marn"), _SHOP),
    Lacking("POSRocket", ("posrocket",), _SHOP),
    Lacking("Zettle", ("zettle",), _SHOP),
    Lacking("Otlob", ("otlob",), _SHOP),
    Lacking("Instashop", ("instashop",), _SHOP),
    Lacking("The Chefz", ("the chefz", "thechefz", "ذا شفز"), _SHOP),
    Lacking("ToYou", ("toyou app",), _SHOP),
    Lacking("Uber", ("uber",), _SHOP),
    Lacking("HungerStation", ("hungerstation", "هنقرستيشن", "هنجرستيشن", "هنقر ستيشن"), _SHOP),
    Lacking("Jahez", ("jahez",), _SHOP, said_as=_ordered_from("جاهز")),
    Lacking("Mrsool", ("mrsool", "تطبيق مرسول"), _SHOP, said_as=_ordered_from("مرسول")),
    Lacking("Careem", ("careem",), _SHOP),
    Lacking("Uber Eats", ("uber eats", "ubereats", "اوبر ايتس"), _SHOP),
    Lacking("Deliveroo", ("deliveroo", "ديليفرو"), _SHOP),
    Lacking("elmenus", ("elmenus",), _SHOP),
    Lacking("Keeta", ("keeta", "كيتا"), _SHOP),
    # Shops and booking pages
    Lacking("Etsy", ("etsy",), _SHOP),
    Lacking("Magento", ("magento", "ماجنتو"), _SHOP),
    Lacking("BigCommerce", ("bigcommerce",), _SHOP),
    Lacking("ExpandCart", ("expandcart", "اكسباند كارت"), _SHOP),
    Lacking("YouCan", ("youcan", "يوكان"), _SHOP),
    Lacking("Cal.com", ("cal.com",), _EVENT),
    Lacking("Acuity", ("acuity",), _EVENT),
    Lacking("Fresha", ("fresha",), _EVENT),
    Lacking("Vezeeta", ("vezeeta", "vezeta", "فيزيتا", "فزيتا"), _EVENT),
    Lacking("Okadoc", ("okadoc",), _EVENT),
    Lacking("Setmore", ("setmore",), _EVENT),
    Lacking("SimplyBook", ("simplybook",), _EVENT),
    Lacking("Booksy", ("booksy",), _EVENT),
    Lacking("Mindbody", ("mindbody",), _EVENT),
    Lacking("Zenoti", ("zenoti",), _EVENT),
    Lacking("OpenTable", ("opentable",), _EVENT),
    Lacking("Eat App", ("eat app", "eatapp"), _EVENT),
    Lacking("SevenRooms", ("sevenrooms",), _EVENT),
    Lacking("Booking.com", ("booking.com",), _EVENT),
    Lacking("Airbnb", ("airbnb", "اير بي ان بي", "ايربنب", "اير بي ان بي"), _EVENT),
    Lacking("Gathern", ("gathern", "جاذر ان", "قاذر ان"), _EVENT),
    Lacking("Microsoft Forms", ("microsoft forms", "ms forms"), _SHOP),
    # Marketing, sales and support tools
    Lacking("Klaviyo", ("klaviyo", "كلافيو", "كلافيوو"), _CRM),
    Lacking("Brevo", ("brevo", "sendinblue"), _CRM),
    Lacking("ActiveCampaign", ("activecampaign", "active campaign"), _CRM),
    Lacking("ConvertKit", ("convertkit",), _CRM),
    Lacking("Constant Contact", ("constant contact",), _CRM),
    Lacking("Pipedrive", ("pipedrive", "بايب درايف", "بايبدرايف"), _CRM),
    Lacking("Zendesk", ("zendesk", "زندسك", "زينديسك"), _CRM),
    Lacking("Freshdesk", ("freshdesk", "freshworks", "freshsales"), _CRM),
    Lacking("Intercom", ("intercom", "انتركوم"), _CRM),
    Lacking("Bitrix24", ("bitrix24", "bitrix", "بيتريكس", "بتريكس", "بيتركس"), _CRM),
    Lacking("Kommo", ("kommo", "amocrm", "كومو"), _CRM),
    Lacking("Keap", ("keap", "infusionsoft"), _CRM),
    Lacking("Insightly", ("insightly",), _CRM),
    Lacking("Microsoft Dynamics", ("dynamics 365", "microsoft dynamics", "ms dynamics"), _CRM),
    Lacking("SugarCRM", ("sugarcrm", "sugar crm"), _CRM),
    Lacking("SAP", ("sap", "ساب erp"), _CRM),
    Lacking("NetSuite", ("netsuite", "oracle netsuite"), _CRM),
    Lacking("Sage", ("sage accounting", "sage 50", "sage"), _CRM),
    Lacking("Tally", ("tallyprime", "tally erp"), _CRM),
    Lacking(
        "ZATCA", ("zatca", "fatoora portal", "هيئه الزكاه", "الزكاه والدخل", "منصه فاتوره"), _CRM
    ),
    Lacking(
        "the e-invoicing portal", ("eta e-invoice", "e-invoicing portal", "منظومه الفاتوره"), _CRM
    ),
    # Chat inboxes for WhatsApp and the web: Flowin speaks to WhatsApp itself
    Lacking("WATI", ("wati", "واتي"), _CHAT),
    Lacking("respond.io", ("respond.io", "respondio"), _CHAT),
    Lacking("Interakt", ("interakt",), _CHAT),
    Lacking("Zoko", ("zoko",), _CHAT),
    Lacking("Trengo", ("trengo",), _CHAT),
    Lacking("Tidio", ("tidio",), _CHAT),
    Lacking("LiveChat", ("livechat",), _CHAT),
    Lacking("Crisp", ("crisp chat", "crisp inbox"), _CHAT),
    Lacking("ManyChat", ("manychat", "many chat", "ماني شات", "مني شات"), _CHAT),
    Lacking("Chatfuel", ("chatfuel",), _CHAT),
    Lacking("Botim", ("botim", "بوتيم"), _CHAT),
    Lacking("iMessage", ("imessage", "اي ماسج", "اي مسج"), _CHAT),
    # SMS gateways of the region: Flowin sends SMS with Twilio
    Lacking("Taqnyat", ("taqnyat",), _PHONE),
    Lacking("4jawaly", ("4jawaly", "فورجوالي", "فور جوالي"), _PHONE),
    Lacking("Victory Link", ("victory link", "victorylink"), _PHONE),
    Lacking("Cequens", ("cequens",), _PHONE),
    Lacking("SMS Misr", ("smsmisr", "sms misr", "اس ام اس مصر"), _PHONE),
    Lacking("Infobip", ("infobip",), _PHONE),
    Lacking("Vonage", ("vonage", "nexmo"), _PHONE),
    Lacking("MessageBird", ("messagebird", "bird.com"), _PHONE),
    # E-mail marketing, each by its own name
    Lacking("MailerLite", ("mailerlite", "mailer lite"), _CRM),
    Lacking("Omnisend", ("omnisend",), _CRM),
    Lacking("Mailjet", ("mailjet",), _CRM),
    Lacking("GetResponse", ("getresponse",), _CRM),
    Lacking("AWeber", ("aweber",), _CRM),
    Lacking("Moosend", ("moosend",), _CRM),
    # Reviews, ads and analytics
    Lacking("Trustpilot", ("trustpilot", "ترست بايلوت"), _SOCIAL),
    Lacking("TripAdvisor", ("tripadvisor", "trip advisor", "تريب ادفايزر", "تريب ادفيزر"), _SOCIAL),
    Lacking("Yelp", ("yelp",), _SOCIAL),
    Lacking(
        "Google Ads", ("google ads", "adwords", "جوجل ادز", "اعلانات جوجل", "جوجل ادوردز"), _SOCIAL
    ),
    Lacking("Google Analytics", ("google analytics", "جوجل اناليتكس", "جوجل انالتكس"), _SOCIAL),
    Lacking("Threads", ("threads app", "on threads", "عالثريدز", "ثريدز"), _SOCIAL),
    Lacking("Twitch", ("twitch",), _SOCIAL),
    Lacking("Unifonic", ("unifonic", "يونيفونك"), _CRM),
    Lacking("Msegat", ("msegat",), _CRM),
    Lacking("FreshBooks", ("freshbooks",), _CRM),
    Lacking("Wafeq", ("wafeq",), _CRM),
    Lacking(
        "Google reviews",
        (
            "google reviews",
            "google my business",
            "google business profile",
            "تقييمات جوجل",
            "تقييمات قوقل",
            "ريفيوهات جوجل",
        ),
        _SOCIAL,
    ),
    Lacking("Reddit", ("reddit", "ريديت"), _SOCIAL),
    Lacking("Vimeo", ("vimeo",), _SOCIAL),
    # Design and files
    Lacking("Canva", ("canva", "كانفا", "كانڤا"), _FILES),
    Lacking("Figma", ("figma", "فيجما"), _FILES),
    Lacking("iCloud", ("icloud", "اي كلاود"), _FILES),
    Lacking("SharePoint", ("sharepoint", "شير بوينت"), _FILES),
    Lacking("WeTransfer", ("wetransfer",), _FILES),
    # Chat and calls
    Lacking("WeChat", ("wechat", "we chat", "وي شات", "ويشات"), _CHAT),
    Lacking("Skype", ("skype", "سكايب"), _CHAT),
    Lacking("Google Chat", ("google chat", "جوجل شات"), _CHAT),
    Lacking("3CX", ("3cx",), _PHONE),
    Lacking("Aircall", ("aircall",), _PHONE),
    Lacking("RingCentral", ("ringcentral",), _PHONE),
    Lacking("a phone system (PBX)", ("pbx", "سنترال"), _PHONE),
    # Other automation tools: Flowin is the one to build it in
    Lacking("Zapier", ("zapier", "زابير", "زابيير"), _AUTOMATION),
    Lacking("Make", ("make.com", "integromat"), _AUTOMATION),
    Lacking("IFTTT", ("ifttt",), _AUTOMATION),
    Lacking("n8n", ("n8n",), _AUTOMATION),
    Lacking("Pabbly", ("pabbly",), _AUTOMATION),
    # Task boards
    Lacking("Basecamp", ("basecamp",), _TASKS),
    Lacking("Wrike", ("wrike",), _TASKS),
    Lacking("Google Tasks", ("google tasks",), _TASKS),
    Lacking("Microsoft To Do", ("microsoft to do", "microsoft todo", "ms todo"), _TASKS),
    Lacking("Microsoft Planner", ("microsoft planner", "ms planner"), _TASKS),
    Lacking("Smartsheet", ("smartsheet",), _TASKS),
    Lacking("Linear", ("linear app",), _TASKS),
)

_CLOSEST = {
    _SOCIAL: {
        "en": "The closest I can do: start the flow from a Webhook, if {name} (or a tool "
        "linked to it) can call a web address, or call its API with an HTTP Request step.",
        "ar": "الأقرب: أن يبدأ التدفق من ويب هوك إذا كان {name} (أو أداة مربوطة به) يستدعي رابطًا، "
        "أو استدعاء واجهته البرمجية بخطوة طلب HTTP.",
    },
    _CHAT: {
        "en": "The closest I can do: post to Slack or Telegram instead, or send to a {name} "
        "webhook address with an HTTP Request step.",
        "ar": "الأقرب: النشر في سلاك أو تيليجرام بدلًا منه، أو الإرسال إلى رابط ويب هوك في {name} "
        "بخطوة طلب HTTP.",
    },
    _TASKS: {
        "en": "The closest I can do: add a page to a Notion database, or call {name}'s API "
        "with an HTTP Request step.",
        "ar": "الأقرب: إضافة صفحة إلى قاعدة بيانات نوشن، أو استدعاء واجهة {name} البرمجية بخطوة طلب HTTP.",
    },
    _TABLE: {
        "en": "The closest I can do: Google Sheets.",
        "ar": "الأقرب: جداول جوجل.",
    },
    _CRM: {
        "en": "The closest I can do: keep the list in Google Sheets or Notion, or call {name}'s "
        "API with an HTTP Request step.",
        "ar": "الأقرب: حفظ القائمة في جداول جوجل أو نوشن، أو استدعاء واجهة {name} البرمجية بخطوة طلب HTTP.",
    },
    _SHOP: {
        "en": "The closest I can do: start the flow from a Webhook, if {name} can call a web "
        "address when it happens.",
        "ar": "الأقرب: أن يبدأ التدفق من ويب هوك، إذا كان {name} يستدعي رابطًا عند حدوث ذلك.",
    },
    _EVENT: {
        "en": "The closest I can do: run the flow on a schedule, or start it from a Webhook "
        "that {name} calls.",
        "ar": "الأقرب: تشغيل التدفق حسب جدول زمني، أو بدؤه من ويب هوك يستدعيه {name}.",
    },
    _PHONE: {
        "en": "The closest I can do: send an SMS with Twilio, or start the flow from a Webhook "
        "if {name} can call a web address when a call comes in.",
        "ar": "الأقرب: إرسال رسالة SMS عبر تويليو، أو بدء التدفق من ويب هوك إذا كان {name} يستدعي "
        "رابطًا عند ورود مكالمة.",
    },
    _AUTOMATION: {
        "en": "I build the flow here instead: tell me what should happen and where, or start "
        "from a Webhook that {name} calls.",
        "ar": "أبني التدفق هنا بدلًا منه: قل لي ما الذي يحدث وأين، أو ابدأ من ويب هوك يستدعيه {name}.",
    },
    _FILES: {
        "en": "The closest I can do: send the file on Telegram or by e-mail, or call {name}'s "
        "API with an HTTP Request step.",
        "ar": "الأقرب: إرسال الملف على تيليجرام أو بالبريد، أو استدعاء واجهة {name} البرمجية بخطوة طلب HTTP.",
    },
}
_CANT = {
    "en": "I can't do {name} yet. {closest}",
    "ar": "لا أستطيع العمل مع {name} بعد. {closest}",
}

# A payment and its failure, in Arabic: "الدفع", "الخلاص" (Maghrebi), "عملية الدفع", "الفيزا".
_PAID = r"(?<![\u0621-\u064a])(?:و|ف)?(?:ال)?(?:دفع|دفعه|خلاص|فيزا|كارت|بطاقه)(?![\u0621-\u064a])"
_FAILED = (
    r"(?:ما\s*|م)?(?:فشل|فشلت|يفشل|تفشل|اترفض|اترفضت|انرفض|انرفضت|يترفض|تترفض|رفضت|تعذر|يتعذر"
    r"|نجحش|نجحتش|مرفوض|مرفوضه|فاشل|فاشله|فشلان)(?![\u0621-\u064a])"
)

# Events of services Flowin has that it cannot start on (yet): said, not taken for a neighbour.
_LACKING_EVENTS: tuple[tuple[str, str, dict[str, str]], ...] = (
    (
        "a failed payment",
        r"\b(?:payment|charge|card)s?\s+(?:is\s+|was\s+|gets\s+)?(?:fails?|failed|declined|bounces?"
        r"|bounced|is\s+refused|doesn'?t\s+go\s+through)|\bfailed\s+(?:payment|charge)"
        r"|\bpayments?\s+(?:on|in|with|via|through|from)\s+\w+\s+(?:fails?|failed|is\s+declined|bounces)\b"
        r"|(?:دفع|الدفع|دفعه|الدفعه|عمليه الدفع|الفيزا|الكارت)\s+(?:ما\s+|م)?(?:فشل|فشلت|يفشل|تفشل|اترفض|اترفضت|انرفض|انرفضت|يترفض|تترفض|رفض|رفضت|"
        r"نجحش|نجحتش|ما\s*نجح|ما\s*نجحت|مرفوض|مرفوضه)|(?:فشل|فشلت|فشلان)\s+(?:ال)?(?:دفع|دفعه)"
        # either word first, a few words apart: "دفعة العميل اترفضت", "فشلت عملية الدفع",
        # "تعذر الدفع", "يفشل الخلاص", "el payment fe stripe feshel"
        rf"|{_PAID}(?:\s+\S+){{0,3}}?\s+{_FAILED}|{_FAILED}(?:\s+\S+){{0,2}}?\s+{_PAID}"
        r"|\b(?:el\s+)?(?:payment|daf3|dafa3|visa)\b(?:\s+\S+){0,3}?\s+(?:feshel|fishel|fashal|fe4el"
        r"|etrafad|etrafadet|itrafad|ma\s*nag[ae]7)\b",
        {
            "en": "The closest I can do: start on a successful Stripe payment, or from a "
            "Webhook that Stripe calls for failed payments; with Moyasar, Tap or Paymob, start on "
            "its “payment declined” trigger.",
            "ar": "الأقرب: البدء عند نجاح دفعة في سترايب، أو من ويب هوك يستدعيه سترايب عند فشل الدفع؛ "
            "ومع ميسر أو تاب أو باي موب، ابدأ بمشغّل «رفض دفعة» الخاص به.",
        },
    ),
    (
        "refunds",
        r"\brefund(?:s|ed)?\b|استرجاع\s+(?:ال)?(?:فلوس|مبلغ|مال)|استرداد|ريفاند"
        r"|\b(?:their|his|her|my|the)\s+money\s+back\b",
        {
            "en": "The closest I can do: start from a Webhook that your shop or Stripe calls on "
            "a refund.",
            "ar": "الأقرب: البدء من ويب هوك يستدعيه متجرك أو سترايب عند الاسترداد.",
        },
    ),
    (
        "a cancelled order",
        r"\b(?:order|orders)\s+(?:is\s+|was\s+|gets\s+)?(?:cancell?ed|canceled)|\bcancell?ation"
        r"|(?:طلب|الطلب|اوردر|الاوردر)\s+(?:ات|اتم)?(?:لغي|الغي|اتلغي|ينلغي|يتلغي|يلغي|انلغي|الغاء)"
        r"|(?:الغاء|يلغي|لغي)\s+(?:ال)?(?:طلب|اوردر)"
        # the verb first, with who cancels: "ألغى العميل طلبه", "cancels their order"
        r"|(?<![\u0621-\u064a])(?:الغي|لغي|يلغي|تلغي|الغت|لغت|بيلغي)\s+(?:\S+\s+)?(?:ال)?(?:طلب|طلبه|اوردر"
        r"|اوردره|طلبيه)(?![\u0621-\u064a])"
        r"|\bcancel(?:s|led|ed)?\s+(?:el\s+|the\s+|their\s+|his\s+|her\s+|an?\s+|my\s+)?orders?\b",
        {
            "en": "The closest I can do: start on a new Shopify order, or from a Webhook that "
            "Shopify calls when an order is cancelled.",
            "ar": "الأقرب: البدء عند طلب جديد في شوبيفاي، أو من ويب هوك يستدعيه شوبيفاي عند إلغاء الطلب.",
        },
    ),
    (
        "an abandoned cart",
        r"\babandon(?:ed)?\s+(?:cart|checkout)s?|(?:سله|سلة|عربه|كارت)\s+(?:ال)?(?:متروكه|مهجوره|متسابه)",
        {
            "en": "The closest I can do: start on an abandoned cart in Salla or Zid, or list "
            "recent Shopify orders on a schedule.",
            "ar": "الأقرب: البدء عند سلة متروكة في سلة أو زد، أو عرض طلبات شوبيفاي الأخيرة حسب جدول زمني.",
        },
    ),
    (
        "a new Notion page",
        r"\b(?:new\s+)?(?:notion\s+)?(?:page|entry|item|record)s?\s+(?:is\s+|gets\s+)?(?:added|created)"
        r"\s+(?:to|in|into)\s+(?:my\s+|the\s+)?notion|\bnew\s+notion\s+(?:page|entry|item|record)"
        r"|(?:صفحه|سجل)\s+(?:جديده|جديد)\s+(?:في|ف|ع|عل[يى])\s*(?:ال)?نوشن",
        {
            "en": "The closest I can do: on a schedule, find the pages of a Notion database and go "
            "on with them.",
            "ar": "الأقرب: حسب جدول زمني، البحث عن صفحات قاعدة بيانات نوشن والمتابعة بها.",
        },
    ),
    (
        "money arriving in a bank account",
        r"\b(?:money|transfers?|deposits?|payments?|salary)\b[^.]{0,30}?\b(?:arrives?|comes?\s+in"
        r"|lands?|hits?|(?:is|gets?)\s+deposited|goes)\b[^.]{0,15}?\bbank\b"
        r"|\bnew\s+bank\s+(?:transfer|deposit)s?\b|\bbank\s+(?:transfer|deposit)s?\s+(?:arrives?"
        r"|comes?\s+in|(?:is\s+)?received)"
        r"|(?:حواله|تحويل|فلوس|مبلغ|ايداع|راتب)[^.]{0,25}?(?:حسابي|الحساب)\s*"
        r"(?:البنكي|في\s+البنك|بالبنك|ف\s+البنك|في\s+(?:ال)?راجحي|في\s+بنك)",
        {
            "en": "The closest I can do: start on a payment Stripe, Moyasar, Tap or Paymob "
            "receives, or from a Webhook if your bank can call a web address.",
            "ar": "الأقرب: البدء عند دفعة يستلمها سترايب أو ميسر أو تاب أو باي موب، أو من ويب هوك "
            "إذا كان بنكك يستدعي رابطًا.",
        },
    ),
)
# What Flowin lacks of a service it has in part, in Arabic (a brand's name stays as it is).
_NAMES_AR = {
    "bank apps": "تطبيقات البنوك",
    "a phone system (PBX)": "السنترال (PBX)",
    "Instagram posts and comments": "منشورات Instagram وتعليقاته",
    "Facebook posts and comments": "منشورات Facebook وتعليقاته",
}
_EVENT_NAMES_AR = {
    "money arriving in a bank account": "وصول حوالة إلى حساب بنكي",
    "a new Notion page": "صفحة نوشن جديدة",
    "a failed payment": "الدفعات الفاشلة",
    "refunds": "الاسترداد",
    "a cancelled order": "الطلبات الملغاة",
    "an abandoned cart": "السلال المتروكة",
}
_CANT_EVENT = {
    "en": "I can't start on {name} yet. {closest}",
    "ar": "لا أستطيع أن أبدأ عند {name} بعد. {closest}",
}

_ARABIC_GLUE = r"(?:و|ف)?(?:بال|عال|فال|لل|ال|عل|ع|ب|ل|ف)?"


def _pattern(word: str) -> str:
    spaced = r"\s*".join(re.escape(part) for part in word.split())
    # Google as the dialects spell it: جوجل (Egypt), قوقل (the Gulf), غوغل (the Levant)
    spaced = spaced.replace("جوجل", "(?:جوجل|قوقل|غوغل|جوقل)")
    if re.match("[\u0621-\u064a]", word):
        return r"(?<![\u0621-\u064a])" + _ARABIC_GLUE + spaced + r"(?![\u0621-\u064a])"
    return r"(?<![a-z0-9])" + spaced + r"(?![a-z0-9])"


_LACKING_PATTERNS = [
    (
        lacking,
        re.compile(
            "|".join([*(_pattern(w) for w in lacking.words), *filter(None, [lacking.said_as])])
        ),
    )
    for lacking in LACKING
]
_EVENT_PATTERNS = [
    (name, re.compile(pattern), closest) for name, pattern, closest in _LACKING_EVENTS
]
# Salla and Zid send their abandoned carts (their own triggers): a cart there is no lack. Salla's
# name in Arabic is the word for a cart, so "سلة متروكة" alone names no store.
_STORES_WITH_CARTS = re.compile(
    r"\b(?:salla|zid)\b|(?<![\u0621-\u064a])(?:في|عل[يى]|من|عند|ب|ع|ف)?زد(?![\u0621-\u064a])"
    r"|(?<![\u0621-\u064a])(?:في|عل[يى]|من|ب|ع|ف)\s*سله(?![\u0621-\u064a])(?!\s+(?:ال)?(?:متروكه|مهجوره|متسابه))"
)
# Services that start on an event the list above lacks for the others, said in the words of
# their triggers ("a declined Paymob payment"); "fails" stays refused, as a trigger for a
# success must not be taken instead.
_EVENT_HAVERS = {
    "an abandoned cart": (_STORES_WITH_CARTS, re.compile("")),
    "a failed payment": (
        re.compile(
            "|".join(
                _pattern(word)
                for word in (
                    "moyasar",
                    "paymob",
                    "tap",
                    "ميسر",
                    "مويسر",
                    "بايموب",
                    "باي موب",
                    "تاب",
                )
            )
        ),
        re.compile(r"declin|\bfail|مرفوض|رفض|فشل"),
    ),
    # WooCommerce, Salla and Zid start a flow when an order's status changes, a cancellation
    # included ("لما اوردر يتلغي في ووكومرس"): the store's event, not a lack
    "a cancelled order": (
        re.compile(
            _STORES_WITH_CARTS.pattern
            + "|"
            + "|".join(_pattern(word) for word in ("woocommerce", "ووكومرس", "woo"))
        ),
        re.compile(""),
    ),
}


@dataclass(frozen=True)
class Unsupported:
    name: str
    span: tuple[int, int]  # where it is said, in the normalized text searched
    message: str
    event: bool = False  # an event of a service Flowin has ("a failed payment"), not a service


def _said_as_a_trigger(event: str, text: str) -> bool:
    service, words = _EVENT_HAVERS.get(event, (None, None))
    return bool(service and words and service.search(text) and words.search(text))


# Said as content, not as a service to work with: quoted text, "the word refund", an address
# ("noreply@amazon.com", "https://…"). Blanked to spaces of the same length, so spans hold.
_CONTENT = re.compile(
    r'"[^"]*"|“[^”]*”|«[^»]*»|(?<!\w)\'[^\']+\'(?!\w)'
    r"|\b(?:the\s+)?(?:word|words|keyword)\s+\S+|(?:بكلمه|كلمه|الكلمه)\s+\S+"
    r"|\S+@\S+|\bhttps?://\S+|\bwww\.\S+"
)
# The sender of an e-mail is no service the flow works with: "ايميل من بنك الراجحي".
_SENT_BY = re.compile(
    r"(?:\b(?:e-?mails?|mails?|gmails?|newsletters?)\b|ايميل|ايميلات|ميل|بريد)\s+(?:\S+\s+)?"
    r"(?:from|من|م)\s+(?:\S+\s+)?$"
)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


# A service's link a message carries ("email them the Zoom link", "لينك الزوم", "our Instagram
# link"): a thing sent, not a service the flow works with.
_ITS_LINK_AFTER = re.compile(
    r"\s*(?:meeting\s+|call\s+|class\s+|profile\s+|page\s+|account\s+|booking\s+)?"
    r"(?:links?|urls?|invites?|invitations?|handles?|usernames?)\b"
)
_ITS_LINK_BEFORE = re.compile(r"(?:لينك|رابط|link|url)\s+(?:ال)?(?:\S+\s+)?$")


def _named_as_a_service(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    for match in pattern.finditer(text):
        if _SENT_BY.search(text[max(0, match.start() - 50) : match.start()]):
            continue
        if _ITS_LINK_AFTER.match(text, match.end()) or _ITS_LINK_BEFORE.search(
            text[max(0, match.start() - 20) : match.start()]
        ):
            continue
        return match
    return None


def unsupported(text: str, language: Language) -> list[Unsupported]:
    """The services and events Flowin lacks that normalized ``text`` names, in its order."""
    text = _CONTENT.sub(_blank, text)
    found: list[Unsupported] = []
    named: list[tuple[int, int]] = []
    for lacking, pattern in _LACKING_PATTERNS:
        match = _named_as_a_service(pattern, text)
        if match is None:
            continue
        named.append(match.span())
        if not lacking.meant_here(text):
            continue
        name = lacking.name if language == "en" else _NAMES_AR.get(lacking.name, lacking.name)
        closest = _CLOSEST[lacking.closest][language].format(name=name)
        message = _CANT[language].format(name=name, closest=closest)
        found.append(Unsupported(lacking.name, match.span(), message))
    # "البايب درايف" names Pipedrive, not Drive too: a name inside a longer one is that one's,
    # even when that one is the part Flowin has ("الوان درايف" with an Excel workbook on it)
    found = [
        item
        for item in found
        if not any(
            span[0] <= item.span[0] <= item.span[1] <= span[1] and span != item.span
            for span in named
        )
    ]
    for name, pattern, closest in _EVENT_PATTERNS:
        match = pattern.search(text)
        if match is None or _said_as_a_trigger(name, text):
            continue
        shown = name if language == "en" else _EVENT_NAMES_AR[name]
        message = _CANT_EVENT[language].format(name=shown, closest=closest[language])
        found.append(Unsupported(name, match.span(), message, event=True))
    found.sort(key=lambda item: item.span)
    return found


# A phone call asked of the flow: "call the driver", "وكلم المندوب", "واتصل بيه", "w kallem el
# customer". Flowin places no calls; said apart from the services it lacks, as the steps around
# it are still made ("ابعتلي واتساب وكلم المندوب" keeps its WhatsApp step).
_CALLED = (
    r"(?:me|him|her|them|us|the\s+(?:\w+\s+)?(?:customer|client|driver|courier|patient|rider|buyer"
    r"|lead|guest|owner|manager|supplier|delegate|person|guy|man|boy|agent|seller|user)s?"
    r"|(?:my|our|his|her|their)\s+(?!(?:api|apis|webhook|url|endpoint|server|system|backend"
    r"|website|site|app|crm|function|script|service)\b)\w+)"
)
_PHONE_CALL = re.compile(
    rf"\b(?:call|phone|ring|dial)\s+{_CALLED}\b(?!\s+(?:api|webhook|url|endpoint|server))"
    rf"|\bgive\s+{_CALLED}\s+a\s+(?:phone\s+)?(?:call|ring)\b|\bmake\s+a\s+phone\s+call\b"
    rf"|{_AR_START}(?:و|ف)?(?:كلم(?:و|ها|هم|ني|لي|ي|وه)?|اتصل(?:ي|و|وا)?|تلفن\w*|رن(?:لي|له|لها)?"
    rf"|دق(?:لي|له|لها)?)\s+(?:ب|علي|على|ع|ل|مع)?\s*\S+"
    r"|\b(?:w|f)?\s*(?:kall?[ei]m|kall?mo|etta?s[ae]l|itta?s[ae]l|etasel)\w*\s+\S+"
)
_CALLS = {
    "en": "I can't make phone calls yet. The closest I can do: send them an SMS with Twilio, "
    "or a WhatsApp or Telegram message.",
    "ar": "لا أستطيع إجراء مكالمات هاتفية بعد. الأقرب: إرسال رسالة SMS عبر تويليو، أو رسالة "
    "واتساب أو تيليجرام.",
}


def phone_call(text: str, language: Language) -> str | None:
    """What to say when normalized ``text`` asks the flow to phone someone, else None."""
    text = _CONTENT.sub(_blank, text)
    if _PHONE_CALL.search(text) is None:
        return None
    return _CALLS[language]
