// Internal: the markdown producer's part of line cleaning (src/readers/lines/markdown.cpp).
//
// The text producer (lines/text.cpp) cuts and cleans every line; for a markdown source it
// hands the markdown constructs to these two readers.  Input: one raw line and a position
// in it.  Guarantee: what they consume leaves no markup in Line::text; emphasis becomes
// styles (italic for *x* / _x_ / <i> / <em>, bold for **x** / __x__), "[^N]" a mark,
// "[^N]:" at the start of a line the line's note_num, and block markers the heading /
// bullet flags.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "readers/lines/line.hpp"

namespace unres::readers {

/// Skips the block markers at raw[i] (headings "## ", blockquotes "> ", bullets "- ", possibly
/// several) and the white space after them; sets out.heading / out.bullet.  Returns the new i.
std::size_t markdown_block_markers(std::string_view raw, std::size_t i, Line& out);

/// The inline markdown of one line, read left to right.
class MarkdownInline {
public:
    /// Reads the construct at raw[i] (emphasis delimiters, <i>/<em> tags, entities, backslash
    /// escapes, "[^N]" marks and "[^N]:" definitions) into `mt` / `out`; returns the bytes
    /// consumed, 0 when raw[i] is no markdown.
    std::size_t at(std::string_view raw, std::size_t i, std::uint32_t base, MappedText& mt, Line& out);

private:
    std::vector<std::pair<std::size_t, bool>> open_em_;  ///< text position, italic (else bold)
    std::size_t em_start_ = std::string::npos;          ///< open <i> / <em>
};

/// "6", "12", "*": what a footnote mark may be.
bool is_mark_label(std::string_view c);

}  // namespace unres::readers
