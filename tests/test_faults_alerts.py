"""Alert delivery under faults: nothing lost, at most one duplicate per kill.

Real components only: aiosmtpd SMTP and the local Slack receiver (tests/receivers.py)
answering down / 4xx / 5xx at each stage, an Elasticsearch of our own (port 9270, or
TROOPWATCH_TEST_FAULTS_ES_PORT) killed in the middle of a sweep, and the daemon killed
with SIGKILL while a message is on its way.

Each scenario counts, per claim (and per recipient for email), how many accepted
messages carried it: none is a loss, more than one a duplicate. Permanent failures
(5xx, Slack 400) are `rejected`; the operator then fixes the configuration (a
restart with a changed setting), after which everything must have arrived exactly
once. Each scenario prints `faults: <scenario>: lost=N dup=N` (run with -s to see it
live; the summary at the end of the module shows them all).
"""

from __future__ import annotations

import os
import signal
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from schedules.alerts import AlertPolicy, AlertSweeper
from schedules.digest import CLAIMS_PER_SLACK_MESSAGE
from schedules.notifiers import notifiers_from_env
from tests import receivers
from tests.receivers import SlackReceiver, SMTPReceiver
from tests.test_alerts import alert_docs, claim, write_article
from tests.test_daemon import FAST_ENV, HoldingWebhook, catalogue, wait_for
from troopwatch.config import EsConfig
from troopwatch.es.client import make_client
from troopwatch.es.indices import Indices, drop_indices, setup_indices
from troopwatch.es.local import LocalElasticsearch
from troopwatch.paths import var_dir

pytestmark = pytest.mark.es

smtp_receiver = receivers.smtp_receiver
slack_receiver = receivers.slack_receiver

FAST = AlertPolicy(retry_base_s=0.2, retry_max_s=0.6, lease_s=2.0, max_claims=50)
RECIPIENTS = ["desk@example.org", "duty@example.org"]
FIGURES = [31001, 31002, 31003]
REPORT: list[str] = []


def report(scenario: str, lost: int, dup: int) -> None:
    line = f"faults: {scenario}: lost={lost} dup={dup}"
    REPORT.append(line)
    print(line)


@pytest.fixture(scope="module", autouse=True)
def _summary():
    yield
    if REPORT:
        print("\n" + "\n".join(REPORT))


# -- counting what arrived -------------------------------------------------------------


def email_counts(smtp: SMTPReceiver, figures: list[int]) -> Counter:
    """Per (recipient, figure), the accepted messages carrying it as a new claim (the
    subject names a message's own claims; the body's timelines name earlier ones)."""
    counts: Counter = Counter({(r, f): 0 for r in RECIPIENTS for f in figures})
    for envelope, msg in zip(smtp.envelopes, smtp.messages, strict=True):
        text = str(msg["Subject"])
        for recipient in envelope["rcpt_tos"]:
            for figure in figures:
                counts[(recipient, figure)] += f"{figure:,}" in text
    return counts


def slack_counts(texts: list[str], figures: list[int]) -> Counter:
    """Per figure, the accepted Slack messages naming it (in the fallback text, which
    names the message's own claims only, not the timeline)."""
    counts: Counter = Counter(dict.fromkeys(figures, 0))
    for text in texts:
        for figure in figures:
            counts[figure] += f"{figure:,}" in text
    return counts


def tally(*counters: Counter) -> tuple[int, int]:
    lost = sum(1 for c in counters for n in c.values() if n == 0)
    dup = sum(max(n - 1, 0) for c in counters for n in c.values())
    return lost, dup


def deliver_all(
    es, indices, journal: Path, env: dict, fix: Callable[[], dict], timeout: float = 20
) -> AlertSweeper:
    """Sweep until every alert is sent. Rejected ones wait for the operator: `fix()`
    changes the configuration and a new sweeper (a restart) takes over, once."""
    sw = AlertSweeper(es, indices, notifiers_from_env(env), journal, FAST)
    fixed = False
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        sw.sweep()
        statuses = {d["status"] for d in alert_docs(es, indices).values()}
        if statuses == {"sent"}:
            break
        if statuses <= {"sent", "rejected"} and not fixed:
            sw = AlertSweeper(es, indices, notifiers_from_env(fix()), journal, FAST)
            fixed = True
        time.sleep(0.2)
    time.sleep(FAST.retry_max_s + 0.2)
    for _ in range(2):  # nothing more may go out
        sw.sweep()
    return sw


# -- SMTP and Slack answering down / 4xx / 5xx at each stage ----------------------------


@pytest.fixture(scope="module")
def channel_indices(es_url):
    """One index prefix per channel for all its scenarios (setting indices up is the
    slow part). Each scenario has figures of its own and ends with every alert sent,
    so the next one starts with nothing due."""
    client = make_client(EsConfig(urls=(es_url,)))
    made = {}

    def get(channel: str) -> Indices:
        if channel not in made:
            made[channel] = f"twfaults-{channel}-{os.getpid()}"
            setup_indices(client, made[channel])
        return Indices(made[channel])

    yield get
    for prefix in made.values():
        drop_indices(client, prefix)
    client.close()


def _smtp(stage: str, reply: str) -> Callable[[SMTPReceiver], None]:
    return lambda r: r.fail_next(stage, reply)


SMTP_SCENARIOS = {
    "smtp down": (lambda r: r.stop(), lambda r: r.start()),
    "smtp connect 421": (_smtp("connect", "421 4.3.2 Too busy"), None),
    "smtp connect 554": (_smtp("connect", "554 5.3.2 No service"), None),
    "smtp MAIL 451": (_smtp("MAIL", "451 4.3.0 Try later"), None),
    "smtp MAIL 550": (_smtp("MAIL", "550 5.7.1 Sender refused"), None),
    "smtp RCPT 450 one recipient": (lambda r: r.refuse(RECIPIENTS[1], "450 4.2.1 Busy"), None),
    "smtp RCPT 550 one recipient": (lambda r: r.refuse(RECIPIENTS[1], "550 5.1.1 No user"), None),
    "smtp DATA 451": (_smtp("DATA", "451 4.3.0 Queue full"), None),
    "smtp DATA 554": (_smtp("DATA", "554 5.6.0 Rejected"), None),
    "smtp QUIT 421 after acceptance": (_smtp("QUIT", "421 4.3.2 Closing"), None),
}


@pytest.mark.parametrize("scenario", list(SMTP_SCENARIOS))
def test_smtp_fault(scenario, es, channel_indices, smtp_receiver, tmp_path):
    inject, recover = SMTP_SCENARIOS[scenario]
    indices = channel_indices("email")
    base = 31001 + 100 * list(SMTP_SCENARIOS).index(scenario)
    figures = [base, base + 1, base + 2]
    write_article(es, indices, f"faults-{base}", [claim(f, source="HUR") for f in figures])
    env = smtp_receiver.env(TROOPWATCH_SMTP_TO=",".join(RECIPIENTS))
    inject(smtp_receiver)
    first = AlertSweeper(es, indices, notifiers_from_env(env), tmp_path / "journal", FAST)
    first.sweep()
    if recover:
        recover(smtp_receiver)
    deliver_all(
        es,
        indices,
        tmp_path / "journal",
        env,
        fix=lambda: {**env, "TROOPWATCH_SMTP_FROM": "alerts@example.org"},
    )
    lost, dup = tally(email_counts(smtp_receiver, figures))
    report(scenario, lost, dup)
    assert (lost, dup) == (0, 0)


SLACK_SCENARIOS = {
    "slack down": (lambda r: r.stop(), lambda r: r.start(), 3),
    "slack 429 Retry-After": (lambda r: r.rate_limit_next(1, retry_after=1), None, 3),
    "slack 429 on part 2": (
        lambda r: r.rate_limit_next(1, retry_after=1, after=1),
        None,
        CLAIMS_PER_SLACK_MESSAGE + 2,
    ),
    "slack 500": (lambda r: r.fail_next(1, status=500), None, 3),
    "slack 400": (lambda r: r.fail_next(1, status=400, body="invalid_blocks"), None, 3),
    "slack 400 on part 2": (
        lambda r: r.fail_next(1, status=400, body="invalid_blocks", after=1),
        None,
        CLAIMS_PER_SLACK_MESSAGE + 2,
    ),
}


@pytest.mark.parametrize("scenario", list(SLACK_SCENARIOS))
def test_slack_fault(scenario, es, channel_indices, slack_receiver: SlackReceiver, tmp_path):
    inject, recover, count = SLACK_SCENARIOS[scenario]
    indices = channel_indices("slack")
    base = 41001 + 100 * list(SLACK_SCENARIOS).index(scenario)
    figures = [base + i for i in range(count)]
    write_article(es, indices, f"faults-{base}", [claim(f, source="HUR") for f in figures])
    env = slack_receiver.env()
    inject(slack_receiver)
    AlertSweeper(es, indices, notifiers_from_env(env), tmp_path / "journal", FAST).sweep()
    if recover:
        recover(slack_receiver)

    def fix() -> dict:  # a new webhook
        slack_receiver.path = "/services/T00000000/B22222222/ZZZZZZZZZZZZZZZZZZZZZZZZ"
        return slack_receiver.env()

    deliver_all(es, indices, tmp_path / "journal", env, fix)
    texts = [p.get("text") or "" for p in slack_receiver.payloads]
    lost, dup = tally(slack_counts(texts, figures))
    report(scenario, lost, dup)
    assert (lost, dup) == (0, 0)


# -- Elasticsearch killed in the middle of a sweep --------------------------------------


@pytest.fixture(scope="module")
def own_es():
    """An Elasticsearch of our own, to kill; stopped at the end if we started it."""
    port = int(os.environ.get("TROOPWATCH_TEST_FAULTS_ES_PORT", "9270"))
    local = LocalElasticsearch(home=var_dir() / "es-faults-alerts", http_port=port)
    already = local.health() is not None
    local.start()
    yield local
    if not already:
        local.stop()


def test_elasticsearch_killed_mid_sweep(own_es, smtp_receiver, slack_receiver, tmp_path):
    """SIGKILL of Elasticsearch right after the SMTP server accepted the digest, before
    it was recorded: the journal records it once Elasticsearch is back, nothing twice."""
    es = make_client(EsConfig(urls=(own_es.url,)))
    prefix = f"twfaults-{os.getpid()}"
    setup_indices(es, prefix)
    indices = Indices(prefix)
    try:
        write_article(es, indices, "faults", [claim(f, source="HUR") for f in FIGURES])
        env = {**smtp_receiver.env(TROOPWATCH_SMTP_TO=",".join(RECIPIENTS)), **slack_receiver.env()}
        notifiers = notifiers_from_env(env)
        email = notifiers["email"]

        class KillEsOnAccept:
            channel, config_id, recipients = email.channel, email.config_id, email.recipients

            def deliver(self, digest, tracker=None, recipients=None):
                class Kill:
                    def may_send(self):
                        return tracker.may_send()

                    def sent(self, claim_ids, refused):
                        os.kill(own_es.pid(), signal.SIGKILL)
                        wait_for(lambda: own_es.health(timeout=0.5) is None, 30, "ES gone")
                        tracker.sent(claim_ids, refused)

                email.deliver(digest, Kill(), recipients)

        journal = tmp_path / "journal"
        killing = {**notifiers, "email": KillEsOnAccept()}
        result = AlertSweeper(es, indices, killing, journal, FAST).sweep()
        assert result.es_error and len(smtp_receiver.messages) == 1
        assert list(journal.glob("*.json"))  # the accepted send, waiting to be recorded

        own_es.start()
        deliver_all(es, indices, journal, env, fix=lambda: env, timeout=40)
        texts = [p.get("text") or "" for p in slack_receiver.payloads]
        lost, dup = tally(email_counts(smtp_receiver, FIGURES), slack_counts(texts, FIGURES))
        report("elasticsearch SIGKILL mid-sweep", lost, dup)
        assert (lost, dup) == (0, 0)
        assert not list(journal.glob("*.json"))
    finally:
        drop_indices(es, prefix)
        es.close()


# -- the daemon killed while a message is on its way ------------------------------------


def test_daemon_sigkill_mid_send_then_restart(es, indices, tw_env, tmp_path, smtp_receiver):
    """SIGKILL while Slack holds the digest's POST: that one message may arrive twice
    (the documented at-least-once window); nothing else is repeated or lost."""
    from tests.test_daemon import DaemonProcess

    first = [31001]  # one claim: the held message is one message, and one claim
    write_article(es, indices, "faults", [claim(f, source="HUR") for f in first])
    hook = HoldingWebhook()
    hook.hold.set()
    env = {
        **tw_env,
        **FAST_ENV,
        **smtp_receiver.env(TROOPWATCH_SMTP_TO=",".join(RECIPIENTS)),
        "TROOPWATCH_SLACK_WEBHOOK_URL": hook.url,
        "TROOPWATCH_SOURCES": catalogue(tmp_path / "sources.yaml", []),
    }
    log_path = tmp_path / "daemon.log"
    daemon = DaemonProcess(env, log_path)
    try:
        daemon.start()
        wait_for(lambda: hook.payloads, 30, "the Slack POST")  # held: mid-send now
        daemon.stop(signal.SIGKILL)
        hook.release.set()
        hook.hold.clear()
        later = [33001]  # arrives while the daemon is down
        write_article(es, indices, "later", [claim(f, source="HUR") for f in later])
        daemon = DaemonProcess(env, log_path).start()
        wait_for(
            lambda: (
                {d["status"] for d in alert_docs(es, indices).values()} == {"sent"}
                and len(alert_docs(es, indices)) == 2 * len(first + later)
            ),
            30,
            "every alert sent after the restart",
        )
        time.sleep(2)  # more sweeps: nothing else may go out
        figures = first + later
        lost, dup = tally(
            email_counts(smtp_receiver, figures), slack_counts(hook.summaries(), figures)
        )
        report("daemon SIGKILL mid-send, restart", lost, dup)
        assert lost == 0
        assert dup <= 1  # the held Slack message: one kill, at most one duplicate
        assert tally(email_counts(smtp_receiver, figures)) == (0, 0)
        assert daemon.stop(signal.SIGTERM, timeout=30) == 0
    finally:
        daemon.kill()
        hook.close()
