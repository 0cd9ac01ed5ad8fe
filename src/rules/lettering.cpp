// Sub-paragraph lettering at every level (UNR104-UNR107) and the degree of each
// level (UNR109).
//
// Labels are ambiguous: "(i)" is the ninth letter after "(h)" and the first roman
// numeral as the first child of a lettered item; "(ii)" is a doubled letter after
// "(hh)"; "(v)", "(x)" are both.  The builder's LabelKind is a first guess; here each
// label is read in the scheme its preceding sibling establishes.
#include <array>
#include <map>

#include "rules/rules.hpp"

namespace unres::rules {

namespace {

using label::letter_kind;
using label::roman_kind;
bool is_dot(LabelKind k) { return label::is_dot_kind(k); }
bool is_sub(LabelKind k) { return label::is_sub_kind(k); }
bool is_letter(LabelKind k) { return label::is_letter_kind(k); }

long value_in(LabelKind k, const std::string& num) { return label::value(k, num); }

/// The degree that should follow `parent` (EM: 1. -> (a) -> (i) -> a. -> i.).
LabelKind expected_child(LabelKind parent) {
    switch (parent) {
        case LabelKind::Letter: return LabelKind::Roman;
        case LabelKind::Roman: return LabelKind::LetterDot;
        case LabelKind::LetterDot: return LabelKind::RomanDot;
        case LabelKind::RomanDot: return LabelKind::RomanDot;
        default: return LabelKind::Letter;
    }
}

std::string scheme_name(LabelKind k) {
    switch (k) {
        case LabelKind::Letter: return "(a), (b), (c)";
        case LabelKind::Roman: return "(i), (ii), (iii)";
        case LabelKind::LetterDot: return "a., b., c.";
        case LabelKind::RomanDot: return "i., ii., iii.";
        default: return "1., 2., 3.";
    }
}

struct Walker {
    Context& cx;
    bool degree;  // check UNR109 (the resolution's own text only)
    Practice practice;

    /// Checks the children of `parent` (whose own effective kind is `pkind`);
    /// `path` names the parent in messages ("4", "4 (a)", or "" for a preambular paragraph).
    /// `before`: the last value of each scheme in the sub-lists of the parent's previous sibling
    /// (the Security Council continues the lettering there).  Returns this list's own.
    std::map<LabelKind, long> children(const Para& parent, LabelKind pkind, const std::string& path,
                                       const std::map<LabelKind, long>& before = {}) {
        // Security Council: an unlabelled heading item ("Security Sector Reform (SSR)") inside a list
        // carries on its lettering: its items count as the list's own.
        std::vector<const Para*> kids;
        flatten(parent, kids);
        std::map<LabelKind, std::vector<SeqItem>> lists;
        std::vector<std::pair<LabelKind, std::vector<SeqItem>>> finished;  // lists closed by a heading
        std::map<LabelKind, long> last;  // last value per scheme, to read ambiguous labels
        std::vector<LabelKind> eff(kids.size(), LabelKind::None);
        LabelKind prev_kind = LabelKind::None;
        bool first_checked = false;

        for (std::size_t i = 0; i < kids.size(); ++i) {
            const Para& c = *kids[i];
            if (!is_sub(c.kind)) continue;
            bool dot = is_dot(c.kind);
            LabelKind lk = letter_kind(dot), rk = roman_kind(dot);
            // (h)->(i) and (hh)->(ii) are letters, (iv)->(v) is roman, (c)->(i) opens a roman list
            LabelKind k = label::kind_in_sequence(c.num, dot, {prev_kind, last[lk], last[rk], c.kind});
            if (k == LabelKind::None) {
                // UNR107: neither a letter sequence nor a roman numeral.
                std::string msg = "'" + (c.label.empty() ? c.num : c.label) + "' is not a valid sub-paragraph label";
                auto& d = cx.report("UNR107", label_or_span(c), msg);
                if (prev_kind != LabelKind::None) {
                    long want = last[prev_kind] + 1;
                    d.message += ": expected " + format_label(prev_kind, want);
                    if (is_letter(prev_kind) && want > 26) d.message += " (after (z) come doubled letters)";
                    Edit e;
                    if (relabel_edit(cx, c, bare_label(prev_kind, want), e)) d.fix = Fix{"relabel as " + format_label(prev_kind, want), {e}};
                }
                continue;
            }
            eff[i] = k;
            long v = value_in(k, c.num);
            // A sub-heading ("B. Scale up climate action") before a first label restarts the
            // lettering (annexes of declarations letter each heading's list from (a)).
            if (!c.heading.empty() && v == 1 && !lists[k].empty()) {
                finished.emplace_back(k, std::move(lists[k]));
                lists[k].clear();
                last[k] = 0;
            }
            lists[k].push_back({&c, v});
            if (v > last[k]) last[k] = v;
            prev_kind = k;

            if (degree && !first_checked) {
                first_checked = true;
                LabelKind want = expected_child(pkind);
                // Security Council: any labels but its parent's (its first levels are (a) or (i)).
                if (practice.council ? k == pkind : k != want) {
                    std::string owner = path.empty() ? "this paragraph" : path;
                    cx.report("UNR109", label_or_span(c),
                              "sub-paragraphs of " + owner + " should be labelled " + scheme_name(want) +
                                  ", not " + format_label(k, v));
                }
            }
        }

        for (auto& [k, items] : lists) finished.emplace_back(k, std::move(items));
        for (auto& [k, items] : finished) {
            SeqNaming n{"UNR104", "UNR105", "UNR106", "sub-paragraph", path.empty() ? "" : path + " ", k};
            long start = 1;
            auto carried = before.find(k);
            if (practice.council && carried != before.end() && !items.empty() && items.front().value == carried->second + 1)
                start = carried->second + 1;
            check_sequence(cx, items, start, n);
        }

        std::map<LabelKind, long> sibling;  // what the previous child's sub-lists reached
        for (std::size_t i = 0; i < kids.size(); ++i) {
            const Para& c = *kids[i];
            if (c.children.empty()) continue;
            std::string label = eff[i] != LabelKind::None ? format_label(eff[i], value_in(eff[i], c.num)) : c.label;
            sibling = children(c, eff[i], path.empty() ? label : path + " " + label, sibling);
        }
        return last;
    }

    void flatten(const Para& parent, std::vector<const Para*>& out) const {
        for (const Para& c : parent.children) {
            if (practice.council && c.label.empty() && c.num.empty() && !c.children.empty()) flatten(c, out);
            else out.push_back(&c);
        }
    }

    void top(const std::vector<Para>& list, bool numbered_path) {
        for (const Para& p : list) {
            if (p.children.empty()) continue;
            std::string path = numbered_path && !p.num.empty() ? p.num : "";
            children(p, p.kind, path);
        }
    }
};

}  // namespace

// ---- the rules this file checks: id, name, default severity, summary, doc ----------------

constinit const RuleInfo UNR104{"UNR104", "subparagraph-lettering-gap", Severity::Error, "Sub-paragraph letters or numerals skip one",
    R"(## What it does
Checks each list of sub-paragraphs at every level: (a), (b), (c) ... then (aa), (bb)
after (z); (i), (ii), (iii) as the first children of a lettered item; a., b. and i., ii.
below. An ambiguous label is read in the scheme of its preceding sibling: (h) -> (i)
is a letter, (hh) -> (ii) a doubled letter. In Security Council texts the lettering of
one item's sub-list may continue in the next item's, and across unlabelled heading items.

## Why is this bad
A missing letter means a sub-paragraph was deleted without relettering.

## Example
```
(c) Urges ...;
(e) Calls upon ...;
```

## How to fix
Reletter the list consecutively (the fix does it).
)"};

constinit const RuleInfo UNR105{"UNR105", "subparagraph-lettering-duplicate", Severity::Error, "Two sub-paragraphs have the same letter",
    R"(## What it does
Reports a sub-paragraph whose letter or numeral was already used in the same list.

## Why is this bad
References such as "subparagraph (c) of paragraph 4" become ambiguous.

## Example
```
(c) Urges ...;
(c) Calls upon ...;
```

## How to fix
Reletter the list consecutively (the fix does it).
)"};

constinit const RuleInfo UNR106{"UNR106", "subparagraph-lettering-order", Severity::Error, "Sub-paragraph letters go backwards",
    R"(## What it does
Reports a sub-paragraph whose letter or numeral is lower than a previous one.

## Why is this bad
Sub-paragraphs were moved without relettering.

## Example
```
(d) Urges ...;
(b) Calls upon ...;
```

## How to fix
Reletter the list in text order (the fix does it).
)"};

constinit const RuleInfo UNR107{"UNR107", "invalid-subparagraph-label", Severity::Error, "A sub-paragraph label is neither a letter sequence nor a roman numeral",
    R"(## What it does
Reports labels such as (za), (a1) or (iiv). After (z) the sequence continues with
doubled letters: (aa), (bb), (cc) ...

## Why is this bad
Such labels are not used in UN texts and break the sequence.

## Example
```
(z) Encourages ...;
(za) Invites ...;
```

## How to fix
Use the next label of the list, here (aa) (the fix does it).
)"};

constinit const RuleInfo UNR109{"UNR109", "subparagraph-degree", Severity::Warning, "Sub-paragraphs use the wrong kind of label for their level",
    R"(## What it does
Checks the degrees of subdivision of the resolution's own paragraphs: 1. -> (a) -> (i) ->
a. -> i. (Editorial Manual, paragraphs and subparagraphs). Annexes are not checked.
Security Council texts label a first level (i), (ii) in places: there only a level
labelled like its parent is reported.

## Why is this bad
Readers and references rely on the level being visible from the label.

## Example
```
4. Reaffirms ...:
(i) Condemns ...;
```

## How to fix
Reletter the list with the labels of its level, here (a), (b) ...
)"};

void check_lettering(Context& cx) {
    const Document& doc = cx.doc;
    if (doc.kind == DocKind::Amendment) return;
    Walker own{cx, true, practice_of(doc)};
    own.top(doc.preamble, false);
    own.top(doc.operative, true);
    Walker annex{cx, false, practice_of(doc)};
    for (const Annex& a : doc.annexes) {
        annex.top(a.preamble, false);
        annex.top(a.operative, true);
    }
}

}  // namespace unres::rules
