// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/lanpage.h"

#include "validators/addressvalidator.h"
#include "validators/namevalidator.h"
#include "widgets/validatedlineedit.h"

#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace k3snet {

LanPage::LanPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("lanPage"));
    setTitle(tr("Project and LAN"));
    setSubTitle(tr("The network your nodes are plugged into, as your router sets it up."));

    m_name = new ValidatedLineEdit(this);
    m_name->setObjectName(QStringLiteral("projectName"));
    m_name->setExplainingValidator(new NameValidator(NameValidator::Kind::Subdomain, m_name));
    m_name->setText(QStringLiteral("cluster"));

    m_subnet = new ValidatedLineEdit(this);
    m_subnet->setObjectName(QStringLiteral("lanSubnet"));
    m_subnet->setExplainingValidator(
        new AddressValidator(AddressValidator::Kind::StrictPrefix, m_subnet));
    m_subnet->setPlaceholderText(tr("192.168.1.0/24"));
    m_subnet->setText(QStringLiteral("192.168.1.0/24"));

    m_gateway = new ValidatedLineEdit(this);
    m_gateway->setObjectName(QStringLiteral("lanGateway"));
    m_gateway->setExplainingValidator(
        new AddressValidator(AddressValidator::Kind::Address, m_gateway));
    m_gateway->setCheck([this](const QString &text) { return checkGateway(text); });
    m_gateway->setText(QStringLiteral("192.168.1.1"));
    connect(m_gateway, &QLineEdit::textEdited, this, [this] { m_gatewayTyped = true; });

    m_interface = new ValidatedLineEdit(this);
    m_interface->setObjectName(QStringLiteral("lanInterface"));
    m_interface->setExplainingValidator(
        new NameValidator(NameValidator::Kind::InterfaceName, m_interface));
    m_interface->setText(QStringLiteral("eth0"));

    m_mtu = new QSpinBox(this);
    m_mtu->setObjectName(QStringLiteral("lanMtu"));
    m_mtu->setRange(1280, 9216);
    m_mtu->setValue(1500);
    m_mtu->setSuffix(tr(" bytes"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("problemMessage"));
    m_message->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Project &name:"), m_name);
    form->addRow(tr("LAN &subnet:"), m_subnet);
    form->addRow(tr("&Gateway:"), m_gateway);
    form->addRow(tr("Nodes' LAN &interface:"), m_interface);
    form->addRow(tr("LAN &MTU:"), m_mtu);
    m_name->setAccessibleName(tr("Project name"));
    m_subnet->setAccessibleName(tr("LAN subnet"));
    m_gateway->setAccessibleName(tr("Gateway"));
    m_interface->setAccessibleName(tr("Nodes' LAN interface"));
    m_mtu->setAccessibleName(tr("LAN MTU"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);

    connect(m_subnet, &QLineEdit::textChanged, this, &LanPage::subnetEdited);
    for (auto *field : {m_name, m_subnet, m_gateway, m_interface})
        connect(field, &ValidatedLineEdit::problemChanged, this, &LanPage::updateMessage);
    updateMessage();
}

void LanPage::subnetEdited()
{
    const auto prefix = net::Prefix::parseStrict(m_subnet->text().trimmed().toStdString());
    if (prefix && !m_gatewayTyped) {
        if (auto first = prefix->network().next(); first && prefix->contains(*first))
            m_gateway->setText(QString::fromStdString(first->toString()));
    }
    m_gateway->recheck();
}

QString LanPage::checkGateway(const QString &text) const
{
    const auto prefix = net::Prefix::parseStrict(m_subnet->text().trimmed().toStdString());
    const auto address = net::Address::parse(text.trimmed().toStdString());
    if (!prefix || !address)
        return {};
    if (!prefix->contains(*address))
        return tr("The gateway %1 is outside the LAN %2.")
            .arg(text.trimmed(), QString::fromStdString(prefix->toString()));
    if (*address == prefix->network() || *address == prefix->last())
        return tr("%1 is the LAN's network or broadcast address.").arg(text.trimmed());
    return {};
}

void LanPage::updateMessage()
{
    QString text;
    for (auto *field : {m_name, m_subnet, m_gateway, m_interface}) {
        if (!field->isAcceptable()) {
            text = field->problem();
            break;
        }
    }
    m_message->setText(text);
    Q_EMIT completeChanged();
}

bool LanPage::isComplete() const
{
    for (auto *field : {m_name, m_subnet, m_gateway, m_interface})
        if (!field->isAcceptable())
            return false;
    return true;
}

QString LanPage::projectName() const
{
    return m_name->text().trimmed();
}

net::Prefix LanPage::subnet() const
{
    const auto prefix = net::Prefix::parseStrict(m_subnet->text().trimmed().toStdString());
    return prefix ? *prefix : net::Prefix();
}

net::Address LanPage::gateway() const
{
    const auto address = net::Address::parse(m_gateway->text().trimmed().toStdString());
    return address ? *address : net::Address();
}

QString LanPage::interfaceName() const
{
    return m_interface->text().trimmed();
}

int LanPage::mtu() const
{
    return m_mtu->value();
}

} // namespace k3snet
