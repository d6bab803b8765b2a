"""plainpress: patient guides from one source into large-print PDF, DOCX and EPUB, with reading checks."""
