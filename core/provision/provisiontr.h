// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace k3snet::provision {

// The translation context of the provisioning code outside QObjects ("Provisioning::tr").
struct Provisioning
{
    Q_DECLARE_TR_FUNCTIONS(Provisioning)
};

} // namespace k3snet::provision
