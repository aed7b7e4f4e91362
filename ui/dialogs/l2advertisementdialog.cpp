// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/l2advertisementdialog.h"

#include "validators/namevalidator.h"
#include "widgets/validatedlineedit.h"

#include <QComboBox>

#include <algorithm>

namespace k3snet {

L2AdvertisementDialog::L2AdvertisementDialog(const model::Project &project, QWidget *parent)
    : ObjectDialog(parent)
{
    setObjectName(QStringLiteral("l2AdvertisementDialog"));
    setWindowTitle(tr("Add L2 Advertisement"));
    QStringList taken;
    for (const auto &ad : project.l2Advertisements)
        taken << QString::fromStdString(ad.name);

    m_name = new ValidatedLineEdit(this);
    m_name->setObjectName(QStringLiteral("l2Name"));
    auto *names = new NameValidator(NameValidator::Kind::Subdomain, m_name);
    names->setTaken(taken);
    m_name->setExplainingValidator(names);
    QString suggestion = QStringLiteral("l2");
    for (int i = 2; taken.contains(suggestion); ++i)
        suggestion = QStringLiteral("l2-%1").arg(i);
    m_name->setText(suggestion);

    m_pool = new QComboBox(this);
    m_pool->setObjectName(QStringLiteral("l2Pool"));
    m_pool->addItem(tr("every pool"), QString());
    for (const auto &pool : project.pools)
        m_pool->addItem(QString::fromStdString(pool.name), QString::fromStdString(pool.name));
    // The first pool nobody advertises yet is the likely reason for a new advertisement.
    for (const auto &pool : project.pools) {
        const bool named = std::any_of(project.l2Advertisements.begin(),
            project.l2Advertisements.end(), [&](const model::L2Advertisement &ad) {
                return std::find(ad.ipAddressPools.begin(), ad.ipAddressPools.end(), pool.name)
                    != ad.ipAddressPools.end();
            });
        if (!named) {
            m_pool->setCurrentIndex(m_pool->findData(QString::fromStdString(pool.name)));
            break;
        }
    }

    addField(tr("&Name:"), m_name);
    addRow(tr("&Advertise:"), m_pool);
    setHint(tr("The nodes answer ARP for the addresses of the pools an L2 advertisement selects. "
               "Choose the nodes and interfaces in the L2 advertisement editor."));
    m_name->setFocus();
    m_name->selectAll();
    updateState();
}

model::L2Advertisement L2AdvertisementDialog::advertisement() const
{
    model::L2Advertisement ad;
    ad.name = m_name->text().trimmed().toStdString();
    const QString pool = m_pool->currentData().toString();
    if (!pool.isEmpty())
        ad.ipAddressPools.push_back(pool.toStdString());
    return ad;
}

} // namespace k3snet
