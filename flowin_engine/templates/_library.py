"""The templates Flowin ships and the ones the user saved, read from their folders and found
by words in English or Arabic."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from ..errors import FlowFileError, FlowinError
from ..model import Flow, describe_validation_error
from ..paths import data_dir
from ..spelling import normalize
from ._model import CATEGORY_NAMES, Category, Language, Template

log = logging.getLogger(__name__)

SHIPPED = Path(__file__).parent / "library"
FLOW_FILE = "flow.json"
METADATA_FILE = "template.json"
# Service names as a user types them in Arabic (the shipped descriptions use these too).
SERVICE_WORDS: dict[str, tuple[str, ...]] = {
    "whatsapp": ("واتساب", "واتس"),
    "shopify": ("شوبيفاي",),
    "telegram": ("تيليجرام", "تلغرام", "تليجرام"),
    "slack": ("سلاك",),
    "gmail": ("جيميل", "بريد"),
    "email": ("بريد", "ايميل", "e-mail", "mail"),
    "google_sheets": ("جوجل شيت", "جدول", "شيت", "google sheets", "spreadsheet"),
    "notion": ("نوشن",),
    "stripe": ("سترايب",),
    "twilio": ("تويليو", "sms", "رسالة نصية", "رسائل نصية"),
    "openai": ("ذكاء اصطناعي", "ai", "chatgpt"),
    "schedule": ("جدولة", "يومي", "daily", "schedule"),
    "webhook": ("ويب هوك", "نموذج", "form"),
    "http": ("http",),
}
# Arabic words carry their article and a joined conjunction or preposition: "والطلبات",
# "بالواتساب". A query word also matches without them.
_ARABIC_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل")
# Endings after normalising: taa marbuta (ة → ه), and the sound plurals.
_ARABIC_ENDINGS = ("ه", "ات", "ين", "ون")
_ARABIC = re.compile("[\u0621-\u064a]")
_WORD = re.compile(r"[\w\u0621-\u064a+#@-]+")


class TemplateError(FlowinError):
    """A template that can't be read, used or saved; the message says what to do."""


class TemplateLibrary:
    """The shipped templates and the user's private ones (in ``<data folder>/templates``).

    ``load()`` reads them (again); a broken private template is left out with a warning in the
    log rather than hiding the whole gallery.
    """

    def __init__(
        self, private_folder: Path | None = None, shipped_folder: Path | None = None
    ) -> None:
        self.private_folder = private_folder
        self.shipped_folder = shipped_folder or SHIPPED
        self._templates: list[Template] | None = None

    @property
    def user_folder(self) -> Path:
        """Where the user's own templates are kept."""
        return self.private_folder or data_dir() / "templates"

    def load(self) -> list[Template]:
        shipped = list(_read_folders(self.shipped_folder, private=False, strict=True))
        private = list(_read_folders(self.user_folder, private=True, strict=False))
        known = {t.id for t in shipped}
        self._templates = shipped + [t for t in private if t.id not in known]
        return list(self._templates)

    @property
    def templates(self) -> list[Template]:
        if self._templates is None:
            self.load()
        assert self._templates is not None
        return list(self._templates)

    def get(self, template_id: str) -> Template:
        for template in self.templates:
            if template.id == template_id:
                return template
        raise TemplateError(
            f"There is no template '{template_id}'; 'flowin templates list' shows them."
        )

    def categories(self) -> list[Category]:
        """The categories that have templates, in the gallery's order."""
        present = {t.category for t in self.templates}
        return [c for c in Category if c in present]

    def in_category(self, category: Category | str) -> list[Template]:
        return [t for t in self.templates if t.category == Category(category)]

    def search(self, text: str, language: Language = "en") -> list[Template]:
        """Templates whose words (in either language), services or category contain every
        word of ``text``; those matched by their name first, the user's language before the
        other. Arabic is compared in one spelling (hamzas, taa marbuta, diacritics)."""
        words = _words(text)
        if not words:
            return self.templates
        found: list[tuple[int, int, Template]] = []
        for index, template in enumerate(self.templates):
            haystack = _haystack(template)
            if all(_contains(haystack, word) for word in words):
                name = normalize(template.name.in_language(language))
                other = normalize(template.name.in_language("en" if language == "ar" else "ar"))
                rank = sum(
                    2 if _contains(name, word) else 1 if _contains(other, word) else 0
                    for word in words
                )
                found.append((-rank, index, template))
        return [template for _, _, template in sorted(found, key=lambda f: f[:2])]


def _words(text: str) -> list[str]:
    return _WORD.findall(normalize(text))


def _haystack(template: Template) -> str:
    parts = [
        template.name.en,
        template.name.ar,
        template.description.en,
        template.description.ar,
        template.id.replace("_", " ").replace("-", " "),
        *CATEGORY_NAMES[template.category].values(),
    ]
    for service in template.services:
        parts.append(service.replace("_", " "))
        parts.extend(SERVICE_WORDS.get(service, ()))
    return normalize(" ".join(parts))


def _contains(haystack: str, word: str) -> bool:
    return any(form in haystack for form in _forms(word))


def _forms(word: str) -> set[str]:
    """The word, and the forms of it a template may use instead: Arabic without its joined
    article or preposition ("بالواتساب") or its ending ("عيادة" in "العيادات"), English
    without its plural ("invoices" in "invoice")."""
    forms = {word}
    if _ARABIC.match(word):
        for prefix in _ARABIC_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                forms.add(word[len(prefix) :])
                break
        for form in list(forms):
            for ending in _ARABIC_ENDINGS:
                if form.endswith(ending) and len(form) - len(ending) >= 3:
                    forms.add(form[: -len(ending)])
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-2] if word.endswith("ies") else word[:-1])
    return forms


def _read_folders(root: Path, *, private: bool, strict: bool) -> Iterable[Template]:
    if not root.is_dir():
        return
    for folder in sorted(root.iterdir()):
        if not (folder / METADATA_FILE).is_file():
            continue
        try:
            yield read_template_folder(folder, private=private)
        except TemplateError:
            if strict:
                raise
            log.warning("Skipped the template in %s", folder, exc_info=True)


def read_template_folder(folder: Path, *, private: bool = False) -> Template:
    """One template from its folder (``template.json`` and ``flow.json``)."""
    try:
        metadata = json.loads((folder / METADATA_FILE).read_text(encoding="utf-8"))
        flow_text = (folder / FLOW_FILE).read_text(encoding="utf-8")
    except OSError as error:
        raise TemplateError(
            f"The template in {folder} can't be read: {error.strerror or error}."
        ) from None
    except ValueError as error:
        raise TemplateError(
            f"The template in {folder} is damaged: its {METADATA_FILE} is not JSON ({error})."
        ) from None
    try:
        flow = Flow.from_json(flow_text)
    except FlowFileError as error:
        raise TemplateError(f"The template in {folder} is damaged: {error}") from None
    return template_from_data(metadata, flow, where=str(folder), private=private, folder=folder)


def template_from_data(
    metadata: object,
    flow: Flow,
    *,
    where: str,
    private: bool = False,
    folder: Path | None = None,
) -> Template:
    if not isinstance(metadata, dict):
        raise TemplateError(
            f"The template in {where} is damaged: its details are not a list of fields."
        )
    try:
        template = Template.model_validate({**metadata, "flow": flow})
    except ValidationError as error:
        described = describe_validation_error(error, metadata).replace(
            "This flow file has", "Its details have"
        )
        raise TemplateError(f"The template in {where} is damaged. {described}") from None
    template.private = private
    template.folder = folder
    return template
