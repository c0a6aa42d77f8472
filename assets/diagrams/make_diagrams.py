#!/usr/bin/env python3
"""Generate the approach diagrams for misaid (stdlib only).

Writes, next to this script:
  approach-overview.svg   all three paths shown equally
  approach-anterior.svg   front path highlighted (vessels + belly highlighted)
  approach-lateral.svg    side path highlighted (psoas + nerves highlighted)
  approach-posterior.svg  back path highlighted (back muscles + spinal nerves)
  tube-vs-open.svg        open surgery beside tube surgery
and, through region_diagrams.py, the twelve per-region pictures
  {neck,mid-back,low-back}-{overview,anterior,lateral,posterior}.svg

Usage:  python3 assets/diagrams/make_diagrams.py

The drawing is an axial slice through a lumbar vertebra seen from the feet
(radiology convention): the front of the body is at the TOP of the picture,
the patient's left side is on the RIGHT of the picture.  Only SVG features that
QtSvg (SVG Tiny 1.2 subset) renders are used: basic shapes, paths, text,
presentation attributes, stroke-dasharray.  No markers, CSS, filters or masks;
arrowheads are plain polygons.
"""

import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

FONT = "DejaVu Sans, Arial, sans-serif"

# Palette
TEXT = "#1a1a1a"
MUTED_TEXT = "#4d4d4d"      # 8.4:1 on white
BLUE = "#1f4e9c"            # ~8:1 on white
ORANGE = "#b34700"          # ~8:1 on white (highlight)
GREY_PATH = "#9a9a9a"
SKIN_FILL = "#fbf1e7"
SKIN_LINE = "#6b5443"
BOWEL_FILL = "#f0c9b8"
BOWEL_LINE = "#8a4b3c"
BOWEL_INNER = "#c48f7d"
ARTERY = "#b3261e"
VEIN = "#2f5597"
VESSEL_LINE = "#4a1410"
MUSCLE = "#c97b7b"
MUSCLE_LINE = "#6e3434"
MUSCLE_FIBRE = "#a85f5f"
BONE = "#e8e1cf"
BONE_LINE = "#4a4030"
NERVE = "#e9bf2f"
NERVE_DARK = "#c99a00"
NERVE_LINE = "#4d3a00"

W, H = 1000, 760
FS = 24          # label size: 14.4 px when the picture is 600 px wide
FS_PATH = 26     # path label size


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text(x, y, s, size=FS, weight="normal", fill=TEXT, anchor="start"):
    return (f'<text x="{x}" y="{y}" font-family="{FONT}" font-size="{size}" '
            f'font-weight="{weight}" fill="{fill}" text-anchor="{anchor}">'
            f'{esc(s)}</text>')


def arrow(x1, y1, x2, y2, color, width, head_len, head_w, dash=None):
    """Straight arrow from (x1,y1) to tip (x2,y2); arrowhead is a polygon."""
    dx, dy = x2 - x1, y2 - y1
    d = math.hypot(dx, dy)
    ux, uy = dx / d, dy / d
    bx, by = x2 - ux * head_len, y2 - uy * head_len      # base of the head
    px, py = -uy, ux                                      # perpendicular
    # shaft stops a little inside the head so dashes never poke out
    sx, sy = x2 - ux * head_len * 0.8, y2 - uy * head_len * 0.8
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    pts = [(x2, y2), (bx + px * head_w / 2, by + py * head_w / 2),
           (bx - px * head_w / 2, by - py * head_w / 2)]
    poly = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
    return (f'<line x1="{x1}" y1="{y1}" x2="{sx:.1f}" y2="{sy:.1f}" '
            f'stroke="{color}" stroke-width="{width}" stroke-linecap="butt"'
            f'{dash_attr}/>\n'
            f'<polygon points="{poly}" fill="{color}" stroke="{color}" '
            f'stroke-width="1" stroke-linejoin="round"/>')


def leader(x1, y1, x2, y2, hi):
    color = ORANGE if hi else TEXT
    w = 3.5 if hi else 2
    r = 6 if hi else 4.5
    return (f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{color}" '
            f'stroke-width="{w}"/>\n'
            f'<circle cx="{x2}" cy="{y2}" r="{r}" fill="{color}" '
            f'stroke="#ffffff" stroke-width="1.5"/>')


# ---------------------------------------------------------------- geometry --
SKIN = ("M 500 112 C 650 112 758 225 758 375 C 758 515 705 622 580 646 "
        "Q 540 652 500 638 Q 460 652 420 646 C 295 622 242 515 242 375 "
        "C 242 225 350 112 500 112 Z")

# Vertebral body (kidney shape, concave at the back where the canal is)
BODY = ("M 418 404 C 416 366 455 356 500 356 C 545 356 584 366 582 404 "
        "C 584 442 578 468 560 478 C 540 488 524 472 500 472 "
        "C 476 472 460 488 440 478 C 422 468 416 442 418 404 Z")

# Posterior arch: pedicles, transverse processes, laminae, spinous process.
ARCH = ("M 436 474 L 432 496 L 366 492 Q 348 504 364 522 L 432 524 "
        "L 476 566 L 486 626 Q 500 636 514 626 L 524 566 L 568 524 "
        "L 636 522 Q 652 504 634 492 L 568 496 L 564 474 "
        "C 556 482 552 492 554 506 Q 534 540 500 544 Q 466 540 446 506 "
        "C 448 492 444 482 436 474 Z")

# Psoas muscles (beside the vertebral body)
PSOAS_L = ("M 424 372 C 400 360 360 368 346 402 C 332 438 348 474 384 482 "
           "C 410 488 426 470 424 440 Z")
PSOAS_R = ("M 576 372 C 600 360 640 368 654 402 C 668 438 652 474 616 482 "
           "C 590 488 574 470 576 440 Z")
# Lumbar plexus nerve dots inside the back part of each psoas
PLEXUS_L = [(372, 452, 7), (394, 462, 6), (360, 432, 5)]
PLEXUS_R = [(628, 452, 7), (606, 462, 6), (640, 432, 5)]

# Back (paraspinal) muscles either side of the spinous process
BACKM_L = ("M 480 572 L 484 628 C 450 640 400 640 366 618 "
           "C 340 598 338 556 356 530 L 432 532 Z")
BACKM_R = ("M 520 572 L 516 628 C 550 640 600 640 634 618 "
           "C 660 598 662 556 644 530 L 568 532 Z")

# Bowel loops (cx, cy, rx, ry, rotation)
BOWEL = [
    (330, 246, 40, 30, -20), (410, 200, 40, 28, 15), (395, 272, 34, 26, 30),
    (300, 316, 28, 34, 10), (372, 166, 26, 20, -10),
    (670, 246, 40, 30, 20), (590, 200, 40, 28, -15), (612, 270, 30, 24, -30),
    (700, 316, 28, 34, -10), (628, 166, 26, 20, 10),
    (450, 150, 22, 16, 0), (550, 150, 22, 16, 0),
    (452, 236, 20, 27, 0), (548, 236, 20, 27, 0),
    (362, 322, 26, 18, 10), (638, 322, 26, 18, -10),
    (278, 250, 16, 26, 0), (722, 250, 16, 26, 0),
]


def bowel(hi):
    out = []
    for cx, cy, rx, ry, rot in BOWEL:
        tr = f'transform="rotate({rot} {cx} {cy})"'
        if hi:
            out.append(f'<ellipse cx="{cx}" cy="{cy}" rx="{rx + 5}" ry="{ry + 5}" '
                       f'fill="{ORANGE}" {tr}/>')
        out.append(f'<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" '
                   f'fill="{BOWEL_FILL}" stroke="{BOWEL_LINE}" stroke-width="2.5" {tr}/>')
        out.append(f'<ellipse cx="{cx}" cy="{cy}" rx="{rx * 0.5:.1f}" ry="{ry * 0.35:.1f}" '
                   f'fill="none" stroke="{BOWEL_INNER}" stroke-width="2" {tr}/>')
    return "\n".join(out)


def shape(d, fill, line, hi, lw=2.5):
    """A closed path; highlighted shapes get a thick orange rim underneath."""
    out = []
    if hi:
        # thick orange rim broken by short white dashes: reads in colour and
        # in black-and-white print
        out.append(f'<path d="{d}" fill="{ORANGE}" stroke="{ORANGE}" '
                   f'stroke-width="18" stroke-linejoin="round"/>')
        out.append(f'<path d="{d}" fill="none" stroke="#ffffff" '
                   f'stroke-width="18" stroke-dasharray="4 10"/>')
    out.append(f'<path d="{d}" fill="{fill}" stroke="{line}" stroke-width="{lw}" '
               f'stroke-linejoin="round"/>')
    return "\n".join(out)


def muscle_fibres(side):
    s = 1 if side == "R" else -1
    lines = []
    for i, (a, b) in enumerate([(372, 560), (378, 590), (392, 614)]):
        x1 = 500 + s * (500 - a)
        x2 = 500 + s * (500 - (a + 80))
        lines.append(f'<path d="M {x1} {b} Q {(x1 + x2) / 2} {b - 12} {x2} {b + 4}" '
                     f'fill="none" stroke="{MUSCLE_FIBRE}" stroke-width="2"/>')
    return "\n".join(lines)


def psoas_fibres(side):
    s = 1 if side == "R" else -1
    out = []
    for (a, b, c, d) in [(410, 386, 362, 404), (414, 410, 354, 424)]:
        out.append(f'<line x1="{500 + s * (500 - a)}" y1="{b}" '
                   f'x2="{500 + s * (500 - c)}" y2="{d}" '
                   f'stroke="{MUSCLE_FIBRE}" stroke-width="2"/>')
    return "\n".join(out)


def plexus(dots, hi):
    out = []
    for cx, cy, r in dots:
        if hi:
            out.append(f'<circle cx="{cx}" cy="{cy}" r="{r + 4}" fill="{ORANGE}"/>')
        out.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{NERVE}" '
                   f'stroke="{NERVE_LINE}" stroke-width="2"/>')
    return "\n".join(out)


def spinal_nerves(hi):
    out = []
    roots = ["M 468 496 C 450 488 430 478 404 468",
             "M 532 496 C 550 488 570 478 596 468"]
    if hi:
        out.append(f'<ellipse cx="500" cy="508" rx="42" ry="31" fill="{ORANGE}"/>')
        for d in roots:
            out.append(f'<path d="{d}" fill="none" stroke="{ORANGE}" '
                       f'stroke-width="20" stroke-linecap="round"/>')
    for d in roots:
        out.append(f'<path d="{d}" fill="none" stroke="{NERVE_LINE}" '
                   f'stroke-width="12" stroke-linecap="round"/>')
        out.append(f'<path d="{d}" fill="none" stroke="{NERVE}" '
                   f'stroke-width="7" stroke-linecap="round"/>')
    out.append(f'<ellipse cx="500" cy="508" rx="35" ry="24" fill="{NERVE}" '
               f'stroke="{NERVE_LINE}" stroke-width="2.5"/>')
    # a few nerve strands inside the sac
    for cx, cy in [(486, 512), (500, 516), (514, 512), (493, 500), (507, 500)]:
        out.append(f'<circle cx="{cx}" cy="{cy}" r="3.5" fill="{NERVE_DARK}" '
                   f'stroke="{NERVE_LINE}" stroke-width="1"/>')
    return "\n".join(out)


def vessels(hi):
    out = []
    if hi:
        out.append(f'<ellipse cx="446" cy="334" rx="37" ry="26" fill="{ORANGE}"/>')
        out.append(f'<circle cx="556" cy="330" r="30" fill="{ORANGE}"/>')
    out.append(f'<ellipse cx="446" cy="334" rx="31" ry="20" fill="{VEIN}" '
               f'stroke="{VESSEL_LINE}" stroke-width="2.5"/>')
    out.append(f'<circle cx="556" cy="330" r="24" fill="{ARTERY}" '
               f'stroke="{VESSEL_LINE}" stroke-width="2.5"/>')
    out.append('<circle cx="556" cy="330" r="13" fill="#d9706a" stroke="none"/>')
    return "\n".join(out)


# ------------------------------------------------------------------ paths --
# name -> (arrow start, arrow tip, label anchor, label, label text-anchor)
PATHS = {
    "anterior": ((500, 22), (500, 350), (516, 60), "Front (anterior)", "start"),
    "lateral": ((992, 420), (588, 420), (992, 400), "Side (lateral)", "end"),
    "posterior": ((556, 750), (556, 548), (574, 740), "Back (posterior)", "start"),
}

STRUCTURES_HI = {
    None: set(),
    "anterior": {"vessels", "belly"},
    "lateral": {"psoas"},
    "posterior": {"backm", "nerves"},
}

TITLES = {
    None: ("Three ways to reach the lower spine",
           "Cross-section of the body at the lower back, seen from the feet. "
           "The front of the body (belly) is at the top of the picture and the "
           "back is at the bottom. In the middle is a vertebra with the spinal "
           "nerves behind it. In front of the spine are the belly and the large "
           "blood vessels; beside it are the psoas muscles with nerves inside; "
           "behind it are the back muscles. Three arrows show the three ways a "
           "surgeon can reach the spine: from the front (anterior), from the "
           "side (lateral) and from the back (posterior)."),
    "anterior": ("Front (anterior) approach to the lower spine",
                 "Same cross-section of the body at the lower back, seen from "
                 "the feet, front of the body at the top. The front path is "
                 "highlighted with a thick dashed orange arrow coming down from "
                 "the belly side: it passes beside the bowel (belly) and "
                 "between the large blood vessels to reach the front of the "
                 "vertebra. The belly and the large blood vessels are outlined "
                 "in orange. The side and back paths are shown thin and grey."),
    "lateral": ("Side (lateral) approach to the lower spine",
                "Same cross-section of the body at the lower back, seen from "
                "the feet, front of the body at the top. The side path is "
                "highlighted with a thick dashed orange arrow coming in from "
                "the flank: it passes through the psoas muscle, which contains "
                "nerves, to reach the side of the vertebra. The psoas muscle "
                "and its nerves are outlined in orange. The front and back "
                "paths are shown thin and grey."),
    "posterior": ("Back (posterior) approach to the lower spine",
                  "Same cross-section of the body at the lower back, seen from "
                  "the feet, front of the body at the top. The back path is "
                  "highlighted with a thick dashed orange arrow coming up from "
                  "the back: it passes through the back muscles beside the "
                  "spine to reach the bony arch behind the spinal nerves. The "
                  "back muscles and the spinal nerves are outlined in orange. "
                  "The front and side paths are shown thin and grey."),
}


def orientation():
    """'Front of body' / 'Back of body' markers in the left corners."""
    out = []
    # Front: up-pointing triangle + text
    out.append(f'<polygon points="34,20 50,44 18,44" fill="{TEXT}"/>')
    out.append(text(60, 42, "Front of body", FS, "bold"))
    out.append(f'<polygon points="34,744 50,720 18,720" fill="{TEXT}"/>')
    out.append(text(60, 742, "Back of body", FS, "bold"))
    return "\n".join(out)


def path_arrows(variant):
    out_faint, out_strong, labels = [], [], []
    for name, (s, t, lp, label, anchor) in PATHS.items():
        if variant is None:
            out_strong.append(arrow(*s, *t, BLUE, 8, 30, 30))
            labels.append(text(*lp, label, FS_PATH, "bold", BLUE, anchor))
        elif name == variant:
            # white under-stroke so the dashed arrow stays clear over anatomy
            out_strong.append(arrow(*s, *t, "#ffffff", 18, 44, 50))
            out_strong.append(arrow(*s, *t, ORANGE, 11, 40, 42, dash="24 10"))
            labels.append(text(*lp, label, FS_PATH + 2, "bold", ORANGE, anchor))
        else:
            out_faint.append(arrow(*s, *t, GREY_PATH, 3, 16, 16, dash="8 7"))
            labels.append(text(*lp, label, FS_PATH - 2, "normal", MUTED_TEXT, anchor))
    return "\n".join(out_faint), "\n".join(out_strong), "\n".join(labels)


def structure_labels(hi):
    def w(key):
        return "bold" if key in hi else "normal"
    out = []
    # left column, right-aligned at x=232
    out.append(text(232, 224, "Belly", FS, w("belly"), anchor="end"))
    out.append(leader(240, 216, 300, 240, "belly" in hi))
    out.append(text(232, 350, "Large blood", FS, w("vessels"), anchor="end"))
    out.append(text(232, 378, "vessels", FS, w("vessels"), anchor="end"))
    out.append(leader(240, 356, 420, 340, "vessels" in hi))
    out.append(text(232, 470, "Spinal", FS, w("nerves"), anchor="end"))
    out.append(text(232, 498, "nerves", FS, w("nerves"), anchor="end"))
    out.append(leader(240, 478, 470, 506, "nerves" in hi))
    out.append(text(232, 606, "Back", FS, w("backm"), anchor="end"))
    out.append(text(232, 634, "muscles", FS, w("backm"), anchor="end"))
    out.append(leader(240, 612, 404, 604, "backm" in hi))
    # right column
    out.append(text(770, 486, "Psoas muscle", FS, w("psoas"), anchor="start"))
    out.append(text(770, 514, "and nerves", FS, w("psoas"), anchor="start"))
    out.append(leader(764, 490, 640, 452, "psoas" in hi))
    # vertebra label inside the bone
    out.append(text(500, 428, "Vertebra", 22, "bold", TEXT, "middle"))
    return "\n".join(out)


def build(variant):
    hi = STRUCTURES_HI[variant]
    title, desc = TITLES[variant]
    faint, strong, plabels = path_arrows(variant)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" '
        f'baseProfile="tiny" width="{W}" height="{H}" viewBox="0 0 {W} {H}">',
        f'<title>{esc(title)}</title>',
        f'<desc>{esc(desc)}</desc>',
        f'<rect x="0" y="0" width="{W}" height="{H}" fill="#ffffff"/>',
        "<!-- skin outline (body cross-section) -->",
        f'<path d="{SKIN}" fill="{SKIN_FILL}" stroke="{SKIN_LINE}" stroke-width="4"/>',
        "<!-- belly: bowel loops -->",
        bowel("belly" in hi),
        "<!-- psoas muscles with lumbar plexus nerves -->",
        shape(PSOAS_L, MUSCLE, MUSCLE_LINE, "psoas" in hi),
        shape(PSOAS_R, MUSCLE, MUSCLE_LINE, "psoas" in hi),
        psoas_fibres("L"), psoas_fibres("R"),
        plexus(PLEXUS_L, "psoas" in hi), plexus(PLEXUS_R, "psoas" in hi),
        "<!-- back muscles -->",
        shape(BACKM_L, MUSCLE, MUSCLE_LINE, "backm" in hi),
        shape(BACKM_R, MUSCLE, MUSCLE_LINE, "backm" in hi),
        muscle_fibres("L"), muscle_fibres("R"),
        "<!-- vertebra: body and posterior arch -->",
        shape(ARCH, BONE, BONE_LINE, False, 3),
        shape(BODY, BONE, BONE_LINE, False, 3),
        "<!-- spinal nerves in the canal -->",
        spinal_nerves("nerves" in hi),
        "<!-- large blood vessels: vena cava (patient's right) and aorta -->",
        vessels("vessels" in hi),
        "<!-- paths -->",
        faint, strong,
        "<!-- labels -->",
        orientation(),
        structure_labels(hi),
        plabels,
        "</svg>",
    ]
    return "\n".join(p for p in parts if p) + "\n"



# ------------------------------------------------------ tube vs open surgery --
TV_W, TV_H = 1000, 660
SKIN_Y = 178          # top of skin in the tube-vs-open picture
MUSCLE_LIGHT = "#e2a7a7"   # light enough for dark text on it (8:1)
FASCICLE_LINE = "#9c5656"
METAL = "#a7afb8"
METAL_LINE = "#333a42"


def _arch(cx):
    """Back part of a vertebra seen in cross-section, back of body at the top:
    spinous process pointing up, laminae, transverse processes, canal roof."""
    side = [(22, 325), (100, 347), (190, 361), (200, 377), (190, 391), (110, 393),
            (70, 405)]
    right = " ".join(f"L {cx + x} {y}" for x, y in side)
    left = " ".join(f"L {cx - x} {y}" for x, y in reversed(side[:-1]))
    return (f"M {cx - 16} 257 Q {cx} 245 {cx + 16} 257 {right} "
            f"Q {cx + 40} 428 {cx} 430 Q {cx - 40} 428 {cx - 70} 405 {left} Z")


def _body(cx):
    return (f"M {cx - 105} 500 C {cx - 108} 476 {cx - 80} 468 {cx - 45} 470 "
            f"Q {cx} 488 {cx + 45} 470 C {cx + 80} 468 {cx + 108} 476 {cx + 105} 500 "
            f"C {cx + 104} 530 {cx + 80} 540 {cx} 540 C {cx - 80} 540 {cx - 104} 530 "
            f"{cx - 105} 500 Z")


def _fascicles(cx, mode):
    """Muscle bundles seen end-on. mode: 'open' (pushed aside) or 'tube'."""
    out = []
    row = 0
    y = 222
    while y < 392:
        off = 0 if row % 2 == 0 else 15
        x = -212 + off
        while x <= 212:
            rx, ry, nx = 12, 9, x
            if mode == "open":
                # bundles squeezed sideways by the retractor blades
                ax = abs(x)
                if ax < 100:
                    x += 30
                    continue
                nx = (162 + (ax - 100) * (60 / 112)) * (1 if x >= 0 else -1)
                rx = 7
            elif mode == "tube":
                # bundles pushed gently aside around the tube, not cut
                dx = x - 60
                if abs(dx) < 90:
                    side = 1 if dx >= 0 else -1
                    nx = 60 + side * (38 + abs(dx) * (52 / 90))
                    rx = 7
            out.append(f'<ellipse cx="{cx + nx:.1f}" cy="{y}" rx="{rx}" ry="{ry}" '
                       f'fill="none" stroke="{FASCICLE_LINE}" stroke-width="1.8"/>')
            x += 30
        y += 22
        row += 1
    return "\n".join(out)


def _open_muscle(cx, s):
    """One side's muscle, pulled outward: inner edge curves away from the gap."""
    def X(v):
        return cx + s * v
    x1 = 232
    return (f"M {X(112)} {SKIN_Y + 26} L {X(x1)} {SKIN_Y + 26} L {X(x1)} 380 "
            f"Q {X(x1)} 404 {X(x1 - 30)} 404 L {X(150)} 404 L {X(142)} 356 "
            f"Q {X(160)} 300 {X(152)} 252 Q {X(144)} 214 {X(112)} {SKIN_Y + 26} Z")


def _layers(cx, mode):
    x0, x1 = cx - 232, cx + 232
    out = []
    if mode == "open":
        # the opening: a wide, calm gap where the muscles have been pulled aside
        out.append(f'<rect x="{cx - 160}" y="{SKIN_Y}" width="320" height="226" '
                   f'fill="#fbf5ef"/>')
        for s in (-1, 1):
            out.append(f'<path d="{_open_muscle(cx, s)}" fill="{MUSCLE_LIGHT}" '
                       f'stroke="{MUSCLE_LINE}" stroke-width="2.5" stroke-linejoin="round"/>')
    else:
        out.append(f'<path d="M {x0} {SKIN_Y + 26} L {x1} {SKIN_Y + 26} L {x1} 380 '
                   f'Q {x1} 404 {x1 - 30} 404 L {x0 + 30} 404 Q {x0} 404 {x0} 380 Z" '
                   f'fill="{MUSCLE_LIGHT}" stroke="{MUSCLE_LINE}" stroke-width="2.5"/>')
    out.append(_fascicles(cx, mode))
    # fat + skin on top
    if mode == "open":
        segs = [(x0, cx - 112), (cx + 112, x1)]
    else:
        segs = [(x0, cx + 26), (cx + 94, x1)]
    for a, b in segs:
        out.append(f'<rect x="{a}" y="{SKIN_Y + 12}" width="{b - a}" height="14" '
                   f'fill="#fbeede" stroke="none"/>')
        out.append(f'<rect x="{a}" y="{SKIN_Y}" width="{b - a}" height="12" '
                   f'fill="#e9c3a4" stroke="{SKIN_LINE}" stroke-width="2.5"/>')
    if mode == "tube":
        out.append(_tube(cx))
    # bone and nerves
    out.append(f'<path d="{_body(cx)}" fill="{BONE}" stroke="{BONE_LINE}" stroke-width="3"/>')
    out.append(f'<ellipse cx="{cx}" cy="{452}" rx="36" ry="17" fill="{NERVE}" '
               f'stroke="{NERVE_LINE}" stroke-width="2.5"/>')
    out.append(f'<path d="{_arch(cx)}" fill="{BONE}" stroke="{BONE_LINE}" '
               f'stroke-width="3" stroke-linejoin="round"/>')
    return "\n".join(out)


def _retractor(cx, side):
    """One retractor blade (side=+1 right, -1 left) with its arm."""
    s = side
    def X(v):
        return cx + s * v
    d = (f"M {X(104)} 112 L {X(106)} {SKIN_Y + 22} Q {X(136)} 216 {X(144)} 256 "
         f"Q {X(152)} 306 {X(140)} 334 L {X(128)} 342")
    arm = (f'<rect x="{min(X(98), X(236))}" y="100" width="138" height="14" rx="4" '
           f'fill="{METAL}" stroke="{METAL_LINE}" stroke-width="2.5"/>')
    return "\n".join([
        arm,
        f'<path d="{d}" fill="none" stroke="{METAL_LINE}" stroke-width="15" '
        f'stroke-linecap="round" stroke-linejoin="round"/>',
        f'<path d="{d}" fill="none" stroke="{METAL}" stroke-width="9" '
        f'stroke-linecap="round" stroke-linejoin="round"/>',
    ])


def _tube(cx):
    tx0, tx1 = cx + 33, cx + 87          # 54 units ~ 18 mm at this scale
    top, bot = 142, 340
    out = [
        # light inside the tube
        f'<polygon points="{tx0 + 7},{top + 6} {tx1 - 7},{top + 6} {tx1 - 7},{bot} '
        f'{tx0 + 7},{bot}" fill="url(#beam)"/>',
        # walls
        f'<rect x="{tx0}" y="{top}" width="7" height="{bot - top}" fill="url(#metal)" '
        f'stroke="{METAL_LINE}" stroke-width="2"/>',
        f'<rect x="{tx1 - 7}" y="{top}" width="7" height="{bot - top}" fill="url(#metal)" '
        f'stroke="{METAL_LINE}" stroke-width="2"/>',
        # rim
        f'<ellipse cx="{(tx0 + tx1) / 2}" cy="{top}" rx="{(tx1 - tx0) / 2 + 2}" ry="7" '
        f'fill="none" stroke="{METAL_LINE}" stroke-width="3"/>',
        # light source (on the inner right wall) and its cable
        f'<path d="M {tx1 - 14} {top + 16} C {tx1 - 14} {top - 4} {tx1 + 10} {top - 10} '
        f'{tx1 + 70} {top - 6}" fill="none" stroke="{METAL_LINE}" stroke-width="4" '
        f'stroke-linecap="round"/>',
        f'<circle cx="{tx1 - 14}" cy="{top + 20}" r="7" fill="#ffd23f" '
        f'stroke="{NERVE_LINE}" stroke-width="2"/>',
    ]
    for dx, dy in [(-12, 4), (-4, 14), (6, 16)]:
        out.append(f'<line x1="{tx1 - 14 + dx * 0.8:.1f}" y1="{top + 30 + dy * 0.3:.1f}" '
                   f'x2="{tx1 - 14 + dx * 1.6:.1f}" y2="{top + 30 + dy * 1.2:.1f}" '
                   f'stroke="#8a6a00" stroke-width="2" stroke-linecap="round"/>')
    # width bracket above the tube
    y = 128
    out.append(f'<line x1="{tx0}" y1="{y}" x2="{tx1}" y2="{y}" stroke="{TEXT}" stroke-width="2"/>')
    out.append(f'<line x1="{tx0}" y1="{y - 7}" x2="{tx0}" y2="{y + 7}" stroke="{TEXT}" stroke-width="2"/>')
    out.append(f'<line x1="{tx1}" y1="{y - 7}" x2="{tx1}" y2="{y + 7}" stroke="{TEXT}" stroke-width="2"/>')
    return "\n".join(out)


def build_tube_vs_open():
    L, R = 250, 750
    title = "Open surgery compared with minimally invasive (tube) surgery"
    desc = ("Two cross-sections of the lower back, back of the body at the top, "
            "showing skin, back muscle, the spine (bone) and the nerves. "
            "Left, open surgery: a long skin cut, and the back muscles are pulled "
            "far apart by two metal retractor blades to uncover the spine. "
            "Right, minimally invasive surgery: a narrow tube about 18 mm wide "
            "goes through a small cut and passes between the muscle bundles, "
            "which are pushed gently aside rather than cut; a small light inside "
            "the tube lets the surgeon see down to the spine.")
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
        f'width="{TV_W}" height="{TV_H}" viewBox="0 0 {TV_W} {TV_H}">',
        f"<title>{esc(title)}</title>",
        f"<desc>{esc(desc)}</desc>",
        "<defs>",
        '<linearGradient id="metal" x1="0" y1="0" x2="1" y2="0">'
        '<stop offset="0" stop-color="#8d96a0"/><stop offset="0.5" stop-color="#e3e7eb"/>'
        '<stop offset="1" stop-color="#8d96a0"/></linearGradient>',
        '<linearGradient id="beam" x1="0" y1="0" x2="0" y2="1">'
        '<stop offset="0" stop-color="#fff2a8"/><stop offset="1" stop-color="#fffbe6"/>'
        '</linearGradient>',
        "</defs>",
        f'<rect x="0" y="0" width="{TV_W}" height="{TV_H}" fill="#ffffff"/>',
        f'<line x1="500" y1="16" x2="500" y2="{TV_H - 16}" stroke="#8a8a8a" '
        f'stroke-width="2" stroke-dasharray="6 6"/>',
        text(L, 44, "Open surgery", 30, "bold", TEXT, "middle"),
        text(R, 44, "Minimally invasive", 30, "bold", TEXT, "middle"),
        "<!-- left: open -->",
        _layers(L, "open"),
        _retractor(L, -1), _retractor(L, 1),
        "<!-- right: tube -->",
        _layers(R, "tube"),
        text(R - 232, 84, "Tube about 18 mm wide,", FS, "bold", TEXT, "start"),
        text(R - 232, 112, "with its own light", FS, "bold", TEXT, "start"),
        "<!-- part labels -->",
        *[text(c - 228, 168, "Skin", FS, "normal", TEXT, "start") for c in (L, R)],
        *[text(c - 228, 438, "Muscle", FS, "normal", TEXT, "start") for c in (L, R)],
        *[text(c - 118, 512, "Spine", FS, "normal", TEXT, "end") for c in (L, R)],
        *[text(c + 46, 460, "Nerves", FS, "normal", TEXT, "start") for c in (L, R)],
        "<!-- captions -->",
        text(L, 588, "Long cut,", FS + 2, "bold", TEXT, "middle"),
        text(L, 618, "muscles pulled aside", FS + 2, "bold", TEXT, "middle"),
        text(R, 588, "Small cut, tube passes", FS + 2, "bold", TEXT, "middle"),
        text(R, 618, "between muscle fibres", FS + 2, "bold", TEXT, "middle"),
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def main():
    names = {None: "approach-overview.svg", "anterior": "approach-anterior.svg",
             "lateral": "approach-lateral.svg", "posterior": "approach-posterior.svg"}
    for variant, fname in names.items():
        path = os.path.join(HERE, fname)
        with open(path, "w", encoding="utf-8") as f:
            f.write(build(variant))
        print("wrote", path)
    path = os.path.join(HERE, "tube-vs-open.svg")
    with open(path, "w", encoding="utf-8") as f:
        f.write(build_tube_vs_open())
    print("wrote", path)
    # the twelve per-region pictures (neck, mid-back, low-back) live in a
    # sibling script that shares this palette
    sys.dont_write_bytecode = True      # no __pycache__ among the assets
    import region_diagrams
    region_diagrams.main()


if __name__ == "__main__":
    main()
