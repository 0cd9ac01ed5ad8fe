// The .docx producer: Word's document turned into the text the user sees and the typed lines
// the reading stages take (src/readers/lines/line.hpp), without a markdown detour.
//
// A .docx is a zip archive (read with libzip, opened on first use: readers/libzip.hpp) whose
// word/document.xml holds the body and word/footnotes.xml the footnotes (both read with pugixml: no DTD, no external entities,
// only the predefined and numeric entities).  read_docx_text() reads
//
//   - every paragraph of the body, tables and text boxes included: one line of the shown
//     text each (so line N is paragraph N; an empty paragraph is an empty line), white space
//     collapsed; a w:br line break is a space in the shown text and starts a new typed line
//     of the same block; italics (direct w:i) and bold (w:b) become styles;
//   - the first page's header (the header part of the first section: the "first" header
//     when the section has w:titlePg, else the "default" one), which carries the symbol,
//     the body and the distribution line of UN documents: its lines follow the body's in the
//     shown text and open the typed lines;
//   - footnote references as explicit marks, shown as their digits: N being the number Word
//     displays: automatic footnotes are numbered 1, 2, … in the order of their references
//     (w:footnotePr numStart/numRestart are not read); a reference with w:customMarkFollows
//     uses the text of the following run ("*") as its mark.  Superscript runs whose text is a
//     number or asterisks (footnote numbers typed by hand) are marks as well; other
//     superscript text ("1st") stays plain text;
//   - Word automatic numbering set directly on a paragraph (w:pPr/w:numPr), resolved with
//     word/numbering.xml into a literal label: formats decimal, decimalZero, lowerLetter /
//     upperLetter (a…z, aa…zz as Word counts), lowerRoman / upperRoman, bullet (shown as
//     "• ", the line's bullet flag) and none; any other format is written as a decimal.  The
//     label text is w:lvlText with %1…%9 replaced by the levels' counters.  Counters are kept
//     per abstract numbering (Word continues a list across w:num instances that share one),
//     start at w:start, restart at a w:startOverride, and a level resets the deeper ones.
//     Not supported: numbering given through a paragraph style, w:lvlRestart, w:isLgl,
//     legacy (w:legacy) numbering;
//   - then, after the body and the header, one line "N text" per footnote, in number order
//     (the typed line's note_num is N).
//
// unres::load_source() (src/parse.cpp) calls read_docx_text() for a zip archive and keeps the
// shown text as the SourceFile's text() (raw() keeps the archive's bytes); read_docx()
// produces the typed lines again from raw() and runs the reading stages on them, reading
// them as the markdown producer's lines are read.
//
// Limits (hostile archives): at most 10,000 entries; every part read must declare at most
// 64 MiB uncompressed (and is cut off, with an error, if it inflates past its declared size
// or the limit); a part of more than 1 MiB must not compress better than 200:1.  Each
// refusal is an InputError with a clear message.  The XML walks are iterative (parent
// links, no recursion), so deeply nested XML cannot exhaust the stack.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "readers/libzip.hpp"
#include "readers/readers.hpp"
#include "utf8.hpp"
#include "unres/label.hpp"

namespace unres::readers {

namespace {

constexpr std::uint64_t kMaxPartSize = 64ull << 20;  // 64 MiB
constexpr zip_int64_t kMaxEntries = 10000;
constexpr std::uint64_t kMaxRatio = 200;
constexpr std::uint64_t kRatioFloor = 1ull << 20;  // ratio checked above 1 MiB

// ---------------------------------------------------------------- the archive

class Archive {
public:
    explicit Archive(std::string_view bytes) : z_(libzip()) {
        zip_error_t err;
        z_.error_init(&err);
        zip_source_t* src = z_.source_buffer_create(bytes.data(), bytes.size(), 0, &err);
        if (src == nullptr) {
            z_.error_fini(&err);
            throw InputError("cannot read the zip archive (out of memory)");
        }
        za_ = z_.open_from_source(src, ZIP_RDONLY, &err);
        if (za_ == nullptr) {
            z_.source_free(src);
            std::string why = z_.error_strerror(&err);
            z_.error_fini(&err);
            throw InputError("input is a damaged or truncated zip archive (" + why + "), not a readable .docx");
        }
        z_.error_fini(&err);
        zip_int64_t n = z_.get_num_entries(za_, 0);
        if (n > kMaxEntries) {
            z_.discard(za_);  // the destructor does not run when the constructor throws
            za_ = nullptr;
            throw InputError("zip archive has " + std::to_string(n) + " entries (limit " + std::to_string(kMaxEntries) +
                             "): refused as a likely zip bomb");
        }
    }
    ~Archive() {
        if (za_ != nullptr) z_.discard(za_);
    }
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    bool has(const std::string& name) const { return z_.name_locate(za_, name.c_str(), ZIP_FL_NOCASE) >= 0; }

    /// The entry's bytes; nullopt when there is no such entry.  Throws InputError past the limits.
    std::optional<std::string> read(const std::string& name) const {
        zip_int64_t idx = z_.name_locate(za_, name.c_str(), ZIP_FL_NOCASE);
        if (idx < 0) return std::nullopt;
        auto index = static_cast<zip_uint64_t>(idx);
        zip_stat_t st;
        z_.stat_init(&st);
        if (z_.stat_index(za_, index, 0, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0 ||
            (st.valid & ZIP_STAT_COMP_SIZE) == 0)
            throw InputError("cannot read " + name + " in the .docx archive");
        if (st.size > kMaxPartSize)
            throw InputError(name + " would decompress to " + std::to_string(st.size >> 20) + " MiB (limit " +
                             std::to_string(kMaxPartSize >> 20) + " MiB): refused");
        if (st.size > kRatioFloor && (st.comp_size == 0 || st.size / st.comp_size > kMaxRatio))
            throw InputError(name + " has a compression ratio above " + std::to_string(kMaxRatio) +
                             ":1: refused as a likely zip bomb");
        zip_file_t* f = z_.fopen_index(za_, index, 0);
        if (f == nullptr)
            throw InputError("cannot open " + name + " in the .docx archive (" + z_.strerror(za_) + ")");
        std::string out;
        out.reserve(static_cast<std::size_t>(st.size));
        std::array<char, 65536> buf{};
        for (;;) {
            zip_int64_t got = z_.fread(f, buf.data(), buf.size());
            if (got < 0) {
                std::string why = z_.file_strerror(f);
                z_.fclose(f);
                throw InputError("cannot decompress " + name + " in the .docx archive (" + why + ")");
            }
            if (got == 0) break;
            out.append(buf.data(), static_cast<std::size_t>(got));
            if (out.size() > st.size || out.size() > kMaxPartSize) {
                z_.fclose(f);
                throw InputError(name + " decompresses past its declared size: refused");
            }
        }
        z_.fclose(f);
        return out;
    }

private:
    const LibZip& z_;  // libzip, opened on first use (readers/libzip.hpp)
    zip_t* za_ = nullptr;
};

// ---------------------------------------------------------------- XML helpers

/// Element name without its namespace prefix ("w:p" → "p").
std::string_view local(pugi::xml_node n) {
    std::string_view s = n.name();
    std::size_t colon = s.find(':');
    return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

/// The attribute with local name `name` (any prefix).
pugi::xml_attribute attr(pugi::xml_node n, std::string_view name) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
        std::string_view s = a.name();
        std::size_t colon = s.find(':');
        if ((colon == std::string_view::npos ? s : s.substr(colon + 1)) == name) return a;
    }
    return {};
}

std::string_view val(pugi::xml_node n) { return attr(n, "val").value(); }

pugi::xml_node child(pugi::xml_node n, std::string_view name) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local(c) == name) return c;
    return {};
}

/// An on/off property (w:i, w:titlePg): present and not switched off.
bool on(pugi::xml_node n) {
    if (!n) return false;
    std::string_view v = val(n);
    return v != "0" && v != "false" && v != "off";
}

/// Pre-order walk of the elements under `root` without recursion; `enter(node)` returns
/// whether to descend into the node.
template <class Enter>
void walk(pugi::xml_node root, Enter enter) {
    pugi::xml_node n = root.first_child();
    while (n) {
        bool down = n.type() == pugi::node_element && enter(n);
        if (down && n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n != root && !n.next_sibling()) n = n.parent();
        if (n == root) break;
        n = n.next_sibling();
    }
}

void parse_xml(pugi::xml_document& doc, const std::string& data, const std::string& name) {
    pugi::xml_parse_result r = doc.load_buffer(data.data(), data.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!r) throw InputError(name + " in the .docx archive is not well-formed XML (" + r.description() + " at byte " +
                             std::to_string(r.offset) + ")");
}

bool all_of(std::string_view s, bool (*pred)(char)) {
    if (s.empty()) return false;
    for (char c : s)
        if (!pred(c)) return false;
    return true;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_star(char c) { return c == '*'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// A superscript text that stands for a footnote mark: up to 3 digits, or asterisks.
bool is_mark_text(std::string_view s) {
    s = trim(s);
    return s.size() <= 4 && (all_of(s, is_digit) || all_of(s, is_star));
}

// ---------------------------------------------------------------- numbering

std::string to_upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

std::string to_letters(long n, bool upper) {
    // Word: a … z, aa … zz, aaa … (at most 50 repeats)
    std::string s = label::letter_label(std::clamp(n, 1L, 50L * 26));
    return upper ? to_upper(std::move(s)) : s;
}

std::string to_roman(long n, bool upper) {
    std::string s = label::roman_label(n);
    if (s.empty()) return std::to_string(n);
    return upper ? to_upper(std::move(s)) : s;
}

struct Level {
    long start = 1;
    std::string fmt = "decimal";
    std::string text;  // lvlText, e.g. "%1." or "(%2)"
};

class Numbering {
public:
    void load(const pugi::xml_document& doc) {
        pugi::xml_node root = child(doc, "numbering");
        std::map<std::string, std::vector<Level>> abstract;
        for (pugi::xml_node a = root.first_child(); a; a = a.next_sibling()) {
            if (a.type() != pugi::node_element) continue;
            if (local(a) == "abstractNum") {
                std::vector<Level> levels(9);
                for (pugi::xml_node l = a.first_child(); l; l = l.next_sibling()) {
                    if (local(l) != "lvl") continue;
                    long il = attr(l, "ilvl").as_int(-1);
                    if (il < 0 || il > 8) continue;
                    Level& lv = levels[static_cast<std::size_t>(il)];
                    if (auto s = child(l, "start")) lv.start = attr(s, "val").as_int(1);
                    if (auto f = child(l, "numFmt")) lv.fmt = std::string(val(f));
                    if (auto t = child(l, "lvlText")) lv.text = std::string(val(t));
                }
                abstract[std::string(attr(a, "abstractNumId").value())] = std::move(levels);
            }
        }
        for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
            if (n.type() != pugi::node_element || local(n) != "num") continue;
            Num num;
            num.abstract = std::string(val(child(n, "abstractNumId")));
            auto it = abstract.find(num.abstract);
            if (it == abstract.end()) continue;
            num.levels = it->second;
            for (pugi::xml_node o = n.first_child(); o; o = o.next_sibling()) {
                if (local(o) != "lvlOverride") continue;
                long il = attr(o, "ilvl").as_int(-1);
                if (il < 0 || il > 8) continue;
                if (auto s = child(o, "startOverride")) num.overrides[static_cast<int>(il)] = attr(s, "val").as_int(1);
            }
            nums_[std::string(attr(n, "numId").value())] = std::move(num);
        }
    }

    /// The literal label of a paragraph with this numbering ("" = none); `bullet` is set for
    /// bullet lists.  Advances the counters.
    std::string label(std::string_view num_id, long ilvl, bool& bullet) {
        bullet = false;
        auto it = nums_.find(std::string(num_id));
        if (it == nums_.end() || ilvl < 0 || ilvl > 8) return {};
        Num& num = it->second;
        auto lvl = static_cast<std::size_t>(ilvl);
        const Level& lv = num.levels[lvl];
        if (lv.fmt == "none") return {};
        if (lv.fmt == "bullet") {
            bullet = true;
            return {};
        }
        std::array<long, 9>& c = counters_[num.abstract];
        if (!num.used) {
            num.used = true;
            for (const auto& [l, start] : num.overrides) c[static_cast<std::size_t>(l)] = start - 1;
        }
        if (c[lvl] == 0 && !started_[num.abstract][lvl]) c[lvl] = lv.start - 1;
        started_[num.abstract][lvl] = true;
        if (c[lvl] < 1000000) ++c[lvl];
        for (std::size_t d = lvl + 1; d < 9; ++d) {
            c[d] = 0;
            started_[num.abstract][d] = false;
        }
        std::string out;
        const std::string& t = lv.text;
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
                auto k = static_cast<std::size_t>(t[i + 1] - '1');
                long v = c[k] > 0 ? c[k] : num.levels[k].start;
                out += format(num.levels[k].fmt, v);
                ++i;
            } else {
                out += t[i];
            }
        }
        return out;
    }

private:
    static std::string format(const std::string& fmt, long v) {
        if (fmt == "lowerLetter") return to_letters(v, false);
        if (fmt == "upperLetter") return to_letters(v, true);
        if (fmt == "lowerRoman") return to_roman(v, false);
        if (fmt == "upperRoman") return to_roman(v, true);
        if (fmt == "decimalZero" && v < 10) return "0" + std::to_string(v);
        return std::to_string(v);
    }
    struct Num {
        std::string abstract;
        std::vector<Level> levels;
        std::map<int, long> overrides;
        bool used = false;
    };
    std::map<std::string, Num> nums_;
    std::map<std::string, std::array<long, 9>> counters_;
    std::map<std::string, std::array<bool, 9>> started_;
};

// ---------------------------------------------------------------- paragraphs

/// One piece of a paragraph, in order.
struct Piece {
    enum Kind { Text, Sup, Break } kind = Text;
    std::string text;
    bool italic = false;
    bool bold = false;
};

/// A paragraph as read: its pieces and the list label Word numbering gives it.
struct WordPara {
    std::vector<Piece> pieces;
    std::string prefix;  ///< "1.", "(a)" (Word list numbering), "" for none
    bool bullet = false; ///< a bulleted list item
};

class Converter {
public:
    Numbering numbering;

    WordPara paragraph(pugi::xml_node p, bool in_footnote) {
        WordPara out;
        if (!in_footnote) {
            pugi::xml_node numpr = child(child(p, "pPr"), "numPr");
            if (numpr) {
                std::string_view id = val(child(numpr, "numId"));
                long il = child(numpr, "ilvl") ? attr(child(numpr, "ilvl"), "val").as_int(0) : 0;
                if (!id.empty() && id != "0") out.prefix = numbering.label(id, il, out.bullet);
            }
        }
        walk(p, [&](pugi::xml_node n) {
            std::string_view name = local(n);
            if (name == "p" || name == "Fallback" || name == "pPr" || name == "rPr" || name == "del" ||
                name == "moveFrom")
                return false;
            if (name == "r") {
                run(n, out.pieces);
                return false;
            }
            return true;
        });
        return out;
    }

    /// Footnote ids in the order of their numbers, with the mark each displays.
    std::vector<std::pair<std::string, std::string>> referenced;

private:
    int next_note_ = 0;
    std::string pending_custom_;  // footnote id whose custom mark is the next run's text

    void run(pugi::xml_node r, std::vector<Piece>& pieces) {
        pugi::xml_node rpr = child(r, "rPr");
        bool italic = on(child(rpr, "i"));
        bool bold = on(child(rpr, "b"));
        bool sup = val(child(rpr, "vertAlign")) == "superscript";
        for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view name = local(c);
            if (name == "t") {
                std::string text = c.text().get();
                if (!pending_custom_.empty()) {
                    std::string mark(trim(text));
                    referenced.emplace_back(pending_custom_, mark);
                    pending_custom_.clear();
                    if (!mark.empty()) pieces.push_back({Piece::Sup, mark, false, false});
                    continue;
                }
                pieces.push_back({sup ? Piece::Sup : Piece::Text, std::move(text), italic, bold});
            } else if (name == "tab" || name == "ptab") {
                pieces.push_back({Piece::Text, " ", false, false});
            } else if (name == "br" || name == "cr") {
                pieces.push_back({Piece::Break, {}, false, false});
            } else if (name == "noBreakHyphen") {
                pieces.push_back({Piece::Text, "\u2011", italic, bold});
            } else if (name == "footnoteReference") {
                std::string id(attr(c, "id").value());
                pugi::xml_attribute custom = attr(c, "customMarkFollows");
                std::string_view cv = custom.value();
                if (custom && cv != "0" && cv != "false" && cv != "off") {
                    pending_custom_ = id;
                } else {
                    std::string num = std::to_string(++next_note_);
                    referenced.emplace_back(id, num);
                    pieces.push_back({Piece::Sup, num, false, false});
                }
            }
            // w:footnoteRef (the number inside a footnote body), w:delText, w:instrText,
            // w:softHyphen, drawings (their text boxes are separate paragraphs): nothing.
        }
    }
};

// ---------------------------------------------------------------- the text and its lines

/// White space inside a paragraph (U+00A0 and the other Unicode spaces too, as the text
/// producer folds them): shown as one space, one space in the typed line.
std::size_t space_len(std::string_view s, std::size_t i) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    std::string_view r = s.substr(i);
    if (r.substr(0, 2) == "\xC2\xA0") return 2;
    if (r.substr(0, 2) == "\xE2\x80" && r.size() > 2) {
        auto b = static_cast<unsigned char>(r[2]);
        if ((b >= 0x80 && b <= 0x8A) || b == 0xAF) return 3;
    }
    if (r.substr(0, 3) == "\xE3\x80\x80") return 3;
    return 0;
}

/// Writes the text the user sees (one line per Word paragraph, no markup, white space
/// collapsed) and the typed lines that point into it.
class Writer {
public:
    std::string text;
    std::uint32_t lines_written = 0;

    /// Writes one line of text for `p` (an empty line when it has no text) and returns its typed
    /// lines, one per w:br segment that has text.
    std::vector<Line> paragraph(const WordPara& p) {
        std::vector<Line> out;
        begin_line();
        bool first = true;
        for (std::size_t i = 0; i < p.pieces.size();) {
            if (p.pieces[i].kind == Piece::Break) {
                close(out);
                pending_space_ = true;
                ++i;
                continue;
            }
            if (first && !has_text(p.pieces, i)) {  // the label goes on the first segment with text
                while (i < p.pieces.size() && p.pieces[i].kind != Piece::Break) ++i;
                continue;
            }
            if (first) {
                first = false;
                if (p.bullet) {
                    text += "\xE2\x80\xA2 ";  // "• ": shown, not part of the line's text
                    cur_.bullet = true;
                } else if (!p.prefix.empty()) {
                    write(p.prefix + " ", false, false);
                }
            }
            i = write_run(p.pieces, i);
        }
        close(out);
        text += '\n';
        return out;
    }

    /// The line "N text" of a footnote whose body is `paras` (joined with spaces).
    Line note(const std::string& mark, const std::vector<WordPara>& paras) {
        begin_line();
        bool numbered = is_mark_text(mark);
        if (numbered) text += mark;  // shown; the line's note_num
        else write(mark, false, false);
        pending_space_ = true;
        for (const WordPara& p : paras) {
            for (std::size_t i = 0; i < p.pieces.size();) {
                if (p.pieces[i].kind == Piece::Break) {
                    pending_space_ = true;
                    ++i;
                } else {
                    i = write_run(p.pieces, i);
                }
            }
            pending_space_ = true;
        }
        Line l = std::move(cur_);
        finish(l);
        if (l.map.empty()) l.begin = l.end = line_start_;
        if (numbered) l.note_num = mark;
        cur_ = Line{};
        text += '\n';
        return l;
    }

private:
    Line cur_;
    MappedText mt_;
    std::uint32_t line_start_ = 0;
    bool pending_space_ = false;  // white space seen since the last character written
    bool new_segment_ = false;    // after a w:br: the next character opens a typed line

    static bool has_text(const std::vector<Piece>& ps, std::size_t i) {
        for (; i < ps.size() && ps[i].kind != Piece::Break; ++i)
            for (std::size_t k = 0; k < ps[i].text.size(); ++k)
                if (!space_len(ps[i].text, k)) return true;
        return false;
    }

    std::uint32_t pos() const { return static_cast<std::uint32_t>(text.size()); }

    void begin_line() {
        ++lines_written;
        line_start_ = pos();
        pending_space_ = false;
        new_segment_ = false;
        cur_ = Line{};
        cur_.number = lines_written;
        cur_.begin = cur_.end = pos();
        mt_ = MappedText{};
    }

    /// Moves the typed text into `l`.
    void finish(Line& l) {
        mt_.trim_end();
        for (auto& m : l.marks) m.pos = std::min(m.pos, mt_.text.size());
        l.styles.erase_if([&](const Style& r) { return r.begin >= r.end || r.end > mt_.text.size(); });
        l.text = std::move(mt_.text);
        l.map = std::move(mt_.map);
        mt_ = MappedText{};
    }

    /// Ends the current typed line (kept when it has text) and opens the next one on the same
    /// shown line.
    void close(std::vector<Line>& out) {
        finish(cur_);
        if (!cur_.text.empty() || !cur_.marks.empty()) out.push_back(std::move(cur_));
        std::uint32_t number = lines_written;
        cur_ = Line{};
        cur_.number = number;
        cur_.begin = cur_.end = pos();
        new_segment_ = true;
    }

    /// Before a character: the owed space, shown and typed.
    void space_before() {
        if (pending_space_ && pos() > line_start_) {
            text += ' ';
            mt_.space(pos() - 1);
        }
        pending_space_ = false;
        if (new_segment_) cur_.begin = pos();
        new_segment_ = false;
    }

    void write(std::string_view s, bool italic, bool bold) {
        std::size_t style_begin = std::string::npos;
        for (std::size_t k = 0; k < s.size();) {
            if (std::size_t n = space_len(s, k)) {
                pending_space_ = true;
                k += n;
                continue;
            }
            space_before();
            if (style_begin == std::string::npos) style_begin = mt_.text.size();
            std::size_t len = utf8::valid_sequence(s, k);
            if (len == 0) len = 1;
            mt_.append(s.substr(k, len), pos());
            text.append(s.substr(k, len));
            k += len;
            cur_.end = pos();
        }
        if ((italic || bold) && style_begin != std::string::npos && style_begin < mt_.text.size()) {
            Style st;
            st.begin = style_begin;
            st.end = mt_.text.size();
            st.italic = italic;
            st.bold = bold;
            cur_.styles.push_back(st);
        }
    }

    /// Writes the run of pieces starting at i: Text pieces of the same italics, or consecutive
    /// Sup pieces read as one (a footnote mark when it is one); returns the index after it.
    std::size_t write_run(const std::vector<Piece>& ps, std::size_t i) {
        const Piece& p = ps[i];
        std::size_t j = i;
        std::string sup;
        while (j < ps.size() && ps[j].kind == p.kind && (p.kind == Piece::Sup || ps[j].italic == p.italic)) {
            if (p.kind == Piece::Sup) sup += ps[j].text;
            ++j;
        }
        if (p.kind != Piece::Sup) {
            if (p.italic) {  // one italic range over the run (bold ranges per piece)
                std::string run;
                for (std::size_t k = i; k < j; ++k) run += ps[k].text;
                write(run, true, false);
            } else {
                for (std::size_t k = i; k < j; ++k) write(ps[k].text, false, ps[k].bold);
            }
            return j;
        }
        if (!is_mark_text(sup)) {
            write(sup, false, false);
            return j;
        }
        std::string_view num = trim(sup);
        space_before();
        Mark m;
        m.num = std::string(num);
        m.pos = mt_.text.size();
        m.span = {pos(), pos() + static_cast<std::uint32_t>(num.size())};
        text.append(num);
        cur_.end = pos();
        cur_.marks.push_back(m);
        return j;
    }
};

/// The part names of the first section's first-page header, via the document's relationships.
std::string first_header_part(const pugi::xml_document& doc, const std::optional<std::string>& rels) {
    if (!rels) return {};
    pugi::xml_node sect;
    walk(doc, [&](pugi::xml_node n) {
        if (sect) return false;
        if (local(n) == "sectPr") {
            sect = n;
            return false;
        }
        return true;
    });
    if (!sect) return {};
    std::string_view want = on(child(sect, "titlePg")) ? "first" : "default";
    std::string rid;
    for (pugi::xml_node h = sect.first_child(); h; h = h.next_sibling())
        if (local(h) == "headerReference" && std::string_view(attr(h, "type").value()) == want) rid = attr(h, "id").value();
    if (rid.empty()) return {};
    pugi::xml_document rd;
    if (!rd.load_buffer(rels->data(), rels->size())) return {};
    for (pugi::xml_node r = child(rd, "Relationships").first_child(); r; r = r.next_sibling()) {
        if (rid != attr(r, "Id").value()) continue;
        std::string target = attr(r, "Target").value();
        if (target.empty() || std::string_view(attr(r, "TargetMode").value()) == "External") return {};
        if (target[0] == '/') return target.substr(1);
        return "word/" + target;
    }
    return {};
}

/// Appends one block of typed lines, with the blank line that separates blocks.
void add_block(std::vector<Line>& lines, std::vector<Line>&& block) {
    if (block.empty()) return;
    if (!lines.empty()) {
        Line blank;
        blank.begin = blank.end = block.front().begin;
        blank.number = block.front().number;
        lines.push_back(std::move(blank));
    }
    for (Line& l : block) lines.push_back(std::move(l));
}

/// The typed lines of the first page's header (symbol, body, distribution, date), one block.
std::vector<Line> header_lines(const Archive& archive, const pugi::xml_document& doc, Writer& w) {
    std::vector<Line> block;
    std::string header = first_header_part(doc, archive.read("word/_rels/document.xml.rels"));
    if (header.empty()) return block;
    auto hx = archive.read(header);
    if (!hx) return block;
    pugi::xml_document hd;
    parse_xml(hd, *hx, header);
    Converter hc;  // its own footnote and list counters: headers hold neither
    walk(hd, [&](pugi::xml_node n) {
        if (local(n) == "Fallback") return false;
        if (local(n) == "p")
            for (Line& l : w.paragraph(hc.paragraph(n, true))) block.push_back(std::move(l));
        return true;
    });
    return block;
}

}  // namespace

DocxText read_docx_text(std::string_view bytes) {
    Archive archive(bytes);
    std::optional<std::string> body = archive.read("word/document.xml");
    if (!body) throw InputError("zip archive has no word/document.xml: not a .docx file");
    pugi::xml_document doc;
    parse_xml(doc, *body, "word/document.xml");

    Converter conv;
    if (auto numbering = archive.read("word/numbering.xml")) {
        pugi::xml_document nd;
        parse_xml(nd, *numbering, "word/numbering.xml");
        conv.numbering.load(nd);
    }

    // The shown text: the body's paragraphs first (line N = paragraph N), then the header's,
    // then the footnotes.  The typed lines are in reading order: header, body, footnotes.
    Writer w;
    std::vector<std::vector<Line>> body_blocks;
    pugi::xml_node body_node = child(child(doc, "document"), "body");
    walk(body_node, [&](pugi::xml_node n) {
        std::string_view name = local(n);
        if (name == "Fallback" || name == "sectPr") return false;
        if (name == "p") body_blocks.push_back(w.paragraph(conv.paragraph(n, false)));
        return true;  // text boxes: paragraphs inside a paragraph come after it
    });
    std::vector<Line> header = header_lines(archive, doc, w);

    std::vector<std::vector<Line>> note_blocks;

    if (!conv.referenced.empty()) {
        pugi::xml_document fd;
        std::map<std::string, pugi::xml_node> notes;
        if (auto fx = archive.read("word/footnotes.xml")) {
            parse_xml(fd, *fx, "word/footnotes.xml");
            for (pugi::xml_node f = child(fd, "footnotes").first_child(); f; f = f.next_sibling())
                if (local(f) == "footnote" && !attr(f, "type")) notes[attr(f, "id").value()] = f;
        }
        const auto referenced = conv.referenced;  // copied: converting a body may not add to it
        for (const auto& [id, mark] : referenced) {
            auto it = notes.find(id);
            if (it == notes.end()) continue;
            std::vector<WordPara> paras;
            walk(it->second, [&](pugi::xml_node n) {
                if (local(n) == "Fallback") return false;
                if (local(n) == "p") paras.push_back(conv.paragraph(n, true));
                return true;
            });
            std::vector<Line> one;
            one.push_back(w.note(mark, paras));
            note_blocks.push_back(std::move(one));
        }
    }
    DocxText out;
    add_block(out.lines, std::move(header));
    for (auto& b : body_blocks) add_block(out.lines, std::move(b));
    for (auto& b : note_blocks) add_block(out.lines, std::move(b));
    out.text = std::move(w.text);
    return out;
}

Document read_docx(const SourceFile& src) {
    if (!src.is_docx())
        throw InputError("input is not a .docx file (a zip archive with word/document.xml)");
    DocxText d = read_docx_text(src.raw());
    Document doc = read_lines(src, std::move(d.lines), InputFormat::Markdown);
    doc.format = InputFormat::Docx;
    return doc;
}

}  // namespace unres::readers
