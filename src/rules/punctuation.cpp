// End punctuation (UNR301-UNR304).
//
// One fault gives one warning: a paragraph that ends with ':' but has no
// sub-paragraphs is reported only as UNR303, never also as "should end with ';'".
//   preambular paragraph                      ,   (UNR301)
//   paragraph or sub-paragraph with children  :   (UNR304)
//   childless item ending with ':'            -   (UNR303)
//   other operative items                     ;   the very last one  .   (UNR302)
// A declaration's "We ..." paragraphs are sentences and are not checked; a presidential
// statement's neither.  Security Council texts also accept heading items, items ending with
// ',' and items that run into their own items (src/rules/practice.cpp).
#include <array>
#include <cstring>
#include <string_view>

#include <algorithm>

#include "rules/rules.hpp"

namespace unres::rules {

namespace {

struct Ending {
    bool empty = true;
    char c = 0;            ///< ';' ',' '.' ':' or 0 for anything else
    std::string written;   ///< the last character as written
    std::size_t pos = 0;   ///< its offset in Para::text
    std::size_t len = 0;   ///< its length in bytes
};

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Ending ending(const std::string& t) {
    Ending e;
    std::size_t n = t.size();
    // Spaces, and the no-break, narrow, thin and zero-width spaces left before the end tag.
    static constexpr std::array<std::string_view, 6> kWide = {"\u00A0", "\u202F", "\u2007", "\u2009", "\u200A", "\u200B"};
    for (bool more = true; more;) {
        more = false;
        while (n > 0 && space(t[n - 1])) --n;
        for (std::string_view w : kWide)
            if (n >= w.size() && t.compare(n - w.size(), w.size(), w) == 0) {
                n -= w.size();
                more = true;
            }
    }
    if (n == 0) return e;
    // "...; and" / "...; or": the list's last-but-one item, the ';' is what counts ("..., and": the ',').
    for (const char* tail : {"; and", "; or", ", and", ", or"}) {
        std::size_t k = std::strlen(tail);
        if (n >= k && t.compare(n - k, k, tail) == 0) {
            e.empty = false;
            e.c = tail[0];
            e.written = std::string(1, tail[0]);
            e.pos = n - k;
            e.len = 1;
            return e;
        }
    }
    std::size_t start = n - 1;
    while (start > 0 && (static_cast<unsigned char>(t[start]) & 0xC0) == 0x80) --start;
    e.empty = false;
    e.pos = start;
    e.len = n - start;
    e.written = t.substr(start, e.len);
    if (e.len == 1 && std::strchr(";,.:", t[start])) e.c = t[start];
    return e;
}

std::string quoted(char c) { return std::string("'") + c + "'"; }

/// Replaces the final punctuation with `want`, or inserts `want` after the last character.
Fix punct_fix(const Para& p, const Ending& e, char want) {
    Span s = text_span(p, e.pos, e.pos + e.len);
    Fix f;
    if (e.c) {
        f.title = "replace " + quoted(e.c) + " with " + quoted(want);
        f.edits.push_back({s, std::string(1, want)});
    } else {
        f.title = "add " + quoted(want);
        f.edits.push_back({Span{s.end, s.end}, std::string(1, want)});
    }
    return f;
}

struct Checker {
    Context& cx;
    Practice practice;

    Span where(const Para& p, const Ending& e) { return text_span(p, e.pos, e.pos + e.len); }

    /// A childless item must end with `want`; ':' gets its own rule.
    void leaf(const Para& p, char want, std::string_view rule, const std::string& name, bool colon_ok = false,
              bool comma_ok = false) {
        Ending e = ending(p.text);
        if (e.empty || e.c == want || (comma_ok && e.c == ',')) return;
        if (e.c == ':') {
            if (colon_ok) return;
            cx.report("UNR303", where(p, e), name + " ends with ':' but introduces no list");
            return;
        }
        std::string msg = name + (e.c ? " ends with " + quoted(e.c) + ": should end with " + quoted(want)
                                      : " should end with " + quoted(want));
        auto& d = cx.report(rule, where(p, e), msg);
        d.fix = punct_fix(p, e, want);
    }

    /// An item with sub-paragraphs must end with ':'.
    void intro(const Para& p, const std::string& name) {
        Ending e = ending(p.text);
        if (e.empty || e.c == ':') return;
        auto& d = cx.report("UNR304", where(p, e), name + " introduces sub-paragraphs: should end with ':'");
        d.fix = punct_fix(p, e, ':');
    }

    /// `path` names the item: "4" for operative paragraph 4, "4 (e)" for its sub-paragraph.
    /// `tail`: `p` is the last item of its operative paragraph (its end closes the paragraph).
    void operative(const Para& p, bool last, const std::string& path, bool top, bool colon_ok, bool tail = true) {
        // Security Council: items end with ',' as well as ';' (not the paragraph's last).
        bool comma_ok = practice.council && !top && !tail;
        std::string name = top ? (path.empty() ? std::string("operative paragraph") : "operative paragraph " + path)
                               : "sub-paragraph " + path;
        // Security Council: an unlabelled item "Security Sector Reform (SSR)" or "Special Criminal
        // Court (SCC):" is a heading inside the list, not an item.
        if (practice.council && !top && p.label.empty() && p.num.empty() && (heading_item(p) || ending(p.text).c == ':'))
            return;
        if (p.children.empty()) {
            leaf(p, last ? '.' : ';', "UNR302", name, colon_ok, comma_ok);
            return;
        }
        // Security Council: "(c) Protection of civilians" heads its own list, no colon; an item
        // may run into its own items ("... UNAMI ... shall (a) prioritize ...", "(a) the
        // structure ... of its forces, (i) including ...").
        bool run_in = practice.council && (heading_item(p) || (!top && ending(p.text).c == ','));
        if (!run_in) intro(p, name);
        for (std::size_t i = 0; i < p.children.size(); ++i) {
            const Para& c = p.children[i];
            std::string label = c.label.empty() ? c.num : c.label;
            bool last_child = i + 1 == p.children.size();
            operative(c, last && last_child, path.empty() ? label : path + " " + label, false, false, tail && last_child);
        }
    }

    /// An item whose text does not end with ';', ',', '.' or ':': a heading ("Protection of
    /// civilians", "Security Sector Reform (SSR)").
    static bool heading_item(const Para& p) {
        Ending e = ending(p.text);
        return !e.empty && e.c == 0;
    }

    void preamble(const Para& p, std::size_t index, bool intro = false) {
        std::string name = ordinal(index + 1) + " preambular paragraph";
        if (p.children.empty()) {
            leaf(p, ',', "UNR301", name, intro);
            return;
        }
        // A subdivided preambular paragraph: its last sub-paragraph carries the comma.
        const Para* q = &p;
        while (!q->children.empty()) q = &q->children.back();
        leaf(*q, ',', "UNR301", "last sub-paragraph of the " + name);
    }
};

}  // namespace

// ---- the rules this file checks: id, name, default severity, summary, doc ----------------

constinit const RuleInfo UNR301{"UNR301", "preamble-end-comma", Severity::Warning, "A preambular paragraph does not end with a comma",
    R"(## What it does
Checks that every preambular paragraph ends with ",". Footnote marks after the comma
are fine. For a subdivided preambular paragraph its last sub-paragraph is checked.

## Why is this bad
The preamble is one sentence whose subject is the organ; each paragraph ends with a
comma (AKN4UN part 3).

## Example
```
Recognizing the positive contributions of migrants.
```

## How to fix
Replace the final punctuation with "," (the fix does it).
)"};

constinit const RuleInfo UNR302{"UNR302", "operative-end-punctuation", Severity::Warning, "An operative paragraph or sub-paragraph has the wrong final punctuation",
    R"(## What it does
Checks that each operative paragraph and sub-paragraph without sub-paragraphs ends
with ";", except the very last one of the operative part (the last paragraph, or the
last sub-paragraph of the last paragraph), which ends with ".". "; and" / "; or"
count as ";". A ":" is reported by UNR303 instead. The "We ..." paragraphs of a
declaration and a presidential statement's sentences are not checked; Security Council
items may also end with "," (not the paragraph's last), and its unlabelled heading items
are not items.

## Why is this bad
The operative part is one sentence: items are separated by semicolons and the last
one ends with a full stop.

## Example
```
5. Requests the Secretary-General to report.
6. Decides to remain seized of the matter.
```

## How to fix
Replace the final punctuation (the fix does it).
)"};

constinit const RuleInfo UNR303{"UNR303", "colon-without-list", Severity::Warning, "A paragraph ends with ':' but introduces no sub-paragraphs",
    R"(## What it does
Reports a paragraph or sub-paragraph that ends with ":" but has no sub-paragraphs,
in the preamble or the operative part. (The last operative paragraph may end with ":"
when it introduces an annexed text: "Adopts the following Declaration:".)

## Why is this bad
A colon announces a list; without one it is usually a typing error for ";".

## Example
```
(e) ... to promote and raise awareness of the Convention:
(f) Takes note ...;
```

## How to fix
End the paragraph with ";" (or "." if it is the last).
)"};

constinit const RuleInfo UNR304{"UNR304", "list-intro-colon", Severity::Warning, "A paragraph that introduces sub-paragraphs does not end with ':'",
    R"(## What it does
Checks that a paragraph or sub-paragraph followed by its own sub-paragraphs ends with ":".
Security Council texts also open a list with a heading item ("(a) Protection of
civilians") or run a sentence into its items ("... shall (a) prioritize ...").

## Why is this bad
The chapeau introduces the list ("..., and in this regard:").

## Example
```
4. Reaffirms the rights set forth ..., and in this regard;
(a) Strongly condemns ...;
```

## How to fix
End the chapeau with ":" (the fix does it).
)"};

void check_punctuation(Context& cx) {
    const Document& doc = cx.doc;
    if (doc.kind == DocKind::Amendment) return;
    Checker ck{cx, practice_of(doc)};
    // "Resolves that:" introduces the text that follows (adopted_text_intro): its colon is right
    const Para* intro = adopted_text_intro(doc);
    for (std::size_t i = 0; i < doc.preamble.size(); ++i) ck.preamble(doc.preamble[i], i, &doc.preamble[i] == intro);
    if (ck.practice.statement) return;  // a presidential statement's paragraphs are quoted sentences
    const TablePlaces tables(doc.tables);
    for (std::size_t i = 0; i < doc.operative.size(); ++i) {
        const Para& p = doc.operative[i];
        // A declaration's paragraphs ("We recognize ...") are sentences, each with its full stop
        // (EDITORIAL-RULES 3): from the first one on, as for the lead words (leadwords.cpp).
        // The opening of a declaration adopted inline ("We, the Ministers ..., held in ...,") too.
        if (p.text.starts_with("We ") || (p.text.starts_with("We, ") && in_adopted_text(intro, p))) break;
        bool last = i + 1 == doc.operative.size();
        // "Adopts the following Declaration:" may introduce the annexed text; "... shall be as
        // follows:" the table right after the paragraph.
        bool table_next = !tables.at(-1, i + 1).empty();
        bool colon_ok = (last && !doc.annexes.empty()) || &p == intro || table_next;
        ck.operative(p, last, p.num, true, colon_ok);
    }
}

}  // namespace unres::rules
