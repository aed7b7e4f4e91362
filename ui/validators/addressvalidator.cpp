// SPDX-License-Identifier: GPL-3.0-or-later
#include "validators/addressvalidator.h"

#include "domain/net/prefix.h"
#include "domain/net/range.h"

namespace k3snet {

namespace {

// How far a piece of text is from an address: no editing can fix it, it is on its way, or it
// parses.
enum class Shape
{
    Invalid,
    Partial,
    Complete
};

struct Judged
{
    Shape shape = Shape::Complete;
    QString why;
};

Judged invalid(const QString &why)
{
    return {Shape::Invalid, why};
}

Judged partial(const QString &why)
{
    return {Shape::Partial, why};
}

bool isHex(QChar c)
{
    return c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
        || (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
}

bool allDigits(QStringView s)
{
    for (QChar c : s)
        if (!c.isDigit() || c.unicode() > 127)
            return false;
    return true;
}

Judged judgeV4(QStringView text)
{
    const QList<QStringView> parts = text.split(QLatin1Char('.'));
    if (parts.size() > 4)
        return invalid(AddressValidator::tr("An IPv4 address has four numbers."));
    for (int i = 0; i < parts.size(); ++i) {
        const QStringView part = parts.at(i);
        if (part.isEmpty()) {
            if (i == parts.size() - 1 && i > 0)
                return partial(AddressValidator::tr("The address is not complete."));
            return partial(AddressValidator::tr("A number is missing between the dots."));
        }
        if (!allDigits(part))
            return invalid(AddressValidator::tr("“%1” is not a number.").arg(part.toString()));
        if (part.size() > 3 || part.toInt() > 255)
            return invalid(AddressValidator::tr("%1 is more than 255.").arg(part.toString()));
        if (part.size() > 1 && part.front() == QLatin1Char('0'))
            return invalid(AddressValidator::tr("%1 has a leading zero.").arg(part.toString()));
    }
    if (parts.size() < 4)
        return partial(AddressValidator::tr("The address is not complete."));
    return {};
}

Judged judgeV6(QStringView text)
{
    for (QChar c : text)
        if (!isHex(c) && c != QLatin1Char(':') && c != QLatin1Char('.'))
            return invalid(AddressValidator::tr("“%1” does not belong in an address.").arg(c));
    if (text.contains(u":::"))
        return invalid(AddressValidator::tr("An IPv6 address has no “:::”."));
    if (text.count(u"::") > 1)
        return invalid(AddressValidator::tr("An IPv6 address has “::” at most once."));
    if (text.startsWith(QLatin1Char(':')) && !text.startsWith(u"::") && text.size() > 1)
        return invalid(AddressValidator::tr("An IPv6 address starts with a group or with “::”."));

    QStringView groups = text;
    int extraGroups = 0;
    if (text.contains(QLatin1Char('.'))) {
        // An embedded IPv4 address ("::ffff:10.0.0.1") ends the text and counts as two groups.
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        const Judged v4 = judgeV4(text.mid(colon + 1));
        if (v4.shape == Shape::Invalid)
            return v4;
        groups = text.left(colon + 1);
        extraGroups = 2;
    }
    int count = extraGroups;
    for (QStringView group : groups.split(QLatin1Char(':'))) {
        if (group.isEmpty())
            continue;
        if (group.size() > 4)
            return invalid(
                AddressValidator::tr("A group of an IPv6 address has at most four hex digits."));
        ++count;
    }
    const int limit = text.contains(u"::") ? 7 : 8;
    if (count > limit)
        return invalid(AddressValidator::tr("An IPv6 address has eight groups."));
    if (!net::Address::parse(text.toString().toStdString()))
        return partial(AddressValidator::tr("The address is not complete."));
    return {};
}

Judged judgeAddress(QStringView text)
{
    if (text.isEmpty())
        return partial(AddressValidator::tr("An address is needed."));
    if (net::Address::parse(text.toString().toStdString()))
        return {};
    if (text.contains(QLatin1Char(' ')))
        return invalid(AddressValidator::tr("An address has no spaces."));
    if (text.contains(QLatin1Char(':')))
        return judgeV6(text);
    if (text.contains(QLatin1Char('.')))
        return judgeV4(text);
    // Neither separator yet: the first number of an IPv4 address or the first group of IPv6.
    if (allDigits(text) && text.size() <= 3 && text.toInt() <= 255)
        return partial(AddressValidator::tr("The address is not complete."));
    for (QChar c : text)
        if (!isHex(c))
            return invalid(AddressValidator::tr("“%1” does not belong in an address.").arg(c));
    if (text.size() > 4)
        return invalid(
            AddressValidator::tr("A group of an IPv6 address has at most four hex digits."));
    return partial(AddressValidator::tr("The address is not complete."));
}

Judged judgePrefix(QStringView text, bool strict)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash < 0) {
        const Judged address = judgeAddress(text);
        if (address.shape == Shape::Invalid)
            return address;
        return partial(
            AddressValidator::tr("Add the prefix length, as in %1/24.").arg(text.toString()));
    }
    if (text.count(QLatin1Char('/')) > 1)
        return invalid(AddressValidator::tr("A prefix has one “/”."));
    const QStringView address = text.left(slash);
    const QStringView length = text.mid(slash + 1);
    const Judged left = judgeAddress(address);
    if (left.shape == Shape::Invalid)
        return left;
    if (!allDigits(length))
        return invalid(AddressValidator::tr("The prefix length is a number."));
    const int bits = address.contains(QLatin1Char(':')) ? 128 : 32;
    if (length.size() > 3 || length.toInt() > bits)
        return invalid(AddressValidator::tr("/%1 is longer than the %2 bits of the address.")
                           .arg(length.toString())
                           .arg(bits));
    if (left.shape == Shape::Partial)
        return left;
    if (length.isEmpty())
        return partial(AddressValidator::tr("The prefix length is missing."));
    const std::string s = text.toString().toStdString();
    const auto parsed = strict ? net::Prefix::parseStrict(s) : net::Prefix::parse(s);
    if (!parsed)
        return partial(QString::fromStdString(parsed.error()));
    return {};
}

Judged judgeRange(QStringView text)
{
    const qsizetype dash = text.indexOf(QLatin1Char('-'));
    if (dash < 0) {
        const Judged address = judgeAddress(text);
        if (address.shape == Shape::Invalid)
            return address;
        return partial(AddressValidator::tr("A range is first-last, as in 10.0.0.100-10.0.0.200."));
    }
    if (text.count(QLatin1Char('-')) > 1)
        return invalid(AddressValidator::tr("A range has one “-”."));
    const Judged first = judgeAddress(text.left(dash).trimmed());
    if (first.shape == Shape::Invalid)
        return first;
    const Judged last = judgeAddress(text.mid(dash + 1).trimmed());
    if (last.shape == Shape::Invalid)
        return last;
    if (first.shape == Shape::Partial)
        return first;
    if (last.shape == Shape::Partial)
        return last;
    const auto parsed = net::Range::parse(text.toString().toStdString());
    if (!parsed)
        return partial(QString::fromStdString(parsed.error()));
    return {};
}

} // namespace

AddressValidator::AddressValidator(Kind kind, QObject *parent)
    : ExplainingValidator(parent)
    , m_kind(kind)
{
}

AddressValidator::Verdict AddressValidator::judge(const QString &input) const
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return m_optional ? Verdict{} : Verdict{Intermediate, tr("This field is required.")};
    Judged judged;
    switch (m_kind) {
    case Kind::Address:
        judged = judgeAddress(text);
        break;
    case Kind::Prefix:
    case Kind::StrictPrefix:
        judged = judgePrefix(text, m_kind == Kind::StrictPrefix);
        break;
    case Kind::Range:
        judged = judgeRange(text);
        break;
    case Kind::PoolEntry:
        if (text.contains(QLatin1Char('-')))
            judged = judgeRange(text);
        else if (text.contains(QLatin1Char('/')))
            judged = judgePrefix(text, false);
        else if (const Judged address = judgeAddress(text); address.shape == Shape::Invalid)
            judged = address;
        else
            judged = partial(tr("A pool entry is a prefix (10.0.0.0/28) or a range "
                                "(10.0.0.100-10.0.0.200)."));
        break;
    }
    switch (judged.shape) {
    case Shape::Invalid:
        return {Invalid, judged.why};
    case Shape::Partial:
        return {Intermediate, judged.why};
    case Shape::Complete:
        break;
    }
    return {};
}

QValidator::State AddressValidator::validate(QString &input, int &) const
{
    return judge(input).state;
}

QString AddressValidator::problem(const QString &text) const
{
    return judge(text).problem;
}

} // namespace k3snet
