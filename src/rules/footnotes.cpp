// Footnotes (UNR201-UNR205): marks and bodies must match, and numbered footnotes are
// numbered 1, 2, 3 ... continuously through the whole document (annexes included),
// in the order in which their marks first appear.
#include <algorithm>
#include <map>
#include <set>

#include "rules/rules.hpp"

namespace unres::rules {

namespace {

void collect(const std::vector<Para>& list, std::vector<const Mark*>& out) {
    for (const Para& p : list) {
        for (const Mark& m : p.marks) out.push_back(&m);
        collect(p.children, out);
    }
}

}  // namespace

// ---- the rules this file checks: id, name, default severity, summary, doc ----------------

constinit const RuleInfo UNR201{"UNR201", "footnote-mark-without-body", Severity::Error, "A footnote mark has no footnote text",
    R"(## What it does
Reports a footnote mark in the text whose footnote (the same number) does not exist.

## Why is this bad
The reader is sent to a footnote that is not there; usually the footnote text was
deleted or the mark was mistyped.

## Example
```
Recalling its resolution 76/172,<sup>7</sup>
```
with no footnote 7.

## How to fix
Restore the footnote text, or delete the mark and renumber the footnotes.
)"};

constinit const RuleInfo UNR202{"UNR202", "footnote-body-without-mark", Severity::Warning, "A footnote is not referred to in the text",
    R"(## What it does
Reports a numbered footnote that no mark in the text points to. Asterisk notes (attached
to the sponsor line) are not checked.

## Why is this bad
The footnote is orphaned. In converted files the mark is often lost by the converter,
which is why this is a warning.

## Example
```
<sup>4</sup> Ibid., Seventy-sixth Session ...
```
with no mark 4 in the text.

## How to fix
Put the mark back where the footnote belongs, or delete the footnote and renumber.
)"};

constinit const RuleInfo UNR203{"UNR203", "footnote-mark-order", Severity::Error, "Footnotes are not numbered in the order of their marks",
    R"(## What it does
Checks that footnote marks first appear in increasing order (1, 2, 3 ...) through the
whole document, annexes included. Later marks to an earlier footnote are fine.
The error severity is deliberate: as with paragraphs, a wrong number is a fault of the
text, and `unres fix` can renumber.

## Why is this bad
Footnotes are numbered continuously in the order of their marks; a mark out of order
means footnotes were moved or inserted without renumbering.

## Example
```
Recalling ...,<sup>9</sup> ... Reaffirming ...,<sup>8</sup>
```

## How to fix
Renumber the footnotes and their marks in text order.
)"};

constinit const RuleInfo UNR204{"UNR204", "footnote-numbering-gap", Severity::Error, "A footnote number is missing from the series",
    R"(## What it does
Checks that the footnote texts are numbered 1, 2, 3 ... without a gap. A number that
is missing but still has a mark is reported by UNR201 instead. The order in which
footnote texts appear in the file is not checked (page layout moves them).

## Why is this bad
A gap means a footnote was removed without renumbering the others.

## Example
```
<sup>6</sup> Resolution 217 A (III).
<sup>8</sup> Ibid.
```
with no footnote 7 and no mark 7.

## How to fix
Renumber the footnotes and their marks.
)"};

constinit const RuleInfo UNR205{"UNR205", "footnote-duplicate", Severity::Error, "Two footnotes have the same number",
    R"(## What it does
Reports a numbered footnote whose number was already used.

## Why is this bad
A mark with that number is ambiguous.

## Example
```
<sup>7</sup> See resolution 2200 A (XXI), annex.
<sup>7</sup> Ibid.
```

## How to fix
Renumber the footnotes and their marks.
)"};

namespace {

/// Every footnote mark of the paragraphs, in source order.
std::vector<const Mark*> marks_in_order(const Document& doc) {
    std::vector<const Mark*> marks;
    collect(doc.preamble, marks);
    collect(doc.operative, marks);
    collect(doc.instructions, marks);
    for (const Annex& a : doc.annexes) {
        collect(a.preamble, marks);
        collect(a.operative, marks);
    }
    std::stable_sort(marks.begin(), marks.end(),
                     [](const Mark* a, const Mark* b) { return a->span.begin < b->span.begin; });
    return marks;
}

using Bodies = std::map<std::string, const Footnote*>;

/// UNR201: a mark whose footnote text is missing.
void check_unbacked_marks(Context& cx, const std::vector<const Mark*>& marks, const Bodies& bodies) {
    for (const Mark* m : marks) {
        if (bodies.count(m->num)) continue;
        cx.report("UNR201", m->span, "footnote mark " + m->num + " has no footnote text");
    }
}

/// UNR202: footnote text that no mark refers to (asterisk notes belong to the header, where
/// their marks are not paragraphs' marks: not checked).
void check_unmarked_bodies(Context& cx, const std::set<std::string>& marked) {
    for (const Footnote& f : cx.doc.footnotes) {
        if (f.num == "*" || !f.refs.empty() || marked.count(f.num)) continue;
        cx.report("UNR202", f.span, f.num.empty() ? std::string("a footnote without a number has no mark in the text")
                                                  : "footnote " + f.num + " has no mark in the text");
    }
}

/// UNR203: marks first appear in increasing order.  A mark without a footnote (UNR201, often a
/// typo such as 99 for 34) takes no part: it would otherwise make every correct mark after it
/// "out of order".
void check_mark_order(Context& cx, const std::vector<const Mark*>& marks, const Bodies& bodies) {
    std::set<long> first_seen;
    long high = 0;
    const Mark* high_mark = nullptr;
    for (const Mark* m : marks) {
        long v = number_value(m->num);
        if (v <= 0 || first_seen.count(v) || !bodies.count(m->num)) continue;
        first_seen.insert(v);
        if (v < high) {
            auto& d = cx.report("UNR203", m->span,
                                "footnote " + m->num + " is first referred to after footnote " + std::to_string(high) +
                                    ": footnotes must be numbered in the order of their marks");
            d.notes.push_back({high_mark->span, "footnote " + std::to_string(high) + " is referred to here"});
        } else {
            high = v;
            high_mark = m;
        }
    }
}

/// UNR205: two bodies with the same number.  Returns the numbered bodies by value (the first of
/// each number).
std::map<long, const Footnote*> check_duplicates(Context& cx) {
    std::map<long, const Footnote*> by_num;
    for (const Footnote& f : cx.doc.footnotes) {
        long v = number_value(f.num);
        if (v <= 0) continue;
        auto [it, fresh] = by_num.emplace(v, &f);
        if (!fresh) {
            auto& d = cx.report("UNR205", f.span, "duplicate footnote " + f.num);
            d.notes.push_back({it->second->span, "footnote " + f.num + " is first given here"});
        }
    }
    return by_num;
}

/// UNR204: a number missing from the series (not counting a number whose mark exists: UNR201
/// reports that one).
void check_gaps(Context& cx, const std::map<long, const Footnote*>& by_num, const std::set<std::string>& marked) {
    long prev = 0;
    for (const auto& [v, f] : by_num) {
        std::vector<long> missing;
        for (long m = prev + 1; m < v && missing.size() < 1000; ++m)
            if (!marked.count(std::to_string(m))) missing.push_back(m);
        if (!missing.empty()) {
            std::string which = missing.size() == 1 ? "footnote " + std::to_string(missing[0]) + " is missing"
                                                    : "footnotes " + std::to_string(missing.front()) + " to " +
                                                          std::to_string(missing.back()) + " are missing";
            if (missing.size() > 1 && missing.back() - missing.front() + 1 != static_cast<long>(missing.size()))
                which = std::to_string(missing.size()) + " footnote numbers are missing";
            std::string head = prev ? "footnote " + f->num + " follows footnote " + std::to_string(prev)
                                    : "footnote numbering starts at " + f->num;
            cx.report("UNR204", f->span, head + ": " + which);
        }
        prev = v;
    }
}

}  // namespace

void check_footnotes(Context& cx) {
    const std::vector<const Mark*> marks = marks_in_order(cx.doc);
    Bodies bodies;
    for (const Footnote& f : cx.doc.footnotes) bodies.emplace(f.num, &f);
    std::set<std::string> marked;
    for (const Mark* m : marks) marked.insert(m->num);
    check_unbacked_marks(cx, marks, bodies);
    check_unmarked_bodies(cx, marked);
    check_mark_order(cx, marks, bodies);
    check_gaps(cx, check_duplicates(cx), marked);
}

}  // namespace unres::rules
