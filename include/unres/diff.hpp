// unres/diff.hpp — compare two versions of a resolution, paragraph by paragraph.
//
// Input: two Documents (from unres::parse, any input format) and their SourceFiles (for line
// numbers).  Output: a DocDiff that owns copies of everything it shows, so it outlives the
// documents.  Guarantees:
//  - paragraphs are aligned by content, never by number: the preamble, the operative part and the
//    annexes are one sequence, aligned monotonically (Needleman-Wunsch maximising the summed word
//    similarity of matched pairs, pairs below DiffOptions::match_threshold never match); what is left
//    unmatched on both sides is then paired into moves;
//  - a matched pair whose label changed is "renumbered" (numbers) or "relettered" (letters, roman
//    numerals), not "reworded"; a preambular paragraph matched to an operative one is "to_operative";
//  - sub-paragraphs are aligned the same way inside each matched pair, at every level;
//  - inside a matched pair, word-level changes (an LCS over words and punctuation);
//  - bounded work on any input: paragraph alignments past DiffOptions::max_cells cells fall back to
//    matching identical texts only, word alignments past max_word_cells to replacing the changed middle
//    as a whole; each fallback is reported in DocDiff::notes, never silent.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "unres/document.hpp"
#include "unres/source.hpp"

namespace unres {

/// Version of the JSON form (`unres diff --format json`, README "unres diff").
inline constexpr int kDiffJsonVersion = 1;

/// One run of a word-level comparison.  Concatenating the Same and Ins runs gives the new text, the
/// Same and Del runs the old text up to spacing (spaces between words are in the runs; a change of
/// spacing alone is not marked).
struct WordRun {
    enum class Op { Same, Del, Ins };
    Op op = Op::Same;
    std::string text;
};

/// One side (old or new) of a paragraph or footnote in a comparison.
struct DiffSide {
    std::string part;     ///< "preamble", "operative", "instructions", "annex I", "annex I preamble", "footnote"
    std::string ref;      ///< short reference: "PP3", "OP5", "OP5(a)(ii)", "annex I 3", "footnote 2"
    std::string label;    ///< the label as written ("5.", "(a)"), "" when unnumbered
    std::string num;      ///< the bare label ("5", "a"), "" when unnumbered
    std::uint32_t line = 0;      ///< 1-based first line in its file
    std::uint32_t end_line = 0;  ///< 1-based last line in its file
    std::string text;     ///< plain text (without label and footnote marks)
    std::string heading;  ///< the sub-heading printed before it, if any
};

/// What happened to a paragraph (or footnote) between the two versions.  An entry can carry several
/// (renumbered and reworded); DiffEntry::kind() is the first that applies in this order.
enum class Change {
    Inserted,      ///< only in the new version
    Deleted,       ///< only in the old version
    Moved,         ///< out of the monotone order: taken from elsewhere
    ToOperative,   ///< a preambular paragraph became operative
    ToPreambular,  ///< an operative paragraph became preambular
    PartChanged,   ///< moved between the body and an annex, or between annexes
    Reworded,      ///< its own text changed (word runs in DiffEntry::words)
    Renumbered,    ///< its number changed (Number labels; footnote numbers)
    Relettered,    ///< its letter or roman numeral changed
    Heading,       ///< the sub-heading printed before it changed
};
std::string_view to_string(Change c);  // "inserted", "deleted", "moved", "to_operative", ...

struct DiffEntry {
    std::optional<DiffSide> old_side;  ///< absent for an insertion
    std::optional<DiffSide> new_side;  ///< absent for a deletion
    std::vector<Change> changes;       ///< empty: unchanged (its children may still change)
    std::vector<WordRun> words;        ///< when Reworded: the word-level changes
    bool words_capped = false;         ///< the word alignment hit its bound (middle replaced whole)
    std::vector<DiffEntry> children;   ///< sub-paragraphs, aligned the same way
    double similarity = 1.0;           ///< of the matched texts (0..1), 0 for one-sided entries

    /// "unchanged" when `changes` is empty.
    std::string_view kind() const;
    bool changed() const { return !changes.empty(); }
    /// This entry or one of its descendants changed.
    bool changed_deep() const;
    bool has(Change c) const;
};

/// A header field that differs: symbol, document_type, title, agenda_items, sponsors...
struct FieldChange {
    enum class Kind { Changed, Added, Removed, SponsorAdded, SponsorWithdrawn };
    Kind kind = Kind::Changed;
    std::string field;      ///< "symbol", "document_type", "sponsor", "section II", "annex I", ...
    std::string old_value;  ///< "" when added
    std::string new_value;  ///< "" when removed
    std::uint32_t old_line = 0;  ///< 0 when unknown or absent
    std::uint32_t new_line = 0;
};
std::string_view to_string(FieldChange::Kind k);  // "changed", "added", "removed", "sponsor_added", "sponsor_withdrawn"

struct DiffOptions {
    double match_threshold = 0.5;  ///< least word similarity (Dice, 0..1) for two paragraphs to match
    double move_threshold = 0.6;   ///< least similarity for an unmatched pair to count as a move
    std::size_t max_cells = 4'000'000;       ///< paragraph alignment cells (n x m) per list
    std::size_t max_work = 200'000'000;      ///< word comparisons for similarities, for the whole diff
    std::size_t max_word_cells = 4'000'000;  ///< word alignment cells per paragraph pair
};

struct DocDiff {
    std::string old_path, new_path;
    std::vector<FieldChange> header;   ///< header, authority, sections, annex headings, closing
    std::vector<DiffEntry> body;       ///< preamble + operative + instructions + annexes, in new order
    std::vector<DiffEntry> footnotes;  ///< numbered and asterisk footnotes
    std::vector<std::string> notes;    ///< bounds hit (fallbacks), said plainly

    /// Nothing differs: same header, structure and text (exit code 0 of `unres diff`).
    bool same() const;
    struct Counts {
        std::size_t inserted = 0, deleted = 0, moved = 0, part = 0, reworded = 0, relabelled = 0, heading = 0;
        std::size_t footnotes = 0, header = 0;
    };
    /// Changed entries of each kind (each entry counted once, under DiffEntry::kind()); descendants included.
    Counts counts() const;
};

DocDiff diff(const Document& old_doc, const SourceFile& old_src, const Document& new_doc,
             const SourceFile& new_src, const DiffOptions& opts = {});

/// Word-level comparison of two texts (exposed for tests).  `capped` is set when the bound was hit.
std::vector<WordRun> diff_words(const std::string& a, const std::string& b, std::size_t max_cells,
                                bool* capped = nullptr);
/// Word similarity of two texts: Dice coefficient on their lower-cased words (0..1).
double text_similarity(const std::string& a, const std::string& b);

struct DiffRenderOptions {
    bool color = false;  ///< ANSI colours (deleted red, inserted green) instead of [-…-] {+…+}
};
/// For the terminal, like `git diff --word-diff`: header changes, then each changed paragraph.
std::string diff_to_text(const DocDiff& d, const DiffRenderOptions& opts = {});
/// The versioned JSON form documented in the README.
std::string diff_to_json(const DocDiff& d);
/// One self-contained HTML page (inline CSS, no script, no network): the versions side by side.
std::string diff_to_html(const DocDiff& d);

}  // namespace unres
