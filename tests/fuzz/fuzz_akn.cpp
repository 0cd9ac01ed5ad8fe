// libFuzzer target: the Akoma Ntoso XML reader and everything after it.  Seeds: tests/fuzz/seeds/akn.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return unres_fuzz::run_pipeline(data, size, unres::InputFormat::Akn, /*parse_may_refuse=*/true);
}
