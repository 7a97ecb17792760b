"""Copy the picture library's SVG files from the Twemoji npm package into this app's static
files: `python -m together.storyboards.copy_pictures` (after `make install`). The copies are
committed, so the service serves them from its own static files without a build step; run this
again after changing pictures.py."""

import shutil
import sys
from pathlib import Path

from together.storyboards.pictures import PICTURES

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "node_modules" / "@twemoji" / "svg"
TARGET = Path(__file__).resolve().parent / "static" / "storyboards" / "pictures"


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    wanted = {f"{picture.id}.svg" for picture in PICTURES}
    for old in TARGET.glob("*.svg"):
        if old.name not in wanted:
            old.unlink()
    missing = []
    for picture in PICTURES:
        source = SOURCE / f"{picture.file}.svg"
        if not source.exists():
            missing.append(picture.file)
            continue
        shutil.copyfile(source, TARGET / f"{picture.id}.svg")
    for name in missing:
        print(f"Not in the package: {name}.svg", file=sys.stderr)
    print(f"Copied {len(PICTURES) - len(missing)} pictures to {TARGET}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
