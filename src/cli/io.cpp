// Inputs and outputs of the CLI: loading sources, expanding directories, atomic writes.
#include <algorithm>
#include <array>
#include <csignal>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
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

bool recognised_extension(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".md" || ext == ".markdown" || ext == ".txt" || ext == ".text" || ext == ".xml" || ext == ".akn" ||
           ext == ".docx" || ext == ".pdf";
}

bool hidden(const fs::path& p) {
    std::string name = p.filename().string();
    return name.size() > 1 && name[0] == '.' && name != "..";
}

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& args, std::vector<std::string>& missing) {
    std::vector<std::string> out;
    bool stdin_seen = false;
    for (const std::string& a : args) {
        if (a == "-") {
            if (!stdin_seen) out.push_back(a);
            stdin_seen = true;
            continue;
        }
        std::error_code ec;
        fs::file_status st = fs::status(a, ec);
        if (ec || !fs::exists(st)) {
            missing.push_back(a);
            continue;
        }
        if (!fs::is_directory(st)) {
            out.push_back(a);
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(a, fs::directory_options::skip_permission_denied, ec), end;
        if (ec) throw UsageError(a + ": cannot read directory: " + ec.message());
        for (; it != end; it.increment(ec)) {
            if (ec) throw UsageError(a + ": cannot read directory: " + ec.message());
            const fs::path& p = it->path();
            if (hidden(p)) {
                if (it->is_directory(ec)) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(ec) && recognised_extension(p)) found.push_back(p.string());
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

void write_stdout(const std::string& data) {
    if (!data.empty() && std::fwrite(data.data(), 1, data.size(), stdout) != data.size())
        throw UsageError(std::string("cannot write to standard output: ") + std::strerror(errno));
    if (std::fflush(stdout) != 0) throw UsageError(std::string("cannot write to standard output: ") + std::strerror(errno));
}

namespace {

// The temporary file being written, removed if a signal ends the process meanwhile.
char g_temp_path[4096];
volatile std::sig_atomic_t g_temp_active = 0;

extern "C" void remove_temp_and_die(int sig) {
    if (g_temp_active) ::unlink(g_temp_path);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

/// Installs the clean-up handlers for the lifetime of one atomic write.
class TempGuard {
public:
    explicit TempGuard(const std::string& tmp) {
        if (tmp.size() >= sizeof g_temp_path) return;
        std::memcpy(g_temp_path, tmp.c_str(), tmp.size() + 1);
        g_temp_active = 1;
        for (std::size_t k = 0; k < kSignals.size(); ++k) old_[k] = std::signal(kSignals[k], remove_temp_and_die);
    }
    ~TempGuard() {
        if (!g_temp_active) return;
        for (std::size_t k = 0; k < kSignals.size(); ++k) std::signal(kSignals[k], old_[k]);
        g_temp_active = 0;
    }
    TempGuard(const TempGuard&) = delete;
    TempGuard& operator=(const TempGuard&) = delete;

private:
    static constexpr std::array<int, 4> kSignals{SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    std::array<void (*)(int), 4> old_{};
};

}  // namespace

void write_file_atomic(const std::string& path_arg, const std::string& data) {
    std::string path = path_arg;
    std::error_code ec;
    // Writing through a symbolic link replaces the file it points to, not the link.
    if (fs::is_symlink(fs::symlink_status(path, ec))) {
        fs::path resolved = fs::weakly_canonical(path, ec);
        if (!ec) path = resolved.string();
    }
    fs::path target(path);
    fs::file_status st = fs::status(target, ec);
    if (!ec && fs::is_directory(st)) throw UsageError(path_arg + ": is a directory");
    fs::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    if (!fs::is_directory(dir, ec)) throw UsageError(path_arg + ": directory " + dir.string() + " does not exist");

    std::string tmpl = (dir / ("." + target.filename().string() + ".unres-XXXXXX")).string();
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    int fd = ::mkstemp(name.data());
    if (fd < 0) throw UsageError(path_arg + ": cannot create a temporary file: " + std::strerror(errno));
    std::string tmp(name.data());
    TempGuard guard(tmp);
    auto fail = [&](const std::string& what) {
        int err = errno;
        if (fd >= 0) ::close(fd);
        ::unlink(tmp.c_str());
        throw UsageError(path_arg + ": " + what + ": " + std::strerror(err));
    };

    // Keep the mode of the file we replace; a new file gets 0666 less the umask.
    mode_t mode;
    struct stat sb {};
    if (::stat(path.c_str(), &sb) == 0) {
        mode = sb.st_mode & 07777;
    } else {
        mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    if (::fchmod(fd, mode) != 0) fail("cannot set permissions");

    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot write");
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) fail("cannot write");
    if (::close(fd) != 0) {
        fd = -1;
        fail("cannot write");
    }
    fd = -1;
    if (::rename(tmp.c_str(), path.c_str()) != 0) fail("cannot replace the file");
}

}  // namespace unres::cli
