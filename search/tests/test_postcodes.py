"""Postcodes to places, offline: normalised input, outward codes, unknown and invalid input."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from directory.validators import normalise_postcode as normalise
from search.postcodes import postcode_location


@pytest.mark.parametrize(
    ("given", "expected"),
    [("st162dh", "ST16 2DH"), ("  ST16   2DH ", "ST16 2DH"), ("st16", "ST16"), ("b11aa", "B1 1AA")],
)
def test_normalise(given, expected):
    assert normalise(given) == expected


def test_a_full_postcode_is_placed():
    assert postcode_location("st16 2dh") == pytest.approx((52.806, -2.115), abs=0.002)


def test_an_outward_code_is_placed_at_its_centre():
    lat, lon = postcode_location("ST16")
    assert 52.78 < lat < 52.85 and -2.17 < lon < -2.07


@pytest.mark.parametrize("given", ["", "hello", "ZZ99 9ZZ", "ST99 9ZZ", "12345", "<script>"])
def test_unknown_or_invalid_postcodes_give_none(given):
    assert postcode_location(given) is None


@override_settings(SEARCH_POSTCODES_FROM_DATABASE=True)
def test_a_loaded_ons_file_is_used_when_configured(db, tmp_path):
    onspd = tmp_path / "onspd.csv"
    onspd.write_text(
        "pcd,pcds,doterm,lat,long\n"
        "AB1 0AA,AB1 0AA,,57.101474,-2.242851\n"
        "AB1 0AB,AB1 0AB,199606,57.102554,-2.246308\n"
        "XY1 1ZZ,XY1 1ZZ,,99.999999,0.000000\n"
    )
    call_command("load_postcodes", str(onspd), stdout=None)
    assert postcode_location("ab10aa") == pytest.approx((57.101474, -2.242851))
    assert postcode_location("AB1 0AB") is None  # terminated
    assert postcode_location("XY1 1ZZ") is None  # no grid reference
    assert postcode_location("AB1") == pytest.approx((57.101474, -2.242851))
