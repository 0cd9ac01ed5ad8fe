// Stage 6 of the text reader alone (src/readers/text/tree.cpp): blocks in, the document tree
// out.  Each row is a body written one block per line; the test makes the blocks itself (one
// per non-empty line, its label read and cut off as the blocks stage does) and hands them to
// build_tree, so the tree can be changed and tested without the stages before it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tree_compare.hpp"
#include "readers/lines.hpp"
#include "readers/text/tree.hpp"

using namespace unres;
using unres_test::outline;
using namespace unres::readers;


namespace {

/// One paragraph block per non-empty line of `src`, its label cut off the text.
stages::BlockList blocks_of(const SourceFile& src) {
    stages::BlockList out;
    for (const Line& l : split_lines(src, false)) {
        if (l.text.empty()) continue;
        stages::Block b;
        stages::append_line(b, l);
        stages::Label lab = stages::parse_label(l.text);
        if (lab.kind != LabelKind::None) {
            b.label = lab;
            b.label_span = stages::line_span(l, 0, lab.label_len);
            stages::erase_text(b.mt.text, b.mt.map, b.marks, b.italics, 0, lab.len);
        }
        out.push_back(std::move(b));
    }
    return out;
}

Document tree_of(const std::string& body) {
    static std::vector<SourceFile> keep;  // labels are read from the source as written
    keep.push_back(SourceFile::from_bytes("t.txt", body));
    Document doc;
    stages::build_tree(doc, blocks_of(keep.back()), keep.back());
    return doc;
}

}  // namespace

TEST_CASE("tree stage: paragraphs nest by their labels", "[stage-tree]") {
    struct Row {
        const char* name;
        const char* body;
        std::size_t preamble;
        const char* outline;
    };
    const std::vector<Row> rows = {
        {"numbers", "Recalling its resolution 1,\n1. Decides;\n2. Requests;\n3. Decides to remain seized.\n", 1, "1,2,3"},
        {"letters under a number", "Recalling,\n1. Decides:\n(a) To act;\n(b) To report;\n2. Requests.\n", 1, "1[a,b],2"},
        {"(i) after (h) is a letter",
         "1. Decides:\n(a) A;\n(b) B;\n(c) C;\n(d) D;\n(e) E;\n(f) F;\n(g) G;\n(h) H;\n(i) I;\n(j) J.\n", 0,
         "1[a,b,c,d,e,f,g,h,i,j]"},
        {"(i) under (a) is roman", "1. Decides:\n(a) To act:\n(i) First;\n(ii) Second;\n(b) To report.\n", 0, "1[a[i,ii],b]"},
        {"(ii) after (hh) is a doubled letter",
         "1. Decides:\n(gg) G;\n(hh) H;\n(ii) I.\n", 0, "1[gg,hh,ii]"},
        {"a roman list under a letter, then the letters go on",
         "1. Decides:\n(a) A:\n(i) one;\n(ii) two;\n(iii) three;\n(b) B;\n(c) C.\n", 0, "1[a[i,ii,iii],b,c]"},
        {"dotted letters under a roman item",
         "1. Decides:\n(a) A:\n(i) one:\na. x;\nb. y;\n(ii) two.\n", 0, "1[a[i[a,b],ii]]"},
        {"preambular paragraphs before the first number", "Recalling,\nNoting,\nWelcoming,\n1. Decides.\n", 3, "1"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.name);
        Document doc = tree_of(r.body);
        CHECK(outline(doc.operative) == r.outline);
        CHECK(doc.preamble.size() == r.preamble);
    }
}

TEST_CASE("tree stage: a paragraph keeps its text, its label as written and its line", "[stage-tree]") {
    Document doc = tree_of("Recalling its resolution 1,\n1. Decides to act with all speed;\n2. Requests.\n");
    REQUIRE(doc.preamble.size() == 1);
    CHECK(doc.preamble[0].text == "Recalling its resolution 1,");
    REQUIRE(doc.operative.size() == 2);
    CHECK(doc.operative[0].text == "Decides to act with all speed;");
    CHECK(doc.operative[0].label == "1.");
    CHECK(doc.operative[0].kind == LabelKind::Number);
    CHECK(doc.operative[1].line == 3);
}

