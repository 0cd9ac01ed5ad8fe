#!/usr/bin/env python3
"""Writes the fuzz_docx seeds (tests/fuzz/seeds/docx/) from the real .docx files in tests/corpus/docx.

Each seed keeps only the parts the .docx reader opens (word/document.xml, its rels, the first-page
header, word/numbering.xml, word/footnotes.xml) with the body cut to its first paragraphs and the
numbering to the abstract numberings those paragraphs use, stored uncompressed so that the seeds stay
small (a few KiB) and the fuzzer's custom mutator (fuzz_docx.cpp) finds the XML as plain bytes.
Run from the repository root: python3 tests/fuzz/make-docx-seeds.py
"""
import re
import sys
import zipfile
from pathlib import Path
from xml.dom import minidom

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "docx"
OUT = ROOT / "tests" / "fuzz" / "seeds" / "docx"
KEEP_PARAGRAPHS = 40
KEEP_FOOTNOTES = 3


def body_cut(xml: bytes) -> bytes:
    dom = minidom.parseString(xml)
    body = dom.getElementsByTagName("w:body")[0]
    kept = 0
    for node in list(body.childNodes):
        if node.nodeType == node.ELEMENT_NODE and node.tagName == "w:sectPr":
            continue
        if kept >= KEEP_PARAGRAPHS:
            body.removeChild(node)
        elif node.nodeType == node.ELEMENT_NODE:
            kept += 1
    return dom.toxml(encoding="UTF-8")


def footnotes_cut(xml: bytes) -> bytes:
    dom = minidom.parseString(xml)
    root = dom.getElementsByTagName("w:footnotes")[0]
    kept = 0
    for node in list(root.childNodes):
        if node.nodeType != node.ELEMENT_NODE:
            continue
        if node.getAttribute("w:type"):
            continue  # separators
        kept += 1
        if kept > KEEP_FOOTNOTES:
            root.removeChild(node)
    return dom.toxml(encoding="UTF-8")


def numbering_cut(xml: bytes, body: bytes) -> bytes:
    used = set(re.findall(rb'<w:numId w:val="(\d+)"', body))
    dom = minidom.parseString(xml)
    root = dom.getElementsByTagName("w:numbering")[0]
    abstract_used = set()
    for num in list(root.getElementsByTagName("w:num")):
        if num.getAttribute("w:numId").encode() in used:
            abstract_used.add(num.getElementsByTagName("w:abstractNumId")[0].getAttribute("w:val"))
        else:
            root.removeChild(num)
    for a in list(root.getElementsByTagName("w:abstractNum")):
        if a.getAttribute("w:abstractNumId") not in abstract_used:
            root.removeChild(a)
    return dom.toxml(encoding="UTF-8")


def strip_rsids(xml: bytes) -> bytes:
    """Drops bytes the reader never looks at: Word's revision-session and paragraph ids (w:rsid*, w14:paraId, w14:textId) and
    empty formatting elements other than those docx.cpp reads (w:i, w:vertAlign, w:tab ...)."""
    xml = re.sub(rb' (?:w:rsid[A-Za-z]*|w14:paraId|w14:textId)="[0-9A-Fa-f]*"', b"", xml)
    return re.sub(rb'<w:(?:rFonts|lang|sz|szCs|kern|spacing|ind|jc|color|noProof|bCs|b|iCs|u|w|widowControl|'
                  rb'tabs|keepNext|keepLines|suppressAutoHyphens|snapToGrid|outlineLvl|shd|highlight|spacing|'
                  rb'position|fitText|adjustRightInd|autoSpaceDE|autoSpaceDN|textAlignment|contextualSpacing)'
                  rb'(?: [^>]*)?/>', b"", xml)


def first_header(document: bytes, rels: bytes) -> tuple[str, bytes]:
    """The first page's header part, as docx.cpp chooses it, and rels reduced to its relationship."""
    dom = minidom.parseString(document)
    sects = dom.getElementsByTagName("w:sectPr")
    empty = b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'
    if not sects:
        return "", empty
    sect = sects[0]
    want = "first" if sect.getElementsByTagName("w:titlePg") else "default"
    rid = ""
    for h in sect.getElementsByTagName("w:headerReference"):
        if h.getAttribute("w:type") == want:
            rid = h.getAttribute("r:id")
    rd = minidom.parseString(rels)
    root = rd.documentElement
    target = ""
    for r in list(root.getElementsByTagName("Relationship")):
        if r.getAttribute("Id") == rid:
            target = r.getAttribute("Target")
        else:
            root.removeChild(r)
    if not target:
        return "", empty
    return (target[1:] if target.startswith("/") else "word/" + target), rd.toxml(encoding="UTF-8")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    sources = sorted(CORPUS.glob("*.doc*"))
    for src in sources:
        if src.read_bytes()[:4] != b"PK\x03\x04":
            continue  # the legacy OLE .doc
        with zipfile.ZipFile(src) as z:
            names = set(z.namelist())
            document = strip_rsids(body_cut(z.read("word/document.xml")))
            header, rels = first_header(document, z.read("word/_rels/document.xml.rels"))
            parts = {"word/document.xml": document, "word/_rels/document.xml.rels": rels}
            if header in names:
                parts[header] = strip_rsids(z.read(header))
            if "word/numbering.xml" in names:
                parts["word/numbering.xml"] = numbering_cut(z.read("word/numbering.xml"), parts["word/document.xml"])
            if "word/footnotes.xml" in names:
                parts["word/footnotes.xml"] = strip_rsids(footnotes_cut(z.read("word/footnotes.xml")))
        out = OUT / (src.stem + ".docx")
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as z:
            for name, data in parts.items():
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                z.writestr(info, data)
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
