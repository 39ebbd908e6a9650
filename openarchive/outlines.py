"""Countries' outlines as SVG path data, from a TopoJSON atlas (world-atlas: Natural Earth 1:110m).

Used by `manage.py draw_world_map` only, never on a request. Each arc (a stretch of border that
TopoJSON stores once, whichever countries share it) is projected, then simplified with
Douglas–Peucker, so that neighbours keep one common border; points are rounded to whole viewBox
units and written as relative moves, which keeps the file small.
"""

import math

from .projection import HEIGHT, SOUTH, project

# Antarctica (ISO 3166 numeric 010) lies wholly below the map's southern edge.
LEFT_OUT = {"010"}


def country_paths(atlas, tolerance=0.7):
    """[{"id", "name", "d"}] for each country of the atlas with anything left to draw."""
    raw = list(_arcs(atlas))
    arcs = [_simplify(_projected(arc), tolerance) for arc in raw]
    countries = []
    for geometry in atlas["objects"]["countries"]["geometries"]:
        if geometry.get("id") in LEFT_OUT or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = []
        for indices in (indices for polygon in polygons for indices in polygon):
            ring = _ring(raw, indices)
            if _crosses_antimeridian(ring):
                # Cut into a piece each side of 180°, else it would be drawn as a band across the map.
                rings += [_simplify(_projected(piece + piece[:1]), tolerance) for piece in _cut(ring)]
            else:
                rings.append(_ring(arcs, indices))
        d = "".join(_path(ring) for ring in rings)
        if d:
            countries.append({"id": geometry.get("id", ""), "name": geometry["properties"]["name"], "d": d})
    return countries


def _projected(points):
    return [project(lon, max(lat, SOUTH)) for lon, lat in points]


def _crosses_antimeridian(ring):
    return any(abs(b[0] - a[0]) > 180 for a, b in zip(ring, ring[1:], strict=False))


def _cut(ring):
    """The pieces of a closed ring either side of 180°, each ending on the meridian where it began."""
    pieces, piece = [], [ring[0]]
    for a, b in zip(ring, ring[1:], strict=False):
        if abs(b[0] - a[0]) > 180:
            side = 180 if a[0] > 0 else -180
            b_lon = b[0] + 2 * side  # b as seen from a's side
            run = b_lon - a[0]
            latitude = a[1] + (b[1] - a[1]) * (side - a[0]) / run if run else a[1]
            piece.append((side, latitude))
            pieces.append(piece)
            piece = [(-side, latitude)]
        piece.append(b)
    # The ring's last stretch continues its first one, on the same side.
    pieces[0] = piece[:-1] + pieces[0]
    return pieces


def _arcs(atlas):
    """The atlas's arcs as (longitude, latitude) points, undoing its quantisation and delta coding."""
    (sx, sy), (tx, ty) = atlas["transform"]["scale"], atlas["transform"]["translate"]
    for arc in atlas["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        yield points


def _ring(arcs, indices):
    points = []
    for index in indices:
        # A negative index is the arc ~index walked backwards.
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _simplify(points, tolerance):
    if len(points) < 3:
        return points
    if points[0] == points[-1]:
        # A closed arc (an island) has no chord to measure from: split it at its farthest point.
        far = max(range(len(points)), key=lambda i: math.dist(points[0], points[i]))
        return _douglas_peucker(points[: far + 1], tolerance)[:-1] + _douglas_peucker(points[far:], tolerance)
    return _douglas_peucker(points, tolerance)


def _douglas_peucker(points, tolerance):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_at = 0.0, None
        for index in range(first + 1, last):
            distance = _distance_to_chord(points[index], points[first], points[last])
            if distance > worst:
                worst, worst_at = distance, index
        if worst_at is not None and worst > tolerance:
            keep[worst_at] = True
            stack += [(first, worst_at), (worst_at, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _distance_to_chord(point, start, end):
    (px, py), (ax, ay), (bx, by) = point, start, end
    length = math.hypot(bx - ax, by - ay)
    if length == 0:
        return math.hypot(px - ax, py - ay)
    return abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length


def _path(ring):
    """One closed subpath in whole units, or "" when the ring shrinks to less than a triangle."""
    points = []
    for x, y in ring:
        point = (round(x), round(min(y, HEIGHT)))
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    if len(points) < 3:
        return ""
    moves = [f"M{points[0][0]} {points[0][1]}"]
    moves += [_relative(b, a) for a, b in zip(points, points[1:], strict=False)]
    return moves[0] + "l" + "".join(moves[1:]).lstrip() + "z"


def _relative(point, previous):
    dx, dy = point[0] - previous[0], point[1] - previous[1]
    # SVG needs no space before a minus sign.
    return (f" {dx}" if dx >= 0 else f"{dx}") + (f" {dy}" if dy >= 0 else f"{dy}")
