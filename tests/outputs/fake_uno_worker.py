"""A stand-in for the UNO worker that needs no LibreOffice: it speaks the same protocol and
behaves as the document asks, so the pool's handling of hangs and crashes can be tested.

The document's text decides: ``ok`` → a small fake PDF; ``stall`` → never answers; ``stall-once``
→ never answers the first time (a marker file beside the document remembers), then converts;
``crash`` → the worker dies; ``crash-once`` → dies the first time; ``bad`` → answers with an
error; ``unreadable`` → answers as the real worker does when LibreOffice opens nothing. Like the real worker it starts a child standing for soffice (``sleep``) with a
parent-death signal, and reports that child's pid.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reportgen.outputs import uno_worker


def _send(obj: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def _once(src: Path) -> bool:
    """True the first time it is asked about ``src``."""
    marker = src.with_suffix(".seen")
    if marker.exists():
        return False
    marker.write_text("1")
    return True


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--profile", required=True)
    ap.add_argument("--pipe", required=True)
    ap.add_argument("--parent", type=int, required=True)
    ap.add_argument("--startup-timeout", type=float, default=60.0)
    args = ap.parse_args()
    uno_worker._set_death_signal()
    child = subprocess.Popen(["sleep", "600"], preexec_fn=uno_worker._set_death_signal)
    office = uno_worker.Office("sleep", args.profile, args.pipe, 1)
    office.proc = child
    threading.Thread(
        target=uno_worker._watch_parent, args=(args.parent, office), daemon=True
    ).start()
    starts = Path(args.profile) / "starts"
    starts.write_text(str(int(starts.read_text()) + 1 if starts.exists() else 1))
    _send({"ready": True, "soffice_pid": child.pid})
    for line in sys.stdin:
        req = json.loads(line)
        src = Path(req["src"])
        text = src.read_text().strip()
        if text == "stall" or (text == "stall-once" and _once(src)):
            time.sleep(600)
        if text == "crash" or (text == "crash-once" and _once(src)):
            os._exit(1)
        if text == "bad":
            _send({"id": req["id"], "ok": False, "error": "cannot open"})
            continue
        if text == "unreadable":
            _send({"id": req["id"], "ok": False, "unreadable": True})
            continue
        Path(req["dst"]).write_bytes(
            b"%PDF-fake " + src.name.encode() + (b" A" if req["pdfa"] else b"")
        )
        _send({"id": req["id"], "ok": True})
    child.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
