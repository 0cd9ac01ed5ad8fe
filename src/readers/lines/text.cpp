// The text producer: a SourceFile cut into typed lines (plain text, pdftotext raw and
// -layout, and markdown with lines/markdown.cpp).
//
// Job: one Line per physical line of the source, cleaned: white space collapsed to single
// spaces and trimmed, with a map back to the source.  Input: the decoded source.  Fills:
// number, begin/end, page (a form feed starts a page), indent (leading white space in
// columns, tabs count 8), gaps (runs of 3+ spaces: -layout columns), explicit marks from
// "<sup>N</sup>" (converters write them into plain text too), and for markdown the
// markdown producer's facts (emphasis styles, "[^N]" marks, note_num of "[^N]:" lines,
// heading / bullet flags).  Leaves zone unknown and kind Content (the line stage,
// lines/classify.cpp classify_lines, decides kinds).
#include <algorithm>
#include <array>
#include <tuple>
#include <cctype>
#include <cstring>

#include "bytes.hpp"
#include "readers/lines.hpp"
#include "readers/lines/markdown.hpp"
#include "utf8.hpp"

namespace unres::readers {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

/// U+00A0 (no-break space) and other Unicode spaces are folded to a plain space.
std::size_t unicode_space_len(std::string_view s, std::size_t i) {
    if (static_cast<unsigned char>(s[i]) < 0xC2) return 0;  // ASCII and most bytes: no space
    if (starts_with(s.substr(i), "\xC2\xA0")) return 2;                 // U+00A0
    if (starts_with(s.substr(i), "\xE2\x80") && i + 2 < s.size()) {    // U+2000..U+200B, U+202F
        auto c = static_cast<unsigned char>(s[i + 2]);
        if ((c >= 0x80 && c <= 0x8A) || c == 0xAF) return 3;
    }
    if (starts_with(s.substr(i), "\xE3\x80\x80")) return 3;             // ideographic space
    return 0;
}

/// A byte the cleaner copies as it is: printable ASCII that opens no tag, entity, space or
/// markdown construct.  Runs of them are copied at once (one append, not one per byte).
constexpr bool plain_byte_of(unsigned char c, bool markdown) {
    if (c <= ' ' || c >= 0x7F || c == '<' || c == '&') return false;
    return !markdown || (c != '\\' && c != '[' && c != '*' && c != '_');
}
struct PlainBytes {
    bool is[2][256] = {};
    constexpr PlainBytes() {
        for (int c = 0; c < 256; ++c) is[0][c] = plain_byte_of(static_cast<unsigned char>(c), false), is[1][c] = plain_byte_of(static_cast<unsigned char>(c), true);
    }
};
constexpr PlainBytes kPlain;
bool plain_byte(char c, bool markdown) { return kPlain.is[markdown][static_cast<unsigned char>(c)]; }

/// The eight bytes at s[i] continue a run of plain bytes: each plain or a single space between
/// plain bytes (the last not a space).  A "no" only means the run is read a byte at a time.
bool plain_word(std::string_view s, std::size_t i, bool markdown) {
    using namespace bytes;
    std::uint64_t w = load8(s, i);
    std::uint64_t sp = equal(w, ' ');
    std::uint64_t bad = high(w) | below(w, 0x20) | equal(w, 0x7F) | equal(w, '<') | equal(w, '&') | (sp & (sp >> 8)) |
                        (sp & (kHigh << 56));
    if (markdown) bad |= equal(w, '\\') | equal(w, '[') | equal(w, '*') | equal(w, '_');
    return bad == 0;
}

/// Tags we drop silently (their text content is kept).
bool is_drop_tag(std::string_view tag) {
    static constexpr std::array<std::string_view, 14> tags{"<br>",  "<br/>", "<br />", "<u>",  "</u>",  "<b>",  "</b>",
                                                           "<strong>", "</strong>", "<span>", "</span>", "<p>", "</p>", "<sub>"};
    for (auto t : tags)
        if (tag == t) return true;
    return tag == "</sub>";
}

/// The digit of a Unicode superscript digit at s[i] ("¹" -> 1, "²²" read one at a time) with its
/// length in bytes, or {-1, 0}.
std::pair<int, std::size_t> superscript_digit(std::string_view s, std::size_t i) {
    std::string_view r = s.substr(i, 3);
    if (starts_with(r, "\xC2\xB9")) return {1, 2};
    if (starts_with(r, "\xC2\xB2")) return {2, 2};
    if (starts_with(r, "\xC2\xB3")) return {3, 2};
    if (r.size() == 3 && r[0] == '\xE2' && r[1] == '\x81') {
        auto c = static_cast<unsigned char>(r[2]);
        if (c == 0xB0) return {0, 3};
        if (c >= 0xB4 && c <= 0xB9) return {c - 0xB0, 3};
    }
    return {-1, 0};
}

/// Reads `<sup>X</sup>` (or the converter artefact `<sup>&</sup>lt;sup>X</sup>`) at s[i].
/// On success returns the length consumed and the content in `content`.
std::size_t read_sup(std::string_view s, std::size_t i, std::string_view& content) {
    std::string_view rest = s.substr(i);
    std::size_t open = 0;
    if (starts_with(rest, "<sup>&</sup>lt;sup>")) open = 19;
    else if (starts_with(rest, "&lt;sup&gt;")) open = 11;
    else if (starts_with(rest, "<sup>")) open = 5;
    else return 0;
    // The content is at most 40 bytes: look for the closing tag that far only (searching to the
    // end of the line for each of many unclosed tags is quadratic).
    rest = rest.substr(0, open + 40 + 12);
    std::size_t close = rest.find("</sup>", open);
    std::size_t close_len = 6;
    std::size_t alt = rest.find("&lt;/sup&gt;", open);
    if (alt != std::string_view::npos && (close == std::string_view::npos || alt < close)) {
        close = alt;
        close_len = 12;
    }
    if (close == std::string_view::npos || close - open > 40) return 0;
    content = rest.substr(open, close - open);
    return close + close_len;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

/// Leading white space as an indent in columns (a tab is 8); `i` moves past it.
int leading_indent(std::string_view raw, std::size_t& i) {
    int indent = 0;
    while (i < raw.size()) {
        if (raw[i] == ' ') ++indent;
        else if (raw[i] == '\t') indent += 8;
        else if (raw[i] == '\f' || raw[i] == '\r' || raw[i] == '\v') {
        } else if (std::size_t u = unicode_space_len(raw, i)) {
            ++indent;
            i += u - 1;
        } else
            break;
        ++i;
    }
    return indent;
}

/// HTML at raw[i] ('<' or '&'): a <sup> that is a footnote mark (into out.marks), a <sup> of
/// other text (its text kept), or a tag dropped.  Returns the bytes read, 0 when it is text.
std::size_t read_markup(std::string_view raw, std::size_t i, std::uint32_t base, MappedText& mt, Line& out) {
    auto src_at = [&](std::size_t k) { return base + static_cast<std::uint32_t>(k); };
    std::string_view content;
    if (std::size_t n = read_sup(raw, i, content)) {
        if (is_mark_label(content)) {
            Mark m;
            m.num = std::string(trim(content));
            // A mark after a space: the space belongs before the mark, drop it later.
            m.pos = mt.text.size();
            m.span = {src_at(i), src_at(i + n)};
            out.marks.push_back(m);
        } else {
            // Superscript text that is not a mark (e.g. "1<sup>st</sup>"): keep its text.
            std::size_t off = static_cast<std::size_t>(content.data() - raw.data());
            mt.append(content, src_at(off));
        }
        return n;
    }
    if (raw[i] != '<') return 0;
    std::size_t close = raw.substr(0, i + 12).find('>', i);  // only as far as a tag can end
    if (close == std::string_view::npos || close - i >= 12) return 0;
    std::string_view tag = raw.substr(i, close - i + 1);
    return is_drop_tag(tag) ? close + 1 - i : 0;
}

/// Gives the line its cleaned text: a view of the source when the cleaning changed nothing
/// (one map entry and the same bytes: the common case, no copy), else a copy; drops italics
/// that ended up empty or reversed and clamps marks and styles to the text.  `source` is
/// SourceFile::text().data(), which the map's offsets index.
void finish_line(MappedText& mt, const char* source, Line& out) {
    mt.trim_end();
    out.styles.erase_if([&](const Style& r) { return r.begin >= r.end || r.end > mt.text.size(); });
    for (auto& m : out.marks) m.pos = std::min(m.pos, mt.text.size());
    const std::string_view cleaned = mt.text;
    if (mt.map.size() == 1 && std::string_view(source + mt.map[0].src, cleaned.size()) == cleaned)
        out.text = LineText::view_of(std::string_view(source + mt.map[0].src, cleaned.size()));
    else
        out.text = cleaned;
    out.map = mt.map;
}

/// Cleans one raw line into `out`: indent, markdown block markers, then the text with its
/// source map, wide gaps, footnote marks and (markdown) emphasis.
void clean_line(std::string_view raw, std::uint32_t base, bool markdown, MappedText& mt, Line& out) {
    mt.text.clear();  // the caller's buffers, reused from line to line (no allocation per line)
    mt.map.clear();
    std::size_t i = 0;
    out.indent = static_cast<float>(leading_indent(raw, i));
    if (markdown) i = markdown_block_markers(raw, i, out);
    MarkdownInline md;  // open emphasis of this line
    auto src_at = [&](std::size_t k) { return base + static_cast<std::uint32_t>(k); };
    while (i < raw.size()) {
        char c = raw[i];
        if (plain_byte(c, markdown)) {
            std::size_t run = i + 1;
            while (run + 8 <= raw.size() && plain_word(raw, run, markdown)) run += 8;
            // A single space between two plain bytes is the one mt.space() would append.
            while (run < raw.size() && (plain_byte(raw[run], markdown) ||
                                        (raw[run] == ' ' && run + 1 < raw.size() && plain_byte(raw[run + 1], markdown))))
                ++run;
            mt.append(raw.substr(i, run - i), src_at(i));
            i = run;
            continue;
        }
        if (is_space(c)) {
            // A run of spaces is read at once: one space, and a wide gap (3+ spaces) recorded
            // before it and after it (where cells() cuts), never once per byte of the run.
            std::size_t run = i;
            while (run < raw.size() && raw[run] == ' ') ++run;
            auto gap = [&] {
                if (out.gaps.empty() || out.gaps.back() != mt.text.size()) out.gaps.push_back(mt.text.size());
            };
            if (run - i >= 3 && !mt.text.empty()) gap();
            mt.space(src_at(i));
            if (run - i >= 4 && !mt.text.empty()) gap();
            i = run > i ? run : i + 1;
            continue;
        }
        if (std::size_t u = unicode_space_len(raw, i)) {
            mt.space(src_at(i));
            i += u;
            continue;
        }
        if (auto [d, len] = superscript_digit(raw, i); len && !mt.text.empty()) {
            // superscript digits ("conflicts,²² and", as unres --to text and some converters
            // write marks): a footnote mark; "m²", "km³" (a unit's power) stay text
            std::size_t e = i;
            std::string num;
            for (auto [dd, ll] = superscript_digit(raw, e); ll; std::tie(dd, ll) = superscript_digit(raw, e)) {
                num += static_cast<char>('0' + dd);
                e += ll;
            }
            bool power = num.size() == 1 && (num == "2" || num == "3") && mt.text.back() == 'm';
            if (!power) {
                Mark m;
                m.num = num;
                m.pos = mt.text.size();
                m.span = {src_at(i), src_at(e)};
                out.marks.push_back(m);
                i = e;
                continue;
            }
        }
        if (c == '<' || c == '&') {
            if (std::size_t n = read_markup(raw, i, base, mt, out)) {
                i += n;
                continue;
            }
        }
        if (markdown) {
            if (std::size_t n = md.at(raw, i, base, mt, out)) {
                i += n;
                continue;
            }
        }
        std::size_t len = utf8::valid_sequence(raw, i);
        if (len == 0) len = 1;
        mt.append(raw.substr(i, len), src_at(i));
        i += len;
    }
    finish_line(mt, raw.data() - base, out);
}

}  // namespace

void drop_prefix(Line& l, std::size_t cut) {
    cut = std::min(cut, l.text.size());
    if (cut == 0) return;
    l.text.erase(0, cut);
    std::vector<SourceMapEntry> m;
    for (std::size_t k = 0; k < l.map.size(); ++k) {
        const auto& e = l.map[k];
        std::size_t next = k + 1 < l.map.size() ? l.map[k + 1].text_pos : std::string::npos;
        if (next != std::string::npos && next <= cut) continue;
        if (e.text_pos < cut) m.push_back({0, e.src + static_cast<std::uint32_t>(cut - e.text_pos)});
        else m.push_back({e.text_pos - cut, e.src});
    }
    l.map = std::move(m);
    for (auto& mk : l.marks) mk.pos = mk.pos >= cut ? mk.pos - cut : 0;
    for (auto& r : l.styles) {
        r.begin = r.begin >= cut ? r.begin - cut : 0;
        r.end = r.end >= cut ? r.end - cut : 0;
    }
    l.styles.erase_if([](const Style& r) { return r.begin >= r.end; });
}

std::vector<TextRange> Line::italics() const {
    std::vector<TextRange> out;
    for (const Style& s : styles)
        if (s.italic) out.push_back({s.begin, s.end});
    return out;
}

void Line::add_italic(std::size_t b, std::size_t e) {
    Style s;
    s.begin = b;
    s.end = e;
    s.italic = true;
    styles.push_back(s);
}

void MappedText::append(std::string_view piece, std::uint32_t src) {
    if (piece.empty()) return;
    if (map.empty() || map.back().src + (text.size() - map.back().text_pos) != src) map.push_back({text.size(), src});
    text.append(piece);
}

void MappedText::space(std::uint32_t src) {
    if (text.empty() || text.back() == ' ') return;
    append(" ", src);
}

void MappedText::trim_end() {
    while (!text.empty() && text.back() == ' ') text.pop_back();
    while (!map.empty() && map.back().text_pos >= text.size() && map.size() > 1) map.pop_back();
}

std::vector<Line> split_lines(const SourceFile& src, bool markdown) {
    std::vector<Line> lines;
    lines.reserve(src.line_count());
    int page = 0;
    MappedText mt;
    for (std::uint32_t n = 1; n <= src.line_count(); ++n) {
        std::uint32_t b = src.line_start(n);
        std::string_view raw = src.line_text(n);
        Line& l = lines.emplace_back();  // made in place: no move, no moved-from line to destroy
        l.begin = b;
        l.end = b + static_cast<std::uint32_t>(raw.size());
        l.number = n;
        if (raw.find('\f') != std::string_view::npos) ++page;
        l.page = page;
        clean_line(raw, b, markdown, mt, l);
    }
    return lines;
}


}  // namespace unres::readers
