// Internal: the typed line, what every flat input (plain text, pdftotext raw and -layout,
// markdown, Word .docx, PDF) hands to the reading stages.
//
// A producer turns its input into a vector of `Line`s and fills what it knows; the rest stays
// unknown (Zone::Unknown, NaN indent, no styles).  Later stages use a typographic fact when it
// is known and fall back to text cues when it is not:
//   - text / pdftotext (lines/text.cpp): text, source map, page (form feeds), indent (leading
//     spaces, in columns), layout gaps (3+ spaces), blank_before;
//   - markdown (the same producer with markup removed): emphasis and `<sup>` as styles,
//     `<sup>N</sup>` / `[^N]` as explicit marks, heading and bullet flags;
//   - .docx (readers/docx.cpp): one line per Word paragraph, italics and bold from runs,
//     footnote references as explicit marks, Word list numbering written as the label;
//   - PDF (readers/pdf*): page, zone (header / body / footnote area / footer), indent converted
//     from points to columns, superscript / italic / bold / size ratio per range.
//
// Guarantees every producer keeps: `text` is cleaned (one space between words, trimmed);
// `map` ties every text offset to a byte of SourceFile::text() (sorted by text_pos); ranges
// (styles, marks, gaps) are offsets into `text`, in order and inside it.
#pragma once
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "unres/document.hpp"
#include "unres/source.hpp"

namespace unres::readers {

/// What the line stage decided a line is.
enum class LineKind : std::uint8_t {
    Blank,
    Furniture,    ///< page header/footer: running symbol, job number, barcode, page counter
    Separator,    ///< "______" line that opens a footnote block
    FrontMatter,  ///< markdown YAML front matter
    Footnote,     ///< a line of a footnote body (first or continuation)
    Content,
};

/// Where on the page a line sits, when the producer knows (PDF); text never does.
enum class Zone : std::uint8_t { Unknown, Header, Body, Notes, Footer };

inline constexpr float kUnknown = std::numeric_limits<float>::quiet_NaN();
inline bool known(float v) { return !std::isnan(v); }

/// Typography of text[begin, end).  A flag that is false means "not known to be set": a
/// producer that cannot see italics (plain text) simply emits no style.
struct Style {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool italic = false;
    bool bold = false;
    bool superscript = false;
    float size_ratio = kUnknown;  ///< font size / the body's font size; NaN when unknown
};

struct Line {
    // --- where the line comes from
    std::uint32_t begin = 0;   ///< source offset of the first byte of the raw line
    std::uint32_t end = 0;     ///< source offset after the last byte (terminator excluded)
    std::uint32_t number = 0;  ///< 1-based line number in SourceFile::text()
    int page = 0;              ///< 0-based page (form feeds, PDF pages, or furniture-separated regions)
    Zone zone = Zone::Unknown;
    /// Left indent in character columns (leading spaces; tabs count 8); NaN when unknown.
    float indent = kUnknown;
    bool blank_before = false; ///< a blank line (or paragraph space) precedes it
    // --- markup the producer removed
    bool bullet = false;       ///< markdown list bullet ("- ")
    bool heading = false;      ///< markdown heading ("## ")
    // --- what the line stage decided (the one-byte fields beside the others: a line is one of
    // the reader's largest values, 192 bytes, one per source line)
    LineKind kind = LineKind::Content;
    bool note_number_only = false;  ///< a line holding only a footnote number (pdftotext)
    /// The repairs split it off the line before ("... commitments 13. We gather"): where it
    /// starts is the reader's guess (Para::boundary_guessed).
    bool split_off = false;
    // --- the text
    std::string text;          ///< cleaned text, single spaces, trimmed
    std::vector<SourceMapEntry> map;
    std::vector<Mark> marks;   ///< explicit footnote marks (markup, Word references, PDF superscripts); pos into text
    std::vector<Style> styles; ///< typography ranges, sorted by begin
    std::vector<std::size_t> gaps;  ///< where a wide gap (layout columns) was collapsed: the text positions before and after its space, in order
    std::string note_num;      ///< (line stage) the first line of a footnote body: its number ("*" too)

    /// The italic ranges, in order.
    std::vector<TextRange> italics() const;
    void add_italic(std::size_t b, std::size_t e);
    /// Indent in whole columns, 0 when unknown.
    int columns() const { return known(indent) ? static_cast<int>(indent) : 0; }
};
static_assert(sizeof(Line) <= 192, "Line grew: one per source line, it bounds the reader's memory");

/// Accumulates cleaned text while recording where each byte came from.
class MappedText {
public:
    void append(std::string_view piece, std::uint32_t src);
    /// Appends one space unless the text is empty or already ends with one.
    void space(std::uint32_t src);
    void trim_end();
    std::string text;
    std::vector<SourceMapEntry> map;
};

}  // namespace unres::readers
