"""Colours for the contrast checks: WCAG 2 luminance and contrast, hex colours and a PDF fill colour read as RGB."""
from __future__ import annotations


def luminance(rgb) -> float:
    """WCAG 2 relative luminance of an sRGB colour, each channel 0..1."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def hex_rgb(colour: str) -> tuple[float, float, float]:
    """`#1f5fa8`, `1F5FA8` or `#15a` as RGB, each channel 0..1."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return tuple(int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4))


def contrast(a: str, b: str = "ffffff") -> float:
    """WCAG 2 contrast ratio of two colours given as hex digits (white when `b` is left out)."""
    light, dark = sorted((luminance(hex_rgb(a)), luminance(hex_rgb(b))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def pdf_rgb(color) -> tuple[float, float, float] | None:
    """A pdfplumber fill colour (gray, RGB or CMYK) as RGB; None for one we cannot read (a pattern)."""
    if color is None:
        return (0.0, 0.0, 0.0)   # the default fill is black
    if isinstance(color, (int, float)):
        color = (color,)
    try:
        values = [min(1.0, max(0.0, float(v))) for v in color]
    except (TypeError, ValueError):
        return None
    if len(values) == 1:
        return (values[0],) * 3
    if len(values) == 3:
        return tuple(values)
    if len(values) == 4:
        c, m, y, k = values
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def pdf_colour_name(color) -> str:
    rgb = pdf_rgb(color)
    return "#" + "".join(f"{round(v * 255):02x}" for v in rgb) if rgb else str(color)
