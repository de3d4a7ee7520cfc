"""Account forms: the extra sign-up questions, the profile, and account deletion."""

from django import forms
from django.utils import timezone

from accounts.models import Profile
from directory.forms import district_field, radios_field

AGE_ANSWERS = [
    ("13-or-over", "I am 13 or over"),
    ("parent-helping", "I am under 13 and a parent or carer is helping me"),
    ("under-13", "I am under 13 and on my own"),
]
UNDER_13_ALONE_MESSAGE = (
    "You cannot make an account on your own if you are under 13. Ask a parent or carer to help "
    "you, or give feedback without an account"
)


class ProfileFields(forms.Form):
    """Who I am, my district and my email choices: asked at sign-up and on "Your details"."""

    who = radios_field("Who are you?", Profile.Who.choices, error="Select who you are")
    district = district_field()
    email_responses = forms.BooleanField(
        label="Email me when my feedback gets a response", required=False, initial=True
    )
    email_news = forms.BooleanField(
        label="Email me about surveys, forum meetings and changes we made", required=False
    )


class SignupForm(ProfileFields):
    """allauth adds these questions to its sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    field_order = ["email", "password1", "password2", "who", "age", "district"]

    age = radios_field(
        "How old are you?",
        AGE_ANSWERS,
        help_text="Children under 13 need a parent or carer to make an account with them.",
        error="Select how old you are",
    )

    def clean_age(self) -> str:
        age = self.cleaned_data["age"]
        if age == "under-13":
            raise forms.ValidationError(UNDER_13_ALONE_MESSAGE, code="under_13")
        return age

    def signup(self, request, user) -> None:
        """Called by allauth once the user exists: keep the answers in their profile."""
        data = self.cleaned_data
        Profile.objects.update_or_create(
            user=user,
            defaults={
                "who": data["who"],
                "district": data.get("district"),
                "email_responses": data.get("email_responses", False),
                "email_news": data.get("email_news", False),
                "age_confirmed_at": timezone.now(),
                "parent_helping": data["age"] == "parent-helping",
            },
        )


class ProfileForm(forms.ModelForm):
    """Change who I am, my district and my email choices."""

    who = ProfileFields.base_fields["who"]
    district = ProfileFields.base_fields["district"]

    class Meta:
        model = Profile
        fields = ["who", "district", "email_responses", "email_news"]
        labels = {
            "email_responses": ProfileFields.base_fields["email_responses"].label,
            "email_news": ProfileFields.base_fields["email_news"].label,
        }


class DeleteAccountForm(forms.Form):
    """A deliberate tick, so nobody deletes their account by one stray click."""

    confirm = forms.BooleanField(
        label="I understand my account will be deleted and I cannot undo this",
        error_messages={"required": "Tick the box to say you understand"},
    )
