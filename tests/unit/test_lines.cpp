// The line producers (src/readers/lines/text.cpp, markdown.cpp) and the line stage
// (lines/classify.cpp): source lines in, typed lines out.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "readers/lines.hpp"
#include "unres/source.hpp"

using namespace unres;
using namespace unres::readers;

namespace {

std::vector<Line> produce(const std::string& text, bool markdown) {
    static std::vector<SourceFile> keep;  // lines point into their source
    keep.push_back(SourceFile::from_bytes("t", text));
    return split_lines(keep.back(), markdown);
}

std::string italic_text(const Line& l) {
    std::string out;
    for (const auto& r : l.italics()) ((out += "[") += l.text.substr(r.begin, r.end - r.begin)) += "]";
    return out;
}

}  // namespace

TEST_CASE("text producer: indent, pages, gaps, <sup> marks", "[lines]") {
    auto ls = produce("  1.  Decides\n\tx\n\fPage two   next column\nword<sup>6</sup> more\n", false);
    REQUIRE(ls.size() >= 4);
    CHECK(ls[0].text == "1. Decides");
    CHECK(ls[0].indent == 2.0f);
    CHECK(ls[1].columns() == 8);
    CHECK(ls[0].page == 0);
    CHECK(ls[2].page == 1);  // a form feed starts a page
    CHECK(ls[2].text == "Page two next column");
    REQUIRE(ls[2].gaps.size() == 1);
    CHECK(ls[2].text.substr(ls[2].gaps[0]) == " next column");
    CHECK(ls[3].text == "word more");
    REQUIRE(ls[3].marks.size() == 1);
    CHECK(ls[3].marks[0].num == "6");
    CHECK(ls[3].marks[0].pos == 4);
    CHECK(ls[3].zone == Zone::Unknown);
    // plain text keeps emphasis characters
    auto plain = produce("*Recalling* its\n", false);
    CHECK(plain[0].text == "*Recalling* its");
    CHECK(plain[0].styles.empty());
}

TEST_CASE("text producer: superscript digits are marks, a unit's power is not", "[lines]") {
    // as unres --to text writes marks ("rights,\u00B9\u2070 which") and some converters do
    auto ls = produce("rights,\u00B9\u2070 which and laws\u2076\nan area of 20 km\u00B2 and 3 m\u00B3\n", false);
    REQUIRE(ls.size() >= 2);
    CHECK(ls[0].text == "rights, which and laws");
    REQUIRE(ls[0].marks.size() == 2);
    CHECK(ls[0].marks[0].num == "10");
    CHECK(ls[0].marks[0].pos == 7);
    CHECK(ls[0].marks[1].num == "6");
    CHECK(ls[1].text == "an area of 20 km\u00B2 and 3 m\u00B3");
    CHECK(ls[1].marks.empty());
}

TEST_CASE("markdown producer: emphasis, bold, [^N], headings and bullets", "[lines]") {
    struct Row {
        const char* in;
        const char* text;
        const char* italics;
    };
    const std::vector<Row> rows = {
        {"*Recalling* its resolution", "Recalling its resolution", "[Recalling]"},
        {"_Noting_ the report", "Noting the report", "[Noting]"},
        {"<i>Aware</i> of it", "Aware of it", "[Aware]"},
        {"**Bold** and *it*", "Bold and it", "[it]"},
        {"rule\\_5 and \\*7", "rule_5 and *7", ""},
        {"snake_case_word", "snake_case_word", ""},
        {"A &amp; B", "A & B", ""},
    };
    for (const auto& r : rows) {
        CAPTURE(r.in);
        auto ls = produce(std::string(r.in) + "\n", true);
        CHECK(ls[0].text == r.text);
        CHECK(italic_text(ls[0]) == r.italics);
    }
    auto bold = produce("**Bold** text\n", true);
    REQUIRE(bold[0].styles.size() == 1);
    CHECK(bold[0].styles[0].bold);
    CHECK_FALSE(bold[0].styles[0].italic);

    auto ls = produce("## Heading\n- item\nas noted[^3] here\n[^3]: The note.\n", true);
    CHECK(ls[0].heading);
    CHECK(ls[0].text == "Heading");
    CHECK(ls[1].bullet);
    CHECK(ls[1].text == "item");
    REQUIRE(ls[2].marks.size() == 1);
    CHECK(ls[2].marks[0].num == "3");
    CHECK(ls[2].text == "as noted here");
    CHECK(ls[3].note_num == "3");
    CHECK(ls[3].text == "The note.");
}

TEST_CASE("line stage: kinds and pages", "[lines]") {
    auto ls = produce("The General Assembly,\n\n__________\n1 Resolution 1.\n23-12345 (E)\nRecalling\n", false);
    classify_lines(ls, false);
    REQUIRE(ls.size() >= 6);
    CHECK(ls[0].kind == LineKind::Content);
    CHECK(ls[1].kind == LineKind::Blank);
    CHECK(ls[2].kind == LineKind::Separator);
    CHECK(ls[3].kind == LineKind::Footnote);
    CHECK(ls[3].note_num == "1");
    CHECK(ls[4].kind == LineKind::Furniture);
    CHECK(ls[5].kind == LineKind::Content);
    CHECK(ls[5].page == 1);  // furniture after a footnote block ends the page
}

TEST_CASE("text producer: a line the cleaning leaves as it is is a view of the source", "[lines]") {
    const std::string text = "1. Decides to act;\n   indented line\nwide    gap\ttab\n";
    SourceFile src = SourceFile::from_bytes("v.txt", text);
    std::vector<Line> ls = split_lines(src, false);
    REQUIRE(ls.size() >= 3);
    const char* s0 = src.text().data();
    // unchanged (trimmed of its indent): the source's own bytes, one inline map entry
    CHECK(ls[0].text == "1. Decides to act;");
    CHECK(ls[0].text.is_view());
    CHECK(ls[0].text.data() == s0);
    CHECK(ls[1].text == "indented line");
    CHECK(ls[1].text.is_view());
    CHECK(ls[1].text.data() == s0 + text.find("indented"));
    REQUIRE(ls[1].map.size() == 1);
    CHECK(ls[1].map[0].src == text.find("indented"));
    // collapsed spaces and a tab: the line's own copy, mapped run by run
    CHECK(ls[2].text == "wide gap tab");
    CHECK(!ls[2].text.is_view());
    CHECK(ls[2].map.size() > 1);
    CHECK(ls[2].map.front().text_pos == 0);
}

TEST_CASE("LineText: shrinking, copies, moves and assignment keep the text", "[lines]") {
    const std::string stable = "Decides to remain seized of the matter.";
    LineText v = LineText::view_of(stable);
    LineText c = v;  // a view copies as a view
    CHECK(c.is_view());
    CHECK(c.data() == stable.data());
    c.erase(0, 8);
    CHECK(c == "to remain seized of the matter.");
    c.resize(9);
    CHECK(c == "to remain");
    c.erase(2);  // through the end
    CHECK(c == "to");
    CHECK(v == stable);  // the original view is untouched

    LineText o;
    o = std::string("owned text here");
    CHECK(!o.is_view());
    LineText o2 = o;  // an owned text copies its bytes
    CHECK(o2 == "owned text here");
    CHECK(o2.data() != o.data());
    const char* before = o.data();
    LineText moved = std::move(o);
    CHECK(moved.data() == before);  // a move keeps the buffer (views of it stay valid)
    CHECK(moved == "owned text here");
    moved.erase(0, 6);
    moved.shrink_to_fit();
    CHECK(moved == "text here");
    moved = moved.substr(5);  // assigned from a view of itself
    CHECK(moved == "here");
    std::vector<LineText> many;
    for (int i = 0; i < 100; ++i) many.push_back(LineText(std::to_string(i) + " line"));
    CHECK(many[42] == "42 line");  // the vector moved its elements while it grew
}

TEST_CASE("LineMap and Rare: inline and heap forms read the same", "[lines]") {
    LineMap m;
    CHECK(m.empty());
    CHECK(m.begin() == m.end());
    m = std::vector<SourceMapEntry>{{0, 7}};
    REQUIRE(m.size() == 1);
    CHECK(m.front().src == 7);
    m = std::vector<SourceMapEntry>{{0, 7}, {5, 40}, {9, 60}};
    REQUIRE(m.size() == 3);
    CHECK(m.back().text_pos == 9);
    CHECK(m[1].src == 40);
    m = std::vector<SourceMapEntry>{{3, 9}};  // one entry that does not start the text
    REQUIRE(m.size() == 1);
    CHECK(m[0].text_pos == 3);
    LineMap copy = m;
    CHECK(copy[0].src == 9);

    Line a;
    CHECK(a.marks.empty());
    CHECK(a.note_num.get().empty());
    for (auto& mk : a.marks) (void)mk;  // iterating an unset field is iterating nothing
    Mark mk;
    mk.num = "3";
    a.marks.push_back(mk);
    a.note_num = std::string("12");
    Line b = a;  // deep copy
    b.marks.mut()[0].num = "4";
    CHECK(a.marks[0].num == "3");
    CHECK(b.marks[0].num == "4");
    CHECK(b.note_num == std::string("12"));
    a.marks.erase_if([](const Mark& x) { return x.num == "3"; });
    CHECK(a.marks.empty());
}
