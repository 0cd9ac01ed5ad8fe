// `unres diff`: the alignment (library), the three outputs (CLI), real draft/adopted pairs, bounds
// on hostile input, and a real browser rendering the HTML (diff and check --format html).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "support.hpp"
#include "unres/diff.hpp"
#include "unres/parse.hpp"

namespace fs = std::filesystem;
using unres_test::run;

namespace {

std::string src_dir() { return unres_test::source_dir(); }
std::string old_md() { return src_dir() + "/tests/diff/old.md"; }
std::string new_md() { return src_dir() + "/tests/diff/new.md"; }
std::string pair_dir(const std::string& sym) { return src_dir() + "/tests/corpus/devset/" + sym; }
std::string q(const std::string& s) { return "'" + s + "'"; }
bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

struct Parsed {
    unres::SourceFile src;
    unres::Document doc;
};
Parsed load(const std::string& path) {
    Parsed p;
    p.src = unres::SourceFile::from_path(path);
    p.doc = unres::parse(p.src);
    return p;
}
unres::DocDiff diff_files(const std::string& a, const std::string& b, const unres::DiffOptions& o = {}) {
    Parsed x = load(a), y = load(b);
    return unres::diff(x.doc, x.src, y.doc, y.src, o);
}

/// Every entry, depth first, as "kind old-ref>new-ref" (refs "-" when absent).
void flatten(const std::vector<unres::DiffEntry>& list, std::vector<std::string>& out, bool changed_only) {
    for (const unres::DiffEntry& e : list) {
        if (!changed_only || e.changed())
            out.push_back(std::string(e.kind()) + " " + (e.old_side ? e.old_side->ref : "-") + ">" +
                          (e.new_side ? e.new_side->ref : "-"));
        if (!e.has(unres::Change::Inserted) && !e.has(unres::Change::Deleted)) flatten(e.children, out, changed_only);
    }
}
std::vector<std::string> changed(const std::vector<unres::DiffEntry>& list) {
    std::vector<std::string> out;
    flatten(list, out, true);
    return out;
}

const unres::DiffEntry* find_entry(const std::vector<unres::DiffEntry>& list, const std::string& new_ref) {
    for (const unres::DiffEntry& e : list) {
        if (e.new_side && e.new_side->ref == new_ref) return &e;
        if (const unres::DiffEntry* c = find_entry(e.children, new_ref)) return c;
    }
    return nullptr;
}

std::string spell(const std::vector<unres::WordRun>& runs, bool old) {
    std::string s;
    for (const unres::WordRun& r : runs)
        if (r.op == unres::WordRun::Op::Same || (r.op == unres::WordRun::Op::Del) == old) s += r.text;
    return s;
}

bool has_field(const unres::DocDiff& d, const std::string& field, const std::string& o, const std::string& n) {
    for (const unres::FieldChange& f : d.header)
        if (f.field == field && f.old_value == o && f.new_value == n) return true;
    return false;
}

bool python_jsonschema() { return std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") == 0; }

/// "" when `json` is valid against schemas/unres/diff-1.schema.json, else the error.
std::string diff_schema_errors(const std::string& json) {
    std::string dir = unres_test::scratch("diff-schema");
    unres_test::write_file(dir + "/d.json", json);
    std::string cmd = "python3 -c 'import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), "
                      "json.load(open(sys.argv[2])))' " + q(dir + "/d.json") + " " +
                      q(src_dir() + "/schemas/unres/diff-1.schema.json") + " >" + q(dir + "/log") + " 2>&1";
    int rc = std::system(cmd.c_str());
    return rc == 0 ? std::string() : unres_test::read_file(dir + "/log");
}

/// The changed entries of a JSON diff, flattened like flatten() (through python3's json).
std::string json_changes(const std::string& json) {
    std::string dir = unres_test::scratch("diff-json");
    unres_test::write_file(dir + "/d.json", json);
    unres_test::write_file(dir + "/f.py",
                           "import json,sys\n"
                           "d=json.load(open(sys.argv[1]))\n"
                           "def walk(l):\n"
                           "  for e in l:\n"
                           "    if e['changes']:\n"
                           "      print(e['kind'], (e['old'] or {}).get('ref','-')+'>'+(e['new'] or {}).get('ref','-'))\n"
                           "    if e['kind'] not in ('inserted','deleted'): walk(e['children'])\n"
                           "walk(d['body']); walk(d['footnotes'])\n");
    std::string cmd = "python3 " + q(dir + "/f.py") + " " + q(dir + "/d.json") + " >" + q(dir + "/out") + " 2>&1";
    (void)std::system(cmd.c_str());
    return unres_test::read_file(dir + "/out");
}

const char* const kChromium = "/usr/bin/chromium";

/// Renders `html_path` with headless Chromium to a PNG; returns the PNG bytes ("" on failure, with
/// the reason in `why`).
std::string chromium_screenshot(const std::string& html_path, const std::string& name, std::string& why) {
    std::string dir = unres_test::scratch("chromium-" + name);
    std::string profile = dir + "/profile";
    fs::remove_all(profile);
    fs::create_directories(profile);
    std::string png = dir + "/" + name + ".png";
    fs::remove(png);
    std::string cmd = std::string("timeout 120 ") + kChromium +
                      " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                      " --disable-background-networking --disable-component-update --disable-sync"
                      " --user-data-dir=" + q(profile) + " --window-size=1280,1600 --screenshot=" + q(png) +
                      " " + q("file://" + html_path) + " >" + q(dir + "/log") + " 2>&1";
    int rc = std::system(cmd.c_str());
    std::string log = unres_test::read_file(dir + "/log");
    fs::remove_all(profile);
    if (rc != 0) { why = "chromium exited with " + std::to_string(rc) + ":\n" + log; return {}; }
    std::string bytes = unres_test::read_file(png);
    if (bytes.empty()) why = "no screenshot written:\n" + log;
    // A page that fails to load (missing file, network error) shows an error page instead.
    if (contains(log, "ERR_FILE_NOT_FOUND") || contains(log, "net::ERR")) why = "chromium could not load the page:\n" + log;
    return why.empty() ? bytes : std::string();
}

/// The width and height in a PNG's IHDR chunk (0, 0 when it is not a PNG).
std::pair<unsigned, unsigned> png_size(const std::string& b) {
    static const std::string sig = "\x89PNG\r\n\x1a\n";
    if (b.size() < 24 || b.compare(0, 8, sig) != 0 || b.compare(12, 4, "IHDR") != 0) return {0, 0};
    auto be = [&](std::size_t i) {
        return (unsigned(static_cast<unsigned char>(b[i])) << 24) | (unsigned(static_cast<unsigned char>(b[i + 1])) << 16) |
               (unsigned(static_cast<unsigned char>(b[i + 2])) << 8) | unsigned(static_cast<unsigned char>(b[i + 3]));
    };
    return {be(16), be(20)};
}

}  // namespace

TEST_CASE("diff: words", "[diff]") {
    bool capped = true;
    auto runs = unres::diff_words("Requests the Secretary-General to submit a report at its hundredth session;",
                                  "Requests the Secretary-General to present a report at its hundred and first session, including annexes;",
                                  1'000'000, &capped);
    CHECK_FALSE(capped);
    CHECK(spell(runs, true) == "Requests the Secretary-General to submit a report at its hundredth session;");
    CHECK(spell(runs, false) == "Requests the Secretary-General to present a report at its hundred and first session, including annexes;");
    std::vector<std::string> dels, inss;
    for (const auto& r : runs) {
        if (r.op == unres::WordRun::Op::Del) dels.push_back(r.text);
        if (r.op == unres::WordRun::Op::Ins) inss.push_back(r.text);
    }
    CHECK(dels == std::vector<std::string>{" submit", " hundredth"});
    CHECK(inss == std::vector<std::string>{" present", " hundred and first", ", including annexes"});

    // Breaks and joins of a PDF extraction and typographic variants are no change.
    for (auto [a, b] : std::vector<std::pair<std::string, std::string>>{
             {"for su stainable development", "for sustainable development"},
             {"no later than 1 September 202 6;", "no later than 1 September 2026;"},
             {"the nuclearweapon States", "the nuclear-weapon States"},
             {"non-State actors", "non\u2011State actors"}}) {
        INFO(a << " | " << b);
        auto r = unres::diff_words(a, b, 1'000'000);
        for (const auto& x : r) CHECK(x.op == unres::WordRun::Op::Same);
        CHECK(spell(r, false) == b);
    }
    // Past the bound: the changed middle is replaced whole, and still spells both texts.
    std::string a, b;
    for (int i = 0; i < 3000; ++i) { a += "a" + std::to_string(i) + " "; b += "b" + std::to_string(i) + " "; }
    a = "Same start " + a + "same end.";
    b = "Same start " + b + "same end.";
    runs = unres::diff_words(a, b, 1000, &capped);
    CHECK(capped);
    CHECK(spell(runs, true) == a);
    CHECK(spell(runs, false) == b);
    CHECK(unres::text_similarity("Calls upon all States", "calls upon all States") == 1.0);
    CHECK(unres::text_similarity("Calls upon all States", "Decides to remain seized") == 0.0);
}

TEST_CASE("diff: a constructed pair with every kind of change", "[diff]") {
    unres::DocDiff d = diff_files(old_md(), new_md());
    CHECK_FALSE(d.same());
    CHECK(d.notes.empty());
    // Header: the symbol, the document type, a sponsor withdrawn and one added.
    CHECK(has_field(d, "symbol", "A/C.3/99/L.7", "A/C.3/99/L.7/Rev.1"));
    CHECK(has_field(d, "document_type", "draft resolution", "revised draft resolution"));
    CHECK(has_field(d, "sponsor", "France", ""));
    CHECK(has_field(d, "sponsor", "", "Peru"));
    CHECK(has_field(d, "date", "2099-11-01", "2099-11-15"));
    CHECK(d.header.size() == 5);

    CHECK(changed(d.body) == std::vector<std::string>{
                                 "to_operative PP4>OP1",     // a preambular paragraph became operative (reworded)
                                 "renumbered OP1>OP2",       // renumbered after it, not rewritten
                                 "renumbered OP2>OP3",
                                 "deleted OP2(b)>-",         // a sub-paragraph deleted ...
                                 "relettered OP2(c)>OP3(b)", // ... and the next re-lettered
                                 "deleted OP4>-",
                                 "renumbered OP5>OP4",
                                 "moved OP3>OP5",            // moved down, and reworded
                                 "inserted ->OP6",
                                 "renumbered OP6>OP7",
                             });
    CHECK(changed(d.footnotes) == std::vector<std::string>{"inserted ->footnote 2"});

    const unres::DiffEntry* pp = find_entry(d.body, "OP1");
    REQUIRE(pp);
    CHECK(pp->changes == std::vector<unres::Change>{unres::Change::ToOperative, unres::Change::Reworded});
    const unres::DiffEntry* mv = find_entry(d.body, "OP5");
    REQUIRE(mv);
    CHECK(mv->changes == std::vector<unres::Change>{unres::Change::Moved, unres::Change::Reworded, unres::Change::Renumbered});
    CHECK(mv->old_side->line == 39);
    CHECK(mv->new_side->line == 39);
    CHECK(spell(mv->words, true) == mv->old_side->text);
    CHECK(spell(mv->words, false) == mv->new_side->text);
    bool saw = false;
    for (const auto& r : mv->words) saw = saw || (r.op == unres::WordRun::Op::Ins && r.text == " hundred and first");
    CHECK(saw);
    const unres::DiffEntry* ren = find_entry(d.body, "OP4");
    REQUIRE(ren);
    CHECK(ren->old_side->ref == "OP5");
    CHECK(ren->old_side->line == 43);
    CHECK(ren->new_side->line == 37);
    CHECK(ren->words.empty());

    unres::DocDiff::Counts c = d.counts();
    CHECK(c.inserted == 1);
    CHECK(c.deleted == 2);
    CHECK(c.moved == 1);
    CHECK(c.part == 1);
    CHECK(c.relabelled == 5);
    CHECK(c.footnotes == 1);
    CHECK(c.header == 5);

    // The other way round: insertions and deletions swap.
    unres::DocDiff back = diff_files(new_md(), old_md());
    std::vector<std::string> bc = changed(back.body);
    CHECK(std::count(bc.begin(), bc.end(), "inserted ->OP2(b)") == 1);
    CHECK(std::count(bc.begin(), bc.end(), "deleted OP6>-") == 1);
    CHECK(std::count(bc.begin(), bc.end(), "to_preambular OP1>PP4") == 1);
    CHECK(changed(back.footnotes) == std::vector<std::string>{"deleted footnote 2>-"});
}

TEST_CASE("diff: the constructed pair in the three formats", "[diff]") {
    SECTION("text") {
        auto r = run("diff " + q(old_md()) + " " + q(new_md()));
        CHECK(r.code == 1);
        CHECK(r.err.empty());
        for (const char* want : {"--- ", "+++ ", "  symbol: [-A/C.3/99/L.7-] {+A/C.3/99/L.7/Rev.1+} (old line 1, new line 1)\n",
                                 "  sponsor: withdrawn [-France-] (old line 15)\n", "  sponsor: added {+Peru+} (new line 15)\n",
                                 "@@ PP4 -> OP1 (old line 27, new line 27): to operative, reworded\n",
                                 "@@ OP5 -> OP4 (old line 43, new line 37): renumbered\n",
                                 "  @@ OP2(b) (old line 35): deleted\n    [-(b) Violence at school and in sports;-]\n",
                                 "  @@ OP2(c) -> OP3(b) (old line 37, new line 35): relettered\n",
                                 "@@ OP3 -> OP5 (old line 39, new line 39): moved, reworded, renumbered\n",
                                 "at its [-hundredth-] {+hundred and first+} session{+, including on the rights of children with disabilities+};",
                                 "@@ OP6 (new line 41): inserted\n  {+6. Welcomes the work",
                                 "@@ footnote 2 (new line 47): inserted\n  {+2 See A/99/215.+}\n",
                                 "5 header changes, 1 inserted, 2 deleted, 1 moved, 1 changed part, 0 reworded, 5 renumbered or relettered, 1 footnotes changed\n"}) {
            INFO(want);
            CHECK(contains(r.out, want));
        }
        CHECK_FALSE(contains(r.out, "\x1b["));  // not a terminal: no colour
        auto c = run("diff --color always " + q(old_md()) + " " + q(new_md()));
        CHECK(c.code == 1);
        CHECK(contains(c.out, "\x1b[31mhundredth\x1b[0m"));
        CHECK(contains(c.out, "\x1b[32mhundred and first\x1b[0m"));
        CHECK_FALSE(contains(c.out, "[-hundredth-]"));
    }
    SECTION("json") {
        auto r = run("diff --format json " + q(old_md()) + " " + q(new_md()));
        CHECK(r.code == 1);
        CHECK(contains(r.out, "\"unres_diff_version\": 1"));
        REQUIRE(python_jsonschema());
        CHECK(diff_schema_errors(r.out) == "");
        CHECK(json_changes(r.out) == "to_operative PP4>OP1\nrenumbered OP1>OP2\nrenumbered OP2>OP3\ndeleted OP2(b)>-\n"
                                     "relettered OP2(c)>OP3(b)\ndeleted OP4>-\nrenumbered OP5>OP4\nmoved OP3>OP5\n"
                                     "inserted ->OP6\nrenumbered OP6>OP7\ninserted ->footnote 2\n");
        for (const char* want : {"\"kind\": \"sponsor_withdrawn\"", "\"old\": \"France\"", "\"kind\": \"sponsor_added\"",
                                 "\"changes\": [\n        \"moved\",\n        \"reworded\",\n        \"renumbered\"\n      ]",
                                 "\"op\": \"ins\",\n          \"text\": \" hundred and first\""}) {
            INFO(want);
            CHECK(contains(r.out, want));
        }
    }
    SECTION("html") {
        auto r = run("diff --format html " + q(old_md()) + " " + q(new_md()));
        CHECK(r.code == 1);
        CHECK(r.out.rfind("<!DOCTYPE html>", 0) == 0);
        CHECK(contains(r.out, "its <del>hundredth</del> session"));
        CHECK(contains(r.out, "its <ins>hundred and first</ins> session"));
        CHECK(contains(r.out, "<b>to operative</b>"));
        CHECK(contains(r.out, "<b>moved</b>"));
        CHECK(contains(r.out, "<b>relettered</b>"));
        CHECK(contains(r.out, "<b>sponsor</b>sponsor withdrawn"));
        CHECK(contains(r.out, "<del>France</del>"));
        CHECK(contains(r.out, "was OP3 (old line 39)"));
        // The index of the changes links to their rows.
        CHECK(contains(r.out, "<a href=\"#c8\">OP3 → OP5</a> moved, reworded, renumbered</li>"));
        CHECK(contains(r.out, "<tr class=\"moved\" id=\"c8\">"));
        // Self-contained: no script, nothing fetched.
        CHECK_FALSE(contains(r.out, "<script"));
        CHECK_FALSE(contains(r.out, "http://"));
        CHECK_FALSE(contains(r.out, "https://"));
        CHECK_FALSE(contains(r.out, " src="));
        CHECK_FALSE(contains(r.out, "<link"));
        // -o writes the same bytes.
        std::string out = unres_test::scratch("diff-o") + "/d.html";
        fs::remove(out);
        auto o = run("diff --format html -o " + q(out) + " " + q(old_md()) + " " + q(new_md()));
        CHECK(o.code == 1);
        CHECK(o.out.empty());
        CHECK(unres_test::read_file(out) == r.out);
    }
}

TEST_CASE("diff: exit codes", "[diff]") {
    auto same = run("diff " + q(old_md()) + " " + q(old_md()));
    CHECK(same.code == 0);
    CHECK(contains(same.out, "no differences\n"));
    auto js = run("diff --format json " + q(new_md()) + " " + q(new_md()));
    CHECK(js.code == 0);
    CHECK(contains(js.out, "\"same\": true"));
    auto viastdin = run("diff - " + q(old_md()), old_md());
    CHECK(viastdin.code == 0);

    std::string dir = unres_test::scratch("diff-exit");
    unres_test::write_file(dir + "/x.pdf", std::string("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", 20));
    for (const std::string& args : std::vector<std::string>{"diff " + q(old_md()) + " " + q(dir + "/missing.md"),
                                    "diff " + q(dir) + " " + q(old_md()),
                                    std::string("diff - -"),
                                    "diff " + q(old_md()),
                                    "diff --format xml " + q(old_md()) + " " + q(new_md()),
                                    "diff " + q(dir + "/x.pdf") + " " + q(old_md())}) {
        INFO(args);
        auto r = run(args);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.rfind("unres: ", 0) == 0);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    // A failed run leaves no output file.
    std::string out = dir + "/never.html";
    auto r = run("diff --format html -o " + q(out) + " " + q(old_md()) + " " + q(dir + "/missing.md"));
    CHECK(r.code == 2);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("diff: real draft and adopted pairs", "[diff]") {
    struct Want {
        const char* sym;
        const char* draft_symbol;
        std::vector<std::string> changes;  // the changed paragraphs and footnotes, flattened
    };
    const std::vector<Want> pairs = {
        {"A_RES_80_230", "A/C.5/80/L.3", {}},
        {"A_RES_80_240", "A/C.5/80/L.20", {}},
        {"A_RES_80_56", "A/C.1/80/L.57", {}},
        // Revised at adoption: paragraph 2 deleted; the lone paragraph left loses its number and
        // ends with a full stop.  The draft's sponsor note is not in the adopted text.
        {"A_RES_80_189", "A/C.3/80/L.24", {"reworded OP1>OP #1", "deleted OP2>-", "deleted footnote *>-"}},
        // The blanks of subparagraph 5 (b) filled in at adoption.
        {"A_RES_80_246", "A/C.5/80/L.8", {"reworded OP5(b)>OP5(b)"}},
    };
    for (const Want& w : pairs) {
        INFO(w.sym);
        std::string dir = pair_dir(w.sym);
        unres::DocDiff d = diff_files(dir + "/draft.pdftotext.txt", dir + "/pdftotext.txt");
        std::string number = std::string(w.sym).substr(6);  // "80_230"
        std::string adopted = "A/RES/" + number.replace(number.find('_'), 1, "/");
        CHECK(has_field(d, "symbol", w.draft_symbol, adopted));
        CHECK(has_field(d, "document_type", "draft resolution", "resolution adopted by the General Assembly"));
        CHECK(d.notes.empty());
        std::vector<std::string> got = changed(d.body);
        for (const std::string& f : changed(d.footnotes)) got.push_back(f);
        CHECK(got == w.changes);
        // The CLI says the same: exit 1 (the header changed), and for the unrevised pairs no
        // paragraph section at all.
        auto r = run("diff " + q(dir + "/draft.pdftotext.txt") + " " + q(dir + "/pdftotext.txt"));
        CHECK(r.code == 1);
        CHECK(contains(r.out, "  document type: [-draft resolution-] {+resolution adopted by the General Assembly+}"));
        bool paragraphs = false;
        for (const std::string& c : w.changes) paragraphs = paragraphs || !contains(c, "footnote");
        CHECK(contains(r.out, "\nparagraphs:\n") == paragraphs);
    }
    // The words of the revision of A/RES/80/246.
    unres::DocDiff d = diff_files(pair_dir("A_RES_80_246") + "/draft.pdftotext.txt", pair_dir("A_RES_80_246") + "/pdftotext.txt");
    const unres::DiffEntry* e = find_entry(d.body, "OP5(b)");
    REQUIRE(e);
    std::vector<std::string> ins;
    for (const auto& r : e->words)
        if (r.op == unres::WordRun::Op::Ins) ins.push_back(r.text);
    CHECK(ins == std::vector<std::string>{"245", " 30"});
    // An adopted text lists no sponsors: that is not every sponsor withdrawn.
    unres::DocDiff s = diff_files(pair_dir("A_RES_80_56") + "/draft.pdftotext.txt", pair_dir("A_RES_80_56") + "/pdftotext.txt");
    for (const unres::FieldChange& f : s.header) CHECK(f.kind != unres::FieldChange::Kind::SponsorWithdrawn);
    auto t = run("diff " + q(pair_dir("A_RES_80_56") + "/draft.pdftotext.txt") + " " + q(pair_dir("A_RES_80_56") + "/pdftotext.txt"));
    CHECK(contains(t.out, "\n  sponsors: listed in the old version only: [-Algeria, Austria, Cuba, Fiji,"));
}

TEST_CASE("diff: sub-paragraphs at every level, annex headings, footnotes renumbered", "[diff]") {
    std::string dir = unres_test::scratch("diff-levels");
    unres_test::write_file(dir + "/a.txt", R"(The General Assembly,

Recalling its resolution 1/1,

1. Decides to establish a working group with the following tasks:

(a) To study the matter in all its aspects, including:

(i) The legal framework of the question;

(ii) The financial implications for all Member States;

(iii) The role of regional organizations in the process;

(b) To report to the Assembly at its next session;

2. Requests the Secretary-General to support the working group.

Annex I

Terms of reference

1. The working group shall meet twice a year.

2. The working group shall adopt its own rules of procedure.
)");
    unres_test::write_file(dir + "/b.txt", R"(The General Assembly,

Recalling its resolution 1/1,

1. Decides to establish a working group with the following tasks:

(a) To study the matter in all its aspects, including:

(i) The legal framework of the question;

(ii) The role of regional organizations in the process;

(b) To report to the Assembly at its next session;

2. Requests the Secretary-General to support the working group.

Annex I

Terms of reference of the working group

1. The working group shall meet twice a year.

2. The working group shall adopt its own rules of procedure.
)");
    unres::DocDiff d = diff_files(dir + "/a.txt", dir + "/b.txt");
    CHECK(changed(d.body) == std::vector<std::string>{"deleted OP1(a)(ii)>-", "relettered OP1(a)(iii)>OP1(a)(ii)"});
    CHECK(has_field(d, "annex 1", "annex I: Terms of reference", "annex I: Terms of reference of the working group"));
    CHECK(d.header.size() == 1);

    unres_test::write_file(dir + "/f1.md", R"(The General Assembly,

Recalling the Charter of the United Nations,<sup>1</sup>

Recalling also the Universal Declaration of Human Rights,<sup>2</sup>

1. Decides to remain seized of the matter.

[^1]: Charter of the United Nations, 1945.

[^2]: Resolution 217 A (III).
)");
    unres_test::write_file(dir + "/f2.md", R"(The General Assembly,

Guided by the Vienna Declaration and Programme of Action,<sup>1</sup>

Recalling the Charter of the United Nations,<sup>2</sup>

Recalling also the Universal Declaration of Human Rights,<sup>3</sup>

1. Decides to remain seized of the matter.

[^1]: A/CONF.157/24 (Part I), chap. III.

[^2]: Charter of the United Nations, 1945.

[^3]: Resolution 217 A (III) of 10 December 1948.
)");
    unres::DocDiff f = diff_files(dir + "/f1.md", dir + "/f2.md");
    CHECK(changed(f.body) == std::vector<std::string>{"inserted ->PP1"});
    // A note that only changed number is renumbered, not removed and added.
    CHECK(changed(f.footnotes) == std::vector<std::string>{"inserted ->footnote 1", "renumbered footnote 1>footnote 2",
                                                           "reworded footnote 2>footnote 3"});
    const unres::DiffEntry* e = find_entry(f.footnotes, "footnote 3");
    REQUIRE(e);
    CHECK(e->changes == std::vector<unres::Change>{unres::Change::Reworded, unres::Change::Renumbered});
}

TEST_CASE("diff: across input formats", "[diff]") {
    // The official Akoma Ntoso of an adopted resolution against the pdftotext of its PDF: the same
    // header, structure and text.
    for (const char* sym : {"A_RES_80_230", "A_RES_80_240"}) {
        INFO(sym);
        std::string dir = pair_dir(sym);
        auto r = run("diff " + q(dir + "/official.xml") + " " + q(dir + "/pdftotext.txt"));
        CHECK(r.code == 0);
        CHECK(contains(r.out, "no differences\n"));
        // The draft (text) against the official markup of what was adopted: the header changes only.
        unres::DocDiff d = diff_files(dir + "/draft.pdftotext.txt", dir + "/official.xml");
        CHECK(has_field(d, "document_type", "draft resolution", "resolution adopted by the General Assembly"));
        CHECK(changed(d.body).empty());
        CHECK(changed(d.footnotes).empty());
    }
    // Markdown against its own text rendering (convert --to text).
    std::string dir = unres_test::scratch("diff-formats");
    auto t = run("convert --to text " + q(new_md()));
    REQUIRE(t.code == 0);
    unres_test::write_file(dir + "/new.txt", t.out);
    auto r = run("diff " + q(new_md()) + " " + q(dir + "/new.txt"));
    CHECK(r.code == 0);
}

TEST_CASE("diff: bounded on hostile input", "[diff]") {
    auto doc = [](int n, const std::string& word, int subs) {
        std::string s = "The General Assembly,\n\n";
        for (int i = 1; i <= n; ++i) {
            s += std::to_string(i) + ". Decides " + word + std::to_string(i) + " and " + word + std::to_string(i * 7) + ";\n\n";
            for (int k = 0; k < subs; ++k) s += "(" + std::string(1, static_cast<char>('a' + k)) + ") " + word + " item;\n\n";
        }
        return s;
    };
    SECTION("many paragraphs, all different") {
        auto a = unres::SourceFile::from_bytes("a.txt", doc(900, "alpha", 0));
        auto b = unres::SourceFile::from_bytes("b.txt", doc(900, "beta", 0));
        auto da = unres::parse(a), db = unres::parse(b);
        REQUIRE(da.operative.size() == 900);
        // The full alignment, within its default bounds.
        auto t0 = std::chrono::steady_clock::now();
        unres::DocDiff d = unres::diff(da, a, db, b);
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        CHECK(secs < 20.0 * unres_test::kSanitizerSlowdown);
        CHECK(d.notes.empty());
        // "Decides alphaN and alphaM" / "Decides betaN and betaM": half the words, matched in place.
        CHECK(d.counts().reworded == 900);
        CHECK(d.counts().inserted == 0);
        // Past a bound: the cheap matching, and a note saying so.
        unres::DiffOptions small;
        small.max_cells = 10000;
        unres::DocDiff e = unres::diff(da, a, db, b, small);
        CHECK_FALSE(e.notes.empty());
        CHECK(e.counts().inserted == 900);
        unres::DocDiff f = unres::diff(da, a, da, a, small);
        CHECK(f.same());
    }
    SECTION("the same long document twice is linear") {
        auto a = unres::SourceFile::from_bytes("a.txt", doc(20000, "alpha", 2));
        auto da = unres::parse(a);
        auto t0 = std::chrono::steady_clock::now();
        unres::DocDiff d = unres::diff(da, a, da, a);
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        CHECK(d.same());
        CHECK(secs < 20.0 * unres_test::kSanitizerSlowdown);
    }
    SECTION("one huge paragraph against another") {
        std::string x = "The General Assembly,\n\n1. Decides", y = x;
        for (int i = 0; i < 200000; ++i) {
            x += " w" + std::to_string(i);
            y += (i % 1000 == 0 ? " v" : " w") + std::to_string(i);
        }
        auto a = unres::SourceFile::from_bytes("a.txt", x + ";\n");
        auto b = unres::SourceFile::from_bytes("b.txt", y + ";\n");
        auto t0 = std::chrono::steady_clock::now();
        unres::DocDiff d = unres::diff(unres::parse(a), a, unres::parse(b), b);
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        CHECK(secs < 20.0 * unres_test::kSanitizerSlowdown);
        CHECK_FALSE(d.same());
        CHECK_FALSE(d.notes.empty());
    }
}

TEST_CASE("diff: HTML escapes what it shows", "[diff]") {
    std::string dir = unres_test::scratch("diff-esc");
    unres_test::write_file(dir + "/a.txt", "The General Assembly,\n\n1. Decides that <b>A & B</b> is \"quoted\";\n");
    unres_test::write_file(dir + "/b.txt", "The General Assembly,\n\n1. Decides that <script>alert(1)</script> & more;\n");
    auto r = run("diff --format html " + q(dir + "/a.txt") + " " + q(dir + "/b.txt"));
    CHECK(r.code == 1);
    CHECK_FALSE(contains(r.out, "<script"));
    CHECK_FALSE(contains(r.out, "<b>A"));
    CHECK(contains(r.out, "&lt;script&gt;"));
    CHECK(contains(r.out, "&amp;"));
    auto c = run("check --format html " + q(dir + "/b.txt"));
    CHECK_FALSE(contains(c.out, "<script"));
    CHECK(contains(c.out, "&lt;script&gt;"));
}

TEST_CASE("check --format html: the document with its findings in place", "[diff]") {
    std::string sample = src_dir() + "/samples/A_C.3_78_L.52_Rev.1.md";
    auto j = run("check --format json " + q(sample));
    auto h = run("check --format html " + q(sample));
    CHECK(h.code == j.code);
    CHECK(h.out.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(h.out, "Protection of migrants"));
    // Every finding of the JSON report is on the page, once, with its rule.
    std::size_t n = 0, at = 0;
    while ((at = j.out.find("\"rule\": \"", at)) != std::string::npos) {
        at += 9;
        std::string rule = j.out.substr(at, j.out.find('"', at) - at);
        CHECK(contains(h.out, "[" + rule + "]"));
        ++n;
    }
    std::size_t shown = 0;
    at = 0;
    while ((at = h.out.find("<div class=\"finding ", at)) != std::string::npos) { ++shown; ++at; }
    CHECK(shown == n);
    CHECK_FALSE(contains(h.out, "<script"));
    CHECK_FALSE(contains(h.out, "http://"));
    CHECK_FALSE(contains(h.out, "https://"));
}

TEST_CASE("diff and check HTML render in a real browser", "[diff][browser]") {
    if (!fs::exists(kChromium)) {
        WARN("SKIPPED: " << kChromium << " is absent (Debian package chromium, installed by scripts/install-deps.sh)");
        return;
    }
    std::string dir = unres_test::scratch("diff-browser");
    std::string diff_html = dir + "/diff.html", check_html = dir + "/check.html";
    fs::remove(diff_html);
    fs::remove(check_html);
    REQUIRE(run("diff --format html -o " + q(diff_html) + " " + q(old_md()) + " " + q(new_md())).code == 1);
    auto c = run("check --format html " + q(src_dir() + "/samples/A_C.3_78_L.52_Rev.1.md"));
    unres_test::write_file(check_html, c.out);
    for (const std::string& page : {diff_html, check_html}) {
        INFO(page);
        std::string why;
        std::string png = chromium_screenshot(page, fs::path(page).stem().string(), why);
        INFO(why);
        REQUIRE_FALSE(png.empty());
        auto [w, hgt] = png_size(png);
        CHECK(w == 1280);
        CHECK(hgt == 1600);
        // A blank page compresses to a few kilobytes; a page of text does not.
        CHECK(png.size() > 40000);
    }
}
