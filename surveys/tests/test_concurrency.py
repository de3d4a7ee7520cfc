"""Sends arriving at the same moment are stored once (PostgreSQL, real concurrent transactions)."""

import threading
import uuid

import pytest
from django.db import connection

from surveys.models import SurveyResponse
from surveys.responses import AlreadyAnswered, submit_response

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _at_once(count: int, work) -> list:
    barrier = threading.Barrier(count)
    outcomes: list = []

    def run(index: int) -> None:
        try:
            barrier.wait()
            outcomes.append(work(index))
        except AlreadyAnswered:
            outcomes.append("already")
        except Exception as error:  # noqa: BLE001 - the test reports it
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_the_same_answers_sent_at_once_are_stored_once(survey):
    questions = survey.ordered_questions()
    key = str(uuid.uuid4())
    answers = {str(questions[0].uuid): "no", str(questions[4].uuid): "Sent twice"}
    outcomes = _at_once(4, lambda i: submit_response(survey, answers, submission_key=key))
    assert SurveyResponse.objects.count() == 1
    assert outcomes.count("already") == 3


def test_one_response_per_account_holds_under_concurrency(survey, django_user_model):
    survey.one_response_per = "account"
    survey.save_revision().publish()
    user = django_user_model.objects.create_user("parent", "p@example.com", "x")
    questions = survey.ordered_questions()
    outcomes = _at_once(
        4, lambda i: submit_response(survey, {str(questions[0].uuid): "no"}, user=user)
    )
    assert SurveyResponse.objects.filter(user=user).count() == 1
    assert outcomes.count("already") == 3


def test_different_people_at_once_are_all_stored(survey):
    questions = survey.ordered_questions()
    outcomes = _at_once(4, lambda i: submit_response(survey, {str(questions[0].uuid): "no"}))
    assert [o for o in outcomes if isinstance(o, Exception | str)] == []
    assert SurveyResponse.objects.count() == 4
