"""The UI's own words go through Qt's translation, under one context, so Spanish can come later."""

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("misaid", text)
