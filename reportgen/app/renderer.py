"""Everything a batch prepares once: the template (read, repaired, compiled), the context
builder and the document properties; then one report per call."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from reportgen.config.model import ReportConfig
from reportgen.data.dataset import Dataset, Unit
from reportgen.diagnostics import catalog
from reportgen.diagnostics.errors import Location, TemplateError
from reportgen.diagnostics.suggest import did_you_mean
from reportgen.validate.findings import Finding


class Renderer:
    """Everything that does not depend on the unit, prepared once per batch."""

    def __init__(self, config: ReportConfig, dataset: Dataset) -> None:
        from reportgen.docx import CoreProperties, PreparedTemplate
        from reportgen.templating.body import build_blocks
        from reportgen.templating.context import ContextBuilder
        from reportgen.templating.environment import make_env

        self.config = config
        self.dataset = dataset
        self.template = PreparedTemplate.from_file(
            config.template,
            env=make_env(),
            blocks=build_blocks(config, config.template),
        )
        self._check_names()
        self.contexts = ContextBuilder(config, dataset)
        self.units = {u.key: u for u in dataset.all_units()}
        self.failing: dict[str, dict[str, str]] = {}
        moment = datetime(config.date.year, config.date.month, config.date.day)
        self.moment = moment
        self.props = CoreProperties(
            title=config.title,
            subject=config.data.period,
            creator="reportgen",
            created=moment,
            modified=moment,
        )

    def _check_names(self) -> None:
        """Stop before the batch when the template names something the context will not have
        (a misspelt indicator would otherwise fail every report, one by one)."""
        from reportgen.config.loader import CONTEXT_NAMES

        known = set(self.config.indicators) | CONTEXT_NAMES
        unknown = sorted(self.template.variables() - known)
        if unknown:
            parts = []
            for name in unknown:
                guess = did_you_mean(name, sorted(known))
                said = f" ({catalog.text('app.did-you-mean', guess=guess)})" if guess else ""
                parts.append(f'"{name}"{said}')
            raise TemplateError.of(
                "template.unknown-name",
                location=Location(file=str(self.config.template)),
                names=", ".join(parts),
                template=self.config.template,
                config=self.config.path,
            )

    def mark_failing(self, findings: Iterable[Finding]) -> None:
        """Remember, per unit, the indicators whose figures failed a check and what was
        expected, so that a draft highlights them where they are printed (see
        :func:`reportgen.app.drafts.failing_figures`)."""
        from reportgen.app.drafts import failing_figures

        by_name = {u.name: u.key for u in self.dataset.all_units()}
        self.failing = {
            by_name[unit]: marks
            for unit, marks in failing_figures(findings).items()
            if unit in by_name
        }

    def render(self, unit: Unit, *, draft: bool) -> bytes:
        """Render the report of ``unit``; return the .docx bytes. A draft highlights the
        figures that failed their checks (see :meth:`mark_failing`)."""
        failing = self.failing.get(unit.key) if draft else None
        ctx = self.contexts.build(unit, draft=draft, failing=failing)
        data = self.template.render(ctx, core_properties=self.props)
        if failing:
            from reportgen.app.drafts import comment_failing

            data = comment_failing(data, failing, self.moment)
        return data
