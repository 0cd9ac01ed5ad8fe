// Lead words (UNR305, UNR306).
//
// Preambular paragraphs open with a participle or participial phrase ("Recalling",
// "Having considered", "Bearing in mind") or an adjective ("Aware", "Mindful"),
// optionally after an adverb ("Deeply concerned", "Further recalling").  Operative
// paragraphs open with a verb in the present indicative ("Decides", "Calls upon"),
// optionally after an adverb ("Also", "Further", "Strongly", "Once again").  The
// word lists (src/words.hpp, shared with the reader) are the common UN ones; any "-ing"/"-ed" participle and any
// third-person "-s" verb not in the noun list is accepted, so the rules stay quiet
// on unusual but correct phrases.  Paragraphs from the first "We ..." on are a
// declaration's (EDITORIAL-RULES 3) and are not checked.
#include <algorithm>
#include <array>
#include <cctype>

#include "rules/rules.hpp"
#include "words.hpp"

namespace unres::rules {

namespace {

struct Word {
    std::string text;
    std::size_t begin = 0, end = 0;  // offsets in Para::text
};

bool letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '\''; }

std::vector<Word> first_words(const std::string& t, std::size_t n) {
    std::vector<Word> out;
    std::size_t i = 0;
    // Skip emphasis and quotes left before the first word.
    while (i < t.size() && (t[i] == '*' || t[i] == '_' || t[i] == ' ' || t[i] == '"')) ++i;
    while (i < t.size() && out.size() < n) {
        std::size_t b = i;
        while (i < t.size() && letter(t[i])) ++i;
        if (i == b) {  // not a word: the paragraph opens with something else
            if (out.empty()) out.push_back({t.substr(b, 1), b, b + 1});
            break;
        }
        out.push_back({t.substr(b, i - b), b, i});
        while (i < t.size() && (t[i] == ' ' || t[i] == '*' || t[i] == '_' || t[i] == ',')) ++i;
    }
    return out;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool adverb(const std::string& w) { return (w.size() > 3 && ends_with(w, "ly")) || words::is_lead_adverb(w); }

bool starts_upper(const std::string& w) { return !w.empty() && std::isupper(static_cast<unsigned char>(w[0])); }

/// Index of the first word after leading adverbs (capped so "Also" alone is judged).
std::size_t head_index(const std::vector<Word>& ws) {
    std::size_t i = 0;
    while (i + 1 < ws.size() && adverb(lower(ws[i].text))) ++i;
    return i;
}

bool preambular_lead(const std::vector<Word>& ws) {
    if (ws.empty() || !starts_upper(ws[0].text)) return false;
    std::string h = lower(ws[head_index(ws)].text);
    return (h.size() > 4 && ends_with(h, "ing")) || (h.size() > 3 && ends_with(h, "ed")) || words::is_preamble_adjective(h);
}

bool operative_lead(const std::vector<Word>& ws) {
    if (ws.empty() || !starts_upper(ws[0].text)) return false;
    std::string h = lower(ws[head_index(ws)].text);
    return h.size() >= 4 && ends_with(h, "s") && !ends_with(h, "ss") && !words::is_not_verb(h);
}

}  // namespace

void check_lead_words(Context& cx) {
    const Document& doc = cx.doc;
    if (doc.kind == DocKind::Amendment) return;

    for (std::size_t i = 0; i < doc.preamble.size(); ++i) {
        const Para& p = doc.preamble[i];
        auto ws = first_words(p.text, 4);
        if (ws.empty() || preambular_lead(ws)) continue;
        cx.report("UNR305", text_span(p, ws[0].begin, ws[0].end),
                  "the " + ordinal(i + 1) + " preambular paragraph should open with a participle or an adjective "
                  "(\"Recalling\", \"Deeply concerned\", \"Aware\"), not \"" + ws[0].text + "\"");
    }

    if (doc.kind == DocKind::Decision || doc.kind == DocKind::DraftDecision) return;
    // Once a paragraph speaks in a declaration's own voice ("We commit ..."), the
    // declaration's paragraphs follow ("Recognize that ...", "Commit to ..."): stop.
    for (const Para& p : doc.operative) {
        auto ws = first_words(p.text, 4);
        if (!ws.empty() && ws[0].text == "We") break;
        if (ws.empty() || operative_lead(ws)) continue;
        std::string name = p.num.empty() ? std::string("operative paragraph") : "operative paragraph " + p.num;
        cx.report("UNR306", text_span(p, ws[0].begin, ws[0].end),
                  name + " should open with a verb in the present tense (\"Decides\", \"Calls upon\", "
                         "\"Also requests\"), not \"" + ws[0].text + "\"");
    }
}

}  // namespace unres::rules
