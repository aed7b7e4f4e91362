// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading and writing the fields of the agent's status JSON. A status file may come from
// another version of the agent or be damaged: a field that is missing or of another type reads
// as empty / zero / false, never as an exception.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace k3snet::agent::jsonfields {

inline nlohmann::ordered_json jsonArray(const std::vector<std::string> &list)
{
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const std::string &s : list)
        a.push_back(s);
    return a;
}

inline std::string stringAt(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline bool flagAt(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

inline long long integerAt(const nlohmann::json &j, const char *key, long long fallback = 0)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<long long>() : fallback;
}

// A counter: 64 bits on every target (long is 32 bits on armhf); negative reads as 0.
inline std::uint64_t countAt(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    if (it == j.end())
        return 0;
    if (it->is_number_unsigned())
        return it->get<std::uint64_t>();
    return it->is_number_integer() && it->get<long long>() > 0 ? std::uint64_t(it->get<long long>())
                                                               : 0;
}

inline double numberAt(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

inline std::vector<std::string> stringsAt(const nlohmann::json &j, const char *key)
{
    std::vector<std::string> out;
    const auto it = j.find(key);
    if (it == j.end() || !it->is_array())
        return out;
    for (const auto &item : *it) {
        if (item.is_string())
            out.push_back(item.get<std::string>());
    }
    return out;
}

} // namespace k3snet::agent::jsonfields
