"""Translation units: every text of a guide once, with a stable id; translations go back in place."""
from __future__ import annotations

import pytest

from conftest import ALS, FIXTURES, ROOT, SAMPLE
from plainpress import model as m
from plainpress.source import read_guide
from plainpress.translate.units import MissingTranslation, content_digest, translated, units

GUIDES = [ALS, ROOT / "source" / "als-basics" / "en.md", SAMPLE, FIXTURES / "good" / "cuidado-de-los-pies" / "es.md"]


@pytest.mark.parametrize("path", GUIDES, ids=lambda p: p.parent.name)
def test_the_units_given_back_as_they_are_give_the_same_guide(path):
    guide = read_guide(path)
    found = units(guide)
    assert len({u.id for u in found}) == len(found)
    assert translated(guide, guide.meta.lang, {u.id: u.content for u in found}) == guide


def test_every_kind_of_text_is_a_unit_with_what_it_is():
    kinds = {u.id: u.kind for u in units(read_guide(SAMPLE))}
    assert kinds["meta.title"] == "title" and kinds["meta.audience"] == "audience"
    assert (kinds["introduction-3"], kinds["your-medicines-3"]) == ("list item", "numbered list item")
    assert {"table header", "table cell", "image description (alt text)", "glossary term", "glossary meaning",
            "call-out title", "heading", "paragraph"} <= set(kinds.values())
    # a call-out with its default title has nothing to translate: the label comes in the new language
    assert [i for i, k in kinds.items() if k == "call-out title"] == ["your-medicines-12.title"]


def test_a_spanish_guide_from_english_units_takes_spanish_labels():
    guide = read_guide(SAMPLE)
    texts = {u.id: (m.Text(f"ES {u.text}"),) for u in units(guide)}
    spanish = translated(guide, "es", texts)
    callouts = [b for b in m.walk(spanish.blocks) if isinstance(b, m.Callout)]
    assert [c.title for c in callouts] == ["Puntos clave", "Atención", "ES Good to know",
                                          "Preguntas para su equipo de salud"]
    assert spanish.meta.lang == "es" and spanish.meta.title == "ES A sample guide"
    assert [b.id for b in m.walk(spanish.blocks)] == [b.id for b in m.walk(guide.blocks)]


def test_a_missing_translation_is_named():
    guide = read_guide(SAMPLE)
    texts = {u.id: u.content for u in units(guide) if u.id != "questions-3"}
    with pytest.raises(MissingTranslation, match="questions-3"):
        translated(guide, "es", texts)


def test_the_digest_follows_words_and_markup_not_spacing():
    plain = (m.Text("Take  one pill."),)
    assert content_digest(plain) == content_digest((m.Text("Take one pill. "),))
    assert content_digest(plain) != content_digest((m.Text("Take one "), m.Strong((m.Text("pill"),)), m.Text(".")))
    assert content_digest(plain) != content_digest((m.Text("Do not take one pill."),))
