#!/bin/sh
# The TUI driven as a person would, in tmux: start it, read the screen, press
# keys, resize the window, quit. Every check polls the captured pane until
# what a person would see is there (or 20 s pass), so a slow machine makes
# the test slower, not flaky.
set -u
. "$(dirname "$0")/lib.sh"
cd "$top_srcdir" || exit 1

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed (tools/setup.sh installs it)"
	exit 0
fi

sock="kubesim-test-$$"
work=$(mktemp -d)
tm() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM

sess=t1
screen() { tm capture-pane -p -t "$sess" 2>/dev/null; }
keys() { tm send-keys -t "$sess" "$@"; }

# wait_for NAME PATTERN: a test point that passes once the screen matches.
wait_for() {
	i=0
	while [ $i -lt 200 ]; do
		if screen | grep -q -e "$2"; then
			tap_result 0 "$1"
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	tap_result 1 "$1" "screen never showed /$2/:
$(screen)"
	return 1
}

# The program's exit status lands in a file; the pane stays for the capture.
# Each start gets a session of its own: killing the last session of a tmux
# server stops the server, and a new session would race its shutdown.
start() {
	sess=$1
	shift
	tm new-session -d -s "$sess" -x "$1" -y "$2" \
	    "TERM=xterm-256color LC_ALL=C.UTF-8 $KUBESIM tui $3; echo \$? > '$work/status'; sleep 60"
}

rm -f "$work/status"
start t1 120 40 "--speed 100"
wait_for "the demo's three nodes appear" "node3"
wait_for "each node gets its fluentd pod" "●fluentd-es-demo.*●fluentd-es-demo.*●fluentd-es-demo"
wait_for "the DaemonSet panel shows kubectl get ds columns" "default     fluentd-es-demo   3         3         3       3            3"
wait_for "the scenario's expectations are checked" "checks [0-9]*✓ 0✗"

keys ' '
wait_for "space pauses the clock" "PAUSED"
a=$(screen | grep -o 't=[0-9:.]*')
sleep 1
b=$(screen | grep -o 't=[0-9:.]*')
[ -n "$a" ] && [ "$a" = "$b" ]
tap_result $? "a paused clock does not move" "$a then $b"
keys 'n'
wait_for "n steps to the next event" "PAUSED"

keys ':' 'get ds fluentd-es-demo' Enter
wait_for "a kubectl command's output shows in the pane" '\$ kubectl get ds fluentd-es-demo'
wait_for "with kubectl's table" "NAME              DESIRED   CURRENT"
keys ':' 'addNode node4 --label disktype=ssd' Enter
wait_for "a scenario step typed at the prompt adds a node" "node4"
keys ':' 'frobnicate' Enter
wait_for "an unknown command gets kubectl's error" 'unknown command "frobnicate"'

keys Escape '?'
wait_for "? shows the keys" "pause or resume the clock"
keys 'x'
keys 'j' Enter
wait_for "Enter on a node shows kubectl describe" "Name:               node2"

keys '/' 'node3' Enter
wait_for "/ filters the nodes" "┌node3"
screen | grep -q "┌node1"
[ $? != 0 ]
tap_result $? "the filter hides the other nodes"

keys '/' C-u Enter Tab Enter
wait_for "Tab selects a node's pod, and Enter describes it" "Controlled By:  DaemonSet/fluentd-es-demo"

tm resize-window -t "$sess" -x 80 -y 24
wait_for "the view redraws at 80x24, the four nodes in one-line cells" "node4  *N"
# One byte per cell for the measure: the multibyte glyphs become ASCII.
w=$(screen | sed 's/●/o/g; s/✓/v/g; s/✗/x/g; s/[─│┌┐└┘]/+/g' |
    awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')
[ "$w" -le 80 ]
tap_result $? "nothing is drawn past 80 columns" "widest line: $w"

keys q
i=0
while [ ! -s "$work/status" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(cat "$work/status" 2>/dev/null)" = 0 ]
tap_result $? "q quits with status 0" "status: $(cat "$work/status" 2>/dev/null)"

# SIGTERM: the loop notices, leaves curses mode and exits cleanly.
rm -f "$work/status"
start t2 100 30 "--mode legacy --speed 10"
wait_for "--mode legacy is shown" "legacy mode"
pid=$(pgrep -n -f "^$KUBESIM tui --mode legacy")
[ -n "$pid" ] && kill -TERM "$pid"
i=0
while [ ! -s "$work/status" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(cat "$work/status" 2>/dev/null)" = 0 ]
tap_result $? "SIGTERM ends it cleanly" "status: $(cat "$work/status" 2>/dev/null)"

# Not a terminal: a clear refusal, not a garbled screen.
out=$("$KUBESIM" tui </dev/null 2>&1 >/dev/null)
status=$?
[ $status = 2 ] && printf '%s\n' "$out" | grep -q "tui needs a terminal"
tap_result $? "without a terminal it refuses with a message" "status $status: $out"

tap_done
