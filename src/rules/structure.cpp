// Document structure (UNR001-UNR004): the fixed order "name of the organ, preamble,
// operative part" (EM-res C), text the builder could not place, and the doc of UNR005
// (tables and other blocks the text reader keeps unstructured).
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

// ---- the rules this file checks: id, name, default severity, summary, doc ----------------

constinit const RuleInfo UNR001{"UNR001", "unclassified-text", Severity::Warning, "Text that could not be placed in the document structure",
    R"(## What it does
Reports a block of text that is neither header, preamble, operative part, footnote,
annex nor closing line, and so could not be placed in the document tree.

## Why is this bad
The text is kept in the output, but writers cannot put it where it belongs: it may be
a paragraph that lost its number, stray page furniture or a broken line.

## Example
```
The General Assembly,
xx 5/14 xx
Recalling its resolution 76/172,
```

## How to fix
Delete the stray text, or restore the paragraph's number or lead word so it is recognised.
)"};

constinit const RuleInfo UNR002{"UNR002", "authority-missing", Severity::Warning, "The enacting formula (\"The General Assembly,\") is missing",
    R"(## What it does
Checks that a resolution opens with the name of the organ, e.g. "The General Assembly,"
or "The Security Council,", before its first paragraph. Decisions, amendments and
presidential statements (whose formula is a sentence) are not checked.

## Why is this bad
The order of elements is fixed: name of the organ, preamble, operative part
(Editorial Manual, resolutions, C).

## Example
```
Protection of migrants
Recalling its resolution 76/172,
```

## How to fix
Insert the formula on its own line: `The General Assembly,`.
)"};

constinit const RuleInfo UNR003{"UNR003", "preamble-after-operative", Severity::Warning, "A preambular paragraph follows the operative part",
    R"(## What it does
Reports a preambular paragraph that stands after an operative paragraph of the same
part (in sectioned resolutions each section may have its own preamble).

## Why is this bad
The preamble precedes the operative part; a preambular paragraph after it is usually a
misplaced paragraph or an operative paragraph that lost its number.

## Example
```
1. Decides ...;
Recalling its resolution 76/172,
```

## How to fix
Move the paragraph into the preamble, or number it and give it an operative verb.
)"};

constinit const RuleInfo UNR004{"UNR004", "operative-part-missing", Severity::Error, "The text has no operative paragraph",
    R"(## What it does
Reports a resolution without any operative paragraph. Decisions (whose text may be one
sentence, "The General Assembly decides to defer ...") and amendments (editing
instructions) are not checked.

## Why is this bad
The operative part is always present; a preamble alone decides nothing.

## Example
```
The General Assembly,
Recalling its resolution 76/172,
```

## How to fix
Add the operative paragraphs ("1. Decides ...").
)"};

constinit const RuleInfo UNR005{"UNR005", "unstructured-block", Severity::Note, "A table: its rows are read as cells, not paragraphs",
    R"(## What it does
Notes a block the reader recognised as a table (lines of short cells, columns in a
`pdftotext -layout` extraction, a markdown table `| a | b |`): it is kept as a table node,
rows of cells, once per table.

## Why is this bad
It is not a fault: budget resolutions carry staffing tables, scales of assessments are tables.
The note says that the block is not part of the numbered structure, so its rows are not
checked as paragraphs; it is written to Akoma Ntoso as a `table`.

## Example
```
6. Approves the changes to the staffing table as set out in the table below:
Action      Title of post              Category/Level
New post    Information Systems Officer P-4
```

## How to fix
Nothing to fix.  Silence it with `--ignore UNR005` if the notes are noise.
)"};

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

    // UNR004: the operative part is always present (a decision may be one sentence, "The
    // General Assembly decides to defer ...": it has no parts to demand).
    bool decision = doc.kind == DocKind::Decision || doc.kind == DocKind::DraftDecision;
    if (doc.operative.empty() && !decision) {
        Span at{0, 0};
        if (doc.meta.symbol.present()) at = doc.meta.symbol.span;
        if (!doc.preamble.empty()) at = first_char(doc.preamble.back());
        cx.report("UNR004", at, "the text has no operative part");
    }

    // UNR002: "The General Assembly," before the first paragraph (decisions are
    // written "The General Assembly decides ..." inside the paragraph).
    // A presidential statement speaks in sentences ("The Security Council recalls ...").
    if (!decision && !doc.authority.present() && !practice_of(doc).statement) {
        const Para* first = !doc.preamble.empty() ? &doc.preamble.front()
                            : !doc.operative.empty() ? &doc.operative.front() : nullptr;
        // the organ whose text it is: the body of the header, the Council's by its practice
        std::string organ = practice_of(doc).council ? "Security Council"
                            : doc.meta.body.present() ? doc.meta.body.value : "General Assembly";
        if (first)
            cx.report("UNR002", first_char(*first),
                      "the text does not open with the name of the organ (\"The " + organ + ",\")");
    }

    // UNR003: a preambular paragraph after an operative paragraph of the same part
    // (sectioned resolutions have one preamble per section).
    std::map<std::string, const Para*> first_op;  // earliest operative paragraph per section
    for (const Para& p : doc.operative) {
        auto [it, fresh] = first_op.emplace(p.section, &p);
        if (!fresh && p.span.begin < it->second->span.begin) it->second = &p;
    }
    const Para* intro = adopted_text_intro(doc);
    for (const Para& q : doc.preamble) {
        if (in_adopted_text(intro, q)) continue;  // the preamble of a text adopted in the body
        auto f = first_op.find(q.section);
        if (f == first_op.end() || f->second->span.begin >= q.span.begin) continue;
        const Para* o = f->second;
        std::string which = o->num.empty() ? "the first operative paragraph" : "operative paragraph " + o->num;
        auto& d = cx.report("UNR003", first_char(q), "preambular paragraph after " + which);
        d.notes.push_back({label_or_span(*o), which + " is here"});
    }
}

}  // namespace unres::rules
