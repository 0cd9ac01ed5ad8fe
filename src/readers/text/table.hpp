// Internal: a table block's rows and cells (table.cpp), for the block stage.
#pragma once
#include <vector>

#include "readers/text/common.hpp"

namespace unres::readers::stages {

/// Fills `rows` of every Table block from its lines: one row per content line, its cells
/// split at the wide gaps (pdftotext -layout columns) or at "|" (a markdown table).
void table_rows(BlockList& blocks, const std::vector<Line>& lines);

}  // namespace unres::readers::stages
