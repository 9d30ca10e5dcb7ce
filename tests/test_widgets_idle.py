"""IdleWork: optional pieces of work run on the kernel's event loop while nobody changes a thing."""

from __future__ import annotations

import asyncio

from kernel_loop import run_as_in_a_kernel, run_in_a_new_thread

from mdr_data.widgets._idle import IdleWork


def test_pieces_run_in_order_after_the_delay_one_per_loop_turn(monkeypatch):
    done: list = []

    async def body():
        work = IdleWork(first_delay_s=0.05, gap_s=0.0)
        work.start([lambda: done.append(1), lambda: done.append(2)])
        await asyncio.sleep(0.01)
        assert done == [] and work.pending  # not before the delay
        await asyncio.sleep(0.2)
        assert done == [1, 2] and not work.pending

    run_as_in_a_kernel(body, monkeypatch)


def test_a_new_start_replaces_the_pieces_not_yet_run(monkeypatch):
    done: list = []

    async def body():
        work = IdleWork(delay_s=0.0, gap_s=0.05, first_delay_s=0.0)
        work.start([lambda: done.append("old 1"), lambda: done.append("old 2")])
        await asyncio.sleep(0.02)  # "old 1" ran, "old 2" waits for the gap
        work.start([lambda: done.append("new")])
        await asyncio.sleep(0.2)

    run_as_in_a_kernel(body, monkeypatch)
    assert done == ["old 1", "new"]


def test_a_piece_that_raises_ends_the_work_and_is_kept(monkeypatch):
    done: list = []

    def broken():
        raise ValueError("no picture")

    async def body():
        work = IdleWork(delay_s=0.0, gap_s=0.0, first_delay_s=0.0)
        work.start([broken, lambda: done.append("after")])
        await asyncio.sleep(0.1)
        return work

    work = run_as_in_a_kernel(body, monkeypatch)
    assert done == [] and not work.pending
    assert isinstance(work.error, ValueError) and str(work.error) == "no picture"


def test_cancel_drops_what_is_pending(monkeypatch):
    done: list = []

    async def body():
        work = IdleWork(first_delay_s=0.0)
        work.start([lambda: done.append("never")])
        work.cancel()
        await asyncio.sleep(0.05)

    run_as_in_a_kernel(body, monkeypatch)
    assert done == []


def test_outside_a_kernel_nothing_is_scheduled_even_with_a_running_loop():
    done: list = []

    async def body():
        work = IdleWork(first_delay_s=0.0)
        work.start([lambda: done.append("never")])  # a loop runs, but no kernel
        await asyncio.sleep(0.05)
        return work

    assert not run_in_a_new_thread(body).pending and done == []


def test_the_same_batch_again_goes_on_as_scheduled_and_another_batch_replaces_it(monkeypatch):
    done: list = []

    async def body():
        work = IdleWork(delay_s=0.0, gap_s=0.05, first_delay_s=0.0)
        work.start([lambda: done.append("a1"), lambda: done.append("a2")], batch="a")
        await asyncio.sleep(0.02)  # "a1" ran
        work.start([lambda: done.append("a again")], batch="a")  # still pending: goes on
        await asyncio.sleep(0.1)  # "a2" ran
        work.start([lambda: done.append("b")], batch="b")
        await asyncio.sleep(0.05)

    run_as_in_a_kernel(body, monkeypatch)
    assert done == ["a1", "a2", "b"]


def test_after_the_first_start_the_work_waits_the_longer_delay_of_a_change(monkeypatch):
    done: list = []

    async def body():
        work = IdleWork(first_delay_s=0.0, delay_s=0.2, gap_s=0.0)
        work.start([lambda: done.append("tool shown")])
        await asyncio.sleep(0.05)
        work.start([lambda: done.append("after a change")])
        await asyncio.sleep(0.1)
        assert done == ["tool shown"]  # someone changing menus quickly is not held back
        await asyncio.sleep(0.2)

    run_as_in_a_kernel(body, monkeypatch)
    assert done == ["tool shown", "after a change"]
