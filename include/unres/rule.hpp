// unres/rule.hpp — what a rule is, as data: the registry (src/rules/registry.cpp) owns the
// table, and the writers that describe rules (SARIF) take it as a parameter.
#pragma once
#include <string_view>

#include "unres/diagnostic.hpp"

namespace unres {

struct RuleInfo {
    std::string_view id;        ///< "UNR101"
    std::string_view name;      ///< "operative-numbering-gap"
    Severity severity;          ///< default severity
    std::string_view summary;   ///< one line
    std::string_view doc;       ///< markdown: What it does / Why / Example / Fix
};

}  // namespace unres
