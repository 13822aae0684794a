#pragma once
// A staff row as the directory's statements read it: one place that turns the columns into a
// StaffMember, so that the regions are parsed once, where the row is read.


#include "staff/staff_directory.hpp"
#include "store/sql_connection.hpp"

namespace cahub::staff {

// The first five columns of `row`: id, login, display_name, role, regions.
StaffMember member_from(store::SqlStatement& row);

// staff.regions as stored ("*" or "a,b"); std::runtime_error naming the account for anything
// else, which only a hand edit can write.
orders::RegionScope regions_of(const std::string& login, const std::string& stored);

}  // namespace cahub::staff
