#!/usr/bin/env python3
# build-dataset.py: builds the bundled dataset data/dataset/icc-tracker.json
#
# Copyright 2026 The ICC Tracker Authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads the reference tables (data/dataset/src/reference/, a copy of the project's
# reference facts) and the hand-written inputs in data/dataset/src/, checks them, and
# writes the dataset (format version 1, docs/FORMAT.md) and the expectations file the
# test suite compares the model against (tests/data/reference-status.txt).
#
# Python 3 standard library only. Run from anywhere:
#
#   python3 tools/build-dataset.py                 # rebuild in place
#   python3 tools/build-dataset.py --reference ../shared/reference
#
# Every inconsistency (a quote not found in its article, an events.csv row not
# accounted for, a membership history that does not fit the transition table, a
# status that differs from the reference's reading rules) is fatal.

import argparse
import csv
import datetime
import json
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, 'data', 'dataset', 'src')

GROUPS = ('african', 'asia_pacific', 'eastern_european', 'latin_american_caribbean', 'weog')
CERTAINTIES = ('confirmed', 'single_source', 'disputed', 'unverified')
STANCES = ('reports', 'disputes', 'context')
MEMBERSHIP_KINDS = ('signature', 'ratification', 'accession', 'entry_into_force',
                    'withdrawal_notice', 'withdrawal_revoked', 'withdrawal_effective',
                    'signature_withdrawn')
OTHER_KINDS = ('adoption', 'investigation', 'preliminary_examination', 'report', 'warrant',
               'verdict', 'statement', 'other')
# Order of kinds on one day: the order of FORMAT.md's transition table.
KIND_ORDER = {k: i for i, k in enumerate(MEMBERSHIP_KINDS + OTHER_KINDS)}

# Columns of icc_states.csv, in the order their events happen.
COLUMNS = (('signed', 'signature'),
           ('ratified_or_acceded', 'ratification'),
           ('entry_into_force', 'entry_into_force'),
           ('withdrawal_notified', 'withdrawal_notice'),
           ('withdrawal_revoked', 'withdrawal_revoked'),
           ('withdrawal_effective', 'withdrawal_effective'),
           ('signature_withdrawn', 'signature_withdrawn'))

TITLES = {
    'signature': '{name} signs the Rome Statute',
    'ratification': '{name} ratifies the Rome Statute (instrument of ratification deposited)',
    'accession': '{name} accedes to the Rome Statute (instrument of accession deposited)',
    'entry_into_force': 'The Rome Statute enters into force for {name}',
    'withdrawal_notice': '{name} notifies its withdrawal from the Rome Statute',
    'withdrawal_revoked': '{name} revokes its notification of withdrawal',
    'withdrawal_effective': '{name}\u2019s withdrawal from the Rome Statute takes effect',
    'signature_withdrawn': '{name} declares it does not intend to become a party '
                           '(signature withdrawn)',
}

# The States Parties table of reference/README.md.
PARTIES_TABLE = (('2002-07-01', 66), ('2016-11-16', 124), ('2017-10-28', 123),
                 ('2019-03-18', 122), ('2024-02-01', 124), ('2025-01-01', 125))

# Characters folded when searching for a quote, one for one so that offsets in the
# folded text are offsets in the text.
FOLD = str.maketrans({'\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"',
                      '\u00a0': ' ', '\u2013': '-', '\u2014': '-'})
CONTEXT = 32


class BuildError(Exception):
    pass


def fail(message):
    raise BuildError(message)


def load_json(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def read_csv(path):
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


def parse_day(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        fail(f'invalid date {text!r}')


def check_partial_date(text, where):
    parts = text.split('-')
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            return
        if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2:
            datetime.date(int(parts[0]), int(parts[1]), 1)
            return
        if len(parts) == 3:
            datetime.date.fromisoformat(text)
            return
    except ValueError:
        pass
    fail(f'{where}: invalid date {text!r}')


def date_key(text):
    """Sort key of a partial date: its first day, then longer periods first."""
    parts = [int(p) for p in text.split('-')]
    while len(parts) < 3:
        parts.append(0)
    return (parts[0], parts[1] or 1, parts[2] or 1, -len(text))


def split_list(text):
    return [s.strip() for s in text.split(';') if s.strip()]


# States

def build_states(rows, config):
    groups = {}
    for group, codes in config['groups'].items():
        if group not in GROUPS:
            fail(f'states.json: unknown group {group!r}')
        for code in codes.split():
            if code in groups:
                fail(f'states.json: {code} is in two groups')
            groups[code] = group
    no_group = set(config.get('no_group', {}))
    states = []
    seen = set()
    for row in rows:
        states.append({'code': row['iso2'], 'name': row['name']})
    for extra in config['extra_states']:
        if any(r['iso2'] == extra['code'] for r in rows):
            fail(f'states.json: {extra["code"]} is already in icc_states.csv')
        states.append({'code': extra['code'], 'name': extra['name']})
    for state in states:
        code = state['code']
        if len(code) != 2 or not code.isupper() or code in seen:
            fail(f'state code {code!r} is not a unique ISO 3166-1 alpha-2 code')
        seen.add(code)
        if code in no_group:
            if code in groups:
                fail(f'states.json: {code} is in a group and in no_group')
            no_group.discard(code)
            continue
        if code not in groups:
            fail(f'states.json: no UN regional group for {code}')
        state['group'] = groups.pop(code)
    if groups:
        fail(f'states.json: groups for unknown states {sorted(groups)}')
    if no_group:
        fail(f'states.json: no_group lists unknown states {sorted(no_group)}')
    states.sort(key=lambda s: (sort_key(s['name']), s['code']))
    return states


def sort_key(name):
    """Sorts "Türkiye" with "Turkmenistan", not after "Zimbabwe"."""
    decomposed = unicodedata.normalize('NFKD', name.casefold())
    return ''.join(c for c in decomposed if not unicodedata.combining(c))


# Membership events from icc_states.csv

def markers(notes):
    lower = notes.lower()
    found = []
    if 'unverified' in lower:
        found.append('unverified')
    if 'disputed' in lower:
        found.append('disputed')
    if 'single-source' in lower:
        found.append('single_source')
    return found


def certainty_for(row, kind, config):
    scope = config['certainty_scope'].get(row['iso2'], {})
    found = markers(row['notes'])
    result = 'confirmed'
    for marker in found:
        if marker in scope:
            applies = kind in scope[marker]
        elif marker == 'single_source':
            applies = True
        else:
            fail(f'icc_states.csv {row["iso2"]}: {marker} marker without a certainty_scope '
                 'in membership.json')
        if applies and CERTAINTIES.index(marker) > CERTAINTIES.index(result):
            result = marker
    for code, scoped in config['certainty_scope'].items():
        for marker in scoped:
            if code == row['iso2'] and marker not in found:
                fail(f'membership.json: certainty_scope {code}.{marker} but the row has no '
                     'such marker')
    return result


def membership_event(row, kind, date, config, title=None):
    code = row['iso2']
    event = {
        'id': f'{code.lower()}-{kind.replace("_", "-")}',
        'date': date,
        'kind': kind,
        'states': [code],
        'title': title or TITLES[kind].format(name=row['name']),
    }
    certainty = certainty_for(row, kind, config)
    if certainty != 'confirmed':
        event['certainty'] = certainty
        event['certainty_note'] = config.get('certainty_notes', {}).get(event['id'],
                                                                        row['notes'])
    event['sources'] = split_list(row['source'])
    return event


def build_membership(rows, config):
    events = []
    for row in rows:
        code = row['iso2']
        dates = {col: row[col] for col, _ in COLUMNS if row[col]}
        for d in dates.values():
            parse_day(d)
        if code in config['succession']:
            succ = config['succession'][code]
            if set(dates) != {'ratified_or_acceded', 'entry_into_force'} or \
               dates['entry_into_force'] >= dates['ratified_or_acceded']:
                fail(f'{code}: succession expects a notification after the date of effect')
            eif = dates['entry_into_force']
            events.append(membership_event(row, 'accession', eif, config, succ['title']))
            events.append(membership_event(row, 'entry_into_force', eif, config))
            events[-2]['summary'] = succ['summary']
            note = membership_event(row, 'accession', dates['ratified_or_acceded'], config,
                                    succ['notification_title'])
            note.update(id=succ['notification_id'], kind='other',
                        summary=succ['notification_summary'])
            events.append(note)
            continue
        if code in config['accession_withdrawn']:
            spec = config['accession_withdrawn'][code]
            if set(dates) != {'ratified_or_acceded', 'withdrawal_notified',
                              'withdrawal_effective'} or \
               dates['withdrawal_notified'] != dates['withdrawal_effective']:
                fail(f'{code}: accession_withdrawn expects one withdrawal date and no '
                     'entry into force')
            events.append(membership_event(row, 'accession', dates['ratified_or_acceded'],
                                           config))
            events.append(membership_event(row, 'withdrawal_effective',
                                           dates['withdrawal_effective'], config,
                                           spec['title']))
            continue
        if 'ratified_or_acceded' in dates and 'entry_into_force' not in dates:
            fail(f'{code}: deposit without entry into force')
        for col, kind in COLUMNS:
            if col not in dates:
                continue
            if kind == 'ratification' and 'signed' not in dates:
                kind = 'accession'
            events.append(membership_event(row, kind, dates[col], config))
    ids = [e['id'] for e in events]
    if len(ids) != len(set(ids)):
        fail('duplicate membership event ids')
    return events


# Court and political events from icc_events.csv

def build_other_events(rows, config, membership, state_codes):
    by_id = {e['id']: e for e in membership}
    entries = {}
    for entry in config['events']:
        if entry['ref'] in entries:
            fail(f'events.json: two entries for {entry["ref"]!r}')
        entries[entry['ref']] = entry
    events = []
    for n, row in enumerate(rows, start=2):
        ref = f'{row["date"]} {row["kind"]} {row["states"]}'
        where = f'icc_events.csv:{n}'
        entry = entries.pop(ref, None)
        if entry is None:
            fail(f'{where}: no entry in events.json with ref {ref!r}')
        precision = row['precision']
        if {'day': 3, 'month': 2, 'year': 1}.get(precision) != len(row['date'].split('-')):
            fail(f'{where}: date {row["date"]!r} does not have precision {precision!r}')
        check_partial_date(row['date'], where)
        states = split_list(row['states'])
        for code in states:
            if code not in state_codes:
                fail(f'{where}: unknown state {code}')
        sources = split_list(row['source'])
        unverified_row = row['title'].startswith('UNVERIFIED')
        if 'merge_into' in entry:
            target = by_id.get(entry['merge_into'])
            if target is None:
                fail(f'{where}: merge_into {entry["merge_into"]!r} is not a membership event')
            kinds = {row['kind']}
            if row['kind'] == 'ratification':
                kinds.add('accession')
            if target['date'] != row['date'] or target['states'] != states or \
               target['kind'] not in kinds:
                fail(f'{where}: does not match membership event {target["id"]}')
            if unverified_row and target.get('certainty') != 'unverified':
                fail(f'{where}: UNVERIFIED row merged into a certain event')
            if 'summary' in target:
                fail(f'{where}: {target["id"]} already has a summary')
            target['summary'] = entry['summary']
            for source in sources:
                if source not in target['sources']:
                    target['sources'].append(source)
            continue
        kind = row['kind']
        if 'kind' in entry and entry['kind'] != kind:
            if kind not in MEMBERSHIP_KINDS or entry['kind'] != 'other' or \
               not entry.get('kind_reason'):
                fail(f'{where}: kind may only change from a membership kind to "other", '
                     'with a kind_reason')
            kind = entry['kind']
        if kind in MEMBERSHIP_KINDS:
            fail(f'{where}: membership row must be merged or turned into "other"')
        if kind not in OTHER_KINDS:
            fail(f'{where}: unknown kind {kind!r}')
        event = {'id': entry['id'], 'date': row['date']}
        if 'end_date' in entry:
            check_partial_date(entry['end_date'], where)
            if date_key(entry['end_date']) < date_key(row['date']):
                fail(f'{where}: end_date before date')
            event['end_date'] = entry['end_date']
        event['kind'] = kind
        if states:
            event['states'] = states
        event['title'] = entry['title']
        event['summary'] = entry['summary']
        certainty = entry.get('certainty', 'confirmed')
        if certainty not in CERTAINTIES:
            fail(f'{where}: unknown certainty {certainty!r}')
        if unverified_row and certainty != 'unverified':
            fail(f'{where}: the reference marks this row UNVERIFIED')
        if certainty != 'confirmed':
            if not entry.get('certainty_note'):
                fail(f'{where}: certainty {certainty} needs a certainty_note')
            event['certainty'] = certainty
            event['certainty_note'] = entry['certainty_note']
        event['sources'] = sources
        events.append(event)
    if entries:
        fail(f'events.json: entries matching no icc_events.csv row: {sorted(entries)}')
    for event_id in config.get('certainty_notes', {}):
        target = by_id.get(event_id)
        if target is None or 'certainty' not in target:
            fail(f'membership.json: certainty note for {event_id}, not a membership event '
                 'that is less than confirmed')
    for event_id, summary in config.get('summaries', {}).items():
        target = by_id.get(event_id)
        if target is None:
            fail(f'membership.json: summary for unknown event {event_id}')
        if 'summary' in target:
            fail(f'membership.json: {event_id} already has a summary')
        target['summary'] = summary
    return events


# Articles

def build_article(spec, seeds_dir):
    with open(os.path.join(seeds_dir, spec['seed']), encoding='utf-8') as f:
        raw = f.read()
    lines = raw.split('\n')
    for line in spec['metadata_lines'] + spec['furniture_lines']:
        try:
            lines.remove(line)
        except ValueError:
            fail(f'article {spec["id"]}: line to remove not found: {line!r}')
    text = '\n'.join(lines)
    for debris in spec['debris']:
        if text.count(debris) != 1:
            fail(f'article {spec["id"]}: debris {debris!r} found {text.count(debris)} times')
        text = text.replace(debris, '')
    lines = [line.strip(' \t') for line in text.split('\n')]
    comments = spec.get('comments')
    if comments:
        if lines.count(comments['first_line']) != 1:
            fail(f'article {spec["id"]}: comments heading not found')
        i = lines.index(comments['first_line'])
        lines.insert(i, comments['label'])
    text = '\n\n'.join(line for line in lines if line)
    for leftover in ('[bookmark', 'Taboola', 'Related Content', '\r', '\t'):
        if leftover in text:
            fail(f'article {spec["id"]}: {leftover!r} left in the text')
    article = {'id': spec['id'], 'title': spec['title']}
    for key in ('outlet', 'author', 'url'):
        if key in spec:
            article[key] = spec[key]
    if 'date' in spec:
        check_partial_date(spec['date'], spec['id'])
        article['date'] = spec['date']
    article['text'] = text
    article['edit_note'] = spec['edit_note']
    return article


def anchor(citation, text, where):
    quote = citation['quote']
    folded = text.translate(FOLD)
    needle = quote.translate(FOLD)
    if not needle:
        fail(f'{where}: empty quote')
    starts = []
    i = folded.find(needle)
    while i >= 0:
        starts.append(i)
        i = folded.find(needle, i + 1)
    if 'prefix' in citation:
        prefix = citation['prefix'].translate(FOLD)
        starts = [s for s in starts if folded[:s].endswith(prefix)]
    if 'suffix' in citation:
        suffix = citation['suffix'].translate(FOLD)
        starts = [s for s in starts if folded[s + len(needle):].startswith(suffix)]
    if not starts:
        fail(f'{where}: quote not found in article {citation["article"]}: {quote!r}')
    if len(starts) > 1:
        fail(f'{where}: quote found {len(starts)} times in article {citation["article"]}; '
             f'give a prefix or suffix: {quote!r}')
    return starts[0], starts[0] + len(needle)


def build_citations(config, articles, events, comment_starts):
    """comment_starts: the offset at which each article's readers' comments begin
    (its length when it has none)."""
    by_article = {a['id']: a for a in articles}
    by_event = {e['id']: e for e in events}
    order = {a['id']: i for i, a in enumerate(articles)}
    seen = set()
    for n, spec in enumerate(config['citations']):
        where = f'citations.json: citations[{n}]'
        article = by_article.get(spec['article'])
        if article is None:
            fail(f'{where}: unknown article {spec["article"]!r}')
        event = by_event.get(spec['event'])
        if event is None:
            fail(f'{where}: unknown event {spec["event"]!r}')
        text = article['text']
        start, end = anchor(spec, text, where)
        stance = spec.get('stance', 'reports')
        if stance not in STANCES:
            fail(f'{where}: unknown stance {stance!r}')
        if stance == 'disputes' and not spec.get('note'):
            fail(f'{where}: a disputing citation needs a note')
        if start >= comment_starts[spec['article']] and \
           'reader' not in spec.get('note', '').lower():
            fail(f'{where}: a citation of a reader\'s comment needs a note that says so')
        key = (spec['event'], spec['article'], start, end)
        if key in seen:
            fail(f'{where}: duplicate citation')
        seen.add(key)
        citation = {'article': spec['article'], 'quote': text[start:end]}
        if start > 0:
            citation['prefix'] = text[max(0, start - CONTEXT):start]
        if end < len(text):
            citation['suffix'] = text[end:end + CONTEXT]
        citation['start'] = start
        citation['end'] = end
        if stance != 'reports':
            citation['stance'] = stance
        if spec.get('note'):
            citation['note'] = spec['note']
        if start >= comment_starts[spec['article']]:
            citation['part'] = 'comment'
        event.setdefault('citations', []).append(citation)
    for event in events:
        if 'citations' in event:
            # Readers' comments come after every passage of an article body, so that
            # a comment is never the citation an event shows first.
            event['citations'].sort(key=lambda c: (c['start'] >= comment_starts[c['article']],
                                                   order[c['article']], c['start'], c['end']))
    counts = {a['id']: 0 for a in articles}
    for event in events:
        for citation in event.get('citations', []):
            counts[citation['article']] += 1
    for article_id, count in counts.items():
        if count < 5:
            fail(f'article {article_id} has only {count} citations (at least 5 needed)')
    total = sum(counts.values())
    if total < 40:
        fail(f'only {total} citations (at least 40 needed)')
    return counts


# Checks of the world state

TRANSITIONS = {
    ('signature', 'none'): 'signatory',
    ('ratification', 'signatory'): 'ratified',
    ('accession', 'none'): 'ratified',
    ('entry_into_force', 'ratified'): 'party',
    ('withdrawal_notice', 'party'): 'withdrawing',
    ('withdrawal_revoked', 'withdrawing'): 'party',
    ('withdrawal_effective', 'withdrawing'): 'withdrawn',
    ('signature_withdrawn', 'signatory'): 'unsigned',
}


def dataset_histories(events, state_codes):
    """Applies FORMAT.md's transition table: per state, a list of (date, status)."""
    histories = {code: [] for code in state_codes}
    status = {code: 'none' for code in state_codes}
    before_deposit = {}
    membership = [e for e in events if e['kind'] in MEMBERSHIP_KINDS]
    membership.sort(key=lambda e: (date_key(e['date']), KIND_ORDER[e['kind']], e['id']))
    for event in membership:
        for code in event['states']:
            current = status[code]
            kind = event['kind']
            if kind == 'withdrawal_effective' and current == 'ratified':
                new = before_deposit[code]
            elif (kind, current) in TRANSITIONS:
                new = TRANSITIONS[(kind, current)]
            else:
                fail(f'event {event["id"]}: {kind} does not apply to a state that is '
                     f'{current}')
            if kind in ('ratification', 'accession'):
                before_deposit[code] = current
            status[code] = new
            histories[code].append((event['date'], new))
    return histories


def status_from_history(history, day):
    status = 'none'
    for date, new in history:
        if date <= day:
            status = new
    return status


def reference_status(row, day):
    """The state of a row on a day, by the reading rules of reference/README.md,
    independently of the events built above."""
    sig = row['signed']
    dep = row['ratified_or_acceded']
    eif = row['entry_into_force']
    notice = row['withdrawal_notified']
    effective = row['withdrawal_effective']
    revoked = row['withdrawal_revoked']
    unsigned = row['signature_withdrawn']

    def signature_status():
        if unsigned and day >= unsigned:
            return 'unsigned'
        if sig and day >= sig:
            return 'signatory'
        return 'none'

    if effective and day >= effective and (not revoked or revoked > effective):
        # Malaysia: an accession withdrawn before entry into force, as if never deposited.
        return 'withdrawn' if eif and eif <= effective else signature_status()
    if notice and day >= notice:
        return 'party' if revoked and day >= revoked else 'withdrawing'
    if eif and day >= eif:
        return 'party'
    if dep and day >= dep:
        return 'ratified'
    return signature_status()


def check_world(rows, histories, extra_codes):
    expectations = []
    for row in rows:
        code = row['iso2']
        days = sorted({row[col] for col, _ in COLUMNS if row[col]})
        for day in days:
            before = (parse_day(day) - datetime.timedelta(days=1)).isoformat()
            for d in (before, day):
                expected = reference_status(row, d)
                got = status_from_history(histories[code], d)
                if expected != got:
                    fail(f'{code} on {d}: the events give {got}, the reference {expected}')
                expectations.append((code, d, expected))
    for code in extra_codes:
        for d, _ in PARTIES_TABLE:
            if status_from_history(histories[code], d) != 'none':
                fail(f'{code} never signed but has a status')
            expectations.append((code, d, 'none'))
    for d, count in PARTIES_TABLE:
        ref = sum(1 for r in rows if reference_status(r, d) in ('party', 'withdrawing'))
        got = sum(1 for r in rows
                  if status_from_history(histories[r['iso2']], d) in ('party', 'withdrawing'))
        if ref != count or got != count:
            fail(f'States Parties on {d}: table {count}, reference rows {ref}, events {got}')
    return expectations


def check_eras_tours(eras, tours, events):
    ids = {e['id'] for e in events}
    for era in eras:
        check_partial_date(era['start'], era['id'])
        check_partial_date(era['end'], era['id'])
        if date_key(era['end']) < date_key(era['start']):
            fail(f'era {era["id"]}: end before start')
    for tour in tours:
        for step in tour['steps']:
            if step['event'] not in ids:
                fail(f'tour {tour["id"]}: unknown event {step["event"]}')
    russia = [t for t in tours if t['id'] == 'russia-2016']
    if not russia or not 8 <= len(russia[0]['steps']) <= 15:
        fail('the russia-2016 tour must exist and have 8 to 15 steps')


def strip_comments(items):
    return [{k: v for k, v in item.items() if k != 'comment'} for item in items]


def build(args):
    ref_dir = args.reference
    state_rows = read_csv(os.path.join(ref_dir, 'icc_states.csv'))
    event_rows = read_csv(os.path.join(ref_dir, 'icc_events.csv'))
    states_cfg = load_json(os.path.join(args.src, 'states.json'))
    membership_cfg = load_json(os.path.join(args.src, 'membership.json'))
    events_cfg = load_json(os.path.join(args.src, 'events.json'))
    articles_cfg = load_json(os.path.join(args.src, 'articles.json'))
    citations_cfg = load_json(args.citations or os.path.join(args.src, 'citations.json'))
    eras = strip_comments(load_json(os.path.join(args.src, 'eras.json'))['eras'])
    tours = load_json(os.path.join(args.src, 'tours.json'))['tours']

    states = build_states(state_rows, states_cfg)
    state_codes = [s['code'] for s in states]
    membership = build_membership(state_rows, membership_cfg)
    others = build_other_events(event_rows, events_cfg, membership, set(state_codes))
    others.extend(e for e in membership if e['kind'] not in MEMBERSHIP_KINDS)
    membership = [e for e in membership if e['kind'] in MEMBERSHIP_KINDS]
    for event in membership:
        event.setdefault('summary', None)
        if event['summary'] is None:
            del event['summary']
    events = membership + others
    ids = [e['id'] for e in events]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        fail(f'duplicate event ids: {dupes}')
    events.sort(key=lambda e: (date_key(e['date']), KIND_ORDER[e['kind']], e['id']))

    seeds_dir = os.path.join(args.src, 'seeds')
    articles = [build_article(spec, seeds_dir) for spec in articles_cfg['articles']]
    comment_starts = {}
    for spec, article in zip(articles_cfg['articles'], articles):
        label = spec.get('comments', {}).get('label')
        comment_starts[article['id']] = (article['text'].index(label) if label
                                         else len(article['text']))
    counts = build_citations(citations_cfg, articles, events, comment_starts)

    histories = dataset_histories(events, state_codes)
    extra_codes = [s['code'] for s in states_cfg['extra_states']]
    expectations = check_world(state_rows, histories, extra_codes)
    check_eras_tours(eras, tours, events)

    # Field order of FORMAT.md, for stable, readable output.
    event_keys = ('id', 'date', 'end_date', 'kind', 'states', 'title', 'summary', 'certainty',
                  'certainty_note', 'sources', 'citations')
    events = [{k: e[k] for k in event_keys if k in e and e[k] != []} for e in events]
    dataset = {
        'format': 'icc-tracker',
        'version': 1,
        'title': 'The Rome Statute and its States',
        'description': ('Every state that signed, ratified or acceded to the Rome Statute of '
                        'the International Criminal Court, with key court and political '
                        'events and five news articles on Russia\u2019s withdrawal of its '
                        'signature in November 2016. Built by tools/build-dataset.py from '
                        'the project\u2019s reference tables; see docs/DATASET.md.'),
        'articles': articles,
        'states': states,
        'events': events,
        'eras': eras,
        'tours': tours,
    }
    out = json.dumps(dataset, indent=2, ensure_ascii=False) + '\n'

    lines = ['# Expected status of each state on each date of the reference table',
             '# (data/dataset/src/reference/icc_states.csv) and on the day before, by the',
             '# reading rules of its README, computed independently of the dataset events.',
             '# Generated by tools/build-dataset.py; do not edit.',
             '# CODE DATE STATUS']
    lines += [f'{c} {d} {s}' for c, d, s in expectations]
    expect_out = '\n'.join(lines) + '\n'

    n_citations = sum(counts.values())
    summary = (f'{len(states)} states, {len(events)} events '
               f'({len(membership)} membership), {len(articles)} articles, '
               f'{n_citations} citations, {len(expectations)} status checks')
    return out, expect_out, summary


def write(path, data):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8', newline='\n') as f:
        f.write(data)
    os.replace(tmp, path)


def main(argv=None):
    parser = argparse.ArgumentParser(description='Build the bundled ICC Tracker dataset.')
    parser.add_argument('--reference', default=os.path.join(SRC, 'reference'),
                        help='directory of icc_states.csv and icc_events.csv '
                             '(default: the copy in data/dataset/src/reference)')
    parser.add_argument('--src', default=SRC, help='hand-written inputs (default: %(default)s)')
    parser.add_argument('--citations', help='citations file (default: SRC/citations.json)')
    parser.add_argument('--output', default=os.path.join(ROOT, 'data', 'dataset',
                                                         'icc-tracker.json'))
    parser.add_argument('--expectations', default=os.path.join(ROOT, 'tests', 'data',
                                                               'reference-status.txt'))
    args = parser.parse_args(argv)
    try:
        out, expect_out, summary = build(args)
    except BuildError as e:
        print(f'build-dataset: error: {e}', file=sys.stderr)
        return 1
    write(args.output, out)
    write(args.expectations, expect_out)
    print(f'build-dataset: {summary}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
