// The one translation unit that builds Catch2's main (Catch2 v2, as Debian 12 packages it).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
