# The fuzz build (CAHUB_FUZZ=ON, included by the top-level CMakeLists.txt instead of the normal
# tree): every object with libFuzzer's coverage, ASan and UBSan; the host's folders are added
# EXCLUDE_FROM_ALL, so a build compiles only the libraries the targets link, not the plugins, the
# console, the server or the Catch2 tests.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "CAHUB_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-14 "
                      "-DCMAKE_C_COMPILER=clang-14, or run ./dev.sh fuzz")
endif()
if(CAHUB_SANITIZE)
  message(FATAL_ERROR "CAHUB_FUZZ brings its own sanitizers: leave CAHUB_SANITIZE off")
endif()

# -O1 with line tables: a fuzzer wants speed and a readable stack, not a debugger. UBSan stops at
# the first finding, so libFuzzer keeps the input that caused it.
add_compile_options(-O1 -gline-tables-only -fno-omit-frame-pointer
                    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined)
add_link_options(-fsanitize=address,undefined)

add_subdirectory(sdk EXCLUDE_FROM_ALL)
add_subdirectory(host EXCLUDE_FROM_ALL)

enable_testing()
add_subdirectory(tests/fuzz)
