"""Feedback items from families and young people, the themes that group them, and their log.

A feedback item keeps the submitter's words exactly as given (`comment`); what the public may
ever see is the moderator's `public_text`. Personal data (the email address) is erased after the
retention period, leaving the anonymised comment.
"""

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel

from directory.model_fields import optional_account, optional_link
from directory.models.snippets import NamedSnippet

COMMENT_MAX_LENGTH = 5000
HELPFULNESS_COMMENT_MAX_LENGTH = 1000
# Reference numbers: no 0/O, 1/I/L, so they can be read out on the phone.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_reference() -> str:
    """A random, unambiguous reference such as "FB-7K2M-Q9XD" for a feedback item."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"FB-{code[:4]}-{code[4:]}"


class ThemeForm(WagtailAdminModelForm):
    """The theme editor: the slug may be left empty and is then made from the name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = "Leave empty to make it from the name"

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("slug") and cleaned.get("name"):
            base = slugify(cleaned["name"])[:90] or "theme"
            slug, n = base, 1
            while Theme.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
                n += 1
                slug = f"{base}-{n}"
            cleaned["slug"] = slug
            self.errors.pop("slug", None)
        return cleaned


class Theme(NamedSnippet):
    """An editor-managed theme that groups feedback items to be answered together."""

    base_form_class = ThemeForm

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.CharField(max_length=255, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]


class FeedbackItem(models.Model):
    """One comment sent through a feedback form, with its moderation state."""

    class Kind(models.TextChoices):
        LOCAL_OFFER = "local_offer", "The Local Offer as a whole"
        SERVICE = "service", "A service"
        GENERAL = "general", "General"
        YOUNG_PERSON = "young_person", "Young person's form"
        # Text the public writes in the modules above feedback, through the same intake.
        SURVEY_ANSWER = "survey_answer", "A free-text survey answer"
        AGENDA_PROPOSAL = "agenda_proposal", "A forum agenda proposal"
        MINUTES_COMMENT = "minutes_comment", "A comment on draft forum minutes"
        CHECK_BACK = "check_back", '"Did this make a difference?" answer'

    class Topic(models.TextChoices):
        # Regulation 56(1) of the SEND Regulations 2014.
        CONTENT = "content", "The services and support listed, and how good they are"
        MISSING = "missing", "Something that is missing"
        ACCESSIBILITY = "accessibility", "How easy the information is to find, read and use"
        DEVELOPMENT = "development", "How the Local Offer was made or reviewed, and your part in it"

    class Writer(models.TextChoices):
        PARENT_CARER = "parent_carer", "A parent or carer"
        YOUNG_PERSON = "young_person", "A young person"
        PROFESSIONAL = "professional", "A professional"
        OTHER = "other", "Someone else"

    class Status(models.TextChoices):
        NEW = "new", "New"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        SAFEGUARDING = "safeguarding", "Safeguarding concern"

    class RejectionReason(models.TextChoices):
        VEXATIOUS = "vexatious", "Vexatious"
        INDIVIDUAL_CASE = "individual_case", "About an individual case (complaints process)"
        OUT_OF_SCOPE = "out_of_scope", "Out of scope"
        OTHER = "other", "Other"

    class SafeguardingFlag(models.TextChoices):
        NONE = "", "Not flagged"
        AUTO = "auto", "Flagged automatically"
        MANUAL = "manual", "Flagged by a moderator"

    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    reference = models.CharField(
        max_length=12, unique=True, null=True, editable=False, help_text="Given to the sender."
    )
    subject_page = optional_link(
        "wagtailcore.Page",
        related_name="feedback_items",
        help_text="The service page this feedback is about, if any.",
    )
    topic = models.CharField(max_length=20, choices=Topic.choices, blank=True, db_index=True)
    writer = models.CharField("who is writing", max_length=20, choices=Writer.choices, blank=True)
    district = optional_link("directory.District", related_name="feedback_items")
    rating = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(max_length=COMMENT_MAX_LENGTH, help_text="Exactly as written.")

    wants_response = models.BooleanField("wants to hear about a response", default=False)
    email = models.EmailField(blank=True, help_text="Only kept if they asked for a response.")
    publish_consent = models.BooleanField("may publish their words anonymously", default=False)
    under_13 = models.BooleanField(null=True, blank=True, help_text="Young person's form only.")
    helped_by_parent = models.BooleanField("a parent or carer helped", default=False)

    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    public_text = models.TextField(
        blank=True, help_text="The moderated version the public may see. Blank: not written yet."
    )
    rejection_reason = models.CharField(max_length=20, choices=RejectionReason.choices, blank=True)
    rejection_note = models.TextField(blank=True)

    safeguarding_flag = models.CharField(
        max_length=10, choices=SafeguardingFlag.choices, blank=True, default=""
    )
    safeguarding_terms = models.JSONField(
        default=list, blank=True, help_text="The safeguarding words or phrases that matched."
    )
    safeguarding_notified_at = models.DateTimeField(null=True, blank=True)

    suspected_spam = models.BooleanField(default=False, db_index=True)
    spam_reasons = models.JSONField(default=list, blank=True)

    themes = models.ManyToManyField(Theme, blank=True, related_name="feedback_items")

    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    created_date = models.DateField(db_index=True, editable=False, default=timezone.localdate)
    user = optional_account(related_name="feedback_items")
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = "feedback item"
        permissions = [
            ("moderate_feedbackitem", "Can moderate feedback"),
            ("export_personal_data", "Can export feedback with personal data"),
            ("view_safeguarding", "Can see feedback flagged as a safeguarding concern"),
        ]

    def __str__(self) -> str:
        return f"Feedback {self.pk} ({self.get_kind_display()}, {self.created_date})"

    def save(self, *args, **kwargs) -> None:
        # The day it arrived, in local time, kept beside the timestamp for fast grouping.
        self.created_date = timezone.localdate(self.submitted_at)
        self.reference = self.reference or new_reference()
        super().save(*args, **kwargs)

    @property
    def is_safeguarding(self) -> bool:
        return self.status == self.Status.SAFEGUARDING


class ModerationLogEntry(models.Model):
    """One thing that happened to a feedback item: who, when, what and why."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        AUTO_FLAGGED = "auto_flagged", "Flagged for safeguarding automatically"
        SAFEGUARDING_NOTIFIED = "safeguarding_notified", "Safeguarding contact emailed"
        FLAGGED = "flagged", "Flagged as a safeguarding concern"
        UNFLAGGED = "unflagged", "Safeguarding flag removed"
        APPROVED = "approved", "Approved for publication"
        REDACTED = "redacted", "Public version edited"
        REJECTED = "rejected", "Rejected"
        REOPENED = "reopened", "Returned to the queue"
        THEMES_CHANGED = "themes_changed", "Themes changed"
        NOTE = "note", "Note"
        PERSONAL_DATA_ERASED = "personal_data_erased", "Personal data erased"

    item = models.ForeignKey(FeedbackItem, on_delete=models.CASCADE, related_name="log_entries")
    user = optional_account(help_text="Empty when the system did it.")
    timestamp = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=30, choices=Action.choices)
    reason = models.TextField(blank=True)
    details = models.TextField(blank=True)
    before = models.TextField(blank=True)
    after = models.TextField(blank=True)

    class Meta:
        ordering = ["-timestamp", "-pk"]
        verbose_name = "moderation log entry"
        verbose_name_plural = "moderation log entries"

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.timestamp:%Y-%m-%d %H:%M})"
