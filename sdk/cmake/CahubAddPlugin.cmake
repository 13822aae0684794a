# cahub_add_plugin(<target> SOURCES <file>... [OUTPUT_NAME <name>] [OUTPUT_DIRECTORY <dir>])
#
# Builds a cahub CA plugin: a MODULE library named <name>.so (no "lib" prefix; <name> defaults to
# <target>, and should be the plugin id, which is what the host's folder listing shows), linked
# to cahub::sdk, with every symbol hidden except the entry that CAHUB_PLUGIN exports, so that two
# plugins' copies of the SDK's inline code stay apart.
# -fno-gnu-unique (GCC): statics of inline functions in the standard library (std::to_string has
# one) otherwise get STB_GNU_UNIQUE binding whatever the visibility, and glibc then never unloads
# the library; plugins are loaded RTLD_LOCAL and share nothing, so uniqueness buys nothing here.
# Undefined symbols are a link error: a plugin never links against the host, it only calls the
# host's function table.
# Works in the cahub tree and, after find_package(cahub-sdk), in a vendor's own project.
include_guard(GLOBAL)

function(cahub_add_plugin target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "OUTPUT_NAME;OUTPUT_DIRECTORY" "SOURCES")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "cahub_add_plugin(${target}): unexpected arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "cahub_add_plugin(${target}): SOURCES is required")
  endif()
  if(NOT TARGET cahub::sdk)
    message(FATAL_ERROR "cahub_add_plugin(${target}): cahub::sdk not found; call find_package(cahub-sdk) first")
  endif()

  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE cahub::sdk)
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    POSITION_INDEPENDENT_CODE ON)
  if(ARG_OUTPUT_NAME)
    set_target_properties(${target} PROPERTIES OUTPUT_NAME ${ARG_OUTPUT_NAME})
  endif()
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIRECTORY})
  endif()
  target_compile_options(${target} PRIVATE $<$<CXX_COMPILER_ID:GNU>:-fno-gnu-unique>)
  if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    target_link_options(${target} PRIVATE "LINKER:--no-undefined")
  endif()
endfunction()
