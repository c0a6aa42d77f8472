"""The per-region approach diagrams: present, described for screen readers, labels large enough.

The app shows a route picture (e.g. neck-anterior.svg) 300 px wide and an overview 560 px wide;
every label must come out at 16 px (12 pt) or more there. Checked from the SVG text alone: no Qt.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path

import pytest

from misaid.core.readability import grade

DIAGRAMS = Path(__file__).resolve().parents[2] / "assets" / "diagrams"
SVG = "{http://www.w3.org/2000/svg}"

REGIONS = ("neck", "mid-back", "low-back")
ROUTES = ("anterior", "lateral", "posterior")
FILES = [f"{region}-{kind}.svg" for region in REGIONS for kind in ("overview", *ROUTES)]

DISPLAY_WIDTH = {"overview": 560, "route": 300}  # px the app shows them at
MAX_LABELS = {"overview": 6, "route": 4}
MIN_PX = 16  # 12 pt
CHAR_WIDTH = 0.6  # estimated advance of one character, in font-size units
ASCENT, DESCENT = 0.8, 0.25  # text box above and below the baseline, in font-size units
MIN_CONTRAST = 7.0
BACKGROUND = "#ffffff"
HIGHLIGHT = "#b34700"  # the thick dashed arrow of the highlighted route
UNSUPPORTED = {"marker", "filter", "mask", "style", "script", "foreignObject", "image"}


def kind(name: str) -> str:
    return "overview" if name.endswith("-overview.svg") else "route"


def load(name: str) -> ET.Element:
    path = DIAGRAMS / name
    assert path.is_file(), f"{name} is missing: run python3 assets/diagrams/make_diagrams.py"
    return ET.parse(path).getroot()


def view_box(root: ET.Element) -> tuple[float, float, float, float]:
    values = [float(v) for v in re.split(r"[\s,]+", root.get("viewBox", "").strip()) if v]
    assert len(values) == 4, "the picture needs a viewBox"
    return values[0], values[1], values[2], values[3]


def labels(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(f"{SVG}text"))


def words_of(text: ET.Element) -> str:
    return "".join(text.itertext()).strip()


def font_size(text: ET.Element) -> float:
    size = text.get("font-size")
    assert size is not None, f"label {words_of(text)!r} has no font-size"
    return float(size.removesuffix("px"))


def box(text: ET.Element) -> tuple[float, float, float, float]:
    """Estimated extent of a label: 0.6 * font-size per character."""
    size = font_size(text)
    width = CHAR_WIDTH * size * len(words_of(text))
    x, y = float(text.get("x", "0")), float(text.get("y", "0"))
    left = {"start": x, "middle": x - width / 2, "end": x - width}[text.get("text-anchor", "start")]
    return left, y - ASCENT * size, left + width, y + DESCENT * size


def luminance(colour: str) -> float:
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", colour), f"text colour {colour!r} is not #rrggbb"
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("name", FILES)
def test_title_and_description_for_screen_readers(name: str) -> None:
    root = load(name)
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None and (title.text or "").strip(), f"{name}: empty <title>"
    text = (desc.text or "").strip() if desc is not None else ""
    assert text, f"{name}: empty <desc>"
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
    assert 1 <= len(sentences) <= 3, f"{name}: <desc> has {len(sentences)} sentences, 1 to 3 wanted"
    assert grade(text) <= 8, f"{name}: <desc> reads at grade {grade(text):.1f}, above 8"


@pytest.mark.parametrize("name", FILES)
def test_every_label_is_at_least_16_px_where_the_app_shows_it(name: str) -> None:
    root = load(name)
    _, _, width, _ = view_box(root)
    scale = DISPLAY_WIDTH[kind(name)] / width
    found = labels(root)
    assert found, f"{name}: no labels"
    for text in found:
        px = font_size(text) * scale
        assert px >= MIN_PX, f"{name}: {words_of(text)!r} shows at {px:.1f} px, below {MIN_PX}"


@pytest.mark.parametrize("name", FILES)
def test_few_labels(name: str) -> None:
    found = labels(load(name))
    limit = MAX_LABELS[kind(name)]
    assert len(found) <= limit, f"{name}: {len(found)} labels, at most {limit}: {[words_of(t) for t in found]}"


@pytest.mark.parametrize("name", FILES)
def test_labels_inside_the_picture_and_apart(name: str) -> None:
    root = load(name)
    x0, y0, width, height = view_box(root)
    parents = {child: parent for parent in root.iter() for child in parent}
    found = labels(root)
    for text in found:
        node = text
        while node is not root:  # positions are read as they stand: nothing may move them
            assert node.get("transform") is None, f"{name}: {words_of(text)!r} is transformed"
            node = parents[node]
        left, top, right, bottom = box(text)
        assert left >= x0 and top >= y0 and right <= x0 + width and bottom <= y0 + height, (
            f"{name}: {words_of(text)!r} reaches outside the picture ({left:.0f}, {top:.0f}, {right:.0f}, {bottom:.0f})"
        )
    for a, b in combinations(found, 2):
        (al, at, ar, ab), (bl, bt, br, bb) = box(a), box(b)
        overlap = al < br and bl < ar and at < bb and bt < ab
        assert not overlap, f"{name}: {words_of(a)!r} overlaps {words_of(b)!r}"


@pytest.mark.parametrize("name", FILES)
def test_label_contrast_at_least_7_to_1(name: str) -> None:
    root = load(name)
    backdrop = root.find(f"{SVG}rect")
    assert backdrop is not None and backdrop.get("fill") == BACKGROUND, f"{name}: no white backdrop"
    for text in labels(root):
        ratio = contrast(text.get("fill", "#000000"), BACKGROUND)
        assert ratio >= MIN_CONTRAST, f"{name}: {words_of(text)!r} has contrast {ratio:.1f}:1"


@pytest.mark.parametrize("name", FILES)
def test_only_what_qtsvg_draws(name: str) -> None:
    root = load(name)
    assert root.get("baseProfile") == "tiny"
    for element in root.iter():
        tag = element.tag.removeprefix(SVG)
        assert tag not in UNSUPPORTED, f"{name}: <{tag}> is not drawn by QtSvg (SVG Tiny 1.2)"
        assert element.get("style") is None and element.get("class") is None, f"{name}: CSS in <{tag}>"


def _highlighted_arrows(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}line") if e.get("stroke") == HIGHLIGHT and e.get("stroke-dasharray")]


@pytest.mark.parametrize("name", FILES)
def test_one_route_highlighted_per_route_picture(name: str) -> None:
    root = load(name)
    words = [words_of(t) for t in labels(root)]
    arrows = _highlighted_arrows(root)
    if kind(name) == "overview":
        assert not arrows, f"{name}: an overview shows every path alike"
        for route in ("Front", "Side", "Back"):
            assert any(w.startswith(route) for w in words), f"{name}: no {route!r} label"
    elif name == "neck-lateral.svg":
        assert not arrows, "neck-lateral.svg: the side route is not used in the neck, so not highlighted"
        assert "Not used in the neck" in words
    else:
        assert len(arrows) == 1, f"{name}: {len(arrows)} highlighted arrows, 1 wanted"


def test_neck_overview_shows_the_side_route_as_not_used() -> None:
    words = " ".join(words_of(t) for t in labels(load("neck-overview.svg"))).lower()
    assert "not used" in words


def test_files_match_the_generator() -> None:
    """The SVGs are made by assets/diagrams/region_diagrams.py: edit that, not the files."""
    code = (
        "import json, sys; sys.dont_write_bytecode = True; sys.path.insert(0, sys.argv[1]);"
        "import region_diagrams as r;"
        "print(json.dumps({r.filename(g, v): r.build(g, v)[0] for g in r.REGIONS for v in r.VARIANTS}))"
    )
    done = subprocess.run(
        [sys.executable, "-B", "-c", code, str(DIAGRAMS)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    built = json.loads(done.stdout)
    assert sorted(built) == sorted(FILES)
    stale = [name for name, svg in built.items() if (DIAGRAMS / name).read_text(encoding="utf-8") != svg]
    assert not stale, f"out of date, run python3 assets/diagrams/make_diagrams.py: {stale}"
