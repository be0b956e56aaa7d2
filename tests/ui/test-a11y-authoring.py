#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Authoring over AT-SPI (issue 15), the way a person does it, with
# python3-dogtail: choose a state (the new event will be about it), import a
# seed article from a file (Ctrl+I), select a sentence in the reader, cite it
# for a new event (Ctrl+T, New Event from Selection…, a title, Add Event),
# undo (Ctrl+Z), redo (Shift+Ctrl+Z), save (Ctrl+S, a file name), quit
# (Ctrl+Q), start again on the saved file, open the imported article from the
# reader's article list and find the highlighted citation: a background over
# exactly the sentence in the text attributes (GTK 4.8 gets the colour's
# value wrong, so only its presence is checked), "Citation 1 of 1", and the
# event in the event panel.
#
# Usage: test-a11y-authoring.py ICC_TRACKER_BINARY [SEED_ARTICLE]
#
# Exits 77 (skipped) when python3-dogtail/pyatspi, the display or the session
# bus is missing (see a11y_common.py). The application runs with a recovery
# folder, XDG folders and settings of its own: nothing of the user's is read
# or written.
#
# GTK 4.8 and the reader's selection: the AT-SPI Text interface of a text
# view cannot make one. SetSelection collapses it to its end offset and
# AddSelection never answers (its reply has the wrong D-Bus type). So the
# sentence is selected as a person would without a mouse: Find in Article
# (Ctrl+F) selects the match. The Text interface then reads the selection
# and the highlight's text attributes.

import glob
import json
import os
import shutil
import sys
import tempfile
import time

import a11y_common as a11y

a11y.setup('ICC_TRACKER_BINARY [SEED_ARTICLE]')
from a11y_common import pyatspi, rawinput  # noqa: E402 (set by setup())

SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                     '..', '..', 'data', 'dataset', 'src', 'seeds')
# One sentence of the seed, in ASCII (typed into Find in Article), found once.
SENTENCE = 'The Kremlin claims Crimea voluntarily joined Russia following a referendum.'
# The title a plain-text import gives the seed (its first line).
ARTICLE_TITLE = 'News by VICE'
EVENT_TITLE = 'Kremlin says Crimea joined Russia by referendum'
STATE = 'Russia'
DATASET_TITLE = 'The Rome Statute and its States'
MODIFIED = '• '

binary = os.path.abspath(sys.argv[1])
seeds = sorted(glob.glob(os.path.join(SEEDS, '000_*.txt')))
seed = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else (seeds[0] if seeds else None)
if seed is None or not os.path.exists(seed):
    print(f'FAIL: no seed article (looked for {SEEDS}/000_*.txt)')
    sys.exit(1)

tmp = tempfile.mkdtemp(prefix='icc-a11y-authoring-')
saved_path = os.path.join(tmp, 'authored.icc.json')
app_env = a11y.app_environment({
    # The file choosers in the process, not through the portal.
    'GTK_USE_PORTAL': '0',
    'ICC_TRACKER_RECOVERY_DIR': os.path.join(tmp, 'recovery'),
    'GSETTINGS_BACKEND': 'memory',
    # Recent files and the like go here, not into the user's folders.
    'XDG_DATA_HOME': os.path.join(tmp, 'data'),
    'XDG_CONFIG_HOME': os.path.join(tmp, 'config'),
    'XDG_CACHE_HOME': os.path.join(tmp, 'cache'),
    'XDG_STATE_HOME': os.path.join(tmp, 'state'),
})
# In the sanitized build, the application is not checked for leaks here: the
# GTK file chooser's sidebar (libcloudproviders) and GLib's quark table keep
# memory for the life of the process, and LeakSanitizer's fast unwinder stops
# at GLib's frames, so no suppression can name them (see tests/lsan.supp).
# The same commands (import, cite, undo, redo, save) run in-process, leak
# checked, in tests/test-window-edit.c.
if 'ASAN_OPTIONS' in app_env:
    app_env['ASAN_OPTIONS'] += ':detect_leaks=0'

run = None
step_number = 0


def step(message):
    global step_number
    step_number += 1
    print(f'[{step_number}] {message}', flush=True)


def diagnose():
    """What the application shows: its windows and the focused widget."""
    try:
        for w in app.children:
            print(f'    window [{w.roleName}] {w.name!r}')
            focused = find(w, lambda n: n.getState().contains(pyatspi.STATE_FOCUSED))
            if focused is not None:
                print(f'      focus: [{focused.roleName}] {focused.name!r}')
        main = main_window()
        print(f'    events of the selected state: {state_events(main)}')
        print(f'    reader: {reader_title(main)!r}, {position_label(main)!r}')
    except Exception as exc:  # noqa: BLE001
        print(f'    (no more over AT-SPI: {exc})')


def fail(message):
    if app is not None and run is not None and run.process.poll() is None:
        diagnose()
    if run is not None:
        run.fail(f'step {step_number}: {message}')
    print(f'FAIL: step {step_number}: {message}', flush=True)
    sys.exit(1)


def poll(condition, what, timeout=20, interval=0.2):
    """Waits for condition() to return something true and returns it. An
    AT-SPI error (an object that went away meanwhile) counts as not yet."""
    deadline = time.time() + timeout
    last_error = None
    while True:
        if run is not None and run.process.poll() is not None:
            fail(f'icc-tracker exited with {run.process.returncode} while waiting for {what}')
        try:
            value = condition()
            if value:
                return value
        except Exception as exc:  # noqa: BLE001 (GLib.GError, LookupError, ...)
            last_error = exc
        if time.time() > deadline:
            detail = f' (last error: {last_error})' if last_error is not None else ''
            fail(f'timed out after {timeout} s waiting for {what}{detail}')
        time.sleep(interval)


walk = a11y.walk
find = a11y.find
role_name = a11y.role_name


def button(label):
    """A push button by its label. GTK 4.8 names a button with a mnemonic
    "_Label Label"; its label child is named "Label"."""
    return lambda n: n.roleName == 'push button' and (
        n.name == label or any(c.roleName == 'label' and c.name == label for c in n.children))


def wait_node(node, test, what, timeout=20, skip=('IccStateList',)):
    return poll(lambda: find(node, test, skip), what, timeout)


def window(test, what, timeout=20):
    return poll(lambda: next((w for w in app.children if test(w.name)), None), what, timeout)


def window_gone(name, timeout=20):
    poll(lambda: all(w.name != name for w in app.children), f'the "{name}" window to close', timeout)


def main_window():
    return window(lambda name: name.endswith(DATASET_TITLE), 'the main window')


def keys(combo):
    print(f'    keys {combo}', flush=True)
    rawinput.keyCombo(combo)


def type_text(text):
    print(f'    types {text!r}', flush=True)
    rawinput.typeText(text)


def press(key):
    print(f'    presses {key}', flush=True)
    rawinput.pressKey(key)


def click_action(node):
    """Clicks a button through its AT-SPI action, wherever it is on screen."""
    node.doActionNamed('click')


def settle():
    """A new dialog takes the keyboard focus once it is mapped, which GTK 4.8
    does not tell over AT-SPI (a dialog has no "active" state): a moment.
    What is typed next is checked."""
    time.sleep(0.5)


def typed_in(node, typed):
    """Whether an entry under @node holds @typed."""
    return find(node, lambda n: n.roleName in ('text', 'entry') and text_of(n) == typed) is not None


def text_of(node):
    text = node.queryText()
    # Not getText(0, -1): GTK 4.8 gives an entry's text for an end offset only.
    return text.getText(0, text.characterCount)


def selection_of(node):
    text = node.queryText()
    if text.getNSelections() < 1:
        return None
    return tuple(text.getSelection(0))


def highlight_attributes(node, start, end):
    """The text attributes (without the defaults) over the middle of
    [start, end), and the run of characters they cover, as AT-SPI says."""
    text = node.queryText()
    attributes, run_start, run_end = text.getAttributeRun((start + end) // 2, False)
    if isinstance(attributes, str):
        attributes = attributes.split(';')
    if not isinstance(attributes, dict):  # ['name:value', ...]
        attributes = dict(pair.split(':', 1) for pair in attributes if ':' in pair)
    return attributes, run_start, run_end


def state_events(frame):
    """The titles (and dates) in the event panel's list of the selected
    state's events. (The panel's other page, the selected event, keeps its
    labels over AT-SPI while hidden: not that.)"""
    events = find(frame, role_name('list', 'Events of the selected state'))
    if events is None:
        return None
    return [n.name for n in walk(events, skip=()) if n.roleName == 'label']


def reader_parts(frame):
    reader = find(frame, role_name('filler', 'IccReader'))
    if reader is None:
        return None
    text = find(reader, role_name('text', 'Article text'))
    # The header: the title label, then the position label in the toolbar.
    labels = [n for n in walk(reader, skip=('Article text',)) if n.roleName == 'label']
    return reader, text, labels


def reader_title(frame):
    """The title of the reader's article: the label beside All articles."""
    parts = reader_parts(frame)
    if parts is None:
        return None
    articles_button = find(parts[0], role_name('push button', 'All articles'))
    return next(c.name for c in articles_button.parent.children if c.roleName == 'label')


def position_label(frame):
    """The reader's position among its citations ("Citation 1 of 1", "1
    citation", or empty): the label of the In This Article button, which
    is hidden (not on the bus) when the article has no citation."""
    parts = reader_parts(frame)
    if parts is None:
        return None
    outline = find(parts[0], lambda n: n.name == 'In this article')
    if outline is None:
        return ''
    label = find(outline, lambda n: n.roleName == 'label', skip=())
    return label.name if label is not None else None


def menu_item_sensitive(frame, label):
    """Opens the main menu, reads whether @label is enabled, closes it."""
    menu_button = wait_node(frame, role_name('push button', 'Main menu'), 'the main menu button')
    menu_button.click()
    item = wait_node(menu_button, role_name('menu item', label), f'the menu item "{label}"')
    sensitive = item.sensitive
    press('Escape')
    return sensitive


def start_app(argv):
    global run, app
    run = a11y.App(argv, env=app_env, watchdog=150)
    app = run.find_app()
    if app is None:
        run.terminate()
        a11y.skip('the application never appeared on the AT-SPI bus')
    return app


app = None
try:
    # --- The first session: author and save. -----------------------------
    step(f'start {os.path.basename(binary)} on the bundled dataset')
    start_app([binary])
    frame = main_window()
    print(f'    main window: {frame.name!r}')
    if frame.name.startswith(MODIFIED):
        fail(f'the bundled dataset opens with unsaved changes: {frame.name!r}')

    step(f'choose {STATE} in the state list (search, click its row): the new event will be about it')
    state_list = wait_node(frame, role_name('filler', 'IccStateList'), 'the state list', )
    search = wait_node(state_list, role_name('entry', 'Search states by name or ISO code'), 'the state search',
                       skip=('States',))
    search.click()
    type_text(STATE)
    table = wait_node(state_list, role_name('tree table', 'States'), 'the state list', skip=('States',))
    cell = poll(lambda: find(table, role_name('label', STATE), skip=()), f'{STATE} in the state list')
    cell.click()
    poll(lambda: find(frame, role_name('label', f'Events of {STATE}')), f'the event panel to list the events of {STATE}')
    print(f'    the event panel lists {len(state_events(frame))} events of {STATE}')

    step('click the reader\'s text, so that the keys go to the window')
    parts = poll(lambda: reader_parts(frame), 'the reader')
    parts[1].click()
    poll(lambda: parts[1].getState().contains(pyatspi.STATE_FOCUSED), 'the reader\'s text to take the focus')

    step(f'Import Article (Ctrl+I): {os.path.relpath(seed, os.path.join(SEEDS, "..", "..", "..", ".."))}')
    keys('<Control>i')
    chooser = window(lambda name: name == 'Import an Article', 'the "Import an Article" file chooser')
    settle()
    keys('<Control>l')  # the location entry; a typed "/" would open it too
    type_text(seed)
    poll(lambda: typed_in(chooser, seed), 'the path in the file chooser\'s location entry')
    press('Return')
    window_gone('Import an Article')
    poll(lambda: reader_title(frame) == ARTICLE_TITLE,
         f'the reader to open the imported article "{ARTICLE_TITLE}"', timeout=30)
    frame = poll(lambda: main_window() if main_window().name.startswith(MODIFIED) else None,
                 'the window title to show unsaved changes')
    print(f'    reader: {reader_title(frame)!r}; window: {frame.name!r}')
    reader, article_text, _ = reader_parts(frame)
    content = text_of(article_text)
    start = content.find(SENTENCE)
    if start < 0 or content.count(SENTENCE) != 1:
        fail(f'the imported article does not hold the sentence once: {SENTENCE!r}')
    end = start + len(SENTENCE)
    print(f'    the sentence is at characters {start}..{end} of {len(content)}')

    step('nothing is selected: Cite Selection… is disabled')
    if menu_item_sensitive(frame, 'Cite Selection…'):
        fail('Cite Selection… is enabled before anything is selected')

    step('select the sentence: Find in Article (Ctrl+F) and type it')
    keys('<Control>f')
    wait_node(reader, lambda n: n.roleName == 'entry' and n.name in ('GtkSearchEntry', 'Find in article'),
              'the find entry')
    type_text(SENTENCE)
    poll(lambda: selection_of(article_text) == (start, end),
         f'the reader\'s selection to be the sentence ({start}, {end})')
    press('Escape')  # closes the search bar; the selection stays
    time.sleep(0.3)
    selected = selection_of(article_text)
    if selected != (start, end):
        fail(f'the selection changed when the search bar closed: {selected}')
    print(f'    AT-SPI Text: selection {selected}: '
          f'{article_text.queryText().getText(selected[0], selected[1])!r}')

    step('a sentence is selected: Cite Selection… is enabled')
    if not menu_item_sensitive(frame, 'Cite Selection…'):
        fail('Cite Selection… is still disabled with the sentence selected')

    step('Cite… (Ctrl+T): the "Cite Passage" dialog quotes the sentence')
    keys('<Control>t')
    cite = window(lambda name: name == 'Cite Passage', 'the "Cite Passage" dialog')
    quote = wait_node(cite, lambda n: n.roleName == 'label' and SENTENCE in n.name, 'the quote in the dialog')
    print(f'    quote: {quote.name!r}')

    step('New Event from Selection…: the "New Event" editor opens on the passage')
    click_action(wait_node(cite, button('New Event from Selection…'), 'the New Event from Selection… button'))
    editor = window(lambda name: name == 'New Event', 'the "New Event" editor')
    window_gone('Cite Passage')
    summary = wait_node(editor, role_name('text', 'Summary'), 'the Summary field')
    if text_of(summary).strip() != SENTENCE:
        fail(f'the summary is not the passage: {text_of(summary)!r}')
    date = wait_node(editor, role_name('text', 'Date'), 'the Date field')
    print(f'    date {text_of(date)!r}; summary {text_of(summary)!r}')
    add = wait_node(editor, button('Add Event'), 'the Add Event button')
    if add.sensitive:
        fail('Add Event is enabled before the event has a title')

    step(f'type the title (Alt+T goes to the Title field): {EVENT_TITLE!r}')
    keys('<Alt>t')
    title = wait_node(editor, role_name('text', 'Title'), 'the Title field')
    poll(lambda: title.getState().contains(pyatspi.STATE_FOCUSED), 'the Title field to take the focus')
    type_text(EVENT_TITLE)
    poll(lambda: text_of(title) == EVENT_TITLE, 'the title to be typed')
    poll(lambda: add.sensitive, 'Add Event to be enabled')

    step('Add Event: the event and its citation are in the dataset')
    click_action(add)
    window_gone('New Event')
    poll(lambda: EVENT_TITLE in (state_events(frame) or []), f'"{EVENT_TITLE}" in the events of {STATE}')
    position = poll(lambda: position_label(frame), 'the reader to count the new citation')
    print(f'    the events of {STATE} include {EVENT_TITLE!r}; reader: {position!r}')
    if position not in ('Citation 1 of 1', '1 citation'):
        fail(f'the reader does not show the one citation: {position!r}')

    step('Undo (Ctrl+Z): the event and its citation go')
    keys('<Control>z')
    poll(lambda: EVENT_TITLE not in (state_events(frame) or [EVENT_TITLE]),
         f'"{EVENT_TITLE}" to leave the events of {STATE}')
    poll(lambda: position_label(frame) == '', 'the reader to show no citation')
    frame = main_window()
    print(f'    the events of {STATE}: no {EVENT_TITLE!r}; reader position: \'\'; window: {frame.name!r} (the import is still unsaved)')
    if not frame.name.startswith(MODIFIED):
        fail(f'the window title lost its "{MODIFIED}" with the import unsaved: {frame.name!r}')
    if not menu_item_sensitive(frame, 'Redo'):
        fail('Redo is disabled after an undo')
    print('    the main menu\'s Redo is enabled')

    step('Redo (Shift+Ctrl+Z): they come back')
    keys('<Shift><Control>z')
    poll(lambda: EVENT_TITLE in (state_events(frame) or []), f'"{EVENT_TITLE}" back in the events of {STATE}')
    position = poll(lambda: position_label(frame), 'the reader to count the citation again')
    print(f'    the events of {STATE} include {EVENT_TITLE!r} again; reader: {position!r}')
    if menu_item_sensitive(frame, 'Redo'):
        fail('Redo is still enabled after redoing the one undone step')

    step(f'Save (Ctrl+S): the bundled dataset has no file, so a name: {saved_path}')
    keys('<Control>s')
    chooser = window(lambda name: name == 'Save the Dataset', 'the "Save the Dataset" file chooser')
    settle()
    keys('<Control>a')  # the proposed name, replaced by a full path
    type_text(saved_path)
    poll(lambda: typed_in(chooser, saved_path), 'the path in the file chooser\'s name entry')
    press('Return')
    window_gone('Save the Dataset')
    frame = poll(lambda: main_window() if not main_window().name.startswith(MODIFIED) else None,
                 f'the window title to lose its "{MODIFIED}"', timeout=30)
    poll(lambda: os.path.exists(saved_path), f'{saved_path} to exist')
    print(f'    window: {frame.name!r}')

    with open(saved_path, encoding='utf-8') as f:
        saved = json.load(f)
    saved_events = [e for e in saved.get('events', []) if e.get('title') == EVENT_TITLE]
    saved_articles = [a for a in saved.get('articles', []) if a.get('title') == ARTICLE_TITLE]
    if len(saved_events) != 1 or len(saved_articles) != 1:
        fail(f'the saved file has {len(saved_events)} events "{EVENT_TITLE}" and '
             f'{len(saved_articles)} articles "{ARTICLE_TITLE}"')
    print(f'    the file holds the article {saved_articles[0].get("id")!r} and the event '
          f'{saved_events[0].get("id")!r} with {len(saved_events[0].get("citations", []))} citation(s)')

    step('Quit (Ctrl+Q)')
    keys('<Control>q')
    try:
        code = run.process.wait(timeout=30)
    except Exception:  # noqa: BLE001 (subprocess.TimeoutExpired)
        fail('icc-tracker did not quit within 30 s')
    if code != 0:
        fail(f'icc-tracker exited with {code}')
    run.terminate()
    print('    icc-tracker exited with 0')

    # --- The second session: the saved file. ----------------------------
    step(f'start {os.path.basename(binary)} on the saved file')
    start_app([binary, saved_path])
    frame = main_window()
    print(f'    main window: {frame.name!r}')
    if frame.name.startswith(MODIFIED):
        fail(f'the saved file opens with unsaved changes: {frame.name!r}')

    step(f'open the reader\'s article list (All articles), search for "{ARTICLE_TITLE}" and open it')
    reader, article_text, _ = poll(lambda: reader_parts(frame), 'the reader')
    articles_button = wait_node(reader, role_name('push button', 'All articles'), 'the All articles button')
    articles_button.click()
    articles = wait_node(articles_button, role_name('list', 'Articles'), 'the list of articles')
    wait_node(articles, role_name('label', ARTICLE_TITLE), f'"{ARTICLE_TITLE}" in the list of articles')
    # The popover's search takes the keys; Enter opens the first match.
    type_text(ARTICLE_TITLE)
    poll(lambda: next(n.name for n in walk(articles, skip=()) if n.roleName == 'label') == ARTICLE_TITLE,
         f'"{ARTICLE_TITLE}" to be the first article found')
    press('Return')
    poll(lambda: reader_title(frame) == ARTICLE_TITLE, f'the reader to open "{ARTICLE_TITLE}"')
    position = poll(lambda: position_label(frame), 'the reader to count the article\'s citations')
    print(f'    reader: {reader_title(frame)!r}, {position!r}')
    if position not in ('1 citation', 'Citation 1 of 1'):
        fail(f'the reopened article does not have one citation: {position!r}')

    step('the sentence is highlighted: the text attributes over it')
    content = text_of(article_text)
    start = content.find(SENTENCE)
    end = start + len(SENTENCE)
    def highlighted():
        attributes, run_start, run_end = highlight_attributes(article_text, start, end)
        if 'bg-color' in attributes and (run_start, run_end) == (start, end):
            return attributes, run_start, run_end
        print(f'    not yet: characters {run_start}..{run_end}: {attributes}')
        return None

    attributes, run_start, run_end = poll(highlighted, f'a background over exactly characters {start}..{end}',
                                          interval=1.0)
    outside, before_start, before_end = highlight_attributes(article_text, start - 1, start)
    print(f'    characters {run_start}..{run_end} (the sentence): {attributes}')
    print(f'    around character {start - 1} (before it): {outside}')
    if 'bg-color' in outside:
        fail(f'the text before the sentence has a background too: {outside}')

    step('Next citation: the reader goes to it, and the window to the event that cites it')
    if position_label(frame) != 'Citation 1 of 1':
        click_action(wait_node(reader, role_name('push button', 'Next citation'), 'the Next citation button'))
        poll(lambda: position_label(frame) == 'Citation 1 of 1', 'the reader to show "Citation 1 of 1"')
    print(f'    reader: {position_label(frame)!r}')

    step('the event panel shows the event, and the article among its citations')
    panel = wait_node(frame, role_name('filler', 'IccEventPanel'), 'the event panel')
    wait_node(panel, role_name('label', EVENT_TITLE), f'"{EVENT_TITLE}" in the event panel')
    cited_in = wait_node(panel, role_name('list', 'Citations'), 'the event\'s citations')
    rows = poll(lambda: [n.name for n in walk(cited_in, skip=()) if n.roleName == 'label'],
                'the rows of the event\'s citations')
    print(f'    event {EVENT_TITLE!r}, cited in: {rows}')
    if ARTICLE_TITLE not in rows:
        fail(f'the event\'s citations do not name "{ARTICLE_TITLE}": {rows}')
finally:
    if run is not None:
        run.terminate()
    shutil.rmtree(tmp, ignore_errors=True)

print('PASS')
sys.exit(0)
