"""A real SMTP server for the tests (aiosmtpd), on a free loopback port."""

import contextlib
import socket

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """An aiosmtpd handler keeping every message it accepts (one envelope per SMTP transaction)."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    @property
    def recipients(self):
        return sorted(tuple(envelope.rcpt_tos) for envelope in self.envelopes)


@contextlib.contextmanager
def smtp_server(port, handler=None):
    """An SMTP server on ``port`` while the block runs; yields its handler (an ``Inbox``)."""
    inbox = handler or Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()
