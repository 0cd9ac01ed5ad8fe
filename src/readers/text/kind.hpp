// Internal: stage 3b of the text reader, the kind of document (kind.cpp).
#pragma once
#include <vector>

#include "readers/lines/line.hpp"
#include "readers/text/header.hpp"

namespace unres::readers::stages {

/// Decides what the lines hold (a resolution, a decision, a draft of either, an amendment) and,
/// for an amendment, the text it amends and where its editing instructions begin: corrects
/// `header` (kind, meta.target, meta.title, body) in place.
void read_kind(const std::vector<Line>& lines, Header& header);

}  // namespace unres::readers::stages
