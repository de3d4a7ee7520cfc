"""Publishing a response tells the people waiting for it (see `loop.announce`)."""

import logging

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from you_said_we_did.models import ResponsePage

logger = logging.getLogger(__name__)


@receiver(page_published, sender=ResponsePage)
def tell_people_about_response(sender, instance: ResponsePage, **kwargs) -> None:
    from you_said_we_did.loop import announce

    # In the publishing transaction: the outbox sends only once it commits. A failure here must
    # not stop the page being published; nothing was recorded, so the next publish tells them.
    try:
        with transaction.atomic():
            announce(instance)
    except Exception:
        logger.exception("Could not tell people about response %s", instance.pk)
