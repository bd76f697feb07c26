"""Save what an X display shows, once something is drawn on it: the screenshot of the built
bundle's first window under Xvfb (.ci/build). Run with DISPLAY set:

    python packaging/screenshot.py OUT.png [--timeout 60]

Waits until the screen shows a window (more than a few colours) and then until two grabs a
second apart agree, so the picture is of a window that has finished painting; the picture
is cropped to the windows."""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ["QT_QPA_PLATFORM"] = "xcb"  # the same X display as the app, not offscreen

from PySide6.QtGui import QGuiApplication, QImage


def colours(image: QImage) -> int:
    """Distinct colours on a coarse grid (enough to tell a blank screen from a window)."""
    step = 8
    return len({image.pixel(x, y) for x in range(0, image.width(), step)
                for y in range(0, image.height(), step)})


def crop_to_windows(image: QImage, margin: int = 24) -> QImage:
    """The part of the screen that windows cover (plus a margin): Xvfb has no desktop, and
    a picture of a dialog in a sea of black says less than the dialog itself."""
    background = image.pixel(0, 0)
    xs, ys = [], []
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixel(x, y) != background:
                xs.append(x)
                ys.append(y)
    left, top = max(min(xs) - margin, 0), max(min(ys) - margin, 0)
    right = min(max(xs) + margin, image.width() - 1)
    bottom = min(max(ys) + margin, image.height() - 1)
    return image.copy(left, top, right - left + 1, bottom - top + 1)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    app = QGuiApplication(sys.argv[:1])
    screen = app.primaryScreen()
    deadline = time.monotonic() + args.timeout
    previous: QImage | None = None
    while time.monotonic() < deadline:
        image = screen.grabWindow(0).toImage()
        if colours(image) > 8 and previous is not None and image == previous:
            image = crop_to_windows(image)
            image.save(args.out)
            print(f"screenshot {image.width()}x{image.height()} -> {args.out}")
            return 0
        previous = image if colours(image) > 8 else None
        time.sleep(1)
    print("no window appeared on the display", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
