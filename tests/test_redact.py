"""Secrets never reach output: planted credentials are looked for in what the command line
prints, in crawl logs, in the runs, sources and alerts indices, and in a crawl's
environment."""

from __future__ import annotations

import json
import re
import signal
from pathlib import Path

import pytest

from schedules.notifiers import SlackNotifier
from tests.press import Press
from tests.test_daemon import FAST_ENV, wait_for
from tests.test_daemon import catalogue as daemon_catalogue
from tests.test_daemon import daemons as daemons  # noqa: F401  (a fixture)
from tests.test_spiders import catalogue, crawl
from troopwatch.config import crawl_environment
from troopwatch.redact import configured_secrets, redact_text, redact_url

ES_PASSWORD = "Es-Pl4nted-Passw0rd"
FEED_PASSWORD = "Feed-Pl4nted-Secret"
WEBHOOK_SECRET = "XyZplantedWebhookSecret123"
WEBHOOK = f"https://hooks.slack.com/services/T0PLANTED/B0PLANTED/{WEBHOOK_SECRET}"
TRIGGER = "https://hooks.slack.com/triggers/E0PLANTED/9876543210/abcdefPlantedTrigger0123"
SMTP_PASSWORD = "Smtp-Pl4nted-Passw0rd"


def test_redact_url_and_text_mask_every_kind_of_secret():
    assert redact_url(f"http://elastic:{ES_PASSWORD}@es.example:9200") == (
        "http://***@es.example:9200"
    )
    assert redact_url("https://es.example/?api_key=abc123&x=1") == (
        "https://es.example/?api_key=***&x=1"
    )
    assert WEBHOOK_SECRET not in redact_url(WEBHOOK)
    assert "abcdefPlantedTrigger0123" not in redact_url(TRIGGER)
    for plain in (
        "https://news.example/feed.xml?page=2",
        "https://mod.gov.example/services/news/troops-in-kursk",
    ):
        assert redact_url(plain) == plain
    text = (
        f"URL can't contain control characters. '/services/T0PLANTED/B0PLANTED/{WEBHOOK_SECRET[:8]} "
        f"{WEBHOOK_SECRET[8:]}' (found at least ' '); Authorization: ApiKey bXlrZXk6c2VjcmV0"
    )
    redacted = redact_text(text, secrets=[])
    assert WEBHOOK_SECRET[8:] not in redacted and "bXlrZXk6c2VjcmV0" not in redacted
    # Configured values are masked wherever they appear, even split by a stray space.
    env = {"TROOPWATCH_SMTP_PASSWORD": SMTP_PASSWORD, "TROOPWATCH_SLACK_WEBHOOK_URL": WEBHOOK}
    plain = f"login failed for {SMTP_PASSWORD}; posted to ...{WEBHOOK_SECRET}"
    assert redact_text(plain, configured_secrets(env)).count("***") == 2


def test_slack_notifier_repr_hides_webhook_and_workflow_secrets():
    for url, secret in ((WEBHOOK, WEBHOOK_SECRET), (TRIGGER, "abcdefPlantedTrigger0123")):
        assert secret not in repr(SlackNotifier(url))


def test_crawl_processes_get_no_alert_or_kibana_secrets():
    env = {
        "PATH": "/usr/bin",
        "TROOPWATCH_ES_URL": "http://127.0.0.1:9200",
        "TROOPWATCH_ES_PASSWORD": ES_PASSWORD,
        "TROOPWATCH_SMTP_PASSWORD": SMTP_PASSWORD,
        "TROOPWATCH_SLACK_WEBHOOK_URL": WEBHOOK,
        "TROOPWATCH_KIBANA_PASSWORD": "k",
        "AWS_SECRET_ACCESS_KEY": "a",
    }
    out = crawl_environment(env, TROOPWATCH_RUN_ID="r1")
    assert out["TROOPWATCH_ES_PASSWORD"] == ES_PASSWORD  # it writes to Elasticsearch
    assert out["TROOPWATCH_RUN_ID"] == "r1" and out["TROOPWATCH_DOTENV"] == "0"
    for name in (
        "TROOPWATCH_SMTP_PASSWORD",
        "TROOPWATCH_SLACK_WEBHOOK_URL",
        "TROOPWATCH_KIBANA_PASSWORD",
        "AWS_SECRET_ACCESS_KEY",
    ):
        assert name not in out


def test_the_daemon_starts_crawls_without_alert_secrets(tw_env, tmp_path, daemons):
    # A crawl that hangs on its feed, so that its environment can be read while it runs.
    with Press.start(hang_seconds=60) as press:
        env = {
            **tw_env,
            **FAST_ENV,
            "TROOPWATCH_CRAWL_TIMEOUT": "30",
            "TROOPWATCH_CRAWL_JITTER_SECONDS": "0",
            "TROOPWATCH_SMTP_PASSWORD": SMTP_PASSWORD,
            "TROOPWATCH_SLACK_WEBHOOK_URL": WEBHOOK,
            "TROOPWATCH_SOURCES": daemon_catalogue(
                tmp_path / "sources.yaml",
                [{"id": "stuck-feed", "kind": "feed", "url": press.bad_routes["hang"]}],
            ),
        }
        daemon = daemons(env, tmp_path / "daemon.log").start()
        pattern = r"crawl stuck-feed \(feeds\) started: run \S+, pid (\d+)"
        [pid] = wait_for(lambda: re.findall(pattern, daemon.log), 40, "a crawl")
        environ = Path(f"/proc/{pid}/environ").read_bytes().decode(errors="replace")
        daemon.stop(signal.SIGTERM, timeout=30)
    names = {item.split("=", 1)[0] for item in environ.split("\0") if item}
    assert "TROOPWATCH_ES_URL" in names and "TROOPWATCH_RUN_ID" in names
    assert not leaks(environ)
    assert "TROOPWATCH_SMTP_PASSWORD" not in names


def leaks(text: str) -> list[str]:
    return [s for s in (ES_PASSWORD, FEED_PASSWORD, WEBHOOK_SECRET, SMTP_PASSWORD) if s in text]


def test_cli_output_logs_and_indexed_records_carry_no_credentials(
    es, indices, index_prefix, es_url, tw_env, tmp_path
):
    host = es_url.split("://", 1)[1]
    env = {
        **tw_env,
        "TROOPWATCH_ES_URL": f"http://elastic:{ES_PASSWORD}@{host}",
        "TROOPWATCH_SMTP_PASSWORD": SMTP_PASSWORD,
    }
    with Press.start() as press:
        bad_feed = f"{press.base_url}/no-feed?token={FEED_PASSWORD}"
        sources = [{"id": "private-feed", "kind": "feed", "url": bad_feed}]
        env["TROOPWATCH_SOURCES"] = catalogue(tmp_path / "s.yaml", sources)
        _, log = crawl(env, "feeds")
    assert not leaks(log), log[-3000:]
    assert "/no-feed?token=***" in log  # the URL is shown, masked

    outputs = {}
    for args in (
        ["es", "status"],
        ["es", "setup"],
        ["sources"],
        ["sources", "--json"],
        ["status"],
        ["status", "--json"],
        ["spool", "flush"],
    ):
        from tests.conftest import run_troopwatch

        done = run_troopwatch(args, env, timeout=120)
        outputs[" ".join(args)] = done.stdout + done.stderr
    for name, text in outputs.items():
        assert not leaks(text), (name, text[-2000:])
    assert "http://***@" in outputs["es status"]

    for index in (indices.runs, indices.sources):
        es.indices.refresh(index=index)
        docs = es.search(index=index, size=100)["hits"]["hits"]
        assert docs, index
        text = json.dumps([d["_source"] for d in docs])
        assert not leaks(text), (index, text[-2000:])


@pytest.mark.parametrize("url", [f"{WEBHOOK} ", WEBHOOK.replace(WEBHOOK_SECRET[:6], " ")])
def test_a_broken_webhook_url_keeps_its_secret_out_of_the_error(url):
    from schedules.notifiers import DeliveryError

    notifier = SlackNotifier(url)
    with pytest.raises(DeliveryError) as caught:
        notifier.send({"text": "x"})
    assert WEBHOOK_SECRET[6:] not in str(caught.value)
    assert WEBHOOK_SECRET not in repr(notifier)


def test_a_webhook_url_with_a_stray_space_keeps_its_secret_out_of_the_alerts_index(
    es, indices, tmp_path
):
    from schedules.notifiers import notifiers_from_env
    from tests.test_alerts import NEW_SENTENCE, alert_docs, claim, sweeper, write_article

    # A space pasted into the middle of the secret path: the request cannot even be sent.
    url = WEBHOOK.replace(WEBHOOK_SECRET, f"{WEBHOOK_SECRET[:10]} {WEBHOOK_SECRET[10:]}")
    notifiers = notifiers_from_env({"TROOPWATCH_SLACK_WEBHOOK_URL": url})
    write_article(es, indices, "kursk", [claim(15000, source="HUR", sentence=NEW_SENTENCE)])
    result = sweeper(es, indices, notifiers, tmp_path).sweep()
    assert "slack" in result.failed
    [alert] = alert_docs(es, indices).values()
    assert alert["status"] == "failed" and alert["last_error"]
    for piece in (WEBHOOK_SECRET[:10], WEBHOOK_SECRET[10:]):
        assert piece not in alert["last_error"] and piece not in result.failed["slack"]
