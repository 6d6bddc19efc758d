"""WSGI entry point: `gunicorn registry.wsgi`.

Each app process readies itself here, before its first request (projects/warmup.py):
REGISTRY_WARM_UP=0 leaves that to the first requests instead.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")

application = get_wsgi_application()

if os.environ.get("REGISTRY_WARM_UP", "1") != "0":
    from projects.warmup import warm_up

    warm_up()
