#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Converts Natural Earth's countries (the npm package world-atlas) into
data/map/world.map, the map's geometry in the Equal Earth projection.

Run once, by hand, when the source changes; the output is committed and
compiled into the binary. Nothing is downloaded at build or run time:

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    tools/make-world-map.py /tmp/package/countries-50m.json data/map/world.map

Standard library only. See docs/MAP.md for the choices and the file format.
"""

import argparse
import json
import math
import struct
import sys

ISO_CODES_JSON = '/usr/share/iso-codes/json/iso_3166-1.json'

# Equal Earth (Šavrič, Patterson & Jenny 2018), on the unit sphere.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2

# Projected units (unit sphere) per step of the int16 coordinates: the map is
# 2 × 2.7066 units wide, so x spans ±32480.
UNITS_PER_STEP = 1 / 12000

# Douglas-Peucker tolerance in projected units: 0.25 px on a 1280 px wide
# world, 1 px when zoomed in 4 times.
TOLERANCE = 0.001

# Features of Natural Earth without an ISO 3166-1 numeric id, or with one
# that is not a state's (see docs/MAP.md).
MERGE_BY_NAME = {
    'Somaliland': 'SO',         # part of Somalia for the UN and the dataset
    'N. Cyprus': 'CY',          # part of Cyprus for the UN and the dataset
    'Indian Ocean Ter.': 'AU',  # Christmas and Cocos Islands: Australian
    'Kosovo': 'XK',             # not in ISO 3166-1; the code in common use
    'Siachen Glacier': None,    # disputed by India and Pakistan: left blank
}

# States of the dataset that Natural Earth's 50m countries leave out: a dot at
# (longitude, latitude).
EXTRA_DOTS = {
    'TV': (179.19, -8.52),      # Tuvalu (Funafuti)
}


def project(lon, lat):
    lam = math.radians(lon)
    phi = math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def decode_arcs(topo):
    """The arcs in longitude and latitude, undoing TopoJSON's quantization
    and delta encoding."""
    sx, sy = topo['transform']['scale']
    tx, ty = topo['transform']['translate']
    arcs = []
    for arc in topo['arcs']:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify_arc(arc):
    """The arc with the points Douglas-Peucker keeps in projected space."""
    projected = [project(*p) for p in arc]
    kept = set(simplify(list(zip(projected, range(len(arc))))))
    return [arc[i] for i in sorted(kept)]


def clip(ring, keep):
    """Sutherland-Hodgman: the part of @ring where keep(lon) holds, cut
    along the antimeridian."""
    out = []
    for i in range(len(ring)):
        a, b = ring[i - 1], ring[i]
        if keep(b[0]):
            if not keep(a[0]):
                out.append(cross(a, b))
            out.append(b)
        elif keep(a[0]):
            out.append(cross(a, b))
    return out


def cross(a, b):
    edge = 180 if max(a[0], b[0]) > 180 else -180
    t = (edge - a[0]) / (b[0] - a[0])
    return edge, a[1] + t * (b[1] - a[1])


def split_antimeridian(ring):
    """Natural Earth's rings that cross the antimeridian (Chukotka, Wrangel
    Island, Fiji) or go round a pole (Antarctica), as rings inside
    -180…180 (d3-geo cuts them when it draws; we cut them once here)."""
    if all(abs(ring[i][0] - ring[i - 1][0]) <= 180 for i in range(1, len(ring))):
        return [ring]
    unwrapped = [ring[0]]
    for lon, lat in ring[1:]:
        prev = unwrapped[-1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        unwrapped.append((lon, lat))
    if abs(unwrapped[-1][0] - unwrapped[0][0]) > 180:
        # Round a pole: close the ring along it.
        pole = 90 if sum(lat for _, lat in ring) > 0 else -90
        unwrapped += [(unwrapped[-1][0], pole), (unwrapped[0][0], pole)]
    parts = []
    for offset in (-360, 0, 360):
        shifted = [(lon + offset, lat) for lon, lat in unwrapped]
        part = clip(clip(shifted, lambda lon: lon <= 180), lambda lon: lon >= -180)
        if len(part) >= 3:
            parts.append(part)
    return parts


def simplify(points):
    """Douglas-Peucker over (point, tag) pairs, keeping both ends (arcs are
    shared by neighbours, so simplifying arcs keeps their common borders
    identical); returns the kept tags."""
    if len(points) < 3:
        return [t for _, t in points]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = points[first][0]
        bx, by = points[last][0]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        best, best_i = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i][0]
            if length == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / length
            if d > best:
                best, best_i = d, i
        if best > TOLERANCE:
            keep[best_i] = True
            stack.append((first, best_i))
            stack.append((best_i, last))
    return [t for (_, t), k in zip(points, keep) if k]


def ring_points(arcs, ring):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def quantize(points):
    out = []
    for lon, lat in points:
        x, y = project(lon, lat)
        q = (round(x / UNITS_PER_STEP), round(-y / UNITS_PER_STEP))  # y down
        if not out or out[-1] != q:
            out.append(q)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def signed_area(ring):
    a = 0
    for i in range(len(ring)):
        x0, y0 = ring[i - 1]
        x1, y1 = ring[i]
        a += x0 * y1 - x1 * y0
    return a / 2


def centroid(ring):
    a = cx = cy = 0
    for i in range(len(ring)):
        x0, y0 = ring[i - 1]
        x1, y1 = ring[i]
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if a == 0:
        return ring[0]
    return cx / (3 * a), cy / (3 * a)


def inside(rings, x, y):
    """Even-odd rule over all rings of a state."""
    result = False
    for ring in rings:
        j = len(ring) - 1
        for i in range(len(ring)):
            xi, yi = ring[i]
            xj, yj = ring[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                result = not result
            j = i
    return result


def label_point(rings):
    """A point inside the state: the centroid of its largest ring when it is
    inside, else the middle of the widest inside span on the centroid's row."""
    largest = max(rings, key=lambda r: abs(signed_area(r)))
    cx, cy = centroid(largest)
    if inside(rings, cx, cy):
        return round(cx), round(cy)
    for dy in range(0, 2000, 20):
        for y in (cy + dy + 0.5, cy - dy + 0.5):
            xs = []
            for ring in rings:
                j = len(ring) - 1
                for i in range(len(ring)):
                    xi, yi = ring[i]
                    xj, yj = ring[j]
                    if (yi > y) != (yj > y):
                        xs.append((xj - xi) * (y - yi) / (yj - yi) + xi)
                    j = i
            xs.sort()
            spans = [(xs[k], xs[k + 1]) for k in range(0, len(xs) - 1, 2)]
            if spans:
                a, b = max(spans, key=lambda s: s[1] - s[0])
                return round((a + b) / 2), round(y)
    return round(cx), round(cy)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('topojson', help="world-atlas's countries-50m.json")
    parser.add_argument('output', help='data/map/world.map')
    args = parser.parse_args()

    with open(args.topojson, encoding='utf-8') as f:
        topo = json.load(f)
    with open(ISO_CODES_JSON, encoding='utf-8') as f:
        numeric = {e['numeric']: e['alpha_2'] for e in json.load(f)['3166-1']}

    raw_arcs = decode_arcs(topo)
    arcs = [simplify_arc(arc) for arc in raw_arcs]
    states = {}
    for geometry in topo['objects']['countries']['geometries']:
        name = geometry['properties']['name']
        if name in MERGE_BY_NAME:
            code = MERGE_BY_NAME[name]
        else:
            code = numeric.get(geometry.get('id'))
        if code is None:
            print(f'skipped: {name} (id {geometry.get("id")})', file=sys.stderr)
            continue
        if geometry['type'] == 'Polygon':
            polygons = [geometry['arcs']]
        elif geometry['type'] == 'MultiPolygon':
            polygons = geometry['arcs']
        else:
            continue
        for polygon in polygons:
            for ring in polygon:
                parts = [quantize(p) for p in split_antimeridian(ring_points(arcs, ring))]
                if not any(len(q) >= 3 and signed_area(q) != 0 for q in parts):
                    # An island smaller than the tolerance: kept whole.
                    parts = [quantize(p)
                             for p in split_antimeridian(ring_points(raw_arcs, ring))]
                for q in parts:
                    if len(q) >= 3 and signed_area(q) != 0:
                        states.setdefault(code, []).append(q)

    for code, (lon, lat) in EXTRA_DOTS.items():
        if code not in states:
            states[code] = None

    n_rings = sum(len(r) for r in states.values() if r)
    n_points = sum(len(ring) for r in states.values() if r for ring in r)

    header = struct.pack('<8sIIIf', b'ICCMAP\x00\x01', len(states), n_rings, n_points,
                         UNITS_PER_STEP)
    table = b''
    ring_table = b''
    point_data = b''
    first_ring = 0
    first_point = 0
    for code in sorted(states):
        rings = states[code]
        if rings is None:
            x, y = project(*EXTRA_DOTS[code])
            cx, cy = round(x / UNITS_PER_STEP), round(-y / UNITS_PER_STEP)
            bbox = (cx, cy, cx, cy)
            area = 0.0
            rings = []
        else:
            xs = [p[0] for r in rings for p in r]
            ys = [p[1] for r in rings for p in r]
            bbox = (min(xs), min(ys), max(xs), max(ys))
            cx, cy = label_point(rings)
            # Holes wind the other way: the sum of signed areas is the area.
            area = abs(sum(signed_area(r) for r in rings)) * UNITS_PER_STEP ** 2
        table += struct.pack('<2sHIIhhhhhhf', code.encode('ascii'), 0, first_ring, len(rings),
                             cx, cy, *bbox, area)
        for ring in rings:
            ring_table += struct.pack('<II', first_point, len(ring))
            point_data += b''.join(struct.pack('<hh', x, y) for x, y in ring)
            first_point += len(ring)
        first_ring += len(rings)

    with open(args.output, 'wb') as f:
        f.write(header + table + ring_table + point_data)
    print(f'{args.output}: {len(states)} states, {n_rings} rings, {n_points} points',
          file=sys.stderr)


if __name__ == '__main__':
    main()
