"""Checks declared in the report definition, run over every unit, giving findings."""
