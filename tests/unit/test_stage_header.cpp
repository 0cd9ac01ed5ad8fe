// Stage 3 of the text reader alone (src/readers/text/header.cpp): classified lines in, the
// header fields, the document kind, the enacting formula and the first body line out.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "readers/lines.hpp"
#include "readers/text/header.hpp"

using namespace unres;
using namespace unres::readers;

namespace {

struct Run {
    std::vector<Line> lines;
    stages::Header header;
};

Run header_of(const std::string& text) {
    static std::vector<SourceFile> keep;  // lines and spans point into their source
    keep.push_back(SourceFile::from_bytes("t", text));
    Run r;
    r.lines = split_lines(keep.back(), false);
    classify_lines(r.lines, false);
    r.header = stages::read_header(r.lines);
    return r;
}

const char* kDraft =
    "A/C.2/80/L.48\n\nUnited Nations\n\nGeneral Assembly\n\nDistr.: Limited\n17 November 2025\nOriginal: English\n\n"
    "Eightieth session\n\nSecond Committee\nAgenda item 21 (a)\nGroups of countries in special situations\n"
    "Bangladesh, Trinidad and Tobago and Zambia: draft resolution\n\n"
    "Follow-up to the Fifth Conference\nThe General Assembly,\nRecalling its resolution 77/1,\n";

}  // namespace

TEST_CASE("header stage: the fields of a draft's header", "[stage-header]") {
    Run r = header_of(kDraft);
    const Metadata& m = r.header.meta;
    struct Row {
        const char* field;
        std::string got, want;
    };
    const std::vector<Row> rows = {
        {"symbol", m.symbol.value, "A/C.2/80/L.48"},
        {"body", m.body.value, "General Assembly"},
        {"distribution", m.distribution.value, "Limited"},
        {"date", m.date.value, "2025-11-17"},
        {"original_language", m.original_language.value, "English"},
        {"session", m.session.value, "Eightieth session"},
        {"committee", m.committee.value, "Second Committee"},
        {"document_type", m.document_type.value, "draft resolution"},
        {"title", m.title.value, "Follow-up to the Fifth Conference"},
        {"authority", r.header.authority.value, "The General Assembly,"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.field);
        CHECK(row.got == row.want);
    }
    REQUIRE(m.agenda_items.size() == 1);
    CHECK(m.agenda_items[0].value == "21 (a)");
    // sponsors split at commas and " and ", keeping "Trinidad and Tobago" whole
    std::vector<std::string> sponsors;
    for (const auto& s : m.sponsors) sponsors.push_back(s.value);
    CHECK(sponsors == std::vector<std::string>{"Bangladesh", "Trinidad and Tobago", "Zambia"});
    CHECK(r.header.kind == DocKind::DraftResolution);
    // the body starts after the enacting formula
    REQUIRE(r.header.body < r.lines.size());
    CHECK(r.lines[r.header.body].text == "Recalling its resolution 77/1,");
    // a field keeps the span it was read from
    CHECK(std::string_view(kDraft).substr(m.symbol.span.begin, m.symbol.span.end - m.symbol.span.begin) == "A/C.2/80/L.48");
}

TEST_CASE("header stage: the kind follows the symbol and the document type", "[stage-header]") {
    struct Row {
        const char* text;
        DocKind kind;
    };
    const std::vector<Row> rows = {
        {"A/RES/78/1\n\nGeneral Assembly\n\nThe General Assembly,\nRecalling x,\n", DocKind::Resolution},
        {"A/78/L.5\n\nGeneral Assembly\nDraft decision\n\nThe General Assembly,\nDecides y.\n", DocKind::DraftDecision},
        {"A/78/L.6\n\nGeneral Assembly\nDraft resolution\n\nThe General Assembly,\nDecides y.\n", DocKind::DraftResolution},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(header_of(row.text).header.kind == row.kind);
    }
}
