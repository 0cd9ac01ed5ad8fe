// Stage 4, line repairs.
//
// Job: undo what extraction did to the body's lines: running titles repeated at page tops are
// marked furniture, numbers glued to the previous line ("... report; 3. Decides") are split
// onto their own line, and the page's text margin is measured so that first-line indents show.
// Input: the body lines.  Guarantees: text is only split, never dropped; the margin is per
// page.
#include "readers/text/reader.hpp"

namespace unres::readers::stages {

// ---- margins (layout mode) ----
/// The page's text margin: the indent most of its content lines have (continuation lines
/// outnumber first lines), so that a first line's extra indent shows.
void TextReader::compute_margins() {
    std::map<int, std::map<int, int>> counts;
    for (const auto& l : lines_)
        if (l.kind == LineKind::Content) ++counts[l.page][l.columns()];
    margin_.clear();
    for (const auto& [page, c] : counts) {
        int best = 0, n = -1;
        for (const auto& [indent, k] : c)
            if (k > n) best = indent, n = k;
        margin_[page] = best;
    }
}

int TextReader::rel_indent(const Line& l) const {
    auto it = margin_.find(l.page);
    return it == margin_.end() ? 0 : l.columns() - it->second;
}

/// Page headers of later pages repeat the title ("running title"): lines of the body that
/// are a piece of the title and stand next to other page furniture are furniture too.
void TextReader::mark_running_titles(std::size_t body) {
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
void TextReader::split_glued_numbers(std::size_t body) {
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
        // not "paragraph 13. The" / "resolution 12. We": a cross-reference ends a sentence there
        std::string_view prev_word = std::string_view(t).substr(0, at);
        prev_word = prev_word.substr(prev_word.rfind(' ') == std::string_view::npos ? 0 : prev_word.rfind(' ') + 1);
        if (prev_word == "paragraph" || prev_word == "paragraphs" || prev_word == "resolution" || prev_word == "No." ||
            prev_word == "para." || prev_word == "Goal" || prev_word == "article" || prev_word == "section")
            continue;
        Line tail = lines_[k];
        drop_prefix(tail, at + 1);
        Line& head = lines_[k];
        head.text.resize(at);
        std::erase_if(head.marks, [&](const Mark& m) { return m.pos > at; });
        std::erase_if(head.styles, [&](const Style& r) { return r.begin >= at; });
        for (auto& r : head.styles) r.end = std::min(r.end, at);
        std::erase_if(head.gaps, [&](std::size_t g) { return g >= at; });
        tail.gaps.clear();
        tail.blank_before = false;
        tail.heading = false;
        tail.bullet = false;
        lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(k) + 1, std::move(tail));
        // the tail is looked at next: it starts with its number and may hold another glued one
    }
}

}  // namespace unres::readers::stages
