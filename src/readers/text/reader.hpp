// Internal: the text reader's stages as one object.  Each stage is a member function defined
// in its own file under src/readers/text/ (read.cpp lists them in order); the members below
// are what the stages hand each other.
#pragma once
#include "readers/text/common.hpp"
#include "readers/text/blocks.hpp"
#include "readers/text/header.hpp"
#include "readers/text/marks.hpp"
#include "readers/text/notes.hpp"
#include "readers/text/repair.hpp"

namespace unres::readers::stages {

class TextReader {
public:
    TextReader(const SourceFile& src, InputFormat fmt) : src_(src), markdown_(fmt == InputFormat::Markdown) {
        doc_.path = src.path();
        doc_.format = fmt;
    }


    /// Runs the stages (read.cpp) on the lines a producer made.
    Document run(std::vector<Line> lines);

private:
    const SourceFile& src_;
    bool markdown_;
    Document doc_;
    std::vector<Line> lines_;
    Margins margins_;  // page → text margin (layout mode)
    std::vector<Block> blocks_;
    // footnote bookkeeping
    std::vector<int> note_page_;        // per doc_.footnotes: page of the text it belongs to
    std::vector<int> note_region_lo_;   // lowest page where its mark may be

























    struct OpenList {
        LabelKind kind;  // Letter, Roman, LetterDot, RomanDot; None while only unlabelled items are in it
        std::string last;
        std::vector<Para>* items;
        int count = 0;
    };

    /// At most this many lists are open at once: each label is compared with every open list, so
    /// hostile input that opens a level per label ((a), (i), (a), (i) ...) would take quadratic
    /// time.  Past it, a label joins the innermost list; parse() reports the depth (UNR903).
    static constexpr std::size_t kMaxOpenLists = 64;

    static std::string successor(LabelKind k, std::string_view last) { return label::next(k, last); }

    /// "(ii)" after "(hh)" is a letter: any label that reads as a letter can continue a lettered list.
    static bool can_be_letter(const Label& l) { return label::is_letter_kind(l.kind) || label::letter_value(l.num) > 0; }
    static bool can_be_roman(const Label& l) { return label::is_roman_kind(l.kind); }

    /// Position of a label in its sequence: a=1 … z=26, aa=27; roman by value.
    static int ordinal(LabelKind k, std::string_view num) { return static_cast<int>(label::value(k, num)); }





    struct Target {
        std::vector<Para>* preamble;
        std::vector<Para>* operative;
        std::vector<Section>* sections;
    };







    void diag(std::string rule, Severity sev, Span span, std::string msg);
    // ---- tree ----
    Para to_para(Block& b, const std::string& section);
    /// An item whose label was lost (markdown converters drop "(a)"): a child of the last item
    /// when that one introduces a list (":"), else the next sibling in the innermost list.
    void place_unlabelled(Para& top, std::vector<OpenList>& open, Para&& child);
    void place_child(Para& top, std::vector<OpenList>& open, Para&& child, const Label& lab);
    /// Joins paragraph `q` to the end of `p` (one space between), keeping marks, italics and map.
    static void append_para(Para& p, Para&& q);
    /// "1. Decides ...;" / "Expresses ... [its '2.' lost by a converter]" / end or "3.": the
    /// unnumbered operative paragraph between takes the missing number (Para::num_inferred).
    static void infer_lost_numbers(std::vector<Para>& ops);
    void build_tree();


};

}  // namespace unres::readers::stages
