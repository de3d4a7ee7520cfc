"""Feedback in figures for the admin dashboard: each figure is a chart with its data table."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, Sum
from django.utils import timezone

from feedback.models import FeedbackItem, PageHelpfulness, Theme

BAR_AREA_WIDTH = 400  # SVG units for the longest bar


@dataclass
class Bar:
    """One row of a chart: a label and one or more values (e.g. yes and no)."""

    label: str
    values: list[int]
    widths: list[float] = field(default_factory=list)
    offsets: list[float] = field(default_factory=list)
    y: int = 0

    @property
    def total(self) -> int:
        return sum(self.values)

    @property
    def segments(self) -> list[dict[str, float | int]]:
        """Where each value's rectangle starts and how wide it is, in SVG units."""
        return [
            {"x": round(x, 1), "width": round(w, 1), "series": i + 1}
            for i, (x, w) in enumerate(zip(self.offsets, self.widths, strict=True))
        ]


@dataclass
class Chart:
    """A horizontal bar chart with the series names, drawn as SVG beside a data table."""

    key: str
    title: str
    label_heading: str
    series: list[str]
    bars: list[Bar]
    row_height: int = 28

    def __post_init__(self) -> None:
        longest = max((bar.total for bar in self.bars), default=0) or 1
        for index, bar in enumerate(self.bars):
            bar.y = index * self.row_height
            bar.widths = [value * BAR_AREA_WIDTH / longest for value in bar.values]
            offset = 0.0
            for width in bar.widths:
                bar.offsets.append(offset)
                offset += width

    @property
    def height(self) -> int:
        return max(len(self.bars), 1) * self.row_height

    @property
    def summary(self) -> str:
        """A text alternative for the chart: its largest rows."""
        if not self.bars or not any(bar.total for bar in self.bars):
            return f"{self.title}: no data yet."
        top = max(self.bars, key=lambda bar: bar.total)
        return f"{self.title}. Highest: {top.label}, {top.total}. Full figures in the table below."


def week_start(day: datetime.date) -> datetime.date:
    """The Monday of the week containing `day`."""
    return day - datetime.timedelta(days=day.weekday())


def items_per_week(weeks: int = 12, today: datetime.date | None = None) -> Chart:
    """Feedback received in each of the last `weeks` weeks (Monday to Sunday), oldest first."""
    today = today or timezone.localdate()
    first = week_start(today) - datetime.timedelta(weeks=weeks - 1)
    counts_by_day = (
        FeedbackItem.objects.filter(created_date__gte=first, created_date__lte=today)
        .values_list("created_date")
        .annotate(n=Count("pk"))
        .order_by()
    )
    per_week = {first + datetime.timedelta(weeks=i): 0 for i in range(weeks)}
    for day, count in counts_by_day:
        per_week[week_start(day)] += count
    bars = [
        Bar(label=f"Week of {monday:%-d %b %Y}", values=[count])
        for monday, count in per_week.items()
    ]
    return Chart("per-week", "Feedback received per week", "Week", ["Items"], bars)


def items_per_topic() -> Chart:
    """Feedback per regulation 56 topic (items with no topic counted as "Not given")."""
    counts = dict(FeedbackItem.objects.values_list("topic").annotate(n=Count("pk")).order_by())
    bars = [
        Bar(label=label, values=[counts.get(value, 0)])
        for value, label in FeedbackItem.Topic.choices
    ]
    bars.append(Bar(label="Not given", values=[counts.get("", 0)]))
    return Chart("per-topic", "Feedback per topic", "Topic", ["Items"], bars)


def items_per_theme() -> Chart:
    """Feedback items tagged with each theme."""
    themes = Theme.objects.annotate(n=Count("feedback_items")).order_by("-n", "name")
    bars = [Bar(label=theme.name, values=[theme.n]) for theme in themes]
    return Chart("per-theme", "Feedback per theme", "Theme", ["Items"], bars)


def helpfulness_per_page(limit: int = 10, days: int | None = None) -> Chart:
    """ "Was this page helpful?" yes and no votes for the pages with the most votes."""
    votes = PageHelpfulness.objects.all()
    if days:
        votes = votes.filter(date__gte=timezone.localdate() - datetime.timedelta(days=days))
    rows = (
        votes.values("page_id", "page__title")
        .annotate(yes=Sum("yes_count"), no=Sum("no_count"))
        .annotate(total=F("yes") + F("no"))
        .filter(total__gt=0)
        .order_by("-total", "page__title")[:limit]
    )
    bars = [Bar(label=row["page__title"], values=[row["yes"], row["no"]]) for row in rows]
    return Chart(
        "helpfulness", "Was this page helpful? (pages with most votes)", "Page", ["Yes", "No"], bars
    )


def feedback_figures(today: datetime.date | None = None) -> list[Chart]:
    """Every chart on the dashboard, in order."""
    return [
        items_per_week(today=today),
        items_per_topic(),
        items_per_theme(),
        helpfulness_per_page(),
    ]
