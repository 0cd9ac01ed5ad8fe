// Hostile and broken input through the `unres` executable (issue 6, INTERFACE.md "Exit codes"):
// every row is checked with `unres check` and converted with `unres convert --to akn -o OUT`.
//   accepted rows: check exits 0 or 1 and prints the summary line; convert exits 0 and the
//                  Akoma Ntoso it writes is valid against the official schema (one batch xmllint run);
//   refused rows:  both exit 2 with exactly one message line on stderr (naming what is wrong),
//                  nothing on stdout, and OUT keeps its previous bytes (no temporary left beside it);
//   every row:     each command ends within the row's time bound, and the input file is not modified.
// Inputs are generated here, in a temporary directory (the big ones are never committed).
//   build/dev/tests/unres_tests "[hostile]"          all rows (the [slow] ones take a few seconds each)
//   UNRES_HOSTILE_REPORT=1 build/dev/tests/unres_tests "[hostile]"   also prints code and time per row
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <zip.h>

#include "pdf_make.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

// Time bounds are about 5x the time measured on a debug build (build/dev, -O0) on 2 cores shared
// with other work; the sanitizer build (build/asan, -O1) measured faster than that for the big rows
// and slower (process start) for the small ones, hence the 1.5x margin.  Optimised builds are faster.
constexpr double kSlowdown = unres_test::kSanitizerSlowdown;

std::string q(const std::string& s) { return "'" + s + "'"; }

const std::string kHeader =
    "General Assembly\n\nDistr.: Limited\n1 November 2023\n\nOriginal: English\n\n"
    "Seventy-eighth session\nAgenda item 71 (b)\n\n"
    "Ruritania: draft resolution\n\nProtection of hostile inputs\n\n"
    "The General Assembly,\n\nRecalling its resolution 77/1 of 1 January 2023,\n\n";

const std::string kDraft = kHeader +
                           "1. Decides to remain seized of the matter;\n\n"
                           "2. Requests the Secretary-General to report on:\n\n"
                           "(a) The first matter;\n\n(b) The second matter.\n";

/// Refused rows exit 2 in both commands; a directory is checked (recursively) but not converted;
/// an empty input is checked (its findings) but has nothing to convert (exit 2); a directory
/// without any file check reads is refused by check too ("no file to check", exit 2).
enum class Expect { Accepted, Refused, Directory, Empty, NothingToCheck };

struct Row {
    std::string name;
    std::string path;      // the input (a file, a directory, a missing path)
    Expect expect;
    std::string keyword;   // refused: a word the one message line must contain
    double bound_s = 3.0;  // per command, before kSlowdown
    std::string diagnostic = {};  // accepted: a rule id check must report (e.g. "[UNR901]")
    std::size_t files = 1;        // accepted: the files the summary line counts
};

struct Result {
    int check_code = -1;
    int convert_code = -1;
    double check_s = 0;
    double convert_s = 0;
};

std::size_t count_lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

bool one_message(const std::string& err) {
    return count_lines(err) == 1 && err.rfind("unres: ", 0) == 0 && err.size() > 10;
}

/// Timed run of the CLI.
std::pair<unres_test::RunResult, double> timed(const std::string& args) {
    auto t0 = std::chrono::steady_clock::now();
    unres_test::RunResult r = unres_test::run(args);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return {std::move(r), s};
}

struct Snapshot {
    bool exists = false;
    std::string bytes;
    fs::file_time_type mtime{};
};

Snapshot snapshot(const std::string& path) {
    Snapshot s;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return s;
    s.exists = true;
    s.bytes = unres_test::read_file(path);
    s.mtime = fs::last_write_time(path, ec);
    return s;
}

std::vector<std::string> entries(const std::string& dir) {
    std::vector<std::string> names;
    for (auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

/// Runs one row; the AKN written for an accepted row is appended to `akn` for the batch schema check.
Result run_row(const Row& row, const std::string& out_dir, std::vector<std::pair<std::string, std::string>>& akn) {
    INFO("row: " << row.name);
    Result res;
    const Snapshot before = snapshot(row.path);
    const double bound = row.bound_s * kSlowdown;

    auto [check, check_s] = timed("check " + q(row.path));
    res.check_code = check.code;
    res.check_s = check_s;
    CHECK(check_s < bound);
    if (row.expect != Expect::Refused && row.expect != Expect::NothingToCheck) {
        CHECK((check.code == 0 || check.code == 1));
        // the summary line
        CHECK(check.err.find(" in " + std::to_string(row.files) + " files\n") != std::string::npos);
        if (!row.diagnostic.empty()) CHECK(check.err.find(row.diagnostic) != std::string::npos);
    } else {
        CHECK(check.code == 2);
        CHECK(one_message(check.err));
        CHECK(check.err.find(row.expect == Expect::NothingToCheck ? "no file to check" : row.keyword) != std::string::npos);
        CHECK(check.out.empty());
    }
    INFO("check stderr: " << check.err.substr(0, 600));

    const std::string target = out_dir + "/" + row.name + ".akn.xml";
    unres_test::write_file(target, "KEEP");
    auto [conv, conv_s] = timed("convert " + q(row.path) + " --to akn -o " + q(target));
    res.convert_code = conv.code;
    res.convert_s = conv_s;
    CHECK(conv_s < bound);
    INFO("convert stderr: " << conv.err.substr(0, 600));
    if (row.expect == Expect::Accepted) {
        CHECK(conv.code == 0);
        CHECK(conv.err.empty());
        std::string written = unres_test::read_file(target);
        CHECK(written != "KEEP");
        akn.emplace_back(row.name, std::move(written));
    } else {
        CHECK(conv.code == 2);
        CHECK(one_message(conv.err));
        CHECK(conv.err.find(row.keyword) != std::string::npos);
        CHECK(unres_test::read_file(target) == "KEEP");
    }
    fs::remove(target);
    CHECK(entries(out_dir).empty());  // no temporary file left behind

    const Snapshot after = snapshot(row.path);
    CHECK(after.exists == before.exists);
    CHECK((after.bytes == before.bytes));
    CHECK((after.mtime == before.mtime));

    if (std::getenv("UNRES_HOSTILE_REPORT") != nullptr)
        std::cout << "hostile row " << row.name << ": check exit " << res.check_code << " in " << res.check_s
                  << " s, convert exit " << res.convert_code << " in " << res.convert_s << " s\n";
    return res;
}

/// Runs the rows, then validates every AKN written with one xmllint run.
void run_table(const std::vector<Row>& rows, const std::string& out_dir) {
    fs::remove_all(out_dir);
    fs::create_directories(out_dir);
    std::vector<std::pair<std::string, std::string>> akn;
    for (const Row& row : rows) run_row(row, out_dir, akn);
    auto verdicts = unres_test::akn_schema_errors_batch(akn, "hostile-xsd");
    for (const auto& [name, errors] : verdicts) {
        INFO("AKN of row " << name << ":\n" << errors.substr(0, 2000));
        CHECK(errors.empty());
    }
}

std::string utf16(const std::string& utf8, bool le) {
    std::string out = le ? std::string("\xFF\xFE") : std::string("\xFE\xFF");
    // The drafts here are ASCII apart from one "é" (U+00E9) and one "€" (U+20AC).
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        auto c = static_cast<unsigned char>(utf8[i]);
        unsigned cp = c;
        if (c == 0xC3) cp = 0xC0 | (static_cast<unsigned char>(utf8[++i]) & 0x3F);
        else if (c == 0xE2) {
            cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(utf8[i + 1]) & 0x3F) << 6) |
                 (static_cast<unsigned char>(utf8[i + 2]) & 0x3F);
            i += 2;
        }
        char lo = static_cast<char>(cp & 0xFF), hi = static_cast<char>(cp >> 8);
        out += le ? std::string{lo, hi} : std::string{hi, lo};
    }
    return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
    return s;
}

/// A zip archive made with libzip; `stored` entries are not compressed.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
    REQUIRE(src != nullptr);
    zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
    REQUIRE(za != nullptr);
    zip_source_keep(src);
    for (const auto& [name, data] : parts) {
        zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
        REQUIRE(s != nullptr);
        REQUIRE(zip_file_add(za, name.c_str(), s, ZIP_FL_OVERWRITE) >= 0);
    }
    REQUIRE(zip_close(za) == 0);
    REQUIRE(zip_source_open(src) == 0);
    REQUIRE(zip_source_seek(src, 0, SEEK_END) == 0);
    zip_int64_t size = zip_source_tell(src);
    REQUIRE(zip_source_seek(src, 0, SEEK_SET) == 0);
    std::string out(static_cast<std::size_t>(size), '\0');
    REQUIRE(zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size)) == size);
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&err);
    return out;
}

const char* const kAknOpen =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"
    "<statement name=\"draftResolution\"><preamble><formula name=\"enactingFormula\"><p>The General Assembly,</p></formula>"
    "</preamble><mainBody>";
const char* const kAknClose = "</mainBody></statement></akomaNtoso>\n";

std::string random_bytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(rng() & 0xFF);
    return s;
}

}  // namespace

TEST_CASE("hostile: broken, binary and odd inputs exit 0/1 with diagnostics or 2 with one message", "[hostile]") {
    const std::string dir = unres_test::scratch("hostile-in");
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto file = [&](const std::string& name, const std::string& bytes) {
        unres_test::write_file(dir + "/" + name, bytes);
        return dir + "/" + name;
    };
    const std::string accented = replace_all(kDraft, "Ruritania", "R\xC3\xA9publique \xE2\x82\xAC");
    // The same in Windows-1252: "é" is E9, "€" is 80, and no byte sequence is UTF-8.
    const std::string cp1252 = replace_all(kDraft, "Ruritania", "R\xE9publique \x80");
    auto subdir = [&](const std::string& name, const std::vector<std::pair<std::string, std::string>>& files) {
        fs::create_directories(dir + "/" + name);
        for (const auto& [f, bytes] : files) unres_test::write_file(dir + "/" + name + "/" + f, bytes);
        return dir + "/" + name;
    };
    const std::string fake_pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";

    std::vector<Row> rows = {
        {"empty", file("empty.md", ""), Expect::Empty, "empty", 2},
        {"whitespace", file("blank.txt", std::string(" \t\n\r\n   \n\f\n", 12) + std::string(2000, ' ') + "\n\n"),
         Expect::Empty, "empty", 2},
        {"random-binary", file("random.md", random_bytes(64 << 10, 42)), Expect::Refused, "binary", 2},
        {"png", file("image.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + random_bytes(512, 1)), Expect::Refused,
         "PNG", 2},
        {"jpeg", file("photo.txt", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11) + random_bytes(512, 2)), Expect::Refused,
         "JPEG", 2},
        {"pdf", file("draft.txt", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), Expect::Refused,
         "PDF", 2},
#if UNRES_WITH_PDF
        // PDF rows: a damaged real one, an encrypted one, one without text, too many pages, too many words
        {"pdf-truncated", file("cut.pdf", unres_test::read_file(unres_test::source_dir() + "/samples/A_C.1_80_L.45.pdf").substr(0, 3000)),
         Expect::Refused, "damaged", 5},
        {"pdf-encrypted", file("locked.pdf", unres_test::make_pdf({unres_test::PdfPage{{{72, 700, 10, "Secret"}}}}, true)),
         Expect::Refused, "encrypted", 5},
        {"pdf-no-text", file("scan.pdf", unres_test::make_pdf({unres_test::PdfPage{}, unres_test::PdfPage{}})), Expect::Refused,
         "no text layer", 5},
        {"pdf-too-many-pages", file("long.pdf", unres_test::make_pdf(std::vector<unres_test::PdfPage>(2001))), Expect::Refused,
         "pages", 10},
        {"pdf-too-many-words", file("dense.pdf", [] {
             unres_test::PdfPage p;
             std::string words;
             for (int k = 0; k < 120; ++k) words += "w ";
             for (int i = 0; i < 1000; ++i) p.runs.push_back({10, 790 - double(i) * 0.78, 3, words});
             return unres_test::make_pdf({p});
         }()),
         Expect::Refused, "words", 20},
        {"pdf-draft", file("typed.pdf", unres_test::make_draft_pdf()), Expect::Accepted, "", 5},
#else
        {"pdf-without-support", file("draft.pdf", unres_test::make_draft_pdf()), Expect::Refused, "without PDF support", 2},
#endif
        {"zip-not-docx", file("archive.md", make_zip({{"readme.txt", "hello"}})), Expect::Refused, "word/document.xml", 2},
        {"zip-truncated", file("cut.docx", make_zip({{"word/document.xml", "<w:document/>"}}).substr(0, 40)), Expect::Refused,
         "zip archive", 2},
        {"empty-zip", file("empty.docx", std::string("PK\x05\x06", 4) + std::string(18, '\0')), Expect::Refused, "zip", 2},
        {"gzip", file("draft.md.gz", std::string("\x1F\x8B\x08\0", 4) + random_bytes(256, 3)), Expect::Refused, "gzip", 2},
        // Damaged UTF-8 (it has valid multi-byte sequences too): U+FFFD and UNR901.
        {"invalid-utf8", file("badutf8.md", replace_all(accented, "remain seized", "remain \xC3\x28 \xFF\xFE seized \xE2\x82")),
         Expect::Accepted, "", 2, "[UNR901]"},
        {"utf16le-bom", file("utf16le.txt", utf16(accented, true)), Expect::Accepted, "", 2},
        {"utf16be-bom", file("utf16be.txt", utf16(accented, false)), Expect::Accepted, "", 2},
        {"utf16le-odd-length", file("utf16odd.txt", utf16(accented, true) + "x"), Expect::Accepted, "", 2, "[UNR901]"},
        {"utf8-bom-crlf", file("bomcrlf.md", "\xEF\xBB\xBF" + replace_all(kDraft, "\n", "\r\n")), Expect::Accepted, "", 2},
        {"cr-only", file("cr.txt", replace_all(kDraft, "\n", "\r")), Expect::Accepted, "", 2},
        {"nul-bytes", file("nul.md", replace_all(kDraft, "remain seized", std::string("remain\0seized\0", 14))),
         Expect::Accepted, "", 2},
        {"absurd-numbers",
         file("absurd.md", kHeader + "1000000000000000000000000000000. Decides<sup>1234567890123456789012345678901234567890</sup>"
                                     " to remain seized;\n\n99999999999999999999999999999999999999999. Requests more;\n\n"
                                     "(zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz) A letter past all letters;\n\n"
                                     "(mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm) Another;\n\n"
                                     "[^1234567890123456789012345678901234567890]: Resolution 217 A (III).\n"),
         Expect::Accepted, "", 2},
        {"absurd-numbers-text",
         file("absurd.txt", kHeader + "18446744073709551617. Decides9999999999999999999999 to remain seized;\n\n"
                                      "4294967297. Requests;\n\n"
                                      "9999999999999999999999999999999999999999 Resolution 217 A (III).\n"),
         Expect::Accepted, "", 2},
        {"xml-special-and-forbidden",
         file("chars.md", replace_all(kDraft, "remain seized of the matter",
                                      "keep <b>&amp; \"quotes\" 'apostrophes' <![CDATA[ ]]> ]]> &lt;/p&gt; &#0; \x01\x02\x08"
                                      "\x0B\x0C\x1B\x7F \xEF\xBF\xBE \xEF\xBF\xBF \xED\xA0\x80 \xF4\x8F\xBF\xBF \xC2\x85 \xE2\x80\xA8"
                                      " <sup>&</sup> [^<]: x")),
         Expect::Accepted, "", 2},
        {"windows-1252", file("cp1252.txt", cp1252), Expect::Accepted, "", 2, "read as Windows-1252 [UNR904]"},
        {"utf16le-no-bom", file("utf16le-nobom.txt", utf16(accented, true).substr(2)), Expect::Accepted, "", 2,
         "read as UTF-16LE without a byte-order mark [UNR904]"},
        {"utf16be-no-bom", file("utf16be-nobom.txt", utf16(accented, false).substr(2)), Expect::Accepted, "", 2,
         "read as UTF-16BE without a byte-order mark [UNR904]"},
        {"directory", dir + "/subdir", Expect::Directory, "directory", 2},
        {"empty-directory", subdir("nothing", {}), Expect::NothingToCheck, "directory", 2},
        // Not real PDFs: each one is an UNR900 error (a file-level diagnostic, exit 1) and the
        // rest of the directory is still checked.  The .html is skipped.
        {"pdf-only-directory", subdir("pdfs", {{"a.pdf", fake_pdf}, {"b.pdf", fake_pdf}, {"c.html", "<p>x</p>"}}),
         Expect::Directory, "directory", 2,
#if UNRES_WITH_PDF
         "b.pdf:1:1: error: not checked: PDF is damaged", 2},
#else
         "b.pdf:1:1: error: not checked: input is a PDF file: this unres was built without PDF support", 2},
#endif
        {"undecodable-in-directory", subdir("mixed", {{"a.md", kDraft}, {"b.md", random_bytes(4096, 7)}}),
         Expect::Directory, "directory", 2, "b.md:1:1: error: not checked: input is binary data", 2},
        {"missing-path", dir + "/no/such/draft.md", Expect::Refused, "no such file", 2},
    };
    fs::create_directories(dir + "/subdir");
    unres_test::write_file(dir + "/subdir/a.md", kDraft);

    run_table(rows, unres_test::scratch("hostile-out"));

    SECTION("UTF-16, BOM+CRLF and CR-only inputs read as the UTF-8, LF draft") {
        auto utf8 = unres_test::run("convert --to json " + q(file("plain.txt", accented)));
        REQUIRE(utf8.code == 0);
        auto strip_path = [](std::string json) {
            auto b = json.find("\"path\"");
            auto e = json.find(',', b);
            return json.erase(b, e - b);
        };
        for (const char* name : {"utf16le.txt", "utf16be.txt", "utf16le-nobom.txt", "utf16be-nobom.txt", "cp1252.txt"}) {
            INFO(name);
            auto r = unres_test::run("convert --to json " + q(dir + "/" + name));
            REQUIRE(r.code == 0);
            // Same tree: only the path, the encoding and its note (UNR904, in the diagnostics) differ.
            CHECK(r.out.find("\"operative\"") != std::string::npos);
            CHECK(r.out.find("R\xC3\xA9publique \xE2\x82\xAC") != std::string::npos);
            auto tree = [](const std::string& json) {
                auto b = json.find("\"authority\"");
                return json.substr(b, json.find("\"diagnostics\"") - b);
            };
            CHECK(tree(utf8.out) == tree(r.out));
        }
        auto lf = unres_test::run("convert --to json " + q(file("plain-lf.txt", kDraft)));
        REQUIRE(lf.code == 0);
        for (const char* name : {"bomcrlf.md", "cr.txt"}) {
            INFO(name);
            auto r = unres_test::run("convert --to json " + q(dir + "/" + name));
            REQUIRE(r.code == 0);
            auto a = strip_path(lf.out), b = strip_path(r.out);
            CHECK(a.substr(a.find("\"authority\"")) == b.substr(b.find("\"authority\"")));
        }
    }
}

TEST_CASE("hostile: XML with entity bombs, external entities and deep nesting", "[hostile]") {
    const std::string dir = unres_test::scratch("hostile-xml");
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto file = [&](const std::string& name, const std::string& bytes) {
        unres_test::write_file(dir + "/" + name, bytes);
        return dir + "/" + name;
    };
    std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE akomaNtoso [\n<!ENTITY lol \"lol\">\n";
    laughs += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
    for (int i = 2; i <= 9; ++i) {
        std::string prev = "&lol" + std::to_string(i - 1) + ";";
        laughs += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) laughs += prev;
        laughs += "\">\n";
    }
    laughs += "]>\n";
    const std::string body = "<paragraph eId=\"para_1\"><num>1.</num><content><p>Decides &lol9; to remain seized.</p></content></paragraph>";
    std::string laughs_doc = laughs + std::string(kAknOpen).substr(std::string(kAknOpen).find("<akomaNtoso")) + body + kAknClose;

    std::string xxe = std::string("<?xml version=\"1.0\"?>\n<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
                                  "<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %remote;]>\n") +
                      std::string(kAknOpen).substr(std::string(kAknOpen).find("<akomaNtoso")) +
                      "<paragraph eId=\"para_1\"><num>1.</num><content><p>Decides &xxe; to remain seized.</p></content></paragraph>" +
                      kAknClose;

    // Structural nesting: paragraph > list > point > list > point ... 5,000 levels.
    std::string deep_struct = std::string(kAknOpen) + "<paragraph eId=\"para_1\"><num>1.</num><list eId=\"l\">";
    for (int i = 0; i < 5000; ++i) deep_struct += "<point><num>(a)</num><content><p>level</p></content><list>";
    for (int i = 0; i < 5000; ++i) deep_struct += "</list></point>";
    deep_struct += std::string("</list></paragraph>") + kAknClose;
    // Inline nesting: 200,000 <i> inside one p.
    std::string deep_inline = std::string(kAknOpen) + "<paragraph eId=\"para_1\"><num>1.</num><content><p>";
    for (int i = 0; i < 200000; ++i) deep_inline += "<i>";
    deep_inline += "deep";
    for (int i = 0; i < 200000; ++i) deep_inline += "</i>";
    deep_inline += std::string("</p></content></paragraph>") + kAknClose;
    // Nesting within the limit is read: 60 levels of list/point.
    std::string nested_ok = std::string(kAknOpen) + "<paragraph eId=\"para_1\"><num>1.</num><intro><p>Decides:</p></intro><list>";
    for (int i = 0; i < 60; ++i) nested_ok += std::string("<point><num>(") + (i % 2 ? "i" : "a") + ")</num><intro><p>level:</p></intro><list>";
    nested_ok += "<point><num>(a)</num><content><p>leaf.</p></content></point>";
    for (int i = 0; i < 60; ++i) nested_ok += "</list></point>";
    nested_ok += std::string("</list></paragraph>") + kAknClose;

    // The same archive bombs as the .docx reader's own tests, through the CLI.
    std::string w = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>";
    std::string bomb = make_zip({{"word/document.xml", w + std::string(80u << 20, 'a') + "</w:t></w:r></w:p></w:body></w:document>"}});
    std::string ratio = make_zip({{"word/document.xml", w + std::string(8u << 20, 'a') + "</w:t></w:r></w:p></w:body></w:document>"}});
    // A .docx whose XML nests 75,000 levels deep (iterative walks: read, not refused); under 1 MiB,
    // so the compression ratio limit does not apply.
    std::string deep_w = w + "</w:t></w:r></w:p>";
    for (int i = 0; i < 25000; ++i) deep_w += "<w:tbl><w:tr><w:tc>";
    deep_w += "<w:p><w:r><w:t>1. Decides to remain seized.</w:t></w:r></w:p>";
    for (int i = 0; i < 25000; ++i) deep_w += "</w:tc></w:tr></w:tbl>";
    deep_w += "</w:body></w:document>";
    std::string deep_docx = make_zip({{"word/document.xml", deep_w}});

    std::vector<Row> rows = {
        {"billion-laughs", file("laughs.xml", laughs_doc), Expect::Accepted, "", 2, "[UNR902]"},
        {"external-entity", file("xxe.xml", xxe), Expect::Accepted, "", 2, "[UNR902]"},
        // Like malformed XML (UNR902), XML nested past the limit is an error diagnostic (exit 1), not read.
        {"akn-deep-structure", file("deep.xml", deep_struct), Expect::Accepted, "", 2, "deep: the document is not read [UNR903]"},
        {"akn-deep-inline", file("deepi.xml", deep_inline), Expect::Accepted, "", 3, "deep: the document is not read [UNR903]"},
        // 60 levels of points: read, the levels past 32 kept at the 32nd.
        {"akn-nested-60", file("nested60.xml", nested_ok), Expect::Accepted, "", 2, "levels deep: the deeper ones are kept at level 32 [UNR903]"},
        {"akn-not-well-formed", file("broken.xml", std::string(kAknOpen) + "<paragraph><p>x</paragraph>"), Expect::Accepted, "",
         2, "malformed XML"},
        {"zip-bomb-docx", file("bomb.docx", bomb), Expect::Refused, "limit 64 MiB", 3},
        {"zip-ratio-docx", file("ratio.docx", ratio), Expect::Refused, "compression ratio", 3},
        {"docx-deep-xml", file("deep.docx", deep_docx), Expect::Accepted, "", 3},
    };
    run_table(rows, unres_test::scratch("hostile-xml-out"));

    SECTION("entities are never expanded nor fetched") {
        for (const char* name : {"laughs.xml", "xxe.xml"}) {
            INFO(name);
            auto r = unres_test::run("convert --to json " + q(dir + "/" + name));
            REQUIRE(r.code == 0);
            CHECK(r.out.find("lollol") == std::string::npos);
            CHECK(r.out.find("root:") == std::string::npos);
            CHECK(r.out.size() < 20000);
            auto c = unres_test::run("check " + q(dir + "/" + name));
            CHECK(c.code == 1);
            CHECK(c.err.find("is not expanded") != std::string::npos);
        }
    }
}

TEST_CASE("hostile: huge inputs and very deep labels stay within time bounds", "[hostile][slow]") {
    const std::string dir = unres_test::scratch("hostile-big");
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto file = [&](const std::string& name, const std::string& bytes) {
        unres_test::write_file(dir + "/" + name, bytes);
        return dir + "/" + name;
    };
    // A 50 MB single line: one operative paragraph of ~8 million words.
    std::string line = kHeader + "1. Decides";
    line.reserve(line.size() + (50u << 20) + 100);
    const std::string words[] = {" to", " remain", " actively", " seized", " of", " the", " matter,"};
    for (std::size_t i = 0; line.size() < (50u << 20); ++i) line += words[i % 7];
    line += ".\n";
    // 200,000 operative paragraphs.
    std::string many = kHeader;
    for (int i = 1; i <= 200000; ++i) many += std::to_string(i) + ". Decides to remain seized of the matter;\n\n";
    // Labels nested 10,000 deep: (a), (i), (a), (i) ... each the first of a new list.
    std::string deep = kHeader + "1. Decides:\n\n";
    for (int i = 0; i < 10000; ++i) deep += (i % 2 ? "(i) Level:\n\n" : "(a) Level:\n\n");
    deep += "2. Requests a report.\n";
    // The same as markdown list items, indented one more level each time (capped at 200 spaces).
    std::string deep_md = kHeader + "1. Decides:\n\n";
    for (int i = 0; i < 10000; ++i)
        deep_md += std::string(static_cast<std::size_t>(std::min(i, 200)), ' ') + (i % 2 ? "(i) Level:\n" : "(a) Level:\n");
    // 20,000 footnotes, each referenced.
    std::string notes = kHeader + "1. Decides";
    for (int i = 1; i <= 20000; ++i) notes += " word<sup>" + std::to_string(i) + "</sup>";
    notes += ".\n\n";
    for (int i = 1; i <= 20000; ++i) notes += "[^" + std::to_string(i) + "]: Note " + std::to_string(i) + ".\n";

    // Unclosed mark-up on one line: each tag used to be searched to the end of the line.
    std::string unclosed = kHeader + "1. Decides";
    for (int i = 0; i < 100000; ++i) unclosed += "<sup>";
    for (int i = 0; i < 100000; ++i) unclosed += "&lt;sup&gt;[^<";
    unclosed += " to remain seized.\n";

    std::vector<Row> rows = {
        // measured (debug, check / convert): 34 s / 49 s; sanitizers: 42 s / 27 s
        {"50MB-single-line", file("line.txt", line), Expect::Accepted, "", 180},
        {"unclosed-markup", file("unclosed.md", unclosed), Expect::Accepted, "", 25},  // 3.1 s / 5.1 s
        {"200000-paragraphs", file("many.txt", many), Expect::Accepted, "", 60},  // 12.0 s / 12.2 s
        {"labels-10000-deep", file("deep.txt", deep), Expect::Accepted, "", 15, "[UNR903]"},  // 1.6 s / 1.0 s
        // 10,000 warnings, each with its excerpt: 6.9 s / 0.9 s
        {"labels-10000-deep-indented", file("deep.md", deep_md), Expect::Accepted, "", 40, "[UNR903]"},
        {"20000-footnotes", file("notes.md", notes), Expect::Accepted, "", 10},  // 0.6 s / 0.7 s
    };
    line.clear();
    many.clear();
    run_table(rows, unres_test::scratch("hostile-big-out"));
    fs::remove_all(dir);
}
