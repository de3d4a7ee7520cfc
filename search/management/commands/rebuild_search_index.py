"""Rebuild the service search indexes from the live services: the database index always, and
the Elasticsearch index (recreated with its current mapping) when ELASTICSEARCH_URL is set."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from search.indexing import BATCH_SIZE, elasticsearch_enabled, index_services, rebuild_ids


class Command(BaseCommand):
    help = "Rebuild the service search index (database, and Elasticsearch when configured)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-only",
            action="store_true",
            help="Leave Elasticsearch alone even if ELASTICSEARCH_URL is set.",
        )

    def handle(self, *args, **options):
        use_elasticsearch = elasticsearch_enabled() and not options["database_only"]
        if use_elasticsearch:
            from search.backends import elasticsearch_index as es

            es.create_index(delete_existing=True)
        ids = rebuild_ids()
        indexed = 0
        with tqdm(total=len(ids), unit="service", disable=options["verbosity"] == 0) as bar:
            for start in range(0, len(ids), BATCH_SIZE):
                batch = ids[start : start + BATCH_SIZE]
                indexed += index_services(batch, elasticsearch=use_elasticsearch)
                bar.update(len(batch))
        if use_elasticsearch:
            es.refresh_index()
        where = "database and Elasticsearch" if use_elasticsearch else "database"
        self.stdout.write(self.style.SUCCESS(f"Indexed {indexed} live services ({where})."))
