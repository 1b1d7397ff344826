"""Load the French authorities from the official geographic code (Code officiel géographique).

Source: the npm package ``@etalab/decoupage-administratif`` (pinned in ``package.json`` and
``package-lock.json`` at the project root, installed by ``npm ci`` in ``make install``), which
Etalab builds from INSEE's COG, the DGCL list of EPCI and INSEE's legal populations and publishes
under the Licence Ouverte / Open Licence 2.0 (code: MIT). Its JSON files are read from
``COG_DATA_DIR`` (default ``node_modules/@etalab/decoupage-administratif/data``).

The load is idempotent and fast: existing rows are read once, then new ones are inserted and
changed ones updated in bulk (a few dozen queries for the ~35,000 communes), matched on
(kind, official code); nothing is ever duplicated. Rows that have left the code are kept with
``is_current`` false. Only current communes are loaded (not the former, "delegated" or
"associated" communes, nor the municipal arrondissements of Paris, Lyon and Marseille).
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F

from portal.authorities import FrenchAuthority, normalize_name

Kind = FrenchAuthority.Kind
BATCH_SIZE = 2000
UPDATED_FIELDS = [
    "name",
    "search_name",
    "siren",
    "epci_type",
    "zone",
    "region",
    "departement",
    "population",
    "is_current",
]


class CogDataMissing(FileNotFoundError):
    pass


@dataclass
class LoadReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    retired: Counter = field(default_factory=Counter)

    def summary(self):
        kinds = [kind for kind in Kind.values if any(c[kind] for c in (self.created, self.updated, self.unchanged))]
        return ", ".join(
            f"{kind}: {self.created[kind]} created, {self.updated[kind]} updated, {self.unchanged[kind]} unchanged"
            + (f", {self.retired[kind]} retired" if self.retired[kind] else "")
            for kind in kinds
        )


def data_dir():
    return Path(
        getattr(settings, "COG_DATA_DIR", "") or settings.BASE_DIR / "node_modules/@etalab/decoupage-administratif/data"
    )


def read(name):
    path = data_dir() / f"{name}.json"
    if not path.exists():
        raise CogDataMissing(
            f"{path} is missing: run `npm ci` (make install does) to install @etalab/decoupage-administratif, "
            "or set COG_DATA_DIR."
        )
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def source_version():
    """The version of the package the data comes from (recorded in the command's output)."""
    package = data_dir().parent / "package.json"
    if package.exists():
        return json.loads(package.read_text(encoding="utf-8")).get("version", "")
    return ""


def load_authorities(communes="all", stdout=None):
    """Create or update every région, département, overseas collectivity and EPCI, and the
    communes: ``"all"``, ``"none"`` or an iterable of INSEE codes. Returns a ``LoadReport``."""
    regions, departements, epcis = read("regions"), read("departements"), read("epci")
    commune_rows = [row for row in read("communes") if row.get("type") == "commune-actuelle"]
    population_by_commune = {row["code"]: row.get("population") or 0 for row in commune_rows}
    departement_of_commune = {row["code"]: row["departement"] for row in commune_rows}
    population_of = Counter()  # régions and départements: the sum of their communes
    for row in commune_rows:
        population_of[("region", row["region"])] += row.get("population") or 0
        population_of[("departement", row["departement"])] += row.get("population") or 0
    if communes == "none":
        commune_rows = []
    elif communes != "all":
        wanted = set(communes)
        commune_rows = [row for row in commune_rows if row["code"] in wanted]

    report = LoadReport()
    with transaction.atomic():
        # Régions and overseas collectivities first: everything else points at them.
        level1 = {}
        for row in regions:
            kind = Kind.OVERSEAS if row.get("zone") == "com" else Kind.REGION
            level1[row["code"]] = {
                "kind": kind,
                "code": row["code"],
                "name": row["nom"],
                "zone": row.get("zone", "metro"),
                "population": population_of[("region", row["code"])] or None,
            }
        ids = upsert(level1.values(), report, link_self="region")
        # An overseas collectivity is also its own département.
        FrenchAuthority.objects.filter(kind=Kind.OVERSEAS).exclude(departement_id=F("pk")).update(
            departement_id=F("pk")
        )
        region_ids = {code: ids[(spec["kind"], code)] for code, spec in level1.items()}

        level2 = {}
        for row in departements:
            if row.get("zone") == "com":  # the overseas collectivity is already there, as itself
                continue
            level2[row["code"]] = {
                "kind": Kind.DEPARTEMENT,
                "code": row["code"],
                "name": row["nom"],
                "zone": row.get("zone", "metro"),
                "population": population_of[("departement", row["code"])] or None,
                "region_id": region_ids.get(row["region"]),
            }
        ids = upsert(level2.values(), report, link_self="departement")
        departement_ids = {code: ids[(Kind.DEPARTEMENT, code)] for code in level2}
        for spec in level1.values():  # an overseas collectivity is its own département
            if spec["kind"] == Kind.OVERSEAS:
                departement_ids[spec["code"]] = region_ids[spec["code"]]
        region_of_departement = {row["code"]: row["region"] for row in departements}

        specs = []
        for row in epcis:
            members = [member["code"] for member in row.get("membres", [])]
            main = max(members, key=lambda code: population_by_commune.get(code, 0), default=None)
            departement = departement_of_commune.get(main)
            specs.append(
                {
                    "kind": Kind.EPCI,
                    "code": row["code"],
                    "siren": row["code"],
                    "name": row["nom"],
                    "epci_type": row.get("type", ""),
                    "zone": "drom" if departement and departement.startswith("97") else "metro",
                    "population": row.get("populationTotale"),
                    "region_id": region_ids.get(region_of_departement.get(departement)),
                    "departement_id": departement_ids.get(departement),
                }
            )
        upsert(specs, report, retire=True)

        specs = [
            {
                "kind": Kind.COMMUNE,
                "code": row["code"],
                "siren": row.get("siren", ""),
                "name": row["nom"],
                "zone": row.get("zone", "metro"),
                "population": row.get("population"),
                "region_id": region_ids.get(row["region"]),
                "departement_id": departement_ids.get(row["departement"]),
            }
            for row in commune_rows
        ]
        upsert(specs, report, retire=communes == "all")
    if stdout is not None:
        stdout.write(report.summary())
    return report


def upsert(specs, report, link_self=None, retire=False):
    """Insert or update the rows described by ``specs`` (dicts of field values, each with ``kind``
    and ``code``), in bulk. Returns ``{(kind, code): pk}``. ``link_self`` names the foreign key
    that points at the row itself (a région's ``region``); ``retire`` marks the rows of these
    kinds that are no longer in the code."""
    specs = list(specs)
    kinds = {spec["kind"] for spec in specs}
    if not kinds:
        return {}
    existing = {(row.kind, row.code): row for row in FrenchAuthority.objects.filter(kind__in=kinds)}
    to_create, to_update = [], []
    for spec in specs:
        values = {
            "siren": "",
            "epci_type": "",
            "population": None,
            "region_id": None,
            "departement_id": None,
            **spec,
            "search_name": normalize_name(spec["name"]),
            "is_current": True,
        }
        row = existing.get((spec["kind"], spec["code"]))
        if row is None:
            to_create.append(FrenchAuthority(**values))
            report.created[spec["kind"]] += 1
            continue
        if link_self:
            values[f"{link_self}_id"] = row.pk
        changed = False
        if spec["kind"] == Kind.OVERSEAS:
            values["departement_id"] = row.pk
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
                changed = True
        if changed:
            to_update.append(row)
            report.updated[spec["kind"]] += 1
        else:
            report.unchanged[spec["kind"]] += 1
    FrenchAuthority.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    ids = {
        (kind, code): pk
        for kind, code, pk in FrenchAuthority.objects.filter(kind__in=kinds).values_list("kind", "code", "pk")
    }
    if link_self and to_create:
        for row in to_create:
            setattr(row, f"{link_self}_id", ids[(row.kind, row.code)])
        FrenchAuthority.objects.bulk_update(to_create, [link_self], batch_size=BATCH_SIZE)
    FrenchAuthority.objects.bulk_update(to_update, UPDATED_FIELDS, batch_size=BATCH_SIZE)
    if retire:
        seen = {(spec["kind"], spec["code"]) for spec in specs}
        gone = [pk for key, pk in ids.items() if key not in seen]
        if gone:
            for kind in kinds:
                report.retired[kind] += FrenchAuthority.objects.filter(pk__in=gone, kind=kind, is_current=True).update(
                    is_current=False
                )
    return ids
