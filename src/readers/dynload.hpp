// Internal: opening a shared object at run time (dlopen), for the parts of unres whose libraries
// cost start-up time and are needed only by some inputs: the PDF reader module (poppler, ~25
// libraries; src/readers/pdf_load.cpp) and libzip (.docx input; src/readers/docx.cpp).
//
// Guarantees: nothing is loaded before the first call; a failure is a message (the path and
// dlerror()), never a crash.  Handles are never closed (the libraries keep process-wide state).
#pragma once
#include <string>
#include <vector>

namespace unres::dynload {

/// The directory of the running executable (/proc/self/exe), without a trailing slash; "" when
/// it cannot be read.
std::string exe_dir();

/// The first of `paths` that dlopen() (RTLD_NOW | RTLD_LOCAL) opens, or nullptr; `opened` (when
/// given) is set to that path.  On failure `error` is dlerror() of the first path that exists
/// (the one that should have loaded), else of the last one tried.
void* open_first(const std::vector<std::string>& paths, std::string& error, std::string* opened = nullptr);

/// dlsym(handle, name); nullptr with `error` set to dlerror() when the symbol is missing.
void* symbol(void* handle, const char* name, std::string& error);

}  // namespace unres::dynload
