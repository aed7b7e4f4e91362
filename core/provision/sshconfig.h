// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace k3snet::provision {

// The OpenSSH client configuration files k3snet reads for every node, in the order ssh reads
// them: the user's ~/.ssh/config, then /etc/ssh/ssh_config (ssh_config(5); a file that does
// not exist is skipped).
QStringList defaultSshConfigFiles();

// The files for a --ssh-config value, as `ssh -F` takes it: empty means the default files,
// "none" no file at all, anything else that one file only.
QStringList sshConfigFilesFor(const QString &option);

// An IdentityFile value of an ssh_config, expanded as OpenSSH expands it: a leading "~/" and
// %d are the local home, %u the local user, %i the local uid, %h the remote host name, %r the
// remote user, %p the port, %% a percent sign. Other tokens are left as they are (the file is
// then not found, and the log says which path was tried).
QString expandIdentityPath(
    const QString &value, const QString &host, const QString &remoteUser, int port);

} // namespace k3snet::provision
