"""Colour contrast as WCAG 2 defines it, on "#rrggbb" strings: no Qt, so the chart (drawn headless
too) and the widgets share it."""

from __future__ import annotations

import colorsys

TEXT_CONTRAST = 4.5  # WCAG 2 AA for text
GRAPHICS_CONTRAST = 3.0  # WCAG 2 AA for lines and marks


def _channels(colour: str) -> tuple[float, float, float]:
    text = colour.lstrip("#")
    return tuple(int(text[i:i + 2], 16) / 255 for i in (0, 2, 4))


def _hex(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{round(min(max(value, 0.0), 1.0) * 255):02x}" for value in (red, green, blue))


def luminance(colour: str) -> float:
    """Relative luminance, 0 (black) to 1 (white)."""
    linear = [value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4 for value in _channels(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """Contrast ratio, 1 (the same) to 21 (black on white)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_dark(colour: str) -> bool:
    """Whether white reads better on it than black."""
    return contrast(colour, "#ffffff") > contrast(colour, "#000000")


def readable(colour: str, background: str, ratio: float = GRAPHICS_CONTRAST) -> str:
    """`colour` itself when it reads on `background`; else the same hue and saturation made lighter
    (on a dark background) or darker (on a light one), just enough to reach `ratio`."""
    if contrast(colour, background) >= ratio:
        return colour
    hue, lightness, saturation = colorsys.rgb_to_hls(*_channels(colour))
    target = 1.0 if is_dark(background) else 0.0
    candidate = colour
    for step in range(1, 41):
        shade = lightness + (target - lightness) * step / 40
        candidate = _hex(*colorsys.hls_to_rgb(hue, shade, saturation))
        if contrast(candidate, background) >= ratio:
            break
    return candidate


def mix(first: str, second: str, share: float) -> str:
    """`share` of `second` blended into `first`."""
    return _hex(*((1 - share) * a + share * b for a, b in zip(_channels(first), _channels(second))))
