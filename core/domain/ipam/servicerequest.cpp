// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/ipam/servicerequest.h"

#include <algorithm>
#include <cctype>

namespace k3snet::ipam {

const char *stackFamilyName(StackFamily f)
{
    switch (f) {
    case StackFamily::V4:
        return "IPv4";
    case StackFamily::V6:
        return "IPv6";
    case StackFamily::Dual:
        return "dual-stack (IPv4 and IPv6)";
    }
    return "IPv4";
}

std::optional<StackFamily> stackFamilyOf(const std::vector<net::Address> &ips)
{
    if (ips.size() == 1)
        return ips[0].isV4() ? StackFamily::V4 : StackFamily::V6;
    if (ips.size() == 2 && ips[0].family() != ips[1].family())
        return StackFamily::Dual;
    return std::nullopt;
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// Go's strings.TrimSpace for ASCII, which MetalLB applies to each requested address.
std::string_view trimmed(std::string_view s)
{
    auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string joinAddresses(const std::vector<net::Address> &ips)
{
    std::string s;
    for (const auto &ip : ips)
        s += (s.empty() ? "" : ", ") + ip.toString();
    return s;
}

class Reader
{
public:
    Reader(const model::Project &project, ServiceRequest &r, rules::Diagnostics &out)
        : m_project(project)
        , m_r(r)
        , m_out(out)
    {
    }

    void report(rules::Severity severity, const char *code, const std::string &message,
        const std::string &field)
    {
        rules::Diagnostic d{
            severity, code, "service \"" + m_r.key + "\": " + message, {{"Service", m_r.key}}, {}};
        d.location = m_project.sources.find("services/" + m_r.key + "." + field);
        m_out.push_back(std::move(d));
    }

    // MetalLB's valueForAnnotation: the metallb.io key when present (even empty), else the
    // deprecated one. from is set to the key used.
    std::string annotation(const char *stable, std::string *from)
    {
        const auto &a = m_r.service->annotations;
        if (a.empty())
            return {}; // most services: no strings to build for the keys
        const std::string name = std::string(stable).substr(std::string("metallb.io/").size());
        const std::string deprecated = deprecatedAnnotationPrefix + name;
        const auto s = a.find(stable);
        const auto d = a.find(deprecated);
        if (d != a.end()) {
            report(rules::Severity::Warning, "service-deprecated-annotation",
                s != a.end()
                    ? "annotation " + deprecated + " is deprecated and ignored: " + stable
                        + " is also set and wins"
                    : "annotation " + deprecated + " is deprecated; MetalLB still honours it, but "
                        + stable + " is the current key",
                "annotations");
        }
        if (s != a.end()) {
            *from = stable;
            return s->second;
        }
        if (d != a.end()) {
            *from = deprecated;
            return d->second;
        }
        return {};
    }

    void invalid(const std::string &why)
    {
        m_r.invalidRequest = why;
        report(rules::Severity::Error, "service-invalid-ip-request", why, "annotations");
    }

    void readRequestedIPs()
    {
        std::string from;
        const std::string list = annotation(annotationLoadBalancerIPs, &from);
        const std::string &spec = m_r.service->loadBalancerIP;
        if (!list.empty() && !spec.empty()) {
            m_r.invalidRequest = "it sets both " + from + " and spec.loadBalancerIP";
            report(rules::Severity::Error, "service-both-ip-requests",
                "sets both " + from
                    + " and spec.loadBalancerIP; MetalLB allocates nothing until one is removed",
                "loadBalancerIP");
            return;
        }
        if (!list.empty()) {
            m_r.requestedFrom = from;
            std::string_view rest = list;
            while (true) {
                const auto comma = rest.find(',');
                const std::string_view item = trimmed(rest.substr(0, comma));
                auto ip = net::Address::parse(item);
                if (!ip) {
                    invalid(from + " \"" + list + "\" is invalid: \"" + std::string(item)
                        + "\" is not an IP address");
                    return;
                }
                m_r.requestedIPs.push_back(*ip);
                if (comma == std::string_view::npos)
                    break;
                rest.remove_prefix(comma + 1);
            }
            if (m_r.requestedIPs.size() > 2) {
                invalid(from + " lists " + std::to_string(m_r.requestedIPs.size())
                    + " addresses; at most two are allowed (one IPv4 and one IPv6)");
            } else if (!stackFamilyOf(m_r.requestedIPs)) {
                invalid(from + " lists two " + net::familyName(m_r.requestedIPs[0].family())
                    + " addresses (" + joinAddresses(m_r.requestedIPs)
                    + "); two addresses must be one IPv4 and one IPv6");
            }
            if (!m_r.invalidRequest.empty())
                m_r.requestedIPs.clear();
            return;
        }
        if (!spec.empty()) {
            m_r.requestedFrom = "spec.loadBalancerIP";
            if (auto ip = net::Address::parse(spec))
                m_r.requestedIPs.push_back(*ip);
            else
                invalid("spec.loadBalancerIP \"" + spec + "\" is not an IP address");
        }
    }

    void readFamily()
    {
        const model::Service &s = *m_r.service;
        std::vector<net::Address> cluster;
        std::vector<std::string> texts = s.clusterIPs;
        if (texts.empty() && !s.clusterIP.empty())
            texts.push_back(s.clusterIP);
        for (const auto &t : texts)
            if (auto ip = net::Address::parse(t))
                cluster.push_back(*ip);
        if (!cluster.empty()) {
            const bool dual = cluster.size() >= 2 && cluster[0].family() != cluster[1].family();
            m_r.primary = cluster[0].family();
            m_r.family = dual ? StackFamily::Dual : *stackFamilyOf({cluster[0]});
            m_r.familySource = std::string(dual ? "its cluster IPs " : "its cluster IP ")
                + joinAddresses(
                    dual ? std::vector{cluster[0], cluster[1]} : std::vector{cluster[0]});
            if (!dual && m_r.isRequireDualStack())
                m_r.refusal = "ipFamilyPolicy RequireDualStack needs a cluster IP of each family, "
                              "but the service has only "
                    + cluster[0].toString() + " (MetalLB: \"not enough clusterips\")";
            return;
        }
        std::vector<net::Family> families;
        for (const auto &f : s.ipFamilies) {
            if (f == "IPv4" || f == "IPv6") {
                const auto fam = f == "IPv4" ? net::Family::V4 : net::Family::V6;
                if (std::find(families.begin(), families.end(), fam) == families.end())
                    families.push_back(fam);
            }
        }
        const bool wantsBoth = m_r.isPreferDualStack() || m_r.isRequireDualStack();
        if (!families.empty() || wantsBoth) {
            m_r.primary = families.empty() ? net::Family::V4 : families[0];
            if (wantsBoth && (families.size() != 1 || m_r.isRequireDualStack())) {
                m_r.family = StackFamily::Dual;
                m_r.familySource = "ipFamilyPolicy " + m_r.policy;
            } else {
                m_r.family = m_r.primary == net::Family::V4 ? StackFamily::V4 : StackFamily::V6;
                m_r.familySource = std::string("ipFamilies ") + net::familyName(m_r.primary);
            }
            return;
        }
        // Nothing says which family: a design without cluster IPs. Follow what it asks for.
        const auto &hint = !m_r.requestedIPs.empty() ? m_r.requestedIPs : m_r.heldIPs;
        const auto inferred = stackFamilyOf(hint);
        m_r.family = inferred.value_or(StackFamily::V4);
        m_r.primary = hint.empty() ? net::Family::V4 : hint[0].family();
        m_r.familySource = inferred ? "its addresses" : "the default (no cluster IP or ipFamilies)";
    }

private:
    const model::Project &m_project;
    ServiceRequest &m_r;
    rules::Diagnostics &m_out;
};

} // namespace

std::optional<Timestamp> parseRfc3339(std::string_view t)
{
    auto digits = [&t](std::size_t pos, std::size_t n, int &out) {
        if (pos + n > t.size())
            return false;
        out = 0;
        for (std::size_t i = pos; i < pos + n; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(t[i])))
                return false;
            out = out * 10 + (t[i] - '0');
        }
        return true;
    };
    int y, mo, d, h, mi, s;
    if (!digits(0, 4, y) || t.size() < 19 || t[4] != '-' || !digits(5, 2, mo) || t[7] != '-'
        || !digits(8, 2, d) || (t[10] != 'T' && t[10] != 't' && t[10] != ' ') || !digits(11, 2, h)
        || t[13] != ':' || !digits(14, 2, mi) || t[16] != ':' || !digits(17, 2, s))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
        return std::nullopt;
    std::size_t pos = 19;
    std::int32_t nanos = 0;
    if (pos < t.size() && t[pos] == '.') {
        int n = 0;
        std::int32_t scale = 100000000;
        for (++pos; pos < t.size() && std::isdigit(static_cast<unsigned char>(t[pos]));
             ++pos, ++n) {
            nanos += (t[pos] - '0') * scale;
            scale /= 10;
        }
        if (n == 0)
            return std::nullopt;
    }
    int offset = 0;
    if (pos < t.size() && (t[pos] == 'Z' || t[pos] == 'z')) {
        ++pos;
    } else if (pos < t.size() && (t[pos] == '+' || t[pos] == '-')) {
        int oh, om;
        if (!digits(pos + 1, 2, oh) || pos + 3 >= t.size() || t[pos + 3] != ':'
            || !digits(pos + 4, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offset = (t[pos] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != t.size())
        return std::nullopt;
    const std::int64_t days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    return Timestamp{days * 86400 + h * 3600 + mi * 60 + s - offset, nanos};
}

ServiceRequest readServiceRequest(
    const model::Project &project, std::size_t index, rules::Diagnostics &out)
{
    ServiceRequest r;
    const model::Service &s = project.services[index];
    r.index = index;
    r.service = &s;
    r.key = s.key();
    r.policy = s.ipFamilyPolicy.empty() ? "SingleStack" : s.ipFamilyPolicy;
    r.created = parseRfc3339(s.creationTimestamp);

    Reader reader(project, r, out);
    reader.readRequestedIPs();
    r.requestedPool = reader.annotation(annotationAddressPool, &r.poolFrom);
    std::string sharingFrom;
    r.sharingKey = reader.annotation(annotationAllowSharedIP, &sharingFrom);
    if (s.isLocalTrafficPolicy()) {
        // MetalLB's backend key: labels.Set(selector).String(), keys sorted, "k=v" joined by ",".
        for (const auto &[k, v] : s.selector)
            r.backendKey += (r.backendKey.empty() ? "" : ",") + k + "=" + v;
    }
    r.ports.reserve(s.ports.size());
    for (const auto &p : s.ports)
        r.ports.push_back({p.protocol.empty() ? std::string("TCP") : p.protocol, p.port});

    // A held address that does not parse is dropped with the rest: MetalLB then re-allocates.
    for (const auto &text : s.ingressIPs) {
        if (text.empty())
            continue;
        auto ip = net::Address::parse(text);
        if (!ip) {
            r.heldIPs.clear();
            break;
        }
        r.heldIPs.push_back(*ip);
    }
    reader.readFamily();
    return r;
}

} // namespace k3snet::ipam
