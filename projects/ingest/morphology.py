"""Shared access to the Russian morphological analyser.

pymorphy3 ships its OpenCorpora dictionary as a Python package (pymorphy3-dicts-ru), so it works
offline; we use it to bring declined words back to their dictionary form ("в Павлодаре" ->
"павлодар", "с Павлом Лобачевым" -> "Павел Лобачев"). Kazakh has no such package on PyPI;
the Kazakh recognisers strip case suffixes by rule instead (see places.py).
"""

from functools import lru_cache

import pymorphy3


@lru_cache(maxsize=1)
def morph() -> pymorphy3.MorphAnalyzer:
    """The analyser, loaded once per process (about 50 ms, 15 MB)."""
    return pymorphy3.MorphAnalyzer()
