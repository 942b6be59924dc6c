"""The checks a report definition can declare, registered by name (like pandera's built-ins).

Each check kind is a function that takes the declared :class:`~reportgen.config.model.Check`
and the report definition, and returns a *runner*: a closure that looks at one unit and returns
its findings. Resolving indicators and arguments happens once, so running a hundred checks over
ten thousand units stays fast. Tolerances follow from the stated rounding of each figure
(:attr:`~reportgen.config.model.Indicator.tolerance`), never from a magic epsilon.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from reportgen.config.model import Check, Indicator, ReportConfig
from reportgen.data.dataset import Dataset, Source, Unit
from reportgen.errors import ReportgenError
from reportgen.validate.findings import Finding, Severity
from reportgen.vnformat import (
    MONEY_UNITS,
    format_number,
    money_in_words,
    round_half_up,
    target_status,
    words_to_number,
)

Runner = Callable[[Unit, Dataset], list[Finding]]
Factory = Callable[[Check, ReportConfig], Runner]

REGISTRY: dict[str, Factory] = {}
ZERO = Decimal(0)


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
    if ind.kind == "percent":
        return format_number(value, _decimals_for(value, ind.decimals)) + "%"
    text = format_number(value, _decimals_for(value, ind.decimals))
    if ind.unit == "%":
        return text + "%"
    return f"{text} {ind.unit}" if ind.unit else text


def _decimals_for(value: Decimal, decimals: int | None) -> int | None:
    exp = value.normalize().as_tuple().exponent
    own = -exp if isinstance(exp, int) and exp < 0 else 0
    if decimals is None:
        return None if own == 0 else own
    return max(decimals, min(own, 6))


def tolerance(ind: Indicator, unit: Unit, ds: Dataset) -> Decimal:
    """How far a stated figure may be from the exact one, given how it was rounded."""
    if ind.column is None:
        return ZERO
    if unit.is_total and not ds.total_from_file and ind.total == "sum":
        return ind.tolerance * len(ds.units)
    return ind.tolerance


class _Base:
    """Shared plumbing of a prepared check: its metadata and how to build findings."""

    def __init__(self, check: Check, config: ReportConfig, name: str) -> None:
        self.check = check
        self.config = config
        self.name = name
        self.units = None
        if check.units:
            from reportgen.data.text import unit_key

            self.units = {unit_key(u) for u in check.units}

    def ind(self, key: str) -> Indicator:
        return self.config.indicators[self.check.args[key]]

    def inds(self, key: str) -> list[Indicator]:
        value = self.check.args[key]
        ids = value if isinstance(value, list) else [value]
        return [self.config.indicators[i] for i in ids]

    def applies(self, unit: Unit) -> bool:
        return self.units is None or unit.key in self.units

    def finding(self, unit: Unit, ds: Dataset, inds: list[Indicator], expected: Decimal | str | None,
                actual: Decimal | str | None, message: str, *, severity: Severity | None = None,
                stated: Indicator | None = None) -> Finding:
        sources: list[Source] = []
        for ind in inds:
            src = ds.source(unit, ind.id)
            if src is not None:
                sources.append(src)
        where = ""
        main = ds.source(unit, stated.id) if stated is not None else None
        if main is not None:
            where = f" ({main.describe().split(', ', 1)[-1]})"
        label = f"[{self.check.label}] " if self.check.label else ""
        return Finding(
            severity=severity or self.check.severity, check=self.name, unit=unit.name,
            indicators=tuple(i.id for i in inds), expected=expected, actual=actual,
            message=f"{unit.name}: {label}{message}{where}", sources=tuple(sources),
            config_key=self.check.key, config_line=self.check.line,
        )


@register("sum")
def sum_check(check: Check, config: ReportConfig) -> Runner:
    """Parts add up to their total (``partial``: do not exceed it)."""
    b = _Base(check, config, "sum")
    total = b.ind("total")
    parts = b.inds("parts")
    partial = bool(check.args.get("partial"))

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if not b.applies(unit):
            return []
        values = unit.values
        t = values.get(total.id)
        if t is None:
            return []
        acc = ZERO
        for p in parts:
            v = values.get(p.id)
            if v is None:
                return []
            acc += v
        allowed = tolerance(total, unit, ds) + sum(
            (tolerance(p, unit, ds) for p in parts), ZERO)
        diff = acc - t
        if partial:
            if diff <= allowed:
                return []
            msg = (f"các khoản \"trong đó\" ({', '.join(p.label for p in parts)}) cộng lại "
                   f"{fmt(total, acc)}, lớn hơn {total.label} đã ghi {fmt(total, t)}")
        else:
            if abs(diff) <= allowed:
                return []
            msg = (f"tổng {len(parts)} thành phần ({', '.join(p.label for p in parts)}) = "
                   f"{fmt(total, acc)}, khác {total.label} đã ghi {fmt(total, t)}")
        return [b.finding(unit, ds, [total, *parts], acc, t, msg, stated=total)]

    return run


@register("percentage")
def percentage_check(check: Check, config: ReportConfig) -> Runner:
    """A stated rate equals part / total × 100 rounded half-up to its decimals."""
    b = _Base(check, config, "percentage")
    rate, part, total = b.ind("value"), b.ind("part"), b.ind("total")
    d = rate.decimals if rate.decimals is not None else 2
    hundred = Decimal(100)

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if not b.applies(unit):
            return []
        v = unit.values.get(rate.id)
        p = unit.values.get(part.id)
        t = unit.values.get(total.id)
        if v is None or p is None or t is None:
            return []
        if t == 0:
            if v == 0 and p == 0:
                return []
            return [b.finding(unit, ds, [rate, part, total], None, v,
                              f"{total.label} bằng 0 nên không tính được {rate.label} "
                              f"(đã ghi {fmt(rate, v)})", stated=rate)]
        exact = p / t * hundred
        expected = round_half_up(exact, d)
        tp, tt = tolerance(part, unit, ds), tolerance(total, unit, ds)
        if tp == 0 and tt == 0:
            if round_half_up(v, d) == expected and abs(v - exact) <= rate.tolerance:
                return []
        else:
            lo = (p - tp) / (t + tt) * hundred
            hi = (p + tp) / (t - tt) * hundred if t - tt > 0 else exact
            tv = rate.tolerance
            if v + tv >= lo and v - tv <= hi:
                return []
        msg = (f"{rate.label} ghi {fmt(rate, v)}, nhưng {part.label} / {total.label} = "
               f"{fmt(part, p)} / {fmt(total, t)} = {format_number(expected, d)}%")
        return [b.finding(unit, ds, [rate, part, total], expected, v, msg, stated=rate)]

    return run


@register("change")
def change_check(check: Check, config: ReportConfig) -> Runner:
    """A stated change equals the difference of the two stated values."""
    b = _Base(check, config, "change")
    value, start, end = b.ind("value"), b.ind("start"), b.ind("end")
    direction = check.args.get("direction", "auto")
    points = start.kind == "percent"

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if not b.applies(unit):
            return []
        c = unit.values.get(value.id)
        s = unit.values.get(start.id)
        e = unit.values.get(end.id)
        if c is None or s is None or e is None:
            return []
        # The change is compared with the difference of the figures as the report states them,
        # i.e. rounded to their own decimals (18,50% − 17,02% = 1,48).
        if start.decimals is not None:
            s = round_half_up(s, start.decimals)
        if end.decimals is not None:
            e = round_half_up(e, end.decimals)
        expected = s - e if direction == "decrease" else e - s
        d = value.decimals
        if (round_half_up(expected, d) if d is not None else expected) == c:
            return []
        op = f"{fmt(start, s)} − {fmt(end, e)}" if direction == "decrease" else \
            f"{fmt(end, e)} − {fmt(start, s)}"
        unit_word = " điểm phần trăm" if points else (f" {value.unit}" if value.unit and
                                                        value.kind != "percent" else "")
        shown = format_number(expected, _decimals_for(expected, d)) + unit_word
        msg = f"{value.label} ghi {fmt(value, c)}, nhưng {op} = {shown}"
        return [b.finding(unit, ds, [value, start, end], expected, c, msg, stated=value)]

    return run


@register("movement")
def movement_check(check: Check, config: ReportConfig) -> Runner:
    """End of period = start − decreases + increases (poor/near-poor household movement)."""
    b = _Base(check, config, "movement")
    start, end = b.ind("start"), b.ind("end")
    decs, incs = b.inds("decreases"), b.inds("increases")

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if not b.applies(unit):
            return []
        vals = unit.values
        s, e = vals.get(start.id), vals.get(end.id)
        if s is None or e is None:
            return []
        dsum = ZERO
        for x in decs:
            v = vals.get(x.id)
            if v is None:
                return []
            dsum += v
        isum = ZERO
        for x in incs:
            v = vals.get(x.id)
            if v is None:
                return []
            isum += v
        expected = s - dsum + isum
        allowed = sum((tolerance(x, unit, ds) for x in [start, end, *decs, *incs]), ZERO)
        if abs(expected - e) <= allowed:
            return []
        msg = (f"{end.label} ghi {fmt(end, e)}, nhưng {start.label} {fmt(start, s)} − giảm "
               f"{format_number(dsum)} + tăng {format_number(isum)} = {fmt(end, expected)}")
        return [b.finding(unit, ds, [end, start, *decs, *incs], expected, e, msg, stated=end)]

    return run


@register("city_sum")
def city_sum_check(check: Check, config: ReportConfig) -> Runner:
    """The whole-city row of the file equals the sum of its units (counts and money)."""
    b = _Base(check, config, "city_sum")
    if check.args.get("indicators"):
        inds = b.inds("indicators")
    else:
        inds = [i for i in config.indicators.values()
                if i.total == "sum" and i.column is not None and i.kind != "text"]

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if not unit.is_total or not ds.total_from_file:
            return []
        out = []
        for ind in inds:
            t = unit.values.get(ind.id)
            if t is None:
                continue
            acc = ZERO
            for u in ds.units:
                v = u.values.get(ind.id)
                if v is None:
                    break
                acc += v
            else:
                allowed = ind.tolerance * (len(ds.units) + 1)
                if abs(acc - t) > allowed:
                    out.append(b.finding(
                        unit, ds, [ind], acc, t,
                        f"{ind.label} ở dòng tổng ghi {fmt(ind, t)}, nhưng cộng {len(ds.units)} "
                        f"đơn vị được {fmt(ind, acc)}", stated=ind))
        return out

    return run


@register("range")
def range_check(check: Check, config: ReportConfig) -> Runner:
    """A value lies within [min, max]."""
    b = _Base(check, config, "range")
    inds = b.inds("value")
    lo: Decimal | None = check.args.get("min")
    hi: Decimal | None = check.args.get("max")

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if not b.applies(unit):
            return []
        out = []
        for ind in inds:
            v = unit.values.get(ind.id)
            if v is None:
                continue
            if (lo is not None and v < lo) or (hi is not None and v > hi):
                bounds = f"từ {format_number(lo) if lo is not None else '…'} đến " \
                         f"{format_number(hi) if hi is not None else '…'}"
                out.append(b.finding(unit, ds, [ind], None, v,
                                     f"{ind.label} = {fmt(ind, v)} nằm ngoài khoảng {bounds}",
                                     stated=ind))
        return out

    return run


@register("not_greater")
def not_greater_check(check: Check, config: ReportConfig) -> Runner:
    """Each part is not greater than the total."""
    b = _Base(check, config, "not_greater")
    parts, total = b.inds("part"), b.ind("total")

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if not b.applies(unit):
            return []
        t = unit.values.get(total.id)
        if t is None:
            return []
        out = []
        for p in parts:
            v = unit.values.get(p.id)
            if v is None:
                continue
            if v - t > tolerance(p, unit, ds) + tolerance(total, unit, ds):
                out.append(b.finding(unit, ds, [p, total], t, v,
                                     f"{p.label} ({fmt(p, v)}) lớn hơn {total.label} "
                                     f"({fmt(total, t)})", stated=p))
        return out

    return run


@register("continuity")
def continuity_check(check: Check, config: ReportConfig) -> Runner:
    """This period starts where the previous one ended, unless a reason is written."""
    b = _Base(check, config, "continuity")
    value = b.ind("value")
    prev_id = check.args["previous"]
    prev_ind = config.indicators[prev_id]
    reason = check.args.get("reason")
    label = config.data.previous.label if config.data.previous else None

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if not b.applies(unit) or ds.previous is None:
            return []
        v = unit.values.get(value.id)
        if v is None:
            return []
        prev = ds.previous.get(unit.key)
        if prev is None:
            return [b.finding(unit, ds, [value], None, v,
                              "không có trong tệp số liệu kỳ trước nên không so được "
                              f"{value.label}", severity="warning")]
        p = prev.values.get(prev_id)
        if p is None or abs(p - v) <= value.tolerance + prev_ind.tolerance:
            return []
        kt = f" {label}" if label else " kỳ trước"
        msg = f"{value.label} ghi {fmt(value, v)}, khác {prev_ind.label}{kt} {fmt(prev_ind, p)}"
        if reason:
            return [b.finding(unit, ds, [value], p, v, f"{msg} — đã giải trình: {reason}",
                              severity="info", stated=value)]
        return [b.finding(unit, ds, [value], p, v, msg, stated=value)]

    return run


@register("words")
def words_check(check: Check, config: ReportConfig) -> Runner:
    """A stated amount in words says the same amount as its figures."""
    b = _Base(check, config, "words")
    value, words = b.ind("value"), b.ind("words")
    scale = Decimal(MONEY_UNITS.get(value.unit, 1))

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if not b.applies(unit):
            return []
        v = unit.values.get(value.id)
        w = unit.texts.get(words.id)
        if v is None or not w:
            return []
        amount = v * scale
        try:
            said = words_to_number(w)
        except ReportgenError as exc:
            return [b.finding(unit, ds, [value, words], amount, w,
                              f"không đọc được số tiền bằng chữ: {exc.message}", stated=words)]
        if said == amount:
            return []
        right = money_in_words(amount) if amount == amount.to_integral_value() else None
        msg = (f"số tiền bằng chữ \"{w}\" đọc là {format_number(said)} đồng, khác số tiền bằng "
               f"số {fmt(value, v)}" + (f"; cần ghi \"{right}\"" if right else ""))
        return [b.finding(unit, ds, [words, value], amount, said, msg, stated=words)]

    return run


_STATUS_WORDS = {"đạt": "đạt", "vượt": "vượt", "đạt và vượt": "vượt", "không đạt": "không đạt",
                 "chưa đạt": "không đạt", "vượt chỉ tiêu": "vượt", "đạt chỉ tiêu": "đạt",
                 "không đạt chỉ tiêu": "không đạt"}


@register("target")
def target_check(check: Check, config: ReportConfig) -> Runner:
    """Compare a result with its target: vượt / đạt / không đạt (a warning when not reached)."""
    b = _Base(check, config, "target")
    actual, target = b.ind("actual"), b.ind("target")
    lower = bool(check.args.get("lower_is_better"))
    status_id = check.args.get("status")

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        if not b.applies(unit):
            return []
        a, t = unit.values.get(actual.id), unit.values.get(target.id)
        if a is None or t is None:
            return []
        status = target_status(a, t, lower_is_better=lower)
        out = []
        if status_id:
            stated = unit.texts.get(status_id)
            if stated:
                norm = _STATUS_WORDS.get(" ".join(stated.lower().split()))
                if norm != status:
                    out.append(b.finding(
                        unit, ds, [config.indicators[status_id], actual, target], status, stated,
                        f"kết quả ghi \"{stated}\", nhưng {actual.label} {fmt(actual, a)} so với "
                        f"chỉ tiêu {fmt(target, t)} là \"{status}\"",
                        stated=config.indicators[status_id]))
        if status == "không đạt":
            out.append(b.finding(unit, ds, [actual, target], t, a,
                                 f"{actual.label} {fmt(actual, a)} không đạt chỉ tiêu "
                                 f"{fmt(target, t)}", severity="warning", stated=actual))
        return out

    return run


def automatic_ranges(config: ReportConfig) -> Runner:
    """Counts are whole and ≥ 0, money ≥ 0, rates within 0–100 — for every indicator."""
    counts = [i for i in config.indicators.values() if i.kind == "count"]
    money = [i for i in config.indicators.values() if i.kind == "money"]
    rates = [i for i in config.indicators.values() if i.kind == "percent"]
    hundred = Decimal(100)

    def finding(unit: Unit, ds: Dataset, ind: Indicator, v: Decimal, why: str) -> Finding:
        src = ds.source(unit, ind.id)
        where = f" ({src.describe().split(', ', 1)[-1]})" if src else ""
        return Finding("error", "range", unit.name, (ind.id,), None, v,
                       f"{unit.name}: {ind.label} = {fmt(ind, v)} không hợp lệ: {why}{where}",
                       (src,) if src else ())

    def run(unit: Unit, ds: Dataset) -> list[Finding]:
        out = []
        vals = unit.values
        for ind in counts:
            v = vals.get(ind.id)
            if v is not None and (v < 0 or v != v.to_integral_value()):
                out.append(finding(unit, ds, ind, v, "số đếm phải là số nguyên không âm"))
        for ind in money:
            v = vals.get(ind.id)
            if v is not None and v < 0:
                out.append(finding(unit, ds, ind, v, "số tiền không được âm"))
        for ind in rates:
            v = vals.get(ind.id)
            if v is not None and (v < 0 or v > hundred):
                out.append(finding(unit, ds, ind, v, "tỷ lệ phải nằm trong khoảng 0–100%"))
        return out

    return run
