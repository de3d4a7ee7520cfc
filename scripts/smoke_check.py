"""GET the pages a newcomer opens first and check every absolute link the site makes resolves.

    python scripts/smoke_check.py http://127.0.0.1:8000

Standard library only, so it runs in the runtime-only virtualenv. Exits 1 on the first page that
does not answer 200, or on a link that points somewhere the site is not served.
"""

import http.cookiejar
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000"
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
failures: list[str] = []
checked = 0


def fetch(url: str, data: dict | None = None, headers: dict | None = None) -> tuple[int, str]:
    """The status and body of a GET (or a form POST when `data` is given); never raises."""
    global checked
    checked += 1
    url = urllib.parse.urljoin(BASE + "/", url)
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    # Only ever our own server, at the http address given on the command line.
    request = urllib.request.Request(url, data=body, headers=headers or {})  # noqa: S310
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except OSError as error:
        return 0, str(error)


def expect_ok(url: str, why: str) -> str:
    status, body = fetch(url)
    print(f"{status} {url}  ({why})")
    if status != 200:
        failures.append(f"{url} answered {status}, not 200 ({why})")
        return ""
    return body


def expect_link_ok(link: str, where: str) -> None:
    """An absolute link the site made: it must be on BASE and answer 200."""
    if not link.startswith(BASE + "/"):
        failures.append(f"{where} links to {link}, which is not where the site is served ({BASE})")
        print(f"BAD {link}  ({where}: not on {BASE})")
        return
    expect_ok(link, where)


def first(pattern: str, text: str, what: str) -> str:
    match = re.search(pattern, text)
    if not match:
        failures.append(f"could not find {what}")
        return ""
    return match.group(1)


home = expect_ok("/", "home page")
directory = expect_ok("/services/", "the directory")
service_path = first(r'href="(/services/[a-z0-9-]+/)"', directory, "a service link on /services/")
service = expect_ok(service_path, "a service page") if service_path else ""
expect_ok("/services/?q=short+breaks&need=autism&age=8", "directory search with filters")
expect_ok("/search/?q=ehc", "site search")
expect_ok("/feedback/", "feedback form")
expect_ok("/feedback/young-people/", "young people's feedback form")
feedback_path = first(r'href="(/feedback/service/\d+/)"', service, "the service's feedback link")
if feedback_path:
    expect_ok(feedback_path, "feedback about a service")
expect_ok("/admin/login/", "admin sign-in")
for path, why in [
    ("/accounts/login/", "sign in"),
    ("/accounts/signup/", "create an account"),
    ("/forum/actions/", "forum actions tracker"),
    ("/forum/minutes.atom", "forum minutes feed"),
    ("/forum/meetings.ics", "forum meetings calendar"),
    ("/you-said-we-did/feed/", "you said, we did feed"),
    ("/parent-update/subscribe/", "Parent Update sign-up"),
    ("/healthz", "health check"),
]:
    expect_ok(path, why)
# Every page the home page links to (navigation, footer, the modules' pages) answers.
for href in sorted(set(re.findall(r'href="(/[^"#?]*)"', home))):
    if not href.startswith(("/static/", "/media/", "/documents/")):
        expect_ok(href, "linked from the home page")

# The ORUK API: every service's `url` is on this server.
status, body = fetch("/api/oruk/services")
print(f"{status} /api/oruk/services  (ORUK API)")
if status != 200:
    failures.append(f"/api/oruk/services answered {status}")
else:
    for item in json.loads(body).get("contents", [])[:10]:
        expect_link_ok(item.get("url", ""), f"ORUK service {item.get('id')}")

# The sitemap: every location is on this server.
sitemap = expect_ok("/sitemap.xml", "sitemap")
if sitemap:
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ET.fromstring(sitemap)  # noqa: S314 - our own sitemap, from our own server
    locations = [loc.text or "" for loc in tree.findall(".//s:loc", namespace)]
    if not locations:
        failures.append("the sitemap lists no pages")
    for location in locations[:25]:
        expect_link_ok(location, "sitemap")

# The shortlist: save the service, then follow the list's links and its share link.
uuid = first(r'name="service" value="([0-9a-f-]{36})"', service, "the save-to-shortlist button")
token = next((cookie.value for cookie in jar if cookie.name == "csrftoken"), "")
if uuid and token:
    status, shortlist = fetch(
        "/shortlist/add/",
        {"service": uuid, "csrfmiddlewaretoken": token},
        {"Referer": BASE + service_path},
    )
    print(f"{status} POST /shortlist/add/  (save to shortlist)")
    if status != 200:
        failures.append(f"saving to the shortlist answered {status}")
    shortlist = expect_ok("/shortlist/", "the shortlist")
    share = first(r'id="share-link"[^>]*value="([^"]+)"', shortlist, "the shortlist's share link")
    if share:
        expect_link_ok(share.replace("&amp;", "&"), "shortlist share link")
    for href in sorted(set(re.findall(r'href="(/services/[a-z0-9-]+/)"', shortlist))):
        expect_ok(href, "service link on the shortlist")
elif not token:
    failures.append("no CSRF cookie was set by the service page")

print(f"\nChecked {checked} requests against {BASE}.")
if failures:
    print("SMOKE TEST FAILED:")
    for failure in failures:
        print(f"- {failure}")
    sys.exit(1)
print("Smoke test passed: every page answered 200 and every link points at the running site.")
