"""Measurements of plainwords: run each as ``python -m benchmarks.<name>`` from the repository root."""
