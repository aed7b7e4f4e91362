// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/nodedialog.h"

#include "l2/labelterm.h"
#include "validators/addressvalidator.h"
#include "validators/labelvalidator.h"
#include "validators/listvalidator.h"
#include "validators/namevalidator.h"
#include "widgets/validatedlineedit.h"

#include <QComboBox>

#include <set>

namespace k3snet {

namespace {

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

bool hasLan(const model::ClusterNetwork &network)
{
    return network.lan.subnet.length() > 0 || network.lan.subnet.network().value() != 0;
}

// The next free address of the LAN after the gateway and the nodes, for a new node.
QString suggestAddress(const model::Project &project)
{
    const auto &lan = project.network.lan;
    if (!hasLan(project.network) || !lan.subnet.network().isV4())
        return {};
    std::set<net::Address> used{lan.gateway};
    net::Address highest = lan.gateway;
    for (const auto &node : project.nodes) {
        used.insert(node.lanIP);
        if (lan.subnet.contains(node.lanIP) && node.lanIP > highest)
            highest = node.lanIP;
    }
    for (auto candidate = highest.next();
         candidate && lan.subnet.contains(*candidate) && *candidate != lan.subnet.last();
         candidate = candidate->next())
        if (!used.count(*candidate))
            return fromStd(candidate->toString());
    return {};
}

QString suggestName(const model::Project &project)
{
    for (int i = int(project.nodes.size()) + 1;; ++i) {
        const std::string name = "node" + std::to_string(i);
        if (!project.findNode(name))
            return fromStd(name);
    }
}

} // namespace

NodeDialog::NodeDialog(const model::Project &project, const model::Node *existing, QWidget *parent)
    : ObjectDialog(parent)
    , m_network(project.network)
{
    setObjectName(QStringLiteral("nodeDialog"));
    setWindowTitle(existing ? tr("Edit Node %1").arg(fromStd(existing->name)) : tr("Add Node"));
    if (existing)
        m_node = *existing;

    QStringList taken;
    for (const auto &node : project.nodes) {
        if (existing && node.name == existing->name)
            continue;
        taken << fromStd(node.name);
        m_addressOwners[node.lanIP.toString()] = node.name;
    }

    m_name = new ValidatedLineEdit(this);
    m_name->setObjectName(QStringLiteral("nodeName"));
    auto *names = new NameValidator(NameValidator::Kind::Subdomain, m_name);
    names->setTaken(taken);
    m_name->setExplainingValidator(names);
    m_name->setText(existing ? fromStd(existing->name) : suggestName(project));
    m_name->setPlaceholderText(tr("node1"));

    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("nodeRole"));
    m_role->addItem(tr("server (control plane)"), int(model::NodeRole::Server));
    m_role->addItem(tr("agent (worker)"), int(model::NodeRole::Agent));
    const auto role = existing
        ? existing->role
        : (project.nodes.empty() ? model::NodeRole::Server : model::NodeRole::Agent);
    m_role->setCurrentIndex(m_role->findData(int(role)));

    m_lanIP = new ValidatedLineEdit(this);
    m_lanIP->setObjectName(QStringLiteral("nodeLanIP"));
    m_lanIP->setExplainingValidator(new AddressValidator(AddressValidator::Kind::Address, m_lanIP));
    m_lanIP->setCheck([this](const QString &text) { return checkAddress(text); });
    m_lanIP->setText(existing ? fromStd(existing->lanIP.toString()) : suggestAddress(project));
    if (hasLan(m_network))
        m_lanIP->setPlaceholderText(
            tr("an address of %1").arg(fromStd(m_network.lan.subnet.toString())));

    m_interface = new ValidatedLineEdit(this);
    m_interface->setObjectName(QStringLiteral("nodeInterface"));
    auto *interfaces = new NameValidator(NameValidator::Kind::InterfaceName, m_interface);
    interfaces->setOptional(true);
    m_interface->setExplainingValidator(interfaces);
    m_interface->setPlaceholderText(fromStd(m_network.lan.interface));
    if (existing)
        m_interface->setText(fromStd(existing->interface));

    m_sshUser = new ValidatedLineEdit(this);
    m_sshUser->setObjectName(QStringLiteral("nodeSshUser"));
    m_sshUser->setPlaceholderText(tr("the user k3snet logs in as, e.g. pi"));
    if (existing)
        m_sshUser->setText(fromStd(existing->ssh.user));

    m_labels = new ValidatedLineEdit(this);
    m_labels->setObjectName(QStringLiteral("nodeLabels"));
    auto *labels
        = new ListValidator(new LabelValidator(LabelValidator::Kind::Label, m_labels), m_labels);
    labels->setOptional(true);
    m_labels->setExplainingValidator(labels);
    m_labels->setPlaceholderText(tr("zone=rack1, k3snet.io/announce=true"));
    if (existing) {
        QStringList texts;
        for (const auto &[key, value] : existing->labels)
            texts << fromStd(key) + QLatin1Char('=') + fromStd(value);
        m_labels->setText(texts.join(QStringLiteral(", ")));
    }

    addField(tr("&Name:"), m_name);
    addRow(tr("&Role:"), m_role);
    addField(tr("&LAN address:"), m_lanIP);
    addField(tr("&Interface:"), m_interface);
    addField(tr("&SSH user:"), m_sshUser);
    addField(tr("La&bels:"), m_labels);
    setHint(tr("An empty interface means the cluster's LAN interface (%1). Labels are what "
               "L2 advertisements select nodes by.")
                .arg(fromStd(m_network.lan.interface)));
    m_name->setFocus();
    m_name->selectAll();
    updateState();
}

QString NodeDialog::checkAddress(const QString &text) const
{
    const auto address = net::Address::parse(text.trimmed().toStdString());
    if (!address)
        return {};
    if (auto it = m_addressOwners.find(address->toString()); it != m_addressOwners.end())
        return tr("%1 is the address of node %2.").arg(text.trimmed(), fromStd(it->second));
    if (!hasLan(m_network))
        return {};
    const auto &lan = m_network.lan;
    if (!lan.subnet.contains(*address))
        return tr("%1 is outside the LAN %2.").arg(text.trimmed(), fromStd(lan.subnet.toString()));
    if (*address == lan.gateway)
        return tr("%1 is the gateway's address.").arg(text.trimmed());
    if (*address == lan.subnet.network() || *address == lan.subnet.last())
        return tr("%1 is the LAN's network or broadcast address.").arg(text.trimmed());
    return {};
}

model::Node NodeDialog::node() const
{
    model::Node node = m_node;
    node.name = m_name->text().trimmed().toStdString();
    node.role = model::NodeRole(m_role->currentData().toInt());
    if (auto address = net::Address::parse(m_lanIP->text().trimmed().toStdString()))
        node.lanIP = *address;
    node.interface = m_interface->text().trimmed().toStdString();
    node.ssh.user = m_sshUser->text().trimmed().toStdString();
    node.labels.clear();
    for (const QString &entry : ListValidator::entries(m_labels->text()))
        if (const auto parsed = parseLabelTerm(entry); parsed.term)
            node.labels[parsed.term->key.toStdString()]
                = parsed.term->values.value(0).toStdString();
    return node;
}

} // namespace k3snet
