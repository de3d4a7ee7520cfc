"""The Parent Update's Atom feed (RFC 4287): live, public updates only."""

import datetime

from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags


def atom_response(request, index_page) -> HttpResponse:
    feed = Atom1Feed(
        title=f"{index_page.title}",
        link=index_page.full_url or request.build_absolute_uri(index_page.url),
        description=index_page.intro,
        language="en-GB",
        feed_url=request.build_absolute_uri(),
    )
    for page in index_page.updates()[:30]:
        url = page.full_url or request.build_absolute_uri(page.url)
        feed.add_item(
            title=page.title,
            link=url,
            description=page.summary,
            content=strip_tags(page.body),
            unique_id=url,
            pubdate=datetime.datetime.combine(page.date, datetime.time(9), tzinfo=datetime.UTC),
            updateddate=page.last_published_at,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
