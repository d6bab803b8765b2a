"""On paper a link cannot be followed: its address is printed after its words, where it tells the reader
something the words do not."""
from __future__ import annotations

import pytest

from plainpress import model as m
from plainpress.templating import printed_address


@pytest.mark.parametrize("words, href, printed", [
    ("0123 456 7890", "tel:+441234567890", ""),                 # the number is in the words
    ("Call the clinic", "tel:+441234567890", "+441234567890"),   # the words have no number
    ("pies@clinica.example", "mailto:pies@clinica.example", ""),
    ("Write to us", "mailto:pies@clinica.example", "pies@clinica.example"),
    ("our website", "https://example.org/pills", "example.org/pills"),
    ("example.org/pills", "https://www.example.org/pills/", ""),
    ("https://example.org", "https://example.org", ""),
    ("Página de la clínica", "https://clínica.example/pies", "clínica.example/pies"),
])
def test_an_address_is_printed_only_when_the_words_do_not_say_it(words, href, printed):
    assert printed_address(m.Link(href, (m.Text(words),))) == printed


def test_a_phone_link_prints_its_number_once_in_the_pdf():
    from conftest import FIXTURES
    from plainpress.render.pdf import guide_html
    from plainpress.source import read_guide
    html = guide_html(read_guide(FIXTURES / "good" / "cuidado-de-los-pies" / "es.md"))
    assert '<a href="tel:+441234567890">0123 456 7890</a> si tiene' in html
    assert "pies@clinica.example</a>." in html
