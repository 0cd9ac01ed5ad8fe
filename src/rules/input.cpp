// Input problems (UNR901) and the docs of the input faults the readers raise (UNR902, UNR903).
#include <algorithm>

#include "rules/rules.hpp"

namespace unres::rules {

// ---- the rules this file checks: id, name, default severity, summary, doc ----------------

constinit const RuleInfo UNR901{"UNR901", "invalid-utf8", Severity::Warning, "The input contains bytes that are not valid UTF-8",
    R"(## What it does
Reports bytes that could not be decoded as UTF-8; each was replaced by U+FFFD.

## Why is this bad
Characters were lost: the file is in another encoding (e.g. Windows-1252) or damaged.

## Example
A file saved as Windows-1252 with "Côte d'Ivoire".

## How to fix
Save the file as UTF-8 (or UTF-16 with a byte-order mark).
)"};

constinit const RuleInfo UNR902{"UNR902", "unreadable-xml", Severity::Error, "The XML input is malformed or not Akoma Ntoso",
    R"(## What it does
Reports an XML file that is not well-formed, whose root is not `akomaNtoso`, or that declares a
DOCTYPE or entities (which unres never expands).

## Why is this bad
The document cannot be read (or only partly): its structure is unknown, so every other check is
unreliable.

## Example
```xml
<akomaNtoso><act><meta></act>
```

## How to fix
Fix the XML at the position given (an editor with XML validation helps); remove the DOCTYPE.
)"};

constinit const RuleInfo UNR903{"UNR903", "nesting-too-deep", Severity::Error, "Sub-paragraphs or XML elements are nested deeper than unres reads",
    R"(## What it does
Reports input nested beyond unres's limits: sub-paragraphs more than 32 levels below their
paragraph (the deeper ones are kept, in order, at the 32nd level), or Akoma Ntoso XML whose
elements nest more than 256 deep (the document is not read).

## Why is this bad
UN resolutions use four levels below the paragraph ((a), (i), a., i.); such depth is a
labelling mistake or a hostile file, and its structure cannot be reproduced faithfully.

## Example
A list whose labels run (a), (i), (a), (i), ... each opening a new level.

## How to fix
Restore the intended levels: sub-paragraphs are lettered (a), (b), ... and their own items
(i), (ii), ...
)"};

void check_input(Context& cx) {
    std::size_t n = cx.src.invalid_utf8();
    if (n == 0) return;
    const auto& offs = cx.src.invalid_offsets();
    auto at = [&](std::uint32_t o) {
        // Each bad byte became U+FFFD (3 bytes) in SourceFile::text().
        auto end = std::min<std::size_t>(cx.src.text().size(), std::size_t{o} + 3);
        return Span{o, static_cast<std::uint32_t>(end)};
    };
    Span first = offs.empty() ? Span{0, 0} : at(offs.front());
    std::string msg = n == 1 ? "1 invalid UTF-8 byte was replaced by U+FFFD"
                             : std::to_string(n) + " invalid UTF-8 bytes were replaced by U+FFFD";
    auto& d = cx.report("UNR901", first, msg);
    for (std::size_t i = 1; i < offs.size() && i < 10; ++i) d.notes.push_back({at(offs[i]), "another invalid byte"});
}

}  // namespace unres::rules
