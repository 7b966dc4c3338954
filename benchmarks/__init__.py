"""Speed benchmarks for plainwords: ``python -m benchmarks.speed`` (see benchmarks/README.md)."""
