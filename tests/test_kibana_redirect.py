"""Kibana import keeps its credentials to Kibana's origin: a redirect elsewhere gets no
Authorization header."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from troopwatch.kibana import KibanaError, import_saved_objects


class Server:
    """A local HTTP server: answers every request with `answer(handler)`, records headers."""

    def __init__(self, answer):
        self.seen: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                server.seen.append({"path": self.path, **dict(self.headers.items())})
                answer(self)

            do_GET = do_POST = _any  # noqa: N815

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _refuse(handler) -> None:
    handler.send_response(404)
    handler.send_header("Content-Length", "0")
    handler.end_headers()


@pytest.fixture
def elsewhere() -> Iterator[Server]:
    server = Server(_refuse)
    yield server
    server.close()


def redirecting_to(target: str):
    def answer(handler) -> None:
        handler.send_response(302)
        handler.send_header("Location", f"{target}/api/saved_objects/_import?overwrite=true")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


@pytest.mark.parametrize(
    "credentials",
    [{"user": "elastic", "password": "Kib-Pl4nted"}, {"api_key": "id:Kib-Pl4nted-Key"}],
)
def test_a_cross_origin_redirect_gets_no_credentials(elsewhere, credentials):
    kibana = Server(redirecting_to(elsewhere.url))
    try:
        with pytest.raises(KibanaError):
            import_saved_objects(url=kibana.url, timeout=10, **credentials)
    finally:
        kibana.close()
    assert kibana.seen and "Authorization" in kibana.seen[0]  # Kibana itself got them
    assert elsewhere.seen, "the redirect was followed"
    assert all("Authorization" not in h for h in elsewhere.seen)


def test_a_same_origin_redirect_keeps_them():
    def answer(handler) -> None:
        if handler.path.startswith("/moved"):
            _refuse(handler)
        else:
            redirecting_to(kibana.url + "/moved")(handler)

    kibana = Server(answer)
    try:
        with pytest.raises(KibanaError):
            import_saved_objects(url=kibana.url, timeout=10, user="elastic", password="pw")
    finally:
        kibana.close()
    assert [h["path"].split("/")[1] for h in kibana.seen] == ["api", "moved"]
    assert all("Authorization" in h for h in kibana.seen)
