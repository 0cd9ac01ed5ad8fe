// libFuzzer target: the PDF reader (poppler-cpp text boxes -> typed lines -> text reader, in the
// PDF module) and everything after it.  Seeds: tests/fuzz/seeds/pdf (a one-page draft written by
// tests/unit/pdf_make.hpp, and an encrypted one).  Damaged, encrypted
// or text-less PDFs are refused (InputError, exit 2): a documented outcome, not a finding.
#include "fuzz_common.hpp"

// The PDF reader runs in the PDF module (libunres-pdf.so, opened on the first PDF): open it before
// fuzzing starts, so that libFuzzer counts its coverage from the first input on.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    try {
        (void)unres::load_source("init.pdf", "%PDF-1.0\n");
    } catch (const std::exception&) {
        // a damaged PDF: the module is open now (or cannot be, and every input says why)
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return unres_fuzz::run_pipeline(data, size, unres::InputFormat::Auto, /*parse_may_refuse=*/false);
}
