// `unres convert DIR --to FORMAT -o OUTDIR [-j N]`: a whole corpus in one process.
//
// Input: a directory, expanded as `check DIR` expands it (the files check_takes, recursively, hidden
// entries skipped, sorted), minus anything below OUTDIR when OUTDIR is a sub-directory of DIR (so a
// second run does not read the first run's output).  Output: for DIR/a/b.txt, OUTDIR/a/b.akn.xml (json:
// b.json, text: b.txt, markdown: b.md; the input's last extension replaced), directories created as
// needed; the place is the input's path below DIR as listed (a link to a file elsewhere keeps its
// place and name).  Guarantees: files are converted on -j threads (default: all cores), each output is
// written atomically (temporary file + rename; each file system written to is synced once at the end,
// syncfs, instead of once per file), a file that fails is reported on stderr as `unres: PATH: MESSAGE` and the others go on;
// an output that would overwrite its own input is such a failure, and so is an input whose output
// another input (before it in the sorted list: b.md before b.txt) already has.  A progress bar shows on a
// terminal for runs of more than kProgressMinFiles files; a summary line closes the run unless -q.
// Exit 0 when every file was converted, 2 when any failed or none was found.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.hpp"
#include "cli/parallel.hpp"
#include "unres/parse.hpp"

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

/// Writing `out` (temporary file + rename) would replace the input `in`: `out` is the input
/// itself, or a link to it.  One stat when `out` does not exist yet (the usual case); the paths
/// are resolved only when both name the same file (a hard link to the input is another entry,
/// which the rename replaces without touching the input).
bool would_overwrite(const fs::path& out, const fs::path& in) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(out, ec)) || !fs::equivalent(out, in, ec) || ec) return false;
    return fs::is_symlink(fs::symlink_status(out, ec)) || normal(out) == normal(in);
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
    // Files below OUTDIR are left out when OUTDIR lies in DIR: the only case where the listing
    // (which does not enter linked directories) can reach it, so only then is each file's path resolved.
    const bool out_in_dir = out_root == in_root || is_below(out_root, in_root);
    std::vector<std::string> inputs;
    for (const std::string& f : found.files)
        if (out_root == in_root || !out_in_dir || !is_below(normal(f), out_root)) inputs.push_back(f);
    if (inputs.empty()) throw UsageError(nothing_to_read(found, {opts.path}, "convert"));
    fs::create_directories(out_root, ec);
    if (ec) throw UsageError(opts.output + ": cannot create the directory: " + ec.message());

    // Each input's output: its path below DIR as listed, without resolving links (so two links
    // named l.txt in a/ and b/ do not meet in OUTDIR/l.akn.xml), the last extension replaced.
    const fs::path cwd = fs::current_path(ec);
    const fs::path in_listed = (fs::path(opts.path).is_absolute() ? fs::path(opts.path) : cwd / opts.path).lexically_normal();
    std::vector<fs::path> outputs(inputs.size());
    std::vector<std::string> errors(inputs.size());
    std::map<fs::path, std::size_t> claimed;  // output -> the first input that has it
    std::map<fs::path, std::size_t> listed;   // each input, at its place below DIR
    std::vector<fs::path> rels(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const fs::path p(inputs[i]);
        rels[i] = (p.is_absolute() ? p : cwd / p).lexically_normal().lexically_relative(in_listed);
        if (rels[i].empty() || *rels[i].begin() == "..") rels[i] = p.filename();
        listed.emplace(in_root / rels[i], i);
    }
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        fs::path out = out_root / rels[i];
        out.replace_extension();
        out += std::string(extension_for(opts.to));
        if (auto in = listed.find(out); in != listed.end() && in->second != i)  // -o DIR: b.md's text output is b.txt
            errors[i] = with_path(inputs[i], "its output " + out.string() + " would overwrite the input " + inputs[in->second] +
                                                 ": it is not converted");
        else if (auto [at, fresh] = claimed.emplace(out, i); !fresh)
            errors[i] = with_path(inputs[i], "its output " + out.string() + " is also the output of " + inputs[at->second] +
                                                 ": it is not converted (rename one of them)");
        outputs[i] = std::move(out);
    }

    std::vector<std::string> out_dirs(inputs.size());  // where each output went, for the final sync
    Progress progress(inputs.size(), !opts.quiet && inputs.size() > kProgressMinFiles && ::isatty(STDERR_FILENO) != 0);
    auto work = [&](std::size_t i) {
        const std::string& path = inputs[i];
        if (!errors[i].empty()) {  // refused above: its output is another input, or another input's output
            progress.tick();
            return;
        }
        try {
            const fs::path& out = outputs[i];
            if (would_overwrite(out, path)) throw UsageError("the output " + out.string() + " would overwrite the input");
            SourceFile src = unres::load_source(path);  // text, .docx or PDF, as `convert FILE` reads it
            Document doc = parse(src, fmt);
            if (opts.to != "json") src = SourceFile();  // only the JSON tree reads it again (convert.cpp)
            std::error_code dir_ec;
            fs::create_directories(out.parent_path(), dir_ec);
            if (dir_ec) throw UsageError(out.parent_path().string() + ": cannot create the directory: " + dir_ec.message());
            out_dirs[i] = out.parent_path().string();
            write_converted(out.string(), opts.to, doc, src, false);  // as `convert FILE -o` writes it
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
