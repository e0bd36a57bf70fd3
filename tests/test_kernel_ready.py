"""The kernel client's readiness check: it ends when the kernel has answered its request on both
channels (the reply, then the idle status broadcast for that request), with no fixed wait, and asks
again when the broadcast channel missed the status."""
import asyncio
from queue import Empty

import pytest

from evaltools.publish import kernels


class FakeChannel:
    """Hands out queued messages; empty, it answers as a channel that waited in vain."""

    def __init__(self, messages):
        self.messages = list(messages)
        self.calls = 0

    async def get_msg(self, timeout=None):
        self.calls += 1
        if not self.messages:
            raise Empty
        item = self.messages.pop(0)
        return item() if callable(item) else item


def message(msg_type, parent, **content):
    return {"msg_type": msg_type, "parent_header": {"msg_id": parent} if parent else {}, "content": content}


def client(shell, iopub, alive=True):
    """A ready-check client whose requests are numbered r1, r2, ... and whose channels are ``shell``
    and ``iopub``."""
    base = kernels.ready_client_class()

    class Client(base):
        sent: list[str] = []

        def kernel_info(self):
            self.sent.append(f"r{len(self.sent) + 1}")
            return self.sent[-1]

        @property
        def shell_channel(self):
            return shell

        @property
        def iopub_channel(self):
            return iopub

        async def _async_is_alive(self):
            return alive

    c = Client()
    c.sent = []
    return c


REPLY = {"protocol_version": "5.3"}


def test_ready_as_soon_as_the_idle_status_of_its_request_arrives():
    shell = FakeChannel([message("kernel_info_reply", "r1", **REPLY)])
    # what the kernel broadcast before (its start), then busy and idle for the request
    iopub = FakeChannel([message("status", None, execution_state="starting"),
                         message("status", "r1", execution_state="busy"),
                         message("status", "r1", execution_state="idle"),
                         message("stream", "later", text="not read by the check")])
    c = client(shell, iopub)
    asyncio.run(c.wait_for_ready(timeout=5))
    assert c.sent == ["r1"]
    # three messages read, the third being the idle status: no read after it (no quiet period waited for)
    assert iopub.calls == 3
    assert len(iopub.messages) == 1


def test_a_missed_status_makes_it_ask_again():
    shell = FakeChannel([message("kernel_info_reply", "r1", **REPLY), message("kernel_info_reply", "r2", **REPLY)])
    # the broadcast channel was not yet connected when r1's status went out: nothing arrives for r1
    iopub = FakeChannel([None, message("status", "r2", execution_state="idle")])
    iopub.messages[0] = lambda: (_ for _ in ()).throw(Empty())  # r1: the channel waits in vain
    c = client(shell, iopub)
    asyncio.run(c.wait_for_ready(timeout=5))
    assert c.sent == ["r1", "r2"]


def test_another_requests_reply_is_passed_over():
    shell = FakeChannel([message("kernel_info_reply", "someone-else", **REPLY),
                         message("execute_reply", "r1"),
                         message("kernel_info_reply", "r1", **REPLY)])
    iopub = FakeChannel([message("status", "r1", execution_state="idle")])
    c = client(shell, iopub)
    asyncio.run(c.wait_for_ready(timeout=5))
    assert c.sent == ["r1"] and shell.calls == 3


def test_a_dead_kernel_is_reported(monkeypatch):
    monkeypatch.setattr(kernels, "READY_TRY_S", 0.01)
    c = client(FakeChannel([]), FakeChannel([]), alive=False)
    with pytest.raises(RuntimeError, match="died"):
        asyncio.run(c.wait_for_ready(timeout=5))


def test_a_silent_kernel_times_out(monkeypatch):
    monkeypatch.setattr(kernels, "READY_TRY_S", 0.01)
    c = client(FakeChannel([]), FakeChannel([]))
    with pytest.raises(RuntimeError, match="didn't respond"):
        asyncio.run(c.wait_for_ready(timeout=0.05))
    assert len(c.sent) >= 2  # it kept asking until the time was up


def test_the_toolkits_kernel_manager_makes_this_client():
    manager = kernels.kernel_manager_class()(kernel_name="python3")
    assert isinstance(manager.client(), kernels.ready_client_class())



def test_a_kernel_asked_to_shut_down_is_looked_at_every_10_ms(monkeypatch):
    """jupyter_client looked every 0.1 s whether a kernel that was asked to shut down had gone, and
    every report waited for the next look (0.07-0.12 s at its end); the toolkit's manager looks every
    10 ms, whatever interval it is called with."""
    manager = kernels.kernel_manager_class()(kernel_name="python3")
    answers = iter([True, True, False])
    slept: list[float] = []

    async def alive():
        return next(answers)

    async def sleep(seconds):
        slept.append(seconds)

    monkeypatch.setattr(manager, "_async_is_alive", alive)
    monkeypatch.setattr(asyncio, "sleep", sleep)
    asyncio.run(manager._async_wait(pollinterval=0.1))
    assert slept == [kernels.SHUTDOWN_POLL_S] * 2 and kernels.SHUTDOWN_POLL_S == 0.01


def test_a_missed_status_is_waited_for_briefly_not_a_whole_try():
    """A kernel forked from a warm zygote answers at once, before the broadcast channel has connected: its idle
    status is then never received, and waiting a whole try (a second) for it before asking again cost one report
    in two made again by ``render --watch`` a second."""
    waits = []

    class Recording(FakeChannel):
        async def get_msg(self, timeout=None):
            waits.append(timeout)
            return await super().get_msg(timeout)

    shell = FakeChannel([message("kernel_info_reply", "r1", **REPLY), message("kernel_info_reply", "r2", **REPLY)])
    iopub = Recording([None, message("status", "r2", execution_state="idle")])
    iopub.messages[0] = lambda: (_ for _ in ()).throw(Empty())  # r1's status went out before the channel connected
    c = client(shell, iopub)
    asyncio.run(c.wait_for_ready(timeout=5))
    assert c.sent == ["r1", "r2"]
    assert waits[0] <= kernels.READY_IDLE_S <= 0.1 < kernels.READY_TRY_S
