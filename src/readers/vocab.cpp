#include "readers/vocab.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace unres::readers {

namespace {

bool ends_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

std::string_view strip_punct(std::string_view w) {
    while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.remove_suffix(1);
    return w;
}

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

// Adverbs and modifiers that may precede the lead participle or verb.
constexpr std::array<std::string_view, 40> kModifiers{
    "Also",      "Further",   "Furthermore", "Again",      "Deeply",   "Gravely",     "Seriously",   "Strongly",
    "Profoundly", "Fully",    "Keenly",      "Firmly",     "Greatly",  "Highly",      "Particularly", "Especially",
    "Equally",   "Bearing",   "Taking",      "Having",     "Noting",   "Expressing",  "Reiterating", "Reaffirming",
    "Mindful",   "Conscious", "Aware",       "Cognizant",  "Emphasizing", "Stressing", "Underlining", "Welcoming",
    "Recalling", "Recognizing", "Acknowledging", "Affirming", "Guided", "Encouraged", "Concerned", "Alarmed"};

// Adjectives and other leads that are not participles.
constexpr std::array<std::string_view, 28> kPreambleAdjectives{
    "Aware",     "Mindful",   "Conscious", "Cognizant", "Desirous",  "Confident", "Convinced", "Determined",
    "Appreciative", "Grateful", "Anxious", "Resolved",  "Sure",      "Certain",   "Fearful",   "Hopeful",
    "Eager",     "Keen",      "Wishing",   "Believing", "Considering", "Bearing", "Having",    "Taking",
    "Welcoming", "Noting",    "Reaffirming", "Recalling"};

// Capitalised words ending in -ing/-ed that begin wrapped lines but are not leads.
constexpr std::array<std::string_view, 24> kNotLeads{
    "United", "Federated", "Developed", "Developing", "Beijing", "Wellington", "Kingdom", "Reading", "Sterling",
    "Red",    "Limited",   "Related",   "Advanced",   "Landlocked", "Least", "Emerging", "Building", "Spring",
    "Nothing", "Something", "Everything", "During", "Regarding", "Including"};

// Common operative verbs (third person singular) for unnumbered operative paragraphs.
constexpr std::array<std::string_view, 16> kOperativeIrregular{
    "Takes", "Calls", "Urges", "Notes", "Requests", "Decides", "Adopts", "Approves",
    "Endorses", "Welcomes", "Reaffirms", "Invites", "Encourages", "Expresses", "Stresses", "Emphasizes"};

}  // namespace

std::string_view first_word(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    return s.substr(i, j - i);
}

bool is_month(std::string_view w) {
    static constexpr std::array<std::string_view, 12> months{"January", "February", "March",     "April",   "May",      "June",
                                                             "July",    "August",   "September", "October", "November", "December"};
    return in(months, strip_punct(w));
}

static bool is_participle_word(std::string_view w) {
    w = strip_punct(w);
    if (w.size() < 4 || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
    for (std::size_t k = 1; k < w.size(); ++k)
        if (!std::islower(static_cast<unsigned char>(w[k])) && w[k] != '-') return false;
    if (in(kNotLeads, w)) return false;
    return ends_with(w, "ing") || ends_with(w, "ed") || in(kPreambleAdjectives, w);
}

static bool has_words(std::string_view s, int n) {
    int words = 0;
    bool in = false;
    for (char c : s) {
        if (c == ' ') in = false;
        else if (!in) in = true, ++words;
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
    if (in(kModifiers, strip_punct(w)) || in(kPreambleAdjectives, strip_punct(w))) {
        // "Deeply concerned", "Also recalling", "Further noting"
        std::string_view rest = s.substr(static_cast<std::size_t>(w.data() - s.data()) + w.size());
        std::string_view w2 = strip_punct(first_word(rest));
        if (w2.size() >= 4 && (ends_with(w2, "ing") || ends_with(w2, "ed"))) return true;
        return in(kPreambleAdjectives, strip_punct(w));
    }
    return false;
}

bool is_operative_lead(std::string_view s) {
    if (!has_words(s, 3)) return false;
    std::string_view w = strip_punct(first_word(s));
    if (w.size() < 4 || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
    if (in(kOperativeIrregular, w)) return true;
    auto verbish = [](std::string_view v) {
        if (v.size() < 4) return false;
        for (std::size_t k = 1; k < v.size(); ++k)
            if (!std::islower(static_cast<unsigned char>(v[k])) && v[k] != '-') return false;
        return ends_with(v, "s") && !ends_with(v, "ss") && !ends_with(v, "us") && !ends_with(v, "is");
    };
    if (in(kModifiers, w) || w == "Once" || w == "Strongly" || w == "Solemnly") {
        std::string_view rest = s.substr(static_cast<std::size_t>(w.data() - s.data()) + w.size());
        std::string_view w2 = strip_punct(first_word(rest));
        std::string cap(w2);
        if (!cap.empty()) cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
        return verbish(cap);
    }
    return verbish(w) && w != "States" && w != "Nations" && w != "Members" && w != "Parties";
}

bool is_number_context_word(std::string_view w) {
    static constexpr std::array<std::string_view, 52> words{
        "the",       "a",         "an",        "of",        "from",      "to",        "and",       "or",
        "at",        "in",        "on",        "by",        "for",       "with",      "between",   "its",
        "their",     "resolution", "resolutions", "paragraph", "paragraphs", "decision", "decisions", "article",
        "articles",  "section",   "sections",  "chapter",   "No.",       "vol.",      "vols.",     "para.",
        "paras.",    "annex",     "Goal",      "goal",      "target",    "targets",   "Target",    "Targets",
        "than",      "least",     "some",      "about",     "over",      "under",     "all",       "first",
        "Article",   "Chapter",   "item",      "items"};
    return in(words, w);
}

bool is_and_state(std::string_view name) {
    static constexpr std::array<std::string_view, 9> states{
        "Antigua and Barbuda",      "Bosnia and Herzegovina",        "Saint Kitts and Nevis",
        "Saint Vincent and the Grenadines", "Sao Tome and Principe", "Trinidad and Tobago",
        "United Kingdom of Great Britain and Northern Ireland", "Heard Island and McDonald Islands",
        "Turks and Caicos Islands"};
    return in(states, name);
}

bool is_organ_name(std::string_view s) {
    static constexpr std::array<std::string_view, 12> organs{
        "General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council",
        "Trusteeship Council", "Commission on the Status of Women", "Commission on Human Rights",
        "Commission on Population and Development", "Conference", "Executive Board", "Governing Council",
        "Assembly"};
    return in(organs, s);
}

}  // namespace unres::readers
