// The text reader: typed lines → document tree, in stages, each in its own file:
//
//   1. lines (readers/lines/): a producer makes typed lines (text.cpp + markdown.cpp for text
//      and markdown, readers/docx.cpp for Word); classify.cpp gives each its kind
//   2. notes.cpp    footnote lines → footnote bodies with their pages
//   3. header.cpp   the header fields before "The General Assembly,"
//   4. repair.cpp   running titles, glued numbers, page margins
//   5. blocks.cpp   content lines → logical paragraphs with their labels
//   6. tree.cpp     blocks → preamble, operative (nested by label), sections, annexes, closing
//   7. marks.cpp    footnote marks: markup first, then bare digits that fit the sequence;
//                   orphan footnotes placed
//
// The same stages serve plain text, pdftotext, markdown and .docx.
#include "readers/text/reader.hpp"

namespace unres::readers {

namespace stages {

Document TextReader::run(std::vector<Line> lines) {
    lines_ = std::move(lines);
    classify_lines(lines_, markdown_);
    NoteSet notes = read_notes(lines_);
    doc_.footnotes = std::move(notes.notes);
    note_page_ = std::move(notes.page);
    note_region_lo_ = std::move(notes.region_lo);
    std::size_t body = read_header();
    mark_running_titles(body);
    split_glued_numbers(body);
    compute_margins();
    make_blocks(body);
    build_tree();
    resolve_marks();
    return std::move(doc_);
}

}  // namespace stages

Document read_lines(const SourceFile& src, std::vector<Line> lines, InputFormat format) {
    stages::TextReader r(src, format);
    return r.run(std::move(lines));
}

Document read_text(const SourceFile& src, InputFormat format) {
    return read_lines(src, split_lines(src, format == InputFormat::Markdown), format);
}

}  // namespace unres::readers
