#!/usr/bin/env bash
# cahub developer entry point.
#
#   ./dev.sh run        install what is missing, build, start `cahub serve` on the demo service point
#                       (var/demo, seeded from samples/demo/ on first start; remove it to start afresh)
#   ./dev.sh build      install what is missing, configure and build into build/
#   ./dev.sh test       build, then run every test (ctest) and a short run of each fuzz target
#   ./dev.sh sanitize   the same tests in an ASan/UBSan build (build-asan/)
#   ./dev.sh fuzz [TARGET] [SECONDS]  run the libFuzzer targets (build-fuzz/, clang), each SECONDS
#                       (default 60), keeping what they find in build-fuzz/corpus/TARGET/
#   ./dev.sh screenshots  retake docs/screenshots/ of the console on the demo service point
#
# Everything the project needs comes from Debian packages (and, for the console's browser tests,
# one npm package pinned by tests/browser/package-lock.json), installed here and only when absent,
# so a fresh Debian 12 machine needs nothing but this script.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

# One line per package so a reviewer sees exactly what the project depends on.
PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libboost-dev libboost-filesystem-dev   # Boost.DLL loads the CA plugins; Beast/Asio serve HTTP
  libjemalloc-dev                        # cahub's allocator (host/cli/CMakeLists.txt says why)
  liblua5.4-dev                          # region rule scripts
  libssl-dev openssl                     # PBKDF2, SHA-256, X.509; the openssl CLI for tests
  libsqlite3-dev libsqlitecpp-dev        # the store
  postgresql libpqxx-dev                 # the PostgreSQL store; tests run a throwaway cluster (tests/support/pg_cluster.sh)
  libspdlog-dev                          # logging
  catch2                                 # tests
  nlohmann-json3-dev libcli11-dev libtomlplusplus-dev
  libcpp-httplib-dev                     # the tests' HTTP client
  python3-zxcvbn                         # the common passwords a staff password must not be (MIT; host/staff/)
  curl                                   # the API doc examples are run by a test
  chromium                               # the console's end-to-end tests (tests/browser/)
  fonts-wqy-microhei                     # a Chinese font, so headless Chromium's screenshots show Chinese
  clang-14 libclang-rt-14-dev            # the fuzz targets (tests/fuzz/): clang, libFuzzer and its sanitizers
)

log() { printf '\033[1mdev.sh:\033[0m %s\n' "$*" >&2; }

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The console's browser tests drive Debian's Chromium with playwright-core from npm, pinned by
# tests/browser/package-lock.json (`npm ci`: exactly those versions, no browser download).
install_browser_tools() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    log "installing: nodejs npm"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    log "the browser tests need Node.js 20 or newer (playwright-core); found $(node --version)"
    exit 1
  fi
  local installed="$ROOT/tests/browser/node_modules/.package-lock.json"
  if [ ! -f "$installed" ] || [ "$ROOT/tests/browser/package-lock.json" -nt "$installed" ]; then
    log "installing the browser tests' npm packages (tests/browser)"
    (cd "$ROOT/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

configure_and_build() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" "$@"
  fi
  cmake --build "$dir" --parallel "$(nproc)"
}

run_tests() {
  local dir=$1
  # CAHUB_VAR_DIR keeps test CA keys and databases out of the developer's var/.
  (cd "$dir" && ctest --output-on-failure --parallel "$(nproc)" --timeout 600)
}

# The fuzz targets build apart, with clang, libFuzzer and ASan/UBSan; only the libraries they link
# are compiled (tests/fuzz/FuzzBuild.cmake). `./dev.sh test` runs each a few seconds (ctest's
# fuzz:<target>); `./dev.sh fuzz` runs longer from the checked-in seeds and build-fuzz/corpus/.
FUZZ_TARGETS=(request_json identifiers rule_declarations config_toml http_framing)

build_fuzz() {
  if [ ! -f build-fuzz/build.ninja ]; then
    cmake -S "$ROOT" -B build-fuzz -G Ninja -DCAHUB_FUZZ=ON -DCMAKE_BUILD_TYPE= \
      -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14
  fi
  cmake --build build-fuzz --parallel "$(nproc)"
}

run_fuzz_tests() {
  (cd build-fuzz && ctest --output-on-failure --parallel "$(nproc)" --timeout 300)
}

# One target for `seconds`, growing build-fuzz/corpus/<target>/ from the checked-in seeds; a
# crash or a broken property stops it and leaves the input in build-fuzz/fuzz-artifacts/<target>/.
fuzz_one() {
  local target=$1 seconds=$2
  local corpus="$ROOT/build-fuzz/corpus/$target" artifacts="$ROOT/build-fuzz/fuzz-artifacts/$target"
  local dict=()
  [ -f "$ROOT/tests/fuzz/dict/$target.dict" ] && dict=(-dict="$ROOT/tests/fuzz/dict/$target.dict")
  mkdir -p "$corpus" "$artifacts"
  log "fuzzing $target for ${seconds}s (corpus: $corpus)"
  "$ROOT/build-fuzz/bin/fuzz_$target" -max_total_time="$seconds" -timeout=10 -max_len=4096 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 "${dict[@]}" "$corpus" "$ROOT/tests/fuzz/corpus/$target"
}

cmd=${1:-help}
case "$cmd" in
  build)
    install_missing
    configure_and_build build
    ;;
  run)
    install_missing
    configure_and_build build
    shift
    # The demo lives in its own folder with its own database, never the developer's var/cahub.db,
    # and is seeded only when absent: an existing database is never overwritten.
    demo="$ROOT/var/demo"
    if [ ! -e "$demo/cahub.db" ]; then
      if [ -e "$demo" ]; then
        log "$demo exists but holds no database: remove it to seed the demo again"
        exit 1
      fi
      log "seeding the demo service point in $demo (samples/demo/seed.sh)"
      CAHUB="$ROOT/build/bin/cahub" "$ROOT/samples/demo/seed.sh" "$demo"
    fi
    cat "$demo/demo-accounts.txt" >&2
    exec "$ROOT/build/bin/cahub" serve --config "$demo/cahub.toml" "$@"
    ;;
  test)
    install_missing
    install_browser_tools
    configure_and_build build
    run_tests build
    build_fuzz
    run_fuzz_tests
    ;;
  fuzz)
    install_missing
    build_fuzz
    targets=("${FUZZ_TARGETS[@]}")
    if [ -n "${2:-}" ]; then
      [ -f "$ROOT/tests/fuzz/$2.cpp" ] || { log "no fuzz target '$2' (one of: ${FUZZ_TARGETS[*]})"; exit 2; }
      targets=("$2")
    fi
    for t in "${targets[@]}"; do fuzz_one "$t" "${3:-60}"; done
    ;;
  screenshots)
    install_missing
    install_browser_tools
    configure_and_build build
    CAHUB_BINARY="$ROOT/build/bin/cahub" node "$ROOT/tests/browser/screenshots.mjs"
    ;;
  sanitize)
    install_missing
    install_browser_tools
    BUILD_TYPE=Debug configure_and_build build-asan -DCAHUB_SANITIZE=ON
    run_tests build-asan
    ;;
  *)
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    [ "$cmd" = help ] || exit 2
    ;;
esac
