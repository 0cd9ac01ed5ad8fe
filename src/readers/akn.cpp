// Akoma Ntoso reader: official DGACM AKN4UN files and unres's own output profile.
//
// Parsed with pugixml from SourceFile::text() (parse_default + parse_ws_pcdata so that the
// single spaces between inline elements survive).  DOCTYPE declarations are skipped by
// pugixml without being processed (no parse_doctype): no DTD is loaded, no external
// entity is fetched and no entity declared in an internal subset is expanded.
//
// Every span is a byte offset into the XML text: element spans run from the '<' of the
// start tag to the '>' of the end tag; label spans and text maps point at the characters
// themselves (entity references and CRLF line ends are accounted for).
//
// DGACM mark-up quirks handled (see AKN-PROFILE.md and EDITORIAL-RULES.md):
//  * `sublist` as a sibling after a point: its points become children of that point;
//  * section preambles as `crossHeading refersTo="#preamble"`: preambular paragraphs with
//    `section` set;
//  * section numbers in `num`, in `p/num` (78/253, schema-invalid) or in a first
//    `subheading` holding only a roman numeral (76/241);
//  * paragraphs that follow the last section at body level (78/253 XXVI 1.-2.) stay in
//    that section;
//  * body-level `paragraph`s labelled "(a)", "(b)" ... (78/253 XXIV, 78/80 A) are
//    sub-paragraphs of the preceding numbered or unnumbered paragraph;
//  * an unnumbered, childless body paragraph ending in "," that is followed by numbered
//    paragraphs of the same section is preambular (78/253 XXVI "Recalls ...,");
//  * heading-styled paragraphs (class H1/H23/HCh..., or a heading with no content) and
//    unnumbered body paragraphs whose text does not end like a sentence ("I", "Legislative
//    activities", "Renewal of the mandate") are headings, not paragraphs; "A."/"B." captions and tables inside the operative part
//    are kept as unclassified blocks;
//  * documentCollection (78/80 A and B): every component is read; each part becomes a
//    section labelled with the part's letter ("A", "B"), so numbering may restart per
//    part and no text is lost;
//  * an unnumbered body paragraph that follows a paragraph or opens in lower case continues
//    it (DGACM cut S/RES/2584's mandate items in two); a preambular container opening in lower
//    case continues the one before; a list's wrapUp ends its last point's text (as the text
//    reader reads the same lines); a sublist inside a sublist belongs to the point before it;
//  * a `container` in mainBody whose text is a heading is a heading; an `alinea` ending in ':'
//    before the first paragraph is a presidential statement's formula (the authority);
//  * the labels (i)/(ii) are classified from the preceding sibling, but the XML nesting
//    is preserved as written (78/181's mis-nested letter (i) comes back as a roman child).
#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <set>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "readers/readers.hpp"
#include "unres/label.hpp"
#include "utf8.hpp"
#include "words.hpp"

namespace unres::readers {
namespace {

constexpr const char* kRuleXml = "UNR902";

/// Elements nested deeper than this are not read (UNR903): real Akoma Ntoso nests about 20 deep,
/// and the reader's walks over inline and structural mark-up recurse once or twice per level.
constexpr int kMaxXmlDepth = 256;

/// The first element (document order) nested more than `limit` elements deep, or an empty node.
/// Iterative: the depth is what is being checked.
pugi::xml_node deeper_than(const pugi::xml_document& doc, int limit) {
    int depth = 1;  // of n: the document element is at depth 1
    pugi::xml_node n = doc.first_child();
    while (n) {
        if (n.type() == pugi::node_element && depth > limit) return n;
        if (n.first_child()) {
            n = n.first_child();
            ++depth;
            continue;
        }
        while (n != doc && !n.next_sibling()) {
            n = n.parent();
            --depth;
        }
        if (n == doc) break;
        n = n.next_sibling();
    }
    return {};
}

std::string_view local_name(const pugi::xml_node& n) {
    std::string_view s = n.name();
    auto c = s.find(':');
    return c == std::string_view::npos ? s : s.substr(c + 1);
}

bool is(const pugi::xml_node& n, std::string_view name) { return n.type() == pugi::node_element && local_name(n) == name; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

std::string collapse(std::string_view s) {
    std::string out;
    bool pending = false;
    for (char c : s) {
        if (is_space(c)) {
            pending = !out.empty();
        } else {
            if (pending) out += ' ';
            pending = false;
            out += c;
        }
    }
    return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool has_class(const pugi::xml_node& n, std::string_view cls) {
    std::string_view v = n.attribute("class").value();
    std::size_t i = 0;
    while (i < v.size()) {
        while (i < v.size() && v[i] == ' ') ++i;
        std::size_t j = i;
        while (j < v.size() && v[j] != ' ') ++j;
        if (v.substr(i, j - i) == cls) return true;
        i = j;
    }
    return false;
}

// ---------------------------------------------------------------- labels

bool is_roman_lower(std::string_view s) { return label::is_roman(s); }
bool is_roman_upper(std::string_view s) { return label::is_upper_roman(s); }
bool is_letter_label(std::string_view s) { return label::is_letter(s); }

enum class LabelStyle { None, Paren, Dot, Bare };

struct ParsedLabel {
    std::string core;
    LabelStyle style = LabelStyle::None;
};

ParsedLabel parse_label(std::string_view raw) {
    ParsedLabel out;
    std::string s = trim(raw);
    if (s.empty()) return out;
    if (s.front() == '(' && s.back() == ')' && s.size() > 2) {
        out.core = trim(std::string_view(s).substr(1, s.size() - 2));
        out.style = LabelStyle::Paren;
    } else if (s.back() == ')' && s.size() > 1) {
        out.core = trim(std::string_view(s).substr(0, s.size() - 1));
        out.style = LabelStyle::Paren;
    } else if (s.back() == '.' && s.size() > 1) {
        out.core = trim(std::string_view(s).substr(0, s.size() - 1));
        out.style = LabelStyle::Dot;
    } else {
        out.core = s;
        out.style = LabelStyle::Bare;
    }
    return out;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Decides the kind of every label in a run of siblings, in order (EDITORIAL-RULES §4:
/// "(i)" after "(h)" is a letter, a first "(i)" is roman).
void classify_siblings(std::vector<Para>& items) {
    const Para* prev = nullptr;
    for (auto& p : items) {
        if (p.label.empty()) {
            p.kind = LabelKind::None;
            prev = &p;
            continue;
        }
        ParsedLabel l = parse_label(p.label);
        const std::string& c = l.core;
        bool digits = false;
        {
            // "1", "12", "1.1" (annex targets)
            digits = !c.empty() && (c[0] >= '0' && c[0] <= '9') &&
                     std::all_of(c.begin(), c.end(), [](char ch) { return (ch >= '0' && ch <= '9') || ch == '.'; });
        }
        if (digits) {
            p.kind = LabelKind::Number;
        } else if (is_letter_label(c) || is_roman_lower(c)) {
            // the sequence decides: (h)->(i) and (hh)->(ii) are letters, (t)->(i) opens a roman list
            label::Sequence seq;
            if (prev) {
                seq.prev = prev->kind;
                if (label::is_letter_kind(prev->kind)) seq.last_letter = label::letter_value(prev->num);
                if (label::is_roman_kind(prev->kind)) seq.last_roman = label::roman_value(prev->num);
            }
            seq.guess = c.size() > 1 ? LabelKind::Roman : LabelKind::Letter;
            p.kind = label::kind_in_sequence(c, l.style == LabelStyle::Dot, seq);
        } else {
            p.kind = LabelKind::None;  // "A.", "I", anything else: kept as written in num/label
        }
        p.num = c;
        prev = &p;
    }
}

bool is_sub_label(std::string_view raw) {
    ParsedLabel l = parse_label(raw);
    return l.style == LabelStyle::Paren && (is_letter_label(l.core) || is_roman_lower(l.core));
}

bool is_caption_label(std::string_view raw) {
    ParsedLabel l = parse_label(raw);
    return l.core.size() == 1 && l.core[0] >= 'A' && l.core[0] <= 'Z' && !is_roman_upper(l.core);
}

// ---------------------------------------------------------------- dates

std::string iso_from_text(std::string_view text) {
    const auto& months = words::kMonths;
    std::string s = collapse(text);
    for (std::size_t m = 0; m < months.size(); ++m) {
        auto at = s.find(months[m]);
        if (at == std::string::npos) continue;
        // day before, year after: "19 December 2023"
        std::size_t d_end = at;
        while (d_end > 0 && s[d_end - 1] == ' ') --d_end;
        std::size_t d_beg = d_end;
        while (d_beg > 0 && s[d_beg - 1] >= '0' && s[d_beg - 1] <= '9') --d_beg;
        std::size_t y_beg = at + months[m].size();
        while (y_beg < s.size() && (s[y_beg] == ' ' || s[y_beg] == ',')) ++y_beg;
        std::size_t y_end = y_beg;
        while (y_end < s.size() && s[y_end] >= '0' && s[y_end] <= '9') ++y_end;
        if (d_end - d_beg == 0 || d_end - d_beg > 2 || y_end - y_beg != 4) continue;
        std::string day = s.substr(d_beg, d_end - d_beg);
        if (day.size() == 1) day = "0" + day;
        char mm[3] = {static_cast<char>('0' + (m + 1) / 10), static_cast<char>('0' + (m + 1) % 10), 0};
        return s.substr(y_beg, 4) + "-" + mm + "-" + day;
    }
    return {};
}

// ---------------------------------------------------------------- sponsors

std::vector<std::string> split_list(std::string_view line) {
    // Official short names that contain " and " (and ", " never occurs inside a name).
    const auto& compound = words::kAndStates;
    std::string s = collapse(line);
    std::vector<std::string> protected_names;
    for (auto name : compound) {
        std::size_t at;
        while ((at = s.find(name)) != std::string::npos) {
            std::string token = "\x01" + std::to_string(protected_names.size()) + "\x01";
            protected_names.emplace_back(name);
            s.replace(at, name.size(), token);
        }
    }
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i <= s.size()) {
        std::size_t comma = s.find(", ", i);
        std::size_t andp = s.find(" and ", i);
        std::size_t cut = std::min(comma, andp);
        std::string piece = s.substr(i, cut == std::string::npos ? std::string::npos : cut - i);
        if (starts_with(piece, "and ")) piece = piece.substr(4);
        piece = trim(piece);
        if (!piece.empty()) parts.push_back(piece);
        if (cut == std::string::npos) break;
        i = cut + (cut == comma ? 2 : 5);
    }
    for (auto& p : parts) {
        std::size_t a;
        while ((a = p.find('\x01')) != std::string::npos) {
            std::size_t b = p.find('\x01', a + 1);
            if (b == std::string::npos) break;
            std::size_t idx = std::stoul(p.substr(a + 1, b - a - 1));
            p.replace(a, b - a + 1, protected_names[idx]);
        }
    }
    return parts;
}

// ---------------------------------------------------------------- reader

struct Collected {
    std::string text;
    std::vector<SourceMapEntry> map;
    std::vector<TextRange> italics;
    std::vector<Mark> marks;
    std::vector<std::string> orphans;  ///< notes written without a mark (class "noMark")
};

class Reader {
public:
    explicit Reader(const SourceFile& src) : src_(src), s_(src.text()) {}

    Document run();

private:
    const SourceFile& src_;
    const std::string& s_;
    Document doc_;
    pugi::xml_document xml_;
    std::map<std::string, std::size_t> note_by_num_;
    std::map<std::string, std::size_t> note_by_eid_;
    std::set<std::uint32_t> seen_notes_;
    std::size_t entity_diags_ = 0;
    std::string pending_heading_;
    std::string point_heading_;  ///< a crossHeading inside a list: the next point's heading
    /// unres's own output (identification @source="#unres"): written from a tree, so the
    /// DGACM mark-up quirks below are not guessed at (a body paragraph is operative, a
    /// paragraph labelled "(a)" or "A." stays where it is).
    bool own_ = false;

    // ---- positions
    std::uint32_t clamp(std::size_t v) const {
        return static_cast<std::uint32_t>(std::min<std::size_t>(v, s_.size()));
    }
    std::uint32_t begin_of(const pugi::xml_node& n) const {
        auto off = n.offset_debug();
        if (off < 0) return 0;
        auto o = static_cast<std::size_t>(off);
        if (n.type() == pugi::node_element && o > 0) --o;  // point at '<'
        return clamp(o);
    }
    std::uint32_t end_of(const pugi::xml_node& n) const {
        std::uint32_t b = begin_of(n);
        if (n.type() != pugi::node_element) return b;
        std::string close = std::string("</") + n.name();
        pugi::xml_node last = n;
        while (last.last_child()) last = last.last_child();
        std::size_t from = b;
        if (last != n) {
            auto o = last.offset_debug();
            from = o < 0 ? b : static_cast<std::size_t>(o);
        } else {
            auto gt = s_.find('>', b);
            if (gt == std::string::npos) return clamp(s_.size());
            if (gt > 0 && s_[gt - 1] == '/') return clamp(gt + 1);
        }
        auto at = s_.find(close, from);
        if (at == std::string::npos) return clamp(s_.size());
        auto gt = s_.find('>', at);
        return clamp(gt == std::string::npos ? s_.size() : gt + 1);
    }
    Span span_of(const pugi::xml_node& n) const { return {begin_of(n), end_of(n)}; }
    std::uint32_t line_of(std::uint32_t off) const { return src_.line_of(off); }

    static Span text_span(const Collected& c, Span fallback) {
        if (c.text.empty() || c.map.empty()) return fallback;
        Para tmp;
        tmp.map = c.map;
        std::size_t k = c.text.size() - 1;
        while (k > 0 && (static_cast<unsigned char>(c.text[k]) & 0xC0) == 0x80) --k;
        std::uint32_t b = tmp.source_offset(0);
        std::uint32_t e = tmp.source_offset(k) + static_cast<std::uint32_t>(c.text.size() - k);
        return {b, std::max(b, e)};
    }

    // ---- diagnostics
    void diag(Severity sev, Span sp, std::string msg) {
        Diagnostic d;
        d.rule = kRuleXml;
        d.severity = sev;
        d.span = sp;
        d.message = std::move(msg);
        doc_.diagnostics.push_back(std::move(d));
    }

    // ---- text collection
    struct Builder {
        Collected out;
        bool pending = false;
        void space() { pending = !out.text.empty(); }
        std::size_t next_pos() const { return out.text.size() + ((pending && !out.text.empty()) ? 1 : 0); }
        void put(char c, std::uint32_t src) {
            if (is_space(c)) {
                space();
                return;
            }
            if (pending && !out.text.empty()) {
                out.text += ' ';
                add_map(out.text.size() - 1, src);
            }
            pending = false;
            add_map(out.text.size(), src);
            out.text += c;
        }
        void add_map(std::size_t pos, std::uint32_t src) {
            auto& m = out.map;
            if (!m.empty()) {
                const auto& last = m.back();
                if (last.src + (pos - last.text_pos) == src) return;
                if (last.text_pos == pos) {
                    m.back().src = src;
                    return;
                }
            }
            m.push_back({pos, src});
        }
    };

    void add_chars(const pugi::xml_node& n, Builder& b) {
        std::string_view v = n.value();
        auto off = n.offset_debug();
        std::size_t p = off < 0 ? 0 : static_cast<std::size_t>(off);
        bool cdata = n.type() == pugi::node_cdata;
        std::size_t i = 0;
        while (i < v.size()) {
            std::uint32_t here = clamp(p);
            if (!cdata && p < s_.size() && s_[p] == '&') {
                auto semi = s_.find(';', p);
                if (semi != std::string::npos && semi - p <= 12) {
                    std::string_view ent(s_.data() + p + 1, semi - p - 1);
                    std::string decoded;
                    if (ent == "amp") decoded = "&";
                    else if (ent == "lt") decoded = "<";
                    else if (ent == "gt") decoded = ">";
                    else if (ent == "quot") decoded = "\"";
                    else if (ent == "apos") decoded = "'";
                    else if (!ent.empty() && ent[0] == '#') {
                        // numeric reference: take what pugixml decoded (1-4 bytes)
                        std::size_t len = utf8::valid_sequence(v, i);
                        decoded = std::string(v.substr(i, len == 0 ? 1 : len));
                    }
                    if (!decoded.empty() && v.substr(i, decoded.size()) == decoded) {
                        for (char c : decoded) b.put(c, here);
                        i += decoded.size();
                        p = semi + 1;
                        continue;
                    }
                    if (decoded.empty()) note_entity(ent, here);
                }
            }
            char c = v[i];
            if (p < s_.size() && s_[p] == '\r' && c == '\n') {
                p += (p + 1 < s_.size() && s_[p + 1] == '\n') ? 2 : 1;
            } else {
                ++p;
            }
            b.put(c, here);
            ++i;
        }
    }

    void note_entity(std::string_view ent, std::uint32_t at) {
        if (ent.empty() || ent[0] == '#') return;
        for (char c : ent)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ':')) return;
        if (entity_diags_++ >= 20) return;
        diag(Severity::Error, {at, clamp(at + ent.size() + 2)},
             "entity reference '&" + std::string(ent) +
                 ";' is not expanded: unres does not read DTDs or entity declarations");
    }

    /// Inline text of `n` (recursively); footnotes become marks, italics ranges.
    void collect(const pugi::xml_node& n, Builder& b) {
        for (auto c : n.children()) {
            switch (c.type()) {
                case pugi::node_pcdata:
                case pugi::node_cdata: add_chars(c, b); break;
                case pugi::node_element: collect_element(c, b); break;
                default: break;
            }
        }
    }

    void collect_element(const pugi::xml_node& c, Builder& b) {
        auto name = local_name(c);
        if (name == "authorialNote") {
            std::string num = register_note(c);
            if (has_class(c, "noMark"))
                b.out.orphans.push_back(num);  // unres: a note whose mark the input lacks
            else
                b.out.marks.push_back({num, b.out.text.size(), span_of(c), false});
            return;
        }
        if (name == "noteRef") {
            std::string num = register_note_ref(c);
            b.out.marks.push_back({num, b.out.text.size(), span_of(c), false});
            return;
        }
        if (name == "eol" || name == "br" || name == "eop") {
            b.space();
            return;
        }
        if (name == "img") return;
        bool block = name == "p" || name == "content" || name == "intro" || name == "wrapUp" || name == "tr" ||
                     name == "td" || name == "th" || name == "item" || name == "listIntroduction" ||
                     name == "listWrapUp" || name == "heading" || name == "subheading";
        bool italic = name == "i" || (name == "span" && has_class(c, "italic"));
        if (block) b.space();
        std::size_t ib = b.next_pos();
        collect(c, b);
        if (italic) {
            std::size_t ie = b.out.text.size();
            if (ie > ib) b.out.italics.push_back({ib, ie});
        }
        if (block) b.space();
    }

    Collected finish(Builder& b) {
        Collected c = std::move(b.out);
        for (auto& r : c.italics) {
            while (r.begin < r.end && r.begin < c.text.size() && c.text[r.begin] == ' ') ++r.begin;
            r.end = std::min(r.end, c.text.size());
            while (r.end > r.begin && c.text[r.end - 1] == ' ') --r.end;
        }
        c.italics.erase(std::remove_if(c.italics.begin(), c.italics.end(), [](const TextRange& r) { return r.begin >= r.end; }),
                        c.italics.end());
        for (auto& m : c.marks) m.pos = std::min(m.pos, c.text.size());
        return c;
    }

    Collected text_of(const pugi::xml_node& n) {
        Builder b;
        collect(n, b);
        return finish(b);
    }

    Field field_of(const pugi::xml_node& n) {
        Collected c = text_of(n);
        Field f;
        f.value = c.text;
        f.span = text_span(c, span_of(n));
        return f;
    }

    // ---- footnotes
    std::string register_note(const pugi::xml_node& n) {
        std::string num = trim(n.attribute("marker").value());
        std::string eid = n.attribute("eId").value();
        // unres writes @marker for every numbered note: a note without one was unnumbered
        if (num.empty() && !own_ && starts_with(eid, "authorialNote_")) num = eid.substr(14);
        if (num.empty() && !own_) num = std::to_string(doc_.footnotes.size() + 1);
        if (!seen_notes_.insert(begin_of(n)).second) return num;  // already read (header fields)
        Span sp = span_of(n);
        Collected body = text_of(n);  // nested marks (rare) are dropped with the builder
        auto it = note_by_num_.find(num);
        if (it != note_by_num_.end() && doc_.footnotes[it->second].text.empty()) {
            auto& f = doc_.footnotes[it->second];
            f.text = body.text;
            f.span = sp;
            f.line = line_of(sp.begin);
            f.refs.push_back(sp);
        } else if (it != note_by_num_.end() && doc_.footnotes[it->second].text == body.text) {
            doc_.footnotes[it->second].refs.push_back(sp);  // the same note written out again
        } else {
            Footnote f;
            f.num = num;
            f.text = body.text;
            f.span = sp;
            f.line = line_of(sp.begin);
            f.refs.push_back(sp);
            note_by_num_[num] = doc_.footnotes.size();
            doc_.footnotes.push_back(std::move(f));
        }
        if (!eid.empty()) note_by_eid_[eid] = note_by_num_[num];
        return num;
    }

    std::string register_note_ref(const pugi::xml_node& n) {
        std::string num = trim(n.attribute("marker").value());
        std::string href = n.attribute("href").value();
        if (!href.empty() && href[0] == '#') href.erase(0, 1);
        if (num.empty()) {
            auto e = note_by_eid_.find(href);
            if (e != note_by_eid_.end()) num = doc_.footnotes[e->second].num;
            else if (starts_with(href, "authorialNote_")) num = href.substr(14);
        }
        if (num.empty()) num = "?";
        if (!seen_notes_.insert(begin_of(n)).second) return num;
        Span sp = span_of(n);
        auto it = note_by_num_.find(num);
        if (it == note_by_num_.end()) {  // referred to before its body: body filled in later
            Footnote f;
            f.num = num;
            f.span = sp;
            f.line = line_of(sp.begin);
            note_by_num_[num] = doc_.footnotes.size();
            doc_.footnotes.push_back(std::move(f));
            it = note_by_num_.find(num);
        }
        doc_.footnotes[it->second].refs.push_back(sp);
        return num;
    }

    // ---- paragraphs
    Para make_para(const pugi::xml_node& n) {
        Para p;
        p.span = span_of(n);
        p.line = line_of(p.span.begin);
        return p;
    }

    void set_text(Para& p, Collected c, const pugi::xml_node& n) {
        p.text = std::move(c.text);
        p.map = std::move(c.map);
        p.italics = std::move(c.italics);
        p.marks = std::move(c.marks);
        p.orphan_notes = std::move(c.orphans);
        if (p.map.empty() || p.map.front().text_pos != 0) p.map.insert(p.map.begin(), {0, begin_of(n)});
    }

    void set_label(Para& p, const pugi::xml_node& num) {
        Collected c = text_of(num);
        p.label = c.text;
        p.label_span = text_span(c, span_of(num));
    }

    static bool structural(std::string_view name) {
        return name == "point" || name == "paragraph" || name == "subparagraph" || name == "item" || name == "alinea" ||
               name == "indent" || name == "list" || name == "blockList" || name == "sublist";
    }

    /// A paragraph, point or item: label, own text (content/intro/wrapUp), children.
    Para read_item(const pugi::xml_node& n) {
        Para p = make_para(n);
        Builder b;
        read_item_into(n, p, b);
        set_text(p, finish(b), n);
        if (p.label.empty()) label_from_text(p);
        classify_siblings(p.children);
        return p;
    }

    /// DGACM files sometimes type the label into the text ("<p>\t(t)\tWe commit ...</p>") instead
    /// of a `num`: take "(x) ", "12. " or "6 " before a capital at the start of the text as the label.
    static void label_from_text(Para& p) {
        const std::string& t = p.text;
        std::size_t e = 0;
        if (!t.empty() && t[0] == '(') {
            std::size_t close = t.find(')');
            if (close == std::string::npos || close < 2 || close > 5) return;
            for (std::size_t k = 1; k < close; ++k)
                if (t[k] < 'a' || t[k] > 'z') return;
            e = close + 1;
        } else {
            while (e < t.size() && e < 4 && t[e] >= '0' && t[e] <= '9') ++e;
            if (e == 0 || e >= t.size()) return;
            // "12. Decides", or "6\tAlso reaffirms" (A/RES/80/167: no full stop, a capital follows)
            bool bare = e <= 3 && t[e] == ' ' && e + 1 < t.size() && t[e + 1] >= 'A' && t[e + 1] <= 'Z';
            if (t[e] != '.' && !bare) return;
            if (!bare) ++e;
        }
        if (e >= t.size() || t[e] != ' ') return;
        std::size_t cut = e + 1;
        p.label = t.substr(0, e);
        std::uint32_t src = p.source_offset(0);
        p.label_span = {src, src + static_cast<std::uint32_t>(e)};
        p.text.erase(0, cut);
        for (auto& m : p.marks) m.pos = m.pos >= cut ? m.pos - cut : 0;
        for (auto& r : p.italics) r.begin = r.begin >= cut ? r.begin - cut : 0, r.end = r.end >= cut ? r.end - cut : 0;
        std::erase_if(p.italics, [](const TextRange& r) { return r.begin >= r.end; });
        std::vector<SourceMapEntry> m;
        for (std::size_t k = 0; k < p.map.size(); ++k) {
            auto x = p.map[k];
            std::size_t next = k + 1 < p.map.size() ? p.map[k + 1].text_pos : std::string::npos;
            if (next != std::string::npos && next <= cut) continue;
            if (x.text_pos < cut) m.push_back({0, x.src + static_cast<std::uint32_t>(cut - x.text_pos)});
            else m.push_back({x.text_pos - cut, x.src});
        }
        p.map = std::move(m);
    }

    void read_item_into(const pugi::xml_node& n, Para& p, Builder& b) {
        for (auto c : n.children()) {
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
                add_chars(c, b);  // bare text directly in an item (invalid but kept)
                continue;
            }
            if (c.type() != pugi::node_element) continue;
            auto name = local_name(c);
            if (name == "num") {
                if (p.label.empty()) set_label(p, c);
                else collect_element(c, b);
            } else if (name == "heading" || name == "subheading") {
                if (p.heading.empty()) p.heading = text_of(c).text;
                else collect_element(c, b);
            } else if (name == "list" || name == "blockList") {
                read_item_into(c, p, b);  // intro text joins the item's text, points become children
            } else if (name == "sublist") {
                // DGACM: second-level points written as a sibling after the point they belong to
                read_sublist(c, p.children.empty() ? p : p.children.back());
            } else if (name == "point" || name == "paragraph" || name == "subparagraph" || name == "item" ||
                       name == "alinea" || name == "indent") {
                std::string heading = std::move(point_heading_);
                point_heading_.clear();
                Para child = read_item(c);
                if (!heading.empty()) child.heading = std::move(heading);
                if (!own_ && is_caption_label(child.label) && name != "item") unclassified(c);  // "A." table caption (78/253)
                else p.children.push_back(std::move(child));
            } else if ((name == "wrapUp" || name == "listWrapUp") && !own_ && !p.children.empty()) {
                // "... and further requests ...;" after the points: it ends the last point's text,
                // as the text reader reads the same lines, so the intro keeps its own ending ':'
                append_deep(p.children.back(), text_para(c));
            } else if (own_ && name == "crossHeading" && std::string_view(c.attribute("refersTo").value()).empty()) {
                point_heading_ = text_of(c).text;  // a heading printed before the next point
            } else {
                collect_element(c, b);  // content, intro, wrapUp, p, listIntroduction, tables ...
            }
        }
    }

    /// A `sublist`'s points become children of `owner`; a `sublist` inside it, written after one
    /// of those points (S/RES/2584 (2021) 30 (a) (iii) "notably:" then its dashes), belongs to that point.
    void read_sublist(const pugi::xml_node& list, Para& owner) {
        for (auto sc : list.children()) {
            if (sc.type() != pugi::node_element) continue;
            auto nm = local_name(sc);
            if (nm == "sublist") read_sublist(sc, owner.children.empty() ? owner : owner.children.back());
            else if (structural(nm) && nm != "list") owner.children.push_back(read_item(sc));
        }
        classify_siblings(owner.children);
    }

    // ---- body walking (mainBody of the resolution, of an annex, of a component)
    struct BodyOut {
        std::vector<Para>* preamble;
        std::vector<Para>* operative;
        std::vector<Section>* sections;
        bool annex = false;
    };

    static bool heading_class(const pugi::xml_node& n) {
        std::string_view cls = n.attribute("class").value();
        return cls.size() >= 2 && cls[0] == 'H' && cls != "HTML";
    }

    static bool has_body(const pugi::xml_node& n) {
        for (auto c : n.children()) {
            if (c.type() != pugi::node_element) continue;
            auto nm = local_name(c);
            if (nm == "content" || nm == "list" || nm == "intro" || nm == "point" || nm == "p" || nm == "blockList" ||
                nm == "subparagraph")
                return true;
        }
        return false;
    }

    void unclassified(const pugi::xml_node& n) {
        Collected c = text_of(n);
        if (c.text.empty()) return;
        Block bl;
        bl.text = c.text;
        bl.span = span_of(n);
        bl.line = line_of(bl.span.begin);
        doc_.unclassified.push_back(std::move(bl));
    }

    static bool number_or_none(std::string_view label) {
        if (label.empty()) return true;
        const std::string core = parse_label(label).core;
        return !core.empty() && core[0] >= '0' && core[0] <= '9';
    }

    std::vector<Para>& ops(BodyOut& out) { return out.annex ? current_annex().operative : *out.operative; }
    std::vector<Para>& pres(BodyOut& out) { return out.annex ? current_annex().preamble : *out.preamble; }
    std::vector<Section>& secs(BodyOut& out) { return out.annex ? current_annex().sections : *out.sections; }

    /// A paragraph and all its sub-paragraphs carry the enclosing section's label.
    static void set_section(Para& p, const std::string& section) {
        p.section = section;
        for (auto& c : p.children) set_section(c, section);
    }

    void add_operative(BodyOut& out, Para p, const std::string& section) {
        p.section = (out.annex && section.empty()) ? annex_section_ : section;
        if (!pending_heading_.empty()) {
            p.heading = pending_heading_;
            pending_heading_.clear();
        }
        set_section(p, p.section);
        auto& list = ops(out);
        // DGACM: "(a)" paragraphs at paragraph level belong to the paragraph before them.
        if (!own_ && !p.label.empty() && is_sub_label(p.label) && !list.empty() && number_or_none(list.back().label)) {
            Para& owner = list.back();
            owner.children.push_back(std::move(p));
            classify_siblings(owner.children);
            return;
        }
        list.push_back(std::move(p));
    }

    void add_preamble(BodyOut& out, const pugi::xml_node& n, const std::string& section) {
        Para p = make_para(n);
        Builder b;
        read_item_into(n, p, b);
        set_text(p, finish(b), n);
        classify_siblings(p.children);
        set_section(p, (out.annex && section.empty()) ? annex_section_ : section);
        // DGACM split "...;" / "and stressing ...," into two containers: a preambular paragraph
        // does not open in lower case, so it continues the one before (S/RES/2568 (2021))
        unsigned char c0 = p.text.empty() ? 0 : static_cast<unsigned char>(p.text[0]);
        if (!own_ && c0 >= 'a' && c0 <= 'z' && !pres(out).empty() && p.children.empty()) {
            append_deep(pres(out).back(), std::move(p));
            return;
        }
        if (!pending_heading_.empty()) {
            p.heading = pending_heading_;
            pending_heading_.clear();
        }
        pres(out).push_back(std::move(p));
    }

    std::string heading_text(const pugi::xml_node& n) {
        std::string t;
        for (auto c : n.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string part = text_of(c).text;
            if (part.empty()) continue;
            if (!t.empty()) t += ' ';
            t += part;
        }
        return t;
    }

    /// A paragraph-like element of the body (paragraph, point, article, ...): a paragraph, a
    /// heading, the continuation of the paragraph before, or a note under a table (unclassified).
    /// `after_para`: the element before was a paragraph; updated for the next one.
    void walk_paragraph(const pugi::xml_node& c, BodyOut& out, const std::string& sec, bool& after_para) {
        if (has_class(c, "FootnoteText")) {  // a note under a table (78/253): not a paragraph
            unclassified(c);
            return;
        }
        bool headingish = heading_class(c) || !has_body(c);
        if (headingish) {
            std::string h = heading_text(c);
            if (!h.empty()) on_heading(out, c, h);
            after_para = false;
            return;
        }
        Para p = read_item(c);
        if (!own_ && !p.label.empty() && is_caption_label(p.label) && !out.annex) {
            unclassified(c);
            return;
        }
        if (!own_ && !out.annex && heading_like(p)) {  // "I", "Legislative activities", "Reporting"
            on_heading(out, c, p.text);
            after_para = false;
            return;
        }
        if (!own_ && !out.annex && continuation(p, after_para, ops(out))) {
            append_deep(ops(out).back(), std::move(p));
            return;
        }
        after_para = true;
        add_operative(out, std::move(p), sec);
    }

    /// `p` directly in a section or body (78/253): a lone number is the section's; text is a paragraph.
    void walk_p(const pugi::xml_node& c, BodyOut& out, const std::string& sec) {
        bool only_num = true;
        for (auto k : c.children())
            if (k.type() == pugi::node_element ? !is(k, "num")
                                               : (k.type() == pugi::node_pcdata && !trim(k.value()).empty()))
                only_num = false;
        if (only_num) return;
        Para p = make_para(c);
        set_text(p, text_of(c), c);
        if (!p.text.empty()) add_operative(out, std::move(p), sec);
    }

    void walk_body(const pugi::xml_node& body, BodyOut& out, std::string section) {
        std::string last_section;  // for paragraphs that follow a section at the same level
        bool seen_content = false;
        bool after_para = false;   // the element before was a paragraph (not a heading or section)
        for (auto c : body.children()) {
            if (c.type() != pugi::node_element) continue;
            auto name = local_name(c);
            if (name != "num" && name != "heading" && name != "subheading" && !(name == "p" && c.child("num")))
                seen_content = true;
            const std::string& sec = last_section.empty() ? section : last_section;
            if (name == "section" || name == "part" || name == "chapter" || name == "title" || name == "division") {
                Section s = read_section(c);
                std::string label = s.num.empty() ? section : (section.empty() ? s.num : section + " " + s.num);
                secs(out).push_back(s);
                walk_body(c, out, label);
                last_section = label;
                after_para = false;
            } else if (name == "crossHeading") {
                std::string_view ref = c.attribute("refersTo").value();
                if (ref == "#preamble" || ref == "preamble") add_preamble(out, c, sec);
                else pending_heading_ = text_of(c).text;
                after_para = false;
            } else if (name == "paragraph" || name == "point" || name == "subparagraph" || name == "article" ||
                       name == "clause") {
                walk_paragraph(c, out, sec, after_para);
            } else if (name == "num" || name == "heading" || name == "subheading") {
                // the section's own number and heading come first (read_section); a later one is a sub-heading
                auto bn = local_name(body);
                bool in_section = bn == "section" || bn == "part" || bn == "chapter" || bn == "title" || bn == "division";
                if ((seen_content || !in_section) && name != "num") pending_heading_ = text_of(c).text;
                after_para = false;
                continue;
            } else if (name == "p") {
                walk_p(c, out, sec);
            } else if (name == "block" && std::string_view(c.attribute("name").value()) == "crossHeading") {
                pending_heading_ = text_of(c).text;  // unres: a heading where crossHeading is not allowed
                after_para = false;
            } else if (own_ && name == "table") {
                read_table(c, out);  // unres's own: a table node, rows of cells
            } else if (own_ && name == "hcontainer" && std::string_view(c.attribute("name").value()) == "table") {
                for (auto t : c.select_nodes("./*[local-name()='content']/*[local-name()='table']")) read_table(t.node(), out);
            } else if (name == "hcontainer" || name == "wrap" || name == "blockContainer") {
                walk_body(c, out, sec);
            } else if (out.annex) {
                Para p = make_para(c);  // tables and other blocks of an annex: kept as unnumbered text
                set_text(p, text_of(c), c);
                if (!p.text.empty()) add_operative(out, std::move(p), sec);
            } else if (name == "alinea" && !out.annex && !doc_.authority.present() && ops(out).empty() &&
                       text_para(c).text.ends_with(":")) {
                // a presidential statement's formula: "On 4 December 2020, ... the President of the
                // Security Council made the following statement on behalf of the Council:"
                doc_.authority = field_of(c);
            } else if (!own_ && name == "container" && heading_like(text_para(c))) {
                on_heading(out, c, text_of(c).text);  // <container name="Reporting"><p>Reporting</p> (S/RES/2551)
                after_para = false;

            } else {
                unclassified(c);  // tables inside the operative part
            }
        }
    }

    /// A table as unres writes it (table / tr / td|th / p): its rows of cells, standing after the
    /// paragraphs of its part read so far.
    void read_table(const pugi::xml_node& t, BodyOut& out) {
        Table tab;
        tab.span = span_of(t);
        tab.line = line_of(tab.span.begin);
        tab.after = ops(out).size();  // first: an annex's first element opens the annex
        tab.annex = out.annex ? static_cast<int>(doc_.annexes.size()) - 1 : -1;
        for (auto tr : t.children()) {
            if (tr.type() != pugi::node_element || local_name(tr) != "tr") continue;
            std::vector<std::string> row;
            for (auto td : tr.children())
                if (td.type() == pugi::node_element && (local_name(td) == "td" || local_name(td) == "th"))
                    row.push_back(text_of(td).text);
            tab.rows.push_back(std::move(row));
        }
        doc_.tables.push_back(std::move(tab));
    }

    void on_heading(BodyOut& out, const pugi::xml_node& n, const std::string& h) {
        if (out.annex && annex_on_heading(n, h)) return;
        // "I" then "Legislative activities": one heading, no text dropped
        pending_heading_ = pending_heading_.empty() ? h : pending_heading_ + " " + h;
    }

    /// DGACM cuts a paragraph or item in two ("(a) Quick impact projects" then, as a body
    /// paragraph of its own, "To contribute to ..."): an unnumbered body paragraph without
    /// sub-paragraphs that follows another paragraph, or opens in lower case or with a quote or
    /// bracket, continues the paragraph before it (one ending in "," is preambular: see
    /// move_preambular).
    static bool continuation(const Para& p, bool after_para, const std::vector<Para>& ops) {
        if (!p.label.empty() || !p.children.empty() || p.text.empty() || ops.empty() || p.text.ends_with(",")) return false;
        unsigned char c0 = static_cast<unsigned char>(p.text[0]);
        bool opener = (c0 >= 'a' && c0 <= 'z') || c0 == '"' || c0 == '\'' || c0 == '(' || c0 == '[' ||
                      p.text.starts_with("\u201C") || p.text.starts_with("\u2018");
        return after_para || opener;
    }

    /// Appends to the last (deepest) item of `p`; every enclosing item's span grows with it.
    static void append_deep(Para& p, Para&& from) {
        p.span.end = std::max(p.span.end, from.span.end);
        if (p.children.empty()) append_text(p, std::move(from));
        else append_deep(p.children.back(), std::move(from));
    }

    /// Appends `from`'s text (with its map, marks and italics) to `into`'s, after a space.
    static void append_text(Para& into, Para&& from) {
        std::size_t base = into.text.size() + 1;
        into.text += ' ';
        into.text += from.text;
        for (const auto& m : from.map) into.map.push_back({m.text_pos + base, m.src});
        for (auto m : from.marks) {
            m.pos += base;
            into.marks.push_back(std::move(m));
        }
        for (const auto& r : from.italics) into.italics.push_back({r.begin + base, r.end + base});
        for (auto& o : from.orphan_notes) into.orphan_notes.push_back(std::move(o));
        into.span.end = std::max(into.span.end, from.span.end);
    }

    Para text_para(const pugi::xml_node& n) {
        Para p = make_para(n);
        set_text(p, text_of(n), n);
        return p;
    }

    /// DGACM types section headings as unnumbered paragraphs ("I", "Legislative activities",
    /// "Renewal of the mandate", "*"): no label, no sub-paragraphs, and text that does not
    /// end like a sentence or a clause.
    static bool heading_like(const Para& p) {
        if (!p.label.empty() || !p.children.empty() || p.text.empty() || p.text.size() >= 400) return false;
        static constexpr std::array<std::string_view, 11> kFinal = {".", ",", ";", ":", "?", "!", "\"", "'", ")",
                                                                    "\u201D", "\u2019"};
        return std::none_of(kFinal.begin(), kFinal.end(), [&](std::string_view f) { return p.text.ends_with(f); });
    }

    Section read_section(const pugi::xml_node& n) {
        Section s;
        s.span = span_of(n);
        s.line = line_of(s.span.begin);
        std::vector<std::string> subs;
        for (auto c : n.children()) {
            if (c.type() != pugi::node_element) continue;
            auto name = local_name(c);
            if (name != "num" && name != "heading" && name != "subheading" && !(name == "p" && c.child("num")))
                break;  // only the leading number and headings are the section's
            if (name == "num" && s.num.empty()) {
                s.num = text_of(c).text;
            } else if (name == "p" && s.num.empty()) {
                auto num = c.child("num");
                if (num) s.num = text_of(num).text;
            } else if (name == "heading" && s.heading.empty()) {
                s.heading = text_of(c).text;
            } else if (name == "subheading") {
                subs.push_back(text_of(c).text);
            }
        }
        if (s.num.empty() && !subs.empty() && is_roman_upper(subs.front())) {
            s.num = subs.front();
            subs.erase(subs.begin());
        }
        if (s.heading.empty() && !subs.empty()) s.heading = subs.front();
        if (!s.num.empty() && s.num.back() == '.') s.num.pop_back();
        return s;
    }

    /// 78/253 XXVI: an unnumbered "Recalls ...," before numbered paragraphs of the same section.
    static void move_preambular(std::vector<Para>& ops, std::vector<Para>& pre) {
        std::vector<Para> keep;
        for (std::size_t i = 0; i < ops.size(); ++i) {
            Para& p = ops[i];
            bool candidate = p.label.empty() && p.children.empty() && !p.text.empty() && p.text.back() == ',';
            if (candidate) {
                bool numbered_follows = false;
                for (std::size_t j = i + 1; j < ops.size() && ops[j].section == p.section; ++j)
                    if (ops[j].kind == LabelKind::Number) {
                        numbered_follows = true;
                        break;
                    }
                if (numbered_follows) {
                    pre.push_back(std::move(p));
                    continue;
                }
            }
            keep.push_back(std::move(p));
        }
        ops = std::move(keep);
        std::stable_sort(pre.begin(), pre.end(), [](const Para& a, const Para& b) { return a.span.begin < b.span.begin; });
    }

    // ---- document parts
    void read_preamble(const pugi::xml_node& pre, BodyOut& out, const std::string& section) {
        for (auto c : pre.children()) {
            if (c.type() != pugi::node_element) continue;
            auto name = local_name(c);
            if (name == "formula") {
                if (!doc_.authority.present()) doc_.authority = field_of(c);
            } else if (name == "container" || name == "p" || name == "blockContainer" || name == "crossHeading" ||
                       name == "blockList") {
                add_preamble(out, c, section);
            } else if (name == "block" && std::string_view(c.attribute("name").value()) == "crossHeading") {
                pending_heading_ = text_of(c).text;  // unres: a heading before a preambular paragraph
            } else if (name == "recitals" || name == "citations") {
                read_preamble(c, out, section);
            } else if (name == "recital" || name == "citation") {
                add_preamble(out, c, section);
            }
        }
    }

    void read_closing(const pugi::xml_node& concl) {
        Closing cl;
        cl.span = span_of(concl);
        cl.line = line_of(cl.span.begin);
        for (auto d : concl.select_nodes(".//*[local-name()='docDate']")) {
            auto date = d.node().attribute("date").value();
            cl.date = *date ? date : iso_from_text(text_of(d.node()).text);
            break;
        }
        // meeting: the location/adoptionMeeting element, else the first p without its date
        for (auto c : concl.select_nodes(".//*[local-name()='location' or (local-name()='inline' and @name='adoptionMeeting')]")) {
            cl.meeting = text_of(c.node()).text;
            break;
        }
        if (cl.meeting.empty()) {
            for (auto p : concl.children()) {
                if (p.type() != pugi::node_element) continue;
                Builder b;
                for (auto k : p.children()) {
                    if (k.type() == pugi::node_element && local_name(k) == "docDate") continue;
                    if (k.type() == pugi::node_element) collect_element(k, b);
                    else if (k.type() == pugi::node_pcdata) add_chars(k, b);
                }
                cl.meeting = finish(b).text;
                if (!cl.meeting.empty()) break;
            }
        }
        doc_.closing = std::move(cl);
    }

    void read_meta(const pugi::xml_node& meta) {
        auto& m = doc_.meta;
        // unres's own output writes every header field the input has in the coverPage and
        // preface: what is missing there was missing from the input (no FRBR fallbacks).
        if (std::string_view(meta.child("identification").attribute("source").value()) == "#unres") return;
        if (auto num = meta.select_node(".//*[local-name()='FRBRWork']/*[local-name()='FRBRnumber']")) {
            std::string show = num.node().attribute("showAs").value();
            if (!show.empty()) m.symbol = {show, span_of(num.node())};
        }
        if (auto d = meta.select_node(".//*[local-name()='FRBRWork']/*[local-name()='FRBRdate'][@name='adoption']")) {
            m.adoption_date = {d.node().attribute("date").value(), span_of(d.node())};
        }
        if (!m.body.present()) {
            if (auto t = meta.select_node(".//*[local-name()='FRBRWork']/*[local-name()='FRBRthis']")) {
                std::string v = t.node().attribute("value").value();
                static const std::array<std::pair<std::string_view, std::string_view>, 4> actors = {
                    {{"/unga/", "General Assembly"}, {"/unsc/", "Security Council"},
                     {"/ecosoc/", "Economic and Social Council"}, {"/unhrc/", "Human Rights Council"}}};
                for (auto& [k, name] : actors)
                    if (v.find(k) != std::string::npos) m.body = {std::string(name), span_of(t.node())};
            }
        }
    }

    void read_header_block(const pugi::xml_node& blk, bool preface) {
        read_header_fields(blk, preface);
        // notes anywhere in the header (76/246 B: a note after the part letter) are footnotes too
        for (auto x : blk.select_nodes(".//*[local-name()='authorialNote' or local-name()='noteRef']")) {
            if (local_name(x.node()) == "authorialNote") register_note(x.node());
            else register_note_ref(x.node());
        }
    }

    /// The sponsor line without the document type after it ("A and B: draft resolution").
    Field sponsor_line(const pugi::xml_node& p) {
        Builder b;
        for (auto k : p.children()) {
            if (k.type() == pugi::node_element) {
                auto nm = local_name(k);
                if (nm == "docType" || nm == "docStage") break;
                collect_element(k, b);
            } else if (k.type() == pugi::node_pcdata || k.type() == pugi::node_cdata) {
                add_chars(k, b);
            }
        }
        Collected c = finish(b);
        Field f;
        f.span = text_span(c, span_of(p));
        f.value = trim(c.text);
        while (!f.value.empty() && (f.value.back() == ':' || f.value.back() == ' ')) f.value.pop_back();
        return f;
    }

    /// A docDate's value: its @date, or the date in its text.
    Field date_of(const pugi::xml_node& n) {
        Field f = field_of(n);
        std::string iso = n.attribute("date").value();
        f.value = iso.empty() ? iso_from_text(f.value) : iso;
        return f;
    }

    /// docNumber: the symbol on the cover page; in the preface the resolution's number ("78/217."),
    /// or the symbol when there was none.
    void read_doc_number(const pugi::xml_node& n, bool preface) {
        auto& m = doc_.meta;
        Field f = field_of(n);
        if (f.value.empty()) return;
        if (!preface && !m.symbol.present()) {
            m.symbol = f;
        } else if (preface && !m.number.present()) {
            if (!f.value.empty() && f.value.back() == '.') f.value.pop_back();
            if (f.value.find('/') != std::string::npos) m.number = f;
            else if (!m.symbol.present()) m.symbol = f;
        }
    }

    /// <inline name="...">: agenda item, its title, original language, origin, sponsor line.
    void read_inline_field(const pugi::xml_node& n) {
        auto& m = doc_.meta;
        std::string_view nm = n.attribute("name").value();
        if (nm == "agenda item" || nm == "agendaItem") {
            Field f = field_of(n);
            std::string title = n.attribute("title").value();
            if (!title.empty()) f.value = title;
            else if (starts_with(f.value, "Agenda items ")) f.value = f.value.substr(13);
            else if (starts_with(f.value, "Agenda item ")) f.value = f.value.substr(12);
            for (auto& item : split_list(f.value)) m.agenda_items.push_back({item, f.span});  // "13 and 117"
        } else if (nm == "agenda item name" || nm == "agendaItemTitle") {
            m.agenda_title = field_of(n);
        } else if (nm == "originalLanguage") {
            m.original_language = field_of(n);
        } else if (nm == "origin" && !m.origin.present()) {
            m.origin = field_of(n);  // unres: "[on the report of ...]"
        } else if (nm == "sponsorLine" && !m.sponsor_text.present()) {
            m.sponsor_text = field_of(n);  // unres: a sponsor line without States (Chair, Vice-Chair)
        }
    }

    /// docProponent: "[on the report of the Second Committee (...)]" (the origin and its
    /// committee), or one sponsor.
    void read_proponent(const pugi::xml_node& n) {
        auto& m = doc_.meta;
        Field f = field_of(n);
        if (!starts_with(f.value, "[")) {
            m.sponsors.push_back(f);
            if (!m.sponsor_text.present()) m.sponsor_text = sponsor_line(n.parent());
            return;
        }
        m.origin = f;
        auto at = f.value.find("on the report of the ");
        if (at != std::string::npos && !m.committee.present()) {
            std::string rest = f.value.substr(at + 21);
            auto end = rest.find(" (");
            std::string name_c = rest.substr(0, end);
            if (name_c.find("Committee") != std::string::npos) m.committee = {name_c, f.span};
        }
    }

    /// docTitle: the sponsor line ("A, B and C: draft resolution"), "Resolution adopted by ... on
    /// DATE" (type and adoption date), or the title.
    void read_doc_title(const pugi::xml_node& n) {
        auto& m = doc_.meta;
        Field f = field_of(n);
        std::string_view ref = n.attribute("refersTo").value();
        if (ref == "sponsors" || ref == "#sponsors") {
            m.sponsor_text = f;
            auto colon = f.value.rfind(": ");
            if (colon != std::string::npos) {
                m.document_type = {f.value.substr(colon + 2), f.span};
                if (m.sponsors.empty())
                    for (auto& s : split_list(f.value.substr(0, colon))) m.sponsors.push_back({s, f.span});
            }
        } else if (starts_with(f.value, "Resolution adopted by") || starts_with(f.value, "Resolutions adopted by") ||
                   starts_with(f.value, "Decision adopted by")) {
            if (!m.document_type.present())
                m.document_type = {starts_with(f.value, "Decision") ? "decision" : "resolution", f.span};
            if (!m.adoption_date.present()) {
                std::string iso = iso_from_text(f.value);
                if (!iso.empty()) m.adoption_date = {iso, f.span};
            }
        } else if (!m.title.present()) {
            m.title = f;
        }
    }

    void read_header_fields(const pugi::xml_node& blk, bool preface) {
        auto& m = doc_.meta;
        for (auto x : blk.select_nodes(".//*")) {
            auto n = x.node();
            auto name = local_name(n);
            std::string_view ref = n.attribute("refersTo").value();
            if (name == "docAuthority") {
                Field f = field_of(n);
                if (f.value != "United Nations" && !f.value.empty()) m.body = f;
            } else if (name == "docNumber") {
                read_doc_number(n, preface);
            } else if (name == "docStatus") {
                Field f = field_of(n);
                auto colon = f.value.find(':');
                if (colon != std::string::npos) f.value = trim(f.value.substr(colon + 1));
                m.distribution = f;
            } else if (name == "docDate" && (ref == "#dateOfAdoption" || ref == "#adoptionDate")) {
                if (!m.adoption_date.present()) m.adoption_date = date_of(n);
            } else if (name == "docDate" && !m.date.present()) {
                m.date = date_of(n);
            } else if (name == "session") {
                m.session = field_of(n);
            } else if (name == "docCommittee") {
                m.committee = field_of(n);
            } else if (name == "inline") {
                read_inline_field(n);
            } else if (name == "docProponent") {
                read_proponent(n);
            } else if (name == "docStage" || name == "docType") {
                m.document_type = field_of(n);
                // an amendment's target after its type: "<docType>amendment</docType> to <ref>SYMBOL</ref>"
                for (auto r = n.next_sibling(); r; r = r.next_sibling())
                    if (r.type() == pugi::node_element) {
                        if (local_name(r) == "ref") m.target = field_of(r);
                        break;
                    }
            } else if (name == "docTitle") {
                read_doc_title(n);
            }
        }
    }

    void read_statement_parts(const pugi::xml_node& st, const std::string& part) {
        BodyOut out{&doc_.preamble, &doc_.operative, &doc_.sections, false};
        for (auto c : st.children()) {
            if (c.type() != pugi::node_element) continue;
            auto name = local_name(c);
            if (name == "preamble") read_preamble(c, out, part);
            else if (name == "mainBody" || name == "body" || name == "mainContent") walk_body(c, out, part);
            else if (name == "conclusions") read_closing(c);
            else if (name == "attachments") read_attachments(c);
        }
    }

    void read_attachments(const pugi::xml_node& atts) {
        for (auto att : atts.children()) {
            if (att.type() != pugi::node_element) continue;
            pugi::xml_node d = att;
            if (local_name(att) == "attachment") {
                d = pugi::xml_node();
                for (auto k : att.children())
                    if (k.type() == pugi::node_element) {
                        d = k;
                        break;
                    }
                if (!d) continue;
            }
            if (local_name(d) == "documentRef" || local_name(d) == "interstitial") continue;
            read_annex_doc(d, att);
        }
    }

    static bool annex_heading(const std::string& h, std::string& num) {
        if (!starts_with(h, "Annex")) return false;
        std::string rest = trim(std::string_view(h).substr(5));
        if (rest.empty()) {
            num.clear();
            return true;
        }
        if (is_roman_upper(rest) || all_digits(rest) || (rest.size() == 1 && rest[0] >= 'A' && rest[0] <= 'Z')) {
            num = rest;
            return true;
        }
        return false;
    }

    // ---- annexes: paragraphs go to the current annex; a heading "Annex II" opens a new one.
    std::size_t annex_first_ = 0;
    pugi::xml_node annex_att_;
    std::string annex_section_;

    void new_annex(const pugi::xml_node& at, std::string num) {
        Annex a;
        a.num = std::move(num);
        a.span = span_of(at);
        a.line = line_of(a.span.begin);
        doc_.annexes.push_back(std::move(a));
        annex_section_.clear();
    }

    Annex& current_annex() {
        if (doc_.annexes.size() == annex_first_) new_annex(annex_att_, "");
        return doc_.annexes.back();
    }

    /// A heading inside an annex: "Annex II" opens an annex, the first other heading is its
    /// title, a numbered heading ("I. Our shared commitment") is a section.
    bool annex_on_heading(const pugi::xml_node& n, const std::string& h) {
        std::string num;
        if (annex_heading(h, num)) {
            bool fresh = doc_.annexes.size() > annex_first_ && doc_.annexes.back().operative.empty() &&
                         doc_.annexes.back().preamble.empty() && doc_.annexes.back().title.empty() &&
                         doc_.annexes.back().num.empty();
            if (fresh) doc_.annexes.back().num = num;
            else new_annex(n, num);
            return true;
        }
        Annex& a = current_annex();
        if (a.title.empty() && a.operative.empty() && a.preamble.empty()) {
            a.title = h;
            return true;
        }
        auto num_node = n.child("num");
        if (!num_node) return false;
        Section s;
        s.num = text_of(num_node).text;
        if (!s.num.empty() && s.num.back() == '.') s.num.pop_back();
        for (auto k : n.children()) {
            if (k.type() != pugi::node_element || is(k, "num")) continue;
            std::string t = text_of(k).text;
            if (!t.empty()) s.heading += (s.heading.empty() ? "" : " ") + t;
        }
        s.span = span_of(n);
        s.line = line_of(s.span.begin);
        a.sections.push_back(s);
        annex_section_ = s.num;
        return true;
    }

    void read_annex_doc(const pugi::xml_node& d, const pugi::xml_node& att) {
        annex_first_ = doc_.annexes.size();
        annex_att_ = att;
        annex_section_.clear();
        pending_heading_.clear();
        BodyOut out{nullptr, nullptr, nullptr, true};
        for (auto c : d.children()) {
            if (c.type() != pugi::node_element) continue;
            auto name = local_name(c);
            if (name == "preface") {
                // our own profile: "Annex I" and the title as p/docNumber/docTitle/heading
                for (auto x : c.select_nodes(".//*[local-name()='docNumber' or local-name()='docTitle' or "
                                             "local-name()='heading' or (local-name()='p' and not(*))]")) {
                    std::string t = text_of(x.node()).text;
                    if (!t.empty()) annex_on_heading(x.node(), t);
                }
            } else if (name == "preamble") {
                read_preamble(c, out, "");
            } else if (name == "mainBody" || name == "body" || name == "mainContent") {
                walk_body(c, out, "");
            }
            // an annex's own meta and conclusions are not the resolution's
        }
        pending_heading_.clear();
        current_annex();  // an attachment always yields at least one annex
    }

    static DocKind kind_from(std::string_view name, std::string_view symbol) {
        if (name == "resolution") return DocKind::Resolution;
        if (name == "draftResolution" || name == "resolutionDraft") return DocKind::DraftResolution;
        if (name == "decision") return DocKind::Decision;
        if (name == "draftDecision" || name == "decisionDraft") return DocKind::DraftDecision;
        if (name == "amendment") return DocKind::Amendment;
        return symbol.find("/L.") != std::string_view::npos ? DocKind::DraftResolution : DocKind::Resolution;
    }

    void read_document(const pugi::xml_node& top, const pugi::xml_node& root) {
        own_ = std::string_view(top.child("meta").child("identification").attribute("source").value()) == "#unres";
        for (auto c : top.children()) {
            if (c.type() != pugi::node_element) continue;
            auto name = local_name(c);
            if (name == "meta") read_meta(c);
            else if (name == "coverPage") read_header_block(c, false);
            else if (name == "preface") read_header_block(c, true);
        }
        doc_.kind = kind_from(top.attribute("name").value(), doc_.meta.symbol.value);
        if (local_name(top) != "documentCollection") {
            read_statement_parts(top, "");
            return;
        }
        // documentCollection (78/80 A and B): every component, each as a section named after its part.
        pugi::xml_node comps = top.child("components");
        if (!comps) comps = root.child("components");
        bool kind_set = false;
        for (auto comp : comps.children()) {
            if (comp.type() != pugi::node_element) continue;
            pugi::xml_node st;
            for (auto k : comp.children())
                if (k.type() == pugi::node_element) {
                    st = k;
                    break;
                }
            if (!st) continue;
            if (!kind_set) {
                doc_.kind = kind_from(st.attribute("name").value(), doc_.meta.symbol.value);
                kind_set = true;
            }
            Section s;
            s.span = span_of(st);
            s.line = line_of(s.span.begin);
            if (auto pf = st.child("preface")) {
                for (auto x : pf.select_nodes(".//*[local-name()='docNumber']")) {
                    s.num = text_of(x.node()).text;
                    break;
                }
                for (auto x : pf.select_nodes(".//*[local-name()='docTitle']")) {
                    s.heading = text_of(x.node()).text;
                    break;
                }
            }
            if (!s.num.empty() && s.num.back() == '.') s.num.pop_back();
            if (s.num.empty()) s.num = std::string(1, static_cast<char>('A' + std::min<std::size_t>(doc_.sections.size(), 25)));
            doc_.sections.push_back(s);
            read_statement_parts(st, s.num);
        }
    }
};

Document Reader::run() {
    doc_.path = src_.path();
    doc_.format = InputFormat::Akn;
    doc_.kind = DocKind::Resolution;

    const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata;  // no parse_doctype: DTDs are skipped
    pugi::xml_parse_result res = xml_.load_buffer(s_.data(), s_.size(), options, pugi::encoding_utf8);
    if (!res) {
        auto off = clamp(res.offset < 0 ? 0 : static_cast<std::size_t>(res.offset));
        diag(Severity::Error, {off, off}, std::string("malformed XML: ") + res.description());
        return std::move(doc_);
    }
    if (pugi::xml_node deep = deeper_than(xml_, kMaxXmlDepth)) {
        const std::uint32_t at = begin_of(deep);
        diag(Severity::Error, {at, at}, "XML elements nested more than " + std::to_string(kMaxXmlDepth) +
                                            " deep: the document is not read");
        doc_.diagnostics.back().rule = "UNR903";
        return std::move(doc_);
    }
    // A DOCTYPE is never processed; say so, the author may expect its entities to work.
    {
        auto dt = s_.find("<!DOCTYPE");
        auto root_pos = xml_.document_element() ? begin_of(xml_.document_element()) : 0;
        if (dt != std::string::npos && dt < root_pos) {
            auto gt = s_.find('>', dt);
            diag(Severity::Warning, {clamp(dt), clamp(gt == std::string::npos ? dt + 9 : gt + 1)},
                 "DOCTYPE ignored: unres does not read DTDs, fetch external entities or expand declared entities");
        }
    }
    pugi::xml_node root = xml_.document_element();
    if (!root || local_name(root) != "akomaNtoso") {
        diag(Severity::Error, root ? span_of(root) : Span{},
             std::string("not an Akoma Ntoso document: the root element is <") + (root ? root.name() : "") + ">");
        return std::move(doc_);
    }
    pugi::xml_node top;
    for (auto c : root.children()) {
        if (c.type() == pugi::node_element && local_name(c) != "components") {
            top = c;
            break;
        }
    }
    if (!top) {
        diag(Severity::Error, span_of(root), "empty Akoma Ntoso document: no statement or document inside <akomaNtoso>");
        return std::move(doc_);
    }
    read_document(top, root);
    classify_siblings(doc_.operative);
    classify_siblings(doc_.preamble);
    for (auto& a : doc_.annexes) {
        classify_siblings(a.operative);
        classify_siblings(a.preamble);
    }
    if (!own_) move_preambular(doc_.operative, doc_.preamble);
    sort_footnotes(doc_.footnotes);  // number order, as every reader gives it (document.hpp)
    // an amendment's body paragraphs are its editing instructions
    if (doc_.kind == DocKind::Amendment && doc_.instructions.empty()) std::swap(doc_.instructions, doc_.operative);
    return std::move(doc_);
}

}  // namespace

Document read_akn(const SourceFile& src) {
    Reader r(src);
    return r.run();
}

}  // namespace unres::readers
