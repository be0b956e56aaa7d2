#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the running application through AT-SPI the way a person would, with
# python3-dogtail: find the state list by its role, search for a state, click
# its row by name, and read the event panel.
#
# Usage: test-a11y.py ICC_TRACKER_BINARY
#
# Exits 77 (skipped) when python3-dogtail/pyatspi, the display or the session
# bus is missing. The CI runs it under `xvfb-run` and `dbus-run-session`; the
# AT-SPI bus is started by D-Bus activation. What the AT-SPI tests share is in
# a11y_common.py.

import sys
import time

import a11y_common as a11y

STATE = 'South Africa'

a11y.setup()
from a11y_common import predicate, rawinput, tree  # noqa: E402 (set by setup())

app_run = a11y.App([sys.argv[1]], watchdog=120)
fail = app_run.fail

try:
    app = app_run.find_app()
    if app is None:
        # The bus works but nothing registers: AT-SPI is not really there.
        app_run.terminate()
        a11y.skip('the application never appeared on the AT-SPI bus')

    # The world-state list, by its role and accessible name.
    table = app.findChild(predicate.GenericPredicate(roleName='tree table', name='States'))
    print(f'found the state list: [{table.roleName}] {table.name!r}')

    # Search for the state, as a person would: click the entry and type.
    search = app.findChild(predicate.GenericPredicate(roleName='entry',
                                                      name='Search states by name or ISO code'))
    search.click()
    rawinput.typeText(STATE)
    time.sleep(1.0)

    # The row's cell, by name, in the list; click it.
    cell = table.findChild(predicate.GenericPredicate(roleName='label', name=STATE))
    print(f'found the state: [{cell.roleName}] {cell.name!r}')
    cell.click()
    time.sleep(1.0)

    # The event panel lists the state's events.
    heading = app.findChild(predicate.GenericPredicate(roleName='label', name=f'Events of {STATE}'))
    print(f'event panel heading: {heading.name!r}')
    events = app.findChild(predicate.GenericPredicate(name='Events of the selected state'))
    titles = [n.name for n in events.findChildren(predicate.GenericPredicate(roleName='label'))]
    print('events listed:', titles)
    if not any('Rome Statute' in t for t in titles):
        fail(f'the event panel does not list {STATE} signing the Rome Statute: {titles}')

    # The row is selected and nothing else changed the list.
    rows = table.findChildren(predicate.GenericPredicate(roleName='label', name=STATE))
    if len(rows) != 1:
        fail(f'expected one {STATE} row after searching, found {len(rows)}')
except tree.SearchError as exc:
    fail(str(exc))
finally:
    app_run.terminate()

print('PASS')
sys.exit(0)
