"""Named colormaps for rendering single-band results, without matplotlib.

The ``jpeg`` task colourises a single-band result (an index, one expression) with the request's
``colormap``, in ``colors_limit`` classes when asked; the dock shows index layers with the same
ramps. QGIS does not always ship matplotlib, so the colours live here, as a few control points
per map (position 0..1, red, green, blue 0..255), linearly interpolated.

The control points were taken once from matplotlib 3.6's 256-entry tables: for each map, the
fewest points (chosen among the table's 256 positions and the map's own break points) such that
linear interpolation at the 256 positions differs from matplotlib's table, rounded to 0..255, by
at most 2 units in any channel (the worst figure for each map is in the comment beside it).
A reversed map is the exact mirror of its map; against matplotlib's own ``_r`` tables it is
within 3 units (twilight_r: matplotlib samples its 510-entry twilight off-centre). matplotlib is
not imported here, nor needed; tests/test_colormaps.py checks these bounds where it is installed.

Sources of the colours:

- viridis, magma, inferno, plasma: matplotlib's perceptually uniform maps by Nathaniel J. Smith,
  Stéfan van der Walt and (viridis) Eric Firing, released under CC0 (public domain);
  cividis (Nuñez, Anderton and Renslow, 2018) and twilight (Bastian Bechtold) as matplotlib
  ships them; turbo by Anton Mikhailov, Copyright 2019 Google LLC, Apache License 2.0.
- RdYlGn, Spectral, RdYlBu, RdBu, BrBG, PiYG, PRGn, PuOr, RdGy and the sequential YlGn ... PuRd:
  ColorBrewer schemes by Cynthia Brewer (https://colorbrewer2.org/), Apache-style licence
  (matplotlib's LICENSE_COLORBREWER), interpolated as matplotlib does.
- terrain, jet, gray, hot, coolwarm (Kenneth Moreland's diverging map), rainbow, ocean,
  gist_earth (Yorick, BSD-style licence), bwr, seismic: as matplotlib defines them.

Every name also exists reversed, with the suffix ``_r`` (``RdYlGn_r``); names are looked up
case-insensitively (``rdylgn`` is ``RdYlGn``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np

from .errors import RequestError
from .i18n import tr

# One control point: (position 0..1, red, green, blue), the colours 0..255.
_ControlPoints = tuple[tuple[float, int, int, int], ...]

# fmt: off
_PERCEPTUALLY_UNIFORM: dict[str, _ControlPoints] = {
    "viridis": (  # 11 stops, max deviation 2
        (0.0, 68, 1, 84), (0.0667, 72, 26, 108), (0.1373, 70, 48, 126), (0.2588, 58, 84, 140), (0.5176, 31, 148, 140),
        (0.6, 34, 168, 132), (0.6667, 53, 183, 121), (0.7725, 105, 205, 91), (0.9137, 197, 224, 33),
        (0.9569, 226, 228, 24), (1.0, 253, 231, 37),
    ),
    "magma": (  # 12 stops, max deviation 2
        (0.0, 0, 0, 4), (0.0196, 2, 2, 11), (0.0902, 18, 13, 49), (0.1647, 44, 17, 95), (0.2196, 68, 15, 118),
        (0.3098, 104, 28, 129), (0.4588, 165, 49, 126), (0.5922, 219, 71, 106), (0.6784, 243, 101, 92),
        (0.7529, 252, 137, 97), (0.8549, 254, 185, 127), (1.0, 252, 253, 191),
    ),
    "inferno": (  # 15 stops, max deviation 2
        (0.0, 0, 0, 4), (0.0196, 2, 2, 12), (0.0745, 14, 9, 43), (0.1451, 41, 11, 85), (0.1961, 64, 10, 103),
        (0.2784, 98, 20, 110), (0.3961, 146, 37, 104), (0.5176, 193, 58, 80), (0.6392, 231, 94, 46),
        (0.749, 249, 140, 10), (0.7882, 252, 159, 7), (0.8353, 251, 182, 26), (0.902, 246, 215, 70),
        (0.9569, 241, 241, 121), (1.0, 252, 255, 164),
    ),
    "plasma": (  # 11 stops, max deviation 2
        (0.0, 13, 8, 135), (0.0196, 27, 6, 141), (0.0902, 62, 4, 156), (0.2039, 108, 0, 168), (0.2784, 136, 8, 166),
        (0.3961, 176, 41, 145), (0.5804, 221, 94, 102), (0.7569, 249, 151, 63), (0.8902, 253, 202, 38),
        (0.9765, 243, 238, 39), (1.0, 240, 249, 33),
    ),
    "cividis": (  # 12 stops, max deviation 2
        (0.0, 0, 34, 78), (0.0706, 0, 47, 109), (0.0902, 1, 50, 113), (0.1098, 18, 53, 112), (0.1529, 38, 61, 110),
        (0.2745, 73, 83, 108), (0.4706, 118, 118, 118), (0.5922, 146, 141, 120), (0.7804, 195, 179, 105),
        (0.9176, 233, 211, 78), (0.9843, 253, 227, 52), (1.0, 254, 232, 56),
    ),
    "turbo": (  # 20 stops, max deviation 2
        (0.0, 48, 18, 59), (0.0431, 60, 50, 134), (0.0863, 68, 81, 191), (0.1255, 70, 107, 227),
        (0.1686, 70, 135, 251), (0.2039, 61, 158, 254), (0.2471, 42, 185, 238), (0.302, 24, 215, 202),
        (0.3373, 28, 230, 180), (0.3725, 47, 241, 155), (0.4353, 105, 253, 102), (0.4863, 153, 254, 66),
        (0.5294, 183, 247, 53), (0.6, 225, 221, 55), (0.6627, 249, 188, 57), (0.7255, 254, 147, 42),
        (0.7961, 241, 93, 19), (0.8549, 220, 59, 7), (0.9294, 178, 26, 1), (1.0, 122, 4, 3),
    ),
    "twilight": (  # 19 stops, max deviation 2
        (0.0, 226, 217, 226), (0.0431, 208, 212, 217), (0.1333, 142, 177, 197), (0.1961, 110, 146, 192),
        (0.2667, 96, 108, 184), (0.3333, 94, 67, 165), (0.3765, 89, 41, 142), (0.4039, 82, 28, 121),
        (0.451, 63, 18, 81), (0.4941, 49, 19, 57), (0.5176, 52, 18, 56), (0.5765, 84, 21, 70), (0.6392, 126, 34, 80),
        (0.702, 160, 61, 80), (0.7725, 185, 100, 86), (0.8275, 197, 134, 106), (0.8863, 206, 171, 146),
        (0.9608, 221, 209, 209), (1.0, 226, 217, 226),
    ),
}

_COLORBREWER_DIVERGING: dict[str, _ControlPoints] = {
    "RdYlGn": (  # 11 stops, max deviation 0
        (0.0, 165, 0, 38), (0.1, 215, 48, 39), (0.2, 244, 109, 67), (0.3, 253, 174, 97), (0.4, 254, 224, 139),
        (0.5, 255, 255, 191), (0.6, 217, 239, 139), (0.7, 166, 217, 106), (0.8, 102, 189, 99), (0.9, 26, 152, 80),
        (1.0, 0, 104, 55),
    ),
    "Spectral": (  # 11 stops, max deviation 0
        (0.0, 158, 1, 66), (0.1, 213, 62, 79), (0.2, 244, 109, 67), (0.3, 253, 174, 97), (0.4, 254, 224, 139),
        (0.5, 255, 255, 191), (0.6, 230, 245, 152), (0.7, 171, 221, 164), (0.8, 102, 194, 165), (0.9, 50, 136, 189),
        (1.0, 94, 79, 162),
    ),
    "RdYlBu": (  # 11 stops, max deviation 0
        (0.0, 165, 0, 38), (0.1, 215, 48, 39), (0.2, 244, 109, 67), (0.3, 253, 174, 97), (0.4, 254, 224, 144),
        (0.5, 255, 255, 191), (0.6, 224, 243, 248), (0.7, 171, 217, 233), (0.8, 116, 173, 209), (0.9, 69, 117, 180),
        (1.0, 49, 54, 149),
    ),
    "RdBu": (  # 11 stops, max deviation 0
        (0.0, 103, 0, 31), (0.1, 178, 24, 43), (0.2, 214, 96, 77), (0.3, 244, 165, 130), (0.4, 253, 219, 199),
        (0.5, 247, 247, 247), (0.6, 209, 229, 240), (0.7, 146, 197, 222), (0.8, 67, 147, 195), (0.9, 33, 102, 172),
        (1.0, 5, 48, 97),
    ),
    "BrBG": (  # 11 stops, max deviation 0
        (0.0, 84, 48, 5), (0.1, 140, 81, 10), (0.2, 191, 129, 45), (0.3, 223, 194, 125), (0.4, 246, 232, 195),
        (0.5, 245, 245, 245), (0.6, 199, 234, 229), (0.7, 128, 205, 193), (0.8, 53, 151, 143), (0.9, 1, 102, 94),
        (1.0, 0, 60, 48),
    ),
    "PiYG": (  # 11 stops, max deviation 0
        (0.0, 142, 1, 82), (0.1, 197, 27, 125), (0.2, 222, 119, 174), (0.3, 241, 182, 218), (0.4, 253, 224, 239),
        (0.5, 247, 247, 247), (0.6, 230, 245, 208), (0.7, 184, 225, 134), (0.8, 127, 188, 65), (0.9, 77, 146, 33),
        (1.0, 39, 100, 25),
    ),
    "PRGn": (  # 11 stops, max deviation 0
        (0.0, 64, 0, 75), (0.1, 118, 42, 131), (0.2, 153, 112, 171), (0.3, 194, 165, 207), (0.4, 231, 212, 232),
        (0.5, 247, 247, 247), (0.6, 217, 240, 211), (0.7, 166, 219, 160), (0.8, 90, 174, 97), (0.9, 27, 120, 55),
        (1.0, 0, 68, 27),
    ),
    "PuOr": (  # 11 stops, max deviation 0
        (0.0, 127, 59, 8), (0.1, 179, 88, 6), (0.2, 224, 130, 20), (0.3, 253, 184, 99), (0.4, 254, 224, 182),
        (0.5, 247, 247, 247), (0.6, 216, 218, 235), (0.7, 178, 171, 210), (0.8, 128, 115, 172), (0.9, 84, 39, 136),
        (1.0, 45, 0, 75),
    ),
    "RdGy": (  # 9 stops, max deviation 2
        (0.0, 103, 0, 31), (0.1, 178, 24, 43), (0.2, 214, 96, 77), (0.3, 244, 165, 130), (0.4, 253, 219, 199),
        (0.5, 255, 255, 255), (0.6, 224, 224, 224), (0.698, 187, 187, 187), (1.0, 26, 26, 26),
    ),
}

_COLORBREWER_SEQUENTIAL: dict[str, _ControlPoints] = {
    "YlGn": (  # 9 stops, max deviation 0
        (0.0, 255, 255, 229), (0.125, 247, 252, 185), (0.25, 217, 240, 163), (0.375, 173, 221, 142),
        (0.5, 120, 198, 121), (0.625, 65, 171, 93), (0.75, 35, 132, 67), (0.875, 0, 104, 55), (1.0, 0, 69, 41),
    ),
    "YlGnBu": (  # 9 stops, max deviation 0
        (0.0, 255, 255, 217), (0.125, 237, 248, 177), (0.25, 199, 233, 180), (0.375, 127, 205, 187),
        (0.5, 65, 182, 196), (0.625, 29, 145, 192), (0.75, 34, 94, 168), (0.875, 37, 52, 148), (1.0, 8, 29, 88),
    ),
    "Greens": (  # 7 stops, max deviation 2
        (0.0, 247, 252, 245), (0.1137, 231, 246, 226), (0.2941, 186, 227, 179), (0.4784, 124, 200, 124),
        (0.6118, 70, 174, 96), (0.8667, 2, 111, 46), (1.0, 0, 68, 27),
    ),
    "Blues": (  # 8 stops, max deviation 1
        (0.0, 247, 251, 255), (0.2431, 199, 220, 239), (0.3608, 163, 204, 227), (0.4824, 114, 178, 216),
        (0.5961, 75, 152, 202), (0.7294, 38, 118, 184), (0.8706, 9, 82, 157), (1.0, 8, 48, 107),
    ),
    "Reds": (  # 8 stops, max deviation 2
        (0.0, 255, 245, 240), (0.1216, 254, 225, 211), (0.302, 252, 170, 141), (0.4667, 251, 117, 85),
        (0.6078, 241, 65, 48), (0.7412, 206, 26, 30), (0.8627, 169, 16, 22), (1.0, 103, 0, 13),
    ),
    "Greys": (  # 6 stops, max deviation 2
        (0.0, 255, 255, 255), (0.1176, 241, 241, 241), (0.3412, 197, 197, 197), (0.7255, 88, 88, 88),
        (0.8157, 58, 58, 58), (1.0, 0, 0, 0),
    ),
    "Oranges": (  # 9 stops, max deviation 0
        (0.0, 255, 245, 235), (0.125, 254, 230, 206), (0.25, 253, 208, 162), (0.375, 253, 174, 107),
        (0.5, 253, 141, 60), (0.625, 241, 105, 19), (0.75, 217, 72, 1), (0.875, 166, 54, 3), (1.0, 127, 39, 4),
    ),
    "Purples": (  # 5 stops, max deviation 2
        (0.0, 252, 251, 253), (0.125, 239, 237, 245), (0.25, 218, 218, 235), (0.6, 134, 131, 189), (1.0, 63, 0, 125),
    ),
    "YlOrRd": (  # 8 stops, max deviation 1
        (0.0, 255, 255, 204), (0.2431, 254, 218, 120), (0.3686, 254, 180, 78), (0.4941, 253, 143, 61),
        (0.6235, 252, 79, 42), (0.749, 227, 26, 28), (0.8706, 190, 1, 38), (1.0, 128, 0, 38),
    ),
    "YlOrBr": (  # 9 stops, max deviation 0
        (0.0, 255, 255, 229), (0.125, 255, 247, 188), (0.25, 254, 227, 145), (0.375, 254, 196, 79),
        (0.5, 254, 153, 41), (0.625, 236, 112, 20), (0.75, 204, 76, 2), (0.875, 153, 52, 4), (1.0, 102, 37, 6),
    ),
    "BuGn": (  # 9 stops, max deviation 0
        (0.0, 247, 252, 253), (0.125, 229, 245, 249), (0.25, 204, 236, 230), (0.375, 153, 216, 201),
        (0.5, 102, 194, 164), (0.625, 65, 174, 118), (0.75, 35, 139, 69), (0.875, 0, 109, 44), (1.0, 0, 68, 27),
    ),
    "GnBu": (  # 7 stops, max deviation 2
        (0.0, 247, 252, 240), (0.2275, 208, 236, 201), (0.3647, 171, 222, 182), (0.451, 141, 211, 190),
        (0.6196, 80, 180, 210), (0.8667, 10, 106, 173), (1.0, 8, 64, 129),
    ),
    "PuBu": (  # 9 stops, max deviation 0
        (0.0, 255, 247, 251), (0.125, 236, 231, 242), (0.25, 208, 209, 230), (0.375, 166, 189, 219),
        (0.5, 116, 169, 207), (0.625, 54, 144, 192), (0.75, 5, 112, 176), (0.875, 4, 90, 141), (1.0, 2, 56, 88),
    ),
    "PuBuGn": (  # 9 stops, max deviation 0
        (0.0, 255, 247, 251), (0.125, 236, 226, 240), (0.25, 208, 209, 230), (0.375, 166, 189, 219),
        (0.5, 103, 169, 207), (0.625, 54, 144, 192), (0.75, 2, 129, 138), (0.875, 1, 108, 89), (1.0, 1, 70, 54),
    ),
    "BuPu": (  # 7 stops, max deviation 1
        (0.0, 247, 252, 253), (0.1098, 227, 238, 245), (0.3647, 161, 190, 219), (0.4902, 141, 153, 200),
        (0.7333, 137, 71, 160), (0.8745, 129, 15, 124), (1.0, 77, 0, 75),
    ),
    "RdPu": (  # 9 stops, max deviation 0
        (0.0, 255, 247, 243), (0.125, 253, 224, 221), (0.25, 252, 197, 192), (0.375, 250, 159, 181),
        (0.5, 247, 104, 161), (0.625, 221, 52, 151), (0.75, 174, 1, 126), (0.875, 122, 1, 119), (1.0, 73, 0, 106),
    ),
    "OrRd": (  # 9 stops, max deviation 0
        (0.0, 255, 247, 236), (0.125, 254, 232, 200), (0.25, 253, 212, 158), (0.375, 253, 187, 132),
        (0.5, 252, 141, 89), (0.625, 239, 101, 72), (0.75, 215, 48, 31), (0.875, 179, 0, 0), (1.0, 127, 0, 0),
    ),
    "PuRd": (  # 9 stops, max deviation 0
        (0.0, 247, 244, 249), (0.125, 231, 225, 239), (0.25, 212, 185, 218), (0.375, 201, 148, 199),
        (0.5, 223, 101, 176), (0.625, 231, 41, 138), (0.75, 206, 18, 86), (0.875, 152, 0, 67), (1.0, 103, 0, 31),
    ),
}

_MATPLOTLIB_CLASSIC: dict[str, _ControlPoints] = {
    "terrain": (  # 6 stops, max deviation 1
        (0.0, 51, 51, 153), (0.15, 0, 153, 255), (0.25, 0, 204, 102), (0.5, 255, 255, 153), (0.749, 128, 92, 84),
        (1.0, 255, 255, 255),
    ),
    "jet": (  # 12 stops, max deviation 1
        (0.0, 0, 0, 128), (0.1098, 0, 0, 255), (0.125, 0, 0, 255), (0.3373, 0, 216, 255), (0.349, 0, 228, 248),
        (0.375, 21, 255, 226), (0.6392, 238, 255, 9), (0.6471, 244, 248, 2), (0.6588, 254, 237, 0),
        (0.89, 255, 19, 0), (0.9098, 232, 0, 0), (1.0, 128, 0, 0),
    ),
    "gray": (  # 2 stops, max deviation 0
        (0.0, 0, 0, 0), (1.0, 255, 255, 255),
    ),
    "hot": (  # 4 stops, max deviation 1
        (0.0, 11, 0, 0), (0.3647, 255, 0, 0), (0.7451, 255, 254, 0), (1.0, 255, 255, 255),
    ),
    "coolwarm": (  # 12 stops, max deviation 2
        (0.0, 59, 76, 192), (0.0784, 83, 110, 221), (0.1647, 111, 146, 243), (0.2706, 148, 182, 255),
        (0.375, 184, 208, 249), (0.4863, 217, 220, 225), (0.549, 233, 213, 203), (0.6549, 247, 188, 161),
        (0.7647, 243, 148, 117), (0.8784, 221, 95, 75), (0.9647, 193, 43, 48), (1.0, 180, 4, 38),
    ),
    "rainbow": (  # 11 stops, max deviation 2
        (0.0, 128, 0, 255), (0.1373, 57, 107, 249), (0.251, 0, 181, 235), (0.3098, 31, 211, 225), (0.4, 77, 243, 206),
        (0.4902, 122, 255, 183), (0.5765, 166, 248, 157), (0.6588, 208, 224, 130), (0.749, 254, 181, 98),
        (0.8275, 255, 132, 68), (1.0, 255, 0, 0),
    ),
    "ocean": (  # 4 stops, max deviation 1
        (0.0, 0, 128, 0), (0.3333, 0, 0, 85), (0.6667, 0, 128, 170), (1.0, 255, 255, 255),
    ),
    "gist_earth": (  # 15 stops, max deviation 2
        (0.0, 0, 0, 0), (0.0039, 1, 0, 43), (0.0078, 1, 0, 56), (0.0275, 5, 0, 110), (0.0314, 5, 2, 116),
        (0.1686, 29, 79, 122), (0.2824, 48, 128, 128), (0.4627, 71, 154, 71), (0.5373, 114, 165, 81),
        (0.6902, 180, 182, 93), (0.7765, 191, 166, 100), (0.7961, 195, 164, 108), (0.8824, 219, 184, 162),
        (0.9412, 236, 211, 206), (1.0, 253, 251, 251),
    ),
    "bwr": (  # 3 stops, max deviation 0
        (0.0, 0, 0, 255), (0.5, 255, 255, 255), (1.0, 255, 0, 0),
    ),
    "seismic": (  # 5 stops, max deviation 1
        (0.0, 0, 0, 76), (0.25, 0, 0, 255), (0.5, 255, 255, 255), (0.749, 255, 1, 1), (1.0, 128, 0, 0),
    ),
}
# fmt: on

_FAMILIES: tuple[tuple[str, dict[str, _ControlPoints]], ...] = (
    ("perceptually uniform", _PERCEPTUALLY_UNIFORM),
    ("diverging", _COLORBREWER_DIVERGING),
    ("sequential", _COLORBREWER_SEQUENTIAL),
    ("miscellaneous", _MATPLOTLIB_CLASSIC),
)

REVERSED_SUFFIX = "_r"


@dataclass(frozen=True)
class Colormap:
    """One named colour ramp, possibly reversed."""

    name: str  # canonical spelling, with the suffix when reversed: "RdYlGn", "RdYlGn_r"
    family: str  # "perceptually uniform", "diverging", "sequential", "miscellaneous"
    control_points: _ControlPoints  # of the map not reversed, positions ascending from 0.0 to 1.0
    is_reversed: bool = False

    def colors(self, count: int) -> np.ndarray:
        """``count`` colours evenly spaced from the ramp's start to its end, shape (count, 3), uint8."""
        if count < 1:
            raise ValueError(f"a colormap sample needs at least one colour, not {count}")
        fractions = np.linspace(0.0, 1.0, count)
        points = np.asarray(self.control_points, dtype=np.float64)
        channels = [np.interp(fractions, points[:, 0], points[:, channel]) for channel in (1, 2, 3)]
        sampled = np.rint(np.stack(channels, axis=1)).astype(np.uint8)
        # Sampling the map itself and flipping keeps a reversed map the exact mirror of its map.
        return sampled[::-1].copy() if self.is_reversed else sampled

    def stops(self) -> list[tuple[float, tuple[int, int, int]]]:
        """The control points in ramp order, as (fraction, (r, g, b))."""
        if not self.is_reversed:
            return [(position, (r, g, b)) for position, r, g, b in self.control_points]
        return [(round(1.0 - position, 4), (r, g, b)) for position, r, g, b in reversed(self.control_points)]


_BY_FOLDED_NAME: dict[str, Colormap] = {
    name.casefold(): Colormap(name, family, points) for family, maps in _FAMILIES for name, points in maps.items()
}

# The maps' names, sorted alphabetically regardless of case; each also accepts the suffix "_r".
COLORMAP_NAMES: tuple[str, ...] = tuple(sorted((cmap.name for cmap in _BY_FOLDED_NAME.values()), key=str.casefold))


def colormap_by_name(name: str) -> Colormap:
    """The colormap called ``name`` (any case; the suffix ``_r`` reverses it).

    Raises RequestError on ``params.colormap`` for a name that is not a colormap.
    """
    folded = name.strip().casefold() if isinstance(name, str) else ""
    found = _BY_FOLDED_NAME.get(folded)
    if found is not None:
        return found
    if folded.endswith(REVERSED_SUFFIX):
        base = _BY_FOLDED_NAME.get(folded[: -len(REVERSED_SUFFIX)])
        if base is not None:
            return Colormap(base.name + REVERSED_SUFFIX, base.family, base.control_points, is_reversed=True)
    message = tr("{name} is not a colormap (known: {known}; add {suffix} to reverse one)")
    raise RequestError(
        message.format(name=json.dumps(name, default=str), known=", ".join(COLORMAP_NAMES), suffix=REVERSED_SUFFIX),
        "params.colormap",
    )


def lookup_table(name: str, size: int = 256, classes: int | None = None) -> np.ndarray:
    """The colormap as ``size`` colours, shape (size, 3), uint8: entry i is the colour of the
    fraction i / (size - 1) of the stretched range.

    With ``classes`` (the API's ``colors_limit``) the table is stepped: the range is cut in that
    many equal classes, entry i takes the colour of class floor(i / (size - 1) * classes) (the
    last entry belongs to the last class), and class k has the map's colour at k / (classes - 1),
    so the first and last classes keep the map's end colours. The table then holds exactly
    ``classes`` colours when ``classes <= size``, unless two neighbouring class colours round to
    the same bytes: a cyclic map (twilight) starts and ends on one colour, and a slowly varying
    map can repeat one in many classes (every other map here gives distinct colours up to 64).
    """
    if size < 2:
        raise ValueError(f"a lookup table needs at least two entries, not {size}")
    cmap = colormap_by_name(name)
    if classes is None:
        return cmap.colors(size)
    _check_classes(classes)
    class_colors = cmap.colors(classes)
    class_of_entry = np.minimum((np.arange(size) * classes) // (size - 1), classes - 1)
    return class_colors[class_of_entry]


def color_stops(name: str, count: int | None = None) -> list[tuple[float, tuple[int, int, int]]]:
    """Colours along the map as (fraction 0..1, (r, g, b)), first at 0.0 and last at 1.0, for a
    QgsGradientColorRamp (color1, color2 and the stops between) or a legend.

    ``count`` evenly spaced colours (these are also the class colours of ``classes=count``);
    without ``count``, the map's own control points, which rebuild it with the fewest stops.
    """
    cmap = colormap_by_name(name)
    if count is None:
        return cmap.stops()
    if count < 2:
        raise ValueError(f"colour stops span the map from 0 to 1: count must be at least 2, not {count}")
    fractions = np.linspace(0.0, 1.0, count)
    return [(float(fraction), (int(r), int(g), int(b))) for fraction, (r, g, b) in zip(fractions, cmap.colors(count))]


def scale_to_byte(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """``values`` stretched linearly from ``low`` (0) to ``high`` (255), rounded (halves up) and
    clipped to 0..255, as uint8 of the same shape. NaN becomes 0; +inf 255 and -inf 0.

    Raises RequestError on ``params.levels`` unless low < high, both finite.
    """
    low, high = float(low), float(high)
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        message = tr("low must be smaller than high, both finite, not {low},{high}")
        raise RequestError(message.format(low=f"{low:g}", high=f"{high:g}"), "params.levels")
    data = np.asarray(values, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        scaled = np.floor((data - low) / (high - low) * 255.0 + 0.5)  # halves up: the middle is 128
    scaled = np.clip(scaled, 0.0, 255.0)
    scaled[np.isnan(scaled)] = 0.0
    return scaled.astype(np.uint8)


def apply_colormap(
    values: np.ndarray,
    low: float,
    high: float,
    name: str,
    classes: int | None = None,
    nodata_mask: np.ndarray | None = None,
) -> np.ndarray:
    """A single band coloured with the map ``name``: shape (rows, cols, 3), uint8.

    Values are stretched from ``low`` to ``high`` onto the map's 256-entry table (``scale_to_byte``,
    then ``lookup_table(name, 256, classes)``): ``low`` and below take the first colour, ``high``
    and above the last. Pixels where ``nodata_mask`` is true, and NaN values, are black (0, 0, 0);
    as some maps reach black (Greys' end), callers that must tell nodata apart keep the mask
    (an alpha band, a nodata-aware format).
    """
    data = np.asarray(values)
    if data.ndim != 2:
        raise ValueError(f"a single band of shape (rows, cols) is coloured, not shape {data.shape}")
    table = lookup_table(name, 256, classes)
    colored = table[scale_to_byte(data, low, high)]
    missing = np.isnan(data) if np.issubdtype(data.dtype, np.floating) else np.zeros(data.shape, dtype=bool)
    if nodata_mask is not None:
        mask = np.asarray(nodata_mask, dtype=bool)
        if mask.shape != data.shape:
            raise ValueError(f"nodata_mask has shape {mask.shape}, the values {data.shape}")
        missing |= mask
    colored[missing] = 0
    return colored


def _check_classes(classes: int) -> None:
    if isinstance(classes, bool) or not isinstance(classes, (int, np.integer)) or classes < 2:
        message = tr("the number of colormap classes must be at least 2, not {classes}")
        raise RequestError(message.format(classes=repr(classes)), "params.colors_limit")
