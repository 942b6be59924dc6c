"""Tests of reportgen.vnformat (Vietnamese figures, words, dates, document codes)."""
