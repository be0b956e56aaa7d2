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
# AT-SPI bus is started by D-Bus activation.

import os
import signal
import subprocess
import sys
import time

SKIP = 77
STATE = 'South Africa'

# GLib warnings from the AT-SPI client library and from GTK's own AT-SPI code
# ("Screen coordinates not supported") are not ours to fail on: keep the rest
# of G_DEBUG but not fatal-warnings, here and in the application. Before any
# GLib is loaded.
os.environ['G_DEBUG'] = ','.join(flag for flag in os.environ.get('G_DEBUG', '').split(',')
                                  if flag and flag != 'fatal-warnings')


def skip(reason):
    print(f'SKIP: {reason}')
    sys.exit(SKIP)


if len(sys.argv) < 2:
    print(f'usage: {sys.argv[0]} ICC_TRACKER_BINARY')
    sys.exit(2)
if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
    skip('no display (run under xvfb-run)')
if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
    skip('no D-Bus session bus (run under dbus-run-session)')

# libatspi aborts the process when it cannot reach the accessibility bus:
# find out in a child first.
try:
    probe = subprocess.run([sys.executable, '-c',
                            'import pyatspi; pyatspi.Registry.getDesktop(0).childCount'],
                           capture_output=True, timeout=30)
except subprocess.TimeoutExpired:
    skip('the AT-SPI bus does not answer')
if probe.returncode != 0:
    if b'No module named' in probe.stderr and not os.environ.get('ICC_A11Y_REEXEC') \
            and os.path.exists('/usr/bin/python3') \
            and os.path.realpath(sys.executable) != os.path.realpath('/usr/bin/python3'):
        # The Python on PATH may not be the one pyatspi is installed for.
        os.environ['ICC_A11Y_REEXEC'] = '1'
        os.execv('/usr/bin/python3', ['/usr/bin/python3'] + sys.argv)
    lines = probe.stderr.decode(errors='replace').strip().splitlines()
    skip('the AT-SPI bus is not available: ' + (lines[-1] if lines else f'exit {probe.returncode}'))

# dogtail refuses to start unless it believes accessibility is on: either the
# desktop setting (which GSETTINGS_BACKEND=memory hides from it) or this.
os.environ['GTK_MODULES'] = 'gail:atk-bridge'

try:
    import pyatspi  # noqa: F401
    from gi.repository import Gio
    if Gio.SettingsSchemaSource.get_default().lookup('org.gnome.desktop.interface', True) is None:
        skip('gsettings-desktop-schemas is not installed (dogtail reads it)')
    from dogtail import config
    from dogtail import predicate
    from dogtail import rawinput
    from dogtail import tree
except Exception as exc:  # ImportError, or dogtail failing to reach the bus
    # The Python on PATH may not be the one python3-dogtail is installed for.
    system = '/usr/bin/python3'
    if os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system) \
            and not os.environ.get('ICC_A11Y_REEXEC'):
        os.environ['ICC_A11Y_REEXEC'] = '1'
        os.execv(system, [system] + sys.argv)
    skip(f'python3-dogtail is not usable: {exc}')


config.config.searchCutoffCount = 20
config.config.searchBackoffDuration = 0.5
config.config.defaultDelay = 0.3
config.config.logDebugToStdOut = False
config.config.logDebugToFile = False

env = dict(os.environ)
env['GTK_A11Y'] = 'atspi'
env.pop('NO_AT_BRIDGE', None)
env.pop('GTK_MODULES', None)
env.setdefault('GSETTINGS_BACKEND', 'memory')

app_process = subprocess.Popen([sys.argv[1]], env=env)


def watchdog(signum, frame):
    print('FAIL: no answer over AT-SPI within 120 s')
    app_process.kill()
    os._exit(1)


# A dead or stuck application makes every AT-SPI call wait for D-Bus timeouts.
signal.signal(signal.SIGALRM, watchdog)
signal.alarm(120)


def fail(message):
    print(f'FAIL: {message}')
    app_process.terminate()
    sys.exit(1)


def find_app(name, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if app_process.poll() is not None:
            fail(f'icc-tracker exited with {app_process.returncode}')
        try:
            for app in tree.root.applications():
                if app.name == name:
                    return app
        except Exception:
            pass
        time.sleep(0.5)
    return None


try:
    app = find_app(os.path.basename(sys.argv[1]))
    if app is None:
        # The bus works but nothing registers: AT-SPI is not really there.
        app_process.terminate()
        skip('the application never appeared on the AT-SPI bus')

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
    if app_process.poll() is None:
        app_process.terminate()
        try:
            app_process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app_process.kill()

print('PASS')
sys.exit(0)
