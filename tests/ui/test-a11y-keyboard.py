#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The window with the keyboard alone, over AT-SPI (issue 13), on a 1024x768
# screen: what was Russia's status on 1 January 2010, and which events does
# the CNN article report?
#
#  1. Ctrl+G, type "2010-01-01", Enter: the date shown is 1 January 2010.
#  2. Ctrl+K, type "Russia": its row says Signatory.
#  3. Tab from the search: the state list is one stop; the next Tab leaves it.
#  4. F6 four times: four different panes, each focus on screen.
#  5. F6 to the article, Shift+Tab to All articles, Enter, type "CNN",
#     Enter: the reader shows the CNN article.
#  6. Shift+Ctrl+A: In This Article lists the events it reports; Enter on
#     one shows its passage, and the date stays 1 January 2010.
#
# Usage: test-a11y-keyboard.py ICC_TRACKER_BINARY
#
# Exits 77 (skipped) when python3-dogtail/pyatspi, the display or the session
# bus is missing (see a11y_common.py).

import os
import sys
import tempfile
import time

import a11y_common as a11y

a11y.setup()
from a11y_common import pyatspi, rawinput  # noqa: E402 (set by setup())

DATASET_TITLE = 'The Rome Statute and its States'
DATE = '1 January 2010'
CNN_TITLE = 'Russia quits International Criminal Court'

tmp = tempfile.mkdtemp(prefix='icc-a11y-keyboard-')
env = a11y.app_environment({
    'ICC_TRACKER_RECOVERY_DIR': os.path.join(tmp, 'recovery'),
    'XDG_DATA_HOME': os.path.join(tmp, 'data'),
    'XDG_CONFIG_HOME': os.path.join(tmp, 'config'),
    'XDG_STATE_HOME': os.path.join(tmp, 'state'),
})
if 'ASAN_OPTIONS' in env:
    # As in test-a11y-authoring.py: GLib keeps memory for the life of the
    # process that LeakSanitizer's fast unwinder cannot name.
    env['ASAN_OPTIONS'] += ':detect_leaks=0'

run = a11y.App([sys.argv[1]], env=env, watchdog=170)
find = a11y.find
walk = a11y.walk
role_name = a11y.role_name
step_number = 0


def step(message):
    global step_number
    step_number += 1
    print(f'[{step_number}] {message}', flush=True)


def fail(message):
    try:
        node = focused(app)
        print(f'    focus: {describe(node)}')
        for window in app.children:
            print(f'    window [{window.roleName}] {window.name!r}')
        labels = [n.name for n in walk(app) if n.roleName == 'label' and any(c.isdigit() for c in n.name)]
        print(f'    labels with digits: {labels[:12]}')
    except Exception as exc:  # noqa: BLE001
        print(f'    (no more over AT-SPI: {exc})')
    run.fail(f'step {step_number}: {message}')


def poll(condition, what, timeout=20):
    deadline = time.time() + timeout
    while True:
        if run.process.poll() is not None:
            fail(f'icc-tracker exited with {run.process.returncode} while waiting for {what}')
        try:
            value = condition()
            if value:
                return value
        except Exception:  # noqa: BLE001 (an object gone meanwhile)
            pass
        if time.time() > deadline:
            fail(f'timed out after {timeout} s waiting for {what}')
        time.sleep(0.2)


def keys(combo):
    print(f'    keys {combo}', flush=True)
    rawinput.keyCombo(combo)
    time.sleep(0.4)


def type_text(text):
    print(f'    types {text!r}', flush=True)
    rawinput.typeText(text)
    time.sleep(0.4)


def focused(frame):
    """The node with the keyboard focus (the state list's rows included)."""
    return find(frame, lambda n: n.getState().contains(pyatspi.STATE_FOCUSED), skip=())


def describe(node):
    return f'[{node.roleName}] {node.name!r}' if node is not None else 'nothing'


def inside(node, ancestor):
    while node is not None:
        if node == ancestor:
            return True
        node = node.parent
    return False


def on_screen(node):
    """Its box inside the 1024x768 screen. (Not AT-SPI's "showing": GTK 4.8
    leaves it off a focused label in the event panel.)"""
    x, y, w, h = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return w > 0 and h > 0 and x >= 0 and y >= 0 and x + w <= 1024 and y + h <= 768


def extents(node):
    try:
        return (node.getState().contains(pyatspi.STATE_SHOWING),
                tuple(node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)),
                tuple(node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)))
    except Exception as exc:  # noqa: BLE001
        return str(exc)


try:
    app = run.find_app()
    if app is None:
        run.terminate()
        a11y.skip('the application never appeared on the AT-SPI bus')
    frame = poll(lambda: next((w for w in app.children if w.name.endswith(DATASET_TITLE)), None),
                 'the main window')
    # The window selects its first event after its first frame.
    time.sleep(2)

    step(f'Ctrl+G, type 2010-01-01, Enter: the window shows {DATE}')
    keys('<Control>g')
    poll(lambda: (focused(app) or frame).roleName in ('text', 'entry'), 'the date field to take the focus')
    type_text('2010-01-01')
    keys('Return')
    poll(lambda: find(frame, lambda n: n.roleName == 'label' and n.name == DATE),
         f'the date button to say {DATE}')

    step('Ctrl+K, type Russia: its row says Signatory')
    keys('<Control>k')
    poll(lambda: (focused(frame) or frame).roleName in ('text', 'entry'), 'the state search to take the focus')
    type_text('Russia')
    table = poll(lambda: find(frame, role_name('tree table', 'States'), skip=('States',)),
                 'the state list')

    def russia_row():
        labels = [n.name for n in walk(table, skip=()) if n.roleName == 'label']
        return labels if 'Russia' in labels and 'Signatory' in labels else None
    print(f'    the list shows {poll(russia_row, "Russia as a signatory")}')

    step('Tab from the search: the list is one stop, and the next Tab leaves it')
    stops = []
    for _ in range(6):
        keys('Tab')
        node = focused(frame)
        stops.append((describe(node), inside(node, table)))
        print(f'    focus: {describe(node)}{" (in the list)" if stops[-1][1] else ""}')
        if len(stops) >= 2 and stops[-2][1] and not stops[-1][1]:
            break
    in_list = [i for i, (_, is_in) in enumerate(stops) if is_in]
    if not in_list:
        fail(f'Tab never reached the state list: {stops}')
    if len(in_list) > 1:
        fail(f'Tab stopped {len(in_list)} times in the state list: {stops}')
    if in_list[0] + 1 >= len(stops):
        fail(f'Tab did not leave the state list: {stops}')

    step('F6 four times: four panes, each focus a different widget on screen')
    seen = []
    for _ in range(4):
        keys('F6')
        node = poll(lambda: focused(frame), 'a focused widget after F6')
        print(f'    focus: {describe(node)}')
        if not on_screen(node):
            fail(f'the focus after F6 is not on screen: {describe(node)} {extents(node)}')
        if any(node == other for other in seen):
            fail(f'F6 came back to {describe(node)} before visiting four panes')
        seen.append(node)

    step(f'to the article list, by keys: open "{CNN_TITLE}"')
    text = poll(lambda: find(frame, role_name('text', 'Article text')), 'the reader\'s text')
    for _ in range(4):
        if focused(frame) == text:
            break
        keys('F6')
    if focused(frame) != text:
        fail(f'F6 never reached the article\'s text (focus: {describe(focused(frame))})')
    for _ in range(12):
        keys('<Shift>Tab')
        node = focused(frame)
        if node is not None and node.name == 'All articles':
            break
    else:
        fail(f'Shift+Tab from the text never reached All articles (focus: {describe(focused(frame))})')
    keys('Return')
    poll(lambda: (focused(app) or frame).roleName in ('text', 'entry'), 'the article search to take the focus')
    type_text('CNN')
    keys('Return')
    poll(lambda: find(frame, lambda n: n.roleName == 'label' and n.name == CNN_TITLE),
         'the reader to show the CNN article')

    step('Shift+Ctrl+A: In This Article lists the events the article reports')
    keys('<Shift><Control>a')
    listing = poll(lambda: find(app, role_name('list', 'Events this article reports')),
                   'the In This Article list')
    rows = poll(lambda: [r for r in listing.children if r.roleName == 'list item'] or None,
                'rows in In This Article')
    titles = [next((n.name for n in walk(r, skip=()) if n.roleName == 'label'), '') for r in rows]
    print(f'    {len(rows)} passages: {titles}')
    if len(rows) < 3:
        fail(f'In This Article lists {len(rows)} passages of the CNN article')

    step('Enter on a row: its passage, and the date stays')
    keys('Down')
    keys('Return')
    poll(lambda: find(frame, lambda n: n.roleName == 'label' and n.name.startswith('Citation 2 of')),
         'the reader to show the second passage')
    if find(frame, lambda n: n.roleName == 'label' and n.name == DATE) is None:
        fail(f'choosing a passage moved the date away from {DATE}')
except a11y.tree.SearchError as exc:
    fail(str(exc))
finally:
    run.terminate()

print('PASS')
sys.exit(0)
