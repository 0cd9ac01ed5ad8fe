// The PDF reader (src/readers/pdf.cpp, src/readers/pdf_lines.cpp): typed lines from real and
// generated PDFs (read through the PDF module, src/readers/pdf_load.cpp), PDF input through the
// CLI, and the CLI without the module.  [pdf]
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "pdf_make.hpp"
#include "support.hpp"
#include "unres/parse.hpp"
#include "unres/source.hpp"

#if UNRES_WITH_PDF
#include "readers/pdf.hpp"

using unres::readers::pdf::Zone;

namespace {
const std::string kSample = "/samples/A_C.1_80_L.45.pdf";
std::string sample_bytes() { return unres_test::read_file(unres_test::source_dir() + kSample); }
}  // namespace

TEST_CASE("pdf: typed lines of a generated draft", "[pdf]") {
    auto ex = unres::readers::pdf::extract(unres_test::make_draft_pdf());
    REQUIRE(ex.pages == 1);
    CHECK(ex.body_size == Approx(10.0));
    auto find = [&](std::string_view prefix) -> const unres::readers::pdf::TextLine& {
        auto it = std::find_if(ex.lines.begin(), ex.lines.end(), [&](const auto& l) { return l.text.rfind(prefix, 0) == 0; });
        REQUIRE(it != ex.lines.end());
        return *it;
    };
    const auto& recalling = find("Recalling");
    // the raised, smaller "1" is a mark of that line, not a line of its own
    REQUIRE(recalling.marks.size() == 1);
    CHECK(recalling.marks[0].num == "1");
    CHECK(recalling.marks[0].size_ratio == Approx(0.65).margin(0.01));
    REQUIRE(!recalling.italics.empty());
    CHECK(recalling.text.substr(recalling.italics[0].begin, recalling.italics[0].end - recalling.italics[0].begin) == "Recalling");
    CHECK(recalling.zone == Zone::Body);
    CHECK(recalling.indent > 0);  // first-line indent: right of the body margin
    CHECK(find("1.").indent == recalling.indent);
    CHECK(find("Eightieth").indent < recalling.indent);
    const auto& note = find("1 Resolution 79/1");
    CHECK(note.zone == Zone::Notes);
    REQUIRE(note.marks.size() == 1);
    CHECK(note.marks[0].range.begin == 0);
    CHECK(find("______").zone == Zone::Notes);
    CHECK(find("25-12345 (E)").zone == Zone::Footer);
    CHECK(find("A/C.3/80/L.99").zone == Zone::Body);  // the first page's header is the document's
    for (std::size_t i = 0; i < ex.lines.size(); ++i) CHECK(ex.lines[i].line_on_page == int(i) + 1);
}

TEST_CASE("pdf: the generated draft through the reader: marks, italics, footnotes", "[pdf]") {
    auto src = unres::load_source("typed.pdf", unres_test::make_draft_pdf());
    REQUIRE(src.is_pdf());
    auto doc = unres::parse(src);
    CHECK(doc.format == unres::InputFormat::Pdf);
    REQUIRE(doc.preamble.size() == 1);
    CHECK(doc.preamble[0].text == "Recalling its resolution 79/1,");  // the mark's digit is not text
    REQUIRE(doc.preamble[0].marks.size() == 1);
    CHECK(doc.preamble[0].marks[0].num == "1");
    CHECK_FALSE(doc.preamble[0].marks[0].inferred);
    REQUIRE(!doc.preamble[0].italics.empty());
    CHECK(doc.preamble[0].italics[0].begin == 0);
    CHECK(doc.preamble[0].italics[0].end == 9);
    REQUIRE(doc.operative.size() == 1);
    CHECK(doc.operative[0].text.find("Decides to remain seized") != std::string::npos);
    REQUIRE(doc.footnotes.size() == 1);
    CHECK(doc.footnotes[0].num == "1");
    CHECK(doc.footnotes[0].text == "Resolution 79/1 of 1 January 2025.");
    // the mark's span covers its digit in the text the user sees
    auto sp = doc.preamble[0].marks[0].span;
    CHECK(src.text().substr(sp.begin, sp.end - sp.begin) == "1");
    auto pl = src.page_location(sp.begin);
    CHECK(pl.page == 1);
    CHECK(pl.line == 10);
}

TEST_CASE("pdf: the sample draft A/C.1/80/L.45", "[pdf]") {
    auto ex = unres::readers::pdf::extract(sample_bytes());
    REQUIRE(ex.pages == 3);
    CHECK(std::count(ex.text.begin(), ex.text.end(), '\f') == 2);
    std::size_t marks = 0, notes = 0, footer = 0, header = 0, italic = 0;
    for (const auto& l : ex.lines) {
        marks += l.marks.size();
        notes += l.zone == Zone::Notes;
        footer += l.zone == Zone::Footer;
        header += l.zone == Zone::Header;
        italic += !l.italics.empty();
        CHECK(l.text.find('\n') == std::string::npos);
    }
    CHECK(marks >= 10);   // 5 footnotes: a mark in the text and one before each body
    CHECK(notes >= 5);
    CHECK(footer >= 3);   // job number and page numbers
    CHECK(header >= 2);   // running heads of pages 2 and 3
    CHECK(italic >= 20);  // lead phrases
    auto doc = unres::parse(unres::load_source("A_C.1_80_L.45.pdf", sample_bytes()));
    CHECK(doc.meta.symbol.value == "A/C.1/80/L.45");
    CHECK(doc.preamble.size() == 9);  // as in the official AKN of A/RES/80/45, adopted from it
    CHECK(doc.operative.size() == 6);
    REQUIRE(doc.footnotes.size() == 5);
    for (const auto& f : doc.footnotes) CHECK(!f.text.empty());
}

TEST_CASE("pdf: check points at page and line, in text, JSON and SARIF", "[pdf]") {
    // the generated draft with its footnote body removed: its mark has no footnote (UNR201)
    unres_test::PdfPage p;
    p.runs = {{72, 720, 14, "General Assembly"}, {72, 700, 10, "Ruritania: draft resolution"},
              {96, 650, 10, "The General Assembly,", true}, {96, 630, 10, "Recalling", true},
              {140, 630, 10, "its resolution 79/1,"}, {222, 634, 6.5, "7"}, {96, 610, 10, "1."},
              {120, 610, 10, "Decides to remain seized."}};
    unres_test::PdfPage p2;
    p2.runs = {{96, 700, 10, "2."}, {120, 700, 10, "Requests a report"}, {188, 704, 6.5, "8"}, {96, 680, 10, "3."},
               {120, 680, 10, "Decides to end."}};
    const std::string dir = unres_test::scratch("pdf-diag");
    const std::string f = dir + "/draft.pdf";
    unres_test::write_file(f, unres_test::make_pdf({p, p2}));
    auto r = unres_test::run("check '" + f + "'");
    CHECK(r.code == 1);
    CHECK(r.err.find(f + ":p1:4:") != std::string::npos);
    CHECK(r.err.find(f + ":p2:1:") != std::string::npos);
    auto j = unres_test::run("check --format json '" + f + "'");
    CHECK(j.out.find("\"page\": 2") != std::string::npos);
    auto s = unres_test::run("check --format sarif '" + f + "'");
    CHECK(s.out.find("\"page\": 2") != std::string::npos);
    auto g = unres_test::run("check --format github '" + f + "'");
    CHECK(g.out.find("page 2") != std::string::npos);
}

TEST_CASE("pdf: directories and standard input take PDFs", "[pdf]") {
    const std::string dir = unres_test::scratch("pdf-dir");
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    unres_test::write_file(dir + "/a.pdf", unres_test::make_draft_pdf());
    unres_test::write_file(dir + "/b.md", "The General Assembly,\n\n1. Decides to remain seized of the matter.\n");
    auto r = unres_test::run("check '" + dir + "'");
    CHECK(r.code == 0);
    CHECK(r.err.find("in 2 files") != std::string::npos);
    auto in = unres_test::run("convert - --to json", dir + "/a.pdf");
    CHECK(in.code == 0);
    CHECK(in.out.find("\"format\": \"pdf\"") != std::string::npos);
}
namespace {
/// A two-page draft whose second page has a running head: the title wrapped over two lines
/// (on that page only) above the symbol; the body of page 2 quotes the title over three lines.
std::string running_head_pdf() {
    unres_test::PdfPage p1;
    p1.runs = {{72, 740, 10, "A/C.3/80/L.98"},
               {72, 720, 14, "General Assembly"},
               {400, 700, 10, "Distr.: Limited"},
               {72, 660, 10, "Eightieth session"},
               {72, 620, 10, "Ruritania: draft resolution"},
               {72, 596, 12, "Protection of typography in the running heads"},
               {72, 582, 12, "of long documents"},
               {96, 560, 10, "The General Assembly,", true},
               {96, 542, 10, "Recalling", true},
               {140, 542, 10, "its resolution 79/1,"},
               {96, 524, 10, "1."},
               {120, 524, 10, "Decides", true},
               {157, 524, 10, "to remain seized of the matter;"}};
    unres_test::PdfPage p2;
    p2.runs = {{300, 770, 8.5, "Protection of typography in the running heads"},
               {380, 760, 8.5, "of long documents"},
               {72, 750, 8.5, "A/C.3/80/L.98"},
               {96, 720, 10, "2."},
               {120, 720, 10, "Requests", true},
               {160, 720, 10, "a study entitled \"Protection of"},
               {72, 708, 10, "typography in the running heads of long"},
               {72, 696, 10, "documents\", and decides to end."}};
    return unres_test::make_pdf({p1, p2});
}
}  // namespace

TEST_CASE("pdf: a running head is one block, and the body may quote the title", "[pdf]") {
    const std::string bytes = running_head_pdf();
    auto ex = unres::readers::pdf::extract(bytes);
    std::vector<std::string> head;
    for (const auto& l : ex.lines)
        if (l.page == 1 && l.zone == Zone::Header) head.push_back(l.text);
    // the title's two lines are on no other page: the symbol line below them makes them the head
    CHECK(head == std::vector<std::string>{"Protection of typography in the running heads", "of long documents", "A/C.3/80/L.98"});
    auto doc = unres::parse(unres::load_source("head.pdf", bytes));
    CHECK(doc.meta.title.value == "Protection of typography in the running heads of long documents");
    REQUIRE(doc.operative.size() == 2);
    // the quoted title's middle line is body text, not a running title
    CHECK(doc.operative[1].text == "Requests a study entitled \"Protection of typography in the running heads of long "
                                   "documents\", and decides to end.");
}
TEST_CASE("pdf: a paragraph number without its full stop is a real fault of the file (A/C.6/80/L.16)", "[pdf]") {
    // The draft A/C.6/80/L.16 (and A/RES/80/167 adopted from it) sets "6    Also reaffirms":
    // the number has no full stop (here as paragraph 2).  The PDF shows where the paragraph starts (first-line indent,
    // paragraph space); the text is kept and the check reports the numbering there.
    unres_test::PdfPage p;
    p.runs = {{72, 720, 14, "General Assembly"}, {72, 700, 10, "Ruritania: draft resolution"},
              {96, 660, 10, "The General Assembly,", true}, {96, 642, 10, "Recalling", true},
              {140, 642, 10, "its resolution 79/1,"},
              {96, 624, 10, "1."}, {120, 624, 10, "Reaffirms", true}, {164, 624, 10, "the role of the General Assembly;"},
              {96, 606, 10, "2"}, {120, 606, 10, "Also reaffirms", true}, {184, 606, 10, "the important role of the"},
              {72, 594, 10, "International Law Commission;"},
              {96, 576, 10, "3."}, {120, 576, 10, "Further reaffirms", true}, {196, 576, 10, "the rule of law."}};
    const std::string bytes = unres_test::make_pdf({p});
    auto ex = unres::readers::pdf::extract(bytes);
    auto at = [&](std::string_view prefix) {
        auto it = std::find_if(ex.lines.begin(), ex.lines.end(), [&](const auto& l) { return l.text.rfind(prefix, 0) == 0; });
        REQUIRE(it != ex.lines.end());
        return *it;
    };
    const auto five = at("1. Reaffirms"), six = at("2 Also reaffirms"), seven = at("3. Further");
    CHECK(six.indent == five.indent);
    CHECK(six.space_before);
    CHECK(at("International Law").indent < six.indent);
    auto doc = unres::parse(unres::load_source("l16.pdf", bytes));
    std::string all;
    for (const auto& para : doc.operative) all += para.text + "\n";
    CHECK(all.find("Also reaffirms the important role of the International Law Commission;") != std::string::npos);
    const std::string dir = unres_test::scratch("pdf-l16");
    unres_test::write_file(dir + "/l16.pdf", bytes);
    auto r = unres_test::run("check '" + dir + "/l16.pdf'");
    bool located = false;
    for (int line = six.line_on_page; line <= seven.line_on_page; ++line)
        located = located || r.err.find("l16.pdf:p1:" + std::to_string(line) + ":") != std::string::npos;
    CHECK(located);
}

namespace {
/// Lines of running text, each `chars` characters wide at Times 10 pt ("w1 w2 ..." words).
std::vector<std::string> flow(const std::string& tag, int lines) {
    std::vector<std::string> out;
    for (int i = 1; i <= lines; ++i)
        out.push_back(tag + std::to_string(i) + " the members of the Committee were present in");
    return out;
}
}  // namespace

TEST_CASE("pdf: a page set in two columns reads the left column before the right", "[pdf]") {
    unres_test::PdfPage p;
    p.runs.push_back({72, 740, 10, "List of the members of the Committee in two columns, as printed on this page of the annex"});
    auto left = flow("left", 8), right = flow("right", 8);
    for (int i = 0; i < 8; ++i) {
        p.runs.push_back({72, 710.0 - 12 * i, 10, left[i]});
        p.runs.push_back({320, 710.0 - 12 * i, 10, right[i]});
    }
    p.runs.push_back({72, 600, 10, "A closing line that spans the whole width of the page below both columns, as text does"});
    auto ex = unres::readers::pdf::extract(unres_test::make_pdf({p}));
    std::vector<std::string> got;
    for (const auto& l : ex.lines) got.push_back(l.text);
    std::vector<std::string> want{p.runs[0].text};
    for (auto& t : left) want.push_back(t);
    for (auto& t : right) want.push_back(t);
    want.push_back(p.runs.back().text);
    CHECK(got == want);
    // the right column's lines are measured from their own column: no indent, one margin
    for (const auto& l : ex.lines) CHECK(l.indent == 0);
    for (std::size_t i = 1; i < ex.lines.size(); ++i) CHECK(ex.lines[i].line_on_page == ex.lines[i - 1].line_on_page + 1);
}

TEST_CASE("pdf: paragraphs flow from the left column into the right one", "[pdf]") {
    unres_test::PdfPage p;
    p.runs = {{72, 740, 14, "General Assembly"}, {72, 720, 10, "Ruritania: draft resolution"},
              {72, 700, 12, "Protection of typography in columns"}};
    // first-line indents of 12 pt; a gutter of about two font sizes
    const char* left[] = {"The General Assembly,", "Recalling its resolution 79/1 on the matter",
                          "of typography and of the columns of text,", "1. Decides to keep the columns of text in",
                          "the order in which they are read by all", "2. Requests the Secretary-General to report"};
    const double lx[] = {84, 84, 72, 84, 72, 84};
    const char* right[] = {"on the columns of text and on the tables", "of the annexes to the present resolution;",
                           "3. Decides to remain seized of the matter", "of typography in its later sessions.",
                           "and of the footnotes, as they stand;", "4. Decides to end the matter of columns."};
    const double rx[] = {290, 290, 302, 290, 290, 302};
    for (int i = 0; i < 6; ++i) {
        p.runs.push_back({lx[i], 670.0 - 12 * i, 10, left[i], i == 0});
        p.runs.push_back({rx[i], 670.0 - 12 * i, 10, right[i]});
    }
    const std::string bytes = unres_test::make_pdf({p});
    auto ex = unres::readers::pdf::extract(bytes);
    REQUIRE(ex.lines.size() == 15);
    // the right column's lines come after the left one's, indented from their own column's edge
    CHECK(ex.lines[8].text == left[5]);
    CHECK(ex.lines[9].text == right[0]);
    CHECK(ex.lines[9].indent == ex.lines[5].indent);  // continuation lines: at the margin
    CHECK(ex.lines[11].indent == ex.lines[6].indent);  // "3. Decides": first-line indent, as "1. Decides"
    CHECK(ex.lines[11].indent > ex.lines[9].indent);
    auto doc = unres::parse(unres::load_source("columns.pdf", bytes));
    REQUIRE(doc.preamble.size() == 1);
    CHECK(doc.preamble[0].text == "Recalling its resolution 79/1 on the matter of typography and of the columns of text,");
    REQUIRE(doc.operative.size() == 4);
    CHECK(doc.operative[0].text == "Decides to keep the columns of text in the order in which they are read by all");
    CHECK(doc.operative[1].text ==
          "Requests the Secretary-General to report on the columns of text and on the tables of the annexes to the present resolution;");
    CHECK(doc.operative[2].num == "3");
    CHECK(doc.operative[3].num == "4");
}

TEST_CASE("pdf: a table keeps its rows, cells left to right; short lines side by side are not columns", "[pdf]") {
    unres_test::PdfPage p;
    const char* rows[][3] = {{"Action", "Title of post", "Level"},       {"New post", "Information Officer", "P-4"},
                             {"New post", "Benefits Assistant", "GS"},   {"Reclassification", "Finance Officer", "P-5"},
                             {"Reclassification", "Legal Officer", "P-3"}, {"Redeployment", "Budget Assistant", "GS"},
                             {"New post", "Statistician", "P-2"}};
    for (int i = 0; i < 7; ++i)
        for (int c = 0; c < 3; ++c) p.runs.push_back({72.0 + 160 * c, 700.0 - 14 * i, 10, rows[i][c]});
    // a two-sided header of short lines (as on a first page) is not two columns either
    for (int i = 0; i < 6; ++i) {
        p.runs.push_back({72, 560.0 - 12 * i, 10, "Item " + std::to_string(i + 1)});
        p.runs.push_back({400, 560.0 - 12 * i, 10, "Date " + std::to_string(i + 1)});
    }
    auto ex = unres::readers::pdf::extract(unres_test::make_pdf({p}));
    REQUIRE(ex.lines.size() == 13);
    CHECK(ex.lines[0].text == "Action   Title of post   Level");
    CHECK(ex.lines[0].gaps.size() == 2);
    CHECK(ex.lines[3].text == "Reclassification   Finance Officer   P-5");
    CHECK(ex.lines[7].text == "Item 1   Date 1");
    for (const auto& l : ex.lines) CHECK(l.column_dx == 0);
}

TEST_CASE("pdf: \"Resolves that:\" opens the operative part as its unnumbered first paragraph (A/RES/80/246)", "[pdf]") {
    unres_test::PdfPage p;
    p.runs = {{72, 720, 14, "General Assembly"}, {72, 700, 10, "Ruritania: draft resolution"},
              {72, 680, 12, "Working Capital Fund for 2026"},
              {96, 660, 10, "The General Assembly", true}, {96, 642, 10, "Resolves that:", true},
              {96, 624, 10, "1."}, {120, 624, 10, "The Fund shall be established for 2026;"},
              {96, 606, 10, "2."}, {120, 606, 10, "Member States shall make advances to the Fund."}};
    auto doc = unres::parse(unres::load_source("wcf.pdf", unres_test::make_pdf({p})));
    CHECK(doc.preamble.empty());
    REQUIRE(doc.operative.size() == 3);
    CHECK(doc.operative[0].text == "Resolves that:");
    CHECK(doc.operative[0].num.empty());
    CHECK(doc.operative[1].num == "1");
    CHECK(doc.operative[2].num == "2");
}

TEST_CASE("pdf: a table cell wrapped over lines is read whole, in its row", "[pdf]") {
    unres_test::PdfPage p;
    auto row = [&](double y, const char* a, const char* b, const char* c) {
        p.runs.push_back({72, y, 8.5, a});
        p.runs.push_back({232, y, 8.5, b});
        p.runs.push_back({432, y, 8.5, c});
    };
    row(700, "Action", "Title of post", "Level");
    row(680, "Redeployment from", "Contracts Officer", "P-3");
    p.runs.push_back({72, 670, 8.5, "Contracts Unit to"});
    p.runs.push_back({72, 660, 8.5, "Sourcing Unit"});
    row(640, "New post", "Legal Officer", "P-2");
    p.runs.push_back({72, 600, 10, "The General Assembly takes note of the table above."});
    auto ex = unres::readers::pdf::extract(unres_test::make_pdf({p}));
    std::vector<std::string> got;
    for (const auto& l : ex.lines) got.push_back(l.text);
    CHECK(got == std::vector<std::string>{"Action   Title of post   Level",
                                          "Redeployment from Contracts Unit to Sourcing Unit   Contracts Officer   P-3",
                                          "New post   Legal Officer   P-2", "The General Assembly takes note of the table above."});
    CHECK(ex.lines[1].gaps.size() == 2);
}

TEST_CASE("pdf: asterisks glued to the symbol and the sponsors are the reissue and sponsor notes' marks", "[pdf]") {
    // as in A/C.1/80/L.42* and A/C.3/80/L.29*: the reissued draft's symbol carries "*", the
    // sponsor line "**", both set at the text's size; the job number under the notes is furniture
    unres_test::PdfPage p;
    p.runs = {{72, 740, 20, "United Nations"}, {400, 740, 20, "A/C.1/80/L.42*"},
              {72, 710, 20, "General Assembly"}, {400, 710, 10, "Distr.: Limited"}, {400, 698, 10, "15 October 2025"},
              {72, 660, 10, "Eightieth session"}, {72, 648, 10, "First Committee"},
              {72, 620, 10, "Peru:** draft resolution"},
              {72, 596, 12, "Protection of typography in reissued drafts"},
              {96, 572, 10, "The General Assembly,", true}, {96, 554, 10, "Recalling", true},
              {140, 554, 10, "its resolution 79/1,"}, {96, 536, 10, "1."}, {120, 536, 10, "Decides", true},
              {157, 536, 10, "to remain seized of the matter."},
              {82, 160, 8.5, "______________"}, {82, 146, 8.5, "* Reissued for technical reasons on 4 November 2025."},
              {82, 135, 8.5, "** On behalf of the Group of Latin American and Caribbean States."},
              {72, 60, 10, "25-16698* (E) 051125"}};
    const std::string bytes = unres_test::make_pdf({p});
    auto ex = unres::readers::pdf::extract(bytes);
    auto it = std::find_if(ex.lines.begin(), ex.lines.end(), [](const auto& l) { return l.text.rfind("25-16698", 0) == 0; });
    REQUIRE(it != ex.lines.end());
    CHECK(it->zone == Zone::Footer);
    auto doc = unres::parse(unres::load_source("reissued.pdf", bytes));
    CHECK(doc.meta.symbol.value == "A/C.1/80/L.42");
    REQUIRE(doc.meta.sponsors.size() == 1);
    CHECK(doc.meta.sponsors[0].value == "Peru");
    CHECK(doc.meta.title.value == "Protection of typography in reissued drafts");
    REQUIRE(doc.footnotes.size() == 2);
    CHECK(doc.footnotes[0].num == "*");
    CHECK(doc.footnotes[0].text == "Reissued for technical reasons on 4 November 2025.");
    CHECK(doc.footnotes[1].num == "**");
}

namespace {
/// The CLI with `env` set (VAR=value ...): exit code, stdout, stderr.
unres_test::RunResult run_with_env(const std::string& env, const std::string& args) {
    std::string dir = unres_test::scratch("run-env");
    std::string o = dir + "/out", e = dir + "/err";
    std::string cmd = env + " '" + unres_test::unres_binary() + "' " + args + " </dev/null >'" + o + "' 2>'" + e + "'";
    int rc = std::system(cmd.c_str());
    return {WIFEXITED(rc) ? WEXITSTATUS(rc) : 128, unres_test::read_file(o), unres_test::read_file(e)};
}
}  // namespace

TEST_CASE("pdf: the PDF module is loaded only for a PDF; without it a PDF exits 2 naming it", "[pdf]") {
    // poppler is in the module (libunres-pdf.so), not linked to the executable; a start-up loads neither
    auto v = run_with_env("LD_DEBUG=libs", "--version");
    CHECK(v.code == 0);
    CHECK(v.err.find("calling init") != std::string::npos);  // LD_DEBUG is honoured here
    CHECK(v.err.find("poppler") == std::string::npos);
    CHECK(v.err.find("libunres-pdf") == std::string::npos);
    CHECK(v.err.find("libzip") == std::string::npos);  // nor libzip (src/readers/libzip.cpp), opened for a .docx

    const std::string f = unres_test::source_dir() + kSample;
    auto missing = run_with_env("UNRES_PDF_MODULE=/nonexistent/libunres-pdf.so", "convert '" + f + "' --to akn");
    CHECK(missing.code == 2);
    CHECK(missing.out.empty());
    CHECK(missing.err == "unres: " + f + ": input is a PDF file, but unres cannot load its PDF reader module "
                         "libunres-pdf.so (/nonexistent/libunres-pdf.so: cannot open shared object file: No such "
                         "file or directory)\n");
    // a shared object that is not the module: the symbol it lacks is named
    auto other = run_with_env("UNRES_PDF_MODULE=libm.so.6", "check '" + f + "'");
    CHECK(other.code == 2);
    CHECK(other.out.empty());
    CHECK(other.err.find("cannot load its PDF reader module libunres-pdf.so (") != std::string::npos);
    CHECK(other.err.find("unres_pdf_module_abi") != std::string::npos);
    // a module from another build of unres (tests/unit/fake/): refused before its entry point is called
    auto foreign = run_with_env(std::string("UNRES_PDF_MODULE='") + UNRES_OTHER_PDF_MODULE + "'", "check '" + f + "'");
    CHECK(foreign.code == 2);
    CHECK(foreign.out.empty());
    CHECK(foreign.err.find(std::string(UNRES_OTHER_PDF_MODULE) + " comes from another build: unres 0.0.0 pdf-module 0") !=
          std::string::npos);
    // a text input does not need it
    auto text = run_with_env("UNRES_PDF_MODULE=/nonexistent/libunres-pdf.so",
                             "check '" + unres_test::source_dir() + "/samples/A_C.3_78_L.52_Rev.1.md'");
    CHECK(text.code <= 1);
    CHECK(text.err.find("PDF reader module") == std::string::npos);
}

#else
TEST_CASE("pdf: a build without PDF support says so", "[pdf]") {
    CHECK_THROWS_WITH(unres::load_source("a.pdf", unres_test::make_draft_pdf()),
                      Catch::Contains("built without PDF support"));
}
#endif
