// Stage 5, blocks.
//
// Job: join the content lines into logical paragraphs (across lines, pages and footnote
// blocks), each with its label, and recognise sections, annexes, headings, captions and the
// closing formula.  Input: the repaired lines, the first body line, the page margins.
// Output: the blocks, in order.  Guarantees: every
// content character of the body is in exactly one block; a label is taken only where it can
// open a paragraph.
#include "readers/text/blocks.hpp"
#include "readers/text/table.hpp"

#include "readers/text/common.hpp"

#include <algorithm>
#include <new>

#include <sys/mman.h>

#include "readers/vocab.hpp"
#include "words.hpp"

namespace unres::readers::stages {

namespace {

class BlockMaker {
public:
    BlockMaker(const std::vector<Line>& lines, bool markdown, const Margins& margins)
        : lines_(lines), markdown_(markdown), margins_(margins) {}
    BlockList run(std::size_t body) {
        make_blocks(body);
        table_rows(blocks_, lines_);  // table.cpp: a table block's cells
        return std::move(blocks_);
    }

private:
    const std::vector<Line>& lines_;
    bool markdown_;
    const Margins& margins_;
    BlockList blocks_;
    int last_number_ = 0;  // last operative number seen while making blocks
    std::size_t full_width_ = 0;  // the body's full line length (bytes), 0 when unknown
    std::size_t wrap_width_ = 0;  // a wrapped line's usual length (the median: most lines are wrapped ones)

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
    /// pdftotext lifts the words of a justified line out and prints them after the next line,
    /// each between blank lines: put them back (reorders `order`, indices into the lines).
    void restore_lifted_words(std::vector<std::size_t>& order) const;
    void make_blocks(std::size_t body);

    /// One content line as make_blocks meets it.
    struct LineCtx {
        const Line& l;
        std::size_t k;       ///< its index in the lines
        Label lab;           ///< the label that opens it
        const Line* prev;    ///< the content line before
        bool prev_term;      ///< that one ends with punctuation
        bool eff_blank;      ///< a blank line above it on the same page
        bool was_break;      ///< a page break (furniture, footnotes) above it
    };
    struct Decision {
        bool new_block = false;
        BlockKind kind = BlockKind::Para;
        std::string snum, sheading;  ///< a section's or annex's number and heading
    };
    std::vector<std::size_t> reading_order(std::size_t body) const;
    /// A line ending with a colon inside a title: "... on Business and Human Rights:".
    static bool title_colon(std::string_view t);
    /// "6" alone on a line where paragraph 6 is due, the line before closing a paragraph and the
    /// next one opening with an operative lead ("Also reaffirms ..."), or "6" and such a lead
    /// apart by a -layout column gap: paragraph 6's label without its full stop
    /// (Block::label_malformed).
    bool bare_number_label(const LineCtx& c, Label& out) const;
    bool decide_marker(const LineCtx& c, const Block* cur, Decision& d) const;
    void decide_text(const LineCtx& c, const Block& cur, Decision& d) const;
    void open_block(const LineCtx& c, const Decision& d);
    void merge_closing_dates();
    void retype_blocks();
};


// ---- blocks ----
bool BlockMaker::label_acceptable(const Line& l, const Label& lab, const Block* cur, const Line* prev_line) const {
    if (lab.kind == LabelKind::None) return false;
    if (!cur || !prev_line) return true;
    if (l.bullet || l.blank_before) return true;
    if (cur->label_only) return false;
    // an enumeration in running text ("...; (b) promote ...; (c) give ...;" / "(d) ensure ..."):
    // the previous label stands inside the line before, after a ";" or ":", so this one is inline too
    if (label::is_paren_kind(lab.kind)) {
        long v = label::value(lab.kind, lab.num);
        std::string_view pt = prev_line->text;
        std::size_t at = v > 1 ? pt.find("(" + label::bare_label(lab.kind, v - 1) + ") ") : std::string_view::npos;
        if (at != std::string_view::npos && at >= 2 && (pt[at - 2] == ';' || pt[at - 2] == ':') && pt[at - 1] == ' ') return false;
    }
    if (is_terminal(prev_line->text)) return true;
    // the next operative number, followed by a capitalised word, opens a paragraph even
    // when the line before lacks its final punctuation (a heading, a lost character)
    if (lab.kind == LabelKind::Number && std::to_string(last_number_ + 1) == lab.num &&
        (lab.len >= l.text.size() || is_upper_start(std::string_view(l.text).substr(lab.len))))
        return true;
    // after a heading ("Subnational finance"): a block of one short line without punctuation
    if (cur->kind == BlockKind::Para && cur->label.kind == LabelKind::None && cur->last_line <= cur->first_line + 2 &&
        cur->mt.text.size() <= 160 && is_upper_start(cur->mt.text) && cur->marks.empty() && !is_terminal(cur->mt.text))
        return true;
    return cur->kind != BlockKind::Para;
}

bool BlockMaker::is_section_marker(std::string_view t, std::string& num, std::string& heading) {
    std::string_view w = t;
    if (ends_with(w, ".")) w.remove_suffix(1);
    if (label::is_upper_roman(w)) {
        num = std::string(w);
        return true;
    }
    std::size_t dot = t.find(". ");
    if (dot != std::string_view::npos && label::is_upper_roman(t.substr(0, dot)) && !is_terminal(t) && is_upper_start(t.substr(dot + 2))) {
        num = std::string(t.substr(0, dot));
        heading = std::string(t.substr(dot + 2));
        return true;
    }
    return false;
}

bool BlockMaker::is_annex_marker(std::string_view t, std::string& num, std::string& heading) {
    if (!(starts_with(t, "Annex") || starts_with(t, "ANNEX"))) return false;
    std::string_view rest = t.substr(5);
    if (starts_with(rest, "es")) rest.remove_prefix(2);
    if (!rest.empty() && rest[0] != ' ') return false;
    while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
    std::string_view w = first_word(rest);
    if (!w.empty() && (label::is_upper_roman(w) || all_digits(w) || (w.size() == 1 && std::isupper(static_cast<unsigned char>(w[0]))))) {
        num = std::string(w);
        rest.remove_prefix(w.size());
        while (!rest.empty() && (rest[0] == ' ' || rest[0] == '.' || rest[0] == ':')) rest.remove_prefix(1);
    }
    if (rest.size() > 120 || is_terminal(t)) {
        if (!(rest.empty() || ends_with(t, ":"))) return false;
    }
    heading = std::string(rest);
    return true;
}

/// A table caption or list letter standing alone: "A." / "B".
bool BlockMaker::is_caption(std::string_view t) {
    return (t.size() == 2 && std::isupper(static_cast<unsigned char>(t[0])) && t[1] == '.') ||
           (t.size() == 1 && std::isupper(static_cast<unsigned char>(t[0])) && t != "I" && t != "V" && t != "X");
}

/// "A. Build economic resilience": a lettered sub-heading (capital letter, dot, words, no
/// final punctuation).
bool BlockMaker::is_letter_heading(std::string_view t) {
    return t.size() > 4 && t.size() < 400 && std::isupper(static_cast<unsigned char>(t[0])) && t[1] == '.' && t[2] == ' ' &&
           is_upper_start(t.substr(3)) && !is_terminal(t);
}

bool BlockMaker::is_closing_meeting(std::string_view t) {
    std::size_t k = 0;
    while (k < t.size() && is_digit(t[k])) ++k;
    if (k == 0 || k > 4) return false;
    std::string_view suf = t.substr(k, 2);
    if (!(suf == "st" || suf == "nd" || suf == "rd" || suf == "th")) return false;
    return contains(t.substr(k, 30), " meeting");
}

void BlockMaker::compute_full_width(std::size_t body) {
    std::vector<std::size_t> lens;
    for (std::size_t k = body; k < lines_.size(); ++k)
        if (lines_[k].kind == LineKind::Content && lines_[k].text.size() > 20) lens.push_back(lines_[k].text.size());
    full_width_ = wrap_width_ = 0;
    if (lens.size() < 20) return;  // too few lines to know the page's measure
    std::sort(lens.begin(), lens.end());
    full_width_ = lens[lens.size() * 95 / 100];
    wrap_width_ = lens[lens.size() / 2];
}

bool BlockMaker::is_full_before(const Line& prev, std::string_view t) const {
    if (wrap_width_ == 0 || markdown_) return false;
    std::string_view w = first_word(t);
    return prev.text.size() + 1 + w.size() > wrap_width_;
}

bool BlockMaker::is_guessed_lead(std::string_view t) {
    std::string_view w = first_word(t);
    std::string_view bare = w;
    while (!bare.empty() && std::ispunct(static_cast<unsigned char>(bare.back()))) bare.remove_suffix(1);
    if (bare.empty() || words::is_operative_verb(bare) || words::is_preamble_adjective(bare) || words::is_lead_adverb(bare))
        return false;
    if (is_operative_lead(t) && !is_preamble_lead(t)) return true;  // "Honduras, the": an "-s" word, not a listed verb
    if (!is_preamble_lead(t)) return false;
    // a participle opening a name: the next word, past "and" / "of" / "for" / "in" / "on" / "to",
    // is capitalised ("Financing for Development at a Crossroads")
    std::string_view rest = t.substr(static_cast<std::size_t>(w.data() - t.data()) + w.size());
    std::string_view n = first_word(rest);
    if (w.back() != ',' && (n == "and" || n == "of" || n == "for" || n == "in" || n == "on" || n == "to")) {
        rest = rest.substr(static_cast<std::size_t>(n.data() - rest.data()) + n.size());
        n = first_word(rest);
    } else if (!ends_with(bare, "ed")) {
        return false;  // "Recalling General Assembly resolution ...": a lead before a name
    }
    return w.back() != ',' && !n.empty() && std::isupper(static_cast<unsigned char>(n[0]));
}

void BlockMaker::restore_lifted_words(std::vector<std::size_t>& order) const {
    // pdftotext lifts the words of a justified line out and prints them after the next line, each
    // between blank lines ("... humanity, neutrality," / "independence for ... assistance," / "" /
    // "impartiality" / "" / "and" / "" / "Recalling ..."): put them back before that next line.
    auto is_fragment = [&](std::size_t k) {
        const Line& f = lines_[k];
        if (f.kind != LineKind::Content || f.text.size() > 20 || std::count(f.text.begin(), f.text.end(), ' ') > 1) return false;
        if (!(is_lower_start(f.text) || is_digit(f.text[0])) || parse_label(f.text).kind != LabelKind::None) return false;
        return k > 0 && k + 1 < lines_.size() && lines_[k - 1].kind == LineKind::Blank && lines_[k + 1].kind == LineKind::Blank;
    };
    for (std::size_t i = 1; i + 1 < order.size(); ++i) {
        const Line& a = lines_[order[i - 1]];
        const Line& b = lines_[order[i]];
        // (the cheap tests first: most lines open with a capital)
        if (a.kind != LineKind::Content || b.kind != LineKind::Content || is_upper_start(b.text) || !is_terminal(b.text) ||
            parse_label(b.text).kind != LabelKind::None || is_preamble_lead(b.text) || is_operative_lead(b.text))
            continue;  // b continues a's paragraph
        std::vector<std::size_t> frags;
        std::size_t j = i + 1;
        for (; j < order.size(); ++j) {
            std::size_t k = order[j];
            if (lines_[k].kind == LineKind::Blank) continue;
            if (!is_fragment(k)) break;
            frags.push_back(j);
        }
        if (frags.empty() || j >= order.size() || lines_[order[j]].kind != LineKind::Content) continue;
        std::string_view n = lines_[order[j]].text;
        bool opens = parse_label(n).kind != LabelKind::None ||
                     ((is_preamble_lead(n) || is_operative_lead(n)) && !is_guessed_lead(n));
        if (!opens) continue;
        // move the fragments (and the blanks between them) before b: a, f1, f2, b, blanks, next
        std::vector<std::size_t> moved, blanks;
        for (std::size_t x = i + 1; x < j; ++x) (lines_[order[x]].kind == LineKind::Blank ? blanks : moved).push_back(order[x]);
        std::size_t bk = order[i];
        std::size_t at = i;
        for (std::size_t m : moved) order[at++] = m;
        order[at++] = bk;
        for (std::size_t m : blanks) order[at++] = m;
        i = j;
    }
}

bool BlockMaker::looks_like_heading(std::size_t k) const {
    const Line& l = lines_[k];
    if (is_terminal(l.text) || l.text.size() > 110 || !is_upper_start(l.text)) return false;
    if (is_preamble_lead(l.text) || is_operative_lead(l.text)) return false;
    // a line as long as the page's full lines is wrapped text, not a heading
    if (full_width_ != 0 && !markdown_ && l.text.size() + 8 >= full_width_) return false;
    // a heading does not end with a preposition, article or conjunction (in any case: "in All Its")
    {
        std::string_view t = l.text;
        std::size_t sp = t.rfind(' ');
        std::string last(sp == std::string_view::npos ? t : t.substr(sp + 1));
        for (char& c : last) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (std::string_view w : {"of", "the", "and", "to", "in", "for", "on", "with", "by", "a", "an", "or", "at", "from", "its", "their"})
            if (last == w) return false;
    }
    // the next content line opens a paragraph (after at most three more heading lines)
    int more = 0;
    for (std::size_t j = k + 1; j < lines_.size(); ++j) {
        const Line& n = lines_[j];
        if (n.kind != LineKind::Content) continue;
        Label lab = parse_label(n.text);
        std::string a, b;
        if (lab.kind != LabelKind::None || ((is_preamble_lead(n.text) || is_operative_lead(n.text)) && !is_guessed_lead(n.text)) ||
            is_section_marker(n.text, a, b))
            return true;
        if (is_terminal(n.text) || n.text.size() > 110 || !is_upper_start(n.text) || ++more > 3) return false;
    }
    return false;
}

/// The order to read the body lines in: pdftotext sometimes puts a paragraph's last words
/// right after its lone number ("3." / "session." / "Further decides ... eightieth"): the start
/// is read first; lifted words go back (restore_lifted_words).
std::vector<std::size_t> BlockMaker::reading_order(std::size_t body) const {
    std::vector<std::size_t> order;
    for (std::size_t k = body; k < lines_.size(); ++k) order.push_back(k);
    auto next_content = [&](std::size_t from) {
        for (std::size_t j = from + 1; j < order.size(); ++j)
            if (lines_[order[j]].kind == LineKind::Content) return j;
        return order.size();
    };
    restore_lifted_words(order);
    for (std::size_t i = 0; i < order.size(); ++i) {
        const Line& l = lines_[order[i]];
        if (l.kind != LineKind::Content) continue;
        Label lab = parse_label(l.text);
        if (lab.kind == LabelKind::None || lab.len < l.text.size()) continue;
        std::size_t a = next_content(i);
        if (a >= order.size()) continue;
        std::size_t b = next_content(a);
        if (b >= order.size() || !is_upper_start(lines_[order[b]].text) || parse_label(lines_[order[b]].text).kind != LabelKind::None)
            continue;
        // the last words first: in lower case ("session."), a caption, or a word or two that close
        // the paragraph ("Agency;") before its opening line ("Appeals to Member States ... of the")
        std::string_view at = lines_[order[a]].text, bt = lines_[order[b]].text;
        bool tail = std::count(at.begin(), at.end(), ' ') <= 1 && is_terminal(at) && is_operative_lead(bt) && !is_terminal(bt);
        if (!(is_lower_start(at) || is_caption(at) || tail)) continue;
        std::swap(order[a], order[b]);
    }
    return order;
}

/// Does line `c.l` open a block of its own, and of which kind?  First the markers that open
/// one whatever the text (tables, sections, annexes, closing, labels, headings).
bool BlockMaker::decide_marker(const LineCtx& c, const Block* cur, Decision& d) const {
    std::string_view t = c.l.text;
    const Label& lab = c.lab;
    d.new_block = true;
    if (t[0] == '|') {
        // a table row ("| cell | cell |", or unres's own "| text" for unstructured blocks)
        d.new_block = !cur || cur->kind != BlockKind::Table || c.eff_blank;
        d.kind = BlockKind::Table;
    } else if (!cur) {
        if (is_section_marker(t, d.snum, d.sheading)) d.kind = BlockKind::Section;
    } else if (cur->label_only) {
        d.new_block = false;  // "1." then its text on the next line
    } else if (cur->kind == BlockKind::Heading && is_caption(cur->mt.text) && lab.kind == LabelKind::None &&
               is_upper_start(t) && !is_preamble_lead(t) && !is_operative_lead(t)) {
        d.new_block = false;  // "B." then its title on the next line
    } else if (is_section_marker(t, d.snum, d.sheading) && (c.prev_term || c.eff_blank || cur->kind != BlockKind::Para)) {
        d.kind = BlockKind::Section;
    } else if (is_annex_marker(t, d.snum, d.sheading) &&
               (c.prev_term || c.eff_blank || c.was_break || cur->kind != BlockKind::Para) &&
               (c.eff_blank || c.was_break || t.size() < 40)) {
        d.kind = BlockKind::Annex;
    } else if (is_closing_meeting(t) && (c.prev_term || c.eff_blank)) {
        d.kind = BlockKind::Closing;
    } else if (lab.kind != LabelKind::None && label_acceptable(c.l, lab, cur, c.prev)) {
    } else if (is_caption(t) || (c.l.heading && lab.kind == LabelKind::None && !is_annex_marker(t, d.snum, d.sheading)) ||
               (is_letter_heading(t) && (c.prev_term || c.eff_blank || c.was_break || cur->kind != BlockKind::Para))) {
        // a caption letter, or a markdown heading ("### Peacebuilding Commission")
        d.kind = BlockKind::Heading;
    } else {
        return false;
    }
    return true;
}

/// An unmarked line after block `cur`: does it continue it, or open a paragraph or heading?
void BlockMaker::decide_text(const LineCtx& c, const Block& cur, Decision& d) const {
    std::string_view t = c.l.text;
    const Label& lab = c.lab;
    const Line* prev = c.prev;
    std::size_t k = c.k;
    d.new_block = false;
    if (cur.kind == BlockKind::Closing && !parse_date(t).empty() && cur.last_line + 3 >= k) {
    } else if (c.l.zone == Zone::Body && prev && prev->zone == Zone::Body && !c.eff_blank && !c.was_break &&
               cur.kind == BlockKind::Para && lab.kind == LabelKind::None && margins_.relative(c.l) <= 0) {
        // PDF: a line at the body margin without a paragraph space above it continues the
        // paragraph (a new one opens with a first-line indent or a space)
    } else if (is_lower_start(t) || (is_digit(t[0]) && lab.kind == LabelKind::None)) {
        // paragraphs start with a capital or a label: this continues the previous one
    } else if ((cur.kind == BlockKind::Section || cur.kind == BlockKind::Annex) && cur.heading.empty() &&
               lab.kind == LabelKind::None) {
        d.new_block = true;
        d.kind = BlockKind::Heading;
    } else if (cur.kind == BlockKind::Heading && !c.prev_term && !is_preamble_lead(t) && !is_operative_lead(t) &&
               !starts_with(t, "We ") && lab.kind == LabelKind::None && !c.eff_blank && cells(c.l).size() < 3 &&
               cells(*prev).size() < 3 && k <= cur.first_line + 2) {
        // a heading wrapped over two lines
    } else if (cur.kind != BlockKind::Para) {
        d.new_block = true;
    } else if (c.eff_blank && is_upper_start(t) && cur.first_line == cur.last_line && cur.mt.text.size() <= 110 &&
               cur.label.kind == LabelKind::None && cur.marks.empty()) {
        // a short unpunctuated line standing alone between blank lines is a heading
        d.new_block = true;
    } else if (!c.prev_term) {
    } else if (prev && title_colon(prev->text) && cur.kind == BlockKind::Para && lab.kind == LabelKind::None && !c.eff_blank &&
               is_upper_start(t)) {
        // a colon inside a title ("the Guiding Principles on Business and Human Rights:" /
        // "Implementing the United Nations ... Framework."): the title goes on, no list opens
    } else if (prev && last_meaningful(prev->text) == ':' && cur.label.kind == LabelKind::None && lab.kind == LabelKind::None &&
               is_operative_lead(cur.mt.text) && is_upper_start(t) && !is_terminal(t) && !is_preamble_lead(t) &&
               !is_operative_lead(t) && !starts_with(t, "We ") && !starts_with(t, "We,")) {
        // "Adopts the following outcome document ...:" then the adopted text's own title
        // ("Outcome document of the high-level meeting ..."), wrapped, before its first paragraph
        d.new_block = true;
        d.kind = BlockKind::Heading;
    } else if (c.eff_blank) {
        d.new_block = true;
    } else if (!markdown_ && margins_.relative(c.l) >= 3 &&
               (prev == nullptr || margins_.relative(*prev) < margins_.relative(c.l) || prev->page != c.l.page)) {
        d.new_block = true;
    } else if (prev && is_full_before(*prev, t) && is_guessed_lead(t)) {
        // a full line, then a name wrapped onto this one ("La Ceiba," / "Honduras, the")
    } else if (is_preamble_lead(t) || is_operative_lead(t) || starts_with(t, "We ") || starts_with(t, "We,")) {
        d.new_block = true;
    } else if (looks_like_heading(k)) {
        d.new_block = true;
        d.kind = BlockKind::Heading;
    } else if (prev && last_meaningful(prev->text) == ';' && !ends_with(prev->text, " and") && !ends_with(prev->text, " or") &&
               lab.kind == LabelKind::None && !markdown_ && t.size() <= 110 && !is_terminal(t)) {
        // (not after "...; and": the enumeration goes on; not a label read as inline: "(d) ensure ...")
        // after an item's final ";" a capitalised line without a label is a sub-heading,
        // possibly wrapped ("Technology transfer, ... financing for" / "science, ...")
        d.new_block = true;
        d.kind = BlockKind::Heading;
    }
}

/// Opens a block of kind `d.kind` with line `c.l`, its label taken off the text.
void BlockMaker::open_block(const LineCtx& c, const Decision& d) {
    const Line& l = c.l;
    const Label& lab = c.lab;
    if (d.kind == BlockKind::Para && lab.kind == LabelKind::Number) last_number_ = std::stoi(lab.num);
    if (d.kind == BlockKind::Section) last_number_ = 0;
    blocks_.emplace_back();
    Block* cur = &blocks_.back();
    cur->kind = d.kind;
    cur->first_line = c.k;
    if (d.kind == BlockKind::Section || d.kind == BlockKind::Annex) {
        cur->label.num = d.snum;
        cur->heading = d.sheading;
    }
    append_line(*cur, l);
    if (d.kind == BlockKind::Table) {
        std::size_t cut = cur->mt.text.size() > 1 && cur->mt.text[1] == ' ' ? 2 : 1;
        erase_text(cur->mt.text, cur->mt.map, cur->marks, cur->italics, 0, cut);
    }
    if (d.kind == BlockKind::Para && lab.kind != LabelKind::None) {
        cur->label = lab;
        cur->label_span = line_span(l, 0, lab.label_len);
        cur->label_only = lab.len >= l.text.size();
        erase_text(cur->mt.text, cur->mt.map, cur->marks, cur->italics, 0, lab.len);
    }
}

bool BlockMaker::bare_number_label(const LineCtx& c, Label& out) const {
    std::string_view t = c.l.text;
    const std::string want = std::to_string(last_number_ + 1);
    if (last_number_ <= 0 || !c.prev || !c.prev_term || last_meaningful(c.prev->text) == ',') return false;
    // -layout: "6    Also reaffirms ...", the number and its text apart by a column gap; or (PDF)
    // the number at a first line's indent
    bool gap = std::find(c.l.gaps.begin(), c.l.gaps.end(), want.size()) != c.l.gaps.end();
    bool indented = !markdown_ && margins_.relative(c.l) >= 3;
    if (t.size() > want.size() + 1 && starts_with(t, want) && t[want.size()] == ' ' && (gap || indented) &&
        is_operative_lead(std::string_view(t).substr(want.size() + 1))) {
        out = {};
        out.kind = LabelKind::Number;
        out.num = want;
        out.label_len = want.size();
        out.len = want.size() + 1;
        return true;
    }
    if (t != want) return false;
    for (std::size_t j = c.k + 1; j < lines_.size(); ++j) {
        const Line& n = lines_[j];
        if (n.kind == LineKind::Blank) continue;
        if (n.kind != LineKind::Content) return false;
        if (!is_operative_lead(n.text) || parse_label(n.text).kind != LabelKind::None) return false;
        out = {};
        out.kind = LabelKind::Number;
        out.num = t;
        out.label_len = t.size();
        out.len = t.size();
        return true;
    }
    return false;
}

bool BlockMaker::title_colon(std::string_view t) {
    if (!ends_with(t, ":")) return false;
    t.remove_suffix(1);
    std::size_t sp = t.rfind(' ');
    if (sp == std::string_view::npos) return false;
    std::string_view w = t.substr(sp + 1), before = t.substr(0, sp);
    std::size_t sp2 = before.rfind(' ');
    std::string_view w2 = sp2 == std::string_view::npos ? before : before.substr(sp2 + 1);
    // "Business and Human Rights:": two capitalised words of a name before the colon
    return w.size() >= 2 && is_upper_start(w) && !w2.empty() && is_upper_start(w2) && !all_digits(w);
}

void BlockMaker::make_blocks(std::size_t body) {
    compute_full_width(body);
    Block* cur = nullptr;
    const Line* prev = nullptr;
    bool page_break = false;   // non-content lines since the previous content line
    bool blank = false;
    for (std::size_t k : reading_order(body)) {
        const Line& l = lines_[k];
        if (l.kind == LineKind::Blank) {
            blank = true;
            continue;
        }
        if (l.kind != LineKind::Content) {
            if (l.kind != LineKind::FrontMatter) page_break = true;
            continue;
        }
        LineCtx c{l, k, parse_label(l.text), prev, prev ? is_terminal(prev->text) : true, blank && !page_break, page_break};
        blank = false;
        page_break = false;
        Decision d;
        bool malformed = cur && !cur->label_only && c.lab.kind == LabelKind::None && bare_number_label(c, c.lab);
        if (malformed) d.new_block = true;
        else if (!decide_marker(c, cur, d)) decide_text(c, *cur, d);
        if (d.new_block) {
            open_block(c, d);
            cur = &blocks_.back();
            cur->label_malformed = malformed;
            cur->boundary_guessed = l.split_off;
        } else {
            append_line(*cur, l);
            if (cur->label_only && !cur->mt.text.empty()) cur->label_only = false;
        }
        cur->last_line = k;
        prev = &l;
    }
    merge_closing_dates();
    retype_blocks();
}

/// Closing blocks: a date line may follow the meeting line as a new Para block.
void BlockMaker::merge_closing_dates() {
    // one pass that moves the blocks left over the merged ones (w: where the next kept block goes)
    const std::size_t n = blocks_.size();
    std::size_t w = 0;
    for (std::size_t r = 0; r < n; ++r) {
        if (w != r) blocks_[w] = std::move(blocks_[r]);
        Block& c = blocks_[w++];
        if (c.kind == BlockKind::Closing && r + 1 < n && blocks_[r + 1].kind == BlockKind::Para && blocks_[r + 1].label.kind == LabelKind::None &&
            parse_date(blocks_[r + 1].mt.text).size() && blocks_[r + 1].mt.text.size() < 40) {
            c.mt.text += " " + blocks_[r + 1].mt.text;
            c.end = blocks_[r + 1].end;
            ++r;  // the date block is in c now
        }
    }
    while (blocks_.size() > w) blocks_.pop_back();
}

/// Para blocks that are really tables (many short lines without punctuation) or headings
/// (short, unpunctuated, followed by a new block).
void BlockMaker::retype_blocks() {
    for (auto& b : blocks_) {
        if (b.kind != BlockKind::Para || b.label.kind != LabelKind::None) continue;
        std::size_t n = 0, shortish = 0;
        for (std::size_t k = b.first_line; k <= b.last_line && k < lines_.size(); ++k) {
            const Line& l = lines_[k];
            if (l.kind != LineKind::Content) continue;
            ++n;
            if (l.text.size() < 45 && !is_terminal(l.text)) ++shortish;
        }
        std::size_t columns = 0;
        for (std::size_t k = b.first_line; k <= b.last_line && k < lines_.size(); ++k)
            if (lines_[k].kind == LineKind::Content && cells(lines_[k]).size() >= 3) ++columns;
        // a sentence that opens with a lead and closes with its punctuation is a paragraph whose
        // justified line pdftotext -layout printed with wide gaps ("6 December      2018,    entitled")
        std::string_view bt = b.mt.text;
        bool sentence = n <= 4 && is_terminal(bt) && (is_preamble_lead(bt) || is_operative_lead(bt)) && !is_guessed_lead(bt);
        if (!sentence && ((n >= 5 && shortish * 4 >= n * 3) || (n >= 2 && columns * 2 >= n) || (columns >= 3 && columns * 3 >= n) ||
                          (n == 1 && columns == 1))) {
            b.kind = BlockKind::Table;
            continue;
        }
        std::string_view t = b.mt.text;
        std::size_t words = static_cast<std::size_t>(std::count(t.begin(), t.end(), ' ')) + 1;
        if (!is_terminal(t) && words <= 16 && is_upper_start(t) && b.marks.empty()) b.kind = BlockKind::Heading;
    }
}

}  // namespace

void* chunk_memory(std::size_t bytes, bool mapped) {
    if (!mapped) return ::operator new(bytes, std::align_val_t(alignof(Block)));
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    return p;
}

void free_chunk_memory(void* p, std::size_t bytes, bool mapped) {
    if (mapped) ::munmap(p, bytes);
    else ::operator delete(p, bytes, std::align_val_t(alignof(Block)));
}

BlockList make_blocks(const std::vector<Line>& lines, std::size_t body, bool markdown, const Margins& margins) {
    return BlockMaker(lines, markdown, margins).run(body);
}

}  // namespace unres::readers::stages
