// words.cpp — the word lists (see words.hpp).
#include "words.hpp"

#include <algorithm>

namespace unres::words {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

template <std::size_t N>
bool in_ci(const std::array<std::string_view, N>& list, std::string_view w) {
    return std::any_of(list.begin(), list.end(), [&](std::string_view x) { return iequal(x, w); });
}

constexpr std::array<std::string_view, 12> kOrgans{
    "General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council",
    "Trusteeship Council", "Commission on the Status of Women", "Commission on Human Rights",
    "Commission on Population and Development", "Conference", "Executive Board", "Governing Council",
    "Assembly"};

constexpr std::array<std::string_view, 52> kNumberContext{
    "the",       "a",         "an",        "of",        "from",      "to",        "and",       "or",
    "at",        "in",        "on",        "by",        "for",       "with",      "between",   "its",
    "their",     "resolution", "resolutions", "paragraph", "paragraphs", "decision", "decisions", "article",
    "articles",  "section",   "sections",  "chapter",   "No.",       "vol.",      "vols.",     "para.",
    "paras.",    "annex",     "Goal",      "goal",      "target",    "targets",   "Target",    "Targets",
    "than",      "least",     "some",      "about",     "over",      "under",     "all",       "first",
    "Article",   "Chapter",   "item",      "items"};

constexpr std::array<std::string_view, 26> kLeadAdverbs{
    "also",     "further",   "furthermore", "again",     "once",       "still",      "moreover",
    "most",     "very",      "ever",        "hereby",    "therefore",  "deeply",     "gravely",
    "seriously", "strongly", "profoundly",  "fully",     "keenly",     "firmly",     "greatly",
    "highly",   "particularly", "especially", "equally", "solemnly"};

constexpr std::array<std::string_view, 21> kPreambleAdjectives{
    "aware",   "mindful",  "conscious", "cognizant", "cognisant", "desirous", "confident",
    "convinced", "determined", "appreciative", "grateful", "anxious", "resolved", "sure",
    "certain", "fearful",  "hopeful",   "eager",     "keen",      "pursuant", "seized"};

constexpr std::array<std::string_view, 16> kOperativeVerbs{
    "takes", "calls", "urges", "notes", "requests", "decides", "adopts", "approves",
    "endorses", "welcomes", "reaffirms", "invites", "encourages", "expresses", "stresses", "emphasizes"};

constexpr std::array<std::string_view, 14> kNotVerbs{"states", "governments", "parties", "members", "nations",
                                                     "its",    "this",        "thus",    "is",      "has",
                                                     "was",    "as",          "his",     "countries"};

constexpr std::array<std::string_view, 24> kNotLeads{
    "United", "Federated", "Developed", "Developing", "Beijing", "Wellington", "Kingdom", "Reading", "Sterling",
    "Red",    "Limited",   "Related",   "Advanced",   "Landlocked", "Least", "Emerging", "Building", "Spring",
    "Nothing", "Something", "Everything", "During", "Regarding", "Including"};

}  // namespace

int month_index(std::string_view w) {
    for (std::size_t k = 0; k < kMonths.size(); ++k)
        if (w == kMonths[k]) return static_cast<int>(k) + 1;
    return 0;
}

std::string_view month_name(int m) { return m >= 1 && m <= 12 ? kMonths[static_cast<std::size_t>(m - 1)] : std::string_view{}; }

bool is_organ_name(std::string_view s) { return in(kOrgans, s); }
bool is_and_state(std::string_view name) { return in(kAndStates, name); }
bool is_number_context_word(std::string_view w) { return in(kNumberContext, w); }
bool is_lead_adverb(std::string_view w) { return in_ci(kLeadAdverbs, w); }
bool is_preamble_adjective(std::string_view w) { return in_ci(kPreambleAdjectives, w); }
bool is_operative_verb(std::string_view w) { return in_ci(kOperativeVerbs, w); }
bool is_not_verb(std::string_view w) { return in_ci(kNotVerbs, w); }
bool is_not_lead(std::string_view w) { return in(kNotLeads, w); }

}  // namespace unres::words
