"""Which notice scheme a hand-picked background colour stands for.

Editors of the Hugo site typed any colour; the Wagtail site offers four vetted
schemes, so each colour maps to the scheme whose background is nearest to it.
"""

import re

SCHEME_BACKGROUNDS = {
    "highlight": (0xFD, 0xEB, 0xD0),
    "panel": (0xEE, 0xEE, 0xEE),
    "info": (0xE3, 0xEF, 0xFA),
    "alert": (0xFB, 0xE3, 0xE1),
}
NAMED_COLOURS = {
    "aliceblue": "#f0f8ff",
    "antiquewhite": "#faebd7",
    "beige": "#f5f5dc",
    "bisque": "#ffe4c4",
    "blanchedalmond": "#ffebcd",
    "cornsilk": "#fff8dc",
    "gainsboro": "#dcdcdc",
    "gray": "#808080",
    "grey": "#808080",
    "honeydew": "#f0fff0",
    "lavender": "#e6e6fa",
    "lavenderblush": "#fff0f5",
    "lightblue": "#add8e6",
    "lightcyan": "#e0ffff",
    "lightgray": "#d3d3d3",
    "lightgrey": "#d3d3d3",
    "lightpink": "#ffb6c1",
    "lightyellow": "#ffffe0",
    "linen": "#faf0e6",
    "mistyrose": "#ffe4e1",
    "moccasin": "#ffe4b5",
    "oldlace": "#fdf5e6",
    "orange": "#ffa500",
    "papayawhip": "#ffefd5",
    "peachpuff": "#ffdab9",
    "pink": "#ffc0cb",
    "red": "#ff0000",
    "seashell": "#fff5ee",
    "silver": "#c0c0c0",
    "whitesmoke": "#f5f5f5",
    "yellow": "#ffff00",
    "blue": "#0000ff",
    "green": "#008000",
    "white": "#ffffff",
}
NO_COLOUR = {"none", "transparent", "inherit", "initial", "unset", "currentcolor"}
HEX = re.compile(r"#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})\b", re.IGNORECASE)
RGB = re.compile(r"rgba?\(\s*([\d.]+%?)\s*,?\s*([\d.]+%?)\s*,?\s*([\d.]+%?)", re.IGNORECASE)
DECLARATION = re.compile(r"(?:^|;)\s*(background(?:-color)?)\s*:\s*([^;]+)", re.IGNORECASE)


def background_colour(style):
    """The (r, g, b) background an inline style sets, or None (none, transparent, white)."""
    for _, value in DECLARATION.findall(style or ""):
        colour = parse_colour(value)
        if colour and colour != (255, 255, 255):
            return colour
    return None


def parse_colour(value):
    text = value.strip().lower()
    if match := HEX.search(text):
        return _hex(match.group(1))
    if match := RGB.search(text):
        return tuple(_channel(part) for part in match.groups())
    for word in re.findall(r"[a-z]+", text):
        if word in NO_COLOUR:
            return None
        if word in NAMED_COLOURS:
            return _hex(NAMED_COLOURS[word][1:])
    return None


def _hex(digits):
    if len(digits) in (3, 4):
        digits = "".join(digit * 2 for digit in digits[:3])
    return tuple(int(digits[index : index + 2], 16) for index in (0, 2, 4))


def _channel(part):
    if part.endswith("%"):
        return round(min(float(part[:-1]), 100) * 2.55)
    return min(round(float(part)), 255)


def nearest_scheme(colour):
    return min(SCHEME_BACKGROUNDS, key=lambda name: _distance(SCHEME_BACKGROUNDS[name], colour))


def _distance(first, second):
    return sum((a - b) ** 2 for a, b in zip(first, second, strict=True))
