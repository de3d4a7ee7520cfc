"""Answering a survey one question at a time: progress, Back, branching, check answers, send."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from feedback.models import FeedbackItem, FeedbackSettings
from surveys.factories import add_survey
from surveys.models import SurveyAnswer, SurveyResponse
from surveys.tests.conftest import qname

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def start(client, survey, version=""):
    data = {"consent": "on"}
    if version:
        data["version"] = version
    return client.post(reverse("surveys:start", args=[survey.pk]), data)


def answer(client, survey, number, data):
    return client.post(reverse("surveys:step", args=[survey.pk, number]), data)


def answer_the_short_way(client, survey, last_answer=None):
    """Answer "no" to question 1 (so 2 and 3 are skipped), nothing to 4, and `last_answer` to 5
    (nothing when None); returns the response to question 5."""
    answer(client, survey, 1, {qname(survey, 1): "no"})
    answer(client, survey, 4, {})
    data = {} if last_answer is None else {qname(survey, 5): last_answer}
    return answer(client, survey, 5, data)


def send(client, survey):
    return client.post(reverse("surveys:check", args=[survey.pk]), {"website": "", "started": ""})


def test_start_page_shows_privacy_statement_and_consent(client, survey):
    page = client.get(survey.url)
    assert page.status_code == 200
    assert b"We never publish names" in page.content
    assert b"I have read how my answers will be used" in page.content
    assert (
        b"young people&#x27;s version" in page.content or b"young people's version" in page.content
    )


def test_consent_is_required(client, survey):
    response = client.post(reverse("surveys:start", args=[survey.pk]), {})
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert b"Confirm you have read" in response.content


def test_whole_journey_with_branching_and_progress(client, survey, districts):
    assert start(client, survey).url == reverse("surveys:step", args=[survey.pk, 1])
    first = client.get(reverse("surveys:step", args=[survey.pk, 1]))
    # Until question 1 is answered, the two questions that depend on it are not counted.
    assert b"Question 1 of 3" in first.content
    assert answer(client, survey, 1, {qname(survey, 1): "yes"}).url.endswith("/questions/2/")
    second = client.get(reverse("surveys:step", args=[survey.pk, 2]))
    assert b"Question 2 of 5" in second.content
    answer(client, survey, 2, {qname(survey, 2): "School"})
    answer(client, survey, 3, {qname(survey, 3): "4"})
    answer(client, survey, 4, {qname(survey, 4): "north"})
    to_check = answer(client, survey, 5, {qname(survey, 5): "More about short breaks"})
    assert to_check.url == reverse("surveys:check", args=[survey.pk])
    check = client.get(to_check.url)
    assert b"Check your answers" in check.content
    for words in (b"School", b"Good", b"North", b"More about short breaks"):
        assert words in check.content
    thanks = send(client, survey)
    assert thanks.url == reverse("surveys:thanks", args=[survey.pk])
    response = SurveyResponse.objects.get()
    assert response.source == "web"
    values = {str(a.question_uuid): a.value for a in response.answers.all()}
    questions = survey.ordered_questions()
    assert values[str(questions[0].uuid)] == "yes"
    assert values[str(questions[1].uuid)] == "School"
    assert values[str(questions[2].uuid)] == "4"
    assert values[str(questions[3].uuid)] == "north"
    # Free text is not in the answer: it went to the moderated intake.
    text_answer = response.answers.get(question_uuid=questions[4].uuid)
    assert text_answer.value is None
    item = text_answer.feedback_item
    assert item.kind == FeedbackItem.Kind.SURVEY_ANSWER
    assert item.comment == "More about short breaks"
    assert item.status == FeedbackItem.Status.NEW
    assert item.district.slug == "north"
    # The answers left the session.
    assert f"survey-{survey.pk}" not in client.session


def test_hidden_questions_are_skipped_and_not_stored(client, survey):
    start(client, survey)
    to_next = answer(client, survey, 1, {qname(survey, 1): "no"})
    assert to_next.url.endswith("/questions/4/")
    page = client.get(to_next.url)
    assert b"Question 2 of 3" in page.content
    # Asking for a hidden question moves on.
    assert client.get(reverse("surveys:step", args=[survey.pk, 2])).url.endswith("/questions/4/")
    answer(client, survey, 4, {qname(survey, 4): ""})
    answer(client, survey, 5, {qname(survey, 5): ""})
    send(client, survey)
    response = SurveyResponse.objects.get()
    assert response.answers.count() == 1


def test_answers_to_questions_hidden_later_are_forgotten(client, survey):
    start(client, survey)
    answer(client, survey, 1, {qname(survey, 1): "yes"})
    answer(client, survey, 2, {qname(survey, 2): "School"})
    answer(client, survey, 3, {qname(survey, 3): "5"})
    # Back to question 1, change the answer: questions 2 and 3 are now hidden.
    answer(client, survey, 1, {qname(survey, 1): "no"})
    answers = client.session[f"survey-{survey.pk}"]["answers"]
    assert set(answers) == {str(survey.ordered_questions()[0].uuid)}
    answer(client, survey, 4, {})
    answer(client, survey, 5, {})
    send(client, survey)
    stored = SurveyAnswer.objects.values_list("question_uuid", flat=True)
    assert [str(u) for u in stored] == [str(survey.ordered_questions()[0].uuid)]


def test_back_keeps_answers(client, survey):
    start(client, survey)
    answer(client, survey, 1, {qname(survey, 1): "yes"})
    page = client.get(reverse("surveys:step", args=[survey.pk, 2]))
    assert f'href="{reverse("surveys:step", args=[survey.pk, 1])}"'.encode() in page.content
    back = client.get(reverse("surveys:step", args=[survey.pk, 1]))
    assert b'value="yes" checked' in back.content


def test_change_from_check_answers_returns_there(client, survey):
    start(client, survey)
    answer_the_short_way(client, survey)
    url = reverse("surveys:step", args=[survey.pk, 4]) + "?change=1"
    assert answer_url(client, url, {qname(survey, 4): "south"}) == reverse(
        "surveys:check", args=[survey.pk]
    )
    # Changing to "yes" reveals new questions: those are asked before going back.
    url = reverse("surveys:step", args=[survey.pk, 1]) + "?change=1"
    assert answer_url(client, url, {qname(survey, 1): "yes"}).endswith("/questions/2/?change=1")


def answer_url(client, url, data):
    return client.post(url, data).url


def test_cannot_skip_to_check_answers(client, survey):
    start(client, survey)
    assert client.get(reverse("surveys:check", args=[survey.pk])).url.endswith("/questions/1/")


def test_without_starting_questions_go_to_the_start_page(client, survey):
    assert client.get(reverse("surveys:step", args=[survey.pk, 1])).url == survey.url


def test_young_person_wording(client, survey):
    start(client, survey, version="young")
    page = client.get(reverse("surveys:step", args=[survey.pk, 1]))
    assert b"Have you used this website?" in page.content
    answer_the_short_way(client, survey)
    send(client, survey)
    assert SurveyResponse.objects.get().version == "young_person"


@pytest.mark.parametrize(
    ("number", "value", "message"),
    [
        (1, "", b"Select an answer"),
        (1, "maybe", b"Select one of the answers shown"),
        (4, "atlantis", b"Select one of the answers shown"),
        (5, "x" * 5001, b"5,000 characters or fewer"),
        (5, "hello\x00world", b"a character we cannot accept"),
    ],
)
def test_bad_answers_get_a_message_next_to_the_field(client, survey, number, value, message):
    start(client, survey)
    if number > 1:
        answer(client, survey, 1, {qname(survey, 1): "no"})
    if number > 4:
        answer(client, survey, 4, {})
    page = answer(client, survey, number, {qname(survey, number): value})
    assert page.status_code == 200
    assert b"govuk-error-summary" in page.content
    assert b"govuk-error-message" in page.content
    assert message in page.content


def test_what_was_typed_is_kept_after_an_error(client, survey):
    start(client, survey)
    page = answer_the_short_way(client, survey, "My words " + "x" * 5000)
    assert b"My words" in page.content


def test_closed_survey_refuses_answers_and_keeps_them(client, survey):
    start(client, survey)
    answer_the_short_way(client, survey)
    survey.closes_at = timezone.now() - timedelta(minutes=1)
    survey.save_revision().publish()
    page = send(client, survey)
    assert page.status_code == 200
    assert b"This survey has closed" in page.content
    assert SurveyResponse.objects.count() == 0


def test_closed_survey_start_page_says_so(client, survey):
    survey.closes_at = timezone.now() - timedelta(days=1)
    survey.save_revision().publish()
    page = client.get(survey.url)
    assert b"This survey has closed" in page.content
    assert b"Start now" not in page.content


def test_one_response_per_browser(client, survey):
    survey.one_response_per = "browser"
    survey.save_revision().publish()
    for _ in range(2):
        start(client, survey)
        answer_the_short_way(client, survey)
        send(client, survey)
    assert SurveyResponse.objects.count() == 1
    page = client.get(reverse("surveys:start", args=[survey.pk]))
    assert b"already answered" in page.content


def test_one_response_per_account_needs_sign_in(client, survey, django_user_model):
    survey.one_response_per = "account"
    survey.save_revision().publish()
    page = client.get(reverse("surveys:start", args=[survey.pk]))
    assert b"Sign in to answer" in page.content
    user = django_user_model.objects.create_user("parent", "parent@example.com", "x")
    client.force_login(user)
    for _ in range(2):
        start(client, survey)
        answer_the_short_way(client, survey)
        send(client, survey)
    assert SurveyResponse.objects.get().user == user


def test_sending_twice_stores_once(client, survey):
    start(client, survey)
    answer_the_short_way(client, survey)
    state = dict(client.session[f"survey-{survey.pk}"])
    send(client, survey)
    # The same answers sent again (a second tab, a double click): stored once.
    session = client.session
    session[f"survey-{survey.pk}"] = state
    session.save()
    page = send(client, survey)
    assert page.status_code == 200
    assert SurveyResponse.objects.count() == 1


def test_safeguarding_phrase_shows_help_box_and_holds_the_answer(client, survey, mailoutbox):
    start(client, survey)
    answer_the_short_way(client, survey, "I want to kill myself")
    thanks = client.get(send(client, survey).url)
    item = FeedbackItem.objects.get()
    assert item.status == FeedbackItem.Status.SAFEGUARDING
    assert b"Get help" in thanks.content
    assert b"safeguarding team has been told" in thanks.content
    assert b"kill myself" not in thanks.content


def test_thank_you_page_says_what_happens_next(client, survey):
    survey.results_expected = "in March 2027"
    survey.what_happens_next = "We will discuss your answers with the parent carer forum."
    survey.save_revision().publish()
    page = client.get(reverse("surveys:thanks", args=[survey.pk]))
    assert b"in March 2027" in page.content
    assert b"parent carer forum" in page.content


def test_unknown_survey_is_404(client, db):
    assert client.get(reverse("surveys:step", args=[999, 1])).status_code == 404


def test_one_section_per_page(client, site_root, districts):
    survey = add_survey(
        site_root,
        [
            {"kind": "yes_no", "label": "Do you have a carer?", "section": "About you"},
            {"kind": "number", "label": "How many children do you have?", "section": "About you"},
            {"kind": "date", "label": "When did you last visit?", "section": "Visits"},
        ],
        slug="sections",
        pages_mode="section",
    )
    first, second, third = survey.ordered_questions()
    start(client, survey)
    page = client.get(reverse("surveys:step", args=[survey.pk, 1]))
    assert b"Questions 1 to 2 of 3" in page.content
    assert b"About you" in page.content
    bad = answer(client, survey, 1, {f"q_{first.uuid.hex}": "yes", f"q_{second.uuid.hex}": "lots"})
    assert b"Enter a whole number, like 3" in bad.content
    assert b'value="yes" checked' in bad.content
    answer(client, survey, 1, {f"q_{first.uuid.hex}": "yes", f"q_{second.uuid.hex}": "2"})
    bad_date = answer(client, survey, 2, {f"q_{third.uuid.hex}": "31/2/2026"})
    assert b"Enter a real date" in bad_date.content
    answer(client, survey, 2, {f"q_{third.uuid.hex}": "27/3/2026"})
    check = client.get(reverse("surveys:check", args=[survey.pk]))
    assert b"27/3/2026" in check.content
    send(client, survey)
    values = {str(a.question_uuid): a.value for a in SurveyAnswer.objects.all()}
    assert values == {str(first.uuid): "yes", str(second.uuid): 2, str(third.uuid): "2026-03-27"}


def test_answers_posted_to_a_hidden_question_are_not_kept(client, survey):
    start(client, survey)
    answer(client, survey, 1, {qname(survey, 1): "no"})
    # Question 2 is hidden after "no": a hand-made POST to it is not accepted.
    response = answer(client, survey, 2, {qname(survey, 2): "School"})
    assert response.status_code == 302
    assert (
        str(survey.ordered_questions()[1].uuid)
        not in client.session[f"survey-{survey.pk}"]["answers"]
    )
    # Extra fields for other questions on a page are ignored too.
    answer(client, survey, 4, {qname(survey, 4): "north", qname(survey, 3): "5"})
    answer(client, survey, 5, {})
    send(client, survey)
    stored = {str(u) for u in SurveyAnswer.objects.values_list("question_uuid", flat=True)}
    questions = survey.ordered_questions()
    assert stored == {str(questions[0].uuid), str(questions[3].uuid)}


def test_rate_limit_keeps_the_answers(client, survey):
    config = FeedbackSettings.for_site(survey.get_site())
    config.rate_limit_count = 0
    config.save()
    start(client, survey)
    answer_the_short_way(client, survey, "Kept words")
    page = send(client, survey)
    assert page.status_code == 429
    assert b"Your answers are still here" in page.content
    assert b"Kept words" in page.content
    assert SurveyResponse.objects.count() == 0


def test_consent_to_quote_reaches_the_moderator(client, survey):
    start(client, survey)
    answer_the_short_way(client, survey, "Quote me")
    assert (
        b"You may publish short quotes"
        in client.get(reverse("surveys:check", args=[survey.pk])).content
    )
    client.post(reverse("surveys:check", args=[survey.pk]), {"publish_consent": "on"})
    assert FeedbackItem.objects.get().publish_consent is True
