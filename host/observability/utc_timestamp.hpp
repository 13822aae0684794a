#pragma once
// Times in logs as ISO 8601 in UTC with milliseconds, "2024-05-01T08:30:05.123Z": sortable as
// text, unambiguous across the servers' time zones, and read by every log tool.

#include <chrono>
#include <string>

namespace cahub::observability {

// `time` truncated to the millisecond (a log line never claims a moment that has not come yet).
// Reads no clock: the caller passes the time, so formatting is testable and lines agree with
// whatever clock the caller measured with.
std::string utc_timestamp(std::chrono::system_clock::time_point time);

}  // namespace cahub::observability
