// `cahub bench quote`: how many quotes per second the full pipeline answers, and how long one
// takes (p50/p99). A benchmark to run by hand and to quote in the README, not a timed test.
// `cahub bench orders` is in bench_orders_command.cpp.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "cli/commands/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/latencies.hpp"
#include "cli/runtime.hpp"
#include "pipeline/quote_pipeline.hpp"
#include "pipeline/quote_request_json.hpp"

namespace cahub::cli {
namespace {

struct BenchOptions {
  long long n = 200000;
  int threads = 1;
  std::string region = "central";
  std::string ca = "bjca";
  bool json = false;
};

// A working day's mix at a central-procurement counter: new keys, renewals inside and far
// outside the online window (the latter runs a Lua function rule), a damaged key under warranty,
// an unlock and a refusal (bidding lock).
std::vector<QuoteRequest> request_mix(const BenchOptions& o, Date today) {
  const std::string t = today.iso();
  auto ago = [&](int days) { return today.plus_days(-days).iso(); };
  const nlohmann::json bodies[] = {
      {{"business", "new"}, {"channel", "onsite"}},
      {{"business", "renew"}, {"channel", "online"}, {"cert_not_before", ago(300)}, {"cert_not_after", today.plus_days(65).iso()}},
      {{"business", "renew"}, {"channel", "online"}, {"cert_not_before", ago(800)}, {"cert_not_after", ago(400)}},
      {{"business", "renew"}, {"channel", "onsite"}, {"cert_not_before", ago(340)}, {"cert_not_after", today.plus_days(25).iso()}},
      {{"business", "reissue_damaged"}, {"channel", "onsite"}, {"defect", "quality"}, {"cert_not_before", ago(100)},
       {"cert_not_after", today.plus_days(265).iso()}},
      {{"business", "unlock"}, {"channel", "onsite"}},
      {{"business", "renew"}, {"channel", "onsite"}, {"open_bid", true}, {"cert_not_before", ago(340)},
       {"cert_not_after", today.plus_days(25).iso()}},
  };
  std::vector<QuoteRequest> mix;
  for (nlohmann::json body : bodies) {
    body["region"] = o.region;
    body["ca"] = o.ca;
    body["today"] = t;
    mix.push_back(pipeline::parse_quote_request(body, today));
  }
  return mix;
}

}  // namespace

CommandRun add_bench_command(CLI::App& app, const GlobalOptions& global) {
  auto o = std::make_shared<BenchOptions>();
  CLI::App* bench = app.add_subcommand("bench", "Benchmarks");
  bench->require_subcommand(1);
  CLI::App* cmd = bench->add_subcommand("quote", "Quotes per second through the full quote pipeline");
  cmd->add_option("--n", o->n, "Number of quotes in all")->check(CLI::Range(1LL, 1'000'000'000LL));
  cmd->add_option("--threads", o->threads, "Worker threads")->check(CLI::Range(1, 256));
  cmd->add_option("--region", o->region, "Region script to quote against");
  cmd->add_option("--ca", o->ca, "CA plugin to quote against");
  cmd->add_flag("--json", o->json, "Print {\"quotes_per_s\":…, \"p50_us\":…, \"p99_us\":…}");
  CommandRun orders = add_bench_orders_command(*bench, global);

  return [o, cmd, orders, &global]() -> int {
    if (!cmd->parsed()) return orders();
    Runtime rt = load_runtime(global);
    pipeline::QuotePipeline pipeline(*rt.rule_book, *rt.plugins);
    const Date today = Date::today_utc8();
    const std::vector<QuoteRequest> mix = request_mix(*o, today);
    for (const auto& r : mix) pipeline.run(r);  // fail fast (and warm every thread's first state) before timing

    using clock = std::chrono::steady_clock;
    const auto threads = static_cast<std::size_t>(o->threads);
    std::vector<Latencies> latencies(threads);
    std::vector<std::thread> workers;
    const auto started = clock::now();
    for (std::size_t t = 0; t < threads; ++t) {
      const long long share = o->n / static_cast<long long>(threads) + (static_cast<long long>(t) < o->n % static_cast<long long>(threads) ? 1 : 0);
      workers.emplace_back([&, t, share] {
        auto& mine = latencies[t];
        mine.reserve(static_cast<std::size_t>(share));
        for (long long i = 0; i < share; ++i) {
          const QuoteRequest& request = mix[static_cast<std::size_t>(i) % mix.size()];
          const auto t0 = clock::now();
          auto ctx = pipeline.run(request);
          const auto t1 = clock::now();
          if (ctx.quote.years == 0) std::abort();  // keeps the result observable to the optimiser
          mine.add(t1 - t0);
        }
      });
    }
    for (auto& w : workers) w.join();
    const double seconds = std::chrono::duration<double>(clock::now() - started).count();

    Latencies all;
    for (const auto& l : latencies) all.merge(l);
    const double qps = static_cast<double>(o->n) / seconds;
    const double p50 = all.percentile_us(0.50), p99 = all.percentile_us(0.99);
    if (o->json) {
      std::cout << nlohmann::json{{"quotes_per_s", std::llround(qps)}, {"p50_us", p50}, {"p99_us", p99},
                                  {"n", o->n}, {"threads", o->threads}, {"region", o->region}}
                       .dump()
                << "\n";
    } else {
      std::printf("%lld quotes on %d thread(s) against %s/%s: %.0f quotes/s, p50 %.2f us, p99 %.2f us\n", o->n,
                  o->threads, o->region.c_str(), o->ca.c_str(), qps, p50, p99);
    }
    return kExitOk;
  };
}

}  // namespace cahub::cli
