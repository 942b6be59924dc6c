"""The command group, its shared options, and the mapping of errors to messages and exit codes.

Exit codes: 0 done and clean; 1 the figures failed a check (or the template failed lint);
2 the command could not run (bad arguments, bad config, unreadable input).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from reportgen import __version__
from reportgen.diagnostics.errors import ReportgenError

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
