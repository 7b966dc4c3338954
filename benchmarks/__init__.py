"""Measurements of plainwords, each run as ``python -m benchmarks.<name>`` from the repository root:
``benchmarks.speed`` (see benchmarks/README.md) and ``benchmarks.accuracy`` (docs/accuracy.md)."""
