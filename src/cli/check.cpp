// `unres check`: parse and validate files (in parallel), render the diagnostics.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <optional>
#include <thread>

#include <unistd.h>

#include "cli/cli.hpp"
#include "cli/config.hpp"
#include "cli/parallel.hpp"
#include "unres/html.hpp"
#include "unres/parse.hpp"
#include "unres/validate.hpp"
#include "unres/writers.hpp"

namespace unres::cli {
namespace {

struct FileResult {
    std::optional<SourceFile> src;
    InputFormat format = InputFormat::Text;
    std::vector<Diagnostic> diagnostics;
    std::string error;  ///< non-empty: the file could not be checked (exit 2)
};

/// A file found in a directory that cannot be read: one file-level diagnostic (UNR900), so the
/// run goes on.
void not_checked(FileResult& r, const std::string& path, std::string msg, const RuleFilter& filter) {
    if (msg.compare(0, path.size() + 2, path + ": ") == 0) msg.erase(0, path.size() + 2);
    r.src.emplace(SourceFile::from_bytes(path, ""));
    r.diagnostics.clear();
    Diagnostic d;
    d.rule = "UNR900";
    d.severity = Severity::Error;
    d.message = "not checked: " + msg;
    if (std::optional<Severity> sev = filter.apply(d.rule, d.severity)) {
        d.severity = *sev;
        r.diagnostics.push_back(std::move(d));
    }
}

/// Reads, parses and validates one file; its diagnostics as its rule selection says, or the
/// error that stops it.
void check_one(FileResult& r, const std::string& path, bool in_directory, InputFormat fmt, const RuleFilter& filter,
               const std::string& stdin_bytes) {
    try {
        r.src.emplace(load_source(path, &stdin_bytes));
        Document doc = parse(*r.src, fmt);
        r.format = doc.format;
        std::vector<Diagnostic> diags = validate(doc, *r.src);
        for (Diagnostic& d : diags) {
            std::optional<Severity> sev = filter.apply(d.rule, d.severity);
            if (!sev) continue;
            d.severity = *sev;
            r.diagnostics.push_back(std::move(d));
        }
    } catch (const InputError& e) {
        if (in_directory) not_checked(r, path, e.what(), filter);
        else r.error = with_path(path == "-" ? kStdinName : path, e.what());
    } catch (const std::exception& e) {
        r.error = with_path(path == "-" ? kStdinName : path, std::string("internal error: ") + e.what());
    } catch (...) {
        r.error = with_path(path == "-" ? kStdinName : path, "internal error");
    }
}

/// Writes the reports in the format asked for: text on stderr, the others on stdout.
void render_reports(const std::vector<FileReport>& reports, const CheckOptions& opts) {
    if (opts.format == "text") {
        RenderOptions ro;
        ro.color = use_color(opts.color, STDERR_FILENO);
        std::string out = render_text(reports, ro);
        if (opts.quiet) {
            // The summary is always the last line; -q prints the diagnostics only.
            std::size_t cut = out.rfind('\n', out.size() >= 2 ? out.size() - 2 : 0);
            out.erase(cut == std::string::npos ? 0 : cut + 1);
        }
        std::cerr << out << std::flush;
    } else if (opts.format == "json") {
        write_stdout(render_json(reports));
    } else if (opts.format == "sarif") {
        write_stdout(render_sarif(reports, all_rules()));
    } else if (opts.format == "github") {
        write_stdout(render_github(reports));
    } else if (opts.format == "html") {
        write_stdout(render_html(reports));
    } else {
        throw UsageError("unknown --format '" + opts.format + "' (text, json, sarif, github, html)");
    }
}

}  // namespace

int run_check(const CheckOptions& opts) {
    InputFormat fmt = parse_input_format(opts.input_format);
    ConfigResolver configs({opts.select, opts.ignore, opts.werror});

    Inputs inputs = expand_paths(opts.paths, check_takes);
    const std::vector<std::string>& missing = inputs.missing;
    const std::vector<std::string>& paths = inputs.files;
    for (const std::string& m : missing) std::cerr << "unres: " << m << ": no such file or directory\n";
    if (opts.verbose) print_skipped(inputs);
    // Nothing to check is never a pass: a CI job on an empty or PDF-only directory fails.
    if (paths.empty() && missing.empty()) throw UsageError(nothing_to_read(inputs, opts.paths, "check"));

    // Each file's rule selection (unres.json found from its directory, then the
    // command line); an invalid configuration stops everything before any output.
    std::vector<const RuleFilter*> filters;
    filters.reserve(paths.size());
    for (const std::string& path : paths) filters.push_back(&configs.filter_for(path));

    std::string stdin_bytes;
    if (std::find(paths.begin(), paths.end(), "-") != paths.end()) stdin_bytes = read_stdin();

    std::vector<FileResult> results(paths.size());
    Progress progress(paths.size(), !opts.quiet && paths.size() > kProgressMinFiles && ::isatty(STDERR_FILENO) != 0);
    run_parallel(paths.size(), opts.jobs, [&](std::size_t i) {
        check_one(results[i], paths[i], inputs.in_directory[i], fmt, *filters[i], stdin_bytes);
        progress.tick();
    });
    progress.finish();

    bool input_failed = !missing.empty();
    std::vector<FileReport> reports;
    for (FileResult& r : results) {
        if (!r.error.empty()) {
            std::cerr << "unres: " << r.error << '\n';
            input_failed = true;
            continue;
        }
        reports.push_back({&*r.src, r.format, std::move(r.diagnostics)});
    }

    // Nothing could be read: the messages above are the whole output.
    if (input_failed && reports.empty()) return kExitUsage;
    render_reports(reports, opts);
    if (input_failed) return kExitUsage;
    for (const FileReport& r : reports)
        for (const Diagnostic& d : r.diagnostics)
            if (d.severity == Severity::Error) return kExitFindings;
    return kExitOk;
}

}  // namespace unres::cli
