// Internal: stage 4 of the text reader, line repairs (repair.cpp).
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "readers/lines/line.hpp"

namespace unres::readers::stages {

/// Page headers of later pages repeat the title ("running title"): lines of the body that are
/// a piece of `title` and stand next to other page furniture become furniture too.
void mark_running_titles(std::vector<Line>& lines, std::size_t body, const std::string& title);

/// Converters sometimes glue the next paragraph onto the previous line: "Global context and
/// shared commitments 3. We gather ..." or "... Pact for the Future. 16 9. We note ...".  Where
/// the next operative number, a dot and a capital stand inside a body line, the line is cut in
/// two there.
void split_glued_numbers(std::vector<Line>& lines, std::size_t body);

/// The text margin of each page: the indent most of its content lines have (continuation lines
/// outnumber first lines), so that a first line's extra indent shows.
struct Margins {
    std::map<int, int> by_page;
    /// The line's indent past its page's margin (0 when unknown).
    int relative(const Line& l) const;
};
Margins page_margins(const std::vector<Line>& lines);

}  // namespace unres::readers::stages
