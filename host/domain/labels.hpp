#pragma once
// How the codes read to people: Chinese as the sources write them, English for logs and vendors.

#include <string_view>

#include "domain/vocabulary.hpp"

namespace cahub {

struct Label {
  std::string_view zh;
  std::string_view en;
};

constexpr Label label_of(Business b) {
  constexpr Label labels[] = {{"新办", "new certificate"},       {"增加证书个数", "additional certificate"},
                              {"续期", "renewal"},               {"丢失补办", "reissue of a lost key"},
                              {"损坏补办", "reissue of a damaged key"}, {"信息变更", "change of details"},
                              {"解锁", "PIN unlock"},            {"冻结", "freeze"},
                              {"冻结恢复", "unfreeze"},          {"吊销", "revocation"}};
  return labels[static_cast<int>(b)];
}

constexpr Label label_of(Channel c) {
  constexpr Label labels[] = {{"现场", "onsite"}, {"邮寄", "by mail"}, {"线上", "online"}, {"自助", "self-service"}};
  return labels[static_cast<int>(c)];
}

constexpr Label label_of(ApplicantKind a) {
  constexpr Label labels[] = {{"单位", "unit"}, {"个人", "person"}, {"机构个人", "person under a unit"}};
  return labels[static_cast<int>(a)];
}

}  // namespace cahub
