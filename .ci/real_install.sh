#!/usr/bin/env bash
# The installed wheel, not the checkout: build it, install it into a fresh venv, run check, explain and tour
# from elsewhere; then in a real X window (Xvfb) open each mode, walk one patient journey with real key
# events (xdotool) and close each window as a window manager would, expecting exit status 0.
# Needs: python3-venv, xvfb, xdotool and the desktop libraries of README "System libraries for Qt".
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d)"
XVFB_PID=""
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
started=$SECONDS
step() { echo "== real_install: $* ($((SECONDS - started)) s)"; }
fail() {
  echo "real_install: FAILED: $*" >&2
  for log in "$WORK"/*.log; do [ -s "$log" ] && { echo "--- $(basename "$log")" >&2; tail -n 30 "$log" >&2; }; done
  exit 1
}
# wait_until SECONDS WHAT COMMAND...: poll every 0.2 s until COMMAND succeeds
wait_until() {
  local limit=$1 what=$2; shift 2
  local end=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $end ] || fail "waited ${limit} s for $what"
    sleep 0.2
  done
}

# --- (a) the wheel, installed, used from outside the checkout -------------------------------------------
step "build the wheel and install it into a fresh venv"
"$PYTHON" -m venv "$WORK/venv"
BIN="$WORK/venv/bin"
"$BIN/pip" wheel --quiet --no-deps --wheel-dir "$WORK/dist" "$ROOT" >"$WORK/pip.log" 2>&1 || fail "building the wheel"
"$BIN/pip" install --quiet "$WORK"/dist/misaid-*.whl >>"$WORK/pip.log" 2>&1 || fail "installing the wheel"

mkdir "$WORK/elsewhere"
cd "$WORK/elsewhere"
where=$("$BIN/python" -c 'import misaid; print(misaid.__file__)')
case "$where" in "$WORK/venv/"*) ;; *) fail "misaid was imported from $where, not the installed wheel" ;; esac

step "misaid check"
"$BIN/misaid" check >"$WORK/check.log" 2>&1 || fail "misaid check exited $?"
grep -q "^ok: " "$WORK/check.log" || fail "misaid check did not say ok"

cat >answers.yaml <<'EOF'
age: 67
region: low_back
level: l4_l5
symptoms: [leg_pain, walking_trouble]
alignment: slipped_vertebra
condition: slipped_vertebra
history: []
EOF
step "misaid explain --format json"
"$BIN/misaid" explain --answers answers.yaml --format json >explain.json 2>"$WORK/explain.log" \
  || fail "misaid explain exited $?"
"$BIN/python" - <<'EOF' || fail "explain's JSON is not what it should be"
import json
result = json.load(open("explain.json"))
assert result["approaches"] and all(a["fit"] for a in result["approaches"]), result.get("approaches")
assert result["answers"]["age"] == 67, result["answers"]
EOF

step "misaid tour"
"$BIN/misaid" tour --answers answers.yaml --out screens >"$WORK/tour.log" 2>&1 || fail "misaid tour exited $?"
pngs=$(find screens -name '*.png' -size +10k | wc -l)
[ "$pngs" -ge 4 ] || fail "misaid tour wrote $pngs PNG files of some size, expected at least 4"
head -c 8 "$(find screens -name '*.png' | head -n 1)" | grep -q PNG || fail "tour's files are not PNG"

# --- (b) a real X window ------------------------------------------------------------------------------------
step "start Xvfb"
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$WORK/display" 2>"$WORK/xvfb.log" &
XVFB_PID=$!
wait_until 20 "Xvfb to start" test -s "$WORK/display"
export DISPLAY=":$(cat "$WORK/display")"
unset QT_QPA_PLATFORM WAYLAND_DISPLAY
wait_until 10 "the display to answer" xdotool getdisplaygeometry

window=""
find_window() { window=$(xdotool search --onlyvisible --name "$1" | head -n 1); [ -n "$window" ]; }
title() { xdotool getwindowname "$window" 2>/dev/null || true; }
app_gone() { ! kill -0 "$APP_PID" 2>/dev/null; }

# open MODE TITLE: start the installed misaid in MODE and wait for its window
open() {
  "$BIN/misaid" --mode "$1" >"$WORK/$1.log" 2>&1 &
  APP_PID=$!
  wait_until 30 "a visible '$2' window (misaid --mode $1)" find_window "^$2\$"
}

# close MODE: close the window as a window manager's close button does; misaid must exit with status 0
close() {
  "$PYTHON" "$ROOT/.ci/wm_close.py" "$window" || fail "could not send the close request"
  wait_until 20 "misaid --mode $1 to exit after its window was closed" app_gone
  local status=0
  wait "$APP_PID" || status=$?
  APP_PID=""
  [ "$status" -eq 0 ] || fail "misaid --mode $1 exited with status $status after a window close"
  ! grep -q Traceback "$WORK/$1.log" || fail "misaid --mode $1 printed a traceback"
}

step "patient: one journey by keyboard"
open patient "misaid: surgery through small cuts"
xdotool windowfocus --sync "$window"
# the same keys in every round: the age (only the number field takes digits), Space on the focused answer,
# Enter for Next; until the title says the result is shown (the content loads after the first paint)
for round in $(seq 40); do
  [ "$(title)" = "misaid: what the sources say" ] && break
  xdotool type --delay 20 45
  xdotool key --delay 20 space Return
  sleep 0.3
done
[ "$(title)" = "misaid: what the sources say" ] || fail "no result after $round rounds of keys; title '$(title)'"
echo "   result reached after $round rounds of keys"
close patient

for mode in clinician student; do
  step "$mode: a window, then a clean exit"
  case $mode in clinician) name="misaid: consultation" ;; student) name="misaid: practice cases" ;; esac
  open "$mode" "$name"
  sleep 2  # the content loads after the first paint; close a mode that has filled in, not an empty one
  app_gone && fail "misaid --mode $mode ended by itself"
  close "$mode"
done
step "all done"
