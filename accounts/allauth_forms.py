"""allauth's sign-in and sign-up forms with our labels (ACCOUNT_FORMS).

Apart from accounts/forms.py because allauth imports that module (ACCOUNT_SIGNUP_FORM_CLASS)
while defining the forms these subclass.
"""

from allauth.account import forms as allauth_forms


class LoginForm(allauth_forms.LoginForm):
    """Sign in with an email address and password."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Email address"
        self.fields["login"].widget.attrs.pop("placeholder", None)
        if "remember" in self.fields:
            self.fields["remember"].label = "Keep me signed in on this device"


class SignupForm(allauth_forms.SignupForm):
    """Create an account: email address, password twice, and our questions."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["password2"].label = "Confirm password"
