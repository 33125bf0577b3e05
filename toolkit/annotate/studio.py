"""The embedded Label Studio server behind `newsdump studio start|stop|status`.

Label Studio is an application with its own pinned stack (Django, its own pyarrow pin), so it
never joins the toolkit's dependency resolution: it runs from a virtual environment of its own,
created on first use, or from a `label-studio` the user already has. The server binds to
127.0.0.1 only and keeps its SQLite database under a project-local folder. Credentials are
generated once and stored in a config file only the user can read; the token travels to the
server in its environment, never on a command line.

`label-studio start` serves through Django's development server: one process, so one core for
every request. When gunicorn is installed beside Label Studio (`install` puts it into our own
venv), `start` runs `label-studio init` (migrations, admin user and token, as `start` would)
and then serves the same Django application from several gunicorn worker processes, so a large
export split into concurrent requests uses every core.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.errors import StudioError

LABEL_STUDIO_VERSION = "1.23.2"
GUNICORN_VERSION = "27.0.1"
HOME_ENV = "NEWSDUMP_STUDIO_HOME"
EXECUTABLE_ENV = "NEWSDUMP_LABEL_STUDIO"
DEFAULT_PORT = 8080
# Hooks for the gunicorn workers, written beside the server's config. Label Studio's export
# decodes and builds hundreds of thousands of objects per request, and with the collector's
# default thresholds its full collections walk all of Django as well, again and again: on
# 2,250 tasks in pieces of 375, 3.1-4.5 ms of CPU per task with the defaults, 2.3-3.0 ms with
# startup objects frozen and collections rarer. Cyclic garbage is still collected, later.
GUNICORN_CONF = """\
# Written by `newsdump studio start`: settings for Label Studio's gunicorn workers.
import gc


def post_worker_init(worker):
    gc.freeze()
    gc.set_threshold(50_000, 10, 10)
"""
ADMIN = "admin@newsdump.local"


def default_venv() -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "newsdump" / f"label-studio-{LABEL_STUDIO_VERSION}"


def find_executable() -> Path | None:
    """An existing Label Studio: $NEWSDUMP_LABEL_STUDIO, our own venv, or one on PATH."""
    named = os.environ.get(EXECUTABLE_ENV)
    if named:
        return Path(named) if Path(named).is_file() else None
    own = default_venv() / "bin" / "label-studio"
    if own.is_file():
        return own
    found = shutil.which("label-studio")
    return Path(found) if found else None


def install(log: Any = print) -> Path:
    """Create the private venv with the pinned Label Studio and gunicorn (a few minutes,
    once). A venv made before gunicorn joined it gets gunicorn added."""
    found = find_executable()
    if found:
        if found.parent.parent == default_venv() and _gunicorn_python(found) is None:
            _add_gunicorn(found, log)
        return found
    venv = default_venv()
    log(f"installing Label Studio {LABEL_STUDIO_VERSION} into {venv} (first use, a few minutes)")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, "--upgrade", "pip"], check=True)
        subprocess.run(
            [*pip, f"label-studio=={LABEL_STUDIO_VERSION}", f"gunicorn=={GUNICORN_VERSION}"],
            check=True,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        shutil.rmtree(venv, ignore_errors=True)
        raise StudioError(
            f"could not install Label Studio into {venv} ({exc}); check PyPI access, or install "
            f"it yourself and set {EXECUTABLE_ENV} to its `label-studio` executable"
        ) from None
    return venv / "bin" / "label-studio"


@dataclass
class Status:
    running: bool
    url: str | None
    pid: int | None
    home: Path
    log: Path
    username: str | None
    token: str  # masked


class Studio:
    """One embedded server: its folder holds `config.json` (0600), `data/` and `server.log`."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.config_path = home / "config.json"
        self.data_dir = home / "data"
        self.log_path = home / "server.log"

    @classmethod
    def locate(cls, home: str | Path | None = None) -> Studio:
        chosen = home or os.environ.get(HOME_ENV) or Path.cwd() / ".newsdump" / "studio"
        return cls(Path(chosen).resolve())

    def read_config(self) -> dict[str, Any]:
        try:
            value: dict[str, Any] = json.loads(self.config_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise StudioError(
                f"cannot read {self.config_path} ({exc}); delete it and run `newsdump studio "
                "start` again"
            ) from None
        return value

    def _write_config(self, config: dict[str, Any]) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        tmp = self.config_path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(config, fh, indent=2)
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.config_path)

    def status(self) -> Status:
        config = self.read_config()
        pid = config.get("pid")
        url = config.get("url")
        # A server whose workers are all busy (a large export) may not answer the health
        # check in time; while its process lives and holds its port, it is running.
        running = bool(
            pid
            and _alive(pid)
            and url
            and (_healthy(url) or not _port_free(int(config.get("port") or 0)))
        )
        token = str(config.get("token", ""))
        return Status(
            running=running,
            url=url,
            pid=pid if running else None,
            home=self.home,
            log=self.log_path,
            username=config.get("username"),
            token=f"{token[:4]}…" if token else "(none)",
        )

    def start(self, port: int = DEFAULT_PORT, timeout: float = 300.0, log: Any = print) -> Status:
        current = self.status()
        if current.running:
            return current
        executable = install(log)
        if not _port_free(port):
            raise StudioError(
                f"port {port} on 127.0.0.1 is in use; pick another with --port (or stop what "
                "runs there)"
            )
        config = self.read_config()
        config.setdefault("username", ADMIN)
        config.setdefault("password", secrets.token_urlsafe(12))
        config.setdefault("token", secrets.token_hex(20))
        config.update(url=f"http://127.0.0.1:{port}", port=port, pid=None)
        self._write_config(config)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        process = self._spawn(executable, config)
        config["pid"] = process.pid
        self._write_config(config)
        log(f"starting Label Studio at {config['url']} (first start runs migrations: ~1 min)")
        self._wait(process, str(config["url"]), timeout)
        return self.status()

    def _spawn(self, executable: Path, config: dict[str, Any]) -> subprocess.Popen[bytes]:
        env = {
            **os.environ,
            "LABEL_STUDIO_USERNAME": config["username"],
            "LABEL_STUDIO_PASSWORD": config["password"],
            "LABEL_STUDIO_USER_TOKEN": config["token"],
            "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true",
            # No telemetry: the server stays local, and error reporting to sentry.io would
            # otherwise trace requests and retry unreachable hosts on every sampled one.
            "LABEL_STUDIO_COLLECT_ANALYTICS": "false",
            "LABEL_STUDIO_SENTRY_DSN": "",
            "LABEL_STUDIO_FRONTEND_SENTRY_DSN": "",
            "LABEL_STUDIO_LOG_LEVEL": "WARNING",
        }
        served = _gunicorn_python(executable)
        argv = (
            self._gunicorn_argv(executable, *served, config, env)
            if served is not None
            else [
                str(executable), "start", "--no-browser",
                "--data-dir", str(self.data_dir),
                "--port", str(config["port"]),
                "--host", str(config["url"]),
                "--internal-host", "127.0.0.1",
                "--enable-legacy-api-token",
            ]
        )  # fmt: skip
        with self.log_path.open("ab") as log_file:
            return subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=self.home,
                start_new_session=True,  # its own process group: stop() ends it and its children
            )

    def _gunicorn_argv(
        self,
        executable: Path,
        python: Path,
        package: str,
        config: dict[str, Any],
        env: dict[str, str],
    ) -> list[str]:
        """`label-studio init` (what `start` does before serving: migrations, the admin user
        and its token), then gunicorn in its place (`exec`, so the pid we keep is the
        server's). Only paths are on the command line; credentials stay in `env`."""
        env.update(
            DJANGO_SETTINGS_MODULE="label_studio.core.settings.label_studio",
            LABEL_STUDIO_BASE_DATA_DIR=str(self.data_dir),
            LABEL_STUDIO_HOST=str(config["url"]),
        )
        init = [
            str(executable), "init", "--quiet", "--no-browser",
            "--data-dir", str(self.data_dir),
            "--enable-legacy-api-token",
        ]  # fmt: skip
        serve = [
            str(python), "-m", "gunicorn", "label_studio.core.wsgi:application",
            # Label Studio imports its apps as top-level modules (`core`, `tasks`), as
            # `label-studio start` arranges by putting its package folder on sys.path.
            "--pythonpath", package,
            "--bind", f"127.0.0.1:{config['port']}",
            "--workers", str(server_workers()),
            # A whole-project export of tens of thousands of tasks takes minutes.
            "--timeout", "900",
            # Exports of chosen tasks name them in the query string (`ids[]=...`).
            "--limit-request-line", "8190",
            # Its default control socket is one path in $HOME for every server.
            "--no-control-socket",
            "--config", str(self._gunicorn_conf()),
        ]  # fmt: skip
        script = f"{shlex.join(init)} && exec {shlex.join(serve)}"
        return ["/bin/sh", "-c", script]

    def _gunicorn_conf(self) -> Path:
        path = self.home / "gunicorn.conf.py"
        path.write_text(GUNICORN_CONF, encoding="utf-8")
        return path

    def _wait(self, process: subprocess.Popen[bytes], url: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise StudioError(
                    f"Label Studio exited during start-up (code {process.returncode}): "
                    f"{_last_line(self.log_path)}; full log in {self.log_path}"
                )
            if _healthy(url):
                return
            time.sleep(1.0)
        self.stop()
        raise StudioError(
            f"Label Studio did not answer at {url} within {timeout:.0f} s; see {self.log_path}"
        )

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop the server; False when none was running."""
        config = self.read_config()
        pid = config.get("pid")
        if not pid or not _alive(pid):
            if pid:
                self._write_config({**config, "pid": None})
            return False
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _alive(pid):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
        self._write_config({**config, "pid": None})
        return True


def server_workers() -> int:
    """One worker per core, at least three and at most four (each holds its own Django, about
    400 MB): a pull keeps two export requests and the predictions listing going at once (see
    `export`), and the labeling page still gets answers from whichever is free first."""
    return max(3, min(4, os.cpu_count() or 1))


def _gunicorn_python(executable: Path) -> tuple[Path, str] | None:
    """The Python beside `label-studio` and Label Studio's package folder, when that Python
    has both Label Studio and gunicorn; else None (then the server runs as `label-studio
    start` has it). One probe answers both."""
    python = executable.parent / "python"
    if not python.is_file():
        return None
    probe = subprocess.run(
        [str(python), "-c", "import importlib.util as u; "
         "ls = u.find_spec('label_studio'); "
         "print(ls.submodule_search_locations[0] if ls and u.find_spec('gunicorn') else '')"],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    package = probe.stdout.strip()
    return (python, package) if probe.returncode == 0 and package else None


def _add_gunicorn(executable: Path, log: Any) -> None:
    log(f"adding gunicorn {GUNICORN_VERSION} to {executable.parent.parent}")
    pip = [str(executable.parent / "python"), "-m", "pip", "install", "--quiet"]
    try:
        subprocess.run([*pip, f"gunicorn=={GUNICORN_VERSION}"], check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        # Not fatal: `start` then serves with `label-studio start`, one process.
        log(f"could not install gunicorn ({exc}); Label Studio will run in one process")


def _alive(pid: int) -> bool:
    try:
        waited, _ = os.waitpid(pid, os.WNOHANG)
        if waited == pid:
            return False  # our own child, now reaped
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def _last_line(path: Path) -> str:
    try:
        lines = [ln for ln in path.read_text(errors="replace").splitlines() if ln.strip()]
    except OSError:
        return "no log"
    return lines[-1][:200] if lines else "empty log"
