import pytest

from parent_update.demo import load_demo_content
from parent_update.models import ParentUpdatePage, Sending, ServiceSession
from parent_update.whats_on import upcoming

pytestmark = pytest.mark.django_db


def test_demo_content_is_idempotent_and_has_things_to_do_this_weekend(site_root, make_service):
    make_service("Include Sport football for all")
    make_service("Friday Night Club for disabled young people, Rugford")
    load_demo_content()
    summary = load_demo_content()
    assert "nothing new" in summary
    assert ParentUpdatePage.objects.live().count() == 2
    assert Sending.objects.count() == 2
    assert ServiceSession.objects.filter(without_parent=True).count() == 2
    assert any(o.session.without_parent for o in upcoming())
