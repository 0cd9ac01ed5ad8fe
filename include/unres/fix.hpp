// unres/fix.hpp — the safe fixes of `unres fix`: renumbering, re-lettering,
// re-footnoting and the cross-references that follow them.
//
// Every fix is an Edit that replaces the digits or letters of a label, a footnote
// mark, a footnote body's number or a cross-reference's number; nothing else in the
// file is touched, so applying the edits leaves every other byte as it was.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "unres/diagnostic.hpp"
#include "unres/document.hpp"
#include "unres/source.hpp"

namespace unres {

/// Which families of fixes to compute.
struct FixOptions {
    bool numbering = true;   ///< operative paragraphs 1..N and sub-paragraph letters (the UNR1xx rules)
    bool footnotes = true;   ///< footnote marks and bodies in order of first mark (UNR2xx)
    bool references = true;  ///< "paragraph N above/below", "subparagraph (b) of paragraph 3" (UNR4xx)
};

/// Computes the edits that make the document's numbering consistent:
///
/// - operative paragraphs are numbered 1..N in order; with sections, numbering restarts
///   at 1 in each section when the input does so (decided by a vote over the sections'
///   first numbers: closer to 1 or to the previous section's last number + 1); the same
///   inside each annex.  Unnumbered paragraphs and labels that are not plain digits
///   ("8 bis") are left alone and not counted;
/// - the sub-paragraphs of every paragraph are re-lettered per list: (a)…(z), (aa), (bb)…
///   for lettered lists, (i), (ii)… for roman ones, the list's kind taken from its first
///   item; the label's shape ("(a)", "a.") and case are kept because only the letters
///   are replaced;
/// - numbered footnotes are renumbered in order of their first mark, the marks
///   (`<sup>N</sup>`, `[^N]`, bare digits) and the body's number alike; a body with no
///   mark keeps its place after the footnote that preceded it, so deleting a mark alone
///   does not shift the others (the body is left for a person to delete);
/// - cross-references to paragraphs of the same text follow the new numbers.  When a
///   number occurs twice (a paragraph was inserted with the number it is meant to take),
///   a reference means the last such paragraph in the direction it points to.
///
/// fix acts only on what the reader is sure of.  It leaves a numbering scope (the resolution's
/// operative part, one annex) as it is when renumbering it would rest on a guess: a recovered
/// number (Para::num_inferred), a guessed paragraph boundary (Para::boundary_guessed), a malformed
/// label (Para::label_malformed), or a gap whose missing number stands inside the text before it
/// ("... under international law; 6 Also reaffirms ...": the reader may have missed a paragraph
/// that lost its full stop).  It leaves a list of sub-paragraphs as it is when one of its labels
/// is flagged (malformed, inline, guessed boundary) or when labels of the list's kind stand
/// inside the text of the paragraph or of its items (an inline enumeration "(a) ...; (b) ...").
/// It leaves the footnotes as they are when renumbering them would change a mark recovered from
/// a bare digit (Mark::inferred).  Each time, a note (severity Note) says what was left and why.
///
/// A reference to a paragraph that no longer exists ("paragraph 4 above" after paragraph 4 was
/// deleted) would, once the others are renumbered, name another paragraph.  When the scope is
/// renumbered and the number would then exist, fix writes it "paragraph [deleted 4] above" (the
/// one edit that is not a digit or letter swap), which `unres check` reports (UNR401) until a
/// person rewrites it, and a warning says so.
///
/// The edits are sorted by position, never overlap, and each one changes its bytes.
/// Spans are offsets into src.text().
struct FixPlan {
    std::vector<Edit> edits;
    std::vector<Diagnostic> notes;  ///< what fix left alone and why, the dangling references (rule "fix")
};
FixPlan plan_fixes(const Document& doc, const SourceFile& src, const FixOptions& options = {});
/// plan_fixes(...).edits.
std::vector<Edit> compute_fixes(const Document& doc, const SourceFile& src, const FixOptions& options = {});

/// Applies sorted, non-overlapping edits to `text`.  Throws std::invalid_argument when
/// the edits overlap or reach past the end.
std::string apply_edits(std::string_view text, const std::vector<Edit>& edits);

/// Turns edited text (UTF-8, positions as in src.text()) back into bytes in the source's
/// own encoding: a UTF-8 byte-order mark is kept, UTF-16 input is re-encoded as UTF-16
/// with its byte-order mark.  Throws InputError when the source cannot be reproduced
/// byte for byte (it had invalid UTF-8 or UTF-16 that decoding replaced).
std::string encode_like(const SourceFile& src, std::string_view text);

/// A unified diff (`---`/`+++` headers, `@@ -a,b +c,d @@` hunks with `context` lines
/// of context) of two texts, line by line.  Empty when they are equal.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view from_name,
                         std::string_view to_name, unsigned context = 3);

}  // namespace unres
