"""Answer sets and the statements of an explanation: what the outline's tests and every view's tests share."""

from __future__ import annotations

from misaid.core.engine import Explanation
from misaid.core.model import Audience

# one answer set per region of the shipped content, and the small fixture's
SHIPPED = {
    "neck": {"age": 62, "region": "neck", "symptoms": ["neck_pain", "arm_pain"], "alignment": "normal",
             "condition": "stenosis", "history": ["osteoporosis"], "priorities": ["quick_recovery"]},
    "mid_back": {"age": 55, "region": "mid_back", "symptoms": ["back_pain"], "alignment": "normal",
                 "condition": "herniated_disc", "history": []},
    "low_back": {"age": 45, "region": "low_back", "level": "l4_l5", "symptoms": ["leg_pain"],
                 "alignment": "normal", "condition": "worn_disc", "history": [], "priorities": ["fewest_risks"]},
}
MINI = {
    "disc": {"region": "low_back", "level": "l4_l5", "condition": "herniated_disc"},
    "worn": {"age": 50, "region": "low_back", "condition": "worn_disc"},
    "neck": {"region": "neck", "symptoms": ["bladder_bowel"]},
}


def statements(expl: Explanation, audience: Audience) -> list[str]:
    """Every statement of an explanation the views must show, in the audience's words."""
    say = lambda text: text.get(audience)  # noqa: E731
    calm = not expl.urgent  # an urgent result shows what to do now, not care without surgery
    found = [say(u.text) for u in expl.urgent] + ([say(n.text) for n in expl.nonsurgical] if calm else [])
    about = expl.nonsurgical_about
    if calm and about is not None:
        found += [say(k.text) for k in expl.key_points[:4]] + [say(r.text) for r in expl.nonsurgical_risks]
        found += [say(c.text) for c in (about.involves, about.fit, about.recovery)]
        found += [say(c.question) for c in expl.sure_check]
    for result in expl.approaches:
        found += [say(result.approach.name), say(expl.fit_labels[result.fit])]
        found += [say(p.text) for group in (result.reasons, result.benefits, result.risks) for p in group]
        if calm and result.approach.recovery is not None:
            found += [say(result.approach.involves), say(result.approach.recovery.text)]
    found += [say(o.name) for o in expl.mis_options] + [say(o.summary) for o in expl.mis_options]
    found += [say(n.text) for n in expl.notes] + [say(q.text) for q in expl.questions_for_surgeon]
    return found + [say(expl.surgeon_prompt.text)]
