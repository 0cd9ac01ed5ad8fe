// The text reader: typed lines → document tree, in stages, each in its own file and each a
// function of values:
//
//   1. lines (readers/lines/): a producer makes typed lines (text.cpp + markdown.cpp for text
//      and markdown, readers/docx.cpp for Word); classify.cpp gives each its kind
//   2. notes.cpp    read_notes: footnote lines → footnote bodies with their pages (NoteSet)
//   3. header.cpp   read_header: the header fields before "The General Assembly," (Header)
//      kind.cpp     read_kind: decision, amendment (its target, where its instructions begin)
//   4. repair.cpp   mark_running_titles, split_glued_numbers, page_margins (Margins)
//   5. blocks.cpp   make_blocks: content lines → logical paragraphs with their labels (Blocks)
//   6. tree.cpp     build_tree: blocks → preamble, operative (nested by label), sections,
//                   annexes, closing
//   7. marks.cpp    link_marks: footnote marks, markup first, then bare digits that fit the
//                   sequence; orphan footnotes placed.  It is given the lines' pages
//                   (line_pages), so the lines are freed once the blocks are made
//
// The same stages serve plain text, pdftotext, markdown, .docx and PDF (readers/pdf_lines.cpp,
// whose lines come classified by their zone).
#include "readers/text/blocks.hpp"
#include "readers/text/header.hpp"
#include "readers/text/kind.hpp"
#include "readers/text/marks.hpp"
#include "readers/text/notes.hpp"
#include "readers/text/repair.hpp"
#include "readers/text/tree.hpp"

#include <algorithm>

namespace unres::readers {

Document read_lines(const SourceFile& src, std::vector<Line> lines, InputFormat format) {
    const bool markdown = format == InputFormat::Markdown;
    Document doc;
    doc.path = src.path();
    doc.format = format;
    // A producer that knows where each line sits on the page (PDF) has classified its lines
    // from their zones; the line stage classifies the others from their text.
    const bool zoned = !lines.empty() && std::all_of(lines.begin(), lines.end(), [](const Line& l) { return l.zone != Zone::Unknown; });
    if (!zoned) classify_lines(lines, markdown);
    stages::NoteSet notes = stages::read_notes(lines);
    doc.footnotes = std::move(notes.notes);
    stages::Header header = stages::read_header(lines);
    stages::read_kind(lines, header);  // kind.cpp: amendments (target, instructions), decisions
    doc.meta = std::move(header.meta);
    doc.kind = header.kind;
    doc.authority = std::move(header.authority);
    stages::mark_running_titles(lines, header.body, doc.meta.title.value);
    stages::split_glued_numbers(lines, header.body);
    const stages::Margins margins = stages::page_margins(lines);
    stages::BlockList blocks = stages::make_blocks(lines, header.body, markdown, margins);
    const stages::LinePages pages = stages::line_pages(lines);
    // The lines' text is in the blocks now: the lines go before the tree is built (peak memory).
    std::vector<Line>().swap(lines);
    stages::build_tree(doc, std::move(blocks), src);
    stages::link_marks(doc, notes.page, notes.region_lo, pages, src);
    sort_footnotes(doc.footnotes);  // number order, whatever the order of the bodies (document.hpp)
    return doc;
}

Document read_text(const SourceFile& src, InputFormat format) {
    return read_lines(src, split_lines(src, format == InputFormat::Markdown), format);
}

}  // namespace unres::readers
