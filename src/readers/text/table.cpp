// Tables in the block stage: the rows and cells of a block that blocks.cpp recognised as a
// table (lines of short cells, columns of numbers in a pdftotext -layout extraction, the rows
// of a markdown table "| a | b |").
//
// Input: the blocks (a Table block knows its first and last line) and the classified lines.
// Output: each Table block's `rows`: one row per content line (a markdown delimiter row
// "|---|---|" is no row), its cells split at the line's wide gaps or at "|", trimmed.
// Guarantees: every character of the block's lines stays in some cell (nothing dropped);
// other blocks are untouched.
#include "readers/text/table.hpp"

namespace unres::readers::stages {

namespace {

std::string_view trimmed(std::string_view c) {
    while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
    while (!c.empty() && c.back() == ' ') c.remove_suffix(1);
    return c;
}

/// "|---|:--:|": the delimiter row of a markdown table.
bool delimiter_row(std::string_view t) {
    return !t.empty() && t.find_first_not_of("|-: ") == std::string_view::npos && t.find('-') != std::string_view::npos;
}

std::vector<std::string> row_of(const Line& l) {
    std::vector<std::string> row;
    std::string_view t = trimmed(l.text);
    if (!t.empty() && t.front() == '|') {  // "| a | b |", or unres's own "| text"
        t.remove_prefix(1);
        if (!t.empty() && t.back() == '|') t.remove_suffix(1);
        for (std::size_t from = 0;;) {
            std::size_t bar = t.find('|', from);
            row.emplace_back(trimmed(t.substr(from, bar == std::string_view::npos ? std::string_view::npos : bar - from)));
            if (bar == std::string_view::npos) break;
            from = bar + 1;
        }
        return row;
    }
    for (std::string_view c : cells(l)) row.emplace_back(trimmed(c));
    if (row.empty()) row.emplace_back(t);
    return row;
}

}  // namespace

void table_rows(BlockList& blocks, const std::vector<Line>& lines) {
    for (Block& b : blocks) {
        if (b.kind != BlockKind::Table) continue;
        b.rows.clear();
        for (std::size_t k = b.first_line; k <= b.last_line && k < lines.size(); ++k) {
            const Line& l = lines[k];
            if (l.kind != LineKind::Content || delimiter_row(l.text)) continue;
            b.rows.push_back(row_of(l));
        }
    }
}

}  // namespace unres::readers::stages
