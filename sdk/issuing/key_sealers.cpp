// The two KeySealers: one holding the KEK (the host's), one asking the host (a plugin's).
#include <openssl/crypto.h>

#include <cahub/key_sealing.hpp>

namespace cahub::sdk::sealing {
namespace {

class LocalKeySealer final : public KeySealer {
 public:
  explicit LocalKeySealer(const KeyEncryptionKey& kek) : kek_(kek) {}
  std::string key_id() const override { return kek_.id(); }
  std::string seal(std::string_view purpose, std::string_view plaintext) const override {
    return armor(sealing::seal(kek_, purpose, plaintext));
  }
  std::string open(std::string_view purpose, std::string_view armored) const override {
    return sealing::open(kek_, purpose, unarmor(armored));
  }

 private:
  KeyEncryptionKey kek_;
};

// What the host writes to a sink, collected; wiped when done, since it may be a secret.
struct Collected {
  std::string text;
  ~Collected() { OPENSSL_cleanse(text.data(), text.size()); }
  cahub_text_sink sink() {
    return {this, [](void* self, const char* utf8, size_t length) {
              try {
                if (utf8) static_cast<Collected*>(self)->text.append(utf8, length);
              } catch (...) {
              }
            }};
  }
};

// The error line's leading code ("sealed_not_authentic: ...") back into the problem it names.
SealingProblem problem_named(std::string_view line) {
  for (SealingProblem p : {SealingProblem::MalformedKek, SealingProblem::MalformedEnvelope, SealingProblem::OtherKey,
                           SealingProblem::NotAuthentic}) {
    const std::string_view code = problem_code(p);
    if (line.substr(0, code.size()) == code && line.size() > code.size() && line[code.size()] == ':') return p;
  }
  return SealingProblem::Unavailable;
}

class HostKeySealer final : public KeySealer {
 public:
  HostKeySealer(const cahub_key_sealing& table, void* host_ctx)
      : table_(table), host_ctx_(host_ctx), key_id_(table.key_id ? table.key_id : "") {}
  std::string key_id() const override { return key_id_; }
  std::string seal(std::string_view purpose, std::string_view plaintext) const override {
    return call(table_.seal, purpose, plaintext);
  }
  std::string open(std::string_view purpose, std::string_view armored) const override {
    return call(table_.open, purpose, armored);
  }

 private:
  template <typename Fn>
  std::string call(Fn fn, std::string_view purpose, std::string_view input) const {
    Collected out, error;
    const cahub_text_sink out_sink = out.sink(), error_sink = error.sink();
    const std::string purpose_text(purpose);  // the ABI wants it NUL-terminated
    if (fn(host_ctx_, purpose_text.c_str(), input.data(), input.size(), &out_sink, &error_sink) != CAHUB_OK) {
      const SealingProblem problem = problem_named(error.text);
      // The code travels as the line's prefix; the error carries it as its problem, not twice.
      const std::string_view code = problem_code(problem);
      std::string_view why = error.text;
      if (why.substr(0, code.size()) == code && why.size() > code.size() + 1) why.remove_prefix(code.size() + 2);
      throw SealingError(problem, "the host's key sealing: " + std::string(why));
    }
    std::string result = std::move(out.text);
    out.text.clear();
    return result;
  }

  cahub_key_sealing table_;
  void* host_ctx_;
  std::string key_id_;
};

}  // namespace

std::shared_ptr<const KeySealer> local_key_sealer(const KeyEncryptionKey& kek) {
  return std::make_shared<LocalKeySealer>(kek);
}

std::shared_ptr<const KeySealer> host_key_sealer(const Host& host) {
  const auto* table = static_cast<const cahub_key_sealing*>(host.api(CAHUB_HOST_KEY_SEALING));
  // A table too small to hold both functions is a host this SDK cannot use: no service, not a crash.
  if (!table || table->struct_size < sizeof(cahub_key_sealing) || !table->seal || !table->open) return nullptr;
  return std::make_shared<HostKeySealer>(*table, host.context());
}

}  // namespace cahub::sdk::sealing
