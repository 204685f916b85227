"""The process's heap, kept from creeping up while a voice speaks.

glibc serves a large block (at first, over 128 kB) from a mapping of its own, given back to
the system when freed; but each time such a block is freed it raises that threshold, up to
32 MB, and from then on it keeps freed blocks in its heaps. A build's decoders free pieces of
several MB each, from several threads, each thread with a heap of its own: a cold build's
peak memory crept up over its speech, 10-15 MB with one decoder, 50-60 MB with two decoders
and the front's 2-D convolutions (`engines.conv2d`). With the threshold fixed at 128 kB and
one heap for all threads, the same build peaks at about 288 MB (bench/README.md).
"""

from __future__ import annotations

import ctypes
import functools
import os
import sys

_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
"""glibc's mallopt parameter numbers (malloc.h)."""
MMAP_THRESHOLD = 128 * 1024


@functools.cache
def return_freed_memory() -> None:
    """Tune glibc's allocator as above, once; nothing elsewhere (another C library, another
    system), or where the user set either by its environment variable."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None)
        if "MALLOC_MMAP_THRESHOLD_" not in os.environ:
            libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
        if "MALLOC_ARENA_MAX" not in os.environ:
            libc.mallopt(_M_ARENA_MAX, 1)
    except (OSError, AttributeError):  # not glibc: nothing to tune
        pass
