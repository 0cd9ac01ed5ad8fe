// Internal: stage 7 of the text reader, footnote marks (marks.cpp).
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "readers/lines/line.hpp"
#include "unres/document.hpp"
#include "unres/source.hpp"

namespace unres::readers::stages {

/// What the mark stage needs of the lines: (first source offset, page) of each content line,
/// sorted by offset (a paragraph position's page is the page of the line its source byte comes
/// from, whatever the line numbering of the source: .docx, lines split by repair).  A value,
/// so the lines themselves can go before the tree is built.
using LinePages = std::vector<std::pair<std::uint32_t, int>>;
LinePages line_pages(const std::vector<Line>& lines);

/// The heaviest chain of items, taken in their order, whose values strictly increase: its
/// indices, the last item first.  values[i] is the item's value (a footnote number), weights[i]
/// its weight.  Ties go to the earliest item: the chain ends at the first item where the
/// heaviest weight is reached, and each item's predecessor is the first that gives it its
/// weight.  Empty when no weight is positive.  O(n log n).
std::vector<std::size_t> heaviest_increasing_chain(const std::vector<int>& values, const std::vector<int>& weights);

/// Links doc.footnotes to marks in doc's paragraphs: marks found in markup, then bare digits
/// that fit the footnote sequence on the footnote's page (note_page / note_region_lo: per
/// footnote, from the notes stage); places footnotes whose mark is not found as orphans; fills
/// Footnote::refs.  `pages` (line_pages) and `src` give each paragraph position its page.
void link_marks(Document& doc, const std::vector<int>& note_page, const std::vector<int>& note_region_lo,
                const LinePages& pages, const SourceFile& src);

}  // namespace unres::readers::stages
