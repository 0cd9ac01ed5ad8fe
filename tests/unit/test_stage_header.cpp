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

namespace {

/// "field=value|field=value" of the fields a row asks about.
std::string fields_of(const stages::Header& h, const std::vector<std::string>& names) {
    const Metadata& m = h.meta;
    std::string out;
    for (const auto& n : names) {
        std::string v;
        if (n == "symbol") v = m.symbol.value;
        else if (n == "number") v = m.number.value;
        else if (n == "title") v = m.title.value;
        else if (n == "adoption_date") v = m.adoption_date.value;
        else if (n == "origin") v = m.origin.value;
        else if (n == "committee") v = m.committee.value;
        else if (n == "document_type") v = m.document_type.value;
        else if (n == "sponsor_text") v = m.sponsor_text.value;
        else if (n == "agenda_title") v = m.agenda_title.value;
        else if (n == "session") v = m.session.value;
        else if (n == "body") v = m.body.value;
        else if (n == "sponsors")
            for (const auto& s : m.sponsors) v += (v.empty() ? "" : ";") + s.value;
        if (!out.empty()) out += "|";
        out += n + "=" + v;
    }
    return out;
}

}  // namespace

TEST_CASE("header stage: one field reader per field, as data rows", "[stage-header]") {
    struct Row {
        const char* what;
        const char* text;
        std::vector<std::string> fields;
        const char* want;
    };
    const std::vector<Row> rows = {
        {"an adopted resolution: number and title, adoption date, origin and its committee",
         "A/RES/80/12\n\nResolution adopted by the General Assembly on 1 December 2025\n\n"
         "[on the report of the Second Committee (A/80/500)]\n\n80/12. Follow-up to the Conference\n\n"
         "The General Assembly,\nRecalling x,\n",
         {"symbol", "number", "title", "adoption_date", "origin", "committee", "document_type"},
         "symbol=A/RES/80/12|number=80/12|title=Follow-up to the Conference|adoption_date=2025-12-01|"
         "origin=[on the report of the Second Committee (A/80/500)]|committee=Second Committee|document_type=resolution"},
        {"the number alone on its line: the title follows",
         "A/RES/80/13\n\nResolution adopted by the General Assembly on 2 December 2025\n\n80/13.\n\nOceans and the law of the sea\n\n"
         "The General Assembly,\nRecalling x,\n",
         {"number", "title"}, "number=80/13|title=Oceans and the law of the sea"},
        {"a sponsor list wrapped over lines, the type after the colon",
         "A/C.3/80/L.9\n\nThird Committee\nAgenda item 70\nPromotion of human rights\nArgentina, Brazil,\nChile and Trinidad and Tobago: draft resolution\n\n"
         "Rights of the child\nThe General Assembly,\nRecalling x,\n",
         {"sponsor_text", "sponsors", "document_type", "agenda_title", "title"},
         "sponsor_text=Argentina, Brazil, Chile and Trinidad and Tobago|sponsors=Argentina;Brazil;Chile;Trinidad and Tobago|"
         "document_type=draft resolution|agenda_title=Promotion of human rights|title=Rights of the child"},
        {"the sponsors' type alone on the next line",
         "A/C.1/80/L.4\n\nFirst Committee\nAgenda item 99\nRomania:\ndraft resolution\n\nNuclear disarmament\nThe General Assembly,\nRecalling x,\n",
         {"sponsor_text", "sponsors", "document_type", "title"},
         "sponsor_text=Romania|sponsors=Romania|document_type=draft resolution|title=Nuclear disarmament"},
        {"a draft by the Chair names its author, not States",
         "A/C.2/80/L.70\n\nSecond Committee\nAgenda item 18\nDraft resolution submitted by the Vice-Chair of the Committee,\n"
         "Mr. A (Country), on the basis of informal consultations\n\nWomen in development\nThe General Assembly,\nRecalling x,\n",
         {"sponsor_text", "sponsors", "document_type", "title"},
         "sponsor_text=Draft resolution submitted by the Vice-Chair of the Committee, Mr. A (Country), on the basis of informal "
         "consultations|sponsors=|document_type=draft resolution|title=Women in development"},
        {"the session; the organ from the symbol when the masthead has none",
         "S/RES/2700\n\nSeventy-ninth session\n\nThe Security Council,\nRecalling x,\n",
         {"session", "body"}, "session=Seventy-ninth session|body=Security Council"},
        {"a session of several words is taken whole",
         "A/ES-10/L.30\n\nTenth emergency special session\nAgenda item 5\n\nIllegal actions\nThe General Assembly,\nRecalling x,\n",
         {"session"}, "session=Tenth emergency special session"},
        {"a resumed session too",
         "A/79/L.99\n\nSeventy-ninth session, resumed\nAgenda item 5\n\nA title\nThe General Assembly,\nRecalling x,\n",
         {"session"}, "session=Seventy-ninth session"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.what);
        CHECK(fields_of(header_of(r.text).header, r.fields) == r.want);
    }
}
