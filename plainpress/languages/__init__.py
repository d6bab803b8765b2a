"""Languages as data: one record per language, asked by the reader, the renderers, the checks, the
report and the translation tools, so that nothing else branches on a language tag.

    language("zh-Hans").faces    the fonts that draw its script
    language("ar").direction     "rtl"
    language("ko").sentence_end  how its sentences end
    labels("vi")                 the words printed around a guide, from its gettext catalog
"""
from __future__ import annotations

from .catalog import ENGLISH, fill, label_catalog, labels, missing_labels
from .cldr import language_name, long_date, native_name
from .record import Language
from .table import language
from .tags import FUNCTION_WORDS, is_language_tag, language_of_words

__all__ = ["ENGLISH", "fill", "Language", "language", "labels", "label_catalog", "missing_labels", "language_name", "native_name",
           "long_date", "is_language_tag", "language_of_words", "FUNCTION_WORDS"]
