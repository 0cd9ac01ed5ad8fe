// Internal: how the AKN and text writers lay a body's operative paragraphs out in sections
// (one home for the rule both follow).
//
// One slot per listed section (Document::sections; labels may repeat), then one per label that
// only paragraphs carry (Para::section).  A run of paragraphs labelled X opens the first
// unopened slot X and, before it, the unopened slots listed earlier; a later run of X with no
// unopened slot X left opens X again, a section with no listed heading.  The slots never
// opened are opened at the end.  A label's section preamble (the preambular paragraphs of that
// section) is written at its first opening.  Every question is answered in constant or
// logarithmic time, so the layout is linear in the paragraphs and sections.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "unres/document.hpp"

namespace unres::writers {

class SectionSlots {
public:
    /// A section to open: its label and, for a listed section, its entry (else null).
    struct Open {
        const std::string* label;
        const Section* info;
    };

    /// The body's preambular paragraphs (only those with a section count), its operative
    /// paragraphs and its listed sections; all must outlive this object.
    SectionSlots(const std::vector<Para>& preamble, const std::vector<Para>& operative, const std::vector<Section>& sections);

    /// The sections to open, in order, for a run of paragraphs labelled `label` (not empty):
    /// the last one is the run's.
    std::vector<Open> run(const std::string& label);
    /// The slots still unopened after the last run, in order.
    std::vector<Open> rest();
    /// The preambular paragraphs of section `label` the first time it is asked, then none
    /// (none for an empty label).
    std::vector<const Para*> first_preamble(const std::string& label);

private:
    struct Queue {
        std::vector<std::size_t> slots;  // indices into slots_, ascending
        std::size_t next = 0;            // the entries before it are opened
    };
    std::vector<Open> slots_;
    std::size_t opened_ = 0;  // slots before it are opened (opening one opens those before it)
    std::unordered_map<std::string_view, Queue> by_label_;
    std::unordered_map<std::string_view, std::vector<const Para*>> preamble_;
    std::unordered_set<std::string_view> preamble_done_;
};

}  // namespace unres::writers
