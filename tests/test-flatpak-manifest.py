#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifest: valid JSON, the right application id and
# command, a current GNOME runtime, minimal sandbox permissions, and a last
# module that builds this repository with meson.
#
# Usage: test-flatpak-manifest.py MANIFEST

import json
import sys

APP_ID = 'org.example.IccTracker'
FINISH_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri'}

failures = []


def check(cond, message):
    print(('ok: ' if cond else 'FAIL: ') + message)
    if not cond:
        failures.append(message)


path = sys.argv[1]
try:
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)
except (OSError, ValueError) as e:
    print(f'FAIL: {path} is not valid JSON: {e}')
    sys.exit(1)

check(isinstance(manifest, dict), 'the manifest is a JSON object')
if not isinstance(manifest, dict):
    sys.exit(1)

app_id = manifest.get('app-id', manifest.get('id'))
check(app_id == APP_ID, f'app-id is {APP_ID} (got {app_id!r})')
check(manifest.get('command') == 'icc-tracker', 'command is icc-tracker')
check(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is org.gnome.Platform')
check(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is org.gnome.Sdk')

version = str(manifest.get('runtime-version', ''))
check(version == 'master' or (version.isdigit() and int(version) >= 47),
      f'runtime-version is 47 or later (got {version!r})')

finish_args = manifest.get('finish-args', [])
check(set(finish_args) == FINISH_ARGS and len(finish_args) == len(FINISH_ARGS),
      'finish-args are exactly ' + ' '.join(sorted(FINISH_ARGS)) + f' (got {finish_args})')
check(not any(a.startswith(('--filesystem', '--share=network')) for a in finish_args),
      'no filesystem or network access')

modules = manifest.get('modules', [])
check(isinstance(modules, list) and len(modules) > 0, 'there is at least one module')
if modules:
    last = modules[-1]
    check(isinstance(last, dict), 'the last module is inline, not a file reference')
    if isinstance(last, dict):
        check(last.get('buildsystem') == 'meson', 'the last module builds with meson')
        sources = last.get('sources', [])
        check(any(isinstance(s, dict) and s.get('type') == 'dir' and s.get('path') == '../..'
                  for s in sources),
              'the last module builds this repository (a dir source at ../..)')
    names = [m.get('name') if isinstance(m, dict) else m for m in modules]
    check('json-glib' not in names, 'no json-glib module (the GNOME runtime has it)')

print(f'{len(failures)} failure(s)')
sys.exit(1 if failures else 0)
