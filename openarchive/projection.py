"""The Equal Earth projection (Šavrič, Patterson and Jenny, 2018), in the world map's viewBox units.

Equal-area, so no country looks bigger than it is, and its outline is a rounded rectangle that
fills a page column. The map is cut below 56° S: Antarctica hosts no conference, and leaving it
out gives the other continents a fifth more room.
"""

import math

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
# x reaches ±2.70663 on the unit sphere; the map is WIDTH units across.
WIDTH = 800
SCALE = WIDTH / (2 * 2.706629)
NORTH, SOUTH = 84.0, -56.0


def _unit(longitude, latitude):
    theta = math.asin(M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = math.radians(longitude) * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


TOP = _unit(0, NORTH)[1] * SCALE
HEIGHT = round(TOP - _unit(0, SOUTH)[1] * SCALE)


def project(longitude, latitude):
    """(x, y) in viewBox units: x from 0 at 180° W to WIDTH at 180° E, y from 0 at 84° N down."""
    x, y = _unit(longitude, latitude)
    return WIDTH / 2 + x * SCALE, TOP - y * SCALE
