// Stage 7 of the text reader (src/readers/text/marks.cpp), seen through the reader: footnote
// marks in the tree linked to the footnote bodies (driven through readers::read_text: the
// stage needs the tree and the footnotes with their pages).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "readers/readers.hpp"

using namespace unres;

namespace {

Document read(const std::string& text, InputFormat f = InputFormat::Text) {
    static std::vector<SourceFile> keep;
    keep.push_back(SourceFile::from_bytes("t.txt", text));
    return readers::read_text(keep.back(), f);
}

std::vector<std::string> marks_of(const Para& p) {
    std::vector<std::string> out;
    for (const auto& m : p.marks) out.push_back(m.num);
    return out;
}

}  // namespace

TEST_CASE("marks stage: a bare digit that fits the footnote sequence is a mark", "[stage-marks]") {
    Document doc = read(
        "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015,1\n\n1. Decides to act.\n"
        "__________\n1 Resolution 70/1.\n");
    REQUIRE(doc.preamble.size() == 1);
    CHECK(marks_of(doc.preamble[0]) == std::vector<std::string>{"1"});
    CHECK(doc.preamble[0].marks[0].inferred);
    CHECK(doc.preamble[0].text == "Recalling its resolution 70/1 of 25 September 2015,");
    REQUIRE(doc.footnotes.size() == 1);
    CHECK(doc.footnotes[0].refs.size() == 1);
}

TEST_CASE("marks stage: numbers that are quantities or references stay text", "[stage-marks]") {
    Document doc = read(
        "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015,\n\n1. Decides to act in 2 years.\n");
    REQUIRE(doc.preamble.size() == 1);
    CHECK(doc.preamble[0].marks.empty());
    REQUIRE(doc.operative.size() == 1);
    CHECK(doc.operative[0].marks.empty());
}

TEST_CASE("marks stage: marks in markup are taken as written", "[stage-marks]") {
    Document doc = read("The General Assembly,\n\n*Recalling* its resolution,[^1]\n\n1. Decides.\n\n[^1]: Resolution 1.\n",
                        InputFormat::Markdown);
    REQUIRE(doc.preamble.size() == 1);
    CHECK(marks_of(doc.preamble[0]) == std::vector<std::string>{"1"});
    CHECK_FALSE(doc.preamble[0].marks[0].inferred);
    REQUIRE(doc.footnotes.size() == 1);
    CHECK(doc.footnotes[0].refs.size() == 1);
}

TEST_CASE("marks stage: a footnote whose mark is not found is kept on its page's paragraph", "[stage-marks]") {
    Document doc = read("The General Assembly,\n\nRecalling its resolution,\n\n1. Decides.\n__________\n7 Resolution 1.\n");
    REQUIRE(doc.footnotes.size() == 1);
    std::size_t orphans = 0;
    for (const auto& p : doc.preamble) orphans += p.orphan_notes.size();
    for (const auto& p : doc.operative) orphans += p.orphan_notes.size();
    CHECK(orphans == 1);
}

TEST_CASE("marks stage: a mark's page is its line's page, also after a line was split", "[stage-marks]") {
    // "1. ... 2. ..." on one line is split in two by the repairs: the lines no longer follow the
    // source's line numbers, and the mark on the first line of page 2 must still be on page 2.
    Document doc = read(
        "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015,1\n\n"
        "1. Decides to act. 2. Requests the Secretary-General to report.\n3. Also decides to cooperate;\n"
        "__________\n1 Resolution 70/1.\n"
        "\f4. Welcomes the Convention on the Rights 2 and the work of the Committee;\n"
        "5. Decides to remain seized of the matter.\n__________\n2 Convention text.\n");
    REQUIRE(doc.operative.size() == 5);
    CHECK(marks_of(doc.operative[3]) == std::vector<std::string>{"2"});
    CHECK(doc.operative[3].text == "Welcomes the Convention on the Rights and the work of the Committee;");
    REQUIRE(doc.footnotes.size() == 2);
    CHECK(doc.footnotes[1].refs.size() == 1);
}

TEST_CASE("marks stage: bare marks after a resolution number, a decision, a comma, a date", "[stage-marks]") {
    struct Row {
        const char* name;
        const char* para;     // the preambular paragraph, its mark "3" bare (footnotes 1 to 3 exist)
        const char* without;  // its text once the mark left it; "" = no mark may be read
    };
    const std::vector<Row> rows = {
        {"after a resolution number", "Recalling its resolution 59/300 3 and its other resolutions,",
         "Recalling its resolution 59/300 and its other resolutions,"},
        {"after 'decision', a word following", "Welcoming the ministerial decision 3 that was adopted at the Conference,",
         "Welcoming the ministerial decision that was adopted at the Conference,"},
        {"after a comma, before 'States'", "Noting the Conference on Financing for Development, 3 States expressed views,",
         "Noting the Conference on Financing for Development, States expressed views,"},
        {"the first day of a pair of dates", "Recalling its statements of 9 May 2018, 3 1 and 30 April 2021,",
         "Recalling its statements of 9 May 2018, 1 and 30 April 2021,"},
        {"a range of decisions stays text", "Recalling decisions 3 to 5 of the Conference,", ""},
        {"a paragraph number stays text", "Recalling paragraph 3 that concerns the Conference,", ""},
    };
    for (const auto& r : rows) {
        CAPTURE(r.name);
        Document doc = read(std::string("The General Assembly,\n\nRecalling its resolution 70/1,1\n\nRecalling also resolution 70/2,2\n\n") +
                            r.para + "\n\n1. Decides to act.\n__________\n1 Resolution 70/1.\n2 Resolution 70/2.\n3 A/80/1.\n");
        REQUIRE(doc.preamble.size() == 3);
        const Para& p = doc.preamble[2];
        if (*r.without) {
            CHECK(marks_of(p) == std::vector<std::string>{"3"});
            CHECK(p.text == r.without);
        } else {
            CHECK(p.marks.empty());
            CHECK(p.text == r.para);
        }
    }
}

TEST_CASE("marks stage: a mark glued to the next word stands after the word before it", "[stage-marks]") {
    // "resolutions 3on the": the mark goes after "resolutions", the space stays before "on"
    // (so text -> AKN -> text keeps it where it was: A/RES/80/129)
    Document doc = read(std::string("The General Assembly,\n\nRecalling its resolution 70/1,1\n\nRecalling also resolution 70/2,2\n\n") +
                        "Recalling all previous resolutions 3on the follow-up,\n\n1. Decides to act.\n"
                        "__________\n1 Resolution 70/1.\n2 Resolution 70/2.\n3 A/80/1.\n");
    REQUIRE(doc.preamble.size() == 3);
    const Para& p = doc.preamble[2];
    REQUIRE(marks_of(p) == std::vector<std::string>{"3"});
    CHECK(p.text == "Recalling all previous resolutions on the follow-up,");
    CHECK(p.marks[0].pos == std::string("Recalling all previous resolutions").size());
}
