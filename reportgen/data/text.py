"""Text helpers for data read from files: NFC, unit-name keys, ASCII slugs, legacy-encoding
detection.

Old and new tone placement (hoà/hòa, Uỷ/Ủy) remain different strings after NFC, so unit names are
matched with :func:`unit_key`, which keeps each syllable's letters and its tone but forgets where
the tone mark sits.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reportgen.vnformat.unitnames import expand_unit_name as expand_unit_name

#: names remembered by the folding functions: a city's wards and villages, the same names read
#: again from every sheet and last year's file; a file of 100.000 distinct names gains nothing
#: from a larger cache and would keep megabytes of it
_NAMES_CACHED = 1 << 12

_TONES = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
_SPACES = re.compile(r"\s+")
#: zero-width spaces and joiners, word joiner, BOM: invisible, carried by text pasted from the web
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC with surrounding spaces removed."""
    return unicodedata.normalize("NFC", text).strip()


@lru_cache(maxsize=_NAMES_CACHED)
def unit_key(name: str) -> str:
    """Return a key that folds case, spaces and old/new tone placement.

    >>> unit_key("Phường Hoà Bình") == unit_key("phường  hòa bình")
    True
    """
    if not name.isascii():
        name = _INVISIBLE.sub("", name)
    decomposed = unicodedata.normalize("NFD", name.casefold())
    words = []
    for word in _SPACES.split(decomposed.strip()):
        tone = ""
        letters = []
        for ch in word:
            t = _TONES.get(ch)
            if t is not None:
                tone = t
            else:
                letters.append(ch)
        words.append(unicodedata.normalize("NFC", "".join(letters)) + tone)
    return " ".join(words)


@lru_cache(maxsize=_NAMES_CACHED)
def ascii_words(text: str, joiner: str = "-") -> str:
    """Return the ASCII letters and digits of ``text``, lower case, runs of anything else
    replaced by ``joiner``: ``Khẩu nghèo`` → ``khau-ngheo``."""
    s = text.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^A-Za-z0-9]+", joiner, s).strip(joiner).lower()


def slugify(text: str) -> str:
    """Return a readable ASCII slug: ``Phường Trần Phú`` → ``phuong-tran-phu``."""
    return ascii_words(text) or "don-vi"


# Latin-1 letters and signs that Vietnamese never uses; TCVN3 (ABC) and VNI-Windows text read as
# Unicode is full of them ("Céng hoµ x· héi", "Coäng hoøa xaõ hoäi").
# (The soft hyphen U+00AD is TCVN3's "ư": "Ph­êng" is "Phường".)
_LEGACY = set("µ¸¶·¹¨»¾¼½Æ©ÇË®ÎÏÑªÖ×ØÜÞßäåæçëîïðñöøûüþÿ«¬§¦¥¤¢¡°±²³´º¿ÄÅÛÐ÷\xad")
_VIET = set("ăâđêôơưĂÂĐÊÔƠƯ")


def legacy_encoding(text: str) -> str | None:
    """Return "TCVN3", "VNI" or None when ``text`` looks like legacy-encoded Vietnamese.

    The test is conservative: at least two characters that Vietnamese never uses, and none of
    the letters only Unicode Vietnamese has.
    """
    odd = [ch for ch in text if ch in _LEGACY]
    if len(odd) < 2 or sum(ch in _VIET for ch in text) >= len(odd):
        return None
    vni_marks = set("äøùõïñöåëÄØÙÕÏÑÖÅË")
    if sum(ch in vni_marks for ch in odd) * 2 > len(odd) and re.search(r"[a-zA-Z][äøùõïöåë]", text):
        return "VNI"
    return "TCVN3"


def collapse_spaces(text: str) -> str:
    """Collapse runs of white space to one space; drop the invisible characters text pasted
    from a web page or a PDF carries (zero-width spaces, joiners, BOM)."""
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def name_key(name: str) -> str:
    """The :func:`unit_key` of a unit name as a person writes it: spaces collapsed and the
    usual abbreviation written out, so ``p.  Trần Phú`` finds ``Phường Trần Phú``."""
    return unit_key(expand_unit_name(collapse_spaces(nfc(name))))


_KIND_WORDS = re.compile(r"^(?:phường|xã|thị trấn|thị xã|thành phố|quận|huyện)\s+", re.IGNORECASE)


def bare_key(name: str) -> str:
    """The :func:`name_key` of a unit name without its kind word: ``Phường Trần Phú`` and
    ``Trần Phú`` give the same key."""
    return name_key(_KIND_WORDS.sub("", expand_unit_name(collapse_spaces(nfc(name)))))


# UTF-8 lead bytes of Vietnamese letters as Windows-1252/Latin-1 shows them.
_LEAD = frozenset("ÂÃÄÅÆÇÈÉÊËÌÍÎÏáâãäåæçèé")


def _cp1252_byte(ch: str) -> int | None:
    o = ord(ch)
    if o < 0x80 or 0xA0 <= o < 0x100 or 0x80 <= o < 0xA0:  # Latin-1 (and the C1 codes Windows
        return o  # keeps for the bytes cp1252 leaves undefined)
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return None


def double_encoded(text: str) -> str | None:
    """The text as it was meant when ``text`` is UTF-8 that was read as Windows-1252/Latin-1
    and saved again ("PhÆ°á»ng" → "Phường"); None when it is not. A byte the reading program
    could not show (U+FFFD) stays unknown in the result."""
    if text.isascii() or not any(ch in _LEAD for ch in text):
        return None
    out = bytearray()
    for ch in text:
        if ch == "\ufffd":
            out.append(0x3F)
            continue
        b = _cp1252_byte(ch)
        if b is None:
            return None
        out.append(b)
    fixed = out.decode("utf-8", errors="replace")
    if fixed == text or fixed.isascii() or len(fixed) >= len(text):
        return None
    if fixed.count("\ufffd") * 4 > sum(not c.isascii() for c in fixed):
        return None
    return unicodedata.normalize("NFC", fixed)
