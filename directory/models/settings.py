"""Site-wide settings editors change in the admin (Settings > Local Offer)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class LocalOfferSettings(BaseSiteSetting):
    """The council's name and contact details, shown in the header, footer and help boxes."""

    council_name = models.CharField(max_length=100, default="Westshire County Council")
    service_name = models.CharField(max_length=100, default="Westshire Local Offer")
    contact_phone = models.CharField(max_length=30, blank=True, default="0300 123 4567")
    contact_email = models.EmailField(blank=True, default="localoffer@westshire.example")
    offline_text = models.CharField(
        max_length=255,
        blank=True,
        default="Call us to get this information on paper, in large print or in another language.",
        help_text="How to get the Local Offer without the internet (regulation 57).",
    )
    review_interval_days = models.PositiveSmallIntegerField(
        default=365, help_text="How long a service may go between reviews."
    )

    panels = [
        MultiFieldPanel([FieldPanel("council_name"), FieldPanel("service_name")], heading="Names"),
        MultiFieldPanel(
            [FieldPanel("contact_phone"), FieldPanel("contact_email"), FieldPanel("offline_text")],
            heading="Contact",
        ),
        FieldPanel("review_interval_days"),
    ]

    class Meta:
        verbose_name = "Local Offer settings"
