#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs `icc-tracker --world-state=2016-11-16` in English and under LANGUAGE=fr
# with the French catalogue compiled from po/fr.po, and checks the French run
# speaks French: every translated message that the English run prints comes
# out translated, and state names come localized from iso-codes.
#
# The French run uses fr_FR.UTF-8 when it is generated on this machine (then
# month names are checked too), else C.UTF-8, which every glibc has: gettext
# honours LANGUAGE in it (only plain "C" makes it ignore LANGUAGE), so the test
# needs no generated locale. ICC_TRACKER_LOCALEDIR points the application at
# the catalogue.
#
# Usage: test-cli-fr.py ICC_TRACKER_BINARY FR_PO [ISO_CODES_LOCALEDIR]

import gettext
import locale
import os
import re
import subprocess
import sys
import tempfile

binary, po = sys.argv[1], sys.argv[2]
iso_localedir = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else '/usr/share/locale'
DATE = '2016-11-16'


def french_locale():
    # A generated French locale also gives French month names; C.UTF-8 is the fallback.
    for name in ('fr_FR.UTF-8', 'fr_FR.utf8'):
        try:
            locale.setlocale(locale.LC_ALL, name)
        except locale.Error:
            continue
        locale.setlocale(locale.LC_ALL, 'C.UTF-8')
        return name
    return None


FR_LOCALE = french_locale()


def run(localedir, language):
    env = dict(os.environ)
    lc_all = FR_LOCALE if language == 'fr' and FR_LOCALE else 'C.UTF-8'
    env.update({'LC_ALL': lc_all, 'LANGUAGE': language, 'ICC_TRACKER_LOCALEDIR': localedir})
    env.pop('LANG', None)
    proc = subprocess.run([binary, f'--world-state={DATE}'], env=env,
                          capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        print(f'FAIL: icc-tracker --world-state={DATE} (LANGUAGE={language!r}) exited with '
              f'{proc.returncode}\n{proc.stderr}')
        sys.exit(1)
    return proc.stdout


with tempfile.TemporaryDirectory() as localedir:
    modir = os.path.join(localedir, 'fr', 'LC_MESSAGES')
    os.makedirs(modir)
    mo = os.path.join(modir, 'icc-tracker.mo')
    subprocess.run(['msgfmt', '--check', '-o', mo, po], check=True)
    with open(mo, 'rb') as f:
        catalog = gettext.GNUTranslations(f)._catalog

    english = run(localedir, '')
    french = run(localedir, 'fr')

print('--- English (first lines)\n' + '\n'.join(english.splitlines()[:6]))
print('--- French (first lines)\n' + '\n'.join(french.splitlines()[:6]))

failures = 0
if english == french:
    print('FAIL: the output under LANGUAGE=fr is the same as in English')
    failures += 1

# Our messages: whatever the English run prints that fr.po translates must be
# printed in French. Skip format strings and very short ids (they could match
# by accident).
checked = 0
remaining = english
pairs = []
for msgid, msgstr in catalog.items():
    if not isinstance(msgid, str) or not msgid or '%' in msgid or len(msgid) < 4:
        continue
    if '\x04' in msgid:  # msgctxt
        msgid = msgid.split('\x04', 1)[1]
    if msgid != msgstr:
        pairs.append((msgid, msgstr))
# Longest first, and each match is taken out of the English text, so that a
# short message ("withdrawn") inside a longer one ("signatures withdrawn") is
# not checked on its own.
for msgid, msgstr in sorted(pairs, key=lambda p: -len(p[0])):
    pattern = r'(?<!\w)' + re.escape(msgid) + r'(?!\w)'
    if not re.search(pattern, remaining):
        continue
    remaining = re.sub(pattern, '\x00', remaining)
    checked += 1
    if not re.search(r'(?<!\w)' + re.escape(msgstr) + r'(?!\w)', french):
        print(f'FAIL: {msgid!r} is printed in English but its translation {msgstr!r} is not '
              'printed in French')
        failures += 1
if checked == 0:
    print('FAIL: the English output contains none of the messages fr.po translates')
    failures += 1
else:
    print(f'ok: {checked} translated messages checked')

# State names: localized through iso-codes' iso_3166-1 domain.
try:
    iso = gettext.translation('iso_3166-1', localedir=iso_localedir, languages=['fr'])
except OSError:
    iso = None
    print('skip: iso-codes has no French catalogue on this system')
if iso is not None:
    for name in ('Russian Federation', 'Germany', 'Japan'):
        if name in english:
            fr_name = iso.gettext(name)
            if fr_name not in french:
                print(f'FAIL: the state {name!r} is not shown as {fr_name!r} in French')
                failures += 1
            else:
                print(f'ok: {name!r} is {fr_name!r}')

# Dates in words follow LC_TIME, so they are French only in a French locale.
if FR_LOCALE is None:
    print('skip: no fr_FR.UTF-8 locale here, so dates in words stay in English')
elif 'November' in english:
    if 'novembre' in french:
        print(f'ok: month names are French under {FR_LOCALE}')
    else:
        print(f'FAIL: no French month name under {FR_LOCALE}')
        failures += 1

sys.exit(1 if failures else 0)
