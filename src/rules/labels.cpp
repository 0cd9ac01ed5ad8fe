// Labels the reader had to read past their form (UNR110): "6" without its full stop, "(a"
// without its closing parenthesis.  The reader sets Para::label_malformed where it took such a
// label at its place in the sequence; this family says so, at the label.
#include "rules/rules.hpp"

namespace unres::rules {

constinit const RuleInfo UNR110{"UNR110", "malformed-label", Severity::Warning, "A paragraph's label is not written as its kind is",
    R"(## What it does
Reports a label that the reader took at its place in the numbering although it is not written
as its kind is: a paragraph number without its full stop ("6" alone on its line, then "Also
reaffirms ..."), a letter without its closing parenthesis.  The paragraph keeps its number, so
nothing is reported as missing; `unres fix` does not renumber around it.

## Why is this bad
A reader of the text (or another tool) may not see the paragraph's number at all, and take the
paragraph for the end of the one before.

## Example
```
5. Reaffirms the role of the General Assembly ...;
6
Also reaffirms the important role of the Commission ...;
7. Requests ...;
```

## How to fix
Write the label in full ("6.").
)"};

namespace {

/// How a label of this kind is written: "6.", "(a)", "(iv)", "a.", "iv.".
std::string written_form(const Para& p) {
    if (p.kind == LabelKind::Number) return p.num + ".";
    long v = label::value(p.kind, p.num);
    return v > 0 ? label::format(p.kind, v) : p.num;
}

void walk(Context& cx, const std::vector<Para>& paras, const std::string& what) {
    for (const Para& p : paras) {
        if (p.label_malformed && !p.label.empty())
            cx.report("UNR110", label_or_span(p),
                      "the label \"" + p.label + "\" is not written as its kind is (\"" + written_form(p) + "\"): read as " + what + " " +
                          (p.kind == LabelKind::Number ? p.num : written_form(p)));
        walk(cx, p.children, "sub-paragraph");
    }
}

}  // namespace

void check_labels(Context& cx) {
    walk(cx, cx.doc.preamble, "sub-paragraph");
    walk(cx, cx.doc.operative, "paragraph");
    for (const Annex& a : cx.doc.annexes) walk(cx, a.operative, "paragraph");
}

}  // namespace unres::rules
