// `unres convert DIR --to FORMAT -o OUTDIR -j N`: batch conversion in one process.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> files_below(const std::string& dir) {
    std::vector<std::string> out;
    if (!fs::is_directory(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out.push_back(fs::relative(e.path(), dir).string());
    std::sort(out.begin(), out.end());
    return out;
}

/// A small corpus: two drafts (one in a sub-directory), a hidden file, a file that is not a text.
std::string make_corpus(const std::string& name) {
    std::string dir = unres_test::scratch(name) + "/in";
    fs::remove_all(dir);
    const std::string sample = unres_test::read_file(unres_test::source_dir() + "/samples/A_C.3_78_L.52_Rev.1.md");
    unres_test::write_file(dir + "/A_C.3_78_L.52_Rev.1.md", sample);
    unres_test::write_file(dir + "/sub/A_80_L.10.pdftotext.txt",
                           unres_test::read_file(unres_test::source_dir() + "/tests/corpus/A_80_L.10.pdftotext.txt"));
    unres_test::write_file(dir + "/.hidden/skipped.md", sample);
    unres_test::write_file(dir + "/broken.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    return dir;
}

}  // namespace

TEST_CASE("convert DIR writes one schema-valid file per input below OUTDIR and reports the failures", "[cli][batch]") {
    std::string in = make_corpus("batch-akn");
    std::string out = unres_test::scratch("batch-akn") + "/out";
    fs::remove_all(out);
    auto r = unres_test::run("convert '" + in + "' --to akn -o '" + out + "' -j 2");
    CHECK(r.code == 2);  // broken.txt could not be read; the others were converted
    CHECK(r.err.find("broken.txt: input is a PNG image") != std::string::npos);
    CHECK(r.err.find("converted 2 of 3 files") != std::string::npos);
    CHECK(files_below(out) == std::vector<std::string>{"A_C.3_78_L.52_Rev.1.akn.xml", "sub/A_80_L.10.pdftotext.akn.xml"});
    std::vector<std::pair<std::string, std::string>> docs;
    for (const std::string& f : files_below(out)) docs.emplace_back(fs::path(f).filename().stem().stem().string(), unres_test::read_file(out + "/" + f));
    for (const auto& [name, errors] : unres_test::akn_schema_errors_batch(docs, "batch-xsd")) {
        INFO(name);
        CHECK(errors.empty());
    }
    // The same bytes as converting each file alone.
    auto one = unres_test::run("convert '" + in + "/sub/A_80_L.10.pdftotext.txt' --to akn");
    CHECK(one.out == unres_test::read_file(out + "/sub/A_80_L.10.pdftotext.akn.xml"));
}

TEST_CASE("convert DIR gives the same files on one thread and on several", "[cli][batch]") {
    std::string in = make_corpus("batch-jobs");
    fs::remove(in + "/broken.txt");
    std::string a = unres_test::scratch("batch-jobs") + "/j1", b = unres_test::scratch("batch-jobs") + "/j4";
    fs::remove_all(a);
    fs::remove_all(b);
    CHECK(unres_test::run("convert '" + in + "' --to json -o '" + a + "' -j 1 -q").code == 0);
    auto r = unres_test::run("convert '" + in + "' --to json -o '" + b + "' -j 4 -q");
    CHECK(r.code == 0);
    CHECK(r.err.empty());  // -q: no summary
    REQUIRE(files_below(a) == files_below(b));
    REQUIRE(files_below(a).size() == 2);
    for (const std::string& f : files_below(a)) CHECK(unres_test::read_file(a + "/" + f) == unres_test::read_file(b + "/" + f));
}

TEST_CASE("convert DIR with OUTDIR inside DIR does not read its own output again", "[cli][batch]") {
    std::string in = make_corpus("batch-inside");
    fs::remove(in + "/broken.txt");
    std::string out = in + "/akn";
    CHECK(unres_test::run("convert '" + in + "' --to akn -o '" + out + "'").code == 0);
    auto again = unres_test::run("convert '" + in + "' --to akn -o '" + out + "'");
    CHECK(again.code == 0);
    CHECK(again.err.find("converted 2 of 2 files") != std::string::npos);
    CHECK(files_below(out).size() == 2);
    // Text to text in place would overwrite the input: refused for that file, nothing written.
    std::string md = unres_test::read_file(in + "/A_C.3_78_L.52_Rev.1.md");
    auto same = unres_test::run("convert '" + in + "' --to markdown -o '" + in + "'");
    CHECK(same.code == 2);
    CHECK(same.err.find("would overwrite the input") != std::string::npos);
    CHECK(unres_test::read_file(in + "/A_C.3_78_L.52_Rev.1.md") == md);
}

TEST_CASE("convert DIR never writes two inputs to one output, nor an output over another input", "[cli][batch]") {
    // b.md and b.txt (the same document twice, a common corpus layout) both make b.akn.xml: the
    // first in sorted order is converted, the other is a failure, not a silent overwrite
    std::string in = unres_test::scratch("batch-clash") + "/in";
    std::string out = unres_test::scratch("batch-clash") + "/out";
    fs::remove_all(in);
    fs::remove_all(out);
    const std::string md = unres_test::read_file(unres_test::source_dir() + "/samples/A_C.3_78_L.52_Rev.1.md");
    const std::string txt = unres_test::read_file(unres_test::source_dir() + "/tests/corpus/A_80_L.10.pdftotext.txt");
    unres_test::write_file(in + "/b.md", md);
    unres_test::write_file(in + "/b.txt", txt);
    auto r = unres_test::run("convert '" + in + "' --to akn -o '" + out + "' -j 2");
    CHECK(r.code == 2);
    CHECK(r.err.find("b.txt: its output " + out + "/b.akn.xml is also the output of " + in + "/b.md") != std::string::npos);
    CHECK(r.err.find("converted 1 of 2 files") != std::string::npos);
    REQUIRE(files_below(out) == std::vector<std::string>{"b.akn.xml"});
    CHECK(unres_test::read_file(out + "/b.akn.xml") == unres_test::run("convert '" + in + "/b.md' --to akn").out);
    // to text into DIR itself: b.md's output would be b.txt, another input; b.txt's its own
    auto same = unres_test::run("convert '" + in + "' --to text -o '" + in + "'");
    CHECK(same.code == 2);
    CHECK(same.err.find("b.md: its output " + in + "/b.txt would overwrite the input " + in + "/b.txt") != std::string::npos);
    CHECK(unres_test::read_file(in + "/b.txt") == txt);
    CHECK(unres_test::read_file(in + "/b.md") == md);
}

TEST_CASE("convert DIR puts a linked file where its link is, not where it points", "[cli][batch]") {
    // a/l.txt and b/l.txt link to two files elsewhere: OUTDIR/a/l and OUTDIR/b/l, not one OUTDIR/l
    std::string root = unres_test::scratch("batch-links");
    fs::remove_all(root);
    unres_test::write_file(root + "/elsewhere/one.md", unres_test::read_file(unres_test::source_dir() + "/samples/A_C.3_78_L.52_Rev.1.md"));
    unres_test::write_file(root + "/elsewhere/two.txt", unres_test::read_file(unres_test::source_dir() + "/tests/corpus/A_80_L.10.pdftotext.txt"));
    fs::create_directories(root + "/in/a");
    fs::create_directories(root + "/in/b");
    fs::create_symlink(root + "/elsewhere/one.md", root + "/in/a/l.md");
    fs::create_symlink(root + "/elsewhere/two.txt", root + "/in/b/l.txt");
    auto r = unres_test::run("convert '" + root + "/in' --to akn -o '" + root + "/out' -q");
    CHECK(r.code == 0);
    CHECK(files_below(root + "/out") == std::vector<std::string>{"a/l.akn.xml", "b/l.akn.xml"});
    CHECK(unres_test::read_file(root + "/out/b/l.akn.xml") == unres_test::run("convert '" + root + "/elsewhere/two.txt' --to akn").out);
}

TEST_CASE("convert DIR needs -o, and a directory with nothing to read is an error", "[cli][batch]") {
    std::string in = make_corpus("batch-usage");
    auto no_out = unres_test::run("convert '" + in + "' --to akn");
    CHECK(no_out.code == 2);
    CHECK(no_out.err.find("give the output directory with -o OUTDIR") != std::string::npos);
    CHECK(no_out.out.empty());
    std::string empty = unres_test::scratch("batch-usage") + "/empty";
    fs::create_directories(empty);
    auto none = unres_test::run("convert '" + empty + "' --to akn -o '" + empty + "/out'");
    CHECK(none.code == 2);
    CHECK(none.err.find("no file to convert") != std::string::npos);
    CHECK(!fs::exists(empty + "/out"));
}

TEST_CASE("convert DIR reads a .docx and a PDF as `convert FILE` does", "[cli][batch]") {
    std::string in = unres_test::scratch("batch-binary") + "/in";
    std::string out = unres_test::scratch("batch-binary") + "/out";
    fs::remove_all(in);
    fs::remove_all(out);
    unres_test::write_file(in + "/A_RES_70_1.docx", unres_test::read_file(unres_test::source_dir() + "/tests/corpus/docx/A_RES_70_1.docx"));
    std::vector<std::string> names{"A_RES_70_1"};
#if UNRES_WITH_PDF
    unres_test::write_file(in + "/A_C.1_80_L.45.pdf", unres_test::read_file(unres_test::source_dir() + "/samples/A_C.1_80_L.45.pdf"));
    names.insert(names.begin(), "A_C.1_80_L.45");
#endif
    auto r = unres_test::run("convert '" + in + "' --to akn -o '" + out + "' -j 2 -q");
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    REQUIRE(files_below(out).size() == names.size());
    for (const std::string& n : names) {
        INFO(n);
        auto one = unres_test::run("convert '" + in + "/" + n + (n == "A_RES_70_1" ? ".docx" : ".pdf") + "' --to akn");
        CHECK(one.code == 0);
        CHECK(one.out == unres_test::read_file(out + "/" + n + ".akn.xml"));
    }
}

TEST_CASE("convert DIR -j 8 under umask 022 writes every output 0644 and every directory 0755", "[cli][batch]") {
    // Many tiny files on many threads: write_file_atomic once read the umask by setting it to 0 and
    // back, so two threads at once could write a file (or create a directory) with the umask at 0,
    // or leave the process there.  That build failed this in about one run of 2,000 files in two;
    // eight runs make a miss unlikely.  On a tmpfs where there is one: on this disk's ext4 the 16,000
    // files cost seconds of inode allocation after earlier tests' deletions.
    std::string base = unres_test::scratch("batch-umask");
    std::error_code ec;
    const fs::path shm = "/dev/shm/unres-test-" + std::to_string(::getpid()) + "-batch-umask";
    if (fs::is_directory("/dev/shm", ec) && fs::create_directories(shm, ec) && !ec) {
        fs::remove_all(base);
        base = shm.string();
    }
    std::string in = base + "/in";
    fs::remove_all(in);
    const std::string doc = "The General Assembly,\n\n1. Decides to remain seized of the matter.\n";
    for (int d = 0; d < 40; ++d)
        for (int f = 0; f < 50; ++f) unres_test::write_file(in + "/d" + std::to_string(d) + "/f" + std::to_string(f) + ".txt", doc);
    for (int run = 0; run < 8; ++run) {
        std::string out = base + "/out" + std::to_string(run);
        fs::remove_all(out);
        std::string cmd = "umask 022 && '" + unres_test::unres_binary() + "' convert '" + in + "' --to text -o '" + out +
                          "' -j 8 -q </dev/null >/dev/null 2>&1";
        INFO("run " << run);
        REQUIRE(std::system(cmd.c_str()) == 0);
        std::size_t files = 0, bad_files = 0, bad_dirs = 0;
        for (const auto& e : fs::recursive_directory_iterator(out)) {
            fs::perms p = e.symlink_status().permissions() & fs::perms::mask;
            if (e.is_directory()) bad_dirs += p != static_cast<fs::perms>(0755);
            else ++files, bad_files += p != static_cast<fs::perms>(0644);
        }
        fs::perms root = fs::status(out).permissions() & fs::perms::mask;
        CHECK(files == 2000);
        CHECK(bad_files == 0);
        CHECK(bad_dirs == 0);
        CHECK(root == static_cast<fs::perms>(0755));
        if (bad_files || bad_dirs) break;
    }
    fs::remove_all(base);
}
