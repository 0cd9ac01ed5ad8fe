// Internal: stage 6 of the text reader, the tree (tree.cpp).
#pragma once
#include <vector>

#include "readers/text/common.hpp"

namespace unres::readers::stages {

/// Builds doc's preamble, operative paragraphs (nested by label), sections, annexes and closing
/// from the blocks; labels are read from `src` as written.
void build_tree(Document& doc, BlockList blocks, const SourceFile& src);

}  // namespace unres::readers::stages
