"""Pyphen's patterns read back from the user's cache hyphenate as Pyphen's own parse does."""
from __future__ import annotations

import pyphen
import pytest

from plainpress.checks import hyphenation

WORDS = ["pathophysiology", "neurodegeneration", "multidisciplinary", "Krankenhausaufenthalt", "medicamento",
         "ospedale", "больница", "ziekenhuis", "hôpital", "a", ""]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty user cache and no dictionary parsed yet in this process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation.hyphenator.cache_clear()
    yield tmp_path
    hyphenation.hyphenator.cache_clear()


def positions(name: str) -> list:
    return [hyphenation.hyphenator(name).positions(w) for w in WORDS]


@pytest.mark.parametrize("name", ["en_US", "de_DE", "es", "it_IT", "ru_RU", "nl_NL", "fr"])
def test_the_cached_patterns_hyphenate_as_pyphens_own(fresh, name, monkeypatch):
    own = [pyphen.Pyphen(lang=name).positions(w) for w in WORDS]
    monkeypatch.setattr(pyphen, "hdcache", {})
    assert positions(name) == own                                    # parsed, then kept
    [kept] = (fresh / "plainpress" / "hyphenation").iterdir()
    assert kept.name == f"pyphen-{pyphen.__version__}-{pyphen.LANGUAGES[name].stem}-1.marshal"
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation.hyphenator.cache_clear()
    assert positions(name) == own                                    # read back
    kept, parsed = pyphen.hdcache[pyphen.LANGUAGES[name]], pyphen.HyphDict(pyphen.LANGUAGES[name])
    assert (kept.patterns, kept.maxlen, kept.cache.keys() <= set(w.lower() for w in WORDS)) == (parsed.patterns, parsed.maxlen, True)


def test_a_damaged_cache_is_parsed_again(fresh):
    own = [pyphen.Pyphen(lang="en_US").positions(w) for w in WORDS]
    folder = fresh / "plainpress" / "hyphenation"
    folder.mkdir(parents=True)
    (folder / f"pyphen-{pyphen.__version__}-hyph_en_US-1.marshal").write_bytes(b"not patterns")
    pyphen.hdcache.clear()
    assert positions("en_US") == own


def test_nonstandard_hyphenations_are_pyphens_own_objects_never_kept(fresh):
    word = "asszonnyal"   # Hungarian: "ssz" and "nny" hyphenate as "sz-sz", "ny-ny"
    own = pyphen.Pyphen(lang="hu_HU").positions(word)
    pyphen.hdcache.clear()
    found = hyphenation.hyphenator("hu_HU").positions(word)
    assert found == own and [p.data for p in found] == [p.data for p in own] and any(p.data for p in own)
    assert not (fresh / "plainpress" / "hyphenation").exists() or not any((fresh / "plainpress" / "hyphenation").iterdir())


def test_a_language_pyphen_lacks_is_a_key_error_as_pyphens_own():
    with pytest.raises(KeyError):
        pyphen.Pyphen(lang="ar")
    with pytest.raises(KeyError):
        hyphenation.hyphenator("ar")


def test_with_no_cache_folder_the_patterns_are_parsed_and_nothing_is_kept(fresh, monkeypatch):
    own = [pyphen.Pyphen(lang="en_US").positions(w) for w in WORDS]
    pyphen.hdcache.clear()
    monkeypatch.setattr(hyphenation, "user_cache", lambda name: None)
    assert positions("en_US") == own
    assert not (fresh / "plainpress").exists()


def test_an_error_reading_the_kept_patterns_back_is_not_taken_for_a_missing_cache(fresh, monkeypatch):
    positions("en_US")   # kept
    pyphen.hdcache.clear()
    hyphenation.hyphenator.cache_clear()

    def broken(data):
        raise AttributeError("a real error")
    monkeypatch.setattr(hyphenation.marshal, "loads", broken)
    with pytest.raises(AttributeError, match="a real error"):
        hyphenation.hyphenator("en_US")
