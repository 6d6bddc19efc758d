"""gunicorn settings for production: `gunicorn registry.wsgi -c gunicorn.conf.py`.

Every value a deployment changes comes from the environment (README, "Production"); command-line
options and GUNICORN_CMD_ARGS still override this file.
"""

import gc
import os


def _cpu_count() -> int:
    # The CPUs this process may run on, which a container or `taskset` can limit.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"gunicorn.conf.py: {name} must be an integer, got {value!r}") from None


wsgi_app = "registry.wsgi"
bind = os.environ.get("BIND") or f"0.0.0.0:{_env_int('PORT', 8000)}"
# Sync workers, one request at a time each: pages are CPU-bound Python, and a busy worker
# leaves new connections to the idle ones.
workers = _env_int("WEB_CONCURRENCY", 2 * _cpu_count() + 1)

# A worker silent for this long is killed and replaced: a page (or the start of a download)
# that takes longer, or a download that stalls this long. Streamed downloads such as the
# exports may run longer, as they keep telling the master they are alive (post_worker_init).
timeout = _env_int("GUNICORN_TIMEOUT", 60)
# On a restart or deploy (SIGTERM, SIGHUP), requests under way get this long to finish.
graceful_timeout = _env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Replace each worker after about this many requests, so memory that a large page or export
# leaves behind is given back; the jitter keeps the workers from restarting together.
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _env_int("GUNICORN_MAX_REQUESTS_JITTER", 100)

# The app is loaded, and readied (projects/warmup.py), once in the master, and each worker is
# a fork of it: a worker that replaces one (max_requests) serves at once, instead of keeping a
# visitor waiting while it imports and reads what every process reads. After a code change,
# restart the master (a SIGHUP reload keeps the loaded code). GUNICORN_PRELOAD=0: each worker
# loads and readies the app itself.
preload_app = _env_int("GUNICORN_PRELOAD", 1) != 0

# Python's cycle collector, for a process that serves requests. A page makes tens of thousands
# of short-lived objects; at the default threshold (700) a worker runs a collection every few
# hundred microseconds of work, and now and then a full one over everything it made since it
# started: with pages of every kind asked in turn, one project page in four took 10 ms more
# (bench/). Here the young generation is collected every GUNICORN_GC_THRESHOLD allocations
# (0: Python's default). What the app loaded before serving is already out of the way: the
# warm-up freezes it (projects/warmup.py).
_gc_threshold = _env_int("GUNICORN_GC_THRESHOLD", 50_000)


def when_ready(server):
    """Before the first worker is forked: the workers inherit the threshold."""
    if _gc_threshold > 0:
        gc.set_threshold(_gc_threshold, 20, 100)


# Workers' heartbeat files: in memory rather than on a disk that may stall them (or be
# read-only in a container).
_shared_memory = "/dev/shm"  # noqa: S108 (gunicorn makes its own unique files there)
if os.path.isdir(_shared_memory):
    worker_tmp_dir = _shared_memory

# Logs as the app writes them (registry/settings.py, LOGGING): with LOG_FORMAT=json (the
# default when DEBUG is off) gunicorn's own lines are JSON objects too, and the access log is the
# app's (one JSON line per request, with its request id). Otherwise the access log on stdout,
# the error log on stderr; %(M)s is the request's duration in milliseconds.
_debug = os.environ.get("DEBUG", "").strip().lower() not in {"0", "false", "no", "off"}
_json_logs = os.environ.get("LOG_FORMAT", "text" if _debug else "json") == "json"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
if _json_logs:
    accesslog = None
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "registry.request_log.json_formatter"}},
        "filters": {"request_id": {"()": "registry.request_log.RequestIdFilter"}},
        "handlers": {
            "json": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["request_id"],
            },
        },  # fmt: skip
        "root": {"handlers": ["json"], "level": "INFO"},
        "loggers": {"gunicorn.error": {"handlers": ["json"], "propagate": False}},
    }
else:
    accesslog = "-"
    access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'

# Proxies whose X-Forwarded-* headers gunicorn believes (comma-separated addresses, or *
# when only the proxy can reach this port).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")


def post_worker_init(worker):
    """A sync worker tells the master that it is alive only between requests, so `timeout`
    would cut a long download off in the middle. Here each piece of a response body sent
    renews the heartbeat: a streamed export runs as long as it keeps sending."""
    application = worker.wsgi

    def application_with_heartbeat(environ, start_response):
        body = application(environ, start_response)
        if isinstance(body, environ["wsgi.file_wrapper"]):
            return body  # a file, sent by the kernel (sendfile) in one go
        return _BodyWithHeartbeat(body, worker.notify)

    worker.wsgi = application_with_heartbeat


class _BodyWithHeartbeat:
    def __init__(self, body, notify):
        self.body, self.notify = body, notify

    def __iter__(self):
        for piece in self.body:
            self.notify()  # one utime() on a file in /dev/shm
            yield piece

    def close(self):
        # Django's response.close() ends the request (request_finished, database connections).
        if hasattr(self.body, "close"):
            self.body.close()
