#include "readers/vocab.hpp"

#include "words.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace unres::readers {

namespace {

bool ends_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

std::string_view strip_punct(std::string_view w) {
    while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.remove_suffix(1);
    return w;
}

bool upper_start(std::string_view w) { return !w.empty() && std::isupper(static_cast<unsigned char>(w[0])); }

}  // namespace

std::string_view first_word(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    return s.substr(i, j - i);
}

static bool is_participle_word(std::string_view w) {
    w = strip_punct(w);
    if (w.size() < 4 || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
    for (std::size_t k = 1; k < w.size(); ++k)
        if (!std::islower(static_cast<unsigned char>(w[k])) && w[k] != '-') return false;
    if (words::is_not_lead(w)) return false;
    return ends_with(w, "ing") || ends_with(w, "ed") || words::is_preamble_adjective(w);
}

/// At least `n` words in s: stops at the n-th word, not at the end of a long paragraph.
static bool has_words(std::string_view s, int n) {
    int words = 0;
    bool in = false;
    for (char c : s) {
        if (c == ' ') in = false;
        else if (!in) {
            in = true;
            if (++words >= n) return true;
        }
    }
    return words >= n;
}

bool is_preamble_lead(std::string_view s) {
    if (!has_words(s, 3)) return false;  // a paragraph's first line is more than a word or two
    std::string_view w = first_word(s);
    if (w.empty()) return false;
    if (w.back() == ',') {
        // "Reaffirming, among other principles" is a lead; "Training, Certification and ..." a name
        std::string_view rest = s.substr(static_cast<std::size_t>(w.data() - s.data()) + w.size());
        std::string_view w2 = first_word(rest);
        if (w2.empty() || std::isupper(static_cast<unsigned char>(w2[0]))) return false;
    }
    if (is_participle_word(w)) return true;
    std::string_view bare = strip_punct(w);
    // "Building on the report ...": the lead, where "Building" alone opens a name ("Building resilience")
    if (bare == "Building" && first_word(s.substr(static_cast<std::size_t>(w.data() - s.data()) + w.size())) == "on") return true;
    if (upper_start(bare) && (words::is_lead_adverb(bare) || words::is_preamble_adjective(bare))) {
        // "Deeply concerned", "Also recalling", "Further noting", "Fully aware"
        std::string_view rest = s.substr(static_cast<std::size_t>(w.data() - s.data()) + w.size());
        std::string_view w2 = strip_punct(first_word(rest));
        if (w2.size() >= 4 && (ends_with(w2, "ing") || ends_with(w2, "ed"))) return true;
        if (words::is_lead_adverb(bare) && words::is_preamble_adjective(w2)) return true;
        return words::is_preamble_adjective(bare);
    }
    return false;
}

bool is_operative_lead(std::string_view s) {
    std::string_view w = strip_punct(first_word(s));
    if (!has_words(s, 3)) {
        // "Resolves that:" / "Decides that:": the formula that opens a list of clauses
        std::string_view rest = s.substr(std::min(s.size(), static_cast<std::size_t>(w.data() - s.data()) + w.size()));
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        if (rest != "that:" || w.size() < 5 || !std::isupper(static_cast<unsigned char>(w[0])) || words::is_not_verb(w)) return false;
        return std::all_of(w.begin() + 1, w.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); }) &&
               ends_with(w, "s") && !ends_with(w, "ss");
    }
    if (w.size() < 4 || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
    if (words::is_operative_verb(w)) return true;
    auto verbish = [](std::string_view v) {
        if (v.size() < 4) return false;
        for (std::size_t k = 1; k < v.size(); ++k)
            if (!std::islower(static_cast<unsigned char>(v[k])) && v[k] != '-') return false;
        return ends_with(v, "s") && !ends_with(v, "ss") && !ends_with(v, "us") && !ends_with(v, "is");
    };
    if (words::is_lead_adverb(w)) {
        std::string_view rest = s.substr(static_cast<std::size_t>(w.data() - s.data()) + w.size());
        std::string_view w2 = strip_punct(first_word(rest));
        std::string cap(w2);
        if (!cap.empty()) cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
        return verbish(cap);
    }
    return verbish(w) && !words::is_not_verb(w);
}

}  // namespace unres::readers
