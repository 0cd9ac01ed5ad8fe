// How the AKN and text writers lay a body out in sections: see sections.hpp.
#include "writers/sections.hpp"

namespace unres::writers {

SectionSlots::SectionSlots(const std::vector<Para>& preamble, const std::vector<Para>& operative,
                           const std::vector<Section>& sections) {
    for (const Section& s : sections) slots_.push_back({&s.num, &s});
    std::unordered_set<std::string_view> listed;
    for (const Open& o : slots_) listed.insert(*o.label);
    for (const auto* list : {&operative, &preamble})
        for (const Para& p : *list)
            if (!p.section.empty() && listed.insert(p.section).second) slots_.push_back({&p.section, nullptr});
    for (std::size_t i = 0; i < slots_.size(); ++i) by_label_[*slots_[i].label].slots.push_back(i);
    for (const Para& p : preamble)
        if (!p.section.empty()) preamble_[p.section].push_back(&p);
}

std::vector<SectionSlots::Open> SectionSlots::run(const std::string& label) {
    std::vector<Open> out;
    auto it = by_label_.find(label);
    if (it != by_label_.end()) {
        Queue& q = it->second;
        while (q.next < q.slots.size() && q.slots[q.next] < opened_) ++q.next;
        if (q.next < q.slots.size()) {
            const std::size_t at = q.slots[q.next++];
            for (; opened_ <= at; ++opened_) out.push_back(slots_[opened_]);
            return out;
        }
    }
    out.push_back({&label, nullptr});  // no unopened slot left: the label opens again
    return out;
}

std::vector<SectionSlots::Open> SectionSlots::rest() {
    std::vector<Open> out(slots_.begin() + static_cast<std::ptrdiff_t>(opened_), slots_.end());
    opened_ = slots_.size();
    return out;
}

std::vector<const Para*> SectionSlots::first_preamble(const std::string& label) {
    if (label.empty() || !preamble_done_.insert(label).second) return {};
    auto it = preamble_.find(label);
    return it == preamble_.end() ? std::vector<const Para*>{} : it->second;
}

}  // namespace unres::writers
