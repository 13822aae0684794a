// Provider rules that apply at issuing time (seed 002 NETCA, seed 004 CFCA).
#include "issuing_ca.hpp"

using cahub::Date;
using cahub::issuing::test::IssuingCa;
using nlohmann::json;
namespace testing = cahub::testing;

TEST_CASE("NETCA adds certificates only against a valid NETCA certificate of the same unit") {
  IssuingCa ca("netca");
  const json held = ca.issue_new("first", 1, "广州测试有限公司");
  json add = IssuingCa::new_order("add-1", 1, "广州测试有限公司");
  add["business"] = "add";
  add["key"] = "secondary";

  std::string message;
  CHECK(ca.status_of(add, &message) == CAHUB_ERROR_INVALID_REQUEST);
  CHECK_THAT(message, Catch::Contains("增加证书须使用本单位有效的网证通证书签名"));

  add["previous_serial"] = "0123";  // not a NETCA certificate
  CHECK(ca.status_of(add) == CAHUB_ERROR_NOT_FOUND);

  const json other = ca.issue_new("other", 1, "深圳别的有限公司");
  add["previous_serial"] = other.at("serial");
  CHECK(ca.status_of(add, &message) == CAHUB_ERROR_INVALID_REQUEST);

  add["previous_serial"] = held.at("serial");
  const json added = ca.call(add);
  CHECK(added.at("key") == "secondary");
  CHECK(ca.verifies(added));
  CHECK(ca.verifies(held));  // adding leaves the unit's certificate as it was

  ca.call({{"op", "revoke"}, {"serial", held.at("serial")}, {"reason", "cessation_of_operation"}});
  add["order_id"] = "add-2";
  CHECK(ca.status_of(add) == CAHUB_ERROR_INVALID_REQUEST);
}

TEST_CASE("CFCA binds one e-seal per certificate unless the user acknowledged combining them") {
  IssuingCa ca("cfca");
  json order = IssuingCa::new_order("seal-1");
  order["seals"] = json::array({"unit", "legal_rep"});
  std::string message;
  CHECK(ca.status_of(order, &message) == CAHUB_ERROR_INVALID_REQUEST);
  CHECK_THAT(message, Catch::Contains("一个数字证书对应一个电子签章"));

  order["combined_seals_acknowledged"] = true;
  CHECK(ca.verifies(ca.call(order)));

  json single = IssuingCa::new_order("seal-2");
  single["seals"] = json::array({"unit"});
  CHECK(ca.call(single).at("status") == "active");
}

TEST_CASE("other providers accept several seals in one certificate") {
  IssuingCa ca("bjca");
  json order = IssuingCa::new_order("seals");
  order["seals"] = json::array({"unit", "legal_rep"});
  CHECK(ca.call(order).at("status") == "active");
}
