// The one sorted table of rules, and validate().
//
// Severity policy: a numbering fault (paragraphs, sub-paragraphs, footnotes) or a
// reference to something that does not exist is an error: the text says something
// false.  Style (punctuation, lead words), header details and faults that are often
// artefacts of a conversion (a footnote whose mark was lost) are warnings.  Notes
// are information a drafter may want but need not act on.
#include <algorithm>

#include "rules/rules.hpp"

namespace unres {

namespace {

constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;
constexpr Severity N = Severity::Note;

const std::vector<RuleInfo> kRules = {
    // ---- UNR0xx structure ---------------------------------------------------------
    {"UNR001", "unclassified-text", W, "Text that could not be placed in the document structure",
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
)"},
    {"UNR002", "authority-missing", W, "The enacting formula (\"The General Assembly,\") is missing",
     R"(## What it does
Checks that a resolution opens with the name of the organ, e.g. "The General Assembly,"
or "The Security Council,", before its first paragraph. Decisions and amendments are
not checked.

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
)"},
    {"UNR003", "preamble-after-operative", W, "A preambular paragraph follows the operative part",
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
)"},
    {"UNR004", "operative-part-missing", E, "The text has no operative paragraph",
     R"(## What it does
Reports a resolution or decision without any operative paragraph (amendments are not
checked: they consist of editing instructions).

## Why is this bad
The operative part is always present; a preamble alone decides nothing.

## Example
```
The General Assembly,
Recalling its resolution 76/172,
```

## How to fix
Add the operative paragraphs ("1. Decides ...").
)"},

    // ---- UNR1xx numbering and lettering ---------------------------------------------
    {"UNR005", "unstructured-block", N, "A table or other block kept as unstructured text",
     R"(## What it does
Notes a block the reader recognised as a table (lines of short cells, or columns in a
`pdftotext -layout` extraction) or another non-paragraph block, kept as unstructured text.

## Why is this bad
It is not a fault: budget resolutions carry staffing tables.  The note says that the block is
not part of the numbered structure, so its cells are not checked and are written to Akoma Ntoso
as a plain block.

## Example
```
6. Approves the changes to the staffing table as set out in the table below:
Action      Title of post              Category/Level
New post    Information Systems Officer P-4
```

## How to fix
Nothing to fix.  Silence it with `--ignore UNR005` if the notes are noise.
)"},

    {"UNR101", "operative-numbering-gap", E, "Operative paragraph numbers skip a number",
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
)"},
    {"UNR102", "operative-numbering-duplicate", E, "Two operative paragraphs have the same number",
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
)"},
    {"UNR103", "operative-numbering-order", E, "Operative paragraph numbers go backwards",
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
)"},
    {"UNR104", "subparagraph-lettering-gap", E, "Sub-paragraph letters or numerals skip one",
     R"(## What it does
Checks each list of sub-paragraphs at every level: (a), (b), (c) ... then (aa), (bb)
after (z); (i), (ii), (iii) as the first children of a lettered item; a., b. and i., ii.
below. An ambiguous label is read in the scheme of its preceding sibling: (h) -> (i)
is a letter, (hh) -> (ii) a doubled letter.

## Why is this bad
A missing letter means a sub-paragraph was deleted without relettering.

## Example
```
(c) Urges ...;
(e) Calls upon ...;
```

## How to fix
Reletter the list consecutively (the fix does it).
)"},
    {"UNR105", "subparagraph-lettering-duplicate", E, "Two sub-paragraphs have the same letter",
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
)"},
    {"UNR106", "subparagraph-lettering-order", E, "Sub-paragraph letters go backwards",
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
)"},
    {"UNR107", "invalid-subparagraph-label", E, "A sub-paragraph label is neither a letter sequence nor a roman numeral",
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
)"},
    {"UNR108", "unnumbered-operative-paragraph", W, "An operative paragraph has no number while others do",
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
)"},
    {"UNR109", "subparagraph-degree", W, "Sub-paragraphs use the wrong kind of label for their level",
     R"(## What it does
Checks the degrees of subdivision of the resolution's own paragraphs: 1. -> (a) -> (i) ->
a. -> i. (Editorial Manual, paragraphs and subparagraphs). Annexes are not checked.

## Why is this bad
Readers and references rely on the level being visible from the label.

## Example
```
4. Reaffirms ...:
(i) Condemns ...;
```

## How to fix
Reletter the list with the labels of its level, here (a), (b) ...
)"},

    // ---- UNR2xx footnotes ------------------------------------------------------------
    {"UNR201", "footnote-mark-without-body", E, "A footnote mark has no footnote text",
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
)"},
    {"UNR202", "footnote-body-without-mark", W, "A footnote is not referred to in the text",
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
)"},
    {"UNR203", "footnote-mark-order", E, "Footnotes are not numbered in the order of their marks",
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
)"},
    {"UNR204", "footnote-numbering-gap", E, "A footnote number is missing from the series",
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
)"},
    {"UNR205", "footnote-duplicate", E, "Two footnotes have the same number",
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
)"},

    // ---- UNR3xx style ---------------------------------------------------------------
    {"UNR301", "preamble-end-comma", W, "A preambular paragraph does not end with a comma",
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
)"},
    {"UNR302", "operative-end-punctuation", W, "An operative paragraph or sub-paragraph has the wrong final punctuation",
     R"(## What it does
Checks that each operative paragraph and sub-paragraph without sub-paragraphs ends
with ";", except the very last one of the operative part (the last paragraph, or the
last sub-paragraph of the last paragraph), which ends with ".". "; and" / "; or"
count as ";". A ":" is reported by UNR303 instead.

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
)"},
    {"UNR303", "colon-without-list", W, "A paragraph ends with ':' but introduces no sub-paragraphs",
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
)"},
    {"UNR304", "list-intro-colon", W, "A paragraph that introduces sub-paragraphs does not end with ':'",
     R"(## What it does
Checks that a paragraph or sub-paragraph followed by its own sub-paragraphs ends with ":".

## Why is this bad
The chapeau introduces the list ("..., and in this regard:").

## Example
```
4. Reaffirms the rights set forth ..., and in this regard;
(a) Strongly condemns ...;
```

## How to fix
End the chapeau with ":" (the fix does it).
)"},
    {"UNR305", "preamble-lead-phrase", W, "A preambular paragraph does not open with a participle or adjective",
     R"(## What it does
Checks the first word of each preambular paragraph, after optional adverbs ("Deeply",
"Further", "Also"): a participle ("Recalling", "Having considered", "Bearing in mind",
"Concerned", "Guided") or one of the usual adjectives ("Aware", "Mindful", "Conscious",
"Cognizant", "Desirous", "Convinced", "Confident", "Grateful").

## Why is this bad
Preambular paragraphs begin with a participial phrase or an adjective (Editorial
Manual, resolutions, C). Anything else is often a broken line taken for a paragraph.

## Example
```
The rights of migrants must be protected,
```

## How to fix
Open with a lead phrase ("Stressing that the rights ..."), or join the text to the paragraph it belongs to.
)"},
    {"UNR306", "operative-lead-verb", W, "An operative paragraph does not open with a verb in the present tense",
     R"(## What it does
Checks the first word of each operative paragraph of the resolution's own text, after
optional adverbs ("Also", "Further", "Strongly", "Once again"): a verb in the third
person of the present tense ("Decides", "Calls upon", "Takes note"). Sub-paragraphs,
annexes, decisions, amendments and paragraphs in the voice of a declaration ("We ...")
are not checked.

## Why is this bad
Each operative paragraph begins with an operative verb (Editorial Manual, resolutions, C).

## Example
```
3. The Secretary-General to report ...;
```

## How to fix
Open with the operative verb: "3. Requests the Secretary-General to report ...;".
)"},

    // ---- UNR4xx cross-references -------------------------------------------------------
    {"UNR401", "crossref-unknown-paragraph", E, "A reference points to a paragraph that does not exist",
     R"(## What it does
Resolves "paragraph 12 above", "paragraphs 16 and 17 above", "paragraphs 2 to 5 below",
"paragraph 5 of the present resolution" and "subparagraph (b) of paragraph 3" among the
numbered paragraphs of the same part (the operative part, or the annex the reference
stands in). References to other documents ("paragraph 3 of resolution 70/1") are ignored.

## Why is this bad
The reference points nowhere, typically after paragraphs were deleted or renumbered.

## Example
```
12. Requests the Secretary-General to report on paragraph 14 above;
```
in a text with 12 paragraphs.

## How to fix
Correct the paragraph number.
)"},
    {"UNR402", "crossref-direction", W, "\"above\" points to a later paragraph or \"below\" to an earlier one",
     R"(## What it does
Checks that "paragraph N above" refers to an earlier paragraph and "paragraph N below"
to a later one.

## Why is this bad
The number or the direction is wrong; often the paragraphs were reordered.

## Example
```
3. Recalls paragraph 7 above;
```

## How to fix
Write "below" (or "above"), or correct the number.
)"},
    {"UNR403", "crossref-unknown-subparagraph", E, "A reference points to a sub-paragraph that does not exist",
     R"(## What it does
Checks that "subparagraph (b) of paragraph 3" and "paragraph 3 (b) above" name a
sub-paragraph that paragraph 3 has.

## Why is this bad
The reference points nowhere, typically after sub-paragraphs were deleted or relettered.

## Example
```
3. Decides ...: (a) ...; (b) ...;
7. Recalls subparagraph (d) of paragraph 3;
```

## How to fix
Correct the letter.
)"},

    // ---- UNR5xx header -----------------------------------------------------------------
    {"UNR501", "symbol-format", W, "The document symbol is malformed",
     R"(## What it does
Checks the symbol against the UN grammar: organ (A, S, E), bodies (C.3, HRC, CN.9, RES),
session or year, document number (L.52 or 217), suffixes (Rev.1, Add.2, Corr.1), e.g.
A/C.3/78/L.52/Rev.1, A/80/L.10, S/2016/1100, E/2018/L.22, A/RES/78/217, A/HRC/RES/6/15.

## Why is this bad
The symbol identifies the document; a malformed one cannot be looked up or cited.

## Example
```
A/C.3/78/L52/Rev1
```

## How to fix
Write the symbol as issued: `A/C.3/78/L.52/Rev.1`.
)"},
    {"UNR502", "symbol-kind-mismatch", W, "The symbol does not match the kind of document",
     R"(## What it does
Checks that drafts and amendments of the General Assembly and ECOSOC carry an "L."
symbol and adopted resolutions a "/RES/" symbol. Security Council drafts (S/2016/1100)
have no "L." part and are not checked for it.

## Why is this bad
A draft under an adopted resolution's symbol (or the reverse) is usually a copy-paste
error in the header, or the wrong document type line.

## Example
```
A/RES/78/217 ... : revised draft resolution
```

## How to fix
Correct the symbol or the document type.
)"},
    {"UNR503", "date-missing", W, "The document has no date",
     R"(## What it does
Checks that the header gives the date of the document, or that an adopted text gives
its date of adoption (header or closing lines).

## Why is this bad
Drafts are identified by symbol and date; adopted texts by their adoption date.

## Example
A header with "Distr.: Limited" but no date.

## How to fix
Add the date to the header ("Distr.: Limited 9 November 2023").
)"},
    {"UNR504", "sponsors-missing", N, "A draft names no sponsors",
     R"(## What it does
Notes a General Assembly or ECOSOC draft without a sponsor line. Drafts submitted by the
Chair or a Vice-Chair have a "submitted by" line and are not reported; Security Council
drafts are not checked.

## Why is this bad
Usually the sponsor line was lost; some drafts are issued without sponsors, so this is
only a note.

## Example
```
Agenda item 71 (b)
Draft resolution
```

## How to fix
Add the sponsor line: "Argentina, Armenia ... : draft resolution".
)"},
    {"UNR505", "title-missing", W, "A resolution or draft resolution has no title",
     R"(## What it does
Checks that a resolution or draft resolution has a title. Security Council texts have
no title and are not checked; nor are decisions and amendments.

## Why is this bad
General Assembly and ECOSOC resolutions are titled (Editorial Manual, resolutions, B).

## Example
A draft whose title line is missing between the sponsor line and "The General Assembly,".

## How to fix
Add the title (usually the title of the agenda item).
)"},

    // ---- UNR9xx input --------------------------------------------------------------------
    {"UNR900", "unreadable-file", E, "A file found in a directory could not be read or decoded",
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
)"},
    {"UNR901", "invalid-utf8", W, "The input contains bytes that are not valid UTF-8",
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
)"},
    {"UNR902", "unreadable-xml", E, "The XML input is malformed or not Akoma Ntoso",
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
)"},
    {"UNR903", "nesting-too-deep", E, "Sub-paragraphs or XML elements are nested deeper than unres reads",
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
)"},
    {"UNR904", "encoding-guessed", N, "The file has no byte-order mark and is not UTF-8: its encoding was guessed",
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
)"},
};

}  // namespace

const std::vector<RuleInfo>& all_rules() { return kRules; }

const RuleInfo* find_rule(std::string_view id) {
    auto it = std::lower_bound(kRules.begin(), kRules.end(), id,
                               [](const RuleInfo& r, std::string_view v) { return r.id < v; });
    return (it != kRules.end() && it->id == id) ? &*it : nullptr;
}

namespace rules {

Diagnostic& Context::report(std::string_view rule, Span span, std::string message) {
    Diagnostic d;
    d.rule = std::string(rule);
    const RuleInfo* info = find_rule(rule);
    d.severity = info ? info->severity : Severity::Warning;
    d.span = span;
    d.message = std::move(message);
    out_.push_back(std::move(d));
    return out_.back();
}

}  // namespace rules

std::vector<Diagnostic> validate(const Document& doc, const SourceFile& src) {
    std::vector<Diagnostic> out = doc.diagnostics;
    rules::Context cx(doc, src, out);
    rules::check_input(cx);
    rules::check_structure(cx);
    rules::check_numbering(cx);
    rules::check_lettering(cx);
    rules::check_footnotes(cx);
    rules::check_punctuation(cx);
    rules::check_lead_words(cx);
    rules::check_crossrefs(cx);
    rules::check_header(cx);
    sort_diagnostics(out);
    return out;
}

}  // namespace unres
