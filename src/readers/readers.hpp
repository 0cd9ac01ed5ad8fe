// Internal: one entry point per input reader; parse() in src/parse.cpp dispatches.
#pragma once
#include "readers/lines/line.hpp"
#include "unres/document.hpp"
#include "unres/source.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace unres::readers {

/// Plain text (pdftotext, -layout, PyMuPDF, copy-paste) and markdown.
Document read_text(const SourceFile& src, InputFormat format);

/// The text and markdown reader's stages run on lines a producer made (the .docx producer,
/// later PDF).  `format` Markdown reads them as markdown lines are read (front matter,
/// thematic breaks, "[^N]:" footnote lines).
Document read_lines(const SourceFile& src, std::vector<Line> lines, InputFormat format);

/// What the .docx producer makes of an archive: the text the user sees (SourceFile::text()
/// of a .docx) and the typed lines that point into it.
struct DocxText {
    /// One line per Word paragraph of the body, in order (line N is paragraph N; an empty
    /// paragraph is an empty line; a w:br inside a paragraph is a space), then one line per
    /// paragraph of the first page's header, then one line "N text" per footnote, N being the
    /// mark Word shows.  No markup: footnote marks are shown as their digits, Word list
    /// numbering as the label ("1.", "(a)"), bullets as "• ".
    std::string text;
    /// In reading order: the header's lines, the body's (one per w:br segment), the footnotes'
    /// (kind set by the line stage, note_num set); a blank line between blocks.  Italics and
    /// bold as styles, footnote references as explicit marks.
    std::vector<Line> lines;
};

/// Reads a .docx archive.  Throws InputError for a damaged archive, a missing
/// word/document.xml, malformed XML or an archive past the limits (10,000 entries, 64 MiB
/// per part, ratio 200:1).
DocxText read_docx_text(std::string_view bytes);

/// Word .docx: the producer's lines through the reading stages; Document::format is Docx and
/// positions refer to the shown text (SourceFile::text()).  Throws InputError when `src` was
/// not loaded from a .docx.
Document read_docx(const SourceFile& src);

/// Akoma Ntoso XML (official DGACM AKN4UN files and unres's own output).
/// Positions (spans) point into the XML file.  Never resolves external entities or DTDs.
Document read_akn(const SourceFile& src);

}  // namespace unres::readers
