"""A theme as the renderers see it: its organisation, logo, contact block, accent colour, paper and the
templates it replaces (read and checked by `load_theme`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Texts = tuple[tuple[str, str], ...]   # (language tag, text): one text, or one per language


@dataclass(frozen=True)
class Contact:
    phone: str = ""
    questions: Texts = ()   # the "Questions? Call ..." line; made from `phone` in each language when not given
    address: Texts = ()
    hours: Texts = ()
    web: str = ""


@dataclass(frozen=True)
class Theme:
    folder: Path
    organisation: Texts
    lang: str = "en"                  # the language of texts given once rather than per language
    logo: bytes = field(default=b"", repr=False)
    logo_file: str = ""               # its name in the theme's folder
    logo_alt: Texts = ()
    accent: str = "#000"              # rules and call-out borders; 3:1 or more against white
    paper: str = ""                   # the clinic's paper, the default for --paper
    contact: Contact | None = None
    overrides: tuple[str, ...] = ()   # the names of our templates that the theme replaces
    digest: str = ""                  # of every file of the theme: a cache keyed on the options sees any edit

    @property
    def locales(self) -> tuple[Path, ...]:
        """The theme's own label catalogs (`locales/<lang>/LC_MESSAGES/plainpress.po`), read before ours."""
        folder = self.folder / "locales"
        return (folder,) if folder.is_dir() else ()

    @property
    def yaml_path(self) -> Path:
        return self.folder / "theme.yaml"

    @property
    def templates(self) -> Path | None:
        """The folder of template overrides, when there are any."""
        return self.folder / "templates" if self.overrides else None
