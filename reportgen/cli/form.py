"""``reportgen form``: a ready-to-fill Excel form for clerks; ``reportgen form --xem FILE``: how
a clerk's workbook is read (header rows, table rows, which column feeds which indicator)."""

from __future__ import annotations

from pathlib import Path

import click

from reportgen.cli.main import main
from reportgen.diagnostics import catalog


@main.command("form")
@click.argument("config", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--out",
    "out_file",
    type=click.Path(dir_okay=False),
    help="Tệp biểu mẫu (.xlsx); mặc định <mã báo cáo>-bieu-mau.xlsx.",
)
@click.option("--overwrite", is_flag=True, help="Ghi đè tệp đã có.")
@click.option(
    "--xem",
    "inspect",
    type=click.Path(dir_okay=False),
    help="Không tạo biểu mẫu: cho biết reportgen đọc bảng tính này thế nào (dòng tiêu đề, các "
    "dòng của bảng, cột của từng chỉ tiêu).",
)
def form_cmd(config: str, out_file: str | None, overwrite: bool, inspect: str | None) -> None:
    """Tạo biểu mẫu Excel để văn thư điền số liệu (đọc lại không cần khai báo cột)."""
    from reportgen.config.loader import load_config

    cfg = load_config(config)
    if inspect:
        from reportgen.data.dataset import load_dataset

        dataset = load_dataset(cfg, inspect)
        click.echo(catalog.text("cli.form-read", path=inspect, count=len(dataset.units)))
        for note in dataset.notes:
            click.echo(f"  - {note}")
        tables = {id(t): t for t in (dataset.table, *dataset.tables.values())}
        for iid, header in dataset.columns.items():
            t = dataset.tables.get(iid, dataset.table)
            i = t.index.get(header)
            letter = "" if i is None else catalog.text("cli.form-column", letter=_letter(i))
            sheet = f"{t.sheet}!" if len(tables) > 1 and t.sheet else ""
            click.echo(f"  {iid} ← {sheet}{header}{letter}")
        return
    from reportgen.authoring.form import build_form, default_path
    from reportgen.outputs.atomic import write_atomic

    path = Path(out_file) if out_file else default_path(cfg)
    write_atomic(path, build_form(cfg), overwrite=overwrite)
    click.echo(catalog.text("cli.form-written", path=path))
    click.echo(catalog.text("cli.form-next", config=config, path=path))


def _letter(i: int) -> str:
    from reportgen.data.reader import column_letter

    return column_letter(i)
