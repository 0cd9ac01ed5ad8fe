// Internal: the text reader's stages as one object.  Each stage is a member function defined
// in its own file under src/readers/text/ (read.cpp lists them in order); the members below
// are what the stages hand each other.
#pragma once
#include "readers/text/common.hpp"
#include "readers/text/notes.hpp"

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
    std::map<int, int> margin_;  // page → minimal indent of content lines
    std::vector<Block> blocks_;
    int last_number_ = 0;  // last operative number seen while making blocks
    std::size_t full_width_ = 0;  // the body's full line length (bytes), 0 when unknown
    std::size_t wrap_width_ = 0;  // a wrapped line's usual length (the median: most lines are wrapped ones)
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


    // ---- footnote marks ----
    struct Candidate {
        Para* para;
        std::size_t b, e;  // digits in text
        int value;
        int weight;
        int page;
        bool explicit_mark;
        std::size_t mark_index;
    };





    Span line_span(const Line& l, std::size_t b, std::size_t e) const;
    Field field(const Line& l, std::size_t b, std::size_t e) const;
    void diag(std::string rule, Severity sev, Span span, std::string msg);
    // ---- margins (layout mode) ----
    /// The page's text margin: the indent most of its content lines have (continuation lines
    /// outnumber first lines), so that a first line's extra indent shows.
    void compute_margins();
    int rel_indent(const Line& l) const;
    // ---- header ----
    static std::optional<std::string> organ_of_formula(std::string_view t, std::size_t& name_end);
    std::size_t find_authority() const;
    static std::string capitalize(std::string s);
    void split_sponsors(std::string_view text, Span span);
    /// Reads the header from the lines before the authority; returns the first body line.
    std::size_t read_header();
    /// Page headers of later pages repeat the title ("running title"): lines of the body that
    /// are a piece of the title and stand next to other page furniture are furniture too.
    void mark_running_titles(std::size_t body);
    /// Converters sometimes glue the next paragraph onto the previous line: "Global context and
    /// shared commitments 3. We gather ..." or "... Pact for the Future. 16 9. We note ...".
    /// Where the next operative number, a dot and a capital stand inside a line, the line is cut
    /// in two there.
    void split_glued_numbers(std::size_t body);
    // ---- blocks ----
    bool label_acceptable(const Line& l, const Label& lab, const Block* cur, const Line* prev_line) const;
    static bool is_section_marker(std::string_view t, std::string& num, std::string& heading);
    static bool is_annex_marker(std::string_view t, std::string& num, std::string& heading);
    /// A table caption or list letter standing alone: "A." / "B".
    static bool is_caption(std::string_view t);
    /// "A. Build economic resilience": a lettered sub-heading (capital letter, dot, words, no
    /// final punctuation).
    static bool is_letter_heading(std::string_view t);
    static bool is_closing_meeting(std::string_view t);
    bool looks_like_heading(std::size_t k) const;
    /// The body's full line length: nearly the longest of its content lines (a robust maximum),
    /// and the usual length of a wrapped line (proportional type: full lines differ by a word).
    void compute_full_width(std::size_t body);
    /// `prev` is as long as the page's full lines: the first word of `t` would not have fitted
    /// after it, so the line break may be a wrap, not a paragraph's end.
    bool is_full_before(const Line& prev, std::string_view t) const;
    /// A capitalised first word read as a lead by its form only, which a name wrapped onto the
    /// line also has: "Honduras, the", "Aspects, held" (a plural noun, not a verb), "Armed
    /// Robbery", "Stockpiling and Use of", "Financing for Development" (a participle opening a name).
    static bool is_guessed_lead(std::string_view t);
    void make_blocks(std::size_t body);
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
    static int page_at(const std::vector<std::pair<std::size_t, int>>& pages, std::size_t pos);
    void for_each_para(const std::function<void(Para&)>& f);
    int para_page(const Para& p, std::size_t pos) const;
    void find_candidates(Para& p, std::vector<Candidate>& out, const std::set<int>& wanted);
    void resolve_marks();


};

}  // namespace unres::readers::stages
