// Shared helpers of the stages: spans and fields of a line, diagnostics.
#include "readers/text/reader.hpp"

namespace unres::readers::stages {

Span TextReader::line_span(const Line& l, std::size_t b, std::size_t e) const {
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

Field TextReader::field(const Line& l, std::size_t b, std::size_t e) const {
    Field f;
    f.value = std::string(std::string_view(l.text).substr(b, e - b));
    f.span = line_span(l, b, e);
    return f;
}

void TextReader::diag(std::string rule, Severity sev, Span span, std::string msg) {
    Diagnostic d;
    d.rule = std::move(rule);
    d.severity = sev;
    d.span = span;
    d.message = std::move(msg);
    doc_.diagnostics.push_back(std::move(d));
}

}  // namespace unres::readers::stages
