// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/project.h"
#include "domain/rules/diagnostic.h"

namespace k3snet::rules {

// What a rule set writes into: the project being judged and the diagnostics found so far.
// report() fills in the location from the project's source map, using the most precise
// path the rule knows ("nodes/node1.lanIP").
class RuleContext
{
public:
    RuleContext(const model::Project &project, Diagnostics &out)
        : m_project(project)
        , m_out(out)
    {
    }
    const model::Project &project() const { return m_project; }

    void report(Severity severity, std::string code, std::string message, std::vector<ObjectRef> objects,
                const std::string &path);
    void error(std::string code, std::string message, std::vector<ObjectRef> objects, const std::string &path)
    {
        report(Severity::Error, std::move(code), std::move(message), std::move(objects), path);
    }
    void warning(std::string code, std::string message, std::vector<ObjectRef> objects, const std::string &path)
    {
        report(Severity::Warning, std::move(code), std::move(message), std::move(objects), path);
    }
    void info(std::string code, std::string message, std::vector<ObjectRef> objects, const std::string &path)
    {
        report(Severity::Info, std::move(code), std::move(message), std::move(objects), path);
    }
    // Adds diagnostics computed elsewhere, locating those that have no location yet.
    void adopt(const Diagnostics &found);

private:
    const model::Project &m_project;
    Diagnostics &m_out;
};

// The source-map path of an object reference ("Node" "node1" -> "nodes/node1").
std::string pathOf(const ObjectRef &ref);

} // namespace k3snet::rules
