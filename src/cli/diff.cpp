// `unres diff OLD NEW`: parse two versions, compare them (include/unres/diff.hpp), print the
// comparison as text, JSON or HTML.  Exit codes like diff(1): 0 same, 1 different, 2 trouble.
// Nothing is written before both inputs are read and compared, so a failure leaves no output.
#include "cli/diff.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <unistd.h>

#include "cli/cli.hpp"
#include "unres/diff.hpp"
#include "unres/parse.hpp"

namespace unres::cli {
namespace {

void require_file(const std::string& path) {
    if (path == "-") return;
    std::error_code ec;
    auto st = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(st)) throw UsageError(path + ": no such file or directory");
    if (std::filesystem::is_directory(st)) throw UsageError(path + ": is a directory (diff compares two files)");
}

SourceFile load(const std::string& path, const std::string& stdin_bytes) {
    try {
        return load_source(path, &stdin_bytes);
    } catch (const InputError& e) {
        throw UsageError(with_path(path == "-" ? kStdinName : path, e.what()));
    }
}

Document parse_or_fail(const SourceFile& src, InputFormat fmt) {
    try {
        return parse(src, fmt);
    } catch (const InputError& e) {
        throw UsageError(with_path(src.path(), e.what()));
    }
}

}  // namespace

int run_diff(const DiffCliOptions& opts) {
    InputFormat fmt = parse_input_format(opts.input_format);
    if (opts.format != "text" && opts.format != "json" && opts.format != "html")
        throw UsageError("unknown --format '" + opts.format + "' (text, json, html)");
    if (opts.old_path == "-" && opts.new_path == "-")
        throw UsageError("only one of OLD and NEW can be standard input");
    require_file(opts.old_path);
    require_file(opts.new_path);

    std::string stdin_bytes;
    if (opts.old_path == "-" || opts.new_path == "-") stdin_bytes = read_stdin();
    SourceFile old_src = load(opts.old_path, stdin_bytes);
    SourceFile new_src = load(opts.new_path, stdin_bytes);
    Document old_doc = parse_or_fail(old_src, fmt);
    Document new_doc = parse_or_fail(new_src, fmt);

    DocDiff d = diff(old_doc, old_src, new_doc, new_src);
    std::string out;
    if (opts.format == "json") {
        out = diff_to_json(d);
    } else if (opts.format == "html") {
        out = diff_to_html(d);
    } else {
        DiffRenderOptions ro;
        bool to_stdout = opts.output.empty() || opts.output == "-";
        ro.color = opts.color == "always" || (to_stdout && use_color(opts.color, STDOUT_FILENO));
        out = diff_to_text(d, ro);
    }
    if (opts.output.empty() || opts.output == "-") write_stdout(out);
    else write_file_atomic(opts.output, out);
    return d.same() ? kExitOk : kExitFindings;
}

}  // namespace unres::cli
