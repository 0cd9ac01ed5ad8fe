// `unres rules` and `unres explain`: the rule catalogue, printed from the registry.
#include <algorithm>
#include <cctype>
#include <string>

#include "cli/cli.hpp"
#include "unres/validate.hpp"
#include "writers/json_util.hpp"

namespace unres::cli {
namespace {

std::string md_cell(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += "\\|";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

std::string pad(std::string_view s, std::size_t width) {
    std::string out(s);
    if (out.size() < width) out.append(width - out.size(), ' ');
    return out;
}

}  // namespace

int run_rules(const std::string& format) {
    const std::vector<RuleInfo>& rules = all_rules();
    std::string out;
    if (format == "text") {
        std::size_t wid = 2, wname = 4;
        for (const RuleInfo& r : rules) {
            wid = std::max(wid, r.id.size());
            wname = std::max(wname, r.name.size());
        }
        for (const RuleInfo& r : rules) {
            out += pad(r.id, wid) + "  " + pad(r.name, wname) + "  " + pad(to_string(r.severity), 7) + "  ";
            out += r.summary;
            out += '\n';
        }
    } else if (format == "md") {
        out += "# unres rules\n\n| Rule | Name | Default severity | Summary |\n|---|---|---|---|\n";
        for (const RuleInfo& r : rules)
            out += "| " + std::string(r.id) + " | " + md_cell(r.name) + " | " + std::string(to_string(r.severity)) +
                   " | " + md_cell(r.summary) + " |\n";
        for (const RuleInfo& r : rules) {
            out += "\n## " + std::string(r.id) + ": " + std::string(r.name) + "\n\n";
            out += "Default severity: " + std::string(to_string(r.severity)) + ". " + std::string(r.summary) + "\n";
            if (!r.doc.empty()) {
                out += '\n';
                out += r.doc;
                if (r.doc.back() != '\n') out += '\n';
            }
        }
    } else if (format == "json") {
        json::Writer w;
        w.begin_object();
        w.key("rules").begin_array();
        for (const RuleInfo& r : rules) {
            w.begin_object();
            w.key("id").string(r.id);
            w.key("name").string(r.name);
            w.key("severity").string(to_string(r.severity));
            w.key("summary").string(r.summary);
            w.key("doc").string(r.doc);
            w.end_object();
        }
        w.end_array();
        w.end_object();
        out = w.take_document();
    } else {
        throw UsageError("unknown --format '" + format + "' (text, md, json)");
    }
    write_stdout(out);
    return kExitOk;
}

int run_explain(const std::string& rule) {
    std::string id = rule;
    std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    const RuleInfo* r = find_rule(id);
    if (!r) {
        for (const RuleInfo& x : all_rules())
            if (x.name == rule) r = &x;
    }
    if (!r) throw UsageError("unknown rule '" + rule + "' (unres rules lists them)");
    std::string out = "# " + std::string(r->id) + ": " + std::string(r->name) + "\n\n";
    out += "Default severity: " + std::string(to_string(r->severity)) + "\n\n";
    out += std::string(r->summary) + "\n";
    if (!r->doc.empty()) {
        out += '\n';
        out += r->doc;
        if (r->doc.back() != '\n') out += '\n';
    }
    write_stdout(out);
    return kExitOk;
}

}  // namespace unres::cli
