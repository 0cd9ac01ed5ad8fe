// Internal: the rule families run by validate() (src/rules/registry.cpp) and the
// helpers they share.  One file per family; each rule's id, name, severity and doc
// live in the one table in registry.cpp.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "unres/diagnostic.hpp"
#include "unres/document.hpp"
#include "unres/label.hpp"
#include "unres/source.hpp"
#include "unres/validate.hpp"

namespace unres::rules {

/// What a rule family sees and where it writes.
class Context {
public:
    Context(const Document& d, const SourceFile& s, std::vector<Diagnostic>& o) : doc(d), src(s), out_(o) {}
    const Document& doc;
    const SourceFile& src;
    /// Appends a diagnostic with the rule's default severity (from the registry).
    /// The reference is valid until the next report(); keep index() to come back later.
    Diagnostic& report(std::string_view rule, Span span, std::string message);
    std::size_t count() const { return out_.size(); }
    Diagnostic& at(std::size_t i) { return out_[i]; }

private:
    std::vector<Diagnostic>& out_;
};

// ---- the families ---------------------------------------------------------------
void check_structure(Context& cx);    // structure.cpp    UNR001-UNR004
void check_numbering(Context& cx);    // numbering.cpp    UNR101-UNR103, UNR108
void check_lettering(Context& cx);    // lettering.cpp    UNR104-UNR107, UNR109
void check_footnotes(Context& cx);    // footnotes.cpp    UNR201-UNR205
void check_punctuation(Context& cx);  // punctuation.cpp  UNR301-UNR304
void check_lead_words(Context& cx);   // leadwords.cpp    UNR305-UNR306
void check_crossrefs(Context& cx);    // crossref.cpp     UNR401-UNR403
void check_header(Context& cx);       // header.cpp       UNR501-UNR505
void check_input(Context& cx);        // input.cpp        UNR901 UNR904

// ---- shared helpers (numbering.cpp) ---------------------------------------------
/// The paragraph's label span, or its span when it has no label.
Span label_or_span(const Para& p);
/// Source span of Para::text[begin, end) (via the paragraph's map).
Span text_span(const Para& p, std::size_t begin, std::size_t end);

/// Label values and labels: include/unres/label.hpp (0 when `num` is not of that form).
using label::bare_label;
using label::letter_label;
using label::letter_value;
using label::number_value;
using label::roman_label;
using label::roman_value;

/// One labelled item of a numbered or lettered list, with its value in the list's scheme.
struct SeqItem {
    const Para* para = nullptr;
    long value = 0;
};

/// How to talk about a list in messages and how to relabel it.
struct SeqNaming {
    std::string_view gap_rule, dup_rule, order_rule;
    std::string what;     ///< "operative paragraph", "sub-paragraph"
    std::string prefix;   ///< printed before each label: "" or "4 " (the parent's path)
    LabelKind kind = LabelKind::Number;
};

/// A label in a message: "7" for numbers ("paragraph 7"), else label::format: "(d)", "(iv)", "d.", "iv.".
inline std::string format_label(LabelKind kind, long value) {
    return kind == LabelKind::Number || kind == LabelKind::None ? std::to_string(value) : label::format(kind, value);
}

/// Checks that `items` run start, start+1, ... and reports gaps, duplicates and
/// items out of order (one diagnostic per fault).  The first diagnostic of the list
/// carries a fix that relabels the whole list consecutively.
void check_sequence(Context& cx, const std::vector<SeqItem>& items, long start, const SeqNaming& naming);

/// Edit that changes the label of `p` to the bare label `bare` (touching only the
/// characters of the number or letters when they can be found in the source).
bool relabel_edit(const Context& cx, const Para& p, const std::string& bare, Edit& out);

/// "1st", "2nd", "23rd".
std::string ordinal(std::size_t n);

}  // namespace unres::rules
