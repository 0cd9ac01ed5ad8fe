// Internal: the rule families run by validate() (src/rules/registry.cpp) and the
// helpers they share.  One file per family; each rule's id, name, severity, summary
// and doc are a RuleInfo defined in its family file beside the check, and
// registry.cpp lists them in the one sorted table.
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

// ---- the rules, one RuleInfo each, defined in the family file ------------------------
extern const RuleInfo UNR001, UNR002, UNR003, UNR004, UNR005;  // structure.cpp (UNR005: raised by the text reader)
extern const RuleInfo UNR101, UNR102, UNR103, UNR108;          // numbering.cpp
extern const RuleInfo UNR104, UNR105, UNR106, UNR107, UNR109;  // lettering.cpp
extern const RuleInfo UNR110;                                  // labels.cpp
extern const RuleInfo UNR201, UNR202, UNR203, UNR204, UNR205;  // footnotes.cpp
extern const RuleInfo UNR301, UNR302, UNR303, UNR304;          // punctuation.cpp
extern const RuleInfo UNR305, UNR306;                          // leadwords.cpp
extern const RuleInfo UNR401, UNR402, UNR403;                  // crossref.cpp
extern const RuleInfo UNR501, UNR502, UNR503, UNR504, UNR505;  // header.cpp
extern const RuleInfo UNR900, UNR901, UNR902, UNR903, UNR904;  // input.cpp (UNR902, UNR903: raised by the readers; UNR900: by the CLI)

// ---- the families ---------------------------------------------------------------
void check_structure(Context& cx);    // structure.cpp    UNR001-UNR005
void check_numbering(Context& cx);    // numbering.cpp    UNR101-UNR103, UNR108
void check_lettering(Context& cx);    // lettering.cpp    UNR104-UNR107, UNR109
void check_labels(Context& cx);       // labels.cpp       UNR110
void check_footnotes(Context& cx);    // footnotes.cpp    UNR201-UNR205
void check_punctuation(Context& cx);  // punctuation.cpp  UNR301-UNR304
void check_lead_words(Context& cx);   // leadwords.cpp    UNR305-UNR306
void check_crossrefs(Context& cx);    // crossref.cpp     UNR401-UNR403
void check_header(Context& cx);       // header.cpp       UNR501-UNR505
void check_input(Context& cx);        // input.cpp        UNR901, UNR904 (docs of UNR900, UNR902, UNR903)

// ---- whose text: each body's own practice (practice.cpp) ------------------------
struct Practice {
    bool council = false;    ///< a Security Council text (symbol "S/...", body or authority "Security Council")
    bool statement = false;  ///< a presidential statement (symbol "S/PRST/..."): sentences, not a resolution
};
Practice practice_of(const Document& doc);

// ---- a text adopted in the body (leadwords.cpp) -----------------------------------
/// Whether `text` opens with an operative verb ("Decides", "Also requests"): UNR306's test.
bool opens_with_operative_verb(const std::string& text);
/// "Resolves that:", "Adopts the following outcome document ...:" followed by the adopted text
/// written out in the body (clauses "1. The Working Capital Fund shall ...", a declaration's
/// "We ..."): the unnumbered operative paragraph, or the last preambular one, that ends with ':'
/// without sub-paragraphs, when the first numbered operative paragraph after it does not open
/// with an operative verb.  Everything after it is that text, not the resolution's own
/// paragraphs.  nullptr when there is none.
const Para* adopted_text_intro(const Document& doc);
/// Whether `p` stands after the intro (in the adopted text).
inline bool in_adopted_text(const Para* intro, const Para& p) { return intro && p.span.begin > intro->span.begin; }

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
