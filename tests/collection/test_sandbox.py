"""The child process that makes crashes and time-outs cost one file only."""

from __future__ import annotations

import os
import time

import pytest

from tei_kirov.collection.runner import run_one
from tei_kirov.collection.sandbox import Crashed, Sandbox, TimedOut
from tei_kirov.collection.tasks import Job


def test_a_call_runs_in_another_process_and_survives_for_the_next():
    box = Sandbox()
    try:
        first = box.call(os.getpid, (), 30)
        assert first != os.getpid()
        assert box.call(os.getpid, (), 30) == first  # kept: compiled schemas stay
    finally:
        box.close()


def test_a_hang_is_killed_and_the_next_call_gets_a_new_child():
    box = Sandbox()
    try:
        with pytest.raises(TimedOut):
            box.call(time.sleep, (30,), 0.5)
        assert box.call(sum, ([1, 2],), 30) == 3
    finally:
        box.close()


def test_a_hard_crash_is_reported_not_raised_through():
    box = Sandbox()
    try:
        with pytest.raises(Crashed, match="exit status 7"):
            box.call(os._exit, (7,), 30)
        assert box.call(sum, ([4],), 30) == 4
    finally:
        box.close()


def test_an_exception_inside_comes_back_as_itself():
    box = Sandbox()
    try:
        with pytest.raises(ZeroDivisionError):
            box.call(divmod, (1, 0), 30)
    finally:
        box.close()


@pytest.mark.parametrize("timeout", [None, 30.0])
def test_a_failing_file_becomes_tk005_and_the_run_goes_on(tmp_path, timeout):
    bad = Job("validate", {"schemas": [str(tmp_path / "no-such.rng")], "rules": True})
    report = run_one(bad, str(tmp_path / "x.xml"), "x.xml", timeout)
    assert [i.code for i in report.issues] == ["TK005"]
    assert "no-such.rng" in report.issues[0].message
