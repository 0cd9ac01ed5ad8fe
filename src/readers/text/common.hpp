// Internal: what the reading stages of the text reader share (src/readers/text/*.cpp):
// small text predicates, the label that opens a line (label::lex with the space after it),
// and the Block, a logical paragraph made of lines, that blocks.cpp makes and tree.cpp reads.
#pragma once
#include <algorithm>
#include <cassert>
#include <cctype>
#include <functional>
#include <map>
#include <new>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "readers/lines.hpp"
#include "readers/readers.hpp"
#include "readers/vocab.hpp"
#include "unres/label.hpp"
#include "utf8.hpp"
#include "words.hpp"

namespace unres::readers::stages {


inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c); });
}
inline bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
inline bool ends_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }
inline bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

inline std::string lower(std::string_view s) {
    std::string r(s);
    for (auto& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

/// Strips closing quotes/brackets and trailing footnote digits to find the real last character.
inline char last_meaningful(std::string_view t) {
    // "...to the Committee; or" / "...; and": the list connector after the punctuation
    for (std::string_view conj : {"; or", "; and", ", or", ", and", ";or", ";and"})
        if (ends_with(t, conj)) return conj[0];
    while (!t.empty()) {
        char c = t.back();
        if (c == ' ' || c == '"' || c == '\'' || c == ')' || c == ']') {
            // ")" ends e.g. "(A/78/53)." only with a following "."; here we look past it
            t.remove_suffix(1);
            continue;
        }
        if (ends_with(t, "\xE2\x80\x9D") || ends_with(t, "\xE2\x80\x99")) {  // ” ’
            t.remove_suffix(3);
            continue;
        }
        if (is_digit(c)) {
            // a trailing footnote mark: ", 12" or ",12" or "." + digits
            std::size_t k = t.size();
            while (k > 0 && is_digit(t[k - 1])) --k;
            if (t.size() - k <= 3 && k > 0) {
                char before = t[k - 1];
                std::size_t j = k;
                if (before == ' ' && j >= 2) before = t[j - 2];
                if (before == ',' || before == ';' || before == ':' || before == '.') return before;
            }
            return c;
        }
        return c;
    }
    return '\0';
}

/// A month name, with any punctuation after it ("December,").
inline bool is_month(std::string_view w) {
    while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.remove_suffix(1);
    return words::month_index(w) > 0;
}

inline bool is_terminal(std::string_view t) {
    char c = last_meaningful(t);
    return c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?';
}

// ---------------------------------------------------------------------------
// Labels

struct Label {
    LabelKind kind = LabelKind::None;
    std::string num;        ///< bare
    std::size_t len = 0;    ///< bytes of the label and the following space
    std::size_t label_len = 0;  ///< bytes of the label itself
    bool ambiguous = false; ///< (i), (v), (x)… may be a letter or a roman numeral
};

/// The label that opens a line (label::lex) with the space after it.
inline Label parse_label(std::string_view t) {
    label::Parsed p = label::lex(t);
    if (!p.valid()) return {};
    Label l;
    l.kind = p.kind;
    l.num = std::move(p.num);
    l.label_len = p.length;
    l.len = p.length < t.size() ? p.length + 1 : p.length;
    l.ambiguous = p.ambiguous;
    return l;
}

// ---------------------------------------------------------------------------
// Blocks

enum class BlockKind { Para, Section, Annex, Closing, Heading, Table };

struct Block {
    BlockKind kind = BlockKind::Para;
    MappedText mt;
    std::vector<Mark> marks;
    std::vector<TextRange> italics;
    std::uint32_t begin = 0, end = 0;
    std::uint32_t line = 0;
    std::size_t first_line = 0, last_line = 0;  // indices into lines
    Label label;
    Span label_span;
    bool label_only = false;
    bool label_malformed = false;  ///< the label is not written as its kind is ("6" without its full stop)
    bool boundary_guessed = false; ///< its first line was split off the line before (Line::split_off)
    // Rare fields: on the heap only when set (a block is one per paragraph, 240 bytes)
    Rare<std::string> heading;  // for Section/Annex blocks: the text after the marker
    Rare<std::vector<std::vector<std::string>>> rows;  // for Table blocks: the cells (table.cpp)
};

/// Memory for `bytes`: from the allocator when `!mapped`, else pages straight from the system
/// (mmap, blocks.cpp), which freeing gives back at once, whatever the allocator would keep.
void* chunk_memory(std::size_t bytes, bool mapped);
void free_chunk_memory(void* p, std::size_t bytes, bool mapped);

/// The blocks of a document, in order, stored in chunks of kChunk: make_blocks appends them,
/// build_tree reads them front to back and releases each chunk once it is behind it
/// (release_before), so the blocks and the tree are never both whole in memory.  The first
/// chunk (all a usual document needs) comes from the allocator, which reuses it from one
/// document to the next; the others are pages of their own, given back as they are released.
/// No growth moves a block: a reference stays valid until its chunk is released.  Reading a
/// released block is a programming error (asserted).
class BlockList {
public:
    static constexpr std::size_t kChunk = 1024;

    BlockList() = default;
    BlockList(BlockList&& o) noexcept { *this = std::move(o); }
    BlockList& operator=(BlockList&& o) noexcept {
        if (this != &o) {
            chunks_ = std::move(o.chunks_);
            size_ = std::exchange(o.size_, 0);
            released_ = std::exchange(o.released_, 0);
            o.chunks_.clear();
        }
        return *this;
    }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    Block& operator[](std::size_t i) { return at(i); }
    const Block& operator[](std::size_t i) const { return const_cast<BlockList&>(*this).at(i); }
    Block& back() { return at(size_ - 1); }
    Block& emplace_back() {
        if (size_ % kChunk == 0) chunks_.emplace_back(!chunks_.empty());
        ++size_;
        return chunks_.back().emplace_back();
    }
    void push_back(Block&& b) { emplace_back() = std::move(b); }
    void pop_back() {
        chunks_.back().pop_back();
        if (chunks_.back().size() == 0) chunks_.pop_back();
        --size_;
    }
    /// Frees every chunk whose blocks all lie before `n`.
    void release_before(std::size_t n) {
        for (std::size_t c = n / kChunk; released_ < c && released_ < chunks_.size(); ++released_) chunks_[released_].release();
    }

    template <class B, class L>
    class Iter {
    public:
        Iter(L* list, std::size_t i) : list_(list), i_(i) {}
        B& operator*() const { return (*list_)[i_]; }
        B* operator->() const { return &(*list_)[i_]; }
        Iter& operator++() {
            ++i_;
            return *this;
        }
        bool operator==(const Iter& o) const { return i_ == o.i_; }
        bool operator!=(const Iter& o) const { return i_ != o.i_; }

    private:
        L* list_;
        std::size_t i_;
    };
    Iter<Block, BlockList> begin() { return {this, 0}; }
    Iter<Block, BlockList> end() { return {this, size_}; }
    Iter<const Block, const BlockList> begin() const { return {this, 0}; }
    Iter<const Block, const BlockList> end() const { return {this, size_}; }

private:
    /// Room for kChunk blocks: from the allocator, or pages of its own when `mapped`.
    class Chunk {
    public:
        static constexpr std::size_t kBytes = kChunk * sizeof(Block);
        explicit Chunk(bool mapped) : data_(static_cast<Block*>(chunk_memory(kBytes, mapped))), mapped_(mapped) {}
        Chunk(Chunk&& o) noexcept
            : data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)), mapped_(o.mapped_) {}
        Chunk& operator=(Chunk&& o) noexcept {
            if (this != &o) {
                release();
                data_ = std::exchange(o.data_, nullptr);
                size_ = std::exchange(o.size_, 0);
                mapped_ = o.mapped_;
            }
            return *this;
        }
        Chunk(const Chunk&) = delete;
        Chunk& operator=(const Chunk&) = delete;
        ~Chunk() { release(); }
        std::size_t size() const { return size_; }
        Block& operator[](std::size_t i) { return data_[i]; }
        Block& emplace_back() {
            Block* b = new (data_ + size_) Block();
            ++size_;
            return *b;
        }
        void pop_back() { data_[--size_].~Block(); }
        void release() {
            if (data_ == nullptr) return;
            while (size_ > 0) pop_back();
            free_chunk_memory(data_, kBytes, mapped_);
            data_ = nullptr;
        }

    private:
        Block* data_ = nullptr;
        std::size_t size_ = 0;
        bool mapped_ = false;
    };

    Block& at(std::size_t i) {
        assert(i < size_ && i / kChunk >= released_);
        return chunks_[i / kChunk][i % kChunk];
    }
    std::vector<Chunk> chunks_;
    std::size_t size_ = 0;
    std::size_t released_ = 0;  // chunks before this one are freed
};

inline void append_line(Block& b, const Line& l) {
    std::size_t base = b.mt.text.size();
    if (!b.mt.text.empty()) {
        // "country-" + "specific": keep the hyphen, no space; otherwise one space.
        bool hyphen = b.mt.text.back() == '-' && b.mt.text.size() >= 2 && std::isalpha(static_cast<unsigned char>(b.mt.text[b.mt.text.size() - 2])) &&
                      is_lower_start(l.text);
        if (!hyphen) b.mt.space(l.begin);
        base = b.mt.text.size();
    } else {
        b.begin = l.map.empty() ? l.begin : l.map.front().src;
        b.line = l.number;
    }
    for (const auto& e : l.map) b.mt.map.push_back({base + e.text_pos, e.src});
    b.mt.text += l.text;
    for (auto m : l.marks) {
        m.pos += base;
        b.marks.push_back(m);
    }
    for (auto r : l.italics()) b.italics.push_back({r.begin + base, r.end + base});
    b.end = l.end;
}

/// Removes [b, e) from the block text keeping everything else aligned.
inline void erase_text(std::string& text, std::vector<SourceMapEntry>& map, std::vector<Mark>& marks,
                std::vector<TextRange>& italics, std::size_t b, std::size_t e) {
    if (e <= b) return;
    std::size_t n = e - b;
    // source of the first byte after the cut
    std::uint32_t src_after = 0;
    {
        auto it = std::upper_bound(map.begin(), map.end(), e, [](std::size_t p, const SourceMapEntry& x) { return p < x.text_pos; });
        if (it != map.begin()) {
            --it;
            src_after = it->src + static_cast<std::uint32_t>(e - it->text_pos);
        }
    }
    std::vector<SourceMapEntry> out;
    bool need_after = e < text.size();
    for (std::size_t k = 0; k < map.size(); ++k) {
        auto x = map[k];
        if (x.text_pos < b) out.push_back(x);
        else if (x.text_pos >= e) {
            if (need_after && x.text_pos > e) out.push_back({b, src_after});
            need_after = false;
            out.push_back({x.text_pos - n, x.src});
        }
    }
    if (need_after) out.push_back({b, src_after});
    // dedupe entries with the same text_pos (keep the last)
    std::vector<SourceMapEntry> dd;
    for (auto& x : out) {
        if (!dd.empty() && dd.back().text_pos == x.text_pos) dd.back() = x;
        else dd.push_back(x);
    }
    map = std::move(dd);
    text.erase(b, n);
    for (auto& m : marks) {
        if (m.pos >= e) m.pos -= n;
        else if (m.pos > b) m.pos = b;
    }
    for (auto& r : italics) {
        auto adj = [&](std::size_t p) { return p >= e ? p - n : (p > b ? b : p); };
        r.begin = adj(r.begin);
        r.end = adj(r.end);
    }
    std::erase_if(italics, [](const TextRange& r) { return r.begin >= r.end; });
}

// ---------------------------------------------------------------------------
// The reader

/// Source span of text[b, e) of a line.
inline Span line_span(const Line& l, std::size_t b, std::size_t e) {
    auto off = [&](std::size_t p) -> std::uint32_t {
        if (l.map.empty()) return l.begin;
        auto it = std::upper_bound(l.map.begin(), l.map.end(), p, [](std::size_t x, const SourceMapEntry& m) { return x < m.text_pos; });
        if (it == l.map.begin()) return l.map.front().src;
        --it;
        return it->src + static_cast<std::uint32_t>(p - it->text_pos);
    };
    if (e <= b) return {off(b), off(b)};
    return {off(b), off(e - 1) + 1};
}

/// A header field: text[b, e) of a line with its span.
inline Field field(const Line& l, std::size_t b, std::size_t e) {
    Field f;
    f.value = std::string(std::string_view(l.text).substr(b, e - b));
    f.span = line_span(l, b, e);
    return f;
}

}  // namespace unres::readers::stages
