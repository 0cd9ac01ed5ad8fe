// Stage 3, the header.
//
// Job: read the header fields before the enacting formula ("The General Assembly,"): symbol,
// distribution, date, session, agenda item, origin and committee, sponsors, title, document
// kind.  Input: the classified lines.  Output: a Header (header.hpp): the metadata, the
// document kind, the enacting formula and the index of the first body line.  Guarantees: each
// field keeps the span it was read from; nothing after the formula is read as header.
//
// Shape: one small reader per field.  A field reader looks at one header line (and, where the
// field wraps, the lines after it) and returns the field, or nothing; where it reads more than
// its own line it says which line it read last.  read_header finds the formula, walks the
// header lines once, hands each line to the readers of the fields still missing, and then reads
// what only the whole header decides: a sponsor type on a line of its own, the title, the kind
// and the first body line.
#include "readers/text/header.hpp"

#include "readers/text/common.hpp"

namespace unres::readers::stages {

namespace {

/// The header lines: the content and furniture lines before the enacting formula (page 1's
/// furniture holds the symbol), as indices into the classified lines.
struct HeaderLines {
    const std::vector<Line>& lines;
    std::vector<std::size_t> at;
    std::size_t size() const { return at.size(); }
    const Line& operator[](std::size_t h) const { return lines[at[h]]; }
};

HeaderLines header_lines(const std::vector<Line>& lines, std::size_t end) {
    HeaderLines hl{lines, {}};
    for (std::size_t k = 0; k < end; ++k) {
        LineKind kk = lines[k].kind;
        if (kk == LineKind::Content || kk == LineKind::Furniture) hl.at.push_back(k);
    }
    return hl;
}

std::string capitalize(std::string s) {
    std::string out = lower(s);
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

/// Appends a whole line to a field that may wrap over lines (the first line starts it).
void append_line(Field& f, const Line& l) {
    if (!f.present()) {
        f = field(l, 0, l.text.size());
        return;
    }
    (f.value += ' ') += l.text;
    f.span.end = line_span(l, 0, l.text.size()).end;
}

/// Header lines [first, last] joined by spaces, the last one cut to its first `last_len` characters.
Field join_lines(const HeaderLines& hl, std::size_t first, std::size_t last, std::size_t last_len) {
    Field f;
    for (std::size_t q = first; q <= last; ++q) {
        const Line& ql = hl[q];
        std::string_view qt = ql.text;
        if (q == last) qt = qt.substr(0, last_len);
        if (!f.value.empty()) f.value += ' ';
        f.value += qt;
        if (q == first) f.span.begin = line_span(ql, 0, 0).begin;
        f.span.end = line_span(ql, 0, qt.size()).end;
    }
    return f;
}

// ---------------------------------------------------------------------------
// The enacting formula

/// "The General Assembly," → "General Assembly" (name_end: where the name ends in t).
std::optional<std::string> organ_of_formula(std::string_view t, std::size_t& name_end) {
    if (!starts_with(t, "The ")) return std::nullopt;
    std::size_t e = t.find(',');
    std::string_view name = t.substr(4, e == std::string_view::npos ? std::string_view::npos : e - 4);
    while (!name.empty() && (name.back() == ' ' || name.back() == ':')) name.remove_suffix(1);
    if (name.size() > 80) return std::nullopt;
    // every word capitalised or a connector
    std::size_t i = 0;
    int words = 0;
    while (i < name.size()) {
        std::size_t j = name.find(' ', i);
        if (j == std::string_view::npos) j = name.size();
        std::string_view w = name.substr(i, j - i);
        ++words;
        if (!(is_upper_start(w) || w == "and" || w == "of" || w == "on" || w == "the" || w == "for"))
            return std::nullopt;
        i = j + 1;
    }
    if (words > 10) return std::nullopt;
    if (!(words::is_organ_name(name) || ends_with(name, "Assembly") || ends_with(name, "Council") ||
          ends_with(name, "Conference") || ends_with(name, "Commission") || ends_with(name, "Committee") ||
          ends_with(name, "Board") || ends_with(name, "Forum")))
        return std::nullopt;
    name_end = 4 + name.size();
    return std::string(name);
}

/// The index of the enacting formula's line, or SIZE_MAX.
std::size_t find_authority(const std::vector<Line>& lines) {
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const Line& l = lines[k];
        if (l.kind != LineKind::Content) continue;
        std::size_t ne = 0;
        if (organ_of_formula(l.text, ne)) {
            std::string_view rest = std::string_view(l.text).substr(ne);
            // "The General Assembly," or "The General Assembly" or "The General Assembly, recalling ..."
            if (rest.empty() || rest == "," || rest == ":" || (rest[0] == ',' && is_lower_start(rest.substr(rest.find_first_not_of(", ") == std::string_view::npos ? 0 : rest.find_first_not_of(", ")))))
                return k;
        }
    }
    return SIZE_MAX;
}

// ---------------------------------------------------------------------------
// Field readers on one line

/// The document symbol: the first word of the line that is one ("A/C.2/80/L.48").
std::optional<Field> read_symbol(const Line& l) {
    std::string_view t = l.text;
    std::size_t i = 0;
    while (i < t.size()) {
        std::size_t j = t.find(' ', i);
        if (j == std::string_view::npos) j = t.size();
        if (is_symbol(t.substr(i, j - i))) return field(l, i, j);
        i = j + 1;
    }
    return std::nullopt;
}

/// The organ named in the masthead ("General Assembly"), not in "adopted by ...".
std::optional<Field> read_organ(const Line& l) {
    std::string_view t = l.text;
    if (contains(t, "adopted by")) return std::nullopt;
    for (std::string_view body : {"General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council"}) {
        std::size_t p = t.find(body);
        if (p != std::string_view::npos) return field(l, p, p + body.size());
    }
    return std::nullopt;
}

/// The date of the document: the first date of a line that does not say "adopted", in ISO form.
std::optional<Field> read_date(const Line& l) {
    std::string_view t = l.text;
    if (contains(t, "adopted")) return std::nullopt;
    std::size_t len = 0;
    std::size_t p = find_date(t, len);
    if (p == std::string_view::npos) return std::nullopt;
    Field f = field(l, p, p + len);
    f.value = parse_date(f.value);
    return f;
}

/// The session: "Eightieth session", "Tenth emergency special session" (up to four words before).
std::optional<Field> read_session(const Line& l) {
    std::string_view t = l.text;
    std::size_t p = t.find(" session");
    if (p == std::string_view::npos && ends_with(lower(t), "session")) p = t.size() - 8;
    if (p == std::string_view::npos || p + 8 > t.size() || !(p + 8 == t.size() || t[p + 8] == ' ' || t[p + 8] == ','))
        return std::nullopt;
    // walk back over up to four words
    std::size_t b = p;  // the start of the words taken (p: the space before "session")
    int words = 0;
    while (b > 0 && words < 4) {
        std::size_t end = words == 0 ? b : b - 1;  // the end of the word before: skip its space
        if (end == 0) break;
        std::size_t s = t.rfind(' ', end - 1);
        std::size_t ws = s == std::string_view::npos ? 0 : s + 1;
        std::string lw = lower(t.substr(ws, end - ws));
        bool ordinal = ends_with(lw, "th") || ends_with(lw, "st") || ends_with(lw, "nd") || ends_with(lw, "rd") ||
                       lw == "emergency" || lw == "special" || lw == "resumed" || lw == "substantive" ||
                       lw == "organizational" || lw == "regular";
        if (!ordinal) break;
        b = ws;
        ++words;
        if (ws == 0) break;
    }
    if (words == 0) return std::nullopt;
    return field(l, b, p + 8);
}

/// The first Main Committee named in the masthead ("Second Committee"), not in "report of" or "Chair of".
std::optional<Field> read_committee(const Line& l) {
    std::string_view t = l.text;
    if (contains(t, "report of") || contains(t, "Chair of")) return std::nullopt;
    for (std::string_view c : unres::words::kMainCommittees) {
        std::size_t p = t.find(c);
        if (p != std::string_view::npos) return field(l, p, p + c.size());
    }
    return std::nullopt;
}

/// "Agenda item 21 (a) Groups of countries ...": the items and what follows them on the line.
struct Agenda {
    std::vector<Field> items;
    Field title;  ///< empty when the title is not on the line
};

std::optional<Agenda> read_agenda(const Line& l) {
    std::string_view t = l.text;
    for (std::string_view key : {"Agenda items ", "Agenda item ", "AGENDA ITEM ", "Agenda item"}) {
        std::size_t p = t.find(key);
        if (p == std::string_view::npos) continue;
        Agenda a;
        std::size_t v = p + key.size();
        // items: 71 (b), 12 and 118, 21 (a)
        while (v < t.size()) {
            while (v < t.size() && t[v] == ' ') ++v;
            std::size_t e = v;
            while (e < t.size() && is_digit(t[e])) ++e;
            if (e == v) break;
            std::size_t ie = e;
            if (ie + 3 < t.size() + 1 && t.substr(ie, 2) == " (") {
                std::size_t c = t.find(')', ie);
                if (c != std::string_view::npos && c - ie <= 5) ie = c + 1;
            }
            a.items.push_back(field(l, v, ie));
            v = ie;
            if (t.substr(v, 2) == ", ") v += 2;
            else if (t.substr(v, 5) == " and ") v += 5;
            else break;
        }
        while (v < t.size() && t[v] == ' ') ++v;
        if (v < t.size()) a.title = field(l, v, t.size());
        return a;
    }
    return std::nullopt;
}

/// "78/217. Title", "78/217." alone, ECOSOC "2018/27. Title": an adopted text's number.
struct Number {
    Field number;
    Field title;            ///< the title on the same line (empty when it follows)
    std::size_t title_from; ///< the header line the title starts on
};

std::optional<Number> read_number(const Line& l, std::size_t h) {
    std::string_view t = l.text;
    std::size_t e = 0;
    while (e < t.size() && (is_digit(t[e]) || t[e] == '/')) ++e;
    if (!(e >= 3 && contains(t.substr(0, e), "/") && e < t.size() &&
          (t[e] == '.' || (t[e] == ' ' && e + 2 < t.size() && std::isupper(static_cast<unsigned char>(t[e + 1])) && t[e + 2] == '.'))))
        return std::nullopt;
    std::size_t ne = t[e] == '.' ? e : e + 2;
    Number n{field(l, 0, ne), {}, 0};
    std::size_t v = ne + 1;
    while (v < t.size() && t[v] == ' ') ++v;
    n.title_from = h + (v < t.size() ? 0 : 1);
    if (v < t.size()) n.title = field(l, v, t.size());
    return n;
}

// ---------------------------------------------------------------------------
// Field readers that may read the lines after their own

/// "Distr.: Limited", or "Distr.:" with the value opening the next line.
std::optional<Field> read_distribution(const HeaderLines& hl, std::size_t h) {
    std::string_view t = hl[h].text;
    std::size_t p = t.find("Distr.");
    if (p == std::string_view::npos) return std::nullopt;
    std::size_t v = p + 6;
    while (v < t.size() && (t[v] == ':' || t[v] == ' ')) ++v;
    std::size_t e = v;
    while (e < t.size() && std::isalpha(static_cast<unsigned char>(t[e]))) ++e;
    Field f;
    if (e > v) {
        f = field(hl[h], v, e);
    } else if (h + 1 < hl.size()) {
        const Line& n = hl[h + 1];
        std::string_view w = first_word(n.text);
        if (!(w == "LIMITED" || w == "GENERAL" || w == "Limited" || w == "General" || w == "RESTRICTED")) return std::nullopt;
        f = field(n, 0, w.size());
    } else {
        return std::nullopt;
    }
    f.value = capitalize(f.value);
    return f;
}

/// "Original: English" (up to a following field on the same line), or the language on the next line.
std::optional<Field> read_original_language(const HeaderLines& hl, std::size_t h) {
    const Line& l = hl[h];
    std::string_view t = l.text;
    for (std::string_view key : {"Original:", "ORIGINAL:"}) {
        std::size_t p = t.find(key);
        if (p == std::string_view::npos) continue;
        std::size_t v = p + key.size();
        while (v < t.size() && t[v] == ' ') ++v;
        if (v < t.size()) {
            std::size_t e = t.size();
            // stop at a following field on the same line
            for (std::string_view stop : {" Distr.", " Agenda", " Seventy", " Eighti"}) {
                std::size_t s = t.find(stop, v);
                if (s != std::string_view::npos) e = std::min(e, s);
            }
            return field(l, v, e);
        }
        if (h + 1 < hl.size()) {
            const Line& n = hl[h + 1];
            Field f = field(n, 0, first_word(n.text).size());
            f.value = capitalize(f.value);
            return f;
        }
    }
    return std::nullopt;
}

/// "Resolution adopted by the General Assembly on 1 December 2025": the type of an adopted text and
/// its adoption date (on the line or the next one).
struct Adopted {
    DocKind kind;
    Field type;
    std::optional<Field> date;
};

std::optional<Adopted> read_adopted(const HeaderLines& hl, std::size_t h) {
    const Line& l = hl[h];
    std::string_view t = l.text;
    if (!(starts_with(t, "Resolution adopted by") || starts_with(t, "Decision adopted by"))) return std::nullopt;
    const bool decision = starts_with(t, "Decision");
    Adopted a{decision ? DocKind::Decision : DocKind::Resolution, field(l, 0, decision ? 8 : 10), std::nullopt};
    a.type.value = lower(a.type.value);
    const Line* dl = &l;
    std::size_t len = 0;
    std::size_t p = find_date(t, len);
    if (p == std::string_view::npos && h + 1 < hl.size()) {
        dl = &hl[h + 1];
        p = find_date(dl->text, len);
    }
    if (p != std::string_view::npos) {
        a.date = field(*dl, p, p + len);
        a.date->value = parse_date(a.date->value);
    }
    return a;
}

/// "[on the report of the Second Committee (A/80/...)]", possibly wrapped, and the committee in it.
struct Origin {
    Field text;
    std::optional<Field> committee;
    std::size_t last;  ///< the last header line of the bracket
};

std::optional<Origin> read_origin(const HeaderLines& hl, std::size_t h) {
    const Line& l = hl[h];
    std::string_view t = l.text;
    if (!starts_with(t, "[")) return std::nullopt;
    Origin o{field(l, 0, t.size()), std::nullopt, h};
    while (!contains(o.text.value, "]") && o.last + 1 < hl.size()) {
        ++o.last;
        const Line& n = hl[o.last];
        (o.text.value += ' ') += n.text;
        o.text.span.end = line_span(n, 0, n.text.size()).end;
    }
    for (std::string_view c : unres::words::kMainCommittees) {
        if (!contains(o.text.value, c)) continue;
        std::size_t p = t.find(c);
        o.committee = p != std::string_view::npos ? field(l, p, p + c.size()) : Field{std::string(c), o.text.span};
        break;
    }
    return o;
}

// ---------------------------------------------------------------------------
// Sponsors

/// "A, B, C and D" → A, B, C, D (keeping "Trinidad and Tobago" whole).
std::vector<Field> split_sponsors(std::string_view text, Span span) {
    std::string t(text);
    t.erase(std::remove(t.begin(), t.end(), '*'), t.end());
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i <= t.size()) {
        std::size_t j = t.find(", ", i);
        if (j == std::string::npos) j = t.size();
        std::string p = t.substr(i, j - i);
        while (!p.empty() && p.back() == ' ') p.pop_back();
        while (!p.empty() && p.front() == ' ') p.erase(0, 1);
        if (!p.empty()) parts.push_back(p);
        i = j + 2;
    }
    if (!parts.empty()) {
        std::string last = parts.back();
        if (!words::is_and_state(last)) {
            // split at the last " and " that leaves a known-state or plain names on both sides
            std::size_t a = last.rfind(" and ");
            while (a != std::string::npos) {
                std::string right = last.substr(a + 5);
                std::string left = last.substr(0, a);
                if (!words::is_and_state(right) && words::is_and_state(last.substr(0, last.size()))) break;
                // if the right part is the tail of an "and" state (e.g. "Tobago"), look further left
                bool right_is_tail = false;
                for (std::size_t b = left.rfind(' '); ; b = left.rfind(' ', b - 1)) {
                    std::string cand = (b == std::string::npos ? left : left.substr(b + 1)) + " and " + right;
                    if (words::is_and_state(cand)) right_is_tail = true;
                    if (b == std::string::npos || b == 0) break;
                }
                if (!right_is_tail) {
                    parts.back() = left;
                    parts.push_back(right);
                    break;
                }
                if (a == 0) break;
                a = last.rfind(" and ", a - 1);
            }
        }
    }
    std::vector<Field> out;
    for (auto& p : parts) {
        if (starts_with(p, "and ")) p.erase(0, 4);
        out.push_back(Field{p, span});
    }
    return out;
}

/// The sponsor block: who submits the text and its document type.
struct SponsorBlock {
    Field sponsors;     ///< the sponsor text (empty for a bare "Draft resolution" naming nobody)
    bool list = false;  ///< the sponsor text is a list of States (split into Metadata::sponsors)
    Field type;         ///< "draft resolution", "revised draft resolution", "draft decision", "amendment"
    std::size_t first;  ///< the first and last header lines of the block
    std::size_t last;
};

bool is_bare_type(std::string_view lt) {
    return lt == "draft resolution" || lt == "revised draft resolution" || lt == "draft decision";
}

/// The first header line a sponsor list may reach back to: the one after the agenda item (or line 1).
std::size_t sponsor_floor(std::size_t agenda_at) { return agenda_at == SIZE_MAX ? 0 : agenda_at; }

/// "Bangladesh, Trinidad and Tobago and Zambia: draft resolution", the list possibly wrapped over
/// the lines before (each ending in "," or " and", or holding a list of names).
SponsorBlock read_sponsor_list(const HeaderLines& hl, std::size_t h, std::size_t colon, std::size_t agenda_at) {
    std::size_t s = h;
    while (s > 0 && s - 1 > sponsor_floor(agenda_at)) {
        const Line& p = hl[s - 1];
        if (p.kind != LineKind::Content) break;
        std::string_view pt = p.text;
        std::size_t commas = static_cast<std::size_t>(std::count(pt.begin(), pt.end(), ','));
        bool joins = ends_with(pt, ",") || ends_with(pt, " and") || ends_with(pt, " of") || ends_with(pt, " the") ||
                     (commas >= 2 && !contains(pt, ":"));
        if (!joins) break;
        --s;
    }
    SponsorBlock b{join_lines(hl, s, h, colon), true, {}, s, h};
    // the type after the colon
    std::string_view t = hl[h].text;
    std::size_t tb = colon + 1;
    while (tb < t.size() && (t[tb] == '*' || t[tb] == ' ')) ++tb;
    b.type = field(hl[h], tb, t.size());
    b.type.value = lower(b.type.value);
    return b;
}

/// "Draft resolution submitted by the Chair ...", "Amendment", a bare "Draft resolution": the type
/// first, possibly wrapped over the lines after.
SponsorBlock read_typed_line(const HeaderLines& hl, std::size_t h) {
    const Line& l = hl[h];
    SponsorBlock b{{}, false, {}, h, h};
    Field f = field(l, 0, l.text.size());
    while (b.last + 1 < hl.size()) {
        const Line& n = hl[b.last + 1];
        if (n.kind != LineKind::Content || n.blank_before) break;
        if (!(is_lower_start(n.text) || starts_with(n.text, "(") || ends_with(f.value, ",") || ends_with(f.value, " following")))
            break;
        ++b.last;
        (f.value += ' ') += n.text;
        f.span.end = line_span(n, 0, n.text.size()).end;
    }
    std::string lv = lower(f.value);
    // "Draft resolution submitted by the Chair ..." names its author; a bare
    // "Draft resolution" names nobody
    if (contains(lv, "submitted by") || contains(lv, " by the ")) b.sponsors = f;
    std::string_view type = starts_with(lv, "revised draft resolution") ? "revised draft resolution"
                           : starts_with(lv, "draft resolution")       ? "draft resolution"
                           : starts_with(lv, "draft decision")         ? "draft decision"
                                                                       : "amendment";
    b.type.value = std::string(type);
    b.type.span = line_span(l, 0, type.size());
    return b;
}

/// The sponsor block opening at header line h: a sponsor list ending in ": draft resolution", or a
/// line opening with the type.  A bare type after a line ending in ":" is the wrapped type of a
/// sponsor list (read_wrapped_sponsor_list), not a block of its own.
std::optional<SponsorBlock> read_sponsor_block(const HeaderLines& hl, std::size_t h, std::size_t agenda_at) {
    std::string lt = lower(hl[h].text);
    for (std::string_view kw : {": revised draft resolution", ": draft resolution", ": draft decision", ": revised draft decision",
                                ": amendment", ":* draft resolution", ":* revised draft resolution", ":* amendment", ":* draft decision"}) {
        std::size_t p = lt.find(kw);
        if (p != std::string::npos) return read_sponsor_list(hl, h, p, agenda_at);
    }
    bool typed = starts_with(lt, "draft resolution") || starts_with(lt, "draft decision") || starts_with(lt, "revised draft resolution") ||
                 starts_with(lt, "amendment");
    if (typed && h > 0 && is_bare_type(lt)) {
        std::string_view pt = hl[h - 1].text;
        if (ends_with(pt, ":") || ends_with(pt, ":*")) typed = false;
    }
    if (!typed) return std::nullopt;
    return read_typed_line(hl, h);
}

/// "Kazakhstan, ... and Uzbekistan:*" (an asterisk note glued to the colon) or "Romania:" with
/// "draft resolution" alone on the next line: the first such pair in the header.
std::optional<SponsorBlock> read_wrapped_sponsor_list(const HeaderLines& hl, std::size_t agenda_at) {
    for (std::size_t h = 1; h < hl.size(); ++h) {
        const Line& l = hl[h];
        std::string lt = lower(l.text);
        std::string_view pt = hl[h - 1].text;
        const std::size_t colon_cut = ends_with(pt, ":*") ? 2 : ends_with(pt, ":") ? 1 : 0;
        if (!is_bare_type(lt) || colon_cut == 0) continue;
        std::size_t s = h - 1;
        while (s > 0 && s - 1 > sponsor_floor(agenda_at) && hl[s - 1].kind == LineKind::Content && ends_with(hl[s - 1].text, ","))
            --s;
        SponsorBlock b{join_lines(hl, s, h - 1, pt.size() - colon_cut), true, field(l, 0, l.text.size()), s, h};
        b.type.value = lt;
        return b;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------
// Fields the whole header decides

/// An adopted text's agenda title: the lines after the agenda item up to "Resolution adopted",
/// the origin bracket or a blank line.
Field read_adopted_agenda_title(const HeaderLines& hl, std::size_t agenda_at) {
    Field f;
    for (std::size_t q = agenda_at + 1; q < hl.size(); ++q) {
        const Line& ql = hl[q];
        if (ql.kind != LineKind::Content) continue;
        if (starts_with(ql.text, "Resolution adopted") || starts_with(ql.text, "Decision adopted") || starts_with(ql.text, "[")) break;
        if (f.present() && ql.blank_before) break;
        append_line(f, ql);
    }
    return f;
}

/// The title: the content lines from header line `from` on, each one after what the title holds.
Field read_title(const HeaderLines& hl, std::size_t from, Field title) {
    for (std::size_t q = from; q < hl.size(); ++q) {
        const Line& ql = hl[q];
        if (ql.kind != LineKind::Content) continue;
        if (!title.present() || title.span.end <= line_span(ql, 0, 0).begin) append_line(title, ql);
    }
    return title;
}

/// The document kind from the document type, or from the symbol when there is no type.
DocKind kind_of(const Metadata& m, DocKind kind) {
    std::string dt = lower(m.document_type.value);
    if (contains(dt, "amendment")) return DocKind::Amendment;
    if (contains(dt, "draft decision")) return DocKind::DraftDecision;
    if (contains(dt, "draft")) return DocKind::DraftResolution;
    if (!m.document_type.present()) {
        if (contains(m.symbol.value, "/RES/")) return DocKind::Resolution;
        if (contains(m.symbol.value, "/DEC/")) return DocKind::Decision;
    }
    return kind;
}

/// The organ a symbol belongs to ("S/..." the Security Council), when the masthead names none.
std::string organ_of_symbol(const std::string& symbol) {
    char c = symbol[0];
    if (c == 'S') return "Security Council";
    if (c == 'E') return "Economic and Social Council";
    if (starts_with(symbol, "A/HRC")) return "Human Rights Council";
    if (c == 'A') return "General Assembly";
    return {};
}

/// Without an enacting formula: the body starts after the title (amendments), or, when the header
/// has neither sponsors nor a number, at the first numbered or preambular-looking line.
std::size_t body_without_formula(const HeaderLines& hl, std::size_t title_from, const Field& title, bool bare) {
    const std::vector<Line>& lines = hl.lines;
    std::size_t start = 0;
    if (hl.size() > 0) {
        std::size_t q = std::min(title_from, hl.size());
        // skip the title lines
        while (q < hl.size() && hl[q].kind != LineKind::Content) ++q;
        if (title.present()) {
            while (q < hl.size() && line_span(hl[q], 0, 0).begin < title.span.end) ++q;
        }
        start = q < hl.size() ? hl.at[q] : lines.size();
    }
    if (!bare) return start;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const Line& l = lines[k];
        if (l.kind != LineKind::Content) continue;
        if (parse_label(l.text).kind == LabelKind::Number || is_preamble_lead(l.text)) return k;
    }
    return start;
}

// ---------------------------------------------------------------------------
// The composition

/// What read_header tracks while it walks the header lines.
struct Walk {
    Header out;
    bool sponsor_found = false;
    bool number_found = false;
    std::size_t agenda_at = SIZE_MAX;  ///< the header line of the agenda item
    std::size_t title_from = 0;        ///< the header line after the last one a field took
};

/// The agenda title continued by the lines between the agenda item and the sponsor list.
void continue_agenda_title(Metadata& m, const HeaderLines& hl, std::size_t agenda_at, std::size_t first, bool content_only) {
    for (std::size_t q = agenda_at + 1; q < first; ++q) {
        if (content_only && hl[q].kind != LineKind::Content) continue;
        append_line(m.agenda_title, hl[q]);
    }
}

void take_sponsors(Walk& w, const SponsorBlock& b) {
    Metadata& m = w.out.meta;
    if (b.list || b.sponsors.present()) m.sponsor_text = b.sponsors;
    if (b.list) {
        auto split = split_sponsors(b.sponsors.value, b.sponsors.span);
        m.sponsors.insert(m.sponsors.end(), split.begin(), split.end());
    }
    m.document_type = b.type;
    w.sponsor_found = true;
    w.title_from = std::max(w.title_from, b.last + 1);
}

/// The fields read from one line alone, each the first time it is found.
void read_line_fields(Metadata& m, const HeaderLines& hl, std::size_t h) {
    const Line& l = hl[h];
    if (!m.body.present()) if (auto f = read_organ(l)) m.body = *f;
    if (!m.distribution.present()) if (auto f = read_distribution(hl, h)) m.distribution = *f;
    if (!m.original_language.present()) if (auto f = read_original_language(hl, h)) m.original_language = *f;
    if (!m.date.present()) if (auto f = read_date(l)) m.date = *f;
    if (!m.session.present()) if (auto f = read_session(l)) m.session = *f;
    if (!m.committee.present()) if (auto f = read_committee(l)) m.committee = *f;
}

/// Header line h: its fields; returns the last header line read (h, or later for a wrapped sponsor line).
std::size_t read_header_line(Walk& w, const HeaderLines& hl, std::size_t h) {
    Metadata& m = w.out.meta;
    const Line& l = hl[h];
    if (!m.symbol.present()) if (auto f = read_symbol(l)) m.symbol = *f;
    if (l.kind != LineKind::Content) return h;
    read_line_fields(m, hl, h);
    if (w.agenda_at == SIZE_MAX) if (auto a = read_agenda(l)) {
        w.agenda_at = h;
        m.agenda_items = std::move(a->items);
        if (a->title.present()) m.agenda_title = a->title;
    }
    if (auto a = read_adopted(hl, h)) {
        w.out.kind = a->kind;
        m.document_type = a->type;
        if (a->date) m.adoption_date = *a->date;
        w.title_from = std::max(w.title_from, h + 1);
    }
    if (!m.origin.present()) if (auto o = read_origin(hl, h)) {
        m.origin = o->text;
        if (o->committee && !m.committee.present()) m.committee = *o->committee;
        w.title_from = std::max(w.title_from, o->last + 1);
    }
    if (auto n = read_number(l, h); n && !w.number_found && (w.out.kind == DocKind::Resolution || w.out.kind == DocKind::Decision)) {
        m.number = n->number;
        w.number_found = true;
        w.title_from = n->title_from;
        if (n->title.present()) m.title = n->title;
    }
    if (w.sponsor_found || w.number_found) return h;
    auto b = read_sponsor_block(hl, h, w.agenda_at);
    if (!b) return h;
    if (b->list && w.agenda_at != SIZE_MAX && b->first > w.agenda_at + 1) continue_agenda_title(m, hl, w.agenda_at, b->first, true);
    take_sponsors(w, *b);
    return b->last;
}

}  // namespace

Header read_header(const std::vector<Line>& lines) {
    const std::size_t auth = find_authority(lines);
    const HeaderLines hl = header_lines(lines, auth == SIZE_MAX ? lines.size() : auth);
    Walk w;
    Metadata& m = w.out.meta;
    for (std::size_t h = 0; h < hl.size(); ++h) h = read_header_line(w, hl, h);
    // the sponsors' type may sit alone on the next line ("Romania:\ndraft resolution")
    if (!w.sponsor_found) if (auto b = read_wrapped_sponsor_list(hl, w.agenda_at)) {
        if (w.agenda_at != SIZE_MAX && !m.agenda_title.present()) continue_agenda_title(m, hl, w.agenda_at, b->first, false);
        take_sponsors(w, *b);
    }
    if (w.agenda_at != SIZE_MAX && !m.agenda_title.present() && !w.sponsor_found)
        m.agenda_title = read_adopted_agenda_title(hl, w.agenda_at);
    // the title: the content lines after the sponsor / number line up to the formula
    if ((!m.title.present() || (w.number_found && w.title_from < hl.size())) &&
        !(w.out.kind == DocKind::DraftResolution && !w.sponsor_found))
        m.title = read_title(hl, w.title_from, m.title);
    w.out.kind = kind_of(m, w.out.kind);
    if (contains(lower(m.document_type.value), "amendment")) m.document_type.value = "amendment";
    if (w.out.kind == DocKind::Resolution && !m.document_type.present()) m.document_type.value = "resolution";
    if (m.symbol.present() && !m.body.present()) m.body.value = organ_of_symbol(m.symbol.value);
    if (auth == SIZE_MAX) {
        w.out.body = body_without_formula(hl, w.title_from, m.title, !w.sponsor_found && !w.number_found);
    } else {
        const Line& al = lines[auth];
        w.out.authority = field(al, 0, al.text.size());
        w.out.body = auth + 1;
    }
    return std::move(w.out);
}

}  // namespace unres::readers::stages
