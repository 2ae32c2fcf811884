"""The fonts ship inside the wheel, and an installed copy prints cards from anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.test_wheel import wheel  # noqa: F401 - the fixture that builds the wheel


def test_wheel_holds_the_fonts_and_their_licence(wheel: Path) -> None:  # noqa: F811
    names = zipfile.ZipFile(wheel).namelist()
    for font in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                 "DejaVuSans-BoldOblique.ttf", "LICENSE-DejaVu.txt",
                 "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", "LICENSE-Noto.txt"):
        assert f"vaerdispil/fonts/{font}" in names


def test_installed_wheel_prints_cards(wheel: Path, tmp_path: Path) -> None:  # noqa: F811
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = ("import sys, vaerdispil.pdf.fonts as f\n"
              "from vaerdispil.cli import main\n"
              "print(f.fonts_dir())\n"
              "sys.exit(main(['print', 'cards', '--size', 'a6']))\n")
    site_packages = [p for p in sys.path if p.endswith("site-packages")]
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=elsewhere, capture_output=True, text=True,
        env={"PYTHONPATH": ":".join([str(target), *site_packages]),
             "VAERDISPIL_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"},
        check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith(str(target))
    assert (elsewhere / "vaerdispil-da-cards-a6.pdf").stat().st_size > 10_000
