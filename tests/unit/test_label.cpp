// Label arithmetic (include/unres/label.hpp): one table per question, so "is (i) a letter?"
// has one answer for every reader, rule, the fixer and the writers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "unres/label.hpp"

using namespace unres;

namespace {

struct ParseRow {
    const char* written;
    LabelKind kind;
    const char* num;
    bool ambiguous;
};

}  // namespace

TEST_CASE("label::parse reads a label as written", "[label]") {
    const std::vector<ParseRow> rows = {
        {"1.", LabelKind::Number, "1", false},      {"12.", LabelKind::Number, "12", false},
        {"123.", LabelKind::Number, "123", false},  {"1234.", LabelKind::None, "", false},
        {"1", LabelKind::None, "", false},          {"1.5", LabelKind::None, "", false},
        {"(a)", LabelKind::Letter, "a", false},     {"(h)", LabelKind::Letter, "h", false},
        {"(aa)", LabelKind::Letter, "aa", false},   {"(i)", LabelKind::Roman, "i", true},
        {"(ii)", LabelKind::Roman, "ii", true},     {"(iv)", LabelKind::Roman, "iv", false},
        {"(v)", LabelKind::Roman, "v", true},       {"(x)", LabelKind::Roman, "x", true},
        {"(xx)", LabelKind::Roman, "xx", true},     {"(l)", LabelKind::Roman, "l", true},
        {"(xviii)", LabelKind::Roman, "xviii", false}, {"(iiii)", LabelKind::Letter, "iiii", false},
        {"(vx)", LabelKind::Letter, "vx", false},   {"(c)", LabelKind::Letter, "c", false},
        {"(a1)", LabelKind::Letter, "a1", false},   {"(za)", LabelKind::Letter, "za", false},
        {"(A)", LabelKind::None, "", false},        {"(1)", LabelKind::None, "", false},
        {"()", LabelKind::None, "", false},         {"(abcdef)", LabelKind::None, "", false},
        {"(a", LabelKind::None, "", false},         {"a.", LabelKind::LetterDot, "a", false},
        {"i.", LabelKind::RomanDot, "i", true},     {"iv.", LabelKind::RomanDot, "iv", false},
        {"ii.", LabelKind::RomanDot, "ii", true},   {"aa.", LabelKind::None, "", false},
        {"a", LabelKind::None, "", false},          {"A.", LabelKind::None, "", false},
        {"", LabelKind::None, "", false},           {"a.b.", LabelKind::None, "", false},
    };
    for (const auto& r : rows) {
        CAPTURE(r.written);
        label::Parsed p = label::parse(r.written);
        CHECK(p.kind == r.kind);
        if (r.kind == LabelKind::None) continue;
        CHECK(p.num == r.num);
        CHECK(p.ambiguous == r.ambiguous);
        CHECK(p.length == std::string(r.written).size());
    }
}

TEST_CASE("label::lex reads the label that opens a line", "[label]") {
    struct Row {
        const char* text;
        LabelKind kind;
        std::size_t length;
    };
    const std::vector<Row> rows = {
        {"1. Decides", LabelKind::Number, 2},   {"(a) To", LabelKind::Letter, 3},
        {"(a)", LabelKind::Letter, 3},          {"(a)To", LabelKind::None, 0},
        {"a. To", LabelKind::LetterDot, 2},     {"a.", LabelKind::None, 0},
        {"iv. To", LabelKind::RomanDot, 3},     {"1.5 per cent", LabelKind::None, 0},
        {"Decides", LabelKind::None, 0},        {"(b)(c) x", LabelKind::None, 0},
    };
    for (const auto& r : rows) {
        CAPTURE(r.text);
        label::Parsed p = label::lex(r.text);
        CHECK(p.kind == r.kind);
        if (r.kind != LabelKind::None) CHECK(p.length == r.length);
    }
}

TEST_CASE("label values: a=1 … z=26, aa=27; roman by value, canonical only", "[label]") {
    struct Row {
        LabelKind kind;
        const char* num;
        long value;
    };
    const std::vector<Row> rows = {
        {LabelKind::Letter, "a", 1},        {LabelKind::Letter, "z", 26},      {LabelKind::Letter, "aa", 27},
        {LabelKind::Letter, "zz", 52},      {LabelKind::Letter, "aaa", 53},    {LabelKind::Letter, "B", 2},
        {LabelKind::Letter, "ab", 0},       {LabelKind::Letter, "", 0},        {LabelKind::Letter, "a1", 0},
        {LabelKind::LetterDot, "c", 3},     {LabelKind::Roman, "i", 1},        {LabelKind::Roman, "iv", 4},
        {LabelKind::Roman, "ix", 9},        {LabelKind::Roman, "xl", 40},      {LabelKind::Roman, "lxxxix", 89},
        {LabelKind::Roman, "IV", 4},        {LabelKind::Roman, "iiii", 0},     {LabelKind::Roman, "vx", 0},
        {LabelKind::Roman, "c", 0},         {LabelKind::Roman, "xc", 0},       {LabelKind::RomanDot, "ii", 2},
        {LabelKind::Number, "12", 12},      {LabelKind::Number, "1a", 0},      {LabelKind::None, "1", 0},
    };
    for (const auto& r : rows) {
        CAPTURE(r.num, to_string(r.kind));
        CHECK(label::value(r.kind, r.num) == r.value);
    }
}

TEST_CASE("label predicates: one answer to 'is it roman?'", "[label]") {
    struct Row {
        const char* s;
        bool letter, roman, ambiguous;
    };
    const std::vector<Row> rows = {
        {"a", true, false, false},   {"i", true, true, true},     {"ii", true, true, true},
        {"iii", true, true, true},   {"iv", false, true, false},  {"v", true, true, true},
        {"x", true, true, true},     {"xx", true, true, true},    {"l", true, true, true},
        {"c", true, false, false},   {"m", true, false, false},   {"hh", true, false, false},
        {"iiii", true, false, false}, {"I", false, false, false}, {"", false, false, false},
    };
    for (const auto& r : rows) {
        CAPTURE(r.s);
        CHECK(label::is_letter(r.s) == r.letter);
        CHECK(label::is_roman(r.s) == r.roman);
        CHECK(label::is_ambiguous(r.s) == r.ambiguous);
    }
    CHECK(label::is_upper_roman("IV"));
    CHECK(label::is_upper_roman("XII"));
    CHECK_FALSE(label::is_upper_roman("iv"));
    CHECK_FALSE(label::is_upper_roman("IIII"));
    CHECK_FALSE(label::is_upper_roman("A"));
}

TEST_CASE("label::kind_in_sequence: is (i) a letter or a numeral? the sequence decides", "[label]") {
    using K = LabelKind;
    struct Row {
        const char* num;
        bool dot;
        label::Sequence seq;
        K want;
        const char* why;
    };
    const std::vector<Row> rows = {
        {"c", false, {}, K::Letter, "not ambiguous: a letter"},
        {"iv", false, {}, K::Roman, "not ambiguous: a numeral"},
        {"iv", true, {}, K::RomanDot, "the dot kinds"},
        {"a1", false, {}, K::None, "neither"},
        {"i", false, {}, K::Roman, "a first (i) opens a roman list"},
        {"i", false, {K::Letter, 8, 0, K::Letter}, K::Letter, "(h) -> (i): the ninth letter"},
        {"i", false, {K::Letter, 3, 0, K::Letter}, K::Roman, "(c) -> (i): a roman list"},
        {"ii", false, {K::Letter, 34, 0, K::Letter}, K::Letter, "(hh) -> (ii): a doubled letter"},
        {"v", false, {K::Roman, 0, 4, K::Letter}, K::Roman, "(iv) -> (v): roman"},
        {"v", false, {K::Letter, 3, 0, K::Roman}, K::Letter, "(c) -> (v): the previous label's scheme"},
        {"v", false, {K::RomanDot, 0, 2, K::Letter}, K::Letter, "after another punctuation: the guess"},
        {"v", false, {}, K::Roman, "no sequence and no guess: roman"},
        {"v", false, {K::None, 0, 0, K::Letter}, K::Letter, "no sequence: the guess"},
        {"I", false, {}, K::Roman, "either case"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.num, r.why);
        CHECK(label::kind_in_sequence(r.num, r.dot, r.seq) == r.want);
    }
}

TEST_CASE("label::next gives the following label of the same kind", "[label]") {
    struct Row {
        LabelKind kind;
        const char* num;
        const char* next;
    };
    const std::vector<Row> rows = {
        {LabelKind::Letter, "a", "b"},      {LabelKind::Letter, "h", "i"},       {LabelKind::Letter, "z", "aa"},
        {LabelKind::Letter, "aa", "bb"},    {LabelKind::Letter, "zz", "aaa"},    {LabelKind::Letter, "hh", "ii"},
        {LabelKind::LetterDot, "a", "b"},   {LabelKind::Roman, "i", "ii"},       {LabelKind::Roman, "iii", "iv"},
        {LabelKind::Roman, "xxxix", "xl"},  {LabelKind::Roman, "lxxxix", ""},    {LabelKind::RomanDot, "iv", "v"},
        {LabelKind::Number, "9", "10"},     {LabelKind::Letter, "ab", ""},       {LabelKind::Roman, "a", ""},
        {LabelKind::None, "a", ""},
    };
    for (const auto& r : rows) {
        CAPTURE(r.num, to_string(r.kind));
        CHECK(label::next(r.kind, r.num) == r.next);
    }
}

TEST_CASE("label formatting", "[label]") {
    CHECK(label::format(LabelKind::Number, std::string_view("3")) == "3.");
    CHECK(label::format(LabelKind::Letter, std::string_view("a")) == "(a)");
    CHECK(label::format(LabelKind::Roman, std::string_view("iv")) == "(iv)");
    CHECK(label::format(LabelKind::LetterDot, std::string_view("b")) == "b.");
    CHECK(label::format(LabelKind::RomanDot, std::string_view("ii")) == "ii.");
    CHECK(label::format(LabelKind::None, std::string_view("A")) == "A");
    CHECK(label::format(LabelKind::Letter, 27L) == "(aa)");
    CHECK(label::format(LabelKind::Roman, 4L) == "(iv)");
    CHECK(label::format(LabelKind::Number, 7L) == "7.");
    CHECK(label::letter_label(0).empty());
    // five letters at most, read or written: "(zzzzz)" is the last (parse reads no longer one)
    CHECK(label::letter_label(label::kMaxLetter) == "zzzzz");
    CHECK(label::letter_label(label::kMaxLetter + 1).empty());
    CHECK(label::letter_value("zzzzz") == label::kMaxLetter);
    CHECK(label::letter_value("aaaaaa") == 0);
    CHECK(label::parse("(zzzzz)").kind == LabelKind::Letter);
    CHECK(label::parse("(aaaaaa)").kind == LabelKind::None);
    CHECK(label::next(LabelKind::Letter, "zzzzz").empty());
    CHECK(label::next(LabelKind::Letter, "yyyyy") == "zzzzz");
    CHECK(label::roman_label(1990) == "mcmxc");  // Word numbers long lists past lxxxix
    // every roman label up to lxxxix reads back, between brackets and before a full stop; the
    // longest is "lxxxviii" (8 letters): "(xxviii)", 6 letters, is a numeral, "(unicef)" is no label
    std::size_t longest = 0;
    for (long v = 1; v <= label::kMaxRoman; ++v) {
        const std::string r = label::roman_label(v);
        CAPTURE(v, r);
        longest = std::max(longest, r.size());
        CHECK(label::roman_value(r) == v);
        const label::Parsed paren = label::parse("(" + r + ")");
        CHECK(paren.kind == LabelKind::Roman);
        CHECK(paren.num == r);
        CHECK(label::parse(r + ".").kind == LabelKind::RomanDot);
        CHECK(label::next(LabelKind::Roman, r) == (v < label::kMaxRoman ? label::roman_label(v + 1) : ""));
    }
    CHECK(longest == label::kLongestRoman);
    CHECK(label::parse("(unicef)").kind == LabelKind::None);
    CHECK(label::parse("(abcdef)").kind == LabelKind::None);
    CHECK(label::parse("(xxxxxxxxx)").kind == LabelKind::None);
    CHECK(label::parse("xc.").kind == LabelKind::None);
    CHECK(label::roman_label(4000).empty());
    CHECK(label::bare_label(LabelKind::Roman, 9) == "ix");
}
