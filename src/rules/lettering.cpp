// Sub-paragraph lettering at every level (UNR104-UNR107) and the degree of each
// level (UNR109).
//
// Labels are ambiguous: "(i)" is the ninth letter after "(h)" and the first roman
// numeral as the first child of a lettered item; "(ii)" is a doubled letter after
// "(hh)"; "(v)", "(x)" are both.  The builder's LabelKind is a first guess; here each
// label is read in the scheme its preceding sibling establishes.
#include <array>
#include <map>

#include "rules/rules.hpp"

namespace unres::rules {

namespace {

using label::letter_kind;
using label::roman_kind;
bool is_dot(LabelKind k) { return label::is_dot_kind(k); }
bool is_sub(LabelKind k) { return label::is_sub_kind(k); }
bool is_letter(LabelKind k) { return label::is_letter_kind(k); }

long value_in(LabelKind k, const std::string& num) { return label::value(k, num); }

/// The degree that should follow `parent` (EM: 1. -> (a) -> (i) -> a. -> i.).
LabelKind expected_child(LabelKind parent) {
    switch (parent) {
        case LabelKind::Letter: return LabelKind::Roman;
        case LabelKind::Roman: return LabelKind::LetterDot;
        case LabelKind::LetterDot: return LabelKind::RomanDot;
        case LabelKind::RomanDot: return LabelKind::RomanDot;
        default: return LabelKind::Letter;
    }
}

std::string scheme_name(LabelKind k) {
    switch (k) {
        case LabelKind::Letter: return "(a), (b), (c)";
        case LabelKind::Roman: return "(i), (ii), (iii)";
        case LabelKind::LetterDot: return "a., b., c.";
        case LabelKind::RomanDot: return "i., ii., iii.";
        default: return "1., 2., 3.";
    }
}

struct Walker {
    Context& cx;
    bool degree;  // check UNR109 (the resolution's own text only)

    /// Checks the children of `parent` (whose own effective kind is `pkind`);
    /// `path` names the parent in messages ("4", "4 (a)", or "" for a preambular paragraph).
    void children(const Para& parent, LabelKind pkind, const std::string& path) {
        std::map<LabelKind, std::vector<SeqItem>> lists;
        std::vector<std::pair<LabelKind, std::vector<SeqItem>>> finished;  // lists closed by a heading
        std::map<LabelKind, long> last;  // last value per scheme, to read ambiguous labels
        std::vector<LabelKind> eff(parent.children.size(), LabelKind::None);
        LabelKind prev_kind = LabelKind::None;
        bool first_checked = false;

        for (std::size_t i = 0; i < parent.children.size(); ++i) {
            const Para& c = parent.children[i];
            if (!is_sub(c.kind)) continue;
            bool dot = is_dot(c.kind);
            LabelKind lk = letter_kind(dot), rk = roman_kind(dot);
            long lv = letter_value(c.num), rv = roman_value(c.num);
            LabelKind k = LabelKind::None;
            if (lv && rv) {
                // Prefer the scheme whose sequence this label continues: (h)->(i) and
                // (hh)->(ii) are letters, (iv)->(v) is roman, (c)->(i) opens a roman list.
                bool prev_same_family = prev_kind != LabelKind::None && is_dot(prev_kind) == dot;
                bool cont_l = lv == last[lk] + 1, cont_r = rv == last[rk] + 1;
                if (cont_l != cont_r)
                    k = cont_l ? lk : rk;
                else if (prev_same_family)
                    k = prev_kind;
                else
                    k = (rv == 1) ? rk : (is_letter(c.kind) ? lk : rk);
            } else if (lv) {
                k = lk;
            } else if (rv) {
                k = rk;
            } else {
                // UNR107: neither a letter sequence nor a roman numeral.
                std::string msg = "'" + (c.label.empty() ? c.num : c.label) + "' is not a valid sub-paragraph label";
                auto& d = cx.report("UNR107", label_or_span(c), msg);
                if (prev_kind != LabelKind::None) {
                    long want = last[prev_kind] + 1;
                    d.message += ": expected " + format_label(prev_kind, want);
                    if (is_letter(prev_kind) && want > 26) d.message += " (after (z) come doubled letters)";
                    Edit e;
                    if (relabel_edit(cx, c, bare_label(prev_kind, want), e)) d.fix = Fix{"relabel as " + format_label(prev_kind, want), {e}};
                }
                continue;
            }
            eff[i] = k;
            long v = value_in(k, c.num);
            // A sub-heading ("B. Scale up climate action") before a first label restarts the
            // lettering (annexes of declarations letter each heading's list from (a)).
            if (!c.heading.empty() && v == 1 && !lists[k].empty()) {
                finished.emplace_back(k, std::move(lists[k]));
                lists[k].clear();
                last[k] = 0;
            }
            lists[k].push_back({&c, v});
            if (v > last[k]) last[k] = v;
            prev_kind = k;

            if (degree && !first_checked) {
                first_checked = true;
                LabelKind want = expected_child(pkind);
                if (k != want) {
                    std::string owner = path.empty() ? "this paragraph" : path;
                    cx.report("UNR109", label_or_span(c),
                              "sub-paragraphs of " + owner + " should be labelled " + scheme_name(want) +
                                  ", not " + format_label(k, v));
                }
            }
        }

        for (auto& [k, items] : lists) finished.emplace_back(k, std::move(items));
        for (auto& [k, items] : finished) {
            SeqNaming n{"UNR104", "UNR105", "UNR106", "sub-paragraph", path.empty() ? "" : path + " ", k};
            check_sequence(cx, items, 1, n);
        }

        for (std::size_t i = 0; i < parent.children.size(); ++i) {
            const Para& c = parent.children[i];
            if (c.children.empty()) continue;
            std::string label = eff[i] != LabelKind::None ? format_label(eff[i], value_in(eff[i], c.num)) : c.label;
            children(c, eff[i], path.empty() ? label : path + " " + label);
        }
    }

    void top(const std::vector<Para>& list, bool numbered_path) {
        for (const Para& p : list) {
            if (p.children.empty()) continue;
            std::string path = numbered_path && !p.num.empty() ? p.num : "";
            children(p, p.kind, path);
        }
    }
};

}  // namespace

void check_lettering(Context& cx) {
    const Document& doc = cx.doc;
    if (doc.kind == DocKind::Amendment) return;
    Walker own{cx, true};
    own.top(doc.preamble, false);
    own.top(doc.operative, true);
    Walker annex{cx, false};
    for (const Annex& a : doc.annexes) {
        annex.top(a.preamble, false);
        annex.top(a.operative, true);
    }
}

}  // namespace unres::rules
