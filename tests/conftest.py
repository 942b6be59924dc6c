"""Test-wide settings.

Hypothesis checks rules, not speed: its per-example deadline is off, so a property test does not
fail because the machine is busy (speed is measured in benchmarks/, never asserted in tests)."""

from hypothesis import settings

settings.register_profile("reportgen", deadline=None)
settings.load_profile("reportgen")
