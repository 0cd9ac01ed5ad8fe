// `unres convert DIR --to FORMAT -o OUTDIR [-j N]`: a whole corpus in one process.
//
// Input: a directory, expanded as `check DIR` expands it (the files check_takes, recursively, hidden
// entries skipped, sorted), minus anything below OUTDIR when OUTDIR is a sub-directory of DIR (so a
// second run does not read the first run's output).  Output: for DIR/a/b.txt, OUTDIR/a/b.akn.xml (json:
// b.json, text: b.txt, markdown: b.md; the input's last extension replaced), directories created as
// needed.  Guarantees: files are converted on -j threads (default: all cores), each output is
// written atomically (temporary file + rename; each file system written to is synced once at the end,
// syncfs, instead of once per file), a file that fails is reported on stderr as `unres: PATH: MESSAGE` and the others go on;
// an output that would overwrite its own input is such a failure.  A progress bar shows on a
// terminal for runs of more than kProgressMinFiles files; a summary line closes the run unless -q.
// Exit 0 when every file was converted, 2 when any failed or none was found.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.hpp"
#include "cli/parallel.hpp"
#include "unres/parse.hpp"
#include "unres/validate.hpp"
#include "unres/writers.hpp"

namespace fs = std::filesystem;

namespace unres::cli {
namespace {

std::string_view extension_for(const std::string& to) {
    if (to == "akn") return ".akn.xml";
    if (to == "json") return ".json";
    if (to == "markdown") return ".md";
    return ".txt";
}

/// `path` lies at or below `dir` (both made absolute and normal; no file system access).
bool is_below(const fs::path& path, const fs::path& dir) {
    auto p = path.begin(), d = dir.begin();
    for (; d != dir.end(); ++d, ++p) {
        if (d->empty()) continue;  // a trailing separator
        if (p == path.end() || *p != *d) return false;
    }
    return true;
}

fs::path normal(const fs::path& p) {
    std::error_code ec;
    fs::path a = fs::weakly_canonical(fs::absolute(p, ec), ec);
    return ec ? fs::absolute(p).lexically_normal() : a;
}

/// Flushes the outputs to disk once for the whole run: syncfs() on one directory of each file
/// system the outputs went to (`dirs`: the directories written into; a sub-directory of OUTDIR may
/// be another mount), not every file system of the machine as sync() does.  sync() is the fallback
/// where syncfs is missing (not Linux) or fails.
void sync_outputs(std::vector<std::string> dirs) {
#ifdef __linux__
    std::sort(dirs.begin(), dirs.end());
    dirs.erase(std::unique(dirs.begin(), dirs.end()), dirs.end());
    std::vector<dev_t> synced;
    bool ok = true;
    for (const std::string& d : dirs) {
        if (d.empty()) continue;  // that file failed before its directory was known
        struct stat st {};
        if (::stat(d.c_str(), &st) != 0) continue;  // nothing was written there
        if (std::find(synced.begin(), synced.end(), st.st_dev) != synced.end()) continue;
        int fd = ::open(d.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        ok = fd >= 0 && ::syncfs(fd) == 0 && ok;
        if (fd >= 0) ::close(fd);
        synced.push_back(st.st_dev);
    }
    if (ok) return;
#else
    (void)dirs;
#endif
    ::sync();
}

}  // namespace

int run_convert_batch(const ConvertOptions& opts) {
    InputFormat fmt = parse_input_format(opts.input_format);
    if (opts.output.empty() || opts.output == "-")
        throw UsageError(opts.path + ": is a directory: give the output directory with -o OUTDIR");
    const fs::path in_root = normal(opts.path);
    const fs::path out_root = normal(opts.output);
    std::error_code ec;
    if (fs::exists(out_root, ec) && !fs::is_directory(out_root, ec))
        throw UsageError(opts.output + ": is not a directory (convert DIR writes one file per input into -o OUTDIR)");

    Inputs found = expand_paths({opts.path}, check_takes);
    std::vector<std::string> inputs;
    for (const std::string& f : found.files)
        if (out_root == in_root || !is_below(normal(f), out_root)) inputs.push_back(f);
    if (inputs.empty()) throw UsageError(nothing_to_read(found, {opts.path}, "convert"));
    fs::create_directories(out_root, ec);
    if (ec) throw UsageError(opts.output + ": cannot create the directory: " + ec.message());

    std::vector<std::string> errors(inputs.size());
    std::vector<std::string> out_dirs(inputs.size());  // where each output went, for the final sync
    Progress progress(inputs.size(), !opts.quiet && inputs.size() > kProgressMinFiles && ::isatty(STDERR_FILENO) != 0);
    auto work = [&](std::size_t i) {
        const std::string& path = inputs[i];
        try {
            const fs::path npath = normal(path);  // once: it reads each link on the way
            fs::path rel = npath.lexically_relative(in_root);
            if (rel.empty() || *rel.begin() == "..") rel = fs::path(path).filename();
            fs::path out = out_root / rel;
            out.replace_extension();
            out += std::string(extension_for(opts.to));
            if (normal(out) == npath) throw UsageError("the output " + out.string() + " would overwrite the input");
            SourceFile src = unres::load_source(path);  // text, .docx or PDF, as `convert FILE` reads it
            Document doc = parse(src, fmt);
            if (opts.to != "json") src = SourceFile();  // only the JSON tree reads it again (convert.cpp)
            std::string data;
            if (opts.to == "akn") data = to_akn(doc);
            else if (opts.to == "json") data = to_json(doc, src, validate(doc, src));
            else data = to_text(doc, opts.to == "markdown");
            std::error_code dir_ec;
            fs::create_directories(out.parent_path(), dir_ec);
            if (dir_ec) throw UsageError(out.parent_path().string() + ": cannot create the directory: " + dir_ec.message());
            out_dirs[i] = out.parent_path().string();
            write_file_atomic(out.string(), data, false);
        } catch (const InputError& e) {
            errors[i] = with_path(path, e.what());
        } catch (const UsageError& e) {
            errors[i] = with_path(path, e.what());
        } catch (const std::exception& e) {
            errors[i] = with_path(path, std::string("internal error: ") + e.what());
        } catch (...) {
            errors[i] = with_path(path, "internal error");
        }
        progress.tick();
    };
    run_parallel(inputs.size(), opts.jobs, work);
    progress.finish();
    sync_outputs(std::move(out_dirs));  // the outputs were renamed into place without fsync: one sync for the run

    std::size_t failed = 0;
    for (const std::string& e : errors)
        if (!e.empty()) {
            std::cerr << "unres: " << e << '\n';
            ++failed;
        }
    if (!opts.quiet)
        std::cerr << "converted " << inputs.size() - failed << " of " << inputs.size() << " files to " << opts.output
                  << (failed ? " (" + std::to_string(failed) + " failed)" : std::string()) << '\n';
    return failed ? kExitUsage : kExitOk;
}

}  // namespace unres::cli
