// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace k3snet::agent::log {

// One line per event on stderr. Under systemd (JOURNAL_STREAM names our stderr) each line
// starts with a syslog priority prefix ("<6>") that journald turns into the entry's priority;
// elsewhere each line starts with a local time stamp and the level, for the log files of tests.
void info(std::string_view message);
void warning(std::string_view message);
void error(std::string_view message);

} // namespace k3snet::agent::log
