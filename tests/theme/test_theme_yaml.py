"""theme.yaml is read like a guide's front matter: every problem at once, each with its line."""
from __future__ import annotations

import pytest

from plainpress.source import SourceError
from plainpress.theme import Contact, ThemeError, load_theme
from themes import EXAMPLE, copy_theme


def problems(folder) -> list[str]:
    with pytest.raises(SourceError) as caught:
        load_theme(folder)
    return str(caught.value).splitlines()


def test_the_example_theme_is_read_whole():
    theme = load_theme(EXAMPLE)
    assert theme.organisation == (("en", "Riverside Neurology Clinic"),)
    assert (theme.logo_file, theme.logo[:8], theme.accent, theme.paper) == ("logo.png", b"\x89PNG\r\n\x1a\n", "#1f5fa8", "a4")
    assert dict(theme.logo_alt)["es"] == "Logotipo de Riverside Neurology Clinic: tres olas blancas sobre un cuadrado azul"
    assert theme.contact == Contact(phone="020 7946 0000", address=(("en", "12 River Road, Riverside RV1 2AB"),),
                                    hours=(("en", "Monday to Friday, 8 am to 6 pm"), ("es", "De lunes a viernes, de 8 a 18 h")),
                                    web="https://riverside-neurology.example")
    assert theme.overrides == ("pdf/guide.html",)


def test_a_light_accent_colour_fails_with_its_contrast_and_a_darker_one_to_use(tmp_path):
    folder = copy_theme(tmp_path / "theme", "organisation: Hillside Clinic\nlang: en\npaper: a4\naccent: \"#9ecbff\"\n")
    assert problems(folder) == [
        f"{folder}/theme.yaml:4: the accent colour #9ecbff has a contrast of 1.6:1 against white; large print "
        "needs 3:1 for rules and borders: choose a darker colour such as #7596bd"]


def test_an_unquoted_colour_is_a_yaml_comment_and_is_said_to_be_one(tmp_path):
    folder = copy_theme(tmp_path / "theme", "organisation: Hillside Clinic\naccent: #1f5fa8\n")
    assert problems(folder) == [f"{folder}/theme.yaml:2: `accent:` has no value: YAML reads `#1f5fa8` as a comment; "
                                'put the colour in quotes: accent: "#1f5fa8"']


def test_every_problem_is_listed_at_once_with_its_line(tmp_path):
    folder = copy_theme(tmp_path / "theme", """organisaton: Hillside Clinic
logo: ../outside.png
paper: b5
accent: blue
logo_alt: {en: A hill, english: A hill}
contact:
  phone: call us
  web: hillside.example
  fax: 0161 496 0001
lang: en
lang: es
""")
    (tmp_path / "outside.png").write_bytes((EXAMPLE / "logo.png").read_bytes())
    yaml = f"{folder}/theme.yaml"
    assert problems(folder) == [
        f"{yaml}:1: unknown setting `organisaton`; did you mean `organisation`?",
        f"{yaml}:1: theme.yaml has no `organisation`; add a line `organisation: Your clinic's name`",
        f"{yaml}:2: the image `../outside.png` is outside the theme's folder; copy the picture into the theme's "
        "folder and give its name",
        f"{yaml}:3: `paper: b5` is not a page size; choose from letter, a4",
        f"{yaml}:4: `accent: blue` is not a colour; write it as a hex colour in quotes, such as accent: \"#1f5fa8\"",
        f"{yaml}:5: `english` in `logo_alt` is not a language tag; use a BCP 47 tag such as en, es or pt-BR",
        f"{yaml}:7: `phone: call us` is not a phone number; write digits, spaces and dashes, with + in front of a "
        "country code, such as 020 7946 0000",
        f"{yaml}:8: `web: hillside.example` is not a web address; write it in full, starting with https://",
        f"{yaml}:9: unknown setting `contact.fax`; the settings are phone, questions, address, hours, web",
        f"{yaml}:11: the setting `lang` is given twice (also on line 10); keep one of them"]


@pytest.mark.parametrize("logo, message", [
    ("logo.gif", "the image `logo.gif` is not a PNG or JPEG; save it as PNG or JPEG"),
    ("missing.png", "the image file `missing.png` does not exist; check the file name, or put the picture beside theme.yaml"),
    ("broken.png", "the file `broken.png` is not a readable PNG image; save it again as a picture"),
])
def test_the_logo_is_a_png_or_jpeg_in_the_folder_that_decodes(tmp_path, logo, message):
    folder = copy_theme(tmp_path / "theme", f"organisation: Hillside Clinic\nlogo: {logo}\nlogo_alt: A green hill\n")
    (folder / "broken.png").write_bytes((EXAMPLE / "logo.png").read_bytes()[:300])
    (folder / "logo.gif").write_bytes(b"GIF89a")
    assert problems(folder) == [f"{folder}/theme.yaml:2: {message}"]


def test_a_logo_needs_alt_text_and_alt_text_needs_a_logo(tmp_path):
    folder = copy_theme(tmp_path / "a", "organisation: Hillside Clinic\nlogo: logo.png\n")
    assert problems(folder) == [f"{folder}/theme.yaml:1: theme.yaml has no `logo_alt`; "
                                "add a line `logo_alt: ...` that says what the logo shows"]
    folder = copy_theme(tmp_path / "b", "organisation: Hillside Clinic\nlogo_alt: A green hill\n")
    assert problems(folder) == [f"{folder}/theme.yaml:2: `logo_alt` is given but there is no `logo`; "
                                "add `logo: file.png`, or delete `logo_alt`"]


def test_a_folder_without_theme_yaml_says_so_and_a_misspelt_one_is_guessed(tmp_path):
    copy_theme(tmp_path / "clinic-theme")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ThemeError) as caught:
        load_theme(tmp_path / "clinc-theme")
    assert str(caught.value) == (f"{tmp_path}/clinc-theme: no such theme folder; "
                                 f"did you mean {tmp_path}/clinic-theme?")
    with pytest.raises(ThemeError) as caught:
        load_theme(tmp_path / "empty")
    assert str(caught.value) == (f"{tmp_path}/empty: no theme.yaml in this folder; a theme is a folder holding "
                                 "theme.yaml (examples/clinic-theme shows one)")


def test_a_change_to_any_file_of_the_theme_changes_its_digest(tmp_path):
    folder = copy_theme(tmp_path / "theme")
    before = load_theme(folder)
    override = folder / "templates" / "pdf" / "guide.html"
    override.write_text(override.read_text() + "\n")
    after = load_theme(folder)
    assert before.digest != after.digest and before != after


def test_a_truncated_picture_is_caught_even_after_weasyprint_is_loaded(tmp_path):
    import weasyprint  # noqa: F401 - on import it lets Pillow load truncated files, for the whole process
    from plainpress.source.images import readable_image
    (tmp_path / "cut.png").write_bytes((EXAMPLE / "logo.png").read_bytes()[:300])
    assert not readable_image(tmp_path / "cut.png", "PNG")
    assert readable_image(EXAMPLE / "logo.png", "PNG")
