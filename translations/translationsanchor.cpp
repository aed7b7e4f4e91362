// SPDX-License-Identifier: GPL-3.0-or-later
// The compiled .qm files are embedded as Qt resources into this small library; the app and the
// CLI link it and load the catalogue for the user's locale at start.
