"""Wrapping a run of words on the page, across the inline markup it crosses."""
from __future__ import annotations

from lxml import html

from plainpress.serve.marking import wrap_first


def wrapped(fragment: str, words: str, skip=lambda piece: False) -> str:
    scope = html.fragment_fromstring(fragment)
    finder = lambda seen: (seen.find(words), seen.find(words) + len(words)) if words in seen else None  # noqa: E731
    made = wrap_first(scope, finder, (html.Element("mark"),), skip)
    return html.tostring(scope, encoding="unicode") if made is not None else "not found"


def test_a_run_that_ends_inside_bold_text_splits_the_bold_around_the_mark():
    assert wrapped("<p>Rest. Take <strong>two pills. Then</strong> sleep.</p>", "Take two pills.") == \
        "<p>Rest. <mark>Take <strong>two pills.</strong></mark><strong> Then</strong> sleep.</p>"


def test_a_run_inside_one_element_is_marked_inside_it():
    assert wrapped('<p>Go to <a href="https://example.org">our clinic today</a>.</p>', "clinic") == \
        '<p>Go to <a href="https://example.org">our <mark>clinic</mark> today</a>.</p>'


def test_a_printed_link_address_is_not_read_but_is_kept_inside_the_sentence():
    page = ('<p>Read <a href="https://example.org/p">our page</a><span class="print-only"> (example.org/p)</span>.'
            ' Then call.</p>')
    assert wrapped(page, "Read our page.") == (
        '<p><mark>Read <a href="https://example.org/p">our page</a><span class="print-only"> (example.org/p)</span>.'
        '</mark> Then call.</p>')


def test_line_ends_in_the_page_read_as_single_spaces():
    assert wrapped("<p>Take one\n   pill.</p>", "Take one pill.") == "<p><mark>Take one\n   pill.</mark></p>"


def test_a_run_never_crosses_into_a_nested_list():
    page = "<ul><li>Wash your hands. <ul><li>Use soap.</li></ul> Dry them.</li></ul>"
    assert wrapped(page, "hands. Use soap.") == "not found"
    assert wrapped(page, "Use soap.") == \
        "<ul><li>Wash your hands. <ul><li><mark>Use soap.</mark></li></ul> Dry them.</li></ul>"


def test_skipped_text_is_passed_over_so_a_repeated_sentence_is_marked_once_each():
    page = "<p>Call us. Call us.</p>"
    once = wrapped(page, "Call us.")
    skip_marked = lambda piece: any(e.tag == "mark" for e in piece.path)  # noqa: E731
    assert wrapped(once, "Call us.", skip_marked) == "<p><mark>Call us.</mark> <mark>Call us.</mark></p>"
