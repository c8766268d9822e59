"""Reading and writing the learner's files: regular files only, read up to a cap, written
atomically, and every failure a ResumeError that names the file and says what to do."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from .errors import ResumeError
from .limits import MAX_TEXT_BYTES

_CHUNK = 1 << 16

# What the file is when it is not a regular file, for the message.
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a disk device"),
    (stat.S_ISSOCK, "a socket"),
)


def os_problem(exc: OSError) -> tuple[str, str]:
    """A short reason and a hint for an operating-system error on a path."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied", "check the permissions, or use a file or folder of your own"
    if code == errno.ENOENT:
        return "not found", "check the path and the file name"
    if code == errno.EROFS:
        return "the disk is read-only", "choose a place on a disk you can write to"
    if code == errno.ENOSPC:
        return "the disk is full", "free some space, or choose another disk"
    if code == errno.ENOTDIR:
        return "a part of the path is a file, not a folder", "check the path"
    if code == errno.EISDIR:
        return "this is a folder, not a file", "name a file inside it"
    return exc.strerror or type(exc).__name__, "check the path"


def check_exists(path: str | Path, *, what: str = "resume") -> None:
    """Refuse a missing path or a folder before looking at the name's suffix."""
    path = Path(path)
    noun = what if what.endswith("file") else f"{what} file"
    if path.is_dir():
        raise ResumeError.single(
            str(path), "this is a folder, not a file", hint=f"name the {noun} inside it", what=what
        )
    if not path.exists():
        raise ResumeError.single(
            str(path), f"{noun} not found", hint="check the path and the file name", what=what
        )


def read_capped(path: str | Path, limit: int, *, what: str = "resume") -> bytes:
    """The bytes of a regular file, refusing anything else and anything over `limit` bytes.

    The size is checked on what is read (a file can grow, and /proc files report 0), and the
    file is opened without blocking, so a pipe or a device is refused instead of waited on.
    """
    file = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        reason, hint = os_problem(exc)
        message = "file not found" if exc.errno == errno.ENOENT else f"cannot open it: {reason}"
        raise ResumeError.single(file, message, hint=hint, what=what) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        noun = what if what.endswith("file") else f"{what} file"
        hint = (
            f"name the {noun} inside this folder"
            if stat.S_ISDIR(mode)
            else f"the kit reads only regular files: save the {what} to a file and name that"
        )
        raise ResumeError.single(file, f"this is {kind}, not a file", hint=hint, what=what)
    with os.fdopen(fd, "rb", buffering=0) as handle:
        chunks: list[bytes] = []
        size = 0
        try:
            while size <= limit:
                chunk = handle.read(min(_CHUNK, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except OSError as exc:
            reason, hint = os_problem(exc)
            raise ResumeError.single(
                file, f"cannot read it: {reason}", hint=hint, what=what
            ) from None
    if size > limit:
        raise ResumeError.single(
            file,
            f"the file is larger than {limit / 1e6:g} MB, the most the kit reads for a {what}",
            hint=f"check that this is the {what} and not an export, a log or a scan",
            what=what,
        )
    return b"".join(chunks)


def read_text(
    path: str | Path,
    limit: int = MAX_TEXT_BYTES,
    *,
    what: str = "resume",
    empty_ok: bool = False,
    nfc: bool = True,
) -> str:
    """A regular file as UTF-8 text, refusing what is missing, huge, not text, or (unless
    `empty_ok`) empty. With `nfc`, accents are composed (é, not e + ´) as the analyzer wants;
    a file written back (drafts) keeps its characters as they are."""
    file = str(path)
    raw = read_capped(path, limit, what=what)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ResumeError.single(
            file,
            f"the file is not UTF-8 text (byte {exc.start} cannot be read)",
            line=line,
            hint="save the file as UTF-8 in your editor ('Save with encoding' / 'Encoding: UTF-8')",
            what=what,
        ) from None
    if "\x00" in text:
        raise ResumeError.single(
            file,
            "the file contains binary data",
            hint=f"save the {what} as YAML or JSON text",
            what=what,
        )
    if not text.strip() and not empty_ok:
        raise ResumeError.single(
            file,
            "the file is empty",
            hint="start from the sample alex_before.yaml (resume-lessons lessons DIR copies it) and replace its content with yours",
            what=what,
        )
    return unicodedata.normalize("NFC", text) if nfc else text


def ensure_folder(path: str | Path, *, what: str = "output folder") -> Path:
    """Create the folder if needed and check that a file can be written in it."""
    folder = Path(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".rl-write-test-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        reason, hint = os_problem(exc)
        if exc.errno == errno.EEXIST or (folder.exists() and not folder.is_dir()):
            reason, hint = "a file of that name is in the way", "choose a folder name"
        raise ResumeError.single(
            str(folder),
            f"cannot write here: {reason}",
            hint=f"{hint}; the {what} must be a folder you can write to",
            what=what,
        ) from None
    return folder


def write_atomic(path: str | Path, text: str) -> Path:
    """Write text to a temporary file beside `path`, then replace `path` with it: a crash
    or a full disk leaves the old file whole and no temporary file behind. Raises OSError."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_output(path: str | Path, text: str, *, what: str = "output file") -> Path:
    """write_atomic for a file the learner named: a failure is a ResumeError naming it."""
    try:
        return write_atomic(path, text)
    except OSError as exc:
        reason, hint = os_problem(exc)
        raise ResumeError.single(
            str(path), f"cannot write it: {reason}", hint=hint, what=what
        ) from None


def check_output(out: Path, *, force: bool, inputs: Iterable[str | Path] = ()) -> None:
    """Refuse an output path that is one of the inputs (even with --force), a folder, or an
    existing file without --force. Nothing has been written when this raises."""
    for source in inputs:
        if same_file(out, source):
            raise ResumeError.single(
                str(out),
                f"this is {source}, which is being read; writing it would replace it",
                hint="name another output file with -o; the input is never overwritten",
                what="output file",
            )
    if out.is_dir():
        raise ResumeError.single(
            str(out),
            "this is a folder, not a file",
            hint=f"name a file inside it, e.g. {out / 'resume.yaml'}",
            what="output file",
        )
    if out.exists() and not out.is_file():  # a device or a pipe: replacing it would break it
        raise ResumeError.single(
            str(out),
            "this is not a regular file",
            hint="name a file to write, or leave out -o to print to the screen",
            what="output file",
        )
    if out.exists() and not force:
        raise ResumeError.single(
            str(out),
            "the output file already exists; nothing was written",
            hint="name another file with -o, or add --force to replace it",
            what="output file",
        )


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one file (also through links); False when either is missing."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()
