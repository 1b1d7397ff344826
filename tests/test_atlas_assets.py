"""The map assets served by the Atlas are the pinned npm packages' files, each beside its licence,
and the French départements carry their source and licence note."""

import json
from pathlib import Path

import pytest

from scripts.vendor_map_assets import FILES, NODE_MODULES, VENDOR, vendored_bytes

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("package,name,folder", FILES)
def test_vendored_files_are_those_of_the_pinned_packages(package, name, folder):
    installed = NODE_MODULES / package / name
    assert installed.exists(), "run `npm ci` (make install does)"
    assert (VENDOR / folder / Path(name).name).read_bytes() == vendored_bytes(installed)
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = json.loads((NODE_MODULES / package / "package.json").read_text(encoding="utf-8"))["version"]
    assert lock["packages"][f"node_modules/{package}"]["version"] == version


def test_departements_shapes_and_licence_note():
    topology = json.loads((VENDOR / "departements" / "departements.json").read_text(encoding="utf-8"))
    codes = {geometry["id"] for geometry in topology["objects"]["departements"]["geometries"]}
    assert len(codes) == 101 and {"01", "2A", "2B", "29", "75", "971", "976"} <= codes
    note = (VENDOR / "departements" / "SOURCE.md").read_text(encoding="utf-8")
    assert "Licence Ouverte" in note and "ADMIN EXPRESS" in note
    for folder, licence in (
        ("leaflet.markercluster", "MIT-LICENCE.txt"),
        ("topojson-client", "LICENSE"),
        ("world-atlas", "LICENSE"),
    ):
        assert (VENDOR / folder / licence).exists()
