"""Log a correction when published minutes are published again with a correction reason."""

from django.dispatch import receiver
from wagtail.signals import page_published

from forum.models import MinutesCorrection, MinutesPage


@receiver(page_published, sender=MinutesPage)
def log_correction(sender, instance: MinutesPage, revision=None, **kwargs) -> None:
    reason = (instance.correction_reason or "").strip()
    if not reason:
        return
    MinutesCorrection.objects.create(
        page=instance,
        revision=revision,
        reason=reason,
        user=getattr(revision, "user", None),
    )
    # The live row forgets the reason so the next edit gives its own; the log keeps it.
    MinutesPage.objects.filter(pk=instance.pk).update(correction_reason="")
    instance.correction_reason = ""
