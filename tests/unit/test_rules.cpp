// The editorial rules (src/rules/): each rule once triggered and once silent on a
// correct text.  Documents are built by hand with Draft, which also writes a fake
// source so that every span can be checked against the text it points at.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "support.hpp"
#include "unres/validate.hpp"

using namespace unres;

namespace {

/// Builds a Document and the source text its spans point into.  Paragraph bodies may
/// contain footnote marks written "{7}" (stored in the source as "<sup>7</sup>").
struct Draft {
    std::string text;
    Document doc;
    std::uint32_t lines = 1;

    std::uint32_t here() const { return static_cast<std::uint32_t>(text.size()); }
    void newline() {
        if (!text.empty()) { text += "\n"; ++lines; }
    }

    Field field(const std::string& v) {
        newline();
        Field f{v, {here(), static_cast<std::uint32_t>(here() + v.size())}};
        text += v;
        return f;
    }

    Para para(const std::string& label, const std::string& body, LabelKind kind = LabelKind::None) {
        newline();
        Para p;
        p.line = lines;
        std::uint32_t start = here();
        if (!label.empty()) {
            p.label = label;
            p.label_span = {start, static_cast<std::uint32_t>(start + label.size())};
            text += label + " ";
            if (label.front() == '(') {
                p.num = label.substr(1, label.size() - 2);
                p.kind = kind == LabelKind::None ? LabelKind::Letter : kind;
            } else {
                p.num = label.substr(0, label.size() - 1);
                bool digits = std::all_of(p.num.begin(), p.num.end(), [](char c) { return c >= '0' && c <= '9'; });
                p.kind = kind != LabelKind::None ? kind : digits ? LabelKind::Number : LabelKind::LetterDot;
            }
        }
        p.map.push_back({0, here()});
        for (std::size_t i = 0; i < body.size(); ++i) {
            if (body[i] == '{') {
                std::size_t close = body.find('}', i);
                Mark m;
                m.num = body.substr(i + 1, close - i - 1);
                m.pos = p.text.size();
                std::string sup = "<sup>" + m.num + "</sup>";
                m.span = {here(), static_cast<std::uint32_t>(here() + sup.size())};
                text += sup;
                p.marks.push_back(m);
                p.map.push_back({p.text.size(), here()});
                i = close;
                continue;
            }
            p.text += body[i];
            text += body[i];
        }
        p.span = {start, here()};
        return p;
    }

    Para sub(const std::string& label, const std::string& body, LabelKind kind = LabelKind::None) {
        return para(label, body, kind);
    }

    void note(const std::string& num, const std::string& body) {
        newline();
        Footnote f;
        f.num = num;
        f.text = body;
        std::uint32_t start = here();
        text += "<sup>" + num + "</sup> " + body;
        f.span = {start, here()};
        doc.footnotes.push_back(f);
    }

    static void marks_of(const std::vector<Para>& list, std::vector<const Mark*>& out) {
        for (const Para& p : list) {
            for (const Mark& m : p.marks) out.push_back(&m);
            marks_of(p.children, out);
        }
    }

    std::vector<Diagnostic> check() {
        std::vector<const Mark*> marks;
        marks_of(doc.preamble, marks);
        marks_of(doc.operative, marks);
        for (const Annex& a : doc.annexes) marks_of(a.operative, marks);
        for (Footnote& f : doc.footnotes) {
            f.refs.clear();
            for (const Mark* m : marks)
                if (m->num == f.num) f.refs.push_back(m->span);
        }
        SourceFile src = SourceFile::from_bytes("test.md", text);
        return validate(doc, src);
    }

    std::string at(Span s) const { return text.substr(s.begin, s.end - s.begin); }
};

std::vector<Diagnostic> only(const std::vector<Diagnostic>& ds, const std::string& rule) {
    std::vector<Diagnostic> out;
    for (const auto& d : ds)
        if (d.rule == rule) out.push_back(d);
    return out;
}

std::string dump(const std::vector<Diagnostic>& ds) {
    std::string s;
    for (const auto& d : ds) s += d.rule + " " + std::string(to_string(d.severity)) + ": " + d.message + "\n";
    return s;
}

/// A correct draft: header, formula, two preambular paragraphs (one with a footnote
/// mark after its final comma), three operative paragraphs, the second with (a), (b).
/// `o` replaces the body of a paragraph, keeping its place in the source:
/// keys pre1, pre2, op1, op2, op2a, op2b, op3.  `preamble` replaces both preambular paragraphs.
using Overrides = std::map<std::string, std::string>;
Draft good(const Overrides& o = {}, const std::vector<std::string>& preamble = {}) {
    auto body = [&](const char* key, const char* def) {
        auto it = o.find(key);
        return it == o.end() ? std::string(def) : it->second;
    };
    Draft d;
    d.doc.kind = DocKind::DraftResolution;
    d.doc.meta.symbol = d.field("A/C.3/78/L.52/Rev.1");
    d.doc.meta.date = d.field("2023-11-09");
    d.doc.meta.sponsors = {d.field("Argentina"), d.field("Armenia")};
    d.doc.meta.document_type = d.field("revised draft resolution");
    d.doc.meta.title = d.field("Protection of migrants");
    d.doc.authority = d.field("The General Assembly,");
    if (preamble.empty()) {
        d.doc.preamble.push_back(d.para("", body("pre1", "Recalling its resolution 76/172,{1}")));
        d.doc.preamble.push_back(d.para("", body("pre2", "Deeply concerned at the large number of migrants,")));
    }
    for (const auto& text : preamble) d.doc.preamble.push_back(d.para("", text));
    d.doc.operative.push_back(d.para("1.", body("op1", "Calls upon States to protect migrants;")));
    Para p2 = d.para("2.", body("op2", "Reaffirms the rights of migrants, and in this regard:"));
    p2.children.push_back(d.sub("(a)", body("op2a", "Strongly condemns racism;")));
    p2.children.push_back(d.sub("(b)", body("op2b", "Encourages States to act, as requested in paragraph 1 above;")));
    d.doc.operative.push_back(p2);
    d.doc.operative.push_back(d.para("3.", body("op3", "Decides to remain seized of the matter.")));
    d.note("1", "Resolution 76/172.");
    return d;
}

/// Operative paragraphs numbered as given, each a correct ";" item, the last ".".
void operative(Draft& d, const std::vector<std::string>& labels, const std::string& section = "") {
    for (std::size_t i = 0; i < labels.size(); ++i) {
        Para p = d.para(labels[i], i + 1 == labels.size() ? "Decides to remain seized of the matter."
                                                          : "Requests the Secretary-General to report;");
        p.section = section;
        d.doc.operative.push_back(p);
    }
}

/// A draft whose operative paragraph 1 has the given sub-paragraph labels.
Draft lettered(const std::vector<std::string>& labels, LabelKind kind = LabelKind::None) {
    Draft d = good();
    d.doc.operative.clear();
    Para p = d.para("1.", "Reaffirms the rights of migrants, and in this regard:");
    for (const auto& l : labels) p.children.push_back(d.sub(l, "Encourages States to act;", kind));
    d.doc.operative.push_back(p);
    d.doc.operative.push_back(d.para("2.", "Decides to remain seized of the matter."));
    return d;
}

std::vector<std::string> letters(char from, char to) {
    std::vector<std::string> out;
    for (char c = from; c <= to; ++c) out.push_back(std::string("(") + c + ")");
    return out;
}

}  // namespace

// ---- registry ------------------------------------------------------------------------

TEST_CASE("registry: every rule documented, ids unique and sorted", "[rules]") {
    const auto& rules = all_rules();
    REQUIRE(rules.size() >= 30);
    std::set<std::string_view> names, ids;
    std::regex id_form("UNR[0-9]{3}");
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const RuleInfo& r = rules[i];
        INFO(r.id);
        CHECK(std::regex_match(std::string(r.id), id_form));
        if (i > 0) CHECK(rules[i - 1].id < r.id);  // sorted: find_rule's binary search relies on it
        CHECK(ids.insert(r.id).second);
        CHECK(names.insert(r.name).second);
        CHECK(!r.summary.empty());
        CHECK(r.doc.find("## What it does") != std::string_view::npos);
        CHECK(r.doc.find("## Why is this bad") != std::string_view::npos);
        CHECK(r.doc.find("## Example") != std::string_view::npos);
        CHECK(r.doc.find("## How to fix") != std::string_view::npos);
        REQUIRE(find_rule(r.id) == &r);
    }
    CHECK(find_rule("UNR999") == nullptr);
    CHECK(find_rule("") == nullptr);
    CHECK(find_rule("UNR101")->name == "operative-numbering-gap");
    CHECK(find_rule("UNR202")->name == "footnote-body-without-mark");
}

TEST_CASE("validate: a correct draft gives no diagnostic at all", "[rules]") {
    Draft d = good();
    auto ds = d.check();
    INFO(dump(ds));
    CHECK(ds.empty());
}

TEST_CASE("validate: builder diagnostics are kept and everything is sorted by position", "[rules]") {
    Draft d = good();
    d.doc.operative[0].text = "Calls upon States to protect migrants.";  // UNR302 late in the file
    Diagnostic b;
    b.rule = "UNR001";
    b.span = {0, 3};
    b.message = "from the builder";
    d.doc.diagnostics.push_back(b);
    auto ds = d.check();
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].message == "from the builder");
    CHECK(ds[1].rule == "UNR302");
    CHECK(std::is_sorted(ds.begin(), ds.end(), [](auto& x, auto& y) { return x.span.begin < y.span.begin; }));
}

// ---- UNR0xx structure ------------------------------------------------------------------

TEST_CASE("UNR001 unclassified text: reported once", "[rules]") {
    Draft d = good();
    d.doc.unclassified.push_back({"xx 5/14 xx", 3, {10, 20}});
    auto ds = only(d.check(), "UNR001");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(ds[0].span == Span{10, 20});

    Diagnostic b;  // already reported by the builder: not twice
    b.rule = "UNR001";
    b.span = {12, 18};
    d.doc.diagnostics.push_back(b);
    auto again = only(d.check(), "UNR001");
    REQUIRE(again.size() == 1);
    CHECK(again[0].span == Span{12, 18});
}

TEST_CASE("UNR002 enacting formula missing", "[rules]") {
    Draft d = good();
    d.doc.authority = {};
    auto ds = only(d.check(), "UNR002");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(d.at(ds[0].span) == "R");  // first character of the first preambular paragraph

    d.doc.kind = DocKind::DraftDecision;  // "The General Assembly decides ..." has no formula line
    CHECK(only(d.check(), "UNR002").empty());
}

TEST_CASE("UNR003 preambular paragraph after the operative part", "[rules]") {
    Draft d = good();
    d.doc.preamble.push_back(d.para("", "Recalling further its resolution 77/1,"));
    auto ds = only(d.check(), "UNR003");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(ds[0].message == "preambular paragraph after operative paragraph 1");
    REQUIRE(ds[0].notes.size() == 1);

    SECTION("silent when each section has its own preamble") {
        Draft s;
        s.doc = good().doc;
        s.doc.preamble.clear();
        s.doc.operative.clear();
        Para a = s.para("", "Recalling its resolution 76/172,");
        a.section = "I";
        Para b = s.para("1.", "Requests the Secretary-General to report;");
        b.section = "I";
        Para c = s.para("", "Recalling its resolution 77/1,");
        c.section = "II";
        Para e = s.para("1.", "Decides to remain seized of the matter.");
        e.section = "II";
        s.doc.preamble = {a, c};
        s.doc.operative = {b, e};
        s.doc.footnotes.clear();
        auto all = s.check();
        INFO(dump(all));
        CHECK(only(all, "UNR003").empty());
        CHECK(only(all, "UNR102").empty());
    }
}

TEST_CASE("UNR004 no operative part", "[rules]") {
    Draft d = good();
    d.doc.operative.clear();
    auto ds = only(d.check(), "UNR004");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::Error);

    d.doc.kind = DocKind::Amendment;  // instructions, not paragraphs
    CHECK(only(d.check(), "UNR004").empty());
}

// ---- UNR1xx numbering ------------------------------------------------------------------

TEST_CASE("UNR101 operative numbering gap, with a renumbering fix", "[rules]") {
    Draft d = good();
    d.doc.operative.clear();
    operative(d, {"1.", "2.", "3.", "4.", "5.", "6.", "8.", "9."});
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    const Diagnostic& g = ds[0];
    CHECK(g.rule == "UNR101");
    CHECK(g.severity == Severity::Error);
    CHECK(g.message == "operative paragraph 8 follows 6: paragraph 7 is missing");
    CHECK(g.span == d.doc.operative[6].label_span);
    REQUIRE(g.notes.size() == 1);
    CHECK(g.notes[0].span == d.doc.operative[5].label_span);
    CHECK(g.notes[0].message == "previous operative paragraph 6 is here");
    REQUIRE(g.fix);
    REQUIRE(g.fix->edits.size() == 2);
    CHECK(d.at(g.fix->edits[0].span) == "8");  // only the digits change
    CHECK(g.fix->edits[0].replacement == "7");
    CHECK(d.at(g.fix->edits[1].span) == "9");
    CHECK(g.fix->edits[1].replacement == "8");

    SECTION("several missing") {
        Draft e = good();
        e.doc.operative.clear();
        operative(e, {"1.", "2.", "6."});
        auto es = only(e.check(), "UNR101");
        REQUIRE(es.size() == 1);
        CHECK(es[0].message == "operative paragraph 6 follows 2: paragraphs 3 to 5 are missing");
    }
    SECTION("the first is missing") {
        Draft e = good();
        e.doc.operative.clear();
        operative(e, {"2.", "3."});
        auto es = only(e.check(), "UNR101");
        REQUIRE(es.size() == 1);
        CHECK(es[0].message == "operative paragraph 2 is the first: paragraph 1 is missing");
    }
}

TEST_CASE("UNR102 duplicate operative paragraph number", "[rules]") {
    Draft d = good();
    d.doc.operative.clear();
    operative(d, {"1.", "2.", "2.", "3."});
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR102");
    CHECK(ds[0].severity == Severity::Error);
    CHECK(ds[0].span == d.doc.operative[2].label_span);
    CHECK(ds[0].message == "duplicate operative paragraph 2");
    REQUIRE(ds[0].notes.size() == 1);
    CHECK(ds[0].notes[0].span == d.doc.operative[1].label_span);
    REQUIRE(ds[0].fix);
    CHECK(ds[0].fix->edits.size() == 2);  // 2 -> 3, 3 -> 4
}

TEST_CASE("UNR103 operative paragraphs out of order", "[rules]") {
    Draft d = good();
    d.doc.operative.clear();
    operative(d, {"1.", "2.", "4.", "3.", "5."});
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);  // no gap reported at 4: paragraph 3 exists
    CHECK(ds[0].rule == "UNR103");
    CHECK(ds[0].severity == Severity::Error);
    CHECK(ds[0].span == d.doc.operative[3].label_span);
    CHECK(ds[0].message == "operative paragraph 3 follows 4: out of order");
}

TEST_CASE("numbering: sections that restart or continue are both accepted", "[rules]") {
    Draft d = good();
    d.doc.operative.clear();
    SECTION("restart") {
        operative(d, {"1.", "2."}, "I");
        operative(d, {"1.", "2.", "3."}, "II");
        d.doc.operative[1].text = "Requests the Secretary-General to report;";
        auto ds = d.check();
        INFO(dump(ds));
        CHECK(ds.empty());
    }
    SECTION("continue") {
        operative(d, {"1.", "2."}, "I");
        operative(d, {"3.", "4."}, "II");
        d.doc.operative[1].text = "Requests the Secretary-General to report;";
        auto ds = d.check();
        INFO(dump(ds));
        CHECK(ds.empty());
    }
    SECTION("a gap inside a restarting section") {
        operative(d, {"1.", "2."}, "I");
        operative(d, {"1.", "3."}, "II");
        d.doc.operative[1].text = "Requests the Secretary-General to report;";
        auto ds = d.check();
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].rule == "UNR101");
        CHECK(ds[0].span == d.doc.operative[3].label_span);
    }
}

TEST_CASE("numbering: annexes are numbered on their own", "[rules]") {
    Draft d = good();
    Annex a;
    a.num = "I";
    a.operative.push_back(d.para("1.", "We commit to act."));
    a.operative.push_back(d.para("2.", "We commit to act."));
    d.doc.annexes.push_back(a);
    CHECK(d.check().empty());

    d.doc.annexes[0].operative.push_back(d.para("4.", "We commit to act."));
    auto ds = d.check();
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR101");
    CHECK(ds[0].message == "annex I paragraph 4 follows 2: paragraph 3 is missing");
}

TEST_CASE("numbering: amendments are not checked", "[rules]") {
    Draft d = good();
    d.doc.kind = DocKind::Amendment;
    d.doc.operative.clear();
    d.doc.instructions.push_back(d.para("1.", "In operative paragraph 12, delete the words \"and Africa\""));
    d.doc.instructions.push_back(d.para("3.", "Delete the twenty-first preambular paragraph"));
    auto ds = d.check();
    INFO(dump(ds));
    for (const auto& x : ds) CHECK(x.rule.substr(0, 4) != "UNR1");
}

TEST_CASE("UNR108 unnumbered operative paragraph among numbered ones", "[rules]") {
    Draft d = good();
    d.doc.operative.insert(d.doc.operative.begin() + 1, d.para("", "Requests the Secretary-General to report;"));
    auto ds = only(d.check(), "UNR108");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(ds[0].message == "operative paragraph is not numbered (after paragraph 1)");
    CHECK(d.at(ds[0].span) == "R");

    Draft one = good();  // a single unnumbered operative paragraph is fine
    one.doc.operative = {one.para("", "Approves the report of the Credentials Committee.")};
    auto os = one.check();
    INFO(dump(os));
    CHECK(os.empty());
}

// ---- UNR1xx lettering --------------------------------------------------------------------

TEST_CASE("UNR104 sub-paragraph lettering gap", "[rules]") {
    Draft d = lettered({"(a)", "(b)", "(d)"});
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR104");
    CHECK(ds[0].severity == Severity::Error);
    CHECK(ds[0].message == "sub-paragraph 1 (d) follows (b): (c) is missing");
    CHECK(ds[0].span == d.doc.operative[0].children[2].label_span);
    REQUIRE(ds[0].fix);
    REQUIRE(ds[0].fix->edits.size() == 1);
    CHECK(d.at(ds[0].fix->edits[0].span) == "d");
    CHECK(ds[0].fix->edits[0].replacement == "c");
}

TEST_CASE("lettering: (h) -> (i) -> (j) are letters, (z) -> (aa) doubled letters", "[rules]") {
    SECTION("(i) after (h), even when the builder guessed roman") {
        auto labels = letters('a', 'k');
        Draft d = lettered(labels);
        d.doc.operative[0].children[8].kind = LabelKind::Roman;   // (i)
        auto ds = d.check();
        INFO(dump(ds));
        CHECK(ds.empty());
    }
    SECTION("after (z) come (aa), (bb), and (hh) -> (ii) -> (jj)") {
        auto labels = letters('a', 'z');
        for (char c = 'a'; c <= 'j'; ++c) labels.push_back(std::string("(") + c + c + ")");
        Draft d = lettered(labels);
        d.doc.operative[0].children[34].kind = LabelKind::Roman;  // (ii)
        auto ds = d.check();
        INFO(dump(ds));
        CHECK(ds.empty());
    }
    SECTION("(v) and (x) in a letter list") {
        Draft d = lettered(letters('a', 'x'));
        d.doc.operative[0].children[21].kind = LabelKind::Roman;  // (v)
        d.doc.operative[0].children[23].kind = LabelKind::Roman;  // (x)
        auto ds = d.check();
        INFO(dump(ds));
        CHECK(ds.empty());
    }
    SECTION("a gap across (z)") {
        auto labels = letters('a', 'z');
        labels.push_back("(bb)");
        Draft d = lettered(labels);
        auto ds = d.check();
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].rule == "UNR104");
        CHECK(ds[0].message == "sub-paragraph 1 (bb) follows (z): (aa) is missing");
    }
}

TEST_CASE("lettering: roman numerals as first children of a lettered item", "[rules]") {
    Draft d = good();
    Para& p2 = d.doc.operative[1];
    Para a = d.sub("(a)", "Strongly condemns:");
    a.children.push_back(d.sub("(i)", "Racism;", LabelKind::Letter));  // the builder's guess is corrected
    a.children.push_back(d.sub("(ii)", "Xenophobia;", LabelKind::Roman));
    a.children.push_back(d.sub("(iii)", "Intolerance;", LabelKind::Roman));
    a.children.push_back(d.sub("(iv)", "Hostility;", LabelKind::Roman));
    a.children.push_back(d.sub("(v)", "Discrimination;", LabelKind::Letter));
    p2.children[0] = a;
    auto ds = d.check();
    INFO(dump(ds));
    CHECK(ds.empty());

    SECTION("a roman gap") {
        p2.children[0].children.erase(p2.children[0].children.begin() + 2);  // (iii)
        auto gs = d.check();
        REQUIRE(gs.size() == 1);
        CHECK(gs[0].rule == "UNR104");
        CHECK(gs[0].message == "sub-paragraph 2 (a) (iv) follows (ii): (iii) is missing");
        REQUIRE(gs[0].fix);
        CHECK(gs[0].fix->edits.size() == 2);
        CHECK(gs[0].fix->edits[0].replacement == "iii");
    }
}

TEST_CASE("UNR105 duplicate sub-paragraph letter", "[rules]") {
    Draft d = lettered({"(a)", "(b)", "(c)", "(c)", "(d)"});
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR105");
    CHECK(ds[0].severity == Severity::Error);
    CHECK(ds[0].message == "duplicate sub-paragraph 1 (c)");
    CHECK(ds[0].span == d.doc.operative[0].children[3].label_span);
    REQUIRE(ds[0].notes.size() == 1);
    CHECK(ds[0].notes[0].span == d.doc.operative[0].children[2].label_span);
}

TEST_CASE("UNR106 sub-paragraphs out of order", "[rules]") {
    Draft d = lettered({"(a)", "(c)", "(b)", "(d)"});
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR106");
    CHECK(ds[0].severity == Severity::Error);
    CHECK(ds[0].span == d.doc.operative[0].children[2].label_span);
    CHECK(ds[0].message == "sub-paragraph 1 (b) follows (c): out of order");
}

TEST_CASE("UNR107 invalid sub-paragraph label", "[rules]") {
    auto labels = letters('a', 'z');
    labels.push_back("(za)");
    Draft d = lettered(labels);
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR107");
    CHECK(ds[0].severity == Severity::Error);
    CHECK(ds[0].span == d.doc.operative[0].children[26].label_span);
    CHECK(ds[0].message == "'(za)' is not a valid sub-paragraph label: expected (aa) (after (z) come doubled letters)");
    REQUIRE(ds[0].fix);
    CHECK(d.at(ds[0].fix->edits[0].span) == "za");
    CHECK(ds[0].fix->edits[0].replacement == "aa");
}

TEST_CASE("UNR109 sub-paragraph degree", "[rules]") {
    Draft d = good();
    Para a = d.sub("(a)", "Strongly condemns:");
    a.children.push_back(d.sub("(a)", "Racism;"));
    a.children.push_back(d.sub("(b)", "Xenophobia;"));
    d.doc.operative[1].children[0] = a;
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR109");
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(ds[0].span == a.children[0].label_span);
    CHECK(ds[0].message == "sub-paragraphs of 2 (a) should be labelled (i), (ii), (iii), not (a)");
    // silent: the good draft's (a), (b) under paragraph 2 (checked by the clean-draft case)
}

// ---- UNR2xx footnotes ------------------------------------------------------------------

TEST_CASE("UNR201 footnote mark without body", "[rules]") {
    Draft d = good({{"pre2", "Deeply concerned at the large number of migrants,{2}"}});
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR201");
    CHECK(ds[0].severity == Severity::Error);
    CHECK(d.at(ds[0].span) == "<sup>2</sup>");
    CHECK(ds[0].message == "footnote mark 2 has no footnote text");
}

TEST_CASE("UNR202 footnote body without mark", "[rules]") {
    Draft d = good({{"op1", "Calls upon States to protect migrants;{3}"}});
    d.note("2", "Ibid.");
    d.note("3", "Ibid., vol. 2220.");
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR202");
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(ds[0].span == d.doc.footnotes[1].span);
    CHECK(ds[0].message == "footnote 2 has no mark in the text");

    Draft s = good();  // asterisk notes belong to the sponsor line
    s.note("*", "Any changes to the list of sponsors will be reflected in the official record of the meeting.");
    CHECK(s.check().empty());

    Draft e = good();  // a note without a number is named so, never "footnote  has no mark"
    e.note("", "Ibid.");
    auto es = only(e.check(), "UNR202");
    REQUIRE(es.size() == 1);
    CHECK(es[0].message == "a footnote without a number has no mark in the text");
}

TEST_CASE("UNR203 footnote marks out of order", "[rules]") {
    Draft d = good({{"pre1", "Recalling its resolution 76/172,{2}"}, {"pre2", "Deeply concerned at the large number of migrants,{1}"}});
    d.note("2", "Ibid.");
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR203");
    CHECK(ds[0].severity == Severity::Error);
    CHECK(d.at(ds[0].span) == "<sup>1</sup>");
    REQUIRE(ds[0].notes.size() == 1);
    CHECK(d.at(ds[0].notes[0].span) == "<sup>2</sup>");

    Draft s = good({{"pre2", "Deeply concerned at the large number of migrants,{2}"},  // a later mark to an
                    {"op1", "Calls upon States to protect migrants;{1}"}});            // earlier footnote is fine
    s.note("2", "Ibid.");
    auto ss = s.check();
    INFO(dump(ss));
    CHECK(ss.empty());

    // A mistyped mark (9 for 2) is UNR201 only: the correct marks after it are in order.
    Draft t = good({{"pre2", "Deeply concerned at the large number of migrants,{9}"},
                    {"op1", "Calls upon States to protect migrants;{3}"}});
    t.note("2", "Ibid.");
    t.note("3", "Ibid.");
    auto ts = t.check();
    INFO(dump(ts));
    std::vector<std::string> rules;
    for (const auto& x : ts) rules.push_back(x.rule);
    CHECK(rules == std::vector<std::string>{"UNR201", "UNR202"});
}

TEST_CASE("UNR204 footnote numbering gap", "[rules]") {
    Draft d = good({{"pre2", "Deeply concerned at the large number of migrants,{3}"}});
    d.note("3", "Ibid.");
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR204");
    CHECK(ds[0].severity == Severity::Error);
    CHECK(ds[0].span == d.doc.footnotes[1].span);
    CHECK(ds[0].message == "footnote 3 follows footnote 1: footnote 2 is missing");

    SECTION("a removed body whose mark remains is UNR201 only") {
        Draft e = good({{"pre2", "Deeply concerned at the large number of migrants,{2}"},
                        {"op1", "Calls upon States to protect migrants;{3}"}});
        e.note("3", "Ibid.");
        auto es = e.check();
        INFO(dump(es));
        REQUIRE(es.size() == 1);
        CHECK(es[0].rule == "UNR201");
    }
}

TEST_CASE("UNR205 duplicate footnote", "[rules]") {
    Draft d = good();
    d.note("1", "Ibid.");
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR205");
    CHECK(ds[0].severity == Severity::Error);
    CHECK(ds[0].span == d.doc.footnotes[1].span);
    REQUIRE(ds[0].notes.size() == 1);
    CHECK(ds[0].notes[0].span == d.doc.footnotes[0].span);
}

// ---- UNR3xx punctuation and lead words ----------------------------------------------------------

TEST_CASE("UNR301 preambular paragraph not ending with a comma", "[rules]") {
    Draft d = good({{"pre2", "Deeply concerned at the large number of migrants."}});
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR301");
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(d.at(ds[0].span) == ".");
    CHECK(ds[0].span.begin == d.doc.preamble[1].span.end - 1);
    CHECK(ds[0].message == "2nd preambular paragraph ends with '.': should end with ','");
    REQUIRE(ds[0].fix);
    CHECK(ds[0].fix->edits[0].replacement == ",");
    // silent: the good draft's first paragraph has its mark after the comma
}

TEST_CASE("UNR302 operative end punctuation", "[rules]") {
    SECTION("full stop before the last paragraph") {
        Draft d = good();
        d.doc.operative[0] = d.para("1.", "Calls upon States to protect migrants.");
        auto ds = d.check();
        INFO(dump(ds));
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].rule == "UNR302");
        CHECK(ds[0].severity == Severity::Warning);
        CHECK(d.at(ds[0].span) == ".");
        CHECK(ds[0].message == "operative paragraph 1 ends with '.': should end with ';'");
    }
    SECTION("the last paragraph without a full stop") {
        Draft d = good();
        d.doc.operative[2] = d.para("3.", "Decides to remain seized of the matter");
        auto ds = d.check();
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].rule == "UNR302");
        CHECK(d.at(ds[0].span) == "r");
        CHECK(ds[0].message == "operative paragraph 3 should end with '.'");
        REQUIRE(ds[0].fix);
        CHECK(ds[0].fix->edits[0].span.empty());
        CHECK(ds[0].fix->edits[0].span.begin == ds[0].span.end);
    }
    SECTION("the last sub-paragraph of the last paragraph ends with a full stop") {
        Draft d = good();
        Para last = d.para("3.", "Decides:");
        last.children.push_back(d.sub("(a)", "To remain seized of the matter;"));
        last.children.push_back(d.sub("(b)", "To review the question;"));
        d.doc.operative[2] = last;
        auto ds = d.check();
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].rule == "UNR302");
        CHECK(ds[0].message == "sub-paragraph 3 (b) ends with ';': should end with '.'");
        d.doc.operative[2].children[1] = d.sub("(b)", "To review the question.");
        CHECK(d.check().empty());
    }
    SECTION("'; and' counts as ';'") {
        Draft d = good();
        d.doc.operative[1].children[0] = d.sub("(a)", "Strongly condemns racism; and");
        CHECK(d.check().empty());
    }
}

TEST_CASE("UNR303 ':' without a list gives one warning only", "[rules]") {
    Draft d = lettered({"(a)", "(b)", "(c)", "(d)", "(e)", "(f)"});
    d.doc.operative[0].children[4] = d.sub("(e)", "Requests the Secretary-General to promote the Convention:");
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR303");
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(d.at(ds[0].span) == ":");
    CHECK(ds[0].message == "sub-paragraph 1 (e) ends with ':' but introduces no list");

    Draft p = good({{"pre2", "Deeply concerned at the large number of migrants:"}});  // preamble too, not also UNR301
    auto ps = p.check();
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].rule == "UNR303");

    Draft a = good();  // "Adopts the following Declaration:" before an annex
    a.doc.operative[2] = a.para("3.", "Adopts the following Declaration:");
    Annex an;
    an.operative.push_back(a.para("1.", "We commit to act."));
    a.doc.annexes.push_back(an);
    auto as = a.check();
    INFO(dump(as));
    CHECK(as.empty());
}

TEST_CASE("UNR304 a paragraph introducing sub-paragraphs does not end with ':'", "[rules]") {
    Draft d = good();
    Para p2 = d.para("2.", "Reaffirms the rights of migrants, and in this regard;");
    p2.children = d.doc.operative[1].children;
    d.doc.operative[1] = p2;
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR304");
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(d.at(ds[0].span) == ";");
    REQUIRE(ds[0].fix);
    CHECK(ds[0].fix->edits[0].replacement == ":");
}

TEST_CASE("UNR305 preambular lead phrase", "[rules]") {
    Draft d = good({{"pre2", "The rights of migrants must be protected,"}});
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR305");
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(d.at(ds[0].span) == "The");

    std::vector<std::string> leads = {"Recalling also", "Having considered", "Bearing in mind", "Deeply concerned",
                                      "Aware", "Mindful", "Convinced", "Further recalling", "Taking note with appreciation",
                                      "Acting under Chapter VII", "Guided by", "Expressing its deep concern",
                                      "Gravely alarmed", "Looking forward", "Conscious"};
    for (auto& l : leads) l += " of the matter,";
    leads[0] += "{1}";
    Draft s = good({}, leads);
    auto ss = s.check();
    INFO(dump(ss));
    CHECK(ss.empty());

    Draft c = good({{"pre2", "migration status, are human rights holders,"}});  // a continuation line
    REQUIRE(only(c.check(), "UNR305").size() == 1);
}

TEST_CASE("UNR306 operative lead verb", "[rules]") {
    Draft d = good();
    d.doc.operative[0] = d.para("1.", "The Secretary-General shall report;");
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR306");
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(d.at(ds[0].span) == "The");
    CHECK(ds[0].message.rfind("operative paragraph 1 should open with a verb", 0) == 0);

    Draft s = good();
    s.doc.operative.clear();
    std::vector<std::string> leads = {"Also requests", "Strongly condemns", "Once again urges", "Takes note",
                                      "Calls upon", "Further encourages", "Expresses its concern", "Decides"};
    for (std::size_t i = 0; i < leads.size(); ++i)
        s.doc.operative.push_back(s.para(std::to_string(i + 1) + ".", leads[i] + (i + 1 == leads.size() ? " to act." : " States;")));
    auto ss = s.check();
    INFO(dump(ss));
    CHECK(ss.empty());

    Draft w = good();  // a declaration's own voice, and States as a subject are not verbs
    w.doc.operative[0] = w.para("1.", "We commit to act;");
    w.doc.operative[1] = w.para("2.", "Recognize that migrants contribute;");
    CHECK(only(w.check(), "UNR306").empty());
    Draft n = good({{"op1", "States should act;"}});
    CHECK(only(n.check(), "UNR306").size() == 1);
}

TEST_CASE("UNR305/UNR306 messages quote a non-ASCII lead word whole", "[rules]") {
    // a French text checked with the English lists: the word is quoted as written, never cut
    // at its first non-ASCII byte ("R")
    Draft d = good({{"pre2", "Réaffirme que les droits des migrants doivent être protégés,"}});
    auto pre = only(d.check(), "UNR305");
    REQUIRE(pre.size() == 1);
    CHECK(pre[0].message.find("not \"Réaffirme\"") != std::string::npos);
    CHECK(d.at(pre[0].span) == "Réaffirme");

    Draft o = good();
    o.doc.operative[0] = o.para("1.", "Élargit le mandat de la Mission;");
    auto op = only(o.check(), "UNR306");
    REQUIRE(op.size() == 1);
    CHECK(op[0].message.find("not \"Élargit\"") != std::string::npos);

    // a no-break space ends the word: "Also\u00a0requests" is "Also requests"
    Draft b = good();
    b.doc.operative[0] = b.para("1.", "Also\u00a0requests the Secretary-General to report;");
    CHECK(only(b.check(), "UNR306").empty());
}

TEST_CASE("UNR002 names the organ whose text it is", "[rules]") {
    Draft d = good();
    d.doc.authority = {};
    d.doc.meta.symbol.value = "S/RES/2573 (2021)";
    auto ds = only(d.check(), "UNR002");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message.find("(\"The Security Council,\")") != std::string::npos);
}

// ---- UNR4xx cross-references -----------------------------------------------------------------

TEST_CASE("UNR401 reference to a paragraph that does not exist", "[rules]") {
    Draft d = good();
    d.doc.operative[2] = d.para("3.", "Decides to review the measures in paragraph 14 above.");
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR401");
    CHECK(ds[0].severity == Severity::Error);
    CHECK(d.at(ds[0].span) == "paragraph 14 above");
    CHECK(ds[0].message == "\"paragraph 14 above\": there is no paragraph 14");

    Draft s = good();  // references elsewhere, and correct ones
    s.doc.operative[2] = s.para("3.", "Decides, in line with paragraph 3 of resolution 70/1, paragraph 27 of the report and "
                                      "paragraphs 1 and 2 above, and paragraph 2 of the present resolution, to act.");
    auto ss = s.check();
    INFO(dump(ss));
    CHECK(ss.empty());

    Draft r = good();  // a range
    r.doc.operative[2] = r.para("3.", "Decides to review paragraphs 1 to 4 above.");
    auto rs = only(r.check(), "UNR401");
    REQUIRE(rs.size() == 1);
    CHECK(rs[0].message == "\"paragraphs 1 to 4 above\": there is no paragraph 4");
}

TEST_CASE("UNR402 'above' pointing forward", "[rules]") {
    Draft d = good();
    d.doc.operative[0] = d.para("1.", "Calls upon States to implement paragraph 3 above;");
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR402");
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(d.at(ds[0].span) == "paragraph 3 above");
    REQUIRE(ds[0].notes.size() == 1);
    CHECK(ds[0].notes[0].span == d.doc.operative[2].label_span);

    d.doc.operative[0] = d.para("1.", "Calls upon States to implement paragraph 3 below;");
    auto ok = d.check();
    INFO(dump(ok));
    CHECK(ok.empty());
}

TEST_CASE("UNR403 reference to a sub-paragraph that does not exist", "[rules]") {
    Draft d = good();
    d.doc.operative[2] = d.para("3.", "Decides to review subparagraph (c) of paragraph 2.");
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR403");
    CHECK(ds[0].severity == Severity::Error);
    CHECK(d.at(ds[0].span) == "subparagraph (c) of paragraph 2");
    CHECK(ds[0].message == "\"subparagraph (c) of paragraph 2\": paragraph 2 has no sub-paragraph (c)");

    Draft s = good();
    s.doc.operative[2] = s.para("3.", "Decides to review subparagraphs (a) and (b) of paragraph 2 and paragraph 2 (b) "
                                      "above, but not subparagraph (f) of paragraph 4 of resolution 70/1.");
    auto ss = s.check();
    INFO(dump(ss));
    CHECK(ss.empty());
}

// ---- UNR5xx header ---------------------------------------------------------------------------

TEST_CASE("UNR501 symbol grammar", "[rules]") {
    Draft d = good();
    d.doc.meta.symbol.value = "A/C.3/78/L52/Rev.1";
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR501");
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(ds[0].span == d.doc.meta.symbol.span);
    CHECK(ds[0].message == "malformed document symbol \"A/C.3/78/L52/Rev.1\": \"L52\" is not a document number (write \"L.52\")");

    for (const char* bad : {"X/78/L.1", "A/78", "A/C.3/78/L.52/Rev1", "A//78/L.1", "A/C.9/78/L.1"}) {
        d.doc.meta.symbol.value = bad;
        INFO(bad);
        CHECK(only(d.check(), "UNR501").size() == 1);
    }
    for (const char* ok : {"A/C.3/78/L.52/Rev.1", "A/80/L.10", "E/2018/L.22", "A/L.632", "E/CN.9/2013/L.5",
                           "A/ES-10/L.22", "A/78/L.1/Add.1"}) {
        d.doc.meta.symbol.value = ok;
        INFO(ok);
        CHECK(d.check().empty());
    }
    d.doc.kind = DocKind::Resolution;
    for (const char* ok : {"A/RES/78/217", "A/HRC/RES/6/15", "A/RES/76/246 B", "E/RES/2018/27", "S/RES/2334 (2016)",
                           "A/RES/ES-10/19"}) {
        d.doc.meta.symbol.value = ok;
        INFO(ok);
        CHECK(only(d.check(), "UNR501").empty());
        CHECK(only(d.check(), "UNR502").empty());
    }
}

TEST_CASE("UNR502 symbol does not match the kind of document", "[rules]") {
    Draft d = good();
    d.doc.meta.symbol.value = "A/RES/78/217";  // a draft under a resolution's symbol
    auto ds = d.check();
    INFO(dump(ds));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR502");
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(ds[0].span == d.doc.meta.symbol.span);

    d.doc.meta.symbol.value = "S/2016/1100";  // Security Council drafts have no "L."
    d.doc.meta.title = {};
    d.doc.meta.sponsors.clear();
    auto ss = d.check();
    INFO(dump(ss));
    CHECK(ss.empty());
}

TEST_CASE("UNR503 date missing", "[rules]") {
    Draft d = good();
    d.doc.meta.date = {};
    auto ds = d.check();
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR503");
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(ds[0].span == d.doc.meta.document_type.span);

    d.doc.closing.date = "2007-09-28";  // adopted texts: the date in the closing lines
    CHECK(d.check().empty());
}

TEST_CASE("UNR504 draft without sponsors is a note", "[rules]") {
    Draft d = good();
    d.doc.meta.sponsors.clear();
    auto ds = d.check();
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR504");
    CHECK(ds[0].severity == Severity::Note);

    d.doc.meta.sponsor_text = d.field("Draft resolution submitted by the Chair of the Committee");
    CHECK(d.check().empty());
}

TEST_CASE("UNR505 title missing, except for the Security Council", "[rules]") {
    Draft d = good();
    d.doc.meta.title = {};
    auto ds = d.check();
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].rule == "UNR505");
    CHECK(ds[0].severity == Severity::Warning);

    d.doc.meta.body = d.field("Security Council");
    d.doc.meta.symbol.value = "S/2016/1100";
    CHECK(d.check().empty());
}

// ---- UNR9xx input ----------------------------------------------------------------------------

TEST_CASE("UNR901 invalid UTF-8", "[rules]") {
    Draft d = good();
    // Damaged UTF-8: a valid "é" too (without one, the file would be read as Windows-1252).
    SourceFile bad = SourceFile::from_bytes("bad.md", std::string("ab\xff" "cd\xfe" " \xC3\xA9"));
    auto ds = only(validate(d.doc, bad), "UNR901");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::Warning);
    CHECK(ds[0].span.begin == 2);
    CHECK(bad.text().substr(ds[0].span.begin, ds[0].span.end - ds[0].span.begin) == "\xEF\xBF\xBD");
    CHECK(ds[0].message == "2 invalid UTF-8 bytes were replaced by U+FFFD");
    CHECK(ds[0].notes.size() == 1);

    SourceFile fine = SourceFile::from_bytes("ok.md", d.text);
    CHECK(only(validate(d.doc, fine), "UNR901").empty());
}

TEST_CASE("UNR904 an encoding that had to be guessed: Windows-1252, UTF-16 without a BOM", "[rules]") {
    Draft d = good();
    SourceFile cp = SourceFile::from_bytes("cp.md", std::string("C\xF4te d\x92Ivoire \x80"));
    CHECK(cp.encoding() == Encoding::Windows1252);
    CHECK(cp.text() == "C\xC3\xB4te d\xE2\x80\x99Ivoire \xE2\x82\xAC");
    auto ds = only(validate(d.doc, cp), "UNR904");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::Note);
    CHECK(ds[0].span.begin == 1);  // the "ô"
    CHECK(ds[0].message == "the file is not UTF-8 and has no byte-order mark: read as Windows-1252");
    CHECK(only(validate(d.doc, cp), "UNR901").empty());

    SourceFile le = SourceFile::from_bytes("le.md", std::string("T\0h\0e\0 \0G\0e\0n\0.\0", 16));
    CHECK(le.encoding() == Encoding::Utf16LENoBom);
    CHECK(le.text() == "The Gen.");
    SourceFile be = SourceFile::from_bytes("be.md", std::string("\0T\0h\0e\0 \0G\0e\0n\0.", 16));
    CHECK(be.encoding() == Encoding::Utf16BENoBom);
    CHECK(be.text() == "The Gen.");
    CHECK(only(validate(d.doc, be), "UNR904").size() == 1);

    // Round trip: fix writes each back as it came.
    std::string out;
    REQUIRE(encode_text(cp.text(), Encoding::Windows1252, out));
    CHECK(out == cp.raw());
    REQUIRE(encode_text(le.text(), Encoding::Utf16LENoBom, out));
    CHECK(out == le.raw());
    CHECK_FALSE(encode_text("\xE4\xB8\xAD", Encoding::Windows1252, out));  // a CJK character has no byte there

    // A UTF-8 byte-order mark says UTF-8: a Windows-1252 byte after it is damaged UTF-8 (UNR901).
    SourceFile bom = SourceFile::from_bytes("bom.md", std::string("\xEF\xBB\xBF" "C\xF4te"));
    CHECK(bom.encoding() == Encoding::Utf8Bom);
    CHECK(bom.invalid_utf8() == 1);

    SourceFile fine = SourceFile::from_bytes("ok.md", d.text);
    CHECK(only(validate(d.doc, fine), "UNR904").empty());
}

// ---- the sample's faults, in miniature -------------------------------------------------------

TEST_CASE("the sample's expected warnings: one per fault, no error", "[rules]") {
    Draft d = good();
    d.doc.footnotes.clear();
    d.doc.preamble.clear();
    for (int i = 1; i <= 4; ++i) d.note(std::to_string(i), "Ibid.");  // bodies whose marks the converter lost
    d.doc.preamble.push_back(d.para("", "Recalling its resolution 76/172,{5}"));
    d.note("5", "Resolution 76/172.");
    d.doc.preamble.push_back(d.para("", "Emphasizing the need to protect migrants in a context of security concerns."));
    d.doc.preamble.push_back(d.para("", "Underlining the importance of information campaigns,"));
    d.doc.operative.clear();
    Para p4 = d.para("1.", "Reaffirms the rights of migrants, and in this regard:");
    p4.children.push_back(d.sub("(a)", "Strongly condemns racism;"));
    p4.children.push_back(d.sub("(b)", "Calls upon States to ratify the Convention:"));
    p4.children.push_back(d.sub("(c)", "Takes note of the reports;{6}"));
    d.note("6", "A/78/48.");
    d.doc.operative.push_back(p4);
    d.doc.operative.push_back(d.para("2.", "Decides to remain seized of the matter."));
    auto ds = d.check();
    INFO(dump(ds));
    CHECK(std::none_of(ds.begin(), ds.end(), [](const Diagnostic& x) { return x.severity == Severity::Error; }));
    std::vector<std::string> rules;
    for (const auto& x : ds) rules.push_back(x.rule);
    CHECK(rules == std::vector<std::string>{"UNR202", "UNR202", "UNR202", "UNR202", "UNR301", "UNR303"});
}

TEST_CASE("validate: 100 000 paragraphs with cross-references in bounded time", "[rules]") {
    Draft d = good();
    d.doc.operative.clear();
    d.doc.preamble.resize(2);
    for (int i = 0; i < 2000; ++i) {
        Para p = d.para("", "Recalling its resolution 76/172,");
        d.doc.preamble.push_back(p);
    }
    const int n = 100000;
    for (int i = 1; i <= n; ++i) {
        std::string body = i == 1   ? "Requests the Secretary-General to report;"
                           : i == n ? "Decides to review paragraph 1 above."
                                    : "Requests a report on paragraph " + std::to_string(i - 1) + " above;";
        d.doc.operative.push_back(d.para(std::to_string(i) + ".", body));
    }
    auto t0 = std::chrono::steady_clock::now();
    auto ds = d.check();
    auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(ds.empty());
    CHECK(secs < 10.0);
}

TEST_CASE("validate: reference-like noise never throws", "[rules]") {
    const char* tokens[] = {"paragraph", "paragraphs", "subparagraph", "sub-paragraph", " ", "(", ")", "b", "ii",
                            "1", "12", "and", " and ", "above", "below", ",", " of ", "to ", " to ", "present resolution",
                            "of paragraph ", ":", ";", ".", "\xE2\x80\x9D", "9999999"};
    std::uint32_t seed = 12345;
    auto next = [&] { seed = seed * 1103515245u + 12345u; return (seed >> 16) & 0x7FFF; };
    Draft d = good();
    for (int k = 0; k < 500; ++k) {
        std::string body;
        for (std::uint32_t n = next() % 12; n > 0; --n) body += tokens[next() % (sizeof tokens / sizeof *tokens)];
        const char* labels[] = {"(a)", "(i)", "(ii)", "(za)", "(1)", "(v)", "a.", "(hh)", "(c)", "(x)"};
        Para p = d.para(std::to_string(k + 4) + ".", body);
        for (std::uint32_t n = next() % 4; n > 0; --n) {
            Para c = d.sub(labels[next() % 10], body, next() % 2 ? LabelKind::Roman : LabelKind::None);
            if (next() % 2) c.children.push_back(d.sub(labels[next() % 10], body));
            p.children.push_back(c);
        }
        d.doc.operative.push_back(p);
        if (k % 7 == 0) d.doc.preamble.push_back(d.para("", body));
    }
    REQUIRE_NOTHROW(d.check());
}
