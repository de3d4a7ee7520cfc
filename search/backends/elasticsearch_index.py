"""The Elasticsearch index: its analyzers, the service document's mapping, the client, and
writing documents (search.indexing calls `sync_documents`). Querying is in
search.backends.elasticsearch; recommended index settings in docs/search-elasticsearch.md."""

import logging

import elasticsearch
from django.conf import settings
from elasticsearch.dsl import (
    Boolean,
    Completion,
    Date,
    Document,
    GeoPoint,
    InnerDoc,
    Integer,
    Keyword,
    Nested,
    Text,
    analyzer,
    connections,
    normalizer,
    token_filter,
)
from elasticsearch.helpers import BulkIndexError, bulk

from search.contract import FACET_GROUP_KEYS

logger = logging.getLogger(__name__)

# A server that is down, slow, or answers with an error: search falls back to the database.
SERVER_ERRORS = (
    elasticsearch.ConnectionError,
    elasticsearch.TransportError,
    elasticsearch.ApiError,
)

english_stop = token_filter("english_stop", type="stop", stopwords="_english_")
english_stemmer = token_filter("english_stemmer", type="stemmer", language="english")
english_possessive = token_filter(
    "english_possessive_stemmer", type="stemmer", language="possessive_english"
)
# The same analyzer for documents and queries. Synonyms are not an analyzer filter: the query is
# expanded in Python (search.analysis.concepts) from the list editors change without a reindex.
service_text = analyzer(
    "service_text",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", english_possessive, english_stop, english_stemmer],
)
sortable = normalizer("sortable", filter=["lowercase", "asciifolding"])


def _text(**kwargs) -> Text:
    return Text(analyzer=service_text, **kwargs)


class Opening(InnerDoc):
    """One weekday's opening, in minutes after midnight."""

    weekday = Integer()
    opens = Integer()
    closes = Integer()


class ServiceSearchDocument(Document):
    """A live service in the Elasticsearch index."""

    page_id = Integer()
    uuid = Keyword()
    title = _text(fields={"sort": Keyword(normalizer=sortable)})
    summary = _text()
    keywords = _text()
    description = _text()
    organisation = _text()
    service_types_text = _text()
    needs_text = _text()
    suggest = Completion(analyzer="simple")
    # Facet groups: slugs, one keyword field per vocabulary (directory.vocabularies).
    type = Keyword()
    need = Keyword()
    age = Keyword()
    district = Keyword()
    cost = Keyword()
    access = Keyword()
    delivery = Keyword()
    provider = Keyword()
    alone = Keyword()
    district_based = Keyword()
    term_uuids = Keyword()
    min_age = Integer()
    max_age = Integer()
    county_wide = Boolean()
    last_published_at = Date()
    locations = GeoPoint()
    openings = Nested(Opening)
    # Shown on result cards, never searched.
    url_path = Keyword(index=False)
    service_types = Keyword(index=False)
    age_range = Keyword(index=False)
    area = Keyword(index=False)
    cost_label = Keyword(index=False)
    place_list = Keyword(index=False)

    class Index:
        name = "localoffer-services"
        # One shard holds 500,000 services easily; replicas and refresh: see the docs.
        settings = {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "refresh_interval": "1s",
        }


def index_name() -> str:
    return getattr(settings, "ELASTICSEARCH_INDEX", "") or "localoffer-services"


def connection_alias() -> str:
    """One registered client per server address (settings can change, e.g. in tests)."""
    url = settings.ELASTICSEARCH_URL
    alias = f"localoffer:{url}"
    if not url:
        return alias  # building query bodies needs no server
    try:
        connections.get_connection(alias)
    except KeyError:
        connections.create_connection(
            alias=alias, hosts=[url], request_timeout=3, max_retries=0, retry_on_timeout=False
        )
    return alias


def client() -> elasticsearch.Elasticsearch:
    """The configured client (short timeouts, no retries: a dead server fails fast)."""
    return connections.get_connection(connection_alias())


def minutes(value) -> int:
    return value.hour * 60 + value.minute


def to_document(data: dict) -> ServiceSearchDocument:
    """The Elasticsearch document for one service (see search.indexing.service_document_data)."""
    facets: dict[str, list[str]] = {key: [] for key in FACET_GROUP_KEYS}
    for group, value, _term_uuid, _based_here in data["facets"]:
        facets[group].append(value)
    document = ServiceSearchDocument(
        meta={"id": data["page_id"]},
        page_id=data["page_id"],
        uuid=data["uuid"],
        title=data["title"],
        summary=data["summary"],
        keywords=data["keywords"],
        description=data["description"],
        organisation=data["organisation"],
        service_types_text=" ".join(data["service_types"]),
        needs_text=" ".join(data["needs"]),
        suggest={"input": [data["title"], *data["service_types"]]},
        district_based=[
            value for group, value, _u, based in data["facets"] if group == "district" and based
        ],
        term_uuids=sorted({u for _g, _v, u, _b in data["facets"] if u}),
        min_age=data["min_age"],
        max_age=data["max_age"],
        county_wide=data["county_wide"],
        last_published_at=data["last_published_at"],
        locations=[{"lat": lat, "lon": lon} for lat, lon in data["locations"]],
        openings=[
            Opening(weekday=w, opens=minutes(o), closes=minutes(c)) for w, o, c in data["openings"]
        ],
        url_path=data["url_path"],
        service_types=data["service_types"],
        age_range=data["age_range"],
        area=data["area"],
        cost_label=data["cost"],
        **facets,
    )
    return document


def create_index(*, delete_existing: bool = False) -> None:
    """Create the index with its analyzers and mapping."""
    es = client()
    name = index_name()
    if delete_existing and es.indices.exists(index=name):
        es.indices.delete(index=name)
    if not es.indices.exists(index=name):
        ServiceSearchDocument.init(index=name, using=connection_alias())


def bulk_actions(page_ids: list[int], documents: list[dict]) -> list[dict]:
    """Index the live documents; delete the other ids (unpublished, deleted, or moved out)."""
    name = index_name()
    live = {d["page_id"] for d in documents}
    actions = [to_document(d).to_dict(include_meta=True) | {"_index": name} for d in documents]
    actions += [
        {"_op_type": "delete", "_index": name, "_id": page_id}
        for page_id in page_ids
        if page_id not in live
    ]
    return actions


def sync_documents(page_ids: list[int], documents: list[dict], *, refresh: bool = False) -> bool:
    """Write these services to Elasticsearch. A server that is down is logged, never raised:
    publishing must not fail because search is away (`rebuild_search_index` catches up)."""
    try:
        bulk(client(), bulk_actions(page_ids, documents), refresh=refresh, raise_on_error=False)
    except (*SERVER_ERRORS, BulkIndexError) as error:
        logger.warning("Could not update the Elasticsearch index: %s", error)
        return False
    return True


def refresh_index() -> None:
    client().indices.refresh(index=index_name())
