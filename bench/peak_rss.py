#!/usr/bin/env python3
"""Run a command; print its wall time and peak resident memory as JSON.

Peak memory comes from wait4(). This small process is what forks the command: a child forked
(or vforked) straight from a benchmark that holds hundreds of MiB would report the parent's
high-water mark, not its own.
Usage: peak_rss.py COMMAND [ARG ...]
"""

import json
import os
import subprocess
import sys
import time

start = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
_pid, status, usage = os.wait4(process.pid, 0)
seconds = time.perf_counter() - start
code = os.waitstatus_to_exitcode(status)
error = process.stderr.read().decode(errors="replace")[-2000:]
print(json.dumps({"seconds": seconds, "max_rss_mib": usage.ru_maxrss / 1024, "exit": code, "stderr": error}))
