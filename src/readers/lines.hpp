// Internal: the line producers and the line stage.
//
// Producers turn a source into typed lines (readers/lines/line.hpp): split_lines for plain
// text and markdown (lines/text.cpp, lines/markdown.cpp), read_docx_text for Word
// (readers/docx.cpp).  The line stage, classify_lines (lines/classify.cpp), then gives every
// line its kind: blank, page furniture, footnote separator, footnote body, or content.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "readers/lines/line.hpp"
#include "unres/document.hpp"
#include "unres/source.hpp"

namespace unres::readers {

/// Page furniture: running symbol, job number, barcode, page counter (alone or together).
bool is_furniture(std::string_view t);

/// The line's text cut at its wide gaps (layout columns); one cell when there are none.
std::vector<std::string_view> cells(const Line& l);

/// Removes the first `cut` bytes of a line's text, keeping map, marks and italics right.
void drop_prefix(Line& l, std::size_t cut);

/// The text producer: cuts and cleans the lines of `src` (markdown markup read only when `markdown`).
std::vector<Line> split_lines(const SourceFile& src, bool markdown);

/// Marks page furniture, separators, blank lines and front matter; assigns pages.
void classify_lines(std::vector<Line>& lines, bool markdown);

// ---- small text predicates shared by the reader stages ----
bool is_upper_start(std::string_view s);
bool is_lower_start(std::string_view s);
/// A UN document symbol such as A/C.3/78/L.52/Rev.1, S/2016/1100, A/RES/78/217.
bool is_symbol(std::string_view s);
/// "9 November 2023" → "2023-11-09"; "" if not a date. Accepts "Month D, YYYY" too.
std::string parse_date(std::string_view s);
/// Position of a date inside s, with its length; npos if none.
std::size_t find_date(std::string_view s, std::size_t& len);

}  // namespace unres::readers
