// Comparison of two versions of a resolution: the alignment of paragraphs and footnotes, the
// word-level changes and the header fields (the contract is in include/unres/diff.hpp).
//
// Input: two parsed Documents with their SourceFiles.  Output: a DocDiff owning copies of what it
// shows.  The work is bounded whatever the input: common runs of identical paragraphs are matched
// first in linear time, the similarity alignment runs only on the rest and only within
// DiffOptions::max_cells / max_work, the word alignment within max_word_cells; past a bound the
// comparison falls back to a cheaper exact matching and says so in DocDiff::notes.
#include "unres/diff.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "writers/json_util.hpp"

namespace unres {

std::string_view to_string(Change c) {
    switch (c) {
        case Change::Inserted: return "inserted";
        case Change::Deleted: return "deleted";
        case Change::ToOperative: return "to_operative";
        case Change::ToPreambular: return "to_preambular";
        case Change::PartChanged: return "part_changed";
        case Change::Moved: return "moved";
        case Change::Reworded: return "reworded";
        case Change::Renumbered: return "renumbered";
        case Change::Relettered: return "relettered";
        case Change::Heading: return "heading";
    }
    return "unchanged";
}

std::string_view to_string(FieldChange::Kind k) {
    switch (k) {
        case FieldChange::Kind::Changed: return "changed";
        case FieldChange::Kind::Added: return "added";
        case FieldChange::Kind::Removed: return "removed";
        case FieldChange::Kind::SponsorAdded: return "sponsor_added";
        case FieldChange::Kind::SponsorWithdrawn: return "sponsor_withdrawn";
    }
    return "changed";
}

std::string_view DiffEntry::kind() const {
    if (changes.empty()) return "unchanged";
    return to_string(*std::min_element(changes.begin(), changes.end()));
}

bool DiffEntry::has(Change c) const { return std::find(changes.begin(), changes.end(), c) != changes.end(); }

bool DiffEntry::changed_deep() const {
    if (changed()) return true;
    for (const DiffEntry& c : children)
        if (c.changed_deep()) return true;
    return false;
}

bool DocDiff::same() const {
    if (!header.empty()) return false;
    for (const DiffEntry& e : body)
        if (e.changed_deep()) return false;
    for (const DiffEntry& e : footnotes)
        if (e.changed_deep()) return false;
    return true;
}

namespace {

void count_entry(const DiffEntry& e, DocDiff::Counts& c) {
    if (e.changed()) {
        Change k = *std::min_element(e.changes.begin(), e.changes.end());
        switch (k) {
            case Change::Inserted: ++c.inserted; break;
            case Change::Deleted: ++c.deleted; break;
            case Change::Moved: ++c.moved; break;
            case Change::ToOperative:
            case Change::ToPreambular:
            case Change::PartChanged: ++c.part; break;
            case Change::Reworded: ++c.reworded; break;
            case Change::Renumbered:
            case Change::Relettered: ++c.relabelled; break;
            case Change::Heading: ++c.heading; break;
        }
        // The sub-paragraphs of an inserted or deleted paragraph go with it.
        if (k == Change::Inserted || k == Change::Deleted) return;
    }
    for (const DiffEntry& ch : e.children) count_entry(ch, c);
}

}  // namespace

DocDiff::Counts DocDiff::counts() const {
    Counts c;
    for (const DiffEntry& e : body) count_entry(e, c);
    for (const DiffEntry& e : footnotes)
        if (e.changed()) ++c.footnotes;
    c.header = header.size();
    return c;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Words

struct Token {
    std::uint32_t begin = 0, end = 0;
    bool space_before = false;
    bool word = false;  ///< letters/digits (else one punctuation character)
};

bool word_byte(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }
bool space_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    std::size_t i = 0;
    bool space = false;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (space_byte(c)) { space = true; ++i; continue; }
        Token t;
        t.begin = static_cast<std::uint32_t>(i);
        t.space_before = space && !out.empty();
        if (word_byte(c)) {
            while (i < s.size() && word_byte(static_cast<unsigned char>(s[i]))) ++i;
            t.word = true;
        } else {
            ++i;
        }
        t.end = static_cast<std::uint32_t>(i);
        out.push_back(t);
        space = false;
    }
    return out;
}

/// A text with typographic variants folded, for comparison: the non-breaking and Unicode hyphens
/// (U+2010, U+2011) are "-", the no-break spaces (U+00A0, U+2007, U+202F) are spaces, curly quotes
/// are straight ones, soft hyphens (U+00AD) go.  `orig[k]` is the offset in the original text of
/// folded byte k (and orig[size] the original size), so that what is shown is the original text.
struct Folded {
    std::string s;
    std::vector<std::uint32_t> orig;
};

Folded fold(std::string_view t) {
    Folded f;
    f.s.reserve(t.size());
    f.orig.reserve(t.size() + 1);
    std::size_t i = 0;
    while (i < t.size()) {
        auto o = static_cast<std::uint32_t>(i);
        auto c = static_cast<unsigned char>(t[i]);
        std::string_view rep;
        std::size_t len = 1;
        if (c == 0xC2 && i + 1 < t.size()) {
            auto d = static_cast<unsigned char>(t[i + 1]);
            if (d == 0xA0) { rep = " "; len = 2; }
            else if (d == 0xAD) { rep = ""; len = 2; }
        } else if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
            auto d = static_cast<unsigned char>(t[i + 2]);
            len = 3;
            if (d == 0x90 || d == 0x91) rep = "-";
            else if (d == 0x87 || d == 0xAF) rep = " ";
            else if (d == 0x98 || d == 0x99) rep = "'";
            else if (d == 0x9C || d == 0x9D) rep = "\"";
            else len = 1;
        }
        if (len == 1) {
            f.s += t[i];
            f.orig.push_back(o);
        } else {
            for (char r : rep) {
                f.s += r;
                f.orig.push_back(o);
            }
        }
        i += len;
    }
    f.orig.push_back(static_cast<std::uint32_t>(t.size()));
    return f;
}

/// Folded, without whitespace and hyphens: "su stainable" and "sustainable", "202 6" and "2026",
/// "nuclearweapon" and "nuclear-weapon" (the breaks and joins a PDF extraction leaves at line ends)
/// are the same text.
std::string squeezed(std::string_view t) {
    Folded f = fold(t);
    std::string out;
    out.reserve(f.s.size());
    for (char c : f.s)
        if (!space_byte(static_cast<unsigned char>(c)) && c != '-') out += c;
    return out;
}

std::string_view tok(std::string_view s, const Token& t) { return s.substr(t.begin, t.end - t.begin); }

std::uint64_t hash_lower(std::string_view w) {
    std::uint64_t h = 1469598103934665603ull;
    for (char ch : w) {
        auto c = static_cast<unsigned char>(ch);
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
        h = (h ^ c) * 1099511628211ull;
    }
    return h;
}

/// The sorted multiset of a text's lower-cased words, for the similarity.
std::vector<std::uint64_t> signature(std::string_view text) {
    std::vector<std::uint64_t> sig;
    std::string s = fold(text).s;
    for (const Token& t : tokenize(s))
        if (t.word) sig.push_back(hash_lower(tok(s, t)));
    std::sort(sig.begin(), sig.end());
    return sig;
}

double dice(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
    if (a.empty() && b.empty()) return 1.0;
    if (a.empty() || b.empty()) return 0.0;
    std::size_t i = 0, j = 0, common = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) { ++common; ++i; ++j; }
        else if (a[i] < b[j]) ++i;
        else ++j;
    }
    return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

/// The same text, typographic variants and spacing aside.
bool same_tokens(std::string_view a, std::string_view b) {
    if (a == b) return true;
    return squeezed(a) == squeezed(b);
}

/// Appends runs for a sequence of (op, token) in output order.  The space before a token goes
/// into that token's run, so that the Same and Del runs spell the old text and the Same and Ins
/// runs the new one, each with its own spacing.
class RunBuilder {
public:
    explicit RunBuilder(std::vector<WordRun>& runs) : runs_(runs) {}
    void add(WordRun::Op op, std::string_view text, bool space_before) {
        if (space_before) append(op, " ");
        append(op, text);
    }
    /// A token in both texts: the space before it is shared, or belongs to the text that has it.
    void add_same(std::string_view text, bool old_space, bool new_space) {
        if (old_space && new_space) append(WordRun::Op::Same, " ");
        else if (old_space) append(WordRun::Op::Del, " ");
        else if (new_space) append(WordRun::Op::Ins, " ");
        append(WordRun::Op::Same, text);
    }

private:
    void append(WordRun::Op op, std::string_view text) {
        if (runs_.empty() || runs_.back().op != op) runs_.push_back({op, std::string()});
        runs_.back().text.append(text);
    }
    std::vector<WordRun>& runs_;
};

/// A deletion next to an insertion of the same text but for spacing ("su stainable" /
/// "sustainable") is no change: it becomes the new text, unmarked.  So is a change of spacing
/// alone: an inserted space is kept unmarked, a deleted one dropped (the old text is then spelled
/// up to spacing).
std::vector<WordRun> merge_spacing(std::vector<WordRun> runs) {
    std::vector<WordRun> out;
    auto blank = [](const std::string& t) {
        for (char c : t)
            if (!space_byte(static_cast<unsigned char>(c))) return false;
        return true;
    };
    for (std::size_t k = 0; k < runs.size(); ++k) {
        if (k + 1 < runs.size() && runs[k].op == WordRun::Op::Del && runs[k + 1].op == WordRun::Op::Ins &&
            squeezed(runs[k].text) == squeezed(runs[k + 1].text)) {
            runs[k + 1].op = WordRun::Op::Same;
            ++k;
        } else if (runs[k].op != WordRun::Op::Same && blank(runs[k].text)) {
            if (runs[k].op == WordRun::Op::Del) continue;
            runs[k].op = WordRun::Op::Same;
        }
        if (!out.empty() && out.back().op == runs[k].op) out.back().text += runs[k].text;
        else out.push_back(std::move(runs[k]));
    }
    return out;
}

}  // namespace

double text_similarity(const std::string& a, const std::string& b) { return dice(signature(a), signature(b)); }

std::vector<WordRun> diff_words(const std::string& a, const std::string& b, std::size_t max_cells, bool* capped) {
    if (capped) *capped = false;
    const Folded fa = fold(a), fb = fold(b);
    std::vector<Token> ta = tokenize(fa.s), tb = tokenize(fb.s);
    auto eq = [&](std::size_t i, std::size_t j) { return tok(fa.s, ta[i]) == tok(fb.s, tb[j]); };
    // What is shown is the original text of each token.
    auto oa = [&](const Token& t) { return std::string_view(a).substr(fa.orig[t.begin], fa.orig[t.end] - fa.orig[t.begin]); };
    auto ob = [&](const Token& t) { return std::string_view(b).substr(fb.orig[t.begin], fb.orig[t.end] - fb.orig[t.begin]); };
    std::size_t pre = 0;
    while (pre < ta.size() && pre < tb.size() && eq(pre, pre)) ++pre;
    std::size_t suf = 0;
    while (suf < ta.size() - pre && suf < tb.size() - pre && eq(ta.size() - 1 - suf, tb.size() - 1 - suf)) ++suf;
    const std::size_t n = ta.size() - pre - suf, m = tb.size() - pre - suf;

    // ops over the middle, in order: 0 same (i, j), 1 del (i), 2 ins (j)
    struct Step { int op; std::size_t i, j; };
    std::vector<Step> steps;
    if (n && m && n <= max_cells / m) {
        // LCS lengths of the suffixes: L[i][j] for middle positions i..n, j..m.
        std::vector<std::uint16_t> L((n + 1) * (m + 1), 0);
        auto at = [&](std::size_t i, std::size_t j) -> std::uint16_t& { return L[i * (m + 1) + j]; };
        for (std::size_t i = n; i-- > 0;)
            for (std::size_t j = m; j-- > 0;)
                at(i, j) = eq(pre + i, pre + j) ? static_cast<std::uint16_t>(at(i + 1, j + 1) + 1)
                                                : std::max(at(i + 1, j), at(i, j + 1));
        std::size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && eq(pre + i, pre + j)) { steps.push_back({0, i, j}); ++i; ++j; }
            else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) { steps.push_back({2, 0, j}); ++j; }
            else { steps.push_back({1, i, 0}); ++i; }
        }
    } else {
        if (n && m && capped) *capped = true;
        for (std::size_t i = 0; i < n; ++i) steps.push_back({1, i, 0});
        for (std::size_t j = 0; j < m; ++j) steps.push_back({2, 0, j});
    }

    std::vector<WordRun> runs;
    RunBuilder rb(runs);
    for (std::size_t k = 0; k < pre; ++k) rb.add_same(ob(tb[k]), ta[k].space_before, tb[k].space_before);
    // Deletions before insertions inside each changed stretch reads best: [-old-]{+new+}.
    std::size_t k = 0;
    while (k < steps.size()) {
        if (steps[k].op == 0) {
            const Token& t = tb[pre + steps[k].j];
            rb.add_same(ob(t), ta[pre + steps[k].i].space_before, t.space_before);
            ++k;
            continue;
        }
        std::size_t e = k;
        while (e < steps.size() && steps[e].op != 0) ++e;
        for (std::size_t s = k; s < e; ++s)
            if (steps[s].op == 1) {
                const Token& t = ta[pre + steps[s].i];
                rb.add(WordRun::Op::Del, oa(t), t.space_before);
            }
        for (std::size_t s = k; s < e; ++s)
            if (steps[s].op == 2) {
                const Token& t = tb[pre + steps[s].j];
                rb.add(WordRun::Op::Ins, ob(t), t.space_before);
            }
        k = e;
    }
    for (std::size_t s = tb.size() - suf; s < tb.size(); ++s)
        rb.add_same(ob(tb[s]), ta[s - tb.size() + ta.size()].space_before, tb[s].space_before);
    return merge_spacing(std::move(runs));
}

namespace {

// ---------------------------------------------------------------------------------------------
// Items: what is aligned (a paragraph, an unclassified block, a footnote), with its side.

struct Item {
    DiffSide side;
    LabelKind kind = LabelKind::None;
    const Para* para = nullptr;  ///< children come from here
    std::vector<std::uint64_t> sig;
};

std::uint32_t end_line_of(const SourceFile& src, Span span, std::uint32_t line) {
    std::uint32_t e = detail::display_end(src, span);
    std::uint32_t b = std::min<std::uint32_t>(span.begin, static_cast<std::uint32_t>(src.text().size()));
    if (e <= b) return line;
    return std::max(line, src.line_of(e - 1));
}

std::uint32_t line_of(const SourceFile& src, Span span, std::uint32_t line) {
    if (line) return line;
    if (span.empty() && span.begin == 0) return 0;
    return src.line_of(span.begin);
}

std::string child_ref(const std::string& parent, const Para& p, std::size_t ordinal) {
    if (p.num.empty()) return parent + " #" + std::to_string(ordinal);
    return parent + "(" + p.num + ")";
}

/// A paragraph is compared with its sub-paragraphs: "5. The Secretary-General is authorized to
/// advance ...: (a) ... (e) ..." is the same paragraph when its chapeau alone was read differently.
/// One level down only, so that each text is read at most twice whatever the nesting.
std::vector<std::uint64_t> para_signature(const Para& p) {
    if (p.children.empty()) return signature(p.text);
    std::string all = p.text;
    for (const Para& c : p.children) {
        all += ' ';
        all += c.text;
    }
    return signature(all);
}

Item para_item(const SourceFile& src, const Para& p, const std::string& part, const std::string& ref, bool with_sig = true) {
    Item it;
    it.side.part = part;
    it.side.ref = ref;
    it.side.label = p.display_label();
    it.side.num = p.num;
    it.side.line = line_of(src, p.span, p.line);
    it.side.end_line = end_line_of(src, p.span, it.side.line);
    it.side.text = p.text;
    it.side.heading = p.heading;
    it.kind = p.kind;
    it.para = &p;
    if (with_sig) it.sig = para_signature(p);
    return it;
}

std::vector<Item> child_items(const SourceFile& src, const Para& p, const DiffSide& parent, bool with_sig = true) {
    std::vector<Item> out;
    for (std::size_t i = 0; i < p.children.size(); ++i)
        out.push_back(para_item(src, p.children[i], parent.part, child_ref(parent.ref, p.children[i], i + 1), with_sig));
    return out;
}

/// The body as one sequence: preamble, operative part, instructions, annexes, unplaced text.
std::vector<Item> body_items(const Document& d, const SourceFile& src) {
    std::vector<Item> out;
    for (std::size_t i = 0; i < d.preamble.size(); ++i)
        out.push_back(para_item(src, d.preamble[i], "preamble", "PP" + std::to_string(i + 1)));
    for (std::size_t i = 0; i < d.operative.size(); ++i) {
        const Para& p = d.operative[i];
        out.push_back(para_item(src, p, "operative", p.num.empty() ? "OP #" + std::to_string(i + 1) : "OP" + p.num));
    }
    for (std::size_t i = 0; i < d.instructions.size(); ++i) {
        const Para& p = d.instructions[i];
        out.push_back(para_item(src, p, "instructions", p.num.empty() ? "instruction " + std::to_string(i + 1) : "instruction " + p.num));
    }
    for (std::size_t a = 0; a < d.annexes.size(); ++a) {
        const Annex& an = d.annexes[a];
        std::string name = an.num.empty() ? std::string("annex") : "annex " + an.num;
        for (std::size_t i = 0; i < an.preamble.size(); ++i)
            out.push_back(para_item(src, an.preamble[i], name + " preamble", name + " PP" + std::to_string(i + 1)));
        for (std::size_t i = 0; i < an.operative.size(); ++i) {
            const Para& p = an.operative[i];
            out.push_back(para_item(src, p, name, p.num.empty() ? name + " #" + std::to_string(i + 1) : name + " " + p.num));
        }
    }
    for (std::size_t i = 0; i < d.unclassified.size(); ++i) {
        const Block& b = d.unclassified[i];
        Item it;
        it.side.part = "unclassified";
        it.side.ref = "unplaced text " + std::to_string(i + 1);
        it.side.line = line_of(src, b.span, b.line);
        it.side.end_line = end_line_of(src, b.span, it.side.line);
        it.side.text = b.text;
        it.sig = signature(b.text);
        out.push_back(std::move(it));
    }
    return out;
}

std::vector<Item> footnote_items(const Document& d, const SourceFile& src) {
    std::vector<Item> out;
    for (const Footnote& f : d.footnotes) {
        Item it;
        it.side.part = "footnote";
        it.side.ref = "footnote " + f.num;
        it.side.label = f.num;
        it.side.num = f.num;
        it.side.line = line_of(src, f.span, f.line);
        it.side.end_line = end_line_of(src, f.span, it.side.line);
        it.side.text = f.text;
        it.kind = LabelKind::Number;
        it.sig = signature(f.text);
        out.push_back(std::move(it));
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// The aligner

constexpr int kNone = -1;
struct Pair { int a = kNone, b = kNone; };

class Differ {
public:
    Differ(const SourceFile& os, const SourceFile& ns, const DiffOptions& o, std::vector<std::string>& notes)
        : osrc_(os), nsrc_(ns), opt_(o), notes_(notes) {}

    /// A monotone alignment of two lists.
    std::vector<Pair> align(const std::vector<Item>& a, const std::vector<Item>& b) {
        std::vector<Pair> out;
        const std::size_t na = a.size(), nb = b.size();
        std::size_t pre = 0;
        while (pre < na && pre < nb && a[pre].side.text == b[pre].side.text) ++pre;
        std::size_t suf = 0;
        while (suf < na - pre && suf < nb - pre && a[na - 1 - suf].side.text == b[nb - 1 - suf].side.text) ++suf;
        for (std::size_t k = 0; k < pre; ++k) out.push_back({static_cast<int>(k), static_cast<int>(k)});
        const std::size_t n = na - pre - suf, m = nb - pre - suf;
        if (n && m) {
            std::size_t words = 0;
            for (std::size_t i = 0; i < n; ++i) words += a[pre + i].sig.size();
            for (std::size_t j = 0; j < nb - pre - suf; ++j) words += b[pre + j].sig.size();
            // Each cell's similarity costs about (|A| + |B|); the average over the grid:
            double cost = static_cast<double>(words) / static_cast<double>(n + m) * 2.0 * static_cast<double>(n) * static_cast<double>(m);
            if (n <= opt_.max_cells / m && cost + static_cast<double>(work_) <= static_cast<double>(opt_.max_work)) {
                work_ += static_cast<std::size_t>(cost);
                similarity_alignment(a, b, pre, n, m, out);
            } else {
                exact_alignment(a, b, pre, n, m, out);
                note("the paragraph alignment of " + std::to_string(n) + " x " + std::to_string(m) +
                     " paragraphs is past the bound; only identical paragraphs were matched there");
            }
        } else {
            for (std::size_t i = 0; i < n; ++i) out.push_back({static_cast<int>(pre + i), kNone});
            for (std::size_t j = 0; j < m; ++j) out.push_back({kNone, static_cast<int>(pre + j)});
        }
        for (std::size_t k = 0; k < suf; ++k)
            out.push_back({static_cast<int>(na - suf + k), static_cast<int>(nb - suf + k)});
        return out;
    }

    std::vector<DiffEntry> entries(const std::vector<Item>& a, const std::vector<Item>& b, bool footnotes = false) {
        std::vector<DiffEntry> out;
        for (const Pair& p : align(a, b)) {
            if (p.a != kNone && p.b != kNone) out.push_back(matched(a[p.a], b[p.b], footnotes));
            else if (p.a != kNone) out.push_back(one_sided(a[p.a], true));
            else out.push_back(one_sided(b[p.b], false));
        }
        return out;
    }

    DiffEntry matched(const Item& a, const Item& b, bool footnote, bool moved = false) {
        DiffEntry e;
        e.old_side = a.side;
        e.new_side = b.side;
        e.similarity = dice(a.sig, b.sig);
        if (a.side.part != b.side.part && !footnote) {
            if (a.side.part == "preamble" && b.side.part == "operative") e.changes.push_back(Change::ToOperative);
            else if (a.side.part == "operative" && b.side.part == "preamble") e.changes.push_back(Change::ToPreambular);
            else e.changes.push_back(Change::PartChanged);
        }
        if (moved && !footnote) e.changes.push_back(Change::Moved);
        if (!same_tokens(a.side.text, b.side.text)) {
            e.changes.push_back(Change::Reworded);
            e.words = diff_words(a.side.text, b.side.text, opt_.max_word_cells, &e.words_capped);
            if (e.words_capped) note(b.side.ref + ": the word comparison is past the bound; the changed middle is shown whole");
        }
        // A label is compared where both sides are in the same kind of list (a preambular paragraph
        // that became operative gains a number: that is the part change, not a renumbering).
        bool same_part_kind = (a.side.part == "preamble") == (b.side.part == "preamble");
        if (same_part_kind && (a.side.num != b.side.num || a.kind != b.kind)) {
            bool numbers = b.kind == LabelKind::Number || a.kind == LabelKind::Number ||
                           (b.kind == LabelKind::None && a.kind == LabelKind::None);
            e.changes.push_back(numbers ? Change::Renumbered : Change::Relettered);
        }
        if (!same_tokens(a.side.heading, b.side.heading)) e.changes.push_back(Change::Heading);
        if (a.para && b.para)
            e.children = entries(child_items(osrc_, *a.para, a.side), child_items(nsrc_, *b.para, b.side));
        else if (a.para || b.para)
            e.children = one_sided_children(a.para ? a : b, a.para != nullptr);
        return e;
    }

    DiffEntry one_sided(const Item& it, bool old) {
        DiffEntry e;
        (old ? e.old_side : e.new_side) = it.side;
        e.changes.push_back(old ? Change::Deleted : Change::Inserted);
        e.similarity = 0;
        e.children = one_sided_children(it, old);
        return e;
    }

    std::vector<DiffEntry> one_sided_children(const Item& it, bool old) {
        std::vector<DiffEntry> out;
        if (!it.para) return out;
        for (const Item& c : child_items(old ? osrc_ : nsrc_, *it.para, it.side)) out.push_back(one_sided(c, old));
        return out;
    }

    /// Pairs what is inserted with what is deleted (anywhere in `list`) into moves; for footnotes,
    /// into renumbered notes.  Replaces each pair by one entry at the new place.
    void find_moves(std::vector<DiffEntry>& list, bool footnotes) {
        // The one-sided entries at every depth (not inside another one-sided entry), matched on
        // their text with their sub-paragraphs.
        std::vector<DiffEntry*> dels, ins;
        std::vector<std::size_t> ddepth, idepth;
        collect(list, 0, dels, ddepth, ins, idepth);
        if (dels.empty() || ins.empty()) return;
        if (dels.size() > opt_.max_cells / ins.size()) {
            note("too many inserted and deleted paragraphs (" + std::to_string(ins.size()) + " x " +
                 std::to_string(dels.size()) + ") to look for moves");
            return;
        }
        std::vector<std::vector<std::uint64_t>> dsig, isig;
        std::size_t words = 0;
        auto sig_of = [&](const DiffSide& side, const IndexedPara& idx) {
            const Para* p = footnotes ? nullptr : find_para(idx, side);
            return p ? para_signature(*p) : signature(side.text);
        };
        for (DiffEntry* d : dels) { dsig.push_back(sig_of(*d->old_side, old_paras_)); words += dsig.back().size(); }
        for (DiffEntry* d : ins) { isig.push_back(sig_of(*d->new_side, new_paras_)); words += isig.back().size(); }
        double cost = static_cast<double>(words) / static_cast<double>(dels.size() + ins.size()) * 2.0 *
                      static_cast<double>(dels.size()) * static_cast<double>(ins.size());
        if (cost + static_cast<double>(work_) > static_cast<double>(opt_.max_work)) {
            note("the search for moved paragraphs is past the bound; none reported");
            return;
        }
        work_ += static_cast<std::size_t>(cost);
        struct Cand { double sim; std::size_t d, i; };
        std::vector<Cand> cands;
        for (std::size_t d = 0; d < dels.size(); ++d)
            for (std::size_t i = 0; i < ins.size(); ++i) {
                // Footnotes: any pair; paragraphs: a sub-paragraph moves among sub-paragraphs, a
                // paragraph among paragraphs.
                if (!footnotes && ddepth[d] != idepth[i]) continue;
                double s = dice(dsig[d], isig[i]);
                if (s >= opt_.move_threshold && !(dsig[d].empty() && isig[i].empty())) cands.push_back({s, d, i});
            }
        std::stable_sort(cands.begin(), cands.end(), [](const Cand& x, const Cand& y) { return x.sim > y.sim; });
        std::vector<char> dused(dels.size(), 0), iused(ins.size(), 0);
        std::set<const DiffEntry*> gone;
        for (const Cand& c : cands) {
            if (dused[c.d] || iused[c.i]) continue;
            dused[c.d] = iused[c.i] = 1;
            // The Para behind each side (through its ref and line), for its kind and children.
            Item oa{*dels[c.d]->old_side, LabelKind::Number, nullptr, dsig[c.d]};
            Item na{*ins[c.i]->new_side, LabelKind::Number, nullptr, isig[c.i]};
            if (!footnotes) {
                oa.para = find_para(old_paras_, oa.side);
                na.para = find_para(new_paras_, na.side);
                oa.kind = oa.para ? oa.para->kind : LabelKind::None;
                na.kind = na.para ? na.para->kind : LabelKind::None;
            }
            DiffEntry m = matched(oa, na, footnotes, true);
            *ins[c.i] = std::move(m);
            gone.insert(dels[c.d]);
        }
        if (!gone.empty()) erase(list, gone);
    }

    /// Every Para of a document with the side it would get, for find_moves below the top level.
    void index_paras(const std::vector<Item>& items, bool old) {
        auto& idx = old ? old_paras_ : new_paras_;
        for (const Item& it : items) index_para(idx, it, old);
    }

    void note(const std::string& s) {
        if (std::find(notes_.begin(), notes_.end(), s) == notes_.end()) notes_.push_back(s);
    }

private:
    /// Every paragraph by its ref and line.
    using IndexedPara = std::unordered_map<std::string, const Para*>;
    static std::string para_key(const DiffSide& s) { return s.ref + '\n' + std::to_string(s.line); }

    void index_para(IndexedPara& idx, const Item& it, bool old) {
        if (!it.para) return;
        idx.emplace(para_key(it.side), it.para);
        for (const Item& c : child_items(old ? osrc_ : nsrc_, *it.para, it.side, false)) index_para(idx, c, old);
    }

    static const Para* find_para(const IndexedPara& idx, const DiffSide& s) {
        auto it = idx.find(para_key(s));
        return it == idx.end() ? nullptr : it->second;
    }

    static void collect(std::vector<DiffEntry>& list, std::size_t depth, std::vector<DiffEntry*>& dels,
                        std::vector<std::size_t>& ddepth, std::vector<DiffEntry*>& ins, std::vector<std::size_t>& idepth) {
        for (DiffEntry& e : list) {
            if (e.has(Change::Deleted)) { dels.push_back(&e); ddepth.push_back(depth); }
            else if (e.has(Change::Inserted)) { ins.push_back(&e); idepth.push_back(depth); }
            else collect(e.children, depth + 1, dels, ddepth, ins, idepth);
        }
    }

    static void erase(std::vector<DiffEntry>& list, const std::set<const DiffEntry*>& gone) {
        for (DiffEntry& e : list) erase(e.children, gone);
        list.erase(std::remove_if(list.begin(), list.end(), [&](const DiffEntry& e) { return gone.count(&e) > 0; }),
                   list.end());
    }

    void similarity_alignment(const std::vector<Item>& a, const std::vector<Item>& b, std::size_t pre,
                              std::size_t n, std::size_t m, std::vector<Pair>& out) {
        // D[i][j]: best summed similarity aligning a[..i) with b[..j); two rows kept, the choices in `dir`.
        std::vector<double> prev(m + 1, 0.0), cur(m + 1, 0.0);
        std::vector<std::uint8_t> dir(n * m, 0);  // 0 up (skip a), 1 left (skip b), 2 match
        for (std::size_t i = 1; i <= n; ++i) {
            cur[0] = 0.0;
            const Item& x = a[pre + i - 1];
            for (std::size_t j = 1; j <= m; ++j) {
                const Item& y = b[pre + j - 1];
                double best = prev[j];
                std::uint8_t d = 0;
                if (cur[j - 1] > best) { best = cur[j - 1]; d = 1; }
                double s = x.side.text == y.side.text ? 1.0 : dice(x.sig, y.sig);
                if (s >= opt_.match_threshold && !(x.sig.empty() != y.sig.empty())) {
                    // A tie between equally similar candidates goes to the one with the same label.
                    double v = prev[j - 1] + s + (x.side.num == y.side.num ? 1e-6 : 0.0);
                    if (v >= best) { best = v; d = 2; }
                }
                cur[j] = best;
                dir[(i - 1) * m + (j - 1)] = d;
            }
            std::swap(prev, cur);
        }
        std::vector<Pair> rev;
        std::size_t i = n, j = m;
        while (i > 0 || j > 0) {
            if (i == 0) { rev.push_back({kNone, static_cast<int>(pre + --j)}); continue; }
            if (j == 0) { rev.push_back({static_cast<int>(pre + --i), kNone}); continue; }
            std::uint8_t d = dir[(i - 1) * m + (j - 1)];
            if (d == 2) { --i; --j; rev.push_back({static_cast<int>(pre + i), static_cast<int>(pre + j)}); }
            else if (d == 0) rev.push_back({static_cast<int>(pre + --i), kNone});
            else rev.push_back({kNone, static_cast<int>(pre + --j)});
        }
        // Deletions before insertions where they are next to each other.
        std::reverse(rev.begin(), rev.end());
        order_gaps(rev);
        out.insert(out.end(), rev.begin(), rev.end());
    }

    /// Within each stretch between matches, the old paragraphs first.
    static void order_gaps(std::vector<Pair>& v) {
        std::size_t k = 0;
        while (k < v.size()) {
            if (v[k].a != kNone && v[k].b != kNone) { ++k; continue; }
            std::size_t e = k;
            while (e < v.size() && !(v[e].a != kNone && v[e].b != kNone)) ++e;
            std::stable_partition(v.begin() + static_cast<std::ptrdiff_t>(k), v.begin() + static_cast<std::ptrdiff_t>(e),
                                  [](const Pair& p) { return p.a != kNone; });
            k = e;
        }
    }

    /// Linear fallback: in order, each new paragraph is matched with the next identical old one.
    void exact_alignment(const std::vector<Item>& a, const std::vector<Item>& b, std::size_t pre, std::size_t n,
                         std::size_t m, std::vector<Pair>& out) {
        std::unordered_map<std::string_view, std::vector<std::size_t>> where;
        for (std::size_t i = 0; i < n; ++i) where[a[pre + i].side.text].push_back(i);
        std::unordered_map<std::string_view, std::size_t> cursor;
        std::vector<Pair> v;
        std::size_t i = 0;
        for (std::size_t j = 0; j < m; ++j) {
            auto it = where.find(b[pre + j].side.text);
            std::size_t hit = n;
            if (it != where.end()) {
                std::size_t& c = cursor[it->first];
                while (c < it->second.size() && it->second[c] < i) ++c;
                if (c < it->second.size()) hit = it->second[c++];
            }
            if (hit == n) { v.push_back({kNone, static_cast<int>(pre + j)}); continue; }
            for (; i < hit; ++i) v.push_back({static_cast<int>(pre + i), kNone});
            v.push_back({static_cast<int>(pre + hit), static_cast<int>(pre + j)});
            i = hit + 1;
        }
        for (; i < n; ++i) v.push_back({static_cast<int>(pre + i), kNone});
        order_gaps(v);
        out.insert(out.end(), v.begin(), v.end());
    }

    const SourceFile& osrc_;
    const SourceFile& nsrc_;
    const DiffOptions& opt_;
    std::vector<std::string>& notes_;
    std::size_t work_ = 0;
    IndexedPara old_paras_, new_paras_;
};

// ---------------------------------------------------------------------------------------------
// Header

std::string norm_space(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (space_byte(static_cast<unsigned char>(c))) { space = !out.empty(); continue; }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::uint32_t field_line(const SourceFile& src, const Field& f) {
    if (!f.present() || (f.span.empty() && f.span.begin == 0)) return 0;
    return src.line_of(f.span.begin);
}

/// The document type as printed: an adopted resolution's heading says who adopted it.
std::string document_type(const Document& d) {
    std::string t = d.meta.document_type.value;
    if (d.kind == DocKind::Resolution && lower_ascii(t) == "resolution" && d.meta.body.present() &&
        (d.meta.adoption_date.present() || d.meta.number.present()))
        return t + " adopted by the " + d.meta.body.value;
    return t;
}

void compare_value(std::vector<FieldChange>& out, const std::string& field, const std::string& a, std::uint32_t al,
                   const std::string& b, std::uint32_t bl) {
    std::string na = norm_space(a), nb = norm_space(b);
    if (na == nb) return;
    FieldChange c;
    c.field = field;
    c.old_value = na;
    c.new_value = nb;
    c.old_line = na.empty() ? 0 : al;
    c.new_line = nb.empty() ? 0 : bl;
    c.kind = na.empty() ? FieldChange::Kind::Added : nb.empty() ? FieldChange::Kind::Removed : FieldChange::Kind::Changed;
    out.push_back(std::move(c));
}

void compare_field(std::vector<FieldChange>& out, const std::string& name, const Field& a, const SourceFile& as,
                   const Field& b, const SourceFile& bs) {
    compare_value(out, name, a.value, field_line(as, a), b.value, field_line(bs, b));
}

std::string joined(const std::vector<Field>& fs, std::string_view sep) {
    std::string s;
    for (const Field& f : fs) {
        if (!s.empty()) s += sep;
        s += f.value;
    }
    return s;
}

/// A sponsor's name for comparison: spacing and case aside, "the" aside.
std::string sponsor_key(const std::string& s) {
    std::string k = lower_ascii(norm_space(s));
    if (k.rfind("the ", 0) == 0) k.erase(0, 4);
    return k;
}

std::vector<FieldChange> compare_header(const Document& a, const SourceFile& as, const Document& b, const SourceFile& bs) {
    std::vector<FieldChange> out;
    const Metadata &x = a.meta, &y = b.meta;
    compare_field(out, "symbol", x.symbol, as, y.symbol, bs);
    compare_value(out, "document_type", document_type(a), field_line(as, x.document_type), document_type(b),
                  field_line(bs, y.document_type));
    compare_field(out, "body", x.body, as, y.body, bs);
    compare_field(out, "distribution", x.distribution, as, y.distribution, bs);
    compare_field(out, "date", x.date, as, y.date, bs);
    compare_field(out, "original_language", x.original_language, as, y.original_language, bs);
    compare_field(out, "session", x.session, as, y.session, bs);
    compare_field(out, "committee", x.committee, as, y.committee, bs);
    compare_value(out, "agenda_items", joined(x.agenda_items, ", "),
                  x.agenda_items.empty() ? 0 : field_line(as, x.agenda_items.front()), joined(y.agenda_items, ", "),
                  y.agenda_items.empty() ? 0 : field_line(bs, y.agenda_items.front()));
    compare_field(out, "agenda_title", x.agenda_title, as, y.agenda_title, bs);

    // Sponsors: one by one when both versions list them; an adopted resolution lists none, which
    // is not a withdrawal of every sponsor: the list is then reported as absent.
    if (!x.sponsors.empty() && !y.sponsors.empty()) {
        std::map<std::string, const Field*> old_names, new_names;
        for (const Field& f : x.sponsors) old_names.emplace(sponsor_key(f.value), &f);
        for (const Field& f : y.sponsors) new_names.emplace(sponsor_key(f.value), &f);
        for (const Field& f : x.sponsors)
            if (!new_names.count(sponsor_key(f.value)))
                out.push_back({FieldChange::Kind::SponsorWithdrawn, "sponsor", norm_space(f.value), "", field_line(as, f), 0});
        for (const Field& f : y.sponsors)
            if (!old_names.count(sponsor_key(f.value)))
                out.push_back({FieldChange::Kind::SponsorAdded, "sponsor", "", norm_space(f.value), 0, field_line(bs, f)});
    } else if (!x.sponsors.empty() || !y.sponsors.empty()) {
        compare_value(out, "sponsors", joined(x.sponsors, ", "), x.sponsors.empty() ? 0 : field_line(as, x.sponsors.front()),
                      joined(y.sponsors, ", "), y.sponsors.empty() ? 0 : field_line(bs, y.sponsors.front()));
    } else {
        compare_field(out, "sponsor_text", x.sponsor_text, as, y.sponsor_text, bs);
    }
    compare_field(out, "title", x.title, as, y.title, bs);
    compare_field(out, "number", x.number, as, y.number, bs);
    compare_field(out, "origin", x.origin, as, y.origin, bs);
    compare_field(out, "adoption_date", x.adoption_date, as, y.adoption_date, bs);
    compare_field(out, "authority", a.authority, as, b.authority, bs);

    // Sections, by their number (or place when unnumbered).
    {
        std::map<std::string, const Section*> os, ns;
        auto key = [](const Section& s, std::size_t i) { return s.num.empty() ? "#" + std::to_string(i + 1) : s.num; };
        for (std::size_t i = 0; i < a.sections.size(); ++i) os.emplace(key(a.sections[i], i), &a.sections[i]);
        for (std::size_t i = 0; i < b.sections.size(); ++i) ns.emplace(key(b.sections[i], i), &b.sections[i]);
        for (std::size_t i = 0; i < a.sections.size(); ++i) {
            const Section& s = a.sections[i];
            auto it = ns.find(key(s, i));
            std::string nv = it == ns.end() ? "" : it->second->heading;
            std::string ov = s.heading.empty() ? "(no heading)" : s.heading;
            if (it != ns.end() && nv.empty()) nv = "(no heading)";
            compare_value(out, "section " + key(s, i), ov, s.line, nv, it == ns.end() ? 0 : it->second->line);
        }
        for (std::size_t i = 0; i < b.sections.size(); ++i) {
            const Section& s = b.sections[i];
            if (os.count(key(s, i))) continue;
            compare_value(out, "section " + key(s, i), "", 0, s.heading.empty() ? "(no heading)" : s.heading, s.line);
        }
    }
    // Annexes, by place.
    for (std::size_t i = 0; i < std::max(a.annexes.size(), b.annexes.size()); ++i) {
        auto label = [](const Annex& an) { return an.num.empty() ? std::string("annex") : "annex " + an.num; };
        auto shown = [&](const Annex& an) { return label(an) + (an.title.empty() ? "" : ": " + an.title); };
        std::string field = "annex " + std::to_string(i + 1);
        if (i < a.annexes.size() && i < b.annexes.size())
            compare_value(out, field, shown(a.annexes[i]), a.annexes[i].line, shown(b.annexes[i]), b.annexes[i].line);
        else if (i < a.annexes.size())
            compare_value(out, field, shown(a.annexes[i]), a.annexes[i].line, "", 0);
        else
            compare_value(out, field, "", 0, shown(b.annexes[i]), b.annexes[i].line);
    }
    auto closing = [](const Closing& c) { return c.meeting + (c.date.empty() ? "" : (c.meeting.empty() ? "" : ", ") + c.date); };
    compare_value(out, "closing", closing(a.closing), a.closing.line, closing(b.closing), b.closing.line);
    return out;
}

}  // namespace

DocDiff diff(const Document& old_doc, const SourceFile& old_src, const Document& new_doc, const SourceFile& new_src,
             const DiffOptions& opts) {
    DocDiff d;
    d.old_path = old_src.path();
    d.new_path = new_src.path();
    d.header = compare_header(old_doc, old_src, new_doc, new_src);
    Differ differ(old_src, new_src, opts, d.notes);
    std::vector<Item> ob = body_items(old_doc, old_src), nb = body_items(new_doc, new_src);
    differ.index_paras(ob, true);
    differ.index_paras(nb, false);
    d.body = differ.entries(ob, nb);
    differ.find_moves(d.body, false);
    std::vector<Item> of = footnote_items(old_doc, old_src), nf = footnote_items(new_doc, new_src);
    d.footnotes = differ.entries(of, nf, true);
    differ.find_moves(d.footnotes, true);
    return d;
}

}  // namespace unres
