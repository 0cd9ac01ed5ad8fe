// Stage 3b of the text reader: the kind of document the lines hold.
//
// Input: the classified lines and the header read from them (read_header: the document type,
// the symbol, the authority, the title and the first body line).
// Output: the same header, corrected where the body's shape says more than the header did:
//  * an amendment ("Denmark: amendment to draft resolution A/C.2/80/L.13/Rev.1", or a body made
//    of editing instructions under "amendment(s) to ..."): kind Amendment, meta.target = the
//    symbol it amends (the symbol may wrap onto the next line), and the header ends before the
//    first editing instruction ("Delete the twenty-first preambular paragraph ...", "1. In
//    operative paragraph 64, after ... insert ...", "Replace operative paragraph 5 with ..."):
//    the title stops there and `body` points at it, so the instructions are read as
//    instructions, not swallowed into the title;
//  * a decision whose header names no type: the body opens with the organ speaking in one
//    sentence ("The General Assembly decides to ...", "The General Assembly, recalling ...,
//    takes note ...:"): kind DraftDecision (Decision for an adopted symbol "/DEC/").
// Guarantees: never drops a line; what it does not recognise keeps the header's reading.
#include "readers/text/kind.hpp"

#include "readers/text/common.hpp"

namespace unres::readers::stages {

namespace {

/// The verbs an editing instruction opens with, and the openings of a placed instruction.
constexpr std::string_view kInstructionVerbs[] = {"Delete", "Replace", "Insert", "Add", "Amend", "Renumber",
                                                  "Reword", "Move", "Substitute", "Revise"};
constexpr std::string_view kPlaceOpeners[] = {"In ", "After ", "Before ", "At the end of ", "At the beginning of "};

bool names_paragraph(std::string_view t) {
    std::string l = lower(t.substr(0, 120));
    return contains(l, "paragraph") || contains(l, "title") || contains(l, "subparagraph") || contains(l, "annex");
}

/// An editing instruction: "Delete the twenty-first preambular paragraph ...", "In operative
/// paragraph 64, after ... insert ...", "Replace operative paragraph 5 with ...", optionally
/// numbered ("1.   In operative paragraph 64 ...").
bool is_instruction(std::string_view t) {
    Label lab = parse_label(t);
    if (lab.kind == LabelKind::Number && lab.len < t.size()) t.remove_prefix(lab.len);
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    for (std::string_view v : kInstructionVerbs)
        if (starts_with(t, v) && t.size() > v.size() && t[v.size()] == ' ' && names_paragraph(t)) return true;
    for (std::string_view o : kPlaceOpeners)
        if (starts_with(t, o) && names_paragraph(t.substr(0, 60))) return true;
    return false;
}

/// A document symbol starting at t[i]: "A/C.3/80/L.3/Rev.1", "S/2024/557" (an organ letter, then
/// at least two "/"-separated parts).  Returns its length, 0 if none.
std::size_t symbol_at(std::string_view t, std::size_t i) {
    std::size_t j = i;
    while (j < t.size() && std::isupper(static_cast<unsigned char>(t[j]))) ++j;
    if (j == i || j - i > 4) return 0;
    std::size_t parts = 0;
    while (j < t.size() && t[j] == '/') {
        std::size_t k = j + 1;
        while (k < t.size() && (std::isalnum(static_cast<unsigned char>(t[k])) || t[k] == '.' || t[k] == '-')) ++k;
        if (k == j + 1) break;
        ++parts;
        j = k;
    }
    while (j > i && t[j - 1] == '.') --j;  // the sentence's full stop
    return parts >= 2 ? j - i : 0;
}

/// The symbol after "amendment(s) to ..." on line k or the next content line.
Field amended_symbol(const std::vector<Line>& lines, std::size_t k, std::size_t from) {
    for (std::size_t q = k, seen = 0; q < lines.size() && seen < 2; ++q) {
        const Line& l = lines[q];
        // the symbol alone on its line may have been taken for a running head (furniture)
        if (l.kind == LineKind::Blank || l.kind == LineKind::Separator || l.kind == LineKind::Footnote) continue;
        ++seen;
        std::string_view t = l.text;
        for (std::size_t i = q == k ? from : 0; i < t.size(); ++i) {
            if (i > 0 && t[i - 1] != ' ' && t[i - 1] != '(') continue;
            if (std::size_t n = symbol_at(t, i)) return field(l, i, i + n);
        }
    }
    return {};
}

/// The line that says the text is an amendment, and where "amendment" stands on it.
std::optional<std::pair<std::size_t, std::size_t>> amendment_line(const std::vector<Line>& lines, std::size_t end) {
    for (std::size_t k = 0; k < end && k < lines.size(); ++k) {
        if (lines[k].kind != LineKind::Content) continue;
        std::string l = lower(lines[k].text);
        for (std::string_view w : {"amendments to ", "amendment to "})
            if (std::size_t p = l.find(w); p != std::string::npos) return std::make_pair(k, p + w.size());
    }
    return std::nullopt;
}

/// Ends the header at line `first`: the title keeps the lines before it (and after line
/// `from`, the document type's: the amended symbol wrapped onto its own line is not title),
/// `body` points at it.
void end_header_at(const std::vector<Line>& lines, std::size_t first, Header& h, std::size_t from = 0) {
    h.body = std::min(h.body, first);
    Field& title = h.meta.title;
    if (!title.present()) return;
    std::uint32_t stop = line_span(lines[first], 0, 0).begin;
    std::uint32_t type_end = from > 0 ? line_span(lines[from - 1], 0, lines[from - 1].text.size()).end : 0;
    if (title.span.end <= stop && title.span.begin >= type_end) return;
    Field cut;
    for (std::size_t k = from; k < first; ++k) {
        const Line& l = lines[k];
        if (l.kind != LineKind::Content) continue;
        Span s = line_span(l, 0, l.text.size());
        if (s.begin < title.span.begin) continue;
        if (!cut.present()) cut = field(l, 0, l.text.size());
        else (cut.value += ' ') += l.text, cut.span.end = s.end;
    }
    title = cut;
}

/// Ends the header before the first instruction after line `after` ("1." alone on its line
/// before it included).
void cut_before_instructions(const std::vector<Line>& lines, std::size_t after, Header& h) {
    std::size_t first = lines.size();
    for (std::size_t k = after + 1; k < lines.size(); ++k)
        if (lines[k].kind == LineKind::Content && is_instruction(lines[k].text)) {
            first = k;
            break;
        }
    if (first == lines.size()) return;
    // "1." alone on its line, the instruction on the next (pdftotext)
    for (std::size_t k = first; k > after + 1;) {
        const Line& l = lines[--k];
        if (l.kind == LineKind::Blank) continue;
        Label lab = parse_label(l.text);
        if (l.kind == LineKind::Content && lab.kind == LabelKind::Number && lab.len >= l.text.size()) first = k;
        break;
    }
    end_header_at(lines, first, h, after + 1);
}

/// "The General Assembly decides ...", "The General Assembly, recalling ..., takes note ...":
/// the organ speaking in one sentence (the name of an organ, then an operative verb).
bool organ_sentence(std::string_view t) {
    if (!starts_with(t, "The ")) return false;
    for (std::string_view organ : {"General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council"}) {
        std::string_view rest = t.substr(4);
        if (!starts_with(rest, organ)) continue;
        rest.remove_prefix(organ.size());
        if (starts_with(rest, " ")) {  // "decides to ...": the verb, capitalised, opens an operative paragraph
            std::string verb(rest.substr(1, 80));
            if (verb.empty() || !std::islower(static_cast<unsigned char>(verb[0]))) return false;
            verb[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(verb[0])));
            return is_operative_lead(verb);
        }
        if (starts_with(rest, ", ")) {  // "The General Assembly, recalling its decision 79/521 ..., decides"
            std::string_view after = rest.substr(2);
            return !after.empty() && std::islower(static_cast<unsigned char>(after[0])) && !ends_with(t, ",");
        }
    }
    return false;
}

/// The line holding the header's document type "amendment" ("Denmark:* amendment"), and the
/// offset after the word.
std::optional<std::pair<std::size_t, std::size_t>> typed_line(const std::vector<Line>& lines, const Field& type) {
    for (std::size_t k = 0; k < lines.size(); ++k) {
        Span s = line_span(lines[k], 0, lines[k].text.size());
        if (lines[k].kind == LineKind::Blank || type.span.begin < s.begin || type.span.begin >= s.end) continue;
        std::size_t a = lower(lines[k].text).find("amendment");
        if (a == std::string::npos) return std::nullopt;
        return std::make_pair(k, a + 9);
    }
    return std::nullopt;
}

}  // namespace

void read_kind(const std::vector<Line>& lines, Header& h) {
    Metadata& m = h.meta;
    auto at = amendment_line(lines, h.kind == DocKind::Amendment ? lines.size() : std::min(h.body + 1, lines.size()));
    if (!at && h.kind == DocKind::Amendment) at = typed_line(lines, m.document_type);
    if (at) {
        bool typed = h.kind == DocKind::Amendment;
        std::size_t k = at->first;
        Field target = amended_symbol(lines, k, at->second);
        // "amendment to ..." in the header names an amendment; a mention in a resolution's
        // text ("amendment to the Convention") does not
        if (typed || (target.present() && !h.authority.present())) {
            h.kind = DocKind::Amendment;
            if (!m.document_type.present()) {
                std::size_t a = lower(lines[k].text).rfind("amendment", at->second);
                m.document_type = field(lines[k], a, a + 9);
            }
            m.document_type.value = "amendment";
            m.target = target;
            std::size_t after = k;
            if (target.present())
                while (after + 1 < lines.size() && line_span(lines[after], 0, lines[after].text.size()).end < target.span.end) ++after;
            cut_before_instructions(lines, after, h);
        }
        return;
    }
    // a decision: the organ speaks in one sentence, on the first line after the header's title
    // ("The General Assembly decides to defer ..."); the header ends there.  A decision the
    // header did not type (no "Draft decision" line) is recognised by that sentence alone.
    bool decision = h.kind == DocKind::Decision || h.kind == DocKind::DraftDecision;
    if (!decision && (contains(lower(m.document_type.value), "resolution") || contains(m.symbol.value, "/RES/"))) return;
    if (h.authority.present()) return;
    std::uint32_t from = m.title.present() ? m.title.span.begin : 0;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const Line& l = lines[k];
        if (l.kind != LineKind::Content || line_span(l, 0, 0).begin < from) continue;
        if (!organ_sentence(l.text)) continue;
        if (!decision) h.kind = contains(m.symbol.value, "/DEC/") ? DocKind::Decision : DocKind::DraftDecision;
        end_header_at(lines, k, h);
        if (!m.title.present() || m.title.span.begin >= line_span(l, 0, 0).begin) m.title = {};
        break;
    }
}

}  // namespace unres::readers::stages
