// Stage 7 of the text reader alone (src/readers/text/marks.cpp): a tree's paragraphs and the
// footnote bodies with their pages in, the marks linked to the bodies out.  The test builds the
// paragraphs itself (one per line of the row's body, with the line's text, source map and marks)
// and the footnotes as values, and calls link_marks directly, without the stages before it.
// Each paragraph is one line, then each footnote: "preamble lines, operative lines, notes".
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "readers/lines.hpp"
#include "readers/text/marks.hpp"
#include "unres/parse.hpp"

using namespace unres;
using namespace unres::readers;

namespace {

/// A footnote body: its number, its text, its page; written in the source as "NUM TEXT", or
/// as `written` ("[^1]: TEXT" in markdown).
struct Note {
    const char* num;
    const char* text;
    int page;
    const char* written = nullptr;
};


Para para_of(const Line& l) {
    Para p;
    p.text = l.text;
    p.map.assign(l.map.begin(), l.map.end());
    p.marks = l.marks;
    p.span = {l.begin, l.end};
    p.line = l.number;
    return p;
}

Document link(const std::vector<std::string>& preamble, const std::vector<std::string>& operative,
              const std::vector<Note>& notes, bool markdown = false) {
    static std::vector<SourceFile> keep;  // paragraphs and spans point into their source
    std::string text;
    for (const auto& t : preamble) text += t + "\n";
    for (const auto& t : operative) text += t + "\n";
    for (const auto& n : notes) text += (n.written ? std::string(n.written) : std::string(n.num) + " " + n.text) + "\n";
    keep.push_back(SourceFile::from_bytes(markdown ? "t.md" : "t.txt", text));
    const SourceFile& src = keep.back();
    std::vector<Line> lines = split_lines(src, markdown);
    Document doc;
    std::vector<int> page, region_lo;
    std::size_t k = 0;
    for (std::size_t i = 0; i < preamble.size(); ++i) doc.preamble.push_back(para_of(lines[k++]));
    for (std::size_t i = 0; i < operative.size(); ++i) doc.operative.push_back(para_of(lines[k++]));
    for (const auto& n : notes) {
        const Line& l = lines[k++];
        doc.footnotes.push_back({n.num, n.text, l.number, {l.begin, l.end}, {}});
        page.push_back(n.page);
        region_lo.push_back(0);
    }
    stages::link_marks(doc, page, region_lo, stages::line_pages(lines), src);
    return doc;
}

std::vector<std::string> marks_of(const Para& p) {
    std::vector<std::string> out;
    for (const auto& m : p.marks) out.push_back(m.num);
    return out;
}

}  // namespace

TEST_CASE("marks stage: a bare digit that fits the footnote sequence is a mark", "[stage-marks]") {
    Document doc = link({"Recalling its resolution 70/1 of 25 September 2015,1"}, {"Decides to act."},
                        {{"1", "Resolution 70/1.", 0}});
    REQUIRE(doc.preamble.size() == 1);
    CHECK(marks_of(doc.preamble[0]) == std::vector<std::string>{"1"});
    CHECK(doc.preamble[0].marks[0].inferred);
    CHECK(doc.preamble[0].text == "Recalling its resolution 70/1 of 25 September 2015,");
    REQUIRE(doc.footnotes.size() == 1);
    CHECK(doc.footnotes[0].refs.size() == 1);
}

TEST_CASE("marks stage: numbers that are quantities or references stay text", "[stage-marks]") {
    struct Row {
        const char* what;
        const char* text;
    };
    const std::vector<Row> rows = {
        {"a date's year", "Recalling its resolution 70/1 of 25 September 2015,"},
        {"a quantity", "Decides to act in 2 years."},
        {"a resolution number", "Recalling its resolution 70/1,"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.what);
        Document doc = link({r.text}, {"Decides."}, {});
        CHECK(doc.preamble[0].marks.empty());
        CHECK(doc.preamble[0].text == r.text);
    }
}

TEST_CASE("marks stage: marks in markup are taken as written", "[stage-marks]") {
    Document doc = link({"Recalling its resolution,[^1]"}, {"Decides."}, {{"1", "Resolution 1.", 0, "[^1]: Resolution 1."}}, true);
    REQUIRE(doc.preamble.size() == 1);
    CHECK(marks_of(doc.preamble[0]) == std::vector<std::string>{"1"});
    CHECK_FALSE(doc.preamble[0].marks[0].inferred);
    REQUIRE(doc.footnotes.size() == 1);
    CHECK(doc.footnotes[0].refs.size() == 1);
}

TEST_CASE("marks stage: a footnote whose mark is not found is kept on its page's paragraph", "[stage-marks]") {
    Document doc = link({"Recalling its resolution,"}, {"Decides."}, {{"7", "Resolution 1.", 0}});
    REQUIRE(doc.footnotes.size() == 1);
    std::size_t orphans = 0;
    for (const auto& p : doc.preamble) orphans += p.orphan_notes.size();
    for (const auto& p : doc.operative) orphans += p.orphan_notes.size();
    CHECK(orphans == 1);
    CHECK(doc.footnotes[0].text == "Resolution 1.");
}


TEST_CASE("marks stage: each note without a mark goes to the last paragraph before its body", "[stage-marks]") {
    // read whole (parse): two pages, each with a note whose mark is not in the text
    const std::string text =
        "The General Assembly,\n\nRecalling its resolution 1,\n\n1. Decides one;\n__________________\n7 Note seven.\n\f"
        "2. Decides two;\n__________________\n8 Note eight.\n\f3. Decides three.\n";
    const SourceFile src = SourceFile::from_bytes("t.txt", text);
    const Document doc = unres::parse(src);
    REQUIRE(doc.operative.size() == 3);
    CHECK(doc.operative[0].orphan_notes == std::vector<std::string>{"7"});
    CHECK(doc.operative[1].orphan_notes == std::vector<std::string>{"8"});
    CHECK(doc.operative[2].orphan_notes.empty());
    CHECK(doc.preamble[0].orphan_notes.empty());
}

namespace {

/// The chain by comparing every pair (what marks.cpp did before its O(n log n) chain): for each
/// item, the first earlier item with a smaller value whose chain makes it heavier.
std::vector<std::size_t> chain_by_pairs(const std::vector<int>& values, const std::vector<int>& weights) {
    const std::size_t n = values.size();
    std::vector<long> best(n, 0);
    std::vector<std::ptrdiff_t> from(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        best[i] = weights[i];
        for (std::size_t j = 0; j < i; ++j)
            if (values[j] < values[i] && best[j] + weights[i] > best[i]) {
                best[i] = best[j] + weights[i];
                from[i] = static_cast<std::ptrdiff_t>(j);
            }
    }
    std::ptrdiff_t at = -1;
    long top = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (best[i] > top) top = best[i], at = static_cast<std::ptrdiff_t>(i);
    std::vector<std::size_t> chain;
    for (; at >= 0; at = from[static_cast<std::size_t>(at)]) chain.push_back(static_cast<std::size_t>(at));
    return chain;
}

}  // namespace

TEST_CASE("marks stage: the chain of marks is the heaviest with increasing numbers, ties to the earliest", "[stage-marks]") {
    using stages::heaviest_increasing_chain;
    // 1(w2) 3(w1) 2(w1) 3(w5): 1, 2, 3 (weight 8) beats 1, 3 (7); the chain is given last first
    CHECK(heaviest_increasing_chain({1, 3, 2, 3}, {2, 1, 1, 5}) == std::vector<std::size_t>{3, 2, 0});
    // equal weights: the earliest items
    CHECK(heaviest_increasing_chain({5, 5, 6}, {1, 1, 1}) == std::vector<std::size_t>{2, 0});
    CHECK(heaviest_increasing_chain({}, {}).empty());
    CHECK(heaviest_increasing_chain({4, 2}, {0, -3}).empty());  // no positive weight
    // random sequences, small values (many ties) and weights of both signs, against every pair
    std::uint32_t seed = 12345;
    auto rnd = [&](std::uint32_t m) { return (seed = seed * 1103515245u + 12345u) / 65536u % m; };
    for (int round = 0; round < 2000; ++round) {
        const std::size_t n = rnd(40);
        std::vector<int> values(n), weights(n);
        for (std::size_t i = 0; i < n; ++i) {
            values[i] = static_cast<int>(rnd(12)) - 2;
            weights[i] = rnd(5) == 0 ? -static_cast<int>(rnd(3)) : static_cast<int>(rnd(4)) + 1;
        }
        CAPTURE(round, values, weights);
        CHECK(heaviest_increasing_chain(values, weights) == chain_by_pairs(values, weights));
    }
}
