"""The survey builder: a survey page with its questions, and the published results page."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from feedback.models import FeedbackItem
from surveys.forms import ConsentForm
from surveys.forms_admin import SurveyPageForm, SurveyResultsPageForm, district_choices
from surveys.kinds import QuestionKind
from surveys.models.responses import SurveyAnswer, SurveyResponse
from surveys.results import QuestionResult, build_question_result


class Audience(models.TextChoices):
    PARENTS_CARERS = "parents_carers", "Parents and carers"
    YOUNG_PEOPLE = "young_people", "Young people"
    PROFESSIONALS = "professionals", "Professionals"
    EVERYONE = "everyone", "Everyone"


class OneResponsePer(models.TextChoices):
    NONE = "", "No limit"
    ACCOUNT = "account", "One per account (people must sign in)"
    BROWSER = "browser", "One per browser"


class PagesMode(models.TextChoices):
    QUESTION = "question", "One question per page"
    SECTION = "section", "One section per page"


class SurveyPage(Page):
    """A survey families answer one question at a time, built by editors in the admin."""

    intro = models.TextField(blank=True, help_text="What the survey is about and who it is for.")
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    young_person_version = models.BooleanField(
        "offer a young person's version",
        default=False,
        help_text="Young people see each question's young-person wording where there is one.",
    )
    privacy_statement = RichTextField(
        features=["bold", "link", "ul"],
        help_text="How answers are used and kept. Shown before the first question.",
    )
    opens_at = models.DateTimeField(null=True, blank=True, help_text="Blank: open when published.")
    closes_at = models.DateTimeField(null=True, blank=True, help_text="Blank: no closing date.")
    one_response_per = models.CharField(
        max_length=10, choices=OneResponsePer.choices, blank=True, default=OneResponsePer.NONE
    )
    pages_mode = models.CharField(
        "questions per page", max_length=10, choices=PagesMode.choices, default=PagesMode.QUESTION
    )
    what_happens_next = models.TextField(
        blank=True, help_text="Shown on the thank-you page: what you will do with the answers."
    )
    results_expected = models.CharField(
        "when results will be published",
        max_length=100,
        blank=True,
        help_text='For example "in March 2027". Shown on the thank-you page.',
    )
    small_numbers_threshold = models.PositiveSmallIntegerField(
        default=5,
        validators=[MinValueValidator(2), MaxValueValidator(50)],
        help_text="Published counts below this are shown as “fewer than N”.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("young_person_version")], heading="Who it is for"
        ),
        FieldPanel("privacy_statement"),
        InlinePanel("questions", heading="Questions", label="Question", min_num=1),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("one_response_per"),
                FieldPanel("pages_mode"),
            ],
            heading="Answering",
        ),
        MultiFieldPanel(
            [
                FieldPanel("what_happens_next"),
                FieldPanel("results_expected"),
                FieldPanel("small_numbers_threshold"),
            ],
            heading="Results",
        ),
    ]

    base_form_class = SurveyPageForm
    parent_page_types = ["directory.HomePage", "directory.InformationPage"]
    subpage_types = ["surveys.SurveyResultsPage"]
    template = "surveys/survey_page.html"

    class Meta:
        verbose_name = "survey"
        permissions = [("export_survey_personal_data", "Can export survey responses with accounts")]

    def clean(self) -> None:
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "The closing date must be after the opening date"})

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)

    def has_closed(self, now=None) -> bool:
        return bool(self.closes_at and (now or timezone.now()) >= self.closes_at)

    def ordered_questions(self) -> list["SurveyQuestion"]:
        return list(self.questions.all().order_by("sort_order", "pk"))

    def live_results_page(self) -> "SurveyResultsPage | None":
        return SurveyResultsPage.objects.child_of(self).live().public().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["is_open"] = self.is_open()
        context["has_closed"] = self.has_closed()
        context["results_page"] = self.live_results_page() if context["has_closed"] else None
        context["question_count"] = self.questions.count()
        context["young"] = self.young_person_version and request.GET.get("version") == "young"
        context["form"] = ConsentForm()
        return context


class SurveyQuestion(Orderable):
    """One question. Answers point at its `uuid`, so a wording fix never mixes up results."""

    page = ParentalKey(SurveyPage, on_delete=models.CASCADE, related_name="questions")
    uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=20, choices=QuestionKind.choices)
    label = models.CharField("question", max_length=255)
    young_label = models.CharField(
        "young person's wording", max_length=255, blank=True, help_text="Blank: the same words."
    )
    hint = models.CharField(max_length=255, blank=True)
    young_hint = models.CharField("young person's hint", max_length=255, blank=True)
    required = models.BooleanField(default=True)
    options = models.TextField(
        blank=True, help_text="Single and multiple choice: one option per line."
    )
    section = models.CharField(
        max_length=100,
        blank=True,
        help_text="Questions next to each other with the same section are grouped under it.",
    )
    show_if_question = models.PositiveSmallIntegerField(
        "show only if question number",
        null=True,
        blank=True,
        help_text="An earlier choice, yes/no, rating or district question (1 is the first).",
    )
    show_if_answer = models.CharField(
        "has the answer", max_length=255, blank=True, help_text="Exactly as the option is written."
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("label"),
        FieldPanel("hint"),
        FieldPanel("young_label"),
        FieldPanel("young_hint"),
        FieldPanel("options"),
        FieldPanel("section"),
        FieldRowPanel([FieldPanel("show_if_question"), FieldPanel("show_if_answer")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "question"

    def __str__(self) -> str:
        return self.label

    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    def wording(self, young: bool = False) -> tuple[str, str]:
        """The question and its hint, in the young person's words when asked and written."""
        if young:
            return self.young_label or self.label, self.young_hint or self.hint
        return self.label, self.hint


class SurveyResultsPage(Page):
    """ "We asked, you said": the charts and approved quotes editors chose, with their summary."""

    summary = RichTextField(features=["bold", "link", "ul", "ol", "h2", "h3"])
    published_questions = models.JSONField(default=list, blank=True)
    published_quotes = models.JSONField(default=list, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("published_questions"),
        FieldPanel("published_quotes"),
    ]

    base_form_class = SurveyResultsPageForm
    parent_page_types = ["surveys.SurveyPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "surveys/results_page.html"

    class Meta:
        verbose_name = "survey results"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        survey = self.get_parent().specific
        context["survey"] = survey
        context["results"] = survey_results(
            survey,
            uuids=[str(u) for u in self.published_questions],
            suppress=True,
        )
        context["quotes"] = approved_quotes(survey, ids=self.published_quotes)
        return context


def survey_results(
    survey: SurveyPage, *, uuids: list[str] | None = None, suppress: bool = True, by=None
) -> list[QuestionResult]:
    """Each (or each chosen) question's aggregate results; small numbers hidden if `suppress`.

    `by` is a categorical question to break every result down by (a cross-tab).
    """
    questions = [q for q in survey.ordered_questions() if uuids is None or str(q.uuid) in uuids]
    answers: dict[str, dict[int, object]] = {}
    for question_uuid, response_id, value in SurveyAnswer.objects.filter(
        response__survey=survey,
        question_uuid__in=[q.uuid for q in questions + ([by] if by else [])],
    ).values_list("question_uuid", "response_id", "value"):
        answers.setdefault(str(question_uuid), {})[response_id] = value
    respondents = SurveyResponse.objects.filter(survey=survey).count()
    districts = district_choices()
    return [
        build_question_result(
            question,
            answers.get(str(question.uuid), {}),
            respondents=respondents,
            threshold=survey.small_numbers_threshold,
            suppress=suppress,
            by=by,
            by_answers=answers.get(str(by.uuid), {}) if by else None,
            districts=districts,
        )
        for question in questions
    ]


def approved_quotes(survey: SurveyPage, *, ids: list | None = None) -> list[str]:
    """The moderator-approved public text of the survey's free-text answers (the chosen ones)."""
    answers = SurveyAnswer.objects.filter(
        response__survey=survey,
        feedback_item__status=FeedbackItem.Status.APPROVED,
    ).exclude(feedback_item__public_text="")
    if ids is not None:
        answers = answers.filter(feedback_item_id__in=[i for i in ids if isinstance(i, int)])
    return [
        answer.feedback_item.public_text
        for answer in answers.select_related("feedback_item").order_by("feedback_item_id")
    ]
