# ctest: build samples/snca-plugin as a vendor would, from a copy of its folder and an SDK installed
# into a fresh prefix, then run the conformance kit on the result. Nothing here can see the cahub
# source tree except through the installed SDK.
#   -DBUILD_DIR=<cahub build> -DSAMPLE_DIR=<samples/snca-plugin> -DSCRATCH=<folder> -DCAHUB=<binary>
#   -DGENERATOR=<cmake generator> -DFLAGS=<extra compile/link flags>
foreach(required BUILD_DIR SAMPLE_DIR SCRATCH CAHUB GENERATOR)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "build_out_of_tree.cmake needs -D${required}=...")
  endif()
endforeach()

function(step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${SCRATCH}")
file(MAKE_DIRECTORY "${SCRATCH}")
file(COPY "${SAMPLE_DIR}/" DESTINATION "${SCRATCH}/vendor-source")

step("installing the SDK" ${CMAKE_COMMAND} --install "${BUILD_DIR}" --component sdk --prefix "${SCRATCH}/sdk")
if(NOT EXISTS "${SCRATCH}/sdk/include/cahub/plugin.hpp" OR NOT EXISTS "${SCRATCH}/sdk/include/cahub/issuing.hpp")
  message(FATAL_ERROR "the installed SDK lacks its headers")
endif()
step("configuring the sample" ${CMAKE_COMMAND} -S "${SCRATCH}/vendor-source" -B "${SCRATCH}/build" -G "${GENERATOR}"
  -DCMAKE_PREFIX_PATH=${SCRATCH}/sdk -DCMAKE_BUILD_TYPE=RelWithDebInfo
  "-DCMAKE_CXX_FLAGS=${FLAGS}" "-DCMAKE_MODULE_LINKER_FLAGS=${FLAGS}")
step("building the sample" ${CMAKE_COMMAND} --build "${SCRATCH}/build")
step("the conformance kit" "${CAHUB}" plugins check "${SCRATCH}/build/snca.so")
if(NOT step_output MATCHES "9 passed, 0 failed")
  message(FATAL_ERROR "the conformance kit did not pass:\n${step_output}")
endif()
message(STATUS "${step_output}")
file(REMOVE_RECURSE "${SCRATCH}")
