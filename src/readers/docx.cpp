// The .docx reader: Word's document turned into the markdown the text reader understands.
//
// A .docx is a zip archive (read with libzip) whose word/document.xml holds the body and
// word/footnotes.xml the footnotes (both read with pugixml: no DTD, no external entities,
// only the predefined and numeric entities).  docx_to_markdown() writes
//
//   - the first page's header (the header part of the first section: the "first" header
//     when the section has w:titlePg, else the "default" one), which carries the symbol,
//     the body and the distribution line of UN documents;
//   - every paragraph of the body, tables and text boxes included, as one markdown block
//     (blank line between blocks; a w:br line break inside a paragraph starts a new line
//     of the same block), tabs as spaces, italics (direct w:i) as *…*, literal markdown
//     characters escaped with a backslash;
//   - footnote references as <sup>N</sup>, N being the number Word displays: automatic
//     footnotes are numbered 1, 2, … in the order of their references (w:footnotePr
//     numStart/numRestart are not read); a reference with w:customMarkFollows uses the
//     text of the following run ("*") as its mark.  Superscript runs whose text is a
//     number or asterisks (footnote numbers typed by hand) become <sup>…</sup> as well;
//     other superscript text ("1<sup>st</sup>") stays plain text;
//   - Word automatic numbering set directly on a paragraph (w:pPr/w:numPr), resolved with
//     word/numbering.xml into a literal label: formats decimal, decimalZero, lowerLetter /
//     upperLetter (a…z, aa…zz as Word counts), lowerRoman / upperRoman, bullet (written as a
//     "- " list item) and none; any other format is written as a decimal.  The label text
//     is w:lvlText with %1…%9 replaced by the levels' counters.  Counters are kept per
//     abstract numbering (Word continues a list across w:num instances that share one),
//     start at w:start, restart at a w:startOverride, and a level resets the deeper ones.
//     Not supported: numbering given through a paragraph style, w:lvlRestart, w:isLgl,
//     legacy (w:legacy) numbering;
//   - then, after the body, one "[^N]: text" line per footnote, in number order.
//
// SourceFile::from_bytes() calls docx_to_markdown() for a zip archive that holds
// word/document.xml, and keeps the markdown as the file's text(): every position, line and
// column unres reports for a .docx refers to that extracted text (`unres check x.docx`
// prints lines of the extracted text), while raw() keeps the archive's bytes.
//
// Limits (hostile archives): at most 10,000 entries; every part read must declare at most
// 64 MiB uncompressed (and is cut off, with an error, if it inflates past its declared size
// or the limit); a part of more than 1 MiB must not compress better than 200:1.  Each
// refusal is an InputError with a clear message.  The XML walks are iterative (parent
// links, no recursion), so deeply nested XML cannot exhaust the stack.
#include <zip.h>

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

#include "readers/readers.hpp"
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
    explicit Archive(std::string_view bytes) {
        zip_error_t err;
        zip_error_init(&err);
        zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
        if (src == nullptr) {
            zip_error_fini(&err);
            throw InputError("cannot read the zip archive (out of memory)");
        }
        za_ = zip_open_from_source(src, ZIP_RDONLY, &err);
        if (za_ == nullptr) {
            zip_source_free(src);
            std::string why = zip_error_strerror(&err);
            zip_error_fini(&err);
            throw InputError("input is a damaged or truncated zip archive (" + why + "), not a readable .docx");
        }
        zip_error_fini(&err);
        zip_int64_t n = zip_get_num_entries(za_, 0);
        if (n > kMaxEntries) {
            zip_discard(za_);  // the destructor does not run when the constructor throws
            za_ = nullptr;
            throw InputError("zip archive has " + std::to_string(n) + " entries (limit " + std::to_string(kMaxEntries) +
                             "): refused as a likely zip bomb");
        }
    }
    ~Archive() {
        if (za_ != nullptr) zip_discard(za_);
    }
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    bool has(const std::string& name) const { return zip_name_locate(za_, name.c_str(), ZIP_FL_NOCASE) >= 0; }

    /// The entry's bytes; nullopt when there is no such entry.  Throws InputError past the limits.
    std::optional<std::string> read(const std::string& name) const {
        zip_int64_t idx = zip_name_locate(za_, name.c_str(), ZIP_FL_NOCASE);
        if (idx < 0) return std::nullopt;
        auto index = static_cast<zip_uint64_t>(idx);
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(za_, index, 0, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0 ||
            (st.valid & ZIP_STAT_COMP_SIZE) == 0)
            throw InputError("cannot read " + name + " in the .docx archive");
        if (st.size > kMaxPartSize)
            throw InputError(name + " would decompress to " + std::to_string(st.size >> 20) + " MiB (limit " +
                             std::to_string(kMaxPartSize >> 20) + " MiB): refused");
        if (st.size > kRatioFloor && (st.comp_size == 0 || st.size / st.comp_size > kMaxRatio))
            throw InputError(name + " has a compression ratio above " + std::to_string(kMaxRatio) +
                             ":1: refused as a likely zip bomb");
        zip_file_t* f = zip_fopen_index(za_, index, 0);
        if (f == nullptr)
            throw InputError("cannot open " + name + " in the .docx archive (" + zip_strerror(za_) + ")");
        std::string out;
        out.reserve(static_cast<std::size_t>(st.size));
        std::array<char, 65536> buf{};
        for (;;) {
            zip_int64_t got = zip_fread(f, buf.data(), buf.size());
            if (got < 0) {
                std::string why = zip_file_strerror(f);
                zip_fclose(f);
                throw InputError("cannot decompress " + name + " in the .docx archive (" + why + ")");
            }
            if (got == 0) break;
            out.append(buf.data(), static_cast<std::size_t>(got));
            if (out.size() > st.size || out.size() > kMaxPartSize) {
                zip_fclose(f);
                throw InputError(name + " decompresses past its declared size: refused");
            }
        }
        zip_fclose(f);
        return out;
    }

private:
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
};

/// Backslash-escapes the characters the text reader would take as markup.
void append_escaped(std::string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        bool esc = c == '\\' || c == '*' || c == '_' || c == '<' || c == '`' ||
                   (c == '[' && i + 1 < s.size() && s[i + 1] == '^') ||
                   (c == '&' && i + 1 < s.size() && (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '#'));
        if (esc) out += '\\';
        out += c;
    }
}

class Converter {
public:
    Numbering numbering;

    /// The markdown block of one paragraph ("" when it has no text).
    std::string paragraph(pugi::xml_node p, bool in_footnote) {
        std::vector<Piece> pieces;
        std::string prefix;
        bool bullet = false;
        if (!in_footnote) {
            pugi::xml_node numpr = child(child(p, "pPr"), "numPr");
            if (numpr) {
                std::string_view id = val(child(numpr, "numId"));
                long il = child(numpr, "ilvl") ? attr(child(numpr, "ilvl"), "val").as_int(0) : 0;
                if (!id.empty() && id != "0") prefix = numbering.label(id, il, bullet);
            }
        }
        walk(p, [&](pugi::xml_node n) {
            std::string_view name = local(n);
            if (name == "p" || name == "Fallback" || name == "pPr" || name == "rPr" || name == "del" ||
                name == "moveFrom")
                return false;
            if (name == "r") {
                run(n, pieces);
                return false;
            }
            return true;
        });
        return render(pieces, prefix, bullet);
    }

    /// Footnote ids in the order of their numbers, with the mark each displays.
    std::vector<std::pair<std::string, std::string>> referenced;

private:
    int next_note_ = 0;
    std::string pending_custom_;  // footnote id whose custom mark is the next run's text

    void run(pugi::xml_node r, std::vector<Piece>& pieces) {
        pugi::xml_node rpr = child(r, "rPr");
        bool italic = on(child(rpr, "i"));
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
                    if (!mark.empty()) pieces.push_back({Piece::Sup, mark, false});
                    continue;
                }
                pieces.push_back({sup ? Piece::Sup : Piece::Text, std::move(text), italic});
            } else if (name == "tab" || name == "ptab") {
                pieces.push_back({Piece::Text, " ", false});
            } else if (name == "br" || name == "cr") {
                pieces.push_back({Piece::Break, {}, false});
            } else if (name == "noBreakHyphen") {
                pieces.push_back({Piece::Text, "\u2011", italic});
            } else if (name == "footnoteReference") {
                std::string id(attr(c, "id").value());
                pugi::xml_attribute custom = attr(c, "customMarkFollows");
                std::string_view cv = custom.value();
                if (custom && cv != "0" && cv != "false" && cv != "off") {
                    pending_custom_ = id;
                } else {
                    std::string num = std::to_string(++next_note_);
                    referenced.emplace_back(id, num);
                    pieces.push_back({Piece::Sup, num, false});
                }
            }
            // w:footnoteRef (the number inside a footnote body), w:delText, w:instrText,
            // w:softHyphen, drawings (their text boxes are separate paragraphs): nothing.
        }
    }

    static std::string render(const std::vector<Piece>& pieces, const std::string& prefix, bool bullet) {
        std::vector<std::string> lines(1);
        for (std::size_t i = 0; i < pieces.size();) {
            const Piece& p = pieces[i];
            if (p.kind == Piece::Break) {
                lines.emplace_back();
                ++i;
                continue;
            }
            // Merge the run of pieces of the same kind and italics.
            std::string text;
            std::size_t j = i;
            while (j < pieces.size() && pieces[j].kind == p.kind && (p.kind == Piece::Sup || pieces[j].italic == p.italic))
                text += pieces[j++].text;
            i = j;
            std::string& out = lines.back();
            if (p.kind == Piece::Sup) {
                if (is_mark_text(text)) out += "<sup>" + std::string(trim(text)) + "</sup>";
                else append_escaped(out, text);
                continue;
            }
            for (char& c : text)
                if (c == '\t' || c == '\n' || c == '\r') c = ' ';
            if (!p.italic) {
                append_escaped(out, text);
                continue;
            }
            // *…* with the surrounding spaces outside the markers.
            std::size_t b = text.find_first_not_of(' ');
            if (b == std::string::npos) {
                out += text;
                continue;
            }
            std::size_t e = text.find_last_not_of(' ') + 1;
            out += text.substr(0, b);
            out += '*';
            append_escaped(out, std::string_view(text).substr(b, e - b));
            out += '*';
            out += text.substr(e);
        }
        std::string block;
        bool first = true;
        for (std::string& l : lines) {
            // Collapse spaces, trim.
            std::string c;
            for (char ch : l)
                if (ch != ' ' || (!c.empty() && c.back() != ' ')) c += ch;
            while (!c.empty() && c.back() == ' ') c.pop_back();
            if (c.empty()) continue;
            // A line must not start with what the reader takes as a block marker.
            if (c[0] == '#' || c[0] == '>' || ((c[0] == '-' || c[0] == '+') && c.size() > 1 && c[1] == ' ')) c.insert(0, "\\");
            if (first) {
                if (bullet) c.insert(0, "- ");
                else if (!prefix.empty()) c.insert(0, prefix + " ");
                first = false;
            }
            if (!block.empty()) block += '\n';
            block += c;
        }
        return block;
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

void add_block(std::string& md, const std::string& block) {
    if (block.empty()) return;
    if (!md.empty()) md += "\n\n";
    md += block;
}

}  // namespace

std::string docx_to_markdown(std::string_view bytes) {
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

    std::string md;
    // The first page's header: symbol, body, distribution, date.
    std::string header = first_header_part(doc, archive.read("word/_rels/document.xml.rels"));
    if (!header.empty()) {
        if (auto hx = archive.read(header)) {
            pugi::xml_document hd;
            parse_xml(hd, *hx, header);
            Converter hc;  // its own footnote and list counters: headers hold neither
            std::string block;
            walk(hd, [&](pugi::xml_node n) {
                if (local(n) == "Fallback") return false;
                if (local(n) == "p") {
                    std::string line = hc.paragraph(n, true);
                    if (!line.empty()) block += (block.empty() ? "" : "\n") + line;
                }
                return true;
            });
            add_block(md, block);
        }
    }

    pugi::xml_node body_node = child(child(doc, "document"), "body");
    walk(body_node, [&](pugi::xml_node n) {
        std::string_view name = local(n);
        if (name == "Fallback" || name == "sectPr") return false;
        if (name == "p") add_block(md, conv.paragraph(n, false));
        return true;  // text boxes: paragraphs inside a paragraph come after it
    });

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
            std::string text;
            walk(it->second, [&](pugi::xml_node n) {
                if (local(n) == "Fallback") return false;
                if (local(n) == "p") {
                    std::string block = conv.paragraph(n, true);
                    for (char& c : block)
                        if (c == '\n') c = ' ';
                    if (!block.empty()) text += (text.empty() ? "" : " ") + block;
                }
                return true;
            });
            add_block(md, "[^" + mark + "]: " + text);
        }
    }
    md += '\n';
    return md;
}

Document read_docx(const SourceFile& src) {
    if (!src.is_docx())
        throw InputError("input is not a .docx file (a zip archive with word/document.xml)");
    Document doc = read_text(src, InputFormat::Markdown);
    doc.format = InputFormat::Docx;
    return doc;
}

}  // namespace unres::readers
