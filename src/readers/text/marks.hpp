// Internal: stage 7 of the text reader, footnote marks (marks.cpp).
#pragma once
#include <vector>

#include "readers/lines/line.hpp"
#include "unres/document.hpp"
#include "unres/source.hpp"

namespace unres::readers::stages {

/// Links doc.footnotes to marks in doc's paragraphs: marks found in markup, then bare digits
/// that fit the footnote sequence on the footnote's page (note_page / note_region_lo: per
/// footnote, from the notes stage); places footnotes whose mark is not found as orphans; fills
/// Footnote::refs.  `lines` and `src` give each paragraph position its page.
void link_marks(Document& doc, const std::vector<int>& note_page, const std::vector<int>& note_region_lo,
                const std::vector<Line>& lines, const SourceFile& src);

}  // namespace unres::readers::stages
