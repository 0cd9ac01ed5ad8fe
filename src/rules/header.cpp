// Header and metadata (UNR501-UNR505).
//
// Symbol grammar (EM-res I, GAAB), as parts separated by "/":
//   organ      A | S | E
//   body*      C.1-C.6 | HRC | CN.n | AC.n | CONF.n | RES | DEC | PRST
//   session?   digits (session or year) | ES-n | S-n
//   number     L.n | digits
//   suffix*    Rev.n | Add.n | Corr.n | Amend.n
// followed, for adopted texts, by an optional part letter ("A/RES/76/246 B") or an
// SC year ("S/RES/2334 (2016)").  Examples: A/C.3/78/L.52/Rev.1, A/80/L.10,
// S/2016/1100, E/2018/L.22, A/RES/78/217, A/HRC/RES/6/15.
#include <cctype>

#include "rules/rules.hpp"

namespace unres::rules {

namespace {

bool digits(std::string_view s, std::size_t min = 1, std::size_t max = 6) {
    if (s.size() < min || s.size() > max) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

/// "L.52" with prefix "L." -> true
bool dotted(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix && digits(s.substr(prefix.size()));
}

bool body_part(std::string_view s) {
    if (s == "HRC" || s == "RES" || s == "DEC" || s == "PRST") return true;
    if (s.size() == 3 && s.substr(0, 2) == "C." && s[2] >= '1' && s[2] <= '6') return true;
    return dotted(s, "CN.") || dotted(s, "AC.") || dotted(s, "CONF.");
}

bool session_part(std::string_view s) { return digits(s, 1, 4) || dotted(s, "ES-") || dotted(s, "S-"); }
bool number_part(std::string_view s) { return dotted(s, "L.") || digits(s); }
bool suffix_part(std::string_view s) {
    return dotted(s, "Rev.") || dotted(s, "Add.") || dotted(s, "Corr.") || dotted(s, "Amend.");
}

/// A hint for a part that is almost right ("L52" -> "L.52", "rev.1" -> "Rev.1").
std::string hint(std::string_view part) {
    for (std::string_view p : {"L", "Rev", "Add", "Corr", "Amend"}) {
        std::string low(part), lp(p);
        for (auto& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (auto& c : lp) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (low.substr(0, lp.size()) != lp) continue;
        std::string rest = std::string(part.substr(p.size()));
        if (!rest.empty() && (rest[0] == '.' || rest[0] == ' ')) rest = rest.substr(1);
        if (digits(rest)) return std::string(p) + "." + rest;
    }
    return {};
}

struct SymbolCheck {
    bool ok = false;
    std::string problem;
    std::vector<std::string> parts;
};

SymbolCheck parse_symbol(std::string_view sym) {
    SymbolCheck r;
    std::string_view s = sym;
    // Trailing " (2016)" (SC resolutions) or " B" (part of a composite resolution).
    if (s.size() > 7 && s.substr(s.size() - 7, 2) == " (" && s.back() == ')' && digits(s.substr(s.size() - 5, 4)))
        s = s.substr(0, s.size() - 7);
    else if (s.size() > 2 && s[s.size() - 2] == ' ' && std::isupper(static_cast<unsigned char>(s.back())))
        s = s.substr(0, s.size() - 2);

    std::size_t b = 0;
    for (;;) {
        std::size_t e = s.find('/', b);
        r.parts.emplace_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
        if (e == std::string_view::npos) break;
        b = e + 1;
    }
    const auto& p = r.parts;
    auto bad = [&](std::size_t i, std::string what) {
        std::string h = hint(p[i]);
        r.problem = p[i].empty() ? "empty part" : "\"" + p[i] + "\" " + what;
        if (!h.empty()) r.problem += " (write \"" + h + "\")";
        return r;
    };
    if (p[0] != "A" && p[0] != "S" && p[0] != "E") return bad(0, "is not an organ (A, S or E)");
    std::size_t i = 1;
    while (i < p.size() && body_part(p[i])) ++i;
    if (i + 1 < p.size() && session_part(p[i])) ++i;  // session (or year), then the number
    if (i >= p.size()) { r.problem = "no document number"; return r; }
    if (!number_part(p[i])) return bad(i, "is not a document number");
    bool has_l = p[i].rfind("L.", 0) == 0;
    // A lone number is enough only for /RES/ symbols ("S/RES/2334") and "L." ("A/L.632").
    bool has_session = i >= 2 && session_part(p[i - 1]) && !body_part(p[i - 1]);
    bool has_res = false;
    for (const auto& q : p) has_res = has_res || q == "RES";
    if (!has_session && !has_l && !has_res) { r.problem = "no session or year before the document number"; return r; }
    for (++i; i < p.size(); ++i)
        if (!suffix_part(p[i])) return bad(i, "is not Rev.n, Add.n, Corr.n or Amend.n");
    r.ok = true;
    return r;
}

Span header_span(const Document& doc) {
    for (const Field* f : {&doc.meta.document_type, &doc.meta.symbol, &doc.meta.body})
        if (f->present()) return f->span;
    return {0, 0};
}

}  // namespace

// ---- the rules this file checks: id, name, default severity, summary, doc ----------------

constinit const RuleInfo UNR501{"UNR501", "symbol-format", Severity::Warning, "The document symbol is malformed",
    R"(## What it does
Checks the symbol against the UN grammar: organ (A, S, E), bodies (C.3, HRC, CN.9, RES),
session or year, document number (L.52 or 217), suffixes (Rev.1, Add.2, Corr.1), e.g.
A/C.3/78/L.52/Rev.1, A/80/L.10, S/2016/1100, E/2018/L.22, A/RES/78/217, A/HRC/RES/6/15.

## Why is this bad
The symbol identifies the document; a malformed one cannot be looked up or cited.

## Example
```
A/C.3/78/L52/Rev1
```

## How to fix
Write the symbol as issued: `A/C.3/78/L.52/Rev.1`.
)"};

constinit const RuleInfo UNR502{"UNR502", "symbol-kind-mismatch", Severity::Warning, "The symbol does not match the kind of document",
    R"(## What it does
Checks that drafts and amendments of the General Assembly and ECOSOC carry an "L."
symbol and adopted resolutions a "/RES/" symbol. Security Council drafts (S/2016/1100)
have no "L." part and are not checked for it.

## Why is this bad
A draft under an adopted resolution's symbol (or the reverse) is usually a copy-paste
error in the header, or the wrong document type line.

## Example
```
A/RES/78/217 ... : revised draft resolution
```

## How to fix
Correct the symbol or the document type.
)"};

constinit const RuleInfo UNR503{"UNR503", "date-missing", Severity::Warning, "The document has no date",
    R"(## What it does
Checks that the header gives the date of the document, or that an adopted text gives
its date of adoption (header or closing lines).

## Why is this bad
Drafts are identified by symbol and date; adopted texts by their adoption date.

## Example
A header with "Distr.: Limited" but no date.

## How to fix
Add the date to the header ("Distr.: Limited 9 November 2023").
)"};

constinit const RuleInfo UNR504{"UNR504", "sponsors-missing", Severity::Note, "A draft names no sponsors",
    R"(## What it does
Notes a General Assembly or ECOSOC draft without a sponsor line. Drafts submitted by the
Chair or a Vice-Chair have a "submitted by" line and are not reported; Security Council
drafts are not checked.

## Why is this bad
Usually the sponsor line was lost; some drafts are issued without sponsors, so this is
only a note.

## Example
```
Agenda item 71 (b)
Draft resolution
```

## How to fix
Add the sponsor line: "Argentina, Armenia ... : draft resolution".
)"};

constinit const RuleInfo UNR505{"UNR505", "title-missing", Severity::Warning, "A resolution or draft resolution has no title",
    R"(## What it does
Checks that a resolution or draft resolution has a title. Security Council texts have
no title and are not checked; nor are decisions and amendments.

## Why is this bad
General Assembly and ECOSOC resolutions are titled (Editorial Manual, resolutions, B).

## Example
A draft whose title line is missing between the sponsor line and "The General Assembly,".

## How to fix
Add the title (usually the title of the agenda item).
)"};

void check_header(Context& cx) {
    const Document& doc = cx.doc;
    const Metadata& m = doc.meta;

    // UNR501 / UNR502
    if (m.symbol.present()) {
        SymbolCheck sc = parse_symbol(m.symbol.value);
        if (!sc.ok) {
            cx.report("UNR501", m.symbol.span, "malformed document symbol \"" + m.symbol.value + "\": " + sc.problem);
        } else {
            bool has_l = false, has_res = false;
            for (const auto& q : sc.parts) {
                has_l = has_l || q.rfind("L.", 0) == 0;
                has_res = has_res || q == "RES";
            }
            bool draft = doc.kind == DocKind::DraftResolution || doc.kind == DocKind::DraftDecision ||
                         doc.kind == DocKind::Amendment;
            if (draft && !practice_of(doc).council && !has_l)
                cx.report("UNR502", m.symbol.span,
                          "symbol \"" + m.symbol.value + "\" is not that of a draft: drafts are issued as L. documents");
            else if (doc.kind == DocKind::Resolution && !has_res && !practice_of(doc).statement)
                cx.report("UNR502", m.symbol.span,
                          "symbol \"" + m.symbol.value + "\" is not that of an adopted resolution (A/RES/..., S/RES/...)");
        }
    }

    // UNR503
    if (!m.date.present() && !m.adoption_date.present() && doc.closing.date.empty())
        cx.report("UNR503", header_span(doc), "the document has no date");

    // UNR504: a draft with no sponsor line at all (Chair's drafts have a sponsor text;
    // Security Council drafts are often issued without sponsors).
    bool draft = doc.kind == DocKind::DraftResolution || doc.kind == DocKind::DraftDecision;
    if (draft && !practice_of(doc).council && m.sponsors.empty() && !m.sponsor_text.present())
        cx.report("UNR504", header_span(doc), "the draft names no sponsors");

    // UNR505: titles are required except for Security Council texts.
    bool titled = doc.kind == DocKind::Resolution || doc.kind == DocKind::DraftResolution;
    if (titled && !practice_of(doc).council && !m.title.present())
        cx.report("UNR505", header_span(doc), "the resolution has no title");
}

}  // namespace unres::rules
