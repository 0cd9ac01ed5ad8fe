// Stage 6, the tree.
//
// Job: turn blocks into the document tree: preamble, operative paragraphs nested by label
// (letters, romans, dotted kinds; ambiguous "(i)" by its sequence), sections, annexes and the
// closing.  Input: the blocks (blocks.cpp) and the Document the earlier stages filled.  Guarantees: every block becomes a paragraph, a heading or a
// closing field; lost numbers are inferred and flagged num_inferred.
#include "readers/text/tree.hpp"

#include "readers/text/common.hpp"

namespace unres::readers::stages {

namespace {

class TreeBuilder {
public:
    TreeBuilder(Document& doc, std::vector<Block> blocks, const SourceFile& src)
        : doc_(doc), blocks_(std::move(blocks)), src_(src) {}
    void run() { build_tree(); }

private:
    Document& doc_;
    std::vector<Block> blocks_;
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
    /// Joins paragraph `q` to the end of `p` (one space between), keeping marks, italics and map.
    static void append_para(Para& p, Para&& q);
    /// "1. Decides ...;" / "Expresses ... [its '2.' lost by a converter]" / end or "3.": the
    /// unnumbered operative paragraph between takes the missing number (Para::num_inferred).
    static void infer_lost_numbers(std::vector<Para>& ops);
    void build_tree();

};


// ---- tree ----
Para TreeBuilder::to_para(Block& b, const std::string& section) {
    Para p;
    p.kind = b.label.kind;
    p.num = b.label.num;
    if (b.label.kind != LabelKind::None) {
        p.label = std::string(src_.text().substr(b.label_span.begin, b.label_span.end - b.label_span.begin));
        p.label_span = b.label_span;
    }
    p.text = b.mt.text;
    p.map = b.mt.map;
    p.marks = b.marks;
    p.italics = b.italics;
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

void TreeBuilder::place_child(Para& top, std::vector<OpenList>& open, Para&& child, const Label& lab) {
    bool paren = lab.kind == LabelKind::Letter || lab.kind == LabelKind::Roman;
    LabelKind letter_kind = paren ? LabelKind::Letter : LabelKind::LetterDot;
    LabelKind roman_kind = paren ? LabelKind::Roman : LabelKind::RomanDot;
    // 0. a list of items whose labels were lost: this label tells its kind by position
    for (std::size_t d = open.size(); d-- > 0;) {
        OpenList& o = open[d];
        if (o.kind != LabelKind::None) continue;
        LabelKind k = LabelKind::None;
        if (can_be_roman(lab) && ordinal(roman_kind, lab.num) == o.count + 1) k = roman_kind;
        else if (can_be_letter(lab) && ordinal(letter_kind, lab.num) == o.count + 1) k = letter_kind;
        if (k == LabelKind::None) continue;
        open.resize(d + 1);
        o.kind = k;
        o.last = lab.num;
        ++o.count;
        child.kind = k;
        o.items->push_back(std::move(child));
        return;
    }
    // 1. continue an open list whose successor is this label (innermost first)
    for (std::size_t d = open.size(); d-- > 0;) {
        OpenList& o = open[d];
        bool kind_ok = (o.kind == letter_kind && can_be_letter(lab)) || (o.kind == roman_kind && can_be_roman(lab));
        if (kind_ok && successor(o.kind, o.last) == lab.num) {
            open.resize(d + 1);
            child.kind = o.kind;
            o.last = lab.num;
            ++o.count;
            o.items->push_back(std::move(child));
            return;
        }
    }
    // 2. after a sub-heading ("B. Scale up climate action"), "(a)" restarts the open list of
    //    its kind rather than opening a list under the last item
    if (!child.heading.empty() && lab.num == "a") {
        for (std::size_t d = 0; d < open.size(); ++d) {
            OpenList& o = open[d];
            if (o.kind != letter_kind) continue;
            open.resize(d + 1);
            child.kind = o.kind;
            o.last = lab.num;
            ++o.count;
            o.items->push_back(std::move(child));
            return;
        }
    }
    // 3. a first label opens a new list under the deepest open item
    bool first_letter = lab.num == "a" && can_be_letter(lab);
    bool first_roman = lab.num == "i" && can_be_roman(lab);
    if ((first_letter || first_roman) && open.size() < kMaxOpenLists) {
        // (i) right after (h) was handled above; here (i) is roman when a letter item is open
        LabelKind k = first_roman && !(first_letter) ? roman_kind : letter_kind;
        if (first_roman && first_letter) k = roman_kind;  // cannot happen ("a" is not roman)
        if (first_roman) {
            bool letter_open = !open.empty() && open.back().kind == letter_kind;
            bool nothing_open = open.empty();
            k = (letter_open || nothing_open || open.back().kind != roman_kind) ? roman_kind : letter_kind;
        }
        std::vector<Para>* parent = &top.children;
        if (!open.empty()) {
            auto& items = *open.back().items;
            if (!items.empty()) parent = &items.back().children;
        }
        child.kind = k;
        parent->push_back(std::move(child));
        open.push_back({k, lab.num, parent, 1});
        return;
    }
    // 3. out of sequence: attach to the innermost open list of a compatible kind (the
    //    validator reports the gap / duplicate / order problem)
    for (std::size_t d = open.size(); d-- > 0;) {
        OpenList& o = open[d];
        bool kind_ok = (o.kind == letter_kind && can_be_letter(lab)) || (o.kind == roman_kind && can_be_roman(lab));
        if (kind_ok) {
            // prefer roman for ambiguous labels only when the list is roman
            open.resize(d + 1);
            child.kind = o.kind;
            o.last = lab.num;
            ++o.count;
            o.items->push_back(std::move(child));
            return;
        }
    }
    // 4. nothing open: a new list directly under the paragraph
    LabelKind k = can_be_letter(lab) && !(lab.kind == LabelKind::Roman && !lab.ambiguous) ? letter_kind : roman_kind;
    if (lab.kind == LabelKind::Roman && lab.num.size() > 1 && !can_be_letter(lab)) k = roman_kind;
    child.kind = k;
    if (open.size() >= kMaxOpenLists) {
        open.back().items->push_back(std::move(child));
        return;
    }
    std::vector<Para>* parent = &top.children;
    if (!open.empty() && !open.back().items->empty()) parent = &open.back().items->back().children;
    parent->push_back(std::move(child));
    open.push_back({k, lab.num, parent, 1});
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

void TreeBuilder::build_tree() {
    // Where does the operative part begin?
    std::size_t first_num = SIZE_MAX;
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
        if (blocks_[b].kind == BlockKind::Annex || blocks_[b].kind == BlockKind::Closing) break;
        if (blocks_[b].kind == BlockKind::Para && blocks_[b].label.kind == LabelKind::Number) {
            first_num = b;
            break;
        }
    }
    bool amendment = doc_.kind == DocKind::Amendment;
    Target main{&doc_.preamble, &doc_.operative, &doc_.sections};
    Target tgt = main;
    std::string section;
    bool in_operative = false;
    bool in_annex = false;
    bool after_closing = false;
    bool section_preamble = false;
    std::vector<Span> after_closing_text;
    std::vector<OpenList> open;
    std::string pending_heading;
    Para* top = nullptr;
    auto unnumbered_operative = [&](const Block& b) {
        std::string_view t = b.mt.text;
        char c = last_meaningful(t);
        // "Adopts the following political declaration ...:" opens the operative part even
        // when the adopted text's own numbered paragraphs follow inline.
        if (first_num != SIZE_MAX) return b.label.kind == LabelKind::None && c == ':' && is_operative_lead(t);
        return (c == '.' || c == ':' || c == ';') && (is_operative_lead(t) || !is_preamble_lead(t));
    };
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
        Block& b = blocks_[i];
        switch (b.kind) {
            case BlockKind::Section: {
                // "I. Productive populations" followed by "(a) ..." inside an open list (the
                // annex's "commit to the following actions:"): a heading within the list.
                if (top) {
                    std::size_t j = i + 1;
                    if (j < blocks_.size() && blocks_[j].kind == BlockKind::Heading && b.heading.empty()) ++j;
                    if (j < blocks_.size() && blocks_[j].kind == BlockKind::Para && blocks_[j].label.kind != LabelKind::None &&
                        blocks_[j].label.kind != LabelKind::Number) {
                        std::string h = b.label.num + ". " + (b.heading.empty() && j == i + 2 ? blocks_[i + 1].mt.text : b.heading);
                        if (!pending_heading.empty()) pending_heading += " ";
                        pending_heading += h;
                        i = j - 1;
                        continue;
                    }
                }
                Section s;
                s.num = b.label.num;
                s.heading = b.heading;
                s.line = b.line;
                s.span = {b.begin, b.end};
                if (s.heading.empty() && i + 1 < blocks_.size() && blocks_[i + 1].kind == BlockKind::Heading) {
                    s.heading = blocks_[i + 1].mt.text;
                    s.span.end = blocks_[i + 1].end;
                    blocks_[i + 1].kind = BlockKind::Closing;  // consumed (skipped below)
                    blocks_[i + 1].mt.text.clear();
                    ++i;
                }
                section = s.num;
                section_preamble = true;
                tgt.sections->push_back(std::move(s));
                open.clear();
                top = nullptr;
                continue;
            }
            case BlockKind::Annex: {
                Annex a;
                a.num = b.label.num;
                a.title = b.heading;
                a.line = b.line;
                a.span = {b.begin, b.end};
                if (a.title.empty() && i + 1 < blocks_.size() && blocks_[i + 1].kind == BlockKind::Heading) {
                    a.title = blocks_[i + 1].mt.text;
                    ++i;
                }
                doc_.annexes.push_back(std::move(a));
                Annex& ar = doc_.annexes.back();
                tgt = Target{&ar.preamble, &ar.operative, &ar.sections};
                section.clear();
                in_annex = true;
                in_operative = true;
                open.clear();
                top = nullptr;
                continue;
            }
            case BlockKind::Closing: {
                if (b.mt.text.empty()) continue;  // consumed heading
                if (!in_annex && doc_.closing.meeting.empty()) {
                    std::string t = b.mt.text;
                    std::size_t len = 0;
                    std::size_t p = find_date(t, len);
                    doc_.closing.meeting = p == std::string::npos ? t : t.substr(0, p);
                    while (!doc_.closing.meeting.empty() && doc_.closing.meeting.back() == ' ') doc_.closing.meeting.pop_back();
                    if (p != std::string::npos) doc_.closing.date = parse_date(t.substr(p, len));
                    doc_.closing.line = b.line;
                    doc_.closing.span = {b.begin, b.end};
                    after_closing = true;
                    open.clear();
                    top = nullptr;
                }
                continue;
            }
            case BlockKind::Heading: {
                if (!pending_heading.empty()) pending_heading += " ";
                pending_heading += b.mt.text;
                if (after_closing && !in_annex) {
                    doc_.unclassified.push_back({b.mt.text, b.line, {b.begin, b.end}});
                    after_closing_text.push_back({b.begin, b.end});
                    pending_heading.clear();
                }
                continue;
            }
            case BlockKind::Table: {  // a table node: rows of cells, no paragraph (table.cpp)
                int annex = in_annex ? static_cast<int>(doc_.annexes.size()) - 1 : -1;
                std::size_t after = in_annex ? doc_.annexes.back().operative.size() : doc_.operative.size();
                doc_.tables.push_back({std::move(b.rows), after, annex, b.line, {b.begin, b.end}});
                Diagnostic d;
                d.rule = "UNR005";
                d.severity = Severity::Note;
                d.span = {b.begin, b.end};
                d.message = "a table (" + std::to_string(doc_.tables.back().rows.size()) + " rows): its rows are not paragraphs";
                doc_.diagnostics.push_back(d);
                continue;
            }
            case BlockKind::Para:
                break;
        }
        if (after_closing && !in_annex) {
            doc_.unclassified.push_back({b.mt.text, b.line, {b.begin, b.end}});
            after_closing_text.push_back({b.begin, b.end});
            continue;
        }
        Para p = to_para(b, section);
        if (!pending_heading.empty()) {
            p.heading = pending_heading;
            pending_heading.clear();
        }
        if (amendment && !in_annex) {
            doc_.instructions.push_back(std::move(p));
            continue;
        }
        const Label& lab = b.label;
        if (!in_operative && !in_annex) {
            if ((first_num != SIZE_MAX && i >= first_num) || unnumbered_operative(b)) in_operative = true;
        }
        // A section opens with its own preambular paragraphs (Fifth Committee style):
        // unnumbered paragraphs with a preamble lead that end with a comma.
        if (section_preamble && lab.kind == LabelKind::None && last_meaningful(p.text) == ',') {
            tgt.preamble->push_back(std::move(p));
            continue;
        }
        if (lab.kind != LabelKind::None) section_preamble = false;
        // A preambular paragraph (lead phrase, final comma) among operative paragraphs: kept in
        // the preamble; the validator reports it out of place (UNR003).
        if (in_operative && !in_annex && lab.kind == LabelKind::None && is_preamble_lead(p.text) &&
            last_meaningful(p.text) == ',' && !is_operative_lead(p.text) && (open.empty() && (!top || !ends_with(top->text, ":")))) {
            tgt.preamble->push_back(std::move(p));
            continue;
        }
        if (!in_operative) {
            if (lab.kind == LabelKind::None || !top) {
                if (lab.kind != LabelKind::None && lab.kind != LabelKind::Number) {
                    // a lettered item inside a preambular paragraph: keep it as its child
                    if (!tgt.preamble->empty()) {
                        tgt.preamble->back().children.push_back(std::move(p));
                        continue;
                    }
                }
                tgt.preamble->push_back(std::move(p));
            }
            continue;
        }
        if (lab.kind == LabelKind::Number && top && top->kind == LabelKind::Number && all_digits(top->num) &&
            top->num.size() < 6) {
            // "7. To achieve our goal, we will pursue the following objectives:" then
            // "1." ... "5.", then "8.": a numbered list inside paragraph 7.
            long tv = std::stol(top->num);
            bool next_top = lab.num == std::to_string(tv + 1);
            bool nested_next = !top->children.empty() && top->children.back().kind == LabelKind::Number &&
                               all_digits(top->children.back().num) && top->children.back().num.size() < 6 &&
                               lab.num == std::to_string(std::stol(top->children.back().num) + 1);
            bool nested_first = lab.num == "1" && tv >= 1 && top->children.empty() && ends_with(top->text, ":");
            if (!next_top && (nested_first || nested_next)) {
                p.kind = LabelKind::Number;
                top->children.push_back(std::move(p));
                open.clear();
                continue;
            }
        }
        if (lab.kind == LabelKind::Number || lab.kind == LabelKind::None) {
            if (lab.kind == LabelKind::None && top && p.heading.empty()) {
                // A sentence of the last item that began on a new line ("... well-being." /
                // "We also take note ..."): the next label continues the same sequence, so
                // nothing new started here.
                Para* last = open.empty() ? top : (open.back().items->empty() ? nullptr : &open.back().items->back());
                const Block* next = nullptr;
                for (std::size_t j = i + 1; j < blocks_.size(); ++j) {
                    if (blocks_[j].kind == BlockKind::Table) continue;
                    if (blocks_[j].kind == BlockKind::Para && blocks_[j].label.kind == LabelKind::None && j < i + 4) continue;
                    if (blocks_[j].kind == BlockKind::Para && blocks_[j].label.kind != LabelKind::None) next = &blocks_[j];
                    break;
                }
                bool continues = false;
                if (last && next && !ends_with(last->text, ":") && char(last_meaningful(last->text)) != ';') {
                    if (open.empty()) {
                        continues = next->label.kind == LabelKind::Number && top->kind == LabelKind::Number && all_digits(top->num) &&
                                    top->num.size() < 6 && next->label.num == std::to_string(std::stol(top->num) + 1);
                    } else {
                        const OpenList& o = open.back();
                        continues = o.kind != LabelKind::None && next->label.kind != LabelKind::Number &&
                                    successor(o.kind, o.last) == next->label.num;
                    }
                }
                if (continues) {
                    append_para(*last, std::move(p));
                    continue;
                }
            }
            if (lab.kind == LabelKind::None && top && !tgt.operative->empty() && top->kind == LabelKind::None &&
                ends_with(top->text, ":") && first_num != SIZE_MAX && i < first_num) {
                // The opening of a text adopted inline ("We, Heads of State ...,") before its
                // numbered paragraphs: part of the unnumbered "Adopts ...:" paragraph.
                append_para(*top, std::move(p));
                continue;
            }
            if (lab.kind == LabelKind::None && top && !tgt.operative->empty()) {
                // An unlabelled paragraph after a list-introducing paragraph: an item whose
                // label was lost.  Otherwise a new unnumbered paragraph.
                Para& last = tgt.operative->back();
                bool list_open = !open.empty() || ends_with(last.text, ":");
                // Numbered paragraphs follow: everything up to the next number belongs to the
                // paragraph that opened the list, whatever its first word.
                bool numbered_follow = false;
                for (std::size_t j = i + 1; j < blocks_.size() && !numbered_follow; ++j) {
                    if (blocks_[j].kind == BlockKind::Annex || blocks_[j].kind == BlockKind::Section) break;
                    if (blocks_[j].kind == BlockKind::Closing && !blocks_[j].mt.text.empty()) break;
                    numbered_follow = blocks_[j].kind == BlockKind::Para && blocks_[j].label.kind == LabelKind::Number;
                }
                if (list_open && !starts_with(p.text, "We ") && !starts_with(p.text, "We,") &&
                    (numbered_follow || !is_operative_lead(p.text))) {
                    place_unlabelled(last, open, std::move(p));
                    continue;
                }
            }
            tgt.operative->push_back(std::move(p));
            top = &tgt.operative->back();
            open.clear();
            continue;
        }
        if (!top) {
            // a lettered paragraph before any numbered one (e.g. a draft decision (a)-(d))
            tgt.operative->push_back(std::move(p));
            continue;
        }
        place_child(*top, open, std::move(p), lab);
    }
    infer_lost_numbers(doc_.operative);
    // A resolution with no numbered paragraphs whose preamble ends in "." : the last
    // paragraph is its single operative paragraph.
    if (!amendment && doc_.operative.empty() && !doc_.preamble.empty()) {
        const Para& last = doc_.preamble.back();
        char c = last_meaningful(last.text);
        if (c == '.' || c == ':') {
            doc_.operative.push_back(std::move(doc_.preamble.back()));
            doc_.preamble.pop_back();
        }
    }
    for (const auto& span : after_closing_text) {
        Diagnostic d;
        d.rule = "UNR001";
        d.severity = Severity::Warning;
        d.span = span;
        d.message = "text after the closing formula that is not an annex: kept as unclassified";
        doc_.diagnostics.push_back(d);
    }
}

}  // namespace

void build_tree(Document& doc, std::vector<Block> blocks, const SourceFile& src) {
    TreeBuilder(doc, std::move(blocks), src).run();
}

}  // namespace unres::readers::stages
