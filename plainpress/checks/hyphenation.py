"""Pyphen's hyphenation, with each dictionary's patterns parsed once per Pyphen version and kept in the
user's cache: parsing en_US's 11,000 patterns takes a twentieth of a second every process, reading
them back a few thousandths. The hyphenation is Pyphen's own: its HyphDict is handed the patterns it
would have parsed, so syllable counts stay exactly textstat's (which counts with `Pyphen(lang=...)`).
"""
from __future__ import annotations

import marshal
from functools import lru_cache

from ..files import user_cache, write_atomic

FORMAT = 1   # of the cached patterns; a change makes a new file


@lru_cache(maxsize=None)
def hyphenator(name: str):
    """`pyphen.Pyphen(lang=name)`, as textstat makes it (a KeyError for a language Pyphen lacks, as its own)."""
    import pyphen
    path = pyphen.LANGUAGES[pyphen.language_fallback(name)]
    if path not in pyphen.hdcache:
        pyphen.hdcache[path] = patterns(path)
    return pyphen.Pyphen(lang=name)


def patterns(path):
    """The dictionary's HyphDict, from the cache when it is there."""
    import pyphen
    folder = user_cache("hyphenation")
    file = folder / f"pyphen-{pyphen.__version__}-{path.stem}-{FORMAT}.marshal" if folder else None
    if file is not None:   # None: no cache folder, so nothing kept
        try:
            found, maxlen = marshal.loads(file.read_bytes())
            hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
            hd.patterns, hd.cache, hd.maxlen = found, {}, maxlen
            return hd
        except (OSError, ValueError, EOFError, TypeError):   # not there yet, or damaged: parsed again
            pass
    hd = pyphen.HyphDict(path)
    try:
        data = marshal.dumps((hd.patterns, hd.maxlen))
    except ValueError:   # nonstandard hyphenations (de's "ck=k/k"): Pyphen's own objects, not kept
        return hd
    try:
        if file is not None:
            write_atomic(file, data)
    except OSError:   # best effort: a cache that cannot be written only costs the next run its time
        pass
    return hd
