// Tree comparison for the round-trip tests: two Documents are compared field by field
// (never by positions: spans, lines and source maps differ between formats) and the
// first difference is reported precisely: path, field and both values.
//
//   first_difference(a, b)          "" when equal, else e.g.
//       operative[4].children[1].text: "Calls upon ..." != "Calls up on ..."
//   structure_summary(doc)          one line: preamble containers, paragraph nums tree,
//                                   points, footnotes, annexes (official-AKN comparison)
#pragma once
#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "unres/document.hpp"

namespace unres_test {

/// "1[a,b[i,ii],c]" style outline of the operative part.
inline std::string outline(const std::vector<unres::Para>& ps) {
    std::string out;
    for (std::size_t k = 0; k < ps.size(); ++k) {
        if (k) out += ",";
        out += ps[k].num.empty() ? "-" : ps[k].num;
        if (!ps[k].children.empty()) out += "[" + outline(ps[k].children) + "]";
    }
    return out;
}

struct TreeCompare {
    bool metadata = true;  ///< header fields, authority, kind, closing
    bool italics = true;   ///< italic ranges (plain text has none: off for --to text)
    /// which paragraph carries each unmarked note (a page fact: clean text, whose notes all
    /// follow the body, does not carry it; off for --to text, where the same notes must
    /// still be unmarked)
    bool orphan_places = true;
};

namespace tree_detail {

inline std::string quote(const std::string& s) {
    constexpr std::size_t kMax = 160;
    std::string v = s;
    if (v.size() > kMax) v = v.substr(0, kMax) + "...";
    return "\"" + v + "\"";
}

/// Where two strings first differ, with a little context, for long texts.
inline std::string string_diff(const std::string& path, const std::string& a, const std::string& b) {
    if (a.size() < 120 && b.size() < 120) return path + ": " + quote(a) + " != " + quote(b);
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    std::size_t from = i > 30 ? i - 30 : 0;
    return path + ": first differs at byte " + std::to_string(i) + ": ..." + quote(a.substr(from, 90)) +
           " != ..." + quote(b.substr(from, 90)) + " (lengths " + std::to_string(a.size()) + ", " +
           std::to_string(b.size()) + ")";
}

class Comparer {
public:
    explicit Comparer(const TreeCompare& opt) : opt_(opt) {}
    std::string diff;

    bool str(const std::string& path, const std::string& a, const std::string& b) {
        if (a == b) return true;
        diff = string_diff(path, a, b);
        return false;
    }
    bool num(const std::string& path, std::size_t a, std::size_t b) {
        if (a == b) return true;
        diff = path + ": " + std::to_string(a) + " != " + std::to_string(b);
        return false;
    }

    bool field(const std::string& path, const unres::Field& a, const unres::Field& b) { return str(path, a.value, b.value); }

    bool fields(const std::string& path, const std::vector<unres::Field>& a, const std::vector<unres::Field>& b) {
        for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
            if (!field(path + "[" + std::to_string(i) + "]", a[i], b[i])) return false;
        if (a.size() != b.size()) {
            const auto& longer = a.size() > b.size() ? a : b;
            diff = path + ".size: " + std::to_string(a.size()) + " != " + std::to_string(b.size()) + " (extra " +
                   quote(longer[std::min(a.size(), b.size())].value) + ")";
            return false;
        }
        return true;
    }

    bool marks(const std::string& path, const unres::Para& a, const unres::Para& b) {
        for (std::size_t i = 0; i < std::min(a.marks.size(), b.marks.size()); ++i) {
            std::string p = path + ".marks[" + std::to_string(i) + "]";
            if (!str(p + ".num", a.marks[i].num, b.marks[i].num)) return false;
            if (!num(p + ".pos", a.marks[i].pos, b.marks[i].pos)) return false;
        }
        if (a.marks.size() != b.marks.size()) {
            const auto& longer = a.marks.size() > b.marks.size() ? a.marks : b.marks;
            const auto& extra = longer[std::min(a.marks.size(), b.marks.size())];
            diff = path + ".marks.size: " + std::to_string(a.marks.size()) + " != " + std::to_string(b.marks.size()) +
                   " (extra mark " + quote(extra.num) + " at " + std::to_string(extra.pos) + ")";
            return false;
        }
        return true;
    }

    bool italics(const std::string& path, const unres::Para& a, const unres::Para& b) {
        if (!opt_.italics) return true;
        auto norm = [](const unres::Para& p) {
            std::vector<std::pair<std::size_t, std::size_t>> r;
            for (const auto& x : p.italics)
                if (x.begin < x.end) r.emplace_back(x.begin, x.end);
            std::sort(r.begin(), r.end());
            std::vector<std::pair<std::size_t, std::size_t>> m;
            for (const auto& x : r) {
                if (!m.empty() && x.first <= m.back().second)
                    m.back().second = std::max(m.back().second, x.second);
                else
                    m.push_back(x);
            }
            return m;
        };
        auto ra = norm(a), rb = norm(b);
        if (ra == rb) return true;
        auto show = [](const std::vector<std::pair<std::size_t, std::size_t>>& r) {
            std::string s = "[";
            for (const auto& x : r) s += (s.size() > 1 ? " " : "") + std::to_string(x.first) + "-" + std::to_string(x.second);
            return s + "]";
        };
        diff = path + ".italics: " + show(ra) + " != " + show(rb);
        return false;
    }

    bool para(const std::string& path, const unres::Para& a, const unres::Para& b) {
        return str(path + ".num", a.num, b.num) &&
               str(path + ".kind", std::string(unres::to_string(a.kind)), std::string(unres::to_string(b.kind))) &&
               // a number recovered from its neighbours (num_inferred) is written out, so it reads back
               // with its label: the same paragraph
               (a.num_inferred || b.num_inferred || str(path + ".label", a.label, b.label)) &&
               str(path + ".section", a.section, b.section) &&
               str(path + ".heading", a.heading, b.heading) && str(path + ".text", a.text, b.text) &&
               marks(path, a, b) && italics(path, a, b) && (!opt_.orphan_places || strings(path + ".orphan_notes", a.orphan_notes, b.orphan_notes)) &&
               paras(path + ".children", a.children, b.children);
    }

    bool strings(const std::string& path, const std::vector<std::string>& a, const std::vector<std::string>& b) {
        for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
            if (!str(path + "[" + std::to_string(i) + "]", a[i], b[i])) return false;
        return num(path + ".size", a.size(), b.size());
    }

    static std::string label_or_text(const unres::Para& p) {
        if (!p.label.empty()) return p.label;
        return p.text.substr(0, 40);
    }

    bool paras(const std::string& path, const std::vector<unres::Para>& a, const std::vector<unres::Para>& b) {
        for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
            if (!para(path + "[" + std::to_string(i) + "]", a[i], b[i])) return false;
        if (a.size() != b.size()) {
            const auto& longer = a.size() > b.size() ? a : b;
            diff = path + ".size: " + std::to_string(a.size()) + " != " + std::to_string(b.size()) + " (extra item " +
                   quote(label_or_text(longer[std::min(a.size(), b.size())])) + ")";
            return false;
        }
        return true;
    }

    bool sections(const std::string& path, const std::vector<unres::Section>& a, const std::vector<unres::Section>& b) {
        for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
            std::string p = path + "[" + std::to_string(i) + "]";
            if (!str(p + ".num", a[i].num, b[i].num) || !str(p + ".heading", a[i].heading, b[i].heading)) return false;
        }
        return num(path + ".size", a.size(), b.size());
    }

    bool footnotes(const std::vector<unres::Footnote>& fa, const std::vector<unres::Footnote>& fb) {
        // in the tree's own order: every reader puts them in number order (sort_footnotes)
        const auto& a = fa;
        const auto& b = fb;
        for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
            std::string p = "footnotes[" + std::to_string(i) + "]";
            if (!str(p + ".num", a[i].num, b[i].num) || !str(p + ".text", a[i].text, b[i].text)) return false;
        }
        if (a.size() != b.size()) {
            const auto& longer = a.size() > b.size() ? a : b;
            diff = "footnotes.size: " + std::to_string(a.size()) + " != " + std::to_string(b.size()) + " (extra note " +
                   quote(longer[std::min(a.size(), b.size())].num) + ")";
            return false;
        }
        return true;
    }

    bool metadata(const unres::Document& a, const unres::Document& b) {
        if (!opt_.metadata) return true;
        const auto& x = a.meta;
        const auto& y = b.meta;
        return str("kind", std::string(unres::to_string(a.kind)), std::string(unres::to_string(b.kind))) &&
               field("meta.body", x.body, y.body) && field("meta.symbol", x.symbol, y.symbol) &&
               field("meta.distribution", x.distribution, y.distribution) && field("meta.date", x.date, y.date) &&
               field("meta.original_language", x.original_language, y.original_language) &&
               field("meta.session", x.session, y.session) && field("meta.committee", x.committee, y.committee) &&
               fields("meta.agenda_items", x.agenda_items, y.agenda_items) &&
               field("meta.agenda_title", x.agenda_title, y.agenda_title) &&
               fields("meta.sponsors", x.sponsors, y.sponsors) && field("meta.sponsor_text", x.sponsor_text, y.sponsor_text) &&
               field("meta.document_type", x.document_type, y.document_type) && field("meta.title", x.title, y.title) &&
               field("meta.number", x.number, y.number) && field("meta.origin", x.origin, y.origin) &&
               field("meta.adoption_date", x.adoption_date, y.adoption_date) && field("meta.target", x.target, y.target) &&
               field("authority", a.authority, b.authority) && str("closing.meeting", a.closing.meeting, b.closing.meeting) &&
               str("closing.date", a.closing.date, b.closing.date);
    }

    bool annexes(const std::vector<unres::Annex>& a, const std::vector<unres::Annex>& b) {
        for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
            std::string p = "annexes[" + std::to_string(i) + "]";
            if (!str(p + ".num", a[i].num, b[i].num) || !str(p + ".title", a[i].title, b[i].title) ||
                !paras(p + ".preamble", a[i].preamble, b[i].preamble) ||
                !paras(p + ".operative", a[i].operative, b[i].operative) ||
                !sections(p + ".sections", a[i].sections, b[i].sections))
                return false;
        }
        return num("annexes.size", a.size(), b.size());
    }

    bool blocks(const std::vector<unres::Block>& a, const std::vector<unres::Block>& b) {
        for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
            if (!str("unclassified[" + std::to_string(i) + "].text", a[i].text, b[i].text)) return false;
        if (a.size() != b.size()) {
            const auto& longer = a.size() > b.size() ? a : b;
            diff = "unclassified.size: " + std::to_string(a.size()) + " != " + std::to_string(b.size()) + " (extra " +
                   quote(longer[std::min(a.size(), b.size())].text) + ")";
            return false;
        }
        return true;
    }

    bool document(const unres::Document& a, const unres::Document& b) {
        return metadata(a, b) && paras("preamble", a.preamble, b.preamble) &&
               paras("operative", a.operative, b.operative) && sections("sections", a.sections, b.sections) &&
               paras("instructions", a.instructions, b.instructions) && footnotes(a.footnotes, b.footnotes) &&
               annexes(a.annexes, b.annexes) && tables(a.tables, b.tables) && blocks(a.unclassified, b.unclassified) &&
               orphans(a, b);
    }

    /// Tables: their part, their place among its paragraphs, and every cell.
    bool tables(const std::vector<unres::Table>& a, const std::vector<unres::Table>& b) {
        for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
            std::string p = "tables[" + std::to_string(i) + "]";
            if (!num(p + ".annex", static_cast<std::size_t>(a[i].annex + 1), static_cast<std::size_t>(b[i].annex + 1)) ||
                !num(p + ".after", a[i].after, b[i].after) || !num(p + ".rows", a[i].rows.size(), b[i].rows.size()))
                return false;
            for (std::size_t r = 0; r < a[i].rows.size(); ++r)
                if (!strings(p + ".rows[" + std::to_string(r) + "]", a[i].rows[r], b[i].rows[r])) return false;
        }
        return num("tables.size", a.size(), b.size());
    }

    /// Without places, the same notes are unmarked in both trees.
    bool orphans(const unres::Document& a, const unres::Document& b) {
        if (opt_.orphan_places) return true;
        return strings("orphan_notes (all)", all_orphans(a), all_orphans(b));
    }
    static std::vector<std::string> all_orphans(const unres::Document& d) {
        std::vector<std::string> out;
        auto rec = [&](auto&& self, const std::vector<unres::Para>& ps) -> void {
            for (const auto& p : ps) {
                out.insert(out.end(), p.orphan_notes.begin(), p.orphan_notes.end());
                self(self, p.children);
            }
        };
        rec(rec, d.preamble);
        rec(rec, d.operative);
        rec(rec, d.instructions);
        for (const auto& x : d.annexes) rec(rec, x.preamble), rec(rec, x.operative);
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    TreeCompare opt_;
};

inline void nums_tree(std::ostringstream& out, const std::vector<unres::Para>& items, std::size_t& points, bool top) {
    bool first = true;
    for (const auto& p : items) {
        if (!first) out << ',';
        first = false;
        out << (p.num.empty() ? std::string("_") : p.num);
        if (!top) ++points;
        if (!p.children.empty()) {
            out << '(';
            nums_tree(out, p.children, points, false);
            out << ')';
        }
    }
}

}  // namespace tree_detail

/// "" when the two trees are equal (ignoring positions), else the first difference.
inline std::string first_difference(const unres::Document& a, const unres::Document& b, const TreeCompare& opt = {}) {
    tree_detail::Comparer c(opt);
    return c.document(a, b) ? std::string() : c.diff;
}

/// The structure the official AKN comparison looks at, as one comparable line:
/// "preamble 46 | paragraphs 1,2,3(a,b(i,ii)),4 | points 4 | footnotes 6 | annexes 0".
/// Footnotes count the numbered ones ("*" sponsor notes are not in adopted texts).
inline std::string structure_summary(const unres::Document& doc) {
    std::ostringstream nums;
    std::size_t points = 0;
    tree_detail::nums_tree(nums, doc.operative, points, true);
    std::size_t notes = static_cast<std::size_t>(std::count_if(doc.footnotes.begin(), doc.footnotes.end(), [](const unres::Footnote& f) {
        return !f.num.empty() && std::all_of(f.num.begin(), f.num.end(), [](char c) { return c >= '0' && c <= '9'; });
    }));
    std::ostringstream out;
    out << "preamble " << doc.preamble.size() << " | paragraphs " << nums.str() << " | points " << points
        << " | footnotes " << notes << " | annexes " << doc.annexes.size();
    return out.str();
}

}  // namespace unres_test
