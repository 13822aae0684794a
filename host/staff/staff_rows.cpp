#include "staff/staff_rows.hpp"

#include <stdexcept>

namespace cahub::staff {

StaffMember member_from(store::SqlStatement& row) {
  StaffMember m;
  m.id = row.int64(0);
  m.login = row.text(1);
  m.display_name = row.text(2);
  m.role = orders::parse_role(row.text(3)).value_or(orders::Role::Clerk);
  m.regions = regions_of(m.login, row.text(4));
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
