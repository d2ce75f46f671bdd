"""The project's own single-node Elasticsearch: fetched from Maven Central, run unprivileged.

Elasticsearch refuses to run as root, so when we are root a system user is created and
owns the unpacked distribution and the data; otherwise it runs as the current user.
Everything lives under var/ (git-ignored); the downloaded zip is cached in ~/.cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import pwd
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from troopwatch.paths import cache_dir, var_dir

log = logging.getLogger(__name__)

ES_VERSION = "8.19.9"
ES_ARTIFACT = f"org.elasticsearch.distribution.integ-test-zip:elasticsearch:{ES_VERSION}:zip"
ES_USER = "troopwatch-es"
DEFAULT_HEAP = "512m"


class LocalEsError(RuntimeError):
    """The local Elasticsearch could not be fetched, started or stopped."""


class Interrupted(SystemExit):
    """SIGTERM arrived while the local Elasticsearch was starting."""


@contextlib.contextmanager
def _sigterm_raises():
    """Within the block, SIGTERM raises Interrupted (so `finally` and `except` run) instead
    of ending the process on the spot; only in the main thread, where handlers can be set."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handle(signum, frame):
        raise Interrupted(128 + signum)

    previous = signal.signal(signal.SIGTERM, handle)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def zip_path() -> Path:
    return cache_dir() / f"elasticsearch-{ES_VERSION}.zip"


def fetch_distribution() -> Path:
    """Download the pinned zip once with `mvn dependency:copy` and keep it in the cache."""
    target = zip_path()
    if target.exists() and zipfile.is_zipfile(target):
        return target
    if shutil.which("mvn") is None:
        raise LocalEsError(
            "Maven (mvn) is needed to fetch Elasticsearch; install the maven package"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        "mvn",
        "-q",
        "-B",
        "dependency:copy",
        f"-Dartifact={ES_ARTIFACT}",
        f"-DoutputDirectory={target.parent}",
        "-Dmdep.overWriteIfNewer=true",
    ]
    log.info("fetching Elasticsearch %s from Maven Central", ES_VERSION)
    # dependency:copy needs a project context only for its defaults; run it from the cache dir.
    proc = subprocess.run(cmd, cwd=target.parent, capture_output=True, text=True)
    if proc.returncode != 0 or not target.exists():
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-5:]
        raise LocalEsError("could not fetch Elasticsearch with Maven: " + " | ".join(tail))
    return target


def find_java_home() -> str:
    for name in ("ES_JAVA_HOME", "JAVA_HOME"):
        if os.environ.get(name):
            return os.environ[name]
    java = shutil.which("java")
    if not java:
        raise LocalEsError("Java 17+ is needed to run Elasticsearch; install a JDK")
    return str(Path(java).resolve().parent.parent)


def _reachable_by_others(path: Path) -> bool:
    """Whether every existing ancestor of `path` lets other users through (o+x)."""
    return all(p.stat().st_mode & 0o001 for p in path.parents if p.exists())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LocalElasticsearch:
    """One local instance: its own config, data, logs and ports under `home`."""

    home: Path
    http_port: int = 9200
    transport_port: int | None = None
    heap: str = DEFAULT_HEAP
    node_name: str = "troopwatch-local"
    # A node of a local cluster: every node's transport address, and the node names that
    # bootstrap it (empty: a single-node cluster).
    seed_hosts: tuple[str, ...] = ()
    initial_masters: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.home = Path(self.home).resolve()
        if os.geteuid() == 0 and not _reachable_by_others(self.home):
            # The unprivileged user could not enter a checkout under, say, /root: keep
            # this instance's files in a system folder instead (one per original path).
            digest = hashlib.sha1(str(self.home).encode()).hexdigest()[:12]
            moved = Path("/var/lib/troopwatch-es") / f"{self.home.name}-{digest}"
            log.info("%s is not reachable by %s; using %s", self.home, ES_USER, moved)
            self.home = moved

    @classmethod
    def default(cls, port: int = 9200) -> LocalElasticsearch:
        return cls(home=var_dir() / "elasticsearch", http_port=port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def install_dir(self) -> Path:
        return self.home / f"elasticsearch-{ES_VERSION}"

    @property
    def pid_file(self) -> Path:
        return self.home / "logs" / "elasticsearch.pid"

    # -- setup -------------------------------------------------------------

    def _run_as(self) -> pwd.struct_passwd | None:
        """The system user to run as when we are root (created when missing)."""
        if os.geteuid() != 0:
            return None
        try:
            return pwd.getpwnam(ES_USER)
        except KeyError:
            subprocess.run(
                [
                    "useradd",
                    "--system",
                    "--no-create-home",
                    "--shell",
                    "/usr/sbin/nologin",
                    ES_USER,
                ],
                check=True,
                capture_output=True,
            )
            return pwd.getpwnam(ES_USER)

    def install(self) -> None:
        if not (self.install_dir / "bin" / "elasticsearch").exists():
            archive = fetch_distribution()
            self.home.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(archive) as zf:
                zf.extractall(self.home)
            for script in (self.install_dir / "bin").iterdir():
                script.chmod(0o755)
        conf = self.home / "config"
        if not conf.exists():
            shutil.copytree(self.install_dir / "config", conf)
        for sub in ("data", "logs"):
            (self.home / sub).mkdir(exist_ok=True)
        transport = self.transport_port or free_port()
        settings = {
            "cluster.name": "troopwatch-local",
            "node.name": self.node_name,
            "network.host": "127.0.0.1",
            "http.port": self.http_port,
            "transport.port": transport,
            **(
                {
                    "discovery.seed_hosts": list(self.seed_hosts),
                    "cluster.initial_master_nodes": list(self.initial_masters),
                }
                if self.seed_hosts
                else {"discovery.type": "single-node"}
            ),
            "path.data": str(self.home / "data"),
            "path.logs": str(self.home / "logs"),
            # Loopback only, so security is off; users with real clusters bring their own.
            "xpack.security.enabled": False,
            # A nearly full developer disk must not turn the local index read-only.
            "cluster.routing.allocation.disk.threshold_enabled": False,
            "action.destructive_requires_name": False,
        }
        (conf / "elasticsearch.yml").write_text(
            "".join(f"{k}: {json.dumps(v)}\n" for k, v in settings.items())
        )
        (conf / "jvm.options.d").mkdir(exist_ok=True)
        (conf / "jvm.options.d" / "heap.options").write_text(f"-Xms{self.heap}\n-Xmx{self.heap}\n")
        user = self._run_as()
        if user is not None:
            subprocess.run(
                ["chown", "-R", f"{user.pw_uid}:{user.pw_gid}", str(self.home)], check=True
            )

    # -- lifecycle ---------------------------------------------------------

    def health(self, timeout: float = 2.0) -> dict | None:
        """Cluster health when an Elasticsearch answers on our port, else None."""
        req = urllib.request.Request(f"{self.url}/_cluster/health")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                if resp.headers.get("X-Elastic-Product") != "Elasticsearch":
                    raise LocalEsError(f"{self.url} answers, but it is not Elasticsearch")
                return json.loads(resp.read())
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            return None

    def pid(self) -> int | None:
        """The pid of this instance's Elasticsearch, from its pid file, when that process
        is still this Elasticsearch: a stale pid file may name any process by now."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        if pid <= 1 or not self.is_ours(pid):
            return None
        return pid

    def is_ours(self, pid: int) -> bool:
        """Whether process `pid` is the Elasticsearch of this instance: its command line
        runs org.elasticsearch's bootstrap with es.path.home = our install directory."""
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return False  # gone (or no /proc: then never signal on a guess)
        home = next(
            (a[len(b"-Des.path.home=") :] for a in args if a.startswith(b"-Des.path.home=")), None
        )
        if home is None or not any(
            a.endswith(b"org.elasticsearch.bootstrap.Elasticsearch") for a in args
        ):
            return False
        return Path(os.fsdecode(home)).resolve() == self.install_dir.resolve()

    def start(self, timeout: float = 180.0) -> str:
        """Start (or find running) and wait until the cluster is at least yellow."""
        health = self.health()
        if health is not None:
            return self.url
        with _sigterm_raises():
            proc = self.launch()
            try:
                return self.wait_ready(proc, timeout)
            except BaseException:
                # Interrupted (SIGTERM, Ctrl-C) half-way: a daemonised Elasticsearch would
                # go on starting with nobody waiting for it; stop what was started.
                log.warning("start-up of Elasticsearch on %s interrupted: stopping it", self.url)
                self._abort_start(proc)
                raise

    def wait_ready(self, proc: subprocess.Popen, timeout: float, nodes: int = 1) -> str:
        """Wait until the cluster is at least yellow with `nodes` nodes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            health = self.health()
            if (
                health
                and health.get("status") in ("green", "yellow")
                and health.get("number_of_nodes", 1) >= nodes
            ):
                return self.url
            if proc.poll() not in (None, 0):
                break
            time.sleep(0.5)
        raise LocalEsError(
            f"Elasticsearch did not come up on {self.url}; see {self.home / 'logs'}: "
            + self._last_error()
        )

    def launch(self) -> subprocess.Popen:
        """Install and start the server (daemonised); `wait_ready` waits for it."""
        self.install()
        user = self._run_as()
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "ES_JAVA_HOME": find_java_home(),
            "ES_PATH_CONF": str(self.home / "config"),
            "LANG": "C.UTF-8",
        }
        out = (self.home / "logs" / "startup.log").open("ab")
        kwargs: dict = {}
        if user is not None:
            kwargs = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
            env["HOME"] = str(self.home)
        log.info("starting Elasticsearch %s on %s", ES_VERSION, self.url)
        return subprocess.Popen(
            [str(self.install_dir / "bin" / "elasticsearch"), "-d", "-p", str(self.pid_file)],
            env=env,
            cwd=self.home,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **kwargs,
        )

    def processes(self) -> list[int]:
        """Pids of every process that is this instance's Elasticsearch (from /proc)."""
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit() and self.is_ours(int(entry.name)):
                pids.append(int(entry.name))
        return pids

    def _abort_start(self, launcher: subprocess.Popen, grace: float = 20.0) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(launcher.pid, signal.SIGTERM)  # the launcher's own session
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            pids = self.processes()  # the server, daemonised out of the launcher's group
            if not pids and launcher.poll() is not None:
                return
            for pid in pids:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)
            time.sleep(0.5)
        for pid in self.processes():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(launcher.pid, signal.SIGKILL)

    def _last_error(self) -> str:
        for name in (f"{self.node_name}.log", "troopwatch-local.log", "startup.log"):
            path = self.home / "logs" / name
            if path.exists():
                lines = [ln for ln in path.read_text(errors="replace").splitlines() if ln.strip()]
                errors = [ln for ln in lines if "ERROR" in ln or "Exception" in ln]
                if errors or lines:
                    return (errors or lines)[-1][:300]
        return "no log"

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop our instance; True when one was running."""
        pid = self.pid()
        if pid is None:
            if self.pid_file.exists():
                log.warning(
                    "%s does not name this Elasticsearch (stale pid file): nothing signalled",
                    self.pid_file,
                )
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.pid() is None:
                return True
            time.sleep(0.3)
        if self.is_ours(pid):  # checked again: the pid may have been reused meanwhile
            os.kill(pid, signal.SIGKILL)
        return True

    def status(self) -> dict:
        health = self.health()
        return {
            "url": self.url,
            "running": health is not None,
            "pid": self.pid(),
            "version": ES_VERSION,
            "health": health.get("status") if health else None,
            "home": str(self.home),
        }


@dataclass
class LocalCluster:
    """N local nodes on loopback forming one cluster: node i has its own home (install,
    config, data, logs), http port `http_port + i` and transport port `transport_port + i`.
    Every node is master-eligible and holds data; index templates then ask for one
    replica (setup_indices), so one node can die without losing an acknowledged write.
    With two nodes only the elected master's loss stops the cluster (a quorum of two
    needs both), so use three to survive any single node."""

    home: Path  # node 0 lives here (as a single local instance would), node i in home-node<i+1>
    nodes: int = 2
    http_port: int = 9200
    transport_port: int = 9300
    heap: str = "512m"

    def members(self) -> list[LocalElasticsearch]:
        home = Path(self.home)
        names = [f"troopwatch-local-{i + 1}" for i in range(self.nodes)]
        seeds = tuple(f"127.0.0.1:{self.transport_port + i}" for i in range(self.nodes))
        return [
            LocalElasticsearch(
                home=home if i == 0 else home.with_name(f"{home.name}-node{i + 1}"),
                http_port=self.http_port + i,
                transport_port=self.transport_port + i,
                heap=self.heap,
                node_name=names[i],
                seed_hosts=seeds,
                initial_masters=tuple(names),
            )
            for i in range(self.nodes)
        ]

    @property
    def urls(self) -> list[str]:
        return [m.url for m in self.members()]

    def found(self) -> list[LocalElasticsearch]:
        """Node 1 and every other node whose home exists (for `es stop`)."""
        home = Path(self.home)
        others = sorted(home.parent.glob(f"{home.name}-node*"))
        total = max(self.nodes, 1 + len(others))
        return LocalCluster(home, total, self.http_port, self.transport_port).members()

    def health(self) -> dict | None:
        for member in self.members():
            health = member.health()
            if health is not None:
                return health
        return None

    def start(self, timeout: float = 300.0) -> list[str]:
        """Start every node not running yet, then wait until all have joined."""
        members = self.members()
        procs = {}
        with _sigterm_raises():
            try:
                for member in members:
                    if member.health() is None and member.pid() is None:
                        procs[member.node_name] = member.launch()
                first = members[0]
                launcher = procs.get(first.node_name) or subprocess.Popen(["true"])
                first.wait_ready(launcher, timeout, nodes=self.nodes)
            except BaseException:
                for member in members:
                    if member.node_name in procs:
                        member._abort_start(procs[member.node_name])
                raise
        return self.urls

    def stop(self) -> int:
        """Stop every node; how many were running."""
        return sum(member.stop() for member in self.members())
