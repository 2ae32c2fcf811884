"""Værdispillet: a facilitation game about the value partners give and get."""

__version__ = "0.1.0"
