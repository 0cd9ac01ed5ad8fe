// The JSON tree of INTERFACE.md (`unres convert --to json`) and the JSON writer
// used by every JSON-shaped output.
#include <cstdio>
#include <string>

#include "unres/writers.hpp"
#include "utf8.hpp"
#include "writers/json_util.hpp"

namespace unres {
namespace json {

void append_quoted(std::string& out, std::string_view s) {
    out += '"';
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {  // a run that needs no escape: one append
            std::size_t e = i + 1;
            while (e < s.size() && static_cast<unsigned char>(s[e]) >= 0x20 && static_cast<unsigned char>(s[e]) < 0x7F &&
                   s[e] != '"' && s[e] != '\\')
                ++e;
            out.append(s, i, e - i);
            i = e;
            continue;
        }
        if (c < 0x80) {
            switch (c) {
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case '\b': out += "\\b"; break;
                case '\f': out += "\\f"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                default:
                    if (c < 0x20 || c == 0x7F) {
                        char buf[8];
                        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                        out += buf;
                    } else {
                        out += static_cast<char>(c);
                    }
            }
            ++i;
            continue;
        }
        std::size_t len = utf8::valid_sequence(s, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD for an invalid byte
            ++i;
            continue;
        }
        std::string_view seq = s.substr(i, len);
        if (seq == "\xE2\x80\xA8") out += "\\u2028";
        else if (seq == "\xE2\x80\xA9") out += "\\u2029";
        else out.append(seq);
        i += len;
    }
    out += '"';
}

std::string quote(std::string_view s) {
    std::string out;
    append_quoted(out, s);
    return out;
}

void Writer::newline_indent(std::size_t depth) {
    out_ += '\n';
    out_.append(depth * 2, ' ');
}

void Writer::before_value() {
    if (sink_ && out_.size() >= chunk_) {  // a piece for the sink, between two values
        sink_(out_);
        out_.clear();
    }
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (stack_.empty()) return;
    Frame& f = stack_.back();
    if (!f.empty) out_ += ',';
    f.empty = false;
    newline_indent(stack_.size());
}

void Writer::open(char c, bool array) {
    before_value();
    out_ += c;
    stack_.push_back({array, true});
}

void Writer::close(char c) {
    if (stack_.empty()) return;
    bool was_empty = stack_.back().empty;
    stack_.pop_back();
    if (!was_empty) newline_indent(stack_.size());
    out_ += c;
}

void Writer::begin_object() { open('{', false); }
void Writer::end_object() { close('}'); }
void Writer::begin_array() { open('[', true); }
void Writer::end_array() { close(']'); }

Writer& Writer::key(std::string_view k) {
    before_value();
    append_quoted(out_, k);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

void Writer::string(std::string_view s) {
    before_value();
    append_quoted(out_, s);
}

void Writer::string_or_null(std::string_view s) {
    if (s.empty()) null();
    else string(s);
}

void Writer::number(std::int64_t n) {
    before_value();
    out_ += std::to_string(n);
}

void Writer::number_or_null(std::int64_t n) {
    if (n == 0) null();
    else number(n);
}

void Writer::boolean(bool b) {
    before_value();
    out_ += b ? "true" : "false";
}

void Writer::null() {
    before_value();
    out_ += "null";
}

}  // namespace json

namespace {

using json::Writer;

/// Line of a node: from its span when it has one, else the builder's line.
std::int64_t node_line(const SourceFile& src, Span span, std::uint32_t fallback) {
    if (span.begin == 0 && span.end == 0) return fallback;
    return src.line_of(span.begin);
}

void write_field(Writer& w, std::string_view key, const Field& f) { w.key(key).string_or_null(f.value); }

void write_field_list(Writer& w, std::string_view key, const std::vector<Field>& fs) {
    w.key(key).begin_array();
    for (const Field& f : fs) w.string(f.value);
    w.end_array();
}

void write_para(Writer& w, const SourceFile& src, const Para& p, bool top_level) {
    w.begin_object();
    w.key("num").string_or_null(p.num);
    w.key("text").string(p.text);
    w.key("line").number(node_line(src, p.span, p.line));
    if (top_level) w.key("section").string_or_null(p.section);
    if (!p.heading.empty()) w.key("heading").string(p.heading);
    w.key("children").begin_array();
    for (const Para& c : p.children) write_para(w, src, c, false);
    w.end_array();
    w.end_object();
}

void write_paras(Writer& w, std::string_view key, const SourceFile& src, const std::vector<Para>& ps) {
    w.key(key).begin_array();
    for (const Para& p : ps) write_para(w, src, p, true);
    w.end_array();
}

void write_sections(Writer& w, const SourceFile& src, const std::vector<Section>& ss) {
    w.key("sections").begin_array();
    for (const Section& s : ss) {
        w.begin_object();
        w.key("num").string_or_null(s.num);
        w.key("heading").string_or_null(s.heading);
        w.key("line").number(node_line(src, s.span, s.line));
        w.end_object();
    }
    w.end_array();
}

void write_metadata(Writer& w, const Metadata& m) {
    w.key("metadata").begin_object();
    write_field(w, "body", m.body);
    write_field(w, "symbol", m.symbol);
    write_field(w, "distribution", m.distribution);
    write_field(w, "date", m.date);
    write_field(w, "original_language", m.original_language);
    write_field(w, "session", m.session);
    write_field(w, "committee", m.committee);
    write_field_list(w, "agenda_items", m.agenda_items);
    write_field(w, "agenda_title", m.agenda_title);
    write_field_list(w, "sponsors", m.sponsors);
    write_field(w, "document_type", m.document_type);
    write_field(w, "title", m.title);
    // Keys beyond the INTERFACE.md example (allowed: "new keys may be added").
    write_field(w, "sponsor_text", m.sponsor_text);
    write_field(w, "number", m.number);
    write_field(w, "origin", m.origin);
    write_field(w, "adoption_date", m.adoption_date);
    write_field(w, "target", m.target);  // an amendment's: the symbol of the text it amends
    w.end_object();
}

void write_location(Writer& w, const SourceFile& src, std::uint32_t offset, std::string_view line_key,
                    std::string_view col_key) {
    if (src.is_pdf()) {  // a PDF: the page, the line on that page, the column on that line
        PageLocation pl = src.page_location(offset);
        w.key(line_key == "line" ? "page" : "end_page").number(pl.page);
        w.key(line_key).number(pl.line);
        w.key(col_key).number(pl.column);
        return;
    }
    LineCol lc = src.location(offset);
    w.key(line_key).number(lc.line);
    w.key(col_key).number(lc.column);
}

}  // namespace

namespace detail {

/// One diagnostic in the shape of `check --format json` (shared with render_json).
void write_diagnostic_json(Writer& w, const SourceFile& src, const Diagnostic& d) {
    w.begin_object();
    w.key("rule").string(d.rule);
    w.key("severity").string(to_string(d.severity));
    write_location(w, src, d.span.begin, "line", "column");
    write_location(w, src, display_end(src, d.span), "end_line", "end_column");
    w.key("message").string(d.message);
    if (!d.notes.empty()) {
        w.key("notes").begin_array();
        for (const Related& n : d.notes) {
            w.begin_object();
            write_location(w, src, n.span.begin, "line", "column");
            w.key("message").string(n.message);
            w.end_object();
        }
        w.end_array();
    }
    if (d.fix) {
        w.key("fix").begin_object();
        w.key("title").string(d.fix->title);
        w.key("edits").begin_array();
        for (const Edit& e : d.fix->edits) {
            w.begin_object();
            write_location(w, src, e.span.begin, "line", "column");
            write_location(w, src, e.span.end < e.span.begin ? e.span.begin : e.span.end, "end_line", "end_column");
            w.key("replacement").string(e.replacement);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_object();
}

}  // namespace detail

namespace {

void write_footnotes(Writer& w, const SourceFile& src, const std::vector<Footnote>& notes) {
    w.key("footnotes").begin_array();
    for (const Footnote& f : notes) {
        w.begin_object();
        w.key("num").string_or_null(f.num);
        w.key("text").string(f.text);
        w.key("line").number(node_line(src, f.span, f.line));
        w.key("references").begin_array();
        for (const Span& r : f.refs) {
            w.begin_object();
            write_location(w, src, r.begin, "line", "column");
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
}

void write_annexes(Writer& w, const SourceFile& src, const std::vector<Annex>& annexes) {
    w.key("annexes").begin_array();
    for (const Annex& a : annexes) {
        w.begin_object();
        w.key("num").string_or_null(a.num);
        w.key("title").string_or_null(a.title);
        w.key("line").number(node_line(src, a.span, a.line));
        write_paras(w, "preamble", src, a.preamble);
        write_paras(w, "operative", src, a.operative);
        write_sections(w, src, a.sections);
        w.end_object();
    }
    w.end_array();
}

void write_tables(Writer& w, const SourceFile& src, const std::vector<Table>& tables) {
    // tables: rows of cells; "after" top-level paragraphs of the operative part ("annex": null)
    // or of annex number "annex" (0-based)
    w.key("tables").begin_array();
    for (const Table& t : tables) {
        w.begin_object();
        w.key("line").number(node_line(src, t.span, t.line));
        w.key("after").number(static_cast<long long>(t.after));
        if (t.annex < 0) w.key("annex").null();
        else w.key("annex").number(t.annex);
        w.key("rows").begin_array();
        for (const auto& r : t.rows) {
            w.begin_array();
            for (const auto& c : r) w.string(c);
            w.end_array();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
}

}  // namespace

namespace {

void write_tree(Writer& w, const Document& doc, const SourceFile& src, const std::vector<Diagnostic>& diags) {
    w.begin_object();
    w.key("unres_json_version").number(1);
    w.key("source").begin_object();
    w.key("path").string(doc.path.empty() ? src.path() : doc.path);
    w.key("format").string(to_string(doc.format));
    w.end_object();
    w.key("kind").string(to_string(doc.kind));
    write_metadata(w, doc.meta);
    w.key("authority").string_or_null(doc.authority.value);
    write_paras(w, "preamble", src, doc.preamble);
    write_paras(w, "operative", src, doc.operative);
    write_sections(w, src, doc.sections);
    if (!doc.instructions.empty()) write_paras(w, "instructions", src, doc.instructions);

    write_footnotes(w, src, doc.footnotes);
    write_annexes(w, src, doc.annexes);
    w.key("closing").begin_object();
    w.key("meeting").string_or_null(doc.closing.meeting);
    w.key("date").string_or_null(doc.closing.date);
    if (doc.closing.meeting.empty() && doc.closing.date.empty()) w.key("line").null();
    else w.key("line").number(node_line(src, doc.closing.span, doc.closing.line));
    w.end_object();

    write_tables(w, src, doc.tables);

    w.key("unclassified").begin_array();
    for (const Block& b : doc.unclassified) {
        w.begin_object();
        w.key("text").string(b.text);
        w.key("line").number(node_line(src, b.span, b.line));
        w.end_object();
    }
    w.end_array();

    w.key("diagnostics").begin_array();
    for (const Diagnostic& d : diags) detail::write_diagnostic_json(w, src, d);
    w.end_array();
    w.end_object();
}

}  // namespace

std::string to_json(const Document& doc, const SourceFile& src, const std::vector<Diagnostic>& diags) {
    Writer w;
    write_tree(w, doc, src, diags);
    return w.take_document();
}

void write_json(const Document& doc, const SourceFile& src, const std::vector<Diagnostic>& diags,
                const std::function<void(std::string_view)>& sink) {
    Writer w;
    w.stream_to(sink);
    write_tree(w, doc, src, diags);
    w.finish_document();
}

}  // namespace unres
