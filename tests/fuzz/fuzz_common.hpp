// Shared by the libFuzzer targets: the whole pipeline on one input, with the checks every input must pass.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "unres/parse.hpp"
#include "unres/source.hpp"
#include "unres/validate.hpp"
#include "unres/writers.hpp"

namespace unres_fuzz {

/// Aborts (a libFuzzer finding) with a message.
[[noreturn]] inline void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "unres fuzz: %s: %s\n", what, detail.c_str());
    std::abort();
}

/// bytes -> SourceFile -> parse(format) -> validate -> to_akn, to_json, to_text.
/// Undecodable bytes (InputError from SourceFile) are a documented outcome (exit 2), as is an
/// InputError from parse() when `parse_may_refuse` (XML that is not well-formed).  Any other
/// exception, a crash, a sanitizer report or an AKN output that is not well-formed XML is a finding.
inline int run_pipeline(const std::uint8_t* data, std::size_t size, unres::InputFormat format, bool parse_may_refuse) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    unres::SourceFile src;
    try {
        src = unres::SourceFile::from_bytes("fuzz-input", bytes);
    } catch (const unres::InputError&) {
        return 0;
    }
    unres::Document doc;
    try {
        doc = unres::parse(src, format);
    } catch (const unres::InputError& e) {
        if (parse_may_refuse) return 0;
        fail("parse refused decodable text (INTERFACE.md: parsing never refuses text)", e.what());
    }
    const std::vector<unres::Diagnostic> diags = unres::validate(doc, src);
    const std::string akn = unres::to_akn(doc);
    pugi::xml_document xml;
    const pugi::xml_parse_result parsed = xml.load_buffer(akn.data(), akn.size());
    if (!parsed) fail("to_akn wrote XML that is not well-formed", std::string(parsed.description()) + " at offset " +
                                                                      std::to_string(parsed.offset));
    (void)unres::to_json(doc, src, diags);
    (void)unres::to_text(doc, false);
    (void)unres::to_text(doc, true);
    return 0;
}

}  // namespace unres_fuzz
