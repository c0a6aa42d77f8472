"""The review sheet: every rule, statement and source of the content, escaped, with the review state."""

from __future__ import annotations

import datetime
import re
from html import escape
from pathlib import Path

from misaid.core import Content, load_content
from misaid.core.conditions import All
from misaid.core.model import Text
from misaid.core.review import build, condition_lines, render, review_html, write_review
from tests.mini_content import EditContent

DAY = datetime.date(2031, 4, 5)


def sheet_html(content: Content) -> str:
    return review_html(content, today=DAY, verify=False)


def sections(html: str) -> dict[str, str]:
    """Each numbered block of the sheet by its anchor (M, A1, O2, R3, ...)."""
    parts = re.split(r'<section class="block" id="', html)[1:]
    return {part.split('"', 1)[0]: part.split("</section>", 1)[0] for part in parts}


def every_text(content: Content) -> list[Text]:
    """Every text the content can show, gathered from the model rather than from the sheet."""
    meta = content.meta
    texts = [meta.surgeon_prompt.text, meta.disclaimer, meta.combining_policy, meta.nonsurgical_name]
    texts += [c.text for c in meta.always_ask] + list(meta.fit_labels.values())
    about = meta.nonsurgical
    texts += [c.text for c in (about.involves, about.fit, about.recovery, *about.risks)]
    texts += [t for check in meta.sure_check for t in (check.question, check.if_no)]
    for approach in content.approaches.values():
        texts += [approach.name, approach.path, approach.involves]
        texts += [approach.recovery.text] if approach.recovery else []
    for option in content.options.values():
        texts += [option.name, option.summary]
    for rule in content.rules:
        groups = (rule.fit, rule.benefits, rule.risks, rule.key_points, rule.nonsurgical, rule.notes, rule.urgent,
                  rule.ask)
        texts += [item.text for group in groups for item in group]
    return texts


def test_every_rule_appears_in_file_order_with_its_condition_in_words(mini: Content) -> None:
    html = sheet_html(mini)
    found = sections(html)
    for number, rule in enumerate(mini.rules, start=1):
        block = found[f"R{number}"]
        assert f"<h3>{escape(rule.id)}</h3>" in block and escape(rule.tier) in block
        lines = condition_lines(rule.when, mini)
        assert len(lines) == (len(rule.when.items) if isinstance(rule.when, All) else 1)
        assert all(f"{escape(line)}</" in block for line in lines)
        assert escape(rule.when.describe()) in block
        path, line, _ = mini.locations[rule.id]
        assert f"{Path(path).name}:{line}" in block
        assert f'href="#R{number}"' in html  # in the table of contents
    positions = [html.index(f'id="R{n}"') for n in range(1, len(mini.rules) + 1)]
    assert positions == sorted(positions)


def test_conditions_use_the_clinician_labels_with_answers_quoted(mini: Content) -> None:
    block = sections(sheet_html(mini))["R2"]  # low-back-disc: region low back and a herniated disc
    assert "When all of these hold:" in block
    assert f"<li>{escape('“Region” → ‘Low back’')}</li>" in block
    assert f"<li>{escape('“What did the doctor say?” → ‘Disc’')}</li>" in block
    single = sections(sheet_html(mini))["R1"]  # baseline: one part, several answers
    assert f"<b>When:</b> {escape('“Region” → ‘Neck’ or ‘Low back’ or ‘I')}" in single


def test_every_statement_shows_patient_and_clinician_text(mini: Content) -> None:
    html = sheet_html(mini)
    texts = every_text(mini)
    assert any(t.get("patient") != t.get("clinician") for t in texts)  # the fixture has both kinds
    for text in texts:
        assert escape(text.get("patient")) in html
        assert escape(text.get("clinician")) in html


def test_statements_are_numbered_per_rule_with_their_kind(mini: Content) -> None:
    sheet = build(mini)
    baseline = sheet.rules[0]
    rule = mini.rules[0]
    kinds = [s.kind for s in baseline.statements]
    expected = (len(rule.fit) + len(rule.benefits) + len(rule.risks) + len(rule.key_points) + len(rule.nonsurgical)
                + len(rule.options))
    assert len(kinds) == expected
    assert [s.number for s in baseline.statements] == [f"R1.{n}" for n in range(1, expected + 1)]
    assert kinds[0].startswith("Fit") and "Care without surgery" in kinds and kinds[-1].startswith("MIS option")
    # benefits and risks sit together per approach, so a reviewer weighs them side by side
    points = [k for k in kinds if k.startswith(("Benefit", "Risk"))]
    assert points[:2] == ["Benefit \u00b7 anterior", "Risk \u00b7 anterior"]
    html = sheet_html(mini)
    assert '<tbody id="R1.1">' in html and '<tbody id="R7.1">' in html
    urgent = sections(html)["R7"]
    assert "Urgent \u00b7 cauda-equina" in urgent and "Question for the surgeon" in urgent


def test_every_source_appears_with_its_reference_link_and_count(mini: Content) -> None:
    html = sheet_html(mini)
    sheet = build(mini)
    for sid, source in mini.sources.items():
        assert escape(source.reference) in html
        assert f'id="S-{sid}"' in html
        assert not source.link or f'href="{escape(source.link)}"' in html
        assert sheet.citing[sid] > 0
    src_b = mini.sources["src-b"]
    assert src_b.doi and f'href="https://doi.org/{src_b.doi}"' in html


def test_meta_review_state_and_sign_off_are_in_the_header(mini: Content) -> None:
    html = sheet_html(mini)
    head = html.split('<section class="toc-section">', 1)[0]
    meta = mini.meta
    for value in (meta.content_version, meta.review_status, meta.reviewed_by, meta.last_reviewed, DAY.isoformat()):
        assert escape(value) in head
    for words in ("Sign-off", "Approved", "Changes needed", "Name", "Role", "Date", "Signature"):
        assert words in head


def test_the_sheet_is_self_contained(mini: Content) -> None:
    html = review_html(mini, today=DAY).lower()
    for needle in ("<script", "<link", "<img", "<iframe", "@import", "url(", " src=", "javascript:"):
        assert needle not in html
    assert "@page" in html and "size: a4" in html and "@media print" in html
    assert "misaid check" in html and "passed" in html  # the verification result is on the sheet


def test_hostile_content_is_escaped(mini_copy: Path, edit_content: EditContent) -> None:
    evil = '<script>alert("x")</script>'
    edit_content("rules.yaml", '{en: "From the back."}', f"{{patient: {{en: '{evil}'}}, clinician: {{en: '<b>&'}}}}")
    edit_content("sources.yaml", 'title: "Source B"', f"title: '{evil} title'")
    edit_content("questions.yaml", '{en: "Low back"}', "{en: '<i>Low back</i>'}")
    edit_content("meta.yaml", 'reviewed_by: "test fixture"', "reviewed_by: '<img src=x onerror=alert(1)>'")
    content = load_content(mini_copy)
    html = sheet_html(content)
    assert "<script" not in html.lower() and "<img" not in html.lower() and "<i>" not in html and "<b>&" not in html
    assert escape(evil) in html and escape("<b>&") in html and escape("<i>Low back</i>") in html
    assert escape("<img src=x onerror=alert(1)>") in html


def test_write_review_writes_utf8_file(mini: Content, tmp_path: Path) -> None:
    out = tmp_path / "sheet.html"
    sheet = write_review(mini, out, today=DAY)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert sheet.statement_count == len(every_text(mini)) + sum(len(r.options) for r in mini.rules)
    assert render(sheet, DAY).count("<tbody id=") == sheet.statement_count


def test_shipped_content_renders(content: Content) -> None:
    """No specific sentence: the shipped content is rewritten often; every rule and source must show."""
    html = sheet_html(content)
    found = sections(html)
    assert len([a for a in found if a.startswith("R")]) == len(content.rules)
    for number, rule in enumerate(content.rules, start=1):
        assert f"<h3>{escape(rule.id)}</h3>" in found[f"R{number}"]
    for source in content.sources.values():
        assert escape(source.reference) in html
