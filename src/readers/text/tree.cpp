// Stage 6, the tree.
//
// Job: turn blocks into the document tree: preamble, operative paragraphs nested by label
// (letters, romans, dotted kinds; ambiguous "(i)" by its sequence), sections, annexes and the
// closing.  Input: the blocks (blocks.cpp) and the Document the earlier stages filled.
// Guarantees: every block becomes a paragraph, a heading or a closing field; lost numbers are
// inferred and flagged num_inferred; a block's text is freed once it is in the tree, and each
// chunk of blocks once the tree is past it (BlockList), so the blocks and the tree are not both
// whole in memory.
#include "readers/text/tree.hpp"

#include "readers/text/common.hpp"

namespace unres::readers::stages {

namespace {

class TreeBuilder {
public:
    TreeBuilder(Document& doc, BlockList blocks, const SourceFile& src)
        : doc_(doc), blocks_(std::move(blocks)), src_(src) {}
    void run() { build_tree(); }

private:
    Document& doc_;
    BlockList blocks_;
    const SourceFile& src_;

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

    Para to_para(Block& b, const std::string& section);
    /// An item whose label was lost (markdown converters drop "(a)"): a child of the last item
    /// when that one introduces a list (":"), else the next sibling in the innermost list.
    void place_unlabelled(Para& top, std::vector<OpenList>& open, Para&& child);
    void place_child(Para& top, std::vector<OpenList>& open, Para&& child, const Label& lab);
    static void push_item(std::vector<OpenList>& open, std::size_t d, Para&& child, const Label& lab);
    static void open_list(Para& top, std::vector<OpenList>& open, Para&& child, const Label& lab, LabelKind k);
    static bool fill_unlabelled_list(std::vector<OpenList>& open, Para& child, const Label& lab, LabelKind letter_kind,
                                     LabelKind roman_kind);
    static std::size_t compatible_list(const std::vector<OpenList>& open, const Label& lab, LabelKind letter_kind,
                                       LabelKind roman_kind, bool exact);
    /// Joins paragraph `q` to the end of `p` (one space between), keeping marks, italics and map.
    static void append_para(Para& p, Para&& q);
    /// "1. Decides ...;" / "Expresses ... [its '2.' lost by a converter]" / end or "3.": the
    /// unnumbered operative paragraph between takes the missing number (Para::num_inferred).
    static void infer_lost_numbers(std::vector<Para>& ops);
    void build_tree();
    /// Frees a consumed block's text, map, marks and rows (its kind and label stay).
    static void release_text(Block& b);
    std::size_t first_numbered_block() const;
    bool unnumbered_operative(const Block& b) const;
    bool short_intro(const Block& b) const;
    bool take_heading_line(std::size_t& i, std::string& heading) const;
    std::size_t on_section(std::size_t i);
    std::size_t on_annex(std::size_t i);
    void on_closing(const Block& b);
    void on_heading(const Block& b);
    void on_table(Block& b);
    void on_para(std::size_t i);
    bool place_in_preamble(Para& p, const Label& lab);
    bool nest_numbered(Para& p, const Label& lab);
    bool continues_last_item(std::size_t i, const Para& p);
    bool numbered_follow(std::size_t i) const;
    void mark_numbered_follow();
    bool place_unnumbered(std::size_t i, Para& p);
    void finish();

    // the walk's state
    std::size_t first_num_ = SIZE_MAX;  ///< the first numbered block: the operative part begins
    bool amendment_ = false;
    Target tgt_{};
    std::string section_;
    bool in_operative_ = false;
    bool in_annex_ = false;
    bool after_closing_ = false;
    bool section_preamble_ = false;
    std::vector<Span> after_closing_text_;
    std::vector<OpenList> open_;
    std::string pending_heading_;
    Para* top_ = nullptr;
    std::vector<bool> numbered_after_;  ///< numbered_follow() of each block (mark_numbered_follow)

};


// ---- tree ----
Para TreeBuilder::to_para(Block& b, const std::string& section) {
    Para p;
    p.kind = b.label.kind;
    p.num = b.label.num;
    if (b.label.kind != LabelKind::None) {
        p.label = std::string(src_.text().substr(b.label_span.begin, b.label_span.end - b.label_span.begin));
        p.label_span = b.label_span;
        p.label_malformed = b.label_malformed;
    }
    p.boundary_guessed = b.boundary_guessed;
    // The block's text goes into the paragraph (moved, not copied: peak memory); on_para reads
    // what it needs of the block's text before.
    p.text = std::move(b.mt.text);
    p.map = std::move(b.mt.map);
    p.marks = std::move(b.marks);
    p.italics = std::move(b.italics);
    p.span = {b.begin, b.end};
    p.line = b.line;
    p.section = section;
    // A mark after a space sits before the space.
    for (auto& m : p.marks)
        while (m.pos > 0 && m.pos <= p.text.size() && p.text[m.pos - 1] == ' ') --m.pos;
    return p;
}

/// An item whose label was lost (markdown converters drop "(a)"): a child of the last item
/// when that one introduces a list (":"), else the next sibling in the innermost list.
void TreeBuilder::place_unlabelled(Para& top, std::vector<OpenList>& open, Para&& child) {
    std::vector<Para>* parent = &top.children;
    if (!open.empty()) {
        auto& items = *open.back().items;
        if (!items.empty() && ends_with(items.back().text, ":") && items.back().children.empty() &&
            open.size() < kMaxOpenLists) {
            parent = &items.back().children;
        } else {
            OpenList& o = open.back();
            if (o.kind != LabelKind::None) o.last = successor(o.kind, o.last);
            ++o.count;
            o.items->push_back(std::move(child));
            return;
        }
    }
    parent->push_back(std::move(child));
    open.push_back({LabelKind::None, "", parent, 1});
}

/// Appends `child` to open list `d` (closing the lists inside it) with the list's kind.
void TreeBuilder::push_item(std::vector<OpenList>& open, std::size_t d, Para&& child, const Label& lab) {
    OpenList& o = open[d];
    open.resize(d + 1);
    child.kind = o.kind;
    o.last = lab.num;
    ++o.count;
    o.items->push_back(std::move(child));
}

/// A new list of kind `k` under the deepest open item (or the paragraph), `child` its first item.
void TreeBuilder::open_list(Para& top, std::vector<OpenList>& open, Para&& child, const Label& lab, LabelKind k) {
    std::vector<Para>* parent = &top.children;
    if (!open.empty() && !open.back().items->empty()) parent = &open.back().items->back().children;
    child.kind = k;
    parent->push_back(std::move(child));
    open.push_back({k, lab.num, parent, 1});
}

/// A list of items whose labels were lost: this label tells its kind by position.
bool TreeBuilder::fill_unlabelled_list(std::vector<OpenList>& open, Para& child, const Label& lab, LabelKind letter_kind,
                                       LabelKind roman_kind) {
    for (std::size_t d = open.size(); d-- > 0;) {
        OpenList& o = open[d];
        if (o.kind != LabelKind::None) continue;
        LabelKind k = LabelKind::None;
        if (can_be_roman(lab) && ordinal(roman_kind, lab.num) == o.count + 1) k = roman_kind;
        else if (can_be_letter(lab) && ordinal(letter_kind, lab.num) == o.count + 1) k = letter_kind;
        if (k == LabelKind::None) continue;
        o.kind = k;
        push_item(open, d, std::move(child), lab);
        return true;
    }
    return false;
}

/// The innermost open list of a kind this label can continue (`exact`: whose successor it is).
std::size_t TreeBuilder::compatible_list(const std::vector<OpenList>& open, const Label& lab, LabelKind letter_kind,
                                         LabelKind roman_kind, bool exact) {
    for (std::size_t d = open.size(); d-- > 0;) {
        const OpenList& o = open[d];
        bool kind_ok = (o.kind == letter_kind && can_be_letter(lab)) || (o.kind == roman_kind && can_be_roman(lab));
        if (kind_ok && (!exact || successor(o.kind, o.last) == lab.num)) return d;
    }
    return SIZE_MAX;
}

void TreeBuilder::place_child(Para& top, std::vector<OpenList>& open, Para&& child, const Label& lab) {
    bool paren = lab.kind == LabelKind::Letter || lab.kind == LabelKind::Roman;
    LabelKind letter_kind = paren ? LabelKind::Letter : LabelKind::LetterDot;
    LabelKind roman_kind = paren ? LabelKind::Roman : LabelKind::RomanDot;
    // 0. a list of items whose labels were lost: this label tells its kind by position
    if (fill_unlabelled_list(open, child, lab, letter_kind, roman_kind)) return;
    // 1. continue an open list whose successor is this label (innermost first)
    if (std::size_t d = compatible_list(open, lab, letter_kind, roman_kind, true); d != SIZE_MAX) {
        push_item(open, d, std::move(child), lab);
        return;
    }
    // 2. after a sub-heading ("B. Scale up climate action"), "(a)" restarts the open list of
    //    its kind rather than opening a list under the last item
    if (!child.heading.empty() && lab.num == "a") {
        for (std::size_t d = 0; d < open.size(); ++d) {
            if (open[d].kind != letter_kind) continue;
            push_item(open, d, std::move(child), lab);
            return;
        }
    }
    // 3. a first label opens a new list under the deepest open item; (i) right after (h) was
    //    handled above, here (i) is roman unless the innermost open list is roman
    bool first_letter = lab.num == "a" && can_be_letter(lab);
    bool first_roman = lab.num == "i" && can_be_roman(lab);
    if ((first_letter || first_roman) && open.size() < kMaxOpenLists) {
        LabelKind k = letter_kind;
        if (first_roman) k = (open.empty() || open.back().kind != roman_kind) ? roman_kind : letter_kind;
        open_list(top, open, std::move(child), lab, k);
        return;
    }
    // 4. out of sequence: attach to the innermost open list of a compatible kind (the
    //    validator reports the gap / duplicate / order problem)
    if (std::size_t d = compatible_list(open, lab, letter_kind, roman_kind, false); d != SIZE_MAX) {
        push_item(open, d, std::move(child), lab);
        return;
    }
    // 5. nothing open: a new list directly under the paragraph
    LabelKind k = can_be_letter(lab) && !(lab.kind == LabelKind::Roman && !lab.ambiguous) ? letter_kind : roman_kind;
    if (lab.kind == LabelKind::Roman && lab.num.size() > 1 && !can_be_letter(lab)) k = roman_kind;
    if (open.size() >= kMaxOpenLists) {
        child.kind = k;
        open.back().items->push_back(std::move(child));
        return;
    }
    open_list(top, open, std::move(child), lab, k);
}

/// Joins paragraph `q` to the end of `p` (one space between), keeping marks, italics and map.
void TreeBuilder::append_para(Para& p, Para&& q) {
    if (!q.heading.empty()) {
        q.text = q.heading + " " + q.text;  // headings inside the joined text keep their words
        for (auto& m : q.marks) m.pos += q.heading.size() + 1;
        for (auto& r : q.italics) r.begin += q.heading.size() + 1, r.end += q.heading.size() + 1;
        for (auto& e : q.map) e.text_pos += q.heading.size() + 1;
    }
    std::size_t base = p.text.size() + 1;
    p.text += " " + q.text;
    for (auto m : q.marks) m.pos += base, p.marks.push_back(m);
    for (auto r : q.italics) p.italics.push_back({r.begin + base, r.end + base});
    for (auto e : q.map) p.map.push_back({e.text_pos + base, e.src});
    for (auto& o : q.orphan_notes) p.orphan_notes.push_back(o);
    for (auto& c : q.children) p.children.push_back(std::move(c));
    p.span.end = std::max(p.span.end, q.span.end);
}

/// "1. Decides ...;" / "Expresses ... [its '2.' lost by a converter]" / end or "3.": the
/// unnumbered operative paragraph between takes the missing number (Para::num_inferred).
void TreeBuilder::infer_lost_numbers(std::vector<Para>& ops) {
    auto number = [](const Para& p) -> long {
        if (p.kind != LabelKind::Number || p.num.empty() || p.num.size() > 6 || !all_digits(p.num)) return -1;
        return std::stol(p.num);
    };
    for (std::size_t i = 1; i < ops.size(); ++i) {
        Para& p = ops[i];
        if (p.kind != LabelKind::None || !is_operative_lead(p.text)) continue;
        long before = number(ops[i - 1]);
        if (before < 0) continue;
        long after = -2;  // -2: no numbered paragraph follows
        for (std::size_t j = i + 1; j < ops.size(); ++j) {
            if (ops[j].kind == LabelKind::None) { after = -1; break; }  // several lost: leave them
            after = number(ops[j]);
            break;
        }
        if (after == -1 || (after != -2 && after != before + 2)) continue;
        p.kind = LabelKind::Number;
        p.num = std::to_string(before + 1);
        p.num_inferred = true;
    }
}

/// Where the operative part begins: the first numbered paragraph before any annex or closing.
std::size_t TreeBuilder::first_numbered_block() const {
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
        if (blocks_[b].kind == BlockKind::Annex || blocks_[b].kind == BlockKind::Closing) break;
        if (blocks_[b].kind == BlockKind::Para && blocks_[b].label.kind == LabelKind::Number) return b;
    }
    return SIZE_MAX;
}

/// An unnumbered paragraph that opens the operative part.
bool TreeBuilder::unnumbered_operative(const Block& b) const {
    std::string_view t = b.mt.text;
    char c = last_meaningful(t);
    // "Adopts the following political declaration ...:" opens the operative part even
    // when the adopted text's own numbered paragraphs follow inline.
    if (first_num_ != SIZE_MAX) return b.label.kind == LabelKind::None && c == ':' && (is_operative_lead(t) || short_intro(b));
    return (c == '.' || c == ':' || c == ';') && (is_operative_lead(t) || !is_preamble_lead(t));
}

/// "Resolves that:" right before the first numbered paragraph: an operative verb and a few words
/// that introduce a text adopted inline (too short for is_operative_lead's sentence).
bool TreeBuilder::short_intro(const Block& b) const {
    if (first_num_ == SIZE_MAX || &b + 1 != &blocks_[first_num_] || b.mt.text.size() > 40) return false;
    std::string_view w = first_word(b.mt.text);
    while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.remove_suffix(1);
    if (w.size() < 4 || !is_upper_start(w) || words::is_not_verb(w)) return false;
    if (words::is_operative_verb(w)) return true;
    // a verb in the third person ("Resolves", "Declares"): lower case after its capital, a final "s"
    bool lower_rest = std::all_of(w.begin() + 1, w.end(), [](char ch) { return std::islower(static_cast<unsigned char>(ch)) != 0; });
    return lower_rest && ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") && !ends_with(w, "is");
}

void TreeBuilder::build_tree() {
    first_num_ = first_numbered_block();
    mark_numbered_follow();
    amendment_ = doc_.kind == DocKind::Amendment;
    tgt_ = Target{&doc_.preamble, &doc_.operative, &doc_.sections};
    std::size_t done = 0;  // blocks before this one are consumed
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
        Block& b = blocks_[i];
        switch (b.kind) {
            case BlockKind::Section: i = on_section(i); break;
            case BlockKind::Annex: i = on_annex(i); break;
            case BlockKind::Closing: on_closing(b); break;
            case BlockKind::Heading: on_heading(b); break;
            case BlockKind::Table: on_table(b); break;
            case BlockKind::Para: on_para(i); break;
        }
        // Blocks up to i are in the tree now and only blocks after i are looked at again: their
        // text goes (peak memory holds the blocks or the tree, not both).
        for (; done <= i && done < blocks_.size(); ++done) release_text(blocks_[done]);
        blocks_.release_before(done);  // and their chunks
    }
    finish();
}

void TreeBuilder::release_text(Block& b) {
    b.mt = {};
    b.marks = {};
    b.italics = {};
    b.heading = decltype(b.heading){};
    b.rows = decltype(b.rows){};
}

/// A section or annex marker without its heading takes the heading on the block after it
/// ("ANNEX" / "Title"): the heading is set and i moved onto that block.
bool TreeBuilder::take_heading_line(std::size_t& i, std::string& heading) const {
    if (!heading.empty() || i + 1 >= blocks_.size() || blocks_[i + 1].kind != BlockKind::Heading) return false;
    heading = blocks_[++i].mt.text;
    return true;
}

/// A section marker ("I. Productive populations"); returns the last block it consumed.
std::size_t TreeBuilder::on_section(std::size_t i) {
    Block& b = blocks_[i];
    // "I. Productive populations" followed by "(a) ..." inside an open list (the
    // annex's "commit to the following actions:"): a heading within the list.
    if (top_) {
        std::size_t j = i + 1;
        if (j < blocks_.size() && blocks_[j].kind == BlockKind::Heading && b.heading.empty()) ++j;
        if (j < blocks_.size() && blocks_[j].kind == BlockKind::Para && blocks_[j].label.kind != LabelKind::None &&
            blocks_[j].label.kind != LabelKind::Number) {
            std::string h = b.label.num + ". " + (b.heading.empty() && j == i + 2 ? blocks_[i + 1].mt.text : b.heading);
            if (!pending_heading_.empty()) pending_heading_ += " ";
            pending_heading_ += h;
            return j - 1;
        }
    }
    Section s;
    s.num = b.label.num;
    s.heading = b.heading;
    s.line = b.line;
    s.span = {b.begin, b.end};
    if (take_heading_line(i, s.heading)) s.span.end = blocks_[i].end;
    section_ = s.num;
    section_preamble_ = true;
    tgt_.sections->push_back(std::move(s));
    open_.clear();
    top_ = nullptr;
    return i;
}

/// An annex marker; returns the last block it consumed (its title line).
std::size_t TreeBuilder::on_annex(std::size_t i) {
    Block& b = blocks_[i];
    Annex a;
    a.num = b.label.num;
    a.title = b.heading;
    a.line = b.line;
    a.span = {b.begin, b.end};
    take_heading_line(i, a.title);
    doc_.annexes.push_back(std::move(a));
    Annex& ar = doc_.annexes.back();
    tgt_ = Target{&ar.preamble, &ar.operative, &ar.sections};
    section_.clear();
    in_annex_ = true;
    in_operative_ = true;
    open_.clear();
    top_ = nullptr;
    return i;
}

/// The closing formula ("84th plenary meeting 12 December 2025"): meeting and date.
void TreeBuilder::on_closing(const Block& b) {
    if (b.mt.text.empty() || in_annex_ || !doc_.closing.meeting.empty()) return;
    std::string t = b.mt.text;
    std::size_t len = 0;
    std::size_t p = find_date(t, len);
    doc_.closing.meeting = p == std::string::npos ? t : t.substr(0, p);
    while (!doc_.closing.meeting.empty() && doc_.closing.meeting.back() == ' ') doc_.closing.meeting.pop_back();
    if (p != std::string::npos) doc_.closing.date = parse_date(t.substr(p, len));
    doc_.closing.line = b.line;
    doc_.closing.span = {b.begin, b.end};
    after_closing_ = true;
    open_.clear();
    top_ = nullptr;
}

/// A heading line: it heads the next paragraph (after the closing: unclassified text).
void TreeBuilder::on_heading(const Block& b) {
    if (!pending_heading_.empty()) pending_heading_ += " ";
    pending_heading_ += b.mt.text;
    if (after_closing_ && !in_annex_) {
        doc_.unclassified.push_back({b.mt.text, b.line, {b.begin, b.end}});
        after_closing_text_.push_back({b.begin, b.end});
        pending_heading_.clear();
    }
}

/// A table: kept as unstructured text, with a note.
void TreeBuilder::on_table(Block& b) {  // a table node: rows of cells, no paragraph (table.cpp)
    int annex = in_annex_ ? static_cast<int>(doc_.annexes.size()) - 1 : -1;
    std::size_t after = in_annex_ ? doc_.annexes.back().operative.size() : doc_.operative.size();
    doc_.tables.push_back({std::move(b.rows.mut()), after, annex, b.line, {b.begin, b.end}});
    Diagnostic d;
    d.rule = "UNR005";
    d.severity = Severity::Note;
    d.span = {b.begin, b.end};
    d.message = "a table (" + std::to_string(doc_.tables.back().rows.size()) + " rows): its rows are not paragraphs";
    doc_.diagnostics.push_back(d);
}

/// A paragraph block: preamble, operative paragraph, item, or text after the closing.
void TreeBuilder::on_para(std::size_t i) {
    Block& b = blocks_[i];
    if (after_closing_ && !in_annex_) {
        doc_.unclassified.push_back({std::move(b.mt.text), b.line, {b.begin, b.end}});
        after_closing_text_.push_back({b.begin, b.end});
        return;
    }
    const bool opens_operative = !in_operative_ && !in_annex_ &&
                                 ((first_num_ != SIZE_MAX && i >= first_num_) || unnumbered_operative(b));
    Para p = to_para(b, section_);  // b's text is moved into p
    if (!pending_heading_.empty()) {
        p.heading = pending_heading_;
        pending_heading_.clear();
    }
    if (amendment_ && !in_annex_) {
        doc_.instructions.push_back(std::move(p));
        return;
    }
    const Label& lab = b.label;
    if (opens_operative) in_operative_ = true;
    if (place_in_preamble(p, lab)) return;
    if (lab.kind == LabelKind::Number && nest_numbered(p, lab)) return;
    if (lab.kind == LabelKind::Number || lab.kind == LabelKind::None) {
        if (lab.kind == LabelKind::None && place_unnumbered(i, p)) return;
        tgt_.operative->push_back(std::move(p));
        top_ = &tgt_.operative->back();
        open_.clear();
        return;
    }
    if (!top_) {
        // a lettered paragraph before any numbered one (e.g. a draft decision (a)-(d))
        tgt_.operative->push_back(std::move(p));
        return;
    }
    place_child(*top_, open_, std::move(p), lab);
}

/// Paragraphs that belong to a preamble: a section's own preamble, a preambular paragraph
/// among operative ones, and everything before the operative part.  True when `p` was placed.
bool TreeBuilder::place_in_preamble(Para& p, const Label& lab) {
    // A section opens with its own preambular paragraphs (Fifth Committee style):
    // unnumbered paragraphs with a preamble lead that end with a comma.
    if (section_preamble_ && lab.kind == LabelKind::None && last_meaningful(p.text) == ',') {
        tgt_.preamble->push_back(std::move(p));
        return true;
    }
    if (lab.kind != LabelKind::None) section_preamble_ = false;
    // A preambular paragraph (lead phrase, final comma) among operative paragraphs: kept in
    // the preamble; the validator reports it out of place (UNR003).
    if (in_operative_ && !in_annex_ && lab.kind == LabelKind::None && is_preamble_lead(p.text) &&
        last_meaningful(p.text) == ',' && !is_operative_lead(p.text) && (open_.empty() && (!top_ || !ends_with(top_->text, ":")))) {
        tgt_.preamble->push_back(std::move(p));
        return true;
    }
    if (in_operative_) return false;
    if (lab.kind == LabelKind::None || !top_) {
        if (lab.kind != LabelKind::None && lab.kind != LabelKind::Number && !tgt_.preamble->empty()) {
            // a lettered item inside a preambular paragraph: keep it as its child
            tgt_.preamble->back().children.push_back(std::move(p));
            return true;
        }
        tgt_.preamble->push_back(std::move(p));
    }
    return true;
}

/// "7. To achieve our goal, we will pursue the following objectives:" then "1." ... "5.",
/// then "8.": a numbered list inside paragraph 7.  True when `p` was placed there.
bool TreeBuilder::nest_numbered(Para& p, const Label& lab) {
    if (!top_ || top_->kind != LabelKind::Number || !all_digits(top_->num) || top_->num.size() >= 6) return false;
    long tv = std::stol(top_->num);
    bool next_top = lab.num == std::to_string(tv + 1);
    bool nested_next = !top_->children.empty() && top_->children.back().kind == LabelKind::Number &&
                       all_digits(top_->children.back().num) && top_->children.back().num.size() < 6 &&
                       lab.num == std::to_string(std::stol(top_->children.back().num) + 1);
    bool nested_first = lab.num == "1" && tv >= 1 && top_->children.empty() && ends_with(top_->text, ":");
    if (next_top || !(nested_first || nested_next)) return false;
    p.kind = LabelKind::Number;
    top_->children.push_back(std::move(p));
    open_.clear();
    return true;
}

/// A sentence of the last item that began on a new line ("... well-being." / "We also take
/// note ..."): the next label continues the same sequence, so nothing new started here.
bool TreeBuilder::continues_last_item(std::size_t i, const Para& p) {
    if (!top_ || !p.heading.empty()) return false;
    Para* last = open_.empty() ? top_ : (open_.back().items->empty() ? nullptr : &open_.back().items->back());
    const Block* next = nullptr;
    for (std::size_t j = i + 1; j < blocks_.size(); ++j) {
        // tables, and a sub-heading before the next paragraph ("... human labour." / "Social and
        // economic development" / "35. We recognize ..."), leave the sequence as it is
        bool sentence = last_meaningful(p.text) == '.';
        if (blocks_[j].kind == BlockKind::Table || (blocks_[j].kind == BlockKind::Heading && sentence && j < i + 3)) continue;
        if (blocks_[j].kind == BlockKind::Para && blocks_[j].label.kind == LabelKind::None && j < i + 4) continue;
        if (blocks_[j].kind == BlockKind::Para && blocks_[j].label.kind != LabelKind::None) next = &blocks_[j];
        break;
    }
    if (!last || !next || ends_with(last->text, ":") || char(last_meaningful(last->text)) == ';') return false;
    if (open_.empty())
        return next->label.kind == LabelKind::Number && top_->kind == LabelKind::Number && all_digits(top_->num) &&
               top_->num.size() < 6 && next->label.num == std::to_string(std::stol(top_->num) + 1);
    const OpenList& o = open_.back();
    return o.kind != LabelKind::None && next->label.kind != LabelKind::Number && successor(o.kind, o.last) == next->label.num;
}

/// Numbered paragraphs follow block i before the next annex, section or closing.
bool TreeBuilder::numbered_follow(std::size_t i) const { return i < numbered_after_.size() && numbered_after_[i]; }

void TreeBuilder::mark_numbered_follow() {
    // One pass from the end: for each block, whether the first block after it that is a numbered
    // paragraph or a stop (an annex, a section, the closing) is a numbered paragraph.  It is asked
    // of every unnumbered block of an open list: a scan forward from each was quadratic in a long
    // run of unnumbered paragraphs.
    numbered_after_.assign(blocks_.size(), false);
    bool follows = false;  // for the blocks before j: a numbered paragraph comes before any stop
    for (std::size_t j = blocks_.size(); j-- > 0;) {
        numbered_after_[j] = follows;
        const Block& b = blocks_[j];
        if (b.kind == BlockKind::Annex || b.kind == BlockKind::Section || (b.kind == BlockKind::Closing && !b.mt.text.empty()))
            follows = false;
        else if (b.kind == BlockKind::Para && b.label.kind == LabelKind::Number)
            follows = true;
    }
}

/// An unlabelled operative block: part of the last item, of an inline adopted text, or an item
/// whose label was lost.  True when `p` was placed; false: a new unnumbered paragraph.
bool TreeBuilder::place_unnumbered(std::size_t i, Para& p) {
    if (continues_last_item(i, p)) {
        Para* last = open_.empty() ? top_ : &open_.back().items->back();
        append_para(*last, std::move(p));
        return true;
    }
    if (!top_ || tgt_.operative->empty()) return false;
    if (top_->kind == LabelKind::None && ends_with(top_->text, ":") && first_num_ != SIZE_MAX && i < first_num_) {
        // The opening of a text adopted inline before its numbered paragraphs: a sentence ("We,
        // Heads of State ..., reaffirm ...") is part of the unnumbered "Adopts ...:" paragraph;
        // one that its own preambular paragraphs continue ("We, the Ministers ..., held in New
        // York,") stands after it, unnumbered, and the intro keeps its colon.
        if (last_meaningful(p.text) == ',' && starts_with(p.text, "We,")) return false;
        append_para(*top_, std::move(p));
        return true;
    }
    // An unlabelled paragraph after a list-introducing paragraph: an item whose label was
    // lost.  Numbered paragraphs follow: everything up to the next number belongs to the
    // paragraph that opened the list, whatever its first word.
    Para& last = tgt_.operative->back();
    bool list_open = !open_.empty() || ends_with(last.text, ":");
    if (list_open && !starts_with(p.text, "We ") && !starts_with(p.text, "We,") &&
        (numbered_follow(i) || !is_operative_lead(p.text))) {
        place_unlabelled(last, open_, std::move(p));
        return true;
    }
    return false;
}

/// After the last block: lost numbers, a single unnumbered operative paragraph, text after
/// the closing.
void TreeBuilder::finish() {
    infer_lost_numbers(doc_.operative);
    // A resolution with no numbered paragraphs whose preamble ends in "." : the last
    // paragraph is its single operative paragraph.
    if (!amendment_ && doc_.operative.empty() && !doc_.preamble.empty()) {
        const Para& last = doc_.preamble.back();
        char c = last_meaningful(last.text);
        if (c == '.' || c == ':') {
            doc_.operative.push_back(std::move(doc_.preamble.back()));
            doc_.preamble.pop_back();
        }
    }
    for (const auto& span : after_closing_text_) {
        Diagnostic d;
        d.rule = "UNR001";
        d.severity = Severity::Warning;
        d.span = span;
        d.message = "text after the closing formula that is not an annex: kept as unclassified";
        doc_.diagnostics.push_back(d);
    }
}

}  // namespace

void build_tree(Document& doc, BlockList blocks, const SourceFile& src) {
    TreeBuilder(doc, std::move(blocks), src).run();
}

}  // namespace unres::readers::stages
