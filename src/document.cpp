#include "unres/document.hpp"
#include "unres/label.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

namespace unres {

std::string_view to_string(InputFormat f) {
    switch (f) {
        case InputFormat::Auto: return "auto";
        case InputFormat::Text: return "text";
        case InputFormat::Markdown: return "markdown";
        case InputFormat::Akn: return "akn";
        case InputFormat::Docx: return "docx";
        case InputFormat::Pdf: return "pdf";
    }
    return "text";
}

std::string_view to_string(LabelKind k) {
    switch (k) {
        case LabelKind::None: return "none";
        case LabelKind::Number: return "number";
        case LabelKind::Letter: return "letter";
        case LabelKind::Roman: return "roman";
        case LabelKind::LetterDot: return "letter-dot";
        case LabelKind::RomanDot: return "roman-dot";
    }
    return "none";
}

std::string_view to_string(DocKind k) {
    switch (k) {
        case DocKind::Resolution: return "resolution";
        case DocKind::DraftResolution: return "draftResolution";
        case DocKind::Decision: return "decision";
        case DocKind::DraftDecision: return "draftDecision";
        case DocKind::Amendment: return "amendment";
    }
    return "resolution";
}

std::string_view to_string(Severity s) {
    switch (s) {
        case Severity::Note: return "note";
        case Severity::Warning: return "warning";
        case Severity::Error: return "error";
    }
    return "note";
}

std::uint32_t Para::source_offset(std::size_t pos) const {
    if (map.empty()) return span.begin;
    auto it = std::upper_bound(map.begin(), map.end(), pos,
                               [](std::size_t p, const SourceMapEntry& e) { return p < e.text_pos; });
    if (it == map.begin()) return map.front().src;
    --it;
    return it->src + static_cast<std::uint32_t>(pos - it->text_pos);
}

std::string Para::display_label() const {
    if (!label.empty()) return label;
    if (num.empty()) return {};
    return unres::label::format(kind, std::string_view(num));
}

TablePlaces::TablePlaces(const std::vector<Table>& tables) {
    sorted_.reserve(tables.size());
    for (const Table& t : tables) sorted_.push_back(&t);
    std::stable_sort(sorted_.begin(), sorted_.end(),
                     [](const Table* a, const Table* b) { return std::tie(a->annex, a->after) < std::tie(b->annex, b->after); });
}

std::span<const Table* const> TablePlaces::at(int annex, std::size_t index) const {
    using Place = std::pair<int, std::size_t>;
    auto place = [](const Table* t) { return Place(t->annex, t->after); };
    const Place want(annex, index);
    auto lo = std::lower_bound(sorted_.begin(), sorted_.end(), want, [&](const Table* t, const Place& w) { return place(t) < w; });
    auto hi = std::upper_bound(lo, sorted_.end(), want, [&](const Place& w, const Table* t) { return w < place(t); });
    return {lo, hi};
}

void sort_footnotes(std::vector<Footnote>& notes) {
    auto key = [](const std::string& n) {
        bool stars = !n.empty() && std::all_of(n.begin(), n.end(), [](char c) { return c == '*'; });
        bool digits = !n.empty() && n.size() < 10 && std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
        return std::make_pair(stars ? 0 : digits ? 1 : 2, stars ? static_cast<long>(n.size()) : digits ? std::stol(n) : 0L);
    };
    std::stable_sort(notes.begin(), notes.end(), [&](const Footnote& a, const Footnote& b) { return key(a.num) < key(b.num); });
}

void sort_diagnostics(std::vector<Diagnostic>& diags) {
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.span.begin, a.rule) < std::tie(b.span.begin, b.rule);
    });
}

}  // namespace unres
