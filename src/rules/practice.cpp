// Each body's own practice: whose text the rules check, and what that body's adopted texts do
// where they differ from the General Assembly's (EDITORIAL-RULES.md gives the Assembly's).
// Input: the document's metadata (body, symbol) and its authority ("The Security Council,").  Output: a Practice the rule families consult.
//
// The Security Council's adopted resolutions (its own Akoma Ntoso, 2020-2022):
//  * label the first level of a paragraph's items (i), (ii) or i., ii. in places, and letter the
//    items of a level below roman ones: only a level labelled like its parent is a fault (UNR109);
//  * open a list with a heading item ("(a) Protection of civilians") that has no colon and no
//    final punctuation of its own (UNR302, UNR304);
//  * end list items with "," as well as ";" (dashes and bullets "- to support ...,") (UNR302);
//  * continue the lettering of one item's sub-list in the next item's ("(i)" (a)-(f), then
//    "(ii)" (g)-(k)) (UNR104);
//  * open an operative paragraph with a participial phrase before its verb ("Acting under
//    Chapter VII of the Charter, decides", "Emphasizing ..., reaffirms") (UNR306);
//  * number a mandate's task as an operative paragraph of its own, under its own heading, after
//    the paragraph that set out the tasks ("the following tasks in priority order in paragraphs
//    24 through 34"; "Protection of the United Nations" / "27. Ensure the protection ...") (UNR306);
//  * close with "Decides to remain actively seized of the matter." (the last paragraph, with a
//    full stop, as any last paragraph).
// A presidential statement (S/PRST/...) is not a resolution: sentences in the Council's voice
// ("The Security Council recalls ..."), each a paragraph ending with a full stop, without the
// name of the organ on a line of its own (UNR002, UNR302, UNR306, UNR502 do not apply).
#include "rules/rules.hpp"

namespace unres::rules {

Practice practice_of(const Document& doc) {
    Practice p;
    const std::string& sym = doc.meta.symbol.value;
    p.council = sym.rfind("S/", 0) == 0 || doc.meta.body.value.find("Security Council") != std::string::npos ||
                doc.authority.value.find("Security Council") != std::string::npos;
    p.statement = sym.rfind("S/PRST/", 0) == 0;
    return p;
}

}  // namespace unres::rules
