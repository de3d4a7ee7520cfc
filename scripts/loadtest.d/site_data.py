"""Print what the load test picks from: run with `manage.py shell -c "exec(open(...).read())"`."""

import json
import random

from directory.models import (
    DirectoryIndexPage,
    District,
    Need,
    ServiceLocation,
    ServicePage,
    ServiceType,
)

random.seed(1)
ids = list(ServicePage.objects.live().values_list("pk", flat=True))
pages = ServicePage.objects.filter(pk__in=random.sample(ids, min(400, len(ids))))
print(
    json.dumps(
        {
            "directory": DirectoryIndexPage.objects.live().first().url,
            "services": [{"id": p.pk, "uuid": str(p.uuid), "url": p.url} for p in pages],
            "types": list(ServiceType.objects.values_list("slug", flat=True)),
            "needs": list(Need.objects.values_list("slug", flat=True)),
            "districts": list(District.objects.values_list("slug", flat=True)),
            "postcodes": sorted(
                set(ServiceLocation.objects.values_list("postcode", flat=True)[:2000])
            )[:40],
        }
    )
)
