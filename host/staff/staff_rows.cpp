#include "staff/staff_rows.hpp"

#include <stdexcept>

namespace cahub::staff {

StaffMember member_from(SQLite::Statement& row) {
  StaffMember m;
  m.id = row.getColumn(0).getInt64();
  m.login = row.getColumn(1).getString();
  m.display_name = row.getColumn(2).getString();
  m.role = orders::parse_role(row.getColumn(3).getString()).value_or(orders::Role::Clerk);
  m.regions = regions_of(m.login, row.getColumn(4).getString());
  return m;
}

orders::RegionScope regions_of(const std::string& login, const std::string& stored) {
  try {
    return orders::RegionScope::parse(stored);
  } catch (const std::invalid_argument& e) {
    // The account gets no region it was not given (an internal error, not all of them), and the
    // log says which row to mend.
    throw std::runtime_error("staff account " + login + " has unreadable regions \"" + stored + "\": " + e.what());
  }
}

}  // namespace cahub::staff
