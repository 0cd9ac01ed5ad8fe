// Internal: stage 2 of the text reader, footnote bodies (notes.cpp).
#pragma once
#include <vector>

#include "readers/lines/line.hpp"
#include "unres/document.hpp"

namespace unres::readers::stages {

/// The footnotes a document's lines carry.
struct NoteSet {
    std::vector<Footnote> notes;  ///< in order of appearance
    std::vector<int> page;        ///< per note: the page of the text it belongs to
    std::vector<int> region_lo;   ///< per note: the lowest page its mark may be on
};

/// Collects the bodies of the lines the line stage marked Footnote (classified lines in).
NoteSet read_notes(const std::vector<Line>& lines);

}  // namespace unres::readers::stages
