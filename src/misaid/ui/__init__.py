"""The Qt user interface: the wizard, the result view and the take-home handout; it only shows and collects."""

import os
import sys

import PySide6  # noqa: F401 (loaded here so that its import hook can be told about misaid's modules, below)


def _spare_source_scans() -> None:
    """Tell PySide up front that misaid's modules use no `__feature__` switches (snake_case, true_property).

    PySide otherwise reads the whole source of every module imported after it, and of every module those
    import, to look for the word "PySide6": about 70 files and 4 ms of every start, and every line kept
    in memory by linecache. It records 0 for a module that names PySide6 and -1 for one that does not:
    misaid's get 0 here, and the standard library's modules already loaded -1, what the reading would give.
    With another PySide that has no such table, nothing changes.
    """
    feature = sys.modules.get("PySide6.support.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(known, dict):
        return
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # src/misaid or site-packages/misaid
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = [name for name in subfolders if name.isidentifier()]  # not __pycache__ or assets
        inside = os.path.relpath(folder, package)
        dotted = ".".join(["misaid", *([] if inside == "." else inside.split(os.sep))])
        for name in files:
            if name.endswith(".py"):
                module = dotted if name == "__init__.py" else f"{dotted}.{name[:-3]}"
                known.setdefault(module, 0)
    for module in list(sys.modules):
        if module.partition(".")[0] in sys.stdlib_module_names:
            known.setdefault(module, -1)


_spare_source_scans()
