#!/usr/bin/env python3
"""Generate the twelve region approach diagrams for misaid (stdlib only).

Writes, next to this script, for each region (neck, mid-back, low-back):
  <region>-overview.svg    all paths shown equally ("Front", "Side", "Back")
  <region>-anterior.svg    front path highlighted
  <region>-lateral.svg     side path highlighted (neck: crossed out, not used)
  <region>-posterior.svg   back path highlighted

Usage:  python3 assets/diagrams/make_diagrams.py   (runs this too)
   or:  python3 assets/diagrams/region_diagrams.py

Each picture is an axial slice through the body seen from the feet
(radiology convention): the front of the body is at the TOP, the patient's
left side is on the RIGHT of the picture.  Same palette and the same SVG
subset as make_diagrams.py (basic shapes, paths, text, presentation
attributes, stroke-dasharray; no markers, CSS, filters or masks).

Size rules (checked by tests/core/test_diagrams.py):
  route pictures are shown 300 px wide, overviews 560 px wide; every label must
  be at least 16 px there: font-size * display width / viewBox width >= 16.
  At most 4 labels in a route picture, 6 in an overview; labels inside the
  viewBox and not overlapping (text width estimated as 0.6 * size * chars).
"""

import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True      # no __pycache__ among the assets
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from make_diagrams import (  # noqa: E402  (palette shared with the lumbar set)
    ARTERY,
    BLUE,
    BONE,
    BONE_LINE,
    BOWEL_FILL,
    BOWEL_INNER,
    BOWEL_LINE,
    FONT,
    GREY_PATH,
    MUSCLE,
    MUSCLE_FIBRE,
    MUSCLE_LINE,
    MUTED_TEXT,
    NERVE,
    NERVE_DARK,
    NERVE_LINE,
    ORANGE,
    SKIN_FILL,
    SKIN_LINE,
    TEXT,
    VEIN,
    VESSEL_LINE,
    esc,
)

# Text in orange needs a darker shade than the orange rims: 8.1:1 on white.
ORANGE_TEXT = "#8a3600"
CROSS = "#5e5e5e"           # the "not used" cross
LUNG_FILL = "#e6edf5"
LUNG_LINE = "#51627a"
LUNG_MARK = "#a9b8cc"
HEART_FILL = "#dca1a1"
CANAL_FILL = "#fff7dc"
WHITE = "#ffffff"

W, H = 600, 460             # every picture: route pictures and overviews
ROUTE_DISPLAY = 300         # px the app shows a route picture
OVERVIEW_DISPLAY = 560      # px the app shows an overview
MIN_PX = 16                 # smallest label on screen (12 pt)

FS = 32                     # route pictures: 32 * 300 / 600 = 16 px
FS_ROUTE = 32               # route name in a route picture: 16 px, bold
FS_OV = 22                  # overview labels: 22 * 560 / 600 = 20.5 px
FS_OV_ROUTE = 26            # "Front", "Side", "Back" in an overview: 24.3 px

MAX_LABELS = {"route": 4, "overview": 6}

REGIONS = ("neck", "mid-back", "low-back")
VARIANTS = (None, "anterior", "lateral", "posterior")


def filename(region, variant):
    return f"{region}-{variant or 'overview'}.svg"


# ------------------------------------------------------------ geometry --
def fmt(v):
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def smooth(points):
    """Closed Catmull-Rom spline through points, as an SVG path (cubic Béziers)."""
    n = len(points)
    d = [f"M {fmt(points[0][0])} {fmt(points[0][1])}"]
    for i in range(n):
        p0, p1, p2, p3 = (points[(i - 1) % n], points[i], points[(i + 1) % n],
                          points[(i + 2) % n])
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        d.append(f"C {fmt(c1[0])} {fmt(c1[1])} {fmt(c2[0])} {fmt(c2[1])} "
                 f"{fmt(p2[0])} {fmt(p2[1])}")
    return " ".join(d) + " Z"




def mirror(points, cx=300):
    return [(2 * cx - x, y) for x, y in points]


def outline(cx, cy, rx, ry, n=2.0, front_narrow=0.0, count=48):
    """Superellipse body outline; front_narrow pinches the top half."""
    pts = []
    for i in range(count):
        t = 2 * math.pi * i / count
        c, s = math.cos(t), math.sin(t)
        x = rx * math.copysign(abs(c) ** (2 / n), c)
        y = ry * math.copysign(abs(s) ** (2 / n), s)
        if y < 0:
            x *= 1 - front_narrow * (y / ry) ** 2
        pts.append((cx + x, cy + y))
    return pts


def inside(poly, x, y):
    """Point in polygon (even-odd)."""
    hit = False
    n = len(poly)
    for i in range(n):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def dense(points, steps=8):
    """Sample the closed Catmull-Rom spline through points as a polygon."""
    n = len(points)
    out = []
    for i in range(n):
        p0, p1, p2, p3 = (points[(i - 1) % n], points[i], points[(i + 1) % n],
                          points[(i + 2) % n])
        for k in range(steps):
            t = k / steps
            t2, t3 = t * t, t * t * t
            out.append(tuple(
                0.5 * ((2 * p1[j]) + (-p0[j] + p2[j]) * t
                       + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2
                       + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3)
                for j in range(2)))
    return out


# -------------------------------------------------------------- drawing --
def path(d, fill, line, lw=2.5, extra=""):
    return (f'<path d="{d}" fill="{fill}" stroke="{line}" stroke-width="{lw}" '
            f'stroke-linejoin="round"{extra}/>')


def rim(d, width=12):
    """Thick orange rim broken by short white dashes, drawn under a shape:
    reads in colour and in black-and-white print (as in make_diagrams.py)."""
    return (f'<path d="{d}" fill="{ORANGE}" stroke="{ORANGE}" '
            f'stroke-width="{width}" stroke-linejoin="round"/>\n'
            f'<path d="{d}" fill="none" stroke="{WHITE}" stroke-width="{width}" '
            f'stroke-dasharray="3 7"/>')


def shape(d, fill, line, hi, lw=2.5):
    return (rim(d) + "\n" if hi else "") + path(d, fill, line, lw)


def ellipse_d(cx, cy, rx, ry, rot=0):
    """An ellipse as a path (so it can carry a rim like any other shape)."""
    pts = []
    a = math.radians(rot)
    for i in range(24):
        t = 2 * math.pi * i / 24
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * math.cos(a) - y * math.sin(a),
                    cy + x * math.sin(a) + y * math.cos(a)))
    return smooth(pts)


def circle(cx, cy, r, fill, line, lw=2):
    return (f'<circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r)}" fill="{fill}" '
            f'stroke="{line}" stroke-width="{lw}"/>')


def line(x1, y1, x2, y2, color, width, dash=None, cap="butt"):
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<line x1="{fmt(x1)}" y1="{fmt(y1)}" x2="{fmt(x2)}" y2="{fmt(y2)}" '
            f'stroke="{color}" stroke-width="{width}" stroke-linecap="{cap}"'
            f'{dash_attr}/>')


def arrow(x1, y1, x2, y2, color, width, head_len, head_w, dash=None):
    """Straight arrow to the tip (x2, y2); the head is a plain polygon."""
    dx, dy = x2 - x1, y2 - y1
    d = math.hypot(dx, dy)
    ux, uy = dx / d, dy / d
    bx, by = x2 - ux * head_len, y2 - uy * head_len
    px, py = -uy, ux
    sx, sy = x2 - ux * head_len * 0.8, y2 - uy * head_len * 0.8
    pts = [(x2, y2), (bx + px * head_w / 2, by + py * head_w / 2),
           (bx - px * head_w / 2, by - py * head_w / 2)]
    poly = " ".join(f"{fmt(x)},{fmt(y)}" for x, y in pts)
    return (line(x1, y1, sx, sy, color, width, dash) + "\n"
            f'<polygon points="{poly}" fill="{color}" stroke="{color}" '
            f'stroke-width="1" stroke-linejoin="round"/>')


class Picture:
    """Collects drawing layers and labels; checks the labels' layout."""

    def __init__(self, kind, body_poly):
        self.kind = kind                # "route" or "overview"
        self.body = body_poly           # polygon of the skin outline
        self.layers = []
        self.labels = []                # (box, svg)
        self.keep_clear = []            # boxes labels must not touch (arrows)

    def add(self, *items):
        self.layers.extend(i for i in items if i)

    def label(self, x, y, s, size, weight="normal", fill=TEXT, anchor="start",
              leader_to=None, leader_from=None, hi=False):
        # layout boxes use the real width of DejaVu Sans (bold is up to 16 %
        # wider than the 0.6 * size * chars estimate the test uses)
        w = (0.67 if weight == "bold" else 0.62) * size * len(s)
        x0 = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
        box = (x0, y - 0.8 * size, x0 + w, y + 0.25 * size)
        svg = []
        if leader_to:
            color = ORANGE if hi else TEXT
            fx, fy = leader_from or (
                (box[2] + 6 if leader_to[0] > box[2] else box[0] - 6),
                y - 0.33 * size)
            svg.append(line(fx, fy, *leader_to, color, 4 if hi else 2.5,
                            cap="round"))
            svg.append(circle(*leader_to, 6 if hi else 5, color, WHITE, 1.5))
        svg.append(f'<text x="{fmt(x)}" y="{fmt(y)}" font-family="{FONT}" '
                   f'font-size="{size}" font-weight="{weight}" fill="{fill}" '
                   f'text-anchor="{anchor}">{esc(s)}</text>')
        self.labels.append((box, s, "\n".join(svg)))

    def check(self, name):
        """Layout problems (estimated boxes): returned, printed by main()."""
        problems = []
        display = OVERVIEW_DISPLAY if self.kind == "overview" else ROUTE_DISPLAY
        for _, s, svg in self.labels:
            size = float(re.search(r'font-size="([0-9.]+)"', svg).group(1))
            if size * display / W < MIN_PX:
                problems.append(f"'{s}' shows at {size * display / W:.1f} px < {MIN_PX}")
        limit = MAX_LABELS[self.kind]
        if len(self.labels) > limit:
            problems.append(f"{len(self.labels)} labels > {limit}")
        for i, (b, s, _) in enumerate(self.labels):
            if b[0] < 0 or b[1] < 0 or b[2] > W or b[3] > H:
                problems.append(f"'{s}' outside the picture {b}")
            for b2, s2, _ in self.labels[i + 1:]:
                if b[0] < b2[2] and b2[0] < b[2] and b[1] < b2[3] and b2[1] < b[3]:
                    problems.append(f"'{s}' overlaps '{s2}'")
            corners = [(b[0], b[1]), (b[2], b[1]), (b[0], b[3]), (b[2], b[3]),
                       ((b[0] + b[2]) / 2, b[1]), ((b[0] + b[2]) / 2, b[3])]
            if any(inside(self.body, *c) for c in corners):
                problems.append(f"'{s}' overlaps the body outline")
            for k in self.keep_clear:
                if b[0] < k[2] and k[0] < b[2] and b[1] < k[3] and k[1] < b[3]:
                    problems.append(f"'{s}' overlaps an arrow")
        return [f"{name}: {p}" for p in problems]

    def svg(self, title, desc):
        parts = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" '
            f'baseProfile="tiny" width="{W}" height="{H}" viewBox="0 0 {W} {H}">',
            f"<title>{esc(title)}</title>",
            f"<desc>{esc(desc)}</desc>",
            f'<rect x="0" y="0" width="{W}" height="{H}" fill="{WHITE}"/>',
            *self.layers,
            "<!-- labels -->",
            *(svg for _, _, svg in self.labels),
            "</svg>",
        ]
        return "\n".join(parts) + "\n"


# ---------------------------------------------------------------- paths --
def skin_entry(poly, tail, tip):
    """First point of the segment tail -> tip inside the body outline."""
    for k in range(201):
        t = k / 200
        x = tail[0] + (tip[0] - tail[0]) * t
        y = tail[1] + (tip[1] - tail[1]) * t
        if inside(poly, x, y):
            return x, y
    return tip


def route_arrows(pic, routes, variant, crossed=None, hidden=()):
    """Overview: every path blue and equal.  Route picture: the named path a
    thick dashed orange arrow over a white under-stroke; the others thin grey
    dashes starting just outside the skin (so they leave room for labels).
    `crossed`: name -> centre of a cross drawn over a grey path (not used)."""
    crossed = crossed or {}
    faint, strong = [], []
    for name, (tail, tip) in routes.items():
        if name in hidden:
            continue
        if name in crossed:
            faint.append(arrow(*tail, *tip, GREY_PATH, 4, 18, 18, dash="9 7"))
            faint.append(cross_mark(*crossed[name]))
            w = 10
        elif variant is None:
            strong.append(arrow(*tail, *tip, BLUE, 7, 26, 26))
            w = 12
        elif name == variant:
            strong.append(arrow(*tail, *tip, WHITE, 17, 34, 38))
            strong.append(arrow(*tail, *tip, ORANGE, 10, 30, 31, dash="18 8"))
            w = 14
        else:
            ex, ey = skin_entry(pic.body, tail, tip)
            d = math.hypot(tip[0] - tail[0], tip[1] - tail[1])
            ux, uy = (tip[0] - tail[0]) / d, (tip[1] - tail[1]) / d
            tail = (ex - 30 * ux, ey - 30 * uy)
            faint.append(arrow(*tail, *tip, GREY_PATH, 3, 14, 14, dash="8 6"))
            w = 8
        # labels keep off the arrow: a box around samples of the shaft
        for k in range(21):
            t = k / 20
            x = tail[0] + (tip[0] - tail[0]) * t
            y = tail[1] + (tip[1] - tail[1]) * t
            pic.keep_clear.append((x - w, y - w, x + w, y + w))
    pic.add("<!-- paths -->", *faint, *strong)


def cross_mark(cx, cy, r=22):
    return "\n".join([
        line(cx - r, cy - r, cx + r, cy + r, WHITE, 13, cap="round"),
        line(cx - r, cy + r, cx + r, cy - r, WHITE, 13, cap="round"),
        line(cx - r, cy - r, cx + r, cy + r, CROSS, 7, cap="round"),
        line(cx - r, cy + r, cx + r, cy - r, CROSS, 7, cap="round"),
    ])


def put_labels(pic, variant, specs):
    """specs: (text, x, y, anchor, style, leader_to, leader_from).
    style: 'route' (the path's name), 'hi' (a structure the path passes),
    'plain' (another structure), 'muted' (the unused neck side path)."""
    overview = variant is None
    for text_, x, y, anchor, style, to, frm in specs:
        if style == "route":
            if overview:
                pic.label(x, y, text_, FS_OV_ROUTE, "bold", BLUE, anchor)
            else:
                pic.label(x, y, text_, FS_ROUTE, "bold", ORANGE_TEXT, anchor)
        elif style == "muted":
            size = (FS_OV_ROUTE if overview else FS_ROUTE) if text_.startswith("Side") \
                else (FS_OV if overview else FS)
            pic.label(x, y, text_, size, "bold", MUTED_TEXT, anchor)
        else:
            hi = style == "hi"
            pic.label(x, y, text_, FS_OV if overview else FS, weight(hi), TEXT,
                      anchor, leader_to=to, leader_from=frm, hi=hi)


def weight(hi):
    return "bold" if hi else "normal"


def muscle_fibres(pic, muscle_pts, rows, half=-1):
    """A few curved fibre lines, kept inside the muscle outline."""
    poly = dense(muscle_pts)
    xs = [x for x, _ in poly]
    x0, x1 = min(xs), max(xs)
    for y in rows:
        inner = [x for x in range(int(x0), int(x1) + 1, 2) if inside(poly, x, y)
                 and inside(poly, x, y - 8) and inside(poly, x, y + 4)]
        if len(inner) < 6:
            continue
        a, b = inner[2], inner[-3]
        pic.add(f'<path d="M {a} {y} Q {fmt((a + b) / 2)} {y - 9} {b} {y + 2}" '
                f'fill="none" stroke="{MUSCLE_FIBRE}" stroke-width="2"/>')


def rib_pieces(points, cuts, clearance=13):
    """The rib spline as pieces: samples near a route (segment) are left out,
    so the route passes through a space between ribs."""
    samples = []
    for i in range(len(points) - 1):
        p0 = points[max(i - 1, 0)]
        p1, p2 = points[i], points[i + 1]
        p3 = points[min(i + 2, len(points) - 1)]
        for k in range(12):
            t = k / 12
            t2, t3 = t * t, t * t * t
            samples.append(tuple(
                0.5 * ((2 * p1[j]) + (-p0[j] + p2[j]) * t
                       + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2
                       + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3)
                for j in range(2)))
    samples.append(points[-1])

    def dist(p, a, b):
        ax, ay = a
        bx, by = b
        t = ((p[0] - ax) * (bx - ax) + (p[1] - ay) * (by - ay)) / (
            (bx - ax) ** 2 + (by - ay) ** 2)
        t = max(0.0, min(1.0, t))
        return math.hypot(p[0] - ax - t * (bx - ax), p[1] - ay - t * (by - ay))

    pieces, cur = [], []
    for p in samples:
        if any(dist(p, a, b) < clearance for a, b in cuts):
            if len(cur) > 1:
                pieces.append(cur)
            cur = []
        else:
            cur.append(p)
    if len(cur) > 1:
        pieces.append(cur)
    return ["M " + " L ".join(f"{fmt(x)} {fmt(y)}" for x, y in piece)
            for piece in pieces]


def new_picture(variant, body):
    return Picture("overview" if variant is None else "route", body)


# ================================================================= NECK ==
NECK_SKIN = outline(300, 236, 172, 140, n=2.4, front_narrow=0.16)
NECK_TRACHEA = (300, 136, 25, 15)           # cx, cy, outer r, lumen r
NECK_OESO = (306, 184, 25, 11)
NECK_ARTERY = [(208, 186, 13), (392, 186, 13)]
NECK_VEIN = [(176, 178, 17, 13), (424, 178, 17, 13)]
NECK_SHEATH = [(193, 182, 40, 23), (407, 182, 40, 23)]
NECK_SCM = [(188, 144, 38, 12, -36), (412, 144, 38, 12, 36)]
NECK_BODY = smooth([(300, 206), (336, 207), (350, 216), (352, 240), (346, 257),
                    (324, 262), (300, 259), (276, 262), (254, 257), (248, 240),
                    (250, 216), (264, 207)])
_neck_arch_r = [(338, 252), (354, 240), (378, 236), (400, 240), (406, 254),
                (396, 266), (372, 272), (358, 290), (340, 306), (318, 322),
                (312, 338), (304, 348), (300, 340)]
NECK_ARCH = smooth(_neck_arch_r + mirror(list(reversed(_neck_arch_r)))[1:])
NECK_CANAL = smooth([(300, 262), (328, 262), (342, 274), (330, 294), (300, 308),
                     (270, 294), (258, 274), (272, 262)])
NECK_CORD = (300, 282, 26, 15)
NECK_VERT_ART = [(222, 250, 7), (378, 250, 7)]
_neck_backm_r = [(308, 344), (312, 366), (352, 372), (404, 360), (440, 330),
                 (456, 292), (446, 264), (408, 274), (378, 282), (356, 300),
                 (326, 326)]
NECK_BACKM = [mirror(_neck_backm_r), _neck_backm_r]

NECK_ROUTES = {
    "anterior": ((256, 10), (262, 204)),
    "lateral": ((592, 226), (410, 226)),
    "posterior": ((338, 452), (338, 312)),
}

NECK_LABELS = {
    None: [
        ("Front", 236, 36, "end", "route", None, None),
        ("Windpipe", 592, 80, "end", "plain", (322, 128), (480, 88)),
        ("Side:", 592, 190, "end", "muted", None, None),
        ("not used", 592, 280, "end", "muted", None, None),
        ("Back", 356, 446, "start", "route", None, None),
        ("Spinal cord", 8, 414, "start", "plain", (290, 286), (150, 404)),
    ],
    "anterior": [
        ("Front route", 240, 40, "end", "route", None, None),
        ("Windpipe", 592, 86, "end", "hi", (320, 124), (436, 94)),
        ("Artery", 8, 116, "start", "hi", (206, 174), (124, 108)),
        ("Spinal cord", 8, 440, "start", "plain", (290, 286), (190, 412)),
    ],
    "lateral": [
        ("Side route", 592, 402, "end", "muted", None, None),
        ("Not used in the neck", 592, 446, "end", "muted", None, None),
        ("Spinal cord", 8, 86, "start", "plain", (286, 276), (200, 98)),
        ("Windpipe", 592, 86, "end", "plain", (322, 128), (436, 94)),
    ],
    "posterior": [
        ("Back route", 356, 446, "start", "route", None, None),
        ("Neck muscles", 8, 440, "start", "hi", (196, 330), (160, 412)),
        ("Spinal cord", 8, 86, "start", "plain", (286, 276), (200, 98)),
        ("Windpipe", 592, 86, "end", "plain", (322, 128), (436, 94)),
    ],
}


def neck(variant):
    pic = new_picture(variant, NECK_SKIN)
    hi_front = variant == "anterior"
    hi_back = variant == "posterior"
    pic.add("<!-- skin outline: neck cross-section -->",
            path(smooth(NECK_SKIN), SKIN_FILL, SKIN_LINE, 4))
    pic.add("<!-- neck muscles behind the spine -->")
    for pts in NECK_BACKM:
        # both sides outlined on the back route, as in make_diagrams.py
        pic.add(shape(smooth(pts), MUSCLE, MUSCLE_LINE, hi_back))
        muscle_fibres(pic, pts, (300, 326, 352))
    pic.add("<!-- vertebra: bony arch, body, canal -->",
            path(NECK_ARCH, BONE, BONE_LINE, 3),
            path(NECK_BODY, BONE, BONE_LINE, 3),
            *(circle(x, y, r, ARTERY, VESSEL_LINE, 1.5) for x, y, r in NECK_VERT_ART),
            path(NECK_CANAL, CANAL_FILL, BONE_LINE, 2))
    cx, cy, rx, ry = NECK_CORD
    pic.add("<!-- spinal cord and nerve roots -->")
    for sx in (-1, 1):
        d = (f"M {300 + sx * 20} {cy} C {300 + sx * 32} {cy - 4} {300 + sx * 42} "
             f"{cy - 10} {300 + sx * 56} {cy - 18}")
        pic.add(f'<path d="{d}" fill="none" stroke="{NERVE_LINE}" stroke-width="9" '
                f'stroke-linecap="round"/>',
                f'<path d="{d}" fill="none" stroke="{NERVE}" stroke-width="5" '
                f'stroke-linecap="round"/>')
    pic.add(f'<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" fill="{NERVE}" '
            f'stroke="{NERVE_LINE}" stroke-width="2.5"/>',
            f'<path d="M {cx - 12} {cy - 6} Q {cx} {cy + 4} {cx + 12} {cy - 6} '
            f'M {cx - 12} {cy + 7} Q {cx} {cy - 3} {cx + 12} {cy + 7}" fill="none" '
            f'stroke="{NERVE_DARK}" stroke-width="3"/>')
    tx, ty, tr, tl = NECK_TRACHEA
    ox, oy, orx, ory = NECK_OESO
    if hi_front:
        pic.add(rim(ellipse_d(tx, ty, tr, tr)), rim(ellipse_d(ox, oy, orx, ory)))
    pic.add("<!-- gullet (oesophagus) -->",
            path(ellipse_d(ox, oy, orx, ory), BOWEL_FILL, BOWEL_LINE, 2.5),
            line(ox - 12, oy, ox + 12, oy, BOWEL_INNER, 2.5),
            "<!-- windpipe (trachea): cartilage ring around air -->",
            circle(tx, ty, tr, BONE, BONE_LINE, 2.5),
            circle(tx, ty, tl, WHITE, BONE_LINE, 2))
    pic.add("<!-- side neck muscles (sternocleidomastoid) -->",
            *(path(ellipse_d(*m), MUSCLE, MUSCLE_LINE, 2) for m in NECK_SCM))
    pic.add("<!-- carotid sheaths: carotid artery (inner), jugular vein (outer) -->")
    for i, ((sx, sy, srx, sry), (ax, ay, ar), (vx, vy, vrx, vry)) in enumerate(zip(
            NECK_SHEATH, NECK_ARTERY, NECK_VEIN, strict=True)):
        d = ellipse_d(sx, sy, srx, sry)
        pic.add(rim(d) if hi_front and i == 0 else "",
                path(d, "#f6e4d6", SKIN_LINE, 1.5),
                f'<ellipse cx="{vx}" cy="{vy}" rx="{vrx}" ry="{vry}" fill="{VEIN}" '
                f'stroke="{VESSEL_LINE}" stroke-width="2"/>',
                circle(ax, ay, ar, ARTERY, VESSEL_LINE, 2),
                circle(ax, ay, ar * 0.5, "#d9706a", "none", 0))
    if variant in (None, "lateral"):
        route_arrows(pic, NECK_ROUTES, variant, crossed={"lateral": (530, 226)})
    else:   # no side path in the neck: not drawn in the front and back pictures
        route_arrows(pic, NECK_ROUTES, variant, hidden=("lateral",))
    put_labels(pic, variant, NECK_LABELS[variant])
    return pic


NECK_TEXT = {
    None: ("Ways to reach the neck spine",
           "A slice through the neck, seen from below, with the front of the "
           "neck at the top. Blue arrows show the front route, between the "
           "windpipe and the big blood vessels, and the back route, through the "
           "neck muscles. The side arrow is crossed out, as the side route is "
           "not used in the neck."),
    "anterior": ("Front route to the neck",
                 "A slice through the neck, seen from below, with the front at "
                 "the top. The thick orange arrow shows the front route: a small "
                 "cut at the front of the neck. It goes between the windpipe and "
                 "the big blood vessels to the front of the spine bone."),
    "lateral": ("Side route: not used in the neck",
                "A slice through the neck, seen from below, with the front at "
                "the top. The side arrow is grey and crossed out, because the "
                "side route is not used in the neck. The front and back routes "
                "are thin grey arrows."),
    "posterior": ("Back route to the neck",
                  "A slice through the neck, seen from below, with the front at "
                  "the top. The thick orange arrow shows the back route. It goes "
                  "through the muscles at the back of the neck to the bony roof "
                  "over the spinal cord."),
}


# ============================================================= MID BACK ==
def _mid_skin():
    out = []
    for x, y in outline(300, 232, 196, 146, n=2.3, front_narrow=0.05):
        if y > 300 and abs(x - 300) < 60:    # shallow groove over the spine
            y -= 10 * math.cos((x - 300) / 60 * math.pi / 2)
        out.append((x, y))
    return out


MID_SKIN = _mid_skin()
_lung_r = [(336, 118), (372, 106), (424, 116), (462, 152), (476, 206),
           (468, 262), (444, 300), (404, 318), (368, 310), (352, 286),
           (350, 252), (366, 226), (372, 196), (356, 170), (340, 146)]
MID_LUNGS = [mirror(_lung_r), _lung_r]
MID_HEART = ellipse_d(316, 168, 50, 38, -18)
MID_STERNUM = (280, 94, 40, 18)              # x, y, w, h
MID_AORTA = (344, 230, 17)
MID_BODY = smooth([(300, 228), (326, 232), (340, 250), (338, 274), (322, 288),
                   (300, 286), (278, 288), (262, 274), (260, 250), (274, 232)])
_mid_arch_r = [(322, 284), (330, 296), (352, 298), (360, 306), (350, 316),
               (326, 318), (314, 334), (310, 356), (300, 362)]
MID_ARCH = smooth(_mid_arch_r + mirror(list(reversed(_mid_arch_r)))[1:-1])
MID_CANAL = ellipse_d(300, 303, 19, 15)
MID_CORD = (300, 303, 12)
_mid_backm_r = [(314, 336), (318, 362), (360, 366), (408, 352), (430, 330),
                (412, 318), (368, 322), (330, 326)]
MID_BACKM = [mirror(_mid_backm_r), _mid_backm_r]
# One rib each side, from the spine (head on the body, neck on the transverse
# process) out and round the chest wall towards the breastbone.  The slice
# cuts it where the paths pass: those are the spaces between ribs.
_rib_r = [(336, 282), (362, 306), (400, 322), (440, 312), (470, 282),
          (486, 240), (484, 196), (470, 156), (446, 124), (410, 102),
          (370, 92), (330, 92)]
MID_ROUTES = {
    "anterior": ((30, 40), (268, 240)),
    "lateral": ((594, 330), (346, 268)),
    "posterior": ((330, 452), (330, 332)),
}

MID_LABELS = {
    None: [
        ("Front", 70, 34, "start", "route", None, None),
        ("Side", 592, 372, "end", "route", None, None),
        ("Back", 348, 446, "start", "route", None, None),
        ("Heart", 592, 66, "end", "plain", (350, 160), (522, 60)),
        ("Lung", 592, 120, "end", "plain", (436, 200), (530, 112)),
        ("Spinal cord", 8, 414, "start", "plain", (294, 304), (150, 400)),
    ],
    "anterior": [
        ("Front route", 70, 40, "start", "route", None, None),
        ("Ribs", 8, 318, "start", "hi", (120, 292), (88, 306)),
        ("Lung", 8, 440, "start", "hi", (160, 272), (70, 412)),
        ("Spinal cord", 592, 440, "end", "plain", (306, 306), (400, 412)),
    ],
    "lateral": [
        ("Side route", 592, 440, "end", "route", None, None),
        ("Lung", 592, 60, "end", "hi", (436, 190), (528, 68)),
        ("Ribs", 592, 196, "end", "hi", (484, 216), (512, 186)),
        ("Spinal cord", 8, 440, "start", "plain", (294, 306), (190, 412)),
    ],
    "posterior": [
        ("Back route", 348, 446, "start", "route", None, None),
        ("Back muscles", 8, 440, "start", "hi", (210, 344), (170, 412)),
        ("Spinal cord", 8, 60, "start", "plain", (294, 302), (190, 70)),
        ("Ribs", 592, 60, "end", "plain", (470, 156), (520, 70)),
    ],
}


def mid_back(variant):
    pic = new_picture(variant, MID_SKIN)
    hi_back = variant == "posterior"
    pic.add("<!-- skin outline: chest cross-section -->",
            path(smooth(MID_SKIN), SKIN_FILL, SKIN_LINE, 4))
    pic.add("<!-- lungs -->")
    for i, pts in enumerate(MID_LUNGS):
        # the front path comes from the picture's left, the side path from its
        # right: outline the lung that path passes
        hi = (variant == "anterior" and i == 0) or (variant == "lateral" and i == 1)
        pic.add(shape(smooth(pts), LUNG_FILL, LUNG_LINE, hi))
    for sx in (-1, 1):
        for x1, y1, x2, y2 in [(384, 140, 420, 124), (392, 196, 440, 186),
                               (390, 246, 444, 256), (400, 290, 430, 280)]:
            pic.add(line(300 + sx * (x1 - 300), y1, 300 + sx * (x2 - 300), y2,
                         LUNG_MARK, 2, cap="round"))
    x, y, w, h = MID_STERNUM
    pic.add("<!-- heart -->", path(MID_HEART, HEART_FILL, MUSCLE_LINE, 2.5),
            "<!-- breastbone -->",
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="8" fill="{BONE}" '
            f'stroke="{BONE_LINE}" stroke-width="2.5"/>')
    pic.add("<!-- ribs: the gaps are the spaces between ribs the paths use -->")
    cuts = [MID_ROUTES["anterior"], MID_ROUTES["lateral"]]
    for side, pts in (("left", mirror(_rib_r)), ("right", _rib_r)):
        hi = (variant == "anterior" and side == "left") or (
            variant == "lateral" and side == "right")
        for piece in rib_pieces(pts, cuts):
            if hi:
                pic.add(f'<path d="{piece}" fill="none" stroke="{ORANGE}" '
                        f'stroke-width="20" stroke-linecap="round" '
                        f'stroke-linejoin="round"/>')
            pic.add(f'<path d="{piece}" fill="none" stroke="{BONE_LINE}" '
                    f'stroke-width="12" stroke-linecap="round" stroke-linejoin="round"/>',
                    f'<path d="{piece}" fill="none" stroke="{BONE}" '
                    f'stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>')
    pic.add("<!-- back muscles -->")
    for pts in MID_BACKM:
        pic.add(shape(smooth(pts), MUSCLE, MUSCLE_LINE, hi_back))
        muscle_fibres(pic, pts, (338, 354))
    pic.add("<!-- vertebra -->", path(MID_ARCH, BONE, BONE_LINE, 3),
            path(MID_BODY, BONE, BONE_LINE, 3),
            path(MID_CANAL, CANAL_FILL, BONE_LINE, 2))
    cx, cy, r = MID_CORD
    pic.add("<!-- spinal cord -->", circle(cx, cy, r, NERVE, NERVE_LINE, 2.5),
            circle(cx, cy, r * 0.4, NERVE_DARK, "none", 0))
    ax, ay, ar = MID_AORTA
    pic.add("<!-- aorta: in front of the spine, to the patient's left -->",
            circle(ax, ay, ar, ARTERY, VESSEL_LINE, 2.5),
            circle(ax, ay, ar * 0.55, "#d9706a", "none", 0))
    route_arrows(pic, MID_ROUTES, variant)
    put_labels(pic, variant, MID_LABELS[variant])
    return pic


MID_TEXT = {
    None: ("Three ways to reach the mid-back spine",
           "A slice through the chest, seen from below, with the front of the "
           "chest at the top. The spine is at the back, between the two lungs, "
           "with the ribs joined to it. Blue arrows show the front route, the "
           "side route and the back route."),
    "anterior": ("Front route to the mid-back",
                 "A slice through the chest, seen from below, with the front at "
                 "the top. The thick orange arrow shows the front route. It goes "
                 "through the chest wall between two ribs and past the lung, to "
                 "the front and side of the spine bone."),
    "lateral": ("Side route to the mid-back",
                "A slice through the chest, seen from below, with the front at "
                "the top. The thick orange arrow shows the side route. It comes "
                "in from the side of the chest, between two ribs and past the "
                "lung, to the side of the spine bone."),
    "posterior": ("Back route to the mid-back",
                  "A slice through the chest, seen from below, with the front "
                  "at the top. The thick orange arrow shows the back route. It "
                  "goes through the back muscles to the bony roof of the spine, "
                  "next to the ribs."),
}


# ============================================================= LOW BACK ==
def _lt(x, y):
    """Map make_diagrams.py lumbar coordinates (1000 x 760) into this picture."""
    return 300 + (x - 500) * 0.6, 236 + (y - 380) * 0.6


def _lt_path(d):
    """Scale a path of absolute M/L/C/Q/Z commands with _lt."""
    out, nums = [], []
    for tok in d.split():
        if tok.isalpha():
            out.append(tok)
        else:
            nums.append(float(tok))
            if len(nums) == 2:
                x, y = _lt(*nums)
                out += [fmt(x), fmt(y)]
                nums = []
    return " ".join(out)


LOW_SKIN = [_lt(x, y) for x, y in dense(
    [(500, 112), (640, 118), (740, 225), (758, 375), (735, 530), (640, 632),
     (500, 640), (360, 632), (265, 530), (242, 375), (260, 225), (360, 118)], 6)]
# bowel loops (make_diagrams.py coordinates): fewer and larger than there
LOW_LOOPS = [(330, 246, 46, 34, -20), (412, 196, 44, 30, 15), (398, 276, 38, 28, 30),
             (306, 326, 30, 36, 10), (670, 246, 46, 34, 20), (588, 196, 44, 30, -15),
             (604, 276, 38, 28, -30), (694, 326, 30, 36, -10), (500, 168, 40, 26, 0),
             (458, 246, 24, 30, 0), (542, 246, 24, 30, 0)]

LOW_LABELS = {
    None: [
        ("Front", 286, 34, "end", "route", None, None),
        ("Side", 592, 236, "end", "route", None, None),
        ("Back", 352, 446, "start", "route", None, None),
        ("Belly", 8, 100, "start", "plain", (206, 128), (78, 92)),
        ("Nerves", 8, 414, "start", "plain", (290, 310), (100, 400)),
        ("Psoas muscle", 592, 404, "end", "plain", (352, 282), (434, 384)),
    ],
    "anterior": [
        ("Front route", 286, 40, "end", "route", None, None),
        ("Blood vessels", 316, 40, "start", "hi", (340, 199), (400, 50)),
        ("Belly", 8, 110, "start", "hi", (206, 128), (104, 100)),
        ("Nerves", 8, 440, "start", "plain", (290, 310), (130, 412)),
    ],
    "lateral": [
        ("Side route", 592, 44, "end", "route", None, None),
        ("Nerves", 592, 318, "end", "hi", (378, 280), (470, 306)),
        ("Psoas muscle", 592, 440, "end", "hi", (352, 282), (420, 410)),
        ("Belly", 8, 100, "start", "plain", (206, 128), (78, 92)),
    ],
    "posterior": [
        ("Back route", 352, 446, "start", "route", None, None),
        ("Back muscles", 8, 440, "start", "hi", (226, 360), (180, 412)),
        ("Nerves", 592, 318, "end", "hi", (316, 304), (470, 306)),
        ("Belly", 8, 100, "start", "plain", (206, 128), (78, 92)),
    ],
}


def low_back(variant):
    import make_diagrams as md
    hi = {None: set(), "anterior": {"vessels", "belly"}, "lateral": {"psoas"},
          "posterior": {"backm", "nerves"}}[variant]
    pic = new_picture(variant, LOW_SKIN)
    pic.add("<!-- skin outline: lower-back cross-section -->",
            path(_lt_path(md.SKIN), SKIN_FILL, SKIN_LINE, 4))
    pic.add("<!-- belly: bowel loops -->")
    for x, y, rx, ry, rot in LOW_LOOPS:
        cx, cy = _lt(x, y)
        if "belly" in hi:
            pic.add(f'<path d="{ellipse_d(cx, cy, rx * 0.6 + 4, ry * 0.6 + 4, rot)}" '
                    f'fill="{ORANGE}"/>')
        pic.add(path(ellipse_d(cx, cy, rx * 0.6, ry * 0.6, rot), BOWEL_FILL, BOWEL_LINE, 2),
                path(ellipse_d(cx, cy, rx * 0.28, ry * 0.2, rot), "none", BOWEL_INNER, 1.5))
    pic.add("<!-- psoas muscles with nerves inside -->")
    for i, (d, dots) in enumerate(((md.PSOAS_L, md.PLEXUS_L), (md.PSOAS_R, md.PLEXUS_R))):
        h = "psoas" in hi and i == 1     # the side path passes the right one
        pic.add(shape(_lt_path(d), MUSCLE, MUSCLE_LINE, h))
        for x, y, r in dots:
            cx, cy = _lt(x, y)
            if h:
                pic.add(circle(cx, cy, r * 0.7 + 3.5, ORANGE, "none", 0))
            pic.add(circle(cx, cy, r * 0.7, NERVE, NERVE_LINE, 1.5))
    pic.add("<!-- back muscles -->")
    for d in (md.BACKM_L, md.BACKM_R):
        pic.add(shape(_lt_path(d), MUSCLE, MUSCLE_LINE, "backm" in hi))
    pic.add("<!-- vertebra -->",
            path(_lt_path(md.ARCH), BONE, BONE_LINE, 3),
            path(_lt_path(md.BODY), BONE, BONE_LINE, 3))
    sx, sy = _lt(500, 508)
    roots = [_lt_path("M 468 496 C 450 488 430 478 404 468"),
             _lt_path("M 532 496 C 550 488 570 478 596 468")]
    pic.add("<!-- spinal nerves in the canal -->")
    if "nerves" in hi:
        pic.add(f'<ellipse cx="{fmt(sx)}" cy="{fmt(sy)}" rx="26" ry="19" fill="{ORANGE}"/>',
                *(f'<path d="{d}" fill="none" stroke="{ORANGE}" stroke-width="14" '
                  f'stroke-linecap="round"/>' for d in roots))
    for d in roots:
        pic.add(f'<path d="{d}" fill="none" stroke="{NERVE_LINE}" stroke-width="8" '
                f'stroke-linecap="round"/>',
                f'<path d="{d}" fill="none" stroke="{NERVE}" stroke-width="4.5" '
                f'stroke-linecap="round"/>')
    pic.add(f'<ellipse cx="{fmt(sx)}" cy="{fmt(sy)}" rx="21" ry="14.5" fill="{NERVE}" '
            f'stroke="{NERVE_LINE}" stroke-width="2"/>')
    for x, y in [(488, 512), (500, 516), (512, 512), (494, 501), (506, 501)]:
        cx, cy = _lt(x, y)
        pic.add(circle(cx, cy, 2.3, NERVE_DARK, NERVE_LINE, 0.8))
    vx, vy = _lt(446, 334)
    ax, ay = _lt(556, 330)
    pic.add("<!-- large blood vessels: vena cava (patient's right) and aorta -->")
    if "vessels" in hi:
        pic.add(f'<ellipse cx="{fmt(vx)}" cy="{fmt(vy)}" rx="23" ry="16" fill="{ORANGE}"/>',
                circle(ax, ay, 19, ORANGE, "none", 0))
    pic.add(f'<ellipse cx="{fmt(vx)}" cy="{fmt(vy)}" rx="19" ry="12" fill="{VEIN}" '
            f'stroke="{VESSEL_LINE}" stroke-width="2"/>',
            circle(ax, ay, 15, ARTERY, VESSEL_LINE, 2),
            circle(ax, ay, 8, "#d9706a", "none", 0))
    routes = {
        "anterior": ((300, 8), _lt(500, 352)),
        "lateral": ((594, _lt(0, 420)[1]), _lt(590, 420)),
        "posterior": ((324, 452), (324, 340)),
    }
    route_arrows(pic, routes, variant)
    put_labels(pic, variant, LOW_LABELS[variant])
    return pic


LOW_TEXT = {
    None: ("Three ways to reach the lower spine",
           "A slice through the lower back, seen from the feet, with the belly "
           "at the top. Blue arrows show the front route through the belly, the "
           "side route through the psoas muscle, and the back route through the "
           "back muscles."),
    "anterior": ("Front route to the lower back",
                 "A slice through the lower back, seen from the feet, with the "
                 "belly at the top. The thick orange arrow shows the front route. "
                 "It goes past the bowel in the belly and between the large blood "
                 "vessels, to the front of the spine bone."),
    "lateral": ("Side route to the lower back",
                "A slice through the lower back, seen from the feet, with the "
                "belly at the top. The thick orange arrow shows the side route. "
                "It goes through the psoas muscle, which has nerves inside it, "
                "to the side of the spine bone."),
    "posterior": ("Back route to the lower back",
                  "A slice through the lower back, seen from the feet, with the "
                  "belly at the top. The thick orange arrow shows the back route. "
                  "It goes through the back muscles to the bony roof behind the "
                  "nerves."),
}

BUILDERS = {"neck": (neck, NECK_TEXT), "mid-back": (mid_back, MID_TEXT),
            "low-back": (low_back, LOW_TEXT)}


def build(region, variant):
    """(svg text, layout problems) for one picture."""
    make, texts = BUILDERS[region]
    pic = make(variant)
    title, desc = texts[variant]
    return pic.svg(title, desc), pic.check(filename(region, variant))


def main():
    problems = []
    for region in REGIONS:
        for variant in VARIANTS:
            svg, probs = build(region, variant)
            problems += probs
            p = os.path.join(HERE, filename(region, variant))
            with open(p, "w", encoding="utf-8") as f:
                f.write(svg)
            print("wrote", p)
    for p in problems:
        print("layout:", p, file=sys.stderr)
    return problems


if __name__ == "__main__":
    main()
