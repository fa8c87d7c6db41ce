"""Serving: exposure flags, credentials, limits at the edges, and the server's behaviour on loopback."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

import pytest

from assistant.config import PROJECT_ROOT
from assistant.serve import is_loopback, parse_auth

from .test_ui import free_port


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False), ("192.168.1.5", False)],
)
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_parse_auth():
    assert parse_auth("staff:s3cret") == ("staff", "s3cret")
    assert parse_auth(None) is None
    with pytest.raises(ValueError):
        parse_auth("nopassword")


def serve_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "assistant", "serve", *args]


def test_serving_a_public_host_without_auth_is_refused():
    result = subprocess.run(
        serve_cmd("--host", "0.0.0.0"), capture_output=True, text=True, timeout=60, cwd=PROJECT_ROOT
    )
    assert result.returncode == 2
    assert "refusing to serve on 0.0.0.0 without --auth" in result.stderr


def test_serve_command_brings_up_the_page_on_loopback(assistant):
    port = free_port()
    proc = subprocess.Popen(
        serve_cmd("--port", str(port)), cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.time() + 180
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    assert response.status == 200
                    assert "出國報告問答" in response.read().decode("utf-8")
                break
            except OSError:
                assert proc.poll() is None, proc.stdout.read()
                assert time.time() < deadline, "server did not come up"
                time.sleep(1)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_public_host_with_explicit_allow_unauthenticated_warns_and_serves():
    port = free_port()
    proc = subprocess.Popen(
        serve_cmd("--host", "0.0.0.0", "--port", str(port), "--allow-unauthenticated"),
        cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        warning = proc.stderr.readline()
        assert "warning: serving on 0.0.0.0 with no password" in warning
        deadline = time.time() + 180
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    assert response.status == 200
                break
            except OSError:
                assert proc.poll() is None and time.time() < deadline
                time.sleep(1)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_malformed_auth_is_refused():
    result = subprocess.run(
        serve_cmd("--auth", "justauser"), capture_output=True, text=True, timeout=60, cwd=PROJECT_ROOT
    )
    assert result.returncode == 2 and "--auth must look like USER:PASS" in result.stderr
