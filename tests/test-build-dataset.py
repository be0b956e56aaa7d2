#!/usr/bin/env python3
# test-build-dataset.py: the bundled dataset is exactly what its sources build, and
# the build tool refuses citations it cannot anchor.
#
# Copyright 2026 The ICC Tracker Authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-build-dataset.py SOURCE_ROOT

import json
import os
import subprocess
import sys
import tempfile

FAILURES = []


def check(condition, message):
    print(('ok - ' if condition else 'not ok - ') + message)
    if not condition:
        FAILURES.append(message)


def run_tool(root, tmp, citations=None):
    out = os.path.join(tmp, 'icc-tracker.json')
    expect = os.path.join(tmp, 'reference-status.txt')
    args = [sys.executable, os.path.join(root, 'tools', 'build-dataset.py'),
            '--output', out, '--expectations', expect]
    if citations is not None:
        args += ['--citations', citations]
    proc = subprocess.run(args, capture_output=True, text=True)
    return proc, out, expect


def read_bytes(path):
    with open(path, 'rb') as f:
        return f.read()


def bad_citations(root, tmp, name, change):
    with open(os.path.join(root, 'data', 'dataset', 'src', 'citations.json'),
              encoding='utf-8') as f:
        data = json.load(f)
    change(data['citations'])
    path = os.path.join(tmp, name)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(data, f)
    return path


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(__file__), '..'))
    with tempfile.TemporaryDirectory() as tmp:
        proc, out, expect = run_tool(root, tmp)
        check(proc.returncode == 0, 'the tool builds the dataset from the in-repo sources '
              + proc.stderr.strip())
        if proc.returncode == 0:
            check(read_bytes(out) == read_bytes(os.path.join(root, 'data', 'dataset',
                                                             'icc-tracker.json')),
                  'data/dataset/icc-tracker.json is byte-identical to a fresh build '
                  '(run python3 tools/build-dataset.py)')
            check(read_bytes(expect) == read_bytes(os.path.join(root, 'tests', 'data',
                                                                'reference-status.txt')),
                  'tests/data/reference-status.txt is byte-identical to a fresh build')

        def missing(citations):
            citations[0]['quote'] += ' and this sentence is in no article'

        proc, _, _ = run_tool(root, tmp, bad_citations(root, tmp, 'missing.json', missing))
        check(proc.returncode != 0 and 'quote not found' in proc.stderr,
              'a quote that is not in its article fails the build')

        def ambiguous(citations):
            citations[0].update(article='cnn-2016-11-16', quote='Russia')
            citations[0].pop('prefix', None)
            citations[0].pop('suffix', None)

        proc, _, _ = run_tool(root, tmp, bad_citations(root, tmp, 'ambiguous.json', ambiguous))
        check(proc.returncode != 0 and 'give a prefix or suffix' in proc.stderr,
              'an ambiguous quote without prefix or suffix fails the build')

        def wrong_event(citations):
            citations[0]['event'] = 'no-such-event'

        proc, _, _ = run_tool(root, tmp, bad_citations(root, tmp, 'event.json', wrong_event))
        check(proc.returncode != 0 and 'unknown event' in proc.stderr,
              'a citation of an unknown event fails the build')

    return 1 if FAILURES else 0


if __name__ == '__main__':
    sys.exit(main())
