// Golden tests on the sample draft (samples/A_C.3_78_L.52_Rev.1.md), the facts of issue 2
// checked one by one, and broken copies of the sample.
//
// The CLI is run from the source directory on the relative path samples/X, so the outputs
// do not depend on the machine.  The expected files are tests/golden/X.{json,diag,
// diag.json,akn.xml}; with UNRES_UPDATE_GOLDEN=1 the test rewrites them instead of comparing
// (and says so), and `git diff tests/golden` is the review.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <ostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"
#include "unres/parse.hpp"
#include "unres/validate.hpp"

using namespace unres;
using unres_test::RunResult;

namespace {

const std::string kSample = "samples/A_C.3_78_L.52_Rev.1.md";
const std::string kGoldenBase = "tests/golden/A_C.3_78_L.52_Rev.1";

std::string q(const std::string& s) { return "'" + s + "'"; }

/// Runs `unres ARGS` with the source directory as the working directory.
RunResult run_in_source(const std::string& args) {
    std::string dir = unres_test::scratch("golden-run");
    std::string o = dir + "/out", e = dir + "/err";
    std::string cmd = "cd " + q(unres_test::source_dir()) + " && " + q(unres_test::unres_binary()) + " " + args +
                      " </dev/null >" + q(o) + " 2>" + q(e);
    int rc = std::system(cmd.c_str());
    int code = WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
    return {code, unres_test::read_file(o), unres_test::read_file(e)};
}

bool update_golden() {
    const char* v = std::getenv("UNRES_UPDATE_GOLDEN");
    return v && std::string(v) == "1";
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
}

/// Compares `actual` byte for byte with tests/golden/<name>, or rewrites it under
/// UNRES_UPDATE_GOLDEN=1.  A mismatch names the first differing line.
void golden(const std::string& name, const std::string& actual) {
    std::string rel = kGoldenBase + name;
    std::string path = unres_test::source_dir() + "/" + rel;
    if (update_golden()) {
        unres_test::write_file(path, actual);
        WARN("UNRES_UPDATE_GOLDEN=1: rewrote " << rel << " (review with git diff)");
        return;
    }
    INFO("golden file " << rel << " (set UNRES_UPDATE_GOLDEN=1 to rewrite it, then review git diff)");
    REQUIRE(std::filesystem::exists(path));
    std::string expected = unres_test::read_file(path);
    if (expected == actual) {
        SUCCEED();
        return;
    }
    auto el = split_lines(expected), al = split_lines(actual);
    std::size_t i = 0;
    while (i < el.size() && i < al.size() && el[i] == al[i]) ++i;
    std::string want = i < el.size() ? el[i] : "<end of file>";
    std::string got = i < al.size() ? al[i] : "<end of file>";
    FAIL_CHECK(rel << " differs first at line " << i + 1 << "\n  expected: " << want << "\n  actual:   " << got
                   << "\n(expected " << expected.size() << " bytes, got " << actual.size() << ")");
}

/// 1-based line and column (in code points) of `needle` on the first line that starts
/// with `line_prefix`; {0, 0} when there is none.
struct Pos {
    std::uint32_t line = 0, column = 0;
    friend bool operator==(const Pos&, const Pos&) = default;
};
std::ostream& operator<<(std::ostream& os, const Pos& p) { return os << p.line << ":" << p.column; }

Pos locate(const std::string& text, const std::string& line_prefix, const std::string& needle, int nth_line = 1) {
    auto lines = split_lines(text);
    int seen = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].rfind(line_prefix, 0) != 0 || ++seen < nth_line) continue;
        std::size_t at = lines[i].find(needle);
        if (at == std::string::npos) return {};
        std::uint32_t col = 1;
        for (std::size_t k = 0; k < at; ++k)
            if ((static_cast<unsigned char>(lines[i][k]) & 0xC0) != 0x80) ++col;
        return {static_cast<std::uint32_t>(i + 1), col};
    }
    return {};
}

std::size_t count_of(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
    return n;
}

/// One diagnostic of the text form, main lines only ("PATH:L:C: SEV: MSG [RULE]").
struct TextDiag {
    Pos pos;
    std::string severity, rule;
};

std::vector<TextDiag> parse_text_diags(const std::string& err) {
    static const std::regex re(R"(^[^:]+:(\d+):(\d+): (error|warning|note): .* \[(UNR\d{3})\]$)");
    std::vector<TextDiag> out;
    for (const auto& line : split_lines(err)) {
        std::smatch m;
        if (!std::regex_match(line, m, re)) continue;
        out.push_back({{static_cast<std::uint32_t>(std::stoul(m[1])), static_cast<std::uint32_t>(std::stoul(m[2]))},
                       m[3],
                       m[4]});
    }
    return out;
}

std::vector<TextDiag> errors_of(const std::vector<TextDiag>& ds) {
    std::vector<TextDiag> out;
    std::copy_if(ds.begin(), ds.end(), std::back_inserter(out), [](const TextDiag& d) { return d.severity == "error"; });
    return out;
}

std::string describe(const std::vector<TextDiag>& ds) {
    std::string s;
    for (const auto& d : ds) s += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " + d.severity + " " + d.rule + "\n";
    return s;
}

std::string replace_line(const std::string& text, const std::string& line_prefix, const std::string& from,
                         const std::string& to) {
    auto lines = split_lines(text);
    std::string out;
    bool done = false;
    for (auto& l : lines) {
        if (!done && l.rfind(line_prefix, 0) == 0) {
            std::size_t at = l.find(from);
            REQUIRE(at != std::string::npos);
            l.replace(at, from.size(), to);
            done = true;
        }
        out += l + "\n";
    }
    REQUIRE(done);
    return out;
}

/// Removes (copies == 0) or repeats (copies == 2) the first line starting with `line_prefix`.
std::string edit_line(const std::string& text, const std::string& line_prefix, int copies) {
    auto lines = split_lines(text);
    std::string out;
    bool done = false;
    for (const auto& l : lines) {
        if (!done && l.rfind(line_prefix, 0) == 0) {
            done = true;
            for (int i = 0; i < copies; ++i) out += l + "\n";
            continue;
        }
        out += l + "\n";
    }
    REQUIRE(done);
    return out;
}

const Para* preamble_ending(const Document& d, const std::string& tail) {
    for (const Para& p : d.preamble)
        if (p.text.size() >= tail.size() && p.text.compare(p.text.size() - tail.size(), tail.size(), tail) == 0) return &p;
    return nullptr;
}

bool inside(Span inner, Span outer) { return outer.begin <= inner.begin && inner.end <= outer.end; }

}  // namespace

TEST_CASE("golden: the sample's JSON tree, diagnostics and Akoma Ntoso", "[golden]") {
    auto json = run_in_source("convert --to json " + kSample);
    auto diag = run_in_source("check --color never " + kSample);
    auto diag_json = run_in_source("check --format json " + kSample);
    auto akn = run_in_source("convert --to akn " + kSample);
    auto akn_again = run_in_source("convert --to akn " + kSample);

    CHECK(json.code == 0);
    CHECK(json.err.empty());
    CHECK(diag.code == 0);
    CHECK(diag.out.empty());
    CHECK(diag.err.find('\x1b') == std::string::npos);
    CHECK(diag_json.code == 0);
    CHECK(akn.code == 0);
    CHECK(akn.err.empty());

    // No machine-dependent path in any output.
    for (const auto* r : {&json, &diag, &diag_json, &akn}) {
        CHECK(r->out.find(unres_test::source_dir()) == std::string::npos);
        CHECK(r->err.find(unres_test::source_dir()) == std::string::npos);
    }
    CHECK(json.out.find("\"path\": \"" + kSample + "\"") != std::string::npos);

    golden(".json", json.out);
    golden(".diag", diag.err);
    golden(".diag.json", diag_json.out);
    golden(".akn.xml", akn.out);

    // Deterministic Akoma Ntoso, valid against the official schema.
    CHECK(akn.out == akn_again.out);
    auto verdicts = unres_test::akn_schema_errors_batch({{"sample", akn.out}}, "golden-sample");
    INFO(verdicts["sample"]);
    CHECK(verdicts["sample"].empty());
    // And the checked-in golden itself validates (it is what reviewers read).
    std::string stored = unres_test::read_file(unres_test::source_dir() + "/" + kGoldenBase + ".akn.xml");
    CHECK(unres_test::akn_schema_errors(stored, "golden-akn") == "");
}

TEST_CASE("golden: the sample's structure, header and texts (issue 2)", "[golden]") {
    SourceFile src = SourceFile::from_path(unres_test::source_dir() + "/" + kSample);
    Document d = parse(src);

    // 46 preambular, 33 operative numbered 1-33.
    CHECK(d.authority.value == "The General Assembly,");
    CHECK(d.preamble.size() == 46);
    REQUIRE(d.operative.size() == 33);
    for (std::size_t i = 0; i < d.operative.size(); ++i) {
        INFO("operative paragraph " << i + 1);
        CHECK(d.operative[i].num == std::to_string(i + 1));
        CHECK(d.operative[i].kind == LabelKind::Number);
    }
    for (const Para& p : d.preamble) {
        CHECK(p.num.empty());
        CHECK(p.children.empty());
    }

    // 44 sub-paragraphs: 4 (a)-(f), 5 (a)-(p), 6 (a)-(n), 15 (a)-(h); none deeper.
    std::map<std::string, std::string> lists;  // paragraph -> its letters
    std::size_t subs = 0;
    for (const Para& p : d.operative) {
        for (const Para& c : p.children) {
            CHECK(c.kind == LabelKind::Letter);
            CHECK(c.children.empty());
            CHECK(c.num.size() == 1);
            lists[p.num] += c.num;
            ++subs;
        }
    }
    CHECK(subs == 44);
    CHECK(lists == std::map<std::string, std::string>{
                       {"4", "abcdef"}, {"5", "abcdefghijklmnop"}, {"6", "abcdefghijklmn"}, {"15", "abcdefgh"}});

    // 37 footnotes; 5-37 each linked to a mark, 1-4 without marks.
    REQUIRE(d.footnotes.size() == 37);
    std::set<std::string> nums;
    for (const Footnote& f : d.footnotes) {
        INFO("footnote " << f.num);
        nums.insert(f.num);
        CHECK(!f.text.empty());
        long v = std::stol(f.num);
        if (v <= 4) CHECK(f.refs.empty());
        else CHECK(!f.refs.empty());
    }
    std::set<std::string> want;
    for (int i = 1; i <= 37; ++i) want.insert(std::to_string(i));
    CHECK(nums == want);

    // Every header field.
    const Metadata& m = d.meta;
    CHECK(d.kind == DocKind::DraftResolution);
    CHECK(m.body.value == "General Assembly");
    CHECK(m.symbol.value == "A/C.3/78/L.52/Rev.1");
    CHECK(m.distribution.value == "Limited");
    CHECK(m.date.value == "2023-11-09");
    CHECK(m.original_language.value == "English");
    CHECK(m.session.value == "Seventy-eighth session");
    CHECK(m.committee.value == "Third Committee");
    REQUIRE(m.agenda_items.size() == 1);
    CHECK(m.agenda_items[0].value == "71 (b)");
    CHECK(m.agenda_title.value ==
          "Promotion and protection of human rights: human rights questions, including alternative approaches for "
          "improving the effective enjoyment of human rights and fundamental freedoms");
    std::vector<std::string> sponsors;
    for (const Field& f : m.sponsors) sponsors.push_back(f.value);
    CHECK(sponsors == std::vector<std::string>{"Argentina", "Armenia", "Colombia", "Ecuador", "Haiti", "Honduras",
                                               "Kyrgyzstan", "Mexico", "North Macedonia", "Portugal", "Uruguay",
                                               "Venezuela (Bolivarian Republic of)"});
    CHECK(m.document_type.value == "revised draft resolution");
    CHECK(m.title.value == "Protection of migrants");

    // Paragraphs split by page breaks and footnote blocks are whole.
    const Para* migrants = nullptr;
    const Para* court = nullptr;
    for (const auto* list : {&d.preamble, &d.operative}) {
        for (const Para& p : *list) {
            if (p.text.find("regardless of their migration status") != std::string::npos && !migrants) migrants = &p;
            if (p.text.find("the Judgment of the Court of 19 January 2009") != std::string::npos) court = &p;
        }
    }
    REQUIRE(migrants);
    CHECK(migrants->text.rfind("Recognizing that migration has been", 0) == 0);
    REQUIRE(court);
    CHECK(court->text.find("and the Judgment of the Court of 19 January 2009") != std::string::npos);
    for (const auto* list : {&d.preamble, &d.operative}) {
        for (const Para& p : *list) {
            INFO(p.text);
            CHECK(p.text.find("<sup>") == std::string::npos);
            CHECK(p.text.find("23-21882") == std::string::npos);
            CHECK(p.text.find("  ") == std::string::npos);
        }
    }

    // Exactly the expected warnings, no error.
    auto diags = validate(d, src);
    std::vector<std::string> rules;
    for (const auto& x : diags) rules.push_back(x.rule);
    CHECK(rules == std::vector<std::string>{"UNR202", "UNR202", "UNR202", "UNR202", "UNR301", "UNR301", "UNR301",
                                            "UNR301", "UNR303"});
    for (const auto& x : diags) CHECK(x.severity == Severity::Warning);
    REQUIRE(diags.size() == 9);
    for (int i = 0; i < 4; ++i) {
        INFO("UNR202 for footnote " << i + 1);
        auto f = std::find_if(d.footnotes.begin(), d.footnotes.end(),
                              [&](const Footnote& x) { return x.num == std::to_string(i + 1); });
        REQUIRE(f != d.footnotes.end());
        CHECK(diags[static_cast<std::size_t>(i)].span == f->span);
    }
    const char* tails[] = {"security concerns.", "vulnerable situations.", "their families.", "interests of the child."};
    for (int i = 0; i < 4; ++i) {
        INFO(tails[i]);
        const Para* p = preamble_ending(d, tails[i]);
        REQUIRE(p);
        CHECK(inside(diags[static_cast<std::size_t>(4 + i)].span, p->span));
    }
    const Para& four_e = d.operative.at(3).children.at(4);
    CHECK(four_e.num == "e");
    CHECK(inside(diags[8].span, four_e.span));
    CHECK(src.location(diags[8].span.begin).line == four_e.line);

    auto check = run_in_source("check -q " + kSample);
    CHECK(check.code == 0);
    auto text_diags = parse_text_diags(check.err);
    CHECK(text_diags.size() == 9);
    CHECK(errors_of(text_diags).empty());

    // The Akoma Ntoso keeps every footnote, 1-4 included.
    auto akn = run_in_source("convert --to akn " + kSample);
    REQUIRE(akn.code == 0);
    CHECK(count_of(akn.out, "<authorialNote ") == 37);
    for (int i = 1; i <= 37; ++i) {
        INFO("footnote " << i);
        CHECK(count_of(akn.out, "eId=\"authorialNote_" + std::to_string(i) + "\"") == 1);
        CHECK(count_of(akn.out, " marker=\"" + std::to_string(i) + "\" placement=") == 1);
    }
    CHECK(count_of(akn.out, "class=\"noMark\"") == 4);
    CHECK(count_of(akn.out, "<preamble>") == 1);
    CHECK(count_of(akn.out, "name=\"preambularParagraph\"") == 46);
    CHECK(count_of(akn.out, "<paragraph ") == 33);
    CHECK(count_of(akn.out, "<point ") == 44);
}

TEST_CASE("golden: broken copies of the sample give the right error at the right place", "[golden]") {
    const std::string sample = unres_test::read_file(unres_test::source_dir() + "/" + kSample);
    REQUIRE(!sample.empty());
    std::string dir = unres_test::scratch("golden-broken");

    struct Broken {
        std::string name;
        std::string text;
        std::string rule;
        Pos at;
    };
    std::vector<Broken> cases;

    {  // paragraph 7 deleted: the gap is reported at the label of paragraph 8
        std::string t = edit_line(sample, "- 7. Encourages States", 0);
        cases.push_back({"no-paragraph-7", t, "UNR101", locate(t, "- 8. Urges States", "8.")});
    }
    {  // sub-paragraph (c) of paragraph 4 duplicated: reported at the second (c)
        std::string t = edit_line(sample, "- (c) Expresses concern about legislation", 2);
        cases.push_back({"c-twice", t, "UNR105", locate(t, "- (c) Expresses concern about legislation", "(c)", 2)});
    }
    {  // footnote 33's body removed: reported at its mark in paragraph 7
        std::string t = edit_line(sample, "<sup>33</sup> A/HRC/15/29.", 0);
        cases.push_back({"no-footnote-33", t, "UNR201", locate(t, "- 7. Encourages States", "<sup>33</sup>")});
    }
    {  // the mark of footnote 34 (paragraph 11) points at a footnote 99 that does not exist
        std::string t = replace_line(sample, "- 11. *Invites* Member States", "<sup>34</sup>", "<sup>99</sup>");
        cases.push_back({"mark-99", t, "UNR201", locate(t, "- 11. *Invites* Member States", "<sup>99</sup>")});
    }

    std::vector<std::pair<std::string, std::string>> xml;
    for (const auto& c : cases) {
        INFO("broken copy: " << c.name);
        REQUIRE(c.at.line > 0);
        std::string file = dir + "/" + c.name + ".md";
        unres_test::write_file(file, c.text);
        auto r = unres_test::run("check -q --color never " + q(file));
        CHECK(r.code == 1);
        auto all = parse_text_diags(r.err);
        auto errs = errors_of(all);
        INFO("errors:\n" << describe(errs));
        REQUIRE(errs.size() == 1);
        CHECK(errs[0].rule == c.rule);
        CHECK(errs[0].pos == c.at);

        auto js = unres_test::run("check --format json " + q(file));
        CHECK(js.code == 1);
        CHECK(js.out.find("\"rule\": \"" + c.rule + "\",\n          \"severity\": \"error\",\n          \"line\": " +
                          std::to_string(c.at.line) + ",\n          \"column\": " + std::to_string(c.at.column) + ",") !=
              std::string::npos);

        auto akn = unres_test::run("convert --to akn " + q(file));
        CHECK(akn.code == 0);
        xml.emplace_back(c.name, akn.out);
    }
    // A broken draft still converts to valid Akoma Ntoso.
    auto verdicts = unres_test::akn_schema_errors_batch(xml, "golden-broken-xsd");
    for (const auto& [name, errors] : verdicts) {
        INFO(name << ": " << errors);
        CHECK(errors.empty());
    }
}
