"""The first-run wizard (``wizard.FirstRunWizard``): the gate of a folder with no administrator yet."""

from center_app.ui.first_run.wizard import FirstRunWizard

__all__ = ["FirstRunWizard"]
