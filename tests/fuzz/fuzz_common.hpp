// Shared by the libFuzzer targets and by the unit test that replays their findings
// (tests/unit/test_fuzz_regressions.cpp): the whole pipeline on one input, with the checks
// every input must pass.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "unres/parse.hpp"
#include "unres/source.hpp"
#include "unres/validate.hpp"
#include "unres/writers.hpp"

namespace unres_fuzz {

/// What the pipeline did with one input.
struct Outcome {
    bool refused = false;  ///< an InputError where one is a documented outcome (exit 2)
    std::string problem;   ///< non-empty: a finding (what went wrong)
    std::string akn;       ///< the Akoma Ntoso written, when the input was accepted
};

/// bytes -> load_source -> parse(format) -> validate -> to_akn, to_json, to_text.
/// Undecodable bytes (InputError from SourceFile) are a documented outcome (exit 2), as is an
/// InputError from parse() when `parse_may_refuse` (XML that is not well-formed, too deep).
/// Any other exception or an AKN output that is not well-formed XML is a finding (crashes and
/// sanitizer reports end the process before this returns).
inline Outcome pipeline(std::string_view bytes, unres::InputFormat format, bool parse_may_refuse) {
    Outcome o;
    try {
        unres::SourceFile src;
        try {
            src = unres::load_source("fuzz-input", bytes);
        } catch (const unres::InputError&) {
            o.refused = true;
            return o;
        }
        unres::Document doc;
        try {
            doc = unres::parse(src, format);
        } catch (const unres::InputError& e) {
            if (parse_may_refuse) {
                o.refused = true;
                return o;
            }
            o.problem = std::string("parse refused decodable text (INTERFACE.md: parsing never refuses text): ") + e.what();
            return o;
        }
        const std::vector<unres::Diagnostic> diags = unres::validate(doc, src);
        o.akn = unres::to_akn(doc);
        pugi::xml_document xml;
        const pugi::xml_parse_result parsed = xml.load_buffer(o.akn.data(), o.akn.size());
        if (!parsed) {
            o.problem = std::string("to_akn wrote XML that is not well-formed: ") + parsed.description() + " at offset " +
                        std::to_string(parsed.offset);
            return o;
        }
        (void)unres::to_json(doc, src, diags);
        (void)unres::to_text(doc, false);
        (void)unres::to_text(doc, true);
    } catch (const std::exception& e) {
        o.problem = std::string("exception escaped the pipeline: ") + e.what();
    }
    return o;
}

/// The libFuzzer body: any finding aborts (libFuzzer keeps the input as a crash artifact).
inline int run_pipeline(const std::uint8_t* data, std::size_t size, unres::InputFormat format, bool parse_may_refuse) {
    const Outcome o = pipeline(std::string_view(reinterpret_cast<const char*>(data), size), format, parse_may_refuse);
    if (!o.problem.empty()) {
        std::fprintf(stderr, "unres fuzz: %s\n", o.problem.c_str());
        std::abort();
    }
    return 0;
}

}  // namespace unres_fuzz
