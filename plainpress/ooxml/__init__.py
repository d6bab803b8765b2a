"""The one reader of Office packages (DOCX, and ODT's properties), behind the guards of `untrusted`.

Small modules after mammoth's `docx/`: `names` (namespaces, tracked-change elements), `package` (a
package opened once, its parts found through its relationships), `styles`, `properties`, `document`
(the parts the translation import reads) and `body` (the body's paragraphs with their marks). The
translation import, the import of a clinic's own documents and the DOCX validator all read through it.
"""
