"""gunicorn.conf.py, read by gunicorn itself as `gunicorn registry.wsgi -c gunicorn.conf.py`
does: the values a deployment relies on, from the environment variables README documents, and
a real gunicorn for what its timeout kills and spares."""

import http.client
import os
import socket
import subprocess
import sys
import time

import pytest
from django.conf import settings
from gunicorn.app.wsgiapp import WSGIApplication

from registry.pgserver import free_port

CONFIG = str(settings.BASE_DIR / "gunicorn.conf.py")
VARIABLES = [
    "BIND",
    "PORT",
    "WEB_CONCURRENCY",
    "FORWARDED_ALLOW_IPS",
    "GUNICORN_CMD_ARGS",
    "GUNICORN_TIMEOUT",
    "GUNICORN_GRACEFUL_TIMEOUT",
    "GUNICORN_MAX_REQUESTS",
    "GUNICORN_MAX_REQUESTS_JITTER",
    "GUNICORN_LOG_LEVEL",
    "GUNICORN_PRELOAD",
    "GUNICORN_GC_THRESHOLD",
]


@pytest.fixture
def gunicorn_config(monkeypatch):
    """Loads the configuration with the given environment variables (and no others of ours)."""

    def load(**environment):
        for name in VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(sys, "argv", ["gunicorn", "registry.wsgi", "-c", CONFIG])
        monkeypatch.chdir(settings.BASE_DIR)  # gunicorn changes to its `chdir` setting
        return WSGIApplication().cfg

    return load


def test_defaults_serve_port_8000_with_two_workers_per_cpu_plus_one(gunicorn_config):
    config = gunicorn_config()
    assert config.bind == ["0.0.0.0:8000"]
    assert config.workers == 2 * len(os.sched_getaffinity(0)) + 1
    assert config.worker_class_str == "sync"


def test_workers_are_forks_of_a_readied_master_unless_told_otherwise(gunicorn_config):
    # A worker replacing one serves at once (projects/warmup.py ran in the master).
    assert gunicorn_config().preload_app is True
    assert gunicorn_config(GUNICORN_PRELOAD="0").preload_app is False


def test_bind_and_workers_come_from_the_environment(gunicorn_config):
    config = gunicorn_config(BIND="127.0.0.1:9100", WEB_CONCURRENCY="3", PORT="9999")
    assert config.bind == ["127.0.0.1:9100"]  # BIND wins over PORT
    assert config.workers == 3


def test_port_alone_binds_every_interface(gunicorn_config):
    assert gunicorn_config(PORT="5000").bind == ["0.0.0.0:5000"]


def test_workers_are_recycled_and_requests_time_out(gunicorn_config):
    config = gunicorn_config()
    assert config.max_requests > 0
    assert 0 < config.max_requests_jitter < config.max_requests
    assert 30 <= config.timeout <= 600
    assert 0 < config.graceful_timeout <= config.timeout
    assert config.accesslog == "-"
    assert "%(M)s" in config.access_log_format  # the request's duration
    if os.path.isdir("/dev/shm"):  # noqa: S108
        assert config.worker_tmp_dir == "/dev/shm"  # noqa: S108


def test_timeouts_and_proxies_can_be_set(gunicorn_config):
    config = gunicorn_config(
        GUNICORN_TIMEOUT="300", GUNICORN_MAX_REQUESTS="0", FORWARDED_ALLOW_IPS="10.0.0.2"
    )
    assert config.timeout == 300
    assert config.max_requests == 0  # 0: never recycle
    assert config.forwarded_allow_ips == ["10.0.0.2"]


def test_gunicorn_cmd_args_override_the_file(gunicorn_config):
    config = gunicorn_config(GUNICORN_CMD_ARGS="--workers 5 --timeout 30")
    assert (config.workers, config.timeout) == (5, 30)


def test_a_malformed_number_stops_with_the_variable_named(gunicorn_config):
    with pytest.raises(SystemExit, match="WEB_CONCURRENCY"):
        gunicorn_config(WEB_CONCURRENCY="four")


SLOW_APP = """
import time

def streamed(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    for _ in range(10):  # 5 s in all, more than the timeout, never silent for 1 s
        time.sleep(0.5)
        yield b"piece\\n"

def silent(environ, start_response):
    time.sleep(5)  # a view that never answers within the timeout
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"too late\\n"]
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("application", "answered"),
    [("streamed", (200, b"piece\n" * 10)), ("silent", (500, b"Internal Server Error"))],
)
def test_timeout_spares_a_long_download_but_not_a_silent_worker(tmp_path, application, answered):
    """With a 2-second timeout, a 5-second streamed body arrives whole (the heartbeat hook;
    without it the connection would end mid-body), while a view silent for 5 seconds is
    killed, and gunicorn answers 500 in its place."""
    (tmp_path / "slow_app.py").write_text(SLOW_APP)
    body = _served_once(tmp_path, f"slow_app:{application}", ["--timeout", "2"])
    status, expected = answered
    assert body is not None, "the connection ended before the whole response"
    assert body[0] == status
    assert expected in body[1]


GC_APP = """
import gc

def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(gc.get_threshold()[0]).encode()]
"""


@pytest.mark.slow
@pytest.mark.parametrize(("threshold", "expected"), [(None, 50_000), ("0", 700), ("20000", 20_000)])
def test_workers_collect_cycles_seldom(tmp_path, threshold, expected):
    """A worker forked from the master collects its young objects every GUNICORN_GC_THRESHOLD
    allocations (0: Python's default, 700)."""
    (tmp_path / "gc_app.py").write_text(GC_APP)
    variables = {} if threshold is None else {"GUNICORN_GC_THRESHOLD": threshold}
    answer = _served_once(tmp_path, "gc_app:application", variables=variables)
    assert answer is not None and answer[0] == 200
    assert int(answer[1]) == expected


def _served_once(folder, application: str, options=(), variables=None):
    """GET / from a real gunicorn with this configuration, one worker and the application in
    `folder`, then stopped: (status, body), or None when the response was cut off."""
    port = free_port()
    environment = {name: value for name, value in os.environ.items() if name not in VARIABLES}
    environment.update(variables or {})
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", CONFIG, "--chdir", str(folder)]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "1", *options, "--no-control-socket"]
        + [application],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        return _get_when_up(port)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get_when_up(port: int) -> tuple[int, bytes] | None:
    """Status and body of GET /, or None when the connection ends before the whole response."""
    deadline = time.monotonic() + 20
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=15):
                break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    try:
        connection.request("GET", "/")
        response = connection.getresponse()
        return response.status, response.read()
    except (http.client.HTTPException, ConnectionError):
        return None
    finally:
        connection.close()
