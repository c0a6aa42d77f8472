"""The review sheet for the clinical lead: every statement of the content, per rule, in one HTML file.

`misaid review --out FILE.html` writes it. The sheet is self-contained (no scripts, no external
resources) and prints on A4: a header with the content version and review state from meta.yaml, a
sign-off block, a table of contents, then every statement with a number a reviewer can quote
("R12.3"): its patient and clinician text side by side and its full citations. Every piece of
content text goes through html.escape, so content can never inject markup.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path

from .conditions import All, Condition
from .model import Content, Rule, Source, Text
from .record import record
from .wording import condition_words


@record
class Statement:
    """One thing the content says, as the reviewer reads and numbers it."""

    number: str  # "R12.3": what a reviewer writes next to a comment
    kind: str  # what sort of statement, in the sheet's own words
    text: Text
    sources: tuple[str, ...] = ()
    link: str = ""  # an anchor in the sheet that explains more (an MIS option's entry)


@record
class Block:
    """A numbered group of statements: a rule, an approach, an option, or the content-wide texts."""

    anchor: str  # "R12", "A1", "O3", "M"
    title: str
    statements: tuple[Statement, ...]
    where: str = ""  # "rules.yaml:120"
    tier: str = ""
    condition: tuple[str, ...] = ()  # in the questions' clinician words; all of these hold
    written: str = ""  # in the vocabulary, as the YAML says it
    sources: tuple[str, ...] = ()  # cited by the block as a whole (an approach, an option)
    note: str = ""


@record
class Sheet:
    content: Content
    meta: Block
    approaches: tuple[Block, ...]
    options: tuple[Block, ...]
    rules: tuple[Block, ...]
    citing: Mapping[str, int]  # source id -> numbered items on the sheet that cite it
    cases: Mapping[str, int]  # source id -> practice cases that cite it

    @property
    def statement_count(self) -> int:
        blocks = (self.meta, *self.approaches, *self.options, *self.rules)
        return sum(len(block.statements) for block in blocks)


# --- building ---------------------------------------------------------------------------------------


def _where(content: Content, key: str) -> str:
    found = content.locations.get(key)
    return f"{Path(found[0]).name}:{found[1]}" if found else ""


def _numbered(
    anchor: str, items: Iterable[tuple[str, Text, tuple[str, ...], str]], sep: str = "."
) -> tuple[Statement, ...]:
    return tuple(
        Statement(f"{anchor}{sep}{n}", kind, text, sources, link)
        for n, (kind, text, sources, link) in enumerate(items, start=1)
    )


def _quoted(label: str) -> str:
    return f"\u2018{label}\u2019"


def condition_lines(cond: Condition, content: Content) -> tuple[str, ...]:
    """A condition in the clinician questions' words, one line per part that must hold; answers quoted."""
    parts = cond.items if isinstance(cond, All) and len(cond.items) > 1 else (cond,)
    return tuple(condition_words(part, content, "clinician", mark=_quoted) for part in parts)


def _rule_block(content: Content, number: int, rule: Rule) -> Block:
    def approach(aid: str) -> str:
        found = content.approaches.get(aid)
        return found.name.get("clinician") if found else aid

    items: list[tuple[str, Text, tuple[str, ...], str]] = []
    for fit in rule.fit:
        how = f"suggests {fit.fit}" if fit.kind == "set" else f"limit: at most {fit.fit}"
        items.append((f"Fit \u00b7 {approach(fit.approach)} \u00b7 {how}", fit.text, fit.sources, ""))
    order = list(content.approaches)
    for aid in sorted({p.approach for p in (*rule.benefits, *rule.risks)}, key=lambda a: (a not in order, a)):
        for kind, points in (("Benefit", rule.benefits), ("Risk", rule.risks)):
            items += [(f"{kind} \u00b7 {approach(aid)}", p.text, p.sources, "") for p in points if p.approach == aid]
    items += [("Key point", k.text, k.sources, "") for k in rule.key_points]
    items += [("Care without surgery", n.text, n.sources, "") for n in rule.nonsurgical]
    items += [("Note", n.text, n.sources, "") for n in rule.notes]
    items += [(f"Urgent \u00b7 {u.id}", u.text, u.sources, "") for u in rule.urgent]
    items += [("Question for the surgeon", a.text, a.sources, "") for a in rule.ask]
    for oid in rule.options:
        option = content.options.get(oid)
        if option is None:
            items.append((f"MIS option \u00b7 {oid}", Text.plain(oid), (), ""))
        else:
            anchor = f"O{list(content.options).index(oid) + 1}"
            items.append((f"MIS option \u00b7 {oid} ({anchor})", option.name, option.sources, anchor))
    anchor = f"R{number}"
    return Block(
        anchor=anchor,
        title=rule.id,
        statements=_numbered(anchor, items),
        where=_where(content, rule.id),
        tier=rule.tier,
        condition=condition_lines(rule.when, content),
        written=rule.when.describe(),
    )


def _meta_block(content: Content) -> Block:
    meta = content.meta
    items: list[tuple[str, Text, tuple[str, ...], str]] = [
        ("Surgeon prompt (ends every result)", meta.surgeon_prompt.text, meta.surgeon_prompt.sources, ""),
        ("Disclaimer", meta.disclaimer, (), ""),
    ]
    items += [("Always worth asking", cited.text, cited.sources, "") for cited in meta.always_ask]
    items += [(f"Fit label \u00b7 {fit}", words, (), "") for fit, words in meta.fit_labels.items()]
    items += [
        ("Heading for care without surgery", meta.nonsurgical_name, (), ""),
        ("Care without surgery \u00b7 how it is done", meta.nonsurgical.involves.text,
         meta.nonsurgical.involves.sources, ""),
        ("Care without surgery \u00b7 how often described", meta.nonsurgical.fit.text,
         meta.nonsurgical.fit.sources, ""),
        ("Care without surgery \u00b7 recovery", meta.nonsurgical.recovery.text,
         meta.nonsurgical.recovery.sources, ""),
        ("Combining policy (shown in the rule trace)", meta.combining_policy, (), ""),
    ]
    items += [("Care without surgery \u00b7 risk", c.text, c.sources, "") for c in meta.nonsurgical.risks]
    for check in meta.sure_check:
        items += [("Readiness check \u00b7 question", check.question, check.sources, ""),
                  ("Readiness check \u00b7 if no", check.if_no, check.sources, "")]
    return Block("M", "meta.yaml", _numbered("M", items, sep=""))


def build(content: Content) -> Sheet:
    """Every statement of the content, numbered, in file order."""
    approaches = tuple(
        Block(
            anchor=f"A{n}",
            title=approach.id,
            statements=_numbered(
                f"A{n}",
                [
                    ("Name", approach.name, (), ""),
                    ("Path", approach.path, (), ""),
                    ("What is done", approach.involves, (), ""),
                    *([("After the operation", approach.recovery.text, approach.recovery.sources, "")]
                      if approach.recovery else []),
                ],
            ),
            where="approaches.yaml",
            sources=approach.sources,
            note="diagrams: " + ", ".join([approach.diagram, *approach.diagrams.values()]),
        )
        for n, approach in enumerate(content.approaches.values(), start=1)
    )
    options = tuple(
        Block(
            anchor=f"O{n}",
            title=option.id,
            statements=_numbered(f"O{n}", [("Name", option.name, (), ""), ("Summary", option.summary, (), "")]),
            where="options.yaml",
            sources=option.sources,
            note=f"{option.kind}; "
            + (f"shown with the {', '.join(option.approaches)} approach" if option.approaches else "any approach"),
        )
        for n, option in enumerate(content.options.values(), start=1)
    )
    rules = tuple(_rule_block(content, n, rule) for n, rule in enumerate(content.rules, start=1))
    meta = _meta_block(content)
    citing: Counter[str] = Counter()
    for block in (meta, *approaches, *options, *rules):
        citing.update(set(block.sources))
        for statement in block.statements:
            citing.update(set(statement.sources))
    cases: Counter[str] = Counter()
    for case in content.cases:
        cases.update(set(case.sources))
    return Sheet(content, meta, approaches, options, rules, citing, cases)


# --- rendering ---------------------------------------------------------------------------------------

CSS = """
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.35 "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #111; margin: 0 auto;
       max-width: 186mm; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1.5pt solid #333; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 1mm; break-after: avoid; }
p { margin: 1mm 0 2mm; }
a { color: #0b4f8a; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 1.5mm; }
.facts th { width: 24%; font-weight: 600; background: #f1f1f1; }
.facts td, .facts th { border: 0.5pt solid #999; }
.status { font-weight: 700; text-transform: uppercase; }
.signoff { border: 1pt solid #333; padding: 3mm 4mm; margin: 4mm 0; break-inside: avoid; }
.signoff h2 { margin-top: 0; border: 0; }
.ticks { margin: 2mm 0 4mm; }
.box { display: inline-block; width: 4mm; height: 4mm; border: 1pt solid #111; vertical-align: -0.8mm;
       margin: 0 2mm 0 0; }
.tick { margin-right: 10mm; }
.sign th { width: 22%; font-weight: 600; padding-top: 5mm; }
.sign td { border-bottom: 0.6pt solid #111; padding-top: 5mm; }
.comments { border-bottom: 0.6pt solid #111; height: 7mm; }
.toc { columns: 2; column-gap: 8mm; padding-left: 0; list-style: none; font-size: 9pt; }
.toc li { break-inside: avoid; }
.toc .n { display: inline-block; min-width: 11mm; font-weight: 600; }
.block { margin-top: 4mm; }
.block-head { border-top: 1pt solid #555; padding-top: 1.5mm; break-after: avoid; }
.block-head h3 { margin: 0; display: inline; }
.anchor { font-weight: 700; background: #222; color: #fff; padding: 0 1.5mm; margin-right: 2mm; }
.tier { font-size: 8.5pt; border: 0.5pt solid #555; padding: 0 1mm; margin-left: 2mm; }
.where, .written, .note { color: #555; font-size: 8.5pt; }
.cond { margin: 1mm 0; break-after: avoid; }
.when { margin: 0.5mm 0 1mm; padding-left: 6mm; }
.st { table-layout: fixed; margin-top: 1mm; font-size: 9.5pt; }
.st col.no { width: 11%; } .st col.kind { width: 17%; } .st col.txt { width: 36%; }
.st thead th { font-size: 8pt; color: #444; border-bottom: 0.8pt solid #555; }
.st tbody { break-inside: avoid; border-bottom: 0.5pt solid #bbb; }
.st td.no { font-weight: 700; white-space: nowrap; }
.st td.kind { font-size: 8.5pt; color: #333; }
.st td { overflow-wrap: anywhere; }
.same { color: #666; font-style: italic; }
.cite td { padding-top: 0; }
.refs { margin: 0; padding-left: 4mm; font-size: 8pt; color: #333; }
.refs .sid { font-family: "DejaVu Sans Mono", monospace; }
.none { color: #a00; font-size: 8pt; }
.sources { table-layout: fixed; font-size: 8.5pt; }
.sources th, .sources td { border: 0.5pt solid #999; overflow-wrap: anywhere; }
.sources col.id { width: 15%; } .sources col.kind { width: 11%; } .sources col.ref { width: 43%; }
.sources col.look { width: 17%; } .sources col.count { width: 7%; }
.sources td.kind, .sources th { overflow-wrap: normal; }
.sources td.count { text-align: right; }
.sources tr { break-inside: avoid; }
.zero { color: #a00; font-weight: 700; }
@media print {
  body { padding: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
  .signoff, .toc-section { break-after: page; }
}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _href(link: str) -> str:
    """Only web links leave the sheet; anything else is shown as text."""
    return link if link.startswith(("https://", "http://")) else ""


def _refs(ids: Iterable[str], sources: Mapping[str, Source]) -> str:
    items = []
    for sid in ids:
        source = sources.get(sid)
        if source is None:
            items.append(f'<li><span class="sid">{_e(sid)}</span> <span class="none">not in sources.yaml</span></li>')
            continue
        href = _href(source.link)
        reference = f'<a href="{_e(href)}">{_e(source.reference)}</a>' if href else _e(source.reference)
        items.append(f'<li><a class="sid" href="#S-{_e(sid)}">{_e(sid)}</a> \u00b7 {reference}</li>')
    return f'<ol class="refs">{"".join(items)}</ol>' if items else ""


def _statement(statement: Statement, content: Content, language: str) -> str:
    patient = statement.text.get("patient", language)
    clinician = statement.text.get("clinician", language)
    same = '<span class="same">same words as for patients</span>'
    clinician_cell = f"<td>{same if clinician == patient else _e(clinician)}</td>"
    kind = _e(statement.kind)
    if statement.link:
        kind = f'<a href="#{_e(statement.link)}">{kind}</a>'
    refs = _refs(statement.sources, content.sources)
    cite = f'<tr class="cite"><td></td><td colspan="3">{refs}</td></tr>' if refs else ""
    return (
        f'<tbody id="{_e(statement.number)}"><tr><td class="no">{_e(statement.number)}</td>'
        f'<td class="kind">{kind}</td><td>{_e(patient)}</td>{clinician_cell}</tr>{cite}</tbody>'
    )


def _block(block: Block, content: Content, language: str) -> str:
    head = [f'<span class="anchor">{_e(block.anchor)}</span><h3>{_e(block.title)}</h3>']
    if block.tier:
        head.append(f'<span class="tier">{_e(block.tier)}</span>')
    if block.where:
        head.append(f' <span class="where">{_e(block.where)}</span>')
    parts = [f'<section class="block" id="{_e(block.anchor)}"><div class="block-head">{"".join(head)}</div>']
    if len(block.condition) == 1:
        parts.append(f'<p class="cond"><b>When:</b> {_e(block.condition[0])}</p>')
    elif block.condition:
        lines = "".join(f"<li>{_e(line)}</li>" for line in block.condition)
        parts.append(f'<div class="cond"><b>When all of these hold:</b><ul class="when">{lines}</ul></div>')
    if block.written:
        parts.append(f'<p class="written">As written in the rules: {_e(block.written)}</p>')
    if block.note:
        parts.append(f'<p class="note">{_e(block.note)}</p>')
    if block.sources:
        parts.append(f'<div class="cond"><b>Sources:</b>{_refs(block.sources, content.sources)}</div>')
    if block.statements:
        parts.append(
            '<table class="st"><colgroup><col class="no"><col class="kind"><col class="txt"><col class="txt">'
            "</colgroup><thead><tr><th>No.</th><th>Statement</th><th>Patient text</th><th>Clinician text</th>"
            "</tr></thead>"
            + "".join(_statement(s, content, language) for s in block.statements)
            + "</table>"
        )
    else:
        parts.append('<p class="none">This rule makes no statement.</p>')
    parts.append("</section>")
    return "".join(parts)


def _lookup(source: Source) -> str:
    links = []
    if source.doi:
        links.append(f'DOI <a href="https://doi.org/{_e(source.doi)}">{_e(source.doi)}</a>')
    if source.pmid:
        links.append(f'PMID <a href="https://pubmed.ncbi.nlm.nih.gov/{_e(source.pmid)}/">{_e(source.pmid)}</a>')
    href = _href(source.url)
    if source.url:
        links.append(f'<a href="{_e(href)}">{_e(source.url)}</a>' if href else _e(source.url))
    return "<br>".join(links) or '<span class="none">none</span>'


def _sources(sheet: Sheet) -> str:
    rows = []
    for sid, source in sheet.content.sources.items():
        count = sheet.citing.get(sid, 0)
        shown = f'<span class="zero">{count}</span>' if count == 0 else str(count)
        rows.append(
            f'<tr id="S-{_e(sid)}"><td>{_e(sid)}</td><td class="kind">{_e(source.kind)}</td>'
            f"<td>{_e(source.reference)}</td><td>{_lookup(source)}</td>"
            f'<td class="count">{shown}</td><td class="count">{sheet.cases.get(sid, 0)}</td></tr>'
        )
    return (
        '<table class="sources"><colgroup><col class="id"><col class="kind"><col class="ref"><col class="look">'
        '<col class="count"><col class="count"></colgroup><thead><tr><th>Id</th><th>Kind</th>'
        "<th>Full reference</th><th>DOI / PMID / URL</th><th>Cited</th><th>Cases</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def render(sheet: Sheet, today: datetime.date, verification: str = "", language: str = "en") -> str:
    """The sheet as one self-contained HTML document."""
    content, meta = sheet.content, sheet.content.meta
    facts = [
        ("Content version", _e(meta.content_version)),
        ("Review status", f'<span class="status">{_e(meta.review_status)}</span>'),
        ("Reviewed by", _e(meta.reviewed_by)),
        ("Last reviewed", _e(meta.last_reviewed)),
        ("Sheet generated", _e(today.isoformat())),
        ("Content folder", _e(content.folder)),
        (
            "Size",
            _e(
                f"{len(content.rules)} rules, {sheet.statement_count} numbered statements, "
                f"{len(content.sources)} sources, {len(content.cases)} practice cases"
            ),
        ),
    ]
    if verification:
        facts.append(("misaid check", _e(verification)))
    rows = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in facts)
    comment_lines = '<div class="comments"></div>' * 4
    signoff = f"""<section class="signoff" id="signoff"><h2>Sign-off</h2>
<p>I have read every statement on this sheet for content version {_e(meta.content_version)}.</p>
<div class="ticks"><span class="tick"><span class="box"></span>Approved</span>
<span class="tick"><span class="box"></span>Changes needed (comments below or on the sheet, by number)</span></div>
<table class="sign"><tr><th>Name</th><td></td></tr><tr><th>Role</th><td></td></tr>
<tr><th>Date</th><td></td></tr><tr><th>Signature</th><td></td></tr></table>
<p style="margin-top:5mm"><b>Comments</b></p>{comment_lines}</section>"""
    how = (
        "<p>This sheet lists every statement misaid can show, rule by rule, in the order of the files. "
        "Each rule says when it applies, in the words of the clinician questions, then each statement it makes: "
        "the patient wording and the clinician wording side by side, with its full citations. "
        "To comment, quote the number (for example <b>R12.3</b>, or <b>R12</b> for the whole rule). "
        "After sign-off the content team corrects the files, sets <code>review_status</code>, "
        "<code>reviewed_by</code> and <code>last_reviewed</code> in meta.yaml, and runs <code>misaid check</code>.</p>"
    )
    toc = ['<li><a href="#signoff">Sign-off</a></li>', '<li><a href="#meta">Texts shown with every result (M)</a></li>',
           '<li><a href="#approaches">Approaches (A)</a></li>', '<li><a href="#options">MIS options (O)</a></li>']
    toc += [
        f'<li><a href="#{_e(b.anchor)}"><span class="n">{_e(b.anchor)}</span>{_e(b.title)}</a> '
        f'<span class="where">{_e(b.tier)} \u00b7 {len(b.statements)}</span></li>'
        for b in sheet.rules
    ]
    toc.append('<li><a href="#sources">Sources</a></li>')
    body = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>misaid content review: version {_e(meta.content_version)}</title>",
        f"<style>{CSS}</style></head><body>",
        f'<header><h1>misaid content review</h1><table class="facts">{rows}</table>{how}</header>',
        signoff,
        '<section class="toc-section"><h2>Contents</h2><ol class="toc">' + "".join(toc) + "</ol></section>",
        '<h2 id="meta">Texts shown with every result</h2>',
        _block(sheet.meta, content, language),
        '<h2 id="approaches">Approaches</h2>',
        *(_block(b, content, language) for b in sheet.approaches),
        '<h2 id="options">MIS options</h2>',
        *(_block(b, content, language) for b in sheet.options),
        '<h2 id="rules">Rules</h2>',
        "<p>Rules in file order. Indication rules outrank baseline rules; limits always apply "
        "(see the combining policy, M-section).</p>",
        *(_block(b, content, language) for b in sheet.rules),
        '<h2 id="sources">Sources</h2>',
        "<p>Every source in sources.yaml. <b>Cited</b>: how many numbered items on this sheet cite it "
        "(a 0 is shown in red); <b>Cases</b>: how many practice cases do.</p>",
        _sources(sheet),
        "</body></html>\n",
    ]
    return "\n".join(body)


def verification_summary(content: Content) -> str:
    from .verify import check

    report = check(content)
    if report.ok:
        return "passed: no gaps, no unsettled disagreements, every rule can fire, every case agrees"
    return f"{len(report.problems)} problem(s) found; run misaid check for the list. Do not sign off until it passes."


def review_html(content: Content, today: datetime.date | None = None, verify: bool = True) -> str:
    """The whole sheet for a loaded content folder."""
    summary = verification_summary(content) if verify else ""
    return render(build(content), today or datetime.date.today(), summary)


def write_review(content: Content, out: Path, today: datetime.date | None = None) -> Sheet:
    """Write the sheet to `out`; OSError if the file cannot be written."""
    sheet = build(content)
    text = render(sheet, today or datetime.date.today(), verification_summary(content))
    out.write_text(text, encoding="utf-8")
    return sheet

