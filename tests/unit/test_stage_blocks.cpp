// Stage 5 of the text reader alone (src/readers/text/blocks.cpp), as data rows: the body's
// classified lines in (made by the line stage from the row's text), the blocks out (logical
// paragraphs with their labels: unlabelled ones, numbered ones, lettered ones).  make_blocks
// is called directly, without the header, the repairs or the tree.  Each row is a wrapped line
// the stage must keep in its paragraph, or a paragraph it must still open.  The real documents
// behind these rows are in tests/corpus (A/RES/80/38, 80/63, 80/72, 80/112, 80/127, 80/134,
// 80/221) and checked by test_corpus.cpp.

#include <catch2/catch.hpp>

#include <string>

#include "readers/lines.hpp"
#include "readers/text/blocks.hpp"

using namespace unres::readers;
using namespace unres::readers::stages;

namespace {

/// The blocks of a body (the text has no header: every line is body).
struct Blocks {
    BlockList blocks;
    std::size_t unlabelled = 0, numbered = 0, lettered = 0;
};

Blocks blocks_of(const std::string& text) {
    static std::vector<unres::SourceFile> keep;  // lines and blocks point into their source
    keep.push_back(unres::SourceFile::from_bytes("row.txt", text));
    std::vector<Line> lines = split_lines(keep.back(), false);
    classify_lines(lines, false);
    Blocks out;
    out.blocks = make_blocks(lines, 0, false, Margins{});
    for (const Block& b : out.blocks) {
        if (b.kind != BlockKind::Para) continue;
        if (b.label.kind == unres::LabelKind::None) ++out.unlabelled;
        else if (b.label.kind == unres::LabelKind::Number) ++out.numbered;
        else ++out.lettered;
    }
    return out;
}

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

TEST_CASE("blocks stage: wrapped lines stay in their paragraph, paragraphs still open", "[stage-blocks]") {
    for (const Row& r : rows) {
        INFO(r.what);
        std::string text = filler() + r.text +
                           "1. Decides to remain seized of the matter and to consider the question again at its\n"
                           "next session under the item entitled as before.\n";
        Blocks b = blocks_of(text);
        CHECK(b.unlabelled == 24 + r.preamble);
        CHECK(b.numbered == 1);
        CHECK(b.lettered == r.subparas);
    }
}

TEST_CASE("blocks stage: the lifted-out words keep their place in the text", "[stage-blocks]") {
    std::string text = filler() +
                       "Reaffirming the principles of humanity, neutrality,\n"
                       "independence for the provision of humanitarian assistance,\n\n"
                       "impartiality\n\nand\n\n"
                       "Recalling that the primary responsibility for the security of personnel lies with States,\n"
                       "1. Decides to remain seized of the matter.\n";
    Blocks b = blocks_of(text);
    REQUIRE(b.blocks.size() == 27);
    CHECK(b.blocks[24].mt.text ==
          "Reaffirming the principles of humanity, neutrality, impartiality and independence for the provision of humanitarian assistance,");
    CHECK(b.blocks[26].label.num == "1");
}

TEST_CASE("blocks stage: labels read in running text are not sub-paragraphs", "[stage-blocks]") {
    for (const OpRow& r : op_rows) {
        INFO(r.what);
        Blocks b = blocks_of(filler() + r.text);
        CHECK(b.numbered == r.operative);
        CHECK(b.lettered == r.subparas);
    }
}

TEST_CASE("blocks stage: a block keeps its label apart from its text, and its lines", "[stage-blocks]") {
    Blocks b = blocks_of("Recalling its resolution 1,\n\n1. Decides to act\nwith all speed;\n\n(a) To report.\n");
    REQUIRE(b.blocks.size() == 3);
    CHECK(b.blocks[0].label.kind == unres::LabelKind::None);
    CHECK(b.blocks[1].label.kind == unres::LabelKind::Number);
    CHECK(b.blocks[1].label.num == "1");
    CHECK(b.blocks[1].mt.text == "Decides to act with all speed;");
    CHECK(b.blocks[1].first_line == 2);
    CHECK(b.blocks[1].last_line == 3);
    CHECK(b.blocks[2].label.kind == unres::LabelKind::Letter);
    CHECK(b.blocks[2].mt.text == "To report.");
}

TEST_CASE("blocks stage: the closing's date line joins the meeting line", "[stage-blocks]") {
    // near the meeting line the date continues its block; further down it opens a block of its
    // own, which is then merged into the closing (merge_closing_dates), each closing apart
    Blocks b = blocks_of("1. Decides to act;\n\n84th plenary meeting\n\n12 December 2025\n\n2. Also decides to act;\n\n"
                         "85th plenary meeting\n\n\n\n\nFriday, 13 December 2025\n\n3. Further decides to act;\n\n"
                         "86th plenary meeting\n\n\n\n\nOn 14 December 2025\n");
    REQUIRE(b.blocks.size() == 6);
    CHECK(b.blocks[1].kind == BlockKind::Closing);
    CHECK(b.blocks[1].mt.text == "84th plenary meeting 12 December 2025");
    CHECK(b.blocks[2].mt.text == "Also decides to act;");
    CHECK(b.blocks[3].kind == BlockKind::Closing);
    CHECK(b.blocks[3].mt.text == "85th plenary meeting Friday, 13 December 2025");
    CHECK(b.blocks[4].mt.text == "Further decides to act;");
    CHECK(b.blocks[5].kind == BlockKind::Closing);
    CHECK(b.blocks[5].mt.text == "86th plenary meeting On 14 December 2025");
}

TEST_CASE("BlockList: chunks that stay in place, released behind the reader", "[stage-blocks]") {
    BlockList list;
    const std::size_t n = 2 * BlockList::kChunk + 5;
    Block* first = nullptr;
    for (std::size_t i = 0; i < n; ++i) {
        Block& b = list.emplace_back();
        b.line = static_cast<std::uint32_t>(i);
        b.mt.text = "block " + std::to_string(i);
        if (i == 0) first = &b;
    }
    REQUIRE(list.size() == n);
    CHECK(&list[0] == first);  // growing moved nothing
    CHECK(list[BlockList::kChunk].mt.text == "block " + std::to_string(BlockList::kChunk));
    CHECK(list.back().line == n - 1);
    std::size_t seen = 0;
    for (const Block& b : list) seen += b.line == seen ? 1 : 0;
    CHECK(seen == n);

    list.release_before(BlockList::kChunk + 1);  // the first chunk only: the second still holds kChunk
    CHECK(list[BlockList::kChunk].line == BlockList::kChunk);
    CHECK(list.size() == n);

    for (int k = 0; k < 6; ++k) list.pop_back();  // across the last chunk's start
    CHECK(list.size() == n - 6);
    CHECK(list.back().line == n - 7);
    list.push_back(Block{});
    CHECK(list.size() == n - 5);

    BlockList moved = std::move(list);
    CHECK(moved.size() == n - 5);
    CHECK(list.empty());
    CHECK(moved[BlockList::kChunk + 1].mt.text == "block " + std::to_string(BlockList::kChunk + 1));
}
