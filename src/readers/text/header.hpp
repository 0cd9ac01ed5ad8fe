// Internal: stage 3 of the text reader, the header (header.cpp).
#pragma once
#include <cstddef>
#include <vector>

#include "readers/lines/line.hpp"
#include "unres/document.hpp"

namespace unres::readers::stages {

/// What the lines before the body say.
struct Header {
    Metadata meta;
    DocKind kind = Document{}.kind;  ///< from the document type and the symbol
    Field authority;                 ///< "The General Assembly," (empty when there is none)
    std::size_t body = 0;            ///< index of the first body line
};

/// Reads the header fields from classified lines.
Header read_header(const std::vector<Line>& lines);

}  // namespace unres::readers::stages
