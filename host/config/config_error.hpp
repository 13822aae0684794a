#pragma once
// A configuration that cannot be used. what() is "file:line: message" (or "file: message" when no
// line applies), ready to print: it names the place to edit and what is wrong there.

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace cahub::config {

class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::filesystem::path file, std::size_t line, std::string message);

  const std::filesystem::path& file() const { return file_; }
  std::size_t line() const { return line_; }  // 1-based; 0 when the error is about the whole file
  const std::string& message() const { return message_; }

 private:
  std::filesystem::path file_;
  std::size_t line_;
  std::string message_;
};

}  // namespace cahub::config
