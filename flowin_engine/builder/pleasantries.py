"""What people say around a request that is no step: a greeting, a thank-you, a "please", a
word about their business ("I run a small dental clinic", "انا عندي محل ملابس"). Such a clause
is not something the builder failed to understand, so it is not listed as not understood; an
order said among them still is (the caller checks the clause says no order and no event)."""

from __future__ import annotations

import re

from .language import normalize

# Greetings, thanks and politeness in English, the dialects (as normalize() writes them: ه for
# ة, ا for أ/إ/آ, ي for ى) and Arabizi — "law" read as "if" by the Arabizi reading too.
_PLEASANTRY = re.compile(
    r"\b(?:"
    r"hi+|hey+|hello+|helo|hiya|howdy|yo|greetings|good\s+(?:morning|afternoon|evening|day)"
    r"|thanks?\s+(?:you|u|a\s+lot|so\s+much|in\s+advance)|thanks|thanx|thx|tnx|ty|cheers"
    r"|many\s+thanks|much\s+appreciated|appreciate\s+it|please|pls|plz|kindly"
    r"|(?:guys|all|everyone|everybody|there|folks|friends?|sir|madam|bro)"
    r"|ok(?:ay)?|so|well|um+|uh+|alright|right|yeah|yes|dear"
    r"|salam(?:u\s+3alaykum|\s+3alaykom|\s+alaikum)?|slm|sala+m|marhaba|mar7aba|ahlan|ahla|hala"
    r"|shukran|shokran|chokran|choukran|merci|mersi|mashkoor|mashkour|3afak|yeslamo|teslam"
    r"|(?:law|if|lw)\s+(?:sama7t|samaht|sm7t|tsm7|tesma7|sama7ti)|min\s+fadlak|mn\s+fadlak"
    r"|يا\s+(?:جماعه|شباب|اخوان|اخي|اخ|استاذ|غالي|حبيبي|ريس|باشا|عم)"
    r"|السلام\s+عليكم(?:\s+ورحمه\s+الله(?:\s+وبركاته)?)?|سلام\s+عليكم|سلام|مرحبا|مرحبتين|اهلين|اهلا"
    r"|هلا(?:\s+والله)?|هاي|هلو|صباح\s+(?:الخير|النور|الفل)|مساء\s+(?:الخير|النور|الفل)"
    r"|شكرا(?:\s+(?:جزيلا|كتير|كثير|لك|ليك|لكم|مقدما))?|مشكور(?:ين)?|تسلم(?:\s+ايدك)?|يسلمو"
    r"|الله\s+يعطيك\s+العافيه|يعطيك\s+العافيه|جزاك\s+الله\s+خير(?:ا)?|بارك\s+الله\s+فيك"
    r"|لو\s+سمحت|لو\s+تكرمت|من\s+فضلك|بليز|رجاء|ارجوك|عافاك|الله\s+يخليك|بعد\s+اذنك"
    r"|طيب|اوكي|اوك|تمام|يعني"
    r")\b",
    re.IGNORECASE,
)

# Who the user is or what the business is, said before the request: "I run a small dental
# clinic", "we are a bakery in Jeddah", "احنا مطعم", "انا عندي محل ملابس", "3ndi clinic".
_ABOUT_ME = re.compile(
    r"^(?:(?:and|so|و)\s+)?(?:"
    r"i\s+(?:run|own|have|manage|sell|work|am)|i'm|im|i've\s+got|we\s+(?:are|run|own|have|sell)"
    r"|we're|this\s+is|my\s+(?:name|shop|store|business|company|clinic|restaurant|salon|brand)"
    r"|our\s+(?:shop|store|business|company|clinic|restaurant|salon|brand)"
    r"|انا|احنا|نحن|حنا|عندي|عندنا|عندى|محلي|متجري|شركتي|شغلي|ana|e7na|7na|ehna|a7na"
    r"|3ndi|3andi|3endi|3ndna|3andna|3andena"
    r")\b",
    re.IGNORECASE,
)
# A word about the business is a short sentence; a want or a condition inside it is a request.
_ABOUT_ME_MOST_WORDS = 10
_REQUEST_INSIDE = re.compile(
    r"\b(?:want|need|would\s+like|when|whenever|if|every|each|then|عايز|عاوز|ابغي|ابي|ابغى|بدي|"
    r"اريد|نبي|نبغي|حابب|بغيت|لما|لو|اذا|كل|بعدين|ثم|3ayez|3awez|abi|abgha|baddi|bidi|lama)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w\u0600-\u06ff']+")

# A greeting that opens the request, with whom it greets, as written (before normalize(), so
# its span holds): "Good morning!", "Hello team,", "Dear all,", "صباح الخير يا شباب،", "sba7 el
# 5eer,". Its "morning" is no schedule and its "team" no Slack channel.
_GREETED = (
    r"(?:(?:my\s+)?(?:team|guys|all|everyone|everybody|there|folks|friends?|sir|madam|bro|flowin"
    r"|bot)\b|يا\s+(?:جماع[ةه]|شباب|اخوان|إخوان|اخي|أخي|استاذ|أستاذ|غالي|حبيبي|ريس|باشا|فريق))"
)
_GREETING = re.compile(
    r"^\s*(?:(?:"
    # always a greeting, with or without a comma after it
    r"(?:hi+|hey+|hello+|helo|hiya|howdy|dear|greetings|salam|slm|salamu\s+3alaykum|salam\s+3alaykom"
    rf"|marhaba|mar7aba|ahlan|hala|مرحب[اًا]?|مرحبتين|اهلين|أهلين|اهلا|أهلا|هلا(?:\s+والله)?)\b"
    rf"(?:\s+{_GREETED})?"
    # a greeting of the time of day: only with a comma or whom it greets after it
    r"|(?:good\s+(?:morning|afternoon|evening|day)|sba7\s+el\s+(?:5eer|khair|kheir|5ir|noor|nour)"
    r"|sabah\s+el\s+(?:5eer|khair|kheir|noor|nour)|masa2?\s+el\s+(?:5eer|khair|kheir|noor|nour)"
    r"|(?:صباح|مساء|مسا)\s+(?:الخير|النور|الفل|الورد))"
    rf"(?=\s*[,!.،:;—-]|\s+{_GREETED})(?:\s+{_GREETED})?"
    r"|(?:ال)?سلام\s+عليكم(?:\s+ورحم[ةه]\s+الله(?:\s+وبركاته)?)?"
    r")\s*[,!.،:;—-]*\s*)+",
    re.IGNORECASE,
)


def pleasantry_only(said: str) -> bool:
    """Whether ``said`` is only greetings, thanks and politeness: nothing is left of it once
    they are taken away."""
    text = normalize(said).lower()
    return not _WORD.search(_PLEASANTRY.sub(" ", text))


def without_pleasantries(said: str) -> str:
    """``said`` (normalised, lower case) with its greetings, thanks and politeness taken away,
    stripped of the spaces and punctuation left around them."""
    return _PLEASANTRY.sub(" ", normalize(said).lower()).strip(" ,.!؟?،")


def about_the_user(said: str) -> bool:
    """Whether ``said`` reads as a word about the user or their business — the caller still
    checks that it says no order and no event."""
    text = without_pleasantries(said)
    words = _WORD.findall(text)
    return (
        bool(words)
        and len(words) <= _ABOUT_ME_MOST_WORDS
        and _ABOUT_ME.search(text) is not None
        and _REQUEST_INSIDE.search(text) is None
    )


def without_greeting(sentence: str) -> str:
    """``sentence`` with the greeting that opens it blanked to spaces of the same length (so
    what is found in the rest keeps its place), when a request follows it."""
    match = _GREETING.match(sentence)
    if match is None or not _WORD.search(sentence[match.end() :]):
        return sentence
    return " " * match.end() + sentence[match.end() :]
