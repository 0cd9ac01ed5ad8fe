// Kinds of document (issue 10): draft decisions and amendments read as kinds of their own.
// The real ones of the corpus (tests/corpus: A/C.4/80/L.3, a draft decision; A/C.2/80/L.62 and
// A/C.3/80/L.57, amendments), each extraction against its expected tree (kind, target, title,
// authority, paragraphs and instructions with their numbers and full text, footnotes), their
// findings, their JSON and their Akoma Ntoso (schema-valid, the kind and target read back);
// and decisions with no "Draft decision" line, recognised by the organ's sentence.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"
#include "unres/document.hpp"
#include "unres/parse.hpp"
#include "unres/validate.hpp"
#include "unres/writers.hpp"

namespace {

void paras(std::ostringstream& o, const std::string& part, const std::vector<unres::Para>& ps, int depth = 0) {
    for (const auto& p : ps) {
        o << part << std::string(static_cast<std::size_t>(depth) * 2, ' ') << " [" << (p.num.empty() ? "_" : p.num) << "] " << p.text << "\n";
        paras(o, part, p.children, depth + 1);
    }
}

/// The tree, without positions: one line per field, paragraph and footnote.
std::string tree(const unres::Document& d) {
    std::ostringstream o;
    o << "kind " << unres::to_string(d.kind) << "\n";
    o << "type " << d.meta.document_type.value << "\n";
    if (d.meta.target.present()) o << "target " << d.meta.target.value << "\n";
    o << "title " << d.meta.title.value << "\n";
    if (d.authority.present()) o << "authority " << d.authority.value << "\n";
    paras(o, "preamble", d.preamble);
    paras(o, "operative", d.operative);
    paras(o, "instruction", d.instructions);
    for (const auto& f : d.footnotes) o << "footnote [" << f.num << "] " << f.text << "\n";
    for (const auto& b : d.unclassified) o << "unclassified " << b.text << "\n";
    return o.str();
}

unres::Document parse_file(const std::string& name) {
    unres::SourceFile src = unres::SourceFile::from_path(unres_test::source_dir() + "/tests/corpus/" + name);
    return unres::parse(src);
}

const char* kL62 =
    "kind amendment\n"
    "type amendment\n"
    "target A/C.2/80/L.13/Rev.1\n"
    "title International trade and development\n"
    "instruction [_] Delete the twenty-first preambular paragraph and operative paragraphs 35, 38 and 39.\n"
    "footnote [*] On behalf of the States Members of the United Nations that are members of the European Union.\n";

const char* kL57 =
    "kind amendment\n"
    "type amendment\n"
    "target A/C.3/80/L.3/Rev.1\n"
    "title Strengthening the United Nations crime prevention and criminal justice programme, in particular its "
    "technical cooperation capacity\n"
    "instruction [1] In operative paragraph 64, after \u201cto strengthen their efforts in preventing\u201d insert "
    "\u201cand combating child pornography\u201d.\n"
    "instruction [2] In operative paragraph 65, after \u201conce in force\u201d insert \u201c, and emphasizes that the new "
    "convention must be implemented in a way that does not undermine the obligations of States contained in the "
    "Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and "
    "child pornography\u201d.\n";

const char* kL3 =
    "kind draftDecision\n"
    "type draft decision\n"
    "title Question of Gibraltar\n"
    "authority The General Assembly, recalling its decision 79/521 of 4 December 2024:\n"
    "operative [a] Urges the Governments of Spain and the United Kingdom of Great Britain and Northern Ireland, while "
    "listening to the interests and aspirations of Gibraltar that are legitimate under international law, to reach, in "
    "the spirit of the Brussels Declaration of 27 November 1984, a definitive solution to the question of Gibraltar, in "
    "the light of the relevant resolutions of the General Assembly and applicable principles, and in the spirit of the "
    "Charter of the United Nations;\n"
    "operative [b] Takes note of the desire of the United Kingdom to continue with the trilateral Forum for Dialogue;\n"
    "operative [c] Takes note of the position of Spain that the trilateral Forum for Dialogue does not exist any longer "
    "and should be replaced with a new mechanism for local cooperation in which the people of the Campo de Gibraltar and "
    "Gibraltar are represented;\n"
    "operative [d] Welcomes the efforts made by all to resolve problems and advance in a spirit of trust and solidarity, "
    "in order to find common solutions and move forward in areas of mutual interest towards a relationship based on "
    "dialogue and cooperation.\n";

struct Expected {
    const char* file;
    const char* tree;
};

const Expected kExpected[] = {
    {"A_C.2_80_L.62.pdftotext.txt", kL62}, {"A_C.2_80_L.62.layout.txt", kL62},
    {"A_C.3_80_L.57.pdftotext.txt", kL57}, {"A_C.3_80_L.57.layout.txt", kL57},
    {"A_C.4_80_L.3.pdftotext.txt", kL3},   {"A_C.4_80_L.3.layout.txt", kL3},
};

}  // namespace

TEST_CASE("kinds: the corpus's draft decision and amendments read to their expected trees", "[kinds][corpus]") {
    for (const auto& e : kExpected) {
        INFO(e.file);
        CHECK(tree(parse_file(e.file)) == e.tree);
    }
}

TEST_CASE("kinds: amendments and decisions get no finding the rules make for resolutions", "[kinds][corpus]") {
    for (const auto& e : kExpected) {
        INFO(e.file);
        unres::SourceFile src = unres::SourceFile::from_path(unres_test::source_dir() + "/tests/corpus/" + e.file);
        unres::Document doc = unres::parse(src);
        for (const auto& d : unres::validate(doc, src)) {
            INFO(d.rule << " " << d.message);
            CHECK(d.severity == unres::Severity::Note);  // no error, no warning on these edited texts
        }
    }
}

TEST_CASE("kinds: JSON carries the kind and an amendment's target and instructions", "[kinds][corpus]") {
    unres::SourceFile src = unres::SourceFile::from_path(unres_test::source_dir() + "/tests/corpus/A_C.3_80_L.57.layout.txt");
    unres::Document doc = unres::parse(src);
    auto j = nlohmann::json::parse(unres::to_json(doc, src, {}));
    CHECK(j["kind"] == "amendment");
    CHECK(j["metadata"]["target"] == "A/C.3/80/L.3/Rev.1");
    CHECK(j["operative"].empty());
    REQUIRE(j["instructions"].size() == 2);
    CHECK(j["instructions"][1]["num"] == "2");

    unres::SourceFile dsrc = unres::SourceFile::from_path(unres_test::source_dir() + "/tests/corpus/A_C.4_80_L.3.layout.txt");
    auto d = nlohmann::json::parse(unres::to_json(unres::parse(dsrc), dsrc, {}));
    CHECK(d["kind"] == "draftDecision");
    CHECK(d["metadata"]["target"].is_null());
}

TEST_CASE("kinds: Akoma Ntoso names the kind, links the target, and reads back the same", "[kinds][corpus]") {
    for (const auto& e : kExpected) {
        INFO(e.file);
        unres::Document doc = parse_file(e.file);
        std::string xml = unres::to_akn(doc);
        CHECK(unres_test::akn_schema_errors(xml, "kinds") == "");
        CHECK(xml.find("<statement name=\"" + std::string(unres::to_string(doc.kind)) + "\">") != std::string::npos);
        if (doc.meta.target.present())
            CHECK(xml.find("<docType>amendment</docType> to <ref href=\"https://undocs.org/en/" + doc.meta.target.value + "\">") !=
                  std::string::npos);
        unres::SourceFile back = unres::SourceFile::from_bytes("kinds.akn.xml", xml);
        CHECK(tree(unres::parse(back)) == e.tree);
    }
}

TEST_CASE("kinds: a decision without a 'Draft decision' line is read from the organ's sentence", "[kinds]") {
    struct Row {
        const char* text;
        const char* tree;
    };
    const Row rows[] = {
        // one sentence, no header at all
        {"The General Assembly decides to include in the provisional agenda of its eighty-first session the item "
         "entitled \"Question of the Comorian island of Mayotte\".\n",
         "kind draftDecision\ntype \ntitle \noperative [_] The General Assembly decides to include in the provisional "
         "agenda of its eighty-first session the item entitled \"Question of the Comorian island of Mayotte\".\n"},
        // a programme of work: the sentence with its lettered items, the title before it
        {"A/80/L.99\n\nDraft decision\n\nProvisional programme of work of the Committee\n\nThe General Assembly approves "
         "the provisional programme of work of the Committee for its eighty-first session, as follows:\n\n(a) General "
         "debate, from 6 to 10 October 2026;\n\n(b) Action on all draft proposals, from 16 to 25 November 2026.\n",
         "kind draftDecision\ntype draft decision\ntitle Provisional programme of work of the Committee\noperative [_] "
         "The General Assembly approves the provisional programme of work of the Committee for its eighty-first session, "
         "as follows:\noperative   [a] General debate, from 6 to 10 October 2026;\noperative   [b] Action on all draft "
         "proposals, from 16 to 25 November 2026.\n"},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        unres::SourceFile src = unres::SourceFile::from_bytes("decision.txt", r.text);
        unres::Document doc = unres::parse(src);
        CHECK(tree(doc) == r.tree);
        for (const auto& d : unres::validate(doc, src)) {
            INFO(d.rule << " " << d.message);
            CHECK(d.rule.rfind("UNR5", 0) == 0);  // header notes only (no date, no sponsors): no UNR002/UNR004/UNR306
        }
    }
    // a resolution that quotes the same words is not a decision
    unres::SourceFile res = unres::SourceFile::from_bytes(
        "res.txt", "The General Assembly,\n\nRecalling its resolution 79/1,\n\n1. Decides to include the item;\n");
    CHECK(unres::parse(res).kind == unres::DocKind::DraftResolution);
}

TEST_CASE("tables: a table node with its rows and cells, in the tree, JSON, AKN and text", "[kinds][tables]") {
    // a scale of assessments in pdftotext -layout columns, and a markdown table
    const char* layout =
        "The General Assembly,\n\nRecalling its resolution 79/249,\n\n"
        "1. Decides that the scale of assessments for 2025-2027 shall be as follows:\n\n"
        "      Member State                 2025        2026        2027\n"
        "      Afghanistan                  0.006       0.006       0.006\n"
        "      Albania                      0.008       0.008       0.008\n"
        "      Algeria                      0.109       0.109       0.109\n\n"
        "2. Decides to remain seized of the matter.\n";
    const char* md =
        "The General Assembly,\n\nRecalling its resolution 79/249,\n\n"
        "1. Decides that the scale of assessments for 2025-2027 shall be as follows:\n\n"
        "| Member State | 2025 | 2026 | 2027 |\n|---|---|---|---|\n| Afghanistan | 0.006 | 0.006 | 0.006 |\n"
        "| Albania | 0.008 | 0.008 | 0.008 |\n| Algeria | 0.109 | 0.109 | 0.109 |\n\n"
        "2. Decides to remain seized of the matter.\n";
    const std::vector<std::vector<std::string>> want = {{"Member State", "2025", "2026", "2027"},
                                                        {"Afghanistan", "0.006", "0.006", "0.006"},
                                                        {"Albania", "0.008", "0.008", "0.008"},
                                                        {"Algeria", "0.109", "0.109", "0.109"}};
    for (const char* text : {layout, md}) {
        INFO(text);
        unres::SourceFile src = unres::SourceFile::from_bytes(text == md ? "scale.md" : "scale.txt", text);
        unres::Document doc = unres::parse(src);
        REQUIRE(doc.tables.size() == 1);
        CHECK(doc.tables[0].rows == want);
        CHECK(doc.tables[0].after == 1);  // after operative paragraph 1
        CHECK(doc.tables[0].annex == -1);
        REQUIRE(doc.operative.size() == 2);  // no paragraph per row
        CHECK(doc.operative[1].num == "2");
        CHECK(doc.unclassified.empty());
        std::size_t notes = 0;
        for (const auto& d : unres::validate(doc, src)) {
            if (d.rule.rfind("UNR5", 0) == 0) continue;  // no header here: its notes
            INFO(d.rule << " " << d.message);
            CHECK(d.rule == "UNR005");  // one note for the table; nothing per row, no "introduces no list"
            ++notes;
        }
        CHECK(notes == 1);

        auto j = nlohmann::json::parse(unres::to_json(doc, src, {}));
        REQUIRE(j["tables"].size() == 1);
        CHECK(j["tables"][0]["after"] == 1);
        CHECK(j["tables"][0]["annex"].is_null());
        CHECK(j["tables"][0]["rows"][3][0] == "Algeria");

        std::string xml = unres::to_akn(doc);
        CHECK(unres_test::akn_schema_errors(xml, "tables") == "");
        CHECK(xml.find("<td>\n") != std::string::npos);
        unres::Document back = unres::parse(unres::SourceFile::from_bytes("scale.akn.xml", xml));
        REQUIRE(back.tables.size() == 1);
        CHECK(back.tables[0].rows == want);
        CHECK(back.tables[0].after == 1);
        // the table stands between paragraphs 1 and 2 in the AKN as in the text
        CHECK(xml.find("<table") > xml.find("eId=\"para_1\""));
        CHECK(xml.find("<table") < xml.find("eId=\"para_2\""));

        std::string txt = unres::to_text(doc, false);
        CHECK(txt.find("\n| Afghanistan | 0.006 | 0.006 | 0.006 |\n") != std::string::npos);
        unres::Document again = unres::parse(unres::SourceFile::from_bytes("scale.out.txt", txt));
        REQUIRE(again.tables.size() == 1);
        CHECK(again.tables[0].rows == want);
    }
}
