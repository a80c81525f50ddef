"""Headless Chromium driven over the DevTools protocol through a pipe (``--remote-debugging-pipe``: JSON
messages ended by NUL on file descriptors 3 and 4), with no client library: open a page, wait until its
scripts say it is drawn, evaluate expressions, collect console messages, exceptions and failed loads, and
take screenshots of elements. Also a small PNG reader to check that a screenshot shows a drawing."""

from __future__ import annotations

import base64
import fcntl
import json
import os
import struct
import subprocess
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--hide-scrollbars",
         "--remote-debugging-pipe"]


@dataclass
class Browser:
    proc: subprocess.Popen[bytes]
    to_chrome: Any
    from_chrome: Any
    session: str = ""
    console: list[str] = field(default_factory=list)
    _next: int = 0
    _replies: dict[int, dict[str, Any]] = field(default_factory=dict)
    _lock: threading.Condition = field(default_factory=threading.Condition)

    # ------------------------------------------------------------------ protocol
    def _reader(self) -> None:
        buffer = b""
        while chunk := os.read(self.from_chrome.fileno(), 1 << 16):
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for raw in messages:
                message = json.loads(raw)
                with self._lock:
                    if "id" in message:
                        self._replies[message["id"]] = message
                        self._lock.notify_all()
                    else:
                        self._event(message)

    def _event(self, message: dict[str, Any]) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
            texts = [str(a.get("value", a.get("description", ""))) for a in params.get("args", [])]
            self.console.append(f"console.{params['type']}: {' '.join(texts)}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.console.append(f"exception: {details.get('exception', {}).get('description') or details.get('text')}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
            entry = params["entry"]
            self.console.append(f"log.{entry['level']}: {entry.get('text')} {entry.get('url', '')}".strip())

    def send(self, method: str, params: dict[str, Any] | None = None, *, session: bool = True,
             timeout: float = 60) -> dict[str, Any]:
        with self._lock:
            self._next += 1
            ident = self._next
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        self.to_chrome.write(json.dumps(message).encode() + b"\0")
        self.to_chrome.flush()
        deadline = time.monotonic() + timeout
        with self._lock:
            while ident not in self._replies:
                left = deadline - time.monotonic()
                assert left > 0 and self.proc.poll() is None, f"no answer to {method}"
                self._lock.wait(left)
            reply = self._replies.pop(ident)
        assert "error" not in reply, (method, reply["error"])
        return dict(reply.get("result", {}))

    # ------------------------------------------------------------------ pages
    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def open(self, url: str, ready: str = "document.body && document.body.dataset.ready === '1'",
             timeout: float = 60) -> None:
        """Load ``url`` and wait until ``ready`` (a JavaScript expression) is true."""
        self.console.clear()
        self.send("Page.navigate", {"url": url})
        deadline = time.monotonic() + timeout
        while True:
            try:
                if self.evaluate(f"document.location.href === {json.dumps(url)} && !!({ready})"):
                    return
            except AssertionError:
                pass  # the page is between documents
            assert time.monotonic() < deadline, f"{url} never became ready ({ready}); console: {self.console}"
            time.sleep(0.1)

    def screenshot(self, selector: str, path: Path) -> bytes:
        """A PNG of the element ``selector`` (scrolled into view), written to ``path``."""
        box = self.evaluate(f"""(() => {{
            const el = document.querySelector({json.dumps(selector)});
            el.scrollIntoView();
            const r = el.getBoundingClientRect();
            return {{x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height}};
        }})()""")
        assert box["width"] > 0 and box["height"] > 0, (selector, box)
        shot = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                    "clip": {**box, "scale": 1}})

        data = base64.b64decode(shot["data"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return data


@contextmanager
def chromium(executable: str, profile: Path, width: int = 1280, height: int = 1000) -> Iterator[Browser]:
    """Chromium with one page open and its console, exceptions and failed loads recorded."""
    chrome_reads, we_write = os.pipe()  # Chromium's fd 3: the commands
    we_read, chrome_writes = os.pipe()  # Chromium's fd 4: the answers and events
    # Above 9 first, so that no end already sits at 3 or 4 when the shell moves them there.
    for name in ("chrome_reads", "chrome_writes"):
        fd = locals()[name]
        high = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
        os.close(fd)
        if name == "chrome_reads":
            chrome_reads = high
        else:
            chrome_writes = high
    # bash (dash takes no descriptor above 9) puts the two pipe ends at descriptors 3 and 4, then becomes Chromium.
    proc = subprocess.Popen(
        ["bash", "-c", f'exec "$0" "$@" 3<&{chrome_reads} 4>&{chrome_writes} {chrome_reads}<&- {chrome_writes}>&-',
         executable, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}", "about:blank"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        pass_fds=(chrome_reads, chrome_writes),
    )
    os.close(chrome_reads)
    os.close(chrome_writes)
    browser = Browser(proc, os.fdopen(we_write, "wb", buffering=0), os.fdopen(we_read, "rb", buffering=0))
    reader = threading.Thread(target=browser._reader, daemon=True)
    reader.start()
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        browser.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                       session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            browser.send(f"{domain}.enable")
        browser.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height,
                                                             "deviceScaleFactor": 1, "mobile": False})
        yield browser
    finally:
        browser.to_chrome.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        browser.from_chrome.close()


# ------------------------------------------------------------------ PNG


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGBA/RGB pixels of an 8-bit, non-interlaced PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and colour in (2, 6), (depth, colour, interlace)
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                corner = previous[i - channels] if i >= channels else 0
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line) if channels == 3 else bytes(b for j in range(0, stride, 4) for b in line[j:j + 3]))
        previous = line
    return width, height, rows


def colour_profile(data: bytes) -> tuple[int, float]:
    """Distinct colours of a screenshot, and the share of its pixels that are not its most common colour
    (the background): a blank box has one colour and a share of 0."""
    from collections import Counter

    _w, _h, rows = png_pixels(data)
    counts: Counter[bytes] = Counter()
    for row in rows:
        counts.update(row[i:i + 3] for i in range(0, len(row), 3))
    total = sum(counts.values())
    background = counts.most_common(1)[0][1]
    return len(counts), (total - background) / total


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(database_url: str) -> Iterator[str]:
    """The web app on the store at ``database_url``, served by uvicorn on a free local port in a thread of this
    process; yields its base URL and stops it afterwards."""
    import uvicorn

    from eventwire.web.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(database_url), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
