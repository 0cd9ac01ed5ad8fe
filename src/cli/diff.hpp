// `unres diff OLD NEW`: the options and the entry point (registered in main.cpp).
#pragma once
#include <string>

namespace unres::cli {

struct DiffCliOptions {
    std::string old_path;
    std::string new_path;
    std::string input_format = "auto";
    std::string format = "text";  ///< text | json | html
    std::string color = "auto";   ///< text only: auto (on a terminal) | always | never
    std::string output;           ///< empty or "-": standard output
};
/// 0: same structure and text, 1: differences, 2: trouble (thrown as UsageError / InputError).
int run_diff(const DiffCliOptions& opts);

}  // namespace unres::cli
