"""Run a refresh at most once per interval while the learner types, always ending on the latest.

Each keystroke in a text area reaches the kernel as a message. Refreshing on every one would
queue work behind the typing; the throttle refreshes at once on the first keystroke, then at
most once per ``interval`` seconds, with a trailing refresh so the last keystroke is shown.
The wait is counted from the end of the last refresh and is never shorter than that refresh
took: a slow one (tailoring a whole resume on a busy machine) would otherwise run again for
every keystroke queued while it ran, and the page would fall seconds behind the typing.
Outside a running event loop (tests, plain Python) it refreshes immediately.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class Throttle:
    def __init__(self, fn: Callable[[], None], interval: float = 0.08) -> None:
        self._fn = fn
        self.interval = interval
        self._last = float("-inf")  # when the last refresh ended
        self._took = 0.0  # how long it ran
        self._pending: asyncio.TimerHandle | None = None
        self.calls = 0  # how many refreshes ran: lets tests and benchmarks see the throttling

    def __call__(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._run()
            return
        if self._pending is not None:
            return  # a trailing refresh is already scheduled and will read the latest value
        wait = self._last + max(self.interval, self._took) - loop.time()
        if wait <= 0:
            self._run(loop)
        else:
            self._pending = loop.call_later(wait, self._trailing, loop)

    def _trailing(self, loop: asyncio.AbstractEventLoop) -> None:
        self._pending = None
        self._run(loop)

    def flush(self) -> None:
        """Refresh now and drop any scheduled refresh (before saving, say)."""
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        self._run()

    def _run(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        self.calls += 1
        start = loop.time() if loop is not None else 0.0
        try:
            self._fn()
        finally:
            if loop is not None:
                self._last = loop.time()
                self._took = self._last - start
