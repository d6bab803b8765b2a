"""The words plainpress prints around a guide's own text, in the guide's language: call-out titles,
the title block, the page footer, the EPUB's navigation, the web page's skip link, a theme's contact
block (`questions` takes the phone number). English where a
language has no entry yet.

Pure data and two look-ups: the reader, the renderers and the translation tools all take them from here.
"""
from __future__ import annotations

import datetime as dt

LABELS = {
    "en": {"version": "Version", "reviewed": "Last reviewed", "page": "page", "of": "of",
           "contents": "Contents", "landmarks": "Landmarks", "start": "Start of content", "for": "For",
           "skip": "Skip to the guide", "table": "Table",
           "key-points": "Key points", "note": "Note", "warning": "Warning",
           "notes": "Notes", "ask": "Questions to ask your care team",
           "contact": "Contact us", "phone": "Phone", "address": "Address", "website": "Website",
           "hours": "Opening hours", "questions": "Questions? Call {phone}.",
           "months": "January February March April May June July August September October November December",
           "date": "{day} {month} {year}"},
    "es": {"version": "Versión", "reviewed": "Última revisión", "page": "página", "of": "de",
           "contents": "Índice", "landmarks": "Puntos de referencia", "start": "Inicio del contenido",
           "skip": "Ir a la guía", "table": "Tabla",
           "for": "Para", "key-points": "Puntos clave", "note": "Nota", "warning": "Atención",
           "notes": "Notas", "ask": "Preguntas para su equipo de salud",
           "contact": "Contacto", "phone": "Teléfono", "address": "Dirección", "website": "Sitio web",
           "hours": "Horario", "questions": "¿Preguntas? Llame al {phone}.",
           "months": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
           "date": "{day} de {month} de {year}"},
    "fr": {"version": "Version", "reviewed": "Dernière révision", "page": "page", "of": "sur",
           "contents": "Table des matières", "landmarks": "Repères", "start": "Début du contenu",
           "skip": "Aller au guide", "table": "Tableau",
           "for": "Pour", "key-points": "À retenir", "note": "Remarque", "warning": "Attention",
           "notes": "Notes", "ask": "Questions à poser à votre équipe soignante",
           "contact": "Nous contacter", "phone": "Téléphone", "address": "Adresse", "website": "Site web",
           "hours": "Horaires d’ouverture", "questions": "Des questions\u00a0? Appelez le {phone}.",
           "months": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
           "date": "{day} {month} {year}"},
    "de": {"version": "Version", "reviewed": "Zuletzt geprüft", "page": "Seite", "of": "von",
           "contents": "Inhalt", "landmarks": "Orientierungspunkte", "start": "Beginn des Inhalts",
           "skip": "Zum Ratgeber springen", "table": "Tabelle",
           "for": "Für", "key-points": "Das Wichtigste", "note": "Hinweis", "warning": "Achtung",
           "notes": "Anmerkungen", "ask": "Fragen an Ihr Behandlungsteam",
           "contact": "Kontakt", "phone": "Telefon", "address": "Adresse", "website": "Website",
           "hours": "Öffnungszeiten", "questions": "Fragen? Rufen Sie uns an: {phone}.",
           "months": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
           "date": "{day}. {month} {year}"},
}


def labels(lang: str) -> dict[str, str]:
    """Every label in the language of `lang` (a BCP 47 tag), English for any it lacks."""
    own = LABELS.get(lang.split("-")[0].lower(), {})
    return {**LABELS["en"], **own}


def long_date(date: dt.date, lang: str) -> str:
    """A review date people read without doubt, with the month in words ('15 de octubre de 2026');
    non-breaking spaces, so that it never splits across lines; ISO 8601 in a language we lack."""
    words = LABELS.get(lang.split("-")[0].lower())
    if words is None:
        return date.isoformat()
    month = words["months"].split()[date.month - 1]
    return words["date"].format(day=date.day, month=month, year=date.year).replace(" ", "\u00a0")
