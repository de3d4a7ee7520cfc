"""Publishing a response tells the people waiting for it (see `loop.announce`)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from you_said_we_did.models import ResponsePage


@receiver(page_published, sender=ResponsePage)
def tell_people_about_response(sender, instance: ResponsePage, **kwargs) -> None:
    from you_said_we_did.loop import announce

    # In the publishing transaction: the outbox sends only once it commits.
    announce(instance)
