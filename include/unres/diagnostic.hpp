// unres/diagnostic.hpp — findings of the builder and the validator.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "unres/source.hpp"

namespace unres {

enum class Severity { Note = 0, Warning = 1, Error = 2 };
std::string_view to_string(Severity s);

/// Replace `span` with `replacement` (an empty span is an insertion), as clang fix-its.
struct Edit {
    Span span;
    std::string replacement;
};

struct Fix {
    std::string title;
    std::vector<Edit> edits;
};

/// A related location ("note: previous paragraph 6 is here").
struct Related {
    Span span;
    std::string message;
};

struct Diagnostic {
    std::string rule;  ///< stable id, e.g. "UNR101"
    Severity severity = Severity::Warning;
    Span span;
    std::string message;
    std::vector<Related> notes;
    std::optional<Fix> fix;
};

/// Sorts by position, then rule id (stable output for goldens).
void sort_diagnostics(std::vector<Diagnostic>& diags);

}  // namespace unres
