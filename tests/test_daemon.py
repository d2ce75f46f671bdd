"""The daemon as users run it: `python -m troopwatch.cli run` in a subprocess, real
Elasticsearch, the fixture press, and the local SMTP and Slack receivers.

Intervals are seconds here (sweep every second, crawls every few seconds) so the whole
file stays within a few minutes on a small machine.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests import receivers
from tests.conftest import TROOPWATCH, run_troopwatch
from tests.test_alerts import NEW_SENTENCE, alert_docs, claim, email_text, write_article

pytestmark = pytest.mark.es

smtp_receiver = receivers.smtp_receiver
slack_receiver = receivers.slack_receiver

FAST_ENV = {
    "TROOPWATCH_SWEEP_SECONDS": "1",
    "TROOPWATCH_SPOOL_DRAIN_SECONDS": "300",
    "TROOPWATCH_ALERT_RETRY_SECONDS": "1",
    "TROOPWATCH_ALERT_RETRY_MAX_SECONDS": "4",
    "TROOPWATCH_ALERT_SEND_LEASE_SECONDS": "3",
    "TROOPWATCH_FIRST_CRAWL_SPREAD": "0",
    "TROOPWATCH_LOG_LEVEL": "INFO",
}


def wait_for(predicate, timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class DaemonProcess:
    """`troopwatch run` in a subprocess, its output in a file."""

    def __init__(self, env: dict, log_path: Path):
        self.env = env
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None
        self._offset = 0

    def start(self) -> DaemonProcess:
        self._offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        with self.log_path.open("ab") as out:
            self.proc = subprocess.Popen(
                [*TROOPWATCH, "run"],
                env=self.env,
                cwd=Path(self.env["TROOPWATCH_VAR_DIR"]).parent,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        self.wait_for_log("troopwatch daemon running", timeout=90)
        return self

    @property
    def log(self) -> str:
        """The output of the current run only."""
        with self.log_path.open("rb") as fh:
            fh.seek(self._offset)
            return fh.read().decode("utf-8", errors="replace")

    def wait_for_log(self, pattern: str, timeout: float = 30) -> re.Match:
        def found():
            if self.proc is not None and self.proc.poll() is not None:
                raise AssertionError(f"daemon exited ({self.proc.returncode}):\n{self.log}")
            return re.search(pattern, self.log)

        try:
            return wait_for(found, timeout, f"{pattern!r} in the daemon log")
        except AssertionError as exc:
            raise AssertionError(f"{exc}\n--- daemon log ---\n{self.log[-6000:]}") from None

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else 0
        self.proc.send_signal(sig)
        return self.proc.wait(timeout=timeout)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


@pytest.fixture
def daemons():
    started: list[DaemonProcess] = []

    def make(env: dict, log_path: Path) -> DaemonProcess:
        daemon = DaemonProcess(env, log_path)
        started.append(daemon)
        return daemon

    yield make
    for daemon in started:
        daemon.kill()
    if started:  # shown by pytest when the test failed
        print(f"--- daemon log {started[-1].log_path} ---")
        print(started[-1].log_path.read_text(encoding="utf-8", errors="replace")[-12000:])


def catalogue(path: Path, sources: list[dict]) -> str:
    lines = ["sources:"] if sources else ["sources: []"]
    for source in sources:
        lines.append(f"  - id: {source['id']}")
        for key, value in source.items():
            if key != "id":
                lines.append(f"    {key}: {json.dumps(value)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def run_docs(es, indices) -> list[dict]:
    es.indices.refresh(index=indices.runs)
    hits = es.search(index=indices.runs, size=100, sort=[{"started_at": "desc"}])["hits"]["hits"]
    return [h["_source"] for h in hits]


def process_group_alive(pgid: int) -> bool:
    """A live (non-zombie) process in the group; orphans' zombies may never be reaped here."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, _ppid, pgrp = stat.read_text().rsplit(")", 1)[1].split()[:3]
        except (OSError, ValueError):
            continue
        if int(pgrp) == pgid and state != "Z":
            return True
    return False


# -- a Slack webhook that can hold a request open (to kill the daemon mid-send) -----------


class HoldingWebhook:
    """Records every POST; while `hold` is set it does not answer until `release`."""

    def __init__(self):
        self.hold = threading.Event()
        self.release = threading.Event()
        self.payloads: list[dict] = []
        self._lock = threading.Lock()
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with hook._lock:
                    hook.payloads.append(json.loads(body))
                if hook.hold.is_set():
                    hook.release.wait(60)
                try:
                    self.send_response(200)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"ok")
                except OSError:
                    pass  # the daemon is gone

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/services/T0/B0/hold"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def summaries(self) -> list[str]:
        """Each message's fallback text: it names the new claims only (no timeline)."""
        with self._lock:
            return [p.get("text") or "" for p in self.payloads]

    def close(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


# -- tests -----------------------------------------------------------------------------


def test_sigkill_mid_sweep_then_restart_loses_nothing(
    es, indices, tw_env, tmp_path, smtp_receiver, daemons
):
    """SIGKILL while Slack holds the digest's POST, then restart.

    The email digest was sent and marked before the Slack send started: it is not sent
    again. The Slack digest was received but never acknowledged: after the restart it is
    sent again (the documented at-least-once window), and nothing is lost, including a
    claim that arrived while the daemon was down.
    """
    write_article(es, indices, "seed", [claim(12000, source="NIS")], is_seed=True, url="seed:x")
    write_article(es, indices, "kursk", [claim(15000, source="HUR", sentence=NEW_SENTENCE)])
    hook = HoldingWebhook()
    hook.hold.set()
    env = {
        **tw_env,
        **FAST_ENV,
        **smtp_receiver.env(),
        "TROOPWATCH_SLACK_WEBHOOK_URL": hook.url,
        "TROOPWATCH_SOURCES": catalogue(tmp_path / "sources.yaml", []),
    }
    log_path = tmp_path / "daemon.log"
    try:
        daemon = daemons(env, log_path).start()
        wait_for(lambda: hook.payloads, 30, "the Slack POST")  # held: mid-sweep now
        daemon.stop(signal.SIGKILL)
        hook.release.set()
        hook.hold.clear()
        assert len(smtp_receiver.messages) == 1  # email went first and was marked sent
        states = {d["channel"]: d["status"] for d in alert_docs(es, indices).values()}
        assert states == {"email": "sent", "slack": "sending"}
        schedule_before = {j["id"]: j for j in _schedule(tw_env)}
        assert {"alerts:sweep", "spool:drain"} <= set(schedule_before)

        # A claim that arrives while the daemon is down.
        write_article(es, indices, "killed", [claim(2350, category="killed", source="Zelensky")])

        daemon = daemons(env, log_path).start()
        wait_for(
            lambda: (
                {d["status"] for d in alert_docs(es, indices).values()} == {"sent"}
                and len(alert_docs(es, indices)) == 4
            ),
            30,
            "every alert sent after the restart",
        )
        time.sleep(2.5)  # a few more sweeps: nothing else may go out
        # Subjects and Slack fallback texts name the new claims of each digest.
        emails = [m["Subject"] for m in smtp_receiver.messages]
        assert sum("15,000" in t for t in emails) == 1  # never twice
        assert sum("2,350" in t for t in emails) == 1
        slack = hook.summaries()
        assert sum("15,000" in t for t in slack) == 2  # held + resent: at-least-once
        assert sum("2,350" in t for t in slack) == 1

        # The schedule resumed from the job store instead of starting over.
        after = {j["id"]: j for j in _schedule(tw_env)}
        before_next = datetime.fromisoformat(schedule_before["spool:drain"]["next_run_time"])
        after_next = datetime.fromisoformat(after["spool:drain"]["next_run_time"])
        assert (after_next - before_next).total_seconds() % 300 == pytest.approx(0, abs=0.01)
        assert re.search(r"spool:drain resumes", daemon.log)

        # SIGHUP re-reads the catalogue: a source added, then removed, without a restart.
        catalogue(
            tmp_path / "sources.yaml",
            [{"id": "late-source", "kind": "feed", "url": "http://127.0.0.1:9/feed.xml"}],
        )
        daemon.proc.send_signal(signal.SIGHUP)
        daemon.wait_for_log(r"schedule: crawl:late-source every 3600 s")
        assert "crawl:late-source" in {j["id"] for j in _schedule(tw_env)}
        catalogue(tmp_path / "sources.yaml", [])
        daemon.proc.send_signal(signal.SIGHUP)
        daemon.wait_for_log(r"schedule: removing crawl:late-source")

        assert daemon.stop(signal.SIGTERM, timeout=30) == 0
        assert "troopwatch daemon stopped" in daemon.log
    finally:
        hook.close()


def _schedule(env: dict) -> list[dict]:
    proc = run_troopwatch(["status", "--json"], env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["schedule"]


def test_hanging_crawl_is_killed_recorded_and_the_daemon_goes_on(
    es, indices, tw_env, tmp_path, daemons
):
    from tests.press import Press

    with Press.start(hang_seconds=60) as press:
        env = {
            **tw_env,
            **FAST_ENV,
            "TROOPWATCH_CRAWL_TIMEOUT": "6",
            "TROOPWATCH_CRAWL_KILL_GRACE": "2",
            "TROOPWATCH_CRAWL_INTERVAL_SECONDS": "12",
            "TROOPWATCH_CRAWL_JITTER_SECONDS": "0",
            "TROOPWATCH_SOURCES": catalogue(
                tmp_path / "sources.yaml",
                [{"id": "stuck-feed", "kind": "feed", "url": press.bad_routes["hang"]}],
            ),
        }
        daemon = daemons(env, tmp_path / "daemon.log").start()
        runs = wait_for(
            lambda: [r for r in run_docs(es, indices) if r.get("status") == "timeout"],
            40,
            "a timeout run record",
        )
        run = runs[0]
        assert run["source"] == ["stuck-feed"] and run["spider"] == "feeds"
        assert run["errors"] >= 1
        assert any("killed after 6 s" in m for m in run["error_messages"])
        assert 6 <= run["duration_s"] < 20
        assert re.search(r"crawl stuck-feed killed after 6 s", daemon.log)

        # The daemon goes on: the next crawl starts on schedule.
        pattern = r"crawl stuck-feed \(feeds\) started: run (\S+), pid (\d+)"
        starts = wait_for(
            lambda: len(re.findall(pattern, daemon.log)) >= 2 and re.findall(pattern, daemon.log),
            30,
            "the next crawl",
        )
        orphan_run, orphan = starts[-1][0], int(starts[-1][1])
        assert process_group_alive(orphan)

        # SIGKILL leaves that crawl running (its own session); the restart stops it.
        daemon.stop(signal.SIGKILL)
        assert process_group_alive(orphan)
        daemon = daemons(env, tmp_path / "daemon.log").start()
        assert re.search(r"crawl stuck-feed \(pid \d+\) was left running", daemon.log)
        assert not process_group_alive(orphan)
        orphan_doc = wait_for(
            lambda: [r for r in run_docs(es, indices) if r["run_id"] == orphan_run],
            10,
            "the orphan's run record",
        )[0]
        assert orphan_doc["status"] == "interrupted"

        # `status` shows the schedule and each source's last run.
        proc = run_troopwatch(["status"], env, timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert "crawl:stuck-feed" in proc.stdout and "alerts:sweep" in proc.stdout
        assert re.search(r"stuck-feed\s+interrupted", proc.stdout)
        assert "daemon: running" in proc.stdout

        # SIGTERM while a crawl hangs: the daemon stops it and exits cleanly.
        [(_, pid)] = wait_for(lambda: re.findall(pattern, daemon.log), 30, "a crawl")
        started = time.monotonic()
        assert daemon.stop(signal.SIGTERM, timeout=30) == 0
        assert time.monotonic() - started < 15
        assert not process_group_alive(int(pid))
        assert "troopwatch daemon stopped" in daemon.log


def test_status_when_elasticsearch_is_down(tw_env, tmp_path):
    env = {**tw_env, "TROOPWATCH_ES_URL": "http://127.0.0.1:9"}
    proc = run_troopwatch(["status"], env, timeout=60)
    assert proc.returncode == 1
    assert "daemon: not running" in proc.stdout
    assert "not reachable" in proc.stdout
    assert proc.stderr.count("\n") == 1  # one line saying why


# -- end to end: press -> scheduled crawl -> claims -> alerts ---------------------------

# Each article has its own text: pages sharing most of their words would be near-duplicates
# of each other, and a duplicate's claims are recorded as sightings only.
REPEAT_PARAGRAPHS = [
    "South Korea's National Intelligence Service said the North has decided to send "
    "around 12,000 soldiers to Russia.",
    "According to the Pentagon, about 10,000 North Korean troops are in Russia, most of "
    "them in training.",
    "Officials in Seoul and Washington repeated on Monday the estimates they first gave in "
    "October, saying the deployment to Russia's war against Ukraine is unchanged.",
]
NEW_PARAGRAPH = (
    "South Korea's National Intelligence Service said on Tuesday that 18,500 North Korean "
    "troops are now deployed in Russia's Kursk region."
)
NEW_CONTEXT = (
    "Lawmakers briefed behind closed doors were told that fresh rotations had crossed the "
    "border by rail, and that Pyongyang expects more artillery shells in return."
)
MARKUP_TITLE = "<b>Kim's</b> *elite* _units_ <https://evil.example|click> & <!channel>"
MARKUP_PARAGRAPHS = [
    "<b>Officials</b> in *Kyiv* said _today_ that 21,700 North Korean soldiers "
    "<https://evil.example|click here> are now deployed in Russia.",
    "A military spokesman in Ukraine's capital added that the figure came from radio "
    "intercepts & prisoner interviews near the Sumy border, without naming units.",
]


def indexed(es, indices, url: str) -> bool:
    es.indices.refresh(index=indices.articles)
    return es.count(index=indices.articles, query={"term": {"url": url}})["count"] > 0


def test_end_to_end_from_the_press_to_email_and_slack(
    es, indices, tw_env, tmp_path, smtp_receiver, slack_receiver, daemons
):
    from tests.press import Press
    from troopwatch.claims import extract_claims

    [expected] = [c.to_dict() for c in extract_claims(NEW_PARAGRAPH)]
    assert expected["figure_low"] == 18500 and expected["source"] != "unattributed"

    with Press.start() as press:
        env = {
            **tw_env,
            **FAST_ENV,
            **smtp_receiver.env(),
            **slack_receiver.env(),
            "TROOPWATCH_CRAWL_INTERVAL_SECONDS": "8",
            "TROOPWATCH_CRAWL_JITTER_SECONDS": "0",
            "TROOPWATCH_MAX_PARALLEL_CRAWLS": "1",
            # The press's own back catalogue is older: only what is published now counts.
            "TROOPWATCH_MAX_AGE_DAYS": "2",
            "TROOPWATCH_SOURCES": catalogue(
                tmp_path / "sources.yaml",
                [
                    {
                        "id": "meridian-wire",
                        "kind": "feed",
                        "url": press.feed_url("meridian-wire"),
                        "lang": "en",
                        "interval_minutes": 1,
                    }
                ],
            ),
        }
        daemon = daemons(env, tmp_path / "daemon.log").start()
        # Started from the seeds, and a first scheduled crawl has been recorded.
        assert es.count(index=indices.articles, query={"term": {"is_seed": True}})["count"] == 5
        daemon.wait_for_log(r"crawl meridian-wire finished", timeout=60)

        # An article that only repeats the seeds' figures raises nothing.
        repeat = press.publish(
            {
                "site": "meridian-wire",
                "title": "Seoul and Washington repeat their estimates of North Korean troops",
                "body": REPEAT_PARAGRAPHS,
            }
        )
        wait_for(lambda: indexed(es, indices, repeat.url), 60, "the repeat article indexed")
        time.sleep(3)  # several sweeps
        assert smtp_receiver.messages == [] and slack_receiver.payloads == []
        assert alert_docs(es, indices) == {}

        # A new figure: one alert per channel, with the figure, claimant, sentence, title, link.
        title = "NIS: 18,500 North Korean troops now deployed in Kursk"
        new = press.publish(
            {"site": "meridian-wire", "title": title, "body": [NEW_PARAGRAPH, NEW_CONTEXT]}
        )
        [msg] = smtp_receiver.wait_for_messages(1, timeout=60)
        [payload] = slack_receiver.wait_for_payloads(1, timeout=30)
        text, slack = email_text(msg), json.dumps(payload, ensure_ascii=False)
        for shown in (text, slack):
            assert "18,500" in shown
            assert expected["source"] in shown
            assert "Kursk region" in shown  # the sentence
            assert title in shown
            assert new.url in shown
        assert "18,500" in msg["Subject"]

        # Page text with HTML, mrkdwn and link syntax reaches readers as plain text.
        press.publish({"site": "meridian-wire", "title": MARKUP_TITLE, "body": MARKUP_PARAGRAPHS})
        msgs = smtp_receiver.wait_for_messages(2, timeout=60)
        payloads = slack_receiver.wait_for_payloads(2, timeout=30)
        html = msgs[1].get_body(("html",)).get_content()
        assert "21,700" in html
        assert "&lt;b&gt;Kim" in html and "<b>Kim" not in html
        assert 'href="https://evil.example' not in html
        assert "<b>Kim's</b> *elite*" in email_text(msgs[1])
        raw = json.dumps(payloads[1], ensure_ascii=False)
        assert "21,700" in raw
        assert "<!channel>" not in raw and "<https://evil.example|click" not in raw
        assert "&lt;b&gt;Kim" in raw

        time.sleep(6)  # another crawl and more sweeps: nothing more goes out
        assert len(smtp_receiver.messages) == 2 and len(slack_receiver.payloads) == 2
        statuses = [d["status"] for d in alert_docs(es, indices).values()]
        assert statuses == ["sent"] * 4

        # Crawl runs are recorded for Kibana, with their counts.
        runs = [r for r in run_docs(es, indices) if r.get("new_claims")]
        assert runs, "no run recorded: is crawler.extensions.RunRecorder in EXTENSIONS?"
        assert runs[0]["source"] == ["meridian-wire"] and runs[0]["indexed"] >= 1
        assert daemon.stop(signal.SIGTERM, timeout=30) == 0


def test_run_recorder_spools_while_elasticsearch_is_down(es, indices, tw_env, tmp_path):
    """A crawl run is recorded even when Elasticsearch is down: spooled, written later."""
    from tests.press import Press
    from troopwatch.paths import PROJECT_ROOT

    with Press.start() as press:
        press.publish(
            {
                "site": "meridian-wire",
                "title": "NIS: 18,500 troops in Kursk",
                "body": [NEW_PARAGRAPH, NEW_CONTEXT],
            }
        )
        env = {
            **tw_env,
            "TROOPWATCH_MAX_AGE_DAYS": "2",
            "TROOPWATCH_SOURCES": catalogue(
                tmp_path / "sources.yaml",
                [{"id": "meridian-wire", "kind": "feed", "url": press.feed_url("meridian-wire")}],
            ),
        }

        def crawl(run_id: str, es_url: str) -> None:
            # Scrapy's own command line, with the extension enabled the Scrapy way.
            proc = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "scrapy",
                    "crawl",
                    "feeds",
                    "-a",
                    "sources=meridian-wire",
                    "-s",
                    'EXTENSIONS={"crawler.extensions.RunRecorder": 500}',
                    "-s",
                    f"TROOPWATCH_RUN_ID={run_id}",
                ],
                env={**env, "TROOPWATCH_ES_URL": es_url},
                cwd=PROJECT_ROOT,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert proc.returncode == 0, proc.stderr[-3000:]

        crawl("run-while-down", "http://127.0.0.1:9")
        spooled = list(
            (Path(env["TROOPWATCH_SPOOL_DIR"]) / indices.prefix / "runs").glob("*.jsonl")
        )
        assert len(spooled) == 1
        [record] = [json.loads(line) for line in spooled[0].read_text().splitlines()]
        assert record["run_id"] == "run-while-down"
        assert record["spooled"] == 1 and record["items"] == 1 and record["pages"] >= 2

        crawl("run-when-back", tw_env["TROOPWATCH_ES_URL"])  # writes the spooled run first
        runs = {r["run_id"]: r for r in run_docs(es, indices)}
        assert set(runs) == {"run-while-down", "run-when-back"}
        assert runs["run-while-down"]["spooled"] == 1
        assert runs["run-when-back"]["source"] == ["meridian-wire"]
        assert runs["run-when-back"]["status"] == "ok"
        assert not list(
            (Path(env["TROOPWATCH_SPOOL_DIR"]) / indices.prefix / "runs").glob("*.jsonl")
        )
