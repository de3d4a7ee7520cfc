"""`make loadtest`: a realistic mix of what parents and other directories do.

Reads LOADTEST_DATA (JSON from site_data.py: service pages, vocabulary slugs, postcodes) and
LOADTEST_HOSTS (the app servers, comma-separated; each request goes to the next one, so a
visitor's session moves between servers as it would behind a load balancer). Writes the marker
of every feedback post that reached its thank-you page to LOADTEST_ACCEPTED, and the time of
every failure to LOADTEST_FAILURES, so the script can check nothing was lost or doubled and
tell errors during a fault from errors outside it.
"""

import itertools
import json
import os
import random
import re
import time
import uuid

from locust import HttpUser, between, events, task

DATA = json.load(open(os.environ["LOADTEST_DATA"]))
HOSTS = itertools.cycle(os.environ["LOADTEST_HOSTS"].split(","))
WORDS = [
    "autism",
    "swimming",
    "short breaks",
    "speech",
    "sensory",
    "youth club",
    "respite",
    "play",
    "music",
    "parent support",
    "dyslexia",
    "wheelchair",
]
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_STARTED = re.compile(r'name="started" value="([^"]*)"')
_FIRST_CHOICE = r'name="{}"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="{}"'


@events.request.add_listener
def _record_failure(exception=None, **kwargs):
    if exception:
        with open(os.environ["LOADTEST_FAILURES"], "a") as log:
            log.write(f"{time.time():.3f} {kwargs.get('name')} {str(exception)[:100]}\n")


class Parent(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        # One visitor, one address: the app is told it through X-Forwarded-For (TRUSTED_PROXIES=1).
        address = ".".join(str(random.randrange(1, 255)) for _ in range(3))
        self.headers = {"X-Forwarded-For": f"10.{address}"}

    def _go(self, method: str, path: str, name: str, **kwargs):
        kwargs.setdefault("headers", {}).update(self.headers)
        response = self.client.request(method, next(HOSTS) + path, name=name, **kwargs)
        # The production cookies are Secure; this test speaks plain HTTP on loopback.
        for cookie in self.client.cookies:
            cookie.secure = False
        return response

    @task(3)
    def home(self):
        self._go("GET", "/", "home")

    @task(6)
    def directory_text_search(self):
        params = {"q": random.choice(WORDS)}
        if random.random() < 0.5:
            params["type"] = random.choice(DATA["types"])
        if random.random() < 0.3:
            params["need"] = random.choice(DATA["needs"])
        self._go("GET", DATA["directory"], "directory search (text + facets)", params=params)

    @task(3)
    def directory_facets_only(self):
        params = {"district": random.choice(DATA["districts"]), "age": random.randrange(0, 25)}
        self._go("GET", DATA["directory"], "directory browse (facets)", params=params)

    @task(3)
    def postcode_search(self):
        params = {"postcode": random.choice(DATA["postcodes"]), "distance": "5", "sort": "distance"}
        self._go("GET", DATA["directory"], "directory postcode search", params=params)

    @task(6)
    def service_page(self):
        self._go("GET", random.choice(DATA["services"])["url"], "service page")

    @task(2)
    def shortlist_add(self):
        service = random.choice(DATA["services"])
        page = self._go("GET", service["url"], "service page")
        token = _CSRF.search(page.text)
        if token:
            self._go(
                "POST",
                "/shortlist/add/",
                "shortlist add",
                allow_redirects=False,
                data={"service": service["uuid"], "csrfmiddlewaretoken": token.group(1)},
                headers={"Referer": service["url"]},
            )

    @task(1)
    def feedback(self):
        service = random.choice(DATA["services"])
        path = f"/feedback/service/{service['id']}/"
        form = self._go("GET", path, "feedback form")
        token = _CSRF.search(form.text)
        if not token:
            return
        choice = lambda field: next(  # noqa: E731
            g
            for m in re.finditer(_FIRST_CHOICE.format(field, field), form.text)
            for g in m.groups()
            if g
        )
        marker = uuid.uuid4().hex
        posted = self._go(
            "POST",
            path,
            "feedback post",
            allow_redirects=False,
            data={
                "csrfmiddlewaretoken": token.group(1),
                "started": (_STARTED.search(form.text) or [None, ""])[1],
                "website": "",
                "topic": choice("topic"),
                "writer": choice("writer"),
                "comment": f"Load test feedback {marker}: the staff were kind and it helped.",
            },
        )
        if posted.status_code != 302:
            return
        # The redirect is followed by hand: the session cookie must be made sendable first.
        with self.client.request(
            "GET",
            next(HOSTS) + posted.headers["Location"],
            name="feedback thank-you",
            headers=self.headers,
            catch_response=True,
        ) as thanks:
            if thanks.status_code == 200 and "/feedback/thank-you" in thanks.url:
                with open(os.environ["LOADTEST_ACCEPTED"], "a") as log:
                    log.write(marker + "\n")
                thanks.success()
            elif thanks.status_code < 400:
                thanks.failure(f"no thank-you page: {thanks.status_code} {thanks.url}")

    @task(3)
    def oruk_api(self):
        if random.random() < 0.5:
            params = {"page": random.randrange(1, 50), "per_page": 20}
            self._go("GET", "/api/oruk/services", "ORUK services list", params=params)
        else:
            service = random.choice(DATA["services"])
            self._go("GET", f"/api/oruk/services/{service['uuid']}", "ORUK service")
