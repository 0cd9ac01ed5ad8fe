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

std::vector<Line> pdf_reader_lines(const SourceFile& src) {
    std::vector<Line> out;
    const TextLayout* lay = src.layout();
    if (!lay) return out;
    const pdf::Extraction& ex = lay->pdf;
    out.reserve(ex.lines.size() * 5 / 4 + 1);
    int prev_page = -1;
    for (std::size_t i = 0; i < ex.lines.size(); ++i) {
        const pdf::TextLine& tl = ex.lines[i];
        const auto number = static_cast<std::uint32_t>(i + 1);
        const std::uint32_t base = ex.line_start[i];
        if (tl.space_before && tl.page == prev_page && !out.empty() && out.back().kind != LineKind::Blank) {
            Line b;
            b.begin = b.end = src.line_start(number);
            b.number = number;
            b.page = tl.page;
            b.kind = LineKind::Blank;
            b.zone = Zone::Body;
            b.blank_before = true;
            out.push_back(std::move(b));
        }
        Line l;
        l.begin = src.line_start(number);
        l.end = base + static_cast<std::uint32_t>(tl.text.size());
        l.number = number;
        l.page = tl.page;
        l.indent = static_cast<float>(tl.column);
        switch (tl.zone) {
            case pdf::Zone::Header: l.zone = Zone::Header; break;
            case pdf::Zone::Body: l.zone = Zone::Body; break;
            case pdf::Zone::Notes: l.zone = Zone::Notes; break;
            case pdf::Zone::Footer: l.zone = Zone::Footer; break;
        }
        l.blank_before = out.empty() || out.back().kind == LineKind::Blank || tl.page != prev_page;
        prev_page = tl.page;
        // Text without the marks.
        MappedText mt;
        std::size_t k = 0;        // position in tl.text
        std::size_t mark_i = 0;
        std::size_t gap_i = 0;
        auto src_at = [&](std::size_t p) { return base + static_cast<std::uint32_t>(p); };
        // map from tl.text positions to mt.text positions (for italics and gaps)
        std::vector<std::size_t> pos_map(tl.text.size() + 1, 0);
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
                    // "Helena 2" keeps no space before the mark
                    mt.trim_end();
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
            char c = tl.text[k];
            if (c == ' ') {
                std::size_t run = k;
                while (run < tl.text.size() && tl.text[run] == ' ') ++run;
                if (gap_i < tl.gaps.size() && tl.gaps[gap_i] == run && !mt.text.empty()) {
                    mt.space(src_at(k));
                    l.gaps.push_back(mt.text.size());
                    ++gap_i;
                } else
                    mt.space(src_at(k));
                for (std::size_t q = k + 1; q <= run; ++q) pos_map[q] = mt.text.size();
                k = run;
                continue;
            }
            mt.append(std::string_view(tl.text).substr(k, 1), src_at(k));
            ++k;
        }
        pos_map[tl.text.size()] = mt.text.size();
        mt.trim_end();
        // "* On behalf of ...": a footnote opened by asterisks set at the text's size
        if (tl.zone == pdf::Zone::Notes && l.note_num.empty() && l.marks.empty()) {
            std::size_t n = 0;
            while (n < mt.text.size() && n < 4 && mt.text[n] == '*') ++n;
            if (n >= 1 && n <= 3 && n < mt.text.size() && mt.text[n] == ' ') {
                l.note_num = mt.text.substr(0, n);
                Line tmp;
                tmp.text = std::move(mt.text);
                tmp.map = std::move(mt.map);
                drop_prefix(tmp, n + 1);
                mt.text = std::move(tmp.text);
                mt.map = std::move(tmp.map);
                for (auto& p : pos_map) p = p > n ? p - (n + 1) : 0;
            }
        }
        for (const auto& r : tl.italics) {
            std::size_t b = pos_map[std::min(r.begin, tl.text.size())], e = pos_map[std::min(r.end, tl.text.size())];
            e = std::min(e, mt.text.size());
            if (b < e) l.add_italic(b, e);
        }
        for (const auto& r : tl.bold) {
            std::size_t b = pos_map[std::min(r.begin, tl.text.size())], e = pos_map[std::min(r.end, tl.text.size())];
            e = std::min(e, mt.text.size());
            if (b < e) {
                Style st;
                st.begin = b;
                st.end = e;
                st.bold = true;
                if (ex.body_size > 0) st.size_ratio = static_cast<float>(tl.size / ex.body_size);
                l.styles.push_back(st);
            }
        }
        std::stable_sort(l.styles.begin(), l.styles.end(), [](const Style& a, const Style& b) { return a.begin < b.begin; });
        for (auto& m : l.marks) m.pos = std::min(m.pos, mt.text.size());
        std::erase_if(l.gaps, [&](std::size_t g) { return g == 0 || g >= mt.text.size(); });
        l.text = std::move(mt.text);
        l.map = std::move(mt.map);
        switch (tl.zone) {
            case pdf::Zone::Header:
            case pdf::Zone::Footer: l.kind = LineKind::Furniture; break;
            case pdf::Zone::Notes: l.kind = LineKind::Footnote; break;
            case pdf::Zone::Body: l.kind = LineKind::Content; break;
        }
        if (l.text.empty() && l.note_num.empty() && l.marks.empty()) l.kind = LineKind::Blank;
        if (l.text.size() >= 5 && l.text.find_first_not_of('_') == std::string::npos) l.kind = LineKind::Separator;
        if (l.kind == LineKind::Footnote && !l.note_num.empty() && l.text.empty()) l.note_number_only = true;
        out.push_back(std::move(l));
    }
    return out;
}

}  // namespace unres::readers
