// Renderings of a DocDiff for the terminal (like `git diff --word-diff`) and as versioned JSON
// (`unres diff --format json`, documented in the README).
//
// Input: a DocDiff.  Output: text that never carries the inputs' terminal control characters
// (they become U+FFFD), or JSON that is always valid UTF-8 with keys in a fixed order.
#include <string>
#include <string_view>
#include <vector>

#include "unres/diff.hpp"
#include "utf8.hpp"
#include "writers/ansi.hpp"
#include "writers/json_util.hpp"

namespace unres {
namespace {

using ansi::kBold;
using ansi::kCyan;
using ansi::kGreen;
using ansi::kRed;
using ansi::kReset;

/// Text without terminal controls or bidi overrides, on one line.
std::string safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t start = i;
        char32_t c = utf8::next(s, i);
        if (c == '\n' || c == '\r' || c == '\t') out += ' ';
        else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
                 (c >= 0x2066 && c <= 0x2069) || (c == 0xFFFD && i - start == 1))
            out += "\xEF\xBF\xBD";
        else out.append(s.substr(start, i - start));
    }
    return out;
}

std::string lines(std::uint32_t a, std::uint32_t b) {
    if (!a) return "?";
    if (!b || b == a) return std::to_string(a);
    return std::to_string(a) + "-" + std::to_string(b);
}

std::string where(const DiffEntry& e) {
    std::string s = "(";
    if (e.old_side) s += "old line " + lines(e.old_side->line, e.old_side->end_line);
    if (e.old_side && e.new_side) s += ", ";
    if (e.new_side) s += "new line " + lines(e.new_side->line, e.new_side->end_line);
    return s + ")";
}

std::string refs(const DiffEntry& e) {
    if (e.old_side && e.new_side)
        return e.old_side->ref == e.new_side->ref ? e.old_side->ref : e.old_side->ref + " -> " + e.new_side->ref;
    return e.old_side ? e.old_side->ref : e.new_side->ref;
}

std::string change_list(const DiffEntry& e) {
    std::string s;
    for (Change c : e.changes) {
        if (!s.empty()) s += ", ";
        std::string k(to_string(c));
        for (char& ch : k)
            if (ch == '_') ch = ' ';
        s += k;
    }
    return s;
}

class TextOut {
public:
    explicit TextOut(bool color) : color_(color) {}
    std::string out;

    // A run's leading and trailing spaces are printed outside its markers: "York, [-at which-] {+and+} resolution".
    void del(std::string_view s) { marked(s, "[-", "-]", kRed); }
    void ins(std::string_view s) { marked(s, "{+", "+}", kGreen); }
    void marked(std::string_view s, const char* open, const char* close, const char* colour) {
        std::size_t lead = 0;
        while (lead < s.size() && s[lead] == ' ') ++lead;
        if (lead == s.size()) lead = 0;  // a change of spacing only stays visible
        out.append(lead, ' ');
        s.remove_prefix(lead);
        std::size_t trail = 0;
        while (trail < s.size() && s[s.size() - 1 - trail] == ' ') ++trail;
        if (trail == s.size()) trail = 0;
        s.remove_suffix(trail);
        if (color_) out += std::string(colour) + safe(s) + kReset;
        else out += open + safe(s) + close;
        out.append(trail, ' ');
    }
    void hunk(const std::string& s) {
        if (color_) out += std::string(kCyan) + "@@ " + safe(s) + kReset + "\n";
        else out += "@@ " + safe(s) + "\n";
    }
    void title(const std::string& s) {
        if (color_) out += std::string(kBold) + s + kReset + "\n";
        else out += s + "\n";
    }

    static std::string label_text(const DiffSide& s) { return s.label.empty() ? s.text : s.label + " " + s.text; }

    void entry(const DiffEntry& e, int indent) {
        std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
        if (e.has(Change::Inserted) || e.has(Change::Deleted)) {
            bool ins_side = e.has(Change::Inserted);
            out += pad;
            hunk(refs(e) + " " + where(e) + ": " + change_list(e));
            print_one_sided(e, ins_side, indent);
            return;
        }
        if (e.changed()) {
            out += pad;
            hunk(refs(e) + " " + where(e) + ": " + change_list(e));
            if (e.has(Change::Heading)) {
                out += pad + "  heading: ";
                if (!e.old_side->heading.empty()) del(e.old_side->heading);
                if (!e.new_side->heading.empty()) ins(e.new_side->heading);
                out += "\n";
            }
            bool relabel = e.old_side->label != e.new_side->label;
            if (e.has(Change::Reworded) || e.has(Change::Moved) || e.has(Change::ToOperative) ||
                e.has(Change::ToPreambular) || e.has(Change::PartChanged)) {
                out += pad + "  ";
                if (relabel) {
                    if (!e.old_side->label.empty()) del(e.old_side->label);
                    if (!e.new_side->label.empty()) ins(e.new_side->label);
                    out += " ";
                } else if (!e.new_side->label.empty()) {
                    out += safe(e.new_side->label) + " ";
                }
                if (e.has(Change::Reworded)) {
                    for (const WordRun& r : e.words) {
                        if (r.op == WordRun::Op::Same) out += safe(r.text);
                        else if (r.op == WordRun::Op::Del) del(r.text);
                        else ins(r.text);
                    }
                } else {
                    out += safe(e.new_side->text);
                }
                out += "\n";
            }
        }
        print_children(e.children, indent + (e.changed() ? 1 : 0));
    }

    void print_one_sided(const DiffEntry& e, bool inserted, int indent) {
        std::string pad(static_cast<std::size_t>(indent) * 2 + 2, ' ');
        const DiffSide& s = inserted ? *e.new_side : *e.old_side;
        if (!s.heading.empty()) {
            out += pad;
            inserted ? ins(s.heading) : del(s.heading);
            out += "\n";
        }
        out += pad;
        inserted ? ins(label_text(s)) : del(label_text(s));
        out += "\n";
        for (const DiffEntry& c : e.children) print_one_sided(c, inserted, indent + 1);
    }

    /// Entries in order; a run of three or more paragraphs only renumbered is one line.
    void print_children(const std::vector<DiffEntry>& list, int indent) {
        std::size_t k = 0;
        while (k < list.size()) {
            std::size_t e = k;
            while (e < list.size() && only_relabelled(list[e])) ++e;
            if (e - k >= 3) {
                const DiffEntry &f = list[k], &l = list[e - 1];
                out += std::string(static_cast<std::size_t>(indent) * 2, ' ');
                hunk(f.old_side->ref + ".." + l.old_side->ref + " -> " + f.new_side->ref + ".." + l.new_side->ref +
                     " (old lines " + std::to_string(f.old_side->line) + "-" + std::to_string(l.old_side->end_line) +
                     ", new lines " + std::to_string(f.new_side->line) + "-" + std::to_string(l.new_side->end_line) +
                     "): " + std::to_string(e - k) + " paragraphs " + change_list(f));
                k = e;
                continue;
            }
            if (e > k) {
                for (; k < e; ++k) entry(list[k], indent);
                continue;
            }
            if (list[k].changed_deep()) entry(list[k], indent);
            ++k;
        }
    }

    static bool only_relabelled(const DiffEntry& e) {
        if (e.changes.size() != 1 || !(e.has(Change::Renumbered) || e.has(Change::Relettered))) return false;
        for (const DiffEntry& c : e.children)
            if (c.changed_deep()) return false;
        return true;
    }

private:
    bool color_;
};

std::string field_name(const std::string& f) {
    std::string s = f;
    for (char& c : s)
        if (c == '_') c = ' ';
    return s;
}

}  // namespace

std::string diff_to_text(const DocDiff& d, const DiffRenderOptions& opts) {
    TextOut t(opts.color);
    t.title("--- " + safe(d.old_path));
    t.title("+++ " + safe(d.new_path));
    if (!d.header.empty()) {
        t.title("header:");
        for (const FieldChange& c : d.header) {
            t.out += "  " + field_name(c.field) + ": ";
            switch (c.kind) {
                case FieldChange::Kind::SponsorWithdrawn: t.out += "withdrawn "; t.del(c.old_value); break;
                case FieldChange::Kind::SponsorAdded: t.out += "added "; t.ins(c.new_value); break;
                // An adopted resolution prints no sponsors: the list is absent, not withdrawn.
                case FieldChange::Kind::Removed:
                    if (c.field == "sponsors") t.out += "listed in the old version only: ";
                    t.del(c.old_value);
                    break;
                case FieldChange::Kind::Added:
                    if (c.field == "sponsors") t.out += "listed in the new version only: ";
                    t.ins(c.new_value);
                    break;
                default:
                    if (!c.old_value.empty()) t.del(c.old_value);
                    if (!c.old_value.empty() && !c.new_value.empty()) t.out += " ";
                    if (!c.new_value.empty()) t.ins(c.new_value);
            }
            std::string at;
            if (c.old_line) at += "old line " + std::to_string(c.old_line);
            if (c.new_line) at += std::string(at.empty() ? "" : ", ") + "new line " + std::to_string(c.new_line);
            if (!at.empty()) t.out += " (" + at + ")";
            t.out += "\n";
        }
    }
    bool body = false;
    for (const DiffEntry& e : d.body) body = body || e.changed_deep();
    if (body) {
        t.title("paragraphs:");
        t.print_children(d.body, 0);
    }
    bool notes = false;
    for (const DiffEntry& e : d.footnotes) notes = notes || e.changed_deep();
    if (notes) {
        t.title("footnotes:");
        t.print_children(d.footnotes, 0);
    }
    for (const std::string& n : d.notes) t.out += "note: " + safe(n) + "\n";
    DocDiff::Counts c = d.counts();
    if (d.same()) {
        t.out += "no differences\n";
    } else {
        t.out += std::to_string(c.header) + " header changes, " + std::to_string(c.inserted) + " inserted, " +
                 std::to_string(c.deleted) + " deleted, " + std::to_string(c.moved) + " moved, " +
                 std::to_string(c.part) + " changed part, " + std::to_string(c.reworded) + " reworded, " +
                 std::to_string(c.relabelled) + " renumbered or relettered, " + std::to_string(c.footnotes) +
                 " footnotes changed\n";
    }
    return t.out;
}

namespace {

void write_side(json::Writer& w, const std::optional<DiffSide>& s) {
    if (!s) { w.null(); return; }
    w.begin_object();
    w.key("part").string(s->part);
    w.key("ref").string(s->ref);
    w.key("label").string_or_null(s->label);
    w.key("num").string_or_null(s->num);
    w.key("line").number_or_null(s->line);
    w.key("end_line").number_or_null(s->end_line);
    w.key("heading").string_or_null(s->heading);
    w.key("text").string(s->text);
    w.end_object();
}

void write_entry(json::Writer& w, const DiffEntry& e) {
    w.begin_object();
    w.key("kind").string(e.kind());
    w.key("changes").begin_array();
    for (Change c : e.changes) w.string(to_string(c));
    w.end_array();
    w.key("old");
    write_side(w, e.old_side);
    w.key("new");
    write_side(w, e.new_side);
    w.key("similarity_pct").number(static_cast<std::int64_t>(e.similarity * 100.0 + 0.5));
    if (e.has(Change::Reworded)) {
        w.key("words").begin_array();
        for (const WordRun& r : e.words) {
            w.begin_object();
            w.key("op").string(r.op == WordRun::Op::Same ? "same" : r.op == WordRun::Op::Del ? "del" : "ins");
            w.key("text").string(r.text);
            w.end_object();
        }
        w.end_array();
        w.key("words_capped").boolean(e.words_capped);
    }
    w.key("children").begin_array();
    for (const DiffEntry& c : e.children) write_entry(w, c);
    w.end_array();
    w.end_object();
}

}  // namespace

std::string diff_to_json(const DocDiff& d) {
    json::Writer w;
    w.begin_object();
    w.key("unres_diff_version").number(kDiffJsonVersion);
    w.key("old").begin_object();
    w.key("path").string(d.old_path);
    w.end_object();
    w.key("new").begin_object();
    w.key("path").string(d.new_path);
    w.end_object();
    w.key("same").boolean(d.same());
    DocDiff::Counts c = d.counts();
    w.key("summary").begin_object();
    w.key("header").number(static_cast<std::int64_t>(c.header));
    w.key("inserted").number(static_cast<std::int64_t>(c.inserted));
    w.key("deleted").number(static_cast<std::int64_t>(c.deleted));
    w.key("moved").number(static_cast<std::int64_t>(c.moved));
    w.key("part_changed").number(static_cast<std::int64_t>(c.part));
    w.key("reworded").number(static_cast<std::int64_t>(c.reworded));
    w.key("relabelled").number(static_cast<std::int64_t>(c.relabelled));
    w.key("heading").number(static_cast<std::int64_t>(c.heading));
    w.key("footnotes").number(static_cast<std::int64_t>(c.footnotes));
    w.end_object();
    w.key("header").begin_array();
    for (const FieldChange& f : d.header) {
        w.begin_object();
        w.key("field").string(f.field);
        w.key("kind").string(to_string(f.kind));
        w.key("old").string_or_null(f.old_value);
        w.key("new").string_or_null(f.new_value);
        w.key("old_line").number_or_null(f.old_line);
        w.key("new_line").number_or_null(f.new_line);
        w.end_object();
    }
    w.end_array();
    w.key("body").begin_array();
    for (const DiffEntry& e : d.body) write_entry(w, e);
    w.end_array();
    w.key("footnotes").begin_array();
    for (const DiffEntry& e : d.footnotes) write_entry(w, e);
    w.end_array();
    w.key("notes").begin_array();
    for (const std::string& n : d.notes) w.string(n);
    w.end_array();
    w.end_object();
    return w.take_document();
}

}  // namespace unres
