"""plainpress: patient guides from one source into large-print PDF, DOCX and EPUB, with reading checks."""

__version__ = "0.1.0"
