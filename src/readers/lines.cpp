// The line stage of the text reader: cut, clean, classify.
#include "readers/lines.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "utf8.hpp"
#include "words.hpp"

namespace unres::readers {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c); });
}
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

/// U+00A0 (no-break space) and other Unicode spaces are folded to a plain space.
std::size_t unicode_space_len(std::string_view s, std::size_t i) {
    if (starts_with(s.substr(i), "\xC2\xA0")) return 2;                 // U+00A0
    if (starts_with(s.substr(i), "\xE2\x80") && i + 2 < s.size()) {    // U+2000..U+200B, U+202F
        auto c = static_cast<unsigned char>(s[i + 2]);
        if ((c >= 0x80 && c <= 0x8A) || c == 0xAF) return 3;
    }
    if (starts_with(s.substr(i), "\xE3\x80\x80")) return 3;             // ideographic space
    return 0;
}

struct Entity {
    std::string_view name;
    std::string_view text;
};
constexpr std::array<Entity, 7> kEntities{{{"&amp;", "&"},
                                           {"&lt;", "<"},
                                           {"&gt;", ">"},
                                           {"&quot;", "\""},
                                           {"&#39;", "'"},
                                           {"&apos;", "'"},
                                           {"&nbsp;", " "}}};

/// Tags we drop silently (their text content is kept).
bool is_drop_tag(std::string_view tag) {
    static constexpr std::array<std::string_view, 14> tags{"<br>",  "<br/>", "<br />", "<u>",  "</u>",  "<b>",  "</b>",
                                                           "<strong>", "</strong>", "<span>", "</span>", "<p>", "</p>", "<sub>"};
    for (auto t : tags)
        if (tag == t) return true;
    return tag == "</sub>";
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

bool is_mark_label(std::string_view c) {
    c = trim(c);
    if (c.empty() || c.size() > 4) return false;
    if (all_digits(c)) return true;
    return std::all_of(c.begin(), c.end(), [](char ch) { return ch == '*'; });
}

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) >= 0x80); }

/// Cleans one raw line into `out`.
void clean_line(std::string_view raw, std::uint32_t base, bool markdown, Line& out) {
    MappedText mt;
    std::size_t i = 0;
    // Leading white space → indent.
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
    out.indent = static_cast<float>(indent);
    if (markdown) {
        // Block markers: headings, blockquotes, list bullets (possibly several).
        bool again = true;
        while (again && i < raw.size()) {
            again = false;
            std::string_view r = raw.substr(i);
            if (r[0] == '#') {
                std::size_t k = 0;
                while (k < r.size() && r[k] == '#') ++k;
                if (k <= 6 && (k == r.size() || r[k] == ' ')) {
                    i += k;
                    out.heading = true;
                    again = true;
                }
            } else if (r[0] == '>' && (r.size() == 1 || r[1] == ' ')) {
                i += 1;
                again = true;
            } else if ((r[0] == '-' || r[0] == '+' || r[0] == '*') && r.size() > 1 && r[1] == ' ') {
                i += 2;
                out.bullet = true;
                again = true;
            }
            while (i < raw.size() && is_space(raw[i])) ++i;
        }
    }
    std::vector<std::size_t> open_em;  // text positions of open emphasis
    std::size_t em_start = std::string::npos;
    auto src_at = [&](std::size_t k) { return base + static_cast<std::uint32_t>(k); };
    while (i < raw.size()) {
        char c = raw[i];
        if (is_space(c)) {
            std::size_t run = i;
            while (run < raw.size() && raw[run] == ' ') ++run;
            if (run - i >= 3 && !mt.text.empty()) out.gaps.push_back(mt.text.size());
            mt.space(src_at(i));
            ++i;
            continue;
        }
        if (std::size_t u = unicode_space_len(raw, i)) {
            mt.space(src_at(i));
            i += u;
            continue;
        }
        if (c == '<' || c == '&') {
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
                i += n;
                continue;
            }
            if (c == '<') {
                std::size_t close = raw.substr(0, i + 12).find('>', i);  // only as far as a tag can end
                if (close != std::string_view::npos && close - i < 12) {
                    std::string_view tag = raw.substr(i, close - i + 1);
                    if (is_drop_tag(tag)) {
                        i = close + 1;
                        continue;
                    }
                    if (markdown && (tag == "<i>" || tag == "<em>")) {
                        em_start = mt.text.size();
                        i = close + 1;
                        continue;
                    }
                    if (markdown && (tag == "</i>" || tag == "</em>")) {
                        if (em_start != std::string::npos && em_start < mt.text.size())
                            out.add_italic(em_start, mt.text.size());
                        em_start = std::string::npos;
                        i = close + 1;
                        continue;
                    }
                }
            }
            if (c == '&' && markdown) {
                bool done = false;
                for (const auto& e : kEntities) {
                    if (starts_with(raw.substr(i), e.name)) {
                        if (e.text == " ") mt.space(src_at(i));
                        else mt.append(e.text, src_at(i));
                        i += e.name.size();
                        done = true;
                        break;
                    }
                }
                if (done) continue;
            }
        }
        if (markdown) {
            if (c == '\\' && i + 1 < raw.size() && std::ispunct(static_cast<unsigned char>(raw[i + 1]))) {
                mt.append(raw.substr(i + 1, 1), src_at(i + 1));
                i += 2;
                continue;
            }
            if (c == '[' && i + 2 < raw.size() && raw[i + 1] == '^') {
                std::size_t close = raw.substr(0, i + 12).find(']', i);  // only as far as a mark can end
                if (close != std::string_view::npos && close - i < 12) {
                    std::string_view lab = raw.substr(i + 2, close - i - 2);
                    if (is_mark_label(lab)) {
                        bool definition = close + 1 < raw.size() && raw[close + 1] == ':' && mt.text.empty();
                        if (definition) {
                            out.note_num = std::string(lab);
                            i = close + 2;
                            continue;
                        }
                        Mark m;
                        m.num = std::string(lab);
                        m.pos = mt.text.size();
                        m.span = {src_at(i), src_at(close + 1)};
                        out.marks.push_back(m);
                        i = close + 1;
                        continue;
                    }
                }
            }
            if (c == '*' || c == '_') {
                std::size_t k = i;
                while (k < raw.size() && raw[k] == c) ++k;
                std::size_t run = k - i;
                char before = i > 0 ? raw[i - 1] : ' ';
                char after = k < raw.size() ? raw[k] : ' ';
                bool left = !is_space(after);
                bool right = !is_space(before) && i > 0;
                if (c == '_' && word_char(before) && word_char(after)) left = right = false;  // snake_case
                if (run <= 3 && (left || right)) {
                    bool italic = (run % 2) == 1;
                    if (right && !open_em.empty()) {
                        std::size_t b = open_em.back();
                        open_em.pop_back();
                        if (italic && b < mt.text.size()) out.add_italic(b, mt.text.size());
                    } else if (left) {
                        if (italic) open_em.push_back(mt.text.size());
                        else open_em.push_back(std::string::npos - 1);  // bold: not recorded
                    }
                    i = k;
                    continue;
                }
            }
        }
        std::size_t len = utf8::valid_sequence(raw, i);
        if (len == 0) len = 1;
        mt.append(raw.substr(i, len), src_at(i));
        i += len;
    }
    mt.trim_end();
    // Drop italics that ended up empty or reversed; clamp to the text.
    std::erase_if(out.styles, [&](const Style& r) { return r.begin >= r.end || r.end > mt.text.size(); });
    for (auto& m : out.marks) m.pos = std::min(m.pos, mt.text.size());
    out.text = std::move(mt.text);
    out.map = std::move(mt.map);
}

bool is_job_number(std::string_view t) {
    // 23-21882, 25-16999, 71-19641 (two digits, dash, five digits)
    return t.size() == 8 && is_digit(t[0]) && is_digit(t[1]) && t[2] == '-' && all_digits(t.substr(3));
}
bool is_page_counter(std::string_view t) {
    auto slash = t.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 >= t.size()) return false;
    std::string_view a = t.substr(0, slash), b = t.substr(slash + 1);
    if (!all_digits(a) || !all_digits(b) || a.size() > 3 || b.size() > 3) return false;
    int x = std::stoi(std::string(a)), y = std::stoi(std::string(b));
    return x >= 1 && x <= y;
}
bool is_barcode(std::string_view t) {
    if (t.size() >= 2 && t.front() == '*' && t.back() == '*') t = t.substr(1, t.size() - 2);
    return t.size() >= 7 && t.size() <= 9 && all_digits(t);
}

}  // namespace

/// A page header/footer line: only furniture tokens, at least one of them strong.
bool is_furniture(std::string_view t) {
    if (t.empty()) return false;
    bool strong = false;
    std::size_t i = 0;
    int tokens = 0;
    while (i < t.size()) {
        while (i < t.size() && t[i] == ' ') ++i;
        if (i >= t.size()) break;
        std::size_t j = t.find(' ', i);
        if (j == std::string_view::npos) j = t.size();
        std::string_view tok = t.substr(i, j - i);
        ++tokens;
        if (is_job_number(tok) || is_barcode(tok) || is_page_counter(tok) || is_symbol(tok)) strong = true;
        else if (tok == "(E)" || tok == "(F)" || tok == "(S)" || tok == "(R)" || tok == "(A)" || tok == "(C)") {
        } else if (tok.size() == 6 && all_digits(tok)) {
        } else if (tok == "Page" || tok == "page" || (all_digits(tok) && tok.size() <= 3)) {
        } else
            return false;
        i = j;
    }
    if (!strong && tokens == 1 && t.size() == 6 && all_digits(t)) {
        // the date half of a job number ("121125") that the extraction put on its own line
        int dd = std::stoi(std::string(t.substr(0, 2))), mm = std::stoi(std::string(t.substr(2, 2)));
        strong = dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12;
    }
    return strong && tokens <= 6;
}

std::vector<std::string_view> cells(const Line& l) {
    std::vector<std::string_view> out;
    std::string_view t = l.text;
    std::size_t from = 0;
    for (std::size_t g : l.gaps) {
        if (g <= from || g > t.size()) continue;
        std::string_view c = t.substr(from, g - from);
        while (!c.empty() && c.back() == ' ') c.remove_suffix(1);
        if (!c.empty()) out.push_back(c);
        from = g;
    }
    std::string_view c = t.substr(std::min(from, t.size()));
    while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
    if (!c.empty()) out.push_back(c);
    return out;
}

namespace {

bool is_separator(std::string_view t) {
    std::size_t n = 0;
    for (char c : t) {
        if (c == '_') ++n;
        else if (c != ' ') return false;
    }
    return n >= 5;
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
    std::erase_if(l.styles, [](const Style& r) { return r.begin >= r.end; });
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

bool is_upper_start(std::string_view s) {
    if (s.empty()) return false;
    auto c = static_cast<unsigned char>(s[0]);
    if (c < 0x80) return std::isupper(c) != 0;
    std::size_t i = 0;
    char32_t cp = utf8::next(s, i);
    return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);  // Latin-1 capitals
}

bool is_lower_start(std::string_view s) {
    if (s.empty()) return false;
    auto c = static_cast<unsigned char>(s[0]);
    if (c < 0x80) return std::islower(c) != 0;
    std::size_t i = 0;
    char32_t cp = utf8::next(s, i);
    return (cp >= 0xDF && cp <= 0xFF && cp != 0xF7);
}

bool is_symbol(std::string_view s) {
    // PREFIX/part/part... : prefix A, S, E, A/C.3, A/HRC, E/CN.6, A/RES, S/RES, S/PRST, ...
    if (s.size() < 5 || s.size() > 40) return false;
    if (!std::isupper(static_cast<unsigned char>(s[0]))) return false;
    std::size_t slash = s.find('/');
    if (slash == std::string_view::npos || slash > 6) return false;
    for (std::size_t k = 0; k < slash; ++k)
        if (!std::isupper(static_cast<unsigned char>(s[k]))) return false;
    bool digit = false;
    int parts = 1;
    for (std::size_t k = slash; k < s.size(); ++k) {
        char c = s[k];
        if (c == '/') {
            if (k + 1 >= s.size() || s[k + 1] == '/') return false;
            ++parts;
        } else if (is_digit(c)) digit = true;
        else if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '.' || c == '-')) return false;
    }
    return digit && parts >= 3 && s.back() != '.' && s.back() != '-';
}

namespace {
using words::month_index;
}  // namespace

std::size_t find_date(std::string_view s, std::size_t& len) {
    // D Month YYYY
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!is_digit(s[i]) || (i > 0 && (is_digit(s[i - 1]) || std::isalpha(static_cast<unsigned char>(s[i - 1])))))
            continue;
        std::size_t j = i;
        while (j < s.size() && is_digit(s[j])) ++j;
        if (j - i > 2 || j >= s.size() || s[j] != ' ') continue;
        std::size_t k = j + 1;
        std::size_t e = k;
        while (e < s.size() && std::isalpha(static_cast<unsigned char>(s[e]))) ++e;
        if (!month_index(s.substr(k, e - k))) continue;
        if (e >= s.size() || s[e] != ' ') continue;
        std::size_t y = e + 1, ye = y;
        while (ye < s.size() && is_digit(s[ye])) ++ye;
        if (ye - y != 4) continue;
        if (ye < s.size() && is_digit(s[ye])) continue;
        len = ye - i;
        return i;
    }
    return std::string_view::npos;
}

std::string parse_date(std::string_view s) {
    std::size_t len = 0;
    std::size_t at = find_date(s, len);
    if (at == std::string_view::npos) return {};
    std::string_view d = s.substr(at, len);
    std::size_t sp1 = d.find(' ');
    std::size_t sp2 = d.rfind(' ');
    int day = std::stoi(std::string(d.substr(0, sp1)));
    int month = month_index(d.substr(sp1 + 1, sp2 - sp1 - 1));
    std::string year(d.substr(sp2 + 1));
    if (day < 1 || day > 31 || month == 0) return {};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s-%02d-%02d", year.c_str(), month, day);
    return buf;
}

std::vector<Line> split_lines(const SourceFile& src, bool markdown) {
    std::vector<Line> lines;
    const std::string& t = src.text();
    lines.reserve(src.line_count());
    int page = 0;
    for (std::uint32_t n = 1; n <= src.line_count(); ++n) {
        std::uint32_t b = src.line_start(n);
        std::string_view raw = src.line_text(n);
        Line l;
        l.begin = b;
        l.end = b + static_cast<std::uint32_t>(raw.size());
        l.number = n;
        if (raw.find('\f') != std::string_view::npos) ++page;
        l.page = page;
        clean_line(raw, b, markdown, l);
        lines.push_back(std::move(l));
    }
    (void)t;
    return lines;
}

void classify_lines(std::vector<Line>& lines, bool markdown) {
    // Front matter: a markdown file that opens with "---" ... "---".
    std::size_t first = 0;
    while (first < lines.size() && lines[first].text.empty()) ++first;
    if (markdown && first < lines.size() && lines[first].text == "---") {
        for (std::size_t k = first + 1; k < lines.size() && k < first + 60; ++k) {
            if (lines[k].text == "---") {
                for (std::size_t m = first; m <= k; ++m) lines[m].kind = LineKind::FrontMatter;
                break;
            }
        }
    }
    bool blank = true;
    bool in_notes = false;       // inside a footnote block
    int page_bump = 0;           // extra page increments for markdown / furniture regions
    int last_note = 0;           // last footnote number seen (for bare-number footnote lines)
    bool prev_note = false;
    bool md_note = false;        // inside a markdown "[^N]:" definition
    int raw_page = 0;
    const bool form_feeds = !lines.empty() && lines.back().page > 0;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        Line& l = lines[k];
        if (l.kind == LineKind::FrontMatter) continue;
        if (l.page != raw_page) in_notes = false;  // a form feed ends a footnote block
        raw_page = l.page;
        l.page += page_bump;
        l.blank_before = blank;
        std::string_view t = l.text;
        if (t.empty()) {
            l.kind = LineKind::Blank;
            blank = true;
            continue;
        }
        blank = false;
        if (is_separator(t)) {
            l.kind = LineKind::Separator;
            in_notes = true;
            continue;
        }
        // pdftotext may glue the footnote separator to the last text line of the page
        bool separator_after = false;
        if (!in_notes && t.size() > 12 && t.substr(t.size() - 10) == "__________") {
            std::size_t cut = t.size();
            while (cut > 0 && (l.text[cut - 1] == '_' || l.text[cut - 1] == ' ')) --cut;
            l.text.resize(cut);
            t = l.text;
            separator_after = true;
        }
        if (t == "---" && markdown) {  // thematic break
            l.kind = LineKind::Furniture;
            continue;
        }
        if (is_furniture(t)) {
            l.kind = LineKind::Furniture;
            // With form feeds, the page's footer may sit among its footnotes: the block
            // ends at the page break.  Without them, furniture ends the block.
            if (!form_feeds) {
                if (in_notes || prev_note) ++page_bump, l.page += 1;
                in_notes = false;
            }
            prev_note = false;
            continue;
        }
        // Markdown footnote definitions continue on indented lines ("[^2]: Report of ...\n    Countries ...").
        if (markdown && md_note && l.columns() >= 2 && l.note_num.empty()) {
            l.kind = LineKind::Footnote;
            prev_note = true;
            continue;
        }
        md_note = false;
        // Footnote bodies.
        bool strip_num = false;
        bool starts_with_mark = !l.marks.empty() && l.marks.front().pos == 0 && l.text.size() > 0;
        if (!l.note_num.empty()) {
            l.kind = LineKind::Footnote;
            md_note = markdown;
        } else if (starts_with_mark) {  // "<sup>6</sup> Resolution 217 A (III)."
            l.note_num = l.marks.front().num;
            l.marks.erase(l.marks.begin());
            l.kind = LineKind::Footnote;
        } else if (in_notes) {
            l.kind = LineKind::Footnote;
            std::size_t sp = t.find(' ');
            std::string_view head = t.substr(0, sp);
            bool stars = !head.empty() && std::all_of(head.begin(), head.end(), [](char c) { return c == '*'; });
            bool plausible = stars;
            if (all_digits(head) && head.size() <= 3) {
                // "26 August–4 September 2002 ..." continues a footnote; a new one is numbered
                // after the last one seen.
                int n = std::stoi(std::string(head));
                std::string_view next = sp == std::string_view::npos ? std::string_view{} : t.substr(sp + 1);
                std::string_view w = next.substr(0, next.find_first_of(" \xE2,"));
                bool month = words::month_index(w) > 0;
                plausible = !month && n >= 1 && n <= last_note + 30;
            }
            if (plausible && head.size() <= 3) {
                l.note_num = std::string(head);
                strip_num = true;
                if (sp == std::string_view::npos) l.note_number_only = true;
            }
        } else if (!markdown && t.size() > 3 && t[0] == '*' && (t[1] == ' ' || (t[1] == '*' && t[2] == ' ')) &&
                   is_upper_start(t.substr(t.find(' ') + 1))) {
            // "* Any changes to the list of sponsors ...": an asterisk note, with or without
            // the separator line above it
            l.kind = LineKind::Footnote;
            l.note_num = std::string(t.substr(0, t.find(' ')));
            strip_num = true;
        } else if (markdown && l.blank_before) {
            // "35 Resolution 76/266, annex.": a bare-number footnote line after a blank line.
            std::size_t sp = t.find(' ');
            std::string_view head = t.substr(0, sp);
            if (sp != std::string_view::npos && all_digits(head) && head.size() <= 3 && !l.bullet) {
                int n = std::stoi(std::string(head));
                std::string_view rest = t.substr(sp + 1);
                if (n > last_note && n <= last_note + 3 && (is_upper_start(rest) || starts_with(rest, "\xE2\x80\x9C")))
                    l.note_num = std::string(head), strip_num = true;
            }
            if (!l.note_num.empty()) l.kind = LineKind::Footnote;
        }
        if (l.kind == LineKind::Footnote) {
            if (!l.note_num.empty() && all_digits(l.note_num)) last_note = std::max(last_note, std::stoi(l.note_num));
            // Strip the number from the text (it is in note_num).
            if (strip_num) {
                std::size_t cut = l.note_num.size();
                if (cut < l.text.size() && l.text[cut] == ' ') ++cut;
                drop_prefix(l, cut);
            }
            prev_note = true;
            continue;
        }
        // Markdown: content after a footnote block starts a new page region.
        if (prev_note && markdown) {
            ++page_bump;
            l.page += 1;
        }
        prev_note = false;
        l.kind = LineKind::Content;
        if (separator_after) in_notes = true;
    }
}

}  // namespace unres::readers
