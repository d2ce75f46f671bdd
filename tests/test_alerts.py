"""The alert sweep against the real Elasticsearch and the local SMTP / Slack receivers.

Claims are written the way the pipeline writes them (ArticleWriter), so novelty comes
from the real claim-key logic; the sweep runs in this process, one call at a time.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from schedules.alerts import AlertPolicy, AlertSweeper
from schedules.notifiers import notifiers_from_env
from tests import receivers
from tests.conftest import run_troopwatch
from troopwatch.claims import extract_claims
from troopwatch.config import EsConfig
from troopwatch.es.client import make_client
from troopwatch.es.writer import ArticleWriter

pytestmark = pytest.mark.es

smtp_receiver = receivers.smtp_receiver
slack_receiver = receivers.slack_receiver

# Short waits so retries happen within the test.
FAST = AlertPolicy(retry_base_s=1.0, retry_max_s=4.0, lease_s=2.0, max_claims=50)

BASELINE_SENTENCE = (
    "South Korea's National Intelligence Service said the North has decided to send "
    "around 12,000 soldiers to Russia."
)
NEW_SENTENCE = (
    "Ukraine's defence intelligence said 15,000 North Korean troops are now deployed "
    "in the Kursk region."
)


def claim(figure_low, category="deployed", source="NIS", sentence="", **extra) -> dict:
    return {
        "figure_low": figure_low,
        "figure_high": extra.pop("figure_high", None),
        "qualifier": extra.pop("qualifier", "exact"),
        "category": category,
        "unit": extra.pop("unit", "troops"),
        "source": source,
        "location": extra.pop("location", None),
        "sentence": sentence
        or f"{source} said {figure_low:,} North Korean troops were {category}.",
        "lang": "en",
        **({"confidence": extra.pop("confidence")} if "confidence" in extra else {}),
    }


def write_article(es, indices, slug: str, claims: list[dict], **fields) -> dict:
    url = fields.pop("url", f"https://meridian-wire.example/world/{slug}")
    doc = {
        "article_id": slug,
        "url": url,
        "canonical_url": url,
        "site": fields.pop("site", "meridian-wire"),
        "source": "meridian-wire",
        "title": fields.pop("title", f"Report {slug}"),
        "text": " ".join(c["sentence"] for c in claims),
        "published_at": fields.pop("published_at", datetime.now(UTC).isoformat()),
        "is_seed": fields.pop("is_seed", False),
        "lang": "en",
        "claims": claims,
        **fields,
    }
    result = ArticleWriter(es, indices).write([doc])
    es.indices.refresh(index=[indices.articles, indices.claims, indices.claim_keys])
    return {"doc": doc, "new": result.new_claims}


@pytest.fixture
def baseline(es, indices):
    """What the seeds stand for: known figures, never alerted."""
    return write_article(
        es,
        indices,
        "seed-nis",
        [
            claim(12000, source="NIS", sentence=BASELINE_SENTENCE, qualifier="approx"),
            claim(1500, source="NIS", unit="special forces"),
            claim(10000, source="Pentagon"),
        ],
        is_seed=True,
        url="seed:seed-nis",
        site="seed",
        published_at="2024-10-18T00:00:00+00:00",
    )


@pytest.fixture
def channels(smtp_receiver, slack_receiver):
    return notifiers_from_env({**smtp_receiver.env(), **slack_receiver.env()})


def sweeper(es, indices, notifiers, tmp_path: Path, **kw) -> AlertSweeper:
    return AlertSweeper(es, indices, notifiers, tmp_path / "journal", kw.pop("policy", FAST), **kw)


def alert_docs(es, indices) -> dict[str, dict]:
    es.indices.refresh(index=indices.alerts)
    hits = es.search(index=indices.alerts, size=100, query={"match_all": {}})["hits"]["hits"]
    return {h["_id"]: h["_source"] for h in hits}


def email_text(msg) -> str:
    return msg.get_body(("plain",)).get_content()


def email_html(msg) -> str:
    return msg.get_body(("html",)).get_content()


def slack_text(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False)


def sweep_until(sw: AlertSweeper, predicate, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        sw.sweep()
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError("condition not reached by sweeping")


# -- the normal path ---------------------------------------------------------------


def test_new_claim_is_alerted_once_on_each_channel(
    es, indices, baseline, channels, smtp_receiver, slack_receiver, tmp_path
):
    assert baseline["new"] == []  # the seeds' figures are the baseline: never new
    written = write_article(
        es,
        indices,
        "kursk-15000",
        [claim(15000, source="HUR", sentence=NEW_SENTENCE, location="Kursk")],
        title="Kyiv: 15,000 North Korean troops in Kursk",
    )
    assert len(written["new"]) == 1
    claim_id = written["new"][0]["claim_id"]

    sw = sweeper(es, indices, channels, tmp_path)
    result = sw.sweep()
    assert result.enqueued == 2
    assert result.delivered == {"email": 1, "slack": 1}

    [msg] = smtp_receiver.wait_for_messages(1)
    [payload] = slack_receiver.wait_for_payloads(1)
    for text in (email_text(msg), slack_text(payload)):
        assert "15,000" in text
        assert "HUR" in text
        assert "Kursk region" in text  # the sentence
        assert "Kyiv: 15,000 North Korean troops in Kursk" in text  # the title
        assert "https://meridian-wire.example/world/kursk-15000" in text  # the link
        # The timeline shows the baseline figures of the category.
        assert "12,000" in text
        assert "NIS" in text
    assert "15,000" in msg["Subject"]

    docs = alert_docs(es, indices)
    assert set(docs) == {f"{claim_id}:email", f"{claim_id}:slack"}
    for doc in docs.values():
        assert doc["status"] == "sent"
        assert doc["attempts"] == 1
        assert doc["sent_at"] and doc["digest_id"]
        assert doc["figure_low"] == 15000 and doc["category"] == "deployed"
    assert len({d["digest_id"] for d in docs.values()}) == 1  # one digest for both

    # Nothing is sent twice.
    again = sw.sweep()
    assert again.enqueued == 0 and again.delivered == {}
    time.sleep(0.5)
    assert len(smtp_receiver.messages) == 1
    assert len(slack_receiver.payloads) == 1


def test_a_claim_below_the_minimum_confidence_is_indexed_but_not_alerted(
    es, indices, baseline, channels, smtp_receiver, slack_receiver, tmp_path
):
    """TROOPWATCH_ALERT_MIN_CONFIDENCE: a phantom-looking figure stays out of the alerts;
    a sure one goes out with its confidence next to the figure."""
    weak = write_article(es, indices, "weak", [claim(4400, source="HUR", confidence=0.4)])
    sure = write_article(es, indices, "sure", [claim(15000, source="HUR", confidence=0.85)])
    assert len(weak["new"]) == 1 and len(sure["new"]) == 1  # both indexed, both new
    policy = AlertPolicy(**{**FAST.__dict__, "min_confidence": 0.6})
    result = sweeper(es, indices, channels, tmp_path, policy=policy).sweep()
    assert result.delivered == {"email": 1, "slack": 1}
    assert {d["figure_low"] for d in alert_docs(es, indices).values()} == {15000}
    [msg] = smtp_receiver.wait_for_messages(1)
    [payload] = slack_receiver.wait_for_payloads(1)
    for text in (email_text(msg), email_html(msg), slack_text(payload)):
        assert "15,000 troops (confidence 0.85)" in text
        assert "4,400 troops" not in text  # no alert of its own (it may sit in the timeline)


def test_a_figure_stated_twice_alerts_with_its_best_evidence(
    es, indices, baseline, channels, smtp_receiver, slack_receiver, tmp_path
):
    """Headline sentence first, the attributed and qualified sentence after it: the alert
    quotes the second (docs/claims.md §8), whatever order the article states them in."""
    lede = "North Korea has sent 15,000 troops to Russia."
    body = (
        "Ukraine's military intelligence chief Kyrylo Budanov said more than 15,000 North "
        "Korean soldiers have been deployed to Russia."
    )
    claims = [c.to_dict() for c in extract_claims(f"{lede} {body}")]
    assert [c["sentence"] for c in claims] == [lede, body]  # one key, two occurrences
    written = write_article(es, indices, "twice", claims, title="15,000 troops sent")
    [new] = written["new"]
    assert new["sentence"] == body and new["source"] == "Kyrylo Budanov"

    result = sweeper(es, indices, channels, tmp_path).sweep()
    assert result.delivered == {"email": 1, "slack": 1}
    [msg] = smtp_receiver.wait_for_messages(1)
    [payload] = slack_receiver.wait_for_payloads(1)
    for text in (email_text(msg), slack_text(payload)):
        assert "Budanov" in text and "more than 15,000" in text
        assert lede not in text


def test_the_minimum_confidence_is_a_setting(monkeypatch) -> None:
    assert AlertPolicy.from_settings(None).min_confidence == 0.6
    monkeypatch.setenv("TROOPWATCH_ALERT_MIN_CONFIDENCE", "0.8")
    assert AlertPolicy.from_settings(None).min_confidence == 0.8


def test_several_new_claims_make_one_digest(
    es, indices, baseline, channels, smtp_receiver, slack_receiver, tmp_path
):
    write_article(es, indices, "a", [claim(15000, source="HUR")])
    write_article(es, indices, "b", [claim(3000, category="killed", source="Zelensky")])
    result = sweeper(es, indices, channels, tmp_path).sweep()
    assert result.delivered == {"email": 2, "slack": 2}
    [msg] = smtp_receiver.wait_for_messages(1)
    [payload] = slack_receiver.wait_for_payloads(1)
    for text in (email_text(msg), slack_text(payload)):
        assert "15,000" in text and "3,000" in text


def test_known_figure_from_a_new_claimant_is_not_an_alert(
    es, indices, baseline, channels, smtp_receiver, slack_receiver, tmp_path
):
    # 12,000 deployed is known (seeds); the qualifier and the claimant do not make it new.
    written = write_article(
        es,
        indices,
        "pentagon-12000",
        [claim(12000, source="Pentagon", qualifier="exact"), claim(10000, source="NIS")],
    )
    assert written["new"] == []
    result = sweeper(es, indices, channels, tmp_path).sweep()
    assert result.enqueued == 0 and result.delivered == {}
    assert alert_docs(es, indices) == {}
    time.sleep(0.5)
    assert smtp_receiver.messages == [] and slack_receiver.payloads == []


def test_markup_in_pages_reaches_readers_as_plain_text(
    es, indices, baseline, channels, smtp_receiver, slack_receiver, tmp_path
):
    title = "<b>Breaking</b> *bold* _it_ <https://evil.example|click here> & <!channel>"
    sentence = (
        "<script>alert(1)</script> *HUR*: 17,000 <@U123> troops ~deployed~ "
        "[link](https://evil.example) in Kursk."
    )
    write_article(
        es, indices, "markup", [claim(17000, source="HUR", sentence=sentence)], title=title
    )
    sweeper(es, indices, channels, tmp_path).sweep()
    [msg] = smtp_receiver.wait_for_messages(1)
    [payload] = slack_receiver.wait_for_payloads(1)

    html = email_html(msg)
    assert "<script>" not in html and "<b>Breaking</b>" not in html
    assert "&lt;b&gt;Breaking&lt;/b&gt;" in html
    assert "&lt;script&gt;" in html
    assert 'href="https://evil.example' not in html  # page text never becomes a link
    assert "<b>Breaking</b> *bold*" in email_text(msg)  # plain text shows it verbatim

    # Slack: no live mention, no link or formatting made from page text.
    raw = slack_text(payload)
    assert "<!channel>" not in raw and "<@U123>" not in raw
    assert "<https://evil.example|click here>" not in raw
    assert "&lt;b&gt;Breaking&lt;/b&gt;" in raw


# -- faults --------------------------------------------------------------------------


def test_smtp_down_then_up_delivers_once(
    es, indices, baseline, channels, smtp_receiver, slack_receiver, tmp_path
):
    write_article(es, indices, "kursk", [claim(15000, source="HUR", sentence=NEW_SENTENCE)])
    smtp_receiver.stop()
    sw = sweeper(es, indices, channels, tmp_path)
    result = sw.sweep()
    assert result.delivered == {"slack": 1}
    assert "email" in result.failed

    [email_alert] = [d for d in alert_docs(es, indices).values() if d["channel"] == "email"]
    assert email_alert["status"] == "failed"
    assert email_alert["attempts"] == 1
    assert email_alert["last_error"]
    assert email_alert["next_attempt_at"] > datetime.now(UTC).isoformat()

    # Still down: the retry fails again, with a longer wait.
    time.sleep(1.1)
    assert "email" in sw.sweep().failed
    [email_alert] = [d for d in alert_docs(es, indices).values() if d["channel"] == "email"]
    assert email_alert["attempts"] == 2

    smtp_receiver.start()
    sweep_until(sw, lambda: len(smtp_receiver.messages) == 1)
    assert "15,000" in email_text(smtp_receiver.messages[0])
    for _ in range(3):
        sw.sweep()
    time.sleep(0.5)
    assert len(smtp_receiver.messages) == 1
    assert len(slack_receiver.payloads) == 1  # Slack was never retried
    assert {d["status"] for d in alert_docs(es, indices).values()} == {"sent"}


def test_slack_500_then_200_delivers_once(
    es, indices, baseline, channels, smtp_receiver, slack_receiver, tmp_path
):
    write_article(es, indices, "kursk", [claim(15000, source="HUR", sentence=NEW_SENTENCE)])
    slack_receiver.fail_next(1, status=500)
    sw = sweeper(es, indices, channels, tmp_path)
    result = sw.sweep()
    assert result.delivered == {"email": 1}
    assert "500" in result.failed["slack"]
    [slack_alert] = [d for d in alert_docs(es, indices).values() if d["channel"] == "slack"]
    assert slack_alert["status"] == "failed" and "500" in slack_alert["last_error"]

    sweep_until(sw, lambda: len(slack_receiver.payloads) == 1)
    for _ in range(3):
        sw.sweep()
    assert [r["status"] for r in slack_receiver.requests] == [500, 200]
    assert len(slack_receiver.payloads) == 1
    assert len(smtp_receiver.messages) == 1


def test_slack_rate_limit_waits_for_retry_after(
    es, indices, baseline, channels, smtp_receiver, slack_receiver, tmp_path
):
    write_article(es, indices, "kursk", [claim(15000, source="HUR")])
    slack_receiver.rate_limit_next(1, retry_after=3)
    sw = sweeper(es, indices, channels, tmp_path)
    assert "slack" in sw.sweep().failed
    [slack_alert] = [d for d in alert_docs(es, indices).values() if d["channel"] == "slack"]
    wait = datetime.fromisoformat(slack_alert["next_attempt_at"]) - datetime.now(UTC)
    assert wait.total_seconds() > 2  # Retry-After (3 s) beats the 1 s backoff
    sweep_until(sw, lambda: len(slack_receiver.payloads) == 1)


def test_elasticsearch_down_during_a_sweep(
    es, indices, baseline, channels, smtp_receiver, slack_receiver, tmp_path, caplog
):
    write_article(es, indices, "kursk", [claim(15000, source="HUR")])
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    down = make_client(EsConfig(urls=(f"http://127.0.0.1:{closed_port}",)))
    caplog.set_level(logging.INFO, logger="schedules.alerts")
    result = sweeper(down, indices, channels, tmp_path, describe="Elasticsearch (down)").sweep()
    assert result.es_error
    warnings = [r for r in caplog.records if r.name == "schedules.alerts"]
    assert len(warnings) == 1  # one clear line, no traceback
    assert warnings[0].levelno == logging.WARNING and warnings[0].exc_info is None
    assert "unavailable" in warnings[0].getMessage()
    assert smtp_receiver.messages == [] and slack_receiver.payloads == []

    # Back up: the same claim is alerted, once.
    result = sweeper(es, indices, channels, tmp_path).sweep()
    assert result.delivered == {"email": 1, "slack": 1}


class TcpProxy:
    """A TCP forwarder to Elasticsearch that a test can cut and restore."""

    def __init__(self, target_url: str):
        host_port = target_url.split("://", 1)[1].rstrip("/")
        host, port = host_port.rsplit(":", 1)
        self.target = (host, int(port))
        self.port = 0
        self._conns: list[socket.socket] = []
        self._listener: socket.socket | None = None
        self.open()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def open(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self._conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        if self._listener is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone would not.
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        for s in self._conns:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()
        self._conns.clear()


class CutAfterDelivery:
    """A real notifier, then Elasticsearch goes away right after the server accepted."""

    def __init__(self, inner, proxy: TcpProxy):
        self.inner, self.proxy, self.channel = inner, proxy, inner.channel
        self.config_id = inner.config_id
        self.recipients = getattr(inner, "recipients", None)

    def deliver(self, digest, tracker=None, recipients=None) -> None:
        proxy = self.proxy

        class Cut:
            def may_send(self):
                return tracker.may_send()

            def sent(self, claim_ids, refused):
                proxy.cut()
                tracker.sent(claim_ids, refused)

        self.inner.deliver(digest, Cut(), recipients)


def test_sent_mark_survives_elasticsearch_failing_after_the_send(
    es_url, es, indices, baseline, smtp_receiver, tmp_path
):
    """The delivery journal: a send whose `sent` mark could not be written is not repeated."""
    write_article(es, indices, "kursk", [claim(15000, source="HUR")])
    proxy = TcpProxy(es_url)
    via_proxy = make_client(EsConfig(urls=(proxy.url,)))
    email = notifiers_from_env(smtp_receiver.env())["email"]
    sw = sweeper(via_proxy, indices, {"email": CutAfterDelivery(email, proxy)}, tmp_path)
    result = sw.sweep()
    assert result.es_error  # the mark failed ...
    assert len(smtp_receiver.wait_for_messages(1)) == 1  # ... after the send succeeded
    assert list((tmp_path / "journal").glob("*.json"))
    [doc] = alert_docs(es, indices).values()
    assert doc["status"] == "sending"

    proxy.open()  # Elasticsearch reachable again, same address
    time.sleep(FAST.lease_s + 0.5)  # past the lease: the alert would be due again
    result = sw.sweep()
    assert result.es_error is None and result.delivered == {}
    [doc] = alert_docs(es, indices).values()
    assert doc["status"] == "sent"
    assert not list((tmp_path / "journal").glob("*.json"))
    time.sleep(0.5)
    assert len(smtp_receiver.messages) == 1
    proxy.cut()


def test_permanent_failure_is_rejected_visibly_until_the_configuration_changes(
    es, indices, baseline, slack_receiver, tmp_path, tw_env
):
    write_article(es, indices, "kursk", [claim(15000, source="HUR")])
    slack_receiver.fail_next(1, status=404, body="no_service")  # a revoked webhook
    sw = sweeper(es, indices, notifiers_from_env(slack_receiver.env()), tmp_path)
    assert "slack" in sw.sweep().failed
    [doc] = alert_docs(es, indices).values()
    assert doc["status"] == "rejected"
    assert "404" in doc["last_error"] and "no_service" in doc["last_error"]
    assert "XXXXXXXX" not in doc["last_error"]  # never the webhook's secret path

    # Not retried, however long we wait, nor by a restart with the same configuration.
    time.sleep(FAST.retry_max_s + 0.5)
    for _ in range(2):
        sw.sweep()
    sweeper(es, indices, notifiers_from_env(slack_receiver.env()), tmp_path).sweep()
    assert len(slack_receiver.requests) == 1

    # Visible in `troopwatch status`, with the reason.
    proc = run_troopwatch(["status"], tw_env, timeout=60)
    assert "1 rejected (slack 1)" in proc.stdout, proc.stdout
    assert "slack rejected" in proc.stdout and "404" in proc.stdout

    # The configuration is fixed (a new webhook): queued again at start, delivered once.
    slack_receiver.path = "/services/T00000000/B11111111/YYYYYYYYYYYYYYYYYYYYYYYY"
    fixed = sweeper(es, indices, notifiers_from_env(slack_receiver.env()), tmp_path)
    assert fixed.sweep().delivered == {"slack": 1}
    fixed.sweep()
    assert len(slack_receiver.payloads) == 1
    assert [d["status"] for d in alert_docs(es, indices).values()] == ["sent"]


# -- rendering never fails a digest ---------------------------------------------------


def test_a_date_out_of_range_in_utc_blocks_nothing(
    es, indices, baseline, channels, smtp_receiver, slack_receiver, tmp_path
):
    """0001-01-01T00:00:00+14:00 is year 0 in UTC: formatting it used to raise
    OverflowError and fail every digest holding it, oldest first, forever."""
    written = write_article(es, indices, "bad-date", [claim(15000, source="HUR")])
    # The writer now refuses such dates (troopwatch.documents.document_problem); a claim
    # indexed before that check, or by another writer, still carries one.
    url = written["doc"]["url"]
    for hit in es.search(index=indices.claims, query={"term": {"url": url}})["hits"]["hits"]:
        es.update(
            index=hit["_index"], id=hit["_id"], doc={"published_at": "0001-01-01T00:00:00+14:00"}
        )
    es.indices.refresh(index=indices.claims)
    sw = sweeper(es, indices, channels, tmp_path)
    assert sw.sweep().delivered == {"email": 1, "slack": 1}
    write_article(es, indices, "later", [claim(3000, category="killed", source="Zelensky")])
    assert sw.sweep().delivered == {"email": 1, "slack": 1}
    msgs = smtp_receiver.wait_for_messages(2)
    payloads = slack_receiver.wait_for_payloads(2)
    assert "0001-01-01" in email_text(msgs[0]) and "0001-01-01" in slack_text(payloads[0])
    assert "3,000" in email_text(msgs[1]) and "15,000" not in msgs[1]["Subject"]
    assert {d["status"] for d in alert_docs(es, indices).values()} == {"sent"}


def test_a_claim_no_renderer_copes_with_is_skipped_and_the_others_go_out(
    es, indices, baseline, channels, smtp_receiver, slack_receiver, tmp_path, monkeypatch
):
    # A renderer bug triggered by one claim's text (fault injected into clean_text).
    from schedules import digest as digest_module

    clean = digest_module.clean_text

    def buggy(value):
        if "RENDER-BUG" in str(value):
            raise RuntimeError("renderer bug")
        return clean(value)

    monkeypatch.setattr(digest_module, "clean_text", buggy)
    write_article(es, indices, "bug", [claim(15000, source="HUR", sentence="RENDER-BUG 15,000")])
    write_article(es, indices, "fine", [claim(3000, category="killed", source="Zelensky")])
    sw = sweeper(es, indices, channels, tmp_path)
    result = sw.sweep()
    assert result.delivered == {"email": 1, "slack": 1}
    assert len(result.skipped) == 1 and "renderer bug" in next(iter(result.skipped.values()))
    docs = alert_docs(es, indices).values()
    assert sorted(d["status"] for d in docs) == ["sent", "sent", "skipped", "skipped"]
    assert all("renderer bug" in d["last_error"] for d in docs if d["status"] == "skipped")
    for _ in range(2):  # recorded: not tried again by this process
        assert sw.sweep().skipped == {}
    assert len(smtp_receiver.messages) == 1 and len(slack_receiver.payloads) == 1
    assert "3,000" in email_text(smtp_receiver.messages[0])


# -- delivery exactly as promised -----------------------------------------------------


def _many_claims(es, indices, count: int) -> list[int]:
    figures = [20001 + i for i in range(count)]
    write_article(es, indices, "many", [claim(f, source="HUR") for f in figures])
    return figures


def _claims_posted(slack_receiver, figures: list[int]) -> dict[int, int]:
    """How many accepted Slack messages named each figure (in their fallback text)."""
    texts = [p.get("text") or "" for p in slack_receiver.payloads]
    return {f: sum(f"{f:,}" in t for t in texts) for f in figures}


def test_slack_429_on_part_2_resumes_at_part_2(es, indices, baseline, slack_receiver, tmp_path):
    from schedules.digest import CLAIMS_PER_SLACK_MESSAGE

    figures = _many_claims(es, indices, CLAIMS_PER_SLACK_MESSAGE + 3)  # two parts
    slack_receiver.rate_limit_next(1, retry_after=1, after=1)
    sw = sweeper(es, indices, notifiers_from_env(slack_receiver.env()), tmp_path)
    result = sw.sweep()
    assert result.delivered == {"slack": CLAIMS_PER_SLACK_MESSAGE}
    assert "429" in result.failed["slack"]
    sweep_until(sw, lambda: len(slack_receiver.payloads) == 2)
    for _ in range(2):
        sw.sweep()
    assert [r["status"] for r in slack_receiver.requests] == [200, 429, 200]
    assert set(_claims_posted(slack_receiver, figures).values()) == {1}  # none twice
    assert {d["status"] for d in alert_docs(es, indices).values()} == {"sent"}


def test_slack_400_on_part_2_rejects_part_2_and_never_reposts_part_1(
    es, indices, baseline, slack_receiver, tmp_path
):
    from schedules.digest import CLAIMS_PER_SLACK_MESSAGE

    _many_claims(es, indices, CLAIMS_PER_SLACK_MESSAGE + 3)
    slack_receiver.fail_next(1, status=400, body="invalid_blocks", after=1)
    sw = sweeper(es, indices, notifiers_from_env(slack_receiver.env()), tmp_path)
    sw.sweep()
    time.sleep(FAST.retry_max_s + 0.5)
    for _ in range(3):
        sw.sweep()
    assert [r["status"] for r in slack_receiver.requests] == [200, 400]
    statuses = sorted(d["status"] for d in alert_docs(es, indices).values())
    assert statuses == ["rejected"] * 3 + ["sent"] * CLAIMS_PER_SLACK_MESSAGE
    assert all(
        "invalid_blocks" in d["last_error"]
        for d in alert_docs(es, indices).values()
        if d["status"] == "rejected"
    )


def test_unwritable_journal_stops_sending_instead_of_sending_again(
    es, indices, baseline, smtp_receiver, tmp_path
):
    """The journal breaks between the send and its record: Elasticsearch still gets the
    record (no resend after the lease), and nothing more is sent until it is fixed."""
    write_article(es, indices, "kursk", [claim(15000, source="HUR")])
    journal = tmp_path / "journal"
    email = notifiers_from_env(smtp_receiver.env())["email"]

    def break_journal():
        if not (tmp_path / "journal-moved").exists():  # once
            journal.mkdir(exist_ok=True)
            journal.rename(tmp_path / "journal-moved")
            journal.write_text("not a directory")  # the disk is full, say

    class BreakJournal:
        channel, recipients = email.channel, email.recipients
        config_id = getattr(email, "config_id", "")

        def deliver(self, digest, tracker=None, recipients=None):
            if tracker is None:  # a sweeper that reports nothing during delivery
                email.deliver(digest)
                break_journal()
                return

            class Breaking:
                def may_send(self):
                    return tracker.may_send()

                def sent(self, claim_ids, refused):
                    break_journal()
                    tracker.sent(claim_ids, refused)

            email.deliver(digest, Breaking(), recipients)

    sw = sweeper(es, indices, {"email": BreakJournal()}, tmp_path)
    assert sw.sweep().delivered == {"email": 1}
    assert [d["status"] for d in alert_docs(es, indices).values()] == ["sent"]
    time.sleep(FAST.lease_s + 0.5)
    sw.sweep()
    assert len(smtp_receiver.messages) == 1

    # Still broken: a new claim is not sent (its send could not be recorded locally).
    write_article(es, indices, "killed", [claim(3000, category="killed", source="Zelensky")])
    result = sw.sweep()
    assert "journal" in result.failed["email"] and result.delivered == {}
    assert len(smtp_receiver.messages) == 1
    journal.unlink()  # fixed: sent
    assert sw.sweep().delivered == {"email": 1}
    assert len(smtp_receiver.messages) == 2


def test_smtp_421_to_quit_after_acceptance_is_delivered_once(
    es, indices, baseline, smtp_receiver, tmp_path
):
    write_article(es, indices, "kursk", [claim(15000, source="HUR")])
    smtp_receiver.fail_next("QUIT", "421 4.3.2 Shutting down")
    sw = sweeper(es, indices, notifiers_from_env(smtp_receiver.env()), tmp_path)
    assert sw.sweep().delivered == {"email": 1}
    time.sleep(FAST.retry_max_s + 0.5)
    sw.sweep()
    assert len(smtp_receiver.messages) == 1
    assert [d["status"] for d in alert_docs(es, indices).values()] == ["sent"]


def test_smtp_outcomes_per_recipient(es, indices, baseline, smtp_receiver, tmp_path):
    """450 for one recipient: retried for that one only; 550 for another: rejected for
    that one, visibly; the others get it once."""
    write_article(es, indices, "kursk", [claim(15000, source="HUR")])
    env = smtp_receiver.env(TROOPWATCH_SMTP_TO="ok@example.org,busy@example.org,gone@example.org")
    smtp_receiver.refuse("busy@example.org", "450 4.2.1 Mailbox busy")
    smtp_receiver.refuse("gone@example.org", "550 5.1.1 No such user", count=5)
    sw = sweeper(es, indices, notifiers_from_env(env), tmp_path)
    sw.sweep()
    [doc] = alert_docs(es, indices).values()
    assert doc["status"] == "failed" and "busy@example.org" in doc["last_error"]
    sweep_until(sw, lambda: smtp_receiver.delivered_to("busy@example.org") == 1)
    time.sleep(FAST.retry_max_s + 0.5)
    sw.sweep()
    assert smtp_receiver.delivered_to("ok@example.org") == 1
    assert smtp_receiver.delivered_to("busy@example.org") == 1
    assert smtp_receiver.delivered_to("gone@example.org") == 0
    assert len(smtp_receiver.messages) == 2  # the first, then the retry for busy@ only
    [doc] = alert_docs(es, indices).values()
    assert doc["status"] == "rejected"
    assert "gone@example.org" in doc["last_error"] and "550" in doc["last_error"]
    assert doc["delivered_to"] == ["busy@example.org", "ok@example.org"]


# -- time and leases --------------------------------------------------------------------


class SweepDuringSend:
    """A real notifier that lets another sweeper sweep while its message is on the way."""

    def __init__(self, inner, other):
        self.inner, self.other, self.channel = inner, other, inner.channel
        self.config_id = getattr(inner, "config_id", "")
        self.recipients = getattr(inner, "recipients", None)
        self.other_result = None

    def deliver(self, digest, tracker=None, recipients=None):
        time.sleep(FAST.lease_s * 0.3)
        self.other_result = self.other().sweep()
        if tracker is None:
            self.inner.deliver(digest)
        else:
            self.inner.deliver(digest, tracker, recipients)


def test_a_host_whose_clock_is_ahead_does_not_take_over_a_live_lease(
    es, indices, baseline, slack_receiver, tmp_path
):
    write_article(es, indices, "kursk", [claim(15000, source="HUR")])
    slack = notifiers_from_env(slack_receiver.env())["slack"]

    def skewed_host():  # its own journal, its clock an hour ahead
        ahead = lambda: datetime.now(UTC) + timedelta(hours=1)  # noqa: E731
        return AlertSweeper(es, indices, {"slack": slack}, tmp_path / "other", FAST, clock=ahead)

    holder = SweepDuringSend(slack, skewed_host)
    sweeper(es, indices, {"slack": holder}, tmp_path).sweep()
    assert holder.other_result.delivered == {}
    assert len(slack_receiver.payloads) == 1


def test_a_clock_step_back_does_not_stall_retries(es, indices, baseline, slack_receiver, tmp_path):
    write_article(es, indices, "kursk", [claim(15000, source="HUR")])
    slack_receiver.fail_next(1, status=500)
    step = [timedelta(0)]
    clock = lambda: datetime.now(UTC) - step[0]  # noqa: E731
    sw = sweeper(es, indices, notifiers_from_env(slack_receiver.env()), tmp_path, clock=clock)
    assert "slack" in sw.sweep().failed  # retry in 1 s ...
    step[0] = timedelta(hours=1)  # ... then this host's clock steps back an hour (NTP)
    sweep_until(sw, lambda: len(slack_receiver.payloads) == 1, timeout=FAST.retry_max_s + 5)


def test_a_sweep_scans_only_claims_past_its_cursor(
    es, indices, baseline, channels, smtp_receiver, slack_receiver, tmp_path
):
    write_article(es, indices, "a", [claim(15000, source="HUR"), claim(16000, source="ISW")])
    policy = AlertPolicy(**{**FAST.__dict__, "enqueue_overlap_ops": 0})
    sw = sweeper(es, indices, channels, tmp_path, policy=policy)
    first = sw.sweep()
    assert first.scanned == 2 and first.delivered == {"email": 2, "slack": 2}
    assert sw.sweep().scanned == 0
    write_article(es, indices, "b", [claim(3000, category="killed", source="Zelensky")])
    # A restart keeps the cursor (a file next to the journal).
    again = sweeper(es, indices, channels, tmp_path, policy=policy).sweep()
    assert again.scanned == 1 and again.delivered == {"email": 1, "slack": 1}


# -- `troopwatch alerts test` -----------------------------------------------------------


def test_alerts_test_command(tw_env, smtp_receiver, slack_receiver):
    env = {**tw_env, **smtp_receiver.env(), **slack_receiver.env()}
    proc = run_troopwatch(["alerts", "test"], env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "email: ok" in proc.stdout and "slack: ok" in proc.stdout
    assert "TEST" in email_text(smtp_receiver.wait_for_messages(1)[0])
    assert len(slack_receiver.wait_for_payloads(1)) == 1

    smtp_receiver.stop()
    proc = run_troopwatch(["alerts", "test"], env, timeout=60)
    assert proc.returncode == 1
    assert "email: error" in proc.stdout and "slack: ok" in proc.stdout


def test_alerts_test_without_channels(tw_env):
    proc = run_troopwatch(["alerts", "test"], tw_env, timeout=60)
    assert proc.returncode == 2
    assert "no alert channel configured" in proc.stderr


_RAN = threading.Event()


def _job_ran() -> None:
    _RAN.set()


def test_a_clock_step_back_does_not_stall_the_scheduled_sweep(tmp_path):
    """APScheduler plans on the wall clock: after a step back of an hour the next sweep
    is an hour away. The daemon's watchdog (monotonic) runs such a job at once."""
    from apscheduler.schedulers.background import BackgroundScheduler

    from schedules.daemon import wake_stalled_jobs

    _RAN.clear()
    scheduler = BackgroundScheduler(timezone=UTC)
    scheduler.start()
    try:
        # What a step back of one hour leaves: the next run an hour and a minute away.
        scheduler.add_job(
            "tests.test_alerts:_job_ran",
            "interval",
            seconds=60,
            id="alerts:sweep",
            next_run_time=datetime.now(UTC) + timedelta(hours=1, minutes=1),
        )
        assert wake_stalled_jobs(scheduler) == ["alerts:sweep"]
        assert _RAN.wait(10)
        assert wake_stalled_jobs(scheduler) == []  # back on its interval
    finally:
        scheduler.shutdown(wait=False)
