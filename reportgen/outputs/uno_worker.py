"""One LibreOffice instance driven through UNO, run as its own process by the converter pool.

This file is a standalone script: it runs under the Python interpreter that can import ``uno``
(on Debian ``/usr/bin/python3`` with python3-uno; LibreOffice's own ``program/python`` elsewhere),
which is often not the interpreter reportgen runs under. It imports nothing from reportgen.

It starts ``soffice.bin`` headless with its own profile, connects to it over a named UNO pipe,
and then reads requests from standard input, one JSON object a line::

    {"id": 1, "src": "/abs/a.docx", "dst": "/abs/tmp/1.pdf", "pdfa": false}

and answers on standard output, one JSON object a line::

    {"ready": true, "soffice_pid": 1234}              (once, when LibreOffice answers)
    {"id": 1, "ok": true}
    {"id": 1, "ok": false, "error": "..."}
    {"id": 1, "ok": false, "unreadable": true}      (LibreOffice opened nothing; the pool words it)

It ends, and ends LibreOffice with it, when standard input closes, and also when its parent
process dies (Linux: a parent-death signal; elsewhere a watchdog polling the parent's pid). The
pool kills the whole process group when a conversion takes too long.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import zipfile
from typing import Any

PR_SET_PDEATHSIG = 1
EXIT_RESTART = 81  # soffice.bin asks to be started again (first start of a new profile)


def _set_death_signal() -> None:
    """Ask the kernel to kill this process when its parent dies (Linux only; no-op elsewhere)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


# --- a lean copy to open --------------------------------------------------------------------
# A report made from python-docx's default template carries its 160-odd styles (355 kB of
# styles.xml), nearly all unused; LibreOffice builds every one of them when it opens the file,
# which costs more than laying out the report's four pages. The worker therefore opens a copy
# whose styles.xml keeps only the styles the document uses (and those they derive from), and
# the defaults. What the reader sees cannot change: a style nobody refers to formats nothing.
# Documents with fields that name styles (STYLEREF, TOC) are opened as they are.

_STYLE = re.compile(rb"<w:style\b[^>]*?(?:/>|>.*?</w:style>)", re.DOTALL)
_STYLE_ID = re.compile(rb'\bw:styleId="([^"]*)"')
_STYLE_DEFAULT = re.compile(rb'^<w:style\b[^>]*\bw:default="(?:1|true|on)"')
_STYLE_CHAIN = re.compile(rb'<w:(?:basedOn|link|next) w:val="([^"]*)"')
_STYLE_REF = re.compile(
    rb"<w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink|defaultTableStyle|"
    rb'clickAndTypeStyle) w:val="([^"]*)"'
)
_NAMES_STYLES = re.compile(rb"STYLEREF|\bTOC\b", re.IGNORECASE)


def lean_docx(data: bytes) -> bytes | None:
    """``data`` (a .docx) with the styles nothing in it refers to left out of styles.xml, and
    without stylesWithEffects.xml (Word 2010's copy, which LibreOffice does not read); None
    when there is nothing to leave out or the document must be opened as it is."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zin:
            parts = [(info, zin.read(info)) for info in zin.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    names = {info.filename: body for info, body in parts}
    styles = names.get("word/styles.xml")
    if styles is None:
        return None
    used: set[bytes] = set()
    for name, body in names.items():
        if (
            name.startswith("word/")
            and name.endswith(".xml")
            and not name.startswith(("word/styles", "word/stylesWithEffects"))
        ):
            if _NAMES_STYLES.search(body):
                return None
            used.update(_STYLE_REF.findall(body))
    found = list(_STYLE.finditer(styles))
    by_id: dict[bytes, bytes] = {}
    for m in found:
        sid = _STYLE_ID.search(m.group(0))
        if sid is None:
            return None  # not a file this reading understands: leave it alone
        by_id[sid.group(1)] = m.group(0)
    todo = [*used, *(i for i, xml in by_id.items() if _STYLE_DEFAULT.match(xml))]
    keep: set[bytes] = set()
    while todo:
        style = todo.pop()
        if style in keep or style not in by_id:
            continue
        keep.add(style)
        todo.extend(_STYLE_CHAIN.findall(by_id[style]))
    if len(keep) == len(by_id):
        return None
    out_styles = bytearray()
    last = 0
    for m in found:
        out_styles += styles[last : m.start()]
        sid = _STYLE_ID.search(m.group(0))
        if sid is not None and sid.group(1) in keep:
            out_styles += m.group(0)
        last = m.end()
    out_styles += styles[last:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zout:
        for info, body in parts:
            if info.filename == "word/stylesWithEffects.xml":
                continue  # still named in the relationships: a missing part is skipped
            if info.filename == "word/styles.xml":
                body = bytes(out_styles)
            zout.writestr(info.filename, body)
    return out.getvalue()


class _Unreadable(Exception):
    """LibreOffice opened nothing (a damaged file, or no .docx); the pool says so in its words."""


def _send(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


class Office:
    """A running soffice.bin and the UNO desktop object connected to it."""

    def __init__(self, program: str, profile: str, pipe: str, startup_timeout: float) -> None:
        self.program = program
        self.profile = profile
        self.pipe = pipe
        self.startup_timeout = startup_timeout
        self.proc: subprocess.Popen[bytes] | None = None
        self.desktop: Any = None

    def _spawn(self) -> subprocess.Popen[bytes]:
        profile_url = "file://" + self.profile.replace("\\", "/")
        cmd = [
            self.program,
            "--headless",
            "--invisible",
            "--nocrashreport",
            "--nodefault",
            "--nologo",
            "--nofirststartwizard",
            "--norestore",
            "--nolockcheck",
            f"-env:UserInstallation={profile_url}",
            f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext",
        ]
        return subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=_set_death_signal,
        )

    def start(self) -> int:
        """Start LibreOffice and connect; return its pid."""
        import uno  # type: ignore[import-not-found]

        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        url = f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext"
        deadline = time.monotonic() + self.startup_timeout
        self.proc = self._spawn()
        last: Exception | None = None
        while time.monotonic() < deadline:
            code = self.proc.poll()
            if code is not None:
                if code == EXIT_RESTART:
                    self.proc = self._spawn()
                    continue
                raise RuntimeError(f"LibreOffice exited at start (code {code})")
            try:
                ctx = resolver.resolve(url)
            except Exception as exc:  # NoConnectException until soffice listens
                last = exc
                time.sleep(0.05)
                continue
            smgr = ctx.ServiceManager
            self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            return self.proc.pid
        raise RuntimeError(f"LibreOffice did not answer in {self.startup_timeout:.0f} s: {last}")

    def convert(self, src: str, dst: str, pdfa: bool) -> None:
        """Open ``src`` hidden and read-only (a lean copy of it, see :func:`lean_docx`),
        export it as PDF to ``dst``, close it."""
        lean = None
        if src.lower().endswith(".docx") and os.environ.get("REPORTGEN_PDF_LEAN") != "0":
            with open(src, "rb") as fh:
                data = lean_docx(fh.read())
            if data is not None:
                lean = dst + ".docx"
                with open(lean, "wb") as fh:
                    fh.write(data)
        try:
            self._convert(lean or src, dst, pdfa)
        finally:
            if lean is not None:
                with contextlib.suppress(OSError):
                    os.unlink(lean)

    def _convert(self, src: str, dst: str, pdfa: bool) -> None:
        import uno
        from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

        def prop(name: str, value: Any) -> Any:
            return PropertyValue(Name=name, Value=value)

        load: tuple[Any, ...] = (
            prop("Hidden", True),
            prop("ReadOnly", True),
            prop("MacroExecutionMode", 0),  # NEVER_EXECUTE
            prop("UpdateDocMode", 0),  # NO_UPDATE: no external links fetched
        )
        if src.lower().endswith(".docx"):
            load = (*load, prop("FilterName", "MS Word 2007 XML"))  # no type detection
        if os.environ.get("REPORTGEN_PDF_PREVIEW") != "0":
            # opened for viewing only: LibreOffice skips what editing would need (about a
            # quarter less CPU to open and close a ward report); the pages are the same
            load = (*load, prop("Preview", True))
        doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, load)
        if doc is None:
            raise _Unreadable(src)
        try:
            data = [prop("SelectPdfVersion", 2 if pdfa else 0)]
            if pdfa:
                data.append(prop("UseTaggedPDF", True))
            filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", tuple(data))
            store = (
                prop("FilterName", "writer_pdf_Export"),
                prop("Overwrite", True),
                prop("FilterData", filter_data),
            )
            uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(dst), store))
        finally:
            with contextlib.suppress(Exception):
                doc.close(True)

    def answers(self) -> bool:
        """Whether LibreOffice is still running and answering over UNO."""
        if self.proc is None or self.proc.poll() is not None:
            return False
        try:
            self.desktop.getComponents()
        except Exception:
            return False
        return True

    def stop(self) -> None:
        """End LibreOffice: politely, then by force."""
        if self.desktop is not None:
            with contextlib.suppress(Exception):
                self.desktop.terminate()
        if self.proc is not None:
            try:
                self.proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _watch_parent(parent: int, office: Office) -> None:
    """End everything when the parent process is gone (backup for the death signal)."""
    while True:
        if os.getppid() != parent:
            if office.proc is not None:
                with contextlib.suppress(OSError):
                    office.proc.kill()
            os._exit(3)
        time.sleep(0.5)


def main(argv: list[str] | None = None) -> int:
    """Run the worker: start LibreOffice, then convert what standard input asks for."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--program", required=True)
    ap.add_argument("--profile", required=True)
    ap.add_argument("--pipe", required=True)
    ap.add_argument("--parent", type=int, required=True)
    ap.add_argument("--startup-timeout", type=float, default=60.0)
    args = ap.parse_args(argv)
    _set_death_signal()
    if os.getppid() != args.parent:  # the parent died before the death signal was set
        return 3
    office = Office(args.program, args.profile, args.pipe, args.startup_timeout)
    threading.Thread(target=_watch_parent, args=(args.parent, office), daemon=True).start()
    try:
        pid = office.start()
    except Exception as exc:
        _send({"ready": False, "error": str(exc)})
        office.stop()
        return 1
    _send({"ready": True, "soffice_pid": pid})
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            req = json.loads(line)
            try:
                office.convert(req["src"], req["dst"], bool(req.get("pdfa")))
            except Exception as exc:
                if not office.answers():
                    return 1  # LibreOffice died: the pool starts a new one and retries
                if isinstance(exc, _Unreadable):
                    _send({"id": req.get("id"), "ok": False, "unreadable": True})
                else:
                    error = f"{type(exc).__name__}: {exc}"
                    _send({"id": req.get("id"), "ok": False, "error": error})
            else:
                _send({"id": req.get("id"), "ok": True})
    finally:
        office.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
