// `unres check`: parse and validate files (in parallel), render the diagnostics.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <optional>
#include <thread>

#include <unistd.h>

#include "cli/cli.hpp"
#include "unres/parse.hpp"
#include "unres/validate.hpp"
#include "unres/writers.hpp"

namespace unres::cli {
namespace {

/// Splits a comma list of rule ids or prefixes ("UNR101,UNR2"), upper-cased.  Each
/// entry must look like a rule id or a prefix of one: "UNR" and up to three digits.
std::vector<std::string> parse_selectors(const std::string& list, const char* option) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i <= list.size()) {
        std::size_t j = list.find(',', i);
        if (j == std::string::npos) j = list.size();
        std::string s = list.substr(i, j - i);
        s.erase(0, s.find_first_not_of(" \t"));
        s.erase(s.find_last_not_of(" \t") + 1);
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        if (!s.empty()) {
            bool ok = s.size() >= 3 && s.size() <= 6 && s.compare(0, 3, "UNR") == 0 &&
                      std::all_of(s.begin() + 3, s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
            if (!ok)
                throw UsageError(std::string(option) + ": '" + s +
                                 "' is not a rule id or prefix (such as UNR101 or UNR2)");
            out.push_back(s);
        }
        i = j + 1;
    }
    return out;
}

bool matches_any(const std::string& rule, const std::vector<std::string>& prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](const std::string& p) { return rule.compare(0, p.size(), p) == 0; });
}

struct FileResult {
    std::optional<SourceFile> src;
    InputFormat format = InputFormat::Text;
    std::vector<Diagnostic> diagnostics;
    std::string error;  ///< non-empty: the file could not be checked (exit 2)
};

bool use_color(const std::string& mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    const char* term = std::getenv("TERM");
    if (term && std::string_view(term) == "dumb") return false;
    return ::isatty(STDERR_FILENO) != 0;
}

}  // namespace

int run_check(const CheckOptions& opts) {
    InputFormat fmt = parse_input_format(opts.input_format);
    std::vector<std::string> select = parse_selectors(opts.select, "--select");
    std::vector<std::string> ignore = parse_selectors(opts.ignore, "--ignore");

    std::vector<std::string> missing;
    std::vector<std::string> paths = expand_paths(opts.paths, missing);
    for (const std::string& m : missing) std::cerr << "unres: " << m << ": no such file or directory\n";

    std::string stdin_bytes;
    if (std::find(paths.begin(), paths.end(), "-") != paths.end()) stdin_bytes = read_stdin();

    std::vector<FileResult> results(paths.size());
    auto work = [&](std::size_t i) {
        FileResult& r = results[i];
        const std::string& path = paths[i];
        try {
            r.src.emplace(load_source(path, &stdin_bytes));
            Document doc = parse(*r.src, fmt);
            r.format = doc.format;
            std::vector<Diagnostic> diags = validate(doc, *r.src);
            for (Diagnostic& d : diags) {
                if (!select.empty() && !matches_any(d.rule, select)) continue;
                if (matches_any(d.rule, ignore)) continue;
                if (opts.werror && d.severity == Severity::Warning) d.severity = Severity::Error;
                r.diagnostics.push_back(std::move(d));
            }
        } catch (const InputError& e) {
            r.error = with_path(path == "-" ? kStdinName : path, e.what());
        } catch (const std::exception& e) {
            r.error = with_path(path == "-" ? kStdinName : path, std::string("internal error: ") + e.what());
        } catch (...) {
            r.error = with_path(path == "-" ? kStdinName : path, "internal error");
        }
    };

    unsigned jobs = opts.jobs ? opts.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, paths.size()));
    if (jobs <= 1) {
        for (std::size_t i = 0; i < paths.size(); ++i) work(i);
    } else {
        std::atomic<std::size_t> next{0};
        std::vector<std::thread> pool;
        pool.reserve(jobs);
        for (unsigned t = 0; t < jobs; ++t)
            pool.emplace_back([&] {
                for (std::size_t i = next++; i < paths.size(); i = next++) work(i);
            });
        for (std::thread& th : pool) th.join();
    }

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

    if (opts.format == "text") {
        RenderOptions ro;
        ro.color = use_color(opts.color);
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
        write_stdout(render_sarif(reports));
    } else if (opts.format == "github") {
        write_stdout(render_github(reports));
    } else {
        throw UsageError("unknown --format '" + opts.format + "' (text, json, sarif, github)");
    }

    if (input_failed) return kExitUsage;
    for (const FileReport& r : reports)
        for (const Diagnostic& d : r.diagnostics)
            if (d.severity == Severity::Error) return kExitFindings;
    return kExitOk;
}

}  // namespace unres::cli
