"""Headless Chromium (Debian's `chromium`), to check pages as a person sees them: the DOM
Chromium built from a page and a screenshot of it, kept under var/test-artifacts/."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from troopwatch.paths import var_dir

# As this machine's closed network wants: no background connections, no first-run work.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (make setup installs Debian's chromium)")
        pytest.skip("chromium is not installed (make setup installs Debian's chromium)")
    return path


def artifacts_dir() -> Path:
    path = var_dir() / "test-artifacts"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _run(args: list[str], timeout: float = 90) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            timeout=timeout,
            check=True,
        )


def dump_dom(page: Path) -> str:
    """The document as Chromium parsed it."""
    return _run(["--dump-dom", page.resolve().as_uri()]).stdout.decode("utf-8")


def screenshot(page: Path, name: str, width: int = 1100, height: int = 2600) -> Path:
    """A PNG of the page as rendered, kept as a test artefact."""
    out = artifacts_dir() / name
    _run([f"--window-size={width},{height}", f"--screenshot={out}", page.resolve().as_uri()])
    return out


def colour_share(png: Path, rgb: tuple[int, int, int], tolerance: int = 40) -> float:
    """Share of the screenshot's pixels within `tolerance` of a colour."""
    from PIL import Image

    img = Image.open(png).convert("RGB")
    raw = img.tobytes()
    r0, g0, b0 = rgb
    near = sum(
        1
        for i in range(0, len(raw), 3)
        if abs(raw[i] - r0) <= tolerance
        and abs(raw[i + 1] - g0) <= tolerance
        and abs(raw[i + 2] - b0) <= tolerance
    )
    return near / (img.width * img.height)
