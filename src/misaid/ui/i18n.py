"""The UI's own words go through Qt's translation, under one context; `set_language` picks the catalogue."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

if TYPE_CHECKING:
    from misaid.core.model import Meta

CONTEXT = "misaid"  # every message of the catalogue is filed under it (tools/update_translations.py)
SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "es")  # English is what the code says; every other language has a compiled catalogue
# each language's name in that language: the welcome screen's buttons
NAMES = {"en": "English", "es": "Español"}
TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"

_state = {"language": SOURCE_LANGUAGE}
# one set of translators per language, made once: a kiosk switching back and forth all day makes no new objects
_translators: dict[str, list[QTranslator]] = {}
_system_locale: list[QLocale] = []  # the locale before the first switch, to go back to for English


def tr(text: str, *args: object, n: int = -1) -> str:
    """`text` translated in the "misaid" context, then %1, %2, ... filled with `args` in one pass.

    Whole sentences with numbered places, so a translation may put the values in another order; a value
    that itself holds "%2" is not filled again. With `n`, Qt fills %n and picks the plural form.
    """
    translated = QCoreApplication.translate(CONTEXT, text, None, n)
    if not args:
        return translated
    # imported on first use: any misaid.core import loads the whole core, which the first screen
    # (whose words have no places) does not need
    from misaid.core.wording import fill

    return fill(translated, *args)


def content_version(meta: Meta) -> str:
    """"Content version 2.0.0 (reviewed 2026-11-21, draft)": the content's version and review, in the UI's words."""
    status = {"draft": tr("draft"), "in_review": tr("in review"), "approved": tr("approved")}
    return tr("Content version %1 (reviewed %2, %3)", meta.content_version, meta.last_reviewed,
              status.get(meta.review_status, meta.review_status))


def language() -> str:
    """The language the UI speaks now ("en" until `set_language`)."""
    return _state["language"]


def unknown_language(code: str) -> str | None:
    """Why `code` cannot be used, or None when it can."""
    if code in LANGUAGES:
        return None
    return f"unknown language '{code}'; misaid speaks {', '.join(LANGUAGES)}"


def catalogue(code: str) -> Path:
    """The compiled catalogue (.qm) of a language other than English."""
    return TRANSLATIONS / f"misaid_{code}.qm"


def load_catalogue(code: str) -> QTranslator:
    """The language's own catalogue, loaded; raises RuntimeError when the package lacks it (a broken install)."""
    translator = QTranslator()
    if not translator.load(str(catalogue(code))):
        raise RuntimeError(f"misaid: the {code} catalogue {catalogue(code)} cannot be loaded")
    return translator


def translator_for(code: str) -> Callable[[str], str]:
    """A translating function for `code` that needs no application and changes nothing global (the CLI)."""
    if code == SOURCE_LANGUAGE:
        return lambda text: text
    own = load_catalogue(code)
    return lambda text: own.translate(CONTEXT, text) or text


def set_language(code: str) -> None:
    """Speak `code` from now on: its catalogue, Qt's own words for standard dialogs, its date and number forms.

    Needs the application object (Qt keeps translators there). Widgets made before keep their words:
    the window builds its screens again (Shell.change_language). Raises ValueError for an unknown code.
    """
    problem = unknown_language(code)
    if problem is not None:
        raise ValueError(problem)
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs the application object first")
    if code == _state["language"]:
        return
    for old in _translators.get(_state["language"], ()):
        app.removeTranslator(old)
    if not _system_locale:
        _system_locale.append(QLocale())
    if code == SOURCE_LANGUAGE:
        QLocale.setDefault(_system_locale[0])
    else:
        if code not in _translators:
            made = [load_catalogue(code)]
            qt_words = QTranslator()
            # Qt's own words (OK, Cancel, Close, the file dialog): optional, a trimmed Qt may lack them
            if qt_words.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                made.append(qt_words)
            _translators[code] = made
        for translator in _translators[code]:
            app.installTranslator(translator)
        # the language's dates and numbers, on the machine's own territory: its paper size stays
        QLocale.setDefault(QLocale(QLocale(code).language(), _system_locale[0].territory()))
    _state["language"] = code
