"""A theme put on one guide, for the renderers: the organisation (the front matter's wins), the logo
with its alt text, and the contact block in the guide's language, filled into each `::: contact`
call-out and closing the guide as its last section. Every format renders the same worn guide."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from .. import model as m
from ..languages import labels
from ..source.problems import Problem
from .record import Texts, Theme

LOGO_ID = "theme-logo"   # no block of a guide has it: their ids end in a number


@dataclass(frozen=True)
class Worn:
    guide: m.Guide                       # with the theme's organisation and contact block
    theme: Theme | None = None
    logo: m.Image | None = None          # its alt text in the guide's language
    contact: dict[str, m.Paragraph] = field(default_factory=dict)   # questions, phone, hours, address, web

    @property
    def accent(self) -> str:
        return self.theme.accent if self.theme else "#000"

    @property
    def templates(self):
        return self.theme.templates if self.theme else None

    @property
    def words(self) -> dict[str, str]:
        """The labels printed around this guide: the theme's catalog, then ours, then English."""
        return words_for(self.guide.meta, self.theme)

    def images(self) -> tuple[m.Image, ...]:
        return self.guide.images() + ((self.logo,) if self.logo else ())

    def context(self) -> dict:
        """What the templates are given besides the guide: `theme` (None without one), `logo`,
        `accent` and `contact` (its paragraphs by name, for an override that places them itself)."""
        return {"theme": self.theme, "logo": self.logo, "accent": self.accent, "contact": self.contact}


def words_for(meta: m.Meta, theme: Theme | None) -> dict[str, str]:
    """The guide's own translated labels (its front matter's `labels:`), the theme's catalog, ours, English."""
    return labels(meta.lang, theme.locales if theme else (), meta.own_labels)


def wear(guide: m.Guide, theme: Theme | None) -> Worn:
    if theme is None:
        return Worn(guide)
    lang = guide.meta.lang
    meta = dataclasses.replace(guide.meta, organisation=guide.meta.organisation or in_language(theme.organisation, lang)[0])
    prefix = free_prefix(guide, "contact")
    words = words_for(guide.meta, theme)
    blocks = fill_contact_callouts(guide.blocks, theme, lang, prefix, words)
    contact = contact_paragraphs(theme, lang, prefix, words)
    if contact:
        heading = m.Heading(2, (m.Text(words["contact"]),), prefix, m.Location(str(theme.yaml_path), 1))
        blocks += (heading, *contact.values())
    return Worn(dataclasses.replace(guide, meta=meta, blocks=blocks), theme, logo_image(theme, lang), contact)


def in_language(texts: Texts, lang: str) -> tuple[str, str]:
    """(text, its language): the one in `lang`, else in its base language, else the first given."""
    if not texts:
        return "", lang
    exact = [t for t in texts if t[0].casefold() == lang.casefold()]
    base = [t for t in texts if t[0].split("-")[0].casefold() == lang.split("-")[0].casefold()]
    tag, text = (exact or base or list(texts))[0]
    return text, tag


def logo_image(theme: Theme, lang: str) -> m.Image | None:
    if not theme.logo:
        return None
    return m.Image(theme.logo_file, in_language(theme.logo_alt, lang)[0], LOGO_ID,
                   m.Location(str(theme.yaml_path), 1), theme.logo)


def free_prefix(guide: m.Guide, base: str) -> str:
    """An id that no block of the guide has, nor begins with: the contact block's ids start with it."""
    taken = {b.id for b in m.walk(guide.blocks)}
    prefix, n = base, 1
    while any(i == prefix or i.startswith(prefix + "-") for i in taken):
        n += 1
        prefix = f"{base}{n}"
    return prefix


def fill_contact_callouts(blocks: tuple[m.Block, ...], theme: Theme, lang: str, prefix: str,
                          words: dict[str, str]) -> tuple[m.Block, ...]:
    """The blocks with each `::: contact` call-out (also one inside a list) holding the contact block."""
    out = []
    for b in blocks:
        if isinstance(b, m.Callout) and b.style == "contact":
            inner = contact_paragraphs(theme, lang, f"{prefix}-{b.id}", words)
            b = dataclasses.replace(b, blocks=tuple(inner.values()))
        elif isinstance(b, m.ListBlock):
            items = tuple(dataclasses.replace(i, blocks=fill_contact_callouts(i.blocks, theme, lang, prefix, words))
                          for i in b.items)
            b = dataclasses.replace(b, items=items)
        out.append(b)
    return tuple(out)


def contact_paragraphs(theme: Theme, lang: str, prefix: str, words: dict[str, str]) -> dict[str, m.Paragraph]:
    """The contact block in the guide's language: each given line as a paragraph, labelled in bold.
    The web site's link says the clinic's name (a bare address is no link text); print adds the address."""
    contact = theme.contact
    if contact is None:
        return {}
    questions = question_line(contact, lang, words)
    lines = {"questions": questions}
    if contact.phone and contact.phone not in m.plain_text(questions).replace("\u00a0", " "):
        lines["phone"] = labelled(words["phone"], (phone_link(contact.phone),))
    if contact.hours:
        lines["hours"] = labelled(words["hours"], sentence(contact.hours, lang))
    if contact.address:
        lines["address"] = labelled(words["address"], (m.Text(in_language(contact.address, lang)[0]),))
    if contact.web:
        lines["web"] = labelled(words["website"], (m.Link(contact.web, (m.Text(in_language(theme.organisation, lang)[0]),)),))
    loc = m.Location(str(theme.yaml_path), 1)
    return {name: m.Paragraph(content, f"{prefix}-{n}", loc)
            for n, (name, content) in enumerate(((k, v) for k, v in lines.items() if v), start=1)}


def question_line(contact, lang: str, words: dict[str, str]) -> tuple[m.Inline, ...]:
    """The theme's own "Questions? Call ..." line, else ours in the guide's language; the number dials."""
    if contact.questions:
        return with_phone_link(sentence(contact.questions, lang), contact.phone)
    if not contact.phone:
        return ()
    before, _, after = words["questions"].partition("{phone}")
    return (m.Text(before), phone_link(contact.phone), m.Text(after))


def sentence(texts: Texts, lang: str) -> tuple[m.Inline, ...]:
    """Words of the theme, marked as another language when the guide's is not among them."""
    text, tag = in_language(texts, lang)
    same = tag.split("-")[0].casefold() == lang.split("-")[0].casefold()
    return (m.Text(text),) if same else (m.Foreign(tag, (m.Text(text),)),)


def with_phone_link(content: tuple[m.Inline, ...], phone: str) -> tuple[m.Inline, ...]:
    """The content with the first mention of the phone number made a link that dials it."""
    out, linked = [], False
    for x in content:
        if isinstance(x, m.Foreign):
            inner = with_phone_link(x.children, "" if linked else phone)
            linked = linked or inner != x.children
            out.append(dataclasses.replace(x, children=inner))
        elif isinstance(x, m.Text) and phone and not linked and phone in x.text:
            before, _, after = x.text.partition(phone)
            out += [m.Text(before), phone_link(phone), m.Text(after)]
            linked = True
        else:
            out.append(x)
    return tuple(x for x in out if not (isinstance(x, m.Text) and not x.text))


def phone_link(phone: str) -> m.Link:
    """A link that dials the number; its spaces do not break, so the number stays on one line."""
    dial = "".join(c for c in phone if c.isdigit() or c == "+")
    return m.Link(f"tel:{dial}", (m.Text(phone.replace(" ", "\u00a0")),))


def labelled(label: str, content: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    """`**Label:** content`, the space joined to the words after it (one run for a translator's tool)."""
    first, rest = (content[0], content[1:]) if content else (m.Text(""), ())
    joined = (m.Text(" " + first.text),) if isinstance(first, m.Text) else (m.Text(" "), first)
    return (m.Strong((m.Text(f"{label}:"),)), *joined, *rest)


def contact_problems(guides: list[m.Guide], theme: Theme | None) -> list[Problem]:
    """Each `::: contact` call-out that has no contact block to print."""
    if theme is not None and theme.contact is not None:
        return []
    why = ("no theme is in use", "build with --theme DIR (or `theme = \"...\"` in [tool.plainpress]), "
           "or delete the call-out") if theme is None else (
        f"{theme.yaml_path} has no `contact:`", "add a contact block to theme.yaml, or delete the call-out")
    return [Problem(b.loc, f"the call-out `::: contact` prints the theme's contact block, but {why[0]}", why[1])
            for guide in guides for b in m.walk(guide.blocks) if isinstance(b, m.Callout) and b.style == "contact"]
