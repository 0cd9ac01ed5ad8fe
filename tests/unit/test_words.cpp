// The shared word lists (src/words.hpp): the reader and the rules ask the same lists.
#include <catch2/catch.hpp>

#include "readers/vocab.hpp"
#include "words.hpp"

using namespace unres;

TEST_CASE("words: months", "[words]") {
    CHECK(words::month_index("January") == 1);
    CHECK(words::month_index("December") == 12);
    CHECK(words::month_index("december") == 0);
    CHECK(words::month_index("Dec") == 0);
    CHECK(words::month_name(3) == "March");
    CHECK(words::month_name(0).empty());
    CHECK(words::month_name(13).empty());
}

TEST_CASE("words: lead phrases shared by the reader and UNR305/UNR306", "[words]") {
    for (const char* w : {"also", "Further", "deeply", "Strongly", "once"}) {
        CAPTURE(w);
        CHECK(words::is_lead_adverb(w));
    }
    for (const char* w : {"Aware", "mindful", "Convinced", "Desirous", "seized", "pursuant"}) {
        CAPTURE(w);
        CHECK(words::is_preamble_adjective(w));
    }
    CHECK_FALSE(words::is_preamble_adjective("Decides"));
    CHECK(words::is_not_verb("States"));
    CHECK(words::is_not_verb("countries"));
    CHECK_FALSE(words::is_not_verb("Decides"));
    CHECK(words::is_not_lead("United"));
    CHECK(words::is_operative_verb("Decides"));

    struct Row {
        const char* line;
        bool preamble, operative;
    };
    const Row rows[] = {
        {"Recalling its resolution 77/1 of 1 January 2023,", true, false},
        {"Deeply concerned about the situation,", true, false},
        {"Fully aware of the need to act,", true, false},
        {"Aware of the importance of the question,", true, false},
        {"aware of the importance of the question,", false, false},
        {"United Nations Development Programme and others", false, false},
        {"Decides to remain seized of the matter;", false, true},
        {"Also requests the Secretary-General to report;", false, true},
        {"States parties to the Convention,", false, false},
        {"Recalling resolutions 1 and 2 of the Council,", true, false},
    };
    for (const auto& r : rows) {
        CAPTURE(r.line);
        CHECK(readers::is_preamble_lead(r.line) == r.preamble);
        CHECK(readers::is_operative_lead(r.line) == r.operative);
    }
}

TEST_CASE("words: names with 'and', organs, committees", "[words]") {
    CHECK(words::is_and_state("Trinidad and Tobago"));
    CHECK(words::is_and_state("Wallis and Futuna"));
    CHECK_FALSE(words::is_and_state("France and Germany"));
    CHECK(words::is_organ_name("General Assembly"));
    CHECK(words::is_organ_name("Security Council"));
    CHECK_FALSE(words::is_organ_name("Secretary-General"));
    CHECK(words::kMainCommittees.front() == "First Committee");
    CHECK(words::is_number_context_word("resolution"));
    CHECK_FALSE(words::is_number_context_word("Recalls"));
}
