"""The public feedback forms: for adults, for young people, and "What was missing?".

Text fields keep exactly what was typed (no stripping); a comment of only spaces counts as empty.
"""

from django import forms
from wagtail.models import Page

from directory.forms import district_field, radios_field
from feedback.intake import Submission
from feedback.models import COMMENT_MAX_LENGTH, HELPFULNESS_COMMENT_MAX_LENGTH, FeedbackItem
from feedback.spam import form_started_token

EMAIL_MAX_LENGTH = 254

RATING_CHOICES = [
    (1, "Very poor"),
    (2, "Poor"),
    (3, "OK"),
    (4, "Good"),
    (5, "Very good"),
]

# The young person's five faces: value, words, and how far the mouth curves (the y of the
# curve's control point in a 40x40 drawing: 19 is a deep frown, 27 a straight line, 35 a grin).
# The face is drawn beside the words and hidden from screen readers, as the words say it.
FACES = [
    (1, "Really bad", 19),
    (2, "Bad", 23),
    (3, "OK", 27),
    (4, "Good", 31),
    (5, "Really good", 35),
]

YES_NO = [("yes", "Yes"), ("no", "No")]


class PublicTextField(forms.CharField):
    """Text the public writes, in a text area, kept exactly as typed. When required, only spaces
    counts as empty (the "required" error message says so); the length is counted as people do."""

    widget = forms.Textarea

    def __init__(self, *, what: str, limit: int = COMMENT_MAX_LENGTH, **kwargs) -> None:
        super().__init__(strip=False, **kwargs)
        self.what = what  # names the text in the too-long message: "Your feedback must be ..."
        self.limit = limit

    def validate(self, value: str) -> None:
        super().validate(value)
        if self.required and not value.strip():
            raise forms.ValidationError(self.error_messages["required"], code="required")
        # Browsers send each new line as two characters; people count it as one.
        length = len(value.replace("\r\n", "\n"))
        if length > self.limit:
            raise forms.ValidationError(
                f"{self.what} must be {self.limit:,} characters or fewer. "
                f"You have written {length:,} characters.",
                code="max_length",
            )


def _rating_field(label: str, choices: list, *, invalid: str) -> forms.TypedChoiceField:
    """The optional rating from 1 (worst) to 5 (best) that a feedback item keeps, as radios."""
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": invalid},
    )


class SpamGuardForm(forms.Form):
    """Hidden spam defences every public feedback form carries (see feedback/spam.py)."""

    # The honeypot: hidden from sight, keyboards and screen readers in the template.
    website = forms.CharField(required=False, strip=False, label="Leave this empty")
    started = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("started", form_started_token())


class ResponseChoiceMixin(forms.Form):
    """The choice to hear about a response, and the email address it needs."""

    wants_response = forms.BooleanField(
        required=False, label="Tell me when there is a response to my feedback"
    )
    email = forms.CharField(
        required=False,
        strip=False,
        label="Email address",
        help_text=(
            "We only use this to tell you about a response and ask if it made a difference. "
            "We delete it after that, or after a year, whichever comes first."
        ),
    )

    email_required_message = "Enter your email address so we can tell you about a response"

    def clean(self) -> dict:
        cleaned = super().clean()
        email = cleaned.get("email") or ""
        if not cleaned.get("wants_response"):
            # No response wanted: keep no address and do not check one that was typed.
            cleaned["email"] = ""
            return cleaned
        if not email.strip():
            self.add_error("email", self.email_required_message)
        elif len(email) > EMAIL_MAX_LENGTH:
            self.add_error("email", f"Email address must be {EMAIL_MAX_LENGTH} characters or fewer")
        else:
            try:
                cleaned["email"] = forms.EmailField().clean(email.strip())
            except forms.ValidationError:
                self.add_error(
                    "email", "Enter an email address in the correct format, like name@example.com"
                )
        return cleaned


class FeedbackForm(ResponseChoiceMixin, SpamGuardForm):
    """Feedback from adults: about the Local Offer as a whole, a service, or anything else."""

    about = radios_field(
        "What is your feedback about?",
        [
            (FeedbackItem.Kind.LOCAL_OFFER, "The Local Offer as a whole"),
            (FeedbackItem.Kind.GENERAL, "Something else"),
        ],
        error="Select what your feedback is about",
    )
    topic = radios_field(
        "What is it mostly about?",
        FeedbackItem.Topic.choices,
        error="Select what your feedback is mostly about",
    )
    writer = radios_field(
        "Who is writing?", FeedbackItem.Writer.choices, error="Select who is writing"
    )
    district = district_field()
    rating = _rating_field(
        "How would you rate it? (optional)",
        RATING_CHOICES,
        invalid="Select a rating from Very poor to Very good",
    )
    comment = PublicTextField(
        label="Your feedback",
        what="Your feedback",
        help_text=(
            "Do not include names or personal details. "
            f"You can write up to {COMMENT_MAX_LENGTH:,} characters."
        ),
        error_messages={"required": "Enter your feedback"},
    )
    publish_consent = forms.BooleanField(
        required=False,
        label="You may publish my words without my name",
        help_text="We remove anything that could identify you or anyone else.",
    )

    field_order = [
        "about",
        "topic",
        "writer",
        "district",
        "rating",
        "comment",
        "wants_response",
        "email",
        "publish_consent",
    ]

    def __init__(self, *args, about_service: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.about_service = about_service
        if about_service:
            del self.fields["about"]

    def submission(self, service: Page | None) -> Submission:
        """What was sent, for the intake; `service` is the page it is about, if any."""
        data = self.cleaned_data
        return Submission(
            kind=FeedbackItem.Kind.SERVICE if self.about_service else data["about"],
            subject_page=service,
            topic=data["topic"],
            writer=data["writer"],
            district_id=data["district"].pk if data["district"] else None,
            rating=data["rating"],
            comment=data["comment"],
            wants_response=data["wants_response"],
            email=data["email"],
            publish_consent=data["publish_consent"],
        )


class YoungPersonAgeForm(forms.Form):
    """The first question of the young person's form: are you under 13?"""

    age = radios_field(
        "Are you under 13?",
        [("under-13", "Yes, I am under 13"), ("13-or-over", "No, I am 13 or over")],
        error="Choose yes or no",
        error_messages={"invalid_choice": "Choose yes or no"},
    )


class YoungPersonForm(ResponseChoiceMixin, SpamGuardForm):
    """The young person's form: one question, five faces, easy words."""

    rating = _rating_field(
        "How do you feel about it? (you do not have to choose)",
        [(value, words) for value, words, _mouth in FACES],
        invalid="Choose one of the faces",
    )
    comment = PublicTextField(
        label="What do you want to tell us?",
        what="What you write",
        help_text="Tell us what is good, what is bad, or what is missing. Do not write your name.",
        error_messages={"required": "Write what you want to tell us"},
    )
    helped_by_parent = forms.BooleanField(required=False, label="A parent or carer is helping me")
    publish_consent = forms.BooleanField(
        required=False,
        label="You can put my words on the website",
        help_text="We will not put your name.",
    )

    email_required_message = "Write your email address so we can tell you what we did"

    field_order = [
        "rating",
        "comment",
        "helped_by_parent",
        "wants_response",
        "email",
        "publish_consent",
    ]

    def __init__(self, *args, under_13: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.under_13 = under_13
        self.fields["wants_response"].label = "Tell me what you did about it"
        self.fields["email"].help_text = "We only use it to tell you, then we delete it."
        if not under_13:
            del self.fields["helped_by_parent"]

    def submission(self, service: Page | None) -> Submission:
        """What was sent, for the intake; `service` is the page it is about, if any."""
        data = self.cleaned_data
        return Submission(
            kind=FeedbackItem.Kind.YOUNG_PERSON,
            subject_page=service,
            writer=FeedbackItem.Writer.YOUNG_PERSON,
            rating=data["rating"],
            comment=data["comment"],
            wants_response=data["wants_response"],
            email=data["email"],
            publish_consent=data["publish_consent"],
            under_13=self.under_13,
            helped_by_parent=data.get("helped_by_parent", False),
        )

    def clean(self) -> dict:
        wants_response = self.cleaned_data.get("wants_response")
        if self.under_13 and not self.cleaned_data.get("helped_by_parent"):
            if wants_response:
                # Under 13s give an email address only with a parent or carer (UK GDPR art. 8).
                self.add_error(
                    "helped_by_parent",
                    "If you are under 13, ask a parent or carer to help you before you give "
                    "an email address. Then tick this box.",
                )
        return super().clean()


class MissingForm(forms.Form):
    """The optional "What was missing?" box after a "No" vote."""

    page = forms.IntegerField(widget=forms.HiddenInput)
    comment = PublicTextField(
        label="What was missing? (optional)",
        what="What was missing",
        limit=HELPFULNESS_COMMENT_MAX_LENGTH,
        required=False,
        help_text="Do not include personal details. We cannot reply to what you write here.",
    )
