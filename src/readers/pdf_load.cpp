// The library's side of the PDF reader: pdf::extract() opens the PDF module (libunres-pdf.so:
// pdf.cpp and poppler) the first time a PDF is read, and runs the reader there.
//
// Where the module is looked for, in order:
//   - $UNRES_PDF_MODULE, when set: that file only;
//   - for an executable inside the build tree (tests, bench, fuzzers, build/<preset>/unres): the
//     module this build made (UNRES_PDF_MODULE_BUILD), only;
//   - else beside the executable, then in the install layout's lib dir relative to it
//     (bin/../lib), then in the lib dir it was installed to (UNRES_INSTALL_LIBDIR).
// Guarantees: loaded at most once per process (thread-safe); a module that cannot be opened, or
// comes from another build (pdf::module_abi() differs), makes every PDF input an InputError
// naming the module and saying why; the reader's own errors come back as it threw them.
#include <cstdlib>
#include <new>
#include <stdexcept>

#include "readers/dynload.hpp"
#include "readers/lines.hpp"
#include "readers/pdf.hpp"

#if !defined(UNRES_PDF_MODULE_BUILD) || !defined(UNRES_PDF_MODULE_FILE) || !defined(UNRES_INSTALL_LIBDIR)
#error "UNRES_PDF_MODULE_BUILD, UNRES_PDF_MODULE_FILE and UNRES_INSTALL_LIBDIR are set by CMakeLists.txt"
#endif

namespace unres::readers::pdf {

namespace {

constexpr const char* kModuleFile = UNRES_PDF_MODULE_FILE;  // libunres-pdf.so

using AbiFn = const char* (*)();
using EntryFn = int (*)(ModuleCall*);

struct Module {
    EntryFn entry = nullptr;
    std::string error;  ///< why there is no entry
};

std::vector<std::string> module_paths() {
    if (const char* env = std::getenv("UNRES_PDF_MODULE"); env != nullptr && *env != '\0') return {env};
    std::string dir = dynload::exe_dir();
    std::string_view build_dir = UNRES_BUILD_DIR;
    if (!dir.empty() && dir.compare(0, build_dir.size(), build_dir) == 0 &&
        (dir.size() == build_dir.size() || dir[build_dir.size()] == '/'))
        return {UNRES_PDF_MODULE_BUILD};
    std::vector<std::string> paths;
    if (!dir.empty()) {
        paths.push_back(dir + "/" + kModuleFile);
        paths.push_back(dir + "/" UNRES_LIBDIR_FROM_BINDIR "/" + kModuleFile);
    }
    paths.push_back(UNRES_INSTALL_LIBDIR "/" + std::string(kModuleFile));
    return paths;
}

Module load() {
    Module m;
    std::string why, path;
    void* h = dynload::open_first(module_paths(), why, &path);
    auto fail = [&](const std::string& what) {
        m.error = std::string("input is a PDF file, but unres cannot load its PDF reader module ") + kModuleFile +
                  " (" + what + ")";
        return m;
    };
    if (h == nullptr) return fail(why);
    auto abi = reinterpret_cast<AbiFn>(dynload::symbol(h, kModuleAbiSymbol, why));
    if (abi == nullptr) return fail(why);
    if (std::string theirs = abi(); theirs != module_abi())
        return fail(path + " comes from another build: " + theirs + ", this unres: " + module_abi());
    m.entry = reinterpret_cast<EntryFn>(dynload::symbol(h, kModuleEntrySymbol, why));
    if (m.entry == nullptr) return fail(why);
    return m;
}

}  // namespace

Extraction extract(std::string_view bytes, const Limits& limits) {
    static const Module module = load();
    if (module.entry == nullptr) throw InputError(module.error);
    Extraction out;
    std::string error;
    ModuleCall call{bytes.data(), bytes.size(), &limits, &out, &error, &is_furniture};
    switch (module.entry(&call)) {
        case kModuleOk: return out;
        case kModuleInputError: throw InputError(error);
        case kModuleNoMemory: throw std::bad_alloc();
        default: throw std::runtime_error(error.empty() ? std::string("the PDF reader failed") : error);
    }
}

}  // namespace unres::readers::pdf
