# One short, bounded run of a fuzz target, as ctest's fuzz:<target>: from its checked-in seeds,
# new inputs going to a scratch folder emptied first (never into the source tree), a fixed seed,
# SECONDS of fuzzing. Any crash, sanitizer report, leak or broken property fails the test; the
# input is kept in WORK_DIR/fuzz-artifacts/TARGET/.
#   cmake -DFUZZER=... -DTARGET=... -DSOURCE_DIR=... -DWORK_DIR=... -DSECONDS=... -P run_fuzz_target.cmake
set(scratch ${WORK_DIR}/fuzz-scratch/${TARGET})
set(artifacts ${WORK_DIR}/fuzz-artifacts/${TARGET})
file(REMOVE_RECURSE ${scratch})
file(MAKE_DIRECTORY ${scratch} ${artifacts})
set(options -seed=1 -max_total_time=${SECONDS} -timeout=10 -max_len=4096 -print_final_stats=1
            -artifact_prefix=${artifacts}/)
if(EXISTS ${SOURCE_DIR}/dict/${TARGET}.dict)
  list(APPEND options -dict=${SOURCE_DIR}/dict/${TARGET}.dict)
endif()
execute_process(COMMAND ${FUZZER} ${options} ${scratch} ${SOURCE_DIR}/corpus/${TARGET} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "fuzz:${TARGET} failed (${result}); the input is in ${artifacts}/")
endif()
