// The markdown producer: block markers and inline markup of one markdown line.
//
// Job: turn what a markdown source (a PDF converter's output, a hand-written draft) marks up
// into facts of the typed line.  Input: a raw line, called by the text producer
// (lines/text.cpp) at each position it does not read itself.  Guarantees: see markdown.hpp.
#include "readers/lines/markdown.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace unres::readers {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) >= 0x80); }

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

}  // namespace

bool is_mark_label(std::string_view c) {
    while (!c.empty() && is_space(c.front())) c.remove_prefix(1);
    while (!c.empty() && is_space(c.back())) c.remove_suffix(1);
    if (c.empty() || c.size() > 4) return false;
    if (std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) return true;
    return std::all_of(c.begin(), c.end(), [](char ch) { return ch == '*'; });
}

std::size_t markdown_block_markers(std::string_view raw, std::size_t i, Line& out) {
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
    return i;
}

std::size_t MarkdownInline::at(std::string_view raw, std::size_t i, std::uint32_t base, MappedText& mt, Line& out) {
    auto src_at = [&](std::size_t k) { return base + static_cast<std::uint32_t>(k); };
    const char c = raw[i];
    if (c == '<') {  // <i> … </i>, <em> … </em>
        std::size_t close = raw.substr(0, i + 12).find('>', i);  // only as far as a tag can end
        if (close != std::string_view::npos && close - i < 12) {
            std::string_view tag = raw.substr(i, close - i + 1);
            if (tag == "<i>" || tag == "<em>") {
                em_start_ = mt.text.size();
                return close + 1 - i;
            }
            if (tag == "</i>" || tag == "</em>") {
                if (em_start_ != std::string::npos && em_start_ < mt.text.size()) out.add_italic(em_start_, mt.text.size());
                em_start_ = std::string::npos;
                return close + 1 - i;
            }
        }
        return 0;
    }
    if (c == '&') {
        for (const auto& e : kEntities) {
            if (!starts_with(raw.substr(i), e.name)) continue;
            if (e.text == " ") mt.space(src_at(i));
            else mt.append(e.text, src_at(i));
            return e.name.size();
        }
        return 0;
    }
    if (c == '\\' && i + 1 < raw.size() && std::ispunct(static_cast<unsigned char>(raw[i + 1]))) {
        mt.append(raw.substr(i + 1, 1), src_at(i + 1));
        return 2;
    }
    if (c == '[' && i + 2 < raw.size() && raw[i + 1] == '^') {
        std::size_t close = raw.substr(0, i + 12).find(']', i);  // only as far as a mark can end
        if (close == std::string_view::npos || close - i >= 12) return 0;
        std::string_view lab = raw.substr(i + 2, close - i - 2);
        if (!is_mark_label(lab)) return 0;
        bool definition = close + 1 < raw.size() && raw[close + 1] == ':' && mt.text.empty();
        if (definition) {
            out.note_num = std::string(lab);
            return close + 2 - i;
        }
        Mark m;
        m.num = std::string(lab);
        m.pos = mt.text.size();
        m.span = {src_at(i), src_at(close + 1)};
        out.marks.push_back(m);
        return close + 1 - i;
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
        if (run > 3 || !(left || right)) return 0;
        bool italic = (run % 2) == 1;
        if (right && !open_em_.empty()) {
            auto [b, was_italic] = open_em_.back();
            open_em_.pop_back();
            if (b < mt.text.size()) {
                if (italic && was_italic) out.add_italic(b, mt.text.size());
                else if (!italic && !was_italic) {
                    Style s;
                    s.begin = b;
                    s.end = mt.text.size();
                    s.bold = true;
                    out.styles.push_back(s);
                }
            }
        } else if (left) {
            open_em_.push_back({mt.text.size(), italic});
        }
        return run;
    }
    return 0;
}

}  // namespace unres::readers
