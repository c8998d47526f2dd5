"""Templates on the desktop: the gallery, the wizard that turns a template into a flow, and the
dialogs that save a flow as a template or move a template through a file."""

from .gallery import TemplateGallery
from .new_flow import NewFlowChoice
from .save_dialog import TemplateDetailsDialog
from .wizard import UseTemplateWizard

__all__ = ["NewFlowChoice", "TemplateDetailsDialog", "TemplateGallery", "UseTemplateWizard"]
