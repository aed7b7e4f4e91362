// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validators/explainingvalidator.h"

namespace k3snet {

// Validates an IP address, a CIDR prefix, an address range or one entry of a MetalLB pool as
// the user types, with the parsers of core/domain deciding what is acceptable. Partial input
// ("10.0.", "10.0.0.0/", "10.0.0.100-10.0.0.2") is Intermediate, and so is input whose parts
// are complete but which the domain refuses (a range whose start is after its end): editing
// can still fix it, and problem() says what is wrong. Invalid is kept for what no editing of
// the rest can fix: a character that belongs in no address, a number above 255, a fifth
// octet, a prefix length longer than the address.
class AddressValidator : public ExplainingValidator
{
    Q_OBJECT

public:
    enum class Kind
    {
        Address, // 10.0.0.1, 2001:db8::1
        Prefix, // 10.0.0.0/24 (host bits allowed and cleared, as k3s and MetalLB read them)
        StrictPrefix, // 10.0.0.0/24 (host bits set is a problem: a typo in a network setting)
        Range, // 10.0.0.100-10.0.0.200
        PoolEntry, // a Range or a Prefix, as MetalLB's IPAddressPool addresses
    };

    explicit AddressValidator(Kind kind, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    // An empty text is acceptable (an optional field); by default it is Intermediate.
    void setOptional(bool optional) { m_optional = optional; }
    bool isOptional() const { return m_optional; }

    State validate(QString &input, int &pos) const override;
    QString problem(const QString &text) const override;

private:
    struct Verdict
    {
        State state = Acceptable;
        QString problem;
    };
    Verdict judge(const QString &text) const;

    Kind m_kind;
    bool m_optional = false;
};

} // namespace k3snet
