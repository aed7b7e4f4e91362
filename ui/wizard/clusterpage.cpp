// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/clusterpage.h"

#include "validators/addressvalidator.h"
#include "validators/listvalidator.h"
#include "widgets/validatedlineedit.h"
#include "wizard/lanpage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace k3snet {

namespace {

std::optional<net::Prefix> prefixOf(const ValidatedLineEdit *field)
{
    const auto parsed = net::Prefix::parseStrict(field->text().trimmed().toStdString());
    return parsed ? std::optional(*parsed) : std::nullopt;
}

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

std::uint32_t v4Value(const net::Address &address)
{
    unsigned char bytes[4];
    address.toBytes(bytes);
    return std::uint32_t(bytes[0]) << 24 | std::uint32_t(bytes[1]) << 16
        | std::uint32_t(bytes[2]) << 8 | bytes[3];
}

} // namespace

ClusterPage::ClusterPage(LanPage *lan, QWidget *parent)
    : QWizardPage(parent)
    , m_lan(lan)
{
    setObjectName(QStringLiteral("clusterPage"));
    setTitle(tr("Kubernetes"));
    setSubTitle(tr("k3s's address ranges for pods and services (its defaults suit most "
                   "clusters), and addresses on the LAN for LoadBalancer services."));
    const model::ClusterNetwork defaults;
    const auto make
        = [this](const char *name, AddressValidator::Kind kind, const std::string &text) {
              auto *field = new ValidatedLineEdit(this);
              field->setObjectName(QLatin1String(name));
              field->setExplainingValidator(new AddressValidator(kind, field));
              field->setText(fromStd(text));
              return field;
          };
    m_clusterCIDR = make(
        "clusterCIDR", AddressValidator::Kind::StrictPrefix, defaults.clusterCIDR.toString());
    m_serviceCIDR = make(
        "serviceCIDR", AddressValidator::Kind::StrictPrefix, defaults.serviceCIDR.toString());
    m_clusterDNS
        = make("clusterDNS", AddressValidator::Kind::Address, defaults.clusterDNS.toString());
    connect(m_clusterDNS, &QLineEdit::textEdited, this, [this] { m_dnsTyped = true; });

    m_nodeMask = new QSpinBox(this);
    m_nodeMask->setObjectName(QStringLiteral("nodeCIDRMaskSize"));
    m_nodeMask->setRange(8, 30);
    m_nodeMask->setPrefix(QStringLiteral("/"));
    m_nodeMask->setValue(defaults.nodeCIDRMaskSize);

    m_capacity = new QLabel(this);
    m_capacity->setObjectName(QStringLiteral("capacity"));
    m_capacity->setForegroundRole(QPalette::PlaceholderText);

    m_createPool = new QCheckBox(tr("Create an address pool and advertise it on the LAN"), this);
    m_createPool->setObjectName(QStringLiteral("createPool"));
    m_createPool->setChecked(true);
    m_pool = new ValidatedLineEdit(this);
    m_pool->setObjectName(QStringLiteral("poolAddresses"));
    m_pool->setExplainingValidator(
        new ListValidator(new AddressValidator(AddressValidator::Kind::PoolEntry, m_pool), m_pool));
    connect(m_pool, &QLineEdit::textEdited, this, [this] { m_poolTyped = true; });
    connect(m_createPool, &QCheckBox::toggled, m_pool, &QWidget::setEnabled);
    connect(m_createPool, &QCheckBox::toggled, this, &ClusterPage::updateMessage);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("problemMessage"));
    m_message->setWordWrap(true);

    // The checks read each other's fields: set once all of them exist.
    m_clusterCIDR->setCheck([this](const QString &t) { return checkClusterCIDR(t); });
    m_serviceCIDR->setCheck([this](const QString &t) { return checkServiceCIDR(t); });
    m_clusterDNS->setCheck([this](const QString &t) { return checkClusterDNS(t); });

    auto *form = new QFormLayout;
    form->addRow(tr("&Cluster (pod) CIDR:"), m_clusterCIDR);
    form->addRow(tr("&Service CIDR:"), m_serviceCIDR);
    form->addRow(tr("Cluster &DNS:"), m_clusterDNS);
    form->addRow(tr("Pod subnet per &node:"), m_nodeMask);
    form->addRow(QString(), m_capacity);
    form->addRow(QString(), m_createPool);
    form->addRow(tr("LoadBalancer &addresses:"), m_pool);
    m_clusterCIDR->setAccessibleName(tr("Cluster CIDR"));
    m_serviceCIDR->setAccessibleName(tr("Service CIDR"));
    m_clusterDNS->setAccessibleName(tr("Cluster DNS"));
    m_nodeMask->setAccessibleName(tr("Pod subnet per node"));
    m_pool->setAccessibleName(tr("LoadBalancer addresses"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);

    connect(m_serviceCIDR, &QLineEdit::textChanged, this, &ClusterPage::serviceCIDREdited);
    connect(m_clusterCIDR, &QLineEdit::textChanged, m_serviceCIDR, &ValidatedLineEdit::recheck);
    connect(m_nodeMask, &QSpinBox::valueChanged, m_clusterCIDR, &ValidatedLineEdit::recheck);
    for (auto *field : {m_clusterCIDR, m_serviceCIDR, m_clusterDNS, m_pool})
        connect(field, &ValidatedLineEdit::problemChanged, this, &ClusterPage::updateMessage);
    connect(m_clusterCIDR, &QLineEdit::textChanged, this, &ClusterPage::updateCapacity);
    connect(m_nodeMask, &QSpinBox::valueChanged, this, &ClusterPage::updateCapacity);
    updateCapacity();
}

void ClusterPage::updateCapacity()
{
    // What the two numbers mean together, which is easy to get wrong: how many nodes the
    // cluster CIDR holds, and how many pods each node's subnet.
    const auto cluster = prefixOf(m_clusterCIDR);
    const int mask = m_nodeMask->value();
    const int bits = cluster && !cluster->network().isV4() ? 128 : 32;
    if (!cluster || mask <= cluster->length() || bits - mask > 30
        || mask - cluster->length() > 30) {
        m_capacity->clear();
        return;
    }
    const qint64 nodes = qint64(1) << (mask - cluster->length());
    const qint64 pods = (qint64(1) << (bits - mask)) - 2;
    m_capacity->setText(tr("Room for %1 nodes with up to %2 pods each.").arg(nodes).arg(pods));
}

void ClusterPage::initializePage()
{
    // A pool at the top of the LAN, away from the router and the nodes at its bottom.
    const net::Prefix lan = m_lan->subnet();
    if (!m_poolTyped) {
        QString suggestion;
        if (lan.network().isV4() && lan.length() <= 26) {
            const std::uint32_t last = v4Value(lan.last());
            const auto first = net::Address::v4(last - (lan.length() <= 24 ? 55 : 12));
            const auto end = net::Address::v4(last - 5);
            suggestion = fromStd(first.toString() + "-" + end.toString());
        }
        m_pool->setText(suggestion);
    }
    for (auto *field : {m_clusterCIDR, m_serviceCIDR, m_clusterDNS, m_pool})
        field->recheck();
    updateMessage();
}

void ClusterPage::serviceCIDREdited()
{
    const auto prefix = prefixOf(m_serviceCIDR);
    if (prefix && !m_dnsTyped) {
        // k3s's default DNS is the tenth address of the service CIDR.
        if (auto dns = prefix->network().offset(10); dns && prefix->contains(*dns))
            m_clusterDNS->setText(fromStd(dns->toString()));
    }
    m_clusterDNS->recheck();
    m_clusterCIDR->recheck();
}

QString ClusterPage::checkClusterCIDR(const QString &) const
{
    const auto cluster = prefixOf(m_clusterCIDR);
    if (!cluster)
        return {};
    if (cluster->overlaps(m_lan->subnet()))
        return tr("The cluster CIDR %1 overlaps the LAN %2.")
            .arg(fromStd(cluster->toString()), fromStd(m_lan->subnet().toString()));
    if (m_nodeMask->value() <= cluster->length())
        return tr("A node's pod subnet (/%1) must be smaller than the cluster CIDR (/%2).")
            .arg(m_nodeMask->value())
            .arg(cluster->length());
    return {};
}

QString ClusterPage::checkServiceCIDR(const QString &) const
{
    const auto service = prefixOf(m_serviceCIDR);
    if (!service)
        return {};
    if (service->overlaps(m_lan->subnet()))
        return tr("The service CIDR %1 overlaps the LAN %2.")
            .arg(fromStd(service->toString()), fromStd(m_lan->subnet().toString()));
    if (const auto cluster = prefixOf(m_clusterCIDR); cluster && cluster->overlaps(*service))
        return tr("The service CIDR overlaps the cluster CIDR.");
    return {};
}

QString ClusterPage::checkClusterDNS(const QString &text) const
{
    const auto service = prefixOf(m_serviceCIDR);
    const auto dns = net::Address::parse(text.trimmed().toStdString());
    if (service && dns && !service->contains(*dns))
        return tr("The cluster DNS %1 is outside the service CIDR %2.")
            .arg(text.trimmed(), fromStd(service->toString()));
    return {};
}

void ClusterPage::updateMessage()
{
    QString text;
    for (auto *field : {m_clusterCIDR, m_serviceCIDR, m_clusterDNS, m_pool}) {
        if (field == m_pool && !m_createPool->isChecked())
            continue;
        if (!field->isAcceptable()) {
            text = field->problem();
            break;
        }
    }
    m_message->setText(text);
    Q_EMIT completeChanged();
}

bool ClusterPage::isComplete() const
{
    for (auto *field : {m_clusterCIDR, m_serviceCIDR, m_clusterDNS})
        if (!field->isAcceptable())
            return false;
    return !m_createPool->isChecked() || m_pool->isAcceptable();
}

model::ClusterNetwork ClusterPage::network() const
{
    model::ClusterNetwork network;
    if (const auto cluster = prefixOf(m_clusterCIDR))
        network.clusterCIDR = *cluster;
    if (const auto service = prefixOf(m_serviceCIDR))
        network.serviceCIDR = *service;
    if (const auto dns = net::Address::parse(m_clusterDNS->text().trimmed().toStdString()))
        network.clusterDNS = *dns;
    network.nodeCIDRMaskSize = m_nodeMask->value();
    return network;
}

bool ClusterPage::createsPool() const
{
    return m_createPool->isChecked();
}

QString ClusterPage::poolAddresses() const
{
    return m_pool->text();
}

} // namespace k3snet
