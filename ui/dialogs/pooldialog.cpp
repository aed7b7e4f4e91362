// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/pooldialog.h"

#include "validators/addressvalidator.h"
#include "validators/listvalidator.h"
#include "validators/namevalidator.h"
#include "widgets/validatedlineedit.h"

#include <QCheckBox>

namespace k3snet {

namespace {

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

QString suggestName(const model::Project &project)
{
    if (!project.findPool("default-pool"))
        return QStringLiteral("default-pool");
    for (int i = 2;; ++i) {
        const std::string name = "pool" + std::to_string(i);
        if (!project.findPool(name))
            return fromStd(name);
    }
}

} // namespace

PoolDialog::PoolDialog(
    const model::Project &project, const model::IPAddressPool *existing, QWidget *parent)
    : ObjectDialog(parent)
{
    setObjectName(QStringLiteral("poolDialog"));
    setWindowTitle(existing ? tr("Edit Pool %1").arg(fromStd(existing->name)) : tr("Add Pool"));
    if (existing)
        m_pool = *existing;

    QStringList taken;
    for (const auto &pool : project.pools)
        if (!existing || pool.name != existing->name)
            taken << fromStd(pool.name);

    m_name = new ValidatedLineEdit(this);
    m_name->setObjectName(QStringLiteral("poolName"));
    auto *names = new NameValidator(NameValidator::Kind::Subdomain, m_name);
    names->setTaken(taken);
    m_name->setExplainingValidator(names);
    m_name->setText(existing ? fromStd(existing->name) : suggestName(project));

    m_addresses = new ValidatedLineEdit(this);
    m_addresses->setObjectName(QStringLiteral("poolAddresses"));
    m_addresses->setExplainingValidator(new ListValidator(
        new AddressValidator(AddressValidator::Kind::PoolEntry, m_addresses), m_addresses));
    m_addresses->setPlaceholderText(tr("10.0.0.200-10.0.0.250, 10.0.0.240/28"));
    if (existing) {
        QStringList entries;
        for (const auto &entry : existing->addresses)
            entries << fromStd(entry);
        m_addresses->setText(entries.join(QStringLiteral(", ")));
    }

    m_autoAssign = new QCheckBox(tr("Give addresses to services that ask for no pool"), this);
    m_autoAssign->setObjectName(QStringLiteral("poolAutoAssign"));
    m_autoAssign->setChecked(m_pool.isAutoAssign());
    m_avoidBuggyIPs = new QCheckBox(tr("Never hand out addresses ending in .0 or .255"), this);
    m_avoidBuggyIPs->setObjectName(QStringLiteral("poolAvoidBuggyIPs"));
    m_avoidBuggyIPs->setChecked(m_pool.isAvoidBuggyIPs());

    addField(tr("&Name:"), m_name);
    addField(tr("&Addresses:"), m_addresses);
    addRow(tr("Auto-assign:"), m_autoAssign);
    addRow(tr("Avoid buggy IPs:"), m_avoidBuggyIPs);
    setHint(tr("Addresses are ranges (first-last) or prefixes (address/length), separated by "
               "commas. An L2 advertisement makes the nodes answer ARP for them."));
    (existing ? m_addresses : m_name)->setFocus();
    updateState();
}

model::IPAddressPool PoolDialog::pool() const
{
    model::IPAddressPool pool = m_pool;
    pool.name = m_name->text().trimmed().toStdString();
    pool.addresses.clear();
    for (const QString &entry : ListValidator::entries(m_addresses->text()))
        pool.addresses.push_back(entry.toStdString());
    // Unset stays unset when the box shows the default, so export writes back what was read.
    if (m_autoAssign->isChecked() != m_pool.isAutoAssign() || m_pool.autoAssign)
        pool.autoAssign = m_autoAssign->isChecked();
    if (m_avoidBuggyIPs->isChecked() != m_pool.isAvoidBuggyIPs() || m_pool.avoidBuggyIPs)
        pool.avoidBuggyIPs = m_avoidBuggyIPs->isChecked();
    return pool;
}

} // namespace k3snet
