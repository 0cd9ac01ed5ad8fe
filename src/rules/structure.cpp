// Document structure (UNR001-UNR004): the fixed order "name of the organ, preamble,
// operative part" (EM-res C) and text the builder could not place.
#include <algorithm>
#include <map>

#include "rules/rules.hpp"

namespace unres::rules {

namespace {

Span first_char(const Para& p) { return text_span(p, 0, std::min<std::size_t>(p.text.size(), 1)); }

std::string excerpt(const std::string& s) {
    if (s.size() <= 40) return s;
    std::size_t n = 40;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // whole code points
    return s.substr(0, n) + "...";
}

}  // namespace

void check_structure(Context& cx) {
    const Document& doc = cx.doc;

    // UNR001: reported by the builder; added here only where the builder did not report the
    // block (as UNR001, or as a table: UNR005)
    // (no builder UNR001 overlapping the block).
    for (const Block& b : doc.unclassified) {
        bool known = std::any_of(doc.diagnostics.begin(), doc.diagnostics.end(),
                                 [&](const Diagnostic& d) {
                                     return (d.rule == "UNR001" || d.rule == "UNR005") && d.span.begin <= b.span.end && b.span.begin <= d.span.end;
                                 });
        if (!known) cx.report("UNR001", b.span, "text could not be placed in the document: \"" + excerpt(b.text) + "\"");
    }

    if (doc.kind == DocKind::Amendment) return;

    // UNR004: the operative part is always present.
    if (doc.operative.empty()) {
        Span at{0, 0};
        if (doc.meta.symbol.present()) at = doc.meta.symbol.span;
        if (!doc.preamble.empty()) at = first_char(doc.preamble.back());
        cx.report("UNR004", at, "the text has no operative part");
    }

    // UNR002: "The General Assembly," before the first paragraph (decisions are
    // written "The General Assembly decides ..." inside the paragraph).
    bool decision = doc.kind == DocKind::Decision || doc.kind == DocKind::DraftDecision;
    if (!decision && !doc.authority.present()) {
        const Para* first = !doc.preamble.empty() ? &doc.preamble.front()
                            : !doc.operative.empty() ? &doc.operative.front() : nullptr;
        if (first)
            cx.report("UNR002", first_char(*first),
                      "the text does not open with the name of the organ (\"The General Assembly,\")");
    }

    // UNR003: a preambular paragraph after an operative paragraph of the same part
    // (sectioned resolutions have one preamble per section).
    std::map<std::string, const Para*> first_op;  // earliest operative paragraph per section
    for (const Para& p : doc.operative) {
        auto [it, fresh] = first_op.emplace(p.section, &p);
        if (!fresh && p.span.begin < it->second->span.begin) it->second = &p;
    }
    for (const Para& q : doc.preamble) {
        auto f = first_op.find(q.section);
        if (f == first_op.end() || f->second->span.begin >= q.span.begin) continue;
        const Para* o = f->second;
        std::string which = o->num.empty() ? "the first operative paragraph" : "operative paragraph " + o->num;
        auto& d = cx.report("UNR003", first_char(q), "preambular paragraph after " + which);
        d.notes.push_back({label_or_span(*o), which + " is here"});
    }
}

}  // namespace unres::rules
