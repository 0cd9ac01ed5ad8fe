// Renderers: JSON tree, diagnostics as text / JSON / SARIF / GitHub annotations.
// Hand-made SourceFiles and Diagnostics, so these tests do not depend on the parser.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <set>

#include "support.hpp"
#include "unres/parse.hpp"
#include "unres/validate.hpp"
#include "unres/writers.hpp"
#include "utf8.hpp"
#include "writers/json_util.hpp"

using namespace unres;

namespace {

// ---- strict JSON parsing (nlohmann-json), to check that what we print is JSON ------

using JVal = nlohmann::ordered_json;

/// Parses `s`, refusing what nlohmann accepts but a strict reader should not: a
/// duplicate key in an object.  Throws on any fault.
JVal parse_json(const std::string& s) {
    std::vector<std::set<std::string>> open;
    return JVal::parse(s, [&](int, nlohmann::json::parse_event_t e, JVal& v) {
        using E = nlohmann::json::parse_event_t;
        if (e == E::object_start) open.emplace_back();
        if (e == E::object_end) open.pop_back();
        if (e == E::key && !open.back().insert(v.get<std::string>()).second)
            throw std::runtime_error("duplicate key " + v.get<std::string>());
        return true;
    });
}

/// An object's keys, in their order in the text.
std::vector<std::string> keys(const JVal& v) {
    std::vector<std::string> out;
    for (const auto& kv : v.items()) out.push_back(kv.key());
    return out;
}

Diagnostic diag(const std::string& rule, Severity sev, std::uint32_t b, std::uint32_t e, const std::string& msg) {
    Diagnostic d;
    d.rule = rule;
    d.severity = sev;
    d.span = {b, e};
    d.message = msg;
    return d;
}

std::uint32_t off(const SourceFile& src, const std::string& needle) {
    auto p = src.text().find(needle);
    REQUIRE(p != std::string::npos);
    return static_cast<std::uint32_t>(p);
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = s.find('\n', i);
        if (j == std::string::npos) j = s.size();
        out.push_back(s.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

/// Structural check of a SARIF 2.1.0 log: the properties the schema requires and the
/// ones unres promises (rules from the registry, physical locations, code-point columns).
void check_sarif_structure(const JVal& log) {
    REQUIRE(log.is_object());
    CHECK(log.at("version").get<std::string>() == "2.1.0");
    CHECK(log.at("$schema").get<std::string>().find("sarif") != std::string::npos);
    REQUIRE(log.at("runs").is_array());
    REQUIRE(log.at("runs").size() == 1);
    const JVal& run = log.at("runs").at(0);
    const JVal& driver = run.at("tool").at("driver");
    CHECK(driver.at("name").get<std::string>() == "unres");
    CHECK(driver.at("version").get<std::string>() == UNRES_VERSION);
    CHECK(driver.at("informationUri").get<std::string>().rfind("https://", 0) == 0);
    CHECK(run.at("columnKind").get<std::string>() == "unicodeCodePoints");
    const auto& rules = all_rules();
    REQUIRE(driver.at("rules").size() == rules.size());
    for (std::size_t k = 0; k < rules.size(); ++k) {
        const JVal& r = driver.at("rules").at(k);
        CHECK(r.at("id").get<std::string>() == rules[k].id);
        CHECK(r.at("name").get<std::string>() == rules[k].name);
        CHECK(r.at("shortDescription").at("text").is_string());
        CHECK(r.at("fullDescription").at("text").is_string());
        CHECK(r.at("help").at("text").is_string());
        CHECK(r.at("help").at("markdown").is_string());
        std::string level = r.at("defaultConfiguration").at("level").get<std::string>();
        CHECK((level == "error" || level == "warning" || level == "note"));
    }
    REQUIRE(run.at("results").is_array());
    for (const JVal& res : run.at("results")) {
        CHECK(res.at("ruleId").is_string());
        std::string level = res.at("level").get<std::string>();
        CHECK((level == "error" || level == "warning" || level == "note"));
        CHECK(res.at("message").at("text").is_string());
        if (res.contains("ruleIndex")) {
            REQUIRE(res.at("ruleIndex").is_number_integer());
            auto idx = static_cast<std::size_t>(res.at("ruleIndex").get<double>());
            REQUIRE(idx < rules.size());
            CHECK(rules[idx].id == res.at("ruleId").get<std::string>());
        }
        REQUIRE(res.at("locations").size() >= 1);
        const JVal& pl = res.at("locations").at(0).at("physicalLocation");
        CHECK(!pl.at("artifactLocation").at("uri").get<std::string>().empty());
        CHECK(pl.at("artifactLocation").at("uri").get<std::string>().find(' ') == std::string::npos);
        const JVal& region = pl.at("region");
        for (const char* k : {"startLine", "startColumn", "endLine", "endColumn"}) {
            REQUIRE(region.at(k).is_number_integer());
            CHECK(region.at(k).get<double>() >= 1);
        }
        CHECK(region.at("endLine").get<double>() >= region.at("startLine").get<double>());
    }
}

bool python_jsonschema_available() {
    return std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") == 0;
}

/// "" when the SARIF text validates against the project's copy of the SARIF schema.
std::string sarif_schema_errors(const std::string& sarif) {
    std::string dir = unres_test::scratch("sarif");
    std::string file = dir + "/log.sarif", log = dir + "/log.txt";
    unres_test::write_file(file, sarif);
    std::string cmd = "python3 -c 'import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), "
                      "json.load(open(sys.argv[2])))' '" +
                      file + "' '" + unres_test::source_dir() + "/schemas/sarif/sarif-schema-2.1.0.json' >'" + log +
                      "' 2>&1";
    int rc = std::system(cmd.c_str());
    return rc == 0 ? std::string() : unres_test::read_file(log) + " (exit " + std::to_string(rc) + ")";
}

}  // namespace

// ---- JSON string escaping -----------------------------------------------------------

TEST_CASE("json::quote escapes quotes, backslashes and every control character", "[output]") {
    CHECK(json::quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json::quote("l1\nl2\r\t") == "\"l1\\nl2\\r\\t\"");
    CHECK(json::quote(std::string("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\\u007f\"");
    CHECK(json::quote(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
    CHECK(json::quote("\xE2\x80\xA8") == "\"\\u2028\"");
    // Non-ASCII text is kept as UTF-8.
    CHECK(json::quote("Côte d’Ivoire") == "\"Côte d’Ivoire\"");
}

TEST_CASE("json::quote turns invalid UTF-8 into U+FFFD and always round-trips", "[output]") {
    std::string bad = "ok\xC3(\xFF\xFE end";
    std::string q = json::quote(bad);
    JVal v = parse_json(q);
    CHECK(v.get<std::string>() == "ok\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD end");
    std::string all;
    for (int c = 0; c < 128; ++c) all += static_cast<char>(c);
    CHECK(parse_json(json::quote(all)).get<std::string>() == all);
}

// ---- render_text --------------------------------------------------------------------

TEST_CASE("render_text: location line, excerpt and caret under the span", "[output]") {
    auto src = SourceFile::from_bytes("drafts/x.md", "The General Assembly,\n\n3. Decides to act;\n");
    std::vector<FileReport> files{{&src, InputFormat::Markdown,
                                   {diag("UNR101", Severity::Error, off(src, "3."), off(src, "3.") + 2,
                                         "operative paragraph 3 follows 1")}}};
    std::string out = render_text(files, {});
    auto ls = lines_of(out);
    REQUIRE(ls.size() == 4);
    CHECK(ls[0] == "drafts/x.md:3:1: error: operative paragraph 3 follows 1 [UNR101]");
    CHECK(ls[1] == "    3 | 3. Decides to act;");
    CHECK(ls[2] == "      | ^~");
    CHECK(ls[3] == "1 errors, 0 warnings in 1 files");
    CHECK(out.find('\x1b') == std::string::npos);
}

TEST_CASE("render_text: columns in code points, caret aligned after multibyte and wide characters", "[output]") {
    auto src = SourceFile::from_bytes("m.md", "Réunion à Genève,6 puis\n中文 X\n\tY\n");
    std::vector<Diagnostic> ds{diag("UNR201", Severity::Warning, off(src, "6"), off(src, "6") + 1, "mark"),
                               diag("UNR001", Severity::Warning, off(src, "X"), off(src, "X") + 1, "wide"),
                               diag("UNR001", Severity::Warning, off(src, "Y"), off(src, "Y") + 1, "tab")};
    std::vector<FileReport> files{{&src, InputFormat::Text, ds}};
    auto ls = lines_of(render_text(files, {}));
    REQUIRE(ls.size() == 10);
    // "Réunion à Genève," is 17 code points: the mark is column 18.
    CHECK(ls[0] == "m.md:1:18: warning: mark [UNR201]");
    std::string gutter = "      | ";
    CHECK(ls[2] == gutter + std::string(17, ' ') + "^");
    // 中 and 文 are two columns wide each on a terminal; X is code point 4.
    CHECK(ls[3] == "m.md:2:4: warning: wide [UNR001]");
    CHECK(ls[5] == gutter + std::string(5, ' ') + "^");
    // A tab is shown as spaces to the next tab stop; the caret follows it.
    CHECK(ls[6] == "m.md:3:2: warning: tab [UNR001]");
    CHECK(ls[7] == "    3 |     Y");
    CHECK(ls[8] == gutter + std::string(4, ' ') + "^");
    CHECK(ls[9] == "0 errors, 3 warnings in 1 files");
}

TEST_CASE("render_text: long lines are trimmed around the column", "[output]") {
    std::string line(300, 'a');
    line.replace(250, 5, "HERE!");
    auto src = SourceFile::from_bytes("long.txt", line + "\n");
    std::vector<FileReport> files{{&src, InputFormat::Text, {diag("UNR301", Severity::Warning, 250, 255, "here")}}};
    auto ls = lines_of(render_text(files, {}));
    REQUIRE(ls.size() == 4);
    CHECK(ls[0] == "long.txt:1:251: warning: here [UNR301]");
    CHECK(ls[1].size() < 130);
    CHECK(ls[1].find("...") != std::string::npos);
    auto caret = ls[2].find('^');
    REQUIRE(caret != std::string::npos);
    CHECK(ls[1].substr(caret, 5) == "HERE!");
    CHECK(ls[2].substr(caret) == "^~~~~");
}

TEST_CASE("render_text: a huge single line is excerpted around the column only", "[output]") {
    std::string line;
    for (int k = 0; k < 200000; ++k) line += "wörd ";  // 1.2 MB, multibyte
    std::uint32_t at = static_cast<std::uint32_t>(line.size() / 2);
    line.replace(at, 5, "HIT!!");
    auto src = SourceFile::from_bytes("huge.txt", line);
    std::vector<FileReport> files{{&src, InputFormat::Text, {diag("UNR001", Severity::Error, at, at + 5, "hit")}}};
    auto ls = lines_of(render_text(files, {}));
    REQUIRE(ls.size() == 4);
    CHECK(ls[0] == "huge.txt:1:" + std::to_string(src.location(at).column) + ": error: hit [UNR001]");
    CHECK(ls[1].size() < 200);
    CHECK(ls[1].find("    1 | ...") == 0);
    CHECK(ls[1].substr(ls[1].size() - 3) == "...");
    auto caret = ls[2].find('^');
    REQUIRE(caret != std::string::npos);
    // The excerpt holds multibyte characters: compare in code points.
    std::size_t cps = utf8::length(ls[2].substr(0, caret));
    std::size_t i = 0, n = 0;
    while (n < cps) { utf8::next(ls[1], i); ++n; }
    CHECK(ls[1].substr(i, 5) == "HIT!!");
}

TEST_CASE("render_text: notes, multi-line spans, control characters, colour", "[output]") {
    auto src = SourceFile::from_bytes("n.md", "1. First;\n1. Second\x1b[31m;\nthird\n");
    Diagnostic d = diag("UNR102", Severity::Error, off(src, "1. Second"), off(src, "third") + 5, "duplicate\nnumber");
    d.notes.push_back({{0, 2}, "previous paragraph 1 is here"});
    std::vector<FileReport> files{{&src, InputFormat::Markdown, {d}}};
    std::string out = render_text(files, {});
    auto ls = lines_of(out);
    REQUIRE(ls.size() == 7);
    CHECK(ls[0] == "n.md:2:1: error: duplicate number [UNR102]");
    CHECK(out.find('\x1b') == std::string::npos);  // the ESC in the source is not echoed
    CHECK(ls[2].find("^~~~~~~~") == 8);            // to the end of the first line of the span
    CHECK(ls[3] == "n.md:1:1: note: previous paragraph 1 is here");
    CHECK(ls[6] == "1 errors, 0 warnings in 1 files");

    RenderOptions color;
    color.color = true;
    std::string c = render_text(files, color);
    CHECK(c.find("\x1b[1;31merror:") != std::string::npos);

    RenderOptions plain;
    plain.excerpt = false;
    CHECK(lines_of(render_text(files, plain)).size() == 3);
}

TEST_CASE("render_text: summary counts errors and warnings over files", "[output]") {
    auto a = SourceFile::from_bytes("a.md", "x\n");
    auto b = SourceFile::from_bytes("b.md", "y\n");
    std::vector<FileReport> files{{&a, InputFormat::Text, {diag("UNR1", Severity::Warning, 0, 1, "w"),
                                                           diag("UNR2", Severity::Note, 0, 1, "n")}},
                                  {&b, InputFormat::Text, {diag("UNR3", Severity::Error, 0, 1, "e")}},
                                  {&b, InputFormat::Text, {}}};
    auto ls = lines_of(render_text(files, {}));
    CHECK(ls.back() == "1 errors, 1 warnings in 3 files");
    CHECK(lines_of(render_text({}, {})) == std::vector<std::string>{"0 errors, 0 warnings in 0 files"});
}

// ---- render_json --------------------------------------------------------------------

TEST_CASE("render_json: the shape of INTERFACE.md, end positions, escaping", "[output]") {
    auto src = SourceFile::from_bytes("drafts/é \"q\".md", "ab\ncdé fgh\n");
    std::string msg = std::string("tab\there \"quoted\" \x01 back\\slash");
    std::vector<FileReport> files{
        {&src, InputFormat::Markdown, {diag("UNR202", Severity::Warning, off(src, "é"), off(src, "fgh") + 3, msg)}}};
    JVal v = parse_json(render_json(files));
    CHECK(keys(v) == std::vector<std::string>{"files", "summary"});
    const JVal& f = v.at("files").at(0);
    CHECK(keys(f) == std::vector<std::string>{"path", "format", "diagnostics"});
    CHECK(f.at("path").get<std::string>() == "drafts/é \"q\".md");
    CHECK(f.at("format").get<std::string>() == "markdown");
    const JVal& d = f.at("diagnostics").at(0);
    CHECK(keys(d) ==
          std::vector<std::string>{"rule", "severity", "line", "column", "end_line", "end_column", "message"});
    CHECK(d.at("rule").get<std::string>() == "UNR202");
    CHECK(d.at("severity").get<std::string>() == "warning");
    CHECK(d.at("line").get<double>() == 2);
    CHECK(d.at("column").get<double>() == 3);
    CHECK(d.at("end_line").get<double>() == 2);
    CHECK(d.at("end_column").get<double>() == 8);  // exclusive end, in code points
    CHECK(d.at("message").get<std::string>() == msg);
    CHECK(keys(v.at("summary")) == std::vector<std::string>{"files", "errors", "warnings"});
    CHECK(v.at("summary").at("files").get<double>() == 1);
    CHECK(v.at("summary").at("errors").get<double>() == 0);
    CHECK(v.at("summary").at("warnings").get<double>() == 1);
}

TEST_CASE("render_json: a span ending with its line break ends on that line; notes kept", "[output]") {
    auto src = SourceFile::from_bytes("x.md", "first line\r\nsecond\n");
    Diagnostic d = diag("UNR001", Severity::Error, 0, off(src, "second"), "whole line");
    d.notes.push_back({{off(src, "second"), off(src, "second")}, "see here"});
    JVal v = parse_json(render_json({{&src, InputFormat::Text, {d}}}));
    const JVal& j = v.at("files").at(0).at("diagnostics").at(0);
    CHECK(j.at("end_line").get<double>() == 1);
    CHECK(j.at("end_column").get<double>() == 11);
    CHECK(j.at("notes").at(0).at("line").get<double>() == 2);
    CHECK(j.at("notes").at(0).at("message").get<std::string>() == "see here");
    CHECK(v.at("summary").at("errors").get<double>() == 1);
}

// ---- render_github ------------------------------------------------------------------

TEST_CASE("render_github: workflow commands with the required escaping", "[output]") {
    auto src = SourceFile::from_bytes("dir,x/a:b.md", "héllo wörld\nline two\n");
    std::vector<FileReport> files{
        {&src, InputFormat::Markdown,
         {diag("UNR101", Severity::Error, off(src, "wörld"), off(src, "wörld") + 6, "100% wrong,\r\nreally: yes"),
          diag("UNR301", Severity::Warning, off(src, "two"), off(src, "two") + 3, "w"),
          diag("UNR302", Severity::Note, 0, 1, "n")}}};
    auto ls = lines_of(render_github(files));
    REQUIRE(ls.size() == 3);
    CHECK(ls[0] ==
          "::error file=dir%2Cx/a%3Ab.md,line=1,col=7,endLine=1,endColumn=12,title=UNR101::100%25 wrong,%0D%0Areally: yes");
    CHECK(ls[1] == "::warning file=dir%2Cx/a%3Ab.md,line=2,col=6,endLine=2,endColumn=9,title=UNR301::w");
    CHECK(ls[2].rfind("::notice file=", 0) == 0);
}

// ---- render_sarif -------------------------------------------------------------------

TEST_CASE("render_sarif: SARIF 2.1.0 structure, rules from the registry, code-point regions", "[output]") {
    const auto& rules = all_rules();
    REQUIRE(!rules.empty());
    std::string known(rules.front().id);
    auto src = SourceFile::from_bytes("my drafts/ü.md", "Über die Straße 5\nnext\n");
    Diagnostic d = diag(known, Severity::Error, off(src, "5"), off(src, "5") + 1, "bad \"number\"\n");
    d.notes.push_back({{0, 4}, "related"});
    std::vector<FileReport> files{
        {&src, InputFormat::Markdown, {d, diag("UNR999999", Severity::Warning, off(src, "next"), off(src, "next") + 4, "x")}}};
    std::string sarif = render_sarif(files, rules);
    JVal log = parse_json(sarif);
    check_sarif_structure(log);
    const JVal& results = log.at("runs").at(0).at("results");
    REQUIRE(results.size() == 2);
    CHECK(results.at(0).at("ruleId").get<std::string>() == known);
    CHECK(results.at(0).at("ruleIndex").get<double>() == 0);
    CHECK(results.at(0).at("level").get<std::string>() == "error");
    CHECK(results.at(0).at("message").at("text").get<std::string>() == "bad \"number\"\n");
    const JVal& loc = results.at(0).at("locations").at(0).at("physicalLocation");
    CHECK(loc.at("artifactLocation").at("uri").get<std::string>() == "my%20drafts/%C3%BC.md");
    CHECK(loc.at("region").at("startLine").get<double>() == 1);
    CHECK(loc.at("region").at("startColumn").get<double>() == 17);  // "Über die Straße " is 16 code points
    CHECK(loc.at("region").at("endColumn").get<double>() == 18);
    CHECK(results.at(0).at("relatedLocations").at(0).at("message").at("text").get<std::string>() == "related");
    CHECK_FALSE(results.at(1).contains("ruleIndex"));  // not in the registry
    CHECK(results.at(1).at("level").get<std::string>() == "warning");

    // python3-jsonschema is installed by scripts/install-deps.sh: the SARIF schema check always runs
    REQUIRE(python_jsonschema_available());
    CHECK(sarif_schema_errors(sarif) == "");
}

TEST_CASE("render_sarif: the rules are the table it is given", "[output]") {
    const std::vector<RuleInfo> table = {
        {"X1", "first-rule", Severity::Note, "First", "doc of X1"},
        {"X2", "second-rule", Severity::Error, "Second", ""},
    };
    auto src = SourceFile::from_bytes("a.txt", "one\ntwo\n");
    std::vector<FileReport> files{{&src, InputFormat::Text,
                                   {diag("X2", Severity::Error, 0, 3, "m"), diag("UNR101", Severity::Error, 4, 7, "n")}}};
    JVal log = parse_json(render_sarif(files, table));
    const JVal& listed = log.at("runs").at(0).at("tool").at("driver").at("rules");
    REQUIRE(listed.size() == 2);
    CHECK(listed.at(0).at("id").get<std::string>() == "X1");
    CHECK(listed.at(0).at("defaultConfiguration").at("level").get<std::string>() == "note");
    CHECK(listed.at(1).at("fullDescription").at("text").get<std::string>() == "Second");  // no doc: the summary
    const JVal& results = log.at("runs").at(0).at("results");
    REQUIRE(results.size() == 2);
    CHECK(results.at(0).at("ruleIndex").get<double>() == 1);
    CHECK_FALSE(results.at(1).contains("ruleIndex"));  // a registry rule, but not in this table
}

TEST_CASE("render_sarif: an empty run is valid too", "[output]") {
    std::string sarif = render_sarif({}, all_rules());
    JVal log = parse_json(sarif);
    check_sarif_structure(log);
    CHECK(log.at("runs").at(0).at("results").empty());
    REQUIRE(python_jsonschema_available());
    CHECK(sarif_schema_errors(sarif) == "");
}

// ---- to_json (the document tree) ----------------------------------------------------

TEST_CASE("to_json: the document tree of INTERFACE.md from a hand-made Document", "[output]") {
    std::string text =
        "A/RES/1\nThe General Assembly,\nRecalling its resolution,6\n1. Calls upon States:\n(a) To act;\n"
        "Decides to stay seized.\n6 Resolution 217 A (III).\nAnnex I\nThe title\n50th plenary meeting\n";
    auto src = SourceFile::from_bytes("r.md", text);
    auto at = [&](const std::string& s) { return off(src, s); };
    Document doc;
    doc.path = "r.md";
    doc.format = InputFormat::Markdown;
    doc.meta.symbol = {"A/RES/1", {0, 7}};
    doc.meta.body = {"General Assembly", {}};
    doc.meta.sponsors = {{"Argentina", {}}, {"Côte d’Ivoire", {}}};
    doc.meta.agenda_items = {{"71 (b)", {}}};
    doc.authority = {"The General Assembly,", {at("The"), at("The") + 21}};
    Para pre;
    pre.text = "Recalling its resolution,";
    pre.span = {at("Recalling"), at("Recalling") + 26};
    doc.preamble.push_back(pre);
    Para op;
    op.num = "1";
    op.kind = LabelKind::Number;
    op.text = "Calls upon States:";
    op.span = {at("1. Calls"), at("(a)") - 1};
    Para sub;
    sub.num = "a";
    sub.kind = LabelKind::Letter;
    sub.text = "To act;";
    sub.span = {at("(a)"), at("(a)") + 11};
    op.children.push_back(sub);
    doc.operative.push_back(op);
    Para un;
    un.text = "Decides to stay seized.";
    un.span = {at("Decides"), at("Decides") + 23};
    doc.operative.push_back(un);
    Footnote fn;
    fn.num = "6";
    fn.text = "Resolution 217 A (III).";
    fn.span = {at("6 Resolution"), at("6 Resolution") + 24};
    fn.refs.push_back({at("6\n1."), at("6\n1.") + 1});
    doc.footnotes.push_back(fn);
    Annex annex;
    annex.num = "I";
    annex.span = {at("Annex"), at("Annex") + 7};
    doc.annexes.push_back(annex);
    doc.closing.meeting = "50th plenary meeting";
    doc.closing.span = {at("50th"), at("50th") + 20};
    std::vector<Diagnostic> diags{diag("UNR201", Severity::Warning, at("6\n1."), at("6\n1.") + 1, "m")};

    std::string out = to_json(doc, src, diags);
    CHECK(out == to_json(doc, src, diags));  // deterministic
    JVal v = parse_json(out);
    std::vector<std::string> contract_keys{"unres_json_version", "source", "metadata", "authority", "preamble",
                                           "operative", "footnotes", "annexes", "closing", "diagnostics"};
    for (const auto& k : contract_keys) CHECK(v.contains(k));
    CHECK(v.at("unres_json_version").get<double>() == 1);
    CHECK(v.at("source").at("path").get<std::string>() == "r.md");
    CHECK(v.at("source").at("format").get<std::string>() == "markdown");
    const JVal& m = v.at("metadata");
    for (const char* k : {"body", "symbol", "distribution", "date", "original_language", "session", "committee",
                          "agenda_items", "agenda_title", "sponsors", "document_type", "title"})
        CHECK(m.contains(k));
    CHECK(m.at("symbol").get<std::string>() == "A/RES/1");
    CHECK(m.at("date").is_null());
    CHECK(m.at("agenda_title").is_null());
    CHECK(m.at("sponsors").size() == 2);
    CHECK(m.at("sponsors").at(1).get<std::string>() == "Côte d’Ivoire");
    CHECK(m.at("agenda_items").at(0).get<std::string>() == "71 (b)");
    CHECK(v.at("authority").get<std::string>() == "The General Assembly,");
    CHECK(v.at("preamble").at(0).at("text").get<std::string>() == "Recalling its resolution,");
    CHECK(v.at("preamble").at(0).at("line").get<double>() == 3);
    const JVal& o1 = v.at("operative").at(0);
    CHECK(o1.at("num").get<std::string>() == "1");
    CHECK(o1.at("line").get<double>() == 4);
    CHECK(o1.at("text").get<std::string>() == "Calls upon States:");
    CHECK(o1.at("section").is_null());
    CHECK(o1.at("children").at(0).at("num").get<std::string>() == "a");
    CHECK(o1.at("children").at(0).at("line").get<double>() == 5);
    CHECK(o1.at("children").at(0).at("children").empty());
    CHECK(v.at("operative").at(1).at("num").is_null());
    const JVal& f = v.at("footnotes").at(0);
    CHECK(f.at("num").get<std::string>() == "6");
    CHECK(f.at("line").get<double>() == 7);
    CHECK(f.at("references").at(0).at("line").get<double>() == 3);
    CHECK(f.at("references").at(0).at("column").get<double>() == 26);
    CHECK(v.at("annexes").at(0).at("num").get<std::string>() == "I");
    CHECK(v.at("annexes").at(0).at("title").is_null());
    CHECK(v.at("annexes").at(0).at("operative").empty());
    CHECK(v.at("closing").at("meeting").get<std::string>() == "50th plenary meeting");
    CHECK(v.at("closing").at("date").is_null());
    CHECK(v.at("sections").empty());
    const JVal& d = v.at("diagnostics").at(0);
    CHECK(keys(d) ==
          std::vector<std::string>{"rule", "severity", "line", "column", "end_line", "end_column", "message"});
    CHECK(d.at("line").get<double>() == 3);
}

TEST_CASE("to_json: sectioned documents carry section labels and the sections list", "[output]") {
    auto src = SourceFile::from_bytes("s.md", "II\nCapacity-building\n1. Decides;\n");
    Document doc;
    doc.path = "s.md";
    Section s;
    s.num = "II";
    s.heading = "Capacity-building";
    s.span = {0, 2};
    doc.sections.push_back(s);
    Para p;
    p.num = "1";
    p.text = "Decides;";
    p.section = "II";
    p.span = {off(src, "1."), off(src, "1.") + 11};
    doc.operative.push_back(p);
    JVal v = parse_json(to_json(doc, src, {}));
    CHECK(v.at("operative").at(0).at("section").get<std::string>() == "II");
    CHECK(v.at("sections").at(0).at("num").get<std::string>() == "II");
    CHECK(v.at("sections").at(0).at("heading").get<std::string>() == "Capacity-building");
    CHECK(v.at("sections").at(0).at("line").get<double>() == 1);
    CHECK(v.at("diagnostics").empty());
}

// ---- the CLI's machine-readable outputs on a real file --------------------------------

TEST_CASE("write_json: the bytes of to_json, in pieces of about a megabyte cut between values", "[output]") {
    // a document of 13,000 paragraphs in annexes: a JSON tree of several megabytes
    std::string text = "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to adopt the annexed texts.\n\n";
    for (int a = 1; a <= 130; ++a) {
        text += "Annex " + std::to_string(a) + "\n\nText number " + std::to_string(a) + "\n\n";
        for (int k = 1; k <= 100; ++k)
            text += std::to_string(k) + ". Decides to keep under review the matter of item " + std::to_string(a * 1000 + k) +
                    " of its agenda, with the reports of the Secretary-General on it;\n\n";
    }
    auto src = SourceFile::from_bytes("big.txt", text);
    Document doc = parse(src);
    const std::vector<Diagnostic> diags = validate(doc, src);
    const std::string whole = to_json(doc, src, diags);
    REQUIRE(whole.size() > 3'000'000);
    std::vector<std::string> pieces;
    write_json(doc, src, diags, [&](std::string_view p) { pieces.emplace_back(p); });
    CHECK(pieces.size() >= 3);
    std::string joined;
    for (const std::string& p : pieces) {
        CHECK(p.size() < (std::size_t{1} << 20) + 4096);  // a piece ends at the first value past a megabyte
        joined += p;
    }
    CHECK(joined == whole);
}

TEST_CASE("check --format sarif and json on the sample: valid documents on stdout only", "[output]") {
    std::string sample = unres_test::source_dir() + "/samples/A_C.3_78_L.52_Rev.1.md";
    auto s = unres_test::run("check --format sarif '" + sample + "'");
    CHECK((s.code == 0 || s.code == 1));
    JVal log = parse_json(s.out);
    check_sarif_structure(log);
    REQUIRE(python_jsonschema_available());
    CHECK(sarif_schema_errors(s.out) == "");

    auto j = unres_test::run("check --format json '" + sample + "'");
    JVal v = parse_json(j.out);
    CHECK(v.at("summary").at("files").get<double>() == 1);
    CHECK(j.code == (v.at("summary").at("errors").get<double>() > 0 ? 1 : 0));
    CHECK(log.at("runs").at(0).at("results").size() == v.at("files").at(0).at("diagnostics").size());
}

TEST_CASE("check --format sarif over the whole corpus validates against the SARIF 2.1.0 schema", "[output][corpus]") {
    // every text variant, official AKN and Word file of tests/corpus, in one run
    auto s = unres_test::run("check --format sarif -j 2 '" + unres_test::source_dir() + "/tests/corpus'");
    CHECK((s.code == 0 || s.code == 1 || s.code == 2));  // 2: the legacy .doc is refused, the rest reported
    JVal log = parse_json(s.out);
    check_sarif_structure(log);
    CHECK(log.at("runs").at(0).at("results").size() > 100);
    REQUIRE(python_jsonschema_available());
    CHECK(sarif_schema_errors(s.out) == "");
}
