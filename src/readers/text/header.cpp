// Stage 3, the header.
//
// Job: read the header fields before the enacting formula ("The General Assembly,"): symbol,
// distribution, date, session, agenda item, origin and committee, sponsors, title, document
// kind.  Input: the classified lines.  Output: Document::meta and the index of the first body
// line.  Guarantees: each field keeps the span it was read from; nothing after the formula is
// read as header.
#include "readers/text/reader.hpp"

namespace unres::readers::stages {

// ---- header ----
std::optional<std::string> TextReader::organ_of_formula(std::string_view t, std::size_t& name_end) {
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

std::size_t TextReader::find_authority() const {
    for (std::size_t k = 0; k < lines_.size(); ++k) {
        const Line& l = lines_[k];
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

std::string TextReader::capitalize(std::string s) {
    std::string out = lower(s);
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

void TextReader::split_sponsors(std::string_view text, Span span) {
    // "A, B, C and D" → A, B, C, D (keeping "Trinidad and Tobago" whole)
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
    for (auto& p : parts) {
        if (starts_with(p, "and ")) p.erase(0, 4);
        Field f;
        f.value = p;
        f.span = span;
        doc_.meta.sponsors.push_back(f);
    }
}

/// Reads the header from the lines before the authority; returns the first body line.
std::size_t TextReader::read_header() {
    std::size_t auth = find_authority();
    Metadata& m = doc_.meta;
    std::size_t header_end = auth == SIZE_MAX ? lines_.size() : auth;
    // Header lines: content and furniture lines before the authority (page 1 furniture
    // holds the symbol).  Track the last header line we consumed.
    std::vector<std::size_t> hl;
    for (std::size_t k = 0; k < header_end; ++k) {
        LineKind kk = lines_[k].kind;
        if (kk == LineKind::Content || kk == LineKind::Furniture) hl.push_back(k);
    }
    bool sponsor_found = false, number_found = false;
    std::size_t agenda_at = SIZE_MAX;
    std::size_t title_from = 0;
    for (std::size_t h = 0; h < hl.size(); ++h) {
        const Line& l = lines_[hl[h]];
        std::string_view t = l.text;
        // symbol
        if (!m.symbol.present()) {
            std::size_t i = 0;
            while (i < t.size()) {
                std::size_t j = t.find(' ', i);
                if (j == std::string_view::npos) j = t.size();
                if (is_symbol(t.substr(i, j - i))) {
                    m.symbol = field(l, i, j);
                    break;
                }
                i = j + 1;
            }
        }
        if (l.kind != LineKind::Content) continue;
        for (std::string_view body : {"General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council"}) {
            std::size_t p = t.find(body);
            if (p != std::string_view::npos && !m.body.present() && !contains(t, "adopted by")) m.body = field(l, p, p + body.size());
        }
        if (std::size_t p = t.find("Distr."); p != std::string_view::npos && !m.distribution.present()) {
            std::size_t v = p + 6;
            while (v < t.size() && (t[v] == ':' || t[v] == ' ')) ++v;
            std::size_t e = v;
            while (e < t.size() && std::isalpha(static_cast<unsigned char>(t[e]))) ++e;
            if (e > v) {
                m.distribution = field(l, v, e);
                m.distribution.value = capitalize(m.distribution.value);
            } else if (h + 1 < hl.size()) {
                const Line& n = lines_[hl[h + 1]];
                std::string_view w = first_word(n.text);
                if (w == "LIMITED" || w == "GENERAL" || w == "Limited" || w == "General" || w == "RESTRICTED") {
                    m.distribution = field(n, 0, w.size());
                    m.distribution.value = capitalize(m.distribution.value);
                }
            }
        }
        for (std::string_view key : {"Original:", "ORIGINAL:"}) {
            std::size_t p = t.find(key);
            if (p == std::string_view::npos || m.original_language.present()) continue;
            std::size_t v = p + key.size();
            while (v < t.size() && t[v] == ' ') ++v;
            if (v < t.size()) {
                std::size_t e = t.size();
                // stop at a following field on the same line
                for (std::string_view stop : {" Distr.", " Agenda", " Seventy", " Eighti"}) {
                    std::size_t s = t.find(stop, v);
                    if (s != std::string_view::npos) e = std::min(e, s);
                }
                m.original_language = field(l, v, e);
            } else if (h + 1 < hl.size()) {
                const Line& n = lines_[hl[h + 1]];
                m.original_language = field(n, 0, first_word(n.text).size());
                m.original_language.value = capitalize(m.original_language.value);
            }
        }
        if (!m.date.present() && !contains(t, "adopted")) {
            std::size_t len = 0;
            std::size_t p = find_date(t, len);
            if (p != std::string_view::npos) {
                m.date = field(l, p, p + len);
                m.date.value = parse_date(m.date.value);
            }
        }
        if (!m.session.present()) {
            std::size_t p = t.find(" session");
            if (p == std::string_view::npos && ends_with(lower(t), "session")) p = t.size() - 8;
            if (p != std::string_view::npos && p + 8 <= t.size() && (p + 8 == t.size() || t[p + 8] == ' ' || t[p + 8] == ',')) {
                // walk back over up to four words
                std::size_t b = p;
                int words = 0;
                while (b > 0 && words < 4) {
                    std::size_t s = t.rfind(' ', b - 1);
                    std::size_t ws = s == std::string_view::npos ? 0 : s + 1;
                    std::string_view w = t.substr(ws, b - ws);
                    std::string lw = lower(w);
                    bool ordinal = ends_with(lw, "th") || ends_with(lw, "st") || ends_with(lw, "nd") || ends_with(lw, "rd") ||
                                   lw == "emergency" || lw == "special" || lw == "resumed" || lw == "substantive" ||
                                   lw == "organizational" || lw == "regular";
                    if (!ordinal) break;
                    b = ws;
                    ++words;
                    if (ws == 0) break;
                }
                if (words > 0) m.session = field(l, b, p + 8);
            }
        }
        for (std::string_view c : unres::words::kMainCommittees) {
            std::size_t p = t.find(c);
            if (p != std::string_view::npos && !m.committee.present() && !contains(t, "report of") && !contains(t, "Chair of"))
                m.committee = field(l, p, p + c.size());
        }
        for (std::string_view key : {"Agenda items ", "Agenda item ", "AGENDA ITEM ", "Agenda item"}) {
            std::size_t p = t.find(key);
            if (p == std::string_view::npos || agenda_at != SIZE_MAX) continue;
            agenda_at = h;
            std::size_t v = p + key.size();
            // items: 71 (b), 12 and 118, 21 (a)
            while (v < t.size()) {
                while (v < t.size() && t[v] == ' ') ++v;
                std::size_t e = v;
                while (e < t.size() && is_digit(t[e])) ++e;
                if (e == v) break;
                std::size_t ie = e;
                if (ie + 3 < t.size() + 1 && t.substr(ie, 2) == " (" ) {
                    std::size_t c = t.find(')', ie);
                    if (c != std::string_view::npos && c - ie <= 5) ie = c + 1;
                }
                m.agenda_items.push_back(field(l, v, ie));
                v = ie;
                if (t.substr(v, 2) == ", ") v += 2;
                else if (t.substr(v, 5) == " and ") v += 5;
                else break;
            }
            while (v < t.size() && t[v] == ' ') ++v;
            if (v < t.size()) m.agenda_title = field(l, v, t.size());
            break;
        }
        // Adopted texts
        if (starts_with(t, "Resolution adopted by") || starts_with(t, "Decision adopted by")) {
            doc_.kind = starts_with(t, "Decision") ? DocKind::Decision : DocKind::Resolution;
            m.document_type = field(l, 0, starts_with(t, "Decision") ? 8 : 10);
            m.document_type.value = lower(m.document_type.value);
            std::string joined(t);
            const Line* dl = &l;
            std::size_t len = 0;
            std::size_t p = find_date(t, len);
            if (p == std::string_view::npos && h + 1 < hl.size()) {
                dl = &lines_[hl[h + 1]];
                p = find_date(dl->text, len);
            }
            if (p != std::string_view::npos) {
                m.adoption_date = field(*dl, p, p + len);
                m.adoption_date.value = parse_date(m.adoption_date.value);
            }
            title_from = std::max(title_from, h + 1);
        }
        if (starts_with(t, "[") && !m.origin.present()) {
            // "[on the report of ... ]" possibly wrapped
            std::size_t hh = h;
            Field f = field(l, 0, t.size());
            while (!contains(f.value, "]") && hh + 1 < hl.size()) {
                ++hh;
                const Line& n = lines_[hl[hh]];
                f.value += " " + n.text;
                f.span.end = line_span(n, 0, n.text.size()).end;
            }
            m.origin = f;
            for (std::string_view c : unres::words::kMainCommittees) {
                if (contains(f.value, c) && !m.committee.present()) {
                    std::size_t p = t.find(c);
                    m.committee = p != std::string_view::npos ? field(l, p, p + c.size()) : Field{std::string(c), f.span};
                }
            }
            title_from = std::max(title_from, hh + 1);
        }
        // "78/217. Title" or "78/217." alone; ECOSOC "2018/27. Title"
        {
            std::size_t e = 0;
            while (e < t.size() && (is_digit(t[e]) || t[e] == '/')) ++e;
            if (e >= 3 && contains(t.substr(0, e), "/") && e < t.size() && (t[e] == '.' || (t[e] == ' ' && e + 2 < t.size() && std::isupper(static_cast<unsigned char>(t[e + 1])) && t[e + 2] == '.'))) {
                std::size_t ne = t[e] == '.' ? e : e + 2;
                if (!number_found && (doc_.kind == DocKind::Resolution || doc_.kind == DocKind::Decision)) {
                    m.number = field(l, 0, ne);
                    number_found = true;
                    std::size_t v = ne + 1;
                    while (v < t.size() && t[v] == ' ') ++v;
                    title_from = h + (v < t.size() ? 0 : 1);
                    if (v < t.size()) m.title = field(l, v, t.size());
                }
            }
        }
        // Sponsor line: "...: draft resolution", "Draft resolution submitted by ...", "Draft resolution"
        std::string lt = lower(t);
        bool type_here = false;
        std::size_t colon = std::string::npos;
        for (std::string_view kw : {": revised draft resolution", ": draft resolution", ": draft decision", ": revised draft decision",
                                    ": amendment", ":* draft resolution", ":* revised draft resolution", ":* amendment", ":* draft decision"}) {
            std::size_t p = lt.find(kw);
            if (p != std::string::npos) {
                type_here = true;
                colon = p;
                break;
            }
        }
        bool chair = starts_with(lt, "draft resolution") || starts_with(lt, "draft decision") || starts_with(lt, "revised draft resolution") ||
                     starts_with(lt, "amendment");
        if (!sponsor_found && (type_here || chair) && !number_found) {
            sponsor_found = true;
            if (type_here) {
                // gather preceding lines of the sponsor list
                std::size_t s = h;
                while (s > 0 && s - 1 > (agenda_at == SIZE_MAX ? 0 : agenda_at) ) {
                    const Line& p = lines_[hl[s - 1]];
                    if (p.kind != LineKind::Content) break;
                    std::string_view pt = p.text;
                    std::size_t commas = static_cast<std::size_t>(std::count(pt.begin(), pt.end(), ','));
                    bool joins = ends_with(pt, ",") || ends_with(pt, " and") || ends_with(pt, " of") || ends_with(pt, " the") ||
                                 (commas >= 2 && !contains(pt, ":"));
                    if (!joins) break;
                    --s;
                }
                std::string text;
                Span span{};
                for (std::size_t q = s; q <= h; ++q) {
                    const Line& ql = lines_[hl[q]];
                    std::string_view qt = ql.text;
                    if (q == h) qt = qt.substr(0, colon);
                    if (!text.empty()) text += ' ';
                    text += qt;
                    if (q == s) span.begin = line_span(ql, 0, 0).begin;
                    span.end = line_span(ql, 0, qt.size()).end;
                }
                if (agenda_at != SIZE_MAX && s > agenda_at + 1) {
                    // lines between the agenda item and the sponsors continue the agenda title
                    for (std::size_t q = agenda_at + 1; q < s; ++q) {
                        const Line& ql = lines_[hl[q]];
                        if (ql.kind != LineKind::Content) continue;
                        if (!m.agenda_title.present()) m.agenda_title = field(ql, 0, ql.text.size());
                        else {
                            m.agenda_title.value += " " + ql.text;
                            m.agenda_title.span.end = line_span(ql, 0, ql.text.size()).end;
                        }
                    }
                }
                m.sponsor_text.value = text;
                m.sponsor_text.span = span;
                split_sponsors(text, span);
                // the type after the colon
                std::size_t tb = colon + 1;
                while (tb < t.size() && (t[tb] == '*' || t[tb] == ' ')) ++tb;
                m.document_type = field(l, tb, t.size());
                m.document_type.value = lower(m.document_type.value);
                // type may wrap ("draft resolution" on the next line) — handled by the keyword search
            } else {
                // Chair / Vice-Chair / bare "Draft resolution": may wrap over lines
                std::size_t hh = h;
                Field f = field(l, 0, t.size());
                while (hh + 1 < hl.size()) {
                    const Line& n = lines_[hl[hh + 1]];
                    if (n.kind != LineKind::Content || n.blank_before) break;
                    if (!(is_lower_start(n.text) || starts_with(n.text, "(") || ends_with(f.value, ",") || ends_with(f.value, " following")))
                        break;
                    ++hh;
                    f.value += " " + n.text;
                    f.span.end = line_span(n, 0, n.text.size()).end;
                }
                std::string lv = lower(f.value);
                // "Draft resolution submitted by the Chair ..." names its author; a bare
                // "Draft resolution" names nobody
                if (contains(lv, "submitted by") || contains(lv, " by the ")) m.sponsor_text = f;
                std::string_view type = starts_with(lv, "revised draft resolution") ? "revised draft resolution"
                                       : starts_with(lv, "draft resolution")       ? "draft resolution"
                                       : starts_with(lv, "draft decision")         ? "draft decision"
                                                                                   : "amendment";
                m.document_type.value = std::string(type);
                m.document_type.span = line_span(l, 0, type.size());
                h = hh;
            }
            title_from = std::max(title_from, h + 1);
            if (agenda_at != SIZE_MAX && !m.agenda_title.present() && agenda_at + 1 < h) {
                // agenda title lines between the agenda item and the sponsor block
            }
        }
    }
    // sponsor type may also sit alone on the next line ("Romania:\ndraft resolution")
    if (!sponsor_found) {
        for (std::size_t h = 1; h < hl.size(); ++h) {
            const Line& l = lines_[hl[h]];
            std::string lt = lower(l.text);
            if ((lt == "draft resolution" || lt == "revised draft resolution" || lt == "draft decision") && ends_with(lines_[hl[h - 1]].text, ":")) {
                std::size_t s = h - 1;
                while (s > 0 && s - 1 > (agenda_at == SIZE_MAX ? 0 : agenda_at) && lines_[hl[s - 1]].kind == LineKind::Content &&
                       ends_with(lines_[hl[s - 1]].text, ","))
                    --s;
                std::string text;
                Span span{};
                for (std::size_t q = s; q < h; ++q) {
                    const Line& ql = lines_[hl[q]];
                    std::string_view qt = ql.text;
                    if (q + 1 == h) qt.remove_suffix(1);
                    if (!text.empty()) text += ' ';
                    text += qt;
                    if (q == s) span.begin = line_span(ql, 0, 0).begin;
                    span.end = line_span(ql, 0, qt.size()).end;
                }
                m.sponsor_text.value = text;
                m.sponsor_text.span = span;
                split_sponsors(text, span);
                m.document_type = field(l, 0, l.text.size());
                m.document_type.value = lt;
                if (agenda_at != SIZE_MAX && !m.agenda_title.present()) {
                    for (std::size_t q = agenda_at + 1; q < s; ++q) {
                        const Line& ql = lines_[hl[q]];
                        if (!m.agenda_title.present()) m.agenda_title = field(ql, 0, ql.text.size());
                        else m.agenda_title.value += " " + ql.text, m.agenda_title.span.end = line_span(ql, 0, ql.text.size()).end;
                    }
                }
                title_from = std::max(title_from, h + 1);
                sponsor_found = true;
                break;
            }
        }
    }
    if (agenda_at != SIZE_MAX && !m.agenda_title.present() && !sponsor_found) {
        // adopted texts: the agenda title is the line(s) after the agenda item up to "Resolution adopted"
        for (std::size_t q = agenda_at + 1; q < hl.size(); ++q) {
            const Line& ql = lines_[hl[q]];
            if (ql.kind != LineKind::Content) continue;
            if (starts_with(ql.text, "Resolution adopted") || starts_with(ql.text, "Decision adopted") || starts_with(ql.text, "[")) break;
            if (!m.agenda_title.present()) m.agenda_title = field(ql, 0, ql.text.size());
            else if (!ql.blank_before) m.agenda_title.value += " " + ql.text, m.agenda_title.span.end = line_span(ql, 0, ql.text.size()).end;
            else break;
        }
    }
    // Title: the content lines after the sponsor / number line up to the authority.
    if (!m.title.present() || (number_found && title_from < hl.size())) {
        for (std::size_t q = title_from; q < hl.size(); ++q) {
            const Line& ql = lines_[hl[q]];
            if (ql.kind != LineKind::Content) continue;
            if (doc_.kind == DocKind::DraftResolution && !sponsor_found) break;
            if (!m.title.present()) m.title = field(ql, 0, ql.text.size());
            else if (m.title.span.end <= line_span(ql, 0, 0).begin) {
                m.title.value += " " + ql.text;
                m.title.span.end = line_span(ql, 0, ql.text.size()).end;
            }
        }
    }
    // Document type and kind.
    std::string dt = lower(m.document_type.value);
    if (contains(dt, "amendment")) doc_.kind = DocKind::Amendment;
    else if (contains(dt, "draft decision")) doc_.kind = DocKind::DraftDecision;
    else if (contains(dt, "draft")) doc_.kind = DocKind::DraftResolution;
    else if (!m.document_type.present()) {
        std::string sym = m.symbol.value;
        if (contains(sym, "/RES/")) doc_.kind = DocKind::Resolution;
        else if (contains(sym, "/DEC/")) doc_.kind = DocKind::Decision;
    }
    if (contains(dt, "amendment")) {
        m.document_type.value = "amendment";
    }
    if (doc_.kind == DocKind::Resolution && !m.document_type.present()) m.document_type.value = "resolution";
    if (m.symbol.present() && !m.body.present()) {
        char c = m.symbol.value[0];
        if (c == 'S') m.body.value = "Security Council";
        else if (c == 'E') m.body.value = "Economic and Social Council";
        else if (starts_with(m.symbol.value, "A/HRC")) m.body.value = "Human Rights Council";
        else if (c == 'A') m.body.value = "General Assembly";
    }
    if (auth == SIZE_MAX) {
        // No enacting formula: the body starts after the title (amendments) or at the first
        // paragraph-looking line.
        std::size_t start = 0;
        if (!hl.empty()) {
            std::size_t q = std::min(title_from, hl.size());
            // skip the title lines
            while (q < hl.size() && lines_[hl[q]].kind != LineKind::Content) ++q;
            if (m.title.present()) {
                while (q < hl.size() && line_span(lines_[hl[q]], 0, 0).begin < m.title.span.end) ++q;
            }
            start = q < hl.size() ? hl[q] : lines_.size();
        }
        if (!sponsor_found && !number_found) {
            // find the first label or lead line
            for (std::size_t k = 0; k < lines_.size(); ++k) {
                const Line& l = lines_[k];
                if (l.kind != LineKind::Content) continue;
                if (parse_label(l.text).kind == LabelKind::Number || is_preamble_lead(l.text)) {
                    start = k;
                    break;
                }
            }
        }
        return start;
    }
    const Line& al = lines_[auth];
    std::size_t ne = 0;
    organ_of_formula(al.text, ne);
    std::size_t end = al.text.size();
    doc_.authority = field(al, 0, end);
    return auth + 1;
}

}  // namespace unres::readers::stages
