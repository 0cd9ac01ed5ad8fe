// Internal: the words of UN resolutions the reader relies on (lead phrases, organs,
// States whose names contain "and").  Lists, not rules keyed to one document.
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

/// Month name?
bool is_month(std::string_view w);

/// Words after which a number is a quantity or a reference, never a footnote mark.
bool is_number_context_word(std::string_view w);

/// Official State names that contain " and " (so sponsor lists are split right).
bool is_and_state(std::string_view name);

/// A name of a principal organ or body that opens the enacting formula.
bool is_organ_name(std::string_view s);

}  // namespace unres::readers
