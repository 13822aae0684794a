#include "config/config.hpp"

namespace cahub::config {

Config default_config(const Defaults& defaults) {
  Config config;
  config.paths = defaults;
  return config;
}

}  // namespace cahub::config
