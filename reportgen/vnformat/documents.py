"""Document numbers and codes (``Số: 05/BC-UBND``) and citations of documents.

Forms (Nghị định 30/2020/NĐ-CP, Phụ lục I and III; party documents after the Party's own rule):

- ``05/BC-UBND`` — number, ``/``, type code, ``-``, issuer (the issuer may have more parts:
  ``12/QĐ-UBND-VX``);
- ``12/UBND-VX`` — a công văn: no type code, the issuer and the drafting unit;
- ``07/2021/NĐ-CP`` — legal normative documents carry the year: number/year/type-issuer
  (``15/2012/QH13`` for a law: no type code);
- ``549-CV/TU`` — party documents: number, ``-``, type code, ``/``, issuer.

A number below 10 is written with a leading zero; there are no spaces anywhere in the code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import DocumentCodeError
from reportgen.diagnostics.suggest import suggestions
from reportgen.vnformat.dates import date_short

__all__ = [
    "DOC_TYPES",
    "DOC_TYPE_CODES",
    "DocCode",
    "cite",
    "cite_short",
    "doc_code",
    "number_line",
    "parse_doc_code",
    "validate_doc_code",
]

DOC_TYPES: dict[str, str] = {
    # Phụ lục III of Nghị định 30/2020/NĐ-CP (administrative documents).
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
    # Legal normative documents, as cited.
    "NĐ": "Nghị định",
    "TT": "Thông tư",
}
"""Type code → type name (``"BC"`` → ``"Báo cáo"``)."""

DOC_TYPE_CODES: dict[str, str] = {name: code for code, name in DOC_TYPES.items()}
"""Type name → type code (``"Báo cáo"`` → ``"BC"``)."""

# Party documents also number their công văn: 549-CV/TU.
_PARTY_TYPES: dict[str, str] = {**DOC_TYPES, "CV": "Công văn"}
_CODE_BY_LOWER_NAME = {name.lower(): code for name, code in DOC_TYPE_CODES.items()}
_SEGMENT = re.compile(r"[^\W_]+(?:&[^\W_]+)*")
_NUMBER_BLANK = "Số:      "


def _fold(code: str) -> str:
    """Compare type codes ignoring case and the stroke of Đ (``QD`` ~ ``QĐ``)."""
    return code.upper().replace("Đ", "D")


_FOLDED_TYPES: dict[str, list[str]] = {}
for _code in DOC_TYPES:
    _FOLDED_TYPES.setdefault(_fold(_code), []).append(_code)


@dataclass(frozen=True)
class DocCode:
    """A parsed document number and code (``07/2021/NĐ-CP`` → 7, 2021, ``NĐ``, ``CP``).

    ``type_code`` is None for a công văn; ``party`` marks the party form ``549-CV/TU``.
    :attr:`code` gives the canonical text (number padded to two digits).
    """

    number: int
    year: int | None
    type_code: str | None
    issuer: str
    party: bool = False

    @property
    def code(self) -> str:
        """The canonical text of the code, e.g. ``05/BC-UBND``."""
        if self.party:
            return f"{self.number:02d}-{self.type_code}/{self.issuer}"
        year = f"{self.year}/" if self.year is not None else ""
        kind = f"{self.type_code}-" if self.type_code else ""
        return f"{self.number:02d}/{year}{kind}{self.issuer}"

    @property
    def type_name(self) -> str | None:
        """The type name (``Báo cáo``), or None for a công văn."""
        if self.type_code is None:
            return None
        return _PARTY_TYPES.get(self.type_code)


def _suggest(code: str) -> list[str]:
    """Known type codes close to ``code`` (same letters first, then difflib)."""
    out: list[str] = list(_FOLDED_TYPES.get(_fold(code), []))
    for c in suggestions(code, DOC_TYPES, n=3, cutoff=0.5):
        if c not in out:
            out.append(c)
    return out


def _unknown_type(text: str, code: str) -> DocumentCodeError:
    """The error for a type code not in :data:`DOC_TYPES`, with a did-you-mean hint."""
    options = _suggest(code)
    hint = None
    if options:
        either = catalog.text("config.document-code-or").join(
            f'"{c}" ({DOC_TYPES[c]})' for c in options
        )
        hint = catalog.text("config.document-code-did-you-mean", options=either)
    known = ", ".join(DOC_TYPES)
    return DocumentCodeError.of(
        "config.bad-document-code", hint=hint, text=text, type_code=code, known=known
    )


def _check_issuer(text: str, issuer: str) -> None:
    """Check the issuer part (``UBND``, ``UBND-VX``, ``SLĐTB&XH``) of the code ``text``."""
    if not issuer:
        raise DocumentCodeError.of("config.bad-document-code-no-issuer", text=text)
    for seg in issuer.split("-"):
        if not seg:
            raise DocumentCodeError.of(
                "config.bad-document-code-issuer-dash", text=text, issuer=issuer
            )
        if _SEGMENT.fullmatch(seg) is None:
            raise DocumentCodeError.of(
                "config.bad-document-code-issuer-letters", text=text, segment=seg
            )


def doc_code(number: int, type_code: str | None, issuer: str, *, year: int | None = None) -> str:
    """Build a document code: ``doc_code(5, "BC", "UBND")`` → ``"05/BC-UBND"``.

    ``type_code=None`` for a công văn (``12/UBND-VX``); ``year`` for legal normative documents
    (``07/2021/NĐ-CP``). A number below 10 gets a leading zero. A bad number, an unknown type
    code (with a did-you-mean) or a malformed issuer raises
    :class:`~reportgen.diagnostics.errors.DocumentCodeError`.
    """
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise DocumentCodeError.of("config.bad-document-code-number-value", number=number)
    if year is not None and (isinstance(year, bool) or not 1000 <= year <= 9999):
        raise DocumentCodeError.of("config.bad-document-code-year-value", year=year)
    issuer = unicodedata.normalize("NFC", issuer)
    if type_code is not None:
        type_code = unicodedata.normalize("NFC", type_code)
        if type_code not in DOC_TYPES:
            raise _unknown_type(type_code, type_code)
    code = DocCode(number, year, type_code, issuer).code
    _check_issuer(code, issuer)
    return code


def parse_doc_code(text: str, *, typed: bool | None = None) -> DocCode:
    """Parse and check a document number and code.

    Accepts ``05/BC-UBND``, ``90/QĐ-TTg``, ``07/2021/NĐ-CP``, ``2300/KH-UBND``, ``12/UBND-VX``
    (công văn), ``549-CV/TU`` (party) and ``5/BC-UBND`` (see :func:`validate_doc_code` for the
    missing zero). ``typed=True`` requires a type code (an unknown one is an error with a
    did-you-mean), ``typed=False`` reads a công văn; by default a first part that is a type
    code makes a typed code, one that is a type code misspelt (``QD``, ``Bc``) is an error, and
    anything else is a công văn. Errors raise :class:`~reportgen.diagnostics.errors.DocumentCodeError`.
    """
    shown = text.strip()
    s = unicodedata.normalize("NFC", shown)
    if not s:
        raise DocumentCodeError.of("config.bad-document-code-empty")
    if s.lower().startswith("số"):
        rest = s[2:].lstrip(" :")
        raise DocumentCodeError.of("config.bad-document-code-so", text=shown, rest=rest)
    if any(ch.isspace() for ch in s):
        squeezed = "".join(s.split())
        raise DocumentCodeError.of("config.bad-document-code-spaces", text=shown, squeezed=squeezed)
    if "/" not in s:
        raise DocumentCodeError.of("config.bad-document-code-no-slash", text=shown)
    left, _, rest = s.partition("/")
    party = "-" in left
    if party:
        number_text, _, type_code = left.partition("-")
    else:
        number_text = left
    if not number_text:
        raise DocumentCodeError.of("config.bad-document-code-no-number", text=shown)
    if not number_text.isascii() or not number_text.isdigit():
        raise DocumentCodeError.of(
            "config.bad-document-code-number-digits", text=shown, number=number_text
        )
    number = int(number_text)
    if number < 1:
        raise DocumentCodeError.of("config.bad-document-code-number-zero", text=shown)
    if party:
        if type_code not in _PARTY_TYPES:
            raise _unknown_type(shown, type_code)
        if "/" in rest:
            raise DocumentCodeError.of("config.bad-document-code-party", text=shown)
        _check_issuer(shown, rest)
        return DocCode(number, None, type_code, rest, party=True)

    year: int | None = None
    head, slash, tail = rest.partition("/")
    if slash:
        if not (len(head) == 4 and head.isascii() and head.isdigit()):
            raise DocumentCodeError.of("config.bad-document-code-year", text=shown, year=head)
        year = int(head)
        rest = tail
        if "/" in rest:
            raise DocumentCodeError.of("config.bad-document-code-extra-slash", text=shown)
    first, dash, issuer = rest.partition("-")
    is_type = first in DOC_TYPES
    if typed is None and not is_type and dash and _fold(first) in _FOLDED_TYPES:
        raise _unknown_type(shown, first)
    if typed and not is_type:
        raise _unknown_type(shown, first)
    if is_type and typed is not False:
        _check_issuer(shown, issuer)
        return DocCode(number, year, first, issuer)
    _check_issuer(shown, rest)
    return DocCode(number, year, None, rest)


def validate_doc_code(text: str) -> list[str]:
    """Check a code: raise :class:`~reportgen.diagnostics.errors.DocumentCodeError` if it is malformed,
    and return warnings (Vietnamese) for what is accepted but not as Nghị định 30 writes it,
    e.g. ``"số nhỏ hơn 10 phải có số 0 đứng trước: 05/BC-UBND"``.
    """
    parsed = parse_doc_code(text)
    warnings: list[str] = []
    s = unicodedata.normalize("NFC", text.strip())
    number_text = re.match(r"\d+", s)
    written = number_text.group(0) if number_text else ""
    if parsed.number < 10 and len(written) < 2:
        warnings.append(catalog.text("config.document-code-zero-missing", written=parsed.code))
    elif len(written) > 2 and written.startswith("0"):
        warnings.append(catalog.text("config.document-code-extra-zero", written=parsed.code))
    if parsed.type_code is None and not parsed.party:
        first = parsed.issuer.split("-")[0]
        close = suggestions(first, DOC_TYPES, n=1, cutoff=0.75)
        if close and "-" in parsed.issuer:
            warnings.append(
                catalog.text(
                    "config.document-code-cong-van",
                    first=first,
                    text=s,
                    close=close[0],
                    name=DOC_TYPES[close[0]],
                )
            )
    return warnings


def number_line(code: str) -> str:
    """Return the ``Số`` line of the header: ``number_line("5/BC-UBND")`` → ``"Số: 05/BC-UBND"``.

    The code is checked and written in canonical form. A code whose number is left blank for
    the văn thư to fill in at issue (``"/BC-UBND"``) gives ``"Số:      /BC-UBND"``.
    """
    s = unicodedata.normalize("NFC", code.strip())
    if s.startswith("/"):
        parse_doc_code("1" + s)
        return _NUMBER_BLANK + s
    return "Số: " + parse_doc_code(s).code


def cite_short(type_name: str, code: str) -> str:
    """Return a later mention of a document: ``Quyết định số 90/QĐ-TTg``."""
    return f"{type_name.strip()} số {_checked_code(type_name, code)}"


def _checked_code(type_name: str, code: str) -> str:
    """Check ``code`` (and that its type code fits ``type_name``); return it as written."""
    expected = _CODE_BY_LOWER_NAME.get(unicodedata.normalize("NFC", type_name).strip().lower())
    parsed = parse_doc_code(code, typed=True if expected else None)
    if expected and parsed.type_code != expected:
        raise DocumentCodeError.of(
            "config.bad-document-code-cited-type",
            text=code.strip(),
            type_code=parsed.type_code,
            type_name=DOC_TYPES.get(parsed.type_code or "", "?"),
            cited=type_name.strip(),
            wanted=expected,
        )
    return unicodedata.normalize("NFC", code.strip())


def cite(
    type_name: str,
    code: str,
    issued: date | None,
    issuer: str | None,
    subject: str | None,
    *,
    date_style: str = "nd30",
) -> str:
    """Return the first mention of a document, e.g. ``Quyết định số 90/QĐ-TTg ngày 18/01/2022
    của Thủ tướng Chính phủ phê duyệt Chương trình ...``.

    Parts given as None (or empty) are left out cleanly. The code is checked, and must carry the
    type code of ``type_name`` when the type has one (a Quyết định cited with ``05/BC-UBND`` is
    an error). ``date_style`` is ``"nd30"`` (``13/7/2018``) or ``"full"`` (``13/07/2018``).
    """
    parts = [cite_short(type_name, code)]
    if issued is not None:
        parts.append("ngày " + date_short(issued, style=date_style))
    if issuer and issuer.strip():
        parts.append("của " + issuer.strip())
    if subject and subject.strip():
        parts.append(subject.strip())
    return " ".join(parts)
