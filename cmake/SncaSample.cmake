# Builds samples/snca-plugin the way a platform vendor would: install the SDK component into a
# prefix under the build tree, then configure and build the sample as a separate CMake project that
# sees only that prefix. snca.so lands in the host's default plugin folder, so the default
# configuration loads it and Inner Mongolia quotes work with all five of its CAs.
include(ExternalProject)

set(CAHUB_SDK_PREFIX ${CMAKE_BINARY_DIR}/sdk-prefix)
set(_sdk_stamp ${CMAKE_BINARY_DIR}/sdk-prefix.stamp)
file(GLOB_RECURSE _sdk_files CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/sdk/include/*.h ${PROJECT_SOURCE_DIR}/sdk/include/*.hpp ${PROJECT_SOURCE_DIR}/sdk/cmake/*)
add_custom_command(OUTPUT ${_sdk_stamp}
  COMMAND ${CMAKE_COMMAND} --install ${CMAKE_BINARY_DIR} --component sdk --prefix ${CAHUB_SDK_PREFIX}
  COMMAND ${CMAKE_COMMAND} -E touch ${_sdk_stamp}
  DEPENDS cahub_issuing ${_sdk_files}
  COMMENT "Installing the plugin SDK into ${CAHUB_SDK_PREFIX}"
  VERBATIM)
add_custom_target(cahub_sdk_prefix ALL DEPENDS ${_sdk_stamp})

# A sanitizer build instruments the SDK's static library, so the plugin linking it must be built
# (and linked) the same way.
set(_sample_flags "")
if(CAHUB_SANITIZE)
  set(_sample_flags "-fsanitize=address,undefined -fno-omit-frame-pointer")
endif()

ExternalProject_Add(snca_sample
  SOURCE_DIR ${PROJECT_SOURCE_DIR}/samples/snca-plugin
  BINARY_DIR ${CMAKE_BINARY_DIR}/samples/snca-plugin
  CMAKE_ARGS
    -DCMAKE_PREFIX_PATH=${CAHUB_SDK_PREFIX}
    -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE}
    -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
    -DCMAKE_CXX_FLAGS=${_sample_flags}
    -DCMAKE_MODULE_LINKER_FLAGS=${_sample_flags}
    -DSNCA_OUTPUT_DIRECTORY=${CAHUB_PLUGIN_OUTPUT_DIR}
  INSTALL_COMMAND ""
  BUILD_ALWAYS ON
  DEPENDS cahub_sdk_prefix)
