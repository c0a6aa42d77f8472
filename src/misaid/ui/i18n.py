"""The UI's own words go through Qt's translation, under one context, so Spanish can come later."""

from PySide6.QtCore import QCoreApplication


def tr(text: str, *args: object, n: int = -1) -> str:
    """`text` translated in the "misaid" context, then %1, %2, ... filled with `args` in one pass.

    Whole sentences with numbered places, so a translation may put the values in another order; a value
    that itself holds "%2" is not filled again. With `n`, Qt fills %n and picks the plural form.
    """
    translated = QCoreApplication.translate("misaid", text, None, n)
    if not args:
        return translated
    # imported on first use: any misaid.core import loads the whole core, which the first screen
    # (whose words have no places) does not need
    from misaid.core.wording import fill

    return fill(translated, *args)
