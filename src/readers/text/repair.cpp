// Stage 4, line repairs.
//
// Job: undo what extraction did to the body's lines: running titles repeated at page tops are
// marked furniture, numbers glued to the previous line ("... report; 3. Decides") are split
// onto their own line, and the page's text margin is measured so that first-line indents show.
// Input: the classified lines, the first body line, the title.  Guarantees: text is only
// split, never dropped; lines before the body are not touched; the margin is per page.
#include "readers/text/repair.hpp"

#include <algorithm>
#include <map>

#include "readers/text/common.hpp"

namespace unres::readers::stages {

Margins page_margins(const std::vector<Line>& lines) {
    std::map<int, std::map<int, int>> counts;
    for (const auto& l : lines)
        if (l.kind == LineKind::Content) ++counts[l.page][l.columns()];
    Margins out;
    for (const auto& [page, c] : counts) {
        int best = 0, n = -1;
        for (const auto& [indent, k] : c)
            if (k > n) best = indent, n = k;
        out.by_page[page] = best;
    }
    return out;
}

int Margins::relative(const Line& l) const {
    auto it = by_page.find(l.page);
    return it == by_page.end() ? 0 : l.columns() - it->second;
}

/// Page headers of later pages repeat the title ("running title"): lines of the body that
/// are a piece of the title and stand next to other page furniture are furniture too.
/// A producer that placed its lines on the page (PDF: Line::zone) has found the running heads
/// by position; its body lines are body text even where they quote the title.
void mark_running_titles(std::vector<Line>& lines, std::size_t body, const std::string& title) {
    if (title.empty()) return;
    // A short title ("Question of Bermuda") has pieces that body text says too: only the whole
    // title, on a line or in a cell of its own, is taken for a running title.
    const bool whole_only = title.size() < 20;
    auto title_piece = [&](std::string_view t, std::size_t min_size) {
        if (whole_only) return t == title;
        return t.size() >= min_size && title.find(t) != std::string::npos;
    };
    if (std::any_of(lines.begin(), lines.end(), [](const Line& l) { return l.zone != Zone::Unknown; })) return;
    auto near_furniture = [&](std::size_t k) {
        for (std::size_t d = 1; d <= 4; ++d) {
            if (k >= d) {
                const Line& p = lines[k - d];
                if (p.kind == LineKind::Furniture || p.page != lines[k].page) return true;
            }
            if (k + d < lines.size() && lines[k + d].kind == LineKind::Furniture) return true;
        }
        return false;
    };
    std::vector<bool> running(lines.size(), false);
    // layout mode: "for 2024            A/RES/78/253" — a title piece and furniture in columns
    for (std::size_t k = body; k < lines.size(); ++k) {
        Line& l = lines[k];
        if (l.kind != LineKind::Content || l.gaps.empty()) continue;
        auto cs = cells(l);
        if (cs.size() < 2) continue;
        bool all = true, furniture = false;
        for (auto c : cs) {
            if (is_furniture(c)) furniture = true;
            else if (!title_piece(c, 3)) all = false;
        }
        if (all && furniture) l.kind = LineKind::Furniture, running[k] = true;
    }
    // Lines that are pieces of the title, one of them near other furniture and one at least 15
    // bytes long, in a block of their own: a blank
    // line, furniture, a page edge or the body's start on both sides of the run.  A title piece
    // that a paragraph's sentence runs into or out of ("... the standing item entitled" / "to the
    // Fourteenth United Nations Congress ...") is that paragraph's text.
    auto piece = [&](std::size_t k, std::size_t min_size) {
        return lines[k].kind == LineKind::Content && title_piece(lines[k].text, min_size);
    };
    auto apart = [&](std::size_t k, std::size_t edge) {
        const Line& o = lines[k];
        return running[k] || o.kind == LineKind::Blank || o.kind == LineKind::Furniture ||
               o.kind == LineKind::Separator || o.page != lines[edge].page;
    };
    for (std::size_t a = body; a < lines.size(); ++a) {
        if (!piece(a, 3)) continue;
        std::size_t b = a;
        bool long_piece = piece(a, 15), near = near_furniture(a);
        while (b + 1 < lines.size() && piece(b + 1, 3)) {
            long_piece |= piece(++b, 15);
            near |= near_furniture(b);
        }
        bool alone = long_piece && near && (a == body || apart(a - 1, a)) && (b + 1 == lines.size() || apart(b + 1, b));
        if (alone)
            for (std::size_t k = a; k <= b; ++k) lines[k].kind = LineKind::Furniture, running[k] = true;
        a = b;
    }
    // the short rest of a running title wrapped over two lines ("for 2024")
    if (whole_only) return;
    for (std::size_t k = body; k < lines.size(); ++k) {
        Line& l = lines[k];
        if (l.kind != LineKind::Content || l.text.size() < 3 || title.find(l.text) == std::string::npos) continue;
        std::size_t p = k, n = k;
        while (p > body && lines[p - 1].kind == LineKind::Blank) --p;
        while (n + 1 < lines.size() && lines[n + 1].kind == LineKind::Blank) ++n;
        if ((p > body && running[p - 1]) || (n + 1 < lines.size() && running[n + 1])) l.kind = LineKind::Furniture;
    }
}

/// Converters sometimes glue the next paragraph onto the previous line: "Global context and
/// shared commitments 3. We gather ..." or "... Pact for the Future. 16 9. We note ...".
/// Where the next operative number, a dot and a capital stand inside a line, the line is cut
/// in two there.
/// t.find(want, from) for a `want` that opens with a space: looks for what follows the space
/// (a digit, rarer than a space), then checks the space before it.
static std::size_t find_spaced(std::string_view t, std::string_view want, std::size_t from) {
    for (std::size_t q = t.find(want.substr(1), from + 1); q != std::string_view::npos; q = t.find(want.substr(1), q + 1))
        if (t[q - 1] == want[0]) return q - 1;
    return std::string_view::npos;
}

/// Where the label that follows `last` is glued inside `l` (after its own label `lab`): the
/// index of the space before it, or npos.
static std::size_t glued_at(const Line& l, long last, const Label& lab) {
    const std::string want = " " + std::to_string(last + 1) + ". ";
    std::string_view t = l.text;
    std::size_t at = find_spaced(t, want, lab.kind == LabelKind::Number ? lab.len : 0);
    if (at == std::string::npos || at < 3) return std::string::npos;
    std::size_t rest = at + want.size();
    if (rest >= t.size() || !is_upper_start(t.substr(rest))) return std::string::npos;
    // not "paragraph 13. The" / "resolution 12. We": a cross-reference ends a sentence there
    std::string_view prev_word = t.substr(0, at);
    prev_word = prev_word.substr(prev_word.rfind(' ') == std::string_view::npos ? 0 : prev_word.rfind(' ') + 1);
    if (prev_word == "paragraph" || prev_word == "paragraphs" || prev_word == "resolution" || prev_word == "No." ||
        prev_word == "para." || prev_word == "Goal" || prev_word == "article" || prev_word == "section")
        return std::string::npos;
    return at;
}

/// Cuts `head` before the space at `at`: it keeps what is before, the rest is returned.
static Line cut_at(Line& head, std::size_t at) {
    Line tail = head;
    drop_prefix(tail, at + 1);
    head.text.resize(at);
    head.text.shrink_to_fit();  // not the whole rest's capacity in every piece (quadratic memory)
    head.marks.erase_if([&](const Mark& m) { return m.pos > at; });
    head.styles.erase_if([&](const Style& r) { return r.begin >= at; });
    for (auto& r : head.styles) r.end = std::min(r.end, at);
    head.gaps.erase_if([&](std::size_t g) { return g >= at; });
    tail.gaps.clear();
    tail.blank_before = false;
    tail.heading = false;
    tail.bullet = false;
    tail.split_off = true;
    return tail;
}

void split_glued_numbers(std::vector<Line>& lines, std::size_t body) {
    long last = 0;
    // On the first cut the lines move to `out`, the pieces in their place: inserting each piece
    // into `lines` moved every line after it (quadratic on a long text with many cuts).
    std::vector<Line> out;
    bool cut = false;
    Line piece;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        if (k < body || lines[k].kind != LineKind::Content) {
            if (cut) out.push_back(std::move(lines[k]));
            continue;
        }
        // the line, then each piece cut from it: a piece starts with its number and may hold
        // another glued one
        Line* cur = &lines[k];
        for (;;) {
            Label lab = parse_label(cur->text);
            if (lab.kind == LabelKind::Number) last = std::stol(lab.num);
            std::size_t at = last > 0 ? glued_at(*cur, last, lab) : std::string::npos;
            if (at == std::string::npos) break;
            if (!cut) {
                cut = true;
                out.reserve(lines.size() + lines.size() / 8);
                for (std::size_t j = 0; j < k; ++j) out.push_back(std::move(lines[j]));
            }
            Line tail = cut_at(*cur, at);
            out.push_back(std::move(*cur));
            piece = std::move(tail);
            cur = &piece;
        }
        if (cut) out.push_back(std::move(*cur));
    }
    if (cut) lines = std::move(out);
}

}  // namespace unres::readers::stages
