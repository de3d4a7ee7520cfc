"""What's on: the upcoming dates of sessions, filtered the way young people and parents ask.

A session's dates are worked out here (once, or weekly until its last date, in term time or in
the holidays only); dates that have finished drop off by themselves. Filters are a GET form, each
option with the count it would give with the other filters applied.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from directory.models import District, Need, ServicePage
from directory.models.pages import MAX_AGE
from parent_update.models import Holiday, ServiceSession

HORIZON_DAYS = 56
WHEN_CHOICES = [
    ("", "Any time"),
    ("week", "This week"),
    ("weekend", "This weekend"),
    ("holidays", "School holidays"),
]


@dataclass(frozen=True)
class Occurrence:
    """One date of a session."""

    session: ServiceSession
    start: datetime.datetime
    end: datetime.datetime

    @property
    def date(self) -> datetime.date:
        return timezone.localtime(self.start).date()


def holiday_ranges() -> list[tuple[datetime.date, datetime.date]]:
    return list(Holiday.objects.values_list("starts_on", "ends_on"))


def in_holidays(day: datetime.date, holidays: list[tuple[datetime.date, datetime.date]]) -> bool:
    return any(start <= day <= end for start, end in holidays)


def session_dates(
    session: ServiceSession,
    first: datetime.date,
    last: datetime.date,
    holidays: list[tuple[datetime.date, datetime.date]],
) -> list[datetime.date]:
    """The dates of a session from `first` to `last`, respecting term time or holidays only."""
    if session.repeats_weekly and session.repeat_until:
        dates = []
        day = session.date
        if day < first:
            day += datetime.timedelta(weeks=(first - day).days // 7)
        while day <= min(last, session.repeat_until):
            if day >= first:
                dates.append(day)
            day += datetime.timedelta(weeks=1)
    else:
        dates = [session.date] if first <= session.date <= last else []
    if session.when == ServiceSession.When.TERM:
        dates = [d for d in dates if not in_holidays(d, holidays)]
    elif session.when == ServiceSession.When.HOLIDAYS:
        dates = [d for d in dates if in_holidays(d, holidays)]
    return dates


def _aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


def upcoming(
    sessions=None, now: datetime.datetime | None = None, days: int = HORIZON_DAYS
) -> list[Occurrence]:
    """Every date of the given sessions (default: of live services) from now, in date order."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    last = today + datetime.timedelta(days=days)
    if sessions is None:
        sessions = ServiceSession.objects.filter(
            service__in=ServicePage.objects.live().public(), date__lte=last
        )
    sessions = sessions.select_related("service").prefetch_related(
        "service__needs", "service__districts"
    )
    holidays = holiday_ranges()
    found = []
    for session in sessions:
        for day in session_dates(session, today, last, holidays):
            start, end = _aware(day, session.starts_at), _aware(day, session.ends_at)
            if end > now:
                found.append(Occurrence(session, start, end))
    found.sort(key=lambda o: (o.start, o.session.name))
    return found


class WhatsOnForm(forms.Form):
    """The What's on filters; bad values are ignored or get a message, never an error page."""

    when = forms.ChoiceField(label="When", choices=WHEN_CHOICES, required=False)
    alone = forms.BooleanField(label="I can go without a parent or carer", required=False)
    free = forms.BooleanField(label="Free", required=False)
    age = forms.IntegerField(
        label="Age",
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        help_text="In years, from 0 to 25",
        error_messages={
            "invalid": "Enter the age as a number, like 14",
            "min_value": f"Enter an age from 0 to {MAX_AGE}",
            "max_value": f"Enter an age from 0 to {MAX_AGE}",
        },
    )
    need = forms.MultipleChoiceField(label="Need", required=False)
    district = forms.MultipleChoiceField(label="District", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = list(Need.objects.values_list("slug", "name"))
        self.fields["district"].choices = list(District.objects.values_list("slug", "name"))

    def _clean_fields(self):
        super()._clean_fields()
        # Tampered choices are dropped quietly; only a wrong age is worth a message.
        for name in ("when", "need", "district"):
            if name in self.errors:
                del self.errors[name]
                valid = dict(self.fields[name].choices)
                raw = self.data.getlist(name) if hasattr(self.data, "getlist") else []
                kept = [v for v in raw if v in valid]
                self.cleaned_data[name] = kept if name != "when" else ""

    def criteria(self) -> dict:
        """The filters to apply: empty for an unbound form (call `is_valid()` first otherwise)."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        return {
            "when": data.get("when") or "",
            "alone": bool(data.get("alone")),
            "free": bool(data.get("free")),
            "age": None if "age" in self.errors else data.get("age"),
            "need": list(data.get("need") or []),
            "district": list(data.get("district") or []),
        }


def _weekend(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7)
    if today.weekday() == 6:
        saturday = today - datetime.timedelta(days=1)
    return saturday, saturday + datetime.timedelta(days=1)


def matches(occurrence: Occurrence, criteria: dict, today: datetime.date, holidays) -> bool:
    """Whether one date passes every filter."""
    session, service, day = occurrence.session, occurrence.session.service, occurrence.date
    when = criteria["when"]
    if when == "week" and day > today + datetime.timedelta(days=6 - today.weekday()):
        return False
    if when == "weekend":
        saturday, sunday = _weekend(today)
        if not saturday <= day <= sunday:
            return False
    if when == "holidays" and not in_holidays(day, holidays):
        return False
    if criteria["alone"] and not session.alone:
        return False
    if criteria["free"] and not session.is_free:
        return False
    age = criteria["age"]
    if age is not None and not service.min_age <= age <= service.max_age:
        return False
    if criteria["need"] and not {n.slug for n in service.needs.all()} & set(criteria["need"]):
        return False
    if (
        criteria["district"]
        and not service.county_wide
        and not {d.slug for d in service.districts.all()} & set(criteria["district"])
    ):
        return False
    return True


def filter_occurrences(occurrences, criteria: dict, now=None) -> list[Occurrence]:
    today = timezone.localdate(now)
    holidays = holiday_ranges()
    return [o for o in occurrences if matches(o, criteria, today, holidays)]


def _query_string(criteria: dict) -> str:
    pairs: list[tuple[str, str]] = []
    if criteria["when"]:
        pairs.append(("when", criteria["when"]))
    for flag in ("alone", "free"):
        if criteria[flag]:
            pairs.append((flag, "on"))
    if criteria["age"] is not None:
        pairs.append(("age", str(criteria["age"])))
    for group in ("need", "district"):
        pairs += [(group, value) for value in criteria[group]]
    return urlencode(pairs)


def option_counts(occurrences, form: WhatsOnForm, criteria: dict, now=None) -> dict:
    """For each filter option, how many dates choosing it would give with the other filters."""
    today = timezone.localdate(now)
    holidays = holiday_ranges()

    def count(**change) -> int:
        trial = {**criteria, **change}
        return sum(1 for o in occurrences if matches(o, trial, today, holidays))

    counts = {
        "when": {value: count(when=value) for value, _label in WHEN_CHOICES},
        "alone": count(alone=True),
        "free": count(free=True),
    }
    for group in ("need", "district"):
        counts[group] = {
            value: count(**{group: [value]}) for value, _label in form.fields[group].choices
        }
    return counts


def selected_tags(form: WhatsOnForm, criteria: dict) -> list[dict]:
    """The chosen filters as removable tags: a label and the URL without it."""
    tags = []

    def without(**change) -> str:
        return "?" + _query_string({**criteria, **change})

    if criteria["when"]:
        tags.append({"label": dict(WHEN_CHOICES)[criteria["when"]], "url": without(when="")})
    if criteria["alone"]:
        tags.append({"label": "Without a parent or carer", "url": without(alone=False)})
    if criteria["free"]:
        tags.append({"label": "Free", "url": without(free=False)})
    if criteria["age"] is not None:
        tags.append({"label": f"Age {criteria['age']}", "url": without(age=None)})
    for group in ("need", "district"):
        labels = dict(form.fields[group].choices)
        for value in criteria[group]:
            rest = [v for v in criteria[group] if v != value]
            tags.append({"label": labels.get(value, value), "url": without(**{group: rest})})
    return tags


def group_by_date(occurrences: list[Occurrence]) -> list[tuple[datetime.date, list[Occurrence]]]:
    days: dict[datetime.date, list[Occurrence]] = {}
    for occurrence in occurrences:
        days.setdefault(occurrence.date, []).append(occurrence)
    return list(days.items())


def whats_on_context(request: HttpRequest) -> dict:
    """Everything the What's on page shows for this query string."""
    form = WhatsOnForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    criteria = form.criteria()
    everything = upcoming()
    found = filter_occurrences(everything, criteria)
    query = _query_string(criteria)
    counts = option_counts(everything, form, criteria)
    filter_groups = [
        (
            group,
            label,
            [
                (value, text, counts[group][value], value in criteria[group])
                for value, text in form.fields[group].choices
            ],
        )
        for group, label in (("need", "Need"), ("district", "District"))
    ]
    return {
        "filter_groups": filter_groups,
        "form": form,
        "criteria": criteria,
        "counts": counts,
        "tags": selected_tags(form, criteria),
        "days": group_by_date(found[:300]),
        "total": len(found),
        "calendar_url": reverse("parent_update:whats_on_ics") + (f"?{query}" if query else ""),
    }
