"""Draws examples/clinic-theme/logo.png, the made-up clinic's logo: three white waves (a river) on a
blue rounded square, no text. Run it again only to change the logo: the PNG is what the theme uses."""
from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

SIZE, SCALE = 360, 4                  # drawn four times larger, then scaled down: smooth edges
BLUE, WHITE = (31, 95, 168), (255, 255, 255)   # the theme's accent colour, #1f5fa8


def wave(y: float, size: int) -> list[tuple[float, float]]:
    """One line of a river: two crests across the square's middle."""
    left, right = size * 0.16, size * 0.84
    return [(x, y + size * 0.045 * math.sin((x - left) / (right - left) * 4 * math.pi))
            for x in (left + (right - left) * i / 600 for i in range(601))]


def logo() -> Image.Image:
    size = SIZE * SCALE
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size * 0.18, fill=BLUE)
    radius = size * 0.03
    for y in (0.34, 0.5, 0.66):   # a round brush along each wave: even width, round ends
        for x, y_at in wave(size * y, size):
            draw.ellipse((x - radius, y_at - radius, x + radius, y_at + radius), fill=WHITE)
    return image.resize((SIZE, SIZE), Image.LANCZOS)


if __name__ == "__main__":
    target = Path(__file__).parent / "clinic-theme" / "logo.png"
    logo().save(target, optimize=True)
    print(f"wrote {target}")
