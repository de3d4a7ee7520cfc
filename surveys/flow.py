"""The order people meet a survey's questions in: pages, branching and numbering.

Plain functions over the survey's questions and the answers so far (stored values by question
uuid), so the rules are easy to test without HTTP.
"""

from dataclasses import dataclass

from surveys.kinds import QuestionKind, fixed_choices, match_choice


@dataclass
class Step:
    """One page of questions (one question, or one section)."""

    number: int  # 1-based, stable whatever is answered
    questions: list
    section: str = ""


def build_steps(questions: list, pages_mode: str) -> list[Step]:
    """Split the ordered questions into pages: one each, or runs of the same section."""
    steps: list[Step] = []
    for question in questions:
        if pages_mode == "section" and steps and steps[-1].section == question.section:
            steps[-1].questions.append(question)
        else:
            steps.append(
                Step(number=len(steps) + 1, questions=[question], section=question.section)
            )
    return steps


def condition_value(question, questions: list, districts: list) -> tuple[str, str] | None:
    """(uuid of the question it depends on, stored answer value) or None if always shown."""
    number = question.show_if_question
    if not number or not question.show_if_answer or not 1 <= number <= len(questions):
        return None
    target = questions[number - 1]
    choices = fixed_choices(target.kind, target.option_list(), districts)
    return str(target.uuid), match_choice(
        question.show_if_answer, choices
    ) or question.show_if_answer


def visible_questions(questions: list, answers: dict, districts: list) -> list:
    """The questions asked, given the answers so far (a hidden question hides its followers)."""
    shown: set[str] = set()
    result = []
    for question in questions:
        condition = condition_value(question, questions, districts)
        if condition is not None:
            target_uuid, wanted = condition
            if target_uuid not in shown or answers.get(target_uuid) != wanted:
                continue
        shown.add(str(question.uuid))
        result.append(question)
    return result


def visible_steps(steps: list[Step], visible: list) -> list[Step]:
    """The steps with at least one visible question, each keeping only those questions."""
    keep = {str(q.uuid) for q in visible}
    result = []
    for step in steps:
        questions = [q for q in step.questions if str(q.uuid) in keep]
        if questions:
            result.append(Step(number=step.number, questions=questions, section=step.section))
    return result


def is_answered(question, answers: dict) -> bool:
    value = answers.get(str(question.uuid))
    return value not in (None, "", [])


def first_unanswered_required(steps: list[Step], answers: dict) -> Step | None:
    """The first step with a required question left unanswered, or one never seen."""
    for step in steps:
        for question in step.questions:
            if str(question.uuid) not in answers or (
                question.required and not is_answered(question, answers)
            ):
                return step
    return None


def answer_words(question, value, districts: list) -> str:
    """An answer as people read it on the check-answers page and in exports."""
    if value in (None, "", []):
        return "Not answered"
    choices = dict(fixed_choices(question.kind, question.option_list(), districts))
    if question.kind == QuestionKind.MULTIPLE_CHOICE and isinstance(value, list):
        return ", ".join(choices.get(v, v) for v in value)
    if question.kind == QuestionKind.DATE:
        year, month, day = str(value).split("-")
        return f"{int(day)}/{int(month)}/{year}"
    return str(choices.get(str(value), value))
