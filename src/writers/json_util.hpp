// Internal: a small streaming JSON writer shared by the JSON tree, the diagnostics
// JSON and SARIF renderers.  Deterministic output: keys are written in the order the
// caller gives them, two-space indentation, "\n" line ends, no trailing newline.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace unres::json {

/// Appends `s` as a JSON string literal (with the quotes).  Escapes `"`, `\`, every
/// control character (U+0000..U+001F, U+007F), U+2028 and U+2029; invalid UTF-8
/// bytes become U+FFFD, so the result is always valid UTF-8.
void append_quoted(std::string& out, std::string_view s);
std::string quote(std::string_view s);

class Writer {
public:
    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    /// Writes an object key; the next call writes its value.
    Writer& key(std::string_view k);
    void string(std::string_view s);
    /// A string, or null when `s` is empty.
    void string_or_null(std::string_view s);
    void number(std::int64_t n);
    /// A number, or null when `n` is 0 (line numbers are 1-based).
    void number_or_null(std::int64_t n);
    void boolean(bool b);
    void null();
    /// Hands what is written so far to `sink` each time it passes `chunk` bytes (checked as a
    /// value begins), so that a large document is never whole in memory; finish_document() hands
    /// it the rest.  Without a sink (the default) everything stays in the writer.
    void stream_to(std::function<void(std::string_view)> sink, std::size_t chunk = std::size_t{1} << 20) {
        sink_ = std::move(sink);
        chunk_ = chunk;
    }
    /// With a sink: the rest of the document and its final newline, as take_document() ends it.
    void finish_document() {
        out_ += '\n';
        if (sink_) sink_(out_);
        out_.clear();
    }
    const std::string& str() const { return out_; }
    std::string take() { return std::move(out_); }
    /// The whole JSON document as written to a file or standard output: with a final newline.
    std::string take_document() {
        std::string out = take();
        out += '\n';
        return out;
    }

private:
    struct Frame {
        bool array;
        bool empty;
    };
    void before_value();
    void newline_indent(std::size_t depth);
    void open(char c, bool array);
    void close(char c);
    std::string out_;
    std::vector<Frame> stack_;
    bool after_key_ = false;
    std::function<void(std::string_view)> sink_;
    std::size_t chunk_ = 0;
};

}  // namespace unres::json

#include "unres/diagnostic.hpp"
#include "unres/source.hpp"

namespace unres::detail {
/// Exclusive end offset of `span` for display: never before its begin, and without the
/// line terminators it may swallow (so a span over a whole line ends on that line).
inline std::uint32_t display_end(const SourceFile& src, Span span) {
    std::uint32_t b = span.begin, e = span.end;
    const std::string& t = src.text();
    if (b > t.size()) b = static_cast<std::uint32_t>(t.size());
    if (e > t.size()) e = static_cast<std::uint32_t>(t.size());
    if (e < b) e = b;
    while (e > b && (t[e - 1] == '\n' || t[e - 1] == '\r')) --e;
    return e;
}
/// One diagnostic in the shape of `check --format json`: rule, severity, line, column,
/// end_line, end_column, message (+ notes / fix when present).  Shared by to_json and
/// render_json so both stay identical.
void write_diagnostic_json(json::Writer& w, const SourceFile& src, const Diagnostic& d);
}  // namespace unres::detail
