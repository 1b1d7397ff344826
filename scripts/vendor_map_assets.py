#!/usr/bin/env python3
"""Copy the map assets the Atlas serves from the pinned npm packages into atlas/static/atlas/vendor/.

Run after changing a version in package.json (then `npm install` to update package-lock.json):

    npm ci && .venv/bin/python scripts/vendor_map_assets.py

The copies are committed (the site serves them without Node), each beside its licence;
tests/test_atlas_assets.py checks that they are identical to the installed packages. The French
départements (atlas/static/atlas/vendor/departements/) do not come from npm: see the SOURCE.md
file beside them.
"""

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


def vendored_bytes(source):
    """The file as vendored: as the package ships it, except that a script's comment pointing at
    its source map is dropped (the maps are not vendored, and collectstatic's manifest storage
    refuses a reference to a missing file)."""
    content = source.read_bytes()
    if source.suffix != ".js":
        return content
    lines = content.splitlines(keepends=True)
    return b"".join(line for line in lines if not line.startswith(b"//# sourceMappingURL="))


def main():
    for package, name, folder in FILES:
        source = NODE_MODULES / package / name
        if not source.exists():
            sys.exit(f"{source} is missing: run `npm ci` first.")
        target = VENDOR / folder / Path(name).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(vendored_bytes(source))
        print(f"{package}/{name} → {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
