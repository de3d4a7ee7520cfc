"""Search backends behind one contract: `database` (default) and `elasticsearch`.

Each exposes `search(query, location) -> SearchResults`; `search.service_search` picks one.
"""


class SearchUnavailable(Exception):
    """The backend's server cannot be reached; the caller falls back to the database backend."""
