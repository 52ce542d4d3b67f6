"""Claims: what each figure measures and when it holds."""
