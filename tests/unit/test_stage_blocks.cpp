// The blocks stage (src/readers/text/blocks.cpp) alone, as data rows: a resolution's text in,
// the paragraphs it reads out (preambular count, operative count, sub-paragraphs of the last
// operative paragraph). Each row is a wrapped line the stage must keep in its paragraph, or
// a paragraph it must still open. The real documents behind these rows are in tests/corpus
// (A/RES/80/38, 80/63, 80/72, 80/112, 80/134, 80/221) and checked by test_corpus.cpp.

#include <catch2/catch.hpp>

#include <string>

#include "unres/parse.hpp"

namespace {

// Twenty-four preambular paragraphs of two wrapped lines each, so that the stage knows the
// page's line length (a wrapped line is about 80 characters here).
std::string filler() {
    std::string s;
    for (int k = 0; k < 24; ++k)
        s += "Recalling its earlier resolutions on the matter and all the relevant decisions of\n"
             "the bodies concerned adopted in the years before the present session,\n";
    return s;
}

struct Row {
    const char* what;
    const char* text;  // inserted after the filler, before the operative part
    std::size_t preamble;  // preambular paragraphs of the text (without the filler's)
    std::size_t subparas;  // sub-paragraphs of operative paragraph 1
};

const Row rows[] = {
    {"a name wrapped after a full line that ends with a comma ('-s' word, not a verb)",
     "Taking note of the outcomes of the Forum on Sustainable Tourism held in La Ceiba,\n"
     "Honduras, the outcomes adopted at the meeting of the Tourism Council in 2023,\n",
     1, 0},
    {"a participle opening a capitalised name after a full line",
     "Noting the work of the International Maritime Organization on the Prevention of Piracy,\n"
     "Armed Robbery against Ships and the other threats to the safety of seafarers,\n",
     1, 0},
    {"a title in capitals wrapped over three lines is not a heading ('in All Its' ends a line)",
     "Recalling the successful convening of the Fourth United Nations Conference to\n"
     "Review Progress Made in the Implementation of the Programme of Action to Prevent,\n"
     "Combat and Eradicate the Illicit Trade in Small Arms and Light Weapons in All Its\n"
     "Aspects, held in New York from 17 to 28 June 2024, and its outcome,\n",
     1, 0},
    {"a listed lead after a full line still opens a paragraph",
     "Taking note of the outcomes of the Forum on Sustainable Tourism held in La Ceiba,\n"
     "Recalling also the twenty-fifth session of the Assembly of the Tourism Organization,\n",
     2, 0},
    {"a guessed lead after a short line opens a paragraph",
     "Noting the report,\n"
     "Stressing the need for further action by all States,\n",
     2, 0},
    {"words lifted out of a justified line between blank lines are put back",
     "Reaffirming the principles of humanity, neutrality,\n"
     "independence for the provision of humanitarian assistance,\n"
     "\n"
     "impartiality\n"
     "\n"
     "and\n"
     "\n"
     "Recalling that the primary responsibility for the security of personnel lies with States,\n",
     2, 0},
};

struct OpRow {
    const char* what;
    const char* text;      // the operative part
    std::size_t operative;
    std::size_t subparas;  // sub-paragraphs of operative paragraph 1
};

const OpRow op_rows[] = {
    {"an enumeration in running text whose next label begins a line stays text (A/RES/80/127, 39)",
     "1. Decides that the operations should: (a) maximize the development impact as well as\n"
     "the degree of leverage; (b) promote country ownership by aligning with national plans\n"
     "and industrialization strategies of the countries; (c) give due consideration to them;\n"
     "(d) ensure financial additionality as well as project viability; (e) share both risk\n"
     "and rewards fairly;\n"
     "2. Decides to remain seized of the matter.\n",
     2, 0},
    {"a list whose labels open their lines is a list",
     "1. Decides that the operations should:\n"
     "(a) maximize the development impact;\n"
     "(b) promote country ownership;\n"
     "2. Decides to remain seized of the matter.\n",
     2, 2},
};

}  // namespace

TEST_CASE("blocks stage: wrapped lines stay in their paragraph, paragraphs still open", "[stage][blocks]") {
    for (const Row& r : rows) {
        INFO(r.what);
        std::string text = "The General Assembly,\n\n" + filler() + r.text +
                           "1. Decides to remain seized of the matter and to consider the question again at its\n"
                           "next session under the item entitled as before.\n";
        unres::SourceFile src = unres::load_source("row.txt", text);
        unres::Document d = unres::parse(src, unres::InputFormat::Text);
        CHECK(d.preamble.size() == 24 + r.preamble);
        REQUIRE(d.operative.size() == 1);
        CHECK(d.operative[0].children.size() == r.subparas);
    }
}

TEST_CASE("blocks stage: the lifted-out words keep their place in the text", "[stage][blocks]") {
    std::string text = "The General Assembly,\n\n" + filler() +
                       "Reaffirming the principles of humanity, neutrality,\n"
                       "independence for the provision of humanitarian assistance,\n\n"
                       "impartiality\n\nand\n\n"
                       "Recalling that the primary responsibility for the security of personnel lies with States,\n"
                       "1. Decides to remain seized of the matter.\n";
    unres::Document d = unres::parse(unres::load_source("row.txt", text), unres::InputFormat::Text);
    REQUIRE(d.preamble.size() == 26);
    CHECK(d.preamble[24].text ==
          "Reaffirming the principles of humanity, neutrality, impartiality and independence for the provision of humanitarian assistance,");
}

TEST_CASE("blocks stage: labels read in running text are not sub-paragraphs", "[stage][blocks]") {
    for (const OpRow& r : op_rows) {
        INFO(r.what);
        std::string text = "The General Assembly,\n\n" + filler() + r.text;
        unres::Document d = unres::parse(unres::load_source("row.txt", text), unres::InputFormat::Text);
        REQUIRE(d.operative.size() == r.operative);
        CHECK(d.operative[0].children.size() == r.subparas);
    }
}
