// Internal: the reader's judgement of lead phrases on a line (which may be a wrapped line, so
// it is stricter than the UNR305/UNR306 rules).  The word lists themselves live in src/words.hpp.
#pragma once
#include <string_view>

namespace unres::readers {

/// The first word(s) of `s` look like the lead of a preambular paragraph ("Recalling",
/// "Deeply concerned", "Aware", "Bearing in mind", "Having considered").
bool is_preamble_lead(std::string_view s);

/// The first word(s) of `s` look like an operative verb phrase in the present tense
/// ("Decides", "Also requests", "Calls upon", "Takes note").
bool is_operative_lead(std::string_view s);

/// The first word of `s`.
std::string_view first_word(std::string_view s);

}  // namespace unres::readers
