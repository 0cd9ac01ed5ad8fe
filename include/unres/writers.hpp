// unres/writers.hpp — Akoma Ntoso, JSON tree, diagnostics renderings.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "unres/diagnostic.hpp"
#include "unres/document.hpp"
#include "unres/rule.hpp"
#include "unres/source.hpp"

namespace unres {

struct AknOptions {
    std::string manifestation_date;  ///< ISO; default: the document date
};
/// Akoma Ntoso 3.0 (AKN4UN profile, see design/AKN-PROFILE.md). Deterministic bytes.
std::string to_akn(const Document& doc, const AknOptions& opts = {});

/// The JSON tree of INTERFACE.md (`convert --to json`).
std::string to_json(const Document& doc, const SourceFile& src,
                    const std::vector<Diagnostic>& diags);
/// The same bytes as to_json, handed to `sink` in pieces of about a megabyte as they are made,
/// so that the tree's JSON (larger than its source) is never whole in memory.
void write_json(const Document& doc, const SourceFile& src, const std::vector<Diagnostic>& diags,
                const std::function<void(std::string_view)>& sink);

/// The resolution as clean text in the UN's layout (`--to text`) or markdown.
std::string to_text(const Document& doc, bool markdown);

/// One checked file, for the diagnostics renderers.
struct FileReport {
    const SourceFile* src = nullptr;
    InputFormat format = InputFormat::Text;
    std::vector<Diagnostic> diagnostics;
};

struct RenderOptions {
    bool color = false;
    bool excerpt = true;  ///< source line + caret under each diagnostic
};
std::string render_text(const std::vector<FileReport>& files, const RenderOptions& opts);
std::string render_json(const std::vector<FileReport>& files);
/// SARIF 2.1.0.  `rules` (the CLI passes the registry's all_rules()) are listed as the tool's
/// rules, in their order; a result whose rule is among them gets its ruleIndex.
std::string render_sarif(const std::vector<FileReport>& files, const std::vector<RuleInfo>& rules);
std::string render_github(const std::vector<FileReport>& files);

}  // namespace unres
