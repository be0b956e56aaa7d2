#!/usr/bin/env python3
# make-seeds.py: seed inputs for the fuzz targets, from the test files and
# the bundled dataset.
#
# Copyright 2026 The ICC Tracker Authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: make-seeds.py SOURCE_ROOT DATASET_DIR DATASET_MAX_LEN ANCHOR_DIR ANCHOR_MAX_LEN
#                      [IMPORT_DIR IMPORT_MAX_LEN]
#
# fuzz-dataset: every tests/data/{good,bad}/*.json, and the bundled dataset cut
# into files under DATASET_MAX_LEN bytes (libFuzzer cuts longer inputs, which
# would then only be syntax errors): one per group of states with their events
# and the articles these cite, and one for the tour with its events.
#
# fuzz-anchor: one input per citation of those files (see fuzz-anchor.c for
# the layout), with the article cut around the quote to stay under
# ANCHOR_MAX_LEN bytes.
#
# fuzz-import: every tests/data/import file and seed article (data/dataset/
# src/seeds), each as all four formats (the first byte, see fuzz-import.c).

import glob
import json
import os
import shutil
import struct
import sys

STATES_PER_FILE = 20
CONTEXT_CHARS = 600


def write(directory, name, data, max_len):
    if len(data) > max_len:
        return 0
    with open(os.path.join(directory, name), 'wb') as f:
        f.write(data)
    return 1


def dump(dataset):
    return (json.dumps(dataset, indent=2, ensure_ascii=False) + '\n').encode('utf-8')


def subset(dataset, events, title):
    """A dataset of @events, with the states and articles they need."""
    codes = {c for e in events for c in e.get('states', [])}
    event_ids = {e['id'] for e in events}
    article_ids = {c.get('article') for e in events for c in e.get('citations', [])}
    tours = []
    for tour in dataset.get('tours', []):
        steps = [s for s in tour.get('steps', []) if s.get('event') in event_ids]
        if steps:
            tours.append(dict(tour, steps=steps))
    out = {k: v for k, v in dataset.items()
           if k not in ('articles', 'states', 'events', 'tours')}
    out['title'] = title
    out['articles'] = [a for a in dataset.get('articles', []) if a.get('id') in article_ids]
    out['states'] = [s for s in dataset.get('states', []) if s.get('code') in codes]
    out['events'] = events
    out['tours'] = tours
    return out


def split_bundled(dataset):
    states = [s['code'] for s in dataset.get('states', [])]
    events = dataset.get('events', [])
    for i in range(0, len(states), STATES_PER_FILE):
        group = set(states[i:i + STATES_PER_FILE])
        chosen = [e for e in events
                  if (e.get('states') and set(e['states']) <= group)
                  or (i == 0 and not e.get('states'))]
        yield 'bundled-states-%03d.json' % i, subset(dataset, chosen, 'States %d' % i)

    for tour in dataset.get('tours', []):
        ids = {s.get('event') for s in tour.get('steps', [])}
        codes = {c for e in events if e['id'] in ids for c in e.get('states', [])}
        chosen = [e for e in events
                  if e['id'] in ids or (e.get('states') and set(e['states']) <= codes)]
        yield 'bundled-tour-%s.json' % tour['id'], subset(dataset, chosen, tour['title'])


def anchor_inputs(dataset):
    texts = {a.get('id'): a.get('text', '') for a in dataset.get('articles', [])}
    for event in dataset.get('events', []):
        for citation in event.get('citations', []):
            text = texts.get(citation.get('article'))
            quote = citation.get('quote')
            if not isinstance(text, str) or not isinstance(quote, str):
                continue
            at = text.find(quote)
            start = max(0, at - CONTEXT_CHARS) if at >= 0 else 0
            excerpt = text[start:start + len(quote) + 2 * CONTEXT_CHARS]
            hint = citation.get('start')
            if isinstance(hint, int) and 0 <= hint - start < 65536:
                header = struct.pack('<BH', 1, hint - start)
            else:
                header = struct.pack('<BH', 0, 0)
            fields = [excerpt, quote]
            if 'prefix' in citation or 'suffix' in citation:
                fields += [citation.get('prefix', ''), citation.get('suffix', '')]
            yield header + b'\0'.join(f.encode('utf-8') for f in fields)


def main():
    root, dataset_dir, dataset_max, anchor_dir, anchor_max = sys.argv[1:6]
    dataset_max, anchor_max = int(dataset_max), int(anchor_max)
    for d in (dataset_dir, anchor_dir):
        os.makedirs(d, exist_ok=True)

    datasets = []
    n_dataset = n_anchor = 0
    for kind in ('good', 'bad'):
        for path in sorted(glob.glob(os.path.join(root, 'tests', 'data', kind, '*.json'))):
            if os.path.getsize(path) <= dataset_max:
                shutil.copy(path, os.path.join(dataset_dir, kind + '-' + os.path.basename(path)))
                n_dataset += 1
            if kind == 'good':
                with open(path, encoding='utf-8') as f:
                    datasets.append(json.load(f))

    for path in sorted(glob.glob(os.path.join(root, 'data', 'dataset', '*.json'))):
        with open(path, encoding='utf-8') as f:
            bundled = json.load(f)
        datasets.append(bundled)
        for name, part in split_bundled(bundled):
            n_dataset += write(dataset_dir, name, dump(part), dataset_max)

    for dataset in datasets:
        for data in anchor_inputs(dataset):
            n_anchor += write(anchor_dir, 'citation-%04d' % n_anchor, data, anchor_max)

    n_import = 0
    if len(sys.argv) >= 8:
        import_dir, import_max = sys.argv[6], int(sys.argv[7])
        os.makedirs(import_dir, exist_ok=True)
        paths = sorted(glob.glob(os.path.join(root, 'tests', 'data', 'import', '*')) +
                       glob.glob(os.path.join(root, 'data', 'dataset', 'src', 'seeds', '*.txt')))
        for path in paths:
            with open(path, 'rb') as f:
                data = f.read()
            for selector in range(4):
                name = 'import-%d-%s' % (selector, os.path.basename(path))
                n_import += write(import_dir, name, bytes([selector]) + data, import_max)

    print('seeds: %d for fuzz-dataset, %d for fuzz-anchor, %d for fuzz-import'
          % (n_dataset, n_anchor, n_import))


if __name__ == '__main__':
    main()
