#include "config/config_error.hpp"

namespace cahub::config {
namespace {

std::string located(const std::filesystem::path& file, std::size_t line, const std::string& message) {
  return file.string() + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + message;
}

}  // namespace

ConfigError::ConfigError(std::filesystem::path file, std::size_t line, std::string message)
    : std::runtime_error(located(file, line, message)), file_(std::move(file)), line_(line), message_(std::move(message)) {}

}  // namespace cahub::config
