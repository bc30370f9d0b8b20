"""Run a file parser (pdfplumber, python-docx, openpyxl, html.parser, olefile, calamine, our own readers) in a
child process with a time and memory limit, so that a hostile or broken file ends in one clear message and
nothing else in the program is affected.  Works on Windows too (spawn start method; the memory limit is POSIX only there the size
checks and the timeout still apply)."""
from __future__ import annotations

import importlib
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from typing import Any

from model.oserrors import describe, problem

from .result import IngestError

MEMORY_LIMIT = 2 * 1024 ** 3  # bytes of address space for the child (POSIX)
_KIND_NAME = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel", "doc": "Word", "xls": "Excel", "odt": "OpenDocument ",
              "ods": "OpenDocument ", "ofd": "OFD ", "rtf": "RTF ", "ole": "Office ", "html": "网页", "mhtml": "网页存档", "image": "图片"}
# kind → (module in ingest.readers, function(path, name)); "ole" tells a Word from an Excel compound file
READERS = {"pdf": ("pdf", "read_pdf"), "docx": ("docx", "read_docx"), "xlsx": ("xlsx", "read_xlsx"),
           "doc": ("doc", "read_doc"), "xls": ("calc", "read_calc"), "ods": ("calc", "read_calc"),
           "odt": ("odt", "read_odt"), "ofd": ("ofd", "read_ofd"), "rtf": ("rtf", "read_rtf"),
           "ole": ("ole", "ole_kind"), "html": ("html", "read_html"), "mhtml": ("mhtml", "read_mhtml"),
           "image": ("ocr", "read_image")}
# readers that announce their pages and pictures read by OCR (seconds each): fn(path, name, tell)
PAGED = ("pdf", "image", "html", "mhtml", "docx", "doc", "odt", "ofd")


CANCEL_POLL = 0.2  # seconds between looks at the caller's cancel while the child reads
OCR_PAGE_SECONDS = 60.0  # added to the time limit for each scanned page the child announces (2 busy cores)


def start_child(target: Callable[..., None], *args: object, duplex: bool = False
                ) -> tuple[Connection[Any, Any], BaseProcess]:
    """A daemon child process running target(conn, *args), started the way the readers are (forkserver or
    spawn, without the main script); this end of the pipe (the child sends on its end; with duplex, both ends
    send and receive), and the process.  OSError when it cannot start."""
    ctx = _context()
    ours, theirs = ctx.Pipe(duplex=duplex)
    proc = ctx.Process(target=target, args=(theirs, *args), daemon=True)
    _start_without_main(proc)
    theirs.close()
    return ours, proc


def run_reader(kind: str, path: str, name: str, timeout: float, progress: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Any:
    """("doc", items, tables) or ("nianbao", json_text) (ole_kind: "doc" or "xls"), as the child pickled it;
    IngestError on any failure.  progress(k, n) is
    called (k, n, 页 or 张图片) for each scanned page or picture the child starts reading by OCR; once cancelled() is true the child is
    ended at once (IngestError), not left to run to its time limit."""
    try:
        recv, proc = start_child(_child, kind, path, name, MEMORY_LIMIT, timeout)
    except OSError as e:
        raise IngestError(f"{name}：无法启动读取进程（{describe(e)}）") from None
    try:
        msg = _Waiter(recv, time.monotonic() + timeout, progress, cancelled).final(kind, name, proc)
    finally:
        recv.close()
        end_child(proc)
    if msg is None:
        code = proc.exitcode
        raise IngestError(f"{name}：{_KIND_NAME.get(kind, '')}文件读取失败（读取进程异常退出，代码 {code}），"
                          "文件可能已损坏或过于复杂")
    status, payload = msg[0], msg[1:]
    if status == "error":
        raise IngestError(payload[0])
    return payload[0] if len(payload) == 1 else payload


_CONTEXT: ForkServerContext | SpawnContext | None = None
# starting a child swaps the main module's attributes for a moment (see _start_without_main), and the batch
# starts children from several threads
_START_LOCK = threading.Lock()


def _context() -> ForkServerContext | SpawnContext:
    """forkserver where there is one (Linux): each child is forked from a clean server process that has the
    parsers imported, several times quicker than starting an interpreter (a PDF reads in less time than that
    took); spawn elsewhere (Windows).  Either way the child is a fresh process with its own limits."""
    global _CONTEXT
    with _START_LOCK:
        if _CONTEXT is None:
            # a frozen bundle starts its children through freeze_support, which knows spawn only
            if "forkserver" in multiprocessing.get_all_start_methods() and not getattr(sys, "frozen", False):
                _CONTEXT = multiprocessing.get_context("forkserver")
                _CONTEXT.set_forkserver_preload([__name__, f"{__package__}.readers.pdf", "pypdfium2",
                                                 f"{__package__}.batch"])  # and the checker, for the batch
            else:
                _CONTEXT = multiprocessing.get_context("spawn")
        return _CONTEXT


class _Waiter:
    """Receives the child's messages until its result: ("pages", n, ocr) once the file opened, ("page", k, n[, 张图片])
    before each scanned page or picture (each extends the time limit), then ("ok", …) or ("error", text)."""

    def __init__(self, conn: Connection[Any, Any], deadline: float, progress: Callable[[int, int, str], None] | None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.conn, self.deadline, self.progress = conn, deadline, progress
        self.cancelled = cancelled or (lambda: False)
        self.start, self.pages = time.monotonic(), 0

    def final(self, kind: str, name: str, proc: BaseProcess) -> tuple | None:
        while True:
            if not self._message_ready():
                proc.kill()
                proc.join(5)
                if self.cancelled():
                    raise IngestError(f"{name}：已取消读取")
                raise IngestError(self._timeout_message(kind, name))
            try:
                msg = self.conn.recv()
            except (EOFError, OSError):
                return None
            if msg[0] == "pages":
                self.pages = msg[1]
                if msg[2]:
                    self.deadline += OCR_PAGE_SECONDS * msg[1]
            elif msg[0] == "page":
                if self.progress is not None:
                    self.progress(msg[1], msg[2], msg[3] if len(msg) > 3 else "页")
            else:
                return msg

    def _message_ready(self) -> bool:
        """Waits for the child's next message in short steps (a cancel is seen within CANCEL_POLL seconds);
        False when the time ran out or the reading was cancelled."""
        while not self.cancelled():
            left = self.deadline - time.monotonic()
            if self.conn.poll(max(0.0, min(left, CANCEL_POLL))):
                return True
            if left <= CANCEL_POLL:
                return False
        return False

    def _timeout_message(self, kind: str, name: str) -> str:
        took = time.monotonic() - self.start
        if self.pages:  # it opened: a valid file that is long, not a broken one
            return f"{name}：PDF 较大（{self.pages} 页），读取超时（超过 {took:.0f} 秒仍未读完）"
        return f"{name}：读取超时（超过 {took:.0f} 秒仍未读完），文件可能已损坏或结构异常"


def end_child(proc: BaseProcess) -> None:
    if proc.is_alive():
        proc.join(2)
    if proc.is_alive():
        proc.kill()
        proc.join(2)


def _start_without_main(proc: BaseProcess) -> None:
    """Start the child without re-running the program's main script in it (a spawned child imports
    __main__ by path otherwise: slow when that script imports Qt, and fatal for a script without an
    `if __name__ == "__main__"` guard).  A frozen program needs multiprocessing.freeze_support()."""
    main = sys.modules.get("__main__")
    with _START_LOCK:
        if main is None or getattr(sys, "frozen", False):
            proc.start()
            return
        saved: dict[str, Any] = {k: main.__dict__[k] for k in ("__file__", "__spec__") if k in main.__dict__}
        try:
            main.__dict__.pop("__file__", None)
            main.__dict__["__spec__"] = None
            proc.start()
        finally:
            main.__dict__.pop("__spec__", None)
            main.__dict__.update(saved)


def _limit(memory: int, cpu_seconds: float) -> None:
    if os.name != "posix":
        return
    import resource

    for what, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, int(cpu_seconds) + 5)):
        try:
            soft, hard = resource.getrlimit(what)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(what, (value, hard))
        except (ValueError, OSError):
            pass


def _teller(conn: Connection[Any, Any], memory: int, timeout: float) -> Callable[[tuple], None]:
    """What a reader calls to announce its pages: sent to the parent; scanned pages widen the CPU limit as the
    parent widens its time limit (OCR keeps every core busy)."""
    def tell(msg: tuple) -> None:
        if msg[0] == "pages" and msg[2]:
            _limit(memory, (timeout + OCR_PAGE_SECONDS * msg[1]) * (os.cpu_count() or 1))
        conn.send(msg)
    return tell


def _quiet_stderr() -> None:
    """The child's stderr goes nowhere: a Rust parser's panic (calamine on a truncated .xls) prints its own
    「thread panicked at …」 there before it reaches Python, and the clerk gets the one line the parent gives."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:
        pass


def _child(conn: Connection[Any, Any], kind: str, path: str, name: str, memory: int, timeout: float) -> None:
    _limit(memory, timeout)
    _quiet_stderr()
    try:
        if kind not in READERS:
            raise IngestError(f"{name}：未知的文件类型")
        module, function = READERS[kind]
        fn = getattr(importlib.import_module(f"{__package__}.readers.{module}"), function)
        result = fn(path, name, _teller(conn, memory, timeout)) if kind in PAGED else fn(path, name)
        conn.send(("ok", result))
    except IngestError as e:
        conn.send(("error", str(e)))
    except MemoryError:
        conn.send(("error", f"{name}：读取时内存超出限制，文件过大或结构异常"))
    except RecursionError:
        conn.send(("error", f"{name}：文件结构嵌套过深，无法读取"))
    except OSError as e:
        conn.send(("error", f"{name}：{describe(e)}"))
    except (KeyboardInterrupt, SystemExit):
        raise
    # any parser failure (PdfminerException …) is one Chinese message, never a traceback; BaseException too:
    # a Rust parser's panic reaches Python as pyo3's PanicException, which is no Exception
    except BaseException as e:
        conn.send(("error", f"{name}：{_KIND_NAME.get(kind, '')}文件无法解析，{problem(e)}"))
    finally:
        try:
            conn.close()
        except Exception:
            pass
        sys.stdout.flush()
