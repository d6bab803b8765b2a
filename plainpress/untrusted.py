"""Guards for files that come from outside the clinic (a translator's DOCX, XLIFF or PO; a clinic's
own Word or LibreOffice document): checked before any parser sees them.

A package must be a real ZIP, not an encrypted (OLE) file, hold no macros (by its name, its parts, or
the content types it declares: a .docm renamed .docx is still a .docm), stay within limits of size,
ratio and member count (a 346 KB ZIP bomb pushed python-docx to 626 MB), and name no member outside
itself. XML is parsed with entities off and no network, and any DOCTYPE is refused (XXE, billion laughs).
A text file (PO) must be UTF-8 and hold no binary data.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from lxml import etree

from .errors import PlainpressError

MAX_FILE_BYTES = 50 * 1024 * 1024        # the file as given
MAX_UNPACKED_BYTES = 200 * 1024 * 1024   # all members, as declared in the ZIP's directory
MAX_MEMBER_RATIO = 100                   # unpacked / packed, per member (text compresses ~5-20x)
MAX_MEMBERS = 2000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # an encrypted Office file, or an old .doc
DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class UntrustedFileError(PlainpressError):
    """The file is refused before parsing; the message says why and what to do, in one line."""

    def __init__(self, path: Path, message: str, hint: str):
        self.path, self.message, self.hint = path, message, hint
        super().__init__(message, hint, path)


def check_size(path: Path) -> bytes:
    """The file's bytes, when it exists and is within the size limit."""
    path = Path(path)
    if not path.is_file():
        raise UntrustedFileError(path, "no such file", "check the path")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise UntrustedFileError(path, f"the file is larger than {MAX_FILE_BYTES // 2**20} MB",
                                 "save it again without embedded media, or split it")
    return path.read_bytes()


def read_text(path: Path, kind: str, remedy: str = "") -> str:
    """A text file's words (a PO file, a Markdown document: `kind`), when it is within the size limit,
    text and UTF-8. `remedy`: what to do with a file of binary data (by default, export it again)."""
    data = check_size(path)
    if b"\x00" in data:
        raise UntrustedFileError(path, f"the file holds binary data, so it is not a {kind}",
                                 remedy or f"export the translation again as a {kind}")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        where = f"byte {data[err.start]:#04x} at offset {err.start}"
        raise UntrustedFileError(path, f"the file is not UTF-8 text ({where})", "save it again as UTF-8") from None


def open_package(path: Path) -> zipfile.ZipFile:
    """A DOCX or ODT, opened as a ZIP once every guard has passed."""
    path = Path(path)
    data = check_size(path)
    if data.startswith(OLE_MAGIC):
        raise UntrustedFileError(path, "the file is encrypted or in the old .doc format",
                                 "remove the password (or save as .docx) in Word or LibreOffice, then try again")
    if path.suffix.lower() in (".docm", ".dotm"):
        raise UntrustedFileError(path, "a macro-enabled document", "save it as a plain .docx (without macros)")
    try:
        package = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise UntrustedFileError(path, "not a DOCX or ODT file (not a ZIP package)",
                                 "open it in Word or LibreOffice and save it as .docx") from None
    try:
        check_members(path, package.infolist())
        check_content_types(path, package)
    except UntrustedFileError:
        package.close()
        raise
    return package


def check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise UntrustedFileError(path, f"the package holds {len(members)} parts (more than {MAX_MEMBERS})",
                                 "this is not a document plainpress can open safely")
    total = 0
    for info in members:
        name = PurePosixPath(info.filename.replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts or ":" in info.filename:
            raise UntrustedFileError(path, f"the package names a part outside itself (`{info.filename}`)",
                                     "this is not a document plainpress can open safely")
        if name.name.lower() == "vbaproject.bin":
            raise UntrustedFileError(path, "the document holds macros (vbaProject.bin)",
                                     "save it as a plain .docx (without macros)")
        if name.parts and name.parts[0] in ("Basic", "Scripts") and len(name.parts) > 1:
            raise UntrustedFileError(path, f"the document holds macros ({name.parts[0]}/)",
                                     "save it as a plain .odt (without macros)")
        if info.flag_bits & 0x1:
            raise UntrustedFileError(path, "the package is encrypted", "remove the password and save it again")
        total += info.file_size
        if info.file_size > MAX_MEMBER_RATIO * max(info.compress_size, 1) and info.file_size > 1024 * 1024:
            raise UntrustedFileError(path, f"`{info.filename}` unpacks {info.file_size // max(info.compress_size, 1)}"
                                     " times larger than it is packed (a ZIP bomb)",
                                     "this is not a document plainpress can open safely")
    if total > MAX_UNPACKED_BYTES:
        raise UntrustedFileError(path, f"the package unpacks to {total // 2**20} MB "
                                 f"(more than {MAX_UNPACKED_BYTES // 2**20} MB)",
                                 "save it again without embedded media, or split it")


def check_content_types(path: Path, package: zipfile.ZipFile) -> None:
    """A package whose `[Content_Types].xml` names a macro-enabled part (a .docm, .dotm) or a macro
    project is refused, whatever its file name says."""
    if "[Content_Types].xml" not in package.namelist():
        return  # an ODT (its macros, in Basic/ or Scripts/, are refused by name)
    types = parse_xml(read_member(path, package, "[Content_Types].xml", 2 * 1024 * 1024), path, "[Content_Types].xml")
    for part in types:
        kind = str(part.get("ContentType") or "").lower()
        if "macroenabled" in kind or "vbaproject" in kind:
            raise UntrustedFileError(path, f"a macro-enabled document (its parts are `{part.get('ContentType')}`)",
                                     "save it as a plain .docx (without macros)")


def read_member(path: Path, package: zipfile.ZipFile, name: str, limit: int = MAX_UNPACKED_BYTES) -> bytes:
    """One member's bytes, read no further than its declared size (a lying directory is caught)."""
    try:
        info = package.getinfo(name)
        with package.open(info) as member:
            data = member.read(min(info.file_size, limit) + 1)
    except KeyError:
        raise UntrustedFileError(path, f"the package has no `{name}`", "this file is damaged; save it again") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError):
        # cut short, a bad checksum, a compression zipfile does not know, or one part encrypted
        raise UntrustedFileError(path, f"`{name}` cannot be unpacked", "this file is damaged; save it again") from None
    if len(data) > info.file_size:
        raise UntrustedFileError(path, f"`{name}` is larger than the package says", "this file is damaged or forged")
    return data


def parse_xml(data: bytes, path: Path, part: str = "") -> etree._Element:
    """XML from outside: no DOCTYPE at all, no entities, no network, no huge trees."""
    where = f"`{part}` " if part else ""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if DECLARATION.search(data):  # anywhere: padding can push it past any first look
        raise _doctype_refused(path, where)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        first = head[:1]
        raise UntrustedFileError(path, f"{where}is not well-formed XML ({err.msg})" if first == b"<"
                                 else f"{where}is not XML", "open it and save it again in the program that made it") from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:  # one in an encoding the bytes do not show (UTF-16)
        raise _doctype_refused(path, where)
    return root


def _doctype_refused(path: Path, where: str) -> UntrustedFileError:
    return UntrustedFileError(path, f"{where}declares a DOCTYPE or entities, which documents never need",
                              "this file is not safe to open; ask for it to be saved again")
