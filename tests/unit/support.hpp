// Test helpers shared by the unit tests.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <filesystem>
#include <sys/wait.h>
#include <unistd.h>

namespace unres_test {

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
