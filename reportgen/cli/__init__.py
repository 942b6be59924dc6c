"""Command line: thin — parse arguments, call one pipeline function, print, map exit codes.

Exit codes: 0 done and clean; 1 the figures failed a check (or the template failed lint);
2 the command could not run (bad arguments, bad config, unreadable input).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from reportgen import __version__
from reportgen.diagnostics.errors import EXIT_FINDINGS, EXIT_OK, ReportgenError

F = TypeVar("F", bound=Callable[..., Any])
EXIT_INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C


def _data_option() -> Callable[[F], F]:
    return click.option(
        "--data",
        "data_file",
        type=click.Path(dir_okay=False),
        help="Tệp số liệu khác với tệp ghi trong định nghĩa.",
    )


def _format_option(*choices: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help="Kiểu kết quả.",
    )


def _out_option() -> Callable[[F], F]:
    return click.option(
        "-o",
        "--out",
        "out_dir",
        default="outputs",
        show_default=True,
        type=click.Path(file_okay=False),
        help="Thư mục kết quả.",
    )


def _fail(exc: ReportgenError) -> None:
    click.echo(exc.format(), err=True)
    sys.exit(exc.exit_code)


class _Group(click.Group):
    """Maps :class:`ReportgenError` to its message and exit code for every command."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ReportgenError as exc:
            _fail(exc)
        except KeyboardInterrupt:
            click.echo(
                "\nĐã dừng (Ctrl-C). Các báo cáo đã ghi xong vẫn nguyên vẹn, không có tệp ghi dở; "
                "chạy lại lệnh với --overwrite để làm tiếp.",
                err=True,
            )
            sys.exit(EXIT_INTERRUPTED)
        return None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportgen")
def main() -> None:
    """reportgen — sinh báo cáo hành chính (.docx) từ định nghĩa YAML và số liệu CSV/Excel.

    Số liệu được kiểm tra (tổng, tỷ lệ, biến động, số tiền bằng chữ…) trước khi in.
    Bắt đầu bằng: reportgen demo
    """


@main.command()
@click.argument("numbers", nargs=-1, required=True)
@click.option("--south", is_flag=True, help="Cách đọc miền Nam (lẻ, ngàn).")
@click.option("--money", is_flag=True, help='Đọc như số tiền: viết hoa chữ đầu, thêm "đồng chẵn".')
@click.option(
    "--locale",
    type=click.Choice(["vi", "en"]),
    default="vi",
    show_default=True,
    help="Cách viết số đầu vào: vi (1.013,5) hoặc en (1,013.5).",
)
def words(numbers: Sequence[str], south: bool, money: bool, locale: str) -> None:
    """Đọc số thành chữ (để điền "bằng chữ"), mỗi số một dòng, theo đúng thứ tự.

    Ví dụ: reportgen words 22.000.000 --money
    """
    from reportgen.diagnostics.errors import Location, NumberFormatError
    from reportgen.vnformat import money_in_words, parse_number, read_number

    lines = []
    for i, text in enumerate(numbers, 1):
        try:
            value = parse_number(text, locale=locale)
        except NumberFormatError as exc:
            exc.location = Location(key=f"số thứ {i}")
            raise
        if money:
            if value != value.to_integral_value():
                raise NumberFormatError(
                    f'"{text}" có phần lẻ, nhưng số tiền bằng chữ đọc số đồng nguyên',
                    location=Location(key=f"số thứ {i}"),
                    hint="làm tròn đến đồng, hoặc bỏ --money để đọc cả phần thập phân",
                )
            lines.append(money_in_words(value, south=south))
        else:
            lines.append(
                read_number(value, south=south, read_decimals=value != value.to_integral_value())
            )
    click.echo("\n".join(lines))


@main.command("check")
@click.argument("config", type=click.Path(dir_okay=False))
@_data_option()
@click.option("--unit", "units", multiple=True, help="Chỉ kiểm tra đơn vị này (lặp lại được).")
@_format_option("table", "json")
def check_cmd(config: str, data_file: str | None, units: Sequence[str], fmt: str) -> None:
    """Kiểm tra số liệu, không sinh báo cáo. Mã thoát: 0 khớp, 1 có lỗi, 2 không chạy được."""
    from reportgen.app import pipeline
    from reportgen.validate.report import format_json, format_table

    result = pipeline.check(config, data_file=data_file, units=list(units) or None)
    click.echo(format_json(result.findings) if fmt == "json" else format_table(result.findings))
    sys.exit(EXIT_FINDINGS if result.summary.errors else EXIT_OK)


def _render_and_report(
    config: str,
    *,
    data_file: str | None,
    units: Sequence[str],
    out_dir: str,
    jobs: int | None,
    force: bool,
    overwrite: bool,
) -> int:
    from reportgen.app import pipeline
    from reportgen.validate.report import summary_line

    progress_cb = None
    bar = None
    if sys.stderr.isatty():
        from rich.progress import Progress

        bar = Progress(transient=True, auto_refresh=False)  # no thread: workers are forked
        task = bar.add_task("Đang sinh báo cáo", total=None)
        bar.start()

        def progress_cb(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)
            bar.refresh()

    try:
        result = pipeline.render(
            config,
            data_file=data_file,
            units=list(units) or None,
            out_dir=out_dir,
            jobs=jobs,
            force=force,
            overwrite=overwrite,
            progress=progress_cb,
        )
    finally:
        if bar is not None:
            bar.stop()
    for o in result.outputs:
        if o.status in ("skipped", "failed"):
            word = "Bỏ qua" if o.status == "skipped" else "Lỗi"
            click.echo(f"{word}: {o.unit} — {o.reason}", err=True)
    drafts = result.count("draft")
    click.echo(
        f"Đã sinh {result.count('rendered') + drafts} báo cáo"
        + (f" ({drafts} bản DỰ THẢO)" if drafts else "")
        + f", bỏ qua {result.count('skipped')}, lỗi {result.count('failed')} "
        f"trong {result.seconds:.1f} giây."
    )
    click.echo(summary_line(result.findings))
    click.echo(f"Thư mục: {result.out_dir}")
    click.echo(f"Kết quả kiểm tra: {result.findings_file.with_suffix('.txt')}")
    failed = result.count("failed") + result.count("skipped") + drafts
    return (
        EXIT_FINDINGS if failed or any(f.severity == "error" for f in result.findings) else EXIT_OK
    )


@main.command("render")
@click.argument("config", type=click.Path(dir_okay=False))
@_data_option()
@click.option(
    "--unit",
    "units",
    multiple=True,
    help="Chỉ sinh báo cáo của đơn vị này (lặp lại được; tên thành phố cho báo cáo tổng).",
)
@click.option("--all", "all_units", is_flag=True, help="Mọi đơn vị và toàn thành phố (mặc định).")
@_out_option()
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 256),
    default=None,
    help="Số tiến trình song song (mặc định: số lõi CPU).",
)
@click.option(
    "--force", is_flag=True, help="Vẫn in đơn vị có số liệu sai, đánh dấu DỰ THẢO ở đầu trang."
)
@click.option("--overwrite", is_flag=True, help="Cho phép ghi đè báo cáo đã có.")
def render_cmd(
    config: str,
    data_file: str | None,
    units: Sequence[str],
    all_units: bool,
    out_dir: str,
    jobs: int | None,
    force: bool,
    overwrite: bool,
) -> None:
    """Kiểm tra rồi sinh báo cáo .docx cho từng đơn vị và toàn thành phố."""
    if units and all_units:
        raise click.UsageError("dùng --unit hoặc --all, không dùng cả hai")
    sys.exit(
        _render_and_report(
            config,
            data_file=data_file,
            units=units,
            out_dir=out_dir,
            jobs=jobs,
            force=force,
            overwrite=overwrite,
        )
    )


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
def new_cmd(name: str, root: str) -> None:
    """Tạo báo cáo mới: tệp YAML có chú thích, mẫu Word có thẻ cho từng chỉ tiêu, số liệu mẫu."""
    from reportgen.authoring.scaffold import create

    files = create(name, root)
    click.echo(f"Đã tạo:\n  {files.config}\n  {files.template}\n  {files.data}")
    click.echo(f"Tiếp theo: reportgen lint {files.template} --config {files.config}")
    click.echo(f"           reportgen render {files.config}")


@main.command()
@_out_option()
def demo(out_dir: str) -> None:
    """Sinh báo cáo mẫu vào OUT/demo/ (giảm nghèo năm 2024 của một thành phố và 12 phường, xã)."""
    from reportgen.resources import demo_config

    config = demo_config()
    click.echo(f"Báo cáo mẫu: {config} (số liệu mẫu, không có thật)")
    # its own folder: the demo never overwrites reports rendered from the user's own files
    out_dir = str(Path(out_dir) / "demo")
    code = _render_and_report(
        str(config),
        data_file=None,
        units=(),
        out_dir=out_dir,
        jobs=None,
        force=False,
        overwrite=True,
    )
    sys.exit(code)


_USAGE_VI = (
    (re.compile(r"Missing argument '(.+)'\."), "thiếu đối số {0}"),
    (re.compile(r"Missing option '(.+)'\."), "thiếu tùy chọn {0}"),
    (
        re.compile(
            r"No such option:? '?([^'\s]+?)'?\.?(?: \(Did you mean(?: one of)?:? (.+?)\?\))?"
        ),
        "không có tùy chọn {0}",
    ),
    (
        re.compile(r"No such option:? '?([^'\s]+?)'?\.? Did you mean (.+?)\?"),
        "không có tùy chọn {0}",
    ),
    (re.compile(r"No such command '(.+?)'\.(?: Did you mean (.+?)\?)?"), "không có lệnh {0}"),
    (re.compile(r"Invalid value for (.+?): (.+)"), "giá trị không hợp lệ cho {0}: {1}"),
    (re.compile(r"Got unexpected extra arguments? \((.+)\)"), "thừa đối số: {0}"),
    (re.compile(r"Option '(.+)' requires an argument\."), "tùy chọn {0} cần một giá trị"),
)
_DETAIL_VI = (
    (" is not one of ", " không phải một trong "),
    (" is not a valid integer range", " không phải số nguyên"),
    (" is not a valid integer", " không phải số nguyên"),
    (" is not in the range ", " nằm ngoài khoảng "),
)


def usage_message(exc: click.UsageError) -> str:
    """A click usage error in Vietnamese (click's own messages are English), with where to look
    for help."""
    text = exc.format_message().strip()
    for pattern, vi in _USAGE_VI:
        m = pattern.fullmatch(text)
        if m:
            groups = [g or "" for g in m.groups()]
            text = vi.format(*groups)
            if "{1}" not in vi and len(groups) > 1 and groups[1]:
                text += f" (có phải ý bạn là {groups[1]}?)"
            break
    for en, vi in _DETAIL_VI:
        text = text.replace(en, vi)
    path = exc.ctx.command_path if exc.ctx is not None else "reportgen"
    return f"Lỗi cách dùng lệnh: {text}\n  → xem: {path} --help"


def run() -> None:
    """Entry point of the ``reportgen`` command: usage errors in Vietnamese, exit code 2."""
    try:
        main(standalone_mode=False)
    except click.UsageError as exc:
        click.echo(usage_message(exc), err=True)
        sys.exit(2)
    except click.Abort:
        click.echo("\nĐã dừng.", err=True)
        sys.exit(EXIT_INTERRUPTED)
