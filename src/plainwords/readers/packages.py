"""Zip-packaged documents (Word, OpenDocument) from untrusted hands, checked before any parser
sees them.

A package is small on disk and can unpack to gigabytes, and its XML is parsed by libraries that
build whole trees in memory. So, before python-docx or odfdo is given the bytes:

- the sizes the zip directory declares are added up and held to the same limit as a text file
  (``--max-size``); reading never goes past a declared size, so a directory that understates one
  cannot smuggle more (the member then fails its checksum or its XML ends early);
- every XML member (but empty ones, which some packages carry as placeholders) is read in bounded chunks through defusedxml's parser, which refuses document
  type declarations and entities (so no "billion laughs" and no external files), with nesting
  capped far above any real document. No tree is built: this pass only says yes or no.

Every refusal is a ``ReadError`` naming the file, so the files beside it are still checked.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from plainwords.readers.decoding import ReadError

MAX_DEPTH = 200  # elements inside elements; lxml itself gives up at 256
_CHUNK = 1 << 20
_XML_SUFFIXES = (".xml", ".rels")


class _TooDeep(Exception):
    pass


class _Depth:
    """A parser target that keeps nothing but how deep the current element is."""

    def __init__(self) -> None:
        self.depth = 0

    def start(self, tag, attributes) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep

    def end(self, tag) -> None:
        self.depth -= 1

    def data(self, text) -> None:
        pass

    def close(self) -> None:
        pass


def check_package(path: str, data: bytes, kind: str, max_bytes: int) -> None:
    """Raise ``ReadError`` unless ``data`` is a zip whose members fit ``max_bytes`` unpacked and
    whose XML is well formed, declares nothing and is not absurdly deep."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise ReadError(f"{path}: not a readable {kind} file ({error}); re-save it") from None
    unpacked = sum(member.file_size for member in members)
    if unpacked > max_bytes:
        raise ReadError(
            f"{path}: unpacks to {unpacked / 1e6:.1f} MB, larger than the "
            f"{max_bytes / 1e6:.0f} MB limit; raise it with --max-size or split the file"
        )
    for member in members:
        if member.file_size and member.filename.lower().endswith(_XML_SUFFIXES):
            _check_xml(path, kind, archive, member)


def _check_xml(path: str, kind: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    where = f"{path}: {member.filename}"
    parser = DefusedXMLParser(target=_Depth(), forbid_dtd=True)
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                parser.feed(chunk)
        parser.close()
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        raise ReadError(
            f"{where}: not a readable {kind} file (broken XML at line {line}, column {column + 1}); "
            "re-save it"
        ) from None
    except DefusedXmlException:
        raise ReadError(
            f"{where}: declares entities or a document type, which {kind} files never do; not read"
        ) from None
    except _TooDeep:
        raise ReadError(
            f"{where}: elements nested more than {MAX_DEPTH} deep, which no real {kind} file "
            "needs; not read"
        ) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as error:
        raise ReadError(f"{where}: not a readable {kind} file ({error}); re-save it") from None
