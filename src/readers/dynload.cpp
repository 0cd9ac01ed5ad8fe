// Opening a shared object at run time (see dynload.hpp).
#include "readers/dynload.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <array>

namespace unres::dynload {

std::string exe_dir() {
    std::array<char, 4096> buf{};
    ssize_t n = ::readlink("/proc/self/exe", buf.data(), buf.size() - 1);
    if (n <= 0) return {};
    std::string path(buf.data(), static_cast<std::size_t>(n));
    std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) return {};
    return path.substr(0, slash);
}

void* open_first(const std::vector<std::string>& paths, std::string& error, std::string* opened) {
    std::string first_existing, last = "no path to try";
    for (const std::string& p : paths) {
        if (void* h = ::dlopen(p.c_str(), RTLD_NOW | RTLD_LOCAL)) {
            if (opened != nullptr) *opened = p;
            return h;
        }
        const char* why = ::dlerror();
        last = why != nullptr ? why : p + ": cannot be opened";
        // A bare name (a soname) is searched for by the loader; of paths, the first that exists is
        // the one that should have loaded.
        bool exists = p.find('/') == std::string::npos || ::access(p.c_str(), F_OK) == 0;
        if (exists && first_existing.empty()) first_existing = last;
    }
    error = first_existing.empty() ? last : first_existing;
    return nullptr;
}

void* symbol(void* handle, const char* name, std::string& error) {
    ::dlerror();
    void* s = ::dlsym(handle, name);
    if (s == nullptr) {
        const char* why = ::dlerror();
        error = why != nullptr ? why : std::string(name) + ": no such symbol";
    }
    return s;
}

}  // namespace unres::dynload
