"""Per-site feedback settings: safeguarding words and contact, help box, retention, spam."""

from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from directory.model_fields import optional_link

DEFAULT_SAFEGUARDING_PHRASES = """\
self-harm
self harm
selfharm
harm myself
harming myself
hurt myself
hurting myself
cut myself
cutting myself
cuts myself
suicide
suicidal
kill myself
killing myself
kms
unalive
unalive myself
end my life
end it all
take my own life
want to die
wanna die
wish i was dead
wish i were dead
better off dead
dont want to be alive
dont want to live
dont want to be here anymore
overdose
abuse
abused
abusing
abuser
hit me
hits me
hitting me
beat me
beats me
beating me
hurt me
hurts me
hurting me
kicked me
kicks me
punched me
punches me
touched me
touches me
touching me
rape
raped
sexual abuse
groomed
grooming
neglect
neglected
unsafe at home
not safe at home
scared at home
scared to go home
afraid to go home
frightened to go home
scared of my dad
scared of my mum
scared of my stepdad
locked me in
locks me in
no food at home
threatened to kill
going to kill
domestic violence
domestic abuse
forced marriage
fgm
run away from home
running away from home
"""

DEFAULT_HELP_CONTACTS = """\
Emergency: police, ambulance, fire | 999 | If someone is in danger right now.
Childline | 0800 1111 | Free and confidential for anyone under 19. Any time, day or night.
Samaritans | 116 123 | Free, any time, for anyone who is struggling.
Children's Services front door | 0300 123 4000 | Worried about a child? Day or night.
"""


def at_least_one(*, default: int, help_text: str = "") -> models.PositiveSmallIntegerField:
    """A count or a period that must be one or more (zero would switch the rule off)."""
    return models.PositiveSmallIntegerField(
        default=default, validators=[MinValueValidator(1)], help_text=help_text
    )


@register_setting(icon="warning")
class FeedbackSettings(BaseSiteSetting):
    """Safeguarding words, the safeguarding contact, the help box, retention and rate limits."""

    safeguarding_phrases = models.TextField(
        default=DEFAULT_SAFEGUARDING_PHRASES,
        help_text=(
            "One word or phrase a line. Feedback that contains any of them is held for urgent "
            "review and the safeguarding contact is emailed. Case and punctuation are ignored."
        ),
    )
    safeguarding_contact_email = models.EmailField(
        default="safeguarding@westshire.example",
        help_text="Who is emailed at once when feedback is flagged as a safeguarding concern.",
    )
    help_box_heading = models.CharField(max_length=100, default="If you need help now")
    help_box_text = models.TextField(
        default=(
            "You do not have to deal with this on your own. "
            "You can talk to someone now. These calls are free."
        ),
        help_text="Shown above the contacts.",
    )
    help_box_contacts = models.TextField(
        default=DEFAULT_HELP_CONTACTS,
        help_text="One contact a line: name | phone number | when to call.",
    )
    retention_months = at_least_one(
        default=12, help_text="Email addresses on feedback are deleted after this many months."
    )
    complaints_text = models.TextField(
        default=(
            "If your feedback is about your own or your child's situation, you can make a "
            "complaint. We will look into it and reply to you. If you are not happy with our "
            "answer you can ask for mediation or appeal to the tribunal."
        ),
        help_text=(
            "Shown to moderators, and emailed to the writer if they asked for a reply, when "
            "feedback is rejected as being about an individual case (regulation 56(4))."
        ),
    )
    complaints_page = optional_link(
        "wagtailcore.Page",
        help_text="The page that explains how to complain, mediation and appeals.",
    )
    rate_limit_count = at_least_one(
        default=5,
        help_text="How many feedback forms one connection may send in the period below.",
    )
    rate_limit_minutes = at_least_one(default=10)
    min_seconds_to_submit = models.PositiveSmallIntegerField(
        default=3,
        help_text=(
            "Forms sent faster than this are kept but marked as possible spam for the moderator."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("safeguarding_phrases"), FieldPanel("safeguarding_contact_email")],
            heading="Safeguarding",
        ),
        MultiFieldPanel(
            [
                FieldPanel("help_box_heading"),
                FieldPanel("help_box_text"),
                FieldPanel("help_box_contacts"),
            ],
            heading="Help box",
        ),
        MultiFieldPanel(
            [FieldPanel("complaints_text"), FieldPanel("complaints_page")],
            heading="Complaints (individual cases)",
        ),
        FieldPanel("retention_months"),
        MultiFieldPanel(
            [
                FieldPanel("rate_limit_count"),
                FieldPanel("rate_limit_minutes"),
                FieldPanel("min_seconds_to_submit"),
            ],
            heading="Spam defences",
        ),
    ]

    class Meta:
        verbose_name = "feedback settings"

    def phrase_list(self) -> list[str]:
        """The safeguarding phrases, one per non-blank line."""
        return [line.strip() for line in self.safeguarding_phrases.splitlines() if line.strip()]

    def help_contacts(self) -> list[dict[str, str]]:
        """The help box contacts as name, phone and note, from "name | phone | note" lines."""
        contacts = []
        for line in self.help_box_contacts.splitlines():
            if not line.strip():
                continue
            name, phone, note = ([part.strip() for part in line.split("|")] + ["", ""])[:3]
            contacts.append({"name": name, "phone": phone, "note": note})
        return contacts
