"""The automatic safeguarding screen, the email to the named contact, and the help box."""

import pytest

from feedback.intake import Submission, submit_feedback
from feedback.models import FeedbackItem, FeedbackSettings, ModerationLogEntry
from feedback.moderation import notify_safeguarding_contact
from feedback.safeguarding import normalise_for_screening, screen_for_safeguarding

PHRASES = ["self-harm", "kill myself", "hit me", "abuse", "dont want to live", "unsafe at home"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I have been thinking about SELF HARM", ["self-harm"]),
        ("self-harm", ["self-harm"]),
        ("Self_Harm!!", ["self-harm"]),
        ("sometimes I want to kill   myself", ["kill myself"]),
        ("Kill\nmyself", ["kill myself"]),
        ("he hit me.", ["hit me"]),
        ("I don’t want to live", ["dont want to live"]),
        ("I DON'T want to live like this", ["dont want to live"]),
        ("I feel unsafe at home and he hit me", ["hit me", "unsafe at home"]),
        ("Âbuse", ["abuse"]),
    ],
)
def test_matches_ignore_case_punctuation_and_spacing(text, expected):
    assert screen_for_safeguarding(text, PHRASES) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The white mittens were lovely",  # "hit me" inside words
        "Great support, they never let us down",
        "The abusers of the system",  # different word
        "Please fix the map on the hit-men film page",
        "",
    ],
)
def test_whole_words_only(text):
    assert screen_for_safeguarding(text, PHRASES) == []


def test_normalisation():
    assert normalise_for_screening("  Don’t-STOP_me\tnow! ") == "dont stop me now"


@pytest.mark.django_db
def test_default_phrases_include_young_peoples_words(site_root):
    for text in ("i wanna die", "gonna kms", "i want to unalive myself", "i cut myself"):
        assert screen_for_safeguarding(text), text


@pytest.mark.django_db
def test_phrases_come_from_site_settings(site_root):
    settings = FeedbackSettings.for_site(site_root.get_site())
    settings.safeguarding_phrases = "knife\n\n  stranger danger  \n"
    settings.save()
    assert screen_for_safeguarding("Stranger-danger at the knife shop") == [
        "knife",
        "stranger danger",
    ]
    assert screen_for_safeguarding("He hit me") == []


@pytest.mark.django_db
def test_flagged_submission_is_held_emailed_and_shows_help(
    site_root, client, adult_data, mailoutbox
):
    adult_data["comment"] = "My son says the taxi driver hit me and he feels unsafe at home"
    adult_data["wants_response"] = "on"
    adult_data["email"] = "parent@example.org"
    response = client.post("/feedback/", adult_data)
    assert response.status_code == 302
    item = FeedbackItem.objects.get()
    assert item.status == FeedbackItem.Status.SAFEGUARDING
    assert item.safeguarding_flag == "auto"
    assert item.safeguarding_terms == ["hit me", "unsafe at home"]
    assert item.safeguarding_notified_at is not None
    actions = set(item.log_entries.values_list("action", flat=True))
    assert {
        ModerationLogEntry.Action.SUBMITTED,
        ModerationLogEntry.Action.AUTO_FLAGGED,
        ModerationLogEntry.Action.SAFEGUARDING_NOTIFIED,
    } <= actions

    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["safeguarding@westshire.example"]
    assert "Urgent" in email.subject
    assert f"http://testserver/admin/feedback/{item.pk}/" in email.body
    assert "hit me, unsafe at home" in email.body
    # The words themselves stay behind the admin's login.
    assert "taxi driver" not in email.body
    assert "parent@example.org" not in email.body

    html = client.get(response["Location"]).content.decode()
    assert "If you need help now" in html
    for contact in ("999", "Childline", "0800 1111", "Samaritans", "116 123"):
        assert contact in html
    assert 'href="tel:08001111"' in html


@pytest.mark.django_db
def test_young_persons_flag_shows_help_in_their_words(site_root, client, young_data, mailoutbox):
    young_data.update(age="under-13", comment="i wanna die")
    response = client.post("/feedback/young-people/?age=under-13", young_data)
    html = client.get(response["Location"]).content.decode()
    assert "A person whose job is to help keep young people safe will read it soon." in html
    assert "Childline" in html
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_unflagged_thanks_has_no_help_box(site_root, client, adult_data, mailoutbox):
    response = client.post("/feedback/", adult_data)
    html = client.get(response["Location"]).content.decode()
    assert "If you need help now" not in html
    assert mailoutbox == []
    assert FeedbackItem.objects.get().status == "new"


@pytest.mark.django_db
def test_help_box_contacts_come_from_settings(site_root, client, adult_data):
    settings = FeedbackSettings.for_site(site_root.get_site())
    settings.help_box_contacts = "Westshire night line | 0300 999 0000 | Any night"
    settings.save()
    adult_data["comment"] = "abuse"
    response = client.post("/feedback/", adult_data)
    html = client.get(response["Location"]).content.decode()
    assert "Westshire night line" in html
    assert "0300 999 0000" in html


@pytest.mark.django_db
def test_a_mail_failure_never_loses_the_item(site_root, settings, mailoutbox, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("notifications.outbox.EmailMultiAlternatives.send", broken)
    item = submit_feedback(Submission(kind="general", comment="he hit me"))
    item.refresh_from_db()
    assert item.status == "safeguarding"
    assert item.safeguarding_notified_at is None


@pytest.mark.django_db
def test_manual_notification_for_moderators(site_root, mailoutbox, django_user_model):
    moderator = django_user_model.objects.create_user("mod", "m@example.org", "pw")
    item = submit_feedback(Submission(kind="general", comment="A worrying story"))
    assert mailoutbox == []
    assert notify_safeguarding_contact(item, user=moderator, manual=True) is True
    assert "by a moderator" in mailoutbox[0].body
    entry = item.log_entries.get(action=ModerationLogEntry.Action.SAFEGUARDING_NOTIFIED)
    assert entry.user == moderator


@pytest.mark.django_db
def test_flagged_words_are_not_shown_again_on_the_thank_you_page(site_root, client, young_data):
    young_data["comment"] = "my uncle touched me at the club"
    response = client.post("/feedback/young-people/?age=13-or-over", young_data)
    html = client.get(response["Location"]).content.decode()
    assert "Childline" in html
    assert "my uncle" not in html
