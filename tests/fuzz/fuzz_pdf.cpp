// libFuzzer target: the PDF reader (poppler-cpp text boxes -> typed lines -> text reader) and
// everything after it.  Seeds: tests/fuzz/seeds/pdf (a one-page draft written by
// tests/unit/pdf_make.hpp, and an encrypted one).  Damaged, encrypted
// or text-less PDFs are refused (InputError, exit 2): a documented outcome, not a finding.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return unres_fuzz::run_pipeline(data, size, unres::InputFormat::Auto, /*parse_may_refuse=*/false);
}
