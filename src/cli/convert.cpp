// `unres convert`: one document to Akoma Ntoso, the JSON tree, text or markdown (a directory:
// src/cli/batch.cpp), and what both write (converted, write_converted).  Standard output gets the
// whole document once it is made, so a failure on the way leaves nothing half-written there.
#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "cli/cli.hpp"
#include "unres/parse.hpp"
#include "unres/validate.hpp"
#include "unres/writers.hpp"

namespace unres::cli {

int run_convert(const ConvertOptions& opts) {
    InputFormat fmt = parse_input_format(opts.input_format);
    if (opts.to != "akn" && opts.to != "json" && opts.to != "text" && opts.to != "markdown")
        throw UsageError("unknown --to '" + opts.to + "' (akn, json, text, markdown)");

    std::string stdin_bytes;
    if (opts.path == "-") {
        stdin_bytes = read_stdin();
    } else {
        std::error_code ec;
        auto st = std::filesystem::status(opts.path, ec);
        if (ec || !std::filesystem::exists(st)) throw UsageError(opts.path + ": no such file or directory");
        if (std::filesystem::is_directory(st)) return run_convert_batch(opts);
    }

    SourceFile src = [&] {
        try {
            return load_source(opts.path, &stdin_bytes);
        } catch (const InputError& e) {
            throw UsageError(with_path(opts.path == "-" ? kStdinName : opts.path, e.what()));
        }
    }();
    // An empty input (white space and control characters only) has nothing to convert:
    // exit 2, no output is written.
    if (std::all_of(src.text().begin(), src.text().end(),
                    [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; }))
        throw UsageError(with_path(src.path(), "input is empty (no text, white space only): nothing to convert"));
    Document doc;
    try {
        doc = parse(src, fmt);
    } catch (const InputError& e) {
        throw UsageError(with_path(src.path(), e.what()));
    }

    // Only the JSON tree reads the source again (positions, diagnostics): the others let it go
    // before their output is made (peak memory holds the tree and the output, not the input too).
    if (opts.to != "json") src = SourceFile();
    if (opts.output.empty() || opts.output == "-") write_stdout(converted(opts.to, doc, src));
    else write_converted(opts.output, opts.to, doc, src, true);
    return kExitOk;
}

std::string converted(const std::string& to, const Document& doc, const SourceFile& src) {
    if (to == "akn") return to_akn(doc);
    if (to == "json") return to_json(doc, src, validate(doc, src));
    return to_text(doc, to == "markdown");
}

void write_converted(const std::string& path, const std::string& to, const Document& doc, const SourceFile& src,
                     bool durable) {
    if (to != "json") {
        write_file_atomic(path, converted(to, doc, src), durable);
        return;
    }
    // The JSON tree goes to its file as it is made: it is larger than the source, and never whole
    // in memory.  AtomicFile: a failure on the way leaves the file as it was.
    const std::vector<Diagnostic> diags = validate(doc, src);
    AtomicFile file(path);
    write_json(doc, src, diags, [&](std::string_view piece) { file.write(piece); });
    file.commit(durable);
}

}  // namespace unres::cli
