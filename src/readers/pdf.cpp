// The PDF reader: poppler-cpp text boxes → typed text lines (see pdf.hpp for the contract).
// Built into the PDF module (libunres-pdf.so, with pdf_module.cpp), not into the library: the
// library reaches read_with_poppler() through the module's entry point (pdf_load.cpp).
//
// Stages, per page: words (poppler's text boxes with font name and size) → lines (words on one
// baseline; a smaller word whose middle lies within a line's height and that stands above its
// baseline is a superscript of that line) → line text (left to right; a gap wider than 2.5 font
// sizes is a table cell or column gap) → zones (running heads and footers by position and by
// their form or their repetition across pages; the footnote area as the run of smaller lines at
// the foot of the body that holds a line opening with a superscript mark) → indent (x minus the
// page's body margin, in average characters of the body font).
#include "readers/pdf.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "readers/lines.hpp"
#include "utf8.hpp"

namespace unres::readers::pdf {

std::string_view to_string(Zone z) {
    switch (z) {
        case Zone::Header: return "header";
        case Zone::Body: return "body";
        case Zone::Notes: return "notes";
        case Zone::Footer: return "footer";
    }
    return "body";
}


namespace {

bool contains_ci(std::string_view s, std::string_view w) {
    auto it = std::search(s.begin(), s.end(), w.begin(), w.end(),
                          [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); });
    return it != s.end();
}

/// Font name without its subset prefix ("BCDJEE+TimesNewRomanPS-ItalicMT").
std::string_view base_font(std::string_view f) {
    auto plus = f.find('+');
    if (plus != std::string_view::npos && plus <= 7) f.remove_prefix(plus + 1);
    return f;
}

bool font_italic(std::string_view f) {
    f = base_font(f);
    if (contains_ci(f, "italic") || contains_ci(f, "oblique")) return true;
    auto dash = f.rfind('-');
    if (dash != std::string_view::npos) {
        std::string_view style = f.substr(dash + 1);
        return style == "It" || style == "BoldIt" || style == "BdIt" || style == "I" || style == "BI";
    }
    return false;
}

bool font_bold(std::string_view f) {
    f = base_font(f);
    if (contains_ci(f, "bold") || contains_ci(f, "black") || contains_ci(f, "heavy")) return true;
    auto dash = f.rfind('-');
    return dash != std::string_view::npos && (f.substr(dash + 1) == "Bd" || f.substr(dash + 1) == "BdIt" || f.substr(dash + 1) == "B");
}

/// A footnote mark: 1 to 3 digits, or 1 to 3 asterisks.
bool one_mark(std::string_view t) {
    if (t.empty() || t.size() > 3) return false;
    bool digits = std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    bool stars = std::all_of(t.begin(), t.end(), [](char c) { return c == '*'; });
    return (digits && t[0] != '0') || stars;
}

/// One mark or a list of them ("10,11", "3, 4").
bool mark_like(std::string_view t) {
    if (t.size() > 24) return false;
    std::size_t from = 0;
    while (true) {
        std::size_t c = t.find(',', from);
        std::string_view part = t.substr(from, c == std::string_view::npos ? std::string_view::npos : c - from);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        if (!one_mark(part)) return false;
        if (c == std::string_view::npos) return true;
        from = c + 1;
    }
}

/// Clean a box's text: ligatures spelt out, control characters to spaces, spaces trimmed.
std::string clean_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t len = utf8::valid_sequence(s, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        std::string_view cp = s.substr(i, len);
        i += len;
        if (cp.size() == 1 && static_cast<unsigned char>(cp[0]) < 0x20) {
            out += ' ';
            continue;
        }
        if (cp == "\xEF\xAC\x80") out += "ff";
        else if (cp == "\xEF\xAC\x81") out += "fi";
        else if (cp == "\xEF\xAC\x82") out += "fl";
        else if (cp == "\xEF\xAC\x83") out += "ffi";
        else if (cp == "\xEF\xAC\x84") out += "ffl";
        else if (cp == "\xC2\xAD") {  // soft hyphen: keep as a hyphen (line-end hyphenation)
            out += '-';
        } else if (cp == "\xC2\x85" || cp == "\xE2\x80\xA8" || cp == "\xE2\x80\xA9") out += ' ';
        else out.append(cp);
    }
    std::size_t b = out.find_first_not_of(' ');
    if (b == std::string::npos) return {};
    std::size_t e = out.find_last_not_of(' ');
    return out.substr(b, e - b + 1);
}

std::size_t codepoints(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

/// Mode of values rounded to `step`.
double mode_of(const std::vector<double>& v, double step) {
    std::map<long, int> c;
    for (double x : v) ++c[std::lround(x / step)];
    long best = 0;
    int n = -1;
    for (auto [k, m] : c)
        if (m > n) best = k, n = m;
    return static_cast<double>(best) * step;
}

struct PageLines {
    double width = 0, height = 0;
    std::vector<TextLine> lines;
};

/// Groups one page's words into lines (each line's words left to right).  Lines are kept in a
/// map by baseline, so each word looks only at the lines near its height: a page of words
/// scattered everywhere stays O(words log lines).
std::vector<TextLine> group_lines(std::vector<Word> words) {
    std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
        if (a.size != b.size) return a.size > b.size;
        return a.top < b.top;
    });
    struct Building {
        TextLine line;
        double right = 0;
    };
    std::vector<Building> lines;
    std::multimap<double, std::size_t> by_baseline;
    const double max_size = words.empty() ? 0 : words.front().size;  // no line is set larger
    for (auto& w : words) {
        Building* best = nullptr;
        double best_d = 1e9;
        bool best_sup = false;
        const double mid = (w.top + w.bottom) / 2;
        // a line's baseline is within 0.3 of its size of the word's, or (superscript) below the word's middle
        auto lo = by_baseline.lower_bound(std::min(w.baseline, mid) - 0.3 * max_size - 1);
        auto hi = by_baseline.upper_bound(std::max(w.baseline, mid) + 1.2 * max_size + 1);
        int looked = 0;
        for (auto it = lo; it != hi && looked < 64; ++it, ++looked) {
            Building& b = lines[it->second];
            const TextLine& l = b.line;
            const double ls = l.size;
            const double d = std::fabs(w.baseline - l.baseline);
            if (w.size >= 0.85 * ls) {
                if (d <= 0.3 * ls && d < best_d) best = &b, best_d = d, best_sup = false;
            } else if (d <= 0.15 * ls) {
                if (d < best_d) best = &b, best_d = d, best_sup = false;  // smaller text on the same baseline
            } else {
                bool near = w.x0 >= l.x - 2 * ls && w.x0 <= b.right + 3 * ls;
                if (mark_like(w.text) && mid >= l.top && mid <= l.bottom && w.baseline < l.baseline - 0.12 * ls && near) {
                    double dd = std::fabs(mid - (l.top + l.bottom) / 2) + 0.5;  // prefer a same-baseline line
                    if (dd < best_d) best = &b, best_d = dd, best_sup = true;
                }
            }
        }
        if (!best) {
            Building b;
            b.line.size = w.size;
            b.line.top = w.top;
            b.line.bottom = w.bottom;
            b.line.baseline = w.baseline;
            b.line.x = w.x0;
            b.right = w.x1;
            b.line.words.push_back(std::move(w));
            by_baseline.emplace(b.line.baseline, lines.size());
            lines.push_back(std::move(b));
            continue;
        }
        w.superscript = best_sup;
        TextLine& l = best->line;
        if (!best_sup) {
            l.top = std::min(l.top, w.top);
            l.bottom = std::max(l.bottom, w.bottom);
        }
        l.x = std::min(l.x, w.x0);
        best->right = std::max(best->right, w.x1);
        l.words.push_back(std::move(w));
    }
    std::vector<TextLine> out;
    out.reserve(lines.size());
    for (auto& b : lines) {
        std::stable_sort(b.line.words.begin(), b.line.words.end(), [](const Word& x, const Word& y) { return x.x0 < y.x0; });
        out.push_back(std::move(b.line));
    }
    // top to bottom (to the half point), then left to right: a strict weak order even for odd boxes
    std::stable_sort(out.begin(), out.end(), [](const TextLine& a, const TextLine& b) {
        const long ta = std::lround(a.top * 2), tb = std::lround(b.top * 2);
        if (ta != tb) return ta < tb;
        return a.x < b.x;
    });
    return out;
}

void assemble(TextLine& l);

/// A line made of `words` (left to right): its box, size and baseline from its words, the
/// superscripts' boxes left out.
TextLine line_of(std::vector<Word> words, double dx) {
    TextLine l;
    l.column_dx = dx;
    bool first = true, boxed = false;
    for (const Word& w : words) {
        if (first || w.x0 < l.x) l.x = w.x0;
        first = false;
        if (w.superscript) continue;
        if (!boxed || w.size > l.size) l.size = w.size, l.baseline = w.baseline;
        if (!boxed || l.top > w.top) l.top = w.top;
        if (!boxed || l.bottom < w.bottom) l.bottom = w.bottom;
        boxed = true;
    }
    if (l.size == 0 && !words.empty()) {  // superscripts only
        l.size = words.front().size, l.top = words.front().top, l.bottom = words.front().bottom;
        l.baseline = words.front().baseline;
    }
    l.words = std::move(words);
    return l;
}

/// A candidate column gutter over a run of lines: the x interval [lo, hi) that no word of
/// the run covers, the widest one strictly inside the run's text.
struct Gutter {
    double lo = 0, hi = 0;
    double width() const { return hi - lo; }
};

/// The widest interval of `free` (1-pt bins from `x0`) that has ink on both sides.
Gutter widest_free(const std::vector<bool>& free, double x0) {
    Gutter best;
    std::size_t first_ink = free.size(), last_ink = 0;
    for (std::size_t b = 0; b < free.size(); ++b)
        if (!free[b]) first_ink = std::min(first_ink, b), last_ink = b;
    for (std::size_t b = first_ink; b < last_ink && first_ink < free.size();) {
        if (!free[b]) {
            ++b;
            continue;
        }
        std::size_t e = b;
        while (e < last_ink && free[e]) ++e;
        if (static_cast<double>(e - b) > best.width()) best = {x0 + static_cast<double>(b), x0 + static_cast<double>(e)};
        b = e;
    }
    return best;
}

/// Whether the run of `lines` reads as two columns of running text split by `g`: enough
/// lines on each side, side by side on the page, and most lines filling their column (a table
/// of short cells, or a header with a date at the right, does not).
bool two_columns(const std::vector<TextLine>& lines, std::size_t from, std::size_t to, const Gutter& g, double body) {
    if (g.width() < 0.9 * body || g.width() > 4 * body) return false;
    std::vector<double> left_w, right_w;
    double left_x = 1e9, right_x1 = -1e9;
    double l_top = 1e9, l_bot = -1e9, r_top = 1e9, r_bot = -1e9;
    for (std::size_t i = from; i < to; ++i) {
        double lx0 = 1e9, lx1 = -1e9, rx0 = 1e9, rx1 = -1e9;
        for (const Word& w : lines[i].words) {
            if (w.x1 <= g.lo + 0.5) lx0 = std::min(lx0, w.x0), lx1 = std::max(lx1, w.x1);
            else rx0 = std::min(rx0, w.x0), rx1 = std::max(rx1, w.x1);
        }
        if (lx1 > lx0) {
            left_w.push_back(lx1 - lx0), left_x = std::min(left_x, lx0);
            l_top = std::min(l_top, lines[i].top), l_bot = std::max(l_bot, lines[i].bottom);
        }
        if (rx1 > rx0) {
            right_w.push_back(g.hi - rx0 > 2 * body ? 0 : rx1 - g.hi), right_x1 = std::max(right_x1, rx1);
            r_top = std::min(r_top, lines[i].top), r_bot = std::max(r_bot, lines[i].bottom);
        }
    }
    if (left_w.size() < 5 || right_w.size() < 5) return false;
    const double overlap = std::min(l_bot, r_bot) - std::max(l_top, r_top);
    if (overlap < 0.5 * std::min(l_bot - l_top, r_bot - r_top)) return false;
    auto filled = [](std::vector<double> v, double width) {
        if (width <= 0) return false;
        std::size_t full = 0;
        for (double x : v) full += x >= 0.75 * width;
        return full * 2 >= v.size();
    };
    return filled(left_w, g.lo - left_x) && filled(right_w, right_x1 - g.hi);
}

/// The longest run of lines from `from` on that leaves a common gutter at least `min_width`
/// wide; returns its end and the gutter.
std::size_t gutter_run(const std::vector<TextLine>& lines, std::size_t from, double x0, std::size_t bins,
                       double min_width, Gutter& g) {
    std::vector<bool> free(bins, true);
    std::size_t to = from;
    for (; to < lines.size(); ++to) {
        std::vector<bool> next = free;
        for (const Word& w : lines[to].words) {
            auto b = static_cast<std::size_t>(std::clamp(w.x0 - x0, 0.0, static_cast<double>(bins - 1)));
            auto e = static_cast<std::size_t>(std::clamp(std::ceil(w.x1 - x0), 0.0, static_cast<double>(bins)));
            for (; b < e; ++b) next[b] = false;
        }
        Gutter ng = widest_free(next, x0);
        if (to > from && ng.width() < min_width) break;
        free = std::move(next);
        g = ng;
    }
    return to;
}

/// A column's left edge: the leftmost x where two lines or more start (a first-line indent is
/// to its right; one stray line to its left does not move it).
double column_edge(std::vector<double> xs) {
    std::sort(xs.begin(), xs.end());
    for (std::size_t i = 1; i < xs.size(); ++i)
        if (xs[i] - xs[i - 1] <= 1.0) return xs[i - 1];
    return xs.empty() ? 0 : xs.front();
}

/// Reading order of a page set in two columns (a rare annex or list of names): where a run of
/// lines leaves a clear vertical gutter and both sides read as running text, the left column's
/// lines come before the right column's, each measured from its own column's left edge.
/// Tables (short cells, or three columns and more) keep their rows: one line per row, the
/// cells left to right with wide gaps between them.
void order_columns(std::vector<TextLine>& lines, double body) {
    if (lines.size() < 5 || body <= 0) return;
    double x0 = 1e9, x1 = -1e9;
    for (const auto& l : lines)
        for (const Word& w : l.words) x0 = std::min(x0, w.x0), x1 = std::max(x1, w.x1);
    if (!(x1 > x0) || x1 - x0 > 5000) return;
    const auto bins = static_cast<std::size_t>(std::ceil(x1 - x0)) + 1;
    std::vector<TextLine> out;
    out.reserve(lines.size() + 16);
    for (std::size_t from = 0; from < lines.size();) {
        Gutter g;
        const std::size_t to = gutter_run(lines, from, x0, bins, 0.9 * body, g);
        // lines above the right column's first line (a heading, the page's first lines) are
        // read first, as they stand
        std::size_t lead = from;
        while (lead < to && std::all_of(lines[lead].words.begin(), lines[lead].words.end(),
                                        [&](const Word& w) { return w.x1 <= g.lo + 0.5; }))
            ++lead;
        if (to - lead < 5 || !two_columns(lines, lead, to, g, body)) {
            for (std::size_t i = from; i < std::max(to, from + 1); ++i) out.push_back(std::move(lines[i]));
            from = std::max(to, from + 1);
            continue;
        }
        for (; from < lead; ++from) out.push_back(std::move(lines[from]));
        std::vector<TextLine> left, right;
        std::vector<double> lx, rx;
        for (std::size_t i = from; i < to; ++i) {
            std::vector<Word> lw, rw;
            for (Word& w : lines[i].words) (w.x1 <= g.lo + 0.5 ? lw : rw).push_back(std::move(w));
            if (!lw.empty()) lx.push_back(lw.front().x0), left.push_back(line_of(std::move(lw), 0));
            if (!rw.empty()) rx.push_back(rw.front().x0), right.push_back(line_of(std::move(rw), 0));
        }
        const double dx = column_edge(rx) - column_edge(lx);
        for (auto& l : right) l.column_dx = dx;
        for (auto& l : left) assemble(l), out.push_back(std::move(l));
        for (auto& l : right) assemble(l), out.push_back(std::move(l));
        from = to;
    }
    lines = std::move(out);
}

/// The line's text from its words: spaces where poppler saw one or the gap is wide enough,
/// wide gaps recorded, ranges of marks, italics and bold.
void assemble(TextLine& l) {
    std::string& t = l.text;
    t.clear();
    const Word* prev = nullptr;
    auto add_range = [](std::vector<Range>& v, std::size_t b, std::size_t e, bool join) {
        if (join && !v.empty() && v.back().end + 1 >= b) v.back().end = e;
        else v.push_back({b, e});
    };
    bool prev_italic = false, prev_bold = false;
    for (Word& w : l.words) {
        if (w.text.empty()) continue;
        if (prev) {
            double gap = w.x0 - prev->x1;
            double sz = std::max(prev->superscript ? l.size : prev->size, w.superscript ? l.size : w.size);
            if (gap > 2.5 * sz) {
                t += "   ";
                l.gaps.push_back(t.size());
            } else if (w.superscript) {
                if (gap > 0.25 * l.size) t += ' ';
            } else if (prev->space_after || gap > 0.15 * sz) {
                t += ' ';
            }
        }
        std::size_t b = t.size();
        w.at = b;
        t += w.text;
        std::size_t e = t.size();
        if (w.superscript) {
            // one LineMark per number of a list ("10,11")
            const double ratio = l.size > 0 ? w.size / l.size : 0;
            std::size_t from = b;
            while (from < e) {
                std::size_t c = t.find(',', from);
                if (c == std::string::npos || c > e) c = e;
                std::size_t pb = from, pe = c;
                while (pb < pe && t[pb] == ' ') ++pb;
                while (pe > pb && t[pe - 1] == ' ') --pe;
                if (pb < pe) l.marks.push_back({{pb, pe}, t.substr(pb, pe - pb), ratio});
                from = c + 1;
            }
        } else {
            if (w.italic) add_range(l.italics, b, e, prev_italic);
            if (w.bold) add_range(l.bold, b, e, prev_bold);
        }
        prev_italic = w.italic && !w.superscript;
        prev_bold = w.bold && !w.superscript;
        prev = &w;
    }
}

/// The cells of a table row: runs of its words split where the gap is wider than 2.5 font
/// sizes (as assemble() marks wide gaps); each cell's index of its last word.
std::vector<std::size_t> cell_ends(const TextLine& l) {
    std::vector<std::size_t> ends;
    for (std::size_t i = 1; i < l.words.size(); ++i) {
        const Word& a = l.words[i - 1];
        const Word& b = l.words[i];
        const double sz = std::max(a.superscript ? l.size : a.size, b.superscript ? l.size : b.size);
        if (b.x0 - a.x1 > 2.5 * sz) ends.push_back(i - 1);
    }
    if (!l.words.empty()) ends.push_back(l.words.size() - 1);
    return ends;
}

/// A table's cells in row order: in a row of three cells or more, a cell whose text wraps
/// puts its further lines below the row ("Redeployment from" / "Contracts Management" /
/// "Unit to ..."); those lines (one cell wide, inside that cell, no paragraph space) are
/// joined to their cell, so that the row reads cell by cell.
void join_cell_wraps(std::vector<TextLine>& lines) {
    std::vector<bool> gone(lines.size(), false);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (gone[i] || lines[i].gaps.size() < 2) continue;
        TextLine& row = lines[i];
        std::size_t j = i + 1;
        bool joined = false;
        for (const TextLine* above = &row; j < lines.size(); above = &lines[j], ++j) {
            const TextLine& c = lines[j];
            if (!c.gaps.empty() || c.words.empty() || c.column_dx != row.column_dx ||
                std::fabs(c.size - row.size) > 0.06 * row.size || c.top - above->bottom > 0.45 * c.size || c.top < row.top)
                break;
            const std::vector<std::size_t> ends = cell_ends(row);
            std::size_t cell = 0, start = 0;
            while (cell < ends.size() && c.x - row.words[start].x0 > 0.5 * c.size &&
                   (cell + 1 >= ends.size() || c.x >= row.words[ends[cell] + 1].x0 - 0.5 * c.size))
                start = ends[cell++] + 1;
            if (cell >= ends.size() || std::fabs(c.x - row.words[start].x0) > 0.5 * c.size) break;
            double right = 0;
            for (const Word& w : c.words) right = std::max(right, w.x1);
            if (cell + 1 < ends.size() && right > row.words[ends[cell] + 1].x0 - 2.6 * row.size) break;
            std::vector<Word> more = c.words;
            row.words[ends[cell]].space_after = true;
            if (!more.empty()) more.back().space_after = true;
            row.words.insert(row.words.begin() + static_cast<std::ptrdiff_t>(ends[cell] + 1), more.begin(), more.end());
            row.bottom = std::max(row.bottom, c.bottom);
            gone[j] = joined = true;
        }
        if (joined) {
            row.gaps.clear(), row.marks.clear(), row.italics.clear(), row.bold.clear();
            assemble(row);
        }
    }
    std::vector<TextLine> kept;
    kept.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!gone[i]) kept.push_back(std::move(lines[i]));
    lines = std::move(kept);
}

/// Text for repetition across pages: digits folded, so "2/14" and "3/14" match.
std::string repeat_key(std::string_view t) {
    std::string k;
    for (char c : t) k += (c >= '0' && c <= '9') ? '#' : c;
    return k;
}

bool furniture_cells(const TextLine& l) {
    std::size_t from = 0;
    std::string_view t = l.text;
    std::vector<std::size_t> cuts = l.gaps;
    cuts.push_back(t.size());
    for (std::size_t g : cuts) {
        std::string_view c = t.substr(from, g - from);
        while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
        while (!c.empty() && c.back() == ' ') c.remove_suffix(1);
        if (!c.empty() && is_furniture(c)) return true;
        from = g;
    }
    return false;
}

/// A footnote rule set as text: underscores only.
bool is_rule(std::string_view t) {
    return t.size() >= 5 && t.find_first_not_of('_') == std::string_view::npos;
}

void silence(const std::string&, void*) {}

/// Opens the document: the checks that need no page (not a PDF, too large, damaged,
/// encrypted, no pages, too many pages).
std::unique_ptr<poppler::document> open_document(std::string_view bytes, const Limits& limits) {
    if (!is_pdf(bytes)) throw InputError("input is not a PDF file");
    if (bytes.size() > limits.max_bytes)
        throw InputError("PDF file is larger than " + std::to_string(limits.max_bytes >> 20) + " MiB");
    if (bytes.size() > 0x7FFFFFFF) throw InputError("PDF file is too large");
    poppler::set_debug_error_function(silence, nullptr);
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
        // load_from_raw_data fails for damaged files and for encrypted ones that need a password;
        // tell them apart by the encryption dictionary's key in the trailer.
        if (bytes.find("/Encrypt") != std::string_view::npos)
            throw InputError("PDF is encrypted and needs a password; unres cannot read it");
        throw InputError("PDF is damaged: poppler cannot read its structure");
    }
    if (doc->is_locked()) throw InputError("PDF is encrypted and needs a password; unres cannot read it");
    const int npages = doc->pages();
    if (npages <= 0) throw InputError("PDF is damaged: it has no pages");
    if (npages > limits.max_pages)
        throw InputError("PDF has " + std::to_string(npages) + " pages; unres reads at most " +
                         std::to_string(limits.max_pages));
    return doc;
}

/// What the pages' words say about the whole document: its size in text, and characters by
/// font size (0.1 pt), from which the body size comes.
struct TextStats {
    std::size_t total_text = 0;
    std::map<double, std::size_t> size_chars;
};

/// One page's words: poppler's horizontal text boxes with their font, size and box.
std::vector<Word> page_words(poppler::page& pg, int p, const Limits& limits, TextStats& stats) {
    std::vector<poppler::text_box> boxes = pg.text_list(poppler::page::text_list_include_font);
    if (boxes.size() > limits.max_boxes_per_page)
        throw InputError("PDF page " + std::to_string(p + 1) + " has " + std::to_string(boxes.size()) +
                         " words; unres reads at most " + std::to_string(limits.max_boxes_per_page) + " a page");
    std::vector<Word> words;
    words.reserve(boxes.size());
    for (auto& b : boxes) {
        if (b.get_wmode() == poppler::text_box::vertical_wmode) continue;  // rotated margin text
        auto u = b.text().to_utf8();
        Word w;
        w.text = clean_text(std::string_view(u.data(), u.size()));
        if (w.text.empty()) continue;
        auto r = b.bbox();
        w.x0 = r.left();
        w.x1 = r.right();
        w.top = r.top();
        w.bottom = r.bottom();
        w.size = b.get_font_size();
        if (!(w.size > 0.5) || !std::isfinite(w.size) || w.size > 500) w.size = std::max(1.0, w.bottom - w.top);
        if (!std::isfinite(w.x0) || !std::isfinite(w.top) || !std::isfinite(w.x1) || !std::isfinite(w.bottom)) continue;
        w.baseline = w.bottom - 0.2 * (w.bottom - w.top);
        std::string font = b.get_font_name();
        w.italic = font_italic(font);
        w.bold = font_bold(font);
        w.space_after = b.has_space_after();
        stats.total_text += w.text.size() + 1;
        stats.size_chars[std::round(w.size * 10) / 10] += codepoints(w.text);
        words.push_back(std::move(w));
    }
    if (stats.total_text > limits.max_text)
        throw InputError("PDF text is larger than " + std::to_string(limits.max_text >> 20) + " MiB");
    return words;
}

/// Every page's lines (words grouped and assembled), within the time limit.
std::vector<PageLines> read_pages(poppler::document& doc, const Limits& limits, TextStats& stats) {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    const int npages = doc.pages();
    std::vector<PageLines> pages(static_cast<std::size_t>(npages));
    for (int p = 0; p < npages; ++p) {
        if (std::chrono::duration<double>(clock::now() - t0).count() > limits.max_seconds)
            throw InputError("PDF takes too long to read (stopped at page " + std::to_string(p + 1) + " of " +
                             std::to_string(npages) + ")");
        std::unique_ptr<poppler::page> pg(doc.create_page(p));
        if (!pg) continue;
        auto rect = pg->page_rect();
        PageLines& pl = pages[static_cast<std::size_t>(p)];
        pl.width = rect.width();
        pl.height = rect.height();
        pl.lines = group_lines(page_words(*pg, p, limits, stats));
        for (auto& l : pl.lines) assemble(l);
    }
    return pages;
}

bool near_size(double s, double body) { return std::fabs(s - body) <= 0.06 * body; }

/// The body font: the most used size, and the average width of a character set in it.
void measure_body(const std::vector<PageLines>& pages, const TextStats& stats, Extraction& ex) {
    std::size_t n = 0;
    for (auto [s, c] : stats.size_chars)
        if (c > n) ex.body_size = s, n = c;
    double w = 0;
    std::size_t c = 0;
    for (const auto& pl : pages)
        for (const auto& l : pl.lines)
            for (const auto& wd : l.words)
                if (!wd.superscript && near_size(wd.size, ex.body_size)) w += wd.x1 - wd.x0, c += codepoints(wd.text);
    ex.char_width = c > 0 && w > 0 ? w / static_cast<double>(c) : ex.body_size * 0.45;
}

/// Lines whose text (digits folded) stands at the same height on two pages or more.
class Repetition {
public:
    explicit Repetition(const std::vector<PageLines>& pages) {
        for (std::size_t p = 0; p < pages.size(); ++p)
            for (const auto& l : pages[p].lines) seen_[{repeat_key(l.text), std::lround(l.top / 4)}].insert(static_cast<int>(p));
    }
    bool repeated(const TextLine& l) const {
        // running heads and footers are short and carry no footnote mark
        if (l.text.size() > 60 || !l.marks.empty() || is_rule(l.text)) return false;
        for (long dy = -1; dy <= 1; ++dy) {
            auto it = seen_.find({repeat_key(l.text), std::lround(l.top / 4) + dy});
            if (it != seen_.end() && it->second.size() >= 2) return true;
        }
        return false;
    }

private:
    std::map<std::pair<std::string, long>, std::set<int>> seen_;
};

/// Running heads and footers of one page: in the top or bottom band of the page, furniture by
/// their form (symbol, job number, page number) or repeated across pages.  The first page's
/// top is the document's own header, not furniture.
void mark_furniture(PageLines& pl, int p, const Repetition& rep, double body) {
    const double h = pl.height > 0 ? pl.height : 792;
    for (auto& l : pl.lines) {
        l.page = p;
        bool top_band = l.bottom < 0.12 * h;
        bool bottom_band = l.top > 0.85 * h;
        if (bottom_band && (furniture_cells(l) || rep.repeated(l))) l.zone = Zone::Footer;
        else if (top_band && p > 0 && (furniture_cells(l) || rep.repeated(l))) l.zone = Zone::Header;
    }
    // The running head is a block: a running title wrapped over three lines above the symbol
    // line is furniture as a whole, even where one of its lines is on no other page (odd and
    // even pages set it differently).  Lines above the last header line are in the head, and
    // so are the lines that go on below it in the head's smaller size without a paragraph space.
    std::size_t last = pl.lines.size();
    for (std::size_t i = 0; i < pl.lines.size(); ++i)
        if (pl.lines[i].zone == Zone::Header) last = i;
    if (last == pl.lines.size()) return;
    for (std::size_t i = 0; i < last; ++i) pl.lines[i].zone = Zone::Header;
    for (std::size_t i = last + 1; i < pl.lines.size(); ++i) {
        TextLine& l = pl.lines[i];
        const TextLine& above = pl.lines[i - 1];
        if (l.bottom >= 0.12 * h || l.size >= 0.92 * body || std::fabs(l.size - above.size) > 0.05 * above.size ||
            l.top - above.bottom > 0.45 * l.size)
            break;
        l.zone = Zone::Header;
    }
}

/// The footnote area of one page: from the footnote rule when it is text ("_______"), else the
/// run of smaller lines at the foot of the body that holds a line opening with a mark.
void mark_notes(PageLines& pl, double body) {
    const double h = pl.height > 0 ? pl.height : 792;
    std::vector<std::size_t> body_idx;
    for (std::size_t i = 0; i < pl.lines.size(); ++i)
        if (pl.lines[i].zone == Zone::Body) body_idx.push_back(i);
    std::size_t rule = body_idx.size();
    for (std::size_t k = 0; k < body_idx.size(); ++k)
        if (is_rule(pl.lines[body_idx[k]].text) && pl.lines[body_idx[k]].top > 0.3 * h) rule = k;
    if (rule < body_idx.size()) {
        // the area ends at the page's foot: a line there set at the body's size after a space,
        // below notes set smaller, is the job number ("25-16698* (E) 051125"), not a note
        Zone z = Zone::Notes;
        for (std::size_t k = rule; k < body_idx.size(); ++k) {
            TextLine& l = pl.lines[body_idx[k]];
            if (k > rule + 1 && z == Zone::Notes) {
                const TextLine& above = pl.lines[body_idx[k - 1]];
                if (l.top > 0.85 * h && l.size >= 0.92 * body && above.size < 0.92 * body && l.top - above.bottom > l.size)
                    z = Zone::Footer;
            }
            l.zone = z;
        }
        return;
    }
    std::size_t run = body_idx.size();
    bool has_mark = false;
    while (run > 0) {
        const TextLine& l = pl.lines[body_idx[run - 1]];
        if (!(l.size < 0.92 * body)) break;
        if (run < body_idx.size()) {
            const TextLine& below = pl.lines[body_idx[run]];
            if (below.top - l.bottom > 1.2 * std::max(l.size, below.size)) break;
        }
        if (!l.words.empty() && (l.words.front().superscript || (l.words.front().text.find_first_not_of('*') == std::string::npos)))
            has_mark = true;
        --run;
    }
    if (has_mark)
        for (std::size_t k = run; k < body_idx.size(); ++k) pl.lines[body_idx[k]].zone = Zone::Notes;
}

/// The asterisks that open a footnote of the page's notes area ("* Reissued for technical
/// reasons", "** On behalf of ...").
void star_notes(const PageLines& pl, std::set<std::string>& stars) {
    for (const auto& l : pl.lines) {
        if (l.zone != Zone::Notes || l.words.empty()) continue;
        const std::string& w = l.words.front().text;
        if (w.size() <= 3 && w.find_first_not_of('*') == std::string::npos) stars.insert(w);
    }
}

/// Asterisks set at the text's size and glued to a word ("A/C.1/80/L.42*", "Peru:**") are
/// footnote marks when a footnote opens with the same asterisks: the reissue note of the
/// symbol, the sponsors' note of the sponsor line.
void mark_stars(PageLines& pl, const std::set<std::string>& stars) {
    if (stars.empty()) return;
    for (auto& l : pl.lines) {
        if (l.zone == Zone::Notes || l.zone == Zone::Footer) continue;
        bool added = false;
        for (const Word& w : l.words) {
            const std::size_t keep = w.text.find_last_not_of('*');
            if (w.superscript || keep == std::string::npos || keep + 1 == w.text.size() || w.text[0] == '*') continue;
            std::string num = w.text.substr(keep + 1);
            if (!stars.contains(num) || w.at + w.text.size() > l.text.size()) continue;
            const std::size_t b = w.at + keep + 1;
            l.marks.push_back({{b, w.at + w.text.size()}, num, 1.0});
            added = true;
        }
        if (added)
            std::stable_sort(l.marks.begin(), l.marks.end(), [](const LineMark& a, const LineMark& b) { return a.range.begin < b.range.begin; });
    }
}

/// Indent, column, line number and paragraph space of each line, and the text the user sees:
/// the lines in order, each led by its column in spaces, a form feed before each new page.
void lay_out_text(std::vector<PageLines>& pages, Extraction& ex) {
    std::string& text = ex.text;
    int pending_ff = 0;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        PageLines& pl = pages[p];
        if (p > 0) ++pending_ff;
        if (pl.lines.empty()) continue;
        std::vector<double> xs;
        double left = 1e9;
        for (const auto& l : pl.lines) {
            left = std::min(left, l.x);
            if (l.zone == Zone::Body && near_size(l.size, ex.body_size)) xs.push_back(l.x - l.column_dx);
        }
        double margin = xs.empty() ? left : mode_of(xs, 0.5);
        const double cw = ex.char_width > 0.1 ? ex.char_width : 4.5;
        int n_on_page = 0;
        const TextLine* prev = nullptr;
        for (auto& l : pl.lines) {
            l.line_on_page = ++n_on_page;
            l.indent = static_cast<int>(std::lround((l.x - l.column_dx - margin) / cw));
            l.column = std::clamp(static_cast<int>(std::lround((l.x - l.column_dx - left) / cw)), 0, 400);
            if (prev && l.top - prev->bottom > 0.45 * std::max(l.size, prev->size)) l.space_before = true;
            prev = &l;
            text.append(static_cast<std::size_t>(pending_ff), '\f');
            pending_ff = 0;
            text.append(static_cast<std::size_t>(l.column), ' ');
            ex.line_start.push_back(static_cast<std::uint32_t>(text.size()));
            text += l.text;
            text += '\n';
            ex.lines.push_back(std::move(l));
        }
    }
}

}  // namespace

Extraction read_with_poppler(std::string_view bytes, const Limits& limits) {
    std::unique_ptr<poppler::document> doc = open_document(bytes, limits);
    Extraction ex;
    ex.pages = doc->pages();
    TextStats stats;
    std::vector<PageLines> pages = read_pages(*doc, limits, stats);
    if (stats.size_chars.empty())
        throw InputError("PDF has no text layer (a scanned image?); unres needs a PDF with text, or its text");
    measure_body(pages, stats, ex);
    for (auto& pl : pages) order_columns(pl.lines, ex.body_size), join_cell_wraps(pl.lines);
    const Repetition rep(pages);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        mark_furniture(pages[p], static_cast<int>(p), rep, ex.body_size);
        mark_notes(pages[p], ex.body_size);
    }
    std::set<std::string> stars;
    for (const auto& pl : pages) star_notes(pl, stars);
    for (auto& pl : pages) mark_stars(pl, stars);
    lay_out_text(pages, ex);
    if (ex.text.size() > limits.max_text)
        throw InputError("PDF text is larger than " + std::to_string(limits.max_text >> 20) + " MiB");
    if (ex.lines.empty())
        throw InputError("PDF has no text layer (a scanned image?); unres needs a PDF with text, or its text");
    return ex;
}

}  // namespace unres::readers::pdf
