"""What a template is: an ordinary flow plus the words and blanks that let anyone start from it.

A template is data, a folder with ``flow.json`` (a flow as ``flowin flows export`` writes it,
accounts left empty) and ``template.json`` (this module's ``Template`` without the flow): its
name and description in English and Arabic, the category it is shown under, and the few
blanks a user fills in the "Use template" wizard (a sheet, a phone field, a message...).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..model import Flow

Language = Literal["en", "ar"]
TEMPLATE_SCHEMA = 1


class Category(StrEnum):
    ECOMMERCE = "ecommerce"
    MARKETING = "marketing"
    FREELANCING = "freelancing"
    CLINICS = "clinics"
    RESTAURANTS = "restaurants"
    FINANCE = "finance"
    TEAM = "team"


# Shown under these names, in this order, in the gallery and `flowin templates list`.
CATEGORY_NAMES: dict[Category, dict[str, str]] = {
    Category.ECOMMERCE: {"en": "E-commerce", "ar": "التجارة الإلكترونية"},
    Category.MARKETING: {"en": "Marketing", "ar": "التسويق"},
    Category.FREELANCING: {"en": "Freelancing", "ar": "العمل الحر"},
    Category.CLINICS: {"en": "Clinics and appointments", "ar": "العيادات والمواعيد"},
    Category.RESTAURANTS: {"en": "Cafés and restaurants", "ar": "المقاهي والمطاعم"},
    Category.FINANCE: {"en": "Finance", "ar": "المالية"},
    Category.TEAM: {"en": "Team", "ar": "الفريق"},
}


class Words(BaseModel):
    """A text in both of Flowin's languages."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    en: str = Field(min_length=1)
    ar: str = Field(min_length=1)

    def in_language(self, language: str) -> str:
        return self.ar if language == "ar" else self.en


class BlankKind(StrEnum):
    TEXT = "text"
    PHONE = "phone"
    EMAIL = "email"
    SHEET = "sheet"
    NUMBER = "number"
    MULTILINE = "multiline"
    CHOICE = "choice"


class BlankTarget(BaseModel):
    """Where an answer goes: a step (by name or id) and a setting of it, dotted for a place
    inside one (``values.Phone``, ``body_parameters.0``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    node: str = Field(min_length=1)
    param: str = Field(min_length=1)


class Blank(BaseModel):
    """One question the wizard asks. The default may differ by language (a message's text);
    the example is shown as a hint and used by the tests, never filled in by itself."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    key: str = Field(min_length=1, pattern=r"^[a-z][a-z0-9_]*$")
    label: Words
    help: Words
    kind: BlankKind = BlankKind.TEXT
    default: str | Words = ""
    example: str = ""
    choices: list[str] = Field(default_factory=list)
    required: bool = True
    targets: list[BlankTarget] = Field(min_length=1)

    def default_in(self, language: str) -> str:
        if isinstance(self.default, Words):
            return self.default.in_language(language)
        return self.default


class Template(BaseModel):
    """A flow to start from, with what the gallery shows of it and what the wizard asks."""

    model_config = ConfigDict(extra="forbid")
    schema_version: int = TEMPLATE_SCHEMA
    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: Words
    description: Words
    category: Category
    services: list[str] = Field(
        default_factory=list, description="Connector ids its steps use, for the gallery."
    )
    minutes_saved_per_run: int | None = Field(None, ge=0, le=24 * 60)
    blanks: list[Blank] = Field(default_factory=list)
    step_names: dict[str, Words] = Field(
        default_factory=dict,
        description="A step's name in each language, by its name in the flow: a flow made in "
        "Arabic calls it by its Arabic name, and so do the messages that name its data.",
    )
    sample: dict[str, Any] | None = Field(
        None,
        description="Data like its trigger's, for a test run, when the trigger's own example "
        "does not fit (a web form's fields, say).",
    )
    flow: Flow = Field(exclude=True, default_factory=Flow)
    private: bool = Field(False, exclude=True, description="The user's own, not shipped.")
    folder: Path | None = Field(None, exclude=True, description="Where it was read from.")

    @field_validator("schema_version")
    @classmethod
    def _known_schema(cls, version: int) -> int:
        if version > TEMPLATE_SCHEMA:
            raise ValueError(
                f"this template was made by a newer Flowin (format {version}); please update Flowin"
            )
        return version

    @field_validator("blanks")
    @classmethod
    def _one_blank_per_key(cls, blanks: list[Blank]) -> list[Blank]:
        keys = [blank.key for blank in blanks]
        twice = sorted({key for key in keys if keys.count(key) > 1})
        if twice:
            raise ValueError(f"two blanks share the key {', '.join(twice)}")
        return blanks

    @property
    def preview(self) -> Path | None:
        """The picture of its flow the gallery shows, when one was made for it."""
        if self.folder is None:
            return None
        path = self.folder / "preview.png"
        return path if path.is_file() else None

    def blank(self, key: str) -> Blank:
        for blank in self.blanks:
            if blank.key == key:
                return blank
        raise KeyError(key)

    def metadata_json(self) -> str:
        """``template.json``: everything but the flow, which is a file of its own."""
        return self.model_dump_json(indent=2, exclude_none=True) + "\n"
