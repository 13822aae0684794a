#pragma once
// The "rules" logger: what scripts print and what the rule engine reports about scripts.

#include <memory>

#include <spdlog/logger.h>

namespace cahub::rules {

// The logger registered as "rules"; when the host has not configured one, a clone of the
// default logger is registered under that name (so levels and sinks set globally apply).
std::shared_ptr<spdlog::logger> rules_logger();

}  // namespace cahub::rules
