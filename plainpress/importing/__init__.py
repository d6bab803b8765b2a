"""A clinic's own documents (DOCX, ODT, HTML, Markdown) -> a guide's source, through pandoc.

`importer.import_document` reads one into a Guide and writes it with the source writer, as the
translation import does; `command` is `plainpress import`.
"""
