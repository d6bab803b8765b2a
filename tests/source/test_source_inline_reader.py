"""One run of inline Markdown read alone, as a translated PO entry is: the inverse of the inline writer."""
from __future__ import annotations

import pytest

from plainpress import model as m
from plainpress.source.inline_reader import read_inlines
from plainpress.source.inline_writer import write_inlines


def test_bold_emphasis_links_and_spans_are_read_as_the_body_reads_them():
    content, problems = read_inlines("Take **one** *small* [pill](https://example.org/a_(b)) [por favor]{lang=es}.")
    assert content == (m.Text("Take "), m.Strong((m.Text("one"),)), m.Text(" "), m.Emphasis((m.Text("small"),)),
                       m.Text(" "), m.Link("https://example.org/a_(b)", (m.Text("pill"),)), m.Text(" "),
                       m.Foreign("es", (m.Text("por favor"),)), m.Text("."))
    assert problems == []


@pytest.mark.parametrize("text", ["1. Take", "# 2 pills", "- a dash", "> more", "::: note", "| a | b |", "    four"])
def test_what_would_start_a_block_stays_words(text):
    assert read_inlines(text) == ((m.Text(text),), [])


def test_a_link_address_is_given_as_written_for_the_caller_to_judge():
    assert read_inlines("[x](javascript:alert(1))") == ((m.Link("javascript:alert(1)", (m.Text("x"),)),), [])


def test_what_the_body_refuses_is_a_problem_with_its_hint():
    content, problems = read_inlines("[x]{.c} and ![p](x.png)")
    assert content == (m.Text("x and "),)
    assert [str(p) for p in problems] == [
        ":1: a `[...]{...}` span without a language; mark a passage in another language as [words]{lang=es}",
        ":1: an image inside a sentence; put each image on a line of its own"]


@pytest.mark.parametrize("text", ["*", "a < b & c", "&amp;", "{{ x }}", "[y]", "<https://x.org>", "\\", "_x_"])
def test_text_written_by_the_inline_writer_comes_back(text):
    content = (m.Text("Say "), m.Strong((m.Text(text),)), m.Text(f" {text}"))
    assert read_inlines(write_inlines(content)) == (content, [])
