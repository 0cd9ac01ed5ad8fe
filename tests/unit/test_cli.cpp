// The `unres` executable: exit codes, messages, atomic output, rules and explain.
// These run the built binary (unres_test::run) on files made here or on the sample.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "support.hpp"
#include "unres/validate.hpp"

namespace fs = std::filesystem;
using unres_test::run;

namespace {

std::string q(const std::string& s) { return "'" + s + "'"; }
std::string sample() { return unres_test::source_dir() + "/samples/A_C.3_78_L.52_Rev.1.md"; }

std::size_t count_lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

/// Exactly one non-empty line, starting with "unres: ".
bool one_message(const std::string& err) {
    return count_lines(err) == 1 && err.rfind("unres: ", 0) == 0 && err.size() > 10;
}

std::vector<std::string> dir_entries(const std::string& dir) {
    std::vector<std::string> names;
    for (auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string fresh_dir(const std::string& name) {
    std::string d = unres_test::scratch(name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

const char* const kSmallDraft =
    "The General Assembly,\n\nRecalling its previous resolutions,\n\n1. Decides to remain seized of the matter.\n";

}  // namespace

TEST_CASE("cli: --version and --help", "[cli]") {
    auto v = run("--version");
    CHECK(v.code == 0);
    CHECK(v.out == std::string("unres ") + UNRES_VERSION + "\n");

    auto h = run("--help");
    CHECK(h.code == 0);
    for (const char* sub : {"check", "convert", "fix", "rules", "explain"}) CHECK(h.out.find(sub) != std::string::npos);
    for (const char* sub : {"check", "convert", "rules", "explain"}) {
        auto s = run(std::string(sub) + " --help");
        CHECK(s.code == 0);
        CHECK(s.out.find("Usage") != std::string::npos);
    }
    auto c = run("check --help");
    for (const char* opt : {"--input-format", "--format", "--select", "--ignore", "--werror", "-j", "-q", "--color"})
        CHECK(c.out.find(opt) != std::string::npos);
}

TEST_CASE("usage errors exit 2 with one message", "[cli]") {
    for (const char* args : {"", "frobnicate x", "check", "check --format yaml x.md", "check --no-such-option x.md",
                             "convert x.md", "convert " /* missing PATH */, "explain", "rules --format xml",
                             "check --input-format pdf x.md", "check -j -3 x.md"}) {
        INFO(args);
        auto r = run(args);
        CHECK(r.code == 2);
        CHECK(one_message(r.err));
        CHECK(r.out.empty());
    }
}

TEST_CASE("cli: --select and --ignore take rule ids or prefixes only", "[cli]") {
    auto r = run("check --select UNR1,bogus " + q(sample()));
    CHECK(r.code == 2);
    CHECK(one_message(r.err));
    CHECK(r.err.find("BOGUS") != std::string::npos);
    auto i = run("check --ignore 'UNR9 x' " + q(sample()));
    CHECK(i.code == 2);
}

TEST_CASE("a missing path exits 2 with one message", "[cli]") {
    for (const char* sub : {"check", "convert --to akn", "convert --to json"}) {
        auto r = run(std::string(sub) + " /nonexistent/unres/draft.md");
        INFO(sub);
        CHECK(r.code == 2);
        CHECK(one_message(r.err));
        CHECK(r.err.find("/nonexistent/unres/draft.md") != std::string::npos);
        CHECK(r.out.empty());
    }
}

TEST_CASE("a directory given to convert exits 2", "[cli]") {
    std::string d = fresh_dir("convert-dir");
    unres_test::write_file(d + "/a.md", kSmallDraft);
    auto r = run("convert --to akn " + q(d));
    CHECK(r.code == 2);
    CHECK(one_message(r.err));
    CHECK(r.err.find("directory") != std::string::npos);
    CHECK(r.out.empty());
}

TEST_CASE("binary input (PDF, PNG, zip magic bytes) exits 2 with one message", "[cli]") {
    std::string d = fresh_dir("binary");
    unres_test::write_file(d + "/draft.md", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
    unres_test::write_file(d + "/image.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    for (const char* f : {"draft.md", "image.md"}) {
        for (const char* sub : {"check", "convert --to akn", "check --format json"}) {
            INFO(sub << " " << f);
            auto r = run(std::string(sub) + " " + q(d + "/" + f));
            CHECK(r.code == 2);
            CHECK(one_message(r.err));
            CHECK(r.out.empty());
        }
    }
    auto pdf = run("check " + q(d + "/draft.md"));
    CHECK(pdf.err.find("PDF") != std::string::npos);
    // From standard input too.
    auto in = run("check -", d + "/draft.md");
    CHECK(in.code == 2);
    CHECK(one_message(in.err));
}

TEST_CASE("rules lists the registry in three formats", "[cli]") {
    const auto& rules = unres::all_rules();
    REQUIRE(!rules.empty());
    auto t = run("rules");
    CHECK(t.code == 0);
    CHECK(count_lines(t.out) == rules.size());
    for (const auto& r : rules) {
        CHECK(t.out.find(std::string(r.id)) != std::string::npos);
        CHECK(t.out.find(std::string(r.name)) != std::string::npos);
    }
    auto md = run("rules --format md");
    CHECK(md.code == 0);
    for (const auto& r : rules) CHECK(md.out.find("## " + std::string(r.id)) != std::string::npos);
    auto js = run("rules --format json");
    CHECK(js.code == 0);
    CHECK(js.out.rfind("{", 0) == 0);
    for (const auto& r : rules) CHECK(js.out.find("\"id\": \"" + std::string(r.id) + "\"") != std::string::npos);
}

TEST_CASE("explain prints one rule; an unknown rule exits 2", "[cli]") {
    const auto& rules = unres::all_rules();
    REQUIRE(!rules.empty());
    const auto& r0 = rules.back();
    auto e = run("explain " + std::string(r0.id));
    CHECK(e.code == 0);
    CHECK(e.out.find(std::string(r0.id)) != std::string::npos);
    CHECK(e.out.find(std::string(r0.name)) != std::string::npos);
    CHECK(e.out.find(std::string(r0.summary)) != std::string::npos);
    std::string lower(r0.id);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    CHECK(run("explain " + lower).out == e.out);
    CHECK(run("explain " + std::string(r0.name)).out == e.out);

    auto u = run("explain UNR99999");
    CHECK(u.code == 2);
    CHECK(one_message(u.err));
    CHECK(u.out.empty());
}

TEST_CASE("fix: a missing file is exit 2 with one message", "[cli]") {
    auto r = run("fix " + q(unres_test::scratch("fix-missing") + "/none.md"));
    CHECK(r.code == 2);
    CHECK(one_message(r.err));
    CHECK(r.err.find("none.md: no such file or directory\n") != std::string::npos);
}

TEST_CASE("convert -o is atomic: failures leave the target untouched and no temporary", "[cli]") {
    std::string d = fresh_dir("atomic");
    std::string target = d + "/out.xml";
    unres_test::write_file(target, "KEEP");
    unres_test::write_file(d + "/bad.md", "%PDF-1.4\n binary");

    SECTION("undecodable input") {
        auto r = run("convert --to akn -o " + q(target) + " " + q(d + "/bad.md"));
        CHECK(r.code == 2);
        CHECK(one_message(r.err));
        CHECK(unres_test::read_file(target) == "KEEP");
        CHECK(dir_entries(d) == std::vector<std::string>{"bad.md", "out.xml"});
    }
    SECTION("missing input") {
        auto r = run("convert --to json -o " + q(target) + " " + q(d + "/none.md"));
        CHECK(r.code == 2);
        CHECK(unres_test::read_file(target) == "KEEP");
        CHECK(dir_entries(d) == std::vector<std::string>{"bad.md", "out.xml"});
    }
    SECTION("the target is a directory: rename impossible") {
        fs::create_directories(d + "/outdir/inner");
        auto r = run("convert --to akn -o " + q(d + "/outdir") + " " + q(sample()));
        CHECK(r.code == 2);
        CHECK(one_message(r.err));
        CHECK(dir_entries(d) == std::vector<std::string>{"bad.md", "out.xml", "outdir"});
        CHECK(dir_entries(d + "/outdir") == std::vector<std::string>{"inner"});
    }
    SECTION("the target's directory does not exist") {
        auto r = run("convert --to akn -o " + q(d + "/no/such/dir/out.xml") + " " + q(sample()));
        CHECK(r.code == 2);
        CHECK(one_message(r.err));
        CHECK_FALSE(fs::exists(d + "/no"));
    }
}

TEST_CASE("convert -o writes the same bytes as stdout and keeps the target's mode", "[cli]") {
    std::string d = fresh_dir("convert-ok");
    std::string target = d + "/out.json";
    unres_test::write_file(target, "OLD");
    ::chmod(target.c_str(), 0640);
    for (const char* to : {"akn", "json", "text", "markdown"}) {
        INFO(to);
        auto stdout_run = run(std::string("convert --to ") + to + " " + q(sample()));
        REQUIRE(stdout_run.code == 0);
        CHECK(!stdout_run.out.empty());
        auto file_run = run(std::string("convert --to ") + to + " -o " + q(target) + " " + q(sample()));
        REQUIRE(file_run.code == 0);
        CHECK(file_run.out.empty());
        CHECK(unres_test::read_file(target) == stdout_run.out);
        CHECK(dir_entries(d) == std::vector<std::string>{"out.json"});
    }
    struct stat sb {};
    REQUIRE(::stat(target.c_str(), &sb) == 0);
    CHECK((sb.st_mode & 07777) == 0640);
    // Standard input works as well.
    auto in = run("convert --to json -", sample());
    CHECK(in.code == 0);
    CHECK(in.out.find("\"unres_json_version\": 1") != std::string::npos);
}

TEST_CASE("convert -o through a symbolic link replaces the file it points to", "[cli]") {
    std::string d = fresh_dir("symlink");
    unres_test::write_file(d + "/real.xml", "OLD");
    fs::create_symlink("real.xml", d + "/link.xml");
    auto r = run("convert --to akn -o " + q(d + "/link.xml") + " " + q(sample()));
    REQUIRE(r.code == 0);
    CHECK(fs::is_symlink(d + "/link.xml"));
    CHECK(unres_test::read_file(d + "/real.xml") != "OLD");
    CHECK(dir_entries(d) == std::vector<std::string>{"link.xml", "real.xml"});
}

TEST_CASE("check: exit code follows the error count; --werror, --select, --ignore", "[cli]") {
    auto plain = run("check --format json " + q(sample()));
    REQUIRE((plain.code == 0 || plain.code == 1));
    bool has_errors = plain.out.find("\"severity\": \"error\"") != std::string::npos;
    bool has_warnings = plain.out.find("\"severity\": \"warning\"") != std::string::npos;
    CHECK(plain.code == (has_errors ? 1 : 0));

    auto werror = run("check --werror --format json " + q(sample()));
    CHECK(werror.out.find("\"severity\": \"warning\"") == std::string::npos);
    CHECK(werror.code == (has_errors || has_warnings ? 1 : 0));

    // Every rule id starts with UNR: ignoring the prefix silences everything.
    auto none = run("check --werror --ignore UNR --format json " + q(sample()));
    CHECK(none.code == 0);
    CHECK(none.out.find("\"rule\"") == std::string::npos);

    auto sel = run("check --select unr2 --format json " + q(sample()));
    CHECK((sel.code == 0 || sel.code == 1));
    std::size_t pos = 0;
    while ((pos = sel.out.find("\"rule\": \"", pos)) != std::string::npos) {
        pos += 9;
        CHECK(sel.out.compare(pos, 4, "UNR2") == 0);
    }

    // Text form goes to stderr and ends with the summary; -q drops the summary.
    auto text = run("check --color never " + q(sample()));
    CHECK(text.code == plain.code);
    CHECK(text.out.empty());
    CHECK(text.err.find(" in 1 files\n") != std::string::npos);
    CHECK(text.err.find('\x1b') == std::string::npos);
    auto quiet = run("check -q " + q(sample()));
    CHECK(quiet.err.find(" in 1 files") == std::string::npos);
    auto forced = run("check --color always --werror " + q(sample()));
    if (forced.code == 1) CHECK(forced.err.find('\x1b') != std::string::npos);
}

TEST_CASE("check DIR: recursive, recognised extensions only, deterministic with -j", "[cli]") {
    std::string d = fresh_dir("tree");
    unres_test::write_file(d + "/b.md", kSmallDraft);
    unres_test::write_file(d + "/a/one.txt", kSmallDraft);
    unres_test::write_file(d + "/a/deeper/two.md", kSmallDraft);
    unres_test::write_file(d + "/notes.bin", std::string("\x7f" "ELF\x02\x01\x01", 7));
    unres_test::write_file(d + "/image.png", "\x89PNG\r\n\x1a\n");
    unres_test::write_file(d + "/.git/x.md", kSmallDraft);
    auto r1 = run("check -j 1 --format json " + q(d));
    auto r4 = run("check -j 4 --format json " + q(d));
    CHECK((r1.code == 0 || r1.code == 1));
    CHECK(r1.code == r4.code);
    CHECK(r1.out == r4.out);
    CHECK(r1.err.empty());
    auto p1 = r1.out.find(d + "/a/deeper/two.md");
    auto p2 = r1.out.find(d + "/a/one.txt");
    auto p3 = r1.out.find(d + "/b.md");
    CHECK(p1 != std::string::npos);
    CHECK(p2 != std::string::npos);
    CHECK(p3 != std::string::npos);
    CHECK((p1 < p2 && p2 < p3));
    CHECK(r1.out.find("\"files\": 3") != std::string::npos);
    CHECK(r1.out.find(".git") == std::string::npos);

    // -v names the files the directory walk skipped.
    auto v = run("check -v -q " + q(d));
    CHECK(v.err.find("unres: skipped " + d + "/image.png") != std::string::npos);
    CHECK(v.err.find("unres: skipped " + d + "/notes.bin") != std::string::npos);
    CHECK(v.err.find(".git") == std::string::npos);

    // A binary file under a recognised name found in a directory is a file-level error
    // (UNR900) in the report, like any finding: exit 1, and the others are still checked.
    unres_test::write_file(d + "/broken.md", "%PDF-1.5\nxx");
    auto r = run("check --format json " + q(d));
    CHECK(r.code == 1);
    CHECK(r.err.empty());
    CHECK(r.out.find("\"files\": 4") != std::string::npos);
    auto at = r.out.find("\"path\": \"" + d + "/broken.md\"");
    REQUIRE(at != std::string::npos);
    CHECK(r.out.substr(at, 400).find("\"rule\": \"UNR900\"") != std::string::npos);
    CHECK(r.out.substr(at, 400).find(UNRES_WITH_PDF ? "PDF is damaged" : "built without PDF support") != std::string::npos);
    // Named on the command line, the same file stops the run (exit 2, one message).
    auto named = run("check " + q(d + "/broken.md"));
    CHECK(named.code == 2);
    CHECK(one_message(named.err));
}

TEST_CASE("check and fix with nothing to read exit 2 naming what was skipped", "[cli]") {
    std::string d = fresh_dir("nothing");
    fs::create_directories(d + "/empty");
    unres_test::write_file(d + "/scans/a.html", "<p>x</p>");
    unres_test::write_file(d + "/scans/b.html", "<p>y</p>");
    unres_test::write_file(d + "/scans/c.rtf", "{\\rtf1}");
    for (const char* cmd : {"check ", "fix ", "fix --check "}) {
        INFO(cmd);
        auto e = run(std::string(cmd) + q(d + "/empty"));
        CHECK(e.code == 2);
        CHECK(one_message(e.err));
        CHECK(e.err.find("no file to") != std::string::npos);
        auto s = run(std::string(cmd) + q(d + "/scans"));
        CHECK(s.code == 2);
        CHECK(one_message(s.err));
        CHECK(s.err.find("skipped 3 files (2 .html, 1 .rtf; -v lists them)") != std::string::npos);
        auto v = run(std::string(cmd) + "-v " + q(d + "/scans"));
        CHECK(v.code == 2);
        CHECK(v.err.find("unres: skipped " + d + "/scans/c.rtf") != std::string::npos);
    }
    // fix takes text and markdown only: a directory of Akoma Ntoso has nothing for it.
    unres_test::write_file(d + "/akn/r.xml", "<akomaNtoso/>");
    auto x = run("fix " + q(d + "/akn"));
    CHECK(x.code == 2);
    CHECK(x.err.find("1 .xml") != std::string::npos);
}

TEST_CASE("check -: standard input is named <stdin>", "[cli]") {
    std::string d = fresh_dir("stdin");
    unres_test::write_file(d + "/in.md", kSmallDraft);
    auto r = run("check --format json -", d + "/in.md");
    CHECK((r.code == 0 || r.code == 1));
    CHECK(r.out.find("\"path\": \"<stdin>\"") != std::string::npos);
}
