// The line stage: typed lines → kinds (blank, page furniture, footnote separator, footnote
// body, front matter, content) and pages.
//
// Input: the lines a producer made (lines/text.cpp, readers/docx.cpp), in reading order.
// Guarantees: every line has its kind; footnote lines carry note_num on their first line;
// page numbers grow at form feeds and at furniture that ends a footnote block.  Also the small
// text predicates the reader stages share (capitals, document symbols, dates).
#include "readers/lines.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "utf8.hpp"
#include "words.hpp"

namespace unres::readers {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c); });
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

namespace {

/// A markdown file that opens with "---" ... "---" (within 60 lines): its front matter.
void mark_front_matter(std::vector<Line>& lines) {
    std::size_t first = 0;
    while (first < lines.size() && lines[first].text.empty()) ++first;
    if (first >= lines.size() || lines[first].text != "---") return;
    for (std::size_t k = first + 1; k < lines.size() && k < first + 60; ++k) {
        if (lines[k].text == "---") {
            for (std::size_t m = first; m <= k; ++m) lines[m].kind = LineKind::FrontMatter;
            return;
        }
    }
}

/// pdftotext may glue the footnote separator to the last text line of the page: cuts it off
/// the line; true when there was one.
bool cut_glued_separator(Line& l) {
    std::string_view t = l.text;
    if (!(t.size() > 12 && t.substr(t.size() - 10) == "__________")) return false;
    std::size_t cut = t.size();
    while (cut > 0 && (l.text[cut - 1] == '_' || l.text[cut - 1] == ' ')) --cut;
    l.text.resize(cut);
    return true;
}

/// Inside a footnote block: does the line's first word (`head`, "12", "*") number a new
/// footnote?  "26 August–4 September 2002 ..." and "3 – 14 June 1992, vol. I" continue one;
/// a new one is numbered at most 30 after the last one seen.
bool numbers_note_in_block(std::string_view t, std::size_t sp, std::string_view head, int last_note) {
    bool stars = !head.empty() && std::all_of(head.begin(), head.end(), [](char c) { return c == '*'; });
    if (!(all_digits(head) && head.size() <= 3)) return stars;
    int n = std::stoi(std::string(head));
    std::string_view next = sp == std::string_view::npos ? std::string_view{} : t.substr(sp + 1);
    std::string_view w = next.substr(0, next.find_first_of(" \xE2,"));
    bool month = words::month_index(w) > 0;
    // a range of days or pages wrapped to the line start
    std::string_view dash = next;
    if (starts_with(dash, "\xE2\x80\x93")) dash.remove_prefix(3);
    else if (starts_with(dash, "-")) dash.remove_prefix(1);
    else dash = {};
    while (!dash.empty() && dash.front() == ' ') dash.remove_prefix(1);
    bool range = !dash.empty() && is_digit(dash.front());
    return !month && !range && n >= 1 && n <= last_note + 30;
}

/// "* Any changes to the list of sponsors ...": an asterisk note, with or without the separator
/// line above it.
bool is_asterisk_note(std::string_view t) {
    return t.size() > 3 && t[0] == '*' && (t[1] == ' ' || (t[1] == '*' && t[2] == ' ')) &&
           is_upper_start(t.substr(t.find(' ') + 1));
}

/// Markdown, after a blank line: "35 Resolution 76/266, annex.", a bare-number footnote line
/// numbered just after the last one seen (by at most 3).  Returns the number or "".
std::string_view bare_note_number(const Line& l, int last_note) {
    std::string_view t = l.text;
    std::size_t sp = t.find(' ');
    std::string_view head = t.substr(0, sp);
    if (sp == std::string_view::npos || !all_digits(head) || head.size() > 3 || l.bullet) return {};
    int n = std::stoi(std::string(head));
    std::string_view rest = t.substr(sp + 1);
    if (n > last_note && n <= last_note + 3 && (is_upper_start(rest) || starts_with(rest, "\xE2\x80\x9C"))) return head;
    return {};
}

/// Walks the lines in order, keeping what the kind of a line depends on: the blank line before,
/// being inside a footnote block, the last footnote number, the page shifts.
struct LineClassifier {
    bool markdown;
    bool form_feeds;             // the producer numbered pages at form feeds
    bool blank = true;
    bool in_notes = false;       // inside a footnote block
    int page_bump = 0;           // extra page increments for markdown / furniture regions
    int last_note = 0;           // last footnote number seen (for bare-number footnote lines)
    bool prev_note = false;
    bool md_note = false;        // inside a markdown "[^N]:" definition
    int raw_page = 0;
    const Line* before = nullptr;  // the line before this one, whatever its kind

    void classify(Line& l) {
        if (l.kind == LineKind::FrontMatter) return;
        if (l.page != raw_page) in_notes = false;  // a form feed ends a footnote block
        raw_page = l.page;
        l.page += page_bump;
        l.blank_before = blank;
        if (l.text.empty()) {
            l.kind = LineKind::Blank;
            blank = true;
            return;
        }
        blank = false;
        if (is_separator(l.text)) {
            l.kind = LineKind::Separator;
            in_notes = true;
            return;
        }
        const bool separator_after = !in_notes && cut_glued_separator(l);
        if (l.text == "---" && markdown) {  // thematic break
            l.kind = LineKind::Furniture;
            return;
        }
        if (is_furniture(l.text)) return furniture(l);
        // Markdown footnote definitions continue on indented lines ("[^2]: Report of ...\n    Countries ...").
        if (markdown && md_note && l.columns() >= 2 && l.note_num.empty()) {
            l.kind = LineKind::Footnote;
            prev_note = true;
            return;
        }
        md_note = false;
        bool strip_num = false;
        if (footnote(l, strip_num)) return take_footnote(l, strip_num);
        // Markdown: content after a footnote block starts a new page region.
        if (prev_note && markdown) {
            ++page_bump;
            l.page += 1;
        }
        prev_note = false;
        l.kind = LineKind::Content;
        if (separator_after) in_notes = true;
    }

    void furniture(Line& l) {
        l.kind = LineKind::Furniture;
        // With form feeds, the page's footer may sit among its footnotes: the block
        // ends at the page break.  Without them, furniture ends the block.
        if (!form_feeds) {
            if (in_notes || prev_note) ++page_bump, l.page += 1;
            in_notes = false;
        }
        prev_note = false;
    }

    /// Whether the line is a footnote body line; sets its note_num when it opens a footnote
    /// (strip_num: the number is still in its text).
    bool footnote(Line& l, bool& strip_num) {
        std::string_view t = l.text;
        bool starts_with_mark = !l.marks.empty() && l.marks.front().pos == 0 && l.text.size() > 0;
        if (!l.note_num.empty()) {
            l.kind = LineKind::Footnote;
            md_note = markdown;
        } else if (starts_with_mark) {  // "<sup>6</sup> Resolution 217 A (III)."
            l.note_num = l.marks.front().num;
            l.marks.mut().erase(l.marks.mut().begin());
            l.kind = LineKind::Footnote;
        } else if (in_notes) {
            l.kind = LineKind::Footnote;
            std::size_t sp = t.find(' ');
            std::string_view head = t.substr(0, sp);
            if (numbers_note_in_block(t, sp, head, last_note) && head.size() <= 3) {
                l.note_num = std::string(head);
                strip_num = true;
                if (sp == std::string_view::npos) l.note_number_only = true;
            }
        } else if (!markdown && is_asterisk_note(t)) {
            l.kind = LineKind::Footnote;
            l.note_num = std::string(t.substr(0, t.find(' ')));
            strip_num = true;
        } else if (!markdown && prev_note && !l.blank_before && before && starts_with(before->note_num.get(), "*") &&
                   !before->text.empty() && std::string_view(".;:").find(before->text.back()) == std::string_view::npos &&
                   !std::isdigit(static_cast<unsigned char>(t[0])) && t[0] != '(') {
            // the wrapped rest of an asterisk note whose line stopped mid-sentence ("... members
            // of the European" / "Union.")
            l.kind = LineKind::Footnote;
        } else if (markdown && l.blank_before) {
            std::string_view n = bare_note_number(l, last_note);
            if (!n.empty()) l.note_num = std::string(n), strip_num = true;
            if (!l.note_num.empty()) l.kind = LineKind::Footnote;
        }
        return l.kind == LineKind::Footnote;
    }

    void take_footnote(Line& l, bool strip_num) {
        if (!l.note_num.empty() && all_digits(l.note_num.get())) last_note = std::max(last_note, std::stoi(l.note_num.get()));
        // Strip the number from the text (it is in note_num).
        if (strip_num) {
            std::size_t cut = l.note_num.size();
            if (cut < l.text.size() && l.text[cut] == ' ') ++cut;
            drop_prefix(l, cut);
        }
        prev_note = true;
    }
};

}  // namespace

void classify_lines(std::vector<Line>& lines, bool markdown) {
    if (markdown) mark_front_matter(lines);
    LineClassifier c{markdown, !lines.empty() && lines.back().page > 0};
    for (Line& l : lines) {
        c.classify(l);
        c.before = &l;
    }
}

}  // namespace unres::readers
