"""Commands for template authors: ``lint``, ``vars`` and ``new``."""

from __future__ import annotations

import sys

import click

from reportgen.cli.main import _format_option, main
from reportgen.diagnostics import catalog


@main.command("lint")
@click.argument("template", type=click.Path(dir_okay=False))
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Định nghĩa báo cáo (YAML): kiểm tra tên theo các chỉ tiêu.",
)
@_format_option("text", "json")
def lint_cmd(template: str, config_path: str | None, fmt: str) -> None:
    """Kiểm tra mẫu Word: thẻ hỏng, tên sai, thể thức. Mã thoát: 0 dùng được, 1 có lỗi hoặc
    cảnh báo, 2 không đọc được tệp."""
    from reportgen.authoring.lint import format_lint_json, format_lint_text, lint_template

    config = None
    if config_path:
        from reportgen.config.loader import load_config

        config = load_config(config_path)
    report = lint_template(template, config)
    click.echo(
        format_lint_json(report) if fmt == "json" else format_lint_text(report, template), nl=False
    )
    sys.exit(report.exit_code)


@main.command("vars")
@click.argument("template", type=click.Path(dir_okay=False))
@_format_option("text", "json")
def vars_cmd(template: str, fmt: str) -> None:
    """Liệt kê biến, bộ lọc và khối mà mẫu dùng (thân, bảng, đầu trang, chân trang) và chỗ
    xuất hiện."""
    from reportgen.authoring.discover import discover, format_vars_json, format_vars_text

    report = discover(template)
    click.echo(format_vars_json(report) if fmt == "json" else format_vars_text(report), nl=False)


@main.command("new")
@click.argument("name")
@click.option(
    "--dir",
    "root",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Thư mục dự án (chứa configs/, templates/, inputs/).",
)
@click.option(
    "--from",
    "from_kind",
    default=None,
    metavar="LOẠI",
    help="Bắt đầu từ một báo cáo mẫu có sẵn: giam-ngheo, so-ket-6-thang, ke-hoach.",
)
def new_cmd(name: str, root: str, from_kind: str | None) -> None:
    """Tạo báo cáo mới: tệp YAML có chú thích, mẫu Word có thẻ cho từng chỉ tiêu, số liệu mẫu.
    NAME là tên tệp (giam-ngheo-2025) hoặc tên báo cáo ("Báo cáo sơ kết 6 tháng đầu năm")."""
    from reportgen.authoring.scaffold import create

    files = create(name, root, from_kind=from_kind)
    click.echo(
        catalog.text(
            "cli.new-created", config=files.config, template=files.template, data=files.data
        )
    )
    click.echo(catalog.text("cli.new-next", template=files.template, config=files.config))
