// Plain-text and markdown writer (`convert --to text|markdown`).
//
// The layout follows the UN's printed form, one element per line and blocks separated
// by a blank line, so a text reader can read it back to the same tree:
//
//   United Nations / SYMBOL / BODY / Distr.: X / DATE / Original: LANG     (one per line)
//   SESSION / COMMITTEE / Agenda item N / AGENDA TITLE                   (one per line)
//   SPONSOR, SPONSOR and SPONSOR: DOCUMENT TYPE                           (or the sponsor line)
//   Resolution adopted by the BODY on DATE / [ORIGIN]                     (adopted texts)
//   NUMBER. TITLE                                                         (md: "## ")
//   The General Assembly,
//   preambular paragraphs, each a block; their sub-paragraphs "(a) text"
//   SECTION NUM / SECTION HEADING                                         (md: "## ")
//   sub-heading                                                           (md: "### ")
//   "1. text", sub-paragraphs "(a) text", "(i) text" ... as blocks, no indentation
//   amendment instructions as paragraphs; unclassified blocks (text the builder could
//   not place, tables) after them as "| text", so no text is lost and they read back as such
//   MEETING / DATE                                                        (closing)
//   Annex N / TITLE, then the annex's paragraphs                          (md: "## ")
//   footnotes: text: a rule "__________" then "N footnote text" (one line each, as printed);
//              markdown: "<sup>N</sup> footnote text" (one block each)
//
// Plain text (`--to text`) is clean text, no markup: a footnote mark is written where it
// stands as superscript digits ("conflicts,²² and"; "*" as is), and every footnote body
// after the body of the text, in number order, under the footnote rule.  Markdown writes a
// mark `<sup>N</sup>` (N as is, "*" included, never escaped), its italic ranges `*...*`,
// and backslash-escapes `\ * _ <` in paragraph text (header fields are written as they are:
// the reader takes header lines literally); there a note whose mark the input lacks (an
// orphan note) is written right after the paragraph that carries it, so that it reads back
// attached to that paragraph, and the other notes follow at the end.  Dates are printed
// "19 December 2023".
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "unres/writers.hpp"
#include "words.hpp"
#include "writers/sections.hpp"

namespace unres {
namespace {

bool iso_date(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (d[i] < '0' || d[i] > '9') return false;
    int m = (d[5] - '0') * 10 + (d[6] - '0');
    int day = (d[8] - '0') * 10 + (d[9] - '0');
    return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

std::string printed_date(const std::string& iso) {
    if (!iso_date(iso)) return iso;
    int m = (iso[5] - '0') * 10 + (iso[6] - '0');
    std::string day = iso.substr(8, 2);
    if (day[0] == '0') day.erase(0, 1);
    return day + " " + std::string(words::month_name(m)) + " " + iso.substr(0, 4);
}

std::size_t floor_boundary(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return s.size();
    for (int k = 0; k < 3 && pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80; ++k) --pos;
    return pos;
}

std::string label_of(const Para& p) { return p.display_label(); }

class TextWriter {
public:
    TextWriter(const Document& doc, bool md)
        : doc_(doc), md_(md), note_written_(doc.footnotes.size(), false), table_places_(doc.tables) {}

    std::string run() {
        header();
        if (!doc_.authority.value.empty()) block(esc(doc_.authority.value));
        for (const auto& p : doc_.preamble)
            if (p.section.empty()) para(p);
        body(doc_.preamble, doc_.operative, doc_.sections);
        for (const auto& p : doc_.instructions) para(p);
        // "| " marks them as unstructured (a table row to the reader), so they read back as such
        for (const auto& b : doc_.unclassified) block("| " + esc(b.text));
        closing();
        for (const auto& a : doc_.annexes) annex(a);
        if (!md_ && !doc_.footnotes.empty()) {
            // as printed: the rule, then one line per note
            std::string notes = "__________";
            for (const auto& f : doc_.footnotes) notes += "\n" + mark_num(f.num) + " " + esc(f.text);
            block(notes);
            return out_;
        }
        for (std::size_t i = 0; i < doc_.footnotes.size(); ++i)
            if (!note_written_[i]) footnote(i);
        return out_;
    }

private:
    const Document& doc_;
    bool md_;
    std::string out_;
    std::vector<bool> note_written_;
    TablePlaces table_places_;

    void footnote(std::size_t i) {
        const Footnote& f = doc_.footnotes[i];
        block("<sup>" + mark_num(f.num) + "</sup> " + esc(f.text));
        note_written_[i] = true;
    }

    /// A note whose mark the input lacks is written right after the paragraph that
    /// carries it (where a page would end), so a reader attaches it to that paragraph.
    void orphan_notes(const Para& p) {
        if (!md_) return;  // plain text: every note after the body
        for (const auto& num : p.orphan_notes) {
            for (std::size_t i = 0; i < doc_.footnotes.size(); ++i) {
                if (!note_written_[i] && doc_.footnotes[i].num == num) {
                    footnote(i);
                    break;
                }
            }
        }
    }

    void block(const std::string& text) {
        if (!out_.empty()) out_ += '\n';
        out_ += text;
        out_ += '\n';
    }
    void lines(const std::vector<std::string>& ls) {
        std::string b;
        for (const auto& l : ls) {
            if (l.empty()) continue;
            if (!b.empty()) b += '\n';
            b += l;
        }
        if (!b.empty()) block(b);
    }
    void heading(const std::string& text, int level, bool escape = true) {
        if (text.empty()) return;
        std::string t = escape ? esc(text) : text;
        block(md_ ? std::string(static_cast<std::size_t>(level), '#') + " " + t : t);
    }

    /// Header fields: one line each, never markdown-escaped (the reader takes header
    /// lines as they are).
    static std::string hesc(std::string_view s) {
        std::string out(s);
        for (auto& c : out)
            if (c == '\r' || c == '\n') c = ' ';
        return out;
    }

    std::string esc(std::string_view s) const {
        std::string out;
        out.reserve(s.size());
        for (char c : s) {
            if (c == '\r' || c == '\n') {
                out += ' ';  // one element per line
                continue;
            }
            if (md_ && (c == '\\' || c == '*' || c == '_' || c == '<')) out += '\\';
            out += c;
        }
        return out;
    }

    /// A mark in clean text: its digits as superscript digits ("22" -> "²²"), other characters
    /// ("*") as they are.
    static std::string superscript(std::string_view num) {
        static constexpr std::string_view kDigits[] = {"\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
                                                       "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
        std::string out;
        for (char c : num)
            if (c >= '0' && c <= '9') out += kDigits[c - '0'];
            else if (c != '<' && c != '>' && c != '\n' && c != '\r') out += c;
        return out;
    }

    /// A footnote number inside <sup>...</sup>: never escaped (a reader takes it as is).
    static std::string mark_num(std::string_view num) {
        std::string out;
        for (char c : num)
            if (c != '<' && c != '>' && c != '\n' && c != '\r') out += c;
        return out;
    }

    void header() {
        const auto& m = doc_.meta;
        std::vector<std::string> a;
        if (m.symbol.present() || m.body.present()) a.push_back("United Nations");
        a.push_back(hesc(m.symbol.value));
        a.push_back(hesc(m.body.value));
        if (m.distribution.present()) a.push_back("Distr.: " + hesc(m.distribution.value));
        a.push_back(hesc(printed_date(m.date.value)));
        if (m.original_language.present()) a.push_back("Original: " + hesc(m.original_language.value));
        lines(a);

        std::vector<std::string> b{hesc(m.session.value), hesc(m.committee.value)};
        {
            // one line, as printed: "Agenda item 71 (b)", "Agenda items 13 and 117"
            std::vector<std::string> items;
            for (const auto& it : m.agenda_items)
                if (it.present()) items.push_back(hesc(it.value));
            std::string line;
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (i > 0) line += (i + 1 == items.size()) ? " and " : ", ";
                line += items[i];
            }
            if (!items.empty()) b.push_back((items.size() == 1 ? "Agenda item " : "Agenda items ") + line);
        }
        b.push_back(hesc(m.agenda_title.value));
        lines(b);

        std::string sponsors;
        std::vector<const Field*> names;
        for (const auto& s : m.sponsors)
            if (s.present()) names.push_back(&s);
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (i > 0) sponsors += (i + 1 == names.size()) ? " and " : ", ";
            sponsors += hesc(names[i]->value);
        }
        bool adopted = doc_.kind == DocKind::Resolution || doc_.kind == DocKind::Decision;
        std::string type = m.document_type.value;
        auto lower = [](std::string v) {
            for (auto& ch : v)
                if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
            return v;
        };
        if (names.empty() && m.sponsor_text.present()) {
            // a Chair's or Vice-Chair's text: "Draft resolution submitted by the Chair ..."
            // names its type itself
            sponsors = hesc(m.sponsor_text.value);
            if (lower(m.sponsor_text.value).rfind(lower(type), 0) == 0) type.clear();
        }
        // adopted texts: the "Resolution adopted by ..." line gives the type
        if (adopted && (lower(type) == "resolution" || lower(type) == "decision")) type.clear();
        // an amendment names what it amends: "Denmark: amendment to A/C.2/80/L.13/Rev.1"
        if (doc_.kind == DocKind::Amendment && m.target.present() && !type.empty()) type += " to " + m.target.value;
        if (!sponsors.empty() && !type.empty())
            block(sponsors + ": " + hesc(type));
        else
            lines({sponsors, hesc(type)});

        std::vector<std::string> c;
        if (adopted) {
            std::string body = m.body.present() ? m.body.value : std::string("General Assembly");
            std::string line = std::string(doc_.kind == DocKind::Decision ? "Decision" : "Resolution") + " adopted by the " + hesc(body);
            if (m.adoption_date.present()) line += " on " + hesc(printed_date(m.adoption_date.value));
            c.push_back(line);
        }
        c.push_back(hesc(m.origin.value));
        lines(c);

        std::string title = hesc(m.title.value);
        if (adopted && m.number.present()) title = hesc(m.number.value) + "." + (title.empty() ? "" : " " + title);
        heading(title, 2, false);
    }

    /// The paragraph text with `<sup>N</sup>` at each mark and, in markdown, `*italics*`.
    std::string inline_text(const Para& p) const {
        const std::string& t = p.text;
        const std::size_t n = t.size();
        std::vector<std::pair<std::size_t, std::size_t>> ital;
        if (md_) {
            for (const auto& r : p.italics) {
                std::size_t b = floor_boundary(t, r.begin), e = floor_boundary(t, r.end);
                if (b < e) ital.emplace_back(b, e);
            }
            std::sort(ital.begin(), ital.end());
            std::vector<std::pair<std::size_t, std::size_t>> merged;
            for (const auto& r : ital) {
                if (!merged.empty() && r.first <= merged.back().second)
                    merged.back().second = std::max(merged.back().second, r.second);
                else
                    merged.push_back(r);
            }
            ital = std::move(merged);
        }
        std::vector<std::pair<std::size_t, std::string>> marks;
        for (const auto& mk : p.marks) marks.emplace_back(floor_boundary(t, mk.pos), mk.num);
        std::stable_sort(marks.begin(), marks.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

        std::vector<std::size_t> cuts{0, n};
        for (const auto& r : ital) {
            cuts.push_back(r.first);
            cuts.push_back(r.second);
        }
        for (const auto& m : marks) cuts.push_back(m.first);
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

        std::string out;
        std::size_t mi = 0, ri = 0;
        for (std::size_t k = 0; k < cuts.size(); ++k) {
            std::size_t at = cuts[k];
            while (mi < marks.size() && marks[mi].first == at) {
                const std::string& num = marks[mi++].second;
                out += md_ ? "<sup>" + mark_num(num) + "</sup>" : superscript(num);
            }
            if (k + 1 == cuts.size()) break;
            std::size_t end = cuts[k + 1];
            while (ri < ital.size() && ital[ri].second <= at) ++ri;
            bool italic = ri < ital.size() && ital[ri].first <= at && at < ital[ri].second;
            std::string_view seg(t.data() + at, end - at);
            if (!italic) {
                out += esc(seg);
                continue;
            }
            // keep the spaces outside the emphasis, or markdown ignores it
            std::size_t b = seg.find_first_not_of(' ');
            if (b == std::string_view::npos) {
                out += seg;
                continue;
            }
            std::size_t e = seg.find_last_not_of(' ') + 1;
            out += seg.substr(0, b);
            out += "*" + esc(seg.substr(b, e - b)) + "*";
            out += seg.substr(e);
        }
        return out;
    }

    void para(const Para& p) {
        if (!p.heading.empty()) heading(p.heading, 3);
        std::string lab = label_of(p);
        std::string text = inline_text(p);
        if (!lab.empty() || !text.empty()) block(lab.empty() ? text : (text.empty() ? lab : lab + " " + text));
        orphan_notes(p);
        for (const auto& c : p.children) para(c);
    }

    /// The tables of a part (annex index, -1 = the resolution) that stand after `after` of its
    /// top-level paragraphs: "| cell | cell |", a line per row.
    void tables(int annex, std::size_t after) {
        for (const Table* tp : table_places_.at(annex, after)) {
            const Table& t = *tp;
            std::string rows;
            for (const auto& r : t.rows) {
                if (!rows.empty()) rows += '\n';
                rows += "|";
                for (const auto& c : r) rows += " " + esc(c) + " |";
            }
            if (!rows.empty()) block(rows);
        }
    }

    /// A body in sections as the AKN writer lays it out (writers/sections.hpp).
    void body(const std::vector<Para>& preamble, const std::vector<Para>& operative,
              const std::vector<Section>& sections, int annex = -1) {
        writers::SectionSlots slots(preamble, operative, sections);  // which section each run opens
        auto open = [&](const writers::SectionSlots::Open& o) {
            heading(*o.label, 2);
            if (o.info != nullptr) heading(o.info->heading, 2);
            for (const Para* p : slots.first_preamble(*o.label)) para(*p);
        };
        std::string current;
        std::size_t n = 0;
        for (const auto& p : operative) {
            tables(annex, n++);
            if (p.section != current) {
                current = p.section;
                if (!current.empty())
                    for (const auto& o : slots.run(current)) open(o);
            }
            para(p);
        }
        tables(annex, operative.size());
        for (const auto& o : slots.rest()) open(o);
    }

    void closing() {
        const Closing& c = doc_.closing;
        lines({esc(c.meeting), esc(printed_date(c.date))});
    }

    void annex(const Annex& a) {
        heading(a.num.empty() ? std::string("Annex") : "Annex " + a.num, 2);
        heading(a.title, 2);
        for (const auto& p : a.preamble)
            if (p.section.empty()) para(p);
        body(a.preamble, a.operative, a.sections, static_cast<int>(&a - doc_.annexes.data()));
    }
};

}  // namespace

std::string to_text(const Document& doc, bool markdown) {
    TextWriter w(doc, markdown);
    return w.run();
}

}  // namespace unres
