"""The crawler's network guard against a hostile DNS server and hostile feeds, on real
crawls: a DNS server on 127.0.0.1 that rebinds a name from a public address to loopback,
a loopback canary that must never be reached, and feeds linking to file:// and ftp://."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from twisted.names import dns

from tests.press import Press
from tests.test_spiders import catalogue, crawl, stored

ARTICLE_PATH = "/world/north-korea-troops"


class RebindingDNS:
    """A real DNS server (UDP, 127.0.0.1): `name` resolves to `first` on the first A query
    and to `then` on every later one; AAAA queries get no answer."""

    def __init__(self, name: str, first: str, then: str):
        self.name, self.first, self.then = name, first, then
        self.a_queries = 0
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                data, peer = self.sock.recvfrom(4096)
            except OSError:
                return
            query = dns.Message()
            query.fromStr(data)
            answer = dns.Message(id=query.id, answer=1, opCode=query.opCode, recDes=1, recAv=1)
            answer.queries = query.queries
            question = query.queries[0]
            if question.name.name.decode().rstrip(".").lower() != self.name:
                answer.rCode = dns.ENAME
            elif question.type == dns.A:
                self.a_queries += 1
                address = self.first if self.a_queries == 1 else self.then
                answer.answers.append(
                    dns.RRHeader(
                        question.name.name, dns.A, ttl=0, payload=dns.Record_A(address, ttl=0)
                    )
                )
            self.sock.sendto(answer.toStr(), peer)

    def close(self) -> None:
        self.sock.close()


class Canary:
    """An HTTP server on loopback that counts every request it gets."""

    def __init__(self):
        self.paths: list[str] = []
        canary = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                canary.paths.append(self.path)
                body = b"<html><body><p>internal secret</p></body></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def canary() -> Iterator[Canary]:
    server = Canary()
    yield server
    server.close()


def rss(tmp_path, links: list[str]) -> str:
    items = "".join(
        f"<item><title>t{i}</title><link>{u}</link></item>" for i, u in enumerate(links)
    )
    path = tmp_path / "feed.xml"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>')
    return f"file://{path}"


def test_dns_rebinding_to_loopback_never_reaches_the_canary(es, indices, tw_env, tmp_path, canary):
    dns_server = RebindingDNS("rebind.test", first="93.184.216.34", then="127.0.0.1")
    try:
        link = f"http://rebind.test:{canary.port}{ARTICLE_PATH}"
        sources = [{"id": "hostile", "kind": "feed", "url": rss(tmp_path, [link])}]
        env = {
            **tw_env,
            "TROOPWATCH_ALLOW_PRIVATE_NETWORKS": "0",
            "TROOPWATCH_DNS_SERVERS": f"127.0.0.1:{dns_server.port}",
            "TROOPWATCH_SOURCES": catalogue(tmp_path / "s.yaml", sources),
        }
        stats, log = crawl(env, "feeds")
    finally:
        dns_server.close()
    # The check saw the public answer, the connection got loopback: and was refused.
    assert dns_server.a_queries >= 2
    assert canary.paths == []
    assert "refused to connect to rebind.test at 127.0.0.1, a loopback address" in log
    assert (
        f"refused {link}: rebind.test resolved to 127.0.0.1, a loopback address, at connect" in log
    )
    assert stored(es, indices) == []


def test_file_and_ftp_links_are_refused_even_with_the_test_switch_on(es, indices, tw_env, tmp_path):
    # An FTP "server" that accepts connections and never answers: fetching would hang.
    ftp = socket.socket()
    ftp.bind(("127.0.0.1", 0))
    ftp.listen(8)
    secret = tmp_path / "passwd"
    secret.write_text("<html><body><p>root:x:0:0:root:/root:/bin/bash</p></body></html>")
    try:
        with Press.start() as press:
            article = press.articles[0]
            links = [
                f"file://{secret}",
                f"ftp://127.0.0.1:{ftp.getsockname()[1]}/world/report.html",
                article.url,
            ]
            sources = [{"id": "hostile", "kind": "feed", "url": rss(tmp_path, links)}]
            env = {
                **tw_env,  # TROOPWATCH_ALLOW_PRIVATE_NETWORKS=1: the press is on loopback
                "TROOPWATCH_CRAWL_TIMEOUT": "60",
                "TROOPWATCH_SOURCES": catalogue(tmp_path / "s.yaml", sources),
            }
            stats, log = crawl(env, "feeds")
        # The feed reader takes only http(s) links and the downloader refuses any other
        # scheme (tests/test_middlewares.py), so the FTP listener never saw a connection.
        ftp.setblocking(False)
        with pytest.raises(BlockingIOError):
            ftp.accept()
    finally:
        ftp.close()
    assert "Traceback" not in log
    docs = stored(es, indices)
    assert [d["url"] for d in docs] == [article.url]
