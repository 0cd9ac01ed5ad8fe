// The text and markdown reader: lines → footnotes, header, blocks → document tree.
//
// Stages (each a function below):
//   1. split_lines / classify_lines (lines.cpp): cleaned lines, page furniture, footnote lines
//   2. collect_footnotes: footnote lines → Footnote bodies (also pdftotext's scrambled blocks)
//   3. find_authority + read_header: the header fields before "The General Assembly,"
//   4. make_blocks: content lines → logical paragraphs (joined across lines, pages and
//      footnote blocks), each with its label
//   5. build_tree: blocks → preamble, operative (nested by label), sections, annexes, closing
//   6. resolve_marks: footnote marks in markup, and bare digits where they fit the
//      footnote sequence on the footnote's page; orphan footnotes placed; references
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "readers/lines.hpp"
#include "readers/pdf.hpp"
#include "readers/readers.hpp"
#include "readers/vocab.hpp"
#include "utf8.hpp"

namespace unres::readers {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c); });
}
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }
bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

std::string lower(std::string_view s) {
    std::string r(s);
    for (auto& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

bool is_roman(std::string_view s) {
    if (s.empty() || s.size() > 7) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c == 'i' || c == 'v' || c == 'x' || c == 'l'; });
}
bool is_upper_roman(std::string_view s) {
    if (s.empty() || s.size() > 7) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L'; });
}

/// Strips closing quotes/brackets and trailing footnote digits to find the real last character.
char last_meaningful(std::string_view t) {
    // "...to the Committee; or" / "...; and": the list connector after the punctuation
    for (std::string_view conj : {"; or", "; and", ", or", ", and", ";or", ";and"})
        if (ends_with(t, conj)) return conj[0];
    while (!t.empty()) {
        char c = t.back();
        if (c == ' ' || c == '"' || c == '\'' || c == ')' || c == ']') {
            // ")" ends e.g. "(A/78/53)." only with a following "."; here we look past it
            t.remove_suffix(1);
            continue;
        }
        if (ends_with(t, "\xE2\x80\x9D") || ends_with(t, "\xE2\x80\x99")) {  // ” ’
            t.remove_suffix(3);
            continue;
        }
        if (is_digit(c)) {
            // a trailing footnote mark: ", 12" or ",12" or "." + digits
            std::size_t k = t.size();
            while (k > 0 && is_digit(t[k - 1])) --k;
            if (t.size() - k <= 3 && k > 0) {
                char before = t[k - 1];
                std::size_t j = k;
                if (before == ' ' && j >= 2) before = t[j - 2];
                if (before == ',' || before == ';' || before == ':' || before == '.') return before;
            }
            return c;
        }
        return c;
    }
    return '\0';
}

bool is_terminal(std::string_view t) {
    char c = last_meaningful(t);
    return c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?';
}

// ---------------------------------------------------------------------------
// Labels

struct Label {
    LabelKind kind = LabelKind::None;
    std::string num;        ///< bare
    std::size_t len = 0;    ///< bytes of the label and the following space
    std::size_t label_len = 0;  ///< bytes of the label itself
    bool ambiguous = false; ///< (i), (v), (x)… may be a letter or a roman numeral
};

Label parse_label(std::string_view t) {
    Label l;
    auto finish = [&](std::size_t n) {
        l.label_len = n;
        l.len = n;
        if (n < t.size() && t[n] == ' ') l.len = n + 1;
        return n == t.size() || t[n] == ' ';
    };
    if (t.empty()) return l;
    if (is_digit(t[0])) {
        std::size_t k = 0;
        while (k < t.size() && is_digit(t[k])) ++k;
        if (k <= 3 && k < t.size() && t[k] == '.' && finish(k + 1)) {
            l.kind = LabelKind::Number;
            l.num = std::string(t.substr(0, k));
            // strip leading zeros? keep as written
            return l;
        }
        return {};
    }
    if (t[0] == '(') {
        std::size_t close = t.find(')');
        if (close == std::string_view::npos || close < 2 || close > 6) return {};
        std::string_view in = t.substr(1, close - 1);
        if (!std::all_of(in.begin(), in.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }) ||
            !(in[0] >= 'a' && in[0] <= 'z'))
            return {};
        if (!finish(close + 1)) return {};
        l.num = std::string(in);
        if (!std::all_of(in.begin(), in.end(), [](char c) { return c >= 'a' && c <= 'z'; }) || in.size() > 4) {
            l.kind = LabelKind::Letter;  // "(a1)": not a valid label; the validator says so (UNR107)
            return l;
        }
        bool doubled = std::all_of(in.begin(), in.end(), [&](char c) { return c == in[0]; });
        if (is_roman(in)) {
            l.kind = LabelKind::Roman;
            l.ambiguous = doubled;  // (i) (ii) (iii) (v) (x) (xx) (l) ... could be letters
            if (!doubled) l.ambiguous = false;
            if (in.size() == 1) l.ambiguous = true;
        } else {
            // (aa) (bb) ...; anything else such as "(za)" is kept as a label the validator rejects
            l.kind = LabelKind::Letter;
        }
        return l;
    }
    if (t.size() >= 2 && t[0] >= 'a' && t[0] <= 'z') {
        std::size_t dot = t.find('.');
        if (dot == std::string_view::npos || dot > 6) return {};
        std::string_view in = t.substr(0, dot);
        if (!std::all_of(in.begin(), in.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return {};
        if (dot + 1 >= t.size() || t[dot + 1] != ' ') return {};  // "a." must be followed by text
        if (!finish(dot + 1)) return {};
        l.num = std::string(in);
        if (in.size() == 1 && !is_roman(in)) l.kind = LabelKind::LetterDot;
        else if (is_roman(in)) {
            l.kind = LabelKind::RomanDot;
            l.ambiguous = in.size() == 1;
        } else
            return {};
        return l;
    }
    return {};
}

/// The label that follows `prev` in a lettered list: a→b, z→aa, aa→bb.
std::string next_letter(std::string_view prev) {
    if (prev.empty()) return "a";
    char c = prev[0];
    std::size_t n = prev.size();
    if (c == 'z') return std::string(n + 1, 'a');
    return std::string(n, static_cast<char>(c + 1));
}

int roman_value(std::string_view r) {
    auto v = [](char c) {
        switch (c) {
            case 'i': case 'I': return 1;
            case 'v': case 'V': return 5;
            case 'x': case 'X': return 10;
            case 'l': case 'L': return 50;
            case 'c': case 'C': return 100;
            default: return 0;
        }
    };
    int total = 0;
    for (std::size_t k = 0; k < r.size(); ++k) {
        int a = v(r[k]);
        int b = k + 1 < r.size() ? v(r[k + 1]) : 0;
        total += a < b ? -a : a;
    }
    return total;
}

// ---------------------------------------------------------------------------
// Blocks

enum class BlockKind { Para, Section, Annex, Closing, Heading, Table };

struct Block {
    BlockKind kind = BlockKind::Para;
    MappedText mt;
    std::vector<Mark> marks;
    std::vector<TextRange> italics;
    std::vector<std::pair<std::size_t, int>> pages;  // text_pos → page
    std::uint32_t begin = 0, end = 0;
    std::uint32_t line = 0;
    std::size_t first_line = 0, last_line = 0;  // indices into lines
    Label label;
    Span label_span;
    bool label_only = false;
    std::string heading;  // for Section/Annex blocks: the text after the marker
};

void append_line(Block& b, const Line& l) {
    std::size_t base = b.mt.text.size();
    if (!b.mt.text.empty()) {
        // "country-" + "specific": keep the hyphen, no space; otherwise one space.
        bool hyphen = b.mt.text.back() == '-' && b.mt.text.size() >= 2 && std::isalpha(static_cast<unsigned char>(b.mt.text[b.mt.text.size() - 2])) &&
                      is_lower_start(l.text);
        if (!hyphen) b.mt.space(l.begin);
        base = b.mt.text.size();
    } else {
        b.begin = l.map.empty() ? l.begin : l.map.front().src;
        b.line = l.number;
    }
    for (const auto& e : l.map) b.mt.map.push_back({base + e.text_pos, e.src});
    b.mt.text += l.text;
    for (auto m : l.marks) {
        m.pos += base;
        b.marks.push_back(m);
    }
    for (auto r : l.italics) b.italics.push_back({r.begin + base, r.end + base});
    b.pages.push_back({base, l.page});
    b.end = l.end;
}

/// Removes [b, e) from the block text keeping everything else aligned.
void erase_text(std::string& text, std::vector<SourceMapEntry>& map, std::vector<Mark>& marks,
                std::vector<TextRange>& italics, std::size_t b, std::size_t e) {
    if (e <= b) return;
    std::size_t n = e - b;
    // source of the first byte after the cut
    std::uint32_t src_after = 0;
    {
        auto it = std::upper_bound(map.begin(), map.end(), e, [](std::size_t p, const SourceMapEntry& x) { return p < x.text_pos; });
        if (it != map.begin()) {
            --it;
            src_after = it->src + static_cast<std::uint32_t>(e - it->text_pos);
        }
    }
    std::vector<SourceMapEntry> out;
    bool need_after = e < text.size();
    for (std::size_t k = 0; k < map.size(); ++k) {
        auto x = map[k];
        if (x.text_pos < b) out.push_back(x);
        else if (x.text_pos >= e) {
            if (need_after && x.text_pos > e) out.push_back({b, src_after});
            need_after = false;
            out.push_back({x.text_pos - n, x.src});
        }
    }
    if (need_after) out.push_back({b, src_after});
    // dedupe entries with the same text_pos (keep the last)
    std::vector<SourceMapEntry> dd;
    for (auto& x : out) {
        if (!dd.empty() && dd.back().text_pos == x.text_pos) dd.back() = x;
        else dd.push_back(x);
    }
    map = std::move(dd);
    text.erase(b, n);
    for (auto& m : marks) {
        if (m.pos >= e) m.pos -= n;
        else if (m.pos > b) m.pos = b;
    }
    for (auto& r : italics) {
        auto adj = [&](std::size_t p) { return p >= e ? p - n : (p > b ? b : p); };
        r.begin = adj(r.begin);
        r.end = adj(r.end);
    }
    std::erase_if(italics, [](const TextRange& r) { return r.begin >= r.end; });
}

// ---------------------------------------------------------------------------
// The reader

class TextReader {
public:
    TextReader(const SourceFile& src, InputFormat fmt) : src_(src), markdown_(fmt == InputFormat::Markdown) {
        doc_.path = src.path();
        doc_.format = fmt;
    }

    Document run() {
        if (src_.is_pdf()) {
            lines_ = pdf_reader_lines(src_);  // typed lines from the PDF's layout (src/readers/pdf_lines.cpp)
        } else {
            lines_ = split_lines(src_, markdown_);
            classify_lines(lines_, markdown_);
        }
        collect_footnotes();
        std::size_t body = read_header();
        mark_running_titles(body);
        split_glued_numbers(body);
        compute_margins();
        make_blocks(body);
        build_tree();
        resolve_marks();
        return std::move(doc_);
    }

private:
    const SourceFile& src_;
    bool markdown_;
    Document doc_;
    std::vector<Line> lines_;
    std::map<int, int> margin_;  // page → minimal indent of content lines
    std::vector<Block> blocks_;
    int last_number_ = 0;  // last operative number seen while making blocks
    // footnote bookkeeping
    std::vector<int> note_page_;        // per doc_.footnotes: page of the text it belongs to
    std::vector<int> note_region_lo_;   // lowest page where its mark may be
    std::vector<std::size_t> note_line_;// line index of the body

    Span line_span(const Line& l, std::size_t b, std::size_t e) const {
        auto off = [&](std::size_t p) -> std::uint32_t {
            if (l.map.empty()) return l.begin;
            auto it = std::upper_bound(l.map.begin(), l.map.end(), p, [](std::size_t x, const SourceMapEntry& m) { return x < m.text_pos; });
            if (it == l.map.begin()) return l.map.front().src;
            --it;
            return it->src + static_cast<std::uint32_t>(p - it->text_pos);
        };
        if (e <= b) return {off(b), off(b)};
        return {off(b), off(e - 1) + 1};
    }

    Field field(const Line& l, std::size_t b, std::size_t e) const {
        Field f;
        f.value = std::string(std::string_view(l.text).substr(b, e - b));
        f.span = line_span(l, b, e);
        return f;
    }

    void diag(std::string rule, Severity sev, Span span, std::string msg) {
        Diagnostic d;
        d.rule = std::move(rule);
        d.severity = sev;
        d.span = span;
        d.message = std::move(msg);
        doc_.diagnostics.push_back(std::move(d));
    }

    // ---- margins (layout mode) ----
    /// The page's text margin: the indent most of its content lines have (continuation lines
    /// outnumber first lines), so that a first line's extra indent shows.
    void compute_margins() {
        std::map<int, std::map<int, int>> counts;
        for (const auto& l : lines_)
            if (l.kind == LineKind::Content) ++counts[l.page][l.indent];
        margin_.clear();
        for (const auto& [page, c] : counts) {
            int best = 0, n = -1;
            for (const auto& [indent, k] : c)
                if (k > n) best = indent, n = k;
            margin_[page] = best;
        }
    }
    int rel_indent(const Line& l) const {
        auto it = margin_.find(l.page);
        return it == margin_.end() ? 0 : l.indent - it->second;
    }

    // ---- footnotes ----
    int content_page_before(std::size_t k) const {
        for (std::size_t j = k; j-- > 0;)
            if (lines_[j].kind == LineKind::Content) return lines_[j].page;
        return 0;
    }

    void collect_footnotes() {
        std::size_t k = 0;
        int prev_block_page = -1;
        while (k < lines_.size()) {
            if (lines_[k].kind != LineKind::Footnote) {
                ++k;
                continue;
            }
            // A block: consecutive footnote lines (blank lines, separators and furniture in between allowed).
            std::size_t b = k;
            std::vector<std::size_t> idx;
            while (k < lines_.size()) {
                LineKind kk = lines_[k].kind;
                if (kk == LineKind::Footnote) idx.push_back(k);
                else if (kk == LineKind::Content) break;
                ++k;
            }
            int page = content_page_before(b);
            read_note_block(idx, page, prev_block_page);
            prev_block_page = page;
        }
    }

    void add_note(std::string num, const std::vector<std::size_t>& ls, int page, int lo) {
        Footnote f;
        f.num = std::move(num);
        MappedText mt;
        bool first = true;
        for (std::size_t i : ls) {
            const Line& l = lines_[i];
            if (l.text.empty()) continue;
            if (first) {
                f.line = l.number;
                f.span.begin = l.begin;
                first = false;
            } else
                mt.space(l.begin);
            for (const auto& e : l.map) (void)e;
            mt.append(l.text, l.map.empty() ? l.begin : l.map.front().src);
            f.span.end = l.end;
        }
        if (first && !ls.empty()) {  // number only
            f.line = lines_[ls.front()].number;
            f.span = {lines_[ls.front()].begin, lines_[ls.front()].end};
        }
        f.text = mt.text;
        doc_.footnotes.push_back(std::move(f));
        note_page_.push_back(page);
        note_region_lo_.push_back(lo);
        note_line_.push_back(ls.empty() ? 0 : ls.front());
    }

    void read_note_block(const std::vector<std::size_t>& idx, int page, int prev_page) {
        // Numbers standing alone on their lines (pdftotext) versus numbers with text.
        std::vector<std::size_t> number_only, texts;
        bool any_inline_number = false;
        for (std::size_t i : idx) {
            const Line& l = lines_[i];
            if (l.note_number_only) number_only.push_back(i);
            else {
                texts.push_back(i);
                if (!l.note_num.empty()) any_inline_number = true;
            }
        }
        int lo = prev_page + 1;
        if (number_only.empty() || any_inline_number) {
            // Sequential: a numbered line starts a footnote, others continue it.
            std::string num;
            std::vector<std::size_t> cur;
            auto flush = [&] {
                if (!cur.empty() || !num.empty()) add_note(num, cur, page, lo);
                cur.clear();
            };
            for (std::size_t i : idx) {
                const Line& l = lines_[i];
                if (!l.note_num.empty()) {
                    flush();
                    num = l.note_num;
                    if (!l.note_number_only) cur.push_back(i);
                } else {
                    if (num.empty() && cur.empty() && !doc_.footnotes.empty() && is_lower_start(l.text)) {
                        // continues the previous page's last footnote
                        auto& prev = doc_.footnotes.back();
                        prev.text += " " + l.text;
                        prev.span.end = l.end;
                        continue;
                    }
                    cur.push_back(i);
                }
            }
            flush();
            return;
        }
        // pdftotext default mode: numbers and texts are separated and partly out of order.
        std::vector<int> nums;
        for (std::size_t i : number_only)
            if (all_digits(lines_[i].note_num)) nums.push_back(std::stoi(lines_[i].note_num));
        std::sort(nums.begin(), nums.end());
        nums.erase(std::unique(nums.begin(), nums.end()), nums.end());
        // Candidate boundaries between consecutive text lines.
        std::vector<std::vector<std::size_t>> groups;
        auto group_by = [&](bool use_numbers) {
            std::vector<std::vector<std::size_t>> g;
            std::size_t pos_in_idx = 0;
            std::size_t prev_text = SIZE_MAX;
            for (std::size_t i : idx) {
                (void)pos_in_idx;
                const Line& l = lines_[i];
                if (l.note_number_only) continue;
                bool split = g.empty();
                if (!split && prev_text != SIZE_MAX) {
                    const Line& p = lines_[prev_text];
                    bool strong = (ends_with(p.text, ".") || ends_with(p.text, ".)")) && !is_lower_start(l.text);
                    bool numbered_between = false;
                    for (std::size_t j = prev_text + 1; j < i; ++j)
                        if (lines_[j].note_number_only) numbered_between = true;
                    split = strong || (use_numbers && numbered_between && !is_lower_start(l.text));
                }
                if (split) g.emplace_back();
                g.back().push_back(i);
                prev_text = i;
            }
            return g;
        };
        groups = group_by(false);
        if (groups.size() != nums.size()) {
            auto g2 = group_by(true);
            if (g2.size() == nums.size()) groups = g2;
        }
        if (groups.size() == nums.size()) {
            for (std::size_t g = 0; g < groups.size(); ++g) add_note(std::to_string(nums[g]), groups[g], page, lo);
            // the footnote span should include its number line
            return;
        }
        // Fall back to the order of appearance.
        std::string num;
        std::vector<std::size_t> cur;
        for (std::size_t i : idx) {
            const Line& l = lines_[i];
            if (l.note_number_only) {
                if (!cur.empty() || !num.empty()) add_note(num, cur, page, lo);
                cur.clear();
                num = l.note_num;
            } else
                cur.push_back(i);
        }
        if (!cur.empty() || !num.empty()) add_note(num, cur, page, lo);
    }

    // ---- header ----
    static std::optional<std::string> organ_of_formula(std::string_view t, std::size_t& name_end) {
        if (!starts_with(t, "The ")) return std::nullopt;
        std::size_t e = t.find(',');
        std::string_view name = t.substr(4, e == std::string_view::npos ? std::string_view::npos : e - 4);
        while (!name.empty() && (name.back() == ' ' || name.back() == ':')) name.remove_suffix(1);
        if (name.size() > 80) return std::nullopt;
        // every word capitalised or a connector
        std::size_t i = 0;
        int words = 0;
        while (i < name.size()) {
            std::size_t j = name.find(' ', i);
            if (j == std::string_view::npos) j = name.size();
            std::string_view w = name.substr(i, j - i);
            ++words;
            if (!(is_upper_start(w) || w == "and" || w == "of" || w == "on" || w == "the" || w == "for"))
                return std::nullopt;
            i = j + 1;
        }
        if (words > 10) return std::nullopt;
        if (!(is_organ_name(name) || ends_with(name, "Assembly") || ends_with(name, "Council") ||
              ends_with(name, "Conference") || ends_with(name, "Commission") || ends_with(name, "Committee") ||
              ends_with(name, "Board") || ends_with(name, "Forum")))
            return std::nullopt;
        name_end = 4 + name.size();
        return std::string(name);
    }

    std::size_t find_authority() const {
        for (std::size_t k = 0; k < lines_.size(); ++k) {
            const Line& l = lines_[k];
            if (l.kind != LineKind::Content) continue;
            std::size_t ne = 0;
            if (organ_of_formula(l.text, ne)) {
                std::string_view rest = std::string_view(l.text).substr(ne);
                // "The General Assembly," or "The General Assembly" or "The General Assembly, recalling ..."
                if (rest.empty() || rest == "," || rest == ":" || (rest[0] == ',' && is_lower_start(rest.substr(rest.find_first_not_of(", ") == std::string_view::npos ? 0 : rest.find_first_not_of(", ")))))
                    return k;
            }
        }
        return SIZE_MAX;
    }

    static std::string capitalize(std::string s) {
        std::string out = lower(s);
        if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
        return out;
    }

    void split_sponsors(const Line* first, std::string_view text, Span span) {
        // "A, B, C and D" → A, B, C, D (keeping "Trinidad and Tobago" whole)
        std::string t(text);
        t.erase(std::remove(t.begin(), t.end(), '*'), t.end());
        std::vector<std::string> parts;
        std::size_t i = 0;
        while (i <= t.size()) {
            std::size_t j = t.find(", ", i);
            if (j == std::string::npos) j = t.size();
            std::string p = t.substr(i, j - i);
            while (!p.empty() && p.back() == ' ') p.pop_back();
            while (!p.empty() && p.front() == ' ') p.erase(0, 1);
            if (!p.empty()) parts.push_back(p);
            i = j + 2;
        }
        if (!parts.empty()) {
            std::string last = parts.back();
            if (!is_and_state(last)) {
                // split at the last " and " that leaves a known-state or plain names on both sides
                std::size_t a = last.rfind(" and ");
                while (a != std::string::npos) {
                    std::string right = last.substr(a + 5);
                    std::string left = last.substr(0, a);
                    if (!is_and_state(right) && is_and_state(last.substr(0, last.size()))) break;
                    // if the right part is the tail of an "and" state (e.g. "Tobago"), look further left
                    bool right_is_tail = false;
                    for (std::size_t b = left.rfind(' '); ; b = left.rfind(' ', b - 1)) {
                        std::string cand = (b == std::string::npos ? left : left.substr(b + 1)) + " and " + right;
                        if (is_and_state(cand)) right_is_tail = true;
                        if (b == std::string::npos || b == 0) break;
                    }
                    if (!right_is_tail) {
                        parts.back() = left;
                        parts.push_back(right);
                        break;
                    }
                    if (a == 0) break;
                    a = last.rfind(" and ", a - 1);
                }
            }
        }
        (void)first;
        for (auto& p : parts) {
            if (starts_with(p, "and ")) p.erase(0, 4);
            Field f;
            f.value = p;
            f.span = span;
            doc_.meta.sponsors.push_back(f);
        }
    }

    /// Reads the header from the lines before the authority; returns the first body line.
    std::size_t read_header() {
        std::size_t auth = find_authority();
        Metadata& m = doc_.meta;
        std::size_t header_end = auth == SIZE_MAX ? lines_.size() : auth;
        // Header lines: content and furniture lines before the authority (page 1 furniture
        // holds the symbol).  Track the last header line we consumed.
        std::vector<std::size_t> hl;
        for (std::size_t k = 0; k < header_end; ++k) {
            LineKind kk = lines_[k].kind;
            if (kk == LineKind::Content || kk == LineKind::Furniture) hl.push_back(k);
        }
        std::size_t consumed_until = 0;  // index into hl after the sponsor / number line
        bool sponsor_found = false, number_found = false;
        std::size_t agenda_at = SIZE_MAX;
        std::size_t title_from = 0;
        for (std::size_t h = 0; h < hl.size(); ++h) {
            const Line& l = lines_[hl[h]];
            std::string_view t = l.text;
            // symbol
            if (!m.symbol.present()) {
                std::size_t i = 0;
                while (i < t.size()) {
                    std::size_t j = t.find(' ', i);
                    if (j == std::string_view::npos) j = t.size();
                    if (is_symbol(t.substr(i, j - i))) {
                        m.symbol = field(l, i, j);
                        break;
                    }
                    i = j + 1;
                }
            }
            if (l.kind != LineKind::Content) continue;
            for (std::string_view body : {"General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council"}) {
                std::size_t p = t.find(body);
                if (p != std::string_view::npos && !m.body.present() && !contains(t, "adopted by")) m.body = field(l, p, p + body.size());
            }
            if (std::size_t p = t.find("Distr."); p != std::string_view::npos && !m.distribution.present()) {
                std::size_t v = p + 6;
                while (v < t.size() && (t[v] == ':' || t[v] == ' ')) ++v;
                std::size_t e = v;
                while (e < t.size() && std::isalpha(static_cast<unsigned char>(t[e]))) ++e;
                if (e > v) {
                    m.distribution = field(l, v, e);
                    m.distribution.value = capitalize(m.distribution.value);
                } else if (h + 1 < hl.size()) {
                    const Line& n = lines_[hl[h + 1]];
                    std::string_view w = first_word(n.text);
                    if (w == "LIMITED" || w == "GENERAL" || w == "Limited" || w == "General" || w == "RESTRICTED") {
                        m.distribution = field(n, 0, w.size());
                        m.distribution.value = capitalize(m.distribution.value);
                    }
                }
            }
            if (std::size_t p = t.find("Original:"); p == std::string_view::npos) p = t.find("ORIGINAL:"), (void)p;
            for (std::string_view key : {"Original:", "ORIGINAL:"}) {
                std::size_t p = t.find(key);
                if (p == std::string_view::npos || m.original_language.present()) continue;
                std::size_t v = p + key.size();
                while (v < t.size() && t[v] == ' ') ++v;
                if (v < t.size()) {
                    std::size_t e = t.size();
                    // stop at a following field on the same line
                    for (std::string_view stop : {" Distr.", " Agenda", " Seventy", " Eighti"}) {
                        std::size_t s = t.find(stop, v);
                        if (s != std::string_view::npos) e = std::min(e, s);
                    }
                    m.original_language = field(l, v, e);
                } else if (h + 1 < hl.size()) {
                    const Line& n = lines_[hl[h + 1]];
                    m.original_language = field(n, 0, first_word(n.text).size());
                    m.original_language.value = capitalize(m.original_language.value);
                }
            }
            if (!m.date.present() && !contains(t, "adopted")) {
                std::size_t len = 0;
                std::size_t p = find_date(t, len);
                if (p != std::string_view::npos) {
                    m.date = field(l, p, p + len);
                    m.date.value = parse_date(m.date.value);
                }
            }
            if (!m.session.present()) {
                std::size_t p = t.find(" session");
                if (p == std::string_view::npos && ends_with(lower(t), "session")) p = t.size() - 8;
                if (p != std::string_view::npos && p + 8 <= t.size() && (p + 8 == t.size() || t[p + 8] == ' ' || t[p + 8] == ',')) {
                    // walk back over up to four words
                    std::size_t b = p;
                    int words = 0;
                    while (b > 0 && words < 4) {
                        std::size_t s = t.rfind(' ', b - 1);
                        std::size_t ws = s == std::string_view::npos ? 0 : s + 1;
                        std::string_view w = t.substr(ws, b - ws);
                        std::string lw = lower(w);
                        bool ordinal = ends_with(lw, "th") || ends_with(lw, "st") || ends_with(lw, "nd") || ends_with(lw, "rd") ||
                                       lw == "emergency" || lw == "special" || lw == "resumed" || lw == "substantive" ||
                                       lw == "organizational" || lw == "regular";
                        if (!ordinal) break;
                        b = ws;
                        ++words;
                        if (ws == 0) break;
                    }
                    if (words > 0) m.session = field(l, b, p + 8);
                }
            }
            for (std::string_view c : {"First Committee", "Second Committee", "Third Committee", "Fourth Committee", "Fifth Committee",
                                       "Sixth Committee", "Special Political and Decolonization Committee"}) {
                std::size_t p = t.find(c);
                if (p != std::string_view::npos && !m.committee.present() && !contains(t, "report of") && !contains(t, "Chair of"))
                    m.committee = field(l, p, p + c.size());
            }
            for (std::string_view key : {"Agenda items ", "Agenda item ", "AGENDA ITEM ", "Agenda item"}) {
                std::size_t p = t.find(key);
                if (p == std::string_view::npos || agenda_at != SIZE_MAX) continue;
                agenda_at = h;
                std::size_t v = p + key.size();
                // items: 71 (b), 12 and 118, 21 (a)
                while (v < t.size()) {
                    while (v < t.size() && t[v] == ' ') ++v;
                    std::size_t e = v;
                    while (e < t.size() && is_digit(t[e])) ++e;
                    if (e == v) break;
                    std::size_t ie = e;
                    if (ie + 3 < t.size() + 1 && t.substr(ie, 2) == " (" ) {
                        std::size_t c = t.find(')', ie);
                        if (c != std::string_view::npos && c - ie <= 5) ie = c + 1;
                    }
                    m.agenda_items.push_back(field(l, v, ie));
                    v = ie;
                    if (t.substr(v, 2) == ", ") v += 2;
                    else if (t.substr(v, 5) == " and ") v += 5;
                    else break;
                }
                while (v < t.size() && t[v] == ' ') ++v;
                if (v < t.size()) m.agenda_title = field(l, v, t.size());
                break;
            }
            // Adopted texts
            if (starts_with(t, "Resolution adopted by") || starts_with(t, "Decision adopted by")) {
                doc_.kind = starts_with(t, "Decision") ? DocKind::Decision : DocKind::Resolution;
                m.document_type = field(l, 0, starts_with(t, "Decision") ? 8 : 10);
                m.document_type.value = lower(m.document_type.value);
                std::string joined(t);
                const Line* dl = &l;
                std::size_t len = 0;
                std::size_t p = find_date(t, len);
                if (p == std::string_view::npos && h + 1 < hl.size()) {
                    dl = &lines_[hl[h + 1]];
                    p = find_date(dl->text, len);
                }
                if (p != std::string_view::npos) {
                    m.adoption_date = field(*dl, p, p + len);
                    m.adoption_date.value = parse_date(m.adoption_date.value);
                }
                consumed_until = std::max(consumed_until, h + 1);
                title_from = std::max(title_from, h + 1);
            }
            if (starts_with(t, "[") && !m.origin.present()) {
                // "[on the report of ... ]" possibly wrapped
                std::size_t hh = h;
                Field f = field(l, 0, t.size());
                while (!contains(f.value, "]") && hh + 1 < hl.size()) {
                    ++hh;
                    const Line& n = lines_[hl[hh]];
                    f.value += " " + n.text;
                    f.span.end = line_span(n, 0, n.text.size()).end;
                }
                m.origin = f;
                for (std::string_view c : {"First Committee", "Second Committee", "Third Committee", "Fourth Committee", "Fifth Committee",
                                           "Sixth Committee", "Special Political and Decolonization Committee"}) {
                    if (contains(f.value, c) && !m.committee.present()) {
                        std::size_t p = t.find(c);
                        m.committee = p != std::string_view::npos ? field(l, p, p + c.size()) : Field{std::string(c), f.span};
                    }
                }
                consumed_until = std::max(consumed_until, hh + 1);
                title_from = std::max(title_from, hh + 1);
            }
            // "78/217. Title" or "78/217." alone; ECOSOC "2018/27. Title"
            {
                std::size_t e = 0;
                while (e < t.size() && (is_digit(t[e]) || t[e] == '/')) ++e;
                if (e >= 3 && contains(t.substr(0, e), "/") && e < t.size() && (t[e] == '.' || (t[e] == ' ' && e + 2 < t.size() && std::isupper(static_cast<unsigned char>(t[e + 1])) && t[e + 2] == '.'))) {
                    std::size_t ne = t[e] == '.' ? e : e + 2;
                    if (!number_found && (doc_.kind == DocKind::Resolution || doc_.kind == DocKind::Decision)) {
                        m.number = field(l, 0, ne);
                        number_found = true;
                        std::size_t v = ne + 1;
                        while (v < t.size() && t[v] == ' ') ++v;
                        title_from = h + (v < t.size() ? 0 : 1);
                        if (v < t.size()) m.title = field(l, v, t.size());
                        consumed_until = std::max(consumed_until, h + 1);
                    }
                }
            }
            // Sponsor line: "...: draft resolution", "Draft resolution submitted by ...", "Draft resolution"
            std::string lt = lower(t);
            bool type_here = false;
            std::size_t colon = std::string::npos;
            for (std::string_view kw : {": revised draft resolution", ": draft resolution", ": draft decision", ": revised draft decision",
                                        ": amendment", ":* draft resolution", ":* revised draft resolution", ":* amendment", ":* draft decision"}) {
                std::size_t p = lt.find(kw);
                if (p != std::string::npos) {
                    type_here = true;
                    colon = p;
                    break;
                }
            }
            bool chair = starts_with(lt, "draft resolution") || starts_with(lt, "draft decision") || starts_with(lt, "revised draft resolution") ||
                         starts_with(lt, "amendment");
            if (!sponsor_found && (type_here || chair) && !number_found) {
                sponsor_found = true;
                if (type_here) {
                    // gather preceding lines of the sponsor list
                    std::size_t s = h;
                    while (s > 0 && s - 1 > (agenda_at == SIZE_MAX ? 0 : agenda_at) ) {
                        const Line& p = lines_[hl[s - 1]];
                        if (p.kind != LineKind::Content) break;
                        std::string_view pt = p.text;
                        std::size_t commas = static_cast<std::size_t>(std::count(pt.begin(), pt.end(), ','));
                        bool joins = ends_with(pt, ",") || ends_with(pt, " and") || ends_with(pt, " of") || ends_with(pt, " the") ||
                                     (commas >= 2 && !contains(pt, ":"));
                        if (!joins) break;
                        --s;
                    }
                    std::string text;
                    Span span{};
                    for (std::size_t q = s; q <= h; ++q) {
                        const Line& ql = lines_[hl[q]];
                        std::string_view qt = ql.text;
                        if (q == h) qt = qt.substr(0, colon);
                        if (!text.empty()) text += ' ';
                        text += qt;
                        if (q == s) span.begin = line_span(ql, 0, 0).begin;
                        span.end = line_span(ql, 0, qt.size()).end;
                    }
                    if (agenda_at != SIZE_MAX && s > agenda_at + 1) {
                        // lines between the agenda item and the sponsors continue the agenda title
                        for (std::size_t q = agenda_at + 1; q < s; ++q) {
                            const Line& ql = lines_[hl[q]];
                            if (ql.kind != LineKind::Content) continue;
                            if (!m.agenda_title.present()) m.agenda_title = field(ql, 0, ql.text.size());
                            else {
                                m.agenda_title.value += " " + ql.text;
                                m.agenda_title.span.end = line_span(ql, 0, ql.text.size()).end;
                            }
                        }
                    }
                    m.sponsor_text.value = text;
                    m.sponsor_text.span = span;
                    split_sponsors(&l, text, span);
                    // the type after the colon
                    std::size_t tb = colon + 1;
                    while (tb < t.size() && (t[tb] == '*' || t[tb] == ' ')) ++tb;
                    m.document_type = field(l, tb, t.size());
                    m.document_type.value = lower(m.document_type.value);
                    // type may wrap ("draft resolution" on the next line) — handled by the keyword search
                } else {
                    // Chair / Vice-Chair / bare "Draft resolution": may wrap over lines
                    std::size_t hh = h;
                    Field f = field(l, 0, t.size());
                    while (hh + 1 < hl.size()) {
                        const Line& n = lines_[hl[hh + 1]];
                        if (n.kind != LineKind::Content || n.blank_before) break;
                        if (!(is_lower_start(n.text) || starts_with(n.text, "(") || ends_with(f.value, ",") || ends_with(f.value, " following")))
                            break;
                        ++hh;
                        f.value += " " + n.text;
                        f.span.end = line_span(n, 0, n.text.size()).end;
                    }
                    std::string lv = lower(f.value);
                    // "Draft resolution submitted by the Chair ..." names its author; a bare
                    // "Draft resolution" names nobody
                    if (contains(lv, "submitted by") || contains(lv, " by the ")) m.sponsor_text = f;
                    std::string_view type = starts_with(lv, "revised draft resolution") ? "revised draft resolution"
                                           : starts_with(lv, "draft resolution")       ? "draft resolution"
                                           : starts_with(lv, "draft decision")         ? "draft decision"
                                                                                       : "amendment";
                    m.document_type.value = std::string(type);
                    m.document_type.span = line_span(l, 0, type.size());
                    h = hh;
                }
                consumed_until = std::max(consumed_until, h + 1);
                title_from = std::max(title_from, h + 1);
                if (agenda_at != SIZE_MAX && !m.agenda_title.present() && agenda_at + 1 < h) {
                    // agenda title lines between the agenda item and the sponsor block
                }
            }
        }
        // sponsor type may also sit alone on the next line ("Romania:\ndraft resolution")
        if (!sponsor_found) {
            for (std::size_t h = 1; h < hl.size(); ++h) {
                const Line& l = lines_[hl[h]];
                std::string lt = lower(l.text);
                if ((lt == "draft resolution" || lt == "revised draft resolution" || lt == "draft decision") && ends_with(lines_[hl[h - 1]].text, ":")) {
                    std::size_t s = h - 1;
                    while (s > 0 && s - 1 > (agenda_at == SIZE_MAX ? 0 : agenda_at) && lines_[hl[s - 1]].kind == LineKind::Content &&
                           ends_with(lines_[hl[s - 1]].text, ","))
                        --s;
                    std::string text;
                    Span span{};
                    for (std::size_t q = s; q < h; ++q) {
                        const Line& ql = lines_[hl[q]];
                        std::string_view qt = ql.text;
                        if (q + 1 == h) qt.remove_suffix(1);
                        if (!text.empty()) text += ' ';
                        text += qt;
                        if (q == s) span.begin = line_span(ql, 0, 0).begin;
                        span.end = line_span(ql, 0, qt.size()).end;
                    }
                    m.sponsor_text.value = text;
                    m.sponsor_text.span = span;
                    split_sponsors(&l, text, span);
                    m.document_type = field(l, 0, l.text.size());
                    m.document_type.value = lt;
                    if (agenda_at != SIZE_MAX && !m.agenda_title.present()) {
                        for (std::size_t q = agenda_at + 1; q < s; ++q) {
                            const Line& ql = lines_[hl[q]];
                            if (!m.agenda_title.present()) m.agenda_title = field(ql, 0, ql.text.size());
                            else m.agenda_title.value += " " + ql.text, m.agenda_title.span.end = line_span(ql, 0, ql.text.size()).end;
                        }
                    }
                    consumed_until = std::max(consumed_until, h + 1);
                    title_from = std::max(title_from, h + 1);
                    sponsor_found = true;
                    break;
                }
            }
        }
        if (agenda_at != SIZE_MAX && !m.agenda_title.present() && !sponsor_found) {
            // adopted texts: the agenda title is the line(s) after the agenda item up to "Resolution adopted"
            for (std::size_t q = agenda_at + 1; q < hl.size(); ++q) {
                const Line& ql = lines_[hl[q]];
                if (ql.kind != LineKind::Content) continue;
                if (starts_with(ql.text, "Resolution adopted") || starts_with(ql.text, "Decision adopted") || starts_with(ql.text, "[")) break;
                if (!m.agenda_title.present()) m.agenda_title = field(ql, 0, ql.text.size());
                else if (!ql.blank_before) m.agenda_title.value += " " + ql.text, m.agenda_title.span.end = line_span(ql, 0, ql.text.size()).end;
                else break;
            }
        }
        // Title: the content lines after the sponsor / number line up to the authority.
        if (!m.title.present() || (number_found && title_from < hl.size())) {
            for (std::size_t q = title_from; q < hl.size(); ++q) {
                const Line& ql = lines_[hl[q]];
                if (ql.kind != LineKind::Content) continue;
                if (doc_.kind == DocKind::DraftResolution && !sponsor_found) break;
                if (!m.title.present()) m.title = field(ql, 0, ql.text.size());
                else if (m.title.span.end <= line_span(ql, 0, 0).begin) {
                    m.title.value += " " + ql.text;
                    m.title.span.end = line_span(ql, 0, ql.text.size()).end;
                }
            }
        }
        (void)consumed_until;
        // Document type and kind.
        std::string dt = lower(m.document_type.value);
        if (contains(dt, "amendment")) doc_.kind = DocKind::Amendment;
        else if (contains(dt, "draft decision")) doc_.kind = DocKind::DraftDecision;
        else if (contains(dt, "draft")) doc_.kind = DocKind::DraftResolution;
        else if (!m.document_type.present()) {
            std::string sym = m.symbol.value;
            if (contains(sym, "/RES/")) doc_.kind = DocKind::Resolution;
            else if (contains(sym, "/DEC/")) doc_.kind = DocKind::Decision;
        }
        if (contains(dt, "amendment")) {
            std::string full = m.document_type.value;
            m.document_type.value = "amendment";
            (void)full;
        }
        if (doc_.kind == DocKind::Resolution && !m.document_type.present()) m.document_type.value = "resolution";
        if (m.symbol.present() && !m.body.present()) {
            char c = m.symbol.value[0];
            if (c == 'S') m.body.value = "Security Council";
            else if (c == 'E') m.body.value = "Economic and Social Council";
            else if (starts_with(m.symbol.value, "A/HRC")) m.body.value = "Human Rights Council";
            else if (c == 'A') m.body.value = "General Assembly";
        }
        if (auth == SIZE_MAX) {
            // No enacting formula: the body starts after the title (amendments) or at the first
            // paragraph-looking line.
            std::size_t start = 0;
            if (!hl.empty()) {
                std::size_t q = std::min(title_from, hl.size());
                // skip the title lines
                while (q < hl.size() && lines_[hl[q]].kind != LineKind::Content) ++q;
                if (m.title.present()) {
                    while (q < hl.size() && line_span(lines_[hl[q]], 0, 0).begin < m.title.span.end) ++q;
                }
                start = q < hl.size() ? hl[q] : lines_.size();
            }
            if (!sponsor_found && !number_found) {
                // find the first label or lead line
                for (std::size_t k = 0; k < lines_.size(); ++k) {
                    const Line& l = lines_[k];
                    if (l.kind != LineKind::Content) continue;
                    if (parse_label(l.text).kind == LabelKind::Number || is_preamble_lead(l.text)) {
                        start = k;
                        break;
                    }
                }
            }
            return start;
        }
        const Line& al = lines_[auth];
        std::size_t ne = 0;
        organ_of_formula(al.text, ne);
        std::size_t end = al.text.size();
        doc_.authority = field(al, 0, end);
        return auth + 1;
    }

    /// Page headers of later pages repeat the title ("running title"): lines of the body that
    /// are a piece of the title and stand next to other page furniture are furniture too.
    void mark_running_titles(std::size_t body) {
        const std::string& title = doc_.meta.title.value;
        if (title.size() < 20) return;
        auto near_furniture = [&](std::size_t k) {
            for (std::size_t d = 1; d <= 4; ++d) {
                if (k >= d) {
                    const Line& p = lines_[k - d];
                    if (p.kind == LineKind::Furniture || p.page != lines_[k].page) return true;
                }
                if (k + d < lines_.size() && lines_[k + d].kind == LineKind::Furniture) return true;
            }
            return false;
        };
        std::vector<bool> running(lines_.size(), false);
        for (std::size_t k = body; k < lines_.size(); ++k) {
            Line& l = lines_[k];
            if (l.kind != LineKind::Content || l.text.size() < 15) continue;
            if (title.find(l.text) != std::string::npos && near_furniture(k)) l.kind = LineKind::Furniture, running[k] = true;
        }
        // layout mode: "for 2024            A/RES/78/253" — a title piece and furniture in columns
        for (std::size_t k = body; k < lines_.size(); ++k) {
            Line& l = lines_[k];
            if (l.kind != LineKind::Content || l.gaps.empty()) continue;
            auto cs = cells(l);
            if (cs.size() < 2) continue;
            bool all = true, furniture = false;
            for (auto c : cs) {
                if (is_furniture(c)) furniture = true;
                else if (c.size() < 3 || title.find(c) == std::string::npos) all = false;
            }
            if (all && furniture) l.kind = LineKind::Furniture, running[k] = true;
        }
        // the short rest of a running title wrapped over two lines ("for 2024")
        for (std::size_t k = body; k < lines_.size(); ++k) {
            Line& l = lines_[k];
            if (l.kind != LineKind::Content || l.text.size() < 3 || title.find(l.text) == std::string::npos) continue;
            std::size_t p = k, n = k;
            while (p > body && lines_[p - 1].kind == LineKind::Blank) --p;
            while (n + 1 < lines_.size() && lines_[n + 1].kind == LineKind::Blank) ++n;
            if ((p > body && running[p - 1]) || (n + 1 < lines_.size() && running[n + 1])) l.kind = LineKind::Furniture;
        }
    }

    /// Converters sometimes glue the next paragraph onto the previous line: "Global context and
    /// shared commitments 3. We gather ..." or "... Pact for the Future. 16 9. We note ...".
    /// Where the next operative number, a dot and a capital stand inside a line, the line is cut
    /// in two there.
    void split_glued_numbers(std::size_t body) {
        long last = 0;
        for (std::size_t k = body; k < lines_.size(); ++k) {
            if (lines_[k].kind != LineKind::Content) continue;
            Label lab = parse_label(lines_[k].text);
            if (lab.kind == LabelKind::Number) last = std::stol(lab.num);
            if (last <= 0) continue;
            const std::string want = " " + std::to_string(last + 1) + ". ";
            const std::string& t = lines_[k].text;
            std::size_t at = t.find(want, lab.kind == LabelKind::Number ? lab.len : 0);
            if (at == std::string::npos || at < 3) continue;
            std::size_t rest = at + want.size();
            if (rest >= t.size() || !is_upper_start(std::string_view(t).substr(rest))) continue;
            char before = t[at - 1];
            // not "paragraph 13. The" / "resolution 12. We": a cross-reference ends a sentence there
            std::string_view prev_word = std::string_view(t).substr(0, at);
            prev_word = prev_word.substr(prev_word.rfind(' ') == std::string_view::npos ? 0 : prev_word.rfind(' ') + 1);
            if (prev_word == "paragraph" || prev_word == "paragraphs" || prev_word == "resolution" || prev_word == "No." ||
                prev_word == "para." || prev_word == "Goal" || prev_word == "article" || prev_word == "section")
                continue;
            (void)before;
            Line tail = lines_[k];
            drop_prefix(tail, at + 1);
            Line& head = lines_[k];
            head.text.resize(at);
            std::erase_if(head.marks, [&](const Mark& m) { return m.pos > at; });
            std::erase_if(head.italics, [&](const TextRange& r) { return r.begin >= at; });
            for (auto& r : head.italics) r.end = std::min(r.end, at);
            std::erase_if(head.gaps, [&](std::size_t g) { return g >= at; });
            tail.gaps.clear();
            tail.blank_before = false;
            tail.heading = false;
            tail.bullet = false;
            lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(k) + 1, std::move(tail));
            // the tail is looked at next: it starts with its number and may hold another glued one
        }
    }

    // ---- blocks ----
    bool label_acceptable(const Line& l, const Label& lab, const Block* cur, const Line* prev_line) const {
        if (lab.kind == LabelKind::None) return false;
        if (!cur || !prev_line) return true;
        if (l.bullet || l.blank_before) return true;
        if (cur->label_only) return false;
        if (is_terminal(prev_line->text)) return true;
        // the next operative number, followed by a capitalised word, opens a paragraph even
        // when the line before lacks its final punctuation (a heading, a lost character)
        if (lab.kind == LabelKind::Number && std::to_string(last_number_ + 1) == lab.num &&
            (lab.len >= l.text.size() || is_upper_start(std::string_view(l.text).substr(lab.len))))
            return true;
        // after a heading ("Subnational finance"): a block of one short line without punctuation
        if (cur->kind == BlockKind::Para && cur->label.kind == LabelKind::None && cur->last_line <= cur->first_line + 2 &&
            cur->mt.text.size() <= 160 && is_upper_start(cur->mt.text) && cur->marks.empty() && !is_terminal(cur->mt.text))
            return true;
        return cur->kind != BlockKind::Para;
    }

    static bool is_section_marker(std::string_view t, std::string& num, std::string& heading) {
        std::string_view w = t;
        if (ends_with(w, ".")) w.remove_suffix(1);
        if (is_upper_roman(w)) {
            num = std::string(w);
            return true;
        }
        std::size_t dot = t.find(". ");
        if (dot != std::string_view::npos && is_upper_roman(t.substr(0, dot)) && !is_terminal(t) && is_upper_start(t.substr(dot + 2))) {
            num = std::string(t.substr(0, dot));
            heading = std::string(t.substr(dot + 2));
            return true;
        }
        return false;
    }

    static bool is_annex_marker(std::string_view t, std::string& num, std::string& heading) {
        if (!(starts_with(t, "Annex") || starts_with(t, "ANNEX"))) return false;
        std::string_view rest = t.substr(5);
        if (starts_with(rest, "es")) rest.remove_prefix(2);
        if (!rest.empty() && rest[0] != ' ') return false;
        while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
        std::string_view w = first_word(rest);
        if (!w.empty() && (is_upper_roman(w) || all_digits(w) || (w.size() == 1 && std::isupper(static_cast<unsigned char>(w[0]))))) {
            num = std::string(w);
            rest.remove_prefix(w.size());
            while (!rest.empty() && (rest[0] == ' ' || rest[0] == '.' || rest[0] == ':')) rest.remove_prefix(1);
        }
        if (rest.size() > 120 || is_terminal(t)) {
            if (!(rest.empty() || ends_with(t, ":"))) return false;
        }
        heading = std::string(rest);
        return true;
    }

    /// A table caption or list letter standing alone: "A." / "B".
    static bool is_caption(std::string_view t) {
        return (t.size() == 2 && std::isupper(static_cast<unsigned char>(t[0])) && t[1] == '.') ||
               (t.size() == 1 && std::isupper(static_cast<unsigned char>(t[0])) && t != "I" && t != "V" && t != "X");
    }

    /// "A. Build economic resilience": a lettered sub-heading (capital letter, dot, words, no
    /// final punctuation).
    static bool is_letter_heading(std::string_view t) {
        return t.size() > 4 && t.size() < 400 && std::isupper(static_cast<unsigned char>(t[0])) && t[1] == '.' && t[2] == ' ' &&
               is_upper_start(t.substr(3)) && !is_terminal(t);
    }

    static bool is_closing_meeting(std::string_view t) {
        std::size_t k = 0;
        while (k < t.size() && is_digit(t[k])) ++k;
        if (k == 0 || k > 4) return false;
        std::string_view suf = t.substr(k, 2);
        if (!(suf == "st" || suf == "nd" || suf == "rd" || suf == "th")) return false;
        return contains(t.substr(k, 30), " meeting");
    }

    bool looks_like_heading(std::size_t k) const {
        const Line& l = lines_[k];
        if (is_terminal(l.text) || l.text.size() > 110 || !is_upper_start(l.text)) return false;
        if (is_preamble_lead(l.text) || is_operative_lead(l.text)) return false;
        // a heading does not end with a preposition, article or conjunction
        {
            std::string_view t = l.text;
            std::size_t sp = t.rfind(' ');
            std::string_view last = sp == std::string_view::npos ? t : t.substr(sp + 1);
            for (std::string_view w : {"of", "the", "and", "to", "in", "for", "on", "with", "by", "a", "an", "or", "at", "from", "its", "their"})
                if (last == w) return false;
        }
        // the next content line opens a paragraph (after at most three more heading lines)
        int more = 0;
        for (std::size_t j = k + 1; j < lines_.size(); ++j) {
            const Line& n = lines_[j];
            if (n.kind != LineKind::Content) continue;
            Label lab = parse_label(n.text);
            std::string a, b;
            if (lab.kind != LabelKind::None || is_preamble_lead(n.text) || is_operative_lead(n.text) || is_section_marker(n.text, a, b))
                return true;
            if (is_terminal(n.text) || n.text.size() > 110 || !is_upper_start(n.text) || ++more > 3) return false;
        }
        return false;
    }

    void make_blocks(std::size_t body) {
        Block* cur = nullptr;
        const Line* prev = nullptr;
        bool page_break = false;   // non-content lines since the previous content line
        bool blank = false;
        // pdftotext sometimes puts a paragraph's last words right after its lone number
        // ("3." / "session." / "Further decides ... eightieth"): read the start first.
        std::vector<std::size_t> order;
        for (std::size_t k = body; k < lines_.size(); ++k) order.push_back(k);
        auto next_content = [&](std::size_t from) {
            for (std::size_t j = from + 1; j < order.size(); ++j)
                if (lines_[order[j]].kind == LineKind::Content) return j;
            return order.size();
        };
        for (std::size_t i = 0; i < order.size(); ++i) {
            const Line& l = lines_[order[i]];
            if (l.kind != LineKind::Content) continue;
            Label lab = parse_label(l.text);
            if (lab.kind == LabelKind::None || lab.len < l.text.size()) continue;
            std::size_t a = next_content(i);
            if (a >= order.size() || !(is_lower_start(lines_[order[a]].text) || is_caption(lines_[order[a]].text))) continue;
            std::size_t b = next_content(a);
            if (b >= order.size() || !is_upper_start(lines_[order[b]].text) || parse_label(lines_[order[b]].text).kind != LabelKind::None)
                continue;
            std::swap(order[a], order[b]);
        }
        for (std::size_t k : order) {
            const Line& l = lines_[k];
            if (l.kind == LineKind::Blank) {
                blank = true;
                continue;
            }
            if (l.kind != LineKind::Content) {
                if (l.kind != LineKind::FrontMatter) page_break = true;
                continue;
            }
            bool eff_blank = blank && !page_break;
            blank = false;
            bool was_break = page_break;
            page_break = false;
            std::string_view t = l.text;
            Label lab = parse_label(t);
            std::string snum, sheading;
            bool new_block = false;
            BlockKind kind = BlockKind::Para;
            bool prev_term = prev ? is_terminal(prev->text) : true;
            if (t[0] == '|') {
                // a table row ("| cell | cell |", or unres's own "| text" for unstructured blocks)
                new_block = !cur || cur->kind != BlockKind::Table || eff_blank;
                kind = BlockKind::Table;
            } else if (!cur) {
                new_block = true;
                if (is_section_marker(t, snum, sheading)) kind = BlockKind::Section;
            } else if (cur->label_only) {
                new_block = false;  // "1." then its text on the next line
            } else if (cur->kind == BlockKind::Heading && is_caption(cur->mt.text) && lab.kind == LabelKind::None &&
                       is_upper_start(t) && !is_preamble_lead(t) && !is_operative_lead(t)) {
                new_block = false;  // "B." then its title on the next line
            } else if (is_section_marker(t, snum, sheading) && (prev_term || eff_blank || cur->kind != BlockKind::Para)) {
                new_block = true;
                kind = BlockKind::Section;
            } else if (is_annex_marker(t, snum, sheading) && (prev_term || eff_blank || was_break || cur->kind != BlockKind::Para) &&
                       (eff_blank || was_break || t.size() < 40)) {
                new_block = true;
                kind = BlockKind::Annex;
            } else if (is_closing_meeting(t) && (prev_term || eff_blank)) {
                new_block = true;
                kind = BlockKind::Closing;
            } else if (lab.kind != LabelKind::None && label_acceptable(l, lab, cur, prev)) {
                new_block = true;
            } else if (is_caption(t) || (l.heading && lab.kind == LabelKind::None && !is_annex_marker(t, snum, sheading)) ||
                       (is_letter_heading(t) && (prev_term || eff_blank || was_break || cur->kind != BlockKind::Para))) {
                // a caption letter, or a markdown heading ("### Peacebuilding Commission")
                new_block = true;
                kind = BlockKind::Heading;
            } else if (cur->kind == BlockKind::Closing && !parse_date(t).empty() && cur->last_line + 3 >= k) {
                new_block = false;
            } else if (is_lower_start(t) || (is_digit(t[0]) && lab.kind == LabelKind::None)) {
                // paragraphs start with a capital or a label: this continues the previous one
                new_block = false;
            } else if ((cur->kind == BlockKind::Section || cur->kind == BlockKind::Annex) && cur->heading.empty() &&
                       lab.kind == LabelKind::None) {
                new_block = true;
                kind = BlockKind::Heading;
            } else if (cur->kind == BlockKind::Heading && !prev_term && !is_preamble_lead(t) && !is_operative_lead(t) &&
                       !starts_with(t, "We ") &&
                       lab.kind == LabelKind::None && !eff_blank && cells(l).size() < 3 && cells(*prev).size() < 3 &&
                       k <= cur->first_line + 2) {
                new_block = false;  // a heading wrapped over two lines
            } else if (cur->kind != BlockKind::Para) {
                new_block = true;
            } else if (eff_blank && is_upper_start(t) && cur->first_line == cur->last_line && cur->mt.text.size() <= 110 &&
                       cur->label.kind == LabelKind::None && cur->marks.empty()) {
                // a short unpunctuated line standing alone between blank lines is a heading
                new_block = true;
            } else if (!prev_term) {
                new_block = false;
            } else if (eff_blank) {
                new_block = true;
            } else if (!markdown_ && rel_indent(l) >= 3 && (prev == nullptr || rel_indent(*prev) < rel_indent(l) || prev->page != l.page)) {
                new_block = true;
            } else if (is_preamble_lead(t) || is_operative_lead(t) || starts_with(t, "We ") || starts_with(t, "We,")) {
                new_block = true;
            } else if (looks_like_heading(k)) {
                new_block = true;
                kind = BlockKind::Heading;
            } else if (prev && last_meaningful(prev->text) == ';' && !markdown_ && t.size() <= 110 && !is_terminal(t)) {
                // after an item's final ";" a capitalised line without a label is a sub-heading,
                // possibly wrapped ("Technology transfer, ... financing for" / "science, ...")
                new_block = true;
                kind = BlockKind::Heading;
            }
            if (new_block && kind == BlockKind::Para && lab.kind == LabelKind::Number) last_number_ = std::stoi(lab.num);
            if (new_block && kind == BlockKind::Section) last_number_ = 0;
            if (new_block) {
                blocks_.emplace_back();
                cur = &blocks_.back();
                cur->kind = kind;
                cur->first_line = k;
                if (kind == BlockKind::Section || kind == BlockKind::Annex) {
                    cur->label.num = snum;
                    cur->heading = sheading;
                }
                append_line(*cur, l);
                if (kind == BlockKind::Table) {
                    std::size_t cut = cur->mt.text.size() > 1 && cur->mt.text[1] == ' ' ? 2 : 1;
                    erase_text(cur->mt.text, cur->mt.map, cur->marks, cur->italics, 0, cut);
                }
                if (kind == BlockKind::Para && lab.kind != LabelKind::None) {
                    cur->label = lab;
                    cur->label_span = line_span(l, 0, lab.label_len);
                    cur->label_only = lab.len >= t.size();
                    erase_text(cur->mt.text, cur->mt.map, cur->marks, cur->italics, 0, lab.len);
                    for (auto& p : cur->pages) p.first = 0;
                }
            } else {
                append_line(*cur, l);
                if (cur->label_only && !cur->mt.text.empty()) cur->label_only = false;
                if ((cur->kind == BlockKind::Section || cur->kind == BlockKind::Annex) && cur->heading.empty()) {
                }
            }
            cur->last_line = k;
            prev = &l;
        }
        // Closing blocks: a date line may follow the meeting line as a new Para block.
        for (std::size_t b = 0; b + 1 < blocks_.size(); ++b) {
            if (blocks_[b].kind == BlockKind::Closing && blocks_[b + 1].kind == BlockKind::Para && blocks_[b + 1].label.kind == LabelKind::None &&
                parse_date(blocks_[b + 1].mt.text).size() && blocks_[b + 1].mt.text.size() < 40) {
                Block& c = blocks_[b];
                c.mt.text += " " + blocks_[b + 1].mt.text;
                c.end = blocks_[b + 1].end;
                blocks_.erase(blocks_.begin() + static_cast<std::ptrdiff_t>(b) + 1);
            }
        }
        // Para blocks that are really tables (many short lines without punctuation) or headings
        // (short, unpunctuated, followed by a new block).
        for (auto& b : blocks_) {
            if (b.kind != BlockKind::Para || b.label.kind != LabelKind::None) continue;
            std::size_t n = 0, shortish = 0;
            for (std::size_t k = b.first_line; k <= b.last_line && k < lines_.size(); ++k) {
                const Line& l = lines_[k];
                if (l.kind != LineKind::Content) continue;
                ++n;
                if (l.text.size() < 45 && !is_terminal(l.text)) ++shortish;
            }
            std::size_t columns = 0;
            for (std::size_t k = b.first_line; k <= b.last_line && k < lines_.size(); ++k)
                if (lines_[k].kind == LineKind::Content && cells(lines_[k]).size() >= 3) ++columns;
            if ((n >= 5 && shortish * 4 >= n * 3) || (n >= 2 && columns * 2 >= n) || (columns >= 3 && columns * 3 >= n) ||
                (n == 1 && columns == 1)) {
                b.kind = BlockKind::Table;
                continue;
            }
            std::string_view t = b.mt.text;
            std::size_t words = static_cast<std::size_t>(std::count(t.begin(), t.end(), ' ')) + 1;
            if (!is_terminal(t) && words <= 16 && is_upper_start(t) && b.marks.empty()) b.kind = BlockKind::Heading;
        }
    }

    // ---- tree ----
    Para to_para(Block& b, const std::string& section) {
        Para p;
        p.kind = b.label.kind;
        p.num = b.label.num;
        if (b.label.kind != LabelKind::None) {
            p.label = std::string(src_.text().substr(b.label_span.begin, b.label_span.end - b.label_span.begin));
            p.label_span = b.label_span;
        }
        p.text = b.mt.text;
        p.map = b.mt.map;
        p.marks = b.marks;
        p.italics = b.italics;
        p.span = {b.begin, b.end};
        p.line = b.line;
        p.section = section;
        // A mark after a space sits before the space.
        for (auto& m : p.marks)
            while (m.pos > 0 && m.pos <= p.text.size() && p.text[m.pos - 1] == ' ') --m.pos;
        return p;
    }

    struct OpenList {
        LabelKind kind;  // Letter, Roman, LetterDot, RomanDot; None while only unlabelled items are in it
        std::string last;
        std::vector<Para>* items;
        int count = 0;
    };

    /// At most this many lists are open at once: each label is compared with every open list, so
    /// hostile input that opens a level per label ((a), (i), (a), (i) ...) would take quadratic
    /// time.  Past it, a label joins the innermost list; parse() reports the depth (UNR903).
    static constexpr std::size_t kMaxOpenLists = 64;

    static std::string next_roman(std::string_view r) {
        static const char* romans[] = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
                                       "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxvi", "xxvii",
                                       "xxviii", "xxix", "xxx", "xxxi", "xxxii", "xxxiii", "xxxiv", "xxxv", "xxxvi", "xxxvii",
                                       "xxxviii", "xxxix", "xl"};
        int v = roman_value(r);
        if (v >= 1 && v < 40) return romans[v];
        return {};
    }

    static std::string successor(LabelKind k, std::string_view last) {
        if (k == LabelKind::Letter || k == LabelKind::LetterDot) return next_letter(last);
        return next_roman(last);
    }

    static bool can_be_letter(const Label& l) {
        if (l.kind == LabelKind::Letter || l.kind == LabelKind::LetterDot) return true;
        if (!l.ambiguous) {
            // doubled letters like (ii), (xx) are letters too ("(ii)" after "(hh)")
            return std::all_of(l.num.begin(), l.num.end(), [&](char c) { return c == l.num[0]; });
        }
        return true;
    }
    static bool can_be_roman(const Label& l) {
        return (l.kind == LabelKind::Roman || l.kind == LabelKind::RomanDot) && is_roman(l.num);
    }

    /// Places a sub-paragraph into the open lists of the current operative paragraph.
    /// Position of a label in its sequence: a=1 … z=26, aa=27; roman by value.
    static int ordinal(LabelKind k, std::string_view num) {
        if (num.empty()) return 0;
        if (k == LabelKind::Roman || k == LabelKind::RomanDot) return roman_value(num);
        return static_cast<int>(num.size() - 1) * 26 + (num[0] - 'a' + 1);
    }

    /// An item whose label was lost (markdown converters drop "(a)"): a child of the last item
    /// when that one introduces a list (":"), else the next sibling in the innermost list.
    void place_unlabelled(Para& top, std::vector<OpenList>& open, Para&& child) {
        std::vector<Para>* parent = &top.children;
        if (!open.empty()) {
            auto& items = *open.back().items;
            if (!items.empty() && ends_with(items.back().text, ":") && items.back().children.empty() &&
                open.size() < kMaxOpenLists) {
                parent = &items.back().children;
            } else {
                OpenList& o = open.back();
                if (o.kind != LabelKind::None) o.last = successor(o.kind, o.last);
                ++o.count;
                o.items->push_back(std::move(child));
                return;
            }
        }
        parent->push_back(std::move(child));
        open.push_back({LabelKind::None, "", parent, 1});
    }

    void place_child(Para& top, std::vector<OpenList>& open, Para&& child, const Label& lab) {
        bool paren = lab.kind == LabelKind::Letter || lab.kind == LabelKind::Roman;
        LabelKind letter_kind = paren ? LabelKind::Letter : LabelKind::LetterDot;
        LabelKind roman_kind = paren ? LabelKind::Roman : LabelKind::RomanDot;
        // 0. a list of items whose labels were lost: this label tells its kind by position
        for (std::size_t d = open.size(); d-- > 0;) {
            OpenList& o = open[d];
            if (o.kind != LabelKind::None) continue;
            LabelKind k = LabelKind::None;
            if (can_be_roman(lab) && ordinal(roman_kind, lab.num) == o.count + 1) k = roman_kind;
            else if (can_be_letter(lab) && ordinal(letter_kind, lab.num) == o.count + 1) k = letter_kind;
            if (k == LabelKind::None) continue;
            open.resize(d + 1);
            o.kind = k;
            o.last = lab.num;
            ++o.count;
            child.kind = k;
            o.items->push_back(std::move(child));
            return;
        }
        // 1. continue an open list whose successor is this label (innermost first)
        for (std::size_t d = open.size(); d-- > 0;) {
            OpenList& o = open[d];
            bool kind_ok = (o.kind == letter_kind && can_be_letter(lab)) || (o.kind == roman_kind && can_be_roman(lab));
            if (kind_ok && successor(o.kind, o.last) == lab.num) {
                open.resize(d + 1);
                child.kind = o.kind;
                o.last = lab.num;
                ++o.count;
                o.items->push_back(std::move(child));
                return;
            }
        }
        // 2. after a sub-heading ("B. Scale up climate action"), "(a)" restarts the open list of
        //    its kind rather than opening a list under the last item
        if (!child.heading.empty() && lab.num == "a") {
            for (std::size_t d = 0; d < open.size(); ++d) {
                OpenList& o = open[d];
                if (o.kind != letter_kind) continue;
                open.resize(d + 1);
                child.kind = o.kind;
                o.last = lab.num;
                ++o.count;
                o.items->push_back(std::move(child));
                return;
            }
        }
        // 3. a first label opens a new list under the deepest open item
        bool first_letter = lab.num == "a" && can_be_letter(lab);
        bool first_roman = lab.num == "i" && can_be_roman(lab);
        if ((first_letter || first_roman) && open.size() < kMaxOpenLists) {
            // (i) right after (h) was handled above; here (i) is roman when a letter item is open
            LabelKind k = first_roman && !(first_letter) ? roman_kind : letter_kind;
            if (first_roman && first_letter) k = roman_kind;  // cannot happen ("a" is not roman)
            if (first_roman) {
                bool letter_open = !open.empty() && open.back().kind == letter_kind;
                bool nothing_open = open.empty();
                k = (letter_open || nothing_open || open.back().kind != roman_kind) ? roman_kind : letter_kind;
            }
            std::vector<Para>* parent = &top.children;
            if (!open.empty()) {
                auto& items = *open.back().items;
                if (!items.empty()) parent = &items.back().children;
            }
            if (open.empty() || !parent->empty() || parent != &top.children) {
            }
            child.kind = k;
            parent->push_back(std::move(child));
            open.push_back({k, lab.num, parent, 1});
            return;
        }
        // 3. out of sequence: attach to the innermost open list of a compatible kind (the
        //    validator reports the gap / duplicate / order problem)
        for (std::size_t d = open.size(); d-- > 0;) {
            OpenList& o = open[d];
            bool kind_ok = (o.kind == letter_kind && can_be_letter(lab)) || (o.kind == roman_kind && can_be_roman(lab));
            if (kind_ok) {
                // prefer roman for ambiguous labels only when the list is roman
                open.resize(d + 1);
                child.kind = o.kind;
                o.last = lab.num;
                ++o.count;
                o.items->push_back(std::move(child));
                return;
            }
        }
        // 4. nothing open: a new list directly under the paragraph
        LabelKind k = can_be_letter(lab) && !(lab.kind == LabelKind::Roman && !lab.ambiguous) ? letter_kind : roman_kind;
        if (lab.kind == LabelKind::Roman && lab.num.size() > 1 && !can_be_letter(lab)) k = roman_kind;
        child.kind = k;
        if (open.size() >= kMaxOpenLists) {
            open.back().items->push_back(std::move(child));
            return;
        }
        std::vector<Para>* parent = &top.children;
        if (!open.empty() && !open.back().items->empty()) parent = &open.back().items->back().children;
        parent->push_back(std::move(child));
        open.push_back({k, lab.num, parent, 1});
    }

    /// Joins paragraph `q` to the end of `p` (one space between), keeping marks, italics and map.
    static void append_para(Para& p, Para&& q) {
        if (!q.heading.empty()) {
            q.text = q.heading + " " + q.text;  // headings inside the joined text keep their words
            for (auto& m : q.marks) m.pos += q.heading.size() + 1;
            for (auto& r : q.italics) r.begin += q.heading.size() + 1, r.end += q.heading.size() + 1;
            for (auto& e : q.map) e.text_pos += q.heading.size() + 1;
        }
        std::size_t base = p.text.size() + 1;
        p.text += " " + q.text;
        for (auto m : q.marks) m.pos += base, p.marks.push_back(m);
        for (auto r : q.italics) p.italics.push_back({r.begin + base, r.end + base});
        for (auto e : q.map) p.map.push_back({e.text_pos + base, e.src});
        for (auto& o : q.orphan_notes) p.orphan_notes.push_back(o);
        for (auto& c : q.children) p.children.push_back(std::move(c));
        p.span.end = std::max(p.span.end, q.span.end);
    }

    /// "1. Decides ...;" / "Expresses ... [its '2.' lost by a converter]" / end or "3.": the
    /// unnumbered operative paragraph between takes the missing number (Para::num_inferred).
    static void infer_lost_numbers(std::vector<Para>& ops) {
        auto number = [](const Para& p) -> long {
            if (p.kind != LabelKind::Number || p.num.empty() || p.num.size() > 6 || !all_digits(p.num)) return -1;
            return std::stol(p.num);
        };
        for (std::size_t i = 1; i < ops.size(); ++i) {
            Para& p = ops[i];
            if (p.kind != LabelKind::None || !is_operative_lead(p.text)) continue;
            long before = number(ops[i - 1]);
            if (before < 0) continue;
            long after = -2;  // -2: no numbered paragraph follows
            for (std::size_t j = i + 1; j < ops.size(); ++j) {
                if (ops[j].kind == LabelKind::None) { after = -1; break; }  // several lost: leave them
                after = number(ops[j]);
                break;
            }
            if (after == -1 || (after != -2 && after != before + 2)) continue;
            p.kind = LabelKind::Number;
            p.num = std::to_string(before + 1);
            p.num_inferred = true;
        }
    }

    struct Target {
        std::vector<Para>* preamble;
        std::vector<Para>* operative;
        std::vector<Section>* sections;
    };

    void build_tree() {
        // Where does the operative part begin?
        std::size_t first_num = SIZE_MAX;
        for (std::size_t b = 0; b < blocks_.size(); ++b) {
            if (blocks_[b].kind == BlockKind::Annex || blocks_[b].kind == BlockKind::Closing) break;
            if (blocks_[b].kind == BlockKind::Para && blocks_[b].label.kind == LabelKind::Number) {
                first_num = b;
                break;
            }
        }
        bool amendment = doc_.kind == DocKind::Amendment;
        Target main{&doc_.preamble, &doc_.operative, &doc_.sections};
        Target tgt = main;
        std::string section;
        bool in_operative = false;
        bool in_annex = false;
        bool after_closing = false;
        bool section_preamble = false;
        std::vector<Span> after_closing_text;
        std::vector<OpenList> open;
        std::string pending_heading;
        Para* top = nullptr;
        auto unnumbered_operative = [&](const Block& b) {
            std::string_view t = b.mt.text;
            char c = last_meaningful(t);
            // "Adopts the following political declaration ...:" opens the operative part even
            // when the adopted text's own numbered paragraphs follow inline.
            if (first_num != SIZE_MAX) return b.label.kind == LabelKind::None && c == ':' && is_operative_lead(t);
            return (c == '.' || c == ':' || c == ';') && (is_operative_lead(t) || !is_preamble_lead(t));
        };
        for (std::size_t i = 0; i < blocks_.size(); ++i) {
            Block& b = blocks_[i];
            switch (b.kind) {
                case BlockKind::Section: {
                    // "I. Productive populations" followed by "(a) ..." inside an open list (the
                    // annex's "commit to the following actions:"): a heading within the list.
                    if (top) {
                        std::size_t j = i + 1;
                        if (j < blocks_.size() && blocks_[j].kind == BlockKind::Heading && b.heading.empty()) ++j;
                        if (j < blocks_.size() && blocks_[j].kind == BlockKind::Para && blocks_[j].label.kind != LabelKind::None &&
                            blocks_[j].label.kind != LabelKind::Number) {
                            std::string h = b.label.num + ". " + (b.heading.empty() && j == i + 2 ? blocks_[i + 1].mt.text : b.heading);
                            if (!pending_heading.empty()) pending_heading += " ";
                            pending_heading += h;
                            i = j - 1;
                            continue;
                        }
                    }
                    Section s;
                    s.num = b.label.num;
                    s.heading = b.heading;
                    s.line = b.line;
                    s.span = {b.begin, b.end};
                    if (s.heading.empty() && i + 1 < blocks_.size() && blocks_[i + 1].kind == BlockKind::Heading) {
                        s.heading = blocks_[i + 1].mt.text;
                        s.span.end = blocks_[i + 1].end;
                        blocks_[i + 1].kind = BlockKind::Closing;  // consumed (skipped below)
                        blocks_[i + 1].mt.text.clear();
                        ++i;
                    }
                    section = s.num;
                    section_preamble = true;
                    tgt.sections->push_back(std::move(s));
                    open.clear();
                    top = nullptr;
                    continue;
                }
                case BlockKind::Annex: {
                    Annex a;
                    a.num = b.label.num;
                    a.title = b.heading;
                    a.line = b.line;
                    a.span = {b.begin, b.end};
                    if (a.title.empty() && i + 1 < blocks_.size() && blocks_[i + 1].kind == BlockKind::Heading) {
                        a.title = blocks_[i + 1].mt.text;
                        ++i;
                    }
                    doc_.annexes.push_back(std::move(a));
                    Annex& ar = doc_.annexes.back();
                    tgt = Target{&ar.preamble, &ar.operative, &ar.sections};
                    section.clear();
                    in_annex = true;
                    in_operative = true;
                    open.clear();
                    top = nullptr;
                    continue;
                }
                case BlockKind::Closing: {
                    if (b.mt.text.empty()) continue;  // consumed heading
                    if (!in_annex && doc_.closing.meeting.empty()) {
                        std::string t = b.mt.text;
                        std::size_t len = 0;
                        std::size_t p = find_date(t, len);
                        doc_.closing.meeting = p == std::string::npos ? t : t.substr(0, p);
                        while (!doc_.closing.meeting.empty() && doc_.closing.meeting.back() == ' ') doc_.closing.meeting.pop_back();
                        if (p != std::string::npos) doc_.closing.date = parse_date(t.substr(p, len));
                        doc_.closing.line = b.line;
                        doc_.closing.span = {b.begin, b.end};
                        after_closing = true;
                        open.clear();
                        top = nullptr;
                    }
                    continue;
                }
                case BlockKind::Heading: {
                    if (!pending_heading.empty()) pending_heading += " ";
                    pending_heading += b.mt.text;
                    if (after_closing && !in_annex) {
                        doc_.unclassified.push_back({b.mt.text, b.line, {b.begin, b.end}});
                        after_closing_text.push_back({b.begin, b.end});
                        pending_heading.clear();
                    }
                    continue;
                }
                case BlockKind::Table: {
                    doc_.unclassified.push_back({b.mt.text, b.line, {b.begin, b.end}});
                    Diagnostic d;
                    d.rule = "UNR005";
                    d.severity = Severity::Note;
                    d.span = {b.begin, b.end};
                    d.message = "a table: kept as unstructured text";
                    doc_.diagnostics.push_back(d);
                    continue;
                }
                case BlockKind::Para:
                    break;
            }
            if (after_closing && !in_annex) {
                doc_.unclassified.push_back({b.mt.text, b.line, {b.begin, b.end}});
                after_closing_text.push_back({b.begin, b.end});
                continue;
            }
            Para p = to_para(b, section);
            if (!pending_heading.empty()) {
                p.heading = pending_heading;
                pending_heading.clear();
            }
            if (amendment && !in_annex) {
                doc_.instructions.push_back(std::move(p));
                continue;
            }
            const Label& lab = b.label;
            if (!in_operative && !in_annex) {
                if ((first_num != SIZE_MAX && i >= first_num) || unnumbered_operative(b)) in_operative = true;
            }
            // A section opens with its own preambular paragraphs (Fifth Committee style):
            // unnumbered paragraphs with a preamble lead that end with a comma.
            if (section_preamble && lab.kind == LabelKind::None && last_meaningful(p.text) == ',') {
                tgt.preamble->push_back(std::move(p));
                continue;
            }
            if (lab.kind != LabelKind::None) section_preamble = false;
            // A preambular paragraph (lead phrase, final comma) among operative paragraphs: kept in
            // the preamble; the validator reports it out of place (UNR003).
            if (in_operative && !in_annex && lab.kind == LabelKind::None && is_preamble_lead(p.text) &&
                last_meaningful(p.text) == ',' && !is_operative_lead(p.text) && (open.empty() && (!top || !ends_with(top->text, ":")))) {
                tgt.preamble->push_back(std::move(p));
                continue;
            }
            if (!in_operative) {
                if (lab.kind == LabelKind::None || !top) {
                    if (lab.kind != LabelKind::None && lab.kind != LabelKind::Number) {
                        // a lettered item inside a preambular paragraph: keep it as its child
                        if (!tgt.preamble->empty()) {
                            tgt.preamble->back().children.push_back(std::move(p));
                            continue;
                        }
                    }
                    tgt.preamble->push_back(std::move(p));
                }
                continue;
            }
            if (lab.kind == LabelKind::Number && top && top->kind == LabelKind::Number && all_digits(top->num) &&
                top->num.size() < 6) {
                // "7. To achieve our goal, we will pursue the following objectives:" then
                // "1." ... "5.", then "8.": a numbered list inside paragraph 7.
                long tv = std::stol(top->num);
                bool next_top = lab.num == std::to_string(tv + 1);
                bool nested_next = !top->children.empty() && top->children.back().kind == LabelKind::Number &&
                                   all_digits(top->children.back().num) && top->children.back().num.size() < 6 &&
                                   lab.num == std::to_string(std::stol(top->children.back().num) + 1);
                bool nested_first = lab.num == "1" && tv >= 1 && top->children.empty() && ends_with(top->text, ":");
                if (!next_top && (nested_first || nested_next)) {
                    p.kind = LabelKind::Number;
                    top->children.push_back(std::move(p));
                    open.clear();
                    continue;
                }
            }
            if (lab.kind == LabelKind::Number || lab.kind == LabelKind::None) {
                if (lab.kind == LabelKind::None && top && p.heading.empty()) {
                    // A sentence of the last item that began on a new line ("... well-being." /
                    // "We also take note ..."): the next label continues the same sequence, so
                    // nothing new started here.
                    Para* last = open.empty() ? top : (open.back().items->empty() ? nullptr : &open.back().items->back());
                    const Block* next = nullptr;
                    for (std::size_t j = i + 1; j < blocks_.size(); ++j) {
                        if (blocks_[j].kind == BlockKind::Table) continue;
                        if (blocks_[j].kind == BlockKind::Para && blocks_[j].label.kind == LabelKind::None && j < i + 4) continue;
                        if (blocks_[j].kind == BlockKind::Para && blocks_[j].label.kind != LabelKind::None) next = &blocks_[j];
                        break;
                    }
                    bool continues = false;
                    if (last && next && !ends_with(last->text, ":") && char(last_meaningful(last->text)) != ';') {
                        if (open.empty()) {
                            continues = next->label.kind == LabelKind::Number && top->kind == LabelKind::Number && all_digits(top->num) &&
                                        top->num.size() < 6 && next->label.num == std::to_string(std::stol(top->num) + 1);
                        } else {
                            const OpenList& o = open.back();
                            continues = o.kind != LabelKind::None && next->label.kind != LabelKind::Number &&
                                        successor(o.kind, o.last) == next->label.num;
                        }
                    }
                    if (continues) {
                        append_para(*last, std::move(p));
                        continue;
                    }
                }
                if (lab.kind == LabelKind::None && top && !tgt.operative->empty() && top->kind == LabelKind::None &&
                    ends_with(top->text, ":") && first_num != SIZE_MAX && i < first_num) {
                    // The opening of a text adopted inline ("We, Heads of State ...,") before its
                    // numbered paragraphs: part of the unnumbered "Adopts ...:" paragraph.
                    append_para(*top, std::move(p));
                    continue;
                }
                if (lab.kind == LabelKind::None && top && !tgt.operative->empty()) {
                    // An unlabelled paragraph after a list-introducing paragraph: an item whose
                    // label was lost.  Otherwise a new unnumbered paragraph.
                    Para& last = tgt.operative->back();
                    bool list_open = !open.empty() || ends_with(last.text, ":");
                    // Numbered paragraphs follow: everything up to the next number belongs to the
                    // paragraph that opened the list, whatever its first word.
                    bool numbered_follow = false;
                    for (std::size_t j = i + 1; j < blocks_.size() && !numbered_follow; ++j) {
                        if (blocks_[j].kind == BlockKind::Annex || blocks_[j].kind == BlockKind::Section) break;
                        if (blocks_[j].kind == BlockKind::Closing && !blocks_[j].mt.text.empty()) break;
                        numbered_follow = blocks_[j].kind == BlockKind::Para && blocks_[j].label.kind == LabelKind::Number;
                    }
                    if (list_open && !starts_with(p.text, "We ") && !starts_with(p.text, "We,") &&
                        (numbered_follow || !is_operative_lead(p.text))) {
                        place_unlabelled(last, open, std::move(p));
                        continue;
                    }
                }
                tgt.operative->push_back(std::move(p));
                top = &tgt.operative->back();
                open.clear();
                continue;
            }
            if (!top) {
                // a lettered paragraph before any numbered one (e.g. a draft decision (a)-(d))
                tgt.operative->push_back(std::move(p));
                continue;
            }
            place_child(*top, open, std::move(p), lab);
        }
        infer_lost_numbers(doc_.operative);
        // A resolution with no numbered paragraphs whose preamble ends in "." : the last
        // paragraph is its single operative paragraph.
        if (!amendment && doc_.operative.empty() && !doc_.preamble.empty()) {
            const Para& last = doc_.preamble.back();
            char c = last_meaningful(last.text);
            if (c == '.' || c == ':') {
                doc_.operative.push_back(std::move(doc_.preamble.back()));
                doc_.preamble.pop_back();
            }
        }
        for (const auto& span : after_closing_text) {
            Diagnostic d;
            d.rule = "UNR001";
            d.severity = Severity::Warning;
            d.span = span;
            d.message = "text after the closing formula that is not an annex: kept as unclassified";
            doc_.diagnostics.push_back(d);
        }
    }

    // ---- footnote marks ----
    struct Candidate {
        Para* para;
        std::size_t b, e;  // digits in text
        int value;
        int weight;
        int page;
        bool explicit_mark;
        std::size_t mark_index;
    };

    static int page_at(const std::vector<std::pair<std::size_t, int>>& pages, std::size_t pos) {
        int pg = pages.empty() ? 0 : pages.front().second;
        for (const auto& [tp, p] : pages) {
            if (tp <= pos) pg = p;
            else break;
        }
        return pg;
    }

    void for_each_para(const std::function<void(Para&)>& f) {
        std::function<void(Para&)> rec = [&](Para& p) {
            f(p);
            for (auto& c : p.children) rec(c);
        };
        for (auto& p : doc_.preamble) rec(p);
        for (auto& p : doc_.operative) rec(p);
        for (auto& p : doc_.instructions) rec(p);
        for (auto& a : doc_.annexes) {
            for (auto& p : a.preamble) rec(p);
            for (auto& p : a.operative) rec(p);
        }
    }

    int para_page(const Para& p, std::size_t pos) const {
        // the page of the source line holding text position pos
        std::uint32_t off = p.source_offset(pos);
        std::uint32_t line = src_.location(off).line;
        if (line >= 1 && line <= lines_.size()) return lines_[line - 1].page;
        return 0;
    }

    void find_candidates(Para& p, std::vector<Candidate>& out, const std::set<int>& wanted) {
        const std::string& t = p.text;
        std::size_t i = 0;
        while (i < t.size()) {
            if (!is_digit(t[i])) {
                ++i;
                continue;
            }
            std::size_t b = i;
            while (i < t.size() && is_digit(t[i])) ++i;
            std::size_t e = i;
            char before = b > 0 ? t[b - 1] : ' ';
            char after = e < t.size() ? t[e] : ' ';
            // the token must end here (space, end, or closing punctuation that follows a mark)
            if (!(after == ' ' || e == t.size() || after == ',' || after == ';' || after == '.' || after == ')')) continue;
            if (after == '.' && e + 1 < t.size() && is_digit(t[e + 1])) continue;
            if (before == '/' || before == '-' || before == '.' || before == '(' || before == ':') continue;
            std::size_t len = e - b;
            auto try_add = [&](std::size_t db, int weight) {
                std::string digits = t.substr(db, e - db);
                if (digits.empty() || digits.size() > 3 || digits[0] == '0') return;
                int v = std::stoi(digits);
                if (!wanted.count(v)) return;
                out.push_back({&p, db, e, v, weight, para_page(p, db), false, 0});
            };
            if (before == ' ' && b >= 2) {
                // detached: "Rights, 8 the", "Disabilities 6 and", "2023, 5"
                std::size_t pe = b - 1;
                std::size_t ps = t.rfind(' ', pe - 1);
                ps = ps == std::string::npos ? 0 : ps + 1;
                std::string_view prev(t.data() + ps, pe - ps);
                std::string_view next = first_word(std::string_view(t).substr(e));
                std::string_view prev_bare = prev;
                while (!prev_bare.empty() && std::ispunct(static_cast<unsigned char>(prev_bare.back())) && prev_bare.back() != '.') prev_bare.remove_suffix(1);
                bool prev_punct = !prev.empty() && (prev.back() == ',' || prev.back() == ';' || prev.back() == ':' || prev.back() == '.' ||
                                                    prev.back() == ')' || ends_with(prev, "\xE2\x80\x9D") || prev.back() == '"');
                bool prev_word = !prev.empty() && (std::isalpha(static_cast<unsigned char>(prev.back())) || prev_punct);
                bool prev_number = !prev_bare.empty() && std::all_of(prev_bare.begin(), prev_bare.end(), [](char c) { return is_digit(c) || c == '/' || c == ','; }) && !prev_punct;
                bool bad_prev = is_number_context_word(prev) || is_month(prev) || prev_number || (!prev_punct && is_lower_start(prev) && prev.size() <= 3);
                bool bad_next = is_month(next) || next == "per" || next == "percent" || next == "million" || next == "billion" ||
                                next == "years" || next == "days" || next == "months" ||
                                next == "%" || next == "States" || next == "countries" || next == "Member" || next == "members" ||
                                next == "weeks" || next == "hours" || next == "times";
                if (!bad_next && !next.empty() && is_digit(next[0])) bad_next = true;
                if (prev_word && !bad_prev && !bad_next) try_add(b, prev_punct ? 3 : 2);
            } else if (before != ' ' && b > 0) {
                // glued: "Nations1", "peace,1", "Punishment,9", "20242" (year 2024 + mark 2)
                std::size_t ws = t.rfind(' ', b);
                ws = ws == std::string::npos ? 0 : ws + 1;
                std::string_view tok(t.data() + ws, e - ws);
                if (std::isalpha(static_cast<unsigned char>(before)) || before == ',' || before == ';' || before == ')' || before == '"' ||
                    (static_cast<unsigned char>(before) >= 0x80)) {
                    if (len <= 3 && tok.size() > len + 1) try_add(b, 2);
                } else if (is_digit(before)) {
                }
            } else if (b > 0 && is_digit(before)) {
            }
            // year + mark: a 5–7 digit token starting with 19xx/20xx
            if (len >= 5 && len <= 7 && (starts_with(std::string_view(t).substr(b), "19") || starts_with(std::string_view(t).substr(b), "20")) &&
                (before == ' ' || b == 0)) {
                std::string_view next = first_word(std::string_view(t).substr(e));
                (void)next;
                try_add(b + 4, 2);
            }
        }
    }

    void resolve_marks() {
        // Explicit marks: from markup.  Inferred: bare digits consistent with the sequence.
        std::set<std::string> explicit_nums;
        for_each_para([&](Para& p) {
            for (auto& m : p.marks) explicit_nums.insert(m.num);
        });
        // Footnotes whose marks are missing: look for bare digits on their page.
        std::map<int, std::size_t> by_value;  // numeric footnotes not referenced explicitly
        for (std::size_t f = 0; f < doc_.footnotes.size(); ++f) {
            const auto& fn = doc_.footnotes[f];
            if (all_digits(fn.num) && fn.num.size() <= 3 && !explicit_nums.count(fn.num)) by_value[std::stoi(fn.num)] = f;
        }
        if (!by_value.empty()) {
            std::set<int> wanted;
            for (auto& [v, f] : by_value) wanted.insert(v);
            std::vector<Candidate> cands;
            for_each_para([&](Para& p) {
                std::size_t first = cands.size();
                // explicit marks participate as fixed points
                for (std::size_t mi = 0; mi < p.marks.size(); ++mi) {
                    const Mark& m = p.marks[mi];
                    if (!all_digits(m.num) || m.num.size() > 3) continue;
                    cands.push_back({&p, m.pos, m.pos, std::stoi(m.num), 1000, para_page(p, m.pos), true, mi});
                }
                find_candidates(p, cands, wanted);
                std::stable_sort(cands.begin() + static_cast<std::ptrdiff_t>(first), cands.end(),
                                 [](const Candidate& a, const Candidate& b) { return a.b < b.b; });
            });
            // keep only candidates on a page where their footnote may be marked
            std::vector<Candidate> ok;
            for (auto& c : cands) {
                if (c.explicit_mark) {
                    ok.push_back(c);
                    continue;
                }
                auto it = by_value.find(c.value);
                if (it == by_value.end()) continue;
                std::size_t f = it->second;
                int lo = note_region_lo_.size() > f ? note_region_lo_[f] : 0;
                int hi = note_page_.size() > f ? note_page_[f] : 0;
                if (c.page >= lo && c.page <= hi) ok.push_back(c);
            }
            // Document order (paragraphs are visited preamble first, so sort by source position:
            // section preambles sit between operative paragraphs).
            std::stable_sort(ok.begin(), ok.end(), [](const Candidate& a, const Candidate& b) {
                return a.para->source_offset(a.b) < b.para->source_offset(b.b);
            });
            // Max-weight chain with strictly increasing values.
            std::size_t n = ok.size();
            std::vector<long> best(n, 0);
            std::vector<std::ptrdiff_t> from(n, -1);
            for (std::size_t i = 0; i < n; ++i) {
                best[i] = ok[i].weight;
                for (std::size_t j = 0; j < i; ++j) {
                    if (ok[j].value < ok[i].value && best[j] + ok[i].weight > best[i]) {
                        best[i] = best[j] + ok[i].weight;
                        from[i] = static_cast<std::ptrdiff_t>(j);
                    }
                }
            }
            std::ptrdiff_t at = -1;
            long top = 0;
            for (std::size_t i = 0; i < n; ++i)
                if (best[i] > top) top = best[i], at = static_cast<std::ptrdiff_t>(i);
            std::vector<Candidate> chosen;
            while (at >= 0) {
                if (!ok[static_cast<std::size_t>(at)].explicit_mark) chosen.push_back(ok[static_cast<std::size_t>(at)]);
                at = from[static_cast<std::size_t>(at)];
            }
            // Apply from the end of each paragraph so positions stay valid.
            std::sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) {
                return a.para != b.para ? a.para < b.para : a.b > b.b;
            });
            for (auto& c : chosen) {
                Para& p = *c.para;
                Mark m;
                m.num = std::to_string(c.value);
                m.inferred = true;
                std::uint32_t sb = p.source_offset(c.b);
                m.span = {sb, sb + static_cast<std::uint32_t>(c.e - c.b)};
                // remove the digits and a space before them ("Rights, 8 the" → "Rights, the")
                std::size_t cut_b = c.b, cut_e = c.e;
                if (cut_b > 0 && p.text[cut_b - 1] == ' ' && (cut_e == p.text.size() || p.text[cut_e] == ' ')) --cut_b;
                else if (cut_b > 0 && p.text[cut_b - 1] == ' ' && cut_e < p.text.size() && std::ispunct(static_cast<unsigned char>(p.text[cut_e]))) --cut_b;
                m.pos = cut_b;
                erase_text(p.text, p.map, p.marks, p.italics, cut_b, cut_e);
                p.marks.push_back(m);
            }
            for_each_para([&](Para& p) {
                std::stable_sort(p.marks.begin(), p.marks.end(), [](const Mark& a, const Mark& b) { return a.pos < b.pos; });
                while (!p.text.empty() && p.text.back() == ' ') p.text.pop_back();
            });
        }
        // References and orphans.
        std::map<std::string, std::size_t> index;
        for (std::size_t f = 0; f < doc_.footnotes.size(); ++f) index.emplace(doc_.footnotes[f].num, f);
        std::vector<std::pair<std::uint32_t, std::pair<std::string, Span>>> refs;
        for_each_para([&](Para& p) {
            for (const auto& m : p.marks) refs.push_back({m.span.begin, {m.num, m.span}});
        });
        std::sort(refs.begin(), refs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& r : refs) {
            auto it = index.find(r.second.first);
            if (it != index.end()) doc_.footnotes[it->second].refs.push_back(r.second.second);
        }
        // asterisk notes belong to the sponsor line / title: no paragraph mark expected
        for (std::size_t f = 0; f < doc_.footnotes.size(); ++f) {
            auto& fn = doc_.footnotes[f];
            if (!fn.refs.empty() || fn.num == "*" || fn.num.empty()) continue;
            // host: the paragraph holding the last content before the footnote body
            Para* host = nullptr;
            std::uint32_t body = fn.span.begin;
            for_each_para([&](Para& p) {
                if (p.span.begin < body) host = &p;
            });
            if (host) host->orphan_notes.push_back(fn.num);
        }
    }
};

}  // namespace

Document read_text(const SourceFile& src, InputFormat format) {
    TextReader r(src, format);
    return r.run();
}

}  // namespace unres::readers
