"""The title block plainpress writes into a DOCX, read back into front-matter fields."""
from plainpress import model as m
from plainpress.importing.metadata import title_block


def paragraph(text: str) -> m.Paragraph:
    return m.Paragraph((m.Text(text),), "p", m.Location("guide.docx", 1))


def test_a_version_with_no_organisation_before_it_is_not_an_organisation():
    fields, rest = title_block([paragraph("Version 1.0. Last reviewed: November 23, 2026.")], "en")
    assert fields == {"version": "1.0", "date": "2026-11-23"} and rest == []


def test_the_organisation_version_and_date_are_read():
    fields, _ = title_block([paragraph("For: People with ALS"),
                             paragraph("Valley Clinic. Version 2. Last reviewed: March 1, 2026.")], "en")
    assert fields == {"audience": "People with ALS", "organisation": "Valley Clinic", "version": "2",
                      "date": "2026-03-01"}
