// Round trips through the writers (issue 4, "Done when"):
//   1. every AKN output of every test input validates against the official schema
//      (the sample, every text variant in tests/corpus, every tests/corpus/akn/*.xml;
//      first-generation outputs and the outputs written again from their read-back tree);
//   2. a corpus text with an official AKN converts to the official file's structure;
//   3. (a) text -> AKN -> tree equals text -> tree;
//      (b) official AKN -> tree -> AKN -> tree equals official AKN -> tree;
//      (c) text -> --to text / --to markdown -> tree equals text -> tree.
// Trees are compared by tree_compare.hpp (every field but positions); a failure names the
// first difference: path, field and both values.
//
// Run:   build/dev/tests/unres_tests "[roundtrip]"
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "support.hpp"
#include "tree_compare.hpp"
#include "unres/document.hpp"
#include "unres/parse.hpp"
#include "unres/source.hpp"
#include "unres/writers.hpp"

namespace {

namespace fs = std::filesystem;

struct Input {
    std::string name;  ///< file name, for messages
    std::string path;
    bool akn = false;
};

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::string> sorted_files(const std::string& dir, const std::vector<std::string>& suffixes) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        std::string name = e.path().filename().string();
        if (name == "README.md") continue;
        for (const auto& s : suffixes)
            if (ends_with(name, s)) {
                out.push_back(name);
                break;
            }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string corpus_dir() { return unres_test::source_dir() + "/tests/corpus"; }

/// The sample first, then every text variant of the corpus.
const std::vector<Input>& text_inputs() {
    static const std::vector<Input> inputs = [] {
        std::vector<Input> v;
        v.push_back({"A_C.3_78_L.52_Rev.1.md", unres_test::source_dir() + "/samples/A_C.3_78_L.52_Rev.1.md", false});
        for (const auto& n : sorted_files(corpus_dir(), {".txt", ".md"})) v.push_back({n, corpus_dir() + "/" + n, false});
        return v;
    }();
    return inputs;
}

const std::vector<Input>& akn_inputs() {
    static const std::vector<Input> inputs = [] {
        std::vector<Input> v;
        for (const auto& n : sorted_files(corpus_dir() + "/akn", {".xml"}))
            v.push_back({n, corpus_dir() + "/akn/" + n, true});
        return v;
    }();
    return inputs;
}

unres::Document parse_string(const std::string& name, const std::string& bytes,
                             unres::InputFormat format = unres::InputFormat::Auto) {
    return unres::parse(unres::load_source(name, bytes), format);
}

/// Parsed once per input for all the test cases.
const unres::Document& parsed(const Input& in) {
    static std::map<std::string, unres::Document> cache;
    auto it = cache.find(in.path);
    if (it == cache.end()) it = cache.emplace(in.path, unres::parse(unres::load_source(in.path))).first;
    return it->second;
}

/// to_akn of an input's tree, once per input.
const std::string& akn_of(const Input& in) {
    static std::map<std::string, std::string> cache;
    auto it = cache.find(in.path);
    if (it == cache.end()) it = cache.emplace(in.path, unres::to_akn(parsed(in))).first;
    return it->second;
}

/// The tree read back from akn_of(in), once per input.
const unres::Document& akn_tree(const Input& in) {
    static std::map<std::string, unres::Document> cache;
    auto it = cache.find(in.path);
    if (it == cache.end()) it = cache.emplace(in.path, parse_string(in.name + ".akn.xml", akn_of(in))).first;
    return it->second;
}

std::vector<Input> all_inputs() {
    std::vector<Input> v = text_inputs();
    const auto& a = akn_inputs();
    v.insert(v.end(), a.begin(), a.end());
    return v;
}

}  // namespace

TEST_CASE("roundtrip: the inputs are there", "[roundtrip]") {
    // guards the loops below against an empty corpus (a test over nothing cannot fail)
    CHECK(text_inputs().size() >= 60);
    CHECK(akn_inputs().size() >= 10);
}

TEST_CASE("roundtrip: every AKN output of every input validates against the official schema", "[roundtrip]") {
    std::vector<std::pair<std::string, std::string>> docs;
    for (const auto& in : all_inputs()) {
        docs.emplace_back(in.name, akn_of(in));
        // the output written again from the tree read back from it
        docs.emplace_back(in.name + " (second generation)", unres::to_akn(akn_tree(in)));
    }
    auto errors = unres_test::akn_schema_errors_batch(docs);
    REQUIRE(errors.size() == docs.size());
    for (const auto& [name, err] : errors) {
        INFO(name);
        CHECK(err == "");
    }
}

TEST_CASE("roundtrip: a corpus text converts to the structure of its official AKN", "[roundtrip]") {
    std::size_t pairs = 0;
    for (const auto& official : akn_inputs()) {
        // A_RES_78_3_E.xml <-> A_RES_78_3.*.txt
        if (!ends_with(official.name, "_E.xml")) continue;
        std::string stem = official.name.substr(0, official.name.size() - 6) + ".";
        const std::string want = unres_test::structure_summary(parsed(official));
        for (const auto& text : text_inputs()) {
            if (text.name.rfind(stem, 0) != 0) continue;
            ++pairs;
            INFO(text.name << " vs " << official.name);
            CHECK(unres_test::structure_summary(akn_tree(text)) == want);
        }
    }
    CHECK(pairs >= 5);  // A/RES/78/1 (2 variants) and A/RES/78/3 (3 variants)
}

TEST_CASE("roundtrip: text -> AKN -> tree equals text -> tree", "[roundtrip]") {
    for (const auto& in : text_inputs()) {
        INFO(in.name);
        CHECK(unres_test::first_difference(parsed(in), akn_tree(in)) == "");
    }
}

TEST_CASE("roundtrip: official AKN -> tree -> AKN -> tree is stable", "[roundtrip]") {
    for (const auto& in : akn_inputs()) {
        INFO(in.name);
        CHECK(unres_test::first_difference(parsed(in), akn_tree(in)) == "");
    }
}

// `--to text` output is read as `unres convert` reads it, format auto-detected: clean text,
// its marks superscript digits and its notes under the footnote rule after the body.
// `--to markdown` output is read as markdown (`--input-format markdown`): without a title,
// sections or footnotes it has nothing auto-detection recognises as markdown.
TEST_CASE("roundtrip: text -> --to text / --to markdown -> tree equals text -> tree", "[roundtrip]") {
    unres_test::TreeCompare plain;
    plain.italics = false;        // plain text carries no italics
    plain.orphan_places = false;  // nor pages: every note follows the body
    for (const auto& in : text_inputs()) {
        const unres::Document& doc = parsed(in);
        {
            INFO(in.name << " --to text");
            std::string txt = unres::to_text(doc, false);
            CHECK(unres_test::first_difference(doc, parse_string(in.name + ".out.txt", txt), plain) == "");
        }
        {
            INFO(in.name << " --to markdown");
            std::string md = unres::to_text(doc, true);
            CHECK(unres_test::first_difference(doc, parse_string(in.name + ".out.md", md, unres::InputFormat::Markdown)) == "");
        }
    }
}

// Footnotes stand in number order in every tree, whatever the order of their bodies in the file
// (the sample prints note 6's body before note 1's): asterisk notes, then numbered ones by value.
TEST_CASE("roundtrip: footnotes in number order in every tree, read from text and from AKN", "[roundtrip]") {
    auto in_order = [](const std::vector<unres::Footnote>& v) {
        std::vector<std::string> nums;
        long last = 0;
        bool numbered = false;
        for (const auto& f : v) {
            nums.push_back(f.num);
            bool digits = !f.num.empty() && std::all_of(f.num.begin(), f.num.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (f.num.find_first_not_of('*') == std::string::npos) {
                if (numbered) return false;  // an asterisk note after numbered ones
                continue;
            }
            if (!digits) continue;
            long n = std::stol(f.num);
            if (numbered && n < last) return false;
            numbered = true;
            last = n;
        }
        return true;
    };
    std::size_t sample_notes = 0;
    for (const auto& in : text_inputs()) {
        INFO(in.name);
        CHECK(in_order(parsed(in).footnotes));
        CHECK(in_order(akn_tree(in).footnotes));
        if (in.name == "A_C.3_78_L.52_Rev.1.md") {
            sample_notes = parsed(in).footnotes.size();
            REQUIRE(sample_notes >= 6);
            CHECK(parsed(in).footnotes[0].num == "1");
            CHECK(parsed(in).footnotes[5].num == "6");
        }
    }
    CHECK(sample_notes > 0);
    for (const auto& in : akn_inputs()) {
        INFO(in.name);
        CHECK(in_order(parsed(in).footnotes));
    }
}
