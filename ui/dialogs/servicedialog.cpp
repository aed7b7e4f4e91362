// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/servicedialog.h"

#include "domain/ipam/servicerequest.h"
#include "validators/addressvalidator.h"
#include "validators/listvalidator.h"
#include "validators/namevalidator.h"
#include "validators/portvalidator.h"
#include "widgets/validatedlineedit.h"

#include <QComboBox>

namespace k3snet {

namespace {

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

// An annotation under MetalLB's current key, or else under the deprecated one.
QString annotation(const model::Service &service, const char *key)
{
    const std::string current = key;
    const std::string deprecated
        = std::string(ipam::deprecatedAnnotationPrefix) + current.substr(current.find('/') + 1);
    for (const auto &k : {current, deprecated})
        if (auto it = service.annotations.find(k); it != service.annotations.end())
            return fromStd(it->second);
    return {};
}

void eraseAnnotation(model::Service &service, const char *key)
{
    const std::string current = key;
    service.annotations.erase(current);
    service.annotations.erase(
        std::string(ipam::deprecatedAnnotationPrefix) + current.substr(current.find('/') + 1));
}

} // namespace

ServiceDialog::ServiceDialog(
    const model::Project &project, const model::Service *existing, QWidget *parent)
    : ObjectDialog(parent)
{
    setObjectName(QStringLiteral("serviceDialog"));
    setWindowTitle(
        existing ? tr("Edit Service %1").arg(fromStd(existing->key())) : tr("Add Service"));
    if (existing) {
        m_service = *existing;
    } else {
        m_service.type = "LoadBalancer";
        m_service.namespaceName = "default";
    }
    for (const auto &service : project.services)
        if (!existing || service.key() != existing->key())
            m_taken.emplace(service.namespaceName, service.name);

    m_namespace = new ValidatedLineEdit(this);
    m_namespace->setObjectName(QStringLiteral("serviceNamespace"));
    m_namespace->setExplainingValidator(new NameValidator(NameValidator::Kind::Label, m_namespace));
    m_namespace->setText(fromStd(m_service.namespaceName));

    m_name = new ValidatedLineEdit(this);
    m_name->setObjectName(QStringLiteral("serviceName"));
    m_name->setExplainingValidator(new NameValidator(NameValidator::Kind::ServiceName, m_name));
    m_name->setCheck([this](const QString &text) {
        if (m_taken.count({m_namespace->text().trimmed().toStdString(), text.toStdString()}))
            return tr("%1/%2 exists: choose another name.")
                .arg(m_namespace->text().trimmed(), text);
        return QString();
    });
    m_name->setText(fromStd(m_service.name));
    m_name->setPlaceholderText(tr("web"));
    connect(m_namespace, &QLineEdit::textChanged, m_name, &ValidatedLineEdit::recheck);

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("serviceType"));
    for (const char *type : {"LoadBalancer", "ClusterIP", "NodePort"})
        m_type->addItem(QLatin1String(type), QLatin1String(type));
    if (m_type->findData(fromStd(m_service.type)) < 0)
        m_type->addItem(fromStd(m_service.type), fromStd(m_service.type));
    m_type->setCurrentIndex(m_type->findData(fromStd(m_service.type)));

    m_ports = new ValidatedLineEdit(this);
    m_ports->setObjectName(QStringLiteral("servicePorts"));
    m_ports->setExplainingValidator(new ListValidator(new PortValidator(m_ports), m_ports));
    m_ports->setPlaceholderText(tr("80/TCP, 443/TCP"));
    QStringList ports;
    for (const auto &port : m_service.ports)
        ports << QStringLiteral("%1/%2").arg(port.port).arg(fromStd(port.protocol));
    m_ports->setText(ports.join(QStringLiteral(", ")));

    m_requestedIPs = new ValidatedLineEdit(this);
    m_requestedIPs->setObjectName(QStringLiteral("serviceRequestedIPs"));
    auto *addresses = new ListValidator(
        new AddressValidator(AddressValidator::Kind::Address, m_requestedIPs), m_requestedIPs);
    addresses->setOptional(true);
    m_requestedIPs->setExplainingValidator(addresses);
    m_requestedIPs->setPlaceholderText(tr("any free address"));
    m_initialIPs = annotation(m_service, ipam::annotationLoadBalancerIPs);
    if (m_initialIPs.isEmpty())
        m_initialIPs = fromStd(m_service.loadBalancerIP);
    m_requestedIPs->setText(m_initialIPs);

    m_pool = new QComboBox(this);
    m_pool->setObjectName(QStringLiteral("servicePool"));
    m_pool->addItem(tr("any pool that admits the service"), QString());
    for (const auto &pool : project.pools)
        m_pool->addItem(fromStd(pool.name), fromStd(pool.name));
    m_initialPool = annotation(m_service, ipam::annotationAddressPool);
    if (!m_initialPool.isEmpty() && m_pool->findData(m_initialPool) < 0)
        m_pool->addItem(tr("%1 (no such pool)").arg(m_initialPool), m_initialPool);
    m_pool->setCurrentIndex(m_pool->findData(m_initialPool));

    m_trafficPolicy = new QComboBox(this);
    m_trafficPolicy->setObjectName(QStringLiteral("serviceTrafficPolicy"));
    m_trafficPolicy->addItem(tr("Cluster: any node may announce"), QStringLiteral("Cluster"));
    m_trafficPolicy->addItem(
        tr("Local: only nodes with an endpoint announce"), QStringLiteral("Local"));
    m_trafficPolicy->setCurrentIndex(m_service.isLocalTrafficPolicy() ? 1 : 0);

    addField(tr("Name&space:"), m_namespace);
    addField(tr("&Name:"), m_name);
    addRow(tr("&Type:"), m_type);
    addField(tr("&Ports:"), m_ports);
    addField(tr("&Requested addresses:"), m_requestedIPs);
    addRow(tr("P&ool:"), m_pool);
    addRow(tr("Traffic &policy:"), m_trafficPolicy);
    connect(
        m_type, &QComboBox::currentIndexChanged, this, &ServiceDialog::updateLoadBalancerFields);
    updateLoadBalancerFields();
    m_name->setFocus();
    updateState();
}

void ServiceDialog::updateLoadBalancerFields()
{
    const bool loadBalancer = m_type->currentData().toString() == QLatin1String("LoadBalancer");
    for (QWidget *w : {static_cast<QWidget *>(m_requestedIPs), static_cast<QWidget *>(m_pool),
             static_cast<QWidget *>(m_trafficPolicy)})
        w->setEnabled(loadBalancer);
    setHint(loadBalancer ? tr("A LoadBalancer service gets an address from a pool; leave the "
                              "requested addresses empty to take the lowest free one.")
                         : tr("Only LoadBalancer services get an address from a pool."));
}

model::Service ServiceDialog::service() const
{
    model::Service service = m_service;
    service.namespaceName = m_namespace->text().trimmed().toStdString();
    service.name = m_name->text().trimmed().toStdString();
    service.type = m_type->currentData().toString().toStdString();

    std::vector<model::ServicePort> ports;
    for (const QString &entry : ListValidator::entries(m_ports->text())) {
        const auto parsed = PortValidator::parse(entry);
        if (!parsed)
            continue;
        model::ServicePort port;
        port.port = parsed->port;
        port.protocol = parsed->protocol.toStdString();
        // A port that was there keeps its name and node port.
        for (const auto &old : m_service.ports)
            if (old.port == port.port && old.protocol == port.protocol)
                port = old;
        ports.push_back(port);
    }
    service.ports = ports;

    const QString ips = ListValidator::entries(m_requestedIPs->text()).join(QLatin1Char(','));
    if (ips != ListValidator::entries(m_initialIPs).join(QLatin1Char(','))) {
        service.loadBalancerIP.clear();
        eraseAnnotation(service, ipam::annotationLoadBalancerIPs);
        if (!ips.isEmpty())
            service.annotations[ipam::annotationLoadBalancerIPs] = ips.toStdString();
    }
    const QString pool = m_pool->currentData().toString();
    if (pool != m_initialPool) {
        eraseAnnotation(service, ipam::annotationAddressPool);
        if (!pool.isEmpty())
            service.annotations[ipam::annotationAddressPool] = pool.toStdString();
    }
    const QString policy = m_trafficPolicy->currentData().toString();
    if (policy == QLatin1String("Local") || service.isLocalTrafficPolicy())
        service.externalTrafficPolicy = policy.toStdString();
    return service;
}

} // namespace k3snet
