"""``reportgen words``: numbers read as Vietnamese words."""

from __future__ import annotations

from collections.abc import Sequence

import click

from reportgen.cli.main import main


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
    from reportgen.diagnostics import catalog
    from reportgen.diagnostics.errors import Location, NumberFormatError
    from reportgen.vnformat import money_in_words, parse_number, read_number

    lines = []
    for i, text in enumerate(numbers, 1):
        where = Location(key=catalog.text("cli.number-position", index=i))
        try:
            value = parse_number(text, locale=locale)
        except NumberFormatError as exc:
            exc.location = where
            raise
        if money:
            if value != value.to_integral_value():
                raise NumberFormatError.of("cli.money-fraction", location=where, text=text)
            lines.append(money_in_words(value, south=south))
        else:
            lines.append(
                read_number(value, south=south, read_decimals=value != value.to_integral_value())
            )
    click.echo("\n".join(lines))
