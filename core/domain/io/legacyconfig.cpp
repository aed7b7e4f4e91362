// SPDX-License-Identifier: GPL-3.0-or-later
// The legacy MetalLB configuration and its conversion. Field by field this follows MetalLB's
// configmaptocrs (configmaptocrs/main.go and the conversion package, Apache-2.0), so that the
// result can be compared with its golden files byte for byte.
#include "domain/io/legacyconfig.h"

#include "domain/io/yamltext.h"
#include "domain/io/yamlwriter.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>

namespace k3snet::io {

namespace {

using Need = YamlReader::Need;
constexpr std::int64_t uint32Max = std::numeric_limits<std::uint32_t>::max();
constexpr std::int64_t int32Min = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t int32Max = std::numeric_limits<std::int32_t>::max();

std::string indexed(const std::string &path, std::string_view key, std::size_t i)
{
    return (path.empty() ? std::string(key) : path + "." + std::string(key)) + "["
        + std::to_string(i) + "]";
}

YAML::Node metadata(const std::string &name, const std::string &ns)
{
    YAML::Node m(YAML::NodeType::Map);
    m["name"] = yamlString(name);
    m["namespace"] = yamlString(ns);
    return m;
}

GeneratedObject makeObject(const std::string &apiVersion, const std::string &kind,
    const std::string &name, const std::string &ns, const YAML::Node &spec, YAML::Mark mark)
{
    GeneratedObject o;
    o.apiVersion = apiVersion;
    o.kind = kind;
    o.name = name;
    o.object = YAML::Node(YAML::NodeType::Map);
    o.object["apiVersion"] = yamlString(apiVersion);
    o.object["kind"] = yamlString(kind);
    o.object["metadata"] = metadata(name, ns);
    o.object["spec"] = spec;
    o.marks.emplace_back("", mark);
    return o;
}

YAML::Node stringSeq(const std::vector<std::string> &items)
{
    YAML::Node seq(YAML::NodeType::Sequence);
    for (const auto &s : items)
        seq.push_back(yamlString(s));
    return seq;
}

bool isDns1035Label(const std::string &name)
{
    if (name.empty() || name.size() > 63 || !(name.front() >= 'a' && name.front() <= 'z'))
        return false;
    if (!((name.back() >= 'a' && name.back() <= 'z') || (name.back() >= '0' && name.back() <= '9')))
        return false;
    return std::all_of(name.begin(), name.end(),
        [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// A label selector in the legacy spelling (match-labels, match-expressions), converted.
std::optional<YAML::Node> legacySelector(
    YamlReader &r, const YAML::Node &node, const std::string &path)
{
    const YamlMap m = r.mapping(node, path);
    if (!m.isValid())
        return std::nullopt;
    r.checkKeys(m, {"match-labels", "match-expressions"});
    YAML::Node selector(YAML::NodeType::Map);
    if (auto labels = r.stringMap(m, "match-labels"); labels && !labels->empty()) {
        YAML::Node ml(YAML::NodeType::Map);
        for (const auto &[k, v] : *labels)
            ml[k] = yamlString(v);
        selector["matchLabels"] = ml;
    }
    YAML::Node expressions(YAML::NodeType::Sequence);
    const auto items = r.sequence(m, "match-expressions");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const YamlMap e = r.mapping(items[i], indexed(path, "match-expressions", i));
        if (!e.isValid())
            continue;
        r.checkKeys(e, {"key", "operator", "values"});
        YAML::Node x(YAML::NodeType::Map);
        x["key"] = yamlString(r.string(e, "key").value_or(""));
        x["operator"] = yamlString(r.string(e, "operator").value_or(""));
        if (auto values = r.stringList(e, "values"); values && !values->empty())
            x["values"] = stringSeq(*values);
        expressions.push_back(x);
    }
    if (expressions.size() > 0)
        selector["matchExpressions"] = expressions;
    return selector;
}

// A BGPPeer (v1beta2) named peer<index>.
std::optional<GeneratedObject> convertPeer(YamlReader &r, const YAML::Node &node,
    const std::string &path, std::size_t index, const std::string &ns)
{
    const YamlMap m = r.mapping(node, path);
    if (!m.isValid())
        return std::nullopt;
    r.checkKeys(m,
        {"my-asn", "peer-asn", "peer-address", "source-address", "peer-port", "hold-time",
            "keepalive-time", "router-id", "node-selectors", "password", "bfd-profile",
            "ebgp-multihop"});
    YAML::Node spec(YAML::NodeType::Map);
    spec["myASN"] = yamlInteger(r.integer(m, "my-asn", 0, uint32Max).value_or(0));
    spec["peerASN"] = yamlInteger(r.integer(m, "peer-asn", 0, uint32Max).value_or(0));
    spec["peerAddress"] = yamlString(r.string(m, "peer-address").value_or(""));
    if (auto v = r.string(m, "source-address"); v && !v->empty())
        spec["sourceAddress"] = yamlString(*v);
    if (auto v = r.integer(m, "peer-port", 0, 65535); v && *v != 0)
        spec["peerPort"] = yamlInteger(*v);

    // Hold time: 90s when unset, else rounded down to seconds and 0 or at least 3s.
    long long hold = 90;
    bool ok = true;
    if (auto text = r.string(m, "hold-time"); text && !text->empty()) {
        std::string why;
        const YAML::Mark mark = m.find("hold-time")->value.Mark();
        if (auto s = parseGoDurationSeconds(*text, &why)) {
            hold = *s;
            if (hold != 0 && hold < 3) {
                r.error("invalid-value",
                    m.childPath("hold-time") + ": invalid hold time " + quoteForMessage(*text)
                        + ": must be 0 or >=3s",
                    mark);
                ok = false;
            }
        } else {
            r.error("invalid-value",
                m.childPath("hold-time") + ": invalid hold time " + quoteForMessage(*text) + ": "
                    + why,
                mark);
            ok = false;
        }
    }
    spec["holdTime"] = yamlString(goDurationText(hold));
    if (auto text = r.string(m, "keepalive-time"); text && !text->empty()) {
        std::string why;
        if (auto s = parseGoDurationSeconds(*text, &why)) {
            spec["keepaliveTime"] = yamlString(goDurationText(*s));
        } else {
            r.error("invalid-value",
                m.childPath("keepalive-time") + ": invalid keepalive time " + quoteForMessage(*text)
                    + ": " + why,
                m.find("keepalive-time")->value.Mark());
            ok = false;
        }
    }
    if (auto v = r.string(m, "router-id"); v && !v->empty())
        spec["routerID"] = yamlString(*v);
    YAML::Node selectors(YAML::NodeType::Sequence);
    const auto items = r.sequence(m, "node-selectors");
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (auto s = legacySelector(r, items[i], indexed(m.path(), "node-selectors", i)))
            selectors.push_back(*s);
    }
    if (selectors.size() > 0)
        spec["nodeSelectors"] = selectors;
    if (auto v = r.string(m, "password"); v && !v->empty())
        spec["password"] = yamlString(*v);
    spec["passwordSecret"] = YAML::Node(YAML::NodeType::Map);
    if (auto v = r.string(m, "bfd-profile"); v && !v->empty())
        spec["bfdProfile"] = yamlString(legacyObjectName(*v));
    if (r.boolean(m, "ebgp-multihop").value_or(false))
        spec["ebgpMultiHop"] = yamlBool(true);
    if (!ok)
        return std::nullopt;
    return makeObject(
        "metallb.io/v1beta2", "BGPPeer", "peer" + std::to_string(index), ns, spec, node.Mark());
}

std::optional<GeneratedObject> convertBfdProfile(
    YamlReader &r, const YAML::Node &node, const std::string &path, const std::string &ns)
{
    const YamlMap m = r.mapping(node, path);
    if (!m.isValid())
        return std::nullopt;
    r.checkKeys(m,
        {"name", "receive-interval", "transmit-interval", "detect-multiplier", "echo-interval",
            "echo-mode", "passive-mode", "minimum-ttl"});
    const std::string name = legacyObjectName(r.string(m, "name").value_or(""));
    YAML::Node spec(YAML::NodeType::Map);
    const std::pair<const char *, const char *> numbers[]
        = {{"receive-interval", "receiveInterval"}, {"transmit-interval", "transmitInterval"},
            {"detect-multiplier", "detectMultiplier"}, {"echo-interval", "echoInterval"},
            {"minimum-ttl", "minimumTtl"}};
    for (const auto &[legacy, crd] : numbers) {
        if (auto v = r.integer(m, legacy, 0, uint32Max))
            spec[crd] = yamlInteger(*v);
    }
    // Pointers to plain bools in configmaptocrs: always written.
    spec["echoMode"] = yamlBool(r.boolean(m, "echo-mode").value_or(false));
    spec["passiveMode"] = yamlBool(r.boolean(m, "passive-mode").value_or(false));
    return makeObject("metallb.io/v1beta1", "BFDProfile", name, ns, spec, node.Mark());
}

} // namespace

bool isLegacyConfig(const YAML::Node &node)
{
    if (!node.IsMap())
        return false;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar())
            continue;
        const std::string &k = it->first.Scalar();
        if (k == "address-pools" || k == "peers" || k == "bgp-communities" || k == "bfd-profiles")
            return true;
    }
    return false;
}

std::string legacyObjectName(const std::string &name)
{
    if (isDns1035Label(name))
        return name;
    std::string out = name;
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        else if (c == '_')
            c = '-';
    }
    if (out.size() > 63)
        out.resize(63);
    const auto firstLetter
        = std::find_if(out.begin(), out.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    out.erase(out.begin(), firstLetter);
    return out;
}

LegacyConversion convertLegacyConfig(
    YamlReader &r, const YAML::Node &config, const std::string &ns, const std::string &path)
{
    LegacyConversion result;
    const YamlMap top = r.mapping(config, path);
    if (!top.isValid())
        return result;
    r.checkKeys(top, {"peers", "bgp-communities", "address-pools", "bfd-profiles"});

    std::vector<GeneratedObject> peers, pools, bgpAds, l2Ads, bfds, communities;
    const auto peerItems = r.sequence(top, "peers");
    for (std::size_t i = 0; i < peerItems.size(); ++i) {
        if (auto p = convertPeer(r, peerItems[i], indexed(path, "peers", i), i + 1, ns))
            peers.push_back(std::move(*p));
    }

    const auto poolItems = r.sequence(top, "address-pools");
    std::size_t bgpIndex = 1;
    for (std::size_t i = 0; i < poolItems.size() && !r.stopped(); ++i) {
        const YamlMap m = r.mapping(poolItems[i], indexed(path, "address-pools", i));
        if (!m.isValid())
            continue;
        r.checkKeys(m,
            {"name", "protocol", "addresses", "avoid-buggy-ips", "auto-assign",
                "bgp-advertisements"});
        const std::string name = legacyObjectName(r.string(m, "name").value_or(""));
        const std::string protocol = r.string(m, "protocol").value_or("");
        YAML::Node spec(YAML::NodeType::Map);
        std::vector<std::pair<std::string, YAML::Mark>> marks;
        YAML::Node addresses(YAML::NodeType::Sequence);
        if (auto list = r.stringList(m, "addresses")) {
            const YAML::Node items = m.find("addresses")->value;
            for (std::size_t k = 0; k < list->size(); ++k) {
                addresses.push_back(yamlString((*list)[k]));
                marks.emplace_back(".addresses[" + std::to_string(k) + "]", items[k].Mark());
            }
        }
        spec["addresses"] = addresses;
        if (auto v = r.boolean(m, "auto-assign"))
            spec["autoAssign"] = yamlBool(*v);
        if (r.boolean(m, "avoid-buggy-ips").value_or(false))
            spec["avoidBuggyIPs"] = yamlBool(true);
        GeneratedObject pool = makeObject(
            "metallb.io/v1beta1", "IPAddressPool", name, ns, spec, poolItems[i].Mark());
        pool.marks.insert(pool.marks.end(), marks.begin(), marks.end());
        pools.push_back(std::move(pool));

        if (protocol == "bgp")
            result.bgpPools.push_back({name, protocol, poolItems[i].Mark()});
        else if (protocol != "layer2")
            result.unknownProtocolPools.push_back({name, protocol, poolItems[i].Mark()});

        const auto ads = r.sequence(m, "bgp-advertisements");
        for (std::size_t k = 0; k < ads.size(); ++k) {
            const YamlMap a = r.mapping(ads[k], indexed(m.path(), "bgp-advertisements", k));
            if (!a.isValid())
                continue;
            r.checkKeys(
                a, {"aggregation-length", "aggregation-length-v6", "localpref", "communities"});
            YAML::Node adSpec(YAML::NodeType::Map);
            if (auto v = r.integer(a, "aggregation-length", int32Min, int32Max))
                adSpec["aggregationLength"] = yamlInteger(*v);
            if (auto v = r.integer(a, "aggregation-length-v6", int32Min, int32Max))
                adSpec["aggregationLengthV6"] = yamlInteger(*v);
            if (auto v = r.stringList(a, "communities"); v && !v->empty())
                adSpec["communities"] = stringSeq(*v);
            adSpec["ipAddressPools"] = stringSeq({name});
            if (auto v = r.integer(a, "localpref", 0, uint32Max); v && *v != 0)
                adSpec["localPref"] = yamlInteger(*v);
            bgpAds.push_back(makeObject("metallb.io/v1beta1", "BGPAdvertisement",
                "bgpadvertisement" + std::to_string(bgpIndex++), ns, adSpec, ads[k].Mark()));
        }
        if (ads.empty() && protocol == "bgp") {
            YAML::Node adSpec(YAML::NodeType::Map);
            adSpec["ipAddressPools"] = stringSeq({name});
            bgpAds.push_back(makeObject("metallb.io/v1beta1", "BGPAdvertisement",
                "bgpadvertisement" + std::to_string(bgpIndex++), ns, adSpec, poolItems[i].Mark()));
        }
        if (protocol == "layer2") {
            YAML::Node adSpec(YAML::NodeType::Map);
            adSpec["ipAddressPools"] = stringSeq({name});
            GeneratedObject ad = makeObject("metallb.io/v1beta1", "L2Advertisement",
                "l2advertisement" + std::to_string(l2Ads.size() + 1), ns, adSpec,
                poolItems[i].Mark());
            ad.marks.emplace_back(".ipAddressPools[0]", poolItems[i].Mark());
            l2Ads.push_back(std::move(ad));
        }
    }

    const auto bfdItems = r.sequence(top, "bfd-profiles");
    for (std::size_t i = 0; i < bfdItems.size(); ++i) {
        if (auto b = convertBfdProfile(r, bfdItems[i], indexed(path, "bfd-profiles", i), ns))
            bfds.push_back(std::move(*b));
    }

    // All aliases in one Community, sorted by name as configmaptocrs sorts them.
    if (auto aliases = r.stringMap(top, "bgp-communities"); aliases && !aliases->empty()) {
        YAML::Node list(YAML::NodeType::Sequence);
        for (const auto &[name, value] : *aliases) {
            YAML::Node alias(YAML::NodeType::Map);
            alias["name"] = yamlString(name);
            alias["value"] = yamlString(value);
            list.push_back(alias);
        }
        YAML::Node spec(YAML::NodeType::Map);
        spec["communities"] = list;
        communities.push_back(makeObject("metallb.io/v1beta1", "Community", "communities", ns, spec,
            top.find("bgp-communities")->keyNode.Mark()));
    }

    for (auto *group : {&peers, &pools, &bgpAds, &l2Ads, &bfds, &communities}) {
        for (auto &o : *group)
            result.objects.push_back(std::move(o));
    }
    return result;
}

std::string configmaptocrsText(const LegacyConversion &conversion)
{
    std::string text = "# This was autogenerated by MetalLB's custom resource generator.\n";
    for (const auto &o : conversion.objects) {
        YAML::Node object = YAML::Clone(o.object);
        YAML::Node status(YAML::NodeType::Map);
        if (o.kind == "IPAddressPool") {
            // The pool status counters are not omitempty; configmaptocrs writes them as 0.
            for (const char *counter :
                {"assignedIPv4", "assignedIPv6", "availableIPv4", "availableIPv6"})
                status[counter] = yamlInteger(0);
        }
        object["status"] = status;
        text += writeKubeYaml(object, KeyOrder::Go).value_or("");
        text += "---\n";
    }
    return text;
}

std::string goDurationText(long long seconds)
{
    if (seconds == 0)
        return "0s";
    std::string sign;
    unsigned long long s = 0;
    if (seconds < 0) {
        sign = "-";
        s = 0ULL - static_cast<unsigned long long>(seconds);
    } else {
        s = static_cast<unsigned long long>(seconds);
    }
    const unsigned long long h = s / 3600;
    const unsigned long long m = s / 60 % 60;
    const unsigned long long sec = s % 60;
    if (h > 0)
        return sign + std::to_string(h) + "h" + std::to_string(m) + "m" + std::to_string(sec) + "s";
    if (m > 0)
        return sign + std::to_string(m) + "m" + std::to_string(sec) + "s";
    return sign + std::to_string(sec) + "s";
}

std::optional<long long> parseGoDurationSeconds(const std::string &text, std::string *why)
{
    const std::string quoted = "\"" + text + "\"";
    auto fail = [&](std::string reason) -> std::optional<long long> {
        if (why)
            *why = std::move(reason);
        return std::nullopt;
    };
    std::string_view s = text;
    bool negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    if (s == "0")
        return 0;
    if (s.empty())
        return fail("time: invalid duration " + quoted);
    static const std::map<std::string, long double, std::less<>> units
        = {{"ns", 1.0L}, {"us", 1e3L}, {"\xc2\xb5s", 1e3L}, {"\xce\xbcs", 1e3L}, {"ms", 1e6L},
            {"s", 1e9L}, {"m", 60e9L}, {"h", 3600e9L}};
    long double nanos = 0;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    while (!s.empty()) {
        if (!(s.front() == '.' || digit(s.front())))
            return fail("time: invalid duration " + quoted);
        long double value = 0;
        bool pre = false;
        while (!s.empty() && digit(s.front())) {
            value = value * 10 + (s.front() - '0');
            s.remove_prefix(1);
            pre = true;
        }
        bool post = false;
        if (!s.empty() && s.front() == '.') {
            s.remove_prefix(1);
            long double scale = 1;
            while (!s.empty() && digit(s.front())) {
                scale /= 10;
                value += (s.front() - '0') * scale;
                s.remove_prefix(1);
                post = true;
            }
        }
        if (!pre && !post)
            return fail("time: invalid duration " + quoted);
        std::size_t n = 0;
        while (n < s.size() && s[n] != '.' && !digit(s[n]))
            ++n;
        const std::string_view unit = s.substr(0, n);
        if (unit.empty())
            return fail("time: missing unit in duration " + quoted);
        const auto it = units.find(unit);
        if (it == units.end())
            return fail("time: unknown unit \"" + std::string(unit) + "\" in duration " + quoted);
        nanos += value * it->second;
        s.remove_prefix(n);
        if (nanos > 9223372036854775807.0L)
            return fail("time: invalid duration " + quoted);
    }
    const auto seconds = static_cast<long long>(nanos / 1e9L);
    return negative ? -seconds : seconds;
}

} // namespace k3snet::io
