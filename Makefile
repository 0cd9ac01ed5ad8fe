# unres — the two commands a fresh Debian 12 machine needs:
#   make run    install missing packages, build, check and convert the bundled samples (markdown, PDF)
#   make test   the same set-up, then every test
BUILD   ?= build/release
PRESET  ?= release
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
SAMPLE  ?= samples/A_C.3_78_L.52_Rev.1.md
SAMPLE_PDF ?= samples/A_C.1_80_L.45.pdf
OUT     ?= out
BENCH_ARGS   ?=
FUZZ_SECONDS ?= 60

.PHONY: all deps build run test asan asan-readers bench fuzz score clean
all: build

deps:
	@./scripts/install-deps.sh

build: deps
	cmake --preset $(PRESET) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@mkdir -p $(OUT)
	$(BUILD)/unres check $(SAMPLE); test $$? -le 1
	$(BUILD)/unres convert $(SAMPLE) --to akn -o $(OUT)/A_C.3_78_L.52_Rev.1.akn.xml
	@echo "wrote $(OUT)/A_C.3_78_L.52_Rev.1.akn.xml"
	$(BUILD)/unres check $(SAMPLE_PDF); test $$? -le 1
	$(BUILD)/unres convert $(SAMPLE_PDF) --to akn -o $(OUT)/A_C.1_80_L.45.akn.xml
	@echo "wrote $(OUT)/A_C.1_80_L.45.akn.xml"

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (build/asan)
asan: deps
	cmake --preset asan >/dev/null
	cmake --build build/asan -j $(JOBS) --target unres_tests
	ctest --test-dir build/asan --output-on-failure -j $(JOBS)

# What CI runs under the sanitizers (.ci/run): every reader (text, markdown, Akoma Ntoso, .docx) on hostile
# input, the fuzzers' regression inputs, the AKN reader, the .docx reader and the corpus; built as
# unres_reader_tests, which compiles only those test sources (tests/CMakeLists.txt)
ASAN_TESTS ?= [hostile],[fuzz-regressions],[aknread],[docx],[corpus]
asan-readers: deps
	cmake --preset asan >/dev/null
	cmake --build build/asan -j $(JOBS) --target unres_reader_tests
	build/asan/tests/unres_reader_tests "$(ASAN_TESTS)"

# Throughput on the release build: each stage in-process (bench/bench.cpp: make bench BENCH_ARGS="-n 50 FILE..."),
# then the whole command on a generated workload against grep (bench/workload.py: WORKLOAD_ARGS="--files 500")
WORKLOAD_ARGS ?=
bench: deps
	cmake --preset release >/dev/null
	cmake --build build/release -j $(JOBS) --target unres_bench unres_cli
	build/release/bench/unres_bench $(BENCH_ARGS)
	python3 bench/workload.py build/release/unres $(WORKLOAD_ARGS)

# libFuzzer, each target for FUZZ_SECONDS (clang): make fuzz FUZZ_SECONDS=600 [FUZZ_TARGETS="text docx"]
# New inputs go to build/fuzz/corpus/*, findings to build/fuzz/artifacts/; tests/fuzz/seeds/ is only read.
# Keep each finding, once fixed, in tests/fuzz/regressions/<target>/ (replayed by the [fuzz-regressions] test).
FUZZ_TARGETS ?= text akn docx pdf
fuzz:
	@./scripts/install-deps.sh fuzz
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/corpus/$$t build/fuzz/artifacts && \
	  echo "fuzz_$$t: $(FUZZ_SECONDS) s" && \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/fuzz/lsan.supp build/fuzz/tests/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=build/fuzz/artifacts/$$t- build/fuzz/corpus/$$t tests/fuzz/seeds/$$t || exit 1; \
	done

# The corpus score with the built CLI (tools/corpus-score.sh)
score: build
	tools/corpus-score.sh $(BUILD)/unres

clean:
	rm -rf build $(OUT)
