// Internal: one entry point per input reader; parse() in src/parse.cpp dispatches.
#pragma once
#include "unres/document.hpp"
#include "unres/source.hpp"

namespace unres::readers {

/// Plain text (pdftotext, -layout, PyMuPDF, copy-paste) and markdown.
Document read_text(const SourceFile& src, InputFormat format);

/// Akoma Ntoso XML (official DGACM AKN4UN files and unres's own output).
/// Positions (spans) point into the XML file.  Never resolves external entities or DTDs.
Document read_akn(const SourceFile& src);

}  // namespace unres::readers
