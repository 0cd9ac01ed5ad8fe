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

// A byte of a word: an ASCII letter, '-', '\'', or any byte of a UTF-8 multi-byte character, so
// "Réaffirme" is one word (quoted whole in the messages), never "R".
bool letter(char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalpha(u) != 0 || u >= 0x80 || c == '-' || c == '\'';
}

/// Length of a no-break or thin space at t[i] (U+00A0, U+2009, U+202F), 0 if none: a word ends there.
std::size_t wide_space(std::string_view t, std::size_t i) {
    if (t[i] != '\xC2' && t[i] != '\xE2') return 0;  // the lead byte of each (most bytes: no compare)
    if (t.compare(i, 2, "\xC2\xA0") == 0) return 2;
    if (t.compare(i, 3, "\xE2\x80\x89") == 0 || t.compare(i, 3, "\xE2\x80\xAF") == 0) return 3;
    return 0;
}

std::vector<Word> first_words(std::string_view t, std::size_t n) {
    std::vector<Word> out;
    std::size_t i = 0;
    auto separator = [&](std::size_t k) {
        return t[k] == ' ' || t[k] == '*' || t[k] == '_' || t[k] == ',' || wide_space(t, k) != 0;
    };
    // Skip emphasis and quotes left before the first word.
    while (i < t.size() && (t[i] == '*' || t[i] == '_' || t[i] == ' ' || t[i] == '"')) ++i;
    while (i < t.size() && out.size() < n) {
        std::size_t b = i;
        while (i < t.size() && letter(t[i]) && wide_space(t, i) == 0) ++i;
        if (i == b) {  // not a word: the paragraph opens with something else
            if (out.empty()) out.push_back({std::string(t.substr(b, 1)), b, b + 1});
            break;
        }
        out.push_back({std::string(t.substr(b, i - b)), b, i});
        while (i < t.size() && separator(i)) i += std::max<std::size_t>(1, wide_space(t, i));
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

bool verb_s(const std::string& h) { return h.size() >= 4 && ends_with(h, "s") && !ends_with(h, "ss") && !words::is_not_verb(h); }

bool operative_lead(const std::vector<Word>& ws) {
    if (ws.empty() || !starts_upper(ws[0].text)) return false;
    return verb_s(lower(ws[head_index(ws)].text));
}

/// Security Council: a participial or "while" phrase, then the verb after a comma ("Acting under
/// Chapter VII of the Charter, decides", "While noting improvements in Somalia, recognizes").
bool participial_then_verb(const std::string& t, const std::vector<Word>& ws) {
    if (ws.empty() || !starts_upper(ws[0].text)) return false;
    std::string h = lower(ws[head_index(ws)].text);
    bool opener = (h.size() > 4 && ends_with(h, "ing")) || h == "while" || h == "whilst" || h == "although";
    if (!opener) return false;
    for (std::size_t c = t.find(", "); c != std::string::npos; c = t.find(", ", c + 1)) {
        auto next = first_words(std::string_view(t).substr(c + 2, 80), 3);  // a window (no copy): linear in the text
        if (!next.empty() && !starts_upper(next[0].text) && verb_s(next[head_index(next)].text)) return true;
    }
    return false;
}

/// The base form of a verb ("Ensure", "Maintain", "Provide"): capitalised, and a third-person
/// verb once "s" is added, not a participle, a noun in "-ion"/"-ment" or a verb already in "-s".
bool base_form_verb(const std::vector<Word>& ws) {
    if (ws.empty() || !starts_upper(ws[0].text)) return false;
    std::string h = lower(ws[head_index(ws)].text);
    if (h.size() < 3 || ends_with(h, "s") || ends_with(h, "ing") || ends_with(h, "ed") || ends_with(h, "ion") ||
        ends_with(h, "ment") || ends_with(h, "ty"))
        return false;
    return verb_s(h + "s");
}

/// Whether `p`'s sub-paragraphs (any depth) hold a list of tasks: two or more open with the base
/// form of a verb ("(a) Take all necessary measures ...", "(b) Maintain a proactive deployment").
bool sets_out_tasks(const Para& p) {
    std::size_t n = 0;
    auto rec = [&](auto&& self, const Para& q) -> void {
        for (const Para& c : q.children) {
            if (base_form_verb(first_words(c.text, 4))) ++n;
            self(self, c);
        }
    };
    rec(rec, p);
    return n >= 2;
}

}  // namespace

bool opens_with_operative_verb(const std::string& text) { return operative_lead(first_words(text, 4)); }

const Para* adopted_text_intro(const Document& doc) {
    auto intro_like = [](const Para& p) {
        std::size_t n = p.text.find_last_not_of(" \t");
        return p.children.empty() && n != std::string::npos && p.text[n] == ':';
    };
    const Para* intro = nullptr;
    if (!doc.preamble.empty() && intro_like(doc.preamble.back())) intro = &doc.preamble.back();
    for (const Para& p : doc.operative) {
        if (p.kind == LabelKind::None && !p.num_inferred && intro_like(p)) {
            intro = &p;
            continue;
        }
        if (p.kind != LabelKind::Number) continue;
        // the first numbered paragraph after the candidate decides
        return intro && !opens_with_operative_verb(p.text) ? intro : nullptr;
    }
    return nullptr;
}

// ---- the rules this file checks: id, name, default severity, summary, doc ----------------

constinit const RuleInfo UNR305{"UNR305", "preamble-lead-phrase", Severity::Warning, "A preambular paragraph does not open with a participle or adjective",
    R"(## What it does
Checks the first word of each preambular paragraph, after optional adverbs ("Deeply",
"Further", "Also"): a participle ("Recalling", "Having considered", "Bearing in mind",
"Concerned", "Guided") or one of the usual adjectives ("Aware", "Mindful", "Conscious",
"Cognizant", "Desirous", "Convinced", "Confident", "Grateful"). Security Council texts
may also open one with a verb in the present tense ("Recalls that ...,").

## Why is this bad
Preambular paragraphs begin with a participial phrase or an adjective (Editorial
Manual, resolutions, C). Anything else is often a broken line taken for a paragraph.

## Example
```
The rights of migrants must be protected,
```

## How to fix
Open with a lead phrase ("Stressing that the rights ..."), or join the text to the paragraph it belongs to.
)"};

constinit const RuleInfo UNR306{"UNR306", "operative-lead-verb", Severity::Warning, "An operative paragraph does not open with a verb in the present tense",
    R"(## What it does
Checks the first word of each operative paragraph of the resolution's own text, after
optional adverbs ("Also", "Further", "Strongly", "Once again"): a verb in the third
person of the present tense ("Decides", "Calls upon", "Takes note"). Sub-paragraphs,
annexes, decisions, amendments and paragraphs in the voice of a declaration ("We ...")
are not checked. Security Council texts may put a participial or "While" phrase before the
verb ("Acting under Chapter VII of the Charter, decides"); presidential statements are not
checked.

## Why is this bad
Each operative paragraph begins with an operative verb (Editorial Manual, resolutions, C).

## Example
```
3. The Secretary-General to report ...;
```

## How to fix
Open with the operative verb: "3. Requests the Secretary-General to report ...;".
)"};

void check_lead_words(Context& cx) {
    const Document& doc = cx.doc;
    if (doc.kind == DocKind::Amendment) return;

    const Practice practice = practice_of(doc);
    const Para* intro = adopted_text_intro(doc);
    for (std::size_t i = 0; i < doc.preamble.size(); ++i) {
        const Para& p = doc.preamble[i];
        if (&p == intro || in_adopted_text(intro, p)) continue;  // "Resolves that:", the adopted text's preamble
        auto ws = first_words(p.text, 4);
        if (ws.empty() || preambular_lead(ws)) continue;
        // Security Council: a preambular paragraph may open with a present-tense verb
        // ("Recalls that UNDOF's deployment ...,", "Underscores its objective ...").
        if (practice.council && operative_lead(ws)) continue;
        cx.report("UNR305", text_span(p, ws[0].begin, ws[0].end),
                  "the " + ordinal(i + 1) + " preambular paragraph should open with a participle or an adjective "
                  "(\"Recalling\", \"Deeply concerned\", \"Aware\"), not \"" + ws[0].text + "\"");
    }

    if (doc.kind == DocKind::Decision || doc.kind == DocKind::DraftDecision) return;
    if (practice.statement) return;  // sentences: "The Security Council recalls ..."
    // Once a paragraph speaks in a declaration's own voice ("We commit ..."), the
    // declaration's paragraphs follow ("Recognize that ...", "Commit to ..."): stop.
    bool tasks_set_out = false;  // an earlier paragraph listed a mandate's tasks
    for (const Para& p : doc.operative) {
        auto ws = first_words(p.text, 4);
        if (!ws.empty() && ws[0].text == "We") break;
        bool tasks_before = tasks_set_out;
        tasks_set_out = tasks_set_out || sets_out_tasks(p);
        if (ws.empty() || operative_lead(ws)) continue;
        if (in_adopted_text(intro, p)) continue;  // "1. The Working Capital Fund shall ..."
        if (practice.council && participial_then_verb(p.text, ws)) continue;
        // Security Council: a mandate's task numbered as a paragraph of its own, under its own
        // heading, after the paragraph that set out the tasks ("Protection of the United Nations"
        // / "30. Ensure the protection of United Nations personnel ...").
        if (practice.council && tasks_before && !p.heading.empty() && base_form_verb(ws)) continue;
        std::string name = p.num.empty() ? std::string("operative paragraph") : "operative paragraph " + p.num;
        cx.report("UNR306", text_span(p, ws[0].begin, ws[0].end),
                  name + " should open with a verb in the present tense (\"Decides\", \"Calls upon\", "
                         "\"Also requests\"), not \"" + ws[0].text + "\"");
    }
}

}  // namespace unres::rules
