// unres/document.hpp — the typed document tree of a resolution.
//
// The builder fills it from any input format; the validator, the writers and the
// fixer read it.  Text is kept as plain UTF-8 (one space between words, page breaks
// and footnote blocks joined out); `map` ties text offsets back to the user's file.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "unres/diagnostic.hpp"
#include "unres/source.hpp"

namespace unres {

enum class InputFormat { Auto, Text, Markdown, Akn, Docx, Pdf };
std::string_view to_string(InputFormat f);  // "text", "markdown", "akn", "docx", "pdf" ("auto")

/// What kind of label a paragraph carries.
enum class LabelKind {
    None,       ///< unnumbered
    Number,     ///< 1.  2.
    Letter,     ///< (a) … (z) (aa) …
    Roman,      ///< (i) (ii) …
    LetterDot,  ///< a.  b.   (third degree)
    RomanDot,   ///< i.  ii.  (fourth degree)
};
std::string_view to_string(LabelKind k);

/// A string field of the header together with where it was read.
struct Field {
    std::string value;
    Span span;
    bool present() const { return !value.empty(); }
};

/// A footnote mark inside a paragraph's text.
struct Mark {
    std::string num;      ///< "6" or "*"
    std::size_t pos = 0;  ///< offset in Para::text before which the mark stands
    Span span;            ///< where the mark is in the source
    bool inferred = false;///< recovered from a bare digit (no superscript markup)
};

/// Maps a text offset to a source offset: text[text_pos...] comes from source[src...]
/// until the next entry.  Sorted by text_pos.
struct SourceMapEntry {
    std::size_t text_pos = 0;
    std::uint32_t src = 0;
};

/// A range of Para::text shown in italics in the input.
struct TextRange {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// A preambular paragraph, an operative paragraph, a sub-paragraph (any depth), an
/// amendment's editing instruction: all the same recursive item.
struct Para {
    std::string num;          ///< bare label: "1", "a", "aa", "iv"; empty = unnumbered
    LabelKind kind = LabelKind::None;
    std::string label;        ///< the label as written: "1.", "(a)"
    Span label_span;          ///< where the label is (empty when unnumbered)
    Span span;                ///< from the label (or first word) to the last character
    std::uint32_t line = 0;   ///< 1-based line of the first character
    std::string text;         ///< plain text without label and footnote marks
    std::vector<Mark> marks;
    std::vector<TextRange> italics;
    std::vector<SourceMapEntry> map;
    std::vector<Para> children;
    std::string section;      ///< label of the enclosing section ("" outside sections)
    std::string heading;      ///< an unnumbered sub-heading printed just before this paragraph
    /// The number was not in the text: it was recovered from its neighbours (1., [lost], 3.),
    /// `label` and `label_span` stay empty.  The validator still reports the missing number.
    bool num_inferred = false;
    /// The reader had to guess where this paragraph starts: its label was found glued inside
    /// a line ("... commitments 13. We gather"), or the break before it is not in the text.
    /// `unres fix` does not renumber the paragraphs of a scope holding such a paragraph.
    bool boundary_guessed = false;
    /// The label is not written as its kind is ("6" without its full stop, "(a" without its
    /// closing parenthesis, "l." read as "1."): `label` keeps it as written.  `unres fix`
    /// does not renumber the scope (or re-letter the list) it is in.
    bool label_malformed = false;
    /// The label stood inside running text, an inline enumeration ("initiatives to: (a) focus
    /// ...; (b) promote ..."), not at the start of a paragraph of its own.  `unres fix` does not
    /// re-letter the list it is in.
    bool label_inline = false;
    /// Footnotes (numbers) whose body sits on this paragraph's page but whose mark was
    /// not found: writers place them at the end of this paragraph so no text is lost.
    std::vector<std::string> orphan_notes;

    /// Source offset of text position `pos` (clamped), via `map`.
    std::uint32_t source_offset(std::size_t pos) const;
    /// The label as written, or as it is written for its kind ("1.", "(a)", "i.") when the
    /// input had none (a recovered number); "" when unnumbered.
    std::string display_label() const;
};

struct Section {
    std::string num;      ///< "II"
    std::string heading;  ///< "Capacity-building"
    std::uint32_t line = 0;
    Span span;
};

struct Footnote {
    std::string num;       ///< digits, or "*" for asterisk notes
    std::string text;
    std::uint32_t line = 0;
    Span span;             ///< the body, number included
    std::vector<Span> refs;///< every mark that points to it, in document order
};

/// Puts footnotes in number order, whatever the order of their bodies in the file: asterisk
/// notes first ("*", "**": they belong to the header), then numbered notes by value, then any
/// other (stable).  Every reader gives its tree this order, so the same document read from
/// text, Akoma Ntoso or a PDF has the same list.
void sort_footnotes(std::vector<Footnote>& notes);

struct Annex {
    std::string num;      ///< "I", "II" or "" for a lone "Annex"
    std::string title;    ///< the annex's own title, if any
    std::uint32_t line = 0;
    Span span;
    std::vector<Para> preamble;
    std::vector<Para> operative;   ///< numbered or unnumbered paragraphs of the annex
    std::vector<Section> sections;
};

struct Metadata {
    Field body;               ///< "General Assembly", "Security Council", ...
    Field symbol;             ///< "A/C.3/78/L.52/Rev.1"
    Field distribution;       ///< "Limited", "General"
    Field date;               ///< ISO "2023-11-09"
    Field original_language;  ///< "English"
    Field session;            ///< "Seventy-eighth session"
    Field committee;          ///< "Third Committee"
    std::vector<Field> agenda_items;  ///< "71 (b)"
    Field agenda_title;
    std::vector<Field> sponsors;      ///< States, one each
    Field sponsor_text;       ///< the sponsor line as printed (also for Chair/Vice-Chair texts)
    Field document_type;      ///< "draft resolution", "revised draft resolution", "resolution", ...
    Field title;
    Field number;             ///< resolution number "78/217" (adopted texts)
    Field origin;             ///< "[on the report of the Third Committee (A/78/481/Add.2, para. 27)]"
    Field adoption_date;      ///< ISO date of "Resolution adopted by ... on DATE"
    Field target;             ///< an amendment's: the symbol of the text it amends ("A/C.2/80/L.13/Rev.1")
};

enum class DocKind { Resolution, DraftResolution, Decision, DraftDecision, Amendment };
std::string_view to_string(DocKind k);  // AKN statement @name: "resolution", "draftResolution", ...

struct Closing {
    std::string meeting;  ///< "50th plenary meeting"
    std::string date;     ///< ISO
    std::uint32_t line = 0;
    Span span;
};

/// A table (a scale of assessments, a staffing or budget table): rows of cells, never
/// paragraphs.  It stands after `after` top-level paragraphs of its part: the operative part
/// (`annex` < 0) or annex number `annex` (an index into Document::annexes).
struct Table {
    std::vector<std::vector<std::string>> rows;  ///< each row's cells, as written
    std::size_t after = 0;
    int annex = -1;
    std::uint32_t line = 0;
    Span span;
};

/// A document's tables by where they stand, for walks that ask at each paragraph "which tables
/// come before this one?" (a scan of every table at every paragraph is quadratic).
class TablePlaces {
public:
    explicit TablePlaces(const std::vector<Table>& tables);
    /// The tables of part `annex` (-1: the resolution, else an index into Document::annexes)
    /// that stand before its top-level paragraph `index` (Table::after), in document order.
    std::span<const Table* const> at(int annex, std::size_t index) const;

private:
    std::vector<const Table*> sorted_;  // by (annex, after), document order kept
};

/// Text the builder could not place; it is reported (UNR001) and kept.
struct Block {
    std::string text;
    std::uint32_t line = 0;
    Span span;
};

struct Document {
    std::string path;
    InputFormat format = InputFormat::Text;
    DocKind kind = DocKind::DraftResolution;
    Metadata meta;
    Field authority;               ///< "The General Assembly,"
    std::vector<Para> preamble;
    std::vector<Para> operative;
    std::vector<Section> sections;
    std::vector<Para> instructions;///< an amendment's editing instructions
    std::vector<Footnote> footnotes;
    std::vector<Annex> annexes;
    Closing closing;
    std::vector<Table> tables;     ///< in document order
    std::vector<Block> unclassified;
    std::vector<Diagnostic> diagnostics;  ///< what the reader/builder found
};

}  // namespace unres
