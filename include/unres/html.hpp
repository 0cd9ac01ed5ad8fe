// unres/html.hpp — self-contained HTML pages (inline CSS, no script, no network).
//
// `unres diff --format html` is unres::diff_to_html (declared in unres/diff.hpp); this header
// declares the page of `unres check --format html`: each checked document as a readable text, its
// findings in place (under the paragraph, footnote or header they point into, the span marked).
#pragma once
#include <string>
#include <vector>

#include "unres/writers.hpp"

namespace unres {

/// One page for every checked file.  Each FileReport's source is parsed again (with its recorded
/// format) to lay the document out; the diagnostics are the report's, as filtered by the caller.
std::string render_html(const std::vector<FileReport>& files);

}  // namespace unres
