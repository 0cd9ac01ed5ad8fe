// unres/label.hpp — the one home of label arithmetic.
//
// A label is what opens a numbered paragraph: "1." (Number), "(a)" (Letter), "(i)" (Roman),
// "a." (LetterDot), "i." (RomanDot).  Every reader, rule, the fixer and the writers ask here
// what a label is, what it is worth and what comes next, so "is (i) a letter?" has one answer:
//
//  - a *letter* label is one letter, possibly repeated: a=1 … z=26, aa=27 … zz=52, aaa=53 (the UN
//    doubles letters after (z));
//  - a *roman* label is a canonical numeral written with i, v, x, l: i=1 … lxxxix=89 ("iiii", "vx",
//    "c" are not roman labels);
//  - "(i)", "(v)", "(x)", "(ii)", "(xx)", "(l)" are both: the sequence decides (EDITORIAL-RULES §4),
//    `is_ambiguous` says when it has to, and `kind_in_sequence` is that decision, given what the
//    caller knows of the sequence (its previous label, the last letter and numeral of the list).
//
// Values are 0 when the text is not a label of that kind.  Case: values read either case
// ("IV" = 4, "B" = 2); `is_roman` and `is_letter` accept lower case only, `is_upper_roman` upper case.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "unres/document.hpp"

namespace unres::label {

/// The largest roman label: "lxxxix" (the largest canonical numeral written with i, v, x, l).
inline constexpr long kMaxRoman = 89;
/// The longest roman label: "lxxxviii" (88).  Every numeral from "i" to "lxxxix" is read, between
/// brackets or before a full stop, so a list relabelled up to kMaxRoman reads back.
inline constexpr std::size_t kLongestRoman = 8;
/// The longest letter label that parse reads: "(zzzzz)".  So the largest letter label is the
/// 130th, "zzzzz": past it nothing is a letter label, read or written (letter_label writes none:
/// a label the reader would not read back, in a list relettered that far labels would grow with
/// the list and the fix quadratically).
inline constexpr std::size_t kMaxBracketed = 5;
inline constexpr long kMaxLetter = static_cast<long>(kMaxBracketed) * 26;

// ------------------------------------------------------------------ kinds

bool is_letter_kind(LabelKind k);  ///< Letter, LetterDot
bool is_roman_kind(LabelKind k);   ///< Roman, RomanDot
bool is_dot_kind(LabelKind k);     ///< LetterDot, RomanDot
bool is_paren_kind(LabelKind k);   ///< Letter, Roman
bool is_sub_kind(LabelKind k);     ///< any of the four sub-paragraph kinds
LabelKind letter_kind(bool dot);   ///< LetterDot when `dot`, else Letter
LabelKind roman_kind(bool dot);    ///< RomanDot when `dot`, else Roman

// ------------------------------------------------------------------ values

long number_value(std::string_view num);  ///< "12" → 12 (at most 6 digits), else 0
long letter_value(std::string_view num);  ///< "a" → 1, "z" → 26, "aa" → 27, "B" → 2; else 0
long roman_value(std::string_view num);   ///< canonical numerals of i, v, x, l (either case): 1 … 89; else 0
/// The value of `num` read as a label of kind `k` (0 for None or when it does not fit).
long value(LabelKind k, std::string_view num);

bool is_letter(std::string_view s);       ///< lower-case letter label ("a", "zz")
bool is_roman(std::string_view s);        ///< lower-case roman label ("iv"; not "iiii")
bool is_upper_roman(std::string_view s);  ///< upper-case roman numeral ("IV", section labels)
/// A lower-case label that reads as a letter and as a roman numeral: "i", "v", "x", "l", "ii", "xx".
bool is_ambiguous(std::string_view s);

/// What decides whether an ambiguous label ("(i)", "(v)", "(ii)") is a letter or a roman numeral.
struct Sequence {
    LabelKind prev = LabelKind::None;  ///< the kind of the previous label of the list (None: first)
    long last_letter = 0;              ///< the last letter value of the list (0: none yet)
    long last_roman = 0;               ///< the last roman value of the list (0: none yet)
    LabelKind guess = LabelKind::None; ///< the caller's guess when the sequence says nothing
};

/// The kind of sub-paragraph label `num` (either case; Letter / Roman, or the Dot kinds when
/// `dot`) in its sequence; None when it is neither a letter nor a numeral.  An unambiguous
/// label is what it is.  An ambiguous one is the scheme it continues when it continues one only
/// ((h) → (i) a letter, (iv) → (v) roman); else the previous label's scheme when that has the
/// same punctuation ((c) → (v) a letter); else roman when it is a first numeral ((c) → (i),
/// a first (i)); else the guess (a letter unless the guess is roman).
LabelKind kind_in_sequence(std::string_view num, bool dot, const Sequence& s);

// ------------------------------------------------------------------ making labels

std::string letter_label(long v);  ///< 1 → "a", 27 → "aa"; "" for v < 1 or v > kMaxLetter
/// 1 → "i", 4 → "iv"; any v in 1…3999 (Word numbers lists past lxxxix); "" outside.  Past
/// kMaxRoman the numeral is no label the readers read ("xc"): a writer of labels stops there.
std::string roman_label(long v);
std::string bare_label(LabelKind k, long v);  ///< letter/roman/number text without brackets or dot
/// The label after `num` in its sequence: (Letter, "a") → "b", "z" → "aa", "h" → "i";
/// (Roman, "i") → "ii"; (Number, "9") → "10"; "" when `num` is not of kind `k`.
std::string next(LabelKind k, std::string_view num);

/// The label as the UN writes it: (Letter, "a") → "(a)", (RomanDot, "iv") → "iv.", (Number, "3") → "3.";
/// None → `num` as it is.
std::string format(LabelKind k, std::string_view num);
/// format() of the label with value `v`: (Letter, 2) → "(b)".
std::string format(LabelKind k, long v);

// ------------------------------------------------------------------ reading labels

/// A label read as written.
struct Parsed {
    LabelKind kind = LabelKind::None;
    std::string num;         ///< bare: "1", "a", "iv"
    std::size_t length = 0;  ///< bytes of the label as written
    /// "(i)", "(ii)", "i.": reads as a letter and as a roman numeral (kind says Roman / RomanDot).
    bool ambiguous = false;
    bool valid() const { return kind != LabelKind::None; }
};

/// Parses a whole label as written: "1." (1 to 3 digits), "(a)", "(aa)", "(iv)", "a.", "iv.".
/// A bracketed label of lower-case letters and digits that is neither ("(a1)", "(abcde)") is a
/// Letter the validator rejects (UNR107); anything else is None.  A lettered label is roman when it
/// can be (`ambiguous` says when it can also be a letter).  "aa." (doubled letters with a dot) is None.
Parsed parse(std::string_view written);

/// The label that opens `text`: its first space-delimited token parsed as above; `length` is
/// that token's length.  A dotted letter ("a.", "iv.") only counts when text follows it.
Parsed lex(std::string_view text);

}  // namespace unres::label
