"""Translation: export a guide for translators (DOCX with ids, XLIFF 1.2, PO), import their work back
into a Guide (then the source writer makes `<lang>.md`), and keep track of what has gone stale."""
