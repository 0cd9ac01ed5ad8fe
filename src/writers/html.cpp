// HTML pages: `unres diff --format html` (the two versions side by side) and
// `unres check --format html` (the document with its findings in place).
//
// Input: a DocDiff, or FileReports (whose sources are parsed again to lay the documents out).
// Output: one self-contained HTML5 page: inline CSS, no script, no external resource, readable in
// any browser offline.  Every text from the inputs is escaped; invalid UTF-8 and control
// characters become U+FFFD, so the page is always well-formed UTF-8.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "unres/diff.hpp"
#include "unres/html.hpp"
#include "unres/parse.hpp"
#include "unres/validate.hpp"
#include "utf8.hpp"

namespace unres {
namespace {

void esc(std::string& out, std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                case '\'': out += "&#39;"; break;
                case '\n': case '\r': case '\t': out += ' '; break;
                default:
                    if (c < 0x20 || c == 0x7F) out += "\xEF\xBF\xBD";
                    else out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        std::size_t len = utf8::valid_sequence(s, i);
        if (len == 0) { out += "\xEF\xBF\xBD"; ++i; continue; }
        std::size_t j = i;
        char32_t cp = utf8::next(s, j);
        if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
            out += "\xEF\xBF\xBD";
        else
            out.append(s.substr(i, len));
        i += len;
    }
}

std::string esc(std::string_view s) {
    std::string out;
    esc(out, s);
    return out;
}

const char* const kStyle = R"css(
:root{--del:#ffe0e0;--del-ink:#8a1111;--ins:#dcf5dc;--ins-ink:#0b5a0b;--muted:#666;--line:#ddd}
*{box-sizing:border-box}
body{font:15px/1.5 "Liberation Serif","Times New Roman",Georgia,serif;color:#111;background:#fff;margin:0;padding:1.5em 2em}
h1{font:600 1.4em/1.2 "Liberation Sans",Arial,sans-serif;margin:0 0 .3em}
h2{font:600 1.1em/1.2 "Liberation Sans",Arial,sans-serif;margin:1.6em 0 .5em;border-bottom:2px solid #333;padding-bottom:.2em}
h3{font:600 1em/1.2 "Liberation Sans",Arial,sans-serif;margin:1.2em 0 .4em}
.paths,.summary,.meta,.notes{font-family:"Liberation Sans",Arial,sans-serif;font-size:.9em}
.paths code{background:#f3f3f3;padding:0 .3em}
.summary span{display:inline-block;margin:0 .8em .3em 0;padding:.1em .5em;border-radius:3px;background:#eee}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{vertical-align:top;text-align:left;padding:.35em .5em;border-bottom:1px solid var(--line)}
th{font:600 .85em "Liberation Sans",Arial,sans-serif;background:#f4f4f4}
col.k{width:8.5em}
td.k{font:.75em/1.3 "Liberation Sans",Arial,sans-serif;color:var(--muted)}
td.k b{display:block;color:#111;text-transform:uppercase;letter-spacing:.03em}
td.gap{background:repeating-linear-gradient(45deg,#fafafa,#fafafa 6px,#f0f0f0 6px,#f0f0f0 12px)}
tr.same td.side{color:#444}
tr.inserted td.new,tr.sub-inserted td.new{background:#f1fbf1}
tr.deleted td.old,tr.sub-deleted td.old{background:#fdf2f2}
tr.moved td,tr.to_operative td,tr.to_preambular td,tr.part_changed td{background:#f3f3ff}
.ref{font:600 .75em "Liberation Sans",Arial,sans-serif;color:var(--muted);margin-right:.5em}
.ln{font:.75em "Liberation Sans",Arial,sans-serif;color:var(--muted);float:right}
.lbl{font-weight:700;margin-right:.4em}
.hd{font-style:italic;display:block}
.was{display:block;font:.75em "Liberation Sans",Arial,sans-serif;color:#3b3b9a}
del{background:var(--del);color:var(--del-ink);text-decoration:line-through}
ins{background:var(--ins);color:var(--ins-ink);text-decoration:none;border-bottom:1px solid #7bc47b}
.lvl1{padding-left:1.8em}.lvl2{padding-left:3.6em}.lvl3{padding-left:5.4em}.lvl4{padding-left:7.2em}.lvl5{padding-left:9em}
.doc p{margin:.3em 0}
.para{margin:.45em 0}
.para.sub{margin-left:2em}
.finding{font:.85em/1.4 "Liberation Sans",Arial,sans-serif;margin:.25em 0 .6em;padding:.35em .6em;border-left:4px solid;border-radius:2px}
.finding.error{border-color:#c0262d;background:#fdecec}
.finding.warning{border-color:#d98b00;background:#fff5e0}
.finding.note{border-color:#2f6fbf;background:#eaf2fc}
.finding .sev{font-weight:700;text-transform:uppercase;margin-right:.4em}
.finding .rule{color:var(--muted);margin-left:.4em}
.finding .fnote{display:block;color:var(--muted)}
mark{background:#ffe58a;padding:0 .05em}
.fn{font-size:.9em}
.toc{font:.85em "Liberation Sans",Arial,sans-serif;columns:2;margin:.5em 0}
.toc a{color:#1a4f9c}
sup{font-size:.7em}
)css";

void page_start(std::string& out, const std::string& title) {
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"unres " UNRES_VERSION "\">\n<title>";
    esc(out, title);
    out += "</title>\n<style>";
    out += kStyle;
    out += "</style>\n</head>\n<body>\n";
}

void page_end(std::string& out) { out += "</body>\n</html>\n"; }

std::string kind_words(std::string_view k) {
    std::string s(k);
    for (char& c : s)
        if (c == '_') c = ' ';
    return s;
}

// ---------------------------------------------------------------------------------------------
// diff

std::string line_text(const DiffSide& s) {
    if (!s.line) return {};
    if (s.end_line && s.end_line != s.line) return "lines " + std::to_string(s.line) + "–" + std::to_string(s.end_line);
    return "line " + std::to_string(s.line);
}

/// One side of a row: label, heading, text with the word runs of that side marked.
void side_cell(std::string& out, const DiffEntry& e, bool old, int depth) {
    const std::optional<DiffSide>& s = old ? e.old_side : e.new_side;
    if (!s) { out += "<td class=\"side gap\"></td>"; return; }
    out += "<td class=\"side ";
    out += old ? "old" : "new";
    out += " lvl" + std::to_string(std::min(depth, 5)) + "\">";
    out += "<span class=\"ln\">" + esc(line_text(*s)) + "</span><span class=\"ref\">" + esc(s->ref) + "</span>";
    if (!old && e.old_side && e.new_side && e.old_side->ref != e.new_side->ref &&
        (e.has(Change::Moved) || e.has(Change::ToOperative) || e.has(Change::ToPreambular) || e.has(Change::PartChanged)))
        out += "<span class=\"was\">was " + esc(e.old_side->ref) + " (old " + esc(line_text(*e.old_side)) + ")</span>";
    bool one_sided = e.has(Change::Inserted) || e.has(Change::Deleted);
    const char* tag = old ? "del" : "ins";
    // A run's leading and trailing spaces stay outside the mark: only the words are highlighted.
    auto wrap = [&](std::string_view text, bool mark) {
        std::size_t lead = 0;
        while (mark && lead < text.size() && text[lead] == ' ') ++lead;
        if (lead == text.size()) lead = 0;
        out.append(lead, ' ');
        text.remove_prefix(lead);
        std::size_t trail = 0;
        while (mark && trail < text.size() && text[text.size() - 1 - trail] == ' ') ++trail;
        if (trail == text.size()) trail = 0;
        text.remove_suffix(trail);
        if (mark) out += std::string("<") + tag + ">";
        esc(out, text);
        if (mark) out += std::string("</") + tag + ">";
        out.append(trail, ' ');
    };
    if (!s->heading.empty()) {
        out += "<span class=\"hd\">";
        wrap(s->heading, one_sided || e.has(Change::Heading));
        out += "</span>";
    }
    bool relabel = e.old_side && e.new_side && e.old_side->label != e.new_side->label;
    if (!s->label.empty()) {
        out += "<span class=\"lbl\">";
        wrap(s->label, one_sided || relabel);
        out += "</span>";
    }
    if (one_sided) {
        wrap(s->text, true);
    } else if (e.has(Change::Reworded)) {
        for (const WordRun& r : e.words) {
            if (r.op == WordRun::Op::Same) esc(out, r.text);
            else if ((r.op == WordRun::Op::Del) == old) wrap(r.text, true);
        }
    } else {
        esc(out, s->text);
    }
    out += "</td>";
}

/// The changed rows, for the index of changes at the top of the page (links, no script).
struct ChangeIndex {
    std::string items;
    std::size_t n = 0;
};

std::string entry_ref(const DiffEntry& e) {
    if (e.old_side && e.new_side && e.old_side->ref != e.new_side->ref) return e.old_side->ref + " → " + e.new_side->ref;
    return e.new_side ? e.new_side->ref : e.old_side->ref;
}

void diff_rows(std::string& out, const std::vector<DiffEntry>& list, int depth, bool inherited_one_sided, ChangeIndex& idx) {
    for (const DiffEntry& e : list) {
        std::string kind(e.kind());
        std::string cls = e.changed() ? kind : "same";
        if (inherited_one_sided) cls = "sub-" + kind;
        out += "<tr class=\"" + cls + "\"";
        if (e.changed() && !inherited_one_sided) {
            std::string id = "c" + std::to_string(++idx.n);
            out += " id=\"" + id + "\"";
            std::string what;
            for (Change c : e.changes) what += (what.empty() ? "" : ", ") + kind_words(to_string(c));
            idx.items += "<li><a href=\"#" + id + "\">" + esc(entry_ref(e)) + "</a> " + esc(what) + "</li>";
        }
        out += "><td class=\"k\">";
        if (e.changed() && !inherited_one_sided) {
            for (Change c : e.changes) out += "<b>" + esc(kind_words(to_string(c))) + "</b>";
            if (e.has(Change::Reworded) && e.words_capped) out += "(changed middle shown whole)";
        }
        out += "</td>";
        side_cell(out, e, true, depth);
        side_cell(out, e, false, depth);
        out += "</tr>\n";
        diff_rows(out, e.children, depth + 1, inherited_one_sided || e.has(Change::Inserted) || e.has(Change::Deleted), idx);
    }
}

void diff_table(std::string& out, const std::vector<DiffEntry>& list, const DocDiff& d, ChangeIndex& idx) {
    out += "<table class=\"sbs\"><colgroup><col class=\"k\"><col><col></colgroup>\n<thead><tr><th>change</th><th>old: ";
    esc(out, d.old_path);
    out += "</th><th>new: ";
    esc(out, d.new_path);
    out += "</th></tr></thead>\n<tbody>\n";
    diff_rows(out, list, 0, false, idx);
    out += "</tbody></table>\n";
}

}  // namespace

std::string diff_to_html(const DocDiff& d) {
    std::string out;
    page_start(out, "unres diff: " + d.old_path + " → " + d.new_path);
    out += "<h1>Comparison of two versions</h1>\n<p class=\"paths\">old <code>";
    esc(out, d.old_path);
    out += "</code> → new <code>";
    esc(out, d.new_path);
    out += "</code></p>\n<p class=\"summary\">";
    DocDiff::Counts c = d.counts();
    if (d.same()) {
        out += "<span>no differences: same structure and text</span>";
    } else {
        auto chip = [&](std::size_t n, const char* what) {
            out += "<span>" + std::to_string(n) + " " + what + "</span>";
        };
        chip(c.header, "header changes");
        chip(c.inserted, "inserted");
        chip(c.deleted, "deleted");
        chip(c.moved, "moved");
        chip(c.part, "changed part");
        chip(c.reworded, "reworded");
        chip(c.relabelled, "renumbered or relettered");
        chip(c.footnotes, "footnotes changed");
    }
    out += "</p>\n";
    if (!d.notes.empty()) {
        out += "<ul class=\"notes\">";
        for (const std::string& n : d.notes) out += "<li>" + esc(n) + "</li>";
        out += "</ul>\n";
    }
    out += "<h2>Header</h2>\n";
    if (d.header.empty()) {
        out += "<p class=\"meta\">The header is the same.</p>\n";
    } else {
        out += "<table class=\"fields\"><colgroup><col class=\"k\"><col><col></colgroup>\n<thead><tr><th>field</th><th>old</th><th>new</th></tr></thead>\n<tbody>\n";
        for (const FieldChange& f : d.header) {
            out += "<tr><td class=\"k\"><b>" + esc(kind_words(f.field)) + "</b>" + esc(kind_words(to_string(f.kind))) + "</td>";
            out += f.old_value.empty() ? "<td class=\"side gap\"></td>" : "<td class=\"side old\">";
            if (!f.old_value.empty()) {
                if (f.old_line) out += "<span class=\"ln\">line " + std::to_string(f.old_line) + "</span>";
                out += "<del>" + esc(f.old_value) + "</del></td>";
            }
            out += f.new_value.empty() ? "<td class=\"side gap\"></td>" : "<td class=\"side new\">";
            if (!f.new_value.empty()) {
                if (f.new_line) out += "<span class=\"ln\">line " + std::to_string(f.new_line) + "</span>";
                out += "<ins>" + esc(f.new_value) + "</ins></td>";
            }
            out += "</tr>\n";
        }
        out += "</tbody></table>\n";
    }
    // The tables first, so that the index of their changed rows can precede them.
    ChangeIndex idx;
    std::string tables = "<h2>Paragraphs</h2>\n";
    if (d.body.empty()) tables += "<p class=\"meta\">Neither version has paragraphs.</p>\n";
    else diff_table(tables, d.body, d, idx);
    tables += "<h2>Footnotes</h2>\n";
    if (d.footnotes.empty()) tables += "<p class=\"meta\">Neither version has footnotes.</p>\n";
    else diff_table(tables, d.footnotes, d, idx);
    if (idx.n) out += "<h2>Changes</h2>\n<ol class=\"toc\">" + idx.items + "</ol>\n";
    out += tables;
    page_end(out);
    return out;
}

// ---------------------------------------------------------------------------------------------
// check

namespace {

struct Placed {
    const Diagnostic* d;
    std::size_t id;
};

class CheckPage {
public:
    CheckPage(std::string& out, const FileReport& f, const Document& doc, std::size_t file_index)
        : out_(out), f_(f), src_(*f.src), doc_(doc), fi_(file_index), table_places_(doc.tables) {}

    /// The tables of a part (annex index, -1 = the resolution) before its paragraph `index`.
    void tables(int annex, std::size_t index) {
        for (const Table* tp : table_places_.at(annex, index)) {
            const Table& t = *tp;
            out_ += "<table class=\"table\">\n";
            for (const auto& r : t.rows) {
                out_ += "<tr>";
                for (const auto& c : r) out_ += "<td>" + esc(c) + "</td>";
                out_ += "</tr>\n";
            }
            out_ += "</table>\n";
        }
    }

    void render() {
        std::vector<const Diagnostic*> all;
        for (const Diagnostic& d : f_.diagnostics) all.push_back(&d);
        claimed_.assign(all.size(), 0);
        out_ += "<section class=\"file\" id=\"file" + std::to_string(fi_) + "\">\n<h2>";
        esc(out_, src_.path().empty() ? std::string("<unknown>") : src_.path());
        out_ += "</h2>\n";
        std::size_t errors = 0, warnings = 0, notes = 0;
        for (const Diagnostic* d : all) {
            if (d->severity == Severity::Error) ++errors;
            else if (d->severity == Severity::Warning) ++warnings;
            else ++notes;
        }
        out_ += "<p class=\"summary\"><span>" + std::to_string(errors) + " errors</span><span>" +
                std::to_string(warnings) + " warnings</span><span>" + std::to_string(notes) + " notes</span><span>format " +
                esc(std::string(to_string(f_.format))) + "</span></p>\n";
        if (!all.empty()) {
            out_ += "<ol class=\"toc\">";
            for (std::size_t i = 0; i < all.size(); ++i) {
                LineCol lc = src_.location(all[i]->span.begin);
                out_ += "<li><a href=\"#" + anchor(i) + "\">" + std::to_string(lc.line) + ":" + std::to_string(lc.column) +
                        " " + esc(all[i]->rule) + "</a> " + esc(short_message(all[i]->message)) + "</li>";
            }
            out_ += "</ol>\n";
        }
        diags_ = all;
        by_begin_.resize(diags_.size());
        for (std::size_t i = 0; i < diags_.size(); ++i) by_begin_[i] = i;
        std::stable_sort(by_begin_.begin(), by_begin_.end(),
                         [&](std::size_t a, std::size_t b) { return diags_[a]->span.begin < diags_[b]->span.begin; });
        // A footnote's findings go under the footnote, though its body may sit inside a paragraph
        // that runs across a page: reserved for it (2) before the paragraphs take theirs.
        for (const Footnote& fn : doc_.footnotes)
            for (std::size_t i : starting_in(fn.span.begin, fn.span.end)) claimed_[i] = 2;

        // Each diagnostic goes to the innermost node whose span holds its start.
        out_ += "<div class=\"doc\">\n";
        header();
        if (doc_.authority.present()) para_like(doc_.authority.value, "", doc_.authority.span, "authority");
        if (!doc_.preamble.empty()) {
            for (const Para& p : doc_.preamble) para(p, 0);
        }
        std::string section;
        std::size_t n = 0;
        std::map<std::string_view, std::vector<const Section*>> sections;  // by label, in their order
        for (const Section& s : doc_.sections) sections[s.num].push_back(&s);
        for (const Para& p : doc_.operative) {
            tables(-1, n++);
            if (p.section != section) {
                section = p.section;
                if (auto it = sections.find(section); it != sections.end())
                    for (const Section* s : it->second)
                        out_ += "<h3>" + esc(s->num) + (s->heading.empty() ? "" : ". " + esc(s->heading)) + "</h3>\n";
            }
            para(p, 0);
        }
        tables(-1, doc_.operative.size());
        for (const Para& p : doc_.instructions) para(p, 0);
        for (const Block& b : doc_.unclassified) para_like(b.text, "", b.span, "unplaced text");
        if (!doc_.closing.meeting.empty() || !doc_.closing.date.empty())
            para_like(doc_.closing.meeting + (doc_.closing.date.empty() ? "" : ", " + doc_.closing.date), "", doc_.closing.span, "closing");
        for (const Annex& a : doc_.annexes) {
            out_ += "<h3>Annex" + (a.num.empty() ? std::string() : " " + esc(a.num)) + (a.title.empty() ? "" : ": " + esc(a.title)) + "</h3>\n";
            findings_in(a.span, true);
            for (const Para& p : a.preamble) para(p, 0);
            int ai = static_cast<int>(&a - doc_.annexes.data());
            std::size_t k = 0;
            for (const Para& p : a.operative) {
                tables(ai, k++);
                para(p, 0);
            }
            tables(ai, a.operative.size());
        }
        if (!doc_.footnotes.empty()) {
            out_ += "<h3>Footnotes</h3>\n";
            for (const Footnote& fn : doc_.footnotes) para_like(fn.text, fn.num, fn.span, "fn", true);
        }
        // What no node holds (a finding about the file as a whole, a place between paragraphs).
        bool any = false;
        for (std::size_t i = 0; i < diags_.size(); ++i)
            if (claimed_[i] != 1) any = true;
        if (any) {
            out_ += "<h3>Other findings</h3>\n";
            for (std::size_t i = 0; i < diags_.size(); ++i)
                if (claimed_[i] != 1) finding(i);
        }
        out_ += "</div>\n</section>\n";
    }

private:
    std::string anchor(std::size_t i) const { return "f" + std::to_string(fi_) + "-" + std::to_string(i + 1); }

    static std::string short_message(const std::string& m) {
        if (m.size() <= 120) return m;
        std::size_t cut = 117;
        while (cut > 0 && (static_cast<unsigned char>(m[cut]) & 0xC0) == 0x80) --cut;
        return m.substr(0, cut) + "...";
    }

    void header() {
        const Metadata& m = doc_.meta;
        out_ += "<div class=\"meta\">";
        auto row = [&](const char* name, const Field& fl) {
            if (!fl.present()) return;
            out_ += "<p><b>" + std::string(name) + ":</b> " + esc(fl.value) + "</p>";
        };
        row("Symbol", m.symbol);
        row("Body", m.body);
        row("Distribution", m.distribution);
        row("Date", m.date);
        row("Session", m.session);
        row("Committee", m.committee);
        if (!m.agenda_items.empty()) {
            out_ += "<p><b>Agenda item:</b> ";
            for (std::size_t i = 0; i < m.agenda_items.size(); ++i) out_ += (i ? ", " : "") + esc(m.agenda_items[i].value);
            if (m.agenda_title.present()) out_ += " " + esc(m.agenda_title.value);
            out_ += "</p>";
        }
        if (!m.sponsors.empty()) {
            out_ += "<p><b>Sponsors:</b> ";
            for (std::size_t i = 0; i < m.sponsors.size(); ++i) out_ += (i ? ", " : "") + esc(m.sponsors[i].value);
            out_ += "</p>";
        } else {
            row("Sponsors", m.sponsor_text);
        }
        row("Document type", m.document_type);
        row("Number", m.number);
        out_ += "</div>\n";
        if (m.title.present()) out_ += "<h3>" + esc(m.title.value) + "</h3>\n";
        // Findings before the first paragraph: the header's.
        std::uint32_t first = static_cast<std::uint32_t>(src_.text().size());
        auto lower = [&](const std::vector<Para>& v) {
            if (!v.empty()) first = std::min(first, v.front().span.begin);
        };
        lower(doc_.preamble);
        lower(doc_.operative);
        if (doc_.authority.present()) first = std::min(first, doc_.authority.span.begin);
        findings_in({0, first}, true);
    }

    /// The findings (indices into diags_, in that order) that start in [lo, hi), or at lo when
    /// `at_lo` and the range is empty: found by binary search in by_begin_, so that each node asks
    /// about its own findings only (a scan of every finding at every paragraph was quadratic).
    std::vector<std::size_t> starting_in(std::uint32_t lo, std::uint32_t hi, bool at_lo = false) const {
        auto begin_of = [&](std::size_t i) { return diags_[i]->span.begin; };
        auto from = std::lower_bound(by_begin_.begin(), by_begin_.end(), lo,
                                     [&](std::size_t i, std::uint32_t v) { return begin_of(i) < v; });
        std::vector<std::size_t> out;
        for (auto it = from; it != by_begin_.end(); ++it) {
            std::uint32_t b = begin_of(*it);
            if (!(b < hi || (at_lo && lo == hi && b == lo))) break;
            out.push_back(*it);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    /// Claims and prints the unclaimed findings starting in `span` (nested nodes claimed first);
    /// for a footnote, those reserved for footnotes.
    void findings_in(Span span, bool print, bool footnote = false) {
        for (std::size_t i : starting_in(span.begin, span.end, true)) {
            if (claimed_[i] != (footnote ? 2 : 0)) continue;
            claimed_[i] = 1;
            if (print) finding(i);
        }
    }

    void finding(std::size_t i) {
        const Diagnostic& d = *diags_[i];
        LineCol lc = src_.location(d.span.begin);
        std::string sev(to_string(d.severity));
        out_ += "<div class=\"finding " + sev + "\" id=\"" + anchor(i) + "\"><span class=\"sev\">" + sev +
                "</span>line " + std::to_string(lc.line) + ", column " + std::to_string(lc.column) + ": ";
        esc(out_, d.message);
        out_ += "<span class=\"rule\">[" + esc(d.rule) + "]</span>";
        for (const Related& r : d.notes) {
            LineCol rl = src_.location(r.span.begin);
            out_ += "<span class=\"fnote\">note, line " + std::to_string(rl.line) + ": " + esc(r.message) + "</span>";
        }
        out_ += "</div>\n";
    }

    /// Text offsets [b, e) in `p.text` of the source range of a diagnostic, when the map has it.
    static bool text_range(const Para& p, Span s, std::size_t& b, std::size_t& e) {
        if (p.map.empty()) return false;
        auto pos = [&](std::uint32_t off, std::size_t& out) {
            for (std::size_t k = 0; k < p.map.size(); ++k) {
                std::size_t tb = p.map[k].text_pos;
                std::size_t te = k + 1 < p.map.size() ? p.map[k + 1].text_pos : p.text.size();
                if (off >= p.map[k].src && off - p.map[k].src <= te - tb) {
                    out = tb + (off - p.map[k].src);
                    return true;
                }
            }
            return false;
        };
        if (!pos(s.begin, b)) return false;
        if (!pos(s.end, e) || e < b) e = b;
        b = std::min(b, p.text.size());
        e = std::min(e, p.text.size());
        while (b > 0 && b < p.text.size() && (static_cast<unsigned char>(p.text[b]) & 0xC0) == 0x80) --b;
        while (e < p.text.size() && (static_cast<unsigned char>(p.text[e]) & 0xC0) == 0x80) ++e;
        return e > b;
    }

    void para(const Para& p, int depth) {
        out_ += "<div class=\"para" + std::string(depth ? " sub" : "") + "\">";
        if (!p.heading.empty()) out_ += "<p class=\"hd\">" + esc(p.heading) + "</p>";
        out_ += "<p>";
        std::string label = p.display_label();
        if (!label.empty()) out_ += "<span class=\"lbl\">" + esc(label) + "</span>";
        // Marks of the findings inside this paragraph's own text (not its sub-paragraphs').
        std::vector<std::pair<std::size_t, std::size_t>> marks;
        Span own = p.span;
        if (!p.children.empty() && p.children.front().span.begin > own.begin) own.end = p.children.front().span.begin;
        for (std::size_t i : starting_in(own.begin, own.end)) {
            if (claimed_[i]) continue;
            std::size_t b = 0, e = 0;
            if (text_range(p, diags_[i]->span, b, e)) marks.push_back({b, e});
        }
        std::sort(marks.begin(), marks.end());
        std::size_t at = 0;
        // Footnote marks as superscripts, findings as <mark>.
        std::vector<Mark> fm = p.marks;
        std::sort(fm.begin(), fm.end(), [](const Mark& x, const Mark& y) { return x.pos < y.pos; });
        std::size_t mi = 0, ki = 0;
        auto emit_to = [&](std::size_t to) {
            while (at < to) {
                std::size_t next = to;
                if (mi < fm.size() && fm[mi].pos > at && fm[mi].pos < next) next = fm[mi].pos;
                esc(out_, std::string_view(p.text).substr(at, next - at));
                at = next;
                while (mi < fm.size() && fm[mi].pos <= at) out_ += "<sup>" + esc(fm[mi++].num) + "</sup>";
            }
        };
        while (mi < fm.size() && fm[mi].pos == 0) out_ += "<sup>" + esc(fm[mi++].num) + "</sup>";
        for (; ki < marks.size(); ++ki) {
            if (marks[ki].first < at) continue;
            emit_to(marks[ki].first);
            out_ += "<mark>";
            emit_to(marks[ki].second);
            out_ += "</mark>";
        }
        emit_to(p.text.size());
        while (mi < fm.size()) out_ += "<sup>" + esc(fm[mi++].num) + "</sup>";
        out_ += "</p>";
        for (const Para& c : p.children) para(c, depth + 1);
        findings_in(p.span, true);
        out_ += "</div>\n";
    }

    void para_like(const std::string& text, const std::string& label, Span span, const char* cls, bool footnote = false) {
        out_ += "<div class=\"para " + std::string(cls) + "\"><p>";
        if (!label.empty()) out_ += "<sup>" + esc(label) + "</sup> ";
        esc(out_, text);
        out_ += "</p>";
        findings_in(span, true, footnote);
        out_ += "</div>\n";
    }

    std::string& out_;
    const FileReport& f_;
    const SourceFile& src_;
    const Document& doc_;
    std::size_t fi_;
    TablePlaces table_places_;
    std::vector<const Diagnostic*> diags_;
    std::vector<std::size_t> by_begin_;  ///< indices into diags_ by the start of their span (stable)
    std::vector<char> claimed_;
};

}  // namespace

std::string render_html(const std::vector<FileReport>& files) {
    std::string out;
    std::size_t errors = 0, warnings = 0;
    for (const FileReport& f : files)
        for (const Diagnostic& d : f.diagnostics) {
            if (d.severity == Severity::Error) ++errors;
            else if (d.severity == Severity::Warning) ++warnings;
        }
    page_start(out, files.size() == 1 && files[0].src ? "unres check: " + files[0].src->path() : std::string("unres check"));
    out += "<h1>unres check</h1>\n<p class=\"summary\"><span>" + std::to_string(errors) + " errors</span><span>" +
           std::to_string(warnings) + " warnings</span><span>" + std::to_string(files.size()) + " files</span></p>\n";
    for (std::size_t i = 0; i < files.size(); ++i) {
        const FileReport& f = files[i];
        if (!f.src) continue;
        Document doc;
        try {
            doc = parse(*f.src, f.format);
        } catch (const InputError&) {
            // The file was checked, so it parses; keep the findings visible all the same.
        }
        CheckPage(out, f, doc, i + 1).render();
    }
    page_end(out);
    return out;
}

}  // namespace unres
