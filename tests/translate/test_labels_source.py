"""A translation's own labels in its front matter (`labels:`): read into Meta.labels, written back by the
source writer exactly, and refused with their line when a name or a placeholder is wrong."""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLE
from plainpress.languages import ENGLISH
from plainpress.source import SourceError, read_guide
from plainpress.source.writer import write_guide

HEAD = "---\ntitle: Pagsubok\nlang: tl\ndate: 2026-01-01\n"
BODY = "---\n\n::: key-points\n- Isa\n:::\n"


def written(tmp_path, text: str):
    (tmp_path / "g").mkdir(exist_ok=True)
    path = tmp_path / "g" / "tl.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_labels_are_read_in_the_catalogs_order_and_title_the_call_outs(tmp_path):
    guide = read_guide(written(tmp_path, HEAD + "labels:\n  key-points: Mga pangunahing punto\n"
                                               "  page: pahina {page} ng {pages}\n" + BODY))
    assert guide.meta.labels == (("page", "pahina {page} ng {pages}"), ("key-points", "Mga pangunahing punto"))
    assert guide.blocks[0].title == "Mga pangunahing punto"
    assert write_guide(guide) == (HEAD + "labels:\n  page: pahina {page} ng {pages}\n"
                                  "  key-points: Mga pangunahing punto\n" + BODY)


def test_a_wrong_name_or_placeholder_is_refused_with_its_line(tmp_path):
    with pytest.raises(SourceError) as err:
        read_guide(written(tmp_path, HEAD + "labels:\n  key-point: Mga punto\n  page: pahina {page}\n" + BODY))
    assert str(err.value).splitlines() == [
        f"{tmp_path / 'g' / 'tl.md'}:5: `labels` names `key-point`, which is not a label plainpress prints; "
        "did you mean `key-points`?",
        f"{tmp_path / 'g' / 'tl.md'}:5: the label `page` has {{page}} where the English “page {{page}} of {{pages}}” "
        "has {page}, {pages}; keep each placeholder of the English once, with its braces, where the language puts it"]


words = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), min_size=1, max_size=20).map(str.strip)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from([k for k, v in ENGLISH.items() if "{" not in v]), words.filter(bool)))
def test_the_writer_gives_back_any_labels(tmp_path, given_labels):
    guide = read_guide(SAMPLE)
    own = tuple((k, " ".join(v.split())) for k, v in sorted(given_labels.items(), key=lambda kv: list(ENGLISH).index(kv[0])))
    guide = dataclasses.replace(guide, meta=dataclasses.replace(guide.meta, lang="tl", labels=own))
    text = write_guide(guide)
    folder = tmp_path / "sample"
    folder.mkdir(exist_ok=True)
    for image in guide.images():
        (folder / image.src).write_bytes(image.data)
    (folder / "tl.md").write_text(text, encoding="utf-8")
    back = read_guide(folder / "tl.md")
    assert back.meta.labels == own
    assert write_guide(back) == text
