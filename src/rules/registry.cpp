// The one sorted table of rules, assembled from the RuleInfo each family file defines
// beside its check (id, name, default severity, summary, doc), and validate().
//
// Severity policy: a numbering fault (paragraphs, sub-paragraphs, footnotes) or a
// reference to something that does not exist is an error: the text says something
// false.  Style (punctuation, lead words), header details and faults that are often
// artefacts of a conversion (a footnote whose mark was lost) are warnings.  Notes
// are information a drafter may want but need not act on.
#include <algorithm>

#include "rules/rules.hpp"

namespace unres {

namespace {

// Sorted by id (a test checks it); each entry is defined beside its check, in the family file.
// A function-local static: built on first use, whatever the order of static initialisation.
const std::vector<RuleInfo>& table() {
    static const std::vector<RuleInfo> rules = {
        rules::UNR001, rules::UNR002, rules::UNR003, rules::UNR004, rules::UNR005,
        rules::UNR101, rules::UNR102, rules::UNR103, rules::UNR104, rules::UNR105, rules::UNR106, rules::UNR107, rules::UNR108, rules::UNR109, rules::UNR110,
        rules::UNR201, rules::UNR202, rules::UNR203, rules::UNR204, rules::UNR205,
        rules::UNR301, rules::UNR302, rules::UNR303, rules::UNR304, rules::UNR305, rules::UNR306,
        rules::UNR401, rules::UNR402, rules::UNR403,
        rules::UNR501, rules::UNR502, rules::UNR503, rules::UNR504, rules::UNR505,
        rules::UNR900, rules::UNR901, rules::UNR902, rules::UNR903, rules::UNR904,
    };
    return rules;
}

}  // namespace

const std::vector<RuleInfo>& all_rules() { return table(); }

const RuleInfo* find_rule(std::string_view id) {
    const std::vector<RuleInfo>& rules = table();
    auto it = std::lower_bound(rules.begin(), rules.end(), id,
                               [](const RuleInfo& r, std::string_view v) { return r.id < v; });
    return (it != rules.end() && it->id == id) ? &*it : nullptr;
}

namespace rules {

Diagnostic& Context::report(std::string_view rule, Span span, std::string message) {
    Diagnostic d;
    d.rule = std::string(rule);
    const RuleInfo* info = find_rule(rule);
    d.severity = info ? info->severity : Severity::Warning;
    d.span = span;
    d.message = std::move(message);
    out_.push_back(std::move(d));
    return out_.back();
}

}  // namespace rules

std::vector<Diagnostic> validate(const Document& doc, const SourceFile& src) {
    std::vector<Diagnostic> out = doc.diagnostics;
    rules::Context cx(doc, src, out);
    rules::check_input(cx);
    rules::check_structure(cx);
    rules::check_numbering(cx);
    rules::check_lettering(cx);
    rules::check_labels(cx);
    rules::check_footnotes(cx);
    rules::check_punctuation(cx);
    rules::check_lead_words(cx);
    rules::check_crossrefs(cx);
    rules::check_header(cx);
    sort_diagnostics(out);
    return out;
}

}  // namespace unres
