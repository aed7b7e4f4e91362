// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QValidator>

namespace k3snet {

// A QValidator that can also say, for the user, what is wrong with a text: the message a field
// shows next to input that is not (yet) acceptable. Intermediate means "can still become valid
// by typing on" (QLineEdit lets it stand and marks it), Invalid means "no more typing can fix
// it" (QLineEdit refuses the keystroke).
class ExplainingValidator : public QValidator
{
public:
    using QValidator::QValidator;

    // Empty when text is acceptable; otherwise one sentence naming the problem.
    virtual QString problem(const QString &text) const = 0;

    // validate() on a copy, for callers that only want the state.
    State check(const QString &text) const
    {
        QString copy = text;
        int pos = int(copy.size());
        return validate(copy, pos);
    }
};

} // namespace k3snet
