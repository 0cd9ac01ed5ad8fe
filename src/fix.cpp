// The safe fixes of `unres fix` (see unres/fix.hpp for what they do).
//
// Everything here reads the Document and produces Edits that replace the digits or
// letters of a label, a mark or a reference.  Each edit is checked against the source
// bytes it replaces, so a tree that does not match the file never produces a wrong edit.
#include "unres/fix.hpp"
#include "unres/label.hpp"

#include <algorithm>
#include <cstring>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>

namespace unres {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return is_lower(c) || is_upper(c); }

bool all_digits(std::string_view s) {
    return !s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), is_digit);
}

long to_long(std::string_view s) {
    long v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (is_lower(c)) c = static_cast<char>(c - 'a' + 'A');
    return out;
}

/// The first run of digits (or of ASCII letters) inside `span` of `text`.
std::optional<Span> run_in(const std::string& text, Span span, bool digits) {
    std::uint32_t end = std::min<std::uint32_t>(span.end, static_cast<std::uint32_t>(text.size()));
    auto want = [&](char c) { return digits ? is_digit(c) : is_alpha(c); };
    std::uint32_t i = span.begin;
    while (i < end && !want(text[i])) ++i;
    if (i >= end) return std::nullopt;
    std::uint32_t j = i;
    while (j < end && want(text[j])) ++j;
    return Span{i, j};
}

/// 0 → "a", 25 → "z", 26 → "aa", 51 → "zz", 52 → "aaa" (the UN's doubled letters).
std::string letters_for(std::size_t index) { return label::letter_label(static_cast<long>(index) + 1); }

class EditList {
public:
    explicit EditList(const std::string& text) : text_(text) {}
    /// Replaces `span` by `rep` when that changes something.
    void replace(Span span, const std::string& rep) {
        if (span.end > text_.size() || span.begin > span.end) return;
        if (text_.compare(span.begin, span.end - span.begin, rep) == 0) return;
        edits_.push_back({span, rep});
    }
    std::size_t size() const { return edits_.size(); }
    std::vector<Edit> take() {
        std::stable_sort(edits_.begin(), edits_.end(),
                         [](const Edit& a, const Edit& b) { return a.span.begin < b.span.begin; });
        std::vector<Edit> out;
        for (Edit& e : edits_) {
            if (!out.empty() && e.span.begin < out.back().span.end) continue;  // never overlap
            out.push_back(std::move(e));
        }
        return out;
    }

private:
    const std::string& text_;
    std::vector<Edit> edits_;
};

// ---------------------------------------------------------------------------------
// Numbering and lettering

/// An operative paragraph in its numbering scope, with old and new labels.
struct Item {
    const Para* para = nullptr;
    std::string old_num;
    std::string new_num;
    std::string group;  ///< section label; matters when numbering restarts per section
    /// Children: old bare label (lower case) → new bare label, in order.
    std::vector<std::pair<std::string, std::string>> letters;
};

/// One numbering sequence: the resolution's operative part, or one annex.
struct Scope {
    std::vector<Item> items;
    bool restart = false;
    bool renumbered = false;  ///< some paragraph of the scope gets a new number
};

/// New bare labels for a list of sub-paragraphs ("" = leave that child alone).
std::vector<std::string> relabel_children(const std::vector<Para>& kids) {
    std::vector<std::string> out(kids.size());
    LabelKind style = LabelKind::None;
    for (const Para& k : kids)
        if (k.kind != LabelKind::None && k.kind != LabelKind::Number) {
            style = k.kind;
            break;
        }
    if (style == LabelKind::None) return out;
    bool lettered = style == LabelKind::Letter || style == LabelKind::LetterDot;
    bool paren = style == LabelKind::Letter || style == LabelKind::Roman;
    std::size_t index = 0;
    for (std::size_t i = 0; i < kids.size(); ++i) {
        const Para& k = kids[i];
        if (k.num.empty() || !std::all_of(k.num.begin(), k.num.end(), is_alpha)) continue;
        bool k_paren = k.kind == LabelKind::Letter || k.kind == LabelKind::Roman;
        bool k_dot = k.kind == LabelKind::LetterDot || k.kind == LabelKind::RomanDot;
        if (!(paren ? k_paren : k_dot)) continue;
        bool same = k.kind == style;
        // "(i)", "(v)", "(x)" are letters and numerals: an ambiguous label counts with the list.
        std::string low = k.num;
        for (char& c : low) c = static_cast<char>(c | 0x20);
        bool ambiguous = lettered ? label::is_ambiguous(low) && low.size() == 1 : label::is_roman(low);
        if (!same && !ambiguous) continue;
        const long v = static_cast<long>(index) + 1;
        std::string lab = lettered ? letters_for(index) : v <= label::kMaxRoman ? label::roman_label(v) : std::string();
        if (lab.empty()) return std::vector<std::string>(kids.size());  // past the last label: the list is left alone
        bool up = std::any_of(k.num.begin(), k.num.end(), is_upper);
        out[i] = up ? upper(lab) : lab;
        ++index;
    }
    return out;
}

class Fixer {
public:
    Fixer(const Document& doc, const SourceFile& src, const FixOptions& opt)
        : doc_(doc), text_(src.text()), opt_(opt), edits_(text_) {}

    FixPlan run() {
        number_scope(doc_.operative, doc_.sections, resolution_);
        for (const Para& p : doc_.preamble) relabel_tree(p);
        for (const Para& p : doc_.instructions) relabel_tree(p);
        annexes_.resize(doc_.annexes.size());
        for (std::size_t a = 0; a < doc_.annexes.size(); ++a) {
            number_scope(doc_.annexes[a].operative, doc_.annexes[a].sections, annexes_[a]);
            for (const Para& p : doc_.annexes[a].preamble) relabel_tree(p);
        }
        if (opt_.footnotes) footnotes();
        if (opt_.references) {
            for (const Para& p : doc_.preamble) references_in(p, resolution_, -1, "", true);
            for (std::size_t i = 0; i < doc_.operative.size(); ++i)
                references_in(doc_.operative[i], resolution_, static_cast<long>(i), doc_.operative[i].section, false);
            for (std::size_t a = 0; a < doc_.annexes.size(); ++a) {
                const Annex& an = doc_.annexes[a];
                for (const Para& p : an.preamble) references_in(p, annexes_[a], -1, "", true);
                for (std::size_t i = 0; i < an.operative.size(); ++i)
                    references_in(an.operative[i], annexes_[a], static_cast<long>(i), an.operative[i].section, false);
            }
        }
        FixPlan plan;
        plan.edits = edits_.take();
        plan.notes = std::move(notes_);
        return plan;
    }

private:
    void note(Span span, std::string message, Severity sev = Severity::Note) {
        Diagnostic d;
        d.rule = "fix";
        d.severity = sev;
        d.span = span;
        d.message = std::move(message);
        notes_.push_back(std::move(d));
    }

    static Span at(std::uint32_t offset) { return Span{offset, offset}; }

    static std::string number_phrase(const Para& p) { return p.num.empty() ? "an unnumbered paragraph" : "paragraph " + p.num; }

    /// Where the number `k` stands glued inside `p`'s text (or its sub-paragraphs'): the digits,
    /// as a word of their own, followed by an optional full stop, a space and a capital letter
    /// ("...; 6 Also reaffirms"), as a paragraph whose number lost its full stop is read.
    struct Glued {
        const Para* para = nullptr;
        std::size_t pos = 0;    ///< in para->text
        std::uint32_t src = 0;  ///< in the source
        bool mark = false;      ///< read as a footnote mark (not in para->text)
    };
    static std::optional<std::size_t> glued_in(const std::string& t, const std::string& n) {
        static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};
        for (std::size_t i = t.find(n); i != std::string::npos; i = t.find(n, i + 1)) {
            if (i > 0 && t[i - 1] != ' ') continue;
            std::size_t j = i + n.size();
            if (j < t.size() && t[j] == '.') ++j;
            if (j + 1 >= t.size() || t[j] != ' ' || !is_upper(t[j + 1])) continue;
            // "of 6 December 2023" is a date, not a paragraph number.
            bool month = std::any_of(std::begin(kMonths), std::end(kMonths),
                                     [&](const char* m) { return t.compare(j + 1, std::strlen(m), m) == 0; });
            if (month) continue;
            return i;
        }
        return std::nullopt;
    }

    std::optional<Glued> glued_number(const Para& p, long k) const {
        const std::string n = std::to_string(k);
        const std::string& t = p.text;
        if (auto i = glued_in(t, n)) return Glued{&p, *i, p.source_offset(*i), false};
        // Or the reader took it for a footnote mark (a bare digit) before a new sentence.
        for (const Mark& m : p.marks) {
            if (!m.inferred || m.num != n) continue;
            std::size_t j = m.pos;
            while (j < t.size() && t[j] == ' ') ++j;
            if (j < t.size() && is_upper(t[j])) return Glued{&p, m.pos, m.span.begin, true};
        }
        for (const Para& c : p.children)
            if (auto g = glued_number(c, k)) return g;
        return std::nullopt;
    }

    /// Why renumbering this scope would rest on a guess (a note at the place), or nullopt.
    std::optional<std::pair<Span, std::string>> scope_uncertain(const std::vector<Para>& paras,
                                                                const std::vector<Section>& sections) const {
        for (const Para& p : paras) {
            if (p.num_inferred)
                return std::make_pair(at(p.span.begin), "the number of paragraph " + p.num +
                                                            " is not in the text (recovered from its neighbours)");
            if (p.boundary_guessed)
                return std::make_pair(at(p.span.begin), "where " + number_phrase(p) + " starts was guessed by the reader");
            if (p.label_malformed)
                return std::make_pair(p.label_span, "the label \"" + p.label + "\" of " + number_phrase(p) + " is malformed");
        }
        // A gap whose missing number stands inside the text before it, or whose paragraphs are
        // there without a number (lost by the converter); a numbering that restarts at 1 after a
        // sub-heading (fix would number on across it).
        long prev = -1;
        std::size_t prev_at = 0;
        bool unnumbered_before = false;
        for (std::size_t i = 0; i < paras.size(); ++i) {
            const Para& p = paras[i];
            if (p.kind != LabelKind::Number || !all_digits(p.num)) {
                unnumbered_before = unnumbered_before || p.kind == LabelKind::None;
                continue;
            }
            long v = to_long(p.num);
            if (unnumbered_before && v > prev + 1 && prev >= 0)
                return std::make_pair(at(p.span.begin), "paragraphs without a number stand before paragraph " + p.num +
                                                            ", in the gap after " + std::to_string(prev) +
                                                            ": their numbers may have been lost");
            if (unnumbered_before && prev < 0 && v > 1)
                return std::make_pair(at(p.span.begin), "paragraphs without a number stand before paragraph " + p.num +
                                                            ": their numbers may have been lost");
            if (prev >= 0 && v == 1 && !p.heading.empty())
                return std::make_pair(at(p.span.begin), "the numbering restarts at 1 after the heading \"" + p.heading + "\"");
            unnumbered_before = false;
            if (prev >= 0 && v > prev + 1)
                for (long k = prev + 1; k < v && k <= prev + 5; ++k) {
                    // In a sub-heading or a section heading printed before this paragraph.
                    for (std::size_t q = prev_at + 1; q <= i; ++q) {
                        const Para& h = paras[q];
                        if (!h.heading.empty() && glued_in(h.heading, std::to_string(k)))
                            return std::make_pair(at(h.span.begin), "paragraph " + std::to_string(k) +
                                                                        " may be inside the heading \"" + h.heading.substr(0, 60) +
                                                                        "\": the reader may have missed its number");
                        if (h.section != paras[q - 1].section)
                            for (const Section& sec : sections)
                                if (sec.num == h.section && glued_in(sec.heading, std::to_string(k)))
                                    return std::make_pair(at(sec.span.begin),
                                                          "paragraph " + std::to_string(k) + " may be inside the heading of section " +
                                                              sec.num + " (\"" + sec.heading.substr(0, 60) +
                                                              "...\"): the reader may have missed its number");
                    }
                    for (std::size_t q = prev_at; q < i; ++q)
                        if (auto g = glued_number(paras[q], k)) {
                            std::string shown = g->para->text;
                            std::size_t pos = std::min(g->pos, shown.size());
                            if (g->mark) shown.insert(pos, pos < shown.size() && shown[pos] == ' ' ? " " + std::to_string(k) : std::to_string(k) + " ");
                            std::size_t from = pos > 30 ? pos - 30 : 0;
                            // Whole UTF-8 characters only.
                            while (from > 0 && (static_cast<unsigned char>(shown[from]) & 0xC0) == 0x80) --from;
                            std::size_t len = std::min<std::size_t>(60, shown.size() - from);
                            while (from + len < shown.size() && (static_cast<unsigned char>(shown[from + len]) & 0xC0) == 0x80) ++len;
                            std::string excerpt = shown.substr(from, len);
                            return std::make_pair(at(g->src),
                                                  "paragraph " + std::to_string(k) + " may be inside the text before it (\"" +
                                                      (from > 0 ? "..." : "") + excerpt +
                                                      "...\"): the reader may have missed its number");
                        }
                }
            prev = v;
            prev_at = i;
        }
        return std::nullopt;
    }

    /// Numbers one list of operative paragraphs and re-letters their sub-paragraphs.
    void number_scope(const std::vector<Para>& paras, const std::vector<Section>& sections, Scope& scope) {
        // Groups of consecutive paragraphs in the same section.
        std::vector<std::vector<std::size_t>> groups;
        for (std::size_t i = 0; i < paras.size(); ++i) {
            if (groups.empty() || paras[i].section != paras[groups.back().front()].section) groups.emplace_back();
            groups.back().push_back(i);
        }
        auto numbered = [&](std::size_t i) { return paras[i].kind == LabelKind::Number && all_digits(paras[i].num); };
        // Restart or continue: each later section votes with its first number.
        int restart_votes = 0, continue_votes = 0;
        long prev_last = -1;
        for (const auto& g : groups) {
            long first = -1, last = -1;
            for (std::size_t i : g)
                if (numbered(i)) {
                    if (first < 0) first = to_long(paras[i].num);
                    last = to_long(paras[i].num);
                }
            if (first < 0) continue;
            if (prev_last >= 0) {
                long d_restart = std::labs(first - 1), d_continue = std::labs(first - (prev_last + 1));
                if (d_restart < d_continue) ++restart_votes;
                else if (d_continue < d_restart) ++continue_votes;
            }
            prev_last = last;
        }
        scope.restart = restart_votes > continue_votes;

        long counter = 0;
        std::string current_group;
        bool first_item = true;
        std::vector<std::pair<Span, std::string>> planned;
        bool changes = false;
        for (std::size_t i = 0; i < paras.size(); ++i) {
            const Para& p = paras[i];
            if (scope.restart && (first_item || p.section != current_group)) counter = 0;
            first_item = false;
            current_group = p.section;
            Item item;
            item.para = &p;
            item.group = p.section;
            item.old_num = p.num;
            item.new_num = p.num;
            if (numbered(i)) {
                ++counter;
                if (opt_.numbering) {
                    item.new_num = std::to_string(counter);
                    changes = changes || item.new_num != item.old_num;
                    if (auto r = run_in(text_, p.label_span, true)) planned.emplace_back(*r, item.new_num);
                }
            }
            item.letters = relabel_tree(p);
            scope.items.push_back(std::move(item));
        }
        if (changes) {
            if (auto why = scope_uncertain(paras, sections)) {
                note(why->first, "not renumbered: " + why->second);
                for (Item& it : scope.items) it.new_num = it.old_num;
                return;
            }
        }
        scope.renumbered = changes;
        for (const auto& [span, now] : planned) edits_.replace(span, now);
    }

    /// Re-letters the sub-paragraphs under `p` (every depth); returns the mapping of
    /// p's own children (old lower-case label → new one).
    /// A label of a list ("(c)", "(iv)") written inside running text: "(x)" after a space,
    /// colon or semicolon and before a space, not in "subparagraph (b)" or "paragraph 3 (b)".
    /// Only labels of the list's kind count: lower-case (or, for an upper-case list, upper-case)
    /// letters "b", "aa" for a lettered list, numerals "iv" for a roman one, so "(WHO)" does not.
    static std::optional<std::size_t> inline_label(const std::string& t, bool lettered, bool up) {
        for (std::size_t i = t.find('('); i != std::string::npos; i = t.find('(', i + 1)) {
            if (i > 0 && t[i - 1] != ' ' && t[i - 1] != ':' && t[i - 1] != ';') continue;
            std::size_t j = i + 1;
            while (j < t.size() && (up ? is_upper(t[j]) : is_lower(t[j])) && j - i <= 5) ++j;
            if (j == i + 1 || j >= t.size() || t[j] != ')' || j + 1 >= t.size() || t[j + 1] != ' ') continue;
            std::string_view label(t.data() + i + 1, j - i - 1);
            bool fits = lettered ? std::all_of(label.begin(), label.end(), [&](char c) { return c == label[0]; })
                                 : label::is_roman(lower(std::string(label)));
            if (!fits) continue;
            std::size_t w = i;
            while (w > 0 && (t[w - 1] == ' ' || is_digit(t[w - 1]))) --w;
            std::size_t ws = w;
            while (ws > 0 && (is_alpha(t[ws - 1]) || t[ws - 1] == '-')) --ws;
            std::string word = lower(t.substr(ws, w - ws));
            if (word.find("paragraph") != std::string::npos) continue;
            return i;
        }
        return std::nullopt;
    }

    /// Why re-lettering p's children would rest on a guess, or nullopt.
    std::optional<std::pair<Span, std::string>> list_uncertain(const Para& p) const {
        for (const Para& k : p.children) {
            if (k.label_malformed) return std::make_pair(k.label_span, "the label \"" + k.label + "\" is malformed");
            if (k.label_inline)
                return std::make_pair(k.label_span, "the label \"" + k.label + "\" stands inside running text");
            if (k.boundary_guessed)
                return std::make_pair(k.label_span, "where the item \"" + k.label + "\" starts was guessed by the reader");
        }
        // Several lists read as one: the first label again ("(a)" ... "(a)"), or a sub-heading
        // inside; and labels lost before the first one ("(e)" after items without a label).
        std::size_t firsts = 0, unlabelled = 0;
        for (std::size_t i = 0; i < p.children.size(); ++i) {
            const Para& k = p.children[i];
            if (k.kind == LabelKind::None) {
                ++unlabelled;
                continue;
            }
            if (k.kind == LabelKind::Number) continue;
            std::string n = lower(k.num);
            bool lettered = k.kind == LabelKind::Letter || k.kind == LabelKind::LetterDot;
            bool first = n == (lettered ? "a" : "i");
            if (first && ++firsts > 1)
                return std::make_pair(k.label_span, "the list restarts at \"" + k.label + "\": several lists were read as one");
            if (i > 0 && !k.heading.empty())
                return std::make_pair(k.label_span, "a sub-heading stands before \"" + k.label + "\"");
            if (firsts == 0 && !first && (unlabelled > 0 || p.kind == LabelKind::None))
                return std::make_pair(k.label_span, "the list starts at \"" + k.label + "\" " +
                                                        (unlabelled > 0 ? "after items without a label" : "under a paragraph without a number") +
                                                        ": labels before it may have been lost");
            if (firsts == 0) firsts = first ? 1 : firsts;
        }
        bool lettered = true, up = false;
        for (const Para& k : p.children)
            if (k.kind != LabelKind::None && k.kind != LabelKind::Number) {
                lettered = k.kind == LabelKind::Letter || k.kind == LabelKind::LetterDot;
                up = std::any_of(k.num.begin(), k.num.end(), is_upper);
                break;
            }
        auto inline_in = [&](const Para& q) -> std::optional<std::pair<Span, std::string>> {
            if (auto i = inline_label(q.text, lettered, up)) {
                std::size_t e = q.text.find(')', *i);
                return std::make_pair(at(q.source_offset(*i)), "the list continues an enumeration inside the text (\"" +
                                                                   q.text.substr(*i, e + 1 - *i) + " ...\")");
            }
            return std::nullopt;
        };
        if (auto r = inline_in(p)) return r;
        for (const Para& k : p.children)
            if (auto r = inline_in(k)) return r;
        return std::nullopt;
    }

    std::vector<std::pair<std::string, std::string>> relabel_tree(const Para& p) {
        std::vector<std::pair<std::string, std::string>> map;
        std::vector<std::string> labels = relabel_children(p.children);
        bool changes = false;
        for (std::size_t i = 0; i < p.children.size(); ++i)
            changes = changes || (!labels[i].empty() && labels[i] != p.children[i].num);
        if (changes && opt_.numbering) {
            if (auto why = list_uncertain(p)) {
                note(why->first, "sub-paragraphs of " + number_phrase(p) + " not re-lettered: " + why->second);
                for (std::string& l : labels) l.clear();
            }
        }
        for (std::size_t i = 0; i < p.children.size(); ++i) {
            const Para& k = p.children[i];
            std::string now = (opt_.numbering && !labels[i].empty()) ? labels[i] : k.num;
            if (!k.num.empty()) map.emplace_back(lower(k.num), lower(now));
            if (opt_.numbering && !labels[i].empty())
                if (auto r = run_in(text_, k.label_span, false)) edits_.replace(*r, labels[i]);
            relabel_tree(k);
        }
        return map;
    }

    // -----------------------------------------------------------------------------
    // Footnotes

    struct Unit {
        std::string num;
        long value = 0;
        std::vector<const Footnote*> bodies;
        std::vector<Span> marks;
        std::uint32_t first = 0;  ///< position of the first mark
    };

    static void collect_marks(const Para& p, std::vector<const Mark*>& out) {
        for (const Mark& m : p.marks) out.push_back(&m);
        for (const Para& k : p.children) collect_marks(k, out);
    }

    /// Where the footnote's own number is written: at the start of its body, or just
    /// before it on the same line.
    std::optional<Span> body_number(const Footnote& f) const {
        auto is_run = [&](std::size_t i, std::size_t len) {
            return text_.compare(i, len, f.num) == 0 && (i == 0 || !is_digit(text_[i - 1])) &&
                   (i + len >= text_.size() || !is_digit(text_[i + len]));
        };
        std::size_t len = f.num.size();
        std::size_t end = std::min<std::size_t>({static_cast<std::size_t>(f.span.end),
                                                 static_cast<std::size_t>(f.span.begin) + 64, text_.size()});
        for (std::size_t i = f.span.begin; i + len <= end; ++i)
            if (is_run(i, len)) return Span{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + len)};
        std::size_t lo = f.span.begin > 64 ? f.span.begin - 64 : 0;
        for (std::size_t i = f.span.begin; i-- > lo;) {
            if (text_[i] == '\n' || text_[i] == '\r') break;
            if (i + len <= text_.size() && is_run(i, len))
                return Span{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + len)};
        }
        return std::nullopt;
    }

    /// Every footnote mark of the paragraphs, in document order.
    std::vector<const Mark*> all_marks() const {
        std::vector<const Mark*> marks;
        auto walk = [&](const std::vector<Para>& list) {
            for (const Para& p : list) collect_marks(p, marks);
        };
        walk(doc_.preamble);
        walk(doc_.operative);
        walk(doc_.instructions);
        for (const Annex& a : doc_.annexes) {
            walk(a.preamble);
            walk(a.operative);
        }
        return marks;
    }

    /// One unit per numbered footnote body with the marks the reader tied to it, then one per
    /// number of the marks tied to no body.
    std::vector<Unit> footnote_units(const std::vector<const Mark*>& marks) const {
        std::vector<Unit> units;
        std::set<std::uint32_t> linked;  // mark positions already tied to a body
        for (const Footnote& f : doc_.footnotes) {
            if (!all_digits(f.num)) continue;
            Unit u;
            u.num = f.num;
            u.value = to_long(f.num);
            u.bodies.push_back(&f);
            for (const Span& s : f.refs) {
                u.marks.push_back(s);
                linked.insert(s.begin);
            }
            units.push_back(std::move(u));
        }
        std::map<std::string, std::size_t> loose;
        for (const Mark* m : marks) {
            if (!all_digits(m->num) || linked.count(m->span.begin)) continue;
            auto it = loose.find(m->num);
            if (it == loose.end()) {
                Unit u;
                u.num = m->num;
                u.value = to_long(m->num);
                it = loose.emplace(m->num, units.size()).first;
                units.push_back(std::move(u));
            }
            units[it->second].marks.push_back(m->span);
        }
        return units;
    }

    /// The marked units in order of first mark, then each unmarked body, in number order, right
    /// after the last unit (of those placed so far) with the greatest number below its own, or
    /// first when there is none.
    ///
    /// Without a scan of the order per body (quadratic): each unmarked body hangs after its
    /// anchor, and the order is the marked units, each followed by what hangs after it, the
    /// latest placed first, each with what hangs after it in turn.  The anchor is the last
    /// placed unit of number M, the greatest below the body's: the bodies of one number all
    /// hang after the same anchor, the first of them placed last; a marked unit of number M
    /// comes after them when it comes after their anchor, that is when it stands after the
    /// marked unit their anchor hangs from.
    static std::vector<Unit*> footnote_order(std::vector<Unit>& units) {
        std::vector<Unit*> marked, orphans;
        for (Unit& u : units) {
            if (u.marks.empty()) {
                orphans.push_back(&u);
                continue;
            }
            u.first = std::min_element(u.marks.begin(), u.marks.end(), [](const Span& a, const Span& b) {
                          return a.begin < b.begin;
                      })->begin;
            marked.push_back(&u);
        }
        std::stable_sort(marked.begin(), marked.end(), [](const Unit* a, const Unit* b) { return a->first < b->first; });
        std::stable_sort(orphans.begin(), orphans.end(), [](const Unit* a, const Unit* b) { return a->value < b->value; });
        if (orphans.empty()) return marked;

        // nodes: 0 .. marked-1 the marked units, then the orphans; root: the marked unit a node
        // hangs from (itself for a marked one), -1 for those placed first
        const std::size_t nm = marked.size();
        std::vector<long> root(nm + orphans.size());
        for (std::size_t i = 0; i < nm; ++i) root[i] = static_cast<long>(i);
        std::vector<std::vector<std::size_t>> hang(nm + orphans.size() + 1);  // [last]: placed first
        const std::size_t kFront = nm + orphans.size();
        std::map<long, std::size_t> last_marked;  // number -> its last marked unit
        for (std::size_t i = 0; i < nm; ++i) last_marked[marked[i]->value] = i;
        struct Group {
            long value;
            std::size_t anchor;  // kFront: placed first
            std::size_t first;   // the group's first body: the last of the group in the order
        };
        std::optional<Group> prev, cur;  // the last two numbers of bodies placed
        for (std::size_t k = 0; k < orphans.size(); ++k) {
            const long v = orphans[k]->value;
            const std::size_t node = nm + k;
            if (cur && cur->value == v) {  // another body of the same number: same anchor
                hang[cur->anchor].push_back(node);
                root[node] = cur->anchor == kFront ? -1 : root[cur->anchor];
                continue;
            }
            if (cur) prev = cur;
            // M: the greatest number below v, of a marked unit or of bodies placed (prev)
            auto mk = last_marked.lower_bound(v);
            std::optional<std::pair<long, std::size_t>> m_marked;
            if (mk != last_marked.begin()) m_marked = *std::prev(mk);
            const bool from_bodies = prev && prev->value < v && (!m_marked || prev->value >= m_marked->first);
            const bool from_marked = m_marked && (!from_bodies || m_marked->first == prev->value);
            std::size_t anchor = kFront;
            if (from_bodies && from_marked) {
                // both: the marked unit when it stands after the bodies' anchor
                const long a = prev->anchor == kFront ? -1 : root[prev->anchor];
                anchor = static_cast<long>(m_marked->second) > a ? m_marked->second : prev->first;
            } else if (from_bodies) {
                anchor = prev->first;
            } else if (from_marked) {
                anchor = m_marked->second;
            }
            hang[anchor].push_back(node);
            root[node] = anchor == kFront ? -1 : root[anchor];
            cur = Group{v, anchor, node};
        }

        std::vector<Unit*> order;
        order.reserve(nm + orphans.size());
        auto unit = [&](std::size_t n) { return n < nm ? marked[n] : orphans[n - nm]; };
        std::vector<std::size_t> stack;
        auto emit_hanging = [&](std::size_t from) {  // what hangs after `from`, latest placed first
            for (std::size_t c : hang[from]) stack.push_back(c);  // popped latest first
            while (!stack.empty()) {
                std::size_t n = stack.back();
                stack.pop_back();
                order.push_back(unit(n));
                for (std::size_t c : hang[n]) stack.push_back(c);
            }
        };
        emit_hanging(kFront);
        for (std::size_t i = 0; i < nm; ++i) {
            order.push_back(marked[i]);
            emit_hanging(i);
        }
        return order;
    }

    /// Numbers the footnotes 1, 2, ... in their order, marks and bodies alike.
    void footnotes() {
        const std::vector<const Mark*> marks = all_marks();
        std::vector<Unit> units = footnote_units(marks);
        const std::vector<Unit*> order = footnote_order(units);

        // Every body's number must be found, or the footnotes are left as they are:
        // renumbering the marks without their bodies would make things worse.
        std::map<std::uint32_t, const Mark*> inferred;  // marks recovered from bare digits, by position
        for (const Mark* m : marks)
            if (m->inferred) inferred.emplace(m->span.begin, m);
        std::vector<std::pair<Span, std::string>> planned;
        // The order rests on every mark.  A mark recovered from a bare digit is trusted when it
        // is tied to a body of its number and stands in order between its neighbours; any other
        // (a number the reader took for a mark: "5 million", a lost paragraph number) makes the
        // renumbering a guess.
        const Mark* guessed = nullptr;
        bool changes = false;
        for (std::size_t i = 0; i < order.size(); ++i) {
            std::string now = std::to_string(i + 1);
            changes = changes || order[i]->num != now;
            const Unit& u = *order[i];
            bool in_order = !u.bodies.empty() && (i == 0 || order[i - 1]->value < u.value) &&
                            (i + 1 == order.size() || u.value < order[i + 1]->value);
            for (const Span& s : order[i]->marks) {
                if (auto r = run_in(text_, s, true)) planned.emplace_back(*r, now);
                if (auto it = inferred.find(s.begin); it != inferred.end() && !in_order && !guessed) guessed = it->second;
            }
            for (const Footnote* f : order[i]->bodies) {
                auto r = body_number(*f);
                if (!r) return;
                planned.emplace_back(*r, now);
            }
        }
        if (changes && guessed) {
            note(guessed->span, "footnotes not renumbered: the mark " + guessed->num +
                                    " is a bare digit the reader took for a footnote mark, out of order or without a body");
            return;
        }
        for (const auto& [span, now] : planned) edits_.replace(span, now);
    }

    // -----------------------------------------------------------------------------
    // Cross-references

    enum class Dir { Above, Below, Any };

    struct Token {
        std::size_t pos = 0;
        std::size_t len = 0;
    };
    /// "paragraph N" with the sub-paragraph letters that belong to it.
    struct Ref {
        Token num;
        std::vector<Token> letters;
    };

    static bool word_at(const std::string& t, std::size_t i, std::string_view w) {
        if (t.compare(i, w.size(), w) != 0) return false;
        std::size_t e = i + w.size();
        return e >= t.size() || !is_alpha(t[e]);
    }

    /// "paragraph"/"paragraphs" (first letter either case) at i; returns its length.
    static std::size_t paragraph_word(const std::string& t, std::size_t i) {
        if (i >= t.size() || (t[i] != 'p' && t[i] != 'P')) return 0;
        if (t.compare(i + 1, 8, "aragraph") != 0) return 0;
        std::size_t e = i + 9;
        if (e < t.size() && t[e] == 's') ++e;
        if (e < t.size() && is_alpha(t[e])) return 0;
        return e - i;
    }

    static std::size_t spaces(const std::string& t, std::size_t i) {
        std::size_t j = i;
        while (j < t.size() && t[j] == ' ') ++j;
        return j;
    }

    static std::optional<Token> number_at(const std::string& t, std::size_t i) {
        std::size_t j = i;
        while (j < t.size() && is_digit(t[j])) ++j;
        if (j == i || j - i > 6 || (j < t.size() && (is_alpha(t[j]) || t[j] == '/' || (t[j] == '.' && j + 1 < t.size() && is_digit(t[j + 1])))))
            return std::nullopt;
        return Token{i, j - i};
    }

    /// "(b)" at i: the letters' token.
    static std::optional<Token> letter_at(const std::string& t, std::size_t i) {
        if (i >= t.size() || t[i] != '(') return std::nullopt;
        std::size_t j = i + 1;
        while (j < t.size() && is_alpha(t[j])) ++j;
        if (j == i + 1 || j - i - 1 > 6 || j >= t.size() || t[j] != ')') return std::nullopt;
        return Token{i + 1, j - i - 1};
    }

    /// A list separator (", ", " and ", ", and ", " to ", " or ") at i: the position after it.
    static std::optional<std::size_t> separator_at(const std::string& t, std::size_t i) {
        for (std::string_view s : {", and ", ", or ", ", ", " and ", " to ", " or "})
            if (t.compare(i, s.size(), s) == 0) return i + s.size();
        return std::nullopt;
    }

    /// What follows a reference: its direction, or nullopt when it points elsewhere
    /// ("of resolution 70/1") or, for a bare "paragraph N", nowhere definite.
    static std::optional<Dir> tail_at(const std::string& t, std::size_t i, bool bare_is_any) {
        if (t.compare(i, 6, " above") == 0 && (i + 6 >= t.size() || !is_alpha(t[i + 6]))) return Dir::Above;
        if (t.compare(i, 6, " below") == 0 && (i + 6 >= t.size() || !is_alpha(t[i + 6]))) return Dir::Below;
        for (std::string_view s : {" of the present resolution", " of this resolution", " of the present annex"})
            if (t.compare(i, s.size(), s) == 0) return Dir::Any;
        if (t.compare(i, 4, " of ") == 0) return std::nullopt;
        return bare_is_any ? std::optional<Dir>(Dir::Any) : std::nullopt;
    }

    void references_in(const Para& p, const Scope& scope, long index, const std::string& group, bool preamble) {
        const std::string& t = p.text;
        std::size_t i = 0;
        while (i < t.size()) {
            bool boundary = i == 0 || !is_alpha(t[i - 1]);
            std::size_t consumed = 0;
            if (boundary && (word_at(t, i, "subparagraph") || word_at(t, i, "subparagraphs") ||
                             word_at(t, i, "sub-paragraph") || word_at(t, i, "sub-paragraphs") ||
                             word_at(t, i, "Subparagraph") || word_at(t, i, "Subparagraphs")))
                consumed = sub_reference(p, t, i, scope, index, group, preamble);
            else if (boundary && paragraph_word(t, i))
                consumed = para_reference(p, t, i, scope, index, group, preamble);
            i += consumed ? consumed : 1;
        }
        for (const Para& k : p.children) references_in(k, scope, index, group, preamble);
    }

    /// "subparagraph(s) (b)[, (c) and (d)] of paragraph N [above|below|…]".
    std::size_t sub_reference(const Para& p, const std::string& t, std::size_t i, const Scope& scope, long index,
                              const std::string& group, bool preamble) {
        std::size_t j = i;
        while (j < t.size() && (is_alpha(t[j]) || t[j] == '-')) ++j;
        Ref ref;
        j = spaces(t, j);
        while (true) {
            auto l = letter_at(t, j);
            if (!l) return 0;
            ref.letters.push_back(*l);
            j = l->pos + l->len + 1;
            auto s = separator_at(t, j);
            if (!s || !letter_at(t, *s)) break;
            j = *s;
        }
        if (t.compare(j, 4, " of ") != 0) return 0;
        j += 4;
        std::size_t w = paragraph_word(t, j);
        if (!w) return 0;
        j = spaces(t, j + w);
        auto n = number_at(t, j);
        if (!n) return 0;
        ref.num = *n;
        j = n->pos + n->len;
        auto dir = tail_at(t, j, true);
        if (!dir) return j - i;
        resolve(p, {ref}, *dir, scope, index, group, preamble);
        return j - i;
    }

    /// "paragraph(s) N [(b)][, M and K] above|below|of the present resolution".
    std::size_t para_reference(const Para& p, const std::string& t, std::size_t i, const Scope& scope, long index,
                               const std::string& group, bool preamble) {
        std::size_t j = spaces(t, i + paragraph_word(t, i));
        std::vector<Ref> refs;
        while (true) {
            auto n = number_at(t, j);
            if (!n) return 0;
            Ref r;
            r.num = *n;
            j = n->pos + n->len;
            if (auto l = letter_at(t, spaces(t, j)); l && spaces(t, j) <= j + 1) {
                r.letters.push_back(*l);
                j = l->pos + l->len + 1;
            }
            refs.push_back(r);
            auto s = separator_at(t, j);
            if (!s || !number_at(t, *s)) break;
            j = *s;
        }
        auto dir = tail_at(t, j, false);
        if (!dir) return j - i;
        resolve(p, refs, *dir, scope, index, group, preamble);
        return j - i;
    }

    void resolve(const Para& p, const std::vector<Ref>& refs, Dir dir, const Scope& scope, long index,
                 const std::string& group, bool preamble) {
        for (const Ref& r : refs) {
            std::string old(p.text.substr(r.num.pos, r.num.len));
            const Item* target = nullptr;
            for (std::size_t k = 0; k < scope.items.size(); ++k) {
                const Item& it = scope.items[k];
                if (it.old_num != old) continue;
                if (scope.restart && !preamble && it.group != group) continue;
                auto pos = static_cast<long>(k);
                if (dir == Dir::Above && !(pos < index)) continue;
                if (dir == Dir::Below && !(pos > index)) continue;
                target = &it;  // the last one wins
            }
            if (!target) {
                dangling(p, r, old, scope, group, preamble);
                continue;
            }
            replace_text(p, r.num, target->new_num);
            for (const Token& l : r.letters) {
                std::string was = lower(p.text.substr(l.pos, l.len));
                const std::string* now = nullptr;
                for (const auto& [o, n] : target->letters)
                    if (o == was) now = &n;
                if (!now) continue;
                bool up = std::any_of(p.text.begin() + static_cast<std::ptrdiff_t>(l.pos),
                                      p.text.begin() + static_cast<std::ptrdiff_t>(l.pos + l.len), is_upper);
                replace_text(p, l, up ? upper(*now) : *now);
            }
        }
    }

    /// A reference to a number no paragraph of the scope has (in any direction).  Once the
    /// scope is renumbered and that number exists again, the reference would silently name
    /// another paragraph: the number is written "[deleted N]", which check reports (UNR401).
    void dangling(const Para& p, const Ref& r, const std::string& old, const Scope& scope, const std::string& group,
                  bool preamble) {
        if (!opt_.numbering || !scope.renumbered) return;
        bool existed = false;
        const Item* heir = nullptr;  // the paragraph that gets the number after the renumbering
        std::map<std::string, int> uses;
        for (const Item& it : scope.items) {
            if (scope.restart && !preamble && it.group != group) continue;
            existed = existed || it.old_num == old;
            if (it.new_num == old) heir = &it;
            ++uses[it.old_num];
        }
        if (existed || !heir) return;
        // The heir's own number is written twice ("8, 10, 10, 11"): it is the paragraph that was
        // given a wrong number, not one that moved up after a deletion; the reference meant it.
        if (uses[heir->old_num] > 1) return;
        std::uint32_t s = p.source_offset(r.num.pos);
        std::size_t before = edits_.size();
        replace_text(p, r.num, "[deleted " + old + "]");
        if (edits_.size() == before) return;
        note(Span{s, static_cast<std::uint32_t>(s + r.num.len)},
             "the reference to paragraph " + old + " points to a paragraph that no longer exists; written \"[deleted " +
                 old + "]\" so that it names no other paragraph after the renumbering: rewrite or remove it",
             Severity::Warning);
    }

    /// Replaces a token of Para::text in the source, if the source has the same bytes there.
    void replace_text(const Para& p, const Token& tok, const std::string& rep) {
        std::uint32_t s = p.source_offset(tok.pos);
        if (s + tok.len > text_.size()) return;
        if (text_.compare(s, tok.len, p.text, tok.pos, tok.len) != 0) return;
        edits_.replace(Span{s, static_cast<std::uint32_t>(s + tok.len)}, rep);
    }

    const Document& doc_;
    const std::string& text_;
    FixOptions opt_;
    EditList edits_;
    std::vector<Diagnostic> notes_;
    Scope resolution_;
    std::vector<Scope> annexes_;
};

// ---------------------------------------------------------------------------------
// Encoding

// (the encodings themselves are in source.cpp: encode_text)

// ---------------------------------------------------------------------------------
// Diff

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = i;
        while (j < s.size() && s[j] != '\n' && s[j] != '\r') ++j;
        if (j < s.size()) j += (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ? 2 : 1;
        out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

enum class Op : char { Same = ' ', Del = '-', Ins = '+' };

/// The line-level edit script: common prefix and suffix, then an LCS of the middle
/// (or, when the middle is too large for that, all of it replaced).
std::vector<Op> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
    std::size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
    std::size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
    std::size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
    std::vector<Op> ops(pre, Op::Same);
    if (n * m <= 4'000'000) {
        std::vector<std::uint32_t> L((n + 1) * (m + 1), 0);
        auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return L[i * (m + 1) + j]; };
        for (std::size_t i = n; i-- > 0;)
            for (std::size_t j = m; j-- > 0;)
                at(i, j) = a[pre + i] == b[pre + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        std::size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[pre + i] == b[pre + j]) {
                ops.push_back(Op::Same);
                ++i;
                ++j;
            } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
                ops.push_back(Op::Del);  // deletions first, as diff(1) shows them
                ++i;
            } else {
                ops.push_back(Op::Ins);
                ++j;
            }
        }
    } else if (n == m) {
        // Too large for the table, but line for line (what fix produces): pair them up.
        std::size_t i = 0;
        while (i < n) {
            if (a[pre + i] == b[pre + i]) {
                ops.push_back(Op::Same);
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < n && a[pre + j] != b[pre + j]) ++j;
            ops.insert(ops.end(), j - i, Op::Del);
            ops.insert(ops.end(), j - i, Op::Ins);
            i = j;
        }
    } else {
        ops.insert(ops.end(), n, Op::Del);
        ops.insert(ops.end(), m, Op::Ins);
    }
    ops.insert(ops.end(), suf, Op::Same);
    return ops;
}

void diff_line(std::string& out, char sign, std::string_view line) {
    out += sign;
    out.append(line);
    if (line.empty() || (line.back() != '\n' && line.back() != '\r')) out += "\n\\ No newline at end of file\n";
}

std::string range(std::size_t start, std::size_t count) {
    // Unified diff convention: an empty range is shown at the line before it.
    std::size_t first = count == 0 ? start : start + 1;
    return count == 1 ? std::to_string(first) : std::to_string(first) + "," + std::to_string(count);
}

}  // namespace

FixPlan plan_fixes(const Document& doc, const SourceFile& src, const FixOptions& options) {
    if (doc.format == InputFormat::Akn || doc.format == InputFormat::Docx || doc.format == InputFormat::Pdf) return {};
    return Fixer(doc, src, options).run();
}

std::vector<Edit> compute_fixes(const Document& doc, const SourceFile& src, const FixOptions& options) {
    return plan_fixes(doc, src, options).edits;
}

std::string apply_edits(std::string_view text, const std::vector<Edit>& edits) {
    std::string out;
    out.reserve(text.size() + 64);
    std::size_t at = 0;
    for (const Edit& e : edits) {
        if (e.span.begin < at || e.span.end < e.span.begin || e.span.end > text.size())
            throw std::invalid_argument("apply_edits: edits overlap or reach past the end");
        out.append(text.substr(at, e.span.begin - at));
        out += e.replacement;
        at = e.span.end;
    }
    out.append(text.substr(at));
    return out;
}

std::string encode_like(const SourceFile& src, std::string_view text) {
    const Encoding enc = src.encoding();
    const bool utf16 = enc == Encoding::Utf16LE || enc == Encoding::Utf16BE || enc == Encoding::Utf16LENoBom ||
                       enc == Encoding::Utf16BENoBom;
    if (src.invalid_utf8() > 0)
        throw InputError("the file has bytes that are not valid " + std::string(utf16 ? "UTF-16" : "UTF-8") +
                         "; fix would not write them back as they were");
    std::string again;
    if (enc != Encoding::Utf8 && (!encode_text(src.text(), enc, again) || again != src.raw()))
        throw InputError("the " + std::string(to_string(enc)) +
                         " file does not round-trip through UTF-8; fix would not write it back as it was");
    std::string out;
    if (!encode_text(text, enc, out))
        throw InputError("the fixed text cannot be written in the file's encoding (" + std::string(to_string(enc)) + ")");
    return out;
}

std::string unified_diff(std::string_view before, std::string_view after, std::string_view from_name,
                         std::string_view to_name, unsigned context) {
    if (before == after) return {};
    std::vector<std::string_view> a = split_lines(before), b = split_lines(after);
    std::vector<Op> ops = edit_script(a, b);
    std::string out;
    out += "--- ";
    out.append(from_name);
    out += "\n+++ ";
    out.append(to_name);
    out += "\n";
    // Position of each op in a and b.
    std::vector<std::size_t> ai(ops.size() + 1), bi(ops.size() + 1);
    for (std::size_t k = 0; k < ops.size(); ++k) {
        ai[k + 1] = ai[k] + (ops[k] != Op::Ins);
        bi[k + 1] = bi[k] + (ops[k] != Op::Del);
    }
    std::size_t k = 0;
    while (k < ops.size()) {
        while (k < ops.size() && ops[k] == Op::Same) ++k;
        if (k == ops.size()) break;
        std::size_t start = k >= context ? k - context : 0;
        // Extend the hunk while the next change is within 2 * context lines.
        std::size_t end = k;
        while (true) {
            while (end < ops.size() && ops[end] != Op::Same) ++end;
            std::size_t same = end;
            while (same < ops.size() && ops[same] == Op::Same) ++same;
            if (same < ops.size() && same - end <= 2 * static_cast<std::size_t>(context)) {
                end = same;
                continue;
            }
            end = std::min(ops.size(), end + context);
            break;
        }
        std::size_t a_count = ai[end] - ai[start], b_count = bi[end] - bi[start];
        out += "@@ -" + range(ai[start], a_count) + " +" + range(bi[start], b_count) + " @@\n";
        for (std::size_t q = start; q < end; ++q) {
            if (ops[q] == Op::Ins) diff_line(out, '+', b[bi[q]]);
            else diff_line(out, static_cast<char>(ops[q]), a[ai[q]]);
        }
        k = end;
    }
    return out;
}

}  // namespace unres
