// Internal (model layer): the one home of the word lists unres relies on.  Readers, rules and
// writers all ask here, so the reader and the UNR305/UNR306 rules agree on what opens a
// paragraph, and the month names are written once.  Lists of UN usage, not rules keyed to one
// document.  Comparisons are ASCII case-insensitive unless a function says otherwise.
#pragma once
#include <array>
#include <string_view>

namespace unres::words {

// ---- dates
inline constexpr std::array<std::string_view, 12> kMonths{"January", "February", "March",     "April",   "May",      "June",
                                                           "July",    "August",   "September", "October", "November", "December"};
/// "March" → 3 (exact, capitalised as written in English); 0 for anything else.
int month_index(std::string_view w);
/// 3 → "March"; "" outside 1…12.
std::string_view month_name(int m);

// ---- organs and committees
/// The Main Committees of the General Assembly, as a draft's header names them.
inline constexpr std::array<std::string_view, 7> kMainCommittees{
    "First Committee", "Second Committee", "Third Committee", "Fourth Committee", "Fifth Committee", "Sixth Committee",
    "Special Political and Decolonization Committee"};
/// A principal organ or body whose name opens the enacting formula ("The General Assembly,").
bool is_organ_name(std::string_view s);

// ---- names
/// Official short names that contain " and " (sponsor lists are split at " and " elsewhere).
inline constexpr std::array<std::string_view, 10> kAndStates{
    "Antigua and Barbuda",      "Bosnia and Herzegovina",        "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines", "Sao Tome and Principe", "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland", "Heard Island and McDonald Islands",
    "Turks and Caicos Islands", "Wallis and Futuna"};
bool is_and_state(std::string_view name);  ///< exact match

// ---- numbers
/// Words after which a number is a quantity or a reference, never a footnote mark (exact).
bool is_number_context_word(std::string_view w);

// ---- lead phrases (EDITORIAL-RULES §3)
// A preambular paragraph opens with a participle ("Recalling", "Having considered") or a
// preambular adjective ("Aware", "Mindful"), optionally after a lead adverb ("Deeply
// concerned", "Further recalling").  An operative paragraph opens with a verb in the present
// tense ("Decides", "Calls upon"), optionally after a lead adverb ("Also requests").
/// "also", "further", "deeply", "strongly" … (the rule also takes any "-ly" word; the reader,
/// which judges wrapped lines too, only this list).
bool is_lead_adverb(std::string_view w);
/// "aware", "mindful", "convinced", "desirous" …: preambular leads that are not "-ing" participles.
bool is_preamble_adjective(std::string_view w);
/// Operative verbs the reader takes even without a paragraph number ("Decides", "Takes").
bool is_operative_verb(std::string_view w);
/// Plural nouns and short words ending in "s" that open sentences but are not verbs ("States", "this").
bool is_not_verb(std::string_view w);
/// Capitalised "-ing"/"-ed" words that open wrapped lines but are not leads ("United", "During").
bool is_not_lead(std::string_view w);

}  // namespace unres::words
