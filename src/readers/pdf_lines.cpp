// The seam between the PDF reader and the text reader's line stage.
//
// Input: a SourceFile read from a PDF (its text() and the Extraction in layout()).  Output: the
// text reader's Lines, one per PDF text line (plus a Blank line where the PDF leaves a
// paragraph space), already classified: header/footer zones are Furniture, the notes zone is
// Footnote (a line opening with a superscript mark starts a footnote, its number in note_num),
// body lines are Content.  Superscript marks are Line::marks (their digits are not in
// Line::text), italic ranges are italic styles (bold ranges bold ones), Line::indent is the column of the line on its
// page.  Guarantees: every position maps back into text() (Line::map), marks' spans cover the
// mark's characters in text().
#include "readers/lines.hpp"
#include "readers/pdf.hpp"

#include <algorithm>

namespace unres::readers {

namespace {

/// The Blank line that stands for a paragraph space above PDF line `number`.
Line paragraph_space(const SourceFile& src, std::uint32_t number, int page) {
    Line b;
    b.begin = b.end = src.line_start(number);
    b.number = number;
    b.page = page;
    b.kind = LineKind::Blank;
    b.zone = Zone::Body;
    b.blank_before = true;
    return b;
}

Zone zone_of(pdf::Zone z) {
    switch (z) {
        case pdf::Zone::Header: return Zone::Header;
        case pdf::Zone::Body: return Zone::Body;
        case pdf::Zone::Notes: return Zone::Notes;
        case pdf::Zone::Footer: return Zone::Footer;
    }
    return Zone::Body;
}

/// A PDF line's text without its superscript marks, mapped to the source, and where each
/// position of the PDF line's text went (for the style ranges).
struct Stripped {
    MappedText mt;
    std::vector<std::size_t> pos_map;  ///< TextLine::text position → mt.text position
};

/// Strips the marks of `tl` out of its text: the mark that opens a footnote line is the note's
/// number (l.note_num), the others become l.marks; wide gaps become l.gaps.
Stripped strip_marks(const pdf::TextLine& tl, std::uint32_t base, Line& l) {
    Stripped st;
    MappedText& mt = st.mt;
    std::vector<std::size_t>& pos_map = st.pos_map;
    pos_map.assign(tl.text.size() + 1, 0);
    std::size_t k = 0;  // position in tl.text
    std::size_t mark_i = 0, gap_i = 0;
    auto src_at = [&](std::size_t p) { return base + static_cast<std::uint32_t>(p); };
    while (k < tl.text.size()) {
        pos_map[k] = mt.text.size();
        if (mark_i < tl.marks.size() && tl.marks[mark_i].range.begin == k) {
            const auto& m = tl.marks[mark_i];
            for (std::size_t q = m.range.begin; q <= m.range.end && q <= tl.text.size(); ++q) pos_map[q] = mt.text.size();
            if (mt.text.empty() && l.note_num.empty() && l.marks.empty() && tl.zone == pdf::Zone::Notes) {
                l.note_num = m.num;  // the footnote's own number
            } else {
                Mark mk;
                mk.num = m.num;
                mt.trim_end();  // "Helena 2" keeps no space before the mark
                mk.pos = mt.text.size();
                mk.span = {src_at(m.range.begin), src_at(m.range.end)};
                l.marks.push_back(std::move(mk));
            }
            k = m.range.end;
            ++mark_i;
            // "10,11": the comma between two marks of one superscript is not text
            if (mark_i < tl.marks.size()) {
                std::size_t nb = tl.marks[mark_i].range.begin;
                std::string_view between = std::string_view(tl.text).substr(k, nb > k ? nb - k : 0);
                if (!between.empty() && between.find_first_not_of(", ") == std::string_view::npos &&
                    between.find(',') != std::string_view::npos)
                    k = nb;
            }
            continue;
        }
        if (tl.text[k] == ' ') {
            std::size_t run = k;
            while (run < tl.text.size() && tl.text[run] == ' ') ++run;
            mt.space(src_at(k));
            if (gap_i < tl.gaps.size() && tl.gaps[gap_i] == run && !mt.text.empty()) {
                l.gaps.push_back(mt.text.size());
                ++gap_i;
            }
            for (std::size_t q = k + 1; q <= run; ++q) pos_map[q] = mt.text.size();
            k = run;
            continue;
        }
        mt.append(std::string_view(tl.text).substr(k, 1), src_at(k));
        ++k;
    }
    pos_map[tl.text.size()] = mt.text.size();
    mt.trim_end();
    return st;
}

/// "* On behalf of ...": a footnote opened by asterisks set at the text's size.
void star_note(const pdf::TextLine& tl, Stripped& st, Line& l) {
    if (tl.zone != pdf::Zone::Notes || !l.note_num.empty() || !l.marks.empty()) return;
    MappedText& mt = st.mt;
    std::size_t n = 0;
    while (n < mt.text.size() && n < 4 && mt.text[n] == '*') ++n;
    if (n < 1 || n > 3 || n >= mt.text.size() || mt.text[n] != ' ') return;
    l.note_num = mt.text.substr(0, n);
    Line tmp;
    tmp.text = std::move(mt.text);
    tmp.map = std::move(mt.map);
    drop_prefix(tmp, n + 1);
    mt.text = tmp.text.str();
    mt.map.assign(tmp.map.begin(), tmp.map.end());
    for (auto& p : st.pos_map) p = p > n ? p - (n + 1) : 0;
}

/// The PDF line's italic and bold ranges as styles of the stripped text (bold carries its size
/// relative to the body: a heading).
void add_styles(const pdf::TextLine& tl, const Stripped& st, double body_size, Line& l) {
    auto to_text = [&](const pdf::Range& r, std::size_t& b, std::size_t& e) {
        b = st.pos_map[std::min(r.begin, tl.text.size())];
        e = std::min(st.pos_map[std::min(r.end, tl.text.size())], st.mt.text.size());
        return b < e;
    };
    std::size_t b = 0, e = 0;
    for (const auto& r : tl.italics)
        if (to_text(r, b, e)) l.add_italic(b, e);
    for (const auto& r : tl.bold) {
        if (!to_text(r, b, e)) continue;
        Style s;
        s.begin = b;
        s.end = e;
        s.bold = true;
        if (body_size > 0) s.size_ratio = static_cast<float>(tl.size / body_size);
        l.styles.push_back(s);
    }
    std::stable_sort(l.styles.begin(), l.styles.end(), [](const Style& x, const Style& y) { return x.begin < y.begin; });
}

/// The line's kind from its zone and text.
LineKind kind_of(const pdf::TextLine& tl, const Line& l) {
    if (l.text.empty() && l.note_num.empty() && l.marks.empty()) return LineKind::Blank;
    if (l.text.size() >= 5 && l.text.find_first_not_of('_') == std::string::npos) return LineKind::Separator;
    switch (tl.zone) {
        case pdf::Zone::Header:
        case pdf::Zone::Footer: return LineKind::Furniture;
        case pdf::Zone::Notes: return LineKind::Footnote;
        case pdf::Zone::Body: return LineKind::Content;
    }
    return LineKind::Content;
}

/// The reader's Line for PDF line `i`.
Line typed_line(const SourceFile& src, const pdf::Extraction& ex, std::size_t i, bool blank_before) {
    const pdf::TextLine& tl = ex.lines[i];
    const auto number = static_cast<std::uint32_t>(i + 1);
    const std::uint32_t base = ex.line_start[i];
    Line l;
    l.begin = src.line_start(number);
    l.end = base + static_cast<std::uint32_t>(tl.text.size());
    l.number = number;
    l.page = tl.page;
    l.indent = static_cast<float>(tl.column);
    l.zone = zone_of(tl.zone);
    l.blank_before = blank_before;
    Stripped st = strip_marks(tl, base, l);
    star_note(tl, st, l);
    add_styles(tl, st, ex.body_size, l);
    for (auto& m : l.marks) m.pos = std::min(m.pos, st.mt.text.size());
    l.gaps.erase_if([&](std::size_t g) { return g == 0 || g >= st.mt.text.size(); });
    l.text = std::move(st.mt.text);
    l.map = std::move(st.mt.map);
    l.kind = kind_of(tl, l);
    if (l.kind == LineKind::Footnote && !l.note_num.empty() && l.text.empty()) l.note_number_only = true;
    return l;
}

}  // namespace

std::vector<Line> pdf_reader_lines(const SourceFile& src) {
    std::vector<Line> out;
    const TextLayout* lay = src.layout();
    if (!lay) return out;
    const pdf::Extraction& ex = lay->pdf;
    out.reserve(ex.lines.size() * 5 / 4 + 1);
    int prev_page = -1;
    for (std::size_t i = 0; i < ex.lines.size(); ++i) {
        const pdf::TextLine& tl = ex.lines[i];
        if (tl.space_before && tl.page == prev_page && !out.empty() && out.back().kind != LineKind::Blank)
            out.push_back(paragraph_space(src, static_cast<std::uint32_t>(i + 1), tl.page));
        const bool blank_before = out.empty() || out.back().kind == LineKind::Blank || tl.page != prev_page;
        prev_page = tl.page;
        out.push_back(typed_line(src, ex, i, blank_before));
    }
    return out;
}

}  // namespace unres::readers
