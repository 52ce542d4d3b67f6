"""The figure grammar: numbers, units and the scanner that finds every figure in a text."""
