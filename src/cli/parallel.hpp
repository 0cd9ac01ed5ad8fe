// Internal to the `unres` executable: what the commands that read many files share: a thread pool
// over the files and the progress bar.
#pragma once
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <iostream>
#include <mutex>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace unres::cli {

/// "[=====>    ] 123/456 files" on stderr, redrawn in place (at most every 50 ms) and
/// erased at the end.  Only when stderr is a terminal, not with -q, for long runs.
class Progress {
public:
    Progress(std::size_t total, bool enabled) : total_(total), enabled_(enabled) {}
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// One more file done (called from the worker threads).
    void tick() {
        std::size_t done = ++done_;
        if (!enabled_) return;
        std::lock_guard<std::mutex> lock(mutex_);
        auto now = std::chrono::steady_clock::now();
        if (done < total_ && drawn_ && now - last_ < std::chrono::milliseconds(50)) return;
        last_ = now;
        draw(std::max(done, shown_));
    }
    /// Erases the bar, so the diagnostics start on a clean line.
    void finish() {
        if (!enabled_ || !drawn_) return;
        std::cerr << '\r' << std::string(width_, ' ') << '\r' << std::flush;
        drawn_ = false;
    }

private:
    void draw(std::size_t done) {
        constexpr std::size_t kBar = 30;
        std::size_t filled = total_ ? done * kBar / total_ : kBar;
        std::string bar(filled, '=');
        if (filled < kBar) bar += '>';
        bar.resize(kBar, ' ');
        std::string line = "[" + bar + "] " + std::to_string(done) + "/" + std::to_string(total_) + " files";
        width_ = std::max(width_, line.size());
        std::cerr << '\r' << line << std::flush;
        shown_ = done;
        drawn_ = true;
    }

    std::size_t total_;
    bool enabled_;
    std::atomic<std::size_t> done_{0};
    std::mutex mutex_;
    std::chrono::steady_clock::time_point last_{};
    std::size_t shown_ = 0;
    std::size_t width_ = 0;
    bool drawn_ = false;
};

/// Runs with more files than this show a progress bar (on a terminal).
inline constexpr std::size_t kProgressMinFiles = 20;

/// Calls work(0) ... work(n - 1), on `jobs` threads (0 = one per core), each index once.
/// `work` must not throw.
inline void run_parallel(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& work) {
    if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, n));
    if (jobs <= 1) {
        for (std::size_t i = 0; i < n; ++i) work(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    pool.reserve(jobs);
    for (unsigned t = 0; t < jobs; ++t)
        pool.emplace_back([&] {
            for (std::size_t i = next++; i < n; i = next++) work(i);
        });
    for (std::thread& th : pool) th.join();
}

}  // namespace unres::cli
