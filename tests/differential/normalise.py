"""What the real kubectl printed, with the server's wall-clock times moved
back onto the simulated clock kubesim's own kubectl prints.

kubesim serve shifts every served time so that simulated now is the wall
clock's now (kubectl ages objects by its own clock); kubesim's kubectl
prints the simulated clock itself, which starts on 2025-01-01. Absolute
times (RFC 3339 as in -o yaml, RFC 1123Z as describe prints them) are moved
back by SHIFT seconds (version build dates excepted); klog's header (time and process id) becomes the
fixed one kubesim's kubectl writes. Nothing else is touched.

Usage: normalise.py SHIFT < FILE
"""
import datetime
import re
import sys

shift = datetime.timedelta(seconds=int(sys.argv[1]))
# Version build dates are the binary's, not served times.
RFC3339 = re.compile(r"(?<![Bb]uildDate: )(?<![Bb]uildDate:\")(?<![Bb]uildDate\": \")"
                     r"\b(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z")
RFC1123Z = re.compile(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d) (\w{3}) (\d{4}) (\d\d:\d\d:\d\d) \+0000")
KLOG = re.compile(r"^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ ", re.M)


def r3339(m):
    t = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S") - shift
    return t.strftime("%Y-%m-%dT%H:%M:%S") + (m.group(2) or "") + "Z"


def r1123(m):
    t = datetime.datetime.strptime(" ".join(m.group(2, 3, 4, 5)), "%d %b %Y %H:%M:%S") - shift
    return t.strftime("%a, %d %b %Y %H:%M:%S +0000")


text = sys.stdin.read()
text = RFC3339.sub(r3339, text)
text = RFC1123Z.sub(r1123, text)
text = KLOG.sub(lambda m: m.group(1) + "0101 00:00:00.000000       1 ", text)
sys.stdout.write(text)
