// unres/validate.hpp — the editorial rules (registry in src/rules/registry.cpp).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "unres/diagnostic.hpp"
#include "unres/document.hpp"
#include "unres/rule.hpp"

namespace unres {

/// Every rule, sorted by id.
const std::vector<RuleInfo>& all_rules();
/// nullptr when unknown.
const RuleInfo* find_rule(std::string_view id);

/// Runs every rule on the document; returns the builder's diagnostics plus the rules',
/// sorted by position.
std::vector<Diagnostic> validate(const Document& doc, const SourceFile& src);

}  // namespace unres
