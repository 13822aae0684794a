// `cahub rules draft|revise|submit|approve|reject|withdraw|publish|rollback|history|show|export|import`:
// a region's rule releases from the command line, through the same release desk as the HTTP API
// (releases/release_desk.hpp), so the CLI refuses with the API's codes. Writes act as a named
// staff member (CAHUB_TOKEN or --as, cli/desk_session.hpp); reads need no sign-in, as the other
// commands' reads, unless one is given, in which case its regions apply.
//
// --version is the release's version as the caller last saw it (`rules show`); without it, the
// release as it is now, so a script that wants to be sure it acts on what it read passes it.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands/commands.hpp"
#include "cli/desk_session.hpp"
#include "cli/exit_codes.hpp"
#include "pipeline/request_error.hpp"
#include "releases/release_desk.hpp"
#include "releases/release_json.hpp"

namespace cahub::cli {
namespace {

struct ReleaseOptions {
  std::string region, file, spec_file, reason, as, from, out;
  std::int64_t number = 0, version = 0, to = 0, release = 0;
  bool json = false;
};

std::string read_text_file(const std::string& file, const char* what) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw pipeline::BadRequest("unreadable_file", std::string(what) + " " + file + " cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().size() > releases::kLargestReleaseText)
    throw pipeline::BadRequest("script_too_large", file + " is larger than " +
                                                       std::to_string(releases::kLargestReleaseText / 1024) + " KiB");
  return text.str();
}

releases::DraftText draft_text(const ReleaseOptions& o) {
  return {read_text_file(o.file, "the script"),
          o.spec_file.empty() ? std::nullopt : std::optional(read_text_file(o.spec_file, "the spec")), o.reason};
}

void print_release(const releases::ReleaseView& v, bool json) {
  if (json) {
    std::cout << releases::release_json(v).dump(2) << "\n";
    return;
  }
  const releases::Release& r = v.release;
  const releases::Evaluation& e = r.evaluation;
  std::cout << "release " << r.number << " of " << r.region << ": " << code_of(v.status) << " (version " << r.version
            << ")" << (r.effective_from ? ", in force from " + r.effective_from->iso() : std::string()) << "\n"
            << "  check: " << (e.findings.empty() ? "loads" : std::to_string(e.findings.size()) + " problem(s)") << "\n";
  for (const auto& f : e.findings) std::cout << "    " << f.text() << "\n";
  std::cout << "  specs: " << e.specs.passed << " passed, " << e.specs.failed << " failed, " << e.specs.skipped
            << " skipped\n";
  for (const auto& f : e.specs.failures) {
    std::cout << "    " << f.where << " " << f.name << "\n";
    for (const auto& d : f.details) std::cout << "      " << d << "\n";
  }
  std::cout << "  for customers, against "
            << (e.diff_against ? "release " + std::to_string(*e.diff_against) : std::string("nothing in force")) << ": "
            << (e.changes.empty() ? "no changes\n" : "\n" + rules::render_changes(e.changes));
}

void print_history(const releases::ReleaseHistory& h, Date today, bool json) {
  if (json) {
    std::cout << releases::history_json(h, today).dump(2) << "\n";
    return;
  }
  std::cout << h.region << ": " << (h.in_force ? "release " + std::to_string(*h.in_force) + " in force on " + today.iso()
                                               : "nothing in force on " + today.iso())
            << (h.from_store ? "" : " (this service point takes its rules from files)") << "\n";
  for (const auto& v : h.releases) {
    const auto& r = v.release;
    std::cout << "  " << r.number << "  " << code_of(v.status) << "  " << r.created.at << "  " << r.created.by;
    if (r.decided) std::cout << "  decided by " << r.decided->by;
    if (r.published) std::cout << "  published by " << r.published->by;
    if (r.effective_from) std::cout << "  from " << r.effective_from->iso();
    std::cout << "  — " << r.reason << "\n";
  }
}

// The acting staff member for a write, or for a read the signed-in one when named, else a reader
// of every region (the database file's permissions are the read's).
orders::Actor reader(DeskSession& session, const std::string& as) {
  if (acting_staff_named(as)) return session.acting_staff(as);
  return {"cli", orders::Role::Clerk, orders::RegionScope::all()};
}

struct Commands {
  CLI::App *draft, *revise, *submit, *approve, *reject, *withdraw, *publish, *rollback, *history, *show, *exp, *imp;
};

}  // namespace

namespace {

CLI::App* with_region(CLI::App& rules, const char* name, const char* about, ReleaseOptions& o) {
  CLI::App* cmd = rules.add_subcommand(name, about);
  cmd->add_option("region", o.region, "Region id, e.g. neimenggu")->required();
  return cmd;
}

CLI::App* with_release(CLI::App& rules, const char* name, const char* about, ReleaseOptions& o) {
  CLI::App* cmd = with_region(rules, name, about, o);
  cmd->add_option("release", o.number, "Release number")->required()->check(CLI::Range(1, 1 << 30));
  cmd->add_option("--version", o.version, "The release's version as you last saw it (default: as it is now)");
  add_acting_option(*cmd, o.as);
  return cmd;
}

Commands declare(CLI::App& rules, ReleaseOptions& o) {
  Commands c{};
  c.draft = with_region(rules, "draft", "Save a new draft release of a region's script (four eyes publish it)", o);
  c.draft->add_option("--file", o.file, "The script")->required();
  c.draft->add_option("--spec", o.spec_file, "Its spec file");
  c.draft->add_option("--reason", o.reason, "Why: the history shows it")->required();
  add_acting_option(*c.draft, o.as);
  c.revise = with_release(rules, "revise", "Replace your draft's text", o);
  c.revise->add_option("--file", o.file, "The script")->required();
  c.revise->add_option("--spec", o.spec_file, "Its spec file");
  c.revise->add_option("--reason", o.reason, "Why (default: the draft's reason)");
  c.submit = with_release(rules, "submit", "Submit a draft for a second administrator's approval", o);
  c.submit->add_option("--reason", o.reason, "A note for the approver");
  c.approve = with_release(rules, "approve", "Approve a submitted release (not your own)", o);
  c.approve->add_option("--reason", o.reason, "Why");
  c.reject = with_release(rules, "reject", "Send a submitted release back (not your own)", o);
  c.reject->add_option("--reason", o.reason, "Why")->required();
  c.withdraw = with_release(rules, "withdraw", "Abandon a release that is not in force yet", o);
  c.withdraw->add_option("--reason", o.reason, "Why")->required();
  c.publish = with_release(rules, "publish", "Publish an approved release, now or from a day", o);
  c.publish->add_option("--from", o.from, "The China-time day it takes effect, YYYY-MM-DD (default: today)");
  c.rollback = with_region(rules, "rollback", "Publish an earlier release's text again, from today", o);
  c.rollback->add_option("--to", o.to, "The published release to return to")->required()->check(CLI::Range(1, 1 << 30));
  c.rollback->add_option("--reason", o.reason, "Why")->required();
  add_acting_option(*c.rollback, o.as);
  c.history = with_region(rules, "history", "A region's releases: who, when, why, and which is in force", o);
  c.history->add_flag("--json", o.json, "Print JSON as GET /v1/rules/{region}/releases");
  add_acting_option(*c.history, o.as);
  c.show = with_region(rules, "show", "One release: its state, check, specs and changes for customers", o);
  c.show->add_option("release", o.number, "Release number")->required()->check(CLI::Range(1, 1 << 30));
  c.show->add_flag("--json", o.json, "Print JSON as GET /v1/rules/{region}/releases/{n}");
  add_acting_option(*c.show, o.as);
  c.exp = with_region(rules, "export", "Write the script in force (or --release N) as a file, e.g. to keep it in git", o);
  c.exp->add_option("--release", o.release, "Another release")->check(CLI::Range(1, 1 << 30));
  c.exp->add_option("--out", o.out, "Write here instead of stdout");
  add_acting_option(*c.exp, o.as);
  c.imp = rules.add_subcommand("import", "Save a script file as a new draft of the region its name says (neimenggu.lua)");
  c.imp->add_option("file", o.file, "The script, named <region>.lua")->required();
  c.imp->add_option("--spec", o.spec_file, "Its spec file (default: <region>.spec.lua beside it, if there is one)");
  c.imp->add_option("--reason", o.reason, "Why")->required();
  add_acting_option(*c.imp, o.as);
  return c;
}

std::optional<Date> day_option(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const auto d = Date::parse(text);
  if (!d) throw pipeline::BadRequest("bad_date", "--from '" + text + "' is not a day as YYYY-MM-DD");
  return d;
}

int run_write(const Commands& c, ReleaseOptions& o, DeskSession& s, releases::ReleaseDesk& desk, Date today) {
  const orders::Actor actor = s.acting_staff(o.as);
  const auto version = [&] { return o.version > 0 ? o.version : desk.show(o.region, o.number, actor, today).release.version; };
  const releases::Decision decision{0, o.reason};
  const auto decided = [&] { return releases::Decision{version(), decision.reason}; };
  releases::ReleaseView v;
  if (c.draft->parsed()) v = desk.draft(o.region, draft_text(o), actor, today);
  else if (c.revise->parsed()) v = desk.revise(o.region, o.number, version(), draft_text(o), actor, today);
  else if (c.submit->parsed()) v = desk.submit(o.region, o.number, decided(), actor, today);
  else if (c.approve->parsed()) v = desk.approve(o.region, o.number, decided(), actor, today);
  else if (c.reject->parsed()) v = desk.reject(o.region, o.number, decided(), actor, today);
  else if (c.withdraw->parsed()) v = desk.withdraw(o.region, o.number, decided(), actor, today);
  else if (c.publish->parsed()) v = desk.publish(o.region, o.number, version(), day_option(o.from), actor, today);
  else if (c.rollback->parsed()) v = desk.rollback(o.region, o.to, o.reason, actor, today);
  else return kExitBadInput;
  print_release(v, false);
  return kExitOk;
}

int run_import(ReleaseOptions& o, DeskSession& s, releases::ReleaseDesk& desk, Date today) {
  const std::filesystem::path file = o.file;
  if (file.extension() != ".lua" || file.stem().string().ends_with(".spec"))
    throw pipeline::BadRequest("bad_file", o.file + ": a region script is named <region>.lua");
  o.region = file.stem().string();
  if (o.spec_file.empty()) {
    auto beside = file;
    beside.replace_extension(".spec.lua");
    if (std::filesystem::is_regular_file(beside)) o.spec_file = beside.string();
  }
  print_release(desk.draft(o.region, draft_text(o), s.acting_staff(o.as), today), false);
  return kExitOk;
}

int run_read(const Commands& c, ReleaseOptions& o, DeskSession& s, releases::ReleaseDesk& desk, Date today) {
  const orders::Actor actor = reader(s, o.as);
  if (c.history->parsed()) {
    print_history(desk.history(o.region, actor, today), today, o.json);
  } else if (c.show->parsed()) {
    auto view = desk.show(o.region, o.number, actor, today);
    if (o.json) std::cout << releases::release_json(view, desk.events(o.region, o.number, actor)).dump(2) << "\n";
    else print_release(view, false);
  } else {
    const std::string text =
        desk.export_script(o.region, o.release > 0 ? std::optional(o.release) : std::nullopt, actor, today);
    if (o.out.empty()) {
      std::cout << text;
    } else {
      std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
      out << text;
      if (!out.flush()) throw pipeline::BadRequest("unwritable_file", o.out + " cannot be written");
    }
  }
  return kExitOk;
}

}  // namespace

ReleaseCommands add_rules_release_commands(CLI::App& rules, const GlobalOptions& global) {
  auto o = std::make_shared<ReleaseOptions>();
  const Commands c = declare(rules, *o);
  const std::vector<CLI::App*> all{c.draft, c.revise, c.submit, c.approve, c.reject, c.withdraw,
                                   c.publish, c.rollback, c.history, c.show, c.exp, c.imp};
  auto parsed = [all] {
    for (CLI::App* cmd : all)
      if (cmd->parsed()) return true;
    return false;
  };
  auto run = [o, c, &global]() -> int {
    return answer_at_desk([&] {
      DeskSession session(global);
      const Runtime& rt = session.runtime();
      const releases::ReleaseServices services{*rt.rule_book, *rt.plugins, rt.config.rules,
                                               rt.config.rules_source == "store"};
      store::DirectCommitter writes(session.database());
      releases::ReleaseDesk desk(services, session.database(), writes);
      const Date today = Date::today_utc8();
      if (c.history->parsed() || c.show->parsed() || c.exp->parsed()) return run_read(c, *o, session, desk, today);
      if (c.imp->parsed()) return run_import(*o, session, desk, today);
      return run_write(c, *o, session, desk, today);
    });
  };
  return {parsed, run};
}

}  // namespace cahub::cli
