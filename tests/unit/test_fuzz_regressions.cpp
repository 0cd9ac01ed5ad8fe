// The inputs the libFuzzer targets found (crashes, hangs, bad output), kept in
// tests/fuzz/regressions/<target>/ and replayed through the fuzzers' own pipeline
// (tests/fuzz/fuzz_common.hpp: bytes -> SourceFile -> parse -> validate -> to_akn, to_json,
// to_text): no crash (a crash ends this test binary), no exception, each within a time bound,
// and every Akoma Ntoso produced is valid against the official schema (one xmllint run).
//   build/dev/tests/unres_tests "[fuzz-regressions]"
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "../fuzz/fuzz_common.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

struct Target {
    const char* name;
    unres::InputFormat format;
    bool parse_may_refuse;
};

constexpr Target kTargets[] = {
    {"text", unres::InputFormat::Text, false},
    {"akn", unres::InputFormat::Akn, true},
    {"docx", unres::InputFormat::Docx, false},
};

constexpr double kSlowdown = unres_test::kSanitizerSlowdown;

}  // namespace

TEST_CASE("fuzz regressions: every input the fuzzers found goes through the pipeline", "[fuzz-regressions]") {
    const fs::path root = fs::path(unres_test::source_dir()) / "tests" / "fuzz" / "regressions";
    std::vector<std::pair<std::string, std::string>> akn;
    std::size_t inputs = 0;
    for (const Target& t : kTargets) {
        const fs::path dir = root / t.name;
        if (!fs::is_directory(dir)) continue;
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(dir))
            if (e.is_regular_file() && e.path().filename() != "README.md") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const fs::path& f : files) {
            INFO(t.name << "/" << f.filename().string());
            const std::string bytes = unres_test::read_file(f.string());
            // fuzz_docx only hands zip archives to the pipeline (fuzz_docx.cpp)
            if (t.format == unres::InputFormat::Docx) REQUIRE(bytes.rfind("PK\x03\x04", 0) == 0);
            const auto t0 = std::chrono::steady_clock::now();
            const unres_fuzz::Outcome o = unres_fuzz::pipeline(bytes, t.format, t.parse_may_refuse);
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            CHECK(o.problem.empty());
            // libFuzzer's -timeout=10 on the fuzz build; these inputs take well under a second once fixed.
            CHECK(s < 2.0 * kSlowdown);
            if (!o.akn.empty()) akn.emplace_back(std::string(t.name) + "-" + f.filename().string(), o.akn);
            ++inputs;
        }
    }
    REQUIRE(inputs > 0);
    for (const auto& [name, errors] : unres_test::akn_schema_errors_batch(akn, "fuzz-regressions-xsd")) {
        INFO(name << ":\n" << errors.substr(0, 2000));
        CHECK(errors.empty());
    }
}
