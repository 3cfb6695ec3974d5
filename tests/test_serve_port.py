"""`make serve PORT=8001` previews on another port; a port in use is one plain line, not a traceback."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parent.parent
MAKE = ["make", "--no-print-directory", "-C", str(ROOT), "-o", ".venv/.site-deps"]
"""`make` in the project, taking the virtual environment as it is (never installing into it)."""


def test_a_port_in_use_is_one_plain_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([*MAKE, "serve", f"PORT={port}"], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == f"Port {port} is in use (another preview?): run make serve PORT={port + 1}"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("setting, address", [("PORT=8123", "127.0.0.1:8123"), ("HOST=0.0.0.0:9000", "0.0.0.0:9000"),
                                              (None, "127.0.0.1:8000")])
def test_the_preview_listens_where_it_is_told(setting, address):
    result = subprocess.run([*MAKE, "-n", "serve", *([setting] if setting else [])], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert f'free-port "{address}"' in result.stdout and f"--dev-addr {address} " in result.stdout
