"""Indicators per unit and for the whole: columns, formulas, sums. Pure functions over Decimals."""
