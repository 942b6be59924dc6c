"""Catalog entries of the application layer (reportgen/app/): choosing the units, planning a
batch, the trial render before it, running it, and the comments of a DỰ THẢO."""

from __future__ import annotations

from reportgen.diagnostics.catalog import Message

MESSAGES = {
    # the units asked for (pipeline.select_units)
    "app.unknown-units": Message("Tên đơn vị không đúng"),
    "app.unknown-unit": Message(
        'không có đơn vị "{name}" trong tệp số liệu',
        "các đơn vị: {names}",
        code="data.unknown-unit",
    ),
    "app.did-you-mean": Message('có phải ý bạn là "{guess}"?'),
    # the template names something the report does not define (renderer)
    "template.unknown-name": Message(
        "mẫu dùng tên không có trong định nghĩa báo cáo: {names}",
        "chạy `reportgen lint {template} --config {config}` để xem từng chỗ, rồi sửa trong Word",
    ),
    # a report that cannot be filled, found before the batch (readiness)
    "render.cannot-fill": Message("{message} ({count} đơn vị: {shown})"),
    "app.tried-unit": Message("{head} (khi thử sinh báo cáo của {unit})"),
    "app.tried-units": Message("{head} (khi thử sinh báo cáo của {count} đơn vị: {shown})"),
    "app.file-sheet": Message("{file}, trang tính {sheet}"),
    "app.missing-column": Message(
        '{message}: tệp số liệu {where} không có cột "{column}" (hoặc cột đó trống ở mọi dòng)',
        'thêm cột "{column}" vào tệp số liệu và điền cho từng phường, xã, hoặc sửa dòng này '
        "trong tệp YAML",
    ),
    "app.missing-column-guess": Message(
        'có phải cột "{guess}"? Đặt tên cột là "{column}", hoặc sửa dòng này trong tệp YAML'
    ),
    "app.empty-cells": Message(
        '{message}: ô trống ở cột "{column}" — {rows}',
        'điền cột "{column}" ở các dòng đó trong tệp số liệu, hoặc sửa dòng này trong tệp YAML',
    ),
    "app.row-of-unit": Message("dòng {row} ({unit})"),
    # why a unit's report is held back (plan)
    "app.unit-errors": Message("{count} lỗi số liệu (xem kiem-tra.txt)"),
    "app.total-prints-wrong": Message(
        "báo cáo toàn thành phố in số liệu của {count} đơn vị đang sai ({shown})"
    ),
    "app.use-force": Message("dùng --force để in bản DỰ THẢO"),
    "app.set-aside": Message("báo cáo cũ của đơn vị này đã được đổi tên thành {names}"),
    # one report of a batch that failed (executor)
    "app.job-write-failed": Message("{path}: không ghi được tệp: {reason}"),
    "app.job-unexpected": Message(
        "lỗi không lường trước khi sinh báo cáo ({kind}: {detail}); các báo cáo khác không bị "
        "ảnh hưởng — hãy báo lỗi này kèm tệp định nghĩa và số liệu"
    ),
    # the Word comments of a DỰ THẢO on each figure whose checks fail (drafts)
    "app.draft-comment": Message("Số liệu chưa khớp — {said}"),
    "app.draft-cause": Message("Có lẽ do số của {cause}: {why}"),
}
