"""Each visitor's own folder: every upload and every batch in a folder of its own, named by the
server, under ``work_dir/sessions/<session id>/``. Nothing is deleted unless the visitor asks."""

from __future__ import annotations

import json
import re
import secrets
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from reportgen.diagnostics import catalog
from reportgen.web.security import web_error

_ID = re.compile(r"^[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$")
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$")


def new_id() -> str:
    """A folder id that sorts by time and never collides: ``20241216-093005-a1b2c3``."""
    return datetime.now().strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(3)


@dataclass
class Item:
    """One upload, template or batch: its folder and what was recorded about it."""

    id: str
    folder: Path
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def created(self) -> str:
        """When it was made, as the page shows it (``16/12/2024 09:30``)."""
        try:
            return datetime.strptime(self.id[:15], "%Y%m%d-%H%M%S").strftime("%d/%m/%Y %H:%M")
        except ValueError:
            return ""

    def file(self) -> Path:
        """The stored file (uploads and templates): ``data.<ext>`` or ``template.docx``."""
        return self.folder / str(self.meta["file"])


class Workspace:
    """The folders of one session. ``kind`` is ``uploads``, ``batches`` or ``templates``;
    ``report`` the report's key (templates are not per report)."""

    def __init__(self, work_dir: Path, sid: str) -> None:
        self.base = (work_dir / "sessions" / sid).resolve()

    def _dir(self, kind: str, report: str | None) -> Path:
        if report is not None and not _KEY.match(report):
            raise web_error("web.not-found", 404, what=catalog.text("web.what-this-report"))
        return self.base / report / kind if report else self.base / kind

    def create(self, kind: str, report: str | None, meta: dict[str, Any]) -> Item:
        """Make a new empty folder and record ``meta`` in it."""
        parent = self._dir(kind, report)
        parent.mkdir(parents=True, exist_ok=True)
        while True:
            item_id = new_id()
            folder = parent / item_id
            try:
                folder.mkdir()
                break
            except FileExistsError:
                continue
        item = Item(item_id, folder, dict(meta))
        self.save(item)
        return item

    def save(self, item: Item) -> None:
        """Write the item's ``meta.json`` (atomically)."""
        tmp = item.folder / ".meta.json.tmp"
        tmp.write_text(json.dumps(item.meta, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(item.folder / "meta.json")

    def get(self, kind: str, report: str | None, item_id: str) -> Item:
        """The item ``item_id`` of this session, or a "not found" :class:`WebError` (ids are
        checked by pattern, so nothing outside the session's folder can be named)."""
        if not _ID.match(item_id):
            raise web_error("web.not-found", 404, what=catalog.text("web.what-this-file"))
        folder = self._dir(kind, report) / item_id
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise web_error("web.not-found", 404, what=catalog.text("web.what-this-file")) from exc
        return Item(item_id, folder, meta)

    def list(self, kind: str, report: str | None) -> list[Item]:
        """The items of a kind, newest first."""
        parent = self._dir(kind, report)
        if not parent.is_dir():
            return []
        out = []
        for folder in sorted(parent.iterdir(), reverse=True):
            if _ID.match(folder.name):
                try:
                    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    continue
                out.append(Item(folder.name, folder, meta))
        return out

    def delete(self, item: Item) -> None:
        """Remove an item's folder (only when the visitor asks)."""
        if item.folder.resolve().is_relative_to(self.base):
            shutil.rmtree(item.folder, ignore_errors=True)
