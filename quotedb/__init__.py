"""quotedb: who said what, to whom, where and through whom."""

__version__ = "0.1.0"
