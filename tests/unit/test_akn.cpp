// Akoma Ntoso writer (and text writer) tests: documents built by hand, every output
// checked against the official schema, parsed back for its structure, and rendered
// twice for determinism.
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "support.hpp"
#include "unres/writers.hpp"

using namespace unres;

namespace {

Para para(std::string num, LabelKind kind, std::string text, std::vector<Para> kids = {}) {
    Para p;
    p.num = std::move(num);
    p.kind = kind;
    p.text = std::move(text);
    p.children = std::move(kids);
    return p;
}
Para op(int n, std::string text, std::vector<Para> kids = {}) {
    return para(std::to_string(n), LabelKind::Number, std::move(text), std::move(kids));
}
Para letter(std::string l, std::string text, std::vector<Para> kids = {}) {
    return para(std::move(l), LabelKind::Letter, std::move(text), std::move(kids));
}
Para roman(std::string l, std::string text) { return para(std::move(l), LabelKind::Roman, std::move(text)); }
Para pre(std::string text) { return para("", LabelKind::None, std::move(text)); }

Field f(std::string v) {
    Field x;
    x.value = std::move(v);
    return x;
}
void add_mark(Para& p, std::string num, std::size_t pos) {
    Mark m;
    m.num = std::move(num);
    m.pos = pos;
    p.marks.push_back(m);
}
Footnote note(std::string num, std::string text) {
    Footnote n;
    n.num = std::move(num);
    n.text = std::move(text);
    return n;
}

struct Xml {
    pugi::xml_document doc;
    explicit Xml(const std::string& s) {
        auto r = doc.load_string(s.c_str(), pugi::parse_default | pugi::parse_ws_pcdata_single);
        INFO(r.description());
        REQUIRE(r);
    }
    std::size_t count(const char* xpath) const { return doc.select_nodes(xpath).size(); }
    std::string text(const char* xpath) const {
        auto n = doc.select_node(xpath);
        return n ? std::string(n.node().text().get()) : std::string("<missing>");
    }
    std::string attr(const char* xpath) const {
        auto n = doc.select_node(xpath);
        return n ? std::string(n.attribute().value()) : std::string("<missing>");
    }
};

/// Every eId of the document, checked for uniqueness; returns them.
std::set<std::string> unique_eids(const Xml& x) {
    std::set<std::string> seen;
    for (auto n : x.doc.select_nodes("//*[@eId]")) {
        std::string id = n.node().attribute("eId").value();
        INFO("duplicate eId " << id);
        CHECK(seen.insert(id).second);
    }
    return seen;
}

/// Common checks: schema-valid, deterministic, well-formed; returns the XML.
std::string render_checked(const Document& d, const std::string& name) {
    std::string a = to_akn(d);
    std::string b = to_akn(d);
    REQUIRE(a == b);
    INFO(a.substr(0, 4000));
    REQUIRE(unres_test::akn_schema_errors(a, name) == "");
    REQUIRE(a.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
    REQUIRE(a.find('\r') == std::string::npos);
    REQUIRE(a.back() == '\n');
    return a;
}

Document sample_draft() {
    Document d;
    d.kind = DocKind::DraftResolution;
    auto& m = d.meta;
    m.body = f("General Assembly");
    m.symbol = f("A/C.3/78/L.52/Rev.1");
    m.distribution = f("Limited");
    m.date = f("2023-11-09");
    m.original_language = f("English");
    m.session = f("Seventy-eighth session");
    m.committee = f("Third Committee");
    m.agenda_items = {f("71 (b)")};
    m.agenda_title = f("Promotion and protection of human rights");
    m.sponsors = {f("Argentina"), f("Côte d'Ivoire"), f("Venezuela (Bolivarian Republic of)")};
    m.document_type = f("revised draft resolution");
    m.title = f("Protection of migrants");
    d.authority = f("The General Assembly,");

    Para p1 = pre("Recalling all its previous resolutions on the protection of migrants,");
    p1.italics = {{0, 9}};
    add_mark(p1, "1", p1.text.size());
    Para p2 = pre("Reaffirming the Universal Declaration of Human Rights, which proclaims");
    p2.italics = {{0, 11}};
    add_mark(p2, "2", 53);  // after the comma
    Para p3 = pre("Recalling also the Global Compact,");
    p3.italics = {{0, 14}};  // "Recalling also", and a mark inside it
    add_mark(p3, "3", 9);
    d.preamble = {p1, p2, p3};

    Para o1 = op(1, "Calls upon States to promote and protect the human rights of all migrants;");
    o1.italics = {{0, 10}};
    Para o2 = op(2, "Reaffirms the rights set forth in the Universal Declaration, and in this regard:",
                 {letter("a", "Strongly condemns acts of racism;"),
                  letter("b", "Encourages States to establish mechanisms which allow migrants:",
                         {roman("i", "To report abuse;"), roman("ii", "To have complaints addressed.")})});
    add_mark(o2.children[1].children[0], "4", 9);
    Para o3 = op(3, "Recalls the Universal Declaration again;");
    add_mark(o3, "2", 39);  // footnote 2 referred to again
    Para o4 = op(4, "Takes note of the report of the Secretary-General;");
    o4.orphan_notes = {"5"};
    Para o5 = op(5, "Decides to remain seized of the matter.");
    d.operative = {o1, o2, o3, o4, o5};

    d.footnotes = {note("1", "See A/72/53, chap. V, sect. A."), note("2", "Resolution 217 A (III)."),
                   note("3", "Resolution 73/195."), note("4", "Ibid."), note("5", "See A/78/203."),
                   note("*", "Any changes to the list of sponsors will be reflected in the official record.")};
    return d;
}

}  // namespace

TEST_CASE("akn: sample-like draft resolution", "[akn]") {
    Document d = sample_draft();
    std::string s = render_checked(d, "sample");
    Xml x(s);
    auto ids = unique_eids(x);

    CHECK(x.attr("/akomaNtoso/statement/@name") == "draftResolution");
    CHECK(x.attr("//FRBRWork/FRBRthis/@value") ==
          "/akn/un/statement/deliberation/unga/2023-11-09/a-c.3-78-l.52-rev.1/!main");
    CHECK(x.attr("//FRBRExpression/FRBRuri/@value") ==
          "/akn/un/statement/deliberation/unga/2023-11-09/a-c.3-78-l.52-rev.1/eng@");
    CHECK(x.attr("//FRBRWork/FRBRnumber/@showAs") == "A/C.3/78/L.52/Rev.1");
    CHECK(x.attr("//FRBRWork/FRBRdate/@date") == "2023-11-09");
    CHECK(x.text("//coverPage//docStatus") == "Distr.: Limited");
    CHECK(x.attr("//coverPage//docDate/@date") == "2023-11-09");
    CHECK(x.text("//coverPage//docDate") == "9 November 2023");
    CHECK(x.attr("//coverPage//session/@value") == "78");
    CHECK(x.count("//coverPage//inline[@name='agendaItem']") == 1);
    CHECK(x.count("//coverPage//docProponent") == 3);
    CHECK(x.text("//coverPage//docType") == "revised draft resolution");
    CHECK(x.text("//preface//docTitle") == "Protection of migrants");
    CHECK(x.count("//preface//docNumber") == 0);  // drafts have no resolution number
    CHECK(x.text("//preamble/formula[@name='enactingFormula']/p") == "The General Assembly,");

    // every #id used has a TLC in references
    for (auto n : x.doc.select_nodes("//@refersTo | //@href[starts-with(., '#')] | //@as | //@source")) {
        std::string v = n.attribute().value();
        if (v.empty() || v[0] != '#' || v.rfind("#authorialNote", 0) == 0) continue;
        INFO(v);
        CHECK(x.doc.select_node(("//references/*[@eId='" + v.substr(1) + "']").c_str()));
    }

    CHECK(x.count("//preamble/container[@name='preambularParagraph']") == 3);
    CHECK(ids.count("preamble__container_3") == 1);
    CHECK(x.count("//mainBody/paragraph") == 5);
    CHECK(x.count("//mainBody//point") == 4);
    std::vector<std::string> nums;
    for (auto n : x.doc.select_nodes("//mainBody/paragraph/num")) nums.push_back(n.node().text().get());
    CHECK(nums == std::vector<std::string>{"1.", "2.", "3.", "4.", "5."});
    CHECK(ids.count("para_2__list_1__point_b") == 1);
    CHECK(ids.count("para_2__list_1__point_b__list_1__point_ii") == 1);
    // nested list INSIDE its parent point, intro before the points
    CHECK(x.count("//point[@eId='para_2__list_1__point_b']/list/point") == 2);
    CHECK(x.text("//paragraph[@eId='para_2']/list/intro/p").rfind("Reaffirms the rights", 0) == 0);
    CHECK(x.text("//point[@eId='para_2__list_1__point_a']/num") == "(a)");
    CHECK(x.text("//point[@eId='para_2__list_1__point_b__list_1__point_i']/num") == "(i)");

    // footnotes: 1-5 numbered + the asterisk note; footnote 2 referred to twice
    CHECK(x.count("//authorialNote") == 6);
    CHECK(x.count("//authorialNote[@placement='bottom']") == 6);
    CHECK(x.count("//noteRef[@href='#authorialNote_2'][@marker='2']") == 1);
    CHECK(x.count("//paragraph[@eId='para_3']//noteRef") == 1);
    CHECK(x.attr("//container[@eId='preamble__container_2']/p/authorialNote/@eId") == "authorialNote_2");
    CHECK(x.attr("//container[@eId='preamble__container_2']/p/authorialNote/@marker") == "2");
    // the orphan note 5 is written at the end of paragraph 4
    CHECK(x.count("//paragraph[@eId='para_4']/content/p/authorialNote[@marker='5']") == 1);
    // ... marked as having no mark, so that it reads back as an orphan, not a mark
    CHECK(x.attr("//authorialNote[@marker='5']/@class") == "noMark");
    CHECK(x.count("//authorialNote[@class='noMark']") == 1);
    // the asterisk note has its own eId, on the sponsor line
    CHECK(x.attr("//authorialNote[@marker='*']/@eId") != "authorialNote_*");
    CHECK(x.count("//coverPage/p[docProponent]/authorialNote[@marker='*']") == 1);
    // footnote at (i): mark inside the point's text
    CHECK(x.count("//point[@eId='para_2__list_1__point_b__list_1__point_i']//authorialNote[@marker='4']") == 1);
    // note text is kept
    CHECK(x.text("//authorialNote[@marker='2']/p") == "Resolution 217 A (III).");

    // italics: "Recalling also" with the mark for note 3 inside: <i>Recalling</i><note/><i> also</i>
    auto p3 = x.doc.select_node("//container[@eId='preamble__container_3']/p").node();
    std::vector<std::string> kinds;
    for (auto c : p3.children()) kinds.push_back(c.type() == pugi::node_pcdata ? "#text" : c.name());
    CHECK(kinds == std::vector<std::string>{"i", "authorialNote", "i", "#text"});
    CHECK(std::string(p3.first_child().text().get()) == "Recalling");
    CHECK(x.text("//paragraph[@eId='para_1']/content/p/i") == "Calls upon");
    // the text outside notes is exactly the paragraph text
    std::string flat;
    for (auto c : p3.children()) {
        if (std::string(c.name()) == "authorialNote") continue;
        flat += c.type() == pugi::node_pcdata ? c.value() : c.text().get();
    }
    CHECK(flat == "Recalling also the Global Compact,");
}

TEST_CASE("akn: sample draft layout is stable", "[akn]") {
    std::string s = to_akn(sample_draft());
    CHECK(s.find("<statement name=\"draftResolution\">\n    <meta>\n      <identification source=\"#unres\">") !=
          std::string::npos);
    CHECK(s.find("<authorialNote marker=\"2\" placement=\"bottom\" eId=\"authorialNote_2\"><p>Resolution 217 A "
                 "(III).</p></authorialNote>") != std::string::npos);
    CHECK(s.find("<noteRef href=\"#authorialNote_2\" marker=\"2\"/>") != std::string::npos);
    CHECK(s.find("      <paragraph eId=\"para_1\">\n        <num>1.</num>\n        <content>\n          <p><i>Calls "
                 "upon</i> States") != std::string::npos);
}

TEST_CASE("akn: adopted resolution with sections, headings, closing and annexes", "[akn]") {
    Document d;
    d.kind = DocKind::Resolution;
    d.meta.body = f("General Assembly");
    d.meta.symbol = f("A/RES/78/247");
    d.meta.date = f("2023-12-28");
    d.meta.adoption_date = f("2023-12-22");
    d.meta.number = f("78/247");
    d.meta.title = f("Report on the activities of the Office of Internal Oversight Services");
    d.meta.origin = f("[on the report of the Fifth Committee (A/78/661)]");
    d.authority = f("The General Assembly,");
    d.preamble = {pre("Recalling its resolutions 48/218 B,")};
    Para sp = pre("Having considered the report of the Office,");
    sp.section = "I";
    add_mark(sp, "1", 43);
    d.preamble.push_back(sp);
    d.sections = {{"I", "Activities of the Office", 0, {}}, {"II", "Capacity-building", 0, {}},
                  {"III", "Empty section", 0, {}}};
    Para a = op(1, "Reaffirms its primary role;");
    a.section = "I";
    Para b = op(2, "Also reaffirms its oversight role;");
    b.section = "I";
    Para c = op(1, "Recognizes the roles of the oversight bodies;");  // numbering restarts
    c.section = "II";
    c.heading = "Oversight bodies";
    Para e = op(2, "Requests the Secretary-General to report:", {letter("a", "on x;"), letter("b", "on y.")});
    e.section = "II";
    e.children[1].heading = "Further matters";
    d.operative = {a, b, c, e};
    d.closing.meeting = "53rd plenary meeting";
    d.closing.date = "2023-12-22";
    d.footnotes = {note("1", "A/78/301 (Part I).")};

    Annex x1;
    x1.num = "I";
    x1.title = "Provisional agenda";
    x1.operative = {op(1, "Opening of the Conference."), op(2, "Election of the two Presidents.")};
    Annex x2;
    x2.num = "II";
    x2.title = "Declaration";
    x2.preamble = {pre("We, the Heads of State,")};
    Para s1 = op(1, "We commit to act.");
    s1.section = "A";
    Para s2 = op(2, "We decide to meet.");
    s2.section = "A";
    x2.operative = {s1, s2};
    x2.sections = {{"A", "Commitments", 0, {}}};
    d.annexes = {x1, x2};

    std::string s = render_checked(d, "sections");
    Xml x(s);
    auto ids = unique_eids(x);
    CHECK(x.attr("/akomaNtoso/statement/@name") == "resolution");
    CHECK(x.attr("//statement/meta//FRBRWork/FRBRuri/@value") == "/akn/un/statement/deliberation/unga/2023-12-22/78-247");
    CHECK(x.attr("//statement/meta//FRBRWork/FRBRdate/@name") == "adoption");
    CHECK(x.text("//preface//docNumber") == "78/247.");
    CHECK(x.count("//statement/mainBody/section") == 3);
    CHECK(ids.count("sec_I__para_1") == 1);
    CHECK(ids.count("sec_II__para_1") == 1);
    CHECK(ids.count("sec_II__para_2__list_1__point_b") == 1);
    CHECK(x.text("//section[@eId='sec_II']/heading") == "Capacity-building");
    CHECK(x.text("//section[@eId='sec_III']/num") == "III");
    CHECK(x.count("//section[@eId='sec_I']/crossHeading[@refersTo='#preamble']") == 1);
    CHECK(x.count("//section[@eId='sec_I']/crossHeading/authorialNote") == 1);
    CHECK(x.count("//references/TLCConcept[@eId='preamble']") == 1);
    CHECK(x.text("//section[@eId='sec_II']/crossHeading") == "Oversight bodies");
    CHECK(x.text("//point[@eId='sec_II__para_2__list_1__point_b']/preceding-sibling::crossHeading[1]") ==
          "Further matters");
    CHECK(x.count("//statement/preamble/container") == 1);  // the section's preamble is not in <preamble>
    CHECK(x.text("//conclusions//inline[@name='meeting']") == "53rd plenary meeting");
    CHECK(x.attr("//conclusions//docDate/@date") == "2023-12-22");

    CHECK(x.count("//attachments/attachment") == 2);
    CHECK(x.count("//attachment/doc[@name='annex']") == 2);
    CHECK(x.attr("//attachment[1]/@eId") == "att_1");
    CHECK(x.text("//attachment[1]/doc/preface//docNumber") == "Annex I");
    CHECK(x.text("//attachment[2]/doc/preface//docTitle") == "Declaration");
    CHECK(x.count("//attachment[1]/doc/mainBody/paragraph") == 2);
    CHECK(ids.count("att_1__para_1") == 1);
    CHECK(ids.count("att_2__sec_A__para_2") == 1);
    CHECK(ids.count("att_2__preamble__container_1") == 1);
    CHECK(x.count("//attachment/doc/meta/identification/FRBRWork") == 2);
    CHECK(x.attr("//attachment[2]/doc/meta//FRBRWork/FRBRthis/@value") ==
          "/akn/un/statement/deliberation/unga/2023-12-22/78-247/!main/annex_2");
    // numbering restarts: the num texts are kept as written
    std::vector<std::string> nums;
    for (auto n : x.doc.select_nodes("//statement/mainBody/section/paragraph/num")) nums.push_back(n.node().text().get());
    CHECK(nums == std::vector<std::string>{"1.", "2.", "1.", "2."});
}

TEST_CASE("akn: repeated section labels and interrupted runs keep every heading", "[akn]") {
    Document d;
    // listed sections come first, in their order; labels only paragraphs carry follow
    d.sections = {{"I", "First I", 0, {}}, {"II", "Second", 0, {}}, {"I", "Another I", 0, {}}, {"", "Unlabelled", 0, {}}};
    Para a = op(1, "in I;");
    a.section = "I";
    Para b = op(2, "top level;");
    Para c = op(3, "in the second I;");
    c.section = "I";
    Para e = op(4, "in IV, a section nobody listed.");
    e.section = "IV";
    d.operative = {a, b, c, e};
    std::string s = render_checked(d, "dupsections");
    Xml x(s);
    auto ids = unique_eids(x);
    std::vector<std::string> heads;
    for (auto n : x.doc.select_nodes("//mainBody/section")) {
        auto h = n.node().child("heading");
        heads.push_back(std::string(n.node().child("num").text().get()) + "|" + (h ? h.text().get() : "-"));
    }
    CHECK(heads == std::vector<std::string>{"I|First I", "II|Second", "I|Another I", "|Unlabelled", "IV|-"});
    CHECK(x.count("//mainBody/paragraph") == 1);
    CHECK(ids.count("sec_I_2__para_3") == 1);

    std::string t = to_text(d, false);
    CHECK(t == "I\n\nFirst I\n\n1. in I;\n\n2. top level;\n\nII\n\nSecond\n\nI\n\nAnother I\n\n3. in the "
               "second I;\n\nUnlabelled\n\nIV\n\n4. in IV, a section nobody listed.\n");
}

TEST_CASE("akn: amendment instructions", "[akn]") {
    Document d;
    d.kind = DocKind::Amendment;
    d.meta.symbol = f("A/C.2/80/L.62");
    d.meta.date = f("2025-11-20");
    d.meta.document_type = f("amendment to draft resolution A/C.2/80/L.13/Rev.1");
    d.meta.sponsor_text = f("Denmark:*");
    d.footnotes = {note("*", "On behalf of the States Members of the United Nations that are members of the European Union.")};
    d.instructions = {op(1, "Delete the twenty-first preambular paragraph."),
                      op(2, "In operative paragraph 12, replace \"calls\" with \"urges\".")};
    std::string s = render_checked(d, "amendment");
    Xml x(s);
    unique_eids(x);
    CHECK(x.attr("/akomaNtoso/statement/@name") == "amendment");
    CHECK(x.count("//mainBody/paragraph") == 2);
    CHECK(x.text("//paragraph[@eId='para_2']/content/p") == "In operative paragraph 12, replace \"calls\" with \"urges\".");
    CHECK(x.attr("//FRBRWork/FRBRnumber/@value") == "a-c.2-80-l.62");
    CHECK(x.count("//coverPage//inline[@name='sponsorLine']") == 1);
    CHECK(x.count("//coverPage//authorialNote[@marker='*']") == 1);
    CHECK(s.find("&quot;calls&quot;") != std::string::npos);
}

TEST_CASE("akn: empty document and missing metadata stay valid", "[akn]") {
    Document d;
    std::string s = render_checked(d, "empty");
    Xml x(s);
    unique_eids(x);
    CHECK(x.attr("/akomaNtoso/statement/@name") == "draftResolution");
    CHECK(x.attr("//FRBRWork/FRBRuri/@value") == "/akn/un/statement/deliberation/unga/0001-01-01/unnumbered");
    CHECK(x.count("//mainBody/*") == 1);
    CHECK(x.count("//FRBRnumber") == 0);

    SECTION("annex-only, invalid date, unknown session, resolution without number") {
        Document r;
        r.kind = DocKind::Resolution;
        r.meta.date = f("2023-02-30");  // not a date
        r.meta.session = f("Special session");
        r.meta.body = f("Security Council");
        Annex a;
        a.operative = {op(1, "Text of the annex.")};
        r.annexes = {a};
        std::string t = render_checked(r, "annexonly");
        Xml y(t);
        unique_eids(y);
        CHECK(y.attr("//statement/meta//FRBRWork/FRBRthis/@value") ==
              "/akn/un/statement/deliberation/unsc/0001-01-01/unnumbered/!main");
        CHECK(y.count("//coverPage//docDate") == 0);
        CHECK(y.text("//coverPage//inline[@name='docDate']") == "2023-02-30");
        CHECK(y.count("//coverPage//session[@value]") == 0);
        CHECK(y.text("//attachment/doc/preface//docNumber") == "Annex");
        CHECK(y.count("//attachment/doc/mainBody/paragraph") == 1);
    }
    SECTION("footnotes that no mark and no paragraph places go to a block at the end of the main body") {
        Document r;
        r.footnotes = {note("1", "Nowhere placed."), note("2", "Also nowhere.")};
        std::string t = render_checked(r, "notesonly");
        Xml y(t);
        CHECK(y.count("//mainBody/block[@name='footnotes']/authorialNote") == 2);
        CHECK(y.count("//authorialNote[@class='noMark']") == 0);

        r.operative = {op(1, "First;"), op(2, "Second:", {letter("a", "sub a;"), letter("b", "sub b.")})};
        add_mark(r.operative[0], "9", 3);  // a mark without a body is left out
        t = render_checked(r, "notesleft");
        Xml z(t);
        CHECK(z.count("//authorialNote") == 2);
        CHECK(z.count("//noteRef") == 0);
        CHECK(z.count("//mainBody/block[@name='footnotes']/authorialNote") == 2);
        CHECK(z.count("//paragraph//authorialNote") == 0);
    }
    SECTION("unnumbered and duplicate paragraph numbers") {
        Document r;
        r.operative = {pre("Approves the report of the Credentials Committee."), op(5, "Five."), op(5, "Five again."),
                       op(6, "Six:", {letter("a", "x;"), letter("a", "x again;"), pre("unlabelled")})};
        std::string t = render_checked(r, "dupes");
        Xml y(t);
        auto ids = unique_eids(y);
        CHECK(y.count("//mainBody/paragraph") == 4);
        CHECK(y.count("//paragraph[@eId='para_1']/num") == 0);
        CHECK(ids.count("para_5") == 1);
        CHECK(ids.count("para_5_2") == 1);
        CHECK(ids.count("para_6__list_1__point_a_2") == 1);
        CHECK(ids.count("para_6__list_1__point_3") == 1);
    }
    SECTION("manifestation date option") {
        AknOptions o;
        o.manifestation_date = "2024-01-15";
        Document r = sample_draft();
        std::string t = to_akn(r, o);
        REQUIRE(unres_test::akn_schema_errors(t, "mdate") == "");
        Xml y(t);
        CHECK(y.attr("//FRBRManifestation/FRBRdate/@date") == "2024-01-15");
        CHECK(y.attr("//FRBRWork/FRBRdate/@date") == "2023-11-09");
    }
}

TEST_CASE("akn: XML-special and forbidden characters", "[akn]") {
    Document d = sample_draft();
    const std::string nasty = std::string("A & B < C > D \"q\" 'a' ]]> ") + '\x01' + '\x0B' + '\x1F' +
                              "\xEF\xBF\xBE" + "\xEF\xBF\xBF" + "\xC3\x28" + "\xED\xA0\x80" + "\xFF" + " end";
    d.meta.title.value = nasty;
    d.meta.symbol.value = "A/C.3/78/L.52 <&>";
    d.meta.sponsors.push_back(f("Türkiye & <Others>"));
    d.meta.session.value = nasty;
    d.authority.value = "The General Assembly, <&>";
    d.operative[0].text = nasty;
    d.operative[0].italics = {{2, 5}, {4, 9}, {200, 300}};  // overlapping, out of range
    add_mark(d.operative[0], "1", 3);
    add_mark(d.operative[0], "4", 1000);  // past the end
    d.operative[1].heading = "Heading with <tags> & \x02 controls";
    d.footnotes[0].text = nasty;
    d.preamble[0].text = "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D";
    d.preamble[0].italics = {{0, 4}};  // ends inside the two-byte é: floored to a boundary
    d.preamble[1].italics = {{0, 5}, {5, 11}};
    add_mark(d.preamble[1], "7", 5);  // no such note: nothing written, the <i> stays whole
    d.unclassified.push_back({"stray <text> & \x07 kept", 1, {}});
    std::string s = render_checked(d, "special");
    Xml x(s);
    unique_eids(x);
    CHECK(s.find('\x01') == std::string::npos);
    CHECK(s.find("\xEF\xBF\xBE") == std::string::npos);
    CHECK(x.text("//preface//docTitle").rfind("A & B < C > D \"q\" 'a' ]]> ", 0) == 0);
    CHECK(x.text("//coverPage//docNumber") == "A/C.3/78/L.52 <&>");
    CHECK(x.count("//coverPage//docProponent") == 4);
    CHECK(x.text("//mainBody/block[@name='crossHeading']") == "Heading with <tags> &  controls");
    CHECK(x.text("//mainBody/block[@name='unclassified']") == "stray <text> &  kept");
    CHECK(x.text("//container[@eId='preamble__container_1']/p/i") == "Caf");
    CHECK(x.count("//container[@eId='preamble__container_2']/p/i") == 1);
    CHECK(x.text("//container[@eId='preamble__container_2']/p/i") == "Reaffirming");
    CHECK(x.attr("//FRBRWork/FRBRnumber/@value") == "a-c.3-78-l.52");
}

TEST_CASE("akn: very deep nesting", "[akn]") {
    auto nest = [](int depth) {
        Para leaf = letter("a", "level " + std::to_string(depth) + ".");
        for (int i = depth - 1; i >= 1; --i) {
            Para p = i == 1 ? op(1, "level 1:") : letter(i % 2 ? "a" : "i", "level " + std::to_string(i) + ":");
            p.children.push_back(std::move(leaf));
            leaf = std::move(p);
        }
        Document d;
        d.operative.push_back(std::move(leaf));
        return d;
    };
    SECTION("depth 50") {
        Document d = nest(50);
        std::string s = render_checked(d, "deep50");
        Xml x(s);
        auto ids = unique_eids(x);
        CHECK(x.count("//point") == 49);
        CHECK(x.count("//list") == 49);
        CHECK(ids.count("para_1__list_1__point_i__list_1__point_a") == 1);
        CHECK(x.text("(//point)[last()]/content/p") == "level 50.");
    }
    SECTION("depth 300: deeper levels flattened, no text lost, still parseable by xmllint") {
        Document d = nest(300);
        std::string s = render_checked(d, "deep300");
        Xml x(s);
        unique_eids(x);
        CHECK(x.count("//point") == 299);
        for (int lvl : {1, 99, 100, 101, 250, 300}) {
            std::string want = "level " + std::to_string(lvl) + (lvl == 300 ? "." : ":");
            INFO(want);
            CHECK(x.doc.select_node(("//p[text()='" + want + "']").c_str()));
        }
    }
    SECTION("deep preamble sub-paragraphs") {
        Document d = nest(130);
        d.preamble.push_back(std::move(d.operative[0]));
        d.operative.clear();
        std::string s = render_checked(d, "deeppre");
        Xml x(s);
        unique_eids(x);
        CHECK(x.count("//preamble//item") == 129);
    }
}

TEST_CASE("text writer: UN layout with marks and italics", "[akn][text]") {
    Document d = sample_draft();
    std::string t = to_text(d, false);
    CHECK(t == to_text(d, false));
    CHECK(t.rfind("United Nations\nA/C.3/78/L.52/Rev.1\nGeneral Assembly\nDistr.: Limited\n9 November 2023\n", 0) == 0);
    CHECK(t.find("\nThe General Assembly,\n") != std::string::npos);
    CHECK(t.find("\nArgentina, Côte d'Ivoire and Venezuela (Bolivarian Republic of): revised draft resolution\n") !=
          std::string::npos);
    // clean text: marks as superscript digits, no markup, the notes under the rule after the body
    CHECK(t.find("\n\nRecalling all its previous resolutions on the protection of migrants,\u00B9\n") !=
          std::string::npos);
    CHECK(t.find("\n\n1. Calls upon States") != std::string::npos);
    CHECK(t.find("\n\n(b) Encourages States") != std::string::npos);
    CHECK(t.find("\n\n(i) To report\u2074 abuse;\n") != std::string::npos);
    CHECK(t.find("<sup>") == std::string::npos);
    std::size_t rule = t.find("\n\n__________\n");
    REQUIRE(rule != std::string::npos);
    CHECK(t.find("\n2 Resolution 217 A (III).\n", rule) != std::string::npos);
    CHECK(t.find("\n* Any changes", rule) != std::string::npos);
    CHECK(t.find("Calls upon States") < rule);  // every note after the body

    std::string md = to_text(d, true);
    CHECK(md.find("\n## Protection of migrants\n") != std::string::npos);
    CHECK(md.find("\n\n1. *Calls upon* States") != std::string::npos);
    CHECK(md.find("*Recalling*<sup>3</sup>* also* the Global") == std::string::npos);
    CHECK(md.find("*Recalling*<sup>3</sup> *also* the Global Compact,") != std::string::npos);

    Document r;
    r.kind = DocKind::Resolution;
    r.meta.number = f("78/217");
    r.meta.title = f("Protection of migrants");
    r.operative = {op(1, "Decides 2 * 3_x;")};
    r.closing.meeting = "50th plenary meeting";
    r.closing.date = "2023-12-19";
    Annex a;
    a.num = "I";
    a.title = "Agenda";
    a.operative = {op(1, "Opening.")};
    r.annexes = {a};
    std::string rt = to_text(r, false);
    // An adopted text always gets its "Resolution adopted by ..." line, so that it reads back as one.
    CHECK(rt == "Resolution adopted by the General Assembly\n\n78/217. Protection of migrants\n\n1. Decides 2 * 3_x;\n\n"
                "50th plenary meeting\n19 December 2023\n\nAnnex I\n\nAgenda\n\n1. Opening.\n");
    CHECK(to_text(r, true).find("1. Decides 2 \\* 3\\_x;") != std::string::npos);
    CHECK(to_text(Document{}, false).empty());
}

namespace {

/// Deterministic random documents (raw mt19937 output only, so the same on every platform).
class RandomDoc {
public:
    explicit RandomDoc(unsigned seed) : rng_(seed) {}

    Document make() {
        Document d;
        d.kind = static_cast<DocKind>(pick(5));
        auto& m = d.meta;
        for (Field* fld : {&m.body, &m.symbol, &m.distribution, &m.original_language, &m.session, &m.committee,
                           &m.agenda_title, &m.sponsor_text, &m.document_type, &m.title, &m.number, &m.origin})
            if (pick(3) != 0) fld->value = str();
        const char* dates[] = {"2023-12-19", "bad", "", "2024-02-29", "2023-02-29", "0000-01-01"};
        m.date.value = dates[pick(6)];
        m.adoption_date.value = dates[pick(6)];
        for (std::size_t i = 0, n = pick(3); i < n; ++i) m.agenda_items.push_back(f(str()));
        for (std::size_t i = 0, n = pick(4); i < n; ++i) m.sponsors.push_back(f(pick(2) ? str() : "Same State"));
        if (pick(2)) d.authority.value = str();
        for (std::size_t i = 0, n = pick(5); i < n; ++i) d.preamble.push_back(para_(0, true));
        for (std::size_t i = 0, n = pick(7); i < n; ++i) d.operative.push_back(para_(0, true));
        for (std::size_t i = 0, n = pick(3); i < n; ++i) d.sections.push_back({label(), str(), 0, {}});
        if (d.kind == DocKind::Amendment || pick(4) == 0)
            for (std::size_t i = 0, n = pick(4); i < n; ++i) d.instructions.push_back(para_(0, false));
        const char* nums[] = {"1", "2", "2", "3", "*", "*", "", "x y"};
        for (std::size_t i = 0, n = pick(6); i < n; ++i) d.footnotes.push_back(note(nums[pick(8)], str()));
        for (std::size_t i = 0, n = pick(3); i < n; ++i) {
            Annex a;
            a.num = pick(2) ? label() : "";
            a.title = str();
            for (std::size_t k = 0, c = pick(3); k < c; ++k) a.preamble.push_back(para_(0, true));
            for (std::size_t k = 0, c = pick(4); k < c; ++k) a.operative.push_back(para_(0, true));
            if (pick(2)) a.sections.push_back({label(), str(), 0, {}});
            d.annexes.push_back(std::move(a));
        }
        if (pick(2)) {
            d.closing.meeting = str();
            d.closing.date = dates[pick(6)];
        }
        if (pick(3) == 0) d.unclassified.push_back({str(), 0, {}});
        return d;
    }

private:
    std::mt19937 rng_;

    std::size_t pick(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }

    std::string str() {
        static const char* parts[] = {"word", " ", "Recalling", "&", "<", ">", "\"", "'", "]]>", "\x01", "\x1F",
                                      "\xC3\xA9", "\xFF", "\xEF\xBF\xBF", "*", "/", "\t", "\n", "\xE2\x80\x9C",
                                      "\xED\xA0\x80", "\xC3"};
        std::string s;
        for (std::size_t i = 0, n = pick(8); i < n; ++i) s += parts[pick(21)];
        return s;
    }
    std::string label() {
        static const char* labels[] = {"I", "II", "I", "", "A", "x y", "\xC3\xA9", "1.1"};
        return labels[pick(8)];
    }
    Para para_(int depth, bool sectioned) {
        static const char* nums[] = {"1", "2", "2", "", "a", "*", "1.1", "x y", "ii", "<&>"};
        Para p;
        p.num = nums[pick(10)];
        p.kind = static_cast<LabelKind>(pick(6));
        if (pick(4) == 0) p.label = str();
        p.text = str();
        if (sectioned && depth == 0 && pick(3) == 0) p.section = label();
        if (pick(5) == 0) p.heading = str();
        const char* marks[] = {"1", "2", "3", "*", "9"};
        for (std::size_t i = 0, n = pick(4); i < n; ++i) add_mark(p, marks[pick(5)], pick(p.text.size() + 6));
        for (std::size_t i = 0, n = pick(3); i < n; ++i) p.italics.push_back({pick(p.text.size() + 4), pick(p.text.size() + 4)});
        if (pick(4) == 0) p.orphan_notes.push_back(marks[pick(5)]);
        if (depth < 4)
            for (std::size_t i = 0, n = pick(depth == 0 ? 4 : 3); i < n; ++i) p.children.push_back(para_(depth + 1, false));
        return p;
    }
};

}  // namespace

TEST_CASE("akn: random documents are valid, deterministic and keep every footnote", "[akn]") {
    for (unsigned seed = 1; seed <= 25; ++seed) {
        Document d = RandomDoc(seed).make();
        INFO("seed " << seed);
        std::string s = render_checked(d, "random");
        Xml x(s);
        unique_eids(x);
        CHECK(x.count("//authorialNote") == d.footnotes.size());
        CHECK(to_text(d, true) == to_text(d, true));
    }
}

TEST_CASE("TablePlaces: the tables before a paragraph of a part, in document order", "[akn]") {
    std::vector<Table> tables(5);
    tables[0].annex = -1, tables[0].after = 2, tables[0].line = 10;
    tables[1].annex = 0, tables[1].after = 0, tables[1].line = 20;
    tables[2].annex = -1, tables[2].after = 2, tables[2].line = 11;
    tables[3].annex = -1, tables[3].after = 0, tables[3].line = 5;
    tables[4].annex = 1, tables[4].after = 3, tables[4].line = 30;
    const TablePlaces places(tables);
    auto lines = [&](int annex, std::size_t index) {
        std::vector<std::uint32_t> out;
        for (const Table* t : places.at(annex, index)) out.push_back(t->line);
        return out;
    };
    CHECK(lines(-1, 2) == std::vector<std::uint32_t>{10, 11});
    CHECK(lines(-1, 0) == std::vector<std::uint32_t>{5});
    CHECK(lines(0, 0) == std::vector<std::uint32_t>{20});
    CHECK(lines(1, 3) == std::vector<std::uint32_t>{30});
    CHECK(lines(-1, 1).empty());
    CHECK(lines(0, 2).empty());
    CHECK(lines(2, 0).empty());
    CHECK(TablePlaces({}).at(-1, 0).empty());
}
