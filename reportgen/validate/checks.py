"""The checks a report definition can declare, registered by name (like pandera's built-ins).

Each check kind is a function that takes the declared :class:`~reportgen.config.model.Check`
and the report definition, and returns a *runner*: a closure that looks at one unit and returns
its findings. Resolving indicators and arguments happens once, so running a hundred checks over
ten thousand units stays fast. Tolerances follow from the stated rounding of each figure
(:meth:`~reportgen.config.model.Indicator.tolerance_of`), never from a magic epsilon.

Rounding rule. A figure rounded half-up to a step ``2h`` (``h`` = half a unit of its last decimal)
is off its true value by at most ``h``. When the true figures agree exactly (parts add up to the
total, the opening equals the previous closing…), the stated ones can therefore differ by *less
than* the sum of their ``h``: that is allowed, reaching the sum is not. Exact figures (counts)
have ``h = 0`` and must agree exactly.

Messages say "cần X, nhưng ghi Y" (expected, stated), name the unit and the cell, and each
finding carries a hint: what to do about it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal

from reportgen.config.model import Check, Indicator, ReportConfig
from reportgen.data.dataset import Dataset, Source, Unit
from reportgen.data.text import unit_key
from reportgen.diagnostics.errors import ReportgenError
from reportgen.validate.findings import Finding, Severity
from reportgen.vnformat import (
    MONEY_UNITS,
    format_number,
    money_in_words,
    target_status,
    words_to_number,
)

Runner = Callable[[Unit, Dataset], list[Finding]]
Factory = Callable[[Check, ReportConfig], Runner]

REGISTRY: dict[str, Factory] = {}
ZERO = Decimal(0)
HUNDRED = Decimal(100)
ONE = Decimal(1)
_STEPS = tuple(ONE.scaleb(-i) for i in range(12))
_WIDE = Context(prec=200, rounding=ROUND_HALF_UP, Emax=999_999, Emin=-999_999)


def register(name: str) -> Callable[[Factory], Factory]:
    """Register a check factory under ``name`` (the word used after ``check:`` in YAML)."""

    def deco(fn: Factory) -> Factory:
        REGISTRY[name] = fn
        return fn

    return deco


def fmt(ind: Indicator, value: Decimal | None) -> str:
    """Format a figure for a message, in the unit it is stated in: ``1.013 hộ``, ``62,95%``."""
    if value is None:
        return "(không có số liệu)"
    text = format_number(value, _decimals_for(value, ind.decimals))
    if ind.kind == "percent" or ind.unit == "%":
        return text + "%"
    return f"{text} {ind.unit}" if ind.unit else text


def _decimals_for(value: Decimal, decimals: int | None) -> int | None:
    exp = value.normalize().as_tuple().exponent
    own = -exp if isinstance(exp, int) and exp < 0 else 0
    if decimals is None:
        return None if own == 0 else own
    return max(decimals, min(own, 6))


def exact(ind: Indicator) -> bool:
    """True when the figure has no rounding tolerance (a count, or a computed figure)."""
    return ind.column is None or not ind.rounded


def tolerance(ind: Indicator, value: Decimal, unit: Unit, ds: Dataset) -> Decimal:
    """How far the true figure behind the stated ``value`` may be from it (half a unit of its
    last stated decimal; for a whole-city figure summed from the units, that times the number
    of units). Computed figures (formulas) are exact."""
    if exact(ind):
        return ZERO
    h = ind.tolerance_of(value)
    if unit.is_total and not ds.total_from_file and ind.total == "sum":
        return h * len(ds.units)
    return h


def _quantize(value: Decimal, decimals: int) -> Decimal:
    """``value`` rounded half-up to ``decimals``: :func:`reportgen.vnformat.round_half_up`
    without its argument checks, for the hot path (the values here are always Decimal)."""
    return value.quantize(
        _STEPS[decimals] if decimals < len(_STEPS) else ONE.scaleb(-decimals),
        rounding=ROUND_HALF_UP,
        context=_WIDE,
    )


def agrees(diff: Decimal, allowed: Decimal) -> bool:
    """True when two stated figures that differ by ``diff`` can come from the same true figure,
    given the summed rounding ``allowed`` of both sides (strictly less; exact when 0)."""
    return not diff or abs(diff) < allowed


def _plus(labels: Sequence[str]) -> str:
    return " + ".join(labels)


class _Base:
    """Shared plumbing of a prepared check: its metadata and how to build findings."""

    def __init__(self, check: Check, config: ReportConfig, name: str) -> None:
        self.check = check
        self.config = config
        self.name = name
        self.units: frozenset[str] | None = (
            frozenset(unit_key(u) for u in check.units) if check.units else None
        )

    def ind(self, key: str) -> Indicator:
        return self.config.indicators[self.check.args[key]]

    def inds(self, key: str) -> list[Indicator]:
        value = self.check.args[key]
        ids = value if isinstance(value, list) else [value]
        return [self.config.indicators[i] for i in ids]

    def finding(
        self,
        unit: Unit,
        ds: Dataset,
        inds: list[Indicator],
        expected: Decimal | str | None,
        actual: Decimal | str | None,
        message: str,
        hint: str | None,
        *,
        severity: Severity | None = None,
        stated: Indicator | None = None,
        more: Sequence[Source] = (),
    ) -> Finding:
        """A finding about ``unit``: the message is prefixed with the unit (and the check's
        label) and followed by the cell of the ``stated`` figure; the sources are the cells of
        ``inds`` (the stated figure first) and ``more``."""
        sources: list[Source] = []
        for ind in inds:
            src = ds.source(unit, ind.id)
            if src is not None:
                sources.append(src)
        sources.extend(more)
        where = ""
        main = ds.source(unit, stated.id) if stated is not None else None
        if main is not None:
            where = f" ({main.cell()})"
        elif unit.is_total and not ds.total_from_file:
            if stated is not None and stated.total == "formula":
                where = " (số toàn thành phố được tính bằng công thức từ số của các đơn vị)"
            else:
                where = " (số toàn thành phố được cộng từ các đơn vị: sửa ở đơn vị ghi sai)"
        label = f"[{self.check.label}] " if self.check.label else ""
        return Finding(
            severity=severity or self.check.severity,
            check=self.name,
            unit=unit.name,
            indicators=tuple(i.id for i in inds),
            expected=expected,
            actual=actual,
            message=f"{unit.name}: {label}{message}{where}",
            sources=tuple(sources),
            config_key=self.check.key,
            config_line=self.check.line,
            hint=hint,
        )


@register("sum")
def sum_check(check: Check, config: ReportConfig) -> Runner:
    """Parts add up to their total (``partial``: do not exceed it)."""
    b = _Base(check, config, "sum")
    only = b.units
    total = b.ind("total")
    parts = b.inds("parts")
    partial = bool(check.args.get("partial"))
    labels = _plus([p.label for p in parts])
    tid = total.id
    pids = [p.id for p in parts]

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if only is not None and unit.key not in only:
            return []
        get = unit.values.get
        t = get(tid)
        if t is None:
            return []
        acc = ZERO
        for pid in pids:
            v = get(pid)
            if v is None:
                return []
            acc += v
        diff = acc - t
        if not diff or (partial and diff < 0):
            return []
        allowed = tolerance(total, t, unit, ds)
        for p in parts:
            allowed += tolerance(p, get(p.id) or ZERO, unit, ds)
        if agrees(diff, allowed):
            return []
        if partial:
            msg = (
                f"{labels}: cần không lớn hơn {total.label} {fmt(total, t)}, nhưng cộng lại "
                f"được {fmt(total, acc)}"
            )
            hint = 'các khoản "trong đó" không thể vượt tổng; kiểm tra lại từng khoản'
        else:
            msg = f"{total.label}: cần {fmt(total, acc)} (= {labels}), nhưng ghi {fmt(total, t)}"
            hint = (
                'sửa tổng hoặc khoản bị ghi sai; nếu các khoản chỉ là một phần ("trong '
                'đó") thì khai báo `partial: true`'
            )
        return [b.finding(unit, ds, [total, *parts], acc, t, msg, hint, stated=total)]

    return run


@register("percentage")
def percentage_check(check: Check, config: ReportConfig) -> Runner:
    """A stated rate equals part / total × 100 rounded half-up to its decimals."""
    b = _Base(check, config, "percentage")
    only = b.units
    rate, part, total = b.ind("value"), b.ind("part"), b.ind("total")
    d = rate.decimals if rate.decimals is not None else 2
    vid, pid, tid = rate.id, part.id, total.id
    counts = exact(part) and exact(total)

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if only is not None and unit.key not in only:
            return []
        get = unit.values.get
        v = get(vid)
        p = get(pid)
        t = get(tid)
        if v is None or p is None or t is None:
            return []
        if t == 0:
            if v == 0 and p == 0:
                return []
            return [
                b.finding(
                    unit,
                    ds,
                    [rate, part, total],
                    None,
                    v,
                    f"{rate.label}: không tính được vì {total.label} bằng 0, nhưng ghi "
                    f"{fmt(rate, v)}",
                    f"kiểm tra lại {total.label}",
                    stated=rate,
                )
            ]
        ratio = p / t * HUNDRED
        expected = _quantize(ratio, d)
        tv = rate.tolerance_of(v)
        if counts:
            if (v == expected or _quantize(v, d) == expected) and abs(v - ratio) <= tv:
                return []
        else:
            tp, tt = tolerance(part, p, unit, ds), tolerance(total, t, unit, ds)
            lo = (p - tp) / (t + tt) * HUNDRED
            hi = (p + tp) / (t - tt) * HUNDRED if t - tt > 0 else ratio
            if v + tv >= lo and v - tv <= hi:
                return []
        msg = (
            f"{rate.label}: cần {format_number(expected, d)}% (= {part.label} {fmt(part, p)} "
            f"/ {total.label} {fmt(total, t)} × 100, làm tròn {d} chữ số thập phân), nhưng "
            f"ghi {fmt(rate, v)}"
        )
        hint = "sửa tỷ lệ, hoặc kiểm tra lại tử số và mẫu số (làm tròn nửa lên: 2,345 → 2,35)"
        return [b.finding(unit, ds, [rate, part, total], expected, v, msg, hint, stated=rate)]

    return run


@register("change")
def change_check(check: Check, config: ReportConfig) -> Runner:
    """A stated change equals the difference of the two stated values."""
    b = _Base(check, config, "change")
    only = b.units
    value, start, end = b.ind("value"), b.ind("start"), b.ind("end")
    direction = check.args.get("direction", "auto")
    decrease = direction == "decrease"
    points = start.kind == "percent"
    d = value.decimals

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if only is not None and unit.key not in only:
            return []
        values = unit.values
        c = values.get(value.id)
        s = values.get(start.id)
        e = values.get(end.id)
        if c is None or s is None or e is None:
            return []
        # The change is compared with the difference of the figures as the report states them,
        # i.e. rounded to their own decimals (18,50% − 17,02% = 1,48).
        if start.decimals is not None:
            s = _quantize(s, start.decimals)
        if end.decimals is not None:
            e = _quantize(e, end.decimals)
        expected = s - e if decrease else e - s
        if (_quantize(expected, d) if d is not None else expected) == c:
            return []
        op = f"{fmt(start, s)} − {fmt(end, e)}" if decrease else f"{fmt(end, e)} − {fmt(start, s)}"
        unit_word = (
            " điểm phần trăm"
            if points
            else (f" {value.unit}" if value.unit and value.kind != "percent" else "")
        )
        shown = format_number(expected, _decimals_for(expected, d)) + unit_word
        word = "mức giảm" if decrease else "mức tăng" if direction == "increase" else "mức thay đổi"
        msg = f"{value.label}: cần {shown} (= {op}), nhưng ghi {fmt(value, c)}"
        hint = f"{word} phải bằng hiệu hai số đã ghi; sửa {word} hoặc số đầu kỳ, cuối kỳ"
        return [b.finding(unit, ds, [value, start, end], expected, c, msg, hint, stated=value)]

    return run


@register("movement")
def movement_check(check: Check, config: ReportConfig) -> Runner:
    """End of period = start − decreases + increases (poor/near-poor household movement)."""
    b = _Base(check, config, "movement")
    only = b.units
    start, end = b.ind("start"), b.ind("end")
    decs, incs = b.inds("decreases"), b.inds("increases")
    everything = [start, end, *decs, *incs]
    sid, eid = start.id, end.id
    dids, iids = [x.id for x in decs], [x.id for x in incs]

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if only is not None and unit.key not in only:
            return []
        vals = unit.values
        get = vals.get
        s, e = get(sid), get(eid)
        if s is None or e is None:
            return []
        dsum = ZERO
        for xid in dids:
            v = get(xid)
            if v is None:
                return []
            dsum += v
        isum = ZERO
        for xid in iids:
            v = get(xid)
            if v is None:
                return []
            isum += v
        expected = s - dsum + isum
        diff = expected - e
        if not diff:
            return []
        allowed = ZERO
        for x in everything:
            allowed += tolerance(x, vals.get(x.id) or ZERO, unit, ds)
        if agrees(diff, allowed):
            return []
        msg = (
            f"{end.label}: cần {fmt(end, expected)} (= {start.label} {fmt(start, s)} − giảm "
            f"{format_number(dsum)} + tăng {format_number(isum)}), nhưng ghi {fmt(end, e)}"
        )
        hint = "cuối kỳ = đầu kỳ − các khoản giảm + các khoản tăng; kiểm tra các cột biến động"
        return [b.finding(unit, ds, [end, start, *decs, *incs], expected, e, msg, hint, stated=end)]

    return run


@register("city_sum")
def city_sum_check(check: Check, config: ReportConfig) -> Runner:
    """The whole-city row of the file equals the sum of its units (counts and money)."""
    b = _Base(check, config, "city_sum")
    if check.args.get("indicators"):
        inds = b.inds("indicators")
    else:
        inds = [
            i
            for i in config.indicators.values()
            if i.total == "sum" and i.column is not None and i.kind != "text"
        ]

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if not unit.is_total or not ds.total_from_file:
            return []
        out = []
        n = len(ds.units)
        for ind in inds:
            t = unit.values.get(ind.id)
            if t is None:
                continue
            acc = ZERO
            allowed = ind.tolerance_of(t)
            for u in ds.units:
                v = u.values.get(ind.id)
                if v is None:
                    break
                acc += v
                allowed += ind.tolerance_of(v)
            else:
                if not agrees(acc - t, allowed):
                    out.append(
                        b.finding(
                            unit,
                            ds,
                            [ind],
                            acc,
                            t,
                            f"{ind.label} ở dòng tổng: cần {fmt(ind, acc)} (cộng {n} đơn vị), nhưng "
                            f"ghi {fmt(ind, t)}",
                            "sửa dòng tổng, hoặc số của đơn vị bị ghi sai",
                            stated=ind,
                        )
                    )
        return out

    return run


@register("range")
def range_check(check: Check, config: ReportConfig) -> Runner:
    """A value lies within [min, max]."""
    b = _Base(check, config, "range")
    only = b.units
    inds = b.inds("value")
    lo: Decimal | None = check.args.get("min")
    hi: Decimal | None = check.args.get("max")
    if lo is not None and hi is not None:
        bounds = f"từ {format_number(lo)} đến {format_number(hi)}"
    elif lo is not None:
        bounds = f"từ {format_number(lo)} trở lên"
    else:
        bounds = f"không quá {format_number(hi or ZERO)}"

    low = lo if lo is not None else Decimal("-Infinity")
    high = hi if hi is not None else Decimal("Infinity")

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if only is not None and unit.key not in only:
            return []
        out = []
        get = unit.values.get
        for ind in inds:
            v = get(ind.id)
            if v is None or low <= v <= high:
                continue
            out.append(
                b.finding(
                    unit,
                    ds,
                    [ind],
                    None,
                    v,
                    f"{ind.label}: cần {bounds}, nhưng ghi {fmt(ind, v)}",
                    "kiểm tra lại số liệu (có thể gõ nhầm đơn vị hoặc thừa chữ số)",
                    stated=ind,
                )
            )
        return out

    return run


@register("not_greater")
def not_greater_check(check: Check, config: ReportConfig) -> Runner:
    """Each part is not greater than the total."""
    b = _Base(check, config, "not_greater")
    only = b.units
    parts, total = b.inds("part"), b.ind("total")
    tid = total.id

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if only is not None and unit.key not in only:
            return []
        get = unit.values.get
        t = get(tid)
        if t is None:
            return []
        out = []
        for p in parts:
            v = get(p.id)
            if v is None or v <= t:
                continue
            if v - t < tolerance(p, v, unit, ds) + tolerance(total, t, unit, ds):
                continue
            out.append(
                b.finding(
                    unit,
                    ds,
                    [p, total],
                    t,
                    v,
                    f"{p.label}: cần không lớn hơn {total.label} ({fmt(total, t)}), "
                    f"nhưng ghi {fmt(p, v)}",
                    f"phần không thể lớn hơn tổng; kiểm tra {p.label} và {total.label}",
                    stated=p,
                )
            )
        return out

    return run


@register("continuity")
def continuity_check(check: Check, config: ReportConfig) -> Runner:
    """This period starts where the previous one ended, unless a reason is written."""
    b = _Base(check, config, "continuity")
    only = b.units
    value = b.ind("value")
    prev_id = check.args["previous"]
    prev_ind = config.indicators[prev_id]
    reason = check.args.get("reason")
    label = config.data.previous.label if config.data.previous else None
    when = f" {label}" if label else " kỳ trước"

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if (only is not None and unit.key not in only) or ds.previous is None:
            return []
        v = unit.values.get(value.id)
        if v is None:
            return []
        prev = ds.previous.get(unit.key)
        if prev is None:
            return [
                b.finding(
                    unit,
                    ds,
                    [value],
                    None,
                    v,
                    f"không có trong tệp số liệu{when} nên không so được {value.label}",
                    "kiểm tra tên đơn vị trong hai tệp (đơn vị mới thành lập hoặc "
                    "sáp nhập thì ghi `reason`)",
                    severity="warning",
                    stated=value,
                )
            ]
        p = prev.values.get(prev_id)
        if p is None or agrees(p - v, value.tolerance_of(v) + prev_ind.tolerance_of(p)):
            return []
        more = [s for s in (ds.previous_source(unit, prev_id),) if s is not None]
        msg = (
            f"{value.label}: cần bằng {prev_ind.label}{when} ({fmt(prev_ind, p)}), nhưng ghi "
            f"{fmt(value, v)}"
        )
        if reason:
            return [
                b.finding(
                    unit,
                    ds,
                    [value],
                    p,
                    v,
                    f"{msg} — đã giải trình: {reason}",
                    None,
                    severity="info",
                    stated=value,
                    more=more,
                )
            ]
        return [
            b.finding(
                unit,
                ds,
                [value],
                p,
                v,
                msg,
                "số đầu kỳ này phải bằng số cuối kỳ trước; nếu khác vì lý do chính đáng "
                "(ví dụ chuẩn nghèo thay đổi) thì ghi `reason` cho phép kiểm tra",
                stated=value,
                more=more,
            )
        ]

    return run


@register("words")
def words_check(check: Check, config: ReportConfig) -> Runner:
    """A stated amount in words says the same amount as its figures."""
    b = _Base(check, config, "words")
    only = b.units
    value, words = b.ind("value"), b.ind("words")
    scale = Decimal(MONEY_UNITS.get(value.unit, 1))

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if only is not None and unit.key not in only:
            return []
        v = unit.values.get(value.id)
        w = unit.texts.get(words.id)
        if v is None or not w:
            return []
        amount = v * scale
        whole = amount == amount.to_integral_value()
        if whole:
            amount = amount.quantize(ONE)  # 538,0 triệu đồng is 538000000 đồng
        right = money_in_words(amount) if whole else None
        should = f'cần "{right}"' if right else f"cần đọc {format_number(amount)} đồng"
        try:
            said = words_to_number(w)
        except ReportgenError as exc:
            return [
                b.finding(
                    unit,
                    ds,
                    [words, value],
                    amount,
                    w,
                    f'số tiền bằng chữ: {should} ({fmt(value, v)}), nhưng ghi "{w}" '
                    f"— không đọc được: {exc.message}",
                    exc.hint,
                    stated=words,
                )
            ]
        if said == amount:
            return []
        msg = (
            f'số tiền bằng chữ: {should} ({fmt(value, v)}), nhưng ghi "{w}" (đọc là '
            f"{format_number(said)} đồng)"
        )
        return [
            b.finding(
                unit,
                ds,
                [words, value],
                amount,
                said,
                msg,
                "sửa số tiền bằng chữ (hoặc số tiền bằng số nếu chữ mới đúng); "
                "`reportgen words <số> --money` đọc một số thành chữ",
                stated=words,
            )
        ]

    return run


_STATUS_WORDS = {
    "đạt": "đạt",
    "vượt": "vượt",
    "đạt và vượt": "vượt",
    "không đạt": "không đạt",
    "chưa đạt": "không đạt",
    "vượt chỉ tiêu": "vượt",
    "đạt chỉ tiêu": "đạt",
    "không đạt chỉ tiêu": "không đạt",
    "đạt và vượt chỉ tiêu": "vượt",
    "chưa đạt chỉ tiêu": "không đạt",
}


@register("target")
def target_check(check: Check, config: ReportConfig) -> Runner:
    """Compare a result with its target: vượt / đạt / không đạt (a warning when not reached)."""
    b = _Base(check, config, "target")
    only = b.units
    actual, target = b.ind("actual"), b.ind("target")
    lower = bool(check.args.get("lower_is_better"))
    status_id = check.args.get("status")
    status_ind = config.indicators[status_id] if status_id else None
    decimals = max((i.decimals for i in (actual, target) if i.decimals is not None), default=None)

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if only is not None and unit.key not in only:
            return []
        a, t = unit.values.get(actual.id), unit.values.get(target.id)
        if a is None or t is None:
            return []
        status = target_status(a, t, lower_is_better=lower, decimals=decimals)
        out = []
        compared = f"{actual.label} {fmt(actual, a)} so với chỉ tiêu {fmt(target, t)}"
        if status_ind is not None:
            stated = unit.texts.get(status_ind.id)
            if stated:
                norm = _STATUS_WORDS.get(" ".join(stated.lower().split()))
                if norm != status:
                    known = "" if norm else " (không phải một kết quả đánh giá)"
                    out.append(
                        b.finding(
                            unit,
                            ds,
                            [status_ind, actual, target],
                            status,
                            stated,
                            f'kết quả đánh giá: cần "{status}" ({compared}), nhưng ghi '
                            f'"{stated}"{known}',
                            "ghi một trong: vượt, đạt, không đạt (theo số liệu)",
                            stated=status_ind,
                        )
                    )
        if status == "không đạt":
            out.append(
                b.finding(
                    unit,
                    ds,
                    [actual, target],
                    t,
                    a,
                    f"{actual.label}: cần đạt chỉ tiêu {fmt(target, t)}, nhưng "
                    f"kết quả là {fmt(actual, a)} (không đạt)",
                    "nêu nguyên nhân và giải pháp trong báo cáo",
                    severity="warning",
                    stated=actual,
                )
            )
        return out

    return run


def automatic_ranges(config: ReportConfig) -> Runner:
    """Counts are whole and ≥ 0, money ≥ 0, rates within 0–100 — for every indicator."""
    counts = [(i.id, i) for i in config.indicators.values() if i.kind == "count"]
    money = [(i.id, i) for i in config.indicators.values() if i.kind == "money"]
    rates = [(i.id, i) for i in config.indicators.values() if i.kind == "percent"]

    def finding(
        unit: Unit, ds: Dataset, ind: Indicator, v: Decimal, why: str, hint: str
    ) -> Finding:
        src = ds.source(unit, ind.id)
        where = f" ({src.cell()})" if src else ""
        return Finding(
            "error",
            "range",
            unit.name,
            (ind.id,),
            None,
            v,
            f"{unit.name}: {ind.label}: cần {why}, nhưng ghi {fmt(ind, v)}{where}",
            (src,) if src else (),
            hint=hint,
        )

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        out: list[Finding] = []
        get = unit.values.get
        for iid, ind in counts:
            v = get(iid)
            if v is not None and (v < ZERO or v != v.to_integral_value()):
                out.append(
                    finding(
                        unit,
                        ds,
                        ind,
                        v,
                        "số nguyên không âm (số đếm)",
                        "số hộ, số người, số lượt… là số nguyên từ 0 trở lên",
                    )
                )
        for iid, ind in money:
            v = get(iid)
            if v is not None and v < ZERO:
                out.append(finding(unit, ds, ind, v, "số tiền không âm", "kiểm tra dấu trừ thừa"))
        for iid, ind in rates:
            v = get(iid)
            if v is not None and not ZERO <= v <= HUNDRED:
                out.append(
                    finding(
                        unit,
                        ds,
                        ind,
                        v,
                        "tỷ lệ từ 0 đến 100%",
                        "tỷ lệ ghi theo phần trăm (62,95 nghĩa là 62,95%)",
                    )
                )
        return out

    return run
