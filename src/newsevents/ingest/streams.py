"""Byte streams for reading inputs once, front to back: peeked heads put back, gzip unwrapped."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable
from typing import BinaryIO, Protocol

#: Buffer size of the readers made here.
BUFFER_BYTES = 1 << 16


class ByteSource(Protocol):
    """Anything with a ``read(size)`` returning bytes (files, stdin, gzip, other streams)."""

    def read(self, size: int = -1, /) -> bytes:
        """Return up to ``size`` bytes, or all that is left when ``size`` is negative."""
        ...


class BrokenGzip(Exception):  # noqa: N818 - it names the condition, like EOFError
    """A gzip stream ended early or holds corrupt data.

    A separate type, so that libraries reading the stream (warcio treats
    ``EOFError`` as a clean end) cannot mistake a truncated file for a whole one.
    """


class _Chain(io.RawIOBase):
    """A raw stream that returns ``head`` first and then what ``read_rest`` gives.

    A broken gzip stream is reported one call late: the call that meets it
    returns 0 (so that a buffered reader hands out every byte read before the
    break) and the next call raises :class:`BrokenGzip`.
    """

    def __init__(self, head: bytes, read_rest: Callable[[int], bytes]) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._read_rest = read_rest
        self._pending: BrokenGzip | None = None

    def readable(self) -> bool:
        """Return True: this stream can be read."""
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        """Fill ``buffer`` from the head first, then from the rest; return the count of bytes."""
        if self._pending is not None:
            pending, self._pending = self._pending, None
            raise pending
        if len(self._head):
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        try:
            data = self._read_rest(len(buffer))
        except BrokenGzip as exc:
            self._pending = exc
            return 0
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            self._pending = BrokenGzip(str(exc))
            return 0
        buffer[: len(data)] = data
        return len(data)


def prepend(head: bytes, rest: ByteSource) -> io.BufferedReader:
    """Return a buffered stream that yields ``head`` and then the rest of ``rest``."""
    return io.BufferedReader(_Chain(head, rest.read), buffer_size=BUFFER_BYTES)


def gunzip(stream: BinaryIO) -> io.BufferedReader:
    """Return a buffered stream of the decompressed bytes of a gzip ``stream`` (all its members)."""
    inner = gzip.GzipFile(fileobj=stream, mode="rb")
    return io.BufferedReader(_Chain(b"", inner.read1), buffer_size=BUFFER_BYTES)


def read_head(stream: ByteSource, size: int) -> bytes:
    """Return the first ``size`` bytes of ``stream`` (fewer only at its end)."""
    parts: list[bytes] = []
    left = size
    while left > 0:
        chunk = stream.read(left)
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def read_bounded(stream: ByteSource, limit: int) -> tuple[bytes, BrokenGzip | None]:
    """Return up to ``limit + 1`` bytes of ``stream`` and the gzip failure that stopped it, if any."""
    parts: list[bytes] = []
    total = 0
    while total <= limit:
        try:
            chunk = stream.read(min(BUFFER_BYTES, limit + 1 - total))
        except BrokenGzip as exc:
            return b"".join(parts), exc
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    try:
        check_end(stream)
    except BrokenGzip as exc:
        return b"".join(parts), exc
    return b"".join(parts), None


def check_end(stream: ByteSource) -> None:
    """Raise BrokenGzip if a stream that just read as ended was in fact cut by a broken gzip stream."""
    stream.read(1)
