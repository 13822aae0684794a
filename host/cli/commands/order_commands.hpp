#pragma once
// The subcommands of `cahub order`, one file each (order_<name>_command.cpp), each a thin layer
// over desk::OrderDesk (cli/desk_session.hpp). Each adds itself under `order` and returns what to
// run. To add one: write its file with one of these functions, declare it here, list it in
// order_command.cpp and in host/cli/CMakeLists.txt.

#include "cli/commands/commands.hpp"
#include "desk/order_desk.hpp"

namespace cahub::cli {

// A subcommand `NAME ID --version N --as LOGIN` that takes one step on one order through the provider
// (issue, carry-out): `step` is the desk call.
using ProviderStep = orders::Order (desk::OrderDesk::*)(const std::string&, std::int64_t, const orders::Actor&);
CommandRun add_provider_step_command(CLI::App& order, const GlobalOptions& global, const char* name,
                                     const char* description, ProviderStep step);

CommandRun add_order_create_command(CLI::App& order, const GlobalOptions& global);       // order create
CommandRun add_order_list_command(CLI::App& order, const GlobalOptions& global);         // order list
CommandRun add_order_show_command(CLI::App& order, const GlobalOptions& global);         // order show ID
CommandRun add_order_act_command(CLI::App& order, const GlobalOptions& global);          // order act ID ACTION
CommandRun add_order_material_command(CLI::App& order, const GlobalOptions& global);     // order material ID CODE...
CommandRun add_order_pay_command(CLI::App& order, const GlobalOptions& global);          // order pay ID
CommandRun add_order_issue_command(CLI::App& order, const GlobalOptions& global);        // order issue ID
CommandRun add_order_certificate_command(CLI::App& order, const GlobalOptions& global);  // order certificate ID
CommandRun add_order_upload_command(CLI::App& order, const GlobalOptions& global);       // order upload ID CODE FILE
CommandRun add_order_terms_command(CLI::App& order, const GlobalOptions& global);        // order terms ID
CommandRun add_order_carry_out_command(CLI::App& order, const GlobalOptions& global);    // order carry-out ID

}  // namespace cahub::cli
