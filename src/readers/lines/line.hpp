// Internal: the typed line, what every flat input (plain text, pdftotext raw and -layout,
// markdown, Word .docx, PDF) hands to the reading stages.
//
// A producer turns its input into a vector of `Line`s and fills what it knows; the rest stays
// unknown (Zone::Unknown, NaN indent, no styles).  Later stages use a typographic fact when it
// is known and fall back to text cues when it is not:
//   - text / pdftotext (lines/text.cpp): text, source map, page (form feeds), indent (leading
//     spaces, in columns), layout gaps (3+ spaces), blank_before;
//   - markdown (the same producer with markup removed): emphasis and `<sup>` as styles,
//     `<sup>N</sup>` / `[^N]` as explicit marks, heading and bullet flags;
//   - .docx (readers/docx.cpp): one line per Word paragraph, italics and bold from runs,
//     footnote references as explicit marks, Word list numbering written as the label;
//   - PDF (readers/pdf*): page, zone (header / body / footnote area / footer), indent converted
//     from points to columns, superscript / italic / bold / size ratio per range.
//
// Guarantees every producer keeps: `text` is cleaned (one space between words, trimmed) and is
// either a view of SourceFile::text() (the text producer, when cleaning changed nothing) or the
// line's own copy, so it stays valid as long as the SourceFile and the line;
// `map` ties every text offset to a byte of SourceFile::text() (sorted by text_pos); ranges
// (styles, marks, gaps) are offsets into `text`, in order and inside it.
#pragma once
#include <cmath>
#include <cstring>
#include <algorithm>
#include <memory>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "unres/document.hpp"
#include "unres/source.hpp"

namespace unres::readers {

/// A line's cleaned text.  When the cleaning changed nothing (most lines of a plain text: no
/// tab, no run of spaces, no entity or markup), it is a view into SourceFile::text(), which
/// outlives the lines; otherwise the line owns a copy on the heap.  24 bytes either way, no
/// allocation for a view, and a move keeps the view valid (an owned copy does not move).  It
/// reads like a const std::string; it can only shrink in place (resize, erase at either end,
/// which move the view) or be assigned a new text (an owned copy).
class LineText {
public:
    static constexpr std::size_t npos = std::string_view::npos;
    LineText() = default;
    explicit LineText(std::string_view s) { assign(s); }
    LineText& operator=(std::string_view s) {
        assign(s);
        return *this;
    }
    LineText& operator=(const std::string& s) { return *this = std::string_view(s); }
    LineText& operator=(const char* s) { return *this = std::string_view(s); }
    /// A view of bytes that outlive the line (the source's text).
    static LineText view_of(std::string_view stable) {
        LineText t;
        t.p_ = stable.data();
        t.n_ = static_cast<std::uint32_t>(stable.size());
        return t;
    }
    LineText(const LineText& o) {
        if (o.own_) assign(o.view());
        else p_ = o.p_, n_ = o.n_;
    }
    LineText(LineText&& o) noexcept : p_(o.p_), n_(o.n_), own_(std::move(o.own_)) { o.p_ = nullptr, o.n_ = 0; }
    LineText& operator=(const LineText& o) {
        if (this != &o) *this = LineText(o);
        return *this;
    }
    LineText& operator=(LineText&& o) noexcept {
        if (this != &o) p_ = o.p_, n_ = o.n_, own_ = std::move(o.own_), o.p_ = nullptr, o.n_ = 0;
        return *this;
    }
    /// True when the text is a view of the source (nothing was copied).
    bool is_view() const { return !own_; }

    std::string_view view() const { return {p_ ? p_ : "", n_}; }
    operator std::string_view() const { return view(); }
    std::string str() const { return std::string(view()); }
    std::size_t size() const { return n_; }
    std::size_t length() const { return n_; }
    bool empty() const { return n_ == 0; }
    const char* data() const { return view().data(); }
    const char* begin() const { return data(); }
    const char* end() const { return data() + n_; }
    char operator[](std::size_t i) const { return p_[i]; }
    char front() const { return p_[0]; }
    char back() const { return p_[n_ - 1]; }
    std::string_view substr(std::size_t pos, std::size_t n = npos) const { return view().substr(pos, n); }
    template <class... A> std::size_t find(A&&... a) const { return view().find(std::forward<A>(a)...); }
    template <class... A> std::size_t rfind(A&&... a) const { return view().rfind(std::forward<A>(a)...); }
    template <class... A> std::size_t find_first_of(A&&... a) const { return view().find_first_of(std::forward<A>(a)...); }
    template <class... A> std::size_t find_last_of(A&&... a) const { return view().find_last_of(std::forward<A>(a)...); }
    template <class... A> std::size_t find_first_not_of(A&&... a) const { return view().find_first_not_of(std::forward<A>(a)...); }
    template <class... A> std::size_t find_last_not_of(A&&... a) const { return view().find_last_not_of(std::forward<A>(a)...); }
    template <class... A> int compare(A&&... a) const { return view().compare(std::forward<A>(a)...); }
    template <class A> bool starts_with(A&& a) const { return view().starts_with(std::forward<A>(a)); }
    template <class A> bool ends_with(A&& a) const { return view().ends_with(std::forward<A>(a)); }
    /// Keeps the first n bytes (n <= size()).
    void resize(std::size_t n) { n_ = static_cast<std::uint32_t>(n < n_ ? n : n_); }
    /// An owned text keeps only the bytes it shows (after resize or erase); a view stays a view.
    void shrink_to_fit() {
        if (own_) assign(view());
    }
    /// Removes [pos, pos + n): only at the start (pos 0) or through the end.
    void erase(std::size_t pos, std::size_t n = npos);
    friend bool operator==(const LineText& a, std::string_view b) { return a.view() == b; }
    friend bool operator==(const LineText& a, const LineText& b) { return a.view() == b.view(); }

private:
    void assign(std::string_view s) {
        std::unique_ptr<char[]> buf;  // made before the old copy goes: s may view it
        if (!s.empty()) {
            buf.reset(new char[s.size()]);
            std::memcpy(buf.get(), s.data(), s.size());
        }
        own_ = std::move(buf);
        p_ = own_.get();
        n_ = static_cast<std::uint32_t>(s.size());
    }
    const char* p_ = nullptr;
    std::uint32_t n_ = 0;
    std::unique_ptr<char[]> own_;
};

inline void LineText::erase(std::size_t pos, std::size_t n) {
    if (pos >= n_) return;
    if (pos == 0 && n < n_) {
        p_ += n;
        n_ -= static_cast<std::uint32_t>(n);
    } else {
        n_ = static_cast<std::uint32_t>(pos);  // through the end (a middle cut is never asked for)
    }
}

/// A line's source map (text offset → source offset, sorted by text_pos).  Almost every line is
/// one run of the source, one entry at text offset 0: that one is kept inline (no allocation);
/// any other map goes to the heap.  Reads like a const vector; it is replaced whole (from a
/// vector), never changed in place.
class LineMap {
public:
    LineMap() = default;
    LineMap(const LineMap& o) { assign(o.begin(), o.end()); }
    LineMap(LineMap&&) noexcept = default;
    LineMap& operator=(const LineMap& o) {
        if (this != &o) assign(o.begin(), o.end());
        return *this;
    }
    LineMap& operator=(LineMap&&) noexcept = default;
    LineMap& operator=(const std::vector<SourceMapEntry>& v) {
        assign(v.data(), v.data() + v.size());
        return *this;
    }
    const SourceMapEntry* begin() const { return many_ ? many_.get() : (n_ ? &one_ : nullptr); }
    const SourceMapEntry* end() const { return begin() + n_; }
    std::size_t size() const { return n_; }
    bool empty() const { return n_ == 0; }
    const SourceMapEntry& operator[](std::size_t i) const { return begin()[i]; }
    const SourceMapEntry& front() const { return *begin(); }
    const SourceMapEntry& back() const { return begin()[n_ - 1]; }

private:
    void assign(const SourceMapEntry* b, const SourceMapEntry* e) {
        const auto n = static_cast<std::uint32_t>(e - b);
        std::unique_ptr<SourceMapEntry[]> many;
        if (n > 1 || (n == 1 && b->text_pos != 0)) {
            many.reset(new SourceMapEntry[n]);
            std::copy(b, e, many.get());
        } else if (n == 1) {
            one_ = *b;
        }
        many_ = std::move(many);
        n_ = n;
    }
    SourceMapEntry one_{};  // the inline entry (n_ == 1, text_pos 0)
    std::unique_ptr<SourceMapEntry[]> many_;
    std::uint32_t n_ = 0;
};

/// A field most lines (and blocks) leave empty (footnote marks, styles, gaps, a footnote number;
/// a block's heading and table rows): on the heap only once set, 8 bytes instead of a vector's 24
/// or a string's 32.  Reads like a const T; `mut()` gives the T to change (made on first use).
template <class T>
class Rare {
public:
    Rare() = default;
    Rare(const Rare& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
    Rare(Rare&&) noexcept = default;
    Rare& operator=(const Rare& o) {
        if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
        return *this;
    }
    Rare& operator=(Rare&&) noexcept = default;
    Rare& operator=(T v) {
        if (p_) *p_ = std::move(v);
        else p_ = std::make_unique<T>(std::move(v));
        return *this;
    }
    const T& get() const { return p_ ? *p_ : none(); }
    operator const T&() const { return get(); }
    T& mut() {
        if (!p_) p_ = std::make_unique<T>();
        return *p_;
    }
    bool empty() const { return !p_ || p_->empty(); }
    std::size_t size() const { return p_ ? p_->size() : 0; }
    auto begin() const { return get().begin(); }
    auto end() const { return get().end(); }
    typename T::iterator begin() { return p_ ? p_->begin() : typename T::iterator{}; }
    typename T::iterator end() { return p_ ? p_->end() : typename T::iterator{}; }
    decltype(auto) operator[](std::size_t i) const { return get()[i]; }
    decltype(auto) front() const { return get().front(); }
    decltype(auto) back() const { return get().back(); }
    decltype(auto) back() { return mut().back(); }
    template <class U> void push_back(U&& v) { mut().push_back(std::forward<U>(v)); }
    void clear() {
        if (p_) p_->clear();
    }
    /// std::erase_if on the T, if there is one (an empty field is not made for it).
    template <class P> void erase_if(P pred) {
        if (p_) std::erase_if(*p_, pred);
    }
    template <class U> friend bool operator==(const Rare& a, const U& b) { return a.get() == b; }

private:
    static const T& none() {
        static const T empty;
        return empty;
    }
    std::unique_ptr<T> p_;
};

/// What the line stage decided a line is.
enum class LineKind : std::uint8_t {
    Blank,
    Furniture,    ///< page header/footer: running symbol, job number, barcode, page counter
    Separator,    ///< "______" line that opens a footnote block
    FrontMatter,  ///< markdown YAML front matter
    Footnote,     ///< a line of a footnote body (first or continuation)
    Content,
};

/// Where on the page a line sits, when the producer knows (PDF); text never does.
enum class Zone : std::uint8_t { Unknown, Header, Body, Notes, Footer };

inline constexpr float kUnknown = std::numeric_limits<float>::quiet_NaN();
inline bool known(float v) { return !std::isnan(v); }

/// Typography of text[begin, end).  A flag that is false means "not known to be set": a
/// producer that cannot see italics (plain text) simply emits no style.
struct Style {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool italic = false;
    bool bold = false;
    bool superscript = false;
    float size_ratio = kUnknown;  ///< font size / the body's font size; NaN when unknown
};

struct Line {
    // --- where the line comes from
    std::uint32_t begin = 0;   ///< source offset of the first byte of the raw line
    std::uint32_t end = 0;     ///< source offset after the last byte (terminator excluded)
    std::uint32_t number = 0;  ///< 1-based line number in SourceFile::text()
    int page = 0;              ///< 0-based page (form feeds, PDF pages, or furniture-separated regions)
    Zone zone = Zone::Unknown;
    /// Left indent in character columns (leading spaces; tabs count 8); NaN when unknown.
    float indent = kUnknown;
    bool blank_before = false; ///< a blank line (or paragraph space) precedes it
    // --- markup the producer removed
    bool bullet = false;       ///< markdown list bullet ("- ")
    bool heading = false;      ///< markdown heading ("## ")
    // --- what the line stage decided (the one-byte fields beside the others: a line is one of
    // the reader's largest values, 120 bytes, one per source line)
    LineKind kind = LineKind::Content;
    bool note_number_only = false;  ///< a line holding only a footnote number (pdftotext)
    /// The repairs split it off the line before ("... commitments 13. We gather"): where it
    /// starts is the reader's guess (Para::boundary_guessed).
    bool split_off = false;
    // --- the text
    LineText text;             ///< cleaned text, single spaces, trimmed (a view of the source when unchanged)
    LineMap map;               ///< where each text offset comes from
    Rare<std::vector<Mark>> marks;   ///< explicit footnote marks (markup, Word references, PDF superscripts); pos into text
    Rare<std::vector<Style>> styles; ///< typography ranges, sorted by begin
    Rare<std::vector<std::size_t>> gaps;  ///< where a wide gap (layout columns) was collapsed: the text positions before and after its space, in order
    Rare<std::string> note_num;      ///< (line stage) the first line of a footnote body: its number ("*" too)

    /// The italic ranges, in order.
    std::vector<TextRange> italics() const;
    void add_italic(std::size_t b, std::size_t e);
    /// Indent in whole columns, 0 when unknown.
    int columns() const { return known(indent) ? static_cast<int>(indent) : 0; }
};
static_assert(sizeof(Line) <= 120, "Line grew: one per source line, it bounds the reader's memory");

/// Accumulates cleaned text while recording where each byte came from.
class MappedText {
public:
    void append(std::string_view piece, std::uint32_t src);
    /// Appends one space unless the text is empty or already ends with one.
    void space(std::uint32_t src);
    void trim_end();
    std::string text;
    std::vector<SourceMapEntry> map;
};

}  // namespace unres::readers
