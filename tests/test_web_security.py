"""The security findings of issue 12, over real HTTP: ``eventwire serve`` (uvicorn) on 127.0.0.1 in a
process of its own, asked through raw sockets (a chunked upload the way an attacker sends one) and httpx.

- the token is checked before any byte of a body is read, and a body is refused while it streams in;
- an oversized input is kept in the rejections only as its first MiB, its size and its hash;
- client errors are 4xx with a JSON body, and no response names the database.
"""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

TOKEN = "s3cret-token"
LIMIT_CHARS = 200_000  # max_article_chars of the server: bodies over 8 × this (1.6 MB) are refused


@dataclass
class Server:
    base: str
    port: int
    proc: subprocess.Popen[bytes]
    db: Path

    def rss_kb(self) -> int:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db_url: str, tmp: Path, *, token: str | None = TOKEN) -> Server:
    port = _free_port()
    env = {**os.environ, "EVENTWIRE_DATABASE_URL": db_url, "EVENTWIRE_MAX_ARTICLE_CHARS": str(LIMIT_CHARS)}
    args = [sys.executable, "-m", "eventwire.cli", "serve", "--port", str(port)]
    if token:
        args += ["--token", token]
    log = (tmp / f"server-{port}.log").open("wb")
    proc = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{base}/openapi.json", timeout=2)
            break
        except httpx.TransportError:
            assert proc.poll() is None, (tmp / f"server-{port}.log").read_text()
            assert time.monotonic() < deadline, "serve did not answer within 60 s"
            time.sleep(0.2)
    return Server(base, port, proc, tmp / "web.db")


def stop(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait(timeout=20)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("security")
    s = start_server(f"sqlite:///{tmp / 'web.db'}", tmp)
    try:
        yield s
    finally:
        stop(s)


def _headers(port: int, extra: str = "") -> bytes:
    return (f"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"Transfer-Encoding: chunked\r\n{extra}\r\n").encode()


def _chunk(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


def _response(sock: socket.socket, timeout: float) -> bytes:
    """What the server sent within ``timeout`` seconds (until it closed or a whole JSON body came)."""
    sock.setblocking(False)
    got = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([sock], [], [], 0.2)
        if ready:
            try:
                data = sock.recv(65536)
            except (ConnectionResetError, BlockingIOError):
                break
            if not data:
                break
            got += data
            if b"\r\n\r\n" in got and got.rstrip().endswith(b"}"):
                break
    return got


def _status(raw: bytes) -> int:
    return int(raw.split(b" ", 2)[1]) if raw.startswith(b"HTTP/1.1 ") else 0


def _body(raw: bytes) -> dict[str, object]:
    return json.loads(raw.split(b"\r\n\r\n", 1)[1])  # type: ignore[no-any-return]


def test_a_chunked_post_without_token_is_refused_before_its_body_is_read(server: Server) -> None:
    """Only the headers are sent: the 401 must come at once, without waiting for a body that never ends."""
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(_headers(server.port))
        sock.sendall(_chunk(b'{"text": "' + b"a" * 65_536))
        raw = _response(sock, timeout=10)
    assert _status(raw) == 401, raw[:300]
    assert _body(raw)["error"]["code"] == "E601"  # type: ignore[index]


def test_a_chunked_post_with_a_wrong_token_is_refused_at_once(server: Server) -> None:
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(_headers(server.port, "Authorization: Bearer guess\r\n"))
        raw = _response(sock, timeout=10)
    assert _status(raw) == 401 and _body(raw)["error"]["code"] == "E602"  # type: ignore[index]


def test_a_chunked_body_is_refused_while_it_streams_and_memory_stays_flat(server: Server) -> None:
    """With the right token, a chunked body over the limit is answered 413 as soon as it passes the limit;
    the server neither waits for the rest nor holds it."""
    before = server.rss_kb()
    sent = 0
    raw = b""
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(_headers(server.port, f"Authorization: Bearer {TOKEN}\r\n"))
        chunk = _chunk(b"b" * 65_536)
        try:
            while sent < 200 << 20:  # up to 200 MB, stopping as soon as the server answers
                sock.sendall(chunk)
                sent += len(chunk)
                ready, _, _ = select.select([sock], [], [], 0)
                if ready:
                    break
        except (BrokenPipeError, ConnectionResetError):
            pass
        raw = _response(sock, timeout=10)
    assert _status(raw) == 413, raw[:300]
    assert _body(raw)["error"]["code"] == "E605"  # type: ignore[index]
    assert sent < 64 << 20, f"the server read {sent:,} bytes before refusing"
    assert server.rss_kb() - before < 40_000, "the server's memory grew with the body"


def test_a_declared_oversized_body_without_token_is_a_401_not_a_read(server: Server) -> None:
    response = httpx.post(f"{server.base}/api/articles", content=b"x" * 2_000_000,
                          headers={"Content-Type": "application/json"}, timeout=10)
    assert response.status_code == 401


def test_an_oversized_article_keeps_only_its_start_size_and_hash(server: Server) -> None:
    text = "The long report continues with yet another paragraph of detail. " * 20_000  # 1.3 M characters
    response = httpx.post(f"{server.base}/api/articles", json={"text": text, "id": "big-1"},
                          headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    assert response.status_code == 422 and response.json()["error"]["code"] == "E104"
    assert "sha256" in response.json()["error"]["message"]
    import sqlalchemy as sa

    engine = sa.create_engine(f"sqlite:///{server.db}")
    with engine.connect() as conn:
        raw, reason = conn.execute(sa.text("SELECT raw, reason FROM rejections WHERE code = 'E104'")).one()
    engine.dispose()
    assert len(raw) == 1 << 20 and text.startswith(raw) and f"{len(text):,} characters" in reason


@pytest.mark.parametrize("query", ["offset=9223372036854775808", "offset=99999999999999999999999",
                                   "actor=RUS%00", "limit=-1", "certainty=bogus", "since=yesterday"])
def test_client_errors_are_400_json_not_500(server: Server, query: str) -> None:
    response = httpx.get(f"{server.base}/api/events?{query}", timeout=10)
    assert response.status_code == 400, (query, response.text)
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"]["code"] in ("E600", "E312")


def test_a_record_id_stored_with_other_text_is_a_409_and_recorded(server: Server) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = httpx.post(f"{server.base}/api/articles", headers=auth, timeout=120,
                       json={"text": "Japan protested to China on Friday.", "id": "dup-1", "published": "2025-06-14"})
    assert first.status_code == 201, first.text
    second = httpx.post(f"{server.base}/api/articles", headers=auth, timeout=120,
                        json={"text": "Chile protested to Peru on Monday.", "id": "dup-1", "published": "2025-06-16"})
    assert second.status_code == 409, second.text
    assert second.json()["error"]["code"] == "E311"
    assert httpx.get(f"{server.base}/api/stats", timeout=10).json()["counts"]["rejections"] >= 1


def test_a_store_outage_is_a_503_that_does_not_name_the_database(tmp_path: Path) -> None:
    url = "postgresql://eventwire:hunter2@127.0.0.1:1/secretdb"
    s = start_server(url, tmp_path, token=None)
    try:
        for path in ("/api/events", "/api/stats", "/api/events?offset=5"):
            response = httpx.get(f"{s.base}{path}", timeout=30)
            assert response.status_code == 503, response.text
            assert response.json()["error"]["code"] == "E301"
            for secret in ("secretdb", "hunter2", "eventwire:", "127.0.0.1:1", "postgresql"):
                assert secret not in response.text, secret
    finally:
        stop(s)
