// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace k3snet {

// What a parser returns: a value, or a message that names the input and says what is wrong.
// Parsers in core/domain never throw and never print; callers decide how to report.
template<class T>
class Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {
    }
    static Result failure(std::string message) { return Result(Error{std::move(message)}); }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<0>(m_data); }
    T &value() { return std::get<0>(m_data); }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }
    const std::string &error() const { return std::get<1>(m_data).message; }

private:
    struct Error
    {
        std::string message;
    };
    explicit Result(Error e)
        : m_data(std::move(e))
    {
    }
    std::variant<T, Error> m_data;
};

} // namespace k3snet
