// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validators/explainingvalidator.h"

#include <optional>

namespace k3snet {

// One service port as "80", "80/TCP", "53/udp" or "9000/SCTP" (the protocol defaults to TCP).
class PortValidator : public ExplainingValidator
{
    Q_OBJECT

public:
    explicit PortValidator(QObject *parent = nullptr);

    struct Port
    {
        int port = 0;
        QString protocol; // upper case
    };
    // The port of an acceptable text.
    static std::optional<Port> parse(const QString &text);

    State validate(QString &input, int &pos) const override;
    QString problem(const QString &text) const override;

private:
    struct Verdict
    {
        State state = Acceptable;
        QString problem;
    };
    Verdict judge(const QString &text) const;
};

} // namespace k3snet
