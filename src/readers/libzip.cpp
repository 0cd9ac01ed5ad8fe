// libzip opened on first use (see libzip.hpp).  The library file is the soname of the libzip the
// build was configured with (UNRES_LIBZIP_SONAME, read from it by CMakeLists.txt), found by the
// dynamic loader's usual search.
#include "readers/libzip.hpp"

#include <string>

#include "readers/dynload.hpp"
#include "unres/source.hpp"

#ifndef UNRES_LIBZIP_SONAME
#error "UNRES_LIBZIP_SONAME (libzip's soname, e.g. libzip.so.4) is set by CMakeLists.txt"
#endif

namespace unres::readers {

namespace {

struct Loaded {
    LibZip fns{};
    std::string error;  ///< why libzip is not there ("" when it is)
};

template <class Fn>
bool bind(void* h, const char* name, Fn& fn, std::string& error) {
    fn = reinterpret_cast<Fn>(dynload::symbol(h, name, error));
    return fn != nullptr;
}

Loaded load() {
    Loaded l;
    std::string why;
    void* h = dynload::open_first({UNRES_LIBZIP_SONAME}, why);
    LibZip& z = l.fns;
    bool ok = h != nullptr && bind(h, "zip_error_init", z.error_init, why) &&
              bind(h, "zip_error_fini", z.error_fini, why) && bind(h, "zip_error_strerror", z.error_strerror, why) &&
              bind(h, "zip_source_buffer_create", z.source_buffer_create, why) &&
              bind(h, "zip_source_free", z.source_free, why) && bind(h, "zip_open_from_source", z.open_from_source, why) &&
              bind(h, "zip_get_num_entries", z.get_num_entries, why) && bind(h, "zip_discard", z.discard, why) &&
              bind(h, "zip_name_locate", z.name_locate, why) && bind(h, "zip_stat_init", z.stat_init, why) &&
              bind(h, "zip_stat_index", z.stat_index, why) && bind(h, "zip_fopen_index", z.fopen_index, why) &&
              bind(h, "zip_strerror", z.strerror, why) && bind(h, "zip_fread", z.fread, why) &&
              bind(h, "zip_file_strerror", z.file_strerror, why) && bind(h, "zip_fclose", z.fclose, why);
    if (!ok) l.error = "input is a zip archive (.docx), but unres cannot load libzip (" + why + ")";
    return l;
}

}  // namespace

const LibZip& libzip() {
    static const Loaded loaded = load();
    if (!loaded.error.empty()) throw InputError(loaded.error);
    return loaded.fns;
}

}  // namespace unres::readers
