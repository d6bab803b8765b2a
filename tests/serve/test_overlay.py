"""The writer's overlay on the web page: badges, marked sentences and words with the checks' own hints,
the panel for what has no place in the text, and the page of problems when the source is wrong."""
from __future__ import annotations

import re
from pathlib import Path

from lxml import html

from conftest import ALS, FIXTURES, FOOT_CARE_ES
from plainpress import build as pipeline
from plainpress.checks.readability import located_sentences, sentence_too_hard
from plainpress.render import RenderOptions
from plainpress.render.html import page_html, render_html
from plainpress.serve.overlay import annotate
from plainpress.serve.page import make_preview
from plainpress.source import read_guide

DRAFT = FIXTURES / "serve" / "draft" / "en.md"
LONG = ("Your care team will check how well your lungs work at every visit, and if the numbers go down they "
        "may send you to a breathing clinic for more tests.")


def checked(source: Path):
    [result] = pipeline.build([source], (), (), Path("."), RenderOptions(), render=False)
    return result


def preview_tree(source: Path = DRAFT):
    return html.document_fromstring(make_preview(source, 1).page)


def seen_text(element) -> str:
    """What a reader sees of an element: no hint (shown on demand) and no printed-only address."""
    element = html.fromstring(html.tostring(element))
    for hidden in element.xpath(".//*[contains(@class, 'pp-tip') or contains(@class, 'print-only')]"):
        hidden.drop_tree()
    return " ".join(element.text_content().split())


def hints_of(tree, mark) -> list[str]:
    [tip] = tree.xpath("//*[@id=$id]", id=mark.get("aria-describedby"))
    assert tip.get("role") == "tooltip"
    return [hint.text for hint in tip.find_class("pp-hint")]


def test_each_section_has_its_reading_level_by_its_heading():
    tree = preview_tree()
    badges = {h2.get("id"): h2.getnext().text for h2 in tree.xpath("//main//h2[@id]")}
    assert badges == {"breathing-every-day": "Grade 0.5 — target 6: ok",
                      "when-it-gets-hard": "Grade 7.2 — target 6: too hard",
                      "glossary": "too short to score"}
    assert tree.xpath("//main/*[1]")[0].text == "Key points: too short to score"


def test_spanish_sections_are_scored_by_inflesz_and_fernandez_huerta():
    badge = preview_tree(FOOT_CARE_ES).xpath("//main//h2[@id]")[0].getnext().text
    assert re.fullmatch(r"INFLESZ \d+\.\d, Fernandez-Huerta \d+\.\d — target 55 and 60: ok", badge), badge


def test_a_long_and_hard_sentence_is_one_focusable_mark_with_each_findings_hint():
    tree, result = preview_tree(), checked(DRAFT)
    [mark] = [m for m in tree.find_class("pp-sentence") if seen_text(m) == LONG]
    assert mark.tag == "mark" and mark.get("tabindex") == "0"
    [sentence] = [s for s in located_sentences(result.guide.blocks) if s.text == LONG]
    [length] = [f for f in result.findings if f.rule == "plain.sentence-length"]
    assert hints_of(tree, mark) == [length.hint, sentence_too_hard(sentence, "en", 6).hint]
    # the bold words and the link stay what they were, inside the mark
    assert [(e.tag, e.text) for e in mark.iter("strong", "a")] == [("strong", "numbers go down they"),
                                                                   ("a", "breathing clinic")]


def test_undefined_terms_and_acronyms_are_underlined_with_their_hints():
    tree, result = preview_tree(), checked(DRAFT)
    terms = tree.find_class("pp-term")
    assert [t.text for t in terms] == ["Pulmonary", "rehabilitation", "BiPAP", "COPD"]
    wanted = [f.hint for f in result.findings if f.rule in ("plain.undefined-term", "plain.acronym")]
    assert [hints_of(tree, t)[0] for t in terms] == wanted
    assert all(t.get("tabindex") == "0" for t in terms)


def test_the_overlay_changes_no_word_of_the_guide():
    built = html.document_fromstring(render_html(read_guide(DRAFT)))
    preview = preview_tree()
    for block in built.xpath("//main//*[@id]"):
        assert seen_text(preview.get_element_by_id(block.get("id"))) == seen_text(block)


def test_the_built_page_has_none_of_it():
    page = render_html(read_guide(DRAFT)).decode("utf-8")
    assert "pp-" not in page and "<script" not in page and "<mark" not in page


def test_what_has_no_place_in_the_text_is_listed_in_the_panel():
    result = checked(DRAFT)
    tree = html.document_fromstring(page_html(result.guide))
    tree.get_element_by_id("when-it-gets-hard-1").drop_tree()   # as a theme might leave a block out
    done = annotate(tree, result)
    [length] = [f for f in result.findings if f.rule == "plain.sentence-length"]
    assert length in done.not_found
    missing = [li.text for li in tree.xpath("//aside[@class='pp-panel']//details[@id='pp-not-found']//li")]
    assert f"{length.location}: {length.message}. Split it into sentences of 20 words or fewer." in missing
    others = tree.xpath("string(//details[@id='pp-others'])")
    assert "a paragraph of 6 sentences" in others   # advice without a mark is listed, not dropped


def test_every_mark_of_the_seed_text_is_found_on_its_page():
    result = checked(ALS)
    done = annotate(html.document_fromstring(page_html(result.guide)), result)
    assert done.not_found == [] and done.sentences >= 20 and done.terms == 45


def test_a_source_that_cannot_be_read_shows_every_problem_as_file_line():
    bad = FIXTURES / "bad" / "several-faults" / "en.md"
    tree = preview_tree(bad)
    shown = [" ".join(li.text_content().split()) for li in tree.xpath("//main//li")]
    try:
        read_guide(bad)
    except Exception as err:   # SourceError: its problems, each `file:line: what; how`
        assert shown == [" ".join(str(p).split()) for p in err.problems]
    assert len(shown) > 1 and all(line.startswith(f"{bad}:") for line in shown)
    assert tree.xpath("//script/@data-since") == ["1"]   # it reloads when the source is mended


def test_a_list_item_too_short_to_judge_is_never_marked_too_hard(tmp_path):
    source = tmp_path / "en.md"
    source.write_text(DRAFT.read_text().replace("- Call us if you feel worse.\n",
                                                "- Call us if you feel worse.\n- Sign important papers\n"))
    (tmp_path / "shapes.png").write_bytes((DRAFT.parent / "shapes.png").read_bytes())
    tree = preview_tree(source)
    [item] = [li for li in tree.xpath("//main//li") if seen_text(li) == "Sign important papers"]
    assert not item.find_class("pp-sentence")
    marked = [seen_text(mark) for mark in tree.find_class("pp-sentence")]
    assert LONG in marked and "Sign important papers" not in marked


def test_a_language_without_a_formula_says_so_in_words_by_each_heading():
    from plainpress.checks.formulas import Scores
    from plainpress.serve.overlay import badge_text
    assert badge_text(Scores("ko", sentences=3, words=40), 6, "ko") == (
        "Korean: reading level is not scored — no formula has been validated for Korean")
