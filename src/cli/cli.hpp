// Internal to the `unres` executable: the subcommands and what they share.
#pragma once
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "unres/document.hpp"
#include "unres/source.hpp"

namespace unres::cli {

/// Exit codes of INTERFACE.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

/// A usage or I/O problem: main() prints "unres: MESSAGE" on stderr and exits 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The name shown for standard input.
inline const char* const kStdinName = "<stdin>";

/// "auto" | "text" | "markdown" | "akn" | "docx" → InputFormat (UsageError otherwise).
InputFormat parse_input_format(const std::string& name);

/// Reads all of standard input (binary).
std::string read_stdin();

/// Loads one input: "-" reads `stdin_bytes`, anything else the file.  Throws InputError.
SourceFile load_source(const std::string& path, const std::string* stdin_bytes);

/// The files a run reads, from its PATH arguments.
struct Inputs {
    std::vector<std::string> files;   ///< in order, each once; "-" at most once
    std::vector<bool> in_directory;   ///< files[i] was found in a directory (not named on the command line)
    std::vector<std::string> missing; ///< arguments that do not exist
    std::vector<std::string> skipped; ///< files in those directories that `take` refused (sorted per directory)
};

/// Expands PATH arguments: files as given (whatever their extension), directories
/// recursively (the regular files `take` accepts; hidden entries skipped; sorted), "-" once.
Inputs expand_paths(const std::vector<std::string>& args, bool (*take)(const std::string& path));
/// What `check` takes from a directory: .md .markdown .txt .text .xml .akn .docx, and .pdf
/// and .doc (which, when they cannot be decoded, are reported as UNR900).
bool check_takes(const std::string& path);
/// What `fix` takes from a directory: .md .markdown .txt .text.
bool fix_takes(const std::string& path);
/// The one message when the arguments gave no file at all: "no file to WHAT in ARGS:
/// skipped 3 files (2 .pdf, 1 .html; -v lists them)".
std::string nothing_to_read(const Inputs& in, const std::vector<std::string>& args, const std::string& what);
/// `-v`: one line on stderr per skipped file.
void print_skipped(const Inputs& in);

/// A file written atomically, in as many pieces as the writer likes: a temporary file in the
/// same directory (the mode of the file it replaces, or 0666 less the umask), renamed over `path`
/// by commit().  Destroyed without commit (an exception on the way), the temporary is removed and
/// `path` is as it was.  Each failure throws UsageError with a clear message.  `durable`: the data
/// reaches the disk (fsync) before the rename; a batch passes false and syncs once at the end.
/// Writing through a symbolic link replaces the file it points to.  Several may be open at once
/// (one per thread of a batch).
class AtomicFile {
public:
    explicit AtomicFile(const std::string& path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    void write(std::string_view data);
    void commit(bool durable = true);

private:
    struct Temp;
    std::unique_ptr<Temp> temp_;
};

/// What `convert` makes of `doc` for `--to` `to` (akn, json, text, markdown); `src` is read by json only.
std::string converted(const std::string& to, const Document& doc, const SourceFile& src);
/// converted() written to `path` atomically; the JSON tree is written as it is made (never whole
/// in memory).  `durable` as for AtomicFile::commit.
void write_converted(const std::string& path, const std::string& to, const Document& doc, const SourceFile& src,
                     bool durable);

/// Writes `data` to `path` atomically (AtomicFile: on any failure `path` is untouched).
void write_file_atomic(const std::string& path, const std::string& data, bool durable = true);

/// `--color auto|always|never` for output on file descriptor `fd`: auto is on when `fd` is a
/// terminal, unless NO_COLOR is set or TERM is dumb.
bool use_color(const std::string& mode, int fd);

/// Writes to stdout; throws UsageError when the write fails (closed pipe, full disk).
void write_stdout(const std::string& data);

/// Prefixes `message` with `path: ` unless it already starts with it.
std::string with_path(const std::string& path, const std::string& message);

struct CheckOptions {
    std::vector<std::string> paths;
    std::string input_format = "auto";
    std::string format = "text";
    std::string select;
    std::string ignore;
    bool werror = false;
    unsigned jobs = 0;  ///< 0 = all cores
    bool quiet = false;
    bool verbose = false;  ///< -v: list the files skipped in directories
    std::string color = "auto";
};
int run_check(const CheckOptions& opts);

struct ConvertOptions {
    std::string path;
    std::string input_format = "auto";
    std::string to;
    std::string output;  ///< empty = stdout; for a directory PATH, the output directory
    unsigned jobs = 0;   ///< directory PATH: files converted in parallel (0 = all cores)
    bool quiet = false;  ///< directory PATH: no summary line
};
int run_convert(const ConvertOptions& opts);
/// `convert DIR --to FORMAT -o OUTDIR`: every recognised file below DIR (as `check DIR` finds them)
/// to OUTDIR/<its path below DIR, extension replaced>; src/cli/batch.cpp.
int run_convert_batch(const ConvertOptions& opts);

struct FixCliOptions {
    std::vector<std::string> paths;
    std::string input_format = "auto";
    bool diff = false;   ///< print a unified diff on stdout, change nothing
    bool check = false;  ///< exit 1 when something would change, change nothing
    std::string select;
    std::string ignore;
    bool quiet = false;
    bool verbose = false;  ///< -v: list the files skipped in directories
};
int run_fix(const FixCliOptions& opts);

int run_rules(const std::string& format);
int run_explain(const std::string& rule);

}  // namespace unres::cli
