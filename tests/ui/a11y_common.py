# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the AT-SPI tests (test-a11y.py, test-a11y-authoring.py) share: the
# checks that skip them (exit 77) when python3-dogtail/pyatspi, the display or
# the session bus is missing, dogtail's set-up, starting the application with
# GTK's AT-SPI backend, a watchdog, and finding the application on the bus.
#
# Import it first thing, before anything loads GLib:
#
#     import a11y_common as a11y
#     a11y.setup()                      # may exit 77, or re-exec the script
#     from a11y_common import tree, predicate, rawinput
#     app = a11y.App(binary, watchdog=120)
#     node = app.find_app()

import os
import signal
import subprocess
import sys
import time

SKIP = 77

# Filled in by setup().
pyatspi = None
config = None
predicate = None
rawinput = None
tree = None


def skip(reason):
    print(f'SKIP: {reason}', flush=True)
    sys.exit(SKIP)


def _reexec_with_system_python():
    """The Python on PATH may not be the one pyatspi/dogtail are installed
    for: run the script again with the system's, once."""
    system = '/usr/bin/python3'
    if os.environ.get('ICC_A11Y_REEXEC') or not os.path.exists(system) \
            or os.path.realpath(sys.executable) == os.path.realpath(system):
        return
    os.environ['ICC_A11Y_REEXEC'] = '1'
    os.execv(system, [system] + sys.argv)


def setup(usage='ICC_TRACKER_BINARY'):
    """Checks the arguments, the display, the buses and dogtail, and sets
    dogtail up. Exits 77 when something the test needs is missing."""
    global pyatspi, config, predicate, rawinput, tree

    # GLib warnings from the AT-SPI client library and from GTK's own AT-SPI
    # code ("Screen coordinates not supported") are not ours to fail on: keep
    # the rest of G_DEBUG but not fatal-warnings, here and in the application.
    # Before any GLib is loaded.
    os.environ['G_DEBUG'] = ','.join(flag for flag in os.environ.get('G_DEBUG', '').split(',')
                                      if flag and flag != 'fatal-warnings')

    if len(sys.argv) < 2:
        print(f'usage: {sys.argv[0]} {usage}')
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
        if b'No module named' in probe.stderr:
            _reexec_with_system_python()
        lines = probe.stderr.decode(errors='replace').strip().splitlines()
        skip('the AT-SPI bus is not available: ' + (lines[-1] if lines else f'exit {probe.returncode}'))

    # dogtail refuses to start unless it believes accessibility is on: either
    # the desktop setting (which GSETTINGS_BACKEND=memory hides from it) or this.
    os.environ['GTK_MODULES'] = 'gail:atk-bridge'

    try:
        import pyatspi as _pyatspi
        from gi.repository import Gio
        if Gio.SettingsSchemaSource.get_default().lookup('org.gnome.desktop.interface', True) is None:
            skip('gsettings-desktop-schemas is not installed (dogtail reads it)')
        from dogtail import config as _config
        from dogtail import predicate as _predicate
        from dogtail import rawinput as _rawinput
        from dogtail import tree as _tree
    except Exception as exc:  # ImportError, or dogtail failing to reach the bus
        _reexec_with_system_python()
        skip(f'python3-dogtail is not usable: {exc}')

    pyatspi, config, predicate, rawinput, tree = _pyatspi, _config, _predicate, _rawinput, _tree

    config.config.searchCutoffCount = 20
    config.config.searchBackoffDuration = 0.5
    config.config.defaultDelay = 0.3
    config.config.logDebugToStdOut = False
    config.config.logDebugToFile = False


def app_environment(extra=None):
    """The application's environment: GTK's AT-SPI backend, no settings of
    the user's, and @extra."""
    env = dict(os.environ)
    env['GTK_A11Y'] = 'atspi'
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_MODULES', None)
    env.setdefault('GSETTINGS_BACKEND', 'memory')
    if extra:
        env.update(extra)
    return env


class App:
    """One run of the application, with a watchdog: a dead or stuck
    application makes every AT-SPI call wait for D-Bus timeouts."""

    def __init__(self, argv, env=None, watchdog=120):
        self.argv = list(argv)
        self.name = os.path.basename(self.argv[0])
        self.process = subprocess.Popen(self.argv, env=env if env is not None else app_environment())
        self.watchdog_seconds = watchdog
        signal.signal(signal.SIGALRM, self._watchdog)
        signal.alarm(watchdog)

    def _watchdog(self, signum, frame):
        print(f'FAIL: no answer over AT-SPI within {self.watchdog_seconds} s', flush=True)
        self.process.kill()
        os._exit(1)

    def fail(self, message):
        print(f'FAIL: {message}', flush=True)
        self.terminate()
        sys.exit(1)

    def find_app(self, timeout=30):
        """The application's node on the AT-SPI bus, or None."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                self.fail(f'{self.name} exited with {self.process.returncode}')
            try:
                for app in tree.root.applications():
                    if app.name == self.name:
                        return app
            except Exception:
                pass
            time.sleep(0.5)
        return None

    def terminate(self):
        signal.alarm(0)
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def walk(node, skip=('IccStateList',)):
    """The nodes under @node, breadth first, without the subtrees named in
    @skip (the state list alone has thousands of nodes)."""
    queue = [node]
    while queue:
        current = queue.pop(0)
        yield current
        try:
            if current.name in skip:
                continue
            queue.extend(current.children)
        except Exception:  # noqa: BLE001 (gone meanwhile)
            continue


def find(node, test, skip=('IccStateList',)):
    """The first node under @node (breadth first) for which test(node) is true."""
    for candidate in walk(node, skip):
        try:
            if test(candidate):
                return candidate
        except Exception:  # noqa: BLE001
            continue
    return None


def role_name(role, name):
    return lambda n: n.roleName == role and n.name == name
