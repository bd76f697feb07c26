"""`python -m tests.fuzz.measure REPORT COMMAND...`: run COMMAND under an address-space cap
and write its peak RSS (KiB) to REPORT.

A launcher of its own, importing nothing but the standard library, because a child keeps
the high-water mark of the process it was forked from: forked from pytest, every command
"peaked" at pytest's 108 MB. Forked from this small launcher, the figure is the command's."""

from __future__ import annotations

import os
import resource
import signal
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    report, cap, command = Path(argv[0]), int(argv[1]), argv[2:]
    pid = os.fork()
    if pid == 0:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        os.execvp(command[0], command)
    _, status, usage = os.wait4(pid, 0)
    report.write_text(str(usage.ru_maxrss))
    code = os.waitstatus_to_exitcode(status)
    return 128 - code if code < 0 else code  # killed: 128 + the signal, as a shell says


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    raise SystemExit(main(sys.argv[1:]))
