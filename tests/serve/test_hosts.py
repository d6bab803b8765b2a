"""The preview answers only requests addressed to it by a loopback name and its port: a page elsewhere
that points its own name at 127.0.0.1 (DNS rebinding) gets 421 and no draft, on `/` and `/events`."""
from __future__ import annotations

import http.client
import socket

import pytest

from running import copy_of_draft, serving

pytestmark = pytest.mark.slow


def status_for(port: int, path: str, host: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read() if path == "/" or response.status != 200 else b""
    connection.close()
    return response.status, body


def raw(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(request)
        return s.recv(200)


def test_only_loopback_names_with_its_port_are_answered(tmp_path):
    copy_of_draft(tmp_path)
    with serving(tmp_path) as running:
        port = running.port
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LocalHost:{port}", f"[::1]:{port}"):
            status, body = status_for(port, "/", host)
            assert (host, status) == (host, 200) and b"Looking after your breathing" in body
        for host in (f"attacker.example:{port}", "attacker.example", f"127.0.0.1:{port + 1}", "127.0.0.1",
                     f"localhost.attacker.example:{port}", f"127.0.0.1.nip.io:{port}", ""):
            for path in ("/", "/events?since=0"):
                status, body = status_for(port, path, host)
                assert (host, path, status) == (host, path, 421)
                assert b"breathing" not in body
        # HTTP/1.0 without any Host header
        assert raw(port, b"GET / HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.0 421")
