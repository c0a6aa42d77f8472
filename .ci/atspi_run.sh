#!/usr/bin/env bash
# The AT-SPI check (.ci/atspi_check.py) in a private desktop: its own D-Bus session bus, the accessibility
# bus (at-spi-bus-launcher, which starts at-spi2-registryd), and an Xvfb display; then the real misaid,
# started by the check itself, with Qt's AT-SPI bridge always on. Nothing here touches the caller's desktop.
#
#   .ci/atspi_run.sh [--transcript FILE] [--modes patient,clinician,student,kiosk] [--dump DIR]
#
# Two interpreters, on purpose:
#   - the check runs on Debian's /usr/bin/python3, the one that python3-pyatspi installs into (PYATSPI_PYTHON);
#   - misaid runs from the repo's .venv (MISAID, default .venv/bin/misaid: `make test` has built it, in CI
#     too); point MISAID at another install, e.g. the wheel's venv, to check that one instead.
# Needs the Debian packages at-spi2-core, python3-pyatspi, dbus-x11 (it brings dbus-daemon's dbus-run-session
# and dbus-bin's dbus-send), xvfb and xdotool (see .ci/run), and the desktop libraries of README "System
# libraries for Qt". Exit status: the check's (0 all passed, 1 failures listed, 2 could not run).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

if [ -z "${MISAID_ATSPI_SESSION:-}" ]; then
  # 1) a D-Bus session bus of our own; it ends with this script. The bus daemon's chatter (fd limits,
  # activations) goes nowhere; this script gets its standard error back through fd 3.
  command -v dbus-run-session >/dev/null || { echo "atspi_run: no dbus-run-session: apt-get install dbus-x11" >&2; exit 2; }
  export MISAID_ATSPI_SESSION=1
  exec 3>&2
  exec dbus-run-session -- "$0" "$@" 2>/dev/null
fi
if { true >&3; } 2>/dev/null; then exec 2>&3 3>&-; fi

PYATSPI_PYTHON="${PYATSPI_PYTHON:-/usr/bin/python3}"
export MISAID="${MISAID:-$ROOT/.venv/bin/misaid}"
if [ ! -x "$MISAID" ]; then
  echo "atspi_run: building the repo's venv (no $MISAID yet)"
  make -C "$ROOT" --no-print-directory .venv/.installed >/dev/null
fi
"$PYATSPI_PYTHON" -c 'import pyatspi' 2>/dev/null || {
  echo "atspi_run: $PYATSPI_PYTHON cannot import pyatspi: apt-get install python3-pyatspi at-spi2-core" >&2
  exit 2
}

WORK="$(mktemp -d)"
XVFB_PID=""
BUS_PID=""
cleanup() {
  if [ -n "$BUS_PID" ]; then kill "$BUS_PID" 2>/dev/null || true; fi
  if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
wait_until() {  # wait_until SECONDS WHAT COMMAND...
  local limit=$1 what=$2; shift 2
  local end=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $end ] || { echo "atspi_run: waited ${limit} s for $what" >&2; exit 2; }
    sleep 0.2
  done
}

# 2) a display: Xvfb picks a free one and tells us which (no window manager, as in .ci/real_install.sh)
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$WORK/display" 2>"$WORK/xvfb.log" &
XVFB_PID=$!
wait_until 20 "Xvfb to start" test -s "$WORK/display"
export DISPLAY=":$(cat "$WORK/display")"
unset WAYLAND_DISPLAY
wait_until 10 "the display to answer" xdotool getdisplaygeometry

# 3) the accessibility bus; at-spi2-registryd is started on it when the first application registers.
# Started here, not by D-Bus activation, so it is ours to stop; nothing asks for org.a11y.Bus before it owns it.
BUS_LAUNCHER=/usr/libexec/at-spi-bus-launcher
[ -x "$BUS_LAUNCHER" ] || BUS_LAUNCHER=/usr/lib/at-spi2-core/at-spi-bus-launcher
"$BUS_LAUNCHER" --launch-immediately >"$WORK/bus.log" 2>&1 &
BUS_PID=$!
bus_owned() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.a11y.Bus | grep -q "boolean true"
}
wait_until 20 "the accessibility bus (org.a11y.Bus)" bus_owned
# what a desktop with a screen reader running says on the bus
for property in IsEnabled ScreenReaderEnabled; do
  dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.freedesktop.DBus.Properties.Set \
    string:org.a11y.Status "string:$property" variant:boolean:true >/dev/null
done

# 4) Qt's bridge on, the X11 platform (the bridge needs a real platform, not offscreen)
export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 QT_QPA_PLATFORM=xcb
export NO_AT_BRIDGE=0
unset QT_SCALE_FACTOR QT_SCREEN_SCALE_FACTORS QT_STYLE_OVERRIDE
echo "== atspi_run: DISPLAY=$DISPLAY, misaid=$MISAID, pyatspi on $PYATSPI_PYTHON"
status=0
# a bound, so a hung bus or app cannot hold CI; the trap above still takes the display and the bus down
timeout -k 10 "${ATSPI_TIMEOUT:-300}" "$PYATSPI_PYTHON" "$ROOT/.ci/atspi_check.py" "$@" || status=$?
[ "$status" -ne 124 ] || echo "atspi_run: the check took longer than ${ATSPI_TIMEOUT:-300} s" >&2
exit "$status"
