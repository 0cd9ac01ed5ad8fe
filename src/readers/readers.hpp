// Internal: one entry point per input reader; parse() in src/parse.cpp dispatches.
#pragma once
#include "unres/document.hpp"
#include "unres/source.hpp"

#include <string>
#include <string_view>

namespace unres::readers {

/// Plain text (pdftotext, -layout, PyMuPDF, copy-paste) and markdown.
Document read_text(const SourceFile& src, InputFormat format);

/// Word .docx.  SourceFile::from_bytes() has already turned the archive into markdown
/// (docx_to_markdown, kept as src.text()); this runs the text reader on it and sets
/// Document::format to Docx.  Positions refer to the extracted text.  Throws InputError
/// when `src` was not read from a .docx.
Document read_docx(const SourceFile& src);

/// The markdown text of a .docx (see src/readers/docx.cpp for what is kept and how).
/// Throws InputError for a damaged archive, a missing word/document.xml, malformed XML
/// or an archive past the limits (10,000 entries, 64 MiB per part, ratio 200:1).
std::string docx_to_markdown(std::string_view bytes);

/// Akoma Ntoso XML (official DGACM AKN4UN files and unres's own output).
/// Positions (spans) point into the XML file.  Never resolves external entities or DTDs.
Document read_akn(const SourceFile& src);

}  // namespace unres::readers
