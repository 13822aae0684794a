// Signed checkpoints of the audit chain (host/audit/): Ed25519 keys through OpenSSL, the
// checkpoint file outside the database, and the verdict that finds a cut tail or a chain rewritten
// with fresh SHA-256 hashes, on real SQLite files.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <thread>

#include "audit/audit_error.hpp"
#include "audit/checkpoint_verdict.hpp"
#include "audit/checkpointer.hpp"
#include "store/database.hpp"
#include "store/audit_log.hpp"
#include "store/write_transaction.hpp"
#include "support/scratch_folder.hpp"

using namespace cahub::audit;
using namespace cahub::store;
using Catch::Matchers::Contains;
using cahub::testing::ScratchFolder;

namespace {

mode_t mode_of(const std::filesystem::path& file) {
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

std::string code_of_throw(const std::function<void()>& f) {
  try {
    f();
  } catch (const AuditAnchorError& e) {
    return e.code();
  }
  return "(nothing thrown)";
}

struct Chain {
  ScratchFolder scratch;
  Database db = Database::open_or_create(scratch / "cahub.db");
  SigningKey key = SigningKey::generate();
  CheckpointTarget target{key, scratch / "checkpoints.jsonl", false};

  void append(int n) {
    for (int i = 0; i < n; ++i) {
      WriteTransaction tx(db);
      append_audit_event(db, {"2026-11-23T09:00:00+08:00", "zhao.li", std::nullopt, "payment.recorded",
                              {{"amount_fen", 26000 + i}}});
      tx.commit();
    }
  }
  std::optional<Checkpoint> checkpoint() {
    return take_checkpoint(db, target, CheckpointLog(target.file).newest());
  }
  AnchorVerdict verdict() {
    return check_anchors(db, CheckpointLog(target.file).lines(), key.verifying_key(), "checkpoints.jsonl");
  }
  // What someone with the file and the sqlite3 shell can do: drop the guards, change rows, and
  // recompute every hash after `from` with plain SHA-256.
  void rewrite_from(std::int64_t from, int new_amount) {
    db.sqlite().exec("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;");
    db.sqlite().exec("UPDATE audit_events SET payload_json = '{\"amount_fen\":" + std::to_string(new_amount) +
                     "}' WHERE seq = " + std::to_string(from));
    std::string prev = *audit_hash_at(db, from - 1);
    for (std::int64_t seq = from; seq <= audit_chain_head(db)->seq; ++seq) {
      SQLite::Statement row(db.sqlite(), "SELECT at, actor, kind, payload_json FROM audit_events WHERE seq = ?");
      row.bind(1, static_cast<std::int64_t>(seq));
      REQUIRE(row.executeStep());
      AuditEvent e{row.getColumn(0).getString(), row.getColumn(1).getString(), std::nullopt,
                   row.getColumn(2).getString(), nlohmann::json::parse(row.getColumn(3).getString())};
      const std::string hash = chain_hash(prev, canonical_event(seq, e));
      SQLite::Statement update(db.sqlite(), "UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?");
      update.bind(1, prev);
      update.bind(2, hash);
      update.bind(3, static_cast<std::int64_t>(seq));
      update.exec();
      prev = hash;
    }
  }
};

}  // namespace

TEST_CASE("a checkpoint signature holds for its own seq, hash and time, and for nothing else") {
  const SigningKey key = SigningKey::generate();
  const std::string hash(64, 'a');
  const Checkpoint c = sign_checkpoint(key, 42, hash, "2026-12-07T17:00:00+08:00");
  CHECK(c.signature.size() == 128);
  CHECK(c.key == key.verifying_key().fingerprint());
  CHECK(signature_holds(c, key.verifying_key()));
  Checkpoint other_seq = c, other_hash = c, other_time = c, flipped = c;
  other_seq.seq = 43;
  other_hash.hash = std::string(64, 'b');
  other_time.at = "2026-12-07T17:00:01+08:00";
  flipped.signature[0] = flipped.signature[0] == '0' ? '1' : '0';
  CHECK_FALSE(signature_holds(other_seq, key.verifying_key()));
  CHECK_FALSE(signature_holds(other_hash, key.verifying_key()));
  CHECK_FALSE(signature_holds(other_time, key.verifying_key()));
  CHECK_FALSE(signature_holds(flipped, key.verifying_key()));
  CHECK_FALSE(signature_holds(c, SigningKey::generate().verifying_key()));
  CHECK_FALSE(key.verifying_key().verify("x", "not hex"));
  CHECK_FALSE(key.verifying_key().verify("x", ""));
}

TEST_CASE("a checkpoint is one JSON line that reads back as it was, and anything else is refused") {
  const SigningKey key = SigningKey::generate();
  const Checkpoint c = sign_checkpoint(key, 7, std::string(64, 'c'), "2026-12-07T17:00:00+08:00");
  const std::string line = to_json_line(c);
  CHECK(line.find('\n') == std::string::npos);
  const Checkpoint back = parse_checkpoint_line(line);
  CHECK(back.seq == 7);
  CHECK(back.hash == c.hash);
  CHECK(back.signature == c.signature);
  CHECK(signature_holds(back, key.verifying_key()));
  CHECK(code_of_throw([] { parse_checkpoint_line("not json"); }) == "bad_checkpoint");
  CHECK(code_of_throw([] { parse_checkpoint_line(R"({"v":1,"seq":1})"); }) == "bad_checkpoint");
  CHECK(code_of_throw([&] { parse_checkpoint_line(R"({"v":2,"seq":1,"hash":"","at":"","key":"","signature":""})"); }) ==
        "bad_checkpoint");
}

TEST_CASE("keys travel as PEM: the private half PKCS#8, the public half for verifiers") {
  const SigningKey key = SigningKey::generate();
  const std::string pem = key.private_pem();
  CHECK_THAT(pem, Contains("BEGIN PRIVATE KEY"));
  const SigningKey again = SigningKey::from_pem(pem, "test");
  CHECK(again.verifying_key().fingerprint() == key.verifying_key().fingerprint());
  const std::string public_pem = key.verifying_key().public_pem();
  CHECK_THAT(public_pem, Contains("BEGIN PUBLIC KEY"));
  const VerifyingKey verifier = VerifyingKey::from_pem(public_pem, "test");
  CHECK(verifier.verify("hello", key.sign("hello")));
  CHECK(code_of_throw([&] { SigningKey::from_pem(public_pem, "test"); }) == "bad_signing_key");
  CHECK(code_of_throw([&] { VerifyingKey::from_pem(pem.substr(0, 40), "test"); }) == "bad_public_key");
  CHECK(code_of_throw([] { SigningKey::from_pem("garbage", "test"); }) == "bad_signing_key");
}

TEST_CASE("a new key file is 0600 whatever the umask, never replaces a file, and an open one is refused") {
  ScratchFolder scratch;
  const auto file = scratch / "audit.key";
  const mode_t old_umask = ::umask(0);
  const SigningKey key = SigningKey::generate();
  write_new_key_file(file, key);
  ::umask(old_umask);
  CHECK(mode_of(file) == 0600);
  CHECK(SigningKey::from_file(file).verifying_key().fingerprint() == key.verifying_key().fingerprint());
  CHECK(code_of_throw([&] { write_new_key_file(file, SigningKey::generate()); }) == "key_file_exists");
  CHECK(SigningKey::from_file(file).verifying_key().fingerprint() == key.verifying_key().fingerprint());
  std::filesystem::permissions(file, std::filesystem::perms::group_read, std::filesystem::perm_options::add);
  CHECK(code_of_throw([&] { SigningKey::from_file(file); }) == "signing_key_too_open");
  CHECK(code_of_throw([&] { SigningKey::from_file(scratch / "missing.key"); }) == "signing_key_unreadable");
}

TEST_CASE("the environment's key comes before the file's, and neither means none") {
  ScratchFolder scratch;
  const SigningKey in_file = SigningKey::generate(), in_env = SigningKey::generate();
  write_new_key_file(scratch / "audit.key", in_file);
  const std::string env = in_env.private_pem();
  CHECK(SigningKey::configured(env.c_str(), scratch / "audit.key")->verifying_key().fingerprint() ==
        in_env.verifying_key().fingerprint());
  CHECK(SigningKey::configured("", scratch / "audit.key")->verifying_key().fingerprint() ==
        in_file.verifying_key().fingerprint());
  CHECK_FALSE(SigningKey::configured(nullptr, {}).has_value());
}

TEST_CASE("the checkpoint file is appended 0600, read line by line, and its newest line found from its end") {
  ScratchFolder scratch;
  const CheckpointLog log(scratch / "anchors" / "checkpoints.jsonl");
  std::filesystem::create_directories(scratch / "anchors");
  CHECK_FALSE(log.newest().has_value());
  CHECK(code_of_throw([&] { (void)log.lines(); }) == "checkpoint_file_unreadable");
  const SigningKey key = SigningKey::generate();
  const mode_t old_umask = ::umask(0);
  for (int seq = 1; seq <= 30; ++seq) log.append(sign_checkpoint(key, seq, std::string(64, 'd'), "2026-12-07T17:00:00+08:00"));
  ::umask(old_umask);
  CHECK(mode_of(log.file()) == 0600);
  const auto lines = log.lines();
  REQUIRE(lines.size() == 30);
  CHECK(lines.front().number == 1);
  CHECK(log.newest()->seq == 30);
  std::ofstream(log.file(), std::ios::app) << "torn lin";
  CHECK_FALSE(log.newest().has_value());
  CHECK(code_of_throw([] { CheckpointLog("/proc/no/such/folder/x").append(Checkpoint{}); }) ==
        "checkpoint_file_unwritable");
}

TEST_CASE_METHOD(Chain, "an untouched chain reaches its checkpoints, and events after the newest are left out of them") {
  append(3);
  REQUIRE(checkpoint().has_value());
  CHECK_FALSE(checkpoint().has_value());  // nothing new: nothing signed
  append(2);
  REQUIRE(checkpoint()->seq == 5);
  append(1);
  const AnchorVerdict v = verdict();
  CHECK(v.anchored());
  CHECK(v.checkpoints == 2);
  CHECK(v.newest->seq == 5);
  CHECK(v.newest_line == 2);
}

TEST_CASE_METHOD(Chain, "a cut tail is found: the chain no longer reaches the newest checkpoint") {
  append(6);
  REQUIRE(checkpoint().has_value());
  db.sqlite().exec("DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE seq > 3");
  REQUIRE(verify_audit_chain(db).intact);  // the chain alone cannot see it
  const AnchorVerdict v = verdict();
  CHECK_FALSE(v.anchored());
  REQUIRE(v.problems.size() == 1);
  CHECK_THAT(v.problems[0], Contains("the chain was cut after event 3"));
  CHECK_THAT(v.problems[0], Contains("signed event 6"));
  // ... and the cut chain is never signed over.
  CHECK(code_of_throw([&] { checkpoint(); }) == "chain_contradicts_checkpoint");
}

TEST_CASE_METHOD(Chain, "a chain rewritten with fresh SHA-256 hashes is found at the earliest checkpoint it contradicts") {
  append(2);
  REQUIRE(checkpoint().has_value());
  append(2);
  REQUIRE(checkpoint().has_value());
  append(2);
  REQUIRE(checkpoint().has_value());
  rewrite_from(3, 1);
  REQUIRE(verify_audit_chain(db).intact);  // consistent again, as far as SHA-256 goes
  const AnchorVerdict v = verdict();
  CHECK_FALSE(v.anchored());
  REQUIRE(v.problems.size() == 2);
  CHECK_THAT(v.problems[0], Contains("the chain was rewritten: event 4"));
  CHECK_THAT(v.problems[0], Contains("checkpoints.jsonl:2"));
  CHECK_THAT(v.problems[1], Contains("1 later checkpoints are contradicted"));
  CHECK(code_of_throw([&] { checkpoint(); }) == "chain_contradicts_checkpoint");
}

TEST_CASE_METHOD(Chain, "a checkpoint forged, edited, signed by another key or moved back is refused by line") {
  append(4);
  REQUIRE(checkpoint().has_value());
  const CheckpointLog log(target.file);
  Checkpoint edited = *log.newest();
  edited.seq = 2;
  edited.hash = *audit_hash_at(db, 2);
  log.append(edited);
  log.append(sign_checkpoint(SigningKey::generate(), 4, *audit_hash_at(db, 4), "2026-12-07T17:00:00+08:00"));
  log.append(sign_checkpoint(key, 2, *audit_hash_at(db, 2), "2026-12-07T17:00:00+08:00"));
  std::ofstream(target.file, std::ios::app) << "{\"v\":1}\n";
  const AnchorVerdict v = verdict();
  CHECK_FALSE(v.anchored());
  REQUIRE(v.problems.size() == 4);
  CHECK_THAT(v.problems[0], Contains("checkpoints.jsonl:2 (seq 2") && Contains("bad signature"));
  CHECK_THAT(v.problems[1], Contains("checkpoints.jsonl:3") && Contains("bad signature"));
  CHECK_THAT(v.problems[2], Contains("checkpoints.jsonl:4") && Contains("goes back from seq 4"));
  CHECK_THAT(v.problems[3], Contains("checkpoints.jsonl:5 is not a checkpoint"));
}

TEST_CASE_METHOD(Chain, "the checkpointer signs only when the head moved, and once more when it stops") {
  append(2);
  {
    Checkpointer checkpointer(std::make_unique<Database>(db.open_another()), target, std::chrono::milliseconds(100));
    for (int i = 0; i < 50 && checkpointer.taken() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(checkpointer.taken() == 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(checkpointer.taken() == 1);  // idle: nothing new signed
    append(3);  // written just before the stop: the last checkpoint covers it
  }
  const auto newest = CheckpointLog(target.file).newest();
  REQUIRE(newest.has_value());
  CHECK(newest->seq == 5);
  CHECK(verdict().anchored());
}
