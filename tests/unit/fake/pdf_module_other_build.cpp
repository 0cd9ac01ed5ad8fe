// A stand-in for a PDF module from another build of unres (tests/unit/test_pdf.cpp): it exports the
// module's symbols, but its ABI string is not this build's, so the library must refuse it (exit 2,
// "comes from another build") and never call its entry point (which would abort the test).
#include <cstdlib>

extern "C" __attribute__((visibility("default"))) const char* unres_pdf_module_abi() {
    return "unres 0.0.0 pdf-module 0 sizes 0/0/0/0";
}

extern "C" __attribute__((visibility("default"))) int unres_pdf_extract_v1(void*) { std::abort(); }
