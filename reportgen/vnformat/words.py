"""Numbers in Vietnamese words ("bằng chữ"), both ways, by the rules of the project's spec.

Reading an integer
    Digits are taken in groups of three. The highest non-zero group is read as it stands
    (``21`` hai mươi mốt, ``105`` một trăm linh năm); every later non-zero group follows a
    non-empty higher group and is read in full, hundreds included (``1.001`` một nghìn không
    trăm linh một, ``2.000.005.000`` hai tỷ không trăm linh năm nghìn); groups of three zeros
    are skipped. Inside a group: ``mười`` for 10–19, ``mươi`` from 20; ``mốt`` for a unit 1
    after a tens digit ≥ 2; ``lăm`` for a unit 5 after a non-zero tens digit; ``linh`` (north)
    or ``lẻ`` (south) for a zero tens digit before a non-zero unit.

    Scale words: ``nghìn`` (south ``ngàn``) and ``triệu`` inside each block of nine digits, and
    one ``tỷ`` after each block of nine digits, so large numbers are read recursively: the
    number of tỷ is itself read as a number (10^12 một nghìn tỷ, 10^15 một triệu tỷ, 10^18 một
    tỷ tỷ, 1.001·10^9 một nghìn không trăm linh một tỷ).

Reading a decimal (``read_decimals=True``)
    ``<integer> phẩy <fraction>``, with the fraction's digits exactly as written: each leading
    zero is ``không``; the remaining digits are read in groups of three from the left, a group
    of three with its hundreds (``không trăm`` when it starts with 0), a last group of two that
    starts with 0 as ``không`` + digit, a last single digit as that digit. When that grouping
    would read two ways — a group ending in ``00`` followed by a last group of two digits
    (``10020`` would sound like ``120``) or a group ending in a non-zero tens digit and a zero
    unit followed by a last single non-zero digit (``1101`` would sound like ``111``) — the
    digits after the leading zeros are read one by one instead.

Parsing (:func:`words_to_number`)
    Exactly the texts that are readings by these rules are accepted, in any letter case, NFC or
    NFD, old or new tone placement, with every variant: north/south (``linh``/``lẻ``,
    ``nghìn``/``ngàn``), ``mốt``/``một`` and ``tư``/``bốn`` after ``mươi``, ``lăm``/``năm``/
    ``nhăm`` after ``mười``/``mươi``, ``tỷ``/``tỉ``, a leading ``âm``, a trailing ``đồng``,
    ``đồng chẵn`` or ``chẵn``, a trailing ``.`` and surrounding parentheses. Group readings are
    looked up in tables generated from the forward rules, so the parser and the reader cannot
    drift apart; a slower recursive-descent parser only explains what is wrong.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from decimal import Decimal

from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import WordsError
from reportgen.diagnostics.suggest import did_you_mean
from reportgen.vnformat.numbers import Number, to_decimal

__all__ = [
    "capitalize_first",
    "money_in_words",
    "read_number",
    "words_to_number",
]

_DIGIT_WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


# --------------------------------------------------------------------------------------------
# Forward: tables of group readings
# --------------------------------------------------------------------------------------------


def _tens_units(t: int, u: int) -> list[str]:
    """Reading of 10·t + u for t ≥ 1."""
    words = ["mười"] if t == 1 else [_DIGIT_WORDS[t], "mươi"]
    if u == 1:
        words.append("mốt" if t >= 2 else "một")
    elif u == 5:
        words.append("lăm")
    elif u:
        words.append(_DIGIT_WORDS[u])
    return words


def _tail(r: int, zero_tens: str) -> list[str]:
    """Reading of the last two digits of a group after its hundreds (0 → nothing)."""
    if r == 0:
        return []
    t, u = divmod(r, 10)
    if t == 0:
        return [zero_tens, _DIGIT_WORDS[u]]
    return _tens_units(t, u)


def _lead_words(n: int, zero_tens: str) -> list[str]:
    """Reading of a group 0..999 standing first (no ``không trăm``)."""
    h, r = divmod(n, 100)
    if h == 0:
        return [_DIGIT_WORDS[r]] if r < 10 else _tens_units(*divmod(r, 10))
    return [_DIGIT_WORDS[h], "trăm", *_tail(r, zero_tens)]


def _full_words(n: int, zero_tens: str) -> list[str]:
    """Reading of a group 0..999 with its hundreds always said (``không trăm linh năm``)."""
    h, r = divmod(n, 100)
    return [_DIGIT_WORDS[h], "trăm", *_tail(r, zero_tens)]


_ZERO_TENS = ("linh", "lẻ")
_THOUSAND = ("nghìn", "ngàn")
# Index 0: north, 1: south (``bool`` south indexes directly).
_LEAD: tuple[tuple[str, ...], tuple[str, ...]] = (
    tuple(" ".join(_lead_words(n, "linh")) for n in range(1000)),
    tuple(" ".join(_lead_words(n, "lẻ")) for n in range(1000)),
)
_FULL: tuple[tuple[str, ...], tuple[str, ...]] = (
    tuple(" ".join(_full_words(n, "linh")) for n in range(1000)),
    tuple(" ".join(_full_words(n, "lẻ")) for n in range(1000)),
)
_LEAD_THOUSAND: tuple[tuple[str, ...], tuple[str, ...]] = (
    tuple(g + " nghìn" for g in _LEAD[0]),
    tuple(g + " ngàn" for g in _LEAD[1]),
)


def _int_words(n: int, south: bool) -> str:
    """Reading of a non-negative integer (the hot path; tables for up to six digits)."""
    if n < 1000:
        return _LEAD[south][n]
    full = _FULL[south]
    if n < 1_000_000:
        q, r = divmod(n, 1000)
        head = _LEAD_THOUSAND[south][q]
        return head + " " + full[r] if r else head
    groups: list[int] = []
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    lead = _LEAD[south]
    thousand = _THOUSAND[south]
    words: list[str] = []
    first = True
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        k = i % 3
        if g:
            words.append(lead[g] if first else full[g])
            first = False
            if k == 1:
                words.append(thousand)
            elif k == 2:
                words.append("triệu")
        if k == 0 and i:
            words.append("tỷ")
    return " ".join(words)


def _needs_digit_mode(s: str) -> bool:
    """True when reading fraction digits ``s`` (no leading zero) in groups would be ambiguous."""
    r = len(s) % 3
    if r == 0 or len(s) < 3:
        return False
    prev = s[-r - 3 : -r]
    if r == 2:
        return s[-2] != "0" and prev[1] == "0" and prev[2] == "0"
    return s[-1] != "0" and prev[1] != "0" and prev[2] == "0"


def _fraction_words(digits: str, south: bool) -> list[str]:
    """Reading of the fraction digits after ``phẩy`` (see the module docstring)."""
    words: list[str] = []
    i = 0
    while i < len(digits) and digits[i] == "0":
        words.append("không")
        i += 1
    s = digits[i:]
    if not s:
        return words
    if _needs_digit_mode(s):
        words.extend(_DIGIT_WORDS[int(c)] for c in s)
        return words
    full = _FULL[south]
    for k in range(0, len(s), 3):
        g = s[k : k + 3]
        if len(g) == 3:
            words.append(full[int(g)])
        elif k == 0 or g[0] != "0":
            words.append(_LEAD[south][int(g)])
        else:
            words.extend(_DIGIT_WORDS[int(c)] for c in g)
    return words


def read_number(value: Number | str, *, south: bool = False, read_decimals: bool = False) -> str:
    """Return the lowercase Vietnamese reading of a number.

    ``read_number(21)`` → ``"hai mươi mốt"``; ``read_number(1001)`` → ``"một nghìn không trăm
    linh một"``; ``read_number(-5)`` → ``"âm năm"``; ``read_number(0)`` → ``"không"``.
    ``south=True`` uses ``lẻ`` and ``ngàn``. Integers of any size are read (``tỷ`` repeats:
    10^18 is ``một tỷ tỷ``). A Decimal with a non-zero fraction raises :class:`ValueError`
    unless ``read_decimals=True``, which reads ``<integer> phẩy <fraction>`` with the fraction
    digits exactly as written (``Decimal("1.50")`` → ``"một phẩy năm mươi"``).
    """
    if type(value) is int:
        if value >= 0:
            return _int_words(value, south)
        return "âm " + _int_words(-value, south)
    d = to_decimal(value)
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent >= 0 or (not read_decimals and d == d.to_integral_value()):
        n = int(d)
        return _int_words(n, south) if n >= 0 else "âm " + _int_words(-n, south)
    if not read_decimals:
        raise ValueError(catalog.text("data.words-not-integer", value=d))
    int_text, _, frac = format(abs(d), "f").partition(".")
    text = _int_words(int(int_text), south) + " phẩy " + " ".join(_fraction_words(frac, south))
    return "âm " + text if d < 0 else text


def capitalize_first(text: str) -> str:
    """Upper-case the first letter of ``text`` and leave the rest as it is.

    Leading brackets, quotes or spaces are skipped: ``"(hai đồng)"`` → ``"(Hai đồng)"``.
    """
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def money_in_words(
    amount: Number | str,
    *,
    south: bool = False,
    exact: bool = True,
    capitalize: bool = True,
) -> str:
    """Return a sum of money in words, as written in brackets after the figure.

    ``money_in_words(22_000_000)`` → ``"Hai mươi hai triệu đồng chẵn"``; ``exact=False`` ends
    with ``đồng``; ``capitalize=False`` keeps it all lowercase; a negative sum starts with
    ``Âm``. ``amount`` is in whole đồng: a fraction of a đồng raises :class:`ValueError`.
    """
    d = amount if type(amount) is int else to_decimal(amount)
    if isinstance(d, Decimal):
        if d != d.to_integral_value():
            raise ValueError(catalog.text("data.money-fraction", value=d))
        d = int(d)
    text = read_number(d, south=south) + (" đồng chẵn" if exact else " đồng")
    return capitalize_first(text) if capitalize else text


# --------------------------------------------------------------------------------------------
# Backward: tokens
# --------------------------------------------------------------------------------------------

_CANON: dict[str, str] = {w: w for w in _DIGIT_WORDS}
_CANON.update(
    {
        "mốt": "mốt",
        "tư": "tư",
        "lăm": "lăm",
        "nhăm": "lăm",
        "mười": "mười",
        "mươi": "mươi",
        "trăm": "trăm",
        "linh": "linh",
        "lẻ": "linh",
        "nghìn": "nghìn",
        "ngàn": "nghìn",
        "triệu": "triệu",
        "tỷ": "tỷ",
        "tỉ": "tỷ",
        "phẩy": "phẩy",
        "âm": "âm",
        "đồng": "đồng",
        "chẵn": "chẵn",
    }
)
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _fold_key(word: str) -> str:
    """A spelling key that ignores where the tone mark sits (``hoà``/``hòa``, ``mừơi``)."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(ch for ch in decomposed if ch in _TONE_MARKS)
    base = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", base) + "|" + tones


_FOLDED: dict[str, str] = {_fold_key(w): c for w, c in _CANON.items()}

_DIGIT: dict[str, int] = {w: i for i, w in enumerate(_DIGIT_WORDS)}
# Units allowed after "mươi" (tens ≥ 2), after "mười", and after "linh"/"lẻ".
_UNIT_MUOI: dict[str, int] = {**{w: i for i, w in enumerate(_DIGIT_WORDS) if i}, "mốt": 1}
_UNIT_MUOI.update({"tư": 4, "lăm": 5})
_UNIT_MUOI10: dict[str, int] = {**{w: i for i, w in enumerate(_DIGIT_WORDS) if i}, "lăm": 5}
_UNIT_LINH: dict[str, int] = {w: i for i, w in enumerate(_DIGIT_WORDS) if i}


def _variants(words: list[str]) -> list[list[str]]:
    """The accepted spellings of one group reading (``mốt``/``một``, ``bốn``/``tư``, ...)."""
    out = [words]
    if len(words) >= 2 and words[-2] in ("mươi", "mười"):
        alts = {"mốt": ["một"], "lăm": ["năm"], "bốn": ["tư"] if words[-2] == "mươi" else []}
        out.extend([*words[:-1], alt] for alt in alts.get(words[-1], []))
    return out


def _group_keys(make: Callable[[int, str], list[str]]) -> dict[str, int]:
    """Every accepted canonical spelling of the groups 1..999 made by ``make``."""
    keys: dict[str, int] = {}
    for n in range(1, 1000):
        for spelling in _variants(make(n, "linh")):
            keys[" ".join(spelling)] = n
    return keys


_LEAD_KEYS = _group_keys(_lead_words)
_FULL_KEYS = _group_keys(_full_words)


def _spellings(keys: dict[str, int]) -> dict[str, int]:
    """The group keys with every spelling a text may use (``lẻ``, ``nhăm``)."""
    out: dict[str, int] = {}
    for key, value in keys.items():
        for k1 in (key, key.replace("linh", "lẻ")):
            out[k1] = value
            out[k1.replace("lăm", "nhăm")] = value
    return out


_LEAD_SPELLINGS = _spellings(_LEAD_KEYS)
_FULL_SPELLINGS = _spellings(_FULL_KEYS)
_RANK = {"nghìn": 1, "triệu": 2, "tỷ": 3}
_SCALE_OF_RANK = {1: 1000, 2: 1_000_000}


# --------------------------------------------------------------------------------------------
# Backward: errors and the explaining recursive-descent parser
# --------------------------------------------------------------------------------------------


class _Bad(Exception):
    """A parse failure at token ``pos`` (``len(tokens)`` = at the end)."""

    def __init__(self, pos: int, why: str, *, hint: str | None = None, **fields: object) -> None:
        """Record where the parse failed, why (the catalog entry ``why`` filled with
        ``fields``), and the fix: ``hint``, else the entry's own hint if it has one."""
        reason = catalog.text(why, **fields)
        super().__init__(reason)
        self.pos = pos
        self.reason = reason
        self.hint = hint if hint is not None else catalog.hint(why, **fields)


def _misplaced(toks: list[str], j: int) -> _Bad:
    """Explain why token ``j`` cannot stand where it is."""
    t = toks[j]
    prev = toks[j - 1] if j else ""
    if prev == "mười" and t == "mốt":
        return _Bad(j, "data.words-mot-after-muoi")
    if prev == "mười" and t == "tư":
        return _Bad(j, "data.words-tu-after-muoi")
    if prev in ("mười", "mươi") and t == "không":
        return _Bad(j, "data.words-round-tens-zero")
    if prev == "linh" and t in ("mốt", "tư", "lăm"):
        return _Bad(j, "data.words-after-linh", word=t)
    if t == "mười" and prev in _DIGIT:
        return _Bad(j, "data.words-muoi-for-teens", prev=prev)
    if t in ("mốt", "tư", "lăm"):
        return _Bad(j, "data.words-after-tens", word=t)
    if t == "phẩy":
        return _Bad(j, "data.words-one-comma")
    if t == "âm":
        return _Bad(j, "data.words-minus-first")
    if t in ("đồng", "chẵn"):
        return _Bad(j, "data.words-suffix-last", word=t)
    if prev:
        return _Bad(j, "data.words-misplaced-after", prev=prev)
    return _Bad(j, "data.words-misplaced")


def _rd_tens(toks: list[str], i: int, end: int, lookahead: bool) -> tuple[int, int]:
    """Parse ``mười [u]`` or ``d mươi [u]`` at ``i``; return (value, next index)."""
    if toks[i] == "mười":
        value, j, units = 10, i + 1, _UNIT_MUOI10
    else:
        d = _DIGIT[toks[i]]
        if d < 2:
            say = "mười" if d == 1 else "linh/lẻ"
            raise _Bad(i + 1, "data.words-no-muoi", prev=toks[i], say=say)
        value, j, units = 10 * d, i + 2, _UNIT_MUOI
    if (
        j < end
        and toks[j] in units
        and not (lookahead and j + 1 < end and toks[j + 1] in ("trăm", "mươi"))
    ):
        return value + units[toks[j]], j + 1
    return value, j


def _rd_tail(toks: list[str], i: int, end: int, lookahead: bool) -> tuple[int, int]:
    """Parse the tens and units after ``trăm`` (possibly nothing)."""
    if i >= end:
        return 0, i
    t = toks[i]
    if t == "linh":
        if i + 1 < end and toks[i + 1] in _UNIT_LINH:
            return _UNIT_LINH[toks[i + 1]], i + 2
        if i + 1 < end:
            raise _misplaced(toks, i + 1)
        raise _Bad(i + 1, "data.words-missing-after-linh")
    if t == "mười" or (t in _DIGIT and i + 1 < end and toks[i + 1] == "mươi"):
        return _rd_tens(toks, i, end, lookahead)
    return 0, i


def _rd_group(toks: list[str], i: int, end: int, lead: bool, lookahead: bool) -> tuple[int, int]:
    """Parse one group of three digits at ``i``; ``lead`` = the first group of the number."""
    if i >= end:
        raise _Bad(i, "data.words-missing-digit")
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < end else None
    if t in _DIGIT:
        if nxt == "trăm":
            h = _DIGIT[t]
            if lead and h == 0:
                raise _Bad(i, "data.words-lead-hundreds-zero")
            value, j = _rd_tail(toks, i + 2, end, lookahead)
            return 100 * h + value, j
        if not lead:
            raise _Bad(i, "data.words-full-group")
        if nxt == "mươi":
            return _rd_tens(toks, i, end, lookahead)
        if t == "không":
            raise _Bad(i, "data.words-zero-alone")
        return _DIGIT[t], i + 1
    if t == "mười" and lead:
        return _rd_tens(toks, i, end, lookahead)
    if t == "mười":
        raise _Bad(i, "data.words-full-group")
    raise _misplaced(toks, i)


def _explain_group(toks: list[str], a: int, b: int, lead: bool, after: str) -> _Bad:
    """Find out why ``toks[a:b]`` is not a valid group; return the error to raise."""
    if not lead:
        key = " ".join(toks[a:b])
        value = _LEAD_KEYS.get(key) or _FULL_KEYS.get("không trăm " + key)
        if value is not None:
            full = _FULL[0][value]
            return _Bad(a, "data.words-short-group", after=after, full=full, written=key)
    try:
        value, j = _rd_group(toks, a, b, lead, False)
    except _Bad as bad:
        return bad
    if j < b:
        return _misplaced(toks, j)
    if value == 0:
        return _Bad(a, "data.words-zero-group")
    return _Bad(a, "data.words-bad-group")  # pragma: no cover


# --------------------------------------------------------------------------------------------
# Backward: integer and fraction parsers
# --------------------------------------------------------------------------------------------


def _parse_int(toks: list[str], lo: int, hi: int) -> int:
    """Parse the integer reading ``toks[lo:hi]``: groups looked up in the tables, scale words
    checked for order; on a bad group, explain it with the recursive-descent parser."""
    if hi - lo == 1 and toks[lo] == "không":
        return 0
    value = chunk = 0
    last_rank = 3
    seen_rank: dict[int, int] = {}
    g0 = lo
    first = True
    after = ""
    for k in range(lo, hi):
        rank = _RANK.get(toks[k])
        if rank is None:
            continue
        if g0 < k:
            if rank < 3 and rank >= last_rank:
                where = seen_rank.get(rank)
                if where is not None:
                    raise _Bad(k, "data.words-scale-twice", word=toks[k], position=where + 1)
                larger = "triệu" if last_rank == 2 else "nghìn"
                raise _Bad(k, "data.words-scale-order", word=toks[k], larger=larger)
            v = (_LEAD_KEYS if first else _FULL_KEYS).get(" ".join(toks[g0:k]))
            if v is None:
                raise _explain_group(toks, g0, k, first, after)
            first = False
            if rank == 3:
                chunk += v
            else:
                chunk += v * _SCALE_OF_RANK[rank]
                last_rank = rank
                seen_rank[rank] = k
        elif rank < 3 or first:
            raise _Bad(k, "data.words-scale-without-number", word=toks[k])
        if rank == 3:
            value = (value + chunk) * 1_000_000_000
            chunk = 0
            last_rank = 3
            seen_rank.clear()
        after = toks[k]
        g0 = k + 1
    if g0 < hi:
        v = (_LEAD_KEYS if first else _FULL_KEYS).get(" ".join(toks[g0:hi]))
        if v is None:
            raise _explain_group(toks, g0, hi, first, after)
        chunk += v
    return value + chunk


def _parse_fraction(toks: list[str], lo: int, hi: int) -> str:
    """Parse the reading after ``phẩy``; return the fraction digits exactly as read."""
    i = lo
    zeros = ""
    while i < hi and toks[i] == "không" and not (i + 1 < hi and toks[i + 1] == "trăm"):
        zeros += "0"
        i += 1
    if i == hi:
        if not zeros:
            raise _Bad(i, "data.words-fraction-missing")
        return zeros
    if toks[i] == "không":
        raise _Bad(i, "data.words-fraction-hundreds-zero")
    if toks[i] in _DIGIT and i + 1 < hi and toks[i + 1] in _DIGIT:
        s = ""
        for k in range(i, hi):
            if toks[k] not in _DIGIT:
                raise _Bad(k, "data.words-fraction-digits-only")
            s += str(_DIGIT[toks[k]])
        if not _needs_digit_mode(s):
            right = " ".join(_fraction_words(s, False))
            raise _Bad(i, "data.words-fraction-groups", right=right)
        return zeros + s
    s = ""
    first = True
    while i < hi:
        t = toks[i]
        if t in _DIGIT and i + 1 < hi and toks[i + 1] == "trăm":
            v, i = _rd_group(toks, i, hi, False, True)
            s += f"{v:03d}"
            first = False
            continue
        if first or t == "mười" or (i + 1 < hi and toks[i + 1] == "mươi"):
            v, j = _rd_group(toks, i, hi, True, False)
            g = str(v)
        elif t == "không" and i + 1 < hi and toks[i + 1] in _DIGIT:
            g, j = "0" + str(_DIGIT[toks[i + 1]]), i + 2
        elif t in _DIGIT:
            g, j = str(_DIGIT[t]), i + 1
        else:
            raise _misplaced(toks, i)
        if j < hi:
            raise _misplaced(toks, j)
        s += g
        i = j
    if _needs_digit_mode(s):  # pragma: no cover - greedy parsing never yields such digits
        raise _Bad(lo, "data.words-fraction-unclear")
    return zeros + s


def _clean(text: str) -> str:
    """NFC, lowercase, without surrounding spaces, a trailing ``.`` or enclosing brackets."""
    s = unicodedata.normalize("NFC", text).strip().lower()
    if s and (s[-1] == "." or s[0] == "("):
        for _ in range(2):
            if s.endswith("."):
                s = s[:-1].rstrip()
            if len(s) >= 2 and s[0] == "(" and s[-1] == ")":
                s = s[1:-1].strip()
    return s


def words_to_number(text: str) -> Decimal:
    """Parse a Vietnamese reading of a number back to its value, strictly.

    ``words_to_number("Hai mươi hai triệu đồng chẵn")`` → ``Decimal(22000000)``;
    ``"một phẩy năm mươi"`` → ``Decimal("1.50")``. Every variant :func:`read_number` and
    :func:`money_in_words` produce is accepted (see the module docstring), nothing else: a text
    that is not a valid reading raises :class:`~reportgen.diagnostics.errors.WordsError` naming the first
    word that does not fit and its position (``từ thứ 3``).
    """
    if not isinstance(text, str):
        raise TypeError(catalog.text("data.words-not-text", kind=type(text).__name__))
    s = _clean(text)
    n = _fast(s)
    if n is not None:
        return Decimal(n)
    raw = s.split()
    toks: list[str] = []
    for w in raw:
        c = _CANON.get(w)
        if c is None:
            c = _FOLDED.get(_fold_key(w))
            if c is None:
                close = did_you_mean(w, _CANON, cutoff=0.5)
                hint = catalog.text("data.words-did-you-mean", word=close) if close else None
                raise _error(text, raw, _Bad(len(toks), "data.words-unknown", hint=hint))
        toks.append(c)
    try:
        return _parse_tokens(toks)
    except _Bad as bad:
        raise _error(text, raw, bad) from None


def _fast(s: str) -> int | None:
    """Value of a cleaned integer reading by plain string operations, or None if unsure.

    The common case (an integer, maybe with ``âm`` and ``đồng``/``đồng chẵn``/``chẵn``, single
    spaces, usual spellings) is answered here from the group tables; everything else, every
    error included, goes to the token parser, which accepts the same language and explains.
    """
    negative = s.startswith("âm ")
    if negative:
        s = s[3:]
    if s.endswith(" chẵn"):
        s = s[:-5]
    if s.endswith(" đồng"):
        s = s[:-5]
    n = _fast_int(s) if " tỷ" in s else _fast_chunk(s, True) if s != "không" else 0
    if negative:
        return -n if n else None
    return n


_FAST_SCALES = (((" triệu",), 1_000_000), ((" nghìn", " ngàn"), 1000))


def _fast_chunk(c: str, first: bool) -> int | None:
    """Value of one block of nine digits (no ``tỷ``), or None if unsure."""
    value = 0
    for words, scale in _FAST_SCALES:
        for word in words:
            head, sep, rest = c.partition(word)
            if sep:
                break
        if not sep:
            continue
        if rest and rest[0] != " ":
            return None
        v = (_LEAD_SPELLINGS if first else _FULL_SPELLINGS).get(head)
        if v is None:
            return None
        value += v * scale
        first = False
        c = rest[1:]
        if not c:
            return value
    v = (_LEAD_SPELLINGS if first else _FULL_SPELLINGS).get(c)
    if v is None:
        return None
    return value + v


def _fast_int(c: str) -> int | None:
    """Value of an integer reading, or None if unsure (see :func:`_fast`)."""
    if c == "không":
        return 0
    pieces = c.split(" tỷ")
    value = _fast_chunk(pieces[0], True)
    if value is None:
        return None
    for piece in pieces[1:]:
        value *= 1_000_000_000
        if not piece:
            continue
        if piece[0] != " ":
            return None
        v = _fast_chunk(piece[1:], False)
        if v is None:
            return None
        value += v
    return value


def _parse_tokens(toks: list[str]) -> Decimal:
    """Parse canonical tokens (sign, integer, ``phẩy`` fraction, suffix); raise :class:`_Bad`."""
    lo, hi = 0, len(toks)
    negative = hi > 0 and toks[0] == "âm"
    if negative:
        lo = 1
    if hi > lo and toks[hi - 1] == "chẵn":
        hi -= 1
    if hi > lo and toks[hi - 1] == "đồng":
        hi -= 1
    if hi == lo:
        raise _Bad(lo, "data.words-no-number")
    comma = -1
    for k in range(lo, hi):
        t = toks[k]
        if t in ("âm", "đồng", "chẵn") or (t == "phẩy" and comma >= 0):
            raise _misplaced(toks, k)
        if t == "phẩy":
            comma = k
    if comma < 0:
        n = _parse_int(toks, lo, hi)
        if negative and n == 0:
            raise _Bad(0, "data.words-zero-minus")
        return Decimal(-n if negative else n)
    if comma == lo:
        raise _Bad(comma, "data.words-comma-first")
    n = _parse_int(toks, lo, comma)
    frac = _parse_fraction(toks, comma + 1, hi)
    if negative and n == 0 and frac.count("0") == len(frac):
        raise _Bad(0, "data.words-zero-minus")
    return Decimal(("-" if negative else "") + f"{n}.{frac}")


def _error(text: str, raw: list[str], bad: _Bad) -> WordsError:
    """The :class:`WordsError` naming the word at ``bad.pos`` (1-based in the message)."""
    shown = text.strip()
    if not raw:
        return WordsError.of("data.bad-words-empty", text=shown)
    if bad.pos >= len(raw):
        return WordsError.of("data.bad-words-end", hint=bad.hint, text=shown, reason=bad.reason)
    return WordsError.of(
        "data.bad-words",
        hint=bad.hint,
        text=shown,
        word=raw[bad.pos],
        position=bad.pos + 1,
        reason=bad.reason,
    )
