// unres_bench: how fast each stage of the pipeline runs, in MB of input per second.
//
//   unres_bench [-n N] [FILE...]
//
// Reads each FILE (default: samples/*.md and the text variants in tests/corpus/), then N times
// (default 20) decodes, parses, validates and exports it to Akoma Ntoso, timing each stage with
// steady_clock.  Prints one line per stage and a total.  A measurement tool: it asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "unres/parse.hpp"
#include "unres/source.hpp"
#include "unres/validate.hpp"
#include "unres/writers.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Input {
    std::string path;
    std::string bytes;
};

std::vector<std::string> default_files() {
    const fs::path root = UNRES_SOURCE_DIR;
    std::vector<std::string> files;
    for (const fs::path& dir : {root / "samples", root / "tests" / "corpus"}) {
        if (!fs::is_directory(dir)) continue;
        for (const auto& entry : fs::directory_iterator(dir)) {
            const fs::path& p = entry.path();
            if (!entry.is_regular_file() || p.filename() == "README.md") continue;
            if (p.extension() == ".txt" || p.extension() == ".md") files.push_back(p.string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

bool read_bytes(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

int usage() {
    std::fputs("usage: unres_bench [-n REPEATS] [FILE...]\n"
               "  times decode, parse, validate and to_akn on each FILE (default: the samples and tests/corpus)\n",
               stderr);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    long repeats = 20;
    std::vector<std::string> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "-n" && i + 1 < argc) {
            char* end = nullptr;
            repeats = std::strtol(argv[++i], &end, 10);
            if (*end != '\0' || repeats < 1) return usage();
        } else if (arg == "-h" || arg == "--help") {
            usage();
            return 0;
        } else if (!arg.empty() && arg[0] == '-') {
            return usage();
        } else {
            paths.push_back(arg);
        }
    }
    if (paths.empty()) paths = default_files();

    // Warm-up pass: keeps the inputs the library accepts (the others are reported and skipped).
    std::vector<Input> inputs;
    std::size_t bytes_per_round = 0;
    for (const auto& path : paths) {
        Input in{path, {}};
        if (!read_bytes(path, in.bytes)) {
            std::fprintf(stderr, "unres_bench: cannot read %s (skipped)\n", path.c_str());
            continue;
        }
        try {
            unres::SourceFile src = unres::load_source(path, in.bytes);
            unres::Document doc = unres::parse(src);
            (void)unres::to_akn(doc);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "unres_bench: %s: %s (skipped)\n", path.c_str(), e.what());
            continue;
        }
        bytes_per_round += in.bytes.size();
        inputs.push_back(std::move(in));
    }
    if (inputs.empty()) {
        std::fputs("unres_bench: no input\n", stderr);
        return 2;
    }

    enum Stage { Decode, Parse, Validate, ToAkn, StageCount };
    const char* const names[StageCount] = {"decode", "parse", "validate", "to_akn"};
    Clock::duration spent[StageCount] = {};
    std::size_t sink = 0;  // output sizes, printed, so no stage can be optimised away

    for (long r = 0; r < repeats; ++r) {
        for (const auto& in : inputs) {
            auto t0 = Clock::now();
            unres::SourceFile src = unres::load_source(in.path, in.bytes);
            auto t1 = Clock::now();
            unres::Document doc = unres::parse(src);
            auto t2 = Clock::now();
            std::vector<unres::Diagnostic> diags = unres::validate(doc, src);
            auto t3 = Clock::now();
            std::string akn = unres::to_akn(doc);
            auto t4 = Clock::now();
            spent[Decode] += t1 - t0;
            spent[Parse] += t2 - t1;
            spent[Validate] += t3 - t2;
            spent[ToAkn] += t4 - t3;
            sink += src.text().size() + doc.operative.size() + diags.size() + akn.size();
        }
    }

    const double mb = static_cast<double>(bytes_per_round) * static_cast<double>(repeats) / 1e6;
    std::printf("unres_bench: %zu files, %.2f MB per round, %ld rounds (checksum %zu)\n", inputs.size(),
                static_cast<double>(bytes_per_round) / 1e6, repeats, sink);
    Clock::duration total{};
    auto line = [mb](const char* name, Clock::duration d) {
        const double s = std::chrono::duration<double>(d).count();
        std::printf("  %-9s %9.3f s %10.1f MB/s\n", name, s, s > 0 ? mb / s : 0.0);
    };
    for (int st = 0; st < StageCount; ++st) {
        line(names[st], spent[st]);
        total += spent[st];
    }
    line("total", total);
    return 0;
}
