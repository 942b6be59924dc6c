"""The command group, its shared options, and the mapping of errors to messages and exit codes.

Exit codes: 0 done and clean; 1 the figures failed a check (or the template failed lint);
2 the command could not run (bad arguments, bad config, unreadable input).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from reportgen import __version__
from reportgen.cli.i18n import use_vietnamese
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import ReportgenError

use_vietnamese()

F = TypeVar("F", bound=Callable[..., Any])
EXIT_INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C


def tenths(value: float) -> str:
    """A duration or a rate as a Vietnamese reads it, to a tenth: ``0,8``, ``1.234,5``."""
    from decimal import Decimal

    from reportgen.vnformat import format_number

    return format_number(Decimal(f"{value:.1f}"), 1)


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


class _Command(click.Command):
    """A command whose usage line says ``[TÙY CHỌN]`` rather than ``[OPTIONS]``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[TÙY CHỌN]")
        super().__init__(*args, **kwargs)


class _Group(click.Group):
    """Maps :class:`ReportgenError` to its message and exit code for every command."""

    command_class = _Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[TÙY CHỌN]")
        kwargs.setdefault("subcommand_metavar", "LỆNH [ĐỐI SỐ]...")
        super().__init__(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ReportgenError as exc:
            _fail(exc)
        except KeyboardInterrupt:
            click.echo("\n" + catalog.text("cli.interrupted"), err=True)
            sys.exit(EXIT_INTERRUPTED)
        return None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportgen")
def main() -> None:
    """reportgen — sinh báo cáo hành chính (.docx) từ định nghĩa YAML và số liệu CSV/Excel.

    Số liệu được kiểm tra (tổng, tỷ lệ, biến động, số tiền bằng chữ…) trước khi in.
    Bắt đầu bằng: reportgen demo
    """


def usage_message(exc: click.UsageError) -> str:
    """A click usage error (its words already Vietnamese, see :mod:`reportgen.cli.i18n`), with
    where to look for help."""
    text = exc.format_message().strip()
    path = exc.ctx.command_path if exc.ctx is not None else "reportgen"
    return f"{catalog.text('cli.usage', text=text)}\n  → {catalog.hint('cli.usage', path=path)}"


def run() -> None:
    """Entry point of the ``reportgen`` command: usage errors in Vietnamese, exit code 2."""
    try:
        main(standalone_mode=False)
    except click.UsageError as exc:
        click.echo(usage_message(exc), err=True)
        sys.exit(2)
    except click.Abort:
        click.echo("\n" + catalog.text("cli.aborted"), err=True)
        sys.exit(EXIT_INTERRUPTED)
