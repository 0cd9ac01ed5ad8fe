// The PDF module's entry point (libunres-pdf.so = this file + pdf.cpp, linked with poppler-cpp).
//
// Exports two C-linkage symbols and nothing else (the module is built with hidden visibility):
// unres_pdf_module_abi() (the build it comes from, pdf::module_abi()) and unres_pdf_extract_v1()
// (runs read_with_poppler() on one input).  Guarantees: no exception leaves the module; each is a
// ModuleStatus with its message, which pdf_load.cpp turns back into the exception the reader threw
// (InputError, bad_alloc, or a runtime_error with the same message).  What the reader needs of the
// library (is_furniture) comes with the call, so the module links nothing of the library.
#include <new>
#include <stdexcept>

#include "readers/lines.hpp"
#include "readers/pdf.hpp"

#define UNRES_PDF_EXPORT __attribute__((visibility("default")))

namespace {
/// The library's is_furniture for the call running on this thread (ModuleCall::is_furniture).
thread_local bool (*library_is_furniture)(std::string_view) = nullptr;

/// The message for the library; a failure to copy it (no memory) leaves it empty.
void tell(std::string* error, const char* what) noexcept {
    try {
        *error = what;
    } catch (...) {
    }
}
}  // namespace

/// What pdf.cpp calls (declared in readers/lines.hpp): the library's own, passed in by the call.
bool unres::readers::is_furniture(std::string_view t) { return library_is_furniture(t); }

extern "C" UNRES_PDF_EXPORT const char* unres_pdf_module_abi() {
    static const std::string abi = unres::readers::pdf::module_abi();
    return abi.c_str();
}

extern "C" UNRES_PDF_EXPORT int unres_pdf_extract_v1(unres::readers::pdf::ModuleCall* call) {
    namespace pdf = unres::readers::pdf;
    library_is_furniture = call->is_furniture;
    try {
        *call->out = pdf::read_with_poppler(std::string_view(call->data, call->size), *call->limits);
        return pdf::kModuleOk;
    } catch (const unres::InputError& e) {
        tell(call->error, e.what());
        return pdf::kModuleInputError;
    } catch (const std::bad_alloc&) {
        return pdf::kModuleNoMemory;
    } catch (const std::exception& e) {
        tell(call->error, e.what());
    } catch (...) {
        tell(call->error, "the PDF reader failed");
    }
    return pdf::kModuleFailed;
}
