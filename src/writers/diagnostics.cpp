// Diagnostics renderings: text (compiler style, with excerpt and caret), JSON, SARIF
// 2.1.0 and GitHub Actions workflow commands.  See design/INTERFACE.md.
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "unres/writers.hpp"
#include "utf8.hpp"
#include "writers/ansi.hpp"
#include "writers/json_util.hpp"

namespace unres {
namespace {

using ansi::kBold;
using ansi::kReset;
constexpr const char* kRed = ansi::kBoldRed;
constexpr const char* kMagenta = ansi::kBoldMagenta;
constexpr const char* kCyan = ansi::kBoldCyan;
constexpr const char* kGreen = ansi::kBoldGreen;

constexpr std::size_t kTabStop = 4;
constexpr std::size_t kMaxExcerptWidth = 100;  // display columns shown of a long line
constexpr std::size_t kContextBefore = 30;     // columns kept before the caret when trimming
constexpr std::size_t kMaxExcerptBytes = 4096; // bytes of a line laid out at most

std::string_view display_path(const FileReport& f) {
    return f.src && !f.src->path().empty() ? std::string_view(f.src->path()) : std::string_view("<unknown>");
}

/// Display width of a code point on a terminal: 0 for combining marks and zero-width
/// characters, 2 for East Asian wide and fullwidth characters, 1 otherwise.
std::size_t cp_width(char32_t c) {
    if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x0483 && c <= 0x0489) || (c >= 0x0591 && c <= 0x05BD) ||
        (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
        (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x200B && c <= 0x200F) || (c >= 0x20D0 && c <= 0x20FF) ||
        (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F) || c == 0xFEFF || c == 0x2060)
        return 0;
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
        (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
        (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
        (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD))
        return 2;
    return 1;
}

/// Characters that must not reach a terminal as they are (controls, bidi overrides).
bool unsafe_cp(char32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

/// A message on one line, without terminal controls.
std::string sanitize_message(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t start = i;
        char32_t c = utf8::next(s, i);
        if (c == '\n' || c == '\r' || c == '\t') out += ' ';
        else if (unsafe_cp(c)) out += "\xEF\xBF\xBD";
        else if (c == 0xFFFD && i - start == 1 && static_cast<unsigned char>(s[start]) >= 0x80) out += "\xEF\xBF\xBD";
        else out.append(s.substr(start, i - start));
    }
    return out;
}

/// One code point of an excerpt line, as shown.
struct Cell {
    std::string shown;
    std::size_t width = 0;
    std::size_t byte = 0;  // offset in the line
    std::size_t col = 0;   // display column where it starts (0-based)
};

std::vector<Cell> layout(std::string_view line) {
    std::vector<Cell> cells;
    std::size_t i = 0, col = 0;
    while (i < line.size()) {
        std::size_t start = i;
        char32_t c = utf8::next(line, i);
        Cell cell;
        cell.byte = start;
        cell.col = col;
        if (c == '\t') {
            cell.width = kTabStop - col % kTabStop;
            cell.shown.assign(cell.width, ' ');
        } else if (unsafe_cp(c)) {
            cell.width = 1;
            cell.shown = "\xEF\xBF\xBD";
        } else {
            cell.width = cp_width(c);
            cell.shown.assign(line.substr(start, i - start));
        }
        col += cell.width;
        cells.push_back(std::move(cell));
    }
    return cells;
}

/// Where the user looks: for a PDF the page and the line on it (page 0 otherwise).
struct Where {
    std::uint32_t page = 0;
    LineCol lc;
};
Where where(const SourceFile& src, std::uint32_t offset) {
    if (src.is_pdf()) {
        PageLocation p = src.page_location(offset);
        return {p.page, {p.line, p.column}};
    }
    return {0, src.location(offset)};
}

/// The source line an excerpt shows and the bytes [b0, e0) of it under the caret.
struct ExcerptLine {
    std::string_view text;
    std::size_t b0 = 0, e0 = 0;
    bool cut_left = false, cut_right = false;  ///< a huge line cut to a window around the caret
    std::uint32_t number = 0;                  ///< the line number in the gutter
};

/// The line `span` begins on: for a PDF the printed line (without the page's form feed and
/// the indent), for a huge line (a 50 MB single-line file) only a window around the column.
ExcerptLine excerpt_line(const SourceFile& src, Span span) {
    const std::string& text = src.text();
    std::uint32_t begin = std::min<std::uint32_t>(span.begin, static_cast<std::uint32_t>(text.size()));
    std::uint32_t end = detail::display_end(src, span);
    LineCol lc = src.location(begin);
    std::string_view line = src.line_text(lc.line);
    std::uint32_t ls = src.line_start(lc.line);
    if (src.is_pdf()) {
        while (!line.empty() && (line.front() == '\f' || line.front() == ' ')) line.remove_prefix(1), ++ls;
        if (begin < ls) begin = ls;
        if (end < begin) end = begin;
    }
    ExcerptLine x;
    x.number = src.is_pdf() ? where(src, begin).lc.line : lc.line;
    x.b0 = std::min<std::size_t>(begin - ls, line.size());
    x.e0 = std::min<std::size_t>(end >= ls ? end - ls : 0, line.size());
    if (x.e0 < x.b0) x.e0 = x.b0;
    if (line.size() > kMaxExcerptBytes) {
        std::size_t lo = x.b0 > kMaxExcerptBytes / 4 ? x.b0 - kMaxExcerptBytes / 4 : 0;
        while (lo > 0 && (static_cast<unsigned char>(line[lo]) & 0xC0) == 0x80) --lo;
        std::size_t hi = std::min(line.size(), lo + kMaxExcerptBytes);
        while (hi < line.size() && (static_cast<unsigned char>(line[hi]) & 0xC0) == 0x80) ++hi;
        x.cut_left = lo > 0;
        x.cut_right = hi < line.size();
        line = line.substr(lo, hi - lo);
        x.b0 -= lo;
        x.e0 = std::min(x.e0, hi) - lo;
    }
    x.text = line;
    return x;
}

/// What of the laid-out line is shown: a window of at most kMaxExcerptWidth columns around the
/// caret, and where the caret stands in display columns.
struct Shown {
    std::string text;
    std::size_t first_col = 0;  ///< display column of the first shown cell
    std::size_t last_col = 0;   ///< display column after the last shown cell
    std::size_t caret_col = 0, caret_width = 1;
    bool cut_left = false, cut_right = false;
};

Shown shown_window(const ExcerptLine& x) {
    std::vector<Cell> cells = layout(x.text);
    std::size_t total = cells.empty() ? 0 : cells.back().col + cells.back().width;
    Shown s;
    s.caret_col = total;
    std::size_t caret_end = total;
    for (const Cell& c : cells) {
        if (c.byte >= x.b0) { s.caret_col = c.col; break; }
    }
    for (const Cell& c : cells) {
        if (c.byte >= x.e0) { caret_end = c.col; break; }
    }
    s.caret_width = std::max<std::size_t>(1, caret_end > s.caret_col ? caret_end - s.caret_col : 1);
    std::size_t ws = 0, we = total;
    if (total > kMaxExcerptWidth) {
        ws = s.caret_col > kContextBefore ? s.caret_col - kContextBefore : 0;
        if (ws + kMaxExcerptWidth > total) ws = total - kMaxExcerptWidth;
        we = ws + kMaxExcerptWidth;
    }
    s.first_col = total;
    for (const Cell& c : cells) {
        if (c.col < ws || c.col + c.width > we) continue;
        if (s.first_col == total) s.first_col = c.col;
        s.text += c.shown;
        s.last_col = c.col + c.width;
    }
    if (s.first_col == total) s.first_col = ws;
    s.cut_left = s.first_col > 0 || x.cut_left;
    s.cut_right = (s.last_col < total && !cells.empty()) || x.cut_right;
    return s;
}

void append_excerpt(std::string& out, const SourceFile& src, Span span, bool color) {
    const ExcerptLine x = excerpt_line(src, span);
    const Shown s = shown_window(x);
    const std::string prefix = s.cut_left ? "..." : "";
    // the line, "   12 | text"
    std::string num = std::to_string(x.number);
    std::size_t gutter = std::max<std::size_t>(5, num.size());
    out.append(gutter - num.size(), ' ');
    out += num;
    out += " | ";
    out += prefix;
    out += s.text;
    if (s.cut_right) out += "...";
    out += '\n';
    // the caret under it, "      |    ^~~~"
    std::size_t caret_pos = s.caret_col >= s.first_col ? s.caret_col - s.first_col : 0;
    std::size_t visible_end = s.cut_right ? s.last_col : std::max(s.last_col, s.caret_col + s.caret_width);
    std::size_t width = s.caret_col + s.caret_width <= visible_end ? s.caret_width
                        : (visible_end > s.caret_col ? visible_end - s.caret_col : 1);
    out.append(gutter, ' ');
    out += " | ";
    out.append(prefix.size() + caret_pos, ' ');
    if (color) out += kGreen;
    out += '^';
    out.append(width - 1, '~');
    if (color) out += kReset;
    out += '\n';
}

void append_header(std::string& out, std::string_view path, Where at, Severity sev, std::string_view message,
                   std::string_view rule, bool color) {
    const LineCol lc = at.lc;
    if (color) out += kBold;
    out += path;
    out += ':';
    if (at.page > 0) out += 'p' + std::to_string(at.page) + ':';  // doc.pdf:p3:12:5:
    out += std::to_string(lc.line);
    out += ':';
    out += std::to_string(lc.column);
    out += ':';
    if (color) out += kReset;
    out += ' ';
    if (color) out += sev == Severity::Error ? kRed : sev == Severity::Warning ? kMagenta : kCyan;
    out += to_string(sev);
    out += ':';
    if (color) out += kReset;
    out += ' ';
    if (color) out += kBold;
    out += sanitize_message(message);
    if (color) out += kReset;
    if (!rule.empty()) {
        out += " [";
        out += rule;
        out += ']';
    }
    out += '\n';
}

struct Counts {
    std::size_t errors = 0, warnings = 0;
};
Counts count(const std::vector<FileReport>& files) {
    Counts c;
    for (const FileReport& f : files)
        for (const Diagnostic& d : f.diagnostics) {
            if (d.severity == Severity::Error) ++c.errors;
            else if (d.severity == Severity::Warning) ++c.warnings;
        }
    return c;
}

std::string_view sarif_level(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "warning";
}

/// A relative or absolute path as a URI reference (RFC 3986): unreserved characters
/// and '/' kept, every other byte percent-encoded; absolute paths become file:// URIs.
std::string path_to_uri(std::string_view path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    if (!path.empty() && path.front() == '/') out = "file://";
    for (char ch : path) {
        auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

void sarif_location(json::Writer& w, const SourceFile& src, std::string_view uri, Span span) {
    Where wb = where(src, std::min<std::uint32_t>(span.begin, static_cast<std::uint32_t>(src.text().size())));
    Where we = where(src, detail::display_end(src, span));
    LineCol b = wb.lc, e = we.lc;
    if (wb.page > 0 && we.page != wb.page) e = {b.line, b.column + 1};  // a region stays on its page
    w.key("physicalLocation").begin_object();
    w.key("artifactLocation").begin_object();
    w.key("uri").string(uri);
    w.end_object();
    w.key("region").begin_object();
    w.key("startLine").number(b.line);
    w.key("startColumn").number(b.column);
    w.key("endLine").number(e.line);
    w.key("endColumn").number(e.column);
    if (wb.page > 0) {  // a PDF: lines count on the page
        w.key("properties").begin_object();
        w.key("page").number(wb.page);
        w.end_object();
    }
    w.end_object();
    w.end_object();
}

/// GitHub workflow command escaping: data escapes %, CR, LF; properties also ':' and ','.
std::string gh_escape(std::string_view s, bool property) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '%': out += "%25"; break;
            case '\r': out += "%0D"; break;
            case '\n': out += "%0A"; break;
            case ':': out += property ? "%3A" : ":"; break;
            case ',': out += property ? "%2C" : ","; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace

std::string render_text(const std::vector<FileReport>& files, const RenderOptions& opts) {
    std::string out;
    for (const FileReport& f : files) {
        if (!f.src) continue;
        std::string_view path = display_path(f);
        for (const Diagnostic& d : f.diagnostics) {
            append_header(out, path, where(*f.src, d.span.begin), d.severity, d.message, d.rule, opts.color);
            if (opts.excerpt) append_excerpt(out, *f.src, d.span, opts.color);
            for (const Related& n : d.notes) {
                append_header(out, path, where(*f.src, n.span.begin), Severity::Note, n.message, {}, opts.color);
                if (opts.excerpt) append_excerpt(out, *f.src, n.span, opts.color);
            }
        }
    }
    Counts c = count(files);
    out += std::to_string(c.errors) + " errors, " + std::to_string(c.warnings) + " warnings in " +
           std::to_string(files.size()) + " files\n";
    return out;
}

std::string render_json(const std::vector<FileReport>& files) {
    json::Writer w;
    w.begin_object();
    w.key("files").begin_array();
    for (const FileReport& f : files) {
        w.begin_object();
        w.key("path").string(display_path(f));
        w.key("format").string(to_string(f.format));
        w.key("diagnostics").begin_array();
        if (f.src)
            for (const Diagnostic& d : f.diagnostics) detail::write_diagnostic_json(w, *f.src, d);
        w.end_array();
        w.end_object();
    }
    w.end_array();
    Counts c = count(files);
    w.key("summary").begin_object();
    w.key("files").number(static_cast<std::int64_t>(files.size()));
    w.key("errors").number(static_cast<std::int64_t>(c.errors));
    w.key("warnings").number(static_cast<std::int64_t>(c.warnings));
    w.end_object();
    w.end_object();
    return w.take_document();
}

std::string render_sarif(const std::vector<FileReport>& files, const std::vector<RuleInfo>& rules) {
    json::Writer w;
    w.begin_object();
    w.key("$schema").string("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
    w.key("version").string("2.1.0");
    w.key("runs").begin_array();
    w.begin_object();
    w.key("tool").begin_object();
    w.key("driver").begin_object();
    w.key("name").string("unres");
    w.key("version").string(UNRES_VERSION);
    w.key("informationUri").string("https://github.com/unres/unres");
    w.key("rules").begin_array();
    for (const RuleInfo& r : rules) {
        w.begin_object();
        w.key("id").string(r.id);
        w.key("name").string(r.name);
        w.key("shortDescription").begin_object();
        w.key("text").string(r.summary);
        w.end_object();
        w.key("fullDescription").begin_object();
        w.key("text").string(r.doc.empty() ? r.summary : r.doc);
        w.end_object();
        w.key("help").begin_object();
        w.key("text").string(r.doc.empty() ? r.summary : r.doc);
        w.key("markdown").string(r.doc.empty() ? r.summary : r.doc);
        w.end_object();
        w.key("defaultConfiguration").begin_object();
        w.key("level").string(sarif_level(r.severity));
        w.end_object();
        w.end_object();
    }
    w.end_array();
    w.end_object();  // driver
    w.end_object();  // tool
    w.key("columnKind").string("unicodeCodePoints");
    w.key("results").begin_array();
    for (const FileReport& f : files) {
        if (!f.src) continue;
        std::string uri = path_to_uri(display_path(f));
        for (const Diagnostic& d : f.diagnostics) {
            w.begin_object();
            w.key("ruleId").string(d.rule);
            auto it = std::find_if(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.id == d.rule; });
            if (it != rules.end()) w.key("ruleIndex").number(it - rules.begin());
            w.key("level").string(sarif_level(d.severity));
            w.key("message").begin_object();
            w.key("text").string(d.message);
            w.end_object();
            w.key("locations").begin_array();
            w.begin_object();
            sarif_location(w, *f.src, uri, d.span);
            w.end_object();
            w.end_array();
            if (!d.notes.empty()) {
                w.key("relatedLocations").begin_array();
                std::int64_t id = 0;
                for (const Related& n : d.notes) {
                    w.begin_object();
                    w.key("id").number(id++);
                    sarif_location(w, *f.src, uri, n.span);
                    w.key("message").begin_object();
                    w.key("text").string(n.message);
                    w.end_object();
                    w.end_object();
                }
                w.end_array();
            }
            w.end_object();
        }
    }
    w.end_array();
    w.end_object();  // run
    w.end_array();
    w.end_object();
    return w.take_document();
}

std::string render_github(const std::vector<FileReport>& files) {
    std::string out;
    for (const FileReport& f : files) {
        if (!f.src) continue;
        std::string file = gh_escape(display_path(f), true);
        for (const Diagnostic& d : f.diagnostics) {
            Where wb = where(*f.src, d.span.begin), we = where(*f.src, detail::display_end(*f.src, d.span));
            LineCol b = wb.lc, e = we.lc;
            if (wb.page > 0 && we.page != wb.page) e = {b.line, b.column + 1};
            std::string message = wb.page > 0 ? "page " + std::to_string(wb.page) + ": " + d.message : d.message;
            for (const Related& n : d.notes) {
                Where nw = where(*f.src, n.span.begin);
                LineCol nl = nw.lc;
                message += "\nnote: " + (nw.page > 0 ? "page " + std::to_string(nw.page) + ", " : std::string()) + "line " + std::to_string(nl.line) + ", column " + std::to_string(nl.column) + ": " +
                           n.message;
            }
            out += "::";
            out += d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "notice";
            out += " file=" + file;
            out += ",line=" + std::to_string(b.line) + ",col=" + std::to_string(b.column);
            out += ",endLine=" + std::to_string(e.line) + ",endColumn=" + std::to_string(e.column);
            out += ",title=" + gh_escape(d.rule, true);
            out += "::" + gh_escape(message, false) + '\n';
        }
    }
    return out;
}

}  // namespace unres
