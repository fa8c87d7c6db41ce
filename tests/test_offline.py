"""Offline by design: a build and a question with every outbound socket blocked."""

from __future__ import annotations

import socket

import pytest

from assistant import Assistant
from assistant.embedding import Embedder

from .conftest import copy_report


class NetworkBlocked(AssertionError):
    pass


def _is_local(address) -> bool:
    if isinstance(address, (str, bytes)):  # a Unix socket path
        return True
    host = address[0]
    return host in ("localhost", "::1") or str(host).startswith("127.")


@pytest.fixture
def no_network(monkeypatch):
    """Any connection to a non-loopback address raises instead of leaving the machine."""
    attempts = []
    real_connect = socket.socket.connect

    def guarded_connect(self, address):
        if not _is_local(address):
            attempts.append(address)
            raise NetworkBlocked(f"outbound connection to {address!r}")
        return real_connect(self, address)

    def guarded_getaddrinfo(host, *args, **kwargs):
        if host not in (None, "localhost", "127.0.0.1", "::1"):
            attempts.append(host)
            raise NetworkBlocked(f"DNS lookup of {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    real_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    yield attempts
    assert attempts == [], f"the code reached for the network: {attempts}"


def test_model_load_build_and_question_need_no_network(no_network, tmp_settings):
    copy_report(tmp_settings)
    embedder = Embedder.load(tmp_settings)  # loads the converted model from disk
    a = Assistant.load(tmp_settings, embedder=embedder, rebuild=True)
    answer = a.ask("Sigfox 在多少個國家提供服務？")
    assert any("超過 31 個國家" in q.quote for q in answer.quotes)


def test_guard_really_blocks_outbound_connections(no_network):
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("198.51.100.7", 80), timeout=1)
    no_network.clear()
