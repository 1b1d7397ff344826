"""Regenerate ``portal/data/country_regions.json``: the continent and sub-region of every country.

Source: Unicode CLDR's ``territoryContainment`` (the UN M49 geographic regions as CLDR encodes
them), from the npm package ``cldr-core`` (Unicode, Inc., licence Unicode-3.0), at the CLDR
version that Babel's country names come from. The package is fetched with npm's ordinary client
(``npm pack``) into a temporary folder; nothing is installed in the project.

    python scripts/import_country_regions.py              # cldr-core 47.0.0 (Babel 2.18 = CLDR 47)
    python scripts/import_country_regions.py --version 48.2.0

Which codes: every ISO 3166-1 country (CLDR regions with an ISO numeric code below 900: 249
codes) plus Kosovo (``XK``, user-assigned, recognised by France). Which regions: UN M49's
continents (Africa 002, Americas 019, Asia 142, Europe 150, Oceania 009) and sub-regions, where
Africa is split into Northern Africa (015) and Sub-Saharan Africa (202), and the Americas into
Northern America (021) and Latin America and the Caribbean (419), as in M49. Antarctica, which
M49 puts in no region (CLDR files it under "Outlying Oceania"), gets none.
"""

import argparse
import hashlib
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "cldr-core"
DEFAULT_VERSION = "47.0.0"
OUTPUT = Path(__file__).resolve().parent.parent / "portal" / "data" / "country_regions.json"
CONTINENTS = {"002", "019", "142", "150", "009"}
EXTRA_CODES = {"XK"}  # Kosovo
# M49's two-way splits of Africa and the Americas (CLDR "grouping" entries 202 and 419).
SPLITS = {"002": ("015", "202"), "019": ("021", "419")}


def fetch(version, folder):
    """The package's tarball (``npm pack``), its SHA-256, and the two JSON files read from it."""
    output = subprocess.run(  # noqa: S603 - fixed command, the version comes from the developer
        ["npm", "pack", f"{PACKAGE}@{version}", "--json", "--pack-destination", folder],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    info = json.loads(output)[0]
    tarball = Path(folder) / info["filename"]
    sha256 = hashlib.sha256(tarball.read_bytes()).hexdigest()
    with tarfile.open(tarball) as archive:
        containment = json.load(archive.extractfile("package/supplemental/territoryContainment.json"))
        mappings = json.load(archive.extractfile("package/supplemental/codeMappings.json"))
        licence = archive.extractfile("package/LICENSE").read().decode()
    return info, sha256, containment, mappings, licence


def regions(containment, mappings):
    """{ISO code: [continent, sub-region]} (M49 codes) from CLDR's primary (non-grouping) containment tree."""
    groups = containment["supplemental"]["territoryContainment"]
    parent = {}
    for code, group in groups.items():
        if "-status-" in code or group.get("_grouping"):
            continue
        for child in group["_contains"]:
            parent[child] = code
    codes = mappings["supplemental"]["codeMappings"]
    result = {}
    for code in sorted(parent):
        if not (len(code) == 2 and code.isalpha()):
            continue
        numeric = codes.get(code, {}).get("_numeric")
        if code not in EXTRA_CODES and (numeric is None or int(numeric) >= 900):
            continue  # not an ISO 3166-1 country (exceptional reservations, private use)
        chain = [code]
        while chain[-1] in parent:
            chain.append(parent[chain[-1]])
        continent = next((c for c in chain if c in CONTINENTS), "")
        if "QO" in chain:  # Outlying Oceania: Antarctica has no M49 region
            continent = ""
        sub_region = ""
        if continent:
            subcontinent = chain[chain.index(continent) - 1]
            if continent in SPLITS:
                first, rest = SPLITS[continent]
                sub_region = first if subcontinent == first else rest
            else:
                sub_region = subcontinent
        result[code] = [continent, sub_region]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=DEFAULT_VERSION, help=f"cldr-core version (default {DEFAULT_VERSION})")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        info, sha256, containment, mappings, licence = fetch(args.version, folder)
    countries = regions(containment, mappings)
    data = {
        "provenance": {
            "source": "Unicode CLDR, supplemental/territoryContainment.json and codeMappings.json",
            "package": f"npm {PACKAGE}@{info['version']}",
            "tarball_sha256": sha256,
            "integrity": info["integrity"],
            "licence": "Unicode-3.0, Copyright © Unicode, Inc.: see LICENSE-CLDR.txt beside this file",
            "generated_by": "scripts/import_country_regions.py",
            "rules": "UN M49 continents and sub-regions; Africa = 015 | 202, Americas = 021 | 419; "
            "ISO 3166-1 codes (numeric < 900) plus XK; Antarctica without region",
        },
        "countries": countries,
    }
    # One country a line: the file reads (and diffs) like a table.
    rows = ",\n".join(f"  {json.dumps(code)}: {json.dumps(pair)}" for code, pair in countries.items())
    provenance = json.dumps(data["provenance"], ensure_ascii=False, indent=2).replace("\n", "\n ")
    OUTPUT.write_text(f'{{\n "provenance": {provenance},\n "countries": {{\n{rows}\n }}\n}}\n')
    # The Unicode licence asks for its notice to go with copies of the data.
    (OUTPUT.parent / "LICENSE-CLDR.txt").write_text(licence)
    print(f"{len(countries)} countries written to {OUTPUT}")


if __name__ == "__main__":
    main()
