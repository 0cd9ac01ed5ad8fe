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

bool use_color(const std::string& mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    const char* term = std::getenv("TERM");
    if (term && std::string_view(term) == "dumb") return false;
    return ::isatty(STDERR_FILENO) != 0;
}

/// "[=====>    ] 123/456 files" on stderr, redrawn in place (at most every 50 ms) and
/// erased at the end.  Only when stderr is a terminal, not with -q, for long runs.
class Progress {
public:
    Progress(std::size_t total, bool enabled) : total_(total), enabled_(enabled) {}
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// One more file done (called from the worker threads).
    void tick() {
        std::size_t done = ++done_;
        if (!enabled_) return;
        std::lock_guard<std::mutex> lock(mutex_);
        auto now = std::chrono::steady_clock::now();
        if (done < total_ && drawn_ && now - last_ < std::chrono::milliseconds(50)) return;
        last_ = now;
        draw(std::max(done, shown_));
    }
    /// Erases the bar, so the diagnostics start on a clean line.
    void finish() {
        if (!enabled_ || !drawn_) return;
        std::cerr << '\r' << std::string(width_, ' ') << '\r' << std::flush;
        drawn_ = false;
    }

private:
    void draw(std::size_t done) {
        constexpr std::size_t kBar = 30;
        std::size_t filled = total_ ? done * kBar / total_ : kBar;
        std::string bar(filled, '=');
        if (filled < kBar) bar += '>';
        bar.resize(kBar, ' ');
        std::string line = "[" + bar + "] " + std::to_string(done) + "/" + std::to_string(total_) + " files";
        width_ = std::max(width_, line.size());
        std::cerr << '\r' << line << std::flush;
        shown_ = done;
        drawn_ = true;
    }

    std::size_t total_;
    bool enabled_;
    std::atomic<std::size_t> done_{0};
    std::mutex mutex_;
    std::chrono::steady_clock::time_point last_{};
    std::size_t shown_ = 0;
    std::size_t width_ = 0;
    bool drawn_ = false;
};

/// Runs with more files than this show a progress bar (on a terminal).
constexpr std::size_t kProgressMinFiles = 20;

}  // namespace

int run_check(const CheckOptions& opts) {
    InputFormat fmt = parse_input_format(opts.input_format);
    ConfigResolver configs({opts.select, opts.ignore, opts.werror});

    std::vector<std::string> missing;
    std::vector<std::string> paths = expand_paths(opts.paths, missing);
    for (const std::string& m : missing) std::cerr << "unres: " << m << ": no such file or directory\n";

    // Each file's rule selection (unres.json found from its directory, then the
    // command line); an invalid configuration stops everything before any output.
    std::vector<const RuleFilter*> filters;
    filters.reserve(paths.size());
    for (const std::string& path : paths) filters.push_back(&configs.filter_for(path));

    std::string stdin_bytes;
    if (std::find(paths.begin(), paths.end(), "-") != paths.end()) stdin_bytes = read_stdin();

    std::vector<FileResult> results(paths.size());
    Progress progress(paths.size(), !opts.quiet && paths.size() > kProgressMinFiles && ::isatty(STDERR_FILENO) != 0);
    auto work = [&](std::size_t i) {
        FileResult& r = results[i];
        const std::string& path = paths[i];
        try {
            r.src.emplace(load_source(path, &stdin_bytes));
            Document doc = parse(*r.src, fmt);
            r.format = doc.format;
            std::vector<Diagnostic> diags = validate(doc, *r.src);
            for (Diagnostic& d : diags) {
                std::optional<Severity> sev = filters[i]->apply(d.rule, d.severity);
                if (!sev) continue;
                d.severity = *sev;
                r.diagnostics.push_back(std::move(d));
            }
        } catch (const InputError& e) {
            r.error = with_path(path == "-" ? kStdinName : path, e.what());
        } catch (const std::exception& e) {
            r.error = with_path(path == "-" ? kStdinName : path, std::string("internal error: ") + e.what());
        } catch (...) {
            r.error = with_path(path == "-" ? kStdinName : path, "internal error");
        }
        progress.tick();
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
        write_stdout(render_sarif(reports, all_rules()));
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
