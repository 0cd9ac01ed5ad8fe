// Stage 4 of the text reader alone (src/readers/text/repair.cpp): body lines in, repaired
// lines out (glued numbers split, running titles marked, page margins measured).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "readers/lines.hpp"
#include "readers/text/repair.hpp"

using namespace unres;
using namespace unres::readers;
using namespace unres::readers::stages;

namespace {

std::vector<Line> lines_of(const std::string& text) {
    static std::vector<SourceFile> keep;  // lines point into their source
    keep.push_back(SourceFile::from_bytes("t", text));
    std::vector<Line> lines = split_lines(keep.back(), false);
    classify_lines(lines, false);
    return lines;
}

std::vector<std::string> texts(const std::vector<Line>& ls) {
    std::vector<std::string> out;
    for (const auto& l : ls)
        if (l.kind == LineKind::Content) out.push_back(l.text.str());
    return out;
}

}  // namespace

TEST_CASE("repair stage: a glued next number is cut onto its own line", "[stage-repair]") {
    struct Row {
        const char* input;
        std::vector<std::string> want;
    };
    const std::vector<Row> rows = {
        {"2. Decides to act; 3. Requests the report;\n", {"2. Decides to act;", "3. Requests the report;"}},
        {"2. Decides; 3. Notes; 4. Urges all;\n", {"2. Decides;", "3. Notes;", "4. Urges all;"}},
        // a cross-reference is not a glued number
        {"2. Recalls paragraph 3. The text;\n", {"2. Recalls paragraph 3. The text;"}},
        // only the next number: "5." after "2." stays
        {"2. Decides to act 5. Later;\n", {"2. Decides to act 5. Later;"}},
        // lower case after the number: not a paragraph
        {"2. Decides to act; 3. and more\n", {"2. Decides to act; 3. and more"}},
    };
    for (const auto& r : rows) {
        CAPTURE(r.input);
        auto ls = lines_of(r.input);
        split_glued_numbers(ls, 0);
        CHECK(texts(ls) == r.want);
    }
}

TEST_CASE("repair stage: the pieces of every cut line stay in order, with the lines between", "[stage-repair]") {
    auto ls = lines_of("Recalling its resolutions,\n\n1. Decides; 2. Notes;\n\n3. Urges; 4. Calls upon all; 5. Invites;\n"
                       "more of it;\n\n6. Requests the report.\n");
    const std::size_t before = ls.size();
    split_glued_numbers(ls, 0);
    CHECK(texts(ls) == std::vector<std::string>{"Recalling its resolutions,", "1. Decides;", "2. Notes;", "3. Urges;",
                                                "4. Calls upon all;", "5. Invites;", "more of it;", "6. Requests the report."});
    CHECK(ls.size() == before + 3);
    // each piece keeps its line's number; the blank lines are where they were
    CHECK(ls[2].number == 3);
    CHECK(ls[3].number == 3);
    CHECK(ls[3].split_off);
    CHECK(ls[4].kind == LineKind::Blank);
    CHECK(ls[5].number == 5);
    CHECK(ls[7].number == 5);
    CHECK(ls[8].number == 6);
}

TEST_CASE("repair stage: lines before the body are not touched", "[stage-repair]") {
    auto ls = lines_of("2. Header; 3. Still header\n2. Body; 3. Next one\n");
    split_glued_numbers(ls, 1);
    CHECK(texts(ls) == std::vector<std::string>{"2. Header; 3. Still header", "2. Body;", "3. Next one"});
}

TEST_CASE("repair stage: running titles next to furniture become furniture", "[stage-repair]") {
    const std::string title = "Follow-up to the Fifth United Nations Conference on the Least Developed Countries";
    auto ls = lines_of("Recalling the Programme,\nA/C.2/80/L.48   Follow-up to the Fifth United Nations Conference\nReaffirming it,\n");
    mark_running_titles(ls, 0, title);
    CHECK(ls[1].kind == LineKind::Furniture);
    CHECK(ls[0].kind == LineKind::Content);
    CHECK(ls[2].kind == LineKind::Content);
    // a short title counts only whole: "Question of Bermuda" beside the symbol is a running head,
    // a piece of it is not, and a sentence running into the title's words is body text
    auto ls2 = lines_of("A/RES/80/92   Question of Bermuda\nA/RES/80/92   Question of\n");
    mark_running_titles(ls2, 0, "Question of Bermuda");
    CHECK(ls2[0].kind == LineKind::Furniture);
    CHECK(ls2[1].kind == LineKind::Content);
    auto ls3 = lines_of("A/RES/80/225\n\nof the Declaration under the item entitled\nto the Fifth United Nations Conference on the Least\n");
    mark_running_titles(ls3, 0, title);
    CHECK(ls3[3].kind == LineKind::Content);
}

TEST_CASE("repair stage: a page's margin is the indent most of its lines have", "[stage-repair]") {
    auto ls = lines_of("     1. First line of a paragraph\n  continues here\n  and here\n\f    Next page\n    more\n");
    Margins m = page_margins(ls);
    CHECK(m.by_page.at(0) == 2);
    CHECK(m.by_page.at(1) == 4);
    CHECK(m.relative(ls[0]) == 3);
    CHECK(m.relative(ls[1]) == 0);
}
