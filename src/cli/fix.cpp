// `unres fix`: renumber, re-letter, re-footnote and update cross-references in place.
//
// The edits come from unres::compute_fixes and replace label bytes only; the file is
// rewritten atomically in its own encoding (UTF-8 with or without BOM, UTF-16 with
// BOM).  `--diff` prints what would change, `--check` exits 1 when something would;
// neither writes.  "-" reads standard input and writes the fixed text to standard
// output.  Akoma Ntoso and Word input are refused (exit 2): the tool writes those,
// it does not edit them.
#include <algorithm>
#include <cctype>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>

#include "cli/cli.hpp"
#include "cli/config.hpp"
#include "unres/fix.hpp"
#include "unres/parse.hpp"

namespace fs = std::filesystem;

namespace unres::cli {

namespace {

/// What fix left alone and why, and the dangling references it marked (notes only without -q).
void print_fix_notes(const FixPlan& plan, const SourceFile& src, const std::string& shown, bool quiet) {
    for (const Diagnostic& n : plan.notes) {
        if (quiet && n.severity == Severity::Note) continue;
        LineCol lc = src.location(n.span.begin);
        std::cerr << shown << ':' << lc.line << ':' << lc.column << ": " << to_string(n.severity) << ": "
                  << n.message << '\n';
    }
}

/// Files fixed and left unchanged, and the unified diffs of --diff.
struct FixTally {
    std::size_t changed = 0, unchanged = 0;
    std::string diffs;
};

/// Fixes one file (or standard input, "-") as the options say: writes it back atomically,
/// prints it (stdin), adds its diff, or only says it would change (--check).
void fix_one(const std::string& path, const RuleFilter& filter, InputFormat fmt, const FixCliOptions& opts,
             const std::string& stdin_bytes, FixTally& tally) {
    const std::string shown = path == "-" ? kStdinName : path;
    SourceFile src = load_source(path, &stdin_bytes);
    Document doc = parse(src, fmt);
    if (doc.format == InputFormat::Akn || doc.format == InputFormat::Docx || doc.format == InputFormat::Pdf)
        throw InputError("fix works on text and markdown, not " + std::string(to_string(doc.format)));
    FixOptions fo;
    fo.numbering = filter.family_enabled("UNR1");
    fo.footnotes = filter.family_enabled("UNR2");
    fo.references = filter.family_enabled("UNR4");
    FixPlan plan = plan_fixes(doc, src, fo);
    print_fix_notes(plan, src, shown, opts.quiet);
    const std::vector<Edit>& edits = plan.edits;
    std::string fixed = apply_edits(src.text(), edits);
    if (edits.empty()) {
        ++tally.unchanged;
        if (path == "-" && !opts.diff && !opts.check) write_stdout(src.raw());
        return;
    }
    std::string bytes = encode_like(src, fixed);  // before counting: it may refuse
    ++tally.changed;
    if (opts.diff) tally.diffs += unified_diff(src.text(), fixed, shown, shown);
    if (opts.check) {
        if (!opts.quiet) std::cerr << "would fix " << shown << " (" << edits.size() << " labels)\n";
    } else if (!opts.diff) {
        if (path == "-") {
            write_stdout(bytes);
        } else {
            write_file_atomic(path, bytes);
            if (!opts.quiet) std::cerr << "fixed " << shown << " (" << edits.size() << " labels)\n";
        }
    }
}

}  // namespace

int run_fix(const FixCliOptions& opts) {
    InputFormat fmt = parse_input_format(opts.input_format);
    if (fmt == InputFormat::Akn || fmt == InputFormat::Docx || fmt == InputFormat::Pdf)
        throw UsageError("fix works on text and markdown, not " + std::string(to_string(fmt)));
    ConfigResolver configs({opts.select, opts.ignore, false});

    // Files named on the command line are fixed whatever their extension (Akoma Ntoso
    // is then refused); from a directory, only text and markdown files are taken, so
    // that `unres fix drafts/` works next to the XML that unres wrote.
    Inputs inputs = expand_paths(opts.paths, fix_takes);
    const std::vector<std::string>& missing = inputs.missing;
    const std::vector<std::string>& paths = inputs.files;
    for (const std::string& m : missing) std::cerr << "unres: " << m << ": no such file or directory\n";
    if (opts.verbose) print_skipped(inputs);
    if (paths.empty() && missing.empty()) throw UsageError(nothing_to_read(inputs, opts.paths, "fix"));
    // Every configuration is read before any file is touched.
    std::vector<const RuleFilter*> filters;
    for (const std::string& path : paths) filters.push_back(&configs.filter_for(path));

    std::string stdin_bytes;
    if (std::find(paths.begin(), paths.end(), "-") != paths.end()) stdin_bytes = read_stdin();

    bool failed = !missing.empty();
    FixTally tally;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const std::string shown = paths[i] == "-" ? kStdinName : paths[i];
        try {
            fix_one(paths[i], *filters[i], fmt, opts, stdin_bytes, tally);
        } catch (const InputError& e) {
            std::cerr << "unres: " << with_path(shown, e.what()) << '\n';
            failed = true;
        } catch (const UsageError& e) {
            std::cerr << "unres: " << with_path(shown, e.what()) << '\n';
            failed = true;
        }
    }
    if (!tally.diffs.empty()) write_stdout(tally.diffs);
    bool only_stdout = paths.size() == 1 && paths.front() == "-" && !opts.check && !opts.diff;
    const std::size_t changed = tally.changed, unchanged = tally.unchanged;
    if (!opts.quiet && !only_stdout && changed + unchanged > 0) {
        bool dry = opts.check || opts.diff;
        std::cerr << changed << (changed == 1 ? " file " : " files ") << (dry ? "would be fixed, " : "fixed, ")
                  << unchanged << " unchanged\n";
    }
    if (failed) return kExitUsage;
    if (opts.check && changed > 0) return kExitFindings;
    return kExitOk;
}

}  // namespace unres::cli
