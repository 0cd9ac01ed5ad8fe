// `unres fix`: a scripted drafting session on the sample, the byte-for-byte guarantee,
// --diff and --check, unres.json discovery and overrides, atomic writes, encodings,
// and the library pieces (compute_fixes, apply_edits, unified_diff).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "support.hpp"
#include "unres/fix.hpp"
#include "unres/label.hpp"
#include "unres/validate.hpp"
#include "unres/parse.hpp"

namespace fs = std::filesystem;
using unres_test::read_file;
using unres_test::run;
using unres_test::write_file;

namespace {

std::string q(const std::string& s) { return "'" + s + "'"; }
std::string sample_text() { return read_file(unres_test::source_dir() + "/samples/A_C.3_78_L.52_Rev.1.md"); }

std::string fresh_dir(const std::string& name) {
    std::string d = unres_test::scratch("fix-" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i <= s.size()) {
        std::size_t j = s.find('\n', i);
        if (j == std::string::npos) j = s.size();
        out.push_back(s.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

bool has_line(const std::string& text, const std::string& line) {
    auto ls = lines_of(text);
    return std::find(ls.begin(), ls.end(), line) != ls.end();
}

bool has_line_starting(const std::string& text, const std::string& prefix) {
    for (const std::string& l : lines_of(text))
        if (l.rfind(prefix, 0) == 0) return true;
    return false;
}

/// Replaces the line starting with `prefix` (exactly one) through `edit`.
template <class F>
void edit_line(std::vector<std::string>& ls, const std::string& prefix, F edit) {
    auto n = std::count_if(ls.begin(), ls.end(), [&](const std::string& l) { return l.rfind(prefix, 0) == 0; });
    REQUIRE(n == 1);
    for (std::string& l : ls)
        if (l.rfind(prefix, 0) == 0) edit(l);
}

void replace_once(std::string& s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
}

std::string join(const std::vector<std::string>& ls) {
    std::string out;
    for (std::size_t i = 0; i < ls.size(); ++i) out += (i ? "\n" : "") + ls[i];
    return out;
}

/// The sample after a drafting session: a paragraph inserted before paragraph 8 with
/// the number it is meant to take, sub-paragraph 4 (c) deleted, footnote 33 deleted
/// (mark and body), the mark of footnote 36 deleted (its body left), and
/// cross-references written against the old numbers ("paragraph 8" is the old 8, the
/// last of the two paragraphs numbered 8).
std::string drafted_sample() {
    std::vector<std::string> ls = lines_of(sample_text());
    std::vector<std::string> out;
    for (const std::string& l : ls) {
        if (l.rfind("- 8. Urges States parties", 0) == 0)
            out.push_back("- 8. Decides to review the implementation of paragraph 7 above, paragraphs 9 and 10 below "
                          "and subparagraph (e) of paragraph 4 above;");
        if (l.rfind("- (c) Expresses concern about legislation", 0) == 0) continue;
        if (l == "<sup>33</sup> A/HRC/15/29.") continue;
        out.push_back(l);
    }
    edit_line(out, "- 7. Encourages States", [](std::string& l) { replace_once(l, "<sup>33</sup>", ""); });
    edit_line(out, "- 30. Takes note of the report", [](std::string& l) {
        replace_once(l, "migrants;<sup>36</sup>",
                     "migrants, as requested in paragraph 32 below and in line with paragraphs 8 and 29 above;");
    });
    return join(out);
}

/// A line with its label-like tokens blanked: every digit run and every "(letters)".
std::string skeleton(const std::string& line) {
    static const std::regex digits("[0-9]+"), paren_letters("\\([a-z]+\\)");
    return std::regex_replace(std::regex_replace(line, digits, "#"), paren_letters, "(#)");
}

std::string shell(const std::string& cmd) {
    int rc = std::system(cmd.c_str());
    return std::to_string(WIFEXITED(rc) ? WEXITSTATUS(rc) : 128);
}

}  // namespace

TEST_CASE("fix leaves the sample as it is", "[fix]") {
    std::string d = fresh_dir("pristine");
    std::string f = d + "/draft.md";
    write_file(f, sample_text());
    auto c = run("fix --check " + q(f));
    CHECK(c.code == 0);
    auto df = run("fix --diff " + q(f));
    CHECK(df.code == 0);
    CHECK(df.out.empty());
    auto r = run("fix " + q(f));
    CHECK(r.code == 0);
    CHECK(read_file(f) == sample_text());
}

TEST_CASE("a drafting session: insert a paragraph, delete a sub-paragraph and footnotes; fix repairs it", "[fix]") {
    std::string d = fresh_dir("session");
    std::string f = d + "/draft.md";
    const std::string drafted = drafted_sample();
    write_file(f, drafted);

    // unres check reports each problem where it is.
    auto line_of = [](const std::string& text, const std::string& needle) {
        std::size_t at = text.find(needle);
        REQUIRE(at != std::string::npos);
        return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    };
    auto before = run("check --color never " + q(f));
    CHECK(before.code == 1);
    // "PATH:LINE:COL: error: MESSAGE [RULE]" lines
    auto has_diag = [&](const std::string& out, const std::string& rule, int line) {
        std::string head = f + ":" + std::to_string(line) + ":";
        for (const std::string& l : lines_of(out))
            if (l.rfind(head, 0) == 0 && l.find(": error: ") != std::string::npos && l.find("[" + rule + "]") != std::string::npos)
                return true;
        return false;
    };
    // the old paragraph 8 now repeats the inserted 8
    CHECK(has_diag(before.err, "UNR102", line_of(drafted, "- 8. Urges States parties")));
    // paragraph 4: (c) deleted, so (d) follows (b)
    CHECK(has_diag(before.err, "UNR104", line_of(drafted, "- (d) Calls upon States to ensure")));
    // footnote 33's mark and body deleted: 34 follows 32
    CHECK(before.err.find("[UNR204]") != std::string::npos);

    // --check and --diff say what would change and change nothing.
    auto chk = run("fix --check " + q(f));
    CHECK(chk.code == 1);
    CHECK(chk.out.empty());
    CHECK(chk.err.find("would fix") != std::string::npos);
    CHECK(read_file(f) == drafted);

    auto df = run("fix --diff " + q(f));
    CHECK(df.code == 0);
    CHECK(read_file(f) == drafted);
    CHECK(df.out.rfind("--- " + f + "\n+++ " + f + "\n@@ -", 0) == 0);
    CHECK(df.out.find("\n-- 8. Urges States parties") != std::string::npos);
    CHECK(df.out.find("\n+- 9. Urges States parties") != std::string::npos);
    CHECK(df.out.find("\n-  - 33. Decides to remain seized of the matter.") != std::string::npos);
    CHECK(df.out.find("\n+  - 34. Decides to remain seized of the matter.") != std::string::npos);
    auto both = run("fix --check --diff " + q(f));
    CHECK(both.code == 1);
    CHECK(both.out == df.out);

    // The fix.
    auto r = run("fix " + q(f));
    REQUIRE(r.code == 0);
    const std::string fixed = read_file(f);
    REQUIRE(fixed != drafted);

    // Numbering: 1..34 in order, the inserted paragraph is 8, the last is 34.
    int expect = 1;
    for (const std::string& l : lines_of(fixed)) {
        std::smatch m;
        static const std::regex op("^ *- ([0-9]+)\\. ");
        if (std::regex_search(l, m, op)) {
            CHECK(std::stoi(m[1]) == expect);
            ++expect;
        }
    }
    CHECK(expect == 35);
    CHECK(has_line(fixed, "- 8. Decides to review the implementation of paragraph 7 above, paragraphs 10 and 11 below "
                          "and subparagraph (d) of paragraph 4 above;"));
    CHECK(has_line_starting(fixed, "- 9. Urges States parties"));
    CHECK(has_line(fixed, "  - 34. Decides to remain seized of the matter."));
    CHECK(has_line_starting(fixed, "- 31. Takes note of the report of the Secretary-General on the human rights of "
                                   "migrants, as requested in paragraph 33 below and in line with paragraphs 9 and 30 above;"));

    // Lettering of paragraph 4: (c) was deleted, (d)..(f) become (c)..(e).
    CHECK(has_line_starting(fixed, "- (c) Calls upon States to ensure that their laws and policies"));
    CHECK(has_line_starting(fixed, "- (d) Calls upon States that have not done so"));
    CHECK(has_line_starting(fixed, "- (e) Takes note of the reports of the Committee"));
    // Paragraph 5 keeps its own (a)..(p).
    CHECK(has_line_starting(fixed, "- (p) Recalls that the Universal Declaration"));

    // Footnotes: 33 is gone, 34 and 35 move up; 36 lost its mark, its body keeps its
    // place in the sequence (35) for a person to delete; 37 becomes 36.
    CHECK(fixed.find("Migration,<sup>33</sup> including through financial") != std::string::npos);
    CHECK(has_line(fixed, "<sup>33</sup> Resolution 73/195, annex."));
    CHECK(fixed.find("Review Forum,<sup>34</sup> inter alia") != std::string::npos);
    CHECK(has_line(fixed, "34 Resolution 76/266, annex."));
    CHECK(has_line(fixed, "<sup>&</sup>lt;sup>35</sup> See A/78/203."));
    CHECK(fixed.find("seventy-eighth sessions;<sup>36</sup>") != std::string::npos);
    CHECK(has_line(fixed, "<sup>&</sup>lt;sup>36</sup> A/77/189 and A/78/180."));
    // Footnotes before the edits are untouched (1..32).
    CHECK(has_line(fixed, "<sup>&</sup>lt;sup>6</sup> Resolution 217 A (III)."));
    CHECK(has_line(fixed, "<sup>&</sup>lt;sup>32</sup> Ibid., vol. 320, No. 4648."));

    // Only labels changed: same lines, and every changed line differs only in its
    // digit runs and parenthesised letters.
    auto a = lines_of(drafted), b = lines_of(fixed);
    REQUIRE(a.size() == b.size());
    std::size_t changed = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == b[i]) continue;
        ++changed;
        INFO("line " << i + 1 << "\n- " << a[i] << "\n+ " << b[i]);
        CHECK(skeleton(a[i]) == skeleton(b[i]));
    }
    // 26 paragraph labels (old 8..33), 3 sub-paragraph labels, the inserted paragraph's
    // references, and the bodies of footnotes 34, 35, 36 and 37.
    CHECK(changed == 26 + 3 + 1 + 4);

    // After the fix, check finds no error; what is left needs a person: footnote 35 (the old
    // 36) whose mark was deleted, and the sample's own warnings.
    auto after = run("check --color never " + q(f));
    CHECK(after.code == 0);
    CHECK(after.err.find(": error: ") == std::string::npos);
    CHECK(after.err.find("footnote 35 has no mark") != std::string::npos);

    // A second run has nothing left to do.
    auto again = run("fix --check " + q(f));
    CHECK(again.code == 0);
    CHECK(run("fix --diff " + q(f)).out.empty());
}

TEST_CASE("a drafting session: a referenced paragraph is deleted; fix renumbers, the reference stays reported", "[fix]") {
    std::string d = fresh_dir("dangling");
    std::string f = d + "/draft.md";
    // Paragraph 30 refers to paragraphs 22 and 25; then the drafter deletes paragraph 22.
    std::vector<std::string> out;
    for (const std::string& l : lines_of(sample_text()))
        if (l.rfind("- 22. Calls upon States to ensure that migrants", 0) != 0) out.push_back(l);
    REQUIRE(out.size() + 1 == lines_of(sample_text()).size());
    edit_line(out, "- 30. Takes note of the report", [](std::string& l) {
        replace_once(l, "migrants;<sup>36</sup>", "migrants, in line with paragraphs 22 and 25 above;<sup>36</sup>");
    });
    const std::string drafted = join(out);
    write_file(f, drafted);

    auto before = run("check --color never " + q(f));
    CHECK(before.code == 1);
    CHECK(before.err.find("\"paragraphs 22 and 25 above\": there is no paragraph 22 [UNR401]") != std::string::npos);

    // fix renumbers 23..33 to 22..32, follows 25 to 24, and marks the reference to the deleted
    // paragraph so that it names no other one; it says so.
    auto r = run("fix " + q(f));
    REQUIRE(r.code == 0);
    CHECK(r.err.find("warning: the reference to paragraph 22 points to a paragraph that no longer exists") != std::string::npos);
    const std::string fixed = read_file(f);
    CHECK(has_line_starting(fixed, "- 22. Encourages States to strengthen cooperation"));
    CHECK(has_line(fixed, "  - 32. Decides to remain seized of the matter."));
    CHECK(has_line_starting(fixed, "- 29. Takes note of the report of the Secretary-General on the human rights of migrants, "
                                   "in line with paragraphs [deleted 22] and 24 above;"));

    // check after the fix still reports the dangling reference, as an error naming it.
    auto after = run("check --color never " + q(f));
    CHECK(after.code == 1);
    CHECK(after.err.find("\"paragraphs [deleted 22] and 24 above\": paragraph 22 was deleted") != std::string::npos);
    CHECK(after.err.find("[UNR101]") == std::string::npos);  // the numbering itself is right again
    // And a second fix has nothing left to do.
    CHECK(run("fix --check " + q(f)).code == 0);
}

TEST_CASE("fix acts only on what the reader is sure of", "[fix]") {
    const std::string head = "The General Assembly,\n\nRecalling its resolutions,\n\n";
    auto plan = [](const std::string& text, auto&& flag) {
        unres::SourceFile src = unres::SourceFile::from_bytes("t.txt", text);
        unres::Document doc = unres::parse(src);
        flag(doc);
        unres::FixPlan p = unres::plan_fixes(doc, src);
        return std::make_pair(unres::apply_edits(src.text(), p.edits), p.notes);
    };
    auto none = [](unres::Document&) {};
    // A gap (3 after 1): renumbered when the reader is sure of the structure.
    const std::string gap = head + "1. Decides one;\n\n3. Decides two;\n\n4. Decides three.\n";
    {
        auto [text, notes] = plan(gap, none);
        CHECK(text.find("\n2. Decides two;\n\n3. Decides three.") != std::string::npos);
        CHECK(notes.empty());
    }
    struct FlagCase {
        const char* name;
        void (*set)(unres::Document&);
        const char* why;
    };
    const FlagCase cases[] = {
        {"recovered number", [](unres::Document& d) { d.operative[1].num_inferred = true; }, "recovered from its neighbours"},
        {"guessed boundary", [](unres::Document& d) { d.operative[1].boundary_guessed = true; }, "was guessed"},
        {"malformed label", [](unres::Document& d) { d.operative[2].label_malformed = true; }, "is malformed"},
    };
    for (const FlagCase& c : cases) {
        INFO(c.name);
        unres::Document probe = unres::parse(unres::SourceFile::from_bytes("t.txt", gap));
        REQUIRE(probe.operative.size() == 3);
        auto [text, notes] = plan(gap, c.set);
        CHECK(text == gap);
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].severity == unres::Severity::Note);
        CHECK(notes[0].message.find("not renumbered: ") == 0);
        CHECK(notes[0].message.find(c.why) != std::string::npos);
    }
    SECTION("a number glued into the text before a gap: 'law; 6 Also reaffirms'") {
        // (on a line of its own, "3" is read as paragraph 3's malformed label: test_stage_tree)
        std::string t = head + "1. Decides one;\n\n2. Reaffirms its obligations under international law; 3 "
                               "Also reaffirms the role of the Commission;\n\n4. Decides three.\n";
        auto [text, notes] = plan(t, none);
        CHECK(text == t);
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].message.find("paragraph 3 may be inside the text before it") != std::string::npos);
    }
    SECTION("lists: a flagged label, an inline enumeration, several lists read as one") {
        const std::string list = head + "1. Decides:\n\n(a) To act;\n\n(c) To report.\n";
        auto [plain, plain_notes] = plan(list, none);
        CHECK(plain.find("\n(b) To report.") != std::string::npos);
        auto [flagged, flagged_notes] = plan(list, [](unres::Document& d) { d.operative[0].children[1].label_inline = true; });
        CHECK(flagged == list);
        REQUIRE(flagged_notes.size() == 1);
        CHECK(flagged_notes[0].message.find("stands inside running text") != std::string::npos);

        std::string inl = head + "1. Calls for initiatives to: (a) focus on impact; (b) promote ownership; (c) give due\n"
                                 "consideration to frameworks;\n(d) ensure additionality; (e) share risks.\n";
        auto [inl_text, inl_notes] = plan(inl, none);
        CHECK(inl_text == inl);
        auto [two, two_notes] = plan(head + "1. Decides:\n\n(a) One;\n\n(b) Two;\n\n(a) Three;\n\n(b) Four.\n", none);
        CHECK(two.find("(c) Three") == std::string::npos);
        CHECK(two.find("(d) Four") == std::string::npos);
        // The same mechanism on a tree that says so: a list whose third item is "(a)" again.
        auto [merged, merged_notes] = plan(head + "1. Decides:\n\n(a) One;\n\n(b) Two;\n\n(c) Three.\n",
                                           [](unres::Document& d) { d.operative[0].children[2].num = "a"; });
        REQUIRE(merged_notes.size() == 1);
        CHECK(merged_notes[0].message.find("the list restarts at") != std::string::npos);
    }
    SECTION("footnotes: a bare digit out of order is not a sure mark") {
        std::string t = head + "1. Decides<sup>2</sup> one;\n\n2. Decides two.\n\n<sup>2</sup> A/1.\n";
        auto [text, notes] = plan(t, none);
        CHECK(text.find("Decides<sup>1</sup> one") != std::string::npos);  // sure: renumbered
        auto [kept, kept_notes] = plan(t, [](unres::Document& d) {
            for (unres::Mark& m : d.operative[0].marks) m.inferred = true;
            d.footnotes.clear();  // a bare digit with no body
        });
        CHECK(kept == t);
        REQUIRE(kept_notes.size() == 1);
        CHECK(kept_notes[0].message.find("footnotes not renumbered") == 0);
    }
}

TEST_CASE("fix --check wants no change on any untouched text of the test corpus", "[fix][corpus]") {
    // Every text and markdown file of tests/corpus (tests/corpus/devset: the texts on which fix
    // used to go wrong) and samples/: real documents nobody edited, so any change fix wants
    // is a false one.
    const std::string src = unres_test::source_dir();
    auto r = run("fix --check " + q(src + "/tests/corpus") + " " + q(src + "/samples"));
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.err.find("would fix ") == std::string::npos);
    CHECK(r.err.find("0 files would be fixed") != std::string::npos);
    // A/RES/80/167's paragraph 6 has lost its full stop ("6" alone on line 126): the reader reads
    // it as paragraph 6 (label_malformed), so there is no gap that fix could be tempted to close.
    CHECK(r.err.find("A_RES_80_167.pdftotext.txt:126") == std::string::npos);
    // A/RES/80/127 paragraph 39 enumerates "(a) ...; (b) ..." in its text (one label begins a line):
    // the reader keeps it text, so fix has no list there to leave alone.
    CHECK(r.err.find("A_RES_80_127.pdftotext.txt:636") == std::string::npos);
}

TEST_CASE("fix: a list that would need letters past (zzzzz) is left alone, and check offers no fix for it", "[fix]") {
    // 131 items, (e) twice: relettered consecutively the last would be the 131st letter label,
    // and there is none (five letters at most; a list relettered that far grew quadratically)
    std::string text = "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides:\n\n";
    for (long v = 1; v <= unres::label::kMaxLetter; ++v) {
        text += "(" + unres::label::letter_label(v) + ") To act;\n\n";
        if (v == 5) text += "(e) To act again;\n\n";
    }
    text += "2. Requests a report.\n";
    unres::SourceFile src = unres::SourceFile::from_bytes("t.txt", text);
    unres::Document doc = unres::parse(src);
    REQUIRE(doc.operative.size() == 2);
    REQUIRE(doc.operative[0].children.size() == static_cast<std::size_t>(unres::label::kMaxLetter) + 1);
    bool reported = false;
    for (const unres::Diagnostic& d : unres::validate(doc, src)) {
        if (d.rule != "UNR105" && d.rule != "UNR106" && d.rule != "UNR102") continue;
        reported = true;
        INFO(d.rule << ": " << d.message);
        CHECK(!d.fix);
    }
    CHECK(reported);
    unres::FixPlan p = unres::plan_fixes(doc, src);
    CHECK(unres::apply_edits(src.text(), p.edits) == text);
}

TEST_CASE("fix: a roman list relabelled past (xxvii) reads back, every numeral a label", "[fix]") {
    // 40 items, (iii) twice: the numerals from (xxviii) on have six letters or more ("xxxviii"
    // seven); they are read as labels and written so that they read back
    std::string text = "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides:\n\n";
    for (long v = 1; v <= 40; ++v) {
        text += "(" + unres::label::roman_label(v) + ") To act;\n\n";
        if (v == 3) text += "(iii) To act again;\n\n";
    }
    text += "2. Requests a report.\n";
    unres::SourceFile src = unres::SourceFile::from_bytes("t.txt", text);
    unres::Document doc = unres::parse(src);
    REQUIRE(doc.operative.size() == 2);
    REQUIRE(doc.operative[0].children.size() == 41);
    unres::FixPlan p = unres::plan_fixes(doc, src);
    const std::string fixed = unres::apply_edits(src.text(), p.edits);
    CHECK(fixed.find("(xli) To act;") != std::string::npos);
    unres::SourceFile src2 = unres::SourceFile::from_bytes("t.txt", fixed);
    unres::Document doc2 = unres::parse(src2);
    REQUIRE(doc2.operative.size() == 2);
    const std::vector<unres::Para>& kids = doc2.operative[0].children;
    REQUIRE(kids.size() == 41);
    for (std::size_t i = 0; i < kids.size(); ++i) {
        CAPTURE(i, kids[i].label);
        CHECK(kids[i].kind == unres::LabelKind::Roman);
        CHECK(kids[i].num == unres::label::roman_label(static_cast<long>(i) + 1));
    }
    for (const unres::Diagnostic& d : unres::validate(doc2, src2)) {
        INFO(d.rule << ": " << d.message);
        CHECK((d.rule != "UNR102" && d.rule != "UNR105" && d.rule != "UNR106"));  // (i) for (a) is UNR109: no fix
    }
}

TEST_CASE("fix: footnotes without a mark are numbered after the greatest number below theirs", "[fix]") {
    auto fixed = [](const std::string& text) {
        unres::SourceFile src = unres::SourceFile::from_bytes("t.txt", text);
        unres::Document doc = unres::parse(src);
        return unres::apply_edits(src.text(), unres::plan_fixes(doc, src).edits);
    };
    const std::string head = "The General Assembly,\n\nRecalling its resolution 1,\n\n";
    // 2 after 1; the two 4s after 3, the later one first; 6 after them
    CHECK(fixed(head + "1. Decides one<sup>1</sup>;\n\n2. Decides two<sup>3</sup>;\n\n3. Decides three<sup>6</sup>;\n"
                       "__________________\n1 Note one.\n2 Note two.\n3 Note three.\n4 Note four A.\n4 Note four B.\n6 Note six.\n") ==
          head + "1. Decides one<sup>1</sup>;\n\n2. Decides two<sup>3</sup>;\n\n3. Decides three<sup>6</sup>;\n"
                 "__________________\n1 Note one.\n2 Note two.\n3 Note three.\n5 Note four A.\n4 Note four B.\n6 Note six.\n");
    // a note below every marked one comes first
    CHECK(fixed(head + "1. Decides one<sup>3</sup>;\n\n2. Decides two<sup>4</sup>;\n__________________\n1 Note first.\n"
                       "3 Note three.\n4 Note four.\n") ==
          head + "1. Decides one<sup>2</sup>;\n\n2. Decides two<sup>3</sup>;\n__________________\n1 Note first.\n"
                 "2 Note three.\n3 Note four.\n");
}

TEST_CASE("fix: standard input to standard output, and quiet", "[fix]") {
    std::string d = fresh_dir("stdin");
    std::string f = d + "/draft.md";
    write_file(f, drafted_sample());
    std::string g = d + "/draft2.md";
    write_file(g, drafted_sample());
    auto r = run("fix -", f);
    REQUIRE(r.code == 0);
    REQUIRE(run("fix -q " + q(g)).code == 0);
    CHECK(r.out == read_file(g));
    CHECK(read_file(f) == drafted_sample());  // the input file itself is not touched
    auto quiet = run("fix -q " + q(g));
    CHECK(quiet.err.empty());
    CHECK(run("fix --check -", f).code == 1);
    CHECK(run("fix --check -", g).code == 0);
}

TEST_CASE("fix keeps the file's encoding, byte-order mark and line ends", "[fix]") {
    std::string d = fresh_dir("encoding");
    const std::string drafted = drafted_sample();
    std::string ref = d + "/ref.md";
    write_file(ref, drafted);
    REQUIRE(run("fix -q " + q(ref)).code == 0);
    const std::string fixed = read_file(ref);

    SECTION("UTF-8 with BOM and CRLF") {
        auto crlf = [](const std::string& s) { return std::regex_replace(s, std::regex("\n"), "\r\n"); };
        std::string f = d + "/bom.md";
        write_file(f, "\xEF\xBB\xBF" + crlf(drafted));
        REQUIRE(run("fix " + q(f)).code == 0);
        CHECK(read_file(f) == "\xEF\xBB\xBF" + crlf(fixed));
    }
    SECTION("UTF-16LE with BOM is re-encoded as UTF-16LE") {
        auto utf16 = [](const std::string& s) {  // BMP only, which is all the sample uses
            std::string out = "\xFF\xFE";
            for (std::size_t i = 0; i < s.size();) {
                auto c = static_cast<unsigned char>(s[i]);
                std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : 3;
                unsigned cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : (c & 0x0Fu);
                for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
                i += len;
                out += static_cast<char>(cp & 0xFF);
                out += static_cast<char>(cp >> 8);
            }
            return out;
        };
        REQUIRE(std::none_of(drafted.begin(), drafted.end(),
                             [](char c) { return static_cast<unsigned char>(c) >= 0xF0; }));
        std::string f = d + "/u16.md";
        write_file(f, utf16(drafted));
        REQUIRE(run("fix " + q(f)).code == 0);
        CHECK(read_file(f) == utf16(fixed));
        // Without its byte-order mark (recognised by the NULs), it is written back without one.
        std::string g = d + "/u16-nobom.md";
        write_file(g, utf16(drafted).substr(2));
        REQUIRE(run("fix " + q(g)).code == 0);
        CHECK(read_file(g) == utf16(fixed).substr(2));
    }
    SECTION("Windows-1252 is written back as Windows-1252") {
        // "ô" is the byte F4 and the apostrophe "’" the byte 92: not UTF-8.
        auto cp1252 = [](std::string s) {
            replace_once(s, "Protection of migrants", "Protection of migrants in C\xF4te d\x92Ivoire");
            return s;
        };
        std::string f = d + "/cp1252.md";
        write_file(f, cp1252(drafted));
        auto c = run("check --select UNR9 " + q(f));
        CHECK(c.err.find("read as Windows-1252 [UNR904]") != std::string::npos);
        CHECK(c.err.find("[UNR901]") == std::string::npos);
        REQUIRE(run("fix " + q(f)).code == 0);
        CHECK(read_file(f) == cp1252(fixed));
    }
    SECTION("invalid UTF-8 is refused, the file untouched") {
        std::string f = d + "/bad.md";
        std::string bad = drafted;
        // A UTF-8 "é" and a byte that is not UTF-8: damaged UTF-8 (a file without any UTF-8
        // multi-byte sequence would be read as Windows-1252 instead).
        replace_once(bad, "Protection of migrants", "Protection of migrants \xC3\xA9 \xFF");
        write_file(f, bad);
        auto r = run("fix " + q(f));
        CHECK(r.code == 2);
        CHECK(r.err.find("UTF-8") != std::string::npos);
        CHECK(read_file(f) == bad);
    }
}

TEST_CASE("fix writes atomically: a failed write leaves the file as it was and no temporary", "[fix]") {
    std::string d = fresh_dir("atomic");
    std::string f = d + "/draft.md";
    write_file(f, drafted_sample());
    // A file-size limit makes write(2) fail with EFBIG once the temporary passes 1 block.
    std::string rc = shell("cd " + q(d) + " && (trap '' XFSZ; ulimit -f 1; exec " + q(unres_test::unres_binary()) +
                           " fix draft.md) >out.txt 2>err.txt");
    CHECK(rc == "2");
    CHECK(read_file(d + "/err.txt").find("cannot write") != std::string::npos);
    CHECK(read_file(f) == drafted_sample());
    std::vector<std::string> names;
    for (auto& e : fs::directory_iterator(d)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"draft.md", "err.txt", "out.txt"});
}

TEST_CASE("fix refuses Akoma Ntoso named on the command line, skips it in directories", "[fix]") {
    std::string d = fresh_dir("refuse");
    std::string x = d + "/doc.xml";
    REQUIRE(run("convert --to akn -o " + q(x) + " " + q(unres_test::source_dir() + "/samples/A_C.3_78_L.52_Rev.1.md"))
                .code == 0);
    const std::string xml = read_file(x);
    auto r = run("fix " + q(x));
    CHECK(r.code == 2);
    CHECK(r.err.find("fix works on text and markdown") != std::string::npos);
    CHECK(read_file(x) == xml);
    CHECK(run("fix --input-format akn " + q(x)).code == 2);
    // From a directory only text and markdown files are taken: the XML is skipped.
    write_file(d + "/draft.md", drafted_sample());
    auto dir = run("fix --check " + q(d));
    CHECK(dir.code == 1);
    CHECK(dir.err.find("doc.xml") == std::string::npos);
    REQUIRE(run("fix " + q(d)).code == 0);
    CHECK(run("fix --check " + q(d)).code == 0);
    CHECK(read_file(x) == xml);
    auto m = run("fix " + q(d + "/none.md"));
    CHECK(m.code == 2);
    CHECK(m.err.find("none.md") != std::string::npos);
}

TEST_CASE("unres.json: found by walking up, overridden by the command line", "[fix]") {
    std::string root = fresh_dir("config");
    std::string f = root + "/a/b/draft.md";
    const std::string drafted = drafted_sample();
    auto footnotes_fixed = [](const std::string& s) { return has_line(s, "34 Resolution 76/266, annex."); };
    auto numbering_fixed = [](const std::string& s) { return has_line_starting(s, "- 9. Urges States parties"); };
    auto refs_fixed = [](const std::string& s) { return s.find("paragraphs 10 and 11 below") != std::string::npos; };

    SECTION("a file two levels up is used") {
        write_file(root + "/unres.json", R"({"ignore": ["UNR2"]})");
        write_file(f, drafted);
        REQUIRE(run("fix " + q(f)).code == 0);
        std::string s = read_file(f);
        CHECK(numbering_fixed(s));
        CHECK(refs_fixed(s));
        CHECK_FALSE(footnotes_fixed(s));
    }
    SECTION("the nearest file wins") {
        write_file(root + "/unres.json", R"({"ignore": ["UNR2"]})");
        write_file(root + "/a/unres.json", R"({"severity": {"UNR4": "off"}})");
        write_file(f, drafted);
        REQUIRE(run("fix " + q(f)).code == 0);
        std::string s = read_file(f);
        CHECK(numbering_fixed(s));
        CHECK(footnotes_fixed(s));
        CHECK_FALSE(refs_fixed(s));
    }
    SECTION("--ignore on the command line replaces the file's list") {
        write_file(root + "/unres.json", R"({"ignore": ["UNR2"]})");
        write_file(f, drafted);
        REQUIRE(run("fix --ignore UNR1 " + q(f)).code == 0);
        std::string s = read_file(f);
        CHECK_FALSE(numbering_fixed(s));
        CHECK(footnotes_fixed(s));
    }
    SECTION("select") {
        write_file(root + "/unres.json", R"({"select": ["UNR201"]})");
        write_file(f, drafted);
        REQUIRE(run("fix " + q(f)).code == 0);
        std::string s = read_file(f);
        CHECK_FALSE(numbering_fixed(s));
        CHECK_FALSE(refs_fixed(s));
        CHECK(footnotes_fixed(s));
    }
}

TEST_CASE("unres.json steers check: select, severity, werror, overrides", "[fix]") {
    std::string root = fresh_dir("config-check");
    std::string f = root + "/sub/draft.md";
    // One invalid byte beside a valid "é": the UNR901 warning (invalid UTF-8), reported by every validate().
    std::string text = sample_text();
    replace_once(text, "Protection of migrants", "Protection of migrants \xC3\xA9 \xFF");
    write_file(f, text);
    auto check = [&](const std::string& extra) { return run("check --format json " + extra + q(f)); };
    // The rule's severity as the JSON report gives it (the "severity" key follows "rule").
    auto has_901 = [](const std::string& out, const char* sev) {
        std::size_t at = out.find("\"rule\": \"UNR901\"");
        return at != std::string::npos &&
               out.substr(at, 80).find(std::string("\"severity\": \"") + sev + "\"") != std::string::npos;
    };
    auto base = check("--select UNR901 ");
    INFO(base.out);
    REQUIRE(has_901(base.out, "warning"));
    CHECK(base.code == 0);

    SECTION("severity raises a rule to an error") {
        write_file(root + "/unres.json", R"({"select": ["UNR901"], "severity": {"UNR9": "note", "UNR901": "error"}})");
        auto r = check("");
        CHECK(r.code == 1);
        CHECK(has_901(r.out, "error"));
    }
    SECTION("werror in the file") {
        write_file(root + "/unres.json", R"({"select": ["UNR901"], "werror": true})");
        auto r = check("");
        CHECK(r.code == 1);
        CHECK(has_901(r.out, "error"));
    }
    SECTION("off drops the rule") {
        write_file(root + "/unres.json", R"({"select": ["UNR901"], "severity": {"UNR901": "off"}})");
        auto r = check("");
        CHECK(r.code == 0);
        CHECK(r.out.find("UNR901") == std::string::npos);
    }
    SECTION("--ignore replaces the file's ignore, --select its select") {
        write_file(root + "/unres.json", R"({"select": ["UNR901"], "ignore": ["UNR901"]})");
        CHECK(check("").out.find("UNR901") == std::string::npos);
        auto r = check("--ignore UNR1 ");
        CHECK(r.out.find("UNR901") != std::string::npos);
        write_file(root + "/unres.json", R"({"select": ["UNR1"]})");
        CHECK(check("").out.find("UNR901") == std::string::npos);
        CHECK(check("--select UNR9 ").out.find("UNR901") != std::string::npos);
    }
}

TEST_CASE("an invalid unres.json is exit 2 with a message naming the file and the problem", "[fix]") {
    std::string root = fresh_dir("config-bad");
    std::string f = root + "/draft.md";
    write_file(f, drafted_sample());
    struct Case {
        const char* json;
        const char* problem;
    };
    const Case cases[] = {
        {R"({"select": ["UNR1",]})", "invalid JSON"},
        {R"({"select": "UNR1"})", "\"select\" must be a list"},
        {R"({"selct": ["UNR1"]})", "unknown key \"selct\""},
        {R"({"severity": {"UNR301": "fatal"}})", "\"error\", \"warning\", \"note\" or \"off\""},
        {R"({"ignore": ["E501"]})", "not a rule id or prefix"},
        {R"({"werror": "yes"})", "\"werror\" must be true or false"},
        {R"(["UNR1"])", "must be a JSON object"},
        {R"({"select": ["UNR1"], "select": []})", "duplicate key"},
        {"", "unexpected end of file"},
    };
    for (const Case& c : cases) {
        INFO(c.json);
        write_file(root + "/unres.json", c.json);
        for (const char* cmd : {"fix ", "fix --check ", "check "}) {
            auto r = run(cmd + q(f));
            CHECK(r.code == 2);
            CHECK(r.err.find(root + "/unres.json") != std::string::npos);
            CHECK(r.err.find(c.problem) != std::string::npos);
            CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        }
        CHECK(read_file(f) == drafted_sample());
    }
    // The position of a JSON error is given as line:column.
    write_file(root + "/unres.json", "{\n  \"select\": [\"UNR1\" \"UNR2\"]\n}");
    CHECK(run("check " + q(f)).err.find("unres.json:2:21: invalid JSON") != std::string::npos);
    // So is the position of a key that is unknown, repeated or given a wrong value, and the end
    // of a file cut short.
    const std::pair<const char*, const char*> placed[] = {
        {"{\n  \"ignore\": [],\n  \"selct\": []\n}", "unres.json:3:3: unknown key \"selct\""},
        {"{\"select\": [],\n \"select\": []}", "unres.json:2:2: invalid JSON: duplicate key \"select\""},
        {"{\"severity\": {\n\t\"UNR3\": \"off\", \"UNR301\": 1}}", "unres.json:2:17: \"severity\": the value for UNR301"},
        {"{\"werror\": \"yes\"}", "unres.json:1:2: \"werror\" must be true or false"},
        {"{\"select\": [\"UNR1\"", "unres.json:1:19: invalid JSON: syntax error while parsing array - unexpected end of file"},
    };
    for (const auto& [json, message] : placed) {
        INFO(json);
        write_file(root + "/unres.json", json);
        CHECK(run("check " + q(f)).err.find(message) != std::string::npos);
    }
}

TEST_CASE("compute_fixes: sections restart or continue, annexes, lettering past (z), roman lists", "[fix]") {
    auto fixed = [](const std::string& text) {
        unres::SourceFile src = unres::SourceFile::from_bytes("t.txt", text);
        unres::Document doc = unres::parse(src);
        return unres::apply_edits(src.text(), unres::compute_fixes(doc, src));
    };
    const std::string head = "The General Assembly,\n\nRecalling its resolutions,\n\n";

    SECTION("numbering restarts in each section when the draft does") {
        std::string t = head +
                        "I\n\nCapacity-building\n\n1. Decides one;\n\n2. Decides two, see paragraph 1 above;\n\n"
                        "II\n\nFollow-up\n\n1. Decides three;\n\n3. Decides four, see paragraph 3 below;\n\n"
                        "3. Decides five.\n";
        std::string r = fixed(t);
        CHECK(r.find("\n2. Decides four, see paragraph 3 below;") != std::string::npos);
        CHECK(r.find("\n3. Decides five.") != std::string::npos);
        CHECK(r.find("\n2. Decides two, see paragraph 1 above;") != std::string::npos);
    }
    SECTION("numbering continues across sections when the draft does") {
        std::string t = head +
                        "I\n\nCapacity-building\n\n1. Decides one;\n\n2. Decides two;\n\n"
                        "II\n\nFollow-up\n\n3. Decides three;\n\n5. Decides four;\n\n6. Decides five, see paragraph "
                        "5 above.\n";
        std::string r = fixed(t);
        CHECK(r.find("\n3. Decides three;") != std::string::npos);
        CHECK(r.find("\n4. Decides four;") != std::string::npos);
        CHECK(r.find("\n5. Decides five, see paragraph 4 above.") != std::string::npos);
    }
    SECTION("(z) is followed by (aa); roman lists stay roman; annexes number from 1") {
        std::string t = head + "1. Requests States:\n\n";
        for (char c = 'a'; c <= 'z'; ++c)
            if (c != 'b') t += std::string("(") + c + ") To do " + c + ";\n\n";
        t += "(aa) To do aa;\n\n(bb) To do bb, with:\n\n(i) one;\n\n(iii) two;\n\n";
        t += "2. Decides to remain seized of the matter, as set out in subparagraph (bb) of paragraph 1 above.\n\n";
        t += "50th plenary meeting\n19 December 2023\n\nAnnex\n\nGuidelines\n\n1. First;\n\n3. Second;\n\n4. Third.\n";
        std::string r = fixed(t);
        CHECK(r.find("\n(y) To do z;") != std::string::npos);
        CHECK(r.find("\n(z) To do aa;") != std::string::npos);
        CHECK(r.find("\n(aa) To do bb, with:") != std::string::npos);
        CHECK(r.find("\n(ii) two;") != std::string::npos);
        CHECK(r.find("subparagraph (aa) of paragraph 1 above.") != std::string::npos);
        CHECK(r.find("\n2. Second;\n\n3. Third.") != std::string::npos);
        CHECK(fixed(r) == r);  // idempotent
    }
    SECTION("references to other texts are left alone") {
        std::string t = head +
                        "1. Recalls paragraph 3 of resolution 70/1;\n\n3. Recalls subparagraph (b) of paragraph 3 of its "
                        "resolution 60/251 and paragraph 3 above;\n\n4. Decides to remain seized of the matter.\n";
        std::string r = fixed(t);
        CHECK(r.find("1. Recalls paragraph 3 of resolution 70/1;") != std::string::npos);
        CHECK(r.find("2. Recalls subparagraph (b) of paragraph 3 of its resolution 60/251 and paragraph 3 above;") !=
              std::string::npos);
    }
}

TEST_CASE("apply_edits and unified_diff", "[fix]") {
    using unres::Edit;
    CHECK(unres::apply_edits("a 1 b 2", {Edit{{2, 3}, "10"}, Edit{{6, 7}, ""}}) == "a 10 b ");
    CHECK_THROWS_AS(unres::apply_edits("abc", {Edit{{1, 3}, "x"}, Edit{{2, 3}, "y"}}), std::invalid_argument);
    CHECK_THROWS_AS(unres::apply_edits("abc", {Edit{{1, 9}, "x"}}), std::invalid_argument);

    CHECK(unres::unified_diff("same\n", "same\n", "a", "b").empty());
    std::string before, after;
    for (int i = 1; i <= 20; ++i) {
        before += "line " + std::to_string(i) + "\n";
        after += (i == 5 ? "LINE 5" : i == 16 ? "LINE 16" : "line " + std::to_string(i)) + "\n";
    }
    CHECK(unres::unified_diff(before, after, "x.md", "x.md") ==
          "--- x.md\n+++ x.md\n"
          "@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+LINE 5\n line 6\n line 7\n line 8\n"
          "@@ -13,7 +13,7 @@\n line 13\n line 14\n line 15\n-line 16\n+LINE 16\n line 17\n line 18\n line 19\n");
    // Close changes share a hunk; a missing final newline is marked as diff(1) does.
    CHECK(unres::unified_diff("a\nb\nc", "a\nB\nc", "f", "f") ==
          "--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n\\ No newline at end of file\n");
    CHECK(unres::unified_diff("a\n", "a\nb\n", "f", "f") == "--- f\n+++ f\n@@ -1 +1,2 @@\n a\n+b\n");
    CHECK(unres::unified_diff("", "x\n", "f", "f") == "--- f\n+++ f\n@@ -0,0 +1 @@\n+x\n");
    // Large texts changed line for line (too big for the LCS table) still get small hunks.
    std::string big_a, big_b;
    for (int i = 0; i < 5000; ++i) {
        big_a += "line " + std::to_string(i) + "\n";
        big_b += (i == 10 || i == 4990 ? "LINE " : "line ") + std::to_string(i) + "\n";
    }
    std::string big = unres::unified_diff(big_a, big_b, "f", "f");
    CHECK(big.find("@@ -8,7 +8,7 @@\n line 7\n line 8\n line 9\n-line 10\n+LINE 10\n") != std::string::npos);
    CHECK(big.find("@@ -4988,7 +4988,7 @@\n") != std::string::npos);
    CHECK(std::count(big.begin(), big.end(), '\n') == 2 + 2 * (1 + 8));
}

TEST_CASE("check shows a progress bar on a terminal for long runs only", "[fix]") {
    if (std::system("command -v script >/dev/null 2>&1") != 0) {
        WARN("script(1) is not installed: the terminal case is not exercised");
        return;
    }
    std::string d = fresh_dir("progress");
    for (int i = 0; i < 25; ++i) write_file(d + "/drafts/d" + std::to_string(i) + ".md", sample_text());
    auto on_tty = [&](const std::string& args) {
        std::string log = d + "/tty.log";
        shell("script -qec " + q(unres_test::unres_binary() + " check " + args) + " /dev/null >" + q(log) + " 2>&1");
        return read_file(log);
    };
    std::string shown = on_tty(d + "/drafts");
    CHECK(shown.find("] 25/25 files") != std::string::npos);
    CHECK(shown.find("\r[") != std::string::npos);
    CHECK(shown.find("in 25 files") != std::string::npos);
    CHECK(on_tty("-q " + d + "/drafts").find("files\r") == std::string::npos);
    CHECK(on_tty(d + "/drafts/d1.md " + d + "/drafts/d2.md").find("/2 files") == std::string::npos);
    // Not a terminal: no bar.
    auto piped = run("check " + q(d + "/drafts"));
    CHECK(piped.err.find("\r") == std::string::npos);
    CHECK(piped.err.find("25/25") == std::string::npos);
}
