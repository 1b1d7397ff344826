#!/usr/bin/env python3
"""Copy the map assets the Atlas serves from the pinned npm packages into atlas/static/atlas/vendor/.

Run after changing a version in package.json (then `npm install` to update package-lock.json):

    npm ci && .venv/bin/python scripts/vendor_map_assets.py

The copies are committed (the site serves them without Node), each beside its licence;
tests/test_atlas_assets.py checks that they are identical to the installed packages. The French
départements (atlas/static/atlas/vendor/departements/) do not come from npm: see the SOURCE.md
file beside them.
"""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "atlas" / "static" / "atlas" / "vendor"

# (package folder, file in the package, folder under VENDOR)
FILES = [
    ("leaflet.markercluster", "dist/leaflet.markercluster.js", "leaflet.markercluster"),
    ("leaflet.markercluster", "dist/MarkerCluster.css", "leaflet.markercluster"),
    ("leaflet.markercluster", "dist/MarkerCluster.Default.css", "leaflet.markercluster"),
    ("leaflet.markercluster", "MIT-LICENCE.txt", "leaflet.markercluster"),
    ("topojson-client", "dist/topojson-client.min.js", "topojson-client"),
    ("topojson-client", "LICENSE", "topojson-client"),
    ("world-atlas", "countries-110m.json", "world-atlas"),
    ("world-atlas", "countries-50m.json", "world-atlas"),
    ("world-atlas", "LICENSE", "world-atlas"),
]


def main():
    for package, name, folder in FILES:
        source = NODE_MODULES / package / name
        if not source.exists():
            sys.exit(f"{source} is missing: run `npm ci` first.")
        target = VENDOR / folder / Path(name).name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".js":
            # The packages' source maps are not vendored: drop the comment that points at them
            # (collectstatic's manifest storage refuses a reference to a missing file).
            text = source.read_text(encoding="utf-8")
            kept = [line for line in text.splitlines(keepends=True) if not line.startswith("//# sourceMappingURL=")]
            target.write_text("".join(kept), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        print(f"{package}/{name} → {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
