// The text reader as a whole (readers::read_text) on rows taken from real documents, each one a
// pattern the blocks and tree stages read together: a label without its full stop, an inline
// adopted text, -layout column gaps, pdftotext's reorderings, inline enumerations, lines split by
// the repairs; footnote marks whose page or place depends on the earlier stages. The stages
// alone are tested in test_stage_blocks.cpp, test_stage_tree.cpp and test_stage_marks.cpp.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tree_compare.hpp"
#include "readers/readers.hpp"
#include "support.hpp"
#include "unres/validate.hpp"

using namespace unres;
using unres_test::outline;

namespace {

Document read(const std::string& body) {
    static std::vector<SourceFile> keep;
    keep.push_back(SourceFile::from_bytes("t.txt", "The General Assembly,\n\nRecalling its resolution 1,\n\n" + body));
    return readers::read_text(keep.back(), InputFormat::Text);
}

/// The text as it stands, no preamble added.
Document read_as_is(const std::string& text) {
    static std::vector<SourceFile> keep;
    keep.push_back(SourceFile::from_bytes("t.txt", text));
    return readers::read_text(keep.back(), InputFormat::Text);
}

std::vector<std::string> marks_of(const Para& p) {
    std::vector<std::string> out;
    for (const auto& m : p.marks) out.push_back(m.num);
    return out;
}

}  // namespace

TEST_CASE("blocks and tree: a number alone on its line where the next paragraph is due is its label", "[reader-rows]") {
    // "6" without its full stop, then "Also reaffirms ...": paragraph 6 with a malformed label,
    // not a part of paragraph 5 and a gap in the numbering.
    Document doc = read("1. Decides to act;\n\n2. Reaffirms its role;\n3\nAlso reaffirms the role of the Commission;\n\n4. Decides to remain seized.\n");
    CHECK(outline(doc.operative) == "1,2,3,4");
    REQUIRE(doc.operative.size() == 4);
    CHECK(doc.operative[2].label == "3");
    CHECK(doc.operative[2].label_malformed);
    CHECK(doc.operative[2].text == "Also reaffirms the role of the Commission;");
    CHECK_FALSE(doc.operative[1].label_malformed);
    // a number inside running text is not one, nor one after a paragraph that goes on
    Document run_on = read("1. Decides to act;\n\n2. Requests a report on the items in annex\n3\nof the report;\n\n3. Decides to remain seized.\n");
    CHECK(outline(run_on.operative) == "1,2,3");
    for (const auto& p : run_on.operative) CHECK_FALSE(p.label_malformed);
}

TEST_CASE("blocks and tree: A/RES/80/167 line 126, paragraph 6 without its full stop", "[reader-rows]") {
    SourceFile src = SourceFile::from_path(unres_test::source_dir() + "/tests/corpus/devset/A_RES_80_167.pdftotext.txt");
    Document doc = readers::read_text(src, InputFormat::Text);
    REQUIRE(doc.operative.size() == 25);
    CHECK(doc.operative[5].num == "6");
    CHECK(doc.operative[5].label_malformed);
    CHECK(src.location(doc.operative[5].label_span.begin).line == 126);
    CHECK(doc.operative[5].text.rfind("Also reaffirms the important role of the International Law Commission", 0) == 0);
}

TEST_CASE("blocks and tree: a text adopted inline after a short or a titled introduction", "[reader-rows]") {
    static std::vector<SourceFile> keep;
    auto read_doc = [](const std::string& text) {
        keep.push_back(SourceFile::from_bytes("t.txt", text));
        return readers::read_text(keep.back(), InputFormat::Text);
    };
    SECTION("'Resolves that:' right before the adopted clauses is the unnumbered operative paragraph") {
        Document doc = read_doc(
            "Working Capital Fund for 2026\nThe General Assembly\nResolves that:\n1.\nThe Working Capital Fund shall be established;\n"
            "2.\nMember States shall make advances to the Fund.\n");
        CHECK(doc.preamble.empty());
        CHECK(outline(doc.operative) == "-,1,2");
        REQUIRE(!doc.operative.empty());
        CHECK(doc.operative[0].text == "Resolves that:");
    }
    SECTION("'Adopts the following outcome document:', its title, its opening 'We, ...,' and its preamble") {
        Document doc = read_doc(
            "The General Assembly\nAdopts the following outcome document of the high-level meeting of the\n"
            "General Assembly at its eightieth session:\nOutcome document of the high-level meeting of the General Assembly on the\n"
            "overall review of the outcomes of the World Summit on\nthe Information Society\n"
            "We, the Ministers and heads of delegations participating in the high-level\nplenary meeting, held in New York,\n"
            "Recalling the outcome document of the high-level meeting on the overall review,\n"
            "Building on the 20-year review report prepared by the Commission on Science,\n"
            "Introduction\n1.\nWe reaffirm our commitment to the vision of the World Summit.\n"
            "2.\nWe further reaffirm our commitment to the Summit.\n");
        // the intro keeps its colon; the opening that the adopted preamble continues stands after it
        CHECK(outline(doc.operative) == "-,-,1,2");
        REQUIRE(doc.operative.size() == 4);
        CHECK(doc.operative[0].text.rfind("Adopts the following outcome document", 0) == 0);
        CHECK(doc.operative[0].text.back() == ':');
        CHECK(doc.operative[1].text.rfind("We, the Ministers", 0) == 0);
        CHECK(doc.operative[1].heading.rfind("Outcome document of the high-level meeting", 0) == 0);
        REQUIRE(doc.preamble.size() == 2);
        CHECK(doc.preamble[1].text.rfind("Building on the 20-year", 0) == 0);
    }
    SECTION("a sentence of a paragraph on its own line before a sub-heading continues the paragraph") {
        Document doc = read_doc(
            "The General Assembly,\n\nRecalling its resolution 1,\n\n34. We note that digital technologies have had impacts.\n"
            "We are determined to ensure that these developments serve people.\nSocial and economic development\n"
            "35. We recognize that technologies have contributed to welfare.\n");
        CHECK(outline(doc.operative) == "34,35");
        REQUIRE(doc.operative.size() == 2);
        CHECK(doc.operative[0].text.find("We are determined") != std::string::npos);
        CHECK(doc.operative[1].heading == "Social and economic development");
    }
}

TEST_CASE("blocks and tree: the adopted text's opening joined to its introduction gets no findings", "[reader-rows]") {
    SourceFile src = SourceFile::from_bytes("t.txt",
        "The General Assembly\nAdopts the following outcome document of the high-level meeting of the\n"
        "General Assembly at its eightieth session:\nOutcome document of the high-level meeting of the General Assembly on the\n"
        "overall review of the outcomes of the World Summit on\nthe Information Society\n"
        "We, the Ministers and heads of delegations participating in the high-level\nplenary meeting, held in New York,\n"
        "Recalling the outcome document of the high-level meeting on the overall review,\n"
        "Introduction\n1.\nWe reaffirm our commitment to the vision of the World Summit.\n"
        "2.\nWe further reaffirm our commitment to the Summit.\n");
    Document doc = readers::read_text(src, InputFormat::Text);
    for (const Diagnostic& d : validate(doc, src)) {
        CAPTURE(d.rule, d.message);
        CHECK((d.rule.rfind("UNR5", 0) == 0));  // header rules only (no date, no symbol)
    }
}

TEST_CASE("blocks and tree: -layout, a number and an operative lead apart by a column gap", "[reader-rows]") {
    Document doc = read("     1.   Decides to act;\n     2.   Reaffirms its role;\n     3    Also reaffirms the role of the Commission;\n"
                        "     4.   Decides to remain seized.\n");
    CHECK(outline(doc.operative) == "1,2,3,4");
    REQUIRE(doc.operative.size() == 4);
    CHECK(doc.operative[2].label_malformed);
    CHECK(doc.operative[2].text == "Also reaffirms the role of the Commission;");
    // one space: running text ("... in paragraph" / "3 Also ..." is not a label without the gap)
    Document one = read("     1.   Decides to act;\n     2.   Reaffirms its role;\n3 Also reaffirms the role of the Commission;\n"
                        "     3.   Decides to remain seized.\n");
    for (const auto& p : one.operative) CHECK_FALSE(p.label_malformed);
}

TEST_CASE("blocks and tree: a colon inside a title at a line's end opens no list", "[reader-rows]") {
    Document doc = read("1. Decides to act;\n\n2. Calls upon the private sector to apply the Guiding Principles on Business and Human Rights:\n"
                        "Implementing the United Nations \"Protect, Respect and Remedy\" Framework;\n\n3. Decides to remain seized.\n");
    CHECK(outline(doc.operative) == "1,2,3");
    REQUIRE(doc.operative.size() == 3);
    CHECK(doc.operative[1].text.find("Human Rights: Implementing") != std::string::npos);
    // a list intro ("as follows:") still opens its list of items whose labels were lost
    Document list = read("1. Decides to act as follows:\n\nEstablishing a committee;\n\nReporting to the Assembly;\n\n2. Decides to remain seized.\n");
    CHECK(outline(list.operative) == "1[-,-],2");
}

TEST_CASE("blocks and tree: pdftotext's reorderings and a list that goes on after '; and'", "[reader-rows]") {
    // "4." then the paragraph's last word ("Agency;") printed before its opening line
    Document doc = read("3. Reaffirms its support;\n4.\nAgency;\n\nAppeals to Member States to continue to support the activities of the\n\n"
                        "5.\nRequests the Secretary-General to report.\n");
    CHECK(outline(doc.operative) == "3,4,5");
    REQUIRE(doc.operative.size() == 3);
    CHECK(doc.operative[1].text == "Appeals to Member States to continue to support the activities of the Agency;");
    // "...; and" then a capitalised line: the enumeration goes on, no sub-heading
    Document en = read("1. Takes note of resolutions GC(69)/RES/15, entitled \"Safeguards\"; and\n"
                       "GC(69)/RES/16, entitled \"Personnel\", adopted by the General\nConference of the Agency;\n\n2. Decides to remain seized.\n");
    CHECK(outline(en.operative) == "1,2");
    REQUIRE(en.operative.size() == 2);
    CHECK(en.operative[0].heading.empty());
    CHECK(en.operative[0].text.find("; and GC(69)/RES/16") != std::string::npos);
}

TEST_CASE("blocks and tree: A/RES/80/127 paragraph 39, an inline enumeration over lines, stays one paragraph", "[reader-rows]") {
    // "(c) give ...;" / "(d) ensure ...; (e) to" ...: "(d)" begins a line inside running text; it
    // is no label, and the lines from it are no sub-heading (a UNR108 on line 643 before).
    SourceFile src = SourceFile::from_path(unres_test::source_dir() + "/tests/corpus/devset/A_RES_80_127.pdftotext.txt");
    Document doc = readers::read_text(src, InputFormat::Text);
    const Para* p39 = nullptr;
    for (const auto& p : doc.operative) {
        CHECK(p.kind != LabelKind::None);
        if (p.num == "39") p39 = &p;
    }
    REQUIRE(p39);
    CHECK(p39->heading.empty());
    CHECK(p39->children.empty());
    CHECK(p39->text.find("global frameworks; (d) ensure financial") != std::string::npos);
    CHECK(p39->text.find("(g) include participation of Indigenous Peoples") != std::string::npos);
}

TEST_CASE("blocks and tree: a paragraph split off a line by the repairs is flagged boundary_guessed", "[reader-rows]") {
    Document doc = read("1. Decides to act for the commitments 2. We gather here today;\n\n3. Decides to remain seized.\n");
    CHECK(outline(doc.operative) == "1,2,3");
    REQUIRE(doc.operative.size() == 3);
    CHECK_FALSE(doc.operative[0].boundary_guessed);
    CHECK(doc.operative[1].boundary_guessed);
    CHECK_FALSE(doc.operative[2].boundary_guessed);
}

TEST_CASE("blocks and tree: a number at a first line's indent, then an operative lead, is its paragraph's label", "[reader-rows]") {
    // the PDF of A/RES/80/167 gives "6 Also reaffirms ..." at the paragraphs' first-line indent
    Document doc = read("     1. Decides to act in the matter at hand and to report on it in due\ncourse;\n"
                        "     2. Reaffirms its role in the progressive development of international\nlaw;\n"
                        "     3 Also reaffirms the role of the Commission in the promotion of\nits work;\n"
                        "     4. Decides to remain seized of the matter and to consider it\nagain.\n");
    CHECK(outline(doc.operative) == "1,2,3,4");
    REQUIRE(doc.operative.size() == 4);
    CHECK(doc.operative[2].label_malformed);
}

TEST_CASE("marks: a mark's page is its line's page, also after a line was split", "[reader-rows]") {
    // "1. ... 2. ..." on one line is split in two by the repairs: the lines no longer follow the
    // source's line numbers, and the mark on the first line of page 2 must still be on page 2.
    Document doc = read_as_is(
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

TEST_CASE("marks: bare marks after a resolution number, a decision, a comma, a date", "[reader-rows]") {
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
        Document doc = read_as_is(std::string("The General Assembly,\n\nRecalling its resolution 70/1,1\n\nRecalling also resolution 70/2,2\n\n") +
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

TEST_CASE("marks: a mark glued to the next word stands after the word before it", "[reader-rows]") {
    // "resolutions 3on the": the mark goes after "resolutions", the space stays before "on"
    // (so text -> AKN -> text keeps it where it was: A/RES/80/129)
    Document doc = read_as_is(std::string("The General Assembly,\n\nRecalling its resolution 70/1,1\n\nRecalling also resolution 70/2,2\n\n") +
                        "Recalling all previous resolutions 3on the follow-up,\n\n1. Decides to act.\n"
                        "__________\n1 Resolution 70/1.\n2 Resolution 70/2.\n3 A/80/1.\n");
    REQUIRE(doc.preamble.size() == 3);
    const Para& p = doc.preamble[2];
    REQUIRE(marks_of(p) == std::vector<std::string>{"3"});
    CHECK(p.text == "Recalling all previous resolutions on the follow-up,");
    CHECK(p.marks[0].pos == std::string("Recalling all previous resolutions").size());
}
