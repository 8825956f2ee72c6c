"""The command group: every command module is loaded, and a missing one is an error."""

import os
import subprocess
import sys

from click.testing import CliRunner

from tei_kirov.cli.main import COMMAND_MODULES, cli
from tests.conftest import REPO


def test_every_command_module_is_a_command():
    assert sorted(cli.commands) == sorted(COMMAND_MODULES)
    result = CliRunner().invoke(cli, ["--help"])
    assert all(name in result.output for name in COMMAND_MODULES)


def test_a_missing_command_module_is_an_error_not_a_command_gone_quietly():
    hide = ("import sys; sys.modules['tei_kirov.cli.schema'] = None\n"
            "import tei_kirov.cli.main\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", hide], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "ModuleNotFoundError" in done.stderr and "tei_kirov.cli.schema" in done.stderr
