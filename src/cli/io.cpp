// Inputs and outputs of the CLI: loading sources, expanding directories, atomic writes.
// write_file_atomic is safe to call from several threads at once (batch convert): the umask is read
// once at start-up, never set and restored while other threads create files.
#include <algorithm>
#include <array>
#include <atomic>
#include <mutex>
#include <csignal>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.hpp"
#include "unres/parse.hpp"

namespace fs = std::filesystem;

namespace unres::cli {

InputFormat parse_input_format(const std::string& name) {
    if (name == "auto") return InputFormat::Auto;
    if (name == "text") return InputFormat::Text;
    if (name == "markdown") return InputFormat::Markdown;
    if (name == "akn") return InputFormat::Akn;
    if (name == "docx") return InputFormat::Docx;
    if (name == "pdf") return InputFormat::Pdf;
    throw UsageError("unknown input format '" + name + "' (auto, text, markdown, akn, docx, pdf)");
}

std::string read_stdin() {
    std::cin >> std::noskipws;
    std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (std::cin.bad()) throw UsageError("cannot read standard input");
    return data;
}

std::string with_path(const std::string& path, const std::string& message) {
    if (message.compare(0, path.size() + 1, path + ":") == 0) return message;
    return path + ": " + message;
}

SourceFile load_source(const std::string& path, const std::string* stdin_bytes) {
    if (path == "-") return unres::load_source(kStdinName, stdin_bytes ? *stdin_bytes : std::string());
    return unres::load_source(path);
}

namespace {

std::string lower_extension(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

bool hidden(const fs::path& p) {
    std::string name = p.filename().string();
    return name.size() > 1 && name[0] == '.' && name != "..";
}

}  // namespace

bool check_takes(const std::string& path) {
    std::string ext = lower_extension(path);
    // .pdf and .doc are taken so that a directory of them is not "nothing to check": each
    // one the readers cannot decode becomes an UNR900 diagnostic.
    return ext == ".md" || ext == ".markdown" || ext == ".txt" || ext == ".text" || ext == ".xml" || ext == ".akn" ||
           ext == ".docx" || ext == ".pdf" || ext == ".doc";
}

bool fix_takes(const std::string& path) {
    std::string ext = lower_extension(path);
    return ext == ".md" || ext == ".markdown" || ext == ".txt" || ext == ".text";
}

Inputs expand_paths(const std::vector<std::string>& args, bool (*take)(const std::string&)) {
    Inputs in;
    bool stdin_seen = false;
    auto add = [&](const std::string& p, bool from_dir) {
        if (std::find(in.files.begin(), in.files.end(), p) != in.files.end()) return;
        in.files.push_back(p);
        in.in_directory.push_back(from_dir);
    };
    for (const std::string& a : args) {
        if (a == "-") {
            if (!stdin_seen) add(a, false);
            stdin_seen = true;
            continue;
        }
        std::error_code ec;
        fs::file_status st = fs::status(a, ec);
        if (ec || !fs::exists(st)) {
            in.missing.push_back(a);
            continue;
        }
        if (!fs::is_directory(st)) {
            add(a, false);
            continue;
        }
        std::vector<std::string> found, skipped;
        fs::recursive_directory_iterator it(a, fs::directory_options::skip_permission_denied, ec), end;
        if (ec) throw UsageError(a + ": cannot read directory: " + ec.message());
        for (; it != end; it.increment(ec)) {
            if (ec) throw UsageError(a + ": cannot read directory: " + ec.message());
            const fs::path& p = it->path();
            if (hidden(p)) {
                if (it->is_directory(ec)) it.disable_recursion_pending();
                continue;
            }
            if (!it->is_regular_file(ec)) continue;
            (take(p.string()) ? found : skipped).push_back(p.string());
        }
        std::sort(found.begin(), found.end());
        std::sort(skipped.begin(), skipped.end());
        for (const std::string& f : found) add(f, true);
        in.skipped.insert(in.skipped.end(), skipped.begin(), skipped.end());
    }
    return in;
}

std::string nothing_to_read(const Inputs& in, const std::vector<std::string>& args, const std::string& what) {
    std::string where;
    for (const std::string& a : args) where += (where.empty() ? "" : ", ") + a;
    if (in.skipped.empty()) return "no file to " + what + " in " + where + " (no file found)";
    std::map<std::string, std::size_t> by_ext;
    for (const std::string& s : in.skipped) {
        std::string ext = lower_extension(s);
        ++by_ext[ext.empty() ? "no extension" : ext];
    }
    std::string kinds;
    for (const auto& [ext, n] : by_ext) kinds += (kinds.empty() ? "" : ", ") + std::to_string(n) + " " + ext;
    return "no file to " + what + " in " + where + ": skipped " + std::to_string(in.skipped.size()) +
           (in.skipped.size() == 1 ? " file (" : " files (") + kinds + "; -v lists them)";
}

void print_skipped(const Inputs& in) {
    for (const std::string& s : in.skipped) std::cerr << "unres: skipped " << s << " (not a file type this command reads)\n";
}

bool use_color(const std::string& mode, int fd) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    const char* term = std::getenv("TERM");
    if (term && std::string_view(term) == "dumb") return false;
    return ::isatty(fd) != 0;
}

void write_stdout(const std::string& data) {
    if (!data.empty() && std::fwrite(data.data(), 1, data.size(), stdout) != data.size())
        throw UsageError(std::string("cannot write to standard output: ") + std::strerror(errno));
    if (std::fflush(stdout) != 0) throw UsageError(std::string("cannot write to standard output: ") + std::strerror(errno));
}

namespace {

// The temporary files being written (one per thread of a batch), removed if a signal ends the
// process meanwhile.  A slot is taken with an atomic exchange; the handler only reads the slots and
// calls unlink(), which is async-signal-safe.
constexpr std::size_t kTempSlots = 256;
char g_temp_path[kTempSlots][4096];
std::atomic<int> g_temp_used[kTempSlots];

extern "C" void remove_temps_and_die(int sig) {
    for (std::size_t k = 0; k < kTempSlots; ++k)
        if (g_temp_used[k].load() == 1) ::unlink(g_temp_path[k]);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

constexpr std::array<int, 4> kSignals{SIGINT, SIGTERM, SIGHUP, SIGQUIT};

/// Registers a temporary file for the clean-up handler for the lifetime of one atomic write.  The
/// handlers are installed once, at the first write, and stay: the process is the CLI.  When every
/// slot is taken (more than kTempSlots writes at once) the file is not registered: a signal then
/// leaves that one temporary file behind, never a partial output.
class TempGuard {
public:
    explicit TempGuard(const std::string& tmp) {
        static std::once_flag installed;
        std::call_once(installed, [] {
            for (int sig : kSignals) std::signal(sig, remove_temps_and_die);
        });
        if (tmp.size() >= sizeof g_temp_path[0]) return;
        for (std::size_t k = 0; k < kTempSlots; ++k) {
            int expected = 0;
            if (!g_temp_used[k].compare_exchange_strong(expected, 2)) continue;  // 2: being filled
            std::memcpy(g_temp_path[k], tmp.c_str(), tmp.size() + 1);
            g_temp_used[k].store(1);
            slot_ = k;
            return;
        }
    }
    ~TempGuard() {
        if (slot_ < kTempSlots) g_temp_used[slot_].store(0);
    }
    TempGuard(const TempGuard&) = delete;
    TempGuard& operator=(const TempGuard&) = delete;

private:
    std::size_t slot_ = kTempSlots;
};

/// The process's umask, read once before main(), so before any thread exists.  umask() can only be
/// read by setting it: two threads doing the set-0-and-restore at once (batch convert, one write per
/// thread) could leave the process at 0, and every file and directory created afterwards
/// world-writable.  The CLI never changes its umask, so the value read at start-up stays true.
mode_t read_umask() {
    mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

const mode_t g_umask = read_umask();

}  // namespace

struct AtomicFile::Temp {
    std::string path_arg;  // as the caller named it, for the messages
    std::string path;      // the file replaced (a link's target)
    std::string tmp;
    int fd = -1;
    std::unique_ptr<TempGuard> guard;

    [[noreturn]] void fail(const std::string& what) {
        int err = errno;
        if (fd >= 0) ::close(fd);
        fd = -1;
        ::unlink(tmp.c_str());
        tmp.clear();
        throw UsageError(path_arg + ": " + what + ": " + std::strerror(err));
    }
};

AtomicFile::AtomicFile(const std::string& path_arg) : temp_(std::make_unique<Temp>()) {
    Temp& t = *temp_;
    t.path_arg = path_arg;
    t.path = path_arg;
    std::error_code ec;
    // Writing through a symbolic link replaces the file it points to, not the link.
    if (fs::is_symlink(fs::symlink_status(t.path, ec))) {
        fs::path resolved = fs::weakly_canonical(t.path, ec);
        if (!ec) t.path = resolved.string();
    }
    fs::path target(t.path);
    fs::file_status st = fs::status(target, ec);
    if (!ec && fs::is_directory(st)) throw UsageError(path_arg + ": is a directory");
    fs::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    if (!fs::is_directory(dir, ec)) throw UsageError(path_arg + ": directory " + dir.string() + " does not exist");

    std::string tmpl = (dir / ("." + target.filename().string() + ".unres-XXXXXX")).string();
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    t.fd = ::mkstemp(name.data());
    if (t.fd < 0) throw UsageError(path_arg + ": cannot create a temporary file: " + std::strerror(errno));
    t.tmp = name.data();
    t.guard = std::make_unique<TempGuard>(t.tmp);

    // Keep the mode of the file we replace; a new file gets 0666 less the umask.
    mode_t mode;
    struct stat sb {};
    if (::stat(t.path.c_str(), &sb) == 0) {
        mode = sb.st_mode & 07777;
    } else {
        mode = 0666 & ~g_umask;
    }
    if (::fchmod(t.fd, mode) != 0) t.fail("cannot set permissions");
}

AtomicFile::~AtomicFile() {
    if (!temp_ || temp_->tmp.empty()) return;  // committed, or failed and cleaned up
    if (temp_->fd >= 0) ::close(temp_->fd);
    ::unlink(temp_->tmp.c_str());
}

void AtomicFile::write(std::string_view data) {
    Temp& t = *temp_;
    if (t.fd < 0) throw UsageError(t.path_arg + ": cannot write: the file is closed");
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        ssize_t n = ::write(t.fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            t.fail("cannot write");
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

void AtomicFile::commit(bool durable) {
    Temp& t = *temp_;
    if (t.fd < 0) throw UsageError(t.path_arg + ": cannot write: the file is closed");
    if (durable && ::fsync(t.fd) != 0) t.fail("cannot write");
    int fd = t.fd;
    t.fd = -1;
    if (::close(fd) != 0) t.fail("cannot write");
    if (::rename(t.tmp.c_str(), t.path.c_str()) != 0) t.fail("cannot replace the file");
    t.tmp.clear();
    t.guard.reset();
}

void write_file_atomic(const std::string& path, const std::string& data, bool durable) {
    AtomicFile f(path);
    f.write(data);
    f.commit(durable);
}

}  // namespace unres::cli
