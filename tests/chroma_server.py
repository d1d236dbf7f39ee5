"""A real `chroma run` server for tests: free port on 127.0.0.1, heartbeat-checked, stopped at the end.

Uses the `chroma` executable installed next to the test interpreter (.venv/bin/chroma), so CI
needs nothing beyond the project's own install.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


def chroma_executable() -> str:
    local = Path(sys.executable).with_name("chroma")
    if local.exists():
        return str(local)
    found = shutil.which("chroma")
    if found is None:
        raise RuntimeError("the `chroma` command (installed with chromadb) is not on PATH")
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def heartbeat(url: str, timeout: float = 1.0) -> bool:
    # No proxy: the server is on loopback and a proxy from the environment must not see it.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{url}/api/v2/heartbeat", timeout=timeout) as resp:
            body = json.loads(resp.read())
            return resp.status == 200 and any("heartbeat" in key for key in body)
    except (OSError, urllib.error.URLError, ValueError):
        return False


@dataclass
class ChromaServer:
    url: str
    path: Path
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_chroma(
    path: Path, log: Path, timeout: float = 60.0, port: int | None = None
) -> ChromaServer:
    """`port`: reuse one, to restart a server where its clients expect it."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            [
                chroma_executable(),
                "run",
                "--path",
                str(path),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    server = ChromaServer(url, path, proc, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"chroma run exited with {proc.returncode}: {log.read_text()[-2000:]}"
            )
        if heartbeat(url):
            return server
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"chroma run did not answer a heartbeat within {timeout:.0f} s")


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    base = tmp_path_factory.mktemp("chroma-server")
    server = start_chroma(base / "data", base / "server.log")
    try:
        yield server
    finally:
        server.stop()
