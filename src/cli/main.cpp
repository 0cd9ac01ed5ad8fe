// Placeholder entry point; replaced by the real CLI.
#include <cstdio>
int main() { std::puts("unres " UNRES_VERSION); return 0; }
