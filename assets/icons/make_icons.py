#!/usr/bin/env python3
"""Generate misaid's line icons and app icon (stdlib only).

Usage:  python3 assets/icons/make_icons.py
        (then render app.png, see README note at the bottom of this file)

Every icon is a 64x64 viewBox, 3 px strokes, dark grey plus ONE accent colour,
using only SVG Tiny 1.2 features that QtSvg renders (no CSS, markers, filters).
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

DARK = "#333333"
ACCENT = "#1f4e9c"        # deep blue
WARN = "#b3261e"          # only for the urgent icon
FONT = "DejaVu Sans, Arial, sans-serif"

# Common attribute sets
D = f'fill="none" stroke="{DARK}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"'
D2 = f'fill="none" stroke="{DARK}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"'
A = f'fill="none" stroke="{ACCENT}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"'
A2 = f'fill="none" stroke="{ACCENT}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"'
AF = f'fill="{ACCENT}" stroke="none"'
DF = f'fill="{DARK}" stroke="none"'


def svg(title, desc, body, size=64):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
        f'width="{size}" height="{size}" viewBox="0 0 {size} {size}">\n'
        f'<title>{title}</title>\n<desc>{desc}</desc>\n{body.strip()}\n</svg>\n'
    )


ICONS = {}


def icon(name, title, desc):
    def deco(fn):
        ICONS[name] = (title, desc, fn())
        return fn
    return deco


# --------------------------------------------------------------- options --
@icon("tubular_retractor", "Tubular retractor",
      "A narrow tube passing through a small gap in the skin down to a vertebra.")
def _():
    return f"""
<path d="M 4 28 L 22 28 M 42 28 L 60 28" {D}/>
<path d="M 25 10 L 25 46 L 39 46 L 39 10" {A}/>
<ellipse cx="32" cy="10" rx="7" ry="3" {A}/>
<rect x="12" y="50" width="40" height="10" rx="4" {D}/>
"""


@icon("endoscope", "Endoscope",
      "A thin camera scope with a handle, with light shining from its tip.")
def _():
    return f"""
<path d="M 24 40 L 48 16" fill="none" stroke="{ACCENT}" stroke-width="4" stroke-linecap="round"/>
<path d="M 12 52 L 24 40" fill="none" stroke="{DARK}" stroke-width="9" stroke-linecap="round"/>
<path d="M 9 55 C 5 58 4 61 8 62" {D2}/>
<path d="M 53 8 L 56 5 M 55 15 L 60 15 M 46 9 L 46 4" {D}/>
"""


@icon("dilators_portals", "Dilators and portals",
      "Three tubes of increasing width that gently widen a path to the spine.")
def _():
    return f"""
<path d="M 7 56 L 7 18 L 15 18 L 15 56" {D}/>
<ellipse cx="11" cy="18" rx="4" ry="1.5" {D2}/>
<path d="M 21 56 L 21 14 L 33 14 L 33 56" {D}/>
<ellipse cx="27" cy="14" rx="6" ry="2" {D2}/>
<path d="M 39 56 L 39 10 L 57 10 L 57 56" {A}/>
<ellipse cx="48" cy="10" rx="9" ry="3" {A}/>
<path d="M 4 58 L 60 58" {D}/>
"""


@icon("image_guidance", "Image guidance",
      "A screen showing a vertebra with a target mark on it.")
def _():
    return f"""
<rect x="6" y="8" width="52" height="36" rx="4" {D}/>
<path d="M 32 44 L 32 52 M 20 54 L 44 54" {D}/>
<path d="M 20 19 C 20 13 44 13 44 19 C 44 24 39 27 32 27 C 25 27 20 24 20 19 Z" {D2}/>
<path d="M 26 27 L 24 31 L 18 33 M 38 27 L 40 31 L 46 33 M 24 31 C 28 36 36 36 40 31 M 32 35 L 32 39" {D2}/>
<circle cx="40" cy="30" r="6" {A}/>
<path d="M 40 21 L 40 25 M 40 35 L 40 39 M 31 30 L 35 30 M 45 30 L 49 30" {A2}/>
"""


@icon("robotic_assistance", "Robotic assistance",
      "A robot arm holding a guide above the spine.")
def _():
    return f"""
<rect x="8" y="52" width="22" height="8" rx="2" {D}/>
<path d="M 19 52 L 19 34 L 38 18 L 50 30" {D}/>
<circle cx="19" cy="34" r="4" fill="#ffffff" stroke="{ACCENT}" stroke-width="3"/>
<circle cx="38" cy="18" r="4" fill="#ffffff" stroke="{ACCENT}" stroke-width="3"/>
<path d="M 50 30 L 50 46" {A}/>
<path d="M 46 30 L 54 30" {A}/>
<path d="M 40 56 L 60 56" {D2}/>
"""


@icon("percutaneous_screws", "Percutaneous screws",
      "A screw placed through a small skin opening into a vertebra, "
      "with a thin guide tower above the skin.")
def _():
    return f"""
<path d="M 4 22 L 26 22 M 38 22 L 60 22" {D}/>
<rect x="10" y="38" width="44" height="20" rx="5" {D}/>
<path d="M 29 4 L 29 26 M 35 4 L 35 26" {A2}/>
<path d="M 26 26 L 26 32 L 38 32 L 38 26" {A}/>
<path d="M 32 32 L 32 54" {A}/>
<path d="M 28 38 L 36 40 M 28 43 L 36 45 M 28 48 L 36 50" {A2}/>
"""


@icon("bone_graft_implants", "Bone graft and implants",
      "A spacer with bone graft inside, placed between two vertebrae.")
def _():
    return f"""
<rect x="8" y="4" width="48" height="18" rx="5" {D}/>
<rect x="8" y="42" width="48" height="18" rx="5" {D}/>
<rect x="16" y="26" width="32" height="12" rx="2" {A}/>
<circle cx="25" cy="32" r="2" {AF}/>
<circle cx="32" cy="32" r="2" {AF}/>
<circle cx="39" cy="32" r="2" {AF}/>
"""


@icon("tubular_discectomy", "Tubular discectomy",
      "A tube reaching a bulging disc that presses on a nerve, seen from above.")
def _():
    return f"""
<rect x="6" y="4" width="34" height="18" rx="4" {D}/>
<rect x="6" y="42" width="34" height="18" rx="4" {D}/>
<path d="M 8 26 L 38 26 C 44 26 46 29 46 32 C 46 35 44 38 38 38 L 8 38" {D}/>
<circle cx="53" cy="26" r="4" {D2}/>
<path d="M 44 62 L 41 44 L 53 42 L 58 60" {A}/>
<ellipse cx="47" cy="43" rx="6" ry="2" transform="rotate(-10 47 43)" {A2}/>
"""


@icon("endoscopic_discectomy", "Endoscopic discectomy",
      "A thin camera scope reaching a bulging disc that presses on a nerve, seen from above.")
def _():
    return f"""
<rect x="6" y="4" width="34" height="18" rx="4" {D}/>
<rect x="6" y="42" width="34" height="18" rx="4" {D}/>
<path d="M 8 26 L 38 26 C 44 26 46 29 46 32 C 46 35 44 38 38 38 L 8 38" {D}/>
<circle cx="53" cy="26" r="4" {D2}/>
<path d="M 60 62 L 48 44" fill="none" stroke="{ACCENT}" stroke-width="4" stroke-linecap="round"/>
<path d="M 44 42 L 42 40 M 47 40 L 47 37 M 42 46 L 39 46" {A2}/>
"""


@icon("mis_decompression", "Minimally invasive decompression",
      "A narrowed spinal canal around a nerve, with arrows showing it being widened.")
def _():
    return f"""
<circle cx="32" cy="32" r="9" {D}/>
<circle cx="32" cy="32" r="3.5" {DF}/>
<circle cx="32" cy="32" r="20" fill="none" stroke="{ACCENT}" stroke-width="2.5" stroke-dasharray="5 4"/>
<path d="M 32 21 L 32 8 M 32 43 L 32 56 M 21 32 L 8 32 M 43 32 L 56 32" {A}/>
<path d="M 27 12 L 32 6 L 37 12 M 27 52 L 32 58 L 37 52 M 12 27 L 6 32 L 12 37 M 52 27 L 58 32 L 52 37" {A}/>
"""


@icon("mi_tlif", "Minimally invasive TLIF",
      "Two vertebrae seen from the side with a spacer between them and screws "
      "joined by a rod at the back.")
def _():
    return f"""
<rect x="6" y="6" width="32" height="20" rx="4" {D}/>
<rect x="6" y="38" width="32" height="20" rx="4" {D}/>
<rect x="12" y="29" width="20" height="6" rx="1.5" {AF}/>
<path d="M 26 16 L 52 16 M 26 48 L 52 48" {D}/>
<path d="M 54 10 L 54 54" fill="none" stroke="{ACCENT}" stroke-width="4" stroke-linecap="round"/>
"""


@icon("lateral_interbody_fusion", "Lateral interbody fusion",
      "Two vertebrae seen from the front with a long spacer pushed in from the side.")
def _():
    return f"""
<rect x="6" y="6" width="40" height="18" rx="5" {D}/>
<rect x="6" y="40" width="40" height="18" rx="5" {D}/>
<rect x="10" y="28" width="32" height="8" rx="2" {A}/>
<path d="M 62 32 L 50 32" {A}/>
<polygon points="46,32 53,27 53,37" {AF}/>
"""


@icon("alif", "Anterior lumbar interbody fusion (ALIF)",
      "Two vertebrae seen from the side with a spacer pushed in from the front, "
      "past a blood vessel moved aside.")
def _():
    return f"""
<rect x="26" y="6" width="32" height="18" rx="5" {D}/>
<rect x="26" y="40" width="32" height="18" rx="5" {D}/>
<polygon points="30,28 54,30 54,34 30,36" fill="none" stroke="{ACCENT}" stroke-width="3" stroke-linejoin="round"/>
<path d="M 2 32 L 18 32" {A}/>
<polygon points="24,32 17,27 17,37" {AF}/>
<path d="M 12 4 C 6 14 6 20 10 26 M 10 38 C 6 44 6 50 12 60" {D2}/>
"""


@icon("acdf", "Anterior cervical discectomy and fusion (ACDF)",
      "A head and neck bones seen from the side, with a small plate and screws "
      "on the front of two neck bones.")
def _():
    return f"""
<circle cx="38" cy="11" r="8" {D}/>
<rect x="28" y="23" width="22" height="10" rx="3" {D}/>
<rect x="28" y="37" width="22" height="10" rx="3" {D}/>
<rect x="28" y="51" width="22" height="10" rx="3" {D}/>
<rect x="31" y="34" width="16" height="2" {AF}/>
<rect x="17" y="24" width="7" height="22" rx="2" {A}/>
<circle cx="20.5" cy="28.5" r="1.8" {AF}/>
<circle cx="20.5" cy="41.5" r="1.8" {AF}/>
"""


@icon("posterior_cervical_foraminotomy", "Posterior cervical foraminotomy",
      "A head and neck bones seen from the side, with a small tube from the "
      "back of the neck making room for a nerve.")
def _():
    return f"""
<circle cx="22" cy="11" r="8" {D}/>
<rect x="12" y="23" width="22" height="10" rx="3" {D}/>
<rect x="12" y="37" width="22" height="10" rx="3" {D}/>
<rect x="12" y="51" width="22" height="10" rx="3" {D}/>
<circle cx="38" cy="35" r="3" {AF}/>
<path d="M 62 26 L 44 31 M 62 38 L 46 41" {A}/>
<ellipse cx="61" cy="32" rx="2" ry="6" transform="rotate(-15 61 32)" {A2}/>
"""


@icon("kyphoplasty_vertebroplasty", "Kyphoplasty and vertebroplasty",
      "A collapsed vertebra with a needle placing bone cement inside it.")
def _():
    return f"""
<rect x="8" y="4" width="38" height="12" rx="3" {D}/>
<path d="M 8 30 L 46 22 L 46 42 L 8 42 Z" {D}/>
<rect x="8" y="48" width="38" height="12" rx="3" {D}/>
<ellipse cx="26" cy="35" rx="10" ry="5" {AF}/>
<path d="M 34 35 L 60 56" {D}/>
<path d="M 54 52 L 60 46" {D2}/>
"""


# ------------------------------------------------------------------- UI --
@icon("urgent", "Urgent warning", "A warning triangle with an exclamation mark.")
def _():
    return f"""
<path d="M 32 6 L 60 56 L 4 56 Z" fill="none" stroke="{WARN}" stroke-width="4" stroke-linejoin="round"/>
<path d="M 32 24 L 32 40" fill="none" stroke="{DARK}" stroke-width="5" stroke-linecap="round"/>
<circle cx="32" cy="48" r="3" {DF}/>
"""


@icon("help", "Help", "A question mark in a circle.")
def _():
    return f"""
<circle cx="32" cy="32" r="26" {A}/>
<path d="M 24 25 C 24 19 28 16 32 16 C 37 16 41 19 41 24 C 41 29 36 31 34 33 C 32 35 32 37 32 39" fill="none" stroke="{DARK}" stroke-width="4.5" stroke-linecap="round" stroke-linejoin="round"/>
<circle cx="32" cy="47" r="3" {DF}/>
"""


@icon("info", "Information", "A letter i in a circle.")
def _():
    return f"""
<circle cx="32" cy="32" r="26" {A}/>
<circle cx="32" cy="19" r="3.2" {DF}/>
<path d="M 32 28 L 32 47" fill="none" stroke="{DARK}" stroke-width="5" stroke-linecap="round"/>
"""


@icon("sources", "Sources", "An open book.")
def _():
    return f"""
<path d="M 32 16 C 25 11 15 10 6 12 L 6 50 C 15 48 25 49 32 54 C 39 49 49 48 58 50 L 58 12 C 49 10 39 11 32 16 Z" {D}/>
<path d="M 32 16 L 32 54" {D}/>
<path d="M 12 20 C 18 19 23 20 27 22 M 12 28 C 18 27 23 28 27 30 M 12 36 C 18 35 23 36 27 38" {A2}/>
<path d="M 52 20 C 46 19 41 20 37 22 M 52 28 C 46 27 41 28 37 30 M 52 36 C 46 35 41 36 37 38" {A2}/>
"""


@icon("print", "Print", "A printer with a printed page coming out.")
def _():
    return f"""
<path d="M 18 22 L 18 6 L 46 6 L 46 22" {D}/>
<rect x="6" y="22" width="52" height="24" rx="4" {D}/>
<circle cx="49" cy="30" r="2.2" {AF}/>
<rect x="18" y="38" width="28" height="20" rx="1" fill="#ffffff" stroke="{ACCENT}" stroke-width="3" stroke-linejoin="round"/>
<path d="M 23 45 L 41 45 M 23 51 L 36 51" {A2}/>
"""


@icon("pdf", "PDF document", "A document page with a folded corner, marked PDF.")
def _():
    return f"""
<path d="M 12 4 L 40 4 L 52 16 L 52 60 L 12 60 Z" {D}/>
<path d="M 40 4 L 40 16 L 52 16" {D}/>
<rect x="6" y="30" width="40" height="18" rx="3" {AF}/>
<text x="26" y="44.5" font-family="{FONT}" font-size="14" font-weight="bold" fill="#ffffff" text-anchor="middle">PDF</text>
"""


@icon("surgeon", "Ask your surgeon", "A person in a surgical cap with a speech bubble.")
def _():
    return f"""
<circle cx="24" cy="28" r="9" {D}/>
<path d="M 14 25 C 14 15 34 15 34 25 Z" fill="{ACCENT}" stroke="{ACCENT}" stroke-width="2" stroke-linejoin="round"/>
<path d="M 6 60 C 6 46 14 41 24 41 C 34 41 42 46 42 60" {D}/>
<path d="M 38 4 L 60 4 L 60 20 L 50 20 L 44 26 L 44 20 L 38 20 Z" {A}/>
<circle cx="44" cy="12" r="1.8" {AF}/>
<circle cx="49" cy="12" r="1.8" {AF}/>
<circle cx="54" cy="12" r="1.8" {AF}/>
"""


# -------------------------------------------------------------- app icon --
def app_icon():
    bone = "#f3ecd9"
    bone_line = "#1a1a1a"
    body = [f'<rect x="8" y="8" width="240" height="240" rx="48" fill="{ACCENT}"/>']
    # four vertebrae seen from the side along a gentle curve: body (left),
    # spinous process pointing back and down (right), discs between bodies
    blocks = [(62, 62, -5), (50, 108, -2), (50, 154, 2), (62, 200, 5)]
    for i, (x, y, rot) in enumerate(blocks):
        g = [f'<g transform="rotate({rot} {x + 35} {y + 18})">']
        g.append(f'<polygon points="{x + 60},{y + 6} {x + 108},{y + 24} {x + 104},{y + 36} '
                 f'{x + 60},{y + 28}" fill="{bone}" stroke="{bone_line}" '
                 f'stroke-width="5" stroke-linejoin="round"/>')
        g.append(f'<rect x="{x}" y="{y}" width="72" height="36" rx="10" fill="{bone}" '
                 f'stroke="{bone_line}" stroke-width="5"/>')
        g.append("</g>")
        body.append("".join(g))
        if i < 3:
            nx = blocks[i + 1][0]
            body.append(f'<rect x="{min(x, nx) + 10}" y="{y + 37}" width="54" height="8" '
                        f'rx="4" fill="#9ed8d2"/>')
    # speech bubble with "i"
    body.append(
        '<path d="M 176 20 L 234 20 Q 242 20 242 28 L 242 84 Q 242 92 234 92 '
        'L 206 92 L 186 112 L 188 92 L 176 92 Q 168 92 168 84 L 168 28 Q 168 20 176 20 Z" '
        'fill="#b34700" stroke="#ffffff" stroke-width="6" stroke-linejoin="round"/>')
    body.append('<circle cx="205" cy="38" r="8" fill="#ffffff"/>')
    body.append('<rect x="198" y="52" width="14" height="30" rx="5" fill="#ffffff"/>')
    return svg("misaid", "App icon: a column of four vertebrae on a deep blue square, "
               "with an orange speech bubble containing the letter i.",
               "\n".join(body), size=256)


def main():
    for name, (title, desc, body) in ICONS.items():
        path = os.path.join(HERE, f"{name}.svg")
        with open(path, "w", encoding="utf-8") as f:
            f.write(svg(title, desc, body))
        print("wrote", path)
    path = os.path.join(HERE, "app.svg")
    with open(path, "w", encoding="utf-8") as f:
        f.write(app_icon())
    print("wrote", path)
    print("Render app.png with:  QT_QPA_PLATFORM=offscreen python3 "
          "assets/icons/make_icons.py --png   (needs PySide6)")


def render_png():
    from PySide6.QtGui import QGuiApplication, QImage, QPainter, QColor
    from PySide6.QtSvg import QSvgRenderer
    app = QGuiApplication([])  # noqa: F841
    r = QSvgRenderer(os.path.join(HERE, "app.svg"))
    assert r.isValid()
    img = QImage(256, 256, QImage.Format.Format_ARGB32)
    img.fill(QColor(0, 0, 0, 0))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    r.render(p)
    p.end()
    img.save(os.path.join(HERE, "app.png"))
    print("wrote", os.path.join(HERE, "app.png"))


if __name__ == "__main__":
    import sys
    main()
    if "--png" in sys.argv:
        render_png()
