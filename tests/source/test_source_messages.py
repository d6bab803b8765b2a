"""Every message of the reader names its line, the cause first, then what to do; one test each.

Most cases are files in tests/fixtures/bad (tests/source/test_bad_inputs.py): here are the others, each a small
source written whole, with the exact messages it must give, in order.
"""
from __future__ import annotations

import pytest

from plainpress.source import SourceError, read_guide
from plainpress.source.problems import Problems
from plainpress.source.yaml_faults import writers_fault

FRONT = "---\ntitle: Taking your pills\nlang: en\ndate: 2026-01-31\n---\n\n"   # the body starts on line 7


def problems(tmp_path, text: str) -> list[str]:
    path = tmp_path / "en.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_guide(path)
    return [line.removeprefix(f"{tmp_path}/") for line in str(caught.value).splitlines()]


CASES = {
    # The case: one cause, at the line that opens the call-out, and nothing it led to.
    "unclosed-call-out-before-two-headings-and-a-warning": (
        FRONT + "::: key-points\n- Take one pill.\n\n## Your pills\n\nText.\n\n## Questions\n\nCall us.\n\n"
        "::: warning\nDo not take two.\n:::\n",
        ["en.md:7: the call-out `::: key-points` is never closed; close it with a line `:::` before line 10, "
         "the next heading"]),
    "unclosed-call-out-then-a-real-fault-below-it": (
        FRONT + "::: note\nText.\n\n## Your pills\n\n#### Too deep\n\nText.\n",
        ["en.md:7: the call-out `::: note` is never closed; close it with a line `:::` before line 10, the next heading",
         "en.md:12: heading level skips from `##` to `####`; use `###` here, or add the missing level above it"]),
    "two-headings-inside-a-closed-call-out-are-said-once": (
        FRONT + "::: note\n## One\n\nText.\n\n## Two\n\nMore.\n:::\n",
        ["en.md:8: a heading inside the call-out `::: note` of line 7; end the call-out with a line `:::` above "
         "the heading, or make the heading its title: `::: note One`"]),
    "call-outs-nested-three-deep-are-said-once": (
        FRONT + "::: note\nOne.\n\n::: warning\nTwo.\n\n::: ask\nThree.\n:::\n:::\n:::\n",
        ["en.md:10: a call-out inside the call-out `::: note` of line 7; end the `::: note` with a line `:::` "
         "before starting this one"]),
    "list-for-text": (
        "---\ntitle: [Pills, water]\nlang: en\ndate: 2026-01-31\n---\n\nText.\n",
        ["en.md:2: `title: [Pills, water]` reads as a list, and `title` is text; put the value in quotes: "
         "`title: \"[Pills, water]\"`"]),
    "unknown-call-out-close-to-a-known-one": (
        FRONT + "::: warnings\nText.\n:::\n",
        ["en.md:7: unknown call-out `::: warnings`; did you mean `::: warning`?"]),
    "list-nested-four-deep": (
        FRONT + "- one\n  - two\n    - three\n      - four\n",
        ["en.md:10: a list nested more than 3 levels deep; flatten it: large print allows 3 levels of lists"]),
    # The front matter: each on the line the writer got wrong.
    "field-without-its-colon": (
        "---\ntitle: Taking your pills\nversion: \"1.0\"\nlang en\ndate: 2026-01-31\n---\n\nText.\n",
        ["en.md:4: `lang en` has no colon after the field's name; write `lang: en`"]),
    "field-without-a-space-after-its-colon": (
        "---\ntitle:Pills\nlang: en\ndate: 2026-01-31\n---\n\nText.\n",
        ["en.md:2: `title:Pills` has no space after the colon; write `title: Pills`"]),
    "field-indented-under-another": (
        "---\ntitle: Pills\n  lang: en\ndate: 2026-01-31\n---\n\nText.\n",
        ["en.md:3: `lang: en` is indented under `title: Pills`; start each field at the beginning of its line, "
         "with no space before it"]),
    "a-month-that-is-not-one": (
        "---\ntitle: T\nlang: en\ndate: 2026-13-01\n---\n\nText.\n",
        ["en.md:4: `date: 2026-13-01` is not a date: there is no month 13; check the month (the middle number) "
         "and the day (the last)"]),
    "words-where-fields-belong": (
        "---\nTaking your pills\n---\n\nText.\n",
        ["en.md:2: `Taking your pills` is not a field: it has no `name:`; write it as a field, such as "
         "`title: Taking your pills`"]),
    "language-tag-with-no-clear-meaning": (
        "---\ntitle: T\nlang: e n\ndate: 2026-01-31\n---\n\nText.\n",
        ["en.md:3: `e n` is not a language tag; write a language tag such as en, es or pt-BR"]),
    "span-language-with-no-clear-meaning": (
        FRONT + "Say [hola]{lang=xx-yy-zz-1}.\n",
        ["en.md:7: `xx-yy-zz-1` is not a language tag; write a language tag such as es, fr or pt-BR: `{lang=es}`"]),
    "picture-inside-a-heading": (
        FRONT + "## Your pills ![a pill](pill.png)\n\nText.\n",
        ["en.md:7: an image inside a sentence; put each image on a line of its own"]),
    "value-starting-with-a-star": (
        "---\ntitle: *Pills* for you\nlang: en\ndate: 2026-01-31\n---\n\nText.\n",
        ["en.md:2: the value of `title` starts with `*`, a sign the front matter reads as markup; "
         "put the value in quotes: `title: \"*Pills* for you\"`"]),
    "value-going-on-after-its-quote": (
        "---\ntitle: \"Pills\" for you\nlang: en\ndate: 2026-01-31\n---\n\nText.\n",
        ["en.md:2: the value of `title` goes on after its closing quote; put the whole value in quotes: "
         "`title: '\"Pills\" for you'`"]),
    "value-starting-with-a-hash": (
        "---\ntitle: #1 pills\nlang: en\ndate: 2026-01-31\n---\n\nText.\n",
        ["en.md:2: `title: #1 pills` starts with `#`, which makes the value a note the front matter leaves out; "
         "put the value in quotes: `title: \"#1 pills\"`"]),
    "true-or-false-for-text": (
        "---\ntitle: yes\nlang: en\ndate: 2026-01-31\n---\n\nText.\n",
        ["en.md:2: `title: yes` reads as true or false, and `title` is text; put the value in quotes: `title: \"yes\"`"]),
    "labels-not-a-mapping": (
        "---\ntitle: T\nlang: es\ndate: 2026-01-31\nlabels: Puntos\n---\n\nText.\n",
        ["en.md:1: the file is named `en.md` but its language is `es`; name the file `es.md`, or correct `lang:`",
         "en.md:5: `labels` should be label names with their words; write one a line, indented: "
         "`  key-points: Puntos clave`"]),
    "labels-unknown-name": (
        "---\ntitle: T\nlang: en\ndate: 2026-01-31\nlabels:\n  key-point: Points\n---\n\nText.\n",
        ["en.md:5: `labels` names `key-point`, which is not a label plainpress prints; did you mean `key-points`?"]),
    "labels-placeholder-lost": (
        "---\ntitle: T\nlang: en\ndate: 2026-01-31\nlabels:\n  page: page {page}\n---\n\nText.\n",
        ["en.md:5: the label `page` has {page} where the English “page {page} of {pages}” has {page}, {pages}; "
         "keep each placeholder of the English once, with its braces, where the language puts it"]),
    "terms-not-a-list": (
        "---\ntitle: T\nlang: en\ndate: 2026-01-31\nterms: 42\n---\n\nText.\n",
        ["en.md:5: `terms` should be a list of words; write it as `terms: [word, another word]`"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_message_names_its_line_the_cause_and_what_to_do(case, tmp_path):
    text, expected = CASES[case]
    assert problems(tmp_path, text) == expected


def test_a_file_that_cannot_be_read_says_why(tmp_path):
    (tmp_path / "en.md").mkdir()
    with pytest.raises(SourceError) as caught:
        read_guide(tmp_path / "en.md")
    assert str(caught.value) == f"{tmp_path}/en.md:1: cannot read the file (Is a directory); check the path and its permissions"


def test_a_yaml_fault_no_rule_knows_keeps_its_line_and_says_so_plainly():
    found = Problems("en.md")
    from plainpress.source.front_matter import read_front_matter
    assert read_front_matter("title: T\n- x", found) is None
    assert [str(p) for p in found.found] == [
        "en.md:3: the front matter cannot be read from this line (expected <block end>, but found '-'); write each "
        "field on a line of its own as `name: value`, and put in quotes a value that holds `: ` or starts with a sign "
        "such as `*`, `[` or `@`"]


def test_the_fault_above_the_line_yaml_noticed_is_the_one_named():
    # PyYAML notices `lang en` at the next line (index 3); the writer's fault is on index 2.
    assert writers_fault("title: T\nversion: '1'\nlang en\ndate: 2026-01-31", 3) == (
        2, "`lang en` has no colon after the field's name", "write `lang: en`")
    assert writers_fault("title: T\nlang: en", 1) is None


def test_every_problem_is_listed_at_once_and_the_command_exits_2(tmp_path, capsys):
    from plainpress.cli import main
    folder = tmp_path / "g"
    folder.mkdir()
    (folder / "en.md").write_text("---\ntitle: T\nlang en\ndate: 2026-01-31\n---\n\n::: note\n## A\n\nText.\n",
                                  encoding="utf-8")
    assert main(["check", str(folder)]) == 2
    assert capsys.readouterr().err == (
        f"plainpress: cannot check:\n{folder}/en.md:3: `lang en` has no colon after the field's name; write `lang: en`\n"
        f"{folder}/en.md:7: the call-out `::: note` is never closed; close it with a line `:::` before line 8, "
        "the next heading\n")
