// Operative paragraph numbering (UNR101-UNR103, UNR108) and the sequence engine
// shared with sub-paragraph lettering (lettering.cpp).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>

#include "rules/rules.hpp"

namespace unres::rules {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool iequal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

/// Position of `word` in `hay` as a whole token (not inside a longer run of letters
/// or digits), case-insensitively; npos when absent.
std::size_t find_token(std::string_view hay, std::string_view word) {
    if (word.empty() || word.size() > hay.size()) return std::string_view::npos;
    for (std::size_t i = 0; i + word.size() <= hay.size(); ++i) {
        if (!iequal(hay.substr(i, word.size()), word)) continue;
        bool left = i == 0 || !is_alnum(hay[i - 1]);
        bool right = i + word.size() == hay.size() || !is_alnum(hay[i + word.size()]);
        if (left && right) return i;
    }
    return std::string_view::npos;
}

std::string match_case(std::string_view original, std::string repl) {
    bool upper = !original.empty() && std::isupper(static_cast<unsigned char>(original[0]));
    if (upper)
        for (auto& c : repl) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return repl;
}

}  // namespace

Span label_or_span(const Para& p) { return p.label_span.empty() ? p.span : p.label_span; }

Span text_span(const Para& p, std::size_t begin, std::size_t end) {
    std::uint32_t b = p.source_offset(begin);
    if (end <= begin) return {b, b};
    std::uint32_t e = p.source_offset(end - 1) + 1;
    return {b, std::max(b, e)};
}

std::string ordinal(std::size_t n) {
    std::string suffix = "th";
    if (n % 100 < 11 || n % 100 > 13) {
        if (n % 10 == 1) suffix = "st";
        else if (n % 10 == 2) suffix = "nd";
        else if (n % 10 == 3) suffix = "rd";
    }
    return std::to_string(n) + suffix;
}

bool relabel_edit(const Context& cx, const Para& p, const std::string& bare, Edit& out) {
    if (bare.empty()) return false;  // no label to write (past the last of its kind)
    const std::string& text = cx.src.text();
    if (!p.label_span.empty() && p.label_span.end <= text.size()) {
        std::string_view written(text.data() + p.label_span.begin, p.label_span.end - p.label_span.begin);
        std::size_t at = find_token(written, p.num);
        if (at != std::string_view::npos) {
            auto b = static_cast<std::uint32_t>(p.label_span.begin + at);
            out.span = {b, static_cast<std::uint32_t>(b + p.num.size())};
            out.replacement = match_case(written.substr(at, p.num.size()), bare);
            return true;
        }
    }
    if (p.label_span.empty() || p.label.empty()) return false;
    std::size_t at = find_token(p.label, p.num);
    if (at == std::string::npos) return false;
    out.span = p.label_span;
    out.replacement = p.label.substr(0, at) + match_case(std::string_view(p.label).substr(at, p.num.size()), bare) +
                      p.label.substr(at + p.num.size());
    return true;
}

namespace {

/// "paragraph 7 is missing", "paragraphs 7 to 9 are missing", "(d) and (e) are missing".
std::string missing_text(const std::vector<long>& missing, const SeqNaming& n) {
    // Group into runs of consecutive values.
    std::vector<std::pair<long, long>> runs;
    for (long v : missing) {
        if (!runs.empty() && runs.back().second + 1 == v) runs.back().second = v;
        else runs.emplace_back(v, v);
    }
    std::vector<std::string> parts;
    for (auto [a, b] : runs) {
        if (a == b) parts.push_back(format_label(n.kind, a));
        else if (b == a + 1) { parts.push_back(format_label(n.kind, a)); parts.push_back(format_label(n.kind, b)); }
        else parts.push_back(format_label(n.kind, a) + " to " + format_label(n.kind, b));
    }
    std::string list;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) list += (i + 1 == parts.size()) ? " and " : ", ";
        list += parts[i];
    }
    bool plural = missing.size() > 1;
    std::string noun = n.kind == LabelKind::Number ? (plural ? "paragraphs " : "paragraph ") : "";
    return noun + list + (plural ? " are missing" : " is missing");
}

}  // namespace

void check_sequence(Context& cx, const std::vector<SeqItem>& items, long start, const SeqNaming& n) {
    if (items.empty()) return;
    std::set<long> all;
    for (const auto& it : items) all.insert(it.value);
    std::map<long, const Para*> seen;
    long prev = start - 1;
    const Para* prev_p = nullptr;
    std::size_t first = SIZE_MAX;  // index of the list's first diagnostic
    auto subject = [&](long v) { return n.what + " " + n.prefix + format_label(n.kind, v); };

    for (const auto& it : items) {
        const Para& p = *it.para;
        long v = it.value;
        Diagnostic* d = nullptr;
        if (auto f = seen.find(v); f != seen.end()) {
            d = &cx.report(n.dup_rule, label_or_span(p), "duplicate " + subject(v));
            d->notes.push_back({label_or_span(*f->second), format_label(n.kind, v) + " is first used here"});
        } else if (v > prev + 1) {
            std::vector<long> missing;
            for (long m = prev + 1; m < v && missing.size() < 1000; ++m)
                if (!all.count(m)) missing.push_back(m);
            if (!missing.empty()) {
                std::string msg = prev_p ? subject(v) + " follows " + format_label(n.kind, prev)
                                         : subject(v) + " is the first";
                d = &cx.report(n.gap_rule, label_or_span(p), msg + ": " + missing_text(missing, n));
                if (prev_p)
                    d->notes.push_back({label_or_span(*prev_p), "previous " + n.what + " " + format_label(n.kind, prev) + " is here"});
            }
        } else if (v <= prev) {
            d = &cx.report(n.order_rule, label_or_span(p),
                           subject(v) + " follows " + format_label(n.kind, prev) + ": out of order");
            if (prev_p)
                d->notes.push_back({label_or_span(*prev_p), format_label(n.kind, prev) + " is here"});
        }
        seen.emplace(v, &p);
        if (v > prev) { prev = v; prev_p = &p; }
        if (d && first == SIZE_MAX) first = cx.count() - 1;
    }

    if (first != SIZE_MAX) {
        Fix fix;
        fix.title = std::string(n.kind == LabelKind::Number ? "renumber" : "reletter") + " the " + n.what + "s consecutively";
        for (std::size_t k = 0; k < items.size(); ++k) {
            long want = start + static_cast<long>(k);
            if (items[k].value == want) continue;
            std::string bare = bare_label(n.kind, want);
            if (bare.empty()) {  // past the last label of its kind (lxxxix, zzzzz): no relabelling
                fix.edits.clear();
                break;
            }
            Edit e;
            if (relabel_edit(cx, *items[k].para, bare, e)) fix.edits.push_back(std::move(e));
        }
        if (!fix.edits.empty()) cx.at(first).fix = std::move(fix);
    }
}

namespace {

/// Numbered paragraphs of one list, split into runs: a section whose numbering
/// starts at 1 or below the highest number so far restarts; otherwise it continues.
void check_numbered_list(Context& cx, const std::vector<Para>& list, const SeqNaming& naming) {
    std::vector<std::vector<SeqItem>> runs(1);
    std::string section;
    bool started = false, new_section = false;
    long high = 0;
    for (const Para& p : list) {
        if (started && p.section != section) new_section = true;
        section = p.section;
        started = true;
        if (p.kind != LabelKind::Number) continue;
        long v = number_value(p.num);
        if (v <= 0) continue;
        if (new_section && (v == 1 || v < high) && !runs.back().empty()) runs.emplace_back();
        // "Rule 8" / "1. If both Presidents ...": numbering that restarts after a heading
        else if (!p.heading.empty() && v == 1 && !runs.back().empty()) runs.emplace_back();
        new_section = false;
        runs.back().push_back({&p, v});
        high = std::max(high, v);
    }
    for (const auto& run : runs) check_sequence(cx, run, 1, naming);
}

}  // namespace

// ---- the rules this file checks: id, name, default severity, summary, doc ----------------

constinit const RuleInfo UNR101{"UNR101", "operative-numbering-gap", Severity::Error, "Operative paragraph numbers skip a number",
    R"(## What it does
Checks that numbered paragraphs run 1, 2, 3 ... without a gap: in the operative part
(per section when sections restart at 1, across sections when they continue) and,
separately, in each annex.

## Why is this bad
A gap usually means a paragraph was deleted without renumbering; every later
paragraph and every "paragraph N above" reference is then off by one.

## Example
```
6. Encourages ...;
8. Urges ...;
```

## How to fix
Renumber the following paragraphs (the fix does it), then check cross-references.
)"};

constinit const RuleInfo UNR102{"UNR102", "operative-numbering-duplicate", Severity::Error, "Two operative paragraphs have the same number",
    R"(## What it does
Reports a numbered paragraph whose number was already used in the same list.

## Why is this bad
A paragraph inserted without renumbering makes references ambiguous and the numbering wrong.

## Example
```
5. Invites ...;
5. Requests ...;
```

## How to fix
Renumber the list consecutively (the fix does it).
)"};

constinit const RuleInfo UNR103{"UNR103", "operative-numbering-order", Severity::Error, "Operative paragraph numbers go backwards",
    R"(## What it does
Reports a numbered paragraph whose number is lower than a previous one (and not a duplicate).

## Why is this bad
Paragraphs were moved without renumbering; the printed numbers no longer follow the text.

## Example
```
4. Decides ...;
3. Requests ...;
```

## How to fix
Renumber the list in text order (the fix does it).
)"};

constinit const RuleInfo UNR108{"UNR108", "unnumbered-operative-paragraph", Severity::Warning, "An operative paragraph has no number while others do",
    R"(## What it does
Reports an unnumbered paragraph in an operative part whose other paragraphs are numbered.
A resolution with a single, unnumbered operative paragraph is fine.

## Why is this bad
Operative paragraphs are numbered consecutively; an unnumbered one cannot be referred to
and is often a paragraph whose number was lost.

## Example
```
3. Decides ...;
Requests the Secretary-General ...;
4. Invites ...;
```

## How to fix
Number the paragraph and renumber the following ones.
)"};

void check_numbering(Context& cx) {
    const Document& doc = cx.doc;
    if (doc.kind == DocKind::Amendment) return;

    SeqNaming op{"UNR101", "UNR102", "UNR103", "operative paragraph", "", LabelKind::Number};
    check_numbered_list(cx, doc.operative, op);

    // UNR108: an unnumbered paragraph among numbered ones.
    bool any_numbered = std::any_of(doc.operative.begin(), doc.operative.end(),
                                    [](const Para& p) { return p.kind == LabelKind::Number; });
    if (any_numbered) {
        const Para* prev = nullptr;
        const Para* intro = adopted_text_intro(doc);  // "Resolves that:" stands unnumbered
        for (const Para& p : doc.operative) {
            if (&p == intro) continue;
            // the adopted text's opening ("We, the Ministers ...,") before its first numbered paragraph
            if (!prev && p.kind == LabelKind::None && in_adopted_text(intro, p)) continue;
            if (p.kind == LabelKind::None || p.num_inferred) {
                std::string where = prev ? " (after paragraph " + prev->num + ")" : "";
                std::string read = p.num_inferred ? "; read as paragraph " + p.num : "";
                auto& d = cx.report("UNR108", text_span(p, 0, std::min<std::size_t>(p.text.size(), 1)),
                                    "operative paragraph is not numbered" + where + read);
                if (prev) d.notes.push_back({label_or_span(*prev), "paragraph " + prev->num + " is here"});
                if (p.num_inferred) prev = &p;
            } else if (p.kind == LabelKind::Number) {
                prev = &p;
            }
        }
    }

    for (const Annex& a : doc.annexes) {
        SeqNaming an{"UNR101", "UNR102", "UNR103", a.num.empty() ? "annex paragraph" : "annex " + a.num + " paragraph", "",
                     LabelKind::Number};
        check_numbered_list(cx, a.operative, an);
    }
}

}  // namespace unres::rules
