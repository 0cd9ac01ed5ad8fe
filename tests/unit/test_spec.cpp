// Runner for the spec-style examples in tests/spec/*.md (format: tests/spec/README.md).
// Each example is parsed, validated and converted to Akoma Ntoso; the diagnostics of its
// selected rules must be exactly the expected lines, and every Akoma Ntoso is validated
// against the official schema in one xmllint run.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"
#include "unres/parse.hpp"
#include "unres/validate.hpp"
#include "unres/writers.hpp"

using namespace unres;

namespace {

/// Rules of the registry that no text draft can trigger, with the reason.
const std::map<std::string, std::string> kUnreachableFromText = {
    {"UNR900", "reported by `unres check DIR` for a file it cannot read or decode; covered in test_hostile.cpp and test_cli.cpp"},
    {"UNR902", "reported only by the Akoma Ntoso (XML) reader; covered in test_akn_reader.cpp"},
};

struct Example {
    std::string where;                   ///< "file.md:LINE" of the opening line
    std::vector<std::string> selectors;  ///< rule ids, id prefixes or "all"
    std::string input;
    std::vector<std::string> expected;
};

bool selected(const Example& ex, const std::string& rule) {
    return std::any_of(ex.selectors.begin(), ex.selectors.end(),
                       [&](const std::string& s) { return s == "all" || rule.rfind(s, 0) == 0; });
}

std::string unescape_bytes(const std::string& s) {
    static const std::regex re(R"(\{\{0x([0-9A-Fa-f]{2})\}\})");
    std::string out;
    auto begin = std::sregex_iterator(s.begin(), s.end(), re);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        out += s.substr(last, static_cast<std::size_t>(m.position()) - last);
        out += static_cast<char>(std::stoi(m[1].str(), nullptr, 16));
        last = static_cast<std::size_t>(m.position() + m.length());
    }
    out += s.substr(last);
    return out;
}

/// Reads one spec file; malformed examples are test failures.
std::vector<Example> read_spec(const std::filesystem::path& file) {
    std::vector<Example> out;
    std::istringstream in(unres_test::read_file(file.string()));
    std::string line;
    enum { Prose, Input, Expected } state = Prose;
    std::size_t n = 0;
    Example cur;
    std::vector<std::string> input;
    const std::string name = file.filename().string();
    while (std::getline(in, line)) {
        ++n;
        if (state == Prose) {
            if (line.rfind("~~~~ example", 0) != 0) {
                INFO(name << ":" << n << ": \"~~~~\" outside an example: " << line);
                CHECK(line.rfind("~~~~", 0) != 0);
                continue;
            }
            cur = Example{};
            cur.where = name + ":" + std::to_string(n);
            std::istringstream words(line.substr(12));
            std::string w;
            while (words >> w) cur.selectors.push_back(w);
            INFO(cur.where << ": an example names the rules it selects");
            CHECK(!cur.selectors.empty());
            input.clear();
            state = Input;
        } else if (state == Input) {
            if (line == ".") {
                std::string text;
                for (const auto& l : input) text += l + "\n";
                cur.input = unescape_bytes(text);
                state = Expected;
            } else {
                INFO(cur.where << ": example not closed before the next one");
                CHECK(line.rfind("~~~~", 0) != 0);
                input.push_back(line);
            }
        } else {
            if (line == "~~~~") {
                out.push_back(cur);
                state = Prose;
            } else {
                cur.expected.push_back(line);
            }
        }
    }
    INFO(name << ": unterminated example at the end of the file");
    CHECK(state == Prose);
    return out;
}

std::vector<Example> all_examples() {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(unres_test::source_dir() + "/tests/spec"))
        if (e.path().extension() == ".md" && e.path().filename() != "README.md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<Example> out;
    for (const auto& f : files) {
        auto ex = read_spec(f);
        out.insert(out.end(), ex.begin(), ex.end());
    }
    return out;
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += "  " + x + "\n";
    return s.empty() ? "  (none)\n" : s;
}

struct Outcome {
    std::vector<std::string> diagnostics;  ///< selected ones, "LINE:COL: SEVERITY: RULE"
    std::string akn;
};

Outcome run_example(const Example& ex) {
    SourceFile src = SourceFile::from_bytes("spec.md", ex.input);
    Document doc = parse(src);
    Outcome o;
    for (const Diagnostic& d : validate(doc, src)) {
        if (!selected(ex, d.rule)) continue;
        LineCol lc = src.location(d.span.begin);
        o.diagnostics.push_back(std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": " +
                                std::string(to_string(d.severity)) + ": " + d.rule);
    }
    o.akn = to_akn(doc);
    return o;
}

}  // namespace

TEST_CASE("spec: every example gives exactly its expected diagnostics", "[spec]") {
    auto examples = all_examples();
    REQUIRE(examples.size() >= 60);
    static const std::regex line_re(R"(^(\d+):(\d+): (error|warning|note): (UNR\d{3})$)");
    std::vector<std::pair<std::string, std::string>> xml;
    std::set<std::string> names;
    for (const auto& ex : examples) {
        INFO("example " << ex.where);
        // The expectations themselves are well formed and agree with the registry.
        for (const auto& e : ex.expected) {
            std::smatch m;
            INFO("expected line: " << e);
            REQUIRE(std::regex_match(e, m, line_re));
            const RuleInfo* info = find_rule(m[4].str());
            REQUIRE(info);
            CHECK(to_string(info->severity) == m[3].str());
            CHECK(selected(ex, m[4].str()));
        }
        for (const auto& s : ex.selectors) {
            INFO("selector " << s);
            bool known = s == "all" || std::any_of(all_rules().begin(), all_rules().end(), [&](const RuleInfo& r) {
                             return std::string(r.id).rfind(s, 0) == 0;
                         });
            CHECK(known);
        }

        Outcome o;
        REQUIRE_NOTHROW(o = run_example(ex));
        INFO("input:\n" << ex.input << "expected:\n" << join(ex.expected) << "actual:\n" << join(o.diagnostics));
        CHECK(o.diagnostics == ex.expected);

        std::string name = ex.where;
        std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
        REQUIRE(names.insert(name).second);
        xml.emplace_back(name, o.akn);
        CHECK(o.akn == run_example(ex).akn);  // deterministic
    }

    // Every example's Akoma Ntoso is valid (one xmllint run for all).
    auto verdicts = unres_test::akn_schema_errors_batch(xml, "spec-xsd");
    for (const auto& [name, errors] : verdicts) {
        INFO("Akoma Ntoso of example " << name << ":\n" << errors);
        CHECK(errors.empty());
    }
}

TEST_CASE("spec: every rule has a triggering and a silent example, or a reason", "[spec]") {
    auto examples = all_examples();
    for (const auto& [id, reason] : kUnreachableFromText) {
        INFO(id << " is listed as unreachable from text: " << reason);
        CHECK(find_rule(id) != nullptr);
        CHECK(!reason.empty());
    }
    for (const RuleInfo& r : all_rules()) {
        std::string id(r.id);
        INFO("rule " << id << " (" << r.name << ")");
        bool triggered = false, silent = false;
        for (const auto& ex : examples) {
            bool expects = std::any_of(ex.expected.begin(), ex.expected.end(), [&](const std::string& e) {
                return e.size() >= id.size() && e.compare(e.size() - id.size(), id.size(), id) == 0;
            });
            triggered = triggered || expects;
            silent = silent || (selected(ex, id) && !expects);
        }
        if (kUnreachableFromText.count(id)) {
            CHECK_FALSE(triggered);  // reachable after all: write the example, drop the entry
            continue;
        }
        CHECK(triggered);
        CHECK(silent);
    }
}
