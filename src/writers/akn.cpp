// Akoma Ntoso 3.0 writer: the AKN4UN-shaped profile of design/AKN-PROFILE.md.
//
// The document is written as it is walked, into the output string (Xml below), never built
// as an element tree first: XML declaration, fixed attribute order, 2-space indentation of
// element-only content, mixed content (p, num, heading, ...) written inline so no whitespace
// is added to the text, LF line ends.  What only the end of the walk knows (the references
// section lists every #id used; notes that no mark places go to the sponsor line or the end
// of the main body) is written into holes that are spliced in at the end.  The output is a
// pure function of the Document and the options: byte-identical on every call.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "bytes.hpp"
#include "unres/writers.hpp"
#include "utf8.hpp"
#include "words.hpp"
#include "writers/sections.hpp"

namespace unres {
namespace {

constexpr std::string_view kNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kUnknownDate = "0001-01-01";      // DGACM's "date unknown"
constexpr std::size_t kMaxEidPrefix = 240;                    // longer paths restart (deep nesting)
constexpr int kMaxIndent = 64;                                // deeper levels stop indenting further
// Sub-paragraph levels written as nested lists; deeper descendants follow as sibling
// points of the last level (text and order kept).  Keeps the XML below the 256-level
// nesting limit of common parsers (libxml2 without XML_PARSE_HUGE); real texts use 4.
constexpr int kMaxDepth = 100;

// ---------------------------------------------------------------- characters

/// How append_escaped treats an ASCII byte: copied, dropped (C0 controls other than tab, LF
/// and CR: XML 1.0 does not allow them) or escaped; [1] is inside an attribute value.
enum class Ascii : unsigned char { Copy, Drop, Escape };
struct AsciiClasses {
    Ascii of[2][128] = {};
    constexpr AsciiClasses() {
        for (int a = 0; a < 2; ++a)
            for (int c = 0; c < 128; ++c) {
                bool control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
                bool esc = c == '&' || c == '<' || c == '>' || c == '"' || c == '\r' || (a && (c == '\t' || c == '\n'));
                of[a][c] = control ? Ascii::Drop : esc ? Ascii::Escape : Ascii::Copy;
            }
    }
};
constexpr AsciiClasses kAscii;

std::string_view escape_of(char c) {
    switch (c) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        case '"': return "&quot;";
        case '\r': return "&#13;";
        case '\t': return "&#9;";
        default: return "&#10;";  // '\n' (in an attribute)
    }
}

/// Eight bytes at s[i] that append_escaped copies as they are, in text and in attributes: printable
/// ASCII other than & < > " (checked a word at a time; a "no" only means a byte at a time).
bool plain_word(std::string_view s, std::size_t i) {
    using namespace bytes;
    std::uint64_t w = load8(s, i);
    return (high(w) | below(w, 0x20) | equal(w, '&') | equal(w, '<') | equal(w, '>') | equal(w, '"')) == 0;
}

/// Appends `s` as XML character data (attribute: an attribute value), in one pass without a
/// copy: valid UTF-8 made of characters XML 1.0 allows (C0 controls other than tab, LF and CR
/// dropped; invalid sequences, U+FFFE and U+FFFF as U+FFFD), with & < > " and CR escaped
/// (in an attribute also tab and LF).  Runs of bytes kept as they are go in one append.
void append_escaped(std::string& out, std::string_view s, bool attribute) {
    const auto& cls = kAscii.of[attribute ? 1 : 0];
    std::size_t run = 0, i = 0;
    auto flush = [&] { out.append(s.data() + run, i - run); };
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            Ascii k = cls[c];
            if (k == Ascii::Copy) {
                ++i;
                while (i + 8 <= s.size() && plain_word(s, i)) i += 8;
                continue;
            }
            flush();
            if (k == Ascii::Escape) out += escape_of(static_cast<char>(c));
            run = ++i;
            continue;
        }
        std::size_t len = utf8::valid_sequence(s, i);
        std::string_view seq = s.substr(i, len);
        if (len != 0 && seq != "\xEF\xBF\xBE" && seq != "\xEF\xBF\xBF") {
            i += len;
            continue;
        }
        flush();
        out += kReplacement;
        i += len == 0 ? 1 : len;
        run = i;
    }
    flush();
}

/// Largest character boundary <= pos in s (pos clamped to s.size()).
std::size_t floor_boundary(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return s.size();
    std::size_t p = pos;
    // step back over at most 3 continuation bytes
    for (int k = 0; k < 3 && p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80; ++k) --p;
    return p;
}

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

/// Base Latin letter for common accented letters (U+00C0..U+017F), else 0.
char fold_latin(char32_t cp) {
    static constexpr std::string_view k00C0 =  // U+00C0 .. U+00FF
        "AAAAAAACEEEEIIII" "DNOOOOO*OUUUUYTs" "aaaaaaaceeeeiiii" "dnooooo/ouuuuyty";
    static constexpr std::string_view k0100 =  // U+0100 .. U+017F
        "AaAaAaCcCcCcCcDd" "DdEeEeEeEeEeGgGg" "GgGgHhHhIiIiIiIi" "IiJjJjKkkLlLlLlL"
        "lLlNnNnNnnNnOoOo" "OoOoRrRrRrSsSsSs" "SsTtTtTtUuUuUuUu" "UuUuWwYyYZzZzZzs";
    static_assert(k00C0.size() == 0x40 && k0100.size() == 0x80);
    if (cp >= 0xC0 && cp <= 0xFF) {
        char c = k00C0[cp - 0xC0];
        return is_ascii_alnum(c) ? c : 0;
    }
    if (cp >= 0x100 && cp <= 0x17F) return k0100[cp - 0x100];
    return 0;
}

/// "Venezuela (Bolivarian Republic of)" -> "venezuelaBolivarianRepublicOf".
std::string camel_slug(std::string_view s) {
    std::string out;
    bool upper_next = false;
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp = utf8::next(s, i);
        char c = cp < 0x80 ? static_cast<char>(cp) : fold_latin(cp);
        if (c != 0 && is_ascii_alnum(c)) {
            if (out.empty())
                out += ascii_lower(c);
            else
                out += upper_next ? ascii_upper(c) : c;
            upper_next = false;
        } else if (cp == '\'' || cp == 0x2019) {
            // apostrophes join: "Côte d'Ivoire" -> "coteDivoire"
        } else {
            upper_next = true;
        }
    }
    if (!out.empty() && out[0] >= '0' && out[0] <= '9') out.insert(0, "n");
    return out;
}

/// Label fit for an eId component: ASCII letters, digits, '-' and '.' kept.
std::string id_part(std::string_view s) {
    std::string out;
    for (char c : s)
        if (is_ascii_alnum(c) || c == '-' || c == '.') out += c;
    return out;
}

// ---------------------------------------------------------------- dates

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool valid_iso_date(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (d[i] < '0' || d[i] > '9') return false;
    auto num = [&](std::size_t a, std::size_t n) {
        int v = 0;
        for (std::size_t i = a; i < a + n; ++i) v = v * 10 + (d[i] - '0');
        return v;
    };
    int y = num(0, 4), m = num(5, 2), day = num(8, 2);
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || day < 1) return false;
    int dim = kDays[m - 1] + ((m == 2 && leap(y)) ? 1 : 0);
    return day <= dim;
}

/// "2023-12-19" -> "19 December 2023" (the UN's form).
std::string long_date(std::string_view iso) {
    int m = (iso[5] - '0') * 10 + (iso[6] - '0');
    std::string day(iso.substr(8, 2));
    if (day[0] == '0') day.erase(0, 1);
    std::string year(iso.substr(0, 4));
    while (year.size() > 1 && year[0] == '0') year.erase(0, 1);
    return day + " " + std::string(words::month_name(m)) + " " + year;
}

// ---------------------------------------------------------------- session number

/// "Seventy-eighth session" -> 78; "78th session" -> 78; 0 when not understood.
int session_number(std::string_view s) {
    std::string low;
    for (char c : s) low += ascii_lower(c);
    // digits first
    for (std::size_t i = 0; i < low.size(); ++i) {
        if (low[i] >= '0' && low[i] <= '9') {
            int v = 0;
            std::size_t j = i;
            while (j < low.size() && low[j] >= '0' && low[j] <= '9' && v < 100000) v = v * 10 + (low[j++] - '0');
            return v;
        }
    }
    static const std::map<std::string, int> kWords = {
        {"first", 1},        {"one", 1},          {"second", 2},      {"two", 2},          {"third", 3},
        {"three", 3},        {"fourth", 4},       {"four", 4},        {"fifth", 5},        {"five", 5},
        {"sixth", 6},        {"six", 6},          {"seventh", 7},     {"seven", 7},        {"eighth", 8},
        {"eight", 8},        {"ninth", 9},        {"nine", 9},        {"tenth", 10},       {"ten", 10},
        {"eleventh", 11},    {"eleven", 11},      {"twelfth", 12},    {"twelve", 12},      {"thirteenth", 13},
        {"fourteenth", 14},  {"fifteenth", 15},   {"sixteenth", 16},  {"seventeenth", 17}, {"eighteenth", 18},
        {"nineteenth", 19},  {"twentieth", 20},   {"twenty", 20},     {"thirtieth", 30},   {"thirty", 30},
        {"fortieth", 40},    {"forty", 40},       {"fiftieth", 50},   {"fifty", 50},       {"sixtieth", 60},
        {"sixty", 60},       {"seventieth", 70},  {"seventy", 70},    {"eightieth", 80},   {"eighty", 80},
        {"ninetieth", 90},   {"ninety", 90},      {"hundredth", 100}, {"hundred", 100}};
    int total = 0;
    bool any = false;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return false;
        auto it = kWords.find(word);
        word.clear();
        if (it == kWords.end()) return any;  // stop at the first non-number word once started
        if (it->second == 100)
            total = (total == 0 ? 1 : total) * 100;
        else
            total += it->second;
        any = true;
        return false;
    };
    for (char c : low) {
        if (c >= 'a' && c <= 'z') {
            word += c;
        } else if (flush()) {
            break;
        }
    }
    flush();
    return any ? total : 0;
}

// ---------------------------------------------------------------- the streamed XML

void indent(std::string& out, int depth) { out.append(static_cast<std::size_t>(std::min(depth, kMaxIndent)) * 2, ' '); }

class Xml;

/// A handle on an element while Xml writes it: its children, attributes and text go straight
/// to the output, in the order they are given.  Writing to an element closes the elements
/// opened inside it since (as adding to a parent in a tree closes its last child); writing to
/// an element that is already closed is a logic error (thrown), so an out-of-order write
/// cannot silently misplace text.
class Node {
public:
    Node add(std::string_view name, bool mixed = false);
    Node& set(std::string_view key, std::string_view value);
    Node& text_(std::string_view t);
    /// Nothing was written after this element's own content: it is still open.
    bool is_open() const;
    /// The element has a child (element or text) already.
    bool has_kids() const;

private:
    friend class Xml;
    Node(Xml* xml, std::uint32_t id) : xml_(xml), id_(id) {}
    Xml* xml_;
    std::uint32_t id_;
};

/// Writes the document as it is made, in the fixed form of this writer: 2-space indentation
/// of element-only content (at most kMaxIndent levels), mixed content (an element made
/// `mixed`, or any element holding text) written inline so that no whitespace is added to
/// the text, an element without content as <name/>, LF line ends.  Text runs given one after
/// the other are escaped as one (append_escaped).  The few parts of the output that are only
/// known at the end (the references the whole document uses, notes no mark placed) are holes:
/// a place among an element's children, filled later (fill) and spliced in by finish().
/// Element names must outlive their element (literals, or strings the writer keeps).
class Xml {
public:
    explicit Xml(std::string& out) : out_(out), cur_(&out) {}

    Node root(std::string_view name) {
        stack_.push_back({name, next_id_++, 0, false, false});
        indent(*cur_, 0);
        *cur_ += '<';
        *cur_ += name;
        return Node(this, stack_.back().id);
    }

    Node add(std::uint32_t parent, std::string_view name, bool mixed) {
        Open& p = child_of(parent, false);
        const bool inl = p.child_inline;
        const int depth = inl ? 0 : p.depth + 1;
        if (!inl) indent(*cur_, depth);
        *cur_ += '<';
        *cur_ += name;
        stack_.push_back({name, next_id_++, depth, inl, mixed});
        return Node(this, stack_.back().id);
    }

    void set(std::uint32_t id, std::string_view key, std::string_view value) {
        if (stack_.empty() || stack_.back().id != id || !stack_.back().tag_open)
            throw std::logic_error("akn writer: an attribute after the element's content");
        *cur_ += ' ';
        *cur_ += key;
        *cur_ += "=\"";
        append_escaped(*cur_, value, true);
        *cur_ += '"';
    }

    void text(std::uint32_t id, std::string_view t) {
        if (t.empty()) return;
        if (!pending_.empty() && stack_.back().id == id) {  // the same run of text goes on
            pending_ += t;
            return;
        }
        child_of(id, true);
        pending_ = t;
    }

    bool is_open(std::uint32_t id) const {
        return std::any_of(stack_.begin(), stack_.end(), [&](const Open& o) { return o.id == id; });
    }
    bool has_kids(std::uint32_t id) const {
        for (const Open& o : stack_)
            if (o.id == id) return o.kids > 0;
        throw std::logic_error("akn writer: an element asked about after it was closed");
    }

    /// A place after the children `parent` has so far, for children given later (fill).
    std::size_t hole(Node parent) {
        if (cur_ != &out_) throw std::logic_error("akn writer: a hole inside a hole");
        Open& p = child_of(parent.id_, false);
        --p.kids;  // the hole itself is not a child
        holes_.push_back({cur_->size(), {}, p});
        return holes_.size() - 1;
    }

    /// Writes into the hole the children `fn` gives its parent (the handle `fn` is passed).
    template <class F>
    void fill(std::size_t h, F&& fn) {
        close_to(0);  // the main output is complete
        std::string* saved = cur_;
        Hole& hole = holes_[h];
        cur_ = &hole.text;
        Open parent = hole.parent;
        parent.id = next_id_++;
        stack_.push_back(parent);
        fn(Node(this, parent.id));
        close_to(1);
        stack_.pop_back();
        cur_ = saved;
    }

    /// Closes every element and splices the holes in: the output is complete.
    void finish() {
        close_to(0);
        std::size_t extra = 0;
        for (const Hole& h : holes_) extra += h.text.size();
        if (extra == 0) return;
        std::size_t end = out_.size();
        out_.resize(end + extra);
        // from the last hole back, each byte moved once, in place
        for (std::size_t k = holes_.size(); k-- > 0;) {
            const Hole& h = holes_[k];
            std::size_t tail = end - h.offset;
            std::memmove(&out_[h.offset + extra], &out_[h.offset], tail);
            extra -= h.text.size();
            std::memcpy(&out_[h.offset + extra], h.text.data(), h.text.size());
            end = h.offset;
        }
    }

private:
    struct Open {
        std::string_view name;
        std::uint32_t id;
        int depth;          // its indentation (0 when inline)
        bool inl;           // written inline (inside mixed content)
        bool mixed;
        bool child_inline = false;
        bool tag_open = true;  // "<name attrs" written, not yet its '>'
        std::size_t kids = 0;
    };
    struct Hole {
        std::size_t offset;  // in out_
        std::string text;
        Open parent;         // the parent's state at the hole
    };

    /// Closes what was opened inside `id` and makes room for its next child (`text`: a text).
    Open& child_of(std::uint32_t id, bool text) {
        std::size_t k = stack_.size();
        while (k > 0 && stack_[k - 1].id != id) --k;
        if (k == 0) throw std::logic_error("akn writer: an element written after it was closed");
        close_to(k);
        Open& p = stack_.back();
        if (p.tag_open) {
            p.child_inline = p.inl || p.mixed || text;
            *cur_ += '>';
            if (!p.child_inline) *cur_ += '\n';
            p.tag_open = false;
        } else if (text && !p.child_inline) {
            throw std::logic_error("akn writer: text after an element in element-only content");
        }
        ++p.kids;
        return p;
    }

    void flush_text() {
        if (pending_.empty()) return;
        append_escaped(*cur_, pending_, false);
        pending_.clear();
    }

    /// Closes the open elements until `keep` remain.
    void close_to(std::size_t keep) {
        flush_text();
        while (stack_.size() > keep) {
            const Open& o = stack_.back();
            if (o.tag_open) {
                *cur_ += "/>";
            } else {
                if (!o.child_inline) indent(*cur_, o.depth);
                *cur_ += "</";
                *cur_ += o.name;
                *cur_ += '>';
            }
            if (!o.inl) *cur_ += '\n';
            stack_.pop_back();
        }
    }

    std::string& out_;
    std::string* cur_;
    std::string pending_;  // text not yet escaped: the run may go on
    std::vector<Open> stack_;
    std::vector<Hole> holes_;
    std::uint32_t next_id_ = 1;
};

Node Node::add(std::string_view name, bool mixed) { return xml_->add(id_, name, mixed); }
Node& Node::set(std::string_view key, std::string_view value) {
    xml_->set(id_, key, value);
    return *this;
}
Node& Node::text_(std::string_view t) {
    xml_->text(id_, t);
    return *this;
}
bool Node::is_open() const { return xml_->is_open(id_); }
bool Node::has_kids() const { return xml_->has_kids(id_); }

// ---------------------------------------------------------------- the writer

std::string label_of(const Para& p) { return p.display_label(); }

struct Actor {
    std::string_view code;   ///< IRI actor: unga, unsc, ecosoc, unhrc
    std::string_view id;     ///< TLC eId
    std::string_view onto;   ///< ontology name
    std::string_view name;   ///< printed name
};
constexpr Actor kGA{"unga", "ga", "generalAssembly", "General Assembly"};
constexpr Actor kSC{"unsc", "sc", "securityCouncil", "Security Council"};
constexpr Actor kECOSOC{"ecosoc", "ecosoc", "economicAndSocialCouncil", "Economic and Social Council"};
constexpr Actor kHRC{"unhrc", "hrc", "humanRightsCouncil", "Human Rights Council"};

bool contains_ci(std::string_view hay, std::string_view needle) {
    if (needle.size() > hay.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        bool ok = true;
        for (std::size_t k = 0; k < needle.size() && ok; ++k) ok = ascii_lower(hay[i + k]) == ascii_lower(needle[k]);
        if (ok) return true;
    }
    return false;
}

Actor actor_of(const Document& doc) {
    const std::string& body = doc.meta.body.value;
    if (contains_ci(body, "human rights council")) return kHRC;
    if (contains_ci(body, "security council")) return kSC;
    if (contains_ci(body, "economic and social council")) return kECOSOC;
    if (contains_ci(body, "general assembly")) return kGA;
    std::string sym;
    for (char c : doc.meta.symbol.value)
        if (c != ' ') sym += ascii_upper(c);
    if (sym.rfind("A/HRC/", 0) == 0) return kHRC;
    if (!sym.empty()) {
        if (sym[0] == 'S') return kSC;
        if (sym[0] == 'E') return kECOSOC;
    }
    return kGA;
}

/// IRI-safe lower-case component: "A/C.3/78/L.52/Rev.1" -> "a-c.3-78-l.52-rev.1".
std::string iri_number(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (is_ascii_alnum(c) || c == '.' || c == '-' || c == '_')
            out += ascii_lower(c);
        else if ((c == '/' || c == ' ') && !out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

class AknWriter {
public:
    AknWriter(const Document& doc, const AknOptions& opts)
        : doc_(doc), opts_(opts), actor_(actor_of(doc)), table_places_(doc.tables) {}

    std::string run() {
        std::string out;
        out.reserve(size_estimate());  // no growth on the way: a large output is not held twice
        out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        Xml xml(out);
        xml_ = &xml;
        Node root = xml.root("akomaNtoso");
        root.set("xmlns", kNamespace);
        Node st = root.add("statement");
        st.set("name", to_string(doc_.kind));

        Node meta = st.add("meta");
        Node ident = meta.add("identification");
        ident.set("source", ref_org("unres", "unres", "unres"));
        prepare_notes();
        identification(ident, "");
        Node refs = meta.add("references");
        refs.set("source", "#unres");
        const std::size_t refs_hole = xml.hole(refs);  // the TLCs the whole document uses: filled last

        cover_page(st);
        preface(st);

        std::vector<const Para*> top_preamble;
        for (const auto& p : doc_.preamble)
            if (p.section.empty()) top_preamble.push_back(&p);
        preamble(st, doc_.authority.value, top_preamble, "");

        Node body = st.add("mainBody");
        body_content(body, doc_.preamble, doc_.operative, doc_.sections, "");
        instructions(body);
        const std::size_t body_hole = xml.hole(body);  // notes no paragraph holds, unclassified text

        conclusions(st);
        attachments(st);

        // Notes no mark placed: an asterisk note goes to the sponsor line, after the last name;
        // the others (a note on the title, an unnumbered note) to a block of their own at the
        // end of the main body, so that no text is lost.
        if (sponsor_hole_)
            xml.fill(*sponsor_hole_, [&](Node p) {
                for (std::size_t i = 0; i < notes_.size(); ++i)
                    if (!notes_[i].written && doc_.footnotes[i].num == "*") write_note(p, i);
            });
        xml.fill(body_hole, [&](Node b) {
            std::optional<Node> leftover;
            for (std::size_t i = 0; i < notes_.size(); ++i) {
                if (notes_[i].written) continue;
                if (!leftover) {
                    leftover = b.add("block", true);
                    leftover->set("name", "footnotes").set("eId", unique("block_footnotes"));
                }
                write_note(*leftover, i);
            }
            for (const auto& u : doc_.unclassified) {
                Node blk = b.add("block", true);
                blk.set("name", "unclassified").set("eId", unique("block_" + std::to_string(++blocks_)));
                blk.text_(u.text);
            }
            if (!b.has_kids()) b.add("p", true);  // mainBody needs one child
        });
        xml.fill(refs_hole, [&](Node r) {
            for (const auto& t : tlcs_) r.add(t.element).set("eId", t.id).set("href", t.href).set("showAs", t.show);
        });
        xml.finish();
        xml_ = nullptr;
        return out;
    }

private:
    /// More than the output takes as a rule: the text, and the markup around each paragraph and
    /// note (its eId, tags and indentation) at a generous kMarkup bytes.  Pages reserved and
    /// never written are not resident, so erring high costs address space only.
    std::size_t size_estimate() const {
        constexpr std::size_t kMarkup = 600;
        std::size_t n = 16384;
        auto paras = [&](const std::vector<Para>& v, auto& self) -> void {
            for (const Para& p : v) {
                n += p.text.size() + p.heading.size() + kMarkup;
                self(p.children, self);
            }
        };
        paras(doc_.preamble, paras);
        paras(doc_.operative, paras);
        paras(doc_.instructions, paras);
        for (const Annex& a : doc_.annexes) {
            paras(a.preamble, paras);
            paras(a.operative, paras);
        }
        for (const Footnote& f : doc_.footnotes) n += f.text.size() + kMarkup;
        for (const Table& t : doc_.tables)
            for (const auto& r : t.rows)
                for (const auto& c : r) n += c.size() + 64;
        for (const auto& u : doc_.unclassified) n += u.text.size() + kMarkup;
        return n + n / 8;  // escapes: "&amp;", "&quot;", ...
    }

    struct Tlc {
        std::string element, id, href, show;
    };
    struct NoteState {
        std::string eid;
        bool written = false;
    };

    const Document& doc_;
    const AknOptions& opts_;
    Actor actor_;
    TablePlaces table_places_;
    std::unordered_set<std::string> eids_;
    std::unordered_map<std::string, int> next_suffix_;
    std::vector<Tlc> tlcs_;
    std::map<std::string, std::string> tlc_by_key_;
    std::vector<NoteState> notes_;
    std::map<std::string, std::vector<std::size_t>> notes_by_num_;
    std::map<std::string, std::size_t> last_written_;
    Xml* xml_ = nullptr;                       ///< the output, while run() writes it
    std::optional<std::size_t> sponsor_hole_;  ///< in the sponsor line: asterisk notes no mark placed
    int deep_ = 0;
    int blocks_ = 0;
    int tables_ = 0;
    int annex_ = -1;  // the part body_content writes: an annex index, -1 = the resolution's body

    // ------------------------------------------------------------ ids

    std::string unique(std::string base) {
        if (base.empty()) base = "id";
        if (eids_.insert(base).second) return base;
        int& k = next_suffix_[base];  // resume where the last collision on `base` stopped
        if (k < 2) k = 2;
        for (;; ++k) {
            std::string cand = base + "_" + std::to_string(k);
            if (eids_.insert(cand).second) return cand;
        }
    }

    /// Registers a TLC once per key and returns "#eId".
    std::string ref(const std::string& key, std::string_view element, std::string_view id, std::string_view href,
                    std::string_view show) {
        auto it = tlc_by_key_.find(key);
        if (it != tlc_by_key_.end()) return "#" + it->second;
        std::string eid = unique(std::string(id));
        tlc_by_key_.emplace(key, eid);
        tlcs_.push_back({std::string(element), eid, std::string(href), std::string(show)});
        return "#" + eid;
    }
    std::string ref_concept(std::string_view id, std::string_view show) {
        return ref("concept:" + std::string(id), "TLCConcept", id, "/akn/ontology/concept/un/" + std::string(id), show);
    }
    std::string ref_role(std::string_view id, std::string_view show) {
        return ref("role:" + std::string(id), "TLCRole", id, "/akn/ontology/role/un/" + std::string(id), show);
    }
    std::string ref_org(const std::string& key, std::string_view slug, std::string_view show) {
        std::string s = slug.empty() ? std::string("organization") : std::string(slug);
        return ref("org:" + key, "TLCOrganization", s, "/akn/ontology/organization/un/" + s, show);
    }
    std::string ref_actor() {
        return ref("actor", "TLCOrganization", actor_.id, "/akn/ontology/organization/un/" + std::string(actor_.onto),
                   actor_.name);
    }

    // ------------------------------------------------------------ FRBR

    struct Dates {
        std::string work, work_name, manifestation;
    };

    Dates dates() const {
        Dates d;
        const auto& m = doc_.meta;
        bool adopted = doc_.kind == DocKind::Resolution || doc_.kind == DocKind::Decision;
        std::vector<std::pair<std::string, std::string_view>> chain;
        if (adopted) {
            chain = {{m.adoption_date.value, "adoption"}, {doc_.closing.date, "adoption"}, {m.date.value, "issuance"}};
        } else {
            chain = {{m.date.value, "issuance"}, {m.adoption_date.value, "adoption"}, {doc_.closing.date, "adoption"}};
        }
        for (const auto& [v, name] : chain) {
            if (valid_iso_date(v)) {
                d.work = v;
                d.work_name = name;
                break;
            }
        }
        if (d.work.empty()) {
            d.work = kUnknownDate;
            d.work_name = "issuance";
        }
        if (valid_iso_date(opts_.manifestation_date))
            d.manifestation = opts_.manifestation_date;
        else if (valid_iso_date(m.date.value))
            d.manifestation = m.date.value;
        else
            d.manifestation = d.work;
        return d;
    }

    std::string number_component() const {
        const auto& m = doc_.meta;
        bool adopted = doc_.kind == DocKind::Resolution || doc_.kind == DocKind::Decision;
        if (adopted) {
            std::string n = iri_number(m.number.value);
            if (!n.empty()) return n;
            // A/RES/78/217 -> 78-217
            std::string sym = m.symbol.value;
            auto pos = sym.find("/RES/");
            if (pos == std::string::npos) pos = sym.find("/DEC/");
            if (pos != std::string::npos) {
                n = iri_number(sym.substr(pos + 5));
                if (!n.empty()) return n;
            }
        }
        std::string n = iri_number(m.symbol.value);
        if (n.empty()) n = iri_number(m.number.value);
        return n.empty() ? std::string("unnumbered") : n;
    }

    /// component: "" for the main document, "annex_1" for an attachment.
    void identification(Node ident, std::string_view component) {
        Dates d = dates();
        std::string number = number_component();
        std::string work = "/akn/un/statement/deliberation/" + std::string(actor_.code) + "/" + d.work + "/" + number;
        std::string expr = work + "/eng@";
        std::string comp = component.empty() ? std::string("/!main") : "/!main/" + std::string(component);
        std::string author = ref_actor();
        std::string role_author = ref_role("author", "Author");

        Node w = ident.add("FRBRWork");
        w.add("FRBRthis").set("value", work + comp);
        w.add("FRBRuri").set("value", work);
        w.add("FRBRdate").set("date", d.work).set("name", d.work_name);
        w.add("FRBRauthor").set("href", author).set("as", role_author);
        w.add("FRBRcountry").set("value", "un");
        w.add("FRBRsubtype").set("value", "deliberation");
        std::string show = !doc_.meta.symbol.value.empty() ? doc_.meta.symbol.value : doc_.meta.number.value;
        if (number != "unnumbered") w.add("FRBRnumber").set("value", number).set("showAs", show.empty() ? number : show);

        Node e = ident.add("FRBRExpression");
        e.add("FRBRthis").set("value", expr + comp);
        e.add("FRBRuri").set("value", expr);
        e.add("FRBRdate").set("date", d.work).set("name", d.work_name);
        e.add("FRBRauthor").set("href", author).set("as", role_author);
        e.add("FRBRlanguage").set("language", "eng");

        Node m = ident.add("FRBRManifestation");
        m.add("FRBRthis").set("value", expr + comp + ".xml");
        m.add("FRBRuri").set("value", expr + ".xml");
        m.add("FRBRdate").set("date", d.manifestation).set("name", "markup");
        m.add("FRBRauthor").set("href", "#unres").set("as", ref_role("editor", "Editor"));
    }

    // ------------------------------------------------------------ cover page and preface

    /// The cover page: the masthead's lines, the adoption line of an adopted text, the sponsors.
    void cover_page(Node st) {
        Node cover = st.add("coverPage");
        cover_masthead(cover);
        cover_adoption(cover);
        cover_sponsors(cover);
    }

    /// Authority, symbol, body, distribution, date, language, session, committee, agenda.
    void cover_masthead(Node c) {
        const auto& m = doc_.meta;
        auto line = [&]() -> Node { return c.add("p", true); };
        line().add("docAuthority", true).text_("United Nations");
        if (m.symbol.present())
            line().add("docNumber", true).set("refersTo", ref_concept("symbol", "Symbol")).text_(m.symbol.value);
        // the body only as the input names it (the actor is in the FRBR identification)
        if (m.body.present()) line().add("docAuthority", true).set("refersTo", ref_actor()).text_(m.body.value);
        if (m.distribution.present()) {
            const std::string& dist = m.distribution.value;
            std::string concept_id = camel_slug(dist) + "Distribution";
            line().add("docStatus", true)
                .set("refersTo", ref_concept(concept_id, dist + " distribution"))
                .text_("Distr.: " + dist);
        }
        if (m.date.present()) {
            if (valid_iso_date(m.date.value))
                line()
                    .add("docDate", true)
                    .set("date", m.date.value)
                    .set("refersTo", ref_concept("dateOfIssuance", "Date of issuance"))
                    .text_(long_date(m.date.value));
            else
                line().add("inline", true).set("name", "docDate").text_(m.date.value);
        }
        if (m.original_language.present()) {
            Node p = line();
            p.text_("Original: ");
            p.add("inline", true).set("name", "originalLanguage").text_(m.original_language.value);
        }
        if (m.session.present()) {
            Node s = line().add("session", true);
            int n = session_number(m.session.value);
            if (n == 0) n = session_from_symbol();
            if (n > 0) s.set("value", std::to_string(n));
            s.text_(m.session.value);
        }
        if (m.committee.present()) {
            std::string slug = camel_slug(m.committee.value);
            line().add("docCommittee", true).set("refersTo", ref_org("committee:" + m.committee.value, slug, m.committee.value)).text_(m.committee.value);
        }
        for (const auto& item : m.agenda_items) {
            if (!item.present()) continue;
            line().add("inline", true).set("name", "agendaItem").set("title", item.value).text_("Agenda item " + item.value);
        }
        if (m.agenda_title.present()) line().add("inline", true).set("name", "agendaItemTitle").text_(m.agenda_title.value);
    }

    /// "Resolution adopted by the General Assembly on 3 December 2025" (adopted texts only).
    void cover_adoption(Node c) {
        const auto& m = doc_.meta;
        auto line = [&]() -> Node { return c.add("p", true); };
        bool adopted = doc_.kind == DocKind::Resolution || doc_.kind == DocKind::Decision;
        if (adopted && valid_iso_date(m.adoption_date.value)) {
            Node p = line();
            std::string body = m.body.present() ? m.body.value : std::string(actor_.name);
            std::string what = doc_.kind == DocKind::Decision ? "Decision" : "Resolution";
            p.text_(what + " adopted by the " + body + " on ");
            p.add("docDate", true)
                .set("date", m.adoption_date.value)
                .set("refersTo", ref_concept("dateOfAdoption", "Date of adoption"))
                .text_(long_date(m.adoption_date.value));
        }
        if (m.origin.present()) line().add("inline", true).set("name", "origin").text_(m.origin.value);
    }

    /// The sponsor line ("A, B and C: revised draft resolution") or, without States, its text.
    void cover_sponsors(Node c) {
        const auto& m = doc_.meta;
        auto line = [&]() -> Node { return c.add("p", true); };
        // sponsor line: "A, B and C: revised draft resolution"
        std::vector<const Field*> sponsors;
        for (const auto& s : m.sponsors)
            if (s.present()) sponsors.push_back(&s);
        if (!sponsors.empty()) {
            Node p = line();
            std::string as = ref_role("sponsor", "Sponsor");
            for (std::size_t i = 0; i < sponsors.size(); ++i) {
                if (i > 0) p.text_(i + 1 == sponsors.size() ? " and " : ", ");
                const std::string& name = sponsors[i]->value;
                p.add("docProponent", true)
                    .set("refersTo", ref_org("state:" + name, camel_slug(name), name))
                    .set("as", as)
                    .text_(name);
            }
            sponsor_hole_ = xml_->hole(p);
            if (m.document_type.present()) {
                p.text_(": ");
                p.add("docType", true).text_(m.document_type.value);
                amended_text(p);
            }
        } else {
            if (m.sponsor_text.present()) {
                Node p = line();
                p.add("inline", true).set("name", "sponsorLine").text_(m.sponsor_text.value);
                sponsor_hole_ = xml_->hole(p);
            }
            if (m.document_type.present()) {
                Node p = line();
                p.add("docType", true).text_(m.document_type.value);
                amended_text(p);
            }
        }
    }

    /// An amendment's target after its type: "amendment to <ref>A/C.2/80/L.13/Rev.1</ref>",
    /// linked to the document's page (undocs.org, as the UN's own markup links symbols).
    void amended_text(Node p) {
        const Field& t = doc_.meta.target;
        if (doc_.kind != DocKind::Amendment || !t.present()) return;
        p.text_(" to ");
        p.add("ref", true).set("href", "https://undocs.org/en/" + t.value).text_(t.value);
    }

    int session_from_symbol() const {
        // first all-digit component of the symbol: A/C.3/78/L.52 -> 78
        const std::string& s = doc_.meta.symbol.value;
        std::size_t i = 0;
        while (i < s.size()) {
            std::size_t j = s.find('/', i);
            if (j == std::string::npos) j = s.size();
            std::string_view part(s.data() + i, j - i);
            if (!part.empty() && part.size() <= 5 &&
                std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return std::stoi(std::string(part));
            i = j + 1;
        }
        return 0;
    }

    void preface(Node st) {
        const auto& m = doc_.meta;
        bool adopted = doc_.kind == DocKind::Resolution || doc_.kind == DocKind::Decision;
        bool number = adopted && m.number.present();
        if (!number && !m.title.present()) return;
        Node p = st.add("preface").add("p", true);
        if (number) {
            p.add("docNumber", true).text_(m.number.value + ".");
            if (m.title.present()) p.text_(" ");
        }
        if (m.title.present()) p.add("docTitle", true).text_(m.title.value);
    }

    // ------------------------------------------------------------ footnotes

    void prepare_notes() {
        notes_.resize(doc_.footnotes.size());
        int stars = 0;
        for (std::size_t i = 0; i < doc_.footnotes.size(); ++i) {
            const auto& f = doc_.footnotes[i];
            std::string base;
            if (f.num == "*") {
                base = "authorialNote_star_" + std::to_string(++stars);
            } else {
                std::string part = id_part(f.num);
                base = "authorialNote_" + (part.empty() ? std::to_string(i + 1) : part);
            }
            notes_[i].eid = unique(base);
            notes_by_num_[f.num].push_back(i);
        }
    }

    /// A note without a number (the input printed none) is written without @marker.
    static void set_marker(Node n, const Footnote& f) {
        if (!f.num.empty()) n.set("marker", f.num);
    }

    void write_note(Node parent, std::size_t i, bool no_mark = false) {
        const Footnote& f = doc_.footnotes[i];
        Node an = parent.add("authorialNote");
        if (no_mark) an.set("class", "noMark");
        set_marker(an, f);
        an.set("placement", "bottom").set("eId", notes_[i].eid);
        an.add("p", true).text_(f.text);
        notes_[i].written = true;
        last_written_[f.num] = i;
    }

    /// A mark in the text: the next unwritten note with that number, else a noteRef to
    /// the one already written; a mark with no note body is left out.
    void mark(Node parent, const std::string& num) {
        auto it = notes_by_num_.find(num);
        if (it == notes_by_num_.end()) return;
        for (std::size_t i : it->second) {
            if (!notes_[i].written) {
                write_note(parent, i);
                return;
            }
        }
        std::size_t i = last_written_.at(num);
        Node r = parent.add("noteRef");
        r.set("href", "#" + notes_[i].eid);
        set_marker(r, doc_.footnotes[i]);
    }

    /// A note whose mark was not found, written at the end of its paragraph; class
    /// "noMark" says so, so that a reader does not take its position for a mark.
    void orphan(Node parent, const std::string& num) {
        auto it = notes_by_num_.find(num);
        if (it == notes_by_num_.end()) return;
        for (std::size_t i : it->second) {
            if (!notes_[i].written) {
                write_note(parent, i, true);
                return;
            }
        }
    }

    // ------------------------------------------------------------ inline text

    /// Writes p.text into `out` with italics as <i>, footnotes at their marks (an <i>
    /// is closed before a note and reopened after it) and orphan notes at the end.
    void inline_text(Node out, const Para& p) {
        const std::string& text = p.text;
        const std::size_t n = text.size();

        std::vector<std::pair<std::size_t, std::size_t>> ital;
        for (const auto& r : p.italics) {
            std::size_t b = floor_boundary(text, std::min(r.begin, n));
            std::size_t e = floor_boundary(text, std::min(r.end, n));
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

        std::vector<std::pair<std::size_t, const Mark*>> marks;
        for (const auto& mk : p.marks) marks.emplace_back(floor_boundary(text, mk.pos), &mk);
        std::stable_sort(marks.begin(), marks.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });

        std::vector<std::size_t> cuts{0, n};
        for (const auto& r : merged) {
            cuts.push_back(r.first);
            cuts.push_back(r.second);
        }
        for (const auto& mk : marks) cuts.push_back(mk.first);
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

        std::size_t mi = 0, ri = 0;
        std::optional<Node> last_i;  // the <i> being written, while it is the last child of `out`
        for (std::size_t k = 0; k < cuts.size(); ++k) {
            std::size_t at = cuts[k];
            while (mi < marks.size() && marks[mi].first == at) mark(out, marks[mi++].second->num);
            if (k + 1 == cuts.size()) break;
            std::size_t end = cuts[k + 1];
            while (ri < merged.size() && merged[ri].second <= at) ++ri;
            bool italic = ri < merged.size() && merged[ri].first <= at && at < merged[ri].second;
            std::string_view seg(text.data() + at, end - at);
            if (!italic)
                out.text_(seg);
            else if (last_i && last_i->is_open())
                last_i->text_(seg);  // a cut where nothing was written (a mark without a note)
            else
                last_i = out.add("i", true).text_(seg);
        }
        for (const auto& num : p.orphan_notes) orphan(out, num);
    }

    static bool has_inline(const Para& p) {
        return !p.text.empty() || !p.marks.empty() || !p.orphan_notes.empty();
    }

    // ------------------------------------------------------------ hierarchy

    /// paragraph / point: num, then content/p, or list (intro/p + points nested inside).
    /// `level` is 1 for a paragraph, 2 for its points, ...
    void hier(Node parent, const Para& p, std::string_view tag, const std::string& eid, int level) {
        Node el = parent.add(tag);
        el.set("eId", eid);
        std::string lab = label_of(p);
        if (!lab.empty()) el.add("num", true).text_(lab);
        if (p.children.empty() || level >= kMaxDepth) {
            inline_text(el.add("content").add("p", true), p);
            return;  // at kMaxDepth the caller writes the descendants as siblings
        }
        std::string base = eid.size() > kMaxEidPrefix ? "deep_" + std::to_string(++deep_) : eid;
        std::string lid = unique(base + "__list_1");
        Node list = el.add("list");
        list.set("eId", lid);
        if (has_inline(p)) inline_text(list.add("intro").add("p", true), p);
        std::size_t pos = 0;
        for (const auto& c : p.children) point(list, c, lid, pos, level + 1);
    }

    void point(Node list, const Para& c, const std::string& lid, std::size_t& pos, int level) {
        ++pos;
        if (!c.heading.empty())
            list.add("crossHeading", true).set("eId", unique(lid + "__crossHeading_" + std::to_string(pos))).text_(c.heading);
        std::string part = id_part(c.num);
        hier(list, c, "point", unique(lid + "__point_" + (part.empty() ? std::to_string(pos) : part)), level);
        if (level >= kMaxDepth)
            for (const auto& g : c.children) point(list, g, lid, pos, level);
    }

    /// A heading printed before a paragraph: crossHeading inside hierarchies, a named
    /// block where crossHeading is not allowed (mainBody, preamble).
    void heading_before(Node parent, const std::string& heading, bool hierarchy_parent, const std::string& eid) {
        if (hierarchy_parent)
            parent.add("crossHeading", true).set("eId", eid).text_(heading);
        else
            parent.add("block", true).set("name", "crossHeading").set("eId", eid).text_(heading);
    }

    /// Preambular sub-paragraphs: blockList / item (num, p, nested blockList).
    void block_list(Node parent, const std::vector<Para>& kids, const std::string& pid, int level = 2) {
        std::string base = pid.size() > kMaxEidPrefix ? "deep_" + std::to_string(++deep_) : pid;
        std::string bid = unique(base + "__blockList_1");
        Node bl = parent.add("blockList");
        bl.set("eId", bid);
        std::size_t pos = 0;
        for (const auto& c : kids) item(bl, c, bid, pos, level);
    }

    void item(Node bl, const Para& c, const std::string& bid, std::size_t& pos, int level) {
        ++pos;
        std::string part = id_part(c.num);
        std::string iid = unique(bid + "__item_" + (part.empty() ? std::to_string(pos) : part));
        Node it = bl.add("item");
        it.set("eId", iid);
        std::string lab = label_of(c);
        if (!lab.empty()) it.add("num", true).text_(lab);
        if (!c.heading.empty()) it.add("heading", true).text_(c.heading);
        inline_text(it.add("p", true), c);
        if (c.children.empty()) return;
        if (level < kMaxDepth)
            block_list(it, c.children, iid, level + 1);
        else
            for (const auto& g : c.children) item(bl, g, bid, pos, level);
    }

    void preamble(Node parent, const std::string& authority, const std::vector<const Para*>& paras,
                  const std::string& prefix) {
        if (authority.empty() && paras.empty()) return;
        Node pre = parent.add("preamble");
        if (!authority.empty()) {
            Node f = pre.add("formula");
            f.set("name", "enactingFormula").set("eId", unique(prefix + "preamble__formula_1"));
            f.add("p", true).text_(authority);
        }
        std::size_t k = 0;
        for (const Para* p : paras) {
            ++k;
            std::string cid = unique(prefix + "preamble__container_" + std::to_string(k));
            if (!p->heading.empty()) heading_before(pre, p->heading, false, unique(cid + "__crossHeading_1"));
            Node c = pre.add("container");
            c.set("name", "preambularParagraph").set("eId", cid);
            inline_text(c.add("p", true), *p);
            if (!p->children.empty()) block_list(c, p->children, cid);
        }
    }

    /// Preambular paragraphs of a section: crossHeading refersTo="#preamble" (AKN4UN);
    /// their sub-paragraphs follow as further crossHeadings that start with the label.
    void section_preamble(Node sec, const Para& p, const std::string& sid, std::size_t& k) {
        std::string preamble_ref = ref_concept("preamble", "Preamble");
        if (!p.heading.empty())
            heading_before(sec, p.heading, true, unique(sid + "__crossHeading_" + std::to_string(++k)));
        Node ch = sec.add("crossHeading", true);
        ch.set("refersTo", preamble_ref).set("eId", unique(sid + "__crossHeading_" + std::to_string(++k)));
        std::string lab = label_of(p);
        if (!lab.empty()) ch.text_(lab + " ");
        inline_text(ch, p);
        for (const auto& c : p.children) section_preamble(sec, c, sid, k);
    }

    /// mainBody (or annex mainBody): operative paragraphs in order, grouped into
    /// sections by Para::section; sections listed in `sections` but without paragraphs
    /// are still written (heading, section preamble).
    void body_content(Node body, const std::vector<Para>& all_preamble, const std::vector<Para>& operative,
                      const std::vector<Section>& sections, const std::string& prefix) {
        writers::SectionSlots slots(all_preamble, operative, sections);  // which section each run opens
        std::size_t sec_ordinal = 0;
        auto open_section = [&](const writers::SectionSlots::Open& o) -> std::pair<Node, std::string> {
            const std::string& label = *o.label;
            ++sec_ordinal;
            std::string part = id_part(label);
            std::string sid = unique(prefix + "sec_" + (part.empty() ? std::to_string(sec_ordinal) : part));
            Node sec = body.add("section");
            sec.set("eId", sid);
            if (!label.empty()) sec.add("num", true).text_(label);
            if (o.info != nullptr && !o.info->heading.empty()) sec.add("heading", true).text_(o.info->heading);
            std::size_t k = 0;
            for (const Para* p : slots.first_preamble(label)) section_preamble(sec, *p, sid, k);
            return {sec, sid};
        };

        std::size_t i = 0;
        std::size_t top_ordinal = 0;
        while (i < operative.size()) {
            const std::string& label = operative[i].section;
            std::size_t j = i;
            while (j < operative.size() && operative[j].section == label) ++j;
            if (label.empty()) {
                for (; i < j; ++i) {
                    tables_at(body, i, false, prefix);
                    top_paragraph(body, operative[i], prefix, ++top_ordinal, false);
                }
                continue;
            }
            std::optional<std::pair<Node, std::string>> sec;
            for (const auto& o : slots.run(label)) sec = open_section(o);  // the last is the run's
            std::size_t ordinal = 0;
            for (; i < j; ++i) {
                tables_at(sec->first, i, true, sec->second + "__");
                top_paragraph(sec->first, operative[i], sec->second + "__", ++ordinal, true);
            }
        }
        tables_at(body, operative.size(), false, prefix);
        for (const auto& o : slots.rest()) open_section(o);
    }

    void top_paragraph(Node parent, const Para& p, const std::string& prefix, std::size_t ordinal,
                       bool hierarchy_parent) {
        std::string part = id_part(p.num);
        std::string eid = unique(prefix + "para_" + (part.empty() ? std::to_string(ordinal) : part));
        if (!p.heading.empty()) heading_before(parent, p.heading, hierarchy_parent, unique(eid + "__crossHeading_1"));
        hier(parent, p, "paragraph", eid, 1);
    }

    void instructions(Node body) {
        std::size_t ordinal = 0;
        for (const auto& p : doc_.instructions) top_paragraph(body, p, "", ++ordinal, false);
    }

    // ------------------------------------------------------------ closing and annexes

    void conclusions(Node st) {
        const Closing& c = doc_.closing;
        if (c.meeting.empty() && c.date.empty()) return;
        Node con = st.add("conclusions");
        if (!c.meeting.empty()) con.add("p", true).add("inline", true).set("name", "meeting").text_(c.meeting);
        if (!c.date.empty()) {
            Node p = con.add("p", true);
            if (valid_iso_date(c.date))
                p.add("docDate", true)
                    .set("date", c.date)
                    .set("refersTo", ref_concept("dateOfAdoption", "Date of adoption"))
                    .text_(long_date(c.date));
            else
                p.text_(c.date);
        }
    }

    /// The tables of the current part (annex_, -1 = the resolution's body) that stand before its
    /// paragraph `index`: table / tr / td / p, one td per cell; inside a section (a hierarchy)
    /// wrapped in hcontainer name="table" / content.
    void tables_at(Node parent, std::size_t index, bool in_hier, const std::string& prefix) {
        for (const Table* tp : table_places_.at(annex_, index)) {
            const Table& t = *tp;
            if (t.rows.empty()) continue;
            Node at = parent;
            if (in_hier) {
                Node hc = parent.add("hcontainer");
                hc.set("name", "table").set("eId", unique(prefix + "hcontainer_" + std::to_string(tables_ + 1)));
                at = hc.add("content");
            }
            Node tab = at.add("table");
            tab.set("eId", unique(prefix + "table_" + std::to_string(++tables_)));
            for (const auto& r : t.rows) {
                Node tr = tab.add("tr");
                if (r.empty()) tr.add("td").add("p", true);
                for (const auto& c : r) tr.add("td").add("p", true).text_(c);
            }
        }
    }

    void attachments(Node st) {
        if (doc_.annexes.empty()) return;
        Node atts = st.add("attachments");
        std::size_t k = 0;
        for (const auto& a : doc_.annexes) {
            ++k;
            std::string aid = unique("att_" + std::to_string(k));
            Node att = atts.add("attachment");
            att.set("eId", aid);
            Node d = att.add("doc");
            d.set("name", "annex");
            Node ident = d.add("meta").add("identification");
            ident.set("source", "#unres");
            identification(ident, "annex_" + std::to_string(k));

            Node pre = d.add("preface");
            pre.add("p", true).add("docNumber", true).text_(a.num.empty() ? std::string("Annex") : "Annex " + a.num);
            if (!a.title.empty()) pre.add("p", true).add("docTitle", true).text_(a.title);

            std::string prefix = aid + "__";
            std::vector<const Para*> top;
            for (const auto& p : a.preamble)
                if (p.section.empty()) top.push_back(&p);
            preamble(d, "", top, prefix);
            Node body = d.add("mainBody");
            annex_ = static_cast<int>(k - 1);
            body_content(body, a.preamble, a.operative, a.sections, prefix);
            annex_ = -1;
            if (!body.has_kids()) body.add("p", true);
        }
    }
};

}  // namespace

std::string to_akn(const Document& doc, const AknOptions& opts) {
    AknWriter w(doc, opts);
    return w.run();
}

}  // namespace unres
