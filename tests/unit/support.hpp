// Test helpers shared by the unit tests.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <filesystem>
#include <map>
#include <utility>
#include <vector>
#include <sys/wait.h>
#include <unistd.h>

namespace unres_test {

/// Margin for time bounds under AddressSanitizer (process start and checks are slower).
#if defined(__SANITIZE_ADDRESS__)
constexpr double kSanitizerSlowdown = 1.5;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr double kSanitizerSlowdown = 1.5;
#else
constexpr double kSanitizerSlowdown = 1.0;
#endif
#else
constexpr double kSanitizerSlowdown = 1.0;
#endif

inline std::string source_dir() { return UNRES_SOURCE_DIR; }
inline std::string unres_binary() { return UNRES_BINARY; }

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void write_file(const std::string& path, const std::string& data) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream out(path, std::ios::binary);
    out << data;
}

/// A scratch directory under the build tree, unique per name.
inline std::string scratch(const std::string& name) {
    auto p = std::filesystem::temp_directory_path() / ("unres-test-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::create_directories(p);
    return p.string();
}

/// Validates an XML string against the project's copy of the official AKN 3.0 schema
/// with xmllint (offline).  Returns "" when valid, else xmllint's messages.
inline std::string akn_schema_errors(const std::string& xml, const std::string& name = "doc") {
    std::string dir = scratch("xsd");
    std::string file = dir + "/" + name + ".xml";
    write_file(file, xml);
    std::string log = file + ".log";
    std::string cmd = "XML_CATALOG_FILES='" + source_dir() + "/schemas/akn/catalog.xml' xmllint --nonet --noout --schema '" +
                      source_dir() + "/schemas/akn/akomantoso30.xsd' '" + file + "' >'" + log + "' 2>&1";
    int rc = std::system(cmd.c_str());
    std::string out = read_file(log);
    return rc == 0 ? std::string() : (out.empty() ? std::string("xmllint failed") : out);
}

/// Validates many XML strings with one xmllint run (the schema is loaded once).
/// `docs` holds {name, xml}; names must be unique and fit a file name.  Returns, per name,
/// "" when valid, else xmllint's messages about that file.
inline std::map<std::string, std::string> akn_schema_errors_batch(
    const std::vector<std::pair<std::string, std::string>>& docs, const std::string& dir_name = "xsd-batch") {
    std::map<std::string, std::string> result;
    if (docs.empty()) return result;
    std::string dir = scratch(dir_name);
    std::vector<std::string> files;
    // --huge: text nodes past 10 MB (a 50 MB paragraph in the [hostile] tests) are not an error.
    std::string cmd = "XML_CATALOG_FILES='" + source_dir() + "/schemas/akn/catalog.xml' xmllint --nonet --noout --huge --schema '" +
                      source_dir() + "/schemas/akn/akomantoso30.xsd'";
    for (std::size_t i = 0; i < docs.size(); ++i) {
        std::string file = dir + "/" + std::to_string(i) + ".xml";
        write_file(file, docs[i].second);
        files.push_back(file);
        cmd += " '" + file + "'";
    }
    std::string log = dir + "/xmllint.log";
    cmd += " >'" + log + "' 2>&1";
    (void)std::system(cmd.c_str());  // the per-file verdicts are in the log
    std::string out = read_file(log);
    std::vector<std::string> lines;
    {
        std::istringstream in(out);
        std::string line;
        while (std::getline(in, line)) lines.push_back(line);
    }
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const std::string& file = files[i];
        bool valid = false;
        std::string msgs;
        for (const auto& line : lines) {
            if (line == file + " validates") valid = true;
            else if (line.rfind(file + ":", 0) == 0 || line.rfind(file + " ", 0) == 0) msgs += line + "\n";
        }
        result[docs[i].first] = valid ? std::string() : (msgs.empty() ? "xmllint gave no verdict:\n" + out.substr(0, 2000) : msgs);
        std::filesystem::remove(file);
    }
    return result;
}

/// Runs a shell command, returns {exit code, stdout}; stderr goes to `err` if given.
struct RunResult { int code; std::string out; std::string err; };
inline RunResult run(const std::string& args, const std::string& stdin_file = "") {
    std::string dir = scratch("run");
    std::string o = dir + "/out", e = dir + "/err";
    std::string cmd = "'" + unres_binary() + "' " + args + (stdin_file.empty() ? " </dev/null" : " <'" + stdin_file + "'") +
                      " >'" + o + "' 2>'" + e + "'";
    int rc = std::system(cmd.c_str());
    int code = WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
    return {code, read_file(o), read_file(e)};
}

}  // namespace unres_test
