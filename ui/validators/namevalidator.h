// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "validators/explainingvalidator.h"

#include <QStringList>

namespace k3snet {

// Validates the name of a Kubernetes object or of a network interface as the user types, with
// the rules of core/domain deciding what is acceptable. Upper case is turned into lower case
// for Kubernetes names (which are lowercase), characters no such name may hold are refused, and
// a name that could still become valid ("web-", an empty one) is Intermediate with a reason.
// Names already taken (setTaken) are Intermediate too: the user has to choose another.
class NameValidator : public ExplainingValidator
{
    Q_OBJECT

public:
    enum class Kind
    {
        Subdomain, // RFC 1123 subdomain: nodes, pools, L2 advertisements
        Label, // RFC 1123 label: namespaces
        ServiceName, // RFC 1035 label: services
        InterfaceName, // a Linux interface name (eth0, wlan0, enp1s0.10)
    };

    explicit NameValidator(Kind kind, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    void setOptional(bool optional) { m_optional = optional; }
    // Names other objects of the kind already have.
    void setTaken(const QStringList &names) { m_taken = names; }

    State validate(QString &input, int &pos) const override;
    QString problem(const QString &text) const override;

private:
    struct Verdict
    {
        State state = Acceptable;
        QString problem;
    };
    Verdict judge(const QString &text) const;
    Verdict judgeKubernetesName(const QString &text) const;
    Verdict judgeInterfaceName(const QString &text) const;

    Kind m_kind;
    bool m_optional = false;
    QStringList m_taken;
};

} // namespace k3snet
