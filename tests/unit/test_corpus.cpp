// The structure unres reads from every real UN text in tests/corpus, compared with TRUTH.tsv
// the way ../shared/tools/truthcheck.py compares `unres convert --to json` output:
//   preamble, operative     number of preambular / operative paragraphs
//   operative_nums          the operative paragraphs' labels in order ("1-9,1-6" = numbering restarts, "_" = unnumbered)
//   subparagraphs           every descendant of the operative paragraphs' children, at any depth
//   footnotes               footnotes whose num is all digits ("*" notes excluded)
//   annexes                 number of annexes
// A TRUTH cell that is empty, "-" or contains "?" is not compared.
//
// Run alone (prints the score line at the end):   build/dev/tests/unres_tests "[corpus]"
// One file only:   build/dev/tests/unres_tests "corpus: each text variant*" -c "A_80_L.10.layout.txt (A/80/L.10)"
#include <catch2/catch.hpp>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "support.hpp"
#include "unres/document.hpp"
#include "unres/parse.hpp"
#include "unres/source.hpp"

namespace {

namespace fs = std::filesystem;

std::string corpus_dir() { return unres_test::source_dir() + "/tests/corpus"; }

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) return out;
        start = at + 1;
    }
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string base_name(const std::string& s) {
    std::size_t slash = s.rfind('/');
    return slash == std::string::npos ? s : s.substr(slash + 1);
}

bool is_text_variant(const std::string& name) { return ends_with(name, ".txt") || ends_with(name, ".md"); }

const char* const kFields[] = {"preamble", "operative", "operative_nums", "subparagraphs", "footnotes", "annexes"};

struct TruthRow {
    std::string symbol;
    std::vector<std::string> files;             // as written in the `files` cell
    std::map<std::string, std::string> cells;   // column name -> cell
    std::vector<std::string> text_variants() const {
        std::vector<std::string> out;
        for (const auto& f : files)
            if (is_text_variant(f)) out.push_back(f);
        return out;
    }
};

/// TRUTH.tsv: '#' lines are comments, the first other line is the header.
std::vector<TruthRow> read_truth() {
    const std::string path = corpus_dir() + "/TRUTH.tsv";
    std::istringstream in(unres_test::read_file(path));
    std::vector<std::string> header;
    std::vector<TruthRow> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cells = split(line, '\t');
        if (header.empty()) {
            header = cells;
            continue;
        }
        TruthRow row;
        for (std::size_t i = 0; i < header.size(); ++i) row.cells[header[i]] = i < cells.size() ? cells[i] : std::string();
        row.symbol = row.cells["symbol"];
        row.files = split(row.cells["files"], ',');
        rows.push_back(std::move(row));
    }
    if (header.empty()) throw std::runtime_error("no header in " + path + " (missing or empty file?)");
    for (const char* field : kFields)
        if (std::find(header.begin(), header.end(), field) == header.end())
            throw std::runtime_error(path + " has no column " + field);
    return rows;
}

/// Where the project keeps a file named in TRUTH.tsv: the sample row says "../samples/NAME".
std::string variant_path(const std::string& cell_file) {
    if (cell_file.rfind("../samples/", 0) == 0) return unres_test::source_dir() + "/samples/" + base_name(cell_file);
    return corpus_dir() + "/" + base_name(cell_file);
}

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// "1-3,1-2,_,5" -> 1 2 3 1 2 "" 5  ("" = an unnumbered paragraph).
std::vector<std::string> expand_nums(const std::string& cell) {
    std::vector<std::string> out;
    for (const std::string& part : split(cell, ',')) {
        if (part == "_") {
            out.emplace_back();
            continue;
        }
        std::size_t dash = part.find('-');
        std::string a = part.substr(0, dash);
        std::string b = dash == std::string::npos ? std::string() : part.substr(dash + 1);
        if (dash != std::string::npos && all_digits(a) && all_digits(b)) {
            for (long i = std::stol(a), last = std::stol(b); i <= last; ++i) out.push_back(std::to_string(i));
        } else {
            out.push_back(part);
        }
    }
    return out;
}

/// The inverse of expand_nums: runs of consecutive numbers become "a-b".
std::string compact_nums(const std::vector<std::string>& nums) {
    std::string out;
    auto emit = [&out](const std::string& piece) {
        if (!out.empty()) out += ',';
        out += piece;
    };
    for (std::size_t i = 0; i < nums.size();) {
        if (!all_digits(nums[i]) || nums[i].size() > 9) {
            emit(nums[i].empty() ? std::string("_") : nums[i]);
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j + 1 < nums.size() && all_digits(nums[j + 1]) && nums[j + 1].size() <= 9 &&
               std::stol(nums[j + 1]) == std::stol(nums[j]) + 1)
            ++j;
        emit(j == i ? nums[i] : nums[i] + "-" + nums[j]);
        i = j + 1;
    }
    return out;
}

struct Structure {
    std::size_t preamble = 0;
    std::size_t operative = 0;
    std::vector<std::string> operative_nums;  // "" = unnumbered
    std::size_t subparagraphs = 0;
    std::size_t footnotes = 0;
    std::size_t annexes = 0;
    bool operator==(const Structure&) const = default;
};

std::size_t descendants(const std::vector<unres::Para>& items) {
    std::size_t n = 0;
    for (const auto& item : items) n += 1 + descendants(item.children);
    return n;
}

Structure structure_of(const unres::Document& doc) {
    Structure s;
    s.preamble = doc.preamble.size();
    s.operative = doc.operative.size();
    for (const auto& para : doc.operative) {
        s.operative_nums.push_back(para.num);
        s.subparagraphs += descendants(para.children);
    }
    s.footnotes = static_cast<std::size_t>(
        std::count_if(doc.footnotes.begin(), doc.footnotes.end(), [](const unres::Footnote& f) { return all_digits(f.num); }));
    s.annexes = doc.annexes.size();
    return s;
}

std::string describe(const Structure& s) {
    std::ostringstream out;
    out << "preamble " << s.preamble << ", operative " << s.operative << " [" << compact_nums(s.operative_nums)
        << "], subparagraphs " << s.subparagraphs << ", footnotes " << s.footnotes << ", annexes " << s.annexes;
    return out.str();
}

std::size_t count_field(const Structure& s, const std::string& field) {
    if (field == "preamble") return s.preamble;
    if (field == "operative") return s.operative;
    if (field == "subparagraphs") return s.subparagraphs;
    if (field == "footnotes") return s.footnotes;
    return s.annexes;
}

/// Every compared TRUTH cell that `got` does not match, as "FIELD: got X, want Y".
std::vector<std::string> compare(const Structure& got, const TruthRow& row) {
    std::vector<std::string> bad;
    for (const std::string field : kFields) {
        const std::string& cell = row.cells.at(field);
        if (cell.empty() || cell == "-" || cell.find('?') != std::string::npos) continue;
        if (field == "operative_nums") {
            if (got.operative_nums != expand_nums(cell))
                bad.push_back(field + ": got " + (got.operative_nums.empty() ? "(none)" : compact_nums(got.operative_nums)) +
                              ", want " + cell);
            continue;
        }
        std::size_t want = 0;
        auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), want);
        if (ec != std::errc() || end != cell.data() + cell.size()) {
            bad.push_back(field + ": TRUTH cell '" + cell + "' is not a count");
            continue;
        }
        if (count_field(got, field) != want)
            bad.push_back(field + ": got " + std::to_string(count_field(got, field)) + ", want " + cell);
    }
    return bad;
}

/// tests/corpus/KNOWN-GAPS.tsv: file -> the fields it is known to get wrong (documented there).
std::map<std::string, std::set<std::string>> read_known_gaps() {
    std::map<std::string, std::set<std::string>> gaps;
    std::istringstream in(unres_test::read_file(corpus_dir() + "/KNOWN-GAPS.tsv"));
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto cols = split(line, '\t');
        if (cols.size() < 3) continue;
        for (const auto& f : split(cols[1], ',')) gaps[cols[0]].insert(f);
    }
    return gaps;
}

Structure parse_file(const std::string& path) {
    unres::SourceFile src = unres::SourceFile::from_path(path);
    return structure_of(unres::parse(src));
}

}  // namespace

TEST_CASE("corpus helpers: operative number lists expand and compact like TRUTH.tsv", "[corpus][helpers]") {
    using V = std::vector<std::string>;
    CHECK(expand_nums("1-3") == V{"1", "2", "3"});
    CHECK(expand_nums("1-2,1-3") == V{"1", "2", "1", "2", "3"});
    CHECK(expand_nums("_,1-2") == V{"", "1", "2"});
    CHECK(expand_nums("5,_,9") == V{"5", "", "9"});
    CHECK(expand_nums("_") == V{""});
    CHECK(compact_nums({"1", "2", "4", "", "a", "b"}) == "1-2,4,_,a,b");
    CHECK(compact_nums({"1", "2", "1", "2", "3"}) == "1-2,1-3");
    CHECK(compact_nums({}).empty());
    // Every number cell TRUTH.tsv compares survives the round trip.
    std::size_t cells = 0;
    for (const auto& row : read_truth()) {
        const std::string& cell = row.cells.at("operative_nums");
        if (cell.empty() || cell == "-" || cell.find('?') != std::string::npos) continue;
        ++cells;
        INFO(row.symbol);
        CHECK(compact_nums(expand_nums(cell)) == cell);
    }
    CHECK(cells > 40);
}

TEST_CASE("corpus helpers: comparison with a TRUTH row names each wrong field", "[corpus][helpers]") {
    TruthRow row;
    row.symbol = "X";
    row.cells = {{"preamble", "2"}, {"operative", "3"}, {"operative_nums", "1-2,_"}, {"subparagraphs", "4?"},
                 {"footnotes", "-"}, {"annexes", "1"}};
    Structure s;
    s.preamble = 2;
    s.operative = 3;
    s.operative_nums = {"1", "2", ""};
    s.subparagraphs = 99;  // "4?" is not compared
    s.footnotes = 7;       // "-" is not compared
    s.annexes = 1;
    CHECK(compare(s, row).empty());
    s.operative_nums = {"1", "3", ""};
    s.annexes = 0;
    CHECK(compare(s, row) == std::vector<std::string>{"operative_nums: got 1,3,_, want 1-2,_", "annexes: got 0, want 1"});
    row.cells["preamble"] = "two";
    CHECK(compare(s, row).front() == "preamble: TRUTH cell 'two' is not a count");
}

TEST_CASE("corpus: TRUTH.tsv and tests/corpus name the same text variants", "[corpus]") {
    std::set<std::string> named;
    for (const auto& row : read_truth())
        for (const auto& f : row.text_variants()) {
            named.insert(base_name(f));
            INFO(row.symbol << ": " << f << " -> " << variant_path(f));
            CHECK(fs::is_regular_file(variant_path(f)));
        }
    CHECK(named.size() >= 70);
    for (const auto& entry : fs::directory_iterator(corpus_dir())) {
        const std::string name = entry.path().filename().string();
        if (!is_text_variant(name) || name == "README.md") continue;
        INFO(name << " is in tests/corpus but no TRUTH.tsv row names it");
        CHECK(named.count(name) == 1);
    }
}

TEST_CASE("corpus: each text variant has the structure TRUTH.tsv gives", "[corpus]") {
    // Filled across the reruns Catch makes for the sections; complete on the last one.
    static std::map<std::string, bool> exact;
    const std::vector<TruthRow> rows = read_truth();
    const auto known = read_known_gaps();
    std::size_t total = 0;
    for (const auto& row : rows) {
        for (const auto& file : row.text_variants()) {
            ++total;
            const std::string name = base_name(file);
            DYNAMIC_SECTION(name << " (" << row.symbol << ")") {
                std::vector<std::string> bad;
                try {
                    bad = compare(parse_file(variant_path(file)), row);
                } catch (const std::exception& e) {
                    bad.push_back(std::string("parse threw: ") + e.what());
                }
                exact[name] = bad.empty();
                auto gap = known.find(name);
                if (gap == known.end()) {
                    for (const auto& b : bad) FAIL_CHECK(name << ": " << b);
                } else {
                    // A documented gap: it must still fail in exactly the listed fields (when it is
                    // fixed, its KNOWN-GAPS.tsv line must go).
                    std::set<std::string> fields;
                    for (const auto& b : bad) fields.insert(b.substr(0, b.find(':')));
                    INFO(name << " is listed in KNOWN-GAPS.tsv for " << gap->second.size() << " field(s); it now fails in "
                              << fields.size() << ": " << (bad.empty() ? std::string("none") : bad.front()));
                    CHECK(fields == gap->second);
                }
            }
        }
    }
    if (exact.size() == total) {
        std::size_t n = static_cast<std::size_t>(std::count_if(exact.begin(), exact.end(), [](const auto& e) { return e.second; }));
        std::cout << "corpus: " << n << "/" << total << " text variants structure-exact (" << known.size()
                  << " known gaps, tests/corpus/KNOWN-GAPS.tsv)\n";
    }
}

TEST_CASE("corpus: the text variants of one document have the same structure", "[corpus]") {
    struct Group {
        std::string name;
        std::vector<std::string> files;
    };
    std::vector<Group> groups;
    for (const auto& row : read_truth())
        if (row.text_variants().size() >= 2) groups.push_back({row.symbol, row.text_variants()});
    // No document has pdftotext, -layout and markdown variants at once; A/80/L.4 was adopted unchanged as
    // A/RES/80/3 (TRUTH.tsv gives both the same structure), whose text exists as markdown and plain text.
    groups.push_back({"A/80/L.4 = A/RES/80/3",
                      {"A_80_L.4.pdftotext.txt", "A_80_L.4.layout.txt", "A_RES_80_3.md", "A_RES_80_3.v1.0.txt"}});
    CHECK(groups.size() > 30);
    // A variant whose extraction lost text (KNOWN-GAPS.tsv) cannot match its complete siblings.
    const auto known = read_known_gaps();
    for (const auto& group : groups) {
        DYNAMIC_SECTION(group.name) {
            std::string first;
            Structure reference;
            for (const auto& file : group.files) {
                const std::string name = base_name(file);
                if (known.count(name) && name.find(".content.txt") != std::string::npos) continue;
                Structure s;
                try {
                    s = parse_file(variant_path(file));
                } catch (const std::exception& e) {
                    FAIL_CHECK(name << ": parse threw: " << e.what());
                    continue;
                }
                if (first.empty()) {
                    first = name;
                    reference = s;
                } else if (!(s == reference)) {
                    FAIL_CHECK(group.name << ": " << name << " gives " << describe(s) << "\n  but " << first << " gives "
                                          << describe(reference));
                }
            }
        }
    }
}
