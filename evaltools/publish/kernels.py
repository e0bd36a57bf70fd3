"""Warm kernels: each report gets a new kernel forked from a process that has already imported
the report's libraries.

Starting a Python kernel and importing pandas, scipy, statsmodels and matplotlib in it takes
several seconds, and a report needs a new kernel every time. A *kernel zygote* removes that
cost: one process per ``evaltools render`` command imports the libraries once and then, on
request, forks a new ipykernel for each notebook. Every report still runs in its own new kernel
process, with its own namespace, and executes every cell; nothing carries over between projects.
Only the imported modules are shared, copy-on-write.

The zygote is used on Linux (it relies on ``fork``). Elsewhere, or with
``EVALTOOLS_WARM_KERNELS=0``, kernels start the usual way. If the zygote cannot serve a request,
the kernel is started the usual way as well, and a warm kernel that dies or never answers is
replaced by one started the usual way (:func:`evaltools.publish.render.execute_notebook`), so warm
kernels can only make a run faster. Windows
has neither ``fork`` nor the IPC sockets the kernels otherwise talk over: there every kernel
starts the usual way and talks over TCP on the local machine.
"""
from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from collections.abc import Iterator

ENV_ADDRESS = "EVALTOOLS_KERNEL_ZYGOTE"
# the folder this copy of the toolkit is imported from: a zygote forks kernels only for a command of the same copy
TOOLKIT = str(Path(__file__).resolve().parents[1])
ENV_SWITCH = "EVALTOOLS_WARM_KERNELS"
ENV_PRELOAD = "EVALTOOLS_KERNEL_PRELOAD"  # a kernel's request: modules the zygote imports before forking it

# What a report's kernel imports; the zygote imports it once.
PRELOAD = (
    "numpy", "pandas", "scipy.stats", "scipy.sparse", "matplotlib.pyplot", "PIL.Image",
    "matplotlib_inline.backend_inline", "openpyxl", "yaml", "pydantic",
    "IPython", "ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.debugger",  # (without debugpy: see _serve)
    "evaltools.present.report", "evaltools.present.portfolio", "evaltools.present.plots",
    # the last cell's (the workbook) and the project loader's look for Kolada's figures (sqlite3, urllib)
    "evaltools.publish.workbook", "evaltools.data.kolada",
)
# What only some reports' kernels import, and at a cost that the zygote pays once for all of them when the
# first kernel that needs it is requested: ``honestdid`` (the comparison designs' sensitivity bounds) imports
# torch and cvxpy, about 2 CPU-s in every kernel that imports it (docs/benchmarks.md). A report without a
# comparison group never asks for it, so its command does not pay for it.
ON_REQUEST = ("honestdid",)


def kernel_environment() -> dict[str, str]:
    """The environment the command gives the processes that run reports (kernels, their zygote, the
    batch's workers), for each variable the user has not set. Read by each process as it starts.

    * One thread for the linear-algebra libraries (OpenBLAS, OpenMP, MKL): a report's matrices are
      small, two reports run side by side in a batch, and threads that wait for a busy core spin;
      measured: a Kompassen report's cells 0.4–0.8 CPU-s less, a 250 000 x 70 product under load
      0.2 instead of 2–3.6 CPU-s (docs/benchmarks.md).
    * On Linux (glibc), large arrays from the heap rather than each from its own fresh mapping, and
      freed memory kept for the next array: at national scale every temporary array is tens of
      megabytes, and mapping and zero-filling each anew was a third of the analyses' CPU time
      (29.0 → 19.8 CPU-s; the process's peak memory about 60 MB higher). Results are unchanged.
    * On Linux, numpy's large arrays without the request for transparent huge pages
      (``NUMPY_MADVISE_HUGEPAGE=0``): where the kernel compacts memory to find a huge page at the
      first touch (``defrag`` set to ``madvise``, Debian's default), that stall cost more than the
      huge pages saved: the national-scale analyses took 12.6 s instead of 15.6–18.5 s, the DiD 4.5–5.2
      instead of 7.3–8.5 s, the system CPU time of building a DiD panel three times 2.0 instead of 6.3 s
      (docs/benchmarks.md). Results are unchanged.
    """
    env = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    if _linux():
        env |= {"MALLOC_MMAP_THRESHOLD_": str(2**32), "MALLOC_TRIM_THRESHOLD_": str(2**32),
                "NUMPY_MADVISE_HUGEPAGE": "0"}
    return env


def _linux() -> bool:
    return sys.platform.startswith("linux")


def _windows() -> bool:
    return sys.platform == "win32"


def supported() -> bool:
    """Whether warm kernels can be used here: Linux (fork) and not switched off."""
    return _linux() and os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "no", "false", "off")


def transport() -> str:
    """How the renderer talks to its kernels: IPC sockets (a file per kernel, so parallel runs
    never race for a port), or TCP on Windows, which has no IPC transport."""
    return "tcp" if _windows() else "ipc"


# Isolated mode: the current folder, PYTHONPATH and the user's site-packages are not on sys.path.
# The toolkit itself is imported from the folder this module comes from (the checkout or the
# installed package that runs the command, not another copy installed in the environment), and
# that folder is taken off sys.path again, so that nothing else is imported from it.
_ZYGOTE_MAIN = ("import sys; sys.path.insert(0, sys.argv[2]); import evaltools; sys.path.remove(sys.argv[2]); "
                "from evaltools.publish.kernels import _serve; _serve()")


class KernelZygote:
    """A process that has imported the report libraries and forks a new kernel per request.

    Start it as early as possible: it imports in parallel with the caller. Requests made before
    it is ready simply wait for it.
    """

    def __init__(self) -> None:
        self._dir = tempfile.mkdtemp(prefix="evaltools-kernels-")
        self.address = os.path.join(self._dir, "zygote.sock")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(self.address)
        listener.listen(64)
        try:
            self.process = subprocess.Popen(
                # -I: isolated mode. The current folder is not put on sys.path (a calendar.py where the command
                # is run would otherwise be imported by every report's kernel), and neither are PYTHONPATH and
                # the user's site-packages; only the toolkit's own environment is imported.
                [sys.executable, "-I", "-c", _ZYGOTE_MAIN, str(listener.fileno()), str(Path(TOOLKIT).parent)],
                pass_fds=(listener.fileno(),), stdin=subprocess.PIPE,
                # a session of its own: Ctrl+C in the terminal stops the command, which then stops the
                # zygote (end of its stdin), instead of interrupting its imports with a traceback
                start_new_session=True)
        finally:
            listener.close()  # the zygote has its own copy; connections queue until it accepts

    def stop(self) -> None:
        """Stop the zygote (kernels it started and that are still running notice and exit)."""
        if self.process.stdin:
            self.process.stdin.close()  # end-of-file on its stdin tells it to exit
        try:
            self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self._dir, ignore_errors=True)


@contextlib.contextmanager
def warm_kernels(enabled: bool = True) -> Iterator[KernelZygote | None]:
    """Within this block, kernels started by :func:`kernel_manager_class` managers are forked
    from a zygote (when ``enabled`` and :func:`supported`); the zygote stops at the end."""
    if not (enabled and supported()) or os.environ.get(ENV_ADDRESS):
        yield None
        return
    zygote = KernelZygote()
    os.environ[ENV_ADDRESS] = zygote.address
    try:
        yield zygote
    finally:
        os.environ.pop(ENV_ADDRESS, None)
        zygote.stop()


# --- the zygote process -------------------------------------------------------------------

def _serve() -> None:
    """Zygote main loop: import, then fork a kernel for each request until stdin closes."""
    import importlib
    import select
    listener = socket.socket(fileno=int(sys.argv[1]))
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels are reaped automatically
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # as jupyter_client sets for kernels
    # A report's kernel runs headless: nobody attaches a debugger to it. Without debugpy (about
    # 0.2 CPU-s of imports here, on the way to every command's first cell) ipykernel starts its
    # kernels without the debugger, as it does where debugpy is not installed.
    sys.modules.setdefault("debugpy", None)  # type: ignore[arg-type]  # None: "not importable"
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except Exception as e:  # noqa: BLE001 - a kernel can still import it (and show the error) itself
            print(f"evaltools kernels: could not preload {name}: {e}", file=sys.stderr)
    _warm_up()
    import gc
    gc.collect()
    gc.freeze()  # the imported modules' objects: kernels neither copy nor scan them in collections
    tried: set[str] = set()
    while True:
        ready, _, _ = select.select([listener.fileno(), 0], [], [])
        if 0 in ready and not os.read(0, 512):
            os._exit(0)  # the command that started us has finished; skip tearing down the imports
        if listener.fileno() in ready:
            conn, _ = listener.accept()
            with conn:
                try:
                    request = json.loads(_read_line(conn))
                except (OSError, ValueError):
                    continue
                if request.get("toolkit") != TOOLKIT:
                    # a command of another checkout or installation (its environment named this zygote): its
                    # reports are never run with this copy's code; it starts its kernels the usual way
                    with contextlib.suppress(OSError):
                        conn.sendall(f"other {TOOLKIT}\n".encode())
                    continue
                _preload(request, tried)
                pid = os.fork()
                if pid == 0:
                    listener.close()
                    conn.close()
                    _become_kernel(request)  # never returns
                with contextlib.suppress(OSError):
                    conn.sendall(f"{pid}\n".encode())


def _preload(request: dict, tried: set[str]) -> None:
    """Import, once, the modules of :data:`ON_REQUEST` that a kernel's request names (its environment's
    ``EVALTOOLS_KERNEL_PRELOAD``, comma-separated); other names are ignored. A module that cannot be
    imported is left to the kernel, which imports it (and meets the error) itself."""
    import gc
    import importlib
    env = request.get("env")
    wanted = str(env.get(ENV_PRELOAD, "")) if isinstance(env, dict) else ""
    names = [n for n in (w.strip() for w in wanted.split(",")) if n in ON_REQUEST and n not in tried]
    for name in names:
        tried.add(name)
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - an optional extra not installed: the kernel says so itself
            continue
    if names:
        gc.collect()
        gc.freeze()


def _warm_up() -> None:
    """Load fonts and text-layout caches once (without choosing a pyplot backend)."""
    try:
        import io

        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        fig = Figure(figsize=(2, 1), dpi=72)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        ax.set_title("Åäö 0,5 %", fontweight="bold")
        ax.plot([0, 1], [0, 1])
        fig.savefig(io.BytesIO(), format="png")
        # the package's message catalogs (read once per process and cached): every report reads
        # them, so its kernel finds them parsed (a project's overrides are read by the report itself)
        from ..data.messages import _messages  # warm-up only: imported where it is used
        from ..words.text import catalog  # warm-up only: imported where it is used
        for lang in ("sv", "en"):
            catalog(lang)
            _messages(lang)
        # the report's HTML templates, compiled once (each kernel otherwise compiles the ones it uses)
        from ..present.markup import environment  # warm-up only: imported where it is used
        templates = environment()
        for name in templates.list_templates(extensions=["j2"]):
            templates.get_template(name)
    except Exception as e:  # noqa: BLE001 - warming up is an optimisation only
        print(f"evaltools kernels: warm-up skipped: {e}", file=sys.stderr)


def _read_line(conn: socket.socket) -> str:
    buf = b""
    while not buf.endswith(b"\n"):
        chunk = conn.recv(65536)
        if not chunk:
            break
        buf += chunk
    return buf.decode("utf-8")


def _quiet_shutdown_interrupt(record: logging.LogRecord) -> bool:
    """Drop the kernel's "KeyboardInterrupt caught in kernel." log line.

    jupyter_client interrupts every kernel (SIGINT) just before asking it to shut down; an idle
    kernel then logs this as an ERROR, which the terminal of ``evaltools render`` showed as if a
    report had failed. A real failure reaches the notebook and the command's summary instead.
    """
    return record.getMessage() not in _QUIET


# What a kernel logs that is no news to the person at the terminal: the interrupt before every shutdown
# (above), and its leaving once the command stopped (Ctrl+C), which already said so.
_QUIET = ("KeyboardInterrupt caught in kernel.", "Parent appears to have exited, shutting down.")


def _become_kernel(request: dict) -> None:
    """In the forked child: become the ipykernel that ``request['argv']`` would have started."""
    code = 1
    try:
        os.setsid()  # own process group, as a normally launched kernel: interrupts reach only it
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        os.chdir(request["cwd"])
        env = dict(request["env"])
        env.pop(ENV_ADDRESS, None)
        env.pop(ENV_PRELOAD, None)
        env["JPY_PARENT_PID"] = str(os.getppid())  # the kernel exits if the zygote goes away
        os.environ.clear()
        os.environ.update(env)
        argv = request["argv"]
        args = argv[argv.index("ipykernel_launcher") + 1:]
        sys.argv = [argv[0], *args]
        from ipykernel.kernelapp import IPKernelApp
        app = IPKernelApp.instance()
        app.parent_handle = os.getppid()  # its default was read from the environment at import
        app.initialize(args)
        app.log.addFilter(_quiet_shutdown_interrupt)
        if "matplotlib" in sys.modules and os.environ.get("MPLBACKEND"):
            # a kernel started cold reads MPLBACKEND (set by ipykernel) when it imports matplotlib
            sys.modules["matplotlib"].rcParams["backend"] = os.environ["MPLBACKEND"]
        app.start()
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else 0
    except BaseException:  # noqa: BLE001 - report and leave; the manager sees the kernel die
        import traceback
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
            with contextlib.suppress(Exception):
                stream.flush()  # type: ignore[union-attr]  # a missing stream is suppressed too
        os._exit(code)


# --- the manager side -----------------------------------------------------------------------

class _ForkedKernel:
    """The parts of ``subprocess.Popen`` that jupyter_client uses, for a kernel that is the
    zygote's child rather than ours."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
                with open(f"/proc/{self.pid}/stat", encoding="ascii") as f:
                    if f.read().rsplit(")", 1)[1].split()[0] == "Z":  # exited, not yet reaped
                        self.returncode = 0
            except (ProcessLookupError, FileNotFoundError):
                self.returncode = 0  # gone; its exit status belongs to the zygote
            except PermissionError:
                pass
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        import time
        end = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if end is not None and time.monotonic() > end:
                raise subprocess.TimeoutExpired(str(self.pid), timeout or 0.0)
            time.sleep(0.05)
        return self.returncode  # type: ignore[return-value]

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


ZYGOTE_TIMEOUT_S = 120  # its imports take a few seconds; the first run on a machine builds font caches


async def _request_fork(address: str, argv: list[str], cwd: str, env: dict) -> int:
    reader, writer = await asyncio.open_unix_connection(address)
    try:
        writer.write((json.dumps({"argv": argv, "cwd": cwd, "env": env, "toolkit": TOOLKIT}) + "\n").encode())
        await writer.drain()
        try:
            line = await asyncio.wait_for(reader.readline(), ZYGOTE_TIMEOUT_S)
        except TimeoutError:
            raise OSError(f"the kernel zygote did not answer within {ZYGOTE_TIMEOUT_S} s") from None
    finally:
        writer.close()
    if not line.strip():
        raise OSError("the kernel zygote did not answer")
    if line.startswith(b"other "):
        raise OSError(f"the kernel zygote runs another copy of the toolkit, {line[6:].decode(errors='replace').strip()}")
    return int(line)


@functools.cache
def _provisioner_class():
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner

    class ForkedKernelProvisioner(LocalProvisioner):
        """Starts ipykernel by asking the zygote to fork; anything else is launched as usual."""

        async def launch_kernel(self, cmd: list[str], **kwargs):
            address = os.environ.get(ENV_ADDRESS)
            if address and "ipykernel_launcher" in cmd:
                try:
                    pid = await _request_fork(address, list(cmd), str(kwargs.get("cwd") or os.getcwd()),
                                              dict(kwargs.get("env") or os.environ))
                except (OSError, ValueError) as e:
                    self.log.warning("Warm kernel unavailable (%s); starting the kernel the usual way.", e)
                else:
                    self.process = _ForkedKernel(pid)  # type: ignore[assignment]  # a Popen look-alike
                    self.pid = self.pgid = pid
                    self.cwd = kwargs.get("cwd") or os.getcwd()
                    return self.connection_info
            return await super().launch_kernel(cmd, **kwargs)

    return ForkedKernelProvisioner


SHUTDOWN_POLL_S = 0.01  # how often a kernel asked to shut down is looked at until it has gone
READY_TRY_S = 1.0  # how long one kernel_info request waits for its reply
# ... and then for the idle status broadcast for it, which the kernel sends right after the reply. Missing
# after this long, it was broadcast before the channel had connected (a kernel forked from a warm zygote
# answers at once) and will never come: the request is sent again. A second's wait there was one report in
# two made again by `render --watch` (docs/benchmarks.md).
READY_IDLE_S = 0.1


@functools.cache
def ready_client_class():
    """An async kernel client whose readiness check ends as soon as the kernel has answered.

    jupyter_client's own check (``wait_for_ready``) waits, after the kernel's reply, for any message
    on the broadcast channel (IOPub), and then until that channel has been quiet for 0.2 s: a fixed
    wait on the way to every report's first cell. This one asks for the kernel's info and waits for
    the kernel's reply and for the *idle* status the kernel broadcasts after it (ipykernel sends it
    last, for that very request). Seeing it proves that the broadcast channel is connected and
    that everything the kernel broadcast before has been received, which is what the quiet
    period stood for. If the broadcast channel was not connected in time (a request's status can
    then be lost), the request is simply sent again, as jupyter_client does.
    """
    import time
    from queue import Empty

    from jupyter_client.asynchronous.client import AsyncKernelClient

    class ReadyKernelClient(AsyncKernelClient):
        async def wait_for_ready(self, timeout: float | None = None) -> None:
            deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
            while True:
                request = self.kernel_info()
                reply = await _reply_to(self.shell_channel, request, "kernel_info_reply", deadline, READY_TRY_S)
                if reply is not None and await _reply_to(self.iopub_channel, request, "status", deadline,
                                                         READY_IDLE_S, idle=True) is not None:
                    self._handle_kernel_info_reply(reply)
                    return
                if not await self._async_is_alive():
                    raise RuntimeError("Kernel died before replying to kernel_info")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")

    async def _reply_to(channel, request: str, msg_type: str, deadline: float, wait: float, idle: bool = False):
        """The message of ``msg_type`` that answers ``request`` on ``channel`` (others are passed
        over), or None if none came within ``wait`` seconds (or before ``deadline``)."""
        end = min(time.monotonic() + wait, deadline)
        while (left := end - time.monotonic()) > 0:
            try:
                msg = await channel.get_msg(timeout=left)
            except Empty:
                return None
            if (msg.get("parent_header", {}).get("msg_id") == request and msg.get("msg_type") == msg_type
                    and (not idle or msg.get("content", {}).get("execution_state") == "idle")):
                return msg
        return None

    return ReadyKernelClient


@functools.cache
def kernel_manager_class(preload: tuple[str, ...] = ()):
    """An async kernel manager on IPC sockets with a unique path per kernel, so parallel runs
    cannot race for TCP ports (papermill issue 511) and a fork cannot deadlock it (TCP on Windows,
    see :func:`transport`); inside :func:`warm_kernels` its kernels come from the zygote, which first
    imports the modules of ``preload`` that :data:`ON_REQUEST` lists (once for all its kernels)."""
    import uuid

    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.paths import jupyter_runtime_dir
    provisioner = _provisioner_class()

    class IPCKernelManager(AsyncKernelManager):
        def __init__(self, *args, **kwargs):
            kid = str(uuid.uuid4())
            os.makedirs(jupyter_runtime_dir(), exist_ok=True)
            kwargs.setdefault("kernel_id", kid)
            kwargs.setdefault("connection_file", os.path.join(jupyter_runtime_dir(), f"kernel-{kid}.json"))
            kwargs.setdefault("client_factory", ready_client_class())  # no fixed wait before the first cell
            super().__init__(*args, transport=transport(), **kwargs)

        async def _async_wait(self, pollinterval: float = 0.1) -> None:
            # jupyter_client looks every 0.1 s whether a kernel asked to shut down has gone; it goes within
            # milliseconds, and every report waited for the next look: look every 10 ms
            await super()._async_wait(pollinterval=min(pollinterval, SHUTDOWN_POLL_S))

        async def _async_pre_start_kernel(self, **kw):
            if preload and os.environ.get(ENV_ADDRESS):
                kw["env"] = {**(kw.get("env") or os.environ), ENV_PRELOAD: ",".join(preload)}
            if self.provisioner is None and os.environ.get(ENV_ADDRESS):
                self.provisioner = provisioner(kernel_id=self.kernel_id or kw.get("kernel_id"),
                                               kernel_spec=self.kernel_spec, parent=self)
            return await super()._async_pre_start_kernel(**kw)

    return IPCKernelManager
