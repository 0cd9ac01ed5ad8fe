// Input problems: invalid UTF-8 (UNR901), an encoding that had to be guessed (UNR904); and the docs
// of the input faults the readers raise (UNR902, UNR903) and the CLI reports (UNR900, a file found
// in a directory that could not be read: src/cli/check.cpp).
#include <algorithm>

#include "rules/rules.hpp"
#include "utf8.hpp"

namespace unres::rules {

// ---- the rules this file checks: id, name, default severity, summary, doc ----------------

constinit const RuleInfo UNR900{"UNR900", "unreadable-file", Severity::Error, "A file found in a directory could not be read or decoded",
    R"(## What it does
Reports a file that `unres check DIR` found in a directory but could not read: it cannot be
opened, it is not a text (a PDF unres cannot read, an image, a legacy Word .doc, a damaged
.docx, binary data), or it is past a limit (a .docx zip bomb).  The diagnostic stands at the
start of the file, in every output format; the other files are checked as usual.  A file named
on the command line that cannot be read stops the run instead (exit 2, one message).

## Why is this bad
The file was not checked: a CI job that passes must not have skipped a draft silently.

## Example
`drafts/A_C.3_80_L.5.doc` next to the drafts: "input is a legacy Word/OLE file".

## How to fix
Save the draft as .docx, UTF-8 text or markdown, or move the file out of the checked directory.
)"};

constinit const RuleInfo UNR901{"UNR901", "invalid-utf8", Severity::Warning, "The input contains bytes that are not valid UTF-8",
    R"(## What it does
Reports bytes that could not be decoded as UTF-8 in a file that is otherwise UTF-8 (it has
valid multi-byte sequences); each bad byte was replaced by U+FFFD.  A file without any valid
multi-byte sequence is read as Windows-1252 instead (UNR904).

## Why is this bad
Characters were lost: the file was damaged, or text in another encoding was pasted into it.

## Example
A UTF-8 file with "Côte d'Ivoire" where one pasted line has "C\xF4te" (Windows-1252).

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

constinit const RuleInfo UNR904{"UNR904", "encoding-guessed", Severity::Note, "The file has no byte-order mark and is not UTF-8: its encoding was guessed",
    R"(## What it does
Notes that the file was decoded in an encoding unres had to guess: Windows-1252 (which reads
Latin-1 too) for a file that is not valid UTF-8 and has no UTF-8 multi-byte sequence, or UTF-16
without a byte-order mark, recognised by its NUL bytes.  The note stands at the first character
that is not ASCII (Windows-1252) or at the start of the file (UTF-16).  `unres fix` writes such
a file back in the same encoding.

## Why is this bad
Nothing is lost, but the guess could be wrong (a Cyrillic or Greek single-byte file reads as
accented Latin letters), and other tools may not guess the same way.

## Example
A draft saved by an old Windows editor: "Côte d'Ivoire" with "ô" as the single byte F4.

## How to fix
Save the file as UTF-8.
)"};


void check_input(Context& cx) {
    if (encoding_guessed(cx.src.encoding())) {
        const std::string& t = cx.src.text();
        std::uint32_t at = 0;
        if (cx.src.encoding() == Encoding::Windows1252)
            while (at < t.size() && static_cast<unsigned char>(t[at]) < 0x80) ++at;
        if (at >= t.size()) at = 0;
        Span span{at, at};
        if (at < t.size()) span.end = at + static_cast<std::uint32_t>(utf8::valid_sequence(t, at));
        cx.report("UNR904", span,
                  "the file is not UTF-8 and has no byte-order mark: read as " + std::string(to_string(cx.src.encoding())));
    }
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
