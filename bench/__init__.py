"""Benchmarks: plain scripts printing JSON rows ``{name, value, target, unit}``. Run ``python -m bench --json``."""
