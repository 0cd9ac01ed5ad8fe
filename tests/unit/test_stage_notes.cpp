// Stage 2 of the text reader alone (src/readers/text/notes.cpp): classified lines in,
// footnote bodies with their pages out.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "readers/lines.hpp"
#include "readers/text/notes.hpp"

using namespace unres;
using namespace unres::readers;

namespace {

stages::NoteSet notes_of(const std::string& text, bool markdown) {
    static std::vector<SourceFile> keep;  // lines and spans point into their source
    keep.push_back(SourceFile::from_bytes("t", text));
    std::vector<Line> lines = split_lines(keep.back(), markdown);
    classify_lines(lines, markdown);
    return stages::read_notes(lines);
}

struct Want {
    const char* num;
    const char* text;
};

void check(const stages::NoteSet& got, const std::vector<Want>& want) {
    REQUIRE(got.notes.size() == want.size());
    REQUIRE(got.page.size() == want.size());
    REQUIRE(got.region_lo.size() == want.size());
    for (std::size_t k = 0; k < want.size(); ++k) {
        CAPTURE(k);
        CHECK(got.notes[k].num == want[k].num);
        CHECK(got.notes[k].text == want[k].text);
    }
}

}  // namespace

TEST_CASE("notes stage: one footnote per numbered line, continuation lines joined", "[stage-notes]") {
    struct Row {
        const char* name;
        const char* input;
        bool markdown;
        std::vector<Want> want;
    };
    const std::vector<Row> rows = {
        {"markdown definitions", "Text.[^1]\n\n[^1]: Resolution 70/1.\n[^2]: *Official Records*, No. 13.\n", true,
         {{"1", "Resolution 70/1."}, {"2", "Official Records, No. 13."}}},
        {"pdftotext block", "Recalling its resolution 70/1,1\n__________\n1 Resolution 70/1 of\n25 September 2015.\n2 See A/70/1.\n", false,
         {{"1", "Resolution 70/1 of 25 September 2015."}, {"2", "See A/70/1."}}},
        {"a footnote set with an asterisk", "Draft*\n__________\n* Reissued for technical reasons.\n", false,
         {{"*", "Reissued for technical reasons."}}},
        {"a date is no footnote number", "Text1\n__________\n1 Report of the meeting held from\n26 August to 4 September 2002.\n", false,
         {{"1", "Report of the meeting held from 26 August to 4 September 2002."}}},
        {"no footnotes", "The General Assembly,\n1. Decides;\n", false, {}},
    };
    for (const auto& r : rows) {
        CAPTURE(r.name);
        check(notes_of(r.input, r.markdown), r.want);
    }
}

TEST_CASE("notes stage: a footnote's page is the page of the text above it", "[stage-notes]") {
    auto got = notes_of("Text1\n__________\n1 First note.\n\fMore text2\n__________\n2 Second note.\n", false);
    check(got, {{"1", "First note."}, {"2", "Second note."}});
    CHECK(got.page[0] == 0);
    CHECK(got.page[1] == 1);
    CHECK(got.region_lo[1] == 1);  // its mark is after the previous block's page
    CHECK(got.notes[1].line == 6);
}

TEST_CASE("notes stage: a block that opens in lower case continues the last footnote", "[stage-notes]") {
    auto got = notes_of("Text1\n__________\n1 A note that runs\n\fon the next page.\nBody again\n__________\ncontinued here.\n", false);
    REQUIRE(!got.notes.empty());
    CHECK(got.notes[0].num == "1");
    CHECK(got.notes[0].text.find("continued here.") != std::string::npos);
}
