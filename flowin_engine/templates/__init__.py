"""Templates: ready-made flows to start from, in English and Arabic (no Qt).

    library = TemplateLibrary()                 # shipped + the user's own
    template = library.search("واتساب", "ar")[0]
    for need in needed_accounts(template): ...  # the accounts the wizard asks for
    flow = instantiate(template, {"sheet": "..."}, {"whatsapp": "c1a2b3"}, language="ar")

A template is data: ``library/<id>/flow.json`` and ``template.json`` (see ``_model``).
"""

from __future__ import annotations

from ._files import (
    FILE_SUFFIX,
    export_template,
    import_template,
    save_as_template,
    stripped_flow,
    template_of,
)
from ._library import SHIPPED, TemplateError, TemplateLibrary, read_template_folder
from ._model import (
    CATEGORY_NAMES,
    Blank,
    BlankKind,
    BlankTarget,
    Category,
    Template,
    Words,
)
from ._use import AccountNeed, instantiate, needed_accounts

__all__ = [
    "CATEGORY_NAMES",
    "FILE_SUFFIX",
    "SHIPPED",
    "AccountNeed",
    "Blank",
    "BlankKind",
    "BlankTarget",
    "Category",
    "Template",
    "TemplateError",
    "TemplateLibrary",
    "Words",
    "export_template",
    "import_template",
    "instantiate",
    "needed_accounts",
    "read_template_folder",
    "save_as_template",
    "stripped_flow",
    "template_of",
]
