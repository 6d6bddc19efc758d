"""Measuring a running site over HTTP, for bench_scale.py: a gunicorn server started for the run,
timed requests that never raise, a login that keeps the session cookie, the memory of the
workers sampled from /proc, and wrk for throughput.

Nothing here imports Django: these are what a visitor (or a monitor) can see from outside.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

CHUNK = 64 * 1024


# --- Requests -------------------------------------------------------------------------------


@dataclass
class Fetched:
    """One request's outcome. `status` is None when no complete response arrived (refused,
    timed out, cut off), and `error` says why."""

    status: int | None
    seconds: float
    size: int
    content_type: str = ""
    error: str = ""
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    @property
    def ok(self) -> bool:
        return self.status == 200 and not self.error

    def describe(self) -> str:
        if self.error:
            return self.error
        return str(self.status)


def fetch(
    port: int,
    path: str,
    *,
    cookies: dict[str, str] | None = None,
    timeout: float = 120,
    method: str = "GET",
    form: dict[str, str] | None = None,
    keep_body: bool = False,
    headers: dict[str, str] | None = None,
) -> Fetched:
    """Request the path from 127.0.0.1:port and read the whole response, counting its bytes
    (kept only with keep_body). Timed from connecting to the last byte; never raises for
    network or HTTP errors."""
    headers = {"Host": "127.0.0.1", "User-Agent": "bench_scale", **(headers or {})}
    path = urllib.parse.quote(path, safe="/?&=%:+,;@~!$'()*")  # "?q=фонд" as a browser sends it
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    payload = None
    if form is not None:
        payload = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    size, kept, status, content_type, response_headers = 0, [], None, "", []
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=payload, headers=headers)
        response = connection.getresponse()
        status, content_type = response.status, response.getheader("Content-Type", "")
        response_headers = response.getheaders()
        while chunk := response.read(CHUNK):
            size += len(chunk)
            if keep_body:
                kept.append(chunk)
    except (OSError, http.client.HTTPException) as error:
        seconds = time.perf_counter() - started
        name = type(error).__name__
        return Fetched(None, seconds, size, content_type, f"{name} after {seconds:.1f} s", [])
    finally:
        connection.close()
    seconds = time.perf_counter() - started
    return Fetched(status, seconds, size, content_type, "", response_headers, b"".join(kept))


def set_cookies(fetched: Fetched) -> dict[str, str]:
    cookies = {}
    for name, value in fetched.headers:
        if name.lower() == "set-cookie":
            parsed = SimpleCookie()
            parsed.load(value)
            cookies.update({key: morsel.value for key, morsel in parsed.items()})
    return cookies


def admin_login(port: int, login_path: str, username: str, password: str) -> dict[str, str]:
    """Log in through the admin's login form as a browser would; returns the cookies to send
    (empty when the login failed). The cookies are sent back by hand: with DEBUG off they are
    marked Secure, which a cookie jar would withhold over plain http."""
    form_page = fetch(port, login_path, keep_body=True)
    cookies = set_cookies(form_page)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form_page.body)
    if form_page.status != 200 or token is None:
        return {}
    answer = fetch(
        port,
        login_path,
        method="POST",
        cookies=cookies,
        form={
            "csrfmiddlewaretoken": token.group(1).decode(),
            "username": username,
            "password": password,
            "next": login_path.rsplit("login/", 1)[0],
        },
    )
    cookies.update(set_cookies(answer))
    if answer.status != 302 or "sessionid" not in cookies:
        return {}
    return cookies


def percentile(values: list[float], fraction: float) -> float:
    """Linear interpolation between the closest ranks (as numpy's default)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


# --- The server -----------------------------------------------------------------------------


class Gunicorn:
    """gunicorn with the repository's gunicorn.conf.py, on 127.0.0.1:port, in its own process
    group so that stop() can end the master and every worker, whatever state they are in."""

    def __init__(self, repository: Path, port: int, workers: int, env: dict, log: Path):
        self.repository, self.port, self.workers, self.log = repository, port, workers, log
        self.env = {**env, "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers)}
        self.process: subprocess.Popen | None = None

    def start(self, ready_path: str = "/healthz", wait: float = 120) -> None:
        command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "registry.wsgi"]
        # Its own control socket, not the user's shared ~/.gunicorn/gunicorn.ctl, which another
        # gunicorn on the machine may be using.
        command += ["--control-socket", str(self.log.parent / "gunicorn.ctl")]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                command,
                cwd=self.repository,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}):\n{self.tail()}")
            if fetch(self.port, ready_path, timeout=5).ok and len(self.worker_pids()) >= 1:
                return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer {ready_path} in {wait:.0f} s:\n{self.tail()}")

    def restart_workers(self, wait: float = 120) -> None:
        """Replace every worker with a fresh one (SIGHUP: gunicorn starts new workers, then
        retires the old ones gracefully), so that a measurement's memory is its own and not
        what earlier requests left behind."""
        old = set(self.worker_pids())
        self.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            current = set(self.worker_pids())
            replaced = len(current) == self.workers and not current & old
            if replaced and fetch(self.port, "/healthz", timeout=10).ok:
                return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not replace its workers in {wait:.0f} s:\n{self.tail()}")

    def tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def worker_pids(self) -> list[int]:
        if self.process is None:
            return []
        return children_of(self.process.pid)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # graceful: workers finish, then exit
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=40)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # whatever is left of the group
        self.process.wait()


def children_of(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
        return [int(child) for child in text.split()]
    except OSError:
        pass
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The command name (in parentheses) may hold spaces: split after it.
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                children.append(int(entry.name))
    return children


def busy_workers(server: Gunicorn) -> list[int]:
    """Workers holding a client's connection, i.e. still at a request, even one its client has
    given up on (a sync worker runs a request to its end; the socket waits in CLOSE_WAIT)."""
    connections = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local_port = int(fields[1].rsplit(":", 1)[1], 16)
            if local_port == server.port and fields[3] != "0A":  # 0A: LISTEN
                connections.add(fields[9])  # the socket's inode
    return [pid for pid in server.worker_pids() if socket_inodes(pid) & connections]


def socket_inodes(pid: int) -> set[str]:
    inodes = set()
    try:
        descriptors = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return inodes
    for descriptor in descriptors:
        try:
            target = os.readlink(descriptor)
        except OSError:  # closed meanwhile
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    return inodes


def wait_until_idle(server: Gunicorn, limit: float = 600) -> float:
    """Wait until no worker is at a request (a run's first request must not queue behind the
    leftovers of the previous one, such as wrk's last requests). Returns the seconds waited."""
    started = time.monotonic()
    while busy_workers(server) and time.monotonic() - started < limit:
        time.sleep(0.1)
    return time.monotonic() - started


# --- Memory of the workers ------------------------------------------------------------------


def process_figures(pid: int) -> tuple[int, int, int] | None:
    """(VmRSS bytes, VmHWM bytes, CPU clock ticks used) of a live process, else None."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    values = {}
    for line in status.splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            values[name] = int(rest.split()[0]) * 1024
    fields = stat.rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime + stime
    if "VmRSS" not in values:
        return None
    return values["VmRSS"], values.get("VmHWM", 0), ticks


class WorkerSampler:
    """Samples every worker's memory each `interval` seconds in a thread, so that a download's
    peak is caught while it happens. The busy worker is the one that used the most CPU."""

    def __init__(self, server: Gunicorn, interval: float = 0.05):
        self.server, self.interval = server, interval
        self.samples: dict[int, list[tuple[int, int, int]]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> WorkerSampler:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        for pid in self.server.worker_pids():
            figures = process_figures(pid)
            if figures is not None:
                self.samples.setdefault(pid, []).append(figures)

    def busy_worker(self) -> dict | None:
        def cpu_used(samples):
            return samples[-1][2] - samples[0][2]

        if not self.samples:
            return None
        pid, samples = max(self.samples.items(), key=lambda item: cpu_used(item[1]))
        return {
            "pid": pid,
            "rss_before_mb": samples[0][0] / 2**20,
            "peak_rss_mb": max(sample[0] for sample in samples) / 2**20,
            "vmhwm_mb": max(sample[1] for sample in samples) / 2**20,
            "samples": len(samples),
        }

    def all_workers_vmhwm_mb(self) -> dict[int, float]:
        return {pid: max(s[1] for s in samples) / 2**20 for pid, samples in self.samples.items()}


# --- Throughput -----------------------------------------------------------------------------

# Counts non-2xx answers (wrk's own count leaves out 3xx) and prints the figures as one JSON
# line, in microseconds, from the `done` hook.
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("non2xx") end
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "non2xx": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, bad, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout))
end
"""


def run_wrk(
    port: int,
    path: str,
    *,
    connections: int,
    threads: int,
    duration: str,
    timeout: str,
    folder: Path,
) -> dict:
    """wrk's figures for one address, or {"error": ...} when wrk is missing or fails."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return {"error": "wrk is not installed (Debian: apt-get install wrk)"}
    script = folder / "count_non2xx.lua"
    script.write_text(WRK_SCRIPT)
    command = [
        wrk,
        f"-c{connections}",
        f"-t{min(threads, connections)}",
        f"-d{duration}",
        f"--timeout={timeout}",
        "-s",
        str(script),
        "-H",
        "Host: 127.0.0.1",
        f"http://127.0.0.1:{port}{path}",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    line = next((x for x in result.stdout.splitlines() if x.startswith("WRK_JSON ")), None)
    if result.returncode != 0 or line is None:
        return {"error": f"wrk failed ({result.returncode}): {result.stderr.strip()[:300]}"}
    figures = json.loads(line.removeprefix("WRK_JSON "))
    seconds = figures["duration_us"] / 1e6
    socket_errors = sum(figures[name] for name in ("connect", "read", "write", "timeout"))
    return {
        "requests": figures["requests"],
        "seconds": seconds,
        "requests_per_s": figures["requests"] / seconds if seconds else 0.0,
        "p50_ms": figures["p50_us"] / 1000,
        "p99_ms": figures["p99_us"] / 1000,
        "max_ms": figures["max_us"] / 1000,
        "non2xx": figures["non2xx"],
        "socket_errors": socket_errors,
        "socket_errors_by_kind": {
            name: figures[name] for name in ("connect", "read", "write", "timeout")
        },
    }
