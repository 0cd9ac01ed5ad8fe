// Internal: stage 5 of the text reader, blocks (blocks.cpp).
#pragma once
#include <cstddef>
#include <vector>

#include "readers/text/common.hpp"
#include "readers/text/repair.hpp"

namespace unres::readers::stages {

/// Joins the body's content lines (from `body` on) into logical paragraphs with their labels,
/// sections, annexes, headings, tables and closing lines.  `margins` tell a first line's indent
/// in -layout text (not used for markdown).
BlockList make_blocks(const std::vector<Line>& lines, std::size_t body, bool markdown, const Margins& margins);

}  // namespace unres::readers::stages
