// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/model/labelselector.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace k3snet {

// One requirement of a Kubernetes label selector as a chip shows it and a user types it, in
// kubectl's syntax: "app=web" (matchLabels), "tier in (a,b)", "tier notin (a)", "tier!=a"
// (NotIn with one value), "gpu" (Exists), "!gpu" (DoesNotExist).
struct LabelTerm
{
    enum class Op
    {
        Equals,
        In,
        NotIn,
        Exists,
        DoesNotExist
    };

    QString key;
    Op op = Op::Exists;
    QStringList values;

    QString text() const;
    friend bool operator==(const LabelTerm &, const LabelTerm &) = default;
};

// What parseLabelTerm made of a text: a term, or why not. partial: the text may still become
// a term by typing on (only characters a selector can hold, nothing impossible yet).
struct ParsedLabelTerm
{
    std::optional<LabelTerm> term;
    QString problem;
    bool partial = false;
};

ParsedLabelTerm parseLabelTerm(const QString &text);

// A selector's terms: matchLabels first (by key), then matchExpressions as written.
QList<LabelTerm> termsOf(const model::LabelSelector &selector);
// The selector of these terms; a later "key=value" replaces an earlier one of the same key.
model::LabelSelector selectorOf(const QList<LabelTerm> &terms);

} // namespace k3snet
