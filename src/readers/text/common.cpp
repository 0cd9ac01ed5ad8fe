// Shared helper of the stages: diagnostics.
#include "readers/text/reader.hpp"

namespace unres::readers::stages {

void TextReader::diag(std::string rule, Severity sev, Span span, std::string msg) {
    Diagnostic d;
    d.rule = std::move(rule);
    d.severity = sev;
    d.span = span;
    d.message = std::move(msg);
    doc_.diagnostics.push_back(std::move(d));
}

}  // namespace unres::readers::stages
